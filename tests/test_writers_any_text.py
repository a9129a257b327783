"""Every writer takes any text: Word and Excel forms, the data downloads, calendars and charts.

Each writer gets generated texts (hypothesis: every Unicode category, control
characters and lone surrogates included, and the shared payloads) in every
place a record's text can reach, and must write a file that opens again and
shows the text, less only what the format cannot hold: characters XML has no
place for, and what is past a length the format caps (a document's title at
255 characters, a cell at 32,767). The examples of issue 9 are cases: a NUL,
a title of 320 characters, a unit's name of 430, a place-and-date line
holding an impossible date.
"""

from __future__ import annotations

import csv
import io
import re
from typing import Any

import docx
import icalendar
import openpyxl
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from site_gen.office import docx_writer, layout, paper, xlsx_writer
from site_gen.office.document import Cell, FormDoc, Signature
from site_gen.site import charts, ical
from site_gen.site.export import csv_bytes, xlsx_bytes
from site_gen.vn import name_key, sort_key
from tests.payloads import PAYLOADS

# What XML cannot hold (XML 1.0 Char), and the control characters RFC 5545 refuses in a TEXT value.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
NOT_ICAL = re.compile("[\x00-\x08\x0b-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
TEXT = st.one_of(st.text(st.characters(codec=None), max_size=80), st.sampled_from(PAYLOADS))
ISSUE = ("nul\x00char", "Kế hoạch " * 40, "Huyện đoàn " * 43, "ngày 31 tháng 02 năm 2025", "\x1b\x0b\ufffe\ud800")


def legal(text: str) -> str:
    return NOT_XML.sub("", text)


def title_fits(title: str, full: str) -> bool:
    """A document's title property: one line of at most 255 characters, the start of the form's title."""
    whole = " ".join(re.sub("[\x00-\x1f\x7f-\x9f]", " ", legal(full)).split())
    return (
        len(title) <= 255
        and "\n" not in title
        and (title == whole or (title.endswith("…") and whole.startswith(title[:-1].rstrip())))
    )


def form(texts: list[str], form_id: str = layout.FORM_NOTICE) -> FormDoc:
    """A form with a text in each of its places."""
    t = (texts * 12)[:12]
    return FormDoc(
        form=form_id,
        committee=t[0],
        unit_line=t[1],
        place_date=f"{t[2]}, ngày 04 tháng 02 năm 2026",
        title=t[3],
        subtitle=t[4],
        reference=t[5],
        fields=[("Họ và tên", t[6])],
        intro=[t[7]],
        columns=["STT", "Nội dung", "Ghi chú"],
        rows=[[Cell("1"), Cell(t[8]), Cell(t[9])]],
        after=[t[10]],
        signatures=[Signature(t[11], t[0], t[1])],
        sheet=t[2],
    )


def xlsx_cells(content: bytes) -> tuple[list[str], Any]:
    book = openpyxl.load_workbook(io.BytesIO(content))
    sheet = book.active
    return [str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None], book


def docx_texts(content: bytes) -> tuple[str, Any]:
    document = docx.Document(io.BytesIO(content))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(parts), document


@settings(max_examples=40, deadline=None)
@given(texts=st.lists(TEXT, min_size=1, max_size=12))
@example(texts=list(ISSUE))
@example(texts=[""] * 11 + ["0\n"])
def test_excel_forms_take_any_text(texts: list[str]) -> None:
    doc = form(texts)
    cells, book = xlsx_cells(xlsx_writer.render(doc))
    for text in texts:
        # A signature block is written a row per line, so each line is looked for, not the whole text.
        for line in legal(text).split("\n"):
            if line.strip():
                assert any(line in cell for cell in cells), text
    assert title_fits(book.properties.title or "", paper.title(doc))
    assert 1 <= len(book.active.title) <= 31
    assert all(dimension.height is None or dimension.height <= 409 for dimension in book.active.row_dimensions.values())


@settings(max_examples=40, deadline=None)
@given(texts=st.lists(TEXT, min_size=1, max_size=12))
@example(texts=list(ISSUE))
def test_word_forms_take_any_text(texts: list[str]) -> None:
    doc = form(texts, layout.FORM_SCHEDULE)
    shown, document = docx_texts(docx_writer.render(doc))
    flat = " ".join(shown.split())
    for text in texts:
        expected = " ".join(legal(text).split())
        assert expected in flat, text
    assert title_fits(document.core_properties.title or "", paper.title(doc))


def test_a_long_cell_is_cut_where_excel_stops() -> None:
    text = "Mặt được: " + "x" * 40_000
    cells, _ = xlsx_cells(xlsx_writer.render(form([text])))
    assert max(len(cell) for cell in cells) == 32_767 and any(cell.endswith("…") for cell in cells)


@settings(max_examples=60, deadline=None)
@given(rows=st.lists(st.lists(TEXT, min_size=3, max_size=3), min_size=1, max_size=5))
@example(rows=[list(ISSUE[:3]), list(ISSUE[2:])])
def test_data_downloads_take_any_text(rows: list[list[str]]) -> None:
    header = ["Tệp hồ sơ", "Tên", "Ghi chú"]
    cells, _ = xlsx_cells(xlsx_bytes("Đơn vị", header, rows))
    for row in rows:
        for text in row:
            if legal(text).strip() and text[:1] != "'":
                assert legal(text) in cells, text
    read = list(csv.reader(io.StringIO(csv_bytes(header, rows).decode("utf-8-sig", "surrogateescape"), newline="")))
    assert len(read) == len(rows) + 1


def event(text: str) -> ical.Event:
    import datetime as dt

    return ical.Event(
        uid="x@site-gen",
        summary=text,
        start=dt.date(2025, 3, 1),
        end=dt.date(2025, 3, 2),
        description=text,
        location=text,
        categories=(ical.VISIT,),
        units=(),
        teams=(),
    )


@settings(max_examples=60, deadline=None)
@given(text=TEXT)
@example(text="a\r\nb\rc\x00d\n\ne;f,g\\h")
def test_calendars_take_any_text(text: str) -> None:
    import datetime as dt

    content = ical.calendar(text, text, [event(text)], dt.datetime(2025, 1, 1, tzinfo=dt.UTC))
    calendar = icalendar.Calendar.from_ical(content)
    found = next(iter(calendar.walk("VEVENT")))
    expected = NOT_ICAL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    assert str(found["SUMMARY"]) == expected
    assert str(found.get("DESCRIPTION", "")) == expected
    assert "\n" not in str(calendar["NAME"])


@settings(max_examples=40, deadline=None)
@given(names=st.lists(TEXT, min_size=1, max_size=6))
def test_charts_take_any_text(names: list[str]) -> None:
    svg = charts.stacked_bars("thu", "Xếp loại", "Mô tả", [(name, [1, 2, 0, 1]) for name in names], ["a", "b", "c", "d"])
    table = charts.text_alternative(["Tên", "Số"], [[name, 1] for name in names])
    from xml.etree import ElementTree

    ElementTree.fromstring(svg)
    ElementTree.fromstring(table)


@given(names=st.lists(TEXT, max_size=8))
@example(names=["²", "İstanbul", "An Văn", "An An Văn", " ", "0\u0306"])
def test_names_sort_whatever_they_hold(names: list[str]) -> None:
    """Vietnamese order takes any name (it crashed on "²", "İ" and on two names differing by a repeated word)."""
    assert sorted(names, key=name_key) == sorted(sorted(names, key=name_key), key=name_key)
    sorted(names, key=sort_key)


@pytest.mark.parametrize(
    "place", ["Bình An, ngày 31 tháng 02 năm 2025", "ngày 99 tháng 99 năm 0000", "ngày ٠١ tháng ٠١ năm ٢٠٢٥"]
)
def test_the_creation_date_of_a_form_is_a_date(place: str) -> None:
    doc = form([place])
    assert paper.stamp(doc).year == 2026  # the line's own date, after the unit's text
