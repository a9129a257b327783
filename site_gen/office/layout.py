"""Records -> FormDoc: the layout of each form, as pure functions.

Every literal a form carries (titles, column headers, labels, the formats of
the place-and-date line, the reference and the period) is a module constant
here: the importer reads files with the same constants, so that a record
exported and imported again comes back unchanged.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from site_gen.catalogue import texts
from site_gen.kinds import FIELD_VISIT_PLAN, INSPECTION_PLAN
from site_gen.kinds.cadre import assignment_on
from site_gen.kinds.defs import Document, Person, Signer
from site_gen.kinds.field_visit_plan import FieldVisitPlan
from site_gen.kinds.inspection_plan import InspectionPlan
from site_gen.kinds.inspection_result import InspectionResult
from site_gen.kinds.organisation import Organisation
from site_gen.kinds.quarterly_report import QuarterlyReport, QuarterlyReportVisit
from site_gen.kinds.registration import Registration, RegistrationRow
from site_gen.labels import labels
from site_gen.model import Context, Record
from site_gen.office.document import UNION, Cell, FormDoc, Signature
from site_gen.vn import format_date, name_key

__all__ = ["UNION"]  # re-exported for the importer, with every constant below

FORM = texts("forms")  # every word the forms carry: site_gen/words/forms.toml

# -- forms and sheet names ------------------------------------------------------

FORM_REGISTRATION = "1"
FORM_SUMMARY = "2"
FORM_REPORT = "3"
FORM_SCHEDULE = "schedule"
FORM_NOTICE = "notice"

SHEET_NAMES = {
    FORM_REGISTRATION: "Mau1",
    FORM_SUMMARY: "Mau2",
    FORM_REPORT: "Mau3",
    FORM_SCHEDULE: "LichKiemTra",
    FORM_NOTICE: "ThongBao",
}
LANDSCAPE_FORMS = frozenset({FORM_REPORT, FORM_SCHEDULE})

# -- heading block ---------------------------------------------------------------

PLACE_DATE_FORMAT = FORM["place_date_format"]  # dd, mm two digits
PLACE_DATE_BLANK = FORM["place_date_blank"]
REFERENCE_FORMAT = FORM["reference_format"]  # date dd/mm/yyyy
REFERENCE_BLANK = FORM["reference_blank"]
UNIT_LINE_BLANK = FORM["unit_line_blank"]

# -- titles ----------------------------------------------------------------------

TITLE_REGISTRATION = FORM["title_registration"]
TITLE_SUMMARY = FORM["title_summary"]
SUBTITLE_PLAN_FORMAT = FORM["subtitle_plan_format"]  # forms 1 and 2
TITLE_REPORT = FORM["title_report"]
SUBTITLE_REPORT_FORMAT = FORM["subtitle_report_format"]  # quarter in Roman numerals
QUARTER_NUMERALS = {1: "I", 2: "II", 3: "III", 4: "IV"}
TITLE_SCHEDULE = FORM["title_schedule"]
TITLE_NOTICE = FORM["title_notice"]
SUBTITLE_NOTICE_FORMAT = FORM["subtitle_notice_format"]

# -- numbered fields (form 1) ----------------------------------------------------

FIELD_NAME = FORM["field_name"]
FIELD_POST = FORM["field_post"]
FIELD_CONTENT_LINE = FORM["field_content_line"]  # the third numbered line, no value

# -- table columns ---------------------------------------------------------------

COL_NO = FORM["col_no"]
COL_CONTENT = FORM["col_content"]
COL_DAYS = FORM["col_days"]
COL_PERIOD = FORM["col_period"]
COL_PLACE = FORM["col_place"]
COL_NAME = FORM["col_name"]
COL_POST = FORM["col_post"]
COL_CONTENT_SUMMARY = FORM["col_content_summary"]
COL_ACTIVITY = FORM["col_activity"]
COL_RESULTS = FORM["col_results"]

COLUMNS_REGISTRATION = [COL_NO, COL_CONTENT, COL_DAYS, COL_PERIOD, COL_PLACE]
COLUMNS_SUMMARY = [COL_NO, COL_NAME, COL_POST, COL_CONTENT_SUMMARY, COL_DAYS, COL_PERIOD, COL_PLACE]
COLUMNS_SUMMARY_SEED = [COL_NO, COL_NAME, COL_POST, COL_CONTENT_SUMMARY, COL_PERIOD, COL_PLACE]  # seed 003, no days
COLUMNS_REPORT = [COL_NO, COL_NAME, COL_CONTENT, COL_ACTIVITY, COL_DAYS, COL_PERIOD, COL_PLACE, COL_RESULTS]

COL_DATE = FORM["col_date"]
COL_SESSION = FORM["col_session"]
COL_INSPECTED_UNIT = FORM["col_inspected_unit"]
COL_TEAM = FORM["col_team"]
COLUMNS_SCHEDULE = [COL_NO, COL_DATE, COL_SESSION, COL_INSPECTED_UNIT, COL_TEAM, COL_PLACE]

COL_ITEM = FORM["col_item"]
COL_POINTS = FORM["col_points"]
COLUMNS_NOTICE = [COL_NO, COL_ITEM, COL_POINTS]

# -- cell conventions --------------------------------------------------------------


def column_numbers(count: int) -> list[str]:
    """["(1)", "(2)", …]."""
    return [f"({index})" for index in range(1, count + 1)]


NUMBER_FORMAT = "({index})"
CONTENT_FORMAT = "{code} {name}"  # category line, then topic line "{code} {name}"
PURPOSE_LABEL = FORM["purpose_label"]
DETAIL_LABEL = FORM["detail_label"]  # second line of the place cell
PLACES_SEPARATOR = "; "
LINE_SEPARATOR = "\n"
DAYS_FORMAT = FORM["days_format"]
PERIOD_FORMAT = FORM["period_format"]  # dd/mm/yyyy
ACHIEVEMENTS_LABEL = FORM["achievements_label"]
LIMITATIONS_LABEL = FORM["limitations_label"]
PROPOSALS_LABEL = FORM["proposals_label"]
TOTAL_LABEL = FORM["total_label"]
NOTE_LABEL = FORM["note_label"]
EXAMPLE_PREFIX = FORM["example_prefix"]  # rows of blank templates starting so are examples, skipped on import

# -- signatures ----------------------------------------------------------------------

SIGN_APPROVER = FORM["sign_approver"]  # form 1
SIGN_REGISTRANT = FORM["sign_registrant"]  # form 1
APPROVED_ON_LABEL = FORM["approved_on_label"]  # extra line under the approver's name, dd/mm/yyyy
SIGN_PROVINCE_APPROVAL = FORM["sign_province_approval"]  # form 2
SIGN_HEAD = FORM["sign_head"]  # form 2
SIGN_UNIT_LEADER = FORM["sign_unit_leader"]  # form 3
SIGN_PREPARER = FORM["sign_preparer"]  # form 3
SIGN_STANDING_BOARD = FORM["sign_standing_board"]  # notice (and schedule when the plan has no on_behalf)

# -- the forms -------------------------------------------------------------------------

BLANK_ROWS = 8  # empty rows of a blank template
EXAMPLE_PERIOD_1 = FORM["example_period_1"]
EXAMPLE_PERIOD_2 = FORM["example_period_2"]
EXAMPLE_PLACE = FORM["example_place"]
EXAMPLE_NAME = FORM["example_name"]
EXAMPLE_POST = FORM["example_post"]
EXAMPLE_ACTIVITY = FORM["example_activity"]
EXAMPLE_RESULTS = LINE_SEPARATOR.join([ACHIEVEMENTS_LABEL + "…", LIMITATIONS_LABEL + "…", PROPOSALS_LABEL + "…"])
EXAMPLE_CONTENT_1 = FORM["example_content_1"]
EXAMPLE_CONTENT_2 = FORM["example_content_2"]

# Inspection schedule and notice.
SESSION_LABELS = labels("session", "short")  # "Sáng": the column or the sentence already says "buổi"
SESSION_FORMAT = "{label} ({time})"  # "Sáng (08g00)"
TEAM_FORMAT = "{team}" + LINE_SEPARATOR + FORM["team_leader_format"]
SCHEDULE_DOCUMENTS_FORMAT = FORM["schedule_documents_format"]
SCHEDULE_SESSIONS_FORMAT = FORM["schedule_sessions_format"]
SCHEDULE_ATTENDEES = FORM["schedule_attendees"]
NUMBER_LINE_FORMAT = FORM["number_line_format"]  # the notice's number, under the committee
CLASSIFICATION_LABELS = labels("classification")
NOTICE_VISIT_FORMAT = FORM["notice_visit_format"]
NOTICE_NOT_INSPECTED_FORMAT = FORM["notice_not_inspected_format"]
NOTICE_INTRO = FORM["notice_intro"]
NOTICE_SCORES_HEADING = FORM["notice_scores_heading"]
NOTICE_STRENGTHS_HEADING = FORM["notice_strengths_heading"]
NOTICE_LIMITATIONS_HEADING = FORM["notice_limitations_heading"]
NOTICE_DIRECTIONS_HEADING = FORM["notice_directions_heading"]
NOTICE_CORRECTIONS_HEADING = FORM["notice_corrections_heading"]
NOTICE_CORRECTION_FORMAT = FORM["notice_correction_format"]
NOTICE_BULLET = "- "
SCORE_SELF = FORM["score_self"]
SCORE_DEPARTMENT = FORM["score_department"]
SCORE_ASSESSED = FORM["score_assessed"]
SCORE_BONUS = FORM["score_bonus"]
SCORE_PENALTY = FORM["score_penalty"]
SCORE_FINAL = FORM["score_final"]
SCORE_CLASSIFICATION = FORM["score_classification"]
SCORE_RANK = FORM["score_rank"]
RANK_FORMAT = FORM["rank_format"]
PENALTY_SIGN = "-"
BONUS_SIGN = "+"


# -- cell helpers ------------------------------------------------------------------------


def place_date(place: str, iso: str) -> str:
    """ "Bình An, ngày 04 tháng 02 năm 2026" from 2026-02-04."""
    return PLACE_DATE_FORMAT.format(place=place, dd=iso[8:10], mm=iso[5:7], yyyy=iso[0:4])


def reference(document: Document) -> str:
    return REFERENCE_FORMAT.format(number=document.number, date=format_date(document.date.isoformat()), issuer=document.issuer)


def period(start: dt.date, end: dt.date) -> str:
    return PERIOD_FORMAT.format(start=format_date(start.isoformat()), end=format_date(end.isoformat()))


def days_text(days: int | float) -> str:
    return DAYS_FORMAT.format(days=_number(days))


def content_text(
    ctx: Context, plan: Record[FieldVisitPlan] | None, row: RegistrationRow | QuarterlyReportVisit, purpose: bool = True
) -> str:
    """ "1.3 Theo chuyên đề", then the topic line, then "Mục đích: …" (when asked and present: form 1's rows)."""
    code = row.category
    category = ctx.category(plan, code) if plan else None
    lines = [CONTENT_FORMAT.format(code=code, name=category.name) if category else code]
    topic = row.topic
    if topic:
        found = next((t for t in category.topics if t.code == topic), None) if category else None
        lines.append(CONTENT_FORMAT.format(code=topic, name=found.name) if found else topic)
    if purpose and isinstance(row, RegistrationRow) and row.purpose:
        lines.append(PURPOSE_LABEL + row.purpose)
    return LINE_SEPARATOR.join(lines)


def place_text(ctx: Context, row: RegistrationRow | QuarterlyReportVisit) -> str:
    """Unit names joined with "; ", then "Cụ thể: …" on a second line."""
    text = PLACES_SEPARATOR.join(ctx.unit_name_on(unit, row.from_) for unit in row.places)  # names of the day
    if row.place:
        text += LINE_SEPARATOR + DETAIL_LABEL + row.place
    return text


def results_text(visit: QuarterlyReportVisit) -> str:
    results = visit.results
    lines = []
    if results.achievements:
        lines.append(ACHIEVEMENTS_LABEL + results.achievements)
    if results.limitations:
        lines.append(LIMITATIONS_LABEL + results.limitations)
    if visit.proposals:
        lines.append(PROPOSALS_LABEL + visit.proposals)
    return LINE_SEPARATOR.join(lines)


def _number(value: int | float) -> str:
    """30 -> "30", 12.5 -> "12,5", 90.75 -> "90,75" (a decimal comma)."""
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.2f}".rstrip("0").replace(".", ",")


def _cells(texts: Iterable[str]) -> list[Cell]:
    return [Cell(text) for text in texts]


def _total(columns: list[str], days: int | float) -> list[str]:
    total = [""] * len(columns)
    total[0] = TOTAL_LABEL
    total[columns.index(COL_DAYS)] = days_text(days)
    return total


def _org(ctx: Context) -> Organisation | None:
    return ctx.org.model if ctx.org else None


def _cadre_name(ctx: Context, ident: str | None) -> str:
    if not ident:
        return ""
    cadre = ctx.cadres.get(ident)
    return cadre.model.name if cadre else ident


def _post(ctx: Context, registration: Registration) -> str:
    """The post the cadre gave on form 1, else the one in the list of cadres."""
    if registration.post:
        return registration.post
    cadre = ctx.cadres.get(registration.cadre)
    return cadre.model.post if cadre else ""


def _plan_heading(plan: Record[FieldVisitPlan] | None) -> tuple[str, str]:
    """(year, reference) of a field-visit plan."""
    if plan is None:
        return "", REFERENCE_BLANK
    return str(plan.model.year), reference(plan.model.document)


# -- form 1: registration ------------------------------------------------------------------


def registration_form(ctx: Context, registration: Record[Registration]) -> FormDoc:
    data = registration.model
    plan = ctx.plan(FIELD_VISIT_PLAN, data.plan)
    issuer = ctx.issuer_of(plan)  # a former committee's plan: its records carry its heading
    year, ref = _plan_heading(plan)
    cadre = ctx.cadres.get(data.cadre)
    unit = assignment_on(cadre.model, data.submitted).unit if cadre else registration.folder  # the unit of the day
    rows = [
        _cells(
            [
                str(index),
                content_text(ctx, plan, row),
                days_text(row.days),
                period(row.from_, row.to),
                place_text(ctx, row),
            ]
        )
        for index, row in enumerate(data.rows, 1)
    ]
    approver = Signature(
        SIGN_APPROVER,
        _cadre_name(ctx, data.approved_by),
        APPROVED_ON_LABEL + format_date(data.approved_on.isoformat()) if data.approved_on else "",
    )
    return FormDoc(
        form=FORM_REGISTRATION,
        committee=issuer.committee,
        unit_line=ctx.unit_name_on(unit, data.submitted).upper(),
        place_date=place_date(issuer.place, data.submitted.isoformat()),
        title=TITLE_REGISTRATION,
        subtitle=SUBTITLE_PLAN_FORMAT.format(year=year),
        reference=ref,
        fields=[(FIELD_NAME, _cadre_name(ctx, data.cadre)), (FIELD_POST, _post(ctx, data))],
        intro=[FIELD_CONTENT_LINE],
        columns=list(COLUMNS_REGISTRATION),
        numbers=column_numbers(len(COLUMNS_REGISTRATION)),
        rows=rows,
        total=_total(COLUMNS_REGISTRATION, sum(row.days for row in data.rows)),
        after=[NOTE_LABEL + data.note] if data.note else [],
        signatures=[approver, Signature(SIGN_REGISTRANT, _cadre_name(ctx, data.cadre))],
        sheet=SHEET_NAMES[FORM_REGISTRATION],
    )


# -- form 2: department summary --------------------------------------------------------------


def unit_head(ctx: Context, unit: str) -> str:
    """The name of the unit's head: a leader whose post starts with "Trưởng" or "Chánh", else the first leader."""
    leaders = [ctx.cadres[ident].model for ident in ctx.leaders_of(unit) if ident in ctx.cadres]
    leaders = [cadre for cadre in leaders if cadre.role_group == "leader"] or leaders
    leaders.sort(key=lambda c: (not c.post.startswith(("Trưởng", "Chánh")), name_key(c.name)))
    return leaders[0].name if leaders else ""


def summary_form(ctx: Context, plan: Record[FieldVisitPlan], unit: str, registrations: Iterable[Record[Registration]]) -> FormDoc:
    """Form 2 from the form-1 records of one unit's cadres for one plan, cadres in Vietnamese name order."""
    issuer = ctx.issuer_of(plan)
    year, ref = _plan_heading(plan)
    chosen = sorted(registrations, key=lambda r: (name_key(_cadre_name(ctx, r.model.cadre)), r.file))
    rows: list[list[Cell]] = []
    total = 0.0
    for registration in chosen:
        data = registration.model
        post = _post(ctx, data)
        for row in data.rows:
            total += row.days
            rows.append(
                _cells(
                    [
                        str(len(rows) + 1),
                        _cadre_name(ctx, data.cadre),
                        post,
                        content_text(ctx, plan, row),
                        days_text(row.days),
                        period(row.from_, row.to),
                        place_text(ctx, row),
                    ]
                )
            )
    submitted = max((r.model.submitted for r in chosen), default=None)
    return FormDoc(
        form=FORM_SUMMARY,
        committee=issuer.committee,
        unit_line=ctx.unit_name_on(unit, submitted).upper(),
        place_date=place_date(issuer.place, submitted.isoformat())
        if submitted
        else PLACE_DATE_BLANK.format(place=issuer.place, yyyy=year),
        title=TITLE_SUMMARY,
        subtitle=SUBTITLE_PLAN_FORMAT.format(year=year),
        reference=ref,
        columns=list(COLUMNS_SUMMARY),
        numbers=column_numbers(len(COLUMNS_SUMMARY)),
        rows=rows,
        total=_total(COLUMNS_SUMMARY, total),
        signatures=[Signature(SIGN_PROVINCE_APPROVAL), Signature(SIGN_HEAD, unit_head(ctx, unit))],
        sheet=SHEET_NAMES[FORM_SUMMARY],
    )


# -- form 3: quarterly report ------------------------------------------------------------------


def report_form(ctx: Context, report: Record[QuarterlyReport]) -> FormDoc:
    data = report.model
    plan = ctx.plan(FIELD_VISIT_PLAN, data.plan)
    issuer = ctx.issuer_of(plan)
    year, ref = _plan_heading(plan)
    visits = data.visits
    rows = [
        _cells(
            [
                str(index),
                _cadre_name(ctx, visit.cadre),
                content_text(ctx, plan, visit, purpose=False),
                visit.activity,
                days_text(visit.days),
                period(visit.from_, visit.to),
                place_text(ctx, visit),
                results_text(visit),
            ]
        )
        for index, visit in enumerate(visits, 1)
    ]
    return FormDoc(
        form=FORM_REPORT,
        committee=issuer.committee,
        unit_line=ctx.unit_name_on(data.unit, data.submitted).upper(),
        place_date=place_date(issuer.place, data.submitted.isoformat()),
        title=TITLE_REPORT,
        subtitle=SUBTITLE_REPORT_FORMAT.format(quarter=QUARTER_NUMERALS[data.quarter], year=year),
        reference=ref,
        columns=list(COLUMNS_REPORT),
        numbers=column_numbers(len(COLUMNS_REPORT)),
        rows=rows,
        total=_total(COLUMNS_REPORT, sum(visit.days for visit in visits)),
        after=[NOTE_LABEL + data.note] if data.note else [],
        signatures=[Signature(SIGN_UNIT_LEADER), Signature(SIGN_PREPARER, _cadre_name(ctx, data.prepared_by))],
        sheet=SHEET_NAMES[FORM_REPORT],
    )


# -- inspection schedule -------------------------------------------------------------------------


def _signer(signer: Signer | None) -> Signature:
    """ "TM. BAN THƯỜNG VỤ TỈNH ĐOÀN" and the post (upper case) on two lines, then the name."""
    if signer is None:  # (a model is a tuple: never test one for truth)
        return Signature(SIGN_STANDING_BOARD)
    lines = [signer.on_behalf or SIGN_STANDING_BOARD]
    if signer.title:
        lines.append(signer.title.upper())
    return Signature(LINE_SEPARATOR.join(lines), signer.name)


def _hour(text: str) -> str:
    """ "08:00" -> "08g00"."""
    return text.replace(":", "g")


def _person(ctx: Context, member: str | Person) -> str:
    if isinstance(member, Person):
        return member.name
    return _cadre_name(ctx, member)


SESSION_ORDER = {"morning": 0, "afternoon": 1}


def schedule_form(ctx: Context, plan: Record[InspectionPlan]) -> FormDoc:
    data = plan.model
    issuer = ctx.issuer_of(plan)
    document = data.document
    sessions = data.sessions
    times = {"morning": sessions.morning, "afternoon": sessions.afternoon} if sessions is not None else {}
    entries = sorted(data.schedule, key=lambda e: (e.date, SESSION_ORDER.get(e.session, 2)))
    rows: list[list[Cell]] = []
    for index, entry in enumerate(entries, 1):
        session = entry.session
        label = SESSION_LABELS.get(session, session)
        time = times.get(session)
        team = ctx.team(plan, entry.team) if entry.team else None
        rows.append(
            _cells(
                [
                    str(index),
                    format_date(entry.date.isoformat()),
                    SESSION_FORMAT.format(label=label, time=_hour(time)) if time else label,
                    ctx.unit_name_on(entry.unit, entry.date),
                    TEAM_FORMAT.format(team=team.name, leader=_person(ctx, team.leader)) if team else "",
                    entry.location or "",
                ]
            )
        )
    intro = []
    if data.documents_days_before:
        intro.append(SCHEDULE_DOCUMENTS_FORMAT.format(days=f"{data.documents_days_before:02d}"))
    if sessions is not None and sessions.morning and sessions.afternoon:
        intro.append(SCHEDULE_SESSIONS_FORMAT.format(morning=_hour(sessions.morning), afternoon=_hour(sessions.afternoon)))
    if data.attendees:
        intro.append(SCHEDULE_ATTENDEES)
        intro.extend(f"{NOTICE_BULLET}{a.role}: {a.count_:02d}" for a in data.attendees)
    return FormDoc(
        form=FORM_SCHEDULE,
        committee=issuer.committee,
        unit_line="",
        place_date=place_date(document.place or issuer.place, document.date.isoformat()),
        title=TITLE_SCHEDULE,
        subtitle=document.title,
        reference=reference(document),
        intro=intro,
        columns=list(COLUMNS_SCHEDULE),
        rows=rows,
        signatures=[_signer(document.signer)],
        sheet=SHEET_NAMES[FORM_SCHEDULE],
    )


# -- classification notice ------------------------------------------------------------------------


def _points(value: float | None) -> str:
    """A score, or "…" when the record leaves it out (a correction may give only its item)."""
    return _number(value) if value is not None else "…"


def notice_form(ctx: Context, result: Record[InspectionResult]) -> FormDoc:
    data = result.model
    org = _org(ctx)
    plan = ctx.plan(INSPECTION_PLAN, data.plan)
    issuer = ctx.issuer_of(plan)
    year = plan.model.year if plan else data.date.year
    unit = ctx.unit_name_on(data.unit, data.date)
    notice = data.notice
    team = ctx.team(plan, data.team) if plan and data.team else None
    intro: list[str] = []
    if data.status == "not-inspected":
        intro.append(NOTICE_NOT_INSPECTED_FORMAT.format(unit=unit))
    else:
        intro.append(
            NOTICE_VISIT_FORMAT.format(
                date=format_date(data.date.isoformat()),
                session=SESSION_LABELS.get(data.session or "", "").lower() or "…",
                team=team.name if team else data.team,
                leader=_person(ctx, team.leader) if team else "…",
                unit=unit,
                year=year,
            )
        )
    intro += [NOTICE_INTRO, NOTICE_SCORES_HEADING]
    items: list[tuple[str, str]] = []
    if data.self_score is not None:
        items.append((SCORE_SELF, _number(data.self_score)))
    for score in data.department_scores:
        items.append((SCORE_DEPARTMENT.format(unit=ctx.unit_name_on(score.unit, data.date)), _number(score.score)))
    if data.assessed_score is not None:
        items.append((SCORE_ASSESSED, _number(data.assessed_score)))
    for bonus in data.bonus:
        items.append((SCORE_BONUS.format(reason=bonus.reason), BONUS_SIGN + _number(bonus.points)))
    for penalty in data.penalty:
        items.append((SCORE_PENALTY.format(reason=penalty.reason), PENALTY_SIGN + _number(penalty.points)))
    if data.final_score is not None:
        items.append((SCORE_FINAL, _number(data.final_score)))
    if data.classification:
        items.append((SCORE_CLASSIFICATION, CLASSIFICATION_LABELS.get(data.classification, "")))
    if data.rank:
        sectors = {sector.id: sector.name for sector in org.sectors} if org else {}
        sector = ctx.sector_on(data.unit, data.date)
        items.append((SCORE_RANK, RANK_FORMAT.format(rank=data.rank, sector=sectors.get(sector or "", sector or ""))))
    rows = [_cells([str(index), item, points]) for index, (item, points) in enumerate(items, 1)]
    after: list[str] = []
    for heading, lines in (
        (NOTICE_STRENGTHS_HEADING, data.strengths),
        (NOTICE_LIMITATIONS_HEADING, data.limitations),
        (NOTICE_DIRECTIONS_HEADING.format(year=year + 1), data.directions),
    ):
        if lines:
            after.append(heading)
            after.extend(NOTICE_BULLET + line for line in lines)
    if data.self_score_corrections:
        after.append(NOTICE_CORRECTIONS_HEADING)
        for correction in data.self_score_corrections:
            line = NOTICE_CORRECTION_FORMAT.format(
                item=correction.item, self_points=_points(correction.self_), corrected=_points(correction.corrected)
            )
            after.append(line + (f" ({correction.note})" if correction.note else "."))
    if data.note:
        after.append(NOTE_LABEL + data.note)
    issued = notice.date if notice is not None else data.date
    return FormDoc(
        form=FORM_NOTICE,
        committee=issuer.committee,
        unit_line=NUMBER_LINE_FORMAT.format(number=notice.number) if notice is not None and notice.number else "",
        place_date=place_date(issuer.place, issued.isoformat()),
        title=TITLE_NOTICE,
        subtitle=SUBTITLE_NOTICE_FORMAT.format(year=year, unit=unit),
        intro=intro,
        columns=list(COLUMNS_NOTICE),
        rows=rows,
        after=after,
        signatures=[_signer(notice.signer if notice is not None else None)],
        sheet=SHEET_NAMES[FORM_NOTICE],
    )


# -- blank templates ----------------------------------------------------------------------------------


def blank_form(form: str, ctx: Context, plan: Record[FieldVisitPlan] | None = None) -> FormDoc:
    """Form 1, 2 or 3 with two example rows ("VD1: …", skipped on import) and empty rows."""
    issuer = ctx.issuer_of(plan)
    year, ref = _plan_heading(plan)
    year = year or "……"
    p1, p2 = EXAMPLE_PERIOD_1.format(year=year), EXAMPLE_PERIOD_2.format(year=year)
    if form == FORM_REGISTRATION:
        columns = COLUMNS_REGISTRATION
        examples = [
            ["", "VD1: " + EXAMPLE_CONTENT_1, days_text(30), p1, EXAMPLE_PLACE],
            ["", "VD2: " + EXAMPLE_CONTENT_2, days_text(10), p2, EXAMPLE_PLACE],
        ]
        doc = FormDoc(
            form=form,
            title=TITLE_REGISTRATION,
            subtitle=SUBTITLE_PLAN_FORMAT.format(year=year),
            fields=[(FIELD_NAME, ""), (FIELD_POST, "")],
            intro=[FIELD_CONTENT_LINE],
            signatures=[Signature(SIGN_APPROVER), Signature(SIGN_REGISTRANT)],
        )
    elif form == FORM_SUMMARY:
        columns = COLUMNS_SUMMARY
        examples = [
            ["", "VD1: " + EXAMPLE_NAME, EXAMPLE_POST, EXAMPLE_CONTENT_1, days_text(30), p1, EXAMPLE_PLACE],
            ["", "VD2: " + EXAMPLE_NAME, EXAMPLE_POST, EXAMPLE_CONTENT_2, days_text(10), p2, EXAMPLE_PLACE],
        ]
        doc = FormDoc(
            form=form,
            title=TITLE_SUMMARY,
            subtitle=SUBTITLE_PLAN_FORMAT.format(year=year),
            signatures=[Signature(SIGN_PROVINCE_APPROVAL), Signature(SIGN_HEAD)],
        )
    elif form == FORM_REPORT:
        columns = COLUMNS_REPORT
        examples = [
            ["", "VD1: " + EXAMPLE_NAME, EXAMPLE_CONTENT_1, EXAMPLE_ACTIVITY, days_text(30), p1, EXAMPLE_PLACE, EXAMPLE_RESULTS],
        ]
        doc = FormDoc(
            form=form,
            title=TITLE_REPORT,
            subtitle=SUBTITLE_REPORT_FORMAT.format(quarter="……", year=year),
            signatures=[Signature(SIGN_UNIT_LEADER), Signature(SIGN_PREPARER)],
        )
    else:
        raise ValueError(form)
    doc.committee = issuer.committee
    doc.unit_line = UNIT_LINE_BLANK
    doc.place_date = PLACE_DATE_BLANK.format(place=issuer.place, yyyy=year)
    doc.reference = ref
    doc.sheet = SHEET_NAMES[form]
    doc.columns = list(columns)
    doc.numbers = column_numbers(len(columns))
    doc.rows = [_cells(row) for row in examples] + [_cells([""] * len(columns)) for _ in range(BLANK_ROWS)]
    doc.total = [TOTAL_LABEL] + [""] * (len(columns) - 1)
    return doc
