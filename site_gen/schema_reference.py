"""python-jsonschema, configured to read our schemas as the specification does.

The tool's verdict comes from jsonschema-rs (:mod:`site_gen.schemas`). This
second implementation exists so that tests can hold the two to one answer,
over the official JSON Schema Test Suite and over generated records. Out of
the box python-jsonschema departs from the specification in three places
that our schemas use, and each is replaced here:

* ``pattern`` (and ``patternProperties``, ``additionalProperties``) run Python's ``re``, where ``$``
  also matches before a final line break, ``\\d`` and ``\\w`` take any
  Unicode digit or letter, and ``\\s`` misses U+FEFF: here they run
  ``regress``, an ECMA-262 engine (the one python-jsonschema itself uses for
  ``format: regex``), with the ``u`` flag;
* ``multipleOf`` divides binary floats, so 78.29 is not a multiple of 0.01:
  here it is exact on the shortest decimal that reads back as the number (the
  decimal the unit wrote), with fractions;
* ``format: date`` uses Python's calendar, which has no year 0000: here it
  is RFC 3339's ``full-date`` (the year 0000 exists and is a leap year).
"""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction
from functools import lru_cache
from typing import Any

import jsonschema
import regress
from jsonschema import Draft202012Validator, FormatChecker, ValidationError
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

_DATE_DIGITS = frozenset("0123456789")


@lru_cache(maxsize=512)
def ecma_regex(pattern: str) -> regress.Regex:
    """An ECMA-262 regular expression with the Unicode flag, compiled once."""
    return regress.Regex(pattern, "u")


def ecma_search(pattern: str, text: str) -> bool:
    return ecma_regex(pattern).find(text) is not None


def _pattern(validator: Any, pattern: str, instance: Any, schema: Any) -> Iterator[ValidationError]:
    if validator.is_type(instance, "string") and not ecma_search(pattern, instance):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


def _pattern_properties(validator: Any, patterns: dict[str, Any], instance: Any, schema: Any) -> Iterator[ValidationError]:
    if not validator.is_type(instance, "object"):
        return
    for pattern, subschema in patterns.items():
        for name, value in instance.items():
            if ecma_search(pattern, name):
                yield from validator.descend(value, subschema, path=name, schema_path=pattern)


def _additional_properties(validator: Any, extra: Any, instance: Any, schema: Any) -> Iterator[ValidationError]:
    if not validator.is_type(instance, "object"):
        return
    patterns = list(schema.get("patternProperties", {}))
    known = schema.get("properties", {})
    unexpected = [name for name in instance if name not in known and not any(ecma_search(p, name) for p in patterns)]
    if validator.is_type(extra, "object"):
        for name in unexpected:
            yield from validator.descend(instance[name], extra, path=name)
    elif not extra and unexpected:
        yield ValidationError(f"Additional properties are not allowed ({', '.join(map(repr, unexpected))} unexpected)")


def exact(number: int | float) -> Fraction:
    """The number as the decimal it is written as: ``repr`` gives the shortest one that reads back."""
    return Fraction(number) if isinstance(number, int) else Fraction(repr(number))


def is_multiple(number: int | float, step: int | float) -> bool:
    return (exact(number) / exact(step)).denominator == 1


def _multiple_of(validator: Any, step: int | float, instance: Any, schema: Any) -> Iterator[ValidationError]:
    if validator.is_type(instance, "number") and not is_multiple(instance, step):
        yield ValidationError(f"{instance!r} is not a multiple of {step}")


_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def is_full_date(text: str) -> bool:
    """RFC 3339 ``full-date``: ``YYYY-MM-DD``, ASCII digits, a day of the proleptic Gregorian calendar."""
    if len(text) != 10 or text[4] != "-" or text[7] != "-":
        return False
    digits = text[:4] + text[5:7] + text[8:]
    if not set(digits) <= _DATE_DIGITS:
        return False
    year, month, day = int(text[:4]), int(text[5:7]), int(text[8:])
    if not 1 <= month <= 12:
        return False
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    return 1 <= day <= _MONTH_DAYS[month - 1] + (1 if month == 2 and leap else 0)


def _format_checker() -> FormatChecker:
    checker = FormatChecker()
    checker.checkers = dict(Draft202012Validator.FORMAT_CHECKER.checkers)
    checker.checks("date")(lambda instance: not isinstance(instance, str) or is_full_date(instance))
    return checker


ReferenceValidator = jsonschema.validators.extend(  # type: ignore[no-untyped-call]
    Draft202012Validator,
    validators={
        "pattern": _pattern,
        "patternProperties": _pattern_properties,
        "additionalProperties": _additional_properties,
        "multipleOf": _multiple_of,
    },
)
FORMAT_CHECKER = _format_checker()


def reference_validator_for(schema: dict[str, Any], resources: dict[str, dict[str, Any]]) -> Any:
    registry: Registry[Any] = Registry().with_resources(
        (uri, Resource.from_contents(doc, default_specification=DRAFT202012)) for uri, doc in resources.items()
    )
    return ReferenceValidator(schema, registry=registry, format_checker=FORMAT_CHECKER)
