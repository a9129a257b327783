"""A unit's report on its progress with a remediation plan."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from site_gen.kinds.columns import FILE, Column, Table
from site_gen.kinds.intake import Draft, Notes, Refused, Workbench
from site_gen.kinds.kind import Kind, Names, Owner, RecordView
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


@dataclass
class Progress:
    """One shortcoming's progress in a remediation progress report, as a form gives it."""

    plan: RecordView
    unit: RecordView
    shortcoming: str
    actions: list[str]
    status: str
    cadence: str
    start: str
    end: str
    submitted: str
    done: str
    difficulties: str = ""
    next_steps: str = ""

    def item(self) -> dict[str, Any]:
        out: dict[str, Any] = {"shortcoming": self.shortcoming, **({"actions": self.actions} if self.actions else {})}
        out |= {"status": self.status, "done": self.done}
        return out | {k: v for k, v in (("difficulties", self.difficulties), ("next_steps", self.next_steps)) if v}


class RemediationProgressKind(Kind[RemediationProgress]):
    def build(self, answers: Progress, bench: Workbench) -> Draft:
        """A shortcoming's progress into the unit's report of the period: a new report, or its item added or replaced."""
        plan, unit, item = answers.plan, answers.unit, answers.item()
        period = {"cadence": answers.cadence, "from": answers.start, "to": answers.end}
        found = bench.existing(self, lambda d: d["unit"] == unit.id and d["plan"] == plan.id and d["period"] == period)
        year = int(plan.data["year"])
        path = found.file if found else bench.layout_path(self, unit.id, year=year, date=answers.submitted)
        current = bench.read_target(path)
        if current is None:
            head = {"kind": self.name, "plan": plan.id, "unit": unit.id, "period": period}
            value = head | {"submitted": answers.submitted, "items": [item]}
            return Draft(self.name, unit.id, path, value, None, bench.render_new(self, path, value), item=0)
        old_text, old = current
        if old["period"] != period or old["plan"] != plan.id:
            raise Refused("submitted", "issue.period-conflict", submitted_date=old["submitted"], path=path)
        items = list(old["items"])
        position = next((i for i, it in enumerate(items) if it["shortcoming"] == answers.shortcoming), None)
        index = len(items) if position is None else position
        items[index : index + 1] = [item]
        code = "issue.text-item-added" if position is None else "issue.text-item-replaced"
        notes: Notes = [(code, {"shortcoming": answers.shortcoming, "path": path})]
        value = {**old, "items": items}
        edited = bench.edit_list(old_text, "items", position, item, "")
        return Draft(self.name, unit.id, path, value, old, bench.rerender(self, path, edited, value), notes, index)

    def page(self, data: Mapping[str, Any], names: Names) -> str | None:
        return f"khac-phuc/{data['plan']}.md" if names.has(REMEDIATION_PLAN, data["plan"]) else None

    def describe(self, data: Mapping[str, Any], names: Names) -> str | None:
        submitted = data["submitted"]
        return f"Báo cáo khắc phục: {names.unit_name_on(data['unit'], submitted)} ({submitted[8:10]}/{submitted[5:7]}/{submitted[:4]})"

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
