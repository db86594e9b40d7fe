"""Phiếu tự đánh giá, round 5: two score columns (the unit's and the superior body's, the latter empty or
partly filled), items three levels deep ("1.1.1"), and scores in prose under headings that carry the
maximum, with a checkbox verdict per criterion."""

from __future__ import annotations

from samples.blocks import Block, Para, Table, Title

from .common import Ctx, criteria_total, dec
from .r3_common import two_places
from .r5_common import box, plain


def _title(c: Ctx) -> Title:
    return Title("PHIẾU TỰ ĐÁNH GIÁ", [f"Mức độ đạt các tiêu chí {c.model} năm {c.year}"])


def _judge(c: Ctx) -> str:
    return "Đảng ủy cơ sở thẩm định" if c.cell else "Ban Thường vụ cấp ủy cấp trên thẩm định"


def two_score_columns(c: Ctx) -> list[Block]:
    """PTD-14: "STT | Tiêu chí, nội dung | Điểm chuẩn | Chi bộ tự chấm | Đảng ủy cơ sở thẩm định"; the last
    column filled in (same figures) for criterion 1 only, the rest left empty for the superior body;
    total row last."""
    d = c.d
    own = "Chi bộ tự chấm" if c.cell else "Đảng bộ tự chấm"
    rows = [["STT", "Tiêu chí, nội dung đánh giá", "Điểm chuẩn", own, _judge(c)]]
    bold = {0}
    for i, k in enumerate(d.criteria, 1):
        bold.add(len(rows))
        filled = i == 1
        rows.append(
            [f"{i}", f"Tiêu chí {i}: {k.name}", dec(k.max), dec(k.score), dec(k.score) if filled else ""]
        )
        for j, (label, m, s) in enumerate(k.items, 1):
            rows.append([f"{i}.{j}", label, dec(m), dec(s), dec(s) if filled else ""])
    score, mx = criteria_total(c)
    bold.add(len(rows))
    rows.append(["", "Tổng cộng", dec(mx), dec(score), ""])
    return [
        c.header(),
        _title(c),
        plain(f"Tổ chức đảng: {d.unit}"),
        Table(
            rows,
            [0.07, 0.45, 0.12, 0.14, 0.22],
            bold_rows=bold,
            align=["center", "left", "center", "center", "center"],
        ),
        plain(f"Cột “{_judge(c)}” do cấp ủy cấp trên ghi khi thẩm định.", italic=True),
        c.signature(),
    ]


def _halves(m: float, s: float) -> list[tuple[str, float, float]]:
    """An item split in two sub-items (plan / result), the points lost taken from the result first."""
    m1 = float(int(m // 2))
    m2 = m - m1
    lost = m - s
    s2 = max(0.0, m2 - lost)
    s1 = m1 - (lost - (m2 - s2))
    return [
        ("Ban hành kế hoạch, văn bản triển khai kịp thời", m1, s1),
        ("Kết quả thực hiện, có minh chứng cụ thể", m2, s2),
    ]


def three_levels(c: Ctx) -> list[Block]:
    """PTD-15: items three levels deep: criterion "1", item "1.1", sub-items "1.1.1" and "1.1.2", each row
    with "Điểm tối đa | Điểm tự chấm"; a "Cộng" row at the end."""
    d = c.d
    rows = [["Mã số", "Nội dung tiêu chí", "Điểm tối đa", "Điểm tự chấm"]]
    bold = {0}
    for i, k in enumerate(d.criteria, 1):
        bold.add(len(rows))
        rows.append([f"{i}", k.name.upper(), dec(k.max), dec(k.score)])
        for j, (label, m, s) in enumerate(k.items, 1):
            rows.append([f"{i}.{j}", label, dec(m), dec(s)])
            for h, (sub, sm, ss) in enumerate(_halves(m, s), 1):
                rows.append([f"{i}.{j}.{h}", f"- {sub}", dec(sm), dec(ss)])
    score, mx = criteria_total(c)
    bold.add(len(rows))
    rows.append(["", "Cộng", dec(mx), dec(score)])
    return [
        c.header(colon=True),
        _title(c),
        plain(f"Tên tổ chức đảng: {d.unit}"),
        Para("Điểm của mỗi mục cấp 2 (1.1, 1.2, …) bằng tổng điểm các mục cấp 3 trong mục đó.", italic=True),
        Table(rows, [0.1, 0.6, 0.15, 0.15], bold_rows=bold, align=["left", "left", "center", "center"]),
        c.signature(),
    ]


def headings_with_max(c: Ctx) -> list[Block]:
    """PTD-16: no table; each criterion a heading in capitals with its maximum "(25 điểm)"; items in prose
    with their own maximum in brackets and "tự chấm 7,50 điểm"; under each criterion "Điểm tự chấm: 24,50
    điểm" and a checkbox "☒ Đạt ☐ Không đạt" (95% of the maximum)."""
    d = c.d
    out: list[Block] = [c.header(pad=False), _title(c), plain(f"Đơn vị: {d.unit}")]
    for i, k in enumerate(d.criteria, 1):
        out.append(plain(f"TIÊU CHÍ {i}. {k.name.upper()} ({dec(k.max)} điểm)", bold=True))
        for j, (label, m, s) in enumerate(k.items, 1):
            note = "thực hiện đầy đủ" if s == m else "còn một số hạn chế"
            out.append(Para(f"{i}.{j}. {label} ({dec(m)} điểm): {note}; tự chấm {two_places(s)} điểm."))
        out.append(plain(f"Điểm tự chấm tiêu chí {i}: {two_places(k.score)} điểm.", bold=True))
        out.append(plain(f"Tự đánh giá: {box(k.score >= 0.95 * k.max)}"))
    score, mx = criteria_total(c)
    out.append(plain(f"TỔNG ĐIỂM TỰ CHẤM: {two_places(score)}/{dec(mx)} điểm.", bold=True))
    out.append(c.signature())
    return out
