"""Everything the pages show, computed once from the records: a pure function of them.

Nothing here reads the disk or the clock: git dates come in as a value, and
"today" is the day of the last commit.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from site_gen.catalogue import words
from site_gen.escape import url_path
from site_gen.gitinfo import GitInfo
from site_gen.kinds import (
    BY_NAME,
    FIELD_VISIT_PLAN,
    INSPECTION_PLAN,
    INSPECTION_RESULT,
    KINDS,
    QUARTERLY_REPORT,
    REGISTRATION,
    REMEDIATION_PLAN,
    REMEDIATION_PROGRESS,
    Kind,
)
from site_gen.kinds.field_visit_plan import FieldVisitPlan
from site_gen.kinds.inspection_plan import InspectionPlan
from site_gen.kinds.kind import Deadline
from site_gen.kinds.organisation import Organisation, OrganisationPredecessor
from site_gen.kinds.quarterly_report import QuarterlyReportVisit
from site_gen.kinds.registration import RegistrationRow
from site_gen.model import DISTRICT_TYPES, Context, Issuer, Record, day, last_day, quarterly_deadline, records_of
from site_gen.stats import figures
from site_gen.vn import format_date, name_key, sort_key

CLASSIFICATIONS = ("excellent", "good", "complete", "incomplete")
# Record files whose raw YAML is not published (cadre files hold exemption reasons): each kind says.
PRIVATE_KINDS = frozenset(kind.name for kind in KINDS if kind.private)


@dataclass
class Visit:
    """A visit, planned (registration row) or done (report row), with where it came from.

    ``start`` and ``end`` are ISO dates (pages compare and slice them as text);
    ``model`` is the typed row.
    """

    cadre: str
    category: str
    days: int
    start: str
    end: str
    places: list[str]
    done: bool
    record: Record
    index: int
    model: RegistrationRow | QuarterlyReportVisit


UNTAGGED = "chua-gan-nhan"
# The titles of the deadlines on the home page (site.toml, Vietnamese only).
DEADLINES = words("deadlines")


@dataclass
class SiteData:
    ctx: Context
    records: list[Record]
    git: GitInfo
    by_kind: dict[str, list[Record]] = field(default_factory=dict)
    years: list[int] = field(default_factory=list)
    figures: dict[int, dict[str, Any]] = field(default_factory=dict)
    calendars: dict[str, bytes] = field(default_factory=dict)
    downloads: dict[str, bytes] = field(default_factory=dict)
    forms: list[dict[str, Any]] = field(default_factory=list)  # Word and Excel forms (site_gen.office.export)
    _forms_by_owner: dict[tuple[Any, Any], list[dict[str, Any]]] | None = field(default=None, repr=False)
    _visits: dict[tuple[int | None, bool | None], list[Visit]] = field(default_factory=dict, repr=False)
    _by_cadre: dict[tuple[int | None, bool | None], dict[str, list[Visit]]] = field(default_factory=dict, repr=False)

    # -- lookups ---------------------------------------------------------------

    @property
    def org(self) -> Record[Organisation]:
        org = self.ctx.org
        assert org is not None
        return org

    @property
    def today(self) -> dt.date:
        return self.git.today

    def kind(self, name: str) -> list[Record]:
        return self.by_kind.get(name, [])

    def registration_forms(self, cadre: str, year: int) -> list[dict[str, Any]]:
        """The downloadable form 1 of a cadre for a year (indexed once: a page per cadre asks)."""
        if self._forms_by_owner is None:
            self._forms_by_owner = {}
            for form in self.forms:
                if form.get("group") == "1":
                    self._forms_by_owner.setdefault((form.get("owner"), form.get("year")), []).append(form)
        return list(self._forms_by_owner.get((cadre, year), []))

    def tag_label(self, tag: str) -> str:
        """The Vietnamese name of a good-model tag, from the organisation record (else the tag itself)."""
        if tag == UNTAGGED:
            return words("pages")["untagged"]
        return (self.org.model.model_tags or {}).get(tag, tag)

    def unit_name(self, ident: str) -> str:
        return self.ctx.unit_name(ident)

    def unit_name_on(self, ident: str, day: Any) -> str:
        if isinstance(day, str):
            try:
                day = dt.date.fromisoformat(day)
            except ValueError:
                day = None
        return self.ctx.unit_name_on(ident, day if isinstance(day, dt.date) else None)

    def issuer_of(self, plan: Record | None) -> Issuer:
        """The committee that issued a plan (a former committee, or the organisation)."""
        return self.ctx.issuer_of(plan)

    def former_committee(self, unit: str) -> OrganisationPredecessor | None:
        """The former committee a unit belonged to (its own or an ancestor's ``committee``), or None."""
        return self.ctx.predecessor(self.ctx.committee_of(unit))

    def cadre_name(self, ident: str) -> str:
        cadre = self.ctx.cadres.get(ident)
        return cadre.model.name if cadre else ident

    def plan_year(self, plan_id: str) -> int | None:
        plan = self.ctx.plan(FIELD_VISIT_PLAN, plan_id)
        return plan.model.year if plan else None

    def units_sorted(self, idents: Iterable[str]) -> list[str]:
        return sorted(idents, key=lambda ident: sort_key(self.unit_name(ident)))

    def cadres_sorted(self, idents: Iterable[str]) -> list[str]:
        return sorted(idents, key=lambda ident: name_key(self.cadre_name(ident)))

    def visits(self, year: int | None = None, done: bool | None = None) -> list[Visit]:
        """Registered (``done=False``) or reported (``done=True``) visits, or both; sorted by date, then name.

        Computed once per (year, done) and shared: callers must not change the list.
        """
        key = (year, done)
        if key not in self._visits:
            self._visits[key] = self._make_visits(year, done)
        return self._visits[key]

    def visits_of(self, cadre: str, year: int | None = None, done: bool | None = None) -> list[Visit]:
        """One cadre's visits, as :meth:`visits` selects them."""
        key = (year, done)
        if key not in self._by_cadre:
            index: dict[str, list[Visit]] = {}
            for visit in self.visits(year, done):
                index.setdefault(visit.cadre, []).append(visit)
            self._by_cadre[key] = index
        return self._by_cadre[key].get(cadre, [])

    def _make_visits(self, year: int | None, done: bool | None) -> list[Visit]:
        out = []

        def add(
            cadre: str,
            record: Record,
            index: int,
            row: RegistrationRow | QuarterlyReportVisit,
            is_done: bool,
        ) -> None:
            start, end = row.from_.isoformat(), row.to.isoformat()
            out.append(Visit(cadre, row.category, row.days, start, end, list(row.places), is_done, record, index, row))

        if done is not True:
            for registration in records_of(REGISTRATION, self.kind(REGISTRATION.name)):
                if year is None or self.plan_year(registration.model.plan) == year:
                    for index, row in enumerate(registration.model.rows):
                        add(registration.model.cadre, registration, index, row, False)
        if done is not False:
            for report in records_of(QUARTERLY_REPORT, self.kind(QUARTERLY_REPORT.name)):
                if year is None or self.plan_year(report.model.plan) == year:
                    for index, visit in enumerate(report.model.visits):
                        add(visit.cadre, report, index, visit, True)
        names = {cadre: name_key(self.cadre_name(cadre)) for cadre in {v.cadre for v in out}}
        return sorted(out, key=lambda v: (v.start, v.end, names[v.cadre], v.record.file, v.index))

    def source(self, record: Record) -> dict[str, Any]:
        """How a page shows where a record came from."""
        repo = self.org.model.repository
        url = repo.url.rstrip("/") if repo else ""
        branch = repo.branch if repo else "main"
        return {
            "file": record.file,
            "changed": self.git.last_changed.get(record.file, ""),
            "yaml": None if record.kind in PRIVATE_KINDS else "ho-so/" + record.file.split("/", 1)[1],
            "view": f"{url}/blob/{url_path(branch)}/{url_path(record.file)}" if url else "",
            "edit": f"{url}/edit/{url_path(branch)}/{url_path(record.file)}" if url else "",
        }

    def has(self, kind: Kind, ident: str) -> bool:
        return self.ctx.has(kind.name, ident)

    def page_of(self, record: Record) -> str | None:
        """The page that shows a record, if it has one (its kind says which)."""
        kind = BY_NAME.get(record.kind)
        return kind.page(record.data, self) if kind else None  # a kind's hooks take the raw data

    def describe(self, record: Record) -> str:
        """A short Vietnamese name for a record, for lists of changes (its kind's, else its document's title)."""
        kind = BY_NAME.get(record.kind)
        described = kind.describe(record.data, self) if kind else None  # a kind's hooks take the raw data
        # any kind: not every model has a document (raw data, read by key)
        return described if described is not None else str(record.data.get("document", {}).get("title", record.file))

    def recent_changes(self, days: int = 5, limit: int = 6) -> list[dict[str, Any]]:
        """The latest days on which records changed (newest first): which records, how many removed."""
        by_file = {record.file: record for record in self.records}
        per_day: dict[str, set[str]] = {}
        for change in self.git.changes:  # newest first
            per_day.setdefault(change.date, set()).update(change.files)
        out = []
        for date, files in list(per_day.items())[:days]:
            records = sorted((by_file[path] for path in files if path in by_file), key=lambda r: sort_key(self.describe(r)))
            items = [{"name": self.describe(r), "page": self.page_of(r)} for r in records[:limit]]
            out.append(
                {
                    "date": date,
                    "count": len(records),
                    "items": items,
                    "more": max(0, len(records) - limit),
                    "removed": sum(1 for path in files if path not in by_file),
                }
            )
        return out

    # -- deadlines -----------------------------------------------------------------

    def deadlines(self) -> list[Deadline]:
        """Every deadline the records set, with what is still missing for it."""
        out: list[Deadline] = []
        for plan in self.ctx.table(FIELD_VISIT_PLAN).values():
            out += self._plan_deadlines(plan)
        for inspection in self.ctx.table(INSPECTION_PLAN).values():
            for item in inspection.model.deadlines:
                out.append(Deadline(last_day(item.due).isoformat(), item.task, f"kiem-tra/{inspection.id}.md"))
            out += self._documents_deadlines(inspection)
        for remediation in self.ctx.table(REMEDIATION_PLAN).values():
            due = last_day(remediation.model.reporting.report_due).isoformat()
            reporters = sorted({group.lead for group in remediation.model.solution_groups})
            sent = {
                r.model.unit
                for r in records_of(REMEDIATION_PROGRESS, self.kind(REMEDIATION_PROGRESS.name))
                if r.model.plan == remediation.id and r.model.period.cadence == "yearly"
            }
            missing = tuple(self.unit_name(u) for u in self.units_sorted(set(reporters) - sent))
            title = DEADLINES["remediation_report"].format(year=remediation.model.year)
            out.append(
                Deadline(due, title, f"khac-phuc/{remediation.id}.md", missing, len(reporters) - len(missing), len(reporters))
            )
        for survey in self.ctx.surveys.values():
            due = last_day(survey.model.due).isoformat()
            out.append(
                Deadline(due, DEADLINES["survey"].format(unit=self.unit_name(survey.model.unit)), f"khao-sat/{survey.id}.md")
            )
        for kind in KINDS:
            out += kind.deadlines(self)
        return sorted(out, key=lambda d: (d.date, d.title))

    def _documents_deadlines(self, plan: Record[InspectionPlan]) -> list[Deadline]:
        """For each inspection day: the last day its units' documents may arrive, and whose have not."""
        received = {
            r.model.unit
            for r in records_of(INSPECTION_RESULT, self.kind(INSPECTION_RESULT.name))
            if r.model.plan == plan.id and r.model.documents_received
        }
        by_day: dict[dt.date, list[str]] = {}
        for row in plan.model.schedule:
            by_day.setdefault(row.date, []).append(row.unit)
        ahead = dt.timedelta(days=plan.model.documents_days_before)
        out = []
        for date, units in sorted(by_day.items()):
            missing = tuple(self.unit_name(u) for u in self.units_sorted(set(units) - received))
            title = DEADLINES["inspection_documents"].format(date=format_date(date.isoformat()))
            due = (date - ahead).isoformat()
            out.append(Deadline(due, title, f"kiem-tra/{plan.id}.md", missing, len(units) - len(missing), len(units)))
        return out

    def _plan_deadlines(self, plan: Record[FieldVisitPlan]) -> list[Deadline]:
        year = plan.model.year
        data = self.figures.get(year)
        out = []
        if data is not None:
            # this plan's cadres (two former committees' plans of one year each count their own)
            subjects = [c for c in data["cadres"] if c["status"] != "exempt" and c["plan"] == plan.id]
            missing = tuple(c["name"] for c in subjects if not c["registered"])
            out.append(
                Deadline(
                    last_day(plan.model.deadlines.registration).isoformat(),
                    DEADLINES["registration"].format(year=year),
                    f"ke-hoach/{plan.id}.md",
                    missing,
                    len(subjects) - len(missing),
                    len(subjects),
                    DEADLINES["people"],
                )
            )
            units = sorted({c["unit"] for c in subjects})
            received = {(r["unit"], r["quarter"]) for r in data["reports"]["items"]}
            for quarter in (1, 2, 3, 4):
                absent = tuple(self.unit_name(u) for u in self.units_sorted(u for u in units if (u, quarter) not in received))
                out.append(
                    Deadline(
                        quarterly_deadline(plan.model, quarter).isoformat(),
                        DEADLINES["quarterly_report"].format(quarter=quarter, year=year),
                        f"tien-do/{year}.md",
                        absent,
                        len(units) - len(absent),
                        len(units),
                    )
                )
        out.append(
            Deadline(
                last_day(plan.model.deadlines.summary).isoformat(),
                DEADLINES["summary"].format(year=year),
                f"ke-hoach/{plan.id}.md",
            )
        )
        out.append(
            Deadline(plan.model.window.to.isoformat(), DEADLINES["window_end"].format(year=year), f"ke-hoach/{plan.id}.md")
        )
        return out

    # -- coverage ------------------------------------------------------------------

    def communes(self, district: str) -> list[str]:
        return self.units_sorted(
            ident
            for ident, unit in self.ctx.units.items()
            if unit.model.type == "grassroots" and self.ctx.district_of(ident) == district
        )

    def districts(self) -> list[str]:
        return self.units_sorted(ident for ident, unit in self.ctx.units.items() if unit.model.type in DISTRICT_TYPES)


def build(ctx: Context, records: Iterable[Record], git: GitInfo) -> SiteData:
    records = list(records)
    data = SiteData(ctx, records, git)
    for record in records:
        data.by_kind.setdefault(record.kind, []).append(record)
    data.years = sorted({plan.model.year for plan in ctx.table(FIELD_VISIT_PLAN).values()}, reverse=True)
    for year in data.years:
        data.figures[year] = figures(ctx, records, year)
    return data


def month_of(iso: str) -> int:
    return day(iso).month
