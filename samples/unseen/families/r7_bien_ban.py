"""Biên bản kiểm phiếu, round 7: the minutes of a whole year-end meeting where the vote is the last of
four agenda items (others carry their own counts: an admission voted by show of hands, party dues); a
counting sheet with one row per ballot and the totals in words; a note typed on a phone, without
diacritics."""

from __future__ import annotations

from samples.blocks import Block, Para, Sign, SignCol, Table, Title

from .common import RATING_ABBR, RATING_KEYS, VENUES, Ctx, d_slash, d_words, dec, pct, words, z2
from .r4_common import stated_away, stated_voters
from .r7_common import left, plain, sp_thousands, spct


def _counting_board(c: Ctx) -> Sign:
    return Sign(
        right=SignCol(["TRƯỞNG BAN KIỂM PHIẾU"], c.d.counters[0]),
        left=SignCol(["THÀNH VIÊN BAN KIỂM PHIẾU"], c.d.counters[1]),
    )


def _where(c: Ctx) -> str:
    return VENUES[(c.number + 1) % len(VENUES)]


def whole_meeting(c: Ctx) -> list[Block]:
    """BBK-20: "BIÊN BẢN HỘI NGHỊ" of the year-end meeting; the attendance first, then four agenda items:
    the ratings adopted, an admission (or, for a đảng bộ, admissions) voted by show of hands "13/13 … tán
    thành (100%)", party dues "8 640 000 đồng", and last the secret ballot with the counting board's result;
    signed by the chair and the secretary of the meeting."""
    d = c.d
    r = d.ratings
    voters = stated_voters(c)
    away = stated_away(c)
    day = d.dates["bien_ban_kiem_phieu"]
    dues_each = c.rng.choice([30_000, 40_000, 50_000])
    dues = dues_each * 12 * c.total
    if c.cell:
        subject = [
            f"Hội nghị chi bộ tháng {day.month} năm {c.year}",
            f"(Kiểm điểm cuối năm và biểu quyết đề nghị công nhận {c.model})",
        ]
        who = (
            f"Thành phần: tổng số đảng viên của chi bộ {z2(c.total)} đồng chí ({z2(c.official)} chính thức, "
            f"{z2(c.prob)} dự bị)"
            + (f"; miễn sinh hoạt {z2(d.members_excused)} đồng chí" if d.members_excused else "")
            + f". Có mặt {z2(d.members_present)} đồng chí; vắng {z2(away)} đồng chí"
            + (" (có lý do)." if away else ".")
        )
        hands = d.ballots_issued
        item2 = (
            f"Nội dung 2. Xét đề nghị kết nạp quần chúng {c.rng.choice(['Lý Thị Hoa', 'Đặng Văn Sơn'])} vào "
            f"Đảng. Đảng viên chính thức có mặt biểu quyết bằng giơ tay: {hands}/{hands} đồng chí tán thành "
            "(100%)."
        )
        item1 = (
            f"Nội dung 1. Thông qua báo cáo kiểm điểm năm {c.year} và kết quả đánh giá, xếp loại đảng viên: "
            + ", ".join(f"{RATING_ABBR[k]} {z2(r[k])} đồng chí" for k in RATING_KEYS)
            + "."
        )
    else:
        s = d.subordinates
        subject = [
            f"Hội nghị Ban Chấp hành Đảng bộ tháng {day.month} năm {c.year}",
            f"(Kiểm điểm cuối năm và biểu quyết đề nghị công nhận {c.model})",
        ]
        who = (
            f"Thành phần: Ban Chấp hành Đảng bộ có {z2(d.committee_members)} đồng chí; có mặt "
            f"{z2(d.members_present)} đồng chí, vắng {z2(away)} đồng chí"
            + (" (có lý do)" if away else "")
            + f". Đảng bộ hiện có {c.total} đảng viên ({c.official} chính thức, {c.prob} dự bị)."
        )
        hands = d.members_present
        item1 = (
            f"Nội dung 1. Thông qua kết quả đánh giá, xếp loại năm {c.year}: đảng viên "
            + ", ".join(f"{RATING_ABBR[k]} {r[k]}" for k in RATING_KEYS)
            + f"; {z2(s.total)} chi bộ trực thuộc, trong đó HTXSNV {z2(s.xuat_sac)}, HTTNV {z2(s.tot)}, HTNV "
            f"{z2(s.hoan_thanh)}, KHTNV {z2(s.khong_hoan_thanh)}; {z2(s.bon_tot)}/{z2(s.registered_bon_tot)} chi bộ "
            "đăng ký đạt “Chi bộ bốn tốt”."
        )
        item2 = (
            f"Nội dung 2. Xét đề nghị kết nạp 0{c.rng.randint(3, 6)} quần chúng ưu tú vào Đảng. Ban Chấp hành "
            f"biểu quyết bằng giơ tay: {hands}/{hands} đồng chí tán thành (100%)."
        )
    item3 = (
        f"Nội dung 3. Đồng chí phụ trách tài chính báo cáo thu, nộp đảng phí năm {c.year}: tổng thu "
        f"{sp_thousands(dues)} đồng, trích nộp cấp trên {sp_thousands(dues // 2)} đồng (50%)."
    )
    inv = d.ballots_invalid
    entitled = "đảng viên chính thức có quyền biểu quyết" if c.cell else "Ủy viên Ban Chấp hành"
    item4 = (
        f"Nội dung 4. Biểu quyết bằng phiếu kín đề nghị công nhận {c.model} năm {c.year}. Hội nghị cử Ban kiểm "
        f"phiếu gồm đồng chí {d.counters[0]} (Trưởng ban) và đồng chí {d.counters[1]}. Đồng chí Trưởng ban "
        f"kiểm phiếu công bố: số phiếu phát ra {z2(d.ballots_issued)}, số phiếu thu về {z2(d.ballots_returned)}, "
        f"số phiếu hợp lệ {z2(d.ballots_valid)}, số phiếu không hợp lệ {z2(inv)}; số phiếu tán thành "
        f"{z2(d.votes_for)}, bằng {pct(d.votes_for, voters)} tổng số {voters} {entitled}; số phiếu không tán "
        f"thành {z2(d.votes_against)}."
    )
    return [
        c.header(),
        Title("BIÊN BẢN", subject),
        Para(
            f"Thời gian: 08 giờ 00 phút, {d_words(day)}. Địa điểm: {_where(c)}. Chủ trì: đồng chí {d.secretary}, "
            f"Bí thư. Thư ký: đồng chí {d.counters[1]}."
        ),
        Para(who),
        left("NỘI DUNG HỘI NGHỊ", bold=True),
        Para(item1),
        Para(item2),
        Para(item3),
        Para(item4),
        Para(
            "Biên bản kết thúc lúc 11 giờ 00 phút cùng ngày, đã đọc lại cho hội nghị nghe, hội nghị nhất trí "
            "100%."
        ),
        Sign(
            right=SignCol(["CHỦ TRÌ HỘI NGHỊ"], d.secretary),
            left=SignCol(["THƯ KÝ HỘI NGHỊ"], d.counters[1]),
        ),
    ]


def _none(n: int, unit: str = "") -> str:
    """A count in words, "không có" for none: 'hai đồng chí', 'không có'."""
    return "không có" if not n else f"{words(n)} {unit}".strip()


def tally_sheet(c: Ctx) -> list[Block]:
    """BBK-21: the people in words only ("mười tám đồng chí"), then the counting sheet, one row per ballot
    "Phiếu số | Tán thành | Không tán thành | Không hợp lệ" marked "x", a "Cộng" row in digits, and the
    summary lines in words only."""
    d = c.d
    voters = stated_voters(c)
    away = stated_away(c)
    day = d.dates["bien_ban_kiem_phieu"]
    marks = ["for"] * d.votes_for + ["against"] * d.votes_against + ["invalid"] * d.ballots_invalid
    marks += ["blank"] * (d.ballots_returned - len(marks))  # a valid ballot neither way: the fault's
    c.rng.shuffle(marks)
    rows = [["Phiếu số", "Tán thành", "Không tán thành", "Không hợp lệ"]]
    for i, m in enumerate(marks, 1):
        rows.append(
            [
                f"{i:02d}",
                "x" if m == "for" else "",
                "x" if m == "against" else "",
                "x" if m == "invalid" else "",
            ]
        )
    rows.append(["Cộng", str(d.votes_for), str(d.votes_against), str(d.ballots_invalid)])
    if c.cell:
        people = (
            f"Tổng số đảng viên của chi bộ: {words(c.total)} đồng chí, trong đó chính thức {words(c.official)}, "
            f"dự bị {words(c.prob)}"
            + (f"; được miễn sinh hoạt {words(d.members_excused)}" if d.members_excused else "")
            + f". Số đảng viên chính thức có quyền biểu quyết: {words(voters)} đồng chí. Có mặt: "
            f"{words(d.members_present)} đồng chí; vắng: {_none(away, 'đồng chí')}."
        )
    else:
        people = (
            f"Đảng bộ có {c.total} đảng viên ({c.official} chính thức, {c.prob} dự bị). Tổng số Ủy viên Ban "
            f"Chấp hành Đảng bộ: {words(d.committee_members)} đồng chí; có mặt: {words(d.members_present)} "
            f"đồng chí; vắng: {_none(away, 'đồng chí')}."
        )
    summary = (
        f"Tổng hợp: số phiếu phát ra {words(d.ballots_issued)}; số phiếu thu về {words(d.ballots_returned)}; "
        f"số phiếu hợp lệ {words(d.ballots_valid)}; số phiếu không hợp lệ: {_none(d.ballots_invalid)}; số phiếu "
        f"tán thành {words(d.votes_for)}, đạt {pct(d.votes_for, voters)} so với số người có quyền biểu quyết; "
        f"số phiếu không tán thành: {_none(d.votes_against)}."
    )
    return [
        c.header(colon=True),
        Title("BIÊN BẢN KIỂM PHIẾU", [f"Biểu quyết đề nghị công nhận {c.model} năm {c.year}"]),
        Para(
            f"Hôm nay, {d_words(day, pad=False)}, tại {_where(c)}, Ban kiểm phiếu gồm đồng chí {d.counters[0]} "
            f"(Trưởng ban) và đồng chí {d.counters[1]} (thành viên) tiến hành kiểm phiếu biểu quyết của "
            f"{d.unit}."
        ),
        Para(people),
        left("BẢNG KIỂM ĐẾM PHIẾU", bold=True),
        Table(
            rows,
            [0.22, 0.26, 0.26, 0.26],
            bold_rows={0, len(rows) - 1},
            align=["center"] * 4,
            header_rows=1,
        ),
        Para(summary),
        _counting_board(c),
    ]


def phone_note(c: Ctx) -> list[Block]:
    """BBK-22: the printed header and title, then the counting board's lines as typed on a phone without
    diacritics ("- Phieu phat ra: 15"), "DV" for đảng viên, the percent sign set apart ("93,33 %"), the
    shares of those entitled and of the valid ballots."""
    d = c.d
    voters = stated_voters(c)
    away = stated_away(c)
    day = d.dates["bien_ban_kiem_phieu"]
    if c.cell:
        lines = [
            f"- Tong so DV: {z2(c.total)} dong chi (chinh thuc: {z2(c.official)}, du bi: {z2(c.prob)})",
        ]
        if d.members_excused:
            lines.append(f"- DV mien sinh hoat: {z2(d.members_excused)}")
        lines += [
            f"- So DV chinh thuc co quyen bieu quyet: {z2(voters)}",
            f"- Co mat: {z2(d.members_present)} dong chi; vang: {z2(away)}" + (" (co ly do)" if away else ""),
        ]
        base = "so DV chinh thuc co quyen bieu quyet"
    else:
        lines = [
            f"- Dang bo co {c.total} DV (chinh thuc {c.official}, du bi {c.prob})",
            f"- Uy vien BCH Dang bo: {z2(d.committee_members)} dong chi",
            f"- Uy vien co mat: {z2(d.members_present)}; vang: {z2(away)}" + (" (co ly do)" if away else ""),
        ]
        base = "tong so uy vien BCH"
    lines += [
        f"- Phieu phat ra: {z2(d.ballots_issued)}",
        f"- Phieu thu ve: {z2(d.ballots_returned)}",
        f"- Phieu hop le: {z2(d.ballots_valid)}; khong hop le: {z2(d.ballots_invalid)}",
        f"- Tan thanh: {z2(d.votes_for)} phieu = {spct(d.votes_for, voters)} {base}"
        + (f" ({spct(d.votes_for, d.ballots_valid)} so phieu hop le)" if d.ballots_valid != voters else ""),
        f"- Khong tan thanh: {z2(d.votes_against)} phieu = {spct(d.votes_against, voters)}",
    ]
    intro = plain(
        f"Hôm nay {d_slash(day, pad=False)} luc 14h00 tai {_where(c)}, {d.unit} hop bieu quyet de nghi cong "
        f"nhan {'CB' if c.cell else 'DB'} bon tot nam {c.year}. Ban kiem phieu: d/c {d.counters[0]} (truong "
        f"ban), d/c {d.counters[1]}. Ket qua:"
    )
    return [
        c.header(words=False),
        Title("BIÊN BẢN KIỂM PHIẾU", [f"Biểu quyết đề nghị công nhận {c.model} năm {c.year}"]),
        Para(intro, align="left", indent=False),
        *[left(plain(t)) for t in lines],
        left(plain(f"Ket thuc 15h10 cung ngay. Bien ban lap {dec(2)} ban.")),
        _counting_board(c),
    ]
