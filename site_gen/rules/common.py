"""Helpers shared by the rule modules: reference checks with "did you mean"."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator

from site_gen.kinds import CADRE, UNIT
from site_gen.kinds.defs import Document
from site_gen.model import Context, Record
from site_gen.problems import Problem
from site_gen.rules.registry import problem


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
