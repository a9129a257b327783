"""The middle of the reference YAML parser: nodes, properties and flow collections.

Flow sequences and mappings with implicit and explicit keys and single
pairs (spec chapter 7), anchors, tags and aliases, and the bookkeeping of
mapping members: JSON pointers and positions of every key and value,
duplicate and complex keys. Policy refusals are noted where they occur and
parsing goes on; syntax errors raise :class:`~site_gen.yaml_scan.YamlError`.
"""

from __future__ import annotations

import re
from typing import Any

from site_gen.problems import pointer_join
from site_gen.scalars import Position, resolve_plain
from site_gen.yaml_block import BlockScalars
from site_gen.yaml_scan import BLOCK_LINE, END, FLOW_INDICATORS, IN_FLOW, NotKey, YamlError

PLAIN, TEXT, NULL, ALIAS, COLL = range(5)
# A node: its kind, its value (the raw text of a plain scalar) and the offset where it starts.
Node = tuple[int, Any, int]

_ANCHOR = re.compile(r"[^ \t\n,\[\]{}]+")
_TAG_CHARS = re.compile(r"(?:%[0-9A-Fa-f]{2}|[0-9A-Za-z\-#;/?:@&=+$_.~*'()])+")
URI_CHARS = re.compile(r"(?:%[0-9A-Fa-f]{2}|[0-9A-Za-z\-#;/?:@&=+$,_.!~*'()\[\]])+")
HANDLE = re.compile(r"![0-9A-Za-z-]*!")


def value_of(node: Node) -> Any:
    kind, payload, _ = node
    if kind == PLAIN:
        return resolve_plain(payload)
    return payload


class FlowParser(BlockScalars):
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
            found = URI_CHARS.match(s, start + 2)
            end = found.end() if found else start + 2
            if end == start + 2 or self.at(end) != ">":
                raise self.unexpected(start)
            end += 1
        else:
            handle = HANDLE.match(s, start)
            suffix_at = handle.end() if handle else start + 1
            found = _TAG_CHARS.match(s, suffix_at)
            end = found.end() if found else suffix_at
            if handle and handle.group() not in self.handles:
                if end > suffix_at:
                    raise self.fail("yaml.syntax", start, detail=s[start:end])
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
