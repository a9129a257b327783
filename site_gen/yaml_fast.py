"""The fast YAML path: rapidyaml parses, emits JSON, orjson builds the objects.

It accepts a file only when it is sure the reference loader
(:mod:`site_gen.yaml_ref`) would give the very same value with no problem;
otherwise it returns ``None`` and the caller falls back to the reference
loader, which also reports every problem with its position. Plain scalars
that look like numbers but are not plain JSON numbers, anchors, aliases,
tags, directives, several documents and duplicate keys all send a file to
the reference loader.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import orjson
import ryml

# Node-type bits of rapidyaml's tree: an explicit document or a stream of them.
_STREAM_OR_DOC = ryml.DOC | ryml.STREAM

# A node property (&anchor, *alias, !tag) can only start where a node starts:
# at the start of a line, after ": ", "- ", "? ", or a flow indicator.
# Matching more than that costs a fallback, never a wrong answer.
_PROPERTY = re.compile(rb"(?:^[ ]*|[:\-?][ ]+|[\[{,][ ]*|:)[&*!]", re.M)
# Directives, document markers, characters that cannot start a plain scalar,
# indicators with empty nodes ("- :", "? x"), and block-scalar headers other
# than "|", "|-", "|+", ">", ">-", ">+": rapidyaml reads some of these
# differently from libyaml, so the reference loader decides.
_MARKER = re.compile(
    rb"^(?:%|---|\.\.\.)"
    rb"|(?:^[ ]*|[:\-?][ ]+)[\]},@`%]"
    rb"|[\[{,][ ]*[,@`%|>:?]"
    rb"|^[ ]*[?:](?:[ ]|$)"
    rb"|[:\-?][ ]+[-?:](?:[ ]|$)"
    rb"|(?:^[ ]*|[:\-?][ ]+)[|>](?![-+]?[ ]*$)",
    re.M,
)
# Tabs (libyaml refuses them in more places than rapidyaml does), characters
# YAML does not allow in a document (C0 and C1 controls, DEL, U+FFFE/U+FFFF, a byte-order mark after the start) and the
# line breaks only YAML 1.1 knows (NEL, U+2028, U+2029).
_UNPRINTABLE = re.compile(rb"[\x00-\x09\x0b-\x1f\x7f]|\xc2[\x80-\x9f]|\xe2\x80[\xa8\xa9]|\xef\xbf[\xbe\xbf]|\xef\xbb\xbf")
# A line with an odd number of quote marks: a quoted scalar may span lines,
# which the two parsers do not always read alike.
_ODD_QUOTES = re.compile(rb"""^[^"\n]*"(?:[^"\n]*"[^"\n]*")*[^"\n]*$|^[^'\n]*'(?:[^'\n]*'[^'\n]*')*[^'\n]*$""", re.M)
# A token that starts like a number, where a plain scalar can start.
_NUMBERISH = re.compile(rb"(?:^[ ]*(?:[-?:][ ]+)*|:[ ]+|[\[{,][ ]*)([-+.0-9][^\s,\]}#]*)", re.M)
# Numberish tokens both loaders are known to read the same way: JSON integers
# and decimals (typed), ISO dates, clock times, dotted codes (strings), and a
# lone "-" (a sequence entry).
_SAFE_TOKEN = re.compile(
    rb"(?:-?(?:0|[1-9][0-9]{0,15})(?:\.[0-9]{1,15})?"
    rb"|[0-9]{4}-[0-9]{2}-[0-9]{2}"
    rb"|[0-9]{1,2}(?::[0-9]{2}){1,2}"
    rb"|[0-9]+(?:\.[0-9]+){2,}"
    rb"|-)\Z"
)

_emit_json = ryml.emit_json_malloc
_parse = ryml.parse_in_arena


def _count(node: Any, depth: int, limit: int) -> int:
    """Nodes in a JSON value, as rapidyaml counts them (-1 when too deep)."""
    if depth > limit:
        return -1
    kind = type(node)
    if kind is dict:
        total = 1
        for child in node.values():
            sub = _count(child, depth + 1, limit)
            if sub < 0:
                return -1
            total += sub
        return total
    if kind is list:
        total = 1
        for child in node:
            sub = _count(child, depth + 1, limit)
            if sub < 0:
                return -1
            total += sub
        return total
    return 1


def prescreen(data: bytes) -> bool:
    """True when nothing in the text needs the reference loader's judgement."""
    if _PROPERTY.search(data) or _MARKER.search(data) or _UNPRINTABLE.search(data):
        return False
    if (b'"' in data or b"'" in data) and _ODD_QUOTES.search(data):
        return False
    for match in _NUMBERISH.finditer(data):
        if not _SAFE_TOKEN.match(match.group(1)):
            return False
    return True


def load_fast(data: bytes, max_depth: int) -> tuple[Any, bytes] | None:
    """The value of a UTF-8, NFC, BOM-free YAML text, and its JSON, or None to fall back."""
    if not prescreen(data):
        return None
    try:
        tree = _parse(data)
    except Exception:
        return None
    size = tree.size()
    if size == 0 or tree.type(0) & _STREAM_OR_DOC:
        return None
    try:
        json = _emit_json(tree, 0)
        value = orjson.loads(json)
    except Exception:
        return None
    if _count(value, 0, max_depth) != size:
        return None
    if isinstance(json, str):
        json = json.encode()
    return value, json


@contextmanager
def quiet_stderr() -> Iterator[None]:
    """rapidyaml prints parse errors on file descriptor 2; silence it meanwhile."""
    try:
        fd = sys.stderr.fileno()
    except (AttributeError, ValueError, OSError):
        yield
        return
    sys.stderr.flush()
    saved = os.dup(fd)
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, fd)
        yield
    finally:
        os.dup2(saved, fd)
        os.close(saved)
        os.close(devnull)
