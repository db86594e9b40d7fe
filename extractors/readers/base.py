"""What every reader is given: limits, the OCR engine and where to keep page images."""

from __future__ import annotations

import hashlib
import os
import threading
from dataclasses import dataclass, field
from pathlib import Path


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


# One Tesseract process per core for the whole process, whatever the number of dossier workers:
# threads waiting on this semaphore cost nothing, extra Tesseract processes cost everything.
OCR_SLOTS = threading.BoundedSemaphore(_cores())


@dataclass
class Limits:
    """Bounds that keep one hostile or huge file from eating the machine."""

    max_file_bytes: int = 200 * 1024 * 1024
    max_pages: int = 300
    max_pixels: int = 80_000_000  # per page image, after rendering
    ocr_timeout_s: float = 120.0  # per page


@dataclass
class ReadContext:
    """Per-dossier reading context; ``workdir`` receives page images kept for evidence crops."""

    workdir: Path
    limits: Limits = field(default_factory=Limits)
    ocr_languages: str = "vie"
    ocr_dpi: int = 300
    ocr_enabled: bool = True
    # The process's OCR_SLOTS at the time the context is made: a worker process of
    # pipeline.workers replaces them with slots shared by all workers.
    ocr_slots: threading.BoundedSemaphore = field(default_factory=lambda: OCR_SLOTS)
    # Pages of one document OCR'd at once; the slots above still cap Tesseracts process-wide.
    ocr_threads: int = field(default_factory=_cores)
    tesseract_cmd: str | None = None  # None: pytesseract's setting, "tesseract" on PATH by default
    # A first read below this mean word confidence makes us ask Tesseract OSD whether the page is
    # turned. Upright clean pages read at 85–96; turned ones at 30–50 (measured), so OSD is skipped
    # for almost every page and costs ~0.6 s only on the doubtful ones.
    osd_below: float = 70.0

    def page_image_path(self, name: str, page: int) -> Path:
        safe = "".join(ch if ch.isalnum() else "_" for ch in name)[-80:]
        # "a b.pdf" and "a_b.pdf" fold to the same safe name: the digest keeps their pages apart.
        tag = hashlib.sha1(name.encode("utf-8")).hexdigest()[:8]
        self.workdir.mkdir(parents=True, exist_ok=True)
        return self.workdir / f"{safe}.{tag}.p{page:04d}.jpg"
