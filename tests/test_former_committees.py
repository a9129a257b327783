"""A merged committee's repository holds its former committees' records: each plan applies to its own
committee's cadres, forms and pages name the committee that issued the plan, figures are given per committee."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from site_gen.checker import check_repository
from site_gen.office import export
from site_gen.office.reading import Reading
from site_gen.stats import figures, to_text
from tests.conftest import CASES, Runner, make_repo

CASE = CASES / "valid" / "former-committees"
SONG_LAM = "BCH ĐOÀN TỈNH SÔNG LAM"
HA_SON = "BCH ĐOÀN TỈNH HÀ SƠN"


@pytest.fixture
def kho(tmp_path: Path) -> Path:
    """The base organisation, merged from two former committees, each with its 2024 plan (committed)."""
    root = make_repo(tmp_path / "kho", CASE)
    for args in (
        ["init", "-q"],
        ["add", "-A"],
        ["-c", "user.email=ci@example.invalid", "-c", "user.name=CI", "commit", "-qm", "kho"],
    ):
        subprocess.run(["git", *args], cwd=root, check=True, capture_output=True)
    return root


def _read(path: Path) -> Reading:
    from site_gen.intake.office_import import read_file

    return read_file(path, "1")


def test_each_former_committee_plan_applies_to_its_own_cadres(kho: Path) -> None:
    result = check_repository(kho, use_cache=False)
    assert result.problems == []  # no "registration missing" for the other committee's plan
    ctx = result.context
    lam, son = ctx.cadres["nguyen-van-lam"], ctx.cadres["ho-thi-son"]
    plan_lam = ctx.plans["field-visit-plan"]["di-co-so-2024-song-lam"]
    plan_son = ctx.plans["field-visit-plan"]["di-co-so-2024-ha-son"]
    assert ctx.in_scope(lam, plan_lam) and not ctx.in_scope(lam, plan_son)  # type: ignore[arg-type]
    assert ctx.in_scope(son, plan_son) and not ctx.in_scope(son, plan_lam)  # type: ignore[arg-type]
    assert ctx.committee_of("xa-song-lam") == "tinh-doan-song-lam"  # a commune inherits its district's committee
    assert ctx.issuer_of(plan_lam).committee == SONG_LAM
    assert ctx.issuer_of(None).committee == "BCH ĐOÀN TỈNH MẪU"


def test_figures_of_a_year_before_the_merger_per_committee_and_combined(kho: Path) -> None:
    result = check_repository(kho, use_cache=False)
    data = figures(result.context, result.records(), 2024)
    assert [(c["short_name"], c["overall"]["cadres"], [p["id"] for p in c["plans"]]) for c in data["committees"]] == [
        ("Tỉnh đoàn Hà Sơn", 1, ["di-co-so-2024-ha-son"]),
        ("Tỉnh đoàn Sông Lam", 1, ["di-co-so-2024-song-lam"]),
    ]
    assert data["overall"]["cadres"] == 2
    assert {c["id"]: c["plan"] for c in data["cadres"]} == {
        "nguyen-van-lam": "di-co-so-2024-song-lam",
        "ho-thi-son": "di-co-so-2024-ha-son",
    }
    text = to_text(data)
    assert "Tỉnh đoàn Hà Sơn — kế hoạch 03-KH/TĐTN-TCKT (di-co-so-2024-ha-son):" in text
    assert text.index("Tỉnh đoàn Sông Lam — kế hoạch") < text.index("Cộng chung:")
    assert "committees" not in figures(result.context, result.records(), 2025)  # one issuer: no split


def test_forms_of_a_former_committee_name_it(kho: Path) -> None:
    result = check_repository(kho, use_cache=False)
    ctx, records = result.context, result.records()
    (form1,) = export.registrations(ctx, records, 2024, cadre="nguyen-van-lam")
    assert form1.doc.committee == SONG_LAM
    assert form1.doc.place_date.startswith("Sông Lam, ngày")
    (form2,) = export.summaries(ctx, records, 2024, unit="ban-tckt-ha-son")
    assert form2.doc.committee == HA_SON
    (blank,) = export.blanks(ctx, 2025, ["1"])
    assert blank.doc.committee == "BCH ĐOÀN TỈNH MẪU"
    (blank,) = export.blanks(ctx, 2024, ["3"], unit="huyen-ha-son")  # a district union of Hà Sơn
    assert (blank.doc.committee, blank.doc.place_date) == (HA_SON, "Hà Sơn, ngày …… tháng …… năm 2024")


@pytest.mark.parametrize("fmt", ["xlsx", "docx"])
def test_a_2024_form_1_of_a_former_committee_comes_back_and_goes_out_the_same(
    kho: Path, run: Runner, tmp_path: Path, fmt: str
) -> None:
    """The two former committees' plans share a document number: the form's heading tells them apart."""
    out = tmp_path / "bieu-mau"
    options = ["--form", "1", "--cadre", "nguyen-van-lam", "--year", "2024", "--format", fmt]
    code, printed, err = run("export", *options, "--out", str(out), "--root", str(kho))
    assert code == 0, printed + err
    (path,) = sorted(out.rglob(f"*.{fmt}"))
    first = _read(path).doc
    assert first.committee == SONG_LAM
    code, printed, _ = run("import", str(path), "--form", "1", "--root", str(kho))
    assert code == 0, printed
    assert "0 tệp tạo mới, 0 tệp cập nhật" in printed, printed
    assert "Không đổi submissions/ban-tckt-song-lam/dang-ky/2024/nguyen-van-lam.yaml" in printed, printed
    status = subprocess.run(["git", "status", "--porcelain"], cwd=kho, capture_output=True, text=True, check=True)
    assert status.stdout == ""
    again = tmp_path / "lan-2"
    code, printed, err = run("export", *options, "--out", str(again), "--root", str(kho))
    assert code == 0, printed + err
    (path2,) = sorted(again.rglob(f"*.{fmt}"))
    second = _read(path2).doc
    assert (second.committee, second.place_date, second.reference, second.rows) == (
        first.committee,
        first.place_date,
        first.reference,
        first.rows,
    )


def test_pages_name_the_former_committees_and_each_plan_its_issuer(kho: Path) -> None:
    from site_gen.site.build import generate, prepare

    result, git = prepare(kho)
    files = {name: data.decode("utf-8") for name, data in generate(kho, result, git).items() if name.endswith(".md")}
    listed = files["ke-hoach/index.md"]
    assert "- **Đoàn TNCS Hồ Chí Minh tỉnh Sông Lam** (Tỉnh đoàn Sông Lam), hoạt động đến hết ngày 30/06/2025\n" in listed
    assert "ngày 12/01/2024 — Tỉnh đoàn Hà Sơn\n" in listed
    assert "ngày 10/01/2025 — Tỉnh đoàn Mẫu\n" in listed
    page = files["ke-hoach/di-co-so-2024-song-lam.md"]
    assert "<p>BCH ĐOÀN TỈNH SÔNG LAM</p>" in page and "BCH ĐOÀN TỈNH MẪU" not in page
    assert "<em>Sông Lam, ngày 12 tháng 01 năm 2024</em>" in page
    assert "tổ chức tiền thân hoạt động đến hết ngày 30/06/2025" in page
    assert "Kế hoạch của Đoàn TNCS Hồ Chí Minh tỉnh Mẫu." in files["kiem-tra/kiem-tra-2025.md"]
    home = files["index.md"]
    assert "hoạt động đến hết ngày 30/06/2025: Hợp nhất vào Tỉnh đoàn Mẫu từ 01/07/2025\n" in home
    assert '<tr data-to-chuc="tinh-doan-song-lam"><th scope="row">Tỉnh đoàn Sông Lam</th>' in home
    unit = "| Thuộc tổ chức | Đoàn TNCS Hồ Chí Minh tỉnh Sông Lam (tổ chức tiền thân, hoạt động đến hết ngày 30/06/2025) |"
    assert unit in files["don-vi/xa-song-lam.md"]  # a commune of a former district union: its committee
    assert "Thuộc tổ chức" not in files["don-vi/xa-a1.md"]
