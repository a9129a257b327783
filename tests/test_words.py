"""The word files (site_gen/words/): complete, in both languages, correct Vietnamese, every text used and fillable."""

from __future__ import annotations

import ast
import json
import re
import tomllib
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from site_gen import bundle, catalogue, labels
from site_gen.catalogue import CATALOGUE, DOMAINS, STRICT_ENV, UI_FILES, WordsError, placeholders, render_code, say, words

ROOT = Path(__file__).resolve().parent.parent
WORDS = ROOT / "site_gen" / "words"
CODE = re.compile(r"^(file|yaml|record|schema|rule|issue|office|setup)\.[a-z0-9-]+$")
# Sections of ui.toml written in Vietnamese only (plain strings), and why.
VIETNAMESE_ONLY = {
    "scaffold": "the comments of a new record, which is written in Vietnamese whatever --lang says",
    "stats": 'the sentences of a "1+2" report, a Vietnamese document',
    "cli": "site-gen --help, which argparse prints before --lang is read",
    "argparse": "argparse's own complaints stay in English under --lang en",
    "schemas": "the maintainers' schema tools speak Vietnamese, as the rest of the set-up does",
    "form_names": "the names of the Word and Excel forms, Vietnamese documents",
    "office_where": "places in a Vietnamese Word or Excel form, named as the form names them (sheet, row, the form's own line titles)",
    "form_groups": "the headings of the forms offered on the (Vietnamese) site",
    "form_titles": "the titles of the Word and Excel forms, Vietnamese documents",
    "issue_forms": "the issue forms' titles and labels, which equal those of the (Vietnamese) templates in .github/ISSUE_TEMPLATE/",
    "codeowners_header": "the first comments of the CODEOWNERS file, written in Vietnamese whatever --lang says",
    "codeowners": "the comments of the CODEOWNERS file, written in Vietnamese whatever --lang says",
    # site.toml: the generated site, its calendars and downloads are Vietnamese documents
    "months": "the month headings of the (Vietnamese) site",
    "chart_months": "the month names under the bars of a (Vietnamese) chart",
    "pages": "the page titles and table headers of the (Vietnamese) site",
    "deadlines": "the deadlines on the (Vietnamese) site's home page",
    "charts": "the titles, axes and descriptions of the (Vietnamese) site's charts",
    "calendars": "the names and events of the (Vietnamese) iCalendar feeds",
    "downloads": "yes and no in the (Vietnamese) CSV and Excel downloads, and the note of mo-ta.json",
}
# Texts of ui.toml that the code looks up by a value rather than by a literal key, and how.
LOOKED_UP_BY_VALUE = {
    "rule_groups": "*",  # every group, in order (the rule modules)
    "report": {"error", "warning"},  # by a problem's severity
    "diff": {"added", "changed", "removed"},  # by a record's change
    "json_types": "*",  # by the JSON type a schema names
    "plan_kind": "*",  # by a plan's record kind
    "code_groups": "*",  # every group, in order
    "form_names": "*",  # by form
    "form_groups": "*",  # by form
    "months": "*",  # by month number
    "codeowners_header": "*",  # every line, in order
    "issue_forms": "*",  # by form and question (test_from_issue.py ties them to the templates)
    "chart_months": "*",  # by month number
}


# Modules (under site_gen/) that may hold Vietnamese string literals, which ones ("*": any) and why: none of
# them is a text for a reader. Every other text a reader sees comes from the word files.
VIETNAMESE_LITERALS = {
    "kinds/": ("*", "a kind's declaration: its column headers and labels are part of what the kind is"),
    "vn.py": ("*", "the Vietnamese alphabet and the letters that sorting and folding work on"),
    "site/hooks.py": ({"Đ", "đ"}, "Đ and đ folded to D and d in a heading's anchor"),
    "intake/parse.py": (
        {r"\s*(?:nội dung|noi dung|nd)?\s*(\d+(?:\.\d+)+|\d+)\.?(?!\d)"},
        'a regex reading a category as a unit writes it ("nội dung 1.2")',
    ),
    "intake/office_form.py": ({r"số\s+(.+?)\s*,"}, "a regex reading the plan's number in a form's reference line"),
    "office/paper.py": ({"ngày ([0-9]{2}) tháng ([0-9]{2}) năm ([0-9]{4})"}, "a regex reading a form's place-and-date line"),
    "office/reading.py": ({r"^[^,\d]{2,40},\s*ng[aà]y\b"}, "a regex finding a form's place-and-date line"),
    "office/layout.py": ({"Trưởng", "Chánh"}, "how a unit head's post starts in the records, matched to find the head"),
}


def _files() -> dict[str, dict[str, Any]]:
    return {path.stem: tomllib.loads(path.read_text(encoding="utf-8")) for path in sorted(WORDS.glob("*.toml"))}


def _literals() -> set[str]:
    found = set()
    for path in (ROOT / "site_gen").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                found.add(node.value)
    return found


def _texts(node: Any, where: str = "") -> list[tuple[str, str]]:
    if isinstance(node, str):
        return [(where, node)]
    return [pair for key, value in node.items() for pair in _texts(value, f"{where}/{key}")]


def _ui() -> dict[str, Any]:
    """The sections of the commands' word files (report.toml and ui.toml), each in one file only."""
    files = _files()
    sections: dict[str, Any] = {}
    for name in UI_FILES:
        assert not sections.keys() & files[name].keys(), name
        sections.update(files[name])
    return sections


def test_the_files_are_the_domains_and_ui() -> None:
    assert set(_files()) == {*DOMAINS, *UI_FILES, "forms"}


def test_every_message_has_both_languages_and_the_same_placeholders() -> None:
    for name in DOMAINS:
        for code, item in _files()[name].items():
            assert CODE.match(code), code
            assert set(item) <= {"severity", "title", "text", "about"} and item["severity"] in ("error", "warning"), code
            for part in ("title", "text", "about"):
                if part == "about" and part not in item:
                    continue
                assert set(item[part]) == {"vi", "en"} and item[part]["vi"] and item[part]["en"], f"{code} {part}"
                assert placeholders(item[part]["vi"]) == placeholders(item[part]["en"]), f"{code} {part}"
            assert not placeholders(item["title"]["vi"]), code


def test_no_code_is_in_two_files() -> None:
    seen: dict[str, str] = {}
    for name in DOMAINS:
        for code in _files()[name]:
            assert code not in seen, f"{code} in {seen.get(code)} and {name}"
            seen[code] = name


def test_every_ui_text_has_both_languages_or_is_vietnamese_only_on_purpose() -> None:
    for section, table in _ui().items():
        for key, value in table.items():
            if isinstance(value, str):
                assert section in VIETNAMESE_ONLY, f"{section}.{key} has no English"
            else:
                assert set(value) == {"vi", "en"} and value["vi"], f"{section}.{key}"
                assert placeholders(value["vi"]) == placeholders(value["en"]), f"{section}.{key}"


def test_every_text_is_written_in_composed_vietnamese() -> None:
    for name, data in _files().items():
        for where, text in _texts(data):
            assert unicodedata.is_normalized("NFC", text), f"{name}{where}: not NFC"
            assert not any(unicodedata.combining(c) for c in text), f"{name}{where}: a combining mark"
            assert "Ð" not in text and "ð" not in text, f"{name}{where}: Ð (eth) for Đ"
            assert all(c.isprintable() for c in text), f"{name}{where}: a control character"


def test_every_code_in_the_source_is_catalogued_and_every_message_is_used() -> None:
    literals = _literals()
    used = {text for text in literals if CODE.match(text)}
    assert used - set(CATALOGUE) == set(), "codes without a message"
    assert set(CATALOGUE) - literals == set(), "messages no code raises"


def test_every_ui_text_is_used() -> None:
    literals = _literals()
    unused = []
    for section, table in _ui().items():
        by_value = LOOKED_UP_BY_VALUE.get(section, set())
        for key in table:
            if by_value != "*" and key not in by_value and key not in literals:
                unused.append(f"{section}.{key}")
    assert unused == []


def test_every_form_text_is_vietnamese_used_and_fillable() -> None:
    literals = _literals()
    for key, value in _files()["forms"].items():
        assert isinstance(value, str) and value.strip(), key
        assert key in literals, f"forms.{key} is not used"
        names = placeholders(value)
        text = catalogue.texts("forms")[key].format(**{name: f"<{name}>" for name in names})
        assert all(f"<{name}>" in text for name in names), key


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_message_renders_with_its_placeholders(lang: str) -> None:
    for code, entry in CATALOGUE.items():
        names = placeholders(entry.text_vi)
        title, text = render_code(code, {name: f"<{name}>" for name in names}, lang)
        assert title and all(f"<{name}>" in text for name in names), code


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_ui_text_fills_with_its_placeholders(lang: str) -> None:
    for section, table in _ui().items():
        for key in table:
            names = placeholders(words(section, lang)[key])
            text = say(section, key, lang, **{name: f"<{name}>" for name in names})
            assert all(f"<{name}>" in text for name in names), f"{section}.{key}"


def test_a_missing_or_unknown_placeholder_fails_the_tests_and_not_the_user(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(WordsError, match="missing"):
        render_code("file.too-large", {"size": 1}, "vi")
    with pytest.raises(WordsError, match="not in the text"):
        render_code("file.too-large", {"size": 1, "limit": 2, "other": 3}, "vi")
    with pytest.raises(WordsError):
        catalogue.UI["vi"]["clean"].format()
    monkeypatch.delenv(STRICT_ENV)
    _, text = render_code("file.too-large", {"size": 1}, "vi")
    assert "{limit}" in text and "1" in text
    assert "{checked}" in catalogue.UI["en"]["clean"].format()


def test_the_suggestion_sentence_needs_no_placeholder() -> None:
    _, text = render_code("rule.ref-unit", {"id": "x", "suggestion": "don-vi-y"}, "vi")
    assert text.endswith(' Có phải ý bạn là "don-vi-y"?')


# -- labels ---------------------------------------------------------------------------------


def test_the_label_copy_is_current() -> None:
    assert bundle.main(["--check", "--root", str(ROOT)]) == 0, "run: make schemas"


def test_every_label_form_has_one_text_per_value() -> None:
    for name, (file, pointer) in labels.SOURCES.items():
        node: Any = json.loads((ROOT / "schemas" / file).read_text(encoding="utf-8"))
        for part in pointer.strip("/").split("/"):
            node = node[part]
        assert len(node["enumDescriptions"]) == len(node["enum"]), name
        for form, texts in node.get("x-enumLabels", {}).items():
            assert form in labels.FORMS[1:] and len(texts) == len(node["enum"]), f"{name} {form}"
            for text in texts:
                assert unicodedata.is_normalized("NFC", text), f"{name} {form}"


def test_labels_fall_back_from_a_sentence_to_a_cell_to_the_label() -> None:
    assert labels.label("session", "morning") == "Buổi sáng"
    assert labels.label("session", "morning", "short") == "Sáng"
    assert labels.label("session", "morning", "inline") == "buổi sáng"
    assert labels.label("classification", "good", "inline") == "Hoàn thành tốt nhiệm vụ"
    assert labels.label("role_group", "standing", "inline") == "Thường trực"
    assert labels.label("level", "province", "en") == "province"
    assert labels.label("session", "evening") == "evening"


def test_no_layer_keeps_its_own_copy_of_an_enum_label() -> None:
    # Each label appears in Python source only through site_gen.labels (docstrings aside).
    texts = {row[form] for table in labels._table().values() for row in table.values() for form in row if form != "en"}
    texts = {text for text in texts if len(text) > 12}  # short words ("Xã", "Năm") are ordinary words too
    found = {}
    for path in (ROOT / "site_gen").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and node.value in texts:
                found[node.value] = path.name
    assert found == {}


def _vietnamese(text: str) -> bool:
    """Holds a Vietnamese letter: đ, or a Latin letter with a diacritic (ă, â, ê, ô, ơ, ư or a tone mark)."""
    return any(
        char in "đĐ" or (not char.isascii() and char.isalpha() and unicodedata.normalize("NFD", char)[0].isascii())
        for char in text
    )


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) and isinstance(first.value.value, str):
                found.add(id(first.value))
    return found


def test_no_module_writes_a_vietnamese_text() -> None:
    # Every text a reader sees is in a word file; a Vietnamese string literal (docstrings aside) is allowed
    # only where VIETNAMESE_LITERALS says, and only the literals it names.
    found = []
    for path in sorted((ROOT / "site_gen").rglob("*.py")):
        module = path.relative_to(ROOT / "site_gen").as_posix()
        allowed: Any = next((texts for prefix, (texts, _) in VIETNAMESE_LITERALS.items() if module.startswith(prefix)), set())
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = _docstrings(tree)
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Constant) and isinstance(node.value, str)) or id(node) in docstrings:
                continue
            if _vietnamese(node.value) and allowed != "*" and node.value not in allowed:
                found.append(f"{module}:{node.lineno}: {node.value!r}")
    assert found == [], "put these texts in a word file (site_gen/words/)"


def test_every_allowed_vietnamese_literal_is_still_there() -> None:
    # An exception that no longer applies is dropped from VIETNAMESE_LITERALS, so the list stays honest.
    for prefix, (texts, _) in VIETNAMESE_LITERALS.items():
        paths = sorted((ROOT / "site_gen").glob(prefix + "**/*.py" if prefix.endswith("/") else prefix))
        literals = {
            node.value
            for path in paths
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and _vietnamese(node.value)
        }
        assert literals, prefix
        if texts != "*":
            assert texts <= literals, prefix


def test_the_words_ship_with_the_package() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    shipped = config["tool"]["setuptools"]["package-data"]["site_gen"]
    assert "words/*.toml" in shipped and "words/*.json" in shipped
