"""What a kind's builder works with: typed answers in, a :class:`Draft` out.

A kind that units file through an issue form or a Word/Excel form overrides
:meth:`~site_gen.kinds.kind.Kind.build` in its module, next to its answers
type (``RegistrationAnswers`` …): that is "how it is built from typed
answers", in the kind's one place. The intake's front ends
(:mod:`site_gen.intake`) read what a unit wrote into those answers; the parts
they share (a category, a span of days, a row, a visit) are here. A builder
asks the loaded repository only what :class:`Workbench` offers, so this
module, like the rest of the package, depends on no other layer.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

if TYPE_CHECKING:
    from site_gen.kinds.inspection_plan import InspectionPlanSchedule
    from site_gen.kinds.kind import Kind, RecordView

# How the answers meet a record that already exists.
UPDATE = "update"  # what is answered replaces what the record has; the rest stays (an issue form)
REPLACE = "replace"  # the answers are the whole record (form 1, form 3)
ROWS = "rows"  # the answers replace the record's rows; its date and other fields stay (form 2)

Notes = list[tuple[str, dict[str, Any]]]
"""What a builder tells the unit it did: catalogue codes and their parameters."""


class Invalid(Exception):
    """An answer that cannot be read: a catalogue code and its parameters."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


class Refused(Invalid):
    """Answers that read but cannot make the record; ``answer`` names the one to change."""

    def __init__(self, answer: str, code: str, **params: Any) -> None:
        super().__init__(code, **params)
        self.answer = answer


class Category(NamedTuple):
    code: str
    topic: str | None = None

    def value(self) -> dict[str, Any]:
        return {"category": self.code, **({"topic": self.topic} if self.topic else {})}


class Span(NamedTuple):
    """Where and when: days, first and last day (ISO), the units visited and a place in words."""

    days: int
    start: str
    end: str
    places: list[str]
    place: str = ""

    def value(self) -> dict[str, Any]:
        out: dict[str, Any] = {"days": self.days, "from": self.start, "to": self.end, "places": self.places}
        return out | ({"place": self.place} if self.place else {})


class Row(NamedTuple):
    """One row of a registration."""

    category: Category
    span: Span
    purpose: str = ""

    def value(self) -> dict[str, Any]:
        return self.category.value() | self.span.value() | ({"purpose": self.purpose} if self.purpose else {})


class Visit(NamedTuple):
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
class Draft:
    """A record the answers make: its file, its value (and the old one), its text and what changed."""

    kind: str
    unit: str
    path: str
    value: dict[str, Any]
    old: dict[str, Any] | None
    text: str
    notes: Notes = field(default_factory=list)
    item: int | None = None  # the list item the answers wrote
    dated_today: bool = False  # no date was written: today's was taken

    @property
    def created(self) -> bool:
        return self.old is None


class Workbench(Protocol):
    """What a builder may ask of the repository the intake loaded (:class:`site_gen.intake.repository.Loaded`).

    Records are read as plain values here: a builder edits and writes them back.
    The text edits keep an existing record's comments and layout (node positions, not line patterns).
    """

    @property
    def today(self) -> str:
        """The intake's ISO date: a record's date when none is written."""
        ...

    def existing(self, kind: Kind, match: Callable[[dict[str, Any]], bool]) -> RecordView | None:
        """The first record of ``kind`` (by path) that ``match`` accepts."""
        ...

    def layout_path(self, kind: Kind, unit: str, **fields: Any) -> str:
        """Where a new record of ``kind`` for ``unit`` goes (the register's owner holds the registers)."""
        ...

    def folder_path(self, folder: str, relative: str) -> str:
        """The path of ``relative`` in the owning unit's ``folder``."""
        ...

    def ordered(self, kind: Kind, value: dict[str, Any]) -> dict[str, Any]: ...

    def render_new(self, kind: Kind, path: str, value: dict[str, Any]) -> str: ...

    def rerender(self, kind: Kind, path: str, text: str | None, value: dict[str, Any]) -> str: ...

    def read_target(self, path: str) -> tuple[str, dict[str, Any]] | None: ...

    def schedule_row(self, plan: str, unit: str) -> InspectionPlanSchedule | None:
        """The inspection plan's schedule row of ``unit``."""
        ...

    def edit_list(self, text: str, key: str, position: int | None, item: dict[str, Any], marker: str) -> str | None: ...

    def set_scalar(self, text: str, key: str, value: Any, after: str) -> str: ...

    def comment_first_item(self, text: str, key: str, comment: str) -> str: ...

    def item_markers(self, text: str, key: str) -> dict[int, int]: ...


def dated(written: str | None, old: dict[str, Any] | None, bench: Workbench, record_first: bool) -> tuple[str, bool]:
    """The record's date: the written one or the record's (in that order, or the other), else today's."""
    kept = str(old["submitted"]) if old is not None else None
    for date in (kept, written) if record_first else (written, kept):
        if date:
            return date, False
    return bench.today, True
