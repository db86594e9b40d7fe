"""The spaCy pipeline (tokens, numbers, concepts) and the structures of extractors/nlp, from our own wordings."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from extractors import Line, Provenance
from extractors.fields import extract_fields
from extractors.nlp.pipeline import LEXICON_FILE, analyse
from extractors.nlp.structures import STRUCTURES_FILE, StructureReader, load_structures
from extractors.text import wrapped_paragraphs

from .test_fields import BC, CHI_BO_HEAD, DANG_BO_HEAD, PH, TT, doc, read, values


def toks(text: str) -> list[tuple[str, str]]:
    return [(t.text, t._.concept or t._.kind) for t in analyse(text)]


def test_tokenizer_splits_vietnamese_punctuation_but_keeps_numbers_whole() -> None:
    d = analyse("Chi bộ:21 đảng viên (18 chính thức, 3 dự bị); tỷ lệ 93,5 %, có mặt 17 /18 đ/c")
    texts = [t.text for t in d]
    assert ":" in texts and "(" in texts and ")" in texts and ";" in texts
    nums = [(t.text, t._.kind, t._.num, t._.den) for t in d if t._.kind]
    assert nums == [
        ("21", "NUM", 21, None),
        ("18", "NUM", 18, None),
        ("3", "NUM", 3, None),
        ("93,5 %", "PCT", 93.5, None),
        ("17 /18", "FRAC", 17, 18),
    ]
    assert [t.text for t in d if t._.concept == "unit_member"] == ["đảng viên", "đ/c"]


def test_numbers_leading_zeros_fractions_and_masked_dates() -> None:
    d = analyse("Ngày 20/12/2024, năm 2024: 08 đồng chí, 12/04 cuộc, 17/ 18 phiếu, 1.200 đồng")
    nums = [(t._.kind, t._.num, t._.den) for t in d if t._.kind]
    assert nums == [("NUM", 8, None), ("FRAC", 12, 4), ("FRAC", 17, 18), ("NUM", 1200, None)]


def test_token_extensions_fold_and_provenance() -> None:
    line = Line(text="Số phiếu hợp lệ: 12", prov=Provenance(file="a.pdf", page=2, block=3))
    d = analyse(line.text, line)
    valid = next(t for t in d if t._.concept == "ballots_valid")
    assert valid._.fold == "so phieu hop le"
    twelve = next(t for t in d if t._.kind)
    prov, start, end = twelve._.prov
    assert prov.page == 2 and line.text[start:end] == "12"


def test_concepts_longest_phrase_wins() -> None:
    d = toks("3 đồng chí không hoàn thành nhiệm vụ, 2 HTNV, phiếu không hợp lệ")
    assert ("không hoàn thành nhiệm vụ", "rating_khong_hoan_thanh") in d
    assert ("HTNV", "rating_hoan_thanh") in d
    assert ("phiếu không hợp lệ", "ballots_invalid") in d


# -- the observed causes, each in a wording of our own -----------------------------------------


def test_breakdown_after_count_is_not_the_total() -> None:
    got = read("Chi bộ hiện có 27 đảng viên (24 chính thức, 03 dự bị).")
    assert got["members_total"] == [27] and got["members_official"] == [24]
    assert got["members_probationary"] == [3]


def test_breakdown_with_labels_first_is_not_the_total() -> None:
    got = read("Số đảng viên trong danh sách: 27 (chính thức 24, dự bị 3).")
    assert got == {"members_total": [27], "members_official": [24], "members_probationary": [3]}


def test_breakdown_in_a_label_value_row() -> None:
    got = read(["Đảng viên trong danh sách", "27 (chính thức 24, dự bị 3)"])
    assert got["members_total"] == [27] and got["members_official"] == [24]


def test_official_members_who_voted_are_not_the_official_members() -> None:
    got = read("Số đảng viên chính thức tham gia biểu quyết: 22 đồng chí.")
    assert "members_official" not in got


def test_of_which_exempt_members_are_not_probationary() -> None:
    got = read("Tổng số đảng viên: 31 đồng chí, trong đó 2 đồng chí được miễn sinh hoạt đảng.")
    assert got.get("members_excused") == [2] and "members_probationary" not in got
    got = read("Tổng số đảng viên 31 đ/c, trong đó 29 đ/c thường xuyên tham gia sinh hoạt.")
    assert got == {"members_total": [31]}


def test_both_meeting_kinds_in_one_cell() -> None:
    got = read(
        ["Sinh hoạt", "Trong năm tổ chức 12 cuộc sinh hoạt thường kỳ và 5 cuộc sinh hoạt chuyên đề"], BC
    )
    assert got == {"regular_meetings": [12], "thematic_meetings": [5]}


def test_label_naming_both_meeting_kinds() -> None:
    got = read(["Số cuộc sinh hoạt thường kỳ / chuyên đề", "12/04"], BC)
    assert got == {"regular_meetings": [12], "thematic_meetings": [4]}
    got = read(["Sinh hoạt thường kỳ và chuyên đề", "12 cuộc thường kỳ, 4 cuộc chuyên đề"], BC)
    assert got == {"regular_meetings": [12], "thematic_meetings": [4]}


def test_percentage_keeps_its_stated_base() -> None:
    got = read("Số phiếu đồng ý: 12 phiếu, đạt 92,31% so với tổng số người có quyền biểu quyết.")
    assert got["votes_for"] == [12] and got["votes_for_pct"] == [92.31]
    assert got["votes_for_pct_base"] == ["voters_eligible"]
    got = read("Không tán thành 1 phiếu, bằng 7,69% so với số phiếu hợp lệ.")
    assert got["votes_against_pct_base"] == ["ballots_valid"]


def test_ratings_as_fractions() -> None:
    got = read(
        "Có 03/16 đồng chí xếp loại hoàn thành xuất sắc nhiệm vụ, 12/16 đồng chí hoàn thành tốt "
        "nhiệm vụ và 01/16 đồng chí hoàn thành nhiệm vụ.",
        BC,
    )
    assert got["rating_xuat_sac"] == [3] and got["rating_tot"] == [12]
    assert got["rating_hoan_thanh"] == [1] and set(got["members_rated"]) == {16}


def test_ratings_in_the_older_wording() -> None:
    got = read(
        "4 đồng chí đủ tư cách hoàn thành xuất sắc nhiệm vụ, 11 đồng chí đủ tư cách hoàn thành tốt nhiệm vụ.",
        BC,
    )
    assert got["rating_xuat_sac"] == [4] and got["rating_tot"] == [11]


def test_ratings_as_shares_only() -> None:
    got = read("Kết quả: 25% đảng viên hoàn thành xuất sắc nhiệm vụ; 75% hoàn thành tốt nhiệm vụ.", BC)
    assert got == {"rating_xuat_sac_pct": [25.0], "rating_tot_pct": [75.0]}


def test_rating_abbreviations_and_zero_in_words() -> None:
    got = read(
        "HTXSNV: 02 đ/c; HTTNV: 13 đ/c; HTNV: 1 đ/c. Không có đảng viên nào không hoàn thành nhiệm vụ.", BC
    )
    assert got == {
        "rating_xuat_sac": [2],
        "rating_tot": [13],
        "rating_hoan_thanh": [1],
        "rating_khong_hoan_thanh": [0],
    }


def test_a_cumulative_level_is_not_one_level() -> None:
    got = read("Có 15 đồng chí hoàn thành tốt nhiệm vụ trở lên.", BC)
    assert "rating_tot" not in got


def test_next_years_targets_are_not_results() -> None:
    got = read("Năm 2025, chi bộ phấn đấu tổ chức 12 kỳ sinh hoạt thường kỳ, 4 chuyên đề.", BC)
    assert got == {}
    rows = [
        *CHI_BO_HEAD,
        "Năm 2024 chi bộ tổ chức 11 kỳ sinh hoạt thường kỳ.",
        "III. PHƯƠNG HƯỚNG NĂM 2025",
        "Tổ chức 12 kỳ sinh hoạt thường kỳ; 4 kỳ sinh hoạt chuyên đề.",
        "IV. KIẾN NGHỊ",
    ]
    assert values(rows, BC).get("regular_meetings") == [11]


def test_spaced_fraction_unit_abbreviation_and_leading_zeros() -> None:
    got = read("Có mặt 17 /18 đ/c; số phiếu phát ra 07 phiếu, thu về 07 phiếu.")
    assert got["members_present"] == [17] and got["ballots_issued"] == [7] and got["ballots_returned"] == [7]


def test_readings_say_what_read_them() -> None:
    from extractors.fields import extract_fields

    from .test_fields import doc

    rs = extract_fields(doc([*CHI_BO_HEAD, "Chi bộ có 27 đảng viên (24 chính thức, 3 dự bị)."]), TT)
    total = next(r for r in rs if r.field == "members_total")
    assert total.rule == "count_then_breakdown" and total.score > 0.5


# -- a new wording is a data change -----------------------------------------------------------


def test_new_wording_is_read_from_data_files_alone(tmp_path: Path) -> None:
    line = Line(
        text="Đảng viên hiện diện tại hội nghị: 19/21 đồng chí", prov=Provenance(file="x.docx", page=1)
    )
    bundled = StructureReader()
    assert not bundled.read([line], "bien_ban_kiem_phieu", True).readings

    lexicon = yaml.safe_load(LEXICON_FILE.read_text("utf-8"))
    lexicon["concepts"]["present"]["phrases"].append("dang vien hien dien tai hoi nghi")
    structures = yaml.safe_load(STRUCTURES_FILE.read_text("utf-8"))
    structures["patterns"].append(
        {
            "id": "present_of_total",
            "pattern": "present SEP? FRAC unit_member?",
            "read": ["members_present/members_total"],
        }
    )
    lex_path, str_path = tmp_path / "lexicon.yaml", tmp_path / "structures.yaml"
    lex_path.write_text(yaml.safe_dump(lexicon, allow_unicode=True), "utf-8")
    str_path.write_text(yaml.safe_dump(structures, allow_unicode=True), "utf-8")

    found = StructureReader(str_path, lex_path).read([line], "bien_ban_kiem_phieu", True)
    assert {(r.field, r.value) for r in found.readings} == {("members_present", 19), ("members_total", 21)}


def test_a_pattern_naming_an_unknown_concept_or_field_fails_at_load(tmp_path: Path) -> None:
    bad = tmp_path / "s.yaml"
    bad.write_text(
        yaml.safe_dump({"patterns": [{"id": "x", "pattern": "no_such_concept NUM", "read": ["votes_for"]}]})
    )
    with pytest.raises(ValueError, match="unknown concept"):
        load_structures(bad)
    bad.write_text(
        yaml.safe_dump({"patterns": [{"id": "x", "pattern": "present NUM", "read": ["vote_four"]}]})
    )
    with pytest.raises(ValueError, match="unknown field"):
        load_structures(bad)


def test_breakdown_after_of_which_in_a_new_sentence() -> None:
    got = read(
        "- Tổng số đảng viên: 14 đ/c. Trong đó: đảng viên chính thức: 12 đ/c; đảng viên dự bị: 02 đ/c."
    )
    assert got == {"members_total": [14], "members_official": [12], "members_probationary": [2]}
    got = read("Chi bộ Trạm Y tế có 14 đảng viên, trong đó 12 đảng viên chính thức, 02 đảng viên dự bị.")
    assert got == {"members_total": [14], "members_official": [12], "members_probationary": [2]}


def test_wrapped_table_labels_of_voters_and_vote_participants() -> None:
    got = read(["Đảng viên chính thức có quyền", "21", "trừ đảng viên miễn"])
    assert got == {"voters_eligible": [21]}
    got = read(["Số đảng viên chính thức tham", "20"])
    assert "members_official" not in got


def test_member_ratings_of_a_party_committee_are_read_with_their_unit() -> None:
    rows = [*DANG_BO_HEAD, "Kết quả xếp loại: 30/226 đồng chí xếp loại hoàn thành xuất sắc nhiệm vụ."]
    got = values(rows, BC)
    assert got["rating_xuat_sac"] == [30]


def test_cells_of_a_party_committee_by_level() -> None:
    rows = [
        *DANG_BO_HEAD,
        "Đánh giá chi bộ trực thuộc: 03/11 chi bộ hoàn thành xuất sắc nhiệm vụ, 8/11 hoàn thành tốt nhiệm vụ.",
    ]
    got = values(rows, BC)
    assert got["subordinates_xuat_sac"] == [3] and got["subordinates_tot"] == [8]
    assert set(got["subordinates_total"]) == {11}


def test_label_naming_both_meeting_kinds_without_spaces() -> None:
    got = read(["Sinh hoạt thường kỳ/chuyên đề", "12/04 cuộc"], BC)
    assert got == {"regular_meetings": [12], "thematic_meetings": [4]}


def test_a_sentence_wrapped_over_pdf_lines_is_read_whole() -> None:
    rows = [
        *CHI_BO_HEAD,
        "Kết quả đánh giá, xếp loại đảng viên: 03/18 đồng chí xếp loại",
        "hoàn thành xuất sắc nhiệm vụ; 14/18 đồng chí xếp loại hoàn thành",
        "tốt nhiệm vụ; 01/18 đồng chí xếp loại hoàn thành nhiệm vụ.",
    ]
    got = values(rows, BC, source="pdf_text")
    assert got["rating_xuat_sac"] == [3] and got["rating_tot"] == [14] and got["rating_hoan_thanh"] == [1]
    rs = extract_fields(doc(rows, "pdf_text"), BC)
    tot = next(r for r in rs if r.field == "rating_tot")
    assert tot.raw.startswith("hoàn thành xuất sắc")  # the line its number stands on


def test_a_cumulative_level_is_not_the_members_rated() -> None:
    got = read(
        "Có 19 đồng chí được xếp loại hoàn thành tốt nhiệm vụ trở lên, trong đó 4 đồng chí hoàn thành xuất sắc nhiệm vụ.",
        BC,
    )
    assert "members_rated" not in got and "rating_tot" not in got
    assert got["rating_xuat_sac"] == [4]
    rows = [*DANG_BO_HEAD, "Có 12 chi bộ trực thuộc được đánh giá, xếp loại."]
    assert "members_rated" not in values(rows, BC)


def test_meetings_per_quarter_are_not_the_years_count() -> None:
    got = read("Sinh hoạt chuyên đề: mỗi quý 01 cuộc, cả năm 04 cuộc.", BC)
    assert got == {"thematic_meetings": [4]}
    got = read("Chi bộ duy trì sinh hoạt chuyên đề mỗi quý 01 cuộc.", BC)
    assert "thematic_meetings" not in got


def test_meetings_held_over_planned_are_the_years_count() -> None:
    got = read("Năm qua chi bộ họp thường kỳ đạt 10/12 kỳ theo kế hoạch; chuyên đề được 3/4 cuộc.", BC)
    assert got == {"regular_meetings": [10], "thematic_meetings": [3]}
    got = read("Chi bộ giữ nền nếp sinh hoạt định kỳ đủ 12/12 kỳ trong năm.", BC)
    assert got == {"regular_meetings": [12]}


def test_votes_for_as_a_fraction_of_official_members() -> None:
    got = read("Kết quả: có 13/14 đảng viên chính thức tán thành.")
    assert got["votes_for"] == [13] and got["members_official"] == [14]


def test_a_disciplined_member_is_not_the_member_count() -> None:
    got = read("Chi bộ có 01 đồng chí bị kỷ luật khiển trách.", BC)
    assert got == {"disciplined_members": [1]}


def test_a_unit_named_with_a_number_keeps_it() -> None:
    rows = [
        [
            "ĐẢNG BỘ PHƯỜNG HÒA BÌNH CHI BỘ KHU PHỐ SỐ 3 * Số: 04-TTr/CB",
            "ĐẢNG CỘNG SẢN VIỆT NAM Hòa Bình, ngày 02 tháng 12 năm 2024",
        ],
        "TỜ TRÌNH",
        "Chi bộ Khu phố số 3 đề nghị xét công nhận.",
    ]
    assert values(rows, TT)["unit_name"] == ["Chi bộ Khu phố số 3"]


def test_a_star_misread_by_ocr_is_not_part_of_the_unit_name() -> None:
    rows = [
        "ĐẢNG BỘ XÃ AN HÒA",
        "CHI BỘ HỢP TÁC XÃ",
        "DỊCH VỤ AN PHÚ",
        "17% KM 2",
        "Số: 05-TTr/CB",
        "TỜ TRÌNH",
    ]
    assert values(rows, TT)["unit_name"] == ["Chi bộ Hợp Tác Xã Dịch Vụ An Phú"]


def test_abbreviated_ratings_with_shares_in_one_cell() -> None:
    got = read(
        [
            "Xếp loại đảng viên",
            "HTXSNV: 02 đ/c (12,5%); HTTNV: 13 đ/c (81,25%); HTNV: 01 đ/c (6,25%); KHTNV: 0",
        ],
        BC,
    )
    assert got == {
        "rating_xuat_sac": [2],
        "rating_tot": [13],
        "rating_hoan_thanh": [1],
        "rating_khong_hoan_thanh": [0],
    }


def test_a_note_cell_does_not_veto_the_rows_value() -> None:
    rows = [
        *CHI_BO_HEAD,
        ["TT", "Chỉ tiêu", "Kết quả", "Ghi chú"],
        ["1", "Sinh hoạt chuyên đề", "05 cuộc", "mỗi quý ít nhất 01 cuộc"],
    ]
    assert values(rows, BC)["thematic_meetings"] == [5]


def test_no_disciplined_member_said_in_words() -> None:
    assert read("Số đảng viên bị kỷ luật trong năm: không.", BC) == {"disciplined_members": [0]}


def test_cells_at_a_level_said_to_be_none() -> None:
    rows = [
        *DANG_BO_HEAD,
        "Có 3 chi bộ hoàn thành xuất sắc nhiệm vụ, 9 chi bộ hoàn thành tốt nhiệm vụ; không có chi bộ nào xếp loại hoàn thành nhiệm vụ.",
    ]
    got = values(rows, BC)
    assert got["subordinates_hoan_thanh"] == [0]


def test_word_paragraphs_cut_by_a_hard_wrap_are_read_as_one_sentence() -> None:
    # A text pasted into Word with its line breaks: each line is a paragraph of its own.
    rows = [
        *CHI_BO_HEAD,
        "Qua kiểm điểm cuối năm, chi bộ xếp loại: 04/20 đồng chí xếp",
        "loại hoàn thành xuất sắc nhiệm vụ; 15/20 đồng chí xếp loại",
        "hoàn thành tốt nhiệm vụ; 01/20 đồng chí hoàn thành nhiệm vụ.",
    ]
    got = values(rows, BC)
    assert got["rating_xuat_sac"] == [4] and got["rating_tot"] == [15] and got["rating_hoan_thanh"] == [1]
    assert set(got["members_rated"]) == {20}
    tot = next(r for r in extract_fields(doc(rows), BC) if r.field == "rating_tot")
    assert tot.raw.startswith("loại hoàn thành xuất sắc")  # evidence is the paragraph the number is in


def test_word_paragraphs_that_end_their_own_sentence_are_not_joined() -> None:
    lines = [
        Line(text=t, prov=Provenance(file="t.docx", page=1, block=i))
        for i, t in enumerate(
            [
                "Tổng số đảng viên: 19",  # a label line: the next starts in capitals
                "Đảng viên chính thức: 17",
                "Sinh hoạt chuyên đề:",  # ends with ":"
                "04 cuộc trong năm",
                "II. KẾT QUẢ",  # a heading
                "trong năm chi bộ tổ chức 12 cuộc sinh hoạt thường kỳ và",
                "- 4 cuộc chuyên đề.",  # a list item starts a sentence of its own
                "tổ chức đủ 12 cuộc sinh hoạt",
                "thường kỳ.",
            ]
        )
    ]
    assert wrapped_paragraphs(lines) == frozenset({id(lines[7])})


def test_a_bracketed_numerator_keeps_its_denominator() -> None:
    rows = [
        *DANG_BO_HEAD,
        "Xếp loại tổ chức cơ sở đảng trực thuộc (03)/12 chi bộ hoàn thành xuất sắc nhiệm vụ, 9/12 chi bộ hoàn thành tốt nhiệm vụ.",
    ]
    got = values(rows, BC)
    assert got["subordinates_xuat_sac"] == [3] and got["subordinates_tot"] == [9]
    assert set(got["subordinates_total"]) == {12}
    nums = [(t._.kind, t._.num, t._.den) for t in analyse("có (03)/12 chi bộ, (5) cuộc") if t._.kind]
    assert nums == [("FRAC", 3, 12), ("NUM", 5, None)]


def test_a_value_cell_that_is_a_sentence_is_read_as_prose() -> None:
    rows = [
        *DANG_BO_HEAD,
        ["Nội dung", "Kết quả"],
        [
            "Xếp loại các chi bộ trực thuộc",
            "03/12 chi bộ hoàn thành xuất sắc nhiệm vụ, 7/12 hoàn thành tốt nhiệm vụ, 2/12 hoàn thành nhiệm vụ; "
            "có 12/12 chi bộ đăng ký và 11/12 chi bộ đạt “chi bộ bốn tốt”.",
        ],
    ]
    got = values(rows, BC)
    assert got["subordinates_xuat_sac"] == [3] and got["subordinates_tot"] == [7]
    assert got["subordinates_hoan_thanh"] == [2] and set(got["subordinates_total"]) == {12}
    assert got["subordinates_registered_bon_tot"] == [12] and got["subordinates_bon_tot"] == [11]


def test_a_score_row_written_as_prose_names_its_columns() -> None:
    rows = [
        *CHI_BO_HEAD,
        "Tiêu chí 1. Hoàn thành tốt nhiệm vụ chính trị - điểm chuẩn 25, tự chấm 23,5",
        "a) Quán triệt, triển khai nghị quyết: tối đa 10 điểm, trừ 1, tự chấm 9.",
        "Tiêu chí 2. Chất lượng sinh hoạt tốt: thang điểm 25; điểm đạt 25.",
        "Tổng cộng: điểm chuẩn 50, tự chấm 48,5.",
        "Chi bộ tự đánh giá đạt 48,5/50 điểm.",  # a verdict sentence, no score row
    ]
    v = values(rows, PH)
    assert {"index": 1, "max": 25.0, "score": 23.5, "passed": None} in v["criterion"]
    assert {"index": 2, "max": 25.0, "score": 25.0, "passed": None} in v["criterion"]
    items = {c["item"]: c for c in v["criterion_item"]}
    assert items["a"]["criterion"] == 1 and (items["a"]["max"], items["a"]["score"]) == (10, 9)
    assert v["criteria_total"] == [{"max": 50.0, "score": 48.5}]
