"""Phiếu tự đánh giá, round 7: the score told as deductions from each item's maximum ("trừ 0,5 điểm do
…") with only the criterion's result stated; a table giving the self-score in words before the figure and
a share column ("98 %"); the framework (codes and maxima) in one table and the scores by code in another."""

from __future__ import annotations

from samples.blocks import Block, Para, Table, Title

from .common import Ctx, criteria_total, dec
from .r7_common import left, score_words, spct

REASONS = (
    ("chậm triển khai 01 văn bản của cấp trên", "01 chỉ tiêu phụ đạt dưới kế hoạch", "01 đoàn thể xếp loại hoàn thành nhiệm vụ"),
    ("01 kỳ chưa họp chi ủy chuẩn bị nội dung", "01 kỳ sinh hoạt chưa bảo đảm thời gian quy định", "ý kiến phát biểu còn ít"),
    ("01 lần chưa thực hiện đúng quy chế làm việc", "tự phê bình và phê bình chưa thường xuyên", "01 đảng viên bị nhắc nhở"),
    ("01 đảng viên chưa gương mẫu nơi cư trú", "01 đảng viên chậm nộp đảng phí", "chưa đạt chỉ tiêu phát triển đảng viên"),
)  # fmt: skip


def _title(c: Ctx) -> Title:
    return Title("PHIẾU TỰ ĐÁNH GIÁ", [f"Thực hiện tiêu chí {c.model} năm {c.year}"])


def deductions(c: Ctx) -> list[Block]:
    """PTD-20: no table; under each criterion "(tối đa 25 điểm)" its items each say "không trừ điểm" or
    "trừ 0,5 điểm do …"; the criterion's points follow in one line ("Điểm tiêu chí 1: 24,5 điểm"), the items'
    own points never; the total deducted and the total at the end."""
    d = c.d
    out: list[Block] = [
        c.header(),
        _title(c),
        left(f"Tổ chức đảng: {d.unit}"),
        Para(
            "Cách chấm: mỗi nội dung được tính đủ điểm tối đa, trừ điểm theo mức độ hạn chế; điểm tiêu chí là "
            "điểm còn lại sau khi trừ."
        ),
    ]
    for i, k in enumerate(d.criteria, 1):
        out.append(left(f"Tiêu chí {i}. {k.name} (tối đa {dec(k.max)} điểm)", bold=True))
        for j, (label, m, s) in enumerate(k.items):
            lost = m - s
            said = "không trừ điểm" if lost == 0 else f"trừ {dec(lost)} điểm do {REASONS[(i - 1) % 4][j % 3]}"
            out.append(left(f"- {label} (tối đa {dec(m)} điểm): {said}."))
        out.append(left(f"→ Điểm tiêu chí {i}: {dec(k.score)} điểm.", italic=True))
    score, mx = criteria_total(c)
    out += [
        Para(
            f"Tổng số điểm bị trừ: {dec(mx - score)} điểm. Tổng điểm tự chấm: {dec(score)}/{dec(mx)} điểm.",
            bold=True,
        ),
        c.signature(),
    ]
    return out


def words_before_figures(c: Ctx) -> list[Block]:
    """PTD-21: "Nội dung | Điểm tối đa | Điểm tự chấm (Bằng chữ | Bằng số) | Tỷ lệ (%)" under a two-row
    header: the self-score in words before the figure, the criterion rows' share of their maximum with the
    percent sign apart ("98 %"); criteria numbered "I." … "IV.", items "1." "2." "3."."""
    d = c.d
    rows = [
        ["Nội dung", "Điểm tối đa", "Điểm tự chấm", "", "Tỷ lệ (%)"],
        ["", "", "Bằng chữ", "Bằng số", ""],
    ]
    bold = {0, 1}
    romans = ("I", "II", "III", "IV")
    for i, k in enumerate(d.criteria):
        bold.add(len(rows))
        rows.append(
            [f"{romans[i]}. {k.name}", dec(k.max), score_words(k.score), dec(k.score), spct(k.score, k.max)]
        )
        for j, (label, m, s) in enumerate(k.items, 1):
            rows.append([f"{j}. {label}", dec(m), score_words(s), dec(s), ""])
    score, mx = criteria_total(c)
    bold.add(len(rows))
    rows.append(["Tổng cộng", dec(mx), score_words(score), dec(score), spct(score, mx)])
    return [
        c.header(colon=True),
        _title(c),
        left(f"Tên tổ chức đảng: {d.unit} - trực thuộc {d.parent}"),
        Table(
            rows,
            [0.44, 0.11, 0.22, 0.11, 0.12],
            bold_rows=bold,
            align=["left", "center", "left", "center", "center"],
            spans={(0, 0): (2, 1), (0, 1): (2, 1), (0, 2): (1, 2), (0, 4): (2, 1)},
            header_rows=2,
        ),
        c.signature(),
    ]


def framework_then_scores(c: Ctx) -> list[Block]:
    """PTD-22: two tables to join by code: "KHUNG ĐIỂM" (Mã | Nội dung | Tối đa: "TC1", "TC1.1" …) and
    "KẾT QUẢ TỰ CHẤM" (Mã | Tự chấm, "24,5đ"), the second without labels; the total "Cộng: 98,5đ/100đ"."""
    d = c.d
    frame = [["Mã", "Nội dung tiêu chí", "Tối đa"]]
    scores = [["Mã", "Tự chấm"]]
    bold_f, bold_s = {0}, {0}
    for i, k in enumerate(d.criteria, 1):
        bold_f.add(len(frame))
        bold_s.add(len(scores))
        frame.append([f"TC{i}", k.name, f"{dec(k.max)}đ"])
        scores.append([f"TC{i}", f"{dec(k.score)}đ"])
        for j, (label, m, s) in enumerate(k.items, 1):
            frame.append([f"TC{i}.{j}", label, f"{dec(m)}đ"])
            scores.append([f"TC{i}.{j}", f"{dec(s)}đ"])
    score, mx = criteria_total(c)
    return [
        c.header(words=False),
        _title(c),
        left(f"Chi bộ/Đảng bộ: {d.unit}"),
        left("1. KHUNG ĐIỂM (theo hướng dẫn của cấp trên)", bold=True),
        Table(frame, [0.12, 0.73, 0.15], bold_rows=bold_f, align=["left", "left", "center"]),
        left(f"2. KẾT QUẢ TỰ CHẤM CỦA {'CHI BỘ' if c.cell else 'ĐẢNG BỘ'}", bold=True),
        Table(scores, [0.5, 0.5], bold_rows=bold_s, align=["center", "center"]),
        Para(f"Cộng: {dec(score)}đ/{dec(mx)}đ.", bold=True, align="left", indent=False),
        c.signature(),
    ]
