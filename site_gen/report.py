"""Print problems: as text for people, as workflow commands for GitHub, as JSON for programs.

The JSON shape (``format`` 1) is documented in the README and fixed: fields
are only ever added.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from typing import Any

from site_gen import __version__
from site_gen.catalogue import UI, lookup, render
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
    info = summary(problems)
    if lines:
        lines.append("")
    if not problems:
        lines.append(words["clean"].format(checked=checked))
        return "\n".join(lines) + "\n"
    lines.append(words["summary"].format(checked=checked, **{k: info[k] for k in ("errors", "warnings", "files")}))
    lines.append(words["by_code"])
    width = max(len(item["code"]) for item in info["by_code"])
    for item in info["by_code"]:
        entry = lookup(item["code"])
        title = entry.title_vi if lang == "vi" else entry.title_en
        severity = words[item["severity"]]
        lines.append(f"  {item['count']:>5}  {severity:<9} {item['code']:<{width}}  {title}")
    return "\n".join(lines) + "\n"


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def github(problems: list[Problem], checked: int, lang: str) -> str:
    """GitHub Actions workflow commands: one annotation per problem, then the summary as text."""
    lines = []
    for problem in problems:
        title, message = render(problem, lang)
        command = "error" if problem.severity.value == "error" else "warning"
        props = []
        if problem.file and problem.line:
            props.append(f"file={_escape_property(problem.file)}")
            props.append(f"line={problem.line}")
            props.append(f"col={problem.column}")
        elif problem.file:
            props.append(f"file={_escape_property(problem.file)}")
        props.append(f"title={_escape_property(f'[{problem.code}] {title}')}")
        lines.append(f"::{command} {','.join(props)}::{_escape_data(message)}")
    body = "\n".join(lines)
    tail = text([], checked, lang) if not problems else _summary_only(problems, checked, lang)
    return (body + "\n" if body else "") + tail


def _summary_only(problems: list[Problem], checked: int, lang: str) -> str:
    full = text(problems, checked, lang)
    marker = full.split("\n\n", 1)
    return marker[1] if len(marker) == 2 else full


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


FORMATTERS = {"text": text, "github": github, "json": as_json}


def select(problems: Iterable[Problem], paths: list[str]) -> list[Problem]:
    """Problems in the given files or folders (all when none are given)."""
    chosen = list(problems)
    if not paths:
        return chosen
    prefixes = [p.rstrip("/") for p in paths]
    return [p for p in chosen if any(p.file == prefix or p.file.startswith(prefix + "/") for prefix in prefixes)]
