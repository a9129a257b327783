"""The notice of an inspection's result for one unit."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from site_gen.kinds.columns import FILE, Column, Scope, Table, at
from site_gen.kinds.defs import Signer
from site_gen.kinds.inspection_plan import KIND as INSPECTION_PLAN
from site_gen.kinds.intake import Draft, Notes, Workbench
from site_gen.kinds.kind import Kind, Names, Owner, PartitionKey, RecordView
from site_gen.kinds.labels import CLASSIFICATION, RESULT_STATUS, SESSION
from site_gen.kinds.typed import Model
from site_gen.vn import format_date


class InspectionResultDocumentsException(Model):
    """Chấp thuận tài liệu trễ."""

    approved_by: str  # Người chấp thuận
    reason: str  # Lý do chấp thuận


class InspectionResultNotice(Model):
    """Thông báo."""

    number: str  # Số thông báo
    date: dt.date  # Ngày thông báo
    signer: Signer | None = None


class InspectionResultDepartmentScore(Model):
    """Điểm của một ban."""

    unit: str  # Ban chấm
    score: float  # Điểm ban chấm
    entered_on: dt.date | None = None  # Ngày nhập điểm


class InspectionResultBonus(Model):
    """Khoản điểm thưởng."""

    points: float  # Số điểm thưởng
    reason: str  # Lý do thưởng


class InspectionResultPenalty(Model):
    """Khoản điểm trừ."""

    points: float  # Số điểm trừ
    reason: str  # Lý do trừ


class InspectionResultSelfScoreCorrection(Model):
    """Mục điều chỉnh."""

    item: str  # Mục
    self_: float | None = None  # Điểm tự chấm của mục
    corrected: float | None = None  # Điểm sau điều chỉnh
    note: str | None = None  # Lý do điều chỉnh


class InspectionResultReflection(Model):
    """Bài thu hoạch."""

    member: str | None = None  # Thành viên
    name: str | None = None  # Họ tên thành viên
    submitted: dt.date  # Ngày nộp bài


class InspectionResult(Model):
    """Thông báo nhận xét, đánh giá, phân loại và xếp hạng thi đua."""

    kind: str  # Loại hồ sơ
    plan: str  # Kế hoạch kiểm tra
    unit: str  # Đơn vị được kiểm tra
    team: str  # Đoàn kiểm tra
    date: dt.date  # Ngày kiểm tra
    session: str | None = None
    status: str  # Tình trạng
    documents_received: dt.date | None = None  # Ngày nhận tài liệu
    documents_exception: InspectionResultDocumentsException | None = None  # Chấp thuận tài liệu trễ
    notice: InspectionResultNotice | None = None  # Thông báo
    self_score: float | None = None  # Điểm tự chấm
    department_scores: tuple[InspectionResultDepartmentScore, ...] = ()  # Điểm các ban chấm
    assessed_score: float | None = None  # Điểm chấm
    bonus: tuple[InspectionResultBonus, ...] = ()  # Điểm thưởng
    penalty: tuple[InspectionResultPenalty, ...] = ()  # Điểm trừ
    final_score: float | None = None  # Điểm cuối cùng
    classification: str | None = None
    rank: int | None = None  # Thứ hạng trong khu vực
    strengths: tuple[str, ...] = ()  # Mặt được
    limitations: tuple[str, ...] = ()  # Hạn chế
    directions: tuple[str, ...] = ()  # Định hướng năm tới
    self_score_corrections: tuple[InspectionResultSelfScoreCorrection, ...] = ()  # Nội dung tự chấm cần điều chỉnh
    good_models: tuple[str, ...] = ()  # Mô hình, giải pháp hay
    reflections: tuple[InspectionResultReflection, ...] = ()  # Bài thu hoạch
    note: str | None = None  # Ghi chú


def _points(path: str) -> Callable[[Scope], Any]:
    def get(scope: Scope) -> Any:
        items = at(scope, path)
        if not isinstance(items, list):
            return None
        total = sum(float(item.get("points", 0)) for item in items if isinstance(item, Mapping))
        return round(total, 2)

    return get


@dataclass
class DocumentsReceived:
    """An inspected unit's documents received (before the inspection visit), as a form gives them."""

    plan: RecordView
    unit: RecordView
    received: str
    approved_by: str = ""  # who accepted late documents, and why
    reason: str = ""


class InspectionResultKind(Kind[InspectionResult]):
    def build(self, answers: DocumentsReceived, bench: Workbench) -> Draft:
        """An inspected unit's documents received: a result "scheduled" from the schedule's row, or the date set."""
        plan, unit, received = answers.plan, answers.unit, answers.received
        exception = {"documents_exception": {"approved_by": answers.approved_by, "reason": answers.reason}}
        found = bench.existing(self, lambda d: d["plan"] == plan.id and d["unit"] == unit.id)
        if found is None:
            # Documents come before the visit: the result starts "scheduled", from the schedule's row,
            # and the inspection department completes it after the visit.
            row = bench.schedule_row(plan.id, unit.id)
            assert row is not None
            value: dict[str, Any] = {"kind": self.name, "plan": plan.id, "unit": unit.id, "team": row.team}
            value["date"] = row.date.isoformat()
            value |= {"session": row.session} if row.session is not None else {}
            value |= {"status": "scheduled", "documents_received": received} | (exception if answers.approved_by else {})
            # beside the other results of the plan, in the folder of the department that holds the plan
            path = bench.folder_path(plan.folder, self.path.format(year=int(plan.data["year"]), unit=unit.id))
            notes: Notes = [("issue.text-documents-scheduled", {"received_date": received, "path": path})]
            return Draft(self.name, unit.id, path, value, None, bench.render_new(self, path, value), notes)
        path = found.file
        current = bench.read_target(path)
        assert current is not None
        old_text, old = current
        value = dict(old) | {"documents_received": received}
        text: str | None = bench.set_scalar(old_text, "documents_received", received, "status")
        if answers.approved_by:
            value |= exception
            text = None
        value = bench.ordered(self, value)
        before = format_date(old["documents_received"]) if "documents_received" in old else "—"
        notes = [("issue.text-documents-set", {"received_date": received, "path": path, "before": before})]
        return Draft(self.name, unit.id, path, value, old, bench.rerender(self, path, text, value), notes)

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
        return f"Kết quả kiểm tra: {names.unit_name_on(data['unit'], data.get('date'))}"

    def diff_title(self, data: Mapping[str, Any], label: str, cadre: str, unit: str, lang: str) -> str | None:
        return f"{label}: {unit}" if unit else None


# What a visit produces, with the schema's titles of the fields (tests/test_kind_registry.py ties them): a result still
# "scheduled" holds none of it (self-scores and the departments' scores may come before the visit).
VISIT_FINDINGS = {
    "final_score": "Điểm cuối cùng",
    "classification": "Xếp loại",
    "rank": "Thứ hạng trong khu vực",
    "notice": "Thông báo",
    "strengths": "Mặt được",
    "limitations": "Hạn chế",
    "directions": "Định hướng năm tới",
    "self_score_corrections": "Nội dung tự chấm cần điều chỉnh",
    "good_models": "Mô hình, giải pháp hay",
    "reflections": "Bài thu hoạch",
}


KIND = InspectionResultKind(
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
    model=InspectionResult,
)
