"""Renders blocks as a Word file (real tables) or a text-layer PDF (reportlab), byte-identical per seed."""

from __future__ import annotations

import datetime as dt
import io
import math
import random
import zipfile
from pathlib import Path

from .blocks import Block, Header, PageBreak, PageFurniture, Para, Sign, Table, Title

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FIXED_ZIP_TIME = (2024, 12, 20, 8, 0, 0)


# ---- Word ---------------------------------------------------------------------------------
def repack_zip(data: bytes, date_time: tuple[int, int, int, int, int, int] = FIXED_ZIP_TIME) -> bytes:
    """Rewrite a zip with fixed entry timestamps so that the same content gives the same bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=date_time)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            dst.writestr(entry, src.read(info.filename))
    return out.getvalue()


def _docx_running(paragraph, text: str) -> None:
    """Text for a Word page header or footer; ``{page}`` / ``{pages}`` become PAGE / NUMPAGES fields."""
    import re

    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    for part in re.split(r"(\{page\}|\{pages\})", text):
        if part in ("{page}", "{pages}"):
            fld = OxmlElement("w:fldSimple")
            fld.set(qn("w:instr"), " PAGE " if part == "{page}" else " NUMPAGES ")
            run = OxmlElement("w:r")
            t = OxmlElement("w:t")
            t.text = "1"
            run.append(t)
            fld.append(run)
            paragraph._p.append(fld)
        elif part:
            paragraph.add_run(part)


def render_docx(blocks: list[Block], font: str = "Times New Roman") -> bytes:
    from docx import Document
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    doc = Document()
    sec = doc.sections[0]
    sec.page_height, sec.page_width = Cm(29.7), Cm(21)
    sec.top_margin, sec.bottom_margin, sec.left_margin, sec.right_margin = Cm(2), Cm(2), Cm(3), Cm(2)
    normal = doc.styles["Normal"]
    normal.font.name = font
    normal.font.size = Pt(13)
    normal.paragraph_format.space_after = Pt(3)
    props = doc.core_properties
    fixed = dt.datetime(2024, 12, 20, 8, 0, 0)
    props.author = props.last_modified_by = "Văn phòng"
    props.created = props.modified = props.last_printed = fixed
    props.revision = 1
    align = {
        "center": WD_ALIGN_PARAGRAPH.CENTER,
        "left": WD_ALIGN_PARAGRAPH.LEFT,
        "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
    }

    def para(
        container,
        text: str,
        *,
        bold=False,
        italic=False,
        underline=False,
        how="left",
        size=None,
        indent=False,
    ):
        p = container.add_paragraph()
        p.alignment = align[how]
        if indent:
            p.paragraph_format.first_line_indent = Cm(1)
        run = p.add_run(text)
        run.bold, run.italic, run.underline = bold, italic, underline
        if size:
            run.font.size = Pt(size)
        return p

    def first_para(cell, text: str, **kw):
        cell.paragraphs[0]._p.getparent().remove(cell.paragraphs[0]._p)
        return para(cell, text, **kw)

    for b in blocks:
        if isinstance(b, Header):
            t = doc.add_table(rows=1, cols=2)
            t.autofit = False
            t.columns[0].width, t.columns[1].width = Cm(7.5), Cm(9)
            left, right = t.rows[0].cells
            left.width, right.width = Cm(7.5), Cm(9)
            first_para(left, b.superior, how="center", size=12)
            para(left, b.issuer, bold=True, how="center", size=12)
            para(left, "*", how="center", size=12)
            para(left, b.number, how="center", size=12)
            first_para(right, "ĐẢNG CỘNG SẢN VIỆT NAM", bold=True, underline=True, how="center", size=13)
            para(right, "", how="center")
            para(right, b.place_date, italic=True, how="center", size=13)
            doc.add_paragraph()
        elif isinstance(b, Title):
            para(doc, b.text, bold=True, how="center", size=14)
            for line in b.subject:
                para(doc, line, bold=True, how="center")
            para(doc, "-----", how="center")
        elif isinstance(b, Para):
            para(
                doc,
                b.text,
                bold=b.bold,
                italic=b.italic,
                how=b.align,
                indent=b.indent and b.align == "justify",
            )
        elif isinstance(b, Table):
            t = doc.add_table(rows=len(b.rows), cols=len(b.widths))
            if b.ruled:
                t.style = "Table Grid"
            t.alignment = WD_TABLE_ALIGNMENT.CENTER
            t.autofit = False
            for c, share in enumerate(b.widths):  # gridCol widths: what Word and LibreOffice lay out by
                t.columns[c].width = Cm(16 * share)
            covered = {
                (r0 + i, c0 + j)
                for (r0, c0), (rs, cs) in b.spans.items()
                for i in range(rs)
                for j in range(cs)
                if i or j
            }
            for r, row in enumerate(b.rows):
                for c, text in enumerate(row):
                    cell = t.cell(r, c)
                    cell.width = Cm(16 * b.widths[c])
                    if (r, c) in covered:
                        continue  # left empty: merged into its span's first cell below
                    how = "center" if r < max(1, b.header_rows) else (b.align[c] if b.align else "left")
                    first_para(cell, text, bold=r in b.bold_rows, how=how, size=12)
            for (r0, c0), (rs, cs) in b.spans.items():
                t.cell(r0, c0).merge(t.cell(r0 + rs - 1, c0 + cs - 1))
            for r in range(b.header_rows):  # Word repeats these rows on each page the table runs onto
                flag = OxmlElement("w:tblHeader")
                flag.set(qn("w:val"), "true")
                t.rows[r]._tr.get_or_add_trPr().append(flag)
            doc.add_paragraph()
        elif isinstance(b, PageFurniture):
            if b.header:
                _docx_running(sec.header.paragraphs[0], b.header)
                sec.header.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
            if b.footer:
                _docx_running(sec.footer.paragraphs[0], b.footer)
                sec.footer.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif isinstance(b, PageBreak):
            doc.add_page_break()
        elif isinstance(b, Sign):
            t = doc.add_table(rows=1, cols=2)
            left, right = t.rows[0].cells
            if b.left:
                first_para(left, b.left.roles[0], bold=True, how="center")
                for role in b.left.roles[1:]:
                    para(left, role, bold=True, how="center")
                for _ in range(3):
                    para(left, "")
                para(left, b.left.name, bold=True, how="center")
            elif b.noi_nhan:
                first_para(left, "Nơi nhận:", bold=True, italic=True, size=12)
                for line in b.noi_nhan:
                    para(left, line, size=11)
            first_para(right, b.right.roles[0], bold=True, how="center")
            for role in b.right.roles[1:]:
                para(right, role, bold=True, how="center")
            for _ in range(3):
                para(right, "")
            para(right, b.right.name, bold=True, how="center")
    buf = io.BytesIO()
    doc.save(buf)
    return repack_zip(buf.getvalue())


# ---- PDF ----------------------------------------------------------------------------------
_REGISTERED: set[str] = set()


def register_fonts(family: str) -> None:
    """Register DejaVu Serif or Sans (they have the Vietnamese glyphs) under ``<family>``, ``-Bold``, ``-Italic``."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if family in _REGISTERED:
        return
    suffix = {"": "", "-Bold": "-Bold", "-Italic": "-Oblique" if family == "DejaVuSans" else "-Italic"}
    for name, file_suffix in suffix.items():
        pdfmetrics.registerFont(TTFont(family + name, str(FONT_DIR / f"{family}{file_suffix}.ttf")))
    _REGISTERED.add(family)


PAGE_W, PAGE_H = 595.28, 841.89
LEFT, RIGHT, TOP, BOTTOM = 85.0, 57.0, 57.0, 60.0
TEXT_W = PAGE_W - LEFT - RIGHT


class PdfWriter:
    """A small flowing layout on a reportlab canvas: wrapped, justified paragraphs, ruled tables, signatures."""

    def __init__(
        self, family: str, signed: bool, rng: random.Random, size: float = 13.0, pages: int | None = None
    ) -> None:
        from reportlab.pdfgen import canvas

        register_fonts(family)
        self.buf = io.BytesIO()
        self.c = canvas.Canvas(self.buf, pagesize=(PAGE_W, PAGE_H), invariant=1)
        self.c.setTitle("")
        self.c.setAuthor("")
        self.family, self.signed, self.rng, self.size = family, signed, rng, size
        self.lead = size * 1.35
        self.y = PAGE_H - TOP
        self.furniture: PageFurniture | None = None  # running header / footer, once a block sets one
        self.page, self.pages = 1, pages

    def end_page(self) -> None:
        """Finish the page: its running header and footer (if any), then a new page."""
        f = self.furniture
        if f is not None:
            total = str(self.pages) if self.pages is not None else "?"
            for text, y, how in ((f.header, PAGE_H - 32, "right"), (f.footer, 32, "center")):
                if text:
                    line = text.replace("{pages}", total).replace("{page}", str(self.page))
                    self.c.setFont(self.font(italic=True), 10)
                    if how == "right":
                        self.c.drawRightString(PAGE_W - RIGHT, y, line)
                    else:
                        self.c.drawCentredString(LEFT + TEXT_W / 2, y, line)
        self.c.showPage()
        self.page += 1

    # -- primitives
    def font(self, bold: bool = False, italic: bool = False) -> str:
        return self.family + ("-Bold" if bold else "-Italic" if italic else "")

    def width(self, text: str, font: str, size: float) -> float:
        from reportlab.pdfbase.pdfmetrics import stringWidth

        return stringWidth(text, font, size)

    def wrap(self, text: str, font: str, size: float, width: float, first_indent: float = 0) -> list[str]:
        lines, cur, avail = [], "", width - first_indent
        for word in text.split():
            trial = f"{cur} {word}" if cur else word
            if self.width(trial, font, size) <= avail or not cur:
                cur = trial
            else:
                lines.append(cur)
                cur, avail = word, width
        if cur:
            lines.append(cur)
        return lines or [""]

    def need(self, height: float) -> None:
        if self.y - height < BOTTOM:
            self.end_page()
            self.y = PAGE_H - TOP

    def line_at(
        self, text: str, x: float, width: float, font: str, size: float, how: str, last: bool
    ) -> None:
        c = self.c
        c.setFont(font, size)
        if how == "center":
            c.drawCentredString(x + width / 2, self.y, text)
        elif how == "justify" and not last and " " in text:
            words = text.split(" ")
            gap = (width - sum(self.width(w, font, size) for w in words)) / (len(words) - 1)
            cx = x
            for w in words:
                c.drawString(cx, self.y, w)
                cx += self.width(w, font, size) + gap
        else:
            c.drawString(x, self.y, text)

    # -- blocks
    def header(self, h: Header) -> None:
        c, size = self.c, 12.0
        top = self.y
        lx, lw = LEFT - 45, 265.0
        self.y = top
        for text, bold in ((h.superior, False), (h.issuer, True)):
            for ln in self.wrap(text, self.font(bold), size, lw):
                self.line_at(ln, lx, lw, self.font(bold), size, "center", True)
                self.y -= size * 1.3
        self.line_at("*", lx, lw, self.font(), size, "center", True)
        self.y -= size * 1.3
        self.line_at(h.number, lx, lw, self.font(), size, "center", True)
        left_bottom = self.y
        rx, rw = LEFT + 215, PAGE_W - RIGHT - (LEFT + 215) + 20
        self.y = top
        self.line_at("ĐẢNG CỘNG SẢN VIỆT NAM", rx, rw, self.font(True), 13, "center", True)
        tw = self.width("ĐẢNG CỘNG SẢN VIỆT NAM", self.font(True), 13)
        c.setLineWidth(0.7)
        c.line(rx + (rw - tw) / 2, self.y - 3, rx + (rw + tw) / 2, self.y - 3)
        self.y = left_bottom
        self.line_at(h.place_date, rx, rw, self.font(italic=True), 12.5, "center", True)
        self.y = left_bottom - 2.2 * self.lead

    def title(self, t: Title) -> None:
        self.need(60)
        self.line_at(t.text, LEFT, TEXT_W, self.font(True), 14.5, "center", True)
        self.y -= self.lead * 1.1
        for line in t.subject:
            self.line_at(line, LEFT, TEXT_W, self.font(True), self.size, "center", True)
            self.y -= self.lead
        self.c.setLineWidth(0.6)
        self.c.line(
            PAGE_W / 2 - 30 + (LEFT - RIGHT) / 2,
            self.y + self.lead * 0.55,
            PAGE_W / 2 + 30 + (LEFT - RIGHT) / 2,
            self.y + self.lead * 0.55,
        )
        self.y -= self.lead * 0.6

    def para(self, p: Para) -> None:
        font = self.font(p.bold, p.italic)
        indent = 28.0 if p.indent and p.align == "justify" else 0.0
        lines = self.wrap(p.text, font, self.size, TEXT_W, indent)
        for i, ln in enumerate(lines):
            self.need(self.lead)
            x = LEFT + (indent if i == 0 else 0)
            self.line_at(
                ln, x, TEXT_W - (indent if i == 0 else 0), font, self.size, p.align, i == len(lines) - 1
            )
            self.y -= self.lead
        self.y -= 2

    def table(self, t: Table) -> None:
        if t.spans or t.header_rows:
            self.table_spanned(t)
            return
        size, pad = self.size - 1, 4.0
        lead = size * 1.3
        widths = [w * TEXT_W for w in t.widths]
        self.c.setLineWidth(0.6)
        for r, row in enumerate(t.rows):
            bold = r in t.bold_rows
            cells = [
                self.wrap(text, self.font(bold), size, w - 2 * pad)
                for text, w in zip(row, widths, strict=True)
            ]
            height = max(len(c) for c in cells) * lead + 2 * pad
            self.need(height + 4)
            top, x = self.y + self.lead * 0.45, LEFT
            for ci, (lines, w) in enumerate(zip(cells, widths, strict=True)):
                if t.ruled:
                    self.c.rect(x, top - height, w, height)
                how = "center" if r == 0 else (t.align[ci] if t.align else "left")
                self.y = top - pad - size * 0.85
                for ln in lines:
                    self.line_at(ln, x + pad, w - 2 * pad, self.font(bold), size, how, True)
                    self.y -= lead
                x += w
            self.y = top - height - self.lead * 0.45
        self.y -= self.lead * 0.8

    def table_spanned(self, t: Table) -> None:
        """A table with merged cells and/or header rows repeated on each page it runs onto."""
        size, pad = self.size - 1, 4.0
        lead = size * 1.3
        widths = [w * TEXT_W for w in t.widths]
        owner: dict[tuple[int, int], tuple[int, int]] = {}
        for (r0, c0), (rs, cs) in t.spans.items():
            for r in range(r0, r0 + rs):
                for c in range(c0, c0 + cs):
                    owner[(r, c)] = (r0, c0)
        self.c.setLineWidth(0.6)

        def cells_of(r: int, fresh: bool) -> list[tuple[int, float, list[str], bool, bool]]:
            bold = r in t.bold_rows
            out, c = [], 0
            while c < len(widths):
                o = owner.get((r, c), (r, c))
                if o[1] != c:  # inside a span drawn from its first column
                    c += 1
                    continue
                rs, cs = t.spans.get(o, (1, 1))
                w = sum(widths[c : c + cs])
                text = t.rows[r][c] if o[0] == r else ""
                lines = self.wrap(text, self.font(bold), size, w - 2 * pad) if text else []
                out.append((c, w, lines, o[0] < r and not fresh, r < o[0] + rs - 1))
                c += cs
            return out

        def draw(r: int, cells: list, height: float) -> None:
            bold = r in t.bold_rows
            top = self.y + self.lead * 0.45
            for c, w, lines, top_open, bottom_open in cells:
                x = LEFT + sum(widths[:c])
                self.c.line(x, top, x, top - height)
                self.c.line(x + w, top, x + w, top - height)
                if not top_open:
                    self.c.line(x, top, x + w, top)
                if not bottom_open:
                    self.c.line(x, top - height, x + w, top - height)
                how = "center" if r < max(1, t.header_rows) else (t.align[c] if t.align else "left")
                self.y = top - pad - size * 0.85
                for ln in lines:
                    self.line_at(ln, x + pad, w - 2 * pad, self.font(bold), size, how, True)
                    self.y -= lead
            self.y = top - height - self.lead * 0.45

        def height_of(r: int, cells: list) -> float:
            """A row's height; a cell merged down over rows shares its lines out among them."""
            need = [1]
            for c, _w, lines, _top, _bottom in cells:
                rs = t.spans.get((r, c), (1, 1))[0]
                need.append(math.ceil(len(lines) / rs))
            return max(need) * lead + 2 * pad

        fresh = True
        for r in range(len(t.rows)):
            cells = cells_of(r, fresh)
            height = height_of(r, cells)
            if self.y - height - 4 < BOTTOM:
                self.end_page()
                self.y = PAGE_H - TOP
                if r >= t.header_rows:
                    for h in range(t.header_rows):
                        hc = cells_of(h, True)
                        draw(h, hc, height_of(h, hc))
                cells = cells_of(r, True)
            draw(r, cells, height)
            fresh = False
        self.y -= self.lead * 0.8

    def sign(self, s: Sign) -> None:
        self.need(150)
        top = self.y - 6
        half = TEXT_W / 2
        rx = LEFT + half
        if s.noi_nhan and not s.left:
            self.y = top
            self.line_at("Nơi nhận:", LEFT - 10, half, self.font(True), 11.5, "left", True)
            self.y -= 14
            for line in s.noi_nhan:
                self.line_at(line, LEFT - 10, half, self.font(), 11, "left", True)
                self.y -= 13
        cols = [(rx, s.right)] + ([(LEFT - 10, s.left)] if s.left else [])
        for x, col in cols:
            self.y = top
            for role in col.roles:
                self.line_at(role, x, half, self.font(True), self.size, "center", True)
                self.y -= self.lead
            gap_top = self.y
            self.y -= 72
            self.line_at(col.name, x, half, self.font(True), self.size, "center", True)
            if self.signed:
                self.scribble(x + half / 2, gap_top - 36)
        if self.signed and s.seal:
            self.seal(rx + half / 2 - 40, top - self.lead - 40, s.seal)
        self.y = top - 130

    def scribble(self, cx: float, cy: float) -> None:
        """A hand signature: a few loops and a flourish in blue-black ink."""
        c, rng = self.c, self.rng
        c.saveState()
        c.setStrokeColorRGB(0.08, 0.1, 0.45)
        c.setLineWidth(1.3)
        p = c.beginPath()
        x, y = cx - 45 + rng.uniform(-6, 6), cy + rng.uniform(-5, 5)
        p.moveTo(x, y)
        for _ in range(rng.randint(5, 8)):
            dx = rng.uniform(8, 22)
            p.curveTo(
                x + rng.uniform(-10, 10),
                y + rng.uniform(10, 28),
                x + dx + rng.uniform(-8, 8),
                y - rng.uniform(10, 24),
                x + dx,
                y + rng.uniform(-6, 6),
            )
            x += dx
            y += rng.uniform(-5, 5)
        p.curveTo(x + 10, y - 18, cx - 60, cy - 16, cx - 50, cy - 8)
        c.drawPath(p, stroke=1, fill=0)
        c.restoreState()

    def seal(self, cx: float, cy: float, ring: str) -> None:
        """A red round seal with the body's name on its ring and a star, overlapping the signature."""
        c = self.c
        c.saveState()
        c.setStrokeColorRGB(0.85, 0.1, 0.12)
        c.setFillColorRGB(0.85, 0.1, 0.12)
        c.setStrokeAlpha(0.8)
        c.setFillAlpha(0.8)
        c.setLineWidth(2.2)
        c.circle(cx, cy, 50, stroke=1, fill=0)
        c.setLineWidth(1.0)
        c.circle(cx, cy, 35, stroke=1, fill=0)
        font, size = self.font(True), 8.0
        chars = list(ring)
        step = 340.0 / max(len(chars), 1)
        for i, ch in enumerate(chars):
            ang = math.radians(90 + 170 - i * step)
            c.saveState()
            c.translate(cx + 41 * math.cos(ang), cy + 41 * math.sin(ang))
            c.rotate(math.degrees(ang) - 90)
            c.setFont(font, size)
            c.drawCentredString(0, -3, ch)
            c.restoreState()
        p = c.beginPath()
        for k in range(10):
            r = 16 if k % 2 == 0 else 6.5
            a = math.radians(90 + k * 36)
            (p.moveTo if k == 0 else p.lineTo)(cx + r * math.cos(a), cy + r * math.sin(a))
        p.close()
        c.drawPath(p, stroke=0, fill=1)
        c.restoreState()

    def render(self, blocks: list[Block]) -> bytes:
        for b in blocks:
            if isinstance(b, Header):
                self.header(b)
            elif isinstance(b, Title):
                self.title(b)
            elif isinstance(b, Para):
                self.para(b)
            elif isinstance(b, Table):
                self.table(b)
            elif isinstance(b, Sign):
                self.sign(b)
            elif isinstance(b, PageFurniture):
                self.furniture = b
            elif isinstance(b, PageBreak):
                self.end_page()
                self.y = PAGE_H - TOP
        self.end_page()
        self.c.save()
        return self.buf.getvalue()


def render_pdf(
    blocks: list[Block], *, family: str = "DejaVuSerif", signed: bool = False, seed: int = 0
) -> bytes:
    counted = any(isinstance(b, PageFurniture) and "{pages}" in f"{b.header}{b.footer}" for b in blocks)
    pages = None
    if counted:  # a first pass to count the pages "Trang {page}/{pages}" needs
        first = PdfWriter(family, signed, random.Random(seed))
        first.render(blocks)
        pages = first.page - 1
    return PdfWriter(family, signed, random.Random(seed), pages=pages).render(blocks)
