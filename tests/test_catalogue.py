"""The message catalogue: both languages, the same placeholders, every rule documented and tested."""

from __future__ import annotations

import string
from pathlib import Path

import pytest

from site_gen.catalogue import CATALOGUE, render_code
from site_gen.cli import main
from site_gen.labels import labels
from site_gen.rules import all_codes, load_checks
from site_gen.schema_problems import iter_schema_codes

CASES = Path(__file__).resolve().parent / "cases"
ROOT = CASES.parent.parent
# Codes no input of the shipped schemas can produce, and why.
UNREACHABLE = {
    "schema.const": "the only const is `kind`, which selects the schema itself",
    "schema.max-items": "no schema limits the length of a list",
    "schema.one-of": "no schema uses oneOf",
    "schema.other": "the fallback for a keyword without its own message; none is used",
    "file.unreadable": "needs a file the test user cannot read (tested in test_cli)",
    "record.unexplained": "the guard for a refusal the engine cannot explain; none exists (tested in test_schemas)",
    "file.symlink": "a link cannot be kept as a case file (tests/test_files.py makes them)",
    "file.not-regular": "a FIFO, socket or device cannot be kept as a case file (tests/test_files.py)",
    "file.name-encoding": "a non-UTF-8 name cannot be kept as a case file (tests/test_files.py)",
    "file.directory-named-record": "the tests that read every *.yaml under tests/cases would take it for a file (tests/test_files.py)",
}


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("code", sorted(CATALOGUE))
def test_both_languages_have_the_same_placeholders(code: str) -> None:
    entry = CATALOGUE[code]
    assert entry.title_vi and entry.title_en and entry.text_vi and entry.text_en
    assert placeholders(entry.text_vi) == placeholders(entry.text_en)
    assert entry.text_vi != entry.text_en or code == "setup.usage"
    render_code(code, {name: "x" for name in placeholders(entry.text_vi)}, "vi")


@pytest.mark.parametrize("code", sorted(c for c in CATALOGUE if c.startswith("rule.")))
def test_every_rule_says_what_it_checks(code: str) -> None:
    assert CATALOGUE[code].about_vi and CATALOGUE[code].about_en


def test_rules_and_catalogue_agree() -> None:
    load_checks()
    declared = all_codes()
    catalogued = {code for code in CATALOGUE if code.startswith("rule.")}
    assert declared == catalogued


def test_schema_codes_are_catalogued() -> None:
    assert set(iter_schema_codes()) <= set(CATALOGUE)


def _expected_codes() -> set[str]:
    codes = set()
    for path in (CASES / "invalid").glob("*/expected.txt"):
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.split("#", 1)[0].strip()
            if line:
                codes.add(line.rsplit(" ", 1)[-1])
    return codes


def test_every_code_is_produced_by_an_invalid_case() -> None:
    # issue.* codes come from `site-gen from-issue`, not `check`: tests/test_from_issue.py covers them;
    # office.* codes come from `site-gen import`: tests/test_office_import.py covers them.
    reachable = {code for code in CATALOGUE if not code.startswith(("setup.", "issue.", "office."))} - set(UNREACHABLE)
    assert reachable - _expected_codes() == set()


def test_every_rule_is_documented(run) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run("rules", "--all", "--format", "markdown")
    assert code == 0
    for name in CATALOGUE:
        if not name.startswith("setup."):
            assert f"`{name}`" in out


def test_the_committed_code_reference_is_current(run) -> None:  # type: ignore[no-untyped-def]
    _, out, _ = run("rules", "--all", "--format", "markdown")
    page = (ROOT / "docs" / "ma-loi.md").read_text(encoding="utf-8")
    assert page.split("<!-- generated -->", 1)[1].strip() == out.strip(), "run: make docs"


def test_vocabulary_labels_render_in_both_languages() -> None:
    _, vi = render_code(
        "rule.classification-threshold", {"score": 81, "classification": "excellent", "expected_classification": "good"}, "vi"
    )
    _, en = render_code(
        "rule.classification-threshold", {"score": 81, "classification": "excellent", "expected_classification": "good"}, "en"
    )
    assert "Hoàn thành tốt nhiệm vụ" in vi and "Hoàn thành xuất sắc nhiệm vụ" in vi
    assert '"good"' in en
    assert set(labels("classification")) == {"excellent", "good", "complete", "incomplete"}


def test_dates_render_day_first() -> None:
    _, text = render_code("rule.late", {"submitted_date": "2025-02-16", "deadline_date": "2025-02-14"}, "vi")
    assert "16/02/2025" in text and "14/02/2025" in text


def test_main_is_importable() -> None:
    assert callable(main)
