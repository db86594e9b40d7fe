"""Tờ trình đề nghị công nhận, round 2: three more ways districts write the request."""

from __future__ import annotations

import textwrap

from samples.blocks import Block, PageFurniture, Para, Table, Title

from .common import (
    RATING_ABBR,
    RATING_KEYS,
    RATING_WORDS,
    Ctx,
    criteria_total,
    d_slash,
    dec,
    eligible,
    pct,
    with_words,
    z2,
)


def _left(text: str, bold: bool = False) -> Para:
    return Para(text, bold=bold, align="left", indent=False)


def _months(c: Ctx, n: int) -> str:
    """The months the thematic meetings were held in: 'các tháng 3, 6, 9 và 11'."""
    months = sorted(c.rng.sample(range(1, 13), n))
    listed = ", ".join(str(m) for m in months[:-1]) + f" và {months[-1]}"
    return f"các tháng {listed}"


def long_sentences(c: Ctx) -> list[Block]:
    """TTR-5: the figures sit inside long sentences among other numbers (decrees, dates, other percentages)."""
    d = c.d
    bb = d.dates["bien_ban_kiem_phieu"]
    bb_no = f"{d.numbers['bien_ban_kiem_phieu']:02d}-BB/{c.body}"
    goals = c.rng.randint(9, 16)
    beyond = c.rng.randint(2, goals - 5)
    budget = dec(round(c.rng.uniform(100.5, 118.0), 1), 1)
    learning = dec(round(c.rng.uniform(96.0, 100.0), 1), 1)
    r, rated = d.ratings, d.members_rated
    out: list[Block] = [
        c.header(colon=True),
        Title("TỜ TRÌNH", [f"Đề nghị xét, công nhận {c.model} năm {c.year}"]),
        Para(f"Kính gửi: {d.recipient}.", align="center", indent=False),
        Para(
            "Căn cứ Quy định số 124-QĐ/TW ngày 03/10/2023 của Bộ Chính trị về kiểm điểm và đánh giá, xếp loại "
            "chất lượng hằng năm đối với tập thể, cá nhân trong hệ thống chính trị; Hướng dẫn số 25-HD/BTCTW "
            f"ngày 28/10/2024 của Ban Tổ chức Trung ương; Kế hoạch số {c.rng.randint(10, 90)}-KH/ĐU ngày "
            f"{c.rng.randint(10, 28)}/02/{c.year} của cấp ủy cấp trên về xây dựng mô hình {c.model} giai đoạn "
            f"{c.year}–{c.year + 2};"
        ),
        Para(
            f"Căn cứ kết quả kiểm điểm, đánh giá, xếp loại chất lượng năm {c.year} và Biên bản kiểm phiếu số {bb_no} "
            f"ngày {d_slash(bb)} của {c.org},"
        ),
    ]
    if c.cell:
        members = (
            f"{d.unit} hiện có {c.total} đảng viên, trong đó {c.official} đồng chí là đảng viên chính thức và "
            + (f"{z2(c.prob)} đồng chí là đảng viên dự bị" if c.prob else "không có đảng viên dự bị")
            + (f" (kết nạp mới {z2(d.new_members)} đồng chí trong năm)" if d.new_members else "")
        )
    else:
        members = (
            f"{d.unit} có {d.subordinates.total} chi bộ trực thuộc với {c.total} đảng viên, trong đó "
            f"{c.official} đảng viên chính thức, {z2(c.prob)} đảng viên dự bị; Ban Chấp hành Đảng bộ nhiệm kỳ "
            f"2020–2025 gồm {d.committee_members} đồng chí"
        )
    out.append(
        Para(
            f"Năm {c.year}, {members}. Bám sát Nghị quyết Đại hội nhiệm kỳ 2020–2025 và nghị quyết năm, {c.org} đã "
            f"lãnh đạo thực hiện đạt và vượt {goals}/{goals} chỉ tiêu đề ra, trong đó {z2(beyond)} chỉ tiêu vượt "
            f"kế hoạch, thu ngân sách đạt {budget}% dự toán, {learning}% cán bộ, đảng viên tham gia học tập, quán "
            "triệt đầy đủ các nghị quyết, chỉ thị của Đảng."
        )
    )
    out.append(
        Para(
            f"Trong năm, {c.org} duy trì nền nếp sinh hoạt vào ngày {c.rng.choice([3, 5, 10])} hằng tháng, tổ chức "
            f"{z2(d.regular_meetings)} cuộc sinh hoạt thường kỳ và {z2(d.thematic_meetings)} cuộc sinh hoạt chuyên "
            f"đề (vào {_months(c, d.thematic_meetings)}), mỗi buổi có từ {c.rng.randint(5, 7)} đến "
            f"{c.rng.randint(8, 11)} ý kiến phát biểu, thời gian từ 90 đến 120 phút; tỷ lệ đảng viên dự sinh hoạt "
            f"bình quân đạt {dec(d.attendance_pct)}%."
        )
    )
    disc = (
        "không có tổ chức đảng, đảng viên vi phạm phải xử lý kỷ luật"
        if not d.disciplined_members
        else f"có {z2(d.disciplined_members)} đảng viên bị xử lý kỷ luật bằng hình thức khiển trách"
    )
    kh = (
        f"{z2(r['khong_hoan_thanh'])} đồng chí không hoàn thành nhiệm vụ"
        if r["khong_hoan_thanh"]
        else "không có đảng viên không hoàn thành nhiệm vụ"
    )
    out.append(
        Para(
            f"Nội bộ đoàn kết, thống nhất; {disc}. Kết quả đánh giá, xếp loại {rated} đảng viên năm {c.year}: có "
            f"{z2(r['xuat_sac'])} đồng chí hoàn thành xuất sắc nhiệm vụ (chiếm {pct(r['xuat_sac'], rated)}), "
            f"{z2(r['tot'])} đồng chí hoàn thành tốt nhiệm vụ (chiếm {pct(r['tot'], rated)}), "
            f"{z2(r['hoan_thanh'])} đồng chí hoàn thành nhiệm vụ; {kh}."
        )
    )
    if not c.cell:
        s = d.subordinates
        out.append(
            Para(
                f"Trong {s.total} chi bộ trực thuộc có {z2(s.xuat_sac)} chi bộ hoàn thành xuất sắc nhiệm vụ, "
                f"{z2(s.tot)} chi bộ hoàn thành tốt nhiệm vụ, {z2(s.hoan_thanh)} chi bộ hoàn thành nhiệm vụ"
                + (
                    f", {z2(s.khong_hoan_thanh)} chi bộ không hoàn thành nhiệm vụ"
                    if s.khong_hoan_thanh
                    else ""
                )
                + f"; {z2(s.bon_tot)}/{s.registered_bon_tot} chi bộ đăng ký được công nhận “Chi bộ bốn tốt”."
            )
        )
    score, mx = criteria_total(c)
    who = "đảng viên chính thức" if c.cell else "ủy viên Ban Chấp hành"
    out.append(
        Para(
            f"Đối chiếu với 04 tiêu chí, {c.org} tự đánh giá đạt {dec(score)}/{dec(mx)} điểm. Tại hội nghị ngày "
            f"{d_slash(bb)}, có {d.votes_for}/{eligible(c)} {who} biểu quyết tán thành đề nghị công nhận (đạt "
            f"{pct(d.votes_for, eligible(c))})."
        )
    )
    out.append(
        Para(
            f"{'Chi ủy' if c.cell else 'Ban Thường vụ Đảng ủy'} kính trình {d.recipient} xem xét, công nhận "
            f"{d.unit} đạt {c.model} năm {c.year}./."
        )
    )
    out.append(c.signature(c.recipients()))
    return out


def _hard_wrap(c: Ctx, text: str, first: str = "") -> list[Block]:
    """One paragraph as the lines of a PDF copied into Word: each line its own paragraph, cut mid-phrase."""
    width = c.rng.randint(50, 58)
    lines = textwrap.wrap(first + text, width=width, break_long_words=False)
    return [_left(ln) for ln in lines]


def wrapped_lines(c: Ctx) -> list[Block]:
    """TTR-6: a letter converted from PDF: every line a paragraph of its own, phrases cut at line ends; "đ/c"."""
    d = c.d
    r = d.ratings
    bb = d.dates["bien_ban_kiem_phieu"]
    out: list[Block] = [
        c.header(words=False),
        Title("TỜ TRÌNH", ["V/v đề nghị xét, công nhận danh hiệu " + c.model + f" năm {c.year}"]),
        Para(f"Kính gửi: {d.recipient}", align="center", indent=False),
    ]
    paras = [
        f"Thực hiện hướng dẫn của cấp trên về việc xét, công nhận {c.model} năm {c.year}, "
        f"{d.unit} báo cáo kết quả và đề nghị như sau:",
        "I. KẾT QUẢ THỰC HIỆN",
    ]
    if c.cell:
        paras.append(
            f"1. Số lượng đảng viên: chi bộ có tổng số {c.total} đ/c, trong đó đảng viên chính thức "
            f"{c.official} đ/c, đảng viên dự bị {z2(c.prob)} đ/c"
            + (f"; miễn sinh hoạt {z2(d.members_excused)} đ/c" if d.members_excused else "")
            + "."
        )
    else:
        paras.append(
            f"1. Tổ chức và đảng viên: Đảng bộ có {d.subordinates.total} chi bộ trực thuộc, tổng số "
            f"{c.total} đảng viên (chính thức {c.official} đ/c, dự bị {z2(c.prob)} đ/c)."
        )
    paras.append(
        f"2. Sinh hoạt: duy trì sinh hoạt thường kỳ {z2(d.regular_meetings)} kỳ, sinh hoạt chuyên đề "
        f"{z2(d.thematic_meetings)} kỳ; đảng viên dự sinh hoạt bình quân {dec(d.attendance_pct)}%."
    )
    kh = f"KHTNV {z2(r['khong_hoan_thanh'])} đ/c" if r["khong_hoan_thanh"] else "không có đ/c KHTNV"
    paras.append(
        f"3. Đánh giá, xếp loại đảng viên năm {c.year}: HTXSNV {z2(r['xuat_sac'])} đ/c; HTTNV "
        f"{z2(r['tot'])} đ/c; HTNV {z2(r['hoan_thanh'])} đ/c; {kh}."
    )
    paras.append(
        "4. Kỷ luật: "
        + (
            f"có {z2(d.disciplined_members)} đ/c bị kỷ luật (khiển trách)."
            if d.disciplined_members
            else "trong năm không có đ/c nào vi phạm phải xử lý kỷ luật."
        )
    )
    if not c.cell:
        s = d.subordinates
        paras.append(
            f"5. Chi bộ trực thuộc: {s.total} chi bộ; HTXSNV {z2(s.xuat_sac)}, HTTNV {z2(s.tot)}, HTNV "
            f"{z2(s.hoan_thanh)}, KHTNV {z2(s.khong_hoan_thanh) if s.khong_hoan_thanh else 'không'}; "
            f"được công nhận chi bộ bốn tốt {z2(s.bon_tot)}/{s.total} chi bộ."
        )
    score, mx = criteria_total(c)
    paras.append(f"Tự chấm điểm theo 04 tiêu chí: {dec(score)} điểm/{dec(mx)} điểm.")
    who = "đảng viên chính thức" if c.cell else "ủy viên BCH Đảng bộ"
    paras += [
        "II. KẾT QUẢ BIỂU QUYẾT",
        f"Ngày {d_slash(bb)}, {c.org} tổ chức biểu quyết đề nghị công nhận, kết quả: {d.votes_for}/"
        f"{eligible(c)} đ/c {who} tán thành, tỷ lệ {pct(d.votes_for, eligible(c))}; không tán thành "
        f"{z2(d.votes_against) if d.votes_against else '0'} đ/c.",
        "III. ĐỀ NGHỊ",
        f"Kính đề nghị {d.recipient} xem xét, công nhận {d.unit} đạt {c.model} năm {c.year}.",
    ]
    for text in paras:
        if text.startswith(("I.", "II.", "III.")):
            out.append(_left(text, bold=True))
        else:
            out += _hard_wrap(c, text)
    out.append(c.signature(c.recipients()))
    return out


def words_and_table(c: Ctx) -> list[Block]:
    """TTR-7: counts with words beside them ("15 (mười lăm)"), ratings as a "Mức xếp loại | Số lượng | Tỷ lệ"
    table, page numbers in the footer."""
    d = c.d
    r, rated = d.ratings, d.members_rated
    bb = d.dates["bien_ban_kiem_phieu"]
    out: list[Block] = [
        PageFurniture(footer="Trang {page}"),
        c.header(),
        Title("TỜ TRÌNH", [f"Đề nghị công nhận {c.model} năm {c.year}"]),
        Para(f"Kính gửi: {d.recipient}", align="center", indent=False),
        Para(
            f"{d.unit} kính trình {d.recipient} kết quả thực hiện các tiêu chí {c.model} năm {c.year} như sau:"
        ),
        _left("1. Về tổ chức, đảng viên", bold=True),
    ]
    line = (
        f"Tổng số đảng viên: {with_words(c.total)} đồng chí; trong đó đảng viên chính thức {with_words(c.official)} "
        f"đồng chí, đảng viên dự bị {with_words(c.prob) if c.prob else '0 (không)'} đồng chí."
    )
    if not c.cell:
        line += f" Số chi bộ trực thuộc: {with_words(d.subordinates.total)} chi bộ."
    out.append(Para(line))
    out.append(_left("2. Về sinh hoạt đảng", bold=True))
    out.append(
        Para(
            f"Sinh hoạt thường kỳ: {with_words(d.regular_meetings)} cuộc; sinh hoạt chuyên đề: "
            f"{with_words(d.thematic_meetings)} cuộc; tỷ lệ đảng viên tham dự sinh hoạt bình quân "
            f"{dec(d.attendance_pct)}%."
        )
    )
    n = d.disciplined_members
    out.append(
        Para(
            "Số đảng viên bị xử lý kỷ luật trong năm: "
            + (f"{with_words(n)} đồng chí (khiển trách)." if n else "0 (không).")
        )
    )
    out.append(_left(f"3. Kết quả đánh giá, xếp loại đảng viên năm {c.year}", bold=True))
    rows = [["Mức xếp loại", "Số lượng", "Tỷ lệ"]]
    for k in RATING_KEYS:
        rows.append(
            [RATING_WORDS[k][0].upper() + RATING_WORDS[k][1:], z2(r[k]) if r[k] else "0", pct(r[k], rated)]
        )
    out.append(Table(rows, [0.56, 0.2, 0.24], align=["left", "center", "center"]))
    if not c.cell:
        s = d.subordinates
        out.append(
            Para(
                f"Chi bộ trực thuộc: {RATING_ABBR['xuat_sac']} {z2(s.xuat_sac)}, {RATING_ABBR['tot']} {z2(s.tot)}, "
                f"{RATING_ABBR['hoan_thanh']} {z2(s.hoan_thanh)}, {RATING_ABBR['khong_hoan_thanh']} "
                f"{z2(s.khong_hoan_thanh) if s.khong_hoan_thanh else '0'}; {with_words(s.bon_tot)} chi bộ đạt "
                "“Chi bộ bốn tốt”."
            )
        )
    score, mx = criteria_total(c)
    out.append(_left("4. Tự đánh giá và biểu quyết", bold=True))
    who = "đảng viên chính thức" if c.cell else "đồng chí ủy viên Ban Chấp hành"
    out.append(
        Para(
            f"Tổng điểm tự đánh giá: {dec(score)}/{dec(mx)} điểm. Kết quả biểu quyết ngày {d_slash(bb)}: "
            f"{with_words(d.votes_for)} trên tổng số {with_words(eligible(c))} {who} tán thành "
            f"({pct(d.votes_for, eligible(c))}), "
            + (
                f"{with_words(d.votes_against)} không tán thành."
                if d.votes_against
                else "không có ý kiến không tán thành."
            )
        )
    )
    out.append(Para(f"Kính đề nghị {d.recipient} xem xét, công nhận {d.unit} đạt {c.model} năm {c.year}."))
    out.append(c.signature(c.recipients()))
    return out
