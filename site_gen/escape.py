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
import urllib.parse
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


# -- characters no output can hold ------------------------------------------------------

# XML 1.0 (Office files, SVG, the site's HTML) has no place for the C0 controls but tab and
# line ends, for lone surrogates (a file name that is not UTF-8), nor for U+FFFE and U+FFFF.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_LINE_ENDS = re.compile("\r\n?")
# the C0 and C1 controls: never shown in a one-line text (a title, a document property)
_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f]")
ELLIPSIS = "…"


def xml_chars(text: str) -> str:
    """The text without the characters XML 1.0 cannot hold; everything else is kept as it is."""
    return _NOT_XML.sub("", text)


def one_line(text: str) -> str:
    """The text on one line: controls dropped, every run of white space (line ends too) one space."""
    return " ".join(_CONTROLS.sub(" ", xml_chars(text)).split())


def _units(char: str) -> int:
    return 2 if ord(char) > 0xFFFF else 1


def cut(text: str, limit: int) -> str:
    """At most ``limit`` UTF-16 code units (what Office counts), ending in "…" when shortened."""
    if len(text) <= limit // 2 or sum(map(_units, text)) <= limit:
        return text
    out, used = [], _units(ELLIPSIS)
    for char in text:
        used += _units(char)
        if used > limit:
            break
        out.append(char)
    return "".join(out).rstrip() + ELLIPSIS


# -- pages of the site (Markdown rendered by MkDocs into HTML) -------------------

# One pass for HTML and Markdown: escaping HTML first would leave "&#x27;", whose "#" the
# Markdown pass would then break ("&&#35;x27;" shows as "&#x27;").
_SITE = str.maketrans(
    {
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
        '"': "&quot;",
        "'": "&#39;",
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
# what makes a line a list item, a rule ("---") or a heading's underline ("===")
_LINE_START = re.compile(r"^(\s*)([-+=]|\d+\.(?=\s))", re.M)
_LINE_START_CHARS = str.maketrans({"-": "&#45;", "+": "&#43;", "=": "&#61;", ".": "&#46;"})


def site_text(value: Any) -> str:
    """Text safe in HTML and in Markdown: it shows exactly what the unit wrote.

    Line ends (CR LF, CR, LF) become ``<br>``, so a text is always one line of
    Markdown: it can neither end a table row nor start a block of its own.
    """
    # leading blanks would make an indented code block (HTML does not show them anyway)
    text = _LINE_ENDS.sub("\n", xml_chars(str(value))).lstrip(" \t")
    text = text.translate(_SITE)
    text = _LINE_START.sub(lambda m: m.group(1) + m.group(2).translate(_LINE_START_CHARS), text)
    return text.replace("\n", "<br>")


def site_title(value: Any) -> str:
    """A page title for the front matter: one line, escaped for HTML.

    Material for MkDocs writes ``title`` unescaped into ``<title>``, the header
    and the search index, so the title must already be HTML.
    """
    return html.escape(one_line(str(value)), quote=True)


def url_path(path: str) -> str:
    """A relative path as a URL path: every character but letters, digits, "/" and "-._~" percent-encoded.

    A file name that was not UTF-8 (held with surrogate escapes) gets its own bytes back.
    """
    return urllib.parse.quote(path, safe="/", encoding="utf-8", errors="surrogateescape")


# -- spreadsheet cells (CSV and Excel downloads, Excel forms) -------------------------

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
EXCEL_CELL_LIMIT = 32_767
EXCEL_SHEET_LIMIT = 31
_NOT_IN_SHEET_NAMES = re.compile(r"[\[\]:*?/\\]")


def spreadsheet_text(text: str) -> str:
    """A text cell Excel would take for a formula, made plain text with a leading apostrophe."""
    text = xml_chars(text)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def workbook_text(text: str) -> str:
    """A text for an Excel cell: no character XML cannot hold, at most the 32,767 characters Excel keeps."""
    return cut(xml_chars(text), EXCEL_CELL_LIMIT)


def sheet_title(text: str, fallback: str = "Trang1") -> str:
    """An Excel sheet name: one line, none of []:*?/\\, no apostrophe at its ends, 1 to 31 characters."""
    name = one_line(_NOT_IN_SHEET_NAMES.sub(" ", text)).strip("'").strip()
    return cut(name, EXCEL_SHEET_LIMIT).strip("'").strip() or fallback


# -- Office document properties (title of a .docx or .xlsx) ----------------------------

OFFICE_PROPERTY_LIMIT = 255


def office_property(text: str) -> str:
    """A core document property: one line of at most 255 characters (python-docx's limit, and Word's)."""
    return cut(one_line(text), OFFICE_PROPERTY_LIMIT)


# -- XML (SVG charts) ---------------------------------------------------------------


def xml_text(text: str) -> str:
    """Escape for XML text and attribute values; drop characters XML cannot hold."""
    return html.escape(xml_chars(text), quote=True)


# -- iCalendar (the calendar feeds) ------------------------------------------------------

_CALENDAR_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f]")


def calendar_text(text: str) -> str:
    """A TEXT value of RFC 5545: line ends one LF (the library writes it ``\\n``), other controls dropped.

    The library escapes backslashes, commas and semicolons itself.
    """
    return _CALENDAR_CONTROLS.sub("", _LINE_ENDS.sub("\n", xml_chars(text)))
