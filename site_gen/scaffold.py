"""``site-gen new KIND``: a new record file with every field, commented in Vietnamese.

The file is written from the kind's JSON Schema, so it can never fall behind
it: each property gets its Vietnamese title and description as a comment;
required fields get a value (from the options, the repository, or the
schema's example), optional fields are present but commented out, ready to
fill in. The first line names the schema, so an editor with the YAML
extension checks the file while it is typed.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from site_gen.atomic import write_files
from site_gen.bundle import BUNDLED_DIR
from site_gen.catalogue import say
from site_gen.discover import SUBMISSIONS
from site_gen.errors import SetupError
from site_gen.kinds import BY_NAME, FIELD_VISIT_PLAN, INSPECTION_PLAN, KINDS, QUARTERLY_REPORT, REGISTRATION
from site_gen.kinds.cadre import assignment_on
from site_gen.kinds.unit import exists_on
from site_gen.model import Context
from site_gen.scalars import resolve_plain
from site_gen.schemas import SCHEMA_DIR, Schemas
from site_gen.workspace import has_submissions, load, taken

INDENT = "  "
# Kinds filed in the folder of the unit they are about; the others go to the register owner's folder.
OWNED_BY_UNIT = frozenset(kind.name for kind in KINDS if kind.filed_by_unit)
_PLAIN_SAFE = re.compile(r"^[^\s\-?:,\[\]{}#&*!|>'\"%@`][^\n#]*$")


def scalar(value: Any) -> str:
    """A YAML scalar that the strict loader reads back as exactly ``value``."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return json.dumps(value)
    text = str(value)
    plain = (
        _PLAIN_SAFE.match(text)
        and ": " not in text
        and not text.endswith((" ", ":"))
        and isinstance(resolve_plain(text), str)
        and resolve_plain(text) == text
        and text not in ("~", "yes", "no", "on", "off", "y", "n", "true", "false", "null")
    )
    return text if plain else json.dumps(text, ensure_ascii=False)


def _comment(lines: list[str], indent: str, schemas: Schemas, node: dict[str, Any], base: dict[str, Any], optional: bool) -> None:
    target, _ = schemas.deref(node, base)
    title = schemas.title(node, base)
    description = node.get("description") or target.get("description", "")
    labels = target.get("enumDescriptions")
    text = description if description.startswith(title) else title + (f": {description}" if description else "")
    if optional:
        text += say("scaffold", "optional")
    lines.append(f"{indent}# {text}")
    if labels:
        for value, label in zip(target["enum"], labels, strict=False):
            lines.append(f"{indent}#   {value}: {label}")


class Writer:
    def __init__(self, schemas: Schemas, years: int = 0) -> None:
        self.schemas = schemas
        self.years = years  # how far the examples of the commented fields move on (see _seed)

    def mapping(self, node: dict[str, Any], base: dict[str, Any], value: dict[str, Any], indent: str) -> list[str]:
        target, doc = self.schemas.deref(node, base)
        required = set(target.get("required", []))
        lines: list[str] = []
        for name, sub in target.get("properties", {}).items():
            present = name in value
            _comment(lines, indent, self.schemas, sub, doc, name not in required)
            sample = value[name] if present else _moved(example(self.schemas, sub, doc), self.years)
            member = self.member(name, sub, doc, sample, indent)
            if not present:
                member = [indent + "# " + line[len(indent) :] for line in member]
            lines += member
        return lines

    def member(self, name: str, node: dict[str, Any], base: dict[str, Any], sample: Any, indent: str) -> list[str]:
        target, doc = self.schemas.deref(node, base)
        if isinstance(sample, dict):
            return [f"{indent}{name}:", *self.mapping(node, base, sample, indent + INDENT)]
        if isinstance(sample, list) and sample and isinstance(sample[0], dict):
            lines = [f"{indent}{name}:"]
            for item in sample:
                body = self.mapping(target.get("items", {}), doc, item, indent + INDENT * 2)
                lines += _dash(body, indent + INDENT)
            return lines
        if isinstance(sample, list):
            return [f"{indent}{name}: [{', '.join(scalar(v) for v in sample)}]"]
        if isinstance(sample, str) and "\n" in sample:
            # "|" keeps one final line break, "|-" none: the text reads back exactly as given
            # (and a first line starting with spaces needs the indentation stated)
            chomp = (
                ("|" if sample.endswith("\n") else "|-")
                if not sample.startswith(" ")
                else (f"|{len(INDENT)}" + ("" if sample.endswith("\n") else "-"))
            )
            return [f"{indent}{name}: {chomp}", *(f"{indent}{INDENT}{line}" for line in sample.rstrip("\n").split("\n"))]
        return [f"{indent}{name}: {scalar(sample)}"]


def _dash(lines: list[str], indent: str) -> list[str]:
    """Start a sequence item: the first field line gets the dash."""
    out = list(lines)
    for index, line in enumerate(out):
        if not line.lstrip().startswith("#"):
            out[index] = indent + "- " + line[len(indent) + 2 :]
            break
    return out


def example(schemas: Schemas, node: dict[str, Any], base: dict[str, Any]) -> Any:
    """A sample value for a property, from its examples, default, enum or type."""
    probe, doc = node, base
    for _ in range(10):
        if probe.get("examples"):
            return probe["examples"][0]
        if "default" in probe:
            return probe["default"]
        if "const" in probe:
            return probe["const"]
        if "$ref" not in probe:
            break
        probe, doc = schemas.deref({"$ref": probe["$ref"]}, doc, steps=1)
    target = probe
    if target.get("enum"):
        return target["enum"][0]
    kind = target.get("type")
    if target.get("format") == "date":
        return dt.date.today().isoformat()
    if kind == "object":
        return {
            name: example(schemas, sub, doc)
            for name, sub in target.get("properties", {}).items()
            if name in target.get("required", [])
        }
    if kind == "array":
        items = target.get("items", {})
        return [example(schemas, items, doc)] if items else []
    if kind == "integer" and target.get("minimum") == 2000 and target.get("maximum") == 2100:
        return dt.date.today().year  # a year
    if kind == "integer":
        return max(1, int(target.get("minimum", 1)))
    if kind == "number":
        return target.get("minimum", 0)
    if kind == "boolean":
        return False
    if "anyOf" in target:
        return example(schemas, target["anyOf"][0], doc)
    return "..."


def render(schemas: Schemas, kind: str, value: dict[str, Any], schema_path: str, years: int = 0) -> str:
    schema = schemas.kind_schema[kind]
    lines = [
        f"# yaml-language-server: $schema={schema_path}",
        f"# {schema['title']}",
        f"# {schema['description']}",
        say("scaffold", "how_to"),
        "",
    ]
    lines += Writer(schemas, years).mapping(schema, schema, value, "")
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class NewOptions:
    """What ``site-gen new`` was asked for (the command line, as values)."""

    kind: str
    id: str | None = None
    unit: str | None = None
    cadre: str | None = None
    plan: str | None = None
    year: int | None = None
    quarter: int | None = None
    date: str | None = None
    out: Path | None = None  # absolute; None: the repository's standard layout
    force: bool = False
    stdout: bool = False


def _options(args: NewOptions, ctx: Context | None) -> dict[str, Any]:
    """Values the command line fills in, and what follows from them in the repository."""
    values: dict[str, Any] = {}
    for name in ("id", "unit", "cadre", "plan", "year", "quarter"):
        if getattr(args, name, None) is not None:
            values[name] = getattr(args, name)
    cadre = ctx.cadres.get(values.get("cadre", "")) if ctx else None
    if cadre is not None:  # the cadre's unit on the record's date
        values.setdefault("unit", assignment_on(cadre.model, _day(args)).unit)
    if args.kind == INSPECTION_PLAN.name and "year" in values and ctx is not None and ctx.org is not None:
        in_use = [sector.id for sector in ctx.sectors_in_year(values["year"])]  # the sectors in use that year
        if in_use:
            values["sectors"] = in_use
    if "plan" not in values and "year" in values and ctx is not None:
        plans = ctx.unit_plans(FIELD_VISIT_PLAN, values["year"], values.get("unit", ""))
        if plans and args.kind in (REGISTRATION.name, QUARTERLY_REPORT.name):
            values["plan"] = plans[0].id
    return values


_YEAR = re.compile(r"(?<![0-9])(20[0-9]{2})(?![0-9])")


def _example_year(sample: dict[str, Any]) -> int | None:
    """The year a schema's example is written for: its ``year``, else the year of its first date."""
    if isinstance(sample.get("year"), int):
        return int(sample["year"])
    found = _YEAR.search(json.dumps(sample, ensure_ascii=False))
    return int(found.group(1)) if found else None


def _moved(value: Any, years: int) -> Any:
    """An example's value moved on by ``years``: every year in a text (an id, a date, a title) and a ``year``."""
    if isinstance(value, dict):
        return {
            key: (item + years if key == "year" and isinstance(item, int) else _moved(item, years)) for key, item in value.items()
        }
    if isinstance(value, list):
        return [_moved(item, years) for item in value]
    if isinstance(value, str):
        moved = _YEAR.sub(lambda m: str(int(m.group(1)) + years), value)
        return moved.replace("-02-29", "-02-28") if moved != value else value
    return value


def _seed(schemas: Schemas, kind: str, options: dict[str, Any], today: str, year: int | None = None) -> dict[str, Any]:
    """The required fields from the schema's example, written for ``year`` (its dates, ids and titles moved to that
    year, so a plan of 2027 is di-co-so-2027 with 2027's window and a registration's rows fall in its plan's
    year), then what the command line gives."""
    schema = schemas.kind_schema[kind]
    sample = schema.get("examples", [{}])[0]
    required = list(schema.get("required", []))
    condition = schema.get("if", {}).get("properties", {})
    if condition and all(sample.get(name) == rule.get("const") for name, rule in condition.items()):
        required += schema.get("then", {}).get("required", [])  # e.g. an inspected unit has scores
    value = {name: json.loads(json.dumps(sample[name])) for name in required if name in sample}
    written_for = _example_year(sample)
    if year is not None and written_for is not None and year != written_for:
        value = _moved(value, year - written_for)
    properties = schema.get("properties", {})
    for name in ("id", "unit", "cadre", "plan", "year", "quarter", "sectors"):
        if name in options and name in properties:
            value[name] = options[name]
    if "submitted" in properties:
        value["submitted"] = today
    return dict(value)


def _record_year(options: dict[str, Any], ctx: Context | None, day: dt.date) -> int:
    """The year a new record is for: --year, else its plan's year, else the year of its date."""
    if isinstance(options.get("year"), int):
        return int(options["year"])
    ident = str(options.get("plan") or "")
    plan = next((table[ident] for table in ctx.plans.values() if ident in table), None) if ctx and ident else None
    year = getattr(plan.model, "year", None) if plan is not None else None
    return int(year) if isinstance(year, int) else day.year


def _day(args: NewOptions) -> dt.date:
    """The record's date: --date, else today."""
    try:
        return dt.date.fromisoformat(args.date) if args.date else dt.date.today()
    except ValueError:  # (a date that does not read is the schema's to report, in the record)
        return dt.date.today()


def _unit_of_the_day(ctx: Context, ident: str, day: dt.date) -> None:
    """A record is made only for a unit that exists on its date (a dissolved unit keeps its history, read-only)."""
    unit = ctx.units.get(ident)
    if unit is None or exists_on(unit.model, day):
        return
    data = unit.model
    name = ctx.unit_name_on(ident, day)
    if data.dissolved is not None and data.dissolved <= day:
        raise SetupError("setup.unit-dissolved", unit=ident, name=name, date=day, dissolved_date=data.dissolved)
    raise SetupError("setup.unit-not-yet", unit=ident, name=name, date=day, established_date=data.established)


def new_record(root: Path, args: NewOptions) -> int:
    kind = args.kind
    if kind not in BY_NAME:
        raise SetupError("setup.unknown-kind", kind=kind, kinds_list=[k.name for k in KINDS])
    state = load(root, records=False) if has_submissions(root) else None
    schemas = state.schemas if state is not None else Schemas(root)
    ctx = state.context if state is not None else None
    options = _options(args, ctx)
    today = args.date or dt.date.today().isoformat()
    if ctx is not None and options.get("unit"):
        _unit_of_the_day(ctx, str(options["unit"]), _day(args))
    year = _record_year(options, ctx, _day(args))
    value = _seed(schemas, kind, options, today, year)
    written_for = _example_year(schemas.kind_schema[kind].get("examples", [{}])[0])
    path = _target(root, args, kind, value, options, today, ctx)
    bundled = root / SCHEMA_DIR / BUNDLED_DIR / BY_NAME[kind].schema
    relative = os.path.relpath(bundled, path.parent).replace(os.sep, "/")
    text = render(schemas, kind, value, relative, year - written_for if written_for else 0)
    if args.stdout:
        sys.stdout.write(text)
        return 0
    shown = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
    if taken(path) and not args.force:
        raise SetupError("setup.exists", path=shown)
    write_files(root, {path: text.encode("utf-8")})  # whole or not at all, even if killed (site_gen.atomic)
    print(shown)
    return 0


def _target(
    root: Path, args: NewOptions, kind: str, value: dict[str, Any], options: dict[str, Any], today: str, ctx: Context | None
) -> Path:
    if args.out:
        return args.out
    unit = options.get("unit") or value.get("unit")
    if kind not in OWNED_BY_UNIT:
        org = ctx.org if ctx is not None else None
        unit = org.model.register_owner if org is not None else unit
    if not unit:
        raise SetupError("setup.no-unit", kind=kind)
    year = options.get("year") or value.get("year") or int(today[:4])
    fields = {
        "id": value.get("id", kind),
        "cadre": value.get("cadre", "can-bo"),
        "year": year,
        "quarter": value.get("quarter", 1),
        "unit": value.get("unit", unit),
        "date": today,
    }
    return root / SUBMISSIONS / str(unit) / BY_NAME[kind].path.format(**fields)
