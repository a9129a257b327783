"""The field-visit plan of a year (the Standing Committee's plan for going to the grassroots).

The list of exemption reasons it accepts is not published."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any

from site_gen.kinds.columns import FILE, Column, Scope, Table, at, date_text
from site_gen.kinds.defs import Document, Due
from site_gen.kinds.kind import Kind, Names, Owner
from site_gen.kinds.labels import MEMBERSHIP
from site_gen.kinds.typed import Model


class FieldVisitPlanCategoryTopic(Model):
    """Chuyên đề."""

    code: str  # Mã chuyên đề
    name: str  # Tên chuyên đề


class FieldVisitPlanCategory(Model):
    """Nội dung."""

    code: str
    name: str  # Tên nội dung
    description: str | None = None  # Diễn giải
    topics: tuple[FieldVisitPlanCategoryTopic, ...] = ()  # Chuyên đề


class FieldVisitPlanRoleGroup(Model):
    """Nhóm đối tượng."""

    group: str
    name: str  # Tên nhóm
    focus: tuple[str, ...]  # Nội dung tập trung
    min_days: int | None = None  # Số ngày tối thiểu của nhóm
    min_trips: int | None = None  # Số đợt tối thiểu
    min_days_per_trip: int | None = None  # Số ngày tối thiểu mỗi đợt
    note: str | None = None  # Ghi chú nhóm


class FieldVisitPlanWindow(Model):
    """Thời gian thực hiện."""

    from_: dt.date  # Từ ngày
    to: dt.date  # Đến ngày


class FieldVisitPlanDeadlinesQuarterlyReport(Model):
    """Hạn báo cáo quý (mẫu 3)."""

    day_of_last_month: int  # Ngày của tháng cuối quý
    strict: bool = True  # Trước ngày


class FieldVisitPlanDeadlines(Model):
    """Hạn nộp."""

    registration: Due  # Hạn đăng ký (mẫu 1)
    summary: Due  # Hạn tổng hợp (mẫu 2)
    quarterly_report: FieldVisitPlanDeadlinesQuarterlyReport  # Hạn báo cáo quý (mẫu 3)


class FieldVisitPlanImplementation(Model):
    """Nhiệm vụ của đơn vị."""

    audience: str  # Đơn vị thực hiện
    unit: str | None = None  # Mã đơn vị thực hiện
    tasks: tuple[str, ...]  # Nhiệm vụ


class FieldVisitPlan(Model):
    """Kế hoạch đi công tác cơ sở."""

    kind: str  # Loại hồ sơ
    id: str  # Mã kế hoạch
    year: int  # Năm kế hoạch
    document: Document
    issuer: str | None = None  # Tổ chức ban hành
    preamble: str | None = None  # Lời mở đầu
    purposes: tuple[str, ...] = ()  # Mục đích
    requirements: tuple[str, ...] = ()  # Yêu cầu
    categories: tuple[FieldVisitPlanCategory, ...]  # Nội dung đi cơ sở
    applies_to: tuple[str, ...] = ()  # Diện áp dụng
    min_days: int  # Số ngày tối thiểu
    role_groups: tuple[FieldVisitPlanRoleGroup, ...]  # Đối tượng và định hướng nội dung
    window: FieldVisitPlanWindow  # Thời gian thực hiện
    deadlines: FieldVisitPlanDeadlines  # Hạn nộp
    exemption_reasons: tuple[str, ...] = ()  # Các trường hợp được miễn
    priorities: tuple[str, ...] = ()  # Ưu tiên
    budget: str | None = None  # Kinh phí
    implementation: tuple[FieldVisitPlanImplementation, ...] = ()  # Tổ chức thực hiện


def _categories(scope: Scope) -> Any:
    return [f"{c.get('code', '')} {c.get('name', '')}" for c in at(scope, "categories") or [] if isinstance(c, Mapping)]


def _deadline(path: str) -> Callable[[Scope], Any]:
    def get(scope: Scope) -> Any:
        due = at(scope, path)
        if not isinstance(due, Mapping) or not due.get("date"):
            return None
        text = ("trước ngày " if due.get("strict") else "") + date_text(due["date"])
        return f"{text} {due['time']}" if due.get("time") else text

    return get


class FieldVisitPlanKind(Kind[FieldVisitPlan]):
    def page(self, data: Mapping[str, Any], names: Names) -> str | None:
        return f"ke-hoach/{data['id']}.md"

    def public(self, data: dict[str, Any]) -> dict[str, Any]:
        data.pop("exemption_reasons", None)
        return data


KIND = FieldVisitPlanKind(
    "field-visit-plan",
    "field-visit-plan.schema.json",
    "Kế hoạch đi công tác cơ sở",
    "Field-visit plan",
    "ke-hoach/{id}.yaml",
    Owner.ISSUED,
    "ke-hoach-di-co-so",
    Table(
        (),
        (
            FILE,
            Column("Mã kế hoạch", "id"),
            Column("Năm kế hoạch", "year", "number"),
            Column("Số văn bản", "document.number"),
            Column("Ngày ban hành", "document.date", "date"),
            Column("Trích yếu", "document.title"),
            Column("Cơ quan ban hành", "document.issuer"),
            Column("Tổ chức ban hành", "issuer"),
            Column("Nội dung đi cơ sở", "categories", "list", get=_categories),
            Column("Diện áp dụng", "applies_to", "labels", MEMBERSHIP),
            Column("Số ngày tối thiểu", "min_days", "number"),
            Column("Từ ngày", "window.from", "date"),
            Column("Đến ngày", "window.to", "date"),
            Column("Hạn đăng ký (mẫu 1)", "deadlines.registration", get=_deadline("deadlines.registration")),
            Column("Hạn tổng hợp (mẫu 2)", "deadlines.summary", get=_deadline("deadlines.summary")),
            Column("Ngày của tháng cuối quý", "deadlines.quarterly_report.day_of_last_month", "number"),
        ),
    ),
    context="plans",
    broken_fields=("id",),
    model=FieldVisitPlan,
)
