"""The issue forms as a front end of intake: their questions, a rendered body, its answers read.

A unit secretary fills an issue form (``.github/ISSUE_TEMPLATE/``); GitHub
renders it as ``### label`` sections. :func:`split_body` cuts the body into
sections, :func:`detect_form` tells the form, and a :class:`Reader` reads each
answer the way people type it (through :mod:`site_gen.intake.parse`),
collecting every problem at its question before stopping. Each form's kind
has a reader that makes intake's typed answers and a describer that says
what the record built from them holds (:data:`FRONT`).

:data:`FORMS` describes the forms; the templates must agree with it (a test
reads both).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from site_gen.catalogue import render_code
from site_gen.intake.answers import (
    Category,
    DocumentsReceived,
    Draft,
    Progress,
    QuarterlyReport,
    Refused,
    Registration,
    Row,
    Span,
    Visit,
)
from site_gen.intake.builders import build
from site_gen.intake.parse import (
    Invalid,
    find_actions,
    find_cadre,
    find_category,
    find_choice,
    find_plan,
    find_shortcoming,
    find_unit,
    find_units,
    fold,
    parse_date,
    parse_days,
    parse_quarter,
)
from site_gen.intake.repository import Change, Loaded
from site_gen.model import Record
from site_gen.vn import format_date

NO_RESPONSE = "_No response_"

# -- the forms -----------------------------------------------------------------------


@dataclass(frozen=True)
class FormField:
    """One question of a form: its id and label are those of the template."""

    id: str
    label: str
    type: str  # input, textarea, dropdown, checkboxes
    required: bool


@dataclass(frozen=True)
class Form:
    name: str  # the label the template sets
    kind: str  # the record kind it produces
    template: str  # file name under .github/ISSUE_TEMPLATE/
    title: str  # the form's name, as in the template
    fields: tuple[FormField, ...]

    def field(self, ident: str) -> FormField:
        return next(f for f in self.fields if f.id == ident)


def _f(ident: str, label: str, kind: str = "input", required: bool = True) -> FormField:
    return FormField(ident, label, kind, required)


CONFIRM = _f("confirm", "Xác nhận", "checkboxes")
# The columns of a registration row (form 1), in order; the first five are required.
ROW_COLUMNS = ("Nội dung", "Số ngày", "Từ ngày", "Đến ngày", "Địa điểm", "Ghi rõ địa điểm", "Mục đích")
ROW_KEYS = ("category", "days", "from", "to", "places", "place", "purpose")
ROW_MIN = 5

FORMS: tuple[Form, ...] = (
    Form(
        "mau-1-dang-ky",
        "registration",
        "mau-1-dang-ky.yml",
        "Mẫu 1 – Đăng ký đi cơ sở",
        (
            _f("cadre", "Cán bộ đăng ký"),
            _f("plan", "Năm hoặc kế hoạch"),
            _f("post", "Chức vụ khi đăng ký", required=False),
            _f("rows", "Các dòng đăng ký", "textarea"),
            _f("submitted", "Ngày nộp", required=False),
            _f("note", "Ghi chú", "textarea", required=False),
            CONFIRM,
        ),
    ),
    Form(
        "mau-3-bao-cao",
        "quarterly-report",
        "mau-3-bao-cao.yml",
        "Mẫu 3 – Báo cáo kết quả đi cơ sở",
        (
            _f("unit", "Đơn vị báo cáo"),
            _f("plan", "Năm hoặc kế hoạch"),
            _f("quarter", "Quý", "dropdown"),
            _f("cadre", "Cán bộ đi cơ sở"),
            _f("category", "Nội dung"),
            _f("activity", "Cụ thể nội dung đi cơ sở", "textarea"),
            _f("days", "Số ngày đi"),
            _f("from", "Từ ngày"),
            _f("to", "Đến ngày"),
            _f("places", "Địa điểm (đơn vị đã đến)"),
            _f("place", "Ghi rõ địa điểm", required=False),
            _f("achievements", "Kết quả: mặt được", "textarea"),
            _f("limitations", "Kết quả: hạn chế", "textarea", required=False),
            _f("proposals", "Đề xuất, kiến nghị", "textarea", required=False),
            _f("submitted", "Ngày nộp", required=False),
            CONFIRM,
        ),
    ),
    Form(
        "kiem-tra-nhan-ho-so",
        "inspection-result",
        "kiem-tra-nhan-ho-so.yml",
        "Kiểm tra – Nhận tài liệu của đơn vị",
        (
            _f("plan", "Kế hoạch kiểm tra"),
            _f("unit", "Đơn vị được kiểm tra"),
            _f("received", "Ngày nhận đủ tài liệu"),
            _f("approved_by", "Người chấp thuận tài liệu trễ", required=False),
            _f("reason", "Lý do chấp thuận tài liệu trễ", "textarea", required=False),
            CONFIRM,
        ),
    ),
    Form(
        "khac-phuc-tien-do",
        "remediation-progress",
        "khac-phuc-tien-do.yml",
        "Báo cáo tiến độ khắc phục khuyết điểm",
        (
            _f("unit", "Đơn vị báo cáo"),
            _f("plan", "Kế hoạch khắc phục"),
            _f("shortcoming", "Khuyết điểm"),
            _f("actions", "Việc đã thực hiện", required=False),
            _f("status", "Tình trạng", "dropdown"),
            _f("cadence", "Kỳ báo cáo", "dropdown"),
            _f("from", "Từ ngày"),
            _f("to", "Đến ngày"),
            _f("submitted", "Ngày báo cáo"),
            _f("done", "Kết quả thực hiện", "textarea"),
            _f("difficulties", "Khó khăn, vướng mắc", "textarea", required=False),
            _f("next_steps", "Việc tiếp theo", "textarea", required=False),
            CONFIRM,
        ),
    ),
)
FORM_BY_NAME = {form.name: form for form in FORMS}

# Where a problem the checker finds points, as the form field it came from.
POINTER_FIELDS: dict[str, dict[str, str]] = {
    "registration": {"plan": "plan", "cadre": "cadre", "post": "post", "submitted": "submitted", "note": "note"},
    "quarterly-report": {
        "plan": "plan",
        "unit": "unit",
        "quarter": "quarter",
        "submitted": "submitted",
        "cadre": "cadre",
        "category": "category",
        "topic": "category",
        "activity": "activity",
        "days": "days",
        "from": "from",
        "to": "to",
        "places": "places",
        "place": "place",
        "results": "achievements",
        "achievements": "achievements",
        "limitations": "limitations",
        "proposals": "proposals",
    },
    "inspection-result": {
        "plan": "plan",
        "unit": "unit",
        "documents_received": "received",
        "documents_exception": "approved_by",
        "approved_by": "approved_by",
        "reason": "reason",
    },
    "remediation-progress": {
        "plan": "plan",
        "unit": "unit",
        "period": "from",
        "cadence": "cadence",
        "from": "from",
        "to": "to",
        "submitted": "submitted",
        "shortcoming": "shortcoming",
        "actions": "actions",
        "status": "status",
        "done": "done",
        "difficulties": "difficulties",
        "next_steps": "next_steps",
    },
}

# -- the issue body ---------------------------------------------------------------------


@dataclass
class Section:
    heading: str
    text: str


def split_body(body: str, known: set[str]) -> list[Section]:
    """The ``### label`` sections of a rendered issue form.

    Only a heading that is a label of some form starts a section (an answer may
    hold its own Markdown headings); text before the first one is kept as a
    section without heading, so that it is quoted back too.
    """
    sections = [Section("", "")]
    lines: list[str] = []
    for line in body.split("\n"):
        match = re.fullmatch(r"###\s+(.+?)\s*#*\s*", line)
        if match and fold(match.group(1)) in known:
            sections[-1].text = "\n".join(lines).strip("\n")
            sections.append(Section(match.group(1).strip(), ""))
            lines = []
            continue
        lines.append(line)
    sections[-1].text = "\n".join(lines).strip("\n")
    return [section for section in sections if section.heading or section.text.strip()]


def answer_text(text: str) -> str:
    value = text.strip()
    return "" if value in (NO_RESPONSE, "_No response_.", "") else value


def _checked(text: str) -> tuple[list[str], list[str]]:
    ticked: list[str] = []
    open_: list[str] = []
    for line in text.splitlines():
        match = re.match(r"\s*[-*]\s*\[([ xX])\]\s*(.*)", line)
        if match:
            (ticked if match.group(1) in "xX" else open_).append(match.group(2).strip())
    return ticked, open_


def detect_form(labels: list[str], sections: list[Section]) -> tuple[Form | None, Form | None, str]:
    """(form to read, form the labels name if the headings disagree, that label)."""
    headings = {fold(s.heading) for s in sections if s.heading}

    def score(form: Form) -> float:
        own = {fold(f.label) for f in form.fields}
        return len(own & headings) / len(own)

    by_headings = max(FORMS, key=score) if headings else None
    if by_headings is not None and score(by_headings) < 0.5:
        by_headings = None
    for label in labels:
        form = FORM_BY_NAME.get(label.strip())
        if form is None:
            continue
        if by_headings is not None and by_headings is not form and score(form) < score(by_headings):
            return by_headings, form, label.strip()
        return form, None, ""
    return by_headings, None, ""


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
        _, open_ = _checked(self.raw.get("confirm", ""))
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

    def unit(self) -> Record | None:
        found: Record | None = self.read("unit", lambda t: find_unit(self.ctx, t))
        return found

    def plan(self, kind: str) -> Record | None:
        found: Record | None = self.read("plan", lambda t: find_plan(self.ctx, kind, t))
        return found

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


def read_registration(r: Reader) -> Registration | None:
    cadre = r.cadre()
    plan = r.plan("field-visit-plan")
    post = r.text("post")
    submitted = r.date("submitted") if r.text("submitted") else r.loaded.today
    note = r.text("note")
    rows_text = r.text("rows")
    rows = registration_rows(r, rows_text, plan) if rows_text and plan is not None else []
    r.confirm()
    if r.problems or cadre is None or plan is None or submitted is None:
        return None
    return Registration(plan, cadre, rows, submitted, post, note)


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


def registration_row(r: Reader, cells: list[str], number: int, plan: Record) -> Row | None:
    parsers: dict[str, Callable[[str], Any]] = {
        "category": lambda t: find_category(plan, t),
        "days": parse_days,
        "from": parse_date,
        "to": parse_date,
        "places": lambda t: find_units(r.ctx, t),
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


def describe_registration(r: Reader, answers: Registration, draft: Draft) -> Built:
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
    return Built("registration", draft.unit, change, title, _slug("dang-ky", year, cadre.id), summary, table)


# -- form 3: a visit of a quarterly report ------------------------------------------------------


def read_quarterly_report(r: Reader) -> QuarterlyReport | None:
    unit = r.unit()
    plan = r.plan("field-visit-plan")
    quarter = r.read("quarter", parse_quarter)
    cadre = r.cadre()
    category = r.read("category", lambda t: find_category(plan, t)) if plan is not None else None
    if plan is None:
        r.text("category")
    activity = r.text("activity")
    days, start, end = r.read("days", parse_days), r.date("from"), r.date("to")
    places = r.read("places", lambda t: find_units(r.ctx, t))
    place, achievements, limitations, proposals = (r.text(k) for k in ("place", "achievements", "limitations", "proposals"))
    submitted = r.date("submitted") if r.text("submitted") else r.loaded.today
    r.confirm()
    if cadre is not None and unit is not None and cadre.data["unit"] != unit.id:
        params = {"cadre": cadre.data["name"], "cadre_unit": r.ctx.unit_name(cadre.data["unit"]), "unit": unit.data["name"]}
        r.problems.append(Issue(r.label("cadre"), r.raw.get("cadre", "").strip(), "issue.cadre-unit", params))
    if r.problems or None in (unit, plan, quarter, cadre, category, days, start, end, places, submitted):
        return None
    assert unit is not None and plan is not None and cadre is not None and category is not None
    assert start is not None and end is not None
    span = Span(days, start, end, places, place)
    visit = Visit(cadre.id, Category(*category), activity, span, achievements, limitations, proposals)
    issue = r.issue
    marker = r.where("issue.text-marker", issue=issue) if issue is not None else ""
    return QuarterlyReport(plan, unit, quarter, [visit], submitted, issue=issue, marker=marker)


def describe_quarterly_report(r: Reader, answers: QuarterlyReport, draft: Draft) -> Built:
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
    return Built("quarterly-report", unit.id, change, title, slug, summary, item_pointer=f"/visits/{draft.item}")


# -- documents received for an inspection -------------------------------------------------------


def read_inspection_result(r: Reader) -> DocumentsReceived | None:
    plan = r.plan("inspection-plan")
    unit = r.unit()
    received = r.date("received")
    approver = r.cadre("approved_by") if r.text("approved_by") else None
    reason = r.text("reason")
    r.confirm()
    if bool(r.text("approved_by")) != bool(reason):
        r.problems.append(Issue(r.label("reason" if not reason else "approved_by"), "", "issue.exception-incomplete"))
    if plan is not None and unit is not None and r.ctx.schedule_row(plan, unit.id) is None:
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
    return Built("inspection-result", unit.id, change, title, _slug("kiem-tra", plan.id, unit.id), summary)


# -- remediation progress -------------------------------------------------------------------------


def read_remediation_progress(r: Reader) -> Progress | None:
    unit = r.unit()
    plan = r.plan("remediation-plan")
    shortcoming = r.read("shortcoming", lambda t: find_shortcoming(plan, t)) if plan is not None else None
    actions = r.read("actions", lambda t: find_actions(plan, t)) if plan is not None and r.text("actions") else []
    status = r.read("status", lambda t: find_choice(r.loaded.schemas, "remediation-progress", STATUS, t))
    cadence = r.read("cadence", lambda t: find_choice(r.loaded.schemas, "remediation-progress", CADENCE, t))
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
    status_label = schemas.enum_labels(*schemas.node_at("remediation-progress", STATUS))
    cadence_label = schemas.enum_labels(*schemas.node_at("remediation-progress", CADENCE))
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
    return Built("remediation-progress", unit.id, change, title, slug, summary, item_pointer=f"/items/{draft.item}")


# What each form's kind reads from the answers and says of the record it made.
FRONT: dict[str, tuple[Callable[[Reader], Any], Callable[[Reader, Any, Draft], Built]]] = {
    "registration": (read_registration, describe_registration),
    "quarterly-report": (read_quarterly_report, describe_quarterly_report),
    "inspection-result": (read_inspection_result, describe_inspection_result),
    "remediation-progress": (read_remediation_progress, describe_remediation_progress),
}


def make(r: Reader) -> Built | None:
    """The form's answers read, its record built by intake and described; None when a problem stops it."""
    read, describe = FRONT[r.form.kind]
    try:
        answers = read(r)
        if answers is None or r.problems:
            return None
        return describe(r, answers, build(r.form.kind, answers, r.loaded))
    except Refused as exc:
        r.problems.append(Issue(r.label(exc.answer), r.raw.get(exc.answer, "").strip(), exc.code, exc.params))
    except Invalid as exc:
        r.problems.append(Issue("", "", exc.code, exc.params))
    return None
