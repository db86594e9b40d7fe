"""Score sheets that say their points in running text (written for these tests, their own wording): the
criteria set in two columns side by side, read down each column and not across the page; a paragraph
listing several items' points and the criterion's sum, read sentence by sentence; a total whose sum is
written out ("a + b + c + d = T"), read as T and as the four criteria's scores when they add up."""

from __future__ import annotations

import pytest

from extractors.fields.criteria import heading_criterion, score_table
from extractors.fields.criteria_columns import unfold_columns
from extractors.model import Line, Provenance
from extractors.vocabulary import DocType
from samples.blocks import Block, Header, Para, Sign, SignCol, Table, Title

from .rendered import read_rendered

# Per criterion: its points at most, and its items (wording, at most, self-scored).
CRITERIA = [
    (30.0, [("Ban hành chương trình công tác sát thực tế", 15, 14.5), ("Đôn đốc các tổ thực hiện", 15, 15)]),
    (20.0, [("Họp đủ số kỳ trong năm theo điều lệ", 10, 10), ("Nội dung họp có chiều sâu", 10, 9)]),
    (25.0, [("Không để xảy ra đơn thư vượt cấp", 12, 12), ("Giữ vững khối thống nhất", 13, 12.5)]),
    (25.0, [("Tham gia đủ các lớp bồi dưỡng", 12, 11), ("Giới thiệu người tốt vào đảng", 13, 13)]),
]
NAMES = ("Lãnh đạo thực hiện nhiệm vụ", "Nề nếp sinh hoạt", "Giữ gìn đoàn kết", "Đội ngũ đảng viên")


def _dec(x: float) -> str:
    return f"{x:g}".replace(".", ",")


def _score(i: int) -> float:
    return sum(s for _, _, s in CRITERIA[i][1])


def _heading(i: int) -> str:
    return f"TIÊU CHÍ {i + 1} (tối đa {_dec(CRITERIA[i][0])} điểm)"


def _paragraph(i: int, sep: str = ".") -> str:
    items = " ".join(
        f"{'ab'[j]}) {label}: đạt {_dec(s)}/{_dec(m)} điểm{sep}"
        for j, (label, m, s) in enumerate(CRITERIA[i][1])
    )
    return f"{NAMES[i]}. {items} Cộng tiêu chí {i + 1}: {_dec(_score(i))} điểm."


def _doc(body: list[Block]) -> list[Block]:
    return [
        Header(
            "ĐẢNG BỘ PHƯỜNG TÂN AN", "CHI BỘ KHU PHỐ 3", "Số 07-PĐG/CB", "Tân An, ngày 02 tháng 12 năm 2024"
        ),
        Title("PHIẾU TỰ CHẤM ĐIỂM", ["Năm 2024"]),
        *body,
        Sign(right=SignCol(["T/M CHI BỘ", "BÍ THƯ"], "Lê Thị Hạnh")),
    ]


def two_columns() -> list[Block]:
    """Criteria 1 and 2 in the left column, 3 and 4 in the right; the sum under both."""
    rows = [[_heading(0), _heading(2)], [_paragraph(0), _paragraph(2)], [_heading(1), _heading(3)]]
    rows.append([_paragraph(1), _paragraph(3)])
    total = sum(_score(i) for i in range(4))
    return _doc(
        [
            Table(rows, [0.5, 0.5], bold_rows={0, 2}, align=["left", "left"], ruled=False),
            Para(f"Cộng chung: {' + '.join(_dec(_score(i)) for i in range(4))} = {_dec(total)} điểm."),
        ]
    )


def two_columns_named() -> list[Block]:
    """Two columns again, each criterion headed by its number and name ("3. ĐOÀN KẾT, KỶ LUẬT TỐT
    (25 điểm)") rather than "Tiêu chí 3"."""
    names = ("LÃNH ĐẠO HOÀN THÀNH TỐT NHIỆM VỤ CHÍNH TRỊ", "CHẤT LƯỢNG SINH HOẠT TỐT")
    names += ("ĐOÀN KẾT, KỶ LUẬT TỐT", "CÁN BỘ, ĐẢNG VIÊN TỐT")

    def head(i: int) -> str:
        return f"{i + 1}. {names[i]} ({_dec(CRITERIA[i][0])} điểm)"

    rows = [
        [head(0), head(2)],
        [_paragraph(0), _paragraph(2)],
        [head(1), head(3)],
        [_paragraph(1), _paragraph(3)],
    ]
    return _doc([Table(rows, [0.5, 0.5], bold_rows={0, 2}, align=["left", "left"], ruled=False)])


def one_column() -> list[Block]:
    """The same criteria one under the other, each item's points in one paragraph (";" between items)."""
    body: list[Block] = []
    for i in range(4):
        body += [Para(_heading(i), bold=True), Para(_paragraph(i, ";"))]
    return _doc(body)


def _criteria(got: dict[str, list]) -> dict[int, tuple[float | None, float | None]]:
    return {c["index"]: (c["max"], c["score"]) for c in got.get("criterion", [])}


EXPECTED = {i + 1: (CRITERIA[i][0], _score(i)) for i in range(4)}


@pytest.mark.parametrize("fmt", ["docx", "pdf", "scan"])
def test_criteria_in_two_columns_are_read_down_each_column(fmt: str) -> None:
    got = read_rendered(two_columns(), fmt, DocType.PHIEU_TU_DANH_GIA)
    assert _criteria(got) == EXPECTED, got.get("criterion")
    items = sorted((c["criterion"], c["item"], c["score"]) for c in got.get("criterion_item", []))
    assert items == sorted(
        (i + 1, "ab"[j], float(s)) for i in range(4) for j, (_, _, s) in enumerate(CRITERIA[i][1])
    )


def test_columns_headed_by_the_criteria_names_are_read_down_each_column() -> None:
    # Word only: on a PDF page these long headings wrap onto a second line, and a row of headings over
    # two lines is not recognised yet.
    got = read_rendered(two_columns_named(), "docx", DocType.PHIEU_TU_DANH_GIA)
    assert _criteria(got) == EXPECTED, got.get("criterion")


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_a_paragraph_of_items_is_read_sentence_by_sentence(fmt: str) -> None:
    got = read_rendered(one_column(), fmt, DocType.PHIEU_TU_DANH_GIA)
    assert _criteria(got) == EXPECTED, got.get("criterion")


def _line(text: str) -> Line:
    return Line(text=text, prov=Provenance(file="x.docx", block=0))


def _row(table: int, row: int, cells: list[str]) -> Line:
    return Line(text=" | ".join(cells), cells=cells, prov=Provenance(file="x.docx", table=table, row=row))


def test_a_table_of_figures_under_criterion_headings_is_not_unfolded() -> None:
    """ "Tiêu chí 1 | Tiêu chí 2 | …" over rows of points is a table read across, not text in columns."""
    lines = [
        _row(0, 0, ["Tiêu chí 1", "Tiêu chí 2", "Tiêu chí 3", "Tiêu chí 4"]),
        _row(0, 1, ["25", "25", "25", "25"]),
        _row(0, 2, ["24", "24,5", "25", "23"]),
    ]
    assert unfold_columns(lines, heading_criterion) == lines


def test_a_criterion_sum_after_its_name_in_one_paragraph_is_its_score() -> None:
    """The criterion's name and its sum in one paragraph, two sentences: the sum is the criterion's score."""
    lines = [_line("TIÊU CHÍ 2 (tối đa 20 điểm)"), _line("Nề nếp sinh hoạt tốt. Cộng tiêu chí 2: 19 điểm.")]
    crits = [h.value for h in score_table(lines) if h.field == "criterion"]
    assert crits == [{"index": 2, "max": 20.0, "score": 19.0, "passed": None}]


HEADINGS = [
    "I. LÃNH ĐẠO THỰC HIỆN NHIỆM VỤ (30 điểm)",
    "II. NỀ NẾP SINH HOẠT (20 điểm)",
    "III. GIỮ GÌN ĐOÀN KẾT (25 điểm)",
    "IV. ĐỘI NGŨ ĐẢNG VIÊN (25 điểm)",
]


def _read(last: str) -> list[dict]:
    return [h.value for h in score_table([*map(_line, HEADINGS), _line(last)])]  # type: ignore[misc]


def test_a_sum_written_out_is_its_result_and_gives_the_criteria_it_adds_up() -> None:
    """ "Tổng …: 29,5 + 19 + 24,5 + 24 = 97 điểm": the total is 97 (not its first term), and the four terms,
    in order and adding up to it, are the scores no other line gave."""
    got = _read("Tổng số điểm chi bộ tự chấm: 29,5 + 19 + 24,5 + 24 = 97 điểm.")
    assert {"max": None, "score": 97.0} in got
    assert [(v["index"], v["max"], v["score"]) for v in got if "index" in v] == [
        (1, 30.0, 29.5),
        (2, 20.0, 19.0),
        (3, 25.0, 24.5),
        (4, 25.0, 24.0),
    ]


def test_the_maxima_added_up_are_the_total_maximum_and_no_scores() -> None:
    got = _read("Tổng điểm tối đa: 30 + 20 + 25 + 25 = 100 điểm.")
    assert {"max": 100.0, "score": None} in got
    assert all(v["score"] is None and v["max"] is not None for v in got if "index" in v)


@pytest.mark.parametrize(
    "last",
    [
        "Tổng số điểm tự chấm: 29,5 + 19 + 24,5 + 24 = 96 điểm.",  # the terms do not add up to it
        "Tổng số điểm tự chấm: 19 + 29,5 + 24,5 + 24 = 97 điểm.",  # 29,5 is above criterion 2's 20
    ],
)
def test_a_sum_that_cannot_be_the_criteria_in_order_gives_no_scores(last: str) -> None:
    assert all(v["score"] is None for v in _read(last) if "index" in v)
