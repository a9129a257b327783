"""The site's escaping functions (site_gen/escape.py), with the shared payloads and with generated texts.

``site_text`` is tested where it lands: rendered by Python-Markdown with the
extensions of ``mkdocs.yml``, in every context the templates put a unit's
text (a paragraph, a heading, a table cell, a list item, a link's text, raw
HTML, an attribute). The HTML that comes out must hold only the elements
and attributes of the context itself, and its text must be the unit's text.
"""

from __future__ import annotations

import html
import json
import re
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from site_gen.escape import (
    calendar_text,
    cut,
    office_property,
    one_line,
    sheet_title,
    site_text,
    site_title,
    url_path,
    workbook_text,
)
from site_gen.site.build import with_title
from site_gen.site.hooks import amend
from tests.payloads import PAYLOADS

ROOT = Path(__file__).resolve().parent.parent
ANY_TEXT = st.text(st.characters(codec=None, categories=None), max_size=60)  # every category, surrogates too

# (template context, the elements and attributes it makes itself)
CONTEXTS = {
    "paragraph": ("before\n\n{}\n\nafter", {"p"}),
    "heading": ("# {}", {"h1", "a"}),
    "table cell": ("| a | b |\n| --- | --- |\n| x | {} |", {"table", "thead", "tbody", "tr", "th", "td"}),
    "list item": ("- {}\n- next", {"ul", "li"}),
    "link text": ("[{}](page.md)", {"p", "a"}),
    "raw html": ("<table>\n<tr><th>{}</th></tr>\n</table>", {"table", "tr", "th"}),
    "attribute": ('<p><span title="{}" data-tim="{}">x</span></p>', {"p", "span"}),
}
ATTRIBUTES = {"id", "href", "class", "title", "data-tim"}


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, leaving out its Python objects (the heading slug function)."""


_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def render(source: str) -> str:
    """Markdown to HTML with the extensions (and their options) of the site's mkdocs.yml."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader)
    names, options = [], {}
    for item in config["markdown_extensions"]:
        name, values = (item, {}) if isinstance(item, str) else next(iter(item.items()))
        names.append(name)
        options[name] = {key: value for key, value in (values or {}).items() if value is not None}
    return markdown.markdown(source, extensions=names, extension_configs=options)


class Reader(HTMLParser):
    """The elements, attributes and text of a piece of HTML (``<br>`` read as a line break)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.attributes: set[str] = set()
        self.values: list[str] = []
        self.links: list[str] = []
        self.text: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self.text.append("\n")
            return
        self.tags.add(tag)
        self.attributes.update(name for name, _ in attrs)
        self.values += [value or "" for _, value in attrs]
        self.links += [value or "" for name, value in attrs if name in ("href", "src")]
        if ("class", "headerlink") in attrs:
            self.skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self.skip:
            self.skip -= 1

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.text.append(data)

    def handle_comment(self, data: str) -> None:
        self.tags.add("!--")


def read(markup: str) -> Reader:
    reader = Reader()
    reader.feed(markup)
    reader.close()
    return reader


def words(text: str) -> str:
    return " ".join(text.split())


def written(text: str) -> str:
    """What the page must show of a unit's text: characters HTML cannot hold and leading blanks dropped."""
    from site_gen.escape import xml_chars

    return xml_chars(text).replace("\r\n", "\n").replace("\r", "\n").lstrip(" \t")


def check_context(context: str, text: str) -> None:
    source, own = CONTEXTS[context]
    reader = read(render(source.replace("{}", site_text(text))))
    assert reader.tags <= own, (context, text, reader.tags - own)
    assert reader.attributes <= ATTRIBUTES, (context, text, reader.attributes)
    assert set(reader.links) <= {"page.md", "#" + str(reader.links[-1:] and reader.links[-1])[1:]}, reader.links
    shown = words("".join(reader.text))
    if context == "attribute":
        assert words(written(text)) in [words(value.replace("<br>", " ")) for value in reader.values]
    else:
        assert words(written(text)) in shown, (context, text, shown)


@pytest.mark.parametrize("context", sorted(CONTEXTS))
@pytest.mark.parametrize("payload", PAYLOADS, ids=range(len(PAYLOADS)))
def test_a_payload_in_a_page_is_shown_as_text(context: str, payload: str) -> None:
    check_context(context, payload)


@pytest.mark.parametrize("context", sorted(CONTEXTS))
@settings(max_examples=60, deadline=None)
@given(text=ANY_TEXT)
def test_any_text_in_a_page_is_shown_as_text(context: str, text: str) -> None:
    check_context(context, text)


@given(text=ANY_TEXT)
def test_site_text_reads_back_as_the_text(text: str) -> None:
    escaped = site_text(text)
    assert "\n" not in escaped and "\r" not in escaped
    plain = re.sub(r"&(#[0-9]+|amp|lt|gt|quot);", "", escaped.replace("<br>", ""))
    assert not set(plain) & set("<>&\"'`*_[]|\\#~{}")
    assert html.unescape(escaped.replace("<br>", "\n")) == written(text)


@pytest.mark.parametrize("text", [*PAYLOADS, "≮img src=x onerror=alert(1)≯", "a\u2028b\x85c", " ", "\x00"])
def test_a_page_title_is_one_line_of_html_in_yaml(text: str) -> None:
    page = with_title("# x\n", text)
    front = yaml.safe_load(page.split("---\n")[1])
    assert front["title"] == site_title(text)
    assert html.unescape(front["title"]) == one_line(text)
    assert not read(front["title"]).tags


def test_search_words_without_diacritics_are_escaped_again() -> None:
    """NFD of "≮" is "<" and a combining mark: taking the marks off must not make markup."""
    index = {"docs": [{"title": "≮script≯", "text": "&lt;p&gt; ≮img src=x onerror=alert(1)≯ Đoàn"}]}
    entry = amend(index)["docs"][0]
    for field in ("title", "text"):
        reader = read(entry[field])
        assert reader.tags == {"span"}, entry[field]
    assert "&lt;img src=x onerror=alert(1)&gt; Doan" in entry["text"]


@pytest.mark.parametrize(
    ("path", "url"),
    [
        ("ho-so/a b#c?.yaml", "ho-so/a%20b%23c%3F.yaml"),
        ("../x/Đoàn.yaml", "../x/%C4%90o%C3%A0n.yaml"),
        ("a\udcff.yaml", "a%FF.yaml"),
    ],
)
def test_links_to_files_are_percent_encoded(path: str, url: str) -> None:
    assert url_path(path) == url


@given(text=ANY_TEXT, limit=st.integers(min_value=1, max_value=40))
def test_cut_keeps_within_office_limits(text: str, limit: int) -> None:
    shortened = cut(text, limit)
    assert len(shortened.encode("utf-16-le", "surrogatepass")) // 2 <= limit
    assert shortened == text or shortened.endswith("…")


@given(text=ANY_TEXT)
def test_office_values_hold_no_character_xml_refuses(text: str) -> None:
    for value in (workbook_text(text), office_property(text), sheet_title(text), calendar_text(text)):
        assert not any((ord(c) < 32 and c not in "\t\n\r") or 0xD800 <= ord(c) <= 0xDFFF or c in "\ufffe\uffff" for c in value)
    assert 1 <= len(sheet_title(text)) <= 31 and not set(sheet_title(text)) & set("[]:*?/\\")
    assert "\n" not in office_property(text) and len(office_property(text)) <= 255
    assert "\r" not in calendar_text(text)


def test_the_payload_list_holds_what_the_site_escapes() -> None:
    """The payloads reach every markup the site could make: HTML, Markdown, NFD that folds to markup."""
    joined = json.dumps(PAYLOADS, ensure_ascii=False)
    for needed in ("<script>", "onerror", "javascript:", "](", "\\n---", "≮", "'", "\\t="):
        assert needed in joined, needed
    assert any(unicodedata.normalize("NFD", p) != p for p in PAYLOADS)
