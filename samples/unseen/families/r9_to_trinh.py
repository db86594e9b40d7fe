"""Tờ trình, round 9: a letter whose every figure is told as its change on last year before its value
("tăng 02 đồng chí so với năm trước, nay là 18 đồng chí"), under headings in capitals without
diacritics; a short cover letter that points to the rows of "Biểu số 01" on a second page, where several
values share one cell as a dash-separated tuple under a legend; a letter whose figures all sit in its
"Căn cứ" lines (italic), each citing the document that carries them with its own number and date."""

from __future__ import annotations

from samples.blocks import Block, PageBreak, Para, Table, Title

from .common import RATING_KEYS, Ctx, criteria_total, d_slash, d_words, dec, pct, z2
from .r4_common import stated_away, stated_voters
from .r7_common import cap
from .r9_common import bare_caps, change, last_year, line, n0, tuple_of


def _title(c: Ctx) -> Title:
    return Title("TỜ TRÌNH", [f"Đề nghị công nhận {c.model} năm {c.year}"])


def _kinh_gui(c: Ctx) -> Para:
    return Para(f"Kính gửi: {c.d.recipient}", bold=True, align="center", indent=False)


def _ratings_words(c: Ctx) -> str:
    r = c.d.ratings
    return (
        f"hoàn thành xuất sắc nhiệm vụ {n0(r['xuat_sac'])}, hoàn thành tốt nhiệm vụ {n0(r['tot'])}, hoàn thành "
        f"nhiệm vụ {n0(r['hoan_thanh'])}, không hoàn thành nhiệm vụ {n0(r['khong_hoan_thanh'])}"
    )


def changes_on_last_year(c: Ctx) -> list[Block]:
    """TTR-26: headings "I. TINH HINH CHUNG" in capitals without diacritics; each figure told as its change
    on last year first and its value after ("so với năm trước tăng 02 đồng chí, nay là 18 đồng chí"); the
    vote in one sentence whose share names its base last."""
    d = c.d
    ly = last_year(c)
    voters = stated_voters(c)
    away = stated_away(c)
    score, mx = criteria_total(c)
    bb = d.dates["bien_ban_kiem_phieu"]
    out: list[Block] = [c.header(), _title(c), _kinh_gui(c)]
    out.append(
        Para(
            f"Thực hiện hướng dẫn của cấp trên về đánh giá, công nhận {c.model}, {d.unit} báo cáo kết quả năm "
            f"{c.year}, so sánh với năm {c.year - 1}, như sau:"
        )
    )
    out.append(line(bare_caps("I. Tình hình chung"), bold=True))
    members = (
        f"Về số lượng, đảng viên của {c.org} {change(c.total, ly['total'], 'đồng chí')} "
        f"(chính thức {z2(c.official)}, dự bị {n0(c.prob)})"
    )
    if d.members_excused:
        members += f"; trong đó {z2(d.members_excused)} đồng chí được miễn sinh hoạt"
    out.append(Para(members + "."))
    if not c.cell:
        s = d.subordinates
        out.append(
            Para(
                f"Ban Chấp hành Đảng bộ có {z2(d.committee_members)} đồng chí; đảng bộ có {z2(s.total)} chi bộ trực "
                "thuộc, bằng năm trước."
            )
        )
    out.append(line(bare_caps("II. Kết quả thực hiện các tiêu chí"), bold=True))
    out.append(
        Para(
            f"Sinh hoạt thường kỳ {change(d.regular_meetings, ly['regular'], 'kỳ')}; sinh hoạt chuyên đề "
            f"{change(d.thematic_meetings, ly['thematic'], 'kỳ')}. Tỷ lệ đảng viên dự sinh hoạt "
            f"{change(d.attendance_pct, ly['attendance'], '%', points=True)}."
        )
    )
    disc = (
        f"tăng {z2(d.disciplined_members)} so với năm trước (năm trước không có), nay có {z2(d.disciplined_members)} "
        "đảng viên bị xử lý kỷ luật (khiển trách)"
        if d.disciplined_members
        else "như năm trước, không có đảng viên nào bị xử lý kỷ luật"
    )
    out.append(Para(f"Về kỷ luật: {disc}."))
    out.append(
        Para(
            f"Kết quả đánh giá, xếp loại đảng viên năm {c.year} (tính trên {z2(sum(d.ratings.values()))} đồng chí): "
            f"{_ratings_words(c)}."
        )
    )
    if not c.cell:
        s = d.subordinates
        out.append(
            Para(
                f"Chi bộ trực thuộc: hoàn thành xuất sắc nhiệm vụ {n0(s.xuat_sac)}, hoàn thành tốt nhiệm vụ "
                f"{n0(s.tot)}, hoàn thành nhiệm vụ {n0(s.hoan_thanh)}, không hoàn thành nhiệm vụ "
                f"{n0(s.khong_hoan_thanh)}; đăng ký “Chi bộ bốn tốt” {z2(s.registered_bon_tot)} chi bộ, đạt "
                f"{z2(s.bon_tot)} chi bộ."
            )
        )
    out.append(
        Para(
            "Tự chấm điểm theo bốn tiêu chí: "
            + "; ".join(
                f"tiêu chí {i} được {dec(k.score)} trong số {dec(k.max)} điểm"
                for i, k in enumerate(d.criteria, 1)
            )
            + f"; cộng {dec(score)} điểm trên tổng {dec(mx)} điểm."
        )
    )
    out.append(line(bare_caps("III. Kết quả biểu quyết"), bold=True))
    who = "đảng viên chính thức" if c.cell else "đồng chí Ủy viên Ban Chấp hành"
    present = f"có mặt {z2(d.members_present)} đồng chí" + (
        f", vắng {z2(away)} đồng chí" if away else ", không ai vắng"
    )
    out.append(
        Para(
            f"Hội nghị {d_words(bb)} ({present}) đã bỏ phiếu kín: phát ra {z2(d.ballots_issued)} phiếu, thu về "
            f"{z2(d.ballots_returned)} phiếu, hợp lệ {z2(d.ballots_valid)} phiếu"
            + (f", không hợp lệ {z2(d.ballots_invalid)} phiếu" if d.ballots_invalid else "")
            + f"; {z2(d.votes_for)} phiếu tán thành và {n0(d.votes_against)} phiếu không tán thành; số phiếu tán "
            f"thành bằng {pct(d.votes_for, voters)} của {z2(voters)} {who} có quyền biểu quyết."
        )
    )
    out.append(
        Para(f"{cap(c.org)} kính đề nghị cấp trên xem xét, công nhận {d.unit} đạt {c.model} năm {c.year}.")
    )
    out.append(c.signature(c.recipients()))
    return out


def cover_and_schedule(c: Ctx) -> list[Block]:
    """TTR-27: a cover letter of three paragraphs with no figure of its own that points to rows ("dòng 1 đến
    dòng 4", "dòng 9") of "Biểu số 01" on page 2; the Biểu "Dòng | Chỉ tiêu | Đơn vị | Số liệu" puts several
    values in one cell as a dash-separated tuple whose legend is in the row's label ("Xếp loại đảng viên
    (HTXSNV – HTTNV – HTNV – KHTNV)" → "03 – 13 – 02 – 0")."""
    d = c.d
    r = d.ratings
    voters = stated_voters(c)
    away = stated_away(c)
    score, mx = criteria_total(c)
    bb = d.dates["bien_ban_kiem_phieu"]
    rows: list[tuple[str, str, str]] = [
        (
            "Đảng viên: tổng số – chính thức – dự bị",
            "đồng chí",
            tuple_of([z2(c.total), z2(c.official), n0(c.prob)]),
        )
    ]
    if c.cell:
        rows.append(("Đảng viên được miễn sinh hoạt", "đồng chí", n0(d.members_excused)))
    else:
        s = d.subordinates
        rows.append(("Ủy viên Ban Chấp hành Đảng bộ", "đồng chí", z2(d.committee_members)))
    rows += [
        (
            "Sinh hoạt: thường kỳ – chuyên đề",
            "kỳ",
            tuple_of([z2(d.regular_meetings), z2(d.thematic_meetings)]),
        ),
        ("Tỷ lệ đảng viên dự sinh hoạt (bình quân cả năm)", "%", dec(d.attendance_pct)),
        ("Đảng viên bị thi hành kỷ luật trong năm", "đồng chí", n0(d.disciplined_members)),
        (
            "Xếp loại đảng viên (HTXSNV – HTTNV – HTNV – KHTNV)",
            "đồng chí",
            tuple_of([n0(r[k]) for k in RATING_KEYS]),
        ),
    ]
    if not c.cell:
        s = d.subordinates
        rows += [
            (
                "Xếp loại chi bộ trực thuộc (HTXSNV – HTTNV – HTNV – KHTNV)",
                "chi bộ",
                tuple_of([n0(s.xuat_sac), n0(s.tot), n0(s.hoan_thanh), n0(s.khong_hoan_thanh)]),
            ),
            (
                "Chi bộ đăng ký – đạt “Chi bộ bốn tốt”",
                "chi bộ",
                tuple_of([z2(s.registered_bon_tot), z2(s.bon_tot)]),
            ),
        ]
    org_rows = len(rows)
    rows += [
        ("Điểm chuẩn tiêu chí 1 – 2 – 3 – 4", "điểm", tuple_of([dec(k.max) for k in d.criteria])),
        ("Điểm tự chấm tiêu chí 1 – 2 – 3 – 4", "điểm", tuple_of([dec(k.score) for k in d.criteria])),
        ("Tổng điểm tự chấm / tổng điểm chuẩn", "điểm", f"{dec(score)} / {dec(mx)}"),
        (
            f"Hội nghị biểu quyết ngày {d_slash(bb)}: {'đảng viên' if c.cell else 'Ủy viên Ban Chấp hành'} có mặt – vắng",
            "đồng chí",
            tuple_of([z2(d.members_present), n0(away)]),
        ),
        (
            "Đảng viên chính thức có quyền biểu quyết"
            if c.cell
            else "Ủy viên Ban Chấp hành có quyền biểu quyết",
            "đồng chí",
            z2(voters),
        ),
        (
            "Phiếu: phát ra – thu về – hợp lệ – không hợp lệ",
            "phiếu",
            tuple_of(
                [z2(d.ballots_issued), z2(d.ballots_returned), z2(d.ballots_valid), n0(d.ballots_invalid)]
            ),
        ),
        ("Phiếu: tán thành – không tán thành", "phiếu", tuple_of([z2(d.votes_for), n0(d.votes_against)])),
        ("Tỷ lệ tán thành so với số có quyền biểu quyết", "%", pct(d.votes_for, voters).rstrip("%")),
    ]
    table = [["Dòng", "Chỉ tiêu", "Đơn vị", "Số liệu"]] + [
        [str(i), a, b, v] for i, (a, b, v) in enumerate(rows, 1)
    ]
    n = len(rows)
    vote_rows = f"dòng {n - 4} đến dòng {n}"
    return [
        c.header(words=False),
        _title(c),
        _kinh_gui(c),
        Para(
            f"Căn cứ kết quả lãnh đạo, tổ chức thực hiện nhiệm vụ năm {c.year} và kết quả tự đánh giá, chấm điểm theo "
            f"các tiêu chí {c.model}, {d.unit} đã đạt các yêu cầu đề ra; số liệu cụ thể theo Biểu số 01 kèm theo "
            f"(từ dòng 1 đến dòng {org_rows} về tổ chức, sinh hoạt, kỷ luật và xếp loại; dòng {org_rows + 1} đến "
            f"dòng {org_rows + 3} về điểm tự chấm)."
        ),
        Para(
            f"Việc đề nghị đã được hội nghị {c.org} biểu quyết bằng phiếu kín, đạt yêu cầu theo quy định (kết quả tại "
            f"{vote_rows} của Biểu số 01)."
        ),
        Para(f"Kính trình {d.recipient} xem xét, công nhận {d.unit} đạt {c.model} năm {c.year}./."),
        c.signature([*c.recipients(), "- Kèm theo: Biểu số 01 (01 trang)."]),
        PageBreak(),
        line(f"Biểu số 01 (kèm theo Tờ trình số {c.number:02d}-TTr/{c.body})", italic=True),
        Title("BIỂU SỐ LIỆU ĐỀ NGHỊ CÔNG NHẬN", [f"{d.unit} – năm {c.year}"]),
        Table(table, [0.08, 0.56, 0.12, 0.24], bold_rows={0}, align=["center", "left", "center", "center"]),
        line(
            "Ghi chú: ở các dòng có nhiều số liệu, các số ghi theo đúng thứ tự nêu trong cột Chỉ tiêu.",
            italic=True,
        ),
    ]


def grounds(c: Ctx) -> list[Block]:
    """TTR-28: every figure in the "Căn cứ" lines before "Kính gửi"'s request, each citing the document that
    carries it with its own number and date (italic, as decisions set them); the ratings cumulative first
    ("tốt trở lên 16 đồng chí, gồm 03 … và 13 …; còn lại …"); after them only the request."""
    d = c.d
    r = d.ratings
    voters = stated_voters(c)
    away = stated_away(c)
    score, mx = criteria_total(c)
    n = d.numbers
    dt_ = d.dates
    good = r["xuat_sac"] + r["tot"]
    bb_no = f"{n['bien_ban_kiem_phieu']:02d}-BB/{c.body}"
    bc_no = f"{n['bao_cao']:02d}-BC/{c.body}"
    pdg_no = f"{n['phieu_tu_danh_gia']:02d}-PĐG/{c.body}"
    people = f"{c.org} có {z2(c.total)} đảng viên ({z2(c.official)} chính thức, {n0(c.prob)} dự bị)" + (
        f", {z2(d.members_excused)} đồng chí miễn sinh hoạt" if d.members_excused else ""
    )
    rating = (
        f"xếp loại hoàn thành tốt nhiệm vụ trở lên {z2(good)} đồng chí, gồm {n0(r['xuat_sac'])} đồng chí hoàn thành "
        f"xuất sắc và {n0(r['tot'])} đồng chí hoàn thành tốt nhiệm vụ; còn lại {n0(r['hoan_thanh'])} đồng chí hoàn "
        f"thành nhiệm vụ và {n0(r['khong_hoan_thanh'])} đồng chí không hoàn thành nhiệm vụ"
    )
    disc = (
        f"có {z2(d.disciplined_members)} đảng viên bị xử lý kỷ luật"
        if d.disciplined_members
        else "không có đảng viên bị xử lý kỷ luật"
    )
    grounds_: list[str] = [
        "Căn cứ Quy định số 124-QĐ/TW ngày 06/10/2023 của Bộ Chính trị và hướng dẫn của cấp ủy cấp trên về "
        "đánh giá, công nhận tổ chức cơ sở đảng;",
        f"Căn cứ Báo cáo số {bc_no} ngày {d_slash(dt_['bao_cao'])} về kết quả thực hiện năm {c.year}: {people}; "
        f"sinh hoạt thường kỳ {z2(d.regular_meetings)} kỳ, sinh hoạt chuyên đề {z2(d.thematic_meetings)} kỳ, tỷ lệ "
        f"đảng viên dự sinh hoạt {dec(d.attendance_pct)}%; {disc}; {rating};",
    ]
    if not c.cell:
        s = d.subordinates
        grounds_.append(
            f"Căn cứ kết quả đánh giá chi bộ trực thuộc ({z2(s.total)} chi bộ): {n0(s.xuat_sac)} hoàn thành xuất "
            f"sắc, {n0(s.tot)} hoàn thành tốt, {n0(s.hoan_thanh)} hoàn thành, {n0(s.khong_hoan_thanh)} không hoàn "
            f"thành nhiệm vụ; {z2(s.bon_tot)} trên {z2(s.registered_bon_tot)} chi bộ đăng ký đạt “Chi bộ bốn tốt”;"
        )
    grounds_.append(
        f"Căn cứ Phiếu tự đánh giá số {pdg_no} ngày {d_slash(dt_['phieu_tu_danh_gia'])}: "
        + ", ".join(
            f"tiêu chí {i} tự chấm {dec(k.score)}/{dec(k.max)} điểm" for i, k in enumerate(d.criteria, 1)
        )
        + f", tổng {dec(score)}/{dec(mx)} điểm;"
    )
    who = "đảng viên chính thức" if c.cell else "Ủy viên Ban Chấp hành"
    grounds_.append(
        f"Căn cứ Biên bản kiểm phiếu số {bb_no} ngày {d_slash(dt_['bien_ban_kiem_phieu'])}: "
        f"{'đảng viên' if c.cell else who} có mặt {z2(d.members_present)}, vắng {n0(away)}; {who} có quyền biểu "
        f"quyết {z2(voters)}; phiếu phát ra {z2(d.ballots_issued)}, "
        f"thu về {z2(d.ballots_returned)}, hợp lệ {z2(d.ballots_valid)}, không hợp lệ {n0(d.ballots_invalid)}; "
        f"tán thành {z2(d.votes_for)} ({pct(d.votes_for, voters)} số có quyền biểu quyết), không tán thành "
        f"{n0(d.votes_against)}."
    )
    return [
        c.header(),
        _title(c),
        _kinh_gui(c),
        *[Para(g, italic=True) for g in grounds_],
        Para(
            f"{d.unit} kính trình {d.recipient} xem xét, công nhận {d.unit} đạt {c.model} năm {c.year}. Hồ sơ gửi "
            "kèm gồm báo cáo, biên bản kiểm phiếu và phiếu tự đánh giá nêu trên./."
        ),
        c.signature(c.recipients()),
    ]
