"""The schemas: valid against their metaschema, fully titled in Vietnamese, examples valid, engines agreeing."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from site_gen.kinds import KINDS, SHARED_SCHEMA
from site_gen.loader import load_bytes
from site_gen.schema_problems import KEYWORD_CODES
from site_gen.schemas import Schemas
from site_gen.yaml_fast import quiet_stderr

ROOT = Path(__file__).resolve().parent.parent
SCHEMA_FILES = sorted((ROOT / "schemas").glob("*.schema.json"))
# Keywords that only annotate or structure; every other keyword validates and needs a message.
NON_VALIDATING = {
    "$schema", "$id", "$defs", "$ref", "title", "description", "examples", "default", "enumDescriptions",
    "properties", "items", "if", "then", "allOf",
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
            if where.endswith(("/properties", "/$defs")) or "/examples" in where:
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
    alone = jsonschema.Draft202012Validator(bundled, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    for path in _record_files():
        with quiet_stderr():
            loaded = load_bytes(path.read_bytes(), str(path))
        if loaded.problems or loaded.value.get("kind") != kind.name:
            continue
        assert alone.is_valid(loaded.value) == schemas.is_valid(kind.name, loaded.value), path
