"""Evidence crops and page thumbnails: small JPEGs cut from the kept page images, within a size budget."""

from __future__ import annotations

import base64
import io
import logging
import math
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw

from extractors.model import Box

log = logging.getLogger(__name__)

CROP_WIDTH = 640  # px on screen: the line is legible without zooming
CROP_SHARE = 0.55  # the least share of the page width a crop shows (the line and its label)
THUMB_WIDTH = 200
CROP_QUALITY = 70
THUMB_QUALITY = 55

# Big scans are decoded once per sheet: keep the latest few open rather than re-reading a page for each
# crop (evidence goes back and forth between the documents). At half size a 300 dpi page is 2 MB in
# grey. The cache belongs to one sheet (dossiers are written in parallel threads).
_CACHE_SIZE = 6


@dataclass
class ImageBudget:
    """How many bytes of images one sheet may still embed.

    Raw JPEG bytes; base64 adds a third, so 3.8 + 2.2 MB become about 8 MB of page, and a sheet of
    any size stays under 10 MB. A 100-page scan needs about 1 MB of thumbnails at 200 px.
    """

    crops: int = 3_800_000
    thumbs: int = 2_200_000

    def spent(self, kind: str) -> bool:
        """Nothing more of this kind fits (checked first, so no picture is cut only to be dropped)."""
        return getattr(self, kind) < 8_000

    def take(self, kind: str, data: bytes | None) -> bytes | None:
        if data is None:
            return None
        left = getattr(self, kind)
        if len(data) > left:
            return None
        setattr(self, kind, left - len(data))
        return data


def data_uri(data: bytes, mime: str = "image/jpeg") -> str:
    return f"data:{mime};base64," + base64.b64encode(data).decode("ascii")


def _open(path: str, cache: dict[tuple[str, int], Image.Image], min_width: int = 0) -> Image.Image | None:
    """The page image, decoded at the smallest JPEG draft scale that is still ``min_width`` wide.

    A crop is at least ``CROP_SHARE`` of the page wide and shown at most ``CROP_WIDTH`` px wide, so a
    300 dpi page decoded at half size loses nothing on screen and costs a quarter of a full decode.
    Grey pages stay grey: cropping and resizing one channel is a third of the work of RGB.
    """
    img = cache.get((path, min_width))  # a reduced decode only for callers that can place boxes on it
    if img is not None:
        return img
    try:
        with Image.open(path) as src:
            if min_width and src.format == "JPEG" and src.width > min_width:
                src.draft(src.mode, (min_width, max(1, src.height * min_width // src.width)))
            img = src.convert(src.mode if src.mode in ("L", "RGB") else "RGB")
    except (OSError, ValueError) as exc:  # the page image was cleaned up or is damaged: show text instead
        log.warning("page image %s unusable: %s", path, exc)
        return None
    if len(cache) >= _CACHE_SIZE:
        cache.pop(next(iter(cache)))
    cache[(path, min_width)] = img
    return img


def _jpeg(img: Image.Image, quality: int) -> bytes:
    buf = io.BytesIO()
    img.convert("RGB").save(buf, "JPEG", quality=quality, optimize=True)
    return buf.getvalue()


def crop_box(
    image_path: str | None,
    box: Box | None,
    page_size: tuple[float, float] | None = None,
    width: int = CROP_WIDTH,
    cache: dict[tuple[str, int], Image.Image] | None = None,
) -> bytes | None:
    """A crop of the page around ``box`` with the box drawn, scaled to ``width`` px, as JPEG bytes.

    ``page_size`` is the page's size in the box's unit (the OCR'd image size); when the kept image
    has another size, the box is scaled to it. PDF-point boxes without an image give None.
    """
    if not image_path or box is None or not Path(image_path).is_file():
        return None
    # Only with the page's size can a box be placed on an image decoded smaller than the page.
    least = math.ceil(max(width, CROP_WIDTH) / CROP_SHARE) if page_size else 0
    img = _open(image_path, {} if cache is None else cache, least)
    if img is None:
        return None
    w, h = img.size
    sx = sy = 1.0
    if page_size and page_size[0] and page_size[1]:
        sx, sy = w / page_size[0], h / page_size[1]
    elif box.unit == "pt":
        return None  # points without a page size cannot be placed on an image
    x0, y0, x1, y1 = box.x0 * sx, box.y0 * sy, box.x1 * sx, box.y1 * sy
    if x1 <= x0 or y1 <= y0 or x0 >= w or y0 >= h:
        return None
    # Context: about half the page width (the whole line and its label) and a few lines above and below.
    bw, bh = x1 - x0, y1 - y0
    cw = min(w, max(bw + 0.1 * w, CROP_SHARE * w))
    ch = min(h, max(bh * 7, 0.06 * h, cw * 0.22))
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    left = min(max(0.0, cx - cw / 2), max(0.0, w - cw))
    top = min(max(0.0, cy - ch / 2), max(0.0, h - ch))
    region = img.crop((int(left), int(top), int(left + cw), int(top + ch)))
    scale = width / region.width
    region = region.resize((width, max(1, round(region.height * scale))), Image.Resampling.LANCZOS)
    overlay = Image.new("RGBA", region.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    pad = 4
    rect = (
        (x0 - left) * scale - pad,
        (y0 - top) * scale - pad,
        (x1 - left) * scale + pad,
        (y1 - top) * scale + pad,
    )
    draw.rectangle(rect, fill=(255, 221, 0, 70))
    draw.rectangle(rect, outline=(214, 40, 40, 255), width=3)
    out = Image.alpha_composite(region.convert("RGBA"), overlay)
    return _jpeg(out, CROP_QUALITY)


def thumbnail(image_path: str | None, width: int = THUMB_WIDTH) -> bytes | None:
    """A small picture of a whole page, for the document list."""
    if not image_path or not Path(image_path).is_file():
        return None
    try:
        with Image.open(image_path) as src:
            # JPEG draft mode decodes at 1/2..1/8 scale, still at least ``width`` wide: a 300-dpi page
            # costs a fraction of a full decode.
            src.draft("RGB", (width, max(1, src.height * width // max(1, src.width))))
            img = src.convert("RGB")
    except (OSError, ValueError) as exc:
        log.warning("page image %s unusable: %s", image_path, exc)
        return None
    height = max(1, round(img.height * width / img.width))
    img = img.resize((width, height), Image.Resampling.LANCZOS)
    return _jpeg(img, THUMB_QUALITY)


PDF_CROP_DPI = 150  # a text PDF's page drawn for a crop: sharp at the crop's width, quick to draw


def render_pdf_page(pdf_path: str, number: int, folder: Path, dpi: int = PDF_CROP_DPI) -> str | None:
    """Page ``number`` (1-based) of a text PDF drawn as a PNG in ``folder``, so its evidence has a crop as
    a scan's has; None when the file is gone or cannot be drawn (the sheet then shows the text)."""
    target = folder / f"{abs(hash(pdf_path))}-{number}.png"
    if target.exists():
        return str(target)
    try:
        import pypdfium2

        doc = pypdfium2.PdfDocument(pdf_path)
        try:
            if not 1 <= number <= len(doc):
                return None
            page = doc[number - 1]
            page.render(scale=dpi / 72, grayscale=True).to_pil().save(target)
        finally:
            doc.close()
    except Exception as exc:  # a damaged or vanished file costs the crop, never the sheet
        log.warning("cannot draw page %s of %s for a crop: %s", number, pdf_path, exc)
        return None
    return str(target)
