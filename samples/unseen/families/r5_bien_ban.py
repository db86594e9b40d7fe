"""Biên bản kiểm phiếu, round 5: the result per question voted on ("Tán thành | Không tán thành | Ý kiến
khác" columns), members per tổ đảng with a total row, and one table continued on the next page under its
repeated header and a "(tiếp theo)" caption."""

from __future__ import annotations

from samples.blocks import Block, PageBreak, Para, Sign, SignCol, Table, Title

from .common import VENUES, Ctx, d_words, pct, z2
from .r4_common import stated_away, stated_voters
from .r5_common import dongchi, layout, plain, split_two


def _title(c: Ctx) -> Title:
    return Title("BIÊN BẢN KIỂM PHIẾU", [f"Biểu quyết đề nghị công nhận {c.model} năm {c.year}"])


def _signs(c: Ctx) -> Sign:
    return Sign(
        right=SignCol(["TRƯỞNG BAN KIỂM PHIẾU"], c.d.counters[0]),
        left=SignCol(["THƯ KÝ HỘI NGHỊ"], c.d.counters[1]),
    )


def _opening(c: Ctx, hour: str) -> Para:
    d = c.d
    day = d.dates["bien_ban_kiem_phieu"]
    who = f"Hội nghị {d.unit}" if c.cell else f"Hội nghị Ban Chấp hành {d.unit}"
    return Para(
        f"Vào lúc {hour}, {d_words(day)}, tại {VENUES[(c.number + 1) % len(VENUES)]}, {who} tổ chức biểu "
        f"quyết bằng phiếu kín đề nghị cấp trên công nhận {c.model} năm {c.year}."
    )


def per_question(c: Ctx) -> list[Block]:
    """BBK-14: the members in a borderless label/value table; ballots in one sentence; then a table with
    one row per question voted on, "Nội dung biểu quyết | Tán thành | Không tán thành | Ý kiến khác": the
    proposal, and the cell's own self-assessment passed with it."""
    d = c.d
    voters = stated_voters(c)
    away = stated_away(c)
    if c.cell:
        rows = [
            ("Tổng số đảng viên:", f"{z2(c.total)} đồng chí"),
            ("Đảng viên chính thức:", f"{z2(c.official)} đồng chí"),
            ("Đảng viên dự bị:", dongchi(c.prob)),
        ]
        if d.members_excused:
            rows.append(("Miễn sinh hoạt (không biểu quyết):", dongchi(d.members_excused)))
        rows += [
            ("Có quyền biểu quyết:", f"{z2(voters)} đồng chí"),
            ("Có mặt tại hội nghị:", f"{z2(d.members_present)} đồng chí"),
            ("Vắng mặt:", dongchi(away) + (" (có lý do)" if away else "")),
        ]
    else:
        rows = [
            ("Đảng viên toàn Đảng bộ:", f"{c.total} đồng chí (chính thức {c.official}, dự bị {c.prob})"),
            ("Ủy viên Ban Chấp hành:", f"{z2(d.committee_members)} đồng chí"),
            ("Ủy viên có mặt:", f"{z2(d.members_present)} đồng chí"),
            ("Ủy viên vắng mặt:", dongchi(away) + (" (có lý do)" if away else "")),
        ]
    inv = d.ballots_invalid
    q = [
        ["TT", "Nội dung biểu quyết", "Tán thành", "Không tán thành", "Ý kiến khác"],
        [
            "1",
            f"Thông qua Phiếu tự đánh giá các tiêu chí năm {c.year}",
            str(d.ballots_valid),
            "0",
            "0",
        ],
        [
            "2",
            f"Đề nghị cấp trên công nhận {c.model} năm {c.year}",
            f"{d.votes_for} ({pct(d.votes_for, voters)})",
            str(d.votes_against),
            "0",
        ],
    ]
    return [
        c.header(),
        _title(c),
        _opening(c, "15 giờ 30 phút"),
        plain("I. THÀNH PHẦN", bold=True),
        layout(rows, 0.5),
        plain("II. BAN KIỂM PHIẾU", bold=True),
        plain(f"Đồng chí {d.counters[0]}, Trưởng ban; đồng chí {d.counters[1]}, thư ký."),
        plain("III. KẾT QUẢ KIỂM PHIẾU", bold=True),
        Para(
            f"Tổng số phiếu phát ra {z2(d.ballots_issued)}, thu về {z2(d.ballots_returned)}; phiếu hợp lệ "
            f"{z2(d.ballots_valid)}"
            + (f", phiếu không hợp lệ {z2(inv)}" if inv else ", không có phiếu không hợp lệ")
            + ". Kết quả theo từng nội dung biểu quyết:"
        ),
        Table(q, [0.07, 0.49, 0.16, 0.15, 0.13], align=["center", "left", "center", "center", "center"]),
        plain(
            f"Tỷ lệ tán thành ở nội dung 2 tính trên {voters} {'đảng viên' if c.cell else 'ủy viên'} có "
            "quyền biểu quyết.",
            italic=True,
        ),
        Para("Biên bản kết thúc lúc 16 giờ 10 phút cùng ngày, được thông qua tại hội nghị."),
        _signs(c),
    ]


def per_group(c: Ctx) -> list[Block]:
    """BBK-15: a cell's members per tổ đảng, "Tổ đảng | Tổng số | Chính thức | Dự bị | Có mặt | Vắng" with a
    "Cộng" row (a đảng bộ: its committee by "Ban Thường vụ" and the other members); ballots in one line with
    dashes; the result in a sentence with both shares."""
    d = c.d
    voters = stated_voters(c)
    away = stated_away(c)
    head = ["Tổ đảng", "Tổng số", "Chính thức", "Dự bị", "Có mặt", "Vắng"]
    if c.cell:
        n = 2 if c.total < 14 else 3
        tot, off = split_two(c.total, n), split_two(c.official, n)
        gone = split_two(away + d.members_excused, n)[::-1]
        rows = [head]
        for i in range(n):
            rows.append([f"Tổ {i + 1}", str(tot[i]), str(off[i]), str(tot[i] - off[i]), str(tot[i] - gone[i]),
                         str(gone[i])])  # fmt: skip
        rows.append(["Cộng", str(c.total), str(c.official), str(c.prob), str(d.members_present),
                     str(away + d.members_excused)])  # fmt: skip
        intro = Para(f"Đảng viên của {d.unit} theo từng tổ đảng:")
        note = (
            plain(
                f"Ghi chú: vắng {z2(d.members_excused)} đồng chí miễn sinh hoạt (không tham gia biểu quyết)"
                + (f" và {z2(away)} đồng chí có lý do." if away else "."),
                italic=True,
            )
            if d.members_excused
            else plain("Ghi chú: số vắng đều có lý do." if away else "Ghi chú: có mặt đủ.", italic=True)
        )
    else:
        bt = 3 if d.committee_members < 11 else 5
        rest = d.committee_members - bt
        rows = [["Thành phần", "Tổng số", "Có mặt", "Vắng"]]
        rows.append(["Ủy viên Ban Thường vụ", str(bt), str(bt), "0"])
        rows.append(["Ủy viên Ban Chấp hành khác", str(rest), str(rest - away), str(away)])
        rows.append(["Cộng", str(d.committee_members), str(d.members_present), str(away)])
        intro = Para(
            f"Đảng bộ hiện có {c.total} đảng viên ({c.official} chính thức, {c.prob} dự bị). Ủy viên Ban Chấp "
            "hành Đảng bộ dự hội nghị:"
        )
        note = plain("Ghi chú: ủy viên vắng có lý do." if away else "Ghi chú: có mặt đủ.", italic=True)
    widths = [0.3] + [0.7 / (len(rows[0]) - 1)] * (len(rows[0]) - 1)
    inv = d.ballots_invalid
    return [
        c.header(pad=False),
        _title(c),
        _opening(c, "9 giờ 15 phút"),
        plain("1. Thành phần", bold=True),
        intro,
        Table(rows, widths, bold_rows={0, len(rows) - 1}, align=["left"] + ["center"] * (len(rows[0]) - 1)),
        note,
        plain(f"Số có quyền biểu quyết: {z2(voters)} đồng chí.", bold=False),
        plain("2. Kết quả kiểm phiếu", bold=True),
        plain(
            f"Phiếu phát ra: {z2(d.ballots_issued)} – Thu về: {z2(d.ballots_returned)} – Hợp lệ: "
            f"{z2(d.ballots_valid)} – Không hợp lệ: {z2(inv)}"
        ),
        Para(
            f"Có {z2(d.votes_for)} phiếu tán thành, bằng {pct(d.votes_for, d.ballots_valid)} số phiếu hợp lệ và "
            f"{pct(d.votes_for, voters)} số có quyền biểu quyết; "
            + (
                f"{z2(d.votes_against)} phiếu không tán thành."
                if d.votes_against
                else "không có phiếu không tán thành."
            )
        ),
        _signs(c),
    ]


def continued_table(c: Ctx) -> list[Block]:
    """BBK-16: one table "TT | Nội dung | Số lượng | Ghi chú" that runs onto a second page: the people on
    the first page, then a page break, the caption "Bảng kết quả kiểm phiếu (tiếp theo)" and the same
    header row again above the ballots and votes, numbering carried on."""
    d = c.d
    voters = stated_voters(c)
    away = stated_away(c)
    head = ["TT", "Nội dung", "Số lượng", "Ghi chú"]
    first = [head]
    if c.cell:
        first += [
            ["1", "Tổng số đảng viên của chi bộ", str(c.total), f"{c.prob} dự bị" if c.prob else ""],
            ["2", "Đảng viên chính thức", str(c.official), ""],
            ["3", "Đảng viên miễn sinh hoạt", str(d.members_excused), "không biểu quyết" if d.members_excused else ""],
            ["4", "Đảng viên chính thức có quyền biểu quyết", str(voters), ""],
            ["5", "Đảng viên có mặt", str(d.members_present), ""],
            ["6", "Đảng viên vắng mặt", str(away), "có lý do" if away else ""],
        ]  # fmt: skip
    else:
        first += [
            ["1", "Tổng số đảng viên của Đảng bộ", str(c.total), f"{c.official} chính thức"],
            ["2", "Ủy viên Ban Chấp hành Đảng bộ (có quyền biểu quyết)", str(d.committee_members), ""],
            ["3", "Ủy viên có mặt", str(d.members_present), ""],
            ["4", "Ủy viên vắng mặt", str(away), "có lý do" if away else ""],
        ]
    k = len(first)
    inv = d.ballots_invalid
    second = [
        head,
        [str(k), "Số phiếu phát ra", str(d.ballots_issued), ""],
        [str(k + 1), "Số phiếu thu về", str(d.ballots_returned), ""],
        [str(k + 2), "Số phiếu hợp lệ", str(d.ballots_valid), ""],
        [str(k + 3), "Số phiếu không hợp lệ", str(inv), "gạch hết các ô" if inv else ""],
        [str(k + 4), "Số phiếu tán thành", str(d.votes_for), pct(d.votes_for, voters) + " số có quyền biểu quyết"],
        [str(k + 5), "Số phiếu không tán thành", str(d.votes_against), ""],
    ]  # fmt: skip
    widths = [0.08, 0.5, 0.14, 0.28]
    align = ["center", "left", "center", "left"]
    return [
        c.header(),
        _title(c),
        _opening(c, "14 giờ 00 phút"),
        Para(
            f"Ban kiểm phiếu gồm đồng chí {d.counters[0]} (Trưởng ban) và đồng chí {d.counters[1]} (thư ký) "
            "đã kiểm phiếu công khai trước hội nghị. Kết quả như sau:"
        ),
        plain("Bảng kết quả kiểm phiếu", bold=True),
        Table(first, widths, align=align, header_rows=1),
        PageBreak(),
        plain("Bảng kết quả kiểm phiếu (tiếp theo)", bold=True),
        Table(second, widths, align=align, header_rows=1),
        Para("Ban kiểm phiếu lập biên bản và công bố trước hội nghị; hội nghị nhất trí với kết quả trên."),
        _signs(c),
    ]
