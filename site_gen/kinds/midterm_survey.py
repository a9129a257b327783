"""A unit's mid-term survey: how far it is with the targets of its congress resolution."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from site_gen.kinds.columns import FILE, Column, Scope, Table, at
from site_gen.kinds.defs import Due, Reference
from site_gen.kinds.kind import Kind, Names, Owner
from site_gen.kinds.labels import COMPLETION, PROSPECT
from site_gen.kinds.typed import Model


class MidtermSurveyTerm(Model):
    """Nhiệm kỳ."""

    from_: int  # Năm bắt đầu nhiệm kỳ
    to: int  # Năm kết thúc nhiệm kỳ


class MidtermSurveyTarget(Model):
    """Chỉ tiêu."""

    code: str  # Số chỉ tiêu
    name: str  # Nội dung chỉ tiêu
    target: float | None = None  # Chỉ tiêu cả nhiệm kỳ
    achieved: float | None = None  # Đã đạt
    measure: str | None = None  # Đơn vị tính
    completion: str  # Mức độ hoàn thành
    prospect: str  # Triển vọng hoàn thành
    note: str | None = None  # Đánh giá


class MidtermSurveyCreativity(Model):
    """Hoạt động sáng tạo."""

    ideas: int  # Ý tưởng sáng tạo
    supported: int  # Được hỗ trợ triển khai
    commended: int  # Được tuyên dương
    note: str | None = None  # Nhận xét hoạt động sáng tạo


class MidtermSurvey(Model):
    """Khảo sát, đánh giá giữa nhiệm kỳ."""

    kind: str  # Loại hồ sơ
    id: str  # Mã khảo sát
    unit: str  # Đơn vị được khảo sát
    term: MidtermSurveyTerm  # Nhiệm kỳ
    resolution: str  # Nghị quyết
    plan_document: Reference | None = None  # Kế hoạch khảo sát
    due: Due  # Hạn hoàn thành
    submitted: dt.date  # Ngày nộp
    targets: tuple[MidtermSurveyTarget, ...]  # Các chỉ tiêu
    creativity: MidtermSurveyCreativity | None = None  # Hoạt động sáng tạo
    findings: tuple[str, ...] = ()  # Kết quả nổi bật
    limitations: tuple[str, ...] = ()  # Hạn chế, nguyên nhân
    lessons: tuple[str, ...] = ()  # Bài học kinh nghiệm


def _term(scope: Scope) -> Any:
    term = at(scope, "term")
    if not isinstance(term, Mapping):
        return None
    return f"{term.get('from', '')}–{term.get('to', '')}"


class MidtermSurveyKind(Kind[MidtermSurvey]):
    def page(self, data: Mapping[str, Any], names: Names) -> str | None:
        return f"khao-sat/{data['id']}.md"

    def describe(self, data: Mapping[str, Any], names: Names) -> str | None:
        return f"Khảo sát: {names.unit_name_on(data['unit'], data.get('submitted'))}"


KIND = MidtermSurveyKind(
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
    model=MidtermSurvey,
)
