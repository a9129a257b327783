"""The mid-term survey plan: which units must answer, and which have (pure, from records built here)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from site_gen.kinds import MIDTERM_SURVEY, KindDeadline, KindPage
from site_gen.kinds.survey_plan import KIND
from site_gen.model import Record

PLAN: dict[str, Any] = {
    "kind": KIND.name,
    "id": "khao-sat-2025",
    "year": 2025,
    "document": {"number": "21-KH/TĐTN-VP", "date": "2025-03-05", "title": "Kế hoạch khảo sát", "issuer": "BTV"},
    "resolution": "Nghị quyết Đại hội lần thứ XI",
    "term": {"from": 2022, "to": 2027},
    "contents": ["Các chỉ tiêu"],
    "deadline": {"date": "2025-05-31", "strict": True},
    "respondents": ["huyen-b", "huyen-a", "huyen-c"],
    "lead": "ban-tckt",
}


def survey(unit: str, term: dict[str, int]) -> Record:
    data = {"kind": MIDTERM_SURVEY.name, "id": f"ks-{unit}", "unit": unit, "term": term, "submitted": "2025-05-20"}
    return Record(f"submissions/{unit}/khao-sat/ks-{unit}.yaml", MIDTERM_SURVEY.name, data)


class Site:
    today = dt.date(2025, 6, 1)

    def __init__(self, records: list[Record]) -> None:
        self.records = records

    def kind(self, name: str) -> list[Record]:
        return [r for r in self.records if r.kind == name]

    def units_sorted(self, idents: Iterable[str]) -> list[str]:
        return sorted(idents)

    def unit_name(self, ident: str) -> str:
        return ident.replace("huyen-", "Huyện ")

    def cadre_name(self, ident: str) -> str:
        return ident

    def plan_year(self, plan_id: str) -> int | None:
        return None

    def has(self, kind: object, ident: str) -> bool:
        return False


SITE = Site(
    [
        Record("submissions/van-phong/khao-sat/2025/ke-hoach.yaml", KIND.name, PLAN),
        survey("huyen-a", {"from": 2022, "to": 2027}),
        survey("huyen-c", {"from": 2017, "to": 2022}),  # another term: does not answer this plan
        survey("huyen-x", {"from": 2022, "to": 2027}),  # not asked
    ]
)


def test_the_page_lists_every_unit_asked_and_whether_it_answered() -> None:
    (page,) = KIND.pages(SITE)
    assert isinstance(page, KindPage)
    assert (page.path, page.section, page.template) == (
        "khao-sat/ke-hoach/khao-sat-2025.md",
        "khao-sat",
        "khao-sat-ke-hoach.md.j2",
    )
    units = [(u["unit"], u["page"]) for u in page.values["units"]]
    assert units == [("huyen-a", "khao-sat/ks-huyen-a.md"), ("huyen-b", None), ("huyen-c", None)]
    assert page.values["deadline"] == "trước ngày 31/05/2025"
    assert page.summary == "hoàn thành trước ngày 31/05/2025; 1/3 đơn vị đã báo cáo"
    assert [r.file for r in page.sources] == [
        "submissions/van-phong/khao-sat/2025/ke-hoach.yaml",
        "submissions/huyen-a/khao-sat/ks-huyen-a.yaml",
    ]


def test_the_deadline_names_who_has_not_answered() -> None:
    assert list(KIND.deadlines(SITE)) == [
        KindDeadline(
            "2025-05-30",
            "Khảo sát, đánh giá giữa nhiệm kỳ 2022 – 2027",
            "khao-sat/ke-hoach/khao-sat-2025.md",
            ("Huyện b", "Huyện c"),
            1,
            3,
        )
    ]


def test_the_record_page_is_the_plan_page() -> None:
    assert KIND.page(PLAN, SITE) == "khao-sat/ke-hoach/khao-sat-2025.md"
