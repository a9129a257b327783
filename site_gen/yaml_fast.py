"""The fast YAML path: rapidyaml parses, emits JSON, orjson builds the objects.

It accepts a file only when it is sure the reference loader
(:mod:`site_gen.yaml_ref`) would give the very same value with no problem;
otherwise it returns ``None`` and the caller falls back to the reference
loader, which also reports every problem with its position.

Two kinds of guard keep the promise:

* a screen of the raw text, built from cheap substring tests, sends to the
  reference loader anything rapidyaml reads differently from the YAML spec
  or that the strict loader refuses: anchors, aliases, tags, a directive,
  marker or block scalar on the first line, tabs and control characters,
  explicit "?" entries, list items with text after their closing quote or
  bracket, unusual block-scalar headers, a colon right before a flow
  indicator;
* after parsing, every number, boolean and null, and every text that looks
  like a number, is checked against its source text in rapidyaml's tree and
  typed again the reference loader's way (so a number JSON cannot carry,
  which the reference keeps as text, falls back); the node count catches
  duplicate keys (the later key would silently win in JSON).

The screen may send a harmless file to the reference loader (a fallback costs
time, never correctness); tests run both paths over the YAML test suite
and generated records and require the same answer.
"""

from __future__ import annotations

import re
from typing import Any

import orjson
import ryml

from site_gen.scalars import resolve_plain

# Node-type bits of rapidyaml's tree.
_STREAM_OR_DOC = ryml.DOC | ryml.STREAM
_VAL_PLAIN = ryml.VAL_PLAIN

# Bytes that are never allowed through the fast path: C0 controls (tab
# included: rapidyaml misreads or refuses some valid tabs) and DEL.
_CONTROLS = bytes([*range(0, 10), *range(11, 32), 127])
_NOT_CONTROLS = bytes(b for b in range(256) if b not in _CONTROLS)
# Characters the strict loader rejects or that rapidyaml reads leniently,
# tested only when their lead bytes occur: C1 controls and NEL, the YAML 1.1
# line breaks U+2028/U+2029, U+FFFE/U+FFFF, a byte-order mark after the start.
_SPECIAL = re.compile(rb"\xc2[\x80-\x9f]|\xe2\x80[\xa8\xa9]|\xef\xbf[\xbe\xbf]|\xef\xbb\xbf")
_PROPERTY_CHARS = re.compile(rb"[&*!]")
_NODE_START_BEFORE = (b":", b"-", b"?", b"[", b"{", b",")
# Block-scalar headers other than | |- |+ > >- >+ (indentation indicators,
# comments, garbage), where a node may start.
_HEADER = re.compile(rb"[|>](?<=[ \n][|>])(?![-+]? *\n)")
# A colon right before a flow indicator ("[a:]", "{a:}", "[a:,b]"): rapidyaml
# reads an implicit key with a null value where the spec reads other things.
_COLON_BEFORE_FLOW = (b":,", b":]", b":}")
# "?" or ":" where a node starts (an explicit key or value, an empty key):
# rapidyaml is lenient about the indentation of what follows them.
_EXPLICIT = re.compile(rb"(?:^|[\n\[{,])[ -]*\?(?:[ \n,\]}]|$)")
# A list item that starts with a quote or a bracket and has more text after
# the closing one ("- 'a' b: c"): invalid, but rapidyaml ends the list there
# and reads "b: c" as a key of the parent mapping. The first expression is a
# cheap filter for the second.
_QUOTED_ITEM = re.compile(rb"-(?: ['\"\[{]|  )")  # "- +['\"[{]", found a third faster
_ITEM_TAIL = re.compile(rb"- +['\"\[{][^\n]*['\"\]}][ \t]+[^ \t\n#:,\]}]")
# A file whose first line (after blank and comment lines) starts with a
# directive, a document marker or a block scalar (rapidyaml skips directives
# and reads "..." and a header there leniently), or that holds nothing else.
_ODD_HEAD = re.compile(rb"(?:[ ]*(?:#[^\n]*)?\n)*(?:[%.|>]|\Z)")

_emit_json = ryml.emit_json_malloc
_parse = ryml.parse_in_arena
_val = ryml.Tree.val
_type = ryml.Tree.type


def prescreen(data: bytes) -> bool:
    """True when nothing in the text needs the reference loader's judgement.

    ``data`` is UTF-8 and ends with a line break (the loader sees to both).
    Only substring tests run on every file; a regular expression runs only
    when the bytes it looks for occur at all.
    """
    if data.translate(None, _NOT_CONTROLS):
        return False
    if _ODD_HEAD.match(data):
        return False
    if (b"\xc2" in data or b"\xe2\x80" in data or b"\xef" in data) and _SPECIAL.search(data):
        return False
    if (b"&" in data or b"*" in data or b"!" in data) and _has_property(data):
        return False
    if _QUOTED_ITEM.search(data) and _ITEM_TAIL.search(data):
        return False
    if b"?" in data and _EXPLICIT.search(data):
        return False
    if b"{" in data and b" #" in data:
        return False  # rapidyaml reads "{k: x # y}" as the text "x # y"; the spec reads a comment there
    if (b"[" in data or b"{" in data) and any(pair in data for pair in _COLON_BEFORE_FLOW):
        return False
    return not ((b"|" in data or b">" in data) and _HEADER.search(data))


def _has_property(data: bytes) -> bool:
    """An &anchor, *alias or !tag where a node starts (not an "&" inside a text)."""
    for match in _PROPERTY_CHARS.finditer(data):
        at = match.start()
        line = data.rfind(b"\n", 0, at) + 1
        before = data[line:at].rstrip(b" ")
        if not before or before.endswith(_NODE_START_BEFORE):
            return True
    return False


_NUMBER_START = frozenset("-+.0123456789")
# A plain scalar starting with one of these is either not valid YAML or read
# differently by the two parsers; the same text quoted is fine.
_ODD_START = frozenset("]},:?|>#[{&*!%@`'\"")
_EXOTIC_NUMBER = re.compile(r"(?!-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?\Z)-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?\Z")


def _scan(node: Any, index: int, depth: int, limit: int, suspects: list[tuple[int, Any]]) -> int:
    """Walk a mapping or list in rapidyaml's node order; returns the next node index, or -1.

    -1 means "fall back": too deep, or a key no record has (empty, with a
    space, starting with an indicator — a multi-line or odd key the parsers
    may read differently). Collects the scalars to check against their source:
    texts that look like exotic numbers or start with an indicator, and every
    float, boolean and null. Integers come only from plain decimal integers,
    which both loaders type alike; a text that looks like a plain decimal was
    quoted (rapidyaml emits a plain decimal as a bare number).
    """
    if depth >= limit:
        return -1
    index += 1
    if type(node) is dict:
        for key in node:
            if not key or " " in key or key[0] in _ODD_START:
                return -1
        children = node.values()
    else:
        children = node
    for child in children:
        kind = type(child)
        if kind is str:
            if child and (child[0] in _ODD_START or (child[0] in _NUMBER_START and _EXOTIC_NUMBER.match(child))):
                suspects.append((index, child))
            index += 1
        elif kind is int:
            index += 1
        elif kind is dict or kind is list:
            index = _scan(child, index, depth + 1, limit, suspects)
            if index < 0:
                return -1
        else:
            suspects.append((index, child))
            index += 1
    return index


def _same_as_reference(tree: Any, index: int, value: Any) -> bool:
    view = _val(tree, index)
    source = "" if view is None else bytes(view).decode("utf-8")
    plain = _type(tree, index) & _VAL_PLAIN
    if plain and source and source[0] in _ODD_START:
        return False
    expected = resolve_plain(source) if plain else source
    return type(expected) is type(value) and expected == value


def load_fast(data: bytes, max_depth: int) -> tuple[Any, bytes] | None:
    """The value of a UTF-8, NFC, BOM-free YAML text, and its JSON, or None to fall back."""
    if not prescreen(data):
        return None
    try:
        tree = _parse(data)
    except Exception:
        return None
    size = tree.size()
    if size == 0 or _type(tree, 0) & _STREAM_OR_DOC:
        return None
    try:
        json = _emit_json(tree, 0)
        value = orjson.loads(json)
    except Exception:
        return None
    suspects: list[tuple[int, Any]] = []
    if type(value) is dict or type(value) is list:
        if _scan(value, 0, 0, max_depth, suspects) != size:
            return None
    elif size != 1 or not _same_as_reference(tree, 0, value):
        return None
    for index, scalar in suspects:
        if not _same_as_reference(tree, index, scalar):
            return None
    if isinstance(json, str):
        json = json.encode()
    return value, json
