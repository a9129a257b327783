"""The inspection plan of a year: the schedule of inspections and the teams."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any

from site_gen.kinds.columns import FILE, Column, Scope, Table, at
from site_gen.kinds.defs import Document, Due, Person
from site_gen.kinds.kind import Kind, Names, Owner
from site_gen.kinds.labels import SESSION
from site_gen.kinds.typed import Model


class InspectionPlanAttendee(Model):
    """Thành phần."""

    role: str  # Thành phần
    count_: int  # Số lượng
    unit_types: tuple[str, ...] = ()  # Áp dụng với loại đơn vị


class InspectionPlanSessions(Model):
    """Giờ làm việc."""

    morning: str  # Buổi sáng từ
    afternoon: str  # Buổi chiều từ


class InspectionPlanTeam(Model):
    """Đoàn kiểm tra."""

    id: str  # Mã đoàn
    name: str  # Tên đoàn
    leader: str  # Trưởng đoàn
    secretary: str  # Thư ký đoàn
    members: tuple[str | Person, ...] = ()  # Thành viên


class InspectionPlanSchedule(Model):
    """Buổi kiểm tra."""

    unit: str  # Đơn vị được kiểm tra
    date: dt.date  # Ngày kiểm tra
    session: str
    team: str  # Đoàn kiểm tra
    location: str | None = None  # Địa điểm


class InspectionPlanThresholds(Model):
    """Thang xếp loại."""

    max_score: float | None = None  # Điểm tối đa
    excellent: float  # Hoàn thành xuất sắc từ
    good: float  # Hoàn thành tốt từ
    complete: float  # Hoàn thành từ


class InspectionPlanScoring(Model):
    """Chấm điểm trực tuyến."""

    units: tuple[str, ...] = ()  # Đơn vị chấm điểm
    before_visit: bool = True  # Chấm xong trước buổi kiểm tra


class InspectionPlanDeadline(Model):
    """Hạn việc."""

    task: str  # Việc phải làm
    unit: str | None = None  # Đơn vị thực hiện
    due: Due


class InspectionPlan(Model):
    """Kế hoạch kiểm tra, đánh giá, phân loại và xếp hạng thi đua."""

    kind: str  # Loại hồ sơ
    id: str  # Mã kế hoạch kiểm tra
    year: int  # Năm đánh giá
    document: Document
    issuer: str | None = None  # Tổ chức ban hành
    purposes: tuple[str, ...] = ()  # Mục đích
    requirements: tuple[str, ...] = ()  # Yêu cầu
    contents: tuple[str, ...] = ()  # Nội dung kiểm tra
    sectors: tuple[str, ...]  # Khu vực được kiểm tra
    methods: tuple[str, ...] = ()  # Phương pháp kiểm tra
    attendees: tuple[InspectionPlanAttendee, ...] = ()  # Thành phần mời dự
    documents_days_before: int  # Số ngày gửi tài liệu trước
    sessions: InspectionPlanSessions | None = None  # Giờ làm việc
    teams: tuple[InspectionPlanTeam, ...]  # Các đoàn kiểm tra
    schedule: tuple[InspectionPlanSchedule, ...]  # Lịch kiểm tra
    thresholds: InspectionPlanThresholds  # Thang xếp loại
    scoring: InspectionPlanScoring | None = None  # Chấm điểm trực tuyến
    deadlines: tuple[InspectionPlanDeadline, ...] = ()  # Các hạn của ban, đơn vị
    agenda: tuple[str, ...] = ()  # Chương trình làm việc
    reflection_required: bool = False  # Viết bài thu hoạch


def _team(key: str) -> Callable[[Scope], Any]:
    def get(scope: Scope) -> Any:
        ident = at(scope, "schedule[].team")
        for team in at(scope, "teams") or []:
            if isinstance(team, Mapping) and team.get("id") == ident:
                return team.get(key)
        return None

    return get


class InspectionPlanKind(Kind[InspectionPlan]):
    def page(self, data: Mapping[str, Any], names: Names) -> str | None:
        return f"kiem-tra/{data['id']}.md"


KIND = InspectionPlanKind(
    "inspection-plan",
    "inspection-plan.schema.json",
    "Kế hoạch kiểm tra",
    "Inspection plan",
    "kiem-tra/{year}/ke-hoach.yaml",
    Owner.ISSUED,
    "ke-hoach-kiem-tra",
    Table(
        ("schedule",),
        (
            FILE,
            Column("Mã kế hoạch kiểm tra", "id"),
            Column("Năm đánh giá", "year", "number"),
            Column("Đơn vị được kiểm tra", "schedule[].unit"),
            Column("Ngày kiểm tra", "schedule[].date", "date"),
            Column("Buổi", "schedule[].session", "label", SESSION),
            Column("Đoàn kiểm tra", "schedule[].team"),
            Column("Tên đoàn", "teams[].name", get=_team("name")),
            Column("Trưởng đoàn", "teams[].leader", get=_team("leader")),
            Column("Địa điểm", "schedule[].location"),
            Column("Viết bài thu hoạch", "reflection_required", "bool"),
        ),
    ),
    context="plans",
    broken_fields=("id",),
    model=InspectionPlan,
)
