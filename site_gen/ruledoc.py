"""The rule catalogue and the error codes, for ``site-gen rules`` and the documentation."""

from __future__ import annotations

import json
from typing import Any

from site_gen.catalogue import CATALOGUE, UI, by_language
from site_gen.rules import load_checks

GROUPS = by_language("code_groups")  # by the code's first word, in the order of site_gen/words/ui.toml
RULE_GROUPS = by_language("rule_groups")  # the rules by module ("shared": codes of several modules), in that order
HEADER = by_language("rules")


def _rule_group(checks: list[Any]) -> dict[str, str]:
    """Each rule code's group: the rule module that gives it, or "shared" when several do."""
    modules: dict[str, set[str]] = {}
    for item in checks:
        for code in item.codes:
            modules.setdefault(code, set()).add(item.fn.__module__.rsplit(".", 1)[-1])
    return {code: found.pop() if len(found) == 1 else "shared" for code, found in modules.items()}


def catalogue_rows(lang: str, include_all: bool) -> list[dict[str, Any]]:
    scopes: dict[str, set[str]] = {}
    for item in load_checks():
        for code in item.codes:
            scopes.setdefault(code, set()).add(item.scope)
    rows = []
    for code, entry in CATALOGUE.items():
        if code.startswith("setup."):
            continue
        if not include_all and not code.startswith("rule."):
            continue
        vi = lang == "vi"
        rows.append(
            {
                "code": code,
                "severity": entry.severity.value,
                "title": entry.title_vi if vi else entry.title_en,
                "description": (entry.about_vi if vi else entry.about_en) or (entry.title_vi if vi else entry.title_en),
                "scopes": sorted(scopes.get(code, set())),
            }
        )
    return rows


def rules_output(fmt: str, lang: str, include_all: bool = False) -> str:
    rows = catalogue_rows(lang, include_all)
    if fmt == "json":
        return json.dumps({"format": 1, "lang": lang, "codes": rows}, ensure_ascii=False, indent=2) + "\n"
    words = UI[lang]
    if fmt == "markdown":
        out = []
        header = HEADER[lang]
        for prefix, title in GROUPS[lang].items():
            group = [row for row in rows if row["code"].startswith(prefix + ".")]
            if not group:
                continue
            out += [f"## {title}", ""]
            if prefix != "rule":
                out += _table(group, header, words)
                continue
            # the rules are many (a search index section stays under 16 KiB): one table per rule module
            by_code = _rule_group(load_checks())
            for name, subtitle in RULE_GROUPS[lang].items():
                part = [row for row in group if by_code.get(row["code"], "shared") == name]
                if part:
                    out += [f"### {subtitle}", "", *_table(part, header, words)]
        return "\n".join(out)
    width = max(len(row["code"]) for row in rows)
    lines = [f"{row['code']:<{width}}  {words[row['severity']]:<9} {row['description']}" for row in rows]
    return "\n".join(lines) + "\n"


def _table(rows: list[dict[str, Any]], header: dict[str, str], words: dict[str, str]) -> list[str]:
    out = [f"| {header['code']} | {header['severity']} | {header['what']} |", "| --- | --- | --- |"]
    out += [f"| `{row['code']}` | {words[row['severity']]} | {row['description']} |" for row in rows]
    return [*out, ""]
