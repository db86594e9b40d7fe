"""Phiếu tự đánh giá, round 8: a printed form offering each item's possible points with the one chosen
marked "☒"; items numbered "1.1 … 4.3" in a table whose score column stands left of the maximum, with a
long "Ghi chú" full of other numbers; the four criteria set in two columns of a layout table, two a side."""

from __future__ import annotations

from samples.blocks import Block, Para, Table, Title

from .common import ROMAN, Ctx, criteria_total, dec
from .r8_common import left, two_columns


def _title(c: Ctx) -> Title:
    return Title("PHIẾU TỰ ĐÁNH GIÁ, CHẤM ĐIỂM", [f"Các tiêu chí {c.model} năm {c.year}"])


def _options(m: float, s: float) -> list[float]:
    """The points the form offers for an item of maximum ``m``: the maximum and three steps below it, the
    chosen score always among them."""
    opts = [m, m - 0.5, m - 1, m - 2]
    if s not in opts:
        opts = [m, s, s - 0.5, s - 1]
    return [o for o in opts if o >= 0]


def marked_options(c: Ctx) -> list[Block]:
    """PTD-23: no table; each item "1.2 … (tối đa 9 điểm)" followed by the form's point options with the
    chosen one marked: "☐ 9   ☒ 8,5   ☐ 8   ☐ 7"; the criterion's points in a line "Cộng tiêu chí 1: 24,5
    điểm"; the total at the end."""
    d = c.d
    out: list[Block] = [
        c.header(words=False),
        _title(c),
        left(f"Tổ chức đảng tự chấm: {d.unit}"),
        Para(
            "(Đánh dấu ☒ vào mức điểm tự chấm của từng nội dung.)", italic=True, align="center", indent=False
        ),
    ]
    for i, k in enumerate(d.criteria, 1):
        out.append(left(f"Tiêu chí {i}: {k.name} – tối đa {dec(k.max)} điểm", bold=True))
        for j, (label, m, s) in enumerate(k.items, 1):
            out.append(left(f"{i}.{j}. {label} (tối đa {dec(m)} điểm)"))
            marks = "   ".join(f"{'☒' if o == s else '☐'} {dec(o)}" for o in _options(m, s))
            out.append(left(f"      Mức điểm: {marks}"))
        out.append(left(f"Cộng tiêu chí {i}: {dec(k.score)} điểm", italic=True))
    score, mx = criteria_total(c)
    out += [
        Para(f"TỔNG ĐIỂM TỰ CHẤM: {dec(score)}/{dec(mx)} điểm.", bold=True, align="left", indent=False),
        c.signature(),
    ]
    return out


def score_left_of_max(c: Ctx) -> list[Block]:
    """PTD-24: "Số TT | Tự chấm | Điểm tối đa | Nội dung tiêu chí": the score left of the maximum, both left
    of the text; items numbered "1.1" … "4.3", criteria rows "1" … "4" with Roman names in the text; then a
    long "Ghi chú" full of other numbers (regulations, dates, counts)."""
    d = c.d
    rows = [["Số TT", "Tự chấm", "Điểm tối đa", "Nội dung tiêu chí"]]
    bold = {0}
    for i, k in enumerate(d.criteria, 1):
        bold.add(len(rows))
        rows.append([str(i), dec(k.score), dec(k.max), f"Tiêu chí {ROMAN[i - 1]}: {k.name}"])
        for j, (label, m, s) in enumerate(k.items, 1):
            rows.append([f"{i}.{j}", dec(s), dec(m), label])
    score, mx = criteria_total(c)
    bold.add(len(rows))
    rows.append(["", dec(score), dec(mx), "Tổng cộng"])
    y = c.year
    return [
        c.header(colon=True),
        _title(c),
        left(f"Đơn vị: {d.unit}"),
        Table(
            rows,
            [0.1, 0.13, 0.13, 0.64],
            bold_rows=bold,
            align=["center", "center", "center", "left"],
            header_rows=1,
        ),
        left("Ghi chú:", bold=True),
        left(
            f"1. Chấm theo Hướng dẫn số 12-HD/BTCTU ngày 15/3/{y - 1} của Ban Tổ chức Tỉnh ủy; thang điểm 100, "
            "mỗi tiêu chí đạt từ 95% điểm tối đa trở lên mới được xét."
        ),
        left(f"2. Nội dung 2.2: kỳ sinh hoạt tháng 02/{y} lùi 07 ngày so với lịch do nghỉ Tết Nguyên đán."),
        left(
            "3. Nội dung 4.3: chỉ tiêu giao kết nạp 02 đảng viên; hồ sơ 01 quần chúng đang hoàn thiện, dự kiến "
            f"kết nạp quý I/{y + 1}."
        ),
        left(
            "4. Minh chứng kèm theo: 12 biên bản sinh hoạt, 04 nghị quyết chuyên đề, 01 sổ theo dõi đảng phí."
        ),
        c.signature(),
    ]


def two_column_criteria(c: Ctx) -> list[Block]:
    """PTD-25: the four criteria in a layout table of two columns without ruling lines (criteria 1 and 2 on
    the left, 3 and 4 on the right), each item a sentence "a) …: 8/8 điểm"; the criteria's totals and the
    sum under the columns."""
    d = c.d
    ks = d.criteria
    letters = "abc"

    def head(i: int) -> str:
        return f"TIÊU CHÍ {i + 1} (tối đa {dec(ks[i].max)} điểm)"

    def body(i: int) -> str:
        k = ks[i]
        items = " ".join(
            f"{letters[j]}) {lab}: {dec(s)}/{dec(m)} điểm." for j, (lab, m, s) in enumerate(k.items)
        )
        return f"{k.name}. {items} Điểm tiêu chí {i + 1}: {dec(k.score)} điểm."

    score, mx = criteria_total(c)
    return [
        c.header(pad=False),
        _title(c),
        left(f"Tổ chức đảng: {d.unit}"),
        two_columns(
            [(head(0), head(2)), (body(0), body(2)), (head(1), head(3)), (body(1), body(3))], bold={0, 2}
        ),
        Para(
            "Tổng hợp: "
            + " + ".join(dec(k.score) for k in ks)
            + f" = {dec(score)} điểm (tối đa {dec(mx)} điểm).",
            bold=True,
            align="left",
            indent=False,
        ),
        c.signature(),
    ]
