"""The repository as intake sees it: read once, the record an answer targets found or placed.

:func:`load` reads the repository the way the checker does (files, schemas,
the context of units, cadres and plans) without running its rules: the
rules run once, on the staged result (:mod:`site_gen.intake.commit`).
A :class:`Target` is the record an intake writes: an existing one (its
file, text and value) or a new one at its place in the layout, as ``site-gen
new`` would write it.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from site_gen.bundle import BUNDLED_DIR
from site_gen.checker import Checker, CheckResult
from site_gen.discover import SUBMISSIONS
from site_gen.intake import yaml_edit
from site_gen.kinds import INSPECTION_PLAN, Kind
from site_gen.kinds.inspection_plan import InspectionPlanSchedule
from site_gen.kinds.intake import Draft, Invalid
from site_gen.loader import MAX_BYTES, load_bytes
from site_gen.model import Context, Record
from site_gen.safefs import Refused, read_regular
from site_gen.scaffold import render as render_record
from site_gen.schemas import SCHEMA_DIR, Schemas


class _Reader(Checker):
    """The checker's read of the repository (files, schemas, context), without its rules."""

    def __init__(self, root: Path) -> None:
        super().__init__(root, use_cache=False)
        self.checks = []


@dataclass
class Loaded:
    """The repository read once: what the kinds' builders look things up in (a :class:`~site_gen.kinds.intake.Workbench`)."""

    root: Path
    before: CheckResult  # the read's result (its problems: those of the files, not of the rules)
    schemas: Schemas
    today: str = ""  # ISO date of the intake: a record's date when none is written
    ctx: Context = field(init=False)
    records: list[Record] = field(init=False)

    def __post_init__(self) -> None:
        self.ctx = self.before.context
        self.records = self.before.records()

    def existing(self, kind: Kind, match: Callable[[dict[str, Any]], bool]) -> Record | None:
        """The first record of ``kind`` (by path) that ``match`` accepts."""
        found = [r for r in self.records if r.kind == kind.name and match(r.data)]
        return sorted(found, key=lambda r: r.file)[0] if found else None

    def layout_path(self, kind: Kind, unit: str, **fields: Any) -> str:
        """Where a new record of ``kind`` for ``unit`` goes (the register's owner holds the registers)."""
        owner = unit
        if not kind.filed_by_unit and self.ctx.org is not None:
            owner = str(self.ctx.org.data["register_owner"])
        return f"{SUBMISSIONS}/{owner}/{kind.path.format(**fields)}"

    def folder_path(self, folder: str, relative: str) -> str:
        return f"{SUBMISSIONS}/{folder}/{relative}"

    def schedule_row(self, plan: str, unit: str) -> InspectionPlanSchedule | None:
        record = self.ctx.plan(INSPECTION_PLAN, plan)
        found = self.ctx.schedule_row(record, unit) if record is not None else None
        return found[1] if found is not None else None

    edit_list = staticmethod(yaml_edit.edit_list)
    set_scalar = staticmethod(yaml_edit.set_scalar)
    comment_first_item = staticmethod(yaml_edit.comment_first_item)
    item_markers = staticmethod(yaml_edit.item_markers)

    def build(self, kind: Kind, answers: Any) -> Draft:
        """The draft record ``answers`` make: the kind's own builder, run against this repository."""
        return kind.build(answers, self)

    def ordered(self, kind: Kind, value: dict[str, Any]) -> dict[str, Any]:
        """``value`` with its keys in the order of the kind's schema (unknown keys last)."""
        properties = list(self.schemas.kind_schema[kind.name].get("properties", {}))
        keys = [k for k in properties if k in value] + [k for k in value if k not in properties]
        return {k: value[k] for k in keys}

    def render_new(self, kind: Kind, path: str, value: dict[str, Any]) -> str:
        """The record as ``site-gen new`` writes it."""
        bundled = self.root / SCHEMA_DIR / BUNDLED_DIR / kind.schema
        schema = os.path.relpath(bundled, (self.root / path).parent).replace(os.sep, "/")
        return render_record(self.schemas, kind.name, value, schema)

    def rerender(self, kind: Kind, path: str, text: str | None, value: dict[str, Any]) -> str:
        """The edited text when it reads back as ``value``; else the record written anew."""
        if text is not None and loads(text, path) == value:
            return text
        return self.render_new(kind, path, value)

    def read_target(self, path: str) -> tuple[str, dict[str, Any]] | None:
        """The text and value of the record at ``path``; None when there is none."""
        full = self.root / path
        if not os.path.lexists(full):
            return None
        try:  # never through a link, never blocking, never past the size limit
            raw = read_regular(str(full), MAX_BYTES).decode("utf-8")
        except (Refused, UnicodeDecodeError):
            raise Invalid("issue.target-broken", path=path) from None
        text = raw.replace("\r\n", "\n").replace("\r", "\n")  # as text mode reads it
        data = loads(text, path)
        if data is None:
            raise Invalid("issue.target-broken", path=path)
        return text, data


def load(root: Path, today: str = "") -> Loaded:
    """Read the repository once (no rules)."""
    reader = _Reader(root)
    return Loaded(root, reader.run(), reader.schemas, today)


def loads(text: str, path: str) -> dict[str, Any] | None:
    loaded = load_bytes(text.encode("utf-8"), path)
    return loaded.value if not loaded.problems and isinstance(loaded.value, dict) else None


@dataclass
class Change:
    """A file an intake writes: its path (relative to the root), its text, and what it did."""

    path: str
    text: str
    created: bool
    notes: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
