"""Vote minutes, round 8 causes, each in a wording of our own: a sentence opened by a word and a colon,
a phrase read over a comma, and minutes set in two text columns that a PDF or OCR interleaves."""

from __future__ import annotations

from extractors import DocumentText, Line, Page, Provenance
from extractors.columns import read_columns, table_columns
from extractors.fields import extract_fields
from extractors.model import Box, Word

from .test_fields import BB, CHI_BO_HEAD, read, values


def test_a_sentence_opening_colon_does_not_give_the_count_to_the_phrase_before() -> None:
    # "Kết quả:" heads the sentence; the count before "tán thành" is its own, the share after it
    # is not a count at all.
    got = read("Phiếu thu về 12. Kết luận: 11 phiếu đồng ý, tức 91,67 % số đảng viên chính thức.")
    assert got["votes_for"] == [11] and got["ballots_returned"] == [12]
    got = read("Số phiếu thu vào 9. Kết quả kiểm: 8 phiếu tán thành, bằng 88,89%; 1 phiếu không tán thành.")
    assert got["votes_for"] == [8] and got["votes_against"] == [1]
    # A phrase's own colon still claims the number after it ("phát ra: 10 phiếu thu về: 10").
    got = read("Số phiếu phát ra: 10 phiếu thu về: 10")
    assert got["ballots_issued"] == [10] and got["ballots_returned"] == [10]


def test_a_phrase_read_over_a_comma_does_not_take_the_number_before_the_comma() -> None:
    # "31 đảng viên, chính thức 28": 31 counts the members, 28 the official ones.
    got = read("1. Chi bộ 31 đảng viên, chính thức 28, dự bị 3.")
    assert got["members_official"] == [28]
    got = read("Đảng bộ xã 140 đảng viên, chính thức 133, dự bị 7.")
    assert 140 not in got.get("members_official", [])


# -- two text columns ----------------------------------------------------------------------------
def _line(parts: list[tuple[float, str]], y: float, table: bool = False) -> Line:
    """A PDF line from (x where a run of words starts, the words): each word 6 pt a letter, 3 pt apart."""
    words = []
    for x, text in parts:
        for w in text.split():
            words.append(Word(text=w, bbox=Box(x0=x, y0=y, x1=x + 5 * len(w), y1=y + 10, unit="pt")))
            x += 5 * len(w) + 3
    cells = [" ".join(t.split()) for _, t in parts]
    return Line(
        text=" | ".join(cells) if len(cells) > 1 else cells[0],
        cells=cells if len(cells) > 1 else None,
        words=words,
        prov=Provenance(file="t.pdf", page=1, bbox=words[0].bbox, table=0 if table else None),
    )


L, R = 60.0, 320.0  # the two columns' left edges; the left column's text ends before 300


def _two_columns() -> list[Line]:
    rows = [
        [(L, "A. NHỮNG NGƯỜI DỰ HỌP"), (R, "B. BỎ PHIẾU VÀ KẾT QUẢ")],
        [(L, "a) Chi bộ hiện có 21 đảng viên, trong"), (R, "a) Phát ra 17 phiếu; thu lại 17")],
        [(L, "đó 19 chính thức và 2 dự bị.")],
        [(L, "b) Dự họp 18/21 đồng chí, vắng mặt"), (R, "b) Phiếu hợp lệ 17; không hợp lệ 0.")],
        [(L, "3 đồng chí có lý do."), (R, "c) Đồng ý 16 phiếu, bằng 84,21% số")],
        [(L, "c) Số đảng viên được biểu quyết"), (R, "đảng viên có quyền biểu quyết.")],
        [(L, "là 19 đồng chí."), (R, "d) Không đồng ý 1 phiếu.")],
    ]
    return [_line(r, 100 + 14 * i) for i, r in enumerate(rows)]


def test_two_text_columns_are_read_one_after_the_other() -> None:
    out = [ln.text for ln in read_columns(_two_columns())]
    assert out == [
        "A. NHỮNG NGƯỜI DỰ HỌP",
        "a) Chi bộ hiện có 21 đảng viên, trong",
        "đó 19 chính thức và 2 dự bị.",
        "b) Dự họp 18/21 đồng chí, vắng mặt",
        "3 đồng chí có lý do.",
        "c) Số đảng viên được biểu quyết",
        "là 19 đồng chí.",
        "B. BỎ PHIẾU VÀ KẾT QUẢ",
        "a) Phát ra 17 phiếu; thu lại 17",
        "b) Phiếu hợp lệ 17; không hợp lệ 0.",
        "c) Đồng ý 16 phiếu, bằng 84,21% số",
        "đảng viên có quyền biểu quyết.",
        "d) Không đồng ý 1 phiếu.",
    ]


def test_the_figures_of_two_text_columns_are_read_from_their_own_sentences() -> None:
    head = [_line([(L, t)], 20 + 12 * i) for i, t in enumerate(CHI_BO_HEAD)]
    title = _line([(L, "BIÊN BẢN KIỂM PHIẾU đề nghị công nhận chi bộ bốn tốt năm 2024")], 80)
    doc = DocumentText(
        file="t.pdf",
        sha256="0" * 64,
        source="pdf_text",
        pages=[Page(number=1, method="pdf_text", lines=[*head, title, *_two_columns()])],
    )
    got: dict[str, list] = {}
    for r in extract_fields(doc, BB):
        got.setdefault(r.field, []).append(r.value)
    assert got["voters_eligible"] == [19]
    assert got["members_present"] == [18]
    assert got["votes_for"] == [16] and got["votes_against"] == [1]


PROSE = "Chi bộ họp lúc 14 giờ tại hội trường thôn Nà Lừa để xét đề nghị"


def test_rows_of_labels_and_values_and_justified_prose_are_not_columns() -> None:
    # A table without rules: short values on the right, no line wraps in a column.
    table = [
        _line([(L, "Tổng số đảng viên"), (R, "21")], 100),
        _line([(L, "Số phiếu phát ra"), (R, "17")], 114),
        _line([(L, "Số phiếu tán thành"), (R, "16 phiếu")], 128),
        _line([(L, "Số phiếu không tán thành"), (R, "1 phiếu")], 142),
    ]
    assert read_columns(table) == table
    # A justified paragraph: its spaces are all stretched alike, none is a gutter.
    prose = []
    for y in (100, 114, 128, 142):
        words, x = [], L
        for w in PROSE.split(" "):
            words.append(Word(text=w, bbox=Box(x0=x, y0=y, x1=x + 5 * len(w), y1=y + 10, unit="pt")))
            x += 5 * len(w) + 14
        text = " ".join(w.text for w in words)
        prose.append(Line(text=text, words=words, prov=Provenance(file="t.pdf", page=1, bbox=words[0].bbox)))
    assert read_columns(prose) == prose


# -- one meeting, several ballots --------------------------------------------------------------
def test_of_several_ballots_only_the_one_about_the_proposal_is_read() -> None:
    got = values(
        [
            *CHI_BO_HEAD,
            "BIÊN BẢN KIỂM PHIẾU",
            "Chi bộ có 16 đảng viên chính thức; dự họp 15 đồng chí.",
            "LẦN THỨ NHẤT: bầu bổ sung chi ủy viên",
            "Phát ra 15 phiếu, thu về 15 phiếu; tán thành 12 phiếu, không tán thành 3 phiếu.",
            "LẦN THỨ HAI: biểu quyết đề nghị công nhận chi bộ đạt",
            "“bốn tốt” năm 2024",
            "Phát ra 15 phiếu, thu về 15 phiếu; tán thành 14 phiếu, không tán thành 1 phiếu.",
            "LẦN THỨ BA: đề nghị khen thưởng đồng chí chi ủy viên",
            "Phát ra 15 phiếu, thu về 15 phiếu; tán thành 13 phiếu, không tán thành 2 phiếu.",
        ],
        BB,
        "pdf_text",
    )
    assert got["votes_for"] == [14] and got["votes_against"] == [1]


def test_ballots_none_of_which_names_the_proposal_are_all_kept() -> None:
    got = values(
        [
            *CHI_BO_HEAD,
            "BIÊN BẢN KIỂM PHIẾU",
            "Lần thứ nhất: phát ra 12 phiếu; tán thành 10 phiếu.",
            "Lần thứ hai: phát ra 12 phiếu; tán thành 11 phiếu.",
        ],
        BB,
        "pdf_text",
    )
    assert sorted(got["votes_for"]) == [10, 11]


# -- two columns in a Word table without a grid --------------------------------------------------
def _word_table(rows: list[list[str]]) -> list[Line]:
    return [
        Line(text=" | ".join(r), cells=r, prov=Provenance(file="t.docx", page=1, block=5, table=1, row=i))
        for i, r in enumerate(rows)
    ]


def test_a_word_table_of_two_columns_of_items_is_read_column_by_column() -> None:
    rows = _word_table(
        [
            ["A. NHỮNG NGƯỜI DỰ HỌP", "B. BỎ PHIẾU VÀ KẾT QUẢ"],
            ["a) Chi bộ hiện có 21 đảng viên, trong đó 19 chính thức.", "a) Phát ra 17 phiếu; thu lại 17."],
            ["b) Dự họp 18/21 đồng chí; không ai vắng.", "b) Phiếu hợp lệ 17; không hợp lệ 0."],
            ["c) Số đảng viên được biểu quyết là 19 đồng chí.", "c) Đồng ý 16 phiếu, bằng 84,21%."],
        ]
    )
    doc = DocumentText(
        file="t.docx",
        sha256="0" * 64,
        source="docx",
        pages=[
            Page(
                number=1,
                method="docx",
                lines=[
                    *(
                        Line(text=t, prov=Provenance(file="t.docx", page=1, block=i))
                        for i, t in enumerate(CHI_BO_HEAD)
                    ),
                    *rows,
                ],
            )
        ],
    )
    got: dict[str, list] = {}
    for r in extract_fields(doc, BB):
        got.setdefault(r.field, []).append(r.value)
    assert got["members_present"] == [18]
    assert got.get("members_absent", [0]) == [0]  # "không ai vắng", not the 17 ballots beside it
    assert got["votes_for"] == [16] and got["ballots_valid"] == [17]
    # A table of labels beside values is a table, not columns.
    table = _word_table([["Số phiếu phát ra", "17"], ["Số phiếu hợp lệ", "17"], ["Tán thành", "16 phiếu"]])
    assert table_columns(table) == table
