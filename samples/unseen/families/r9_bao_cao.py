"""Báo cáo, round 9: a report in the first person plural ("chúng tôi") whose figures sit in parentheses
after the narrative clause they belong to, among parentheses that cite plans and dates; a report whose body
gives only shares and whose counts sit in footnotes marked "[1]" "[2]" under a rule before the signature;
a report with the ratings split by official and probationary members (the unit's counts in the "Cộng" row)
and the meetings as a month-by-month grid of marks with a "Cộng" column."""

from __future__ import annotations

from samples.blocks import Block, Para, Table, Title

from .common import RATING_KEYS, RATING_WORDS, Ctx, d_slash, dec, pct, z2
from .r4_common import thematic_months
from .r7_common import cap
from .r9_common import line, n0


def _title(c: Ctx) -> Title:
    return Title("BÁO CÁO", [f"Kết quả xây dựng {c.model} năm {c.year}"])


def _noi_nhan(c: Ctx) -> list[str]:
    return [f"- {c.d.recipient} (để báo cáo),", "- Lưu."]


def _plan(c: Ctx) -> str:
    return f"Kế hoạch số {1 + c.number % 9:02d}-KH/{c.body} ngày 15/01/{c.year}"


def parentheses(c: Ctx) -> list[Block]:
    """BCA-26: "chúng tôi" throughout; each figure in a parenthesis after the clause it belongs to ("chúng tôi
    duy trì sinh hoạt vào ngày 05 hằng tháng (cả năm 12 kỳ)"), other parentheses citing the plan, dates and
    other counts ("(Kế hoạch số 03-KH/CB ngày 15/01/2024)", "(02 lượt)")."""
    d = c.d
    r = d.ratings
    rng = c.rng
    visits = rng.randint(2, 4)
    disc = (
        f"(có {z2(d.disciplined_members)} đảng viên bị kỷ luật khiển trách trong năm)"
        if d.disciplined_members
        else "(không có đảng viên nào bị kỷ luật)"
    )
    people = f"({z2(c.total)} đảng viên, trong đó {z2(c.official)} chính thức và {n0(c.prob)} dự bị"
    people += f"; {z2(d.members_excused)} đồng chí miễn sinh hoạt)" if d.members_excused else ")"
    out: list[Block] = [
        c.header(),
        _title(c),
        line("1. Về tổ chức và đội ngũ", bold=True),
        Para(
            f"Đầu năm, chúng tôi xây dựng kế hoạch thực hiện mô hình ({_plan(c)}) và đăng ký với cấp trên. Đến cuối "
            f"năm, chúng tôi có đội ngũ đảng viên ổn định {people}"
            + (
                f", Ban Chấp hành Đảng bộ đủ số lượng ({z2(d.committee_members)} đồng chí)"
                if not c.cell
                else ""
            )
            + "."
        ),
        line("2. Về sinh hoạt đảng", bold=True),
        Para(
            f"Chúng tôi duy trì sinh hoạt thường kỳ vào ngày 05 hằng tháng (cả năm {z2(d.regular_meetings)} kỳ) và "
            f"tổ chức sinh hoạt chuyên đề theo quý (cả năm {z2(d.thematic_meetings)} kỳ), mời cấp ủy cấp trên dự "
            f"({z2(visits)} lượt). Đảng viên tham gia sinh hoạt đầy đủ (tỷ lệ dự bình quân {dec(d.attendance_pct)}%)."
        ),
        line("3. Về đoàn kết, kỷ luật", bold=True),
        Para(
            f"Nội bộ đoàn kết; chúng tôi thực hiện nghiêm công tác kiểm tra, giám sát (kiểm tra {z2(rng.randint(2, 4))} "
            f"đảng viên theo kế hoạch) và giữ nghiêm kỷ luật đảng {disc}."
        ),
        line("4. Về đánh giá, xếp loại đảng viên", bold=True),
        Para(
            f"Chúng tôi đánh giá, xếp loại đảng viên đúng quy trình (hội nghị ngày {d_slash(d.dates['bao_cao'])}): "
            + "; ".join(f"{RATING_WORDS[k]} ({n0(r[k])} đồng chí)" for k in RATING_KEYS)
            + "."
        ),
    ]
    if not c.cell:
        s = d.subordinates
        out.append(
            Para(
                f"Đối với các chi bộ trực thuộc (tổng số {z2(s.total)} chi bộ), chúng tôi xếp loại: hoàn thành xuất "
                f"sắc nhiệm vụ ({n0(s.xuat_sac)} chi bộ), hoàn thành tốt nhiệm vụ ({n0(s.tot)} chi bộ), hoàn thành "
                f"nhiệm vụ ({n0(s.hoan_thanh)} chi bộ), không hoàn thành nhiệm vụ ({n0(s.khong_hoan_thanh)} chi bộ); "
                f"công nhận “Chi bộ bốn tốt” ({z2(s.bon_tot)} trong số {z2(s.registered_bon_tot)} chi bộ đăng ký)."
            )
        )
    out += [
        line("5. Phương hướng năm tới", bold=True),
        Para(
            f"Năm {c.year + 1}, chúng tôi phấn đấu giữ vững danh hiệu, kết nạp thêm đảng viên mới (chỉ tiêu 02 quần "
            "chúng ưu tú) và nâng chất lượng sinh hoạt chuyên đề."
        ),
        c.signature(_noi_nhan(c)),
    ]
    return out


def shares_and_footnotes(c: Ctx) -> list[Block]:
    """BCA-27: the body in shares only ("16,67% đảng viên hoàn thành xuất sắc nhiệm vụ [4]") and words
    ("đủ các kỳ sinh hoạt [2]"); the counts in footnotes "[1]" … "[5]" under a rule before the signature
    ("[4] Hoàn thành xuất sắc nhiệm vụ: 03 đồng chí; …")."""
    d = c.d
    r = d.ratings
    total = sum(r.values())
    good = r["xuat_sac"] + r["tot"]
    notes: list[str] = [
        f"[1] Tổng số đảng viên đến 30/11/{c.year}: {z2(c.total)} đồng chí (chính thức {z2(c.official)}, dự bị "
        f"{n0(c.prob)})"
        + (f"; miễn sinh hoạt {z2(d.members_excused)} đồng chí." if d.members_excused else ".")
        + (f" Ban Chấp hành Đảng bộ: {z2(d.committee_members)} đồng chí." if not c.cell else ""),
        f"[2] Sinh hoạt thường kỳ: {z2(d.regular_meetings)} kỳ; sinh hoạt chuyên đề: {z2(d.thematic_meetings)} kỳ.",
        f"[3] Tỷ lệ đảng viên dự sinh hoạt bình quân cả năm: {dec(d.attendance_pct)}%.",
        "[4] Xếp loại đảng viên: "
        + "; ".join(f"{RATING_WORDS[k]}: {n0(r[k])} đồng chí" for k in RATING_KEYS)
        + ".",
        "[5] Đảng viên bị xử lý kỷ luật trong năm: "
        + (f"{z2(d.disciplined_members)} đồng chí (khiển trách)." if d.disciplined_members else "không có."),
    ]
    body_disc = (
        "vẫn còn đảng viên vi phạm phải xử lý kỷ luật [5]"
        if d.disciplined_members
        else "không để xảy ra vi phạm phải xử lý kỷ luật [5]"
    )
    out: list[Block] = [
        c.header(),
        _title(c),
        line("I. ĐẶC ĐIỂM", bold=True),
        Para(
            f"{d.unit} có số lượng đảng viên ổn định [1], tỷ lệ đảng viên dự bị chiếm "
            f"{pct(c.prob, c.total)} tổng số; đội ngũ cấp ủy có trình độ, năng lực, nhiệt tình."
        ),
        line("II. KẾT QUẢ THỰC HIỆN", bold=True),
        Para(
            f"1. Sinh hoạt: {c.org} duy trì các kỳ sinh hoạt thường kỳ và chuyên đề theo kế hoạch [2]; đảng viên "
            f"dự sinh hoạt đạt tỷ lệ cao [3]."
        ),
        Para(f"2. Đoàn kết, kỷ luật: nội bộ đoàn kết, thống nhất; {body_disc}."),
        Para(
            f"3. Đánh giá, xếp loại: {pct(r['xuat_sac'], total)} số đảng viên hoàn thành xuất sắc nhiệm vụ; "
            f"{pct(good, total)} hoàn thành tốt nhiệm vụ trở lên [4]."
        ),
    ]
    if not c.cell:
        s = d.subordinates
        out.append(
            Para(
                f"4. Chi bộ trực thuộc: {pct(s.xuat_sac + s.tot, s.total)} số chi bộ hoàn thành tốt nhiệm vụ trở lên "
                "[6]."
            )
        )
        notes.append(
            f"[6] Chi bộ trực thuộc: {z2(s.total)}; hoàn thành xuất sắc nhiệm vụ {n0(s.xuat_sac)}, hoàn thành tốt "
            f"nhiệm vụ {n0(s.tot)}, hoàn thành nhiệm vụ {n0(s.hoan_thanh)}, không hoàn thành nhiệm vụ "
            f"{n0(s.khong_hoan_thanh)}; đăng ký “Chi bộ bốn tốt” {z2(s.registered_bon_tot)}, đạt {z2(s.bon_tot)}."
        )
    out.append(
        Para(
            f"Trên cơ sở kết quả trên, {c.org} tự đánh giá đạt các tiêu chí {c.model} năm {c.year} và đề nghị cấp "
            "trên xem xét, công nhận."
        )
    )
    out.append(line("_" * 24))
    out += [line(n) for n in notes]
    out.append(c.signature(_noi_nhan(c)))
    return out


def _split_ratings(c: Ctx) -> tuple[dict[str, int], dict[str, int]]:
    """The ratings of official and probationary members: the probationary ones rated tốt, then hoàn thành."""
    r = dict(c.d.ratings)
    prob = {k: 0 for k in RATING_KEYS}
    left_ = c.prob
    for k in ("tot", "hoan_thanh", "xuat_sac", "khong_hoan_thanh"):
        take = min(left_, r[k])
        prob[k] += take
        left_ -= take
    off = {k: r[k] - prob[k] for k in RATING_KEYS}
    return off, prob


def month_grid(c: Ctx) -> list[Block]:
    """BCA-28: meetings as a grid of marks, months 1 … 12 as columns, rows "Thường kỳ" and "Chuyên đề" with a
    "Cộng" column; the ratings split by official and probationary members, levels as columns, with the unit's
    counts only in the "Cộng" row; attendance and discipline in one sentence under the grid."""
    d = c.d
    months = list(range(1, 13))
    skip = {2} if d.regular_meetings == 11 else set()
    them = set(thematic_months(d.thematic_meetings))
    grid = [
        ["Tháng", *[str(m) for m in months], "Cộng"],
        ["Thường kỳ", *["–" if m in skip else "x" for m in months], z2(d.regular_meetings)],
        ["Chuyên đề", *["x" if m in them else "" for m in months], z2(d.thematic_meetings)],
    ]
    w = [0.16] + [0.06] * 12 + [0.12]
    off, prob = _split_ratings(c)
    heads = ["Đảng viên", "HT xuất sắc NV", "HT tốt NV", "HT NV", "Không HTNV", "Tổng số"]
    rows = [
        heads,
        ["Chính thức", *[n0(off[k]) for k in RATING_KEYS], z2(sum(off.values()))],
        ["Dự bị", *[n0(prob[k]) for k in RATING_KEYS], n0(sum(prob.values()))],
        ["Cộng", *[n0(d.ratings[k]) for k in RATING_KEYS], z2(sum(d.ratings.values()))],
    ]
    disc = (
        f"{z2(d.disciplined_members)} đảng viên bị kỷ luật khiển trách"
        if d.disciplined_members
        else "không có đảng viên bị kỷ luật"
    )
    out: list[Block] = [
        c.header(),
        _title(c),
        line("I. TÌNH HÌNH CHUNG", bold=True),
        Para(
            f"{d.unit} có {z2(c.total)} đảng viên ({z2(c.official)} chính thức, {n0(c.prob)} dự bị"
            + (f", {z2(d.members_excused)} đồng chí miễn sinh hoạt" if d.members_excused else "")
            + ")"
            + (f"; Ban Chấp hành Đảng bộ {z2(d.committee_members)} đồng chí" if not c.cell else "")
            + f". {cap(c.org)} lãnh đạo thực hiện hoàn thành các chỉ tiêu nhiệm vụ năm {c.year}."
        ),
        line("II. SINH HOẠT ĐẢNG", bold=True),
        Para(f"Các kỳ sinh hoạt trong năm {c.year} (x: có tổ chức; –: không tổ chức):", indent=False),
        Table(grid, w, bold_rows={0}, align=["left"] + ["center"] * 13),
        Para(
            f"Tỷ lệ đảng viên dự sinh hoạt bình quân {dec(d.attendance_pct)}%. Trong năm {disc}."
            + (" Tháng 2 không tổ chức sinh hoạt thường kỳ do trùng Tết Nguyên đán." if skip else "")
        ),
        line("III. ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN", bold=True),
        Table(rows, [0.2, 0.16, 0.16, 0.16, 0.16, 0.16], bold_rows={0, 3}, align=["left"] + ["center"] * 5),
    ]
    if not c.cell:
        s = d.subordinates
        out += [
            line("IV. CHI BỘ TRỰC THUỘC", bold=True),
            Table(
                [
                    [
                        "Tổng số",
                        "HT xuất sắc NV",
                        "HT tốt NV",
                        "HT NV",
                        "Không HTNV",
                        "Đăng ký 4 tốt",
                        "Đạt 4 tốt",
                    ],
                    [
                        z2(s.total),
                        n0(s.xuat_sac),
                        n0(s.tot),
                        n0(s.hoan_thanh),
                        n0(s.khong_hoan_thanh),
                        z2(s.registered_bon_tot),
                        z2(s.bon_tot),
                    ],
                ],
                [1 / 7] * 7,
                bold_rows={0},
                align=["center"] * 7,
            ),
        ]
    out.append(c.signature(_noi_nhan(c)))
    return out
