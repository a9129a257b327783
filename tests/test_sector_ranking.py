"""Inspection ranking per sector for a two-tier year: one sector of 120 commune and ward unions.

The organisation of ``coverage-reform`` (communes, wards and a special zone directly under the committee from
01/07/2025) grows to 120 units in the sector "xa-phuong"; a 2026 inspection plan schedules every one of them
(attendees written for commune unions) and each has a result, with ties in the final score.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from pathlib import Path

import pytest

from site_gen import gitinfo
from site_gen.checker import CheckResult, check_repository
from site_gen.kinds.inspection_result import InspectionResult
from site_gen.model import Record
from site_gen.rules.inspections import _Ranked, _ranks
from site_gen.site.build import generate
from tests.conftest import CASES, make_repo

COUNT = 120
PLAN = """kind: inspection-plan
id: kiem-tra-2026
year: 2026
document:
  number: 41-KH/TĐTN-TCKT
  date: 2026-08-20
  title: Kế hoạch kiểm tra, đánh giá, phân loại và xếp hạng thi đua năm 2026
  issuer: Ban Thường vụ Tỉnh đoàn
  drafted_by: ban-tckt
  signer:
    name: Lê Văn Bí
    title: Bí thư
sectors: [xa-phuong]
attendees:
  - role: Đại diện Thường trực Đảng ủy xã, phường, đặc khu
    count: 1
    unit_types: [grassroots]
documents_days_before: 3
teams:
  - id: doan-1
    name: Đoàn kiểm tra số 1
    leader: le-van-bi
    secretary: tran-thi-mai
  - id: doan-2
    name: Đoàn kiểm tra số 2
    leader: pham-quoc-bao
    secretary: nguyen-thi-thu
thresholds:
  max_score: 100
  excellent: 90
  good: 80
  complete: 65
schedule:
"""


def _classification(score: float) -> str:
    return "excellent" if score >= 90 else "good" if score >= 80 else "complete" if score >= 65 else "incomplete"


@pytest.fixture(scope="module")
def sector(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, CheckResult, list[tuple[str, float, int]]]:
    root = make_repo(tmp_path_factory.mktemp("sector") / "repo", CASES / "valid" / "coverage-reform")
    units = root / "submissions/ban-tckt/don-vi"
    ids = sorted(path.stem for path in units.glob("*.yaml") if "sector: xa-phuong" in path.read_text(encoding="utf-8"))
    for number in range(1, COUNT - len(ids) + 1):
        ident = f"xa-cum-{number:03d}"
        (units / f"{ident}.yaml").write_text(
            f"kind: unit\nid: {ident}\nname: Đoàn xã Cụm {number:03d}\ntype: grassroots\nsector: xa-phuong\n"
            f"locality: {{name: Xã Cụm {number:03d}, level: commune}}\nestablished: 2025-07-01\n",
            encoding="utf-8",
        )
        ids.append(ident)
    assert len(ids) == COUNT
    folder = root / "submissions/ban-tckt/kiem-tra/2026"
    folder.mkdir(parents=True, exist_ok=True)
    rows, scored = [], []
    for index, ident in enumerate(ids):
        day = dt.date(2026, 9, 1) + dt.timedelta(days=index // 4)
        session = ("morning", "afternoon")[index // 2 % 2]
        team = ("doan-1", "doan-2")[index % 2]
        rows.append(f"  - unit: {ident}\n    date: {day}\n    session: {session}\n    team: {team}\n")
        score = 60 + (index * 7) % 40 + (0.5 if index % 3 else 0)  # many ties
        scored.append((ident, score, day, session, team))
    (folder / "ke-hoach.yaml").write_text(PLAN + "".join(rows), encoding="utf-8")
    # ranks by final score, ties in the order of the units' ids (any order the office chose, held by the rank)
    ranked = sorted(scored, key=lambda item: (-item[1], item[0]))
    results = (folder / "ket-qua").resolve()
    results.mkdir(exist_ok=True)
    out = []
    for rank, (ident, score, day, session, team) in enumerate(ranked, start=1):
        (results / f"{ident}.yaml").write_text(
            f"kind: inspection-result\nplan: kiem-tra-2026\nunit: {ident}\nteam: {team}\ndate: {day}\n"
            f"session: {session}\nstatus: inspected\ndocuments_received: {day - dt.timedelta(days=4)}\n"
            f"self_score: {score}\nassessed_score: {score}\nfinal_score: {score}\n"
            f"classification: {_classification(score)}\nrank: {rank}\n",
            encoding="utf-8",
        )
        out.append((ident, score, rank))
    result = check_repository(root, use_cache=False)
    return root, result, out


def test_a_plan_of_a_two_tier_year_checks_clean(sector: tuple[Path, CheckResult, list[tuple[str, float, int]]]) -> None:
    _, result, _ = sector
    assert [f"{p.file}:{p.line} {p.code}" for p in result.problems] == []


def test_the_ranking_page_lists_every_unit_once_in_rank_order(
    sector: tuple[Path, CheckResult, list[tuple[str, float, int]]],
) -> None:
    root, result, ranked = sector
    files = generate(root, result, gitinfo.read(root))
    page = files["kiem-tra/kiem-tra-2026.md"].decode("utf-8")
    table = page.split("## Kết quả theo khu vực", 1)[1].split("## Các đoàn kiểm tra", 1)[0]
    linked = re.findall(r"\]\(kiem-tra-2026/([a-z0-9-]+)\.md\)", table)
    assert linked == [ident for ident, _, _ in ranked]  # each once, by rank: ties keep the order their ranks give
    shown = [int(rank) for rank in re.findall(r"^\| (\d+) \|", table, re.MULTILINE)]
    assert shown == list(range(1, COUNT + 1))
    assert len({f"kiem-tra/kiem-tra-2026/{ident}.md" for ident, _, _ in ranked} & set(files)) == COUNT
    assert "(với cơ sở Đoàn)" in page


def test_rank_order_is_checked_in_one_pass() -> None:
    """20 000 results in one sector, every rank misordered against the last: linear, not quadratic."""
    record: Record[InspectionResult] = Record("submissions/x.yaml", "inspection-result", {})
    many = [_Ranked(record, f"u{i}", i, 50.0) for i in range(1, 20_000)] + [_Ranked(record, "last", 20_000, 99.0)]
    start = time.perf_counter()
    found = list(_ranks("xa-phuong", many))
    assert time.perf_counter() - start < 5
    assert len(found) == 19_999 and all(p.code == "rule.rank-order" for p in found)
    assert {p.args["other_unit"] for p in found} == {"last"}
