"""The figures of the "1+2" report, checked against sums done by hand on the base organisation."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from site_gen.checker import check_repository
from site_gen.errors import SetupError
from site_gen.model import Context, Record
from site_gen.stats import figures, to_text
from tests.conftest import CASES, Runner, make_repo


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> dict:  # type: ignore[type-arg]
    root = make_repo(tmp_path_factory.mktemp("stats") / "repo")
    result = check_repository(root, use_cache=False)
    return figures(result.context, result.records(), 2025)


def test_groups_and_overall(base: dict) -> None:  # type: ignore[type-arg]
    groups = {g["membership"]: g for g in base["groups"]}
    assert groups["staff"] | {"label": "", "label_en": ""} == {
        "membership": "staff", "label": "", "label_en": "",
        "cadres": 4, "exempt": 1, "subject": 3, "reached": 0, "days": 151, "average_days": 50.33, "percent_reached": 0.0,
    }  # fmt: skip
    assert (groups["executive"]["cadres"], groups["executive"]["days"], groups["executive"]["average_days"]) == (2, 92, 46.0)
    assert (groups["standing-board"]["subject"], groups["standing-board"]["days"]) == (1, 42)
    assert base["overall"] == {
        "cadres": 4, "exempt": 1, "subject": 3, "reached": 0, "days": 151, "average_days": 50.33, "percent_reached": 0.0,
    }  # fmt: skip


def test_cadres(base: dict) -> None:  # type: ignore[type-arg]
    by_id = {c["id"]: c for c in base["cadres"]}
    assert [c["name"] for c in base["cadres"]] == ["Phạm Quốc Bảo", "Lê Văn Bí", "Trần Thị Mai", "Nguyễn Thị Thu"]
    mai = by_id["tran-thi-mai"]
    assert (mai["planned_days"], mai["done_days"], mai["trips"], mai["long_trips"], mai["status"]) == (65, 59, 3, 1, "not-yet")
    assert by_id["nguyen-thi-thu"]["status"] == "exempt"
    assert "reason" not in json.dumps(by_id["nguyen-thi-thu"]) and "clerk" not in json.dumps(base)
    assert (by_id["le-van-bi"]["done_days"], by_id["pham-quoc-bao"]["done_days"]) == (42, 50)


def test_categories_and_districts(base: dict) -> None:  # type: ignore[type-arg]
    assert [(c["code"], c["days"], c["visits"]) for c in base["categories"]] == [
        ("1.1", 54, 2), ("1.2", 48, 2), ("1.3", 0, 0), ("1.4", 22, 1), ("1.5", 27, 2),
    ]  # fmt: skip
    districts = {d["unit"]: d for d in base["districts"]}
    assert [d["name"] for d in base["districts"]] == ["Đoàn Khối các cơ quan tỉnh", "Huyện đoàn An Hòa", "Huyện đoàn Bình Thạnh"]
    a = districts["huyen-a"]
    assert (a["visited"], a["days"], a["visits"], a["communes"], a["communes_visited"], a["disadvantaged_visited"]) == (
        True, 102, 4, 2, 2, 1,
    )  # fmt: skip
    assert districts["huyen-b"]["days"] == 49
    assert districts["doan-khoi"]["visited"] is False


def test_communes_of_the_year(base: dict) -> None:  # type: ignore[type-arg]
    assert base["communes"] == {
        "total": 3, "visited": 3, "unvisited": [],
        "by_level": {"commune": {"total": 2, "visited": 2}, "township": {"total": 1, "visited": 1}},
    }  # fmt: skip
    assert "Cơ sở Đoàn xã, thị trấn: 3/3 đơn vị đã có cán bộ về cơ sở." in to_text(base)


def test_only_units_that_existed_in_the_year_count(tmp_path: Path) -> None:
    """A district dissolved before the year is not revived by visits to its former communes; a ward founded after
    the year, or a commune merged away before it, is not in the year's coverage; one that existed part of the year is."""
    root = make_repo(tmp_path / "repo")
    units = root / "submissions/ban-tckt/don-vi"
    with (units / "huyen-b.yaml").open("a", encoding="utf-8") as out:
        out.write("dissolved: 2025-01-01\n")
    with (units / "xa-a2.yaml").open("a", encoding="utf-8") as out:
        out.write("dissolved: 2025-07-01\n")  # merged at the reform: existed in the first half of 2025
    (units / "phuong-moi.yaml").write_text(
        "kind: unit\nid: phuong-moi\nname: Đoàn phường Mới\ntype: grassroots\n"
        "locality: {name: Phường Mới, level: ward}\nestablished: 2026-01-01\n",
        encoding="utf-8",
    )
    (units / "dac-khu.yaml").write_text(
        "kind: unit\nid: dac-khu\nname: Đoàn đặc khu Hòn Ngọc\ntype: grassroots\n"
        "locality: {name: Đặc khu Hòn Ngọc, level: special-zone}\nestablished: 2025-07-01\n",
        encoding="utf-8",
    )
    result = check_repository(root, use_cache=False)
    data = figures(result.context, result.records(), 2025)
    assert [d["unit"] for d in data["districts"]] == ["doan-khoi", "huyen-a"]
    assert data["districts"][1]["communes"] == 2  # xa-a2 still counts in 2025
    assert data["communes"]["total"] == 4 and data["communes"]["unvisited"] == ["dac-khu"]
    assert data["communes"]["by_level"]["special-zone"] == {"total": 1, "visited": 0}
    assert "Cơ sở Đoàn xã, đặc khu, thị trấn: 3/4 đơn vị" in to_text(data)


def test_a_cadre_who_moved_counts_where_they_worked_at_the_years_end(tmp_path: Path) -> None:
    """One record through a move: the year's figures take the assignment on 31/12 of the plan's year."""
    root = make_repo(tmp_path / "repo", CASES / "valid" / "cadre-moved")
    record = root / "submissions/van-phong/can-bo/tran-thi-mai.yaml"
    result = check_repository(root, use_cache=False)
    mai = next(c for c in figures(result.context, result.records(), 2025)["cadres"] if c["id"] == "tran-thi-mai")
    assert (mai["unit"], mai["post"], mai["done_days"]) == ("van-phong", "Phó Chánh Văn phòng", 59)
    record.write_text(record.read_text(encoding="utf-8").replace("until: 2025-09-30", "until: 2025-12-31"), encoding="utf-8")
    result = check_repository(root, use_cache=False)
    assert result.problems == []
    mai = next(c for c in figures(result.context, result.records(), 2025)["cadres"] if c["id"] == "tran-thi-mai")
    assert (mai["unit"], mai["post"], mai["done_days"]) == ("ban-tckt", "Chuyên viên", 59)


def test_reports(base: dict) -> None:  # type: ignore[type-arg]
    reports = base["reports"]
    assert (reports["expected"], reports["received"], reports["late"]) == (8, 5, 0)
    assert reports["missing"] == [
        {"unit": "ban-tckt", "quarter": 4, "plan": "di-co-so-2025"},
        {"unit": "thuong-truc", "quarter": 3, "plan": "di-co-so-2025"},
        {"unit": "thuong-truc", "quarter": 4, "plan": "di-co-so-2025"},
    ]
    assert base["unregistered_visits"] == 0


def test_a_moved_cadre_owes_reports_from_the_unit_of_each_quarter(tmp_path: Path) -> None:
    """A unit owes a quarter's report for the cadres who worked in it then: the new unit from the move on."""
    root = make_repo(tmp_path / "repo", CASES / "valid" / "cadre-moved")
    result = check_repository(root, use_cache=False)
    data = figures(result.context, result.records(), 2025)
    owed = {(m["unit"], m["quarter"]) for m in data["reports"]["missing"]} | {
        (r["unit"], r["quarter"]) for r in data["reports"]["items"]
    }
    assert {("ban-tckt", 3), ("van-phong", 4)} <= owed  # moved on 01/10/2025: Q3 ends at ban-tckt, Q4 at van-phong
    assert data["reports"]["expected"] >= data["reports"]["received"]


def test_text_reads_like_a_report(base: dict) -> None:  # type: ignore[type-arg]
    text = to_text(base)
    assert "Cán bộ chuyên trách cơ quan Tỉnh đoàn: 3/4 đồng chí thuộc diện thực hiện (1 được miễn)" in text
    assert "tổng 151 ngày, bình quân 50,33 ngày/đồng chí" in text
    assert "Đoàn Khối các cơ quan tỉnh       chưa có cán bộ về cơ sở" in text


def test_exempt_cadre_visits_count_in_categories_not_in_groups(tmp_path: Path) -> None:
    root = make_repo(tmp_path / "repo", CASES / "valid" / "exempt-cadre-visits")
    result = check_repository(root, use_cache=False)
    data = figures(result.context, result.records(), 2025)
    assert data["overall"]["days"] == 151
    assert sum(c["days"] for c in data["categories"]) > 151


def test_no_plan_for_the_year() -> None:
    with pytest.raises(SetupError):
        figures(Context.from_records([]), [], 2030)


def test_figures_from_records_built_here() -> None:
    plan = Record("submissions/x/ke-hoach/p.yaml", "field-visit-plan", {
        "id": "p", "year": 2026, "min_days": 10, "document": {"number": "1-KH"},
        "categories": [{"code": "1.1", "name": "A"}], "role_groups": [{"group": "leader", "name": "L", "focus": ["1.1"]}],
        "deadlines": {"quarterly_report": {"day_of_last_month": 27}}, "window": {"from": "2026-01-01", "to": "2026-12-31"},
    })  # fmt: skip
    cadre = Record(
        "submissions/x/can-bo/a.yaml", "cadre", {"id": "a", "name": "Võ An", "unit": "x", "post": "P", "role_group": "leader"}
    )
    report = Record("submissions/x/bao-cao/2026/quy-1.yaml", "quarterly-report", {
        "plan": "p", "unit": "x", "quarter": 1, "submitted": "2026-03-20",
        "visits": [{"cadre": "a", "category": "1.1", "days": 12, "from": "2026-01-05", "to": "2026-01-20", "places": []}],
    })  # fmt: skip
    data = figures(Context.from_records([plan, cadre]), [plan, cadre, report], 2026)
    assert data["overall"]["reached"] == 1 and data["cadres"][0]["status"] == "reached"
    assert data["cadres"][0]["unregistered_visits"] == 1


def test_stats_refuses_while_there_are_errors(tmp_path: Path, run: Runner) -> None:
    root = make_repo(tmp_path / "repo", CASES / "invalid" / "rule-days-exceed-period")
    code, out, err = run("stats", "--root", str(root), "--year", "2025")
    assert code == 1 and out == "" and "Hồ sơ còn 1 lỗi" in err


def test_stats_json_on_the_command_line(repo: Path, run: Runner) -> None:
    code, out, _ = run("stats", "--root", str(repo), "--year", "2025", "--format", "json")
    assert code == 0 and json.loads(out)["overall"]["days"] == 151
