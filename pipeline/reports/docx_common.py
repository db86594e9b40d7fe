"""Word helpers shared by the review sheet and the notice: A4 page, office font, party header, tables.

A sheet is built as WordprocessingML text and packed into a copy of a styled template, instead of
through python-docx's element proxies: those cost 0.7 s per review sheet (each property an
ordered child lookup; profiled for ``make bench``), most of a Word dossier's whole processing time.
The template itself (styles with the office font, fonts, settings, theme) is made once per process
with python-docx and its parts are compressed once; a document adds its body, its pictures and
their relationships. The output opens in Word, LibreOffice and python-docx (the tests read it back).
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from xml.sax.saxutils import escape

FONT = "Times New Roman"  # what Vietnamese offices use; it has every Vietnamese glyph
BLANK_DATE = "…………, ngày …… tháng …… năm ……"
_TWIPS_PER_CM = 1440 / 2.54
_EMU_PER_CM = 360_000
_DYNAMIC = ("[Content_Types].xml", "word/document.xml", "word/_rels/document.xml.rels")
# Parts python-docx's default template carries that a generated sheet does not need.
_DROPPED = ("word/stylesWithEffects.xml", "docProps/thumbnail.jpeg", "customXml/")
_IMAGE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
_NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"'
)
# A4 with the margins of party documents (HD 36-HD/VPTW: left 3 cm, right 1.5 cm, top/bottom 2 cm).
_SECTION = (
    '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="850" w:bottom="1134" '
    'w:left="1701" w:header="720" w:footer="720" w:gutter="0"/><w:cols w:space="720"/></w:sectPr>'
)
_ALIGN = {"center": "center", "right": "right", "justify": "both"}
# Characters XML 1.0 cannot carry (OCR text has the odd form feed): Word refuses a file with one.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _twips(cm: float) -> int:
    return round(cm * _TWIPS_PER_CM)


@dataclass
class _Picture:
    data: bytes
    ext: str
    width_cm: float
    height_cm: float


@dataclass
class Paragraph:
    """One paragraph: its runs (WordprocessingML) and its spacing, alignment and indent."""

    runs: list[str | _Picture] = field(default_factory=list)
    align: str | None = None
    after: float | None = None  # points
    before: float | None = None
    indent_cm: float | None = None  # first line
    keep_next: bool = False
    tab_cm: float | None = None  # one right tab stop with a dot leader

    def xml(self, pictures: list[_Picture]) -> str:
        ppr = []
        if self.keep_next:
            ppr.append("<w:keepNext/>")
        if self.tab_cm is not None:
            ppr.append(
                f'<w:tabs><w:tab w:val="right" w:leader="dot" w:pos="{_twips(self.tab_cm)}"/></w:tabs>'
            )
        if self.after is not None or self.before is not None:
            attrs = "".join(
                f' w:{k}="{round(v * 20)}"'
                for k, v in (("before", self.before), ("after", self.after))
                if v is not None
            )
            ppr.append(f"<w:spacing{attrs}/>")
        if self.indent_cm is not None:
            ppr.append(f'<w:ind w:firstLine="{_twips(self.indent_cm)}"/>')
        if self.align:
            ppr.append(f'<w:jc w:val="{_ALIGN[self.align]}"/>')
        body = "".join(r if isinstance(r, str) else _picture_run(r, pictures) for r in self.runs)
        return f"<w:p>{'<w:pPr>' + ''.join(ppr) + '</w:pPr>' if ppr else ''}{body}</w:p>"


@dataclass
class Cell:
    width_cm: float
    paragraphs: list[Paragraph] = field(default_factory=list)
    fill: str | None = None

    def xml(self, pictures: list[_Picture]) -> str:
        shd = f'<w:shd w:val="clear" w:color="auto" w:fill="{self.fill}"/>' if self.fill else ""
        paras = "".join(p.xml(pictures) for p in self.paragraphs) or "<w:p/>"
        return (
            f'<w:tc><w:tcPr><w:tcW w:w="{_twips(self.width_cm)}" w:type="dxa"/>{shd}</w:tcPr>{paras}</w:tc>'
        )


@dataclass
class Table:
    widths_cm: Sequence[float]
    style: str | None = None  # "TableGrid": borders; None: a borderless layout band
    rows: list[tuple[list[Cell], bool]] = field(default_factory=list)  # (cells, repeats as header)

    def add(self, header: bool = False) -> list[Cell]:
        cells = [Cell(w) for w in self.widths_cm]
        self.rows.append((cells, header))
        return cells

    def xml(self, pictures: list[_Picture]) -> str:
        style = f'<w:tblStyle w:val="{self.style}"/>' if self.style else ""
        borders = (
            ""
            if self.style
            else "<w:tblBorders>"
            + "".join(
                f'<w:{e} w:val="nil"/>' for e in ("top", "left", "bottom", "right", "insideH", "insideV")
            )
            + "</w:tblBorders>"
        )
        total = _twips(sum(self.widths_cm))
        grid = "".join(f'<w:gridCol w:w="{_twips(w)}"/>' for w in self.widths_cm)
        rows = []
        for cells, header in self.rows:
            # Every row stays on one page: a signature block or a flag split from its evidence reads badly.
            trpr = '<w:trPr><w:cantSplit w:val="true"/>' + ('<w:tblHeader w:val="true"/>' if header else "")
            rows.append(f"<w:tr>{trpr}</w:trPr>{''.join(c.xml(pictures) for c in cells)}</w:tr>")
        return (
            f'<w:tbl><w:tblPr>{style}<w:tblW w:w="{total}" w:type="dxa"/><w:jc w:val="center"/>{borders}'
            f'<w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" '
            f'w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>'
            f"<w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>"
        )


@dataclass
class WordDocument:
    size: float = 13
    blocks: list[Paragraph | Table] = field(default_factory=list)

    def to_bytes(self) -> bytes:
        pictures: list[_Picture] = []
        body = "".join(b.xml(pictures) for b in self.blocks)
        document = (
            "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
            f"<w:document {_NS}><w:body>{body}{_SECTION}</w:body></w:document>"
        )
        template, rels, types = _template(self.size)
        buf = io.BytesIO(template)
        with zipfile.ZipFile(buf, "a", zipfile.ZIP_DEFLATED) as zf:
            media = "".join(
                f'<Relationship Id="rIdPic{i}" Type="{_IMAGE_REL}" Target="media/image{i}.{p.ext}"/>'
                for i, p in enumerate(pictures, 1)
            )
            zf.writestr("[Content_Types].xml", types)
            zf.writestr(
                "word/_rels/document.xml.rels", rels.replace("</Relationships>", media + "</Relationships>")
            )
            zf.writestr("word/document.xml", document)
            for i, p in enumerate(pictures, 1):
                zf.writestr(
                    f"word/media/image{i}.{p.ext}", p.data, zipfile.ZIP_STORED
                )  # JPEG/PNG: compressed
        return buf.getvalue()


@lru_cache(maxsize=4)
def _template(size: float) -> tuple[bytes, str, str]:
    """The static parts of a styled document, compressed once; and its relationships and content types."""
    from docx import Document
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    doc = Document()
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
    doc.core_properties.author = "hoso"
    src = io.BytesIO()
    doc.save(src)
    out = io.BytesIO()
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            name = info.filename
            if name in _DYNAMIC or name.startswith(_DROPPED):
                continue
            data = zin.read(name)
            if name == "_rels/.rels":  # the package's own: it names the thumbnail
                data = re.sub(rb'<Relationship [^>]*Target="docProps/thumbnail\.jpeg"/>', b"", data)
            zout.writestr(name, data)
        rels = zin.read("word/_rels/document.xml.rels").decode("utf-8")
        types = zin.read("[Content_Types].xml").decode("utf-8")
    # Drop the relationships and overrides of the parts left out; pictures need png and jpeg types.
    rels = re.sub(r'<Relationship [^>]*Target="(?:stylesWithEffects\.xml|\.\./customXml/[^"]*)"/>', "", rels)
    types = re.sub(r'<Override PartName="/(?:word/stylesWithEffects\.xml|customXml/[^"]*)"[^>]*/>', "", types)
    if 'Extension="png"' not in types:
        types = types.replace("<Default ", '<Default Extension="png" ContentType="image/png"/><Default ', 1)
    return out.getvalue(), rels, types


def _picture_run(p: _Picture, pictures: list[_Picture]) -> str:
    pictures.append(p)
    n = len(pictures)
    cx, cy = round(p.width_cm * _EMU_PER_CM), round(p.height_cm * _EMU_PER_CM)
    return (
        f'<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="{cx}" cy="{cy}"/>'
        f'<wp:docPr id="{n}" name="Picture {n}"/><wp:cNvGraphicFramePr>'
        '<a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr><a:graphic>'
        '<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic>'
        f'<pic:nvPicPr><pic:cNvPr id="{n}" name="image{n}.{p.ext}"/><pic:cNvPicPr/></pic:nvPicPr>'
        f'<pic:blipFill><a:blip r:embed="rIdPic{n}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>'
        f'<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic>'
        "</wp:inline></w:drawing></w:r>"
    )


def new_document(size: float = 13) -> WordDocument:
    """An A4 document in the office font at ``size`` points, margins of party documents."""
    return WordDocument(size)


def para(
    where: WordDocument | Cell,
    text: str = "",
    *,
    bold: bool = False,
    italic: bool = False,
    underline: bool = False,
    size: float | None = None,
    align: str | None = None,
    colour: str | None = None,
    after: float | None = None,
    before: float | None = None,
    indent: float | None = None,
) -> Paragraph:
    """Add a paragraph to the document or a table cell; ``indent`` is the first line's, in cm."""
    p = Paragraph(align=align, after=after, before=before, indent_cm=indent)
    if text:
        run(p, text, bold=bold, italic=italic, underline=underline, size=size, colour=colour)
    (where.blocks if isinstance(where, WordDocument) else where.paragraphs).append(p)
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
) -> None:
    # Only what is on: a run without <w:b/> etc. inherits "off" from the styles.
    rpr = (
        ("<w:b/>" if bold else "")
        + ("<w:i/>" if italic else "")
        + (f'<w:color w:val="{colour.lstrip("#").upper()}"/>' if colour else "")
        + (f'<w:sz w:val="{round(size * 2)}"/>' if size else "")
        + ('<w:u w:val="single"/>' if underline else "")
    )
    # Tabs and line breaks are elements of their own in a run, as Word writes them.
    pieces = []
    for i, line in enumerate(text.split("\n")):
        if i:
            pieces.append("<w:br/>")
        for j, chunk in enumerate(line.split("\t")):
            if j:
                pieces.append("<w:tab/>")
            if chunk:
                pieces.append(f'<w:t xml:space="preserve">{escape(_NOT_XML.sub("", chunk))}</w:t>')
    p.runs.append(f"<w:r>{'<w:rPr>' + rpr + '</w:rPr>' if rpr else ''}{''.join(pieces)}</w:r>")


def picture(where: WordDocument | Cell, data: bytes, width_cm: float) -> None:
    """A JPEG or PNG at ``width_cm``, its height from its own proportions, in a paragraph of its own."""
    from PIL import Image

    with Image.open(io.BytesIO(data)) as img:
        w, h = img.size
        ext = "png" if img.format == "PNG" else "jpeg"
    p = para(where, after=1)
    p.runs.append(_Picture(data, ext, width_cm, width_cm * h / max(w, 1)))


def two_columns(doc: WordDocument, widths: tuple[float, float] = (7.5, 9.0)) -> tuple[Cell, Cell]:
    """A borderless two-column band, the way party documents lay out header and signature blocks."""
    table = Table(widths)
    doc.blocks.append(table)
    left, right = table.add()
    return left, right


def party_header(doc: WordDocument, superior: str, issuer: str, number: str | None, date_line: str) -> None:
    """Left: superior body, issuing body in bold, ``*``, number. Right: ĐẢNG CỘNG SẢN VIỆT NAM, date line."""
    left, right = two_columns(doc)
    para(left, superior.upper(), size=13, align="center", after=0)
    para(left, issuer.upper(), bold=True, size=13, align="center", after=0)
    para(left, "*", align="center", after=0)
    if number:
        para(left, number, size=13, align="center", after=0)
    para(right, "ĐẢNG CỘNG SẢN VIỆT NAM", bold=True, underline=True, size=14, align="center", after=6)
    para(right, date_line, italic=True, size=13, align="center", after=0)
    para(doc, after=4)


def shade(cell: Cell, hex_colour: str) -> None:
    cell.fill = hex_colour.lstrip("#").upper()


def grid(doc: WordDocument, headers: Sequence[str], widths_cm: Sequence[float], size: float = 11) -> Table:
    """A bordered table with a shaded header row that repeats on each printed page."""
    table = Table(widths_cm, style="TableGrid")
    doc.blocks.append(table)
    for cell, text in zip(table.add(header=True), headers, strict=True):
        para(cell, text, bold=True, size=size, align="center", after=0)
        shade(cell, "E8ECF0")
    return table


def add_row(table: Table) -> list[Cell]:
    return table.add()


def heading(doc: WordDocument, text: str, size: float = 13) -> Paragraph:
    """A section heading that stays with what follows it on the printed page."""
    p = para(doc, text, bold=True, size=size, after=4, before=8)
    p.keep_next = True
    return p


def dotted_line(doc: WordDocument, width_cm: float = 16.4) -> None:
    """A full-width dotted line to write on (a dot-leader tab, so it never wraps)."""
    p = para(doc, after=6)
    p.tab_cm = width_cm
    run(p, "\t")


def signature(
    doc: WordDocument,
    left_lines: Sequence[str],
    title: Sequence[str],
    note: str | None,
    date_line: str | None = None,
    name: str | None = None,
) -> None:
    """Bottom band: ``Nơi nhận`` (or notes) on the left, the signer's title and the name (or a blank) on the right."""
    left, right = two_columns(doc, (7.0, 9.5))
    for i, line in enumerate(left_lines):
        para(
            left,
            line,
            bold=i == 0 and line.endswith(":"),
            italic=i == 0,
            size=12 if i == 0 else 11,
            after=0,
        )
    if date_line:
        para(right, date_line, italic=True, size=13, align="center", after=4)
    for line in title:
        para(right, line, bold=True, size=13, align="center", after=0)
    if note:
        para(right, note, italic=True, size=12, align="center", after=0)
    for _ in range(3):
        para(right, "", after=0)
    para(right, name or "…………………………………", bold=bool(name), size=13, align="center", after=0)
