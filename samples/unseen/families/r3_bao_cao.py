"""Báo cáo, round 3: a ratings table with thematic meetings listed by topic, ratings in one sentence with
semicolons, and a report comparing two years with a table of every subordinate cell."""

from __future__ import annotations

from samples.blocks import Block, Para, Table, Title

from .common import RATING_ABBR, RATING_KEYS, Ctx, criteria_total, d_slash, dec, pct, rating_word, z2
from .r3_common import last_year_total, left, plan_ref, said, women

TOPICS = (
    "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh về phong cách người đứng đầu",
    "Nâng cao chất lượng công tác dân vận trong thực hiện nhiệm vụ chính trị của đơn vị",
    "Phòng, chống suy thoái, “tự diễn biến”, “tự chuyển hóa” trong nội bộ",
    "Giữ gìn an ninh trật tự, phòng, chống tội phạm và tệ nạn xã hội trên địa bàn",
    "Chuyển đổi số, cải cách hành chính gắn với trách nhiệm của đảng viên",
    "Công tác phát triển đảng viên trong đoàn viên thanh niên",
)
CELL_NAMES = (
    "Chi bộ ấp Bình Hòa", "Chi bộ ấp Bình Lợi", "Chi bộ ấp Chánh", "Chi bộ ấp Tân Thuận", "Chi bộ Quân sự",
    "Chi bộ Công an", "Chi bộ Trường Tiểu học", "Chi bộ Trường Trung học cơ sở", "Chi bộ Trường Mầm non",
    "Chi bộ Trạm Y tế", "Chi bộ Cơ quan", "Chi bộ khu phố 1", "Chi bộ khu phố 2", "Chi bộ khu phố 3",
    "Chi bộ khu phố 4", "Chi bộ Hợp tác xã",
)  # fmt: skip


def _capital(s: str) -> str:
    return s[0].upper() + s[1:]


def _discipline(c: Ctx) -> str:
    n = c.d.disciplined_members
    if not n:
        return "Trong năm không có đảng viên vi phạm phải xử lý kỷ luật."
    return (
        f"Trong năm có {z2(n)} đồng chí bị kỷ luật khiển trách do vi phạm quy định về những điều đảng viên "
        "không được làm."
    )


def _veterans(c: Ctx) -> int:
    return max(1, c.total // 6)


def ratings_table_topics(c: Ctx) -> list[Block]:
    """BCA-8: "duy trì sinh hoạt định kỳ đủ 12/12 kỳ"; thematic meetings counted then listed by topic;
    ratings in a table "Mức xếp loại | Số lượng | Tỷ lệ (%)"; a đảng bộ's cells in a second one."""
    d = c.d
    r = d.ratings
    rated = sum(r.values())
    out: list[Block] = [
        c.header(),
        Title("BÁO CÁO", [f"Kết quả thực hiện mô hình {c.model} năm {c.year}"]),
        Para(f"Thực hiện {plan_ref(c)}, {d.unit} báo cáo kết quả thực hiện năm {c.year} như sau:"),
        left("I. ĐẶC ĐIỂM, TÌNH HÌNH", bold=True),
    ]
    if c.cell:
        line = (
            f"Chi bộ hiện có {c.total} đảng viên; trong đó: chính thức {c.official} đồng chí, dự bị "
            f"{z2(c.prob)} đồng chí; nữ {z2(women(c))} đồng chí; đảng viên có trên 30 năm tuổi đảng "
            f"{z2(_veterans(c))} đồng chí"
        )
        if d.members_excused:
            line += f"; được miễn công tác và sinh hoạt đảng {z2(d.members_excused)} đồng chí"
        out.append(Para(line + "."))
    else:
        s = d.subordinates
        out.append(
            Para(
                f"Đảng bộ có {s.total} chi bộ trực thuộc với tổng số {c.total} đảng viên; trong đó chính thức "
                f"{c.official} đồng chí, dự bị {z2(c.prob)} đồng chí; Ban Chấp hành Đảng bộ có "
                f"{d.committee_members} đồng chí."
            )
        )
    out += [
        left("II. KẾT QUẢ THỰC HIỆN CÁC TIÊU CHÍ", bold=True),
        left("1. Lãnh đạo hoàn thành tốt nhiệm vụ chính trị", bold=True),
        Para(
            f"{_capital(c.org)} lãnh đạo hoàn thành 100% chỉ tiêu nghị quyết năm {c.year}; thu ngân sách đạt "
            "112,5% kế hoạch; tỷ lệ hộ gia đình văn hóa đạt 96,8%; các đoàn thể đều hoàn thành tốt nhiệm vụ."
        ),
        left("2. Chất lượng sinh hoạt", bold=True),
    ]
    if d.regular_meetings >= 12:
        reg = f"{_capital(c.org)} duy trì sinh hoạt định kỳ đủ 12/12 kỳ vào ngày 03 hằng tháng"
    else:
        reg = (
            f"{_capital(c.org)} sinh hoạt định kỳ được {d.regular_meetings}/12 kỳ (tháng 9 không tổ chức được "
            "do tập trung phòng, chống bão lũ)"
        )
    them = d.thematic_meetings
    out.append(Para(f"{reg}; tổ chức {said(them)} cuộc sinh hoạt chuyên đề với các chủ đề:"))
    out += [left(f"- {topic};") for topic in TOPICS[:them]]
    out.append(
        Para(
            f"Tỷ lệ đảng viên dự sinh hoạt bình quân đạt {dec(d.attendance_pct)}%; thời gian mỗi kỳ từ 90 đến 120 "
            "phút; bình quân mỗi kỳ có 05 - 07 ý kiến phát biểu."
        )
    )
    out += [
        left("3. Đoàn kết, kỷ luật", bold=True),
        Para("Nội bộ đoàn kết, thống nhất, thực hiện nghiêm nguyên tắc tập trung dân chủ. " + _discipline(c)),
        left("4. Cán bộ, đảng viên", bold=True),
        Para(
            f"Kết quả đánh giá, xếp loại chất lượng đảng viên năm {c.year} (tổng số được đánh giá: {rated} đồng chí):"
        ),
    ]
    rows = [["Mức xếp loại", "Số lượng", "Tỷ lệ (%)"]]
    for k in RATING_KEYS:
        rows.append([_capital(rating_word(c, k)), z2(r[k]), pct(r[k], rated)[:-1]])
    out.append(Table(rows, [0.56, 0.2, 0.24], align=["left", "center", "center"]))
    out.append(
        Para(
            f"Trong năm kết nạp {z2(d.new_members)} đảng viên mới."
            if d.new_members
            else "Trong năm chưa kết nạp được đảng viên mới; hiện có 02 quần chúng ưu tú đang được bồi dưỡng."
        )
    )
    if not c.cell:
        s = d.subordinates
        out.append(left("5. Chất lượng tổ chức cơ sở đảng trực thuộc", bold=True))
        srows = [["Mức xếp loại", "Số chi bộ", "Tỷ lệ (%)"]]
        for k, n in zip(RATING_KEYS, (s.xuat_sac, s.tot, s.hoan_thanh, s.khong_hoan_thanh), strict=True):
            srows.append([_capital(rating_word(c, k)), z2(n), pct(n, s.total)[:-1]])
        srows.append(["Cộng", str(s.total), "100"])
        out.append(Table(srows, [0.56, 0.2, 0.24], align=["left", "center", "center"]))
        out.append(
            Para(
                f"Có {s.registered_bon_tot} chi bộ đăng ký, {s.bon_tot}/{s.total} chi bộ đạt “chi bộ bốn tốt” "
                f"(đạt {pct(s.bon_tot, s.total)})."
            )
        )
    out += [
        left("III. ĐÁNH GIÁ CHUNG", bold=True),
        Para(
            f"Đối chiếu các tiêu chí, {c.org} tự đánh giá đủ điều kiện đề nghị công nhận {c.model} năm {c.year}."
        ),
        c.signature(["- Đảng ủy (b/c);", "- Lưu."]),
    ]
    return out


def semicolon_sentence(c: Ctx) -> list[Block]:
    """BCA-9: numbered parts; the meetings "được 12/12 kỳ (đạt 100%)"; attendance "tăng 1,2% so với năm
    trước"; ratings in one sentence "Hoàn thành xuất sắc nhiệm vụ: 03 đồng chí, tỷ lệ 16,67%; …"."""
    d = c.d
    r = d.ratings
    rated = sum(r.values())
    start, _ = last_year_total(c)
    rise = c.rng.choice([0.5, 0.8, 1.2, 1.5, 2.1])
    score, mx = criteria_total(c)
    out: list[Block] = [
        c.header(colon=True, words=False),
        Title("BÁO CÁO", [f"Tự kiểm điểm, đánh giá kết quả xây dựng {c.model}", f"năm {c.year}"]),
        left("1. Tình hình tổ chức, đảng viên", bold=True),
    ]
    if not c.cell:
        out.append(left(f"- Số chi bộ trực thuộc: {d.subordinates.total} chi bộ."))
    out += [
        left(f"- Tổng số đảng viên: {c.total} đồng chí (đầu năm: {start} đồng chí)."),
        left(f"- Đảng viên chính thức: {c.official}; đảng viên dự bị: {z2(c.prob)}."),
    ]
    if d.members_excused:
        out.append(left(f"- Đảng viên được miễn sinh hoạt: {z2(d.members_excused)}."))
    out += [
        left("2. Công tác sinh hoạt đảng", bold=True),
        Para(
            f"Trong năm, {c.org} tổ chức sinh hoạt thường kỳ được {d.regular_meetings}/12 kỳ (đạt "
            f"{pct(d.regular_meetings, 12)}), sinh hoạt chuyên đề {z2(d.thematic_meetings)} kỳ/năm; tỷ lệ đảng "
            f"viên dự sinh hoạt bình quân {dec(d.attendance_pct)}%, tăng {dec(rise)}% so với năm {c.year - 1}."
        ),
        left("3. Công tác kiểm tra, giám sát và kỷ luật", bold=True),
        Para(
            f"{'Chi ủy' if c.cell else 'Ủy ban Kiểm tra Đảng ủy'} kiểm tra {z2(c.rng.randint(2, 4))} đảng viên, giám sát chuyên đề {z2(c.rng.randint(1, 3))} "
            "đảng viên. "
            + (
                "Không có đảng viên vi phạm phải xử lý kỷ luật; không có đơn thư khiếu nại, tố cáo liên quan "
                "đến đảng viên."
                if not d.disciplined_members
                else f"{z2(d.disciplined_members)} đồng chí bị kỷ luật khiển trách do vi phạm quy định về "
                "những điều đảng viên không được làm."
            )
        ),
        left("4. Đánh giá, xếp loại đảng viên", bold=True),
    ]
    parts = [
        f"{_capital(rating_word(c, k))}: {z2(r[k])} đồng chí, tỷ lệ {pct(r[k], rated)}"
        for k in RATING_KEYS[:3]
    ]
    last = r["khong_hoan_thanh"]
    parts.append(
        f"{_capital(rating_word(c, 'khong_hoan_thanh'))}: "
        + (f"{z2(last)} đồng chí, tỷ lệ {pct(last, rated)}" if last else "0 đồng chí")
    )
    out.append(
        Para(
            f"Tổng số đảng viên được đánh giá, xếp loại: {rated}/{c.total} đồng chí. Kết quả: "
            + "; ".join(parts)
            + "."
        )
    )
    n = 5
    if not c.cell:
        s = d.subordinates
        out.append(left("5. Đánh giá chi bộ trực thuộc", bold=True))
        counts = (s.xuat_sac, s.tot, s.hoan_thanh, s.khong_hoan_thanh)
        sparts = [
            f"{_capital(rating_word(c, k))}: {z2(m) if m else '0'} chi bộ"
            for k, m in zip(RATING_KEYS, counts, strict=True)
        ]
        out.append(
            Para(
                f"Đánh giá {s.total} chi bộ trực thuộc: " + "; ".join(sparts) + ". Số chi bộ đạt “chi bộ bốn "
                f"tốt”: {s.bon_tot}/{s.total}."
            )
        )
        n = 6
    out += [
        left(f"{n}. Kết quả tự chấm điểm", bold=True),
        Para(f"Tổng điểm tự chấm theo 04 tiêu chí: {dec(score)}/{dec(mx)} điểm."),
        c.signature(c.recipients()),
    ]
    return out


def _split(c: Ctx, total: int, n: int) -> list[int]:
    """Members per subordinate cell, at least three each, adding up to ``total``."""
    sizes = [3] * n
    for _ in range(total - 3 * n):
        sizes[c.rng.randrange(n)] += 1
    return sizes


def two_years_cell_list(c: Ctx) -> list[Block]:
    """BCA-10: members "tính đến ngày 30/11 … so với cùng kỳ"; ratings in a table with a row per year and
    a column per level (HTXSNV … Tổng số); a đảng bộ lists each subordinate cell, its rating and whether it
    is "bốn tốt"."""
    d = c.d
    r = d.ratings
    rated = sum(r.values())
    start, moved = last_year_total(c)
    prev_xs = max(1, start // 6)
    prev_ht = c.rng.randint(0, 2)
    prev = [prev_xs, start - prev_xs - prev_ht, prev_ht, 0]
    out: list[Block] = [
        c.header(pad=False),
        Title("BÁO CÁO", [f"Tổng kết thực hiện mô hình {c.model} năm {c.year}"]),
        left("I. TÌNH HÌNH CHUNG", bold=True),
    ]
    trend = "tăng" if c.total > start else "giảm" if c.total < start else "bằng"
    extra = f", chuyển sinh hoạt đi {z2(moved)} đồng chí" if moved else ""
    prefix = f"có {d.subordinates.total} chi bộ trực thuộc, " if not c.cell else "có "
    out.append(
        Para(
            f"Tính đến ngày 30/11/{c.year}, {d.unit} {prefix}{c.total} đảng viên (chính thức {c.official}, dự bị "
            f"{c.prob}), {trend} so với cùng kỳ năm {c.year - 1} ({start} đảng viên); trong năm kết nạp "
            f"{z2(d.new_members) if d.new_members else 'không'} đảng viên mới{extra}."
            + (
                f" Có {z2(d.members_excused)} đồng chí được miễn công tác và sinh hoạt đảng."
                if d.members_excused
                else ""
            )
        )
    )
    out.append(left("II. KẾT QUẢ THỰC HIỆN", bold=True))
    out.append(left("1. Sinh hoạt đảng", bold=True))
    out.append(
        Para(
            f"Thực hiện sinh hoạt thường kỳ: {d.regular_meetings} kỳ; sinh hoạt chuyên đề: {z2(d.thematic_meetings)} "
            f"kỳ (chủ đề năm {c.year}: “Tăng cường kỷ luật, kỷ cương, nâng cao trách nhiệm nêu gương”). Đảng viên "
            f"dự sinh hoạt bình quân đạt {dec(d.attendance_pct)}%, không có đảng viên vắng 03 kỳ liên tiếp."
        )
    )
    out.append(left("2. Công tác kiểm tra, giám sát", bold=True))
    out.append(
        Para(
            f"Kiểm tra {z2(c.rng.randint(2, 5))} đảng viên, giám sát {z2(c.rng.randint(2, 5))} đảng viên; kết quả: "
            + (
                "không có đảng viên vi phạm đến mức phải xử lý kỷ luật."
                if not d.disciplined_members
                else f"{z2(d.disciplined_members)} đồng chí bị kỷ luật khiển trách."
            )
        )
    )
    out.append(left("3. Đánh giá, xếp loại đảng viên", bold=True))
    rows = [["Năm", *(RATING_ABBR[k] for k in RATING_KEYS), "Tổng số"]]
    rows.append([str(c.year - 1), *(z2(v) if v else "0" for v in prev), str(start)])
    rows.append([str(c.year), *(z2(r[k]) if r[k] else "0" for k in RATING_KEYS), str(rated)])
    out.append(Table(rows, [0.16, 0.16, 0.16, 0.16, 0.16, 0.2], align=["center"] * 6))
    good = r["xuat_sac"] + r["tot"]
    out.append(Para(f"Tỷ lệ đảng viên hoàn thành tốt nhiệm vụ trở lên năm {c.year}: {pct(good, rated)}."))
    if not c.cell:
        s = d.subordinates
        out.append(left("4. Chi bộ trực thuộc", bold=True))
        levels = ["HTXSNV"] * s.xuat_sac + ["HTTNV"] * s.tot + ["HTNV"] * s.hoan_thanh
        levels += ["KHTNV"] * s.khong_hoan_thanh
        four = [True] * s.bon_tot + [False] * (
            s.total - s.bon_tot
        )  # the weakest cells are the ones not "bốn tốt"
        names = list(CELL_NAMES[: s.total])
        sizes = _split(c, c.total, s.total)
        order = list(range(s.total))
        c.rng.shuffle(order)  # the table lists cells by name, not by rating
        srows = [["STT", "Chi bộ trực thuộc", "Số đảng viên", "Xếp loại", "“Chi bộ bốn tốt”"]]
        for i, j in enumerate(order, 1):
            srows.append([str(i), names[j], str(sizes[j]), levels[j], "Đạt" if four[j] else "Không đạt"])
        srows.append(
            ["", "Cộng", str(c.total), f"{s.xuat_sac + s.tot}/{s.total} HTTNV trở lên", f"{s.bon_tot} đạt"]
        )
        out.append(
            Table(srows, [0.08, 0.4, 0.14, 0.2, 0.18], align=["center", "left", "center", "center", "center"])
        )
    out += [
        left(f"III. PHƯƠNG HƯỚNG NĂM {c.year + 1}", bold=True),
        Para(
            f"Phấn đấu giữ vững danh hiệu {c.model}; 100% đảng viên hoàn thành nhiệm vụ, trong đó trên 85% hoàn "
            f"thành tốt nhiệm vụ trở lên; báo cáo lập ngày {d_slash(c.date)}."
        ),
        c.signature(c.recipients()),
    ]
    return out
