"""The upper half of the reference YAML parser: documents, block and flow collections.

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

from site_gen.problems import pointer_join
from site_gen.scalars import Position, resolve_plain
from site_gen.yaml_scan import BLOCK_KEY, BLOCK_LINE, END, FLOW_INDICATORS, FLOW_OUT, IN_FLOW, Cursor, NotKey, YamlError

BLOCK_IN, BLOCK_OUT = "block-in", "block-out"
PLAIN, TEXT, NULL, ALIAS, COLL = range(5)
# A node: its kind, its value (the raw text of a plain scalar) and the offset where it starts.
Node = tuple[int, Any, int]

_ANCHOR = re.compile(r"[^ \t\n,\[\]{}]+")
_TAG_CHARS = re.compile(r"(?:%[0-9A-Fa-f]{2}|[0-9A-Za-z\-#;/?:@&=+$_.~*'()])+")
_URI_CHARS = re.compile(r"(?:%[0-9A-Fa-f]{2}|[0-9A-Za-z\-#;/?:@&=+$,_.!~*'()\[\]])+")
_HANDLE = re.compile(r"![0-9A-Za-z-]*!")
_VERSION = re.compile(r"[0-9]+\.[0-9]+")
_DIRECTIVE_WORD = re.compile(r"[^ \t\n]+")


def value_of(node: Node) -> Any:
    kind, payload, _ = node
    if kind == PLAIN:
        return resolve_plain(payload)
    return payload


class Parser(Cursor):
    def __init__(self, text: str, max_depth: int) -> None:
        super().__init__(text)
        self.max_depth = max_depth
        self.depth = 0
        self.values: dict[str, Position] = {}
        self.keys: dict[str, Position] = {}
        self.policy: list[tuple[str, int, dict[str, Any]]] = []
        self.documents = 0
        self.root: Any = None
        self.partial: Any = None
        self.handles: set[str] = set()

    def note(self, code: str, index: int, **params: Any) -> None:
        self.policy.append((code, index, params))

    def enter(self, index: int) -> None:
        if self.depth >= self.max_depth:
            raise self.fail("yaml.too-deep", index, limit=self.max_depth)
        self.depth += 1

    def record(self, pointer: str | None, node: Node) -> None:
        if pointer is not None:
            self.values[pointer] = self.position(node[2])

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
                    raise self.fail("yaml.syntax", start, found="%YAML")
                seen_yaml = True
                self._directive_param(_VERSION)
            elif name == "TAG":
                handle = self._directive_param(_HANDLE, "!")
                self._directive_param(_URI_CHARS, "!")
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

    # -- mapping members -------------------------------------------------------------------

    def member(self, key: Node, pointer: str | None, seen: dict[str, int]) -> str | None:
        """The pointer of a member's value (None: not recorded); notes complex and duplicate keys."""
        kind, payload, at = key
        if kind == COLL:
            self.note("yaml.complex-key", at)
            return None
        if kind == ALIAS:
            return None
        name = "" if kind == NULL else payload
        if name in seen:
            first = self.position(seen[name])[0]
            self.note("yaml.duplicate-key", at, key=name, first_line=first, pointer=(pointer or "") + pointer_join(name))
            return None
        seen[name] = at
        if pointer is None:
            return None
        child = pointer + pointer_join(name)
        self.keys[child] = self.position(at)
        return child

    def store(self, members: dict[str, Any], key: Node, value: Node, child: str | None) -> None:
        kind, payload, _ = key
        if kind in (COLL, ALIAS):
            return
        name = "" if kind == NULL else payload
        if name not in members:
            members[name] = value_of(value)
            self.record(child, value)

    # -- flow nodes ---------------------------------------------------------------------------

    def flow_node(self, n: int, c: str, pointer: str | None) -> Node:
        """ns-flow-node(n,c) at the cursor."""
        start = self.i
        ch = self.at(start)
        if ch == "*":
            return self.alias()
        props = -1
        if ch in ("&", "!"):
            props = start
            self.properties(n, c)
            save = self.i
            if not self.separate(n, c):
                self.i = save
                return (NULL, None, start)
        return self.flow_content(n, c, pointer, props)

    def flow_content(self, n: int, c: str, pointer: str | None, props: int) -> Node:
        i = self.i
        ch = self.at(i)
        if ch == "[":
            return self.flow_sequence(n, c, pointer)
        if ch == "{":
            return self.flow_mapping(n, c, pointer)
        if ch in ('"', "'"):
            return (TEXT, self.quoted(n, c), i)
        if self.plain_first(i, c):
            return (PLAIN, self.plain(n, c), i)
        if props >= 0 and (not ch or ch in END or ch in FLOW_INDICATORS or ch == ":"):
            return (NULL, None, props)
        raise self.unexpected(i)

    def alias(self) -> Node:
        start = self.i
        found = _ANCHOR.match(self.s, start + 1)
        if not found:
            raise self.unexpected(start)
        self.note("yaml.alias", start, name=found.group())
        self.i = found.end()
        return (ALIAS, None, start)

    def properties(self, n: int, c: str, seen: str = "") -> str:
        """c-ns-properties: a tag and an anchor, in either order, each at most once; returns those seen."""
        if self.at(self.i) in seen:
            raise self.unexpected(self.i)
        while True:
            start = self.i
            ch = self.at(start)
            if ch == "&" and "&" not in seen:
                found = _ANCHOR.match(self.s, start + 1)
                if not found:
                    raise self.unexpected(start)
                self.note("yaml.anchor", start, name=found.group())
                self.i = found.end()
            elif ch == "!" and "!" not in seen:
                self.tag()
            else:
                self.i = start
                return seen
            seen += ch
            save = self.i
            try:
                separated = self.separate(n, c)
            except NotKey:
                separated = False
            if not separated or self.at(self.i) not in ("&", "!") or self.at(self.i) in seen:
                self.i = save
                return seen

    def tag(self) -> None:
        s = self.s
        start = self.i
        if s.startswith("!<", start):
            found = _URI_CHARS.match(s, start + 2)
            end = found.end() if found else start + 2
            if end == start + 2 or self.at(end) != ">":
                raise self.unexpected(start)
            end += 1
        else:
            handle = _HANDLE.match(s, start)
            suffix_at = handle.end() if handle else start + 1
            found = _TAG_CHARS.match(s, suffix_at)
            end = found.end() if found else suffix_at
            if handle and handle.group() not in self.handles:
                if end > suffix_at:
                    raise self.fail("yaml.syntax", start, found=s[start:end])
                end = start + 1  # "!x!" is then a one-character handle and "x!" ... not a tag suffix
                found = _TAG_CHARS.match(s, end)
                end = found.end() if found else end
            elif handle and end == suffix_at:
                raise self.unexpected(start)
        self.note("yaml.tag", start, tag=s[start:end])
        self.i = end

    # -- flow collections ------------------------------------------------------------------------

    def flow_sequence(self, n: int, c: str, pointer: str | None) -> Node:
        start = self.i
        self.enter(start)
        inner = IN_FLOW[c]
        items: list[Any] = []
        self.i += 1
        self.flow_separate(n, inner, start)
        while self.at(self.i) != "]":
            if self.i >= self.n:
                raise self.fail("yaml.unclosed-bracket", start)
            child = None if pointer is None else f"{pointer}/{len(items)}"
            node = self.sequence_entry(n, inner, child)
            items.append(value_of(node))
            self.record(child, node)
            if not self.flow_next(n, inner, start, "]"):
                break
        self.i += 1
        self.depth -= 1
        return (COLL, items, start)

    def flow_mapping(self, n: int, c: str, pointer: str | None) -> Node:
        start = self.i
        self.enter(start)
        inner = IN_FLOW[c]
        members: dict[str, Any] = {}
        seen: dict[str, int] = {}
        self.i += 1
        self.flow_separate(n, inner, start)
        while self.at(self.i) != "}":
            if self.i >= self.n:
                raise self.fail("yaml.unclosed-bracket", start)
            self.mapping_entry(n, inner, pointer, members, seen)
            if not self.flow_next(n, inner, start, "}"):
                break
        self.i += 1
        self.depth -= 1
        return (COLL, members, start)

    def flow_separate(self, n: int, c: str, start: int) -> None:
        """Separation inside a flow collection; a line that reads as block content means it was never closed."""
        try:
            self.separate(n, c)
        except YamlError as exc:
            if exc.code in ("yaml.indent", "yaml.tab", "yaml.syntax") and BLOCK_LINE.match(self.s, self.line_start(exc.index)):
                raise self.fail("yaml.unclosed-bracket", start) from None
            raise

    def flow_next(self, n: int, c: str, start: int, close: str) -> bool:
        """After an entry: a comma (then maybe more entries) or the closing bracket."""
        self.flow_separate(n, c, start)
        ch = self.at(self.i)
        if ch == ",":
            self.i += 1
            self.flow_separate(n, c, start)
            return True
        if ch == close:
            return False
        if not ch:
            raise self.fail("yaml.unclosed-bracket", start)
        raise self.unexpected(self.i)

    def explicit_indicator(self, index: int, c: str) -> bool:
        return self.at(index) == "?" and (self.ends_token(index + 1) or self.at(index + 1) in FLOW_INDICATORS)

    def empty_key_indicator(self, index: int, c: str) -> bool:
        return self.at(index) == ":" and not self.safe(index + 1, c)

    def sequence_entry(self, n: int, c: str, pointer: str | None) -> Node:
        """ns-flow-seq-entry: a node, or a single pair that makes a one-member mapping."""
        i = self.i
        if self.explicit_indicator(i, c):
            self.i = i + 1
            self.separate(n, c)
            return self.pair(n, c, pointer, i, explicit=True)
        if self.empty_key_indicator(i, c):
            return self.pair(n, c, pointer, i, explicit=False)
        node = self.flow_node(n, c, pointer)
        j = self.white_end(self.i)
        if self.at(j) == ":" and (node[0] in (TEXT, COLL) or not self.safe(j + 1, c)):
            if "\n" in self.s[node[2] : self.i]:
                raise self.fail("yaml.colon", j)
            self.i = j
            return self.pair(n, c, pointer, i, explicit=False, key=node)
        return node

    def pair(self, n: int, c: str, pointer: str | None, start: int, explicit: bool, key: Node | None = None) -> Node:
        self.enter(start)
        members: dict[str, Any] = {}
        if explicit and self.at(self.i) in (",", "]"):
            key, value = (NULL, None, self.i), (NULL, None, self.i)
            child = self.member(key, pointer, {})
        else:
            if key is None:
                key = self.entry_key(n, c)
            child = self.member(key, pointer, {})
            value = self.entry_value(n, c, key, child)
        self.store(members, key, value, child)
        self.depth -= 1
        return (COLL, members, start)

    def mapping_entry(self, n: int, c: str, pointer: str | None, members: dict[str, Any], seen: dict[str, int]) -> None:
        i = self.i
        if self.explicit_indicator(i, c):
            self.i = i + 1
            self.separate(n, c)
            if self.at(self.i) in (",", "}"):
                key: Node = (NULL, None, self.i)
                self.store(members, key, (NULL, None, self.i), self.member(key, pointer, seen))
                return
        key = self.entry_key(n, c)
        child = self.member(key, pointer, seen)
        value = self.entry_value(n, c, key, child)
        self.store(members, key, value, child)

    def entry_key(self, n: int, c: str) -> Node:
        i = self.i
        if self.empty_key_indicator(i, c):
            return (NULL, None, i)
        return self.flow_node(n, c, None)

    def entry_value(self, n: int, c: str, key: Node, pointer: str | None) -> Node:
        """After a key in a flow collection: ``:`` and a value, or nothing (an empty value)."""
        save = self.i
        self.separate(n, c)
        i = self.i
        json_key = key[0] in (TEXT, COLL)
        if self.at(i) != ":" or not (json_key or not self.safe(i + 1, c)):
            self.i = save
            return (NULL, None, save)
        self.i = i + 1
        separated = self.separate(n, c)
        ch = self.at(self.i)
        if not ch or ch in (",", "]", "}") or not (separated or json_key):
            return (NULL, None, i + 1)
        return self.flow_node(n, c, pointer)
