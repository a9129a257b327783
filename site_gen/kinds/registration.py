"""Form 1: a cadre's registration of the visits they plan in a year."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from site_gen.kinds.cadre import KIND as CADRE
from site_gen.kinds.columns import FILE, Column, Table
from site_gen.kinds.kind import Kind, Names, Owner, PartitionKey
from site_gen.kinds.typed import Model


class RegistrationRow(Model):
    """Dòng đăng ký."""

    category: str  # Nội dung
    topic: str | None = None  # Chuyên đề
    days: int  # Số ngày đi
    from_: dt.date  # Từ ngày
    to: dt.date  # Đến ngày
    places: tuple[str, ...]  # Địa điểm
    place: str | None = None  # Ghi rõ địa điểm
    purpose: str | None = None  # Mục đích, hoạt động dự kiến


class Registration(Model):
    """Bản đăng ký đi công tác cơ sở (mẫu 1)."""

    kind: str  # Loại hồ sơ
    plan: str  # Kế hoạch
    cadre: str  # Cán bộ đăng ký
    post: str | None = None  # Chức vụ khi đăng ký
    submitted: dt.date  # Ngày nộp
    approved_by: str | None = None  # Lãnh đạo phê duyệt
    approved_on: dt.date | None = None  # Ngày phê duyệt
    rows: tuple[RegistrationRow, ...]  # Nội dung đăng ký
    note: str | None = None  # Ghi chú


class RegistrationKind(Kind[Registration]):
    def partitions(self, data: Mapping[str, Any]) -> list[PartitionKey]:
        return [("cadre", data["cadre"])]

    def unreadable_key(self, stem: str) -> str:
        return f"{stem}|*"  # the file is named after the cadre

    def page(self, data: Mapping[str, Any], names: Names) -> str | None:
        return f"can-bo/{data['cadre']}.md" if names.has(CADRE, data["cadre"]) else None

    def describe(self, data: Mapping[str, Any], names: Names) -> str | None:
        return f"Bản đăng ký {names.plan_year(data['plan'])}: {names.cadre_name(data['cadre'])}"

    def diff_title(self, data: Mapping[str, Any], label: str, cadre: str, unit: str, lang: str) -> str | None:
        return f"{label}: {cadre}" if cadre else None


KIND = RegistrationKind(
    "registration",
    "registration.schema.json",
    "Bản đăng ký đi cơ sở (mẫu 1)",
    "Registration (form 1)",
    "dang-ky/{year}/{cadre}.yaml",
    Owner.UNIT,
    "dang-ky",
    Table(
        ("rows",),
        (
            FILE,
            Column("Cán bộ đăng ký", "cadre"),
            Column("Kế hoạch", "plan"),
            Column("Ngày nộp", "submitted", "date"),
            Column("Nội dung", "rows[].category"),
            Column("Chuyên đề", "rows[].topic"),
            Column("Số ngày đi", "rows[].days", "number"),
            Column("Từ ngày", "rows[].from", "date"),
            Column("Đến ngày", "rows[].to", "date"),
            Column("Địa điểm", "rows[].places", "list"),
            Column("Ghi rõ địa điểm", "rows[].place"),
            Column("Mục đích, hoạt động dự kiến", "rows[].purpose"),
        ),
    ),
    identity=("plan", "cadre"),
    broken_fields=("cadre", "plan"),
    model=Registration,
)
