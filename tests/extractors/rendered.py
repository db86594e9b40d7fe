"""Read a document written as blocks (samples.blocks) the way hoso reads a file: Word, text PDF or an
office scan of it, then the field readings per field. Shared by the layout tests."""

from __future__ import annotations

import random
import tempfile
from pathlib import Path

from extractors.fields import extract_fields
from extractors.readers import read_file
from extractors.readers.base import ReadContext
from extractors.vocabulary import DocType
from samples.blocks import Block
from samples.degrade import image_pdf, rasterise, scan
from samples.render import render_docx, render_pdf


def scanned(blocks: list[Block]) -> bytes:
    """The PDF of an office scan of the printed page (grey, slightly skewed, JPEG)."""
    rng = random.Random(7)
    pages = [scan(p, rng, colour=False) for p in rasterise(render_pdf(blocks, signed=True), 300)]
    return image_pdf(pages, 300, 60)


def read_rendered(blocks: list[Block], fmt: str, doc_type: DocType) -> dict[str, list]:
    """Field → the values read, in order; ``fmt`` is "docx", "pdf" or "scan"."""
    data = render_docx(blocks) if fmt == "docx" else scanned(blocks) if fmt == "scan" else render_pdf(blocks)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"document.{'pdf' if fmt == 'scan' else fmt}"
        path.write_bytes(data)
        doc = read_file(path, path.name, ReadContext(workdir=Path(tmp) / "work"))
    out: dict[str, list] = {}
    for r in extract_fields(doc, doc_type):
        out.setdefault(r.field, []).append(r.value)
    return out
