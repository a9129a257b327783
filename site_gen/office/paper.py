"""What the .xlsx and .docx writers share: paper, fonts, column widths, fixed bytes.

An official document of the organisation is A4, Times New Roman 13 (12 in
tables), margins of 2 cm (3 cm on the binding side). Wide tables (form 3, the
inspection schedule) are printed landscape.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from typing import Any

from site_gen.office import layout
from site_gen.office.document import FormDoc

FONT = "Times New Roman"
SIZE = 13  # body text, points
TABLE_SIZE = 12
TITLE_SIZE = 14
CREATOR = "site-gen"
LANGUAGE = "vi-VN"

# Margins in centimetres: top, bottom, left, right.
MARGINS_PORTRAIT = (2.0, 2.0, 3.0, 1.5)
MARGINS_LANDSCAPE = (2.0, 2.0, 2.0, 1.5)
A4 = (21.0, 29.7)  # width, height in cm

# Relative column widths (Excel character units), by form; other forms share the width evenly.
COLUMN_WIDTHS: dict[str, list[float]] = {
    layout.FORM_REGISTRATION: [10, 42, 13, 26, 27],
    layout.FORM_SUMMARY: [9, 18, 13, 35, 11, 22, 25],
    layout.FORM_REPORT: [8, 17, 22, 34, 11, 21, 25, 45],
    layout.FORM_SCHEDULE: [8, 14, 15, 34, 34, 26],
    layout.FORM_NOTICE: [10, 58, 32],
}
CENTRED_COLUMNS = {layout.COL_NO, layout.COL_DAYS, layout.COL_DATE, layout.COL_SESSION, layout.COL_POINTS}

FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def landscape(doc: FormDoc) -> bool:
    return doc.form in layout.LANDSCAPE_FORMS


def widths(doc: FormDoc) -> list[float]:
    known = COLUMN_WIDTHS.get(doc.form)
    if known and len(known) == len(doc.columns):
        return list(known)
    return [18.0] * len(doc.columns)


def split(doc: FormDoc) -> int:
    """How many columns the left half of the heading block spans (about 45% of the width)."""
    sizes = widths(doc)
    total = sum(sizes)
    running = 0.0
    for index, size in enumerate(sizes, 1):
        running += size
        if running >= total * 0.42:
            return min(max(index, 1), max(len(sizes) - 1, 1))
    return max(len(sizes) - 1, 1)


_DATE = re.compile(r"ngày ([0-9]{2}) tháng ([0-9]{2}) năm ([0-9]{4})")
_YEAR = re.compile(r"\b([0-9]{4})\b")


def stamp(doc: FormDoc) -> dt.datetime:
    """The documents' fixed creation time: the date of the place-and-date line, else 1 January of the form's year.

    The date is the line's last one (the place before it is a unit's text);
    anything that is not a real date is passed over.
    """
    for found in reversed(_DATE.findall(doc.place_date)):
        try:
            return dt.datetime(int(found[2]), int(found[1]), int(found[0]), tzinfo=dt.UTC)
        except ValueError:
            continue
    for text in (doc.subtitle, doc.place_date):
        years = [int(year) for year in _YEAR.findall(text) if 1900 <= int(year) <= 9999]
        if years:
            return dt.datetime(years[0], 1, 1, tzinfo=dt.UTC)
    return dt.datetime(2000, 1, 1, tzinfo=dt.UTC)


def title(doc: FormDoc) -> str:
    return " – ".join(part for part in (doc.title, doc.subtitle) if part)


def workbook_bytes(wb: Any) -> bytes:
    """An openpyxl workbook as the same bytes every time: saved without the clock, zip entries dated 1980."""
    from openpyxl.writer.excel import ExcelWriter

    raw = io.BytesIO()
    # ExcelWriter, not wb.save(): save() stamps "modified" with the time of day
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(wb, archive).save()
    return fixed_zip(raw.getvalue())


def fixed_zip(data: bytes) -> bytes:
    """The same package with every entry dated 1980-01-01, so that equal content gives equal bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=FIXED_ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            target.writestr(entry, source.read(info.filename), compresslevel=6)
    return out.getvalue()
