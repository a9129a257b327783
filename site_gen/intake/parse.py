"""Reading answers the way people type them, against the loaded repository.

Both front ends (an issue form, a filled Word/Excel form) hand the same
texts here: dates as dd/mm/yyyy, d/m/yyyy, yyyy-mm-dd or "ngày 5 tháng 4 năm
2026", a number of days as "30 ngày", a quarter as "Quý III", a category as
"1.1" or its words, a cadre or unit by id or by name with or without
diacritics. A text that does not read raises :class:`Invalid` with a
catalogue code; the front end says where the text stood.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import unicodedata
from collections.abc import Callable, Iterable

from site_gen.kinds import UNIT
from site_gen.kinds.intake import Invalid
from site_gen.kinds.unit import Unit, exists_on, unit_on
from site_gen.model import Context, Record, of_kind
from site_gen.schemas import Schemas
from site_gen.vn import fold

QUARTERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
# A date inside a longer text ("Từ ngày 01/4/2026 – 01/5/2026").
DATE = re.compile(r"\d{4}\s*-\s*\d{1,2}\s*-\s*\d{1,2}|\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}")


# -- dates, numbers, quarters -------------------------------------------------------------


def parse_date(text: str) -> str:
    """dd/mm/yyyy, d/m/yyyy, dd-mm-yyyy, dd.mm.yyyy, yyyy-mm-dd or "ngày 5 tháng 4 năm 2026", as ISO."""
    value = text.strip().strip("*_`").rstrip(".").strip()
    match = re.fullmatch(r"(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})", value)
    if match:
        year, month, day_ = (int(g) for g in match.groups())
    else:
        match = re.fullmatch(r"(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{4})", value)
        if match is None:
            match = re.fullmatch(r"(?:ngay\s*)?(\d{1,2})\s*thang\s*(\d{1,2})\s*(?:nam\s*)?(\d{4})", fold(value))
        if match is None:
            raise Invalid("issue.bad-date")
        day_, month, year = (int(g) for g in match.groups())
    try:
        return dt.date(year, month, day_).isoformat()
    except ValueError:
        raise Invalid("issue.bad-date") from None


def parse_days(text: str) -> int:
    """A number of days: "30", "30 ngày", "30 ngay"."""
    match = re.fullmatch(r"(\d{1,4})(?:\s*(?:ngay|days?|d))?", fold(text))
    if match is None or not text.strip()[:1].isdigit():
        raise Invalid("issue.bad-number")
    return int(match.group(1))


def quarter_number(token: str) -> int:
    """1 to 4 from "iii" or "3"."""
    return QUARTERS.get(token) or int(token)


def parse_quarter(text: str) -> int:
    """A quarter: "Quý III", "quy 3", "3"."""
    match = re.search(r"\b(iv|iii|ii|i|[1-4])\b", fold(text))
    if match is None:
        raise Invalid("issue.bad-quarter")
    return quarter_number(match.group(1))


def parse_period(text: str) -> tuple[str, str]:
    """ "Từ ngày 01/4/2026 – 01/5/2026", "01/04/2026 - 01/05/2026", "Từ ngày … đến ngày …", two date cells."""
    found = DATE.findall(text)
    rest = fold(DATE.sub(" ", text))
    if not found or len(found) > 2 or any(word not in ("tu", "ngay", "den", "toi") for word in rest.split()):
        raise Invalid("office.bad-period")
    return parse_date(found[0]), parse_date(found[-1])


# -- people, places and plans by name -------------------------------------------------------


def _ids_in(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+(?:-[a-z0-9]+)+|[a-z0-9]+", text)


def pick(
    text: str,
    records: Iterable[Record],
    names: Callable[[Record], list[str]],
    unknown: str,
    ambiguous: str,
) -> Record:
    """The one record ``text`` names: by id, then exact name, then name without diacritics."""
    table = {record.id: record for record in records}
    value = text.strip().strip("`\"'*_").lstrip("@").strip()
    if value in table:
        return table[value]
    inner = [ident for ident in _ids_in(" ".join(re.findall(r"[(\[`]([^)\]`]+)[)\]`]", value))) if ident in table]
    if len(set(inner)) == 1:
        return table[inner[0]]
    exact = unicodedata.normalize("NFC", " ".join(value.split())).casefold()
    key = fold(value)
    tiers: list[list[Record]] = [[], [], []]
    for record in table.values():
        labels = names(record)
        if any(" ".join(label.split()).casefold() == exact for label in labels[:1]):
            tiers[0].append(record)
        elif any(" ".join(label.split()).casefold() == exact for label in labels):
            tiers[1].append(record)
        elif key and any(fold(label) == key for label in [*labels, record.id]):
            tiers[2].append(record)
    for tier in tiers:
        if len(tier) == 1:
            return tier[0]
        if len(tier) > 1:
            shown = [f"{names(r)[0]} ({r.id})" for r in sorted(tier, key=lambda r: r.id)]
            raise Invalid(ambiguous, matches_list=shown)
    choices = {fold(label): names(record)[0] for record in table.values() for label in names(record)}
    close = difflib.get_close_matches(key, list(choices), n=1, cutoff=0.75) if key else []
    raise Invalid(unknown, suggestion=choices[close[0]] if close else "")


def _cadre_names(record: Record) -> list[str]:
    return [str(record.data["name"])]


def find_cadre(ctx: Context, text: str, unit: str | None = None) -> Record:
    """A cadre by id or name; with ``unit``, that unit's cadres are tried first."""
    if unit:
        own = [c for c in ctx.cadres.values() if c.data.get("unit") == unit]
        try:
            return pick(text, own, _cadre_names, "issue.unknown-cadre", "issue.ambiguous-cadre")
        except Invalid:
            pass
    return pick(text, ctx.cadres.values(), _cadre_names, "issue.unknown-cadre", "issue.ambiguous-cadre")


def _unit_names(record: Record) -> list[str]:
    data = record.data
    names = [str(data["name"])]
    names += [str(data[k]) for k in ("short_name",) if data.get(k)]
    locality = data.get("locality")
    if isinstance(locality, dict) and locality.get("name"):
        names.append(str(locality["name"]))
    return names


def _unit_names_on(day: dt.date, later: bool) -> Callable[[Record], list[str]]:
    """The names a unit had on ``day`` (its name, short name, locality then); with ``later``, today's too."""

    def names(record: Record) -> list[str]:
        model: Unit = of_kind(UNIT, record).model
        if not model.history:
            return _unit_names(record)
        state = unit_on(model, day)
        then = [state.name, *([state.short_name] if state.short_name else [])]
        then += [state.locality.name] if state.locality else []
        return list(dict.fromkeys([*then, *_unit_names(record)])) if later else then

    return names


def find_unit(ctx: Context, text: str, day: dt.date | None = None) -> Record:
    """A unit by id or name; with ``day`` (the record's date), by the names of that day among the units that existed
    then first: a ward that took an old commune's name is the commune in 2024 and the ward in 2026."""
    if day is None:
        return pick(text, ctx.units.values(), _unit_names, "issue.unknown-unit", "issue.ambiguous-unit")
    living = [unit for unit in ctx.units.values() if exists_on(unit.model, day)]
    try:
        return pick(text, living, _unit_names_on(day, False), "issue.unknown-unit", "issue.ambiguous-unit")
    except Invalid as exc:
        if exc.code != "issue.unknown-unit":
            raise
    # not a unit of that day: the register's other units (the checker then says when it was dissolved or founded)
    return pick(text, ctx.units.values(), _unit_names_on(day, True), "issue.unknown-unit", "issue.ambiguous-unit")


def find_units(ctx: Context, text: str, day: dt.date | None = None) -> list[str]:
    """Units named in a list separated by commas, semicolons or lines (as of ``day``, see :func:`find_unit`)."""
    out: list[str] = []
    for part in re.split(r"[,;\n]+", text):
        if part.strip():
            ident = find_unit(ctx, part, day).id
            if ident not in out:
                out.append(ident)
    if not out:
        raise Invalid("issue.missing")
    return out


def find_plan(ctx: Context, kind: str, text: str, *fits: Callable[[Record], bool]) -> Record:
    """A plan of ``kind`` by id, document number or year. A year with several plans (two committees' in the year
    of a merger) is narrowed by ``fits``, tried in turn: the first that leaves exactly one plan names it."""
    plans = sorted(ctx.plans[kind].values(), key=lambda r: r.id)
    value = text.strip().strip("`\"'")
    listed = [plan.id for plan in plans]
    for plan in plans:
        number = plan.data.get("document", {}).get("number", "")
        if value == plan.id or (number and fold(number) == fold(value)) or fold(plan.id) == fold(value):
            return plan
    years = re.findall(r"\b(20\d\d)\b", value)
    if len(set(years)) == 1:
        found = [plan for plan in plans if plan.data["year"] == int(years[0])]
        if len(found) == 1:
            return found[0]
        for fit in fits:
            narrowed = [plan for plan in found if fit(plan)]
            if len(narrowed) == 1:
                return narrowed[0]
        if len(found) > 1:
            raise Invalid("issue.ambiguous-plan", plan_kind=kind, plans_list=[p.id for p in found])
    raise Invalid("issue.unknown-plan", plan_kind=kind, plans_list=listed)


# -- things of a plan: categories, shortcomings, actions; schema choices ---------------------------


def _named(name: str, key: str) -> bool:
    return bool(key) and (fold(name) == key or (len(key) >= 6 and fold(name).startswith(key)))


def find_category(plan: Record, text: str) -> tuple[str, str | None]:
    """A category code (and topic) from "1.1", "1.3.2", "1.1 – Phối hợp…" or the category's words."""
    categories = plan.data["categories"]
    codes = [c["code"] for c in categories]
    match = re.match(r"\s*(?:nội dung|noi dung|nd)?\s*(\d+(?:\.\d+)+|\d+)\.?(?!\d)", text, re.IGNORECASE)
    if match:
        code = match.group(1)
        for category in categories:
            if category["code"] == code:
                return code, None
            for topic in category.get("topics", []):
                if topic["code"] == code:
                    return category["code"], code
        raise Invalid("issue.unknown-category", plan=plan.id, codes_list=codes)
    key = fold(text)
    found: list[tuple[str, str | None]] = []
    for category in categories:
        if _named(category["name"], key):
            found.append((category["code"], None))
        found += [(category["code"], topic["code"]) for topic in category.get("topics", []) if _named(topic["name"], key)]
    if len(found) == 1:
        return found[0]
    raise Invalid("issue.unknown-category", plan=plan.id, codes_list=codes)


def find_choice(schemas: Schemas, kind: str, parts: list[str | int], text: str) -> str:
    """A value of the schema's enum at ``parts``, by the value or its label."""
    node, base = schemas.node_at(kind, parts)
    target, _ = schemas.deref(node, base)
    values = list(target.get("enum", []))
    labels = list(target.get("enumDescriptions", values))
    key = fold(text)
    for value, label in zip(values, labels, strict=False):
        if key in (fold(str(value)), fold(str(label))):
            return str(value)
    raise Invalid("issue.bad-choice", choices_list=labels)


def find_shortcoming(plan: Record, text: str) -> str:
    """A shortcoming of a remediation plan by its id, its number or words of its description."""
    items = plan.data["shortcomings"]
    ids = [str(item["id"]) for item in items]
    key = fold(text)
    for ident in ids:
        if fold(ident) == key or re.match(rf"{re.escape(fold(ident))}\b", key):
            return ident
    by_text = [str(i["id"]) for i in items if len(key) >= 8 and key in fold(str(i.get("description", "")))]
    if len(by_text) == 1:
        return by_text[0]
    number = re.fullmatch(r"(?:khuyet diem|kd|so)?\s*(\d+)", key)
    if number and 1 <= int(number.group(1)) <= len(ids):
        return ids[int(number.group(1)) - 1]
    raise Invalid("issue.unknown-shortcoming", plan=plan.id, codes_list=ids)


def find_actions(plan: Record, text: str) -> list[str]:
    """Actions of a remediation plan by id, in a list separated by commas, semicolons or lines."""
    known = [str(a["id"]) for g in plan.data["solution_groups"] for a in g["actions"]]
    out: list[str] = []
    for part in re.split(r"[,;\n]+", text):
        value = part.strip().strip("`")
        if not value:
            continue
        ident = next((k for k in known if fold(k) == fold(value)), None)
        if ident is None:
            raise Invalid("issue.unknown-action", plan=plan.id, action=value, codes_list=known)
        if ident not in out:
            out.append(ident)
    return out
