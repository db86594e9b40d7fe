"""Phiếu tự đánh giá: four ways a unit scores itself against the four criteria."""

from __future__ import annotations

from samples.blocks import Block, Para, Table, Title

from .common import ROMAN, Ctx, criteria_total, dec


def _left(text: str, bold: bool = False) -> Para:
    return Para(text, bold=bold, align="left", indent=False)


def _intro(c: Ctx, title: str) -> list[Block]:
    return [
        c.header(),
        Title(title, [f"Kết quả thực hiện các tiêu chí {c.model} năm {c.year}"]),
        _left(f"Tên tổ chức đảng: {c.d.unit}"),
    ]


def two_row_header(c: Ctx) -> list[Block]:
    """PTD-1: a two-row header ("Điểm" over "Tối đa" and "Tự chấm"); criteria in roman numerals."""
    rows = [["TT", "Tiêu chí và nội dung", "Điểm", ""], ["", "", "Tối đa", "Tự chấm"]]
    bold = {0, 1}
    for i, k in enumerate(c.d.criteria):
        bold.add(len(rows))
        rows.append([ROMAN[i], k.name.upper(), dec(k.max), dec(k.score)])
        for j, (label, m, s) in enumerate(k.items, 1):
            rows.append([str(j), label, dec(m), dec(s)])
    score, mx = criteria_total(c)
    bold.add(len(rows))
    rows.append(["", "Tổng cộng", dec(mx), dec(score)])
    return [
        *_intro(c, "PHIẾU TỰ ĐÁNH GIÁ"),
        Table(rows, [0.08, 0.6, 0.16, 0.16], bold_rows=bold, align=["center", "left", "center", "center"]),
        c.signature(),
    ]


def narrow_header(c: Ctx) -> list[Block]:
    """PTD-2: narrow score columns whose headers wrap ("Điểm tối / đa"), items "1.1", a notes column."""
    d = c.d
    rows = [["STT", "Nội dung tiêu chí", "Điểm tối đa", "Điểm tự chấm", "Ghi chú"]]
    bold = {0}
    for i, k in enumerate(d.criteria, 1):
        bold.add(len(rows))
        rows.append([str(i), k.name, dec(k.max), dec(k.score), ""])
        for j, (label, m, s) in enumerate(k.items, 1):
            note = ""
            if i == 2 and j == 2:
                note = f"{d.regular_meetings} kỳ thường kỳ; {d.thematic_meetings} kỳ chuyên đề"
            rows.append([f"{i}.{j}", label, dec(m), dec(s), note])
    score, mx = criteria_total(c)
    bold.add(len(rows))
    rows.append(["", "Tổng điểm", dec(mx), dec(score), ""])
    return [
        *_intro(c, "PHIẾU TỰ ĐÁNH GIÁ"),
        Table(
            rows,
            [0.07, 0.5, 0.11, 0.13, 0.19],
            bold_rows=bold,
            align=["center", "left", "center", "center", "left"],
        ),
        c.signature(),
    ]


def deduction_column(c: Ctx) -> list[Block]:
    """PTD-3: "Thang điểm | Điểm trừ | Điểm đạt" with deductions written "trừ 0,5"."""
    rows = [["TT", "Nội dung", "Thang điểm", "Điểm trừ", "Điểm đạt"]]
    bold = {0}
    for i, k in enumerate(c.d.criteria):
        bold.add(len(rows))
        lost = k.max - k.score
        rows.append([ROMAN[i], k.name, dec(k.max), f"trừ {dec(lost)}" if lost > 0 else "", dec(k.score)])
        for j, (label, m, s) in enumerate(k.items, 1):
            rows.append([str(j), label, dec(m), f"trừ {dec(m - s)}" if m > s else "", dec(s)])
    score, mx = criteria_total(c)
    bold.add(len(rows))
    rows.append(["", "Tổng cộng", dec(mx), "", dec(score)])
    return [
        *_intro(c, "PHIẾU CHẤM ĐIỂM"),
        Table(
            rows,
            [0.08, 0.5, 0.14, 0.14, 0.14],
            bold_rows=bold,
            align=["center", "left", "center", "center", "center"],
        ),
        Para(f"Tự đánh giá: {c.org} đạt {dec(score)}/{dec(mx)} điểm."),
        c.signature(),
    ]


def listed_scores(c: Ctx) -> list[Block]:
    """PTD-4: no table: each criterion a heading with "tối đa … – tự chấm …", items as "- …: x điểm (chuẩn y)"."""
    out = _intro(c, "PHIẾU TỰ CHẤM ĐIỂM")
    for i, k in enumerate(c.d.criteria, 1):
        out.append(
            _left(
                f"Tiêu chí {i}. {k.name} (tối đa {dec(k.max)} điểm) – tự chấm: {dec(k.score)} điểm", bold=True
            )
        )
        for label, m, s in k.items:
            out.append(_left(f"- {label}: {dec(s)} điểm (điểm chuẩn {dec(m)})"))
    score, mx = criteria_total(c)
    out.append(_left(f"Tổng điểm tự chấm: {dec(score)} điểm/{dec(mx)} điểm.", bold=True))
    out.append(c.signature())
    return out
