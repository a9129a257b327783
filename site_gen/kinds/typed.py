"""Typed record models: what a record says, as objects with declared fields instead of raw dicts.

Each kind module declares its record's model (``class Registration(Model)``)
and the models of its parts (rows, teams …) with annotated fields, the names
and types its schema gives them; ``tests/test_models.py`` holds every model to
its schema (each property a field, optional exactly when the schema does not
require it, each type the schema's), so the two cannot drift apart.

A model is built only from data that passed its schema, once per record and
only when a layer asks for it (:attr:`site_gen.model.Record.model`). Building
is a plain walk: dates (``format: date``) become :class:`datetime.date`,
arrays tuples, nested objects their models; a field the data leaves out takes
the default declared in the class (None for an optional value, ``()`` for an
optional list). A field named like a Python keyword or a tuple method
ends in ``_`` (``from_`` for ``from``, ``count_`` for ``count``).

Models are tuples underneath, as ``collections.namedtuple`` is: a field is
read through a C-level getter and a model is built by one tuple call, so a
cold ``check`` of 10,000 records builds its ~60,000 models in the time the
rules used to spend parsing the same dates again and again. The metaclass
turns the annotations into getters without generating a class (a
``dataclass`` costs about 0.7 ms a class at import, which every ``check`` run
would pay sixty times); the loader of a class is written the first time the
class is loaded from data.
"""

from __future__ import annotations

import datetime as dt
import operator
import sys
import types
import typing
from collections.abc import Callable, Mapping
from functools import partial
from typing import Any, ClassVar, TypeVar

_MISSING: Any = object()
Convert = Callable[[Any], Any]
M = TypeVar("M", bound="Model")

try:  # the getter namedtuple uses: a field read costs what a tuple index does
    from collections import _tuplegetter  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - another Python implementation
    _tuplegetter = None


def _getter(index: int, doc: str) -> Any:
    if _tuplegetter is not None:
        return _tuplegetter(index, doc)
    return property(operator.itemgetter(index), doc=doc)  # pragma: no cover


class ModelMeta(type):
    """Makes each annotated name a field read from its place in the tuple; class-level values become defaults."""

    def __new__(mcs, name: str, bases: tuple[type, ...], namespace: dict[str, Any]) -> ModelMeta:
        annotations = namespace.get("__annotations__", {})
        fields = tuple(key for key, note in annotations.items() if not str(note).startswith("ClassVar"))
        defaults = {key: namespace.pop(key) for key in fields if key in namespace}
        inherited: tuple[str, ...] = ()
        for base in bases:
            inherited = getattr(base, "_fields", inherited)
        for index, key in enumerate(fields, start=len(inherited)):
            namespace[key] = _getter(index, f"{name}.{key}")
        namespace["__slots__"] = ()
        namespace["_fields"] = inherited + fields
        namespace["_defaults"] = {**getattr(bases[0], "_defaults", {}), **defaults} if bases else defaults
        return super().__new__(mcs, name, bases, namespace)


class Model(tuple, metaclass=ModelMeta):  # type: ignore[type-arg]
    """A record, or a part of one, as its schema declares it. Read-only: layers read it, never change it."""

    __slots__ = ()
    _fields: ClassVar[tuple[str, ...]]
    _defaults: ClassVar[dict[str, Any]]
    _loader: ClassVar[Convert | None] = None

    @classmethod
    def load(cls: type[M], data: Mapping[str, Any]) -> M:
        """The model of ``data``, which passed the schema this class mirrors."""
        loader = cls.__dict__.get("_loader") or _compile(cls)
        return loader(data)  # type: ignore[no-any-return]

    @classmethod
    def keys(cls) -> dict[str, str]:
        """The data key of each field (``from_`` reads ``from``)."""
        return {attr: attr.removesuffix("_") for attr in cls._fields}

    def get(self, name: str, default: Any = None) -> Any:
        """A field by its data key, for templates and tables that name fields in text (``rows[].from``)."""
        value = getattr(self, name if name in self._fields else f"{name}_", None)
        return default if value is None else value

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and tuple.__eq__(self, other)

    def __ne__(self, other: object) -> bool:
        return not self == other

    __hash__ = tuple.__hash__

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={value!r}" for name, value in zip(self._fields, self, strict=True) if value not in (None, ()))
        return f"{type(self).__name__}({shown})"


def _compile(cls: type[Model]) -> Convert:
    """Write the loader of ``cls``: one expression building the tuple (a loop over the fields costs twice as much)."""
    hints = _hints(cls)
    scope: dict[str, Any] = {"new": tuple.__new__, "cls": cls}
    fast = []  # what the loader reads: required fields by subscript, converted without a test; the others by get()
    lenient: list[tuple[str, Any, Convert | None]] = []  # each field's key, default and converter
    for index, attr in enumerate(cls._fields):
        optional, inner = _strip_none(hints[attr])
        key = attr.removesuffix("_")
        value = f"v{index}"
        default = cls._defaults.get(attr, () if _origin(inner) is tuple else None)
        lenient.append((key, default, _callable(inner)))
        if attr in cls._defaults or _origin(inner) is tuple or optional:
            scope[f"default{index}"] = default
            built = _expression(inner, value, f"convert{index}", scope)
            fast.append(
                f"get({key!r}, default{index})"
                if built is None
                else f"(default{index} if ({value} := get({key!r})) is None else {built})"
            )
        else:
            fast.append(_expression(inner, f"data[{key!r}]", f"convert{index}", scope) or f"data[{key!r}]")
    # The schema guarantees the required fields; only data that leaves one out or gives it as null (a record
    # built by hand in a test) takes the slow way, where such a field is None.
    scope["slow"] = partial(_load_leniently, cls, tuple(lenient))
    source = (
        "def load(data):\n    get = data.get\n    try:\n        return new(cls, ("
        + ", ".join(fast)
        + ("," if len(fast) == 1 else "")
        + "))\n    except (KeyError, TypeError):\n        return slow(data)\n"
    )
    exec(source, scope)
    loader: Convert = scope["load"]
    cls._loader = loader
    return loader


def _load_leniently(cls: type[Model], fields: tuple[tuple[str, Any, Convert | None], ...], data: Mapping[str, Any]) -> Any:
    values = []
    for key, default, convert in fields:
        value = data.get(key)
        values.append(default if value is None else value if convert is None else convert(value))
    return tuple.__new__(cls, values)


def _callable(note: Any) -> Convert | None:
    """What :func:`_expression` writes, as a function."""
    if _origin(note) is tuple:
        element = _converter(typing.get_args(note)[0])
        if element is None:
            return tuple
        return lambda values: tuple(map(element, values))
    return _converter(note)


def _hints(cls: type[Model]) -> dict[str, Any]:
    """The fields' types: the annotations evaluated in the class's module (``typing.get_type_hints`` walks the
    whole MRO, ``tuple`` included, and costs a check run ten times as much)."""
    names = vars(sys.modules[cls.__module__])
    notes: dict[str, Any] = {}
    for klass in reversed(cls.__mro__):
        notes.update(vars(klass).get("__annotations__", {}))
    return {attr: eval(notes[attr], names) if isinstance(notes[attr], str) else notes[attr] for attr in cls._fields}


def _origin(note: Any) -> Any:
    return typing.get_origin(note) or note


def _strip_none(note: Any) -> tuple[bool, Any]:
    if _origin(note) in (typing.Union, types.UnionType):
        args = [arg for arg in typing.get_args(note) if arg is not type(None)]
        if len(args) < len(typing.get_args(note)):
            return True, args[0] if len(args) == 1 else typing.Union[tuple(args)]  # noqa: UP007
    return False, note


def _expression(note: Any, value: str, name: str, scope: dict[str, Any]) -> str | None:
    """The loader's expression building a value of type ``note`` from the variable ``value`` (None: taken as it is).
    A tuple's elements are mapped in place (a helper function would add a call per list)."""
    if _origin(note) is tuple:
        element = _converter(typing.get_args(note)[0])
        if element is None:
            return f"tuple({value})"
        scope[name] = element
        return f"tuple(map({name}, {value}))"
    convert = _converter(note)
    if convert is None:
        return None
    scope[name] = convert
    return f"{name}({value})"


def _converter(note: Any) -> Convert | None:
    """How a value of type ``note`` is built from its data, None when it is taken as it is."""
    origin = _origin(note)
    if note is dt.date:
        return dt.date.fromisoformat
    if isinstance(note, type) and issubclass(note, Model):
        return note.__dict__.get("_loader") or _compile(note)  # the loader itself: no call of load() in between
    if origin is tuple:
        element = _converter(typing.get_args(note)[0])
        if element is None:
            return tuple
        return lambda values: tuple(map(element, values))
    if origin in (dict, Mapping):
        member = _converter(typing.get_args(note)[1])
        if member is None:
            return dict
        return lambda values: {key: member(value) for key, value in values.items()}
    if origin in (typing.Union, types.UnionType):
        # a text or an object (a cadre's id, or a person outside the list): the object's model when it is one
        models = [arg for arg in typing.get_args(note) if isinstance(arg, type) and issubclass(arg, Model)]
        if models:
            model = models[0]
            return lambda value: model.load(value) if isinstance(value, Mapping) else value
        return None
    return None
