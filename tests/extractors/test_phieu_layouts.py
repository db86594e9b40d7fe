"""Metamorphic tests of the phiếu tự đánh giá: one self-assessment written in many layouts must give the
same criteria (maximum and self-score each), the same number of items and the same total.

The phiếu and its layouts are written for these tests (their own item wording, not the corpus's):
score tables with the columns in either order, a two-row header, a total row placed first, a notes
column carrying other numbers, decimals written "24.5" or "24,50"; and phiếu with no table at all,
the points said in words in several ways ("thang điểm 25; tự đánh giá 24,5", "đạt 9,5/10 điểm",
"9,5 điểm (tối đa 10)"). Each is rendered as Word and as a text PDF and read through the readers.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from extractors.vocabulary import DocType
from samples.blocks import Block, Header, Para, Sign, SignCol, Table, Title

from .rendered import read_rendered

NAMES = (
    "Lãnh đạo hoàn thành tốt nhiệm vụ chính trị",
    "Chất lượng sinh hoạt tốt",
    "Đoàn kết, kỷ luật tốt",
    "Cán bộ, đảng viên tốt",
)
# (item wording, max, score) per criterion: maxima 30, 25, 20, 25; scores 29,5, 24, 20, 23,5.
ITEMS = (
    [
        ("Ban hành chương trình công tác năm sát thực tế đơn vị", 14, 14),
        ("Theo dõi, đôn đốc thực hiện các chỉ tiêu được giao", 16, 15.5),
    ],
    [
        ("Nội dung sinh hoạt được chuẩn bị chu đáo", 10, 9.5),
        ("Sinh hoạt đủ kỳ, đúng giờ, có ghi biên bản", 15, 14.5),
    ],
    [
        ("Nội bộ thống nhất trong lãnh đạo và điều hành", 12, 12),
        ("Chấp hành nghiêm chế độ báo cáo với cấp trên", 8, 8),
    ],
    [
        ("Đảng viên gương mẫu ở cơ quan và nơi cư trú", 13, 12),
        ("Bồi dưỡng, giới thiệu quần chúng ưu tú", 12, 11.5),
    ],
)
MAXIMA = [30.0, 25.0, 20.0, 25.0]
SCORES = [29.5, 24.0, 20.0, 23.5]
ROMAN = ("I", "II", "III", "IV")


def dec(x: float, style: str = "comma") -> str:
    text = f"{x:g}" if style != "two" else f"{x:.2f}"
    return text if style == "dot" else text.replace(".", ",")


def _doc(body: list[Block]) -> list[Block]:
    return [
        Header(
            "ĐẢNG BỘ PHƯỜNG HÒA BÌNH",
            "CHI BỘ KHU PHỐ 3",
            "Số 07-PĐG/CB",
            "Hòa Bình, ngày 02 tháng 12 năm 2024",
        ),
        Title("PHIẾU TỰ ĐÁNH GIÁ", ["Kết quả thực hiện tiêu chí chi bộ bốn tốt năm 2024"]),
        *body,
        Sign(right=SignCol(["T/M CHI BỘ", "BÍ THƯ"], "Lê Thị Mai")),
    ]


def _rows(max_first: bool, style: str = "comma", notes: bool = False) -> list[list[str]]:
    rows = []
    for i, name in enumerate(NAMES):
        pair = [dec(MAXIMA[i], style), dec(SCORES[i], style)]
        rows.append([ROMAN[i], name, *(pair if max_first else pair[::-1]), *([""] if notes else [])])
        for j, (label, m, s) in enumerate(ITEMS[i], 1):
            pair = [dec(m, style), dec(s, style)]
            note = [f"Họp {j + 10} lần, {95 - j}% có mặt" if notes else ""][: int(notes)]
            rows.append([str(j), label, *(pair if max_first else pair[::-1]), *note])
    return rows


def _total(max_first: bool, style: str = "comma", notes: bool = False) -> list[str]:
    pair = [dec(sum(MAXIMA), style), dec(sum(SCORES), style)]
    return ["", "Tổng cộng", *(pair if max_first else pair[::-1]), *([""] if notes else [])]


def table_max_first() -> list[Block]:
    head = ["TT", "Nội dung tiêu chí", "Điểm chuẩn", "Điểm tự chấm"]
    return _doc([Table([head, *_rows(True), _total(True)], [0.08, 0.6, 0.16, 0.16])])


def table_score_first_with_notes() -> list[Block]:
    head = ["STT", "Tiêu chí, nội dung", "Tự đánh giá", "Thang điểm", "Ghi chú"]
    rows = [head, *_rows(False, notes=True), _total(False, notes=True)]
    return _doc([Table(rows, [0.07, 0.45, 0.13, 0.13, 0.22])])


def table_two_row_header_score_first() -> list[Block]:
    head = [["TT", "Nội dung", "Số điểm", ""], ["", "", "Chi bộ tự chấm", "Tối đa"]]
    return _doc([Table([*head, *_rows(False), _total(False)], [0.08, 0.6, 0.16, 0.16], bold_rows={0, 1})])


def table_total_first_dot_decimals() -> list[Block]:
    head = ["TT", "Nội dung", "Điểm tối đa", "Điểm tự chấm"]
    rows = [head, _total(True, "dot"), *_rows(True, "dot")]
    return _doc([Table(rows, [0.08, 0.6, 0.16, 0.16])])


def table_two_decimals() -> list[Block]:
    head = ["TT", "Nội dung đánh giá", "Khung điểm", "Điểm đạt"]
    return _doc([Table([head, *_rows(True, "two"), _total(True, "two")], [0.08, 0.6, 0.16, 0.16])])


def prose_scale_and_self() -> list[Block]:
    body: list[Block] = []
    for i, name in enumerate(NAMES):
        body.append(
            Para(
                f"{ROMAN[i]}. {name}: thang điểm {dec(MAXIMA[i])}; tự đánh giá {dec(SCORES[i])} điểm.",
                bold=True,
            )
        )
        for j, (label, m, s) in enumerate(ITEMS[i]):
            body.append(Para(f"{'abcd'[j]}) {label}: đạt {dec(s)}/{dec(m)} điểm."))
    body.append(Para(f"Tổng số điểm tự chấm: {dec(sum(SCORES))}/{dec(sum(MAXIMA))} điểm."))
    return _doc(body)


def prose_points_then_max() -> list[Block]:
    body: list[Block] = []
    for i, name in enumerate(NAMES):
        body.append(
            Para(f"Tiêu chí {i + 1} - {name} ({dec(MAXIMA[i])} điểm): chi bộ tự chấm {dec(SCORES[i])} điểm")
        )
        for label, m, s in ITEMS[i]:
            body.append(Para(f"+ {label}: {dec(s)} điểm (tối đa {dec(m)} điểm);", indent=False))
    body.append(Para(f"Tổng cộng: điểm chuẩn {dec(sum(MAXIMA))}, điểm tự chấm {dec(sum(SCORES))}."))
    return _doc(body)


def prose_numbered_items() -> list[Block]:
    body: list[Block] = []
    for i, name in enumerate(NAMES):
        body.append(
            Para(
                f"{i + 1}. {name}. Điểm tối đa: {dec(MAXIMA[i])}. Điểm tự chấm: {dec(SCORES[i])}.", bold=True
            )
        )
        for j, (label, m, s) in enumerate(ITEMS[i], 1):
            body.append(Para(f"{i + 1}.{j}. {label} - điểm chuẩn {dec(m)}, tự chấm {dec(s)}."))
    body.append(Para(f"Tổng điểm: {dec(sum(SCORES))} điểm/{dec(sum(MAXIMA))} điểm."))
    return _doc(body)


def table_with_superior_column() -> list[Block]:
    """A column for the superior's appraisal ("Điểm thẩm định", left empty or filled) is no self-score."""
    head = ["TT", "Nội dung", "Điểm tối đa", "Điểm tự chấm", "Điểm thẩm định"]
    rows = [[*r, ""] for r in _rows(True)]
    return _doc([Table([head, *rows, [*_total(True), ""]], [0.07, 0.5, 0.13, 0.15, 0.15])])


def table_names_without_index() -> list[Block]:
    """No index column: "Tiêu chí 1. …" in the label cell, items as "- …"."""
    head = ["Tiêu chí, nội dung chấm", "Điểm chuẩn", "Tự chấm"]
    rows = [head]
    for i, name in enumerate(NAMES):
        rows.append([f"Tiêu chí {i + 1}. {name}", dec(MAXIMA[i]), dec(SCORES[i])])
        rows += [[f"- {label}", dec(m), dec(s)] for label, m, s in ITEMS[i]]
    rows.append(["Tổng cộng", dec(sum(MAXIMA)), dec(sum(SCORES))])
    return _doc([Table(rows, [0.66, 0.17, 0.17])])


def prose_score_over_scale() -> list[Block]:
    """ "tự chấm 9,5 trên 10 điểm", the criterion's maximum in brackets after its name."""
    body: list[Block] = []
    for i, name in enumerate(NAMES):
        body.append(
            Para(f"{ROMAN[i]}. {name.upper()} ({dec(MAXIMA[i])} điểm): {dec(SCORES[i])} điểm", bold=True)
        )
        for label, m, s in ITEMS[i]:
            body.append(Para(f"- {label}: tự chấm {dec(s)} trên {dec(m)} điểm;", indent=False))
    body.append(Para(f"Tổng cộng: {dec(sum(SCORES))}/{dec(sum(MAXIMA))} điểm."))
    return _doc(body)


def table_narrow_wrapped_headers() -> list[Block]:
    """Narrow score columns whose long headers wrap over three or four lines, the self-score first."""
    head = ["TT", "Nội dung các tiêu chí đánh giá", "Điểm chi bộ tự chấm", "Điểm chuẩn theo hướng dẫn"]
    return _doc([Table([head, *_rows(False), _total(False)], [0.07, 0.73, 0.1, 0.1])])


def table_three_sub_columns() -> list[Block]:
    """ "Điểm" merged over "Trừ" | "Tự chấm" | "Chuẩn": the deduction first, the maximum last."""
    head = [["TT", "Nội dung", "Điểm", "", ""], ["", "", "Trừ", "Tự chấm", "Chuẩn"]]
    rows = []
    for r in [*_rows(True), _total(True)]:
        mx, sc = r[2], r[3]
        lost = float(mx.replace(",", ".")) - float(sc.replace(",", "."))
        rows.append([r[0], r[1], dec(lost) if lost else "", sc, mx])
    return _doc([Table([*head, *rows], [0.08, 0.56, 0.12, 0.12, 0.12], bold_rows={0, 1})])


def table_index_says_criterion() -> list[Block]:
    """ "Tiêu chí 1" in the index column, names in capitals, items "1.1"."""
    head = ["Tiêu chí", "Nội dung", "Điểm tối đa", "Điểm tự chấm"]
    rows = [head]
    for i, name in enumerate(NAMES):
        rows.append([f"Tiêu chí {i + 1}", name.upper(), dec(MAXIMA[i]), dec(SCORES[i])])
        rows += [[f"{i + 1}.{j}", lb, dec(m), dec(s)] for j, (lb, m, s) in enumerate(ITEMS[i], 1)]
    rows.append(["", "TỔNG CỘNG", dec(sum(MAXIMA)), dec(sum(SCORES))])
    return _doc([Table(rows, [0.14, 0.54, 0.16, 0.16])])


def prose_without_colons() -> list[Block]:
    """No colon before the points (as OCR often loses it): "- … 9,5 điểm (điểm chuẩn 10)"."""
    body: list[Block] = []
    for i, name in enumerate(NAMES):
        body.append(
            Para(f"Tiêu chí {i + 1}. {name} - tối đa {dec(MAXIMA[i])} điểm, tự chấm {dec(SCORES[i])} điểm")
        )
        for label, m, s in ITEMS[i]:
            body.append(Para(f"- {label} {dec(s)} điểm (điểm chuẩn {dec(m)})", indent=False))
    body.append(Para(f"Tổng điểm tự chấm {dec(sum(SCORES))} điểm/{dec(sum(MAXIMA))} điểm"))
    return _doc(body)


def table_subtotal_rows() -> list[Block]:
    """Criterion headings without points, then the items, then "Tổng điểm tiêu chí N" with its sums."""
    head = ["STT", "Nội dung", "Điểm tự chấm", "Điểm tối đa"]
    rows = [head]
    for i, name in enumerate(NAMES):
        rows.append([ROMAN[i], f"Tiêu chí {i + 1}: {name}", "", ""])
        rows += [[f"{i + 1}.{j}", lb, dec(s), dec(m)] for j, (lb, m, s) in enumerate(ITEMS[i], 1)]
        rows.append(["", f"Tổng điểm tiêu chí {ROMAN[i]}", dec(SCORES[i]), dec(MAXIMA[i])])
    rows.append(["", "Tổng cộng (I + II + III + IV)", dec(sum(SCORES)), dec(sum(MAXIMA))])
    return _doc([Table(rows, [0.08, 0.6, 0.16, 0.16])])


def prose_dotted_leaders() -> list[Block]:
    """Items "1. … (tối đa 14 điểm) ______ 14"; each criterion closed by "Cộng tiêu chí N: 29,5/30"."""
    body: list[Block] = []
    for i, name in enumerate(NAMES):
        body.append(Para(f"TIÊU CHÍ {i + 1}. {name.upper()}", bold=True, indent=False))
        for j, (label, m, s) in enumerate(ITEMS[i], 1):
            body.append(Para(f"{j}. {label} (tối đa {dec(m)} điểm) ______ {dec(s)}", indent=False))
        body.append(Para(f"Cộng tiêu chí {i + 1}: {dec(SCORES[i])}/{dec(MAXIMA[i])} điểm.", indent=False))
    body.append(Para(f"Tổng cộng: {dec(sum(SCORES))}/{dec(sum(MAXIMA))} điểm."))
    return _doc(body)


def table_one_points_column_maxima_in_labels() -> list[Block]:
    """Only a self-score column: each maximum said in its label, "(30 điểm)" for a criterion,
    "(điểm tối đa 14)" for an item; a column of proofs with document numbers and dates beside."""
    head = ["TT", "Nội dung chấm điểm", "Chi bộ tự chấm", "Hồ sơ minh chứng"]
    rows = [head]
    for i, name in enumerate(NAMES):
        rows.append([ROMAN[i], f"{name} ({dec(MAXIMA[i])} điểm)", dec(SCORES[i]), ""])
        for j, (label, m, s) in enumerate(ITEMS[i], 1):
            proof = f"Công văn số {10 * i + j}-CV/CB ngày {j + 3}/0{i + 2}/2024"
            rows.append([str(j), f"{label} (điểm tối đa {dec(m)})", dec(s), proof])
    rows.append(["", f"Tổng cộng ({dec(sum(MAXIMA))} điểm)", dec(sum(SCORES)), ""])
    return _doc([Table(rows, [0.07, 0.55, 0.13, 0.25])])


def _one_column(max_first: bool) -> list[list[str]]:
    """The rows of :func:`_rows` with both points in one cell, "29,5/30" (or "30 / 29,5")."""
    out = []
    for r in [*_rows(max_first), _total(max_first)]:
        out.append([r[0], r[1], f"{r[2]}/{r[3]}" if not max_first else f"{r[2]} / {r[3]}", ""])
    return out


def table_one_column_score_over_max() -> list[Block]:
    """One points column headed "Điểm đạt/Điểm tối đa", each cell "29,5/30"; a remarks column in words."""
    head = ["TT", "Nội dung", "Điểm đạt/Điểm tối đa", "Nhận xét"]
    rows = [head] + [[*r[:3], "Đầy đủ hồ sơ" if r[0] else ""] for r in _one_column(False)]
    return _doc([Table(rows, [0.08, 0.56, 0.18, 0.18])])


def table_one_column_max_over_score() -> list[Block]:
    """The same with the maximum named first, "Thang điểm / tự đánh giá", each cell "30 / 29,5"."""
    head = ["STT", "Tiêu chí và nội dung", "Thang điểm / tự đánh giá", "Ghi chú"]
    return _doc([Table([head, *_one_column(True)], [0.08, 0.56, 0.18, 0.18])])


def _items_by_code(code: Callable[[int, int], str], head: list[str]) -> Table:
    rows = [head]
    for i in range(4):
        rows += [[code(i + 1, j), lb, dec(m), dec(s)] for j, (lb, m, s) in enumerate(ITEMS[i])]
    return Table(rows, [0.12, 0.56, 0.16, 0.16])


def table_criteria_across_roman() -> list[Block]:
    """A summary whose columns are the criteria ("TC I" … "TC IV", "Cộng"), the self-scores on the first
    row, the maxima on the second, a share row under them; then the items alone, coded "TC2-b"."""
    summary = Table(
        [
            ["Chỉ số", "TC I", "TC II", "TC III", "TC IV", "Cộng"],
            ["Điểm tự đánh giá", *(dec(x) for x in SCORES), dec(sum(SCORES))],
            ["Điểm tối đa", *(dec(x) for x in MAXIMA), dec(sum(MAXIMA))],
            ["Tỷ lệ %", *(dec(round(100 * s / m, 1)) for s, m in zip(SCORES, MAXIMA, strict=True)), "97"],
        ],
        [0.24, 0.14, 0.14, 0.14, 0.14, 0.2],
    )
    items = _items_by_code(
        lambda i, j: f"TC{i}-{'abcd'[j]}", ["Số hiệu", "Nội dung", "Thang điểm", "Tự chấm"]
    )
    return _doc([Para("1. Điểm theo tiêu chí"), summary, Para("2. Điểm theo nội dung"), items])


def table_criteria_across_names() -> list[Block]:
    """The criteria's names head the summary's columns, maxima first; items coded "3.2"."""
    summary = Table(
        [
            ["", *NAMES, "Tổng số"],
            ["Thang điểm", *(dec(x) for x in MAXIMA), dec(sum(MAXIMA))],
            ["Chi bộ tự chấm", *(dec(x) for x in SCORES), dec(sum(SCORES))],
        ],
        [0.2, 0.16, 0.16, 0.16, 0.16, 0.16],
    )
    items = _items_by_code(lambda i, j: f"{i}.{j + 1}", ["TT", "Nội dung", "Điểm chuẩn", "Điểm tự chấm"])
    return _doc([summary, items])


def prose_heading_then_sentences() -> list[Block]:
    """No table: each criterion a heading, then its points in sentences of their own (the maximum in one,
    the self-score in the next), then its items "• …: 14/14 điểm"."""
    body: list[Block] = []
    for i, name in enumerate(NAMES):
        body.append(Para(f"TIÊU CHÍ {ROMAN[i]}: {name.upper()}", bold=True, indent=False))
        body.append(Para(f"Thang điểm tối đa của tiêu chí này: {dec(MAXIMA[i])} điểm."))
        body.append(Para(f"Chi bộ tự đánh giá {dec(SCORES[i])} điểm, trong đó:"))
        for label, m, s in ITEMS[i]:
            body.append(Para(f"• {label}: {dec(s)}/{dec(m)} điểm;", indent=False))
    body.append(Para(f"Tổng cộng chi bộ tự chấm {dec(sum(SCORES))} điểm trên {dec(sum(MAXIMA))} điểm."))
    return _doc(body)


def tables_under_criterion_captions() -> list[Block]:
    """A small table per criterion, each under a caption that names the criterion and its maximum
    ("Biểu 2. Tiêu chí 2 – … (tối đa 25 điểm)"), its items numbered "1." "2." as if each table stood
    alone, and a closing row "Cộng tiêu chí 2"; the total said in a sentence after the last table."""
    body: list[Block] = []
    for i, name in enumerate(NAMES, 1):
        rows = [["Nội dung", "Tối đa", "Chi bộ tự chấm"]]
        rows += [[f"{j}. {lb}", dec(m), dec(s)] for j, (lb, m, s) in enumerate(ITEMS[i - 1], 1)]
        rows.append([f"Cộng tiêu chí {i}", dec(MAXIMA[i - 1]), dec(SCORES[i - 1])])
        body.append(Para(f"Biểu {i}. Tiêu chí {i} – {name} (tối đa {dec(MAXIMA[i - 1])} điểm)", bold=True))
        body.append(Table(rows, [0.6, 0.2, 0.2]))
    body.append(Para(f"Tổng cộng chi bộ tự chấm {dec(sum(SCORES))} điểm trên {dec(sum(MAXIMA))} điểm."))
    return _doc(body)


def tables_under_captions_closed_by_sums() -> list[Block]:
    """Each criterion's table under its caption "Bảng N. …", closed by a plain "Cộng" row that sums that
    criterion (not the phiếu); the whole said in a sentence at the end."""
    body: list[Block] = []
    for i, name in enumerate(NAMES, 1):
        rows = [["TT", "Nội dung", "Điểm tối đa", "Điểm tự chấm"]]
        rows += [[str(j), lb, dec(m), dec(s)] for j, (lb, m, s) in enumerate(ITEMS[i - 1], 1)]
        rows.append(["", "Cộng", dec(MAXIMA[i - 1]), dec(SCORES[i - 1])])
        body.append(Para(f"Bảng {i}. {name}", bold=True, indent=False))
        body.append(Table(rows, [0.08, 0.52, 0.2, 0.2]))
    body.append(Para(f"Tổng cộng: {dec(sum(SCORES))}/{dec(sum(MAXIMA))} điểm."))
    return _doc(body)


def tables_under_captions_with_points() -> list[Block]:
    """The caption says the criterion's points ("Tiêu chí 3 – …: điểm chuẩn 20, tự chấm 20"); its table
    lists only the items, numbered "1." "2." afresh, with no closing row."""
    body: list[Block] = []
    for i, name in enumerate(NAMES, 1):
        rows = [["STT", "Nội dung", "Thang điểm", "Tự đánh giá"]]
        rows += [[f"{j}.", lb, dec(m), dec(s)] for j, (lb, m, s) in enumerate(ITEMS[i - 1], 1)]
        body.append(
            Para(
                f"Tiêu chí {i} – {name}: điểm chuẩn {dec(MAXIMA[i - 1])}, tự chấm {dec(SCORES[i - 1])}",
                bold=True,
                indent=False,
            )
        )
        body.append(Table(rows, [0.08, 0.52, 0.2, 0.2]))
    body.append(Para(f"Tổng cộng: {dec(sum(SCORES))}/{dec(sum(MAXIMA))} điểm."))
    return _doc(body)


def tables_under_criterion_headings() -> list[Block]:
    """The same without caption words: each table under a heading "TIÊU CHÍ II: …" that says no points."""
    body: list[Block] = []
    for i, name in enumerate(NAMES, 1):
        rows = [["Nội dung chấm", "Điểm chuẩn", "Tự chấm"]]
        rows += [[f"{j}) {lb}", dec(m), dec(s)] for j, (lb, m, s) in enumerate(ITEMS[i - 1], 1)]
        rows.append([f"Tổng điểm tiêu chí {ROMAN[i - 1]}", dec(MAXIMA[i - 1]), dec(SCORES[i - 1])])
        body.append(Para(f"TIÊU CHÍ {ROMAN[i - 1]}: {name.upper()}", bold=True, indent=False))
        body.append(Table(rows, [0.6, 0.2, 0.2]))
    body.append(Para(f"Tổng cộng: {dec(sum(SCORES))}/{dec(sum(MAXIMA))} điểm."))
    return _doc(body)


def table_items_listed_in_a_cell() -> list[Block]:
    """One row per criterion; a cell lists its items with both points, "+ …: 14/14;", the maximum first
    as its header says ("thang điểm/tự chấm"), beside the criterion's own "Tối đa" and "Tự chấm" columns."""
    head = ["STT", "Tiêu chí", "Nội dung (thang điểm/tự chấm)", "Tối đa", "Tự chấm"]
    rows = [head]
    for i, name in enumerate(NAMES):
        listed = " ".join(f"+ {lb}: {dec(m)}/{dec(s)};" for lb, m, s in ITEMS[i])
        rows.append([str(i + 1), name, listed, dec(MAXIMA[i]), dec(SCORES[i])])
    rows.append(["", "Tổng", "", dec(sum(MAXIMA)), dec(sum(SCORES))])
    return _doc([Table(rows, [0.07, 0.23, 0.44, 0.13, 0.13])])


def table_items_said_in_a_cell() -> list[Block]:
    """One row per criterion; its items in one cell, each with its maximum in brackets and the self-score
    after a colon, "- … (tối đa 14 điểm): 14 điểm", under a header that names no points."""
    head = ["TT", "Tiêu chí", "Nội dung đánh giá", "Điểm tối đa", "Điểm tự chấm"]
    rows = [head]
    for i, name in enumerate(NAMES):
        listed = "; ".join(f"- {lb} (tối đa {dec(m)} điểm): {dec(s)} điểm" for lb, m, s in ITEMS[i])
        rows.append([ROMAN[i], name, listed, dec(MAXIMA[i]), dec(SCORES[i])])
    rows.append(["", "Tổng cộng", "", dec(sum(MAXIMA)), dec(sum(SCORES))])
    return _doc([Table(rows, [0.07, 0.23, 0.44, 0.13, 0.13])])


LAYOUTS: dict[str, Callable[[], list[Block]]] = {
    f.__name__: f
    for f in (
        table_max_first,
        table_score_first_with_notes,
        table_two_row_header_score_first,
        table_total_first_dot_decimals,
        table_two_decimals,
        prose_scale_and_self,
        prose_points_then_max,
        prose_numbered_items,
        table_with_superior_column,
        table_names_without_index,
        prose_score_over_scale,
        table_narrow_wrapped_headers,
        table_three_sub_columns,
        table_index_says_criterion,
        prose_without_colons,
        table_subtotal_rows,
        prose_dotted_leaders,
        table_one_points_column_maxima_in_labels,
        table_one_column_score_over_max,
        table_one_column_max_over_score,
        table_criteria_across_roman,
        table_criteria_across_names,
        prose_heading_then_sentences,
        tables_under_criterion_captions,
        tables_under_captions_closed_by_sums,
        tables_under_captions_with_points,
        tables_under_criterion_headings,
        table_items_listed_in_a_cell,
        table_items_said_in_a_cell,
    )
}


def read(blocks: list[Block], fmt: str) -> dict[str, list]:
    return read_rendered(blocks, fmt, DocType.PHIEU_TU_DANH_GIA)


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_the_same_phieu_in_any_layout_gives_the_same_figures(layout: str, fmt: str) -> None:
    got = read(LAYOUTS[layout](), fmt)
    crits = {c["index"]: (c["max"], c["score"]) for c in got.get("criterion", [])}
    assert crits == {i + 1: (MAXIMA[i], SCORES[i]) for i in range(4)}, got.get("criterion")
    assert got.get("criteria_total") == [{"max": 100.0, "score": 97.0}]
    items = {(c["criterion"], c["max"], c["score"]) for c in got.get("criterion_item", [])}
    assert items == {(i + 1, float(m), float(s)) for i in range(4) for _, m, s in ITEMS[i]}


@pytest.mark.parametrize(
    "layout",
    [
        "prose_points_then_max",
        "prose_without_colons",
        "table_score_first_with_notes",
        "table_one_column_score_over_max",
        "table_criteria_across_names",
        "prose_heading_then_sentences",
    ],
)
def test_the_same_phieu_scanned_gives_the_same_criteria(layout: str) -> None:
    """Through Tesseract (an office scan at 300 dpi): the criteria and the total as typed."""
    got = read(LAYOUTS[layout](), "scan")
    crits = {c["index"]: (c["max"], c["score"]) for c in got.get("criterion", [])}
    assert crits == {i + 1: (MAXIMA[i], SCORES[i]) for i in range(4)}, got.get("criterion")
    assert got.get("criteria_total") == [{"max": 100.0, "score": 97.0}]


def test_a_new_wording_of_points_is_a_data_change(tmp_path: Path) -> None:
    """ "được 9,5 điểm, mức tối đa là 10" is not a wording the bundled patterns know; one line of
    structures.yaml (no code) makes it read."""
    import yaml

    from extractors.nlp.points import read_points
    from extractors.nlp.structures import STRUCTURES_FILE

    text = "- Chuẩn bị chu đáo nội dung sinh hoạt được 9,5 điểm, mức tối đa là 10"
    before = read_points(text)
    assert (before.max, before.score) != (10.0, 9.5)
    data = yaml.safe_load(STRUCTURES_FILE.read_text(encoding="utf-8"))
    data["points"].insert(
        0, {"id": "got_then_max", "pattern": "duoc NUM diem , muc? col_max la NUM", "read": ["score", "max"]}
    )
    mine = tmp_path / "structures.yaml"
    mine.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    after = read_points(text, mine)
    assert (after.max, after.score) == (10.0, 9.5)


def test_criterion_columns_whose_numerals_ocr_damaged_take_their_place() -> None:
    """A summary scanned with "TC II" read as "TC H" and "TC III" as "TC Ill": the columns between
    criterion I and criterion IV are criteria 2 and 3, in order."""
    from extractors.fields.criteria import score_table
    from extractors.model import Line, Provenance

    def row(i: int, cells: list[str]) -> Line:
        prov = Provenance(file="phieu.pdf", page=1, row=i, confidence=80.0)
        return Line(text=" | ".join(cells), prov=prov, cells=cells)

    lines = [
        row(0, ["Nội dung", "TC I", "TC H", "TC Ill", "TC IV", "Tổng"]),
        row(1, ["Mức tối đa", "30", "25", "20", "25", "100"]),
        row(2, ["Đơn vị tự chấm", "29,5", "24", "20", "23,5", "97"]),
    ]
    crits = {
        h.value["index"]: (h.value["max"], h.value["score"])
        for h in score_table(lines)
        if h.field == "criterion"
    }
    assert crits == {i + 1: (MAXIMA[i], SCORES[i]) for i in range(4)}


def test_parts_of_an_item_a_level_deeper_are_no_items_and_fill_what_ocr_lost() -> None:
    """Items "2.1", "2.2" split into "2.1.1", "2.1.2": the parts are not read as further items of 2.1,
    and an item whose own score OCR lost (blank, or "7/5" run together into a number above its max) is
    the sum of its parts' scores."""
    from extractors.fields.criteria import score_table
    from extractors.model import Line, Provenance

    def row(i: int, cells: list[str]) -> Line:
        prov = Provenance(file="phieu.pdf", page=1, row=i, table=0, confidence=80.0)
        return Line(text=" | ".join(cells), prov=prov, cells=cells)

    texts = [
        ["Mục", "Nội dung đánh giá", "Điểm tối đa", "Điểm tự chấm"],
        ["2", "CHẤT LƯỢNG SINH HOẠT TỐT", "25", "23"],
        ["2.1", "Nội dung sinh hoạt thiết thực", "12", ""],
        ["2.1.1", "- Có chuẩn bị trước", "6", "5,5"],
        ["2.1.2", "- Có ghi biên bản đầy đủ", "6", "5,5"],
        ["2.2", "Duy trì sinh hoạt đều đặn", "13", "125"],
        ["2.2.1", "- Thường kỳ hằng tháng", "7", "7"],
        ["2.2.2", "- Chuyên đề hằng quý", "6", "5"],
    ]
    items = [
        h.value for h in score_table([row(i, c) for i, c in enumerate(texts)]) if h.field == "criterion_item"
    ]
    assert [(v["item"], v["max"], v["score"]) for v in items] == [("2.1", 12, 11), ("2.2", 13, 12)]
