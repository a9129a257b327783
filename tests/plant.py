"""Plant texts in every free-text field of a repository's records (payload and property tests).

A field is free text when its schema, followed through ``$ref``, is a string
with no ``enum``, ``const``, ``format`` or ``pattern`` (but the shared guard
against control characters, ``defs: plain``): names, titles, notes, places,
descriptions, reasons… Ids, dates, codes and URLs are left alone, so the
records keep their references and stay valid for ``check``.

Records are written back as block YAML with every string double-quoted and
every character YAML cannot hold raw written as an escape, so any text can
be planted, whatever it holds.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from site_gen.checker import check_repository
from site_gen.schemas import Schemas

Parts = tuple[str | int, ...]
Chooser = Callable[[str, int], str]  # (old text, the field's maxLength) -> new text

# what a free-text field may carry besides its type: its length, and the shared guard against control characters
_TEXT_ONLY = {"type", "title", "description", "minLength", "maxLength", "examples", "$comment", "allOf"}
GUARD = [{"$ref": "#/$defs/plain"}]


def _target(schemas: Schemas, node: Any, base: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    target, doc = schemas.deref(node, base) if isinstance(node, dict) else ({}, base)
    return (target if isinstance(target, dict) else {}), doc


def _children(schemas: Schemas, node: dict[str, Any], base: dict[str, Any], key: str | int) -> Iterator[tuple[Any, Any]]:
    """The schema nodes that may describe child ``key`` of an instance described by ``node``."""
    target, doc = _target(schemas, node, base)
    if isinstance(key, int):
        if isinstance(target.get("items"), dict):
            yield target["items"], doc
    else:
        properties = target.get("properties") or {}
        if key in properties:
            yield properties[key], doc
        elif isinstance(target.get("additionalProperties"), dict):
            yield target["additionalProperties"], doc
    for keyword in ("anyOf", "oneOf", "allOf"):
        for branch in target.get(keyword) or []:
            yield from _children(schemas, branch, doc, key)


def text_limit(schemas: Schemas, node: dict[str, Any], base: dict[str, Any]) -> int | None:
    """The ``maxLength`` of a free-text field, or None when the field is not free text."""
    target, _ = _target(schemas, node, base)
    if target.get("type") != "string" or not set(target) <= _TEXT_ONLY or target.get("allOf", GUARD) != GUARD:
        return None
    return int(target.get("maxLength", 10_000))


def accepted(schemas: Schemas, text: str, limit: int = 200) -> bool:
    """Whether a free-text field of at most ``limit`` characters takes ``text`` (length and guard)."""
    guard = re.compile(schemas.documents["defs.schema.json"]["$defs"]["plain"]["pattern"])
    return 1 <= len(text) <= limit and guard.search(text) is not None


def free_text(schemas: Schemas, kind: str, data: Any) -> list[tuple[Parts, int]]:
    """The paths of every free-text string in a record, in document order, with the field's length limit."""
    found: list[tuple[Parts, int]] = []
    base = schemas.kind_schema[kind]

    def walk(value: Any, nodes: list[tuple[Any, Any]], parts: Parts) -> None:
        if isinstance(value, str):
            limits = [limit for node, doc in nodes if (limit := text_limit(schemas, node, doc)) is not None]
            if limits:
                found.append((parts, min(limits)))
            return
        items: Any = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
        for key, child in items:
            below = [pair for node, doc in nodes for pair in _children(schemas, node, doc, key)]
            walk(child, below, (*parts, key))

    walk(data, [(base, base)], ())
    return found


def get(data: Any, parts: Parts) -> Any:
    for part in parts:
        data = data[part]
    return data


def put(data: Any, parts: Parts, value: Any) -> None:
    get(data, parts[:-1])[parts[-1]] = value


# -- YAML out ------------------------------------------------------------------------------------

_PLAIN_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_RAW = re.compile("[\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]")


def quoted(text: str) -> str:
    """A YAML double-quoted scalar holding exactly ``text``.

    A combining mark right after an escape is escaped too: the loader puts the
    file in NFC before parsing, which would join it to the escape's last hex digit.
    """
    out = []
    escaped = False
    for char in text:
        raw = bool(_RAW.fullmatch(char)) and not (escaped and unicodedata.combining(char))
        if char == '"':
            out.append('\\"')
        elif char == "\\":
            out.append("\\\\")
        elif raw:
            out.append(char)
        elif ord(char) <= 0xFF:
            out.append(f"\\x{ord(char):02x}")
        elif ord(char) <= 0xFFFF:
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(f"\\U{ord(char):08x}")
        escaped = not raw and char not in '"\\'
    return '"' + "".join(out) + '"'


def _scalar(value: Any) -> str:
    if isinstance(value, str):
        return quoted(value)
    if value is None:
        return "null"
    return json.dumps(value)


def _key(key: str) -> str:
    return key if _PLAIN_KEY.fullmatch(key) else quoted(key)


def _lines(value: Any, indent: str) -> Iterator[str]:
    if isinstance(value, dict):
        for key, child in value.items():
            if isinstance(child, (dict, list)) and child:
                yield f"{indent}{_key(key)}:"
                yield from _lines(child, indent + "  ")
            else:
                yield f"{indent}{_key(key)}: {_inline(child)}"
    else:
        for child in value:
            if isinstance(child, (dict, list)) and child:
                inner = list(_lines(child, indent + "  "))
                yield f"{indent}- {inner[0].lstrip()}"
                yield from inner[1:]
            else:
                yield f"{indent}- {_inline(child)}"


def _inline(value: Any) -> str:
    if isinstance(value, dict):
        return "{}"
    if isinstance(value, list):
        return "[]"
    return _scalar(value)


def dump(data: dict[str, Any]) -> str:
    return "\n".join(_lines(data, "")) + "\n"


# -- planting ---------------------------------------------------------------------------------------


def plant(root: Path, choose: Chooser) -> dict[str, list[tuple[Parts, str]]]:
    """Rewrite every record of ``root`` with ``choose(old text, length limit)`` in each free-text field.

    Returns, per record file, the paths planted and the texts put there.
    """
    result = check_repository(root, use_cache=False)
    schemas = Schemas(root)
    planted: dict[str, list[tuple[Parts, str]]] = {}
    for record in result.records():
        data = json.loads(json.dumps(record.data))
        done = []
        for parts, limit in free_text(schemas, record.kind, data):
            text = choose(get(data, parts), limit)
            put(data, parts, text)
            done.append((parts, text))
        planted[record.file] = done
        (root / record.file).write_text(dump(data), encoding="utf-8")
    return planted
