"""Metamorphic báo cáo: one year's results written as prose, as tables and as bullets (in Word and in a
text PDF) must give the same figures; a zero said in words is a zero; next year's targets are not read.

The wordings are our own, not copies of the unseen corpus: each variant says the same thing as the
others the way a clerk might. The figures are taken from every reading of the document, so a second,
different value read anywhere (a target, a share, a total row) fails the test.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors import ReadContext, classify, extract_fields, read_file
from samples.blocks import Block, Header, Para, Table, Title
from samples.render import render_docx, render_pdf

HEADER = Header(
    "ĐẢNG BỘ XÃ AN NHƠN", "CHI BỘ ẤP BÌNH AN", "Số 09-BC/CB", "An Nhơn, ngày 05 tháng 12 năm 2024"
)
TITLE = Title("BÁO CÁO", ["Kết quả thực hiện mô hình “Chi bộ bốn tốt” năm 2024"])
TARGETS = Para(
    "Năm 2025, chi bộ phấn đấu 100% đảng viên hoàn thành nhiệm vụ trở lên, trong đó 90% hoàn thành tốt "
    "nhiệm vụ; duy trì 12 kỳ sinh hoạt thường kỳ, 04 kỳ sinh hoạt chuyên đề; không có đảng viên bị kỷ luật."
)
FIELDS = (
    "members_total",
    "regular_meetings",
    "thematic_meetings",
    "attendance_pct",
    "disciplined_members",
    "rating_xuat_sac",
    "rating_tot",
    "rating_hoan_thanh",
    "rating_khong_hoan_thanh",
)
# 18 members: 03 excellent, 13 good, 02 completing, none failing; one disciplined.
TRUTH = {
    "members_total": 18,
    "regular_meetings": 12,
    "thematic_meetings": 4,
    "attendance_pct": 91.5,
    "disciplined_members": 1,
    "rating_xuat_sac": 3,
    "rating_tot": 13,
    "rating_hoan_thanh": 2,
    "rating_khong_hoan_thanh": 0,
}


def prose(disciplined: int) -> list[Block]:
    discipline = (
        f"Trong năm có {disciplined:02d} đồng chí bị xử lý kỷ luật bằng hình thức khiển trách."
        if disciplined
        else "Trong năm không có đảng viên nào vi phạm đến mức phải xử lý kỷ luật."
    )
    return [
        HEADER,
        TITLE,
        Para("I. KẾT QUẢ ĐẠT ĐƯỢC", bold=True, align="left", indent=False),
        Para(
            "Chi bộ hiện có 18 đảng viên. Trong năm chi bộ duy trì 12 kỳ sinh hoạt thường kỳ và 04 kỳ sinh "
            "hoạt chuyên đề; tỷ lệ đảng viên dự sinh hoạt bình quân đạt 91,5%."
        ),
        Para(discipline),
        Para(
            "Kết quả đánh giá, xếp loại: 03 đồng chí hoàn thành xuất sắc nhiệm vụ, 13 đồng chí hoàn thành tốt "
            "nhiệm vụ, 02 đồng chí hoàn thành nhiệm vụ; không có đồng chí nào không hoàn thành nhiệm vụ."
        ),
        Para("II. PHƯƠNG HƯỚNG NĂM 2025", bold=True, align="left", indent=False),
        TARGETS,
    ]


def tables(disciplined: int) -> list[Block]:
    discipline = (
        f"{disciplined:02d} đồng chí bị kỷ luật khiển trách"
        if disciplined
        else "Không có đảng viên bị kỷ luật"
    )
    return [
        HEADER,
        TITLE,
        Table(
            [
                ["Nội dung", "Kết quả"],
                ["Tổng số đảng viên", "18"],
                ["Sinh hoạt", "12 kỳ sinh hoạt thường kỳ, 04 kỳ sinh hoạt chuyên đề"],
                ["Tỷ lệ đảng viên dự sinh hoạt", "91,5%"],
                ["Kỷ luật đảng viên", discipline],
            ],
            [0.45, 0.55],
        ),
        Para("Xếp loại đảng viên", bold=True, align="left", indent=False),
        Table(
            [
                ["Mức xếp loại", "Số đảng viên", "Tỷ lệ (%)"],
                ["HTXSNV", "03", "16,67"],
                ["HTTNV", "13", "72,22"],
                ["HTNV", "02", "11,11"],
                ["KHTNV", "0", "0"],
                ["Tổng cộng", "18", "100"],
            ],
            [0.4, 0.3, 0.3],
        ),
        Para("Phương hướng năm 2025", bold=True, align="left", indent=False),
        TARGETS,
    ]


def bullets(disciplined: int) -> list[Block]:
    def left(text: str) -> Para:
        return Para(text, align="left", indent=False)

    return [
        HEADER,
        TITLE,
        left("1. Đảng viên"),
        left("- Tổng số đảng viên: 18 đ/c."),
        left("2. Sinh hoạt"),
        left("- Sinh hoạt thường kỳ: 12 kỳ."),
        left("- Sinh hoạt chuyên đề: 04 kỳ."),
        left("- Tỷ lệ đảng viên dự sinh hoạt: 91,5%."),
        left("3. Kỷ luật"),
        left(f"- Đảng viên bị kỷ luật: {f'{disciplined:02d} đ/c' if disciplined else 'không'}."),
        left("4. Xếp loại đảng viên"),
        left("+ Hoàn thành xuất sắc nhiệm vụ: 03 đ/c;"),
        left("+ Hoàn thành tốt nhiệm vụ: 13 đ/c;"),
        left("+ Hoàn thành nhiệm vụ: 02 đ/c;"),
        left("+ Không hoàn thành nhiệm vụ: không."),
        left("Chỉ tiêu năm 2025"),
        TARGETS,
    ]


VARIANTS = {"prose": prose, "tables": tables, "bullets": bullets}


def figures(blocks: list[Block], medium: str, tmp_path: Path) -> dict[str, set]:
    path = tmp_path / f"bao_cao.{medium}"
    path.write_bytes(render_docx(blocks) if medium == "docx" else render_pdf(blocks))
    doc = read_file(path, path.name, ReadContext(workdir=tmp_path / "work"))
    kind = classify(doc).type
    assert kind.value == "bao_cao"
    out: dict[str, set] = {f: set() for f in FIELDS}
    for r in extract_fields(doc, kind):
        if r.field in out:
            out[r.field].add(r.value)
    return out


def _rated(blocks: list[Block], tmp_path: Path) -> set:
    path = tmp_path / "bao_cao.docx"
    path.write_bytes(render_docx(blocks))
    doc = read_file(path, path.name, ReadContext(workdir=tmp_path / "work"))
    return {r.value for r in extract_fields(doc, classify(doc).type) if r.field == "members_rated"}


def test_the_total_row_of_a_ratings_table_counts_the_members_rated(tmp_path: Path) -> None:
    assert _rated(tables(0), tmp_path) == {18}


def test_a_total_row_under_other_rows_is_not_the_members_rated(tmp_path: Path) -> None:
    blocks = [
        HEADER,
        TITLE,
        Table(
            [
                ["Quý", "Số kỳ sinh hoạt"],
                ["Sinh hoạt thường kỳ", "12"],
                ["Sinh hoạt chuyên đề", "04"],
                ["Cộng", "16"],
            ],
            [0.5, 0.5],
        ),
    ]
    assert _rated(blocks, tmp_path) == set()


def last_year_first(disciplined: int) -> list[Block]:
    """The same year's report, opening with last year's figures and quoting them in brackets."""
    return [
        HEADER,
        TITLE,
        Para("I. TÌNH HÌNH NĂM 2023", bold=True, align="left", indent=False),
        Para(
            "Năm 2023, chi bộ có 16 đảng viên; tổ chức 11 kỳ sinh hoạt thường kỳ, 03 kỳ sinh hoạt chuyên đề; "
            "01 đồng chí hoàn thành xuất sắc nhiệm vụ, 12 đồng chí hoàn thành tốt nhiệm vụ, 03 đồng chí hoàn "
            "thành nhiệm vụ; không có đảng viên bị kỷ luật."
        ),
        Para("II. KẾT QUẢ NĂM 2024", bold=True, align="left", indent=False),
        *prose(disciplined)[3:-2],
        Para("Tỷ lệ đảng viên dự sinh hoạt năm 2024 đạt 91,5% (năm 2023: 88,2%)."),
        Para("III. PHƯƠNG HƯỚNG NĂM 2025", bold=True, align="left", indent=False),
        TARGETS,
    ]


VARIANTS["last_year_first"] = last_year_first


def quarters(disciplined: int) -> list[Block]:
    """Meetings and attendance by quarter, read on the whole-year row; columns named by the figure."""
    blocks = tables(disciplined)
    return [
        *blocks[:2],
        Para("Tổng số đảng viên: 18 đồng chí.", align="left", indent=False),
        Table(
            [
                ["Quý", "Thường kỳ", "Chuyên đề", "Tỷ lệ đảng viên dự (%)"],
                ["I", "3", "1", "90,1"],
                ["II", "3", "1", "92,4"],
                ["III", "3", "1", "91,0"],
                ["IV", "3", "1", "92,5"],
                ["Cả năm", "12", "4", "91,5"],
            ],
            [0.25, 0.25, 0.25, 0.25],
        ),
        Para(
            f"Kỷ luật: {f'{disciplined:02d} đồng chí bị kỷ luật' if disciplined else 'không có đảng viên bị kỷ luật'}.",
            align="left",
            indent=False,
        ),
        *blocks[3:],
    ]


VARIANTS["quarters"] = quarters


@pytest.mark.parametrize("medium", ["docx", "pdf"])
@pytest.mark.parametrize("variant", sorted(VARIANTS))
@pytest.mark.parametrize("disciplined", [0, 1])
def test_prose_tables_and_bullets_give_the_same_figures(
    variant: str, medium: str, disciplined: int, tmp_path: Path
) -> None:
    got = figures(VARIANTS[variant](disciplined), medium, tmp_path)
    want = {**TRUTH, "disciplined_members": disciplined}
    assert got == {f: {v} for f, v in want.items()}


def test_a_guidance_dated_last_year_does_not_hide_this_years_figures(tmp_path: Path) -> None:
    blocks = [
        HEADER,
        TITLE,
        Para(
            "Thực hiện Hướng dẫn số 10-HD/BTCHU ngày 28 tháng 10 năm 2023, chi bộ tổ chức 12 kỳ sinh hoạt "
            "thường kỳ và 04 kỳ sinh hoạt chuyên đề."
        ),
    ]
    got = figures(blocks, "docx", tmp_path)
    assert got["regular_meetings"] == {12} and got["thematic_meetings"] == {4}
