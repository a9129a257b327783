"""The reference YAML loader: strict, exact about positions, and the authority.

It runs the project's own YAML 1.2 parser (:mod:`site_gen.yaml_parse`),
which follows the spec's productions and is tested against every case of
the public yaml-test-suite, and builds plain Python values with the line and
column of every key and value. Plain scalars are typed as JSON would type
them (:func:`site_gen.scalars.resolve_plain`); anchors, aliases, tags,
directives, several documents, keys that are not text, duplicate keys and
nesting past :data:`MAX_DEPTH` are refused at their position; a syntax error
is reported where it is, with its reason.

The fast loader (:mod:`site_gen.yaml_fast`) must agree with this one on every
file it accepts; tests hold the two side by side.
"""

from __future__ import annotations

import re

from site_gen.problems import Severity, make
from site_gen.scalars import MAX_DEPTH, RefLoad, resolve_plain
from site_gen.yaml_parse import Parser
from site_gen.yaml_scan import YamlError

__all__ = ["MAX_DEPTH", "RefLoad", "load_reference", "resolve_plain"]

# Characters YAML does not allow in a stream (c-printable), and a byte-order
# mark past the start (invisible, and not allowed inside a document).
_NOT_PRINTABLE = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]")


def load_reference(text: str, file: str) -> RefLoad:
    """Parse ``text`` (already decoded and NFC-normalised) strictly."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    out = RefLoad()
    bad = _NOT_PRINTABLE.search(text)
    if bad is not None:
        parser = Parser(text, MAX_DEPTH)
        line, column = parser.position(bad.start())
        out.problems.append(make(file, "yaml.control-char", Severity.ERROR, "", line, column, char=f"U+{ord(bad.group()):04X}"))
        return out
    parser = Parser(text, MAX_DEPTH)
    failure: YamlError | None = None
    try:
        parser.stream()
    except YamlError as exc:
        failure = exc
    except RecursionError:  # pragma: no cover - the depth limit comes first
        failure = YamlError("yaml.too-deep", parser.i, limit=MAX_DEPTH)
    for code, index, params in parser.policy:
        pointer = str(params.pop("pointer", ""))
        line, column = parser.position(index)
        out.problems.append(make(file, code, Severity.ERROR, pointer, line, column, **params))
    if failure is not None:
        line, column = parser.position(min(failure.index, max(len(text) - 1, 0)))
        out.problems.append(make(file, failure.code, Severity.ERROR, "", line, column, **failure.params))
    elif parser.documents == 0:
        out.problems.append(make(file, "yaml.empty", Severity.ERROR, "", 1, 1))
    out.values, out.keys = parser.values, parser.keys
    out.partial = parser.partial
    if not out.problems:
        out.value = parser.root
    return out
