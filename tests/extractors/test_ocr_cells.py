"""Figure cells of OCR'd tables: letters that look like digits, and cells the table itself doubts
(a score above its maximum, a figure read with a stain) read again on their own."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from extractors.model import Box, Cell, Table, Word
from extractors.readers import ocr
from extractors.readers.base import ReadContext
from extractors.readers.prepare import find_grids
from extractors.tables import build_table, cell_from_words
from tests.builders import DEJAVU


def _rows(texts: list[list[str]], source_boxes: list[list[Box | None]] | None = None) -> list[list[Cell]]:
    return [
        [Cell(text=t, page=1, bbox=source_boxes[r][c] if source_boxes else None) for c, t in enumerate(row)]
        for r, row in enumerate(texts)
    ]


RATINGS = [
    ["Mức xếp loại", "Số đảng viên", "Tỷ lệ (%)"],
    ["HTXSNV", "01", "l0"],
    ["HTTNV", "07", "70"],
    ["KHTNV", "O", "0"],
    ["Cộng", "lO", "100"],
]


def test_lookalike_letters_in_a_figure_column_of_an_ocr_table_are_digits() -> None:
    t = build_table(_rows(RATINGS), file="x", source="ocr", page=1)
    assert [[c.text for c in r] for r in t.body] == [
        ["HTXSNV", "01", "10"],
        ["HTTNV", "07", "70"],
        ["KHTNV", "0", "0"],
        ["Cộng", "10", "100"],
    ]


def test_word_and_label_cells_and_other_sources_keep_their_letters() -> None:
    t = build_table(_rows(RATINGS), file="x", source="docx", page=1)
    assert t.body[2][1].text == "O"
    rows = [["TT", "Nội dung", "Kết quả"], ["I", "Sinh hoạt", "12"], ["II", "Kỷ luật", "Không"]]
    t = build_table(_rows(rows), file="x", source="ocr", page=1)
    assert [[c.text for c in r] for r in t.body] == [r for r in rows[1:]]  # row numbers and words stay


def _score_table(texts: list[list[str]]) -> Table:
    boxes = [
        [Box(x0=100 * c, y0=50 * r, x1=100 * c + 100, y1=50 * r + 50, unit="px") for c in range(4)]
        for r in range(len(texts))
    ]
    return build_table(_rows(texts, boxes), file="x", source="ocr", page=1)


def test_cells_the_table_doubts_are_chosen_for_a_second_read() -> None:
    t = _score_table(
        [
            ["TT", "Nội dung", "Điểm tối đa", "Điểm tự chấm"],
            ["1", "Tiêu chí một", "8", "79"],  # 7,9 without its comma: above the maximum
            ["2", "Tiêu chí hai", "J25_", "24"],  # a rule read with the figure
            ["3", "Tiêu chí ba", "10", "9,5"],
            ["4", "Tiêu chí bốn", "10", "không"],
        ]
    )
    assert t.roles[2:] == ["max", "score"]
    chosen = [(r, c) for _, r, c, _ in ocr.doubtful_cells([t])]
    assert chosen == [(1, 2), (1, 3), (2, 2)]


def test_a_second_read_is_taken_only_when_it_settles_the_doubt() -> None:
    t = _score_table(
        [
            ["TT", "Nội dung", "Điểm tối đa", "Điểm tự chấm"],
            ["1", "Tiêu chí một", "8", "79"],
            ["2", "Tiêu chí hai", "J25_", "24"],
            ["3", "Tiêu chí ba", "8", "79"],
        ]
    )

    def words(text: str) -> list[ocr._Word]:
        return [ocr._Word(text, 10, 10, 30, 20, 90.0, (-1, 0, 0))]

    found = {
        (0, 1, 2): words("8"),
        (0, 1, 3): words("7,9"),
        (0, 2, 2): words("25"),
        (0, 3, 2): words("8"),
        (0, 3, 3): words("78"),  # read again, still above the maximum: the first reading stays
    }
    ocr.fill_cells([t], found, 1)
    assert [r[2].text for r in t.body] == ["8", "25", "8"]
    assert [r[3].text for r in t.body] == ["7,9", "24", "79"]


def _ruled_scores(rows: list[list[str]]) -> np.ndarray:
    """A ruled score table drawn at 300 dpi in DejaVu Sans."""
    font = ImageFont.truetype(DEJAVU, 40)
    widths = [120, 900, 300, 300]
    img = Image.new("L", (1800, 200 + 90 * len(rows)), 255)
    draw = ImageDraw.Draw(img)
    xs = [100]
    for w in widths:
        xs.append(xs[-1] + w)
    for r, row in enumerate(rows):
        y = 100 + 90 * r
        for c, text in enumerate(row):
            draw.text((xs[c] + 20, y + 22), text, font=font, fill=0)
    for r in range(len(rows) + 1):
        draw.line([(xs[0], 100 + 90 * r), (xs[-1], 100 + 90 * r)], fill=0, width=3)
    for x in xs:
        draw.line([(x, 100), (x, 100 + 90 * len(rows))], fill=0, width=3)
    return np.asarray(img)


@pytest.mark.slow
def test_a_score_read_without_its_decimal_comma_is_read_again_from_the_image(tmp_path: Path) -> None:
    drawn = [
        ["TT", "Nội dung", "Tối đa", "Tự chấm"],
        ["1", "Lãnh đạo thực hiện nhiệm vụ", "8", "7,9"],
        ["2", "Sinh hoạt chi bộ", "12", "11,5"],
    ]
    image = _ruled_scores(drawn)
    (grid,) = find_grids(image)
    misread = [row[:] for row in drawn]
    misread[1][3], misread[2][3] = "79", "115"
    boxes: list[list[Box | None]] = [[None] * grid.n_cols for _ in range(grid.n_rows)]
    for r0, _, c0, _, (x0, y0, x1, y1) in grid.cells:
        boxes[r0][c0] = Box(x0=x0, y0=y0, x1=x1, y1=y1, unit="px")
    t = build_table(_rows(misread, boxes), file="x", source="ocr", page=1)
    cells = ocr.doubtful_cells([t])
    found = ocr.reread_cells(image, cells, ReadContext(workdir=tmp_path), 1)
    ocr.fill_cells([t], found, 1)
    assert [r[3].text for r in t.body] == ["7,9", "11,5"]


def test_glued_header_words_and_marks_beside_row_numbers_do_not_hide_the_columns() -> None:
    rows = [
        ["TT", "Tiêu chí và nội dung", "Điểm Tốiđa", "Tựchấm"],
        ["Iˆ", "Lãnh đạo", "25", "25"],
        ["2_", "Sinh hoạt", "9", "8,5"],
    ]
    t = build_table(_rows(rows), file="x", source="ocr", page=1)
    assert t.roles == ["index", "label", "max", "score"]
    assert [r[0].text for r in t.body] == ["I", "2"]


def test_a_lopsided_slash_between_words_is_made_even_and_figures_keep_theirs() -> None:
    assert ocr.ocr_text(["thường", "kỳ", "/chuyên", "đề"]) == "thường kỳ / chuyên đề"
    assert ocr.ocr_text(["kỳ/", "chuyên"]) == "kỳ / chuyên"
    assert ocr.ocr_text(["12/5", "đ/c", "17", "/18"]) == "12/5 đ/c 17 /18"


def test_a_short_stroke_inside_a_cell_makes_no_row_rule() -> None:
    """The bars of "TT" in "HTTNV", an underlined word: a horizontal stroke inside one cell is no rule."""
    rows = [
        ["TT", "Mức", "Số", "Tỷ lệ"],
        ["1", "HTXSNV", "01", "10"],
        ["2", "HTTNV", "07", "70"],
        ["", "Cộng", "10", "100"],
    ]
    image = _ruled_scores(rows).copy()
    image[100 + 90 * 2 + 70 : 100 + 90 * 2 + 72, 240:330] = 0  # under "HTTNV", 90 px long
    (grid,) = find_grids(image)
    assert (grid.n_rows, grid.n_cols) == (4, 4)


def test_a_lone_figure_is_cut_out_and_scaled_to_its_reading_height() -> None:
    cell = np.full((290, 320), 255, np.uint8)
    cell[30:80, 120:200] = 0  # one line of ink 50 px high, far from the cell's corner
    cut, left, top, scale = ocr._figure_crop(cell)
    assert (left, top) == (120 - ocr.CROP_MARGIN, 30 - ocr.CROP_MARGIN)
    assert scale == pytest.approx(ocr.FIGURE_PX / 50)
    ys = np.flatnonzero((cut < 128).any(axis=1))
    assert abs((ys[-1] - ys[0] + 1) - ocr.FIGURE_PX) <= 2
    two_lines = np.full((290, 320), 255, np.uint8)
    two_lines[30:60, 40:200] = two_lines[100:130, 40:200] = 0  # a wrapped label: left at its size
    assert ocr._figure_crop(two_lines)[3] == 1.0


def test_a_letter_where_the_header_asks_for_a_figure_is_read_again() -> None:
    boxes = [
        [Box(x0=100 * c, y0=50 * r, x1=100 * c + 100, y1=50 * r + 50, unit="px") for c in range(4)]
        for r in range(2)
    ]
    rows = [["Số phiếu hợp lệ", "Kết quả Tán thành", "Không tán thành", "Ghi chú"], ["12", "H", "-", "x"]]
    t = build_table(_rows(rows, boxes), file="x", source="ocr", page=1)
    assert t.roles[1] == "label"  # the body alone makes "H" look like words
    assert [(r, c) for _, r, c, _ in ocr.doubtful_cells([t])] == [(1, 1)]


def test_a_leading_dash_stays_first_in_its_cell() -> None:
    """A dash has no ascender: by its top it would fall below the line it begins."""

    def w(text: str, x0: float, y0: float, y1: float) -> Word:
        return Word(text=text, bbox=Box(x0=x0, y0=y0, x1=x0 + 20 * len(text), y1=y1, unit="px"))

    words = [
        w("-", 10, 126, 130),
        w("Giữ", 40, 100, 142),
        w("nếp", 110, 104, 142),
        w("họp", 180, 108, 146),
        w("tổ", 250, 102, 142),
        w("đảng", 10, 160, 200),
        w("viên", 110, 166, 200),
    ]
    cell = cell_from_words(words, page=1, tolerance=18.0)
    assert cell.text == "- Giữ nếp họp tổ đảng viên"
    # A stain between two words is no bullet: it keeps its place by its top, after the line.
    stain = [w("Phiếu", 10, 100, 140), w("+", 125, 128, 134), w("thu", 150, 104, 140)]
    assert cell_from_words(stain, page=1, tolerance=18.0).text == "Phiếu thu +"


@pytest.mark.slow
def test_a_heading_left_unread_is_read_again_and_names_its_column(tmp_path: Path) -> None:
    drawn = [
        ["TT", "Nội dung", "Tự chấm", "Tối đa"],
        ["1", "Lãnh đạo thực hiện nhiệm vụ", "7,5", "8"],
        ["2", "Sinh hoạt chi bộ", "11", "12"],
    ]
    image = _ruled_scores(drawn)
    (grid,) = find_grids(image)
    boxes: list[list[Box | None]] = [[None] * grid.n_cols for _ in range(grid.n_rows)]
    for r0, _, c0, _, (x0, y0, x1, y1) in grid.cells:
        boxes[r0][c0] = Box(x0=x0, y0=y0, x1=x1, y1=y1, unit="px")
    skipped = [[*row[:3], ""] for row in drawn]  # the page read missed the last column, heading and all
    t = build_table(_rows(skipped, boxes), file="x", source="ocr", page=1)
    assert t.roles[3] != "max"
    (t,) = ocr.reread_tables(image, [t], ReadContext(workdir=tmp_path), 1)
    assert t.roles[2:] == ["score", "max"]
    assert [r[3].text for r in t.body] == ["8", "12"]
