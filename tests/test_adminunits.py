"""The shipped list of official administrative units (site_gen/data/admin-units.csv) and its lookups."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

from site_gen import adminunits
from site_gen.checker import check_repository
from tests.conftest import make_repo

ROOT = Path(__file__).resolve().parents[1]


def _after() -> list[adminunits.AdminUnit]:
    return [u for units in adminunits.table().values() for u in units if u.valid_from == adminunits.REFORM]


def test_counts_after_the_reform() -> None:
    levels = Counter(u.level for u in _after())
    assert levels["province"] == 34
    assert levels["commune"] + levels["ward"] + levels["special-zone"] == 3321
    assert levels["special-zone"] == 13
    assert set(levels) == {"province", "commune", "ward", "special-zone"}


def test_counts_before_the_reform() -> None:
    before = [u for units in adminunits.table().values() for u in units if u.valid_to == dt.date(2025, 6, 30)]
    assert sum(1 for u in before if u.level == "province") == 63
    assert sum(1 for u in before if len(u.code) == 3) == 696
    assert sum(1 for u in before if len(u.code) == 5) == 10051


def test_one_unit_per_code_and_day() -> None:
    for code, units in adminunits.table().items():
        periods = Counter((u.valid_from, u.valid_to) for u in units)
        assert max(periods.values()) == 1, code
        assert len(units) <= 2, code


def test_links_point_into_the_new_list() -> None:
    after = {u.code for u in _after()}
    for units in adminunits.table().values():
        for unit in units:
            assert set(unit.successors) <= after, unit


def test_a_code_names_different_units_before_and_after() -> None:
    assert adminunits.on("00004", dt.date(2025, 6, 30)).name == "Phường Trúc Bạch"  # type: ignore[union-attr]
    assert adminunits.on("00004", dt.date(2025, 7, 1)).name == "Phường Ba Đình"  # type: ignore[union-attr]
    assert adminunits.on("72", dt.date(2024, 1, 1)).successors == ("80",)  # type: ignore[union-attr]
    assert adminunits.on("99999", dt.date(2025, 7, 1)) is None


def test_name_key() -> None:
    key = adminunits.name_key
    assert key("Phường Nguyễn Uý") == key("phường  nguyễn úy") == key("Nguyễn Úy")
    assert key("Xã Hoà Bắc") == key("Xã Hòa Bắc")
    assert key("Tỉnh Tây Ninh") == key("Tây Ninh")
    assert key("Phường 01") == key("Phường 1")
    assert key("Xã Tân An") != key("Xã Tấn An")
    assert key("Xã Đạ M'ri") == key("Xã Đạ M’ri")


def test_crosscheck_committed() -> None:
    """The generating script's comparison with vietnamadminunits: the new list agrees on every code."""
    text = (ROOT / "tools" / "admin-units-crosscheck.txt").read_text(encoding="utf-8")
    assert "new communes/wards/special zones: ours 3321, theirs 3321" in text
    assert "  codes only ours: []\n  codes only theirs: []" in text
    assert "same code, different province: 0 []" in text


def test_the_list_is_read_only_for_codes(tmp_path: Path) -> None:
    adminunits.table.cache_clear()
    assert check_repository(make_repo(tmp_path / "repo"), use_cache=False).problems == []
    assert adminunits.table.cache_info().currsize == 0
