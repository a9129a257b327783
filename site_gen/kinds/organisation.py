"""The organisation record: who the union is, who keeps the register, where the repository lives."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from site_gen.kinds.columns import FILE, Column, Scope, Table, at
from site_gen.kinds.kind import Kind, Names, Owner, text_key
from site_gen.kinds.labels import LEVEL
from site_gen.kinds.typed import Model


class OrganisationSector(Model):
    """Khu vực."""

    id: str  # Mã khu vực
    name: str  # Tên khu vực
    from_: dt.date | None = None  # Áp dụng từ ngày
    until: dt.date | None = None  # Áp dụng đến hết ngày


class OrganisationRepository(Model):
    """Kho dữ liệu."""

    url: str  # Địa chỉ kho
    branch: str = "main"  # Nhánh chính
    maintainers: tuple[str, ...] = ()  # Nhóm bảo trì kho


class OrganisationPredecessor(Model):
    """Tổ chức tiền thân."""

    id: str  # Mã tổ chức tiền thân
    name: str  # Tên đầy đủ
    short_name: str  # Tên ngắn
    place: str  # Địa danh
    committee: str  # Tên Ban Chấp hành
    until: dt.date  # Ngày cuối cùng
    code: str | None = None  # Mã tỉnh
    note: str | None = None  # Ghi chú


class Organisation(Model):
    """Tổ chức (Tỉnh đoàn, Thành Đoàn)."""

    kind: str  # Loại hồ sơ
    id: str  # Mã tổ chức
    name: str  # Tên đầy đủ
    short_name: str  # Tên ngắn
    level: str  # Cấp
    place: str  # Địa danh
    code: str | None = None  # Mã tỉnh, thành phố
    committee: str  # Tên Ban Chấp hành
    register_owner: str  # Đơn vị quản lý sổ đăng ký
    leadership_unit: str | None = None  # Đơn vị Thường trực
    sectors: tuple[OrganisationSector, ...]  # Khu vực, khối
    address: str | None = None  # Địa chỉ
    phone: str | None = None  # Điện thoại
    email: str | None = None  # Thư điện tử
    website: str | None = None  # Trang thông tin
    repository: OrganisationRepository | None = None  # Kho dữ liệu
    model_tags: dict[str, str] | None = None  # Tên các nhãn mô hình
    timezone: str = "Asia/Ho_Chi_Minh"  # Múi giờ
    predecessors: tuple[OrganisationPredecessor, ...] = ()  # Tổ chức tiền thân


def _sectors(scope: Scope) -> Any:
    return [f"{s.get('id', '')} ({s.get('name', '')})" for s in at(scope, "sectors") or [] if isinstance(s, Mapping)]


def _repository(scope: Scope) -> Any:
    return at(scope, "repository.url")


class OrganisationKind(Kind[Organisation]):
    def broken_key(self, value: Mapping[str, Any], path: str) -> str | None:
        return text_key(value, ("id",)) or "?"

    def describe(self, data: Mapping[str, Any], names: Names) -> str | None:
        return str(data["short_name"])


KIND = OrganisationKind(
    "organisation",
    "organisation.schema.json",
    "Tổ chức",
    "Organisation",
    "to-chuc.yaml",
    Owner.REGISTER,
    "to-chuc",
    Table(
        (),
        (
            FILE,
            Column("Mã tổ chức", "id"),
            Column("Tên đầy đủ", "name"),
            Column("Tên ngắn", "short_name"),
            Column("Cấp", "level", "label", LEVEL),
            Column("Địa danh", "place"),
            Column("Tên Ban Chấp hành", "committee"),
            Column("Đơn vị quản lý sổ đăng ký", "register_owner"),
            Column("Đơn vị Thường trực", "leadership_unit"),
            Column("Khu vực, khối", "sectors", "list", get=_sectors),
            Column("Địa chỉ", "address"),
            Column("Điện thoại", "phone"),
            Column("Thư điện tử", "email"),
            Column("Trang thông tin", "website"),
            Column("Kho dữ liệu", "repository", get=_repository),
        ),
    ),
    context="organisations",
    model=Organisation,
)
