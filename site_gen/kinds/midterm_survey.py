"""A unit's mid-term survey: how far it is with the targets of its congress resolution."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from site_gen.kinds.columns import FILE, Column, Scope, Table, at
from site_gen.kinds.kind import Kind, Names, Owner
from site_gen.kinds.labels import COMPLETION, PROSPECT


def _term(scope: Scope) -> Any:
    term = at(scope, "term")
    if not isinstance(term, Mapping):
        return None
    return f"{term.get('from', '')}–{term.get('to', '')}"


class MidtermSurvey(Kind):
    def page(self, data: Mapping[str, Any], names: Names) -> str | None:
        return f"khao-sat/{data['id']}.md"

    def describe(self, data: Mapping[str, Any], names: Names) -> str | None:
        return f"Khảo sát: {names.unit_name(data['unit'])}"


KIND = MidtermSurvey(
    "midterm-survey",
    "midterm-survey.schema.json",
    "Khảo sát giữa nhiệm kỳ",
    "Mid-term survey",
    "khao-sat/{id}.yaml",
    Owner.UNIT,
    "khao-sat",
    Table(
        ("targets",),
        (
            FILE,
            Column("Mã khảo sát", "id"),
            Column("Đơn vị được khảo sát", "unit"),
            Column("Nhiệm kỳ", "term", get=_term),
            Column("Nghị quyết", "resolution"),
            Column("Ngày nộp", "submitted", "date"),
            Column("Số chỉ tiêu", "targets[].code"),
            Column("Nội dung chỉ tiêu", "targets[].name"),
            Column("Chỉ tiêu cả nhiệm kỳ", "targets[].target", "number"),
            Column("Đã đạt", "targets[].achieved", "number"),
            Column("Đơn vị tính", "targets[].measure"),
            Column("Mức độ hoàn thành", "targets[].completion", "label", COMPLETION),
            Column("Triển vọng hoàn thành", "targets[].prospect", "label", PROSPECT),
            Column("Đánh giá", "targets[].note"),
        ),
    ),
    context="surveys",
    broken_fields=("id",),
)
