"""Cadres: one record per person, filed by their unit, approved by the register keeper.

Cadre files hold exemption reasons (personal data): their YAML is not published and
their exports keep only the year of each exemption."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from site_gen.kinds.columns import FILE, Column, Scope, Table, at
from site_gen.kinds.kind import Kind, Names, Owner
from site_gen.kinds.labels import MEMBERSHIP, ROLE_GROUP


def _exempt_years(scope: Scope) -> Any:
    years = {item.get("year") for item in at(scope, "exemptions") or [] if isinstance(item, Mapping)}
    return sorted(year for year in years if isinstance(year, int)) or None


class Cadre(Kind):
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


KIND = Cadre(
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
)
