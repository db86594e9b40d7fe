"""Readers: docx reading order and provenance, PDF pages, sniffing by content, typed errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors import ReadContext, read_file
from extractors.errors import CorruptFile, EmptyFile, UnsupportedFormat
from extractors.sniff import sniff
from tests.builders import make_docx, make_text_pdf


@pytest.fixture
def ctx(tmp_path: Path) -> ReadContext:
    return ReadContext(workdir=tmp_path / "pages", ocr_enabled=False)


def test_docx_keeps_tables_where_they_stand(tmp_path: Path, ctx: ReadContext) -> None:
    path = make_docx(
        tmp_path / "a.docx",
        [
            "Trước bảng",
            [["Nội dung", "Số lượng"], ["Phiếu phát ra", "12"]],
            "Sau bảng",
            [["Tán thành", "11"]],
        ],
    )
    doc = read_file(path, "a.docx", ctx)
    assert [ln.text for ln in doc.lines] == [
        "Trước bảng",
        "Nội dung | Số lượng",
        "Phiếu phát ra | 12",
        "Sau bảng",
        "Tán thành | 11",
    ]
    row = doc.lines[2]
    assert row.cells == ["Phiếu phát ra", "12"]
    assert (row.prov.block, row.prov.table, row.prov.row) == (1, 0, 1)
    assert doc.lines[4].prov.table == 1
    assert doc.lines[3].prov.block == 2 and doc.lines[3].cells is None
    assert doc.source == "docx" and doc.pages[0].number == 1


def test_docx_merged_cells_read_once(tmp_path: Path, ctx: ReadContext) -> None:
    from docx import Document

    d = Document()
    t = d.add_table(rows=1, cols=3)
    t.cell(0, 0).merge(t.cell(0, 1)).text = "Tổng số đảng viên"
    t.cell(0, 2).text = "15"
    d.save(str(tmp_path / "m.docx"))
    doc = read_file(tmp_path / "m.docx", "m.docx", ctx)
    assert doc.lines[0].cells == ["Tổng số đảng viên", "15"]


def test_pdf_pages_are_numbered_from_one_with_boxes(tmp_path: Path, ctx: ReadContext) -> None:
    path = make_text_pdf(
        tmp_path / "b.pdf",
        [["BIÊN BẢN KIỂM PHIẾU", "Số phiếu phát ra: 12"], ["Trang hai: tán thành 11 phiếu"]],
    )
    doc = read_file(path, "b.pdf", ctx)
    assert [p.number for p in doc.pages] == [1, 2]
    assert all(p.method == "pdf_text" for p in doc.pages)
    first = doc.pages[0].lines[0]
    assert first.text == "BIÊN BẢN KIỂM PHIẾU"
    assert first.prov.page == 1 and first.prov.bbox is not None and first.prov.bbox.unit == "pt"
    assert first.prov.bbox.y0 < doc.pages[0].lines[1].prov.bbox.y0  # origin top-left
    assert doc.pages[1].lines[0].prov.page == 2


def test_pdf_page_without_text_layer_is_reported_not_guessed(tmp_path: Path, ctx: ReadContext) -> None:
    path = make_text_pdf(tmp_path / "c.pdf", [["TỜ TRÌNH đề nghị công nhận chi bộ bốn tốt năm 2024"], []])
    doc = read_file(path, "c.pdf", ctx)
    assert doc.pages[0].method == "pdf_text"
    assert doc.pages[1].method == "none" and doc.pages[1].lines == []


def test_sniff_trusts_bytes_not_extensions(tmp_path: Path) -> None:
    pdf_named_docx = make_text_pdf(tmp_path / "x.pdf", [["chữ"]]).rename(tmp_path / "x.docx")
    docx_named_pdf = make_docx(tmp_path / "y.docx", ["chữ"]).rename(tmp_path / "y.pdf")
    assert sniff(pdf_named_docx) == "pdf"
    assert sniff(docx_named_pdf) == "docx"
    (tmp_path / "empty.pdf").write_bytes(b"")
    assert sniff(tmp_path / "empty.pdf") == "empty"


def test_reader_errors_are_typed(tmp_path: Path, ctx: ReadContext) -> None:
    (tmp_path / "empty.docx").write_bytes(b"")
    with pytest.raises(EmptyFile):
        read_file(tmp_path / "empty.docx", "empty.docx", ctx)
    (tmp_path / "notes.txt").write_text("ghi chú", "utf-8")
    with pytest.raises(UnsupportedFormat) as exc:
        read_file(tmp_path / "notes.txt", "notes.txt", ctx)
    assert "docx" in exc.value.message_vi
    good = make_docx(tmp_path / "good.docx", ["chữ"]).read_bytes()
    (tmp_path / "cut.docx").write_bytes(good[: len(good) // 2])
    with pytest.raises(CorruptFile):
        read_file(tmp_path / "cut.docx", "cut.docx", ctx)
    (tmp_path / "cut.pdf").write_bytes(b"%PDF-1.4\n1 0 obj <<")
    with pytest.raises(CorruptFile):
        read_file(tmp_path / "cut.pdf", "cut.pdf", ctx)
