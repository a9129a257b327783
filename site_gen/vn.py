"""Vietnamese text: alphabetical order, people's names, numbers and dates.

Python's ``sorted`` puts Á, Ă, Â and Đ after Z. Vietnamese order compares the
letters first (a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y),
then the tones (none, huyền, hỏi, ngã, sắc, nặng), then case. People are
listed by given name, then middle names, then family name.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_ALPHABET = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
_RANK = {letter: index for index, letter in enumerate(_ALPHABET)}
# Tone marks, in dictionary order; the other marks make letters of their own (ă â ê ô ơ ư).
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
_CIRCUMFLEX = {"a": "â", "e": "ê", "o": "ô"}
_BREVE = {"a": "ă"}
_HORN = {"o": "ơ", "u": "ư"}


@lru_cache(maxsize=65536)
def _letters(text: str) -> tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...]]:
    letters: list[int] = []
    tones: list[int] = []
    cases: list[int] = []
    for char in unicodedata.normalize("NFD", text):
        if char in _TONES:
            if tones:
                tones[-1] = _TONES[char]
            continue
        if char in ("\u0306", "\u0302", "\u031b") and letters:
            base = _ALPHABET[letters[-1]] if 0 <= letters[-1] < len(_ALPHABET) else ""
            table = {"\u0306": _BREVE, "\u0302": _CIRCUMFLEX, "\u031b": _HORN}[char]
            if base in table:
                letters[-1] = _RANK[table[base]]
            continue
        if unicodedata.combining(char):
            continue
        lower = char.lower()[:1]  # "İ".lower() is two characters
        cases.append(0 if char.lower() == char else 1)
        if lower in _RANK:
            letters.append(_RANK[lower])
        elif lower in ("f", "j", "w", "z"):
            # Letters outside the Vietnamese alphabet: after their neighbours.
            letters.append(len(_ALPHABET) + ord(lower))
        elif lower.isdigit():
            letters.append(-100 + unicodedata.digit(lower, 0))  # "²" is a digit that int() refuses
        else:
            letters.append(-200 + (ord(lower) % 100))
        tones.append(0)
    return tuple(letters), tuple(tones), tuple(cases)


def sort_key(text: str) -> tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...], str]:
    """A key for Vietnamese alphabetical order."""
    letters, tones, cases = _letters(text.strip())
    return letters, tones, cases, text


def name_key(full_name: str) -> tuple[object, ...]:
    """A key that lists people by given name, then middle names, then family name."""
    words = full_name.split()
    ordered = [words[-1], *words[1:-1], words[0]] if len(words) > 1 else words
    # the words' keys in one tuple: names of two and of three words compare without meeting the full name
    return (tuple(sort_key(word)[:3] for word in ordered), full_name)


def format_int(value: int) -> str:
    """1785 -> "1.785" (dots between thousands, as Vietnamese documents write)."""
    return f"{value:,}".replace(",", ".")


def format_decimal(value: float, places: int = 2) -> str:
    """61.57 -> "61,57"."""
    text = f"{value:,.{places}f}"
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


def format_date(iso: str) -> str:
    """2025-02-15 -> 15/02/2025."""
    return f"{iso[8:10]}/{iso[5:7]}/{iso[0:4]}" if len(iso) >= 10 else iso


def fold(text: str) -> str:
    """Lower case, no diacritics (đ is d), words separated by one space: for lenient matching."""
    text = unicodedata.normalize("NFD", text).replace("đ", "d").replace("Đ", "D")
    text = "".join(char for char in text if not unicodedata.combining(char)).casefold()
    return " ".join(re.sub(r"[^0-9a-z]+", " ", text).split())
