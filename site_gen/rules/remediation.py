"""Rules on remediation progress reports."""

from __future__ import annotations

from collections.abc import Iterator

from site_gen.kinds import REMEDIATION_PLAN, REMEDIATION_PROGRESS
from site_gen.model import Context, Record, last_day, of_kind
from site_gen.problems import Problem
from site_gen.rules.common import plan_ref, unit_ref
from site_gen.rules.register import folder_problems
from site_gen.rules.registry import check, problem


@check(
    "record",
    (
        "rule.ref-plan",
        "rule.ref-unit",
        "rule.unknown-folder",
        "rule.owner-mismatch",
        "rule.period-order",
        "rule.ref-shortcoming",
        "rule.ref-action",
        "rule.progress-action-mismatch",
        "rule.progress-unit-role",
        "rule.late",
    ),
    kinds=(REMEDIATION_PROGRESS.name,),
)
def remediation_progress(ctx: Context, record: Record) -> Iterator[Problem]:
    data = of_kind(REMEDIATION_PROGRESS, record).model
    yield from plan_ref(ctx, record, REMEDIATION_PLAN.name, data.plan, "plan")
    yield from unit_ref(ctx, record, data.unit, "unit")
    yield from folder_problems(ctx, record, data.unit)
    period = data.period
    if period.from_ > period.to:
        yield problem(record, "rule.period-order", "period", from_date=period.from_, to_date=period.to)
    found = ctx.plan(REMEDIATION_PLAN, data.plan)
    if found is None:
        return
    plan = found.model
    groups = plan.solution_groups
    known = {item.id for item in plan.shortcomings}
    all_actions = {action.id for group in groups for action in group.actions}
    for index, item in enumerate(data.items):
        ident = item.shortcoming
        if ident not in known:
            yield problem(record, "rule.ref-shortcoming", "items", index, "shortcoming", id=ident, plan=found.id)
            continue
        mine = [group for group in groups if ident in group.shortcomings]
        own_actions = {action.id for group in mine for action in group.actions}
        for position, action_id in enumerate(item.actions):
            if action_id not in all_actions:
                yield problem(record, "rule.ref-action", "items", index, "actions", position, id=action_id, plan=found.id)
            elif action_id not in own_actions:
                yield problem(
                    record,
                    "rule.progress-action-mismatch",
                    "items",
                    index,
                    "actions",
                    position,
                    action=action_id,
                    shortcoming=ident,
                )
        assigned = {plan.reporting.report_to}
        for group in mine:
            assigned.add(group.lead)
            assigned.update(group.cooperating)
            for action in group.actions:
                assigned.update([action.lead] if action.lead is not None else [])
                assigned.update(action.cooperating)
        if data.unit not in assigned:
            yield problem(record, "rule.progress-unit-role", "items", index, "shortcoming", unit=data.unit, shortcoming=ident)
    if period.cadence == "yearly":
        deadline = last_day(plan.reporting.report_due)
        if data.submitted > deadline:
            yield problem(record, "rule.late", "submitted", submitted_date=data.submitted, deadline_date=deadline)
