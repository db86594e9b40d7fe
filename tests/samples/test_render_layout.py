"""The layout features round 2 of the unseen corpus writes with (merged cells, header rows repeated on each
page, running headers and footers with page numbers, page breaks), in both renderers."""

from __future__ import annotations

import io

import pdfplumber
from docx import Document

from samples.blocks import PageBreak, PageFurniture, Para, Table, Title
from samples.render import render_docx, render_pdf


def _long_table() -> Table:
    rows = [["TT", "Nội dung", "Điểm", ""], ["", "", "Chuẩn", "Tự chấm"]]
    rows += [[str(i), f"Nội dung số {i} " * 3, "8", "7,5"] for i in range(1, 41)]
    rows[5] = ["4", "Hàng gộp ngang", "", ""]
    return Table(
        rows,
        [0.1, 0.6, 0.15, 0.15],
        bold_rows={0, 1},
        spans={(0, 0): (2, 1), (0, 1): (2, 1), (0, 2): (1, 2), (5, 1): (1, 3)},
        header_rows=2,
    )


BLOCKS = [
    PageFurniture(header="Mẫu số 04", footer="Trang {page}/{pages}"),
    Title("PHIẾU"),
    _long_table(),
    PageBreak(),
    Para("Trang cuối."),
]


def test_pdf_repeats_header_rows_and_numbers_pages() -> None:
    with pdfplumber.open(io.BytesIO(render_pdf(BLOCKS))) as pdf:
        pages = [p.extract_text() or "" for p in pdf.pages]
    assert len(pages) >= 3
    for n, text in enumerate(pages, 1):
        assert f"Trang {n}/{len(pages)}" in text
        assert "Mẫu số 04" in text
    table_pages = [t for t in pages if "Nội dung số" in t]
    assert len(table_pages) >= 2
    assert all("Tự chấm" in t for t in table_pages)  # the header rows on every page the table runs onto
    assert "Trang cuối." in pages[-1] and "Nội dung số" not in pages[-1]  # the page break


def test_pdf_without_the_new_features_is_unchanged_by_them() -> None:
    plain = [Title("PHIẾU"), Table([["a", "b"], ["1", "2"]], [0.5, 0.5])]
    assert render_pdf(plain) == render_pdf(plain)
    with pdfplumber.open(io.BytesIO(render_pdf(plain))) as pdf:
        assert len(pdf.pages) == 1
        assert "Trang" not in (pdf.pages[0].extract_text() or "")


def test_docx_merges_cells_marks_header_rows_and_numbers_pages() -> None:
    doc = Document(io.BytesIO(render_docx(BLOCKS)))
    table = doc.tables[0]
    xml = table._tbl.xml
    assert xml.count("<w:tblHeader") == 2
    assert '<w:gridSpan w:val="2"/>' in xml and '<w:gridSpan w:val="3"/>' in xml
    assert "<w:vMerge" in xml
    assert [c.text for c in table.rows[5].cells] == ["4"] + ["Hàng gộp ngang"] * 3
    assert table.cell(1, 0).text == "TT"  # merged down from the first header row
    footer = doc.sections[0].footer._element.xml
    assert "PAGE" in footer and "NUMPAGES" in footer
    assert "Mẫu số 04" in doc.sections[0].header.paragraphs[0].text
    assert any('w:type="page"' in p._p.xml for p in doc.paragraphs)
