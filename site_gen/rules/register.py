"""Rules on the reference data: organisation, register of units, cadres, plans, models, surveys."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from site_gen.kinds import (
    CADRE,
    FIELD_VISIT_PLAN,
    GOOD_MODEL,
    INSPECTION_PLAN,
    MIDTERM_SURVEY,
    ORGANISATION,
    REMEDIATION_PLAN,
    REORGANISATION,
    UNIT,
)
from site_gen.kinds.field_visit_plan import FieldVisitPlan, FieldVisitPlanCategory
from site_gen.kinds.inspection_plan import InspectionPlan, InspectionPlanTeam
from site_gen.kinds.midterm_survey import MidtermSurveyTarget
from site_gen.kinds.remediation_plan import RemediationPlanSolutionGroup, RemediationPlanSolutionGroupAction
from site_gen.kinds.reorganisation import DATED, ENDS_BEFORE, SHAPE, STARTS_AFTER
from site_gen.kinds.unit import Unit, states
from site_gen.model import LEADING_TYPES, Context, Record, last_day, of_kind
from site_gen.problems import Problem
from site_gen.rules.common import cadre_ref, close, document_refs, duplicate_ids, plan_ref, unit_on, unit_ref, units_refs
from site_gen.rules.registry import check, problem

SUBMISSIONS = "submissions"


def _context_records(ctx: Context) -> Iterator[Record]:
    yield from ctx.organisations
    for table in (ctx.units, ctx.cadres, ctx.models, ctx.surveys, *ctx.plans.values()):
        yield from table.values()
    for duplicate, _ in ctx.duplicates:
        yield duplicate


@check("context", ("rule.organisation-missing", "rule.organisation-duplicate"))
def organisation_count(ctx: Context) -> Iterator[Problem]:
    if not ctx.organisations and not ctx.broken.get(ORGANISATION.name):
        yield problem(SUBMISSIONS, "rule.organisation-missing")
    for extra in ctx.organisations[1:]:
        yield problem(extra, "rule.organisation-duplicate", other_file=ctx.organisations[0].file)


@check("context", ("rule.duplicate-id",))
def duplicate_records(ctx: Context) -> Iterator[Problem]:
    for duplicate, first in ctx.duplicates:
        yield problem(duplicate, "rule.duplicate-id", "id", id=duplicate.id, other_file=first.file)


def folder_problems(ctx: Context, record: Record, owner: str | None) -> Iterator[Problem]:
    """The record sits in a registered unit's folder, and in its owner's when it has one."""
    folder = record.folder
    if not ctx.known(UNIT.name, folder):
        yield problem(record, "rule.unknown-folder", folder=folder)
    elif owner is not None and owner != folder and ctx.known(UNIT.name, owner):
        yield problem(record, "rule.owner-mismatch", folder=folder, owner=owner)


@check("context", ("rule.unknown-folder", "rule.owner-mismatch", "rule.register-folder", "rule.plan-folder"))
def context_folders(ctx: Context) -> Iterator[Problem]:
    org = ctx.org
    keeper = org.model.register_owner if org else None
    for record in _context_records(ctx):
        folder = record.folder
        if record.kind in (ORGANISATION.name, UNIT.name):
            if not ctx.known(UNIT.name, folder):
                yield problem(record, "rule.unknown-folder", folder=folder)
            elif keeper and folder != keeper and ctx.known(UNIT.name, keeper):
                yield problem(record, "rule.register-folder", folder=folder, owner=keeper)
        elif record.kind == CADRE.name:
            yield from folder_problems(ctx, record, of_kind(CADRE, record).model.unit)
        elif record.kind == MIDTERM_SURVEY.name:
            yield from folder_problems(ctx, record, of_kind(MIDTERM_SURVEY, record).model.unit)
        else:
            yield from folder_problems(ctx, record, None)
            kind = ctx.unit_type(folder)
            if record.kind != GOOD_MODEL.name and kind and kind not in LEADING_TYPES:
                yield problem(record, "rule.plan-folder", folder=folder, unit_type=kind)


@check(
    "context",
    (
        "rule.ref-unit",
        "rule.ref-sector",
        "rule.unit-parent-cycle",
        "rule.approvers-submitters-overlap",
        "rule.unit-dates-order",
        "rule.unit-history-order",
        "rule.unit-history-before-established",
        "rule.unit-history-after-dissolved",
        "rule.sector-not-yet",
        "rule.sector-ended",
        "rule.unit-not-yet",
        "rule.unit-dissolved",
    ),
)
def register_units(ctx: Context) -> Iterator[Problem]:
    org = ctx.org
    sectors = ctx.sector_ids()
    dated_sectors = org is not None and any(s.from_ is not None or s.until is not None for s in org.model.sectors)
    if org:
        yield from unit_ref(ctx, org, org.model.register_owner, "register_owner")
        yield from unit_ref(ctx, org, org.model.leadership_unit, "leadership_unit")
    for ident, unit in ctx.units.items():
        data = unit.model
        yield from unit_ref(ctx, unit, data.parent, "parent")
        if data.established is not None and data.dissolved is not None and data.dissolved <= data.established:
            yield problem(
                unit,
                "rule.unit-dates-order",
                "dissolved",
                established_date=data.established,
                dissolved_date=data.dissolved,
            )
        if data.sector is not None and org and data.sector not in sectors:
            yield problem(unit, "rule.ref-sector", "sector", id=data.sector, codes_list=sectors)
        if data.history:
            yield from _unit_history(ctx, unit, sectors if org else None)
        if dated_sectors:
            yield from _unit_sectors(ctx, unit)
        yield from _parents_of_the_time(ctx, unit)
        chain = _parent_cycle(ctx, ident)
        if chain:
            yield problem(unit, "rule.unit-parent-cycle", "parent", id=ident, chain_list=chain)
        both = sorted(set(data.approvers) & set(data.submitters))
        if both:
            yield problem(unit, "rule.approvers-submitters-overlap", "submitters", owners_list=both)


def _unit_history(ctx: Context, unit: Record[Unit], sectors: list[str] | None) -> Iterator[Problem]:
    """A unit's earlier states: in time order, within its life, naming known units and sectors."""
    data = unit.model
    previous = None
    last = data.dissolved - dt.timedelta(days=1) if data.dissolved is not None else None
    for index, state in enumerate(data.history):
        yield from unit_ref(ctx, unit, state.parent, "history", index, "parent")
        if state.sector is not None and sectors is not None and state.sector not in sectors:
            yield problem(unit, "rule.ref-sector", "history", index, "sector", id=state.sector, codes_list=sectors)
        until = state.until
        if previous is not None and until <= previous:
            yield problem(unit, "rule.unit-history-order", "history", index, "until", until_date=until, previous_date=previous)
        previous = until
        if data.established is not None and until < data.established:
            yield problem(
                unit,
                "rule.unit-history-before-established",
                "history",
                index,
                "until",
                until_date=until,
                established_date=data.established,
            )
        elif last is not None and until >= last and data.dissolved is not None:
            yield problem(
                unit,
                "rule.unit-history-after-dissolved",
                "history",
                index,
                "until",
                until_date=until,
                dissolved_date=data.dissolved,
            )


def _unit_sectors(ctx: Context, unit: Record[Unit]) -> Iterator[Problem]:
    """Each state of a unit belongs to a sector in use through the whole state (a state with no start: since ever)."""
    data = unit.model
    count = len(data.history)
    seen: set[tuple[str, tuple[str | int, ...]]] = set()
    for index, (start, end, state) in enumerate(states(data)):
        if state.sector is None:
            continue
        sector = ctx.sector(state.sector)
        if sector is None or (sector.from_ is None and sector.until is None):
            continue
        pointer: tuple[str | int, ...] = (
            ("history", index, "sector") if index < count and data.history[index].sector else ("sector",)
        )
        if sector.from_ is not None and (start is None or start < sector.from_):
            date = start or sector.from_ - dt.timedelta(days=1)
            if ("not-yet", pointer) not in seen:
                seen.add(("not-yet", pointer))
                yield problem(
                    unit, "rule.sector-not-yet", *pointer, id=sector.id, name=sector.name, date=date, from_date=sector.from_
                )
        if sector.until is not None and (end is None or end > sector.until):
            date = end if end is not None else sector.until + dt.timedelta(days=1)
            if ("ended", pointer) not in seen:
                seen.add(("ended", pointer))
                yield problem(
                    unit, "rule.sector-ended", *pointer, id=sector.id, name=sector.name, date=date, until_date=sector.until
                )


def _parents_of_the_time(ctx: Context, unit: Record[Unit]) -> Iterator[Problem]:
    """Each state of a unit stands under a parent that exists through the whole state: a commune whose district
    union is dissolved moves (a history entry) or ends with it."""
    data = unit.model
    if data.parent is None and not data.history:
        return
    count = len(data.history)
    for index, (start, end, state) in enumerate(states(data)):
        parent = ctx.units.get(state.parent) if state.parent else None
        if parent is None:
            continue
        above = parent.model
        pointer: tuple[str | int, ...] = (
            ("history", index, "parent") if index < count and data.history[index].parent else ("parent",)
        )
        if above.established is not None and (start is None or start < above.established):
            yield problem(
                unit,
                "rule.unit-not-yet",
                *pointer,
                id=parent.id,
                name=above.name,
                date=start or above.established - dt.timedelta(days=1),
                established_date=above.established,
            )
        elif above.dissolved is not None and (end is None or end >= above.dissolved):
            yield problem(
                unit,
                "rule.unit-dissolved",
                *pointer,
                id=parent.id,
                name=above.name,
                date=above.dissolved,
                dissolved_date=above.dissolved,
            )


def sector_on(
    ctx: Context, record: Record, ident: str | None, first: dt.date, last: dt.date, *pointer: str | int
) -> Iterator[Problem]:
    """A sector the record names for the days ``first`` to ``last`` was in use then (on one of them at least)."""
    sector = ctx.sector(ident) if ident else None
    if sector is None:
        return
    if sector.from_ is not None and sector.from_ > last:
        yield problem(record, "rule.sector-not-yet", *pointer, id=sector.id, name=sector.name, date=last, from_date=sector.from_)
    elif sector.until is not None and sector.until < first:
        yield problem(record, "rule.sector-ended", *pointer, id=sector.id, name=sector.name, date=first, until_date=sector.until)


@check(
    "context",
    (
        "rule.predecessor-duplicate",
        "rule.predecessor-is-organisation",
        "rule.ref-committee",
        "rule.ref-issuer",
        "rule.issuer-ended-year",
        "rule.issuer-ended-date",
    ),
)
def former_committees(ctx: Context) -> Iterator[Problem]:
    """The organisation's predecessors, the units that belonged to them, the plans they issued."""
    org = ctx.org
    formers = org.model.predecessors if org else ()
    seen: set[str] = set()
    for index, former in enumerate(formers):
        if org and former.id == org.model.id:
            yield problem(org, "rule.predecessor-is-organisation", "predecessors", index, "id", id=former.id)
        elif former.id in seen:
            yield problem(org or SUBMISSIONS, "rule.predecessor-duplicate", "predecessors", index, "id", id=former.id)
        seen.add(former.id)
    idents = [former.id for former in formers]
    for unit in ctx.units.values():
        committee = unit.model.committee
        if committee is not None and org and committee not in idents:
            yield problem(unit, "rule.ref-committee", "committee", id=committee, suggestion=close(committee, idents) or "")
    for table in ctx.plans.values():
        for plan in table.values():
            issuer = plan.data.get("issuer")
            if not isinstance(issuer, str) or org is None:
                continue
            issued_by = ctx.predecessor(issuer)
            if issued_by is None:
                yield problem(plan, "rule.ref-issuer", "issuer", id=issuer, suggestion=close(issuer, idents) or "")
                continue
            year, date, until = plan.data["year"], plan.data["document"]["date"], issued_by.until
            if year > until.year:
                yield problem(plan, "rule.issuer-ended-year", "year", year=year, name=issued_by.short_name, until_date=until)
            elif dt.date.fromisoformat(str(date)) > until:
                yield problem(
                    plan, "rule.issuer-ended-date", "document", "date", date=date, name=issued_by.short_name, until_date=until
                )


def _parent_cycle(ctx: Context, start: str) -> list[str]:
    chain = [start]
    probe = ctx.units[start].model.parent
    while probe and probe in ctx.units:
        if probe == start:
            return [*chain, start]
        if probe in chain:
            return []  # a cycle further up: reported at its own members
        chain.append(probe)
        probe = ctx.units[probe].model.parent
    return []


@check("context", ("rule.ref-unit", "rule.exemption-duplicate", "rule.exemption-reason", "rule.assignment-order"))
def register_cadres(ctx: Context) -> Iterator[Problem]:
    for cadre in ctx.cadres.values():
        yield from unit_ref(ctx, cadre, cadre.model.unit, "unit")
        previous = None
        for index, held in enumerate(cadre.model.assignments):
            yield from unit_ref(ctx, cadre, held.unit, "assignments", index, "unit")
            if previous is not None and held.until <= previous:
                yield problem(
                    cadre, "rule.assignment-order", "assignments", index, "until", until_date=held.until, previous_date=previous
                )
            previous = held.until
        years: set[int] = set()
        for index, item in enumerate(cadre.model.exemptions):
            year = item.year
            if year in years:
                yield problem(cadre, "rule.exemption-duplicate", "exemptions", index, "year", year=year)
            years.add(year)
            for plan in ctx.plans_for_year(FIELD_VISIT_PLAN, year):
                if not ctx.works_for(cadre, plan):
                    continue  # another committee's plan (before a merger)
                # raw presence: the list may be written empty (no reason accepted), which the model
                # cannot tell from leaving it out (any reason accepted)
                if "exemption_reasons" in plan.data and item.reason not in plan.model.exemption_reasons:
                    yield problem(cadre, "rule.exemption-reason", "exemptions", index, "reason", reason=item.reason, plan=plan.id)


@check("context", ("rule.ref-unit", "rule.ref-cadre", "rule.ref-category", "rule.period-order", "rule.duplicate-id"))
def field_visit_plans(ctx: Context) -> Iterator[Problem]:
    for plan in ctx.table(FIELD_VISIT_PLAN).values():
        data = plan.model
        yield from document_refs(ctx, plan, data.document)
        codes = ctx.category_codes(plan)
        yield from _duplicate_codes(plan, data.categories)
        for index, rules in enumerate(data.role_groups):
            for position, code in enumerate(rules.focus):
                if code not in codes:
                    yield problem(
                        plan,
                        "rule.ref-category",
                        "role_groups",
                        index,
                        "focus",
                        position,
                        code=code,
                        plan=plan.id,
                        codes_list=codes,
                    )
        for index, item in enumerate(data.implementation):
            yield from unit_ref(ctx, plan, item.unit, "implementation", index, "unit")
        window = data.window
        if window.from_ > window.to:
            yield problem(plan, "rule.period-order", "window", from_date=window.from_, to_date=window.to)


def _duplicate_codes(plan: Record[FieldVisitPlan], categories: tuple[FieldVisitPlanCategory, ...]) -> Iterator[Problem]:
    seen: set[str] = set()
    for index, category in enumerate(categories):
        if category.code in seen:
            yield problem(plan, "rule.duplicate-id", "categories", index, "code", id=category.code, other_file=plan.file)
        seen.add(category.code)
        for position, topic in enumerate(category.topics):
            if topic.code in seen:
                yield problem(
                    plan,
                    "rule.duplicate-id",
                    "categories",
                    index,
                    "topics",
                    position,
                    "code",
                    id=topic.code,
                    other_file=plan.file,
                )
            seen.add(topic.code)


@check(
    "context",
    (
        "rule.ref-unit",
        "rule.ref-cadre",
        "rule.ref-sector",
        "rule.ref-team",
        "rule.duplicate-id",
        "rule.schedule-duplicate-unit",
        "rule.schedule-sector",
        "rule.team-double-booked",
        "rule.member-double-booked",
        "rule.thresholds-order",
        "rule.unit-not-yet",
        "rule.unit-dissolved",
        "rule.sector-not-yet",
        "rule.sector-ended",
    ),
)
def inspection_plans(ctx: Context) -> Iterator[Problem]:
    for plan in ctx.table(INSPECTION_PLAN).values():
        data = plan.model
        yield from document_refs(ctx, plan, data.document)
        yield from _inspection_teams(ctx, plan)
        yield from _inspection_schedule(ctx, plan)
        yield from _thresholds(plan)
        sectors = ctx.sector_ids()
        if ctx.org:
            for index, sector in enumerate(data.sectors):
                if sector not in sectors:
                    yield problem(plan, "rule.ref-sector", "sectors", index, id=sector, codes_list=sectors)
                year = data.year
                yield from sector_on(ctx, plan, sector, dt.date(year, 1, 1), dt.date(year, 12, 31), "sectors", index)
        yield from units_refs(ctx, plan, data.scoring.units if data.scoring else (), "scoring", "units")
        for index, item in enumerate(data.deadlines):
            yield from unit_ref(ctx, plan, item.unit, "deadlines", index, "unit")


def _inspection_teams(ctx: Context, plan: Record[InspectionPlan]) -> Iterator[Problem]:
    teams = plan.model.teams
    yield from duplicate_ids(plan, (team.id for team in teams), "teams")
    for index, team in enumerate(teams):
        yield from cadre_ref(ctx, plan, team.leader, "teams", index, "leader")
        yield from cadre_ref(ctx, plan, team.secretary, "teams", index, "secretary")
        for position, member in enumerate(team.members):
            if isinstance(member, str):
                yield from cadre_ref(ctx, plan, member, "teams", index, "members", position)
            else:
                yield from unit_ref(ctx, plan, member.unit, "teams", index, "members", position, "unit")


def team_people(team: InspectionPlanTeam) -> list[str]:
    people = [team.leader, team.secretary]
    people += [member for member in team.members if isinstance(member, str)]
    return list(dict.fromkeys(people))


def _inspection_schedule(ctx: Context, plan: Record[InspectionPlan]) -> Iterator[Problem]:
    data = plan.model
    teams = {team.id: team for team in data.teams}
    first_row: dict[str, int] = {}
    booked: dict[tuple[str, dt.date, str], int] = {}
    slots: dict[tuple[dt.date, str], list[tuple[int, str]]] = {}
    for index, row in enumerate(data.schedule):
        unit = row.unit
        yield from unit_ref(ctx, plan, unit, "schedule", index, "unit")
        yield from unit_on(ctx, plan, unit, row.date, row.date, True, "schedule", index, "unit")
        if unit in first_row:
            yield problem(
                plan, "rule.schedule-duplicate-unit", "schedule", index, "unit", unit=unit, other_row=first_row[unit] + 1
            )
        else:
            first_row[unit] = index
        sector = ctx.sector_on(unit, row.date)  # the unit's sector on the day of the session
        if ctx.units.get(unit) and sector not in data.sectors:
            yield problem(plan, "rule.schedule-sector", "schedule", index, "unit", unit=unit, sector=sector or "—")
        team = row.team
        if team not in teams:
            yield problem(plan, "rule.ref-team", "schedule", index, "team", id=team, plan=plan.id)
            continue
        slot = (team, row.date, row.session)
        if slot in booked:
            yield problem(
                plan,
                "rule.team-double-booked",
                "schedule",
                index,
                "team",
                team=team,
                date=row.date,
                session=row.session,
                other_row=booked[slot] + 1,
            )
        else:
            booked[slot] = index
            slots.setdefault((row.date, row.session), []).append((index, team))
    for (date, session), rows in slots.items():
        members: dict[str, str] = {}
        for index, team in rows:
            for person in team_people(teams[team]):
                other = members.get(person)
                if other is not None and other != team:
                    yield problem(
                        plan,
                        "rule.member-double-booked",
                        "schedule",
                        index,
                        "team",
                        cadre=person,
                        team=team,
                        other_team=other,
                        date=date,
                        session=session,
                    )
                members.setdefault(person, team)


def _thresholds(plan: Record[InspectionPlan]) -> Iterator[Problem]:
    limits = plan.model.thresholds
    ordered = limits.excellent > limits.good > limits.complete
    within = limits.max_score is None or limits.excellent <= limits.max_score
    if not (ordered and within):
        yield problem(plan, "rule.thresholds-order", "thresholds")


@check("context", ("rule.ref-unit", "rule.ref-shortcoming", "rule.duplicate-id", "rule.shortcoming-no-action"))
def remediation_plans(ctx: Context) -> Iterator[Problem]:
    for plan in ctx.table(REMEDIATION_PLAN).values():
        data = plan.model
        groups = data.solution_groups
        yield from document_refs(ctx, plan, data.document)
        yield from duplicate_ids(plan, (item.id for item in data.shortcomings), "shortcomings")
        yield from duplicate_ids(plan, (group.id for group in groups), "solution_groups")
        actions = [action for group in groups for action in group.actions]
        if len({a.id for a in actions}) != len(actions):
            for index, group in enumerate(groups):
                yield from _duplicate_actions(plan, actions, group, index)
        known = {item.id for item in data.shortcomings}
        covered: set[str] = set()
        for index, group in enumerate(groups):
            yield from unit_ref(ctx, plan, group.lead, "solution_groups", index, "lead")
            yield from units_refs(ctx, plan, group.cooperating, "solution_groups", index, "cooperating")
            for position, ident in enumerate(group.shortcomings):
                if ident not in known:
                    yield problem(
                        plan, "rule.ref-shortcoming", "solution_groups", index, "shortcomings", position, id=ident, plan=plan.id
                    )
            for position, action in enumerate(group.actions):
                pointer = ("solution_groups", index, "actions", position)
                yield from unit_ref(ctx, plan, action.lead, *pointer, "lead")
                yield from units_refs(ctx, plan, action.cooperating, *pointer, "cooperating")
            if any(action.deadline is not None for action in group.actions):
                covered.update(group.shortcomings)
        for index, item in enumerate(data.shortcomings):
            if item.id not in covered:
                yield problem(plan, "rule.shortcoming-no-action", "shortcomings", index, "id", id=item.id)
        yield from unit_ref(ctx, plan, data.reporting.report_to, "reporting", "report_to")


def _duplicate_actions(
    plan: Record,
    actions: list[RemediationPlanSolutionGroupAction],
    group: RemediationPlanSolutionGroup,
    index: int,
) -> Iterator[Problem]:
    for position, action in enumerate(group.actions):
        first = next(a for a in actions if a.id == action.id)
        if first is not action:  # each action is its own model object (built once per list item)
            yield problem(
                plan,
                "rule.duplicate-id",
                "solution_groups",
                index,
                "actions",
                position,
                "id",
                id=action.id,
                other_file=plan.file,
            )


@check("context", ("rule.ref-unit", "rule.ref-cadre", "rule.ref-plan", "rule.ref-survey"))
def good_models(ctx: Context) -> Iterator[Problem]:
    for model in ctx.models.values():
        data = model.model
        yield from unit_ref(ctx, model, data.unit, "unit")
        found = data.found_in
        if found.visit is not None:
            yield from cadre_ref(ctx, model, found.visit.cadre, "found_in", "visit", "cadre")
        if found.inspection is not None:
            yield from plan_ref(ctx, model, INSPECTION_PLAN.name, found.inspection.plan, "found_in", "inspection", "plan")
            yield from unit_ref(ctx, model, found.inspection.unit, "found_in", "inspection", "unit")
        if found.survey is not None and not ctx.known(MIDTERM_SURVEY.name, found.survey):
            yield problem(model, "rule.ref-survey", "found_in", "survey", id=found.survey)
        if data.contact is not None:
            yield from unit_ref(ctx, model, data.contact.unit, "contact", "unit")


@check("context", ("rule.ref-unit", "rule.term-order", "rule.target-inconsistent", "rule.creativity-counts", "rule.late"))
def surveys(ctx: Context) -> Iterator[Problem]:
    for survey in ctx.surveys.values():
        data = survey.model
        yield from unit_ref(ctx, survey, data.unit, "unit")
        if data.term.from_ > data.term.to:
            yield problem(survey, "rule.term-order", "term", start=data.term.from_, end=data.term.to)
        for index, target in enumerate(data.targets):
            if target.target is not None and target.achieved is not None and _inconsistent(target):
                yield problem(
                    survey,
                    "rule.target-inconsistent",
                    "targets",
                    index,
                    "completion",
                    code=target.code,
                    completion=target.completion,
                    achieved=_num(target.achieved),
                    target=_num(target.target),
                )
        creativity = data.creativity
        if creativity and max(creativity.supported, creativity.commended) > creativity.ideas:
            yield problem(
                survey,
                "rule.creativity-counts",
                "creativity",
                ideas=creativity.ideas,
                supported=creativity.supported,
                commended=creativity.commended,
            )
        deadline = last_day(data.due)
        if data.submitted > deadline:
            yield problem(survey, "rule.late", "submitted", submitted_date=data.submitted, deadline_date=deadline)


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def _inconsistent(target: MidtermSurveyTarget) -> bool:
    if target.target is None or target.achieved is None:
        return False
    goal, done, level = target.target, target.achieved, target.completion
    if level == "not-started":
        return done > 0
    if goal <= 0:
        return False
    ratio = done / goal
    return {"exceeded": ratio <= 1, "achieved": ratio < 1, "partial": not 0 < ratio < 1}.get(level, False)


def _fits(count: int, needed: int | None) -> bool:
    return count >= 1 if needed is None else count == needed


def _count_needed(needed: int | None) -> str:
    return "≥ 1" if needed is None else str(needed)


@check("context", ("rule.ref-unit", "rule.reorg-shape", "rule.reorg-end-date", "rule.reorg-start-date", "rule.reorg-history"))
def reorganisations(ctx: Context) -> Iterator[Problem]:
    """A decision's changes name as many units as their kind needs, and the register's dates agree with it: the
    units before a merge, absorption, split or dissolution end on the effective date, the new units start on it."""
    for record in ctx.table(REORGANISATION).values():
        data = record.model
        number, effective = data.document.number, data.effective
        eve = effective - dt.timedelta(days=1)  # a renamed or transferred unit's former state lasts until then
        for index, item in enumerate(data.changes):
            before, after = SHAPE[item.change]
            shaped = _fits(len(item.from_), before) and _fits(len(item.to), after)
            if not shaped:
                yield problem(
                    record,
                    "rule.reorg-shape",
                    "changes",
                    index,
                    "change",
                    change=item.change,
                    before=len(item.from_),
                    after=len(item.to),
                    before_needed=_count_needed(before),
                    after_needed=_count_needed(after),
                )
            for position, ident in enumerate(item.from_):
                yield from unit_ref(ctx, record, ident, "changes", index, "from", position)
                unit = ctx.units.get(ident)
                keeps = item.change == "absorb" and ident in item.to
                if unit is not None and item.change in ENDS_BEFORE and not keeps and unit.model.dissolved != effective:
                    yield problem(
                        record,
                        "rule.reorg-end-date",
                        "changes",
                        index,
                        "from",
                        position,
                        number=number,
                        id=ident,
                        name=unit.model.name,
                        effective_date=effective,
                        effective=effective.isoformat(),
                    )
                if shaped and unit is not None and item.change in DATED and not any(s.until == eve for s in unit.model.history):
                    yield problem(
                        record,
                        "rule.reorg-history",
                        "changes",
                        index,
                        "from",
                        position,
                        number=number,
                        id=ident,
                        name=unit.model.name,
                        effective_date=effective,
                        until_date=eve,
                        until=eve.isoformat(),
                    )
            for position, ident in enumerate(item.to):
                yield from unit_ref(ctx, record, ident, "changes", index, "to", position)
                unit = ctx.units.get(ident)
                if unit is not None and item.change in STARTS_AFTER and unit.model.established != effective:
                    yield problem(
                        record,
                        "rule.reorg-start-date",
                        "changes",
                        index,
                        "to",
                        position,
                        number=number,
                        id=ident,
                        name=unit.model.name,
                        effective_date=effective,
                        effective=effective.isoformat(),
                    )


# The changes whose units after come from the units before (a merge, an absorption): the successor of
# disadvantaged places only is expected to keep the marking.
MERGES = frozenset({"merge", "absorb"})


@check("context", ("rule.reorg-disadvantaged-lost",))
def reorganisation_disadvantaged(ctx: Context) -> Iterator[Problem]:
    """A unit merged (or absorbed into) only from disadvantaged places, carrying no marking itself: a warning,
    since the decision may have lifted it, and the figures of visits to disadvantaged places would drop."""
    for record in ctx.table(REORGANISATION).values():
        for index, item in enumerate(record.model.changes):
            # a unit that absorbs others keeps its own record's marking: it is one of the places before
            if item.change not in MERGES or len(item.to) != 1 or item.to[0] in item.from_:
                continue
            successor = ctx.units.get(item.to[0])
            before = [ctx.units.get(ident) for ident in item.from_]
            if successor is None or successor.model.disadvantaged or not before:
                continue
            if any(unit is None or not unit.model.disadvantaged for unit in before):
                continue
            marks = sorted({mark for unit in before if unit for mark in unit.model.disadvantaged})
            yield problem(
                record,
                "rule.reorg-disadvantaged-lost",
                "changes",
                index,
                "to",
                0,
                number=record.model.document.number,
                id=successor.id,
                name=successor.model.name,
                predecessors_list=[f"{unit.model.name} ({unit.id})" for unit in before if unit],
                marks=", ".join(marks),
            )


@check("context", ("rule.attendee-type-unmatched",))
def inspection_attendees(ctx: Context) -> Iterator[Problem]:
    """An attendee line limited to unit types the plan's schedule does not hold (a plan of a two-tier year still
    written for district unions) applies to no session: a warning naming the types the schedule does hold."""
    for plan in ctx.table(INSPECTION_PLAN).values():
        scheduled = sorted({ctx.units[row.unit].model.type for row in plan.model.schedule if row.unit in ctx.units})
        if not scheduled:
            continue
        for index, attendee in enumerate(plan.model.attendees):
            if attendee.unit_types and not set(attendee.unit_types) & set(scheduled):
                yield problem(
                    plan,
                    "rule.attendee-type-unmatched",
                    "attendees",
                    index,
                    "unit_types",
                    role=attendee.role,
                    types_list=list(attendee.unit_types),
                    scheduled_list=scheduled,
                )
