"""Both schema engines over the official JSON Schema Test Suite (draft 2020-12).

jsonschema-rs gives the tool's verdicts and explanations; python-jsonschema is
the second implementation. Both are built by the tool's own factories
(:func:`site_gen.schemas.fast_validator_for`, :func:`reference_validator_for`),
so they run here exactly as the tool configures them: the suite's remote
documents as the registry, formats asserted.

On every keyword and format our schemas use, both must give the suite's
answer, and so agree with each other. Elsewhere each engine's wrong answers
are listed in ``schema_suite_expected.json`` (formats we do not use, optional
behaviours): a change in either engine shows up as a change in that list.

The suite is installed by ``make suite`` (see the Makefile and
``tests/schema-suite.txt``); refresh the list after an engine upgrade with
``pytest tests/test_schema_suite.py --update-golden`` and read the diff.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema_rs
import pytest

from site_gen.schemas import fast_validator_for, reference_validator_for

SUITE = Path(sys.prefix) / "share" / "json-schema-test-suite"
DRAFT = SUITE / "tests" / "draft2020-12"
EXPECTED = Path(__file__).with_name("schema_suite_expected.json")
SCHEMAS = Path(__file__).resolve().parent.parent / "schemas"
# Suite files that test a keyword or format under another file name.
ALSO = {
    "if": ["if-then-else.json"],
    "then": ["if-then-else.json"],
    "$ref": ["ref.json"],
    "$defs": ["defs.json"],
    "pattern": ["optional/ecmascript-regex.json", "optional/non-bmp-regex.json"],
    "multipleOf": ["optional/bignum.json", "optional/float-overflow.json"],
    "minimum": ["optional/bignum.json"],
    "maximum": ["optional/bignum.json"],
}
# Keywords that only annotate: no suite file judges them.
ANNOTATIONS = {"$schema", "$id", "title", "description", "examples", "default", "enumDescriptions", "x-enumLabels"}


@dataclass(frozen=True, eq=False)
class Case:
    file: str
    schema: Any
    group: str
    test: str
    data: Any
    valid: bool

    @property
    def name(self) -> str:
        return f"{self.group} / {self.test}"


def _require_suite() -> None:
    if not DRAFT.is_dir():
        pytest.fail(f"the JSON Schema Test Suite is not installed in {SUITE}: run `make suite`")


@cache
def cases() -> tuple[Case, ...]:
    _require_suite()
    out = []
    for path in sorted(DRAFT.rglob("*.json")):
        file = path.relative_to(DRAFT).as_posix()
        for group in json.loads(path.read_text(encoding="utf-8")):
            for test in group["tests"]:
                out.append(Case(file, group["schema"], group["description"], test["description"], test["data"], test["valid"]))
    return tuple(out)


@cache
def remotes() -> dict[str, Any]:
    """The documents the suite's schemas refer to, at the address the suite gives them (2020-12 ones only)."""
    root = SUITE / "remotes"
    out = {}
    for path in sorted(root.rglob("*.json")):
        relative = path.relative_to(root).as_posix()
        if relative.startswith(("draft3/", "draft4/", "draft6/", "draft7/", "draft2019-09/", "draft-next/")):
            continue
        out[f"http://localhost:1234/{relative}"] = json.loads(path.read_text(encoding="utf-8"))
    return out


def _verdict(build: Any, case: Case, cache: dict[str, Any]) -> bool | str:
    key = json.dumps(case.schema, sort_keys=True)
    try:
        if key not in cache:
            cache[key] = build(case.schema)
        return bool(cache[key].is_valid(case.data))
    except Exception as exc:  # an engine that cannot take the schema or the instance answers wrong
        return type(exc).__name__


@cache
def verdicts() -> dict[Case, tuple[bool | str, bool | str]]:
    registry = jsonschema_rs.Registry(list(remotes().items()))
    fast: dict[str, Any] = {}
    reference: dict[str, Any] = {}
    out = {}
    for case in cases():
        out[case] = (
            _verdict(lambda schema: fast_validator_for(schema, registry), case, fast),
            _verdict(lambda schema: reference_validator_for(schema, remotes()), case, reference),
        )
    return out


def _nodes(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, dict):
        yield node
        for key, value in node.items():
            if key not in ("properties", "$defs", "examples", "x-enumLabels"):
                yield from _nodes(value)
            elif key in ("properties", "$defs") and isinstance(value, dict):
                for sub in value.values():
                    yield from _nodes(sub)
    elif isinstance(node, list):
        for item in node:
            yield from _nodes(item)


def used_files() -> set[str]:
    """The suite files that judge a keyword or a format our schemas use."""
    keywords: set[str] = set()
    formats: set[str] = set()
    for path in SCHEMAS.glob("*.schema.json"):
        for node in _nodes(json.loads(path.read_text(encoding="utf-8"))):
            keywords.update(key for key in node if key not in ANNOTATIONS)
            if isinstance(node.get("format"), str):
                formats.add(node["format"])
    names = {f"{keyword}.json" for keyword in keywords} | {f"optional/format/{name}.json" for name in formats}
    names |= {name for keyword in keywords for name in ALSO.get(keyword, [])}
    names.discard("format.json")  # the suite's format.json expects formats to annotate only; ours assert
    _require_suite()
    present = {path.relative_to(DRAFT).as_posix() for path in DRAFT.rglob("*.json")}
    return names & present


def test_the_files_for_our_keywords_are_there() -> None:
    used = used_files()
    assert {
        "type.json",
        "required.json",
        "additionalProperties.json",
        "pattern.json",
        "multipleOf.json",
        "uniqueItems.json",
        "enum.json",
        "const.json",
        "maxLength.json",
        "anyOf.json",
        "if-then-else.json",
        "allOf.json",
        "propertyNames.json",
        "optional/format/date.json",
        "optional/ecmascript-regex.json",
        "optional/bignum.json",
    } <= used


def test_both_engines_give_the_suites_answer_on_what_our_schemas_use() -> None:
    used = used_files()
    wrong = [
        (case.file, case.name, engine, answer)
        for case, answers in verdicts().items()
        if case.file in used
        for engine, answer in zip(("jsonschema-rs", "python-jsonschema"), answers, strict=True)
        if answer != case.valid
    ]
    assert wrong == []
    checked = sum(1 for case in cases() if case.file in used)
    assert checked == 730, checked  # 27 files, and allOf.json since the shared text guard (defs: plain)


def wrong_answers() -> dict[str, dict[str, list[str]]]:
    out: dict[str, dict[str, list[str]]] = {"jsonschema-rs": {}, "python-jsonschema": {}}
    for case, answers in verdicts().items():
        for engine, answer in zip(out, answers, strict=True):
            if answer != case.valid:
                out[engine].setdefault(case.file, []).append(case.name)
    return out


def test_each_engines_wrong_answers_are_the_listed_ones(request: pytest.FixtureRequest) -> None:
    found = wrong_answers()
    if request.config.getoption("--update-golden"):
        EXPECTED.write_text(json.dumps(found, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    listed = json.loads(EXPECTED.read_text(encoding="utf-8"))
    assert found == listed
    assert not (set(found["jsonschema-rs"]) | set(found["python-jsonschema"])) & used_files()


def test_the_whole_suite_ran() -> None:
    assert len(cases()) > 1800
    assert len({case.file for case in cases()}) > 70
