"""The abstract form, between records and files.

A form of seed 003 is, from top to bottom: the heading block (the committee
on the left, "ĐOÀN TNCS HỒ CHÍ MINH" on the right, the unit under the
committee), the place-and-date line, the title and subtitle, the reference
to the plan, numbered fields ("1. Họ và tên: …"), one table (column headers,
an optional row of column numbers "(1)", "(2)", …, data rows, an optional
totals row), lines under the table ("Ghi chú: …") and signature blocks.

Writers render a FormDoc; readers rebuild one from a file, remembering where
each table cell came from so that errors name the sheet or table, the row and
the column.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from site_gen.catalogue import texts

UNION = texts("forms")["union"]
MOTTO = ""  # the forms of seed 003 carry no motto line


@dataclass
class Cell:
    """A table cell's text and where it came from ("Trang tính Mau1, ô C9" / "bảng 1, dòng 3, cột 2")."""

    text: str
    where: str = ""
    row: int = 0  # 1-based row in the sheet or table
    column: int = 0  # 1-based column


@dataclass
class Signature:
    title: str  # "Lãnh đạo Ban/Văn phòng phê duyệt", "Người đăng ký", "Người lập", "TM. BAN THƯỜNG VỤ"…
    name: str = ""
    extra: str = ""  # a line under the name, e.g. "Ngày duyệt: 04/02/2026"


@dataclass
class FormDoc:
    form: str  # "1", "2", "3", "schedule", "notice"
    committee: str = ""  # "BCH ĐOÀN TỈNH BÌNH AN"
    unit_line: str = ""  # "BAN TỔ CHỨC – KIỂM TRA TỈNH ĐOÀN" (upper case)
    place_date: str = ""  # "Bình An, ngày 04 tháng 02 năm 2026"
    title: str = ""  # "BẢN ĐĂNG KÝ"
    subtitle: str = ""  # "Đi công tác cơ sở theo chủ trương “1+2” năm 2026"
    reference: str = ""  # "(Kèm theo Kế hoạch số …, ngày dd/mm/yyyy của …)"
    fields: list[tuple[str, str]] = field(default_factory=list)  # [("Họ và tên", "…"), ("Chức vụ", "…")]
    intro: list[str] = field(default_factory=list)  # free lines before the table (notice, schedule)
    columns: list[str] = field(default_factory=list)
    numbers: list[str] = field(default_factory=list)  # ["(1)", "(2)", …] or empty
    rows: list[list[Cell]] = field(default_factory=list)
    total: list[str] = field(default_factory=list)  # ["Tổng", "", "", "61", …] or empty
    after: list[str] = field(default_factory=list)  # lines under the table: "Ghi chú: …"
    signatures: list[Signature] = field(default_factory=list)
    sheet: str = ""  # the sheet or table name the reader found it in
    extra: list[Cell] = field(default_factory=list)  # text the reader found and placed nowhere (reported, never dropped)
