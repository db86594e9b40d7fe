"""Document templates: three ways per document type, as different localities write them.

Self-assessment: A, B and D give points, C (only for dossiers with ``pass_fail``) Đạt / Không đạt.
Each template turns the truth of a dossier (with a document's deliberate deviations applied) into
blocks; the renderers turn blocks into Word, PDF or page images. Wording varies on purpose
(tán thành / đồng ý, thu về / thu vào, điểm chuẩn / điểm tối đa, tables or prose for the same facts).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from .blocks import Block, Header, Para, Sign, SignCol, Table, Title
from .truth import DocSpec, Dossier, date_long, date_short, num, pct, two

RATING_LABELS = {
    "xuat_sac": "hoàn thành xuất sắc nhiệm vụ",
    "tot": "hoàn thành tốt nhiệm vụ",
    "hoan_thanh": "hoàn thành nhiệm vụ",
    "khong_hoan_thanh": "không hoàn thành nhiệm vụ",
}
# Pre-2018 wording (before Quy định 132-QĐ/TW).
LEGACY_LABELS = {
    "xuat_sac": "đủ tư cách, hoàn thành xuất sắc nhiệm vụ",
    "tot": "đủ tư cách, hoàn thành tốt nhiệm vụ",
    "hoan_thanh": "đủ tư cách, hoàn thành nhiệm vụ",
    "khong_hoan_thanh": "vi phạm tư cách",
}
TYPE_CODES = {
    "to_trinh": "TTr",
    "bien_ban_kiem_phieu": "BB",
    "bao_cao": "BC",
    "phieu_tu_danh_gia": "PĐG",
    "ke_hoach": "KH",
}


# ---- shared phrases -------------------------------------------------------------------------
def model(d: Dossier) -> str:
    return "chi bộ bốn tốt" if d.is_cell else "đảng bộ cơ sở bốn tốt"


def body_code(d: Dossier) -> str:
    return "CB" if d.is_cell else "ĐU"


def word(d: Dossier) -> str:
    return "chi bộ" if d.is_cell else "đảng bộ"


def labels(d: Dossier) -> dict[str, str]:
    return LEGACY_LABELS if d.legacy else RATING_LABELS


def header(d: Dossier, doc_type: str, colon: bool) -> Header:
    number = f"{d.numbers.get(doc_type, 1):02d}-{TYPE_CODES[doc_type]}/{body_code(d)}"
    return Header(
        superior=d.parent.upper(),
        issuer=d.issuer,
        number=("Số: " if colon else "Số ") + number,
        place_date=f"{d.place}, {date_long(d.dates[doc_type])}",
    )


def signature(d: Dossier, noi_nhan: list[str] | None, committee: str = "") -> Sign:
    if d.is_cell:
        roles = ["T/M CHI ỦY" if committee else "T/M CHI BỘ", "BÍ THƯ"]
    else:
        roles = ["T/M ĐẢNG ỦY", "BÍ THƯ"]
    seal = None if d.is_cell else f"{d.issuer} * {d.parent.upper()}"
    return Sign(right=SignCol(roles, d.secretary), noi_nhan=noi_nhan, seal=seal)


def counting_signatures(d: Dossier, member: str = "THÀNH VIÊN") -> Sign:
    return Sign(
        left=SignCol([member], d.counters[1]), right=SignCol(["TRƯỞNG BAN KIỂM PHIẾU"], d.counters[0])
    )


def discipline(d: Dossier, variant: int) -> str:
    if d.disciplined_members == 0:
        return [
            "không có đảng viên bị xử lý kỷ luật",
            "không có đảng viên vi phạm phải xử lý kỷ luật",
            "không có tổ chức đảng, đảng viên bị thi hành kỷ luật",
        ][variant % 3]
    return (
        f"có {two(d.disciplined_members)} đảng viên bị xử lý kỷ luật bằng hình thức khiển trách "
        "do vi phạm quy định về những điều đảng viên không được làm"
    )


def ratings_prose(d: Dossier, unit_word: str = "đồng chí") -> str:
    lab = labels(d)
    parts = [
        f"{two(d.ratings[k])} {unit_word} {lab[k]}"
        for k in RATING_LABELS
        if d.ratings[k] or k != "khong_hoan_thanh"
    ]
    if d.ratings["khong_hoan_thanh"] == 0:
        parts.append(f"không có {unit_word} {lab['khong_hoan_thanh']}")
    return ", ".join(parts)


def subordinate_prose(d: Dossier) -> str:
    s = d.subordinates
    assert s is not None
    zero = "không có chi bộ không hoàn thành nhiệm vụ"
    last = zero if s.khong_hoan_thanh == 0 else f"{two(s.khong_hoan_thanh)} chi bộ không hoàn thành nhiệm vụ"
    return (
        f"Đảng bộ có {two(s.total)} chi bộ trực thuộc. Kết quả đánh giá, xếp loại chất lượng năm {d.year}: "
        f"{two(s.xuat_sac)} chi bộ hoàn thành xuất sắc nhiệm vụ, {two(s.tot)} chi bộ hoàn thành tốt nhiệm vụ, "
        f"{two(s.hoan_thanh)} chi bộ hoàn thành nhiệm vụ, {last}. Có {two(s.registered_bon_tot)}/{two(s.total)} "
        f"chi bộ đăng ký và {two(s.bon_tot)} chi bộ đạt “chi bộ bốn tốt” ({pct(s.bon_tot, s.total)})."
    )


def criteria_prose(d: Dossier) -> str:
    if d.pass_fail:
        failed = [str(i + 1) for i, c in enumerate(d.criteria) if any(s < m for _, m, s in c.items)]
        if not failed:
            return "Kết quả tự đánh giá: cả 04 tiêu chí đều đạt."
        return f"Kết quả tự đánh giá: tiêu chí {', '.join(failed)} không đạt, các tiêu chí còn lại đạt."
    parts = [f"tiêu chí {i + 1} đạt {num(c.score)}/{num(c.max)} điểm" for i, c in enumerate(d.criteria)]
    total = d.stated_total if d.stated_total is not None else sum(c.score for c in d.criteria)
    return f"Kết quả tự chấm điểm: {'; '.join(parts)}; tổng cộng {num(total)}/{num(sum(c.max for c in d.criteria))} điểm."


def vote_pct_base(d: Dossier) -> str:
    return "tổng số đảng viên chính thức" if d.is_cell else "tổng số đồng chí đảng ủy viên"


def members_sentence(d: Dossier) -> str:
    s = (
        f"{d.unit} hiện có {d.members_total} đảng viên ({two(d.members_official)} đảng viên chính thức, "
        f"{two(d.members_probationary)} đảng viên dự bị)"
    )
    if d.members_excused:
        s += f"; {two(d.members_excused)} đồng chí được miễn công tác và sinh hoạt đảng"
    return s + "."


def political_task(d: Dossier) -> str:
    if d.is_cell:
        return (
            f"Chi bộ kịp thời quán triệt, cụ thể hóa các nghị quyết, chỉ thị của cấp trên; lãnh đạo cơ quan "
            f"hoàn thành 100% nhiệm vụ theo chương trình công tác năm {d.year}, thực hiện tốt cải cách hành "
            + ("chính và chuyển đổi số." if d.year >= 2021 else "chính.")
        )
    return (
        f"Đảng bộ lãnh đạo hoàn thành và vượt các chỉ tiêu kinh tế - xã hội năm {d.year}: thu ngân sách đạt "
        "108% dự toán, tỷ lệ tham gia bảo hiểm y tế 95,2%, giảm 12 hộ nghèo; giữ vững quốc phòng, an ninh."
    )


def total_score(d: Dossier) -> float:
    return d.stated_total if d.stated_total is not None else sum(c.score for c in d.criteria)


def max_total(d: Dossier) -> float:
    return sum(c.max for c in d.criteria)


# ---- tờ trình -------------------------------------------------------------------------------
def to_trinh_a(d: Dossier) -> list[Block]:
    vote_date = date_short(d.dates["bien_ban_kiem_phieu"])
    body = [
        Para(f"Kính gửi: {d.recipient}.", align="center", indent=False),
        Para(
            f"Căn cứ Hướng dẫn số 10-HD/BTCHU, ngày 28/10/{d.year} của Ban Tổ chức Huyện ủy về thực hiện mô hình "
            "“chi bộ bốn tốt”, “đảng bộ cơ sở bốn tốt”;"
        ),
        Para(f"Căn cứ kết quả thực hiện nhiệm vụ năm {d.year} và kết quả biểu quyết ngày {vote_date},"),
        Para(
            f"{members_sentence(d)} Trong năm, {word(d)} tổ chức {two(d.regular_meetings)} kỳ sinh hoạt thường kỳ "
            f"và {two(d.thematic_meetings)} kỳ sinh hoạt chuyên đề; tỷ lệ đảng viên dự sinh hoạt bình quân đạt "
            f"{num(d.attendance_pct)}%; {discipline(d, 0)}; kết nạp {two(d.new_members)} đảng viên mới."
        ),
        Para(f"Kết quả đánh giá, xếp loại chất lượng đảng viên năm {d.year}: {ratings_prose(d)}."),
    ]
    if not d.is_cell:
        body.append(Para(subordinate_prose(d)))
    body += [
        Para(criteria_prose(d)),
        Para(
            f"Tại hội nghị ngày {vote_date}, có {d.votes_for}/{d.voters_eligible} đồng chí tán thành đề nghị công "
            f"nhận, đạt {pct(d.votes_for, d.voters_eligible)} so với {vote_pct_base(d)}."
        ),
        Para(
            f"{d.unit} kính đề nghị {d.recipient} xem xét, công nhận {d.unit} đạt “{model(d)}” năm {d.year}./."
        ),
    ]
    return [
        header(d, "to_trinh", colon=False),
        Title("TỜ TRÌNH", [f"Về việc đề nghị công nhận “{model(d)}” năm {d.year}"]),
        *body,
        signature(d, ["- Như trên,", f"- Lưu {word(d)}."]),
    ]


def to_trinh_b(d: Dossier) -> list[Block]:
    rated = d.members_rated
    good = d.ratings["xuat_sac"] + d.ratings["tot"]
    rows = [
        ["TT", "Nội dung", "Kết quả"],
        ["1", "Tổng số đảng viên", f"{d.members_total} đồng chí"],
        ["2", "Đảng viên chính thức", f"{d.members_official} đồng chí"],
        ["3", "Số kỳ sinh hoạt thường kỳ", str(d.regular_meetings)],
        ["4", "Số kỳ sinh hoạt chuyên đề", two(d.thematic_meetings)],
        ["5", "Tỷ lệ đảng viên dự sinh hoạt bình quân", f"{num(d.attendance_pct)}%"],
        [
            "6",
            "Đảng viên bị xử lý kỷ luật",
            "Không" if d.disciplined_members == 0 else two(d.disciplined_members),
        ],
        ["7", "Đảng viên hoàn thành tốt nhiệm vụ trở lên", f"{good}/{rated} ({pct(good, rated)})"],
    ]
    if not d.pass_fail:
        rows.append(["8", "Tổng điểm tự chấm", f"{num(total_score(d))}/{num(max_total(d))} điểm"])
    if not d.is_cell:
        s = d.subordinates
        assert s is not None
        rows.append(
            [str(len(rows)), "Chi bộ trực thuộc đạt “chi bộ bốn tốt”", f"{two(s.bon_tot)}/{two(s.total)}"]
        )
    rows.append([str(len(rows)), "Số đồng chí biểu quyết tán thành", f"{d.votes_for}/{d.voters_eligible}"])
    return [
        header(d, "to_trinh", colon=True),
        Title("TỜ TRÌNH", [f"Đề nghị công nhận “{model(d)}”", f"năm {d.year}"]),
        Para(f"Kính gửi: {d.recipient}", align="center", indent=False, bold=True),
        Para(
            f"Thực hiện Kế hoạch số 45-KH/ĐU ngày 15/01/{d.year} của {d.parent} về xây dựng “{model(d)}” năm "
            f"{d.year}, {d.unit} tóm tắt kết quả thực hiện như sau:"
        ),
        Table(rows, [0.08, 0.62, 0.30], align=["center", "left", "center"]),
        Para(
            f"Đối chiếu với các tiêu chí, {d.unit} đề nghị {d.recipient} xem xét, công nhận đạt “{model(d)}” "
            f"năm {d.year}."
        ),
        Para("Trân trọng!", indent=True),
        signature(d, ["- Như trên;", "- Lưu VP."]),
    ]


def to_trinh_c(d: Dossier) -> list[Block]:
    c = d.criteria
    pts = (
        (lambda i: "")
        if d.pass_fail
        else (lambda i: f" Tự chấm {num(c[i].score)}/{num(c[i].max)} điểm chuẩn.")
    )
    voters = "đảng viên chính thức" if d.is_cell else "đồng chí đảng ủy viên"
    out: list[Block] = [
        header(d, "to_trinh", colon=False),
        Title("TỜ TRÌNH", [f"V/v đề nghị xét công nhận “{model(d)}” năm {d.year}"]),
        Para(f"Kính gửi: {d.recipient}", indent=False, align="center"),
        Para("I. KẾT QUẢ THỰC HIỆN CÁC TIÊU CHÍ", bold=True, indent=False),
        Para(f"1. Hoàn thành tốt nhiệm vụ chính trị: {political_task(d)}{pts(0)}"),
        Para(
            f"2. Chất lượng sinh hoạt: tổ chức đầy đủ {d.regular_meetings} buổi sinh hoạt thường kỳ, "
            f"{d.thematic_meetings} buổi sinh hoạt chuyên đề; đảng viên dự sinh hoạt bình quân "
            f"{num(d.attendance_pct)}%.{pts(1)}"
        ),
        Para(f"3. Đoàn kết, kỷ luật: nội bộ đoàn kết, thống nhất; trong năm {discipline(d, 1)}.{pts(2)}"),
        Para(
            f"4. Cán bộ, đảng viên: {d.members_rated} đảng viên được đánh giá, xếp loại, trong đó "
            f"{ratings_prose(d)}; kết nạp {two(d.new_members)} đảng viên.{pts(3)}"
        ),
    ]
    if not d.is_cell:
        out.append(Para(subordinate_prose(d)))
    out += [
        Para("II. KẾT QUẢ BIỂU QUYẾT", bold=True, indent=False),
        Para(
            f"Tổng số {voters}: {d.voters_eligible} đồng chí; số đồng chí đồng ý: {d.votes_for} "
            f"({pct(d.votes_for, d.voters_eligible)}); không đồng ý: {two(d.votes_against)}."
        ),
        Para("III. ĐỀ NGHỊ", bold=True, indent=False),
        Para(f"Kính trình {d.recipient} xem xét, công nhận {d.unit} đạt “{model(d)}” năm {d.year}."),
        signature(
            d,
            [
                "- Như trên (để xem xét);",
                "- Đảng viên trong chi bộ;" if d.is_cell else "- Các chi bộ trực thuộc;",
                "- Lưu.",
            ],
        ),
    ]
    return out


# ---- biên bản kiểm phiếu ------------------------------------------------------------------
def _attendance_lines(d: Dossier) -> list[str]:
    if d.is_cell:
        absent = d.members_total - d.members_present
        lines = [
            f"Tổng số đảng viên của chi bộ: {d.members_total} đồng chí; trong đó đảng viên chính thức: "
            f"{d.members_official} đồng chí, đảng viên dự bị: {two(d.members_probationary)} đồng chí."
        ]
        if d.members_excused:
            lines.append(f"Số đảng viên được miễn sinh hoạt: {two(d.members_excused)} đồng chí.")
        lines.append(
            f"Có mặt: {d.members_present} đồng chí; vắng mặt: {two(absent)} đồng chí"
            + (" (có lý do)." if absent else ".")
        )
        return lines
    absent = d.committee_members - d.members_present
    return [
        f"Tổng số đồng chí Ủy viên Ban Chấp hành Đảng bộ: {d.committee_members} đồng chí.",
        f"Có mặt: {d.members_present} đồng chí; vắng mặt: {two(absent)} đồng chí"
        + (" (có lý do)." if absent else "."),
    ]


def bien_ban_a(d: Dossier) -> list[Block]:
    where = (
        "hội trường cơ quan" if d.is_cell else f"hội trường {d.issuer.title().replace('Đảng Ủy', 'Đảng ủy')}"
    )
    out: list[Block] = [
        header(d, "bien_ban_kiem_phieu", colon=False),
        Title("BIÊN BẢN KIỂM PHIẾU", [f"Biểu quyết đề nghị công nhận “{model(d)}” năm {d.year}"]),
        Para(
            f"Hôm nay, vào lúc 14 giờ 00 phút, {date_long(d.dates['bien_ban_kiem_phieu'])}, tại {where}, "
            f"{d.unit} tổ chức hội nghị biểu quyết đề nghị công nhận “{model(d)}” năm {d.year}."
        ),
        *[Para(x) for x in _attendance_lines(d)],
        Para("Ban kiểm phiếu gồm các đồng chí:"),
        Para(f"1. Đồng chí {d.counters[0]} – Trưởng ban;"),
        Para(f"2. Đồng chí {d.counters[1]} – Thành viên."),
        Para("KẾT QUẢ KIỂM PHIẾU NHƯ SAU:", bold=True, indent=False),
        Para(f"- Số phiếu phát ra: {d.ballots_issued} phiếu."),
        Para(f"- Số phiếu thu về: {d.ballots_returned} phiếu."),
        Para(
            f"- Số phiếu hợp lệ: {d.ballots_valid} phiếu; số phiếu không hợp lệ: {d.ballots_invalid} phiếu."
        ),
        Para(
            f"- Số phiếu tán thành: {d.votes_for} phiếu, chiếm {pct(d.votes_for, d.voters_eligible)} so với "
            f"{vote_pct_base(d)}."
        ),
        Para(f"- Số phiếu không tán thành: {d.votes_against} phiếu."),
        Para(
            "Biên bản kết thúc vào lúc 14 giờ 40 phút cùng ngày, đã đọc lại cho hội nghị cùng nghe và "
            "thống nhất thông qua."
        ),
        counting_signatures(d),
    ]
    return out


def bien_ban_b(d: Dossier) -> list[Block]:
    issued = d.ballots_issued
    if d.is_cell:
        members = [
            ["Nội dung", "Số lượng (đồng chí)"],
            ["Tổng số đảng viên", str(d.members_total)],
            ["Đảng viên chính thức", str(d.members_official)],
            ["Đảng viên dự bị", two(d.members_probationary)],
            *([["Được miễn sinh hoạt", two(d.members_excused)]] if d.members_excused else []),
            ["Có mặt", str(d.members_present)],
            ["Vắng mặt", two(d.members_total - d.members_present)],
        ]
    else:
        members = [
            ["Nội dung", "Số lượng (đồng chí)"],
            ["Tổng số đảng ủy viên", str(d.committee_members)],
            ["Có mặt", str(d.members_present)],
            ["Vắng mặt", two(d.committee_members - d.members_present)],
        ]
    votes = [
        ["TT", "Nội dung", "Số phiếu", "Tỷ lệ (%)"],
        ["1", "Số phiếu phát ra", str(issued), "100"],
        ["2", "Số phiếu thu vào", str(d.ballots_returned), pct(d.ballots_returned, issued).rstrip("%")],
        ["3", "Số phiếu hợp lệ", str(d.ballots_valid), pct(d.ballots_valid, issued).rstrip("%")],
        ["4", "Số phiếu không hợp lệ", str(d.ballots_invalid), pct(d.ballots_invalid, issued).rstrip("%")],
        ["5", "Đồng ý", str(d.votes_for), pct(d.votes_for, issued).rstrip("%")],
        ["6", "Không đồng ý", str(d.votes_against), pct(d.votes_against, issued).rstrip("%")],
    ]
    who = "đảng viên chính thức" if d.is_cell else "đảng ủy viên"
    return [
        header(d, "bien_ban_kiem_phieu", colon=True),
        Title(
            "BIÊN BẢN KIỂM PHIẾU BIỂU QUYẾT", [f"Đề nghị công nhận {d.unit} đạt “{model(d)}” năm {d.year}"]
        ),
        Para(f"Thời gian: 15 giờ 30, {date_short(d.dates['bien_ban_kiem_phieu'])}.", indent=False),
        Para(f"Địa điểm: phòng họp {d.unit}.", indent=False),
        Para(
            f"Ban kiểm phiếu: đồng chí {d.counters[0]} (Trưởng ban), đồng chí {d.counters[1]} (Ủy viên).",
            indent=False,
        ),
        Para("1. Thành phần", bold=True, indent=False),
        Table(members, [0.6, 0.4], align=["left", "center"]),
        Para("2. Kết quả kiểm phiếu", bold=True, indent=False),
        Table(votes, [0.08, 0.5, 0.2, 0.22], align=["center", "left", "center", "center"]),
        Para(
            f"Có {d.votes_for}/{d.voters_eligible} {who} đồng ý, đạt tỷ lệ {pct(d.votes_for, d.voters_eligible)}."
        ),
        counting_signatures(d, "ỦY VIÊN"),
    ]


def bien_ban_c(d: Dossier) -> list[Block]:
    if d.is_cell:
        who = (
            f"Tổng số đảng viên: {d.members_total} đồng chí (chính thức {d.members_official}, dự bị "
            f"{two(d.members_probationary)}). Có mặt {d.members_present}/{d.members_total} đồng chí, vắng "
            f"{two(d.members_total - d.members_present)} đồng chí có lý do."
        )
    else:
        who = (
            f"Ban Chấp hành Đảng bộ có {d.committee_members} đồng chí; có mặt "
            f"{d.members_present}/{d.committee_members} đồng chí."
        )
    return [
        header(d, "bien_ban_kiem_phieu", colon=False),
        Title("BIÊN BẢN", [f"Kiểm phiếu biểu quyết đề nghị công nhận “{model(d)}”", f"năm {d.year}"]),
        Para(
            f"Vào lúc 8 giờ 00, {date_long(d.dates['bien_ban_kiem_phieu'])}, {d.unit} họp biểu quyết bằng phiếu kín "
            f"việc đề nghị công nhận “{model(d)}” năm {d.year}."
        ),
        Para("I. THÀNH PHẦN", bold=True, indent=False),
        Para(who),
        Para("II. BAN KIỂM PHIẾU", bold=True, indent=False),
        Para(f"Đồng chí {d.counters[0]}, Trưởng ban; đồng chí {d.counters[1]}, thành viên."),
        Para("III. KẾT QUẢ", bold=True, indent=False),
        Para(f"1. Số phiếu phát ra: {d.ballots_issued}"),
        Para(f"2. Số phiếu thu vào: {d.ballots_returned}"),
        Para(f"3. Số phiếu hợp lệ: {d.ballots_valid}"),
        Para(f"4. Số phiếu không hợp lệ: {d.ballots_invalid}"),
        Para(
            f"5. Số phiếu tán thành: {d.votes_for}, tỷ lệ {pct(d.votes_for, d.ballots_valid)} so với số phiếu hợp lệ"
        ),
        Para(f"6. Số phiếu không tán thành: {d.votes_against}"),
        Para("Biên bản lập thành 02 bản, lưu hồ sơ và gửi cấp ủy cấp trên."),
        counting_signatures(d),
    ]


# ---- báo cáo --------------------------------------------------------------------------------
def bao_cao_a(d: Dossier) -> list[Block]:
    out: list[Block] = [
        header(d, "bao_cao", colon=False),
        Title("BÁO CÁO", [f"Kết quả thực hiện mô hình “{model(d)}” năm {d.year}"]),
        Para("I. ĐẶC ĐIỂM, TÌNH HÌNH", bold=True, indent=False),
        Para(members_sentence(d)),
    ]
    if not d.is_cell:
        s = d.subordinates
        assert s is not None
        out.append(
            Para(
                f"Đảng bộ có {two(s.total)} chi bộ trực thuộc, gồm chi bộ ấp, chi bộ cơ quan và chi bộ trường học."
            )
        )
    out += [
        Para("II. KẾT QUẢ THỰC HIỆN CÁC TIÊU CHÍ", bold=True, indent=False),
        Para("1. Hoàn thành tốt nhiệm vụ chính trị", bold=True, indent=False),
        Para(political_task(d)),
        Para("2. Chất lượng sinh hoạt tốt", bold=True, indent=False),
        Para(
            f"Duy trì sinh hoạt định kỳ đúng quy định: trong năm tổ chức {two(d.regular_meetings)} kỳ sinh hoạt "
            f"thường kỳ và {two(d.thematic_meetings)} kỳ sinh hoạt chuyên đề. Tỷ lệ đảng viên dự sinh hoạt bình "
            f"quân đạt {num(d.attendance_pct)}%; không có đảng viên vắng mặt không có lý do."
        ),
        Para("3. Đoàn kết, kỷ luật tốt", bold=True, indent=False),
        Para(
            f"Nội bộ đoàn kết, thống nhất; thực hiện nghiêm nguyên tắc tập trung dân chủ. Trong năm, {discipline(d, 1)}."
        ),
        Para("4. Cán bộ, đảng viên tốt", bold=True, indent=False),
        Para(
            f"Tổng số đảng viên được đánh giá, xếp loại: {d.members_rated} đồng chí; trong đó {ratings_prose(d)}. "
            f"Kết nạp {two(d.new_members)} đảng viên mới."
        ),
    ]
    if d.legacy:
        out.append(Para(f"Chi bộ tự đánh giá, xếp loại đạt “trong sạch, vững mạnh” năm {d.year}."))
    if not d.is_cell:
        out.append(Para(subordinate_prose(d)))
    out += [
        Para("III. ĐÁNH GIÁ CHUNG", bold=True, indent=False),
        Para(
            f"Đối chiếu với các tiêu chí, {d.unit} tự đánh giá đạt “{model(d)}” năm {d.year}; bên cạnh đó, "
            "việc ứng dụng công nghệ thông tin trong sinh hoạt còn hạn chế, cần khắc phục trong năm tới."
        ),
        signature(d, ["- Đảng ủy (b/c);" if d.is_cell else "- Ban Tổ chức Huyện ủy (b/c);", "- Lưu."]),
    ]
    return out


def bao_cao_b(d: Dossier) -> list[Block]:
    lab = labels(d)
    rated = d.members_rated
    meet = [
        ["Nội dung", "Chỉ tiêu", "Kết quả"],
        ["Sinh hoạt thường kỳ (kỳ)", "12", str(d.regular_meetings)],
        ["Sinh hoạt chuyên đề (kỳ)", "4", str(d.thematic_meetings)],
        ["Tỷ lệ đảng viên dự sinh hoạt", "Trên 85%", f"{num(d.attendance_pct)}%"],
    ]
    rate = [["Mức xếp loại", "Số lượng", "Tỷ lệ (%)"]]
    for key in RATING_LABELS:
        rate.append(
            [lab[key][0].upper() + lab[key][1:], two(d.ratings[key]), pct(d.ratings[key], rated).rstrip("%")]
        )
    rate.append(["Tổng số đảng viên được đánh giá", str(rated), "100"])
    out: list[Block] = [
        header(d, "bao_cao", colon=True),
        Title("BÁO CÁO", [f"Tổng kết thực hiện mô hình “{model(d)}”", f"năm {d.year}"]),
        Para("I. TÌNH HÌNH CHUNG", bold=True, indent=False),
        Para(members_sentence(d) + " " + political_task(d)),
        Para("II. KẾT QUẢ CỤ THỂ", bold=True, indent=False),
        Para("1. Công tác sinh hoạt", bold=True, indent=False),
        Table(meet, [0.5, 0.25, 0.25], align=["left", "center", "center"]),
        Para("2. Công tác kiểm tra, giám sát và kỷ luật", bold=True, indent=False),
        Para(f"Trong năm {d.year}, {discipline(d, 2)}."),
        Para("3. Đánh giá, xếp loại đảng viên", bold=True, indent=False),
        Table(rate, [0.6, 0.2, 0.2], bold_rows={0}, align=["left", "center", "center"]),
        Para(f"Kết nạp đảng viên mới: {two(d.new_members)} đồng chí."),
    ]
    if not d.is_cell:
        s = d.subordinates
        assert s is not None
        sub = [["Mức xếp loại chi bộ", "Số chi bộ", "Tỷ lệ (%)"]]
        for key, n in (
            ("xuat_sac", s.xuat_sac),
            ("tot", s.tot),
            ("hoan_thanh", s.hoan_thanh),
            ("khong_hoan_thanh", s.khong_hoan_thanh),
        ):
            sub.append(
                [RATING_LABELS[key][0].upper() + RATING_LABELS[key][1:], two(n), pct(n, s.total).rstrip("%")]
            )
        sub.append(["Tổng số chi bộ trực thuộc", two(s.total), "100"])
        sub.append(["Chi bộ đạt “chi bộ bốn tốt”", two(s.bon_tot), pct(s.bon_tot, s.total).rstrip("%")])
        out += [
            Para("4. Kết quả xếp loại chi bộ trực thuộc", bold=True, indent=False),
            Table(sub, [0.6, 0.2, 0.2], align=["left", "center", "center"]),
            Para(
                f"Số chi bộ đăng ký thực hiện mô hình “chi bộ bốn tốt”: {two(s.registered_bon_tot)}/{two(s.total)} chi bộ."
            ),
        ]
    out += [
        Para(f"III. PHƯƠNG HƯỚNG NĂM {d.year + 1}", bold=True, indent=False),
        Para(
            "Tiếp tục nâng cao chất lượng sinh hoạt, đổi mới nội dung sinh hoạt chuyên đề; làm tốt công tác phát triển đảng viên."
        ),
        signature(d, ["- Như trên;", "- Lưu."]),
    ]
    return out


def bao_cao_c(d: Dossier) -> list[Block]:
    lab = labels(d)
    rated = d.members_rated
    out: list[Block] = [
        header(d, "bao_cao", colon=False),
        Title("BÁO CÁO", [f"Kết quả xây dựng “{model(d)}” năm {d.year}"]),
        Para("Phần thứ nhất", bold=True, align="center", indent=False),
        Para("KẾT QUẢ THỰC HIỆN", bold=True, align="center", indent=False),
        Para(political_task(d)),
        Para(
            f"Về sinh hoạt: {word(d)} duy trì nền nếp sinh hoạt thường kỳ hằng tháng, mỗi quý một kỳ sinh hoạt "
            "chuyên đề; nội dung sinh hoạt thiết thực, có biểu dương đảng viên tiêu biểu trong tháng."
        ),
        Para(
            f"Về đánh giá, xếp loại đảng viên: tổng số đảng viên được đánh giá, xếp loại: {rated} đồng chí. Trong đó:"
        ),
    ]
    for key in RATING_LABELS:
        n = d.ratings[key]
        text = lab[key][0].upper() + lab[key][1:]
        out.append(Para(f"- {text}: {two(n)} đ/c ({pct(n, rated)});", indent=False))
    if not d.is_cell:
        out.append(Para(subordinate_prose(d)))
    out += [
        Para("Phụ lục: Bảng tổng hợp số liệu", bold=True, indent=False),
        Table(
            [
                ["STT", "Chỉ tiêu", "Số liệu"],
                [
                    "1",
                    "Tổng số đảng viên (chính thức/dự bị)",
                    f"{d.members_total} ({d.members_official}/{d.members_probationary})",
                ],
                ["2", "Số buổi sinh hoạt thường kỳ", str(d.regular_meetings)],
                ["3", "Số buổi sinh hoạt chuyên đề", str(d.thematic_meetings)],
                ["4", "Tỷ lệ dự sinh hoạt bình quân", f"{num(d.attendance_pct)}%"],
                ["5", "Số đảng viên bị kỷ luật", str(d.disciplined_members)],
                ["6", "Kết nạp đảng viên mới", str(d.new_members)],
            ],
            [0.1, 0.6, 0.3],
            align=["center", "left", "center"],
        ),
        Para("Phần thứ hai", bold=True, align="center", indent=False),
        Para(f"NHIỆM VỤ NĂM {d.year + 1}", bold=True, align="center", indent=False),
        Para(
            "Giữ vững và phát huy kết quả đạt được; tăng cường công tác kiểm tra, giám sát; nâng cao chất lượng đảng viên."
        ),
        signature(
            d,
            ["- Ban Tổ chức (b/c);", "- Lưu văn phòng."],
            committee="chi ủy" if d.members_official >= 9 else "",
        ),
    ]
    return out


# ---- phiếu tự đánh giá ------------------------------------------------------------------------
def _criteria_rows(d: Dossier, with_note: bool) -> list[list[str]]:
    rows: list[list[str]] = []
    roman = ["1", "2", "3", "4"]
    for i, c in enumerate(d.criteria):
        row = [roman[i], c.name, num(c.max), num(c.score)]
        rows.append([*row, ""] if with_note else row)
        for j, (label, m, s) in enumerate(c.items):
            row = [f"{i + 1}.{j + 1}", label, num(m), num(s)]
            rows.append([*row, "" if s == m else f"trừ {num(m - s)} điểm"] if with_note else row)
    return rows


def _bold_rows(d: Dossier, offset: int = 1) -> set[int]:
    out, r = {0}, offset
    for c in d.criteria:
        out.add(r)
        r += 1 + len(c.items)
    out.add(r)
    return out


def phieu_a(d: Dossier) -> list[Block]:
    rows = [["TT", "Nội dung tiêu chí", "Điểm chuẩn", "Điểm tự chấm"], *_criteria_rows(d, False)]
    rows.append(["", "Tổng cộng", num(max_total(d)), num(total_score(d))])
    return [
        header(d, "phieu_tu_danh_gia", colon=False),
        Title("PHIẾU TỰ ĐÁNH GIÁ", [f"Kết quả thực hiện các tiêu chí “{model(d)}” năm {d.year}"]),
        Para(f"Tên tổ chức đảng: {d.unit}", indent=False),
        Table(
            rows,
            [0.08, 0.6, 0.16, 0.16],
            bold_rows=_bold_rows(d),
            align=["center", "left", "center", "center"],
        ),
        Para(f"Tổng số điểm tự chấm: {num(total_score(d))}/{num(max_total(d))} điểm.", indent=False),
        signature(d, None),
    ]


def phieu_b(d: Dossier) -> list[Block]:
    rows = [["STT", "Tiêu chí", "Điểm tối đa", "Tự đánh giá", "Ghi chú"], *_criteria_rows(d, True)]
    rows.append(["", "Cộng", num(max_total(d)), num(total_score(d)), ""])
    return [
        header(d, "phieu_tu_danh_gia", colon=True),
        Title("BẢNG TỰ CHẤM ĐIỂM", [f"các tiêu chí xây dựng “{model(d)}” năm {d.year}"]),
        Para(
            f"{d.unit} tự đánh giá, chấm điểm theo thang điểm {num(max_total(d))} như sau:",
            indent=False,
        ),
        Table(
            rows,
            [0.08, 0.5, 0.13, 0.13, 0.16],
            bold_rows=_bold_rows(d),
            align=["center", "left", "center", "center", "center"],
        ),
        Para(f"Tổng số điểm tự đánh giá: {num(total_score(d))}/{num(max_total(d))} điểm.", indent=False),
        signature(d, ["- Đảng ủy;", "- Lưu."]),
    ]


def phieu_d(d: Dossier) -> list[Block]:
    """Roman-numbered criteria, 'thang điểm' and 'điểm tự đánh giá', no total row: the total is a sentence."""
    roman = ["I", "II", "III", "IV"]
    rows = [["STT", "Nội dung đánh giá", "Thang điểm", "Điểm tự đánh giá"]]
    bold = {0}
    for i, c in enumerate(d.criteria):
        bold.add(len(rows))
        rows.append([roman[i], c.name.upper(), num(c.max), num(c.score)])
        for j, (label, m, s) in enumerate(c.items):
            rows.append([str(j + 1), label, num(m), num(s)])
    return [
        header(d, "phieu_tu_danh_gia", colon=False),
        Title("PHIẾU TỰ ĐÁNH GIÁ, CHẤM ĐIỂM", [f"mô hình “{model(d)}” năm {d.year}"]),
        Para(f"Tổ chức đảng tự đánh giá: {d.unit}.", indent=False),
        Para(f"Thời điểm đánh giá: {date_short(d.dates['phieu_tu_danh_gia'])}.", indent=False),
        Table(rows, [0.09, 0.59, 0.15, 0.17], bold_rows=bold, align=["center", "left", "center", "center"]),
        Para(
            f"Tổng điểm tự đánh giá: {num(total_score(d))} điểm (thang điểm {num(max_total(d))}). "
            f"Đề nghị cấp ủy cấp trên thẩm định, công nhận.",
            indent=False,
        ),
        signature(d, None, committee="chi ủy" if d.is_cell and d.members_official >= 9 else ""),
    ]


def phieu_c(d: Dossier) -> list[Block]:
    """The Đạt / Không đạt form: no points at all."""
    rows = [["TT", "Tiêu chí", "Kết quả tự đánh giá"]]
    bold = {0}
    for i, c in enumerate(d.criteria):
        ok = all(s >= m for _, m, s in c.items)
        bold.add(len(rows))
        rows.append([str(i + 1), c.name, "Đạt" if ok else "Không đạt"])
        for j, (label, m, s) in enumerate(c.items):
            rows.append([f"{i + 1}.{j + 1}", label, "Đạt" if s >= m else "Không đạt"])
    passed = sum(all(s >= m for _, m, s in c.items) for c in d.criteria)
    return [
        header(d, "phieu_tu_danh_gia", colon=False),
        Title("PHIẾU TỰ ĐÁNH GIÁ", [f"thực hiện các tiêu chí “{model(d)}” năm {d.year}"]),
        Table(rows, [0.08, 0.67, 0.25], bold_rows=bold, align=["center", "left", "center"]),
        Para(f"Kết luận: {d.unit} tự đánh giá đạt {two(passed)}/04 tiêu chí.", indent=False),
        signature(d, None),
    ]


# ---- an unrelated document --------------------------------------------------------------------
def ke_hoach(d: Dossier) -> list[Block]:
    y = d.year + 1
    return [
        header(d, "ke_hoach", colon=False),
        Title("KẾ HOẠCH", [f"Xây dựng “{model(d)}” năm {y}"]),
        Para("I. MỤC ĐÍCH, YÊU CẦU", bold=True, indent=False),
        Para(
            f"Nâng cao năng lực lãnh đạo, sức chiến đấu của {word(d)}; phấn đấu đạt “{model(d)}” năm {y}. "
            "Việc thực hiện phải thiết thực, gắn với nhiệm vụ chính trị của cơ quan, đơn vị."
        ),
        Para("II. NỘI DUNG", bold=True, indent=False),
        Para("1. Duy trì sinh hoạt thường kỳ vào ngày 03 hằng tháng; mỗi quý một kỳ sinh hoạt chuyên đề."),
        Para("2. Phân công đảng viên phụ trách từng nhiệm vụ; đăng ký kết nạp 02 quần chúng ưu tú."),
        Para("III. TỔ CHỨC THỰC HIỆN", bold=True, indent=False),
        Para(
            "Chi ủy phân công đồng chí phó bí thư theo dõi, đôn đốc; sơ kết vào tháng 6, tổng kết vào tháng 12."
        ),
        signature(d, ["- Đảng viên;", "- Lưu."]),
    ]


TEMPLATES: dict[str, dict[str, Callable[[Dossier], list[Block]]]] = {
    "to_trinh": {"A": to_trinh_a, "B": to_trinh_b, "C": to_trinh_c},
    "bien_ban_kiem_phieu": {"A": bien_ban_a, "B": bien_ban_b, "C": bien_ban_c},
    "bao_cao": {"A": bao_cao_a, "B": bao_cao_b, "C": bao_cao_c},
    "phieu_tu_danh_gia": {"A": phieu_a, "B": phieu_b, "C": phieu_c, "D": phieu_d},
    "ke_hoach": {"A": ke_hoach, "B": ke_hoach, "C": ke_hoach},
}


def blocks_for(d: Dossier, spec: DocSpec) -> list[Block]:
    """The blocks of one document: the dossier's truth with this document's deviations applied."""
    view = dataclasses.replace(d, **spec.overrides) if spec.overrides else d
    template = spec.template
    if spec.doc_type == "phieu_tu_danh_gia":  # C is the Đạt / Không đạt form, only for such dossiers
        template = "C" if d.pass_fail else ("D" if template == "C" else template)
    return TEMPLATES[spec.doc_type][template](view)
