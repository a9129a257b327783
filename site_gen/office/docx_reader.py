"""Read a filled .docx form into a :class:`FormDoc`.

python-docx gives the body in order: paragraphs and tables. The form's table
is the first table with a header row; paragraphs and tables above it (the
heading block is often a borderless table) are the heading, those below it
the lines and signature blocks (often a borderless table too, one block per
cell). A cell merged over several grid columns or rows appears once, at its
top-left position.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from site_gen.catalogue import say, words
from site_gen.office.document import FormDoc
from site_gen.office.reading import (
    MAX_ROWS,
    Line,
    Merged,
    OfficeFileError,
    Reading,
    assemble,
    check_zip,
    find_header,
    nfc,
)


def _cell_text(cell: Any) -> str:
    return nfc("\n".join(paragraph.text for paragraph in cell.paragraphs))


def _table_grid(table: Any, number: int) -> tuple[list[list[Line]], list[Merged]]:
    """The non-empty cells of a table (once per merged cell, at its top-left) and its merged ranges."""
    first: dict[int, tuple[int, int]] = {}
    last: dict[int, tuple[int, int]] = {}
    texts: dict[int, str] = {}
    alive: list[Any] = []  # lxml proxies must stay alive for id() to name one element
    rows = list(table.rows)
    if len(rows) > MAX_ROWS:
        raise OfficeFileError(
            "office.too-many-rows", sheet=say("office_where", "table", number=number), rows=len(rows), limit=MAX_ROWS
        )
    for r, row in enumerate(rows, 1):
        column = int(getattr(row, "grid_cols_before", 0) or 0)
        for cell in row.cells:
            column += 1
            alive.append(cell._tc)
            key = id(cell._tc)
            if key not in first:
                first[key] = (r, column)
                texts[key] = _cell_text(cell)
            last[key] = (max(last.get(key, (r, column))[0], r), max(last.get(key, (r, column))[1], column))
    grid: dict[int, list[Line]] = {}
    merged: list[Merged] = []
    for key, (r, c) in first.items():
        end = last[key]
        if end != (r, c):
            merged.append((r, c, end[0], end[1]))
        if texts[key].strip():
            grid.setdefault(r, []).append(
                Line(texts[key], say("office_where", "table_cell", number=number, row=r, column=c), r, c)
            )
    return [sorted(grid[r], key=lambda line: line.column) for r in sorted(grid)], merged


def read_docx_file(path: Path, form: str = "") -> Reading:
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    data = check_zip(path, "docx")
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many kinds on a damaged file
        raise OfficeFileError("office.not-office", expected=".docx", looks=type(exc).__name__) from None
    doc = FormDoc(form)
    reading = Reading(doc)
    items: list[Any] = list(document.iter_inner_content())
    before: list[Line] = []
    after: list[Line] = []
    counter = 0
    paragraphs = 0
    paragraph_at = words("office_where")["paragraph"]
    tables = 0
    main: tuple[int, list[list[Line]], list[Merged]] | None = None
    for item in items:
        target = before if main is None else after
        if isinstance(item, Paragraph):
            paragraphs += 1
            text = nfc(item.text)
            counter += 1
            if text.strip():
                target.append(Line(text, paragraph_at.format(number=paragraphs), counter, 1))
            continue
        if not isinstance(item, Table):
            continue
        tables += 1
        grid, merged = _table_grid(item, tables)
        if main is None and find_header(grid) is not None:
            main = (tables, grid, merged)
            continue
        base = counter
        for row in grid:
            for line in row:
                # each paragraph of a cell on its own line, below one another
                for offset, text in enumerate(line.text.split("\n")):
                    if text.strip():
                        target.append(Line(text, line.where, base + line.row * 100 + offset, line.column))
        counter = base + (len(item.rows) + 1) * 100
    if main is None:
        from site_gen.office.reading import Found, heading

        heading(reading, before + after)
        reading.problems.append(Found("office.no-table", say("office_where", "word_file")))
        return reading
    number, grid, merged = main
    doc.sheet = say("office_where", "table", number=number)
    reading.where["table"] = doc.sheet

    def place(row: int, column: int, header: str) -> str:
        if header:
            return say("office_where", "table_row_column", number=number, row=row, header=header)
        return say("office_where", "table_row", number=number, row=row)

    def range_name(span: Merged) -> str:
        first_row, first_column, last_row, last_column = span
        return say(
            "office_where",
            "table_range",
            number=number,
            first_row=first_row,
            last_row=last_row,
            first_column=first_column,
            last_column=last_column,
        )

    assemble(reading, grid, merged, place, range_name, before, after)
    return reading


def read_docx(path: Path, form: str = "") -> FormDoc:
    return read_docx_file(path, form).doc
