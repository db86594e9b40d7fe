"""Báo cáo, tờ trình and header readings tuned on round 6 (layouts: a running header citing another
document, a table's total row under group rows, a framed result box, "•" between figures)."""

from __future__ import annotations

from tests.extractors.test_fields import BC, TT, values


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


def test_a_summary_box_of_figures_separated_by_bullets() -> None:
    v = values(
        [
            "Số liệu chính: Đảng viên: 31 (chính thức 29, dự bị 02) • Xếp loại đảng viên: xuất sắc 05, tốt 24, "
            "hoàn thành 02, không hoàn thành 00 • Kỷ luật: không.",
            "Chi bộ đã biểu quyết: 20/29 đảng viên chính thức có quyền biểu quyết tán thành; 9 không tán thành.",
        ],
        TT,
    )
    assert v["members_total"] == [31] and v["members_official"] == [29] and v["members_probationary"] == [2]
    assert v["rating_xuat_sac"] == [5] and v["rating_tot"] == [24]
    assert v["rating_hoan_thanh"] == [2] and v["rating_khong_hoan_thanh"] == [0]
    assert v["votes_for"] == [20] and v["voters_eligible"] == [29]


def test_criteria_points_stated_in_a_summary_tables_cells() -> None:
    v = values(
        [
            ["TT", "Nội dung", "Kết quả"],
            ["4", "Điểm tự đánh giá", "Tiêu chí 1: 24/25 điểm; Tiêu chí 2: 25/25 điểm; tổng cộng 49/50 điểm"],
            ["9", "Điểm tiêu chí 3 (tự chấm/chuẩn)", "–", "19,5/20"],
        ],
        TT,
    )
    got = {c["index"]: (c["score"], c["max"]) for c in v["criterion"]}
    assert got == {1: (24, 25), 2: (25, 25), 3: (19.5, 20)}
    assert v["criteria_total"] == [{"max": 50, "score": 49}]


def _two_page_report(rows_p1: list, rows_p2: list) -> dict[str, list]:
    from extractors import DocumentText, Line, Page, Provenance
    from extractors.fields import extract_fields

    head = [
        "ĐẢNG BỘ HUYỆN AN PHÚ",
        "ĐẢNG ỦY XÃ PHÚ HỮU",
        "BÁO CÁO",
        "Kết quả “đảng bộ cơ sở bốn tốt” năm 2024",
    ]
    pages = []
    for number, rows, table in ((1, rows_p1, 0), (2, rows_p2, 0)):
        lines = (
            []
            if number == 2
            else [Line(text=t, prov=Provenance(file="b.pdf", page=1, block=i)) for i, t in enumerate(head)]
        )
        for i, r in enumerate(rows):
            prov = Provenance(file="b.pdf", page=number, block=10 + i, table=table, row=i)
            lines.append(Line(text=" | ".join(r), cells=r, prov=prov))
        pages.append(Page(number=number, method="pdf_text", lines=lines))
    doc = DocumentText(file="b.pdf", sha256="0" * 64, source="pdf_text", pages=pages)
    out: dict[str, list] = {}
    for r in extract_fields(doc, BC):
        out.setdefault(r.field, []).append(r.value)
    return out


def test_a_table_of_groups_over_a_page_break_is_read_on_its_total_row() -> None:
    header = ["Cụm", "Số chi bộ", "HTXSNV", "HTTNV", "HTNV", "KHTNV"]
    v = _two_page_report(
        [header, ["Cụm phía Bắc", "7", "2", "5", "0", "0"], ["Cụm phía Nam", "4", "1", "3", "0", "0"]],
        [["Cụm trung tâm", "3", "0", "2", "1", "0"], ["Cộng", "14", "3", "10", "1", "0"]],
    )
    assert v["subordinates_total"] == [14]
    assert v["subordinates_xuat_sac"] == [3] and v["subordinates_tot"] == [10]
    assert v["subordinates_hoan_thanh"] == [1] and v["subordinates_khong_hoan_thanh"] == [0]


DANG_BO = [
    "ĐẢNG BỘ HUYỆN AN PHÚ",
    "ĐẢNG ỦY XÃ PHÚ HỮU",
    "BÁO CÁO",
    "Kết quả “đảng bộ cơ sở bốn tốt” năm 2024",
]


def test_a_result_box_under_a_heading_is_not_the_headings_sentence() -> None:
    from extractors import DocumentText, Line, Page, Provenance
    from extractors.fields import extract_fields

    text = [
        *DANG_BO,
        "Các tổ chức đảng trực thuộc",  # a heading the page wraps without a full stop
        "Kết quả: Ban Chấp hành Đảng bộ 11 đồng chí; 14 chi bộ trực thuộc, xếp loại HTXSNV 03, HTTNV 10,",
        "HTNV 01, KHTNV 0; 12/13 chi bộ đăng ký được công nhận “Chi bộ bốn tốt”.",
    ]
    lines = [Line(text=t, prov=Provenance(file="b.pdf", page=1, block=i)) for i, t in enumerate(text)]
    doc = DocumentText(
        file="b.pdf",
        sha256="0" * 64,
        source="pdf_text",
        pages=[Page(number=1, method="pdf_text", lines=lines)],
    )
    v: dict[str, list] = {}
    for r in extract_fields(doc, BC):
        v.setdefault(r.field, []).append(r.value)
    assert set(v["subordinates_total"]) == {14}
    assert v["subordinates_bon_tot"] == [12] and v["subordinates_registered_bon_tot"] == [13]


def test_members_listed_with_gom_and_meetings_labelled_by_kind() -> None:
    v = values(
        [
            ["TT", "Nội dung", "Kết quả"],
            ["2", "Đảng viên", "Tổng số 47 ĐV, gồm 44 đ/c chính thức và 03 đ/c dự bị"],
            ["3", "Sinh hoạt chi bộ", "Thường kỳ: 12 kỳ; chuyên đề: 05 kỳ; dự sinh hoạt bình quân 91,5%"],
        ],
        TT,
    )
    assert v["members_total"] == [47] and v["members_official"] == [44] and v["members_probationary"] == [3]
    assert v["regular_meetings"] == [12] and v["thematic_meetings"] == [5]


def test_cells_recognised_in_a_column_a_clause_or_a_pair_of_values() -> None:
    head = [
        "ĐẢNG BỘ HUYỆN AN PHÚ",
        "ĐẢNG ỦY XÃ PHÚ HỮU",
        "TỜ TRÌNH",
        "Đề nghị công nhận “đảng bộ cơ sở bốn tốt” năm 2024",
    ]
    v = values([*head, "Có 11 chi bộ trực thuộc; đăng ký 11, đạt “bốn tốt” 10 chi bộ."], TT)
    assert v["subordinates_bon_tot"] == [10] and v["subordinates_registered_bon_tot"] == [11]
    v = values(
        [
            *head,
            ["STT", "Chỉ tiêu", "Báo cáo", "Biên bản"],
            ["1", "Chi bộ HTXSNV / HTTNV", "2 / 8", "–"],
            ["2", "Chi bộ HTNV / KHTNV", "1 / 0", "–"],
            ["3", "Chi bộ đạt “bốn tốt” / đăng ký", "9 / 10", "–"],
        ],
        TT,
    )
    assert v["subordinates_xuat_sac"] == [2] and v["subordinates_tot"] == [8]
    assert v["subordinates_hoan_thanh"] == [1] and v["subordinates_khong_hoan_thanh"] == [0]
    assert v["subordinates_bon_tot"] == [9] and v["subordinates_registered_bon_tot"] == [10]
    assert "rating_tot" not in v and "subordinates_total" not in v
    v = values(
        [
            *DANG_BO,
            ["Cụm", "Số chi bộ", "HTXSNV", "HTTNV", "HTNV", "KHTNV", "Bốn tốt"],
            ["Cụm 1", "6", "2", "4", "0", "0", "5"],
            ["Cụm 2", "5", "1", "4", "0", "0", "5"],
            ["Cộng", "11", "3", "8", "0", "0", "10"],
        ],
        BC,
    )
    assert v["subordinates_bon_tot"] == [10] and v["subordinates_total"] == [11]
