"""Báo cáo and tờ trình readings tuned on round 8: prose set in two columns (read column by column), a
unit column beside the value, a table's caption naming whose figures it counts, a label naming both
sides of a pair of values, the cells registered then recognised, those present at the meeting ("dự")
and the votes in favour of the valid ballots."""

from __future__ import annotations

import pytest

from extractors.model import Box, Line, Provenance, Word
from extractors.vocabulary import DocType
from samples.blocks import Block, Header, Para, Table, Title
from tests.extractors.test_fields import BC, CHI_BO_HEAD, DANG_BO_HEAD, TT, values

from .rendered import read_rendered


# -- two columns of prose -----------------------------------------------------------------------
def _two_columns(rows: list[tuple[str, str]]) -> list[Block]:
    return [
        Header(
            "ĐẢNG ỦY PHƯỜNG TÂN AN", "CHI BỘ KHU PHỐ 7", "Số 08-BC/CB", "Tân An, ngày 02 tháng 12 năm 2024"
        ),
        Title("BÁO CÁO", ["Kết quả xây dựng chi bộ bốn tốt năm 2024"]),
        Table(rows=[list(r) for r in rows], widths=[0.5, 0.5], bold_rows=set(), ruled=False),
        Para("Chi bộ tiếp tục giữ vững nền nếp sinh hoạt trong năm tới."),
    ]


_COLUMNS = [
    ("A. Đảng viên", "C. Kỷ luật"),
    (
        "Toàn chi bộ hiện có 23 đảng viên, gồm 21 đảng viên chính thức và 02 đảng viên dự bị.",
        "Trong năm không có đảng viên nào bị thi hành kỷ luật.",
    ),
    ("B. Sinh hoạt chi bộ", "D. Kết quả xếp loại"),
    (
        "Chi bộ đã họp đủ 12 kỳ sinh hoạt thường kỳ, 05 kỳ sinh hoạt chuyên đề; tỷ lệ đảng viên dự "
        "sinh hoạt bình quân đạt 92,6%.",
        "HTXSNV 04 (17,39%); HTTNV 17 (73,91%); HTNV 02 (8,70%); KHTNV không có.",
    ),
]


def test_prose_in_two_columns_of_a_text_pdf_is_read_column_by_column() -> None:
    v = read_rendered(_two_columns(_COLUMNS), "pdf", DocType.BAO_CAO)
    assert v["members_total"] == [23] and v["members_official"] == [21]
    assert v["disciplined_members"] == [0]
    assert v["attendance_pct"] == [92.6]
    assert v["rating_xuat_sac"] == [4] and v["rating_tot"] == [17] and v["rating_hoan_thanh"] == [2]


def _words(text: str, x0: float, y: float) -> list[Word]:
    out, x = [], x0
    for w in text.split():
        width = 5.5 * len(w)
        out.append(Word(text=w, bbox=Box(x0=x, y0=y, x1=x + width, y1=y + 11, unit="pt")))
        x += width + 3
    return out


def _pdf_line(left: str, right: str, y: float, gutter: float = 320.0) -> Line:
    words = (_words(left, 72, y) if left else []) + (_words(right, gutter, y) if right else [])
    cells = [left, right] if left and right else None
    box = words[0].bbox
    for w in words[1:]:
        box = box.union(w.bbox)
    return Line(
        text=" | ".join(c for c in (left, right) if c),
        cells=cells,
        prov=Provenance(file="t.pdf", page=1, bbox=box),
        words=words,
    )


def test_columns_are_reflowed_only_where_both_sides_are_prose() -> None:
    from extractors.columns import read_columns

    prose = [
        _pdf_line("Năm nay chi bộ có 15 đảng", "Không có đồng chí nào vi phạm", 100),
        _pdf_line("viên, trong đó có 14 chính", "phải xử lý kỷ luật trong năm.", 114),
        _pdf_line("thức và 01 dự bị.", "Đánh giá cuối năm có 03 đồng", 128),
        _pdf_line("", "chí hoàn thành xuất sắc.", 142),
    ]
    texts = [ln.text for ln in read_columns(prose)]
    assert texts[:3] == ["Năm nay chi bộ có 15 đảng", "viên, trong đó có 14 chính", "thức và 01 dự bị."]
    assert texts[3:] == [
        "Không có đồng chí nào vi phạm",
        "phải xử lý kỷ luật trong năm.",
        "Đánh giá cuối năm có 03 đồng",
        "chí hoàn thành xuất sắc.",
    ]
    # A signature block (names in capitals on the right) and a header pair stay line by line.
    block = [
        _pdf_line("Nơi nhận:", "T/M CHI BỘ", 600),
        _pdf_line("- Đảng ủy phường,", "BÍ THƯ", 614),
        _pdf_line("- Lưu.", "", 628),
    ]
    assert [ln.text for ln in read_columns(block)] == [ln.text for ln in block]
    # Labels and their values side by side are pairs, read line by line.
    pairs = [
        _pdf_line("Tổng số đảng viên của chi bộ:", "21 đồng chí trong danh sách", 300),
        _pdf_line("Số đảng viên được miễn:", "không có đồng chí nào", 314),
        _pdf_line("Kết quả biểu quyết của hội nghị:", "19/20 đồng chí tán thành", 328),
    ]
    assert [ln.text for ln in read_columns(pairs)] == [ln.text for ln in pairs]
    # ... also when a long label wraps onto a line of its own (one side only, as a column's text does).
    wrapped = [
        _pdf_line("Đơn vị đề nghị xét công nhận:", "Chi bộ Trạm Khuyến nông xã Đông", 400),
        _pdf_line("", "Phước", 414),
        _pdf_line("Số đảng viên có tên đến cuối năm:", "25 đồng chí, chính thức 23", 428),
        _pdf_line("Số đồng chí có mặt khi biểu quyết:", "22 đồng chí trong hội nghị", 442),
        _pdf_line("Số phiếu tán thành đề nghị công nhận:", "22 phiếu trên tổng số 22", 456),
    ]
    assert [ln.text for ln in read_columns(wrapped)] == [ln.text for ln in wrapped]


def test_full_width_prose_under_a_split_line_is_not_taken_for_columns() -> None:
    """A header line split in two cells, then prose whose words happen to start where its right cell
    does, one space after the word before: one column of text, read line by line."""
    from extractors.columns import read_columns

    left = "Trong năm qua chi bộ đã lãnh đạo"
    edge = _words(left, 72, 0)[-1].bbox.x1 + 3
    lines = [_pdf_line("Số 05-BC/CB", "Phú Lợi, ngày 02 tháng 12 năm 2024", 80, gutter=edge)]
    for i, right in enumerate(
        ["các đoàn thể hoàn thành", "nhiệm vụ được giao, có 17", "đảng viên và 12 kỳ họp."]
    ):
        words = _words(left, 72, 100 + 14 * i) + _words(right, edge, 100 + 14 * i)
        box = words[0].bbox.union(words[-1].bbox)
        lines.append(
            Line(text=f"{left} {right}", prov=Provenance(file="t.pdf", page=1, bbox=box), words=words)
        )
    lines.append(_pdf_line("Trong năm tới tiếp tục phát huy", "Ghi chú: số liệu đến 30/11", 160, gutter=edge))
    lines.append(_pdf_line("kết quả đạt được trong năm nay", "theo sổ theo dõi của chi bộ", 174, gutter=edge))
    assert [ln.text for ln in read_columns(lines)] == [ln.text for ln in lines]


# -- tables -------------------------------------------------------------------------------------
def test_a_unit_column_beside_the_value_says_it_is_a_share() -> None:
    v = values(
        [
            *CHI_BO_HEAD,
            "BÁO CÁO",
            ["STT", "Nội dung", "ĐVT", "Năm 2024"],
            ["1", "Tỷ lệ đảng viên dự sinh hoạt bình quân", "%", "93,1"],
            ["2", "Sinh hoạt chuyên đề", "kỳ", "04"],
        ],
        BC,
    )
    assert v["attendance_pct"] == [93.1] and v["thematic_meetings"] == [4]


def test_a_caption_names_whose_figures_a_table_counts() -> None:
    rows = [
        ["Chỉ tiêu", "Tổng số", "HTXSNV", "HTTNV", "HTNV", "KHTNV"],
        ["Năm 2024", "12", "02", "09", "01", "0"],
    ]
    v = values([*DANG_BO_HEAD, "TỜ TRÌNH", "Biểu số 2: Xếp loại các chi bộ trực thuộc", *rows], TT)
    assert v["subordinates_xuat_sac"] == [2] and v["subordinates_tot"] == [9]
    assert v["subordinates_total"] == [12]
    assert "members_total" not in v and "rating_tot" not in v


def test_a_label_naming_both_sides_of_a_pair_of_values() -> None:
    head = ["Nội dung", "Tổng số chi bộ", "Đăng ký / đạt bốn tốt"]
    v = values([*DANG_BO_HEAD, "BÁO CÁO", head, ["Năm 2024", "11", "11 / 9"]], BC)
    assert v["subordinates_registered_bon_tot"] == [11] and v["subordinates_bon_tot"] == [9]
    # One figure under a label naming two: whose it is cannot be told.
    v = values([*DANG_BO_HEAD, "BÁO CÁO", head, ["Năm 2024", "11", "9"]], BC)
    assert "subordinates_bon_tot" not in v and "subordinates_registered_bon_tot" not in v


# -- sentences ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "sentence",
    [
        "Các chi bộ trực thuộc: đăng ký “bốn tốt” 11 chi bộ, đạt 9.",
        "Số chi bộ đăng ký “bốn tốt”: .....11....., đạt: .....9.....",
        "Chi bộ trực thuộc đạt “Chi bộ bốn tốt”: 9/11 chi bộ đăng ký.",
        "Có 9 trong số 11 chi bộ đăng ký đạt “Chi bộ bốn tốt”.",
    ],
)
def test_cells_registered_and_recognised(sentence: str) -> None:
    v = values([*DANG_BO_HEAD, "BÁO CÁO", sentence], BC)
    assert v["subordinates_bon_tot"] == [9]
    assert v["subordinates_registered_bon_tot"] == [11]


def test_members_at_the_meeting_and_votes_of_the_valid_ballots() -> None:
    v = values([*CHI_BO_HEAD, "TỜ TRÌNH", "Phiên họp ngày 05/12/2024 có 19 đảng viên dự; vắng 02."], TT)
    assert v["members_present"] == [19] and "members_total" not in v
    v = values([*CHI_BO_HEAD, "TỜ TRÌNH", "Kết quả: 16/17 phiếu hợp lệ tán thành (84,21%)."], TT)
    assert v["votes_for"] == [16] and v["ballots_valid"] == [17]
    # A đảng bộ votes in its committee: the committee members at the meeting.
    v = values([*DANG_BO_HEAD, "TỜ TRÌNH", "Phiên họp ngày 06/12/2024 có 10 Ủy viên dự, vắng 01."], TT)
    assert v["members_present"] == [10] and "committee_members" not in v
