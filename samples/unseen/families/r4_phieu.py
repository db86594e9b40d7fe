"""Phiếu tự đánh giá, round 4: points in sentences with no table, a score column written "tự chấm/chuẩn"
in one cell, and a summary with the criteria as columns above a table of items only."""

from __future__ import annotations

from samples.blocks import Block, Para, Table, Title

from .common import Ctx, criteria_total, dec, pct
from .r3_common import left


def _title(c: Ctx) -> Title:
    return Title("PHIẾU TỰ ĐÁNH GIÁ", [f"Kết quả thực hiện các tiêu chí {c.model} năm {c.year}"])


def _unit_line(c: Ctx) -> Para:
    return Para(f"Tên tổ chức đảng: {c.d.unit}", align="left", indent=False)


def points_in_prose(c: Ctx) -> list[Block]:
    """PTD-11: no table; per criterion a heading, then "Điểm chuẩn của tiêu chí là 25 điểm; chi bộ tự chấm
    24,5 điểm." and one sentence per item "Nội dung 1.2 … : đạt 7,5 trên 8 điểm"."""
    d = c.d
    out: list[Block] = [c.header(), _title(c), _unit_line(c)]
    score, mx = criteria_total(c)
    out.append(
        Para(
            f"Thang điểm đánh giá gồm 04 tiêu chí, tổng cộng {dec(mx)} điểm. Kết quả tự đánh giá cụ thể như sau:"
        )
    )
    for i, k in enumerate(d.criteria, 1):
        out.append(left(f"Tiêu chí {i}. {k.name}", bold=True))
        out.append(
            Para(
                f"Điểm chuẩn của tiêu chí là {dec(k.max)} điểm; {c.org} tự chấm {dec(k.score)} điểm, cụ thể:"
            )
        )
        for j, (label, m, s) in enumerate(k.items, 1):
            tail = "" if s == m else ", còn hạn chế ở một số mặt"
            out.append(
                Para(
                    f"- Nội dung {i}.{j}. {label}: đạt {dec(s)} trên {dec(m)} điểm{tail}.",
                    align="left",
                    indent=False,
                )
            )
    out.append(
        Para(
            f"Tổng cộng, {c.org} tự chấm {dec(score)} điểm trên tổng số {dec(mx)} điểm chuẩn "
            f"(đạt {pct(score, mx)}). Đề nghị cấp ủy cấp trên thẩm định."
        )
    )
    out.append(c.signature())
    return out


def slash_column(c: Ctx) -> list[Block]:
    """PTD-12: one score column headed "Điểm tự chấm/điểm chuẩn", every cell written "24,5/25"; items
    numbered "1.1"; a "Ghi chú" column with words only; the total row last."""
    d = c.d
    rows = [["STT", "Tiêu chí, nội dung đánh giá", "Điểm tự chấm/điểm chuẩn", "Ghi chú"]]
    bold = {0}
    for i, k in enumerate(d.criteria, 1):
        bold.add(len(rows))
        rows.append([str(i), f"Tiêu chí {i}: {k.name}", f"{dec(k.score)}/{dec(k.max)}", ""])
        for j, (label, m, s) in enumerate(k.items, 1):
            note = "Có minh chứng kèm theo" if s == m else "Còn hạn chế"
            rows.append([f"{i}.{j}", label, f"{dec(s)}/{dec(m)}", note])
    score, mx = criteria_total(c)
    bold.add(len(rows))
    rows.append(["", "Tổng cộng", f"{dec(score)}/{dec(mx)}", ""])
    return [
        c.header(colon=True),
        _title(c),
        _unit_line(c),
        Table(rows, [0.08, 0.52, 0.2, 0.2], bold_rows=bold, align=["center", "left", "center", "left"]),
        Para(f"Tự xếp loại: {dec(score)}/{dec(mx)} điểm.", align="left", indent=False, italic=True),
        c.signature(),
    ]


def criteria_columns(c: Ctx) -> list[Block]:
    """PTD-13: a summary with the criteria as columns (rows "Điểm chuẩn", "Điểm tự chấm", "Tỷ lệ đạt (%)")
    and a "Tổng" column; then the items alone, "Mã | Nội dung | Điểm tối đa | Điểm tự chấm", codes "TC1.a"."""
    d = c.d
    score, mx = criteria_total(c)
    head = ["Nội dung"] + [f"Tiêu chí {i}" for i in range(1, 5)] + ["Tổng"]
    summary = Table(
        [
            head,
            ["Điểm chuẩn"] + [dec(k.max) for k in d.criteria] + [dec(mx)],
            ["Điểm tự chấm"] + [dec(k.score) for k in d.criteria] + [dec(score)],
            ["Tỷ lệ đạt (%)"]
            + [pct(k.score, k.max).removesuffix("%") for k in d.criteria]
            + [pct(score, mx).removesuffix("%")],
        ],
        [0.22] + [0.13] * 4 + [0.26],
        align=["left"] + ["center"] * 5,
    )
    rows = [["Mã", "Nội dung đánh giá", "Điểm tối đa", "Điểm tự chấm"]]
    for i, k in enumerate(d.criteria, 1):
        for j, (label, m, s) in enumerate(k.items):
            rows.append([f"TC{i}.{'abc'[j]}", label, dec(m), dec(s)])
    items = Table(rows, [0.1, 0.6, 0.15, 0.15], align=["center", "left", "center", "center"])
    names = "; ".join(f"Tiêu chí {i}: {k.name}" for i, k in enumerate(d.criteria, 1))
    return [
        c.header(pad=False),
        _title(c),
        _unit_line(c),
        Para(f"Các tiêu chí: {names}.", italic=True),
        left("I. TỔNG HỢP ĐIỂM THEO TIÊU CHÍ", bold=True),
        summary,
        left("II. ĐIỂM TỪNG NỘI DUNG", bold=True),
        items,
        c.signature(),
    ]
