"""The filled Word/Excel forms as a front end of intake: a :class:`FormDoc`'s texts read.

The readers (:mod:`site_gen.office.reading`) turn a .xlsx or .docx into a
:class:`FormDoc`; a :class:`FormReader` reads its heading (the plan, the
date line, the unit, the quarter), its table cells (a category and its
topic, a period, days, the units visited, the results) and every text that
has no place in a record, the way people write them (through
:mod:`site_gen.intake.parse`), and collects each problem with the sheet or
table, row and column it stands in. :mod:`site_gen.intake.office_import` makes
intake's typed answers of what it reads.

Cell conventions are those of docs/huong-dan/bieu-mau-van-phong.md; the
literals come from :mod:`site_gen.office.layout`, which the export side
writes with, so that export then import gives the same records.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from site_gen.catalogue import CATALOGUE, render_code, say, words
from site_gen.checker import CheckResult
from site_gen.errors import SetupError
from site_gen.intake.parse import (
    find_cadre,
    find_category,
    find_plan,
    find_unit,
    parse_date,
    parse_days,
    parse_period,
)
from site_gen.intake.repository import Loaded, load
from site_gen.kinds import FIELD_VISIT_PLAN
from site_gen.kinds.intake import Category, Draft, Invalid, Row, Span
from site_gen.model import Record, of_kind
from site_gen.office import layout
from site_gen.office.document import Cell, FormDoc
from site_gen.office.reading import Found, Reading, header_key, nfc
from site_gen.schemas import Schemas
from site_gen.vn import fold

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
FORM_NAMES = words("form_names")  # by form: site_gen/words/ui.toml


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


def cell_lines(text: str) -> list[str]:
    return [line.strip() for line in nfc(text).split("\n") if line.strip()]


# -- problems ---------------------------------------------------------------------------------


@dataclass
class Problem(Found):
    """A problem of the form: what a reader found, or a text that does not read, and the record it concerns."""

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


class FormReader:
    """One FormDoc against the loaded repository: each cell read, every problem collected with where it stands."""

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
        self.problems: list[Problem] = [Problem(f.code, f.where, f.found, dict(f.params)) for f in reading.problems]
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

    def row_name(self, row: list[Cell]) -> str:
        """A table row as the summary names it: "trang tính Mau1, dòng 9" / "bảng 2, dòng 3"."""
        return say("office_where", "row", table=self.where("table", "?"), row=row[0].row) if row else "?"

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
                return value, f"{self.where(f'field:{name}', say('office_where', 'line'))} (“{name}”)"
        return None

    # -- heading ------------------------------------------------------------------------------

    def plan(self) -> Record | None:
        reference = self.doc.reference
        number = re.search(r"số\s+(.+?)\s*,", reference, re.IGNORECASE)
        plans = list(self.ctx.table(FIELD_VISIT_PLAN).values())
        # a heading that names a former committee (or the organisation) narrows to the plans it issued
        mine = [p for p in plans if fold(self.ctx.issuer_of(p).committee) == fold(self.doc.committee)]
        wanted = fold(number.group(1)) if number else None
        for group in (mine, plans) if wanted else ():
            found = [p for p in group if fold(str(p.data.get("document", {}).get("number", ""))) == wanted]
            if len(found) == 1:
                return found[0]
        year = re.search(r"\b(20\d\d)\b", self.doc.subtitle)
        if year and mine:
            of_year = [p for p in mine if str(p.data["year"]) == year.group(1)]
            if len(of_year) == 1:
                return of_year[0]
        if year:
            try:
                return find_plan(self.ctx, FIELD_VISIT_PLAN.name, year.group(1))
            except Invalid as exc:
                self.add(exc.code, self.where("subtitle", say("office_where", "title_line")), self.doc.subtitle, **exc.params)
                return None
        self.add("office.no-plan", self.where("reference", say("office_where", "reference_line")), reference or self.doc.subtitle)
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
            self.add(exc.code, self.where("place_date", say("office_where", "place_date_line")), text, **exc.params)
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
            self.add("office.unplaced-text", self.where(f"after:{index}", say("office_where", "below_table")), line)
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
        """The rows with something written, example rows of the blank form left out (with a notice); none is an error."""
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
        if not rows:
            self.add("office.no-rows", self.table)
        return rows

    def check_total(self, days: list[int]) -> None:
        if not self.doc.total or "days" not in self.keys:
            return
        index = self.keys.index("days")
        text = self.doc.total[index] if index < len(self.doc.total) else ""
        if not text.strip():
            return
        where = self.where("total", say("office_where", "total_line"))
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
        lines = cell_lines(cell.text)
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
                    "issue.unknown-category",
                    cell.where,
                    first,
                    owner,
                    plan=plan.id,
                    codes_list=self.ctx.category_codes(of_kind(FIELD_VISIT_PLAN, plan)),
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

    def form_day(self) -> dt.date:
        """The form's date (its place-and-date line; else the day of the import), read without noting a problem."""
        match = re.search(r"ngay\s*(\d{1,2})\s*thang\s*(\d{1,2})\s*nam\s*(\d{4})", fold(self.doc.place_date))
        if match is not None:
            try:
                return dt.date.fromisoformat(parse_date("/".join(match.groups())))
            except (Invalid, ValueError):
                pass
        return dt.date.fromisoformat(self.today)

    def units(self, piece: str, day: dt.date | None = None) -> list[str]:
        """The units a piece of a places cell names (by their names on ``day``, the visit's first day): one, or
        (failing that) a list separated by commas."""
        try:
            return [find_unit(self.ctx, piece, day).id]
        except Invalid as first:
            units = []
            for sub in [s for s in piece.split(",") if s.strip()] if "," in piece else []:
                try:
                    units.append(find_unit(self.ctx, sub, day).id)
                except Invalid:
                    raise first from None
            if not units:
                raise
            return units

    def places(self, cell: Cell | None, owner: str, span: tuple[str, str] | None = None) -> tuple[list[str], str] | None:
        """The units visited (as named on the visit's first day, when the period reads) and the place in words
        ("Ghi rõ địa điểm: …")."""
        day = dt.date.fromisoformat(span[0]) if span else self.form_day()
        if not self.required(cell, owner):
            return None
        assert cell is not None
        parts = labelled(cell_lines(cell.text), "places")
        places: list[str] = []
        ok = True
        for piece in re.split(r"[;\n]+", parts.pop("places", "")):
            if piece.strip():
                units = self.attempt((piece.strip(), cell.where), lambda t: self.units(t, day), owner) or []
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
        parts = labelled(cell_lines(cell.text), "achievements")
        extra = self.column(row, "proposals")
        if extra is not None and extra.text.strip():
            more = labelled(cell_lines(extra.text), "proposals")
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
        places = self.places(self.column(row, "places"), owner, span)
        if content is None or span is None or days is None or places is None:
            return None
        return Row(content[0], Span(days, span[0], span[1], places[0], places[1]), content[1])
