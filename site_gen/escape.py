"""Every escaping function of the tool, one per output a unit's text can reach.

A text typed by a unit (a name, a note, a file name) can end up in a page
of the site (HTML and Markdown), a GitHub comment or job summary (GitHub
Markdown), a workflow command (``--format github``), a spreadsheet cell or
an SVG chart. Each output has exactly one function here; nothing else in
the tool escapes text for these outputs, and ``tests/test_escape.py`` runs
the same payload list (``tests/payloads.py``) through every one of them.
"""

from __future__ import annotations

import html
import re
from typing import Any

# -- GitHub workflow commands (--format github) ---------------------------------


def github_data(value: str) -> str:
    """The message part of a workflow command (after ``::``)."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def github_property(value: str) -> str:
    """A property value of a workflow command (``file=``, ``title=``)."""
    return github_data(value).replace(":", "%3A").replace(",", "%2C")


# -- GitHub Markdown (PR comments, job summaries, issue replies) -----------------


def markdown_inline(text: str) -> str:
    """Text from a record made inert in GitHub Markdown: no HTML, no table breaks, no @mentions, no images."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = text.replace("|", "\\|").replace("\r", "").replace("\n", "<br>")
    text = text.replace("@", "@\u200b").replace("![", "!\u200b[")
    for char in "*_`[]#~":
        text = text.replace(char, "\\" + char)
    return text


def markdown_code(text: str) -> str:
    """Text inside a Markdown code span."""
    return text.replace("`", "'")


# -- pages of the site (Markdown rendered by MkDocs into HTML) -------------------

_MARKDOWN = str.maketrans(
    {
        "*": "&#42;",
        "_": "&#95;",
        "[": "&#91;",
        "]": "&#93;",
        "`": "&#96;",
        "|": "&#124;",
        "\\": "&#92;",
        "#": "&#35;",
        "~": "&#126;",
        "{": "&#123;",
        "}": "&#125;",
    }
)
_LIST_START = re.compile(r"^(\s*)([-+*]|\d+\.)(?=\s)", re.M)


def site_text(value: Any) -> str:
    """Text safe in HTML and in Markdown: it shows exactly what the unit wrote."""
    text = html.escape(str(value), quote=True).translate(_MARKDOWN)
    text = _LIST_START.sub(
        lambda m: m.group(1) + m.group(2).replace(".", "&#46;").replace("-", "&#45;").replace("+", "&#43;"), text
    )
    return text.replace("\n", "<br>")


# -- spreadsheet cells (CSV and Excel downloads) ----------------------------------

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_text(text: str) -> str:
    """A text cell Excel would take for a formula, made plain text with a leading apostrophe."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


# -- XML (SVG charts) ---------------------------------------------------------------

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_text(text: str) -> str:
    """Escape for XML text and attribute values; drop characters XML cannot hold."""
    return html.escape(_NOT_XML.sub("", text), quote=True)
