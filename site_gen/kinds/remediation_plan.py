"""The plan for remedying the shortcomings an inspection found: solution groups and actions."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from site_gen.kinds.columns import FILE, Column, Scope, Table, at
from site_gen.kinds.kind import Kind, Names, Owner
from site_gen.kinds.labels import RECURRING


def _or_group(key: str) -> Callable[[Scope], Any]:
    """A remediation action's lead or cooperating units, or its group's when it has none."""

    def get(scope: Scope) -> Any:
        own = at(scope, f"solution_groups[].actions[].{key}")
        return own if own is not None else at(scope, f"solution_groups[].{key}")

    return get


class RemediationPlan(Kind):
    def page(self, data: Mapping[str, Any], names: Names) -> str | None:
        return f"khac-phuc/{data['id']}.md"


KIND = RemediationPlan(
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
)
