"""Rules on field visits: registrations (form 1), quarterly reports (form 3) and each cadre's year."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from site_gen.kinds import CADRE, FIELD_VISIT_PLAN, GOOD_MODEL, QUARTERLY_REPORT, REGISTRATION
from site_gen.kinds.cadre import Assignment, Cadre, assignment_on
from site_gen.kinds.field_visit_plan import FieldVisitPlan
from site_gen.kinds.quarterly_report import QuarterlyReport, QuarterlyReportVisit
from site_gen.kinds.registration import Registration, RegistrationRow
from site_gen.model import Context, Record, last_day, of_kind, quarterly_deadline, records_of, report_period, span_days
from site_gen.problems import Problem
from site_gen.rules.common import cadre_ref, plan_ref, unit_on, unit_ref, units_on, units_refs
from site_gen.rules.register import folder_problems
from site_gen.rules.registry import PartitionKey, check, problem

ROW_CODES = (
    "rule.ref-category",
    "rule.ref-topic",
    "rule.ref-unit",
    "rule.period-order",
    "rule.period-window",
    "rule.days-exceed-period",
    "rule.category-role",
    "rule.unit-not-yet",
    "rule.unit-dissolved",
)


def row_problems(
    ctx: Context,
    record: Record,
    plan: Record[FieldVisitPlan],
    row: RegistrationRow | QuarterlyReportVisit,
    group: str | None,
    *at: str | int,
) -> Iterator[Problem]:
    """What every registration row and reported visit must satisfy."""
    category = ctx.category(plan, row.category)
    if category is None:
        codes = ctx.category_codes(plan)
        yield problem(record, "rule.ref-category", *at, "category", code=row.category, plan=plan.id, codes_list=codes)
    elif row.topic is not None:
        topics = [topic.code for topic in category.topics]
        if row.topic not in topics:
            yield problem(record, "rule.ref-topic", *at, "topic", code=row.topic, category=row.category, codes_list=topics)
    yield from units_refs(ctx, record, row.places, *at, "places")
    start, end = row.from_, row.to
    if start > end:
        yield problem(record, "rule.period-order", *at, "from", from_date=start, to_date=end)
        return
    yield from units_on(ctx, record, row.places, start, end, *at, "places")
    window = plan.model.window
    if start < window.from_ or end > window.to:
        yield problem(
            record,
            "rule.period-window",
            *at,
            "from" if start < window.from_ else "to",
            from_date=start,
            to_date=end,
            window_from_date=window.from_,
            window_to_date=window.to,
        )
    span = span_days(start, end)
    if row.days > span:
        yield problem(record, "rule.days-exceed-period", *at, "days", days=row.days, span=span, from_date=start, to_date=end)
    if group is not None and category is not None:
        rules = ctx.role_rules(plan, group)
        if rules is not None and row.category not in rules.focus:
            yield problem(
                record,
                "rule.category-role",
                *at,
                "category",
                category=row.category,
                role_group=group,
                focus_list=list(rules.focus),
            )


def overlaps(a: RegistrationRow | QuarterlyReportVisit, b: RegistrationRow | QuarterlyReportVisit) -> bool:
    return a.from_ <= b.to and b.from_ <= a.to


@check(
    "record",
    (
        *ROW_CODES,
        "rule.ref-plan",
        "rule.ref-cadre",
        "rule.unknown-folder",
        "rule.owner-mismatch",
        "rule.late",
        "rule.registration-exempt",
        "rule.registration-other-committee",
        "rule.role-group-not-covered",
        "rule.registration-overlap",
        "rule.registration-min-days",
        "rule.registration-min-trips",
        "rule.approval-order",
        "rule.approver-unit",
        "rule.self-approval",
    ),
    kinds=(REGISTRATION.name,),
)
def registration(ctx: Context, record: Record) -> Iterator[Problem]:
    data = of_kind(REGISTRATION, record).model
    plan = ctx.plan(FIELD_VISIT_PLAN, data.plan)
    cadre = ctx.cadres.get(data.cadre)
    # the cadre as they were when they registered (one record keeps a person's earlier units and posts)
    then = assignment_on(cadre.model, data.submitted) if cadre else None
    yield from plan_ref(ctx, record, FIELD_VISIT_PLAN.name, data.plan, "plan")
    yield from cadre_ref(ctx, record, data.cadre, "cadre")
    yield from folder_problems(ctx, record, then.unit if then else None)
    yield from _approval(ctx, record, data, cadre, then)
    if plan is None:
        return
    deadline = last_day(plan.model.deadlines.registration)
    if data.submitted > deadline:
        yield problem(record, "rule.late", "submitted", submitted_date=data.submitted, deadline_date=deadline)
    group = then.role_group if then else None
    rows = data.rows
    for index, row in enumerate(rows):
        yield from row_problems(ctx, record, plan, row, group, "rows", index)
    yield from _row_overlaps(record, rows)
    if cadre is None or then is None:
        return
    year = plan.model.year
    if ctx.exemption(cadre.id, year) is not None:
        yield problem(record, "rule.registration-exempt", "cadre", year=year)
        return
    role_group = then.role_group
    rules = ctx.role_rules(plan, role_group)
    if rules is None:
        yield problem(record, "rule.role-group-not-covered", "cadre", plan=plan.id, role_group=role_group)
        return
    if not ctx.in_scope(cadre, plan):
        if ctx.works_for_known(cadre, plan) and not ctx.works_for(cadre, plan):
            yield from _other_committee(ctx, record, cadre, plan)
        return
    planned = sum(row.days for row in rows)
    minimum = ctx.min_days(plan, role_group)
    if planned < minimum:
        yield problem(record, "rule.registration-min-days", "rows", planned=planned, minimum=minimum)
    if rules.min_trips is not None:
        length = rules.min_days_per_trip if rules.min_days_per_trip is not None else 1
        trips = sum(1 for row in rows if row.days >= length)
        if trips < rules.min_trips:
            yield problem(
                record, "rule.registration-min-trips", "rows", trips=trips, min_trips=rules.min_trips, min_days_per_trip=length
            )


def _approval(
    ctx: Context, record: Record, data: Registration, cadre: Record[Cadre] | None, then: Assignment | None
) -> Iterator[Problem]:
    approver = data.approved_by
    if approver:
        yield from cadre_ref(ctx, record, approver, "approved_by")
        if cadre is not None and approver == cadre.id:
            yield problem(record, "rule.self-approval", "approved_by", approver=approver)
        elif then is not None and approver in ctx.cadres:
            day = data.approved_on or data.submitted
            if not _may_approve(ctx, approver, then.unit, day):
                yield problem(record, "rule.approver-unit", "approved_by", approver=approver, unit=then.unit)
    if data.approved_on is not None and data.approved_on < data.submitted:
        yield problem(record, "rule.approval-order", "approved_on", approved_date=data.approved_on, submitted_date=data.submitted)


def _may_approve(ctx: Context, approver: str, unit: str, day: dt.date) -> bool:
    """A leader of the cadre's unit, or a member of the Standing Committee, on the day of the approval."""
    then = assignment_on(ctx.cadres[approver].model, day)
    return then.role_group == "standing" or (then.role_group == "leader" and then.unit == unit)


def _other_committee(ctx: Context, record: Record, cadre: Record[Cadre], plan: Record[FieldVisitPlan]) -> Iterator[Problem]:
    """A registration under a plan another committee issued: the cadre's own committee's plan of the year is the one
    their days count for (the committee they worked for on that plan's reference day)."""
    year = plan.model.year
    own = [other for other in ctx.plans_for_year(FIELD_VISIT_PLAN, year) if other.id != plan.id and ctx.works_for(cadre, other)]
    day = ctx.reference_day(own[0] if own else plan)
    unit = assignment_on(cadre.model, day).unit
    yield problem(
        record,
        "rule.registration-other-committee",
        "plan",
        cadre=cadre.model.name,
        plan=plan.id,
        issuer=ctx.issuer_of(plan).short_name,
        committee=ctx.issuer_of(own[0]).short_name if own else ctx.unit_name(unit),
        own_plan=own[0].id if own else "—",
        on_date=day,
    )


def _row_overlaps(record: Record, rows: tuple[RegistrationRow, ...]) -> Iterator[Problem]:
    for index, row in enumerate(rows):
        for other in range(index):
            earlier = rows[other]
            if row.from_ <= row.to and earlier.from_ <= earlier.to and overlaps(row, earlier):
                yield problem(
                    record,
                    "rule.registration-overlap",
                    "rows",
                    index,
                    "from",
                    other_row=other + 1,
                    other_from_date=earlier.from_,
                    other_to_date=earlier.to,
                )
                break


@check(
    "record",
    (
        *ROW_CODES,
        "rule.ref-plan",
        "rule.ref-cadre",
        "rule.unknown-folder",
        "rule.owner-mismatch",
        "rule.late",
        "rule.report-cadre-unit",
        "rule.report-quarter",
        "rule.visit-after-submission",
    ),
    kinds=(QUARTERLY_REPORT.name,),
)
def quarterly_report(ctx: Context, record: Record) -> Iterator[Problem]:
    data = of_kind(QUARTERLY_REPORT, record).model
    plan = ctx.plan(FIELD_VISIT_PLAN, data.plan)
    yield from plan_ref(ctx, record, FIELD_VISIT_PLAN.name, data.plan, "plan")
    yield from unit_ref(ctx, record, data.unit, "unit")
    yield from folder_problems(ctx, record, data.unit)
    yield from cadre_ref(ctx, record, data.prepared_by, "prepared_by")
    if plan is None:
        for index, visit in enumerate(data.visits):
            yield from cadre_ref(ctx, record, visit.cadre, "visits", index, "cadre")
        return
    deadline = quarterly_deadline(plan.model, data.quarter)
    if data.submitted > deadline:
        yield problem(record, "rule.late", "submitted", submitted_date=data.submitted, deadline_date=deadline)
    start, end = report_period(plan.model, data.quarter)
    yield from unit_on(ctx, record, data.unit, start, end, False, "unit")
    for index, visit in enumerate(data.visits):
        cadre = ctx.cadres.get(visit.cadre)
        then = assignment_on(cadre.model, visit.from_) if cadre else None
        yield from cadre_ref(ctx, record, visit.cadre, "visits", index, "cadre")
        if then is not None and then.unit != data.unit:
            yield problem(
                record,
                "rule.report-cadre-unit",
                "visits",
                index,
                "cadre",
                cadre=visit.cadre,
                unit=data.unit,
                cadre_unit=then.unit,
            )
        group = then.role_group if then else None
        yield from row_problems(ctx, record, plan, visit, group, "visits", index)
        if not start <= visit.to <= end:
            yield problem(
                record,
                "rule.report-quarter",
                "visits",
                index,
                "to",
                quarter=data.quarter,
                to_date=visit.to,
                quarter_from_date=start,
                quarter_to_date=end,
            )
        if visit.to > data.submitted:
            yield problem(
                record,
                "rule.visit-after-submission",
                "visits",
                index,
                "to",
                to_date=visit.to,
                submitted_date=data.submitted,
            )


Visit = tuple[Record[QuarterlyReport], int, QuarterlyReportVisit]


def cadre_visits(members: list[Record], cadre: str) -> list[Visit]:
    """Every reported visit of one cadre, in date order."""
    visits = [
        (record, index, visit)
        for record in records_of(QUARTERLY_REPORT, members)
        for index, visit in enumerate(record.model.visits)
        if visit.cadre == cadre and visit.from_ <= visit.to
    ]
    return sorted(visits, key=lambda item: (item[2].from_, item[2].to, item[0].file, item[1]))


@check(
    "cadre",
    (
        "rule.registration-duplicate",
        "rule.visit-overlap",
        "rule.visit-unregistered",
        "rule.registration-missing",
        "rule.model-source-visit",
    ),
)
def cadre_year(ctx: Context, key: PartitionKey, members: list[Record]) -> Iterator[Problem]:
    ident = key[1]
    registrations: dict[str, Record[Registration]] = {}
    for record in sorted(records_of(REGISTRATION, members), key=lambda r: r.file):
        first = registrations.setdefault(record.model.plan, record)
        if first is not record:
            yield problem(record, "rule.registration-duplicate", "plan", other_file=first.file)
    visits = cadre_visits(members, ident)
    yield from _visit_overlaps(ctx, visits)
    for report, index, visit in visits:
        plan = ctx.plan(FIELD_VISIT_PLAN, report.model.plan)
        if plan is None or ctx.hides(REGISTRATION.name, ident, plan.id):
            continue
        if ctx.exemption(ident, plan.model.year) is not None or ctx.hides(CADRE.name, ident):
            continue  # an exempt cadre may visit without registering; a broken cadre file hides its exemptions
        registered = registrations.get(report.model.plan)
        rows = registered.model.rows if registered and registered.model.submitted <= visit.from_ else ()
        if not any(row.category == visit.category and overlaps(row, visit) for row in rows):
            yield problem(
                report,
                "rule.visit-unregistered",
                "visits",
                index,
                cadre=_name(ctx, ident),
                category=visit.category,
                from_date=visit.from_,
                to_date=visit.to,
            )
    cadre = ctx.cadres.get(ident)
    if cadre is not None:
        for plan in ctx.table(FIELD_VISIT_PLAN).values():
            missing = plan.id not in registrations and not ctx.hides(REGISTRATION.name, ident, plan.id)
            # a broken unit or organisation file may hide which committee's plan the cadre belongs to
            if missing and ctx.works_for_known(cadre, plan) and ctx.is_subject(cadre, plan):
                yield problem(cadre, "rule.registration-missing", "id", cadre=cadre.model.name, plan=plan.id)
    for model in records_of(GOOD_MODEL, members):
        found = model.model.found_in.visit
        if found is not None:
            date = found.date
            # the broken reports' keys are written from their paths: the year in four digits, the quarter
            if ctx.hides(QUARTERLY_REPORT.name, f"{date.year:04d}", str((date.month + 2) // 3)):
                continue  # the visit may be in a report that failed its schema
            if not any(visit.from_ <= date <= visit.to for _, _, visit in visits):
                yield problem(model, "rule.model-source-visit", "found_in", "visit", "date", cadre=ident, date=date)


def _name(ctx: Context, ident: str) -> str:
    cadre = ctx.cadres.get(ident)
    return cadre.model.name if cadre else ident


def _visit_overlaps(ctx: Context, visits: list[Visit]) -> Iterator[Problem]:
    latest: Visit | None = None
    for item in visits:
        record, index, visit = item
        if latest is not None and visit.from_ <= latest[2].to:
            other = latest[2]
            yield problem(
                record,
                "rule.visit-overlap",
                "visits",
                index,
                "from",
                cadre=_name(ctx, visit.cadre),
                other_from_date=other.from_,
                other_to_date=other.to,
                other_file=latest[0].file,
            )
        if latest is None or visit.to > latest[2].to:
            latest = item


@check("report", ("rule.report-duplicate",))
def report_slot(ctx: Context, key: PartitionKey, members: list[Record]) -> Iterator[Problem]:
    reports = sorted(records_of(QUARTERLY_REPORT, members), key=lambda r: r.file)
    for extra in reports[1:]:
        yield problem(extra, "rule.report-duplicate", "quarter", quarter=extra.model.quarter, other_file=reports[0].file)
