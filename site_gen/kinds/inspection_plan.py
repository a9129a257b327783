"""The inspection plan of a year: the schedule of inspections and the teams."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from site_gen.kinds.columns import FILE, Column, Scope, Table, at
from site_gen.kinds.kind import Kind, Names, Owner
from site_gen.kinds.labels import SESSION


def _team(key: str) -> Callable[[Scope], Any]:
    def get(scope: Scope) -> Any:
        ident = at(scope, "schedule[].team")
        for team in at(scope, "teams") or []:
            if isinstance(team, Mapping) and team.get("id") == ident:
                return team.get(key)
        return None

    return get


class InspectionPlan(Kind):
    def page(self, data: Mapping[str, Any], names: Names) -> str | None:
        return f"kiem-tra/{data['id']}.md"


KIND = InspectionPlan(
    "inspection-plan",
    "inspection-plan.schema.json",
    "Kế hoạch kiểm tra",
    "Inspection plan",
    "kiem-tra/{year}/ke-hoach.yaml",
    Owner.ISSUED,
    "ke-hoach-kiem-tra",
    Table(
        ("schedule",),
        (
            FILE,
            Column("Mã kế hoạch kiểm tra", "id"),
            Column("Năm đánh giá", "year", "number"),
            Column("Đơn vị được kiểm tra", "schedule[].unit"),
            Column("Ngày kiểm tra", "schedule[].date", "date"),
            Column("Buổi", "schedule[].session", "label", SESSION),
            Column("Đoàn kiểm tra", "schedule[].team"),
            Column("Tên đoàn", "teams[].name", get=_team("name")),
            Column("Trưởng đoàn", "teams[].leader", get=_team("leader")),
            Column("Địa điểm", "schedule[].location"),
            Column("Viết bài thu hoạch", "reflection_required", "bool"),
        ),
    ),
    context="plans",
    broken_fields=("id",),
)
