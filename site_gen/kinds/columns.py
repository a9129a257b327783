"""The columns of a kind's export table (CSV, workbook), and the getters that compute a cell.

A kind module declares its :class:`Table`; :mod:`site_gen.site.export` turns
records into rows with it. The header of a column is the schema title at its
place (a test holds them equal).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any, NamedTuple

FILE_HEADER = "Tệp hồ sơ"

Scope = Mapping[str, Any]
"""What a row sees: ``""`` is the record's data, ``"rows[]"`` the current row, and so on."""


class Column(NamedTuple):
    """One CSV column.

    ``path`` is where the value lives, from the record's root, ``[]`` marking
    an item of a list (``"visits[].results.achievements"``); the header is the
    schema title at that place (a test checks it), but for ``count`` columns
    ("Số " and the title). ``fmt`` is one of: text, number, date, bool, list
    (of texts), label (an enum code shown with ``labels``), labels (a list of
    them), count (length of a list), file (the record's file). ``get``, when
    given, computes the value from the row's scope instead of reading ``path``.
    """

    header: str
    path: str
    fmt: str = "text"
    labels: Mapping[str, str] | None = None
    get: Callable[[Scope], Any] | None = None


class Table(NamedTuple):
    """The CSV of one kind: which lists make its rows (outermost first) and its columns."""

    rows: tuple[str, ...]
    columns: tuple[Column, ...]


def at(scope: Scope, path: str) -> Any:
    """The value at ``path`` in a row's scope, or None."""
    prefix, _, rest = path.rpartition("[].")
    if prefix:
        prefix += "[]"
    node = scope.get(prefix)
    for key in rest.split(".") if rest else ():
        if not isinstance(node, Mapping):
            return None
        node = node.get(key)
    return node


def date_text(value: Any) -> str:
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    text = str(value)
    if len(text) == 10 and text[4] == "-" and text[7] == "-":
        return f"{text[8:10]}/{text[5:7]}/{text[0:4]}"
    return text


FILE = Column(FILE_HEADER, "", "file")
