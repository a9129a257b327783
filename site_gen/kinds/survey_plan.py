"""The Standing Committee's plan to survey, at mid-term, how the congress resolution is carried out.

Its page, in the "Khảo sát" section, shows the plan and, for each unit that
must answer, whether that unit's mid-term survey (a ``midterm-survey`` record
for the same term) has come in.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from site_gen.kinds import midterm_survey
from site_gen.kinds.columns import FILE, Column, Scope, Table, at, date_text
from site_gen.kinds.defs import Document, Due, last_day
from site_gen.kinds.kind import Kind, KindDeadline, KindPage, Names, Owner, RecordView, SiteView
from site_gen.kinds.typed import Model


class SurveyPlanTerm(Model):
    """Nhiệm kỳ."""

    from_: int  # Năm bắt đầu nhiệm kỳ
    to: int  # Năm kết thúc nhiệm kỳ


class SurveyPlan(Model):
    """Kế hoạch khảo sát, đánh giá giữa nhiệm kỳ."""

    kind: str  # Loại hồ sơ
    id: str  # Mã kế hoạch khảo sát
    year: int  # Năm khảo sát
    document: Document
    issuer: str | None = None  # Tổ chức ban hành
    resolution: str  # Nghị quyết được khảo sát
    term: SurveyPlanTerm  # Nhiệm kỳ
    purposes: tuple[str, ...] = ()  # Mục đích, yêu cầu
    contents: tuple[str, ...]  # Nội dung khảo sát
    deadline: Due  # Thời gian hoàn thành
    respondents: tuple[str, ...]  # Đơn vị phải báo cáo
    lead: str  # Đơn vị chủ trì
    cooperating: tuple[str, ...] = ()  # Đơn vị phối hợp
    summary_by: str | None = None  # Đơn vị tổng hợp kết quả


SECTION = "khao-sat"


def _term(scope: Scope) -> Any:
    term = at(scope, "term")
    if not isinstance(term, Mapping):
        return None
    return f"{term.get('from', '')}–{term.get('to', '')}"


def answers(plan: SurveyPlan, site: SiteView) -> dict[str, RecordView]:
    """The mid-term surveys that answer a plan: one per unit that must answer, for the plan's term."""
    found: dict[str, RecordView] = {}
    term = (plan.term.from_, plan.term.to)
    for survey in sorted(site.kind(midterm_survey.KIND.name), key=lambda r: r.file):
        data = midterm_survey.KIND.model_of(survey)
        if data.unit in plan.respondents and (data.term.from_, data.term.to) == term:
            found.setdefault(data.unit, survey)
    return found


class SurveyPlanKind(Kind[SurveyPlan]):
    def page(self, data: Mapping[str, Any], names: Names) -> str | None:
        return f"{SECTION}/ke-hoach/{data['id']}.md"

    def _plans(self, site: SiteView) -> list[tuple[RecordView, SurveyPlan]]:
        plans = [(plan, self.model_of(plan)) for plan in site.kind(self.name)]
        return sorted(plans, key=lambda p: (-p[1].year, p[0].id))

    def pages(self, site: SiteView) -> Iterable[KindPage]:
        for plan, data in self._plans(site):
            found = answers(data, site)
            units = [
                {
                    "unit": unit,
                    "name": site.unit_name(unit),
                    "survey": found.get(unit),
                    "page": midterm_survey.KIND.page(found[unit].data, site) if unit in found else None,
                }
                for unit in site.units_sorted(data.respondents)
            ]
            deadline = ("trước ngày " if data.deadline.strict else "chậm nhất ngày ") + date_text(data.deadline.date)
            path = self.page(plan.data, site)
            assert path is not None
            yield KindPage(
                path,
                "khao-sat-ke-hoach.md.j2",
                data.document.title,
                {"plan": plan, "units": units, "deadline": deadline, "answered": len(found)},
                [plan, *sorted(found.values(), key=lambda r: r.file)],
                section=SECTION,
                summary=f"hoàn thành {deadline}; {len(found)}/{len(units)} đơn vị đã báo cáo",
            )

    def deadlines(self, site: SiteView) -> Iterable[KindDeadline]:
        for plan, data in self._plans(site):
            found = answers(data, site)
            missing = tuple(site.unit_name(u) for u in site.units_sorted(set(data.respondents) - set(found)))
            expected = len(set(data.respondents))
            title = f"Khảo sát, đánh giá giữa nhiệm kỳ {data.term.from_} – {data.term.to}"
            page = self.page(plan.data, site) or ""
            deadline = last_day(data.deadline).isoformat()
            yield KindDeadline(deadline, title, page, missing, expected - len(missing), expected)


KIND = SurveyPlanKind(
    "survey-plan",
    "survey-plan.schema.json",
    "Kế hoạch khảo sát giữa nhiệm kỳ",
    "Mid-term survey plan",
    "khao-sat/{year}/ke-hoach.yaml",
    Owner.ISSUED,
    "ke-hoach-khao-sat",
    Table(
        (),
        (
            FILE,
            Column("Mã kế hoạch khảo sát", "id"),
            Column("Năm khảo sát", "year", "number"),
            Column("Nghị quyết được khảo sát", "resolution"),
            Column("Nhiệm kỳ", "term", get=_term),
            Column("Nội dung khảo sát", "contents", "list"),
            Column("Thời gian hoàn thành", "deadline", "date", get=lambda scope: at(scope, "deadline.date")),
            Column("Đơn vị phải báo cáo", "respondents", "list"),
            Column("Đơn vị chủ trì", "lead"),
            Column("Đơn vị phối hợp", "cooperating", "list"),
            Column("Đơn vị tổng hợp kết quả", "summary_by"),
        ),
    ),
    context="plans",
    broken_fields=("id",),
    model=SurveyPlan,
)
