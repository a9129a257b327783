"""Turn JSON Schema errors into problems a unit can act on.

The errors are those of the engine that gave the verdict (jsonschema-rs, see
:mod:`site_gen.schemas`), so a refused record is explained by the very
evaluation that refused it. Each error becomes a problem with a code of its keyword, the Vietnamese title
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
        seen: set[tuple[str, str, str]] = set()
        for error in errors:
            key = (pointer_join(*error.instance_path), str(error.absolute_keyword_location), error.message)
            if key in seen:
                continue
            seen.add(key)
            self.one(error)
        for parent, name, problem in self.missing:
            if name not in self.suggested.get(parent, set()):
                self.out.append(problem)
        formats = {p.pointer for p in self.out if p.code.startswith("schema.format")}
        # A value that is not a date at all breaks the date's pattern too: one message is enough.
        kept = [p for p in self.out if not (p.code == "schema.pattern" and p.pointer in formats)]
        return sorted(kept, key=Problem.sort_key)

    def one(self, error: Any) -> None:
        keyword = error.kind.name
        parts: Parts = list(error.instance_path)
        pointer = pointer_join(*parts)
        handler = getattr(self, "on_" + keyword, None)
        if handler is not None:
            handler(error, parts, pointer)
            return
        title, path = self.field(parts)
        code = KEYWORD_CODES.get(keyword, "schema.other")
        self.add(code, pointer, field=title, key=path, keyword=keyword, value=error.instance)

    def keyword_parent(self, error: Any) -> tuple[dict[str, Any], dict[str, Any]] | None:
        """The schema object holding the keyword that failed, and its document."""
        location = error.absolute_keyword_location
        if not isinstance(location, str) or "#" not in location:
            return None
        found = self.schemas.resolve(location.rsplit("/", 1)[0])
        if found is None or not isinstance(found[0], dict):
            return None
        return found[0], found[1]

    # -- keywords with their own shape ---------------------------------------

    def on_required(self, error: Any, parts: Parts, pointer: str) -> None:
        name = error.kind.property
        node, base = self.schemas.node_at(self.kind, parts)
        titles = self.schemas.property_titles(node, base)
        holder = self.keyword_parent(error)
        own = holder[0].get("properties") if holder else None
        title = titles.get(name) or (self.schemas.title(own[name], holder[1]) if holder and own and name in own else name)
        line, column = self.ref.position(pointer)
        code = "schema.required"
        problem = make(self.file, code, severity_of(code), pointer, line, column, field=title, key=human_path([*parts, name]))
        self.missing.append((pointer, name, problem))

    def on_additionalProperties(self, error: Any, parts: Parts, pointer: str) -> None:
        holder = self.keyword_parent(error)
        properties = holder[0].get("properties", {}) if holder else {}
        allowed = list(properties) if isinstance(properties, dict) else []
        node, base = self.schemas.node_at(self.kind, parts)
        titles = self.schemas.property_titles(node, base)
        instance = error.instance if isinstance(error.instance, dict) else {}
        present = set(instance)
        for extra in error.kind.unexpected:
            candidates = [name for name in allowed if name not in present]
            guess = suggest(extra, candidates)
            child = pointer + pointer_join(extra)
            key = human_path([*parts, extra])
            if guess:
                self.suggested.setdefault(pointer, set()).add(guess)
                field = titles.get(guess, "")
                self.add(
                    "schema.unknown-key",
                    child,
                    at_key=True,
                    key=key,
                    allowed_list=allowed,
                    suggestion=guess,
                    suggestion_field=field,
                )
            else:
                self.add("schema.unknown-key", child, at_key=True, key=key, allowed_list=allowed)

    def on_type(self, error: Any, parts: Parts, pointer: str) -> None:
        title, path = self.field(parts)
        holder = self.keyword_parent(error)
        written = holder[0].get("type") if holder else None
        expected = written if isinstance(written, (str, list)) and written else list(error.kind.types)
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
        options = list(error.kind.options)
        allowed = [f"{value} ({labels[str(value)]})" if str(value) in labels else str(value) for value in options]
        guess = suggest(error.instance, [str(v) for v in options]) if isinstance(error.instance, str) else None
        params: dict[str, Any] = {"field": title, "key": path, "value": error.instance, "allowed_list": allowed}
        if guess:
            params["suggestion"] = guess
        self.add("schema.enum", pointer, **params)

    def on_const(self, error: Any, parts: Parts, pointer: str) -> None:
        title, path = self.field(parts)
        self.add("schema.const", pointer, field=title, key=path, value=error.instance, expected=error.kind.expected_value)

    def on_pattern(self, error: Any, parts: Parts, pointer: str) -> None:
        title, path = self.field(parts)
        node, base = self.schemas.node_at(self.kind, parts)
        target, _ = self.schemas.deref(node, base)
        if target.get("format") == "date":
            # a date's pattern only refuses years before 1000, which no calendar of ours holds
            self.add("schema.format-impossible", pointer, field=title, key=path, value=error.instance)
            return
        description = node.get("description") or target.get("description", "")
        guard = self.schemas.keyword_parent(error.absolute_keyword_location)
        if guard is not None and guard is not target and guard.get("description"):
            description = guard["description"]  # a shared guard (defs: plain) says what it refuses
        self.add("schema.pattern", pointer, field=title, key=path, value=error.instance, description=description)

    def on_propertyNames(self, error: Any, parts: Parts, pointer: str) -> None:
        # the engine reports the inner keyword (pattern, maxLength…) with the key as its instance
        title, path = self.field(parts)
        name = error.kind.error.instance
        node, base = self.schemas.node_at(self.kind, parts)
        target, base = self.schemas.deref(node, base)
        names, _ = self.schemas.deref(target.get("propertyNames", {}), base)
        description = names.get("description", "")
        self.add(
            "schema.property-name",
            pointer + pointer_join(str(name)),
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
        self.add(code, pointer, field=title, key=path, limit=error.kind.limit, **extra)

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
        description = node.get("description", "")
        self._limit("schema.min-properties", error, parts, pointer, count=len(error.instance), description=description)

    def on_maxProperties(self, error: Any, parts: Parts, pointer: str) -> None:
        node, _base = self.schemas.node_at(self.kind, parts)
        description = node.get("description", "")
        self._limit("schema.max-properties", error, parts, pointer, count=len(error.instance), description=description)

    def on_uniqueItems(self, error: Any, parts: Parts, pointer: str) -> None:
        title, path = self.field(parts)
        self.add("schema.unique-items", pointer, field=title, key=path, value=_first_repeated(error.instance))

    def on_multipleOf(self, error: Any, parts: Parts, pointer: str) -> None:
        title, path = self.field(parts)
        self.add("schema.multiple-of", pointer, field=title, key=path, value=error.instance, step=error.kind.multiple_of)

    def on_anyOf(self, error: Any, parts: Parts, pointer: str) -> None:
        self._alternatives("schema.any-of", error, parts, pointer)

    def on_oneOf(self, error: Any, parts: Parts, pointer: str) -> None:
        self._alternatives("schema.one-of", error, parts, pointer)

    def _alternatives(self, code: str, error: Any, parts: Parts, pointer: str) -> None:
        """The most relevant error of the alternatives when one goes deeper than the value, else the options."""
        context = getattr(error.kind, "context", None) or []
        deeper = [sub for branch in context for sub in branch if len(sub.instance_path) > len(parts)]
        if deeper:
            self.one(min(deeper, key=lambda sub: (len(sub.instance_path), sub.kind.name in ("anyOf", "oneOf"))))
            return
        title, path = self.field(parts)
        found = self.schemas.resolve(error.absolute_keyword_location) if error.absolute_keyword_location else None
        alternatives, doc = found if found and isinstance(found[0], list) else ([], {})
        options = []
        for alternative in alternatives:
            sub, _ = self.schemas.deref(alternative, doc)
            options.append(self.schemas.title(alternative, doc) or sub.get("type", "?"))
        self.add(code, pointer, field=title, key=path, options_list=options, value=error.instance)


def _first_repeated(items: Any) -> Any:
    seen: list[Any] = []
    for item in items if isinstance(items, list) else []:
        if any(_same_json(item, other) for other in seen):
            return item
        seen.append(item)
    return None


def _same_json(a: Any, b: Any) -> bool:
    """JSON equality: 1 and 1.0 are the same number, true is not 1."""
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool) and a == b
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_same_json(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_same_json(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return a == b
    return type(a) is type(b) and a == b


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


def schema_problems(
    schemas: Schemas, kind: str, value: Any, file: str, ref: RefLoad, errors: Iterable[Any] | None = None
) -> list[Problem]:
    """Every schema problem of one record, located in its file, from the engine's errors (its own, by default)."""
    found = schemas.errors(kind, value) if errors is None else errors
    return _Converter(schemas, kind, file, ref).convert(found)


def iter_schema_codes() -> Iterator[str]:
    yield from KEYWORD_CODES.values()
    yield from ("schema.type-quote", "schema.format-dmy", "schema.format-impossible", "schema.other")
