"""The plan for remedying the shortcomings an inspection found: solution groups and actions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any

from site_gen.kinds.columns import FILE, Column, Scope, Table, at
from site_gen.kinds.defs import Document, Due
from site_gen.kinds.kind import Kind, Names, Owner
from site_gen.kinds.labels import RECURRING
from site_gen.kinds.typed import Model


class RemediationPlanShortcoming(Model):
    """Khuyết điểm."""

    id: str  # Mã khuyết điểm
    area: str  # Lĩnh vực
    origin: str  # Nguồn gốc
    since: int | None = None  # Từ năm
    long_term: bool = False  # Mang tính lâu dài
    description: str  # Nội dung khuyết điểm


class RemediationPlanSolutionGroupAction(Model):
    """Việc."""

    id: str  # Mã việc
    description: str  # Nội dung việc
    lead: str | None = None  # Đơn vị chủ trì việc
    cooperating: tuple[str, ...] = ()  # Đơn vị phối hợp việc
    deadline: dt.date | None = None  # Thời hạn
    recurring: str | None = None  # Thực hiện định kỳ


class RemediationPlanSolutionGroup(Model):
    """Nhóm giải pháp."""

    id: str  # Mã nhóm giải pháp
    name: str  # Tên nhóm giải pháp
    shortcomings: tuple[str, ...]  # Khắc phục khuyết điểm
    lead: str  # Đơn vị chủ trì
    cooperating: tuple[str, ...] = ()  # Đơn vị phối hợp
    actions: tuple[RemediationPlanSolutionGroupAction, ...]  # Việc cụ thể


class RemediationPlanReporting(Model):
    """Chế độ báo cáo."""

    cadence: tuple[str, ...]  # Định kỳ báo cáo
    report_to: str  # Gửi báo cáo về
    report_due: Due  # Hạn báo cáo đánh giá kết quả
    review_meeting: str | None = None  # Phiên họp đánh giá


class RemediationPlan(Model):
    """Kế hoạch khắc phục hạn chế, khuyết điểm."""

    kind: str  # Loại hồ sơ
    id: str  # Mã kế hoạch khắc phục
    year: int  # Năm thực hiện
    review_year: int | None = None  # Năm kiểm điểm
    document: Document
    issuer: str | None = None  # Tổ chức ban hành
    purposes: tuple[str, ...] = ()  # Mục đích, yêu cầu
    shortcomings: tuple[RemediationPlanShortcoming, ...]  # Hạn chế, khuyết điểm
    solution_groups: tuple[RemediationPlanSolutionGroup, ...]  # Nhóm giải pháp
    reporting: RemediationPlanReporting  # Chế độ báo cáo


def _or_group(key: str) -> Callable[[Scope], Any]:
    """A remediation action's lead or cooperating units, or its group's when it has none."""

    def get(scope: Scope) -> Any:
        own = at(scope, f"solution_groups[].actions[].{key}")
        return own if own is not None else at(scope, f"solution_groups[].{key}")

    return get


class RemediationPlanKind(Kind[RemediationPlan]):
    def page(self, data: Mapping[str, Any], names: Names) -> str | None:
        return f"khac-phuc/{data['id']}.md"


KIND = RemediationPlanKind(
    "remediation-plan",
    "remediation-plan.schema.json",
    "Kế hoạch khắc phục khuyết điểm",
    "Remediation plan",
    "khac-phuc/{year}/ke-hoach.yaml",
    Owner.ISSUED,
    "ke-hoach-khac-phuc",
    Table(
        ("solution_groups", "actions"),
        (
            FILE,
            Column("Mã kế hoạch khắc phục", "id"),
            Column("Năm thực hiện", "year", "number"),
            Column("Mã nhóm giải pháp", "solution_groups[].id"),
            Column("Tên nhóm giải pháp", "solution_groups[].name"),
            Column("Khắc phục khuyết điểm", "solution_groups[].shortcomings", "list"),
            Column("Mã việc", "solution_groups[].actions[].id"),
            Column("Nội dung việc", "solution_groups[].actions[].description"),
            Column("Đơn vị chủ trì việc", "solution_groups[].actions[].lead", get=_or_group("lead")),
            Column("Đơn vị phối hợp việc", "solution_groups[].actions[].cooperating", "list", get=_or_group("cooperating")),
            Column("Thời hạn", "solution_groups[].actions[].deadline", "date"),
            Column("Thực hiện định kỳ", "solution_groups[].actions[].recurring", "label", RECURRING),
        ),
    ),
    context="plans",
    broken_fields=("id",),
    model=RemediationPlan,
)
