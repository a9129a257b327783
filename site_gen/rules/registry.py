"""The rules' registry: each rule module declares its checks with :func:`check` and makes problems with
:func:`problem`. Kept apart from the package's ``__init__`` (which imports the rule modules to load them), so
the rule modules import this and nothing imports them back."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, NamedTuple

from site_gen.catalogue import severity_of
from site_gen.kinds import PartitionKey as PartitionKey  # the rules and the checker name partitions so
from site_gen.model import Record
from site_gen.problems import Problem, make, pointer_join


class Check(NamedTuple):
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
