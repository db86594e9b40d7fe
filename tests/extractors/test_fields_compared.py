"""Figures that stand beside others: a table setting this year against the last, a count that names
the phrase after it, a committee sentence going on over a line, and a header capital OCR read small."""

from __future__ import annotations

from .test_fields import BB, CHI_BO_HEAD, DANG_BO_HEAD, TT, values

YEAR_ROWS = [
    ["1", "Tổng số đảng viên", "31", "34"],
    ["", "- Đảng viên chính thức", "29", "30"],
    ["", "- Đảng viên dự bị", "02", "04"],
    ["2", "Số kỳ sinh hoạt chuyên đề", "03", "06"],
    ["", "- Hoàn thành tốt nhiệm vụ", "22", "27"],
    ["", "- Hoàn thành nhiệm vụ", "02", "0"],
]


def test_a_table_by_year_is_read_in_the_latest_years_column() -> None:
    v = values([*CHI_BO_HEAD, ["STT", "Nội dung", "Năm 2022", "Năm 2023"], *YEAR_ROWS], TT)
    assert v["members_total"] == [34]
    assert v["members_official"] == [30]
    assert v["members_probationary"] == [4]
    assert v["thematic_meetings"] == [6]
    assert v["rating_tot"] == [27]
    assert v["rating_hoan_thanh"] == [0]


def test_a_table_by_year_with_the_latest_year_first() -> None:
    rows = [[a, b, d, c] for a, b, c, d in YEAR_ROWS]
    v = values([*CHI_BO_HEAD, ["STT", "Nội dung", "Năm 2023", "Năm 2022"], *rows], TT)
    assert v["members_total"] == [34]
    assert v["members_official"] == [30]


def test_a_count_of_the_official_members_is_not_the_total() -> None:
    v = values(
        [
            *CHI_BO_HEAD,
            "Chi bộ có 17 đảng viên.",
            "Biểu quyết kín: 15 phiếu đồng ý trên tổng số 15 đảng viên chính thức được quyền biểu quyết.",
        ],
        TT,
    )
    assert v["members_total"] == [17]


def test_a_count_of_committee_members_is_not_the_members_total() -> None:
    v = values(
        [*DANG_BO_HEAD, "Có 06 phiếu đồng ý trên tổng số 7 đồng chí ủy viên Ban Chấp hành, đạt 85,71%."],
        TT,
    )
    assert 7 not in v.get("members_total", [])


def test_a_committee_sentence_going_on_after_a_semicolon() -> None:
    v = values(
        [
            *DANG_BO_HEAD,
            "Ban Chấp hành Đảng bộ khóa mới gồm 13 đồng chí;",
            "có mặt tại hội nghị 12/13 đồng chí (vắng 01 đồng chí đi học).",
        ],
        BB,
        source="ocr",
    )
    assert 13 not in v.get("members_total", [])
    assert v["members_present"] == [12]


def test_a_header_line_with_one_capital_read_small_is_still_the_header() -> None:
    head = ["ĐẢNG BỘ XÃ AN PHÚ", "CHI BỘ CÔNG AN Xã AN PHÚ", "*", "Số 03-BB/CB"]
    v = values([*head, "BIÊN BẢN KIỂM PHIẾU", "Chi bộ Công an xã An Phú họp biểu quyết."], BB)
    assert v["unit_kind"][0] == "chi_bo"
    assert v["unit_name"][0] == "Chi bộ Công an xã An Phú"


def test_an_ocr_row_missing_a_word_of_a_key_is_not_repaired_into_it() -> None:
    # "Đảng viên bị kỷ luật" is not "Đảng viên dự bị" with a letter damaged: a word of the key is missing.
    rows = [["STT", "Nội dung", "Năm 2022", "Năm 2023"], ["3", "Đảng viên bị kỷ luật", "0", "0"]]
    v = values([*CHI_BO_HEAD, *rows], TT, source="ocr")
    assert "members_probationary" not in v


def test_an_ocr_row_with_one_letter_of_a_key_damaged_is_still_read() -> None:
    rows = [["STT", "Nội dung", "Năm 2022", "Năm 2023"], ["3", "Đảng viên dụ bị", "1", "2"]]
    v = values([*CHI_BO_HEAD, *rows], TT, source="ocr")
    assert v["members_probationary"] == [2]


def test_a_sentence_ending_in_a_colon_does_not_carry_last_years_veto_into_the_table() -> None:
    lines = [
        *CHI_BO_HEAD,
        "TỜ TRÌNH",
        "Đề nghị công nhận chi bộ đạt “Chi bộ bốn tốt” năm 2023",
        "Sau khi chấm điểm theo 04 tiêu chí, chi bộ báo cáo kết quả năm 2023 so với năm",
        "2022 như sau:",
        ["STT", "Nội dung", "Năm 2022", "Năm 2023"],
        ["1", "Tổng số đảng viên", "31", "34"],
    ]
    v = values(lines, TT, source="ocr")
    assert v["members_total"] == [34]
