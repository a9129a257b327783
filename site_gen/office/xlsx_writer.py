"""FormDoc -> .xlsx bytes (openpyxl), laid out like the organisation's paper form.

One sheet (``FormDoc.sheet``: "Mau1", "Mau2", "Mau3", "LichKiemTra",
"ThongBao"). From the top: the heading block in merged cells (the committee
and the unit on the left, "ĐOÀN TNCS HỒ CHÍ MINH" and the place-and-date line
on the right), the title, subtitle and reference (merged across the table),
the numbered fields and intro lines, the table (bold header row repeated on
every printed page, the row of column numbers, the data rows, the totals row),
the lines under the table, and the signature blocks side by side.

Every cell is text (dates as "dd/mm/yyyy", days as "30 ngày"), except the STT
column, written as a number; a text never becomes a formula. Row heights are
estimated from the text so that wrapped cells show whole in Excel and
LibreOffice alike. Output is deterministic: fixed document properties and zip
entry dates.
"""

from __future__ import annotations

import functools
import math
import re
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties

from site_gen.escape import office_property, sheet_title, workbook_text
from site_gen.office import layout, paper
from site_gen.office.document import UNION, Cell, FormDoc

CM_PER_INCH = 2.54
LINE_HEIGHT = 16.5  # points per line at 12-13 pt
CHAR_FACTOR = 1.0  # characters of Times New Roman 12 pt per column unit, about
CM_PER_UNIT = 0.2  # a column unit (one character of the default font) in cm
SIGNATURE_SPACE = 3  # empty rows for the signature
MAX_ROW_HEIGHT = 409  # points: Excel refuses a taller row

_NUMBER = re.compile(r"[0-9]{1,9}")  # the STT column: a row number, written as a number
_THIN = Side(style="thin", color="000000")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)


@functools.lru_cache(maxsize=64)
def _alignment(horizontal: str, vertical: str) -> Alignment:
    # one object per look: openpyxl hashes every style it is given, and a sheet has thousands of cells
    return Alignment(horizontal=horizontal, vertical=vertical, wrap_text=True)


@functools.lru_cache(maxsize=64)
def _font(size: int = paper.SIZE, bold: bool = False, italic: bool = False, underline: bool = False) -> Font:
    return Font(name=paper.FONT, size=size, bold=bold, italic=italic, underline="single" if underline else None)


def _lines(text: str, width: float) -> int:
    """How many lines a wrapped text takes in a column ``width`` characters wide."""
    usable = max(width - 1.5, 1.0)
    return sum(max(1, math.ceil(len(part) * CHAR_FACTOR / usable)) for part in text.split("\n")) if text else 1


class _Sheet:
    def __init__(self, ws: Any, doc: FormDoc) -> None:
        self.ws = ws
        self.doc = doc
        _, _, left, right = paper.MARGINS_LANDSCAPE if paper.landscape(doc) else paper.MARGINS_PORTRAIT
        page = paper.A4[1] if paper.landscape(doc) else paper.A4[0]
        relative = paper.widths(doc)
        scale = (page - left - right) / CM_PER_UNIT / (sum(relative) or 1)
        self.widths = [round(width * scale, 1) for width in relative]
        self.count = len(self.widths) or 1
        self.left = paper.split(doc)
        self.row = 1

    def span_width(self, first: int, last: int) -> float:
        return sum(self.widths[first - 1 : last]) if self.widths else 60.0

    def put(
        self,
        row: int,
        column: int,
        text: str,
        font: Font,
        align: str = "center",
        last: int | None = None,
        border: bool = False,
    ) -> None:
        cell = self.ws.cell(row=row, column=column)
        if text:
            if column == 1 and border and _NUMBER.fullmatch(text):
                cell.value = int(text)
            else:
                cell.value = workbook_text(text)
                cell.data_type = "s"  # never a formula, never a date
        cell.font = font
        cell.alignment = _alignment(align, "top" if border else "center")
        if border:
            cell.border = _BOX
        if last is not None and last > column:
            self.ws.merge_cells(start_row=row, start_column=column, end_row=row, end_column=last)
            if border:
                for extra in range(column + 1, last + 1):
                    self.ws.cell(row=row, column=extra).border = _BOX

    def height(self, row: int, lines: int) -> None:
        self.ws.row_dimensions[row].height = min(max(lines, 1) * LINE_HEIGHT + 2, MAX_ROW_HEIGHT)

    def line(self, text: str, font: Font, align: str = "center") -> None:
        """A line merged across the whole table width."""
        self.put(self.row, 1, text, font, align, last=self.count)
        self.height(self.row, _lines(text, self.span_width(1, self.count)))
        self.row += 1

    def pair(self, left: str, right: str, left_font: Font, right_font: Font) -> None:
        """One line of the heading block: left half and right half."""
        self.put(self.row, 1, left, left_font, last=self.left)
        self.put(self.row, self.left + 1, right, right_font, last=self.count)
        lines = max(_lines(left, self.span_width(1, self.left)), _lines(right, self.span_width(self.left + 1, self.count)))
        self.height(self.row, lines)
        self.row += 1

    def table_row(self, texts: list[str], font: Font, header: bool = False) -> None:
        lines = 1
        for column, text in enumerate(texts, 1):
            name = self.doc.columns[column - 1] if column <= len(self.doc.columns) else ""
            align = "center" if header or name in paper.CENTRED_COLUMNS or texts[0] == layout.TOTAL_LABEL else "left"
            if texts[0] == layout.TOTAL_LABEL and column > 1 and name not in paper.CENTRED_COLUMNS:
                align = "left"
            self.put(self.row, column, text, font, align, border=True)
            lines = max(lines, _lines(text, self.widths[column - 1]))
        self.height(self.row, lines)
        self.row += 1


def render(doc: FormDoc) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = sheet_title(doc.sheet or layout.SHEET_NAMES.get(doc.form, "BieuMau"))
    sheet = _Sheet(ws, doc)
    for index, width in enumerate(sheet.widths, 1):
        ws.column_dimensions[get_column_letter(index)].width = width

    body = paper.SIZE
    sheet.pair(doc.committee, UNION, _font(body), _font(body, bold=True))
    sheet.pair(doc.unit_line, doc.place_date, _font(body, bold=True, underline=bool(doc.unit_line)), _font(body, italic=True))
    sheet.row += 1
    if doc.title:
        sheet.line(doc.title, _font(paper.TITLE_SIZE, bold=True))
    if doc.subtitle:
        sheet.line(doc.subtitle, _font(body, bold=True))
    if doc.reference:
        sheet.line(doc.reference, _font(body, italic=True))
    sheet.row += 1
    for index, (label, value) in enumerate(doc.fields, 1):
        sheet.line(f"{index}. {label}: {value}", _font(body), align="left")
    for text in doc.intro:
        bold = text.isupper() and not text.startswith(layout.NOTICE_BULLET)
        sheet.line(text, _font(body, bold=bold), align="left")

    header_row = sheet.row
    sheet.table_row(doc.columns, _font(paper.TABLE_SIZE, bold=True), header=True)
    if doc.numbers:
        sheet.table_row(doc.numbers, _font(paper.TABLE_SIZE, italic=True), header=True)
    ws.print_title_rows = f"{header_row}:{sheet.row - 1}"
    for cells in doc.rows:
        sheet.table_row(_texts(cells, sheet.count), _font(paper.TABLE_SIZE))
    if doc.total:
        sheet.table_row(doc.total, _font(paper.TABLE_SIZE, bold=True))

    if doc.after:
        sheet.row += 1
        for text in doc.after:
            bold = text.isupper() or (text[:4].rstrip(". ").isupper() and ". " in text[:5])
            sheet.line(text, _font(body, bold=bold), align="left")
    _signatures(sheet)
    _page_setup(ws, doc)
    _properties(wb, doc)

    return paper.workbook_bytes(wb)


def _texts(cells: list[Cell], count: int) -> list[str]:
    texts = [cell.text for cell in cells][:count]
    return texts + [""] * (count - len(texts))


def _signatures(sheet: _Sheet) -> None:
    signatures = sheet.doc.signatures
    if not signatures:
        return
    sheet.row += 1
    right = (sheet.left + 1, sheet.count)
    spans = [right] if len(signatures) == 1 else [(1, sheet.left), right]
    start = sheet.row
    bottom = start
    for signature, (first, last) in zip(signatures, spans, strict=False):
        row = start
        for text in signature.title.split("\n"):
            sheet.put(row, first, text, _font(paper.SIZE, bold=True), last=last)
            row += 1
        row += SIGNATURE_SPACE
        sheet.put(row, first, signature.name, _font(paper.SIZE, bold=True), last=last)
        row += 1
        if signature.extra:
            sheet.put(row, first, signature.extra, _font(paper.SIZE, italic=True), last=last)
            row += 1
        bottom = max(bottom, row)
    for row in range(start, bottom):
        sheet.height(row, 1)
    sheet.row = bottom


def _page_setup(ws: Any, doc: FormDoc) -> None:
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if paper.landscape(doc) else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    top, bottom, left, right = paper.MARGINS_LANDSCAPE if paper.landscape(doc) else paper.MARGINS_PORTRAIT
    ws.page_margins.top = top / CM_PER_INCH
    ws.page_margins.bottom = bottom / CM_PER_INCH
    ws.page_margins.left = left / CM_PER_INCH
    ws.page_margins.right = right / CM_PER_INCH
    ws.print_options.horizontalCentered = True
    ws.sheet_view.showGridLines = False


def _properties(wb: Any, doc: FormDoc) -> None:
    created = paper.stamp(doc).replace(tzinfo=None)  # openpyxl writes naive times as UTC
    props = wb.properties
    props.title = office_property(paper.title(doc))
    props.creator = paper.CREATOR
    props.lastModifiedBy = paper.CREATOR
    props.created = created
    props.modified = created
    props.language = paper.LANGUAGE
