"""Pattern rules per field family: prose, table rows (cells) and OCR-like lines, with damage and negatives."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from extractors import DocType, DocumentText, Line, Page, Provenance
from extractors.fields import extract_fields
from extractors.fields.patterns import load_patterns
from extractors.vocabulary import FIELDS

Row = str | list[str]


def doc(rows: Sequence[Row], source: str = "docx", file: str = "t.docx") -> DocumentText:
    """A document from strings (paragraphs / OCR lines) and lists (table rows with cells)."""
    lines = []
    for i, r in enumerate(rows):
        if isinstance(r, list):
            lines.append(
                Line(text=" | ".join(r), cells=r, prov=Provenance(file=file, page=1, block=i, table=0, row=i))
            )
        else:
            lines.append(Line(text=r, prov=Provenance(file=file, page=1, block=i)))
    method = "ocr" if source == "ocr" else source
    return DocumentText(
        file=file, sha256="0" * 64, source=source, pages=[Page(number=1, method=method, lines=lines)]
    )


def values(rows: Sequence[Row], doc_type: DocType, source: str = "docx") -> dict[str, list]:
    out: dict[str, list] = {}
    for r in extract_fields(doc(rows, source), doc_type):
        out.setdefault(r.field, []).append(r.value)
    return out


CHI_BO_HEAD = ["ĐẢNG BỘ CƠ QUAN CHÍNH QUYỀN HUYỆN", "CHI BỘ PHÒNG TƯ PHÁP", "*", "Số 05-TTr/CB"]
DANG_BO_HEAD = [
    [
        "HUYỆN ỦY CẦN ĐƯỚC ĐẢNG ỦY XÃ LONG TRẠCH * Số: 12-BC/ĐU",
        "ĐẢNG CỘNG SẢN VIỆT NAM Long Trạch, ngày 08 tháng 12 năm 2024",
    ]
]
TT, BB, BC, PH = DocType.TO_TRINH, DocType.BIEN_BAN_KIEM_PHIEU, DocType.BAO_CAO, DocType.PHIEU_TU_DANH_GIA


# A cell's document body line, read under a chi bộ's header; the header's own fields left out.
def read(line: str | list[str], doc_type=BB) -> dict[str, list]:
    v = values([*CHI_BO_HEAD, line], doc_type)
    return {k: x for k, x in v.items() if k not in ("unit_name", "unit_kind", "parent_name", "doc_number")}


def test_patterns_name_only_known_fields() -> None:
    p = load_patterns()
    names = {r.field for r in p.rules} | {r.sub_field for r in p.rules} | {r.pct_field for r in p.rules}
    assert names - {None} <= set(FIELDS)
    for dt in (TT, BB, BC):
        assert p.matcher(dt.value)[0] is not None


def test_every_reading_keeps_raw_and_provenance() -> None:
    d = doc([*CHI_BO_HEAD, "Số phiếu phát ra: 11 phiếu."])
    rs = extract_fields(d, BB)
    issued = [r for r in rs if r.field == "ballots_issued"]
    assert issued and issued[0].raw == "Số phiếu phát ra: 11 phiếu." and issued[0].prov.block == 4
    assert all(r.field in FIELDS for r in rs)


# -- document fields ---------------------------------------------------------------------------
def test_header_lines_chi_bo() -> None:
    v = values(
        [
            *CHI_BO_HEAD,
            "ĐẢNG CỘNG SẢN VIỆT NAM",
            "Cần Đước, ngày 16 tháng 12 năm 2025",
            "TỜ TRÌNH",
            "Về việc đề nghị công nhận “chi bộ bốn tốt” năm 2024",
            "Kính gửi: Ban Thường vụ Đảng ủy Cơ quan Chính quyền huyện.",
            "Chi bộ Phòng Tư pháp có 11 đảng viên.",
            ["Nơi nhận: - Như trên", "T/M CHI BỘ BÍ THƯ Cầm Thị Xuân"],
        ],
        TT,
    )
    assert v["unit_kind"][0] == "chi_bo"
    assert "Chi bộ Phòng Tư pháp" in v["unit_name"]
    assert v["parent_name"] == ["Đảng bộ Cơ Quan Chính Quyền Huyện"] or v["parent_name"][0].startswith(
        "Đảng bộ"
    )
    assert v["doc_number"] == ["05-TTr/CB"]
    assert v["doc_date"] == ["2025-12-16"]
    assert v["place"] == ["Cần Đước"]
    assert v["year"] == [2024]  # the year assessed, not the date line's 2025
    assert v["recipient"] == ["Ban Thường vụ Đảng ủy Cơ quan Chính quyền huyện"]
    assert v["signer"] == ["Cầm Thị Xuân"] and v["signer_title"] == ["Bí thư"]


def test_header_table_dang_bo_and_slash_date() -> None:
    v = values([*DANG_BO_HEAD, "BÁO CÁO", "Kết quả xây dựng “đảng bộ cơ sở bốn tốt” năm 2024"], BC)
    assert set(v["unit_kind"]) == {"dang_bo_co_so"}
    assert v["doc_number"] == ["12-BC/ĐU"]
    assert v["doc_date"] == ["2024-12-08"]
    assert v["parent_name"][0].lower().startswith("huyện ủy")
    v2 = values(
        ["CHI BỘ ẤP 3", "Số: 7-BB/CB", "Phước Đông, 10/12/2024", "BIÊN BẢN KIỂM PHIẾU", "năm 2024"], BB
    )
    assert v2["doc_date"] == ["2024-12-10"] and v2["doc_number"] == ["7-BB/CB"]


def test_impossible_date_reads_none_with_note() -> None:
    rs = extract_fields(
        doc(["CHI BỘ ẤP 3", "Số 01-TTr/CB", "Ấp 3, ngày 31 tháng 02 năm 2024", "TỜ TRÌNH"]), TT
    )
    dates = [r for r in rs if r.field == "doc_date"]
    assert dates and dates[0].value is None and dates[0].note


def test_ocr_header_without_diacritics() -> None:
    v = values(
        [
            "DANG BO XA PHUOC DONG DANG CONG SAN VIET NAM",
            "CHI BO AP 3",
            "So 05-TTr/CB Phuoc Dong, ngay 10 thang 12 nam 2024",
            "TO TRINH",
            "de nghi cong nhan chi bo bon tot nam 2024",
        ],
        TT,
        "ocr",
    )
    assert v["unit_kind"][0] == "chi_bo"
    assert v["doc_date"] == ["2024-12-10"]
    assert v["year"] == [2024]
    assert "DANG BO XA PHUOC DONG" in v["parent_name"][0].upper()


def test_ocr_header_with_a_glyph_for_a_letter() -> None:
    """A 150 dpi scan: "CHI" read as "CH¡"; the unit is still a chi bộ, its parent apart."""
    v = values(
        [
            "ĐẢNG BỘ XÃ LONG TRẠCH | ĐẢNG CỘNG SẢN VIỆT NAM",
            "CH¡ BỘ TRƯỜNG THCS LONG TRẠCH",
            "* Long Trạch, ngày 10 tháng 12 năm 2024",
            "TỜ TRÌNH",
            "Đề nghị công nhận Chi bộ Trường THCS Long Trạch đạt “chi bộ bốn tốt” năm 2024",
        ],
        TT,
        "ocr",
    )
    assert v["unit_kind"][0] == "chi_bo"
    assert v["unit_name"] == ["Chi bộ Trường THCS Long Trạch"]
    assert v["parent_name"] == ["Đảng bộ Xã Long Trạch"]


def test_ocr_header_noise_after_the_unit_is_let_go_when_the_body_names_it() -> None:
    v = values(
        [
            "ĐẢNG BỘ PHƯỜNG TÂN ĐỊNH | ĐẢNG CỘNG SẢN VIỆT NAM",
            "CHI BỘ KHU PHỐ 3 L3",
            "Số: 21-PĐG/CB | Tân Định, ngày 07 tháng 12 năm 2024",
            "BẢNG TỰ CHẤM ĐIỂM",
            "Chi bộ Khu phố 3 tự đánh giá, chấm điểm theo thang điểm 100 như sau:",
        ],
        PH,
        "ocr",
    )
    assert v["unit_name"] == ["Chi bộ Khu phố 3"]


def test_legacy_label() -> None:
    v = values([*CHI_BO_HEAD, "Năm 2016 chi bộ đạt trong sạch, vững mạnh tiêu biểu."], BC)
    assert v["legacy_rating_label"] == ["trong sach, vung manh tieu bieu"]


# -- the vote ----------------------------------------------------------------------------------
def test_vote_prose() -> None:
    v = values(
        [
            *CHI_BO_HEAD,
            "Tổng số đảng viên của chi bộ: 15 đồng chí; trong đó đảng viên chính thức: 13 đồng chí, đảng viên dự bị: 02 đồng chí.",
            "Có mặt 14/15 đảng viên; vắng mặt 01 đồng chí (có lý do).",
            "Số phiếu phát ra: 12 phiếu; số phiếu thu về: 12 phiếu.",
            "Số phiếu hợp lệ: 12 phiếu; số phiếu không hợp lệ: 0 phiếu.",
            "Số phiếu tán thành: 12 phiếu, đạt 100%; không tán thành: 0 phiếu.",
        ],
        BB,
    )
    assert v["members_total"] == [15, 15]
    assert v["members_official"] == [13] and v["members_probationary"] == [2]
    assert v["members_present"] == [14] and v["members_absent"] == [1]
    assert v["ballots_issued"] == [12] and v["ballots_returned"] == [12]
    assert v["ballots_valid"] == [12] and v["ballots_invalid"] == [0]
    assert v["votes_for"] == [12] and v["votes_for_pct"] == [100.0]
    assert v["votes_against"] == [0]


def test_vote_table_rows_with_pct_column() -> None:
    v = values(
        [
            *DANG_BO_HEAD,
            ["Nội dung", "Số lượng (đồng chí)"],
            ["Tổng số đảng ủy viên", "15"],
            ["TT", "Nội dung", "Số phiếu", "Tỷ lệ (%)"],
            ["1", "Số phiếu thu vào", "14", "100"],
            ["2", "Đồng ý", "13", "86,67"],
            ["3", "Không đồng ý", "01", "6,67"],
        ],
        BB,
    )
    assert v["committee_members"] == [15]
    assert v["ballots_returned"] == [14]
    assert v["votes_for"] == [13] and v["votes_for_pct"] == [86.67]
    assert v["votes_against"] == [1] and v["votes_against_pct"] == [6.67]


def test_vote_ocr_damage_and_split_line() -> None:
    v = values(
        [
            "CHI BO AP 3",
            "So phieu phat ra: 1O phieu",  # O for 0
            "So phieu thu ve:",  # label and number split over two lines
            "l2 phieu",  # l for 1
            "So phieu khong tan thanh: 0 phieu",
            "So phieu tan thanh  :  12  phieu",
        ],
        BB,
        "ocr",
    )
    assert v["ballots_issued"] == [10]
    assert v["ballots_returned"] == [12]
    assert v["votes_against"] == [0]  # not read as votes_for
    assert v["votes_for"] == [12]


def test_vote_negatives_dates_numbers_articles() -> None:
    v = values(
        [
            *CHI_BO_HEAD,
            "Căn cứ Điều 10 Điều lệ Đảng và Hướng dẫn số 10-HD/BTCHU ngày 28/10/2024;",
            "Hôm nay, lúc 14 giờ 00, ngày 12 tháng 12 năm 2024, chi bộ họp biểu quyết tán thành đề nghị năm 2024.",
        ],
        BB,
    )
    for name in ("votes_for", "members_total", "members_present", "ballots_issued"):
        assert name not in v


# -- member ratings ----------------------------------------------------------------------------
def test_ratings_prose_suffix_levels() -> None:
    v = values(
        [
            *CHI_BO_HEAD,
            "Tổng số đảng viên được đánh giá, xếp loại: 15 đồng chí; trong đó có 03 đồng chí hoàn thành xuất sắc nhiệm vụ, "
            "10 đồng chí hoàn thành tốt nhiệm vụ, 02 đồng chí hoàn thành nhiệm vụ, không có đồng chí không hoàn thành nhiệm vụ.",
        ],
        BC,
    )
    assert v["members_rated"] == [15]
    assert v["rating_xuat_sac"] == [3] and v["rating_tot"] == [10]
    assert v["rating_hoan_thanh"] == [2] and v["rating_khong_hoan_thanh"] == [0]


def test_ratings_label_then_number_and_table() -> None:
    v = values(
        [
            *CHI_BO_HEAD,
            "- Hoàn thành xuất sắc nhiệm vụ: 02 đồng chí;",
            "- Hoàn thành tốt nhiệm vụ: 11 đồng chí;",
            "- Không hoàn thành nhiệm vụ: 01 đồng chí.",
            ["Mức xếp loại", "Số lượng", "Tỷ lệ (%)"],
            ["Hoàn thành nhiệm vụ", "05", "2,37"],
        ],
        BC,
    )
    assert v["rating_xuat_sac"] == [2] and v["rating_tot"] == [11]
    assert v["rating_khong_hoan_thanh"] == [1] and v["rating_hoan_thanh"] == [5]


def test_ratings_ocr_dropped_diacritics_no_cells() -> None:
    v = values(
        ["CHI BO AP 3", "co O3 dong chi hoan thanh xuat sac nhiem vu, 1O dong chi hoàn thanh tot nhiem vu"],
        BC,
        "ocr",
    )
    assert v["rating_xuat_sac"] == [3] and v["rating_tot"] == [10]


def test_at_least_for_members_is_not_a_level() -> None:
    v = values([*CHI_BO_HEAD, ["7", "Đảng viên hoàn thành tốt nhiệm vụ trở lên", "206/211 (97,63%)"]], TT)
    assert "rating_tot" not in v


# -- activity ----------------------------------------------------------------------------------
def test_activity_prose() -> None:
    v = values(
        [
            *CHI_BO_HEAD,
            "Trong năm tổ chức 12/12 kỳ sinh hoạt thường kỳ và 04 kỳ sinh hoạt chuyên đề; tỷ lệ đảng viên dự sinh hoạt bình quân đạt 93,5 %.",
            "Có 01 đảng viên bị kỷ luật khiển trách. Kết nạp 02 đảng viên mới.",
        ],
        BC,
    )
    assert v["regular_meetings"] == [12] and v["thematic_meetings"] == [4]
    assert v["attendance_pct"] == [93.5]
    assert v["disciplined_members"] == [1]
    assert v["new_members"] == [2]


def test_activity_table_result_column_not_target() -> None:
    v = values(
        [
            *CHI_BO_HEAD,
            ["Nội dung", "Chỉ tiêu", "Kết quả"],
            ["Sinh hoạt thường kỳ (kỳ)", "12", "11"],
            ["Sinh hoạt chuyên đề (kỳ)", "4", "3"],
            ["Tỷ lệ đảng viên dự sinh hoạt", "Trên 85%", "84,2%"],
            ["Đảng viên bị xử lý kỷ luật", "Không"],
        ],
        BC,
    )
    assert v["regular_meetings"] == [11] and v["thematic_meetings"] == [3]
    assert v["attendance_pct"] == [84.2]
    assert v["disciplined_members"] == [0]


def test_activity_ocr_and_no_discipline() -> None:
    v = values(
        [
            "CHI BO AP 3",
            "Sinh hoat thuong ky: 12 ky, chuyen de: 4 ky",
            "Khong co to chuc dang, dang vien bi xu ly ky luat.",
        ],
        BC,
        "ocr",
    )
    assert v["regular_meetings"] == [12] and v["thematic_meetings"] == [4]
    assert v["disciplined_members"] == [0] and v["disciplined_organisations"] == [0]


def test_activity_negatives() -> None:
    v = values([*CHI_BO_HEAD, "Kế hoạch số 12-KH/CB ngày 05/01/2024 về sinh hoạt chuyên đề năm 2024."], BC)
    assert "thematic_meetings" not in v and "regular_meetings" not in v


# -- subordinates --------------------------------------------------------------------------------
def test_subordinates_prose() -> None:
    v = values(
        [
            *DANG_BO_HEAD,
            "Đảng bộ có 10 chi bộ trực thuộc; 10/10 chi bộ hoàn thành nhiệm vụ trở lên, 09 chi bộ hoàn thành tốt nhiệm vụ trở lên.",
            "Có 03 chi bộ hoàn thành xuất sắc nhiệm vụ, 06 chi bộ hoàn thành tốt nhiệm vụ, 01 chi bộ hoàn thành nhiệm vụ.",
            "Số chi bộ đăng ký “chi bộ bốn tốt”: 10/10; 09 chi bộ đạt “chi bộ bốn tốt”.",
        ],
        BC,
    )
    assert 10 in v["subordinates_total"]
    assert v["subordinates_at_least_hoan_thanh"] == [10] and v["subordinates_at_least_tot"] == [9]
    assert (
        v["subordinates_xuat_sac"] == [3]
        and v["subordinates_tot"] == [6]
        and v["subordinates_hoan_thanh"] == [1]
    )
    assert v["subordinates_registered_bon_tot"] == [10] and v["subordinates_bon_tot"] == [9]
    assert "rating_tot" not in v


def test_subordinates_level_table_under_heading() -> None:
    v = values(
        [
            *DANG_BO_HEAD,
            "4. Kết quả xếp loại chi bộ trực thuộc",
            ["Mức xếp loại", "Số lượng", "Tỷ lệ (%)"],
            ["Hoàn thành tốt nhiệm vụ", "05", "50"],
            ["Tổng số chi bộ trực thuộc", "10", "100"],
        ],
        BC,
    )
    assert v["subordinates_tot"] == [5] and v["subordinates_total"] == [10]
    assert "rating_tot" not in v


def test_subordinates_one_row_per_cell_counted() -> None:
    v = values(
        [
            *DANG_BO_HEAD,
            ["STT", "Tên chi bộ", "Xếp loại", "Đạt “bốn tốt”"],
            ["1", "Chi bộ Ấp 1", "Hoàn thành tốt nhiệm vụ", "Có"],
            ["2", "Chi bộ Ấp 2", "Hoàn thành xuất sắc nhiệm vụ", "Có"],
            ["3", "Chi bộ Ấp 3", "Hoàn thành nhiệm vụ", "Không"],
            "Đánh giá chung.",
        ],
        BC,
    )
    assert v["subordinates_total"] == [3]
    assert (
        v["subordinates_tot"] == [1]
        and v["subordinates_xuat_sac"] == [1]
        and v["subordinates_hoan_thanh"] == [1]
    )
    assert v["subordinates_bon_tot"] == [2]


def test_chi_bo_has_no_subordinate_readings() -> None:
    v = values([*CHI_BO_HEAD, "Chi bộ đạt “chi bộ bốn tốt” 3 năm liền; có 5 tổ đảng."], BC)
    assert not any(k.startswith("subordinates") for k in v)


# -- self-assessment -------------------------------------------------------------------------------
def test_score_table_header_order() -> None:
    v = values(
        [
            *CHI_BO_HEAD,
            ["STT", "Tiêu chí", "Điểm tự chấm", "Điểm tối đa"],  # score before max
            ["I", "Hoàn thành tốt nhiệm vụ chính trị", "24,5", "25"],
            ["a)", "Quán triệt nghị quyết", "9,5", "10"],
            ["1.2", "Lãnh đạo hoàn thành chỉ tiêu", "15", "15"],
            ["II", "Chất lượng sinh hoạt tốt", "25", "25"],
            ["", "Tổng cộng", "49,5", "50"],
        ],
        PH,
    )
    assert {"index": 1, "max": 25.0, "score": 24.5, "passed": None} in v["criterion"]
    assert {"index": 2, "max": 25.0, "score": 25.0, "passed": None} in v["criterion"]
    items = {c["item"]: c for c in v["criterion_item"]}
    assert items["a"]["criterion"] == 1 and items["a"]["score"] == 9.5 and items["a"]["max"] == 10
    assert items["1.2"]["score"] == 15
    assert v["criteria_total"] == [{"max": 50.0, "score": 49.5}]


def test_score_table_dat_khong_dat() -> None:
    v = values(
        [
            *CHI_BO_HEAD,
            ["TT", "Nội dung tiêu chí", "Đạt / Không đạt"],
            ["1", "Hoàn thành tốt nhiệm vụ chính trị", "Đạt"],
            ["1.1", "Quán triệt nghị quyết", "Đạt"],
            ["3", "Đoàn kết, kỷ luật tốt", "Không đạt"],
        ],
        PH,
    )
    assert {"index": 1, "max": None, "score": None, "passed": True} in v["criterion"]
    assert {"index": 3, "max": None, "score": None, "passed": False} in v["criterion"]
    assert v["criterion_item"][0]["passed"] is True


def test_pass_fail_words_under_a_header_that_reads_like_a_self_score() -> None:
    # "Kết quả tự đánh giá" names the self-assessment, as "Điểm tự đánh giá" would; the cells say
    # whether each criterion passed. "Chưa đạt" is a fail, not a pass that happens to end in "đạt".
    v = values(
        [
            *CHI_BO_HEAD,
            ["STT", "Tiêu chí", "Kết quả tự đánh giá"],
            ["2", "Chất lượng sinh hoạt tốt", "Đạt"],
            ["2.1", "Sinh hoạt định kỳ đều đặn", "Đạt"],
            ["4", "Cán bộ, đảng viên tốt", "Chưa đạt"],
            ["4.1", "Tỷ lệ đảng viên hoàn thành tốt nhiệm vụ", "Chưa đạt."],
        ],
        PH,
    )
    assert {"index": 2, "max": None, "score": None, "passed": True} in v["criterion"]
    assert {"index": 4, "max": None, "score": None, "passed": False} in v["criterion"]
    assert {(c["item"], c["passed"]) for c in v["criterion_item"]} == {("2.1", True), ("4.1", False)}


def test_score_table_ocr_lines() -> None:
    v = values(
        [
            "CHI BO AP 3",
            "PHIEU TU DANH GIA",
            "TT Noi dung tieu chi Diem chuan Diem tu cham",
            "1 Hoan thanh tot nhiem vu chinh tri 25 24,5",
            "1.1 Quan triet nghi quyet 10 1O",
            "3 Doan ket, ky luat tot 25 23",
            "Tong cong 100 97,5",
        ],
        PH,
        "ocr",
    )
    assert {"index": 1, "max": 25.0, "score": 24.5, "passed": None} in v["criterion"]
    assert {"index": 3, "max": 25.0, "score": 23.0, "passed": None} in v["criterion"]
    assert v["criterion_item"][0]["score"] == 10
    assert v["criteria_total"] == [{"max": 100.0, "score": 97.5}]


def test_criteria_in_prose_of_to_trinh() -> None:
    v = values(
        [
            *CHI_BO_HEAD,
            "Tự chấm: tiêu chí 1 đạt 24,5/25 điểm; tiêu chí 2 đạt 25/25 điểm; tổng cộng 98,5/100 điểm.",
        ],
        TT,
    )
    assert {"index": 1, "max": 25.0, "score": 24.5, "passed": None} in v["criterion"]
    assert v["criteria_total"] == [{"max": 100.0, "score": 98.5}]


@pytest.mark.parametrize("doc_type", [TT, BB, BC, PH, DocType.KHAC])
def test_empty_and_unrelated_documents(doc_type: DocType) -> None:
    assert extract_fields(DocumentText(file="x", sha256="0" * 64, source="none"), doc_type) == []
    v = values(["Ngày 10/12/2024", "Điều 10", "năm 2024", "Số 05-TTr/CB"], doc_type)
    assert not (set(v) - {"doc_date", "doc_number", "year"})


def test_pdf_sentence_wrapped_over_lines() -> None:
    v = values(
        [
            "CHI BỘ ẤP 3",
            "Trong năm, chi bộ tổ chức 12",
            "kỳ sinh hoạt thường kỳ và 04 kỳ sinh hoạt chuyên đề; có 09 đồng chí",
            "hoàn thành tốt nhiệm vụ, 0 đồng chí hoàn thành nhiệm vụ.",
        ],
        BC,
        "pdf_text",
    )
    assert v["regular_meetings"] == [12] and v["thematic_meetings"] == [4]
    assert v["rating_tot"] == [9] and v["rating_hoan_thanh"] == [0]


def test_score_table_roman_criteria_and_wrapped_header() -> None:
    v = values(
        [
            "CHI BỘ ẤP 3",
            ["STT", "Nội dung đánh giá", "Thang", "Điểm tự"],
            ["điểm", "đánh giá"],
            ["I", "HOÀN THÀNH TỐT NHIỆM VỤ CHÍNH TRỊ", "30", "29"],
            ["1", "Quán triệt nghị quyết", "12", "11"],
            ["II", "CHẤT LƯỢNG SINH HOẠT TỐT", "25", "25"],
        ],
        PH,
        "pdf_text",
    )
    assert v["criterion"] == [
        {"index": 1, "max": 30.0, "score": 29.0, "passed": None},
        {"index": 2, "max": 25.0, "score": 25.0, "passed": None},
    ]
    assert v["criterion_item"] == [
        {"criterion": 1, "item": "1.1", "max": 12.0, "score": 11.0, "passed": None}
    ]


# -- OCR and PDF damage in the score table, header, discipline and figure tables ----------------
def two_pages(first: Sequence[Row], second: Sequence[Row], source: str = "pdf_text") -> DocumentText:
    """A document whose table goes on over a page break."""
    pages = []
    for n, rows in enumerate((first, second), 1):
        d = doc(rows, source)
        lines = [
            ln.model_copy(update={"prov": ln.prov.model_copy(update={"page": n})}) for ln in d.pages[0].lines
        ]
        pages.append(Page(number=n, method=d.pages[0].method, lines=lines))
    return DocumentText(file="t.pdf", sha256="0" * 64, source=source, pages=pages)


def test_score_table_over_pages_and_wrapped_text_lines() -> None:
    # A wrapped label line ("tháng, …": "thang" also names a max column) must not redefine the header.
    d = two_pages(
        [
            *CHI_BO_HEAD,
            ["STT", "Tiêu chí", "Điểm", "Tự", "Ghi chú"],
            ["tối đa", "đánh"],
            "giá",
            ["1", "Hoàn thành tốt nhiệm vụ chính", "30", "29,5"],
            ["2.1 Duy trì sinh hoạt thường kỳ hằng", "10", "10"],
            "tháng, sinh hoạt chuyên đề mỗi quý",
            ["2.2 Nội dung sinh hoạt thiết thực, đúng", "8", "7,5", "trừ 0,5"],
            ["3", "Đoàn kết, kỷ luật tốt", "20", "19,5"],
        ],
        [
            ["4.1 Cán bộ, đảng viên gương mẫu, giữ", "10", "9"],
            ["4", "Cán bộ, đảng viên tốt", "25", "24"],
            ["Cộng", "100", "98"],
        ],
    )
    got = [r.value for r in extract_fields(d, PH)]
    crit = {v["index"]: v for v in got if isinstance(v, dict) and "index" in v}
    assert crit[1]["max"] == 30 and crit[1]["score"] == 29.5
    assert crit[3]["max"] == 20 and crit[3]["score"] == 19.5
    assert crit[4]["max"] == 25 and crit[4]["score"] == 24
    items = {v["item"]: v for v in got if isinstance(v, dict) and "item" in v}
    assert items["2.2"]["max"] == 8 and items["2.2"]["score"] == 7.5
    assert items["4.1"]["max"] == 10 and items["4.1"]["score"] == 9


def test_score_table_ocr_rows_named_criteria_and_junk() -> None:
    v = values(
        [
            "CHI BO AP 3",
            ["STT", "Nội dung đánh giá", "Thang", "Điểm tự"],
            [":", "N7", "điểm", "đánh giá"],
            ["__L", "HOÀN THÀNH TỐT NHIỆM VỤ CHÍNH _", "25", "24,5"],  # "I" read as "L"
            ["1", "Quán triệt, cụ thể hóa kịp thời các nghị -", "10", "9,5"],  # an item, not criterion 1
            ["3", "Lãnh đạo xây dựng chính quyền, đoàn thể", "7", "_ 6,5"],
            ["II", "CHẤTLƯỢNG SINHHOẠTTỐT", "25", "24,5"],
            ["1", "Duy trì sinh hoạt thường kỳ hằng tháng", "10-", "10"],
            # OCR lost the row of criterion III: its items start again at 1.
            ["1", "Nội bộ đoàn kết, thống nhất", "8", "8"],
            ["2_", "Cán bộ, đảng viên tót", "24", "25"],  # score > max: the columns were swapped
        ],
        PH,
        "ocr",
    )
    crit = {c["index"]: c for c in v["criterion"]}
    assert set(crit) == {1, 2, 4}
    assert crit[1]["max"] == 25 and crit[1]["score"] == 24.5
    assert crit[2]["max"] == 25 and crit[2]["score"] == 24.5
    assert crit[4]["max"] == 25 and crit[4]["score"] == 24
    items = {c["item"]: c for c in v["criterion_item"]}
    assert items["1.1"]["score"] == 9.5 and items["1.3"]["score"] == 6.5
    assert items["2.1"]["max"] == 10 and items["3.1"]["criterion"] == 3


def test_score_table_merged_header_cell_and_impossible_rows() -> None:
    v = values(
        [
            ["Nội dung đánh giá", "Thang Ô Điểm tự"],
            ["điểm", "đánh giá"],
            ["HOÀN THÀNH TỐT NHIỆM VỤ", "25", "24"],
            ["CHẤT LƯỢNG SINH HOẠT TỐT", "00", "0"],  # OCR garbage: no criterion is worth 0 points
            ["ĐOÀN KẾT, KỶ LUẬT TỐT", "25", "24,5"],
        ],
        PH,
        "ocr",
    )
    crit = {c["index"]: c for c in v["criterion"]}
    assert crit[1] == {"index": 1, "max": 25.0, "score": 24.0, "passed": None}
    assert crit[3]["max"] == 25 and crit[3]["score"] == 24.5
    assert 2 not in crit


def test_criterion_names_do_not_match_items() -> None:
    from extractors.fields.criteria import criterion_by_name
    from extractors.fields.numbers import fold_same_length

    for text, want in [
        ("2_ Chất lượng sinh hoạt tốt", 2),
        ("3 Đoàn kết,kỷluậttết", 3),
        ("IV CÁN BỘ, ĐẢNG VIÊN TỐT", 4),
        ("2.1 Duy trì sinh hoạt thường kỳ hằng tháng", None),
        ("Nội bộ đoàn kết, thống nhất; thực hiện nghiêm", None),
        ("Cán bộ, đảng viên gương mẫu, giữ gìn phẩm chất đạo đức", None),
        ("Tổng cộng", None),
    ]:
        assert criterion_by_name(fold_same_length(text)) == want, text


@pytest.mark.parametrize(
    ("head", "unit", "parent", "kind"),
    [
        (
            [["ĐẢNG BỘ HUYỆN CẦN ĐƯỚC", "ĐẢNG CỘNG SẢN VIỆT NAM"], "- ĐÁẢNG ỦY XÃ PHƯỚC ĐÔNG", ": | _"],
            "Đảng bộ Xã Phước Đông",
            "Đảng bộ Huyện Cần Đước",
            "dang_bo_co_so",
        ),
        (
            [["ĐẢNG BỘ XÃ CHIỀNG NGẦN", "ĐẢNG CỘNG SẢN VIỆT NAM."], ["__", "CHI BỘ BẢN NÀ CẠN"]],
            "Chi bộ Bản Nà Cạn",
            None,
            "chi_bo",
        ),
        (
            [["ĐẢNG BỘ XÃ CHIỀNG NGẦN", "ĐẢNG CỘNG SẢN VIỆT NAM"], ["CHI II BỘ BẢN NÀ CẠN .", ":"], "*"],
            "Chi bộ Bản Nà Cạn",
            "Đảng bộ Xã Chiềng Ngần",
            "chi_bo",
        ),
        (
            [["ĐẢNG BỘ HUYỆN CẦN ĐƯỚC .", "ĐẢNG CỘNG SẢN VIỆT NAM -"], ["ĐẢNG ỦY XÃ PHƯỚC ĐÔNG", "Sẽ"], "*%"],
            "Đảng bộ Xã Phước Đông",
            "Đảng bộ Huyện Cần Đước",
            "dang_bo_co_so",
        ),
    ],
)
def test_ocr_header_issuer_not_parent(head: list[Row], unit: str, parent: str | None, kind: str) -> None:
    v = values([*head, ["Số 17-BC/ĐU", "Phước Đông, ngày 10 tháng 12 năm 2024"], "BÁO CÁO"], BC, "ocr")
    assert v["unit_name"][0] == unit
    assert v["unit_kind"][0] == kind
    if parent:
        assert v["parent_name"] == [parent]


def test_header_keeps_digits_and_dashes_of_the_name() -> None:
    v = values(["ĐẢNG BỘ PHƯỜNG 2", "CHI BỘ KHU PHỐ 3", "*", "Số 05-TTr/CB", "TỜ TRÌNH"], TT)
    assert v["unit_name"] == ["Chi bộ Khu Phố 3"]
    v = values(["ĐẢNG BỘ XÃ A", "CHI BỘ PHÒNG TÀI CHÍNH - KẾ HOẠCH", "*", "Số 05-TTr/CB", "TỜ TRÌNH"], TT)
    assert v["unit_name"] == ["Chi bộ Phòng Tài Chính - Kế Hoạch"]


def test_discipline_sentence_wrapped_over_lines() -> None:
    v = values(
        [
            "2. Công tác kiểm tra, giám sát và kỷ luật",
            "Trong năm 2024, không có tổ chức. đảng, đảng viên bị thị hành",  # OCR's stray dot
            "kỷ luật.",
        ],
        BC,
        "ocr",
    )
    assert v["disciplined_members"] == [0]
    v = values(["Trong năm, chi bộ có 01 đảng viên bị xử lý", "kỷ luật khiển trách."], BC, "pdf_text")
    assert v["disciplined_members"] == [1]
    # A full stop ends the "không": the next sentence's discipline is not negated.
    v = values(["Không có đảng viên vắng mặt. Có 02 đảng viên bị xử lý kỷ luật."], BC)
    assert v["disciplined_members"] == [2]


def test_committee_count_is_not_members_total() -> None:
    v = values(["Tổng số đồng chí đảng ủy viên: 11 đồng chí; số đồng chí đồng ý: 10."], TT)
    assert "members_total" not in v
    assert v["committee_members"] == [11]
    v = values(["Ban Chấp hành Đảng bộ có 9 đồng chí; có mặt 9/9 đồng chí."], BB)
    assert "members_total" not in v
    assert v["committee_members"] == [9]
    v = values(["Chi bộ có 18 đảng viên; có mặt 16/18 đồng chí."], BB)
    assert v["members_total"] == [18]


def test_figure_table_ocr_junk_cells() -> None:
    v = values(
        [
            [":", "-Nội dung", "_ Chỉ tiêu"],  # the result column's header was lost; a speck came first
            ["Sinh hoạt thường kỳ (kỳ)", "12", "11"],
            ["Mức xếp loại", "Số lượng", "Tỷ lệ (%)"],
            ["Hoàn thành nhiệm vụ", "_", "01", "5,26"],
        ],
        BC,
        "ocr",
    )
    assert v["regular_meetings"] == [11]
    assert v["rating_hoan_thanh"] == [1]
    v = values([["Số phiếu phát ra: 18", "_"]], BB, "ocr")
    assert v["ballots_issued"] == [18]


def test_fuzzy_key_on_ocr_lines_only() -> None:
    rows = ["Trong năm, chi bộ tổ chức 12 kỳ sinh hoạt thường kv; 04 kỳ sinh hoạt chuyên đề."]
    assert values(rows, BC, "ocr")["regular_meetings"] == [12]
    # The same damage in a Word file is no OCR damage: no loose matching there.
    assert "regular_meetings" not in values(rows, BC)
    v = values([["Số phiếu phát rà", "18"], ["Sô phiếu thu vẻ", "18"]], BB, "ocr")
    assert v["ballots_issued"] == [18]


def test_fuzzy_key_negatives() -> None:
    # Short keys are never matched loosely, lines without a number are left alone, and a near miss
    # that is another word stays unread.
    for rows in (
        ["Vàng mạt: 02 đồng chí"],  # "vang mat" is too short a key to match loosely
        ["Sinh hoạt thường kv đúng quy định"],  # no number
        ["Thời gian: 15 giờ 30, 05/12/2024, tại hội trường"],
        ["Phiên họp thường kỳ lần 12 của Ban Thường vụ"],
    ):
        v = values(rows, BC, "ocr")
        assert not {"members_absent", "regular_meetings", "thematic_meetings"} & set(v), rows


def test_discipline_label_with_its_period() -> None:
    # "in the year" between the label and its colon is still the label; another year's count is not read.
    assert values(["Số đảng viên bị kỷ luật trong năm: 0."], BC)["disciplined_members"] == [0]
    assert values(["- Đảng viên bị kỷ luật trong năm: 01 đồng chí"], TT)["disciplined_members"] == [1]
    title = "BÁO CÁO kết quả thực hiện mô hình năm 2024"
    assert values([title, "Số đảng viên bị kỷ luật trong năm 2024: 0"], BC)["disciplined_members"] == [0]
    assert "disciplined_members" not in values([title, "Đảng viên bị kỷ luật năm 2021: 02"], BC)
    assert "disciplined_members" not in values(["Đảng viên bị kỷ luật năm 2021: 02"], BC)


def test_fuzzy_key_replaces_no_word() -> None:
    # A scanned row about discipline is not a row of new members: "bị" is another word, not "mới" damaged.
    v = values([["4", "Đảng viên bị xử lý kỷ luật", "người", "0"]], BC, "ocr")
    assert "new_members" not in v
    v = values([["Đảng viên bị kỷ luật", "không"], ["Đảng viên mởi kết nạp", "2"]], BC, "ocr")
    assert "new_members" not in v or v["new_members"] == [2]


def test_number_of_the_next_phrase_is_not_taken() -> None:
    v = values(["Chi bộ tổ chức 12_", "kỳ sinh hoạt thường kỳ và 04 kỳ sinh hoạt chuyên đề."], BC, "ocr")
    assert v["regular_meetings"] == [12]
    assert v["thematic_meetings"] == [4]


def test_criterion_name_needs_the_whole_name() -> None:
    from extractors.fields.criteria import criterion_by_name
    from extractors.fields.numbers import fold_same_length

    assert criterion_by_name(fold_same_length("Hoàn thành tốt nhiệm vụ chính trị (30 điểm)")) == 1
    assert criterion_by_name(fold_same_length("HOÀN THÀNH TỐT NHIỆM VỤ")) == 1  # "CHÍNH TRỊ" wrapped
    assert criterion_by_name(fold_same_length("a) Hoàn thành tốt nhiệm vụ chính trị được giao")) is None
    assert criterion_by_name(fold_same_length("Chất lượng")) is None


def test_damaged_member_unit_with_breakdown() -> None:
    v = values(
        ["Đảng bộ xã Phước Đông hiện có 129 Tế viên (122 đảng viên chính thức, 07 đảng viên dự bị)."],
        BC,
        "ocr",
    )
    assert v["members_total"] == [129]
    # Without the breakdown a damaged unit is not enough: "129 hội viên" counts no party members.
    v = values(["Hội Nông dân xã hiện có 129 hội viên."], BC, "ocr")
    assert "members_total" not in v


def test_a_value_carries_the_confidence_of_its_own_words() -> None:
    """An OCR row's confidence is the mean of its words; a doubtful digit must not hide behind it."""
    from extractors import Box, Word

    cells = ["1.2", "Lãnh đạo hoàn thành các chỉ tiêu", "8", "3,5"]
    confs = [95.0, 96.0, 97.0, 50.0]
    words = [
        Word(text=w, bbox=Box(x0=100 * i, y0=0, x1=100 * i + 90, y1=20), confidence=c)
        for i, (w, c) in enumerate(zip(["1.2", "Lãnh", "8", "3,5"], confs, strict=True))
    ]
    row = Line(
        text=" | ".join(cells),
        cells=cells,
        words=words,
        prov=Provenance(file="p.pdf", page=1, bbox=Box(x0=0, y0=0, x1=400, y1=20), confidence=91.4),
    )
    top = doc([*CHI_BO_HEAD, ["TT", "Tiêu chí", "Điểm chuẩn", "Điểm tự chấm"]], "ocr", "p.pdf").lines
    crit_row = ["1", "Hoàn thành tốt nhiệm vụ chính trị", "25", "24"]
    crit_line = Line(text=" | ".join(crit_row), cells=crit_row, prov=Provenance(file="p.pdf", page=1))
    text = DocumentText(
        file="p.pdf",
        sha256="0" * 64,
        source="ocr",
        pages=[Page(number=1, method="ocr", lines=[*top, crit_line, row])],
    )
    items = [r for r in extract_fields(text, DocType.PHIEU_TU_DANH_GIA) if r.field == "criterion_item"]
    assert [r.value["score"] for r in items] == [3.5]
    assert items[0].prov.confidence == 50.0
    # The same row whose number no single word holds ("3," and "5" split) keeps the row's confidence.
    split = row.model_copy(update={"words": [*words[:3], words[3].model_copy(update={"text": "3,"})]})
    text.pages[0].lines[-1] = split
    items = [r for r in extract_fields(text, DocType.PHIEU_TU_DANH_GIA) if r.field == "criterion_item"]
    assert items[0].prov.confidence == 91.4
