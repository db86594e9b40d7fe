"""Word (.docx): paragraphs and tables in document order, with block/table/row/cell provenance.

python-docx reads every part of the package into memory and parses its XML with lxml
(``resolve_entities=False``: no external entity, no DTD fetched), so the package's declared sizes
are checked first: a zip bomb in a .docx is refused before it is inflated.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from docx import Document
from docx.opc.exceptions import PackageNotFoundError
from docx.table import Table
from docx.text.paragraph import Paragraph
from lxml import etree

from ..errors import CorruptFile, TooLarge
from ..model import DocumentText, Line, Page, Provenance
from ..text import nfc
from .base import ReadContext

# One XML part of a real document is a few MB; a larger one is a bomb or an abuse of the format.
MAX_XML_PART_BYTES = 64 * 1024 * 1024
MAX_PARTS = 10_000
_DAMAGED_VI = "tệp Word bị hỏng hoặc không phải .docx: hãy lưu lại bằng Word và gửi lại"
_DAMAGED_EN = "the Word file is damaged or not a .docx: save it again in Word and resend"


def check_package(path: Path, max_bytes: int) -> None:
    """Refuse a package whose parts would inflate past the limits (sizes as declared in the zip).

    The declared sizes bound what is read: :mod:`zipfile` stops at a member's declared size and
    fails its CRC check, so a forged small size cannot smuggle more data through.
    """
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise CorruptFile(_DAMAGED_VI, _DAMAGED_EN, detail=repr(exc)) from exc
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


def _cell_text(cell) -> str:
    return nfc(" ".join(p.text for p in cell.paragraphs))


def _table_lines(table: Table, name: str, block: int, table_no: int) -> list[Line]:
    lines: list[Line] = []
    for r, row in enumerate(table.rows):
        cells: list[str] = []
        seen: set[int] = set()
        for cell in row.cells:
            # Merged cells repeat the same underlying element; read each once.
            key = id(cell._tc)
            if key in seen:
                continue
            seen.add(key)
            cells.append(_cell_text(cell))
        if not any(cells):
            continue
        lines.append(
            Line(
                text=" | ".join(c for c in cells),
                cells=cells,
                prov=Provenance(file=name, page=1, block=block, table=table_no, row=r),
            )
        )
        # Nested tables are rare in these documents but do occur in self-assessment sheets.
        for cell in row.cells:
            for inner in cell.tables:
                lines.extend(_table_lines(inner, name, block, table_no))
    return lines


def read(path: Path, name: str, sha256: str, ctx: ReadContext) -> DocumentText:
    check_package(path, ctx.limits.max_file_bytes)
    try:
        document = Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, etree.XMLSyntaxError) as exc:
        # XMLSyntaxError also covers lxml refusing entity expansion ("billion laughs").
        raise CorruptFile(_DAMAGED_VI, _DAMAGED_EN, detail=repr(exc)) from exc
    lines: list[Line] = []
    table_no = 0
    for block, item in enumerate(document.iter_inner_content()):
        if isinstance(item, Paragraph):
            text = nfc(item.text)
            if text:
                lines.append(Line(text=text, prov=Provenance(file=name, page=1, block=block)))
        elif isinstance(item, Table):
            lines.extend(_table_lines(item, name, block, table_no))
            table_no += 1
    # Header/footer paragraphs sometimes carry the party header block.
    for section in document.sections:
        for para in section.header.paragraphs:
            text = nfc(para.text)
            if text and all(text != ln.text for ln in lines):
                lines.insert(0, Line(text=text, prov=Provenance(file=name, page=1)))
    # Word has no pages until it is laid out; the whole document is page 1 for provenance.
    return DocumentText(
        file=name, sha256=sha256, source="docx", pages=[Page(number=1, method="docx", lines=lines)]
    )
