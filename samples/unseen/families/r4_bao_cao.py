"""Báo cáo, round 4: a month-by-month meeting log with a "Cộng" row, justified prose under two-level
numbers with last year's figures in the same sentence, and a ratings table under a three-row header."""

from __future__ import annotations

from samples.blocks import Block, Para, Table, Title

from .common import RATING_ABBR, RATING_KEYS, Ctx, dec, pct, rating_word, z2
from .r3_common import left
from .r4_common import TOPICS, dc, targets, thematic_months


def _title(c: Ctx, subject: str) -> Title:
    return Title("BÁO CÁO", [subject])


def _noi_nhan(c: Ctx) -> list[str]:
    return [
        f"- {c.d.parent} (b/c);",
        "- Các đồng chí " + ("chi ủy viên;" if c.cell else "Ủy viên BCH;"),
        "- Lưu.",
    ]


def _discipline(c: Ctx) -> str:
    n = c.d.disciplined_members
    if not n:
        return (
            "Trong năm không có đảng viên nào vi phạm phải xử lý kỷ luật; không có tổ chức đảng bị kỷ luật."
        )
    return (
        f"Trong năm có {dc(n)} bị xử lý kỷ luật bằng hình thức khiển trách do vi phạm quy định về những điều "
        "đảng viên không được làm; không có tổ chức đảng bị kỷ luật."
    )


def monthly_log(c: Ctx) -> list[Block]:
    """BCA-11: a table "Tháng | Sinh hoạt thường kỳ (ngày) | Sinh hoạt chuyên đề (chủ đề) | Ghi chú", one row
    a month, a month without a meeting said so in its row, and a "Cộng" row; ratings as "+ …: 03/18 đ/c, tỷ lệ
    16,67%"; next year's targets."""
    d = c.d
    day = 3 + c.number % 6
    themed = thematic_months(d.thematic_meetings)
    skipped = 7 if d.regular_meetings < 12 else None
    rows = [["Tháng", "Sinh hoạt thường kỳ (ngày)", "Sinh hoạt chuyên đề (chủ đề)", "Ghi chú"]]
    t = 0
    for m in range(1, 13):
        if m == skipped:
            regular, note = "Không tổ chức", "Trùng lịch tập trung phòng, chống bão lũ"
        else:
            regular, note = f"{day:02d}/{m:02d}/{c.year}", ""
        topic = ""
        if m in themed:
            topic, t = TOPICS[t % len(TOPICS)], t + 1
        rows.append([f"{m:02d}", regular, topic, note])
    rows.append(["Cộng", f"{d.regular_meetings} kỳ", f"{z2(d.thematic_meetings)} kỳ", ""])
    r = d.ratings
    rated = sum(r.values())
    prev = c.total - d.new_members
    out: list[Block] = [
        c.header(),
        _title(c, f"Kết quả thực hiện mô hình {c.model} năm {c.year}"),
        left("I. TÌNH HÌNH CHUNG", bold=True),
        Para(
            f"Đầu năm {c.year} {c.org} có {prev} đảng viên; trong năm kết nạp {z2(d.new_members) if d.new_members else 'không có'} "
            f"đảng viên mới. Đến nay {d.unit} có {c.total} đảng viên (chính thức: {c.official}; dự bị: {c.prob})"
            + (
                f", trong đó {z2(d.members_excused)} đồng chí được miễn sinh hoạt"
                if d.members_excused
                else ""
            )
            + "."
        ),
    ]
    if not c.cell:
        out.append(
            Para(
                f"Đảng bộ có {d.subordinates.total} chi bộ trực thuộc và {d.committee_members} Ủy viên Ban Chấp hành."
            )
        )
    out += [
        left("II. KẾT QUẢ THỰC HIỆN", bold=True),
        left("1. Công tác sinh hoạt đảng", bold=True),
        Para(f"Lịch sinh hoạt của {d.unit} trong năm được theo dõi như sau:"),
        Table(
            rows,
            [0.12, 0.26, 0.38, 0.24],
            bold_rows={0, len(rows) - 1},
            align=["center", "center", "left", "left"],
        ),
        Para(
            f"Tỷ lệ đảng viên tham dự sinh hoạt bình quân cả năm đạt {dec(d.attendance_pct)}%; thời gian mỗi kỳ "
            "từ 90 phút trở lên, mỗi kỳ có ít nhất 05 ý kiến phát biểu."
        ),
        left("2. Đoàn kết, kỷ luật", bold=True),
        Para(_discipline(c)),
        left("3. Đánh giá, xếp loại chất lượng đảng viên", bold=True),
        Para(f"- Tổng số đảng viên được đánh giá, xếp loại: {dc(rated)}.", align="left", indent=False),
    ]
    for k in RATING_KEYS:
        value = f"{z2(r[k])}/{rated} đ/c, tỷ lệ {pct(r[k], rated)}" if r[k] else "không có"
        out.append(Para(f"+ {rating_word(c, k).capitalize()}: {value}.", align="left", indent=False))
    if not c.cell:
        s = d.subordinates
        out += [
            left("4. Các chi bộ trực thuộc", bold=True),
            Para(
                f"Tổng số {s.total} chi bộ; xếp loại HTXSNV {z2(s.xuat_sac)}, HTTNV {z2(s.tot)}, HTNV "
                f"{z2(s.hoan_thanh) if s.hoan_thanh else 'không'}, KHTNV "
                f"{z2(s.khong_hoan_thanh) if s.khong_hoan_thanh else 'không'}. Số chi bộ đăng ký “chi bộ bốn "
                f"tốt”: {s.registered_bon_tot}; đã được Đảng ủy công nhận: {s.bon_tot}."
            ),
        ]
    out += [
        left(f"III. PHƯƠNG HƯỚNG NĂM {c.year + 1}", bold=True),
        Para(targets(c, c.year + 1)),
        c.signature(_noi_nhan(c)),
    ]
    return out


def numbered_prose(c: Ctx) -> list[Block]:
    """BCA-12: justified prose only, numbered "1." and "2.1."; other figures of the year (income, poor
    households); this year's counts with last year's in the same sentence ("cùng kỳ năm trước là …");
    ratings as "x/y đ/c … (= z%)"."""
    d = c.d
    r = d.ratings
    rated = sum(r.values())
    prev = c.total - d.new_members
    prev_att = dec(round(d.attendance_pct - 0.9, 1))
    xs, tot, ht, kht = (r[k] for k in RATING_KEYS)
    out: list[Block] = [
        c.header(pad=False),
        _title(c, f"Tổng kết công tác xây dựng {c.org} năm {c.year}"),
        Para(
            f"Thực hiện kế hoạch của cấp ủy cấp trên, {d.unit} báo cáo kết quả lãnh đạo thực hiện nhiệm vụ và "
            f"xây dựng {c.model} năm {c.year} như sau:"
        ),
        left("1. Lãnh đạo thực hiện nhiệm vụ chính trị", bold=True),
        Para(
            "1.1. Các chỉ tiêu chủ yếu đều đạt và vượt kế hoạch: thu nhập bình quân đạt 68,5 triệu đồng/người/năm, "
            "tỷ lệ hộ nghèo giảm còn 1,12%, 100% hộ gia đình tham gia bảo hiểm y tế."
        ),
        Para(
            "1.2. Chính quyền, Mặt trận và các đoàn thể được cấp trên xếp loại hoàn thành tốt nhiệm vụ trở lên."
        ),
        left("2. Công tác xây dựng Đảng", bold=True),
        Para(
            f"2.1. Về đảng viên: đến ngày 30/11/{c.year}, {c.org} có {dc(c.total)} (chính thức {dc(c.official)}; "
            f"dự bị {dc(c.prob) if c.prob else 'không có'}), cùng kỳ năm trước là {prev} đ/c; trong năm kết nạp "
            + (f"{dc(d.new_members)}." if d.new_members else "không có đảng viên mới.")
            + (f" Số đ/c được miễn sinh hoạt: {z2(d.members_excused)}." if d.members_excused else "")
        ),
    ]
    if not c.cell:
        out.append(
            Para(
                f"Đảng bộ có {d.subordinates.total} chi bộ trực thuộc; Ban Chấp hành Đảng bộ "
                f"{d.committee_members} đồng chí."
            )
        )
    out += [
        Para(
            f"2.2. Về sinh hoạt: năm {c.year} tổ chức {d.regular_meetings} cuộc sinh hoạt thường kỳ và "
            f"{z2(d.thematic_meetings)} cuộc sinh hoạt chuyên đề, cùng kỳ năm trước là 12 cuộc và 04 cuộc; tỷ lệ "
            f"đảng viên dự sinh hoạt bình quân đạt {dec(d.attendance_pct)}%, cùng kỳ năm trước là {prev_att}%."
        ),
        Para("2.3. Về đoàn kết, kỷ luật: " + _discipline(c)),
        Para(
            f"2.4. Về đánh giá, xếp loại: trong tổng số {rated} đ/c được đánh giá có {z2(xs)}/{rated} đ/c HTXSNV "
            f"(= {pct(xs, rated)}), {z2(tot)}/{rated} đ/c HTTNV (= {pct(tot, rated)}), "
            + (f"{z2(ht)}/{rated} đ/c HTNV (= {pct(ht, rated)})" if ht else "không có đ/c nào chỉ ở mức HTNV")
            + "; "
            + (f"{z2(kht)}/{rated} đ/c KHTNV." if kht else "không có đ/c nào không hoàn thành nhiệm vụ.")
        ),
    ]
    if not c.cell:
        s = d.subordinates
        good = s.xuat_sac + s.tot
        out.append(
            Para(
                f"2.5. Về chi bộ trực thuộc: {good}/{s.total} chi bộ hoàn thành tốt nhiệm vụ trở lên (trong đó "
                f"{z2(s.xuat_sac)} chi bộ hoàn thành xuất sắc), "
                + (
                    f"{z2(s.hoan_thanh)} chi bộ hoàn thành nhiệm vụ"
                    if s.hoan_thanh
                    else "không có chi bộ chỉ hoàn thành nhiệm vụ"
                )
                + ", "
                + (
                    f"{z2(s.khong_hoan_thanh)} chi bộ không hoàn thành nhiệm vụ"
                    if s.khong_hoan_thanh
                    else "không có chi bộ không hoàn thành nhiệm vụ"
                )
                + f"; {s.bon_tot}/{s.total} chi bộ được công nhận “chi bộ bốn tốt”."
            )
        )
    out += [
        left(f"3. Nhiệm vụ năm {c.year + 1}", bold=True),
        Para(targets(c, c.year + 1)),
        c.signature(_noi_nhan(c)),
    ]
    return out


def three_row_header(c: Ctx) -> list[Block]:
    """BCA-13: members "N (A chính thức, B dự bị)" in a sentence; a label/value table of the year's
    indicators; ratings in a table whose header has three rows ("Kết quả xếp loại" over the four levels
    over "SL | %"), a đảng bộ's cells in a second row of the same table."""
    d = c.d
    r = d.ratings
    n = d.disciplined_members
    indicators = [
        ["Chỉ tiêu", f"Kết quả năm {c.year}"],
        ["Số kỳ sinh hoạt thường kỳ đã tổ chức", f"{d.regular_meetings} kỳ"],
        ["Số kỳ sinh hoạt chuyên đề đã tổ chức", f"{z2(d.thematic_meetings)} kỳ"],
        ["Tỷ lệ đảng viên dự sinh hoạt bình quân", f"{dec(d.attendance_pct)}%"],
        ["Số đảng viên bị xử lý kỷ luật", "Không có" if not n else f"{z2(n)} đồng chí (khiển trách)"],
        ["Số đảng viên mới được kết nạp", z2(d.new_members) if d.new_members else "Không có"],
    ]
    head0 = ["Đối tượng", "Tổng số", f"Kết quả xếp loại chất lượng năm {c.year}"] + [""] * 7
    head1 = ["", ""]
    for k in RATING_KEYS:
        head1 += [RATING_ABBR[k], ""]
    head2 = ["", ""] + ["SL", "%"] * 4

    def row(label: str, counts: list[int]) -> list[str]:
        whole = sum(counts)
        cells = [label, str(whole)]
        for v in counts:
            cells += [z2(v) if v else "0", pct(v, whole).removesuffix("%")]
        return cells

    rows = [head0, head1, head2, row("Đảng viên", [r[k] for k in RATING_KEYS])]
    if not c.cell:
        s = d.subordinates
        rows.append(row("Chi bộ trực thuộc", [s.xuat_sac, s.tot, s.hoan_thanh, s.khong_hoan_thanh]))
    spans = {(0, 0): (3, 1), (0, 1): (3, 1), (0, 2): (1, 8)}
    for i in range(4):
        spans[(1, 2 + 2 * i)] = (1, 2)
    ratings = Table(
        rows,
        [0.16, 0.1] + [0.0925] * 8,
        bold_rows={0, 1, 2},
        align=["left"] + ["center"] * 9,
        spans=spans,
        header_rows=3,
    )
    members = f"{c.total} ({c.official} chính thức, {c.prob} dự bị)"
    out: list[Block] = [
        c.header(colon=True, words=False),
        _title(c, f"Tự đánh giá kết quả thực hiện tiêu chí {c.model} năm {c.year}"),
        left("1. Khái quát", bold=True),
        Para(
            f"{d.unit} trực thuộc {d.parent}; tổng số đảng viên: {members}"
            + (f"; {z2(d.members_excused)} đồng chí được miễn sinh hoạt đảng" if d.members_excused else "")
            + (f"; {d.subordinates.total} chi bộ trực thuộc" if not c.cell else "")
            + "."
        ),
        left("2. Các chỉ số về sinh hoạt và kỷ luật", bold=True),
        Table(indicators, [0.62, 0.38], align=["left", "center"]),
        left("3. Kết quả đánh giá, xếp loại", bold=True),
        ratings,
    ]
    if not c.cell:
        s = d.subordinates
        out.append(
            Para(
                f"Số chi bộ trực thuộc đăng ký xây dựng “chi bộ bốn tốt”: {s.registered_bon_tot}/{s.total}; số chi bộ "
                f"được công nhận “chi bộ bốn tốt”: {s.bon_tot}/{s.total}."
            )
        )
    out += [
        left("4. Hạn chế và phương hướng", bold=True),
        Para(
            "Việc cụ thể hóa nghị quyết ở một số nội dung còn chậm; năm tới tiếp tục đổi mới nội dung sinh hoạt, "
            "nâng cao chất lượng đảng viên."
        ),
        c.signature(_noi_nhan(c)),
    ]
    return out
