"""Records and the context: the validated data, indexed for rules, figures and pages.

A :class:`Record` is one file that passed its schema; it remembers its file,
so a rule that finds a problem has the place for free. The :class:`Context`
holds the reference data that every rule may read (the organisation, the
register of units, cadres, plans, good models and surveys) with the lookups
rules and figures share.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic, NamedTuple, cast

from site_gen.kinds import BY_NAME, CADRE, GOOD_MODEL, KINDS, MIDTERM_SURVEY, ORGANISATION, PLANS, UNIT, Kind
from site_gen.kinds.cadre import Cadre, assignment_on
from site_gen.kinds.defs import last_day as last_day  # every kind's deadlines are read with it
from site_gen.kinds.field_visit_plan import FieldVisitPlan, FieldVisitPlanCategory, FieldVisitPlanRoleGroup
from site_gen.kinds.good_model import GoodModel
from site_gen.kinds.inspection_plan import InspectionPlan, InspectionPlanSchedule, InspectionPlanTeam
from site_gen.kinds.midterm_survey import MidtermSurvey
from site_gen.kinds.organisation import Organisation, OrganisationPredecessor, OrganisationSector
from site_gen.kinds.remediation_plan import RemediationPlan
from site_gen.kinds.survey_plan import SurveyPlan
from site_gen.kinds.typed import Model
from site_gen.kinds.unit import Unit, unit_on

if TYPE_CHECKING:  # a bare ``Record`` is a record of some kind: its model is a Model
    from typing_extensions import TypeVar

    M = TypeVar("M", bound=Model, default=Model, covariant=True)
else:
    from typing import TypeVar

    M = TypeVar("M", bound=Model, covariant=True)

# The plan kinds' models (each has a year)
P = TypeVar("P", FieldVisitPlan, InspectionPlan, RemediationPlan, SurveyPlan)

DISTRICT_TYPES = frozenset({"district", "affiliated"})
LEADING_TYPES = frozenset({"leadership", "department", "office"})
PLAN_KINDS = tuple(kind.name for kind in PLANS)


class Issuer(NamedTuple):
    """The committee that issued a plan (the organisation, or a former committee it holds the records of)."""

    id: str  # the organisation's id, or the predecessor's
    name: str
    short_name: str
    place: str
    committee: str  # the heading line, e.g. "BCH ĐOÀN TỈNH SÔNG LAM"
    until: dt.date | None = None  # a former committee's last day; None for the organisation
    former: bool = False  # a predecessor of the organisation


@dataclass(slots=True, eq=False)
class Record(Generic[M]):
    """A file that passed its schema: its place, its kind, its data, and (built when first asked) its typed model."""

    file: str
    kind: str
    data: dict[str, Any]
    # What the record says, typed (the kind module's model of it): built on first read by __getattr__ and kept in
    # the slot, so every later read is a plain slot read (a property would run Python code on each of them).
    model: M = field(init=False, repr=False)

    if not TYPE_CHECKING:  # (for mypy, an unknown attribute of a record stays an error)

        def __getattr__(self, name: str) -> Any:
            if name != "model":
                raise AttributeError(name)
            value = BY_NAME[self.kind].model.load(self.data)
            self.model = value
            return value

    @property
    def folder(self) -> str:
        """The owning unit's folder: the first folder under submissions/."""
        parts = self.file.split("/")
        return parts[1] if len(parts) > 2 else ""

    @property
    def id(self) -> str:
        value = self.data.get("id")
        return value if isinstance(value, str) else ""

    def __repr__(self) -> str:
        return f"Record({self.kind}, {self.file})"


def of_kind(kind: Kind[M], record: Record) -> Record[M]:
    """``record``, known to be of ``kind``, typed as such (its :attr:`Record.model` is the kind's model)."""
    if record.kind != kind.name:
        raise TypeError(f"{record!r} is not a {kind.name}")
    return record  # type: ignore[return-value]  # (no cast(): a call per record on the rules' paths)


def records_of(kind: Kind[M], records: Iterable[Record]) -> list[Record[M]]:
    """The records of ``kind`` among ``records``, typed as such, in their order."""
    name = kind.name
    return [record for record in records if record.kind == name]  # type: ignore[misc]  # (no cast() per record)


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def span_days(start: str | dt.date, end: str | dt.date) -> int:
    """Days from ``start`` to ``end``, both counted (01/06 to 15/06 is 15)."""
    first = start if isinstance(start, dt.date) else day(start)
    last = end if isinstance(end, dt.date) else day(end)
    return (last - first).days + 1


def quarter_bounds(year: int, quarter: int) -> tuple[dt.date, dt.date]:
    first_month = 3 * (quarter - 1) + 1
    start = dt.date(year, first_month, 1)
    end = dt.date(year + (quarter == 4), 1 if quarter == 4 else first_month + 3, 1) - dt.timedelta(days=1)
    return start, end


def report_period(plan: FieldVisitPlan, quarter: int) -> tuple[dt.date, dt.date]:
    """The visits a quarter's report covers: those ending in the quarter, or after the previous report was due.

    The report of a quarter is due before day N of its last month, so a visit
    ending in the last days of a quarter can only go in the next report.
    """
    start, end = quarter_bounds(plan.year, quarter)
    if quarter > 1:
        start = quarterly_deadline(plan, quarter - 1) + dt.timedelta(days=1)
    return start, end


def quarterly_deadline(plan: FieldVisitPlan, quarter: int) -> dt.date:
    """Last day to submit form 3 for a quarter: before day N of the quarter's last month."""
    rule = plan.deadlines.quarterly_report
    date = dt.date(plan.year, 3 * quarter, rule.day_of_last_month)
    return date - dt.timedelta(days=1) if rule.strict else date


class LazyTable(Mapping[str, Record]):
    """Records by id, read only when asked for (the checker's cached runs use it)."""

    def __init__(self, paths: dict[str, str], load: Callable[[str], Record]) -> None:
        self.paths = paths
        self._load = load
        self._read: dict[str, Record] = {}  # what was asked for already (rules ask for the same few records often)

    def __getitem__(self, ident: str) -> Record:
        record = self._read.get(ident)
        if record is None:
            record = self._read[ident] = self._load(self.paths[ident])
        return record

    def get(self, ident: str, default: Any = None) -> Any:  # (Mapping.get would go through __getitem__ and raise)
        record = self._read.get(ident)
        if record is None:
            path = self.paths.get(ident)
            if path is None:
                return default
            record = self._read[ident] = self._load(path)
        return record

    def __contains__(self, ident: object) -> bool:
        return ident in self.paths

    def __iter__(self) -> Iterator[str]:
        return iter(self.paths)

    def __len__(self) -> int:
        return len(self.paths)


# The reference data held by id (the organisation is a list of its own).
CONTEXT_TABLES = tuple(kind.name for kind in KINDS if kind.context and kind is not ORGANISATION)


class Context:
    """The reference data, indexed. Built only from records that passed their schema.

    ``tables`` maps each context kind (but the organisation) to its records
    by id; ``duplicates`` pairs a record with the first one holding its id;
    ``broken`` lists what records that failed their schema still say (so that
    other rules do not cascade); ``leaders`` may be given precomputed.
    """

    def __init__(
        self,
        tables: dict[str, Mapping[str, Record]],
        organisations: list[Record],
        duplicates: list[tuple[Record, Record]],
        broken: dict[str, set[str]] | None = None,
        leaders: dict[str, set[str]] | None = None,
    ) -> None:
        self.broken: dict[str, set[str]] = broken or {}
        self.organisations = organisations
        self.duplicates = duplicates
        self._tables = tables
        self.units = cast("Mapping[str, Record[Unit]]", tables[UNIT.name])
        self.cadres = cast("Mapping[str, Record[Cadre]]", tables[CADRE.name])
        self.models = cast("Mapping[str, Record[GoodModel]]", tables[GOOD_MODEL.name])
        self.surveys = cast("Mapping[str, Record[MidtermSurvey]]", tables[MIDTERM_SURVEY.name])
        self.plans: dict[str, Mapping[str, Record]] = {kind: tables[kind] for kind in PLAN_KINDS}
        self._district: dict[str, str | None] = {}
        self._leaders = leaders
        self._role_rules: dict[str, dict[str, FieldVisitPlanRoleGroup]] = {}
        self._categories: dict[str, dict[str, FieldVisitPlanCategory]] = {}
        self._committee: dict[str, str | None] = {}
        self._predecessors_of_org: bool | None = None

    @classmethod
    def from_records(cls, records: Iterable[Record], broken: dict[str, set[str]] | None = None) -> Context:
        tables: dict[str, dict[str, Record]] = {kind: {} for kind in CONTEXT_TABLES}
        organisations: list[Record] = []
        duplicates: list[tuple[Record, Record]] = []
        for record in sorted(records, key=lambda r: r.file):
            if record.kind == ORGANISATION.name:
                organisations.append(record)
                continue
            table = tables.get(record.kind)
            if table is None:
                continue
            first = table.get(record.id)
            if first is not None:
                duplicates.append((record, first))
            else:
                table[record.id] = record
        return cls(dict(tables), organisations, duplicates, broken)

    # -- presence -------------------------------------------------------------

    @property
    def org(self) -> Record[Organisation] | None:
        return cast("Record[Organisation]", self.organisations[0]) if self.organisations else None

    def known(self, kind: str, ident: str) -> bool:
        """True when a record of ``kind`` has this id, valid or not (broken ones are reported already)."""
        table = self._tables.get(kind)
        return (table is not None and ident in table) or self.hides(kind, ident)

    def hides(self, kind: str, *parts: str) -> bool:
        """True when a record of ``kind`` that failed its schema may be the one keyed by ``parts``.

        Broken keys are ``|``-joined parts, any of which may be ``*`` when the
        broken file did not say (``*`` alone: any record of that kind).
        """
        for key in self.broken.get(kind, ()):
            pieces = key.split("|")
            if key == "*" or (len(pieces) == len(parts) and all(p in ("*", q) for p, q in zip(pieces, parts, strict=True))):
                return True
        return False

    def has(self, kind: str, ident: str) -> bool:
        """True when a valid record of ``kind`` has this id."""
        table = self._tables.get(kind)
        return table is not None and ident in table

    def table(self, kind: Kind[M]) -> Mapping[str, Record[M]]:
        """The valid records of a context kind, by id, typed as the kind's records."""
        return self._tables[kind.name]  # type: ignore[return-value]  # (no cast(): a call on the rules' paths)

    def plan(self, kind: Kind[P], ident: str) -> Record[P] | None:
        """The plan of ``kind`` with this id, typed as the kind's records."""
        return self.table(kind).get(ident)

    def sector_ids(self) -> list[str]:
        org = self.org
        return [sector.id for sector in org.model.sectors] if org else []

    # -- units --------------------------------------------------------------------

    def unit_type(self, ident: str) -> str:
        unit = self.units.get(ident)
        return unit.model.type if unit else ""

    def unit_name(self, ident: str) -> str:
        unit = self.units.get(ident)
        return unit.model.name if unit else ident

    def ancestors(self, ident: str) -> Iterator[Record[Unit]]:
        """The unit and its parents, upwards, stopping at a missing unit or a loop."""
        probe: str | None = ident
        seen: set[str] = set()
        while probe and probe not in seen:
            seen.add(probe)
            unit = self.units.get(probe)
            if unit is None:
                return
            yield unit
            probe = unit.model.parent

    def district_of(self, ident: str) -> str | None:
        """The district-level union (or directly affiliated union) a unit lies in, or None."""
        if ident not in self._district:
            found = next((u for u in self.ancestors(ident) if u.model.type in DISTRICT_TYPES), None)
            self._district[ident] = found.id if found else None
        return self._district[ident]

    def sector_of(self, ident: str) -> str | None:
        """The sector of a unit, or of its nearest parent that has one."""
        found = next((u for u in self.ancestors(ident) if u.model.sector), None)
        return found.model.sector if found else None

    def sector_known(self, ident: str) -> bool:
        """False when a unit on the way up from ``ident`` failed its schema: its sector is anyone's guess."""
        return self._inherited_known(ident, lambda unit: bool(unit.sector))

    def _inherited_known(self, ident: str, says: Callable[[Unit], bool]) -> bool:
        """Whether what a unit inherits from the first unit above it that ``says`` it is known: False when a unit
        on the way up failed its schema before one that says it."""
        if not self.broken.get(UNIT.name):
            return True
        last = ident
        for unit in self.ancestors(ident):
            if says(unit.model):
                return True
            last = unit.model.parent or ""
        return not (last and self.hides(UNIT.name, last))

    # -- units and sectors as of a date (``day`` None: today's state, as the undated lookups above) ---------------

    def unit_state(self, ident: str, day: dt.date | None) -> Unit | None:
        """The unit as it was on ``day`` (its earlier name, parent, type, sector, locality), None when unknown."""
        unit = self.units.get(ident)
        if unit is None:
            return None
        model = unit.model
        return unit_on(model, day) if day is not None and model.history else model

    def unit_name_on(self, ident: str, day: dt.date | None) -> str:
        """The unit's name on ``day``: a 2024 record names a ward by its 2024 name."""
        state = self.unit_state(ident, day)
        return state.name if state else ident

    def ancestors_on(self, ident: str, day: dt.date | None) -> Iterator[Unit]:
        """:meth:`ancestors` as the register stood on ``day``: each unit's state then, following its parent then."""
        probe: str | None = ident
        seen: set[str] = set()
        while probe and probe not in seen:
            seen.add(probe)
            state = self.unit_state(probe, day)
            if state is None:
                return
            yield state
            probe = state.parent

    def district_on(self, ident: str, day: dt.date | None) -> str | None:
        """:meth:`district_of` as of ``day``."""
        if day is None:
            return self.district_of(ident)
        found = next((u for u in self.ancestors_on(ident, day) if u.type in DISTRICT_TYPES), None)
        return found.id if found else None

    def sector_on(self, ident: str, day: dt.date | None) -> str | None:
        """:meth:`sector_of` as of ``day``."""
        found = next((u for u in self.ancestors_on(ident, day) if u.sector), None)
        return found.sector if found else None

    def sector(self, ident: str) -> OrganisationSector | None:
        org = self.org
        return next((sector for sector in org.model.sectors if sector.id == ident), None) if org else None

    def sectors_in_year(self, year: int) -> list[OrganisationSector]:
        """The organisation's sectors in use on some day of ``year``."""
        org = self.org
        if not org:
            return []
        return [
            s
            for s in org.model.sectors
            if (s.from_ is None or s.from_.year <= year) and (s.until is None or s.until.year >= year)
        ]

    # -- cadres and plans ----------------------------------------------------------

    def exemption(self, cadre: str, year: int) -> str | None:
        record = self.cadres.get(cadre)
        if record is None:
            return None
        for item in record.model.exemptions:
            if item.year == year:
                return item.reason
        return None

    def role_rules(self, plan: Record[FieldVisitPlan], group: str) -> FieldVisitPlanRoleGroup | None:
        table = self._role_rules.get(plan.file)
        if table is None:
            table = self._role_rules[plan.file] = {rules.group: rules for rules in plan.model.role_groups}
        return table.get(group)

    def min_days(self, plan: Record[FieldVisitPlan], group: str) -> int:
        rules = self.role_rules(plan, group)
        return rules.min_days if rules is not None and rules.min_days is not None else plan.model.min_days

    def active_in(self, cadre: Record[Cadre], year: int) -> bool:
        joined, left = cadre.model.joined, cadre.model.left
        if joined and joined.year > year:
            return False
        return not (left and left.year < year)

    def in_scope(self, cadre: Record[Cadre], plan: Record[FieldVisitPlan]) -> bool:
        """The plan applies to this cadre: they worked for its issuer on its reference day (the year's end, or
        the former committee's last day), their membership and role group are covered, and they worked that year."""
        applies = plan.model.applies_to
        then = assignment_on(cadre.model, self.reference_day(plan))
        if not self.works_for(cadre, plan):
            return False
        if applies and not set(applies) & set(then.memberships):
            return False
        if self.role_rules(plan, then.role_group) is None:
            return False
        return self.active_in(cadre, plan.model.year)

    def is_subject(self, cadre: Record[Cadre], plan: Record[FieldVisitPlan]) -> bool:
        """In scope and not exempt: the cadre must reach the minimum."""
        return self.in_scope(cadre, plan) and self.exemption(cadre.id, plan.model.year) is None

    # -- former committees (the organisation's predecessors) ------------------------------------

    def predecessor(self, ident: str | None) -> OrganisationPredecessor | None:
        org = self.org
        if not ident or org is None:
            return None
        return next((item for item in org.model.predecessors if item.id == ident), None)

    def issuer_of(self, plan: Record | None) -> Issuer:
        """Who issued a plan (and so heads its documents and the records filed under it): the former
        committee it names as its issuer, else the organisation. ``None``: the organisation."""
        former = self.predecessor(getattr(plan.model, "issuer", None)) if plan is not None else None
        if former is not None:
            return Issuer(former.id, former.name, former.short_name, former.place, former.committee, former.until, True)
        org = self.org
        if org is None:
            return Issuer("", "", "", "", "")
        data = org.model
        return Issuer(data.id, data.name, data.short_name, data.place, data.committee)

    def committee_of(self, unit: str) -> str | None:
        """The former committee a unit belonged to (its own ``committee`` or its nearest ancestor's); None: the
        organisation."""
        if unit not in self._committee:
            found = next((u for u in self.ancestors(unit) if u.model.committee), None)
            self._committee[unit] = found.model.committee if found else None
        return self._committee[unit]

    def reference_day(self, plan: Record[P]) -> dt.date:
        """The day a plan's population is taken on: 31/12 of its year, or its former committee's last day if earlier."""
        end = dt.date(plan.model.year, 12, 31)
        former = self.predecessor(plan.model.issuer)
        return min(end, former.until) if former is not None else end

    def works_for(self, cadre: Record[Cadre], plan: Record[P]) -> bool:
        """The cadre worked for the plan's issuer on its reference day (a unit of that committee), and no plan of
        the same year taken earlier holds them: a former committee's cadre who moved to the organisation within the
        year stays on the former committee's plan, the population it was issued for, not counted twice."""
        if not self._works_for_issuer(cadre, plan):
            return False
        if self._predecessors_of_org is None:
            org = self.org
            self._predecessors_of_org = bool(org is not None and org.model.predecessors)
        if not self._predecessors_of_org:
            return True
        day = self.reference_day(plan)
        kind = cast("Kind[P]", BY_NAME[plan.kind])
        return not any(
            other.model.issuer != plan.model.issuer and self.reference_day(other) < day and self._works_for_issuer(cadre, other)
            for other in self.plans_for_year(kind, plan.model.year)
        )

    def works_for_known(self, cadre: Record[Cadre], plan: Record[P]) -> bool:
        """False when a record that failed its schema may change :meth:`works_for`: the organisation (its former
        committees), a plan of the kind (another committee's plan of the year may hold the cadre) or a unit above the
        cadre's on the reference day of one of the year's plans."""
        if self.broken.get(ORGANISATION.name) or self.broken.get(plan.kind):
            return False
        if not self.broken.get(UNIT.name):
            return True
        kind = cast("Kind[P]", BY_NAME[plan.kind])
        return all(
            self.committee_known(assignment_on(cadre.model, self.reference_day(other)).unit)
            for other in self.plans_for_year(kind, plan.model.year)
        )

    def committee_known(self, unit: str) -> bool:
        """False when a unit on the way up from ``unit`` failed its schema before one naming a committee: the
        former committee it belonged to is anyone's guess (as :meth:`sector_known`)."""
        return self._inherited_known(unit, lambda found: bool(found.committee))

    def _works_for_issuer(self, cadre: Record[Cadre], plan: Record[P]) -> bool:
        unit = assignment_on(cadre.model, self.reference_day(plan)).unit
        return self.committee_of(unit) == plan.model.issuer

    def unit_plans(self, kind: Kind[P], year: int, unit: str) -> list[Record[P]]:
        """The plans of ``kind`` for ``year`` issued by the committee ``unit`` belongs to (all of the year's when
        none is)."""
        plans = self.plans_for_year(kind, year)
        committee = self.committee_of(unit)
        return [plan for plan in plans if plan.model.issuer == committee] or plans

    def plans_for_year(self, kind: Kind[P], year: int) -> list[Record[P]]:
        """The plans of ``kind`` (a plan kind) for ``year``."""
        return [plan for plan in self.table(kind).values() if plan.model.year == year]

    def leaders_of(self, unit: str) -> set[str]:
        """Cadres who lead a unit (its leaders, or the standing committee of the leadership unit)."""
        if self._leaders is None:
            self._leaders = {}
            for ident, cadre in self.cadres.items():
                if cadre.model.role_group in ("leader", "standing"):
                    self._leaders.setdefault(cadre.model.unit, set()).add(ident)
        return self._leaders.get(unit, set())

    def category_codes(self, plan: Record[FieldVisitPlan]) -> list[str]:
        return [category.code for category in plan.model.categories]

    def category(self, plan: Record[FieldVisitPlan], code: str) -> FieldVisitPlanCategory | None:
        table = self._categories.get(plan.file)
        if table is None:
            table = self._categories[plan.file] = {category.code: category for category in plan.model.categories}
        return table.get(code)

    def schedule_row(self, plan: Record[InspectionPlan], unit: str) -> tuple[int, InspectionPlanSchedule] | None:
        for index, row in enumerate(plan.model.schedule):
            if row.unit == unit:
                return index, row
        return None

    def team(self, plan: Record[InspectionPlan], ident: str) -> InspectionPlanTeam | None:
        return next((team for team in plan.model.teams if team.id == ident), None)
