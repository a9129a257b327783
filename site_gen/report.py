"""Print problems: as text for people, as workflow commands for GitHub, as JSON for programs.

The JSON shape (``format`` 1) is documented in the README and fixed: fields
are only ever added.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from site_gen import __version__
from site_gen.catalogue import UI, lookup, render
from site_gen.escape import bound_markdown, github_command, github_log, markdown_inline, utf8_length
from site_gen.problems import Problem

JSON_FORMAT = 1


def summary(problems: list[Problem]) -> dict[str, Any]:
    counts = Counter((p.code, p.severity.value) for p in problems)
    by_code = [
        {"code": code, "severity": severity, "count": count}
        for (code, severity), count in sorted(counts.items(), key=lambda item: (item[0][1] != "error", -item[1], item[0][0]))
    ]
    return {
        "errors": sum(1 for p in problems if p.severity.value == "error"),
        "warnings": sum(1 for p in problems if p.severity.value == "warning"),
        "files": len({p.file for p in problems}),
        "by_code": by_code,
    }


def _where(problem: Problem) -> str:
    if problem.line:
        return f"{problem.file}:{problem.line}:{problem.column}"
    return problem.file


def text(problems: list[Problem], checked: int, lang: str) -> str:
    words = UI[lang]
    lines = []
    for problem in problems:
        _, message = render(problem, lang)
        lines.append(f"{_where(problem)}: {words[problem.severity.value]} [{problem.code}] {message}")
    body = "\n".join(lines) + "\n\n" if lines else ""
    return body + summary_text(problems, checked, lang)


def summary_text(problems: list[Problem], checked: int, lang: str) -> str:
    """The closing lines of the text report: the totals and the count per code (no record text in them)."""
    words = UI[lang]
    if not problems:
        return words["clean"].format(checked=checked) + "\n"
    info = summary(problems)
    lines = [words["summary"].format(checked=checked, **{k: info[k] for k in ("errors", "warnings", "files")})]
    lines.append(words["by_code"])
    width = max(len(item["code"]) for item in info["by_code"])
    for item in info["by_code"]:
        entry = lookup(item["code"])
        title = entry.title_vi if lang == "vi" else entry.title_en
        severity = words[item["severity"]]
        lines.append(f"  {item['count']:>5}  {severity:<9} {item['code']:<{width}}  {title}")
    return "\n".join(lines) + "\n"


def github(problems: list[Problem], checked: int, lang: str) -> str:
    """GitHub Actions workflow commands: one annotation per problem, then the summary as plain log text.

    Every value is escaped by :mod:`site_gen.escape`, so a file name or a
    message holding line breaks or ``::`` adds no command of its own; the
    summary is printed with the runner's commands stopped.
    """
    lines = []
    for problem in problems:
        title, message = render(problem, lang)
        command = "error" if problem.severity.value == "error" else "warning"
        props: list[tuple[str, str]] = []
        if problem.file:
            props.append(("file", problem.file))
        if problem.file and problem.line:
            props += [("line", str(problem.line)), ("col", str(problem.column))]
        props.append(("title", f"[{problem.code}] {title}".rstrip()))
        lines.append(github_command(command, props, message) + "\n")
    return "".join(lines) + github_log(summary_text(problems, checked, lang))


# A job summary takes at most 1 MiB (bytes) per step; stop well before it.
SUMMARY_LIMIT = 900_000


def markdown(problems: list[Problem], checked: int, lang: str, limit: int = SUMMARY_LIMIT) -> str:
    """The whole report, grouped by code and then by file, for a job summary (annotations stop at 10 per step)."""
    words = UI[lang]
    info = summary(problems)
    out = [f"## {words['md_title']}", ""]
    if not problems:
        out.append("✅ " + words["clean"].format(checked=checked))
        return "\n".join(out) + "\n"
    mark = "❌ " if info["errors"] else "✅ "
    out.append(mark + words["summary"].format(checked=checked, **{k: info[k] for k in ("errors", "warnings", "files")}))
    out += [
        "",
        f"| {words['md_code']} | {words['md_severity']} | {words['md_what']} | {words['md_count']} |",
        "| --- | --- | --- | ---: |",
    ]
    for item in info["by_code"]:
        entry = lookup(item["code"])
        title = entry.title_vi if lang == "vi" else entry.title_en
        out.append(f"| `{item['code']}` | {words[item['severity']]} | {markdown_inline(title)} | {item['count']} |")
    out.append("")
    by_file: dict[str, list[Problem]] = {}
    for problem in problems:
        by_file.setdefault(problem.file, []).append(problem)
    for file, items in by_file.items():
        out += [f"### <code>{markdown_inline(file)}</code> ({len(items)})", ""]
        for problem in items:
            _, message = render(problem, lang)
            where = words["md_line"].format(line=problem.line, column=problem.column) if problem.line else ""
            out.append(f"- {where}**{words[problem.severity.value]}** `{problem.code}`: {markdown_inline(message)}")
        out.append("")
    return bound_markdown("\n".join(out), words["md_cut"], limit, utf8_length)


def as_json(problems: list[Problem], checked: int, lang: str) -> str:
    items = []
    for problem in problems:
        title, message = render(problem, lang)
        items.append(
            {
                "file": problem.file,
                "line": problem.line,
                "column": problem.column,
                "pointer": problem.pointer,
                "code": problem.code,
                "severity": problem.severity.value,
                "title": title,
                "message": message,
                "params": {name: _jsonable(value) for name, value in problem.params},
            }
        )
    info = summary(problems)
    for item in info["by_code"]:
        entry = lookup(item["code"])
        item["title"] = entry.title_vi if lang == "vi" else entry.title_en
    document = {
        "format": JSON_FORMAT,
        "tool": {"name": "site-gen", "version": __version__},
        "lang": lang,
        "checked_files": checked,
        "summary": info,
        "problems": items,
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _jsonable(value: Any) -> Any:
    if isinstance(value, tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, (list,)):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    return value


FORMATTERS = {"text": text, "github": github, "json": as_json, "markdown": markdown}
