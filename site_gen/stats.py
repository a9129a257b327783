"""The figures of the "1+2" report for one year, counted from what was done.

Days done come from the quarterly reports (form 3), never from the days
planned. The population of a year is every cadre a plan of that year applies
to (membership, role group, at work that year); exempt cadres are counted
apart; the others are "subject" and must reach the minimum. Coverage and
days per category count every reported visit of the year.

:func:`figures` is a pure function of the records. The command counts only
behind the gate (:func:`site_gen.workspace.require_clean`): never while the
submissions have errors, because a record that failed its checks would
silently drop out of the sums.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from typing import Any

from site_gen import coverage
from site_gen.catalogue import say
from site_gen.errors import SetupError
from site_gen.kinds import FIELD_VISIT_PLAN, QUARTERLY_REPORT, REGISTRATION
from site_gen.kinds.cadre import assignment_on
from site_gen.kinds.field_visit_plan import FieldVisitPlan
from site_gen.kinds.quarterly_report import QuarterlyReport, QuarterlyReportVisit
from site_gen.kinds.registration import Registration, RegistrationRow
from site_gen.labels import labels
from site_gen.model import Context, Record, quarter_bounds, quarterly_deadline, records_of
from site_gen.vn import format_decimal, format_int, name_key

FORMAT = 1


def _ratio(part: float, whole: float) -> float:
    return round(part / whole, 2) if whole else 0.0


def _group(cadres: list[dict[str, Any]]) -> dict[str, Any]:
    subject = [c for c in cadres if c["status"] != "exempt"]
    reached = [c for c in subject if c["status"] == "reached"]
    days = sum(c["done_days"] for c in subject)
    return {
        "cadres": len(cadres),
        "exempt": len(cadres) - len(subject),
        "subject": len(subject),
        "reached": len(reached),
        "days": days,
        "average_days": _ratio(days, len(subject)),
        "percent_reached": _ratio(100 * len(reached), len(subject)),
    }


def figures(ctx: Context, records: Iterable[Record], year: int) -> dict[str, Any]:
    plans = sorted(ctx.plans_for_year(FIELD_VISIT_PLAN, year), key=lambda p: p.id)
    if not plans:
        raise SetupError("setup.no-plan", year=year)
    plan_ids = {plan.id for plan in plans}
    records = list(records)
    registrations = [r for r in records_of(REGISTRATION, records) if r.model.plan in plan_ids]
    reports = [r for r in records_of(QUARTERLY_REPORT, records) if r.model.plan in plan_ids]
    visits = [(report, visit) for report in reports for visit in report.model.visits]
    cadres = _cadres(ctx, plans, registrations, visits)
    return {
        "format": FORMAT,
        "year": year,
        "plans": _plans(plans),
        "overall": _group(cadres),
        "groups": _groups(cadres),
        **_committees(ctx, plans, cadres),
        "categories": _categories(ctx, plans, visits),
        "districts": _districts(ctx, visits, year),
        "communes": _communes(ctx, visits, year),
        "coverage": coverage.parts(ctx, [visit for _, visit in visits], year),
        "reports": _reports(ctx, plans, reports, cadres),
        "unregistered_visits": sum(c["unregistered_visits"] for c in cadres),
        "cadres": cadres,
    }


def _plans(plans: list[Record[FieldVisitPlan]]) -> list[dict[str, Any]]:
    return [{"id": p.id, "number": p.model.document.number, "min_days": p.model.min_days} for p in plans]


def _groups(cadres: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The figures of each membership (staff, executive, …)."""
    groups = []
    vi, en = labels("membership"), labels("membership", "en")
    for code, label_vi in vi.items():
        members = [c for c in cadres if code in c["memberships"]]
        groups.append({"membership": code, "label": label_vi, "label_en": en[code], **_group(members)})
    return groups


def _committees(ctx: Context, plans: list[Record[FieldVisitPlan]], cadres: list[dict[str, Any]]) -> dict[str, Any]:
    """The figures of each committee that issued a plan of the year (a year before a merger: the former
    committees), when there are several; the other keys hold them combined."""
    issuers = list(dict.fromkeys(plan.model.issuer for plan in plans))
    if len(issuers) < 2:
        return {}
    committees = []
    for ident in sorted(issuers, key=lambda i: (i is None, i or "")):  # the former committees first
        mine = [plan for plan in plans if plan.model.issuer == ident]
        who = ctx.issuer_of(mine[0])
        ids = {plan.id for plan in mine}
        members = [c for c in cadres if c["plan"] in ids]
        committees.append(
            {
                "id": who.id,
                "name": who.name,
                "short_name": who.short_name,
                "until": who.until.isoformat() if who.until else None,
                "plans": _plans(mine),
                "overall": _group(members),
                "groups": _groups(members),
            }
        )
    return {"committees": committees}


Visits = list[tuple[Record[QuarterlyReport], QuarterlyReportVisit]]


def _cadres(
    ctx: Context, plans: list[Record[FieldVisitPlan]], registrations: list[Record[Registration]], visits: Visits
) -> list[dict[str, Any]]:
    planned: dict[str, int] = {}
    rows: dict[str, list[RegistrationRow]] = {}
    for record in registrations:
        registration = record.model
        planned[registration.cadre] = planned.get(registration.cadre, 0) + sum(r.days for r in registration.rows)
        rows.setdefault(registration.cadre, []).extend(registration.rows)
    done: dict[str, list[QuarterlyReportVisit]] = {}
    for _, visit in visits:
        done.setdefault(visit.cadre, []).append(visit)
    out = []
    for cadre in ctx.cadres.values():
        plan = next((p for p in plans if ctx.in_scope(cadre, p)), None)
        if plan is None:
            continue
        # where the cadre worked at the end of the plan's year, or their former committee's last day
        then = assignment_on(cadre.model, ctx.reference_day(plan))
        group = then.role_group
        rules = ctx.role_rules(plan, group)
        minimum = ctx.min_days(plan, group)
        mine = done.get(cadre.id, [])
        days = sum(v.days for v in mine)
        min_trips = rules.min_trips if rules is not None else None
        length = (rules.min_days_per_trip if rules is not None else None) or 0
        long_trips = sum(1 for v in mine if v.days >= length) if min_trips is not None else len(mine)
        exempt = ctx.exemption(cadre.id, plan.model.year) is not None
        if exempt:
            status = "exempt"
        elif days >= minimum and long_trips >= (min_trips or 0):
            status = "reached"
        else:
            status = "not-yet"
        registered_rows = rows.get(cadre.id, [])
        unregistered = sum(
            1 for v in mine if not any(r.category == v.category and r.from_ <= v.to and v.from_ <= r.to for r in registered_rows)
        )
        out.append(
            {
                "id": cadre.id,
                "name": cadre.model.name,
                "unit": then.unit,
                "unit_name": ctx.unit_name(then.unit),
                "post": then.post,
                "role_group": group,
                "memberships": sorted(then.memberships),
                "plan": plan.id,
                "min_days": minimum,
                "min_trips": min_trips or 0,
                "min_days_per_trip": length,
                "registered": cadre.id in planned,
                "planned_days": planned.get(cadre.id, 0),
                "done_days": days,
                "trips": len(mine),
                "long_trips": long_trips if min_trips is not None else 0,
                "unregistered_visits": unregistered,
                "status": status,
            }
        )
    return sorted(out, key=lambda c: name_key(c["name"]))


def _categories(ctx: Context, plans: list[Record[FieldVisitPlan]], visits: Visits) -> list[dict[str, Any]]:
    names: dict[str, str] = {}
    for plan in plans:
        for category in plan.model.categories:
            names.setdefault(category.code, category.name)
    days: dict[str, int] = dict.fromkeys(names, 0)
    count: dict[str, int] = dict.fromkeys(names, 0)
    for _, visit in visits:
        days[visit.category] = days.get(visit.category, 0) + visit.days
        count[visit.category] = count.get(visit.category, 0) + 1
    codes = sorted(days, key=lambda code: tuple(int(part) for part in code.split(".")))
    return [{"code": c, "name": names.get(c, ""), "days": days[c], "visits": count[c]} for c in codes]


def _year(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def _communes(ctx: Context, visits: Visits, year: int) -> dict[str, Any]:
    """The grassroots unions of communes, wards, special zones and townships that existed in the year, and how many
    a cadre went to, whatever the shape (the parts of :func:`site_gen.coverage.parts` count each shape apart)."""
    return coverage.communes(ctx, [visit for _, visit in visits], *_year(year))


def commune_kinds(data: dict[str, Any]) -> str:
    """The kinds of locality the year's coverage of communes counts, in words ("xã, phường, đặc khu")."""
    return coverage.kinds(data["communes"])


def _districts(ctx: Context, visits: Visits, year: int) -> list[dict[str, Any]]:
    """The district-level unions that existed in the year; a visit counts in the one its place lay in on its
    first day (a district dissolved before it is not revived by a visit to a commune it once held)."""
    return coverage.district_rows(ctx, [visit for _, visit in visits], *_year(year))


def _reports(
    ctx: Context, plans: list[Record[FieldVisitPlan]], reports: list[Record[QuarterlyReport]], cadres: list[dict[str, Any]]
) -> dict[str, Any]:
    """The quarterly reports received and those still owed. A unit owes a plan a quarter's report when a subject
    cadre of that plan worked in it during the quarter (on its first or last day): a cadre who moved reports from
    the new unit, and a former committee's unit owes none after its last day."""
    owed: set[tuple[str, str, int]] = set()
    for cadre in cadres:
        record = ctx.cadres.get(cadre["id"])
        if cadre["status"] == "exempt" or record is None:
            continue
        year = next(p.model.year for p in plans if p.id == cadre["plan"])
        for quarter in (1, 2, 3, 4):
            for day in quarter_bounds(year, quarter):
                owed.add((cadre["plan"], assignment_on(record.model, day).unit, quarter))
    received = []
    for report in sorted((r.model for r in reports), key=lambda r: (r.unit, r.quarter, r.plan)):
        plan = next(p for p in plans if p.id == report.plan)
        deadline = quarterly_deadline(plan.model, report.quarter)
        received.append(
            {
                "unit": report.unit,
                "quarter": report.quarter,
                "plan": report.plan,
                "submitted": report.submitted.isoformat(),
                "deadline": deadline.isoformat(),
                "late": report.submitted > deadline,
                "visits": len(report.visits),
                "days": sum(v.days for v in report.visits),
            }
        )
    have = {(r["plan"], r["unit"], r["quarter"]) for r in received}
    missing = [
        {"unit": unit, "quarter": quarter, "plan": plan}
        for plan, unit, quarter in sorted(owed, key=lambda k: (k[1], k[2], k[0]))
        if (plan, unit, quarter) not in have
    ]
    return {
        "expected": len(owed | have),
        "received": len(received),
        "late": sum(1 for r in received if r["late"]),
        "items": received,
        "missing": missing,
    }


def to_json(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _group_line(label: str, group: dict[str, Any], minimum: int) -> str:
    if not group["cadres"]:
        return say("stats", "group_empty", label=label)
    return say(
        "stats",
        "group",
        label=label,
        subject=group["subject"],
        cadres=group["cadres"],
        exempt=group["exempt"],
        reached=group["reached"],
        minimum=minimum,
        percent=format_decimal(group["percent_reached"]),
        days=format_int(group["days"]),
        average=format_decimal(group["average_days"]),
    )


def _committee_lines(data: dict[str, Any]) -> list[str]:
    """Each committee's lines (a year before a merger), then the heading of the combined lines."""
    lines: list[str] = []
    for item in data.get("committees", ()):
        minimum = min(plan["min_days"] for plan in item["plans"])
        numbers = ", ".join(say("stats", "plan", number=p["number"], id=p["id"]) for p in item["plans"])
        lines.append(say("stats", "committee", name=item["short_name"], numbers=numbers))
        lines += [_group_line(group["label"], group, minimum) for group in item["groups"]]
        lines += [_group_line(say("stats", "everyone"), item["overall"], minimum), ""]
    if lines:
        lines.append(say("stats", "combined"))
    return lines


def to_text(data: dict[str, Any], lang: str = "vi") -> str:
    """The figures as the sentences of a "1+2" report (Vietnamese)."""
    minimum = min(plan["min_days"] for plan in data["plans"])
    numbers = ", ".join(say("stats", "plan", number=p["number"], id=p["id"]) for p in data["plans"])
    overall = data["overall"]
    lines = [say("stats", "title", year=data["year"], numbers=numbers, minimum=minimum), ""]
    lines += _committee_lines(data)
    for group in data["groups"]:
        lines.append(_group_line(group["label"], group, minimum))
    lines.append(_group_line(say("stats", "everyone"), overall, minimum))
    lines.append("")
    lines.append(
        say(
            "stats",
            "total",
            days=format_int(overall["days"]),
            average=format_decimal(overall["average_days"]),
            percent=format_decimal(overall["percent_reached"]),
            minimum=minimum,
        )
    )
    lines += ["", say("stats", "categories")]
    for item in data["categories"]:
        days = format_int(item["days"])
        lines.append(say("stats", "category", code=item["code"], name=item["name"][:60], days=days, visits=item["visits"]))
    lines += _coverage_lines(data["coverage"])
    behind = [c for c in data["cadres"] if c["status"] == "not-yet"]
    lines += ["", say("stats", "behind", count=len(behind))]
    for cadre in behind:
        values = {key: cadre[key] for key in ("name", "done_days", "min_days", "trips")}
        lines.append(say("stats", "cadre", unit=cadre["unit_name"], **values))
    reports = data["reports"]
    lines += [
        "",
        say(
            "stats",
            "reports",
            received=reports["received"],
            expected=reports["expected"],
            late=reports["late"],
            unregistered=data["unregistered_visits"],
        ),
    ]
    return "\n".join(lines) + "\n"


def _coverage_lines(parts: list[dict[str, Any]]) -> list[str]:
    """The coverage sentences, one block per shape of the year (see :mod:`site_gen.coverage`)."""
    lines = []
    for part, headline in zip(parts, coverage.headlines(parts), strict=True):
        lines += ["", headline]
        units = part["rows"] if part["tiers"] == 3 else [*part["rows"], *part["affiliated"]]
        for item in units:
            days = format_int(item["days"])
            if not item["visited"]:
                lines.append(say("stats", "district_unvisited", name=item["name"]))
            elif "communes" in item:
                values = {key: item[key] for key in ("name", "visits", "communes_visited", "communes")}
                lines.append(say("stats", "district", days=days, **values))
            else:
                lines.append(say("stats", "commune", days=days, name=item["name"], visits=item["visits"]))
        communes = part.get("communes")
        if communes and communes["total"]:
            kinds = coverage.kinds(communes)
            lines.append(say("stats", "communes", visited=communes["visited"], total=communes["total"], kinds=kinds))
        if part["disadvantaged"]:
            hard = {"visited": part["disadvantaged_visited"], "total": part["disadvantaged"]}
            lines.append(say("stats", "disadvantaged", visits=part["disadvantaged_visits"], **hard))
        if part["outside"]["visits"]:
            lines.append(say("stats", "outside", **part["outside"]))
    return lines
