"""The schemas: valid against their metaschema, fully titled in Vietnamese, examples valid, engines agreeing."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from site_gen.kinds import KINDS, SHARED_SCHEMA
from site_gen.loader import load_bytes
from site_gen.loader import reference as reference_loader
from site_gen.safefs import quiet_stderr
from site_gen.schema_problems import KEYWORD_CODES
from site_gen.schemas import Schemas, reference_validator_for

ROOT = Path(__file__).resolve().parent.parent
SCHEMA_FILES = sorted((ROOT / "schemas").glob("*.schema.json"))
# Keywords that only annotate or structure; every other keyword validates and needs a message.
NON_VALIDATING = {
    "$schema", "$id", "$defs", "$ref", "title", "description", "examples", "default", "enumDescriptions",
    "x-enumLabels", "properties", "items", "if", "then", "allOf",
}  # fmt: skip


@pytest.fixture(scope="module")
def schemas() -> Schemas:
    return Schemas(ROOT)


def load(path: Path) -> dict[str, Any]:
    value: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return value


@pytest.mark.parametrize("path", SCHEMA_FILES, ids=lambda p: p.name)
def test_schema_passes_its_metaschema(path: Path) -> None:
    document = load(path)
    assert document["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert document["$id"] == f"https://site-gen.example/schemas/{path.name}"
    jsonschema.Draft202012Validator.check_schema(document)


def test_every_kind_has_its_schema_and_no_schema_is_orphaned() -> None:
    names = {kind.schema for kind in KINDS} | {SHARED_SCHEMA}
    assert names == {path.name for path in SCHEMA_FILES}
    for kind in KINDS:
        assert load(ROOT / "schemas" / kind.schema)["properties"]["kind"]["const"] == kind.name


def _nodes(node: Any, where: str) -> Iterator[tuple[str, dict[str, Any]]]:
    if isinstance(node, dict):
        yield where, node
        for key, value in node.items():
            yield from _nodes(value, f"{where}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _nodes(value, f"{where}/{index}")


def _properties(document: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    for where, node in _nodes(document, ""):
        if isinstance(node.get("properties"), dict) and not where.endswith("/properties"):
            for name, sub in node["properties"].items():
                yield f"{where}/properties/{name}", sub


@pytest.mark.parametrize("path", SCHEMA_FILES, ids=lambda p: p.name)
def test_every_property_has_a_vietnamese_title_and_description(path: Path, schemas: Schemas) -> None:
    document = load(path)
    assert document["title"] and document["description"]
    missing = []
    for where, node in _properties(document):
        title = schemas.title(node, document)
        target, _ = schemas.deref(node, document)
        description = node.get("description") or target.get("description")
        if "/if/" in where:
            continue
        if not title or not description:
            missing.append(where)
    assert missing == []


@pytest.mark.parametrize("path", SCHEMA_FILES, ids=lambda p: p.name)
def test_every_enum_has_a_label_for_each_value(path: Path) -> None:
    for where, node in _nodes(load(path), ""):
        if "enum" in node:
            assert len(node.get("enumDescriptions", [])) == len(node["enum"]), where


def test_every_validating_keyword_has_its_own_message() -> None:
    used: set[str] = set()
    for path in SCHEMA_FILES:
        for where, node in _nodes(load(path), ""):
            if where.endswith(("/properties", "/$defs")) or "/examples" in where or "/x-enumLabels" in where:
                continue
            used.update(key for key in node if key not in NON_VALIDATING)
    assert used <= set(KEYWORD_CODES), used - set(KEYWORD_CODES)
    assert {"required", "additionalProperties", "type", "enum", "pattern", "format"} <= used


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.name)
def test_examples_validate_with_both_engines(kind: Any, schemas: Schemas) -> None:
    examples = load(ROOT / "schemas" / kind.schema)["examples"]
    assert examples
    for example in examples:
        assert schemas.is_valid(kind.name, example)
        assert list(schemas.reference_validator(kind.name).iter_errors(example)) == []


def _record_files() -> list[Path]:
    return sorted((ROOT / "submissions").rglob("*.yaml")) + sorted((ROOT / "tests" / "cases").rglob("*.yaml"))


def test_the_two_engines_agree_on_every_record(schemas: Schemas) -> None:
    checked = 0
    for path in _record_files():
        with quiet_stderr():
            loaded = load_bytes(path.read_bytes(), str(path))
        if loaded.problems or loaded.value.get("kind") not in schemas.kind_schema:
            continue
        kind = loaded.value["kind"]
        fast = schemas.is_valid(kind, loaded.value)
        reference = not list(schemas.reference_validator(kind).iter_errors(loaded.value))
        assert fast == reference, path
        checked += 1
    assert checked > 400


@pytest.mark.parametrize(
    "date", ["2025-02-30", "2025-13-01", "2025-2-28", "20250228", "15/02/2025", "2025-02-28T00:00", " 2025-02-28"]
)
def test_the_two_engines_agree_on_dates(date: str, schemas: Schemas) -> None:
    example = dict(load(ROOT / "schemas" / "registration.schema.json")["examples"][0], submitted=date)
    assert not schemas.is_valid("registration", example)
    assert list(schemas.reference_validator("registration").iter_errors(example))


def test_bundled_copies_are_current() -> None:
    from site_gen.bundle import main

    assert main(["--root", str(ROOT), "--check"]) == 0


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.name)
def test_bundled_copies_stand_alone_and_judge_alike(kind: Any, schemas: Schemas) -> None:
    """With no registry at all, a bundled copy accepts and refuses exactly what the canonical schema does."""
    bundled = load(ROOT / "schemas" / "bundled" / kind.schema)
    jsonschema.Draft202012Validator.check_schema(bundled)
    refs = [node["$ref"] for _, node in _nodes(bundled, "") if "$ref" in node]
    assert refs and all(ref.startswith("#/$defs/") for ref in refs)
    # editors read patterns as ECMA-262, as the reference configuration does
    alone = reference_validator_for(bundled, {})
    for path in _record_files():
        with quiet_stderr():
            loaded = load_bytes(path.read_bytes(), str(path))
        if loaded.problems or loaded.value.get("kind") != kind.name:
            continue
        assert alone.is_valid(loaded.value) == schemas.is_valid(kind.name, loaded.value), path


# -- one engine judges and explains; the second agrees -----------------------------------------------------

# Values where python-jsonschema out of the box and jsonschema-rs used to part ways, or might: the issue's
# two examples first, then the rest of the class, per keyword and format our schemas use.
AGREEMENT = [
    ({"$ref": "defs.schema.json#/$defs/id"}, "di-co-so-2024\n"),  # `plan: |` block scalar
    ({"$ref": "defs.schema.json#/$defs/score"}, 78.29),  # 7828.999… in binary floating point
    ({"$ref": "defs.schema.json#/$defs/score"}, 4.35),
    ({"$ref": "defs.schema.json#/$defs/score"}, 0.29),
    ({"$ref": "defs.schema.json#/$defs/score"}, 1234.5),
    ({"$ref": "defs.schema.json#/$defs/score"}, 12.345),
    ({"$ref": "defs.schema.json#/$defs/score"}, 0.1 + 0.2),
    ({"$ref": "defs.schema.json#/$defs/score"}, 1e-300),
    ({"$ref": "defs.schema.json#/$defs/score"}, 10**30),
    ({"$ref": "defs.schema.json#/$defs/id"}, "di-co-so-2024\r"),
    ({"$ref": "defs.schema.json#/$defs/id"}, "di-co-so-2024\u2028"),
    ({"$ref": "defs.schema.json#/$defs/id"}, "\ndi-co-so-2024"),
    ({"$ref": "defs.schema.json#/$defs/id"}, "di-co-so-２０２４"),  # fullwidth digits
    ({"$ref": "defs.schema.json#/$defs/time"}, "08:00\n"),
    ({"$ref": "defs.schema.json#/$defs/time"}, "٠٨:٠٠"),  # Arabic-Indic digits
    ({"$ref": "defs.schema.json#/$defs/category_code"}, "1.1\n"),
    ({"$ref": "defs.schema.json#/$defs/category_code"}, "१.१"),  # Devanagari digits
    ({"$ref": "defs.schema.json#/$defs/github_owner"}, "@to-chuc\n"),
    ({"$ref": "defs.schema.json#/$defs/github_owner"}, "@tổ-chức"),
    ({"$ref": "organisation.schema.json#/properties/repository/properties/url"}, "https://x.example/a\n"),
    ({"$ref": "organisation.schema.json#/properties/repository/properties/url"}, "https://x.example/\ufeffa"),
    ({"$ref": "organisation.schema.json#/properties/repository/properties/url"}, "https://x.example/\x85a"),
    ({"$ref": "organisation.schema.json#/properties/repository/properties/url"}, "https://x.example/\x1fa"),
    ({"$ref": "organisation.schema.json#/properties/repository/properties/url"}, "https://x.example/\u00a0a"),
    ({"$ref": "organisation.schema.json#/properties/repository/properties/url"}, "https://x.example/😀"),
    ({"$ref": "defs.schema.json#/$defs/date"}, "2025-02-28\n"),
    ({"$ref": "defs.schema.json#/$defs/date"}, "0000-01-01"),
    ({"$ref": "defs.schema.json#/$defs/date"}, "0999-12-31"),
    ({"$ref": "defs.schema.json#/$defs/date"}, "2024-02-29"),
    ({"$ref": "defs.schema.json#/$defs/date"}, "2100-02-29"),
    ({"$ref": "defs.schema.json#/$defs/date"}, "２０２５-02-28"),
    ({"$ref": "defs.schema.json#/$defs/date"}, "2025-02-28T00:00:00Z"),
    ({"$ref": "defs.schema.json#/$defs/year"}, 2025.0),  # an integer written with a zero fraction
    ({"$ref": "defs.schema.json#/$defs/year"}, 2025.5),
    ({"$ref": "defs.schema.json#/$defs/year"}, True),
    ({"$ref": "defs.schema.json#/$defs/year"}, 10**400),
    ({"$ref": "defs.schema.json#/$defs/line"}, "😀" * 500),  # lengths count code points, not UTF-16 units
    ({"$ref": "defs.schema.json#/$defs/line"}, "😀" * 501),
    ({"$ref": "defs.schema.json#/$defs/line"}, "e\u0301" * 250),
    ({"$ref": "defs.schema.json#/$defs/unit_refs"}, ["a", "a"]),
    ({"type": "array", "uniqueItems": True}, [1, 1.0]),
    ({"type": "array", "uniqueItems": True}, [1, True]),
    ({"type": "array", "uniqueItems": True}, [0, False]),
    ({"type": "array", "uniqueItems": True}, [{"a": 1}, {"a": 1.0}]),
    ({"const": "registration"}, "registration\n"),
    ({"enum": [1]}, True),
    ({"enum": [1]}, 1.0),
    ({"const": 0}, False),
]


def _wrap(schema: dict[str, Any]) -> dict[str, Any]:
    ref = schema.get("$ref")
    if isinstance(ref, str):
        schema = {"$ref": "https://site-gen.example/schemas/" + ref}
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}


@pytest.mark.parametrize(("schema", "value"), AGREEMENT, ids=[repr(v)[:40] for _, v in AGREEMENT])
def test_both_engines_agree_on_the_values_they_used_to_part_on(schema: dict[str, Any], value: Any, schemas: Schemas) -> None:
    import jsonschema_rs

    from site_gen.schemas import fast_validator_for, reference_validator_for

    wrapped = _wrap(schema)
    fast = fast_validator_for(wrapped, jsonschema_rs.Registry(list(schemas.by_id.items())))
    reference = reference_validator_for(wrapped, schemas.by_id)
    assert fast.is_valid(value) == reference.is_valid(value)
    assert bool(list(fast.iter_errors(value))) == (not fast.is_valid(value))


def test_every_two_decimal_score_is_a_multiple_of_a_hundredth(schemas: Schemas) -> None:
    """All 100,001 scores 0.00-1000.00 pass both engines; python-jsonschema alone refused 11,426 of them."""
    score = _wrap({"$ref": "defs.schema.json#/$defs/score"})
    import jsonschema_rs

    from site_gen.schemas import fast_validator_for, reference_validator_for

    fast = fast_validator_for(score, jsonschema_rs.Registry(list(schemas.by_id.items())))
    reference = reference_validator_for(score, schemas.by_id)
    values = [float(f"{hundredths / 100:.2f}") for hundredths in range(100_001)]
    assert [v for v in values if not fast.is_valid(v)] == []
    assert [v for v in values if not reference.is_valid(v)] == []
    thousandths = [float(f"{n / 1000:.3f}") for n in range(1, 1_000_000, 997) if n % 10]
    assert [v for v in thousandths if fast.is_valid(v)] == []
    assert [v for v in thousandths if reference.is_valid(v)] == []


# -- generated records: both engines, and the explanation of every refusal ---------------------------------

SUFFIXES = ["\n", "\r", "\r\n", " ", "\t", "\u2028", "\u2029", "\x85", "\u00a0", "\ufeff", "\u200b", "\x00", "😀", "\u0301"]
# Integers stay within 64 bits here: past them the loader's own checks apply (tests/test_loader.py);
# AGREEMENT above holds larger ones against both engines.
NUMBERS = st.one_of(
    st.integers(-(2**63), 2**63 - 1),
    st.floats(allow_nan=False, allow_infinity=False),
    st.decimals(min_value=-2000, max_value=2000, places=3).map(float),
    st.integers(0, 100_000).map(lambda n: n / 100),
    st.integers(0, 1_000_000).map(lambda n: n / 1000),
    st.sampled_from([0.0, 1.0, 30.0, 78.29, 4.35, 0.29, 1e16, 2.0**53 + 1, 2**63 - 1, 1e20, 5e-324]),
)
SCALARS = st.one_of(
    st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=12),
    NUMBERS,
    st.booleans(),
    st.none(),
    st.sampled_from(["2025-02-30", "15/02/2025", "0000-01-01", "2024-02-29", "1.1", "specialist", "morning", "di-co-so-2025"]),
)
VALUES = st.recursive(
    SCALARS, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3), max_leaves=6
)


def _samples() -> list[tuple[str, dict[str, Any]]]:
    out = []
    seen: dict[str, int] = {}
    for path in sorted((ROOT / "submissions").rglob("*.yaml")):
        with quiet_stderr():
            loaded = load_bytes(path.read_bytes(), str(path))
        kind = loaded.value.get("kind") if not loaded.problems else None
        if isinstance(kind, str) and seen.get(kind, 0) < 3:
            seen[kind] = seen.get(kind, 0) + 1
            out.append((path.relative_to(ROOT).as_posix(), loaded.value))
    return out


SAMPLES = _samples()


def _paths(node: Any, prefix: tuple[str | int, ...] = ()) -> Iterator[tuple[str | int, ...]]:
    if prefix:
        yield prefix
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _paths(value, (*prefix, index))


@st.composite
def mutated(draw: st.DrawFn) -> tuple[str, Any]:
    """A sample record with one to three values changed, removed, added or given an invisible tail."""
    path, value = draw(st.sampled_from(SAMPLES))
    value = copy.deepcopy(value)
    for _ in range(draw(st.integers(1, 3))):
        where = draw(st.sampled_from([p for p in _paths(value) if p[0] != "kind"]))
        parent = value
        for part in where[:-1]:
            parent = parent[part]
        current = parent[where[-1]]
        action = draw(st.sampled_from(["replace", "remove", "add", "tail", "nudge"]))
        if action == "remove" and isinstance(parent, dict):
            del parent[where[-1]]
        elif action == "add" and isinstance(parent, dict):
            parent[draw(st.text(min_size=1, max_size=8)) + "_"] = draw(VALUES)
        elif action == "tail" and isinstance(current, str):
            parent[where[-1]] = current + draw(st.sampled_from(SUFFIXES))
        elif action == "nudge" and isinstance(current, (int, float)) and not isinstance(current, bool):
            parent[where[-1]] = current + draw(st.sampled_from([0.001, 0.01, 1e-9, 0.5, 1.0, 1e20]))
        else:
            parent[where[-1]] = draw(VALUES)
    return path, value


@pytest.fixture(scope="module")
def checker(tmp_path_factory: pytest.TempPathFactory) -> Any:
    from site_gen.checker import Checker
    from tests.conftest import make_repo

    return Checker(make_repo(tmp_path_factory.mktemp("engines") / "repo"), use_cache=False)


def _keyword_places(errors: Iterable[Any], rust: bool) -> set[tuple[tuple[Any, ...], str]]:
    if rust:
        return {(tuple(e.instance_path), e.kind.name) for e in errors}
    # jsonschema-rs 0.60 leaves an empty-string key out of an error's instance path ({"": ""} under
    # additionalProperties: [] where python-jsonschema says [""]); such a key is refused by propertyNames
    # anyway, so the comparison drops empty segments on the reference side too.
    return {
        (
            tuple(part for part in e.absolute_path if part != ""),
            "propertyNames" if "propertyNames" in e.relative_schema_path else e.validator,
        )
        for e in errors
    }


@settings(max_examples=1500, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large], deadline=None)
@given(record=mutated())
def test_generated_records_get_one_verdict_and_every_refusal_is_explained(record: tuple[str, Any], checker: Any) -> None:
    """Through the real loader: the two engines agree on the verdict and on which values break which keyword,
    and every refused record carries at least one located error."""
    path, value = record
    data = json.dumps(value, ensure_ascii=False).encode()
    with quiet_stderr():
        loaded = load_bytes(data, path)
    if loaded.problems or loaded.value.get("kind") not in checker.schemas.kind_schema:
        return
    kind, value = loaded.value["kind"], loaded.value
    valid = checker.schemas.is_valid(kind, value)
    reference = checker.schemas.reference_validator(kind)
    assert valid == reference.is_valid(value)
    if valid:
        return
    fast_errors = checker.schemas.errors(kind, value)
    assert _keyword_places(fast_errors, True) == _keyword_places(reference.iter_errors(value), False)
    ref = loaded.ref or reference_loader(data, path)
    problems = checker.schema_problems(path, kind, value, ref)
    errors = [p for p in problems if p.severity.value == "error"]
    assert errors and all(p.file == path and p.line >= 1 and p.code.startswith("schema.") for p in problems), problems


def test_a_refusal_the_engine_cannot_explain_still_reports_an_error(tmp_path: Path) -> None:
    """The invariant: a record that builds no model carries an error at its line, even when the reasons found
    hold none (a disagreement inside the tool; injected here by silencing the engine's explanation)."""
    from site_gen.checker import Checker, refused
    from site_gen.problems import Severity, make
    from tests.conftest import CASES, make_repo

    root = make_repo(tmp_path / "repo", CASES / "invalid" / "schema-pattern-trailing-newline")
    checker = Checker(root, use_cache=False)
    checker.schemas.errors = lambda kind, value: []  # type: ignore[method-assign]
    result = checker.run()
    errors = [f"{p.file}:{p.line} {p.code}" for p in result.problems if p.severity is Severity.ERROR]
    assert errors == ["submissions/ban-tckt/dang-ky/2025/tran-thi-mai.yaml:1 record.unexplained"]
    assert "submissions/ban-tckt/dang-ky/2025/tran-thi-mai.yaml" not in {r.file for r in result.records()}
    # warnings alone do not explain a refusal either
    warning = make("a.yaml", "file.ignored", Severity.WARNING, "", 3, 2)
    assert [(p.code, p.line, p.column) for p in refused("a.yaml", [warning], (3, 2))] == [
        ("file.ignored", 3, 2),
        ("record.unexplained", 3, 2),
    ]
