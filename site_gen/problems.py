"""One value type for a problem found in the submissions."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field
from typing import Any


class Severity(enum.Enum):
    ERROR = "error"
    WARNING = "warning"

    @property
    def rank(self) -> int:
        return 0 if self is Severity.ERROR else 1


@dataclass(frozen=True, order=False)
class Problem:
    """A problem in one file, at one place, with a stable code.

    ``line`` and ``column`` are 1-based; 0 means "not located yet" (a rule
    knows the JSON pointer; the checker fills in the line from the YAML).
    ``params`` are the message placeholders, as sorted ``(name, value)`` pairs
    so the value stays hashable.
    """

    file: str
    code: str
    severity: Severity
    pointer: str = ""
    line: int = 0
    column: int = 0
    params: tuple[tuple[str, Any], ...] = field(default=())

    @property
    def args(self) -> dict[str, Any]:
        return dict(self.params)

    def sort_key(self) -> tuple[str, int, int, int, str, str]:
        return (self.file, self.line, self.column, self.severity.rank, self.code, repr(self.params))

    def located(self, line: int, column: int) -> Problem:
        return Problem(self.file, self.code, self.severity, self.pointer, line, column, self.params)


def make(
    file: str,
    code: str,
    severity: Severity = Severity.ERROR,
    pointer: str = "",
    line: int = 0,
    column: int = 0,
    /,
    **params: Any,
) -> Problem:
    """A problem; every name after the position is a message parameter (``code``, ``line``... included)."""
    frozen = tuple(sorted((name, _freeze(value)) for name, value in params.items()))
    return Problem(file, code, severity, pointer, line, column, frozen)


def _freeze(value: Any) -> Any:
    """A parameter as the problem keeps it: lists as tuples, dates (a model's) as ISO text, as records write them."""
    if isinstance(value, (list, tuple)):
        return tuple(_freeze(item) for item in value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def pointer_join(*parts: str | int) -> str:
    """A JSON pointer (RFC 6901) from path parts: ("rows", 0, "days") -> "/rows/0/days"."""
    out = []
    for part in parts:
        text = str(part).replace("~", "~0").replace("/", "~1")
        out.append("/" + text)
    return "".join(out)


def pointer_parts(pointer: str) -> list[str]:
    if not pointer:
        return []
    return [p.replace("~1", "/").replace("~0", "~") for p in pointer.split("/")[1:]]
