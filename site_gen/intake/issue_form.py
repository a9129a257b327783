"""The issue forms: their questions, and a body as GitHub renders it cut into answers.

A unit secretary fills an issue form (``.github/ISSUE_TEMPLATE/``); GitHub
renders it as ``### label`` sections. :func:`split_body` cuts the body into
sections and :func:`detect_form` tells the form.
:mod:`site_gen.intake.issue_answers` reads the answers.

:data:`FORMS` describes the forms; the templates must agree with it (a test
reads both).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from site_gen.catalogue import words
from site_gen.kinds import INSPECTION_RESULT, QUARTERLY_REPORT, REGISTRATION, REMEDIATION_PROGRESS
from site_gen.vn import fold

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


def _q(ident: str, kind: str = "input", required: bool = True) -> tuple[str, str, bool]:
    return ident, kind, required


def _form(name: str, kind: str, *questions: tuple[str, str, bool]) -> Form:
    """A form of ``.github/ISSUE_TEMPLATE/<name>.yml``: its title and labels are words of ui.toml [issue_forms]."""
    fields = tuple(
        FormField(ident, LABELS.get(f"{name}.{ident}") or LABELS[ident], type_, required) for ident, type_, required in questions
    )
    return Form(name, kind, f"{name}.yml", LABELS[name], fields)


# The titles and labels of the forms (ui.toml [issue_forms], Vietnamese only): those of the templates.
LABELS = words("issue_forms")
# The columns of a registration row (form 1), in order; the first five are required.
ROW_KEYS = ("category", "days", "from", "to", "places", "place", "purpose")
ROW_COLUMNS = tuple(LABELS[f"row.{key}"] for key in ROW_KEYS)
ROW_MIN = 5

FORMS: tuple[Form, ...] = (
    _form(
        "mau-1-dang-ky",
        REGISTRATION.name,
        _q("cadre"),
        _q("plan"),
        _q("post", required=False),
        _q("rows", "textarea"),
        _q("submitted", required=False),
        _q("note", "textarea", required=False),
        _q("confirm", "checkboxes"),
    ),
    _form(
        "mau-3-bao-cao",
        QUARTERLY_REPORT.name,
        _q("unit"),
        _q("plan"),
        _q("quarter", "dropdown"),
        _q("cadre"),
        _q("category"),
        _q("activity", "textarea"),
        _q("days"),
        _q("from"),
        _q("to"),
        _q("places"),
        _q("place", required=False),
        _q("achievements", "textarea"),
        _q("limitations", "textarea", required=False),
        _q("proposals", "textarea", required=False),
        _q("submitted", required=False),
        _q("confirm", "checkboxes"),
    ),
    _form(
        "kiem-tra-nhan-ho-so",
        INSPECTION_RESULT.name,
        _q("plan"),
        _q("unit"),
        _q("received"),
        _q("approved_by", required=False),
        _q("reason", "textarea", required=False),
        _q("confirm", "checkboxes"),
    ),
    _form(
        "khac-phuc-tien-do",
        REMEDIATION_PROGRESS.name,
        _q("unit"),
        _q("plan"),
        _q("shortcoming"),
        _q("actions", required=False),
        _q("status", "dropdown"),
        _q("cadence", "dropdown"),
        _q("from"),
        _q("to"),
        _q("submitted"),
        _q("done", "textarea"),
        _q("difficulties", "textarea", required=False),
        _q("next_steps", "textarea", required=False),
        _q("confirm", "checkboxes"),
    ),
)
FORM_BY_NAME = {form.name: form for form in FORMS}

# Where a problem the checker finds points, as the form field it came from.
POINTER_FIELDS: dict[str, dict[str, str]] = {
    REGISTRATION.name: {"plan": "plan", "cadre": "cadre", "post": "post", "submitted": "submitted", "note": "note"},
    QUARTERLY_REPORT.name: {
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
    INSPECTION_RESULT.name: {
        "plan": "plan",
        "unit": "unit",
        "documents_received": "received",
        "documents_exception": "approved_by",
        "approved_by": "approved_by",
        "reason": "reason",
    },
    REMEDIATION_PROGRESS.name: {
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


def checked(text: str) -> tuple[list[str], list[str]]:
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
