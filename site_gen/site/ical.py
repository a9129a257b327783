"""iCalendar feeds of the site: field visits (planned and done) and inspections, in Asia/Ho_Chi_Minh time.

:func:`events` turns the records into :class:`Event` values: every planned
registration row and every reported visit is an all-day event (DTEND is the
day after the last day, as RFC 5545 wants); every row of an inspection
schedule is a timed event for its morning or afternoon session. :func:`feeds`
sorts them into calendars a calendar program can subscribe to: the whole
organisation, each unit, each inspection team.

Everything here is pure and deterministic: UIDs come from the record's path
and the row's index, DTSTAMP is the stamp the caller gives (the last commit's
date), the time zone is written out by hand (not generated from the tz
database of the machine), so the same records give the same bytes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from zoneinfo import ZoneInfo

import icalendar

from site_gen.catalogue import words
from site_gen.escape import calendar_text, one_line
from site_gen.kinds import FIELD_VISIT_PLAN, INSPECTION_PLAN, QUARTERLY_REPORT, REGISTRATION
from site_gen.kinds.cadre import assignment_on
from site_gen.kinds.inspection_plan import InspectionPlan
from site_gen.kinds.quarterly_report import QuarterlyReport, QuarterlyReportVisit
from site_gen.kinds.registration import Registration, RegistrationRow
from site_gen.model import Context, Record, of_kind
from site_gen.vn import format_date

TZID = "Asia/Ho_Chi_Minh"
TZ = ZoneInfo(TZID)
# The calendars' words (site.toml, Vietnamese only: the calendars are Vietnamese documents).
WORDS = words("calendars")
PRODID = WORDS["product"]
UID_DOMAIN = "site-gen"
REFRESH = dt.timedelta(hours=12)

ORGANISATION_FEED = "to-chuc.ics"
UNIT_FEED = "don-vi/{unit}.ics"
TEAM_FEED = "doan-kiem-tra/{plan}/{team}.ics"

VISIT = WORDS["visit"]
PLANNED = WORDS["planned"]
DONE = WORDS["done"]
INSPECTION = WORDS["inspection"]

# Start of each session when the plan does not say, and the end of each session.
SESSION_START = {"morning": "08:00", "afternoon": "14:00"}
SESSION_END = {"morning": dt.time(11, 30), "afternoon": dt.time(17, 0)}
SESSION_NAME = {"morning": WORDS["morning"], "afternoon": WORDS["afternoon"]}


@dataclass(frozen=True)
class Event:
    """One calendar entry.

    ``start``/``end`` are dates for all-day events (``end`` exclusive: the day
    after the last day) or aware datetimes in Asia/Ho_Chi_Minh. ``units`` are
    the units whose feed shows the event (the cadre's unit for a visit or a
    registration, the inspected unit for an inspection); ``teams`` are
    ``"<plan id>/<team id>"`` keys of the inspection teams whose feed shows it.
    """

    uid: str
    summary: str
    start: dt.date | dt.datetime
    end: dt.date | dt.datetime
    description: str
    location: str
    categories: tuple[str, ...]
    units: tuple[str, ...]
    teams: tuple[str, ...]
    url: str = ""

    @property
    def all_day(self) -> bool:
        return not isinstance(self.start, dt.datetime)

    @property
    def sort_key(self) -> tuple[dt.datetime, str]:
        return _moment(self.start), self.uid


def _moment(value: dt.date | dt.datetime) -> dt.datetime:
    """An aware datetime to compare dates (midnight in Vietnam) and datetimes together."""
    if isinstance(value, dt.datetime):
        return value if value.tzinfo is not None else value.replace(tzinfo=TZ)
    return dt.datetime(value.year, value.month, value.day, tzinfo=TZ)


def uid(record: Record, pointer: str) -> str:
    """Stable and unique: the record's path and the row's place in it, hashed."""
    digest = hashlib.sha1(f"{record.file}#{pointer}".encode(), usedforsecurity=False).hexdigest()
    return f"{digest}@{UID_DOMAIN}"


def team_key(plan: str, team: str) -> str:
    return f"{plan}/{team}"


# -- events -------------------------------------------------------------------


def events(ctx: Context, records: Iterable[Record], base_url: str = "") -> list[Event]:
    """Every planned registration row, reported visit and inspection session, sorted by (start, uid).

    ``base_url``, when given, becomes every event's URL (the site's address, or
    the calendar page of the site).
    """
    found: list[Event] = []
    for record in records:
        if record.kind == REGISTRATION.name:
            found.extend(_registrations(ctx, of_kind(REGISTRATION, record), base_url))
        elif record.kind == QUARTERLY_REPORT.name:
            found.extend(_visits(ctx, of_kind(QUARTERLY_REPORT, record), base_url))
        elif record.kind == INSPECTION_PLAN.name:
            found.extend(_inspections(ctx, of_kind(INSPECTION_PLAN, record), base_url))
    return sorted(found, key=lambda event: event.sort_key)


def _cadre_name(ctx: Context, ident: str) -> str:
    cadre = ctx.cadres.get(ident)
    return (cadre.model.name or ident) if cadre else ident


def _cadre_unit(ctx: Context, ident: str, day: dt.date, fallback: str | None = None) -> tuple[str, ...]:
    """The unit a cadre worked in on ``day`` (the feeds of a unit hold the events of its cadres of the time)."""
    cadre = ctx.cadres.get(ident)
    unit = assignment_on(cadre.model, day).unit if cadre else fallback
    return (unit,) if unit else ()


def _places(ctx: Context, places: Iterable[str], day: dt.date) -> str:
    return ", ".join(ctx.unit_name_on(place, day) for place in places)  # the names of the day


Row = RegistrationRow | QuarterlyReportVisit


def _category_lines(ctx: Context, plan_id: str, row: Row) -> Iterator[str]:
    """ "Nội dung 1.1: …" and "Chuyên đề 1.3.1: …", named after the field-visit plan when it is known."""
    plan = ctx.plan(FIELD_VISIT_PLAN, plan_id)
    category = ctx.category(plan, row.category) if plan else None
    name = category.name if category else None
    yield (
        WORDS["category_named"].format(category=row.category, name=name)
        if name
        else WORDS["category"].format(category=row.category)
    )
    topic = row.topic
    if topic:
        topics = {item.code: item.name for item in category.topics} if category else {}
        yield (
            WORDS["topic_named"].format(topic=topic, name=topics[topic])
            if topics.get(topic)
            else WORDS["topic"].format(topic=topic)
        )


def _span(row: Row) -> tuple[dt.date, dt.date]:
    start, last = row.from_, row.to
    return start, max(last, start) + dt.timedelta(days=1)


def _period(row: Row) -> str:
    return WORDS["period"].format(start=_date(row.from_), end=_date(row.to), days=row.days)


def _date(date: dt.date) -> str:
    return format_date(date.isoformat())


def _registrations(ctx: Context, record: Record[Registration], base_url: str) -> Iterator[Event]:
    data = record.model
    cadre = data.cadre
    name = _cadre_name(ctx, cadre)
    for index, row in enumerate(data.rows):
        start, end = _span(row)
        lines = [WORDS["cadre"].format(name=name), *_category_lines(ctx, data.plan, row), _period(row)]
        if row.place:
            lines.append(WORDS["place"].format(place=row.place))
        if row.purpose:
            lines.append(WORDS["purpose"].format(purpose=row.purpose))
        if data.approved_on:
            lines.append(WORDS["approved"].format(date=_date(data.approved_on)))
        yield Event(
            uid=uid(record, f"rows/{index}"),
            summary=WORDS["registration_title"].format(name=name, category=row.category, days=row.days),
            start=start,
            end=end,
            description="\n".join(lines),
            location=_places(ctx, row.places, row.from_),
            categories=(VISIT, PLANNED),
            units=_cadre_unit(ctx, cadre, row.from_),
            teams=(),
            url=base_url,
        )


def _visits(ctx: Context, record: Record[QuarterlyReport], base_url: str) -> Iterator[Event]:
    data = record.model
    for index, visit in enumerate(data.visits):
        cadre = visit.cadre
        name = _cadre_name(ctx, cadre)
        start, end = _span(visit)
        results = visit.results
        lines = [visit.activity, WORDS["results"].format(results=results.achievements)]
        if results.limitations:
            lines.append(WORDS["limitations"].format(limitations=results.limitations))
        if visit.proposals:
            lines.append(WORDS["proposals"].format(proposals=visit.proposals))
        lines += [WORDS["cadre"].format(name=name), *_category_lines(ctx, data.plan, visit), _period(visit)]
        if visit.place:
            lines.append(WORDS["place"].format(place=visit.place))
        yield Event(
            uid=uid(record, f"visits/{index}"),
            summary=WORDS["visit_title"].format(name=name, category=visit.category, days=visit.days),
            start=start,
            end=end,
            description="\n".join(lines),
            location=_places(ctx, visit.places, visit.from_),
            categories=(VISIT, DONE),
            units=_cadre_unit(ctx, cadre, visit.from_, data.unit),
            teams=(),
            url=base_url,
        )


def _session_times(plan: InspectionPlan, session: str, date: dt.date) -> tuple[dt.datetime, dt.datetime]:
    sessions = plan.sessions
    starts = SESSION_START if sessions is None else {"morning": sessions.morning, "afternoon": sessions.afternoon}
    text = starts[session]
    start = dt.datetime.combine(date, dt.time.fromisoformat(text), tzinfo=TZ)
    end = dt.datetime.combine(date, SESSION_END[session], tzinfo=TZ)
    if end <= start:
        end = start + dt.timedelta(hours=3)
    return start, end


def _inspections(ctx: Context, record: Record[InspectionPlan], base_url: str) -> Iterator[Event]:
    plan = record.model
    teams = {team.id: team for team in plan.teams}
    for index, row in enumerate(plan.schedule):
        date = row.date
        start, end = _session_times(plan, row.session, date)
        unit = ctx.unit_name_on(row.unit, date)
        team = teams.get(row.team)
        team_name = (team.name if team else None) or row.team
        lines = [WORDS["inspected_unit"].format(unit=unit), f"{team_name}"]
        if team and team.leader:
            lines.append(WORDS["leader"].format(name=_cadre_name(ctx, team.leader)))
        if team and team.secretary:
            lines.append(WORDS["secretary"].format(name=_cadre_name(ctx, team.secretary)))
        lines.append(WORDS["session"].format(session=SESSION_NAME[row.session], start=f"{start:%H:%M}", end=f"{end:%H:%M}"))
        due = date - dt.timedelta(days=plan.documents_days_before)
        lines.append(WORDS["documents_due"].format(date=_date(due)))
        if plan.document.number:
            lines.append(WORDS["plan_number"].format(number=plan.document.number))
        yield Event(
            uid=uid(record, f"schedule/{index}"),
            summary=WORDS["inspection_title"].format(unit=unit, team=team_name),
            start=start,
            end=end,
            description="\n".join(lines),
            location=row.location or WORDS["at_unit"].format(unit=unit),
            categories=(INSPECTION,),
            units=(row.unit,),
            teams=(team_key(record.id, row.team),),
            url=base_url,
        )


# -- calendars ----------------------------------------------------------------


def timezone_component() -> icalendar.Timezone:
    """Asia/Ho_Chi_Minh, written out: UTC+7 since 13 June 1975, no daylight saving time."""
    zone = icalendar.Timezone()
    zone.add("tzid", TZID)
    standard = icalendar.TimezoneStandard()
    standard.add("dtstart", dt.datetime(1975, 6, 13, 0, 0))
    standard.add("tzoffsetfrom", dt.timedelta(hours=8))
    standard.add("tzoffsetto", dt.timedelta(hours=7))
    standard.add("tzname", "+07")
    zone.add_component(standard)
    return zone


def _utc(stamp: dt.datetime) -> dt.datetime:
    """DTSTAMP is written in UTC; a naive stamp is taken as Vietnam time."""
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=TZ)
    return stamp.astimezone(dt.UTC).replace(microsecond=0)


def _vevent(event: Event, stamp: dt.datetime) -> icalendar.Event:
    item = icalendar.Event()
    item.add("uid", event.uid)
    item.add("dtstamp", stamp)
    item.add("dtstart", event.start)
    item.add("dtend", event.end)
    item.add("summary", calendar_text(event.summary))
    if event.description:
        item.add("description", calendar_text(event.description))
    if event.location:
        item.add("location", calendar_text(event.location))
    if event.categories:
        item.add("categories", list(event.categories))
    if event.url:
        item.add("url", event.url)
    item.add("status", "TENTATIVE" if PLANNED in event.categories else "CONFIRMED")
    # A month at the grassroots must not mark the whole month busy; an inspection session does.
    item.add("transp", "TRANSPARENT" if event.all_day else "OPAQUE")
    return item


def calendar(
    name: str, description: str, selected: Iterable[Event], stamp: dt.datetime, cache: dict[str, bytes] | None = None
) -> bytes:
    """One VCALENDAR: the given events sorted by (start, uid), each stamped with ``stamp``.

    An event is serialised once and its bytes reused in every feed that holds
    it (``cache``, keyed by UID): the same event sits in the organisation's
    feed, its units' and its team's, and icalendar's serialiser is the slow part.
    """
    cache = {} if cache is None else cache
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    # a calendar's name is one line (and icalendar does not escape NAME's line ends)
    name, description = one_line(name), calendar_text(description)
    cal.add("name", icalendar.vText(name))
    cal.add("x-wr-calname", icalendar.vText(name))
    cal.add("description", description)
    cal.add("x-wr-caldesc", icalendar.vText(description))
    cal.add("x-wr-timezone", icalendar.vText(TZID))
    cal.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", icalendar.vDuration(REFRESH))
    cal.add_component(timezone_component())
    utc = _utc(stamp)
    parts = []
    for event in sorted(selected, key=lambda event: event.sort_key):
        if event.uid not in cache:
            cache[event.uid] = bytes(_vevent(event, utc).to_ical())
        parts.append(cache[event.uid])
    head = bytes(cal.to_ical())
    end = b"END:VCALENDAR\r\n"
    if not head.endswith(end):
        raise RuntimeError("icalendar wrote an unexpected calendar ending")
    return head[: -len(end)] + b"".join(parts) + end


def feeds(ctx: Context, records: Iterable[Record], stamp: dt.datetime, base_url: str = "") -> dict[str, bytes]:
    """File name -> iCalendar bytes, sorted by name.

    ``to-chuc.ics`` holds every event; ``don-vi/<unit>.ics`` exists for every
    known unit with at least one event; ``doan-kiem-tra/<plan>/<team>.ics``
    for every team of every inspection plan (empty when it has no session).
    """
    every = events(ctx, records, base_url)
    cache: dict[str, bytes] = {}
    org = ctx.org
    org_name = (org.model.short_name or org.model.name) if org else ""
    out: dict[str, bytes] = {
        ORGANISATION_FEED: calendar(
            WORDS["name_of"].format(name=org_name) if org_name else WORDS["name"],
            WORDS["organisation_about_of"].format(name=org_name) if org_name else WORDS["organisation_about"],
            every,
            stamp,
            cache,
        )
    }

    by_unit: dict[str, list[Event]] = {}
    by_team: dict[str, list[Event]] = {}
    for event in every:
        for unit in event.units:
            by_unit.setdefault(unit, []).append(event)
        for team in event.teams:
            by_team.setdefault(team, []).append(event)

    for unit, selected in by_unit.items():
        if unit not in ctx.units:
            continue
        name = ctx.unit_name(unit)
        out[UNIT_FEED.format(unit=unit)] = calendar(
            WORDS["name_of"].format(name=name),
            WORDS["unit_about"].format(name=name),
            selected,
            stamp,
            cache,
        )

    names: dict[str, tuple[str, str]] = {}
    for plan in ctx.table(INSPECTION_PLAN).values():
        title = plan.model.document.title or WORDS["inspection_plan"].format(year=plan.model.year)
        for item in plan.model.teams:
            names[team_key(plan.id, item.id)] = (item.name or item.id, title)
    for key in sorted(set(names) | set(by_team)):
        team_name, title = names.get(key, (key.split("/", 1)[1], ""))
        plan_id, team_id = key.split("/", 1)
        out[TEAM_FEED.format(plan=plan_id, team=team_id)] = calendar(
            WORDS["name_of"].format(name=team_name),
            WORDS["team_about_of"].format(team=team_name, title=title) if title else WORDS["team_about"].format(team=team_name),
            by_team.get(key, []),
            stamp,
            cache,
        )
    return dict(sorted(out.items()))
