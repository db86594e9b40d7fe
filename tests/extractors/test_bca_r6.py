"""Báo cáo, tờ trình and header readings tuned on round 6 (layouts: a running header citing another
document, a table's total row under group rows, a framed result box, "•" between figures)."""

from __future__ import annotations

from tests.extractors.test_fields import TT, values


def test_a_cited_document_number_and_date_are_not_the_documents_own() -> None:
    v = values(
        [
            "Căn cứ Nghị quyết số 21-NQ/TW ngày 16/6/2022 của Ban Chấp hành Trung ương — năm 2024",
            "ĐẢNG BỘ XÃ AN BÌNH",
            "CHI BỘ ẤP BẮC",
            "*",
            "Số 07-TTr/CB",
            "ĐẢNG CỘNG SẢN VIỆT NAM",
            "An Bình, ngày 09 tháng 12 năm 2024",
            "TỜ TRÌNH",
            "Đề nghị công nhận “chi bộ bốn tốt” năm 2024",
        ],
        TT,
    )
    assert v["doc_number"] == ["07-TTr/CB"]
    assert v["doc_date"] == ["2024-12-09"]
