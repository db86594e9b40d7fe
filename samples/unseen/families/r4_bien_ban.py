"""Biên bản kiểm phiếu, round 4: a printed form filled in on dotted leaders, two-level numbered prose
with "17 /18" and shares of the valid ballots, and one table counting people and ballots in separate
columns under a merged header."""

from __future__ import annotations

from samples.blocks import Block, Para, Sign, SignCol, Table, Title

from .common import VENUES, Ctx, d_slash, d_words, pct, z2
from .r3_common import left
from .r4_common import dc, leader, stated_away, stated_voters


def _title(c: Ctx) -> Title:
    return Title("BIÊN BẢN KIỂM PHIẾU", [f"Biểu quyết đề nghị công nhận {c.model} năm {c.year}"])


def _signs(c: Ctx, head: str = "TỔ TRƯỞNG TỔ KIỂM PHIẾU", member: str = "THÀNH VIÊN") -> Sign:
    return Sign(right=SignCol([head], c.d.counters[0]), left=SignCol([member], c.d.counters[1]))


def _meeting(c: Ctx) -> str:
    """'Hội nghị Chi bộ …' / 'Hội nghị Ban Chấp hành Đảng bộ …'."""
    return f"Hội nghị {c.d.unit}" if c.cell else f"Hội nghị Ban Chấp hành {c.d.unit}"


def dotted_form(c: Ctx) -> list[Block]:
    """BBK-11: a printed form filled in by hand: every figure after a dotted leader, members "+" under the
    total, "vắng … (có lý do)"; the share in favour on the line of the votes."""
    d = c.d
    day = d.dates["bien_ban_kiem_phieu"]
    venue = VENUES[c.number % len(VENUES)]
    out: list[Block] = [
        c.header(),
        _title(c),
        Para(
            f"Hôm nay, hồi 14 giờ 00 phút, {d_words(day)}, tại {venue}, {_meeting(c)} tiến hành biểu quyết bằng phiếu kín việc đề nghị công nhận {c.model} năm {c.year}."
        ),
        left("I. THÀNH PHẦN", bold=True),
    ]
    if c.cell:
        out += [
            leader("- Tổng số đảng viên của chi bộ:", dc(c.total)),
            leader("   + Đảng viên chính thức:", dc(c.official)),
            leader("   + Đảng viên dự bị:", dc(c.prob) if c.prob else "không"),
        ]
        if d.members_excused:
            out.append(leader("   + Miễn sinh hoạt, không biểu quyết:", dc(d.members_excused)))
        out += [
            leader("- Đảng viên chính thức có quyền biểu quyết:", dc(stated_voters(c))),
            leader("- Số đảng viên có mặt:", dc(d.members_present)),
            leader(
                "- Số đảng viên vắng mặt:", f"{dc(stated_away(c))} (có lý do)" if stated_away(c) else "không"
            ),
        ]
    else:
        out += [
            leader("- Tổng số đảng viên toàn Đảng bộ:", dc(c.total)),
            leader("   + Chính thức:", dc(c.official)),
            leader("   + Dự bị:", dc(c.prob)),
            leader("- Ủy viên Ban Chấp hành Đảng bộ:", dc(d.committee_members)),
            leader("- Ủy viên Ban Chấp hành có mặt:", dc(d.members_present)),
            leader(
                "- Ủy viên Ban Chấp hành vắng:",
                f"{dc(stated_away(c))} (có lý do)" if stated_away(c) else "không",
            ),
        ]
    out.append(left("II. TỔ KIỂM PHIẾU", bold=True))
    out.append(Para(f"1. Đ/c {d.counters[0]} - Tổ trưởng;", align="left", indent=False))
    out.append(Para(f"2. Đ/c {d.counters[1]} - Thành viên.", align="left", indent=False))
    out.append(left("III. KẾT QUẢ KIỂM PHIẾU", bold=True))
    out += [
        leader("1. Số phiếu phát ra:", f"{z2(d.ballots_issued)} phiếu"),
        leader("2. Số phiếu thu vào:", f"{z2(d.ballots_returned)} phiếu"),
        leader("3. Số phiếu hợp lệ:", f"{z2(d.ballots_valid)} phiếu"),
        leader(
            "4. Số phiếu không hợp lệ:", f"{z2(d.ballots_invalid)} phiếu" if d.ballots_invalid else "0 phiếu"
        ),
        leader(
            "5. Số phiếu tán thành:",
            f"{z2(d.votes_for)} phiếu, bằng {pct(d.votes_for, stated_voters(c))} số có quyền biểu quyết",
            dots=36,
        ),
        leader(
            "6. Số phiếu không tán thành:", f"{z2(d.votes_against)} phiếu" if d.votes_against else "0 phiếu"
        ),
    ]
    out.append(
        Para(
            "Biên bản lập xong hồi 14 giờ 45 phút cùng ngày, đã đọc lại trước hội nghị, các thành viên tổ kiểm "
            "phiếu thống nhất ký tên."
        )
    )
    out.append(_signs(c))
    return out


def numbered_prose(c: Ctx) -> list[Block]:
    """BBK-12: title "BIÊN BẢN" with the subject beneath; numbered "1." and "2.1."; attendance "17 /18 đ/c";
    ballots as fractions of the valid ones "14/15 phiếu hợp lệ (93,33%)"; "không có" for zero."""
    d = c.d
    day = d.dates["bien_ban_kiem_phieu"]
    valid = d.ballots_valid
    out: list[Block] = [
        c.header(pad=False),
        Title("BIÊN BẢN", ["KIỂM PHIẾU BIỂU QUYẾT", f"đề nghị công nhận {c.model} năm {c.year}"]),
        left("1. Thời gian, địa điểm", bold=True),
        Para(
            f"Vào lúc 8 giờ 30, ngày {d_slash(day, pad=False)}, tại {VENUES[(c.number + 2) % len(VENUES)]}."
        ),
        left("2. Thành phần", bold=True),
    ]
    if c.cell:
        line = f"2.1. Đảng viên của chi bộ: tổng số {dc(c.total)}, trong đó: chính thức {dc(c.official)}, dự bị {dc(c.prob) if c.prob else 'không có'}"
        if d.members_excused:
            line += f" ({dc(d.members_excused)} chính thức được miễn sinh hoạt đảng)"
        out.append(Para(line + "."))
        away = stated_away(c)
        out.append(
            Para(
                f"2.2. Có mặt: {d.members_present} /{c.total - d.members_excused} đ/c phải dự; "
                + (f"vắng {dc(away)} có lý do." if away else "không có đ/c vắng mặt.")
            )
        )
        out.append(Para(f"2.3. Số đảng viên chính thức có quyền biểu quyết: {dc(stated_voters(c))}."))
    else:
        out.append(
            Para(
                f"2.1. Đảng bộ có tổng số {dc(c.total)}, trong đó: chính thức {dc(c.official)}, dự bị {dc(c.prob)}."
            )
        )
        away = stated_away(c)
        out.append(
            Para(
                f"2.2. Ủy viên Ban Chấp hành Đảng bộ dự hội nghị: {d.members_present} /{d.committee_members} đ/c; "
                + (f"vắng {dc(away)} có lý do." if away else "không có đ/c vắng mặt.")
            )
        )
        out.append(Para(f"2.3. Số Ủy viên Ban Chấp hành có quyền biểu quyết: {dc(stated_voters(c))}."))
    out.append(left("3. Tổ kiểm phiếu", bold=True))
    out.append(
        Para(
            f"Hội nghị nhất trí bầu tổ kiểm phiếu gồm đ/c {d.counters[0]} (tổ trưởng) và đ/c {d.counters[1]} "
            "(tổ viên)."
        )
    )
    out.append(left("4. Kết quả kiểm phiếu", bold=True))
    out.append(
        Para(
            f"4.1. Số phiếu phát ra {d.ballots_issued}, số phiếu thu về {d.ballots_returned} "
            f"({pct(d.ballots_returned, d.ballots_issued)})."
        )
    )
    inv = d.ballots_invalid
    out.append(
        Para(
            f"4.2. Phiếu hợp lệ: {valid}/{d.ballots_returned} phiếu; phiếu không hợp lệ: "
            + (f"{z2(inv)}/{d.ballots_returned} phiếu." if inv else "không có.")
        )
    )
    against = (
        f"{z2(d.votes_against)}/{valid} phiếu hợp lệ ({pct(d.votes_against, valid)})"
        if d.votes_against
        else "không có"
    )
    out.append(
        Para(
            f"4.3. Tán thành đề nghị công nhận: {d.votes_for}/{valid} phiếu hợp lệ ({pct(d.votes_for, valid)}); "
            f"không tán thành: {against}."
        )
    )
    out.append(Para("Tổ kiểm phiếu đã công bố kết quả trước hội nghị; biên bản lập thành 02 bản, lưu hồ sơ."))
    out.append(_signs(c, "T/M TỔ KIỂM PHIẾU", "TỔ VIÊN"))
    return out


def people_and_ballots(c: Ctx) -> list[Block]:
    """BBK-13: one table: "Số lượng" merged over "Đồng chí" / "Phiếu", "Tỷ lệ (%)" merged over two bases
    (those entitled to vote, valid ballots); "-" where a column does not apply."""
    d = c.d
    day = d.dates["bien_ban_kiem_phieu"]
    voters, valid = stated_voters(c), d.ballots_valid
    rows = [
        ["STT", "Nội dung", "Số lượng", "", "Tỷ lệ (%)", ""],
        ["", "", "Đồng chí", "Phiếu", "So với số có quyền biểu quyết", "So với số phiếu hợp lệ"],
    ]

    def people(no: str, label: str, n: int) -> None:
        rows.append([no, label, z2(n) if n else "0", "-", "-", "-"])

    def ballots(no: str, label: str, n: int, shares: bool = False) -> None:
        a = pct(n, voters).removesuffix("%") if shares else "-"
        b = pct(n, valid).removesuffix("%") if shares else "-"
        rows.append([no, label, "-", z2(n) if n else "0", a, b])

    if c.cell:
        people("1", "Tổng số đảng viên của chi bộ", c.total)
        people("", "Trong đó: đảng viên chính thức", c.official)
        people("", "Đảng viên dự bị", c.prob)
        if d.members_excused:
            people("", "Đảng viên được miễn sinh hoạt", d.members_excused)
        people("2", "Đảng viên chính thức có quyền biểu quyết", voters)
        people("3", "Đảng viên có mặt tại hội nghị", d.members_present)
        people("4", "Đảng viên vắng mặt (có lý do)", stated_away(c))
    else:
        people("1", "Tổng số đảng viên trong Đảng bộ", c.total)
        people("", "Trong đó: đảng viên chính thức", c.official)
        people("", "Đảng viên dự bị", c.prob)
        people("2", "Ủy viên Ban Chấp hành Đảng bộ (có quyền biểu quyết)", voters)
        people("3", "Ủy viên Ban Chấp hành có mặt", d.members_present)
        people("4", "Ủy viên Ban Chấp hành vắng mặt (có lý do)", stated_away(c))
    ballots("5", "Số phiếu phát ra", d.ballots_issued)
    ballots("6", "Số phiếu thu về", d.ballots_returned)
    ballots("7", "Số phiếu hợp lệ", valid)
    ballots("8", "Số phiếu không hợp lệ", d.ballots_invalid)
    ballots("9", "Số phiếu tán thành", d.votes_for, True)
    ballots("10", "Số phiếu không tán thành", d.votes_against, True)
    table = Table(
        rows,
        [0.07, 0.37, 0.12, 0.12, 0.17, 0.15],
        bold_rows={0, 1},
        align=["center", "left", "center", "center", "center", "center"],
        spans={(0, 0): (2, 1), (0, 1): (2, 1), (0, 2): (1, 2), (0, 4): (1, 2)},
        header_rows=2,
    )
    return [
        c.header(colon=True, words=False),
        _title(c),
        Para(
            f"{_meeting(c)} họp {d_words(day, pad=False)}, do đồng chí {d.secretary}, Bí thư, chủ trì. "
            f"Tổ kiểm phiếu gồm đồng chí {d.counters[0]} (tổ trưởng) và đồng chí {d.counters[1]} (tổ viên) đã "
            "kiểm phiếu biểu quyết đề nghị công nhận; kết quả tổng hợp như sau:"
        ),
        table,
        Para("Biên bản được thông qua tại hội nghị và lập thành 03 bản có giá trị như nhau."),
        _signs(c),
    ]
