"""What a unit's page shows through time: its lineage (the units it came from, what it became) and, year by year,
the visits it received, its inspection results and its remediation plans, its predecessors' included.

A new ward's page holds the history of the communes it was formed from, each row marked with the unit it is
about; a dissolved commune's page says what it became. Plain values for the template, no rendering.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from site_gen.kinds import INSPECTION_PLAN, INSPECTION_RESULT, REMEDIATION_PLAN
from site_gen.kinds.inspection_plan import InspectionPlan
from site_gen.kinds.inspection_result import InspectionResult
from site_gen.kinds.remediation_plan import RemediationPlan
from site_gen.lineage import Lineage
from site_gen.model import Record, records_of
from site_gen.site.data import SiteData, Visit


class UnitRecords:
    """The visits received, inspection results and remediation plans of every unit, indexed once per site."""

    def __init__(self, site: SiteData) -> None:
        self.visits: dict[str, list[Visit]] = defaultdict(list)
        for visit in site.visits(done=True):
            for place in dict.fromkeys(visit.places):
                self.visits[place].append(visit)
        plans = site.ctx.table(INSPECTION_PLAN)
        self.results: dict[str, list[tuple[Record[InspectionResult], Record[InspectionPlan]]]] = defaultdict(list)
        for result in records_of(INSPECTION_RESULT, site.kind(INSPECTION_RESULT.name)):
            plan = plans.get(result.model.plan)
            if plan is not None and result.model.status != "scheduled":
                self.results[result.model.unit].append((result, plan))
        self.plans: dict[str, list[Record[RemediationPlan]]] = defaultdict(list)
        for plan_record in site.ctx.table(REMEDIATION_PLAN).values():
            self.plans[plan_record.folder].append(plan_record)


def unit_history(lineage: Lineage, records: UnitRecords, ident: str) -> dict[str, Any]:
    """The values of one unit's page: ``before`` and ``after`` (lineage steps), ``years`` (newest first), each
    with ``visits``, ``results`` and ``plans``, every row with ``unit`` (whose record it is) and ``former``
    (a predecessor's), and ``sources`` (the decisions and the records shown)."""
    before = lineage.predecessors(ident)
    after = lineage.successors(ident)
    own = [ident, *lineage.units_before(ident)]
    years: dict[int, dict[str, list[dict[str, Any]]]] = defaultdict(lambda: {"visits": [], "results": [], "plans": []})
    sources: list[Record] = [*dict.fromkeys(step.record for step in (*before, *after))]
    for unit in own:
        former = unit != ident
        for visit in records.visits.get(unit, ()):
            years[int(visit.start[:4])]["visits"].append({"visit": visit, "unit": unit, "former": former})
            sources.append(visit.record)
        for result, plan in records.results.get(unit, ()):
            years[plan.model.year]["results"].append({"result": result, "plan": plan, "unit": unit, "former": former})
            sources.append(result)
        for plan_record in records.plans.get(unit, ()):
            years[plan_record.model.year]["plans"].append({"plan": plan_record, "unit": unit, "former": former})
            sources.append(plan_record)
    for year in years.values():
        year["visits"].sort(key=lambda row: (row["visit"].start, row["visit"].end, row["visit"].cadre))
    return {
        "before": before,
        "after": after,
        "years": [{"year": year, **years[year]} for year in sorted(years, reverse=True)],
        "sources": list(dict.fromkeys(sources)),
    }
