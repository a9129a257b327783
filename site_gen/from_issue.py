"""``site-gen from-issue``: a record from a GitHub issue form, for units that do not write YAML.

A unit secretary fills an issue form (``.github/ISSUE_TEMPLATE/``); a workflow
passes the issue body, as GitHub renders it, to this command, which

* tells the form from the issue's labels or, failing that, from its headings;
* reads each answer the way people type it (dates as dd/mm/yyyy, d/m/yyyy or
  yyyy-mm-dd, "30 ngày", a category as "1.1" or its words, a cadre or unit by
  id or by name with or without diacritics);
* writes the record at its place in the layout (a new file as ``site-gen new``
  writes it), or updates the record that already exists (a registration of
  the same cadre and plan, the quarterly report of the same unit and quarter,
  the inspection result of the unit, the progress report of the same period);
* runs the real checker and keeps the change only when it adds no error;
* writes a pull request body (success) or an issue comment naming each field
  to fix (failure, nothing written), and outputs for the workflow.

:data:`FORMS` describes the forms; the templates under
``.github/ISSUE_TEMPLATE/`` must agree with it (a test reads both).
"""

from __future__ import annotations

import argparse
import datetime as dt
import difflib
import os
import re
import sys
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from site_gen.atomic import Transaction
from site_gen.bundle import BUNDLED_DIR
from site_gen.catalogue import render, render_code
from site_gen.discover import SUBMISSIONS, data_root
from site_gen.errors import SetupError
from site_gen.escape import bound_markdown, markdown_inline
from site_gen.kinds import BY_NAME
from site_gen.loader import load_bytes
from site_gen.model import Context, Record
from site_gen.problems import Problem, pointer_parts
from site_gen.scaffold import INDENT, OWNED_BY_UNIT, scalar
from site_gen.scaffold import render as render_record
from site_gen.schemas import SCHEMA_DIR, Schemas

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
_POINTER_FIELDS: dict[str, dict[str, str]] = {
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

# -- reading what people type ---------------------------------------------------------


def fold(text: str) -> str:
    """Lower case, no diacritics (đ is d), words separated by one space: for lenient matching."""
    text = unicodedata.normalize("NFD", text).replace("đ", "d").replace("Đ", "D")
    text = "".join(char for char in text if not unicodedata.combining(char)).casefold()
    return " ".join(re.sub(r"[^0-9a-z]+", " ", text).split())


class Invalid(Exception):
    """An answer that cannot be read: a catalogue code and its parameters."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


def parse_date(text: str) -> str:
    """dd/mm/yyyy, d/m/yyyy, dd-mm-yyyy, dd.mm.yyyy, yyyy-mm-dd or "ngày 5 tháng 4 năm 2026", as ISO."""
    value = text.strip().strip("*_`").rstrip(".").strip()
    match = re.fullmatch(r"(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})", value)
    if match:
        year, month, day_ = (int(g) for g in match.groups())
    else:
        match = re.fullmatch(r"(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{4})", value)
        if match is None:
            match = re.fullmatch(r"(?:ngay\s*)?(\d{1,2})\s*thang\s*(\d{1,2})\s*(?:nam\s*)?(\d{4})", fold(value))
        if match is None:
            raise Invalid("issue.bad-date")
        day_, month, year = (int(g) for g in match.groups())
    try:
        return dt.date(year, month, day_).isoformat()
    except ValueError:
        raise Invalid("issue.bad-date") from None


def parse_days(text: str) -> int:
    """A number of days: "30", "30 ngày", "30 ngay"."""
    match = re.fullmatch(r"(\d{1,4})(?:\s*(?:ngay|days?|d))?", fold(text))
    if match is None or not text.strip()[:1].isdigit():
        raise Invalid("issue.bad-number")
    return int(match.group(1))


def parse_quarter(text: str) -> int:
    """A quarter: "Quý III", "quy 3", "3"."""
    match = re.search(r"\b(iv|iii|ii|i|[1-4])\b", fold(text))
    if match is None:
        raise Invalid("issue.bad-quarter")
    token = match.group(1)
    return {"i": 1, "ii": 2, "iii": 3, "iv": 4}.get(token) or int(token)


def _ids_in(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+(?:-[a-z0-9]+)+|[a-z0-9]+", text)


def _pick(
    text: str,
    records: Iterable[Record],
    names: Callable[[Record], list[str]],
    unknown: str,
    ambiguous: str,
) -> Record:
    """The one record ``text`` names: by id, then exact name, then name without diacritics."""
    table = {record.id: record for record in records}
    value = text.strip().strip("`\"'*_").lstrip("@").strip()
    if value in table:
        return table[value]
    inner = [ident for ident in _ids_in(" ".join(re.findall(r"[(\[`]([^)\]`]+)[)\]`]", value))) if ident in table]
    if len(set(inner)) == 1:
        return table[inner[0]]
    exact = unicodedata.normalize("NFC", " ".join(value.split())).casefold()
    key = fold(value)
    tiers: list[list[Record]] = [[], [], []]
    for record in table.values():
        labels = names(record)
        if any(" ".join(label.split()).casefold() == exact for label in labels[:1]):
            tiers[0].append(record)
        elif any(" ".join(label.split()).casefold() == exact for label in labels):
            tiers[1].append(record)
        elif key and any(fold(label) == key for label in [*labels, record.id]):
            tiers[2].append(record)
    for tier in tiers:
        if len(tier) == 1:
            return tier[0]
        if len(tier) > 1:
            shown = [f"{names(r)[0]} ({r.id})" for r in sorted(tier, key=lambda r: r.id)]
            raise Invalid(ambiguous, matches_list=shown)
    choices = {fold(label): names(record)[0] for record in table.values() for label in names(record)}
    close = difflib.get_close_matches(key, list(choices), n=1, cutoff=0.75) if key else []
    raise Invalid(unknown, suggestion=choices[close[0]] if close else "")


def find_cadre(ctx: Context, text: str) -> Record:
    return _pick(text, ctx.cadres.values(), lambda r: [str(r.data["name"])], "issue.unknown-cadre", "issue.ambiguous-cadre")


def _unit_names(record: Record) -> list[str]:
    data = record.data
    names = [str(data["name"])]
    names += [str(data[k]) for k in ("short_name",) if data.get(k)]
    locality = data.get("locality")
    if isinstance(locality, dict) and locality.get("name"):
        names.append(str(locality["name"]))
    return names


def find_unit(ctx: Context, text: str) -> Record:
    return _pick(text, ctx.units.values(), _unit_names, "issue.unknown-unit", "issue.ambiguous-unit")


def find_units(ctx: Context, text: str) -> list[str]:
    out: list[str] = []
    for part in re.split(r"[,;\n]+", text):
        if part.strip():
            ident = find_unit(ctx, part).id
            if ident not in out:
                out.append(ident)
    if not out:
        raise Invalid("issue.missing")
    return out


def find_plan(ctx: Context, kind: str, text: str) -> Record:
    plans = sorted(ctx.plans[kind].values(), key=lambda r: r.id)
    value = text.strip().strip("`\"'")
    listed = [plan.id for plan in plans]
    for plan in plans:
        number = plan.data.get("document", {}).get("number", "")
        if value == plan.id or (number and fold(number) == fold(value)) or fold(plan.id) == fold(value):
            return plan
    years = re.findall(r"\b(20\d\d)\b", value)
    if len(set(years)) == 1:
        found = [plan for plan in plans if plan.data["year"] == int(years[0])]
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            raise Invalid("issue.ambiguous-plan", plan_kind=kind, plans_list=[p.id for p in found])
    raise Invalid("issue.unknown-plan", plan_kind=kind, plans_list=listed)


def find_category(ctx: Context, plan: Record, text: str) -> tuple[str, str | None]:
    """A category code (and topic) from "1.1", "1.3.2", "1.1 – Phối hợp…" or the category's words."""
    categories = plan.data["categories"]
    codes = [c["code"] for c in categories]
    match = re.match(r"\s*(?:nội dung|noi dung|nd)?\s*(\d+(?:\.\d+)+|\d+)\.?(?!\d)", text, re.IGNORECASE)
    if match:
        code = match.group(1)
        for category in categories:
            if category["code"] == code:
                return code, None
            for topic in category.get("topics", []):
                if topic["code"] == code:
                    return category["code"], code
        raise Invalid("issue.unknown-category", plan=plan.id, codes_list=codes)
    key = fold(text)
    found: list[tuple[str, str | None]] = []
    for category in categories:
        if key and (fold(category["name"]) == key or (len(key) >= 6 and fold(category["name"]).startswith(key))):
            found.append((category["code"], None))
        for topic in category.get("topics", []):
            if key and (fold(topic["name"]) == key or (len(key) >= 6 and fold(topic["name"]).startswith(key))):
                found.append((category["code"], topic["code"]))
    if len(found) == 1:
        return found[0]
    raise Invalid("issue.unknown-category", plan=plan.id, codes_list=codes)


def find_choice(schemas: Schemas, kind: str, parts: list[str | int], text: str) -> str:
    node, base = schemas.node_at(kind, parts)
    target, _ = schemas.deref(node, base)
    values = list(target.get("enum", []))
    labels = list(target.get("enumDescriptions", values))
    key = fold(text)
    for value, label in zip(values, labels, strict=False):
        if key in (fold(str(value)), fold(str(label))):
            return str(value)
    raise Invalid("issue.bad-choice", choices_list=labels)


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


def _answer(text: str) -> str:
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
class Change:
    path: str  # relative to the root
    text: str
    created: bool
    notes: list[tuple[str, dict[str, Any]]] = field(default_factory=list)


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
    """The answers of one form, read against the repository; collects every problem before stopping."""

    def __init__(self, form: Form, sections: list[Section], ctx: Context, schemas: Schemas, lang: str) -> None:
        self.form = form
        self.ctx = ctx
        self.schemas = schemas
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
        value = _answer(self.raw.get(ident, ""))
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


def _iso(value: str) -> str:
    from site_gen.vn import format_date

    return format_date(value)


def _rel_schema(root: Path, path: Path, kind: str) -> str:
    bundled = root / SCHEMA_DIR / BUNDLED_DIR / BY_NAME[kind].schema
    return os.path.relpath(bundled, path.parent).replace(os.sep, "/")


def _owner(ctx: Context, kind: str, unit: str) -> str:
    if kind in OWNED_BY_UNIT:
        return unit
    org = ctx.org
    return str(org.data["register_owner"]) if org is not None else unit


def _layout_path(ctx: Context, kind: str, unit: str, **fields: Any) -> str:
    owner = _owner(ctx, kind, unit)
    return f"{SUBMISSIONS}/{owner}/{BY_NAME[kind].path.format(**fields)}"


def _slug(*parts: Any) -> str:
    return "-".join(fold(str(part)).replace(" ", "-") for part in parts if str(part))


# -- editing YAML text ------------------------------------------------------------------


def _compact(item: dict[str, Any], indent: str) -> list[str]:
    """A list item in the compact style of the sample records, its dash at ``indent``."""
    lines: list[str] = []

    def emit(key: str, value: Any, pad: str) -> None:
        if isinstance(value, dict):
            lines.append(f"{pad}{key}:")
            for sub, inner in value.items():
                emit(sub, inner, pad + INDENT)
        elif isinstance(value, list):
            lines.append(f"{pad}{key}: [{', '.join(scalar(v) for v in value)}]")
        elif isinstance(value, str) and "\n" in value:
            lines.append(f"{pad}{key}: |-")
            lines.extend(f"{pad}{INDENT}{line}" if line else "" for line in value.split("\n"))
        else:
            lines.append(f"{pad}{key}: {scalar(value)}")

    for key, value in item.items():
        emit(key, value, indent + INDENT)
    if lines:
        lines[0] = indent + "- " + lines[0][len(indent) + 2 :]
    return lines


def _block(lines: list[str], key: str) -> tuple[int, int] | None:
    """The lines of a top-level block list ``key:`` (start at the key line, end exclusive)."""
    for index, line in enumerate(lines):
        if re.fullmatch(rf"{re.escape(key)}:\s*(#.*)?", line):
            end = index + 1
            while end < len(lines) and (not lines[end].strip() or lines[end][0] in " -"):
                end += 1
            while end > index + 1 and not lines[end - 1].strip():
                end -= 1
            return index, end
    return None


def _items(lines: list[str], start: int, end: int) -> tuple[str, list[int]]:
    """The indentation of a block list's dashes and the line of each item's dash."""
    indent: str | None = None
    dashes: list[int] = []
    for index in range(start + 1, end):
        line = lines[index]
        if re.match(r"\s*-(\s|$)", line) and not line.lstrip().startswith("#"):
            lead = line[: len(line) - len(line.lstrip())]
            if indent is None:
                indent = lead
            if lead == indent:
                dashes.append(index)
    return (indent if indent is not None else INDENT), dashes


def _item_end(lines: list[str], dashes: list[int], position: int, end: int) -> int:
    stop = dashes[position + 1] if position + 1 < len(dashes) else end
    while stop > dashes[position] + 1 and (not lines[stop - 1].strip() or lines[stop - 1].lstrip().startswith("#")):
        stop -= 1
    return stop


_MARKER = re.compile(r"^\s*#.*\bissue #(\d+)\b")


def item_markers(text: str, key: str) -> dict[int, int]:
    """Issue number of each item of block list ``key`` preceded by a marker comment: {item index: issue}."""
    lines = text.split("\n")
    span = _block(lines, key)
    if span is None:
        return {}
    _, dashes = _items(lines, *span)
    found: dict[int, int] = {}
    for position, dash in enumerate(dashes):
        probe = dash - 1
        while probe > span[0] and (not lines[probe].strip() or lines[probe].lstrip().startswith("#")):
            match = _MARKER.match(lines[probe])
            if match:
                found[position] = int(match.group(1))
                break
            probe -= 1
    return found


def edit_list(text: str, key: str, position: int | None, item: dict[str, Any], marker: str) -> str | None:
    """Replace item ``position`` of block list ``key`` (append when None) keeping the rest of the text."""
    lines = text.rstrip("\n").split("\n")
    span = _block(lines, key)
    if span is None:
        return None
    start, end = span
    indent, dashes = _items(lines, start, end)
    new = _compact(item, indent)
    if position is None:
        lines[end:end] = ([f"{indent}# {marker}"] if marker else []) + new
    else:
        if position >= len(dashes):
            return None
        stop = _item_end(lines, dashes, position, end)
        lines[dashes[position] : stop] = new
    return "\n".join(lines) + "\n"


def set_scalar(text: str, key: str, value: Any, after: str) -> str:
    """Set top-level ``key: value``, in place or after the line of ``after``."""
    lines = text.rstrip("\n").split("\n")
    line = f"{key}: {scalar(value)}"
    for index, current in enumerate(lines):
        if re.match(rf"{re.escape(key)}:(\s|$)", current):
            lines[index] = line
            return "\n".join(lines) + "\n"
    for index, current in enumerate(lines):
        if re.match(rf"{re.escape(after)}:(\s|$)", current):
            lines.insert(index + 1, line)
            return "\n".join(lines) + "\n"
    lines.append(line)
    return "\n".join(lines) + "\n"


def _loads(text: str, path: str) -> dict[str, Any] | None:
    loaded = load_bytes(text.encode("utf-8"), path)
    return loaded.value if not loaded.problems and isinstance(loaded.value, dict) else None


# -- building records ---------------------------------------------------------------------


class Builder:
    def __init__(
        self,
        root: Path,
        ctx: Context,
        records: list[Record],
        schemas: Schemas,
        reader: Reader,
        issue: int | None,
        lang: str,
        today: dt.date,
    ) -> None:
        self.root = root
        self.ctx = ctx
        self.records = records
        self.schemas = schemas
        self.r = reader
        self.issue = issue
        self.lang = lang
        self.today = today.isoformat()

    def marker(self) -> str:
        return render_code("issue.text-marker", {"issue": self.issue}, self.lang)[1] if self.issue is not None else ""

    def existing(self, kind: str, match: Callable[[dict[str, Any]], bool]) -> Record | None:
        found = [r for r in self.records if r.kind == kind and match(r.data)]
        return sorted(found, key=lambda r: r.file)[0] if found else None

    def read_file(self, path: str) -> tuple[str, dict[str, Any]] | None:
        from site_gen.loader import MAX_BYTES
        from site_gen.safefs import Refused, read_regular

        full = self.root / path
        if not os.path.lexists(full):
            return None
        try:  # never through a link, never blocking, never past the size limit
            raw = read_regular(str(full), MAX_BYTES).decode("utf-8")
        except (Refused, UnicodeDecodeError):
            raise Invalid("issue.target-broken", path=path) from None
        text = raw.replace("\r\n", "\n").replace("\r", "\n")  # as text mode reads it
        data = _loads(text, path)
        if data is None:
            raise Invalid("issue.target-broken", path=path)
        return text, data

    def render_new(self, kind: str, path: str, value: dict[str, Any]) -> str:
        return render_record(self.schemas, kind, value, _rel_schema(self.root, self.root / path, kind))

    def rerender(self, kind: str, path: str, text: str | None, value: dict[str, Any]) -> str:
        """The edited text when it reads back as ``value``; else the record written anew."""
        if text is not None and _loads(text, path) == value:
            return text
        return self.render_new(kind, path, value)

    def cadre_label(self, ident: str) -> str:
        cadre = self.ctx.cadres.get(ident)
        return f"{cadre.data['name']} ({ident})" if cadre else ident

    def unit_label(self, ident: str) -> str:
        return f"{self.ctx.unit_name(ident)} ({ident})"

    def places_label(self, places: list[str]) -> str:
        return ", ".join(self.unit_label(p) for p in places)

    # -- form 1 -----------------------------------------------------------------------

    def registration(self) -> Built | None:
        r = self.r
        cadre = r.read("cadre", lambda t: find_cadre(self.ctx, t))
        plan = r.read("plan", lambda t: find_plan(self.ctx, "field-visit-plan", t))
        post = r.text("post")
        submitted = r.read("submitted", parse_date) if r.text("submitted") else self.today
        note = r.text("note")
        rows_text = r.text("rows")
        rows = self.registration_rows(rows_text, plan) if rows_text and plan is not None else []
        r.confirm()
        if r.problems or cadre is None or plan is None or submitted is None:
            return None
        value: dict[str, Any] = {"kind": "registration", "plan": plan.id, "cadre": cadre.id}
        if post:
            value["post"] = post
        value["submitted"] = submitted
        value["rows"] = rows
        if note:
            value["note"] = note
        unit = str(cadre.data["unit"])
        year = int(plan.data["year"])
        found = self.existing("registration", lambda d: d["cadre"] == cadre.id and d["plan"] == plan.id)
        path = found.file if found else _layout_path(self.ctx, "registration", unit, year=year, cadre=cadre.id)
        current = self.read_file(path)
        notes: list[tuple[str, dict[str, Any]]] = []
        if current is None:
            change = Change(path, self.render_new("registration", path, value), True)
        else:
            old = current[1]
            merged = {**old, **value}
            if old.get("rows") != rows and ("approved_by" in old or "approved_on" in old):
                notes.append(("issue.text-approval-dropped", {"approver": old.get("approved_by", "?")}))
                merged.pop("approved_by", None)
                merged.pop("approved_on", None)
            merged = {k: merged[k] for k in self._order("registration", merged)}
            notes.insert(0, ("issue.text-registration-replaced", {"path": path}))
            change = Change(path, self.rerender("registration", path, None, merged), False, notes)
        summary = [
            (r.label("cadre"), self.cadre_label(cadre.id)),
            (r.label("plan"), " ".join([plan.id, *[f"({n})" for n in [plan.data.get("document", {}).get("number")] if n]])),
            (r.label("submitted"), _iso(submitted)),
        ]
        if post:
            summary.append((r.label("post"), post))
        if note:
            summary.append((r.label("note"), note))
        table = [
            [
                str(i + 1),
                row["category"] + (f" ({row['topic']})" if "topic" in row else ""),
                str(row["days"]),
                _iso(row["from"]),
                _iso(row["to"]),
                self.places_label(row["places"]) + (f" – {row['place']}" if "place" in row else ""),
            ]
            for i, row in enumerate(rows)
        ]
        title = ("issue.title-registration", {"year": year, "cadre_name": cadre.data["name"]})
        return Built("registration", unit, change, title, _slug("dang-ky", year, cadre.id), summary, table)

    def registration_rows(self, text: str, plan: Record) -> list[dict[str, Any]]:
        r = self.r
        label = r.label("rows")
        rows: list[dict[str, Any]] = []
        number = 0
        for line in text.split("\n"):
            content = re.sub(r"^\s*(?:[-*+]|\d+[.)])\s+", "", line).strip()
            if not content or re.fullmatch(r"[|:\-\s]+", content) or content.startswith(("```", "~~~")):
                continue
            cells = [c.strip() for c in content.strip("|").split("|")] if "|" in content else content.split("\t")
            if fold(cells[0]) == fold(ROW_COLUMNS[0]):
                continue  # a header line
            number += 1
            where = render_code("issue.text-row", {"field": label, "row": number}, self.lang)[1]
            if not ROW_MIN <= len(cells) <= len(ROW_COLUMNS):
                r.problems.append(
                    Issue(
                        where,
                        content,
                        "issue.bad-row",
                        {"count": len(cells), "minimum": ROW_MIN, "maximum": len(ROW_COLUMNS), "columns_list": ROW_COLUMNS},
                    )
                )
                continue
            row: dict[str, Any] = {}
            parsers: dict[str, Callable[[str], Any]] = {
                "category": lambda t: find_category(self.ctx, plan, t),
                "days": parse_days,
                "from": parse_date,
                "to": parse_date,
                "places": lambda t: find_units(self.ctx, t),
            }
            ok = True
            for index, cell in enumerate(cells):
                key = ROW_KEYS[index]
                column = render_code(
                    "issue.text-column", {"field": label, "row": number, "column": ROW_COLUMNS[index]}, self.lang
                )[1]
                if not cell:
                    if index < ROW_MIN:
                        r.problems.append(Issue(column, "", "issue.missing"))
                        ok = False
                    continue
                if key in parsers:
                    value = r.attempt(column, cell, parsers[key])
                    if value is None:
                        ok = False
                        continue
                    if key == "category":
                        row["category"], topic = value
                        if topic:
                            row["topic"] = topic
                        continue
                    row[key] = value
                else:
                    row[key] = cell
            if ok:
                rows.append({k: row[k] for k in ("category", "topic", *ROW_KEYS[1:]) if k in row})
        if not rows and not r.problems:
            r.problems.append(Issue(label, text, "issue.missing"))
        return rows

    def _order(self, kind: str, value: dict[str, Any]) -> list[str]:
        properties = list(self.schemas.kind_schema[kind].get("properties", {}))
        return [k for k in properties if k in value] + [k for k in value if k not in properties]

    # -- form 3 -----------------------------------------------------------------------

    def quarterly_report(self) -> Built | None:
        r = self.r
        unit = r.read("unit", lambda t: find_unit(self.ctx, t))
        plan = r.read("plan", lambda t: find_plan(self.ctx, "field-visit-plan", t))
        quarter = r.read("quarter", parse_quarter)
        cadre = r.read("cadre", lambda t: find_cadre(self.ctx, t))
        category = r.read("category", lambda t: find_category(self.ctx, plan, t)) if plan is not None else None
        if plan is None:
            r.text("category")
        activity = r.text("activity")
        days = r.read("days", parse_days)
        start = r.read("from", parse_date)
        end = r.read("to", parse_date)
        places = r.read("places", lambda t: find_units(self.ctx, t))
        place = r.text("place")
        achievements = r.text("achievements")
        limitations = r.text("limitations")
        proposals = r.text("proposals")
        submitted = r.read("submitted", parse_date) if r.text("submitted") else self.today
        r.confirm()
        if cadre is not None and unit is not None and cadre.data["unit"] != unit.id:
            r.problems.append(
                Issue(
                    r.label("cadre"),
                    r.raw.get("cadre", "").strip(),
                    "issue.cadre-unit",
                    {
                        "cadre": cadre.data["name"],
                        "cadre_unit": self.ctx.unit_name(cadre.data["unit"]),
                        "unit": unit.data["name"],
                    },
                )
            )
        if r.problems or None in (unit, plan, quarter, cadre, category, days, start, end, places, submitted):
            return None
        assert unit is not None and plan is not None and cadre is not None and category is not None
        visit: dict[str, Any] = {"cadre": cadre.id, "category": category[0]}
        if category[1]:
            visit["topic"] = category[1]
        visit.update({"activity": activity, "days": days, "from": start, "to": end, "places": places})
        if place:
            visit["place"] = place
        results = {"achievements": achievements}
        if limitations:
            results["limitations"] = limitations
        visit["results"] = results
        if proposals:
            visit["proposals"] = proposals
        year = int(plan.data["year"])
        found = self.existing(
            "quarterly-report", lambda d: d["unit"] == unit.id and d["plan"] == plan.id and d["quarter"] == quarter
        )
        path = found.file if found else _layout_path(self.ctx, "quarterly-report", unit.id, year=year, quarter=quarter)
        current = self.read_file(path)
        notes: list[tuple[str, dict[str, Any]]] = []
        if current is None:
            value = {
                "kind": "quarterly-report",
                "plan": plan.id,
                "unit": unit.id,
                "quarter": quarter,
                "submitted": submitted,
                "visits": [visit],
            }
            text = self.render_new("quarterly-report", path, value)
            if self.issue is not None:
                text = re.sub(r"(?m)^(visits:\n)", rf"\1{INDENT}# {self.marker()}\n", text, count=1)
            change = Change(path, text, True)
            index = 0
        else:
            old_text, old = current
            visits = list(old["visits"])
            markers = item_markers(old_text, "visits")
            position = next((i for i, n in markers.items() if n == self.issue), None) if self.issue is not None else None
            if position is None:
                position = next(
                    (
                        i
                        for i, v in enumerate(visits)
                        if v["cadre"] == cadre.id and v["from"] == start and v["to"] == end and i not in markers
                    ),
                    None,
                )
            if position is None:
                visits.append(visit)
                index = len(visits) - 1
                notes.append(("issue.text-row-added", {"row": index + 1, "path": path}))
            else:
                visits[position] = visit
                index = position
                notes.append(("issue.text-row-replaced", {"row": index + 1, "path": path}))
            value = {**old, "visits": visits}
            if end > old["submitted"]:
                value["submitted"] = max(submitted, end)
                notes.append(("issue.text-submitted-moved", {"old_date": old["submitted"], "new_date": value["submitted"]}))
            edited = edit_list(old_text, "visits", position, visit, self.marker())
            if edited is not None and value["submitted"] != old["submitted"]:
                edited = set_scalar(edited, "submitted", value["submitted"], "quarter")
            change = Change(path, self.rerender("quarterly-report", path, edited, value), False, notes)
        summary = [
            (r.label("unit"), self.unit_label(unit.id)),
            (r.label("plan"), plan.id),
            (r.label("quarter"), str(quarter)),
            (r.label("cadre"), self.cadre_label(cadre.id)),
            (r.label("category"), category[0] + (f" ({category[1]})" if category[1] else "")),
            (r.label("activity"), activity),
            (r.label("days"), str(days)),
            (r.label("from"), _iso(str(start))),
            (r.label("to"), _iso(str(end))),
            (r.label("places"), self.places_label(places)),
        ]
        summary += [(r.label(k), v) for k, v in (("place", place),) if v]
        summary.append((r.label("achievements"), achievements))
        summary += [(r.label(k), v) for k, v in (("limitations", limitations), ("proposals", proposals)) if v]
        title = (
            "issue.title-quarterly-report",
            {"quarter": quarter, "year": year, "unit_name": unit.data["name"], "cadre_name": cadre.data["name"]},
        )
        slug = _slug("bao-cao", year, f"quy-{quarter}", unit.id)
        return Built("quarterly-report", unit.id, change, title, slug, summary, item_pointer=f"/visits/{index}")

    # -- documents received for an inspection -------------------------------------------

    def inspection_result(self) -> Built | None:
        r = self.r
        plan = r.read("plan", lambda t: find_plan(self.ctx, "inspection-plan", t))
        unit = r.read("unit", lambda t: find_unit(self.ctx, t))
        received = r.read("received", parse_date)
        approver = r.read("approved_by", lambda t: find_cadre(self.ctx, t)) if r.text("approved_by") else None
        reason = r.text("reason")
        r.confirm()
        if bool(r.text("approved_by")) != bool(reason):
            missing = "reason" if not reason else "approved_by"
            r.problems.append(Issue(r.label(missing), "", "issue.exception-incomplete"))
        if plan is not None and unit is not None and self.ctx.schedule_row(plan, unit.id) is None:
            r.problems.append(
                Issue(r.label("unit"), r.raw["unit"].strip(), "issue.not-scheduled", {"unit": unit.data["name"], "plan": plan.id})
            )
        if r.problems or plan is None or unit is None or received is None:
            return None
        found = self.existing("inspection-result", lambda d: d["plan"] == plan.id and d["unit"] == unit.id)
        if found is None:
            # Documents come before the visit: the result starts "scheduled", from the schedule's row,
            # and the inspection department completes it after the visit.
            scheduled = self.ctx.schedule_row(plan, unit.id)
            assert scheduled is not None
            row = scheduled[1]
            value = {
                "kind": "inspection-result",
                "plan": plan.id,
                "unit": unit.id,
                "team": row["team"],
                "date": row["date"],
                **({"session": row["session"]} if "session" in row else {}),
                "status": "scheduled",
                "documents_received": received,
            }
            if approver is not None:
                value["documents_exception"] = {"approved_by": approver.id, "reason": reason}
            # beside the other results of the plan, in the folder of the department that holds the plan
            layout = BY_NAME["inspection-result"].path.format(year=int(plan.data["year"]), unit=unit.id)
            path = f"{SUBMISSIONS}/{plan.folder}/{layout}"
            notes = [("issue.text-documents-scheduled", {"received_date": received, "path": path})]
            change = Change(path, self.render_new("inspection-result", path, value), True, notes)
        else:
            path = found.file
            current = self.read_file(path)
            assert current is not None
            old_text, old = current
            value = dict(old)
            value["documents_received"] = received
            text: str | None = set_scalar(old_text, "documents_received", received, "status")
            if approver is not None:
                value["documents_exception"] = {"approved_by": approver.id, "reason": reason}
                text = None
            value = {k: value[k] for k in self._order("inspection-result", value)}
            before = _iso(old["documents_received"]) if "documents_received" in old else "—"
            notes = [("issue.text-documents-set", {"received_date": received, "path": path, "before": before})]
            change = Change(path, self.rerender("inspection-result", path, text, value), False, notes)
        summary = [
            (r.label("plan"), plan.id),
            (r.label("unit"), self.unit_label(unit.id)),
            (r.label("received"), _iso(received)),
        ]
        if approver is not None:
            summary += [(r.label("approved_by"), self.cadre_label(approver.id)), (r.label("reason"), reason)]
        title = ("issue.title-inspection-result", {"unit_name": unit.data["name"], "received_date": received})
        slug = _slug("kiem-tra", plan.id, unit.id)
        return Built("inspection-result", unit.id, change, title, slug, summary)

    # -- remediation progress -------------------------------------------------------------

    def remediation_progress(self) -> Built | None:
        r = self.r
        unit = r.read("unit", lambda t: find_unit(self.ctx, t))
        plan = r.read("plan", lambda t: find_plan(self.ctx, "remediation-plan", t))
        shortcoming = r.read("shortcoming", lambda t: self.find_shortcoming(plan, t)) if plan is not None else None
        actions = r.read("actions", lambda t: self.find_actions(plan, t)) if plan is not None and r.text("actions") else []
        status = r.read("status", lambda t: find_choice(self.schemas, "remediation-progress", ["items", 0, "status"], t))
        cadence = r.read("cadence", lambda t: find_choice(self.schemas, "remediation-progress", ["period", "cadence"], t))
        start = r.read("from", parse_date)
        end = r.read("to", parse_date)
        submitted = r.read("submitted", parse_date)
        done = r.text("done")
        difficulties = r.text("difficulties")
        next_steps = r.text("next_steps")
        r.confirm()
        if plan is None:
            r.text("shortcoming")
        if r.problems or None in (unit, plan, shortcoming, actions, status, cadence, start, end, submitted):
            return None
        assert unit is not None and plan is not None and submitted is not None
        item: dict[str, Any] = {"shortcoming": shortcoming}
        if actions:
            item["actions"] = actions
        item.update({"status": status, "done": done})
        if difficulties:
            item["difficulties"] = difficulties
        if next_steps:
            item["next_steps"] = next_steps
        period = {"cadence": cadence, "from": start, "to": end}
        year = int(plan.data["year"])
        found = self.existing(
            "remediation-progress", lambda d: d["unit"] == unit.id and d["plan"] == plan.id and d["period"] == period
        )
        path = found.file if found else _layout_path(self.ctx, "remediation-progress", unit.id, year=year, date=submitted)
        current = self.read_file(path)
        notes: list[tuple[str, dict[str, Any]]] = []
        if current is None:
            value = {
                "kind": "remediation-progress",
                "plan": plan.id,
                "unit": unit.id,
                "period": period,
                "submitted": submitted,
                "items": [item],
            }
            change = Change(path, self.render_new("remediation-progress", path, value), True)
            index = 0
        else:
            old_text, old = current
            if old["period"] != period or old["plan"] != plan.id:
                r.problems.append(
                    Issue(
                        r.label("submitted"),
                        r.raw["submitted"].strip(),
                        "issue.period-conflict",
                        {"submitted_date": old["submitted"], "path": path},
                    )
                )
                return None
            items = list(old["items"])
            position = next((i for i, it in enumerate(items) if it["shortcoming"] == shortcoming), None)
            if position is None:
                items.append(item)
                index = len(items) - 1
                notes.append(("issue.text-item-added", {"shortcoming": shortcoming, "path": path}))
            else:
                items[position] = item
                index = position
                notes.append(("issue.text-item-replaced", {"shortcoming": shortcoming, "path": path}))
            value = {**old, "items": items}
            edited = edit_list(old_text, "items", position, item, "")
            change = Change(path, self.rerender("remediation-progress", path, edited, value), False, notes)
        status_label = self.schemas.enum_labels(*self.schemas.node_at("remediation-progress", ["items", 0, "status"]))
        cadence_label = self.schemas.enum_labels(*self.schemas.node_at("remediation-progress", ["period", "cadence"]))
        summary = [
            (r.label("unit"), self.unit_label(unit.id)),
            (r.label("plan"), plan.id),
            (r.label("shortcoming"), str(shortcoming)),
            (r.label("actions"), ", ".join(actions) if actions else "—"),
            (r.label("status"), status_label.get(str(status), str(status))),
            (r.label("cadence"), cadence_label.get(str(cadence), str(cadence))),
            (r.label("from"), _iso(str(start))),
            (r.label("to"), _iso(str(end))),
            (r.label("submitted"), _iso(submitted)),
            (r.label("done"), done),
        ]
        summary += [(r.label(k), v) for k, v in (("difficulties", difficulties), ("next_steps", next_steps)) if v]
        title = (
            "issue.title-remediation-progress",
            {"unit_name": unit.data["name"], "shortcoming": shortcoming, "submitted_date": submitted},
        )
        slug = _slug("khac-phuc", submitted, unit.id, shortcoming)
        return Built("remediation-progress", unit.id, change, title, slug, summary, item_pointer=f"/items/{index}")

    def find_shortcoming(self, plan: Record, text: str) -> str:
        items = plan.data["shortcomings"]
        ids = [str(item["id"]) for item in items]
        key = fold(text)
        for ident in ids:
            if fold(ident) == key or re.match(rf"{re.escape(fold(ident))}\b", key):
                return ident
        by_text = [str(i["id"]) for i in items if len(key) >= 8 and key in fold(str(i.get("description", "")))]
        if len(by_text) == 1:
            return by_text[0]
        number = re.fullmatch(r"(?:khuyet diem|kd|so)?\s*(\d+)", key)
        if number and 1 <= int(number.group(1)) <= len(ids):
            return ids[int(number.group(1)) - 1]
        raise Invalid("issue.unknown-shortcoming", plan=plan.id, codes_list=ids)

    def find_actions(self, plan: Record, text: str) -> list[str]:
        known = [str(a["id"]) for g in plan.data["solution_groups"] for a in g["actions"]]
        out: list[str] = []
        for part in re.split(r"[,;\n]+", text):
            value = part.strip().strip("`")
            if not value:
                continue
            ident = next((k for k in known if fold(k) == fold(value)), None)
            if ident is None:
                raise Invalid("issue.unknown-action", plan=plan.id, action=value, codes_list=known)
            if ident not in out:
                out.append(ident)
        return out


# -- the command ---------------------------------------------------------------------------


@dataclass
class Outcome:
    ok: bool
    message: str
    outputs: list[tuple[str, str]]
    form: Form | None = None
    built: Built | None = None


def _t(code: str, lang: str, **params: Any) -> str:
    """A catalogue text as plain text (a pull request title, a field's name)."""
    return render_code(code, params, lang)[1]


def _say(code: str, lang: str, **params: Any) -> str:
    """A catalogue text for a comment or body: Markdown of the tool's, every parameter made inert."""
    return render_code(code, params, lang, escape=markdown_inline)[1]


def _quote(answer: str) -> list[str]:
    """An answer quoted back line by line, each line inert, its line breaks kept."""
    lines = [markdown_inline(line) for line in answer.split("\n")]
    return [line + "<br>" for line in lines[:-1]] + lines[-1:]


def failure_comment(form: Form | None, problems: list[Issue], sections: list[Section], lang: str) -> str:
    """The reply on an issue that made no record: each problem at its question, then the answers quoted back."""
    lines = [f"### ⚠️ {_say('issue.text-comment-title', lang)}", ""]
    if form is not None:
        lines += [_say("issue.text-comment-intro", lang, form=form.title, count=len(problems)), ""]
    for number, item in enumerate(problems, 1):
        _, message = render_code(item.code, item.params, lang)
        found = " ".join(item.found.split())
        found = found if len(found) <= 200 else found[:199] + "…"
        if item.where and found:
            line = _say("issue.text-found", lang, field=item.where, found=found, message=message)
        elif item.where:
            line = _say("issue.text-field", lang, field=item.where, message=message)
        else:
            line = markdown_inline(message)
        lines.append(f"{number}. {line}")
    lines += ["", _say("issue.text-comment-howto", lang), ""]
    if sections:
        lines += ["<details>", f"<summary>{_say('issue.text-answers', lang)}</summary>", ""]
        for section in sections:
            if section.heading:
                lines += [f"**{markdown_inline(section.heading)}**", ""]
            answer = _answer(section.text)
            lines += [*(_quote(answer) if answer else [_say("issue.text-no-answer", lang)]), ""]
        lines.append("</details>")
    text = "\n".join(lines).rstrip("\n") + "\n"
    return bound_markdown(text, _t("issue.text-cut-comment", lang))


def success_message(built: Built, warnings: list[Problem], issue: int | None, author: str | None, ctx: Context, lang: str) -> str:
    """The pull request's body: what the record holds, what changed, the check's warnings."""
    kind = BY_NAME[built.kind]
    lines = [f"## {_say(built.title[0], lang, **built.title[1])}", ""]
    if issue is not None:
        lines.append(_say("issue.text-source", lang, issue=issue, author=author or "?"))
    else:
        lines.append(_say("issue.text-source-plain", lang))
    lines.append("")
    label = kind.label_vi if lang == "vi" else kind.label_en
    unit_name = ctx.unit_name(built.unit)
    lines += [_say("issue.text-record", lang, kind_label=label, kind=built.kind, unit_name=unit_name, unit=built.unit), ""]
    change = built.change
    if change.created:
        lines.append(f"- {_say('issue.text-created', lang, path=change.path)}")
    for code, params in change.notes:
        lines.append(f"- {_say(code, lang, **params)}")
    lines += ["", _say("issue.text-fields", lang), "| --- | --- |"]
    lines += [f"| {markdown_inline(name)} | {markdown_inline(value)} |" for name, value in built.summary]
    if built.rows:
        header = _say("issue.text-rows", lang)
        lines += ["", header, "|" + " --- |" * (header.count("|") - 1)]
        lines += ["| " + " | ".join(markdown_inline(cell) for cell in row) + " |" for row in built.rows]
    lines.append("")
    if warnings:
        lines.append(_say("issue.text-check-warnings", lang, count=len(warnings)))
        for problem in warnings:
            title_w, message = render(problem, lang)
            where = markdown_inline(f"{problem.file}:{problem.line}")
            lines.append(
                f"- <code>{where}</code> **{markdown_inline(title_w)}**: {markdown_inline(f'{message} [{problem.code}]')}"
            )
    else:
        lines.append(_say("issue.text-check-clean", lang))
    lines += ["", _say("issue.text-review", lang)]
    if issue is not None:
        lines += ["", _say("issue.text-closes", lang, issue=issue)]
    return bound_markdown("\n".join(lines) + "\n", _t("issue.text-cut-body", lang))


def _where_of(problem: Problem, built: Built, form: Form, lang: str) -> str:
    """The form field (or row) a problem of the written record points at."""
    parts = pointer_parts(problem.pointer)
    keys = _POINTER_FIELDS.get(built.kind, {})
    if built.kind == "registration" and parts[:1] == ["rows"]:
        label = form.field("rows").label
        if len(parts) >= 2 and parts[1].isdigit():
            row = int(parts[1]) + 1
            if len(parts) >= 3 and parts[2] in ROW_KEYS:
                column = ROW_COLUMNS[ROW_KEYS.index(parts[2])]
                return _t("issue.text-column", lang, field=label, row=row, column=column)
            if len(parts) >= 3 and parts[2] == "topic":
                return _t("issue.text-column", lang, field=label, row=row, column=ROW_COLUMNS[0])
            return _t("issue.text-row", lang, field=label, row=row)
        return label
    if built.item_pointer and problem.pointer.startswith(built.item_pointer + "/"):
        parts = pointer_parts(problem.pointer[len(built.item_pointer) :])
    elif built.item_pointer and problem.pointer.startswith(built.item_pointer.rsplit("/", 1)[0] + "/"):
        return f"{problem.file}:{problem.line}"  # another row of the file, not this issue's
    for part in reversed(parts):
        if part in keys:
            return form.field(keys[part]).label
    for part in parts:
        if part in keys:
            return form.field(keys[part]).label
    return problem.file


def _key(problem: Problem) -> tuple[str, str, str]:
    return (problem.file, problem.code, repr(problem.params))


def from_issue(
    root: Path,
    body: str,
    labels: list[str],
    issue: int | None = None,
    author: str | None = None,
    lang: str = "vi",
    today: dt.date | None = None,
) -> Outcome:
    """Read an issue body, write its record under ``root`` (only when it checks clean) and say what happened."""
    from site_gen.checker import check_repository

    body = unicodedata.normalize("NFC", body.replace("\r\n", "\n").replace("\r", "\n"))
    known = {fold(f.label) for form in FORMS for f in form.fields}
    sections = split_body(body, known)
    if not body.strip():
        return _failed(None, [Issue("", "", "issue.empty")], sections, lang)
    form, named, label = detect_form(labels, sections)
    if form is None:
        return _failed(None, [Issue("", "", "issue.unknown-form", {"forms_list": [f.title for f in FORMS]})], sections, lang)
    if named is not None:
        params = {"label": label, "form": named.title, "other_form": form.title}
        return _failed(named, [Issue("", "", "issue.form-mismatch", params)], sections, lang)
    before = check_repository(root, use_cache=False)
    schemas = Schemas(root)
    reader = Reader(form, sections, before.context, schemas, lang)
    builder = Builder(root, before.context, before.records(), schemas, reader, issue, lang, today or dt.date.today())
    try:
        built: Built | None = getattr(builder, form.kind.replace("-", "_"))()
    except Invalid as exc:
        reader.problems.append(Issue("", "", exc.code, exc.params))
        built = None
    if built is None or reader.problems:
        return _failed(form, _in_form_order(form, reader.problems), sections, lang)
    old = {_key(p) for p in before.errors}
    # Checked on a stage first; the repository sees the record only once it passed (site_gen.atomic).
    with Transaction(root) as transaction:
        transaction.put(built.change.path, built.change.text.encode("utf-8"))
        after = check_repository(transaction.stage(), use_cache=False)
        written = {built.change.path}
        errors = [p for p in after.errors if p.file in written or _key(p) not in old]
        if errors:
            problems = [
                Issue(
                    _where_of(p, built, form, lang),
                    "",
                    "issue.check-problem",
                    {"message": render(p, lang)[1], "code": p.code},
                )
                for p in errors
            ]
            return _failed(form, problems, sections, lang)
        transaction.commit()
    warnings = [p for p in after.problems if p.file in written and p.severity.value == "warning"]
    message = success_message(built, warnings, issue, author, before.context, lang)
    # One branch per issue: an edited issue (even for another cadre or unit) updates the same pull request.
    slug = built.slug[:60].strip("-")
    branch = f"ho-so/issue-{issue}" if issue is not None else f"ho-so/{slug}"
    outputs = [
        ("result", "ok"),
        ("kind", built.kind),
        ("form", form.name),
        ("path", built.change.path),
        ("paths", built.change.path),
        ("action", "created" if built.change.created else "updated"),
        ("branch", branch),
        ("title", _t(built.title[0], lang, **built.title[1])),
    ]
    return Outcome(True, message, outputs, form, built)


def _in_form_order(form: Form, problems: list[Issue]) -> list[Issue]:
    """Problems in the order of the form's questions (a row's problems under its question)."""
    labels = [f.label for f in form.fields]

    def position(item: Issue) -> int:
        return next((i for i, label in enumerate(labels) if item.where.startswith(label)), len(labels))

    return sorted(problems, key=position)


def _failed(form: Form | None, problems: list[Issue], sections: list[Section], lang: str) -> Outcome:
    outputs = [("result", "invalid"), ("kind", form.kind if form else ""), ("form", form.name if form else "")]
    return Outcome(False, failure_comment(form, problems, sections, lang), outputs, form)


def github_output_lines(outputs: list[tuple[str, str]]) -> str:
    """``name=value`` lines; a value with a line break uses the ``name<<DELIMITER`` form."""
    out = []
    for name, value in outputs:
        if "\n" in value or "\r" in value:
            delimiter = "EOF_SITE_GEN"
            while delimiter in value:
                delimiter += "_"
            out.append(f"{name}<<{delimiter}\n{value}\n{delimiter}\n")
        else:
            out.append(f"{name}={value}\n")
    return "".join(out)


def cmd_from_issue(args: argparse.Namespace) -> int:
    root = data_root(args.root)
    try:
        body = sys.stdin.read() if args.body == "-" else Path(args.body).read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise SetupError("setup.io", path=args.body, detail=detail) from None
    labels = [label.strip() for label in (args.labels or "").split(",") if label.strip()]
    outcome = from_issue(root, body, labels, args.issue, args.author, args.lang)
    try:
        if args.message_file:
            Path(args.message_file).write_text(outcome.message, encoding="utf-8")
        else:
            sys.stdout.write(outcome.message)
        if args.github_output:
            with open(args.github_output, "a", encoding="utf-8") as handle:
                handle.write(github_output_lines(outcome.outputs))
    except OSError as exc:
        raise SetupError("setup.io", path=args.message_file or args.github_output, detail=exc.strerror or str(exc)) from None
    if outcome.ok and args.message_file:
        print(outcome.built.change.path if outcome.built else "")
    return 0 if outcome.ok else 1
