"""Form 3: a unit's report of the visits its cadres made in a quarter."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

from site_gen.kinds.columns import FILE, Column, Table
from site_gen.kinds.kind import Kind, Names, Owner, PartitionKey
from site_gen.kinds.typed import Model


class QuarterlyReportVisitResults(Model):
    """Kết quả chủ yếu."""

    achievements: str  # Mặt được
    limitations: str | None = None  # Hạn chế


class QuarterlyReportVisit(Model):
    """Chuyến đi."""

    cadre: str  # Cán bộ
    category: str  # Nội dung
    topic: str | None = None  # Chuyên đề
    activity: str  # Cụ thể nội dung đi cơ sở
    days: int  # Số ngày đi
    from_: dt.date  # Từ ngày
    to: dt.date  # Đến ngày
    places: tuple[str, ...]  # Địa điểm
    place: str | None = None  # Ghi rõ địa điểm
    results: QuarterlyReportVisitResults  # Kết quả chủ yếu
    proposals: str | None = None  # Đề xuất, kiến nghị


class QuarterlyReport(Model):
    """Báo cáo kết quả đi công tác cơ sở theo quý (mẫu 3)."""

    kind: str  # Loại hồ sơ
    plan: str  # Kế hoạch
    unit: str  # Đơn vị báo cáo
    quarter: int  # Quý
    submitted: dt.date  # Ngày nộp
    prepared_by: str | None = None  # Người lập
    visits: tuple[QuarterlyReportVisit, ...]  # Các chuyến đi cơ sở
    note: str | None = None  # Ghi chú


_PATH = re.compile(r"/(\d{4})/quy-([1-4])\.ya?ml\Z")


class QuarterlyReportKind(Kind[QuarterlyReport]):
    def partitions(self, data: Mapping[str, Any]) -> list[PartitionKey]:
        cadres = sorted({visit["cadre"] for visit in data["visits"]})
        return [("cadre", c) for c in cadres] + [("report", data["unit"], data["plan"], str(data["quarter"]))]

    def broken_key(self, value: Mapping[str, Any], path: str) -> str | None:
        """``year|quarter`` from the file's place: a broken report may hold any visit of its quarter."""
        match = _PATH.search(path)
        return f"{match[1]}|{match[2]}" if match else "*"

    def page(self, data: Mapping[str, Any], names: Names) -> str | None:
        year = names.plan_year(data["plan"])
        return f"tien-do/{year}.md" if year else None

    def describe(self, data: Mapping[str, Any], names: Names) -> str | None:
        year = names.plan_year(data["plan"])
        return f"Báo cáo quý {data['quarter']}/{year}: {names.unit_name(data['unit'])}"

    def diff_title(self, data: Mapping[str, Any], label: str, cadre: str, unit: str, lang: str) -> str | None:
        if not unit:
            return None
        return f"{label}: {unit}, {'quý' if lang == 'vi' else 'quarter'} {data.get('quarter', '?')}"


KIND = QuarterlyReportKind(
    "quarterly-report",
    "quarterly-report.schema.json",
    "Báo cáo kết quả quý (mẫu 3)",
    "Quarterly report (form 3)",
    "bao-cao/{year}/quy-{quarter}.yaml",
    Owner.UNIT,
    "bao-cao-quy",
    Table(
        ("visits",),
        (
            FILE,
            Column("Đơn vị báo cáo", "unit"),
            Column("Kế hoạch", "plan"),
            Column("Quý", "quarter", "number"),
            Column("Ngày nộp", "submitted", "date"),
            Column("Cán bộ", "visits[].cadre"),
            Column("Nội dung", "visits[].category"),
            Column("Chuyên đề", "visits[].topic"),
            Column("Cụ thể nội dung đi cơ sở", "visits[].activity"),
            Column("Số ngày đi", "visits[].days", "number"),
            Column("Từ ngày", "visits[].from", "date"),
            Column("Đến ngày", "visits[].to", "date"),
            Column("Địa điểm", "visits[].places", "list"),
            Column("Ghi rõ địa điểm", "visits[].place"),
            Column("Mặt được", "visits[].results.achievements"),
            Column("Hạn chế", "visits[].results.limitations"),
            Column("Đề xuất, kiến nghị", "visits[].proposals"),
        ),
    ),
    identity=("plan", "unit", "quarter"),
    model=QuarterlyReport,
)
