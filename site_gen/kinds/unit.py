"""The register of units: one record per unit, kept by the register keeper."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from site_gen.kinds.columns import FILE, Column, Table
from site_gen.kinds.kind import Kind, Names, Owner
from site_gen.kinds.labels import DISADVANTAGED, LOCALITY_LEVEL, UNIT_TYPE
from site_gen.kinds.typed import Model


class UnitLocality(Model):
    """Địa bàn."""

    name: str  # Tên địa bàn
    level: str | None = None  # Cấp hành chính
    code: str | None = None  # Mã đơn vị hành chính


class UnitHistory(Model):
    """Trạng thái trước đây (trường bỏ trống: như trạng thái sau nó)."""

    until: dt.date  # Đến hết ngày
    name: str | None = None  # Tên đơn vị khi đó
    short_name: str | None = None  # Tên ngắn khi đó
    parent: str | None = None  # Đơn vị cấp trên khi đó
    type: str | None = None  # Loại đơn vị khi đó
    sector: str | None = None  # Khu vực khi đó
    locality: UnitLocality | None = None  # Địa bàn khi đó


class Unit(Model):
    """Đơn vị."""

    kind: str  # Loại hồ sơ
    id: str  # Mã đơn vị
    name: str  # Tên đơn vị
    short_name: str | None = None  # Tên ngắn
    abbreviation: str | None = None  # Tên viết tắt
    type: str  # Loại đơn vị
    parent: str | None = None  # Đơn vị cấp trên
    committee: str | None = None  # Thuộc tổ chức tiền thân
    sector: str | None = None  # Khu vực
    locality: UnitLocality | None = None  # Địa bàn
    disadvantaged: tuple[str, ...] = ()  # Địa bàn khó khăn
    approvers: tuple[str, ...] = ()  # Người duyệt
    submitters: tuple[str, ...] = ()  # Người nộp
    established: dt.date | None = None  # Ngày thành lập
    dissolved: dt.date | None = None  # Ngày giải thể, sáp nhập
    history: tuple[UnitHistory, ...] = ()  # Trạng thái trước đây
    note: str | None = None  # Ghi chú


# The fields an earlier state may say (the others keep the unit's own value), by their place in the unit's tuple.
_DATED = tuple((Unit._fields.index(name), UnitHistory._fields.index(name)) for name in UnitHistory._fields[1:])


def unit_on(unit: Unit, day: dt.date) -> Unit:
    """The unit as it was on ``day``: the first earlier state that lasts until then, else the unit itself.

    A field a state leaves out is as in the state after it (in the end, the unit's current value). A unit with no
    history is returned as it is (no copy), so asking costs one attribute read.
    """
    history = unit.history
    for index, state in enumerate(history):
        if day <= state.until:
            values = list(unit)
            for later in reversed(history[index:]):  # the nearest later state's values win over the current ones
                for at_unit, at_state in _DATED:
                    value = later[at_state]
                    if value is not None:
                        values[at_unit] = value
            return tuple.__new__(Unit, values)
    return unit


def exists_on(unit: Unit, day: dt.date) -> bool:
    """The unit existed on ``day``: established on or before it, not dissolved by it."""
    return (unit.established is None or unit.established <= day) and (unit.dissolved is None or day < unit.dissolved)


def states(unit: Unit) -> list[tuple[dt.date | None, dt.date | None, Unit]]:
    """The unit's states in time order: (first day or None, last day or None, the unit as it was then)."""
    result: list[tuple[dt.date | None, dt.date | None, Unit]] = []
    start = unit.established
    for state in unit.history:
        result.append((start, state.until, unit_on(unit, state.until)))
        start = state.until + dt.timedelta(days=1)
    end = unit.dissolved - dt.timedelta(days=1) if unit.dissolved is not None else None
    result.append((start, end, unit))
    return result


def name_on(unit: Unit, day: dt.date | None) -> str:
    """The unit's full name on ``day`` (today's name when there is no day)."""
    return unit_on(unit, day).name if day is not None and unit.history else unit.name


class UnitKind(Kind[Unit]):
    def describe(self, data: Mapping[str, Any], names: Names) -> str | None:
        return f"Đơn vị: {data['name']}"


KIND = UnitKind(
    "unit",
    "unit.schema.json",
    "Đơn vị",
    "Unit",
    "don-vi/{id}.yaml",
    Owner.REGISTER,
    "don-vi",
    Table(
        (),
        (
            FILE,
            Column("Mã đơn vị", "id"),
            Column("Tên đơn vị", "name"),
            Column("Tên ngắn", "short_name"),
            Column("Tên viết tắt", "abbreviation"),
            Column("Loại đơn vị", "type", "label", UNIT_TYPE),
            Column("Đơn vị cấp trên", "parent"),
            Column("Thuộc tổ chức tiền thân", "committee"),
            Column("Khu vực", "sector"),
            Column("Tên địa bàn", "locality.name"),
            Column("Cấp hành chính", "locality.level", "label", LOCALITY_LEVEL),
            Column("Mã đơn vị hành chính", "locality.code"),
            Column("Địa bàn khó khăn", "disadvantaged", "labels", DISADVANTAGED),
            Column("Ngày thành lập", "established", "date"),
            Column("Ngày giải thể, sáp nhập", "dissolved", "date"),
            Column("Ghi chú", "note"),
        ),
    ),
    context="units",
    broken_fields=("id",),
    model=Unit,
)
