"""Turns rendered pages into what reaches a district office: office scans and phone photos."""

from __future__ import annotations

import io
import random

import cv2
import numpy as np
from PIL import Image


def rasterise(pdf: bytes, dpi: int) -> list[Image.Image]:
    """Render every page of a PDF at ``dpi`` (pypdfium2)."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf)
    try:
        return [doc[i].render(scale=dpi / 72).to_pil().convert("RGB") for i in range(len(doc))]
    finally:
        doc.close()


def _rotate(arr: np.ndarray, angle: float, border: tuple[int, ...]) -> np.ndarray:
    h, w = arr.shape[:2]
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    return cv2.warpAffine(
        arr, m, (w, h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT, borderValue=border
    )


def scan(page: Image.Image, rng: random.Random, *, colour: bool, low_quality: bool = False) -> Image.Image:
    """An office scan: grey paper, a skew of 1–3°, a little blur and speckle (worse when ``low_quality``)."""
    nrng = np.random.default_rng(rng.getrandbits(32))
    arr = np.asarray(page.convert("RGB" if colour else "L")).astype(np.float32)
    paper = rng.uniform(215, 235) if not low_quality else rng.uniform(185, 205)
    ink = rng.uniform(20, 40) if not low_quality else rng.uniform(55, 75)
    arr = ink + (arr / 255.0) * (paper - ink)  # grey paper, not-quite-black toner
    angle = rng.choice([-1, 1]) * rng.uniform(1.0, 3.0)
    border = (int(paper),) * (3 if colour else 1)
    arr = _rotate(arr, angle, border)
    sigma = 0.7 if not low_quality else 1.5
    arr = cv2.GaussianBlur(arr, (0, 0), sigma)
    arr += nrng.normal(0, 6 if not low_quality else 14, arr.shape).astype(np.float32)
    # speckle: dust on the glass
    h, w = arr.shape[:2]
    n = int(h * w * (0.00025 if not low_quality else 0.0012))
    ys, xs = nrng.integers(0, h, n), nrng.integers(0, w, n)
    arr[ys, xs] = ink
    if low_quality:  # a darker band where the page lifted off the glass
        band = np.linspace(0, 1, w, dtype=np.float32)
        arr *= (0.85 + 0.15 * band)[None, :, None] if colour else (0.85 + 0.15 * band)[None, :]
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))


def photo(page: Image.Image, rng: random.Random) -> Image.Image:
    """A phone photo: the page on a desk, 3–6° skew, a slight perspective, uneven light, JPEG softness."""
    nrng = np.random.default_rng(rng.getrandbits(32))
    arr = np.asarray(page.convert("RGB")).astype(np.float32)
    h, w = arr.shape[:2]
    paper = np.array([238, 232, 220], np.float32)
    arr = 30 + (arr / 255.0) * (paper - 30)
    margin = int(0.07 * w)
    canvas_h, canvas_w = h + 2 * margin, w + 2 * margin
    desk = np.empty((canvas_h, canvas_w, 3), np.float32)
    desk[:] = np.array([96, 70, 48], np.float32)  # a wooden desk
    desk += nrng.normal(0, 8, (canvas_h, canvas_w, 1)).astype(np.float32)
    src = np.float32([[0, 0], [w, 0], [w, h], [0, h]])
    j = lambda k: rng.uniform(-k, k)  # noqa: E731 - a tiny jitter helper
    dst = np.float32(
        [
            [margin + j(0.02 * w), margin + j(0.02 * h)],
            [margin + w + j(0.02 * w), margin + j(0.01 * h)],
            [margin + w + j(0.03 * w), margin + h + j(0.02 * h)],
            [margin + j(0.02 * w), margin + h + j(0.01 * h)],
        ]
    )
    m = cv2.getPerspectiveTransform(src, dst)
    warped = cv2.warpPerspective(arr, m, (canvas_w, canvas_h), flags=cv2.INTER_LINEAR, borderValue=(0, 0, 0))
    mask = cv2.warpPerspective(np.ones((h, w), np.float32), m, (canvas_w, canvas_h))[..., None]
    out = warped * mask + desk * (1 - mask)
    angle = rng.choice([-1, 1]) * rng.uniform(3.0, 6.0)
    out = _rotate(out, angle, (96, 70, 48))
    # uneven light: brighter where the window is, a soft shadow of the phone at one corner
    yy, xx = np.mgrid[0:canvas_h, 0:canvas_w].astype(np.float32)
    lx, ly = rng.uniform(0.2, 0.8) * canvas_w, rng.uniform(0.0, 0.3) * canvas_h
    dist = np.sqrt((xx - lx) ** 2 + (yy - ly) ** 2) / np.hypot(canvas_w, canvas_h)
    light = 1.08 - 0.45 * dist
    shadow = np.exp(
        -(((xx - 0.9 * canvas_w) ** 2 + (yy - 0.95 * canvas_h) ** 2) / (2 * (0.18 * canvas_w) ** 2))
    )
    light -= 0.25 * shadow
    out *= light[..., None]
    out = cv2.GaussianBlur(out, (0, 0), 0.9)
    out += nrng.normal(0, 4, out.shape).astype(np.float32)
    return Image.fromarray(np.clip(out, 0, 255).astype(np.uint8))


def jpeg_bytes(
    img: Image.Image, quality: int, *, exif_orientation: int | None = None, dpi: int = 72
) -> bytes:
    buf = io.BytesIO()
    kw: dict = {"quality": quality, "optimize": False, "dpi": (dpi, dpi)}
    if exif_orientation:
        exif = Image.Exif()
        exif[0x0112] = exif_orientation
        exif[0x010F] = "samsung"  # Make
        exif[0x0110] = "SM-A325F"  # Model
        kw["exif"] = exif.tobytes()
    img.save(buf, "JPEG", **kw)
    return buf.getvalue()


def image_pdf(pages: list[Image.Image], dpi: int, quality: int) -> bytes:
    """An image-only PDF (no text layer), each page a JPEG, with fixed metadata."""
    import time

    fixed = time.struct_time((2024, 12, 20, 8, 0, 0, 4, 355, 0))
    jpegs = [Image.open(io.BytesIO(jpeg_bytes(p, quality))) for p in pages]
    buf = io.BytesIO()
    jpegs[0].save(
        buf,
        "PDF",
        save_all=True,
        append_images=jpegs[1:],
        resolution=float(dpi),
        creationDate=fixed,
        modDate=fixed,
        title="scan",
        producer="Scanner",
        creator="Scanner",
    )
    return buf.getvalue()
