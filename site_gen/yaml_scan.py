"""The lower half of the reference YAML parser: a cursor over the text and the scalars.

It follows the productions of YAML 1.2.2 (chapters 6 to 8) for what lies
inside one line or one scalar: separation and comments, plain scalars,
single- and double-quoted scalars with line folding and escapes,. The structure
is in :mod:`site_gen.yaml_flow` (flow collections) and
:mod:`site_gen.yaml_parse` (block collections, documents).

Block scalars are in :mod:`site_gen.yaml_block`. Every scanner moves forward only (a scalar is read once, at most twice when
an implicit key turned out not to be one), so parsing stays linear.
Contexts are the spec's: ``FLOW_OUT``, ``FLOW_IN``, ``BLOCK_KEY``, ``FLOW_KEY``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Any

FLOW_OUT, FLOW_IN, BLOCK_KEY, FLOW_KEY = "flow-out", "flow-in", "block-key", "flow-key"
IN_FLOW = {FLOW_OUT: FLOW_IN, FLOW_IN: FLOW_IN, BLOCK_KEY: FLOW_KEY, FLOW_KEY: FLOW_KEY}
ONE_LINE = frozenset((BLOCK_KEY, FLOW_KEY))
FLOW_INDICATORS = frozenset(",[]{}")
INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")
WHITE = frozenset(" \t")
# Where a token ends: white space, a line break or the end of the text.
END = frozenset(" \t\n")

_ESCAPES = {
    "0": "\0",
    "a": "\a",
    "b": "\b",
    "t": "\t",
    "\t": "\t",
    "n": "\n",
    "v": "\v",
    "f": "\f",
    "r": "\r",
    "e": "\x1b",
    " ": " ",
    '"': '"',
    "/": "/",
    "\\": "\\",
    "N": "\x85",
    "_": "\xa0",
    "L": "\u2028",
    "P": "\u2029",
}
_HEX_LENGTH = {"x": 2, "u": 4, "U": 8}
_HEX = re.compile(r"[0-9a-fA-F]+")
_SPACES = re.compile(r" *")
_WHITE = re.compile(r"[ \t]*")
# The inside of one line of a plain scalar, after its first character: plain
# characters, and runs of white space followed by one ('#' right after white
# space starts a comment; ':' must be followed by a "safe" character).
_PLAIN_OUT = re.compile(r"(?:[ \t]*(?:[^ \t\n:#]|:(?=[^ \t\n])|(?<=[^ \t\n])#))*")
_PLAIN_IN = re.compile(r"(?:[ \t]*(?:[^ \t\n:#,\[\]{}]|:(?=[^ \t\n,\[\]{}])|(?<=[^ \t\n])#))*")
# A line that reads as block content (a key or a list item): met where a quoted
# scalar or a flow collection should go on, it means that one was never closed.
BLOCK_LINE = re.compile(r"[ \t]*(?:-(?:[ \t]|$)|[^ \t#\[\]{},\"'][^\n]*?:(?:[ \t]|$))", re.M)
_DOUBLE_RUN = re.compile(r'[^"\\\n]*')
_SINGLE_RUN = re.compile(r"[^'\n]*")


class YamlError(Exception):
    """A syntax error (or a refusal that stops the parse) at a character offset."""

    def __init__(self, code: str, index: int, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.index = index
        self.params = params


class NotKey(Exception):
    """Raised while trying an implicit key: what follows cannot be one (it spans lines)."""


class Cursor:
    """The text, the current offset, and the scanners that move it."""

    def __init__(self, text: str) -> None:
        self.s = text
        self.n = len(text)
        self.i = 0
        self._starts: list[int] | None = None

    # -- positions and characters ---------------------------------------------

    def position(self, index: int) -> tuple[int, int]:
        """1-based line and column of an offset."""
        if self._starts is None:
            self._starts = [0, *(m.end() for m in re.finditer("\n", self.s))]
        line = bisect_right(self._starts, index)
        return line, index - self._starts[line - 1] + 1

    def at(self, index: int) -> str:
        return self.s[index] if index < self.n else ""

    def ends_token(self, index: int) -> bool:
        """True at white space, a line break or the end of the text."""
        return index >= self.n or self.s[index] in END

    def line_start(self, index: int) -> int:
        return self.s.rfind("\n", 0, index) + 1

    def forbidden(self, index: int) -> bool:
        """A document marker (``---`` or ``...`` then white space) at the start of a line."""
        s = self.s
        return (index == 0 or s[index - 1] == "\n") and s.startswith(("---", "..."), index) and self.ends_token(index + 3)

    def spaces(self, index: int) -> int:
        return _SPACES.match(self.s, index).end() - index  # type: ignore[union-attr]

    def white_end(self, index: int) -> int:
        return _WHITE.match(self.s, index).end()  # type: ignore[union-attr]

    def fail(self, code: str, index: int, **params: Any) -> YamlError:
        return YamlError(code, index, **params)

    def unexpected(self, index: int) -> YamlError:
        """The generic syntax error, naming what was found there."""
        if index >= self.n:
            return YamlError("yaml.unexpected-end", max(self.n - 1, 0))
        if self.s[index] == "#":
            return YamlError("yaml.comment", index)
        if self.s[index] == "\t":
            return YamlError("yaml.tab", index)
        end = index
        while end < self.n and end - index < 20 and self.s[end] not in END:
            end += 1
        return YamlError("yaml.syntax", index, detail=self.s[index : max(end, index + 1)])

    # -- separation and comments ----------------------------------------------

    def comment_or_end(self) -> None:
        """White space, an optional comment, then the end of the line (consumed)."""
        s = self.s
        i = self.white_end(self.i)
        if i < self.n and s[i] == "#":
            if i == self.i and i > 0 and s[i - 1] not in " \t\n":
                raise self.fail("yaml.comment", i)
            end = s.find("\n", i)
            i = self.n if end < 0 else end
        if i < self.n and s[i] != "\n":
            raise self.fail("yaml.colon", i) if s[i] == ":" else self.unexpected(i)
        self.i = min(i + 1, self.n)

    def skip_comment_lines(self) -> None:
        """From a line start: lines holding only white space and comments."""
        s, n = self.s, self.n
        i = self.i
        while i < n:
            j = self.white_end(i)
            if j < n and s[j] == "#":
                end = s.find("\n", j)
                j = n if end < 0 else end
            if j < n and s[j] != "\n":
                break
            i = min(j + 1, n)
        self.i = i

    def separate(self, n: int, c: str) -> bool:
        """s-separate(n,c), optional; returns True when something was skipped.

        In a flow context lines may be crossed: blank and comment lines, then
        at least ``n`` spaces of indentation on the line where content resumes.
        """
        s = self.s
        start = self.i
        i = self.white_end(start)
        if i < self.n and s[i] == "#" and (i > start or i == 0 or s[i - 1] in " \t\n"):
            end = s.find("\n", i)
            i = self.n if end < 0 else end
        if i >= self.n or s[i] != "\n":
            self.i = i
            return i > start
        if c in ONE_LINE:
            raise NotKey
        self.i = i + 1
        self.skip_comment_lines()
        i = self.i
        if i >= self.n:
            return True
        if self.forbidden(i):
            raise self.fail("yaml.syntax", i, detail=s[i : i + 3])
        spaces = self.spaces(i)
        if spaces < n:
            raise self.fail("yaml.tab" if s[i + spaces] == "\t" else "yaml.indent", i + spaces)
        self.i = self.white_end(i + spaces)
        return True

    # -- plain scalars ------------------------------------------------------------

    def plain_first(self, index: int, c: str) -> bool:
        """ns-plain-first(c): may a plain scalar start here?"""
        ch = self.at(index)
        if not ch or ch in END:
            return False
        if ch in INDICATORS:
            return ch in "-?:" and self.safe(index + 1, c)
        return True

    def safe(self, index: int, c: str) -> bool:
        """ns-plain-safe(c) at an offset."""
        ch = self.at(index)
        if not ch or ch in END:
            return False
        return c in (FLOW_OUT, BLOCK_KEY) or ch not in FLOW_INDICATORS

    def plain(self, n: int, c: str) -> str:
        """A plain scalar starting at the cursor (already checked by :meth:`plain_first`)."""
        pattern = _PLAIN_OUT if c in (FLOW_OUT, BLOCK_KEY) else _PLAIN_IN
        s = self.s
        end = pattern.match(s, self.i + 1).end()  # type: ignore[union-attr]
        parts = [s[self.i : end]]
        self.i = end
        if c in ONE_LINE:
            return parts[0]
        while True:
            found = self._plain_next_line(end, n, c)
            if found is None:
                return "".join(parts)
            start, folds = found
            end = pattern.match(s, start + 1).end()  # type: ignore[union-attr]
            parts.append("\n" * folds if folds else " ")
            parts.append(s[start:end])
            self.i = end

    def _plain_next_line(self, end: int, n: int, c: str) -> tuple[int, int] | None:
        """Where a plain scalar ending at ``end`` continues on a later line, and the empty lines between."""
        s = self.s
        i = self.white_end(end)
        if i >= self.n or s[i] != "\n":
            return None
        empties = 0
        while True:
            i += 1
            if i >= self.n:
                return None
            k = self.spaces(i)
            j = i + k
            if k < n:
                if j < self.n and s[j] == "\n":
                    empties += 1
                    i = j
                    continue
                return None
            j = self.white_end(j)
            if j >= self.n:
                return None
            if s[j] == "\n":
                empties += 1
                i = j
                continue
            if self.forbidden(i) or s[j] == "#":
                return None
            if s[j] == ":" and not self.safe(j + 1, c):
                return None
            if c == FLOW_IN and s[j] in FLOW_INDICATORS:
                return None
            return j, empties

    # -- quoted scalars -----------------------------------------------------------

    def quoted(self, n: int, c: str) -> str:
        """A single- or double-quoted scalar starting at the cursor."""
        start = self.i
        double = self.s[start] == '"'
        run = _DOUBLE_RUN if double else _SINGLE_RUN
        s = self.s
        parts: list[str] = []
        i = start + 1
        while True:
            end = run.match(s, i).end()  # type: ignore[union-attr]
            if end >= self.n:
                raise self.fail("yaml.unclosed-quote", start)
            ch = s[end]
            if ch == "\n":
                if c in ONE_LINE:
                    raise NotKey
                parts.append(s[i:end].rstrip(" \t"))
                i = self._quoted_fold(end, n, start, parts)
                continue
            parts.append(s[i:end])
            if double and ch == "\\":
                i = self._escape(end, n, start, parts, c)
                continue
            if not double and s.startswith("''", end):
                parts.append("'")
                i = end + 2
                continue
            self.i = end + 1
            return "".join(parts)

    def _quoted_fold(self, end: int, n: int, start: int, parts: list[str]) -> int:
        """Fold the line break at ``end`` inside a quoted scalar; returns where text resumes."""
        s = self.s
        i = end
        empties = 0
        while True:
            i += 1
            if i >= self.n:
                raise self.fail("yaml.unclosed-quote", start)
            if self.forbidden(i):
                raise self.fail("yaml.unclosed-quote", start)
            k = self.spaces(i)
            j = i + k
            if k < n:
                if j < self.n and s[j] == "\n":
                    empties += 1
                    i = j
                    continue
                if BLOCK_LINE.match(s, i):
                    raise self.fail("yaml.unclosed-quote", start)
                raise self.fail("yaml.tab" if s[j] == "\t" else "yaml.indent", j)
            j = self.white_end(j)
            if j < self.n and s[j] == "\n":
                empties += 1
                i = j
                continue
            parts.append("\n" * empties if empties else " ")
            return j

    def _escape(self, index: int, n: int, start: int, parts: list[str], c: str) -> int:
        """The escape sequence at ``index`` (a backslash) in a double-quoted scalar."""
        s = self.s
        ch = self.at(index + 1)
        if ch == "\n":
            if c in ONE_LINE:
                raise NotKey
            i = self._quoted_fold(index + 1, n, start, parts)
            parts.pop()  # an escaped line break adds nothing itself; empty lines stay line feeds
            empties = s.count("\n", index + 1, i) - 1
            parts.append("\n" * empties)
            return i
        if ch in _ESCAPES:
            parts.append(_ESCAPES[ch])
            return index + 2
        length = _HEX_LENGTH.get(ch)
        if length is not None:
            digits = s[index + 2 : index + 2 + length]
            if len(digits) == length and _HEX.fullmatch(digits):
                code = int(digits, 16)
                if code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF:
                    parts.append(chr(code))
                    return index + 2 + length
        if not ch:
            raise self.fail("yaml.unclosed-quote", start)
        raise self.fail("yaml.escape", index, escape=s[index : index + 2])
