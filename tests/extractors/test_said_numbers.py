"""Numbers said in words (extractors.said_numbers, nlp/number_words.yaml): read as the number they say
where they read as a count, by every rule that reads numbers, and nowhere else."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.fields.numbers import numbers, prepare
from extractors.nlp.pipeline import analyse
from extractors.said_numbers import WORDS_FILE, find

from .test_fields import BB, BC, CHI_BO_HEAD, TT, values


def said(text: str, path: Path = WORDS_FILE) -> list[float]:
    """The numbers said in words in ``text``, as the words layer finds them."""
    return [s.value for s in find(text, prepare(text, words=False), path)]


def nums(text: str) -> list[float]:
    """The numbers every rule reads in ``text`` (its working text)."""
    return [n.value for n in numbers(prepare(text))]


# -- the grammar -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("mười đồng chí", 10),
        ("mười một đồng chí", 11),
        ("mười lăm đồng chí", 15),
        ("hai mươi đồng chí", 20),
        ("hai mươi mốt đồng chí", 21),
        ("ba mươi tư đồng chí", 34),
        ("bốn mươi lăm phiếu", 45),
        ("chín mươi chín phiếu", 99),
        ("một trăm đảng viên", 100),
        ("một trăm linh năm đảng viên", 105),
        ("hai trăm lẻ tám đảng viên", 208),
        ("ba trăm mười hai đảng viên", 312),
        ("một nghìn hai trăm đảng viên", 1200),
        ("sáu kỳ", 6),
    ],
)
def test_a_cardinal_in_words_is_its_number(text: str, value: int) -> None:
    assert nums(text) == [value]


def test_words_typed_without_diacritics() -> None:
    assert nums("chi bo co hai muoi bay dang vien, chinh thuc muoi chin, du bi tam.") == [27, 19, 8]
    assert nums("co mat: muoi ba dong chi") == [13]


def test_a_decimal_and_a_percentage_said_in_words() -> None:
    assert nums("Tự chấm: mười tám phẩy năm") == [18.5]
    assert [(n.value, n.pct) for n in numbers(prepare("đạt chín mươi lăm phần trăm"))] == [(95, True)]


# -- what is not a number ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Chi bộ đăng ký phấn đấu đạt chi bộ bốn tốt.",
        "Kết quả thực hiện năm 2024 và phương hướng năm nay.",
        "Có đồng chí không tán thành nội dung này.",
        "Một số đồng chí còn đi họp muộn.",
        "Sinh hoạt chuyên đề mỗi quý ít nhất một lần.",
        "Thực hiện tốt ba công khai; giữ gìn tư cách người đảng viên.",
        "Chấp hành nghiêm Quy định của Bộ Chính trị.",
        "Hoàn thành xuất sắc nhiệm vụ hai năm liền.",
        "Đồng chí Ba là bí thư; đồng chí tự chấm điểm.",
        "Trong năm đảng viên chi bộ đều hoàn thành nhiệm vụ.",
        "Họp vào ngày mười lăm tháng mười hai.",
        "Là một trong những chi bộ dẫn đầu.",
        "Vắng: không có.",
        "Chi bộ là một chi bộ trực thuộc Đảng bộ xã.",
        "sau ky hop chi bo, cac dong chi deu nhat tri",
        "Nghị quyết cần ít nhất hai phần ba đảng viên chính thức tán thành.",
    ],
)
def test_words_that_are_no_count_stay_words(text: str) -> None:
    assert said(text) == []
    assert not numbers(prepare(text))


def test_zero_in_words_is_left_to_the_zero_readings() -> None:
    assert said("Số phiếu không hợp lệ: không phiếu.") == []
    assert said("không đồng chí nào vắng mặt") == []
    assert read(["Số phiếu không hợp lệ: không phiếu."], BB) == {"ballots_invalid": [0]}


def test_a_gloss_beside_its_digits_is_not_a_second_number() -> None:
    for text in ("Có mặt 15 (mười lăm) đồng chí.", "Có mặt mười lăm (15) đồng chí."):
        assert [n.value for n in numbers(prepare(text))] == [15]


# -- every reader reads it ---------------------------------------------------------------------


def test_a_number_in_words_is_one_number_token() -> None:
    doc = analyse("Có mặt: hai mươi mốt đồng chí")
    nums = [t for t in doc if t._.kind == "NUM"]
    assert [(t.text, t._.num) for t in nums] == [("hai mươi mốt", 21)]


def read(rows: list, doc_type) -> dict[str, list]:
    v = values([*CHI_BO_HEAD, *rows], doc_type)
    return {k: x for k, x in v.items() if k not in ("unit_name", "unit_kind", "parent_name", "doc_number")}


def test_a_counting_report_said_in_words() -> None:
    got = read(
        [
            "Chi bộ có tất cả mười chín đảng viên, trong đó chính thức mười bảy, dự bị hai.",
            "Có mặt: mười tám đồng chí; vắng: một đồng chí.",
            "Số phiếu phát ra mười bảy; số phiếu thu về mười bảy; số phiếu hợp lệ mười bảy.",
            "Số phiếu tán thành: mười sáu phiếu; số phiếu không tán thành: một.",
        ],
        BB,
    )
    assert got["members_present"] == [18]
    assert got["ballots_issued"] == [17] and got["ballots_returned"] == [17] and got["ballots_valid"] == [17]
    assert got["votes_for"] == [16] and got["votes_against"] == [1]
    assert got["members_official"] == [17] and got["members_probationary"] == [2]


def test_meetings_and_members_said_in_words() -> None:
    got = read(
        [
            "Chi bộ hiện có ba mươi hai đảng viên, gồm ba mươi ĐV chính thức và hai ĐV dự bị.",
            "Trong năm chi bộ đã tổ chức mười hai kỳ sinh hoạt thường kỳ và năm kỳ sinh hoạt chuyên đề.",
        ],
        TT,
    )
    assert got["regular_meetings"] == [12] and got["thematic_meetings"] == [5]
    assert got["members_total"] == [32] and got["members_official"] == [30]


def test_a_number_in_words_cut_by_a_line_wrap_is_read_whole() -> None:
    rows = [
        "Năm qua chi bộ duy trì nền nếp, tổ chức đủ mười",
        "hai kỳ sinh hoạt thường kỳ, bốn kỳ sinh hoạt chuyên đề.",
    ]
    got = values([*CHI_BO_HEAD, *rows], BC, source="pdf_text")
    assert got["regular_meetings"] == [12] and got["thematic_meetings"] == [4]


# -- a new word is data ------------------------------------------------------------------------


def test_a_new_number_word_or_counting_noun_is_a_line_of_data(tmp_path: Path) -> None:
    text = WORDS_FILE.read_text(encoding="utf-8")
    lean = tmp_path / "lean.yaml"
    lean.write_text(text.replace("  bẩy: 7\n", ""), encoding="utf-8")
    assert said("có bẩy đồng chí", lean) == []
    assert said("có bẩy đồng chí", WORDS_FILE) == [7]
    more = tmp_path / "more.yaml"
    more.write_text(text.replace("units: [diem,", "units: [ho gia dinh, diem,"), encoding="utf-8")
    assert said("vận động tám hộ gia đình", WORDS_FILE) == []
    assert said("vận động tám hộ gia đình", more) == [8]
