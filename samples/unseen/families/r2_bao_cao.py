"""Báo cáo kết quả thực hiện, round 2: three more ways a unit reports its year."""

from __future__ import annotations

from samples.blocks import Block, PageFurniture, Para, Table, Title

from .common import RATING_ABBR, RATING_KEYS, RATING_WORDS, ROMAN, Ctx, dec, pct, z2


def _left(text: str, bold: bool = False) -> Para:
    return Para(text, bold=bold, align="left", indent=False)


def _cap(text: str) -> str:
    return text[0].upper() + text[1:]


def _last_year(c: Ctx) -> dict:
    """Last year's figures, which a báo cáo restates before this year's (they are not this year's truth)."""
    d, rng = c.d, c.rng
    official = max(3, c.official - rng.randint(1, 3))
    prob = rng.randint(0, 3)
    total = official + prob
    xs = max(1, total // 7)
    ht = rng.randint(1, 2)
    return {
        "official": official,
        "prob": prob,
        "total": total,
        "thematic": rng.choice([4, 5]),
        "attendance": round(rng.uniform(86.0, 97.0), 1),
        "ratings": (xs, total - xs - ht, ht, 0),
        "bon_tot": d.subordinates.total - rng.randint(1, 2) if d.subordinates else 0,
    }


def _discipline(c: Ctx) -> str:
    n = c.d.disciplined_members
    if not n:
        return "không có đảng viên vi phạm phải xem xét, xử lý kỷ luật"
    return f"có {z2(n)} đảng viên bị xử lý kỷ luật bằng hình thức khiển trách do vi phạm Quy định số 37-QĐ/TW"


def last_year_first(c: Ctx) -> list[Block]:
    """BCA-5: last year's results restated first (members, meetings, ratings), then this year's in prose,
    with last year's figure in brackets beside some of this year's; next year's targets at the end."""
    d = c.d
    ly = _last_year(c)
    r, rated = d.ratings, d.members_rated
    out: list[Block] = [
        c.header(),
        Title("BÁO CÁO", [f"Kết quả thực hiện mô hình {c.model} năm {c.year}"]),
        _left(f"I. KẾT QUẢ NĂM {c.year - 1}", bold=True),
        Para(
            f"Năm {c.year - 1}, {c.org} có {ly['total']} đảng viên ({ly['official']} chính thức, {z2(ly['prob'])} dự "
            f"bị); tổ chức 12 cuộc sinh hoạt thường kỳ và {z2(ly['thematic'])} cuộc sinh hoạt chuyên đề, tỷ lệ "
            f"đảng viên dự sinh hoạt {dec(ly['attendance'])}%; xếp loại đảng viên: {z2(ly['ratings'][0])} hoàn thành "
            f"xuất sắc, {z2(ly['ratings'][1])} hoàn thành tốt, {z2(ly['ratings'][2])} hoàn thành nhiệm vụ. "
            f"{_cap(c.org)} được cấp trên công nhận đạt {c.model} năm {c.year - 1}."
        ),
        _left(f"II. KẾT QUẢ THỰC HIỆN NĂM {c.year}", bold=True),
        _left("1. Lãnh đạo thực hiện nhiệm vụ chính trị", bold=True),
        Para(
            f"{_cap(c.org)} lãnh đạo hoàn thành các chỉ tiêu nghị quyết năm {c.year}; "
            f"{dec(round(c.rng.uniform(95, 100), 1), 1)}% hộ gia đình, cơ quan, đơn vị đạt danh hiệu văn hóa; "
            "chính quyền, đoàn thể được xếp loại hoàn thành tốt nhiệm vụ trở lên."
        ),
        _left("2. Chất lượng sinh hoạt", bold=True),
    ]
    if d.regular_meetings >= 12:
        regular = f"tổ chức sinh hoạt thường kỳ đủ {d.regular_meetings} kỳ, đúng ngày quy định hằng tháng"
    else:
        regular = (
            f"tổ chức được {d.regular_meetings} kỳ sinh hoạt thường kỳ (tháng {c.rng.choice([2, 7, 8])} không "
            "sinh hoạt do trùng lịch công tác)"
        )
    out.append(
        Para(
            f"{_cap(c.org)} {regular}; sinh hoạt chuyên đề {z2(d.thematic_meetings)} kỳ (năm {c.year - 1}: "
            f"{z2(ly['thematic'])} kỳ). Tỷ lệ đảng viên dự sinh hoạt bình quân đạt {dec(d.attendance_pct)}% "
            f"(năm {c.year - 1}: {dec(ly['attendance'])}%)."
        )
    )
    out.append(_left("3. Đoàn kết, kỷ luật", bold=True))
    out.append(Para(f"Nội bộ đoàn kết; trong năm {_discipline(c)}."))
    out.append(_left("4. Đội ngũ cán bộ, đảng viên", bold=True))
    out.append(
        Para(
            f"Đến ngày 30/11/{c.year}, {c.org} có {c.total} đảng viên (chính thức {c.official}, dự bị {z2(c.prob)}); "
            f"kết nạp mới {z2(d.new_members) if d.new_members else 'không có'} đảng viên."
        )
    )
    kh = (
        f"{z2(r['khong_hoan_thanh'])} đồng chí không hoàn thành nhiệm vụ"
        if r["khong_hoan_thanh"]
        else "không có đảng viên không hoàn thành nhiệm vụ"
    )
    out.append(
        Para(
            f"Kết quả đánh giá, xếp loại đảng viên năm {c.year}: hoàn thành xuất sắc nhiệm vụ {z2(r['xuat_sac'])} "
            f"đồng chí; hoàn thành tốt nhiệm vụ {z2(r['tot'])} đồng chí; hoàn thành nhiệm vụ "
            f"{z2(r['hoan_thanh'])} đồng chí; {kh} (năm {c.year - 1} lần lượt là {z2(ly['ratings'][0])}, "
            f"{z2(ly['ratings'][1])}, {z2(ly['ratings'][2])} và 0). Tỷ lệ hoàn thành tốt nhiệm vụ trở lên đạt "
            f"{pct(r['xuat_sac'] + r['tot'], rated)}."
        )
    )
    if not c.cell:
        s = d.subordinates
        out.append(_left("5. Các chi bộ trực thuộc", bold=True))
        out.append(
            Para(
                f"Đảng bộ có {s.total} chi bộ trực thuộc; kết quả xếp loại: {z2(s.xuat_sac)} chi bộ hoàn thành xuất "
                f"sắc nhiệm vụ, {z2(s.tot)} chi bộ hoàn thành tốt nhiệm vụ, {z2(s.hoan_thanh)} chi bộ hoàn thành "
                "nhiệm vụ"
                + (
                    f", {z2(s.khong_hoan_thanh)} chi bộ không hoàn thành nhiệm vụ"
                    if s.khong_hoan_thanh
                    else ""
                )
                + f". Có {z2(s.bon_tot)}/{s.registered_bon_tot} chi bộ đạt “Chi bộ bốn tốt” (năm {c.year - 1}: "
                f"{z2(ly['bon_tot'])} chi bộ)."
            )
        )
    out += [
        _left(f"III. PHƯƠNG HƯỚNG NĂM {c.year + 1}", bold=True),
        Para(
            f"Phấn đấu duy trì 12/12 kỳ sinh hoạt thường kỳ, tối thiểu 04 chuyên đề; 100% đảng viên hoàn thành "
            f"nhiệm vụ trở lên; kết nạp {z2(c.rng.randint(1, 3))} đảng viên mới; giữ vững danh hiệu {c.model}."
        ),
        c.signature(c.recipients()),
    ]
    return out


def _quarters(total: int, rng) -> list[int]:
    """Meetings per quarter adding up to ``total`` (three regular ones a quarter, one thematic one)."""
    per = [total // 4 + (1 if i < total % 4 else 0) for i in range(4)]
    rng.shuffle(per)
    return per


def quarter_tables(c: Ctx) -> list[Block]:
    """BCA-6: tables: meetings per quarter under a merged "Số cuộc sinh hoạt" header with a "Cả năm" row;
    ratings as "Mức xếp loại | Số lượng | Tỷ lệ"; subordinate cells in a table of their own."""
    d = c.d
    rng = c.rng
    r, rated = d.ratings, d.members_rated
    regular = _quarters(d.regular_meetings, rng)
    thematic = _quarters(d.thematic_meetings, rng)
    shifts = [rng.choice([-1.6, -0.9, -0.4, 0.5, 0.8, 1.3]) for _ in range(3)]
    shifts.append(-sum(shifts))
    att = [min(100.0, round(d.attendance_pct + s, 1)) for s in shifts]
    out: list[Block] = [
        c.header(colon=True),
        Title("BÁO CÁO", [f"Kết quả thực hiện các tiêu chí {c.model}", f"năm {c.year}"]),
        Para(
            f"Thực hiện kế hoạch của cấp ủy cấp trên, {c.d.unit} báo cáo kết quả thực hiện năm {c.year} như sau. "
            f"Tổng số đảng viên: {c.total} (chính thức {c.official}; dự bị {z2(c.prob)})"
            + (f"; {z2(d.members_excused)} đồng chí được miễn sinh hoạt." if d.members_excused else ".")
        ),
        _left("1. Sinh hoạt đảng", bold=True),
    ]
    rows = [
        ["Quý", "Số cuộc sinh hoạt", "", "Tỷ lệ đảng viên dự (%)"],
        ["", "Thường kỳ", "Chuyên đề", ""],
    ]
    for i in range(4):
        rows.append([ROMAN[i], str(regular[i]), str(thematic[i]), dec(att[i], 1)])
    rows.append(["Cả năm", str(d.regular_meetings), str(d.thematic_meetings), dec(d.attendance_pct)])
    out.append(
        Table(
            rows,
            [0.2, 0.22, 0.22, 0.36],
            bold_rows={0, 1, 6},
            align=["center"] * 4,
            spans={(0, 0): (2, 1), (0, 1): (1, 2), (0, 3): (2, 1)},
            header_rows=2,
        )
    )
    out.append(_left("2. Kỷ luật", bold=True))
    out.append(Para(f"Trong năm {_discipline(c)}."))
    out.append(_left(f"3. Đánh giá, xếp loại đảng viên (tổng số được đánh giá: {rated} đồng chí)", bold=True))
    rows = [["Mức xếp loại", "Số lượng", "Tỷ lệ"]]
    for k in RATING_KEYS:
        rows.append([_cap(RATING_WORDS[k]), z2(r[k]) if r[k] else "0", pct(r[k], rated)])
    out.append(Table(rows, [0.56, 0.2, 0.24], align=["left", "center", "center"]))
    if not c.cell:
        s = d.subordinates
        out.append(_left("4. Chi bộ trực thuộc", bold=True))
        rows = [
            ["Nội dung", "Số chi bộ", "Tỷ lệ"],
            ["Tổng số chi bộ trực thuộc", str(s.total), "100%"],
        ]
        for k, n in zip(RATING_KEYS, (s.xuat_sac, s.tot, s.hoan_thanh, s.khong_hoan_thanh), strict=True):
            rows.append([f"Xếp loại {RATING_ABBR[k]}", z2(n) if n else "0", pct(n, s.total)])
        rows.append(
            ["Đăng ký “Chi bộ bốn tốt”", str(s.registered_bon_tot), pct(s.registered_bon_tot, s.total)]
        )
        rows.append(["Được công nhận “Chi bộ bốn tốt”", str(s.bon_tot), pct(s.bon_tot, s.total)])
        out.append(Table(rows, [0.56, 0.2, 0.24], align=["left", "center", "center"]))
    out.append(c.signature(c.recipients()))
    return out


def plan_and_result(c: Ctx) -> list[Block]:
    """BCA-7: a "Chỉ tiêu | Kế hoạch | Thực hiện | Tỷ lệ (%)" table (plan beside result), the unit's founding
    decision and other numbers in the opening, ratings in prose with shares; page numbers in the footer."""
    d = c.d
    rng = c.rng
    r, rated = d.ratings, d.members_rated
    plan_new = max(1, d.new_members + rng.choice([0, 1]))
    out: list[Block] = [
        PageFurniture(footer="- {page} -"),
        c.header(words=False),
        Title("BÁO CÁO", [f"Tự kiểm điểm, đánh giá kết quả xây dựng {c.model} năm {c.year}"]),
        _left("I. ĐẶC ĐIỂM TÌNH HÌNH", bold=True),
    ]
    founded = f"Quyết định số {rng.randint(20, 180)}-QĐ/{'ĐU' if c.cell else 'HU'} ngày {rng.randint(1, 28)}/{rng.randint(1, 12)}/{rng.randint(1996, 2012)}"
    if c.cell:
        org = (
            f"{d.unit} được thành lập theo {founded}; chi ủy gồm 03 đồng chí. Hiện có {c.total} đảng viên, trong "
            f"đó chính thức {c.official}, dự bị {z2(c.prob)}"
            + (f"; {z2(d.members_excused)} đồng chí miễn sinh hoạt" if d.members_excused else "")
            + "."
        )
    else:
        s = d.subordinates
        org = (
            f"{d.unit} được thành lập theo {founded}; Ban Chấp hành gồm {d.committee_members} đồng chí, Ban Thường vụ "
            f"{rng.choice([3, 5])} đồng chí; {s.total} chi bộ trực thuộc với {c.total} đảng viên (chính thức "
            f"{c.official}, dự bị {z2(c.prob)})."
        )
    out.append(Para(org))
    out.append(_left("II. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU", bold=True))
    good = r["xuat_sac"] + r["tot"]
    rows = [
        ["TT", "Chỉ tiêu", "Kế hoạch", "Thực hiện", "Tỷ lệ (%)"],
        ["1", "Sinh hoạt thường kỳ (cuộc)", "12", str(d.regular_meetings), dec(round(100 * d.regular_meetings / 12, 1))],
        ["2", "Sinh hoạt chuyên đề (cuộc)", "04", z2(d.thematic_meetings), dec(round(100 * d.thematic_meetings / 4, 1))],
        ["3", "Đảng viên dự sinh hoạt", "trên 85%", f"{dec(d.attendance_pct)}%", ""],
        ["4", "Kết nạp đảng viên mới", z2(plan_new), z2(d.new_members) if d.new_members else "0", dec(round(100 * d.new_members / plan_new, 1))],
        ["5", "Đảng viên bị kỷ luật", "0", z2(d.disciplined_members) if d.disciplined_members else "Không", ""],
        ["6", "Đảng viên hoàn thành tốt nhiệm vụ trở lên", "từ 80%", f"{good}/{rated}", pct(good, rated).rstrip("%")],
    ]  # fmt: skip
    out.append(
        Table(rows, [0.08, 0.44, 0.15, 0.16, 0.17], align=["center", "left", "center", "center", "center"])
    )
    out.append(_left("III. ĐÁNH GIÁ, XẾP LOẠI", bold=True))
    parts = [f"{RATING_ABBR[k]}: {z2(r[k]) if r[k] else '0'} đ/c ({pct(r[k], rated)})" for k in RATING_KEYS]
    out.append(Para(f"Đảng viên ({rated} đồng chí được đánh giá): " + "; ".join(parts) + "."))
    if not c.cell:
        s = d.subordinates
        out.append(
            Para(
                f"Chi bộ trực thuộc: {z2(s.xuat_sac)} HTXSNV, {z2(s.tot)} HTTNV, {z2(s.hoan_thanh)} HTNV, "
                f"{z2(s.khong_hoan_thanh) if s.khong_hoan_thanh else 'không có chi bộ'} KHTNV; số chi bộ được công "
                f"nhận “Chi bộ bốn tốt”: {z2(s.bon_tot)} (đăng ký {s.registered_bon_tot})."
            )
        )
    out.append(
        Para(
            f"Đoàn kết, kỷ luật: nội bộ thống nhất; {_discipline(c)}. Không có đơn thư khiếu nại, tố cáo liên quan "
            "đến đảng viên."
        )
    )
    out.append(_left("IV. KIẾN NGHỊ", bold=True))
    out.append(Para(f"Đề nghị cấp trên xem xét, công nhận {d.unit} đạt {c.model} năm {c.year}."))
    out.append(c.signature(c.recipients()))
    return out
