"""Word (.docx): paragraphs and tables in document order, with block/table/row/cell provenance."""

from __future__ import annotations

import zipfile
from pathlib import Path

from docx import Document
from docx.opc.exceptions import PackageNotFoundError
from docx.table import Table
from docx.text.paragraph import Paragraph

from ..errors import CorruptFile
from ..model import DocumentText, Line, Page, Provenance
from ..text import nfc
from .base import ReadContext


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
    try:
        document = Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError) as exc:
        raise CorruptFile(
            "tệp Word bị hỏng hoặc không phải .docx: hãy lưu lại bằng Word và gửi lại",
            "the Word file is damaged or not a .docx: save it again in Word and resend",
            detail=repr(exc),
        ) from exc
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
    return DocumentText(file=name, sha256=sha256, source="docx", pages=[Page(number=1, method="docx", lines=lines)])
