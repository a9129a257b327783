"""The issue forms as a front end of intake: each form's answers read into typed answers.

A :class:`Reader` reads each answer the way people type it (through
:mod:`site_gen.intake.parse`), collecting every problem at its question
before stopping. Each form's kind has a reader that makes intake's typed
answers and a describer that says what the record built from them holds
(:data:`FRONT`); :func:`make` runs both around intake's builder.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from site_gen.catalogue import render_code
from site_gen.intake.issue_form import ROW_COLUMNS, ROW_KEYS, ROW_MIN, Form, Section, answer_text, checked
from site_gen.intake.parse import (
    find_actions,
    find_cadre,
    find_category,
    find_choice,
    find_plan,
    find_shortcoming,
    find_unit,
    find_units,
    parse_date,
    parse_days,
    parse_quarter,
)
from site_gen.intake.repository import Change, Loaded
from site_gen.kinds import (
    BY_NAME,
    CADRE,
    FIELD_VISIT_PLAN,
    INSPECTION_PLAN,
    INSPECTION_RESULT,
    QUARTERLY_REPORT,
    REGISTRATION,
    REMEDIATION_PLAN,
    REMEDIATION_PROGRESS,
)
from site_gen.kinds.cadre import assignment_on
from site_gen.kinds.inspection_result import DocumentsReceived
from site_gen.kinds.intake import Category, Draft, Invalid, Refused, Row, Span, Visit
from site_gen.kinds.quarterly_report import QuarterlyReportAnswers
from site_gen.kinds.registration import RegistrationAnswers
from site_gen.kinds.remediation_progress import Progress
from site_gen.model import Record, of_kind
from site_gen.vn import fold, format_date

# -- outcome -----------------------------------------------------------------------------


@dataclass
class Issue:
    """One problem to report on the issue: where (field label, maybe row) and what."""

    where: str
    found: str
    code: str
    params: dict[str, Any] = field(default_factory=dict)


@dataclass
class Built:
    kind: str
    unit: str
    change: Change
    title: tuple[str, dict[str, Any]]
    slug: str
    summary: list[tuple[str, str]]
    rows: list[list[str]] = field(default_factory=list)
    # For the checker's problems: the record's pointer prefix of the issue's own item, if a list item.
    item_pointer: str = ""


class Reader:
    """The answers of one form; collects every problem before stopping."""

    def __init__(self, form: Form, sections: list[Section], loaded: Loaded, lang: str, issue: int | None = None) -> None:
        self.form = form
        self.issue = issue
        self.loaded = loaded
        self.ctx = loaded.ctx
        self.lang = lang
        self.problems: list[Issue] = []
        by_label = {fold(s.heading): s for s in sections if s.heading}
        self.raw: dict[str, str] = {}
        self.present: set[str] = set()
        for item in form.fields:
            section = by_label.get(fold(item.label))
            if section is not None:
                self.present.add(item.id)
                self.raw[item.id] = section.text

    def label(self, ident: str) -> str:
        return self.form.field(ident).label

    def text(self, ident: str) -> str:
        """The answer, or "" (and a problem when the question is required)."""
        item = self.form.field(ident)
        value = answer_text(self.raw.get(ident, ""))
        if not value and item.required:
            self.problems.append(Issue(item.label, "", "issue.missing"))
        return value

    def confirm(self) -> None:
        item = self.form.field("confirm")
        _, open_ = checked(self.raw.get("confirm", ""))
        if item.required and "confirm" not in self.present:
            self.problems.append(Issue(item.label, "", "issue.missing"))
        elif item.required and open_:
            self.problems.append(Issue(item.label, "", "issue.unchecked", {"option": open_[0]}))

    def read(self, ident: str, parse: Callable[[str], Any], where: str = "") -> Any:
        """``parse`` the answer; None (and a problem) when it is missing or unreadable."""
        value = self.text(ident)
        if not value:
            return None
        return self.attempt(where or self.label(ident), value, parse)

    def attempt(self, where: str, value: str, parse: Callable[[str], Any]) -> Any:
        try:
            return parse(value)
        except Invalid as exc:
            self.problems.append(Issue(where, value, exc.code, exc.params))
            return None

    def where(self, code: str, **params: Any) -> str:
        return render_code(code, params, self.lang)[1]

    def cadre(self, ident: str = "cadre") -> Record | None:
        found: Record | None = self.read(ident, lambda t: find_cadre(self.ctx, t))
        return found

    def unit(self, *dated: str) -> Record | None:
        """The unit answered, named as of the date answered under the first of ``dated`` that reads (else today)."""
        day = self.day(*dated)
        found: Record | None = self.read("unit", lambda t: find_unit(self.ctx, t, day))
        return found

    def day(self, *idents: str) -> dt.date | None:
        """The record's date: the first of these answers that reads as a date, else the day of the intake (no problem
        is noted here: the answer is read again in its turn)."""
        for ident in idents:
            value = answer_text(self.raw.get(ident, ""))
            if value:
                try:
                    return dt.date.fromisoformat(parse_date(value))
                except (Invalid, ValueError):
                    continue
        return dt.date.fromisoformat(self.loaded.today) if self.loaded.today else None

    def plan(self, kind: str, *fits: Callable[[Record], bool]) -> Record | None:
        """The plan answered; a year with several plans narrowed by ``fits`` (see :func:`find_plan`)."""
        found: Record | None = self.read("plan", lambda t: find_plan(self.ctx, kind, t, *fits))
        return found

    def works_for(self, cadre: Record | None) -> list[Callable[[Record], bool]]:
        """The year's plan that applies to ``cadre`` (the population of its issuer)."""
        if cadre is None:
            return []
        typed = of_kind(CADRE, cadre)
        return [lambda plan: self.ctx.works_for(typed, of_kind(FIELD_VISIT_PLAN, plan))]

    def committee(self, unit: Record | None) -> list[Callable[[Record], bool]]:
        """The year's plan issued by the committee ``unit`` belongs to."""
        if unit is None:
            return []
        committee = self.ctx.committee_of(unit.id)
        return [lambda plan: plan.model.issuer == committee]

    def date(self, ident: str) -> str | None:
        found: str | None = self.read(ident, parse_date)
        return found

    def cadre_label(self, ident: str) -> str:
        cadre = self.ctx.cadres.get(ident)
        return f"{cadre.data['name']} ({ident})" if cadre else ident

    def unit_label(self, ident: str) -> str:
        return f"{self.ctx.unit_name(ident)} ({ident})"

    def places_label(self, places: list[str]) -> str:
        return ", ".join(self.unit_label(p) for p in places)


def _slug(*parts: Any) -> str:
    return "-".join(fold(str(part)).replace(" ", "-") for part in parts if str(part))


def _category(category: Category) -> str:
    return category.code + (f" ({category.topic})" if category.topic else "")


# -- form 1: a registration ------------------------------------------------------------------


def read_registration(r: Reader) -> RegistrationAnswers | None:
    cadre = r.cadre()
    plan = r.plan(FIELD_VISIT_PLAN.name, *r.works_for(cadre))
    post = r.text("post")
    submitted = r.date("submitted") if r.text("submitted") else r.loaded.today
    note = r.text("note")
    rows_text = r.text("rows")
    rows = registration_rows(r, rows_text, plan) if rows_text and plan is not None else []
    r.confirm()
    if r.problems or cadre is None or plan is None or submitted is None:
        return None
    return RegistrationAnswers(plan, cadre, rows, submitted, post, note)


def registration_rows(r: Reader, text: str, plan: Record) -> list[Row]:
    """The rows of the table answer: one a line, cells between "|" (or tabs), a header line skipped."""
    label = r.label("rows")
    rows: list[Row] = []
    number = 0
    for line in text.split("\n"):
        content = re.sub(r"^\s*(?:[-*+]|\d+[.)])\s+", "", line).strip()
        if not content or re.fullmatch(r"[|:\-\s]+", content) or content.startswith(("```", "~~~")):
            continue
        cells = [c.strip() for c in content.strip("|").split("|")] if "|" in content else content.split("\t")
        if fold(cells[0]) == fold(ROW_COLUMNS[0]):
            continue  # a header line
        number += 1
        if not ROW_MIN <= len(cells) <= len(ROW_COLUMNS):
            params = {"count": len(cells), "minimum": ROW_MIN, "maximum": len(ROW_COLUMNS), "columns_list": ROW_COLUMNS}
            r.problems.append(Issue(r.where("issue.text-row", field=label, row=number), content, "issue.bad-row", params))
            continue
        row = registration_row(r, cells, number, plan)
        if row is not None:
            rows.append(row)
    if not rows and not r.problems:
        r.problems.append(Issue(label, text, "issue.missing"))
    return rows


def _day(text: Any) -> dt.date | None:
    return dt.date.fromisoformat(text) if isinstance(text, str) else None


def registration_row(r: Reader, cells: list[str], number: int, plan: Record) -> Row | None:
    parsers: dict[str, Callable[[str], Any]] = {
        "category": lambda t: find_category(plan, t),
        "days": parse_days,
        "from": parse_date,
        "to": parse_date,
        "places": lambda t: find_units(r.ctx, t, _day(row.get("from"))),  # the names of the visit's first day
    }
    row: dict[str, Any] = {}
    ok = True
    for index, cell in enumerate(cells):
        key = ROW_KEYS[index]
        column = r.where("issue.text-column", field=r.label("rows"), row=number, column=ROW_COLUMNS[index])
        if not cell:
            if index < ROW_MIN:
                r.problems.append(Issue(column, "", "issue.missing"))
                ok = False
            continue
        row[key] = r.attempt(column, cell, parsers[key]) if key in parsers else cell
        ok = ok and row[key] is not None
    if not ok:
        return None
    span = Span(row["days"], row["from"], row["to"], row["places"], row.get("place", ""))
    return Row(Category(*row["category"]), span, row.get("purpose", ""))


def describe_registration(r: Reader, answers: RegistrationAnswers, draft: Draft) -> Built:
    plan, cadre = answers.plan, answers.cadre
    number = plan.data.get("document", {}).get("number")
    summary = [
        (r.label("cadre"), r.cadre_label(cadre.id)),
        (r.label("plan"), " ".join([plan.id, *([f"({number})"] if number else [])])),
        (r.label("submitted"), format_date(str(answers.submitted))),
    ]
    summary += [(r.label(k), v) for k, v in (("post", answers.post), ("note", answers.note)) if v]
    table = [
        [
            str(i + 1),
            _category(row.category),
            str(row.span.days),
            format_date(row.span.start),
            format_date(row.span.end),
            r.places_label(row.span.places) + (f" – {row.span.place}" if row.span.place else ""),
        ]
        for i, row in enumerate(answers.rows)
    ]
    year = int(plan.data["year"])
    title = ("issue.title-registration", {"year": year, "cadre_name": cadre.data["name"]})
    change = Change(draft.path, draft.text, draft.created, draft.notes)
    return Built(REGISTRATION.name, draft.unit, change, title, _slug("dang-ky", year, cadre.id), summary, table)


# -- form 3: a visit of a quarterly report ------------------------------------------------------


def read_quarterly_report(r: Reader) -> QuarterlyReportAnswers | None:
    unit = r.unit("submitted")
    cadre = r.cadre()
    # The plan of the cadre reported on, else of the unit's committee (problems are listed in the form's order).
    plan = r.plan(FIELD_VISIT_PLAN.name, *r.works_for(cadre), *r.committee(unit))
    quarter = r.read("quarter", parse_quarter)
    category = r.read("category", lambda t: find_category(plan, t)) if plan is not None else None
    if plan is None:
        r.text("category")
    activity = r.text("activity")
    days, start, end = r.read("days", parse_days), r.date("from"), r.date("to")
    places = r.read("places", lambda t: find_units(r.ctx, t, r.day("from")))
    place, achievements, limitations, proposals = (r.text(k) for k in ("place", "achievements", "limitations", "proposals"))
    submitted = r.date("submitted") if r.text("submitted") else r.loaded.today
    r.confirm()
    # The unit the cadre was in on the visit's first day: a moved cadre's earlier visit is their old unit's.
    then = assignment_on(of_kind(CADRE, cadre).model, r.day("from") or dt.date.today()).unit if cadre is not None else ""
    if cadre is not None and unit is not None and then != unit.id:
        params = {"cadre": cadre.data["name"], "cadre_unit": r.ctx.unit_name(then), "unit": unit.data["name"]}
        r.problems.append(Issue(r.label("cadre"), r.raw.get("cadre", "").strip(), "issue.cadre-unit", params))
    if r.problems or None in (unit, plan, quarter, cadre, category, days, start, end, places, submitted):
        return None
    assert unit is not None and plan is not None and cadre is not None and category is not None
    assert start is not None and end is not None
    span = Span(days, start, end, places, place)
    visit = Visit(cadre.id, Category(*category), activity, span, achievements, limitations, proposals)
    issue = r.issue
    marker = r.where("issue.text-marker", issue=issue) if issue is not None else ""
    return QuarterlyReportAnswers(plan, unit, quarter, [visit], submitted, issue=issue, marker=marker)


def describe_quarterly_report(r: Reader, answers: QuarterlyReportAnswers, draft: Draft) -> Built:
    visit, span, plan, unit, quarter = answers.visits[0], answers.visits[0].span, answers.plan, answers.unit, answers.quarter
    summary = [
        (r.label("unit"), r.unit_label(unit.id)),
        (r.label("plan"), plan.id),
        (r.label("quarter"), str(quarter)),
        (r.label("cadre"), r.cadre_label(visit.cadre)),
        (r.label("category"), _category(visit.category)),
        (r.label("activity"), visit.activity),
        (r.label("days"), str(span.days)),
        (r.label("from"), format_date(span.start)),
        (r.label("to"), format_date(span.end)),
        (r.label("places"), r.places_label(span.places)),
    ]
    summary += [(r.label("place"), span.place)] if span.place else []
    summary.append((r.label("achievements"), visit.achievements))
    summary += [(r.label(k), v) for k, v in (("limitations", visit.limitations), ("proposals", visit.proposals)) if v]
    year = int(plan.data["year"])
    cadre_name = r.ctx.cadres[visit.cadre].data["name"]
    title = (
        "issue.title-quarterly-report",
        {"quarter": quarter, "year": year, "unit_name": unit.data["name"], "cadre_name": cadre_name},
    )
    slug = _slug("bao-cao", year, f"quy-{quarter}", unit.id)
    change = Change(draft.path, draft.text, draft.created, draft.notes)
    return Built(QUARTERLY_REPORT.name, unit.id, change, title, slug, summary, item_pointer=f"/visits/{draft.item}")


# -- documents received for an inspection -------------------------------------------------------


def read_inspection_result(r: Reader) -> DocumentsReceived | None:
    unit = r.unit("received")
    plan = r.plan(INSPECTION_PLAN.name, *r.committee(unit))
    received = r.date("received")
    approver = r.cadre("approved_by") if r.text("approved_by") else None
    reason = r.text("reason")
    r.confirm()
    if bool(r.text("approved_by")) != bool(reason):
        r.problems.append(Issue(r.label("reason" if not reason else "approved_by"), "", "issue.exception-incomplete"))
    if plan is not None and unit is not None and r.ctx.schedule_row(of_kind(INSPECTION_PLAN, plan), unit.id) is None:
        params = {"unit": unit.data["name"], "plan": plan.id}
        r.problems.append(Issue(r.label("unit"), r.raw["unit"].strip(), "issue.not-scheduled", params))
    if r.problems or plan is None or unit is None or received is None:
        return None
    return DocumentsReceived(plan, unit, received, approver.id if approver else "", reason)


def describe_inspection_result(r: Reader, answers: DocumentsReceived, draft: Draft) -> Built:
    plan, unit = answers.plan, answers.unit
    summary = [
        (r.label("plan"), plan.id),
        (r.label("unit"), r.unit_label(unit.id)),
        (r.label("received"), format_date(answers.received)),
    ]
    if answers.approved_by:
        summary += [(r.label("approved_by"), r.cadre_label(answers.approved_by)), (r.label("reason"), answers.reason)]
    title = ("issue.title-inspection-result", {"unit_name": unit.data["name"], "received_date": answers.received})
    change = Change(draft.path, draft.text, draft.created, draft.notes)
    return Built(INSPECTION_RESULT.name, unit.id, change, title, _slug("kiem-tra", plan.id, unit.id), summary)


# -- remediation progress -------------------------------------------------------------------------


def read_remediation_progress(r: Reader) -> Progress | None:
    unit = r.unit("submitted")
    plan = r.plan(REMEDIATION_PLAN.name, *r.committee(unit))
    shortcoming = r.read("shortcoming", lambda t: find_shortcoming(plan, t)) if plan is not None else None
    actions = r.read("actions", lambda t: find_actions(plan, t)) if plan is not None and r.text("actions") else []
    status = r.read("status", lambda t: find_choice(r.loaded.schemas, REMEDIATION_PROGRESS.name, STATUS, t))
    cadence = r.read("cadence", lambda t: find_choice(r.loaded.schemas, REMEDIATION_PROGRESS.name, CADENCE, t))
    start, end, submitted = r.date("from"), r.date("to"), r.date("submitted")
    done, difficulties, next_steps = (r.text(k) for k in ("done", "difficulties", "next_steps"))
    r.confirm()
    if plan is None:
        r.text("shortcoming")
    if r.problems or None in (unit, plan, shortcoming, actions, status, cadence, start, end, submitted):
        return None
    assert unit is not None and plan is not None and shortcoming is not None and submitted is not None
    assert start is not None and end is not None
    return Progress(plan, unit, shortcoming, actions, status, cadence, start, end, submitted, done, difficulties, next_steps)


STATUS: list[str | int] = ["items", 0, "status"]
CADENCE: list[str | int] = ["period", "cadence"]


def describe_remediation_progress(r: Reader, answers: Progress, draft: Draft) -> Built:
    schemas, unit = r.loaded.schemas, answers.unit
    status_label = schemas.enum_labels(*schemas.node_at(REMEDIATION_PROGRESS.name, STATUS))
    cadence_label = schemas.enum_labels(*schemas.node_at(REMEDIATION_PROGRESS.name, CADENCE))
    summary = [
        (r.label("unit"), r.unit_label(unit.id)),
        (r.label("plan"), answers.plan.id),
        (r.label("shortcoming"), answers.shortcoming),
        (r.label("actions"), ", ".join(answers.actions) if answers.actions else "—"),
        (r.label("status"), status_label.get(answers.status, answers.status)),
        (r.label("cadence"), cadence_label.get(answers.cadence, answers.cadence)),
        (r.label("from"), format_date(answers.start)),
        (r.label("to"), format_date(answers.end)),
        (r.label("submitted"), format_date(answers.submitted)),
        (r.label("done"), answers.done),
    ]
    summary += [(r.label(k), v) for k, v in (("difficulties", answers.difficulties), ("next_steps", answers.next_steps)) if v]
    params = {"unit_name": unit.data["name"], "shortcoming": answers.shortcoming, "submitted_date": answers.submitted}
    slug = _slug("khac-phuc", answers.submitted, unit.id, answers.shortcoming)
    change = Change(draft.path, draft.text, draft.created, draft.notes)
    title = ("issue.title-remediation-progress", params)
    return Built(REMEDIATION_PROGRESS.name, unit.id, change, title, slug, summary, item_pointer=f"/items/{draft.item}")


# What each form's kind reads from the answers and says of the record it made.
FRONT: dict[str, tuple[Callable[[Reader], Any], Callable[[Reader, Any, Draft], Built]]] = {
    REGISTRATION.name: (read_registration, describe_registration),
    QUARTERLY_REPORT.name: (read_quarterly_report, describe_quarterly_report),
    INSPECTION_RESULT.name: (read_inspection_result, describe_inspection_result),
    REMEDIATION_PROGRESS.name: (read_remediation_progress, describe_remediation_progress),
}


def make(r: Reader) -> Built | None:
    """The form's answers read, its record built by intake and described; None when a problem stops it."""
    read, describe = FRONT[r.form.kind]
    try:
        answers = read(r)
        if answers is None or r.problems:
            return None
        return describe(r, answers, r.loaded.build(BY_NAME[r.form.kind], answers))
    except Refused as exc:
        r.problems.append(Issue(r.label(exc.answer), r.raw.get(exc.answer, "").strip(), exc.code, exc.params))
    except Invalid as exc:
        r.problems.append(Issue("", "", exc.code, exc.params))
    return None
