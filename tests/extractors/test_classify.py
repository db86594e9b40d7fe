"""Classifier: by title, number code and keywords, on diacritic-folded text."""

from __future__ import annotations

import pytest

from extractors import DocType, classify
from extractors.model import DocumentText, Line, Page, Provenance
from tests import builders


def doc_of(lines: list[str], name: str = "f.pdf") -> DocumentText:
    return DocumentText(
        file=name,
        sha256="0",
        source="pdf_text",
        pages=[
            Page(
                number=1,
                method="pdf_text",
                lines=[Line(text=t, prov=Provenance(file=name, page=1)) for t in lines],
            )
        ],
    )


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (builders.TO_TRINH, DocType.TO_TRINH),
        (builders.BIEN_BAN, DocType.BIEN_BAN_KIEM_PHIEU),
        (builders.BAO_CAO, DocType.BAO_CAO),
        (builders.PHIEU, DocType.PHIEU_TU_DANH_GIA),
        (builders.KE_HOACH, DocType.KHAC),
    ],
)
def test_titles(lines: list[str], expected: DocType) -> None:
    assert classify(doc_of(lines)).type == expected


def test_ocr_text_without_diacritics_named_scan0001() -> None:
    ocr = [
        "CHI BO PHONG TU PHAP",
        "BIEN BAN KIEM PHIEU",
        "bieu quyet de nghi cong nhan chi bo bon tot nam 2024",
    ]
    assert classify(doc_of(ocr, "scan0001.pdf")).type == DocType.BIEN_BAN_KIEM_PHIEU


def test_number_code_decides_when_title_is_lost() -> None:
    lines = ["CHI BỘ PHÒNG TƯ PHÁP", "Số: 05-TTr/CB", "Về việc đề nghị công nhận chi bộ bốn tốt năm 2024"]
    assert classify(doc_of(lines)).type == DocType.TO_TRINH


def test_self_assessment_variants() -> None:
    for title in ("BẢNG TỰ CHẤM ĐIỂM", "PHIẾU ĐÁNH GIÁ", "Phiếu tự đánh giá thực hiện các tiêu chí"):
        assert (
            classify(doc_of(["CHI BỘ X", title, "chi bộ bốn tốt năm 2024"])).type == DocType.PHIEU_TU_DANH_GIA
        )


def test_report_on_another_subject_is_khac() -> None:
    lines = ["CHI BỘ X", "BÁO CÁO", "Tình hình thu chi đảng phí năm 2024"]
    assert classify(doc_of(lines)).type == DocType.KHAC


def test_empty_document_is_khac() -> None:
    assert classify(doc_of([])).type == DocType.KHAC


def test_reference_to_another_document_does_not_decide() -> None:
    # OCR lost the title; the body cites a Hướng dẫn. The document's own number is a TTr.
    lines = [
        "CHI BỘ BẢN NÀ CẠN",
        "Số: 07-TTr/CB",
        "Căn cứ Hướng dẫn số 10-HD/BTCHU ngày 28/10/2024",
        "đề nghị công nhận chi bộ bốn tốt năm 2024",
    ]
    assert classify(doc_of(lines)).type == DocType.TO_TRINH


def test_table_header_in_lower_case_is_not_a_title() -> None:
    lines = [
        "CHI BỘ X",
        "PHIẾU TỰ ĐÁNH GIÁ",
        "Hướng dẫn của cấp trên | Điểm chuẩn | Điểm tự chấm",
        "thực hiện tiêu chí chi bộ bốn tốt năm 2024",
    ]
    assert classify(doc_of(lines)).type == DocType.PHIEU_TU_DANH_GIA
    lines = ["CHI BỘ X", "Hướng dẫn của cấp trên | i | vn", "PHIẾU TỰ ĐÁNH GIÁ", "chi bộ bốn tốt năm 2024"]
    assert classify(doc_of(lines)).type == DocType.PHIEU_TU_DANH_GIA


def test_merged_header_columns_from_ocr() -> None:
    lines = [
        "ĐẢNG BỘ XÃ A | ĐẢNG CỘNG SẢN VIỆT NAM",
        "CHI BỘ B | Xã A, ngày 10 tháng 12 năm 2024",
        "Số 05-TTr/CB",
        "chi bộ bốn tốt năm 2024",
    ]
    assert classify(doc_of(lines)).type == DocType.TO_TRINH


def test_ocr_junk_around_the_title() -> None:
    lines = [
        ".ĐẢNG BỘ XÃ A | - ĐẢNG CỘNG SẢN VIỆT NAM .",
        "Số 03-TTHCB | __",
        "_TỜ TRÌNH _",
        "đề nghị công nhận “chỉ bộ bốn tốt” năm 2024",
    ]
    assert classify(doc_of(lines)).type == DocType.TO_TRINH


def test_addressed_request_without_a_readable_title_is_a_proposal() -> None:
    lines = [
        "cử To Hoà Gai | ĐẲNG CỘNG SẢN VIỆT NAM",
        "Kính gửi: Đảng ủy xã Long Trạch",
        "Chi bộ đề nghị Đảng ủy xem xét, công nhận chi bộ bốn tốt năm 2024.",
        "Kết quả thực hiện: sinh hoạt thường kỳ 12 kỳ, sinh hoạt chuyên đề 4 kỳ; xếp loại đảng viên …",
    ]
    assert classify(doc_of(lines)).type == DocType.TO_TRINH
