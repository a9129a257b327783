"""Turn JSON Schema errors into problems a unit can act on.

Each error becomes a problem with a code of its keyword, the Vietnamese title
of the field, a human path such as ``rows[2].days`` and the position of the
value (or of the key, for a key that should not be there, or of the parent
mapping, for a key that is missing). A misspelled key gets the closest
allowed key as a suggestion, and the "missing field" error that the same
typo causes is dropped.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Iterator
from typing import Any

from site_gen.catalogue import severity_of
from site_gen.problems import Problem, make, pointer_join
from site_gen.scalars import RefLoad
from site_gen.schemas import Schemas

Parts = list[str | int]

KEYWORD_CODES = {
    "required": "schema.required",
    "additionalProperties": "schema.unknown-key",
    "type": "schema.type",
    "enum": "schema.enum",
    "const": "schema.const",
    "pattern": "schema.pattern",
    "format": "schema.format",
    "minimum": "schema.minimum",
    "maximum": "schema.maximum",
    "minLength": "schema.min-length",
    "maxLength": "schema.max-length",
    "minItems": "schema.min-items",
    "maxItems": "schema.max-items",
    "uniqueItems": "schema.unique-items",
    "multipleOf": "schema.multiple-of",
    "minProperties": "schema.min-properties",
    "maxProperties": "schema.max-properties",
    "propertyNames": "schema.property-name",
    "anyOf": "schema.any-of",
    "oneOf": "schema.one-of",
}

_DMY = re.compile(r"^\s*(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})\s*$")
_ISO_SHAPE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

# Vietnamese field names units are likely to type, mapped to the record keys.
SYNONYMS = {
    "so_ngay": "days",
    "songay": "days",
    "tu_ngay": "from",
    "den_ngay": "to",
    "dia_diem": "places",
    "noi_dung": "category",
    "chuyen_de": "topic",
    "ho_ten": "name",
    "ho_va_ten": "name",
    "chuc_vu": "post",
    "don_vi": "unit",
    "can_bo": "cadre",
    "ngay_nop": "submitted",
    "ke_hoach": "plan",
    "quy": "quarter",
    "nam": "year",
    "ghi_chu": "note",
    "loai": "kind",
    "ma": "id",
    "ten": "name",
    "xep_loai": "classification",
    "xep_hang": "rank",
    "diem": "final_score",
    "doan": "team",
    "buoi": "session",
    "ngay": "date",
}


def human_path(parts: Parts) -> str:
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part + 1}]"
        else:
            out += ("." if out else "") + part
    return out


def suggest(word: str, choices: Iterable[str]) -> str | None:
    """The closest choice to a mistyped word, or None."""
    options = list(choices)
    if word in SYNONYMS and SYNONYMS[word] in options:
        return SYNONYMS[word]
    lowered = {option.lower().replace("-", "_"): option for option in options}
    probe = word.strip().lower().replace("-", "_").replace(" ", "_")
    if probe in lowered:
        return lowered[probe]
    found = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    return found[0] if found else None


class _Converter:
    def __init__(self, schemas: Schemas, kind: str, file: str, ref: RefLoad) -> None:
        self.schemas = schemas
        self.kind = kind
        self.file = file
        self.ref = ref
        self.out: list[Problem] = []
        self.suggested: dict[str, set[str]] = {}
        self.missing: list[tuple[str, str, Problem]] = []

    def add(self, code: str, pointer: str, at_key: bool = False, **params: Any) -> None:
        line, column = self.ref.position(pointer, at_key)
        problem = make(self.file, code, severity_of(code), pointer, line, column, **params)
        self.out.append(problem)

    def field(self, parts: Parts) -> tuple[str, str]:
        title = self.schemas.field_title(self.kind, parts) if parts else ""
        return title, human_path(parts)

    def convert(self, errors: Iterable[Any]) -> list[Problem]:
        seen: set[tuple[str, tuple[Any, ...]]] = set()
        for error in errors:
            key = (pointer_join(*error.absolute_path), tuple(error.absolute_schema_path))
            if key in seen:
                continue
            seen.add(key)
            self.one(error)
        for parent, name, problem in self.missing:
            if name not in self.suggested.get(parent, set()):
                self.out.append(problem)
        return sorted(self.out, key=Problem.sort_key)

    def one(self, error: Any) -> None:
        keyword = error.validator
        parts: Parts = list(error.absolute_path)
        pointer = pointer_join(*parts)
        if "propertyNames" in error.relative_schema_path:
            self.on_propertyNames(error, parts, pointer)
            return
        handler = getattr(self, "on_" + keyword, None)
        if handler is not None:
            handler(error, parts, pointer)
            return
        title, path = self.field(parts)
        code = KEYWORD_CODES.get(keyword, "schema.other")
        self.add(code, pointer, field=title, key=path, keyword=keyword, value=error.instance)

    # -- keywords with their own shape ---------------------------------------

    def on_required(self, error: Any, parts: Parts, pointer: str) -> None:
        node, base = self.schemas.node_at(self.kind, parts)
        titles = self.schemas.property_titles(node, base)
        own = error.schema.get("properties") if isinstance(error.schema, dict) else None
        instance = error.instance if isinstance(error.instance, dict) else {}
        for name in error.validator_value:
            if name in instance:
                continue
            title = titles.get(name) or (self.schemas.title(own[name], base) if own and name in own else name)
            line, column = self.ref.position(pointer)
            problem = make(
                self.file,
                "schema.required",
                severity_of("schema.required"),
                pointer,
                line,
                column,
                field=title,
                key=human_path([*parts, name]),
            )
            self.missing.append((pointer, name, problem))

    def on_additionalProperties(self, error: Any, parts: Parts, pointer: str) -> None:
        schema = error.schema if isinstance(error.schema, dict) else {}
        allowed = list(schema.get("properties", {}))
        node, base = self.schemas.node_at(self.kind, parts)
        titles = self.schemas.property_titles(node, base)
        instance = error.instance if isinstance(error.instance, dict) else {}
        present = set(instance)
        for extra in instance:
            if extra in allowed:
                continue
            candidates = [name for name in allowed if name not in present]
            guess = suggest(extra, candidates)
            child = pointer + pointer_join(extra)
            if guess:
                self.suggested.setdefault(pointer, set()).add(guess)
                self.add(
                    "schema.unknown-key",
                    child,
                    at_key=True,
                    key=human_path([*parts, extra]),
                    allowed_list=allowed,
                    suggestion=guess,
                    suggestion_field=titles.get(guess, ""),
                )
            else:
                self.add("schema.unknown-key", child, at_key=True, key=human_path([*parts, extra]), allowed_list=allowed)

    def on_type(self, error: Any, parts: Parts, pointer: str) -> None:
        title, path = self.field(parts)
        expected = error.validator_value
        expected_name = expected if isinstance(expected, str) else expected[0]
        instance = error.instance
        if expected_name == "string" and isinstance(instance, (int, float)) and not isinstance(instance, bool):
            self.add("schema.type-quote", pointer, field=title, key=path, value=_plain_number(instance))
            return
        self.add(
            "schema.type",
            pointer,
            field=title,
            key=path,
            expected_type=expected_name,
            actual_type=_json_type(instance),
            value=instance,
        )

    def on_enum(self, error: Any, parts: Parts, pointer: str) -> None:
        title, path = self.field(parts)
        node, base = self.schemas.node_at(self.kind, parts)
        labels = self.schemas.enum_labels(node, base)
        allowed = [f"{value} ({labels[str(value)]})" if str(value) in labels else str(value) for value in error.validator_value]
        guess = suggest(error.instance, [str(v) for v in error.validator_value]) if isinstance(error.instance, str) else None
        params: dict[str, Any] = {"field": title, "key": path, "value": error.instance, "allowed_list": allowed}
        if guess:
            params["suggestion"] = guess
        self.add("schema.enum", pointer, **params)

    def on_const(self, error: Any, parts: Parts, pointer: str) -> None:
        title, path = self.field(parts)
        self.add("schema.const", pointer, field=title, key=path, value=error.instance, expected=error.validator_value)

    def on_pattern(self, error: Any, parts: Parts, pointer: str) -> None:
        title, path = self.field(parts)
        node, base = self.schemas.node_at(self.kind, parts)
        target, _ = self.schemas.deref(node, base)
        description = node.get("description") or target.get("description", "")
        if isinstance(error.schema, dict) and error.schema != target and error.schema.get("description"):
            description = error.schema["description"]  # a shared guard (defs: plain) says what it refuses
        self.add("schema.pattern", pointer, field=title, key=path, value=error.instance, description=description)

    def on_propertyNames(self, error: Any, parts: Parts, pointer: str) -> None:
        # jsonschema reports the inner keyword (pattern, maxLength…) at the mapping, with the key as instance
        title, path = self.field(parts)
        name = error.instance
        node, base = self.schemas.node_at(self.kind, parts)
        target, base = self.schemas.deref(node, base)
        names, _ = self.schemas.deref(target.get("propertyNames", {}), base)
        description = names.get("description", "")
        self.add(
            "schema.property-name",
            pointer + pointer_join(name),
            at_key=True,
            field=title,
            key=path,
            value=name,
            description=description,
        )

    def on_format(self, error: Any, parts: Parts, pointer: str) -> None:
        title, path = self.field(parts)
        value = error.instance
        text = value if isinstance(value, str) else str(value)
        dmy = _DMY.match(text)
        if dmy:
            iso = f"{dmy.group(3)}-{int(dmy.group(2)):02d}-{int(dmy.group(1)):02d}"
            self.add("schema.format-dmy", pointer, field=title, key=path, value=value, iso=iso)
        elif _ISO_SHAPE.match(text):
            self.add("schema.format-impossible", pointer, field=title, key=path, value=value)
        else:
            self.add("schema.format", pointer, field=title, key=path, value=value)

    def _limit(self, code: str, error: Any, parts: Parts, pointer: str, **extra: Any) -> None:
        title, path = self.field(parts)
        self.add(code, pointer, field=title, key=path, limit=error.validator_value, **extra)

    def on_minimum(self, error: Any, parts: Parts, pointer: str) -> None:
        self._limit("schema.minimum", error, parts, pointer, value=error.instance)

    def on_maximum(self, error: Any, parts: Parts, pointer: str) -> None:
        self._limit("schema.maximum", error, parts, pointer, value=error.instance)

    def on_minLength(self, error: Any, parts: Parts, pointer: str) -> None:
        self._limit("schema.min-length", error, parts, pointer)

    def on_maxLength(self, error: Any, parts: Parts, pointer: str) -> None:
        self._limit("schema.max-length", error, parts, pointer, length=len(error.instance))

    def on_minItems(self, error: Any, parts: Parts, pointer: str) -> None:
        self._limit("schema.min-items", error, parts, pointer, count=len(error.instance))

    def on_maxItems(self, error: Any, parts: Parts, pointer: str) -> None:
        self._limit("schema.max-items", error, parts, pointer, count=len(error.instance))

    def on_minProperties(self, error: Any, parts: Parts, pointer: str) -> None:
        node, _base = self.schemas.node_at(self.kind, parts)
        self._limit(
            "schema.min-properties", error, parts, pointer, count=len(error.instance), description=node.get("description", "")
        )

    def on_maxProperties(self, error: Any, parts: Parts, pointer: str) -> None:
        node, _base = self.schemas.node_at(self.kind, parts)
        self._limit(
            "schema.max-properties", error, parts, pointer, count=len(error.instance), description=node.get("description", "")
        )

    def on_uniqueItems(self, error: Any, parts: Parts, pointer: str) -> None:
        title, path = self.field(parts)
        seen: list[Any] = []
        repeated: Any = None
        for item in error.instance:
            if item in seen:
                repeated = item
                break
            seen.append(item)
        self.add("schema.unique-items", pointer, field=title, key=path, value=repeated)

    def on_multipleOf(self, error: Any, parts: Parts, pointer: str) -> None:
        title, path = self.field(parts)
        self.add("schema.multiple-of", pointer, field=title, key=path, value=error.instance, step=error.validator_value)

    def on_anyOf(self, error: Any, parts: Parts, pointer: str) -> None:
        self._alternatives("schema.any-of", error, parts, pointer)

    def on_oneOf(self, error: Any, parts: Parts, pointer: str) -> None:
        self._alternatives("schema.one-of", error, parts, pointer)

    def _alternatives(self, code: str, error: Any, parts: Parts, pointer: str) -> None:
        from jsonschema.exceptions import best_match

        deeper = [sub for sub in error.context if len(sub.absolute_path) > len(error.absolute_path)]
        if deeper:
            best = best_match(deeper)
            if best is not None:
                self.one(best)
                return
        title, path = self.field(parts)
        node, base = self.schemas.node_at(self.kind, parts)
        target, doc = self.schemas.deref(node, base)
        options = []
        for alternative in target.get(error.validator, []):
            sub, _ = self.schemas.deref(alternative, doc)
            options.append(self.schemas.title(alternative, doc) or sub.get("type", "?"))
        self.add(code, pointer, field=title, key=path, options_list=options, value=error.instance)


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"


def _plain_number(value: int | float) -> str:
    if isinstance(value, float) and value.is_integer():
        return f"{value:.1f}"
    return str(value)


def schema_problems(schemas: Schemas, kind: str, value: Any, file: str, ref: RefLoad) -> list[Problem]:
    """Every schema problem of one record, located in its file."""
    validator = schemas.reference_validator(kind)
    return _Converter(schemas, kind, file, ref).convert(validator.iter_errors(value))


def iter_schema_codes() -> Iterator[str]:
    yield from KEYWORD_CODES.values()
    yield from ("schema.type-quote", "schema.format-dmy", "schema.format-impossible", "schema.other")
