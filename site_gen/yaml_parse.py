"""The top of the reference YAML parser: documents, directives and block collections.

A hand-written recursive-descent parser for YAML 1.2.2, one function per
production group of chapters 8 and 9 (block collections and the
"compact" forms after ``-``, ``?`` and ``:``; flow collections with implicit
and explicit keys and single pairs; documents, markers and directives). It
builds plain Python values directly and records the position of every key
and value by JSON pointer. The policy refusals (anchors, aliases, tags,
directives, several documents, complex and duplicate keys) are noted where
they occur and parsing goes on, so that a syntax error later in the file is
still found; the first syntax error stops it.

An implicit key is found by reading what starts the line as a one-line key
and looking for the ``:`` after it; when that fails the text is read again
as a value, so a line is read at most twice and parsing stays linear.
"""

from __future__ import annotations

import re
from typing import Any

from site_gen.yaml_flow import COLL, HANDLE, NULL, TEXT, URI_CHARS, FlowParser, Node, value_of
from site_gen.yaml_scan import BLOCK_KEY, END, FLOW_OUT, NotKey, YamlError

BLOCK_IN, BLOCK_OUT = "block-in", "block-out"

_VERSION = re.compile(r"[0-9]+\.[0-9]+")
_DIRECTIVE_WORD = re.compile(r"[^ \t\n]+")


class Parser(FlowParser):
    def explicit_value_at(self, index: int) -> bool:
        return self.at(index) == ":" and self.ends_token(index + 1)

    def block_entry_at(self, index: int) -> bool:
        """``-``, ``?`` or ``:`` followed by white space or a line break."""
        return self.at(index) in ("-", "?", ":") and self.ends_token(index + 1)

    # -- the stream and its documents -----------------------------------------------

    def stream(self) -> None:
        directives_allowed = True
        while True:
            self.skip_comment_lines()
            i = self.i
            if i >= self.n:
                return
            self.handles = {"!", "!!"}
            if self.s[i] == "%":
                if not directives_allowed:
                    raise self.unexpected(i)
                self.directives()
                i = self.i
                if not (self.s.startswith("---", i) and self.forbidden(i)):
                    raise self.unexpected(i)
            if self.forbidden(i) and self.s.startswith("...", i):
                self.i = i + 3
                self.comment_or_end()
                directives_allowed = True
                continue
            explicit = self.forbidden(i)
            if not explicit and not directives_allowed:
                raise self.unexpected(i + self.spaces(i))
            self.document(explicit)
            directives_allowed = False

    def document(self, explicit: bool) -> None:
        self.documents += 1
        start = self.i
        if self.documents == 2:
            self.note("yaml.multi-document", start)
        pointer = "" if self.documents == 1 else None
        if explicit:
            self.i = start + 3
            node = self.block_node(-1, BLOCK_IN, pointer)
        else:
            node = self.block_below(-1, BLOCK_IN, pointer, start)
        if pointer is not None:
            self.root = value_of(node)
            self.partial = self.root
            self.record(pointer, node)
        i = self.i
        if i < self.n and not self.forbidden(i):
            k = self.spaces(i)
            if node[0] == COLL and self.at(i + k) != "\t" and k < self.column(node[2]):
                raise self.fail("yaml.indent", i + k)
            raise self.unexpected(i + k)

    def column(self, index: int) -> int:
        return index - self.line_start(index)

    def directives(self) -> None:
        seen_yaml = False
        s = self.s
        while self.at(self.i) == "%":
            start = self.i
            self.note("yaml.directive", start)
            name_end = _DIRECTIVE_WORD.match(s, start + 1)
            name = s[start + 1 : name_end.end()] if name_end else ""
            self.i = start + 1 + len(name)
            if name == "YAML":
                if seen_yaml:
                    raise self.fail("yaml.syntax", start, detail="%YAML")
                seen_yaml = True
                self._directive_param(_VERSION)
            elif name == "TAG":
                handle = self._directive_param(HANDLE, "!")
                self._directive_param(URI_CHARS, "!")
                self.handles.add(handle)
            elif not name:
                raise self.unexpected(start)
            else:
                while self.white_end(self.i) > self.i and self.at(self.white_end(self.i)) not in ("#", "\n", ""):
                    self._directive_param(_DIRECTIVE_WORD)
            self.comment_or_end()
            self.skip_comment_lines()

    def _directive_param(self, pattern: re.Pattern[str], alone: str = "") -> str:
        i = self.white_end(self.i)
        if i == self.i:
            raise self.unexpected(i)
        found = pattern.match(self.s, i)
        end = found.end() if found else i
        if alone and end == i and self.at(i) == alone:
            end = i + 1
        if end == i or not self.ends_token(end):
            raise self.unexpected(end if end > i else i)
        self.i = end
        return self.s[i:end]

    # -- block nodes --------------------------------------------------------------------

    def block_node(self, n: int, c: str, pointer: str | None, seen: str = "") -> Node:
        """s-l+block-node(n,c), right after an indicator; ends at the start of the next content line.

        ``seen`` holds the properties (``&``, ``!``) already given on an earlier line.
        """
        empty_at = self.i
        i = self.white_end(self.i)
        self.i = i
        props = -1
        if self.at(i) in ("&", "!"):
            props = i
            seen = self.properties(n + 1, BLOCK_KEY, seen)
            i = self.white_end(self.i)
            if i == self.i and not self.ends_token(i):
                raise self.unexpected(i)
            self.i = i
        ch = self.at(i)
        if not ch or ch == "\n" or (ch == "#" and i > 0 and self.s[i - 1] in " \t"):
            self.comment_or_end()
            self.skip_comment_lines()
            return self.block_below(n, c, pointer, props if props >= 0 else empty_at, seen)
        if ch in ("|", ">"):
            text = self.block_scalar(n)
            self.skip_comment_lines()
            return (TEXT, text, i)
        node = self.alias() if ch == "*" and props < 0 else self.flow_content(n + 1, FLOW_OUT, pointer, props)
        self.comment_or_end()
        self.skip_comment_lines()
        return node

    def block_below(self, n: int, c: str, pointer: str | None, empty_at: int, seen: str = "") -> Node:
        """The node that starts on a later line (at the start of which the cursor is), or an empty one."""
        s = self.s
        i = self.i
        if i >= self.n or self.forbidden(i):
            return (NULL, None, empty_at)
        k = self.spaces(i)
        j = i + k
        if k > n and s[j] == "\t":
            m = self.white_end(j)
            if self.block_entry_at(m) or self.try_key(m) is not None:
                raise self.fail("yaml.tab", j)
            self.i = m
            return self.flow_in_block(n, pointer)
        if k > n or (k == n and c == BLOCK_OUT):
            if s[j] == "-" and self.ends_token(j + 1):
                return self.block_sequence(pointer, j)
            if k > n:
                if s[j] == "?" and self.ends_token(j + 1):
                    return self.block_mapping(pointer, j, None)
                key = self.try_key(j)
                if key is not None:
                    return self.block_mapping(pointer, j, key)
                self.i = j
                if s[j] in "|>&!*":
                    return self.block_node(n, c, pointer, seen)
                return self.flow_in_block(n, pointer)
        return (NULL, None, empty_at)

    def flow_in_block(self, n: int, pointer: str | None) -> Node:
        node = self.flow_node(n + 1, FLOW_OUT, pointer)
        self.comment_or_end()
        self.skip_comment_lines()
        return node

    def block_indented(self, n: int, c: str, pointer: str | None) -> Node:
        """s-l+block-indented(n,c): after ``-``, ``?`` or an explicit ``:``, maybe a compact collection."""
        i = self.i
        j = i + self.spaces(i)
        if j < self.n and self.s[j] not in END:
            if self.s[j] == "-" and self.ends_token(j + 1):
                return self.block_sequence(pointer, j)
            if self.s[j] == "?" and self.ends_token(j + 1):
                return self.block_mapping(pointer, j, None)
            key = self.try_key(j)
            if key is not None:
                return self.block_mapping(pointer, j, key)
        return self.block_node(n, c, pointer)

    def try_key(self, j: int) -> Node | None:
        """An implicit key and its ``:`` at ``j`` (cursor left after the colon), or None (cursor unchanged)."""
        saved = (self.i, len(self.policy), self.depth)
        self.i = j
        try:
            if self.s[j] == ":" and self.ends_token(j + 1):
                self.i = j + 1
                return (NULL, None, j)
            node = self.flow_node(0, BLOCK_KEY, None)
            i = self.white_end(self.i)
            if self.at(i) == ":" and self.ends_token(i + 1):
                self.i = i + 1
                return node
        except (NotKey, YamlError):
            pass
        self.i, count, self.depth = saved
        del self.policy[count:]
        return None

    def block_sequence(self, pointer: str | None, first: int) -> Node:
        self.enter(first)
        indent = self.column(first)
        items: list[Any] = []
        if pointer == "" and self.documents == 1:
            self.partial = items
        j = first
        while True:
            child = None if pointer is None else f"{pointer}/{len(items)}"
            self.i = j + 1
            node = self.block_indented(indent, BLOCK_IN, child)
            items.append(value_of(node))
            self.record(child, node)
            i = self.i
            if i >= self.n or self.forbidden(i):
                break
            k = self.spaces(i)
            j = i + k
            if k < indent:
                break
            if k > indent:
                raise self.fail("yaml.tab" if self.s[j] == "\t" else "yaml.indent", j)
            if not (self.s[j] == "-" and self.ends_token(j + 1)):
                if self.s[j] == "\t":
                    raise self.fail("yaml.tab", j)
                break
        self.depth -= 1
        return (COLL, items, first)

    def block_mapping(self, pointer: str | None, first: int, key: Node | None) -> Node:
        self.enter(first)
        indent = self.column(first)
        members: dict[str, Any] = {}
        seen: dict[str, int] = {}
        if pointer == "" and self.documents == 1:
            self.partial = members
        j = first
        while True:
            if self.s[j] == "?" and self.ends_token(j + 1):
                self.explicit_entry(indent, j, pointer, members, seen)
            else:
                if key is None:
                    key = self.try_key(j)
                    if key is None:
                        raise self.no_key(j, indent)
                child = self.member(key, pointer, seen)
                value = self.block_node(indent, BLOCK_OUT, child)
                self.store(members, key, value, child)
            key = None
            i = self.i
            if i >= self.n or self.forbidden(i):
                break
            k = self.spaces(i)
            j = i + k
            if k < indent:
                break
            if k > indent or self.s[j] == "\t":
                raise self.fail("yaml.tab" if self.s[j] == "\t" else "yaml.indent", j)
        self.depth -= 1
        return (COLL, members, first)

    def explicit_entry(self, indent: int, j: int, pointer: str | None, members: dict[str, Any], seen: dict[str, int]) -> None:
        self.i = j + 1
        key = self.block_indented(indent, BLOCK_OUT, None)
        child = self.member(key, pointer, seen)
        i = self.i
        value: Node = (NULL, None, i)
        if i < self.n and not self.forbidden(i) and self.spaces(i) == indent and self.explicit_value_at(i + indent):
            self.i = i + indent + 1
            value = self.block_indented(indent, BLOCK_OUT, child)
        self.store(members, key, value, child)

    def no_key(self, j: int, indent: int) -> YamlError:
        """The error for a line of a mapping that holds no ``key:``."""
        self.i = j
        self.flow_node(indent + 1, FLOW_OUT, None)
        i = self.white_end(self.i)
        if self.at(i) == ":":
            return self.fail("yaml.colon", i)
        return self.fail("yaml.missing-colon", j)
