"""Báo cáo and tờ trình readings tuned on round 7: a table whose value column stands before its label
column, counts written before their rating levels, a document's own key of abbreviations, a label
naming both sides of a fraction, a section of other requests, the look-alike "Ð" read by OCR."""

from __future__ import annotations

from tests.extractors.test_fields import BC, CHI_BO_HEAD, DANG_BO_HEAD, TT, values


def test_a_table_whose_values_stand_before_their_labels() -> None:
    v = values(
        [
            *CHI_BO_HEAD,
            "BÁO CÁO",
            ["Số lượng", "Nội dung"],
            ["27", "Tổng số đảng viên"],
            ["25", "Đảng viên chính thức"],
            ["11 kỳ", "Sinh hoạt thường kỳ"],
            ["03 kỳ", "Sinh hoạt chuyên đề"],
            ["91,2%", "Tỷ lệ đảng viên dự sinh hoạt bình quân"],
            ["0", "Đảng viên bị xử lý kỷ luật"],
        ],
        BC,
    )
    assert v["members_total"] == [27] and v["members_official"] == [25]
    assert v["regular_meetings"] == [11] and v["thematic_meetings"] == [3]
    assert v["attendance_pct"] == [91.2]
    assert v["disciplined_members"] == [0]


def test_a_label_first_table_still_reads_the_value_after_its_label() -> None:
    v = values(
        [*CHI_BO_HEAD, "BÁO CÁO", ["TT", "Nội dung", "Kết quả"], ["1", "Sinh hoạt thường kỳ", "10 kỳ"]], BC
    )
    assert v["regular_meetings"] == [10]


def test_counts_written_before_the_levels_they_count() -> None:
    v = values(
        [
            *DANG_BO_HEAD,
            "BÁO CÁO",
            "Các chi bộ trực thuộc được xếp loại: 04 HTXSNV, 09 HTTNV, 02 HTNV, 0 KHTNV.",
        ],
        BC,
    )
    assert v["subordinates_xuat_sac"] == [4] and v["subordinates_tot"] == [9]
    assert v["subordinates_hoan_thanh"] == [2] and v["subordinates_khong_hoan_thanh"] == [0]
    assert 4 not in v.get("subordinates_total", [])


def test_a_value_after_a_colon_is_still_the_phrase_before_it() -> None:
    v = values([*CHI_BO_HEAD, "Số phiếu phát ra: 14 phiếu thu vào: 14 phiếu hợp lệ: 13."], TT)
    assert v["ballots_issued"] == [14]


def test_abbreviations_the_document_explains_in_its_key() -> None:
    rows = [
        *CHI_BO_HEAD,
        "BÁO CÁO",
        ["Nội dung", "Quý I", "Quý II", "Quý III", "Quý IV", "Cả năm 2024"],
        ["SHTK", "03", "03", "02", "03", "11"],
        ["SHCĐ", "01", "01", "01", "02", "05"],
        ["Tỷ lệ ĐV dự sinh hoạt (%)", "90,5", "91,5", "90,0", "92,0", "91,0"],
        "Nơi nhận: - Lưu.",
        "Chú thích chữ viết tắt: SHTK - sinh hoạt thường kỳ; SHCĐ - sinh hoạt chuyên đề; ĐV - đảng viên.",
    ]
    v = values(rows, BC)
    assert v["regular_meetings"] == [11] and v["thematic_meetings"] == [5]
    assert v["attendance_pct"] == [91.0]
    # Without the key, nobody knows what the letters stand for.
    v = values(rows[:-1], BC)
    assert "regular_meetings" not in v and "thematic_meetings" not in v


def test_a_key_naming_several_abbreviations_at_once_is_left_alone() -> None:
    from extractors.fields.abbreviations import abbreviation_key
    from tests.extractors.test_fields import doc

    key = abbreviation_key(
        doc(["Viết tắt: CB - chi bộ; HTTNV, HTNV - hoàn thành tốt, hoàn thành nhiệm vụ."]).lines
    )
    assert key == {"CB": "chi bộ"}


def test_a_label_naming_both_sides_of_a_fraction() -> None:
    v = values(
        [
            *DANG_BO_HEAD,
            "BÁO CÁO",
            "Kết quả xây dựng đảng bộ cơ sở “bốn tốt” năm 2024",
            ["Chi bộ trực thuộc", "Năm 2023", "Năm 2024"],
            ["Công nhận “Chi bộ bốn tốt” / đăng ký", "8/10", "9/11"],
        ],
        BC,
    )
    assert v["subordinates_bon_tot"] == [9]
    assert v["subordinates_registered_bon_tot"] == [11]


def test_figures_in_a_section_of_other_requests_are_not_results() -> None:
    v = values(
        [
            *DANG_BO_HEAD,
            "TỜ TRÌNH",
            "I. ĐỀ NGHỊ CÔNG NHẬN",
            "Đảng bộ có 11 chi bộ trực thuộc.",
            "II. CÁC ĐỀ NGHỊ KHÁC",
            "1. Khen thưởng 03 chi bộ trực thuộc đã hoàn thành xuất sắc nhiệm vụ 04 năm liền.",
        ],
        TT,
    )
    assert v["subordinates_total"] == [11]
    assert "subordinates_xuat_sac" not in v


def test_ocr_eth_read_for_the_capital_d_of_an_abbreviation() -> None:
    v = values(
        [*CHI_BO_HEAD, "BÁO CÁO", "Chi bộ có 15 ÐV, trong đó 14 ÐV chính thức, 01 ÐV dự bị."], BC, "ocr"
    )
    assert 1 not in v.get("members_official", [])
    assert v["members_total"] == [15]


def test_a_share_of_the_official_members_entitled_to_vote_said_with_an_abbreviation() -> None:
    from tests.extractors.test_fields import BB

    v = values(
        [
            *CHI_BO_HEAD,
            "BIÊN BẢN KIỂM PHIẾU",
            "- Đồng ý: 10 phiếu = 90,91 % số ĐV chính thức có quyền biểu quyết",
        ],
        BB,
        "ocr",
    )
    assert v["votes_for_pct"] == [90.91]
    assert v["votes_for_pct_base"] == ["voters_eligible"]


def test_a_checklist_reads_what_was_done_not_what_is_required() -> None:
    v = values(
        [
            *CHI_BO_HEAD,
            "TỜ TRÌNH",
            ["Tiêu chuẩn", "Yêu cầu", "Thực tế của chi bộ", "Kết luận"],
            ["Sinh hoạt thường kỳ", "12 kỳ/năm", "10 kỳ", "Chưa đạt"],
        ],
        TT,
    )
    assert v["regular_meetings"] == [10]


def test_cells_recognised_said_as_so_many_on_those_registered() -> None:
    v = values([*DANG_BO_HEAD, "TỜ TRÌNH", "Kết quả: 08 trên 09 chi bộ đăng ký đạt “Chi bộ bốn tốt”."], TT)
    assert v["subordinates_bon_tot"] == [8] and v["subordinates_registered_bon_tot"] == [9]


def test_a_photographed_zero_read_as_a_copyright_sign_in_a_figure_column() -> None:
    from extractors.model import Cell
    from extractors.tables import build_table

    rows = [["Mức", "Năm 2023", "Năm 2024"], ["Xuất sắc", "3", "4"], ["Không hoàn thành", "©", "©"]]
    table = build_table([[Cell(text=t) for t in r] for r in rows], file="a.jpg", source="ocr")
    assert [c.text for c in table.rows[2]] == ["Không hoàn thành", "0", "0"]


def test_attendance_with_members_abbreviated_and_no_key() -> None:
    v = values([*CHI_BO_HEAD, "BÁO CÁO", ["Nội dung", "Kết quả"], ["Tỷ lệ ĐV dự sinh hoạt (%)", "93,4"]], BC)
    assert v["attendance_pct"] == [93.4]
