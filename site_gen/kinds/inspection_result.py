"""The notice of an inspection's result for one unit."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from site_gen.kinds.columns import FILE, Column, Scope, Table, at
from site_gen.kinds.inspection_plan import KIND as INSPECTION_PLAN
from site_gen.kinds.kind import Kind, Names, Owner, PartitionKey
from site_gen.kinds.labels import CLASSIFICATION, RESULT_STATUS, SESSION


def _points(path: str) -> Callable[[Scope], Any]:
    def get(scope: Scope) -> Any:
        items = at(scope, path)
        if not isinstance(items, list):
            return None
        total = sum(float(item.get("points", 0)) for item in items if isinstance(item, Mapping))
        return round(total, 2)

    return get


class InspectionResult(Kind):
    def partitions(self, data: Mapping[str, Any]) -> list[PartitionKey]:
        return [("inspection", data["plan"])]

    def unreadable_key(self, stem: str) -> str:
        return f"*|{stem}"  # the file is named after the unit

    def page(self, data: Mapping[str, Any], names: Names) -> str | None:
        if not names.has(INSPECTION_PLAN, data["plan"]):
            return None
        if data["status"] == "scheduled":
            return f"kiem-tra/{data['plan']}.md"
        return f"kiem-tra/{data['plan']}/{data['unit']}.md"

    def describe(self, data: Mapping[str, Any], names: Names) -> str | None:
        return f"Kết quả kiểm tra: {names.unit_name(data['unit'])}"

    def diff_title(self, data: Mapping[str, Any], label: str, cadre: str, unit: str, lang: str) -> str | None:
        return f"{label}: {unit}" if unit else None


KIND = InspectionResult(
    "inspection-result",
    "inspection-result.schema.json",
    "Thông báo kết quả kiểm tra",
    "Inspection result",
    "kiem-tra/{year}/ket-qua/{unit}.yaml",
    Owner.ISSUED,
    "ket-qua-kiem-tra",
    Table(
        (),
        (
            FILE,
            Column("Kế hoạch kiểm tra", "plan"),
            Column("Đơn vị được kiểm tra", "unit"),
            Column("Đoàn kiểm tra", "team"),
            Column("Ngày kiểm tra", "date", "date"),
            Column("Buổi", "session", "label", SESSION),
            Column("Tình trạng", "status", "label", RESULT_STATUS),
            Column("Ngày nhận tài liệu", "documents_received", "date"),
            Column("Số thông báo", "notice.number"),
            Column("Ngày thông báo", "notice.date", "date"),
            Column("Điểm tự chấm", "self_score", "number"),
            Column("Điểm chấm", "assessed_score", "number"),
            Column("Điểm thưởng", "bonus", "number", get=_points("bonus")),
            Column("Điểm trừ", "penalty", "number", get=_points("penalty")),
            Column("Điểm cuối cùng", "final_score", "number"),
            Column("Xếp loại", "classification", "label", CLASSIFICATION),
            Column("Thứ hạng trong khu vực", "rank", "number"),
            Column("Số mặt được", "strengths", "count"),
            Column("Số hạn chế", "limitations", "count"),
            Column("Số định hướng năm tới", "directions", "count"),
            Column("Số nội dung tự chấm cần điều chỉnh", "self_score_corrections", "count"),
            Column("Mô hình, giải pháp hay", "good_models", "list"),
            Column("Số bài thu hoạch", "reflections", "count"),
        ),
    ),
    identity=("plan", "unit"),
    broken_fields=("plan", "unit"),
)
