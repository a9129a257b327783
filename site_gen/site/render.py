"""Jinja2 for the pages: strict, escaping everything a unit wrote, Vietnamese formats.

Every value printed with ``{{ … }}`` is escaped for HTML *and* for Markdown
(``*``, ``_``, ``[``, ``]``, ``|``, backticks… become character references),
so a unit's text can neither inject HTML nor a Markdown link, wherever the
template puts it. Only values marked ``Markup`` (HTML the generator built
itself, such as a chart) pass unchanged.
"""

from __future__ import annotations

import datetime as dt
import posixpath
from collections.abc import Callable
from typing import Any

import jinja2
from markupsafe import Markup

from site_gen.escape import site_text as escape
from site_gen.escape import url_path
from site_gen.labels import labels
from site_gen.vn import format_date, format_decimal, format_int


def _finalize(value: Any) -> Any:
    # Autoescape is on (so macros return Markup and nest without being escaped
    # twice); finalize does the escaping itself, for Markdown as well as HTML,
    # and hands Jinja Markup so it is not escaped again.
    if value is None:
        return Markup("")
    if isinstance(value, Markup):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    return Markup(escape(value))


def relative(source: str, target: str, html: bool = False) -> str:
    """A link from page ``source`` to ``target`` (both relative to the site root).

    Markdown links keep ``.md`` (MkDocs turns them into ``.html`` and checks
    they exist); links inside raw HTML, which MkDocs leaves alone, need the
    ``.html`` of the built page (``html=True``), percent-encoded (a record's
    file name may hold a space, "#" or "?").
    """
    if html and target.endswith(".md"):
        target = target[:-3] + ".html"
    start = posixpath.dirname(source) or "."
    found = posixpath.relpath(target, start)
    return url_path(found) if html else found


def label(vocabulary: str) -> Callable[[Any], str]:
    """A filter showing a code with its words as a sentence or a cell holds them (the schemas' labels)."""
    table = labels(vocabulary, "inline")

    def show(code: Any) -> str:
        return table.get(str(code), str(code))

    return show


def date(value: dt.date | str | None) -> str:
    """A day as 15/02/2025: a model's date, or the ISO text of a computed value ("" for none)."""
    if not value:
        return ""
    return format_date(value.isoformat() if isinstance(value, dt.date) else str(value))


def number(value: Any) -> str:
    if isinstance(value, float) and not value.is_integer():
        return format_decimal(value)
    return format_int(int(value))


def environment(loader: jinja2.BaseLoader | None = None) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=loader or jinja2.PackageLoader("site_gen.site", "templates"),
        undefined=jinja2.StrictUndefined,
        autoescape=True,
        finalize=_finalize,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        date=date,
        num=number,
        dec=lambda value: format_decimal(float(value)),
        pct=lambda value: format_decimal(float(value)) + "%",
        classification=label("classification"),
        session=label("session"),
        role_group=label("role_group"),
        unit_type=label("unit_type"),
        completion=label("completion"),
        prospect=label("prospect"),
        labelled=lambda code, vocabulary, form="label": labels(vocabulary, form).get(str(code), str(code)),
        markup=Markup,
    )
    return env
