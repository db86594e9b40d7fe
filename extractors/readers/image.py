"""Images (.jpg, .png, .tif, multi-page TIFF): every frame through OCR."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageOps, ImageSequence

from ..model import DocumentText
from .base import ReadContext
from .ocr import ocr_image


def read(path: Path, name: str, sha256: str, ctx: ReadContext) -> DocumentText:
    pages = []
    with Image.open(path) as im:
        for i, frame in enumerate(ImageSequence.Iterator(im), start=1):
            page_img = ImageOps.exif_transpose(frame.copy())
            pages.append(ocr_image(page_img, name, i, ctx))
    return DocumentText(file=name, sha256=sha256, source="ocr", pages=pages)
