"""The rule catalogue and the error codes, for ``site-gen rules`` and the documentation."""

from __future__ import annotations

import json
from typing import Any

from site_gen.catalogue import CATALOGUE, UI, by_language
from site_gen.rules import load_checks

GROUPS = by_language("code_groups")  # by the code's first word, in the order of site_gen/words/ui.toml
HEADER = by_language("rules")


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
            out += [f"| {header['code']} | {header['severity']} | {header['what']} |", "| --- | --- | --- |"]
            for row in group:
                out.append(f"| `{row['code']}` | {words[row['severity']]} | {row['description']} |")
            out.append("")
        return "\n".join(out)
    width = max(len(row["code"]) for row in rows)
    lines = [f"{row['code']:<{width}}  {words[row['severity']]:<9} {row['description']}" for row in rows]
    return "\n".join(lines) + "\n"
