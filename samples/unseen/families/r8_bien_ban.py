"""Biên bản kiểm phiếu, round 8: minutes of two secret ballots at one meeting, each with its own counts;
minutes that quote the counting board's own report word for word, beside the ballots printed and those
left over; minutes set in two columns ("Thành phần" | "Kết quả"), counts as fractions of those expected."""

from __future__ import annotations

from samples.blocks import Block, Para, Sign, SignCol, Title

from .common import VENUES, Ctx, d_words, pct, words, z2
from .r4_common import stated_away, stated_voters
from .r8_common import left, of, two_columns


def _board(c: Ctx) -> Sign:
    return Sign(
        right=SignCol(["TM. BAN KIỂM PHIẾU", "TRƯỞNG BAN"], c.d.counters[0]),
        left=SignCol(["THƯ KÝ"], c.d.counters[1]),
    )


def _where(c: Ctx) -> str:
    return VENUES[(c.number + 3) % len(VENUES)]


def _expected(c: Ctx) -> int:
    """Who was expected at the vote: the members less the excused (a cell), the committee (a đảng bộ)."""
    return c.total - c.d.members_excused if c.cell else c.d.committee_members


def _mixed(n: int) -> str:
    """'mười bốn (14)', 'không (0)'."""
    return f"{words(n)} ({z2(n) if n else '0'})"


def two_ballots(c: Ctx) -> list[Block]:
    """BBK-23: one meeting, two secret ballots: "Lần thứ nhất" on the proposal, "Lần thứ hai" on proposing a
    member for the district's commendation, each with its own issued/valid/for/against in mixed style
    ("mười bốn (14)"); presence as "16/18 đồng chí có mặt"."""
    d = c.d
    voters = stated_voters(c)
    away = stated_away(c)
    day = d.dates["bien_ban_kiem_phieu"]
    exp = _expected(c)
    who = "đảng viên chính thức" if c.cell else "Ủy viên Ban Chấp hành"
    if c.cell:
        people = (
            f"Tổng số đảng viên: {z2(c.total)} đồng chí ({z2(c.official)} chính thức, {z2(c.prob)} dự bị)"
            + (f"; {z2(d.members_excused)} đồng chí được miễn sinh hoạt" if d.members_excused else "")
            + f". Dự hội nghị: {of(d.members_present, exp)} có mặt"
            + (f", vắng {z2(away)} (có lý do)." if away else ".")
            + f" Số đảng viên chính thức có quyền biểu quyết: {z2(voters)} đồng chí."
        )
    else:
        people = (
            f"Đảng bộ có {c.total} đảng viên ({c.official} chính thức, {c.prob} dự bị). Ban Chấp hành Đảng bộ: "
            f"{of(d.members_present, exp)} có mặt" + (f", vắng {z2(away)} (có lý do)." if away else ".")
        )
    second_issued = d.ballots_issued
    second_for = max(1, d.ballots_valid - c.rng.randint(1, 2))
    return [
        c.header(),
        Title("BIÊN BẢN KIỂM PHIẾU", [f"Hội nghị {c.org} cuối năm {c.year}"]),
        Para(
            f"Vào lúc 14 giờ 00, {d_words(day)}, tại {_where(c)}, {d.unit} tổ chức hội nghị, bỏ phiếu kín hai nội dung."
        ),
        Para(people),
        Para(
            f"Ban kiểm phiếu gồm: đồng chí {d.counters[0]} – Trưởng ban; đồng chí {d.counters[1]} – Thư ký. "
            "Ban kiểm phiếu đã kiểm tra thùng phiếu, phát phiếu và kiểm phiếu từng lần như sau:"
        ),
        left(f"LẦN THỨ NHẤT – Biểu quyết đề nghị công nhận {c.model} năm {c.year}", bold=True),
        left(
            f"- Số phiếu phát ra: {_mixed(d.ballots_issued)} phiếu; số phiếu thu vào: {_mixed(d.ballots_returned)} phiếu."
        ),
        left(
            f"- Số phiếu hợp lệ: {_mixed(d.ballots_valid)} phiếu; số phiếu không hợp lệ: {_mixed(d.ballots_invalid)} phiếu."
        ),
        left(
            f"- Tán thành: {_mixed(d.votes_for)} phiếu, bằng {pct(d.votes_for, voters)} tổng số {who} có quyền biểu "
            f"quyết ({z2(voters)})."
        ),
        left(f"- Không tán thành: {_mixed(d.votes_against)} phiếu."),
        left(
            f"LẦN THỨ HAI – Đề nghị Huyện ủy tặng Giấy khen đảng viên tiêu biểu cho đồng chí {d.secretary}",
            bold=True,
        ),
        left(
            f"- Số phiếu phát ra: {_mixed(second_issued)}; hợp lệ: {_mixed(second_issued)}; tán thành: "
            f"{_mixed(second_for)} phiếu; không tán thành: {_mixed(second_issued - second_for)} phiếu."
        ),
        Para(
            "Ban kiểm phiếu đã niêm phong phiếu bầu của cả hai lần và bàn giao cho Văn phòng lưu trữ. Biên bản lập "
            "xong lúc 15 giờ 20 phút cùng ngày."
        ),
        _board(c),
    ]


def quoted_report(c: Ctx) -> list[Block]:
    """BBK-24: the meeting's minutes quoting the counting board's report between quotation marks ("Báo cáo
    của Ban kiểm phiếu: «…»"), the ballots printed and left over (destroyed) told before those issued, and a
    "Ghi chú" with times, seals and copies."""
    d = c.d
    voters = stated_voters(c)
    away = stated_away(c)
    day = d.dates["bien_ban_kiem_phieu"]
    printed = d.ballots_issued + c.rng.choice([3, 5, 6])
    who = (
        "đảng viên chính thức có quyền biểu quyết" if c.cell else "Ủy viên Ban Chấp hành có quyền biểu quyết"
    )
    if c.cell:
        people = (
            f"{d.unit} có {c.total} đảng viên, gồm {c.official} đảng viên chính thức và {c.prob} đảng viên dự bị"
            + (f"; {d.members_excused} đồng chí miễn sinh hoạt" if d.members_excused else "")
            + f". Có mặt {d.members_present} đồng chí, vắng {away} đồng chí. Số {who}: {voters} đồng chí."
        )
    else:
        people = (
            f"{d.unit} có {c.total} đảng viên ({c.official} chính thức). Ban Chấp hành Đảng bộ có "
            f"{d.committee_members} đồng chí; có mặt {d.members_present}, vắng {away}."
        )
    quote = (
        f"«Ban kiểm phiếu nhận từ Văn phòng {printed} phiếu in sẵn, đã phát ra {d.ballots_issued} phiếu, số phiếu "
        f"còn lại {printed - d.ballots_issued} phiếu đã hủy trước hội nghị. Số phiếu thu về {d.ballots_returned} "
        f"phiếu. Qua kiểm tra: {d.ballots_valid} phiếu hợp lệ, {d.ballots_invalid} phiếu không hợp lệ. Kết quả: "
        f"{d.votes_for} phiếu tán thành, chiếm {pct(d.votes_for, voters)} so với tổng số {who}; {d.votes_against} "
        f"phiếu không tán thành.»"
    )
    return [
        c.header(pad=False),
        Title("BIÊN BẢN", [f"Kiểm phiếu biểu quyết đề nghị công nhận {c.model} năm {c.year}"]),
        Para(f"Hôm nay, {d_words(day, pad=False)}, tại {_where(c)}, {c.org} họp biểu quyết bằng phiếu kín."),
        Para(people),
        Para(
            f"Hội nghị bầu Ban kiểm phiếu gồm đồng chí {d.counters[0]} (Trưởng ban) và đồng chí {d.counters[1]}. "
            "Sau khi kiểm phiếu, đồng chí Trưởng ban đọc báo cáo kết quả, nguyên văn như sau:"
        ),
        Para(quote, italic=True),
        Para("Hội nghị thống nhất với báo cáo của Ban kiểm phiếu."),
        left("Ghi chú:", bold=True),
        left(
            f"Thùng phiếu niêm phong lúc 09 giờ 15, mở lúc 09 giờ 40; phiếu đã kiểm được cho vào phong bì, dán 02 "
            f"niêm phong, lưu tại {c.org}. Biên bản lập thành 03 bản."
        ),
        _board(c),
    ]


def two_column_minutes(c: Ctx) -> list[Block]:
    """BBK-25: minutes set in two columns without ruling lines, "THÀNH PHẦN" on the left and "KẾT QUẢ KIỂM
    PHIẾU" on the right, each a run of sentences; those present as "15/16 đ/c"; the times in "14h30"."""
    d = c.d
    voters = stated_voters(c)
    away = stated_away(c)
    day = d.dates["bien_ban_kiem_phieu"]
    exp = _expected(c)
    if c.cell:
        left_rows = [
            f"Tổng số đảng viên {c.total} đ/c: chính thức {c.official} đ/c, dự bị {c.prob} đ/c"
            + (f"; miễn sinh hoạt {d.members_excused} đ/c." if d.members_excused else "."),
            f"Có mặt {of(d.members_present, exp, 'đ/c')}"
            + (f"; vắng {away} đ/c có lý do." if away else "; không ai vắng."),
            f"Đảng viên chính thức có quyền biểu quyết: {voters} đ/c.",
        ]
    else:
        left_rows = [
            f"Đảng bộ {c.total} đảng viên, chính thức {c.official}, dự bị {c.prob}.",
            f"Ban Chấp hành Đảng bộ {d.committee_members} đ/c; có mặt {of(d.members_present, exp, 'đ/c')}"
            + (f"; vắng {away} đ/c." if away else "."),
            f"Có quyền biểu quyết: {voters} Ủy viên Ban Chấp hành.",
        ]
    left_rows.append(f"Ban kiểm phiếu: đ/c {d.counters[0]} (Trưởng ban), đ/c {d.counters[1]} (Thư ký).")
    right_rows = [
        f"Phiếu phát ra {d.ballots_issued}; phiếu thu về {d.ballots_returned}.",
        f"Phiếu hợp lệ {d.ballots_valid}; không hợp lệ {d.ballots_invalid}.",
        f"Tán thành {d.votes_for} phiếu = {pct(d.votes_for, voters)} số người có quyền biểu quyết.",
        f"Không tán thành {d.votes_against} phiếu.",
    ]
    return [
        c.header(words=False, colon=True),
        Title("BIÊN BẢN KIỂM PHIẾU", [f"Đề nghị công nhận {c.model} năm {c.year}"]),
        Para(
            f"Thời gian: 14h30 {d_words(day)}. Địa điểm: {_where(c)}. Nội dung: {d.unit} biểu quyết (phiếu kín) "
            f"đề nghị cấp trên công nhận {c.model}."
        ),
        two_columns(
            [("I. THÀNH PHẦN", "II. KẾT QUẢ KIỂM PHIẾU")]
            + [
                (f"{i}. {a}", f"{i}. {b}")
                for i, (a, b) in enumerate(zip(left_rows, right_rows, strict=False), 1)
            ]
        ),
        Para("Biên bản kết thúc lúc 15h05 cùng ngày, được thông qua trước hội nghị."),
        _board(c),
    ]
