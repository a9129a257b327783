"""The sample organisation: no error, the intended warnings, plausible figures."""

from __future__ import annotations

import pytest

from site_gen.checker import check_repository
from site_gen.stats import figures
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def result():  # type: ignore[no-untyped-def]
    return check_repository(ROOT, use_cache=False)


def test_no_error_and_only_the_intended_warnings(result) -> None:  # type: ignore[no-untyped-def]
    assert [p for p in result.problems if p.severity.value == "error"] == []
    assert sorted(p.code for p in result.problems) == ["rule.late", "rule.visit-unregistered"]


def test_size_and_coverage_of_the_sample(result) -> None:  # type: ignore[no-untyped-def]
    kinds: dict[str, int] = {}
    for record in result.records():
        kinds[record.kind] = kinds.get(record.kind, 0) + 1
    assert kinds["cadre"] >= 40
    assert kinds["inspection-result"] == 11 and kinds["field-visit-plan"] == 2
    assert kinds["midterm-survey"] >= 1 and kinds["good-model"] >= 5 and kinds["remediation-progress"] >= 4
    units = [r for r in result.records() if r.kind == "unit"]
    assert sum(1 for u in units if u.data["type"] in ("department", "office")) >= 7
    assert sum(1 for u in units if u.data["type"] == "district") == 9
    assert any(u.data.get("disadvantaged") for u in units)
    plan = next(r for r in result.records() if r.kind == "inspection-plan")
    assert len(plan.data["teams"]) == 6


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
