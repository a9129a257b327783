"""MkDocs hook: Vietnamese search with and without diacritics.

Material's search (lunr) matches "kế hoạch" but not "ke hoach", and "Đoàn" but
not "doan". After the build this hook adds, to every entry of the search
index, the words of its title and text written without diacritics (and with
đ as d), so that both spellings find the page. The offline plugin runs after
this hook and inlines the amended index. The query side is handled by
``assets/javascripts/tim-kiem.js`` (it turns decomposed input into NFC).
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from typing import Any


def fold(text: str) -> str:
    """Vietnamese text without diacritics: "Đoàn Nguyễn" -> "Doan Nguyen"."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


_TAG = re.compile(r"<[^>]+>")


def amend(index: dict[str, Any]) -> dict[str, Any]:
    """Each entry's text, followed by its title and text without diacritics (where they differ)."""
    for entry in index.get("docs", []):
        plain = _TAG.sub(" ", entry.get("title", "") + " " + entry.get("text", ""))
        folded = " ".join(fold(plain).split())
        if folded and folded != " ".join(plain.split()):
            entry["text"] = (entry.get("text", "") + " <span hidden>" + folded + "</span>").strip()
        title = entry.get("title", "")
        folded_title = " ".join(fold(_TAG.sub(" ", title)).split())
        if folded_title and folded_title != " ".join(_TAG.sub(" ", title).split()):
            entry["title"] = title + " <span hidden>" + folded_title + "</span>"
    return index


def on_post_build(config: Any, **_: Any) -> None:
    path = os.path.join(config["site_dir"], "search", "search_index.json")
    if not os.path.isfile(path):
        return
    with open(path, encoding="utf-8") as handle:
        index = json.load(handle)
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(amend(index), handle, ensure_ascii=False, separators=(",", ":"))
