"""Biên bản kiểm phiếu, round 2: three more ways a counting board writes up the vote."""

from __future__ import annotations

from samples.blocks import Block, PageFurniture, Para, Sign, SignCol, Table, Title

from .common import VENUES, Ctx, absent, d_slash, d_words, eligible, pct, with_words, z2


def _left(text: str, bold: bool = False) -> Para:
    return Para(text, bold=bold, align="left", indent=False)


def _board_sign(c: Ctx, head: str = "TRƯỞNG BAN KIỂM PHIẾU", member: str = "THÀNH VIÊN") -> Sign:
    return Sign(right=SignCol([head], c.d.counters[0]), left=SignCol([member], c.d.counters[1]))


def _time(c: Ctx) -> tuple[int, int]:
    return c.rng.choice([7, 8, 14, 15, 19]), c.rng.choice([0, 10, 30, 45])


def _attendance(c: Ctx) -> str:
    """'Có mặt 15/16 đồng chí (01 đồng chí vắng có lý do)' (a cell) or the committee's attendance."""
    d, a = c.d, absent(c)
    if c.cell:
        called = c.total - d.members_excused
        text = f"có mặt {d.members_present}/{called} đồng chí" + (
            f" ({z2(a)} đồng chí vắng có lý do)" if a else ""
        )
        if d.members_excused:
            text += f"; {z2(d.members_excused)} đồng chí được miễn sinh hoạt đảng, không triệu tập"
        return text
    return f"có mặt {d.members_present}/{d.committee_members} đồng chí ủy viên Ban Chấp hành" + (
        f" ({z2(a)} đồng chí vắng có lý do)" if a else ""
    )


def ballot_table(c: Ctx) -> list[Block]:
    """BBK-5: the count as a "Nội dung | Số phiếu | Tỷ lệ (%)" table, each share on its own base;
    attendance "có mặt 15/16 đồng chí (01 đồng chí vắng có lý do)"."""
    d = c.d
    h, m = _time(c)
    e = eligible(c)
    out: list[Block] = [
        c.header(colon=True),
        Title("BIÊN BẢN KIỂM PHIẾU", [f"Biểu quyết đề nghị công nhận {c.model} năm {c.year}"]),
        Para(
            f"Vào lúc {h} giờ {m:02d} phút, {d_words(c.date, pad=False)}, tại {c.rng.choice(VENUES)}, {d.unit} tiến "
            f"hành biểu quyết bằng phiếu kín việc đề nghị công nhận {c.model} năm {c.year}."
        ),
        _left("Ban kiểm phiếu gồm các đồng chí:"),
        _left(f"1. Đồng chí {d.counters[0]} – Trưởng ban;"),
        _left(f"2. Đồng chí {d.counters[1]} – Thành viên."),
    ]
    if c.cell:
        out.append(
            Para(
                f"Tổng số đảng viên của chi bộ: {c.total} đồng chí (chính thức: {c.official}; dự bị: {z2(c.prob)}); "
                f"{_attendance(c)}."
            )
        )
        out.append(
            Para(
                f"Số đảng viên chính thức có quyền biểu quyết: {e} đồng chí; số đảng viên chính thức có mặt: "
                f"{d.ballots_issued} đồng chí."
            )
        )
    else:
        out.append(
            Para(
                f"Đảng bộ hiện có {c.total} đảng viên ({c.official} chính thức). Ban Chấp hành Đảng bộ gồm "
                f"{d.committee_members} đồng chí; {_attendance(c)}."
            )
        )
    rows = [
        ["TT", "Nội dung", "Số phiếu", "Tỷ lệ (%)"],
        ["1", "Số phiếu phát ra", str(d.ballots_issued), pct(d.ballots_issued, e)],
        ["2", "Số phiếu thu vào", str(d.ballots_returned), pct(d.ballots_returned, d.ballots_issued)],
        ["3", "Số phiếu hợp lệ", str(d.ballots_valid), pct(d.ballots_valid, d.ballots_returned)],
        ["4", "Số phiếu không hợp lệ", z2(d.ballots_invalid), pct(d.ballots_invalid, d.ballots_returned)],
        ["5", "Số phiếu tán thành", str(d.votes_for), pct(d.votes_for, e)],
        ["6", "Số phiếu không tán thành", z2(d.votes_against), pct(d.votes_against, e)],
    ]
    out.append(_left("Kết quả kiểm phiếu:"))
    out.append(Table(rows, [0.1, 0.5, 0.18, 0.22], align=["center", "left", "center", "center"]))
    who = "đảng viên chính thức có quyền biểu quyết" if c.cell else "ủy viên Ban Chấp hành Đảng bộ"
    out.append(
        Para(
            f"Tỷ lệ tán thành tính trên tổng số {who}. Biên bản kết thúc vào lúc {h + 1} giờ cùng ngày, được lập "
            "thành 03 bản và thông qua trước hội nghị."
        )
    )
    out.append(_board_sign(c))
    return out


def merged_header(c: Ctx) -> list[Block]:
    """BBK-6: one wide row of figures under a two-row header with merged cells ("Số phiếu" over
    "Phát ra | Thu về | Hợp lệ | Không hợp lệ", "Kết quả biểu quyết" over "Tán thành | Tỷ lệ | Không tán thành")."""
    d = c.d
    h, m = _time(c)
    a = absent(c)
    e = eligible(c)
    out: list[Block] = [
        c.header(),
        Title("BIÊN BẢN KIỂM PHIẾU", [f"V/v đề nghị công nhận {c.model} năm {c.year}"]),
        Para(
            f"Hôm nay, hồi {h}h{m:02d} {d_words(c.date)}, {d.unit} họp để biểu quyết đề nghị công nhận {c.model}. "
            f"Chủ trì hội nghị: đồng chí {d.secretary}, Bí thư; thư ký: đồng chí {d.counters[1]}."
        ),
    ]
    if c.cell:
        out.append(
            Para(
                f"Đảng viên của chi bộ: {c.total} đồng chí ({c.official} chính thức, {z2(c.prob)} dự bị); được triệu "
                f"tập: {c.total - d.members_excused} đồng chí. Đảng viên có mặt: {d.members_present} đồng chí; vắng: "
                + (f"{z2(a)} đồng chí (có lý do)." if a else "không.")
                + (
                    f" Miễn sinh hoạt: {z2(d.members_excused)} đồng chí (không triệu tập)."
                    if d.members_excused
                    else ""
                )
            )
        )
        who = "Đảng viên chính thức có quyền biểu quyết"
    else:
        out.append(
            Para(
                f"Tổng số đảng viên toàn Đảng bộ: {c.total} (chính thức {c.official}, dự bị {z2(c.prob)}). Ủy viên "
                f"Ban Chấp hành được triệu tập: {d.committee_members}; có mặt: {d.members_present}; vắng: "
                + (f"{z2(a)} (có lý do)." if a else "không.")
            )
        )
        who = "Ủy viên BCH có quyền biểu quyết"
    out.append(
        Para(f"Hội nghị bầu Ban kiểm phiếu do đồng chí {d.counters[0]} làm Trưởng ban. Kết quả kiểm phiếu:")
    )
    rows = [
        [who, "Số phiếu", "", "", "", "Kết quả biểu quyết", "", ""],
        ["", "Phát ra", "Thu về", "Hợp lệ", "Không hợp lệ", "Tán thành", "Tỷ lệ (%)", "Không tán thành"],
        [
            str(e),
            str(d.ballots_issued),
            str(d.ballots_returned),
            str(d.ballots_valid),
            z2(d.ballots_invalid) if d.ballots_invalid else "0",
            str(d.votes_for),
            pct(d.votes_for, e).rstrip("%"),
            z2(d.votes_against) if d.votes_against else "0",
        ],
    ]
    out.append(
        Table(
            rows,
            [0.17, 0.1, 0.1, 0.1, 0.12, 0.12, 0.14, 0.15],
            bold_rows={0, 1},
            align=["center"] * 8,
            spans={(0, 0): (2, 1), (0, 1): (1, 4), (0, 5): (1, 3)},
            header_rows=2,
        )
    )
    out.append(
        Para(
            f"Hội nghị kết thúc hồi {h + 1}h{m:02d} cùng ngày. Ban kiểm phiếu công bố kết quả trước hội nghị; "
            "biên bản được thông qua, các đồng chí dự họp nhất trí."
        )
    )
    out.append(_board_sign(c, "TRƯỞNG BAN", "THƯ KÝ"))
    return out


def words_beside(c: Ctx) -> list[Block]:
    """BBK-7: "- Số phiếu phát ra: 14 (mười bốn) phiếu" lines, shares after "bằng", a running header with the
    unit and "Trang 1/2" in the footer; other numbers near (the time, the copies, the meeting's number)."""
    d = c.d
    h, m = _time(c)
    a = absent(c)
    e = eligible(c)
    out: list[Block] = [
        PageFurniture(
            header=f"{d.unit} – Hồ sơ đề nghị công nhận năm {c.year}", footer="Trang {page}/{pages}"
        ),
        c.header(colon=True, words=False),
        Title("BIÊN BẢN KIỂM PHIẾU BIỂU QUYẾT", [f"Đề nghị công nhận {c.model} năm {c.year}"]),
        Para(
            f"Thời gian: {h} giờ {m:02d} phút, {d_words(c.date)}. Địa điểm: {c.rng.choice(VENUES)}. Kỳ họp thứ "
            f"{c.rng.randint(12, 15)} của {'chi bộ' if c.cell else 'Ban Chấp hành Đảng bộ'} nhiệm kỳ 2020–2025."
        ),
    ]
    if c.cell:
        out += [
            _left(f"- Tổng số đảng viên: {with_words(c.total)} đồng chí, trong đó:"),
            _left(f"  + Đảng viên chính thức: {with_words(c.official)} đồng chí;"),
            _left(f"  + Đảng viên dự bị: {with_words(c.prob) if c.prob else '0 (không)'} đồng chí."),
        ]
        if d.members_excused:
            out.append(_left(f"- Đảng viên miễn sinh hoạt: {with_words(d.members_excused)} đồng chí."))
        out.append(
            _left(
                f"- Có mặt: {with_words(d.members_present)} đồng chí; vắng: "
                + (f"{with_words(a)} đồng chí (có lý do)." if a else "0 (không).")
            )
        )
        out.append(_left(f"- Đảng viên chính thức có quyền biểu quyết: {with_words(e)} đồng chí."))
    else:
        out += [
            _left(f"- Tổng số ủy viên Ban Chấp hành Đảng bộ: {with_words(d.committee_members)} đồng chí."),
            _left(
                f"- Có mặt: {with_words(d.members_present)} đồng chí; vắng: "
                + (f"{with_words(a)} đồng chí (có lý do)." if a else "0 (không).")
            ),
        ]
    out.append(
        _left(f"Ban kiểm phiếu: đồng chí {d.counters[0]} (Trưởng ban), đồng chí {d.counters[1]} (ủy viên).")
    )
    out.append(_left("Kết quả kiểm phiếu:", bold=True))
    inv = d.ballots_invalid
    out += [
        _left(f"- Số phiếu phát ra: {with_words(d.ballots_issued)} phiếu."),
        _left(f"- Số phiếu thu về: {with_words(d.ballots_returned)} phiếu."),
        _left(f"- Số phiếu hợp lệ: {with_words(d.ballots_valid)} phiếu."),
        _left(f"- Số phiếu không hợp lệ: {with_words(inv) if inv else '0 (không)'} phiếu."),
        _left(
            f"- Số phiếu tán thành: {with_words(d.votes_for)} phiếu, bằng {pct(d.votes_for, e)} so với tổng số "
            + ("đảng viên chính thức có quyền biểu quyết." if c.cell else "ủy viên Ban Chấp hành.")
        ),
        _left(
            f"- Số phiếu không tán thành: {with_words(d.votes_against) if d.votes_against else '0 (không)'} phiếu."
        ),
        Para(
            f"Biên bản lập xong lúc {h + 1} giờ {m:02d} phút cùng ngày {d_slash(c.date)}, gồm 02 trang, lập thành "
            "02 bản: 01 bản gửi cấp trên, 01 bản lưu hồ sơ."
        ),
        _board_sign(c, "TRƯỞNG BAN KIỂM PHIẾU", "ỦY VIÊN"),
    ]
    return out
