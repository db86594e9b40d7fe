"""Phiếu tự đánh giá, round 2: three more ways a unit scores itself against the four criteria."""

from __future__ import annotations

from samples.blocks import Block, PageFurniture, Para, Table, Title

from .common import ROMAN, Ctx, criteria_total, dec, pct


def _left(text: str, bold: bool = False) -> Para:
    return Para(text, bold=bold, align="left", indent=False)


LETTERS = "abcdefgh"
# What a clerk lists as the evidence of an item (tài liệu kiểm chứng), in the criteria's order.
EVIDENCE = (
    ("Nghị quyết số 01-NQ/CB ngày 05/01/{y}", "Báo cáo tổng kết năm {y}", "Quyết định xếp loại của cấp trên"),
    (
        "Sổ ghi biên bản họp chi ủy",
        "{reg} biên bản sinh hoạt thường kỳ, {them} chuyên đề",
        "Sổ theo dõi dự sinh hoạt",
    ),
    ("Quy chế làm việc nhiệm kỳ 2020–2025", "Biên bản kiểm điểm tự phê bình", "Báo cáo của Ủy ban kiểm tra"),
    ("Bản kiểm điểm của đảng viên", "Nhận xét nơi cư trú (Quy định 213-QĐ/TW)", "Hồ sơ kết nạp đảng viên"),
)


def _intro(c: Ctx, title: str, subject: str) -> list[Block]:
    return [c.header(), Title(title, [subject])]


def lettered_blocks(c: Ctx) -> list[Block]:
    """PTD-5: each criterion a block: heading with its maximum in brackets, sub-items a), b), c) with their
    maximum in brackets and the self-score after a dotted leader, then "Điểm tiêu chí 1: 24,5/25 (98%)"."""
    out = _intro(c, "PHIẾU TỰ ĐÁNH GIÁ", f"Mức độ thực hiện các tiêu chí {c.model} năm {c.year}")
    out.append(_left(f"Tổ chức đảng: {c.d.unit}"))
    out.append(_left(f"Trực thuộc: {c.d.parent}"))
    for i, k in enumerate(c.d.criteria, 1):
        out.append(_left(f"Tiêu chí {i}. {k.name} ({dec(k.max)} điểm)", bold=True))
        for j, (label, m, s) in enumerate(k.items):
            out.append(_left(f"{LETTERS[j]}) {label} ({dec(m)} điểm) ........ {dec(s)}"))
        out.append(_left(f"=> Điểm tiêu chí {i}: {dec(k.score)}/{dec(k.max)} ({pct(k.score, k.max)})"))
    score, mx = criteria_total(c)
    out.append(_left(f"TỔNG ĐIỂM TỰ ĐÁNH GIÁ: {dec(score)}/{dec(mx)} điểm.", bold=True))
    out.append(
        Para(
            "Ghi chú: điểm trong ngoặc là điểm chuẩn của từng nội dung; điểm sau dấu chấm là điểm chi bộ tự "
            "đánh giá."
        )
    )
    out.append(c.signature())
    return out


def total_first(c: Ctx) -> list[Block]:
    """PTD-6: the total row first, the self-score before the maximum ("Điểm đạt được | Điểm chuẩn"), the header
    row repeated on each page, "Trang 1/2" in the footer."""
    d = c.d
    score, mx = criteria_total(c)
    rows = [
        ["TT", "Tiêu chí, nội dung đánh giá", "Điểm đạt được", "Điểm chuẩn"],
        ["", "TỔNG CỘNG (I + II + III + IV)", dec(score), dec(mx)],
    ]
    bold = {0, 1}
    for i, k in enumerate(d.criteria):
        bold.add(len(rows))
        rows.append([ROMAN[i], k.name.upper(), dec(k.score), dec(k.max)])
        for j, (label, m, s) in enumerate(k.items, 1):
            detail = {
                1: "có nghị quyết, kế hoạch, chương trình cụ thể; phân công rõ người, rõ việc",
                2: "đánh giá qua biên bản, sổ ghi chép và kết quả kiểm tra, giám sát của cấp ủy cấp trên",
                3: "căn cứ kết quả kiểm điểm cuối năm và ý kiến nhận xét của các tổ chức liên quan",
            }[j]
            rows.append([str(j), f"{label} ({detail})", dec(s), dec(m)])
    out: list[Block] = [
        PageFurniture(footer="Trang {page}/{pages}"),
        *_intro(c, "PHIẾU TỰ ĐÁNH GIÁ, CHẤM ĐIỂM", f"Thực hiện tiêu chí {c.model} năm {c.year}"),
        Para(
            f"Căn cứ các tiêu chí và thang điểm của mô hình {c.model} do cấp ủy cấp trên ban hành, {d.unit} tự "
            f"đánh giá, chấm điểm kết quả thực hiện năm {c.year} như sau (thang điểm 100):"
        ),
        Table(
            rows,
            [0.08, 0.58, 0.17, 0.17],
            bold_rows=bold,
            align=["center", "left", "center", "center"],
            header_rows=1,
        ),
        Para(f"{c.org.capitalize()} tự chấm: {dec(score)} điểm."),
        c.signature(),
    ]
    return out


def merged_names(c: Ctx) -> list[Block]:
    """PTD-7: the criterion's name merged across the score columns with no score of its own; a "Cộng" row
    after its items carries it; an evidence column full of other numbers (decisions, dates, meeting counts)."""
    d = c.d
    rows = [["TT", "Nội dung", "Điểm chuẩn", "Điểm tự đánh giá", "Tài liệu kiểm chứng"]]
    bold, spans = {0}, {}
    for i, k in enumerate(d.criteria):
        bold.add(len(rows))
        spans[(len(rows), 1)] = (1, 4)
        rows.append([ROMAN[i], f"Tiêu chí {i + 1}: {k.name}", "", "", ""])
        for j, (label, m, s) in enumerate(k.items):
            proof = EVIDENCE[i][j].format(y=c.year, reg=d.regular_meetings, them=f"{d.thematic_meetings:02d}")
            rows.append([f"{i + 1}.{j + 1}", label, dec(m), dec(s), proof])
        bold.add(len(rows))
        rows.append(["", f"Cộng tiêu chí {i + 1}", dec(k.max), dec(k.score), ""])
    score, mx = criteria_total(c)
    bold.add(len(rows))
    rows.append(["", "Tổng cộng", dec(mx), dec(score), ""])
    return [
        *_intro(c, "PHIẾU TỰ ĐÁNH GIÁ", f"Kết quả thực hiện tiêu chí {c.model} năm {c.year}"),
        _left(f"Đơn vị: {d.unit}"),
        Table(
            rows,
            [0.08, 0.42, 0.13, 0.14, 0.23],
            bold_rows=bold,
            align=["center", "left", "center", "center", "left"],
            spans=spans,
        ),
        c.signature(),
    ]
