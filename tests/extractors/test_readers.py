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


_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_WORD_AS_SHOWN = f"""<w:body {_W}
  xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"
  xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">
<w:p><w:r><w:t xml:space="preserve">Tổng số đảng viên: </w:t></w:r><w:ins><w:r><w:t>15</w:t></w:r></w:ins>
  <w:del><w:r><w:delText>14</w:delText></w:r></w:del><w:r><w:fldChar w:fldCharType="begin"/></w:r>
  <w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:t xml:space="preserve"> đồng chí</w:t></w:r></w:p>
<w:sdt><w:sdtContent><w:p><w:r><w:t>Trong ô nội dung</w:t></w:r></w:p></w:sdtContent></w:sdt>
<w:p><w:r><w:t>Neo</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx>
  <w:txbxContent><w:p><w:r><w:t>Trong khung chữ</w:t></w:r></w:p></w:txbxContent></wps:txbx></w:drawing></mc:Choice>
  <mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>Trong khung chữ</w:t></w:r></w:p></w:txbxContent></w:pict>
  </mc:Fallback></mc:AlternateContent></w:r></w:p>
<w:tbl>
  <w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>Xếp loại</w:t></w:r></w:p></w:tc>
    <w:tc><w:p><w:r><w:t>Hoàn thành xuất sắc</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>3</w:t></w:r></w:p></w:tc></w:tr>
  <w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>
    <w:tc><w:p><w:r><w:t>Hoàn thành tốt</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>12</w:t></w:r></w:p></w:tc></w:tr>
</w:tbl>
<w:sectPr/></w:body>"""


def _docx_with_body(path: Path, body_xml: str, header: list[str]) -> Path:
    from docx import Document
    from docx.oxml import parse_xml

    d = Document()
    hdr = d.sections[0].header
    hdr.paragraphs[0].text = header[0]
    for text in header[1:]:
        hdr.add_paragraph(text)
    body = d.element.body
    sect = body[-1]
    for el in parse_xml(body_xml)[:-1]:
        sect.addprevious(el)
    d.save(str(path))
    return path


def test_docx_reads_what_word_shows(tmp_path: Path, ctx: ReadContext) -> None:
    """Tracked changes, fields, content controls, text boxes, vertical merges and headers."""
    path = _docx_with_body(tmp_path / "w.docx", _WORD_AS_SHOWN, ["HUYỆN ỦY YÊN THẾ", "BAN TỔ CHỨC"])
    doc = read_file(path, "w.docx", ctx)
    assert [ln.text for ln in doc.lines] == [
        "HUYỆN ỦY YÊN THẾ",  # the header first, in its own order
        "BAN TỔ CHỨC",
        "Tổng số đảng viên: 15 đồng chí",  # the insertion, not the deletion or the field code
        "Trong ô nội dung",
        "Neo",
        "Trong khung chữ",  # once: the fallback copy of the text box is not read again
        "Xếp loại | Hoàn thành xuất sắc | 3",
        "Xếp loại | Hoàn thành tốt | 12",  # the merged cell belongs to both rows
    ]
    assert doc.lines[5].prov.block == doc.lines[4].prov.block == 2  # the text box stands at its anchor
    assert doc.lines[7].cells == ["Xếp loại", "Hoàn thành tốt", "12"] and doc.lines[7].prov.row == 1


def test_docx_in_strict_ooxml_reads_the_same(tmp_path: Path, ctx: ReadContext) -> None:
    import zipfile

    plain = _docx_with_body(tmp_path / "t.docx", _WORD_AS_SHOWN, ["HUYỆN ỦY YÊN THẾ"])
    strict = tmp_path / "s.docx"
    with zipfile.ZipFile(plain) as src, zipfile.ZipFile(strict, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename.endswith((".xml", ".rels")):
                data = data.replace(
                    b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
                    b"http://purl.oclc.org/ooxml/wordprocessingml/main",
                ).replace(
                    b"http://schemas.openxmlformats.org/officeDocument/2006/relationships",
                    b"http://purl.oclc.org/ooxml/officeDocument/relationships",
                )
            dst.writestr(info, data)
    assert b"purl.oclc.org" in zipfile.ZipFile(strict).read("word/document.xml")
    texts = lambda p: [ln.text for ln in read_file(p, p.name, ctx).lines]  # noqa: E731
    assert texts(strict) == texts(plain) and "HUYỆN ỦY YÊN THẾ" in texts(strict)


def test_docx_without_a_main_document_is_a_damaged_file(tmp_path: Path, ctx: ReadContext) -> None:
    import zipfile

    path = tmp_path / "x.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/other.xml", "<x/>")
    with pytest.raises(CorruptFile):
        read_file(path, "x.docx", ctx)


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
