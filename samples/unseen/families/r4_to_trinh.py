"""Tờ trình, round 4: a two-level outline with abbreviations and next year's targets, a criteria table
under a merged header, and "•" bullets with each figure said in words first."""

from __future__ import annotations

from samples.blocks import Block, Para, Table, Title

from .common import RATING_ABBR, RATING_KEYS, Ctx, criteria_total, d_slash, dec, pct, rating_word, z2
from .r3_common import left
from .r4_common import dc, first_words, stated_voters, targets


def _kinh_gui(c: Ctx) -> Para:
    return Para(f"Kính gửi: {c.d.recipient}.", align="center", indent=False, italic=True)


def _noi_nhan(c: Ctx) -> list[str]:
    return [f"- {c.d.recipient};", "- Đảng ủy viên phụ trách (để biết);", "- Lưu hồ sơ."]


def _dotted(day) -> str:
    return f"{day.day:02d}.{day.month:02d}.{day.year}"


def two_level_outline(c: Ctx) -> list[Block]:
    """TTR-11: headings "1." then "1.1." … in running text; counts in "đ/c"; ratings abbreviated
    (HTXSNV …) with their shares; the vote as "14 /15"; next year's targets in the same words as results."""
    d = c.d
    bb = d.dates["bien_ban_kiem_phieu"]
    r = d.ratings
    rated = sum(r.values())
    out: list[Block] = [
        c.header(colon=True),
        Title("TỜ TRÌNH", [f"Đề nghị xét, công nhận {c.org} đạt {c.model}", f"năm {c.year}"]),
        _kinh_gui(c),
        Para(
            f"Thực hiện hướng dẫn của cấp trên về xây dựng mô hình {c.model}, {d.unit} đã tổ chức tự "
            f"đánh giá, chấm điểm kết quả thực hiện các tiêu chí năm {c.year} và báo cáo như sau:"
        ),
        left("1. ĐẶC ĐIỂM TÌNH HÌNH", bold=True),
    ]
    if c.cell:
        out.append(Para("1.1. Về tổ chức: chi ủy gồm 03 đ/c (bí thư, phó bí thư, chi ủy viên)."))
    else:
        s = d.subordinates
        out.append(
            Para(
                f"1.1. Về tổ chức: Ban Chấp hành Đảng bộ có {dc(d.committee_members)}; Đảng bộ có "
                f"{z2(s.total)} chi bộ trực thuộc."
            )
        )
    prob = dc(c.prob) if c.prob else "không có"
    line = f"1.2. Về đảng viên: tổng số {dc(c.total)}, trong đó: chính thức {dc(c.official)}; dự bị: {prob}"
    if d.members_excused:
        line += f". Số đ/c chính thức được miễn sinh hoạt đảng: {dc(d.members_excused)}"
    out.append(Para(line + "."))
    out.append(left("2. KẾT QUẢ THỰC HIỆN CÁC TIÊU CHÍ", bold=True))
    out.append(
        Para(
            "2.1. Lãnh đạo thực hiện nhiệm vụ chính trị: hoàn thành 10/10 chỉ tiêu chủ yếu của nghị quyết; "
            "các đoàn thể được xếp loại hoàn thành tốt nhiệm vụ trở lên."
        )
    )
    quarter = " (mỗi quý ít nhất 01 kỳ)" if d.thematic_meetings >= 4 else ""
    out.append(
        Para(
            f"2.2. Sinh hoạt đảng: sinh hoạt thường kỳ {d.regular_meetings} kỳ trong năm; sinh hoạt chuyên đề "
            f"{z2(d.thematic_meetings)} kỳ{quarter}; tỷ lệ đảng viên dự sinh hoạt bình quân "
            f"{dec(d.attendance_pct)}%."
        )
    )
    n = d.disciplined_members
    out.append(
        Para(
            "2.3. Đoàn kết, kỷ luật: "
            + (
                "không có đảng viên nào vi phạm phải xem xét, xử lý kỷ luật."
                if not n
                else f"có {dc(n)} bị xử lý kỷ luật bằng hình thức khiển trách."
            )
        )
    )
    parts = []
    for k in RATING_KEYS:
        parts.append(
            f"{RATING_ABBR[k]}: {dc(r[k])} ({pct(r[k], rated)})" if r[k] else f"{RATING_ABBR[k]}: không"
        )
    out.append(Para(f"2.4. Đánh giá, xếp loại đảng viên năm {c.year}: " + "; ".join(parts) + "."))
    if not c.cell:
        s = d.subordinates
        out.append(
            Para(
                f"2.5. Chi bộ trực thuộc: {s.total} chi bộ được đánh giá, xếp loại; HTXSNV: {z2(s.xuat_sac)}, "
                f"HTTNV: {z2(s.tot)}, HTNV: {z2(s.hoan_thanh) if s.hoan_thanh else 'không'}, KHTNV: "
                f"{z2(s.khong_hoan_thanh) if s.khong_hoan_thanh else 'không'}. Số chi bộ được công nhận "
                f"“chi bộ bốn tốt”: {s.bon_tot}/{s.total} chi bộ."
            )
        )
    score, mx = criteria_total(c)
    out.append(Para(f"2.{5 if c.cell else 6}. Tổng điểm tự chấm 04 tiêu chí: {dec(score)}/{dec(mx)} điểm."))
    out.append(left("3. KẾT QUẢ BIỂU QUYẾT", bold=True))
    who = (
        "đảng viên chính thức có quyền biểu quyết" if c.cell else "Ủy viên Ban Chấp hành có quyền biểu quyết"
    )
    out.append(
        Para(
            f"Ngày {d_slash(bb)}, {c.org} biểu quyết bằng phiếu kín: số {who}: {dc(stated_voters(c))}; tán thành "
            f"{d.votes_for} /{stated_voters(c)} ({pct(d.votes_for, stated_voters(c))}); không tán thành: "
            + (dc(d.votes_against) if d.votes_against else "không")
            + "."
        )
    )
    out.append(left(f"4. PHƯƠNG HƯỚNG NĂM {c.year + 1}", bold=True))
    out.append(Para(targets(c, c.year + 1)))
    out.append(Para(f"{d.unit} kính trình {d.recipient} xem xét, công nhận {c.model} năm {c.year}./."))
    out.append(c.signature(_noi_nhan(c)))
    return out


def criteria_table(c: Ctx) -> list[Block]:
    """TTR-12: members as a sum "A chính thức + B dự bị = N"; a table "Tiêu chí | Kết quả thực hiện |
    Điểm" with "Điểm" merged over "Chuẩn" / "Tự chấm" and every result written into its criterion's row."""
    d = c.d
    bb = d.dates["bien_ban_kiem_phieu"]
    r = d.ratings
    rated = sum(r.values())
    k = d.criteria
    if c.cell:
        members = (
            f"{d.unit} trực thuộc {d.parent}. Số lượng đảng viên đến cuối năm {c.year}: {c.official} đảng viên "
            f"chính thức + {c.prob} đảng viên dự bị = {c.total} đảng viên"
            + (f" (có {z2(d.members_excused)} đảng viên được miễn sinh hoạt)" if d.members_excused else "")
            + "."
        )
    else:
        s = d.subordinates
        members = (
            f"{d.unit} có {s.total} chi bộ trực thuộc, Ban Chấp hành {d.committee_members} đồng chí. Số lượng "
            f"đảng viên: {c.official} chính thức + {c.prob} dự bị = {c.total} đảng viên."
        )
    n = d.disciplined_members
    ratings = "; ".join(
        f"{rating_word(c, key).capitalize()}: {z2(r[key]) if r[key] else '0'} ({pct(r[key], rated)})"
        for key in RATING_KEYS
    )
    results = [
        "Lãnh đạo hoàn thành các chỉ tiêu nghị quyết năm; chính quyền, đoàn thể hoàn thành tốt nhiệm vụ.",
        f"Sinh hoạt thường kỳ: {d.regular_meetings} kỳ; sinh hoạt chuyên đề: {z2(d.thematic_meetings)} kỳ; "
        f"tỷ lệ dự sinh hoạt bình quân: {dec(d.attendance_pct)}%.",
        "Nội bộ đoàn kết; số đảng viên bị kỷ luật: " + ("không có." if not n else f"{z2(n)} (khiển trách)."),
        f"Xếp loại {rated} đảng viên: {ratings}.",
    ]
    rows = [
        ["TT", "Tiêu chí", f"Kết quả thực hiện năm {c.year}", "Điểm", ""],
        ["", "", "", "Chuẩn", "Tự chấm"],
    ]
    for i, (crit, text) in enumerate(zip(k, results, strict=True)):
        rows.append([str(i + 1), crit.name, text, dec(crit.max), dec(crit.score)])
    score, mx = criteria_total(c)
    rows.append(["Tổng cộng", "", "", dec(mx), dec(score)])
    last = len(rows) - 1
    table = Table(
        rows,
        [0.06, 0.24, 0.46, 0.11, 0.13],
        bold_rows={0, 1, last},
        align=["center", "left", "left", "center", "center"],
        spans={(0, 0): (2, 1), (0, 1): (2, 1), (0, 2): (2, 1), (0, 3): (1, 2), (last, 0): (1, 3)},
        header_rows=2,
    )
    out: list[Block] = [
        c.header(),
        Title("TỜ TRÌNH", [f"Về việc đề nghị công nhận {c.model} năm {c.year}"]),
        _kinh_gui(c),
        Para(members),
        Para(f"Kết quả tự đánh giá, chấm điểm theo 04 tiêu chí năm {c.year} như sau:"),
        table,
    ]
    if not c.cell:
        s = d.subordinates
        out.append(
            Para(
                f"Đối với các chi bộ trực thuộc ({s.total} chi bộ): hoàn thành xuất sắc nhiệm vụ {z2(s.xuat_sac)}, "
                f"hoàn thành tốt nhiệm vụ {z2(s.tot)}, hoàn thành nhiệm vụ {s.hoan_thanh}, không hoàn thành "
                f"nhiệm vụ {s.khong_hoan_thanh}; được công nhận “chi bộ bốn tốt”: {s.bon_tot} chi bộ."
            )
        )
    base = (
        "tổng số đảng viên chính thức có quyền biểu quyết"
        if c.cell
        else "tổng số Ủy viên Ban Chấp hành Đảng bộ (có quyền biểu quyết)"
    )
    out.append(
        Para(
            f"Tại hội nghị ngày {d_slash(bb, pad=False)}, {base} là {stated_voters(c)} đồng chí; số phiếu tán "
            f"thành {d.votes_for}, chiếm {pct(d.votes_for, stated_voters(c))}; số phiếu không tán thành "
            f"{d.votes_against}."
        )
    )
    out.append(
        Para(f"Kính đề nghị {d.recipient} xem xét, quyết định công nhận {d.unit} đạt {c.model} năm {c.year}.")
    )
    out.append(c.signature(_noi_nhan(c)))
    return out


def word_bullets(c: Ctx) -> list[Block]:
    """TTR-13: "•" bullets under short headings; every count said in words first, "mười tám (18)"; shares
    written "= 16,67%"; last year's figure in the same bullet; dates with dots "10.12.2024"."""
    d = c.d
    bb = d.dates["bien_ban_kiem_phieu"]
    r = d.ratings
    rated = sum(r.values())
    prev = c.total - d.new_members
    out: list[Block] = [
        c.header(pad=False),
        Title("TỜ TRÌNH", [f"V/v đề nghị công nhận {c.org} đạt {c.model} năm {c.year}"]),
        _kinh_gui(c),
        Para(f"{d.unit} kính trình {d.recipient} kết quả thực hiện mô hình {c.model} năm {c.year} như sau:"),
        left("I. KẾT QUẢ ĐẠT ĐƯỢC", bold=True),
    ]
    prob = f"dự bị {first_words(c.prob)}" if c.prob else "không có đảng viên dự bị"
    grew = (
        f"tăng {first_words(d.new_members)} so với năm {c.year - 1} ({prev} đảng viên)"
        if d.new_members
        else f"không thay đổi so với năm {c.year - 1}"
    )
    bullet = f"• Về đảng viên: hiện có {first_words(c.total)} đảng viên, {grew}; chính thức {first_words(c.official)}, {prob}"
    if d.members_excused:
        bullet += f"; {first_words(d.members_excused)} đồng chí chính thức được miễn sinh hoạt"
    out.append(Para(bullet + ".", indent=False))
    if not c.cell:
        s = d.subordinates
        out.append(
            Para(
                f"• Về tổ chức: {first_words(s.total)} chi bộ trực thuộc; Ban Chấp hành Đảng bộ "
                f"{first_words(d.committee_members)} đồng chí.",
                indent=False,
            )
        )
    prev_att = dec(round(d.attendance_pct - 1.4, 1))
    out.append(
        Para(
            f"• Về sinh hoạt: thường kỳ {first_words(d.regular_meetings)} kỳ, chuyên đề "
            f"{first_words(d.thematic_meetings)} kỳ; tỷ lệ đảng viên dự sinh hoạt bình quân năm {c.year} là "
            f"{dec(d.attendance_pct)}%, năm {c.year - 1} là {prev_att}%.",
            indent=False,
        )
    )
    n = d.disciplined_members
    out.append(
        Para(
            "• Về kỷ luật: "
            + (
                "trong năm không có đảng viên nào bị xử lý kỷ luật."
                if not n
                else f"{first_words(n)} đảng viên bị xử lý kỷ luật (khiển trách)."
            ),
            indent=False,
        )
    )
    levels = [
        f"{rating_word(c, key)} {first_words(r[key])} đồng chí = {pct(r[key], rated)}"
        for key in ("xuat_sac", "tot", "hoan_thanh")
        if r[key]
    ]
    if not r["hoan_thanh"]:
        levels.append("không có đồng chí nào chỉ hoàn thành nhiệm vụ")
    levels.append(
        f"{rating_word(c, 'khong_hoan_thanh')} {first_words(r['khong_hoan_thanh'])} đồng chí"
        if r["khong_hoan_thanh"]
        else "không có đồng chí nào không hoàn thành nhiệm vụ"
    )
    out.append(
        Para(f"• Về xếp loại {first_words(rated)} đảng viên: " + "; ".join(levels) + ".", indent=False)
    )
    if not c.cell:
        s = d.subordinates
        out.append(
            Para(
                f"• Về chi bộ trực thuộc: hoàn thành tốt nhiệm vụ trở lên {first_words(s.xuat_sac + s.tot)} chi bộ "
                f"(xuất sắc {first_words(s.xuat_sac)}), hoàn thành nhiệm vụ "
                + (first_words(s.hoan_thanh) if s.hoan_thanh else "không có")
                + ", "
                + (
                    f"không hoàn thành nhiệm vụ {first_words(s.khong_hoan_thanh)}"
                    if s.khong_hoan_thanh
                    else "không có chi bộ nào không hoàn thành nhiệm vụ"
                )
                + f"; đạt “chi bộ bốn tốt” {first_words(s.bon_tot)} chi bộ.",
                indent=False,
            )
        )
    score, mx = criteria_total(c)
    out.append(Para(f"• Về tự chấm điểm: {dec(score)} điểm trên thang điểm {dec(mx)}.", indent=False))
    who = "đảng viên chính thức có quyền biểu quyết" if c.cell else "Ủy viên Ban Chấp hành"
    out.append(
        Para(
            f"• Về biểu quyết ngày {_dotted(bb)}: phát ra {first_words(d.ballots_issued)} phiếu, thu về "
            f"{first_words(d.ballots_returned)} phiếu; tán thành {first_words(d.votes_for)} phiếu = "
            f"{pct(d.votes_for, stated_voters(c))} số {who} ({stated_voters(c)} đồng chí); "
            + (
                f"không tán thành {first_words(d.votes_against)} phiếu."
                if d.votes_against
                else "không có phiếu không tán thành."
            ),
            indent=False,
        )
    )
    out.append(left("II. ĐỀ NGHỊ", bold=True))
    out.append(Para(f"Kính đề nghị {d.recipient} xem xét, công nhận {d.unit} đạt {c.model} năm {c.year}./."))
    out.append(c.signature(_noi_nhan(c)))
    return out
