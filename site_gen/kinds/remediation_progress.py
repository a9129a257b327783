"""A unit's report on its progress with a remediation plan."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from site_gen.kinds.columns import FILE, Column, Table
from site_gen.kinds.kind import Kind, Names, Owner
from site_gen.kinds.labels import PERIOD, PROGRESS_STATUS
from site_gen.kinds.remediation_plan import KIND as REMEDIATION_PLAN
from site_gen.kinds.typed import Model


class RemediationProgressPeriod(Model):
    """Kỳ báo cáo."""

    cadence: str  # Loại kỳ
    from_: dt.date  # Từ ngày
    to: dt.date  # Đến ngày


class RemediationProgressItem(Model):
    """Tiến độ khuyết điểm."""

    shortcoming: str  # Khuyết điểm
    actions: tuple[str, ...] = ()  # Việc đã thực hiện
    status: str  # Tình trạng
    done: str  # Kết quả thực hiện
    difficulties: str | None = None  # Khó khăn, vướng mắc
    next_steps: str | None = None  # Việc tiếp theo


class RemediationProgress(Model):
    """Báo cáo tiến độ khắc phục khuyết điểm."""

    kind: str  # Loại hồ sơ
    plan: str  # Kế hoạch khắc phục
    unit: str  # Đơn vị báo cáo
    period: RemediationProgressPeriod  # Kỳ báo cáo
    submitted: dt.date  # Ngày nộp
    items: tuple[RemediationProgressItem, ...]  # Tiến độ từng khuyết điểm


class RemediationProgressKind(Kind[RemediationProgress]):
    def page(self, data: Mapping[str, Any], names: Names) -> str | None:
        return f"khac-phuc/{data['plan']}.md" if names.has(REMEDIATION_PLAN, data["plan"]) else None

    def describe(self, data: Mapping[str, Any], names: Names) -> str | None:
        submitted = data["submitted"]
        return f"Báo cáo khắc phục: {names.unit_name(data['unit'])} ({submitted[8:10]}/{submitted[5:7]}/{submitted[:4]})"

    def diff_title(self, data: Mapping[str, Any], label: str, cadre: str, unit: str, lang: str) -> str | None:
        return f"{label}: {unit}" if unit else None


KIND = RemediationProgressKind(
    "remediation-progress",
    "remediation-progress.schema.json",
    "Báo cáo tiến độ khắc phục",
    "Remediation progress report",
    "khac-phuc/{year}/bao-cao-{date}.yaml",
    Owner.UNIT,
    "bao-cao-khac-phuc",
    Table(
        ("items",),
        (
            FILE,
            Column("Kế hoạch khắc phục", "plan"),
            Column("Đơn vị báo cáo", "unit"),
            Column("Loại kỳ", "period.cadence", "label", PERIOD),
            Column("Từ ngày", "period.from", "date"),
            Column("Đến ngày", "period.to", "date"),
            Column("Ngày nộp", "submitted", "date"),
            Column("Khuyết điểm", "items[].shortcoming"),
            Column("Việc đã thực hiện", "items[].actions", "list"),
            Column("Tình trạng", "items[].status", "label", PROGRESS_STATUS),
            Column("Kết quả thực hiện", "items[].done"),
            Column("Khó khăn, vướng mắc", "items[].difficulties"),
            Column("Việc tiếp theo", "items[].next_steps"),
        ),
    ),
    identity=("plan", "unit", "period"),
    model=RemediationProgress,
)
