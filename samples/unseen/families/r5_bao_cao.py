"""Báo cáo, round 5: this year's ratings as a sentence list beside a table of the two previous years, the
ratings as a name list the reader must count, and the figures in annex tables the body refers to."""

from __future__ import annotations

from samples.blocks import Block, PageBreak, Para, Table, Title

from .common import RATING_KEYS, Ctx, d_words, dec, pct, rating_word, z2
from .r4_common import TOPICS, thematic_months
from .r5_common import POSTS, dongchi, layout, people, plain

_LEVELS = {
    "xuat_sac": "Hoàn thành xuất sắc nhiệm vụ",
    "tot": "Hoàn thành tốt nhiệm vụ",
    "hoan_thanh": "Hoàn thành nhiệm vụ",
    "khong_hoan_thanh": "Không hoàn thành nhiệm vụ",
}


def _title(c: Ctx) -> Title:
    return Title("BÁO CÁO", [f"Kết quả thực hiện mô hình {c.model} năm {c.year}"])


def _discipline(c: Ctx) -> str:
    n = c.d.disciplined_members
    if not n:
        return "Trong năm, không có đảng viên vi phạm phải xem xét, xử lý kỷ luật."
    return (
        f"Trong năm, {c.org} thi hành kỷ luật {dongchi(n)} bằng hình thức khiển trách do vi phạm quy định về "
        "trách nhiệm nêu gương."
    )


def _noi_nhan(c: Ctx) -> list[str]:
    return [f"- {c.d.recipient},", "- Lưu."]


def _previous(c: Ctx, back: int) -> dict[str, int]:
    """Ratings ``back`` years ago: fewer members, another spread (not the truth of this year)."""
    rated = sum(c.d.ratings.values()) - back - c.rng.randint(0, 1)
    xs = max(1, rated // 5 - back + 1)
    ht = c.rng.randint(1, 2)
    return {"xuat_sac": xs, "tot": rated - xs - ht, "hoan_thanh": ht, "khong_hoan_thanh": 0}


def sentence_list_two_years(c: Ctx) -> list[Block]:
    """BCA-14: this year's ratings as "- Hoàn thành xuất sắc nhiệm vụ: 03 đồng chí, chiếm 16,7%" lines, and
    beside them a table of the two previous years only ("Năm | HTXSNV | HTTNV | HTNV | KHTNV") to compare;
    a đảng bộ's cells the same way; meetings and attendance in prose."""
    d = c.d
    r = d.ratings
    rated = sum(r.values())
    months = (
        ", ".join(str(m) for m in thematic_months(d.thematic_meetings))
        if d.thematic_meetings in (3, 4, 5, 6)
        else ""
    )
    out: list[Block] = [
        c.header(),
        _title(c),
        plain("I. KẾT QUẢ LÃNH ĐẠO THỰC HIỆN NHIỆM VỤ CHÍNH TRỊ", bold=True),
        Para(
            f"{d.unit} lãnh đạo thực hiện đạt và vượt các chỉ tiêu được giao năm {c.year}; các đoàn thể được "
            "xếp loại hoàn thành tốt nhiệm vụ trở lên."
        ),
        plain("II. CÔNG TÁC XÂY DỰNG ĐẢNG", bold=True),
        Para(
            f"1. Đến ngày 30/11/{c.year}, {c.org} có {z2(c.total)} đảng viên, trong đó {z2(c.official)} chính thức "
            f"và {z2(c.prob)} dự bị; kết nạp mới {z2(d.new_members)} đảng viên."
        ),
        Para(
            f"2. {c.org.capitalize()} duy trì sinh hoạt thường kỳ {d.regular_meetings} kỳ trong năm và tổ chức "
            f"{z2(d.thematic_meetings)} kỳ sinh hoạt chuyên đề"
            + (f" (vào các tháng {months})" if months else "")
            + f"; tỷ lệ đảng viên dự sinh hoạt bình quân {dec(d.attendance_pct)}%."
        ),
        Para("3. " + _discipline(c)),
        Para(f"4. Kết quả đánh giá, xếp loại đảng viên năm {c.year} ({rated} đồng chí được đánh giá):"),
    ]
    for k in RATING_KEYS:
        share = f", chiếm {pct(r[k], rated, 1)}" if r[k] else ""
        out.append(plain(f"- {_LEVELS[k]}: {dongchi(r[k])}{share}."))
    out.append(plain("Để so sánh, kết quả xếp loại đảng viên hai năm trước (đồng chí):", italic=True))
    prev = [["Năm", "HTXSNV", "HTTNV", "HTNV", "KHTNV"]]
    for back in (2, 1):
        p = _previous(c, back)
        prev.append([str(c.year - back)] + [str(p[k]) for k in RATING_KEYS])
    out.append(Table(prev, [0.2] * 5, align=["center"] * 5))
    if not c.cell:
        s = d.subordinates
        counts = {
            "xuat_sac": s.xuat_sac,
            "tot": s.tot,
            "hoan_thanh": s.hoan_thanh,
            "khong_hoan_thanh": s.khong_hoan_thanh,
        }
        out.append(Para(f"5. Xếp loại {s.total} chi bộ trực thuộc năm {c.year}:"))
        for k in RATING_KEYS:
            out.append(plain(f"- {_LEVELS[k]}: {z2(counts[k]) + ' chi bộ' if counts[k] else 'không có'}."))
        out.append(
            plain(
                f"- Chi bộ đăng ký “chi bộ bốn tốt”: {z2(s.registered_bon_tot)}; được công nhận: {z2(s.bon_tot)} "
                f"chi bộ (năm {c.year - 1}: {max(0, s.bon_tot - 2)} chi bộ)."
            )
        )
    out += [
        plain("III. PHƯƠNG HƯỚNG NĂM TỚI", bold=True),
        Para(
            f"Tiếp tục giữ vững danh hiệu {c.model}; nâng cao chất lượng sinh hoạt và công tác phát triển đảng viên."
        ),
        c.signature(_noi_nhan(c)),
    ]
    return out


def name_list(c: Ctx) -> list[Block]:
    """BCA-15: a cell's ratings as a list of names "STT | Họ và tên | Chức vụ | Mức xếp loại" with no count
    per level (the reader counts); a đảng bộ lists its cells by name with their rating and whether they were
    recognised "bốn tốt", its members' ratings in one sentence. Meetings in a borderless label/value table."""
    d = c.d
    r = d.ratings
    rated = sum(r.values())
    out: list[Block] = [c.header(pad=False), _title(c)]
    out.append(
        Para(
            f"Thực hiện kế hoạch của cấp ủy cấp trên, {d.unit} báo cáo kết quả thực hiện mô hình năm {c.year} "
            "như sau:"
        )
    )
    out.append(plain("1. Tình hình chung và sinh hoạt đảng", bold=True))
    out.append(
        layout(
            [
                ("Tổng số đảng viên:", f"{c.total} (chính thức {c.official}, dự bị {c.prob})"),
                ("Sinh hoạt thường kỳ:", f"{d.regular_meetings} kỳ"),
                ("Sinh hoạt chuyên đề:", f"{d.thematic_meetings} kỳ"),
                ("Tỷ lệ đảng viên dự sinh hoạt:", f"{dec(d.attendance_pct)}%"),
                ("Kết nạp đảng viên mới:", dongchi(d.new_members)),
                (
                    "Kỷ luật:",
                    "không có"
                    if not d.disciplined_members
                    else f"{dongchi(d.disciplined_members)} (khiển trách)",
                ),
            ]
        )
    )
    out.append(Para(_discipline(c)))
    if c.cell:
        levels = [k for k in RATING_KEYS for _ in range(r[k])]
        c.rng.shuffle(levels)
        names = [d.secretary, *[n for n in people(c, rated + 1) if n != d.secretary][: rated - 1]]
        rows = [["STT", "Họ và tên", "Chức vụ", "Mức xếp loại"]]
        for i, (name, k) in enumerate(zip(names, levels, strict=True), 1):
            post = (
                POSTS[0]
                if i == 1
                else POSTS[1]
                if i == 2
                else POSTS[2]
                if i == 3 and c.total >= 9
                else POSTS[3]
            )
            rows.append([str(i), name, post, _LEVELS[k]])
        out += [
            plain(f"2. Kết quả đánh giá, xếp loại đảng viên năm {c.year}", bold=True),
            Para("Chi bộ đã tổ chức kiểm điểm, đánh giá, xếp loại đảng viên; kết quả từng đồng chí như sau:"),
            Table(rows, [0.08, 0.38, 0.2, 0.34], align=["center", "left", "left", "left"], header_rows=1),
        ]
    else:
        s = d.subordinates
        out += [
            plain(f"2. Kết quả đánh giá, xếp loại năm {c.year}", bold=True),
            Para(
                f"Đảng viên: {rated} đồng chí được đánh giá; {r['xuat_sac']} {rating_word(c, 'xuat_sac')}, "
                f"{r['tot']} {rating_word(c, 'tot')}, {r['hoan_thanh']} {rating_word(c, 'hoan_thanh')}, "
                f"{r['khong_hoan_thanh']} {rating_word(c, 'khong_hoan_thanh')}."
            ),
            Para(f"Các chi bộ trực thuộc ({s.total} chi bộ):"),
        ]
        levels = (
            ["xuat_sac"] * s.xuat_sac + ["tot"] * s.tot + ["hoan_thanh"] * s.hoan_thanh
            + ["khong_hoan_thanh"] * s.khong_hoan_thanh
        )  # fmt: skip
        kinds = ("Chi bộ ấp", "Chi bộ Trường", "Chi bộ Khu phố", "Chi bộ Trạm")
        rows = [["STT", "Tên chi bộ", "Mức xếp loại", "Công nhận “bốn tốt”"]]
        for i, k in enumerate(levels, 1):
            mark = "Đạt" if i <= s.bon_tot and k != "khong_hoan_thanh" else "-"
            rows.append([str(i), f"{kinds[i % 4]} số {i}", _LEVELS[k], mark])
        out.append(
            Table(rows, [0.08, 0.37, 0.35, 0.2], align=["center", "left", "left", "center"], header_rows=1)
        )
        out.append(
            plain(
                f"Số chi bộ đăng ký xây dựng “chi bộ bốn tốt” đầu năm: {s.registered_bon_tot}.", italic=True
            )
        )
    out += [
        plain("3. Phương hướng năm tới", bold=True),
        Para(f"Phấn đấu 100% đảng viên hoàn thành nhiệm vụ trở lên; giữ vững {c.model}."),
        c.signature(_noi_nhan(c)),
    ]
    return out


def annex_tables(c: Ctx) -> list[Block]:
    """BCA-16: the body in prose with no figure but references "(Phụ lục 01)", "(Phụ lục 02)"; the annexes
    after the signature on a new page: meetings per quarter as columns "Nội dung | Quý I … Quý IV | Cả năm",
    then the ratings with the levels as columns (and a đảng bộ's cells in a second row)."""
    d = c.d
    r = d.ratings
    rated = sum(r.values())
    months = thematic_months(d.thematic_meetings)
    reg = [3, 3, 3, 3]
    if d.regular_meetings == 11:
        reg[2] = 2
    them = [sum(1 for m in months if (m - 1) // 3 == q) for q in range(4)]
    a = d.attendance_pct
    att = [round(a + off, 2) for off in (0.4, -0.3, 0.2, -0.3)]
    meet = [
        ["Nội dung", "Quý I", "Quý II", "Quý III", "Quý IV", "Cả năm"],
        ["Sinh hoạt thường kỳ (kỳ)"] + [str(x) for x in reg] + [str(d.regular_meetings)],
        ["Sinh hoạt chuyên đề (kỳ)"] + [str(x) for x in them] + [str(d.thematic_meetings)],
        ["Tỷ lệ đảng viên dự (%)"] + [dec(x) for x in att] + [dec(a)],
    ]
    head = ["Đối tượng", "Tổng số", "HTXSNV", "HTTNV", "HTNV", "KHTNV"]
    rate = [head, ["Đảng viên", str(rated)] + [str(r[k]) for k in RATING_KEYS]]
    if not c.cell:
        s = d.subordinates
        rate.append(["Chi bộ trực thuộc", str(s.total), str(s.xuat_sac), str(s.tot), str(s.hoan_thanh), str(s.khong_hoan_thanh)])  # fmt: skip
    topics = "; ".join(TOPICS[: min(d.thematic_meetings, len(TOPICS))])
    out: list[Block] = [
        c.header(),
        _title(c),
        plain("I. ĐẶC ĐIỂM TÌNH HÌNH", bold=True),
        Para(
            f"{d.unit} có {c.total} đảng viên ({c.official} chính thức, {c.prob} dự bị)"
            + (f", {d.subordinates.total} chi bộ trực thuộc." if not c.cell else ".")
        ),
        plain("II. KẾT QUẢ THỰC HIỆN", bold=True),
        Para(
            f"1. Sinh hoạt {c.org} được duy trì nền nếp, nội dung sinh hoạt chuyên đề tập trung vào: {topics}. "
            "Số kỳ sinh hoạt và tỷ lệ đảng viên dự sinh hoạt từng quý tại Phụ lục 01."
        ),
        Para("2. " + _discipline(c)),
        Para(
            "3. Công tác đánh giá, xếp loại được thực hiện đúng quy trình; kết quả xếp loại đảng viên"
            + ("" if c.cell else " và chi bộ trực thuộc")
            + " tại Phụ lục 02."
        ),
    ]
    if not c.cell:
        s = d.subordinates
        out.append(
            Para(
                f"4. Có {s.registered_bon_tot} chi bộ đăng ký và {s.bon_tot} chi bộ được Đảng ủy công nhận "
                "“chi bộ bốn tốt”."
            )
        )
    out += [
        c.signature(_noi_nhan(c)),
        PageBreak(),
        Title("PHỤ LỤC 01", [f"Kết quả sinh hoạt {c.org} năm {c.year}"]),
        Table(meet, [0.3] + [0.14] * 5, align=["left"] + ["center"] * 5),
        Title("PHỤ LỤC 02", [f"Kết quả đánh giá, xếp loại năm {c.year}"]),
        Table(rate, [0.25, 0.15, 0.15, 0.15, 0.15, 0.15], align=["left"] + ["center"] * 5),
        plain(f"(Kèm theo Báo cáo {d_words(c.date)})", italic=True),
    ]
    return out
