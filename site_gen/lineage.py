"""Following a unit through time: the units it came from and those it became, by the reorganisation decisions.

A reorganisation record (``site_gen/kinds/reorganisation.py``) lists its changes with the units before
(``from``) and after (``to``). Each change links every unit before to every unit after: a merge links the
merged units to the new one, a split the old unit to each new one, an absorption each absorbed unit to the
one that keeps its id (which is not linked to itself). A rename or transfer keeps the unit (no link); a
dissolution and an establishment have one side only, and are kept as the end or the start of a unit.

Pure functions over the context: :func:`predecessors` and :func:`successors` follow the links transitively,
nearest first, each with its decision and date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from site_gen.kinds import REORGANISATION
from site_gen.kinds.reorganisation import Reorganisation
from site_gen.model import Context, Record

# The changes that link units before to units after (a rename or transfer keeps the same unit).
LINKING = frozenset({"merge", "absorb", "split"})


@dataclass(frozen=True)
class Step:
    """One link: ``before`` went into ``after`` by a change of a decision, effective on ``effective``."""

    before: str | None  # None: the unit was established by the decision
    after: str | None  # None: the unit was dissolved by it
    change: str
    effective: dt.date
    number: str  # the decision's number
    decided: dt.date  # the decision's date
    record: Record[Reorganisation]
    depth: int = 1  # 1: a direct link; 2: a link of a unit linked directly, and so on


@dataclass(frozen=True)
class Lineage:
    """Every link of the context's reorganisations, indexed both ways."""

    steps: tuple[Step, ...]

    @classmethod
    def of(cls, ctx: Context) -> Lineage:
        steps: list[Step] = []
        for record in ctx.table(REORGANISATION).values():
            data = record.model
            for item in data.changes:
                made = (item.change, data.effective, data.document.number, data.document.date, record)
                if item.change in LINKING:
                    steps += [Step(b, a, *made) for b in item.from_ for a in item.to if a != b]
                elif item.change == "dissolve":
                    steps += [Step(b, None, *made) for b in item.from_]
                elif item.change == "establish":
                    steps += [Step(None, a, *made) for a in item.to]
        steps.sort(key=lambda s: (s.effective, s.number, s.before or "", s.after or ""))
        return cls(tuple(steps))

    def predecessors(self, unit: str) -> list[Step]:
        """The links into ``unit`` and, transitively, into the units it came from; nearest first."""
        return self._walk(unit, lambda s: s.after, lambda s: s.before)

    def successors(self, unit: str) -> list[Step]:
        """The links out of ``unit`` and, transitively, out of the units it became (a dissolution too)."""
        return self._walk(unit, lambda s: s.before, lambda s: s.after)

    def _walk(self, unit: str, near: Callable[[Step], str | None], far: Callable[[Step], str | None]) -> list[Step]:
        out: list[Step] = []
        taken: set[int] = set()
        seen = {unit}
        frontier = [unit]
        depth = 1
        while frontier:
            following: list[str] = []
            for index, step in enumerate(self.steps):
                if near(step) in frontier and index not in taken:
                    taken.add(index)
                    out.append(replace(step, depth=depth))
                    other = far(step)
                    if other is not None and other not in seen:
                        seen.add(other)
                        following.append(other)
            frontier = following
            depth += 1
        return out

    def units_before(self, unit: str) -> list[str]:
        """The ids of every unit ``unit`` came from, nearest first."""
        return _ids(step.before for step in self.predecessors(unit))


def _ids(found: Iterable[str | None]) -> list[str]:
    return list(dict.fromkeys(ident for ident in found if ident is not None))


def predecessors(ctx: Context, unit: str) -> list[Step]:
    """The links into ``unit`` and, transitively, into the units it came from (see :class:`Lineage`)."""
    return Lineage.of(ctx).predecessors(unit)


def successors(ctx: Context, unit: str) -> list[Step]:
    """The links out of ``unit`` and, transitively, out of the units it became (see :class:`Lineage`)."""
    return Lineage.of(ctx).successors(unit)
