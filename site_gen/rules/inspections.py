"""Rules on inspection results and the rankings of one inspection plan."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import groupby
from typing import NamedTuple

from site_gen.kinds import GOOD_MODEL, INSPECTION_PLAN, INSPECTION_RESULT
from site_gen.kinds.defs import Person
from site_gen.kinds.inspection_plan import InspectionPlan, InspectionPlanThresholds
from site_gen.kinds.inspection_result import (
    VISIT_FINDINGS,
    InspectionResult,
    InspectionResultBonus,
    InspectionResultPenalty,
)
from site_gen.model import LEADING_TYPES, Context, Record, of_kind, records_of
from site_gen.problems import Problem
from site_gen.rules.common import cadre_ref, plan_ref, unit_on, unit_ref
from site_gen.rules.register import folder_problems, team_people
from site_gen.rules.registry import PartitionKey, check, problem

CLASS_ORDER = ("excellent", "good", "complete")


def classify(score: float, thresholds: InspectionPlanThresholds) -> str:
    floors = (thresholds.excellent, thresholds.good, thresholds.complete)
    for level, floor in zip(CLASS_ORDER, floors, strict=True):
        if score >= floor:
            return level
    return "incomplete"


def _points(items: tuple[InspectionResultBonus | InspectionResultPenalty, ...]) -> float:
    return float(sum(item.points for item in items))


@check(
    "record",
    (
        "rule.ref-plan",
        "rule.ref-unit",
        "rule.ref-team",
        "rule.ref-cadre",
        "rule.ref-model",
        "rule.unknown-folder",
        "rule.plan-folder",
        "rule.result-not-scheduled",
        "rule.result-team-mismatch",
        "rule.result-date-mismatch",
        "rule.documents-late",
        "rule.documents-missing",
        "rule.result-scheduled-assessed",
        "rule.score-sum",
        "rule.department-score-sum",
        "rule.department-score-late",
        "rule.classification-threshold",
        "rule.model-source-mismatch",
        "rule.reflection-missing",
        "rule.unit-not-yet",
        "rule.unit-dissolved",
    ),
    kinds=(INSPECTION_RESULT.name,),
)
def inspection_result(ctx: Context, record: Record) -> Iterator[Problem]:
    typed = of_kind(INSPECTION_RESULT, record)
    data = typed.model
    if data.status == "scheduled":
        # raw key presence: a finding written as an empty list is still written (the model reads it as left out)
        filled = [f"{title} ({name})" for name, title in VISIT_FINDINGS.items() if name in record.data]
        if filled:
            yield problem(record, "rule.result-scheduled-assessed", "status", fields_list=filled)
    yield from plan_ref(ctx, record, INSPECTION_PLAN.name, data.plan, "plan")
    yield from unit_ref(ctx, record, data.unit, "unit")
    yield from unit_on(ctx, record, data.unit, data.date, data.date, True, "unit")
    yield from folder_problems(ctx, record, None)
    kind = ctx.unit_type(record.folder)
    if kind and kind not in LEADING_TYPES:
        yield problem(record, "rule.plan-folder", folder=record.folder, unit_type=kind)
    yield from _scores(ctx, record, data)
    for index, item in enumerate(data.reflections):
        yield from cadre_ref(ctx, record, item.member, "reflections", index, "member")
    if data.documents_exception is not None:
        yield from cadre_ref(ctx, record, data.documents_exception.approved_by, "documents_exception", "approved_by")
    for index, ident in enumerate(data.good_models):
        model = ctx.models.get(ident)
        if model is None:
            if not ctx.known(GOOD_MODEL.name, ident):
                yield problem(record, "rule.ref-model", "good_models", index, id=ident)
        else:
            source = model.model.found_in.inspection
            if source is None or (source.plan, source.unit) != (data.plan, data.unit):
                yield problem(record, "rule.model-source-mismatch", "good_models", index, model=ident)
    plan = ctx.plan(INSPECTION_PLAN, data.plan)
    if plan is None:
        return
    yield from _against_plan(ctx, typed, plan)


def _against_plan(ctx: Context, record: Record[InspectionResult], plan: Record[InspectionPlan]) -> Iterator[Problem]:
    data = record.model
    team = ctx.team(plan, data.team)
    if team is None:
        yield problem(record, "rule.ref-team", "team", id=data.team, plan=plan.id)
    scheduled = ctx.schedule_row(plan, data.unit)
    if scheduled is None:
        yield problem(record, "rule.result-not-scheduled", "unit", unit=data.unit, plan=plan.id)
    else:
        row = scheduled[1]
        if team is not None and row.team != data.team:
            yield problem(record, "rule.result-team-mismatch", "team", team=data.team, scheduled_team=row.team)
        if row.date != data.date:
            yield problem(record, "rule.result-date-mismatch", "date", date=data.date, scheduled_date=row.date)
    inspected = data.status == "inspected"
    received = data.documents_received
    if received is None and inspected:
        yield problem(record, "rule.documents-missing", "status")
    elif received is not None:
        ahead = (data.date - received).days
        required = plan.model.documents_days_before
        if ahead < required and data.documents_exception is None:
            yield problem(
                record,
                "rule.documents-late",
                "documents_received",
                received_date=received,
                visit_date=data.date,
                days=ahead,
                required=required,
            )
    if data.final_score is not None and data.classification is not None:
        expected = classify(data.final_score, plan.model.thresholds)
        if expected != data.classification:
            yield problem(
                record,
                "rule.classification-threshold",
                "classification",
                score=data.final_score,
                classification=data.classification,
                expected_classification=expected,
            )
    scoring = plan.model.scoring
    if scoring is None or scoring.before_visit:
        for index, item in enumerate(data.department_scores):
            if item.entered_on is not None and item.entered_on > data.date:
                yield problem(
                    record,
                    "rule.department-score-late",
                    "department_scores",
                    index,
                    "entered_on",
                    unit=item.unit,
                    entered_date=item.entered_on,
                    visit_date=data.date,
                )
    if plan.model.reflection_required and inspected and team is not None:
        written = {item.member or item.name for item in data.reflections}
        # raw key presence: the problem points at the list when it is written, even empty
        where = "reflections" if "reflections" in record.data else "status"
        for member in team_people(team):
            if member != team.leader and member not in written:
                yield problem(record, "rule.reflection-missing", where, member=member)
        for person in team.members:
            if isinstance(person, Person) and person.name not in written:
                yield problem(record, "rule.reflection-missing", where, member=person.name)


def _scores(ctx: Context, record: Record, data: InspectionResult) -> Iterator[Problem]:
    for index, item in enumerate(data.department_scores):
        yield from unit_ref(ctx, record, item.unit, "department_scores", index, "unit")
    assessed = data.assessed_score
    if assessed is None:
        return
    if data.department_scores:
        total = round(sum(item.score for item in data.department_scores), 2)
        if abs(total - assessed) > 0.005:
            yield problem(record, "rule.department-score-sum", "department_scores", total=_fmt(total), assessed=_fmt(assessed))
    if data.final_score is not None:
        expected = round(assessed + _points(data.bonus) - _points(data.penalty), 2)
        if abs(expected - data.final_score) > 0.005:
            yield problem(record, "rule.score-sum", "final_score", final=_fmt(data.final_score), expected=_fmt(expected))


def _fmt(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


@check(
    "inspection",
    (
        "rule.result-duplicate",
        "rule.result-missing",
        "rule.rank-duplicate",
        "rule.rank-order",
        "rule.rank-gap",
        "rule.model-source-inspection",
    ),
)
def inspection_rankings(ctx: Context, key: PartitionKey, members: list[Record]) -> Iterator[Problem]:
    plan = ctx.plan(INSPECTION_PLAN, key[1])
    if plan is None:
        return
    by_unit: dict[str, Record[InspectionResult]] = {}
    for record in sorted(records_of(INSPECTION_RESULT, members), key=lambda r: r.file):
        first = by_unit.setdefault(record.model.unit, record)
        if first is not record:
            yield problem(record, "rule.result-duplicate", "unit", other_file=first.file)
    # a result still waiting for its visit is not a result yet
    by_unit = {unit: record for unit, record in by_unit.items() if record.model.status != "scheduled"}
    # The checker knows no "today": a result counts as missing once a unit inspected
    # on the same day or later already has its result (so a round still under way,
    # or not started, raises nothing).
    schedule = plan.model.schedule
    latest = max((row.date for row in schedule if row.unit in by_unit), default=None)
    for index, row in enumerate(schedule):
        if latest is None or row.date > latest or row.unit in by_unit:
            continue
        if not ctx.hides(INSPECTION_RESULT.name, plan.id, row.unit):
            yield problem(plan, "rule.result-missing", "schedule", index, "unit", unit=row.unit)
    yield from _sector_ranks(ctx, plan, by_unit)
    for model in records_of(GOOD_MODEL, members):
        source = model.model.found_in.inspection
        if source is None:  # not in this partition: a good model found in an inspection is only in its plan's
            continue
        unit = source.unit
        if unit not in by_unit and not ctx.hides(INSPECTION_RESULT.name, plan.id, unit):
            yield problem(model, "rule.model-source-inspection", "found_in", "inspection", "unit", plan=plan.id, unit=unit)


class _Ranked(NamedTuple):
    """A result that holds a rank and a final score."""

    record: Record[InspectionResult]
    unit: str
    rank: int
    score: float


def _sector_ranks(ctx: Context, plan: Record, by_unit: dict[str, Record[InspectionResult]]) -> Iterator[Problem]:
    """Ranks within each sector, except where a broken file hides a member or a unit's sector.

    A result that failed its schema, or a unit whose file did (so the sector
    of the units under it is unknown), is reported at its own file; the ranks
    around it are judged once it is fixed, never guessed meanwhile.
    """
    pairs = [key.split("|") for key in ctx.broken.get(INSPECTION_RESULT.name, ())]
    hidden = {pair[-1] for pair in pairs if pair[0] in ("*", plan.id)}
    if "*" in hidden or not all(ctx.sector_known(unit) for unit in [*by_unit, *hidden]):
        return
    blind = {ctx.sector_of(unit) or "" for unit in hidden}
    sectors: dict[str, list[_Ranked]] = {}
    for unit, record in by_unit.items():
        rank, score = record.model.rank, record.model.final_score
        if rank is not None and score is not None:
            sectors.setdefault(ctx.sector_on(unit, record.model.date) or "", []).append(
                _Ranked(record, record.model.unit, rank, score)
            )
    for sector, ranked in sorted(sectors.items()):
        if sector not in blind:
            yield from _ranks(sector, ranked)


def _ranks(sector: str, ranked: list[_Ranked]) -> Iterator[Problem]:
    holders: dict[int, _Ranked] = {}
    ordered = sorted(ranked, key=lambda r: (r.rank, r.record.file))
    for item in ordered:
        if item.rank in holders:
            yield problem(
                item.record, "rule.rank-duplicate", "rank", rank=item.rank, sector=sector, other_unit=holders[item.rank].unit
            )
        else:
            holders[item.rank] = item
    # the best score ranked below each result, in one pass from the bottom (a sector may hold 100+ communes)
    below: dict[int, _Ranked] = {}
    best: _Ranked | None = None
    for rank, group in groupby(reversed(ordered), key=lambda r: r.rank):
        members = list(group)[::-1]  # in file order, as the first of equals is named
        if best is not None:
            below[rank] = best
        top = max(members, key=lambda o: (o.score, -o.rank))
        if best is None or (top.score, -top.rank) > (best.score, -best.rank):
            best = top
    for item in ordered:
        other = below.get(item.rank)
        if other is not None and other.score > item.score:
            yield problem(
                item.record,
                "rule.rank-order",
                "rank",
                rank=item.rank,
                score=_fmt(item.score),
                other_unit=other.unit,
                other_rank=other.rank,
                other_score=_fmt(other.score),
            )
    ranks = sorted(holders)
    if ranks != list(range(1, len(ranks) + 1)):
        expected = next(i for i, rank in enumerate(ranks, start=1) if rank != i)
        culprit = next(r for r in ordered if r.rank == ranks[expected - 1])
        yield problem(culprit.record, "rule.rank-gap", "rank", sector=sector, ranks_list=ranks)
