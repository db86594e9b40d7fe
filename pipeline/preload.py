"""What every worker process needs before its first dossier, loaded once in the workers' forkserver.

Imported by the forkserver of :mod:`pipeline.workers` (``set_forkserver_preload``), so the workers
fork with it in memory instead of each loading it on its first dossier: the readers' libraries,
the pattern rules (YAML, and their regular expressions compiled by reading a few sample lines),
the rule profiles (YAML, validated), the review sheet's templates and the code fingerprint of the
result cache. Measured: a fresh worker's first Word dossier took 0.6 s against
0.05 s for the next. Everything here is a cache the code fills anyway; nothing here changes a result.
"""

from __future__ import annotations

import cv2  # noqa: F401 - the imports themselves are the point: page preparation
import pdfplumber  # noqa: F401 - PDF text layer
import pypdfium2  # noqa: F401 - PDF pages for OCR
import pytesseract  # noqa: F401

from extractors import DocType, DocumentText, Line, Page, Provenance, classify, extract_fields
from extractors.nlp.structures import default_reader
from extractors.readers import ocr  # noqa: F401 - imported lazily by the PDF reader
from validators import Dossier, DossierFile, assess
from validators.profiles import profile_names

from . import cache
from .reports import docx_common, html

# A few lines of each kind the rules read (header, prose figures, a score row, OCR-damaged words),
# so that the rules compile their patterns here rather than on each worker's first dossiers.
_LINES = [
    "ĐẢNG BỘ CƠ QUAN CHÍNH QUYỀN HUYỆN",
    "CHI BỘ PHÒNG TƯ PHÁP",
    "Số 05-TTr/CB",
    "Thị trấn, ngày 20 tháng 12 năm 2024",
    "TỜ TRÌNH",
    "Tổng số đảng viên: 15 đồng chí, chính thức 13, có mặt 14, vắng 1 có lý do",
    "Số phiếu phát ra 13, thu về 13, hợp lệ 13; tán thành 13 (100%), không tán thành 0",
    "Sinh hoạt thường kỳ 12 kỳ, chuyên đề 4 kỳ, tỷ lệ dự 93,5%; không có đảng viên bị kỷ luật",
    "Hoàn thành xuất sắc nhiệm vụ 3, hoàn thành tốt nhiệm vụ 10, hoàn thành nhiệm vụ 2",
    "Sô phiéu tan thanh l3",
]
_ROWS = [["STT", "Tiêu chí", "Điểm chuẩn", "Điểm tự chấm"], ["1", "Hoàn thành tốt nhiệm vụ", "25", "24,5"]]


def _sample_text() -> DocumentText:
    prov = Provenance(file="warm.docx", page=1)
    lines = [Line(text=t, prov=prov) for t in _LINES]
    lines += [Line(text=" | ".join(r), cells=r, prov=prov) for r in _ROWS]
    return DocumentText(
        file="warm.docx", sha256="0" * 64, source="docx", pages=[Page(number=1, method="docx", lines=lines)]
    )


def warm() -> None:
    default_reader()  # the spaCy pipeline with the lexicon and structures of extractors/nlp
    text = _sample_text()
    classify(text)
    files = [
        DossierFile(
            file=f"{t.value}.docx", sha256="0" * 64, text=text, doc_type=t, readings=extract_fields(text, t)
        )
        for t in DocType
    ]
    for name in profile_names():
        assess(Dossier(id="warm", files=files), name)
    html.environment().get_template("review.html.j2")
    docx_common.new_document().to_bytes()
    cache.code_fingerprint()


warm()
