"""Word (.docx): paragraphs and tables in document order, with block/table/row/cell provenance.

The main document part (and its headers) are parsed with lxml directly, not through python-docx:
opening a package with python-docx parses every part (styles, numbering, theme, settings…) and
walks tables through its proxy objects, 75 ms a file, most of a Word dossier's time (profiled for
``make bench``); one lxml pass over ``document.xml`` takes a few milliseconds. The parser resolves
no entity and fetches nothing (``resolve_entities=False, no_network=True``), and the package's
declared sizes are checked first: a zip bomb in a .docx is refused before it is inflated.

What is read, as Word shows it: paragraph text from runs, hyperlinks, tracked insertions, fields'
results and content controls (deleted text and field codes are not); text boxes as lines of their
own after their paragraph; tables row by row, a merged cell once per row and a vertically merged
cell's text in each row it spans; nested tables after their row; default and first-page headers
first. Strict OOXML (ISO 29500 namespaces) reads the same.
"""

from __future__ import annotations

import posixpath
import zipfile
from pathlib import Path

from lxml import etree

from ..errors import CorruptFile, TooLarge
from ..model import Cell, DocumentText, Line, Page, Provenance, Table
from ..tables import build_table, row_roles
from ..text import nfc
from .base import ReadContext

# One XML part of a real document is a few MB; a larger one is a bomb or an abuse of the format.
MAX_XML_PART_BYTES = 64 * 1024 * 1024
MAX_PARTS = 10_000
_DAMAGED_VI = "tệp Word bị hỏng hoặc không phải .docx: hãy lưu lại bằng Word và gửi lại"
_DAMAGED_EN = "the Word file is damaged or not a .docx: save it again in Word and resend"


def check_package(zf: zipfile.ZipFile, max_bytes: int) -> None:
    """Refuse a package whose parts would inflate past the limits (sizes as declared in the zip).

    The declared sizes bound what is read: :mod:`zipfile` stops at a member's declared size and
    fails its CRC check, so a forged small size cannot smuggle more data through.
    """
    infos = zf.infolist()
    total = sum(i.file_size for i in infos)
    biggest = max(infos, key=lambda i: i.file_size, default=None)
    xml_too_big = [
        i for i in infos if i.filename.endswith((".xml", ".rels")) and i.file_size > MAX_XML_PART_BYTES
    ]
    if len(infos) > MAX_PARTS or total > max_bytes or xml_too_big:
        mb = total // (1 << 20)
        raise TooLarge(
            f"tệp Word giải nén ra quá lớn ({mb} MB, nghi tệp độc hại): hãy mở bằng Word, lưu lại và gửi lại",
            f"the Word file inflates to too much ({mb} MB, possibly a zip bomb): open it in Word, save it and resend",
            detail=f"{len(infos)} parts, {total} bytes; biggest {biggest.filename if biggest else None!r}",
        )


_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_OFFICE_DOCUMENT = "/officeDocument"  # relationship types end so in both transitional and strict
_HEADER = "/header"


class _Names:
    """Qualified tag names of one WordprocessingML namespace (transitional or strict)."""

    def __init__(self, ns: str) -> None:
        q = lambda local: f"{{{ns}}}{local}"  # noqa: E731
        self.body, self.p, self.tbl, self.tr, self.tc = q("body"), q("p"), q("tbl"), q("tr"), q("tc")
        self.t, self.tab, self.ptab, self.br, self.cr = q("t"), q("tab"), q("ptab"), q("br"), q("cr")
        self.nbhyphen, self.sdt, self.sdt_content = q("noBreakHyphen"), q("sdt"), q("sdtContent")
        self.txbx = q("txbxContent")
        self.skip = {q("del"), q("delText"), q("instrText"), q("pPr"), q("rPr"), q("moveFrom"), _MC_FALLBACK}
        self.tc_pr, self.grid_span, self.v_merge = q("tcPr"), q("gridSpan"), q("vMerge")
        self.tr_pr, self.grid_before = q("trPr"), q("gridBefore")
        self.val, self.type = q("val"), q("type")
        self.sect_pr, self.header_ref = q("sectPr"), q("headerReference")


def _text_of(el: etree._Element, w: _Names, out: list[str], boxes: list[etree._Element]) -> None:
    """Concatenate what Word shows of a paragraph's content; text boxes are set aside."""
    for child in el:
        tag = child.tag
        if tag == w.t:
            out.append(child.text or "")
        elif tag in (w.tab, w.ptab):
            out.append("\t")
        elif tag in (w.br, w.cr):
            if child.get(w.type) != "page":
                out.append("\n")
        elif tag == w.nbhyphen:
            out.append("-")
        elif tag == w.txbx:
            boxes.append(child)
        elif tag not in w.skip and isinstance(tag, str):
            _text_of(child, w, out, boxes)


def _paragraph(p: etree._Element, w: _Names) -> tuple[str, list[etree._Element]]:
    out: list[str] = []
    boxes: list[etree._Element] = []
    _text_of(p, w, out, boxes)
    return nfc("".join(out)), boxes


def _kids(parent: etree._Element, tags: tuple[str, ...], w: _Names):
    """Children with one of ``tags``, in order, looking inside content controls (``w:sdt``)."""
    for child in parent:
        if child.tag in tags:
            yield child
        elif child.tag == w.sdt:
            content = child.find(w.sdt_content)
            if content is not None:
                yield from _kids(content, tags, w)


def _int(el: etree._Element | None, w: _Names, default: int) -> int:
    try:
        return int(el.get(w.val)) if el is not None else default
    except (TypeError, ValueError):
        return default


def _table_lines(
    tbl: etree._Element, w: _Names, name: str, block: int, table_no: int, tables: list[Table]
) -> list[Line]:
    """The rows of a table as lines (a merged cell once per row), and the table itself, cell per
    grid column (a merged cell repeated in each grid column and row it covers, marked ``spanned``),
    appended to ``tables``; nested tables follow their row, as lines and as tables of their own."""
    lines: list[Line] = []
    grid: list[list[Cell]] = []
    row_lines: list[Line | None] = []
    row_ranges: list[list[tuple[int, int]]] = []
    above: dict[int, str] = {}  # grid column → text of the cell a vertical merge continues
    for r, tr in enumerate(_kids(tbl, (w.tr,), w)):
        tr_pr = tr.find(w.tr_pr)
        col = _int(tr_pr.find(w.grid_before) if tr_pr is not None else None, w, 0)
        cells: list[str] = []
        ranges: list[tuple[int, int]] = []
        grid_row: list[Cell] = [Cell(page=1) for _ in range(col)]
        nested: list[etree._Element] = []
        for tc in _kids(tr, (w.tc,), w):
            tc_pr = tc.find(w.tc_pr)
            span = _int(tc_pr.find(w.grid_span) if tc_pr is not None else None, w, 1)
            merge = tc_pr.find(w.v_merge) if tc_pr is not None else None
            continued = merge is not None and merge.get(w.val, "continue") == "continue"
            if continued:
                text = above.get(col, "")
            else:
                text = nfc(" ".join(_paragraph(p, w)[0] for p in _kids(tc, (w.p,), w)))
                for c in range(col, col + span):
                    above[c] = text
            cells.append(text)
            ranges.append((col, col + max(span, 1) - 1))
            grid_row.extend(Cell(text=text, page=1, spanned=continued or k > 0) for k in range(max(span, 1)))
            nested.extend(t for t in tc if t.tag == w.tbl)
            col += span
        grid.append(grid_row)
        line = None
        if any(cells):
            line = Line(
                text=" | ".join(cells),
                cells=cells,
                prov=Provenance(file=name, page=1, block=block, table=table_no, row=r),
            )
            lines.append(line)
        row_lines.append(line)
        row_ranges.append(ranges)
        # Nested tables are rare in these documents but do occur in self-assessment sheets.
        for inner in nested:
            lines.extend(_table_lines(inner, w, name, block, table_no, tables))
    table = build_table(grid, file=name, source="docx", index=len(tables), page=1)
    tables.append(table)
    for r, line in enumerate(row_lines):
        if line is not None and r >= table.header_rows and table.n_cols:
            line.header, line.roles = row_roles(table, row_ranges[r])
    return lines


def _part_lines(
    root: etree._Element, w: _Names, name: str, anchor: int | None = None, tables: list[Table] | None = None
) -> list[Line]:
    """Lines of a body, header or text box; blocks are numbered in a body, else all ``anchor``.
    Tables found are appended to ``tables``."""
    tables = [] if tables is None else tables
    lines: list[Line] = []
    table_no = 0
    numbered = root.tag == w.body
    for block, item in enumerate(_kids(root, (w.p, w.tbl), w)):
        prov_block = block if numbered else anchor
        if item.tag == w.p:
            text, boxes = _paragraph(item, w)
            if text:
                lines.append(Line(text=text, prov=Provenance(file=name, page=1, block=prov_block)))
            for box in boxes:  # a text box: its own paragraphs, after the one that anchors it
                lines.extend(_part_lines(box, w, name, prov_block, tables))
        else:
            lines.extend(_table_lines(item, w, name, prov_block, table_no, tables))
            table_no += 1
    return lines


def _rels(zf: zipfile.ZipFile, part: str) -> dict[str, tuple[str, str]]:
    """Relationship id → (type, part name) of ``part`` (``""`` for the package's own)."""
    folder, base = posixpath.split(part)
    try:
        data = zf.read(posixpath.join(folder, "_rels", base + ".rels"))
    except KeyError:
        return {}
    out = {}
    for rel in etree.fromstring(data, _PARSER).iter(f"{{{_REL_NS}}}Relationship"):
        if rel.get("TargetMode") == "External":
            continue
        target = rel.get("Target", "")
        path = (
            target.lstrip("/")
            if target.startswith("/")
            else posixpath.normpath(posixpath.join(folder, target))
        )
        out[rel.get("Id", "")] = (rel.get("Type", ""), path)
    return out


def read(path: Path, name: str, sha256: str, ctx: ReadContext) -> DocumentText:
    try:
        with zipfile.ZipFile(path) as zf:
            check_package(zf, ctx.limits.max_file_bytes)
            main = next((p for t, p in _rels(zf, "").values() if t.endswith(_OFFICE_DOCUMENT)), None)
            if main is None:
                raise KeyError("no officeDocument relationship: not a Word package")
            root = etree.fromstring(zf.read(main), _PARSER)
            w = _Names(etree.QName(root).namespace or "")
            body = root.find(w.body)
            if body is None:
                raise KeyError(f"{main} has no body")
            tables: list[Table] = []
            lines = _part_lines(body, w, name, tables=tables)
            # Header parts sometimes carry the party header block: default and first-page headers
            # of every section, each once, before the body.
            rels = _rels(zf, main)
            rid = next((k for k in root.nsmap.values() if k and k.endswith("/relationships")), "")
            header_lines: list[Line] = []
            seen_parts: set[str] = set()
            for ref in root.iter(w.header_ref):
                if ref.get(w.type, "default") not in ("default", "first"):
                    continue
                rel = rels.get(ref.get(f"{{{rid}}}id", ""))
                if rel is None or not rel[0].endswith(_HEADER) or rel[1] in seen_parts:
                    continue
                seen_parts.add(rel[1])
                header = etree.fromstring(zf.read(rel[1]), _PARSER)
                header_lines.extend(_part_lines(header, _Names(etree.QName(header).namespace or ""), name))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, EOFError, etree.XMLSyntaxError) as exc:
        # XMLSyntaxError also covers lxml refusing entity expansion ("billion laughs").
        raise CorruptFile(_DAMAGED_VI, _DAMAGED_EN, detail=repr(exc)) from exc
    body_texts = {ln.text for ln in lines}
    fresh = [ln for ln in header_lines if ln.text not in body_texts]
    lines = list({ln.text: ln for ln in fresh}.values()) + lines
    # Word has no pages until it is laid out; the whole document is page 1 for provenance.
    return DocumentText(
        file=name,
        sha256=sha256,
        source="docx",
        pages=[Page(number=1, method="docx", lines=lines, tables=tables)],
    )
