"""Báo cáo, round 6: prose whose footnotes hold last year's figures, ratings per tổ đảng (or per khối) with
a total row the reader must use, and one section per criterion closed by a framed "Kết quả" box among
figures written with thousands separators."""

from __future__ import annotations

from samples.blocks import Block, Para, Table, Title

from .common import RATING_ABBR, RATING_KEYS, Ctx, dec, rating_word, z2
from .r6_common import SMALL, dv, frame, groups, spread, thousands


def _title(c: Ctx) -> Title:
    return Title("BÁO CÁO", [f"Kết quả thực hiện tiêu chí {c.model} năm {c.year}"])


def _noi_nhan(c: Ctx) -> list[str]:
    return [f"- {c.d.recipient},", "- Lưu."]


def _left(text: str, bold: bool = False, italic: bool = False) -> Para:
    return Para(text, bold=bold, italic=italic, align="left", indent=False)


def _last_year(c: Ctx) -> dict[str, int]:
    """Last year's ratings: one member fewer, another spread (not this year's truth)."""
    rated = sum(c.d.ratings.values()) - 1
    xs = max(1, rated // 6)
    ht = c.rng.randint(1, 2)
    return {"xuat_sac": xs, "tot": rated - xs - ht, "hoan_thanh": ht, "khong_hoan_thanh": 0}


def _ratings_sentence(c: Ctx, r: dict[str, int], unit: str = "đồng chí") -> str:
    return "; ".join(
        f"{rating_word(c, k)}: {f'{z2(r[k])} {unit}' if r[k] else 'không có'}" for k in RATING_KEYS
    )


def footnotes(c: Ctx) -> list[Block]:
    """BCA-17: justified prose; last year's figures only in footnotes marked "¹ ² ³" after a word, printed
    under a short rule at the end ("¹ Năm 2023: …")."""
    d = c.d
    r = d.ratings
    last = c.year - 1
    prev = _last_year(c)
    notes = [
        f"Năm {last}: {c.org} tổ chức 12 kỳ sinh hoạt thường kỳ và 04 kỳ sinh hoạt chuyên đề.",
        f"Năm {last}: tỷ lệ đảng viên dự sinh hoạt bình quân {dec(round(d.attendance_pct - 1.3, 1))}%.",
        f"Năm {last}: {_ratings_sentence(c, prev)}.",
    ]
    meet = (
        f"Trong năm, {c.org} tổ chức {z2(d.regular_meetings)} kỳ sinh hoạt thường kỳ và "
        f"{z2(d.thematic_meetings)} kỳ sinh hoạt chuyên đề{SMALL[0]}, nội dung bám sát nghị quyết của cấp ủy "
        f"cấp trên; tỷ lệ đảng viên dự sinh hoạt bình quân đạt {dec(d.attendance_pct)}% (bình quân cả năm"
        f"){SMALL[1]}."
    )
    disc = (
        "Không có đảng viên vi phạm phải xử lý kỷ luật."
        if not d.disciplined_members
        else f"Trong năm có {dv(d.disciplined_members, 0)} bị xử lý kỷ luật bằng hình thức khiển trách."
    )
    out: list[Block] = [
        c.header(),
        _title(c),
        _left("I. ĐẶC ĐIỂM TÌNH HÌNH", bold=True),
        Para(
            f"{d.unit} hiện có {z2(c.total)} đảng viên, trong đó {z2(c.official)} đảng viên chính thức, "
            f"{z2(c.prob)} đảng viên dự bị; trong năm kết nạp {z2(d.new_members)} đảng viên mới."
            + (f" Ban Chấp hành Đảng bộ có {z2(d.committee_members)} đồng chí." if not c.cell else "")
        ),
        _left("II. KẾT QUẢ THỰC HIỆN", bold=True),
        Para(
            f"1. Lãnh đạo thực hiện nhiệm vụ chính trị: hoàn thành các chỉ tiêu được giao năm {c.year}; các đoàn "
            "thể chính trị - xã hội được xếp loại hoàn thành tốt nhiệm vụ."
        ),
        Para("2. Chất lượng sinh hoạt: " + meet),
        Para("3. Đoàn kết, kỷ luật: nội bộ đoàn kết, thống nhất. " + disc),
        Para(f"4. Đánh giá, xếp loại đảng viên năm {c.year}: {_ratings_sentence(c, r)}{SMALL[2]}."),
    ]
    if not c.cell:
        s = d.subordinates
        notes.append(f"Năm {last}: {z2(s.registered_bon_tot - 1)} chi bộ được công nhận “Chi bộ bốn tốt”.")
        out.append(
            Para(
                f"5. Đảng bộ có {z2(s.total)} chi bộ trực thuộc; kết quả xếp loại: "
                f"{_ratings_sentence(c, vars(s), 'chi bộ')}. Có {z2(s.registered_bon_tot)} chi bộ đăng ký, "
                f"{z2(s.bon_tot)} chi bộ được công nhận “Chi bộ bốn tốt”{SMALL[3]}."
            )
        )
    out += [
        _left("III. PHƯƠNG HƯỚNG NĂM TỚI", bold=True),
        Para(f"Tiếp tục giữ vững và nâng cao chất lượng {c.model} trong năm {c.year + 1}."),
        c.signature(_noi_nhan(c)),
        _left("____________________"),
    ]
    out += [_left(f"{SMALL[i]} {n}", italic=True) for i, n in enumerate(notes)]
    return out


def per_group_totals(c: Ctx) -> list[Block]:
    """BCA-18: ratings per tổ đảng (a đảng bộ: per khối, and its cells per khối) in a table whose last row
    "Cộng" holds the unit's counts; the meetings in a small table with the unit in its own column."""
    d = c.d
    r = d.ratings
    names = (
        [f"Tổ đảng số {i}" for i in (1, 2, 3)]
        if c.cell
        else ["Khối cơ quan, đơn vị", "Khối thôn, khu dân cư", "Khối trường học, y tế"]
    )
    n = 2 if c.cell and c.total < 14 else 3
    sizes = groups(sum(r.values()), n)
    per = spread(r, sizes)
    rows = [["Tổ đảng" if c.cell else "Khối", "Số ĐV được đánh giá", *(RATING_ABBR[k] for k in RATING_KEYS)]]
    for name, size, g in zip(names, sizes, per, strict=False):
        rows.append([name, str(size), *(str(g[k]) for k in RATING_KEYS)])
    rows.append(["Cộng", str(sum(sizes)), *(str(r[k]) for k in RATING_KEYS)])
    meetings = [
        ["Nội dung", "Số lượng", "Đơn vị tính"],
        ["Sinh hoạt thường kỳ", str(d.regular_meetings), "kỳ"],
        ["Sinh hoạt chuyên đề", str(d.thematic_meetings), "kỳ"],
        ["Tỷ lệ đảng viên dự sinh hoạt bình quân", dec(d.attendance_pct), "%"],
        ["Đảng viên bị xử lý kỷ luật", str(d.disciplined_members), "đồng chí"],
        ["Kết nạp đảng viên mới", str(d.new_members), "đồng chí"],
    ]
    out: list[Block] = [
        c.header(colon=True),
        _title(c),
        _left("1. Tình hình chung", bold=True),
        Para(
            f"Tổng số đảng viên: {z2(c.total)} (chính thức {z2(c.official)}, dự bị {z2(c.prob)}), sinh hoạt ở "
            f"{n} {'tổ đảng' if c.cell else 'khối'}."
            + (f" Ban Chấp hành Đảng bộ: {z2(d.committee_members)} đồng chí." if not c.cell else "")
        ),
        _left("2. Sinh hoạt và kỷ luật", bold=True),
        Table(meetings, [0.6, 0.2, 0.2], align=["left", "center", "center"]),
        _left(f"3. Kết quả đánh giá, xếp loại đảng viên năm {c.year}", bold=True),
        Table(
            rows,
            [0.3, 0.18, 0.13, 0.13, 0.13, 0.13],
            bold_rows={0, len(rows) - 1},
            align=["left"] + ["center"] * 5,
        ),
    ]
    if not c.cell:
        s = d.subordinates
        counts = {k: getattr(s, k) for k in RATING_KEYS}
        csizes = groups(s.total, 3)
        cper = spread(counts, csizes)
        bon = groups(s.bon_tot, 3)
        crow = [["Khối", "Số chi bộ", *(RATING_ABBR[k] for k in RATING_KEYS), "Bốn tốt"]]
        for name, size, g, b in zip(names, csizes, cper, bon, strict=True):
            crow.append([name, str(size), *(str(g[k]) for k in RATING_KEYS), str(b)])
        crow.append(["Cộng", str(s.total), *(str(counts[k]) for k in RATING_KEYS), str(s.bon_tot)])
        out += [
            _left("4. Xếp loại chi bộ trực thuộc", bold=True),
            Table(
                crow,
                [0.28, 0.12, 0.12, 0.12, 0.12, 0.12, 0.12],
                bold_rows={0, len(crow) - 1},
                align=["left"] + ["center"] * 6,
            ),
            Para(f"Số chi bộ đăng ký “Chi bộ bốn tốt” đầu năm: {z2(s.registered_bon_tot)}."),
        ]
    out.append(c.signature(_noi_nhan(c)))
    return out


def criteria_boxes(c: Ctx) -> list[Block]:
    """BCA-19: one section per criterion, each closed by a framed "Kết quả" box; the first holds the year's
    economic figures with thousands separators ("1.245.600.000 đồng"), the others the party figures."""
    d = c.d
    r = d.ratings
    budget = 1_000_000 * c.rng.randint(800, 4800) + 100_000 * c.rng.randint(0, 9)
    homes = c.rng.randint(1100, 6400)
    crit1 = (
        f"Kết quả: thu ngân sách {thousands(budget)} đồng, đạt {dec(100 + c.rng.randint(11, 95) / 10, 1)}% dự "
        f"toán; {thousands(homes)} hộ gia đình đạt danh hiệu gia đình văn hóa; hoàn thành 9/9 chỉ tiêu chủ yếu."
    )
    crit2 = (
        f"Kết quả: sinh hoạt thường kỳ {z2(d.regular_meetings)} kỳ; sinh hoạt chuyên đề {z2(d.thematic_meetings)} "
        f"kỳ; tỷ lệ đảng viên dự sinh hoạt bình quân {dec(d.attendance_pct)}%."
    )
    crit3 = "Kết quả: " + (
        "không có tổ chức đảng, đảng viên bị xử lý kỷ luật."
        if not d.disciplined_members
        else f"có {dv(d.disciplined_members, 1)} bị xử lý kỷ luật (khiển trách)."
    )
    crit4 = (
        f"Kết quả: tổng số {dv(c.total, 2)} ({z2(c.official)} chính thức, {z2(c.prob)} dự bị); kết nạp mới "
        f"{z2(d.new_members)}; xếp loại: "
        + "; ".join(f"{RATING_ABBR[k]} {z2(r[k])}" for k in RATING_KEYS)
        + "."
    )
    out: list[Block] = [
        c.header(),
        _title(c),
        Para(
            f"Thực hiện kế hoạch của cấp ủy cấp trên, {d.unit} báo cáo kết quả thực hiện từng tiêu chí năm "
            f"{c.year} như sau:"
        ),
        _left("Tiêu chí 1. Lãnh đạo hoàn thành tốt nhiệm vụ chính trị", bold=True),
        Para(
            "Lãnh đạo triển khai kịp thời các nghị quyết, kế hoạch của cấp trên, gắn với nhiệm vụ của đơn vị."
        ),
        frame(crit1),
        _left("Tiêu chí 2. Chất lượng sinh hoạt tốt", bold=True),
        Para("Nội dung sinh hoạt được chuẩn bị trước, có trọng tâm; duy trì đúng thời gian theo quy định."),
        frame(crit2),
        _left("Tiêu chí 3. Đoàn kết, kỷ luật tốt", bold=True),
        Para("Thực hiện nghiêm nguyên tắc tập trung dân chủ, tự phê bình và phê bình; nội bộ đoàn kết."),
        frame(crit3),
        _left("Tiêu chí 4. Cán bộ, đảng viên tốt", bold=True),
        Para("Đảng viên giữ gìn phẩm chất, đạo đức, lối sống; gương mẫu nơi cư trú."),
        frame(crit4),
    ]
    if not c.cell:
        s = d.subordinates
        out += [
            _left("Tổ chức cơ sở đảng trực thuộc", bold=True),
            frame(
                f"Kết quả: Ban Chấp hành Đảng bộ {z2(d.committee_members)} đồng chí; {z2(s.total)} chi bộ trực "
                f"thuộc, xếp loại HTXSNV {z2(s.xuat_sac)}, HTTNV {z2(s.tot)}, HTNV {z2(s.hoan_thanh)}, KHTNV "
                f"{z2(s.khong_hoan_thanh)}; {z2(s.bon_tot)}/{z2(s.registered_bon_tot)} chi bộ đăng ký được công "
                "nhận “Chi bộ bốn tốt”."
            ),
        ]
    out.append(c.signature(_noi_nhan(c)))
    return out
