"""Tờ trình wordings of round 4's kind, in our own words: a count of those rated that heads the list
of levels ("… 30 đồng chí: hoàn thành xuất sắc nhiệm vụ: 05 …") is not the first level's count."""

from __future__ import annotations

from tests.extractors.test_fields import BC, CHI_BO_HEAD, DANG_BO_HEAD, TT, values


def _ratings(v: dict[str, list]) -> list:
    return [v.get(f"rating_{k}") for k in ("xuat_sac", "tot", "hoan_thanh", "khong_hoan_thanh")]


def test_a_list_headed_by_the_count_rated_in_a_sentence() -> None:
    line = (
        "Kết quả đánh giá 30 đồng chí: hoàn thành xuất sắc nhiệm vụ: 05 đồng chí; hoàn thành tốt "
        "nhiệm vụ: 24 đồng chí; hoàn thành nhiệm vụ: 01 đồng chí; không hoàn thành nhiệm vụ: không."
    )
    assert _ratings(values([*CHI_BO_HEAD, line], TT)) == [[5], [24], [1], [0]]


def test_a_list_headed_by_the_count_rated_in_a_table_cell_of_a_dang_bo() -> None:
    rows = [
        *DANG_BO_HEAD,
        ["TT", "Tiêu chí", "Kết quả", "Điểm"],
        [
            "4",
            "Cán bộ, đảng viên tốt",
            "Đánh giá 96 đảng viên: Hoàn thành xuất sắc nhiệm vụ: 12 (12,5%); Hoàn thành tốt nhiệm vụ: "
            "80 (83,33%); Hoàn thành nhiệm vụ: 04 (4,17%).",
            "25",
        ],
    ]
    v = values(rows, TT)
    assert v.get("rating_xuat_sac") == [12]
    assert v.get("rating_tot") == [80]


def test_counts_said_in_words_first_after_the_list_head() -> None:
    line = (
        "- Đánh giá ba mươi (30) đảng viên: hoàn thành xuất sắc nhiệm vụ năm (05) đồng chí, hoàn thành "
        "tốt nhiệm vụ hai mươi bốn (24) đồng chí, hoàn thành nhiệm vụ một (01) đồng chí."
    )
    v = values([*CHI_BO_HEAD, line], BC)
    assert _ratings(v)[:3] == [[5], [24], [1]]


def test_a_count_before_its_level_still_reads() -> None:
    """No colon between: "05 đồng chí hoàn thành xuất sắc nhiệm vụ" is that level's count."""
    line = "Có 05 đồng chí hoàn thành xuất sắc nhiệm vụ, 24 đồng chí hoàn thành tốt nhiệm vụ."
    assert _ratings(values([*CHI_BO_HEAD, line], BC))[:2] == [[5], [24]]


def test_nobody_at_a_level_said_with_words_between() -> None:
    line = (
        "Kết quả: 04/15 đồng chí HTXSNV, 11/15 đồng chí HTTNV; không có đồng chí nào chỉ ở mức hoàn thành "
        "nhiệm vụ và không có đồng chí nào không hoàn thành nhiệm vụ."
    )
    assert _ratings(values([*CHI_BO_HEAD, line], BC)) == [[4], [11], [0], [0]]


def test_not_yet_at_a_level_is_no_zero() -> None:
    """ "chưa hoàn thành tốt nhiệm vụ" is not one of the named words between: nothing is read as 0."""
    line = "Không có đảng viên nào chưa hoàn thành tốt nhiệm vụ được giao trong năm."
    assert values([*CHI_BO_HEAD, line], BC).get("rating_tot") is None


def test_cells_assessed_and_rated_are_no_members_rated() -> None:
    line = "2.3. Các chi bộ: 09 chi bộ được đánh giá, xếp loại; HTXSNV: 01, HTTNV: 07, HTNV: 01."
    v = values([*DANG_BO_HEAD, line], TT)
    assert "members_rated" not in v
    assert v.get("subordinates_xuat_sac") == [1]


def test_an_empty_cell_of_the_reported_year_takes_no_other_years_number() -> None:
    """Under "Năm 2023 | Năm 2024" a level whose 2024 cell is empty is not read from the 2023 cell."""
    rows = [
        *CHI_BO_HEAD,
        "TỜ TRÌNH",
        "Về việc đề nghị công nhận chi bộ bốn tốt năm 2024",
        ["STT", "Chỉ tiêu", "Năm 2023", "Năm 2024"],
        ["1", "Xếp loại đảng viên:", "", ""],
        ["", "+ Hoàn thành xuất sắc nhiệm vụ", "02", "04"],
        ["", "+ Hoàn thành tốt nhiệm vụ", "12", "11"],
        ["", "+ Hoàn thành nhiệm vụ", "03", ""],
    ]
    v = values(rows, TT)
    assert v.get("rating_xuat_sac") == [4] and v.get("rating_tot") == [11]
    assert 3 not in v.get("rating_hoan_thanh", [])


def test_a_score_is_no_count_though_a_rating_phrase_names_the_criterion() -> None:
    rows = [
        *DANG_BO_HEAD,
        "b) Tiêu chí thứ nhất (đảng bộ lãnh đạo hoàn thành tốt nhiệm vụ được giao): 24/25 điểm",
        "c) Tiêu chí thứ hai (sinh hoạt tốt): 25/25 điểm",
        # a scan joins the lines after it into one sentence: a later number is no count of the phrase
        "d) Tiêu chí thứ ba (đảng viên hoàn thành tốt nhiệm vụ): 24/25 điểm Đạt",
        "e) Biểu quyết ngày 11/12/2024: tán thành 11/11",
    ]
    v = values(rows, TT, source="pdf_text")
    assert "rating_tot" not in v and "subordinates_tot" not in v
