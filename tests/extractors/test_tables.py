"""One table model for every source: the same score table as Word, ruled text PDF and scan.

The tables here are written for these tests (their own wording), with a header over two rows:
"Điểm tối đa" wraps in a narrow column ("Điểm tối" / "đa" on the page) and "Chi bộ tự chấm"
is merged over a deduction column and a score column.
"""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np
import pytest
from docx import Document
from docx.oxml.ns import qn
from rapidfuzz import fuzz

from extractors.fields import extract_fields
from extractors.fields.criteria import score_table
from extractors.model import Box, Cell, DocumentText, Page
from extractors.readers import docx as docx_reader
from extractors.readers import pdf as pdf_reader
from extractors.readers.base import ReadContext
from extractors.tables import build_table, column_role, table_lines
from extractors.vocabulary import DocType

from ..builders import DEJAVU

HEAD = [
    ["STT", "Nội dung chấm điểm", "Điểm tối đa", "Chi bộ tự chấm", "Chi bộ tự chấm"],
    ["STT", "Nội dung chấm điểm", "Điểm tối đa", "Điểm trừ", "Điểm đạt"],
]
BODY = [
    ["1", "Lãnh đạo thực hiện nhiệm vụ chính trị của đơn vị", "30", "0,5", "29,5"],
    ["1.1", "Cụ thể hóa kịp thời chủ trương của cấp trên", "12", "0,5", "11,5"],
    ["1.2", "Đơn vị hoàn thành kế hoạch công tác năm", "18", "", "18"],
    ["2", "Sinh hoạt chi bộ nền nếp, có chất lượng", "25", "", "25"],
    ["3", "Nội bộ thống nhất, giữ nghiêm kỷ cương", "20", "1", "19"],
    ["4", "Đội ngũ cán bộ, đảng viên gương mẫu", "25", "", "25"],
    ["", "Tổng cộng", "100", "1,5", "98,5"],
]
WIDTHS = [32, 230, 46, 60, 60]  # points: "Điểm tối đa" wraps in its 46 pt column


def _score_docx(path: Path) -> Path:
    doc = Document()
    doc.add_paragraph("BẢNG CHẤM ĐIỂM CÁC TIÊU CHÍ NĂM 2024")
    t = doc.add_table(rows=2 + len(BODY), cols=5)
    for c in (0, 1, 2):  # vertical merges over the two header rows
        t.cell(0, c).merge(t.cell(1, c)).text = HEAD[0][c]
    t.cell(0, 3).merge(t.cell(0, 4)).text = HEAD[0][3]  # horizontal merge
    t.cell(1, 3).text, t.cell(1, 4).text = HEAD[1][3], HEAD[1][4]
    for r, row in enumerate(BODY, start=2):
        for c, text in enumerate(row):
            t.cell(r, c).text = text
    doc.add_paragraph("Chi bộ đề nghị cấp trên xem xét.")
    doc.save(str(path))
    return path


def _register() -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if "DejaVu" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVu", DEJAVU))
    return "DejaVu"


def _ruled_pdf(
    path: Path,
    head: list[list[str]],
    body: list[list[str]],
    widths: list[float],
    spans,
    *,
    ruled: bool = True,
) -> Path:
    """A text PDF with the table drawn in ruling lines (reportlab platypus), cells wrapped in their
    column; ``ruled=False`` draws no line at all (the columns are only in the text's alignment)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer
    from reportlab.platypus import Table as RLTable

    font = _register()
    style = ParagraphStyle("cell", fontName=font, fontSize=10, leading=12)
    rows = []
    for r, row in enumerate(head + body):
        out = []
        for c, text in enumerate(row):
            covered = any(
                (r, c) != (r0, c0) and r0 <= r <= r1 and c0 <= c <= c1 for (c0, r0), (c1, r1) in spans
            )
            out.append("" if covered else Paragraph(text, style))
        rows.append(out)
    table = RLTable(rows, colWidths=widths)
    grid = [("GRID", (0, 0), (-1, -1), 0.8, "black")] if ruled else []
    table.setStyle([*grid, *(("SPAN", a, b) for a, b in spans)])
    title = ParagraphStyle("title", fontName=font, fontSize=12, leading=15)
    doc = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=60, rightMargin=60, topMargin=60)
    doc.build(
        [
            Paragraph("BẢNG CHẤM ĐIỂM CÁC TIÊU CHÍ NĂM 2024", title),
            Spacer(1, 12),
            table,
            Spacer(1, 12),
            Paragraph("Chi bộ đề nghị cấp trên xem xét.", title),
        ]
    )
    return path


SCORE_SPANS = [((0, 0), (0, 1)), ((1, 0), (1, 1)), ((2, 0), (2, 1)), ((3, 0), (4, 0))]


def _score_pdf(path: Path) -> Path:
    return _ruled_pdf(path, HEAD, BODY, WIDTHS, SCORE_SPANS)


def _read_docx(path: Path, tmp: Path) -> DocumentText:
    return docx_reader.read(path, path.name, "0" * 64, ReadContext(workdir=tmp / "work"))


def _read_pdf(path: Path, tmp: Path) -> DocumentText:
    return pdf_reader.read(path, path.name, "0" * 64, ReadContext(workdir=tmp / "work"))


def _score_rows(doc: DocumentText) -> list[tuple[str, object]]:
    out = []
    for r in extract_fields(doc, DocType.PHIEU_TU_DANH_GIA):
        if r.field in ("criterion", "criterion_item", "criteria_total"):
            out.append((r.field, {k: v for k, v in r.value.items() if k != "passed"}))
    return out


EXPECTED_HEADER = [
    "STT",
    "Nội dung chấm điểm",
    "Điểm tối đa",
    "Chi bộ tự chấm Điểm trừ",
    "Chi bộ tự chấm Điểm đạt",
]
EXPECTED_ROLES = ["index", "label", "max", "deduction", "score"]
EXPECTED_SCORES = [
    ("criterion", {"index": 1, "max": 30.0, "score": 29.5}),
    ("criterion_item", {"criterion": 1, "item": "1.1", "max": 12.0, "score": 11.5}),
    ("criterion_item", {"criterion": 1, "item": "1.2", "max": 18.0, "score": 18.0}),
    ("criterion", {"index": 2, "max": 25.0, "score": 25.0}),
    ("criterion", {"index": 3, "max": 20.0, "score": 19.0}),
    ("criterion", {"index": 4, "max": 25.0, "score": 25.0}),
    ("criteria_total", {"max": 100.0, "score": 98.5}),
]


def _table(doc: DocumentText):
    tables = [t for t in doc.tables if "max" in t.roles]
    assert len(tables) == 1, [t.header for t in doc.tables]
    return tables[0]


def test_word_score_table_merged_two_row_header(tmp_path: Path) -> None:
    doc = _read_docx(_score_docx(tmp_path / "phieu.docx"), tmp_path)
    t = _table(doc)
    assert t.header_rows == 2
    assert t.header == EXPECTED_HEADER
    assert t.roles == EXPECTED_ROLES
    assert [r[:5] for r in t.texts()[2:]] == BODY
    assert t.rows[0][4].spanned and t.rows[1][0].spanned and not t.rows[1][3].spanned
    assert _score_rows(doc) == EXPECTED_SCORES


def test_text_pdf_ruled_table_gives_the_word_table(tmp_path: Path) -> None:
    pdf = _score_pdf(tmp_path / "phieu.pdf")
    doc = _read_pdf(pdf, tmp_path)
    # The header cell wraps on the page: pdfplumber's words alone split it over two lines.
    words = [ln.text for ln in pdf_reader._group_lines(_words(pdf), "p", 1)]
    assert not any("Điểm tối đa" in w for w in words)
    t = _table(doc)
    assert t.header == EXPECTED_HEADER and t.roles == EXPECTED_ROLES
    assert t.texts()[t.header_rows :] == BODY
    assert t.page == 1 and t.bbox is not None and t.bbox.unit == "pt"
    cell = t.rows[2][2]
    assert cell.text == "30" and cell.words and cell.words[0].bbox.unit == "pt" and cell.page == 1
    assert _score_rows(doc) == EXPECTED_SCORES
    word = _table(_read_docx(_score_docx(tmp_path / "p.docx"), tmp_path))
    assert word.texts()[word.header_rows :] == t.texts()[t.header_rows :]


def test_text_pdf_table_without_lines_read_from_its_alignment(tmp_path: Path) -> None:
    pdf = _ruled_pdf(tmp_path / "phieu.pdf", HEAD, BODY, WIDTHS, SCORE_SPANS, ruled=False)
    doc = _read_pdf(pdf, tmp_path)
    t = _table(doc)
    # Three header lines on the page ("Chi bộ tự chấm", "Điểm", "STT | Nội dung … | tối đa | …").
    assert t.header == EXPECTED_HEADER and t.roles == EXPECTED_ROLES
    assert t.texts()[t.header_rows :] == BODY  # wrapped labels joined to their row
    assert _score_rows(doc) == EXPECTED_SCORES


def _words(pdf: Path) -> list[dict]:
    import pdfplumber

    with pdfplumber.open(str(pdf)) as p:
        return p.pages[0].extract_words(x_tolerance=1.5, y_tolerance=2)


@pytest.mark.slow
def test_scanned_ruled_table_gives_the_same_table_and_criteria(tmp_path: Path) -> None:
    from samples.degrade import image_pdf, rasterise, scan

    pdf = _score_pdf(tmp_path / "phieu.pdf")
    pages = [scan(p, random.Random(7), colour=False) for p in rasterise(pdf.read_bytes(), 200)]
    scanned = tmp_path / "scan.pdf"
    scanned.write_bytes(image_pdf(pages, 200, 85))
    doc = _read_pdf(scanned, tmp_path)
    assert doc.source == "ocr"
    t = _table(doc)
    assert t.roles == EXPECTED_ROLES
    assert t.bbox is not None and t.bbox.unit == "px"
    body = t.texts()[t.header_rows :]
    assert len(body) == len(BODY)
    for got, want in zip(body, BODY, strict=True):
        assert [got[0], *got[2:]] == [want[0], *want[2:]]  # index and numbers: exactly
        assert fuzz.ratio(got[1], want[1]) >= 85  # the label: OCR may lose an accent
    number = t.rows[t.header_rows][2]
    assert number.confidence is not None and number.words and number.words[0].bbox.unit == "px"
    assert _score_rows(doc) == EXPECTED_SCORES


# -- reading by column role ----------------------------------------------------------------


def _grid(rows: list[list[str]], page: int = 1) -> list[list[Cell]]:
    return [[Cell(text=t, page=page) for t in row] for row in rows]


def _lines(rows: list[list[str]]):
    table = build_table(_grid(rows), file="x.pdf", source="ocr", page=1)
    return table, table_lines(table, "x.pdf")


def _values(lines) -> list[tuple[str, dict]]:
    return [(h.field, h.value) for h in score_table(lines)]


def test_deduction_column_is_never_max_or_score() -> None:
    rows = [
        ["TT", "Nội dung", "Trừ", "Thang điểm", "Tự đánh giá"],
        ["1", "Lãnh đạo nhiệm vụ chính trị", "0,5", "30", "29,5"],
        ["1.1", "Triển khai nghị quyết", "0,5", "12", ""],  # the score cell left empty
        ["2", "Sinh hoạt chi bộ", "", "25", "25"],
    ]
    table, lines = _lines(rows)
    assert table.roles == ["index", "label", "deduction", "max", "score"]
    got = _values(lines)
    assert got[0] == ("criterion", {"index": 1, "max": 30.0, "score": 29.5, "passed": None})
    assert got[1][1]["max"] == 12.0 and got[1][1]["score"] is None  # not the 0,5 of the deduction
    assert got[2][1]["score"] == 25.0


def test_lost_decimal_comma_is_read_back() -> None:
    rows = [
        ["STT", "Nội dung", "Điểm chuẩn", "Điểm tự chấm"],
        ["1", "Hoàn thành tốt nhiệm vụ chính trị", "25", "24,3"],
        ["1.1", "Quán triệt nghị quyết", "8,4", "79"],  # OCR lost the comma of 7,9
        ["1.2", "Chỉ tiêu chuyên môn", "84", "8,2"],  # and of the maximum 8,4
        ["1.3", "Đoàn thể vững mạnh", "8,2", "8,2"],
    ]
    _, lines = _lines(rows)
    got = {v.get("item", v.get("index")): v for _, v in _values(lines)}
    assert got["1.1"]["max"] == 8.4 and got["1.1"]["score"] == pytest.approx(7.9)
    assert got["1.2"]["max"] == pytest.approx(8.4) and got["1.2"]["score"] == 8.2


def test_impossible_criterion_max_is_doubted_not_accepted() -> None:
    rows = [
        ["TT", "Tiêu chí", "Điểm tối đa", "Điểm tự chấm"],
        ["1", "Hoàn thành tốt nhiệm vụ chính trị", "95,6", "24,5"],
        ["2", "Chất lượng sinh hoạt tốt", "25", "25"],
        ["3", "Đoàn kết, kỷ luật tốt", "25", "25"],
        ["4", "Cán bộ, đảng viên tốt", "25", "24"],
        ["", "Tổng cộng", "100", "98,5"],
    ]
    _, lines = _lines(rows)
    first = _values(lines)[0][1]
    assert first["max"] is None and first["max_read"] == 95.6 and "95,6" in first["doubt"]
    assert first["score"] == 24.5


def test_item_max_ten_times_its_criterion_is_read_as_a_lost_comma() -> None:
    rows = [
        ["TT", "Tiêu chí", "Điểm tối đa", "Điểm tự chấm"],
        ["1", "Hoàn thành tốt nhiệm vụ chính trị", "25", "24,5"],
        ["1.1", "Quán triệt nghị quyết", "95", ""],  # 9,5 with its comma lost, no self-score read
        ["1.2", "Chỉ tiêu chuyên môn", "15,5", "15"],
    ]
    _, lines = _lines(rows)
    got = {v.get("item", v.get("index")): v for _, v in _values(lines)}
    assert got["1.1"]["max"] == 9.5 and got["1.1"]["max_read"] == 95 and "9,5" in got["1.1"]["doubt"]
    assert "doubt" not in got["1.2"]


@pytest.mark.parametrize(
    ("label", "own", "role"),
    [
        ("Điểm chuẩn", None, "max"),
        ("Thang điểm", None, "max"),
        ("Điểm tự đánh giá", None, "score"),
        ("Kết quả tự chấm", None, "score"),
        ("Điểm trừ", None, "deduction"),
        ("Chi bộ tự chấm Điểm trừ", "Điểm trừ", "deduction"),
        ("Chỉ tiêu kế hoạch", None, "target"),
        ("Kết quả thực hiện", None, "result"),
        ("Tỷ lệ (%)", None, "pct"),
        ("TT", None, "index"),
        ("Ghi chú", None, "note"),
        ("Điểm tối đa", "đa", "max"),
    ],
)
def test_column_roles_from_header_words(label: str, own: str | None, role: str) -> None:
    assert column_role(label, ["12", "8,5"], own) == role


def test_chi_tieu_column_of_words_is_the_label() -> None:
    assert column_role("Chỉ tiêu", ["Tổng số đảng viên", "Đảng viên dự bị"]) == "label"


# -- a label/value table with a merged header ----------------------------------------------

KV = [
    ["Thành phần tham dự cuộc họp", "Thành phần tham dự cuộc họp"],
    ["Đảng viên của chi bộ", "23 (chính thức 21, dự bị 02)"],
    ["Trong đó dự bị", "2"],
    ["Số đồng chí có mặt", "21"],
]


def test_label_value_table_with_merged_header_in_word_and_pdf(tmp_path: Path) -> None:
    doc = Document()
    doc.add_paragraph("BIÊN BẢN KIỂM PHIẾU")
    t = doc.add_table(rows=len(KV), cols=2)
    t.cell(0, 0).merge(t.cell(0, 1)).text = KV[0][0]
    for r, row in enumerate(KV[1:], start=1):
        t.cell(r, 0).text, t.cell(r, 1).text = row
    doc.save(str(tmp_path / "bb.docx"))
    word = _read_docx(tmp_path / "bb.docx", tmp_path)
    # In the PDF the rows come from the ruling lines, not from the gap between label and value.
    pdf = _read_pdf(_ruled_pdf(tmp_path / "bb.pdf", KV[:1], KV[1:], [150, 160], [((0, 0), (1, 0))]), tmp_path)
    for d in (word, pdf):
        (tbl,) = d.tables
        assert tbl.header_rows == 1 and tbl.header == [KV[0][0], KV[0][0]]
        assert tbl.roles[0] == "label"
        assert tbl.texts()[1:] == KV[1:]
        rows = [ln for ln in d.lines if ln.prov.table == tbl.index and ln.roles]
        assert [ln.cells for ln in rows] == KV[1:]  # each row its own line, label and value apart
    head = next(ln for ln in pdf.lines if ln.prov.table is not None)
    assert head.cells == [KV[0][0]]  # the merged cell once, as Word gives it
    assert qn("w:gridSpan")  # python-docx wrote a real merge


def test_table_going_on_over_a_page_takes_the_header() -> None:
    first = build_table(_grid([HEAD[1], BODY[0], BODY[1]]), file="x", source="pdf_text", page=1)
    second = build_table(_grid([BODY[3], BODY[4]], 2), file="x", source="pdf_text", page=2)
    pages = [
        Page(number=1, method="pdf_text", tables=[first]),
        Page(number=2, method="pdf_text", tables=[second]),
    ]
    lines2 = table_lines(second, "x")
    pages[1].lines = lines2
    from extractors.tables import link_tables

    link_tables(pages)
    assert second.index == 1 and second.continues == 0
    assert second.roles == ["index", "label", "max", "deduction", "score"]
    assert lines2[0].roles == second.roles and lines2[0].prov.table == 1


def test_header_repeated_on_the_next_page_with_cells_lost_takes_the_roles_before() -> None:
    """A scan of page 2 repeats the header but OCR lost "Điểm tối đa" and "Điểm trừ": those columns
    keep the roles page 1 gave them; a header that names other things takes nothing."""
    from extractors.tables import link_tables

    first = build_table(_grid([HEAD[1], BODY[0], BODY[1]]), file="x", source="ocr", page=1)
    lost = ["STT", "Nội dung chấm điểm", "", "", "Điểm đạt"]
    second = build_table(_grid([lost, BODY[3], BODY[4]], 2), file="x", source="ocr", page=2)
    pages = [Page(number=1, method="ocr", tables=[first]), Page(number=2, method="ocr", tables=[second])]
    pages[1].lines = table_lines(second, "x")
    assert second.roles[2] != "max"
    link_tables(pages)
    assert second.continues == 0 and second.roles == ["index", "label", "max", "deduction", "score"]
    body = [ln for ln in pages[1].lines if ln.roles]
    assert body and all(ln.roles == second.roles for ln in body)
    assert _score_rows(DocumentText(file="x", sha256="0", source="ocr", pages=pages))[:1] == [
        ("criterion", {"index": 2, "max": 25.0, "score": 25.0})
    ]
    other = build_table(
        _grid([["STT", "Tên chi bộ", "", "", "Ghi chú"], BODY[3]], 2), file="y", source="ocr", page=2
    )
    first2 = build_table(_grid([HEAD[1], BODY[0]]), file="y", source="ocr", page=1)
    link_tables([Page(number=1, method="ocr", tables=[first2]), Page(number=2, method="ocr", tables=[other])])
    assert other.continues is None and "max" not in other.roles


# -- a justified line is prose, however wide its gaps ---------------------------------------

JUSTIFIED = "Chi bộ tổ chức 12 cuộc sinh hoạt thường kỳ và 4 cuộc sinh hoạt chuyên đề"


def test_justified_pdf_line_is_not_split_into_cells(tmp_path: Path) -> None:
    from reportlab.pdfgen import canvas

    font = _register()
    path = tmp_path / "bc.pdf"
    c = canvas.Canvas(str(path), invariant=1)
    c.setFont(font, 12)
    x = 60.0
    # Justified: every space stretched to 18 pt, wider than the 14 pt that separates table cells.
    for word in JUSTIFIED.split(" "):
        c.drawString(x, 700, word)
        x += c.stringWidth(word, font, 12) + 18
    c.drawString(60, 670, "Số đảng viên dự họp")  # a label and its value far apart: two cells
    c.drawString(400, 670, "21")
    c.showPage()
    c.save()
    lines = _read_pdf(path, tmp_path).lines
    assert lines[0].cells is None and lines[0].text.endswith("sinh hoạt chuyên đề")
    assert lines[1].cells == ["Số đảng viên dự họp", "21"]


def test_justified_ocr_line_is_not_split_into_cells() -> None:
    from extractors.readers.ocr import _Word, build_lines

    words, x = [], 100
    for i, word in enumerate(JUSTIFIED.split(" ")[2:]):
        words.append(_Word(word, x, 100, 20 * len(word), 40, 92.0, (1, 1, 1)))
        x += 20 * len(word) + 70 + (i % 3) * 4  # gaps of 70–78 px, all over 1.5 word heights
    words += [_Word("Có", 100, 200, 60, 40, 95.0, (2, 1, 1)), _Word("mặt", 170, 200, 80, 40, 95.0, (2, 1, 1))]
    words.append(_Word("21", 1200, 200, 40, 40, 90.0, (3, 1, 1)))
    lines = build_lines(words, "p.png", 1)
    assert lines[0].cells is None
    assert lines[1].cells == ["Có mặt", "21"]


def test_word_row_merged_over_index_and_label_keeps_its_columns(tmp_path: Path) -> None:
    doc = Document()
    t = doc.add_table(rows=4, cols=5)
    for c, text in enumerate(["TT", "Nội dung", "Điểm trừ", "Điểm tối đa", "Điểm tự chấm"]):
        t.cell(0, c).text = text
    t.cell(1, 0).merge(t.cell(1, 1)).text = "I. Tiêu chí 1: Lãnh đạo nhiệm vụ chính trị"
    for c, text in [(2, "1"), (3, "30"), (4, "29")]:
        t.cell(1, c).text = text
    for r, row in (
        (2, ["1", "Triển khai nghị quyết", "0,5", "12", "11,5"]),
        (3, ["2", "Kế hoạch năm", "", "18", ""]),
    ):
        for c, text in enumerate(row):
            t.cell(r, c).text = text
    doc.save(str(tmp_path / "p.docx"))
    lines = [ln for ln in _read_docx(tmp_path / "p.docx", tmp_path).lines if ln.roles]
    assert lines[0].cells == ["I. Tiêu chí 1: Lãnh đạo nhiệm vụ chính trị", "1", "30", "29"]
    assert lines[0].roles == ["label", "deduction", "max", "score"]
    got = _values(lines)
    assert got[0] == ("criterion", {"index": 1, "max": 30.0, "score": 29.0, "passed": None})
    assert got[1][1] == {"criterion": 1, "item": "1.1", "max": 12.0, "score": 11.5, "passed": None}
    assert got[2][1]["max"] == 18.0 and got[2][1]["score"] is None


def test_item_max_far_above_its_column_is_a_lost_comma_even_without_criterion_rows() -> None:
    rows = [
        ["TT", "Nội dung", "Điểm tối đa", "Điểm tự chấm"],
        ["1.1", "Quán triệt nghị quyết", "8,5", "8"],
        ["1.2", "Chỉ tiêu chuyên môn", "79", ""],  # 7,9; no self-score, no criterion row to compare
        ["1.3", "Đoàn thể vững mạnh", "10", "10"],
    ]
    _, lines = _lines(rows)
    got = {v["item"]: v for _, v in _values(lines)}
    assert got["1.2"]["max"] == pytest.approx(7.9) and got["1.2"]["max_read"] == 79
    assert got["1.1"]["max"] == 8.5 and "doubt" not in got["1.3"]


# -- grid detection on a page image (no OCR) -----------------------------------------------


def _ruled_image() -> np.ndarray:
    import cv2

    img = np.full((1400, 1000), 235, np.uint8)
    xs, ys = [100, 180, 600, 750, 900], [300, 380, 440, 500, 560, 620]
    for y in ys:
        cv2.line(img, (xs[0], y), (xs[-1], y), 30, 3)
    for x in xs:
        top = ys[1] if x == 750 else ys[0]  # no rule between the last two headings: one merged cell
        cv2.line(img, (x, top), (x, ys[-1]), 30, 3)
    cv2.putText(img, "12", (640, 480), cv2.FONT_HERSHEY_SIMPLEX, 1.2, 30, 3)  # ink in one cell
    cv2.putText(img, "Title line above the table", (100, 200), cv2.FONT_HERSHEY_SIMPLEX, 1.0, 30, 2)
    cv2.rectangle(img, (0, 0), (999, 1399), 20, 12)  # the dark edge of a photographed page
    return img


def test_grid_found_on_a_page_image_with_a_merged_heading() -> None:
    from extractors.readers.prepare import find_grids

    (grid,) = find_grids(_ruled_image())
    assert (grid.n_rows, grid.n_cols) == (5, 4)
    merged = [c for c in grid.cells if c[0] == 0 and c[2] == 2]
    assert merged and merged[0][3] == 3  # the heading over the last two columns is one cell
    assert len(grid.cells) == 5 * 4 - 1


def test_empty_cell_with_ink_is_chosen_for_a_second_read() -> None:
    from extractors.readers.ocr import empty_cells
    from extractors.readers.prepare import find_grids

    img = _ruled_image()
    (grid,) = find_grids(img)
    rows: list[list[Cell]] = [[Cell(page=1) for _ in range(grid.n_cols)] for _ in range(grid.n_rows)]
    for r0, _, c0, _, (x0, y0, x1, y1) in grid.cells:
        rows[r0][c0] = Cell(page=1, bbox=Box(x0=x0, y0=y0, x1=x1, y1=y1, unit="px"))
    rows[0][0].text, rows[0][1].text, rows[0][2].text = "TT", "Nội dung", "Điểm chuẩn"
    rows[0][3] = rows[0][2].model_copy(update={"spanned": True})
    for r in range(1, 5):
        rows[r][0].text, rows[r][1].text = str(r), f"Mục {r}"
    table = build_table(rows, file="x", source="ocr", page=1)
    assert table.roles[2] == "max"
    chosen = empty_cells(img, [table])
    assert [(r, c) for _, r, c, _ in chosen] == [(2, 2)]  # the one with "12" drawn in it
