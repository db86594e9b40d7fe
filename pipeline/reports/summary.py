"""summary.xlsx: one row per dossier ("Tổng hợp") and one row per flag ("Chi tiết"), ready to filter."""

from __future__ import annotations

import io
import math
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from .batch import DossierRow
from .common import SEVERITY_NAMES_VI

HEAD_FILL = PatternFill("solid", fgColor="1D2329")
HEAD_FONT = Font(bold=True, color="FFFFFF")
SEVERITY_FILLS = {"error": "FBE4E2", "warning": "FFF3DC", "info": "E8EEF4"}
WRAP = Alignment(wrap_text=True, vertical="top")
TOP = Alignment(vertical="top")


def _header(ws: Worksheet, headers: list[tuple[str, float]]) -> None:
    ws.append([h for h, _ in headers])
    for i, (_, width) in enumerate(headers, 1):
        cell = ws.cell(row=1, column=i)
        cell.fill, cell.font = HEAD_FILL, HEAD_FONT
        cell.alignment = Alignment(vertical="center", wrap_text=True)
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = "A2"
    ws.row_dimensions[1].height = 30


def _fit_height(ws: Worksheet, row: int, wrapped: dict[int, str]) -> None:
    """Set the row tall enough for its wrapped cells: neither Excel nor LibreOffice does it on open."""
    lines = 1
    for col, text in wrapped.items():
        width = ws.column_dimensions[get_column_letter(col)].width or 10
        per_line = max(8, int(width * 1.15))
        lines = max(lines, sum(max(1, math.ceil(len(part) / per_line)) for part in str(text).split("\n")))
    ws.row_dimensions[row].height = min(409, 15 * lines + 2)


def _print_setup(ws: Worksheet) -> None:
    """A4 landscape, one page wide, the header row on every page."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = "1:1"


def _append(ws: Worksheet, n: int, values: list) -> list:
    """Write ``values`` as row ``n`` and return its cells.

    Rows are numbered by the caller: openpyxl's ``ws.max_row`` and ``ws[n]`` scan every cell of the
    sheet, which made a 1,000-dossier summary take 7 s. Text from dossiers is never a formula: a
    folder named ``=HYPERLINK(…)`` stays a string.
    """
    cells = []
    for col, value in enumerate(values, 1):
        cell = ws.cell(row=n, column=col, value=value)
        if isinstance(value, str) and value.startswith(("=", "+", "-", "@")):
            cell.data_type = "s"
        cells.append(cell)
    return cells


def _summary(ws: Worksheet, rows: list[DossierRow]) -> None:
    _header(
        ws,
        [
            ("STT", 5),
            ("Hồ sơ", 14),
            ("Đơn vị", 36),
            ("Loại", 14),
            ("Năm", 7),
            ("Kết quả", 18),
            ("Lỗi", 6),
            ("Cảnh báo", 9),
            ("Số trang", 8),
            ("Các vấn đề", 70),
            ("Phiếu thẩm định", 16),
            ("Trực thuộc", 30),
            ("Số đảng viên", 9),
            ("Phiếu tán thành", 9),
            ("Tổng điểm tự chấm", 10),
            ("Thẩm định", 14),
            ("Quyết định", 20),
            ("Ghi chú", 40),
            ("Người thẩm định", 18),
        ],
    )
    n = 1
    for i, r in enumerate(rows, 1):
        issues = "\n".join(f"• {m}" for m in r.issues) or "—"
        n += 1
        cells = _append(
            ws,
            n,
            [
                i,
                r.id,
                r.unit,
                r.kind,
                r.year,
                r.verdict_vi,
                r.errors,
                r.warnings,
                r.pages,
                issues,
                "Mở phiếu",
                r.parent or "",
                r.figures.get("members_total"),
                r.figures.get("votes_for"),
                r.figures.get("score_total"),
                r.review_status_vi,
                r.decision_vi,
                r.note or "",
                r.reviewer or "",
            ],
        )
        for cell in cells:
            cell.alignment = WRAP if cell.column in (3, 10, 12, 18) else TOP
        _fit_height(ws, n, {3: r.unit, 10: issues, 18: r.note or ""})
        verdict = cells[5]
        verdict.fill = PatternFill("solid", fgColor=r.pale.lstrip("#").upper())
        verdict.font = Font(bold=True, color=r.colour.lstrip("#").upper())
        link = cells[10]
        link.hyperlink = r.html_link  # relative: works wherever the OUT folder is copied
        link.font = Font(color="1F5FA8", underline="single")
    ws.auto_filter.ref = f"A1:S{n}"
    _print_setup(ws)


def _details(ws: Worksheet, rows: list[DossierRow]) -> None:
    _header(
        ws,
        [
            ("Hồ sơ", 14),
            ("Đơn vị", 32),
            ("Kết quả hồ sơ", 16),
            ("Mức độ", 11),
            ("Mã", 28),
            ("Vấn đề", 24),
            ("Nội dung", 70),
            ("Tệp", 28),
            ("Trang", 7),
            ("Căn cứ", 28),
        ],
    )
    n = 1
    for r in rows:
        for f in r.flags:
            n += 1
            cells = _append(
                ws,
                n,
                [
                    r.id,
                    r.unit,
                    r.verdict_vi,
                    SEVERITY_NAMES_VI.get(f.severity, f.severity),
                    f.code,
                    f.title,
                    f.message,
                    f.file,
                    f.page,
                    f.source,
                ],
            )
            for cell in cells:
                cell.alignment = WRAP if cell.column in (2, 7, 10) else TOP
            cells[3].fill = PatternFill("solid", fgColor=SEVERITY_FILLS.get(f.severity, "FFFFFF"))
    ws.auto_filter.ref = f"A1:J{n}"
    _print_setup(ws)


def summary_xlsx(rows: list[DossierRow]) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = "Tổng hợp"
    _summary(ws, rows)
    _details(wb.create_sheet("Chi tiết"), rows)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def write_summary(rows: list[DossierRow], path: Path) -> None:
    from ..stages import write_atomic

    write_atomic(path, summary_xlsx(rows))
