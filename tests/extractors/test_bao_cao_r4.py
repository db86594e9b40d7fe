"""Báo cáo layouts of round 4's kind, in our own words, read through the real readers (Word, text PDF).

A ratings table whose header has several rows: a heading over the rating levels, each level over its
own count and share columns ("Số lượng | Tỷ lệ (%)"), one row for the members and one for the
subordinate cells. Each cell of the lowest row names its column; the table model merges the header per
column, and the reader takes each column's level and role from there.
"""

from __future__ import annotations

import pytest

from extractors.fields import extract_fields
from extractors.model import DocumentText, Line, Page, Provenance
from extractors.vocabulary import DocType
from samples.blocks import Block, Header, Para, Sign, SignCol, Table, Title

from .rendered import read_rendered

LEVELS = (
    "Hoàn thành xuất sắc nhiệm vụ",
    "Hoàn thành tốt nhiệm vụ",
    "Hoàn thành nhiệm vụ",
    "Không hoàn thành nhiệm vụ",
)
MEMBERS = (9, 52, 4, 0)  # 65 members rated
CELLS = (2, 8, 1, 0)  # 11 subordinate cells


def _head(dang_bo: bool) -> Header:
    if dang_bo:
        return Header(
            "HUYỆN ỦY HÒA VANG", "ĐẢNG ỦY XÃ HÒA NINH", "Số 41-BC/ĐU", "Hòa Ninh, ngày 04 tháng 12 năm 2024"
        )
    return Header(
        "ĐẢNG ỦY XÃ HÒA NINH", "CHI BỘ THÔN AN SƠN", "Số 12-BC/CB", "Hòa Ninh, ngày 04 tháng 12 năm 2024"
    )


def _share(n: int, whole: int) -> str:
    return f"{100 * n / whole:.2f}".rstrip("0").rstrip(".").replace(".", ",")


def _row(label: str, counts: tuple[int, ...], share_first: bool) -> list[str]:
    whole = sum(counts)
    out = [label, str(whole)]
    for n in counts:
        pair = [f"{n:02d}" if n else "-", _share(n, whole)]
        out += pair[::-1] if share_first else pair
    return out


def _ratings_table(
    dang_bo: bool, share_first: bool = False, lowest: tuple[str, str] = ("Số lượng", "Tỷ lệ (%)")
) -> Table:
    """Three header rows: "Xếp loại năm 2024" over the four levels, each over its two columns."""
    top = ["Nội dung", "Số được xếp loại", "Xếp loại năm 2024"] + [""] * 7
    middle = ["", ""]
    for level in LEVELS:
        middle += [level, ""]
    pair = list(lowest[::-1] if share_first else lowest)
    bottom = ["", ""] + pair * 4
    rows = [
        top,
        middle,
        bottom,
        _row("Đảng viên của đảng bộ" if dang_bo else "Đảng viên", MEMBERS, share_first),
    ]
    if dang_bo:
        rows.append(_row("Các chi bộ trực thuộc", CELLS, share_first))
    spans = {(0, 0): (3, 1), (0, 1): (3, 1), (0, 2): (1, 8)}
    for i in range(4):
        spans[(1, 2 + 2 * i)] = (1, 2)
    return Table(rows, [0.2, 0.1] + [0.0875] * 8, bold_rows={0, 1, 2}, spans=spans, header_rows=3)


def _report(dang_bo: bool, table: Table) -> list[Block]:
    return [
        _head(dang_bo),
        Title("BÁO CÁO", ["Kết quả thực hiện mô hình bốn tốt năm 2024"]),
        Para("Kết quả đánh giá, xếp loại chất lượng trong năm như sau:"),
        table,
        Sign(right=SignCol(["T/M ĐẢNG ỦY" if dang_bo else "T/M CHI BỘ", "BÍ THƯ"], "Phan Văn Lộc")),
    ]


def read(blocks: list[Block], fmt: str) -> dict[str, list]:
    return read_rendered(blocks, fmt, DocType.BAO_CAO)


def _levels(v: dict[str, list], prefix: str) -> list:
    return [v.get(f"{prefix}_{k}") for k in ("xuat_sac", "tot", "hoan_thanh", "khong_hoan_thanh")]


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_levels_over_count_and_share_columns_are_read_by_column(fmt: str) -> None:
    v = read(_report(True, _ratings_table(True)), fmt)
    assert _levels(v, "rating") == [[9], [52], [4], [0]]
    assert _levels(v, "subordinates") == [[2], [8], [1], [0]]
    assert v["members_rated"] == [65]
    assert v["subordinates_total"] == [11]


def test_levels_over_count_and_share_columns_scanned() -> None:
    """Through Tesseract (an office scan at 300 dpi): the grid's header is merged per column as well."""
    v = read(_report(True, _ratings_table(True)), "scan")
    assert _levels(v, "rating") == [[9], [52], [4], [0]]
    assert _levels(v, "subordinates") == [[2], [8], [1], [0]]


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_share_before_count_and_short_column_names(fmt: str) -> None:
    """Another clerk's form: the share column first, "SL" and "TL" (tỷ lệ) for its two columns."""
    v = read(_report(False, _ratings_table(False, share_first=True, lowest=("SL", "Tỷ lệ"))), fmt)
    assert _levels(v, "rating") == [[9], [52], [4], [0]]
    assert v["members_rated"] == [65]
    assert "subordinates_total" not in v  # a chi bộ has no subordinate cells


# -- a meeting log whose total row counts the meetings --------------------------------------------
def _log_doc(split_at: int, lose_link: bool) -> DocumentText:
    """A month-by-month log ("Tháng | Họp thường kỳ | Họp chuyên đề") whose rows go on over a page: the
    rows from ``split_at`` and the "Tổng cộng" row stand on page 2, as another table or (``lose_link``,
    as OCR gives a row alone at the top of a page) as a row of no table."""
    head = ["Tháng", "Họp chi bộ thường kỳ (ngày họp)", "Sinh hoạt chuyên đề (nội dung)", "Ghi chú"]
    rows = [head]
    for m in range(1, 13):
        rows.append([f"Tháng {m}", f"1{m % 9}/{m:02d}/2024", "Chuyển đổi số" if m % 3 == 0 else "", ""])
    rows.append(["Tổng cộng", "12 cuộc", "04 cuộc"])
    pages: list[list[Line]] = [[], []]
    for i, r in enumerate(rows):
        page = 0 if i < split_at else 1
        table = None if (page and lose_link and r[0] == "Tổng cộng") else page
        prov = Provenance(file="bc.pdf", page=page + 1, table=table, row=i)
        pages[page].append(Line(text=" | ".join(r), cells=r, prov=prov))
    pages[0][:0] = [
        Line(text=t, prov=Provenance(file="bc.pdf", page=1)) for t in ("CHI BỘ THÔN AN SƠN", "BÁO CÁO")
    ]
    return DocumentText(
        file="bc.pdf",
        sha256="0" * 64,
        source="pdf_text",
        pages=[Page(number=n + 1, method="pdf_text", lines=p) for n, p in enumerate(pages)],
    )


@pytest.mark.parametrize("split_at", [6, 12, 13])
@pytest.mark.parametrize("lose_link", [False, True])
def test_the_total_row_of_a_log_over_two_pages_counts_the_meetings(split_at: int, lose_link: bool) -> None:
    got = {r.field: r.value for r in extract_fields(_log_doc(split_at, lose_link), DocType.BAO_CAO)}
    assert got.get("regular_meetings") == 12
    assert got.get("thematic_meetings") == 4


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_a_log_under_a_two_row_header_without_heading_words(fmt: str) -> None:
    """ "Tháng | Số buổi sinh hoạt" over "Thường kỳ | Chuyên đề": the total row is read under the merged
    label of each column."""
    rows = [["Tháng", "Số buổi sinh hoạt", ""], ["", "Thường kỳ", "Chuyên đề"]]
    rows += [[f"{m:02d}/2024", "01", "01" if m % 3 == 0 else "0"] for m in range(1, 13)]
    rows.append(["Cả năm", "12", "04"])
    table = Table(
        rows, [0.3, 0.35, 0.35], bold_rows={0, 1}, spans={(0, 0): (2, 1), (0, 1): (1, 2)}, header_rows=2
    )
    blocks = [
        _head(False),
        Title("BÁO CÁO", ["Kết quả sinh hoạt chi bộ năm 2024"]),
        Para("Số buổi sinh hoạt trong năm:"),
        table,
        Sign(right=SignCol(["T/M CHI BỘ", "BÍ THƯ"], "Phan Văn Lộc")),
    ]
    v = read(blocks, fmt)
    assert v.get("regular_meetings") == [12]
    assert v.get("thematic_meetings") == [4]
