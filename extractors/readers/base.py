"""What every reader is given: limits, the OCR engine and where to keep page images."""

from __future__ import annotations

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
    ocr_slots: threading.BoundedSemaphore = OCR_SLOTS

    def page_image_path(self, name: str, page: int) -> Path:
        safe = "".join(ch if ch.isalnum() else "_" for ch in name)[-80:]
        self.workdir.mkdir(parents=True, exist_ok=True)
        return self.workdir / f"{safe}.p{page:04d}.jpg"
