"""Which pages the site has, and what each one shows: a plan of pages, no rendering.

Each page is a Markdown file (under the generated docs folder) made from one
template and a dictionary of values; ``sources`` lists the records it shows,
for its "where this comes from" footer. Pages are planned in a fixed order
from sorted records, so the same records always give the same pages.

Beside the pages planned here, each kind may add pages of its own (its
``pages`` hook); a section index lists the pages kinds add to its section, so
a new kind brings its pages without a change here.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup

from site_gen.catalogue import say, words
from site_gen.coverage import dates, existed, headline, headlines, numbers, part_index, shape_note, tile
from site_gen.coverage import kinds as coverage_kinds
from site_gen.kinds import (
    FIELD_VISIT_PLAN,
    GOOD_MODEL,
    INSPECTION_PLAN,
    INSPECTION_RESULT,
    KINDS,
    MIDTERM_SURVEY,
    REMEDIATION_PLAN,
    REMEDIATION_PROGRESS,
    Kind,
    KindPage,
)
from site_gen.kinds.good_model import GoodModel
from site_gen.kinds.remediation_progress import RemediationProgress, RemediationProgressItem
from site_gen.labels import labels
from site_gen.lineage import Lineage
from site_gen.model import Record, last_day, quarterly_deadline, records_of, span_days
from site_gen.site import charts
from site_gen.site.data import CLASSIFICATIONS, UNTAGGED, SiteData, month_of
from site_gen.site.unit_history import UnitRecords, unit_history
from site_gen.vn import sort_key

# The words of the pages (site.toml, Vietnamese only: the site is a Vietnamese document).
WORDS = words("pages")
MONTHS = tuple(words("months")[str(month)] for month in range(1, 13))


@dataclass
class Page:
    path: str
    template: str
    title: str
    values: dict[str, Any] = field(default_factory=dict)
    sources: list[Record] = field(default_factory=list)
    # The left sidebar lists a section's pages from the nav; generated pages are
    # not in it (which keeps MkDocs fast), so on them it would stand empty.
    navigation: bool = False


def figure(svg: str, headers: list[str], rows: list[list[Any]]) -> Markup:
    """A chart with its data as a table underneath, folded: the text alternative for every reader."""
    table = charts.text_alternative(headers, rows)
    return Markup(
        f'<figure class="bieu-do-khung">\n{svg}\n<details><summary>{charts.TABLE_SUMMARY}</summary>\n{table}\n</details>\n</figure>'
    )


def plan_pages(site: SiteData) -> list[Page]:
    pages = site_pages(site)
    added = [(kind, page) for kind in KINDS for page in kind.pages(site)]
    list_in_sections(pages, added)
    pages += [Page(p.path, p.template, p.title, p.values, p.sources) for _, p in added]
    paths = [page.path for page in pages]
    duplicated = sorted({path for path in paths if paths.count(path) > 1})
    assert not duplicated, f"two pages would be written at {duplicated}"
    return pages


SECTION_TEMPLATE = "_muc.md.j2"


def list_in_sections(pages: list[Page], added: list[tuple[Kind, KindPage]]) -> None:
    """Make each section index list the pages kinds add to its section, under each kind's label.

    An index with nothing added keeps its own template, byte for byte; one with
    added pages is rendered through a template that includes its own and adds
    the list after it.
    """
    by_section: dict[str, dict[str, list[KindPage]]] = defaultdict(lambda: defaultdict(list))
    for kind, page in added:
        if page.section is not None:
            by_section[page.section][kind.label_vi].append(page)
    indexes = {page.path: page for page in pages}
    for section, groups in sorted(by_section.items()):
        index = indexes.get(f"{section}/index.md")
        assert index is not None, f"pages added to a section without an index page: {section}"
        index.values = {**index.values, "own_template": index.template, "added": list(groups.items())}
        index.template = SECTION_TEMPLATE


def site_pages(site: SiteData) -> list[Page]:
    pages: list[Page] = []
    for builder in (
        home,
        plans,
        progress,
        cadres,
        calendars,
        coverage,
        inspections,
        remediation,
        models,
        surveys,
        data_page,
        units,
    ):
        pages.extend(builder(site))
    return pages


# -- home ---------------------------------------------------------------------------------


def home(site: SiteData) -> Iterator[Page]:
    deadlines = site.deadlines()
    today = site.today.isoformat()
    # every deadline of the next six weeks (a round of inspections sets one a day), and at least eight
    horizon = (site.today + dt.timedelta(days=42)).isoformat()
    ahead = [d for d in deadlines if d.date >= today]
    upcoming = [d for d in ahead if d.date <= horizon]
    if len(upcoming) < 8:
        upcoming = ahead[:8]
    recent = [d for d in reversed(deadlines) if d.date < today][:8]
    years = []
    for year in site.years:
        data = site.figures[year]
        parts = data["coverage"]
        tiles = []
        for part in parts:
            dated = len(parts) > 1
            key = "visited" if part["tiers"] == 3 else "units"
            tiles.append({"key": key, "numbers": numbers(part), "label": tile(part, dated)})
            communes = part.get("communes")
            if communes and communes["total"]:
                label = say("stats", "communes_tile", kinds=coverage_kinds(communes))
                label = say("stats", "tile_dated", words=label, **dates(part)) if dated else label
                tiles.append({"key": "communes", "numbers": numbers(communes), "label": label})
        years.append({"year": year, "figures": data, "tiles": tiles})
    yield Page(
        "index.md",
        "index.md.j2",
        WORDS["home"],
        {"years": years, "upcoming": upcoming, "recent": recent, "changes": site.recent_changes(), "today": today},
        [],
    )


# -- plans -------------------------------------------------------------------------------------


def plans(site: SiteData) -> Iterator[Page]:
    visit_plans = sorted(site.ctx.table(FIELD_VISIT_PLAN).values(), key=lambda p: (-p.model.year, p.id))
    yield Page(
        "ke-hoach/index.md",
        "ke-hoach-danh-sach.md.j2",
        WORDS["plans"],
        {
            "visit_plans": visit_plans,
            "inspection_plans": sorted(site.ctx.table(INSPECTION_PLAN).values(), key=lambda p: (-p.model.year, p.id)),
            "remediation_plans": sorted(site.ctx.table(REMEDIATION_PLAN).values(), key=lambda p: (-p.model.year, p.id)),
        },
    )
    for plan in visit_plans:
        data = plan.model
        timeline = [
            (WORDS["timeline_start"], data.window.from_),
            (WORDS["timeline_registration"], last_day(data.deadlines.registration)),
            (WORDS["timeline_summary"], last_day(data.deadlines.summary)),
        ]
        timeline += [(WORDS["timeline_quarter"].format(quarter=q), quarterly_deadline(data, q)) for q in (1, 2, 3, 4)]
        timeline.append((WORDS["timeline_end"], data.window.to))
        timeline.sort(key=lambda item: item[1])
        yield Page(
            f"ke-hoach/{plan.id}.md",
            "ke-hoach.md.j2",
            data.document.title,
            # the heading names the committee that issued the plan (a former committee's plan: that committee)
            {"plan": plan, "doc": data.document, "timeline": timeline, "today": site.today, "org": site.issuer_of(plan)},
            [plan],
        )


# -- progress --------------------------------------------------------------------------------


def progress(site: SiteData) -> Iterator[Page]:
    yield Page("tien-do/index.md", "tien-do-danh-sach.md.j2", WORDS["progress"], {"years": site.years})
    for year in site.years:
        data = site.figures[year]
        cadres = data["cadres"]
        order = {c["id"]: index for index, c in enumerate(cadres)}
        units: dict[str, dict[str, Any]] = {}
        for cadre in cadres:
            slot = units.setdefault(
                cadre["unit"],
                {"unit": cadre["unit"], "name": cadre["unit_name"], "cadres": 0, "subject": 0, "reached": 0, "days": 0},
            )
            slot["cadres"] += 1
            if cadre["status"] != "exempt":
                slot["subject"] += 1
                slot["days"] += cadre["done_days"]
                slot["reached"] += cadre["status"] == "reached"
        per_unit = sorted(units.values(), key=lambda u: sort_key(u["name"]))
        months = [0] * 12
        for visit in site.visits(year, done=True):
            months[month_of(visit.end) - 1] += visit.days
        subject = [c["done_days"] for c in cadres if c["status"] != "exempt"]
        minimum = min(p["min_days"] for p in data["plans"])
        monthly = figure(
            charts.days_per_month(f"thang-{year}", months),
            [WORDS["col_month"], WORDS["col_days"]],
            [[name, days] for name, days in zip(MONTHS, months, strict=True)],
        )
        spread = figure(
            charts.distribution(f"phan-bo-{year}", subject, minimum),
            [WORDS["col_days_done"], WORDS["col_cadres"]],
            [
                [
                    WORDS["days_range"].format(low=low, high=high - 1) if high - 1 > low else WORDS["days_one"].format(low=low),
                    count,
                ]
                for low, high, count in charts.histogram_bins(subject, minimum)
            ],
        )
        yield Page(
            f"tien-do/{year}.md",
            "tien-do.md.j2",
            WORDS["progress_year"].format(year=year),
            {
                "year": year,
                "figures": data,
                "order": order,
                "per_unit": per_unit,
                "chart_months": monthly,
                "chart_spread": spread,
                "minimum": minimum,
                "units": sorted({(c["unit"], c["unit_name"]) for c in cadres}, key=lambda u: sort_key(u[1])),
            },
        )


def cadres(site: SiteData) -> Iterator[Page]:
    summaries = {year: {c["id"]: c for c in site.figures[year]["cadres"]} for year in site.years}
    models_by_cadre: dict[str, list[Record[GoodModel]]] = defaultdict(list)
    for model in records_of(GOOD_MODEL, site.kind(GOOD_MODEL.name)):
        found = model.model.found_in.visit
        if found is not None:
            models_by_cadre[found.cadre].append(model)
    for ident in site.cadres_sorted(site.ctx.cadres):
        cadre = site.ctx.cadres[ident]
        years: list[dict[str, Any]] = []
        for year in site.years:
            summary = summaries[year].get(ident)
            planned = site.visits_of(ident, year, done=False)
            done = site.visits_of(ident, year, done=True)
            if summary is None and not planned and not done:
                continue
            years.append({"year": year, "summary": summary, "planned": planned, "done": done})
        sources = [cadre, *sorted({v.record for y in years for v in (*y["planned"], *y["done"])}, key=lambda r: r.file)]
        models = models_by_cadre.get(ident, [])
        exempt_years = sorted(item.year for item in cadre.model.exemptions)
        yield Page(
            f"can-bo/{ident}.md",
            "can-bo.md.j2",
            cadre.model.name,
            {"cadre": cadre, "years": years, "models": models, "exempt_years": exempt_years},
            sources,
        )


# -- calendar ----------------------------------------------------------------------------------


def calendars(site: SiteData) -> Iterator[Page]:
    feeds = calendar_feeds(site)
    yield Page("lich/index.md", "lich-danh-sach.md.j2", WORDS["calendar"], {"years": site.years, "feeds": feeds})
    for year in site.years:
        months: list[list[dict[str, Any]]] = [[] for _ in range(12)]
        done_by_cadre: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for visit in site.visits(year, done=True):
            done_by_cadre[visit.cadre].append((visit.start, visit.end))
        today = site.today.isoformat()
        for visit in site.visits(year):
            if not visit.done and any(start <= visit.end and visit.start <= end for start, end in done_by_cadre[visit.cadre]):
                continue  # a reported visit covers these registered days: show the visit as done, once
            if visit.done:
                status = WORDS["visit_done"]
            elif visit.end < today:
                status = WORDS["visit_overdue"]
            else:
                status = WORDS["visit_planned"]
            item = {
                "status": status,
                "start": visit.start,
                "end": visit.end,
                "kind": "visit",
                "done": visit.done,
                "cadre": visit.cadre,
                "category": visit.category,
                "days": visit.days,
                "places": visit.places,
            }
            first, last = month_of(visit.start), month_of(visit.end)
            if visit.start[:4] != str(year):
                first = 1
            if visit.end[:4] != str(year):
                last = 12
            for month in range(first, last + 1):
                months[month - 1].append(item)
        for plan in site.ctx.plans_for_year(INSPECTION_PLAN, year):
            teams = {team.id: team.name for team in plan.model.teams}
            for row in plan.model.schedule:
                if row.date.year == year:
                    date = row.date.isoformat()  # ISO text, as the visits' dates it is sorted with
                    months[row.date.month - 1].append(
                        {
                            "start": date,
                            "end": date,
                            "kind": "inspection",
                            "session": row.session,
                            "unit": row.unit,
                            "team": teams.get(row.team, row.team),
                            "plan": plan.id,
                        }
                    )
        for items in months:
            items.sort(key=lambda i: (i["start"], i["end"], i["kind"], site.cadre_name(i.get("cadre", "")), i.get("unit", "")))
        yield Page(
            f"lich/{year}.md",
            "lich.md.j2",
            WORDS["calendar_year"].format(year=year),
            {"year": year, "months": list(zip(MONTHS, months, strict=True)), "feeds": feeds},
        )


def calendar_feeds(site: SiteData) -> dict[str, list[tuple[str, str]]]:
    """The iCalendar feeds the calendar pages link to, as the build writes them under lich/ics/."""
    units = sorted(name[len("don-vi/") : -len(".ics")] for name in site.calendars if name.startswith("don-vi/"))
    teams = {}
    for plan in site.ctx.table(INSPECTION_PLAN).values():
        for team in plan.model.teams:
            teams[f"doan-kiem-tra/{plan.id}/{team.id}.ics"] = f"{team.name} ({plan.model.year})"
    return {
        "all": [("lich/ics/to-chuc.ics", site.org.model.short_name)],
        "units": [(f"lich/ics/don-vi/{u}.ics", site.unit_name(u)) for u in site.units_sorted(units)],
        "teams": [(f"lich/ics/{name}", label) for name, label in sorted(teams.items()) if name in site.calendars],
    }


# -- coverage ------------------------------------------------------------------------------------


def coverage(site: SiteData) -> Iterator[Page]:
    """The coverage index (each year's headlines, and a note where two years count different shapes) and one page
    a year, one section per shape of the year (see :mod:`site_gen.coverage`)."""
    summary: list[dict[str, Any]] = []
    for year in site.years:
        parts = site.figures[year]["coverage"]
        later = summary[-1] if summary else None
        if later is not None:
            later["note"] = shape_note(later["year"], site.figures[later["year"]]["coverage"], year, parts)
        summary.append({"year": year, "headlines": headlines(parts), "note": ""})
    yield Page("dia-ban/index.md", "dia-ban-danh-sach.md.j2", WORDS["coverage"], {"years": site.years, "summary": summary})
    for year in site.years:
        data = site.figures[year]
        parts = data["coverage"]
        slots: list[dict[str, dict[str, Any]]] = [defaultdict(lambda: {"days": 0, "visits": 0, "cadres": set()}) for _ in parts]
        for visit in site.visits(year, done=True):
            by_place = slots[part_index(parts, visit.start)]
            for place in visit.places:
                slot = by_place[place]
                slot["days"] += visit.days
                slot["visits"] += 1
                slot["cadres"].add(visit.cadre)
        shown = []
        for index, part in enumerate(parts):
            suffix = f"-{index + 1}" if len(parts) > 1 else ""
            districts = part["rows"] if part["tiers"] == 3 else part["affiliated"]
            shown.append(
                {
                    **part,
                    "suffix": suffix,
                    "title": say("stats", "part_title", **dates(part)) if len(parts) > 1 else "",
                    "headline": headline(part, len(parts) > 1),
                    "plain": headline(part, False),
                    "communes_line": _communes_line(part),
                    "districts": [_district_detail(site, d, slots[index], part) for d in districts],
                    "communes": [
                        {**row, "cadres": site.cadres_sorted(row["cadres"])}
                        for row in (part["rows"] if part["tiers"] == 2 else [])
                    ],
                }
            )
        yield Page(
            f"dia-ban/{year}.md",
            "dia-ban.md.j2",
            WORDS["coverage_year"].format(year=year),
            {"year": year, "parts": shown, "figures": data},
        )


def _communes_line(part: dict[str, Any]) -> str:
    communes = part.get("communes")
    if not communes or not communes["total"]:
        return ""
    return say("stats", "communes", visited=communes["visited"], total=communes["total"], kinds=coverage_kinds(communes))


def _district_detail(
    site: SiteData, district: dict[str, Any], by_place: dict[str, dict[str, Any]], part: dict[str, Any]
) -> dict[str, Any]:
    """A district-level union's row with its communes of the part (those that existed then) and its own visits."""
    first, last = dt.date.fromisoformat(part["from"]), dt.date.fromisoformat(part["to"])
    communes = []
    for commune in site.communes(district["unit"]):
        unit = site.ctx.units[commune].model
        if not existed(unit, first, last):
            continue
        slot = by_place.get(commune, {"days": 0, "visits": 0, "cadres": set()})
        communes.append(
            {
                "unit": commune,
                "name": unit.name,
                "disadvantaged": unit.disadvantaged,
                "days": slot["days"],
                "visits": slot["visits"],
                "cadres": site.cadres_sorted(slot["cadres"]),
            }
        )
    own = by_place.get(district["unit"], {"days": 0, "visits": 0, "cadres": set()})
    return {**district, "communes_detail": communes, "own": {**own, "cadres": site.cadres_sorted(own["cadres"])}}


# -- inspections ------------------------------------------------------------------------------------


def inspections(site: SiteData) -> Iterator[Page]:
    plans_sorted = sorted(site.ctx.table(INSPECTION_PLAN).values(), key=lambda p: (-p.model.year, p.id))
    yield Page("kiem-tra/index.md", "kiem-tra-danh-sach.md.j2", WORDS["inspections"], {"plans": plans_sorted})
    org = site.org.model
    for plan in plans_sorted:
        data = plan.model
        records = {
            r.model.unit: r for r in records_of(INSPECTION_RESULT, site.kind(INSPECTION_RESULT.name)) if r.model.plan == plan.id
        }
        # a record still "scheduled" holds the documents' date, not a result
        results = {unit: r for unit, r in records.items() if r.model.status != "scheduled"}
        teams = {team.id: team for team in data.teams}
        schedule: list[dict[str, Any]] = []
        for row in sorted(data.schedule, key=lambda r: (r.date, r.session != "morning", site.unit_name(r.unit))):
            record = records.get(row.unit)
            result = results.get(row.unit)
            received = record.model.documents_received if record else None
            on_time = None
            if record is not None and received:
                on_time = (
                    span_days(received, row.date) - 1 >= data.documents_days_before
                    or record.model.documents_exception is not None
                )
            team = teams.get(row.team)
            schedule.append(
                {
                    "date": row.date,
                    "session": row.session,
                    "unit": row.unit,
                    "team_name": team.name if team else row.team,
                    "result": result,
                    "received": received,
                    "on_time": on_time,
                }
            )
        sectors: list[dict[str, Any]] = []
        names = {s.id: s.name for s in org.sectors}
        for sector in data.sectors:
            ranked = [r for u, r in results.items() if site.ctx.sector_on(u, r.model.date) == sector]
            ranked.sort(key=lambda r: (10_000 if r.model.rank is None else r.model.rank, sort_key(site.unit_name(r.model.unit))))
            counts = Counter(r.model.classification for r in ranked)
            sectors.append(
                {
                    "id": sector,
                    "name": names.get(sector, sector),
                    "results": ranked,
                    "counts": [counts.get(c, 0) for c in CLASSIFICATIONS],
                }
            )
        classified = labels("classification")
        levels = [classified[code] for code in CLASSIFICATIONS]
        chart = figure(
            charts.stacked_bars(
                f"xep-loai-{plan.id}",
                WORDS["by_sector_title"],
                WORDS["by_sector_about"],
                [(s["name"], s["counts"]) for s in sectors],
                levels,
            ),
            [WORDS["col_sector"], *levels, WORDS["col_total"]],
            [[s["name"], *s["counts"], sum(s["counts"])] for s in sectors],
        )
        yield Page(
            f"kiem-tra/{plan.id}.md",
            "kiem-tra.md.j2",
            data.document.title,
            {
                "plan": plan,
                "doc": data.document,
                "schedule": schedule,
                "sectors": sectors,
                "teams": data.teams,
                "chart": chart,
                "labels": levels,
            },
            [plan],
        )
        for unit, result in sorted(results.items(), key=lambda item: sort_key(site.unit_name(item[0]))):
            found = [site.ctx.models[m] for m in result.model.good_models if m in site.ctx.models]
            yield Page(
                f"kiem-tra/{plan.id}/{unit}.md",
                "ket-qua.md.j2",
                WORDS["result"].format(year=data.year, unit=site.ctx.unit_name_on(unit, result.model.date)),
                {"plan": plan, "result": result, "team": teams.get(result.model.team), "models": found},
                [result],
            )


# -- remediation --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Progress:
    """One shortcoming's line in one progress report."""

    report: Record[RemediationProgress]
    item: RemediationProgressItem


def remediation(site: SiteData) -> Iterator[Page]:
    plans_sorted = sorted(site.ctx.table(REMEDIATION_PLAN).values(), key=lambda p: (-p.model.year, p.id))
    yield Page("khac-phuc/index.md", "khac-phuc-danh-sach.md.j2", WORDS["remediation"], {"plans": plans_sorted})
    for plan in plans_sorted:
        data = plan.model
        reports = sorted(
            (r for r in records_of(REMEDIATION_PROGRESS, site.kind(REMEDIATION_PROGRESS.name)) if r.model.plan == plan.id),
            key=lambda r: (r.model.period.to, r.model.submitted, r.file),
        )
        history: dict[str, list[Progress]] = defaultdict(list)
        for report in reports:
            for item in report.model.items:
                history[item.shortcoming].append(Progress(report, item))
        shortcomings = []
        for shortcoming in data.shortcomings:
            groups = [g for g in data.solution_groups if shortcoming.id in g.shortcomings]
            entries = history.get(shortcoming.id, [])
            shortcomings.append(
                {"item": shortcoming, "groups": groups, "history": entries, "latest": entries[-1] if entries else None}
            )
        yield Page(
            f"khac-phuc/{plan.id}.md",
            "khac-phuc.md.j2",
            data.document.title,
            {"plan": plan, "doc": data.document, "shortcomings": shortcomings, "reports": reports},
            [plan, *reports],
        )


# -- good models and surveys -------------------------------------------------------------------------


def models(site: SiteData) -> Iterator[Page]:
    records = sorted(records_of(GOOD_MODEL, site.kind(GOOD_MODEL.name)), key=lambda m: sort_key(m.model.name))
    by_tag: dict[str, list[Record[GoodModel]]] = defaultdict(list)
    for model in records:
        for tag in model.model.tags or [UNTAGGED]:
            by_tag[tag].append(model)
    tags = sorted(
        ((tag, site.tag_label(tag), items) for tag, items in by_tag.items()), key=lambda t: (t[0] == UNTAGGED, sort_key(t[1]))
    )
    yield Page(
        "mo-hinh/index.md",
        "mo-hinh-danh-sach.md.j2",
        WORDS["models"],
        {"models": records, "tags": tags, "untagged": UNTAGGED},
    )
    for model in records:
        found = model.model.found_in
        where: dict[str, Any] = {}
        if found.visit is not None:
            cadre, date = found.visit.cadre, found.visit.date.isoformat()  # visits' dates are ISO text
            visit = next((v for v in site.visits_of(cadre, done=True) if v.start <= date <= v.end), None)
            where = {"kind": "visit", "cadre": cadre, "date": date, "visit": visit}
        elif found.inspection is not None:
            where = {"kind": "inspection", "plan": found.inspection.plan, "unit": found.inspection.unit}
        else:
            where = {"kind": "survey", "survey": found.survey}
        yield Page(f"mo-hinh/{model.id}.md", "mo-hinh.md.j2", model.model.name, {"model": model, "where": where}, [model])


def surveys(site: SiteData) -> Iterator[Page]:
    leadership = site.org.model.leadership_unit
    records = sorted(
        records_of(MIDTERM_SURVEY, site.kind(MIDTERM_SURVEY.name)),
        key=lambda s: (s.model.unit != leadership, sort_key(site.unit_name(s.model.unit))),
    )
    yield Page("khao-sat/index.md", "khao-sat-danh-sach.md.j2", WORDS["surveys"], {"surveys": records})
    for survey in records:
        targets = []
        for target in survey.model.targets:
            ratio = None
            if target.target and target.achieved is not None:
                ratio = round(100 * target.achieved / target.target, 2)
            targets.append((target, ratio))
        yield Page(
            f"khao-sat/{survey.id}.md",
            "khao-sat.md.j2",
            WORDS["survey"].format(unit=site.unit_name(survey.model.unit)),
            {"survey": survey, "targets": targets},
            [survey],
        )


def data_page(site: SiteData) -> Iterator[Page]:
    described = json.loads(site.downloads["mo-ta.json"]) if "mo-ta.json" in site.downloads else {"files": []}
    by_kind: dict[str, dict[str, Any]] = {}
    for entry in described["files"]:
        slot = by_kind.setdefault(entry["kind"], {"label": entry["label"], "rows": 0, "csv": "", "xlsx": "", "json": ""})
        slot[entry["format"]] = entry["file"]
        if entry["format"] == "csv":
            slot["rows"] = entry["rows"]
    downloads = [by_kind[kind.name] for kind in KINDS if kind.name in by_kind]
    yield Page("du-lieu/index.md", "du-lieu.md.j2", WORDS["data"], {"downloads": downloads, "kinds": KINDS}, navigation=True)


# -- units ------------------------------------------------------------------------------------------


def units(site: SiteData) -> Iterator[Page]:
    """A page per unit: its history (the units it came from, what it became) and, year by year, the visits it
    received, its inspection results and remediation plans, its predecessors' included (site_gen.lineage)."""
    lineage = Lineage.of(site.ctx)
    records = UnitRecords(site)
    for ident in site.units_sorted(site.ctx.units):
        unit = site.ctx.units[ident]
        values = unit_history(lineage, records, ident)
        sources = values.pop("sources")
        yield Page(f"don-vi/{ident}.md", "don-vi.md.j2", unit.model.name, {"unit": unit, **values}, [unit, *sources])
    yield Page("don-vi/index.md", "don-vi-danh-sach.md.j2", WORDS["units"], unit_index(site, lineage), navigation=True)


def unit_index(site: SiteData, lineage: Lineage) -> dict[str, Any]:
    """The register as readers look for a unit: those at work today by type (grassroots unions by the level of their
    locality), then those dissolved or merged, each with the day it ended and the units it went into."""
    today = site.today
    active: dict[str, list[str]] = {}
    ended = []
    for ident in site.units_sorted(site.ctx.units):
        unit = site.ctx.units[ident].model
        if unit.dissolved is not None and unit.dissolved <= today:
            after = sorted({step.after for step in lineage.successors(ident) if step.after and step.depth == 1})
            ended.append({"id": ident, "dissolved": unit.dissolved, "after": site.units_sorted(after)})
            continue
        level = unit.locality.level if unit.type == "grassroots" and unit.locality and unit.locality.level else None
        active.setdefault(f"level:{level}" if level else f"type:{unit.type}", []).append(ident)
    groups = [{"key": key, "units": active[key]} for key in sorted(active, key=_unit_group_order)]
    return {"groups": groups, "ended": ended}


def _unit_group_order(key: str) -> tuple[int, str]:
    kind, _, value = key.partition(":")
    order = ("leadership", "office", "department", "service", "district", "affiliated", "grassroots", "branch")
    levels = ("ward", "commune", "special-zone", "township", "city", "town", "district", "hamlet", "quarter")
    if kind == "type":
        return (order.index(value) if value in order else len(order), value)
    return (len(order) + (levels.index(value) if value in levels else len(levels)), value)
