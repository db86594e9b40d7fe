"""Biên bản kiểm phiếu, round 6: the meeting told as a running narrative with the figures spread over its
paragraphs, the members and the ballots as two small matrices (a row of counts under a row of column
names, a row of shares under the ballots), and one table pairing the people with the ballots row by row."""

from __future__ import annotations

from samples.blocks import Block, PageFurniture, Para, Sign, SignCol, Table, Title

from .common import VENUES, Ctx, d_words, dec, pct, z2
from .r4_common import stated_away, stated_voters
from .r6_common import dv


def _title(c: Ctx) -> Title:
    return Title("BIÊN BẢN KIỂM PHIẾU", [f"Biểu quyết đề nghị công nhận {c.model} năm {c.year}"])


def _signs(c: Ctx) -> Sign:
    return Sign(
        right=SignCol(["TRƯỞNG BAN KIỂM PHIẾU"], c.d.counters[0]),
        left=SignCol(["THÀNH VIÊN BAN KIỂM PHIẾU"], c.d.counters[1]),
    )


def _where(c: Ctx) -> str:
    return VENUES[(c.number + 3) % len(VENUES)]


def _voter_word(c: Ctx) -> str:
    return "đảng viên chính thức có quyền biểu quyết" if c.cell else "Ủy viên Ban Chấp hành Đảng bộ"


def narrative(c: Ctx) -> list[Block]:
    """BBK-17: the meeting as a story ("Đồng chí … công bố kết quả: …"): members in the chair's opening,
    ballots handed out in one paragraph and collected in the next, the result in the counting head's
    words; "đồng chí" and "đ/c" mixed."""
    d = c.d
    voters = stated_voters(c)
    away = stated_away(c)
    day = d.dates["bien_ban_kiem_phieu"]
    if c.cell:
        members = (
            f"Đồng chí {d.secretary}, Bí thư chi bộ, chủ trì hội nghị, thông báo: chi bộ hiện có {dv(c.total, 0)} "
            f"đảng viên, trong đó {dv(c.official, 1)} chính thức và {dv(c.prob, 1)} dự bị"
            + (
                f"; {dv(d.members_excused, 0)} được miễn sinh hoạt, không tham gia biểu quyết"
                if d.members_excused
                else ""
            )
            + f". Có mặt tại hội nghị {dv(d.members_present, 0)}; "
            + (f"vắng {dv(away, 1)} (có lý do)." if away else "không có đồng chí nào vắng mặt.")
        )
        handed = (
            f"Ban kiểm phiếu phát phiếu cho các đồng chí đảng viên chính thức có mặt; tổng số phiếu phát ra là "
            f"{z2(d.ballots_issued)} phiếu. Đảng viên dự bị dự hội nghị nhưng không biểu quyết."
        )
    else:
        members = (
            f"Đồng chí {d.secretary}, Bí thư Đảng ủy, chủ trì hội nghị, thông báo: Đảng bộ hiện có {c.total} "
            f"đảng viên ({c.official} chính thức, {c.prob} dự bị); Ban Chấp hành Đảng bộ có "
            f"{dv(d.committee_members, 0)}, có mặt {dv(d.members_present, 0)}, "
            + (f"vắng {dv(away, 1)} (có lý do)." if away else "không có đồng chí nào vắng.")
        )
        handed = (
            f"Ban kiểm phiếu phát phiếu cho các đồng chí Ủy viên Ban Chấp hành có mặt; tổng số phiếu phát ra là "
            f"{z2(d.ballots_issued)} phiếu."
        )
    inv = d.ballots_invalid
    result = (
        f"Đồng chí {d.counters[0]}, Trưởng ban kiểm phiếu, công bố kết quả: số phiếu hợp lệ là "
        f"{z2(d.ballots_valid)} phiếu"
        + (f", số phiếu không hợp lệ là {z2(inv)} phiếu" if inv else ", không có phiếu nào không hợp lệ")
        + f". Trong số phiếu hợp lệ, có {z2(d.votes_for)} phiếu tán thành đề nghị công nhận, bằng "
        f"{pct(d.votes_for, voters)} so với tổng số {voters} {_voter_word(c)}; có {z2(d.votes_against)} "
        "phiếu không tán thành."
    )
    return [
        c.header(),
        _title(c),
        Para(
            f"Hồi 14 giờ 00 phút, {d_words(day)}, tại {_where(c)}, {d.unit} họp hội nghị để biểu quyết đề nghị "
            f"cấp trên công nhận {c.model} năm {c.year}."
        ),
        Para(members),
        Para(
            f"Hội nghị nhất trí cử Ban kiểm phiếu gồm 02 đồng chí: đ/c {d.counters[0]} làm Trưởng ban và đ/c "
            f"{d.counters[1]} làm thành viên. Ban kiểm phiếu phổ biến nguyên tắc bỏ phiếu kín và cách ghi phiếu."
        ),
        Para(handed),
        Para(
            f"Sau khi các đồng chí ghi phiếu, Ban kiểm phiếu thu về {z2(d.ballots_returned)} phiếu và tiến hành "
            "kiểm phiếu ngay tại hội trường, có sự giám sát của hội nghị."
        ),
        Para(result),
        Para(
            "Biên bản được lập thành 03 bản, đọc lại cho hội nghị nghe và được nhất trí thông qua; hội nghị kết "
            "thúc lúc 15 giờ 20 phút cùng ngày."
        ),
        _signs(c),
    ]


def two_matrices(c: Ctx) -> list[Block]:
    """BBK-18: two small matrices: the members (column names in the first row, one row "Số lượng (đồng
    chí)") and the ballots (rows "Số phiếu" and "Tỷ lệ (%)" under "Phát ra | Thu về | Hợp lệ | Không hợp lệ |
    Tán thành | Không tán thành"), shares of those entitled to vote."""
    d = c.d
    voters = stated_voters(c)
    away = stated_away(c)
    day = d.dates["bien_ban_kiem_phieu"]
    if c.cell:
        head = ["", "Tổng số", "Chính thức", "Dự bị", "Có quyền biểu quyết", "Có mặt", "Vắng"]
        vals = [c.total, c.official, c.prob, voters, d.members_present, away]
        if d.members_excused:
            head.insert(4, "Miễn sinh hoạt")
            vals.insert(3, d.members_excused)
        people = [head, ["Số lượng (đồng chí)", *(str(v) for v in vals)]]
    else:
        head = [
            "",
            "Đảng viên toàn ĐB",
            "Chính thức",
            "Dự bị",
            "Ủy viên BCH",
            "Ủy viên có mặt",
            "Ủy viên vắng",
        ]
        vals = [c.total, c.official, c.prob, d.committee_members, d.members_present, away]
        people = [head, ["Số lượng (đồng chí)", *(str(v) for v in vals)]]
    counts = [
        d.ballots_issued,
        d.ballots_returned,
        d.ballots_valid,
        d.ballots_invalid,
        d.votes_for,
        d.votes_against,
    ]
    ballots = [
        ["", "Phát ra", "Thu về", "Hợp lệ", "Không hợp lệ", "Tán thành", "Không tán thành"],
        ["Số phiếu", *(str(v) for v in counts)],
        ["Tỷ lệ (%)", *(dec(round(100 * v / voters, 2)) for v in counts)],
    ]
    n = len(people[0])
    first = 0.2
    return [
        c.header(colon=True),
        _title(c),
        Para(
            f"Hôm nay, {d_words(day)}, tại {_where(c)}, {d.unit} tiến hành biểu quyết bằng phiếu kín đề nghị "
            f"công nhận {c.model} năm {c.year}. Ban kiểm phiếu: đồng chí {d.counters[0]} (Trưởng ban), đồng chí "
            f"{d.counters[1]} (thành viên)."
        ),
        Para("1. Thành phần hội nghị", bold=True, align="left", indent=False),
        Table(people, [first] + [(1 - first) / (n - 1)] * (n - 1), align=["left"] + ["center"] * (n - 1)),
        Para("2. Kết quả kiểm phiếu", bold=True, align="left", indent=False),
        Table(ballots, [first] + [(1 - first) / 6] * 6, bold_rows={0}, align=["left"] + ["center"] * 6),
        Para(
            f"Ghi chú: tỷ lệ (%) tính trên tổng số {voters} {_voter_word(c)}.",
            italic=True,
            align="left",
            indent=False,
        ),
        Para("Ban kiểm phiếu lập biên bản này và công bố trước hội nghị; hội nghị nhất trí thông qua."),
        _signs(c),
    ]


def paired_columns(c: Ctx) -> list[Block]:
    """BBK-19: one ruled table of four columns pairing the people with the ballots row by row ("Tổng số
    đảng viên | 18 | Số phiếu phát ra | 15"), each count beside its own label; "Trang 1/1" footer."""
    d = c.d
    voters = stated_voters(c)
    away = stated_away(c)
    day = d.dates["bien_ban_kiem_phieu"]
    if c.cell:
        left = [
            ("Tổng số đảng viên", z2(c.total)),
            ("Đảng viên chính thức", z2(c.official)),
            ("Đảng viên dự bị", z2(c.prob)),
        ]
        if d.members_excused:
            left.append(("Miễn sinh hoạt", z2(d.members_excused)))
        left += [
            ("Có quyền biểu quyết", z2(voters)),
            ("Có mặt", z2(d.members_present)),
            ("Vắng mặt (có lý do)", z2(away)),
        ]
    else:
        left = [
            ("Đảng viên toàn Đảng bộ", str(c.total)),
            ("Trong đó chính thức", str(c.official)),
            ("Dự bị", str(c.prob)),
            ("Ủy viên Ban Chấp hành", z2(d.committee_members)),
            ("Ủy viên có mặt", z2(d.members_present)),
            ("Ủy viên vắng (có lý do)", z2(away)),
        ]
    right = [
        ("Số phiếu phát ra", z2(d.ballots_issued)),
        ("Số phiếu thu về", z2(d.ballots_returned)),
        ("Số phiếu hợp lệ", z2(d.ballots_valid)),
        ("Số phiếu không hợp lệ", z2(d.ballots_invalid)),
        ("Số phiếu tán thành", z2(d.votes_for)),
        ("Số phiếu không tán thành", z2(d.votes_against)),
        ("Tỷ lệ tán thành/có quyền biểu quyết", pct(d.votes_for, voters)),
    ]
    rows = [["Thành phần hội nghị", "Số lượng", "Kết quả kiểm phiếu", "Số lượng"]]
    for i in range(max(len(left), len(right))):
        a = left[i] if i < len(left) else ("", "")
        b = right[i] if i < len(right) else ("", "")
        rows.append([a[0], a[1], b[0], b[1]])
    return [
        PageFurniture(footer="Trang {page}/{pages}"),
        c.header(),
        _title(c),
        Para(
            f"Vào lúc 9 giờ 30 phút, {d_words(day)}, {d.unit} tổ chức hội nghị biểu quyết đề nghị công nhận "
            f"{c.model} năm {c.year}. Ban kiểm phiếu gồm đồng chí {d.counters[0]} - Trưởng ban và đồng chí "
            f"{d.counters[1]} - thành viên. Kết quả như sau:"
        ),
        Table(rows, [0.32, 0.13, 0.42, 0.13], align=["left", "center", "left", "center"]),
        Para("Biên bản kết thúc lúc 10 giờ 15 phút cùng ngày, được hội nghị nhất trí thông qua."),
        _signs(c),
    ]
