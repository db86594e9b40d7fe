"""Báo cáo, round 8: prose that gives other, clearly labelled numbers (last year's members, households,
mass organisations) and puts this year's figures only in a "BẢNG TỔNG HỢP SỐ LIỆU" at the very end; Roman
sections whose bold sub-headings carry the figures and each change on last year ("tăng 01 đồng chí"); a
report set in two columns of prose, read down the left column first."""

from __future__ import annotations

from samples.blocks import Block, Para, Table, Title

from .common import RATING_ABBR, RATING_KEYS, RATING_WORDS, Ctx, dec, pct, z2
from .r7_common import cap
from .r8_common import left, two_columns


def _title(c: Ctx) -> Title:
    return Title("BÁO CÁO", [f"Kết quả thực hiện mô hình {c.model} năm {c.year}"])


def _noi_nhan(c: Ctx) -> list[str]:
    return [f"- {c.d.recipient},", "- Lưu hồ sơ."]


def summary_at_end(c: Ctx) -> list[Block]:
    """BCA-23: four sections of prose carrying only context numbers labelled as such (members at the end
    of last year, households, mass organisations, funds), then "BẢNG TỔNG HỢP SỐ LIỆU" as the last part
    before the signature: "TT | Chỉ tiêu | Đơn vị tính | Số liệu năm {year}" holding every figure once."""
    d = c.d
    r = d.ratings
    rng = c.rng
    last_total = c.total - rng.randint(1, 3)
    homes = rng.randint(180, 640)
    rows = [["TT", "Chỉ tiêu", "Đơn vị tính", f"Số liệu năm {c.year}"]]
    items: list[tuple[str, str, str]] = [
        ("Tổng số đảng viên", "đồng chí", z2(c.total)),
        ("- Đảng viên chính thức", "đồng chí", z2(c.official)),
        ("- Đảng viên dự bị", "đồng chí", z2(c.prob)),
    ]
    if not c.cell:
        items.append(("Ủy viên Ban Chấp hành Đảng bộ", "đồng chí", z2(d.committee_members)))
    items += [
        ("Sinh hoạt thường kỳ", "kỳ", z2(d.regular_meetings)),
        ("Sinh hoạt chuyên đề", "kỳ", z2(d.thematic_meetings)),
        ("Tỷ lệ đảng viên dự sinh hoạt bình quân", "%", dec(d.attendance_pct)),
        (
            "Đảng viên bị xử lý kỷ luật",
            "đồng chí",
            z2(d.disciplined_members) if d.disciplined_members else "0",
        ),
    ]
    items += [(f"Đảng viên {RATING_WORDS[k]}", "đồng chí", z2(r[k]) if r[k] else "0") for k in RATING_KEYS]
    if not c.cell:
        s = d.subordinates
        items += [
            ("Chi bộ trực thuộc", "chi bộ", z2(s.total)),
            ("- Hoàn thành xuất sắc nhiệm vụ", "chi bộ", z2(s.xuat_sac)),
            ("- Hoàn thành tốt nhiệm vụ", "chi bộ", z2(s.tot)),
            ("- Hoàn thành nhiệm vụ", "chi bộ", z2(s.hoan_thanh) if s.hoan_thanh else "0"),
            ("- Không hoàn thành nhiệm vụ", "chi bộ", z2(s.khong_hoan_thanh) if s.khong_hoan_thanh else "0"),
            ("Chi bộ đăng ký “Chi bộ bốn tốt”", "chi bộ", z2(s.registered_bon_tot)),
            ("Chi bộ đạt “Chi bộ bốn tốt”", "chi bộ", z2(s.bon_tot)),
        ]
    n = 0
    for label, unit, val in items:
        sub = label.startswith("- ")
        if not sub:
            n += 1
        rows.append(["" if sub else str(n), label, unit, val])
    office = any(w in d.unit for w in ("Phòng", "Trường", "Trung tâm", "Ngân hàng", "Đồn", "Chi nhánh"))
    if office:
        setting = (
            f"Cuối năm {c.year - 1}, {d.unit} có {last_total} đảng viên. Đơn vị có {rng.randint(24, 60)} cán bộ, "
            f"công chức, viên chức và người lao động; {c.org} lãnh đạo 03 tổ chức đoàn thể (Công đoàn, Đoàn Thanh "
            "niên, Hội Cựu chiến binh), năm qua cả 03 tổ chức đều được xếp loại hoàn thành tốt nhiệm vụ trở lên."
        )
        task = (
            "Đơn vị hoàn thành 100% chỉ tiêu kế hoạch năm; giải quyết 1.248 hồ sơ, thủ tục đúng hạn (đạt 99,6%); "
            "không có đơn thư khiếu nại vượt cấp."
        )
    else:
        where = "thôn, khu dân cư" if c.cell else "địa bàn"
        setting = (
            f"Cuối năm {c.year - 1}, {d.unit} có {last_total} đảng viên. Trên {where} có {homes} hộ với "
            f"{homes * 4 - rng.randint(10, 90)} nhân khẩu; {c.org} lãnh đạo 04 tổ chức đoàn thể (Mặt trận, "
            "Hội Phụ nữ, Hội Cựu chiến binh, Đoàn Thanh niên), năm qua cả 04 tổ chức đều được xếp loại hoàn thành "
            "tốt nhiệm vụ trở lên."
        )
        task = (
            f"Thu ngân sách đạt 112% kế hoạch; vận động nhân dân đóng góp {rng.randint(120, 480)} triệu đồng xây "
            "dựng 1,2 km đường bê tông; tỷ lệ hộ nghèo giảm còn 2,1%."
        )
    return [
        c.header(),
        _title(c),
        left("I. ĐẶC ĐIỂM TÌNH HÌNH", bold=True),
        Para(setting),
        left("II. KẾT QUẢ LÃNH ĐẠO THỰC HIỆN NHIỆM VỤ CHÍNH TRỊ", bold=True),
        Para(task),
        left("III. CÔNG TÁC XÂY DỰNG ĐẢNG", bold=True),
        Para(
            f"{cap(c.org)} duy trì nền nếp sinh hoạt theo Quy định 124-QĐ/TW; nội dung sinh hoạt có trọng tâm; "
            "công tác kiểm tra, giám sát thực hiện đúng kế hoạch (kiểm tra 02 đảng viên, giám sát 03 đảng viên). "
            "Số liệu cụ thể xem Bảng tổng hợp ở cuối báo cáo."
        ),
        left("IV. BẢNG TỔNG HỢP SỐ LIỆU", bold=True),
        Table(rows, [0.08, 0.56, 0.16, 0.2], bold_rows={0}, align=["center", "left", "center", "center"]),
        c.signature(_noi_nhan(c)),
    ]


def _delta(now: int, then: int, unit: str = "đồng chí") -> str:
    if now == then:
        return "bằng năm trước"
    return f"{'tăng' if now > then else 'giảm'} {z2(abs(now - then))} {unit} so với năm trước"


def roman_with_changes(c: Ctx) -> list[Block]:
    """BCA-24: Roman sections; the bold sub-heading line carries each figure ("1. Tổng số đảng viên: 18
    đồng chí"), the plain line under it the change on last year ("tăng 01 đồng chí so với năm trước");
    ratings one level per sub-heading."""
    d = c.d
    r = d.ratings
    rng = c.rng
    prev_total = c.total - rng.randint(0, 2)
    out: list[Block] = [c.header(colon=True), _title(c)]
    out.append(left("I. VỀ TỔ CHỨC VÀ ĐẢNG VIÊN", bold=True))
    out.append(left(f"1. Tổng số đảng viên: {z2(c.total)} đồng chí", bold=True))
    out.append(Para(f"{cap(_delta(c.total, prev_total))} (năm {c.year - 1}: {z2(prev_total)} đồng chí)."))
    out.append(left(f"2. Đảng viên chính thức: {z2(c.official)}; dự bị: {z2(c.prob)}", bold=True))
    out.append(
        Para(
            (
                f"Kết nạp mới trong năm {z2(d.new_members)} đồng chí"
                if d.new_members
                else "Trong năm chưa kết nạp đảng viên mới"
            )
            + "; chuyển chính thức 01 đồng chí."
        )
    )
    if not c.cell:
        out.append(left(f"3. Ban Chấp hành Đảng bộ: {z2(d.committee_members)} đồng chí", bold=True))
        out.append(Para("Không thay đổi so với đầu nhiệm kỳ."))
    out.append(left("II. VỀ SINH HOẠT ĐẢNG", bold=True))
    out.append(left(f"1. Sinh hoạt thường kỳ: {z2(d.regular_meetings)} kỳ", bold=True))
    out.append(Para(cap(_delta(d.regular_meetings, 12, "kỳ")) + "."))
    out.append(left(f"2. Sinh hoạt chuyên đề: {z2(d.thematic_meetings)} kỳ", bold=True))
    out.append(Para(cap(_delta(d.thematic_meetings, 4, "kỳ")) + "."))
    prev_att = round(d.attendance_pct - rng.choice([0.8, 1.5, 2.1]), 2)
    out.append(left(f"3. Tỷ lệ đảng viên dự sinh hoạt bình quân: {dec(d.attendance_pct)}%", bold=True))
    out.append(
        Para(
            f"Tăng {dec(round(d.attendance_pct - prev_att, 2))} điểm phần trăm so với năm trước ({dec(prev_att)}%)."
        )
    )
    out.append(left("III. VỀ KỶ LUẬT", bold=True))
    out.append(
        left(
            f"Đảng viên bị xử lý kỷ luật: {z2(d.disciplined_members)} đồng chí (khiển trách)"
            if d.disciplined_members
            else "Đảng viên bị xử lý kỷ luật: không có",
            bold=True,
        )
    )
    out.append(Para("Năm trước không có đảng viên bị kỷ luật."))
    out.append(left("IV. VỀ ĐÁNH GIÁ, XẾP LOẠI", bold=True))
    for i, k in enumerate(RATING_KEYS, 1):
        out.append(left(f"{i}. {cap(RATING_WORDS[k])}: {z2(r[k]) if r[k] else 'không có'}", bold=True))
        then = max(0, r[k] + rng.choice([-1, 0, 1])) if k != "khong_hoan_thanh" else 0
        out.append(Para(cap(_delta(r[k], then)) + "."))
    if not c.cell:
        s = d.subordinates
        out.append(left(f"5. Chi bộ trực thuộc: {z2(s.total)} chi bộ", bold=True))
        out.append(
            Para(
                f"Hoàn thành xuất sắc nhiệm vụ {z2(s.xuat_sac)}, hoàn thành tốt nhiệm vụ {z2(s.tot)}, hoàn thành "
                f"nhiệm vụ {z2(s.hoan_thanh)}, không hoàn thành nhiệm vụ {z2(s.khong_hoan_thanh)}; "
                f"{z2(s.bon_tot)} trong số {z2(s.registered_bon_tot)} chi bộ đăng ký đạt “Chi bộ bốn tốt”."
            )
        )
    out.append(c.signature(_noi_nhan(c)))
    return out


def two_column_report(c: Ctx) -> list[Block]:
    """BCA-25: the body set in two columns without ruling lines, as a district bulletin lays it out: on the
    left "1. Tổ chức" and "2. Sinh hoạt", on the right "3. Kỷ luật" and "4. Xếp loại"; each row one
    paragraph per column; ratings with their shares of those rated."""
    d = c.d
    r = d.ratings
    rated = sum(r.values())
    org = (
        f"{d.unit} có {z2(c.total)} đảng viên; trong đó {z2(c.official)} chính thức, {z2(c.prob)} dự bị."
        + (f" Ban Chấp hành Đảng bộ có {z2(d.committee_members)} đồng chí." if not c.cell else "")
    )
    meet = (
        f"Tổ chức {z2(d.regular_meetings)} kỳ sinh hoạt thường kỳ và {z2(d.thematic_meetings)} kỳ sinh hoạt "
        f"chuyên đề; đảng viên dự sinh hoạt bình quân {dec(d.attendance_pct)}%."
    )
    disc = (
        "Không có đảng viên vi phạm phải xử lý kỷ luật."
        if not d.disciplined_members
        else f"Có {z2(d.disciplined_members)} đảng viên bị kỷ luật khiển trách."
    )
    rate = (
        "; ".join(
            f"{RATING_ABBR[k]} {z2(r[k]) if r[k] else 'không có'}"
            + (f" ({pct(r[k], rated)})" if r[k] else "")
            for k in RATING_KEYS
        )
        + "."
    )
    pairs = [
        ("1. Tổ chức", "3. Đoàn kết, kỷ luật"),
        (org, disc),
        ("2. Sinh hoạt", "4. Đánh giá, xếp loại đảng viên"),
        (meet, rate),
    ]
    out: list[Block] = [
        c.header(pad=False),
        _title(c),
        Para(f"{d.unit} báo cáo kết quả năm {c.year} như sau:"),
        two_columns(pairs, bold={0, 2}),
    ]
    if not c.cell:
        s = d.subordinates
        out.append(left("5. Chi bộ trực thuộc", bold=True))
        out.append(
            Para(
                f"Tổng số {z2(s.total)} chi bộ: {z2(s.xuat_sac)} HTXSNV, {z2(s.tot)} HTTNV, {z2(s.hoan_thanh)} HTNV, "
                f"{z2(s.khong_hoan_thanh)} KHTNV; đăng ký “bốn tốt” {z2(s.registered_bon_tot)}, đạt {z2(s.bon_tot)}."
            )
        )
    out += [
        Para("Năm tới, phấn đấu giữ vững kết quả, nâng cao chất lượng sinh hoạt chuyên đề."),
        c.signature(_noi_nhan(c)),
    ]
    return out
