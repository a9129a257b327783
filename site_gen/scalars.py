"""What both YAML loaders share: how plain scalars are typed, and located results.

Kept apart from :mod:`site_gen.yaml_ref` so that the fast path and the
checker do not import the reference parser unless a file needs it.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any

from site_gen.problems import Problem

MAX_DEPTH = 24

Position = tuple[int, int]

_INT = re.compile(r"-?(?:0|[1-9][0-9]*)\Z")
_FLOAT = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?\Z")


# Integers JSON tools read and write exactly (orjson: signed or unsigned 64 bits).
INT_MIN, INT_MAX = -(2**63), 2**64 - 1


def resolve_plain(text: str) -> Any:
    """Type a plain (unquoted) scalar the way JSON would, nothing more.

    ``null``/``true``/``false`` and JSON numbers are typed; everything else
    (``no``, ``0123``, ``1:30``, ``~``, ``.inf``, ``2025-02-30``) stays the
    string the unit typed, for the schema to judge. So does a number JSON
    cannot carry: an integer outside 64 bits (``INT_MIN``..``INT_MAX``), or a
    float too large to be finite (``1e999``).
    """
    if text == "" or text == "null":
        return None
    if text == "true":
        return True
    if text == "false":
        return False
    if text[0] in "-0123456789":
        if _INT.match(text):
            if len(text) <= 21:
                number = int(text)
                if INT_MIN <= number <= INT_MAX:
                    return number
            return text
        if _FLOAT.match(text):
            real = float(text)
            return real if math.isfinite(real) else text
    return text


@dataclass
class RefLoad:
    """What the reference loader found in one file.

    ``value`` is None when the file has problems; ``partial`` then holds what
    could be read before them (only to keep other checks from cascading). ``values`` maps each JSON
    pointer to the position of its value, ``keys`` to the position of the key
    that introduces it (for mapping members).
    """

    value: Any = None
    partial: Any = None
    values: dict[str, Position] = field(default_factory=dict)
    keys: dict[str, Position] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def position(self, pointer: str, at_key: bool = False) -> Position:
        """The best position for a pointer: its own, else its nearest located parent."""
        table = self.keys if at_key else self.values
        probe = pointer
        while True:
            if probe in table:
                return table[probe]
            if probe in self.values:
                return self.values[probe]
            if not probe:
                return (1, 1)
            probe = probe.rsplit("/", 1)[0]
