"""What a change does: records added, changed and removed, problems, and figures.

``site-gen diff BASE [HEAD]`` compares two git revisions of a data
repository (HEAD omitted: the working tree). Each side is checked on its own
(with its own schemas), so the comparison says what the change does as it
would land: the records added, changed (field by field, before and after)
and removed; the errors and warnings in the new state, marked new or already
there; and the effect on the "1+2" figures of every year that has a plan
("Nguyễn Văn B: 45 → 75 ngày, đạt mức tối thiểu").

The workflow of a pull request posts what this prints; all the logic is
here so that it works the same on any checkout. Record text comes from the
pull request, so the Markdown form neutralises what could ping people
("@team") or break the layout, and the whole comment stays under GitHub's
size limit.
"""

from __future__ import annotations

import difflib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from site_gen.catalogue import UI, by_language, format_date, lookup, render
from site_gen.errors import SetupError
from site_gen.escape import COMMENT_LIMIT, bound_markdown, markdown_inline
from site_gen.gittree import git_output, materialise, scratch_folder
from site_gen.kinds import BY_NAME, FIELD_VISIT_PLAN, KINDS
from site_gen.loader import load_bytes
from site_gen.problems import Problem
from site_gen.schemas import Schemas
from site_gen.stats import figures as year_figures
from site_gen.vn import format_decimal, format_int, name_key
from site_gen.workspace import Workspace, load

MARKER = "<!-- site-gen-diff -->"
KIND_LABELS = {kind.name: (kind.label_vi, kind.label_en) for kind in KINDS}

WORDS = by_language("diff")  # WORDS["vi"]["title"]: site_gen/words/ui.toml


# -- the two sides -------------------------------------------------------------


@dataclass
class Side:
    """One revision, checked: its label, problems, record data by path, and the figures per year.

    ``data`` is every record file's raw data, valid or not (a file that failed
    its schema is compared and titled too, from what it says): the comparison
    walks it as plain YAML values, so it stays raw; only the context's records
    (valid by construction) are read through their models.
    """

    label: str
    root: Path
    problems: list[Problem]
    data: dict[str, dict[str, Any]]
    kinds: dict[str, str]
    raw: dict[str, bytes]
    names: dict[str, str]
    units: dict[str, str]
    figures: dict[int, dict[str, Any]] = field(default_factory=dict)
    schemas: Schemas | None = None  # the revision's schemas (for field names)

    @property
    def errors(self) -> int:
        return sum(1 for p in self.problems if p.severity.value == "error")

    @property
    def warnings(self) -> int:
        return sum(1 for p in self.problems if p.severity.value == "warning")


def resolve(repo: Path, rev: str) -> str:
    return git_output(repo, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}", rev=rev).decode().strip()


def load_side(root: Path, label: str, use_cache: bool) -> Side:
    """One revision checked, with the bytes of every record file (the load side of a diff)."""
    return side_of(load(root, use_cache=use_cache, sources="all"), label)


def side_of(state: Workspace, label: str) -> Side:
    """What a diff compares of one checked revision: a pure function of the loaded state."""
    result = state.result
    data: dict[str, dict[str, Any]] = {}
    kinds: dict[str, str] = {}
    raw = state.sources
    valid = {record.file: record for record in state.records}
    for path, blob in raw.items():
        if path in valid:
            data[path] = valid[path].data
            kinds[path] = valid[path].kind
            continue
        loaded = load_bytes(blob, path)
        value = loaded.value if isinstance(loaded.value, dict) else {}
        data[path] = value
        kinds[path] = str(value.get("kind", "")) if isinstance(value.get("kind"), str) else ""
    ctx = result.context
    names = {ident: record.model.name for ident, record in ctx.cadres.items()}
    units = {ident: ctx.unit_name(ident) for ident in ctx.units}
    side = Side(label, state.root, list(result.problems), data, kinds, dict(raw), names, units)
    side.schemas = state.schemas
    if not result.errors:
        records = list(valid.values())
        for year in sorted({plan.model.year for plan in ctx.table(FIELD_VISIT_PLAN).values()}):
            side.figures[year] = year_figures(ctx, records, year)
    return side


# -- comparing records ---------------------------------------------------------


@dataclass
class FieldChange:
    label: str
    before: Any
    after: Any


@dataclass
class RecordChange:
    status: str  # added, changed, removed
    path: str
    kind: str
    title: str
    moved_from: str = ""
    fields: list[FieldChange] = field(default_factory=list)


def _identity(kind: str, data: dict[str, Any]) -> tuple[str, ...] | None:
    """What makes a record the same record when its file moves."""
    if not kind:
        return None
    if isinstance(data.get("id"), str):
        return (kind, data["id"])
    keys = BY_NAME[kind].identity if kind in BY_NAME else ()
    if keys and all(k in data for k in keys):
        return (kind, *(json.dumps(data[k], sort_keys=True) for k in keys))
    return None


def _plain(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _leaves(value: Any, parts: list[str | int], out: list[tuple[list[str | int], Any]]) -> None:
    """Every scalar (or list of scalars) inside ``value``, with its path."""
    if isinstance(value, dict) and value:
        for key, child in value.items():
            _leaves(child, [*parts, key], out)
    elif isinstance(value, list) and any(isinstance(v, (dict, list)) for v in value):
        for index, child in enumerate(value):
            _leaves(child, [*parts, index], out)
    else:
        out.append((parts, value))


def _walk(before: Any, after: Any, parts: list[str | int], out: list[tuple[list[str | int], Any, Any]]) -> None:
    if before is None or after is None:
        # A whole part added or removed: one row per field inside it, so a new row of a table reads like the table.
        leaves: list[tuple[list[str | int], Any]] = []
        _leaves(after if before is None else before, parts, leaves)
        for path, value in leaves:
            out.append((path, None, value) if before is None else (path, value, None))
        return
    if isinstance(before, dict) and isinstance(after, dict):
        for key in [*before, *(k for k in after if k not in before)]:
            if key not in after:
                _walk(before[key], None, [*parts, key], out)
            elif key not in before:
                _walk(None, after[key], [*parts, key], out)
            elif before[key] != after[key] or type(before[key]) is not type(after[key]):
                _walk(before[key], after[key], [*parts, key], out)
        return
    if isinstance(before, list) and isinstance(after, list) and any(isinstance(v, (dict, list)) for v in [*before, *after]):
        # Rows of a table: align them, so that one row inserted is one row added, not every row changed.
        matcher = difflib.SequenceMatcher(a=[_plain(v) for v in before], b=[_plain(v) for v in after], autojunk=False)
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            if op == "equal":
                continue
            if op == "replace" and i2 - i1 == j2 - j1:
                for offset in range(i2 - i1):
                    _walk(before[i1 + offset], after[j1 + offset], [*parts, j1 + offset], out)
                continue
            for index in range(i1, i2):
                _walk(before[index], None, [*parts, index], out)
            for index in range(j1, j2):
                _walk(None, after[index], [*parts, index], out)
        return
    out.append((parts, before, after))


class Labeller:
    """Vietnamese (or English) names for the fields of a record, from the schemas."""

    def __init__(self, source: Path | Schemas | None, lang: str) -> None:
        """``source``: the schemas, or a repository to read them from (none there: field names as written)."""
        self.schemas: Schemas | None = None
        if isinstance(source, Schemas):
            self.schemas = source
        elif source is not None:
            try:
                self.schemas = Schemas(source)
            except SetupError:
                self.schemas = None
        self.lang = lang

    def label(self, kind: str, parts: list[str | int]) -> str:
        words = []
        for depth, part in enumerate(parts):
            if isinstance(part, int):
                words.append(f"[{part + 1}]")
                continue
            title = ""
            if self.schemas is not None and kind in self.schemas.kind_schema:
                try:
                    title = self.schemas.field_title(kind, list(parts[: depth + 1]))
                except (KeyError, IndexError, TypeError):
                    title = ""
            words.append(f" › {title or part}" if words else (title or str(part)))
        return "".join(words) or "—"


def _title(kind: str, data: dict[str, Any], side: Side, lang: str) -> str:
    label = KIND_LABELS.get(kind, (kind or "?", kind or "?"))[0 if lang == "vi" else 1]
    cadre = side.names.get(str(data.get("cadre", "")), str(data.get("cadre", "")))
    unit = side.units.get(str(data.get("unit", "")), str(data.get("unit", "")))
    titled = BY_NAME[kind].diff_title(data, label, cadre, unit, lang) if kind in BY_NAME else None
    if titled is not None:
        return titled
    document = data.get("document")
    name = data.get("name") or (document.get("title") if isinstance(document, dict) else None) or data.get("id")
    return f"{label}: {name}" if name else label


def compare_records(base: Side, head: Side, labeller: Labeller, lang: str) -> list[RecordChange]:
    added = [p for p in head.raw if p not in base.raw]
    removed = [p for p in base.raw if p not in head.raw]
    # A file moved (renamed) with the same record inside is one change, not a removal and an addition.
    by_identity: dict[tuple[str, ...], str] = {}
    for path in removed:
        key = _identity(base.kinds[path], base.data[path])
        if key:
            by_identity.setdefault(key, path)
    moves: dict[str, str] = {}
    for path in added:
        key = _identity(head.kinds[path], head.data[path])
        if key and key in by_identity and by_identity[key] not in moves.values():
            moves[path] = by_identity[key]
    out: list[RecordChange] = []
    for path in sorted(head.raw):
        kind = head.kinds[path]
        if path in base.raw and base.raw[path] == head.raw[path]:
            continue
        old_path = path if path in base.raw else moves.get(path, "")
        if old_path:
            changes: list[tuple[list[str | int], Any, Any]] = []
            _walk(base.data[old_path], head.data[path], [], changes)
            fields = [FieldChange(labeller.label(kind, parts), b, a) for parts, b, a in changes]
            if not fields and old_path == path:
                continue  # only comments or layout changed
            out.append(
                RecordChange(
                    "changed", path, kind, _title(kind, head.data[path], head, lang), old_path if old_path != path else "", fields
                )
            )
        else:
            changes = []
            _walk({}, head.data[path], [], changes)
            fields = [FieldChange(labeller.label(kind, parts), None, a) for parts, _, a in changes if parts != ["kind"]]
            out.append(RecordChange("added", path, kind, _title(kind, head.data[path], head, lang), fields=fields))
    for path in sorted(removed):
        if path in moves.values():
            continue
        kind = base.kinds[path]
        out.append(RecordChange("removed", path, kind, _title(kind, base.data[path], base, lang)))
    return out


# -- comparing figures -----------------------------------------------------------


def compare_figures(base: Side, head: Side, lang: str) -> dict[int, list[str]]:
    """Sentences saying how each year's figures move; only years where something moved."""
    words = WORDS[lang]
    out: dict[int, list[str]] = {}
    for year in sorted(set(base.figures) | set(head.figures)):
        after = head.figures.get(year)
        if after is None:
            continue
        before = base.figures.get(year)
        lines = _year_lines(before, after, words) if before is not None else []
        if lines:
            out[year] = lines
    return out


def _status_note(cadre: dict[str, Any], old: dict[str, Any] | None, words: dict[str, str]) -> str:
    minimum = cadre["min_days"]
    if cadre["status"] == "exempt":
        return words["exempt"]
    if cadre["status"] == "reached":
        if old is not None and old["status"] == "reached":
            return words["still_reached"]
        return words["reached"].format(minimum=minimum)
    if old is not None and old["status"] == "reached":
        return words["unreached"].format(minimum=minimum)
    return words["still_missing"].format(missing=max(minimum - cadre["done_days"], 0))


def _year_lines(before: dict[str, Any], after: dict[str, Any], words: dict[str, str]) -> list[str]:
    lines: list[str] = []
    old_cadres = {c["id"]: c for c in before["cadres"]}
    for cadre in sorted(after["cadres"], key=lambda c: name_key(c["name"])):
        old = old_cadres.get(cadre["id"])
        unit = cadre["unit_name"]
        if old is None:
            if cadre["done_days"]:
                lines.append(
                    words["cadre_new"].format(
                        name=cadre["name"], unit=unit, after=cadre["done_days"], status=_status_note(cadre, None, words)
                    )
                )
            continue
        if old["done_days"] != cadre["done_days"] or old["status"] != cadre["status"]:
            lines.append(
                words["cadre_days"].format(
                    name=cadre["name"],
                    unit=unit,
                    before=old["done_days"],
                    after=cadre["done_days"],
                    status=_status_note(cadre, old, words),
                )
            )
        if old["planned_days"] != cadre["planned_days"]:
            lines.append(
                words["planned"].format(name=cadre["name"], unit=unit, before=old["planned_days"], after=cadre["planned_days"])
            )
    overall_before, overall_after = before["overall"], after["overall"]
    if (overall_before["reached"], overall_before["days"], overall_before["subject"]) != (
        overall_after["reached"],
        overall_after["days"],
        overall_after["subject"],
    ):
        lines.append(
            words["overall"].format(
                before=overall_before["reached"],
                after=overall_after["reached"],
                subject=overall_after["subject"],
                days_before=format_int(overall_before["days"]),
                days_after=format_int(overall_after["days"]),
            )
            + f" ({format_decimal(overall_before['percent_reached'])}% → {format_decimal(overall_after['percent_reached'])}%)"
        )
    reports_before, reports_after = before["reports"], after["reports"]
    if (reports_before["received"], reports_before["late"]) != (reports_after["received"], reports_after["late"]):
        lines.append(
            words["reports"].format(
                before=reports_before["received"],
                after=reports_after["received"],
                expected=reports_after["expected"],
                late_before=reports_before["late"],
                late_after=reports_after["late"],
            )
        )
    if before["unregistered_visits"] != after["unregistered_visits"]:
        lines.append(words["unregistered"].format(before=before["unregistered_visits"], after=after["unregistered_visits"]))
    old_rows = _coverage_rows(before)
    for key, district in _coverage_rows(after).items():
        old_district = old_rows.get(key)
        if old_district is None or old_district["days"] == district["days"]:
            continue
        note = ""
        if not old_district["visited"] and district["visited"]:
            note = words["district_first"]
        elif old_district["visited"] and not district["visited"]:
            note = words["district_lost"]
        lines.append(
            words["district"].format(name=district["name"], before=old_district["days"], after=district["days"], note=note)
        )
    return lines


def _coverage_rows(figures: dict[str, Any]) -> dict[tuple[str, str], dict[str, Any]]:
    """The units a year's coverage counts, part by part: district unions while they exist, communes, wards and
    special zones under the committee after, and the affiliated unions (a row's days are the visits it received)."""
    rows: dict[tuple[str, str], dict[str, Any]] = {}
    for part in figures.get("coverage", ()):
        for row in (*part.get("rows", ()), *part.get("affiliated", ())):
            rows[(part["from"], row["unit"])] = row
    if not rows:  # figures written before the coverage parts
        rows = {("", row["unit"]): row for row in figures.get("districts", ())}
    return rows


# -- the report -------------------------------------------------------------------


@dataclass
class Diff:
    base: Side
    head: Side
    records: list[RecordChange]
    figures: dict[int, list[str]]
    new_problems: set[int]
    fixed: int
    lang: str
    head_is_commit: bool = True


def _problem_key(problem: Problem) -> tuple[str, str, str]:
    return (problem.file, problem.code, problem.pointer)


def compute_diff(repo: Path, base_rev: str, head_rev: str | None, lang: str, merge_base: bool = True) -> Diff:
    base_commit = resolve(repo, base_rev)
    head_commit = resolve(repo, head_rev) if head_rev else None
    if merge_base:
        # What the change itself does, as a pull request shows it: against the point it branched from.
        against = head_commit or resolve(repo, "HEAD")
        base_commit = git_output(repo, "merge-base", base_commit, against, rev=base_rev).decode().strip() or base_commit
    with scratch_folder("site-gen-diff-") as tmp:
        base_root = tmp / "base"
        materialise(repo, base_commit, base_root)
        base = load_side(base_root, base_commit[:7], use_cache=False)
        if head_commit:
            head_root = tmp / "head"
            materialise(repo, head_commit, head_root)
            head = load_side(head_root, head_commit[:7], use_cache=False)
        else:
            head = load_side(repo, WORDS[lang]["working_tree"], use_cache=True)
        labeller = Labeller(head.schemas, lang)
        records = compare_records(base, head, labeller, lang)
    figures = compare_figures(base, head, lang)
    before = {_problem_key(p) for p in base.problems}
    after = {_problem_key(p) for p in head.problems}
    new = {index for index, p in enumerate(head.problems) if _problem_key(p) not in before}
    return Diff(base, head, records, figures, new, len(before - after), lang, head_commit is not None)


def _show(value: Any, words: dict[str, str], known: dict[str, str] | None = None) -> str:
    """A value as people read it: dates dd/mm/yyyy, ids of cadres and units with their names."""
    if value is None:
        return words["empty"]
    if known and isinstance(value, str) and value in known and known[value] != value:
        return f"{known[value]} ({value})"
    if isinstance(value, bool):
        return words["yes"] if value else words["no"]
    if isinstance(value, str):
        text = format_date(value)
        return text if len(text) <= 300 else text[:299] + "…"
    if isinstance(value, (int, float)):
        return format_decimal(value, 2).rstrip("0").rstrip(",") if isinstance(value, float) else str(value)
    if isinstance(value, list) and all(not isinstance(v, (dict, list)) for v in value):
        return ", ".join(_show(v, words, known) for v in value) or words["empty"]
    if isinstance(value, dict):
        return "; ".join(f"{k}: {_show(v, words, known)}" for k, v in value.items())
    return "; ".join(_show(v, words, known) for v in value)


def _problem_line(problem: Problem, lang: str) -> tuple[str, str]:
    _, message = render(problem, lang)
    where = f"{problem.file}:{problem.line}" if problem.line else problem.file
    return where, message


def _check_line(diff: Diff) -> str:
    """The check result after the change, in one sentence."""
    words, head = WORDS[diff.lang], diff.head
    if head.errors:
        return words["check_errors"].format(errors=head.errors, warnings=head.warnings)
    if head.warnings:
        return words["check_ok_warnings"].format(warnings=head.warnings)
    return words["check_ok"]


def _counts(diff: Diff) -> dict[str, int]:
    return {status: sum(1 for r in diff.records if r.status == status) for status in ("added", "changed", "removed")}


def to_markdown(diff: Diff, limit: int = COMMENT_LIMIT) -> str:
    """The pull request's comment: every text from a record passes :func:`markdown_inline`, the whole fits ``limit``."""
    lang = diff.lang
    words = WORDS[lang]
    head = diff.head
    parts: list[str] = [MARKER, f"## {words['title']}", ""]
    parts.append(_check_line(diff))
    parts.append("")
    counts = _counts(diff)
    base = f"<code>{markdown_inline(diff.base.label)}</code>"
    shown = f"<code>{markdown_inline(head.label)}</code>" if diff.head_is_commit else markdown_inline(head.label)
    parts.append(words["compare"].format(base=base, head=shown, **counts))
    parts.append("")
    parts += _figures_md(diff, words)
    for status in ("added", "changed", "removed"):
        chosen = [r for r in diff.records if r.status == status]
        if chosen:
            parts += _records_md(chosen, words[status], words, _known(diff))
    if not diff.records:
        parts += [words["no_record_change"], ""]
    parts += _problems_md(diff, words)
    return bound_markdown("\n".join(parts).rstrip("\n") + "\n", words["cut"], limit)


def _figures_md(diff: Diff, words: dict[str, str]) -> list[str]:
    out = [f"### {words['figures']}", ""]
    if diff.head.errors:
        out += [words["figures_blocked"], ""]
        return out
    if diff.base.errors and diff.head.figures:
        out += [words["figures_base_blocked"], ""]
        for year, data in sorted(diff.head.figures.items()):
            overall = data["overall"]
            out.append(
                f"- {words['year'].format(year=year)}: "
                + words["overall"].format(
                    before="?",
                    after=overall["reached"],
                    subject=overall["subject"],
                    days_before="?",
                    days_after=format_int(overall["days"]),
                )
            )
        out.append("")
        return out
    if not diff.figures:
        out += [words["figures_none"], ""]
        return out
    for year, lines in sorted(diff.figures.items(), reverse=True):
        out.append(f"**{words['year'].format(year=year)}**")
        out.append("")
        out += [f"- {markdown_inline(line)}" for line in lines]
        out.append("")
    return out


def _known(diff: Diff) -> dict[str, str]:
    return {**diff.base.units, **diff.base.names, **diff.head.units, **diff.head.names}


def _records_md(changes: list[RecordChange], heading: str, words: dict[str, str], known: dict[str, str]) -> list[str]:
    out = [f"### {heading} ({len(changes)})", ""]
    for change in changes:
        moved_from = f"<code>{markdown_inline(change.moved_from)}</code>"
        moved = f" — {words['moved'].format(old=moved_from)}" if change.moved_from else ""
        summary = f"{markdown_inline(change.title)} — <code>{markdown_inline(change.path)}</code>{moved}"
        if change.status == "removed" or not change.fields:
            out += [f"- {summary}", ""]
            continue
        out.append(f"<details{' open' if len(changes) <= 3 else ''}><summary>{summary}</summary>")
        out.append("")
        if change.status == "added":
            out += [f"| {words['field']} | {words['after']} |", "| --- | --- |"]
            for item in change.fields:
                out.append(f"| {markdown_inline(item.label)} | {markdown_inline(_show(item.after, words, known))} |")
        else:
            out += [f"| {words['field']} | {words['before']} | {words['after']} |", "| --- | --- | --- |"]
            for item in change.fields:
                out.append(
                    f"| {markdown_inline(item.label)} | {markdown_inline(_show(item.before, words, known))} | {markdown_inline(_show(item.after, words, known))} |"
                )
        out += ["", "</details>", ""]
    return out


def _problems_md(diff: Diff, words: dict[str, str]) -> list[str]:
    out = [f"### {words['problems']}", ""]
    problems = diff.head.problems
    if not problems:
        out.append(words["problems_none"])
    groups: dict[str, list[int]] = {}
    for index, problem in enumerate(problems):
        groups.setdefault(problem.code, []).append(index)
    order = sorted(groups, key=lambda code: (lookup(code).severity.value != "error", code))
    for code in order:
        entry = lookup(code)
        title = entry.title_vi if diff.lang == "vi" else entry.title_en
        severity = UI[diff.lang][entry.severity.value]
        out.append(f"**{severity} `{code}` {markdown_inline(title)}** ({len(groups[code])})")
        out.append("")
        for index in groups[code][:50]:
            where, message = _problem_line(problems[index], diff.lang)
            tag = words["new"] if index in diff.new_problems else words["old"]
            out.append(f"- <code>{markdown_inline(where)}</code> ({tag}): {markdown_inline(message)}")
        if len(groups[code]) > 50:
            out.append(f"- {words['more'].format(count=len(groups[code]) - 50)}")
        out.append("")
    if diff.fixed:
        out += [words["fixed"].format(count=diff.fixed), ""]
    return out


def to_text(diff: Diff) -> str:
    words = WORDS[diff.lang]
    head = diff.head
    lines = []
    lines.append(_check_line(diff))
    counts = _counts(diff)
    lines.append(words["compare"].format(base=diff.base.label, head=head.label, **counts))
    lines.append("")
    lines.append(words["figures"] + ":")
    if head.errors:
        lines.append("  " + words["figures_blocked"])
    elif not diff.figures:
        lines.append("  " + words["figures_none"])
    for year, items in sorted(diff.figures.items(), reverse=True):
        lines.append("  " + words["year"].format(year=year))
        lines += [f"    - {line}" for line in items]
    known = _known(diff)
    for status in ("added", "changed", "removed"):
        chosen = [r for r in diff.records if r.status == status]
        if not chosen:
            continue
        lines.append("")
        lines.append(f"{words[status]} ({len(chosen)}):")
        for change in chosen:
            moved = f" ({words['moved'].format(old=change.moved_from)})" if change.moved_from else ""
            lines.append(f"  {change.path}: {change.title}{moved}")
            for item in change.fields:
                if change.status == "added":
                    lines.append(f"      {item.label}: {_show(item.after, words, known)}")
                else:
                    lines.append(f"      {item.label}: {_show(item.before, words, known)} → {_show(item.after, words, known)}")
    lines.append("")
    lines.append(words["problems"] + ":")
    if not head.problems:
        lines.append("  " + words["problems_none"])
    for index, problem in enumerate(head.problems):
        where, message = _problem_line(problem, diff.lang)
        tag = words["new"] if index in diff.new_problems else words["old"]
        lines.append(f"  {where}: {UI[diff.lang][problem.severity.value]} [{problem.code}] ({tag}) {message}")
    if diff.fixed:
        lines.append("  " + words["fixed"].format(count=diff.fixed))
    return "\n".join(lines) + "\n"


def to_json(diff: Diff) -> str:
    def problem(index: int, p: Problem) -> dict[str, Any]:
        title, message = render(p, diff.lang)
        return {
            "file": p.file,
            "line": p.line,
            "column": p.column,
            "code": p.code,
            "severity": p.severity.value,
            "title": title,
            "message": message,
            "new": index in diff.new_problems,
        }

    document = {
        "format": 1,
        "base": diff.base.label,
        "head": diff.head.label,
        "errors": diff.head.errors,
        "warnings": diff.head.warnings,
        "records": [
            {
                "status": r.status,
                "path": r.path,
                "kind": r.kind,
                "title": r.title,
                "moved_from": r.moved_from or None,
                "fields": [{"field": f.label, "before": f.before, "after": f.after} for f in r.fields],
            }
            for r in diff.records
        ],
        "figures": {str(year): lines for year, lines in sorted(diff.figures.items())},
        "figures_counted": not diff.head.errors,
        "problems": [problem(i, p) for i, p in enumerate(diff.head.problems)],
        "fixed": diff.fixed,
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def value_changes(
    labeller: Labeller, kind: str, old: dict[str, Any], new: dict[str, Any], known: dict[str, str]
) -> list[tuple[str, str, str]]:
    """Each field that differs between two values of a record: (its name, before, after) as people read them."""
    out: list[tuple[list[str | int], Any, Any]] = []
    _walk(old, new, [], out)
    words = WORDS[labeller.lang]
    return [
        (labeller.label(kind, parts), _show(before, words, known), _show(after, words, known)) for parts, before, after in out
    ]
