"""Form 1: a cadre's registration of the visits they plan in a year."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from site_gen.kinds.cadre import KIND as CADRE
from site_gen.kinds.columns import FILE, Column, Table
from site_gen.kinds.intake import REPLACE, ROWS, UPDATE, Draft, Notes, Row, Workbench, dated
from site_gen.kinds.kind import Kind, Names, Owner, PartitionKey, RecordView
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


@dataclass
class RegistrationAnswers:
    """A cadre's registration as a form gives it (an issue: rows added; form 1: the whole of it)."""

    plan: RecordView
    cadre: RecordView
    rows: list[Row]
    submitted: str | None  # None: not written (the record's date, else today's)
    post: str = ""
    note: str = ""
    approved_by: str = ""
    approved_on: str = ""
    mode: str = UPDATE


def _drop_approval(old: dict[str, Any] | None, value: dict[str, Any], notes: Notes) -> None:
    """Changed rows need a new approval: the old one goes (and a note says whose it was)."""
    if old is not None and old.get("rows") != value["rows"] and ("approved_by" in old or "approved_on" in old):
        notes.append(("issue.text-approval-dropped", {"approver": old.get("approved_by", "?")}))
        value.pop("approved_by", None)
        value.pop("approved_on", None)


class RegistrationKind(Kind[Registration]):
    def build(self, answers: RegistrationAnswers, bench: Workbench) -> Draft:
        """A cadre's registration for a plan: new, or the one of the same cadre and plan replaced."""
        cadre, plan = answers.cadre, answers.plan
        unit = str(cadre.data["unit"])
        found = bench.existing(self, lambda d: d["cadre"] == cadre.id and d["plan"] == plan.id)
        path = found.file if found else bench.layout_path(self, unit, year=int(plan.data["year"]), cadre=cadre.id)
        rows = [row.value() for row in answers.rows]
        head: dict[str, Any] = {"kind": self.name, "plan": plan.id, "cadre": cadre.id}
        notes: Notes = []
        today = False
        if answers.mode in (REPLACE, ROWS):
            old = dict(found.data) if found else None
            value = {**(old or {}), **head} if answers.mode == ROWS else dict(head)
            value.pop("post", None)
            value |= {"post": answers.post} if answers.post else {}
            value["submitted"], today = dated(answers.submitted, old, bench, record_first=answers.mode == ROWS)
            value |= {k: v for k, v in (("approved_by", answers.approved_by), ("approved_on", answers.approved_on)) if v}
            value["rows"] = rows
            if answers.mode == ROWS:
                _drop_approval(old, value, notes)
            value |= {"note": answers.note} if answers.note else {}
        else:
            current = bench.read_target(path)
            old = current[1] if current else None
            value = head | ({"post": answers.post} if answers.post else {})
            value |= {"submitted": answers.submitted, "rows": rows} | ({"note": answers.note} if answers.note else {})
            if old is not None:
                value = {**old, **value}
                _drop_approval(old, value, notes)
                notes.insert(0, ("issue.text-registration-replaced", {"path": path}))
        value = bench.ordered(self, value)
        text = bench.render_new(self, path, value)
        return Draft(self.name, unit, path, value, old, text, notes, dated_today=today)

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
