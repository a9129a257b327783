"""Rules on inspection results and the rankings of one inspection plan."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from site_gen.kinds import GOOD_MODEL, INSPECTION_PLAN, INSPECTION_RESULT
from site_gen.kinds.defs import Person
from site_gen.kinds.inspection_plan import InspectionPlan
from site_gen.model import LEADING_TYPES, Context, Record, day
from site_gen.problems import Problem
from site_gen.rules import PartitionKey, check, problem
from site_gen.rules.common import cadre_ref, plan_ref, unit_ref
from site_gen.rules.register import folder_problems, team_people

CLASS_ORDER = ("excellent", "good", "complete")


def classify(score: float, thresholds: dict[str, Any]) -> str:
    for level in CLASS_ORDER:
        if score >= thresholds[level]:
            return level
    return "incomplete"


def _points(items: list[dict[str, Any]]) -> float:
    return float(sum(item["points"] for item in items))


# What a visit produces: a result still "scheduled" holds none of it (self-scores and
# the departments' scores may come before the visit).
VISIT_FINDINGS = {
    "final_score": "Điểm cuối cùng",
    "classification": "Xếp loại",
    "rank": "Thứ hạng trong khu vực",
    "notice": "Thông báo",
    "strengths": "Mặt được",
    "limitations": "Hạn chế",
    "directions": "Định hướng năm tới",
    "self_score_corrections": "Nội dung tự chấm cần điều chỉnh",
    "good_models": "Mô hình, giải pháp hay",
    "reflections": "Bài thu hoạch",
}


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
    ),
    kinds=(INSPECTION_RESULT.name,),
)
def inspection_result(ctx: Context, record: Record) -> Iterator[Problem]:
    data = record.data
    if data["status"] == "scheduled":
        filled = [f"{title} ({name})" for name, title in VISIT_FINDINGS.items() if name in data]
        if filled:
            yield problem(record, "rule.result-scheduled-assessed", "status", fields_list=filled)
    yield from plan_ref(ctx, record, INSPECTION_PLAN.name, data["plan"], "plan")
    yield from unit_ref(ctx, record, data["unit"], "unit")
    yield from folder_problems(ctx, record, None)
    kind = ctx.unit_type(record.folder)
    if kind and kind not in LEADING_TYPES:
        yield problem(record, "rule.plan-folder", folder=record.folder, unit_type=kind)
    yield from _scores(ctx, record)
    for index, item in enumerate(data.get("reflections", [])):
        if "member" in item:
            yield from cadre_ref(ctx, record, item["member"], "reflections", index, "member")
    if "documents_exception" in data:
        yield from cadre_ref(ctx, record, data["documents_exception"]["approved_by"], "documents_exception", "approved_by")
    for index, ident in enumerate(data.get("good_models", [])):
        model = ctx.models.get(ident)
        if model is None:
            if not ctx.known(GOOD_MODEL.name, ident):
                yield problem(record, "rule.ref-model", "good_models", index, id=ident)
        elif model.data["found_in"].get("inspection") != {"plan": data["plan"], "unit": data["unit"]}:
            yield problem(record, "rule.model-source-mismatch", "good_models", index, model=ident)
    plan = ctx.plan(INSPECTION_PLAN, data["plan"])
    if plan is None:
        return
    yield from _against_plan(ctx, record, plan)


def _against_plan(ctx: Context, record: Record, plan: Record[InspectionPlan]) -> Iterator[Problem]:
    data = record.data
    team = ctx.team(plan, data["team"])
    if team is None:
        yield problem(record, "rule.ref-team", "team", id=data["team"], plan=plan.id)
    scheduled = ctx.schedule_row(plan, data["unit"])
    if scheduled is None:
        yield problem(record, "rule.result-not-scheduled", "unit", unit=data["unit"], plan=plan.id)
    else:
        row = scheduled[1]
        if team is not None and row.team != data["team"]:
            yield problem(record, "rule.result-team-mismatch", "team", team=data["team"], scheduled_team=row.team)
        if row.date.isoformat() != data["date"]:
            yield problem(record, "rule.result-date-mismatch", "date", date=data["date"], scheduled_date=row.date)
    inspected = data["status"] == "inspected"
    received = data.get("documents_received")
    if received is None and inspected:
        yield problem(record, "rule.documents-missing", "status")
    elif received is not None:
        ahead = (day(data["date"]) - day(received)).days
        required = plan.data["documents_days_before"]
        if ahead < required and "documents_exception" not in data:
            yield problem(
                record,
                "rule.documents-late",
                "documents_received",
                received_date=received,
                visit_date=data["date"],
                days=ahead,
                required=required,
            )
    if "final_score" in data and "classification" in data:
        expected = classify(data["final_score"], plan.data["thresholds"])
        if expected != data["classification"]:
            yield problem(
                record,
                "rule.classification-threshold",
                "classification",
                score=data["final_score"],
                classification=data["classification"],
                expected_classification=expected,
            )
    if plan.data.get("scoring", {}).get("before_visit", True):
        for index, item in enumerate(data.get("department_scores", [])):
            if item.get("entered_on", "") > data["date"]:
                yield problem(
                    record,
                    "rule.department-score-late",
                    "department_scores",
                    index,
                    "entered_on",
                    unit=item["unit"],
                    entered_date=item["entered_on"],
                    visit_date=data["date"],
                )
    if plan.data.get("reflection_required") and inspected and team is not None:
        written = {item.get("member") or item.get("name") for item in data.get("reflections", [])}
        where = "reflections" if "reflections" in data else "status"
        for member in team_people(team):
            if member != team.leader and member not in written:
                yield problem(record, "rule.reflection-missing", where, member=member)
        for person in team.members:
            if isinstance(person, Person) and person.name not in written:
                yield problem(record, "rule.reflection-missing", where, member=person.name)


def _scores(ctx: Context, record: Record) -> Iterator[Problem]:
    data = record.data
    for index, item in enumerate(data.get("department_scores", [])):
        yield from unit_ref(ctx, record, item["unit"], "department_scores", index, "unit")
    assessed = data.get("assessed_score")
    if assessed is None:
        return
    if data.get("department_scores"):
        total = round(sum(item["score"] for item in data["department_scores"]), 2)
        if abs(total - assessed) > 0.005:
            yield problem(record, "rule.department-score-sum", "department_scores", total=_fmt(total), assessed=_fmt(assessed))
    if "final_score" in data:
        expected = round(assessed + _points(data.get("bonus", [])) - _points(data.get("penalty", [])), 2)
        if abs(expected - data["final_score"]) > 0.005:
            yield problem(record, "rule.score-sum", "final_score", final=_fmt(data["final_score"]), expected=_fmt(expected))


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
    by_unit: dict[str, Record] = {}
    for record in sorted((m for m in members if m.kind == INSPECTION_RESULT.name), key=lambda r: r.file):
        first = by_unit.setdefault(record.data["unit"], record)
        if first is not record:
            yield problem(record, "rule.result-duplicate", "unit", other_file=first.file)
    # a result still waiting for its visit is not a result yet
    by_unit = {unit: record for unit, record in by_unit.items() if record.data["status"] != "scheduled"}
    # The checker knows no "today": a result counts as missing once a unit inspected
    # on the same day or later already has its result (so a round still under way,
    # or not started, raises nothing).
    reported = [row["date"] for row in plan.data["schedule"] if row["unit"] in by_unit]
    latest = max(reported, default="")
    for index, row in enumerate(plan.data["schedule"]):
        if row["date"] <= latest and row["unit"] not in by_unit and not ctx.hides(INSPECTION_RESULT.name, plan.id, row["unit"]):
            yield problem(plan, "rule.result-missing", "schedule", index, "unit", unit=row["unit"])
    yield from _sector_ranks(ctx, plan, by_unit)
    for model in members:
        if model.kind == GOOD_MODEL.name:
            unit = model.data["found_in"]["inspection"]["unit"]
            if unit not in by_unit and not ctx.hides(INSPECTION_RESULT.name, plan.id, unit):
                yield problem(model, "rule.model-source-inspection", "found_in", "inspection", "unit", plan=plan.id, unit=unit)


def _sector_ranks(ctx: Context, plan: Record, by_unit: dict[str, Record]) -> Iterator[Problem]:
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
    sectors: dict[str, list[Record]] = {}
    for unit, record in by_unit.items():
        if "rank" in record.data and "final_score" in record.data:
            sectors.setdefault(ctx.sector_of(unit) or "", []).append(record)
    for sector, records in sorted(sectors.items()):
        if sector not in blind:
            yield from _ranks(sector, records)


def _ranks(sector: str, records: list[Record]) -> Iterator[Problem]:
    holders: dict[int, Record] = {}
    ordered = sorted(records, key=lambda r: (r.data["rank"], r.file))
    for record in ordered:
        rank = record.data["rank"]
        if rank in holders:
            yield problem(record, "rule.rank-duplicate", "rank", rank=rank, sector=sector, other_unit=holders[rank].data["unit"])
        else:
            holders[rank] = record
    for record in ordered:
        data = record.data
        worse = [o for o in ordered if o.data["rank"] > data["rank"] and o.data["final_score"] > data["final_score"]]
        if worse:
            other = max(worse, key=lambda o: (o.data["final_score"], -o.data["rank"]))
            yield problem(
                record,
                "rule.rank-order",
                "rank",
                rank=data["rank"],
                score=_fmt(data["final_score"]),
                other_unit=other.data["unit"],
                other_rank=other.data["rank"],
                other_score=_fmt(other.data["final_score"]),
            )
    ranks = sorted(holders)
    if ranks != list(range(1, len(ranks) + 1)):
        expected = next(i for i, rank in enumerate(ranks, start=1) if rank != i)
        culprit = next(r for r in ordered if r.data["rank"] == ranks[expected - 1])
        yield problem(culprit, "rule.rank-gap", "rank", sector=sector, ranks_list=ranks)
