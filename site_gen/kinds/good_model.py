"""A good model or practice, found on a visit, an inspection or a survey."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from site_gen.kinds.columns import FILE, Column, Scope, Table, at, date_text
from site_gen.kinds.defs import Person
from site_gen.kinds.kind import Kind, Names, Owner, PartitionKey
from site_gen.kinds.typed import Model


class GoodModelFoundInVisit(Model):
    """Chuyến đi cơ sở."""

    cadre: str  # Cán bộ phát hiện
    date: dt.date  # Ngày trong chuyến đi


class GoodModelFoundInInspection(Model):
    """Buổi kiểm tra."""

    plan: str  # Kế hoạch kiểm tra
    unit: str  # Đơn vị được kiểm tra


class GoodModelFoundIn(Model):
    """Nơi phát hiện."""

    visit: GoodModelFoundInVisit | None = None  # Chuyến đi cơ sở
    inspection: GoodModelFoundInInspection | None = None  # Buổi kiểm tra
    survey: str | None = None  # Khảo sát


class GoodModel(Model):
    """Mô hình, cách làm hay."""

    kind: str  # Loại hồ sơ
    id: str  # Mã mô hình
    name: str  # Tên mô hình
    unit: str  # Đơn vị thực hiện
    place: str | None = None  # Địa điểm
    year: int  # Năm ghi nhận
    description: str  # Mô tả
    tags: tuple[str, ...] = ()  # Nhãn
    found_in: GoodModelFoundIn  # Nơi phát hiện
    contact: Person | None = None  # Người liên hệ


def _found_in(scope: Scope) -> Any:
    found = at(scope, "found_in")
    if not isinstance(found, Mapping):
        return None
    visit, inspection, survey = found.get("visit"), found.get("inspection"), found.get("survey")
    if isinstance(visit, Mapping):
        return f"Chuyến đi cơ sở: {visit.get('cadre', '')}, {date_text(visit.get('date', ''))}"
    if isinstance(inspection, Mapping):
        return f"Buổi kiểm tra: {inspection.get('plan', '')}, {inspection.get('unit', '')}"
    if survey:
        return f"Khảo sát: {survey}"
    return None


def _contact(scope: Scope) -> Any:
    person = at(scope, "contact")
    if not isinstance(person, Mapping) or not person.get("name"):
        return None
    return f"{person['name']} ({person['post']})" if person.get("post") else person["name"]


class GoodModelKind(Kind[GoodModel]):
    def partitions(self, data: Mapping[str, Any]) -> list[PartitionKey]:
        found = data["found_in"]
        if "visit" in found:
            return [("cadre", found["visit"]["cadre"])]
        if "inspection" in found:
            return [("inspection", found["inspection"]["plan"])]
        return []

    def page(self, data: Mapping[str, Any], names: Names) -> str | None:
        return f"mo-hinh/{data['id']}.md"

    def describe(self, data: Mapping[str, Any], names: Names) -> str | None:
        return f"Mô hình: {data['name']}"


KIND = GoodModelKind(
    "good-model",
    "good-model.schema.json",
    "Mô hình, cách làm hay",
    "Good model",
    "mo-hinh/{id}.yaml",
    Owner.UNIT,
    "mo-hinh",
    Table(
        (),
        (
            FILE,
            Column("Mã mô hình", "id"),
            Column("Tên mô hình", "name"),
            Column("Đơn vị thực hiện", "unit"),
            Column("Địa điểm", "place"),
            Column("Năm ghi nhận", "year", "number"),
            Column("Mô tả", "description"),
            Column("Nhãn", "tags", "list"),
            Column("Nơi phát hiện", "found_in", get=_found_in),
            Column("Người liên hệ", "contact", get=_contact),
        ),
    ),
    context="models",
    broken_fields=("id",),
    model=GoodModel,
)
