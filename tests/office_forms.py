"""Build filled forms 1, 2, 3 as a person would: openpyxl and python-docx, typed texts, Excel dates."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

Row = Sequence[Any]


def xlsx_form(
    path: Path,
    *,
    title: str,
    subtitle: str,
    columns: Sequence[str],
    rows: Sequence[Row],
    unit_line: str = "BAN TỔ CHỨC – KIỂM TRA TỈNH ĐOÀN",
    place_date: str = "Bình An, ngày 04 tháng 02 năm 2026",
    reference: str = "(Kèm theo Kế hoạch số 06-KH/TĐTN-TCKT, ngày 09/01/2026 của Ban Thường vụ Tỉnh đoàn)",
    fields: Sequence[tuple[str, str]] = (),
    numbers: bool = True,
    total: Row | None = None,
    after: Sequence[str] = (),
    signatures: Sequence[tuple[str, Sequence[str]]] = (),
    sheet: str = "Mau1",
    merges: Sequence[str] = (),
) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    ws = book.active
    assert ws is not None
    ws.title = sheet
    width = len(columns)
    ws["A1"] = "BCH ĐOÀN TỈNH BÌNH AN"
    ws["A2"] = unit_line
    ws.cell(1, width - 1, "ĐOÀN TNCS HỒ CHÍ MINH")
    ws.cell(3, width - 1, place_date)
    ws["A5"] = title
    ws.merge_cells(start_row=5, start_column=1, end_row=5, end_column=width)
    ws["A6"] = subtitle
    ws["A7"] = reference
    line = 9
    for label, value in fields:
        ws.cell(line, 1, f"{label}{value}")
        line += 1
    line += 1
    for index, name in enumerate(columns, 1):
        ws.cell(line, index, name)
    line += 1
    if numbers:
        for index in range(1, width + 1):
            ws.cell(line, index, f"({index})")
        line += 1
    for row in rows:
        for index, value in enumerate(row, 1):
            if value is not None and value != "":
                ws.cell(line, index, value)
        line += 1
    if total is not None:
        for index, value in enumerate(total, 1):
            if value not in (None, ""):
                ws.cell(line, index, value)
        line += 1
    line += 1
    for text in after:
        ws.cell(line, 1, text)
        line += 1
    line += 1
    for position, (heading, below) in enumerate(signatures):
        column = 2 if position == 0 else max(width - 1, 3)
        ws.cell(line, column, heading)
        for offset, text in enumerate(below, 1):
            ws.cell(line + offset * 2, column, text)
    for merge in merges:
        ws.merge_cells(merge)
    book.save(path)
    return path


def docx_form(
    path: Path,
    *,
    title: str,
    subtitle: str,
    columns: Sequence[str],
    rows: Sequence[Row],
    unit_line: str = "BAN TỔ CHỨC – KIỂM TRA TỈNH ĐOÀN",
    place_date: str = "Bình An, ngày 04 tháng 02 năm 2026",
    reference: str = "(Kèm theo Kế hoạch số 06-KH/TĐTN-TCKT, ngày 09/01/2026 của Ban Thường vụ Tỉnh đoàn)",
    fields: Sequence[tuple[str, str]] = (),
    numbers: bool = True,
    total: Row | None = None,
    after: Sequence[str] = (),
    signatures: Sequence[tuple[str, Sequence[str]]] = (),
) -> Path:
    import docx

    document = docx.Document()
    head = document.add_table(rows=2, cols=2)
    head.cell(0, 0).text = "BCH ĐOÀN TỈNH BÌNH AN"
    head.cell(1, 0).text = unit_line
    head.cell(0, 1).text = "ĐOÀN TNCS HỒ CHÍ MINH"
    head.cell(1, 1).text = place_date
    document.add_paragraph(title)
    document.add_paragraph(subtitle)
    document.add_paragraph(reference)
    for label, value in fields:
        document.add_paragraph(f"{label}{value}")
    count = len(rows) + 1 + (1 if numbers else 0) + (1 if total is not None else 0)
    table = document.add_table(rows=count, cols=len(columns))
    for index, name in enumerate(columns):
        table.cell(0, index).text = name
    line = 1
    if numbers:
        for index in range(len(columns)):
            table.cell(1, index).text = f"({index + 1})"
        line = 2
    for row in [*rows, *([total] if total is not None else [])]:
        for index, value in enumerate(row):
            if value not in (None, ""):
                table.cell(line, index).text = str(value)
        line += 1
    for text in after:
        document.add_paragraph(text)
    if signatures:
        block = document.add_table(rows=1, cols=len(signatures))
        for index, (heading, below) in enumerate(signatures):
            cell = block.cell(0, index)
            cell.text = heading
            cell.add_paragraph("(Ký, ghi rõ họ tên)")
            for text in below:
                cell.add_paragraph("")
                cell.add_paragraph(text)
    document.save(str(path))
    return path


def date(text: str) -> dt.datetime:
    day, month, year = (int(part) for part in text.split("/"))
    return dt.datetime(year, month, day)
