"""FormDoc -> .docx bytes (python-docx), laid out like the organisation's paper form.

The body holds three tables, in this order: the heading block (borderless, two
columns: the committee and the unit underlined on the left; "ĐOÀN TNCS HỒ CHÍ
MINH" and the italic place-and-date line on the right), the form's table
(borders, bold header row repeated on every page, the row of column numbers,
the rows, the totals row) and the signature blocks (borderless, side by side).
Between them, paragraphs: the bold centred title and subtitle, the italic
reference, the numbered fields ("1. Họ và tên: …"), intro lines, and the
lines under the table. A cell of several lines is one paragraph per line.

Output is deterministic: fixed core properties and zip entry dates.
"""

from __future__ import annotations

import io

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from site_gen.escape import office_property, xml_chars
from site_gen.office import layout, paper
from site_gen.office.document import UNION, FormDoc

SIGNATURE_SPACE = 3  # empty lines for the signature
CENTER = WD_ALIGN_PARAGRAPH.CENTER
LEFT = WD_ALIGN_PARAGRAPH.LEFT
JUSTIFY = WD_ALIGN_PARAGRAPH.JUSTIFY


def render(doc: FormDoc) -> bytes:
    document = Document()
    _styles(document)
    usable = _page(document, doc)

    _heading(document, doc, usable)
    if doc.title:
        _para(document, doc.title, bold=True, size=paper.TITLE_SIZE, before=12)
    if doc.subtitle:
        _para(document, doc.subtitle, bold=True)
    if doc.reference:
        _para(document, doc.reference, italic=True)
    if doc.fields or doc.intro:
        _para(document, "")
    for index, (label, value) in enumerate(doc.fields, 1):
        paragraph = _para(document, f"{index}. {label}: ", align=LEFT, after=3)
        _run(paragraph, value)
    for text in doc.intro:
        bold = text.isupper() and not text.startswith(layout.NOTICE_BULLET)
        _para(document, text, align=JUSTIFY, bold=bold, after=3)
    _table(document, doc, usable)
    if doc.after:
        _para(document, "", after=0)
        for text in doc.after:
            bold = text.isupper() or (text[:4].rstrip(". ").isupper() and ". " in text[:5])
            _para(document, text, align=JUSTIFY, bold=bold, after=3)
    _signatures(document, doc, usable)
    _properties(document, doc)
    # python-docx's default template carries a thumbnail of an empty page: not ours to ship
    package = document.part.package
    for key, rel in list(package.rels.items()):
        if rel.reltype.endswith("/metadata/thumbnail"):
            del package.rels[key]

    out = io.BytesIO()
    document.save(out)
    return paper.fixed_zip(out.getvalue())


# -- styles and page --------------------------------------------------------------------


def _styles(document: DocumentObject) -> None:
    normal = document.styles["Normal"]
    font = normal.font
    font.name = paper.FONT
    font.size = Pt(paper.SIZE)
    rpr = normal.element.get_or_add_rPr()
    fonts = rpr.get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), paper.FONT)
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), paper.LANGUAGE)
    rpr.append(lang)
    pf = normal.paragraph_format
    pf.space_before = Pt(0)
    pf.space_after = Pt(0)
    pf.line_spacing = 1.0


def _page(document: DocumentObject, doc: FormDoc) -> float:
    """Set A4 and the margins; return the usable width in cm."""
    section = document.sections[0]
    width, height = paper.A4
    top, bottom, left, right = paper.MARGINS_PORTRAIT
    if paper.landscape(doc):
        width, height = height, width
        section.orientation = WD_ORIENT.LANDSCAPE
        top, bottom, left, right = paper.MARGINS_LANDSCAPE
    section.page_width = Cm(width)
    section.page_height = Cm(height)
    section.top_margin = Cm(top)
    section.bottom_margin = Cm(bottom)
    section.left_margin = Cm(left)
    section.right_margin = Cm(right)
    section.header_distance = Cm(1)
    section.footer_distance = Cm(1)
    return width - left - right


# -- paragraphs -----------------------------------------------------------------------------


def _run(
    paragraph: Paragraph, text: str, bold: bool = False, italic: bool = False, size: float | None = None, underline: bool = False
) -> None:
    run = paragraph.add_run(xml_chars(text))
    run.bold = bold or None
    run.italic = italic or None
    run.underline = underline or None
    if size:
        run.font.size = Pt(size)


def _format(paragraph: Paragraph, align: WD_ALIGN_PARAGRAPH, before: float = 0, after: float = 0) -> None:
    paragraph.alignment = align
    paragraph.paragraph_format.space_before = Pt(before)
    paragraph.paragraph_format.space_after = Pt(after)


def _para(
    document: DocumentObject,
    text: str,
    bold: bool = False,
    italic: bool = False,
    size: float | None = None,
    align: WD_ALIGN_PARAGRAPH = CENTER,
    before: float = 0,
    after: float = 0,
) -> Paragraph:
    paragraph = document.add_paragraph()
    _format(paragraph, align, before, after)
    if text:
        _run(paragraph, text, bold, italic, size)
    return paragraph


def _cell_lines(
    cell: _Cell,
    text: str,
    bold: bool = False,
    italic: bool = False,
    size: float | None = None,
    align: WD_ALIGN_PARAGRAPH = CENTER,
    underline: bool = False,
    first: bool = True,
) -> None:
    """Write the text into the cell, one paragraph per line; ``first`` reuses the cell's empty paragraph."""
    for number, line in enumerate(text.split("\n")):
        paragraph = cell.paragraphs[0] if first and number == 0 else cell.add_paragraph()
        _format(paragraph, align)
        if line:
            _run(paragraph, line, bold, italic, size, underline)


# -- tables ------------------------------------------------------------------------------------


def _widths(table: Table, widths: list[float]) -> None:
    table.autofit = False
    grid = table._tbl.tblGrid
    for column, width in zip(grid.gridCol_lst, widths, strict=False):
        column.w = Cm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=False):
            cell.width = Cm(width)


def _no_borders(table: Table) -> None:
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    table._tbl.tblPr.append(borders)


def _heading(document: DocumentObject, doc: FormDoc, usable: float) -> None:
    table = document.add_table(rows=1, cols=2)
    _no_borders(table)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    left_width = round(usable * (0.45 if not paper.landscape(doc) else 0.4), 2)
    _widths(table, [left_width, usable - left_width])
    left, right = table.rows[0].cells
    _cell_lines(left, doc.committee)
    if doc.unit_line:
        _cell_lines(left, doc.unit_line, bold=True, underline=True, first=False)
    _cell_lines(right, UNION, bold=True, underline=True)
    if doc.place_date:
        spacer = right.add_paragraph()
        _format(spacer, CENTER)
        _cell_lines(right, doc.place_date, italic=True, first=False)


def _repeat_header(row_element: object) -> None:
    trpr = row_element.get_or_add_trPr()  # type: ignore[attr-defined]
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    trpr.append(header)


def _table(document: DocumentObject, doc: FormDoc, usable: float) -> None:
    if not doc.columns:
        return
    count = len(doc.columns)
    rows = [list(doc.columns)]
    if doc.numbers:
        rows.append(list(doc.numbers))
    body_start = len(rows)
    rows += [[cell.text for cell in cells][:count] + [""] * (count - len(cells)) for cells in doc.rows]
    if doc.total:
        rows.append(list(doc.total))
    _para(document, "", after=0)
    table = document.add_table(rows=len(rows), cols=count)
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    relative = paper.widths(doc)
    scale = usable / sum(relative)
    _widths(table, [round(width * scale, 2) for width in relative])
    for index, texts in enumerate(rows):
        header = index < body_start
        total = bool(doc.total) and index == len(rows) - 1
        row = table.rows[index]
        if header:
            _repeat_header(row._tr)
        for column, (cell, text) in enumerate(zip(row.cells, texts, strict=False)):
            name = doc.columns[column]
            centred = header or name in paper.CENTRED_COLUMNS or (total and column == 0)
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER if header else WD_CELL_VERTICAL_ALIGNMENT.TOP
            _cell_lines(
                cell,
                text,
                bold=(header and index == 0) or total,
                italic=header and index > 0,
                size=paper.TABLE_SIZE,
                align=CENTER if centred else LEFT,
            )


def _signatures(document: DocumentObject, doc: FormDoc, usable: float) -> None:
    if not doc.signatures:
        return
    _para(document, "", after=0)
    blocks = list(doc.signatures)
    if len(blocks) == 1:
        blocks = [None, blocks[0]]  # type: ignore[list-item]
    table = document.add_table(rows=1, cols=len(blocks))
    _no_borders(table)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _widths(table, [round(usable / len(blocks), 2)] * len(blocks))
    for cell, signature in zip(table.rows[0].cells, blocks, strict=True):
        if signature is None:
            continue
        _cell_lines(cell, signature.title, bold=True)
        for _ in range(SIGNATURE_SPACE):
            _cell_lines(cell, "", first=False)
        _cell_lines(cell, signature.name, bold=True, first=False)
        if signature.extra:
            _cell_lines(cell, signature.extra, italic=True, first=False)


def _properties(document: DocumentObject, doc: FormDoc) -> None:
    created = paper.stamp(doc)
    props = document.core_properties
    props.title = office_property(paper.title(doc))
    props.author = paper.CREATOR
    props.last_modified_by = paper.CREATOR
    props.created = created
    props.modified = created
    props.last_printed = created
    props.revision = 1
    props.language = paper.LANGUAGE
    props.subject = ""
    props.keywords = ""
    props.comments = ""
