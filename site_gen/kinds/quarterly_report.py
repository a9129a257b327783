"""Form 3: a unit's report of the visits its cadres made in a quarter."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from site_gen.kinds.columns import FILE, Column, Table
from site_gen.kinds.intake import REPLACE, UPDATE, Draft, Notes, Visit, Workbench, dated
from site_gen.kinds.kind import Kind, Names, Owner, PartitionKey, RecordView
from site_gen.kinds.typed import Model


class QuarterlyReportVisitResults(Model):
    """Kết quả chủ yếu."""

    achievements: str  # Mặt được
    limitations: str | None = None  # Hạn chế


class QuarterlyReportVisit(Model):
    """Chuyến đi."""

    cadre: str  # Cán bộ
    category: str  # Nội dung
    topic: str | None = None  # Chuyên đề
    activity: str  # Cụ thể nội dung đi cơ sở
    days: int  # Số ngày đi
    from_: dt.date  # Từ ngày
    to: dt.date  # Đến ngày
    places: tuple[str, ...]  # Địa điểm
    place: str | None = None  # Ghi rõ địa điểm
    results: QuarterlyReportVisitResults  # Kết quả chủ yếu
    proposals: str | None = None  # Đề xuất, kiến nghị


class QuarterlyReport(Model):
    """Báo cáo kết quả đi công tác cơ sở theo quý (mẫu 3)."""

    kind: str  # Loại hồ sơ
    plan: str  # Kế hoạch
    unit: str  # Đơn vị báo cáo
    quarter: int  # Quý
    submitted: dt.date  # Ngày nộp
    prepared_by: str | None = None  # Người lập
    visits: tuple[QuarterlyReportVisit, ...]  # Các chuyến đi cơ sở
    note: str | None = None  # Ghi chú


_PATH = re.compile(r"/(\d{4})/quy-([1-4])\.ya?ml\Z")


@dataclass
class QuarterlyReportAnswers:
    """A unit's report of a quarter as a form gives it: one visit (an issue) or the whole report (form 3)."""

    plan: RecordView
    unit: RecordView
    quarter: int
    visits: list[Visit]
    submitted: str | None
    prepared_by: str = ""
    note: str = ""
    mode: str = UPDATE  # UPDATE: one visit into the report (``issue`` marks it); REPLACE: the whole report
    issue: int | None = None
    marker: str = ""  # the comment that marks the issue's visit


def _place_visit(
    text: str, old: dict[str, Any], answers: QuarterlyReportAnswers, path: str, notes: Notes, bench: Workbench
) -> tuple[int | None, int]:
    """Which visit of the report the answer replaces (None: a new one) and its index."""
    visit = answers.visits[0]
    markers = bench.item_markers(text, "visits")
    position = next((i for i, n in markers.items() if n == answers.issue), None) if answers.issue is not None else None
    if position is None:
        same = (
            i
            for i, v in enumerate(old["visits"])
            if v["cadre"] == visit.cadre and v["from"] == visit.span.start and v["to"] == visit.span.end and i not in markers
        )
        position = next(same, None)
    if position is None:
        index = len(old["visits"])
        notes.append(("issue.text-row-added", {"row": index + 1, "path": path}))
        return None, index
    notes.append(("issue.text-row-replaced", {"row": position + 1, "path": path}))
    return position, position


class QuarterlyReportKind(Kind[QuarterlyReport]):
    def build(self, answers: QuarterlyReportAnswers, bench: Workbench) -> Draft:
        """A unit's report of a quarter: one visit into it (an issue) or the whole report (form 3)."""
        plan, unit, quarter = answers.plan, answers.unit, answers.quarter
        year = int(plan.data["year"])
        found = bench.existing(self, lambda d: d["unit"] == unit.id and d["plan"] == plan.id and d["quarter"] == quarter)
        path = found.file if found else bench.layout_path(self, unit.id, year=year, quarter=quarter)
        if answers.mode != REPLACE:
            return self._one_visit(answers, bench, path)
        old = dict(found.data) if found else None
        value: dict[str, Any] = {"kind": self.name, "plan": plan.id, "unit": unit.id, "quarter": quarter}
        value["submitted"], today = dated(answers.submitted, old, bench, record_first=False)
        value |= {"prepared_by": answers.prepared_by} if answers.prepared_by else {}
        value["visits"] = [visit.value() for visit in answers.visits]
        value |= {"note": answers.note} if answers.note else {}
        value = bench.ordered(self, value)
        text = bench.render_new(self, path, value)
        return Draft(self.name, unit.id, path, value, old, text, dated_today=today)

    def _one_visit(self, answers: QuarterlyReportAnswers, bench: Workbench, path: str) -> Draft:
        """One visit into the report of the unit and quarter: a new report, or a row of it added or replaced."""
        visit = answers.visits[0].value()
        unit, submitted = answers.unit.id, answers.submitted
        assert submitted is not None
        current = bench.read_target(path)
        if current is None:
            head = {"kind": self.name, "plan": answers.plan.id, "unit": unit, "quarter": answers.quarter}
            value = head | {"submitted": submitted, "visits": [visit]}
            text = bench.render_new(self, path, value)
            if answers.issue is not None:
                text = bench.comment_first_item(text, "visits", answers.marker)
            return Draft(self.name, unit, path, value, None, text, item=0)
        old_text, old = current
        notes: Notes = []
        position, index = _place_visit(old_text, old, answers, path, notes, bench)
        visits = list(old["visits"])
        visits[index : index + 1] = [visit]
        value = {**old, "visits": visits}
        end = answers.visits[0].span.end
        if end > old["submitted"]:
            value["submitted"] = max(submitted, end)
            notes.append(("issue.text-submitted-moved", {"old_date": old["submitted"], "new_date": value["submitted"]}))
        edited = bench.edit_list(old_text, "visits", position, visit, answers.marker)
        if edited is not None and value["submitted"] != old["submitted"]:
            edited = bench.set_scalar(edited, "submitted", value["submitted"], "quarter")
        text = bench.rerender(self, path, edited, value)
        return Draft(self.name, unit, path, value, old, text, notes, index)

    def partitions(self, data: Mapping[str, Any]) -> list[PartitionKey]:
        cadres = sorted({visit["cadre"] for visit in data["visits"]})
        return [("cadre", c) for c in cadres] + [("report", data["unit"], data["plan"], str(data["quarter"]))]

    def broken_key(self, value: Mapping[str, Any], path: str) -> str | None:
        """``year|quarter`` from the file's place: a broken report may hold any visit of its quarter."""
        match = _PATH.search(path)
        return f"{match[1]}|{match[2]}" if match else "*"

    def page(self, data: Mapping[str, Any], names: Names) -> str | None:
        year = names.plan_year(data["plan"])
        return f"tien-do/{year}.md" if year else None

    def describe(self, data: Mapping[str, Any], names: Names) -> str | None:
        year = names.plan_year(data["plan"])
        return f"Báo cáo quý {data['quarter']}/{year}: {names.unit_name_on(data['unit'], data.get('submitted'))}"

    def diff_title(self, data: Mapping[str, Any], label: str, cadre: str, unit: str, lang: str) -> str | None:
        if not unit:
            return None
        return f"{label}: {unit}, {'quý' if lang == 'vi' else 'quarter'} {data.get('quarter', '?')}"


KIND = QuarterlyReportKind(
    "quarterly-report",
    "quarterly-report.schema.json",
    "Báo cáo kết quả quý (mẫu 3)",
    "Quarterly report (form 3)",
    "bao-cao/{year}/quy-{quarter}.yaml",
    Owner.UNIT,
    "bao-cao-quy",
    Table(
        ("visits",),
        (
            FILE,
            Column("Đơn vị báo cáo", "unit"),
            Column("Kế hoạch", "plan"),
            Column("Quý", "quarter", "number"),
            Column("Ngày nộp", "submitted", "date"),
            Column("Cán bộ", "visits[].cadre"),
            Column("Nội dung", "visits[].category"),
            Column("Chuyên đề", "visits[].topic"),
            Column("Cụ thể nội dung đi cơ sở", "visits[].activity"),
            Column("Số ngày đi", "visits[].days", "number"),
            Column("Từ ngày", "visits[].from", "date"),
            Column("Đến ngày", "visits[].to", "date"),
            Column("Địa điểm", "visits[].places", "list"),
            Column("Ghi rõ địa điểm", "visits[].place"),
            Column("Mặt được", "visits[].results.achievements"),
            Column("Hạn chế", "visits[].results.limitations"),
            Column("Đề xuất, kiến nghị", "visits[].proposals"),
        ),
    ),
    identity=("plan", "unit", "quarter"),
    model=QuarterlyReport,
)
