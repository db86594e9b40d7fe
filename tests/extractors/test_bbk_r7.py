"""Vote minutes, round 7 causes, each in a wording of our own: a share's base named by a whole noun
phrase, the ballot's part of the minutes of a whole meeting, a counting sheet's marks."""

from __future__ import annotations

from extractors import DocumentText, Line, Page, Provenance
from extractors.fields import extract_fields

from .test_fields import BB, CHI_BO_HEAD, TT, read, values


def test_share_base_is_the_narrowest_words_of_its_phrase() -> None:
    # "số ĐV chính thức có quyền biểu quyết": those who may vote, not all the members.
    got = read("+ Dong y: 09 phieu = 81,82 % so DV chinh thuc co quyen bieu quyet")
    assert got["votes_for_pct"] == [81.82] and got["votes_for_pct_base"] == ["voters_eligible"]
    got = read("Có 11 phiếu tán thành, bằng 91,67% so với tổng số ĐV chính thức có quyền biểu quyết.", TT)
    assert got["votes_for_pct_base"] == ["voters_eligible"]
    # The phrase stops at a bracket: the second share has its own base.
    got = read("Tán thành 10 phiếu = 83,33 % số đảng viên chính thức (100 % số phiếu hợp lệ)")
    assert sorted(got["votes_for_pct"]) == [83.33, 100.0]
    assert sorted(got["votes_for_pct_base"]) == ["ballots_valid", "members_official"]
    # The base's own count said inside it.
    got = read("số phiếu tán thành 11, bằng 78,57% tổng số 14 đảng viên chính thức có quyền biểu quyết.")
    assert got["votes_for_pct"] == [78.57] and got["votes_for_pct_base"] == ["voters_eligible"]


def meeting(rows: list[str], source: str = "docx") -> dict[str, list]:
    return values([*CHI_BO_HEAD, "BIÊN BẢN HỌP CHI BỘ", *rows], BB, source)


def test_in_minutes_of_a_whole_meeting_the_ballot_figures_are_its_own_items() -> None:
    got = meeting(
        [
            "Chi bộ có 15 đảng viên (12 chính thức, 03 dự bị); có mặt 14 đồng chí.",
            "Vấn đề 1. Thông qua danh sách xếp loại đảng viên cuối năm.",
            "Vấn đề 2. Đề nghị chuyển đảng chính thức cho một đồng chí; chi bộ giơ tay biểu quyết "
            "12/12 đồng chí tán thành (100 %).",
            "Vấn đề 3. Tổng thu đảng phí 5 400 000 đồng, nộp cấp trên 30 %.",
            "Vấn đề 4. Bỏ phiếu kín đề nghị công nhận chi bộ bốn tốt: phát ra 12 phiếu, thu về 12 phiếu, "
            "hợp lệ 12 phiếu; tán thành 11 phiếu, không tán thành 01 phiếu.",
        ]
    )
    assert got["votes_for"] == [11] and got["votes_against"] == [1]
    assert "votes_for_pct" not in got
    assert got["members_present"] == [14]


def test_the_part_scope_holds_when_the_items_wrap_over_lines() -> None:
    got = meeting(
        [
            "Nội dung 1. Xét kết nạp quần chúng ưu tú vào Đảng: các đồng chí",
            "đảng viên chính thức biểu quyết giơ tay, 09/09 đồng chí tán thành.",
            "Nội dung 2. Kiểm phiếu biểu quyết đề nghị công nhận chi bộ bốn tốt:",
            "số phiếu phát ra 09, thu về 09, hợp lệ 09, tán thành 08, không tán thành 01.",
        ],
        source="pdf_text",
    )
    assert got["votes_for"] == [8]


def test_numbered_lines_of_one_ballot_are_not_parts_of_a_meeting() -> None:
    # The items of one vote's count, each on its own line: every line is the ballot's.
    got = meeting(
        [
            "Ban kiểm phiếu gồm 02 đồng chí.",
            "1. Số phiếu phát ra: 12; thu về: 12; hợp lệ: 12.",
            "2. Kết quả: 11/12 đồng chí tán thành (91,67%).",
        ]
    )
    assert got["votes_for"] == [11]


def sheet(parts: list[list[list[str]]], source: str = "pdf_text") -> dict[str, list]:
    """A counting sheet whose rows run over one page per part (the header repeated on each)."""
    lines = [
        Line(text=t, prov=Provenance(file="k.pdf", page=1)) for t in [*CHI_BO_HEAD, "BIÊN BẢN KIỂM PHIẾU"]
    ]
    for page, rows in enumerate(parts, 1):
        for r, cells in enumerate(rows):
            prov = Provenance(file="k.pdf", page=page, table=page - 1, row=r)
            lines.append(Line(text=" | ".join(cells), cells=cells, prov=prov))
    pages = [
        Page(
            number=p,
            method="ocr" if source == "ocr" else "pdf_text",
            lines=[ln for ln in lines if ln.prov.page == p],
        )
        for p in range(1, len(parts) + 1)
    ]
    d = DocumentText(file="k.pdf", sha256="0" * 64, source=source, pages=pages)
    out: dict[str, list] = {}
    for reading in extract_fields(d, BB):
        out.setdefault(reading.field, []).append(reading.value)
    return out


HEAD = ["Phiếu số", "Đồng ý", "Không đồng ý", "Không hợp lệ"]


def test_a_counting_sheet_counts_its_marks_and_its_ballots() -> None:
    marks = ["for", "for", "against", "for", "invalid", "for", "for"]
    rows = [
        [f"{i:02d}", *("✓" if m == k else "" for k in ("for", "against", "invalid"))]
        for i, m in enumerate(marks, 1)
    ]
    got = sheet([[HEAD, *rows]])
    assert got["votes_for"] == [5] and got["votes_against"] == [1] and got["ballots_invalid"] == [1]
    assert got["ballots_returned"] == [7] and got["ballots_valid"] == [6]


def test_a_counting_sheet_over_two_pages_with_its_total_row() -> None:
    first = [HEAD, ["01", "x", "", ""], ["02", "", "x", ""], ["03", "x", "", ""]]
    # A ballot marked in no column is counted, valid and neither way.
    second = [HEAD, ["04", "", "", ""], ["05", "x", "", ""], ["06", "x", "", ""], ["Cộng", "4", "1", "0"]]
    got = sheet([first, second])
    assert got["votes_for"] == [4] and got["votes_against"] == [1]
    assert got["ballots_returned"] == [6] and got["ballots_valid"] == [6]
    # A total row that the marks do not bear out: both counts stay, for a person to see.
    second[-1] = ["Cộng", "5", "1", "0"]
    got = sheet([first, second])
    assert sorted(got["votes_for"]) == [4, 5]


def test_a_scanned_counting_sheet_keeps_its_total_row_over_lost_marks() -> None:
    # OCR garbled one mark ("k¢") and lost another (row 04): the rows still count the ballots, and the
    # total row's counts stand.
    rows = [HEAD, ["01", "X", "", ""], ["02", "k¢", "", ""], ["03", "", "X", ""], ["04", "", "", ""]]
    got = sheet([[*rows, ["Cộng", "3", "1", "0"]]], source="ocr")
    assert got["votes_for"] == [3] and got["votes_against"] == [1]
    assert got["ballots_returned"] == [4] and got["ballots_valid"] == [4]


def test_agenda_items_numbered_without_a_word() -> None:
    got = meeting(
        [
            "1. Kết nạp đảng viên mới: hội nghị giơ tay, 10/10 đồng chí tán thành.",
            "2. Biểu quyết bằng phiếu kín: phát ra 10 phiếu, thu về 10, hợp lệ 10; tán thành 09, "
            "không tán thành 01.",
        ]
    )
    assert got["votes_for"] == [9]
