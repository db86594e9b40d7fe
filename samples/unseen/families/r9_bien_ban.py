"""Biên bản kiểm phiếu, round 9: minutes written in the first person by the counting board's secretary,
the count told as what "tôi" and "chúng tôi" did, hour by hour; one ballot paper with several rows (two
members proposed for commendation and the unit's recognition), counted per row "Đồng ý | Không đồng ý |
Bỏ trống"; the count as the board's numbered steps ("Bước 1 … Bước 5"), each closed by its result in
italics, shares written with the word "phần trăm"."""

from __future__ import annotations

from samples.blocks import Block, Para, Sign, SignCol, Table, Title

from .common import VENUES, Ctx, d_words, pct, words, z2
from .r4_common import stated_away, stated_voters
from .r9_common import line, n0, phan_tram

# Members named in the minutes other than the signers (nominees, those absent): this district's names.
NAMES = (
    "Hoàng Văn Páo", "Lò Thị Mai", "Rơ Châm Hyun", "Nguyễn Văn Tư", "Chau Sóc Kha", "Trần Thị Bích Ngọc",
    "Đặng Văn Sình", "Siu Thị Blih", "Phan Thanh Lâm", "Giàng A Dế", "Lê Văn Hiếu", "Vi Thị Thoa",
)  # fmt: skip


def _board(c: Ctx) -> Sign:
    return Sign(
        right=SignCol(["TRƯỞNG BAN KIỂM PHIẾU"], c.d.counters[0]),
        left=SignCol(["THƯ KÝ BAN KIỂM PHIẾU"], c.d.counters[1]),
    )


def _where(c: Ctx) -> str:
    return VENUES[(c.number + 1) % len(VENUES)]


def _expected(c: Ctx) -> int:
    return c.total - c.d.members_excused if c.cell else c.d.committee_members


def first_person(c: Ctx) -> list[Block]:
    """BBK-26: the board's secretary writes "Tôi, …, thư ký Ban kiểm phiếu, ghi lại …"; the count is told as
    a sequence of what was done ("Chúng tôi phát cho mỗi đồng chí một phiếu, tất cả 15 phiếu"; "mở hòm,
    tôi đếm được 15 phiếu"), times of day between the steps, people in words before digits."""
    d = c.d
    voters = stated_voters(c)
    away = stated_away(c)
    day = d.dates["bien_ban_kiem_phieu"]
    who = "đảng viên chính thức" if c.cell else "đồng chí Ủy viên Ban Chấp hành"
    if c.cell:
        people = (
            f"Theo danh sách, {d.unit} có {z2(c.total)} đảng viên, trong đó {z2(c.official)} đảng viên chính thức và "
            f"{n0(c.prob)} đảng viên dự bị"
            + (
                f"; {z2(d.members_excused)} đồng chí được miễn sinh hoạt nên không triệu tập"
                if d.members_excused
                else ""
            )
            + f". Tôi điểm danh được {words(d.members_present)} ({z2(d.members_present)}) đồng chí có mặt"
            + (
                f", {words(away)} ({z2(away)}) đồng chí vắng có lý do"
                if away
                else ", không đồng chí nào vắng"
            )
            + f". Số đảng viên chính thức có quyền biểu quyết là {z2(voters)} đồng chí."
        )
    else:
        people = (
            f"{d.unit} hiện có {c.total} đảng viên ({c.official} chính thức, {c.prob} dự bị). Ban Chấp hành Đảng bộ "
            f"có {z2(d.committee_members)} đồng chí; tôi điểm danh được {z2(d.members_present)} đồng chí có mặt"
            + (f", {z2(away)} đồng chí vắng có lý do." if away else ", đủ cả.")
        )
    invalid = (
        f"Trong số đó, {words(d.ballots_invalid)} ({z2(d.ballots_invalid)}) phiếu gạch cả hai ô nên Ban kiểm phiếu "
        f"thống nhất là không hợp lệ; còn lại {z2(d.ballots_valid)} phiếu hợp lệ."
        if d.ballots_invalid
        else f"Cả {z2(d.ballots_valid)} phiếu đều hợp lệ, không có phiếu nào gạch xóa sai quy định."
    )
    return [
        c.header(),
        Title("BIÊN BẢN KIỂM PHIẾU", [f"Biểu quyết đề nghị công nhận {c.model} năm {c.year}"]),
        Para(
            f"Tôi là {d.counters[1]}, thư ký Ban kiểm phiếu do hội nghị {c.org} bầu ra, ghi lại việc kiểm phiếu tại "
            f"{_where(c)}, {d_words(day)}. Ban kiểm phiếu gồm đồng chí {d.counters[0]} (trưởng ban) và tôi."
        ),
        Para(f"Lúc 14 giờ 10 phút, hội nghị bắt đầu. {people}"),
        Para(
            f"Lúc 14 giờ 35 phút, sau khi hội nghị thảo luận, chúng tôi phát cho mỗi {who} có mặt một phiếu, tất cả "
            f"{z2(d.ballots_issued)} phiếu, rồi niêm phong hòm phiếu trước hội nghị."
        ),
        Para(
            f"Lúc 14 giờ 50 phút, chúng tôi mở hòm phiếu; tôi đếm được {z2(d.ballots_returned)} phiếu thu về. {invalid}"
        ),
        Para(
            f"Đồng chí trưởng ban đọc to từng phiếu, tôi ghi lên bảng: {z2(d.votes_for)} phiếu đánh dấu vào ô tán "
            f"thành, {n0(d.votes_against)} phiếu đánh dấu vào ô không tán thành. Như vậy số phiếu tán thành bằng "
            f"{pct(d.votes_for, voters)} so với {z2(voters)} {who} có quyền biểu quyết."
        ),
        Para(
            "Lúc 15 giờ 05 phút, đồng chí trưởng ban công bố kết quả trước hội nghị; không ai có ý kiến khác. Tôi ghi "
            "biên bản này thành 02 bản, đọc lại cho hội nghị nghe và cùng đồng chí trưởng ban ký tên."
        ),
        _board(c),
    ]


def _nominees(c: Ctx) -> tuple[str, str]:
    i = c.number % len(NAMES)
    return NAMES[i], NAMES[(i + 5) % len(NAMES)]


def per_row_ballot(c: Ctx) -> list[Block]:
    """BBK-27: one ballot paper with three rows, each marked "Đồng ý" or "Không đồng ý": two members proposed
    for the district's commendation first, the unit's recognition second of the three; the count per row in a
    ruled table "TT | Nội dung trên phiếu | Đồng ý | Không đồng ý | Bỏ trống"; those absent named one by one."""
    d = c.d
    voters = stated_voters(c)
    away = stated_away(c)
    day = d.dates["bien_ban_kiem_phieu"]
    a, b = _nominees(c)
    rng = c.rng
    valid = d.ballots_valid
    a_yes = valid - rng.randint(0, 1)
    b_yes = valid - rng.randint(1, 2)
    absent_names = [n for n in NAMES if n not in (a, b)][: max(away, 0)]
    reasons = ("ốm", "đi công tác", "việc gia đình")
    if not away:
        absent_txt = "không"
    elif away <= 3:
        absent_txt = f"{z2(away)} đồng chí – " + "; ".join(
            f"đồng chí {n} ({reasons[i % 3]})" for i, n in enumerate(absent_names)
        )
    else:
        absent_txt = f"{z2(away)} đồng chí (có lý do)"
    if c.cell:
        people = [
            line(
                f"- Đảng viên của chi bộ: {z2(c.total)} đồng chí (chính thức: {z2(c.official)}; dự bị: {n0(c.prob)})"
                + (f"; miễn sinh hoạt: {z2(d.members_excused)} đồng chí." if d.members_excused else ".")
            ),
            line(f"- Có mặt: {z2(d.members_present)} đồng chí. Vắng: {absent_txt}."),
            line(f"- Đảng viên chính thức có quyền biểu quyết: {z2(voters)} đồng chí."),
        ]
    else:
        people = [
            line(
                f"- Đảng viên toàn Đảng bộ: {c.total} đồng chí (chính thức: {c.official}; dự bị: {c.prob})."
            ),
            line(
                f"- Ủy viên Ban Chấp hành Đảng bộ: {z2(d.committee_members)} đồng chí; có mặt {z2(d.members_present)}."
            ),
            line(f"- Vắng: {absent_txt}."),
        ]
    rows = [
        ["TT", "Nội dung trên phiếu", "Đồng ý", "Không đồng ý", "Bỏ trống"],
        ["1", f"Đề nghị tặng Giấy khen đảng viên tiêu biểu: đồng chí {a}", z2(a_yes), n0(valid - a_yes), "0"],
        [
            "2",
            f"Đề nghị công nhận {d.unit} đạt {c.model} năm {c.year}",
            z2(d.votes_for),
            n0(d.votes_against),
            "0",
        ],
        ["3", f"Đề nghị tặng Giấy khen đảng viên tiêu biểu: đồng chí {b}", z2(b_yes), n0(valid - b_yes), "0"],
    ]
    return [
        c.header(),
        Title("BIÊN BẢN KIỂM PHIẾU", [f"Lấy phiếu tại hội nghị {c.org} cuối năm {c.year}"]),
        Para(f"Hôm nay, {d_words(day)}, tại {_where(c)}, Ban kiểm phiếu gồm các đồng chí:"),
        line(f"1. Đồng chí {d.counters[0]} – Trưởng ban"),
        line(f"2. Đồng chí {d.counters[1]} – Thành viên, thư ký"),
        line("I. THÀNH PHẦN HỘI NGHỊ", bold=True),
        *people,
        line("II. PHIẾU", bold=True),
        Para(
            f"Phiếu in sẵn ba nội dung, mỗi nội dung có hai ô “Đồng ý” và “Không đồng ý”. Số phiếu phát ra "
            f"{z2(d.ballots_issued)}, số phiếu thu về {z2(d.ballots_returned)}, số phiếu hợp lệ {z2(valid)}, số phiếu "
            f"không hợp lệ {n0(d.ballots_invalid)}."
        ),
        line("III. KẾT QUẢ KIỂM PHIẾU THEO TỪNG NỘI DUNG", bold=True),
        Table(
            rows,
            [0.07, 0.57, 0.12, 0.14, 0.1],
            bold_rows={0},
            align=["center", "left", "center", "center", "center"],
        ),
        Para(
            f"Nội dung 2 có {z2(d.votes_for)}/{z2(voters)} {'đảng viên chính thức' if c.cell else 'Ủy viên Ban Chấp hành'}"
            f" có quyền biểu quyết đồng ý, đạt {pct(d.votes_for, voters)}."
        ),
        Para("Biên bản lập xong hồi 15 giờ 30 phút cùng ngày, đã thông qua tại hội nghị."),
        _board(c),
    ]


def numbered_steps(c: Ctx) -> list[Block]:
    """BBK-28: the count as the board's procedure, "Bước 1 – Kiểm tra thành phần" … "Bước 5 – Kiểm phiếu",
    each step a bold line and its result in an italic line under it; shares written with the word "phần
    trăm" ("bằng 93,33 phần trăm"); zero as "không có"."""
    d = c.d
    voters = stated_voters(c)
    away = stated_away(c)
    day = d.dates["bien_ban_kiem_phieu"]
    if c.cell:
        step1 = (
            f"Chi bộ có {z2(c.total)} đảng viên ({z2(c.official)} chính thức, {n0(c.prob)} dự bị)"
            + (f", {z2(d.members_excused)} đồng chí miễn sinh hoạt" if d.members_excused else "")
            + f"; có mặt {z2(d.members_present)} đồng chí"
            + (f", vắng {z2(away)} đồng chí." if away else ", không có đồng chí vắng.")
        )
        step2 = f"Số đảng viên chính thức có quyền biểu quyết: {z2(voters)} đồng chí."
    else:
        step1 = (
            f"Đảng bộ có {c.total} đảng viên ({c.official} chính thức, {c.prob} dự bị). Ban Chấp hành có "
            f"{z2(d.committee_members)} đồng chí, có mặt {z2(d.members_present)}"
            + (f", vắng {z2(away)}." if away else ", không có đồng chí vắng.")
        )
        step2 = f"Số Ủy viên Ban Chấp hành có quyền biểu quyết: {z2(voters)} đồng chí."
    step4 = (
        f"Phiếu thu về: {z2(d.ballots_returned)}. Phiếu hợp lệ: {z2(d.ballots_valid)}. Phiếu không hợp lệ: "
        + (z2(d.ballots_invalid) if d.ballots_invalid else "không có")
        + "."
    )
    step5 = (
        f"Tán thành: {z2(d.votes_for)} phiếu, bằng {phan_tram(d.votes_for, voters)} so với số có quyền biểu quyết. "
        f"Không tán thành: {z2(d.votes_against) if d.votes_against else 'không có'}."
    )
    steps = [
        ("Bước 1 – Kiểm tra thành phần hội nghị", step1),
        ("Bước 2 – Xác định số người có quyền biểu quyết", step2),
        ("Bước 3 – Phát phiếu", f"Số phiếu phát ra: {z2(d.ballots_issued)} phiếu, có dấu của {c.org}."),
        ("Bước 4 – Thu phiếu, phân loại phiếu", step4),
        ("Bước 5 – Kiểm phiếu", step5),
    ]
    out: list[Block] = [
        c.header(),
        Title("BIÊN BẢN KIỂM PHIẾU", [f"V/v biểu quyết đề nghị công nhận {c.model} năm {c.year}"]),
        Para(
            f"Vào hồi 14 giờ 00, {d_words(day)}, tại {_where(c)}, {d.unit} tổ chức biểu quyết bằng phiếu kín. Ban kiểm "
            f"phiếu (đồng chí {d.counters[0]}, trưởng ban; đồng chí {d.counters[1]}, thư ký) tiến hành theo các bước:"
        ),
    ]
    for head, result in steps:
        out.append(line(head, bold=True))
        out.append(line("   Kết quả: " + result, italic=True))
    out += [
        Para(
            "Ban kiểm phiếu đã công bố kết quả tại hội nghị; phiếu được niêm phong, giao văn phòng lưu. Biên bản lập "
            "thành 03 bản có giá trị như nhau."
        ),
        _board(c),
    ]
    return out
