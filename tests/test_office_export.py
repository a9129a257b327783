"""Word and Excel export: real files from the sample, opened with openpyxl and python-docx, and printed by LibreOffice."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import docx
import openpyxl
import pytest

from site_gen.checker import CheckResult, check_repository
from site_gen.cli import main
from site_gen.model import Record
from site_gen.office import export, layout
from site_gen.office.document import UNION, FormDoc

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "tests" / "artifacts" / "office"


@pytest.fixture(scope="module")
def sample() -> CheckResult:
    result = check_repository(ROOT)
    assert not result.errors
    return result


def _items(sample: CheckResult) -> dict[str, export.Item]:
    ctx, records = sample.context, sample.records()
    return {
        "1": export.registrations(ctx, records, 2026, "tran-thi-mai")[0],
        "2": export.summaries(ctx, records, 2026, "ban-tckt")[0],
        "3": export.reports(ctx, records, 2026, "ban-tckt", 3)[0],
        "schedule": export.schedules(ctx, 2025)[0],
        "notice": export.notices(ctx, records, 2025, "xa-binh-son")[0],
        "blank": export.blanks(ctx, 2026, ["1"])[0],
    }


@pytest.fixture(scope="module")
def items(sample: CheckResult) -> dict[str, export.Item]:
    return _items(sample)


def _xlsx_text(ws: Any) -> list[str]:
    return [str(cell.value) for row in ws.iter_rows() for cell in row if cell.value is not None]


def _docx_text(document: Any) -> list[str]:
    out = [p.text for p in document.paragraphs]
    for table in document.tables:
        out += [cell.text for row in table.rows for cell in row.cells]
    return out


def test_form_1_is_laid_out_as_the_organisation_does(items: dict[str, export.Item]) -> None:
    doc = items["1"].doc
    assert doc.committee == "BCH ĐOÀN TỈNH BÌNH AN"
    assert doc.unit_line == "BAN TỔ CHỨC – KIỂM TRA TỈNH ĐOÀN"
    assert doc.place_date == "Bình An, ngày 10 tháng 02 năm 2026"
    assert doc.reference == "(Kèm theo Kế hoạch số 06-KH/TĐTN-TCKT, ngày 09/01/2026 của Ban Thường vụ Tỉnh đoàn)"
    assert doc.fields == [("Họ và tên", "Trần Thị Mai"), ("Chức vụ", "Chuyên viên")]
    assert doc.columns == layout.COLUMNS_REGISTRATION and doc.numbers == ["(1)", "(2)", "(3)", "(4)", "(5)"]
    first = [cell.text for cell in doc.rows[0]]
    assert first[1].startswith("1.5 Tham dự sinh hoạt chi đoàn\nMục đích: ")
    assert first[2:4] == ["1 ngày", "Từ ngày 26/02/2026 đến ngày 26/02/2026"]
    assert first[4] == "Đoàn Khối các cơ quan tỉnh\nCụ thể: Chi đoàn Sở Tư pháp, Đoàn Khối các cơ quan tỉnh"
    assert doc.total == ["Tổng", "", "67 ngày", "", ""]
    assert doc.signatures[0].extra == "Ngày duyệt: 10/02/2026"


@pytest.mark.parametrize("key", ["1", "2", "3", "schedule", "notice", "blank"])
def test_every_form_exports_to_excel(items: dict[str, export.Item], key: str) -> None:
    item = items[key]
    doc: FormDoc = item.doc
    data = export.render([item], ["xlsx"])[f"{item.stem}.xlsx"]
    wb = openpyxl.load_workbook(io.BytesIO(data))
    assert wb.sheetnames == [layout.SHEET_NAMES[doc.form]]
    ws = wb.active
    texts = _xlsx_text(ws)
    for needle in (doc.committee, UNION, doc.title, *doc.columns):
        assert needle in texts
    assert ws.page_setup.paperSize == 9
    assert ws.page_setup.orientation == ("landscape" if doc.form in layout.LANDSCAPE_FORMS else "portrait")
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1
    assert ws.print_title_rows
    fonts = {cell.font.name for row in ws.iter_rows() for cell in row if cell.value is not None}
    assert fonts == {"Times New Roman"}
    header = next(row for row in ws.iter_rows() if row[0].value == layout.COL_NO)[0].row
    body = list(ws.iter_rows(min_row=header + (2 if doc.numbers else 1)))
    data_rows = [row for row in body if row[0].border.left.style == "thin" and row[0].value != layout.TOTAL_LABEL]
    assert len(data_rows) == len(doc.rows)
    if doc.total:
        assert any(row[0].value == layout.TOTAL_LABEL for row in body)
    # dates are text in dd/mm/yyyy, never Excel dates
    assert all(not hasattr(cell.value, "year") for row in ws.iter_rows() for cell in row)
    assert wb.properties.creator == "site-gen"


@pytest.mark.parametrize("key", ["1", "2", "3", "schedule", "notice", "blank"])
def test_every_form_exports_to_word(items: dict[str, export.Item], key: str) -> None:
    item = items[key]
    doc = item.doc
    data = export.render([item], ["docx"])[f"{item.stem}.docx"]
    document = docx.Document(io.BytesIO(data))
    section = document.sections[0]
    portrait = doc.form not in layout.LANDSCAPE_FORMS
    assert round((section.page_width if portrait else section.page_height).cm, 1) == 21.0  # type: ignore[union-attr]
    assert document.styles["Normal"].font.name == "Times New Roman"  # type: ignore[union-attr]
    heading, table, _signatures = document.tables
    assert heading.rows[0].cells[0].text.split("\n")[:2] == [doc.committee, doc.unit_line][: 2 if doc.unit_line else 1]
    assert heading.rows[0].cells[1].text.startswith(UNION)
    assert [cell.text for cell in table.rows[0].cells] == doc.columns
    extra = 1 + bool(doc.numbers) + bool(doc.total)
    assert len(table.rows) == len(doc.rows) + extra
    if doc.total:
        assert [cell.text for cell in table.rows[-1].cells] == doc.total
    texts = _docx_text(document)
    assert doc.title in texts
    assert document.core_properties.author == "site-gen"
    # nothing of python-docx's template ships: no thumbnail of an empty page
    assert not [name for name in zipfile.ZipFile(io.BytesIO(data)).namelist() if "thumbnail" in name]


def test_exports_are_deterministic(items: dict[str, export.Item], sample: CheckResult) -> None:
    again = _items(sample)
    for key, item in items.items():
        for fmt in export.FORMATS:
            first = export.render([item], [fmt])
            assert first == export.render([again[key]], [fmt]), (key, fmt)
            with zipfile.ZipFile(io.BytesIO(next(iter(first.values())))) as package:
                assert {info.date_time for info in package.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_blank_template_holds_the_example_rows(items: dict[str, export.Item]) -> None:
    doc = items["blank"].doc
    assert [cell.text for cell in doc.rows[0]][1].startswith(layout.EXAMPLE_PREFIX + "1: 1.1 ")
    assert all(not any(cell.text for cell in row) for row in doc.rows[2:])


def test_the_command_writes_files_and_refuses_bad_usage(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = ["--root", str(ROOT)]
    assert main(["export", *root, "--form", "1", "--cadre", "tran-thi-mai", "--year", "2026", "--out", str(tmp_path)]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "mau-1-dang-ky-tran-thi-mai-2026.docx",
        "mau-1-dang-ky-tran-thi-mai-2026.xlsx",
    ]
    out = tmp_path / "b"
    assert main(["export", *root, "--notice", "xa-binh-son", "--year", "2025", "--format", "docx", "--out", str(out)]) == 0
    assert [p.name for p in out.iterdir()] == ["thong-bao-kiem-tra-xa-binh-son-2025.docx"]
    assert (
        main(["export", *root, "--form", "3", "--unit", "ban-tckt", "--year", "2026", "--quarter", "3", "--out", str(out)]) == 0
    )
    assert (out / "mau-3-bao-cao-ban-tckt-2026-quy-3.xlsx").is_file()
    capsys.readouterr()
    assert main(["export", *root, "--year", "2026"]) == 2
    assert "Chọn đúng một biểu mẫu" in capsys.readouterr().err
    assert main(["export", *root, "--form", "1", "--quarter", "2", "--year", "2026"]) == 2
    assert "--quarter" in capsys.readouterr().err
    assert main(["export", *root, "--form", "1", "--cadre", "khong-co", "--year", "2026"]) == 2
    assert "khong-co" in capsys.readouterr().err
    assert main(["export", *root, "--form", "2"]) == 2
    assert "--year" in capsys.readouterr().err


# -- LibreOffice prints them ---------------------------------------------------------------------------


def _soffice() -> str:
    found = shutil.which("soffice")
    if not found or not shutil.which("pdftotext"):
        pytest.skip("LibreOffice or poppler-utils missing: make browser")
    return found


@pytest.mark.parametrize(
    ("key", "needles", "pages"),
    [
        ("1", ["BẢN ĐĂNG KÝ", "Trần Thị Mai", "ĐOÀN TNCS HỒ CHÍ MINH", "Ngày duyệt: 10/02/2026"], (1, 2)),
        ("notice", ["THÔNG BÁO", "Đoàn xã Bình Sơn", "Hoàn thành tốt nhiệm vụ", "Võ Thanh Sơn"], (1, 2)),
    ],
)
def test_libreoffice_prints_the_word_files(
    items: dict[str, export.Item], tmp_path: Path, key: str, needles: list[str], pages: tuple[int, int]
) -> None:
    soffice = _soffice()
    item = items[key]
    source = tmp_path / f"{item.stem}.docx"
    source.write_bytes(export.render([item], ["docx"])[source.name])
    profile = (tmp_path / "profile").as_uri()
    command = [
        soffice,
        f"-env:UserInstallation={profile}",
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        str(tmp_path),
        str(source),
    ]
    subprocess.run(command, check=True, capture_output=True, timeout=180, env={**os.environ, "HOME": str(tmp_path)})
    pdf = source.with_suffix(".pdf")
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    count = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    assert pages[0] <= count <= pages[1]
    assert "A4" in info
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    for needle in needles:
        assert needle in text
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(ARTIFACTS / item.stem)], check=True
    )
    assert (ARTIFACTS / f"{item.stem}.png").is_file()


def test_a_correction_that_gives_only_its_item_still_makes_a_notice(sample: CheckResult) -> None:
    # The schema lets a self-score correction leave out either score; the notice says "…" for it
    # (it used to stop with a KeyError on such a valid record).
    done = next(r for r in sample.records() if r.kind == "inspection-result" and r.data["status"] == "inspected")
    data = done.data | {"self_score_corrections": [{"item": "1.2"}, {"item": "2.1", "self": 8, "corrected": 6.5}]}
    notice = layout.notice_form(sample.context, Record(done.file, done.kind, data))
    lines = [line for line in notice.after if "1.2" in line or "2.1" in line]
    assert len(lines) == 2
    assert "…" in lines[0] and "8" in lines[1] and "6,5" in lines[1]
