"""The field-visit plan of a year (the Standing Committee's plan for going to the grassroots).

The list of exemption reasons it accepts is not published."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from site_gen.kinds.columns import FILE, Column, Scope, Table, at, date_text
from site_gen.kinds.kind import Kind, Names, Owner
from site_gen.kinds.labels import MEMBERSHIP


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


class FieldVisitPlan(Kind):
    def page(self, data: Mapping[str, Any], names: Names) -> str | None:
        return f"ke-hoach/{data['id']}.md"

    def public(self, data: dict[str, Any]) -> dict[str, Any]:
        data.pop("exemption_reasons", None)
        return data


KIND = FieldVisitPlan(
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
)
