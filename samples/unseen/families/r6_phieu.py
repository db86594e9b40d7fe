"""Phiếu tự đánh giá, round 6: criteria in Roman numerals with lettered items in a table without ruling
lines, one small table per criterion under its own caption, and one row per criterion whose middle cell
lists the items with their points over several lines."""

from __future__ import annotations

from samples.blocks import Block, Para, Table, Title

from .common import ROMAN, Ctx, criteria_total, dec

LETTERS = "abcdefgh"


def _title(c: Ctx) -> Title:
    return Title("PHIẾU TỰ ĐÁNH GIÁ", [f"Kết quả thực hiện các tiêu chí {c.model} năm {c.year}"])


def _left(text: str, bold: bool = False, italic: bool = False) -> Para:
    return Para(text, bold=bold, italic=italic, align="left", indent=False)


def roman_unruled(c: Ctx) -> list[Block]:
    """PTD-17: a table with no ruling lines: criteria "I." … "IV." in capitals with their row's points,
    items "a)", "b)", "c)" under them; columns "Điểm chuẩn | Tự chấm" at the right; "TỔNG CỘNG" last."""
    d = c.d
    rows = [["", "NỘI DUNG TIÊU CHÍ", "Điểm chuẩn", "Tự chấm"]]
    bold = {0}
    for i, k in enumerate(d.criteria):
        bold.add(len(rows))
        rows.append([f"{ROMAN[i]}.", k.name.upper(), dec(k.max), dec(k.score)])
        for j, (label, m, s) in enumerate(k.items):
            rows.append(["", f"{LETTERS[j]}) {label}", dec(m), dec(s)])
    score, mx = criteria_total(c)
    bold.add(len(rows))
    rows.append(["", "TỔNG CỘNG", dec(mx), dec(score)])
    return [
        c.header(pad=False),
        _title(c),
        _left(f"Tổ chức đảng: {d.unit}"),
        _left(f"Trực thuộc: {d.parent}"),
        Table(
            rows,
            [0.08, 0.62, 0.15, 0.15],
            bold_rows=bold,
            align=["left", "left", "center", "center"],
            ruled=False,
        ),
        _left("(Mỗi tiêu chí đạt từ 95% điểm chuẩn trở lên thì được đánh giá là đạt.)", italic=True),
        c.signature(),
    ]


def table_per_criterion(c: Ctx) -> list[Block]:
    """PTD-18: four small tables, one per criterion, each under a caption "Bảng 1 – Tiêu chí 1: … (điểm
    chuẩn 25)", items "1)" "2)" "3)" and a last row "Điểm tiêu chí 1"; the total in a closing sentence."""
    d = c.d
    out: list[Block] = [c.header(colon=True), _title(c), _left(f"Đơn vị tự đánh giá: {d.unit}")]
    for i, k in enumerate(d.criteria, 1):
        rows = [["Nội dung đánh giá", "Thang điểm", "Tự chấm"]]
        for j, (label, m, s) in enumerate(k.items, 1):
            rows.append([f"{j}) {label}", dec(m), dec(s)])
        rows.append([f"Điểm tiêu chí {i}", dec(k.max), dec(k.score)])
        out += [
            _left(f"Bảng {i} – Tiêu chí {i}: {k.name} (điểm chuẩn {dec(k.max)})", bold=True),
            Table(rows, [0.64, 0.18, 0.18], bold_rows={0, len(rows) - 1}, align=["left", "center", "center"]),
        ]
    score, mx = criteria_total(c)
    out += [
        Para(
            f"Tổng điểm tự chấm bốn tiêu chí: {dec(score)} điểm trên tổng số {dec(mx)} điểm chuẩn. "
            f"{'Chi bộ' if c.cell else 'Đảng bộ'} cam kết số liệu tự đánh giá là đúng thực tế."
        ),
        c.signature(),
    ]
    return out


def items_in_one_cell(c: Ctx) -> list[Block]:
    """PTD-19: one row per criterion "TT | Tiêu chí | Các nội dung (tự chấm/chuẩn) | Điểm chuẩn | Tự chấm";
    the middle cell lists the items "- …: 7,5/8 điểm;" running over several lines; a "Tổng" row."""
    d = c.d
    rows = [["TT", "Tiêu chí", "Các nội dung (điểm tự chấm/điểm chuẩn)", "Điểm chuẩn", "Tự chấm"]]
    for i, k in enumerate(d.criteria, 1):
        items = " ".join(f"- {label}: {dec(s)}/{dec(m)} điểm;" for label, m, s in k.items)
        rows.append([str(i), k.name, items, dec(k.max), dec(k.score)])
    score, mx = criteria_total(c)
    rows.append(["", "Tổng", "", dec(mx), dec(score)])
    return [
        c.header(),
        _title(c),
        _left(f"Tên tổ chức đảng: {d.unit}"),
        Table(
            rows,
            [0.06, 0.2, 0.48, 0.13, 0.13],
            bold_rows={0, len(rows) - 1},
            align=["center", "left", "left", "center", "center"],
        ),
        c.signature(),
    ]
