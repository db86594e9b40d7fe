"""What every worker process needs before its first dossier, loaded once in the workers' forkserver.

Imported by the forkserver of :mod:`pipeline.workers` (``set_forkserver_preload``), so the workers
fork with it in memory instead of each loading it on its first dossier: the readers' libraries,
the pattern rules and rule profiles (YAML, validated), the review sheet's templates and the code
fingerprint of the result cache. Measured: a fresh worker's first Word dossier took 0.6 s against
0.05 s for the next. Everything here is a cache the code fills anyway; nothing here changes a result.
"""

from __future__ import annotations

import cv2  # noqa: F401 - the imports themselves are the point: page preparation
import pdfplumber  # noqa: F401 - PDF text layer
import pypdfium2  # noqa: F401 - PDF pages for OCR
import pytesseract  # noqa: F401

from extractors.fields.patterns import load_patterns
from extractors.readers import ocr  # noqa: F401 - imported lazily by the PDF reader
from validators.profiles import load_profile, profile_names

from . import cache
from .reports import docx_common, html


def warm() -> None:
    load_patterns()
    for name in profile_names():
        load_profile(name)
    html.environment().get_template("review.html.j2")
    docx_common.new_document()
    cache.code_fingerprint()


warm()
