"""Báo cáo, round 7: the year told in halves ("6 tháng đầu năm", "6 tháng cuối năm", then "Cả năm") with
party dues in thousands set apart by spaces and a key of abbreviations; ratings in a table of levels by
year (2022, 2023, this year) with the meetings said in words; a table whose value comes before its label,
and shares stated on other bases (of those rated good, absences)."""

from __future__ import annotations

from samples.blocks import Block, Para, Table, Title

from .common import RATING_ABBR, RATING_KEYS, Ctx, dec, pct, rating_word, words, z2
from .r7_common import cap, left, sp_thousands, spct


def _title(c: Ctx) -> Title:
    return Title("BÁO CÁO", [f"Kết quả xây dựng {c.model} năm {c.year}"])


def _noi_nhan(c: Ctx) -> list[str]:
    return [f"- {c.d.recipient} (b/c),", "- Lưu VP."]


def _halves(n: int) -> tuple[int, int]:
    """Meetings in the two halves of the year: 12 → 6 + 6, 11 → 6 + 5, 4 → 2 + 2, 3 → 1 + 2, 5 → 3 + 2."""
    first = (n + 1) // 2 if n % 2 and n > 4 else n // 2
    return first, n - first


def half_years(c: Ctx) -> list[Block]:
    """BCA-20: a table "Nội dung | 6 tháng đầu năm | 6 tháng cuối năm | Cả năm" (meetings, attendance, party
    dues "4 320 000"), the ratings only for the whole year, abbreviations (ĐV, SHTK, SHCĐ, CBTT) explained in
    a key at the end; new members told in the half they joined."""
    d = c.d
    r = d.ratings
    reg = _halves(d.regular_meetings)
    the = _halves(d.thematic_meetings)
    delta = c.rng.choice([0.4, 0.6, 0.8, 1.2])
    att = (round(d.attendance_pct - delta, 2), round(d.attendance_pct + delta, 2))
    dues_half = c.rng.choice([30_000, 40_000]) * 6 * c.total
    rows = [
        ["Nội dung", "6 tháng đầu năm", "6 tháng cuối năm", f"Cả năm {c.year}"],
        ["SHTK (kỳ)", z2(reg[0]), z2(reg[1]), z2(d.regular_meetings)],
        ["SHCĐ (kỳ)", z2(the[0]), z2(the[1]), z2(d.thematic_meetings)],
        ["Tỷ lệ ĐV dự sinh hoạt (%)", dec(att[0]), dec(att[1]), dec(d.attendance_pct)],
        [
            "Thu đảng phí (đồng)",
            sp_thousands(dues_half),
            sp_thousands(dues_half),
            sp_thousands(2 * dues_half),
        ],
    ]
    new_h1 = d.new_members // 2
    out: list[Block] = [
        c.header(),
        _title(c),
        left("I. TÌNH HÌNH CHUNG", bold=True),
        Para(
            f"{d.unit} có {z2(c.total)} ĐV, trong đó {z2(c.official)} ĐV chính thức, {z2(c.prob)} ĐV dự bị"
            + (f"; Ban Chấp hành Đảng bộ {z2(d.committee_members)} đồng chí" if not c.cell else "")
            + f". 6 tháng đầu năm kết nạp {z2(new_h1)} ĐV, 6 tháng cuối năm kết nạp {z2(d.new_members - new_h1)} "
            "ĐV."
        ),
        left("II. KẾT QUẢ THỰC HIỆN CÁC TIÊU CHÍ", bold=True),
        Para(
            "1. Lãnh đạo thực hiện nhiệm vụ chính trị: 6 tháng đầu năm hoàn thành 52 % chỉ tiêu kế hoạch, cả "
            "năm hoàn thành và vượt các chỉ tiêu chủ yếu được giao."
        ),
        Para("2. Sinh hoạt: kết quả từng 6 tháng và cả năm như bảng sau:"),
        Table(rows, [0.4, 0.2, 0.2, 0.2], align=["left", "center", "center", "center"]),
        Para(
            "3. Đoàn kết, kỷ luật: "
            + (
                "cả năm không có ĐV vi phạm phải xử lý kỷ luật."
                if not d.disciplined_members
                else f"6 tháng cuối năm có {z2(d.disciplined_members)} ĐV bị xử lý kỷ luật khiển trách; cả năm "
                f"{z2(d.disciplined_members)} ĐV bị kỷ luật."
            )
        ),
        Para(
            f"4. Đánh giá, xếp loại ĐV cuối năm {c.year}: "
            + "; ".join(
                f"{RATING_ABBR[k]} {z2(r[k])} đ/c ({spct(r[k], sum(r.values()))})" for k in RATING_KEYS
            )
            + "."
        ),
    ]
    if not c.cell:
        s = d.subordinates
        out.append(
            Para(
                f"5. Chi bộ trực thuộc (CBTT): {z2(s.total)} chi bộ; xếp loại cuối năm HTXSNV {z2(s.xuat_sac)}, HTTNV "
                f"{z2(s.tot)}, HTNV {z2(s.hoan_thanh)}, KHTNV {z2(s.khong_hoan_thanh)}. Đầu năm {z2(s.registered_bon_tot)} "
                f"chi bộ đăng ký, cuối năm {z2(s.bon_tot)} chi bộ đạt “Chi bộ bốn tốt”."
            )
        )
    out += [
        left("III. PHƯƠNG HƯỚNG NĂM TỚI", bold=True),
        Para(f"Phấn đấu 6 tháng đầu năm {c.year + 1} tổ chức đủ 06 kỳ SHTK và 02 kỳ SHCĐ."),
        c.signature(_noi_nhan(c)),
        left(
            "Ghi chú viết tắt: ĐV – đảng viên; SHTK – sinh hoạt thường kỳ; SHCĐ – sinh hoạt chuyên đề; CBTT – chi "
            "bộ trực thuộc; HTXSNV, HTTNV, HTNV, KHTNV – hoàn thành xuất sắc, hoàn thành tốt, hoàn thành, không "
            "hoàn thành nhiệm vụ.",
            italic=True,
        ),
    ]
    return out


def _earlier(c: Ctx, counts: dict[str, int], back: int) -> dict[str, int]:
    """Ratings ``back`` years ago: a unit a little smaller, another spread (not this year's truth)."""
    n = max(3, sum(counts.values()) - back - c.rng.randint(0, 1))
    xs = max(1, n // 6 - (back % 2))
    ht = min(n - xs - 1, c.rng.randint(0, 2))
    return {"xuat_sac": xs, "tot": n - xs - ht, "hoan_thanh": ht, "khong_hoan_thanh": 0}


def levels_by_year(c: Ctx) -> list[Block]:
    """BCA-21: ratings in a table with the four levels as rows and the years as columns ("Năm 2022 | Năm
    2023 | Năm 2024"), this year last; a đảng bộ's cells in a second such table; the meetings said in words
    only ("mười hai kỳ")."""
    d = c.d
    r = d.ratings
    years = (c.year - 2, c.year - 1, c.year)
    cols = [_earlier(c, r, 2), _earlier(c, r, 1), r]
    rows = [["Mức xếp loại đảng viên", *(f"Năm {y}" for y in years)]]
    for k in RATING_KEYS:
        rows.append([cap(rating_word(c, k)), *(str(col[k]) for col in cols)])
    rows.append(["Tổng số đảng viên được xếp loại", *(str(sum(col.values())) for col in cols)])
    meet = (
        f"Chi bộ duy trì nền nếp sinh hoạt; cả năm tổ chức {words(d.regular_meetings)} "
        f"kỳ sinh hoạt thường kỳ và {words(d.thematic_meetings)} kỳ sinh hoạt chuyên đề. "
        if c.cell
        else f"Các chi bộ trực thuộc và Đảng ủy duy trì nền nếp sinh hoạt; Đảng bộ tổ chức "
        f"{words(d.regular_meetings)} kỳ sinh hoạt thường kỳ và {words(d.thematic_meetings)} kỳ sinh hoạt "
        "chuyên đề trong năm. "
    )
    meet += f"Tỷ lệ đảng viên dự sinh hoạt bình quân {dec(d.attendance_pct)}%."
    out: list[Block] = [
        c.header(colon=True),
        _title(c),
        left("1. Đặc điểm", bold=True),
        Para(
            f"Tính đến ngày 30/11/{c.year}, {d.unit} có {z2(c.total)} đảng viên ({z2(c.official)} chính thức, "
            f"{z2(c.prob)} dự bị)"
            + (
                f", sinh hoạt tại {words(d.subordinates.total)} chi bộ trực thuộc; Ban Chấp "
                f"hành Đảng bộ {z2(d.committee_members)} đồng chí"
                if not c.cell
                else ""
            )
            + "."
        ),
        left("2. Sinh hoạt đảng", bold=True),
        Para(meet),
        left("3. Kỷ luật", bold=True),
        Para(
            "Trong năm không có đảng viên bị xử lý kỷ luật."
            if not d.disciplined_members
            else f"Trong năm có {words(d.disciplined_members)} đảng viên bị xử lý kỷ luật khiển trách."
        ),
        left("4. Đánh giá, xếp loại đảng viên qua các năm", bold=True),
        Table(rows, [0.46, 0.18, 0.18, 0.18], bold_rows={0, len(rows) - 1}, align=["left"] + ["center"] * 3),
    ]
    if not c.cell:
        s = d.subordinates
        now = {k: getattr(s, k) for k in RATING_KEYS}
        prev = [_earlier(c, now, 1), _earlier(c, now, 0)]
        for p in prev:  # the cells were as many then
            p["tot"] += s.total - sum(p.values())
        cols2 = [prev[0], prev[1], now]
        crow = [["Xếp loại chi bộ trực thuộc", *(f"Năm {y}" for y in years)]]
        for k in RATING_KEYS:
            crow.append([cap(RATING_ABBR[k]), *(str(col[k]) for col in cols2)])
        crow.append(
            [
                "Đạt “Chi bộ bốn tốt” / đăng ký",
                f"{s.bon_tot - 2}/{s.registered_bon_tot - 1}",
                f"{s.bon_tot - 1}/{s.registered_bon_tot}",
                f"{s.bon_tot}/{s.registered_bon_tot}",
            ]
        )
        out += [
            left("5. Xếp loại chi bộ trực thuộc", bold=True),
            Table(crow, [0.46, 0.18, 0.18, 0.18], bold_rows={0}, align=["left"] + ["center"] * 3),
        ]
    out.append(c.signature(_noi_nhan(c)))
    return out


def value_first(c: Ctx) -> list[Block]:
    """BCA-22: a table without "TT" whose first column is the value and the second its label ("12 kỳ |
    Sinh hoạt thường kỳ"); ratings in prose with shares on other bases ("16/18 … (88,89%) … trong đó 03 …
    bằng 18,75% số đảng viên HTTNV trở lên"); attendance stated beside the absence rate."""
    d = c.d
    r = d.ratings
    rated = sum(r.values())
    good = r["xuat_sac"] + r["tot"]
    rows = [
        ["Kết quả", "Nội dung"],
        [z2(c.total), "Tổng số đảng viên"],
        [z2(c.official), "Đảng viên chính thức"],
        [z2(c.prob), "Đảng viên dự bị"],
    ]
    if not c.cell:
        rows.append([z2(d.committee_members), "Ủy viên Ban Chấp hành Đảng bộ"])
    rows += [
        [f"{z2(d.regular_meetings)} kỳ", "Sinh hoạt thường kỳ"],
        [f"{z2(d.thematic_meetings)} kỳ", "Sinh hoạt chuyên đề"],
        [f"{dec(d.attendance_pct)}%", "Tỷ lệ đảng viên dự sinh hoạt bình quân"],
        [z2(d.new_members), "Kết nạp đảng viên mới"],
        [z2(d.disciplined_members), "Đảng viên bị xử lý kỷ luật"],
    ]
    if not c.cell:
        s = d.subordinates
        rows += [
            [z2(s.total), "Chi bộ trực thuộc"],
            [z2(s.registered_bon_tot), "Chi bộ đăng ký “Chi bộ bốn tốt”"],
            [z2(s.bon_tot), "Chi bộ được công nhận “Chi bộ bốn tốt”"],
        ]
    absent = round(100 - d.attendance_pct, 2)
    ratings = (
        f"Có {good}/{rated} đảng viên xếp loại hoàn thành tốt nhiệm vụ trở lên ({pct(good, rated)}), trong đó "
        f"{z2(r['xuat_sac'])} đồng chí hoàn thành xuất sắc nhiệm vụ (bằng {pct(r['xuat_sac'], good)} số đảng "
        f"viên hoàn thành tốt nhiệm vụ trở lên) và {z2(r['tot'])} đồng chí hoàn thành tốt nhiệm vụ; "
        + (
            f"{z2(r['hoan_thanh'])} đồng chí hoàn thành nhiệm vụ; "
            if r["hoan_thanh"]
            else "không có đảng viên chỉ hoàn thành nhiệm vụ; "
        )
        + (
            f"{z2(r['khong_hoan_thanh'])} đồng chí không hoàn thành nhiệm vụ."
            if r["khong_hoan_thanh"]
            else "không có đảng viên không hoàn thành nhiệm vụ."
        )
    )
    out: list[Block] = [
        c.header(pad=False),
        _title(c),
        Para(f"{d.unit} báo cáo kết quả thực hiện mô hình {c.model} năm {c.year} như sau:"),
        left("1. Số liệu chủ yếu", bold=True),
        Table(rows, [0.22, 0.78], align=["center", "left"]),
        left("2. Chất lượng sinh hoạt", bold=True),
        Para(
            f"Tỷ lệ vắng sinh hoạt bình quân {dec(absent)}%, chủ yếu vắng có lý do (đi công tác, ốm đau); không "
            "có đảng viên vắng quá 03 kỳ liên tiếp."
        ),
        left("3. Đánh giá, xếp loại đảng viên", bold=True),
        Para(ratings),
    ]
    if not c.cell:
        s = d.subordinates
        out += [
            left("4. Tổ chức đảng trực thuộc", bold=True),
            Para(
                f"Xếp loại chi bộ trực thuộc: {z2(s.xuat_sac)} HTXSNV, {z2(s.tot)} HTTNV, {z2(s.hoan_thanh)} HTNV, "
                f"{z2(s.khong_hoan_thanh)} KHTNV. Số chi bộ đạt “bốn tốt” bằng {pct(s.bon_tot, s.registered_bon_tot)} "
                f"số chi bộ đăng ký và {pct(s.bon_tot, s.total)} tổng số chi bộ trực thuộc."
            ),
        ]
    out.append(c.signature(_noi_nhan(c)))
    return out
