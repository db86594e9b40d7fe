"""Phiếu tự đánh giá, round 3: the self-score column before the maximum with decimal points, a) b) c)
items under a total row that comes first, and the maximum written inside each label."""

from __future__ import annotations

from samples.blocks import Block, Para, Table, Title

from .common import ROMAN, Ctx, criteria_total, dec, pct
from .r3_common import dot, left, two_places


def _intro(c: Ctx, title: str, subject: str) -> list[Block]:
    return [
        c.header(),
        Title(title, [subject]),
        left(f"Tổ chức đảng: {c.d.unit}"),
        left(f"Trực thuộc: {c.d.parent}"),
    ]


def score_first(c: Ctx) -> list[Block]:
    """PTD-8: columns "Điểm tự đánh giá" before "Điểm chuẩn"; scores typed with a decimal point ("24.5");
    items as "-" lines with no number of their own."""
    rows = [["STT", "Nội dung tiêu chí", "Điểm tự đánh giá", "Điểm chuẩn"]]
    bold = {0}
    for i, k in enumerate(c.d.criteria, 1):
        bold.add(len(rows))
        rows.append([str(i), k.name, dot(k.score), dot(k.max)])
        for label, m, s in k.items:
            rows.append(["", f"- {label}", dot(s), dot(m)])
    score, mx = criteria_total(c)
    bold.add(len(rows))
    rows.append(["", "Cộng", dot(score), dot(mx)])
    return [
        *_intro(c, "PHIẾU TỰ ĐÁNH GIÁ", f"Mức độ thực hiện các tiêu chí {c.model} năm {c.year}"),
        Table(rows, [0.08, 0.56, 0.18, 0.18], bold_rows=bold, align=["center", "left", "center", "center"]),
        Para(
            f"Tự xếp loại: {c.org} đạt {dot(score)}/{dot(mx)} điểm ({pct(score, mx)} tổng số điểm), "
            f"đủ điều kiện đề nghị công nhận {c.model}."
            if all(k.score >= 0.95 * k.max for k in c.d.criteria)
            else f"Tự xếp loại: {c.org} đạt {dot(score)}/{dot(mx)} điểm."
        ),
        c.signature(),
    ]


def total_first(c: Ctx) -> list[Block]:
    """PTD-9: the total row right under the header; criteria as "Tiêu chí n: …" with items a), b), c);
    two decimals "24,50"; an empty column for the appraisers' score."""
    rows = [["TT", "Tiêu chí, nội dung", "Điểm tối đa", "Điểm tự chấm", "Điểm thẩm định"]]
    score, mx = criteria_total(c)
    rows.append(["", "TỔNG ĐIỂM (04 tiêu chí)", two_places(mx), two_places(score), ""])
    bold = {0, 1}
    for i, k in enumerate(c.d.criteria, 1):
        bold.add(len(rows))
        rows.append([str(i), f"Tiêu chí {i}: {k.name}", two_places(k.max), two_places(k.score), ""])
        for letter, (label, m, s) in zip("abc", k.items, strict=True):
            rows.append([f"{letter})", label, two_places(m), two_places(s), ""])
    return [
        *_intro(c, "PHIẾU TỰ ĐÁNH GIÁ", f"Chấm điểm các tiêu chí {c.model} năm {c.year}"),
        Table(
            rows,
            [0.07, 0.49, 0.14, 0.15, 0.15],
            bold_rows=bold,
            align=["center", "left", "center", "center", "center"],
        ),
        Para("(Cột “Điểm thẩm định” do cấp ủy cấp trên ghi.)", italic=True),
        c.signature(),
    ]


def max_in_label(c: Ctx) -> list[Block]:
    """PTD-10: a single score column; each maximum written in the label "(25 điểm)", "(tối đa 8 điểm)";
    an evidence column with document numbers and dates; the total in a closing sentence."""
    d = c.d
    y = c.year
    evidence = [
        [
            f"Nghị quyết số 01-NQ/{c.body} ngày 05/01/{y}",
            "Báo cáo sơ kết 6 tháng",
            "Kết quả xếp loại đoàn thể",
        ],
        [
            "Sổ ghi biên bản sinh hoạt",
            "Kế hoạch sinh hoạt chuyên đề",
            "Sổ theo dõi đảng viên dự sinh hoạt",
        ],
        [
            "Quy chế làm việc nhiệm kỳ 2020 - 2025",
            "Biên bản kiểm điểm tự phê bình",
            "Báo cáo của Ủy ban Kiểm tra",
        ],
        ["Bản kiểm điểm đảng viên", "Phiếu nhận xét nơi cư trú", f"Quyết định kết nạp năm {y}"],
    ]
    rows = [["STT", "Tiêu chí, nội dung đánh giá", "Điểm tự chấm", "Tài liệu kiểm chứng"]]
    bold = {0}
    for i, k in enumerate(d.criteria):
        bold.add(len(rows))
        rows.append([ROMAN[i], f"{k.name.upper()} ({dec(k.max)} điểm)", dec(k.score), ""])
        for j, (label, m, s) in enumerate(k.items):
            rows.append([str(j + 1), f"{label} (tối đa {dec(m)} điểm)", dec(s), evidence[i][j]])
    score, mx = criteria_total(c)
    return [
        *_intro(c, "PHIẾU TỰ ĐÁNH GIÁ", f"Thực hiện các tiêu chí {c.model} năm {y}"),
        Table(rows, [0.08, 0.5, 0.14, 0.28], bold_rows=bold, align=["center", "left", "center", "left"]),
        left(f"Tổng số điểm tự chấm: {dec(score)}/{dec(mx)} điểm.", bold=True),
        Para("Đề nghị cấp ủy cấp trên xem xét, thẩm định."),
        c.signature(),
    ]
