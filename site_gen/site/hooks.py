"""MkDocs hook: Vietnamese search with and without diacritics.

Material's search (lunr) matches "kế hoạch" but not "ke hoach", and "Đoàn" but
not "doan". After the build this hook adds, to every entry of the search
index, the words of its title and text written without diacritics (and with
đ as d), so that both spellings find the page. The offline plugin runs after
this hook and inlines the amended index. The query side is handled by
``assets/javascripts/tim-kiem.js`` (it turns decomposed input into NFC).
"""

from __future__ import annotations

import html
import os
import re
import unicodedata
from typing import Any

from site_gen import output
from site_gen.escape import xml_text


def fold(text: str) -> str:
    """Vietnamese text without diacritics: "Đoàn Nguyễn" -> "Doan Nguyen"."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


_TAG = re.compile(r"<[^>]+>")


def _plain(markup: str) -> str:
    """The text of an entry's HTML: tags dropped, character references read, on one line."""
    return " ".join(html.unescape(_TAG.sub(" ", markup)).split())


def _hidden(markup: str) -> str | None:
    """The words of ``markup`` without diacritics, as hidden HTML, or None when they are the same.

    Folding is done on the text, then the result is escaped again: the index
    holds HTML that the search writes into the page, and taking the marks off
    a letter can give markup (NFD of "≮" is "<" and a combining mark).
    """
    plain = _plain(markup)
    folded = " ".join(fold(plain).split())
    if not folded or folded == plain:
        return None
    return "<span hidden>" + xml_text(folded) + "</span>"


def amend(index: dict[str, Any]) -> dict[str, Any]:
    """Each entry's text, followed by its title and text without diacritics (where they differ)."""
    for entry in index.get("docs", []):
        title = entry.get("title", "")
        words = _hidden(title + " " + entry.get("text", ""))
        if words:
            entry["text"] = (entry.get("text", "") + " " + words).strip()
        words = _hidden(title)
        if words:
            entry["title"] = title + " " + words
    return index


def on_post_build(config: Any, **_: Any) -> None:
    output.rewrite_json(os.path.join(config["site_dir"], "search", "search_index.json"), amend)
