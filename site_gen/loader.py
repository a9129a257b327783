"""One strict loader for every record: bytes in, a plain value or located problems out.

``check``, the pre-commit hook and the site build all come through here, so
they cannot disagree. Order of checks: size, byte-order mark, UTF-8, line
endings and Unicode NFC, then YAML (fast path when it is sure, else the
reference loader), then "the root is a mapping".
"""

from __future__ import annotations

import codecs
import unicodedata
from dataclasses import dataclass, field
from typing import Any

import orjson

from site_gen.problems import Problem, Severity, make
from site_gen.scalars import MAX_DEPTH, RefLoad
from site_gen.yaml_fast import load_fast

MAX_BYTES = 1024 * 1024

_UTF16_32_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


@dataclass
class Loaded:
    """One file after loading: its value (None when it has problems) and its JSON."""

    file: str
    value: Any = None
    json: bytes = b""
    problems: list[Problem] = field(default_factory=list)
    ref: RefLoad | None = None


def _error(file: str, code: str, line: int = 1, column: int = 1, **params: Any) -> Loaded:
    return Loaded(file, problems=[make(file, code, Severity.ERROR, "", line, column, **params)])


def decode(data: bytes, file: str) -> tuple[str | None, bool, Loaded | None]:
    """Text of a record file, normalised, whether normalising changed it, or the problem that stops it."""
    if len(data) > MAX_BYTES:
        return None, False, _error(file, "file.too-large", size=len(data), limit=MAX_BYTES)
    if data.startswith(codecs.BOM_UTF8):
        return None, False, _error(file, "file.bom")
    if data.startswith(_UTF16_32_BOMS):
        return None, False, _error(file, "file.encoding", offset=0)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        start = data.rfind(b"\n", 0, exc.start) + 1
        column = len(data[start : exc.start].decode("utf-8", "replace")) + 1
        return None, False, _error(file, "file.encoding", line, column, offset=exc.start)
    changed = False
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        changed = True
    if text and not text.endswith("\n"):
        # A last line without its line break: both parsers then read block scalars alike.
        text += "\n"
        changed = True
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
        changed = True
    return text, changed, None


def load_bytes(data: bytes, file: str) -> Loaded:
    text, changed, failed = decode(data, file)
    if failed is not None:
        return failed
    assert text is not None
    encoded = text.encode("utf-8") if changed else data
    fast = load_fast(encoded, MAX_DEPTH)
    if fast is not None:
        value, json = fast
        ref = None
    else:
        from site_gen.yaml_ref import load_reference

        ref = load_reference(text, file)
        if ref.problems:
            return Loaded(file, problems=sorted(ref.problems, key=Problem.sort_key), ref=ref)
        value = ref.value
        json = orjson.dumps(value)
    if not isinstance(value, dict):
        return Loaded(file, problems=[make(file, "record.not-mapping", Severity.ERROR, "", 1, 1)], ref=ref)
    return Loaded(file, value, json, [], ref)


def reference(data: bytes, file: str) -> RefLoad:
    """The reference loader's view of a file, for positions (the file decodes: it was loaded)."""
    text, _, failed = decode(data, file)
    if failed is not None or text is None:
        return RefLoad()
    from site_gen.yaml_ref import load_reference

    return load_reference(text, file)
