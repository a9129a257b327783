"""Read a filled .xlsx form into a :class:`FormDoc`.

openpyxl opens the workbook with ``read_only=False`` (so merged ranges are
known) and ``data_only=False`` (so a formula shows as a formula: a form must
hold values, and a formula is reported with its cell). Dates typed as Excel
dates become dd/mm/yyyy text; whole numbers lose their ".0".
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

from site_gen.catalogue import say
from site_gen.office.document import FormDoc
from site_gen.office.reading import (
    MAX_ROWS,
    Found,
    Line,
    Merged,
    OfficeFileError,
    Reading,
    assemble,
    check_zip,
    find_header,
    nfc,
)


def cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, bool):
        return "x" if value else ""
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else str(value)
    return nfc(str(value))


def read_xlsx_file(path: Path, form: str = "") -> Reading:
    """The form in the workbook at ``path``: the first sheet with a table, else the first sheet."""
    import openpyxl
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.formula import ArrayFormula

    data = check_zip(path, "xlsx")
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=False, data_only=False)
    except Exception as exc:  # openpyxl raises many kinds on a damaged file
        raise OfficeFileError("office.not-office", expected=".xlsx", looks=type(exc).__name__) from None
    sheets = [sheet for sheet in book.worksheets]
    for sheet in sheets:
        if sheet.max_row > MAX_ROWS:
            raise OfficeFileError("office.too-many-rows", sheet=sheet.title, rows=sheet.max_row, limit=MAX_ROWS)
    chosen = sheets[0] if sheets else None
    grids: list[tuple[Any, list[list[Line]], list[Found]]] = []
    for sheet in sheets:
        name = sheet.title
        problems: list[Found] = []
        grid: list[list[Line]] = []
        for row in sheet.iter_rows():
            cells: list[Line] = []
            for cell in row:
                value = cell.value
                if value is None or type(cell).__name__ == "MergedCell":
                    continue
                where = say("office_where", "sheet_cell", sheet=name, cell=cell.coordinate)
                if isinstance(value, ArrayFormula) or (isinstance(value, str) and value.startswith("=")):
                    formula = value.text if isinstance(value, ArrayFormula) else value
                    problems.append(Found("office.formula", where, str(formula), {"cell": cell.coordinate}))
                    continue
                text = cell_text(value)
                if text.strip():
                    cells.append(Line(text, where, int(cell.row), int(cell.column)))
            if cells:
                grid.append(cells)
        grids.append((sheet, grid, problems))
        if find_header(grid) is not None:
            chosen = sheet
            break
    doc = FormDoc(form)
    reading = Reading(doc)
    if chosen is None:
        return reading
    sheet, grid, problems = next(item for item in grids if item[0] is chosen)
    doc.sheet = sheet.title
    reading.where["table"] = say("office_where", "sheet", sheet=sheet.title)
    reading.problems += problems
    merged: list[Merged] = [(m.min_row, m.min_col, m.max_row, m.max_col) for m in sheet.merged_cells.ranges]

    def place(row: int, column: int, header: str) -> str:
        where = say("office_where", "sheet_cell", sheet=sheet.title, cell=f"{get_column_letter(column)}{row}")
        return say("office_where", "sheet_cell_column", where=where, row=row, header=header) if header else where

    def range_name(span: Merged) -> str:
        first = f"{get_column_letter(span[1])}{span[0]}"
        last = f"{get_column_letter(span[3])}{span[2]}"
        return say("office_where", "sheet_range", sheet=sheet.title, first=first, last=last)

    if not assemble(reading, grid, merged, place, range_name):
        reading.problems.append(Found("office.no-table", say("office_where", "sheet", sheet=sheet.title)))
    return reading


def read_xlsx(path: Path, form: str = "") -> FormDoc:
    return read_xlsx_file(path, form).doc
