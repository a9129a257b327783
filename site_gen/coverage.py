"""Coverage for any shape of the organisation: which units under the committee a cadre went to.

A year splits into parts by the level that sits under the committee: while a
district-level union exists the organisation has three tiers (district,
town and city unions and the affiliated unions, with their communes); once
none does it has two (the unions of communes, wards and special zones
directly under the committee). The boundaries come from the register's dates
(units' ``established`` / ``dissolved``, reorganisations' ``effective``), never
from a fixed day: a year with no change has one part, the year of the 2025
reform two.

A visit counts in the part its first day falls in (a visit starting before
the year in the first, after it in the last: every visit lands in exactly
one part); each part counts against the units that existed during it; a
place a visit names is placed as of the visit's first day (the district it
lay in then, if that district still existed). A visit that reaches no row
(places unknown, or none) counts in the part's ``outside``, never dropped.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from site_gen.catalogue import say
from site_gen.kinds import REORGANISATION
from site_gen.kinds.quarterly_report import QuarterlyReportVisit
from site_gen.kinds.unit import Unit
from site_gen.labels import label
from site_gen.model import DISTRICT_TYPES, Context
from site_gen.vn import format_date, sort_key

# The levels of a grassroots union's locality that the coverage of communes counts (in the schema's order).
COMMUNE_LEVELS = ("commune", "ward", "special-zone", "township")


def exists_on(unit: Unit, day: dt.date) -> bool:
    """Whether a unit existed on ``day`` (established <= day < dissolved)."""
    return (unit.established is None or unit.established <= day) and (unit.dissolved is None or day < unit.dissolved)


def existed(unit: Unit, first: dt.date, last: dt.date) -> bool:
    """Whether a unit existed on some day from ``first`` to ``last``."""
    return (unit.established is None or unit.established <= last) and (unit.dissolved is None or unit.dissolved > first)


def periods(ctx: Context, first: dt.date, last: dt.date) -> list[tuple[dt.date, dt.date, int]]:
    """The parts of ``first`` .. ``last`` by shape: (from, to, tiers), tiers 3 while a district-level union
    (type ``district``) exists, else 2. The days the shape may change on are the register's own dates."""
    districts = [u.model for u in ctx.units.values() if u.model.type == "district"]
    days = {first}
    for unit in ctx.units.values():
        for day in (unit.model.established, unit.model.dissolved):
            if day is not None and first < day <= last:
                days.add(day)
    for reorganisation in ctx.table(REORGANISATION).values():
        if first < reorganisation.model.effective <= last:
            days.add(reorganisation.model.effective)
    out: list[tuple[dt.date, dt.date, int]] = []
    for day in sorted(days):
        tiers = 3 if any(exists_on(unit, day) for unit in districts) else 2
        if out and out[-1][2] == tiers:
            continue
        if out:
            out[-1] = (out[-1][0], day - dt.timedelta(days=1), out[-1][2])
        out.append((day, last, tiers))
    return out


def part_index(parts: Sequence[dict[str, Any]], day: str) -> int:
    """The part a visit whose first day is ``day`` (ISO) counts in."""
    for index, part in enumerate(parts):
        if day <= part["to"]:
            return index
    return len(parts) - 1


def _is_commune(unit: Unit) -> bool:
    return unit.type == "grassroots" and unit.locality is not None and unit.locality.level in COMMUNE_LEVELS


def _state(ctx: Context, ident: str, day: dt.date) -> Unit | None:
    """The unit as the register stood on ``day``: the one place coverage reads a unit's attributes (type, parent,
    locality, marking), so that dated unit attributes (a ward that kept a commune's id) apply here alone."""
    return ctx.unit_state(ident, day)  # (its history applied: the name, parent, type, locality of that day)


def _lineage(ctx: Context, ident: str, day: dt.date) -> Iterator[Unit]:
    """The unit and its parents, upwards, as of ``day``; stops at a missing unit or a loop."""
    probe: str | None = ident
    seen: set[str] = set()
    while probe and probe not in seen:
        seen.add(probe)
        unit = _state(ctx, probe, day)
        if unit is None:
            return
        yield unit
        probe = unit.parent


def _entered(unit: Unit, first: dt.date) -> dt.date:
    """The day a unit is read on for a part: the part's first day, or the unit's own if it started later."""
    return max(first, unit.established) if unit.established is not None else first


def _district_on(ctx: Context, ident: str, first: dt.date, last: dt.date, day: dt.date | None = None) -> str | None:
    """The district-level union above (or at) ``ident`` as of ``day`` (default ``first``) that existed from
    ``first`` to ``last`` (a visit's first day for all three, or a part's bounds): a unit whose district was
    dissolved lies under none from then on."""
    for unit in _lineage(ctx, ident, day or first):
        if unit.type in DISTRICT_TYPES and existed(unit, first, last):
            return unit.id
    return None


Visits = Sequence[QuarterlyReportVisit]


def _slot() -> dict[str, Any]:
    return {"days": 0, "visits": 0, "cadres": set(), "places": set()}


def _units_in(ctx: Context, first: dt.date, last: dt.date) -> dict[str, Unit]:
    """The units that existed in the part, each as it was when it entered the part."""
    out = {}
    for ident, record in ctx.units.items():
        if existed(record.model, first, last):
            state = _state(ctx, ident, _entered(record.model, first))
            if state is not None:
                out[ident] = state
    return out


def district_rows(ctx: Context, visits: Visits, first: dt.date, last: dt.date) -> list[dict[str, Any]]:
    """The district-level unions that existed in the part, each with its communes of the part and its visits."""
    units = _units_in(ctx, first, last)
    under: dict[str, list[str]] = {}
    for ident, unit in units.items():
        if unit.type == "grassroots":
            district = _district_on(ctx, ident, first, last, _entered(unit, first))
            if district:
                under.setdefault(district, []).append(ident)
    touched: dict[str, dict[str, Any]] = {}
    for visit in visits:
        day = visit.from_
        found: dict[str, list[str]] = {}
        for place in visit.places:
            district = _district_on(ctx, place, day, day)
            if district:
                found.setdefault(district, []).append(place)
        for district, places in found.items():
            slot = touched.setdefault(district, _slot())
            slot["days"] += visit.days
            slot["visits"] += 1
            slot["cadres"].add(visit.cadre)
            slot["places"].update(places)
    out = []
    for ident, unit in units.items():
        if unit.type not in DISTRICT_TYPES:
            continue
        slot = touched.get(ident, _slot())
        communes = under.get(ident, [])
        hard = [c for c in communes if units[c].disadvantaged]
        out.append(
            {
                "unit": ident,
                "name": unit.name,
                "type": unit.type,
                "visited": slot["visits"] > 0,
                "days": slot["days"],
                "visits": slot["visits"],
                "cadres": sorted(slot["cadres"]),
                "communes": len(communes),
                "communes_visited": sum(1 for c in communes if c in slot["places"]),
                "disadvantaged": len(hard),
                "disadvantaged_visited": sum(1 for c in hard if c in slot["places"]),
                "unvisited_communes": sorted(
                    (c for c in communes if c not in slot["places"]), key=lambda c: sort_key(units[c].name)
                ),
            }
        )
    return sorted(out, key=lambda d: sort_key(d["name"]))


def _commune_rows(ctx: Context, visits: Visits, first: dt.date, last: dt.date) -> list[dict[str, Any]]:
    """The unions of communes, wards, special zones (and townships) under no district in the part."""
    rows = {
        ident: unit
        for ident, unit in _units_in(ctx, first, last).items()
        if _is_commune(unit) and _district_on(ctx, ident, first, last, _entered(unit, first)) is None
    }
    touched: dict[str, dict[str, Any]] = {}
    for visit in visits:
        reached = {_row_of(ctx, rows, place, visit.from_) for place in visit.places} - {None}
        for ident in reached:
            slot = touched.setdefault(str(ident), _slot())
            slot["days"] += visit.days
            slot["visits"] += 1
            slot["cadres"].add(visit.cadre)
    order = {level: index for index, level in enumerate(COMMUNE_LEVELS)}
    out = []
    for ident, unit in rows.items():
        slot = touched.get(ident, _slot())
        level = unit.locality.level if unit.locality else None
        out.append(
            {
                "unit": ident,
                "name": unit.name,
                "level": level,
                "disadvantaged": list(unit.disadvantaged),
                "visited": slot["visits"] > 0,
                "days": slot["days"],
                "visits": slot["visits"],
                "cadres": sorted(slot["cadres"]),
            }
        )
    return sorted(out, key=lambda r: (order.get(r["level"], 99), sort_key(r["name"])))


def _row_of(ctx: Context, rows: dict[str, Unit], place: str, day: dt.date) -> str | None:
    """The row a place lies in on ``day``: itself, or the commune above it (a branch of a commune's union)."""
    return next((unit.id for unit in _lineage(ctx, place, day) if unit.id in rows), None)


def _by(items: Iterable[dict[str, Any]], key: str, order: Sequence[str]) -> dict[str, dict[str, int]]:
    items = list(items)
    out = {}
    for value in order:
        found = [i for i in items if i[key] == value]
        if found:
            out[value] = {"total": len(found), "visited": sum(1 for i in found if i["visited"])}
    return out


def communes(ctx: Context, visits: Visits, first: dt.date, last: dt.date) -> dict[str, Any]:
    """Every commune-level union of the part (under a district or not) and how many a cadre went to."""
    units = {ident: unit for ident, unit in _units_in(ctx, first, last).items() if _is_commune(unit)}
    places = {place for visit in visits for place in visit.places}
    rows = [{"unit": i, "level": u.locality.level if u.locality else None, "visited": i in places} for i, u in units.items()]
    return {
        "total": len(rows),
        "visited": sum(1 for r in rows if r["visited"]),
        "by_level": _by(rows, "level", COMMUNE_LEVELS),
        "unvisited": sorted((r["unit"] for r in rows if not r["visited"]), key=lambda i: sort_key(ctx.unit_name(i))),
    }


def part(ctx: Context, visits: Visits, first: dt.date, last: dt.date, tiers: int) -> dict[str, Any]:
    """The coverage of one part: its rows (district-level unions, or communes) and its figures."""
    districts = district_rows(ctx, visits, first, last)
    if tiers == 3:
        rows = districts
        figures: dict[str, Any] = {
            "rows": rows,
            "total": len(rows),
            "visited": sum(1 for d in rows if d["visited"]),
            "by_level": _by(rows, "type", sorted(DISTRICT_TYPES)),
            "unvisited": [d["unit"] for d in rows if not d["visited"]],
            "disadvantaged": sum(d["disadvantaged"] for d in rows),
            "disadvantaged_visited": sum(d["disadvantaged_visited"] for d in rows),
            "communes": communes(ctx, visits, first, last),
        }
        tops: dict[str, Unit] = {}
    else:
        rows = _commune_rows(ctx, visits, first, last)
        tops = {r["unit"]: ctx.units[r["unit"]].model for r in rows}  # membership only: _row_of reads the ids
        hard = [r for r in rows if r["disadvantaged"]]
        figures = {
            "rows": rows,
            "total": len(rows),
            "visited": sum(1 for r in rows if r["visited"]),
            "by_level": _by(rows, "level", COMMUNE_LEVELS),
            "unvisited": [r["unit"] for r in rows if not r["visited"]],
            "disadvantaged": len(hard),
            "disadvantaged_visited": sum(1 for r in hard if r["visited"]),
            "affiliated": districts,
        }
    outside = [
        v for v in visits if not any(_district_on(ctx, p, v.from_, v.from_) or _row_of(ctx, tops, p, v.from_) for p in v.places)
    ]
    return {
        "from": first.isoformat(),
        "to": last.isoformat(),
        "tiers": tiers,
        "visits": len(visits),
        "days": sum(v.days for v in visits),
        "disadvantaged_visits": sum(1 for v in visits if any(_marked(ctx, p, v.from_) for p in v.places)),
        "outside": {"visits": len(outside), "days": sum(v.days for v in outside)},
        **figures,
    }


def _marked(ctx: Context, place: str, day: dt.date) -> bool:
    """A place marked disadvantaged on the visit's day: the marking of the unit visited, kept when it was dissolved
    or merged later."""
    unit = _state(ctx, place, day)
    return bool(unit and unit.disadvantaged)


def parts(ctx: Context, visits: Visits, year: int) -> list[dict[str, Any]]:
    """The coverage of a year, one part per shape of the organisation (see the module's notes)."""
    bounds = periods(ctx, dt.date(year, 1, 1), dt.date(year, 12, 31))
    shares: list[list[QuarterlyReportVisit]] = [[] for _ in bounds]
    for visit in visits:
        index = next((i for i, (_, last, _) in enumerate(bounds) if visit.from_ <= last), len(bounds) - 1)
        shares[index].append(visit)
    return [part(ctx, share, first, last, tiers) for (first, last, tiers), share in zip(bounds, shares, strict=True)]


# -- words ---------------------------------------------------------------------------------------


def kinds(data: dict[str, Any]) -> str:
    """The kinds of locality a two-tier part counts, in words ("xã, phường, đặc khu")."""
    levels = data["by_level"] or COMMUNE_LEVELS[:3]
    return ", ".join(label("locality_level", level).lower() for level in levels)


def shape(data: dict[str, Any]) -> str:
    """What a part counts by, in words: "huyện, thị, thành đoàn" or "xã, phường, đặc khu"."""
    return say("stats", "shape_three") if data["tiers"] == 3 else kinds(data)


def numbers(data: dict[str, Any]) -> str:
    """A part's figure, "x/y"."""
    return f"{data['visited']}/{data['total']}"


def words(data: dict[str, Any]) -> str:
    """What a part's figure counts, in words: "xã, phường, đặc khu đã có cán bộ về cơ sở"."""
    return say("stats", "headline_three") if data["tiers"] == 3 else say("stats", "headline_two", kinds=kinds(data))


def dates(data: dict[str, Any]) -> dict[str, str]:
    return {"first": format_date(data["from"]), "last": format_date(data["to"])}


def headline(data: dict[str, Any], dated: bool) -> str:
    """A part's sentence: "x/y xã, phường, đặc khu đã có cán bộ về cơ sở.", with its dates when ``dated``."""
    text = say("stats", "headline", numbers=numbers(data), words=words(data))
    if dated:
        text = say("stats", "headline_dated", text=text, **dates(data))
    return text + "."


def tile(data: dict[str, Any], dated: bool) -> str:
    """A part's figure's label on the home page (the words, with the part's dates when ``dated``)."""
    return say("stats", "tile_dated", words=words(data), **dates(data)) if dated else words(data)


def headlines(coverage: Sequence[dict[str, Any]]) -> list[str]:
    """The year's headline sentences, one per part, dated when the year has more than one."""
    return [headline(item, len(coverage) > 1) for item in coverage]


def shape_note(year: int, coverage: Sequence[dict[str, Any]], other: int, other_coverage: Sequence[dict[str, Any]]) -> str:
    """A sentence saying two years' coverage counts different shapes ("" when they count the same)."""
    mine, theirs = [shape(p) for p in coverage], [shape(p) for p in other_coverage]
    if mine == theirs or not mine or not theirs:
        return ""
    return say("stats", "shape_note", year=other, shape=" / ".join(theirs), other_year=year, other_shape=" / ".join(mine))
