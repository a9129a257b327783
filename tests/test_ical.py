"""iCalendar feeds: built from the base organisation, then parsed back as a calendar program would."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import icalendar
import pytest

from site_gen.checker import check_repository
from site_gen.model import Context, Record
from site_gen.site import ical
from tests.conftest import make_repo

STAMP = dt.datetime(2025, 12, 1, 9, 30, tzinfo=dt.UTC)
VN = dt.timezone(dt.timedelta(hours=7))


@pytest.fixture(scope="module")
def checked(tmp_path_factory: pytest.TempPathFactory) -> tuple[Context, list[Record]]:
    root = make_repo(tmp_path_factory.mktemp("ical") / "repo")
    result = check_repository(root, use_cache=False)
    assert not result.errors
    return result.context, result.records()


@pytest.fixture(scope="module")
def built(checked: tuple[Context, list[Record]]) -> dict[str, bytes]:
    ctx, records = checked
    return ical.feeds(ctx, records, STAMP)


def parse(data: bytes) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(data)


def vevents(data: bytes) -> list[Any]:
    return list(parse(data).walk("VEVENT"))


def summaries(data: bytes) -> list[str]:
    return [str(event["SUMMARY"]) for event in vevents(data)]


def test_feed_names(built: dict[str, bytes]) -> None:
    assert list(built) == sorted(built)
    assert set(built) == {
        "to-chuc.ics",
        "don-vi/ban-tckt.ics",
        "don-vi/thuong-truc.ics",
        "don-vi/huyen-a.ics",
        "don-vi/huyen-b.ics",
        "don-vi/doan-khoi.ics",
        "doan-kiem-tra/kiem-tra-2025/doan-1.ics",
        "doan-kiem-tra/kiem-tra-2025/doan-2.ics",
    }


def test_organisation_feed_holds_every_row(checked: tuple[Context, list[Record]], built: dict[str, bytes]) -> None:
    _, records = checked
    rows = sum(len(r.data["rows"]) for r in records if r.kind == "registration")
    visits = sum(len(r.data["visits"]) for r in records if r.kind == "quarterly-report")
    sessions = sum(len(r.data["schedule"]) for r in records if r.kind == "inspection-plan")
    # Counted by hand: registrations 2 + 3 + 2, visits 1 + 2 + 2 + 1 + 1, schedule 3.
    assert (rows, visits, sessions) == (7, 7, 3)
    found = vevents(built["to-chuc.ics"])
    assert len(found) == rows + visits + sessions == 17
    categories = [tuple(str(c) for c in event.categories) for event in found]
    assert categories.count(("Đi cơ sở", "Dự kiến")) == 7
    assert categories.count(("Đi cơ sở", "Đã thực hiện")) == 7
    assert categories.count(("Kiểm tra",)) == 3


def test_calendar_header_and_timezone(built: dict[str, bytes]) -> None:
    for name, data in built.items():
        cal = parse(data)
        assert str(cal["PRODID"]) == "-//site-gen//Lịch công tác//VI", name
        assert str(cal["VERSION"]) == "2.0"
        assert str(cal["CALSCALE"]) == "GREGORIAN"
        assert str(cal["METHOD"]) == "PUBLISH"
        assert str(cal["X-WR-TIMEZONE"]) == "Asia/Ho_Chi_Minh"
        zones = list(cal.walk("VTIMEZONE"))
        assert [str(zone["TZID"]) for zone in zones] == ["Asia/Ho_Chi_Minh"]
        (standard,) = zones[0].walk("STANDARD")
        assert standard.decoded("TZOFFSETTO") == dt.timedelta(hours=7)
        assert not list(zones[0].walk("DAYLIGHT"))
        assert data.count(b"\r\n") == data.count(b"\n")
        assert max(len(line) for line in data.split(b"\r\n")) <= 75
    assert str(parse(built["to-chuc.ics"])["X-WR-CALNAME"]) == "Lịch công tác — Tỉnh đoàn Mẫu"
    assert str(parse(built["don-vi/ban-tckt.ics"])["X-WR-CALNAME"]) == "Lịch công tác — Ban Tổ chức – Kiểm tra"
    team = parse(built["doan-kiem-tra/kiem-tra-2025/doan-1.ics"])
    assert str(team["X-WR-CALNAME"]) == "Lịch công tác — Đoàn kiểm tra số 1"


def test_known_visit_is_all_day_with_exclusive_end(built: dict[str, bytes]) -> None:
    (visit,) = [e for e in vevents(built["to-chuc.ics"]) if str(e["SUMMARY"]) == "Đi cơ sở: Trần Thị Mai — 1.1 (24 ngày)"]
    start, end = visit.decoded("DTSTART"), visit.decoded("DTEND")
    assert not isinstance(start, dt.datetime) and not isinstance(end, dt.datetime)
    assert (start, end) == (dt.date(2025, 3, 1), dt.date(2025, 3, 25))
    assert str(visit["LOCATION"]) == "Đoàn xã An Phú"
    assert [str(c) for c in visit.categories] == ["Đi cơ sở", "Đã thực hiện"]
    description = str(visit["DESCRIPTION"])
    assert "Cùng cơ sở triển khai hoạt động" in description
    assert "Nắm được tình hình cơ sở, hỗ trợ tổ chức hoạt động" in description
    assert visit.decoded("DTSTAMP") == STAMP


def test_planned_registration(built: dict[str, bytes]) -> None:
    (row,) = [e for e in vevents(built["to-chuc.ics"]) if str(e["SUMMARY"]) == "Dự kiến đi cơ sở: Trần Thị Mai — 1.5 (5 ngày)"]
    assert (row.decoded("DTSTART"), row.decoded("DTEND")) == (dt.date(2025, 9, 1), dt.date(2025, 9, 6))
    assert str(row["LOCATION"]) == "Đoàn thị trấn Bình Thạnh"
    assert [str(c) for c in row.categories] == ["Đi cơ sở", "Dự kiến"]
    assert str(row["STATUS"]) == "TENTATIVE"


def test_inspection_in_vietnam_time(built: dict[str, bytes]) -> None:
    (session,) = [e for e in vevents(built["to-chuc.ics"]) if str(e["SUMMARY"]).startswith("Kiểm tra: Huyện đoàn An Hòa")]
    assert str(session["SUMMARY"]) == "Kiểm tra: Huyện đoàn An Hòa — Đoàn kiểm tra số 1"
    assert session["DTSTART"].params["TZID"] == "Asia/Ho_Chi_Minh"
    start, end = session.decoded("DTSTART"), session.decoded("DTEND")
    assert start == dt.datetime(2025, 11, 10, 8, 0, tzinfo=VN)
    assert start.astimezone(dt.UTC) == dt.datetime(2025, 11, 10, 1, 0, tzinfo=dt.UTC)
    assert end == dt.datetime(2025, 11, 10, 11, 30, tzinfo=VN)
    assert str(session["LOCATION"]) == "Tại cơ sở Huyện đoàn An Hòa"
    assert [str(c) for c in session.categories] == ["Kiểm tra"]
    (afternoon,) = [e for e in vevents(built["to-chuc.ics"]) if "Đoàn Khối" in str(e["SUMMARY"])]
    assert afternoon.decoded("DTSTART") == dt.datetime(2025, 11, 11, 14, 0, tzinfo=VN)
    assert afternoon.decoded("DTEND") == dt.datetime(2025, 11, 11, 17, 0, tzinfo=VN)


def test_team_feeds(built: dict[str, bytes]) -> None:
    assert summaries(built["doan-kiem-tra/kiem-tra-2025/doan-1.ics"]) == [
        "Kiểm tra: Huyện đoàn An Hòa — Đoàn kiểm tra số 1",
        "Kiểm tra: Đoàn Khối các cơ quan tỉnh — Đoàn kiểm tra số 1",
    ]
    assert summaries(built["doan-kiem-tra/kiem-tra-2025/doan-2.ics"]) == ["Kiểm tra: Huyện đoàn Bình Thạnh — Đoàn kiểm tra số 2"]


def test_unit_feeds(built: dict[str, bytes]) -> None:
    ban = summaries(built["don-vi/ban-tckt.ics"])
    # Phạm Quốc Bảo: 2 rows, 2 visits; Trần Thị Mai: 3 rows, 3 visits.
    assert len(ban) == 10
    assert all("Phạm Quốc Bảo" in s or "Trần Thị Mai" in s for s in ban)
    assert not any("Lê Văn Bí" in s for s in ban)
    standing = summaries(built["don-vi/thuong-truc.ics"])
    assert len(standing) == 4
    assert all("Lê Văn Bí" in s for s in standing)
    assert summaries(built["don-vi/huyen-a.ics"]) == ["Kiểm tra: Huyện đoàn An Hòa — Đoàn kiểm tra số 1"]


def test_events_sorted_uids_unique_and_stable(checked: tuple[Context, list[Record]], built: dict[str, bytes]) -> None:
    found = vevents(built["to-chuc.ics"])
    uids = [str(e["UID"]) for e in found]
    assert len(set(uids)) == len(uids)
    assert all(u.endswith("@site-gen") for u in uids)
    keys = [(ical._moment(e.decoded("DTSTART")), str(e["UID"])) for e in found]
    assert keys == sorted(keys)
    ctx, records = checked
    again = ical.events(ctx, list(reversed(records)))
    assert [e.uid for e in again] == uids
    plan = next(r for r in records if r.kind == "inspection-plan")
    assert ical.uid(plan, "schedule/0") in uids


def test_event_values(checked: tuple[Context, list[Record]]) -> None:
    ctx, records = checked
    found = ical.events(ctx, records, base_url="https://example.org/")
    inspection = next(e for e in found if e.teams and e.units == ("huyen-a",))
    assert inspection.teams == ("kiem-tra-2025/doan-1",)
    assert inspection.url == "https://example.org/"
    visit = next(e for e in found if e.summary == "Đi cơ sở: Trần Thị Mai — 1.1 (24 ngày)")
    assert visit.units == ("ban-tckt",) and visit.teams == ()
    assert (visit.start, visit.end) == (dt.date(2025, 3, 1), dt.date(2025, 3, 25))


def test_identical_bytes(checked: tuple[Context, list[Record]], built: dict[str, bytes], tmp_path: Path) -> None:
    ctx, records = checked
    assert ical.feeds(ctx, records, STAMP) == built
    # A fresh check of a fresh copy gives the same bytes too.
    result = check_repository(make_repo(tmp_path / "repo"), use_cache=False)
    assert ical.feeds(result.context, result.records(), STAMP) == built
    # The same instant given in Vietnam time stamps the same.
    assert ical.feeds(ctx, records, STAMP.astimezone(VN)) == built


def test_default_sessions_and_explicit_location(checked: tuple[Context, list[Record]]) -> None:
    ctx, records = checked
    plan = next(r for r in records if r.kind == "inspection-plan")
    data = {key: value for key, value in plan.data.items() if key != "sessions"}
    data["schedule"] = [{**plan.data["schedule"][2], "location": "Hội trường Tỉnh đoàn"}]
    (event,) = ical.events(ctx, [Record(plan.file, plan.kind, data)])
    assert (event.start, event.end) == (dt.datetime(2025, 11, 11, 14, 0, tzinfo=VN), dt.datetime(2025, 11, 11, 17, 0, tzinfo=VN))
    assert event.location == "Hội trường Tỉnh đoàn"
    assert event.uid == ical.uid(plan, "schedule/0")
