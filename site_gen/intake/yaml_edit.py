"""Editing a record's YAML text at the positions of its nodes, keeping every other byte.

The project's YAML 1.2 parser (:mod:`site_gen.yaml_parse`) is run with a few
notes taken on the way: where each node of a top-level member or list item
starts (its key, or the dash of a list item) and where its content ends
(before any comment or blank line that follows it). An edit replaces or
inserts text at those offsets; comments, blank lines and the layout of
everything else stay as the unit wrote them. (pre-commit edits YAML the same
way, in ``yaml_rewrite.py``.)
"""

from __future__ import annotations

import re
from typing import Any

from site_gen.scaffold import INDENT, scalar
from site_gen.scalars import MAX_DEPTH
from site_gen.yaml_flow import Node
from site_gen.yaml_parse import Parser
from site_gen.yaml_scan import YamlError

# A comment that marks the list item an issue wrote: "# Từ issue #12" / "# From issue #12".
_MARKER = re.compile(r"#.*\bissue #(\d+)\b")


class _Spans(Parser):
    """The parser, noting the span of every node that has a JSON pointer."""

    def __init__(self, text: str) -> None:
        super().__init__(text, MAX_DEPTH)
        self.starts: dict[str, int] = {}
        self.ends: dict[str, int] = {}
        self.content_end = 0

    def skip_comment_lines(self) -> None:
        self.content_end = self.i
        super().skip_comment_lines()

    def member(self, key: Node, pointer: str | None, seen: dict[str, int]) -> str | None:
        child = super().member(key, pointer, seen)
        if child is not None:
            self.starts[child] = key[2]
        return child

    def block_node(self, n: int, c: str, pointer: str | None, seen: str = "") -> Node:
        node = super().block_node(n, c, pointer, seen)
        if pointer is not None:
            self.ends[pointer] = self.content_end
        return node

    def block_indented(self, n: int, c: str, pointer: str | None) -> Node:
        start = self.i - 1  # the dash of a list item
        node = super().block_indented(n, c, pointer)
        if pointer is not None:
            self.starts.setdefault(pointer, start)
            self.ends[pointer] = self.content_end
        return node


def _parse(text: str) -> _Spans | None:
    parser = _Spans(text)
    try:
        parser.stream()
    except (YamlError, RecursionError):
        return None
    return None if parser.policy or not isinstance(parser.root, dict) else parser


def _line_start(text: str, index: int) -> int:
    return text.rfind("\n", 0, index) + 1


def _line_end(text: str, index: int) -> int:
    end = text.find("\n", index)
    return len(text) if end < 0 else end + 1


def _gap_lines(text: str, start: int, end: int) -> list[tuple[int, str]]:
    """The lines between two offsets (only blank and comment lines lie between nodes), with their starts."""
    out = []
    while start < end:
        stop = _line_end(text, start)
        out.append((start, text[start:stop].rstrip("\n")))
        start = stop
    return out


class _List:
    """A top-level block list ``key:`` of a text: where its items are."""

    def __init__(self, parser: _Spans, key: str) -> None:
        self.text = parser.s
        self.pointer = f"/{key}"
        count = len(parser.root[key])
        self.items = [(parser.starts[f"{self.pointer}/{i}"], parser.ends[f"{self.pointer}/{i}"]) for i in range(count)]
        self.key_end = _line_end(self.text, parser.starts[self.pointer])
        self.end = parser.ends[self.pointer]
        # the next top-level member (only blank and comment lines lie between)
        later = [start for pointer, start in parser.starts.items() if pointer.count("/") == 1 and start >= self.end]
        self.next = min(later, default=len(self.text))

    @property
    def indent(self) -> str:
        start = self.items[0][0]
        return self.text[_line_start(self.text, start) : start]

    def comments_before(self, position: int) -> list[str]:
        """The comment lines between the previous item (or the key) and item ``position``."""
        start = self.items[position - 1][1] if position else self.key_end
        lines = _gap_lines(self.text, start, _line_start(self.text, self.items[position][0]))
        return [line.strip() for _, line in lines if line.strip()]

    def append_at(self) -> int:
        """Where a new item goes: after the last item and the indented comments that follow it."""
        at = self.end
        for start, line in _gap_lines(self.text, self.end, self.next):
            if line[:1] not in (" ", "\t", ""):
                break
            if line.strip():
                at = _line_end(self.text, start)
        return at


def _block_list(text: str, key: str) -> _List | None:
    parser = _parse(text)
    if parser is None or not isinstance(parser.root.get(key), list) or not parser.root[key]:
        return None
    pointer = f"/{key}"
    first = parser.starts.get(f"{pointer}/0")
    if first is None or parser.s[first] != "-" or first < _line_end(parser.s, parser.starts[pointer]):
        return None  # a flow list, or one that starts on the key's line
    return _List(parser, key)


def compact(item: dict[str, Any], indent: str) -> list[str]:
    """A list item in the compact style of the sample records, its dash at ``indent``."""
    lines: list[str] = []

    def emit(key: str, value: Any, pad: str) -> None:
        if isinstance(value, dict):
            lines.append(f"{pad}{key}:")
            for sub, inner in value.items():
                emit(sub, inner, pad + INDENT)
        elif isinstance(value, list):
            lines.append(f"{pad}{key}: [{', '.join(scalar(v) for v in value)}]")
        elif isinstance(value, str) and "\n" in value:
            lines.append(f"{pad}{key}: |-")
            lines.extend(f"{pad}{INDENT}{line}" if line else "" for line in value.split("\n"))
        else:
            lines.append(f"{pad}{key}: {scalar(value)}")

    for key, value in item.items():
        emit(key, value, indent + INDENT)
    if lines:
        lines[0] = indent + "- " + lines[0][len(indent) + 2 :]
    return lines


def _splice(text: str, start: int, end: int, lines: list[str]) -> str:
    new = text[:start] + "".join(line + "\n" for line in lines) + text[end:]
    return new.rstrip("\n") + "\n"


def item_markers(text: str, key: str) -> dict[int, int]:
    """Issue number of each item of block list ``key`` preceded by a marker comment: {item index: issue}."""
    found: dict[int, int] = {}
    block = _block_list(text, key)
    for position in range(len(block.items) if block else 0):
        assert block is not None
        for comment in reversed(block.comments_before(position)):
            match = _MARKER.match(comment)
            if match:
                found[position] = int(match.group(1))
                break
    return found


def edit_list(text: str, key: str, position: int | None, item: dict[str, Any], marker: str) -> str | None:
    """Replace item ``position`` of block list ``key`` (append when None) keeping the rest of the text."""
    block = _block_list(text, key)
    if block is None:
        return None
    new = compact(item, block.indent)
    if position is None:
        at = block.append_at()
        return _splice(text, at, at, ([f"{block.indent}# {marker}"] if marker else []) + new)
    if position >= len(block.items):
        return None
    start, end = block.items[position]
    return _splice(text, _line_start(text, start), end, new)


def set_scalar(text: str, key: str, value: Any, after: str) -> str:
    """Set top-level ``key: value``, in place or after the member ``after`` (else at the end)."""
    parser = _parse(text)
    line = [f"{key}: {scalar(value)}"]
    if parser is not None and f"/{key}" in parser.starts:
        return _splice(text, parser.starts[f"/{key}"], parser.ends[f"/{key}"], line)
    if parser is not None and f"/{after}" in parser.starts:
        at = parser.ends[f"/{after}"]
        return _splice(text, at, at, line)
    return _splice(text, len(text), len(text), line)


def comment_first_item(text: str, key: str, comment: str) -> str:
    """Put ``# comment`` on the line above the first item of block list ``key``."""
    block = _block_list(text, key)
    if block is None:
        return text
    at = _line_start(text, block.items[0][0])
    return _splice(text, at, at, [f"{block.indent}# {comment}"])
