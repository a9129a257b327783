"""The labels of coded values (``morning``, ``excellent``…), taken from the schemas.

The schemas are the one place where a coded value gets its words: each
``enum`` carries ``enumDescriptions`` (the Vietnamese label, which editors
show) and, where a page, a form or a message needs another form of it,
``x-enumLabels`` with ``short`` (a table column that already names the
field: "Sáng"), ``inline`` (inside a sentence: "buổi sáng") and ``en``.
A missing form falls back: ``inline`` to ``short`` to the label; ``en`` to
the code itself.

The tool reads the labels from ``site_gen/words/labels.json``, a copy that
``python -m site_gen.bundle`` (``make schemas``) generates from the
schemas with the bundled schemas, so a command that has no repository at
hand (the message catalogue, the page templates) still has them; a test
and a pre-commit hook keep the copy current.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import cache
from typing import Any

from site_gen.safefs import WORDS_DIR, read_words

# Which enum of which schema each vocabulary is (a JSON pointer inside the schema file).
SOURCES: dict[str, tuple[str, str]] = {
    "classification": ("defs.schema.json", "/$defs/classification"),
    "session": ("defs.schema.json", "/$defs/session"),
    "role_group": ("defs.schema.json", "/$defs/role_group"),
    "membership": ("defs.schema.json", "/$defs/membership"),
    "exemption_reason": ("defs.schema.json", "/$defs/exemption_reason"),
    "level": ("organisation.schema.json", "/properties/level"),
    "unit_type": ("unit.schema.json", "/properties/type"),
    "locality_level": ("unit.schema.json", "/properties/locality/properties/level"),
    "disadvantaged": ("unit.schema.json", "/properties/disadvantaged/items"),
    "result_status": ("inspection-result.schema.json", "/properties/status"),
    "completion": ("midterm-survey.schema.json", "/properties/targets/items/properties/completion"),
    "prospect": ("midterm-survey.schema.json", "/properties/targets/items/properties/prospect"),
    "recurring": (
        "remediation-plan.schema.json",
        "/properties/solution_groups/items/properties/actions/items/properties/recurring",
    ),
    "shortcoming_area": ("remediation-plan.schema.json", "/properties/shortcomings/items/properties/area"),
    "period": ("remediation-progress.schema.json", "/properties/period/properties/cadence"),
    "progress_status": ("remediation-progress.schema.json", "/properties/items/items/properties/status"),
    "reorganisation_change": ("reorganisation.schema.json", "/properties/changes/items/properties/change"),
}
FORMS = ("label", "short", "inline", "en")
LABELS_FILE = "labels.json"
LABELS_PATH = WORDS_DIR / LABELS_FILE
_FALLBACK = {"short": "label", "inline": "short"}


def _node(document: Any, pointer: str) -> dict[str, Any]:
    for part in pointer.strip("/").split("/"):
        document = document[part]
    if not isinstance(document, dict):
        raise ValueError(pointer)
    return document


def extract(documents: Mapping[str, Any]) -> dict[str, dict[str, dict[str, str]]]:
    """Every vocabulary's values with their forms, from the parsed schema documents (by file name)."""
    out: dict[str, dict[str, dict[str, str]]] = {}
    for name, (file, pointer) in SOURCES.items():
        node = _node(documents[file], pointer)
        values = [str(value) for value in node["enum"]]
        forms: dict[str, list[str]] = {"label": node["enumDescriptions"], **node.get("x-enumLabels", {})}
        table = {}
        for index, value in enumerate(values):
            row = {"label": str(forms["label"][index])}
            for form in FORMS[1:]:
                if form in forms:
                    row[form] = str(forms[form][index])
            table[value] = row
        out[name] = table
    return out


def render(documents: Mapping[str, Any]) -> str:
    """The text of ``labels.json`` from the parsed schema documents (by file name)."""
    return json.dumps(extract(documents), ensure_ascii=False, indent=1) + "\n"


@cache
def _table() -> dict[str, dict[str, dict[str, str]]]:
    text = read_words(LABELS_FILE)
    value: dict[str, dict[str, dict[str, str]]] = json.loads(text)
    return value


def _form(row: dict[str, str], form: str) -> str:
    while form not in row:
        form = _FALLBACK[form]
    return row[form]


def labels(vocabulary: str, form: str = "label") -> dict[str, str]:
    """Each value of ``vocabulary`` with its words in ``form`` (see the module), in the schema's order."""
    table = _table()[vocabulary]
    if form == "en":
        return {code: row.get("en", code) for code, row in table.items()}
    return {code: _form(row, form) for code, row in table.items()}


def label(vocabulary: str, code: Any, form: str = "label") -> str:
    """The words of one value; an unknown value is shown as it is."""
    return labels(vocabulary, form).get(str(code), str(code))


def vocabularies() -> tuple[str, ...]:
    return tuple(SOURCES)
