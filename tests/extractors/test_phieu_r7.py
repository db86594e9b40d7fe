"""Score sheets whose columns must be told apart or put together before they are read (written for these
tests, their own wording): a framework and a result table keyed by the same codes, read as one table;
a self-score written again in words beside its figure; a points column whose heading OCR damaged; the
unit "đ" after a figure read by OCR as one more digit."""

from __future__ import annotations

import pytest

from extractors.fields.criteria import score_table
from extractors.model import Cell, Line, Page, Provenance
from extractors.tables import build_table, table_lines
from extractors.vocabulary import DocType
from samples.blocks import Block, Header, Para, Sign, SignCol, Table, Title

from .rendered import read_rendered

NAMES = (
    "Lãnh đạo hoàn thành tốt nhiệm vụ chính trị",
    "Chất lượng sinh hoạt tốt",
    "Đoàn kết, kỷ luật tốt",
    "Cán bộ, đảng viên tốt",
)
# (max, score) per criterion, and its two items' (wording, max, score).
CRITERIA = [(20.0, 19.5), (30.0, 28.0), (25.0, 25.0), (25.0, 24.5)]
ITEMS = (
    [("Xây dựng kế hoạch năm bám sát nghị quyết", 10, 10), ("Kiểm tra việc thực hiện kế hoạch", 10, 9.5)],
    [("Nội dung từng kỳ họp có trọng tâm", 15, 14), ("Biên bản các kỳ họp ghi đầy đủ", 15, 14)],
    [("Giữ nghiêm nguyên tắc tập trung dân chủ", 12, 12), ("Thực hiện đúng chế độ báo cáo", 13, 13)],
    [("Đảng viên gương mẫu tại nơi ở", 12, 11.5), ("Quần chúng ưu tú được bồi dưỡng", 13, 13)],
)


def _dec(x: float) -> str:
    return f"{x:g}".replace(".", ",")


def _doc(body: list[Block]) -> list[Block]:
    return [
        Header(
            "ĐẢNG BỘ XÃ AN BÌNH", "CHI BỘ THÔN ĐÔNG", "Số 11-PĐG/CB", "An Bình, ngày 05 tháng 12 năm 2024"
        ),
        Title("PHIẾU TỰ ĐÁNH GIÁ", ["Kết quả thực hiện năm 2024"]),
        *body,
        Sign(right=SignCol(["T/M CHI BỘ", "BÍ THƯ"], "Trần Văn Lộc")),
    ]


def scores_then_framework() -> list[Block]:
    """The self-scores by code first ("Ký hiệu | Điểm tự chấm", "19,5 điểm"), the framework after it
    with the codes in its second column ("Nội dung | Ký hiệu | Điểm chuẩn", "20đ")."""
    scores = [["Ký hiệu", "Điểm tự chấm"]]
    frame = [["Nội dung", "Ký hiệu", "Điểm chuẩn"]]
    for i, (mx, sc) in enumerate(CRITERIA, 1):
        scores.append([f"TC{i}", f"{_dec(sc)} điểm"])
        frame.append([NAMES[i - 1], f"TC{i}", f"{_dec(mx)}đ"])
        for j, (label, m, s) in enumerate(ITEMS[i - 1], 1):
            scores.append([f"TC{i}.{j}", f"{_dec(s)} điểm"])
            frame.append([label, f"TC{i}.{j}", f"{_dec(m)}đ"])
    return _doc(
        [
            Para("A. Điểm chi bộ tự chấm theo ký hiệu:"),
            Table(scores, [0.4, 0.6]),
            Para("B. Điểm chuẩn của từng nội dung:"),
            Table(frame, [0.6, 0.2, 0.2]),
        ]
    )


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_two_tables_keyed_by_the_same_codes_are_read_as_one(fmt: str) -> None:
    got = read_rendered(scores_then_framework(), fmt, DocType.PHIEU_TU_DANH_GIA)
    crits = {c["index"]: (c["max"], c["score"]) for c in got.get("criterion", [])}
    assert crits == {i + 1: c for i, c in enumerate(CRITERIA)}, got.get("criterion")
    items = sorted((c["item"], c["max"], c["score"]) for c in got.get("criterion_item", []))
    assert items == sorted(
        (f"{i + 1}.{j + 1}", float(m), float(s)) for i in range(4) for j, (_, m, s) in enumerate(ITEMS[i])
    )


def _page(*tables: list[list[str]]) -> Page:
    lines: list[Line] = []
    for n, rows in enumerate(tables):
        t = build_table(
            [[Cell(text=x, page=1) for x in r] for r in rows], file="p.pdf", source="ocr", index=n
        )
        lines += table_lines(t, "p.pdf")
        lines.append(Line(text="Một dòng chữ giữa hai bảng", prov=Provenance(file="p.pdf", page=1)))
    return Page(number=1, method="ocr", lines=lines)


def test_tables_that_share_no_codes_or_both_name_things_stay_apart() -> None:
    """Two tables that both name what their rows are (each has words besides its codes) are two tables;
    so are a figures table and a named one whose codes differ."""
    from extractors.tables import join_keyed_tables

    named_a = [
        ["Mã", "Hạng mục", "Số lượng"],
        ["A1", "Đảng viên mới", "3"],
        ["A2", "Chuyển đến", "2"],
        ["A3", "Chuyển đi", "1"],
    ]
    named_b = [
        ["Mã", "Ghi nhận", "Tỷ lệ"],
        ["A1", "Đã kết nạp", "100"],
        ["A2", "Đã nhận", "50"],
        ["A3", "Đã chuyển", "20"],
    ]
    figures = [["Mã", "Số"], ["B1", "4"], ["B2", "5"], ["B3", "6"]]
    for pair in ((named_a, named_b), (named_a, figures)):
        page = _page(*pair)
        before = [ln.text for ln in page.lines]
        join_keyed_tables([page])
        assert [ln.text for ln in page.lines] == before


def test_a_score_written_again_in_words_is_a_gloss_and_a_damaged_points_heading_is_the_maximum() -> None:
    """Under a two-row header "Điểm tự chấm" over "Viết bằng chữ | Bằng số", the words column is no score;
    a share column is no score; the figures column headed "Điểm" and OCR's debris is the maximum."""
    rows = [
        ["Nội dung", "Điểm t0i ~ đa", "Điểm tự chấm", "Điểm tự chấm", "Tỷ lệ %"],
        ["Nội dung", "Điểm t0i ~ đa", "Viết bằng chữ", "Bằng số", "Tỷ lệ %"],
        ["I. " + NAMES[0], "20", "mười chín rưỡi", "19,5", "97,5 %"],
        ["1. " + ITEMS[0][0][0], "10", "mười", "10", ""],
        ["2. " + ITEMS[0][1][0], "10", "chín rưỡi", "9,5", ""],
    ]
    table = build_table([[Cell(text=x, page=1) for x in r] for r in rows], file="s.pdf", source="ocr")
    assert table.roles == ["label", "max", "note", "score", "pct"]
    got = [(h.field, h.value) for h in score_table(table_lines(table, "s.pdf"))]
    assert got[0] == ("criterion", {"index": 1, "max": 20.0, "score": 19.5, "passed": None})
    assert [(v["max"], v["score"]) for f, v in got if f == "criterion_item"] == [(10.0, 10.0), (10.0, 9.5)]


def test_the_unit_read_as_a_digit_is_taken_off_and_the_reading_kept() -> None:
    """ "23đ" scanned as "233" and "9,5đ" as "9,54", beside a maximum that still shows its "đ": the
    score is the figure without that digit, the cell as read kept with the doubt; a score that fits as
    read ("9,25") stays."""
    rows = [
        ["TT", "Nội dung", "Điểm tối đa", "Điểm tự chấm"],
        ["2", NAMES[1], "25đ", "233"],
        ["2.1", ITEMS[1][0][0], "10đ", "9,54"],
        ["2.2", ITEMS[1][1][0], "15đ", "13,5đ"],
        ["2.3", "Sinh hoạt chuyên đề đều đặn", "10đ", "9,25"],
    ]
    table = build_table([[Cell(text=x, page=1) for x in r] for r in rows], file="u.pdf", source="ocr")
    got = [h.value for h in score_table(table_lines(table, "u.pdf"))]
    assert (got[0]["score"], got[0]["score_read"]) == (23.0, 233.0) and got[0]["doubt"]
    assert (got[1]["score"], got[1]["score_read"]) == (9.5, 9.54)
    assert got[2]["score"] == 13.5 and "doubt" not in got[2]
    assert got[3]["score"] == 9.25 and "doubt" not in got[3]
