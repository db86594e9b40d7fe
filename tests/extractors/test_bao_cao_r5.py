"""Báo cáo layouts of round 5's kind, in our own words: figures in an annex whose columns are periods of
the year (quarters, halves) with one whole-year column. The whole year is the figure; the periods are
its parts, never the figure, and a count whose whole-year cell is blank is the sum of its periods."""

from __future__ import annotations

import pytest

from extractors.fields import extract_fields
from extractors.model import DocumentText, Line, Page, Provenance
from extractors.vocabulary import DocType
from samples.blocks import Para, Sign, SignCol, Table, Title

from .test_bao_cao_r4 import _head, read


def _annex(head: list[str], rows: list[list[str]]) -> list:
    return [
        _head(False),
        Title("BÁO CÁO", ["Kết quả thực hiện mô hình bốn tốt năm 2024"]),
        Para("Số liệu sinh hoạt từng thời kỳ tại phụ lục kèm theo."),
        Sign(right=SignCol(["T/M CHI BỘ", "BÍ THƯ"], "Phan Văn Lộc")),
        Title("PHỤ LỤC", ["Số liệu sinh hoạt chi bộ năm 2024"]),
        Table([head, *rows], [0.4] + [0.6 / (len(head) - 1)] * (len(head) - 1)),
    ]


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_quarters_as_columns_read_the_whole_year_column(fmt: str) -> None:
    head = ["Nội dung", "Quý 1", "Quý 2", "Quý 3", "Quý 4", "Cả năm 2024"]
    rows = [
        ["Số kỳ sinh hoạt thường kỳ", "3", "3", "2", "3", "11"],
        ["Số kỳ sinh hoạt chuyên đề", "2", "0", "1", "1", "4"],
        ["Tỷ lệ đảng viên tham dự (%)", "93,1", "90,4", "91,8", "92,5", "91,95"],
    ]
    v = read(_annex(head, rows), fmt)
    assert v.get("regular_meetings") == [11]
    assert v.get("thematic_meetings") == [4]
    assert v.get("attendance_pct") == [91.95]


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_half_years_with_a_total_column(fmt: str) -> None:
    """Another clerk's form: two halves of the year and "Tổng cộng" last."""
    head = ["Nội dung", "6 tháng đầu năm", "6 tháng cuối năm", "Tổng cộng"]
    rows = [["Số kỳ sinh hoạt thường kỳ", "6", "6", "12"], ["Số kỳ sinh hoạt chuyên đề", "3", "2", "5"]]
    v = read(_annex(head, rows), fmt)
    assert v.get("regular_meetings") == [12]
    assert v.get("thematic_meetings") == [5]


def _ocr_doc(rows: list[list[str]]) -> DocumentText:
    lines = [Line(text=t, prov=Provenance(file="bc.pdf", page=1)) for t in ("CHI BỘ THÔN AN SƠN", "BÁO CÁO")]
    for i, r in enumerate(rows):
        lines.append(
            Line(text=" | ".join(r), cells=r, prov=Provenance(file="bc.pdf", page=1, table=0, row=i))
        )
    return DocumentText(
        file="bc.pdf",
        sha256="0" * 64,
        source="pdf_text",
        pages=[Page(number=1, method="pdf_text", lines=lines)],
    )


def test_garbled_quarters_and_a_blank_whole_year_cell() -> None:
    """As a scan reads it: the quarter headings glued and garbled, the whole-year counts lost (the sum
    of the quarters stands for them), the share kept."""
    rows = [
        ["Nội dung", "Quý I", "Quýll", "Quýlll!", "QuýiV", "Cả năm"],
        ["Sinh hoạt thường kỳ (kỳ)", "3", "3", "3", "3", ""],
        ["Sinh hoạt chuyên đề (kỳ)", "2", "1", "1", "2", ""],
        ["Tỷ lệ đảng viên dự (%)", "95", "94,2", "93,4", "96", "94,65"],
    ]
    got = {r.field: r.value for r in extract_fields(_ocr_doc(rows), DocType.BAO_CAO)}
    assert got.get("regular_meetings") == 12
    assert got.get("thematic_meetings") == 6
    assert got.get("attendance_pct") == 94.65


def test_a_month_log_keeps_its_total_row() -> None:
    """A single "Tháng" column is no period header: the log's rows are months, its total row counts."""
    rows = [["Tháng", "Thường kỳ", "Chuyên đề", "Ghi chú"]]
    rows += [[f"Tháng {m}", "1", "1" if m % 4 == 0 else "0", ""] for m in range(1, 13)]
    rows.append(["Cộng", "12", "3", ""])
    got = {r.field: r.value for r in extract_fields(_ocr_doc(rows), DocType.BAO_CAO)}
    assert got.get("regular_meetings") == 12
    assert got.get("thematic_meetings") == 3


# -- a đảng bộ's ratings annex: levels as columns, the members and the cells in two rows -----------
def _dang_bo_annex(second_label: str) -> list:
    head = ["Đối tượng", "Tổng số", "HTXSNV", "HTTNV", "HTNV", "KHTNV"]
    rows = [["Đảng viên", "58", "7", "46", "5", "0"], [second_label, "11", "2", "8", "1", "0"]]
    return [
        _head(True),
        Title("BÁO CÁO", ["Kết quả thực hiện mô hình đảng bộ bốn tốt năm 2024"]),
        Para(
            "Kết quả xếp loại đảng viên và các chi bộ trực thuộc xem Phụ lục 03; có 09 chi bộ được cấp ủy công "
            "nhận đạt “chi bộ bốn tốt”."
        ),
        Sign(right=SignCol(["T/M ĐẢNG ỦY", "BÍ THƯ"], "Phan Văn Lộc")),
        Title("PHỤ LỤC 03", ["Xếp loại năm 2024"]),
        Para("Đánh giá đảng viên và chi bộ trực thuộc như sau."),  # no figure: the section is about the cells
        Table([head, *rows], [0.3] + [0.14] * 5),
    ]


@pytest.mark.parametrize("second_label", ["Chi bộ trực thuộc", "Các chi bộ trực thuộc"])
def test_cells_row_under_level_columns_is_read_as_the_cells_ratings(second_label: str) -> None:
    v = read(_dang_bo_annex(second_label), "docx")
    assert [v.get(f"subordinates_{k}") for k in ("xuat_sac", "tot", "hoan_thanh", "khong_hoan_thanh")] == [
        [2],
        [8],
        [1],
        [0],
    ]
    assert [v.get(f"rating_{k}") for k in ("xuat_sac", "tot", "hoan_thanh", "khong_hoan_thanh")] == [
        [7],
        [46],
        [5],
        [0],
    ]
    assert 11 in v["subordinates_total"] and 3 not in v["subordinates_total"]  # "Phụ lục 03" is no count
    assert 11 not in v.get("members_total", [])
    assert v.get("subordinates_bon_tot") == [9]


# -- ratings given as a list of names, one a row: the reader counts them ------------------------------
_PEOPLE = ["Lê Văn An", "Trần Thị Bình", "Võ Minh Châu", "Đặng Quốc Dũng", "Hà Thị Em", "Lý Văn Phúc", "Mai Thị Giang"]  # fmt: skip
_GRADES = ["Hoàn thành tốt nhiệm vụ", "Hoàn thành xuất sắc nhiệm vụ", "Hoàn thành tốt nhiệm vụ",
           "Hoàn thành nhiệm vụ", "Hoàn thành tốt nhiệm vụ", "Hoàn thành tốt nhiệm vụ", "Hoàn thành xuất sắc nhiệm vụ"]  # fmt: skip


def _roster_doc(split_at: int | None) -> DocumentText:
    """A roster "TT | Đảng viên (họ tên) | Mức xếp loại" cut over two pages at ``split_at`` (the second
    part repeats the header), as a PDF reader gives it."""
    head = ["TT", "Họ tên", "Nhiệm vụ được giao", "Mức xếp loại"]
    body = [[str(i + 1), p, "Tổ trưởng" if i == 0 else "Đảng viên", g] for i, (p, g) in enumerate(zip(_PEOPLE, _GRADES, strict=True))]  # fmt: skip
    parts = [[head, *body]] if split_at is None else [[head, *body[:split_at]], [head, *body[split_at:]]]
    pages = []
    for n, rows in enumerate(parts):
        lines = [Line(text="BÁO CÁO", prov=Provenance(file="bc.pdf", page=n + 1))] if n == 0 else []
        for i, r in enumerate(rows):
            prov = Provenance(file="bc.pdf", page=n + 1, table=n, row=i)
            lines.append(Line(text=" | ".join(r), cells=r, prov=prov))
        pages.append(Page(number=n + 1, method="pdf_text", lines=lines))
    return DocumentText(file="bc.pdf", sha256="0" * 64, source="pdf_text", pages=pages)


@pytest.mark.parametrize("split_at", [None, 4])
def test_a_roster_of_members_is_counted_per_level(split_at: int | None) -> None:
    got: dict[str, list] = {}
    for r in extract_fields(_roster_doc(split_at), DocType.BAO_CAO):
        got.setdefault(r.field, []).append(r.value)
    assert got.get("rating_xuat_sac") == [2]
    assert got.get("rating_tot") == [4]
    assert got.get("rating_hoan_thanh") == [1]
    assert got.get("rating_khong_hoan_thanh") == [0]
    assert got.get("members_rated") == [7]


def test_a_dang_bo_lists_its_cells_with_the_bon_tot_mark() -> None:
    head = ["STT", "Tên chi bộ", "Xếp loại", "Đạt chi bộ bốn tốt"]
    rows = [
        ["1", "Chi bộ Thôn Đông", "Hoàn thành xuất sắc nhiệm vụ", "x"],
        ["2", "Chi bộ Thôn Tây", "Hoàn thành tốt nhiệm vụ", "x"],
        ["3", "Chi bộ Trường Tiểu học", "Hoàn thành tốt nhiệm vụ", ""],
        ["4", "Chi bộ Công an", "Hoàn thành nhiệm vụ", ""],
        ["", "Tổng cộng", "03 chi bộ HTTNV", "02"],  # the total row: no cell of its own
    ]
    lines = [Line(text=t, prov=Provenance(file="bc.pdf", page=1)) for t in ("ĐẢNG ỦY XÃ HÒA NINH", "BÁO CÁO")]
    for i, r in enumerate([head, *rows]):
        lines.append(
            Line(text=" | ".join(r), cells=r, prov=Provenance(file="bc.pdf", page=1, table=0, row=i))
        )
    doc = DocumentText(
        file="bc.pdf",
        sha256="0" * 64,
        source="pdf_text",
        pages=[Page(number=1, method="pdf_text", lines=lines)],
    )
    got: dict[str, list] = {}
    for r in extract_fields(doc, DocType.BAO_CAO):
        got.setdefault(r.field, []).append(r.value)
    levels = ("xuat_sac", "tot", "hoan_thanh", "khong_hoan_thanh")
    assert [set(got.get(f"subordinates_{k}", [])) for k in levels] == [{1}, {2}, {1}, {0}]
    assert set(got.get("subordinates_bon_tot", [])) == {2}
    assert "rating_tot" not in got  # the cells' levels are not the members'


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_a_table_of_earlier_years_only_is_no_figure_of_this_year(fmt: str) -> None:
    """This year's levels in a list; beside them the two years before, for comparison only."""
    blocks = [
        _head(False),
        Title("BÁO CÁO", ["Kết quả thực hiện mô hình bốn tốt năm 2024"]),
        Para(
            "Xếp loại đảng viên năm 2024: hoàn thành xuất sắc nhiệm vụ 03 đồng chí; hoàn thành tốt nhiệm vụ "
            "14 đồng chí; không có đảng viên hoàn thành nhiệm vụ hay không hoàn thành nhiệm vụ."
        ),
        Para("Kết quả các năm trước:"),
        Table(
            [
                ["Năm", "HTXSNV", "HTTNV", "HTNV", "KHTNV"],
                ["2022", "2", "12", "2", "0"],
                ["2023", "3", "11", "1", "0"],
            ],
            [0.2] * 5,
        ),
        Sign(right=SignCol(["T/M CHI BỘ", "BÍ THƯ"], "Phan Văn Lộc")),
    ]
    v = read(blocks, fmt)
    assert set(v.get("rating_xuat_sac", [])) == {3}
    assert set(v.get("rating_tot", [])) == {14}
    assert set(v.get("rating_hoan_thanh", [])) == {0}


def test_a_level_cell_lost_by_ocr_is_the_total_less_the_others() -> None:
    rows = [
        ["Đối tượng", "Tổng số", "HTXSNV", "HTTNV", "HTNV", "KHTNV"],
        ["Đảng viên", "31", "5", "24", "2", ""],
    ]
    got = {r.field: r.value for r in extract_fields(_ocr_doc(rows), DocType.BAO_CAO)}
    assert got.get("rating_khong_hoan_thanh") == 0
    assert got.get("rating_tot") == 24
