"""The benchmark's synthetic organisations check clean, undated and in the shape the reform leaves, and the
dated rules hold on the latter (a visit to a commune before it was founded is refused)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from site_gen.checker import check_repository
from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
import synth


@pytest.mark.parametrize("reform", [False, True])
def test_the_synthetic_organisation_checks_clean(tmp_path: Path, reform: bool) -> None:
    count = synth.generate(tmp_path / "org", 400, ROOT / "schemas", reform=reform)
    result = check_repository(tmp_path / "org", use_cache=False)
    assert result.problems == [] and count >= 380
    units = result.context.units
    if reform:
        assert sum(1 for u in units.values() if u.model.history) >= 1
        assert sum(1 for u in units.values() if u.model.established is not None) >= 2


def test_a_visit_to_a_commune_before_it_was_founded_is_refused(tmp_path: Path) -> None:
    root = tmp_path / "org"
    synth.generate(root, 400, ROOT / "schemas", reform=True)
    report = root / "submissions/ban-0/bao-cao/2025/quy-1.yaml"
    text = report.read_text(encoding="utf-8")
    report.write_text(text.replace("places: [xa-0-", "places: [xa-moi-0-1, xa-0-", 1), encoding="utf-8")
    codes = {p.code for p in check_repository(root, use_cache=False).problems}
    assert "rule.unit-not-yet" in codes
