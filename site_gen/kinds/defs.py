"""The models of the parts every kind shares: the objects of ``schemas/defs.schema.json``."""

from __future__ import annotations

import datetime as dt

from site_gen.kinds.typed import Model


class Due(Model):
    """Hạn."""

    date: dt.date  # Ngày hạn
    strict: bool = False  # Trước ngày
    time: str | None = None  # Giờ hạn


def last_day(deadline: Due) -> dt.date:
    """The last day a deadline allows: the day itself, or the day before for "trước ngày"."""
    return deadline.date - dt.timedelta(days=1) if deadline.strict else deadline.date


class Person(Model):
    """Người."""

    name: str  # Họ và tên
    post: str | None = None  # Chức vụ
    unit: str | None = None  # Đơn vị
    organisation: str | None = None  # Cơ quan


class Signer(Model):
    """Người ký."""

    name: str  # Họ và tên người ký
    title: str  # Chức danh người ký
    on_behalf: str | None = None  # Thay mặt
    cadre: str | None = None  # Mã cán bộ người ký


class Reference(Model):
    """Văn bản căn cứ."""

    number: str  # Số hiệu
    date: dt.date | None = None  # Ngày ban hành
    issuer: str | None = None  # Cơ quan ban hành
    title: str | None = None  # Trích yếu


class Document(Model):
    """Thông tin văn bản."""

    number: str  # Số văn bản
    date: dt.date  # Ngày ban hành
    place: str | None = None  # Địa danh
    title: str  # Trích yếu
    issuer: str  # Cơ quan ban hành
    issuer_unit: str | None = None  # Đơn vị ban hành
    drafted_by: str | None = None  # Đơn vị tham mưu
    signer: Signer
    references: tuple[Reference, ...] = ()  # Căn cứ
    recipients: tuple[str, ...] = ()  # Nơi nhận
