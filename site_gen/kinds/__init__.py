"""The record kinds: one module each, registered here in one list.

Each module of this package declares one kind (a :class:`Kind`, its hooks
overridden where the kind has something special to say); :data:`KINDS` lists
them, in the order pages, exports and messages show them. No other layer
names a kind: it iterates :data:`KINDS`, calls a kind's hook, or, where its
logic genuinely concerns one kind (a rule about registrations), refers to the
kind's object here (:data:`REGISTRATION` …). Adding a kind is its schema, its
module, one line below, its templates and sample, and its tests.

``context`` kinds are the reference data every rule may read (the register,
cadres, plans, good models, surveys); the other kinds are the bulk of the
submissions and are checked in partitions (see :mod:`site_gen.rules`).
"""

from __future__ import annotations

from site_gen.catalogue import KIND_LABELS
from site_gen.kinds import (
    cadre,
    field_visit_plan,
    good_model,
    inspection_plan,
    inspection_result,
    midterm_survey,
    organisation,
    quarterly_report,
    registration,
    remediation_plan,
    remediation_progress,
    reorganisation,
    survey_plan,
    unit,
)
from site_gen.kinds.kind import Kind, KindDeadline, KindPage, Names, Owner, PartitionKey, RecordView, SiteView

__all__ = [
    "BY_NAME",
    "CADRE",
    "CONTEXT_KINDS",
    "FIELD_VISIT_PLAN",
    "GOOD_MODEL",
    "INSPECTION_PLAN",
    "INSPECTION_RESULT",
    "KINDS",
    "MIDTERM_SURVEY",
    "ORGANISATION",
    "PLANS",
    "QUARTERLY_REPORT",
    "REGISTRATION",
    "REMEDIATION_PLAN",
    "REMEDIATION_PROGRESS",
    "REORGANISATION",
    "SHARED_SCHEMA",
    "UNIT",
    "Kind",
    "KindDeadline",
    "KindPage",
    "Names",
    "Owner",
    "PartitionKey",
    "RecordView",
    "SiteView",
    "kind_from_path",
]

ORGANISATION = organisation.KIND
UNIT = unit.KIND
CADRE = cadre.KIND
FIELD_VISIT_PLAN = field_visit_plan.KIND
REGISTRATION = registration.KIND
QUARTERLY_REPORT = quarterly_report.KIND
INSPECTION_PLAN = inspection_plan.KIND
INSPECTION_RESULT = inspection_result.KIND
MIDTERM_SURVEY = midterm_survey.KIND
REMEDIATION_PLAN = remediation_plan.KIND
REMEDIATION_PROGRESS = remediation_progress.KIND
GOOD_MODEL = good_model.KIND
REORGANISATION = reorganisation.KIND

KINDS: tuple[Kind, ...] = (
    ORGANISATION,
    UNIT,
    CADRE,
    FIELD_VISIT_PLAN,
    REGISTRATION,
    QUARTERLY_REPORT,
    INSPECTION_PLAN,
    INSPECTION_RESULT,
    MIDTERM_SURVEY,
    REMEDIATION_PLAN,
    REMEDIATION_PROGRESS,
    GOOD_MODEL,
    survey_plan.KIND,
    REORGANISATION,
)

BY_NAME: dict[str, Kind] = {kind.name: kind for kind in KINDS}
KIND_LABELS.update({kind.name: {"vi": kind.label_vi, "en": kind.label_en} for kind in KINDS})
CONTEXT_KINDS = frozenset(kind.name for kind in KINDS if kind.context)
PLANS: tuple[Kind, ...] = tuple(kind for kind in KINDS if kind.context == "plans")
SHARED_SCHEMA = "defs.schema.json"


def kind_from_path(path: str) -> str | None:
    """The kind a file's place in the layout suggests (``submissions/<unit>/<kind path>``), if any."""
    inner = path.split("/", 2)[2] if path.count("/") >= 2 else path
    for kind in KINDS:
        if kind.path_pattern.match(inner):
            return kind.name
    return None
