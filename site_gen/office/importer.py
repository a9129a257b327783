"""``site-gen import``: a filled form 1, 2 or 3 (.xlsx or .docx) into records, through intake.

The readers turn the file into a :class:`FormDoc`; this module reads its
cells into the typed answers of :mod:`site_gen.intake.answers` (each cell
read by :mod:`site_gen.intake.parse`: dates, days, categories by code or
words, cadres and units by name with or without diacritics), and intake
builds the records (an existing record of the same cadre and plan, or of the
same unit and quarter, is updated and the changes are listed), checks them
once on a stage and writes those that bring no new error.

Cell conventions are those of docs/huong-dan/bieu-mau-van-phong.md; the
literals come from :mod:`site_gen.office.layout`, which the export side
writes with, so that export then import gives the same records.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from site_gen.catalogue import CATALOGUE, render, render_code
from site_gen.checker import CheckResult
from site_gen.diff import Labeller, value_changes
from site_gen.discover import data_root
from site_gen.errors import SetupError
from site_gen.intake.answers import REPLACE, ROWS, Category, Draft, QuarterlyReport, Registration, Row, Span, Visit
from site_gen.intake.builders import build
from site_gen.intake.commit import commit
from site_gen.intake.parse import (
    Invalid,
    find_cadre,
    find_category,
    find_plan,
    find_unit,
    fold,
    parse_date,
    parse_days,
    parse_period,
    quarter_number,
)
from site_gen.intake.repository import Loaded, load
from site_gen.model import Record
from site_gen.office import layout
from site_gen.office.document import Cell, FormDoc
from site_gen.office.reading import OfficeFileError, Reading, header_key, nfc
from site_gen.schemas import Schemas

# Columns each form reads (keys of reading.header_key), and those it cannot do without.
KNOWN = {
    "1": {"stt", "content", "days", "period", "from", "to", "places"},
    "2": {"stt", "name", "post", "content", "days", "period", "from", "to", "places"},
    "3": {"stt", "name", "content", "activity", "days", "period", "from", "to", "places", "results", "proposals"},
}
REQUIRED = {
    "1": ("content", "days", "period", "places"),
    "2": ("name", "content", "period", "places"),
    "3": ("name", "content", "activity", "days", "period", "places", "results"),
}
COLUMN_NAMES = {
    "name": layout.COL_NAME,
    "post": layout.COL_POST,
    "content": layout.COL_CONTENT,
    "activity": layout.COL_ACTIVITY,
    "days": layout.COL_DAYS,
    "period": layout.COL_PERIOD,
    "places": layout.COL_PLACE,
    "results": layout.COL_RESULTS,
}
FORM_NAMES = {"1": "mẫu 1 (bản đăng ký)", "2": "mẫu 2 (bản tổng hợp đăng ký)", "3": "mẫu 3 (tổng hợp báo cáo quý)"}


def _label(text: str) -> str:
    return fold(text.strip().rstrip(":"))


# "Label: value" lines inside a cell or under the table -> the key they fill.
LABELS = {
    _label(layout.PURPOSE_LABEL): "purpose",
    _label(layout.DETAIL_LABEL): "place",
    _label(layout.ACHIEVEMENTS_LABEL): "achievements",
    _label(layout.LIMITATIONS_LABEL): "limitations",
    _label(layout.PROPOSALS_LABEL): "proposals",
    "de xuat": "proposals",
    "kien nghi": "proposals",
    _label(layout.NOTE_LABEL): "note",
    _label(layout.APPROVED_ON_LABEL): "approved_on",
}
EXAMPLE = re.compile(rf"^\s*{re.escape(layout.EXAMPLE_PREFIX)}\s*\d*\s*[:.)]", re.IGNORECASE)


def labelled(lines: list[str], default: str) -> dict[str, str]:
    """Lines of a cell as {key: text}: "Label: …" lines by their label, continuation lines with the line above."""
    out: dict[str, list[str]] = {}
    current = default
    for line in lines:
        head, sep, rest = line.partition(":")
        key = LABELS.get(_label(head)) if sep else None
        if key is not None:
            current = key
            out.setdefault(current, [])
            if rest.strip():
                out[current].append(rest.strip())
            continue
        out.setdefault(current, []).append(line.strip())
    return {key: "\n".join(value) for key, value in out.items()}


def _lines(text: str) -> list[str]:
    return [line.strip() for line in nfc(text).split("\n") if line.strip()]


def _row_name(row: list[Cell]) -> str:
    """A table row as the summary names it: "trang tính Mau1, dòng 9" / "bảng 2, dòng 3"."""
    if not row:
        return "?"
    base = row[0].where.split(", ô ")[0].split(", dòng ")[0]
    return f"{base}, dòng {row[0].row}"


# -- problems ---------------------------------------------------------------------------------


@dataclass
class Problem:
    code: str
    where: str
    found: str = ""
    params: dict[str, Any] = field(default_factory=dict)
    owner: str = ""  # the record key it belongs to ("" = the whole form)

    @property
    def error(self) -> bool:
        return CATALOGUE[self.code].severity.value == "error"


@dataclass
class Planned:
    """A record to write: its identity, the draft intake made of it, and how the summary names it."""

    key: str
    draft: Draft
    label: str

    @property
    def kind(self) -> str:
        return self.draft.kind

    @property
    def path(self) -> str:
        return self.draft.path

    @property
    def value(self) -> dict[str, Any]:
        return self.draft.value

    @property
    def old(self) -> dict[str, Any] | None:
        return self.draft.old


class FormImport:
    """One FormDoc against the repository: problems collected first, answers read from what reads."""

    def __init__(
        self,
        root: Path,
        reading: Reading,
        form: str,
        unit: str | None,
        lang: str,
        today: dt.date,
        before: CheckResult | None = None,
        schemas: Schemas | None = None,
    ) -> None:
        self.root = root
        self.reading = reading
        self.doc: FormDoc = reading.doc
        self.form = form
        self.lang = lang
        self.today = today.isoformat()
        if before is None:
            self.loaded = load(root, self.today)
        else:
            self.loaded = Loaded(root, before, schemas if schemas is not None else Schemas(root), self.today)
        self.ctx = self.loaded.ctx
        self.problems: list[Problem] = [Problem(f.code, f.where, f.found, f.params) for f in reading.problems]
        self.unit_arg = self._unit_arg(unit)
        self.keys = [header_key(column) for column in self.doc.columns]
        self.table = reading.where.get("table", self.doc.sheet)
        self.skipped: list[str] = []  # rows left out because a cell does not read

    # -- helpers ------------------------------------------------------------------------------

    def add(self, code: str, where: str, found: str = "", owner: str = "", **params: Any) -> None:
        self.problems.append(Problem(code, where, found, params, owner))

    def attempt(self, cell: Cell | tuple[str, str], parse: Callable[[str], Any], owner: str = "") -> Any:
        text, where = (cell.text, cell.where) if isinstance(cell, Cell) else cell
        try:
            return parse(text)
        except Invalid as exc:
            self.add(exc.code, where, text, owner, **exc.params)
            return None

    def where(self, key: str, fallback: str) -> str:
        return self.reading.where.get(key, fallback)

    def _unit_arg(self, unit: str | None) -> Record | None:
        if not unit:
            return None
        try:
            return find_unit(self.ctx, unit)
        except Invalid as exc:
            raise SetupError("setup.usage", detail=f"--unit {unit}: {render_code(exc.code, exc.params, self.lang)[1]}") from None

    def cadre(self, text: str, unit: Record | None) -> Record:
        return find_cadre(self.ctx, text, unit.id if unit else None)

    def column(self, row: list[Cell], key: str) -> Cell | None:
        for index, name in enumerate(self.keys):
            if name == key and index < len(row):
                return row[index]
        return None

    def field_value(self, label: str) -> tuple[str, str] | None:
        for name, value in self.doc.fields:
            if fold(name) == fold(label):
                return value, f"{self.where(f'field:{name}', 'dòng')} (“{name}”)"
        return None

    def signature(self, title: str) -> tuple[str, str, str] | None:
        """The name under a signature block of ``title``, where it stands, and the line under it."""
        found = next((s for s in self.doc.signatures if fold(s.title) == fold(title)), None)
        if found is None or not found.name.strip():
            return None
        index = self.doc.signatures.index(found)
        return found.name, self.where(f"sig-name:{index}", found.title), found.extra

    # -- heading ------------------------------------------------------------------------------

    def plan(self) -> Record | None:
        reference = self.doc.reference
        number = re.search(r"số\s+(.+?)\s*,", reference, re.IGNORECASE)
        plans = list(self.ctx.plans["field-visit-plan"].values())
        if number:
            found = [p for p in plans if fold(str(p.data.get("document", {}).get("number", ""))) == fold(number.group(1))]
            if len(found) == 1:
                return found[0]
        year = re.search(r"\b(20\d\d)\b", self.doc.subtitle)
        if year:
            try:
                return find_plan(self.ctx, "field-visit-plan", year.group(1))
            except Invalid as exc:
                self.add(exc.code, self.where("subtitle", "dòng tiêu đề"), self.doc.subtitle, **exc.params)
                return None
        self.add("office.no-plan", self.where("reference", "dòng dẫn chiếu kế hoạch"), reference or self.doc.subtitle)
        return None

    def submitted(self) -> str | None:
        """The date of the place-and-date line; None when it has no date (the caller decides)."""
        text = self.doc.place_date
        match = re.search(r"ngay\s*(\d{1,2})\s*thang\s*(\d{1,2})\s*nam\s*(\d{4})", fold(text))
        if match is None:
            return None
        try:
            return parse_date("/".join(match.groups()))
        except Invalid as exc:
            self.add(exc.code, self.where("place_date", "dòng địa danh, ngày tháng"), text, **exc.params)
            return None

    def leftovers(self, used_fields: set[str], note_used: bool) -> None:
        """Report every text of the file that has no field in the records."""
        for name, value in self.doc.fields:
            if fold(name) not in used_fields and value.strip():
                self.add("office.unplaced-text", self.where(f"field:{name}", name), f"{name}: {value}")
        for cell in self.doc.extra:
            self.add("office.unplaced-text", cell.where, cell.text)
        for index, line in enumerate(self.doc.after):
            head, sep, _ = line.partition(":")
            if sep and LABELS.get(_label(head)) == "note" and note_used:
                continue
            self.add("office.unplaced-text", self.where(f"after:{index}", "dưới bảng"), line)
        for position, key in enumerate(self.keys):
            if key in KNOWN[self.form]:
                continue
            header = self.doc.columns[position] if position < len(self.doc.columns) else ""
            cells = [row[position] for row in self.doc.rows if position < len(row) and row[position].text.strip()]
            if not header and not cells:
                continue
            self.add("office.unknown-column", self.table, header, column=header or "?", form=FORM_NAMES[self.form])
            for cell in cells:
                self.add("office.unplaced-text", cell.where, cell.text)

    def note(self) -> str:
        for line in self.doc.after:
            head, sep, rest = line.partition(":")
            if sep and LABELS.get(_label(head)) == "note":
                return rest.strip()
        return ""

    def check_columns(self) -> bool:
        missing = [key for key in REQUIRED[self.form] if key not in self.keys]
        if "period" in missing and "from" in self.keys and "to" in self.keys:
            missing.remove("period")
        for key in missing:
            self.add(
                "office.missing-column",
                self.table,
                "",
                column=COLUMN_NAMES.get(key, key),
                columns_list=[c for c in self.doc.columns if c],
            )
        return not missing

    def data_rows(self) -> list[list[Cell]]:
        """The rows with something written, example rows of the blank form left out (with a notice)."""
        rows = []
        for row in self.doc.rows:
            texts = [cell.text for cell, key in zip(row, self.keys, strict=False) if key != "stt" and cell.text.strip()]
            if not texts:
                continue
            example = next((c for c in row if EXAMPLE.match(c.text)), None)
            if example is not None:
                self.add("office.example-row", example.where, example.text)
                continue
            rows.append(row)
        return rows

    def check_total(self, days: list[int]) -> None:
        if not self.doc.total or "days" not in self.keys:
            return
        index = self.keys.index("days")
        text = self.doc.total[index] if index < len(self.doc.total) else ""
        if not text.strip():
            return
        where = self.where("total", "dòng Tổng")
        try:
            written = parse_days(text)
        except Invalid:
            self.add("office.total-mismatch", where, text, total=text, sum=sum(days))
            return
        if written != sum(days):
            self.add("office.total-mismatch", where, text, total=written, sum=sum(days))

    # -- table cells ----------------------------------------------------------------------------

    def required(self, cell: Cell | None, owner: str) -> bool:
        if cell is None or not cell.text.strip():
            if cell is not None:
                self.add("office.missing", cell.where, "", owner)
            return False
        return True

    def content(self, cell: Cell | None, plan: Record, owner: str, purpose: bool) -> tuple[Category, str] | None:
        """The category (and topic) of a content cell, and its purpose line when ``purpose``."""
        if not self.required(cell, owner):
            return None
        assert cell is not None
        lines = _lines(cell.text)
        parts = labelled(lines[1:], "topic")
        found = self.attempt((lines[0], cell.where), lambda t: find_category(plan, t), owner)
        if found is None:
            return None
        code, topic = found
        rest = parts.pop("topic", "")
        if rest and topic is None:
            first, _, more = rest.partition("\n")
            got = self.attempt((first, cell.where), lambda t: find_category(plan, t), owner)
            if got is None:
                return None
            if got[0] != code or got[1] is None:
                self.add(
                    "issue.unknown-category", cell.where, first, owner, plan=plan.id, codes_list=self.ctx.category_codes(plan)
                )
                return None
            topic = got[1]
            rest = more
        if rest.strip():
            self.add("office.unplaced-text", cell.where, rest, owner)
        written = parts.pop("purpose", "") if parts.get("purpose") and purpose else ""
        for text in parts.values():
            if text:
                self.add("office.unplaced-text", cell.where, text, owner)
        return Category(code, topic), written

    def period(self, row: list[Cell], owner: str) -> tuple[str, str] | None:
        cell = self.column(row, "period")
        start, end = self.column(row, "from"), self.column(row, "to")
        if cell is None and start is not None and end is not None:
            cell = Cell(f"{start.text}\n{end.text}", start.where, start.row, start.column)
        if not self.required(cell, owner):
            return None
        assert cell is not None
        value: tuple[str, str] | None = self.attempt(cell, parse_period, owner)
        return value

    def days(self, row: list[Cell], owner: str, span: tuple[str, str] | None) -> int | None:
        cell = self.column(row, "days")
        if cell is None and span is not None:
            days = (dt.date.fromisoformat(span[1]) - dt.date.fromisoformat(span[0])).days + 1
            self.add("office.days-from-span", row[0].where, "", owner, days=days)
            return days
        if not self.required(cell, owner):
            return None
        assert cell is not None
        value: int | None = self.attempt(cell, parse_days, owner)
        return value

    def units(self, piece: str) -> list[str]:
        """The units a piece of a places cell names: one, or (failing that) a list separated by commas."""
        try:
            return [find_unit(self.ctx, piece).id]
        except Invalid as first:
            units = []
            for sub in [s for s in piece.split(",") if s.strip()] if "," in piece else []:
                try:
                    units.append(find_unit(self.ctx, sub).id)
                except Invalid:
                    raise first from None
            if not units:
                raise
            return units

    def places(self, cell: Cell | None, owner: str) -> tuple[list[str], str] | None:
        """The units visited and the place in words ("Ghi rõ địa điểm: …")."""
        if not self.required(cell, owner):
            return None
        assert cell is not None
        parts = labelled(_lines(cell.text), "places")
        places: list[str] = []
        ok = True
        for piece in re.split(r"[;\n]+", parts.pop("places", "")):
            if piece.strip():
                units = self.attempt((piece.strip(), cell.where), self.units, owner) or []
                ok = ok and bool(units)
                places += [u for u in units if u not in places]
        if not places and ok:
            self.add("office.missing", cell.where, cell.text, owner)
            ok = False
        if not ok:
            return None
        place = parts.pop("place", "") if parts.get("place") else ""
        for text in parts.values():
            if text:
                self.add("office.unplaced-text", cell.where, text, owner)
        return places, place

    def results(self, row: list[Cell], owner: str) -> tuple[str, str, str] | None:
        """Achievements, limitations and proposals of a results cell (and a proposals column)."""
        cell = self.column(row, "results")
        if not self.required(cell, owner):
            return None
        assert cell is not None
        parts = labelled(_lines(cell.text), "achievements")
        extra = self.column(row, "proposals")
        if extra is not None and extra.text.strip():
            more = labelled(_lines(extra.text), "proposals")
            for key, text in more.items():
                parts[key] = f"{parts[key]}\n{text}" if parts.get(key) else text
        if not parts.get("achievements"):
            self.add("office.missing-achievements", cell.where, cell.text, owner)
            return None
        found = tuple(parts.pop(key, "") for key in ("achievements", "limitations", "proposals"))
        for text in parts.values():
            if text:
                self.add("office.unplaced-text", cell.where, text, owner)
        return found[0], found[1], found[2]

    def registration_row(self, row: list[Cell], plan: Record, owner: str) -> Row | None:
        content = self.content(self.column(row, "content"), plan, owner, purpose=True)
        span = self.period(row, owner)
        days = self.days(row, owner, span)
        places = self.places(self.column(row, "places"), owner)
        if content is None or span is None or days is None or places is None:
            return None
        return Row(content[0], Span(days, span[0], span[1], places[0], places[1]), content[1])

    # -- records -------------------------------------------------------------------------------

    def existing_registration(self, cadre: str, plan: str) -> Record | None:
        return self.loaded.existing("registration", lambda d: d["cadre"] == cadre and d["plan"] == plan)

    def plan_records(self) -> list[Planned]:
        if not self.check_columns():
            self.leftovers(set(), False)
            return []
        make: Callable[[], list[Planned]] = {"1": self.form1, "2": self.form2, "3": self.form3}[self.form]
        return make()

    def draft(self, kind: str, answers: Any) -> Draft:
        """The record intake builds from the answers (a notice when it took today's date)."""
        made = build(kind, answers, self.loaded)
        if made.dated_today:
            where = self.where("place_date", "dòng địa danh, ngày tháng")
            self.add("office.submitted-today", where, self.doc.place_date, submitted_date=self.today)
        return made

    def post(self, written: str, cadre: Record) -> str:
        """A post written on the form, kept only when it is not the cadre's own."""
        return written if written and fold(written) != fold(str(cadre.data.get("post", ""))) else ""

    def approval(self) -> tuple[str, str]:
        """Who approved a registration (form 1's approver signature) and when ("Ngày duyệt: …")."""
        approver = next((s for s in self.doc.signatures if fold(s.title) == fold(layout.SIGN_APPROVER)), None)
        if approver is None or not approver.name.strip():
            return "", ""
        index = self.doc.signatures.index(approver)
        found = self.attempt((approver.name, self.where(f"sig-name:{index}", approver.title)), lambda t: find_cadre(self.ctx, t))
        extra = labelled(_lines(approver.extra), "")
        approved_on = None
        if extra.get("approved_on"):
            approved_on = self.attempt((extra["approved_on"], self.where(f"sig-extra:{index}", approver.title)), parse_date)
        return (found.id if found is not None else ""), approved_on or ""

    def form1(self) -> list[Planned]:
        plan = self.plan()
        name = self.field_value(layout.FIELD_NAME)
        cadre: Record | None = None
        if name is None or not name[0].strip():
            self.add("office.missing", name[1] if name else f"dòng “{layout.FIELD_NAME}”", "")
        else:
            cadre = self.attempt((name[0], name[1]), lambda t: self.cadre(t, self.unit_arg))
        post_field = self.field_value(layout.FIELD_POST)
        approved_by, approved_on = self.approval()
        rows: list[Row] = []
        data_rows = self.data_rows()
        for row in data_rows:
            if plan is None:
                break
            built = self.registration_row(row, plan, "")
            if built is None:
                self.skipped.append(_row_name(row))
            else:
                rows.append(built)
        if not data_rows:
            self.add("office.no-rows", self.table)
        self.check_total([row.span.days for row in rows])
        note = self.note()
        self.leftovers({fold(layout.FIELD_NAME), fold(layout.FIELD_POST)}, True)
        if plan is None or cadre is None or not rows:
            return []
        post = self.post(post_field[0].strip() if post_field else "", cadre)
        answers = Registration(plan, cadre, rows, self.submitted(), post, note, approved_by, approved_on, REPLACE)
        return [Planned(cadre.id, self.draft("registration", answers), f"{cadre.data['name']} ({cadre.id})")]

    def form2(self) -> list[Planned]:
        plan = self.plan()
        groups: dict[str, list[Row]] = {}
        posts: dict[str, str] = {}
        cadres: dict[str, Record] = {}
        data_rows = self.data_rows()
        current: Record | None = None
        for row in data_rows:
            name = self.column(row, "name")
            if name is not None and name.text.strip():
                current = self.attempt(name, lambda t: self.cadre(t, self.unit_arg))
                if current is None:
                    continue
            elif current is None:
                self.required(name, "")
                continue
            cadres[current.id] = current
            post = self.column(row, "post")
            if post is not None and post.text.strip():
                posts.setdefault(current.id, post.text.strip())
            if plan is None:
                continue
            built = self.registration_row(row, plan, current.id)
            if built is None:
                self.skipped.append(_row_name(row))
                continue
            groups.setdefault(current.id, []).append(built)
        if not data_rows:
            self.add("office.no-rows", self.table)
        self.check_total([row.span.days for rows in groups.values() for row in rows])
        self.leftovers(set(), False)
        if plan is None:
            return []
        return [self.summary_registration(plan, cadres[ident], rows, posts.get(ident, "")) for ident, rows in groups.items()]

    def summary_registration(self, plan: Record, cadre: Record, rows: list[Row], post: str) -> Planned:
        """One cadre's rows of a department's summary into the cadre's registration."""
        # the summary's date is not each registration's: a registration keeps its own
        written = None if self.existing_registration(cadre.id, plan.id) else self.submitted()
        answers = Registration(plan, cadre, rows, written, self.post(post, cadre), mode=ROWS)
        made = self.draft("registration", answers)
        for code, params in made.notes:
            if code == "issue.text-approval-dropped":
                self.add("office.approval-dropped", self.table, "", cadre.id, approver=str(params["approver"]))
        return Planned(cadre.id, made, f"{cadre.data['name']} ({cadre.id})")

    def quarter(self) -> int:
        match = re.search(r"\bquy\s+(iv|iii|ii|i|[1-4])\b", fold(self.doc.subtitle))
        if match is None:
            self.add("office.no-quarter", self.where("subtitle", "dòng tiêu đề"), self.doc.subtitle)
            return 0
        return quarter_number(match.group(1))

    def report_unit(self) -> Record | None:
        if self.unit_arg is not None:
            return self.unit_arg
        where = self.where("unit_line", "dòng tên đơn vị")
        if not self.doc.unit_line.strip():
            self.add("office.no-unit", where)
            return None
        found: Record | None = self.attempt((self.doc.unit_line, where), lambda t: find_unit(self.ctx, t))
        return found

    def preparer(self, unit: Record | None) -> str:
        preparer = next((s for s in self.doc.signatures if fold(s.title) == fold(layout.SIGN_PREPARER)), None)
        if preparer is None or not preparer.name.strip():
            return ""
        where = self.where(f"sig-name:{self.doc.signatures.index(preparer)}", preparer.title)
        found = self.attempt((preparer.name, where), lambda t: self.cadre(t, unit))
        return found.id if found is not None else ""

    def visit(self, row: list[Cell], plan: Record, unit: Record | None) -> Visit | None:
        """One row of form 3; None (and the row named as left out) when a cell does not read."""
        name = self.column(row, "name")
        cadre = self.attempt(name, lambda t: self.cadre(t, unit)) if self.required(name, "") and name is not None else None
        content = self.content(self.column(row, "content"), plan, "", purpose=False)
        activity = self.column(row, "activity")
        has_activity = self.required(activity, "")
        span = self.period(row, "")
        count = self.days(row, "", span)
        places = self.places(self.column(row, "places"), "")
        results = self.results(row, "")
        if cadre is not None and unit is not None and cadre.data["unit"] != unit.id and name is not None:
            cadre_unit = self.ctx.unit_name(str(cadre.data["unit"]))
            self.add(
                "issue.cadre-unit", name.where, name.text, cadre=cadre.data["name"], cadre_unit=cadre_unit, unit=unit.data["name"]
            )
            return None
        if cadre is None or content is None or span is None or count is None or places is None or results is None:
            return None
        if not has_activity or activity is None:
            return None
        where = Span(count, span[0], span[1], places[0], places[1])
        return Visit(cadre.id, content[0], nfc(activity.text).strip(), where, *results)

    def form3(self) -> list[Planned]:
        plan = self.plan()
        unit = self.report_unit()
        quarter = self.quarter()
        prepared_by = self.preparer(unit)
        visits: list[Visit] = []
        data_rows = self.data_rows()
        for row in data_rows:
            if plan is None:
                name = self.column(row, "name")
                if self.required(name, "") and name is not None:
                    self.attempt(name, lambda t: self.cadre(t, unit))
                continue
            visit = self.visit(row, plan, unit)
            if visit is None:
                self.skipped.append(_row_name(row))
            else:
                visits.append(visit)
        if not data_rows:
            self.add("office.no-rows", self.table)
        self.check_total([visit.span.days for visit in visits])
        note = self.note()
        self.leftovers(set(), True)
        if plan is None or unit is None or not quarter or not visits:
            return []
        answers = QuarterlyReport(plan, unit, quarter, visits, self.submitted(), prepared_by, note, REPLACE)
        label = f"{unit.data['name']}, quý {quarter}/{plan.data['year']}"
        return [Planned(unit.id, self.draft("quarterly-report", answers), label)]


# -- writing ----------------------------------------------------------------------------------


@dataclass
class Result:
    created: list[str] = field(default_factory=list)
    updated: list[tuple[str, list[tuple[str, str, str]]]] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    left_out: list[str] = field(default_factory=list)
    written: bool = False

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.error]


def write_records(job: FormImport, planned: list[Planned], partial: bool, out: Path | None) -> Result:
    """Every changed record staged, checked once, and written (or, without ``partial``, none on an error)."""
    result = Result(problems=list(job.problems))
    if result.errors and not partial:
        result.left_out = [p.label for p in planned] + list(job.skipped)
        return result
    result.left_out = list(job.skipped)
    result.unchanged = [item.path for item in planned if item.old is not None and item.old == item.value]
    todo = [item for item in planned if item.path not in result.unchanged]
    if not todo:
        result.written = bool(result.unchanged)
        return result
    files = {item.path: item.draft.text.encode("utf-8") for item in todo}
    committed = commit(job.root, files, job.loaded.before, partial, out)
    for problem in committed.errors:
        message = render(problem, job.lang)[1]
        where = f"{problem.file}:{problem.line}" if problem.line else problem.file
        result.problems.append(Problem("office.check-problem", where, "", {"message": message, "code": problem.code}))
    if committed.refused and not partial:
        result.left_out = [item.label for item in todo]
        return result
    result.left_out += [item.label for item in todo if item.path in committed.refused]
    labeller = Labeller(job.root, job.lang)
    ctx = job.ctx
    known = {ident: str(r.data.get("name", ident)) for ident, r in ctx.cadres.items()}
    known.update({ident: ctx.unit_name(ident) for ident in ctx.units})
    for item in todo:
        if item.path in committed.refused:
            continue
        if item.old is None:
            result.created.append(item.path)
        else:
            result.updated.append((item.path, value_changes(labeller, item.kind, item.old, item.value, known)))
    result.written = True
    return result


# -- the command --------------------------------------------------------------------------------


def read_file(path: Path, form: str) -> Reading:
    suffix = path.suffix.lower()
    if suffix in (".xls", ".doc"):
        raise OfficeFileError("office.old-format", old=suffix, new=suffix + "x")
    if suffix in (".xlsx", ".xlsm"):
        from site_gen.office.xlsx_reader import read_xlsx_file

        return read_xlsx_file(path, form)
    if suffix == ".docx":
        from site_gen.office.docx_reader import read_docx_file

        return read_docx_file(path, form)
    raise OfficeFileError("office.not-office", expected=".xlsx/.docx", looks=suffix or "?")


def _t(code: str, lang: str, **params: Any) -> str:
    return render_code(code, params, lang)[1]


def _problem_line(problem: Problem, lang: str) -> str:
    message = render_code(problem.code, problem.params, lang)[1]
    found = " ".join(problem.found.split())
    found = found if len(found) <= 120 else found[:119] + "…"
    if problem.where and found:
        return _t("office.text-found", lang, where=problem.where, found=found, message=message)
    if problem.where:
        return _t("office.text-where", lang, where=problem.where, message=message)
    return message


def summary(path: Path, form: str, result: Result, partial: bool, lang: str) -> str:
    lines = [_t("office.text-title", lang, file=path.name, form=FORM_NAMES[form])]
    if result.created or result.updated or result.unchanged:
        lines.append("")
    for created in result.created:
        lines.append(f"+ {_t('office.text-created', lang, path=created)}")
    for updated, changes in result.updated:
        lines.append(f"~ {_t('office.text-updated', lang, path=updated)}")
        for label, before, after in changes:
            lines.append(f"    - {_t('office.text-change', lang, field=label, before=before, after=after)}")
    for unchanged in result.unchanged:
        lines.append(f"= {_t('office.text-unchanged', lang, path=unchanged)}")
    notices = [p for p in result.problems if not p.error]
    errors = result.errors
    if notices:
        lines += ["", _t("office.text-notices", lang, count=len(notices))]
        lines += [f"  - {_problem_line(p, lang)}" for p in notices]
    if errors:
        lines += ["", _t("office.text-errors", lang, count=len(errors))]
        lines += [f"  - {_problem_line(p, lang)}" for p in errors]
    lines.append("")
    if errors and not result.written and not result.created and not result.updated:
        lines.append(_t("office.text-nothing-written", lang))
    if result.left_out and (partial or result.written):
        lines.append(_t("office.text-left-out", lang, records_list=result.left_out))
    lines.append(
        _t("office.text-done", lang, created=len(result.created), updated=len(result.updated), unchanged=len(result.unchanged))
    )
    return "\n".join(lines) + "\n"


def import_form(
    root: Path,
    path: Path,
    form: str,
    unit: str | None = None,
    out: Path | None = None,
    partial: bool = False,
    lang: str = "vi",
    today: dt.date | None = None,
) -> tuple[int, str]:
    """Import ``path`` as ``form`` into ``root`` (or ``out``): (exit code, summary text)."""
    try:
        reading = read_file(path, form)
    except OfficeFileError as exc:
        result = Result(problems=[Problem(exc.code, path.name, "", exc.params)])
        return 1, summary(path, form, result, partial, lang)
    reading.doc.form = form
    job = FormImport(root, reading, form, unit, lang, today or dt.date.today())
    planned = job.plan_records()
    result = write_records(job, planned, partial, out)
    return (1 if result.errors else 0), summary(path, form, result, partial, lang)


def cmd_import(args: argparse.Namespace) -> int:
    root = data_root(args.root)
    path = Path(args.file)
    if not path.is_file():
        raise SetupError("setup.io", path=args.file, detail="không có tệp này" if args.lang == "vi" else "no such file")
    out = Path(args.out).resolve() if args.out else None
    code, text = import_form(root, path, args.form, args.unit, out, args.partial, args.lang)
    sys.stdout.write(text)
    return code
