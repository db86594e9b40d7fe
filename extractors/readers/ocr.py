"""OCR: page images through Tesseract (``image_to_data``), lines and words with boxes and confidence."""

from __future__ import annotations

import logging
from pathlib import Path

import pypdfium2 as pdfium
import pytesseract
from PIL import Image

from ..errors import OcrFailed
from ..model import Box, Line, Page, Provenance, Word
from ..text import nfc
from .base import ReadContext

log = logging.getLogger(__name__)


def ocr_image(img: Image.Image, name: str, page_no: int, ctx: ReadContext) -> Page:
    """OCR one page image; keeps a copy of the image for evidence crops."""
    img = img.convert("L")
    image_path = ctx.page_image_path(name, page_no)
    img.save(image_path, "JPEG", quality=80)
    with ctx.ocr_slots:
        try:
            data = pytesseract.image_to_data(
                img,
                lang=ctx.ocr_languages,
                config="--psm 3",
                output_type=pytesseract.Output.DICT,
                timeout=ctx.limits.ocr_timeout_s,
            )
        except pytesseract.TesseractNotFoundError as exc:
            raise OcrFailed(
                "chưa cài Tesseract: chạy 'make run' để cài",
                "Tesseract is not installed: run 'make run' to install it",
            ) from exc
        except RuntimeError as exc:  # pytesseract raises RuntimeError on timeout
            raise OcrFailed(
                f"nhận dạng trang {page_no} quá thời gian: hãy quét lại rõ hơn",
                f"OCR of page {page_no} timed out: scan it again more clearly",
                detail=repr(exc),
            ) from exc
        except pytesseract.TesseractError as exc:
            raise OcrFailed("Tesseract báo lỗi khi nhận dạng", "Tesseract failed on the page", detail=repr(exc)) from exc
    groups: dict[tuple[int, int, int], list[int]] = {}
    for i, text in enumerate(data["text"]):
        if text and text.strip():
            key = (data["block_num"][i], data["par_num"][i], data["line_num"][i])
            groups.setdefault(key, []).append(i)
    lines: list[Line] = []
    confs: list[float] = []
    for idxs in groups.values():
        words = []
        for i in idxs:
            conf = float(data["conf"][i])
            box = Box(
                x0=data["left"][i],
                y0=data["top"][i],
                x1=data["left"][i] + data["width"][i],
                y1=data["top"][i] + data["height"][i],
                unit="px",
            )
            words.append(Word(text=data["text"][i], bbox=box, confidence=conf))
            if conf >= 0:
                confs.append(conf)
        bbox = words[0].bbox
        for w in words[1:]:
            bbox = bbox.union(w.bbox)
        line_conf = [w.confidence for w in words if w.confidence is not None and w.confidence >= 0]
        lines.append(
            Line(
                text=nfc(" ".join(w.text for w in words)),
                words=words,
                prov=Provenance(
                    file=name,
                    page=page_no,
                    bbox=bbox,
                    confidence=round(sum(line_conf) / len(line_conf), 1) if line_conf else None,
                ),
            )
        )
    lines.sort(key=lambda ln: (ln.prov.bbox.y0 if ln.prov.bbox else 0))
    return Page(
        number=page_no,
        method="ocr",
        lines=lines,
        width=img.width,
        height=img.height,
        unit="px",
        confidence=round(sum(confs) / len(confs), 1) if confs else 0.0,
        image=str(image_path),
    )


def ocr_pdf_page(path: Path, page_no: int, name: str, ctx: ReadContext, *, width: float, height: float) -> Page:
    if not ctx.ocr_enabled:
        return Page(number=page_no, method="none", width=width, height=height, unit="pt", note="no text layer")
    pdf = pdfium.PdfDocument(str(path))
    try:
        page = pdf[page_no - 1]
        img = page.render(scale=ctx.ocr_dpi / 72).to_pil()
    finally:
        pdf.close()
    return ocr_image(img, name, page_no, ctx)
