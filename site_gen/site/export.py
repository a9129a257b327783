"""Downloads for the public site: every record kind as CSV (for Excel) and as JSON.

Pure functions: records in, ``{file name: bytes}`` out, nothing read or
written. :func:`exports` gives, for each of the 12 kinds, ``<slug>.csv`` and
``<slug>.json`` (the slug is the Vietnamese folder-style name, ``SLUGS``),
and ``mo-ta.json`` describing every file.

CSV is written for Excel with Vietnamese text: UTF-8 with a BOM, CRLF line
ends, comma separator, minimal quoting, a Vietnamese header row (the schema
titles, in each kind's table (:mod:`site_gen.kinds`); a test holds them equal), dates as
dd/mm/yyyy, lists joined with "; ", booleans "có"/"không", codes of the
schemas' enums shown with their Vietnamese label, an empty cell for an absent
value. A text cell that Excel would read as a formula (starting with =, +, -,
@, a tab or a carriage return) gets a leading apostrophe; numbers and dates
are left as they are. A CSV has one row per natural row (a registration row,
a visit, a schedule row, an action, a progress item, a survey target), or per
record for the other kinds; a record whose list is empty still gets one row.
The first column, "Tệp hồ sơ", is the record's file.

JSON keeps every field of the records (sorted keys) but what is private:
:func:`public_data` applies each kind's ``public`` hook. Exemption reasons of
cadres are personal data: only the year of each exemption is published (not
the reason, the note, nor the dates, whose length would tell the reason), and
the list of reasons a field-visit plan accepts is left out too, so that no
reason code or label appears in any download.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from site_gen.catalogue import words
from site_gen.escape import office_property, sheet_title, spreadsheet_text, workbook_text
from site_gen.kinds import BY_NAME, KINDS
from site_gen.kinds.columns import Table, at, date_text
from site_gen.model import Record

FORMAT = 1
DESCRIPTION_FILE = "mo-ta.json"
LIST_SEPARATOR = "; "
# Yes and no in a cell, and the note of mo-ta.json (site.toml, Vietnamese only).
WORDS = words("downloads")
YES, NO = str(WORDS["yes"]), str(WORDS["no"])

# Each kind's module declares its slug and its table; these views keep the export's names.
SLUGS: dict[str, str] = {kind.name: kind.slug for kind in KINDS}
TABLES: dict[str, Table] = {kind.name: kind.export for kind in KINDS}

# -- cells -------------------------------------------------------------------------------


def _number_text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _plain(value: Any) -> str:
    if isinstance(value, bool):
        return YES if value else NO
    if isinstance(value, int | float):
        return _number_text(value)
    if isinstance(value, dt.date):
        return date_text(value)
    return str(value)


def cell(value: Any, fmt: str = "text", labels: Mapping[str, str] | None = None) -> str:
    """The CSV text of one value: see :class:`Column` for the formats."""
    if value is None:
        return ""
    if isinstance(value, int | float) and not isinstance(value, bool) and fmt not in ("label", "bool"):
        return _number_text(value)
    if fmt == "date" and isinstance(value, str | dt.date):
        return date_text(value)
    if fmt == "bool" and isinstance(value, bool):
        return YES if value else NO
    if fmt == "count":
        return str(len(value)) if isinstance(value, list) else ""
    if fmt == "label" and labels is not None and isinstance(value, str):
        return spreadsheet_text(labels.get(value, value))
    if isinstance(value, list):
        items = [labels.get(item, item) if fmt == "labels" and labels and isinstance(item, str) else item for item in value]
        return spreadsheet_text(LIST_SEPARATOR.join(_plain(item) for item in items))
    if isinstance(value, Mapping):
        return spreadsheet_text(json.dumps(value, ensure_ascii=False, sort_keys=True))
    return spreadsheet_text(_plain(value))


# -- privacy -------------------------------------------------------------------------------


def public_data(record: Record) -> dict[str, Any]:
    """The record's data as it may be published: a copy, with the private fields left out.

    A cadre's exemptions keep only their year; a field-visit plan loses its
    list of accepted exemption reasons.
    """
    data: dict[str, Any] = _sorted_copy(record.data)
    kind = BY_NAME.get(record.kind)
    return kind.public(data) if kind else data


def _sorted_copy(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {str(key): _sorted_copy(value[key]) for key in sorted(value, key=str)}
    if isinstance(value, list | tuple):
        return [_sorted_copy(item) for item in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


# -- files ---------------------------------------------------------------------------------


def _scopes(data: Mapping[str, Any], lists: Sequence[str]) -> Iterator[dict[str, Any]]:
    """One scope per row: nested lists walked in order; an empty or missing list gives one row without it."""
    scope: dict[str, Any] = {"": data}
    yield from _walk(scope, data, lists, "")


def _walk(scope: dict[str, Any], node: Any, lists: Sequence[str], prefix: str) -> Iterator[dict[str, Any]]:
    if not lists:
        yield dict(scope)
        return
    key = f"{prefix}{lists[0]}[]"
    items = node.get(lists[0]) if isinstance(node, Mapping) else None
    if not isinstance(items, list) or not items:
        yield dict(scope)
        return
    for item in items:
        scope[key] = item
        yield from _walk(scope, item, lists[1:], key + ".")
    del scope[key]


def rows(kind: str, records: Iterable[Record]) -> list[list[str]]:
    """The CSV rows (header excluded) of one kind's records, sorted by file then row order."""
    table = TABLES[kind]
    out: list[list[str]] = []
    for record in sorted((r for r in records if r.kind == kind), key=lambda r: r.file):
        data = public_data(record)
        for scope in _scopes(data, table.rows):
            line: list[str] = []
            for column in table.columns:
                if column.fmt == "file":
                    line.append(record.file)
                    continue
                value = column.get(scope) if column.get else at(scope, column.path)
                line.append(cell(value, column.fmt, column.labels))
            out.append(line)
    return out


def csv_bytes(header: Sequence[str], body: Iterable[Sequence[str]]) -> bytes:
    """UTF-8 with a BOM, CRLF, commas, minimal quoting: what Excel opens with Vietnamese intact."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=",", quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(body)
    return buffer.getvalue().encode("utf-8-sig", "replace")  # a file name that is not UTF-8 shows "?"


_INTEGER = re.compile(r"-?(0|[1-9][0-9]{0,14})")
_DECIMAL = re.compile(r"-?(0|[1-9][0-9]{0,14})\.[0-9]+")


def xlsx_bytes(title: str, header: Sequence[str], body: Sequence[Sequence[str]]) -> bytes:
    """The same table as an Excel workbook: one sheet, bold frozen header, filter, widths from the content.

    Excel opens a CSV with the list separator of the computer's region (";" in
    Vietnam), so the workbook is the download that opens right everywhere.
    Same rows, same bytes (fixed document dates, fixed zip entry times).
    """
    import datetime as dt

    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    from site_gen.office.paper import workbook_bytes

    wb = Workbook()
    ws = wb.active
    ws.title = sheet_title("Du lieu")
    ws.append([workbook_text(name) for name in header])
    for row_index, line in enumerate(body, start=2):
        for column_index, text in enumerate(line, start=1):
            target = ws.cell(row=row_index, column=column_index)
            if _INTEGER.fullmatch(text):
                target.value = int(text)
            elif _DECIMAL.fullmatch(text):
                target.value = float(text)
            else:
                # a workbook cell is text, never a formula: the CSV's guard apostrophe is not needed here
                plain = text[1:] if text[:1] == "'" and text[1:2] in ("=", "+", "-", "@", "\t", "\r") else text
                target.value = workbook_text(plain)
                target.data_type = "s"
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = "A2"
    if header:
        ws.auto_filter.ref = f"A1:{get_column_letter(len(header))}{len(body) + 1}"
    for index, name in enumerate(header, start=1):
        longest = max([len(name), *(len(line[index - 1]) for line in body[:500] if index - 1 < len(line))])
        ws.column_dimensions[get_column_letter(index)].width = min(max(10, longest + 2), 60)
    fixed = dt.datetime(2000, 1, 1)
    wb.properties.title = office_property(title)
    wb.properties.creator = "site-gen"
    wb.properties.lastModifiedBy = "site-gen"
    wb.properties.created = fixed
    wb.properties.modified = fixed
    return workbook_bytes(wb)


def json_bytes(value: Any) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=2) + "\n").encode("utf-8", "replace")


def exports(records: Iterable[Record]) -> dict[str, bytes]:
    """Every download of the public site: ``{file name: content}``.

    For each kind (in the order of :data:`site_gen.kinds.KINDS`)
    ``<slug>.csv`` and ``<slug>.json``, then ``mo-ta.json``. Records of an
    unknown kind are ignored. Same records, same bytes.
    """
    by_kind: dict[str, list[Record]] = {kind.name: [] for kind in KINDS}
    for record in records:
        if record.kind in by_kind and record.kind in TABLES:
            by_kind[record.kind].append(record)
    files: dict[str, bytes] = {}
    described: list[dict[str, Any]] = []
    for kind in KINDS:
        slug, label, table = kind.slug, kind.label_vi, kind.export
        chosen = sorted(by_kind[kind.name], key=lambda r: r.file)
        headers = [column.header for column in table.columns]
        body = rows(kind.name, chosen)
        files[f"{slug}.csv"] = csv_bytes(headers, body)
        files[f"{slug}.xlsx"] = xlsx_bytes(label, headers, body)
        files[f"{slug}.json"] = json_bytes(
            {
                "format": FORMAT,
                "kind": kind.name,
                "label": label,
                "records": [{"file": record.file, "data": public_data(record)} for record in chosen],
            }
        )
        described.append(
            {
                "file": f"{slug}.csv",
                "format": "csv",
                "kind": kind.name,
                "label": label,
                "columns": [{"header": column.header, "field": column.path or "file"} for column in table.columns],
                "rows": len(body),
            }
        )
        described.append({"file": f"{slug}.xlsx", "format": "xlsx", "kind": kind.name, "label": label, "rows": len(body)})
        described.append({"file": f"{slug}.json", "format": "json", "kind": kind.name, "label": label, "rows": len(chosen)})
    files[DESCRIPTION_FILE] = json_bytes(
        {
            "format": FORMAT,
            "note": WORDS["note"],
            "files": described,
        }
    )
    return files
