"""Tờ trình, round 3: a letter quoting the cell's resolution, a this-year / last-year table, and one
paragraph per criterion."""

from __future__ import annotations

from samples.blocks import Block, Para, Table, Title

from .common import Ctx, criteria_total, d_slash, d_words, dec, eligible, pct, rating_word, z2
from .r3_common import last_year_total, left, plan_ref, resolution_no, said, women


def _kinh_gui(c: Ctx) -> Para:
    return Para(f"Kính gửi: {c.d.recipient}", align="center", indent=False)


def _noi_nhan(c: Ctx) -> list[str]:
    return ["- Như trên;", f"- {c.d.parent} (để b/c);", "- Lưu VT."]


def resolution_letter(c: Ctx) -> list[Block]:
    """TTR-8: opens with "Căn cứ" lines quoting the plan and the cell's resolution; long sentences in which
    the member counts stand beside last year's, the resolution's number and other shares."""
    d = c.d
    bb = d.dates["bien_ban_kiem_phieu"]
    start, moved = last_year_total(c)
    nq = resolution_no(c)
    r = d.ratings
    rated = sum(r.values())
    out: list[Block] = [
        c.header(),
        Title("TỜ TRÌNH", [f"Đề nghị công nhận {c.org} đạt {c.model} năm {c.year}"]),
        _kinh_gui(c),
        Para(f"Căn cứ {plan_ref(c)} về xây dựng mô hình “chi bộ bốn tốt”, “đảng bộ cơ sở bốn tốt”;"),
        Para(
            f"Căn cứ Nghị quyết số {nq}-NQ/{c.body} {d_words(bb, pad=False)} của {d.unit} về việc đề nghị "
            f"công nhận {c.org} đạt {c.model} năm {c.year};"
        ),
        Para(f"Căn cứ Biên bản kiểm phiếu biểu quyết ngày {d_slash(bb)},"),
        Para(f"{d.unit} kính trình {d.recipient} xem xét, công nhận với những nội dung chủ yếu sau đây:"),
        left("1. Tình hình tổ chức đảng và đảng viên", bold=True),
    ]
    change = (
        f"đầu năm {start} đồng chí, trong năm kết nạp {z2(d.new_members)} đồng chí"
        + (f", chuyển sinh hoạt đi {z2(moved)} đồng chí" if moved else "")
        if d.new_members or moved
        else f"không thay đổi so với đầu năm {c.year}"
    )
    if c.cell:
        line = (
            f"Tính đến ngày 30/11/{c.year}, {d.unit} có {c.total} đảng viên ({change}); trong đó đảng viên "
            f"chính thức {c.official} đồng chí, "
            + (f"đảng viên dự bị {z2(c.prob)} đồng chí" if c.prob else "không có đảng viên dự bị")
        )
        if d.members_excused:
            line += f", {z2(d.members_excused)} đồng chí được miễn công tác và sinh hoạt đảng theo Quy định"
        line += f"; nữ {z2(women(c))} đồng chí. Chi ủy có 03 đồng chí."
    else:
        s = d.subordinates
        line = (
            f"Đảng bộ có {s.total} chi bộ trực thuộc; tính đến ngày 30/11/{c.year} có {c.total} đảng viên "
            f"({change}), trong đó chính thức {c.official} đồng chí, dự bị {z2(c.prob)} đồng chí; Ban Chấp "
            f"hành Đảng bộ nhiệm kỳ 2020 - 2025 có {d.committee_members} đồng chí, Ban Thường vụ "
            f"{z2(max(3, d.committee_members // 3))} đồng chí."
        )
    out.append(Para(line))
    out.append(left("2. Kết quả thực hiện các tiêu chí", bold=True))
    out.append(
        Para(
            f"Về nhiệm vụ chính trị: {c.org} lãnh đạo thực hiện đạt và vượt 14/14 chỉ tiêu Nghị quyết năm "
            f"{c.year}, trong đó thu ngân sách đạt 108,6% dự toán, 100% hộ gia đình ký cam kết thực hiện "
            "quy ước, hương ước; chính quyền, Mặt trận và các đoàn thể đều được xếp loại hoàn thành tốt "
            "nhiệm vụ trở lên."
        )
    )
    out.append(
        Para(
            f"Về sinh hoạt: thực hiện Hướng dẫn số 12-HD/BTCTW ngày 18/01/2018, {c.org} tổ chức "
            f"{d.regular_meetings} cuộc sinh hoạt thường kỳ và {z2(d.thematic_meetings)} cuộc sinh hoạt chuyên "
            f"đề; tỷ lệ đảng viên dự sinh hoạt bình quân đạt {dec(d.attendance_pct)}% (năm {c.year - 1} đạt "
            f"{dec(min(99.0, d.attendance_pct - 1.3))}%), mỗi kỳ có từ 05 đến 07 ý kiến phát biểu."
        )
    )
    n = d.disciplined_members
    out.append(
        Para(
            "Về đoàn kết, kỷ luật: nội bộ đoàn kết, thống nhất; "
            + (
                "trong năm không có đảng viên vi phạm phải xử lý kỷ luật."
                if not n
                else f"trong năm có {z2(n)} đồng chí bị kỷ luật khiển trách do vi phạm quy định về "
                "những điều đảng viên không được làm."
            )
        )
    )
    parts = [
        f"{z2(r[k])} đồng chí {rating_word(c, k)} (chiếm {pct(r[k], rated)})"
        for k in ("xuat_sac", "tot", "hoan_thanh")
        if r[k]
    ]
    tail = (
        f"{z2(r['khong_hoan_thanh'])} đồng chí {rating_word(c, 'khong_hoan_thanh')}"
        if r["khong_hoan_thanh"]
        else "không có đảng viên không hoàn thành nhiệm vụ"
    )
    out.append(
        Para(
            f"Về cán bộ, đảng viên: kết quả đánh giá, xếp loại chất lượng năm {c.year} có "
            + ", ".join(parts)
            + f"; {tail}."
        )
    )
    if not c.cell:
        s = d.subordinates
        out.append(
            Para(
                f"Các chi bộ trực thuộc: {s.xuat_sac + s.tot}/{s.total} chi bộ hoàn thành tốt nhiệm vụ trở lên "
                f"(trong đó {z2(s.xuat_sac)} chi bộ hoàn thành xuất sắc), "
                + (
                    f"{z2(s.khong_hoan_thanh)} chi bộ không hoàn thành nhiệm vụ"
                    if s.khong_hoan_thanh
                    else "không có chi bộ không hoàn thành nhiệm vụ"
                )
                + f"; {s.bon_tot} chi bộ được Đảng ủy công nhận “chi bộ bốn tốt”."
            )
        )
    score, mx = criteria_total(c)
    out.append(Para(f"Tổng số điểm tự chấm theo 04 tiêu chí: {dec(score)}/{dec(mx)} điểm."))
    out.append(left("3. Kết quả biểu quyết", bold=True))
    base = "đảng viên chính thức có quyền biểu quyết" if c.cell else "đồng chí Ủy viên Ban Chấp hành Đảng bộ"
    out.append(
        Para(
            f"Hội nghị {c.org} ngày {d_slash(bb, pad=False)} đã biểu quyết bằng phiếu kín, kết quả có "
            f"{said(d.votes_for)} phiếu tán thành trên tổng số {eligible(c)} {base}, đạt "
            f"{pct(d.votes_for, eligible(c))}."
        )
    )
    out.append(
        Para(
            f"Kính trình {d.recipient} xem xét, công nhận {d.unit} đạt {c.model} năm {c.year}./.",
        )
    )
    out.append(c.signature(_noi_nhan(c)))
    return out


def _last_year_ratings(c: Ctx, total: int) -> dict[str, int]:
    xs = max(1, total // 6 - c.rng.randint(0, 1))
    ht = c.rng.randint(0, 2)
    return {"xuat_sac": xs, "tot": total - xs - ht, "hoan_thanh": ht, "khong_hoan_thanh": 0}


def year_on_year(c: Ctx) -> list[Block]:
    """TTR-9: a table "Nội dung | Năm trước | Năm nay": every figure stands beside last year's."""
    d = c.d
    bb = d.dates["bien_ban_kiem_phieu"]
    start, _ = last_year_total(c)
    prev_prob = c.rng.randint(0, 2)
    prev = _last_year_ratings(c, start)
    score, mx = criteria_total(c)
    prev_score = mx - c.rng.choice([1, 1.5, 2, 3])
    y0, y1 = f"Năm {c.year - 1}", f"Năm {c.year}"
    r = d.ratings
    rows = [["TT", "Nội dung", y0, y1]]
    bold = {0}
    if not c.cell:
        s = d.subordinates
        rows.append(["", "Số chi bộ trực thuộc", str(s.total), str(s.total)])
    rows += [
        ["1", "Tổng số đảng viên", str(start), str(c.total)],
        ["", "- Đảng viên chính thức", str(start - prev_prob), str(c.official)],
        ["", "- Đảng viên dự bị", z2(prev_prob) if prev_prob else "0", z2(c.prob) if c.prob else "0"],
    ]
    if d.members_excused:
        rows.append(["", "- Miễn công tác, sinh hoạt đảng", "0", z2(d.members_excused)])
    rows += [
        ["2", "Sinh hoạt thường kỳ (kỳ)", "12", str(d.regular_meetings)],
        ["3", "Sinh hoạt chuyên đề (kỳ)", "04", z2(d.thematic_meetings)],
        ["4", "Tỷ lệ dự sinh hoạt bình quân (%)", dec(d.attendance_pct - 0.8), dec(d.attendance_pct)],
        ["5", "Xếp loại đảng viên:", "", ""],
    ]
    labels = {
        "xuat_sac": "- Hoàn thành xuất sắc nhiệm vụ",
        "tot": "- Hoàn thành tốt nhiệm vụ",
        "hoan_thanh": "- Hoàn thành nhiệm vụ",
        "khong_hoan_thanh": "- Không hoàn thành nhiệm vụ",
    }
    for k, label in labels.items():
        rows.append(["", label, z2(prev[k]) if prev[k] else "0", z2(r[k]) if r[k] else "0"])
    rows += [
        ["6", "Đảng viên bị xử lý kỷ luật", "0", z2(d.disciplined_members) if d.disciplined_members else "0"],
        ["7", "Kết nạp đảng viên mới", z2(c.rng.randint(0, 2)), z2(d.new_members)],
        ["8", "Tổng điểm tự chấm (điểm)", dec(prev_score), dec(score)],
    ]
    if not c.cell:
        s = d.subordinates
        rows += [
            ["9", "Chi bộ trực thuộc HTTNV trở lên", str(s.xuat_sac + s.tot - 1), str(s.xuat_sac + s.tot)],
            ["10", "Chi bộ trực thuộc đạt “bốn tốt”", str(s.bon_tot - 1), str(s.bon_tot)],
        ]
    base = "đảng viên chính thức có quyền biểu quyết" if c.cell else "Ủy viên Ban Chấp hành Đảng bộ"
    return [
        c.header(colon=True, words=False),
        Title("TỜ TRÌNH", [f"V/v đề nghị xét công nhận {c.model} năm {c.year}"]),
        _kinh_gui(c),
        Para(
            f"Thực hiện {plan_ref(c)}, sau khi tự đánh giá, chấm điểm theo 04 tiêu chí và tổ chức biểu quyết, "
            f"{d.unit} báo cáo kết quả năm {c.year} so với năm {c.year - 1} như sau:"
        ),
        Table(rows, [0.08, 0.52, 0.2, 0.2], bold_rows=bold, align=["center", "left", "center", "center"]),
        Para(
            f"Ngày {d_slash(bb)}, {c.org} tổ chức biểu quyết bằng phiếu kín: phát ra {d.ballots_issued} phiếu, "
            f"thu về {d.ballots_returned} phiếu; {d.votes_for} phiếu tán thành, đạt "
            f"{pct(d.votes_for, eligible(c))} so với tổng số {base} ({eligible(c)} đồng chí)."
        ),
        Para(f"Kính đề nghị {d.recipient} xem xét, công nhận {d.unit} đạt {c.model} năm {c.year}."),
        c.signature(_noi_nhan(c)),
    ]


def criterion_paragraphs(c: Ctx) -> list[Block]:
    """TTR-10: roman parts; one paragraph per criterion headed "Tiêu chí n - … : tự chấm x/y điểm";
    members "gồm A đồng chí chính thức và B đồng chí dự bị"; ratings grouped with the excellent inside."""
    d = c.d
    bb = d.dates["bien_ban_kiem_phieu"]
    r = d.ratings
    rated = sum(r.values())
    k1, k2, k3, k4 = d.criteria
    prob = f"{z2(c.prob)} đồng chí dự bị" if c.prob else "không có đảng viên dự bị"
    out: list[Block] = [
        c.header(pad=False),
        Title("TỜ TRÌNH", [f"Về việc đề nghị công nhận {c.model}", f"năm {c.year}"]),
        _kinh_gui(c),
        left("I. SƠ LƯỢC TÌNH HÌNH", bold=True),
    ]
    if c.cell:
        out.append(
            Para(
                f"{d.unit} trực thuộc {d.parent}; tổng số đảng viên {c.total} đồng chí, gồm {c.official} đồng "
                f"chí chính thức và {prob}"
                + (f" ({z2(d.members_excused)} đồng chí miễn sinh hoạt)" if d.members_excused else "")
                + f"; nữ {z2(women(c))} đồng chí. Chi ủy gồm 03 đồng chí."
            )
        )
    else:
        s = d.subordinates
        out.append(
            Para(
                f"{d.unit} có {s.total} chi bộ trực thuộc; Ban Chấp hành Đảng bộ {d.committee_members} đồng chí; "
                f"tổng số đảng viên {c.total} đồng chí, gồm {c.official} đồng chí chính thức và {prob}."
            )
        )
    out.append(left("II. KẾT QUẢ THỰC HIỆN 04 TIÊU CHÍ", bold=True))
    out.append(
        Para(
            f"Tiêu chí 1 - {k1.name}: tự chấm {dec(k1.score)}/{dec(k1.max)} điểm. {c.org.capitalize()} lãnh "
            "đạo triển khai kịp thời các nghị quyết, kế hoạch của cấp trên; hoàn thành các chỉ tiêu được giao."
        )
    )
    out.append(
        Para(
            f"Tiêu chí 2 - {k2.name}: tự chấm {dec(k2.score)}/{dec(k2.max)} điểm. Sinh hoạt thường kỳ vào "
            f"ngày 05 hằng tháng, tổng cộng {d.regular_meetings} kỳ; sinh hoạt chuyên đề {z2(d.thematic_meetings)} "
            f"kỳ; đảng viên dự sinh hoạt bình quân {dec(d.attendance_pct)}%."
        )
    )
    n = d.disciplined_members
    out.append(
        Para(
            f"Tiêu chí 3 - {k3.name}: tự chấm {dec(k3.score)}/{dec(k3.max)} điểm. "
            + (
                "Không có tổ chức đảng, đảng viên vi phạm bị xử lý kỷ luật."
                if not n
                else f"Có {z2(n)} đảng viên bị xử lý kỷ luật bằng hình thức khiển trách."
            )
        )
    )
    good = r["xuat_sac"] + r["tot"]
    tail = (
        f"{z2(r['khong_hoan_thanh'])} đồng chí không hoàn thành nhiệm vụ"
        if r["khong_hoan_thanh"]
        else "không có đồng chí không hoàn thành nhiệm vụ"
    )
    ht = (
        f"{z2(r['hoan_thanh'])} đồng chí hoàn thành nhiệm vụ"
        if r["hoan_thanh"]
        else "không có đồng chí chỉ hoàn thành nhiệm vụ"
    )
    out.append(
        Para(
            f"Tiêu chí 4 - {k4.name}: tự chấm {dec(k4.score)}/{dec(k4.max)} điểm. Có {good}/{rated} đảng viên "
            f"được xếp loại hoàn thành tốt nhiệm vụ trở lên (trong đó {z2(r['xuat_sac'])} đồng chí hoàn thành "
            f"xuất sắc nhiệm vụ); {ht}; {tail}."
        )
    )
    if not c.cell:
        s = d.subordinates
        out.append(
            Para(
                f"Chi bộ trực thuộc: {s.bon_tot}/{s.total} chi bộ đạt “chi bộ bốn tốt”; {s.xuat_sac + s.tot} chi bộ "
                "hoàn thành tốt nhiệm vụ trở lên, "
                + (
                    f"{z2(s.khong_hoan_thanh)} chi bộ không hoàn thành nhiệm vụ."
                    if s.khong_hoan_thanh
                    else "không có chi bộ không hoàn thành nhiệm vụ."
                )
            )
        )
    out.append(left("III. ĐỀ NGHỊ", bold=True))
    who = "đồng chí" if c.cell else "đồng chí Ủy viên Ban Chấp hành"
    out.append(
        Para(
            f"Căn cứ kết quả biểu quyết {d_words(bb, pad=False)} ({d.votes_for}/{eligible(c)} {who} tán "
            f"thành, {d.votes_against} không tán thành), {d.unit} kính đề nghị {d.recipient} xem xét, công nhận "
            f"{c.org} đạt {c.model} năm {c.year}."
        )
    )
    out.append(c.signature(_noi_nhan(c)))
    return out
