"""The cross-record rules: small checks, each declaring its scope and its codes.

Scopes decide what a check may read, and so what a cached result depends on:

``context``
    the reference data alone (register, cadres, plans, models, surveys);
``record``
    one record of the given kinds, plus the reference data;
``cadre``, ``report``, ``inspection``
    a partition: the records that share a key (every record of one cadre;
    the reports of one unit, plan and quarter; the results of one
    inspection plan), plus the reference data.

A check never reads outside its scope. That is what lets the checker re-run
only the partitions a changed file touches.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from site_gen.catalogue import severity_of
from site_gen.kinds import BY_NAME, INSPECTION_PLAN
from site_gen.kinds import PartitionKey as PartitionKey  # the rules and the checker name partitions so
from site_gen.model import Context, Record
from site_gen.problems import Problem, make, pointer_join

PARTITION_SCOPES = ("cadre", "report", "inspection")


@dataclass(frozen=True)
class Check:
    name: str
    scope: str
    codes: tuple[str, ...]
    kinds: tuple[str, ...]
    fn: Callable[..., Iterator[Problem]]


CHECKS: list[Check] = []


def check(scope: str, codes: tuple[str, ...], kinds: tuple[str, ...] = ()) -> Callable[..., Any]:
    def register(fn: Callable[..., Iterator[Problem]]) -> Callable[..., Iterator[Problem]]:
        CHECKS.append(Check(fn.__name__, scope, codes, kinds, fn))
        return fn

    return register


def problem(record: Record | str, code: str, /, *pointer: str | int, **params: Any) -> Problem:
    """A problem in a record (or a file path) at the pointer made of ``pointer`` parts."""
    file = record if isinstance(record, str) else record.file
    return make(file, code, severity_of(code), pointer_join(*pointer), **params)


def partitions_of(record: Record) -> list[PartitionKey]:
    """The partitions a record belongs to, beside its own record scope (its kind says which)."""
    kind = BY_NAME.get(record.kind)
    return kind.partitions(record.data) if kind else []


def context_partitions(ctx: Context) -> list[PartitionKey]:
    """Partitions that exist even with no bulk record in them (so "missing" rules can fire)."""
    keys: list[PartitionKey] = [("cadre", ident) for ident in ctx.cadres]
    keys += [("inspection", ident) for ident in ctx.table(INSPECTION_PLAN)]
    return keys


def all_codes() -> set[str]:
    return {code for item in CHECKS for code in item.codes}


def load_checks() -> list[Check]:
    """Import every rule module (they register themselves) and return the checks."""
    from site_gen.rules import inspections, register, remediation, visits  # noqa: F401

    return CHECKS
