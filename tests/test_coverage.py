"""Coverage for any shape: district unions before the 2025 reform, communes, wards and special zones after.

Three organisations: the base (pre-reform only, one shape), and the case ``coverage-reform`` (the base through
the reform on 01/07/2025: districts dissolved, 26 communes, wards and one special zone established) whose 2025
spans the reform and whose 2026 has two tiers only.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from site_gen import gitinfo
from site_gen.checker import CheckResult, check_repository
from site_gen.coverage import headlines, parts, periods, shape_note
from site_gen.kinds import QUARTERLY_REPORT
from site_gen.model import Context, Record, of_kind
from site_gen.site.build import generate
from site_gen.stats import figures, to_text
from tests.conftest import CASES, make_repo

REFORM = CASES / "valid" / "coverage-reform"


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> CheckResult:
    return check_repository(make_repo(tmp_path_factory.mktemp("base") / "repo"), use_cache=False)


@pytest.fixture(scope="module")
def reform_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_repo(tmp_path_factory.mktemp("reform") / "repo", REFORM)


@pytest.fixture(scope="module")
def reform(reform_root: Path) -> CheckResult:
    result = check_repository(reform_root, use_cache=False)
    assert result.problems == []
    return result


def year(result: CheckResult, number: int) -> dict[str, Any]:
    return figures(result.context, result.records(), number)


def reported(result: CheckResult, number: int) -> int:
    plans = {f"di-co-so-{number}"}
    return sum(len(r.data["visits"]) for r in result.records() if r.kind == "quarterly-report" and r.data["plan"] in plans)


def test_a_year_before_the_reform_has_one_shape(base: CheckResult) -> None:
    data = year(base, 2025)
    (part,) = data["coverage"]
    assert (part["from"], part["to"], part["tiers"]) == ("2025-01-01", "2025-12-31", 3)
    assert headlines(data["coverage"]) == ["2/3 huyện, thị, thành đoàn và đoàn trực thuộc đã có cán bộ về cơ sở."]
    assert [row["unit"] for row in part["rows"]] == [d["unit"] for d in data["districts"]]
    assert part["communes"] == data["communes"]
    assert (part["disadvantaged"], part["disadvantaged_visited"]) == (1, 1)
    text = to_text(data)
    assert "\n2/3 huyện, thị, thành đoàn và đoàn trực thuộc đã có cán bộ về cơ sở.\n" in text
    assert "Cơ sở Đoàn xã, thị trấn: 3/3 đơn vị đã có cán bộ về cơ sở." in text


def test_a_year_that_spans_the_reform_shows_both_shapes(reform: CheckResult) -> None:
    data = year(reform, 2025)
    before, after = data["coverage"]
    assert (before["from"], before["to"], before["tiers"]) == ("2025-01-01", "2025-06-30", 3)
    assert (after["from"], after["to"], after["tiers"]) == ("2025-07-01", "2025-12-31", 2)
    assert headlines(data["coverage"]) == [
        "Từ 01/01/2025 đến 30/06/2025: 2/3 huyện, thị, thành đoàn và đoàn trực thuộc đã có cán bộ về cơ sở.",
        "Từ 01/07/2025 đến 31/12/2025: 2/27 xã, phường, đặc khu đã có cán bộ về cơ sở.",
    ]
    text = to_text(data)
    for line in headlines(data["coverage"]):
        assert f"\n{line}\n" in text
    # every visit lands in exactly one part; none is lost after the reform
    assert before["visits"] + after["visits"] == reported(reform, 2025) == 7
    assert before["outside"]["visits"] == after["outside"]["visits"] == 0
    # each part counts against the units that existed then: no dissolved district after, no new ward before
    assert [r["unit"] for r in before["rows"]] == ["doan-khoi", "huyen-a", "huyen-b"]
    assert before["communes"]["total"] == 3 and "xa-phu-an" not in before["communes"]["unvisited"]
    assert {r["unit"] for r in after["rows"]} >= {"xa-a2", "xa-phu-an", "phuong-binh-thanh", "dac-khu-hon-ngoc"}
    assert not {"huyen-a", "huyen-b", "xa-a1", "xa-b1"} & {r["unit"] for r in after["rows"]}
    assert after["by_level"] == {
        "commune": {"total": 23, "visited": 1},
        "ward": {"total": 3, "visited": 1},
        "special-zone": {"total": 1, "visited": 0},
    }
    assert [r["unit"] for r in after["affiliated"]] == ["doan-khoi"]
    # the commune that kept its id counts, after the reform, under no district: where it lay on the visit's day
    an_loc = next(r for r in after["rows"] if r["unit"] == "xa-a2")
    assert (an_loc["visits"], an_loc["days"], an_loc["cadres"]) == (1, 30, ["tran-thi-mai"])
    assert next(r for r in before["rows"] if r["unit"] == "huyen-a")["visits"] == 3
    # the disadvantaged commune visited before it merged keeps its visits as disadvantaged ones
    assert (before["disadvantaged"], before["disadvantaged_visited"], before["disadvantaged_visits"]) == (1, 1, 2)
    assert (after["disadvantaged"], after["disadvantaged_visited"]) == (2, 0)


def test_a_two_tier_year(reform: CheckResult) -> None:
    data = year(reform, 2026)
    (part,) = data["coverage"]
    assert part["tiers"] == 2
    assert headlines(data["coverage"]) == ["4/27 xã, phường, đặc khu đã có cán bộ về cơ sở."]
    assert part["visits"] == reported(reform, 2026) == 4
    assert part["affiliated"][0]["visits"] == 1  # the affiliated union keeps its own row
    assert (part["disadvantaged"], part["disadvantaged_visited"]) == (2, 2)
    assert "\n4/27 xã, phường, đặc khu đã có cán bộ về cơ sở.\n" in to_text(data)
    assert "Huyện đoàn" not in to_text(data)
    # the whole-year figures other readers use keep working
    assert [d["unit"] for d in data["districts"]] == ["doan-khoi"] and data["communes"]["total"] == 27


def test_figures_compared_across_years_say_when_the_shapes_differ(base: CheckResult, reform: CheckResult) -> None:
    before, spanning, after = year(base, 2025), year(reform, 2025), year(reform, 2026)
    assert shape_note(2026, after["coverage"], 2024, before["coverage"]) == (
        "Năm 2024 tính theo huyện, thị, thành đoàn; năm 2026 tính theo xã, phường, đặc khu."
    )
    assert shape_note(2026, after["coverage"], 2025, spanning["coverage"]) == (
        "Năm 2025 tính theo huyện, thị, thành đoàn / xã, phường, đặc khu; năm 2026 tính theo xã, phường, đặc khu."
    )
    assert shape_note(2026, after["coverage"], 2025, after["coverage"]) == ""


def unit(ident: str, **fields: Any) -> Record:
    return Record(f"submissions/ban-tckt/don-vi/{ident}.yaml", "unit", {"kind": "unit", "id": ident, "name": ident, **fields})


def test_the_boundary_comes_from_the_register() -> None:
    """No fixed date: districts dissolved on 01/04 make the year's second part start on 01/04."""
    ctx = Context.from_records([
        unit("h", type="district", dissolved="2025-04-01"),
        unit("x", type="grassroots", parent="h", locality={"name": "X", "level": "commune"}, dissolved="2025-04-01"),
        unit("p", type="grassroots", locality={"name": "P", "level": "ward"}, established="2025-04-01"),
    ])  # fmt: skip
    first, last = dt.date(2025, 1, 1), dt.date(2025, 12, 31)
    assert periods(ctx, first, last) == [
        (first, dt.date(2025, 3, 31), 3),
        (dt.date(2025, 4, 1), last, 2),
    ]
    assert periods(ctx, dt.date(2026, 1, 1), dt.date(2026, 12, 31)) == [(dt.date(2026, 1, 1), dt.date(2026, 12, 31), 2)]
    assert periods(ctx, dt.date(2024, 1, 1), dt.date(2024, 12, 31)) == [(dt.date(2024, 1, 1), dt.date(2024, 12, 31), 3)]


def test_a_visit_to_no_known_unit_counts_apart_not_dropped() -> None:
    ctx = Context.from_records([unit("p", type="grassroots", locality={"name": "P", "level": "ward"})])
    report = Record("submissions/x/bao-cao/2026/quy-1.yaml", "quarterly-report", {
        "plan": "p", "unit": "x", "quarter": 1, "submitted": "2026-03-20",
        "visits": [
            {"cadre": "a", "category": "1.1", "days": 3, "from": "2026-01-05", "to": "2026-01-07", "places": ["nowhere"]},
            {"cadre": "a", "category": "1.1", "days": 2, "from": "2026-02-05", "to": "2026-02-06", "places": []},
            {"cadre": "a", "category": "1.1", "days": 4, "from": "2026-03-05", "to": "2026-03-08", "places": ["p"]},
        ],
    })  # fmt: skip
    (part,) = parts(ctx, of_kind(QUARTERLY_REPORT, report).model.visits, 2026)
    assert part["visits"] == 3 and part["outside"] == {"visits": 2, "days": 5}
    assert (part["total"], part["visited"]) == (1, 1)


def test_the_coverage_pages_follow_the_shapes(reform_root: Path, reform: CheckResult) -> None:
    files = generate(reform_root, reform, gitinfo.read(reform_root))
    page = files["dia-ban/2025.md"].decode("utf-8")
    assert '<h2 id="giai-doan-1">Từ 01/01/2025 đến 30/06/2025</h2>' in page
    assert '<h2 id="giai-doan-2">Từ 01/07/2025 đến 31/12/2025</h2>' in page
    assert "Từ 01/07/2025 đến 31/12/2025: 2/27 xã, phường, đặc khu đã có cán bộ về cơ sở." in page
    assert page.count('id="huyen-a-1"') == 1 and 'id="huyen-a-2"' not in page
    assert 'id="dac-khu-hon-ngoc-2"' in page and 'id="dac-khu-hon-ngoc-1"' not in page
    index = files["dia-ban/index.md"].decode("utf-8")
    assert "Năm 2025 tính theo huyện, thị, thành đoàn / xã, phường, đặc khu; năm 2026 tính theo xã, phường, đặc khu." in index
    home = files["index.md"].decode("utf-8")
    assert (
        '<span class="so-lieu__so" data-so="units">4/27</span>'
        '<span class="so-lieu__nhan">xã, phường, đặc khu đã có cán bộ về cơ sở</span>'
    ) in home
    assert "xã, phường, đặc khu đã có cán bộ về cơ sở (từ 01/07/2025 đến 31/12/2025)" in home


def test_the_text_names_visits_that_reach_no_unit() -> None:
    plan = Record("submissions/x/ke-hoach/p.yaml", "field-visit-plan", {
        "id": "p", "year": 2026, "min_days": 10, "document": {"number": "1-KH"},
        "categories": [{"code": "1.1", "name": "A"}], "role_groups": [{"group": "leader", "name": "L", "focus": ["1.1"]}],
        "deadlines": {"quarterly_report": {"day_of_last_month": 27}}, "window": {"from": "2026-01-01", "to": "2026-12-31"},
    })  # fmt: skip
    cadre = Record(
        "submissions/x/can-bo/a.yaml", "cadre", {"id": "a", "name": "Võ An", "unit": "x", "post": "P", "role_group": "leader"}
    )
    ward = unit("p", type="grassroots", locality={"name": "P", "level": "ward"})
    report = Record("submissions/x/bao-cao/2026/quy-1.yaml", "quarterly-report", {
        "plan": "p", "unit": "x", "quarter": 1, "submitted": "2026-03-20",
        "visits": [{"cadre": "a", "category": "1.1", "days": 12, "from": "2026-01-05", "to": "2026-01-20", "places": []}],
    })  # fmt: skip
    data = figures(Context.from_records([plan, cadre, ward]), [plan, cadre, ward, report], 2026)
    text = to_text(data)
    assert "\n0/1 phường đã có cán bộ về cơ sở.\n" in text
    assert "Không thuộc đơn vị nào: 1 chuyến, 12 ngày." in text
