"""``site-gen export`` and the site's form downloads: records -> FormDoc -> .xlsx / .docx files.

:func:`select` picks the forms a command line asks for (each an :class:`Item`:
a file stem, the FormDoc and a Vietnamese label); :func:`render` turns items
into ``{file name: bytes}``. File names:

- ``mau-1-dang-ky-<cadre>-<year>``, ``mau-2-tong-hop-<unit>-<year>``,
  ``mau-3-bao-cao-<unit>-<year>-quy-<q>``, ``lich-kiem-tra-<year>``,
  ``thong-bao-kiem-tra-<unit>-<year>``;
- blank templates ``mau-1-dang-ky-trong``, ``mau-2-tong-hop-trong``,
  ``mau-3-bao-cao-trong`` (with ``-<year>`` when made for a year's plan).

Rendering one file takes 10-50 ms, so :func:`render_forms` takes the files
found in a cache (:class:`site_gen.cachefiles.FormCache`, read and written by
the command): a file is rendered again only when its FormDoc (or this tool's
version) changed. Everything here but :func:`run` is a pure function of the
records.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from site_gen import __version__
from site_gen.atomic import write_files
from site_gen.cachefiles import FormCache, FormKey
from site_gen.catalogue import render_code, say, words
from site_gen.errors import SetupError
from site_gen.kinds import FIELD_VISIT_PLAN, INSPECTION_PLAN, INSPECTION_RESULT, QUARTERLY_REPORT, REGISTRATION
from site_gen.kinds.cadre import assignment_on
from site_gen.kinds.field_visit_plan import FieldVisitPlan
from site_gen.kinds.inspection_plan import InspectionPlan
from site_gen.kinds.registration import Registration
from site_gen.model import Context, Record, records_of
from site_gen.office import docx_writer, layout, xlsx_writer
from site_gen.office.document import FormDoc
from site_gen.workspace import load_published

FORMATS = ("xlsx", "docx")
WRITERS: dict[str, Callable[[FormDoc], bytes]] = {"xlsx": xlsx_writer.render, "docx": docx_writer.render}
BLANK_STEMS = {
    layout.FORM_REGISTRATION: "mau-1-dang-ky-trong",
    layout.FORM_SUMMARY: "mau-2-tong-hop-trong",
    layout.FORM_REPORT: "mau-3-bao-cao-trong",
}
FORM_NAMES = words("form_names")  # by form: site_gen/words/ui.toml


@dataclass
class Item:
    stem: str  # file name without the extension
    doc: FormDoc
    label: str  # Vietnamese, for lists and messages
    group: str  # "blank", "1", "2", "3", "schedule", "notice"
    year: int = 0
    owner: str = ""  # the cadre (form 1) or the unit the file is about


# -- file names -----------------------------------------------------------------------


def registration_stem(cadre: str, year: int) -> str:
    return f"mau-1-dang-ky-{cadre}-{year}"


def summary_stem(unit: str, year: int) -> str:
    return f"mau-2-tong-hop-{unit}-{year}"


def report_stem(unit: str, year: int, quarter: int) -> str:
    return f"mau-3-bao-cao-{unit}-{year}-quy-{quarter}"


def schedule_stem(year: int, issuer: str | None = None) -> str:
    """The inspection schedule of a year (of a former committee's plan: its id at the end, as two of a year may be)."""
    return f"lich-kiem-tra-{year}" + (f"-{issuer}" if issuer else "")


def notice_stem(unit: str, year: int) -> str:
    return f"thong-bao-kiem-tra-{unit}-{year}"


def blank_stem(form: str, year: int | None = None) -> str:
    return BLANK_STEMS[form] + (f"-{year}" if year else "")


# -- what there is to export ------------------------------------------------------------


def _year(plan: Record[FieldVisitPlan] | Record[InspectionPlan] | None) -> int | None:
    return plan.model.year if plan else None


def _cadre_unit(ctx: Context, registration: Record[Registration]) -> str:
    cadre = ctx.cadres.get(registration.model.cadre)
    return assignment_on(cadre.model, registration.model.submitted).unit if cadre else registration.folder


def registrations(
    ctx: Context, records: Iterable[Record], year: int | None = None, cadre: str | None = None, unit: str | None = None
) -> list[Item]:
    items = []
    for record in records_of(REGISTRATION, records):
        data = record.model
        found = _year(ctx.plan(FIELD_VISIT_PLAN, data.plan))
        if found is None or (year and found != year):
            continue
        if cadre and data.cadre != cadre:
            continue
        if unit and _cadre_unit(ctx, record) != unit:
            continue
        name = ctx.cadres[data.cadre].model.name if data.cadre in ctx.cadres else data.cadre
        items.append(
            Item(
                registration_stem(data.cadre, found),
                layout.registration_form(ctx, record),
                say("form_titles", "registration", year=found, name=name),
                layout.FORM_REGISTRATION,
                found,
                data.cadre,
            )
        )
    return sorted(items, key=lambda item: (item.year, item.stem))


def summaries(ctx: Context, records: Iterable[Record], year: int | None = None, unit: str | None = None) -> list[Item]:
    groups: dict[tuple[str, str], list[Record[Registration]]] = {}
    for record in records_of(REGISTRATION, records):
        owner = _cadre_unit(ctx, record)
        if unit and owner != unit:
            continue
        groups.setdefault((record.model.plan, owner), []).append(record)
    items = []
    for (plan_id, owner), chosen in sorted(groups.items()):
        plan = ctx.plan(FIELD_VISIT_PLAN, plan_id)
        if plan is None or (year and plan.model.year != year):
            continue
        found = plan.model.year
        items.append(
            Item(
                summary_stem(owner, found),
                layout.summary_form(ctx, plan, owner, chosen),
                say("form_titles", "summary", year=found, unit=ctx.unit_name(owner)),
                layout.FORM_SUMMARY,
                found,
                owner,
            )
        )
    return sorted(items, key=lambda item: (item.year, item.stem))


def reports(
    ctx: Context, records: Iterable[Record], year: int | None = None, unit: str | None = None, quarter: int | None = None
) -> list[Item]:
    items = []
    for record in records_of(QUARTERLY_REPORT, records):
        data = record.model
        found = _year(ctx.plan(FIELD_VISIT_PLAN, data.plan))
        owner = data.unit
        number = data.quarter
        if found is None or (year and found != year) or (unit and owner != unit) or (quarter and number != quarter):
            continue
        items.append(
            Item(
                report_stem(owner, found, number),
                layout.report_form(ctx, record),
                say("form_titles", "report", quarter=number, year=found, unit=ctx.unit_name(owner)),
                layout.FORM_REPORT,
                found,
                owner,
            )
        )
    return sorted(items, key=lambda item: (item.year, item.stem))


def schedules(ctx: Context, year: int | None = None) -> list[Item]:
    items = []
    for plan in ctx.table(INSPECTION_PLAN).values():
        found = plan.model.year
        if (year and found != year) or not plan.model.schedule:
            continue
        items.append(
            Item(
                schedule_stem(found, plan.model.issuer),
                layout.schedule_form(ctx, plan),
                say("form_titles", "schedule", year=found),
                layout.FORM_SCHEDULE,
                found,
            )
        )
    return sorted(items, key=lambda item: item.stem)


def notices(ctx: Context, records: Iterable[Record], year: int | None = None, unit: str | None = None) -> list[Item]:
    items = []
    for record in records_of(INSPECTION_RESULT, records):
        found = _year(ctx.plan(INSPECTION_PLAN, record.model.plan))
        owner = record.model.unit
        if found is None or (year and found != year) or (unit and owner != unit):
            continue
        items.append(
            Item(
                notice_stem(owner, found),
                layout.notice_form(ctx, record),
                say("form_titles", "notice", year=found, unit=ctx.unit_name(owner)),
                layout.FORM_NOTICE,
                found,
                owner,
            )
        )
    return sorted(items, key=lambda item: (item.year, item.stem))


def blanks(
    ctx: Context, year: int | None = None, forms: Sequence[str] = tuple(BLANK_STEMS), unit: str | None = None
) -> list[Item]:
    """Blank forms headed for the plan of ``year`` (with ``unit``: the plan of the committee that unit belonged to)."""
    plans = ctx.unit_plans(FIELD_VISIT_PLAN, year, unit or "") if year else []
    plan = plans[0] if plans else None
    return [
        Item(
            blank_stem(form, year if plan else None),
            layout.blank_form(form, ctx, plan),
            say("form_titles", "blank", form=FORM_NAMES[form]),
            "blank",
        )
        for form in forms
    ]


# -- files ----------------------------------------------------------------------------------


def form_key(item: Item, fmt: str) -> FormKey:
    """What a rendered file depends on: its format, its FormDoc and this tool's version."""
    return (fmt, f"{__version__}\0{fmt}\0{item.doc!r}")


def form_keys(chosen: Iterable[tuple[Item, Sequence[str]]]) -> list[FormKey]:
    return [form_key(item, fmt) for item, formats in chosen for fmt in formats]


def render_forms(
    items: Iterable[Item], formats: Sequence[str] = FORMATS, cached: Mapping[FormKey, bytes] | None = None
) -> tuple[dict[str, bytes], dict[FormKey, bytes]]:
    """``{"<stem>.<format>": bytes}``, taking the files found in ``cached``; and the files rendered afresh."""
    out: dict[str, bytes] = {}
    fresh: dict[FormKey, bytes] = {}
    for item in items:
        for fmt in formats:
            key = form_key(item, fmt)
            found = cached.get(key) if cached else None
            if found is None:
                found = fresh[key] = WRITERS[fmt](item.doc)
            out[f"{item.stem}.{fmt}"] = found
    return out, fresh


def render(items: Iterable[Item], formats: Sequence[str] = FORMATS, cache: Path | None = None) -> dict[str, bytes]:
    """``{"<stem>.<format>": bytes}``; with a ``cache`` folder, unchanged files are read back instead of rendered
    (:class:`site_gen.cachefiles.FormCache`: a damaged or planted file is rendered again)."""
    items = list(items)
    if cache is None:
        return render_forms(items, formats)[0]
    store = FormCache(cache)
    out, fresh = render_forms(items, formats, store.read(form_keys((item, formats) for item in items)))
    store.write(fresh)
    return out


# -- the command ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ExportOptions:
    """What ``site-gen export`` was asked for (the command line, as values)."""

    form: str | None = None
    inspection_schedule: bool = False
    notice: str | None = None
    cadre: str | None = None
    unit: str | None = None
    year: int | None = None
    quarter: int | None = None
    blank: bool = False
    formats: tuple[str, ...] = FORMATS
    out: Path | None = None  # None: the current folder


def select(ctx: Context, records: list[Record], args: ExportOptions) -> list[Item]:
    """The items a command line asks for; SetupError (exit 2) for a wrong combination."""
    chosen = [bool(args.form), bool(args.inspection_schedule), bool(args.notice)]
    if sum(chosen) != 1:
        raise SetupError("setup.export-what")
    if args.cadre and args.cadre not in ctx.cadres:
        raise SetupError("setup.export-unknown-cadre", cadre=args.cadre)
    for unit in (args.unit, args.notice):
        if unit and unit not in ctx.units:
            raise SetupError("setup.export-unknown-unit", unit=unit)
    what = (
        FORM_NAMES[args.form]
        if args.form
        else FORM_NAMES[layout.FORM_SCHEDULE if args.inspection_schedule else layout.FORM_NOTICE]
    )
    _refuse(args, what)
    if args.blank:
        assert args.form, "--blank is refused above for anything but a form"
        return blanks(ctx, args.year, [args.form], args.unit)
    if not args.year:
        raise SetupError("setup.export-year")
    if args.form:
        if not ctx.plans_for_year(FIELD_VISIT_PLAN, args.year):
            raise SetupError("setup.no-plan", year=args.year)
        if args.form == layout.FORM_REGISTRATION:
            items = registrations(ctx, records, args.year, args.cadre, args.unit)
        elif args.form == layout.FORM_SUMMARY:
            items = summaries(ctx, records, args.year, args.unit)
        else:
            items = reports(ctx, records, args.year, args.unit, args.quarter)
    else:
        if not ctx.plans_for_year(INSPECTION_PLAN, args.year):
            raise SetupError("setup.export-no-inspection-plan", year=args.year)
        items = schedules(ctx, args.year) if args.inspection_schedule else notices(ctx, records, args.year, args.notice)
    if not items:
        raise SetupError("setup.export-nothing", what=what, year=args.year)
    return items


def _refuse(args: ExportOptions, what: str) -> None:
    """Options that make no sense for the chosen form."""
    allowed = {
        layout.FORM_REGISTRATION: {"cadre", "unit", "blank"},
        layout.FORM_SUMMARY: {"unit", "blank"},
        layout.FORM_REPORT: {"unit", "quarter", "blank"},
    }.get(args.form or "", set())
    for option in ("cadre", "unit", "quarter", "blank"):
        if getattr(args, option) and option not in allowed:
            raise SetupError("setup.export-option", option="--" + option, what=what)


def run(root: Path, options: ExportOptions, lang: str = "vi") -> int:
    """``site-gen export``: check (refusing while there is an error), select, render, write all files or none."""
    state = load_published(root, lang, site=False)
    items = select(state.context, state.records, options)
    out = options.out or Path.cwd()
    files = render(items, options.formats)
    try:
        # Into the repository: all files or none, even if killed (site_gen.atomic).
        write_files(root, {out / name: content for name, content in files.items()})
    except OSError as exc:
        raise SetupError("setup.io", path=str(out), detail=exc.strerror or str(exc)) from None
    _, message = render_code("setup.export-written", {"count": len(files), "path": str(out)}, lang)
    lines = [message, *(f"  {out / name}" for name in files)]
    sys.stdout.write("\n".join(lines) + "\n")
    return 0


# -- the site's downloads --------------------------------------------------------------------------

SITE_FOLDER = "tai-ve/bieu-mau"
GROUP_TITLES = words("form_groups")


def site_items(ctx: Context, records: list[Record]) -> list[tuple[Item, tuple[str, ...]]]:
    """What the site offers, with the formats of each file.

    Rendering every form of every year in both formats takes about 20 s on the
    sample (most of it Word), so the site offers the blank templates in both
    formats, the filled forms 1, 2 and 3 of the latest field-visit plan as
    Excel, and every inspection schedule and notice in both formats;
    ``site-gen export`` makes any other.
    """
    visits = sorted(plan.model.year for plan in ctx.table(FIELD_VISIT_PLAN).values())
    latest = visits[-1] if visits else None
    chosen: list[tuple[Item, tuple[str, ...]]] = [(item, FORMATS) for item in blanks(ctx, latest)]
    if latest:
        filled = [*registrations(ctx, records, latest), *summaries(ctx, records, latest), *reports(ctx, records, latest)]
        chosen += [(item, ("xlsx",)) for item in filled]
    chosen += [(item, FORMATS) for item in [*schedules(ctx), *notices(ctx, records)]]
    return chosen


def site_files(
    chosen: list[tuple[Item, tuple[str, ...]]], cached: Mapping[FormKey, bytes] | None = None
) -> tuple[dict[str, bytes], list[dict[str, object]], dict[FormKey, bytes]]:
    """For the forms :func:`site_items` chose: ``{"tai-ve/bieu-mau/<file>": bytes}``, the listing for the pages
    (group, label, year, owner, xlsx, docx), and the files rendered afresh (not found in ``cached``)."""
    files: dict[str, bytes] = {}
    fresh: dict[FormKey, bytes] = {}
    for item, formats in chosen:
        rendered, new = render_forms([item], formats, cached)
        files.update({f"{SITE_FOLDER}/{name}": content for name, content in rendered.items()})
        fresh.update(new)
    listing: list[dict[str, object]] = [
        {
            "group": item.group,
            "title": GROUP_TITLES[item.group],
            "label": item.label,
            "year": item.year,
            "owner": item.owner,
            **{fmt: f"{SITE_FOLDER}/{item.stem}.{fmt}" if fmt in formats else "" for fmt in FORMATS},
        }
        for item, formats in chosen
    ]
    return files, listing, fresh
