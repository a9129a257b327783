"""Helpers shared by the rule modules: reference checks with "did you mean"."""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Iterable, Iterator

from site_gen.kinds import CADRE, UNIT
from site_gen.kinds.defs import Document
from site_gen.kinds.unit import name_on
from site_gen.model import Context, Record
from site_gen.problems import Problem
from site_gen.rules.registry import problem


def close(ident: str, options: Iterable[str]) -> str | None:
    """The option most like ``ident`` (a "did you mean"), if one is close enough."""
    return _close(ident, options)


def _close(ident: str, options: Iterable[str]) -> str | None:
    found = difflib.get_close_matches(ident, list(options), n=1, cutoff=0.75)
    return found[0] if found else None


def unit_ref(ctx: Context, record: Record, ident: str | None, *pointer: str | int) -> Iterator[Problem]:
    if ident is not None and not ctx.known(UNIT.name, ident):
        yield problem(record, "rule.ref-unit", *pointer, id=ident, suggestion=_close(ident, ctx.units) or "")


def cadre_ref(ctx: Context, record: Record, ident: str | None, *pointer: str | int) -> Iterator[Problem]:
    if ident is not None and not ctx.known(CADRE.name, ident):
        yield problem(record, "rule.ref-cadre", *pointer, id=ident, suggestion=_close(ident, ctx.cadres) or "")


def plan_ref(ctx: Context, record: Record, kind: str, ident: str, *pointer: str | int) -> Iterator[Problem]:
    if not ctx.known(kind, ident):
        yield problem(
            record, "rule.ref-plan", *pointer, id=ident, plan_kind=kind, suggestion=_close(ident, ctx.plans[kind]) or ""
        )


def unit_on(
    ctx: Context, record: Record, ident: str | None, first: dt.date, last: dt.date, whole: bool, *pointer: str | int
) -> Iterator[Problem]:
    """A unit the record names for the days ``first`` to ``last`` existed then: on every one of them (``whole``:
    a visit, a session) or on one at least (a report for a period). An unknown unit is :func:`unit_ref`'s."""
    unit = ctx.units.get(ident) if ident else None
    if unit is None:
        return
    established, dissolved = unit.model.established, unit.model.dissolved
    if established is not None and established > (first if whole else last):
        date = first if whole else last
        yield problem(
            record,
            "rule.unit-not-yet",
            *pointer,
            id=ident,
            name=name_on(unit.model, established),  # (its first name)
            date=date,
            established_date=established,
        )
    elif dissolved is not None and dissolved <= (last if whole else first):
        date = last if whole else first
        yield problem(
            record,
            "rule.unit-dissolved",
            *pointer,
            id=ident,
            name=name_on(unit.model, dissolved - dt.timedelta(days=1)),  # (its last name)
            date=date,
            dissolved_date=dissolved,
        )


def units_on(
    ctx: Context, record: Record, idents: Iterable[str], first: dt.date, last: dt.date, *pointer: str | int
) -> Iterator[Problem]:
    """:func:`unit_on` for each unit of a list, over the whole span."""
    for index, ident in enumerate(idents):
        yield from unit_on(ctx, record, ident, first, last, True, *pointer, index)


def units_refs(ctx: Context, record: Record, idents: Iterable[str], *pointer: str | int) -> Iterator[Problem]:
    units = ctx.units
    for index, ident in enumerate(idents):
        if ident not in units:
            yield from unit_ref(ctx, record, ident, *pointer, index)


def document_refs(ctx: Context, record: Record, document: Document) -> Iterator[Problem]:
    """The units and the signing cadre a plan's document names."""
    yield from unit_ref(ctx, record, document.issuer_unit, "document", "issuer_unit")
    yield from unit_ref(ctx, record, document.drafted_by, "document", "drafted_by")
    if document.signer.cadre:
        yield from cadre_ref(ctx, record, document.signer.cadre, "document", "signer", "cadre")


def duplicate_ids(record: Record, idents: Iterable[str], *pointer: str | int) -> Iterator[Problem]:
    """Ids unique inside a list of objects of one record (teams, shortcomings, actions): ``idents`` are their ids."""
    seen: dict[str, int] = {}
    for index, ident in enumerate(idents):
        if ident in seen:
            yield problem(
                record, "rule.duplicate-id", *pointer, index, "id", id=ident, other_file=f"{record.file} #{seen[ident] + 1}"
            )
        else:
            seen[ident] = index
