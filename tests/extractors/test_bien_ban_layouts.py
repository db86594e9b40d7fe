"""Vote minutes laid out as a printed form (dotted leaders) or as one table that counts people and
ballots in separate columns under a merged header: every figure is read, whatever the wording."""

from __future__ import annotations

from extractors import DocType, DocumentText, Line, Page, Provenance
from extractors.fields import extract_fields
from extractors.fields.numbers import prepare
from extractors.model import Cell
from extractors.nlp.pipeline import analyse
from extractors.tables import build_table, column_role, table_lines

BB = DocType.BIEN_BAN_KIEM_PHIEU
HEAD = ["ĐẢNG BỘ PHƯỜNG AN LẠC", "CHI BỘ KHU PHỐ 7", "*", "Số 03-BB/CB", "BIÊN BẢN KIỂM PHIẾU"]


def _doc(lines: list[Line], source: str = "docx") -> DocumentText:
    return DocumentText(
        file="bb.docx", sha256="0" * 64, source=source, pages=[Page(number=1, method=source, lines=lines)]
    )


def _prose(texts: list[str]) -> list[Line]:
    return [Line(text=t, prov=Provenance(file="bb.docx", page=1, block=i)) for i, t in enumerate(texts)]


def _values(d: DocumentText) -> dict[str, list]:
    out: dict[str, list] = {}
    for r in extract_fields(d, BB):
        out.setdefault(r.field, []).append(r.value)
    return out


# -- a printed form filled in on dotted leaders ------------------------------------------------


def test_a_dotted_leader_is_no_full_stop() -> None:
    work = prepare("Phiếu thu về ............ 12 phiếu")
    assert "." not in work and "12" in work
    # three dots or more, spaced or not, or an ellipsis run; a lone ellipsis in prose stays
    assert "." not in prepare("Phiếu hợp lệ . . . . . 12")
    assert "…" not in prepare("Phiếu hợp lệ ………… 12")
    assert "…" in prepare("các đồng chí … 12")


def test_every_figure_after_a_dotted_leader_is_read() -> None:
    v = _values(
        _doc(
            _prose(
                [
                    *HEAD,
                    "a) Đảng viên toàn chi bộ: .......................... 19 đồng chí",
                    "   - Đảng viên chính thức ........................... 17 đồng chí",
                    "   - Đảng viên dự bị ................................ 02 đồng chí",
                    "b) Đồng chí có mặt . . . . . . . . . . . . . . . . . . . 18 đồng chí",
                    "c) Vắng mặt: ……………………… không",
                    "Phiếu phát ra: ........................................................................ 17",
                    "Phiếu thu vào ……………………………………………………… 17 phiếu",
                    "Phiếu hợp lệ: ............ 17 phiếu",
                    "Phiếu đồng ý: ............ 16 phiếu (đạt 94,12% số có quyền biểu quyết)",
                    "Phiếu không đồng ý: ............ 01 phiếu",
                ]
            )
        )
    )
    assert v["members_official"] == [17]
    assert v["members_present"] == [18]
    assert v["members_absent"] == [0]
    assert v["ballots_issued"] == [17]  # after a leader much longer than a sentence's gap
    assert v["ballots_returned"] == [17]
    assert v["ballots_valid"] == [17]
    assert v["votes_for"] == [16]
    assert v["votes_against"] == [1]


def test_a_leader_is_one_separator_token_for_the_structures() -> None:
    doc = analyse("Tổng số đảng viên: ............ 19 đ/c (17 chính thức, 02 dự bị)")
    leaders = [t for t in doc if "..." in t.text]
    assert len(leaders) == 1 and leaders[0].norm_ == "…"
    v = _values(_doc(_prose([*HEAD, "Tổng số đảng viên: ............ 19 đ/c (17 chính thức, 02 dự bị)"])))
    assert v["members_total"] == [19]
    assert v["members_official"] == [17]


# -- one table: people and ballots in separate columns under a merged header -------------------


def _cells(texts: list[str], spanned: tuple[int, ...] = ()) -> list[Cell]:
    return [Cell(text=t, page=1, spanned=i in spanned) for i, t in enumerate(texts)]


def _people_and_ballots(na: str = "–") -> DocumentText:
    grid = [
        _cells(["TT", "Chỉ tiêu kiểm phiếu", "Kết quả", "Kết quả", "Tỷ lệ %", "Tỷ lệ %"], (3, 5)),
        _cells(
            [
                "TT",
                "Chỉ tiêu kiểm phiếu",
                "Người",
                "Phiếu",
                "Trên số phiếu hợp lệ",
                "Trên số có quyền biểu quyết",
            ],
            (0, 1),
        ),
        _cells(["I", "Đảng viên chính thức của chi bộ", "15", na, na, na]),
        _cells(["II", "Đảng viên dự hội nghị", "16", na, na, na]),
        _cells(["III", "Phiếu phát ra", na, "14", na, na]),
        _cells(["IV", "Phiếu thu vào", na, "14", na, na]),
        _cells(["V", "Phiếu hợp lệ", na, "13", na, na]),
        _cells(["VI", "Phiếu không hợp lệ", na, "1", na, na]),
        _cells(["VII", "Phiếu đồng ý", na, "12", "92,31", "80"]),
        _cells(["VIII", "Phiếu không đồng ý", na, "1", "7,69", "6,67"]),
    ]
    table = build_table(grid, file="bb.docx", source="docx")
    head = _prose(HEAD)
    return _doc(head + table_lines(table, "bb.docx"))


def test_a_share_column_under_a_merged_rate_heading_is_a_share() -> None:
    # its own cell names the base ("số phiếu hợp lệ"), the heading above says it is a rate
    assert column_role("Tỷ lệ % Trên số phiếu hợp lệ", ["100", "92,31"], "Trên số phiếu hợp lệ") == "pct"
    assert column_role("Số phiếu", ["12", "13"], "Số phiếu") == "result"


def test_people_and_ballots_each_read_in_the_column_that_applies() -> None:
    v = _values(_people_and_ballots())
    assert v["members_official"] == [15]
    assert v["members_present"] == [16]
    assert v["ballots_issued"] == [14]
    assert v["ballots_returned"] == [14]
    assert v["ballots_valid"] == [13]
    assert v["ballots_invalid"] == [1]
    assert v["votes_for"] == [12]
    assert v["votes_against"] == [1]


def test_the_share_is_read_with_the_base_its_header_names() -> None:
    v = _values(_people_and_ballots("-"))
    assert v["votes_for_pct"] == [92.31]
    assert v["votes_for_pct_base"] == ["ballots_valid"]
    assert v["votes_against_pct"] == [7.69]


def test_a_dash_is_not_a_zero() -> None:
    # a hyphen in the column that does not apply: the count is the other column's, never 0
    v = _values(_people_and_ballots("-"))
    assert v["members_present"] == [16]
    assert v["ballots_issued"] == [14]


def test_a_leader_between_an_items_maximum_and_its_score_still_reads_both() -> None:
    # the same leader token in a phiếu: "(10 điểm) ........ 9,5" is the maximum, then the self-score
    d = _doc(
        _prose(
            [
                "CHI BỘ KHU PHỐ 7",
                "PHIẾU TỰ ĐÁNH GIÁ",
                "1. Hoàn thành tốt nhiệm vụ chính trị (25 điểm)",
                "a) Ban hành nghị quyết sát thực tế (10 điểm) ........ 9,5",
                "b) Tổ chức thực hiện nghị quyết (15 điểm) …………… 15",
            ]
        )
    )
    items = [r.value for r in extract_fields(d, DocType.PHIEU_TU_DANH_GIA) if r.field == "criterion_item"]
    assert [(i["max"], i["score"]) for i in items] == [(10.0, 9.5), (15.0, 15.0)]


# -- a table of several questions put to the vote; a table of groups with a total row -----------


def _table_doc(rows: list[list[str]], intro: list[str] = ()) -> DocumentText:
    table = build_table([_cells(r) for r in rows], file="bb.docx", source="docx")
    return _doc(_prose([*HEAD, *intro]) + table_lines(table, "bb.docx"))


def test_the_votes_are_those_of_the_proposal_whatever_its_row() -> None:
    v = _values(
        _table_doc(
            [
                ["STT", "Vấn đề biểu quyết", "Tán thành", "Không tán thành"],
                ["1", "Nhất trí kết quả kiểm điểm tập thể chi ủy", "16", "0"],
                ["2", "Thông qua báo cáo tổng kết công tác năm", "16", "0"],
                ["3", "Đề nghị Đảng ủy xét công nhận chi bộ đạt bốn tốt", "13 (81,25%)", "3"],
            ]
        )
    )
    assert v["votes_for"] == [13]
    assert v["votes_against"] == [3]


def test_a_table_of_one_question_is_still_read() -> None:
    v = _values(_table_doc([["Nội dung", "Tán thành", "Không tán thành"], ["Kết quả biểu quyết", "14", "1"]]))
    assert v["votes_for"] == [14]
    assert v["votes_against"] == [1]


def test_a_groups_table_is_read_on_its_total_row() -> None:
    v = _values(
        _table_doc(
            [
                ["Nhóm đảng viên", "Tổng số", "Chính thức", "Có mặt"],
                ["Nhóm A", "7", "6", "7"],
                ["Nhóm B", "6", "6", "5"],
                ["Tổng cộng", "13", "12", "12"],
            ]
        )
    )
    assert v["members_total"] == [13]
    assert v["members_official"] == [12]
    assert v["members_present"] == [12]


def test_the_proposal_row_is_read_under_the_vote_columns_whatever_its_question_names() -> None:
    # "Đảng bộ có" in the question is a phrase of the members' count: not this row's label
    v = _values(
        _table_doc(
            [
                ["TT", "Nội dung đưa ra biểu quyết", "Đồng ý", "Không đồng ý"],
                ["1", "Thông qua báo cáo kiểm điểm", "11", "0"],
                ["2", "Đề nghị xét công nhận Đảng bộ có thành tích bốn tốt", "10", "1"],
            ]
        )
    )
    assert v["votes_for"] == [10]
    assert v["votes_against"] == [1]
    assert "members_total" not in v


# -- a row pairing labels with values across; a row of shares under the labels; a told meeting ---------


def test_every_label_value_pair_across_a_row_is_read() -> None:
    v = _values(
        _table_doc(
            [
                ["Người dự họp", "Số", "Phiếu bầu", "Số"],
                ["Đảng viên chính thức", "14", "Số phiếu thu về", "12"],
                ["Có mặt", "13", "Số phiếu hợp lệ", "12"],
                ["", "", "Số phiếu đồng ý", "11"],
            ]
        )
    )
    assert v["members_official"] == [14]
    assert v["members_present"] == [13]
    assert v["ballots_returned"] == [12]
    assert v["ballots_valid"] == [12]
    assert v["votes_for"] == [11]


def test_a_row_is_split_into_pairs_only_when_it_alternates_labels_and_values() -> None:
    from extractors.tables import label_value_pairs

    table = build_table(
        [
            _cells(["Chỉ tiêu", "Số lượng", "Đánh giá", "Tỷ lệ"]),
            _cells(["Đảng viên xếp loại tốt", "12", "đạt", "92%"]),
            _cells(["Có mặt", "13", "Vắng mặt", "1"]),
        ],
        file="x.docx",
        source="docx",
    )
    rows = table_lines(table, "x.docx")
    assert label_value_pairs(rows[1]) == [rows[1]]  # label and value columns under different headings
    whole = build_table(
        [_cells(["Có mặt", "13", "Vắng mặt", "1"]), _cells(["Phiếu phát ra", "12", "Phiếu thu về", "12"])],
        file="x.docx",
        source="docx",
    )
    parts = label_value_pairs(table_lines(whole, "x.docx")[1])
    assert [p.cells for p in parts] == [["Phiếu phát ra", "12"], ["Phiếu thu về", "12"]]
    assert [p.prov.cell for p in parts] == [0, 2]


def test_a_row_of_shares_under_the_labels_gives_shares_not_counts() -> None:
    v = _values(
        _table_doc(
            [
                ["", "Phiếu phát ra", "Phiếu hợp lệ", "Đồng ý", "Không đồng ý"],
                ["Số lượng", "12", "12", "9", "3"],
                ["Tỷ lệ %", "92,31", "92,31", "69,23", "23,08"],
            ]
        )
    )
    assert v["ballots_issued"] == [12]
    assert v["ballots_valid"] == [12]
    assert v["votes_for"] == [9]
    assert v["votes_against"] == [3]
    assert v["votes_for_pct"] == [69.23]
    assert v["votes_against_pct"] == [23.08]


def test_a_label_naming_a_share_over_a_base_reads_the_share_and_its_base() -> None:
    v = _values(_table_doc([["Nội dung", "Kết quả"], ["Tỷ lệ đồng ý/có quyền biểu quyết", "75%"]]))
    assert v["votes_for_pct"] == [75.0]
    assert v["votes_for_pct_base"] == ["voters_eligible"]
    assert "voters_eligible" not in v


def test_a_glued_heading_of_a_scan_still_names_its_column() -> None:
    v = _values(
        _table_doc(
            [["", "Phátra", "Thuvề", "Cómặt"], ["Số lượng", "10", "10", "11"]],
        )
    )
    assert v["ballots_issued"] == [10]
    assert v["ballots_returned"] == [10]
    assert v["members_present"] == [11]


def test_a_count_after_gom_counts_the_noun_before_it_not_an_earlier_phrase() -> None:
    v = _values(
        _doc(
            _prose(
                [
                    *HEAD,
                    "Các đồng chí dự họp đồng ý bầu Tổ kiểm phiếu gồm 03 đồng chí do đồng chí Hà làm tổ trưởng.",
                    "Kết quả: 15 phiếu đồng ý, không có phiếu không đồng ý.",
                ]
            )
        )
    )
    assert v["votes_for"] == [15]


def test_a_count_after_gom_is_still_the_phrases_with_only_units_and_links_between() -> None:
    v = _values(_doc(_prose([*HEAD, "Tổng số đảng viên toàn chi bộ gồm 17 đồng chí."])))
    assert v["members_total"] == [17]


def test_those_entitled_to_vote_are_not_the_official_members() -> None:
    v = _values(
        _doc(
            _prose(
                [
                    *HEAD,
                    "Chi bộ có 22 đảng viên (20 chính thức, 02 dự bị), 01 đồng chí được miễn sinh hoạt.",
                    "Tỷ lệ được tính trên tổng số 19 đảng viên chính thức có quyền biểu quyết.",
                    "Có 17/19 đảng viên chính thức có quyền biểu quyết tán thành.",
                ]
            )
        )
    )
    assert set(v["voters_eligible"]) == {19}
    assert v["members_official"] == [20]
    assert v["votes_for"] == [17]


def test_a_bracket_after_a_count_breaks_it_down() -> None:
    v = _values(_doc(_prose([*HEAD, "Đảng viên: 16 (chính thức 15, dự bị 01)."])))
    assert v["members_official"] == [15]
    assert v["members_probationary"] == [1]


def test_a_row_of_groups_with_a_count_and_its_share_is_read_group_by_group() -> None:
    v = _values(
        _table_doc(
            [
                ["Thành phần", "Số lượng", "Tỷ lệ (%)", "Kiểm phiếu", "Số lượng", "Tỷ lệ (%)"],
                ["Có mặt", "17", "94,4", "Số phiếu hợp lệ", "17", "100"],
                ["Vắng mặt", "1", "5,6", "Số phiếu tán thành", "16", "88,9"],
            ]
        )
    )
    assert v["members_present"] == [17]
    assert v["members_absent"] == [1]
    assert v["ballots_valid"] == [17]
    assert v["votes_for"] == [16]
    assert v["votes_for_pct"] == [88.9]


def test_a_count_of_those_elected_is_not_the_votes() -> None:
    v = _values(
        _doc(
            _prose(
                [
                    *HEAD,
                    "Hội nghị nhất trí bầu 03 đồng chí vào Tổ kiểm phiếu.",
                    "Số phiếu tán thành: 12 phiếu.",
                ]
            )
        )
    )
    assert v["votes_for"] == [12]


def test_a_row_of_shares_says_the_base_its_label_names() -> None:
    v = _values(
        _table_doc(
            [
                ["", "Phiếu hợp lệ", "Đồng ý", "Không đồng ý"],
                ["Số phiếu", "12", "10", "2"],
                ["Tỷ lệ (%) so với số phiếu hợp lệ", "100", "83,33", "16,67"],
            ]
        )
    )
    assert v["votes_for_pct"] == [83.33]
    assert v["votes_for_pct_base"] == ["ballots_valid"]
    assert v["votes_against_pct_base"] == ["ballots_valid"]
