"""Tờ trình, round 8: a district's short printed form filled in by hand between dots, with a long "Ghi
chú" of other numbers; a letter in Roman-numbered sections whose bold sub-headings carry the figures, the
vote as "14/15 phiếu"; a cover letter whose figures sit in tables headed down their first column, this
year beside last year's, and a numbered list of the enclosed papers with their own numbers."""

from __future__ import annotations

from samples.blocks import Block, Para, Title

from .common import (
    RATING_ABBR,
    RATING_KEYS,
    RATING_WORDS,
    Ctx,
    criteria_total,
    d_slash,
    d_words,
    dec,
    pct,
    words,
    z2,
)
from .r4_common import stated_away, stated_voters
from .r7_common import cap
from .r8_common import blank, first_column_header, left, of


def _title(c: Ctx) -> Title:
    return Title("TỜ TRÌNH", [f"Về việc đề nghị công nhận {c.model} năm {c.year}"])


def _kinh_gui(c: Ctx) -> Para:
    return Para(f"Kính gửi: {c.d.recipient}", bold=True, align="center", indent=False)


def fill_in_form(c: Ctx) -> list[Block]:
    """TTR-23: the district's printed form "MẪU 01" filled in by hand: every value between dots
    ("Tổng số đảng viên: ....18....."), the ratings on one line of blanks, the date of the vote in the same
    style ("ngày ..12.. tháng ..12.. năm 2024"); then a long "Ghi chú" with numbers of its own (pages,
    copies, the form's issue number, a phone number)."""
    d = c.d
    r = d.ratings
    voters = stated_voters(c)
    away = stated_away(c)
    score, mx = criteria_total(c)
    bb = d.dates["bien_ban_kiem_phieu"]
    lines = [
        f"1. Tên tổ chức đảng: {blank(d.unit, 0)}",
        f"2. Tổng số đảng viên: {blank(z2(c.total))} đồng chí; trong đó chính thức: {blank(z2(c.official))}, "
        f"dự bị: {blank(z2(c.prob))}"
        + (f"; miễn sinh hoạt: {blank(z2(d.members_excused))}" if c.cell else ""),
    ]
    if not c.cell:
        s = d.subordinates
        lines.append(
            f"   Số Ủy viên Ban Chấp hành: {blank(z2(d.committee_members))}; số chi bộ trực thuộc: "
            f"{blank(z2(s.total))}"
        )
    lines += [
        f"3. Sinh hoạt thường kỳ: {blank(z2(d.regular_meetings))} kỳ/năm; sinh hoạt chuyên đề: "
        f"{blank(z2(d.thematic_meetings))} kỳ/năm; tỷ lệ đảng viên dự sinh hoạt bình quân: "
        f"{blank(dec(d.attendance_pct))} %",
        f"4. Số đảng viên bị xử lý kỷ luật trong năm: {blank(z2(d.disciplined_members) if d.disciplined_members else 'không')}",
        "5. Xếp loại đảng viên: "
        + "; ".join(f"{RATING_ABBR[k]}: {blank(z2(r[k]) if r[k] else '0', 8)}" for k in RATING_KEYS),
    ]
    n = 6
    if not c.cell:
        s = d.subordinates
        lines.append(
            f"6. Xếp loại chi bộ trực thuộc: HTXSNV {blank(z2(s.xuat_sac), 8)}; HTTNV {blank(z2(s.tot), 8)}; "
            f"HTNV {blank(z2(s.hoan_thanh), 8)}; KHTNV {blank(z2(s.khong_hoan_thanh) if s.khong_hoan_thanh else '0', 8)}; "
            f"chi bộ đăng ký “bốn tốt”: {blank(z2(s.registered_bon_tot), 8)}, đạt: {blank(z2(s.bon_tot), 8)}"
        )
        n = 7
    lines.append(
        f"{n}. Điểm tự đánh giá: "
        + "; ".join(
            f"tiêu chí {i}: {blank(dec(k.score), 8)}/{dec(k.max)}" for i, k in enumerate(d.criteria, 1)
        )
        + f"; tổng: {blank(dec(score), 8)}/{dec(mx)} điểm"
    )
    who = (
        "Số đảng viên chính thức có quyền biểu quyết"
        if c.cell
        else "Số Ủy viên Ban Chấp hành có quyền biểu quyết"
    )
    lines += [
        f"{n + 1}. Biểu quyết ngày {blank(f'{bb.day:02d}', 6)} tháng {blank(f'{bb.month:02d}', 6)} năm {bb.year}: "
        f"{who}: {blank(z2(voters))}; có mặt: {blank(z2(d.members_present))}; vắng: {blank(z2(away) if away else '0')}",
        f"   Phiếu phát ra: {blank(z2(d.ballots_issued))}; thu về: {blank(z2(d.ballots_returned))}; hợp lệ: "
        f"{blank(z2(d.ballots_valid))}; tán thành: {blank(z2(d.votes_for))} "
        f"(= {blank(pct(d.votes_for, voters), 10)} so với số có quyền biểu quyết); không tán thành: "
        f"{blank(z2(d.votes_against) if d.votes_against else '0')}",
    ]
    return [
        left("Mẫu 01-TTr/BT (ban hành kèm theo Hướng dẫn số 05-HD/BTC)", italic=True),
        c.header(words=False),
        _title(c),
        _kinh_gui(c),
        Para(
            f"{cap(c.org)} kính trình cấp trên kết quả thực hiện tiêu chí {c.model} năm {c.year} (ghi số vào chỗ trống):"
        ),
        *[left(t) for t in lines],
        Para(f"Đề nghị {d.recipient} xem xét, công nhận {d.unit} đạt {c.model} năm {c.year}."),
        c.signature(c.recipients()),
        left("Ghi chú:", bold=True),
        left(
            "- Hồ sơ kèm theo gồm 04 loại văn bản (tờ trình, biên bản kiểm phiếu, báo cáo, phiếu tự đánh giá), "
            "mỗi loại 02 bản, tổng cộng 11 trang."
        ),
        left(
            "- Mẫu này thay thế Mẫu 01 ban hành năm 2019; các chỉ tiêu ghi theo kết quả cả năm, tính đến ngày "
            f"30/11/{c.year}."
        ),
        left(
            "- Mọi thắc mắc liên hệ Ban Tổ chức, điện thoại 0209 3 870 215 (gặp đồng chí phụ trách, máy lẻ 12)."
        ),
    ]


def roman_subheadings(c: Ctx) -> list[Block]:
    """TTR-24: sections "I." "II." "III." in capitals; each figure in the bold sub-heading line itself
    ("2. Sinh hoạt thường kỳ: 12/12 kỳ") followed by a plain paragraph with other numbers (the day of the
    month they meet, resolutions); attendance at the vote as "16/18 đồng chí có mặt" and the result as
    "14/15 phiếu tán thành"."""
    d = c.d
    r = d.ratings
    voters = stated_voters(c)
    score, mx = criteria_total(c)
    bb = d.dates["bien_ban_kiem_phieu"]
    expected = c.total - d.members_excused if c.cell else d.committee_members
    out: list[Block] = [c.header(), _title(c), _kinh_gui(c)]
    out.append(left("I. TÌNH HÌNH TỔ CHỨC ĐẢNG", bold=True))
    out.append(
        left(
            f"1. Đảng viên: {z2(c.total)} đồng chí (chính thức {z2(c.official)}, dự bị {z2(c.prob)})"
            + (f", miễn sinh hoạt {z2(d.members_excused)}" if d.members_excused else ""),
            bold=True,
        )
    )
    out.append(
        Para(
            (
                f"Trong năm kết nạp {z2(d.new_members)} đảng viên; "
                if d.new_members
                else "Trong năm chưa kết nạp được đảng viên mới; "
            )
            + "chuyển sinh hoạt đến 01 đồng chí, chuyển đi 01 đồng chí; đảng viên được tặng Huy hiệu 30 năm tuổi "
            "Đảng: 01 đồng chí."
        )
    )
    if not c.cell:
        s = d.subordinates
        out.append(
            left(
                f"2. Ban Chấp hành Đảng bộ: {z2(d.committee_members)} đồng chí; chi bộ trực thuộc: {z2(s.total)}",
                bold=True,
            )
        )
        out.append(Para("Ban Thường vụ Đảng ủy gồm 03 đồng chí; Ủy ban kiểm tra Đảng ủy gồm 05 đồng chí."))
    out.append(left(f"II. KẾT QUẢ THỰC HIỆN TIÊU CHÍ {c.model.upper()}", bold=True))
    out.append(left(f"1. Sinh hoạt thường kỳ: {z2(d.regular_meetings)}/12 kỳ", bold=True))
    out.append(
        Para(
            "Chi bộ sinh hoạt vào ngày 03 hằng tháng; các kỳ sinh hoạt đều có nghị quyết, ghi sổ biên bản đầy "
            "đủ; 100% kỳ sinh hoạt có chi ủy chuẩn bị nội dung trước 02 ngày."
            if c.cell
            else "Đảng ủy sinh hoạt vào ngày 03 hằng tháng; các kỳ đều có nghị quyết, ghi sổ biên bản đầy đủ; "
            "Ban Thường vụ chuẩn bị nội dung trước 02 ngày."
        )
    )
    out.append(left(f"2. Sinh hoạt chuyên đề: {z2(d.thematic_meetings)} kỳ", bold=True))
    out.append(Para("Các chuyên đề bám sát Chỉ thị 05-CT/TW và Nghị quyết 21-NQ/TW, mỗi chuyên đề 01 buổi."))
    out.append(left(f"3. Tỷ lệ đảng viên dự sinh hoạt bình quân: {dec(d.attendance_pct)}%", bold=True))
    out.append(
        left(
            "4. Kỷ luật: "
            + (
                f"{z2(d.disciplined_members)} đảng viên bị kỷ luật khiển trách"
                if d.disciplined_members
                else "không có đảng viên bị kỷ luật"
            ),
            bold=True,
        )
    )
    out.append(left("5. Xếp loại đảng viên cuối năm", bold=True))
    out.append(
        Para(
            "; ".join(f"{cap(RATING_WORDS[k])}: {z2(r[k]) if r[k] else 'không có'}" for k in RATING_KEYS)
            + "."
        )
    )
    k = 6
    if not c.cell:
        s = d.subordinates
        out.append(
            left(
                f"6. Chi bộ trực thuộc đạt “Chi bộ bốn tốt”: {z2(s.bon_tot)}/{z2(s.registered_bon_tot)} chi bộ đăng ký",
                bold=True,
            )
        )
        out.append(
            Para(
                f"Xếp loại {z2(s.total)} chi bộ trực thuộc: hoàn thành xuất sắc nhiệm vụ {z2(s.xuat_sac)}, hoàn "
                f"thành tốt nhiệm vụ {z2(s.tot)}, hoàn thành nhiệm vụ {z2(s.hoan_thanh)}, không hoàn thành nhiệm "
                f"vụ {z2(s.khong_hoan_thanh) if s.khong_hoan_thanh else 'không có'}."
            )
        )
        k = 7
    out.append(left(f"{k}. Tự chấm điểm: {dec(score)}/{dec(mx)} điểm", bold=True))
    out.append(
        Para(
            "Chi tiết: "
            + "; ".join(f"tiêu chí {i} đạt {dec(q.score)}/{dec(q.max)}" for i, q in enumerate(d.criteria, 1))
            + "."
        )
    )
    out.append(left("III. KẾT QUẢ BIỂU QUYẾT", bold=True))
    who = "đảng viên chính thức có quyền biểu quyết" if c.cell else "Ủy viên Ban Chấp hành"
    present = (
        f"{of(d.members_present, expected)} có mặt (không kể {z2(d.members_excused)} đồng chí miễn sinh hoạt)"
        if c.cell and d.members_excused
        else f"{of(d.members_present, expected)} có mặt"
    )
    out.append(
        Para(
            f"Hội nghị ngày {d_slash(bb)}: {present}. Tổng số {who}: {z2(voters)}. Phát ra {z2(d.ballots_issued)} "
            f"phiếu, thu về {z2(d.ballots_returned)} phiếu, {z2(d.ballots_valid)} phiếu hợp lệ. Kết quả: "
            f"{z2(d.votes_for)}/{z2(d.ballots_valid)} phiếu hợp lệ tán thành ({pct(d.votes_for, voters)} tổng số "
            f"{who}), {z2(d.votes_against) if d.votes_against else 'không có'} phiếu không tán thành."
        )
    )
    out += [
        Para(f"{d.unit} kính trình {d.recipient} xem xét, công nhận./."),
        c.signature(c.recipients()),
    ]
    return out


def column_headed_tables(c: Ctx) -> list[Block]:
    """TTR-25: a cover letter with the figures in two tables headed down their first column ("Nội dung |
    Tổng số ĐV | Chính thức | …", then a row "Năm {year}" and a row "Năm {year-1} (để so sánh)"), the vote
    in prose with the date in words, and a numbered list of the enclosed papers carrying their own numbers
    and dates."""
    d = c.d
    r = d.ratings
    voters = stated_voters(c)
    score, mx = criteria_total(c)
    bb = d.dates["bien_ban_kiem_phieu"]
    rng = c.rng
    last_total = c.total - rng.randint(1, 2)
    last_off = c.official - rng.randint(1, 2)
    people = [
        ("Tổng số ĐV", [z2(c.total), z2(last_total)]),
        ("ĐV chính thức", [z2(c.official), z2(last_off)]),
        ("ĐV dự bị", [z2(c.prob), z2(last_total - last_off)]),
    ]
    for k in RATING_KEYS:
        people.append((RATING_ABBR[k], [z2(r[k]) if r[k] else "0", "0" if k == "khong_hoan_thanh" else "–"]))
    meet = [
        ("SH thường kỳ (kỳ)", [z2(d.regular_meetings), "12"]),
        ("SH chuyên đề (kỳ)", [z2(d.thematic_meetings), "04"]),
        ("Dự SH bình quân (%)", [dec(d.attendance_pct), dec(round(d.attendance_pct - 1.3, 2))]),
        ("ĐV bị kỷ luật", [z2(d.disciplined_members) if d.disciplined_members else "0", "0"]),
        ("Tự chấm (điểm)", [f"{dec(score)}/{dec(mx)}", "–"]),
    ]
    head = ["Nội dung", f"Năm {c.year}", f"Năm {c.year - 1} (để so sánh)"]
    out: list[Block] = [
        c.header(colon=True),
        _title(c),
        _kinh_gui(c),
        Para(
            f"Căn cứ kết quả kiểm điểm, đánh giá, xếp loại năm {c.year}, {d.unit} tổng hợp số liệu (kèm số liệu "
            f"năm {c.year - 1} để so sánh) như sau:"
        ),
        left("Bảng 1. Đảng viên và xếp loại đảng viên", bold=True),
        first_column_header(people, head),
        left("Bảng 2. Sinh hoạt, kỷ luật, tự chấm điểm", bold=True),
        first_column_header(meet, head),
    ]
    if not c.cell:
        s = d.subordinates
        out.append(left("Bảng 3. Chi bộ trực thuộc", bold=True))
        out.append(
            first_column_header(
                [
                    ("Tổng số", [z2(s.total), z2(s.total)]),
                    ("HTXSNV", [z2(s.xuat_sac), "–"]),
                    ("HTTNV", [z2(s.tot), "–"]),
                    ("HTNV", [z2(s.hoan_thanh) if s.hoan_thanh else "0", "–"]),
                    ("KHTNV", [z2(s.khong_hoan_thanh) if s.khong_hoan_thanh else "0", "0"]),
                    ("Đăng ký / đạt “bốn tốt”", [f"{z2(s.registered_bon_tot)} / {z2(s.bon_tot)}", "–"]),
                ],
                head,
            )
        )
        out.append(Para(f"Ban Chấp hành Đảng bộ có {z2(d.committee_members)} đồng chí."))
    who = "đảng viên chính thức có quyền biểu quyết" if c.cell else "Ủy viên Ban Chấp hành"
    out.append(
        Para(
            f"Hội nghị {c.org} {d_words(bb)} có {z2(d.members_present)} {'đảng viên' if c.cell else 'Ủy viên'} "
            f"dự; {who}: {z2(voters)} đồng chí. Biểu quyết bằng phiếu kín: phát ra {words(d.ballots_issued)} "
            f"({z2(d.ballots_issued)}) phiếu, thu về {z2(d.ballots_returned)}, hợp lệ {z2(d.ballots_valid)}; tán "
            f"thành {words(d.votes_for)} ({z2(d.votes_for)}) phiếu, đạt {pct(d.votes_for, voters)} so với tổng số "
            f"{who}; "
            + (
                f"không tán thành {z2(d.votes_against)} phiếu."
                if d.votes_against
                else "không có phiếu không tán thành."
            )
        )
    )
    nb = d.numbers
    out += [
        Para("Hồ sơ gửi kèm:", indent=False, align="left"),
        left(f"1. Biên bản kiểm phiếu số {nb['bien_ban_kiem_phieu']:02d}-BB ngày {d_slash(bb)} (02 trang)."),
        left(f"2. Báo cáo số {nb['bao_cao']:02d}-BC ngày {d_slash(d.dates['bao_cao'])} (04 trang)."),
        left(f"3. Phiếu tự đánh giá ngày {d_slash(d.dates['phieu_tu_danh_gia'])} (03 trang)."),
        Para(f"Kính đề nghị {d.recipient} xem xét, công nhận {d.unit} đạt {c.model} năm {c.year}./."),
        c.signature(c.recipients()),
    ]
    return out
