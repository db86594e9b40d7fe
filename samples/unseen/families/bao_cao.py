"""Báo cáo kết quả thực hiện: four ways a unit reports its year."""

from __future__ import annotations

from samples.blocks import Block, Para, Table, Title

from .common import RATING_KEYS, Ctx, dec, pct, rating_abbr, rating_word, z2


def _left(text: str, bold: bool = False) -> Para:
    return Para(text, bold=bold, align="left", indent=False)


def _none(n: int, words: str = "không có") -> str:
    return z2(n) if n else words


def _discipline_sentence(c: Ctx) -> str:
    n = c.d.disciplined_members
    if not n:
        return "Nội bộ đoàn kết, thống nhất; không có đảng viên vi phạm phải xử lý kỷ luật."
    return (
        f"Có {z2(n)} đảng viên bị xử lý kỷ luật bằng hình thức khiển trách do vi phạm quy định về "
        "những điều đảng viên không được làm."
    )


def _targets(c: Ctx) -> str:
    """Next year's targets: numbers that look like results and are not."""
    return (
        f"Năm {c.year + 1}, {c.org} phấn đấu 100% đảng viên hoàn thành nhiệm vụ trở lên, trong đó ít nhất 85% "
        "hoàn thành tốt nhiệm vụ; tổ chức đủ 12 cuộc sinh hoạt thường kỳ và 04 cuộc sinh hoạt chuyên đề; tỷ lệ "
        "đảng viên dự sinh hoạt đạt trên 95%; kết nạp 02 đảng viên mới; không có đảng viên vi phạm kỷ luật."
    )


def sections_prose(c: Ctx) -> list[Block]:
    """BCA-1: roman sections in prose; ratings as fractions "03/16 đồng chí xếp loại …"; next year's targets."""
    d = c.d
    r = d.ratings
    rated = sum(r.values())
    out: list[Block] = [
        c.header(),
        Title("BÁO CÁO", [f"Kết quả thực hiện mô hình {c.model} năm {c.year}"]),
        _left("I. ĐẶC ĐIỂM TÌNH HÌNH", bold=True),
    ]
    if c.cell:
        line = (
            f"{d.unit} có {c.total} đảng viên, trong đó {c.official} đảng viên chính thức, "
            f"{z2(c.prob)} đảng viên dự bị"
        )
        if d.members_excused:
            line += f"; {z2(d.members_excused)} đồng chí được miễn công tác và sinh hoạt đảng"
        out.append(Para(line + "."))
    else:
        s = d.subordinates
        out.append(
            Para(
                f"Đảng bộ có {s.total} chi bộ trực thuộc với {c.total} đảng viên ({c.official} chính thức, "
                f"{c.prob} dự bị)."
            )
        )
    out += [
        _left("II. KẾT QUẢ THỰC HIỆN", bold=True),
        _left("1. Hoàn thành tốt nhiệm vụ chính trị", bold=True),
        Para(
            f"{c.org.capitalize()} kịp thời quán triệt, cụ thể hóa các nghị quyết, chỉ thị của cấp trên; lãnh đạo "
            "hoàn thành các chỉ tiêu được giao trong năm."
        ),
        _left("2. Chất lượng sinh hoạt tốt", bold=True),
        Para(
            f"Trong năm, {c.org} tổ chức {d.regular_meetings} cuộc sinh hoạt thường kỳ và {z2(d.thematic_meetings)} "
            "cuộc sinh hoạt chuyên đề. Tỷ lệ đảng viên tham dự bình quân đạt "
            f"{dec(d.attendance_pct)}%, không có đảng viên vắng mặt không lý do."
        ),
        _left("3. Đoàn kết, kỷ luật tốt", bold=True),
        Para(_discipline_sentence(c)),
        _left("4. Cán bộ, đảng viên tốt", bold=True),
    ]
    parts = [f"{z2(r[k])}/{rated} đồng chí xếp loại {rating_word(c, k)}" for k in RATING_KEYS[:3]]
    tail = (
        f"{z2(r['khong_hoan_thanh'])}/{rated} đồng chí {rating_word(c, 'khong_hoan_thanh')}"
        if r["khong_hoan_thanh"]
        else f"không có đồng chí nào {rating_word(c, 'khong_hoan_thanh')}"
    )
    out.append(Para("Kết quả đánh giá, xếp loại đảng viên: " + "; ".join(parts) + "; " + tail + "."))
    out.append(
        Para(
            f"Kết nạp {z2(d.new_members)} đảng viên mới."
            if d.new_members
            else "Trong năm chưa kết nạp được đảng viên mới."
        )
    )
    if not c.cell:
        s = d.subordinates
        n = s.total
        out.append(
            Para(
                f"Đánh giá chi bộ trực thuộc: {z2(s.xuat_sac)}/{n} chi bộ hoàn thành xuất sắc nhiệm vụ, {s.tot}/{n} "
                f"hoàn thành tốt nhiệm vụ, {z2(s.hoan_thanh)}/{n} hoàn thành nhiệm vụ, "
                + (
                    f"{z2(s.khong_hoan_thanh)}/{n} không hoàn thành nhiệm vụ"
                    if s.khong_hoan_thanh
                    else "không có chi bộ không hoàn thành nhiệm vụ"
                )
                + f". Có {s.registered_bon_tot}/{n} chi bộ đăng ký và {s.bon_tot}/{n} chi bộ đạt “chi bộ bốn tốt”."
            )
        )
    out += [
        _left(f"III. PHƯƠNG HƯỚNG NĂM {c.year + 1}", bold=True),
        Para(_targets(c)),
        c.signature(c.recipients()),
    ]
    return out


def result_tables(c: Ctx) -> list[Block]:
    """BCA-2: three tables; the meetings sentence inside a cell; ratings abbreviated with shares."""
    d = c.d
    r = d.ratings
    rated = sum(r.values())
    members = [["Chỉ tiêu", "Số lượng"]]
    if not c.cell:
        members.append(["Số chi bộ trực thuộc", str(d.subordinates.total)])
    members += [
        ["Tổng số đảng viên", str(c.total)],
        ["- Chính thức", str(c.official)],
        ["- Dự bị", z2(c.prob)],
    ]
    if d.members_excused:
        members.append(["- Miễn sinh hoạt đảng", z2(d.members_excused)])
    results = [
        ["Tiêu chí", "Kết quả thực hiện"],
        [
            "Sinh hoạt " + c.org,
            f"Tổ chức {d.regular_meetings} cuộc sinh hoạt thường kỳ và {d.thematic_meetings} cuộc sinh hoạt chuyên đề",
        ],
        ["Tỷ lệ đảng viên dự sinh hoạt", f"Bình quân {dec(d.attendance_pct)}%"],
        [
            "Kỷ luật",
            "Không có đảng viên bị kỷ luật"
            if not d.disciplined_members
            else f"{z2(d.disciplined_members)} đảng viên bị kỷ luật (khiển trách)",
        ],
        [
            "Phát triển đảng viên",
            f"Kết nạp {z2(d.new_members)} đảng viên" if d.new_members else "Chưa kết nạp",
        ],
    ]
    ratings = [["Mức xếp loại", "Số đảng viên", "Tỷ lệ (%)"]]
    ratings += [[rating_abbr(c, k), z2(r[k]) if r[k] else "0", pct(r[k], rated)[:-1]] for k in RATING_KEYS]
    ratings.append(["Cộng", str(rated), "100"])
    out: list[Block] = [
        c.header(colon=True),
        Title("BÁO CÁO", [f"Tổng kết thực hiện {c.model} năm {c.year}"]),
        _left("1. Tình hình đảng viên", bold=True),
        Table(members, [0.6, 0.4], align=["left", "center"]),
        _left("2. Kết quả thực hiện các tiêu chí", bold=True),
        Table(results, [0.35, 0.65]),
        _left("3. Kết quả xếp loại đảng viên", bold=True),
        Table(ratings, [0.4, 0.3, 0.3], align=["left", "center", "center"]),
    ]
    if not c.cell:
        s = d.subordinates
        out += [
            _left("4. Kết quả xếp loại chi bộ trực thuộc", bold=True),
            Table(
                [
                    ["Mức xếp loại", "Số chi bộ"],
                    ["HTXSNV", z2(s.xuat_sac)],
                    ["HTTNV", z2(s.tot)],
                    ["HTNV", z2(s.hoan_thanh)],
                    ["KHTNV", z2(s.khong_hoan_thanh) if s.khong_hoan_thanh else "0"],
                    ["Cộng", str(s.total)],
                    ["Đăng ký “chi bộ bốn tốt”", str(s.registered_bon_tot)],
                    ["Đạt “chi bộ bốn tốt”", str(s.bon_tot)],
                ],
                [0.6, 0.4],
                align=["left", "center"],
            ),
        ]
    out += [_left("Phương hướng", bold=True), Para(_targets(c)), c.signature(c.recipients())]
    return out


def both_kinds_cells(c: Ctx) -> list[Block]:
    """BCA-3: a label cell naming both meeting kinds ("thường kỳ/chuyên đề" → "12/04"); "trong đó nữ …";
    ratings as "HTXSNV: 03 đ/c (18,75%)"."""
    d = c.d
    r = d.ratings
    rated = sum(r.values())
    women = max(1, c.total * 3 // 7)
    out: list[Block] = [
        c.header(),
        Title("BÁO CÁO", [f"Kết quả xây dựng {c.model}", f"năm {c.year}"]),
        _left("Phần thứ nhất: TÌNH HÌNH CHUNG", bold=True),
    ]
    if c.cell:
        out.append(
            Para(
                f"Tổng số đảng viên: {c.total} đ/c, trong đó nữ {z2(women)} đ/c; chính thức {c.official} đ/c, "
                f"dự bị {z2(c.prob)} đ/c."
            )
        )
    else:
        out.append(
            Para(
                f"Đảng bộ có {d.subordinates.total} chi bộ trực thuộc; tổng số đảng viên: {c.total} đ/c, trong đó "
                f"nữ {women} đ/c; chính thức {c.official} đ/c, dự bị {z2(c.prob)} đ/c."
            )
        )
    out.append(_left("Phần thứ hai: KẾT QUẢ THỰC HIỆN", bold=True))
    rows = [
        ["Nội dung", "Kết quả"],
        ["Số cuộc sinh hoạt thường kỳ/chuyên đề", f"{d.regular_meetings}/{z2(d.thematic_meetings)}"],
        ["Tỷ lệ đảng viên dự sinh hoạt (bình quân)", f"{dec(d.attendance_pct)}%"],
        ["Đảng viên bị kỷ luật", _none(d.disciplined_members, "Không")],
        ["Kết nạp đảng viên mới", _none(d.new_members, "Không")],
    ]
    out.append(Table(rows, [0.6, 0.4], align=["left", "center"]))
    shares = [f"{rating_abbr(c, k)}: {z2(r[k])} đ/c ({pct(r[k], rated)})" for k in RATING_KEYS[:3]]
    shares.append(
        f"{rating_abbr(c, 'khong_hoan_thanh')}: "
        + (f"{z2(r['khong_hoan_thanh'])} đ/c" if r["khong_hoan_thanh"] else "không")
    )
    out.append(Para("Xếp loại đảng viên: " + "; ".join(shares) + "."))
    if not c.cell:
        s = d.subordinates
        out.append(
            Para(
                f"Tổng số {s.total} chi bộ trực thuộc; {z2(s.xuat_sac)} chi bộ HTXSNV, {z2(s.tot)} chi bộ HTTNV, "
                f"{z2(s.hoan_thanh)} chi bộ HTNV, "
                + (
                    f"{z2(s.khong_hoan_thanh)} chi bộ KHTNV"
                    if s.khong_hoan_thanh
                    else "không có chi bộ KHTNV"
                )
                + f"; {s.bon_tot} chi bộ được công nhận “chi bộ bốn tốt” (đạt {pct(s.bon_tot, s.total)})."
            )
        )
    out += [
        _left(f"Phần thứ ba: PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM {c.year + 1}", bold=True),
        _left("- Phấn đấu 100% đảng viên HTNV trở lên; 90% HTTNV trở lên."),
        _left("- Duy trì 12/12 kỳ sinh hoạt thường kỳ, 04 kỳ chuyên đề; tỷ lệ dự sinh hoạt trên 90%."),
        c.signature(c.recipients()),
    ]
    return out


def lettered_items(c: Ctx) -> list[Block]:
    """BCA-4: numbered headings with a) b) items; thematic meetings per quarter; zero said in words."""
    d = c.d
    r = d.ratings
    rated = sum(r.values())
    them = d.thematic_meetings
    quarters = [1] * min(them, 4) + [0] * (4 - min(them, 4))
    quarters[3] += max(0, them - 4)
    per_q = ", ".join(
        f"quý {q}: {z2(n) if n else 'không'}" for q, n in zip(("I", "II", "III", "IV"), quarters, strict=True)
    )
    out: list[Block] = [
        c.header(pad=False),
        Title("BÁO CÁO", [f"Đánh giá kết quả thực hiện các tiêu chí {c.model} năm {c.year}"]),
        Para(f"Căn cứ kế hoạch xây dựng {c.model} năm {c.year}, {d.unit} báo cáo kết quả như sau:"),
        _left("1. Về tổ chức và đảng viên", bold=True),
        _left(f"a) Tổng số đảng viên: {c.total} đồng chí ({c.official} chính thức, {c.prob} dự bị)."),
    ]
    if not c.cell:
        out.append(_left(f"b) Số tổ chức đảng trực thuộc: {d.subordinates.total} chi bộ."))
    out += [
        _left("2. Về sinh hoạt đảng", bold=True),
        _left(f"a) Sinh hoạt thường kỳ: {d.regular_meetings} cuộc/năm."),
        _left(f"b) Sinh hoạt chuyên đề: {z2(them)} cuộc ({per_q})."),
        _left(f"c) Đảng viên dự sinh hoạt bình quân: {dec(d.attendance_pct)}%."),
        _left("3. Về kỷ luật", bold=True),
        _left(
            "Không có tổ chức đảng, đảng viên bị thi hành kỷ luật."
            if not d.disciplined_members
            else f"Có {z2(d.disciplined_members)} đảng viên bị thi hành kỷ luật (khiển trách)."
        ),
        _left("4. Về đánh giá, xếp loại đảng viên", bold=True),
    ]
    for k in RATING_KEYS:
        label = rating_word(c, k)
        label = label[0].upper() + label[1:]
        if r[k]:
            out.append(_left(f"- {label}: {z2(r[k])} đồng chí, chiếm {pct(r[k], rated)}"))
        else:
            out.append(_left(f"- {label}: không."))
    if d.legacy:
        out.append(Para(f"Tự đánh giá: {c.org} đạt “trong sạch, vững mạnh”."))
    if not c.cell:
        s = d.subordinates
        out += [
            _left("5. Về chi bộ trực thuộc", bold=True),
            _left(
                f"- Hoàn thành tốt nhiệm vụ trở lên: {s.xuat_sac + s.tot} chi bộ (xuất sắc {z2(s.xuat_sac)})."
            ),
            _left(f"- Hoàn thành nhiệm vụ: {_none(s.hoan_thanh, 'không')}."),
            _left(f"- Không hoàn thành nhiệm vụ: {_none(s.khong_hoan_thanh, 'không')}."),
            _left(f"- Đạt “chi bộ bốn tốt”: {s.bon_tot}/{s.total} chi bộ."),
        ]
    out += [
        _left(f"Chỉ tiêu năm {c.year + 1}", bold=True),
        Para(_targets(c)),
        c.signature(c.recipients()),
    ]
    return out
