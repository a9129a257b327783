"""``site-gen from-issue``: a record from a GitHub issue form, for units that do not write YAML.

A unit secretary fills an issue form (``.github/ISSUE_TEMPLATE/``); a workflow
passes the issue body, as GitHub renders it, to this command, which

* tells the form from the issue's labels or, failing that, from its headings,
  and reads each answer into intake's typed answers
  (:mod:`site_gen.intake.issue_form`: dates as dd/mm/yyyy, d/m/yyyy or
  yyyy-mm-dd, "30 ngày", a category as "1.1" or its words, a cadre or unit by
  id or by name with or without diacritics);
* has intake build the record at its place in the layout (a new file as
  ``site-gen new`` writes it), or update the record that already exists (a
  registration of the same cadre and plan, the quarterly report of the same
  unit and quarter, the inspection result of the unit, the progress report of
  the same period), check it once on a stage and keep it only when it adds no
  error;
* writes a pull request body (success) or an issue comment naming each field
  to fix (failure, nothing written), and outputs for the workflow.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from site_gen.catalogue import render, render_code
from site_gen.discover import data_root
from site_gen.errors import SetupError
from site_gen.escape import bound_markdown, markdown_inline
from site_gen.intake.commit import commit
from site_gen.intake.issue_answers import Built, Issue, Reader, make
from site_gen.intake.issue_form import (
    FORM_BY_NAME,
    FORMS,
    POINTER_FIELDS,
    ROW_COLUMNS,
    ROW_KEYS,
    Form,
    Section,
    answer_text,
    detect_form,
    split_body,
)
from site_gen.intake.parse import parse_date, parse_days, parse_quarter
from site_gen.intake.repository import Change, load
from site_gen.intake.yaml_edit import edit_list, item_markers
from site_gen.kinds import BY_NAME, REGISTRATION
from site_gen.kinds.intake import Invalid
from site_gen.model import Context
from site_gen.output import append_text, save_text
from site_gen.problems import Problem, pointer_parts
from site_gen.vn import fold
from site_gen.workspace import input_bytes

__all__ = [
    "FORMS",
    "FORM_BY_NAME",
    "Built",
    "Change",
    "Invalid",
    "Issue",
    "Section",
    "edit_list",
    "fold",
    "item_markers",
    "parse_date",
    "parse_days",
    "parse_quarter",
]


# -- the command ---------------------------------------------------------------------------


@dataclass
class Outcome:
    ok: bool
    message: str
    outputs: list[tuple[str, str]]
    form: Form | None = None
    built: Built | None = None


def _t(code: str, lang: str, **params: Any) -> str:
    """A catalogue text as plain text (a pull request title, a field's name)."""
    return render_code(code, params, lang)[1]


def _say(code: str, lang: str, **params: Any) -> str:
    """A catalogue text for a comment or body: Markdown of the tool's, every parameter made inert."""
    return render_code(code, params, lang, escape=markdown_inline)[1]


def _quote(answer: str) -> list[str]:
    """An answer quoted back line by line, each line inert, its line breaks kept."""
    lines = [markdown_inline(line) for line in answer.split("\n")]
    return [line + "<br>" for line in lines[:-1]] + lines[-1:]


def failure_comment(form: Form | None, problems: list[Issue], sections: list[Section], lang: str) -> str:
    """The reply on an issue that made no record: each problem at its question, then the answers quoted back."""
    lines = [f"### ⚠️ {_say('issue.text-comment-title', lang)}", ""]
    if form is not None:
        lines += [_say("issue.text-comment-intro", lang, form=form.title, count=len(problems)), ""]
    for number, item in enumerate(problems, 1):
        _, message = render_code(item.code, item.params, lang)
        found = " ".join(item.found.split())
        found = found if len(found) <= 200 else found[:199] + "…"
        if item.where and found:
            line = _say("issue.text-found", lang, field=item.where, found=found, message=message)
        elif item.where:
            line = _say("issue.text-field", lang, field=item.where, message=message)
        else:
            line = markdown_inline(message)
        lines.append(f"{number}. {line}")
    lines += ["", _say("issue.text-comment-howto", lang), ""]
    if sections:
        lines += ["<details>", f"<summary>{_say('issue.text-answers', lang)}</summary>", ""]
        for section in sections:
            if section.heading:
                lines += [f"**{markdown_inline(section.heading)}**", ""]
            answer = answer_text(section.text)
            lines += [*(_quote(answer) if answer else [_say("issue.text-no-answer", lang)]), ""]
        lines.append("</details>")
    text = "\n".join(lines).rstrip("\n") + "\n"
    return bound_markdown(text, _t("issue.text-cut-comment", lang))


def success_message(built: Built, warnings: list[Problem], issue: int | None, author: str | None, ctx: Context, lang: str) -> str:
    """The pull request's body: what the record holds, what changed, the check's warnings."""
    kind = BY_NAME[built.kind]
    lines = [f"## {_say(built.title[0], lang, **built.title[1])}", ""]
    if issue is not None:
        lines.append(_say("issue.text-source", lang, issue=issue, author=author or "?"))
    else:
        lines.append(_say("issue.text-source-plain", lang))
    lines.append("")
    label = kind.label_vi if lang == "vi" else kind.label_en
    unit_name = ctx.unit_name(built.unit)
    lines += [_say("issue.text-record", lang, kind_label=label, kind=built.kind, unit_name=unit_name, unit=built.unit), ""]
    change = built.change
    if change.created:
        lines.append(f"- {_say('issue.text-created', lang, path=change.path)}")
    for code, params in change.notes:
        lines.append(f"- {_say(code, lang, **params)}")
    lines += ["", _say("issue.text-fields", lang), "| --- | --- |"]
    lines += [f"| {markdown_inline(name)} | {markdown_inline(value)} |" for name, value in built.summary]
    if built.rows:
        header = _say("issue.text-rows", lang)
        lines += ["", header, "|" + " --- |" * (header.count("|") - 1)]
        lines += ["| " + " | ".join(markdown_inline(cell) for cell in row) + " |" for row in built.rows]
    lines.append("")
    if warnings:
        lines.append(_say("issue.text-check-warnings", lang, count=len(warnings)))
        for problem in warnings:
            title_w, message = render(problem, lang)
            where = markdown_inline(f"{problem.file}:{problem.line}")
            lines.append(
                f"- <code>{where}</code> **{markdown_inline(title_w)}**: {markdown_inline(f'{message} [{problem.code}]')}"
            )
    else:
        lines.append(_say("issue.text-check-clean", lang))
    lines += ["", _say("issue.text-review", lang)]
    if issue is not None:
        lines += ["", _say("issue.text-closes", lang, issue=issue)]
    return bound_markdown("\n".join(lines) + "\n", _t("issue.text-cut-body", lang))


def _where_of(problem: Problem, built: Built, form: Form, lang: str) -> str:
    """The form field (or row) a problem of the written record points at."""
    parts = pointer_parts(problem.pointer)
    keys = POINTER_FIELDS.get(built.kind, {})
    if built.kind == REGISTRATION.name and parts[:1] == ["rows"]:
        label = form.field("rows").label
        if len(parts) >= 2 and parts[1].isdigit():
            row = int(parts[1]) + 1
            if len(parts) >= 3 and parts[2] in ROW_KEYS:
                column = ROW_COLUMNS[ROW_KEYS.index(parts[2])]
                return _t("issue.text-column", lang, field=label, row=row, column=column)
            if len(parts) >= 3 and parts[2] == "topic":
                return _t("issue.text-column", lang, field=label, row=row, column=ROW_COLUMNS[0])
            return _t("issue.text-row", lang, field=label, row=row)
        return label
    if built.item_pointer and problem.pointer.startswith(built.item_pointer + "/"):
        parts = pointer_parts(problem.pointer[len(built.item_pointer) :])
    elif built.item_pointer and problem.pointer.startswith(built.item_pointer.rsplit("/", 1)[0] + "/"):
        return f"{problem.file}:{problem.line}"  # another row of the file, not this issue's
    for part in reversed(parts):
        if part in keys:
            return form.field(keys[part]).label
    for part in parts:
        if part in keys:
            return form.field(keys[part]).label
    return problem.file


def from_issue(
    root: Path,
    body: str,
    labels: list[str],
    issue: int | None = None,
    author: str | None = None,
    lang: str = "vi",
    today: dt.date | None = None,
) -> Outcome:
    """Read an issue body, write its record under ``root`` (only when it checks clean) and say what happened."""
    body = unicodedata.normalize("NFC", body.replace("\r\n", "\n").replace("\r", "\n"))
    known = {fold(f.label) for form in FORMS for f in form.fields}
    sections = split_body(body, known)
    if not body.strip():
        return _failed(None, [Issue("", "", "issue.empty")], sections, lang)
    form, named, label = detect_form(labels, sections)
    if form is None:
        return _failed(None, [Issue("", "", "issue.unknown-form", {"forms_list": [f.title for f in FORMS]})], sections, lang)
    if named is not None:
        params = {"label": label, "form": named.title, "other_form": form.title}
        return _failed(named, [Issue("", "", "issue.form-mismatch", params)], sections, lang)
    loaded = load(root, (today or dt.date.today()).isoformat())
    reader = Reader(form, sections, loaded, lang, issue)
    built = make(reader)
    if built is None or reader.problems:
        return _failed(form, _in_form_order(form, reader.problems), sections, lang)
    # Checked once, on a stage; the repository sees the record only once it passed (site_gen.intake.commit).
    committed = commit(root, {built.change.path: built.change.text.encode("utf-8")}, loaded.before)
    if committed.errors:
        problems = [
            Issue(_where_of(p, built, form, lang), "", "issue.check-problem", {"message": render(p, lang)[1], "code": p.code})
            for p in committed.errors
        ]
        return _failed(form, problems, sections, lang)
    message = success_message(built, committed.warnings, issue, author, loaded.ctx, lang)
    # One branch per issue: an edited issue (even for another cadre or unit) updates the same pull request.
    slug = built.slug[:60].strip("-")
    branch = f"ho-so/issue-{issue}" if issue is not None else f"ho-so/{slug}"
    outputs = [
        ("result", "ok"),
        ("kind", built.kind),
        ("form", form.name),
        ("path", built.change.path),
        ("paths", built.change.path),
        ("action", "created" if built.change.created else "updated"),
        ("branch", branch),
        ("title", _t(built.title[0], lang, **built.title[1])),
    ]
    return Outcome(True, message, outputs, form, built)


def _in_form_order(form: Form, problems: list[Issue]) -> list[Issue]:
    """Problems in the order of the form's questions (a row's problems under its question)."""
    labels = [f.label for f in form.fields]

    def position(item: Issue) -> int:
        return next((i for i, label in enumerate(labels) if item.where.startswith(label)), len(labels))

    return sorted(problems, key=position)


def _failed(form: Form | None, problems: list[Issue], sections: list[Section], lang: str) -> Outcome:
    outputs = [("result", "invalid"), ("kind", form.kind if form else ""), ("form", form.name if form else "")]
    return Outcome(False, failure_comment(form, problems, sections, lang), outputs, form)


def github_output_lines(outputs: list[tuple[str, str]]) -> str:
    """``name=value`` lines; a value with a line break uses the ``name<<DELIMITER`` form."""
    out = []
    for name, value in outputs:
        if "\n" in value or "\r" in value:
            delimiter = "EOF_SITE_GEN"
            while delimiter in value:
                delimiter += "_"
            out.append(f"{name}<<{delimiter}\n{value}\n{delimiter}\n")
        else:
            out.append(f"{name}={value}\n")
    return "".join(out)


def cmd_from_issue(args: argparse.Namespace) -> int:
    root = data_root(args.root)
    try:
        body = sys.stdin.read() if args.body == "-" else input_bytes(args.body).decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise SetupError("setup.io", path=args.body, detail=detail) from None
    labels = [label.strip() for label in (args.labels or "").split(",") if label.strip()]
    outcome = from_issue(root, body, labels, args.issue, args.author, args.lang)
    try:
        if args.message_file:
            save_text(Path(args.message_file), outcome.message)
        else:
            sys.stdout.write(outcome.message)
        if args.github_output:
            append_text(args.github_output, github_output_lines(outcome.outputs))
    except OSError as exc:
        raise SetupError("setup.io", path=args.message_file or args.github_output, detail=exc.strerror or str(exc)) from None
    if outcome.ok and args.message_file:
        print(outcome.built.change.path if outcome.built else "")
    return 0 if outcome.ok else 1
