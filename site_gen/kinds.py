"""The record kinds: one entry each, data rather than code.

``context`` kinds are the reference data every rule may read (the register,
cadres, plans, good models, surveys); the other kinds are the bulk of the
submissions and are checked in partitions (see :mod:`site_gen.rules`).
``path`` is where ``site-gen new`` writes a record of the kind, relative to
``submissions/<owning unit>/``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Kind:
    name: str
    schema: str
    label_vi: str
    label_en: str
    context: bool
    path: str


KINDS: tuple[Kind, ...] = (
    Kind("organisation", "organisation.schema.json", "Tổ chức", "Organisation", True, "to-chuc.yaml"),
    Kind("unit", "unit.schema.json", "Đơn vị", "Unit", True, "don-vi/{id}.yaml"),
    Kind("cadre", "cadre.schema.json", "Cán bộ", "Cadre", True, "can-bo/{id}.yaml"),
    Kind(
        "field-visit-plan",
        "field-visit-plan.schema.json",
        "Kế hoạch đi công tác cơ sở",
        "Field-visit plan",
        True,
        "ke-hoach/{id}.yaml",
    ),
    Kind(
        "registration",
        "registration.schema.json",
        "Bản đăng ký đi cơ sở (mẫu 1)",
        "Registration (form 1)",
        False,
        "dang-ky/{year}/{cadre}.yaml",
    ),
    Kind(
        "quarterly-report",
        "quarterly-report.schema.json",
        "Báo cáo kết quả quý (mẫu 3)",
        "Quarterly report (form 3)",
        False,
        "bao-cao/{year}/quy-{quarter}.yaml",
    ),
    Kind(
        "inspection-plan",
        "inspection-plan.schema.json",
        "Kế hoạch kiểm tra",
        "Inspection plan",
        True,
        "kiem-tra/{year}/ke-hoach.yaml",
    ),
    Kind(
        "inspection-result",
        "inspection-result.schema.json",
        "Thông báo kết quả kiểm tra",
        "Inspection result",
        False,
        "kiem-tra/{year}/ket-qua/{unit}.yaml",
    ),
    Kind(
        "midterm-survey",
        "midterm-survey.schema.json",
        "Khảo sát giữa nhiệm kỳ",
        "Mid-term survey",
        True,
        "khao-sat/{id}.yaml",
    ),
    Kind(
        "remediation-plan",
        "remediation-plan.schema.json",
        "Kế hoạch khắc phục khuyết điểm",
        "Remediation plan",
        True,
        "khac-phuc/{year}/ke-hoach.yaml",
    ),
    Kind(
        "remediation-progress",
        "remediation-progress.schema.json",
        "Báo cáo tiến độ khắc phục",
        "Remediation progress report",
        False,
        "khac-phuc/{year}/bao-cao-{date}.yaml",
    ),
    Kind("good-model", "good-model.schema.json", "Mô hình, cách làm hay", "Good model", True, "mo-hinh/{id}.yaml"),
)

BY_NAME: dict[str, Kind] = {kind.name: kind for kind in KINDS}
CONTEXT_KINDS = frozenset(kind.name for kind in KINDS if kind.context)
SHARED_SCHEMA = "defs.schema.json"


def _pattern(template: str) -> re.Pattern[str]:
    parts = re.split(r"(\{[a-z]+\})", template)
    return re.compile("".join("[^/]+" if part.startswith("{") else re.escape(part) for part in parts) + r"\Z")


_PATTERNS = [(kind.name, _pattern(kind.path)) for kind in KINDS]


def kind_from_path(path: str) -> str | None:
    """The kind a file's place in the layout suggests (``submissions/<unit>/<kind path>``), if any."""
    inner = path.split("/", 2)[2] if path.count("/") >= 2 else path
    for name, pattern in _PATTERNS:
        if pattern.match(inner):
            return name
    return None
