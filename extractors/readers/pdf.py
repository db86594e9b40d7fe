"""PDF: the text layer page by page (pdfplumber), OCR for pages that have none or only garbage."""

from __future__ import annotations

import logging
from pathlib import Path

import pdfplumber
from pdfminer.pdfdocument import PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError

from ..errors import CorruptFile, EncryptedFile, TooLarge
from ..model import Box, DocumentText, Line, Page, Provenance, Word
from ..text import nfc
from .base import ReadContext

log = logging.getLogger(__name__)

CELL_GAP_PT = 14.0  # a horizontal gap this wide between words separates table cells
LINE_TOLERANCE_PT = 3.0


def _group_lines(words: list[dict], name: str, page_no: int) -> list[Line]:
    words = sorted(words, key=lambda w: (round(w["top"]), w["x0"]))
    rows: list[list[dict]] = []
    for w in words:
        if rows and abs(rows[-1][0]["top"] - w["top"]) <= LINE_TOLERANCE_PT:
            rows[-1].append(w)
        else:
            rows.append([w])
    lines: list[Line] = []
    for row in rows:
        row.sort(key=lambda w: w["x0"])
        cells: list[list[dict]] = [[row[0]]]
        for prev, w in zip(row, row[1:], strict=False):
            if w["x0"] - prev["x1"] > CELL_GAP_PT:
                cells.append([w])
            else:
                cells[-1].append(w)
        cell_texts = [nfc(" ".join(w["text"] for w in c)) for c in cells]
        text = " | ".join(cell_texts) if len(cell_texts) > 1 else cell_texts[0]
        boxes = [Box(x0=w["x0"], y0=w["top"], x1=w["x1"], y1=w["bottom"], unit="pt") for w in row]
        bbox = boxes[0]
        for b in boxes[1:]:
            bbox = bbox.union(b)
        lines.append(
            Line(
                text=text,
                cells=cell_texts if len(cell_texts) > 1 else None,
                prov=Provenance(file=name, page=page_no, bbox=bbox),
                words=[Word(text=w["text"], bbox=b) for w, b in zip(row, boxes, strict=True)],
            )
        )
    return lines


def text_layer_is_usable(lines: list[Line]) -> bool:
    """False for an empty layer or one of mojibake (fonts without a ToUnicode map give ``(cid:12)``)."""
    text = "".join(ln.text for ln in lines)
    if len(text.strip()) < 20:
        return False
    if text.count("(cid:") > 3:
        return False
    letters = sum(ch.isalpha() for ch in text)
    return letters / max(len(text), 1) > 0.4


def read(path: Path, name: str, sha256: str, ctx: ReadContext) -> DocumentText:
    from . import ocr  # OCR is one more reader; imported here so text PDFs never need it

    try:
        pdf = pdfplumber.open(str(path))
    except PDFPasswordIncorrect as exc:
        raise EncryptedFile(
            "tệp PDF có mật khẩu: hãy gửi bản không mật khẩu",
            "the PDF is password protected: send a copy without a password",
        ) from exc
    except (PDFSyntaxError, Exception) as exc:
        if "password" in repr(exc).lower() or "encrypt" in repr(exc).lower():
            raise EncryptedFile(
                "tệp PDF có mật khẩu: hãy gửi bản không mật khẩu",
                "the PDF is password protected: send a copy without a password",
            ) from exc
        raise CorruptFile(
            "tệp PDF bị hỏng, không mở được: hãy xuất lại PDF hoặc quét lại",
            "the PDF is damaged and cannot be opened: export or scan it again",
            detail=repr(exc),
        ) from exc
    with pdf:
        n = len(pdf.pages)
        if n > ctx.limits.max_pages:
            raise TooLarge(
                f"tệp PDF có {n} trang, vượt giới hạn {ctx.limits.max_pages} trang: hãy tách tệp",
                f"the PDF has {n} pages, over the limit of {ctx.limits.max_pages}: split it",
            )
        pages: list[Page] = []
        for i, pg in enumerate(pdf.pages, start=1):
            words = pg.extract_words(x_tolerance=1.5, y_tolerance=2, keep_blank_chars=False)
            lines = _group_lines(words, name, i)
            if text_layer_is_usable(lines):
                pages.append(
                    Page(number=i, method="pdf_text", lines=lines, width=float(pg.width), height=float(pg.height), unit="pt")
                )
            else:
                pages.append(ocr.ocr_pdf_page(path, i, name, ctx, width=float(pg.width), height=float(pg.height)))
            pg.flush_cache()
    methods = {p.method for p in pages}
    source = "ocr" if "ocr" in methods else ("pdf_text" if "pdf_text" in methods else "none")
    return DocumentText(file=name, sha256=sha256, source=source, pages=pages)
