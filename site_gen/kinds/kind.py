"""What a record kind is: the one type every kind module fills in.

A kind module (``site_gen/kinds/registration.py`` …) declares, in one place,
what the layers need to know about its records: the schema, the labels,
where the files live and who approves them, whether the records are
reference data (and under which :class:`~site_gen.model.Context` table),
the export table, and the hooks whose answer depends on the kind (cache
partitions, the key of a record that failed its schema, the page that shows
a record, its short description, its title in a comparison, the pages and
deadlines it adds to the site, how typed answers from a form build a record).
A kind with
behaviour of its own subclasses :class:`Kind` and overrides the hooks; the
defaults say "nothing special".

Each kind module also declares the typed model of its records
(:mod:`site_gen.kinds.typed`); hooks that run on records that may have failed
their schema (partitions, keys) read the data as a plain mapping. This package
depends on no other layer.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any, Generic, NamedTuple, Protocol

from site_gen.kinds.columns import Table
from site_gen.kinds.typed import Model

PartitionKey = tuple[str, ...]
if TYPE_CHECKING:  # a bare ``Kind`` is any kind: its records' model is a Model
    from typing_extensions import TypeVar

    from site_gen.kinds.intake import Draft, Workbench

    M = TypeVar("M", bound=Model, default=Model, covariant=True)
else:
    from typing import TypeVar

    M = TypeVar("M", bound=Model, covariant=True)


class Owner(enum.Enum):
    """Whose folder holds a kind's files and who approves them (scaffold, CODEOWNERS)."""

    REGISTER = "register"
    """The register of units and the organisation: the register keeper's folder, the keeper approves."""
    ISSUED = "issued"
    """Issued by the Standing Committee, drafted by the department whose folder holds it."""
    PERSONNEL = "personnel"
    """Filed in the folder of the unit it is about, approved by the register keeper (cadres)."""
    UNIT = "unit"
    """Filed in, and approved by, the unit it is about."""


class Names(Protocol):
    """What the page and description hooks may ask of the loaded records."""

    def cadre_name(self, ident: str) -> str: ...

    def unit_name(self, ident: str) -> str: ...

    def unit_name_on(self, ident: str, day: Any) -> str:
        """The unit's name on ``day`` (the record's ISO date; today's name when it is not one)."""
        ...

    def plan_year(self, plan_id: str) -> int | None:
        """The year of a field-visit plan, None when there is no such plan."""
        ...

    def has(self, kind: Kind, ident: str) -> bool:
        """True when a valid record of ``kind`` has this id."""
        ...


class RecordView(Protocol):
    """What a kind's page hooks read of a loaded record (:class:`site_gen.model.Record`)."""

    @property
    def file(self) -> str: ...

    @property
    def kind(self) -> str: ...

    @property
    def data(self) -> dict[str, Any]: ...

    @property
    def id(self) -> str: ...

    @property
    def folder(self) -> str:
        """The owning unit's folder: the first folder under submissions/."""
        ...

    @property
    def model(self) -> Model:
        """The record's typed model (:meth:`Kind.model_of` types it by kind)."""
        ...


class SiteView(Names, Protocol):
    """What a kind's page hooks may ask of the loaded site (:class:`site_gen.site.data.SiteData`): pure lookups."""

    @property
    def today(self) -> dt.date:
        """The day of the last commit."""
        ...

    def kind(self, name: str) -> Sequence[RecordView]:
        """The valid records of a kind, in file order."""
        ...

    def units_sorted(self, idents: Iterable[str]) -> list[str]:
        """Unit ids in the order of their Vietnamese names."""
        ...


@dataclass
class KindPage:
    """A page a kind adds to the site, planned and rendered like the site's own pages.

    ``section`` names the section it belongs to (the folder of a section index,
    such as ``khao-sat``): that index lists it, under the kind's label, with
    ``summary`` after the link. ``sources`` are the records it shows.
    """

    path: str
    template: str
    title: str
    values: dict[str, Any] = field(default_factory=dict)
    sources: list[Any] = field(default_factory=list)
    section: str | None = None
    summary: str = ""


class Deadline(NamedTuple):
    """A deadline the records set, for the home page: ``missing`` names who has not answered yet."""

    date: str
    title: str
    page: str
    missing: tuple[str, ...] = ()
    done: int = 0
    expected: int = 0
    who: str = "đơn vị"  # what is counted: units, or people ("người") for registrations


KindDeadline = Deadline
"""What a kind's ``deadlines`` hook gives: the site's own deadline type."""


def text_key(value: Mapping[str, Any], keys: tuple[str, ...]) -> str | None:
    """``|``-joined texts of ``keys`` in ``value``, None when one is missing or not a text."""
    parts = [value.get(key) for key in keys]
    # "di-co-so-2025\n" (a block scalar) still names di-co-so-2025 for the rules
    return "|".join(str(p).strip() for p in parts) if parts and all(isinstance(p, str) for p in parts) else None


@dataclass(frozen=True, eq=False)
class Kind(Generic[M]):
    """One record kind. Kinds compare by identity: there is one object per kind, in :data:`site_gen.kinds.KINDS`.

    ``path`` is where ``site-gen new`` writes a record of the kind, relative to
    ``submissions/<owning unit>/``. ``context`` names the :class:`Context`
    table of reference data (``units``, ``plans`` …), None for the bulk of the
    submissions (checked in partitions). ``slug`` names the export files.
    ``identity`` lists the fields that make a record without an ``id`` the same
    record when its file moves; ``broken_fields`` what a record that failed its
    schema still tells the rules. ``private``: the raw YAML is not published.
    """

    name: str
    schema: str
    label_vi: str
    label_en: str
    path: str
    owner: Owner
    slug: str
    export: Table
    context: str | None = None
    private: bool = False
    identity: tuple[str, ...] = ()
    broken_fields: tuple[str, ...] = ()
    model: type[M] = field(kw_only=True)

    def __repr__(self) -> str:
        return f"Kind({self.name})"

    @cached_property
    def path_pattern(self) -> re.Pattern[str]:
        """``path`` as a pattern: each ``{placeholder}`` stands for one path segment."""
        parts = re.split(r"(\{[a-z]+\})", self.path)
        return re.compile("".join("[^/]+" if part.startswith("{") else re.escape(part) for part in parts) + r"\Z")

    @property
    def filed_by_unit(self) -> bool:
        """Filed in the folder of the unit it is about (else in the register keeper's folder)."""
        return self.owner in (Owner.UNIT, Owner.PERSONNEL)

    def model_of(self, record: RecordView) -> M:
        """The typed model of a record of this kind."""
        assert record.kind == self.name, (record.kind, self.name)
        return record.model  # type: ignore[return-value]  # a record of this kind holds this kind's model

    # -- hooks: the defaults ------------------------------------------------------

    def build(self, answers: Any, bench: Workbench) -> Draft:
        """The record typed answers make (:mod:`site_gen.kinds.intake`): kinds that units file through a form say how."""
        raise TypeError(f"{self.name} records are not built from answers")

    def partitions(self, data: Mapping[str, Any]) -> list[PartitionKey]:
        """The rule partitions a valid record belongs to, beside its own record scope."""
        return []

    def facts(self, data: Mapping[str, Any]) -> tuple[str, ...] | None:
        """What the checker's cache keeps of a valid record to rebuild the context without reading it."""
        return None

    def broken_key(self, value: Mapping[str, Any], path: str) -> str | None:
        """What a record that failed its schema still says (``|``-joined, ``*`` for "any"), None when nothing."""
        return text_key(value, self.broken_fields) if self.broken_fields else None

    def unreadable_key(self, stem: str) -> str:
        """The key of a file that would not even load, from its file name (``*``: any record of the kind)."""
        return "*"

    def page(self, data: Mapping[str, Any], names: Names) -> str | None:
        """The site page that shows a record, None when it has none."""
        return None

    def pages(self, site: SiteView) -> Iterable[KindPage]:
        """The pages the kind adds to the site (beyond those the site plans itself), from the loaded records."""
        return ()

    def deadlines(self, site: SiteView) -> Iterable[KindDeadline]:
        """The deadlines the kind's records set (beyond those the site lists itself)."""
        return ()

    def describe(self, data: Mapping[str, Any], names: Names) -> str | None:
        """A short Vietnamese name for a record, for lists of changes (None: its document's title)."""
        return None

    def diff_title(self, data: Mapping[str, Any], label: str, cadre: str, unit: str, lang: str) -> str | None:
        """The title of a changed record in a comparison (``cadre``, ``unit``: the names it refers to)."""
        return None

    def public(self, data: dict[str, Any]) -> dict[str, Any]:
        """The record's data as it may be published (``data`` is a copy that may be changed)."""
        return data
