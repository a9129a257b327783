"""Generated texts for the property tests: seeded, so a failure names the seed that finds it again.

Each text comes from one of these classes: a payload of ``tests/payloads.py``;
characters of one Unicode general category (every category, unassigned and
private-use code points too); a text as long as the field allows, mixing
Vietnamese, combining marks, emoji, right-to-left and zero-width characters;
white space only; control characters amid words; a mix of all of them.
:func:`fitting` turns a text into one the field's schema takes (no refused
control character, at most its length after NFC), so that a whole repository
of generated texts passes ``check``.
"""

from __future__ import annotations

import functools
import random
import re
import sys
import unicodedata

from tests.payloads import PAYLOADS

CATEGORIES = [
    "Lu",
    "Ll",
    "Lt",
    "Lm",
    "Lo",
    "Mn",
    "Mc",
    "Me",
    "Nd",
    "Nl",
    "No",
    "Pc",
    "Pd",
    "Ps",
    "Pe",
    "Pi",
    "Pf",
    "Po",
    "Sm",
    "Sc",
    "Sk",
    "So",
    "Zs",
    "Zl",
    "Zp",
    "Cc",
    "Cf",
    "Co",
    "Cn",
]
VIETNAMESE = "Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh Bình An, xã Tân Lập: kế hoạch đi cơ sở năm 2025 "
MIXED = (
    "\u0301",
    "\u0323",
    "👍🏽",
    "👨‍👩‍👧",
    "\u202e",
    "\u200f",
    "\u200b",
    "\ufeff",
    "\u2028",
    "\t",
    "\n",
    "ا",
    "𝔘",
    "&",
    "<",
    "'",
)
CONTROLS = [chr(c) for c in (*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0), 0xFFFE, 0xFFFF)]
REFUSED = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")


@functools.cache
def by_category() -> dict[str, list[int]]:
    """Code points of each general category: the first 3,000 of each, then every 97th."""
    found: dict[str, list[int]] = {name: [] for name in CATEGORIES}
    for point in range(sys.maxunicode + 1):
        points = found.get(unicodedata.category(chr(point)))
        if points is not None and (len(points) < 3000 or point % 97 == 0):
            points.append(point)
    return found


def _category(rng: random.Random, limit: int) -> str:
    points = by_category()[rng.choice(CATEGORIES)]
    return "".join(chr(rng.choice(points)) for _ in range(rng.randint(1, min(limit, 40))))


def _long(rng: random.Random, limit: int) -> str:
    parts: list[str] = []
    while sum(map(len, parts)) < limit:
        parts.append(rng.choice((VIETNAMESE, *MIXED, *PAYLOADS)))
    return "".join(parts)[: rng.choice((limit, limit - 1, limit + 1))]


def _controls(rng: random.Random, limit: int) -> str:
    words = VIETNAMESE.split()
    return "".join(rng.choice(words) + rng.choice(CONTROLS) for _ in range(rng.randint(1, 8)))


def _mixed(rng: random.Random, limit: int) -> str:
    return "".join(rng.choice((_category, _controls))(rng, limit) + rng.choice(PAYLOADS) for _ in range(rng.randint(1, 3)))


def generated(rng: random.Random, limit: int) -> str:
    """One text of a randomly chosen class, for a field of at most ``limit`` characters (it may not fit)."""
    kind = rng.choices(("payload", "category", "long", "blank", "controls", "mixed"), weights=(30, 30, 6, 4, 15, 15))[0]
    if kind == "payload":
        return rng.choice(PAYLOADS)
    if kind == "blank":
        return rng.choice((" ", "\n", "\t", " \u3000 ", "\u200b", "\u2028"))
    return {"category": _category, "long": _long, "controls": _controls, "mixed": _mixed}[kind](rng, limit)


def fitting(text: str, limit: int) -> str:
    """The text as the field takes it: refused characters dropped, at most ``limit`` characters once in NFC."""
    text = unicodedata.normalize("NFC", REFUSED.sub("", text))
    cut = limit
    while len(text) > limit:
        text, cut = unicodedata.normalize("NFC", text[:cut]), cut - 1
    return text or "x"
