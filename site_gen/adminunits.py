"""Vietnam's official administrative units, dated: the list shipped in ``site_gen/data/admin-units.csv``.

The file (made by ``tools/admin_units.py`` from the PyPI package vietnam-provinces, see its header) holds the
units since the two-tier reform of 01/07/2025 (34 provinces; 3,321 communes, wards and special zones) and
those before it (63 provinces, 696 districts, 10,051 communes), each with its days of validity. A code may name
one unit before the reform and another after it, so a code is looked up with a date, or a period.

The file is read the first time a code is looked up, and only then: a register without codes never reads it.
"""

from __future__ import annotations

import csv
import datetime as dt
import unicodedata
from functools import cache
from typing import NamedTuple

from site_gen.safefs import read_data

FILE = "admin-units.csv"
REFORM = dt.date(2025, 7, 1)
# Words that name the kind of unit at the start of its name ("Xã An Phú", "Thành phố Tây Ninh"), longest first.
_KIND_WORDS = ("thanh pho", "thi xa", "thi tran", "dac khu", "tinh", "huyen", "quan", "xa", "phuong")
_TONES = {"\u0300": "2", "\u0309": "3", "\u0303": "4", "\u0301": "5", "\u0323": "6"}


class AdminUnit(NamedTuple):
    code: str
    level: str  # province, district, town, city, commune, ward, township, special-zone
    name: str
    parent: str  # the province (after the reform), the district or province (before)
    valid_from: dt.date | None  # first day, None: before the list begins
    valid_to: dt.date | None  # last day, None: still valid
    successors: tuple[str, ...]  # the units a former unit went into
    partly: bool  # only part of it went into each

    def overlaps(self, first: dt.date | None, end: dt.date | None) -> bool:
        """Valid on some day of the period from ``first`` (inclusive) to ``end`` (exclusive); None: open."""
        after_start = self.valid_to is None or first is None or first <= self.valid_to
        before_end = self.valid_from is None or end is None or self.valid_from < end
        return after_start and before_end


def _date(text: str) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


@cache
def table() -> dict[str, tuple[AdminUnit, ...]]:
    """Every code with the units it names, in the file's order (after the reform first)."""
    lines = [line for line in read_data(FILE).splitlines() if line and not line.startswith("#")]
    found: dict[str, list[AdminUnit]] = {}
    for row in csv.DictReader(lines):
        unit = AdminUnit(
            row["code"],
            row["level"],
            row["name"],
            row["parent"],
            _date(row["valid_from"]),
            _date(row["valid_to"]),
            tuple(row["successors"].split()),
            row["partly"] == "1",
        )
        found.setdefault(unit.code, []).append(unit)
    return {code: tuple(units) for code, units in found.items()}


def versions(code: str) -> tuple[AdminUnit, ...]:
    """The units a code has named, each with its validity (none: not an official code)."""
    return table().get(code, ())


def on(code: str, date: dt.date) -> AdminUnit | None:
    """The unit a code named on ``date``."""
    return next((unit for unit in versions(code) if unit.overlaps(date, date + dt.timedelta(days=1))), None)


def name_key(name: str) -> str:
    """A unit's name for comparison: without the word for its kind ("Xã", "Phường", "Tỉnh"…), case, spacing,
    punctuation and where the tone mark sits (Hoà = Hòa, Uý = Úy), but keeping the tone and the letters
    (Tân An is not Tấn An). Numbered wards compare as numbers (Phường 01 = Phường 1)."""
    words: list[tuple[str, str]] = []  # (letters, tone)
    for word in unicodedata.normalize("NFD", name.casefold()).replace(chr(0x111), "d").split():  # đ
        tone = ""
        letters = []
        for char in word:
            if char in _TONES:
                tone = _TONES[char]
            elif char.isalnum() or unicodedata.combining(char):
                letters.append(char)
            else:
                letters.append(" ")
        for part in "".join(letters).split():
            words.append((str(int(part)), "") if part.isdigit() else (part, tone))
    bare = " ".join("".join(c for c in letters if not unicodedata.combining(c)) for letters, _ in words)
    for kind in _KIND_WORDS:
        if bare.startswith(kind + " "):
            words = words[len(kind.split()) :]
            break
    return unicodedata.normalize("NFC", " ".join(letters + tone for letters, tone in words))
