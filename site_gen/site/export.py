"""Downloads for the public site: every record kind as CSV (for Excel) and as JSON.

Pure functions: records in, ``{file name: bytes}`` out, nothing read or
written. :func:`exports` gives, for each of the 12 kinds, ``<slug>.csv`` and
``<slug>.json`` (the slug is the Vietnamese folder-style name, ``SLUGS``),
and ``mo-ta.json`` describing every file.

CSV is written for Excel with Vietnamese text: UTF-8 with a BOM, CRLF line
ends, comma separator, minimal quoting, a Vietnamese header row (the schema
titles, copied into ``TABLES``; a test holds them equal), dates as
dd/mm/yyyy, lists joined with "; ", booleans "có"/"không", codes of the
schemas' enums shown with their Vietnamese label, an empty cell for an absent
value. A text cell that Excel would read as a formula (starting with =, +, -,
@, a tab or a carriage return) gets a leading apostrophe; numbers and dates
are left as they are. A CSV has one row per natural row (a registration row,
a visit, a schedule row, an action, a progress item, a survey target), or per
record for the other kinds; a record whose list is empty still gets one row.
The first column, "Tệp hồ sơ", is the record's file.

JSON keeps every field of the records (sorted keys) but what is private:
:func:`public_data` is the one place that decides it. Exemption reasons of
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
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from site_gen.escape import office_property, sheet_title, spreadsheet_text, workbook_text
from site_gen.kinds import BY_NAME, KINDS
from site_gen.labels import labels
from site_gen.model import Record

FORMAT = 1
DESCRIPTION_FILE = "mo-ta.json"
FILE_HEADER = "Tệp hồ sơ"
LIST_SEPARATOR = "; "

SLUGS: dict[str, str] = {
    "organisation": "to-chuc",
    "unit": "don-vi",
    "cadre": "can-bo",
    "field-visit-plan": "ke-hoach-di-co-so",
    "registration": "dang-ky",
    "quarterly-report": "bao-cao-quy",
    "inspection-plan": "ke-hoach-kiem-tra",
    "inspection-result": "ket-qua-kiem-tra",
    "midterm-survey": "khao-sat",
    "remediation-plan": "ke-hoach-khac-phuc",
    "remediation-progress": "bao-cao-khac-phuc",
    "good-model": "mo-hinh",
}

# -- the labels of the schemas' enums (site_gen.labels) -------------------------------------

LEVEL = labels("level")
UNIT_TYPE = labels("unit_type")
LOCALITY_LEVEL = labels("locality_level")
DISADVANTAGED = labels("disadvantaged")
ROLE_GROUP = labels("role_group")
MEMBERSHIP = labels("membership")
SESSION = labels("session", "short")  # "Sáng", not "Buổi sáng": the column is already "Buổi".
RESULT_STATUS = labels("result_status")
CLASSIFICATION = labels("classification")
COMPLETION = labels("completion")
PROSPECT = labels("prospect")
RECURRING = labels("recurring")
PERIOD = labels("period")
PROGRESS_STATUS = labels("progress_status")

# -- columns -------------------------------------------------------------------------------

Scope = Mapping[str, Any]
"""What a row sees: ``""`` is the record's data, ``"rows[]"`` the current row, and so on."""


@dataclass(frozen=True)
class Column:
    """One CSV column.

    ``path`` is where the value lives, from the record's root, ``[]`` marking
    an item of a list (``"visits[].results.achievements"``); the header is the
    schema title at that place (a test checks it), but for ``count`` columns
    ("Số " and the title). ``fmt`` is one of: text, number, date, bool, list
    (of texts), label (an enum code shown with ``labels``), labels (a list of
    them), count (length of a list), file (the record's file). ``get``, when
    given, computes the value from the row's scope instead of reading ``path``.
    """

    header: str
    path: str
    fmt: str = "text"
    labels: Mapping[str, str] | None = None
    get: Callable[[Scope], Any] | None = None


@dataclass(frozen=True)
class Table:
    """The CSV of one kind: which lists make its rows (outermost first) and its columns."""

    rows: tuple[str, ...]
    columns: tuple[Column, ...]


def _at(scope: Scope, path: str) -> Any:
    """The value at ``path`` in a row's scope, or None."""
    prefix, _, rest = path.rpartition("[].")
    if prefix:
        prefix += "[]"
    node = scope.get(prefix)
    for key in rest.split(".") if rest else ():
        if not isinstance(node, Mapping):
            return None
        node = node.get(key)
    return node


def _deadline(path: str) -> Callable[[Scope], Any]:
    def get(scope: Scope) -> Any:
        due = _at(scope, path)
        if not isinstance(due, Mapping) or not due.get("date"):
            return None
        text = ("trước ngày " if due.get("strict") else "") + _date_text(due["date"])
        return f"{text} {due['time']}" if due.get("time") else text

    return get


def _sectors(scope: Scope) -> Any:
    return [f"{s.get('id', '')} ({s.get('name', '')})" for s in _at(scope, "sectors") or [] if isinstance(s, Mapping)]


def _categories(scope: Scope) -> Any:
    return [f"{c.get('code', '')} {c.get('name', '')}" for c in _at(scope, "categories") or [] if isinstance(c, Mapping)]


def _exempt_years(scope: Scope) -> Any:
    years = {item.get("year") for item in _at(scope, "exemptions") or [] if isinstance(item, Mapping)}
    return sorted(year for year in years if isinstance(year, int)) or None


def _team(key: str) -> Callable[[Scope], Any]:
    def get(scope: Scope) -> Any:
        ident = _at(scope, "schedule[].team")
        for team in _at(scope, "teams") or []:
            if isinstance(team, Mapping) and team.get("id") == ident:
                return team.get(key)
        return None

    return get


def _points(path: str) -> Callable[[Scope], Any]:
    def get(scope: Scope) -> Any:
        items = _at(scope, path)
        if not isinstance(items, list):
            return None
        total = sum(float(item.get("points", 0)) for item in items if isinstance(item, Mapping))
        return round(total, 2)

    return get


def _or_group(key: str) -> Callable[[Scope], Any]:
    """A remediation action's lead or cooperating units, or its group's when it has none."""

    def get(scope: Scope) -> Any:
        own = _at(scope, f"solution_groups[].actions[].{key}")
        return own if own is not None else _at(scope, f"solution_groups[].{key}")

    return get


def _term(scope: Scope) -> Any:
    term = _at(scope, "term")
    if not isinstance(term, Mapping):
        return None
    return f"{term.get('from', '')}–{term.get('to', '')}"


def _repository(scope: Scope) -> Any:
    return _at(scope, "repository.url")


def _found_in(scope: Scope) -> Any:
    found = _at(scope, "found_in")
    if not isinstance(found, Mapping):
        return None
    visit, inspection, survey = found.get("visit"), found.get("inspection"), found.get("survey")
    if isinstance(visit, Mapping):
        return f"Chuyến đi cơ sở: {visit.get('cadre', '')}, {_date_text(visit.get('date', ''))}"
    if isinstance(inspection, Mapping):
        return f"Buổi kiểm tra: {inspection.get('plan', '')}, {inspection.get('unit', '')}"
    if survey:
        return f"Khảo sát: {survey}"
    return None


def _contact(scope: Scope) -> Any:
    person = _at(scope, "contact")
    if not isinstance(person, Mapping) or not person.get("name"):
        return None
    return f"{person['name']} ({person['post']})" if person.get("post") else person["name"]


FILE = Column(FILE_HEADER, "", "file")

TABLES: dict[str, Table] = {
    "organisation": Table(
        (),
        (
            FILE,
            Column("Mã tổ chức", "id"),
            Column("Tên đầy đủ", "name"),
            Column("Tên ngắn", "short_name"),
            Column("Cấp", "level", "label", LEVEL),
            Column("Địa danh", "place"),
            Column("Tên Ban Chấp hành", "committee"),
            Column("Đơn vị quản lý sổ đăng ký", "register_owner"),
            Column("Đơn vị Thường trực", "leadership_unit"),
            Column("Khu vực, khối", "sectors", "list", get=_sectors),
            Column("Địa chỉ", "address"),
            Column("Điện thoại", "phone"),
            Column("Thư điện tử", "email"),
            Column("Trang thông tin", "website"),
            Column("Kho dữ liệu", "repository", get=_repository),
        ),
    ),
    "unit": Table(
        (),
        (
            FILE,
            Column("Mã đơn vị", "id"),
            Column("Tên đơn vị", "name"),
            Column("Tên ngắn", "short_name"),
            Column("Tên viết tắt", "abbreviation"),
            Column("Loại đơn vị", "type", "label", UNIT_TYPE),
            Column("Đơn vị cấp trên", "parent"),
            Column("Khu vực", "sector"),
            Column("Tên địa bàn", "locality.name"),
            Column("Cấp hành chính", "locality.level", "label", LOCALITY_LEVEL),
            Column("Địa bàn khó khăn", "disadvantaged", "labels", DISADVANTAGED),
            Column("Ngày thành lập", "established", "date"),
            Column("Ngày giải thể, sáp nhập", "dissolved", "date"),
            Column("Ghi chú", "note"),
        ),
    ),
    "cadre": Table(
        (),
        (
            FILE,
            Column("Mã cán bộ", "id"),
            Column("Họ và tên", "name"),
            Column("Đơn vị công tác", "unit"),
            Column("Chức vụ", "post"),
            Column("Nhóm đối tượng", "role_group", "label", ROLE_GROUP),
            Column("Diện cán bộ", "memberships", "labels", MEMBERSHIP),
            Column("Năm được miễn", "exemptions[].year", "list", get=_exempt_years),
            Column("Ngày nhận công tác", "joined", "date"),
            Column("Ngày thôi công tác", "left", "date"),
        ),
    ),
    "field-visit-plan": Table(
        (),
        (
            FILE,
            Column("Mã kế hoạch", "id"),
            Column("Năm kế hoạch", "year", "number"),
            Column("Số văn bản", "document.number"),
            Column("Ngày ban hành", "document.date", "date"),
            Column("Trích yếu", "document.title"),
            Column("Cơ quan ban hành", "document.issuer"),
            Column("Nội dung đi cơ sở", "categories", "list", get=_categories),
            Column("Diện áp dụng", "applies_to", "labels", MEMBERSHIP),
            Column("Số ngày tối thiểu", "min_days", "number"),
            Column("Từ ngày", "window.from", "date"),
            Column("Đến ngày", "window.to", "date"),
            Column("Hạn đăng ký (mẫu 1)", "deadlines.registration", get=_deadline("deadlines.registration")),
            Column("Hạn tổng hợp (mẫu 2)", "deadlines.summary", get=_deadline("deadlines.summary")),
            Column("Ngày của tháng cuối quý", "deadlines.quarterly_report.day_of_last_month", "number"),
        ),
    ),
    "registration": Table(
        ("rows",),
        (
            FILE,
            Column("Cán bộ đăng ký", "cadre"),
            Column("Kế hoạch", "plan"),
            Column("Ngày nộp", "submitted", "date"),
            Column("Nội dung", "rows[].category"),
            Column("Chuyên đề", "rows[].topic"),
            Column("Số ngày đi", "rows[].days", "number"),
            Column("Từ ngày", "rows[].from", "date"),
            Column("Đến ngày", "rows[].to", "date"),
            Column("Địa điểm", "rows[].places", "list"),
            Column("Ghi rõ địa điểm", "rows[].place"),
            Column("Mục đích, hoạt động dự kiến", "rows[].purpose"),
        ),
    ),
    "quarterly-report": Table(
        ("visits",),
        (
            FILE,
            Column("Đơn vị báo cáo", "unit"),
            Column("Kế hoạch", "plan"),
            Column("Quý", "quarter", "number"),
            Column("Ngày nộp", "submitted", "date"),
            Column("Cán bộ", "visits[].cadre"),
            Column("Nội dung", "visits[].category"),
            Column("Chuyên đề", "visits[].topic"),
            Column("Cụ thể nội dung đi cơ sở", "visits[].activity"),
            Column("Số ngày đi", "visits[].days", "number"),
            Column("Từ ngày", "visits[].from", "date"),
            Column("Đến ngày", "visits[].to", "date"),
            Column("Địa điểm", "visits[].places", "list"),
            Column("Ghi rõ địa điểm", "visits[].place"),
            Column("Mặt được", "visits[].results.achievements"),
            Column("Hạn chế", "visits[].results.limitations"),
            Column("Đề xuất, kiến nghị", "visits[].proposals"),
        ),
    ),
    "inspection-plan": Table(
        ("schedule",),
        (
            FILE,
            Column("Mã kế hoạch kiểm tra", "id"),
            Column("Năm đánh giá", "year", "number"),
            Column("Đơn vị được kiểm tra", "schedule[].unit"),
            Column("Ngày kiểm tra", "schedule[].date", "date"),
            Column("Buổi", "schedule[].session", "label", SESSION),
            Column("Đoàn kiểm tra", "schedule[].team"),
            Column("Tên đoàn", "teams[].name", get=_team("name")),
            Column("Trưởng đoàn", "teams[].leader", get=_team("leader")),
            Column("Địa điểm", "schedule[].location"),
            Column("Viết bài thu hoạch", "reflection_required", "bool"),
        ),
    ),
    "inspection-result": Table(
        (),
        (
            FILE,
            Column("Kế hoạch kiểm tra", "plan"),
            Column("Đơn vị được kiểm tra", "unit"),
            Column("Đoàn kiểm tra", "team"),
            Column("Ngày kiểm tra", "date", "date"),
            Column("Buổi", "session", "label", SESSION),
            Column("Tình trạng", "status", "label", RESULT_STATUS),
            Column("Ngày nhận tài liệu", "documents_received", "date"),
            Column("Số thông báo", "notice.number"),
            Column("Ngày thông báo", "notice.date", "date"),
            Column("Điểm tự chấm", "self_score", "number"),
            Column("Điểm chấm", "assessed_score", "number"),
            Column("Điểm thưởng", "bonus", "number", get=_points("bonus")),
            Column("Điểm trừ", "penalty", "number", get=_points("penalty")),
            Column("Điểm cuối cùng", "final_score", "number"),
            Column("Xếp loại", "classification", "label", CLASSIFICATION),
            Column("Thứ hạng trong khu vực", "rank", "number"),
            Column("Số mặt được", "strengths", "count"),
            Column("Số hạn chế", "limitations", "count"),
            Column("Số định hướng năm tới", "directions", "count"),
            Column("Số nội dung tự chấm cần điều chỉnh", "self_score_corrections", "count"),
            Column("Mô hình, giải pháp hay", "good_models", "list"),
            Column("Số bài thu hoạch", "reflections", "count"),
        ),
    ),
    "midterm-survey": Table(
        ("targets",),
        (
            FILE,
            Column("Mã khảo sát", "id"),
            Column("Đơn vị được khảo sát", "unit"),
            Column("Nhiệm kỳ", "term", get=_term),
            Column("Nghị quyết", "resolution"),
            Column("Ngày nộp", "submitted", "date"),
            Column("Số chỉ tiêu", "targets[].code"),
            Column("Nội dung chỉ tiêu", "targets[].name"),
            Column("Chỉ tiêu cả nhiệm kỳ", "targets[].target", "number"),
            Column("Đã đạt", "targets[].achieved", "number"),
            Column("Đơn vị tính", "targets[].measure"),
            Column("Mức độ hoàn thành", "targets[].completion", "label", COMPLETION),
            Column("Triển vọng hoàn thành", "targets[].prospect", "label", PROSPECT),
            Column("Đánh giá", "targets[].note"),
        ),
    ),
    "remediation-plan": Table(
        ("solution_groups", "actions"),
        (
            FILE,
            Column("Mã kế hoạch khắc phục", "id"),
            Column("Năm thực hiện", "year", "number"),
            Column("Mã nhóm giải pháp", "solution_groups[].id"),
            Column("Tên nhóm giải pháp", "solution_groups[].name"),
            Column("Khắc phục khuyết điểm", "solution_groups[].shortcomings", "list"),
            Column("Mã việc", "solution_groups[].actions[].id"),
            Column("Nội dung việc", "solution_groups[].actions[].description"),
            Column("Đơn vị chủ trì việc", "solution_groups[].actions[].lead", get=_or_group("lead")),
            Column("Đơn vị phối hợp việc", "solution_groups[].actions[].cooperating", "list", get=_or_group("cooperating")),
            Column("Thời hạn", "solution_groups[].actions[].deadline", "date"),
            Column("Thực hiện định kỳ", "solution_groups[].actions[].recurring", "label", RECURRING),
        ),
    ),
    "remediation-progress": Table(
        ("items",),
        (
            FILE,
            Column("Kế hoạch khắc phục", "plan"),
            Column("Đơn vị báo cáo", "unit"),
            Column("Loại kỳ", "period.cadence", "label", PERIOD),
            Column("Từ ngày", "period.from", "date"),
            Column("Đến ngày", "period.to", "date"),
            Column("Ngày nộp", "submitted", "date"),
            Column("Khuyết điểm", "items[].shortcoming"),
            Column("Việc đã thực hiện", "items[].actions", "list"),
            Column("Tình trạng", "items[].status", "label", PROGRESS_STATUS),
            Column("Kết quả thực hiện", "items[].done"),
            Column("Khó khăn, vướng mắc", "items[].difficulties"),
            Column("Việc tiếp theo", "items[].next_steps"),
        ),
    ),
    "good-model": Table(
        (),
        (
            FILE,
            Column("Mã mô hình", "id"),
            Column("Tên mô hình", "name"),
            Column("Đơn vị thực hiện", "unit"),
            Column("Địa điểm", "place"),
            Column("Năm ghi nhận", "year", "number"),
            Column("Mô tả", "description"),
            Column("Nhãn", "tags", "list"),
            Column("Nơi phát hiện", "found_in", get=_found_in),
            Column("Người liên hệ", "contact", get=_contact),
        ),
    ),
}

# -- cells -------------------------------------------------------------------------------


def _date_text(value: Any) -> str:
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    text = str(value)
    if len(text) == 10 and text[4] == "-" and text[7] == "-":
        return f"{text[8:10]}/{text[5:7]}/{text[0:4]}"
    return text


def _number_text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _plain(value: Any) -> str:
    if isinstance(value, bool):
        return "có" if value else "không"
    if isinstance(value, int | float):
        return _number_text(value)
    if isinstance(value, dt.date):
        return _date_text(value)
    return str(value)


def cell(value: Any, fmt: str = "text", labels: Mapping[str, str] | None = None) -> str:
    """The CSV text of one value: see :class:`Column` for the formats."""
    if value is None:
        return ""
    if isinstance(value, int | float) and not isinstance(value, bool) and fmt not in ("label", "bool"):
        return _number_text(value)
    if fmt == "date" and isinstance(value, str | dt.date):
        return _date_text(value)
    if fmt == "bool" and isinstance(value, bool):
        return "có" if value else "không"
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
    if record.kind == "cadre" and isinstance(data.get("exemptions"), list):
        data["exemptions"] = [{"year": item.get("year")} for item in data["exemptions"] if isinstance(item, Mapping)]
    elif record.kind == "field-visit-plan":
        data.pop("exemption_reasons", None)
    return data


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
                value = column.get(scope) if column.get else _at(scope, column.path)
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
        slug, label, table = SLUGS[kind.name], BY_NAME[kind.name].label_vi, TABLES[kind.name]
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
            "note": (
                "Tệp Excel (.xlsx): cùng bảng với tệp CSV, mở đúng trên mọi máy. "
                "Tệp CSV: mã UTF-8 có BOM, phân cách bằng dấu phẩy, dòng đầu là tên cột; ngày viết ngày/tháng/năm; "
                'danh sách nối bằng "; "; ô trống là không có dữ liệu; cột "Tệp hồ sơ" chỉ tệp gốc của mỗi dòng. '
                "Tệp JSON: toàn bộ hồ sơ, ngày viết năm-tháng-ngày. Lý do miễn đi cơ sở của cán bộ không được công bố."
            ),
            "files": described,
        }
    )
    return files
