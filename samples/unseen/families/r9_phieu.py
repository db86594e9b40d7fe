"""Phiếu tự đánh giá, round 9: the items as a matrix, one row per criterion and one column per item, each
cell "score (maximum)", the item names in a key under it and the headings in capitals without diacritics;
a table of maxima and deductions only ("Khung điểm | Bị trừ | Lý do"), each criterion closed by "còn …
điểm"; each criterion a framed box holding its sum as an expression ("8 + 8,5 + 8 = 24,5 / 25 đ")."""

from __future__ import annotations

from samples.blocks import Block, Para, Table, Title

from .common import ROMAN, Ctx, criteria_total, dec
from .r6_common import frame
from .r9_common import bare_caps, line


def _title(c: Ctx, bare: bool = False) -> Title:
    sub = f"Theo các tiêu chí {c.model} năm {c.year}"
    return Title(bare_caps("Phiếu tự đánh giá, chấm điểm") if bare else "PHIẾU TỰ ĐÁNH GIÁ, CHẤM ĐIỂM", [sub])


def item_matrix(c: Ctx) -> list[Block]:
    """PTD-26: one ruled matrix "Tiêu chí | Nội dung 1 | Nội dung 2 | Nội dung 3 | Cộng (tối đa)", each item
    cell "7,5 (8)" (score, maximum in brackets), the criterion's cell "24,5 (25)"; the item names in a key
    under the matrix; title and headings in capitals without diacritics; total "98,5 (100)"."""
    d = c.d
    rows = [["Tiêu chí", "Nội dung 1", "Nội dung 2", "Nội dung 3", "Cộng tiêu chí"]]
    for i, k in enumerate(d.criteria, 1):
        rows.append(
            [
                f"Tiêu chí {i}",
                *[f"{dec(s)} ({dec(m)})" for _, m, s in k.items],
                f"{dec(k.score)} ({dec(k.max)})",
            ]
        )
    score, mx = criteria_total(c)
    rows.append(["Tổng cộng", "", "", "", f"{dec(score)} ({dec(mx)})"])
    out: list[Block] = [
        c.header(),
        _title(c, bare=True),
        line(f"Tổ chức đảng: {d.unit}"),
        Para(
            "Cách ghi: mỗi ô ghi điểm tự chấm, trong ngoặc là điểm tối đa của nội dung (hoặc của tiêu chí ở cột "
            "“Cộng tiêu chí”).",
            italic=True,
            indent=False,
        ),
        line(bare_caps("I. Bảng điểm"), bold=True),
        Table(rows, [0.2, 0.17, 0.17, 0.17, 0.29], bold_rows={0, 5}, align=["left"] + ["center"] * 4),
        line(bare_caps("II. Tên các tiêu chí và nội dung"), bold=True),
    ]
    for i, k in enumerate(d.criteria, 1):
        out.append(line(f"Tiêu chí {i}: {k.name}.", bold=True))
        out.append(
            line("   " + "; ".join(f"nội dung {j}: {lab}" for j, (lab, _, _) in enumerate(k.items, 1)) + ".")
        )
    out += [
        Para(
            f"{d.unit} tự đánh giá đạt {dec(score)} trên {dec(mx)} điểm, không có tiêu chí nào dưới 95% số điểm tối đa."
            if all(k.score >= 0.95 * k.max for k in d.criteria)
            else f"{d.unit} tự chấm tổng cộng {dec(score)} trên {dec(mx)} điểm."
        ),
        c.signature(),
    ]
    return out


def deductions_table(c: Ctx) -> list[Block]:
    """PTD-27: "TT | Nội dung | Khung điểm | Bị trừ | Lý do trừ": the items' maxima and deductions only ("0"
    where nothing was lost), never an item's own points; under each criterion a row "Điểm tiêu chí 1 còn lại"
    with its points; the total as "100 – 1,5 = 98,5 điểm"."""
    d = c.d
    reasons = (
        "chậm 01 báo cáo so với thời hạn",
        "01 kỳ sinh hoạt chưa có nội dung chuyên sâu",
        "chưa hoàn thành 01 chỉ tiêu phụ",
        "01 đảng viên nhắc nhở",
    )
    rows = [["TT", "Nội dung", "Khung điểm", "Bị trừ", "Lý do trừ"]]
    bold = {0}
    lost_all = 0.0
    for i, k in enumerate(d.criteria, 1):
        rows.append([ROMAN[i - 1], f"Tiêu chí {i}: {k.name}", dec(k.max), "", ""])
        bold.add(len(rows) - 1)
        for j, (lab, m, s) in enumerate(k.items, 1):
            lost = m - s
            lost_all += lost
            rows.append(
                [f"{i}.{j}", lab, dec(m), dec(lost) if lost else "0", reasons[(i + j) % 4] if lost else ""]
            )
        rows.append(["", f"Điểm tiêu chí {i} còn lại", "", "", f"{dec(k.score)} điểm"])
    score, mx = criteria_total(c)
    return [
        c.header(),
        _title(c),
        line(f"Đơn vị: {d.unit}"),
        Para(
            "Phương pháp: mỗi nội dung được chấm bằng cách trừ điểm từ khung điểm; cột “Bị trừ” ghi số điểm trừ "
            "(ghi 0 nếu không bị trừ).",
            italic=True,
        ),
        Table(
            rows,
            [0.08, 0.5, 0.12, 0.1, 0.2],
            bold_rows=bold,
            align=["center", "left", "center", "center", "left"],
        ),
        Para(
            f"Tổng điểm tự chấm: {dec(mx)} – {dec(mx - score)} = {dec(score)} điểm.",
            bold=True,
            align="left",
            indent=False,
        ),
        c.signature(),
    ]


def boxed_sums(c: Ctx) -> list[Block]:
    """PTD-28: a key of the items with their maxima first ("1.1 – tối đa 8đ; 1.2 – tối đa 9đ; …"), then one
    framed box per criterion holding its sum as an expression: "TIÊU CHÍ I (tối đa 25đ): 8 + 8,5 + 8 = 24,5đ";
    the total as the sum of the four."""
    d = c.d
    out: list[Block] = [
        c.header(words=False),
        _title(c),
        line(f"Chi bộ/Đảng bộ: {d.unit}"),
        line("A. KHUNG ĐIỂM CÁC NỘI DUNG", bold=True),
    ]
    for i, k in enumerate(d.criteria, 1):
        out.append(
            line(
                f"Tiêu chí {ROMAN[i - 1]} – {k.name}: "
                + "; ".join(f"{i}.{j} {lab} – tối đa {dec(m)}đ" for j, (lab, m, _) in enumerate(k.items, 1))
                + "."
            )
        )
    out.append(line("B. KẾT QUẢ TỰ CHẤM (điểm các nội dung theo thứ tự ở phần A)", bold=True))
    for i, k in enumerate(d.criteria, 1):
        expr = " + ".join(dec(s) for _, _, s in k.items)
        out.append(frame(f"TIÊU CHÍ {ROMAN[i - 1]} (tối đa {dec(k.max)}đ): {expr} = {dec(k.score)}đ"))
    score, mx = criteria_total(c)
    out += [
        Para(
            "Tổng cộng: " + " + ".join(dec(k.score) for k in d.criteria) + f" = {dec(score)}đ / {dec(mx)}đ.",
            bold=True,
            align="left",
            indent=False,
        ),
        c.signature(),
    ]
    return out
