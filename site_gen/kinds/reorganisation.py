"""A decision that reorganises units (merge, absorb, split, establish, dissolve, rename, transfer) on a date.

The register keeps each unit's own dates (``established``, ``dissolved``);
a reorganisation records, once, which units came before and after, as the
decision issued them, so that a year's figures can follow a unit through
the 2025 reform and rules can hold the unit dates to the decision.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from site_gen.kinds.columns import FILE, Column, Table
from site_gen.kinds.defs import Document
from site_gen.kinds.kind import Kind, Names, Owner
from site_gen.kinds.labels import REORGANISATION_CHANGE
from site_gen.kinds.typed import Model


class ReorganisationChange(Model):
    """Thay đổi."""

    change: str  # Loại thay đổi
    from_: tuple[str, ...] = ()  # Đơn vị trước
    to: tuple[str, ...] = ()  # Đơn vị sau
    note: str | None = None  # Ghi chú


class Reorganisation(Model):
    """Quyết định sắp xếp tổ chức."""

    kind: str  # Loại hồ sơ
    id: str  # Mã quyết định sắp xếp
    document: Document
    effective: dt.date  # Ngày có hiệu lực
    changes: tuple[ReorganisationChange, ...]  # Các thay đổi
    note: str | None = None  # Ghi chú


# The changes after which the units before no longer exist, and those that make new units: the rules hold the
# register's dates to the decision's effective date by them.
ENDS_BEFORE = frozenset({"merge", "absorb", "split", "dissolve"})
STARTS_AFTER = frozenset({"merge", "split", "establish"})
# The changes after which the unit keeps its id with another name, parent or place: its history records the state
# before, until the day before the effective date.
DATED = frozenset({"rename", "transfer"})
# How many units each change names before and after (None: any number, at least one; 0: none).
SHAPE: dict[str, tuple[int | None, int | None]] = {
    "merge": (None, 1),
    "absorb": (None, 1),
    "split": (1, None),
    "establish": (0, None),
    "dissolve": (None, 0),
    "rename": (1, 0),
    "transfer": (1, 0),
}


class ReorganisationKind(Kind[Reorganisation]):
    def describe(self, data: Mapping[str, Any], names: Names) -> str | None:
        return f"Quyết định sắp xếp tổ chức: {data['document']['number']}"


KIND = ReorganisationKind(
    "reorganisation",
    "reorganisation.schema.json",
    "Quyết định sắp xếp tổ chức",
    "Reorganisation",
    "to-chuc/sap-xep/{id}.yaml",
    Owner.REGISTER,
    "sap-xep-to-chuc",
    Table(
        ("changes",),
        (
            FILE,
            Column("Mã quyết định sắp xếp", "id"),
            Column("Số văn bản", "document.number"),
            Column("Ngày ban hành", "document.date", "date"),
            Column("Ngày có hiệu lực", "effective", "date"),
            Column("Loại thay đổi", "changes[].change", "label", REORGANISATION_CHANGE),
            Column("Đơn vị trước", "changes[].from", "list"),
            Column("Đơn vị sau", "changes[].to", "list"),
            Column("Ghi chú", "changes[].note"),
        ),
    ),
    context="reorganisations",
    broken_fields=("id",),
    model=Reorganisation,
)
