"""GitHub Markdown rendered as GitHub renders it, for the tests of every Markdown output of the tool.

``cmarkgfm`` wraps cmark-gfm, GitHub's own Markdown implementation, here with
GitHub's extensions (tables, autolinks, strikethrough, task lists, footnotes).
Raw HTML is kept, as GitHub keeps it before sanitising, and the tag filter is
off: any tag a text slips in shows up in the HTML. After rendering, GitHub
links @mentions, #123 and GH-123 found in the text outside links and code;
:attr:`Page.references` finds those the same way.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser

from cmarkgfm import cmark
from cmarkgfm.cmark import Options

OPTIONS = Options.CMARK_OPT_UNSAFE | Options.CMARK_OPT_FOOTNOTES | Options.CMARK_OPT_GITHUB_PRE_LANG
EXTENSIONS = ["table", "autolink", "strikethrough", "tasklist"]
VOID = frozenset({"br", "hr", "img", "input", "wbr", "area", "base", "col", "embed", "link", "meta", "source", "track"})
INLINE = frozenset({"a", "code", "strong", "em", "del", "span", "sup", "sub", "b", "i", "kbd"})
NOT_LINKED = frozenset({"a", "code", "pre"})
# What GitHub links in rendered text: @user, @org/team (and e-mail addresses), #123, owner/repo#123, GH-123.
REFERENCE = re.compile(r"@[A-Za-z0-9]|#\d|\b[Gg][Hh]-\d")
TOKEN = "Xqzvw"  # a neutral text: no output escapes or transforms it

Tag = tuple[str, str, tuple[tuple[str, str | None], ...]]


def to_html(markdown: str) -> str:
    return str(cmark.markdown_to_html_with_extensions(markdown, options=OPTIONS, extensions=EXTENSIONS))


def normal(text: str) -> str:
    """Text as a reader sees it: runs of white space as one space, zero-width spaces dropped."""
    return " ".join(text.replace("\u200b", "").split())


@dataclass
class Page:
    tags: list[Tag] = field(default_factory=list)
    chunks: list[str] = field(default_factory=list)
    references: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)

    @property
    def text(self) -> str:
        return normal("".join(self.chunks))

    def skeleton(self) -> list[Tag]:
        """Every tag with its attributes, line breaks aside (a line break in a text is kept as <br>)."""
        return [tag for tag in self.tags if tag[1] != "br"]


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self.open: list[str] = []
        self.cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.page.tags.append(("start", tag, tuple(attrs)))
        self.page.chunks.append("\n" if tag == "br" else "" if tag in INLINE else " ")
        if tag == "tr":
            self.page.rows.append([])
        if tag in ("td", "th"):
            self.cell = []
        if tag not in VOID:
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        self.page.tags.append(("end", tag, ()))
        self.page.chunks.append("" if tag in INLINE else " ")
        if tag in ("td", "th") and self.cell is not None:
            self.page.rows[-1].append(normal("".join(self.cell)))
            self.cell = None
        if tag in self.open:
            del self.open[len(self.open) - 1 - self.open[::-1].index(tag) :]

    def handle_data(self, data: str) -> None:
        self.page.chunks.append(data)
        if self.cell is not None:
            self.cell.append(data)
        if not NOT_LINKED & set(self.open):
            self.page.references += REFERENCE.findall(data)


def render(markdown: str) -> Page:
    reader = _Reader()
    reader.feed(to_html(markdown))
    reader.close()
    return reader.page


def shown(payload: str) -> str:
    """What a reader must see of ``payload``, white space aside (runs of it are one space, line breaks
    are <br>, none at the ends of a text): every other character, NUL as U+FFFD (as in HTML)."""
    return "".join(payload.replace("\x00", "\ufffd").replace("\u200b", "").split())


def assert_inert(build: Callable[[str], str], payload: str, whole_value: bool = False) -> None:
    """``build(payload)`` renders like ``build(TOKEN)``: same tags, same GitHub references, the payload shown whole.

    With ``whole_value`` (the payload is the whole text escaped), its spaces are checked too: runs of white
    space show as one space, none at its ends.
    """
    base, page = render(build(TOKEN)), render(build(payload))
    assert TOKEN in base.text, "the position must show its text"
    assert page.skeleton() == base.skeleton(), "a tag, attribute, link or image came from the text"
    assert page.references == base.references, "GitHub would link a mention or reference from the text"
    assert shown(page.text) == shown(base.text).replace(TOKEN, shown(payload)), "the text is not shown as written"
    if whole_value:
        spaced = normal(payload.replace("\x00", "\ufffd"))
        assert page.text == base.text.replace(TOKEN, spaced), "white space is not kept as documented"


def closing(full: list[Tag], cut: list[Tag]) -> bool:
    """``cut`` is a prefix of ``full`` followed only by the end tags of the elements left open."""
    for size in range(len(cut), -1, -1):
        if cut[:size] != full[:size]:
            continue
        stack: list[str] = []
        for kind, tag, _ in full[:size]:
            if tag in VOID:
                continue
            if kind == "start":
                stack.append(tag)
            elif tag in stack:
                del stack[len(stack) - 1 - stack[::-1].index(tag) :]
        return cut[size:] == [("end", tag, ()) for tag in reversed(stack)]
    return False
