"""Every message a unit or a maintainer reads, keyed by a stable code.

The words themselves live in data files, one per domain, that a Vietnamese
editor can correct without touching Python (``site_gen/words/``):
``problems.toml`` (what ``site-gen check`` finds), ``intake.toml``
(``site-gen from-issue`` and ``site-gen import``), ``setup.toml`` (set-up
and usage errors, exit 2), ``office.toml`` (``site-gen export``) and
``ui.toml`` (the words around messages and in the commands' output) and
``site.toml`` (the words of the generated site, its calendars and downloads). Each
entry has a severity, a short title and a message template in Vietnamese and
in English, with the same placeholders in both (tests/test_words.py checks
every file). Rules also carry a description of what they check (``about``),
printed by ``site-gen rules`` and in the documentation. Nobody writes a
message string at the call site: code raises a code and parameters;
:func:`render` turns them into words.

Parameter naming drives formatting: ``*_date`` is an ISO date shown as
dd/mm/yyyy; ``*_list`` is a list joined with commas; ``*_type`` is a JSON
type name; a name ending in a vocabulary name (``classification``,
``session``, ``role_group``, ``kind``, ...) is a code shown with its label
(:mod:`site_gen.labels`, from the schemas). When a ``suggestion`` parameter
is present, the "did you mean" sentence is appended.

A template that names a value the call does not give keeps ``{name}`` in the
text for the user; under the test suite (``SITE_GEN_STRICT_WORDS=1``) it is
an error, as is a value the template does not name.
"""

from __future__ import annotations

import os
import string
import tomllib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from site_gen.labels import labels
from site_gen.problems import Problem, Severity
from site_gen.safefs import read_words

# The message files, in the order their codes are listed (``site-gen rules``, docs/ma-loi.md).
DOMAINS = ("problems", "intake", "setup", "office")
# Vocabularies whose codes a message shows with their label, by parameter name (see the module).
MESSAGE_VOCABULARIES = ("classification", "session", "role_group", "completion", "unit_type")
# Parameters a template need not name: they add the "did you mean" sentence.
SENTENCE_PARAMS = frozenset({"suggestion", "suggestion_field"})
STRICT_ENV = "SITE_GEN_STRICT_WORDS"


@dataclass(frozen=True)
class Entry:
    severity: Severity
    title_vi: str
    text_vi: str
    title_en: str
    text_en: str
    about_vi: str = ""
    about_en: str = ""


class WordsError(Exception):
    """A template and its call disagree on the placeholders (raised only in strict mode)."""


def _read(name: str) -> dict[str, Any]:
    return tomllib.loads(read_words(f"{name}.toml"))


def _entry(code: str, item: dict[str, Any]) -> Entry:
    about = item.get("about", {})
    return Entry(
        Severity(item["severity"]),
        item["title"]["vi"],
        item["text"]["vi"],
        item["title"]["en"],
        item["text"]["en"],
        about.get("vi", ""),
        about.get("en", ""),
    )


class _Lazy(Mapping[str, Any]):
    """A table read from the word files the first time it is used (most runs print no message)."""

    def __init__(self, load: Callable[[], dict[str, Any]]) -> None:
        self._load = cache(load)

    def __getitem__(self, key: str) -> Any:
        return self._load()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._load())

    def __len__(self) -> int:
        return len(self._load())


def _catalogue() -> dict[str, Entry]:
    out: dict[str, Entry] = {}
    for name in DOMAINS:
        for code, item in _read(name).items():
            out[code] = _entry(code, item)
    return out


class Text(str):
    """A text of ``ui.toml``: ``.format(name=…)`` fills it as messages are filled (strict under the tests)."""

    where: str

    def __new__(cls, value: str, where: str) -> Text:
        text = super().__new__(cls, value)
        text.where = where
        return text

    def format(self, *args: Any, **kwargs: Any) -> str:
        if args:
            return str.format(self, *args, **kwargs)
        return fill(self, kwargs, self.where)


def _text(value: str | dict[str, str], lang: str, where: str) -> Text:
    # A plain string is a text in Vietnamese only (a record's comments, a Vietnamese report): see ui.toml.
    return Text(value if isinstance(value, str) else value[lang], where)


def _by_language(section: str) -> Callable[[], dict[str, Any]]:
    def load() -> dict[str, Any]:
        return {lang: words(section, lang) for lang in ("vi", "en")}

    return load


def by_language(section: str) -> Mapping[str, dict[str, str]]:
    """One section of ``ui.toml`` as ``{"vi": {key: text}, "en": {...}}``, read when first used."""
    return _Lazy(_by_language(section))


# The files of the commands' words, looked through in this order for a section: report.toml and
# cli.toml, small, are all a check run reads; ui.toml holds the rest but the site's words, which
# are in site.toml (read only by site-gen build).
UI_FILES = ("report", "cli", "ui", "site")


@cache
def _ui_file(name: str) -> dict[str, Any]:
    return _read(name)


@cache
def _section(section: str) -> dict[str, Any]:
    for name in UI_FILES:
        table = _ui_file(name).get(section)
        if table is not None:
            return dict(table)
    raise KeyError(section)


CATALOGUE: Mapping[str, Entry] = _Lazy(_catalogue)
# Words used around messages, by language: UI["vi"]["error"] == "lỗi".
UI = by_language("report")
TYPE_NAMES = by_language("json_types")
PLAN_KINDS = by_language("plan_kind")


def words(section: str, lang: str = "vi") -> dict[str, str]:
    """The texts of one section of ``ui.toml`` in ``lang``: ``words("diff")["added"]``."""
    return {key: _text(value, lang, f"{section}.{key}") for key, value in _section(section).items()}


def texts(file: str) -> dict[str, str]:
    """The texts of a word file of plain Vietnamese texts (``forms.toml``), by key."""
    return {key: Text(value, f"{file}.{key}") for key, value in _read(file).items()}


def say(section: str, key: str, lang: str = "vi", **params: Any) -> str:
    """One text of ``ui.toml`` with its placeholders filled (checked as messages are)."""
    return _text(_section(section)[key], lang, f"{section}.{key}").format(**params)


def strict() -> bool:
    return os.environ.get(STRICT_ENV, "") not in ("", "0")


def placeholders(template: str) -> set[str]:
    """The names a template fills in (``{name}``; ``{{`` is a literal brace)."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def fill(template: str, values: Mapping[str, Any], where: str, optional: frozenset[str] = frozenset()) -> str:
    """``template`` with ``values``; a disagreement raises in strict mode and shows ``{name}`` otherwise."""
    if strict():
        names = placeholders(template)
        missing = names - set(values)
        extra = set(values) - names - optional
        if missing or extra:
            raise WordsError(f"{where}: missing {sorted(missing)}, not in the text {sorted(extra)}")
    return str.format_map(template, _Missing(values))


def lookup(code: str) -> Entry:
    return CATALOGUE[code]


def severity_of(code: str) -> Severity:
    return CATALOGUE[code].severity


def format_date(value: Any) -> str:
    text = str(value)
    if len(text) == 10 and text[4] == "-" and text[7] == "-":
        return f"{text[8:10]}/{text[5:7]}/{text[0:4]}"
    return text


_INVISIBLE = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def visible(text: str) -> str:
    """Line breaks, tabs and other invisible controls written as escapes, so a message shows them."""
    if text.isprintable():
        return text
    return "".join(_INVISIBLE.get(c, f"\\u{ord(c):04x}") if not c.isprintable() and c != " " else c for c in text)


def short(value: Any, limit: int = 60) -> str:
    """A value as the unit typed it, quoted when it is a text (invisible characters shown), shortened."""
    if isinstance(value, str):
        text = value if len(value) <= limit else value[: limit - 1] + "…"
        return f'"{visible(text)}"'
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (dict, list)):
        import json

        text = json.dumps(value, ensure_ascii=False)
        return text if len(text) <= limit else text[: limit - 1] + "…"
    return str(value)


def _format_param(name: str, value: Any, lang: str) -> str:
    if name == "date" or name.endswith("_date"):
        return format_date(value)
    if name.endswith("_list"):
        items = [str(v) for v in value] if isinstance(value, (list, tuple)) else [str(value)]
        return ", ".join(items) if items else UI[lang]["none"]
    if name.endswith("_type"):
        return TYPE_NAMES[lang].get(str(value), str(value))
    if name == "value":
        return short(value)
    for vocab in MESSAGE_VOCABULARIES:
        if name == vocab or name.endswith("_" + vocab):
            return labels(vocab, "inline" if lang == "vi" else "en").get(str(value), str(value))
    if name == "plan_kind" or name.endswith("_plan_kind"):
        return PLAN_KINDS[lang].get(str(value)) or _kind_label(str(value), lang)
    if isinstance(value, float):
        return short(value)
    return str(value)


def render(problem: Problem, lang: str = "vi") -> tuple[str, str]:
    """The title and the message of a problem, in ``lang`` ("vi" or "en")."""
    return render_code(problem.code, problem.args, lang)


def render_code(
    code: str, params: dict[str, Any], lang: str = "vi", escape: Callable[[str], str] | None = None
) -> tuple[str, str]:
    """Title and message of ``code``; ``escape`` (for a Markdown message) is applied to each formatted parameter."""
    entry = CATALOGUE[code]
    values = {name: _format_param(name, value, lang) for name, value in params.items()}
    if escape is not None:
        values = {name: escape(value) for name, value in values.items()}
    title, template = (entry.title_vi, entry.text_vi) if lang == "vi" else (entry.title_en, entry.text_en)
    text = fill(template, values, code, SENTENCE_PARAMS)
    if params.get("suggestion"):
        key = "suggest_field" if params.get("suggestion_field") else "suggest"
        text += UI[lang][key].format_map(_Missing(values))
    return title, text


class _Missing(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


# Each kind's label by language, registered by site_gen.kinds when it is imported (the registry
# names the kinds; this module does not import it).
KIND_LABELS: dict[str, dict[str, str]] = {}


def _kind_label(name: str, lang: str) -> str:
    """A kind's label from the registry, in a sentence ("kế hoạch khảo sát…"), for a kind ui.toml does not name."""
    label = KIND_LABELS.get(name, {}).get(lang)
    return label[:1].lower() + label[1:] if label else name
