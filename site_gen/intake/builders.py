"""One builder per record kind: typed answers and the loaded repository in, a :class:`Draft` out.

Each builder finds the record the answers target (or places a new one),
makes its value, and writes its text: a new record as ``site-gen new``
writes it, an existing one edited at its nodes where only a list item or a
date changes (comments and layout kept), else written anew. :data:`BUILDERS`
names them by kind.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from site_gen.discover import SUBMISSIONS
from site_gen.intake.answers import (
    REPLACE,
    ROWS,
    DocumentsReceived,
    Draft,
    Progress,
    QuarterlyReport,
    Refused,
    Registration,
)
from site_gen.intake.repository import Loaded
from site_gen.intake.yaml_edit import comment_first_item, edit_list, item_markers, set_scalar
from site_gen.kinds import INSPECTION_PLAN, INSPECTION_RESULT, QUARTERLY_REPORT, REGISTRATION, REMEDIATION_PROGRESS
from site_gen.model import of_kind
from site_gen.vn import format_date

Notes = list[tuple[str, dict[str, Any]]]


def _dated(written: str | None, old: dict[str, Any] | None, loaded: Loaded, record_first: bool) -> tuple[str, bool]:
    """The record's date: the written one or the record's (in that order, or the other), else today's."""
    kept = str(old["submitted"]) if old is not None else None
    for date in (kept, written) if record_first else (written, kept):
        if date:
            return date, False
    return loaded.today, True


def _drop_approval(old: dict[str, Any] | None, value: dict[str, Any], notes: Notes) -> None:
    """Changed rows need a new approval: the old one goes (and a note says whose it was)."""
    if old is not None and old.get("rows") != value["rows"] and ("approved_by" in old or "approved_on" in old):
        notes.append(("issue.text-approval-dropped", {"approver": old.get("approved_by", "?")}))
        value.pop("approved_by", None)
        value.pop("approved_on", None)


def registration(answers: Registration, loaded: Loaded) -> Draft:
    """A cadre's registration for a plan: new, or the one of the same cadre and plan replaced."""
    cadre, plan = answers.cadre, answers.plan
    unit = str(cadre.data["unit"])
    found = loaded.existing(REGISTRATION, lambda d: d["cadre"] == cadre.id and d["plan"] == plan.id)
    path = found.file if found else loaded.layout_path(REGISTRATION, unit, year=int(plan.data["year"]), cadre=cadre.id)
    rows = [row.value() for row in answers.rows]
    head: dict[str, Any] = {"kind": REGISTRATION.name, "plan": plan.id, "cadre": cadre.id}
    notes: Notes = []
    today = False
    if answers.mode in (REPLACE, ROWS):
        old = dict(found.data) if found else None
        value = {**(old or {}), **head} if answers.mode == ROWS else dict(head)
        value.pop("post", None)
        value |= {"post": answers.post} if answers.post else {}
        value["submitted"], today = _dated(answers.submitted, old, loaded, record_first=answers.mode == ROWS)
        value |= {k: v for k, v in (("approved_by", answers.approved_by), ("approved_on", answers.approved_on)) if v}
        value["rows"] = rows
        if answers.mode == ROWS:
            _drop_approval(old, value, notes)
        value |= {"note": answers.note} if answers.note else {}
    else:
        current = loaded.read_target(path)
        old = current[1] if current else None
        value = head | ({"post": answers.post} if answers.post else {})
        value |= {"submitted": answers.submitted, "rows": rows} | ({"note": answers.note} if answers.note else {})
        if old is not None:
            value = {**old, **value}
            _drop_approval(old, value, notes)
            notes.insert(0, ("issue.text-registration-replaced", {"path": path}))
    value = loaded.ordered(REGISTRATION, value)
    text = loaded.render_new(REGISTRATION, path, value)
    return Draft(REGISTRATION.name, unit, path, value, old, text, notes, dated_today=today)


def _place_visit(text: str, old: dict[str, Any], answers: QuarterlyReport, path: str, notes: Notes) -> tuple[int | None, int]:
    """Which visit of the report the answer replaces (None: a new one) and its index."""
    visit = answers.visits[0]
    markers = item_markers(text, "visits")
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


def _one_visit(answers: QuarterlyReport, loaded: Loaded, path: str) -> Draft:
    """One visit into the report of the unit and quarter: a new report, or a row of it added or replaced."""
    visit = answers.visits[0].value()
    unit, submitted = answers.unit.id, answers.submitted
    assert submitted is not None
    current = loaded.read_target(path)
    if current is None:
        head = {"kind": QUARTERLY_REPORT.name, "plan": answers.plan.id, "unit": unit, "quarter": answers.quarter}
        value = head | {"submitted": submitted, "visits": [visit]}
        text = loaded.render_new(QUARTERLY_REPORT, path, value)
        if answers.issue is not None:
            text = comment_first_item(text, "visits", answers.marker)
        return Draft(QUARTERLY_REPORT.name, unit, path, value, None, text, item=0)
    old_text, old = current
    notes: Notes = []
    position, index = _place_visit(old_text, old, answers, path, notes)
    visits = list(old["visits"])
    visits[index : index + 1] = [visit]
    value = {**old, "visits": visits}
    end = answers.visits[0].span.end
    if end > old["submitted"]:
        value["submitted"] = max(submitted, end)
        notes.append(("issue.text-submitted-moved", {"old_date": old["submitted"], "new_date": value["submitted"]}))
    edited = edit_list(old_text, "visits", position, visit, answers.marker)
    if edited is not None and value["submitted"] != old["submitted"]:
        edited = set_scalar(edited, "submitted", value["submitted"], "quarter")
    text = loaded.rerender(QUARTERLY_REPORT, path, edited, value)
    return Draft(QUARTERLY_REPORT.name, unit, path, value, old, text, notes, index)


def quarterly_report(answers: QuarterlyReport, loaded: Loaded) -> Draft:
    """A unit's report of a quarter: one visit into it (an issue) or the whole report (form 3)."""
    plan, unit, quarter = answers.plan, answers.unit, answers.quarter
    year = int(plan.data["year"])
    found = loaded.existing(QUARTERLY_REPORT, lambda d: d["unit"] == unit.id and d["plan"] == plan.id and d["quarter"] == quarter)
    path = found.file if found else loaded.layout_path(QUARTERLY_REPORT, unit.id, year=year, quarter=quarter)
    if answers.mode != REPLACE:
        return _one_visit(answers, loaded, path)
    old = dict(found.data) if found else None
    value: dict[str, Any] = {"kind": QUARTERLY_REPORT.name, "plan": plan.id, "unit": unit.id, "quarter": quarter}
    value["submitted"], today = _dated(answers.submitted, old, loaded, record_first=False)
    value |= {"prepared_by": answers.prepared_by} if answers.prepared_by else {}
    value["visits"] = [visit.value() for visit in answers.visits]
    value |= {"note": answers.note} if answers.note else {}
    value = loaded.ordered(QUARTERLY_REPORT, value)
    text = loaded.render_new(QUARTERLY_REPORT, path, value)
    return Draft(QUARTERLY_REPORT.name, unit.id, path, value, old, text, dated_today=today)


def inspection_result(answers: DocumentsReceived, loaded: Loaded) -> Draft:
    """An inspected unit's documents received: a result "scheduled" from the schedule's row, or the date set."""
    plan, unit, received = answers.plan, answers.unit, answers.received
    exception = {"documents_exception": {"approved_by": answers.approved_by, "reason": answers.reason}}
    found = loaded.existing(INSPECTION_RESULT, lambda d: d["plan"] == plan.id and d["unit"] == unit.id)
    if found is None:
        # Documents come before the visit: the result starts "scheduled", from the schedule's row,
        # and the inspection department completes it after the visit.
        scheduled = loaded.ctx.schedule_row(of_kind(INSPECTION_PLAN, plan), unit.id)
        assert scheduled is not None
        row = scheduled[1]
        value: dict[str, Any] = {"kind": INSPECTION_RESULT.name, "plan": plan.id, "unit": unit.id, "team": row.team}
        value["date"] = row.date.isoformat()
        value |= {"session": row.session} if row.session is not None else {}
        value |= {"status": "scheduled", "documents_received": received} | (exception if answers.approved_by else {})
        # beside the other results of the plan, in the folder of the department that holds the plan
        layout = INSPECTION_RESULT.path.format(year=int(plan.data["year"]), unit=unit.id)
        path = f"{SUBMISSIONS}/{plan.folder}/{layout}"
        notes: Notes = [("issue.text-documents-scheduled", {"received_date": received, "path": path})]
        return Draft(INSPECTION_RESULT.name, unit.id, path, value, None, loaded.render_new(INSPECTION_RESULT, path, value), notes)
    path = found.file
    current = loaded.read_target(path)
    assert current is not None
    old_text, old = current
    value = dict(old) | {"documents_received": received}
    text: str | None = set_scalar(old_text, "documents_received", received, "status")
    if answers.approved_by:
        value |= exception
        text = None
    value = loaded.ordered(INSPECTION_RESULT, value)
    before = format_date(old["documents_received"]) if "documents_received" in old else "—"
    notes = [("issue.text-documents-set", {"received_date": received, "path": path, "before": before})]
    return Draft(INSPECTION_RESULT.name, unit.id, path, value, old, loaded.rerender(INSPECTION_RESULT, path, text, value), notes)


def remediation_progress(answers: Progress, loaded: Loaded) -> Draft:
    """A shortcoming's progress into the unit's report of the period: a new report, or its item added or replaced."""
    plan, unit, item = answers.plan, answers.unit, answers.item()
    period = {"cadence": answers.cadence, "from": answers.start, "to": answers.end}
    found = loaded.existing(
        REMEDIATION_PROGRESS, lambda d: d["unit"] == unit.id and d["plan"] == plan.id and d["period"] == period
    )
    year = int(plan.data["year"])
    path = found.file if found else loaded.layout_path(REMEDIATION_PROGRESS, unit.id, year=year, date=answers.submitted)
    current = loaded.read_target(path)
    if current is None:
        head = {"kind": REMEDIATION_PROGRESS.name, "plan": plan.id, "unit": unit.id, "period": period}
        value = head | {"submitted": answers.submitted, "items": [item]}
        text = loaded.render_new(REMEDIATION_PROGRESS, path, value)
        return Draft(REMEDIATION_PROGRESS.name, unit.id, path, value, None, text, item=0)
    old_text, old = current
    if old["period"] != period or old["plan"] != plan.id:
        raise Refused("submitted", "issue.period-conflict", submitted_date=old["submitted"], path=path)
    items = list(old["items"])
    position = next((i for i, it in enumerate(items) if it["shortcoming"] == answers.shortcoming), None)
    index = len(items) if position is None else position
    items[index : index + 1] = [item]
    code = "issue.text-item-added" if position is None else "issue.text-item-replaced"
    notes: Notes = [(code, {"shortcoming": answers.shortcoming, "path": path})]
    value = {**old, "items": items}
    edited = edit_list(old_text, "items", position, item, "")
    text = loaded.rerender(REMEDIATION_PROGRESS, path, edited, value)
    return Draft(REMEDIATION_PROGRESS.name, unit.id, path, value, old, text, notes, index)


Builder = Callable[[Any, Loaded], Draft]
BUILDERS: dict[str, Builder] = {
    REGISTRATION.name: registration,
    QUARTERLY_REPORT.name: quarterly_report,
    INSPECTION_RESULT.name: inspection_result,
    REMEDIATION_PROGRESS.name: remediation_progress,
}


def build(kind: str, answers: Any, loaded: Loaded) -> Draft:
    return BUILDERS[kind](answers, loaded)
