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
