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

from site_gen.kinds import BY_NAME, INSPECTION_PLAN
from site_gen.model import Context, Record
from site_gen.rules.registry import CHECKS, Check, PartitionKey, check, problem

# What the checker and the rule docs use (the rule modules import the registry itself).
__all__ = ["Check", "PartitionKey", "all_codes", "check", "context_partitions", "load_checks", "partitions_of", "problem"]


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
    from site_gen.rules import admin_codes, inspections, register, remediation, visits  # noqa: F401

    return CHECKS
