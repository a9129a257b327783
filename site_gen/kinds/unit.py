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
    note: str | None = None  # Ghi chú


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
