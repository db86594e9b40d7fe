"""Small builders of real Word and PDF files for tests (not the sample generator: minimal on purpose)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from docx import Document

DEJAVU = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def make_docx(path: Path, blocks: Sequence[str | list[list[str]]]) -> Path:
    """Paragraphs (str) and tables (list of rows) in the given order."""
    doc = Document()
    for block in blocks:
        if isinstance(block, str):
            doc.add_paragraph(block)
        else:
            table = doc.add_table(rows=len(block), cols=len(block[0]))
            for r, row in enumerate(block):
                for c, text in enumerate(row):
                    table.cell(r, c).text = text
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(str(path))
    return path


def make_text_pdf(path: Path, pages: Sequence[Sequence[str]]) -> Path:
    """A PDF with a real text layer in a font that has the Vietnamese glyphs; empty pages stay empty."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    if "DejaVu" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVu", DEJAVU))
    path.parent.mkdir(parents=True, exist_ok=True)
    c = canvas.Canvas(str(path), invariant=1)
    for lines in pages:
        c.setFont("DejaVu", 12)
        for i, line in enumerate(lines):
            c.drawString(60, 780 - 18 * i, line)
        c.showPage()
    c.save()
    return path


TO_TRINH = [
    "ĐẢNG BỘ CƠ QUAN CHÍNH QUYỀN HUYỆN",
    "CHI BỘ PHÒNG TƯ PHÁP",
    "Số 05-TTr/CB",
    "TỜ TRÌNH",
    "Về việc đề nghị công nhận “chi bộ bốn tốt” năm 2024",
    "Kính gửi: Đảng ủy Cơ quan Chính quyền huyện",
]
BIEN_BAN = [
    "CHI BỘ PHÒNG TƯ PHÁP",
    "BIÊN BẢN KIỂM PHIẾU",
    "Biểu quyết đề nghị công nhận “chi bộ bốn tốt” năm 2024",
    "Số phiếu phát ra: 12; số phiếu thu về: 12",
]
BAO_CAO = [
    "CHI BỘ PHÒNG TƯ PHÁP",
    "Số 10-BC/CB",
    "BÁO CÁO",
    "Kết quả thực hiện mô hình “chi bộ bốn tốt” năm 2024",
    "Chi bộ tổ chức 12 kỳ sinh hoạt thường kỳ và 4 kỳ sinh hoạt chuyên đề.",
]
PHIEU = [
    "CHI BỘ PHÒNG TƯ PHÁP",
    "PHIẾU TỰ ĐÁNH GIÁ",
    "Thực hiện các tiêu chí “chi bộ bốn tốt” năm 2024",
]
KE_HOACH = [
    "CHI BỘ PHÒNG TƯ PHÁP",
    "Số 02-KH/CB",
    "KẾ HOẠCH",
    "Xây dựng “Chi bộ 4 tốt” năm 2025",
]
