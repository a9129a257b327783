"""Units through time: a unit's earlier states (``history``), sectors with dates, and every lookup as of a day.

A ward that keeps an old commune's name keeps its id: its history says what it was called and where it stood
before. Pages, forms and intake name it, place it and resolve it as it was on the record's date.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from site_gen.checker import check_repository
from site_gen.codeowners import owners_for, parse, render
from site_gen.intake.issue_answers import Reader
from site_gen.intake.issue_form import FORM_BY_NAME, Section
from site_gen.intake.office_import import FormImport
from site_gen.intake.parse import find_unit, find_units
from site_gen.intake.repository import load
from site_gen.kinds import REGISTRATION
from site_gen.kinds.intake import Invalid
from site_gen.kinds.unit import Unit, exists_on, states, unit_on
from site_gen.model import Context, Record, of_kind
from site_gen.office.document import Cell, FormDoc
from site_gen.office.layout import place_text, registration_form
from site_gen.office.reading import Reading
from tests.conftest import Runner, make_repo

D = dt.date


def unit(ident: str, name: str, **more: Any) -> dict[str, Any]:
    return {"kind": "unit", "id": ident, "name": name, "type": more.pop("type", "grassroots"), **more}


# A commune renamed a ward and moved from one district to another on 01/07/2025, keeping its id;
# an old commune dissolved that day whose short name the new ward took.
WARD = unit(
    "phuong-an-loc",
    "Đoàn phường An Lộc",
    short_name="An Lộc",
    parent="tinh",
    locality={"name": "Phường An Lộc", "level": "ward"},
    history=[
        {"until": "2023-12-31", "name": "Đoàn xã An Lộc Đông", "short_name": "An Lộc Đông", "parent": "huyen-a"},
        {"until": "2025-06-30", "name": "Đoàn xã Tân Lộc", "short_name": "Tân Lộc", "parent": "huyen-b", "sector": "huyen"},
    ],
)
OLD = unit("xa-an-loc", "Đoàn xã An Lộc", short_name="An Lộc", parent="huyen-a", dissolved="2025-07-01")
UNITS = [
    unit("tinh", "Tỉnh đoàn", type="leadership"),
    unit("huyen-a", "Huyện đoàn A", type="district", sector="huyen", dissolved="2025-07-01"),
    unit("huyen-b", "Huyện đoàn B", type="district", sector="huyen", dissolved="2025-07-01"),
    WARD,
    OLD,
]
ORG = {
    "kind": "organisation",
    "id": "to-chuc",
    "name": "Tỉnh đoàn Mẫu",
    "short_name": "Tỉnh đoàn",
    "level": "province",
    "place": "Mẫu",
    "committee": "BCH",
    "register_owner": "tinh",
    "sectors": [
        {"id": "huyen", "name": "Huyện", "until": "2025-06-30"},
        {"id": "xa-phuong", "name": "Xã, phường", "from": "2025-07-01"},
        {"id": "khoi", "name": "Khối"},
    ],
}


@pytest.fixture
def ctx() -> Context:
    records = [Record(f"submissions/tinh/don-vi/{u['id']}.yaml", "unit", u) for u in UNITS]
    records.append(Record("submissions/tinh/to-chuc.yaml", "organisation", ORG))
    return Context.from_records(records)


# -- unit_on ----------------------------------------------------------------------------------------


def test_a_unit_without_history_is_itself_on_any_day() -> None:
    model = Unit.load(OLD)
    assert unit_on(model, D(2020, 1, 1)) is model  # no copy: asking costs one attribute read


def test_each_state_lasts_until_its_day_and_leaves_out_what_the_next_one_says() -> None:
    model = Unit.load(WARD)
    assert (unit_on(model, D(2023, 12, 31)).name, unit_on(model, D(2023, 12, 31)).parent) == ("Đoàn xã An Lộc Đông", "huyen-a")
    assert (unit_on(model, D(2024, 1, 1)).name, unit_on(model, D(2024, 1, 1)).parent) == ("Đoàn xã Tân Lộc", "huyen-b")
    now = unit_on(model, D(2025, 7, 1))
    assert now is model and now.parent == "tinh"
    # a field a state leaves out is as in the state after it: the 2023 state says no sector, the 2024 one does
    assert unit_on(model, D(2023, 6, 1)).sector == "huyen"
    assert unit_on(model, D(2023, 6, 1)).locality == model.locality  # (no state says a locality: today's)
    assert unit_on(model, D(2023, 6, 1)).id == "phuong-an-loc"


def test_states_and_existence() -> None:
    model = Unit.load(WARD)
    assert [(first, last, state.name) for first, last, state in states(model)] == [
        (None, D(2023, 12, 31), "Đoàn xã An Lộc Đông"),
        (D(2024, 1, 1), D(2025, 6, 30), "Đoàn xã Tân Lộc"),
        (D(2025, 7, 1), None, "Đoàn phường An Lộc"),
    ]
    old = Unit.load(OLD)
    assert exists_on(old, D(2025, 6, 30)) and not exists_on(old, D(2025, 7, 1))


# -- the context as of a day -------------------------------------------------------------------------------


def test_names_districts_and_sectors_as_of_a_day(ctx: Context) -> None:
    assert ctx.unit_name_on("phuong-an-loc", D(2024, 3, 1)) == "Đoàn xã Tân Lộc"
    assert ctx.unit_name_on("phuong-an-loc", None) == ctx.unit_name("phuong-an-loc") == "Đoàn phường An Lộc"
    assert ctx.district_on("phuong-an-loc", D(2023, 3, 1)) == "huyen-a"
    assert ctx.district_on("phuong-an-loc", D(2024, 3, 1)) == "huyen-b"
    assert ctx.district_on("phuong-an-loc", D(2026, 3, 1)) is None
    assert ctx.district_on("phuong-an-loc", None) == ctx.district_of("phuong-an-loc") is None
    assert [u.id for u in ctx.ancestors_on("phuong-an-loc", D(2024, 3, 1))] == ["phuong-an-loc", "huyen-b"]
    assert ctx.sector_on("phuong-an-loc", D(2024, 3, 1)) == "huyen"
    assert ctx.sector_on("phuong-an-loc", D(2026, 3, 1)) is None
    assert ctx.unit_state("nowhere", D(2024, 1, 1)) is None


def test_sectors_of_a_year(ctx: Context) -> None:
    assert [s.id for s in ctx.sectors_in_year(2024)] == ["huyen", "khoi"]
    assert [s.id for s in ctx.sectors_in_year(2025)] == ["huyen", "xa-phuong", "khoi"]
    assert [s.id for s in ctx.sectors_in_year(2026)] == ["xa-phuong", "khoi"]


# -- intake: a name resolves to the unit that had it on the record's date ----------------------------------


def test_a_name_resolves_to_the_unit_that_had_it_that_day(ctx: Context) -> None:
    assert find_unit(ctx, "An Lộc", D(2024, 5, 1)).id == "xa-an-loc"
    assert find_unit(ctx, "An Lộc", D(2026, 5, 1)).id == "phuong-an-loc"
    assert find_unit(ctx, "Đoàn xã Tân Lộc", D(2024, 5, 1)).id == "phuong-an-loc"
    assert find_unit(ctx, "doan xa tan loc", D(2024, 5, 1)).id == "phuong-an-loc"  # without diacritics, too
    assert find_units(ctx, "An Lộc, Tân Lộc", D(2024, 5, 1)) == ["xa-an-loc", "phuong-an-loc"]
    # a name of no unit of that day still finds the register's unit (the checker then says it was dissolved)
    assert find_unit(ctx, "Đoàn xã An Lộc", D(2026, 5, 1)).id == "xa-an-loc"
    with pytest.raises(Invalid) as caught:
        find_unit(ctx, "An Lộc")  # undated: both units answer to it
    assert caught.value.code == "issue.ambiguous-unit"


# -- a repository: rules, forms, CODEOWNERS, new ------------------------------------------------------------

RENAMED = """kind: unit
id: ban-tckt
name: Ban Tổ chức – Kiểm tra
type: department
approvers: ["@mau/ban-tckt-duyet"]
submitters: ["@mau/ban-tckt-nop"]
abbreviation: TCKT
history:
  - until: 2025-12-31
    name: Ban Tổ chức
"""


def test_a_form_of_2025_names_the_unit_as_it_was_then(tmp_path: Path) -> None:
    root = make_repo(tmp_path / "repo")
    (root / "submissions/ban-tckt/don-vi/ban-tckt.yaml").write_text(RENAMED, encoding="utf-8")
    xa = root / "submissions/ban-tckt/don-vi/xa-a1.yaml"
    xa.write_text(
        xa.read_text(encoding="utf-8") + "history:\n  - until: 2025-06-30\n    name: Đoàn xã An Phú Cũ\n", encoding="utf-8"
    )
    result = check_repository(root, use_cache=False)
    assert [p.code for p in result.problems] == []
    ctx = result.context
    record = next(r for r in result.records() if r.file.endswith("dang-ky/2025/tran-thi-mai.yaml"))
    form = registration_form(ctx, of_kind(REGISTRATION, record))
    assert form.unit_line == "BAN TỔ CHỨC"  # submitted 11/02/2025: the name of that day
    rows = of_kind(REGISTRATION, record).model.rows
    assert place_text(ctx, rows[0]) == "Đoàn xã An Phú Cũ"  # a visit of March 2025
    # CODEOWNERS goes by id: a renamed unit keeps its folder and its approvers
    assert owners_for("submissions/ban-tckt/dang-ky/2025/x.yaml", parse(render(ctx, D(2026, 1, 1)))) == ("@mau/ban-tckt-duyet",)


def test_a_dissolved_unit_keeps_its_folder_readable_but_not_approvable(tmp_path: Path) -> None:
    root = make_repo(tmp_path / "repo")
    unit_file = root / "submissions/ban-tckt/don-vi/thuong-truc.yaml"
    unit_file.write_text(unit_file.read_text(encoding="utf-8") + "dissolved: 2026-01-01\n", encoding="utf-8")
    result = check_repository(root, use_cache=False)
    # its 2025 records stay as they were, valid: history is kept
    assert [p for p in result.problems if p.file.startswith("submissions/thuong-truc/")] == []
    assert any(r.file.startswith("submissions/thuong-truc/bao-cao/2025/") for r in result.records())
    text = render(result.context, D(2026, 1, 1))
    keeper = owners_for("submissions/ban-tckt/x.yaml", parse(text))
    assert owners_for("submissions/thuong-truc/bao-cao/2025/quy-1.yaml", parse(text)) == keeper  # the register keeper's


def test_new_refuses_a_unit_that_did_not_exist_on_the_records_date(tmp_path: Path, run: Runner) -> None:
    root = make_repo(tmp_path / "repo")
    unit_file = root / "submissions/ban-tckt/don-vi/xa-a1.yaml"
    unit_file.write_text(unit_file.read_text(encoding="utf-8") + "dissolved: 2025-07-01\n", encoding="utf-8")
    args = ("new", "good-model", "--root", str(root), "--unit", "xa-a1", "--id", "mo-hinh-moi")
    code, _, err = run(*args, "--date", "2025-08-01", "--stdout")
    assert code == 2
    assert "Đoàn xã An Phú" in err and "01/07/2025" in err and "01/08/2025" in err
    code, out, _ = run(*args, "--date", "2025-06-30", "--stdout")  # an old record: still the unit of that day
    assert code == 0 and "xa-a1" in out
    unit_file.write_text(unit_file.read_text(encoding="utf-8").replace("dissolved", "established"), encoding="utf-8")
    code, _, err = run(*args, "--date", "2025-06-30", "--stdout")
    assert code == 2 and "thành lập từ ngày 01/07/2025" in err


# -- an Office form of 2024 and one of 2026 ----------------------------------------------------------------

OLD_COMMUNE = """kind: unit
id: xa-an-loc-cu
name: Đoàn xã An Lộc
short_name: An Lộc
type: grassroots
parent: huyen-a
dissolved: 2025-07-01
"""
NEW_WARD = """kind: unit
id: xa-a2
name: Đoàn phường An Lộc
short_name: An Lộc
type: grassroots
approvers: ["@mau/xa-a2-duyet"]
submitters: ["@mau/xa-a2-nop"]
parent: huyen-a
history:
  - until: 2025-06-30
    name: Đoàn xã An Lộc Tây
    short_name: An Lộc Tây
"""


def test_an_office_form_names_units_as_of_its_dates(tmp_path: Path) -> None:

    root = make_repo(tmp_path / "repo")
    (root / "submissions/ban-tckt/don-vi/xa-an-loc-cu.yaml").write_text(OLD_COMMUNE, encoding="utf-8")
    (root / "submissions/ban-tckt/don-vi/xa-a2.yaml").write_text(NEW_WARD, encoding="utf-8")

    def reader(place_date: str, unit_line: str = "") -> FormImport:
        doc = FormDoc("3", place_date=place_date, unit_line=unit_line)
        return FormImport(root, Reading(doc), "3", None, "vi", D(2026, 11, 20))

    form = reader("Mẫu, ngày 05 tháng 3 năm 2024")
    assert form.form_day() == D(2024, 3, 5)
    # "An Lộc" on a 2024 visit is the old commune; on a 2026 visit the ward that took its name
    assert form.places(Cell("An Lộc"), "", ("2024-03-01", "2024-03-02")) == (["xa-an-loc-cu"], "")
    assert form.places(Cell("An Lộc"), "", ("2026-03-01", "2026-03-02")) == (["xa-a2"], "")
    assert form.places(Cell("An Lộc Tây"), "", ("2024-03-01", "2024-03-02")) == (["xa-a2"], "")
    assert form.places(Cell("An Lộc"), "") == (["xa-an-loc-cu"], "")  # no period: the form's date
    assert reader("Mẫu, ngày 05 tháng 3 năm 2024", "ĐOÀN XÃ AN LỘC").report_unit().id == "xa-an-loc-cu"  # type: ignore[union-attr]
    assert reader("Mẫu, ngày 05 tháng 3 năm 2026", "ĐOÀN PHƯỜNG AN LỘC").report_unit().id == "xa-a2"  # type: ignore[union-attr]
    assert reader("", "AN LỘC").report_unit().id == "xa-a2"  # type: ignore[union-attr]  # no date: the day of the import


def test_issue_form_answers_name_units_as_of_their_dates(tmp_path: Path) -> None:
    root = make_repo(tmp_path / "repo")
    (root / "submissions/ban-tckt/don-vi/xa-an-loc-cu.yaml").write_text(OLD_COMMUNE, encoding="utf-8")
    (root / "submissions/ban-tckt/don-vi/xa-a2.yaml").write_text(NEW_WARD, encoding="utf-8")
    loaded = load(root, "2026-11-20")
    form = FORM_BY_NAME["mau-3-bao-cao"]

    def answers(**values: str) -> Reader:
        return Reader(form, [Section(form.field(k).label, v) for k, v in values.items()], loaded, "vi")

    assert answers(unit="An Lộc", submitted="05/03/2024").unit("submitted").id == "xa-an-loc-cu"  # type: ignore[union-attr]
    assert answers(unit="An Lộc", submitted="05/03/2026").unit("submitted").id == "xa-a2"  # type: ignore[union-attr]
    assert answers(unit="An Lộc").unit("submitted").id == "xa-a2"  # type: ignore[union-attr]  # no date: the day of the intake
    r = answers(places="An Lộc, An Lộc Tây", **{"from": "01/03/2024"})
    assert r.read("places", lambda t: find_units(r.ctx, t, r.day("from"))) == ["xa-an-loc-cu", "xa-a2"]


def test_coverage_places_a_visit_in_the_district_of_its_day(ctx: Context) -> None:
    from site_gen import coverage

    assert coverage._district_on(ctx, "phuong-an-loc", D(2023, 3, 1), D(2023, 3, 1)) == "huyen-a"
    assert coverage._district_on(ctx, "phuong-an-loc", D(2024, 3, 1), D(2024, 3, 1)) == "huyen-b"
    assert coverage._district_on(ctx, "phuong-an-loc", D(2026, 3, 1), D(2026, 3, 1)) is None


def test_a_new_inspection_plan_lists_the_sectors_in_use_that_year(tmp_path: Path, run: Runner) -> None:
    root = make_repo(tmp_path / "repo")
    org = root / "submissions/ban-tckt/to-chuc.yaml"
    text = org.read_text(encoding="utf-8").replace(
        "    name: Huyện, thị, thành đoàn\n", "    name: Huyện, thị, thành đoàn\n    until: 2025-06-30\n"
    )
    org.write_text(text + "  - id: xa-phuong\n    name: Xã, phường, đặc khu\n    from: 2025-07-01\n", encoding="utf-8")
    for year, sectors in (
        ("2024", "[huyen, truc-thuoc]"),
        ("2025", "[huyen, truc-thuoc, xa-phuong]"),
        ("2026", "[truc-thuoc, xa-phuong]"),
    ):
        code, out, _ = run("new", "inspection-plan", "--root", str(root), "--year", year, "--id", f"kt-{year}", "--stdout")
        assert code == 0 and f"\nsectors: {sectors}\n" in out
