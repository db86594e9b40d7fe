"""A 100-page scanned dossier: the review sheet stays small enough to mail and open (< 10 MB)."""

from __future__ import annotations

from pathlib import Path

from pipeline.reports import write_dossier_reports
from tests.pipeline.test_reports import SCAN_LINES, build_case, ocr_doc, render_scan
from validators import DossierFile
from validators.model import DocumentEntry, Evidence, Flag


def test_hundred_page_scan_stays_under_10_mb(tmp_path: Path) -> None:
    result, dossier = build_case(tmp_path)
    # Four distinct 300-dpi pages stand for the scan; each of the 100 pages points at one of them.
    images = []
    for i in range(4):
        image = tmp_path / f"page{i}.jpg"
        images.append((image, render_scan(image, [*SCAN_LINES, f"Trang mẫu {i}"] * 3, seed=i)))
    for f in range(4):
        name = f"Bao cao quet {f + 1}.pdf"
        image, boxes = images[f]
        doc = ocr_doc(name, image, boxes, pages=25)
        dossier.files.append(DossierFile(file=name, sha256=doc.sha256, text=doc, doc_type="bao_cao"))
        result.documents.append(
            DocumentEntry(
                file=name,
                sha256=doc.sha256,
                type="bao_cao",
                source="ocr",
                pages=25,
                ocr_confidence=80.0,
                page_methods=["ocr"] * 25,
            )
        )
        # A worst case: a low-confidence flag with evidence on every page.
        box = next(iter(boxes.values()))
        for p in range(1, 26):
            result.flags.append(
                Flag(
                    code="LOW_OCR_CONFIDENCE",
                    severity="warning",
                    message=f"{name} trang {p}: độ tin cậy OCR thấp",
                    evidence=[Evidence(file=name, page=p, text=SCAN_LINES[0], bbox=box)] * 3,
                )
            )
    out = tmp_path / "out"
    write_dossier_reports(result, dossier, out)
    html = (out / "review.html").read_text("utf-8")
    size = (out / "review.html").stat().st_size
    assert sum(d.pages for d in result.documents) >= 100
    assert size < 10 * 1024 * 1024, f"review.html is {size / 1e6:.1f} MB"
    assert html.count('<img src="data:image/jpeg;base64,') >= 100  # every page still has its thumbnail
    assert (out / "review.docx").stat().st_size < 10 * 1024 * 1024
