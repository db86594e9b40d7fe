"""Biên bản kiểm phiếu, round 3: a ballot table with shares, the ballots on one line with counts in words,
and a composition table (official / probationary: total, present, absent)."""

from __future__ import annotations

from samples.blocks import Block, Para, Sign, SignCol, Table, Title

from .common import VENUES, Ctx, absent, d_slash, d_words, eligible, z2
from .r3_common import left, said


def _board(c: Ctx, head: str = "TRƯỞNG BAN KIỂM PHIẾU", member: str = "ỦY VIÊN") -> Sign:
    return Sign(right=SignCol([head], c.d.counters[0]), left=SignCol([member], c.d.counters[1]))


def _share(part: int, whole: int) -> str:
    """A share as a table cell writes it: '93,75' (no % sign, the header says it)."""
    if not whole:
        return "0"
    v = round(100.0 * part / whole, 2)
    return str(int(v)) if v.is_integer() else f"{v:.2f}".rstrip("0").replace(".", ",")


def _pct(part: int, whole: int) -> str:
    return _share(part, whole) + "%"


def _called(c: Ctx) -> int:
    """Who was called to the meeting: the members less those excused (a cell), the committee (a đảng bộ)."""
    d = c.d
    return c.total - d.members_excused if c.cell else d.committee_members


def _attendance(c: Ctx) -> str:
    """'có mặt 15/16 đồng chí (vắng 01 có lý do)'."""
    a = absent(c)
    why = f"vắng {z2(a)} có lý do" if a else "không có đồng chí vắng mặt"
    return f"có mặt {c.d.members_present}/{_called(c)} đồng chí ({why})"


def ballot_table(c: Ctx) -> list[Block]:
    """BBK-8: attendance "có mặt 15/16 đồng chí (vắng 01 có lý do)"; the count in a table
    "Nội dung | Số phiếu | Tỷ lệ (%)", shares of those entitled to vote."""
    d = c.d
    h = c.rng.choice([8, 9, 14])
    out: list[Block] = [
        c.header(),
        Title("BIÊN BẢN KIỂM PHIẾU", [f"Biểu quyết đề nghị công nhận {c.model} năm {c.year}"]),
        Para(
            f"Hôm nay, vào lúc {h} giờ 00, {d_words(c.date)}, tại {c.rng.choice(VENUES)}, {d.unit} tiến hành "
            f"hội nghị biểu quyết đề nghị công nhận {c.org} đạt {c.model} năm {c.year}."
        ),
        left("I. THÀNH PHẦN", bold=True),
    ]
    if c.cell:
        line = f"Tổng số đảng viên của chi bộ: {c.total} đồng chí (chính thức: {c.official}; dự bị: {z2(c.prob)})"
        if d.members_excused:
            line += f"; {z2(d.members_excused)} đồng chí được miễn sinh hoạt đảng không triệu tập"
        out.append(Para(line + "."))
        out.append(Para(f"Dự hội nghị: {_attendance(c)}."))
    else:
        out.append(
            Para(
                f"Ban Chấp hành Đảng bộ nhiệm kỳ 2020 - 2025 gồm {d.committee_members} đồng chí; dự hội nghị "
                f"{_attendance(c)}."
            )
        )
    out.append(
        Para(
            f"Ban kiểm phiếu gồm 02 đồng chí: đồng chí {d.counters[0]} - Trưởng ban và đồng chí "
            f"{d.counters[1]} - Ủy viên."
        )
    )
    out.append(left("II. KẾT QUẢ KIỂM PHIẾU", bold=True))
    e = eligible(c)
    base = (
        f"Tổng số đảng viên chính thức có quyền biểu quyết: {e} đồng chí."
        if c.cell
        else f"Tổng số Ủy viên Ban Chấp hành có quyền biểu quyết: {e} đồng chí."
    )
    out.append(Para(base))
    rows = [
        ["TT", "Nội dung", "Số phiếu", "Tỷ lệ (%)"],
        ["1", "Số phiếu phát ra", str(d.ballots_issued), _share(d.ballots_issued, e)],
        ["2", "Số phiếu thu về", str(d.ballots_returned), _share(d.ballots_returned, e)],
        ["3", "Số phiếu hợp lệ", str(d.ballots_valid), _share(d.ballots_valid, e)],
        ["4", "Số phiếu không hợp lệ", z2(d.ballots_invalid), _share(d.ballots_invalid, e)],
        ["5", "Số phiếu tán thành", str(d.votes_for), _share(d.votes_for, e)],
        ["6", "Số phiếu không tán thành", z2(d.votes_against), _share(d.votes_against, e)],
    ]
    out.append(Table(rows, [0.08, 0.52, 0.18, 0.22], align=["center", "left", "center", "center"]))
    out.append(Para("(Tỷ lệ tính trên tổng số người có quyền biểu quyết.)", italic=True))
    out.append(
        Para(
            "Ban kiểm phiếu đã công bố kết quả trước hội nghị; biên bản được lập thành 02 bản, đọc lại cho "
            "hội nghị nghe và không có ý kiến khác."
        )
    )
    out.append(_board(c))
    return out


def one_line_ballots(c: Ctx) -> list[Block]:
    """BBK-9: "Số phiếu phát ra: …; số phiếu thu về: …; hợp lệ …; không hợp lệ …" on one line; counts with
    their words "15 (mười lăm)"; shares of the valid ballots; the minutes approved "100%"."""
    d = c.d
    h = c.rng.choice([14, 15, 19])
    out: list[Block] = [
        c.header(colon=True, words=False),
        Title("BIÊN BẢN", [f"Kiểm phiếu biểu quyết đề nghị công nhận {c.model}", f"năm {c.year}"]),
        left(f"Vào hồi {h} giờ 30 phút ngày {d_slash(c.date)}, tại {c.rng.choice(VENUES)}."),
        left(f"Chủ trì hội nghị: đồng chí {d.secretary} - Bí thư {c.org}."),
        left(f"Thư ký hội nghị: đồng chí {d.counters[1]}."),
    ]
    a = absent(c)
    if c.cell:
        line = (
            f"Tổng số đảng viên {c.org}: {said(c.total)} đồng chí, trong đó đảng viên chính thức "
            f"{said(c.official)} đồng chí"
        )
        if d.members_excused:
            line += f", miễn sinh hoạt {said(d.members_excused)} đồng chí"
        out.append(left(line + "."))
        out.append(
            left(
                f"Có mặt: {said(d.members_present)} đồng chí; vắng: "
                + (f"{said(a)} đồng chí (có lý do)." if a else "không.")
            )
        )
    else:
        out.append(
            left(
                f"Tổng số Ủy viên Ban Chấp hành Đảng bộ: {said(d.committee_members)} đồng chí; có mặt "
                f"{said(d.members_present)} đồng chí"
                + (f", vắng {said(a)} đồng chí (có lý do)." if a else ".")
            )
        )
    out.append(
        Para(
            f"Hội nghị đã bầu Ban kiểm phiếu gồm đồng chí {d.counters[0]} (Trưởng ban) và đồng chí "
            f"{d.counters[1]} (thành viên). Sau khi kiểm phiếu, kết quả như sau:"
        )
    )
    out.append(
        left(
            f"Số phiếu phát ra: {d.ballots_issued}; số phiếu thu về: {d.ballots_returned}; số phiếu hợp lệ: "
            f"{d.ballots_valid}; số phiếu không hợp lệ: {d.ballots_invalid}."
        )
    )
    v = d.ballots_valid
    out.append(
        left(
            f"Kết quả: {said(d.votes_for)} phiếu tán thành, chiếm {_pct(d.votes_for, v)} số phiếu hợp lệ; "
            f"{said(d.votes_against)} phiếu không tán thành, chiếm {_pct(d.votes_against, v)}."
        )
    )
    out.append(
        Para(
            f"Biên bản kết thúc hồi {h + 1} giờ cùng ngày, được thông qua tại hội nghị với 100% đảng viên có "
            "mặt nhất trí."
        )
    )
    out.append(_board(c, "TRƯỞNG BAN", "THÀNH VIÊN"))
    return out


def composition_table(c: Ctx) -> list[Block]:
    """BBK-10: who came in a table "Thành phần | Tổng số | Có mặt | Vắng (có lý do)", with a "Cộng" row;
    the result as dashed lines, "phát ra … thu về … (đạt …%)", "tán thành 14/15 (93,33%)"."""
    d = c.d
    a = absent(c)
    out: list[Block] = [
        c.header(pad=False),
        Title(
            "BIÊN BẢN", [f"Hội nghị biểu quyết đề nghị công nhận {c.model} năm {c.year}", "(Phần kiểm phiếu)"]
        ),
        left("I. THỜI GIAN, ĐỊA ĐIỂM", bold=True),
        left(f"- Thời gian: {d_words(c.date, pad=False)}."),
        left(f"- Địa điểm: {c.rng.choice(VENUES)}."),
        left("II. THÀNH PHẦN", bold=True),
    ]
    rows = [["Thành phần", "Tổng số", "Có mặt", "Vắng (có lý do)", "Ghi chú"]]
    if c.cell:
        callable_official = c.official - d.members_excused
        off_present = d.ballots_issued  # ballots go to the official members present; dự bị do not vote
        prob_present = d.members_present - off_present
        rows += [
            [
                "Đảng viên chính thức",
                str(c.official),
                str(off_present),
                z2(callable_official - off_present) or "0",
                f"{z2(d.members_excused)} đ/c miễn sinh hoạt" if d.members_excused else "",
            ],
            [
                "Đảng viên dự bị",
                z2(c.prob) or "0",
                z2(prob_present) or "0",
                z2(c.prob - prob_present) or "0",
                "",
            ],
            ["Cộng", str(c.total), str(d.members_present), z2(a) or "0", ""],
        ]
    else:
        rows.append(
            [
                "Ủy viên Ban Chấp hành Đảng bộ",
                str(d.committee_members),
                str(d.members_present),
                z2(a) or "0",
                "",
            ]
        )
    out.append(
        Table(rows, [0.34, 0.14, 0.14, 0.18, 0.2], align=["left", "center", "center", "center", "left"])
    )
    out.append(
        left(
            f"Chủ trì: đồng chí {d.secretary}; Ban kiểm phiếu: đồng chí {d.counters[0]}, đồng chí {d.counters[1]}."
        )
    )
    out.append(left("III. KẾT QUẢ KIỂM PHIẾU", bold=True))
    e = eligible(c)
    who = (
        "Số đảng viên chính thức có quyền biểu quyết"
        if c.cell
        else "Số Ủy viên Ban Chấp hành có quyền biểu quyết"
    )
    out += [
        left(f"- {who}: {e}."),
        left(
            f"- Phiếu phát ra {d.ballots_issued}, thu về {d.ballots_returned} "
            f"(đạt {_pct(d.ballots_returned, d.ballots_issued)})."
        ),
        left(f"- Phiếu hợp lệ {d.ballots_valid}, phiếu không hợp lệ {d.ballots_invalid}."),
        left(
            f"- Tán thành {d.votes_for}/{e} ({_pct(d.votes_for, e)}); không tán thành "
            f"{d.votes_against}/{e} ({_pct(d.votes_against, e)})."
        ),
        Para(f"Biên bản lập xong lúc 16 giờ 15 phút ngày {d_slash(c.date)}.", italic=True),
        _board(c, "TRƯỞNG BAN KIỂM PHIẾU", "THÀNH VIÊN"),
    ]
    return out
