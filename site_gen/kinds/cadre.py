"""Cadres: one record per person, filed by their unit, approved by the register keeper.

Cadre files hold exemption reasons (personal data): their YAML is not published and
their exports keep only the year of each exemption."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any, NamedTuple

from site_gen.kinds.columns import FILE, Column, Scope, Table, at
from site_gen.kinds.kind import Kind, Names, Owner
from site_gen.kinds.labels import MEMBERSHIP, ROLE_GROUP
from site_gen.kinds.typed import Model


class CadreExemption(Model):
    """Miễn đi cơ sở."""

    year: int  # Năm được miễn
    reason: str
    from_: dt.date | None = None  # Từ ngày
    to: dt.date | None = None  # Đến ngày
    note: str | None = None  # Ghi chú miễn


class CadreAssignment(Model):
    """Vị trí công tác trước đây."""

    until: dt.date  # Đến hết ngày
    unit: str  # Đơn vị công tác
    post: str  # Chức vụ
    role_group: str
    memberships: tuple[str, ...] = ()  # Diện cán bộ


class Cadre(Model):
    """Cán bộ."""

    kind: str  # Loại hồ sơ
    id: str  # Mã cán bộ
    name: str  # Họ và tên
    unit: str  # Đơn vị công tác
    post: str  # Chức vụ
    role_group: str
    memberships: tuple[str, ...] = ()  # Diện cán bộ
    assignments: tuple[CadreAssignment, ...] = ()  # Công tác trước đây
    exemptions: tuple[CadreExemption, ...] = ()  # Các năm được miễn
    joined: dt.date | None = None  # Ngày nhận công tác
    left: dt.date | None = None  # Ngày thôi công tác
    github: str | None = None  # Tài khoản GitHub


class Assignment(NamedTuple):
    """Where a cadre worked on a day: unit, post, role group, memberships."""

    unit: str
    post: str
    role_group: str
    memberships: tuple[str, ...]


def assignment_on(cadre: Cadre, day: dt.date) -> Assignment:
    """The cadre's assignment on ``day``: the first earlier one that lasts until then, else the current one."""
    for item in cadre.assignments:
        if day <= item.until:
            return Assignment(item.unit, item.post, item.role_group, item.memberships)
    return Assignment(cadre.unit, cadre.post, cadre.role_group, cadre.memberships)


def _exempt_years(scope: Scope) -> Any:
    years = {item.get("year") for item in at(scope, "exemptions") or [] if isinstance(item, Mapping)}
    return sorted(year for year in years if isinstance(year, int)) or None


class CadreKind(Kind[Cadre]):
    def facts(self, data: Mapping[str, Any]) -> tuple[str, ...] | None:
        return (data["unit"], data["role_group"])

    def page(self, data: Mapping[str, Any], names: Names) -> str | None:
        return f"can-bo/{data['id']}.md"

    def describe(self, data: Mapping[str, Any], names: Names) -> str | None:
        return f"Cán bộ: {data['name']}"

    def public(self, data: dict[str, Any]) -> dict[str, Any]:
        if isinstance(data.get("exemptions"), list):
            data["exemptions"] = [{"year": item.get("year")} for item in data["exemptions"] if isinstance(item, Mapping)]
        return data


KIND = CadreKind(
    "cadre",
    "cadre.schema.json",
    "Cán bộ",
    "Cadre",
    "can-bo/{id}.yaml",
    Owner.PERSONNEL,
    "can-bo",
    Table(
        (),
        (
            FILE,
            Column("Mã cán bộ", "id"),
            Column("Họ và tên", "name"),
            Column("Đơn vị công tác", "unit"),
            Column("Chức vụ", "post"),
            Column("Nhóm đối tượng", "role_group", "label", ROLE_GROUP),
            Column("Diện cán bộ", "memberships", "labels", MEMBERSHIP),
            Column("Năm được miễn", "exemptions[].year", "list", get=_exempt_years),
            Column("Ngày nhận công tác", "joined", "date"),
            Column("Ngày thôi công tác", "left", "date"),
        ),
    ),
    context="cadres",
    private=True,
    broken_fields=("id",),
    model=Cadre,
)
