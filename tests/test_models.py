"""The typed models against the schemas they mirror, and against every sample record.

A kind module declares its model by hand (it is read by people and type
checkers); these tests hold it to its schema: every property a field and no
other field, a field without a default exactly when the schema requires it,
each field's type the schema's. Then every record of the sample loads into
its model and the model gives back, field by field, what the record says.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import pickle
import types
import typing
from pathlib import Path
from typing import Any

import pytest

from site_gen.kinds import KINDS, REGISTRATION, Kind
from site_gen.kinds.typed import Model
from site_gen.loader import load_bytes

ROOT = Path(__file__).resolve().parent.parent
SCHEMAS = ROOT / "schemas"
DEFS = json.loads((SCHEMAS / "defs.schema.json").read_text(encoding="utf-8"))["$defs"]


def resolve(schema: dict[str, Any]) -> dict[str, Any]:
    """The schema with its ``$ref`` chain to defs.schema.json merged in (the referring keywords win)."""
    while "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[1]
        schema = {**DEFS[name], **{key: value for key, value in schema.items() if key != "$ref"}}
    return schema


def strip_none(note: Any) -> tuple[bool, Any]:
    args = typing.get_args(note)
    if typing.get_origin(note) in (typing.Union, types.UnionType) and type(None) in args:
        rest = [arg for arg in args if arg is not type(None)]
        return True, rest[0] if len(rest) == 1 else typing.Union[tuple(rest)]  # noqa: UP007
    return False, note


def check_type(schema: dict[str, Any], note: Any, where: str, seen: list[type[Model]]) -> None:
    """``note`` is the Python type of values valid under ``schema``."""
    schema = resolve(schema)
    for key in ("anyOf", "oneOf"):
        if key in schema and "properties" not in schema:
            options = typing.get_args(note)
            assert typing.get_origin(note) in (typing.Union, types.UnionType), f"{where}: {key} needs a union, not {note}"
            assert len(options) == len(schema[key]), f"{where}: {len(schema[key])} choices, {note}"
            for choice, option in zip(schema[key], options, strict=True):
                check_type(choice, option, where, seen)
            return
    kind = schema.get("type")
    if kind is None and "const" in schema:
        kind = {str: "string", int: "integer", bool: "boolean"}[type(schema["const"])]
    if kind is None and "enum" in schema:
        kind = "string" if all(isinstance(value, str) for value in schema["enum"]) else None
    origin = typing.get_origin(note) or note
    if kind == "string":
        expected = dt.date if schema.get("format") == "date" else str
        assert note is expected, f"{where}: a {kind} ({schema.get('format', '')}) is {expected.__name__}, not {note}"
    elif kind == "integer":
        assert note is int, f"{where}: an integer is int, not {note}"
    elif kind == "number":
        assert note is float, f"{where}: a number is float, not {note}"
    elif kind == "boolean":
        assert note is bool, f"{where}: a boolean is bool, not {note}"
    elif kind == "array":
        assert origin is tuple, f"{where}: an array is a tuple, not {note}"
        item, ellipsis = typing.get_args(note)
        assert ellipsis is Ellipsis
        check_type(schema["items"], item, f"{where}[]", seen)
    elif isinstance(schema.get("additionalProperties"), dict):
        assert origin is dict, f"{where}: a map is a dict, not {note}"
        key, value = typing.get_args(note)
        assert key is str
        check_type(schema["additionalProperties"], value, f"{where}{{}}", seen)
    elif kind == "object" or "properties" in schema:
        assert isinstance(note, type) and issubclass(note, Model), f"{where}: an object is a Model, not {note}"
        check_model(schema, note, where, seen)
    else:
        raise AssertionError(f"{where}: no type in the schema ({sorted(schema)})")


def check_model(schema: dict[str, Any], model: type[Model], where: str, seen: list[type[Model]]) -> None:
    seen.append(model)
    properties = schema.get("properties", {})
    keys = model.keys()
    assert sorted(keys.values()) == sorted(properties), f"{where} ({model.__name__}): fields {sorted(keys.values())}"
    hints = typing.get_type_hints(model)
    required = set(schema.get("required", ()))
    for attr, key in keys.items():
        optional, inner = strip_none(hints[attr])
        place = f"{where}.{key}"
        has_default = attr in model._defaults or optional
        if key in required:
            assert not has_default, f"{place}: required by the schema, optional in {model.__name__}"
        else:
            assert has_default, f"{place}: optional in the schema, required in {model.__name__}"
            declared = resolve(properties[key]).get("default")
            default = model._defaults.get(attr)
            if typing.get_origin(inner) is tuple:  # an optional list is an empty tuple when left out
                assert default == () and declared in (None, []), f"{place}: an optional list defaults to ()"
            else:
                assert default == declared, f"{place}: default {default!r}, the schema's {declared!r}"
        check_type(properties[key], inner, place, seen)


@pytest.mark.parametrize("kind", KINDS, ids=lambda kind: kind.name)
def test_model_mirrors_its_schema(kind: Kind) -> None:
    schema = json.loads((SCHEMAS / kind.schema).read_text(encoding="utf-8"))
    seen: list[type[Model]] = []
    check_model(schema, kind.model, kind.name, seen)
    # every model class the kind module declares is reached from the schema
    module = __import__(type(kind).__module__, fromlist=["_"])
    declared = {value for value in vars(module).values() if isinstance(value, type) and issubclass(value, Model)}
    local = {model for model in declared if model.__module__ == module.__name__}
    assert local <= set(seen), f"declared but not in the schema: {sorted(m.__name__ for m in local - set(seen))}"


def back(value: Any) -> Any:
    """A model's value as the data it came from (dates as text, tuples as lists, models as mappings)."""
    if isinstance(value, Model):
        return {key: back(getattr(value, attr)) for attr, key in type(value).keys().items()}
    if isinstance(value, tuple):
        return [back(item) for item in value]
    if isinstance(value, dict):
        return {key: back(item) for key, item in value.items()}
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def without_defaults(model: Model, data: Any) -> Any:
    """``back(model)`` keeping only the keys ``data`` has: what the model adds is its declared defaults."""
    if isinstance(model, Model):
        assert isinstance(data, dict)
        keys = type(model).keys()
        for attr, key in keys.items():
            if key not in data:
                value = getattr(model, attr)
                assert value in (None, (), model._defaults.get(attr)), f"{key}: {value!r} not a default"
        return {key: without_defaults(getattr(model, attr), data[key]) for attr, key in keys.items() if key in data}
    if isinstance(model, tuple):
        return [without_defaults(item, part) for item, part in zip(model, data, strict=True)]
    return back(model)


def sample_records() -> list[tuple[str, dict[str, Any]]]:
    found = []
    for path in sorted((ROOT / "submissions").rglob("*.yaml")):
        loaded = load_bytes(path.read_bytes(), str(path.relative_to(ROOT)))
        assert not loaded.problems, loaded.problems
        found.append((loaded.file, loaded.value))
    return found


def test_every_sample_record_loads_into_its_model_and_gives_it_back() -> None:
    by_name = {kind.name: kind for kind in KINDS}
    records = sample_records()
    kinds = set()
    for path, data in records:
        kind = by_name[data["kind"]]
        kinds.add(kind.name)
        model = kind.model.load(data)
        assert isinstance(model, kind.model)
        assert without_defaults(model, data) == data, path
    assert kinds == set(by_name), f"the sample has no record of {sorted(set(by_name) - kinds)}"


def test_models_are_values_read_only_and_pickle() -> None:
    kind = REGISTRATION
    data = next(data for _, data in sample_records() if data["kind"] == kind.name)
    model = kind.model.load(data)
    assert model == kind.model.load(copy.deepcopy(data))
    assert hash(model) == hash(kind.model.load(copy.deepcopy(data)))
    assert pickle.loads(pickle.dumps(model)) == model
    with pytest.raises(AttributeError):
        model.plan = "x"  # type: ignore[misc]
    row = model.rows[0]  # type: ignore[attr-defined]
    assert isinstance(row.from_, dt.date) and row.get("from") == row.from_
    assert model != tuple(model) and tuple(model) != model
    assert "rows=" in repr(model)


def test_data_that_leaves_out_a_required_field_still_loads_with_none() -> None:
    """The loader reads required fields by subscript; a record built by hand without one takes the lenient way."""
    full = {
        "kind": "registration",
        "plan": "p",
        "cadre": "c",
        "submitted": "2025-01-02",
        "rows": [{"category": "1.1", "days": 2, "from": "2025-02-01", "to": "2025-02-02", "places": ["x"]}],
    }
    model = REGISTRATION.model.load(full)
    assert model.submitted == dt.date(2025, 1, 2) and model.rows[0].places == ("x",) and model.approved_by is None
    for key in ("plan", "submitted"):
        partial = {k: v for k, v in full.items() if k != key}
        assert getattr(REGISTRATION.model.load(partial), key) is None
        assert REGISTRATION.model.load({**full, key: None}) == REGISTRATION.model.load(partial)
    row = dict(full["rows"][0])  # type: ignore[call-overload]
    del row["from"]
    lenient = REGISTRATION.model.load({**full, "rows": [row]})
    assert lenient.rows[0].from_ is None and lenient.rows[0].to == dt.date(2025, 2, 2) and lenient.submitted == model.submitted
