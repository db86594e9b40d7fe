"""Tờ trình đề nghị công nhận: four ways districts write the request."""

from __future__ import annotations

from samples.blocks import Block, Para, Table, Title

from .common import (
    Ctx,
    criteria_total,
    d_slash,
    d_words,
    dec,
    eligible,
    pct,
    rating_abbr,
    rating_word,
    z2,
)


def _left(text: str, bold: bool = False) -> Para:
    return Para(text, bold=bold, align="left", indent=False)


def _kinh_gui(c: Ctx) -> Para:
    return Para(f"Kính gửi: {c.d.recipient}", align="center", indent=False)


def _ratings_prose(c: Ctx, sep: str = "đ/c") -> str:
    r = c.d.ratings
    parts = [f"{z2(r[k])} {sep} {rating_word(c, k)}" for k in ("xuat_sac", "tot", "hoan_thanh")]
    tail = (
        f"không có đảng viên {rating_word(c, 'khong_hoan_thanh')}"
        if not r["khong_hoan_thanh"]
        else f"{z2(r['khong_hoan_thanh'])} {sep} {rating_word(c, 'khong_hoan_thanh')}"
    )
    return ", ".join(parts) + "; " + tail


def _discipline(c: Ctx) -> str:
    n = c.d.disciplined_members
    if not n:
        return "Trong năm không có đảng viên nào bị xử lý kỷ luật."
    return f"Trong năm có {z2(n)} đảng viên bị xử lý kỷ luật bằng hình thức khiển trách."


def prose_breakdown(c: Ctx) -> list[Block]:
    """TTR-1: one flowing letter; members as "N đảng viên (A chính thức, B dự bị)", vote as "a/b đồng chí"."""
    d = c.d
    bb = d.dates["bien_ban_kiem_phieu"]
    prob = f"{z2(c.prob)} dự bị" if c.prob else "không có đảng viên dự bị"
    out: list[Block] = [
        c.header(),
        Title("TỜ TRÌNH", [f"Về việc đề nghị công nhận {c.model} năm {c.year}"]),
        _kinh_gui(c),
        Para(
            "Căn cứ hướng dẫn của cấp ủy cấp trên về thực hiện mô hình “chi bộ bốn tốt”, "
            f"“đảng bộ cơ sở bốn tốt”; căn cứ kết quả biểu quyết của {c.org} {d_words(bb, pad=False)},"
        ),
    ]
    if c.cell:
        out.append(Para(f"{d.unit} hiện có {c.total} đảng viên ({c.official} chính thức, {prob})."))
    else:
        s = d.subordinates
        out.append(
            Para(
                f"{d.unit} có {s.total} chi bộ trực thuộc với {c.total} đảng viên ({c.official} chính thức, "
                f"{prob}); Ban Chấp hành Đảng bộ gồm {d.committee_members} đồng chí."
            )
        )
    out += [
        Para(
            f"Năm {c.year}, {c.org} duy trì sinh hoạt thường kỳ {d.regular_meetings}/12 tháng và tổ chức "
            f"{z2(d.thematic_meetings)} cuộc sinh hoạt chuyên đề; tỷ lệ đảng viên dự sinh hoạt bình quân đạt "
            f"{dec(d.attendance_pct)}%."
        ),
        Para(f"Kết quả đánh giá, xếp loại chất lượng đảng viên cuối năm: {_ratings_prose(c)}."),
        Para(_discipline(c)),
    ]
    if not c.cell:
        s = d.subordinates
        out.append(
            Para(
                f"Có {s.bon_tot}/{s.total} chi bộ trực thuộc được Đảng ủy công nhận đạt “chi bộ bốn tốt”; "
                f"{s.xuat_sac + s.tot} chi bộ được xếp loại hoàn thành tốt nhiệm vụ trở lên."
            )
        )
    score, mx = criteria_total(c)
    per = "; ".join(f"tiêu chí {i}: {dec(k.score)}/{dec(k.max)}" for i, k in enumerate(d.criteria, 1))
    out.append(Para(f"Tự chấm điểm theo 04 tiêu chí đạt tổng cộng {dec(score)}/{dec(mx)} điểm ({per})."))
    who = "đồng chí" if c.cell else "đồng chí Ủy viên Ban Chấp hành"
    out.append(
        Para(
            f"Tại cuộc biểu quyết ngày {d_slash(bb)}, có {d.votes_for}/{eligible(c)} {who} tán thành "
            f"(đạt {pct(d.votes_for, eligible(c))})."
        )
    )
    out.append(
        Para(f"{d.unit} kính trình {d.recipient} xem xét, công nhận {c.org} đạt {c.model} năm {c.year}./.")
    )
    out.append(c.signature(["- Như trên,", "- Lưu."]))
    return out


def numbered_sections(c: Ctx) -> list[Block]:
    """TTR-2: roman sections, "label: value" lines, each criterion with its own score."""
    d = c.d
    out: list[Block] = [
        c.header(colon=True),
        Title("TỜ TRÌNH", [f"Đề nghị xét, công nhận {c.model}", f"năm {c.year}"]),
        _kinh_gui(c),
        _left("I. TÌNH HÌNH CHUNG", bold=True),
    ]
    if not c.cell:
        out.append(_left(f"- Số chi bộ trực thuộc: {d.subordinates.total}."))
    out.append(
        _left(
            f"- Tổng số đảng viên: {c.total} đ/c. Trong đó: đảng viên chính thức: {c.official} đ/c; "
            f"đảng viên dự bị: {z2(c.prob)} đ/c."
        )
    )
    out.append(_left("II. KẾT QUẢ THỰC HIỆN CÁC TIÊU CHÍ", bold=True))
    for i, k in enumerate(d.criteria, 1):
        out.append(_left(f"{i}. {k.name}: tự chấm {dec(k.score)} điểm/{dec(k.max)} điểm."))
    out.append(
        _left(
            f"- Sinh hoạt: thường kỳ {d.regular_meetings} kỳ; chuyên đề {z2(d.thematic_meetings)} kỳ; "
            f"đảng viên dự sinh hoạt bình quân {dec(d.attendance_pct)}%."
        )
    )
    r = d.ratings
    out.append(
        _left(
            "- Xếp loại đảng viên: "
            + "; ".join(f"{rating_word(c, k).capitalize()}: {z2(r[k])}" for k in r)
            + "."
        )
    )
    if not c.cell:
        s = d.subordinates
        out.append(
            _left(
                f"- Chi bộ trực thuộc: hoàn thành tốt nhiệm vụ trở lên {s.xuat_sac + s.tot}/{s.total}; "
                f"hoàn thành nhiệm vụ {z2(s.hoan_thanh)}; không hoàn thành nhiệm vụ {z2(s.khong_hoan_thanh)}; "
                f"đạt “chi bộ bốn tốt” {s.bon_tot}."
            )
        )
    out.append(_left("- " + _discipline(c)))
    out.append(_left("III. KẾT QUẢ BIỂU QUYẾT", bold=True))
    base = "đảng viên chính thức có quyền biểu quyết" if c.cell else "Ủy viên Ban Chấp hành Đảng bộ"
    out.append(
        _left(
            f"Tổng số {base}: {eligible(c)}; số đồng chí tán thành: {d.votes_for}, đạt "
            f"{pct(d.votes_for, eligible(c))} so với tổng số người có quyền biểu quyết."
        )
    )
    out.append(_left("IV. ĐỀ NGHỊ", bold=True))
    out.append(Para(f"Đề nghị {d.recipient} xem xét, công nhận {d.unit} đạt {c.model} năm {c.year}."))
    out.append(c.signature(c.recipients()))
    return out


def summary_table(c: Ctx) -> list[Block]:
    """TTR-3: the figures in a label/value table; member ratings as percentages only."""
    d = c.d
    r = d.ratings
    rated = sum(r.values())
    shares = "; ".join(
        f"{rating_abbr(c, k)} {pct(r[k], rated)}" for k in ("xuat_sac", "tot", "hoan_thanh") if r[k]
    )
    shares += (
        f"; {rating_abbr(c, 'khong_hoan_thanh')} {pct(r['khong_hoan_thanh'], rated)}"
        if r["khong_hoan_thanh"]
        else "; không có đảng viên KHTNV"
    )
    score, mx = criteria_total(c)
    rows = [
        ["TT", "Nội dung", "Kết quả"],
        ["1", "Đảng viên", f"{c.total} (chính thức {c.official}, dự bị {c.prob})"],
        ["2", "Sinh hoạt thường kỳ / chuyên đề", f"{d.regular_meetings} / {d.thematic_meetings}"],
        ["3", "Tỷ lệ dự sinh hoạt bình quân", f"{dec(d.attendance_pct)}%"],
        ["4", "Xếp loại đảng viên (tỷ lệ)", shares],
        ["5", "Kỷ luật", "Không" if not d.disciplined_members else f"{z2(d.disciplined_members)} đ/c"],
        ["6", "Tổng điểm tự chấm", f"{dec(score)}/{dec(mx)}"],
        ["7", "Biểu quyết đề nghị công nhận", f"{d.votes_for}/{eligible(c)} đ/c tán thành"],
    ]
    if not c.cell:
        s = d.subordinates
        rows.insert(2, ["", "Chi bộ trực thuộc", str(s.total)])
        rows.append(["8", "Chi bộ trực thuộc đạt “bốn tốt”", f"{s.bon_tot}/{s.total}"])
        rows.append(["9", "Chi bộ trực thuộc HTTNV trở lên", f"{s.xuat_sac + s.tot}/{s.total}"])
    return [
        c.header(),
        Title("TỜ TRÌNH", [f"V/v đề nghị công nhận {c.org} đạt {c.model} năm {c.year}"]),
        _kinh_gui(c),
        Para(f"{d.unit} báo cáo tóm tắt kết quả năm {c.year} như sau:"),
        Table(rows, [0.08, 0.42, 0.5], align=["center", "left", "left"]),
        Para(f"Kính đề nghị {d.recipient} xem xét, công nhận./."),
        c.signature(c.recipients()),
    ]


def letter(c: Ctx) -> list[Block]:
    """TTR-4: a short letter; "trong đó" after the total, ratings grouped "tốt trở lên", dates dd/mm/yyyy."""
    d = c.d
    r = d.ratings
    bb = d.dates["bien_ban_kiem_phieu"]
    out: list[Block] = [
        c.header(words=False),
        Title("TỜ TRÌNH", [f"Xin công nhận {c.model} năm {c.year}"]),
        _kinh_gui(c),
        Para(
            f"Thực hiện Kế hoạch của {d.parent} về xây dựng mô hình “chi bộ bốn tốt”, “đảng bộ cơ sở bốn tốt”, "
            f"sau một năm triển khai, {d.unit} đạt được kết quả như sau:"
        ),
    ]
    if c.cell:
        line = f"Tổng số đảng viên {c.total} đồng chí, trong đó đảng viên dự bị {z2(c.prob)} đồng chí"
        if d.members_excused:
            line += f"; {z2(d.members_excused)} đồng chí được miễn sinh hoạt đảng"
        out.append(Para(line + "."))
    else:
        s = d.subordinates
        women = max(1, c.total * 2 // 5)
        out.append(
            Para(
                f"Đảng bộ có {s.total} chi bộ trực thuộc; tổng số {c.total} đảng viên, trong đó nữ {women} đồng chí, "
                f"dự bị {z2(c.prob)} đồng chí. Ban Chấp hành Đảng bộ nhiệm kỳ 2020 - 2025 có {d.committee_members} đồng chí."
            )
        )
    out.append(
        Para(
            f"Về sinh hoạt: duy trì đều đặn {d.regular_meetings} cuộc sinh hoạt thường kỳ; {z2(d.thematic_meetings)} "
            f"cuộc chuyên đề (mỗi quý ít nhất 01 cuộc). Đảng viên dự sinh hoạt bình quân {dec(d.attendance_pct)}%."
        )
    )
    kh = (
        "không có đ/c nào không hoàn thành nhiệm vụ"
        if not r["khong_hoan_thanh"]
        else f"{z2(r['khong_hoan_thanh'])} đ/c không hoàn thành nhiệm vụ"
    )
    good = "hoàn thành tốt nhiệm vụ trở lên" if not d.legacy else "đủ tư cách hoàn thành tốt nhiệm vụ trở lên"
    out.append(
        Para(
            f"Đánh giá cuối năm: {r['xuat_sac'] + r['tot']}/{sum(r.values())} đ/c được xếp loại {good} "
            f"(trong đó {z2(r['xuat_sac'])} đ/c {rating_word(c, 'xuat_sac')}); {z2(r['hoan_thanh'])} đ/c "
            f"{rating_word(c, 'hoan_thanh')}; {kh}. {_discipline(c)}"
        )
    )
    if not c.cell:
        s = d.subordinates
        out.append(
            Para(
                f"Các chi bộ trực thuộc: {s.registered_bon_tot} chi bộ đăng ký, {s.bon_tot} chi bộ đạt “chi bộ bốn tốt”; "
                f"{z2(s.khong_hoan_thanh) if s.khong_hoan_thanh else 'không có'} chi bộ không hoàn thành nhiệm vụ."
            )
        )
    against = d.votes_against
    out.append(
        Para(
            f"{'Chi bộ' if c.cell else 'Ban Chấp hành Đảng bộ'} đã lấy biểu quyết ngày {d_slash(bb, pad=False)}: "
            f"{d.votes_for} đồng chí tán thành, {z2(against) if against else 'không có'} đồng chí không tán thành."
        )
    )
    out.append(Para(f"Vậy kính đề nghị {d.recipient} xem xét, công nhận cho {c.org}./."))
    out.append(c.signature(c.recipients()))
    return out
