"""What a unit answered, typed: the neutral form both front ends produce.

An issue form and a filled Word/Excel form are read into these values
(dates as ISO text, day counts as numbers, categories, cadres, units and
plans found in the repository); the builders of
:mod:`site_gen.intake.builders` turn them into records. Nothing here knows
where an answer was written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from site_gen.intake.parse import Invalid
from site_gen.model import Record

# How the answers meet a record that already exists.
UPDATE = "update"  # what is answered replaces what the record has; the rest stays (an issue form)
REPLACE = "replace"  # the answers are the whole record (form 1, form 3)
ROWS = "rows"  # the answers replace the record's rows; its date and other fields stay (form 2)


class Refused(Invalid):
    """Answers that read but cannot make the record; ``answer`` names the one to change."""

    def __init__(self, answer: str, code: str, **params: Any) -> None:
        super().__init__(code, **params)
        self.answer = answer


@dataclass(frozen=True)
class Category:
    code: str
    topic: str | None = None

    def value(self) -> dict[str, Any]:
        return {"category": self.code, **({"topic": self.topic} if self.topic else {})}


@dataclass(frozen=True)
class Span:
    """Where and when: days, first and last day (ISO), the units visited and a place in words."""

    days: int
    start: str
    end: str
    places: list[str]
    place: str = ""

    def value(self) -> dict[str, Any]:
        out: dict[str, Any] = {"days": self.days, "from": self.start, "to": self.end, "places": self.places}
        return out | ({"place": self.place} if self.place else {})


@dataclass(frozen=True)
class Row:
    """One row of a registration."""

    category: Category
    span: Span
    purpose: str = ""

    def value(self) -> dict[str, Any]:
        return self.category.value() | self.span.value() | ({"purpose": self.purpose} if self.purpose else {})


@dataclass
class Registration:
    plan: Record
    cadre: Record
    rows: list[Row]
    submitted: str | None  # None: not written (the record's date, else today's)
    post: str = ""
    note: str = ""
    approved_by: str = ""
    approved_on: str = ""
    mode: str = UPDATE


@dataclass(frozen=True)
class Visit:
    """One visit of a quarterly report."""

    cadre: str
    category: Category
    activity: str
    span: Span
    achievements: str
    limitations: str = ""
    proposals: str = ""

    def value(self) -> dict[str, Any]:
        out: dict[str, Any] = {"cadre": self.cadre, **self.category.value(), "activity": self.activity, **self.span.value()}
        out["results"] = {"achievements": self.achievements} | ({"limitations": self.limitations} if self.limitations else {})
        return out | ({"proposals": self.proposals} if self.proposals else {})


@dataclass
class QuarterlyReport:
    plan: Record
    unit: Record
    quarter: int
    visits: list[Visit]
    submitted: str | None
    prepared_by: str = ""
    note: str = ""
    mode: str = UPDATE  # UPDATE: one visit into the report (``issue`` marks it); REPLACE: the whole report
    issue: int | None = None
    marker: str = ""  # the comment that marks the issue's visit


@dataclass
class DocumentsReceived:
    """An inspected unit's documents received (before the inspection visit)."""

    plan: Record
    unit: Record
    received: str
    approved_by: str = ""  # who accepted late documents, and why
    reason: str = ""


@dataclass
class Progress:
    """One shortcoming's progress in a remediation progress report."""

    plan: Record
    unit: Record
    shortcoming: str
    actions: list[str]
    status: str
    cadence: str
    start: str
    end: str
    submitted: str
    done: str
    difficulties: str = ""
    next_steps: str = ""

    def item(self) -> dict[str, Any]:
        out: dict[str, Any] = {"shortcoming": self.shortcoming, **({"actions": self.actions} if self.actions else {})}
        out |= {"status": self.status, "done": self.done}
        return out | {k: v for k, v in (("difficulties", self.difficulties), ("next_steps", self.next_steps)) if v}


@dataclass
class Draft:
    """A record the answers make: its file, its value (and the old one), its text and what changed."""

    kind: str
    unit: str
    path: str
    value: dict[str, Any]
    old: dict[str, Any] | None
    text: str
    notes: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    item: int | None = None  # the list item the answers wrote
    dated_today: bool = False  # no date was written: today's was taken

    @property
    def created(self) -> bool:
        return self.old is None
