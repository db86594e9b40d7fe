"""Word helpers shared by the review sheet and the notice: A4 page, office font, party header, tables."""

from __future__ import annotations

from collections.abc import Sequence

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

FONT = "Times New Roman"  # what Vietnamese offices use; it has every Vietnamese glyph
BLANK_DATE = "…………, ngày …… tháng …… năm ……"


def new_document(size: float = 13) -> DocumentObject:
    """An A4 document with the margins of party documents (HD 36-HD/VPTW: left 3 cm, others 2 cm)."""
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin, section.right_margin = Cm(3), Cm(1.5)
    section.top_margin, section.bottom_margin = Cm(2), Cm(2)
    for name in ("Normal", "Table Grid"):
        style = doc.styles[name]
        style.font.name = FONT
        style.font.size = Pt(size)
        rpr = style.element.get_or_add_rPr()
        fonts = rpr.find(qn("w:rFonts"))
        if fonts is None:
            fonts = OxmlElement("w:rFonts")
            rpr.append(fonts)
        for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            fonts.set(qn(attr), FONT)
    pf = doc.styles["Normal"].paragraph_format
    pf.space_after = Pt(3)
    pf.space_before = Pt(0)
    pf.line_spacing = 1.1
    return doc


def para(
    where: DocumentObject | _Cell,
    text: str = "",
    *,
    bold: bool = False,
    italic: bool = False,
    underline: bool = False,
    size: float | None = None,
    align: str | None = None,
    colour: str | None = None,
    after: float | None = None,
    first: bool = False,
) -> Paragraph:
    """Add a paragraph (in the document or a table cell; ``first`` reuses a cell's empty paragraph)."""
    p = where.paragraphs[0] if first and isinstance(where, _Cell) else where.add_paragraph()
    if text:
        run(p, text, bold=bold, italic=italic, underline=underline, size=size, colour=colour)
    if align:
        p.alignment = {
            "center": WD_ALIGN_PARAGRAPH.CENTER,
            "right": WD_ALIGN_PARAGRAPH.RIGHT,
            "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
        }[align]
    if after is not None:
        p.paragraph_format.space_after = Pt(after)
    return p


def run(
    p: Paragraph,
    text: str,
    *,
    bold: bool = False,
    italic: bool = False,
    underline: bool = False,
    size: float | None = None,
    colour: str | None = None,
):
    r = p.add_run(text)
    # Only what is on: a run without <w:b/> etc. inherits "off" from the styles, and writing three
    # explicit False properties per run was most of the time spent per paragraph.
    if bold:
        r.bold = True
    if italic:
        r.italic = True
    if underline:
        r.underline = True
    if size:
        r.font.size = Pt(size)
    if colour:
        r.font.color.rgb = RGBColor.from_string(colour.lstrip("#").upper())
    return r


def _no_borders(table: Table) -> None:
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    tbl_pr.append(borders)


def two_columns(doc: DocumentObject, widths: tuple[float, float] = (7.5, 9.0)) -> tuple[_Cell, _Cell]:
    """A borderless two-column band, the way party documents lay out header and signature blocks."""
    table = doc.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _no_borders(table)
    _widths(table, widths)
    _keep_row(table)
    left, right = table.rows[0].cells
    return left, right


def _keep_row(table: Table) -> None:
    """Keep the last row on one page: a signature block or a flag split from its evidence reads badly."""
    tr_pr = table.rows[-1]._tr.get_or_add_trPr()
    cant = OxmlElement("w:cantSplit")
    cant.set(qn("w:val"), "true")
    tr_pr.append(cant)


def _widths(table: Table, widths_cm: Sequence[float]) -> None:
    """Set the grid and every cell: Word reads the cells, LibreOffice the grid."""
    for column, width in zip(table.columns, widths_cm, strict=True):
        column.width = Cm(width)
        for cell in column.cells:
            cell.width = Cm(width)


def party_header(doc: DocumentObject, superior: str, issuer: str, number: str | None, date_line: str) -> None:
    """Left: superior body, issuing body in bold, ``*``, number. Right: ĐẢNG CỘNG SẢN VIỆT NAM, date line."""
    left, right = two_columns(doc)
    para(left, superior.upper(), size=13, align="center", after=0, first=True)
    para(left, issuer.upper(), bold=True, size=13, align="center", after=0)
    para(left, "*", align="center", after=0)
    if number:
        para(left, number, size=13, align="center", after=0)
    para(
        right,
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        bold=True,
        underline=True,
        size=14,
        align="center",
        after=6,
        first=True,
    )
    para(right, date_line, italic=True, size=13, align="center", after=0)
    para(doc, after=4)


def shade(cell: _Cell, hex_colour: str) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), hex_colour.lstrip("#").upper())
    tc_pr.append(shd)


def grid(doc: DocumentObject, headers: Sequence[str], widths_cm: Sequence[float], size: float = 11) -> Table:
    """A bordered table with a shaded header row that repeats on each printed page."""
    table = doc.add_table(rows=1, cols=len(headers))
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _widths(table, widths_cm)
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        para(cell, text, bold=True, size=size, align="center", after=0, first=True)
        shade(cell, "E8ECF0")
    tr_pr = table.rows[0]._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    tr_pr.append(repeat)
    return table


def add_row(table: Table, widths_cm: Sequence[float]) -> list[_Cell]:
    cells = table.add_row().cells
    for cell, width in zip(cells, widths_cm, strict=True):
        cell.width = Cm(width)
    _keep_row(table)
    return list(cells)


def heading(doc: DocumentObject, text: str, size: float = 13) -> Paragraph:
    """A section heading that stays with what follows it on the printed page."""
    p = para(doc, text, bold=True, size=size, after=4)
    p.paragraph_format.space_before = Pt(8)
    p.paragraph_format.keep_with_next = True
    return p


def dotted_line(doc: DocumentObject, width_cm: float = 16.4) -> None:
    """A full-width dotted line to write on (a dot-leader tab, so it never wraps)."""
    p = doc.add_paragraph()
    p.paragraph_format.tab_stops.add_tab_stop(Cm(width_cm), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
    p.paragraph_format.space_after = Pt(6)
    p.add_run("\t")


def signature(
    doc: DocumentObject,
    left_lines: Sequence[str],
    title: Sequence[str],
    note: str | None,
    date_line: str | None = None,
) -> None:
    """Bottom band: ``Nơi nhận`` (or notes) on the left, the signer's title and a blank for the name on the right."""
    left, right = two_columns(doc, (7.0, 9.5))
    for i, line in enumerate(left_lines):
        para(
            left,
            line,
            bold=i == 0 and line.endswith(":"),
            italic=i == 0,
            size=12 if i == 0 else 11,
            after=0,
            first=i == 0,
        )
    if date_line:
        para(right, date_line, italic=True, size=13, align="center", after=4, first=True)
    for i, line in enumerate(title):
        para(right, line, bold=True, size=13, align="center", after=0, first=i == 0 and not date_line)
    if note:
        para(right, note, italic=True, size=12, align="center", after=0)
    for _ in range(3):
        para(right, "", after=0)
    para(right, "…………………………………", align="center", after=0)
