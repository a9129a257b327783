"""Every escaping function of the tool, one per output a unit's text can reach.

A text typed by a unit (a name, a note, a file name) can end up in a page
of the site (HTML and Markdown), a GitHub comment or job summary (GitHub
Markdown), a workflow command (``--format github``), a spreadsheet cell or
an SVG chart. Each output has exactly one function here; nothing else in
the tool escapes text for these outputs, and ``tests/test_escape.py`` runs
the same payload list (``tests/payloads.py``) through every one of them.
"""

from __future__ import annotations

import hashlib
import html
import re
import urllib.parse
from collections.abc import Callable, Sequence
from typing import Any

# -- GitHub workflow commands (--format github) ---------------------------------
#
# The runner reads a step's output line by line (a line ends at \n, \r or
# \r\n) and takes a line for a command when, after leading spaces, it starts
# with ``::name`` (or holds ``##[name`` anywhere, the old syntax). In a
# command, the runner unescapes %25, %0D and %0A in the message, and also
# %3A and %2C in a property value; so a value escaped here reaches the
# annotation exactly and can never end the line or the property it is in.


def github_data(value: str) -> str:
    """The message part of a workflow command (after the second ``::``)."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def github_property(value: str) -> str:
    """A property value of a workflow command (``file=``, ``title=``)."""
    return github_data(value).replace(":", "%3A").replace(",", "%2C")


def github_command(name: str, properties: Sequence[tuple[str, str]], message: str) -> str:
    """One workflow command line: ``::name key=value,…::message``.

    ``name`` and the keys are the tool's own words; the runner trims the end of
    the property list, so the last value must be the tool's too (a title).
    """
    props = ",".join(f"{key}={github_property(value)}" for key, value in properties)
    return f"::{name}{' ' + props if props else ''}::{github_data(message)}"


def github_log(text: str) -> str:
    """Free text for a step's log (not a command), printed so that no line of it is run as one.

    Escaping cannot help a line that is not a command (the log shows it as
    written), so the text goes between ``::stop-commands::TOKEN`` and
    ``::TOKEN::``, GitHub's own way to print text verbatim. The token is a
    hash of the text, which the text cannot contain.
    """
    token = "site-gen-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]
    body = text if text.endswith("\n") else text + "\n"
    return f"::stop-commands::{token}\n{body}::{token}::\n"


# -- GitHub Markdown (PR comments, issue replies, PR bodies, job summaries) -------
#
# GitHub renders Markdown with cmark-gfm (tables, autolinks, strikethrough,
# task lists, footnotes, raw HTML kept), then links @mentions, #123 and GH-123
# in the text it produced. ``markdown_inline`` writes every character that has
# a meaning in that syntax as a character reference, which stands for the
# character itself in Markdown text, in a table cell and inside an HTML block
# alike (a <summary>), and slips a zero-width space into what GitHub would
# link after rendering. What a unit wrote still shows, whole.

_MD_ENTITIES = str.maketrans(
    {
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
        "\\": "&#92;",
        "`": "&#96;",
        "*": "&#42;",
        "_": "&#95;",
        "~": "&#126;",
        "[": "&#91;",
        "]": "&#93;",
        "|": "&#124;",
        "$": "&#36;",
        "#": "&#35;",
        "\x00": "\ufffd",
    }
)
_ZWSP = "\u200b"
# What GitHub links after rendering: @user, @org/team, e-mail addresses, #123, owner/repo#123, GH-123.
_LINKED_AFTER = re.compile(r"@|#(?=\d)|\b[Gg][Hh]-(?=\d)")
# What cmark-gfm's autolink extension links while parsing: scheme://… and www.…
_AUTOLINK = re.compile(r":(?=//)|(?<=[Ww]{3})\.")
# What starts a block at the start of a line: a list item, a setext underline.
_BLOCK_START = re.compile(r"^(?:[-+=]|\d{1,9}[.)])")
_SPACES = re.compile(r"[ \t\f\v]+")


def markdown_inline(text: str) -> str:
    """Text from a record or a person, inert and shown as written in GitHub Markdown.

    Safe in a paragraph, a list item, a heading, a table cell, between
    ``<code>`` tags and inside an HTML block. Normalised on the way: runs of
    spaces and tabs become one space, a line break becomes ``<br>``, NUL
    becomes U+FFFD; zero-width spaces follow ``@``, a ``#`` before a digit
    and ``GH-``.
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    out = [_markdown_line(line) for line in lines]
    while out and not out[0]:
        out.pop(0)
    while out and not out[-1]:
        out.pop()
    return "<br>".join(out)


def _markdown_line(line: str) -> str:
    line = _SPACES.sub(" ", line).strip(" ")
    line = _LINKED_AFTER.sub(lambda m: m.group(0) + _ZWSP, line).translate(_MD_ENTITIES)
    line = _AUTOLINK.sub(lambda m: f"&#{ord(m.group(0))};", line)
    return _BLOCK_START.sub(lambda m: m.group(0)[:-1] + f"&#{ord(m.group(0)[-1])};", line)


# GitHub refuses an issue or pull-request comment, or a pull-request body, over
# 65,536 characters; counted here in UTF-16 code units, which is never fewer.
COMMENT_LIMIT = 65_536
_DELIMITER_ROW = re.compile(r"^\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$")


def github_length(text: str) -> int:
    """Length as GitHub's limits count it (UTF-16 code units)."""
    return len(text.encode("utf-16-le")) // 2


def utf8_length(text: str) -> int:
    return len(text.encode("utf-8"))


def bound_markdown(text: str, note: str, limit: int = COMMENT_LIMIT, size: Callable[[str], int] = github_length) -> str:
    """``text`` whole when it fits in ``limit``; else its first whole lines, then ``note``.

    Every comment and body the tool writes to GitHub goes through here. The
    cut falls between two lines (so never inside a table row, a list item, a
    code span or a character), never between a table's header and its
    delimiter row; a ``<details>`` left open is closed, and ``note`` (the tool's
    own words) follows as a quote, outside every fold.
    """
    if size(text) <= limit:
        return text
    lines = text.split("\n")
    tail = "\n\n> " + markdown_inline(note) + "\n"
    close = "\n\n</details>"
    budget = limit - size(tail)
    used, depth, best = 0, 0, (0, 0)
    for index, line in enumerate(lines):
        used += size(line) + (1 if index else 0)
        if line.startswith("<details"):
            depth += 1
        elif line.startswith("</details>"):
            depth = max(depth - 1, 0)
        if used + depth * size(close) > budget:
            break
        header = index + 1 < len(lines) and line.startswith("|") and bool(_DELIMITER_ROW.match(lines[index + 1]))
        if not header:
            best = (index + 1, depth)
    kept, open_ = best
    return "\n".join(lines[:kept]).rstrip("\n") + close * open_ + tail


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
