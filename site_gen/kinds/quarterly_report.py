"""Form 3: a unit's report of the visits its cadres made in a quarter."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from site_gen.kinds.columns import FILE, Column, Table
from site_gen.kinds.kind import Kind, Names, Owner, PartitionKey

_PATH = re.compile(r"/(\d{4})/quy-([1-4])\.ya?ml\Z")


class QuarterlyReport(Kind):
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


KIND = QuarterlyReport(
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
)
