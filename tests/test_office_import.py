"""``site-gen import``: filled forms 1, 2, 3 (.xlsx, .docx) into records, on a copy of the repository."""

from __future__ import annotations

import os
import shutil
import subprocess
import unicodedata
import uuid
import zipfile
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import Runner, snapshot
from tests.office_forms import date, docx_form, xlsx_form

SOFFICE = shutil.which("soffice") or "/usr/bin/soffice"
PLAN_2026 = "Đi công tác cơ sở theo chủ trương “1+2” năm 2026"
COLUMNS_1 = ["STT", "Nội dung", "Số ngày đi", "Thời gian cụ thể", "Địa điểm"]
COLUMNS_2 = ["STT", "Họ và tên", "Chức vụ", "Nội dung đi cơ sở", "Thời gian cụ thể", "Địa điểm"]
COLUMNS_3 = [
    "STT",
    "Họ và tên",
    "Nội dung",
    "Cụ thể nội dung đi cơ sở",
    "Số ngày đi",
    "Thời gian cụ thể",
    "Địa điểm",
    "Nêu khái quát những kết quả chủ yếu (mặt được, hạn chế của từng nội dung); đề xuất, kiến nghị (nếu có)",
]
REGISTRATION = "submissions/ban-phong-trao/dang-ky/2026/vo-thi-ngoc-han.yaml"
LOC = "submissions/ban-phong-trao/dang-ky/2026/dang-van-loc.yaml"
REPORT = "submissions/ban-phong-trao/bao-cao/2026/quy-4.yaml"


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


NEW_CADRES = {
    "vo-thi-ngoc-han": "Võ Thị Ngọc Hân",
    "dang-van-loc": "Đặng Văn Lộc",
}


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project now, plus two new specialists of Ban Phong trào with no registration yet (committed)."""
    root = snapshot(tmp_path_factory.mktemp("base") / "kho")
    for ident, name in NEW_CADRES.items():
        (root / f"submissions/ban-phong-trao/can-bo/{ident}.yaml").write_text(
            "# yaml-language-server: $schema=../../../schemas/bundled/cadre.schema.json\n"
            f"kind: cadre\nid: {ident}\nname: {name}\nunit: ban-phong-trao\npost: Chuyên viên\n"
            "role_group: specialist\nmemberships: [staff]\n",
            encoding="utf-8",
        )
    for args in (["add", "-A"], ["-c", "user.email=ci@example.invalid", "-c", "user.name=CI", "commit", "-qm", "cadres"]):
        subprocess.run(["git", *args], cwd=root, check=True, capture_output=True)
    return root


@pytest.fixture
def kho(base: Path, tmp_path: Path) -> Path:
    target = tmp_path / "kho"
    shutil.copytree(base, target, symlinks=True)
    return target


def unchanged(root: Path) -> bool:
    status = subprocess.run(["git", "status", "--porcelain"], cwd=root, capture_output=True, text=True, check=True)
    return status.stdout == ""


def load(root: Path, relative: str) -> dict[str, Any]:
    value = yaml.safe_load((root / relative).read_text(encoding="utf-8"))
    assert isinstance(value, dict)
    return {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in value.items()}


def plain(value: Any) -> Any:
    """Dates as ISO text, as the records' JSON model holds them."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value.isoformat() if hasattr(value, "isoformat") else value


def record(root: Path, relative: str) -> dict[str, Any]:
    return plain(yaml.safe_load((root / relative).read_text(encoding="utf-8")))  # type: ignore[no-any-return]


def checked(run: Runner, root: Path) -> None:
    code, out, _ = run("check", "--root", str(root), "--no-cache")
    assert code == 0, out


# -- form 1 ---------------------------------------------------------------------------------

EXPECTED_1 = {
    "kind": "registration",
    "plan": "di-co-so-2026",
    "cadre": "vo-thi-ngoc-han",
    "submitted": "2026-02-04",
    "approved_by": "trinh-quoc-hung",
    "approved_on": "2026-02-06",
    "rows": [
        {
            "category": "1.1",
            "days": 30,
            "from": "2026-04-01",
            "to": "2026-05-10",
            "places": ["xa-an-long"],
            "place": "Ấp Bến Đò, xã An Long",
            "purpose": "Đồng hành cùng cơ sở trong Tháng Thanh niên",
        },
        {
            "category": "1.3",
            "topic": "1.3.2",
            "days": 30,
            "from": "2026-07-01",
            "to": "2026-08-15",
            "places": ["xa-an-long", "xa-tan-hung"],
        },
    ],
    "note": "Đăng ký theo phân công của Ban",
}


def form1_rows(days: Any = "30 ngày") -> list[list[Any]]:
    return [
        [
            1,
            "VD1: 1.1 Phối hợp tổ chức, triển khai hoạt động tại cơ sở",
            "30 ngày",
            "Từ ngày 01/4/2023 – 01/5/2023",
            "Xã A, Huyện B",
        ],
        [2, "VD2: 1.3 Theo chuyên đề", "10 ngày", "Từ ngày 01/6/2023 – 15/6/2023", "Xã A, Huyện B"],
        [
            3,
            "Phối hợp tổ chức, triển khai hoạt động tại cơ sở\nMục đích: Đồng hành cùng cơ sở trong Tháng Thanh niên",
            days,
            "Từ ngày 01/4/2026 – 10/5/2026",
            "Xã An Long\nCụ thể: Ấp Bến Đò, xã An Long",
        ],
        [
            4,
            "1.3 Theo chuyên đề\n1.3.2 Khảo sát câu lạc bộ",
            30,
            "01/07/2026 - 15/08/2026",
            nfd("Đoàn xã An Long; đoàn xã tân hưng"),
        ],
    ]


def form1(path: Path, rows: list[list[Any]] | None = None, total: str = "60 ngày", **options: Any) -> Path:
    builder = docx_form if path.suffix == ".docx" else xlsx_form
    return builder(
        path,
        title="BẢN ĐĂNG KÝ",
        subtitle=PLAN_2026,
        columns=options.pop("columns", COLUMNS_1),
        rows=form1_rows() if rows is None else rows,
        unit_line="BAN PHONG TRÀO TỈNH ĐOÀN",
        fields=[
            ("1. Họ và tên: ", nfd("Võ Thị Ngọc Hân")),
            ("2. Chức vụ: ", "Chuyên viên"),
            ("3. Nội dung đăng ký cụ thể như sau:", ""),
        ],
        total=["Tổng", "", total],
        after=["Ghi chú: Đăng ký theo phân công của Ban"],
        signatures=[
            ("Lãnh đạo Ban/Văn phòng phê duyệt", ["Trịnh Quốc Hưng", "Ngày duyệt: 06/02/2026"]),
            ("Người đăng ký", ["Võ Thị Ngọc Hân"]),
        ],
        **options,
    )


@pytest.mark.parametrize("suffix", [".xlsx", ".docx"])
def test_form1_imports_to_a_registration_that_checks(run: Runner, kho: Path, tmp_path: Path, suffix: str) -> None:
    path = form1(tmp_path / f"dang-ky{suffix}")
    code, out, _ = run("import", str(path), "--form", "1", "--root", str(kho))
    assert code == 0, out
    assert f"Tạo mới {REGISTRATION}" in out
    assert "Đây là dòng ví dụ của mẫu trống nên được bỏ qua." in out
    assert "VD1: 1.1" in out and "VD2: 1.3" in out
    assert record(kho, REGISTRATION) == EXPECTED_1
    text = (kho / REGISTRATION).read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../../../schemas/bundled/registration.schema.json")
    checked(run, kho)


def test_form1_two_excel_date_cells_under_a_merged_header(run: Runner, kho: Path, tmp_path: Path) -> None:
    columns = ["STT", "Nội dung", "Số ngày đi", "Thời gian cụ thể", "", "Địa điểm"]
    rows = [
        [
            1,
            "1.1\nMục đích: Đồng hành cùng cơ sở trong Tháng Thanh niên",
            30,
            date("01/04/2026"),
            date("10/05/2026"),
            "Xã An Long\nCụ thể: Ấp Bến Đò, xã An Long",
        ],
        [2, "1.3.2", "30 ngày", date("01/07/2026"), date("15/08/2026"), "Đoàn xã An Long, Đoàn xã Tân Hưng"],
    ]
    path = form1(tmp_path / "hai-o-ngay.xlsx", rows, columns=columns, numbers=False, merges=["D13:E13"])
    code, out, _ = run("import", str(path), "--form", "1", "--root", str(kho))
    assert code == 0, out
    assert record(kho, REGISTRATION) == EXPECTED_1
    checked(run, kho)


def test_importing_twice_updates_without_duplicate(run: Runner, kho: Path, tmp_path: Path) -> None:
    first = form1(tmp_path / "lan-1.xlsx")
    assert run("import", str(first), "--form", "1", "--root", str(kho))[0] == 0
    code, out, _ = run("import", str(first), "--form", "1", "--root", str(kho))
    assert code == 0
    assert f"Không đổi {REGISTRATION}" in out and "0 tệp tạo mới" in out
    second = form1(tmp_path / "lan-2.xlsx", form1_rows(days="32 ngày"), total="62 ngày")
    code, out, _ = run("import", str(second), "--form", "1", "--root", str(kho))
    assert code == 0, out
    assert f"Cập nhật {REGISTRATION}, thay đổi:" in out
    assert "› Số ngày đi: 30 → 32" in out
    assert sorted(p.name for p in (kho / REGISTRATION).parent.iterdir()).count("vo-thi-ngoc-han.yaml") == 1
    assert record(kho, REGISTRATION)["rows"][0]["days"] == 32
    checked(run, kho)


def test_out_writes_elsewhere_and_leaves_the_repository(run: Runner, kho: Path, tmp_path: Path) -> None:
    path = form1(tmp_path / "xem-truoc.xlsx")
    out_dir = tmp_path / "xem-truoc"
    code, out, _ = run("import", str(path), "--form", "1", "--root", str(kho), "--out", str(out_dir))
    assert code == 0, out
    assert unchanged(kho)
    assert record(out_dir, REGISTRATION) == EXPECTED_1
    assert [p for p in out_dir.rglob("*") if p.is_file()] == [out_dir / REGISTRATION]


def test_form1_cell_errors_name_the_place_and_write_nothing(run: Runner, kho: Path, tmp_path: Path) -> None:
    rows = form1_rows()
    rows[2][3] = "Từ ngày .../.../... đến ngày .../.../..."
    rows[3][2] = "Số ngày (tối thiểu 30 ngày)"
    rows[3][4] = "Xã Không Có"
    rows[3][1] = "1.9 Nội dung lạ"
    path = form1(tmp_path / "loi.xlsx", rows)
    code, out, _ = run("import", str(path), "--form", "1", "--root", str(kho))
    assert code == 1
    assert unchanged(kho)
    assert "trang tính Mau1, ô D17 (dòng 17, cột Thời gian cụ thể): đã ghi “Từ ngày .../.../... đến ngày .../.../...”" in out
    assert "Không đọc được thời gian" in out
    assert "ô C18 (dòng 18, cột Số ngày đi): đã ghi “Số ngày (tối thiểu 30 ngày)”" in out
    assert "ô E18 (dòng 18, cột Địa điểm): đã ghi “Xã Không Có”. Không có đơn vị" in out
    assert "ô B18 (dòng 18, cột Nội dung): đã ghi “1.9 Nội dung lạ”" in out
    assert "Không ghi tệp nào vì biểu mẫu còn lỗi" in out


def test_docx_errors_name_table_row_and_column(run: Runner, kho: Path, tmp_path: Path) -> None:
    rows = form1_rows()
    rows[2][2] = "ba mươi"
    path = form1(tmp_path / "loi.docx", rows)
    code, out, _ = run("import", str(path), "--form", "1", "--root", str(kho))
    assert code == 1
    assert "bảng 2, dòng 5, cột Số ngày đi: đã ghi “ba mươi”. Không phải một số" in out
    assert unchanged(kho)


def test_unknown_column_unplaced_text_and_wrong_total_are_reported(run: Runner, kho: Path, tmp_path: Path) -> None:
    rows = [[*row, ""] for row in form1_rows()]
    rows[2][5] = "Đi cùng đồng chí Tú"
    path = form1(tmp_path / "them-cot.xlsx", rows, total="61 ngày", columns=[*COLUMNS_1, "Người đi cùng"])
    code, out, _ = run("import", str(path), "--form", "1", "--root", str(kho))
    assert code == 0, out
    assert "Cột “Người đi cùng” không có trong mẫu 1 (bản đăng ký)" in out
    assert "ô F17 (dòng 17, cột Người đi cùng): đã ghi “Đi cùng đồng chí Tú”. Chữ này không thuộc trường nào" in out
    assert "Dòng tổng ghi 61 ngày nhưng các dòng cộng lại 60 ngày." in out
    assert record(kho, REGISTRATION) == EXPECTED_1


def test_unknown_cadre_is_an_error_with_a_suggestion(run: Runner, kho: Path, tmp_path: Path) -> None:
    path = xlsx_form(
        tmp_path / "ten.xlsx",
        title="BẢN ĐĂNG KÝ",
        subtitle=PLAN_2026,
        columns=COLUMNS_1,
        rows=form1_rows()[2:],
        fields=[("1. Họ và tên: ", "Võ Thị Ngọc Hâm"), ("2. Chức vụ: ", "Chuyên viên")],
    )
    code, out, _ = run("import", str(path), "--form", "1", "--root", str(kho))
    assert code == 1
    assert "trang tính Mau1, ô A9 (“Họ và tên”): đã ghi “Võ Thị Ngọc Hâm”. Không có cán bộ" in out
    assert "Võ Thị Ngọc Hân" in out
    assert unchanged(kho)


# -- form 2 ---------------------------------------------------------------------------------


def form2_rows() -> list[list[Any]]:
    return [
        [
            1,
            nfd("Võ Thị Ngọc Hân"),
            "Chuyên viên",
            "1.1 Phối hợp tổ chức, triển khai hoạt động tại cơ sở",
            "Từ ngày 01/04/2026 đến ngày 30/04/2026",
            "Đoàn xã An Long",
        ],
        [2, "", "", "1.1", "Từ ngày 01/07/2026 đến ngày 30/07/2026", "Đoàn xã Tân Hưng"],
        [
            3,
            "dang van loc",
            "Chuyên viên",
            "Phối hợp tổ chức, triển khai hoạt động tại cơ sở",
            "01/05/2026 - 30/05/2026",
            "Xã An Long",
        ],
        [4, "Đặng Văn Lộc", "Chuyên viên", "1.1", "01/09/2026 - 30/09/2026", "Phường An Khánh"],
    ]


def test_form2_groups_rows_by_cadre(run: Runner, kho: Path, tmp_path: Path) -> None:
    path = xlsx_form(
        tmp_path / "tong-hop.xlsx",
        title="BẢN TỔNG HỢP ĐĂNG KÝ",
        subtitle=PLAN_2026,
        columns=COLUMNS_2,
        rows=form2_rows(),
        sheet="Mau2",
        merges=["B12:B13", "C12:C13"],  # one cadre's name over their two rows
        signatures=[("Phê duyệt của Lãnh đạo Tỉnh đoàn", []), ("Trưởng Ban/VP", ["Trịnh Quốc Hưng"])],
    )
    code, out, _ = run("import", str(path), "--form", "2", "--root", str(kho))
    assert code == 0, out
    assert "lấy số ngày theo thời gian cụ thể (30 ngày)" in out
    dung = record(kho, REGISTRATION)
    assert [(r["from"], r["days"], r["places"]) for r in dung["rows"]] == [
        ("2026-04-01", 30, ["xa-an-long"]),
        ("2026-07-01", 30, ["xa-tan-hung"]),
    ]
    loc = record(kho, LOC)
    assert loc["cadre"] == "dang-van-loc" and len(loc["rows"]) == 2 and "post" not in loc
    checked(run, kho)


def test_partial_writes_the_good_records_and_lists_the_rest(run: Runner, kho: Path, tmp_path: Path) -> None:
    rows = form2_rows()
    rows[3][5] = "Phường Không Có"
    path = xlsx_form(tmp_path / "mot-phan.xlsx", title="BẢN TỔNG HỢP ĐĂNG KÝ", subtitle=PLAN_2026, columns=COLUMNS_2, rows=rows)
    code, out, _ = run("import", str(path), "--form", "2", "--root", str(kho))
    assert code == 1 and unchanged(kho)
    assert "Không ghi tệp nào" in out
    code, out, _ = run("import", str(path), "--form", "2", "--root", str(kho), "--partial")
    assert code == 1
    assert f"Tạo mới {REGISTRATION}" in out
    # Đặng Văn Lộc keeps one row of 30 days: the checker rejects it (under 60 days), so it is put back
    assert "rule.registration-min-days" in out
    assert "Chưa nhập (bỏ ra ngoài): trang tính Mau1, dòng 15, Đặng Văn Lộc (dang-van-loc)." in out
    assert not (kho / LOC).exists()
    assert len(record(kho, REGISTRATION)["rows"]) == 2


# -- form 3 ---------------------------------------------------------------------------------

EXPECTED_3 = {
    "kind": "quarterly-report",
    "plan": "di-co-so-2026",
    "unit": "ban-phong-trao",
    "quarter": 4,
    "submitted": "2026-12-20",
    "prepared_by": "trinh-quoc-hung",
    "visits": [
        {
            "cadre": "kieu-minh-tuan",
            "category": "1.5",
            "activity": "Dự sinh hoạt chi đoàn ấp Bến Đò",
            "days": 1,
            "from": "2026-10-04",
            "to": "2026-10-04",
            "places": ["phuong-phuoc-an"],
            "place": "Chi đoàn ấp Bến Đò, phường Phước An",
            "results": {"achievements": "Buổi sinh hoạt có 25 đoàn viên tham dự.", "limitations": "Chưa có kế hoạch chủ điểm."},
            "proposals": "Biên soạn tài liệu sinh hoạt chủ điểm.",
        },
        {
            "cadre": "le-van-tai",
            "category": "1.5",
            "activity": "Dự sinh hoạt chi đoàn khu phố 4",
            "days": 1,
            "from": "2026-10-01",
            "to": "2026-10-01",
            "places": ["phuong-an-khanh"],
            "results": {"achievements": "Chi đoàn duy trì sinh hoạt định kỳ.\nĐoàn viên tham gia đông."},
        },
    ],
}


def form3(path: Path, **options: Any) -> Path:
    builder = docx_form if path.suffix == ".docx" else xlsx_form
    rows = [
        [
            1,
            "Nguyễn Văn A",
            "VD: Tham gia cùng cơ sở",
            "Đề nghị ghi rõ hoạt động tham gia",
            "Số ngày (tối thiểu 30 ngày)",
            "",
            "",
            "",
        ],
        [
            2,
            nfd("Kiều Minh Tuấn"),
            "Tham dự sinh hoạt chi đoàn",
            "Dự sinh hoạt chi đoàn ấp Bến Đò",
            "1 ngày",
            "Từ ngày 04/10/2026 đến ngày 04/10/2026",
            "Phường Phước An\nCụ thể: Chi đoàn ấp Bến Đò, phường Phước An",
            "Mặt được: Buổi sinh hoạt có 25 đoàn viên tham dự.\nHạn chế: Chưa có kế hoạch chủ điểm.\n"
            "Đề xuất, kiến nghị: Biên soạn tài liệu sinh hoạt chủ điểm.",
        ],
        [
            3,
            "Lê Văn Tài",
            "1.5",
            "Dự sinh hoạt chi đoàn khu phố 4",
            1,
            "01/10/2026",
            "Đoàn phường An Khánh",
            "Chi đoàn duy trì sinh hoạt định kỳ.\nĐoàn viên tham gia đông.",
        ],
    ]
    return builder(
        path,
        title="TỔNG HỢP BÁO CÁO",
        subtitle="Kết quả đi công tác quý IV năm 2026",
        columns=COLUMNS_3,
        rows=rows,
        unit_line="BAN PHONG TRÀO TỈNH ĐOÀN",
        place_date="Bình An, ngày 20 tháng 12 năm 2026",
        total=["Tổng", "", "", "", "2"],
        signatures=[("Lãnh đạo Ban/Văn phòng", []), ("Người lập", ["Trịnh Quốc Hưng"])],
        **options,
    )


@pytest.mark.parametrize("suffix", [".xlsx", ".docx"])
def test_form3_imports_to_a_quarterly_report(run: Runner, kho: Path, tmp_path: Path, suffix: str) -> None:
    path = form3(tmp_path / f"bao-cao{suffix}")
    code, out, _ = run("import", str(path), "--form", "3", "--root", str(kho))
    assert code == 0, out
    assert f"Tạo mới {REPORT}" in out
    assert record(kho, REPORT) == EXPECTED_3
    checked(run, kho)
    code, out, _ = run("import", str(path), "--form", "3", "--root", str(kho), "--unit", "ban-phong-trao")
    assert code == 0 and f"Không đổi {REPORT}" in out


# -- files that are not forms -------------------------------------------------------------------


def _expect_file_error(run: Runner, root: Path, path: Path, form: str, words: str) -> None:
    code, out, _ = run("import", str(path), "--form", form, "--root", str(root))
    assert code == 1, out
    assert words in out, out
    assert "Không ghi tệp nào" in out
    assert unchanged(root)


def test_a_pdf_or_text_renamed(run: Runner, kho: Path, tmp_path: Path) -> None:
    pdf = tmp_path / "bao-cao.xlsx"
    pdf.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    _expect_file_error(run, kho, pdf, "3", "Tệp này không phải tệp .xlsx (nội dung là PDF)")
    text = tmp_path / "dang-ky.docx"
    text.write_text("Họ và tên: Trần Thị Mai\n", encoding="utf-8")
    _expect_file_error(run, kho, text, "1", "Tệp này không phải tệp .docx (nội dung là text)")
    wrong = form1(tmp_path / "that-ra-la-word.docx")
    renamed = wrong.rename(tmp_path / "that-ra-la-word.xlsx")
    _expect_file_error(run, kho, renamed, "1", "Tệp này không phải tệp .xlsx (nội dung là docx)")


def test_password_protected_and_old_formats(run: Runner, kho: Path, tmp_path: Path) -> None:
    header = bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 504
    encrypted = tmp_path / "mat-khau.xlsx"
    encrypted.write_bytes(header + "EncryptionInfo".encode("utf-16-le") + b"\0" * 1024)
    _expect_file_error(run, kho, encrypted, "1", "Tệp được đặt mật khẩu")
    old = tmp_path / "cu.xls"
    old.write_bytes(header + "Workbook".encode("utf-16-le") + b"\0" * 1024)
    _expect_file_error(
        run,
        kho,
        old,
        "1",
        "Tệp dạng .xls (Office 97-2003) không được hỗ trợ; hãy mở tệp rồi chọn Lưu thành… (Save As) dạng .xlsx.",
    )
    renamed = tmp_path / "cu-doi-ten.docx"
    renamed.write_bytes(header + "WordDocument".encode("utf-16-le") + b"\0" * 1024)
    _expect_file_error(run, kho, renamed, "1", "Tệp dạng .doc (Office 97-2003)")


def test_huge_files_and_zip_bombs(run: Runner, kho: Path, tmp_path: Path) -> None:
    huge = tmp_path / "lon.xlsx"
    with huge.open("wb") as handle:
        handle.write(b"PK\x03\x04")
        handle.truncate(21 * 1024 * 1024)
    _expect_file_error(run, kho, huge, "1", "vượt giới hạn 20971520 byte của một biểu mẫu")
    bomb = tmp_path / "bom.xlsx"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as member:
            block = b"\0" * (1024 * 1024)
            for _ in range(260):
                member.write(block)
    _expect_file_error(run, kho, bomb, "1", "Nội dung tệp khi giải nén nặng")
    rows = tmp_path / "nhieu-dong.xlsx"
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.cell(6001, 1, "x")
    book.save(rows)
    _expect_file_error(run, kho, rows, "1", "có 6001 dòng, vượt giới hạn 5000 dòng")


def test_formulas_and_merged_cells(run: Runner, kho: Path, tmp_path: Path) -> None:
    rows = form1_rows()
    rows[3][2] = "=C17"
    path = form1(tmp_path / "cong-thuc.xlsx", rows, total="=SUM(C17:C18)")
    code, out, _ = run("import", str(path), "--form", "1", "--root", str(kho))
    assert code == 1 and unchanged(kho)
    assert "trang tính Mau1, ô C18: đã ghi “=C17”. Ô C18 chứa công thức" in out
    assert "Ô C19 chứa công thức, không phải giá trị; hãy chép các ô rồi dán giá trị (Paste Special › Values)" in out
    merged = form1(tmp_path / "gop-o.xlsx", merges=["B17:B18"])
    code, out, _ = run("import", str(merged), "--form", "1", "--root", str(kho))
    assert code == 1 and unchanged(kho)
    assert "Vùng trang tính Mau1, vùng B17:B18 gộp nhiều ô trong thân bảng" in out


def test_a_form_named_through_a_link_is_read_a_fifo_never(run: Runner, kho: Path, tmp_path: Path) -> None:
    """The form a user names is read once, through a link if it is one; a FIFO is refused at once, never waited on."""
    from site_gen.errors import SetupError
    from site_gen.intake.office_import import read_file

    link = tmp_path / "lien-ket.xlsx"
    link.symlink_to(form1(tmp_path / "dang-ky.xlsx"))
    code, out, _ = run("import", str(link), "--form", "1", "--root", str(kho))
    assert code == 0, out
    assert record(kho, REGISTRATION) == EXPECTED_1
    if not hasattr(os, "mkfifo"):
        return
    fifo = tmp_path / "ong.xlsx"
    os.mkfifo(fifo)
    with pytest.raises(SetupError) as caught:
        read_file(fifo, "1")
    assert caught.value.code == "setup.io" and caught.value.params["path"] == str(fifo)
    code, _, err = run("import", str(fifo), "--form", "1", "--root", str(kho))
    assert code == 2 and "ong.xlsx" in err


def test_usage_errors_exit_2(run: Runner, kho: Path, tmp_path: Path) -> None:
    code, _, err = run("import", str(tmp_path / "khong-co.xlsx"), "--form", "1", "--root", str(kho))
    assert code == 2 and "khong-co.xlsx" in err
    path = form1(tmp_path / "dang-ky.xlsx")
    code, _, err = run("import", str(path), "--form", "1", "--root", str(kho), "--unit", "ban-khong-co")
    assert code == 2 and "--unit ban-khong-co" in err
    code, _, err = run("import", str(path), "--form", "4", "--root", str(kho))
    assert code == 2
    assert unchanged(kho)


# -- files re-saved by LibreOffice ------------------------------------------------------------------


def resave(path: Path, target: str, tmp_path: Path) -> Path:
    profile = tmp_path / f"lo-{uuid.uuid4().hex}"
    out = tmp_path / f"lo-out-{target}"
    out.mkdir()
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            target,
            "--outdir",
            str(out),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
        env={**os.environ, "HOME": str(tmp_path)},
    )
    return out / f"{path.stem}.{target}"


@pytest.mark.skipif(not os.path.exists(SOFFICE), reason="LibreOffice is not installed")
def test_files_resaved_by_libreoffice_import_the_same(run: Runner, kho: Path, tmp_path: Path) -> None:
    for suffix, form, relative, expected in ((".xlsx", "1", REGISTRATION, EXPECTED_1), (".docx", "3", REPORT, EXPECTED_3)):
        original = (form1 if form == "1" else form3)(tmp_path / f"goc{suffix}")
        again = resave(original, suffix[1:], tmp_path)
        assert again.read_bytes() != original.read_bytes()
        code, out, _ = run("import", str(again), "--form", form, "--root", str(kho), "--out", str(tmp_path / f"ra{suffix}"))
        assert code == 0, out
        assert record(tmp_path / f"ra{suffix}", relative) == expected
    assert unchanged(kho)


def test_the_downloaded_blank_form_filled_in(run: Runner, kho: Path, tmp_path: Path) -> None:
    """The blank form 1 of `site-gen export --blank`, filled the way a secretary fills it in Excel."""
    import openpyxl

    code, printed, err = run(
        "export", "--form", "1", "--blank", "--year", "2026", "--format", "xlsx", "--out", str(tmp_path), "--root", str(kho)
    )
    assert code == 0, printed + err
    blank = next(tmp_path.glob("mau-1-*.xlsx"))
    book = openpyxl.load_workbook(blank)
    sheet = book.active
    assert sheet is not None

    def find(prefix: str) -> Any:
        return next(c for row in sheet.iter_rows() for c in row if isinstance(c.value, str) and c.value.startswith(prefix))

    find("1. Họ và tên").value = "1. Họ và tên: " + nfd("Võ Thị Ngọc Hân")
    find("2. Chức vụ").value = "2. Chức vụ: Chuyên viên"
    find("Bình An, ngày").value = "Bình An, ngày 04 tháng 02 năm 2026"
    find("BAN ……").value = "BAN PHONG TRÀO TỈNH ĐOÀN"
    header = find("STT").row
    for offset, row in enumerate(form1_rows()[2:]):
        for column, value in enumerate(row, 1):
            sheet.cell(header + 4 + offset, column, value)
    total = find("Tổng")
    sheet.cell(total.row, 3, "60 ngày")
    approver = find("Lãnh đạo Ban/Văn phòng phê duyệt")
    sheet.cell(approver.row + 4, approver.column, "Trịnh Quốc Hưng")
    sheet.cell(approver.row + 5, approver.column, "Ngày duyệt: 06/02/2026")
    sheet.cell(approver.row + 7, 1, "Ghi chú: Đăng ký theo phân công của Ban")
    filled = tmp_path / "da-dien.xlsx"
    book.save(filled)
    code, out, _ = run("import", str(filled), "--form", "1", "--root", str(kho))
    assert code == 0, out
    assert out.count("Đây là dòng ví dụ của mẫu trống nên được bỏ qua.") == 2
    assert record(kho, REGISTRATION) == EXPECTED_1
