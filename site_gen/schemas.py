"""The JSON Schemas of a repository: loading, validating, and reading titles.

One engine judges: jsonschema-rs gives the verdict on every record and, for
a record it refuses, the errors that :mod:`site_gen.schema_problems` turns
into located messages. The verdict and its explanation therefore come from
the same evaluation and cannot disagree.

python-jsonschema is kept as a second, independent implementation
(:func:`reference_validator_for`), configured to read the schemas as
jsonschema-rs does where python-jsonschema departs from the specification
by default: ``pattern`` is an ECMA-262 regular expression (through
``regress``, so ``$`` does not match before a final line break), and
``multipleOf`` is exact on the decimal a number is written as (78.29 is a
multiple of 0.01). Tests run both over the official JSON Schema Test Suite
and over generated records, and require them to agree.
"""

from __future__ import annotations

import hashlib
import json
from functools import cached_property
from pathlib import Path
from typing import Any

import jsonschema_rs

from site_gen.discover import is_folder
from site_gen.errors import SetupError
from site_gen.kinds import KINDS, SHARED_SCHEMA
from site_gen.safefs import Missing, Refused, read_regular

SCHEMA_DIR = "schemas"
# A schema is read as a record is (never through a link, never past a limit): a pull request can change it.
SCHEMA_MAX_BYTES = 4 * 1024 * 1024


class Schemas:
    """All schemas of one repository, keyed by record kind."""

    def __init__(self, root: Path) -> None:
        self.dir = root / SCHEMA_DIR
        if not is_folder(self.dir):
            raise SetupError("setup.no-schemas", path=str(self.dir))
        self.documents: dict[str, dict[str, Any]] = {}
        self.by_id: dict[str, dict[str, Any]] = {}
        self.raw: dict[str, bytes] = {}  # each schema file's bytes, as read (the site publishes them)
        digest = hashlib.sha256()
        names = sorted({kind.schema for kind in KINDS} | {SHARED_SCHEMA})
        for name in names:
            path = self.dir / name
            try:
                raw = read_regular(str(path), SCHEMA_MAX_BYTES)
            except Missing:
                raise SetupError("setup.missing-schema", path=str(path)) from None
            except Refused:
                raise SetupError("setup.schema-not-file", path=str(path), limit=SCHEMA_MAX_BYTES) from None
            try:
                document = json.loads(raw)
            except ValueError as exc:
                raise SetupError("setup.bad-schema", path=str(path), detail=str(exc)) from None
            if not isinstance(document, dict) or not isinstance(document.get("$id"), str):
                raise SetupError("setup.bad-schema", path=str(path), detail="$id")
            digest.update(name.encode() + b"\0" + raw + b"\0")
            self.documents[name] = document
            self.raw[name] = raw
            self.by_id[document["$id"]] = document
        self.digest = digest.hexdigest()
        self.kind_schema = {kind.name: self.documents[kind.schema] for kind in KINDS}
        self._rs: dict[str, Any] = {}
        self._py: dict[str, Any] = {}

    # -- validation ---------------------------------------------------------

    @cached_property
    def _rs_registry(self) -> Any:
        return jsonschema_rs.Registry(list(self.by_id.items()))

    def fast_validator(self, kind: str) -> Any:
        validator = self._rs.get(kind)
        if validator is None:
            try:
                validator = fast_validator_for(self.kind_schema[kind], self._rs_registry)
            except Exception as exc:  # a schema the engine refuses is a broken set-up
                raise SetupError("setup.bad-schema", path=kind, detail=str(exc)) from None
            self._rs[kind] = validator
        return validator

    def reference_validator(self, kind: str) -> Any:
        """The second implementation, for the tests that hold both engines to one verdict."""
        validator = self._py.get(kind)
        if validator is None:
            validator = reference_validator_for(self.kind_schema[kind], self.by_id)
            self._py[kind] = validator
        return validator

    def is_valid(self, kind: str, value: Any) -> bool:
        """The verdict. A value the engine cannot even read is not valid (and gets explained as such)."""
        try:
            return bool(self.fast_validator(kind).is_valid(value))
        except (ValueError, TypeError, OverflowError):
            return False

    def errors(self, kind: str, value: Any) -> list[Any]:
        """The engine's errors for a value it judged invalid (empty if it cannot say)."""
        try:
            return list(self.fast_validator(kind).iter_errors(value))
        except (ValueError, TypeError, OverflowError):
            return []

    def resolve(self, uri: str) -> tuple[Any, dict[str, Any]] | None:
        """The schema node at an absolute keyword location (``$id#/json/pointer``), with its document."""
        doc_id, _, fragment = uri.partition("#")
        doc = self.by_id.get(doc_id)
        if doc is None:
            return None
        node: Any = doc
        for part in fragment.split("/")[1:] if fragment else []:
            key = part.replace("~1", "/").replace("~0", "~")
            if isinstance(node, dict) and key in node:
                node = node[key]
            elif isinstance(node, list) and key.isdigit() and int(key) < len(node):
                node = node[int(key)]
            else:
                return None
        return node, doc

    # -- navigation ---------------------------------------------------------

    def deref(self, node: dict[str, Any], base: dict[str, Any], steps: int = 20) -> tuple[dict[str, Any], dict[str, Any]]:
        """Follow ``$ref`` chains (at most ``steps`` links); returns the target and its document."""
        seen = 0
        while isinstance(node, dict) and "$ref" in node and seen < steps:
            ref = node["$ref"]
            target_doc_part, _, fragment = ref.partition("#")
            doc = base
            if target_doc_part:
                doc = self.documents.get(target_doc_part.rsplit("/", 1)[-1], base)
            node = doc
            for part in fragment.split("/")[1:] if fragment else []:
                node = node[part.replace("~1", "/").replace("~0", "~")]
            base = doc
            seen += 1
        return node, base

    def keyword_parent(self, location: str | None) -> dict[str, Any] | None:
        """The schema object holding the keyword at an absolute keyword location (``<$id>#/json/pointer``)."""
        uri, _, fragment = (location or "").partition("#")
        node: Any = self.by_id.get(uri)
        parts = fragment.split("/")[1:-1]
        for part in parts:
            key = part.replace("~1", "/").replace("~0", "~")
            if isinstance(node, dict):
                node = node.get(key)
            elif isinstance(node, list) and key.isdigit() and int(key) < len(node):
                node = node[int(key)]
            else:
                return None
        return node if isinstance(node, dict) else None

    def node_at(self, kind: str, parts: list[str | int]) -> tuple[dict[str, Any], dict[str, Any]]:
        """The schema node that describes the instance at ``parts``, with its own title kept.

        The returned node keeps the title written next to a ``$ref`` (the
        property's own title) rather than the shared definition's title.
        """
        base = self.kind_schema[kind]
        node: dict[str, Any] = base
        for part in parts:
            target, doc = self.deref(node, base)
            child = _child(target, part)
            if child is None:
                return {}, doc
            node, base = child, doc
        return node, base

    def title(self, node: dict[str, Any], base: dict[str, Any]) -> str:
        if not isinstance(node, dict):
            return ""
        for _ in range(20):
            if isinstance(node.get("title"), str):
                return str(node["title"])
            if "$ref" not in node:
                return ""
            node, base = self.deref({"$ref": node["$ref"]}, base, steps=1)
            if not isinstance(node, dict):
                return ""
        return ""

    def field_title(self, kind: str, parts: list[str | int]) -> str:
        node, base = self.node_at(kind, parts)
        return self.title(node, base)

    def property_titles(self, node: dict[str, Any], base: dict[str, Any]) -> dict[str, str]:
        target, doc = self.deref(node, base)
        props = target.get("properties", {}) if isinstance(target, dict) else {}
        return {name: self.title(sub, doc) for name, sub in props.items()}

    def enum_labels(self, node: dict[str, Any], base: dict[str, Any]) -> dict[str, str]:
        target, _ = self.deref(node, base)
        values = target.get("enum", []) if isinstance(target, dict) else []
        labels = target.get("enumDescriptions", []) if isinstance(target, dict) else []
        return {str(value): str(label) for value, label in zip(values, labels, strict=False)}


def fast_validator_for(schema: dict[str, Any], registry: Any) -> Any:
    """jsonschema-rs as the tool runs it: draft 2020-12, formats asserted, shared definitions in ``registry``."""
    return jsonschema_rs.validator_for(schema, registry=registry, validate_formats=True)


def reference_validator_for(schema: dict[str, Any], resources: dict[str, dict[str, Any]]) -> Any:
    """python-jsonschema configured to judge as the specification and jsonschema-rs do (see the module)."""
    from site_gen.schema_reference import reference_validator_for as build

    return build(schema, resources)


def _child(node: dict[str, Any], part: str | int) -> dict[str, Any] | None:
    if isinstance(part, int) or (isinstance(part, str) and part.isdigit() and "items" in node):
        items = node.get("items")
        return items if isinstance(items, dict) else None
    props = node.get("properties")
    if isinstance(props, dict) and part in props:
        sub = props[part]
        return sub if isinstance(sub, dict) else None
    return None
