"""``site-gen import``: a filled form 1, 2 or 3 (.xlsx or .docx) into records, through intake.

The readers turn the file into a :class:`FormDoc`; :class:`FormImport` reads
it (:mod:`site_gen.intake.office_form`) into intake's typed answers, and
intake builds the records (an existing record of the same cadre and plan, or
of the same unit and quarter, is updated and the changes are listed), checks
them once on a stage and writes those that bring no new error.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from site_gen.catalogue import render, render_code, say
from site_gen.diff import Labeller, value_changes
from site_gen.discover import data_root
from site_gen.errors import SetupError
from site_gen.intake.commit import commit
from site_gen.intake.office_form import FORM_NAMES, FormReader, Planned, Problem, cell_lines, labelled
from site_gen.intake.parse import find_cadre, find_unit, parse_date, quarter_number
from site_gen.kinds import CADRE, QUARTERLY_REPORT, REGISTRATION, Kind
from site_gen.kinds.cadre import assignment_on
from site_gen.kinds.intake import REPLACE, ROWS, Draft, Row, Span, Visit
from site_gen.kinds.quarterly_report import QuarterlyReportAnswers
from site_gen.kinds.registration import RegistrationAnswers
from site_gen.model import Record, of_kind
from site_gen.office import layout
from site_gen.office.document import Cell
from site_gen.office.reading import OfficeFileError, Reading, nfc
from site_gen.vn import fold
from site_gen.workspace import named_file

__all__ = ["FormImport", "Planned", "Problem", "read_file"]


class FormImport(FormReader):
    """One FormDoc against the repository: its answers read, intake's drafts of the records they make."""

    # -- records -------------------------------------------------------------------------------

    def existing_registration(self, cadre: str, plan: str) -> Record | None:
        return self.loaded.existing(REGISTRATION, lambda d: d["cadre"] == cadre and d["plan"] == plan)

    def plan_records(self) -> list[Planned]:
        if not self.check_columns():
            self.leftovers(set(), False)
            return []
        make: Callable[[], list[Planned]] = {"1": self.form1, "2": self.form2, "3": self.form3}[self.form]
        return make()

    def draft(self, kind: Kind, answers: Any) -> Draft:
        """The record the kind builds from the answers (a notice when it took today's date)."""
        made = self.loaded.build(kind, answers)
        if made.dated_today:
            where = self.where("place_date", say("office_where", "place_date_line"))
            self.add("office.submitted-today", where, self.doc.place_date, submitted_date=self.today)
        return made

    def post(self, written: str, cadre: Record) -> str:
        """A post written on the form, kept only when it is not the cadre's own."""
        return written if written and fold(written) != fold(str(cadre.data.get("post", ""))) else ""

    def approval(self) -> tuple[str, str]:
        """Who approved a registration (form 1's approver signature) and when ("Ngày duyệt: …")."""
        approver = next((s for s in self.doc.signatures if fold(s.title) == fold(layout.SIGN_APPROVER)), None)
        if approver is None or not approver.name.strip():
            return "", ""
        index = self.doc.signatures.index(approver)
        found = self.attempt((approver.name, self.where(f"sig-name:{index}", approver.title)), lambda t: find_cadre(self.ctx, t))
        extra = labelled(cell_lines(approver.extra), "")
        approved_on = None
        if extra.get("approved_on"):
            approved_on = self.attempt((extra["approved_on"], self.where(f"sig-extra:{index}", approver.title)), parse_date)
        return (found.id if found is not None else ""), approved_on or ""

    def form1(self) -> list[Planned]:
        plan = self.plan()
        name = self.field_value(layout.FIELD_NAME)
        cadre: Record | None = None
        if name is None or not name[0].strip():
            self.add("office.missing", name[1] if name else say("office_where", "field_line", field=layout.FIELD_NAME), "")
        else:
            cadre = self.attempt((name[0], name[1]), lambda t: self.cadre(t, self.unit_arg))
        post_field = self.field_value(layout.FIELD_POST)
        approved_by, approved_on = self.approval()
        rows: list[Row] = []
        data_rows = self.data_rows()
        for row in data_rows:
            if plan is None:
                break
            built = self.registration_row(row, plan, "")
            if built is None:
                self.skipped.append(self.row_name(row))
            else:
                rows.append(built)
        self.check_total([row.span.days for row in rows])
        note = self.note()
        self.leftovers({fold(layout.FIELD_NAME), fold(layout.FIELD_POST)}, True)
        if plan is None or cadre is None or not rows:
            return []
        post = self.post(post_field[0].strip() if post_field else "", cadre)
        answers = RegistrationAnswers(plan, cadre, rows, self.submitted(), post, note, approved_by, approved_on, REPLACE)
        return [Planned(cadre.id, self.draft(REGISTRATION, answers), f"{cadre.data['name']} ({cadre.id})")]

    def form2(self) -> list[Planned]:
        plan = self.plan()
        groups: dict[str, list[Row]] = {}
        posts: dict[str, str] = {}
        cadres: dict[str, Record] = {}
        data_rows = self.data_rows()
        current: Record | None = None
        for row in data_rows:
            name = self.column(row, "name")
            if name is not None and name.text.strip():
                current = self.attempt(name, lambda t: self.cadre(t, self.unit_arg))
                if current is None:
                    continue
            elif current is None:
                self.required(name, "")
                continue
            cadres[current.id] = current
            post = self.column(row, "post")
            if post is not None and post.text.strip():
                posts.setdefault(current.id, post.text.strip())
            if plan is None:
                continue
            built = self.registration_row(row, plan, current.id)
            if built is None:
                self.skipped.append(self.row_name(row))
                continue
            groups.setdefault(current.id, []).append(built)
        self.check_total([row.span.days for rows in groups.values() for row in rows])
        self.leftovers(set(), False)
        if plan is None:
            return []
        return [self.summary_registration(plan, cadres[ident], rows, posts.get(ident, "")) for ident, rows in groups.items()]

    def summary_registration(self, plan: Record, cadre: Record, rows: list[Row], post: str) -> Planned:
        """One cadre's rows of a department's summary into the cadre's registration."""
        # the summary's date is not each registration's: a registration keeps its own
        written = None if self.existing_registration(cadre.id, plan.id) else self.submitted()
        answers = RegistrationAnswers(plan, cadre, rows, written, self.post(post, cadre), mode=ROWS)
        made = self.draft(REGISTRATION, answers)
        for code, params in made.notes:
            if code == "issue.text-approval-dropped":
                self.add("office.approval-dropped", self.table, "", cadre.id, approver=str(params["approver"]))
        return Planned(cadre.id, made, f"{cadre.data['name']} ({cadre.id})")

    def quarter(self) -> int:
        match = re.search(r"\bquy\s+(iv|iii|ii|i|[1-4])\b", fold(self.doc.subtitle))
        if match is None:
            self.add("office.no-quarter", self.where("subtitle", say("office_where", "title_line")), self.doc.subtitle)
            return 0
        return quarter_number(match.group(1))

    def report_unit(self) -> Record | None:
        if self.unit_arg is not None:
            return self.unit_arg
        where = self.where("unit_line", say("office_where", "unit_line"))
        if not self.doc.unit_line.strip():
            self.add("office.no-unit", where)
            return None
        found: Record | None = self.attempt((self.doc.unit_line, where), lambda t: find_unit(self.ctx, t, self.form_day()))
        return found

    def preparer(self, unit: Record | None) -> str:
        preparer = next((s for s in self.doc.signatures if fold(s.title) == fold(layout.SIGN_PREPARER)), None)
        if preparer is None or not preparer.name.strip():
            return ""
        where = self.where(f"sig-name:{self.doc.signatures.index(preparer)}", preparer.title)
        found = self.attempt((preparer.name, where), lambda t: self.cadre(t, unit))
        return found.id if found is not None else ""

    def visit(self, row: list[Cell], plan: Record, unit: Record | None) -> Visit | None:
        """One row of form 3; None (and the row named as left out) when a cell does not read."""
        name = self.column(row, "name")
        cadre = self.attempt(name, lambda t: self.cadre(t, unit)) if self.required(name, "") and name is not None else None
        content = self.content(self.column(row, "content"), plan, "", purpose=False)
        activity = self.column(row, "activity")
        has_activity = self.required(activity, "")
        span = self.period(row, "")
        count = self.days(row, "", span)
        places = self.places(self.column(row, "places"), "", span)
        results = self.results(row, "")
        # the cadre's unit on the visit's first day: a cadre who moved since reported for the unit they served then
        day = dt.date.fromisoformat(span[0]) if span else self.form_day()
        then = assignment_on(of_kind(CADRE, cadre).model, day).unit if cadre is not None else None
        if cadre is not None and unit is not None and then != unit.id and name is not None:
            cadre_unit = self.ctx.unit_name(str(then))
            self.add(
                "issue.cadre-unit", name.where, name.text, cadre=cadre.data["name"], cadre_unit=cadre_unit, unit=unit.data["name"]
            )
            return None
        if cadre is None or content is None or span is None or count is None or places is None or results is None:
            return None
        if not has_activity or activity is None:
            return None
        where = Span(count, span[0], span[1], places[0], places[1])
        return Visit(cadre.id, content[0], nfc(activity.text).strip(), where, *results)

    def form3(self) -> list[Planned]:
        plan = self.plan()
        unit = self.report_unit()
        quarter = self.quarter()
        prepared_by = self.preparer(unit)
        visits: list[Visit] = []
        data_rows = self.data_rows()
        for row in data_rows:
            if plan is None:
                name = self.column(row, "name")
                if self.required(name, "") and name is not None:
                    self.attempt(name, lambda t: self.cadre(t, unit))
                continue
            visit = self.visit(row, plan, unit)
            if visit is None:
                self.skipped.append(self.row_name(row))
            else:
                visits.append(visit)
        self.check_total([visit.span.days for visit in visits])
        note = self.note()
        self.leftovers(set(), True)
        if plan is None or unit is None or not quarter or not visits:
            return []
        answers = QuarterlyReportAnswers(plan, unit, quarter, visits, self.submitted(), prepared_by, note, REPLACE)
        label = say("office_where", "report", unit=unit.data["name"], quarter=quarter, year=plan.data["year"])
        return [Planned(unit.id, self.draft(QUARTERLY_REPORT, answers), label)]


# -- writing ----------------------------------------------------------------------------------


@dataclass
class Result:
    created: list[str] = field(default_factory=list)
    updated: list[tuple[str, list[tuple[str, str, str]]]] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    left_out: list[str] = field(default_factory=list)
    written: bool = False

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.error]


def write_records(job: FormImport, planned: list[Planned], partial: bool, out: Path | None) -> Result:
    """Every changed record staged, checked once, and written (or, without ``partial``, none on an error)."""
    result = Result(problems=list(job.problems))
    if result.errors and not partial:
        result.left_out = [p.label for p in planned] + list(job.skipped)
        return result
    result.left_out = list(job.skipped)
    result.unchanged = [item.path for item in planned if item.old is not None and item.old == item.value]
    todo = [item for item in planned if item.path not in result.unchanged]
    if not todo:
        result.written = bool(result.unchanged)
        return result
    files = {item.path: item.draft.text.encode("utf-8") for item in todo}
    committed = commit(job.root, files, job.loaded.before, partial, out)
    for problem in committed.errors:
        message = render(problem, job.lang)[1]
        where = f"{problem.file}:{problem.line}" if problem.line else problem.file
        result.problems.append(Problem("office.check-problem", where, "", {"message": message, "code": problem.code}))
    if committed.refused and not partial:
        result.left_out = [item.label for item in todo]
        return result
    result.left_out += [item.label for item in todo if item.path in committed.refused]
    labeller = Labeller(job.root, job.lang)
    ctx = job.ctx
    known = {ident: str(r.data.get("name", ident)) for ident, r in ctx.cadres.items()}
    known.update({ident: ctx.unit_name(ident) for ident in ctx.units})
    for item in todo:
        if item.path in committed.refused:
            continue
        if item.old is None:
            result.created.append(item.path)
        else:
            result.updated.append((item.path, value_changes(labeller, item.kind, item.old, item.value, known)))
    result.written = True
    return result


# -- the command --------------------------------------------------------------------------------


def read_file(path: Path, form: str) -> Reading:
    suffix = path.suffix.lower()
    if suffix in (".xls", ".doc"):
        raise OfficeFileError("office.old-format", old=suffix, new=suffix + "x")
    if suffix in (".xlsx", ".xlsm"):
        from site_gen.office.xlsx_reader import read_xlsx_file

        return read_xlsx_file(path, form)
    if suffix == ".docx":
        from site_gen.office.docx_reader import read_docx_file

        return read_docx_file(path, form)
    raise OfficeFileError("office.not-office", expected=".xlsx/.docx", looks=suffix or "?")


def _t(code: str, lang: str, **params: Any) -> str:
    return render_code(code, params, lang)[1]


def _problem_line(problem: Problem, lang: str) -> str:
    message = render_code(problem.code, problem.params, lang)[1]
    found = " ".join(problem.found.split())
    found = found if len(found) <= 120 else found[:119] + "…"
    if problem.where and found:
        return _t("office.text-found", lang, where=problem.where, found=found, message=message)
    if problem.where:
        return _t("office.text-where", lang, where=problem.where, message=message)
    return message


def summary(path: Path, form: str, result: Result, partial: bool, lang: str) -> str:
    lines = [_t("office.text-title", lang, file=path.name, form=FORM_NAMES[form])]
    if result.created or result.updated or result.unchanged:
        lines.append("")
    for created in result.created:
        lines.append(f"+ {_t('office.text-created', lang, path=created)}")
    for updated, changes in result.updated:
        lines.append(f"~ {_t('office.text-updated', lang, path=updated)}")
        for label, before, after in changes:
            lines.append(f"    - {_t('office.text-change', lang, field=label, before=before, after=after)}")
    for unchanged in result.unchanged:
        lines.append(f"= {_t('office.text-unchanged', lang, path=unchanged)}")
    notices = [p for p in result.problems if not p.error]
    errors = result.errors
    if notices:
        lines += ["", _t("office.text-notices", lang, count=len(notices))]
        lines += [f"  - {_problem_line(p, lang)}" for p in notices]
    if errors:
        lines += ["", _t("office.text-errors", lang, count=len(errors))]
        lines += [f"  - {_problem_line(p, lang)}" for p in errors]
    lines.append("")
    if errors and not result.written and not result.created and not result.updated:
        lines.append(_t("office.text-nothing-written", lang))
    if result.left_out and (partial or result.written):
        lines.append(_t("office.text-left-out", lang, records_list=result.left_out))
    lines.append(
        _t("office.text-done", lang, created=len(result.created), updated=len(result.updated), unchanged=len(result.unchanged))
    )
    return "\n".join(lines) + "\n"


def import_form(
    root: Path,
    path: Path,
    form: str,
    unit: str | None = None,
    out: Path | None = None,
    partial: bool = False,
    lang: str = "vi",
    today: dt.date | None = None,
) -> tuple[int, str]:
    """Import ``path`` as ``form`` into ``root`` (or ``out``): (exit code, summary text)."""
    try:
        reading = read_file(path, form)
    except OfficeFileError as exc:
        result = Result(problems=[Problem(exc.code, path.name, "", exc.params)])
        return 1, summary(path, form, result, partial, lang)
    reading.doc.form = form
    job = FormImport(root, reading, form, unit, lang, today or dt.date.today())
    planned = job.plan_records()
    result = write_records(job, planned, partial, out)
    return (1 if result.errors else 0), summary(path, form, result, partial, lang)


def cmd_import(args: argparse.Namespace) -> int:
    root = data_root(args.root)
    path = named_file(args.file)
    if path is None:
        raise SetupError("setup.io", path=args.file, detail=say("io_detail", "no_file", args.lang))
    out = Path(args.out).resolve() if args.out else None
    code, text = import_form(root, path, args.form, args.unit, out, args.partial, args.lang)
    sys.stdout.write(text)
    return code
