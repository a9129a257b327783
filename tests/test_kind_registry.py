"""The kind registry is the one place that names a record kind, and it keeps its promises.

The first test reads every module of ``site_gen`` outside ``site_gen/kinds/``
and fails on a kind named by a string: a layer iterates
:data:`site_gen.kinds.KINDS`, calls a kind's hook, or refers to one kind by
its object (``REGISTRATION.name``). The other tests check, for every
registered kind, what the registry promises: a schema file that says it is
that kind, a sample record, its place in the layout, a page or none, export
columns inside its schema, labels that are the schema's.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from site_gen.catalogue import render_code
from site_gen.kinds import BY_NAME, CONTEXT_KINDS, KINDS, PLANS, Kind, Owner, kind_from_path
from site_gen.kinds.columns import FILE_HEADER
from site_gen.loader import load_bytes
from site_gen.model import CONTEXT_TABLES, Context, Record
from site_gen.schemas import Schemas

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "site_gen"
NAMES = frozenset(kind.name for kind in KINDS)
# Names that are also field names ("unit", "cadre", "registration" of a plan's deadlines): flagged only where
# they stand for a kind. The others (hyphenated, "organisation") are flagged wherever they appear.
FIELD_NAMES = frozenset({"unit", "cadre", "registration"})
# Calls whose first argument is a kind (Context.known, hides, plan, plans_for_year, has; SiteData.kind).
KIND_FIRST_ARG = frozenset({"known", "hides", "plan", "plans_for_year", "has", "kind"})
# Mappings keyed by kind: ctx.plans, Context tables, broken keys, the export's views.
KIND_KEYED = frozenset({"plans", "_tables", "tables", "broken", "SLUGS", "TABLES", "BY_NAME", "by_kind"})
# Nothing else is skipped.
NOT_YET: frozenset[str] = frozenset()
# The catalogue's words for plan kinds (VOCABULARY["plan_kind"]) belong to the helper that moves the words
# out of Python ("words in one place"); the lead removes this skip too when that work is merged.
NOT_YET |= {"site_gen/catalogue.py"}


def _kindish(node: ast.expr) -> bool:
    """An expression that holds a kind name: ``kind``, ``x_kind``, ``record.kind``."""
    if isinstance(node, ast.Name):
        return node.id == "kind" or node.id.endswith("_kind")
    return isinstance(node, ast.Attribute) and node.attr == "kind"


def _constants(node: ast.AST) -> Iterator[ast.Constant]:
    for sub in ast.walk(node):
        if isinstance(sub, ast.Constant) and sub.value in NAMES:
            yield sub


def _call_name(node: ast.Call) -> str:
    func = node.func
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""


def _keyed_by_kind(node: ast.expr) -> bool:
    name = node.attr if isinstance(node, ast.Attribute) else node.id if isinstance(node, ast.Name) else ""
    return name in KIND_KEYED


def kind_uses(tree: ast.AST) -> set[ast.Constant]:
    """The string constants of a module that name a kind where a kind is meant."""
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    found: set[ast.Constant] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and node.value in NAMES - FIELD_NAMES and id(node) not in docstrings:
            found.add(node)
        elif isinstance(node, ast.Compare) and any(_kindish(side) for side in (node.left, *node.comparators)):
            found.update(_constants(node))
        elif isinstance(node, ast.Call):
            if _call_name(node) in KIND_FIRST_ARG and node.args:
                found.update(_constants(node.args[0]))
            if _call_name(node) == "get" and isinstance(node.func, ast.Attribute) and _keyed_by_kind(node.func.value):
                found.update(_constants(node.args[0]) if node.args else ())
            for keyword in node.keywords:
                if keyword.arg in ("kind", "kinds"):
                    found.update(_constants(keyword.value))
        elif isinstance(node, ast.Subscript) and _keyed_by_kind(node.value):
            found.update(_constants(node.slice))
        elif isinstance(node, ast.Dict):
            keys = [key for key in node.keys if isinstance(key, ast.Constant) and key.value in NAMES]
            if len(keys) >= 3:  # a dispatch table: one entry per kind
                found.update(keys)  # type: ignore[arg-type]
        elif isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            named = [n for t in targets for n in ast.walk(t) if isinstance(n, ast.Name)]
            if any("KIND" in n.id or _kindish(n) for n in named) and node.value is not None:
                found.update(_constants(node.value))
        elif isinstance(node, ast.For | ast.comprehension) and any(
            isinstance(n, ast.Name) and _kindish(n) for n in ast.walk(node.target)
        ):
            found.update(_constants(node.iter))
    return found


def _modules() -> list[Path]:
    return sorted(
        path
        for path in PACKAGE.rglob("*.py")
        if not path.is_relative_to(PACKAGE / "kinds") and path.relative_to(ROOT).as_posix() not in NOT_YET
    )


def test_no_layer_names_a_kind() -> None:
    found = []
    for path in _modules():
        lines = path.read_text(encoding="utf-8").splitlines()
        for node in kind_uses(ast.parse(path.read_text(encoding="utf-8"))):
            found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {node.value!r} in {lines[node.lineno - 1].strip()}")
    assert not sorted(found), "\n".join(sorted(found))


@pytest.mark.parametrize(
    "source",
    [
        'if record.kind == "registration": pass',
        'if kind in ("unit", "organisation"): pass',
        'ctx.known("cadre", ident)',
        'ctx.plans["inspection-plan"]',
        'ctx.broken.get("unit")',
        'check("record", (), kinds=("quarterly-report",))',
        'PRIVATE_KINDS = frozenset({"cadre"})',
        'pages = {"cadre": 1, "unit": 2, "registration": 3}',
        'label = "good-model"',
        'for kind, rows in (("registration", "rows"), ("unit", "x")): pass',
        'kind = "unit"',
    ],
)
def test_the_scan_finds_kind_names(source: str) -> None:
    assert kind_uses(ast.parse(source))


@pytest.mark.parametrize(
    "source",
    [
        'unit = record.data["unit"]',
        'deadline = plan.data["deadlines"]["registration"]',
        'row = {"unit": ident, "quarter": 1}',
        'problem(record, "rule.x", "cadre")',
        'def f():\n    """The organisation, the good-model records."""',
        "if record.kind == REGISTRATION.name: pass",
    ],
)
def test_the_scan_lets_field_names_be(source: str) -> None:
    assert not kind_uses(ast.parse(source))


# -- what the registry promises ------------------------------------------------------


def _sample_records() -> dict[str, list[Record]]:
    out: dict[str, list[Record]] = {}
    for path in sorted((ROOT / "submissions").rglob("*.yaml")):
        value = load_bytes(path.read_bytes(), path.name).value
        if isinstance(value, dict) and isinstance(value.get("kind"), str):
            record = Record(path.relative_to(ROOT).as_posix(), value["kind"], value)
            out.setdefault(record.kind, []).append(record)
    return out


@pytest.fixture(scope="module")
def samples() -> dict[str, list[Record]]:
    return _sample_records()


@pytest.fixture(scope="module")
def schemas() -> Schemas:
    return Schemas(ROOT)


def test_names_slugs_and_schemas_are_unique() -> None:
    for attribute in ("name", "schema", "slug", "path", "label_vi", "label_en"):
        values = [getattr(kind, attribute) for kind in KINDS]
        assert len(set(values)) == len(values), attribute
    assert {kind.name: kind for kind in KINDS} == BY_NAME


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.name)
def test_schema_file_declares_the_kind(kind: Kind) -> None:
    import json

    schema = json.loads((ROOT / "schemas" / kind.schema).read_text(encoding="utf-8"))
    assert schema["properties"]["kind"]["const"] == kind.name


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.name)
def test_sample_has_a_record_in_its_place(kind: Kind, samples: dict[str, list[Record]]) -> None:
    records = samples.get(kind.name)
    assert records, f"no sample record of {kind.name} under submissions/"
    for record in records:
        assert kind_from_path(record.file) == kind.name, record.file


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.name)
def test_hooks_answer_for_every_sample_record(kind: Kind, samples: dict[str, list[Record]]) -> None:
    """Page, description, partitions, facts, title and public data: each hook runs on real records."""
    records = [record for found in samples.values() for record in found]
    ctx = Context.from_records(records)

    class Names:
        def cadre_name(self, ident: str) -> str:
            return ident

        def unit_name(self, ident: str) -> str:
            return ident

        def unit_name_on(self, ident: str, day: Any) -> str:
            return ident

        def plan_year(self, plan_id: str) -> int | None:
            return 2025

        def has(self, other: Kind, ident: str) -> bool:
            return ctx.has(other.name, ident)

    for record in samples[kind.name]:
        page = kind.page(record.data, Names())
        assert page is None or (page.endswith(".md") and not page.startswith("/")), page
        described = kind.describe(record.data, Names())
        assert described is None or described.strip()
        for key in kind.partitions(record.data):
            assert key[0] in ("cadre", "report", "inspection") and all(isinstance(part, str) for part in key), key
        facts = kind.facts(record.data)
        assert facts is None or all(isinstance(part, str) for part in facts)
        assert kind.public(dict(record.data)).keys() <= record.data.keys()
        title = kind.diff_title(record.data, kind.label_vi, "cadre name", "unit name", "vi")
        assert title is None or title.startswith(kind.label_vi)


def test_some_kinds_have_pages_and_the_others_say_none(samples: dict[str, list[Record]]) -> None:
    """A kind without a page keeps the default hook (None): a deliberate "no page", not a forgotten one."""
    without = {kind.name for kind in KINDS if type(kind).page is Kind.page}
    assert without == {"organisation", "unit", "reorganisation"}  # the register's own records: listed on no page yet


def test_context_kinds_are_context_tables() -> None:
    tables = {kind.name for kind in KINDS if kind.context and kind.context != "organisations"}
    assert set(CONTEXT_TABLES) == tables
    assert tables | {kind.name for kind in KINDS if kind.context == "organisations"} == CONTEXT_KINDS
    assert all(kind.context == "plans" for kind in PLANS)
    assert {kind.context for kind in KINDS} <= {
        None,
        "organisations",
        "units",
        "cadres",
        "plans",
        "models",
        "surveys",
        "reorganisations",
    }


def test_owners_cover_every_kind() -> None:
    assert {kind.owner for kind in KINDS} == set(Owner)
    assert all(kind.filed_by_unit == (kind.owner in (Owner.UNIT, Owner.PERSONNEL)) for kind in KINDS)


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.name)
def test_identity_and_broken_fields_are_schema_properties(kind: Kind, schemas: Schemas) -> None:
    properties = schemas.kind_schema[kind.name]["properties"]
    for name in (*kind.identity, *kind.broken_fields):
        assert name in properties, name
    if not kind.context:
        assert kind.identity, "a record without an id needs the fields that make it the same record"


def _parts(path: str) -> list[str | int]:
    parts: list[str | int] = []
    for segment in path.split("."):
        parts += [segment[:-2], 0] if segment.endswith("[]") else [segment]
    return parts


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.name)
def test_export_columns_are_schema_properties(kind: Kind, schemas: Schemas) -> None:
    columns = kind.export.columns
    assert columns[0].header == FILE_HEADER and columns[0].fmt == "file"
    for column in columns[1:]:
        node: Any
        node, _ = schemas.node_at(kind.name, _parts(column.path))
        assert node is not None, column.path
    for rows in kind.export.rows:
        assert any(f"{rows}[]" in column.path for column in columns), rows


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.name)
def test_broken_keys_never_raise(kind: Kind) -> None:
    for value in ({}, {"id": 1}, {"id": "x", "cadre": "c", "plan": "p", "unit": "u"}):
        key = kind.broken_key(value, f"submissions/u/{kind.path}")
        assert key is None or isinstance(key, str)
    assert isinstance(kind.unreadable_key("stem"), str)


@pytest.mark.parametrize("kind", PLANS, ids=lambda kind: kind.name)
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_message_names_every_plan_kind_in_words(kind: Kind, lang: str) -> None:
    # A plan kind added to the registry reads in messages by its label, with no entry in the word files.
    text = render_code("rule.ref-plan", {"id": "x", "plan_kind": kind.name, "suggestion": ""}, lang)[1]
    assert kind.name not in text and "{" not in text


def test_the_findings_of_a_visit_have_their_schema_titles(schemas: Schemas) -> None:
    from site_gen.kinds.inspection_result import KIND as INSPECTION_RESULT
    from site_gen.kinds.inspection_result import VISIT_FINDINGS

    for name, title in VISIT_FINDINGS.items():
        assert schemas.field_title(INSPECTION_RESULT.name, [name]) == title, name
