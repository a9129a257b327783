"""The sample organisation: no error, the intended warnings, plausible figures.

2024 and 2025 are complete years; 2026 is in progress, as the records stand on
20/11/2026 (see tools/make_sample.py). The organisation is a merged province: the
former committee of Hải Lâm merged into Bình An on 01/07/2025, when the district
level ended and the communes were merged into unions directly under the committee.
"""

from __future__ import annotations

import pytest

from site_gen.checker import check_repository
from site_gen.stats import figures
from tests.conftest import ROOT

SNAPSHOT = "2026-11-20"


@pytest.fixture(scope="module")
def result():  # type: ignore[no-untyped-def]
    return check_repository(ROOT, use_cache=False)


def of_kind(result, kind: str) -> list:  # type: ignore[no-untyped-def]
    return [r for r in result.records() if r.kind == kind]


def test_no_error_and_only_the_intended_warnings(result) -> None:  # type: ignore[no-untyped-def]
    assert [p for p in result.problems if p.severity.value == "error"] == []
    codes = sorted(p.code for p in result.problems)
    # the 2026 inspections start after the snapshot: no result yet, and no warning for that
    assert codes == ["rule.late", "rule.visit-unregistered"]
    by_code = {p.code: p for p in result.problems}
    assert "/2025/" in by_code["rule.late"].file and "/2025/" in by_code["rule.visit-unregistered"].file


def test_size_and_coverage_of_the_sample(result) -> None:  # type: ignore[no-untyped-def]
    kinds: dict[str, int] = {}
    for record in result.records():
        kinds[record.kind] = kinds.get(record.kind, 0) + 1
    assert kinds["cadre"] >= 40
    assert kinds["inspection-result"] == 13 and kinds["field-visit-plan"] == 5 and kinds["inspection-plan"] == 2
    assert kinds["midterm-survey"] >= 1 and kinds["good-model"] >= 5 and kinds["remediation-progress"] >= 4
    units = [r for r in result.records() if r.kind == "unit"]
    assert sum(1 for u in units if u.data["type"] in ("department", "office")) >= 7
    assert sum(1 for u in units if u.data["type"] == "district") == 11
    assert any(u.data.get("disadvantaged") for u in units)
    plans = {r.data["year"]: r for r in of_kind(result, "inspection-plan")}
    assert sorted(plans) == [2025, 2026]
    assert len(plans[2025].data["teams"]) == 6 and len(plans[2026].data["teams"]) == 6


@pytest.mark.parametrize("year", [2024, 2025])
def test_figures_are_plausible(result, year: int) -> None:  # type: ignore[no-untyped-def]
    data = figures(result.context, result.records(), year)
    statuses = [c["status"] for c in data["cadres"]]
    assert statuses.count("not-yet") >= 2 and statuses.count("exempt") >= 3
    assert all(c["registered"] for c in data["cadres"] if c["status"] != "exempt")
    assert 55 < data["overall"]["average_days"] < 75
    if year == 2025:
        assert sum(1 for d in data["districts"] if not d["visited"]) == 1
        assert data["reports"]["late"] == 1 and data["reports"]["missing"] == []
        assert data["unregistered_visits"] == 1
    else:
        assert data["reports"]["missing"] == [] and data["reports"]["late"] == 0


# -- 2026: the year in progress ------------------------------------------------------------------


def test_2026_reports_stop_at_the_snapshot(result) -> None:  # type: ignore[no-untyped-def]
    data = figures(result.context, result.records(), 2026)
    reports = data["reports"]
    units = sorted({c["unit"] for c in data["cadres"] if c["status"] != "exempt"})
    assert len(units) == 13 and reports["received"] == 3 * 13 - 1 and reports["late"] == 0
    assert [m for m in reports["missing"] if m["quarter"] == 3] == [
        {"unit": "xa-phuoc-lam", "quarter": 3, "plan": "di-co-so-2026"}
    ]
    assert [m for m in reports["missing"] if m["quarter"] in (1, 2)] == []
    assert sorted(m["unit"] for m in reports["missing"] if m["quarter"] == 4) == units  # not due yet
    assert not any(r["quarter"] == 4 for r in reports["items"])
    mine = [r for r in of_kind(result, "quarterly-report") if r.data["plan"] == "di-co-so-2026"]
    assert len(mine) == 38
    assert all(r.data["submitted"] <= SNAPSHOT for r in mine)
    assert all(v["to"] <= "2026-09-30" and v["to"] <= SNAPSHOT for r in mine for v in r.data["visits"])


def test_2026_cadres_are_under_way(result) -> None:  # type: ignore[no-untyped-def]
    data = figures(result.context, result.records(), 2026)
    statuses = [c["status"] for c in data["cadres"]]
    assert statuses.count("reached") >= 1 and statuses.count("not-yet") >= 10 and statuses.count("exempt") >= 3
    assert all(c["registered"] for c in data["cadres"] if c["status"] != "exempt")
    assert data["unregistered_visits"] == 0
    registrations = [r for r in of_kind(result, "registration") if r.data["plan"] == "di-co-so-2026"]
    assert len(registrations) == statuses.count("reached") + statuses.count("not-yet")
    assert all(r.data["submitted"] < "2026-02-15" for r in registrations)
    new_exemptions = [
        e for c in of_kind(result, "cadre") for e in c.data.get("exemptions", []) if e["year"] == 2026 and "from" in e
    ]
    assert new_exemptions and all(e["from"].startswith("2026-") for e in new_exemptions)


def test_2026_inspections_are_planned_not_held(result) -> None:  # type: ignore[no-untyped-def]
    plan = next(r for r in of_kind(result, "inspection-plan") if r.data["year"] == 2026)
    dates = sorted(row["date"] for row in plan.data["schedule"])
    assert plan.data["document"]["date"] < SNAPSHOT < dates[0]
    assert (dates[0], dates[-1]) == ("2026-11-24", "2026-12-05")
    due = [item["due"]["date"] for item in plan.data["deadlines"]]
    assert any(d < SNAPSHOT for d in due) and any(d > SNAPSHOT for d in due)
    # two units have sent their documents: results waiting for their visits, nothing assessed
    waiting = [r for r in of_kind(result, "inspection-result") if r.data["plan"] == plan.id]
    assert sorted(r.data["unit"] for r in waiting) == ["phuong-an-khanh", "phuong-thuan-an"]
    assert all(r.data["status"] == "scheduled" and r.data["documents_received"] < SNAPSHOT for r in waiting)
    assert all(not {"final_score", "classification", "rank"} & set(r.data) for r in waiting)
    assert not [r for r in of_kind(result, "remediation-progress") if r.data["period"]["to"] >= "2026-01-01"]


# -- the merged province: the scenario of issue 11 -------------------------------------------------------


def test_the_register_follows_the_reform(result) -> None:  # type: ignore[no-untyped-def]
    """Two former committees' units end on 01/07/2025; 25 unions of communes, wards and one special zone start,
    directly under the committee; a ward keeps its id and name; the reform is recorded once, as decisions."""
    units = {r.id: r.model for r in of_kind(result, "unit")}
    new = [u for u in units.values() if u.type == "grassroots" and u.parent is None]
    assert len(new) == 25 and all(u.sector == "xa-phuong" for u in new)
    assert [u.id for u in new if u.locality and u.locality.level == "special-zone"] == ["dac-khu-hon-ngoc"]
    districts = [u for u in units.values() if u.type == "district"]
    assert all(str(u.dissolved) == "2025-07-01" for u in districts)
    kept = units["phuong-an-khanh"]
    assert kept.established is None and kept.dissolved is None and [h.parent for h in kept.history] == ["thanh-doan-an-khanh"]
    org = result.context.org.model
    assert [p.id for p in org.predecessors] == ["tinh-doan-hai-lam"]
    assert {u.committee for u in units.values() if u.committee} == {"tinh-doan-hai-lam"}
    decisions = {r.id: r.model for r in of_kind(result, "reorganisation")}
    merged = {unit for d in decisions.values() for c in d.changes if c.change in ("merge", "absorb") for unit in c.from_}
    assert len(merged) >= 50 and all(str(d.effective) == "2025-07-01" for k, d in decisions.items() if "doi-ten" not in k)


def test_cadres_who_moved_keep_one_record(result) -> None:  # type: ignore[no-untyped-def]
    cadres = {r.id: r.model for r in of_kind(result, "cadre")}
    moved = {ident for ident, c in cadres.items() if c.assignments}
    assert {"tran-van-hai", "huynh-thanh-tam", "pham-van-sang", "nguyen-thanh-cong"} <= moved and len(moved) == 11
    # each year's figures put a moved cadre on the plan of the committee they worked for
    for year, plan, unit in ((2024, "di-co-so-2024-hai-lam", "hai-lam-thuong-truc"), (2026, "di-co-so-2026", "thuong-truc")):
        hai = next(c for c in figures(result.context, result.records(), year)["cadres"] if c["id"] == "tran-van-hai")
        assert (hai["plan"], hai["unit"]) == (plan, unit)


def test_each_year_is_counted_against_the_units_that_existed(result) -> None:  # type: ignore[no-untyped-def]
    """The headlines of the three years: 2024 by district unions, 2025 in two parts, 2026 by communes and wards."""
    parts = {year: figures(result.context, result.records(), year)["coverage"] for year in (2024, 2025, 2026)}
    assert [p["tiers"] for p in parts[2024]] == [3] and [p["tiers"] for p in parts[2026]] == [2]
    assert [(p["from"], p["to"], p["tiers"]) for p in parts[2025]] == [
        ("2025-01-01", "2025-06-30", 3),
        ("2025-07-01", "2025-12-31", 2),
    ]
    first, second = parts[2025]
    assert first["total"] == 13 and "huyen-doan-tra-giang" in first["unvisited"]  # 11 district unions, 2 affiliated
    assert second["total"] == 25 and sorted(second["unvisited"]) == ["xa-tra-giang", "xa-tra-tien"]
    assert parts[2026][0]["total"] == 25 and {"xa-lam-ha", "phuong-hai-an", "xa-tra-tien"} <= set(parts[2026][0]["unvisited"])
    # every visit of 2025 lands in one part
    data = figures(result.context, result.records(), 2025)
    assert sum(p["visits"] for p in parts[2025]) == sum(c["trips"] for c in data["cadres"])


def test_two_committees_plans_coexist_in_2024_and_2025(result) -> None:  # type: ignore[no-untyped-def]
    for year in (2024, 2025):
        data = figures(result.context, result.records(), year)
        assert sorted(c["id"] for c in data["committees"]) == ["tinh-doan-binh-an", "tinh-doan-hai-lam"]
        assert sum(c["overall"]["cadres"] for c in data["committees"]) == data["overall"]["cadres"]
        assert len({c["id"] for c in data["cadres"]}) == len(data["cadres"])  # nobody counted twice
        assert data["reports"]["missing"] == []
    assert "committees" not in figures(result.context, result.records(), 2026)
