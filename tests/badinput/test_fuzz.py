"""Brief fuzzing of the readers: mutated DOCX, PDF, PNG and JPEG bytes never escape as a foreign error.

``extractors.read_file`` may return a document or raise a ``ReadError`` (which becomes a flag);
anything else escaping would crash the file's dossier. Mutations: bit flips, overwrites,
insertions, deletions and truncation, biased towards the headers where parsers branch most.
"""

from __future__ import annotations

import io
import tempfile
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractors import ReadContext, read_file
from extractors.errors import ReadError
from tests import builders as good
from tests.badinput import builders as b
from tests.badinput.corpus import docx_bytes, pdf_bytes

FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None)

SEEDS: dict[str, bytes] = {
    "docx": docx_bytes(tuple(good.BIEN_BAN)),
    "pdf": pdf_bytes(tuple(good.BIEN_BAN)),
    "png": b.image_bytes(b.text_image(("BIÊN BẢN",), (240, 80)), "PNG"),
    "jpeg": b.image_bytes(b.text_image(("BIÊN BẢN",), (240, 80)), "JPEG", quality=70),
}
with zipfile.ZipFile(io.BytesIO(SEEDS["docx"])) as _zf:
    DOCUMENT_XML = _zf.read("word/document.xml")


@st.composite
def mutated(draw: st.DrawFn, seed: bytes) -> bytes:
    data = bytearray(seed)
    for _ in range(draw(st.integers(1, 4))):
        if not data:
            break
        # Half the edits land in the first KB (headers, xref, zip local headers), half anywhere.
        pos = draw(st.one_of(st.integers(0, min(1023, len(data) - 1)), st.integers(0, len(data) - 1)))
        op = draw(st.sampled_from(["flip", "overwrite", "insert", "delete", "truncate"]))
        if op == "flip":
            data[pos] ^= 1 << draw(st.integers(0, 7))
        elif op == "overwrite":
            blob = draw(st.binary(min_size=1, max_size=16))
            data[pos : pos + len(blob)] = blob
        elif op == "insert":
            data[pos:pos] = draw(st.binary(min_size=1, max_size=64))
        elif op == "delete":
            del data[pos : pos + draw(st.integers(1, 64))]
        else:
            del data[pos:]
    return bytes(data)


def read_bytes(data: bytes, name: str, *, ocr: bool) -> None:
    with tempfile.TemporaryDirectory(prefix="hoso-fuzz-") as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        ctx = ReadContext(workdir=Path(tmp) / "pages", ocr_enabled=ocr)
        try:
            doc = read_file(path, name, ctx)
        except ReadError as exc:
            assert exc.code in ("UNREADABLE_FILE", "UNSUPPORTED_FILE") and exc.message_vi and exc.message_en
            return
        assert doc.pages and all(p.number == i for i, p in enumerate(doc.pages, start=1))


@FUZZ
@given(mutated(SEEDS["docx"]))
def test_fuzz_docx_bytes(data: bytes) -> None:
    read_bytes(data, "fuzz.docx", ocr=False)


@FUZZ
@given(mutated(DOCUMENT_XML))
def test_fuzz_docx_xml(xml: bytes) -> None:
    """The package is sound, the XML inside is mutated: lxml and python-docx errors must be mapped."""
    read_bytes(b.docx_with(SEEDS["docx"], {"word/document.xml": xml}), "fuzz.docx", ocr=False)


@FUZZ
@given(mutated(SEEDS["pdf"]))
def test_fuzz_pdf(data: bytes) -> None:
    read_bytes(data, "fuzz.pdf", ocr=False)


@pytest.mark.slow  # a decodable mutant goes through real Tesseract
@FUZZ
@given(mutated(SEEDS["png"]))
def test_fuzz_png(data: bytes) -> None:
    read_bytes(data, "fuzz.png", ocr=True)


@pytest.mark.slow  # a decodable mutant goes through real Tesseract
@FUZZ
@given(mutated(SEEDS["jpeg"]))
def test_fuzz_jpeg(data: bytes) -> None:
    read_bytes(data, "fuzz.jpg", ocr=True)
