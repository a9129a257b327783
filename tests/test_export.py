"""The downloads of the public site: CSV for Excel and JSON, from the base organisation."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from site_gen.checker import check_repository
from site_gen.kinds import KINDS
from site_gen.kinds.columns import FILE_HEADER
from site_gen.kinds.labels import SESSION
from site_gen.model import Record
from site_gen.schemas import Schemas
from site_gen.site.export import DESCRIPTION_FILE, SLUGS, TABLES, cell, exports, public_data
from tests.conftest import ROOT, make_repo, write_tree

BOM = b"\xef\xbb\xbf"

# Counted by hand in tests/cases/base/submissions.
ROWS = {
    "to-chuc": 1,
    "don-vi": 10,
    "can-bo": 4,
    "ke-hoach-di-co-so": 1,
    "dang-ky": 7,  # pham-quoc-bao 2, tran-thi-mai 3, le-van-bi 2
    "bao-cao-quy": 7,  # ban-tckt quý 1: 1, quý 2: 2, quý 3: 2; thuong-truc quý 1: 1, quý 2: 1
    "ke-hoach-kiem-tra": 3,
    "ket-qua-kiem-tra": 3,
    "khao-sat": 2,
    "ke-hoach-khac-phuc": 2,
    "bao-cao-khac-phuc": 3,  # ban-tckt 1, van-phong 2
    "mo-hinh": 2,
    "ke-hoach-khao-sat": 0,  # the base organisation has no survey plan
    "sap-xep-to-chuc": 0,  # nor a reorganisation
}
RECORDS = {
    "to-chuc": 1,
    "don-vi": 10,
    "can-bo": 4,
    "ke-hoach-di-co-so": 1,
    "dang-ky": 3,
    "bao-cao-quy": 5,
    "ke-hoach-kiem-tra": 1,
    "ket-qua-kiem-tra": 3,
    "khao-sat": 1,
    "ke-hoach-khac-phuc": 1,
    "bao-cao-khac-phuc": 2,
    "mo-hinh": 2,
    "ke-hoach-khao-sat": 0,
    "sap-xep-to-chuc": 0,
}
REASON_CODES = ("study", "maternity", "sick-leave", "clerk", "accountant", "emulation-officer")
REASON_LABELS = (
    "Đi học tập dài hạn từ 6 tháng trở lên",
    "học tập dài hạn",
    "Nghỉ thai sản",
    "thai sản",
    "Ốm đau, bệnh tật nghỉ dài hạn",
    "Ốm đau",
    "Văn thư",
    "Kế toán",
    "Cán bộ phụ trách công tác thi đua, khen thưởng",
    "phụ trách công tác thi đua",
)


def _records(root: Path) -> list[Record]:
    result = check_repository(root, use_cache=False)
    return result.records()


@pytest.fixture(scope="module")
def base_records(tmp_path_factory: pytest.TempPathFactory) -> list[Record]:
    return _records(make_repo(tmp_path_factory.mktemp("export") / "repo"))


@pytest.fixture(scope="module")
def files(base_records: list[Record]) -> dict[str, bytes]:
    return exports(base_records)


def _table(content: bytes) -> list[list[str]]:
    assert content.startswith(BOM)
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"), newline="")))


def _texts(files: dict[str, bytes]) -> dict[str, str]:
    """Every file's text; a workbook's is the text of its XML parts (shared strings, cells, properties)."""
    import zipfile

    def text(name: str, content: bytes) -> str:
        if name.endswith(".xlsx"):
            with zipfile.ZipFile(io.BytesIO(content)) as package:
                return "\n".join(package.read(part).decode("utf-8") for part in package.namelist() if part.endswith(".xml"))
        return content.decode("utf-8-sig")

    return {name: text(name, content) for name, content in files.items()}


# -- files -----------------------------------------------------------------------------


def test_every_kind_has_both_files(files: dict[str, bytes]) -> None:
    assert set(SLUGS) == {kind.name for kind in KINDS} == set(TABLES)
    assert len(set(SLUGS.values())) == len(KINDS)
    expected = {f"{SLUGS[kind.name]}.{ext}" for kind in KINDS for ext in ("csv", "xlsx", "json")} | {DESCRIPTION_FILE}
    assert set(files) == expected
    assert SLUGS["field-visit-plan"] == "ke-hoach-di-co-so" and SLUGS["remediation-progress"] == "bao-cao-khac-phuc"


def test_empty_input_still_gives_every_file() -> None:
    files = exports([])
    assert len(files) == 3 * len(KINDS) + 1
    assert _table(files["dang-ky.csv"]) == [[column.header for column in TABLES["registration"].columns]]
    assert json.loads(files["dang-ky.json"])["records"] == []


def test_csv_is_for_excel(files: dict[str, bytes]) -> None:
    for name, content in files.items():
        if not name.endswith(".csv"):
            continue
        assert content.startswith(BOM), name
        assert content.count(BOM) == 1
        body = content[len(BOM) :]
        assert body.endswith(b"\r\n"), name
        # The base organisation has no text on several lines: every line end is CRLF.
        assert body.count(b"\n") == body.count(b"\r\n") == ROWS[name[:-4]] + 1, name
        body.decode("utf-8")


def test_every_table_is_also_a_workbook(files: dict[str, bytes]) -> None:
    """The .xlsx holds the CSV's table: same header, same rows, numbers as numbers, never a formula."""
    from openpyxl import load_workbook

    for name, content in files.items():
        if not name.endswith(".xlsx"):
            continue
        sheet = load_workbook(io.BytesIO(content)).active
        assert sheet is not None
        table = _table(files[name[:-5] + ".csv"])
        got = [["" if value is None else value for value in row] for row in sheet.iter_rows(values_only=True)]
        assert got[0] == table[0], name
        assert len(got) == len(table), name
        for row, expected in zip(got[1:], table[1:], strict=True):
            for value, text in zip(row, expected, strict=True):
                if isinstance(value, int | float):
                    assert str(value) == text
                else:
                    assert value == (text[1:] if text.startswith("'") else text)
        assert sheet.freeze_panes == "A2"


def test_workbook_cells_are_text_not_formulas() -> None:
    from openpyxl import load_workbook

    from site_gen.site.export import xlsx_bytes

    data = xlsx_bytes("x", ["A", "B"], [["'=SUM(1)", "3"], ["'-5", "1.5"]])
    sheet = load_workbook(io.BytesIO(data)).active
    assert sheet is not None
    assert [[c.value for c in row] for row in sheet.iter_rows(min_row=2)] == [["=SUM(1)", 3], ["-5", 1.5]]
    assert sheet["A2"].data_type == "s"
    assert xlsx_bytes("x", ["A", "B"], [["'=SUM(1)", "3"], ["'-5", "1.5"]]) == data


def test_headers_and_row_counts(files: dict[str, bytes], base_records: list[Record]) -> None:
    registration = _table(files["dang-ky.csv"])
    assert registration[0] == [
        "Tệp hồ sơ", "Cán bộ đăng ký", "Kế hoạch", "Ngày nộp", "Nội dung", "Chuyên đề", "Số ngày đi",
        "Từ ngày", "Đến ngày", "Địa điểm", "Ghi rõ địa điểm", "Mục đích, hoạt động dự kiến",
    ]  # fmt: skip
    assert _table(files["can-bo.csv"])[0] == [
        "Tệp hồ sơ", "Mã cán bộ", "Họ và tên", "Đơn vị công tác", "Chức vụ", "Nhóm đối tượng", "Diện cán bộ",
        "Năm được miễn", "Ngày nhận công tác", "Ngày thôi công tác",
    ]  # fmt: skip
    for slug, count in ROWS.items():
        table = _table(files[f"{slug}.csv"])
        assert len(table) == count + 1, slug
        assert table[0][0] == FILE_HEADER
        assert all(len(row) == len(table[0]) for row in table), slug
    # The same counts, from the records.
    by_kind: dict[str, list[Record]] = {}
    for record in base_records:
        by_kind.setdefault(record.kind, []).append(record)
    assert sum(len(r.data["rows"]) for r in by_kind["registration"]) == ROWS["dang-ky"]
    assert sum(len(r.data["visits"]) for r in by_kind["quarterly-report"]) == ROWS["bao-cao-quy"]
    assert sum(len(r.data["schedule"]) for r in by_kind["inspection-plan"]) == ROWS["ke-hoach-kiem-tra"]
    assert sum(len(r.data["targets"]) for r in by_kind["midterm-survey"]) == ROWS["khao-sat"]
    assert sum(len(r.data["items"]) for r in by_kind["remediation-progress"]) == ROWS["bao-cao-khac-phuc"]
    actions = sum(len(g["actions"]) for r in by_kind["remediation-plan"] for g in r.data["solution_groups"])
    assert actions == ROWS["ke-hoach-khac-phuc"]
    for kind, records in by_kind.items():
        assert len(records) == RECORDS[SLUGS[kind]], kind
        if not TABLES[kind].rows:
            assert len(records) == ROWS[SLUGS[kind]], kind


def test_rows_sorted_and_traceable(files: dict[str, bytes], base_records: list[Record]) -> None:
    known = {record.file for record in base_records}
    for name, content in files.items():
        if name.endswith(".csv"):
            sources = [row[0] for row in _table(content)[1:]]
            assert sources == sorted(sources), name
            assert set(sources) <= known, name
    registration = _table(files["dang-ky.csv"])[1:]
    assert [(row[1], row[4], row[7]) for row in registration] == [
        ("pham-quoc-bao", "1.2", "01/04/2025"),
        ("pham-quoc-bao", "1.4", "01/06/2025"),
        ("tran-thi-mai", "1.1", "01/03/2025"),
        ("tran-thi-mai", "1.1", "01/07/2025"),
        ("tran-thi-mai", "1.5", "01/09/2025"),
        ("le-van-bi", "1.2", "01/03/2025"),
        ("le-van-bi", "1.5", "01/05/2025"),
    ]
    assert registration[2][0] == "submissions/ban-tckt/dang-ky/2025/tran-thi-mai.yaml"


def test_cells(files: dict[str, bytes]) -> None:
    registration = _table(files["dang-ky.csv"])
    mai = registration[3]
    assert mai[1:10] == ["tran-thi-mai", "di-co-so-2025", "11/02/2025", "1.1", "", "30", "01/03/2025", "31/03/2025", "xa-a1"]
    header, *rows = _table(files["don-vi.csv"])
    units = {row[1]: row for row in rows}
    assert units["xa-a1"][2] == "Đoàn xã An Phú"
    assert units["xa-a1"][5] == "Cơ sở Đoàn (xã, phường, thị trấn và tương đương)"
    assert header[7] == "Thuộc tổ chức tiền thân" and units["xa-a1"][7] == ""  # the base organisation merged no committee
    assert header[12] == "Địa bàn khó khăn" and units["xa-a1"][12] == "Biên giới; Xã khó khăn"
    assert units["ban-tckt"][2] == "Ban Tổ chức – Kiểm tra"
    cadres = {row[1]: row for row in _table(files["can-bo.csv"])[1:]}
    assert cadres["le-van-bi"][2:7] == [
        "Lê Văn Bí", "thuong-truc", "Bí thư Tỉnh đoàn", "Thường trực (Bí thư, Phó Bí thư)",
        "Cán bộ chuyên trách cơ quan Tỉnh đoàn; Ủy viên Ban Chấp hành; Ủy viên Ban Thường vụ",
    ]  # fmt: skip
    assert cadres["nguyen-thi-thu"][7] == "2025" and cadres["tran-thi-mai"][7] == ""
    schedule = _table(files["ke-hoach-kiem-tra.csv"])[1:]
    assert [(row[3], row[4], row[5], row[8], row[10]) for row in schedule] == [
        ("huyen-a", "10/11/2025", "Sáng", "le-van-bi", "có"),
        ("huyen-b", "10/11/2025", "Sáng", "pham-quoc-bao", "có"),
        ("doan-khoi", "11/11/2025", "Chiều", "le-van-bi", "có"),
    ]
    results = {
        row[2]: dict(zip(_table(files["ket-qua-kiem-tra.csv"])[0], row, strict=True))
        for row in _table(files["ket-qua-kiem-tra.csv"])[1:]
    }
    huyen_a = results["huyen-a"]
    assert (huyen_a["Điểm chấm"], huyen_a["Điểm thưởng"], huyen_a["Điểm trừ"], huyen_a["Điểm cuối cùng"]) == (
        "91",
        "1",
        "0.5",
        "91.5",
    )
    assert (huyen_a["Xếp loại"], huyen_a["Thứ hạng trong khu vực"], huyen_a["Số mặt được"], huyen_a["Số bài thu hoạch"]) == (
        "Hoàn thành xuất sắc nhiệm vụ", "1", "1", "2",
    )  # fmt: skip
    assert results["huyen-b"]["Xếp loại"] == "Hoàn thành tốt nhiệm vụ" and results["huyen-b"]["Buổi"] == "Sáng"
    actions = _table(files["ke-hoach-khac-phuc.csv"])[1:]
    # The first action has no lead of its own: its group's.
    assert [(row[6], row[8], row[9], row[10], row[11]) for row in actions] == [
        ("nhom-1-1", "van-phong", "", "31/03/2025", ""),
        ("nhom-2-1", "ban-tckt", "van-phong", "31/12/2025", "Hằng tháng"),
    ]
    plan = _table(files["ke-hoach-di-co-so.csv"])[1]
    assert "trước ngày 15/02/2025" in plan and "10/01/2025" in plan
    survey = _table(files["khao-sat.csv"])[1:]
    assert [(row[6], row[8], row[9], row[11]) for row in survey] == [
        ("CT01", "1000", "640", "Đạt một phần"),
        ("CT02", "100", "100", "Đạt chỉ tiêu"),
    ]


def test_cell_formats() -> None:
    assert cell(None) == cell(None, "date") == cell(None, "number") == ""
    assert cell("2025-03-01", "date") == "01/03/2025"
    assert (cell(True, "bool"), cell(False, "bool")) == ("có", "không")
    assert cell(["a", "b"], "list") == "a; b"
    assert cell([2024, 2025], "list") == "2024; 2025"
    assert cell([], "count") == "0" and cell(None, "count") == ""
    assert cell(70.0, "number") == "70" and cell(61.57, "number") == "61.57"
    assert cell("morning", "label", SESSION) == "Sáng" and cell("unknown", "label", SESSION) == "unknown"


def test_formula_injection_neutralised() -> None:
    evil = Record(
        "submissions/x/dang-ky/2025/a.yaml",
        "registration",
        {
            "kind": "registration",
            "plan": "di-co-so-2025",
            "cadre": "a",
            "submitted": "2025-03-01",
            "rows": [
                {
                    "category": "1.1",
                    "days": 3,
                    "from": "2025-03-01",
                    "to": "2025-03-03",
                    "places": ['=HYPERLINK("http://x")', "xa-a1"],
                    "place": "+84 912",
                    "purpose": "=SUM(1)",
                },
                {
                    "category": "1.1",
                    "days": 1,
                    "from": "2025-04-01",
                    "to": "2025-04-01",
                    "places": ["@x"],
                    "place": "-1",
                    "purpose": 'a, "b"\nc',
                },
                {
                    "category": "1.1",
                    "days": 1,
                    "from": "2025-05-01",
                    "to": "2025-05-01",
                    "places": ["\tx"],
                    "place": "\rx",
                    "purpose": "1+1=2",
                },
            ],
        },
    )
    table = _table(exports([evil])["dang-ky.csv"])
    header = table[0]
    rows = [dict(zip(header, row, strict=True)) for row in table[1:]]
    assert rows[0]["Mục đích, hoạt động dự kiến"] == "'=SUM(1)"
    assert rows[0]["Địa điểm"] == '\'=HYPERLINK("http://x"); xa-a1'
    assert rows[0]["Ghi rõ địa điểm"] == "'+84 912"
    assert (rows[1]["Địa điểm"], rows[1]["Ghi rõ địa điểm"]) == ("'@x", "'-1")
    assert rows[1]["Mục đích, hoạt động dự kiến"] == 'a, "b"\nc'  # commas, quotes and a line break survive quoting
    assert (rows[2]["Địa điểm"], rows[2]["Ghi rõ địa điểm"], rows[2]["Mục đích, hoạt động dự kiến"]) == ("'\tx", "'\rx", "1+1=2")
    # Numbers stay numbers, dates are untouched.
    assert (rows[0]["Số ngày đi"], rows[0]["Từ ngày"], rows[0]["Ngày nộp"]) == ("3", "01/03/2025", "01/03/2025")
    assert cell(-5, "number") == "-5" and cell(-5) == "-5" and cell("-5") == "'-5"
    assert not any(value.startswith(("=", "+", "-", "@", "\t", "\r")) for row in table for value in row)


# -- privacy ---------------------------------------------------------------------------


def _strings(value: object, skip: str) -> list[str]:
    """Every string in a JSON value (keys included), but the values of the key ``skip``."""
    if isinstance(value, dict):
        return [s for key, item in value.items() for s in ([key] + ([] if key == skip else _strings(item, skip)))]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item, skip)]
    return [value] if isinstance(value, str) else []


def test_no_exemption_reason_in_any_file(files: dict[str, bytes], base_records: list[Record]) -> None:
    cadre = next(r for r in base_records if r.id == "nguyen-thi-thu")
    assert [item["reason"] for item in cadre.data["exemptions"]] == ["clerk"]
    texts = _texts(files)
    for name, text in texts.items():
        for code in REASON_CODES:
            assert code not in text, (name, code)
    # "Văn thư" is also this cadre's post, published as such (column "Chức vụ", field "post"):
    # everywhere else, no label of a reason.
    for name, content in files.items():
        if name.endswith(".csv"):
            table = _table(content)
            skip = table[0].index("Chức vụ") if "Chức vụ" in table[0] else -1
            strings = [value for row in table for index, value in enumerate(row) if index != skip]
        elif name.endswith(".json"):
            strings = _strings(json.loads(content), "post")
        else:
            continue  # a workbook holds its CSV's table (test_every_table_is_also_a_workbook)
        for label in REASON_LABELS:
            assert not any(label.lower() in s.lower() for s in strings), (name, label)
    person = next(r for r in json.loads(files["can-bo.json"])["records"] if r["data"]["id"] == "nguyen-thi-thu")
    assert person["data"]["exemptions"] == [{"year": 2025}]


def test_exemption_details_never_published(tmp_path: Path, files: dict[str, bytes]) -> None:
    root = make_repo(tmp_path / "repo")
    write_tree(
        root,
        {
            "submissions/van-phong/can-bo/nguyen-thi-thu.yaml": (
                "kind: cadre\nid: nguyen-thi-thu\nname: Nguyễn Thị Thu\nunit: van-phong\npost: Chuyên viên\n"
                "role_group: specialist\nmemberships: [staff]\nexemptions:\n"
                "  - year: 2025\n    reason: accountant\n    note: Kiêm nhiệm kế toán cơ quan\n"
                "  - year: 2024\n    reason: maternity\n    from: 2024-03-01\n    to: 2024-08-31\n    note: Nghỉ sinh con thứ hai\n"
            )
        },
    )
    records = _records(root)
    cadre = next(r for r in records if r.id == "nguyen-thi-thu")
    assert [item["reason"] for item in cadre.data["exemptions"]] == ["accountant", "maternity"]
    produced = exports(records)
    for name, text in _texts(produced).items():
        lowered = text.lower()
        for secret in (
            *REASON_CODES,
            *REASON_LABELS,
            "Kiêm nhiệm",
            "sinh con",
            "2024-03-01",
            "01/03/2024",
            "2024-08-31",
            "31/08/2024",
        ):
            assert secret.lower() not in lowered, (name, secret)
    cadres = {row[1]: row for row in _table(produced["can-bo.csv"])[1:]}
    assert cadres["nguyen-thi-thu"][7] == "2024; 2025"
    person = next(r for r in json.loads(produced["can-bo.json"])["records"] if r["data"]["id"] == "nguyen-thi-thu")
    assert person["data"]["exemptions"] == [{"year": 2025}, {"year": 2024}]
    # Nothing but the cadre files differs from the base organisation's.
    assert {name for name in produced if produced[name] != files[name]} == {"can-bo.csv", "can-bo.xlsx", "can-bo.json"}


def test_public_data_copies(base_records: list[Record]) -> None:
    cadre = next(r for r in base_records if r.id == "nguyen-thi-thu")
    public = public_data(cadre)
    assert public["exemptions"] == [{"year": 2025}]
    assert cadre.data["exemptions"][0]["reason"] == "clerk"  # the record itself is untouched
    plan = next(r for r in base_records if r.kind == "field-visit-plan")
    assert "exemption_reasons" in plan.data and "exemption_reasons" not in public_data(plan)


# -- JSON ------------------------------------------------------------------------------


def test_json_round_trip(files: dict[str, bytes], base_records: list[Record]) -> None:
    for kind in KINDS:
        content = files[f"{SLUGS[kind.name]}.json"]
        assert content.endswith(b"}\n") and not content.startswith(BOM)
        value = json.loads(content)
        assert list(value) == ["format", "kind", "label", "records"]
        assert (value["format"], value["kind"], value["label"]) == (1, kind.name, kind.label_vi)
        mine = sorted((r for r in base_records if r.kind == kind.name), key=lambda r: r.file)
        assert [item["file"] for item in value["records"]] == [r.file for r in mine]
        assert len(mine) == RECORDS[SLUGS[kind.name]]
        for item, record in zip(value["records"], mine, strict=True):
            assert list(item) == ["file", "data"]
            if kind.name not in ("cadre", "field-visit-plan"):
                assert item["data"] == record.data
            assert list(item["data"]) == sorted(item["data"])
        assert content == (json.dumps(value, ensure_ascii=False, indent=2) + "\n").encode()
    assert "Trần Thị Mai".encode() in files["can-bo.json"] and b"\\u" not in files["can-bo.json"]


def test_description(files: dict[str, bytes]) -> None:
    description = json.loads(files[DESCRIPTION_FILE])
    assert description["format"] == 1
    entries = {entry["file"]: entry for entry in description["files"]}
    assert set(entries) == set(files) - {DESCRIPTION_FILE}
    for slug, count in ROWS.items():
        csv_entry, json_entry = entries[f"{slug}.csv"], entries[f"{slug}.json"]
        assert (csv_entry["format"], csv_entry["rows"], json_entry["format"], json_entry["rows"]) == (
            "csv",
            count,
            "json",
            RECORDS[slug],
        )
        assert csv_entry["kind"] == json_entry["kind"] and SLUGS[csv_entry["kind"]] == slug
        assert csv_entry["label"] == json_entry["label"] == next(k.label_vi for k in KINDS if k.name == csv_entry["kind"])
        assert [column["header"] for column in csv_entry["columns"]] == _table(files[f"{slug}.csv"])[0]
    assert entries["dang-ky.csv"]["columns"][6] == {"header": "Số ngày đi", "field": "rows[].days"}


def test_deterministic(files: dict[str, bytes], base_records: list[Record], tmp_path: Path) -> None:
    assert exports(list(reversed(base_records))) == files
    assert exports(base_records) == files
    again = _records(make_repo(tmp_path / "again"))
    assert exports(again) == files


def test_a_report_without_visits_keeps_one_row() -> None:
    report = Record(
        "submissions/x/bao-cao/2025/quy-4.yaml",
        "quarterly-report",
        {"kind": "quarterly-report", "plan": "p", "unit": "x", "quarter": 4, "submitted": "2025-12-20", "visits": []},
    )
    table = _table(exports([report])["bao-cao-quy.csv"])
    assert len(table) == 2
    assert table[1][:5] == ["submissions/x/bao-cao/2025/quy-4.yaml", "x", "p", "4", "20/12/2025"]
    assert set(table[1][5:]) == {""}


# -- the column tables agree with the schemas -----------------------------------------------


def _parts(path: str) -> list[str | int]:
    parts: list[str | int] = []
    for segment in path.split("."):
        if segment.endswith("[]"):
            parts += [segment[:-2], 0]
        else:
            parts.append(segment)
    return parts


def test_headers_are_schema_titles() -> None:
    schemas = Schemas(ROOT)
    for kind, table in TABLES.items():
        headers = [column.header for column in table.columns]
        assert len(set(headers)) == len(headers), kind
        assert table.columns[0].fmt == "file" and headers[0] == FILE_HEADER
        for column in table.columns[1:]:
            title = schemas.field_title(kind, _parts(column.path))
            assert title, (kind, column.path)
            expected = f"Số {title[0].lower()}{title[1:]}" if column.fmt == "count" else title
            assert column.header == expected, (kind, column.path)
        for rows in table.rows:
            assert any(column.path.startswith(f"{rows}[]") or f".{rows}[]" in column.path for column in table.columns), (
                kind,
                rows,
            )


def test_labels_are_schema_enum_descriptions() -> None:
    schemas = Schemas(ROOT)
    checked = 0
    for kind, table in TABLES.items():
        for column in table.columns:
            if column.labels is None:
                continue
            parts = _parts(column.path) + ([0] if column.fmt == "labels" else [])
            node, base = schemas.node_at(kind, parts)
            labels = schemas.enum_labels(node, base)
            assert labels, (kind, column.path)
            if column.labels is SESSION:
                assert {code: f"Buổi {label.lower()}" for code, label in SESSION.items()} == labels
            else:
                assert dict(column.labels) == labels, (kind, column.path)
            checked += 1
    assert checked == 17
