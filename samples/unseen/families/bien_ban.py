"""Biên bản kiểm phiếu: four ways a counting board writes up the vote."""

from __future__ import annotations

from samples.blocks import Block, Para, Sign, SignCol, Table, Title

from .common import VENUES, Ctx, absent, d_slash, d_words, eligible, pct, z2


def _left(text: str, bold: bool = False) -> Para:
    return Para(text, bold=bold, align="left", indent=False)


def _board_sign(c: Ctx, head: str = "TRƯỞNG BAN KIỂM PHIẾU", member: str = "THÀNH VIÊN") -> Sign:
    return Sign(right=SignCol([head], c.d.counters[0]), left=SignCol([member], c.d.counters[1]))


def _time(c: Ctx) -> tuple[int, int]:
    return c.rng.choice([8, 9, 14, 15]), c.rng.choice([0, 15, 30])


def prose_minutes(c: Ctx) -> list[Block]:
    """BBK-1: minutes in running prose; "tán thành: 13 /14, đạt …% so với tổng số đảng viên chính thức …"."""
    d = c.d
    h, m = _time(c)
    venue = c.rng.choice(VENUES)
    out: list[Block] = [
        c.header(),
        Title("BIÊN BẢN KIỂM PHIẾU", [f"Biểu quyết đề nghị công nhận {c.model} năm {c.year}"]),
        Para(
            f"Hôm nay, vào hồi {h} giờ {m:02d} phút, {d_words(c.date)}, tại {venue}, {d.unit} tổ chức hội nghị "
            f"biểu quyết đề nghị cấp trên công nhận {c.org} đạt {c.model} năm {c.year}."
        ),
    ]
    if c.cell:
        line = (
            f"Tổng số đảng viên của chi bộ: {c.total} đồng chí ({c.official} chính thức, {z2(c.prob)} dự bị)."
        )
        if d.members_excused:
            line += f" Miễn sinh hoạt: {z2(d.members_excused)} đồng chí."
        out.append(Para(line))
        a = absent(c)
        out.append(
            Para(
                f"Có mặt: {d.members_present} đồng chí; vắng mặt: "
                + (f"{z2(a)} đồng chí (có lý do)." if a else "không.")
            )
        )
    else:
        out.append(
            Para(
                f"Tổng số Ủy viên Ban Chấp hành Đảng bộ: {d.committee_members} đồng chí; có mặt {d.members_present}, "
                f"vắng {z2(absent(c)) if absent(c) else 'không'}."
            )
        )
    out.append(Para(f"Ban kiểm phiếu gồm: đ/c {d.counters[0]} – trưởng ban; đ/c {d.counters[1]} – ủy viên."))
    out.append(Para("Kết quả kiểm phiếu như sau:"))
    inv = d.ballots_invalid
    out.append(
        Para(
            f"Số phiếu phát ra {d.ballots_issued} phiếu, số phiếu thu về {d.ballots_returned} phiếu; trong số phiếu thu "
            f"về có {d.ballots_valid} phiếu hợp lệ và "
            + (f"{z2(inv)} phiếu không hợp lệ." if inv else "không có phiếu không hợp lệ.")
        )
    )
    base = "đảng viên chính thức có quyền biểu quyết" if c.cell else "Ủy viên Ban Chấp hành"
    out.append(
        Para(
            f"Số phiếu tán thành: {d.votes_for} /{eligible(c)}, đạt {pct(d.votes_for, eligible(c))} so với tổng số "
            f"{base}; số phiếu không tán thành: {d.votes_against}."
        )
    )
    out.append(
        Para(
            f"Biên bản lập xong hồi {h + 1} giờ cùng ngày, đã đọc lại cho hội nghị nghe và nhất trí thông qua."
        )
    )
    out.append(_board_sign(c))
    return out


def label_table(c: Ctx) -> list[Block]:
    """BBK-2: a label / value / note table: "Đảng viên trong danh sách: N (chính thức A, dự bị B)",
    "Số đảng viên chính thức tham gia biểu quyết", leading zeros, percentages with their base in a note."""
    d = c.d
    h, m = _time(c)
    a = absent(c)
    rows = [["Nội dung", "Số lượng", "Ghi chú"]]
    if c.cell:
        rows.append(
            ["Đảng viên trong danh sách", f"{c.total} (chính thức {c.official}, dự bị {z2(c.prob)})", ""]
        )
        if d.members_excused:
            rows.append(["Đảng viên được miễn sinh hoạt", z2(d.members_excused), "không tham gia biểu quyết"])
        rows.append(
            [
                "Đảng viên chính thức có quyền biểu quyết",
                str(eligible(c)),
                "trừ đảng viên miễn sinh hoạt" if d.members_excused else "",
            ]
        )
        rows.append(["Đảng viên có mặt", str(d.members_present), f"vắng {z2(a)} (có lý do)" if a else "đủ"])
        rows.append(["Số đảng viên chính thức tham gia biểu quyết", str(d.ballots_issued), ""])
    else:
        rows.append(["Ủy viên Ban Chấp hành Đảng bộ", str(d.committee_members), "có quyền biểu quyết"])
        rows.append(["Ủy viên có mặt", str(d.members_present), f"vắng {z2(a)}" if a else ""])
    rows += [
        ["Phiếu phát ra", str(d.ballots_issued), ""],
        ["Phiếu thu vào", str(d.ballots_returned), ""],
        ["Phiếu hợp lệ", str(d.ballots_valid), ""],
        ["Phiếu không hợp lệ", f"{d.ballots_invalid:02d}", ""],
        [
            "Tán thành",
            str(d.votes_for),
            f"đạt {pct(d.votes_for, eligible(c))} so với tổng số người có quyền biểu quyết",
        ],
        ["Không tán thành", f"{d.votes_against:02d}", ""],
    ]
    return [
        c.header(colon=True),
        Title("BIÊN BẢN", [f"Kiểm phiếu biểu quyết đề nghị công nhận {c.model}", f"năm {c.year}"]),
        _left(f"Thời gian: {h} giờ {m:02d}, {d_words(c.date)}."),
        _left(f"Địa điểm: {c.rng.choice(VENUES)}."),
        _left(f"Chủ trì: đ/c {d.secretary}, Bí thư."),
        _left(f"Ban kiểm phiếu: đ/c {d.counters[0]} (trưởng ban), đ/c {d.counters[1]}."),
        Table(rows, [0.46, 0.22, 0.32], align=["left", "center", "left"]),
        Para(f"Kết luận: {c.org} nhất trí đề nghị cấp trên công nhận {c.org} đạt {c.model} năm {c.year}."),
        _board_sign(c, "TRƯỞNG BAN", "THƯ KÝ"),
    ]


def dashed_lines(c: Ctx) -> list[Block]:
    """BBK-3: numbered lines "label - value", no colons, "đồng ý / không đồng ý", share of valid ballots."""
    d = c.d
    h, m = _time(c)
    out: list[Block] = [
        c.header(),
        Title("BIÊN BẢN KIỂM PHIẾU", [f"(V/v biểu quyết đề nghị công nhận {c.model} năm {c.year})"]),
        Para(
            f"Vào lúc {h}h{m:02d} ngày {d_slash(c.date)}, tại {c.rng.choice(VENUES)}, Ban kiểm phiếu gồm các đồng chí:"
        ),
        _left(f"1. Đồng chí {d.counters[0]} - Trưởng ban"),
        _left(f"2. Đồng chí {d.counters[1]} - Thành viên"),
        Para(f"đã tiến hành kiểm phiếu biểu quyết đề nghị công nhận {c.model}, kết quả cụ thể:"),
    ]
    lines: list[str] = []
    if c.cell:
        lines.append(f"Tổng số đảng viên chính thức của chi bộ - {c.official} đồng chí")
        lines.append(f"Số đảng viên dự bị - {z2(c.prob)} đồng chí (không biểu quyết)")
        if d.members_excused:
            lines.append(f"Số đảng viên được miễn sinh hoạt - {z2(d.members_excused)} đồng chí")
        lines.append(f"Số đảng viên có mặt - {d.members_present} đồng chí")
    else:
        lines.append(f"Tổng số đồng chí Ủy viên Ban Chấp hành Đảng bộ - {d.committee_members}")
        lines.append(f"Số Ủy viên có mặt - {d.members_present}")
    lines += [
        f"Số phiếu phát ra - {d.ballots_issued}",
        f"Số phiếu thu về - {d.ballots_returned}",
        f"Số phiếu hợp lệ - {d.ballots_valid}",
        f"Số phiếu không hợp lệ - {d.ballots_invalid}",
        f"Số phiếu đồng ý - {d.votes_for} phiếu (bằng {pct(d.votes_for, d.ballots_valid)} số phiếu hợp lệ)",
        f"Số phiếu không đồng ý - {d.votes_against}",
    ]
    out += [_left(f"{i}. {text}") for i, text in enumerate(lines, 3)]
    out.append(Para("Ban kiểm phiếu lập biên bản để báo cáo cấp ủy và lưu hồ sơ."))
    out.append(_board_sign(c))
    return out


def bullet_list(c: Ctx) -> list[Block]:
    """BBK-4: "+" bullets, "đ/c", attendance as "15/16 đ/c", "trong đó" introducing excused members."""
    d = c.d
    out: list[Block] = [
        c.header(pad=False),
        Title("BIÊN BẢN", ["KIỂM PHIẾU BIỂU QUYẾT", f"đề nghị công nhận {c.model} năm {c.year}"]),
        Para(
            f"Ngày {d_slash(c.date, pad=False)}, {d.unit} họp biểu quyết việc đề nghị công nhận {c.org} đạt "
            f"{c.model} năm {c.year}."
        ),
    ]
    if c.cell:
        line = f"Chi bộ có {c.total} đ/c đảng viên (chính thức {c.official}, dự bị {c.prob})"
        if d.members_excused:
            line += (
                f"; trong đó {z2(d.members_excused)} đ/c được miễn sinh hoạt theo quy định nên không tham gia "
                "biểu quyết"
            )
        out.append(Para(line + "."))
        out.append(Para(f"Dự họp: {d.members_present}/{c.total - d.members_excused} đ/c."))
    else:
        out.append(
            Para(
                f"Ban Chấp hành Đảng bộ có {d.committee_members} đ/c, dự họp {d.members_present}/{d.committee_members} đ/c."
            )
        )
    out.append(Para(f"Tổ kiểm phiếu: đ/c {d.counters[0]}, đ/c {d.counters[1]}. Kết quả:"))
    against = f"{d.votes_against} phiếu" if d.votes_against else "không có"
    inv = f"{d.ballots_invalid}" if d.ballots_invalid else "không có"
    out += [
        _left(f"+ Phiếu phát ra: {d.ballots_issued}"),
        _left(f"+ Phiếu thu về: {d.ballots_returned}"),
        _left(f"+ Phiếu hợp lệ: {d.ballots_valid}; không hợp lệ: {inv}"),
        _left(
            f"+ Tán thành: {d.votes_for} phiếu, đạt {pct(d.votes_for, eligible(c))} so với tổng số người có quyền "
            "biểu quyết"
        ),
        _left(f"+ Không tán thành: {against}"),
        _board_sign(c, "TỔ TRƯỞNG TỔ KIỂM PHIẾU", "TỔ VIÊN"),
    ]
    return out
