"""Báo cáo wordings of round 3's kind, in our own words: ratings compared over years in one table, a
level OCR garbled, subordinate cells rated by abbreviation, "N/M chi bộ … trở lên", "định kỳ được N/12"."""

from __future__ import annotations

from tests.extractors.test_fields import BC, CHI_BO_HEAD, DANG_BO_HEAD, TT, values

TITLE = ["BÁO CÁO", "Kết quả xây dựng chi bộ năm 2023"]
LEVELS_HEAD = ["Năm", "HTXSNV", "HTTNV", "HTNV", "KHTNV", "Tổng số"]


def _ratings(v: dict[str, list]) -> list:
    return [v.get(f"rating_{k}") for k in ("xuat_sac", "tot", "hoan_thanh", "khong_hoan_thanh")]


def test_a_table_comparing_years_is_read_on_the_reported_year() -> None:
    rows = [
        *CHI_BO_HEAD,
        *TITLE,
        LEVELS_HEAD,
        ["Năm 2022", "01", "12", "02", "0", "15"],
        ["Năm 2023", "02", "13", "01", "0", "16"],
        ["Năm 2021", "0", "14", "0", "0", "14"],
    ]
    v = values(rows, BC)
    assert _ratings(v) == [[2], [13], [1], [0]]
    assert v["members_rated"] == [16]


def test_without_a_stated_year_the_latest_row_is_read() -> None:
    rows = [
        *CHI_BO_HEAD,
        LEVELS_HEAD,
        ["2024", "03", "09", "0", "0", "12"],
        ["2023", "02", "08", "01", "0", "11"],
    ]
    assert _ratings(values(rows, BC)) == [[3], [9], [0], [0]]


def test_a_level_ocr_garbled_is_the_row_total_less_the_others() -> None:
    rows = [
        *CHI_BO_HEAD,
        *TITLE,
        LEVELS_HEAD,
        ["2022", "01", "10", "0", "0", "11"],
        ["2023", "02", "1?", "03", "0", "20"],
    ]
    v = values(rows, BC, source="ocr")
    assert v["rating_tot"] == [15]
    # Legible digits that disagree with the total: the level stays unread, never guessed.
    rows[-1] = ["2023", "02", "2?", "03", "0", "20"]
    assert "rating_tot" not in values(rows, BC, source="ocr")


def test_subordinate_cells_rated_by_abbreviation() -> None:
    rows = [
        *DANG_BO_HEAD,
        ["TT", "Tên chi bộ", "Đảng viên", "Mức xếp loại", "Đạt “bốn tốt”"],
        ["1", "Chi bộ Thôn Đông", "9", "HTXSNV", "Có"],
        ["2", "Chi bộ Thôn Tây", "12", "HTTNV", "Có"],
        ["3", "Chi bộ Trường học", "8", "HTNV", "Không"],
        ["4", "Chi bộ Y tế", "6", "HTTNV", "Có"],
        ["", "Tổng cộng", "35", "3/4 HTTNV trở lên", "3"],
    ]
    v = values(rows, BC)
    assert v["subordinates_total"] == [4]
    assert v["subordinates_xuat_sac"] == [1]
    assert v["subordinates_tot"] == [2]
    assert v["subordinates_hoan_thanh"] == [1]
    # counted from the marks, and read on the total row under the column "Đạt “bốn tốt”": the same 3
    assert set(v["subordinates_bon_tot"]) == {3}


def test_a_fraction_after_a_colon_counts_the_level_that_follows_it() -> None:
    line = "Chi bộ trực thuộc: 7/8 chi bộ hoàn thành tốt nhiệm vụ trở lên (trong đó 03 chi bộ hoàn thành xuất sắc)."
    v = values([*DANG_BO_HEAD, line], TT)
    assert v["subordinates_at_least_tot"] == [7]
    assert v["subordinates_xuat_sac"] == [3]


def test_regular_meetings_said_as_dinh_ky() -> None:
    v = values([*CHI_BO_HEAD, "Chi bộ sinh hoạt định kỳ được 10/12 kỳ, có 01 kỳ hoãn do mưa bão."], BC)
    assert v["regular_meetings"] == [10]
    v = values([*CHI_BO_HEAD, "Chi bộ sinh hoạt định kỳ vào ngày 05 hằng tháng."], BC)
    assert "regular_meetings" not in v


def test_a_table_with_a_column_per_year_is_read_in_the_reported_years_column() -> None:
    rows = [
        *CHI_BO_HEAD,
        *TITLE,
        ["Mức xếp loại", "Năm 2022", "Năm 2023"],
        ["Hoàn thành xuất sắc nhiệm vụ", "01", "02"],
        ["Hoàn thành tốt nhiệm vụ", "12", "13"],
        ["Hoàn thành nhiệm vụ", "02", "01"],
        ["Không hoàn thành nhiệm vụ", "0", "0"],
    ]
    assert _ratings(values(rows, BC)) == [[2], [13], [1], [0]]


def test_member_counts_in_a_column_per_year_are_the_reported_years() -> None:
    rows = [
        *CHI_BO_HEAD,
        "TỜ TRÌNH",
        "Đề nghị công nhận chi bộ bốn tốt năm 2023",
        ["STT", "Nội dung", "Năm 2022", "Năm 2023"],
        ["1", "Tổng số đảng viên", "17", "19"],
        ["2", "Đảng viên chính thức", "15", "16"],
    ]
    v = values(rows, TT)
    assert v["members_total"] == [19]
    assert v["members_official"] == [16]
