"""Official administrative codes: a unit's ``locality.code`` and the organisation's ``code`` against the dated
list of administrative units (:mod:`site_gen.adminunits`), as of the unit's own period."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from site_gen import adminunits
from site_gen.adminunits import AdminUnit
from site_gen.model import Context, Record
from site_gen.problems import Problem
from site_gen.rules.registry import check, problem

CODES = (
    "rule.admin-code-unknown",
    "rule.admin-code-level",
    "rule.admin-code-name",
    "rule.admin-code-ended",
    "rule.admin-code-not-yet",
)


@check("context", CODES)
def admin_codes(ctx: Context) -> Iterator[Problem]:
    """Each code is in the list; on some day of the unit's period (established to dissolved) it named a unit of
    the locality's level and name. The list is read only when a record has a code."""
    for unit in ctx.units.values():
        data = unit.model
        locality = data.locality
        if locality is None or not locality.code:
            continue
        yield from code_problems(
            unit, locality.code, locality.name, locality.level, data.established, data.dissolved, "locality", "code"
        )
    org = ctx.org
    if org is not None and org.model.code:
        yield from code_problems(org, org.model.code, org.model.place, "province", None, None, "code")


def code_problems(
    record: Record,
    code: str,
    name: str,
    level: str | None,
    established: dt.date | None,
    dissolved: dt.date | None,
    *pointer: str | int,
) -> Iterator[Problem]:
    """The problems of one official code given for a unit of ``name`` and ``level`` (None: any) that existed from
    ``established`` to ``dissolved`` (None: open). Also for a former province's code (``level`` "province", the
    day after its last day as ``dissolved``)."""
    known = adminunits.versions(code)
    if not known:
        yield problem(record, "rule.admin-code-unknown", *pointer, code=code, name=name)
        return
    key = adminunits.name_key(name)
    fitting = [unit for unit in known if (level is None or unit.level == level) and adminunits.name_key(unit.name) == key]
    if any(unit.overlaps(established, dissolved) for unit in fitting):
        return
    live = [unit for unit in known if unit.overlaps(established, dissolved)]
    if fitting or not live:
        # the code named this unit, or named something, only outside the unit's period
        yield _period_problem(record, tuple(fitting) or known, code, established, dissolved, pointer)
        return
    same_level = [unit for unit in live if level is None or unit.level == level]
    if not same_level:
        yield problem(record, "rule.admin-code-level", *pointer, code=code, name=name, found=_names(live))
    else:
        yield problem(record, "rule.admin-code-name", *pointer, code=code, name=name, found=_names(same_level))


def _names(units: list[AdminUnit]) -> str:
    return " / ".join(dict.fromkeys(unit.name for unit in units))


def _period_problem(
    record: Record,
    known: tuple[AdminUnit, ...],
    code: str,
    established: dt.date | None,
    dissolved: dt.date | None,
    pointer: tuple[str | int, ...],
) -> Problem:
    ended = [unit for unit in known if unit.valid_to is not None and established is not None and unit.valid_to < established]
    if ended:
        last = max(ended, key=lambda unit: unit.valid_to or dt.date.min)
        return problem(
            record,
            "rule.admin-code-ended",
            *pointer,
            code=code,
            found=last.name,
            valid_to_date=last.valid_to,
            established_date=established,
        )
    first = min(known, key=lambda unit: unit.valid_from or dt.date.min)
    return problem(
        record,
        "rule.admin-code-not-yet",
        *pointer,
        code=code,
        found=first.name,
        valid_from_date=first.valid_from,
        dissolved_date=dissolved,
    )
