"""What both readers share: a file laid out as lines and one table, turned into a :class:`FormDoc`.

The .xlsx and .docx readers flatten their file into :class:`Line` items (a
text, where it is, its row and column) above and below the table and a grid
of table rows; :func:`assemble` finds the header row, the optional row of
column numbers, the data rows and the totals row, and sorts the lines into
the heading block, the lines under the table and the signature blocks. Text
that fits nowhere goes to ``FormDoc.extra``.
"""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from site_gen.catalogue import say
from site_gen.errors import SetupError
from site_gen.office.document import UNION, Cell, FormDoc, Signature
from site_gen.safefs import Refused, read_regular
from site_gen.vn import fold

MAX_BYTES = 20 * 1024 * 1024
MAX_ROWS = 5000
MAX_UNZIPPED = 200 * 1024 * 1024
MAX_RATIO = 100
OLE = bytes.fromhex("D0CF11E0A1B11AE1")


class OfficeFileError(Exception):
    """A file that cannot be read at all: a catalogue code and its parameters."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


@dataclass
class Found:
    """A problem a reader found (a formula, a merged range): code, where, the text, parameters."""

    code: str
    where: str
    found: str = ""
    params: dict[str, Any] = field(default_factory=dict)


@dataclass
class Line:
    text: str
    where: str
    row: int
    column: int


@dataclass
class Reading:
    """A FormDoc and where its heading items came from, plus what the reader found wrong."""

    doc: FormDoc
    where: dict[str, str] = field(default_factory=dict)  # "place_date", "reference", "field:Họ và tên", "sig:0", "after:0"
    problems: list[Found] = field(default_factory=list)


# -- column headers ------------------------------------------------------------------------


def header_key(text: str) -> str | None:
    """The field a column header stands for, read loosely (case, diacritics, spaces, "(1)")."""
    key = re.sub(r"\b\d+\b", " ", fold(text))
    key = " ".join(key.split())
    if key in ("stt", "tt", "so tt", "so thu tu"):
        return "stt"
    rules = (
        ("ho va ten", "name"),
        ("ho ten", "name"),
        ("chuc vu", "post"),
        ("cu the noi dung", "activity"),
        ("noi dung cu the", "activity"),
        ("hoat dong cu the", "activity"),
        ("noi dung", "content"),
        ("so ngay", "days"),
        ("thoi gian", "period"),
        ("tu ngay", "from"),
        ("den ngay", "to"),
        ("dia diem", "places"),
        ("neu khai quat", "results"),
        ("ket qua", "results"),
        ("de xuat", "proposals"),
        ("ghi chu", "note"),
    )
    for prefix, name in rules:
        if key.startswith(prefix):
            return name
    return None


def is_number_cell(text: str) -> bool:
    return bool(re.fullmatch(r"\(\s*\d+\s*\)", text.strip()))


def is_totals(text: str) -> bool:
    return fold(text) in ("tong", "tong cong", "cong", "tong so")


_SIGNATURE = re.compile(
    r"^(lanh dao|phe duyet|nguoi (dang ky|lap|lap bieu|bao cao|tong hop)|truong (ban|van phong|vp)|"
    r"pho truong ban|tm |kt |bi thu|pho bi thu|xac nhan|thu truong)"
)
_HINT = re.compile(r"^\(?\s*(ky|ky ten|ky va ghi ro ho ten|ky ghi ro ho ten|ky dong dau)\b")


def is_signature_title(text: str) -> bool:
    key = fold(text)
    return bool(_SIGNATURE.match(key + " ")) and len(key) <= 60 and ":" not in text


def is_hint(text: str) -> bool:
    return text.strip().startswith("(") and bool(_HINT.match(fold(text)))


def after_label(text: str) -> bool:
    """A line under the table, "Ghi chú: …"."""
    return bool(re.match(r"^\s*(ghi chu|luu y|chu y)\s*$", fold(text.split(":", 1)[0]))) and ":" in text


def nfc(text: str) -> str:
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " "))
    return "\n".join(line.rstrip() for line in text.split("\n")).strip("\n")


# -- the heading block -----------------------------------------------------------------------

_TITLE = re.compile(r"^(ban dang ky|ban tong hop|tong hop bao cao|bao cao|lich kiem tra|thong bao|ke hoach)\b")
_FIELD = re.compile(r"^\s*(\d{1,2})\s*[.)]\s*([^:]{2,80}?)\s*:\s*(.*)$", re.S)


def _is_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def heading(reading: Reading, items: list[Line]) -> None:
    """Sort the lines above the table into the heading fields of the FormDoc."""
    doc = reading.doc
    index = 0
    while index < len(items):
        item = items[index]
        index += 1
        for text in [t.strip() for t in item.text.split("\n") if t.strip()]:
            key = fold(text)
            if not key or re.fullmatch(r"[-_*=.~ ]+", text):
                continue
            field_match = _FIELD.match(text)
            if key == fold(UNION) or key.startswith("doc lap tu do") or key.startswith("cong hoa xa hoi"):
                continue
            if text.startswith("(") and ("kem theo" in key or "ke hoach so" in key) and not doc.reference:
                doc.reference = text
                reading.where["reference"] = item.where
            elif re.match(r"^[^,\d]{2,40},\s*ng[aà]y\b", unicodedata.normalize("NFC", text).casefold()) and not doc.place_date:
                doc.place_date = text
                reading.where["place_date"] = item.where
            elif field_match:
                label, value = field_match.group(2).strip(), field_match.group(3).strip()
                if not value and index < len(items) and items[index].row == item.row and not _FIELD.match(items[index].text):
                    value = items[index].text.strip()
                    index += 1
                doc.fields.append((label, value))
                reading.where[f"field:{label}"] = item.where
            elif (key.startswith("bch ") or key.startswith("ban chap hanh")) and not doc.committee:
                doc.committee = text
                reading.where["committee"] = item.where
            elif _TITLE.match(key) and _is_upper(text) and not doc.title:
                doc.title = text
                reading.where["title"] = item.where
            elif doc.title and not doc.subtitle and not _is_upper(text):
                doc.subtitle = text
                reading.where["subtitle"] = item.where
            elif _is_upper(text) and not doc.unit_line and not doc.title:
                doc.unit_line = text
                reading.where["unit_line"] = item.where
            else:
                doc.extra.append(Cell(text, item.where, item.row, item.column))


# -- lines and signatures under the table -----------------------------------------------------


def below(reading: Reading, items: list[Line]) -> None:
    """Lines under the table: "Ghi chú: …" lines, then signature blocks (title, hint, name, "Ngày duyệt: …")."""
    doc = reading.doc
    columns: list[int] = []  # the column of each signature
    rows: list[int] = []
    for item in items:
        own: int | None = None  # a signature whose title is in this same cell: its lines follow it
        for text in [t.strip() for t in item.text.split("\n") if t.strip()]:
            if re.fullmatch(r"[-_*=.~ ]+", text):
                continue
            if after_label(text) or (not doc.signatures and not is_signature_title(text)):
                doc.after.append(text)
                reading.where[f"after:{len(doc.after) - 1}"] = item.where
                continue
            if is_signature_title(text):
                doc.signatures.append(Signature(text))
                columns.append(item.column)
                rows.append(item.row)
                own = len(doc.signatures) - 1
                reading.where[f"sig:{own}"] = item.where
                continue
            if is_hint(text):
                continue
            above = [i for i, r in enumerate(rows) if r < item.row or (r == item.row and columns[i] != item.column)]
            if own is None and not above:
                doc.after.append(text)
                reading.where[f"after:{len(doc.after) - 1}"] = item.where
                continue
            nearest = own if own is not None else min(above, key=lambda i: (abs(columns[i] - item.column), -rows[i]))
            signature = doc.signatures[nearest]
            if ":" in text or signature.name:
                signature.extra = f"{signature.extra}\n{text}" if signature.extra else text
                reading.where[f"sig-extra:{nearest}"] = item.where
            else:
                signature.name = text
                reading.where[f"sig-name:{nearest}"] = item.where


# -- the table --------------------------------------------------------------------------------


def find_header(grid: list[list[Line]]) -> int | None:
    """The index of the header row: at least three known columns, among them the content or the name."""
    for index, row in enumerate(grid):
        keys = {header_key(cell.text) for cell in row if cell.text.strip()}
        keys.discard(None)
        if len(keys) >= 3 and ({"content", "name"} & keys):
            return index
    return None


def looks_below(row: list[Line]) -> bool:
    texts = [c.text for c in row if c.text.strip()]
    firsts = [t.strip().split("\n")[0] for t in texts]
    return bool(texts) and (after_label(texts[0]) or all(is_signature_title(t) for t in firsts))


def read_upload(path: Path) -> bytes:
    """The bytes of the file to import (a link to one is followed; never a FIFO or a device, never past
    :data:`MAX_BYTES`): read once, so what is checked is what is parsed."""
    try:
        return read_regular(str(path), MAX_BYTES, follow=True)
    except Refused as refused:
        if refused.code == "file.too-large":
            raise OfficeFileError("office.too-large", size=refused.params["size"], limit=MAX_BYTES) from None
        detail = refused.params.get("detail") or say("io_detail", "no_file")
        raise SetupError("setup.io", path=str(path), detail=detail) from None


def check_zip(path: Path, kind: str) -> bytes:
    """An OOXML file is a zip: the part that names the format must be there and the whole must unzip to a sane size.

    Returns the file's bytes, for the reader to parse."""
    data = read_upload(path)
    head = data[:8]
    if head.startswith(OLE):
        if "EncryptionInfo".encode("utf-16-le") in data or "EncryptedPackage".encode("utf-16-le") in data:
            raise OfficeFileError("office.encrypted")
        raise OfficeFileError("office.old-format", old=".xls" if kind == "xlsx" else ".doc", new=f".{kind}")
    if not head.startswith(b"PK\x03\x04"):
        raise OfficeFileError("office.not-office", expected=f".{kind}", looks=_looks(head))
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            names = {info.filename for info in infos}
            total = sum(info.file_size for info in infos)
            packed = sum(info.compress_size for info in infos) or 1
    except (zipfile.BadZipFile, OSError):
        raise OfficeFileError("office.not-office", expected=f".{kind}", looks="zip") from None
    if total > MAX_UNZIPPED or (total > 10 * 1024 * 1024 and total / packed > MAX_RATIO):
        raise OfficeFileError("office.zip-bomb", size=total, limit=MAX_UNZIPPED)
    part = "xl/workbook.xml" if kind == "xlsx" else "word/document.xml"
    if part not in names:
        other = "docx" if "word/document.xml" in names else "xlsx" if "xl/workbook.xml" in names else "zip"
        raise OfficeFileError("office.not-office", expected=f".{kind}", looks=other)
    return data


def _looks(head: bytes) -> str:
    if head.startswith(b"%PDF"):
        return "PDF"
    if head[:5].lower().startswith((b"<html", b"<!doc")):
        return "HTML"
    try:
        head.decode("utf-8")
    except UnicodeDecodeError:
        return "?"
    return "text"


Merged = tuple[int, int, int, int]  # min_row, min_col, max_row, max_col (1-based, inclusive)
Place = Callable[[int, int, str], str]  # (row, column, header) -> "trang tính Mau1, ô C9 (dòng 9, cột Số ngày đi)"
# Columns whose cell may be merged down several rows (one cadre, several rows): the text is repeated.
REPEATABLE = ("name", "post", "stt")


def one_line(text: str) -> str:
    return " ".join(text.split())


class _Table:
    """A grid's table: its logical columns (a header cell merged over sheet columns is one) and its rows."""

    def __init__(self, grid: list[list[Line]], found: int, merged: list[Merged]) -> None:
        self.grid = grid
        self.merged = merged
        self.spans = {(m[0], m[1]): m for m in merged}
        # logical columns: [first column, last column, header text]
        self.logical: list[list[Any]] = [self._column(cell) for cell in grid[found]]
        self.index = found + 1  # the next row to read

    def _column(self, cell: Line) -> list[Any]:
        span = self.spans.get((cell.row, cell.column))
        return [cell.column, span[3] if span else cell.column, cell.text]

    def split_dates(self, header_row: int) -> None:
        """A row of "Từ ngày" / "Đến ngày" right under the header splits the column above them."""
        grid = self.grid
        if self.index >= len(grid) or grid[self.index][0].row != header_row + 1:
            return
        sub = grid[self.index]
        if not sub or not all(header_key(c.text) in ("from", "to") for c in sub):
            return
        split: list[list[Any]] = []
        for item in self.logical:
            inside = [c for c in sub if item[0] <= c.column <= item[1]]
            if not inside:
                split.append(item)
            split += [self._column(cell) for cell in inside]
        self.logical = sorted(split, key=lambda item: int(item[0]))
        self.index += 1

    def numbers(self) -> list[str]:
        """The row of column numbers "(1)", "(2)", … if there is one."""
        if self.index < len(self.grid) and all(is_number_cell(c.text) for c in self.grid[self.index]):
            self.index += 1
            return [c.text.strip() for c in self.grid[self.index - 1]]
        return []

    def column_of(self, col: int) -> int:
        for position, item in enumerate(self.logical):
            if item[0] <= col <= item[1]:
                return position
        self.logical.append([col, col, ""])
        return len(self.logical) - 1

    def body(self, reading: Reading, place: Place) -> tuple[list[tuple[int, dict[int, list[Line]]]], list[Line]]:
        """The data rows (their cells by logical column) up to the totals row or the lines below; then those lines."""
        grid = self.grid
        body: list[tuple[int, dict[int, list[Line]]]] = []
        previous = grid[self.index - 1][0].row
        for index in range(self.index, len(grid)):
            row = grid[index]
            texts = [c.text for c in row if c.text.strip()]
            if texts and is_totals(row[0].text):
                total: dict[int, list[str]] = {}
                for cell in row:
                    total.setdefault(self.column_of(cell.column), []).append(cell.text)
                reading.doc.total = ["\n".join(total.get(p, [])) for p in range(len(self.logical))]
                reading.where["total"] = place(row[0].row, row[0].column, "")
                return body, [cell for r in grid[index + 1 :] for cell in r]
            if looks_below(row) or (row[0].row > previous + 1 and len(texts) == 1 and body and len(row) == 1):
                return body, [cell for r in grid[index:] for cell in r]
            cells: dict[int, list[Line]] = {}
            for cell in row:
                cells.setdefault(self.column_of(cell.column), []).append(cell)
            body.append((row[0].row, cells))
            previous = row[0].row
        return body, []

    def repeated(
        self,
        reading: Reading,
        body: list[tuple[int, dict[int, list[Line]]]],
        keys: list[str | None],
        range_name: Callable[[Merged], str],
    ) -> dict[tuple[int, int], str]:
        """The text of a name merged down several rows, for each row under its first; other merged ranges reported."""
        body_rows = {number for number, _ in body}
        repeated: dict[tuple[int, int], str] = {}
        for span in self.merged:
            top, left, bottom, right = span
            if top not in body_rows or (top == bottom and left == right):
                continue
            first, last = self.column_of(left), self.column_of(right)
            if first == last and top != bottom and keys[first] in REPEATABLE:
                text = next((c.text for c in next(cells for n, cells in body if n == top).get(first, [])), "")
                for number in range(top + 1, bottom + 1):
                    repeated[(number, first)] = text
                continue
            if first == last and top == bottom:
                continue  # merged inside one column (a header over two sheet columns)
            reading.problems.append(Found("office.merged-cells", range_name(span), "", {"range": range_name(span)}))
        return repeated

    def rows(
        self, body: list[tuple[int, dict[int, list[Line]]]], repeated: dict[tuple[int, int], str], place: Place
    ) -> list[list[Cell]]:
        numbers = [number for number, _ in body]
        numbers += [number for number in sorted(n for n, _ in repeated) if number not in numbers]
        out: list[list[Cell]] = []
        for number in sorted(set(numbers)):
            cells = next((c for n, c in body if n == number), {})
            row: list[Cell] = []
            for position, item in enumerate(self.logical):
                lines = cells.get(position, [])
                title = one_line(item[2]) or "?"
                column = lines[0].column if lines else item[0]
                text = "\n".join(line.text for line in lines) if lines else repeated.get((number, position), "")
                row.append(Cell(text, place(number, column, title), number, column))
            out.append(row)
        return out


def assemble(
    reading: Reading,
    grid: list[list[Line]],
    merged: list[Merged],
    place: Place,
    range_name: Callable[[Merged], str],
    before: list[Line] | None = None,
    after: list[Line] | None = None,
) -> bool:
    """Fill ``reading.doc`` from the non-empty cells of ``grid`` (rows in order); False when no table is found."""
    doc = reading.doc
    found = find_header(grid)
    if found is None:
        heading(reading, [*(before or []), *(cell for row in grid for cell in row)])
        return False
    heading(reading, [*(before or []), *(cell for row in grid[:found] for cell in row)])
    table = _Table(grid, found, merged)
    table.split_dates(grid[found][0].row)
    doc.numbers = table.numbers() or doc.numbers
    body, rest = table.body(reading, place)
    doc.columns = [one_line(item[2]) for item in table.logical]
    keys = [header_key(item[2]) for item in table.logical]
    repeated = table.repeated(reading, body, keys, range_name)
    doc.rows += table.rows(body, repeated, place)
    below(reading, [*rest, *(after or [])])
    return True
