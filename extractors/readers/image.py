"""Images (.jpg, .png, .tif, multi-page TIFF): every frame through OCR, upright by EXIF first."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import numpy as np
from PIL import Image, ImageOps, ImageSequence, UnidentifiedImageError

from ..errors import CorruptFile, ReadError, TooLarge
from ..model import DocumentText
from ..tables import link_tables
from . import ocr
from .base import ReadContext
from .prepare import check_pixels, to_grey

log = logging.getLogger(__name__)

_CORRUPT = (
    "ảnh bị hỏng hoặc chưa tải hết, không mở được: hãy chụp hoặc quét lại",
    "the image is damaged or truncated and cannot be decoded: scan or photograph it again",
)


def _dpi(img: Image.Image) -> float | None:
    """The DPI the file states, when it is plausible for a paper page; else None (Tesseract estimates).

    Phone photos say 72 dpi whatever they show; a 1600 px wide photo at 72 dpi would be a 22-inch page.
    """
    try:
        dpi = float(img.info["dpi"][0])
    except (KeyError, TypeError, ValueError, IndexError):
        return None
    if dpi <= 0:
        return None
    inches = min(img.width, img.height) / dpi  # the short side: A5 is 5.8 in, A3 11.7 in
    return dpi if 4.0 <= inches <= 12.5 else None


def _frames(path: Path, ctx: ReadContext) -> Iterator[tuple[int, ocr.PageLoader]]:
    """Decode frame after frame (PIL images are not thread-safe) and hand each over as a grey array."""
    try:
        # Over twice PIL.Image.MAX_IMAGE_PIXELS PIL refuses at once; below that our own budget decides.
        im = Image.open(path)
    except Image.DecompressionBombError as exc:
        raise TooLarge(
            "ảnh có kích thước bất thường (nghi là 'bom giải nén'): hãy quét lại ở 300 dpi",
            "the image has an absurd size (a decompression bomb?): scan it again at 300 dpi",
            detail=str(exc),
        ) from exc
    except UnidentifiedImageError as exc:
        raise CorruptFile(*_CORRUPT, detail=str(exc)) from exc
    with im:
        n = getattr(im, "n_frames", 1)
        if n > ctx.limits.max_pages:
            raise TooLarge(
                f"ảnh có {n} trang, vượt giới hạn {ctx.limits.max_pages} trang: hãy tách tệp",
                f"the image has {n} pages, over the limit of {ctx.limits.max_pages}: split it",
            )
        for i, frame in enumerate(ImageSequence.Iterator(im), start=1):
            # Checked from the header, before a single pixel is decoded.
            check_pixels(frame.width, frame.height, ctx.limits, f"ảnh trang {i}" if n > 1 else "ảnh")
            try:
                frame.load()
                dpi = _dpi(frame)
                upright = ImageOps.exif_transpose(frame)  # phone photos are stored sideways + a tag
                grey = to_grey(upright)
            except ReadError:
                raise
            except (OSError, ValueError, SyntaxError) as exc:  # truncated or undecodable data
                raise CorruptFile(*_CORRUPT, detail=f"{type(exc).__name__}: {exc}") from exc

            def load(grey: np.ndarray = grey, dpi: float | None = dpi) -> tuple[np.ndarray, float | None]:
                return grey, dpi

            yield i, load


def read(path: Path, name: str, sha256: str, ctx: ReadContext) -> DocumentText:
    results = ocr.ocr_pages(_frames(path, ctx), name, ctx)
    pages, warns = ocr.collect(results, {})
    if warns and len(warns) == len(results):  # not one frame read: the file is unreadable
        raise next(r for r in results.values() if isinstance(r, ReadError))
    ordered = [pages[i] for i in sorted(pages)]
    link_tables(ordered)
    return DocumentText(file=name, sha256=sha256, source="ocr", pages=ordered, warnings=warns)
