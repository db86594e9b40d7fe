"""Tờ trình, round 7: a short letter whose counts are said in words only and whose terms are the clerk's
abbreviations; a letter carrying other requests (a commendation, a member's transfer, funds) with shares
on two bases; a district's checklist printing each recognition threshold beside the unit's own figure."""

from __future__ import annotations

from samples.blocks import Block, Para, Table, Title

from .common import RATING_ABBR, RATING_KEYS, Ctx, criteria_total, d_slash, dec, pct, words, z2
from .r4_common import stated_away, stated_voters
from .r7_common import cap, left, sp_thousands, spct


def _title(c: Ctx) -> Title:
    return Title("TỜ TRÌNH", [f"V/v đề nghị công nhận {c.model} năm {c.year}"])


def _kinh_gui(c: Ctx) -> Para:
    return Para(f"Kính gửi: {c.d.recipient}", bold=True, align="center", indent=False)


def words_and_abbreviations(c: Ctx) -> list[Block]:
    """TTR-20: counts of members, meetings and votes said in words only ("mười hai kỳ SHTK"), the terms
    abbreviated after their first use (ĐV, SHTK, SHCĐ, BCH, CBTT), scores as "TC1: 24,5/25 đ", the percent
    sign set apart ("93,33 %")."""
    d = c.d
    r = d.ratings
    voters = stated_voters(c)
    score, mx = criteria_total(c)
    org = "CB" if c.cell else "ĐB"
    if c.cell:
        members = (
            f"1. Về tổ chức: {org} hiện có {words(c.total)} đảng viên (ĐV), gồm {words(c.official)} ĐV chính "
            f"thức và {words(c.prob)} ĐV dự bị"
            + (f"; {words(d.members_excused)} ĐV được miễn sinh hoạt" if d.members_excused else "")
            + "."
        )
    else:
        s = d.subordinates
        members = (
            f"1. Về tổ chức: {org} hiện có {words(c.total)} đảng viên (ĐV), gồm {words(c.official)} ĐV chính "
            f"thức và {words(c.prob)} ĐV dự bị, sinh hoạt ở {words(s.total)} chi bộ trực thuộc (CBTT);"
            f" Ban Chấp hành (BCH) Đảng bộ có {words(d.committee_members)} đồng chí."
        )
    meet = (
        f"2. Về sinh hoạt: trong năm {org} tổ chức {words(d.regular_meetings)} kỳ sinh hoạt thường kỳ (SHTK) "
        f"và {words(d.thematic_meetings)} kỳ sinh hoạt chuyên đề (SHCĐ); tỷ lệ ĐV dự SHTK bình quân đạt "
        f"{dec(d.attendance_pct)} %."
    )
    disc = "3. Về kỷ luật: " + (
        "không có ĐV bị xử lý kỷ luật."
        if not d.disciplined_members
        else f"có {words(d.disciplined_members)} ĐV bị xử lý kỷ luật bằng hình thức khiển trách."
    )
    rate = (
        "4. Về xếp loại ĐV: "
        + "; ".join(f"{RATING_ABBR[k]}: {z2(r[k]) + ' ĐV' if r[k] else 'không'}" for k in RATING_KEYS)
        + "."
    )
    out: list[Block] = [c.header(), _title(c), _kinh_gui(c)]
    out.append(
        Para(
            f"Căn cứ kết quả kiểm điểm, đánh giá, xếp loại chất lượng tổ chức đảng và ĐV năm {c.year}, "
            f"{d.unit} tóm tắt kết quả thực hiện các tiêu chí {c.model} như sau:"
        )
    )
    out += [Para(members), Para(meet), Para(disc), Para(rate)]
    n = 5
    if not c.cell:
        s = d.subordinates
        out.append(
            Para(
                f"5. Về CBTT: HTXSNV {z2(s.xuat_sac)}, HTTNV {z2(s.tot)}, HTNV {z2(s.hoan_thanh)}, "
                f"KHTNV {z2(s.khong_hoan_thanh)}; có {words(s.registered_bon_tot)} chi bộ đăng ký, "
                f"{words(s.bon_tot)} chi bộ đạt “Chi bộ bốn tốt”."
            )
        )
        n = 6
    out.append(
        Para(
            f"{n}. Tự chấm điểm: "
            + "; ".join(f"TC{i}: {dec(k.score)}/{dec(k.max)} đ" for i, k in enumerate(d.criteria, 1))
            + f"; cộng {dec(score)}/{dec(mx)} đ."
        )
    )
    against = (
        f"{words(d.votes_against)} phiếu không tán thành"
        if d.votes_against
        else "không có phiếu không tán thành"
    )
    who = "ĐV chính thức có quyền biểu quyết" if c.cell else "Ủy viên BCH"
    out.append(
        Para(
            f"{n + 1}. Kết quả biểu quyết (biên bản kiểm phiếu ngày {d_slash(d.dates['bien_ban_kiem_phieu'])}): "
            f"tổng số {who} là {words(voters)} đồng chí; phát ra {words(d.ballots_issued)} phiếu, thu về "
            f"{words(d.ballots_returned)} phiếu, hợp lệ {words(d.ballots_valid)} phiếu; có {words(d.votes_for)} "
            f"phiếu tán thành, đạt {spct(d.votes_for, voters)} so với tổng số {who}; {against}."
        )
    )
    out += [
        Para(f"{d.unit} kính đề nghị {d.recipient} xem xét, công nhận {org} đạt {c.model} năm {c.year}./."),
        c.signature(c.recipients()),
    ]
    return out


_OTHER_NAMES = ("Bùi Thị Ngọc Lan", "Hà Văn Thắng", "Sầm Thị Mai", "Lò Văn Pánh", "Đoàn Minh Tú")


def with_other_requests(c: Ctx) -> list[Block]:
    """TTR-21: a letter in two parts, "I. ĐỀ NGHỊ CÔNG NHẬN" and "II. CÁC ĐỀ NGHỊ KHÁC" (members to commend
    for five years running, a probationary member's transfer, funds "5 000 000 đồng"); ratings as shares
    first with the counts in brackets; the vote's share of the ballots issued and of those entitled."""
    d = c.d
    r = d.ratings
    voters = stated_voters(c)
    score, mx = criteria_total(c)
    bb = d.dates["bien_ban_kiem_phieu"]
    share = "; ".join(
        f"{RATING_ABBR[k]} chiếm {spct(r[k], sum(r.values()))} ({z2(r[k])} đ/c)" for k in RATING_KEYS
    )
    part1 = [
        Para(
            f"1. {cap(c.org)} có {z2(c.total)} đảng viên ({z2(c.official)} chính thức, {z2(c.prob)} dự bị)"
            + (f"; Ban Chấp hành Đảng bộ có {z2(d.committee_members)} đồng chí" if not c.cell else "")
            + f". Kết quả đánh giá, xếp loại đảng viên năm {c.year}: {share}."
        ),
        Para(
            f"2. Duy trì sinh hoạt thường kỳ {d.regular_meetings} kỳ, sinh hoạt chuyên đề {z2(d.thematic_meetings)} "
            f"kỳ; tỷ lệ đảng viên dự sinh hoạt bình quân {dec(d.attendance_pct)}%. "
            + (
                "Không có đảng viên vi phạm phải xử lý kỷ luật."
                if not d.disciplined_members
                else f"Có {z2(d.disciplined_members)} đảng viên bị kỷ luật khiển trách trong năm."
            )
        ),
        Para(
            f"3. Tự chấm điểm đạt {dec(score)}/{dec(mx)} điểm, trong đó "
            + ", ".join(f"tiêu chí {i} đạt {dec(k.score)}/{dec(k.max)}" for i, k in enumerate(d.criteria, 1))
            + "."
        ),
    ]
    if not c.cell:
        s = d.subordinates
        part1.append(
            Para(
                f"4. Chi bộ trực thuộc: {z2(s.total)} chi bộ; xếp loại: xuất sắc {z2(s.xuat_sac)}, tốt {z2(s.tot)}, "
                f"hoàn thành {z2(s.hoan_thanh)}, không hoàn thành {z2(s.khong_hoan_thanh)}; {z2(s.bon_tot)} trên "
                f"{z2(s.registered_bon_tot)} chi bộ đăng ký đạt “Chi bộ bốn tốt”."
            )
        )
    who = "đảng viên chính thức có quyền biểu quyết" if c.cell else "Ủy viên Ban Chấp hành"
    part1.append(
        Para(
            f"{len(part1) + 1}. Ngày {d_slash(bb)}, {c.org} biểu quyết bằng phiếu kín: phát ra {z2(d.ballots_issued)} "
            f"phiếu, thu về {z2(d.ballots_returned)}, hợp lệ {z2(d.ballots_valid)}; tán thành {z2(d.votes_for)} "
            f"phiếu, bằng {pct(d.votes_for, d.ballots_issued)} số phiếu phát ra và {pct(d.votes_for, voters)} so "
            f"với tổng số {voters} {who}; không tán thành {z2(d.votes_against)} phiếu."
        )
    )
    commend = min(2, r["xuat_sac"]) if c.cell else min(2, d.subordinates.xuat_sac)
    names = c.rng.sample(_OTHER_NAMES, 2)
    part2 = []
    if commend:
        who2 = (
            "đảng viên: đồng chí " + " và đồng chí ".join(names[:commend])
            if c.cell
            else "chi bộ trực thuộc có thành tích tiêu biểu"
        )
        part2.append(
            f"Đề nghị tặng Giấy khen cho {z2(commend)} {who2}, hoàn thành xuất sắc nhiệm vụ 05 năm liền "
            f"({c.year - 4}–{c.year})."
        )
    if c.prob:
        part2.append(
            f"Đề nghị xét công nhận đảng viên chính thức cho 01 đảng viên dự bị, hết thời hạn dự bị ngày "
            f"{c.rng.randint(5, 28):02d}/01/{c.year + 1}."
        )
    part2.append(
        f"Đề nghị hỗ trợ kinh phí hoạt động của {c.org} năm {c.year + 1}: {sp_thousands(5_000_000)} đồng "
        f"(năm {c.year}: {sp_thousands(3_500_000)} đồng)."
    )
    return [
        c.header(colon=True),
        _title(c),
        _kinh_gui(c),
        Para(
            f"Thực hiện Hướng dẫn của cấp ủy cấp trên về đánh giá, công nhận {c.model}, {d.unit} kính trình "
            f"như sau:"
        ),
        left(f"I. ĐỀ NGHỊ CÔNG NHẬN {c.org.upper()} “BỐN TỐT” NĂM {c.year}", bold=True),
        *part1,
        left("II. CÁC ĐỀ NGHỊ KHÁC", bold=True),
        *[Para(f"{i}. {t}") for i, t in enumerate(part2, 1)],
        Para(f"Kính trình {d.recipient} xem xét, quyết định./."),
        c.signature(c.recipients()),
    ]


def _ok(flag: bool) -> str:
    return "Đạt" if flag else "Chưa đạt"


def threshold_checklist(c: Ctx) -> list[Block]:
    """TTR-22: the district's checklist "Tiêu chuẩn | Yêu cầu | Thực tế của chi bộ | Kết luận": each
    threshold (≥ 23,75/25 điểm, 12 kỳ, ít nhất 04 kỳ, trên 85 %, trên 50 %) printed beside the unit's own
    figure; the members only in the opening sentence, in words."""
    d = c.d
    r = d.ratings
    voters = stated_voters(c)
    away = stated_away(c)
    total_r = sum(r.values())
    good = r["xuat_sac"] + r["tot"]
    rows = [["Tiêu chuẩn", "Yêu cầu", f"Thực tế của {c.org}", "Kết luận"]]
    for i, k in enumerate(d.criteria, 1):
        rows.append(
            [
                f"Tiêu chí {i}: {k.name}",
                f"≥ 95 % điểm chuẩn (≥ {dec(0.95 * k.max)}/{dec(k.max)} điểm)",
                f"{dec(k.score)}/{dec(k.max)} điểm ({spct(k.score, k.max)})",
                _ok(k.score >= 0.95 * k.max),
            ]
        )
    rows += [
        ["Sinh hoạt thường kỳ", "12 kỳ/năm", f"{z2(d.regular_meetings)} kỳ", _ok(d.regular_meetings >= 12)],
        [
            "Sinh hoạt chuyên đề",
            "Ít nhất 04 kỳ/năm (mỗi quý 01 kỳ)",
            f"{z2(d.thematic_meetings)} kỳ",
            _ok(d.thematic_meetings >= 4),
        ],
        [
            "Tỷ lệ đảng viên dự sinh hoạt bình quân",
            "Trên 85 %",
            f"{dec(d.attendance_pct)} %",
            _ok(d.attendance_pct > 85),
        ],
        [
            "Xếp loại đảng viên",
            "100 % HTNV trở lên; từ 80 % HTTNV trở lên",
            ", ".join(f"{RATING_ABBR[k]} {z2(r[k])}" for k in RATING_KEYS)
            + f" (HTTNV trở lên {spct(good, total_r)})",
            _ok(r["khong_hoan_thanh"] == 0 and good >= 0.8 * total_r),
        ],
        [
            "Kỷ luật",
            "Không có tổ chức đảng, đảng viên bị kỷ luật",
            "Không có"
            if not d.disciplined_members
            else f"{z2(d.disciplined_members)} đảng viên bị khiển trách",
            _ok(not d.disciplined_members),
        ],
    ]
    if not c.cell:
        s = d.subordinates
        rows += [
            [
                "Xếp loại chi bộ trực thuộc",
                "100 % HTNV trở lên; từ 80 % HTTNV trở lên",
                f"{z2(s.total)} chi bộ: HTXSNV {z2(s.xuat_sac)}, HTTNV {z2(s.tot)}, HTNV {z2(s.hoan_thanh)}, "
                f"KHTNV {z2(s.khong_hoan_thanh)}",
                _ok(s.khong_hoan_thanh == 0 and s.xuat_sac + s.tot >= 0.8 * s.total),
            ],
            [
                "Chi bộ trực thuộc đạt “bốn tốt”",
                "≥ 90 % số chi bộ đăng ký",
                f"{z2(s.bon_tot)}/{z2(s.registered_bon_tot)} chi bộ ({spct(s.bon_tot, s.registered_bon_tot)})",
                _ok(s.bon_tot >= 0.9 * s.registered_bon_tot),
            ],
        ]
    who = "đảng viên chính thức có quyền biểu quyết" if c.cell else "Ủy viên Ban Chấp hành"
    rows.append(
        [
            "Biểu quyết đề nghị công nhận",
            f"Trên 50 % tổng số {who} tán thành",
            f"{cap(who)}: {z2(voters)}; có mặt {z2(d.members_present)}, vắng {z2(away)}; phiếu phát ra "
            f"{z2(d.ballots_issued)}, thu về {z2(d.ballots_returned)}, hợp lệ {z2(d.ballots_valid)}; tán thành "
            f"{z2(d.votes_for)} ({spct(d.votes_for, voters)}), không tán thành {z2(d.votes_against)}",
            _ok(2 * d.votes_for > voters),
        ]
    )
    if c.cell:
        intro = (
            f"{d.unit} hiện có {words(c.total)} đảng viên, gồm {words(c.official)} đảng viên chính thức và "
            f"{words(c.prob)} đảng viên dự bị"
            + (f" ({words(d.members_excused)} đồng chí được miễn sinh hoạt)" if d.members_excused else "")
            + "."
        )
    else:
        intro = (
            f"{d.unit} hiện có {words(c.total)} đảng viên, gồm {words(c.official)} đảng viên chính thức và "
            f"{words(c.prob)} đảng viên dự bị; Ban Chấp hành Đảng bộ có {words(d.committee_members)} đồng chí."
        )
    return [
        c.header(pad=False),
        _title(c),
        _kinh_gui(c),
        Para(intro),
        Para(
            f"Đối chiếu với tiêu chuẩn công nhận {c.model} theo hướng dẫn của cấp trên, kết quả năm {c.year} "
            f"của {c.org} như sau:"
        ),
        Table(rows, [0.27, 0.25, 0.35, 0.13], align=["left", "left", "left", "center"]),
        Para(f"Kính đề nghị {d.recipient} thẩm định, công nhận {d.unit} đạt {c.model} năm {c.year}."),
        c.signature(c.recipients()),
    ]
