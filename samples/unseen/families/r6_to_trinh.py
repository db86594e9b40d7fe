"""Tờ trình, round 6: a "Nội dung | Kết quả" table whose cells hold several figures each, a letter with a
framed summary box under running page furniture, and a wide table setting the four documents' figures
side by side."""

from __future__ import annotations

from samples.blocks import Block, Para, Table, Title

from .common import RATING_ABBR, RATING_KEYS, Ctx, criteria_total, d_slash, d_words, dec, pct, z2
from .r4_common import stated_voters
from .r6_common import dv, frame, furniture


def _title(c: Ctx) -> Title:
    return Title("TỜ TRÌNH", [f"Đề nghị công nhận {c.model} năm {c.year}"])


def _kinh_gui(c: Ctx) -> Para:
    return Para(f"Kính gửi: {c.d.recipient}", bold=True, align="center", indent=False)


def _discipline(c: Ctx, style: int) -> str:
    n = c.d.disciplined_members
    return "Không có đảng viên bị xử lý kỷ luật" if not n else f"{dv(n, style)} bị kỷ luật khiển trách"


def _voters(c: Ctx) -> str:
    return "đảng viên chính thức có quyền biểu quyết" if c.cell else "Ủy viên Ban Chấp hành Đảng bộ"


def content_result_table(c: Ctx) -> list[Block]:
    """TTR-17: the request as a table "TT | Nội dung | Kết quả" whose result cells run over several lines,
    each holding several figures separated by semicolons; members mixed "ĐV" / "đ/c"."""
    d = c.d
    r = d.ratings
    voters = stated_voters(c)
    score, mx = criteria_total(c)
    bb = d.dates["bien_ban_kiem_phieu"]
    crit = "; ".join(f"Tiêu chí {i}: {dec(k.score)}/{dec(k.max)} điểm" for i, k in enumerate(d.criteria, 1))
    members = f"Tổng số {dv(c.total, 2)}, gồm {dv(c.official, 1)} chính thức và {dv(c.prob, 1)} dự bị"
    if not c.cell:
        members += f"; Ban Chấp hành Đảng bộ có {dv(d.committee_members, 0)}"
    rows = [
        ["TT", "Nội dung", "Kết quả"],
        ["1", "Tổ chức đảng đề nghị công nhận", f"{d.unit}, trực thuộc {d.parent}"],
        ["2", "Số lượng đảng viên (đến 30/11)", members],
        ["3", "Kết quả tự chấm điểm theo tiêu chí", f"{crit}; tổng cộng {dec(score)}/{dec(mx)} điểm"],
        [
            "4",
            f"Sinh hoạt {c.org}",
            f"Thường kỳ: {d.regular_meetings} kỳ; chuyên đề: {z2(d.thematic_meetings)} kỳ; tỷ lệ ĐV dự sinh "
            f"hoạt bình quân {dec(d.attendance_pct)}%",
        ],
        [
            "5",
            "Đánh giá, xếp loại đảng viên",
            "; ".join(f"{RATING_ABBR[k]}: {dv(r[k], 1) if r[k] else 'không'}" for k in RATING_KEYS),
        ],
        ["6", "Kỷ luật đảng trong năm", _discipline(c, 1)],
    ]
    if not c.cell:
        s = d.subordinates
        rows.append(
            [
                "7",
                "Chi bộ trực thuộc",
                f"Tổng số {z2(s.total)} chi bộ; HTXSNV {z2(s.xuat_sac)}, HTTNV {z2(s.tot)}, HTNV "
                f"{z2(s.hoan_thanh)}, KHTNV {z2(s.khong_hoan_thanh)}; đăng ký {z2(s.registered_bon_tot)}, "
                f"đạt “bốn tốt” {z2(s.bon_tot)} chi bộ",
            ]
        )
    rows.append(
        [
            str(len(rows)),
            f"Biểu quyết đề nghị công nhận (ngày {d_slash(bb)})",
            f"Số {_voters(c)}: {dv(voters, 1)}; tán thành {dv(d.votes_for, 1)} "
            f"({pct(d.votes_for, voters)}); không tán thành {dv(d.votes_against, 1)}",
        ]
    )
    return [
        c.header(colon=True),
        _title(c),
        _kinh_gui(c),
        Para(
            f"Thực hiện kế hoạch của cấp ủy cấp trên về xây dựng mô hình {c.model}, {d.unit} tổng hợp kết quả "
            f"năm {c.year} và kính trình như sau:"
        ),
        Table(rows, [0.07, 0.33, 0.6], align=["center", "left", "left"]),
        Para(f"Kính đề nghị {d.recipient} xem xét, công nhận {d.unit} đạt {c.model} năm {c.year}."),
        c.signature(c.recipients()),
    ]


def framed_summary(c: Ctx) -> list[Block]:
    """TTR-18: a letter under a running header citing Quy định 124 and a footer with the office's telephone
    and "Trang x/y"; the figures in a framed box "TÓM TẮT SỐ LIỆU" with "•" between them; the vote in the
    closing paragraph."""
    d = c.d
    r = d.ratings
    voters = stated_voters(c)
    score, mx = criteria_total(c)
    bb = d.dates["bien_ban_kiem_phieu"]
    office = "Văn phòng Chi bộ" if c.cell else "Văn phòng Đảng ủy"
    box = [
        f"Đảng viên: {z2(c.total)} (chính thức {z2(c.official)}, dự bị {z2(c.prob)})",
        f"Sinh hoạt thường kỳ: {d.regular_meetings} kỳ; chuyên đề: {z2(d.thematic_meetings)} kỳ",
        f"Dự sinh hoạt bình quân: {dec(d.attendance_pct)}%",
        f"Xếp loại đảng viên: xuất sắc {z2(r['xuat_sac'])}, tốt {z2(r['tot'])}, hoàn thành {z2(r['hoan_thanh'])}, "
        f"không hoàn thành {z2(r['khong_hoan_thanh'])}",
        "Kỷ luật: " + ("không" if not d.disciplined_members else dv(d.disciplined_members, 1)),
        f"Tự chấm các tiêu chí: {dec(score)}/{dec(mx)} điểm ("
        + ", ".join(f"TC{i} {dec(k.score)}/{dec(k.max)}" for i, k in enumerate(d.criteria, 1))
        + ")",
    ]
    if not c.cell:
        s = d.subordinates
        box.insert(1, f"Ủy viên Ban Chấp hành: {z2(d.committee_members)}")
        box.append(
            f"Chi bộ trực thuộc: {z2(s.total)}, trong đó HTXSNV {z2(s.xuat_sac)}, HTTNV {z2(s.tot)}, HTNV "
            f"{z2(s.hoan_thanh)}, KHTNV {z2(s.khong_hoan_thanh)}; đạt “bốn tốt” {z2(s.bon_tot)}/"
            f"{z2(s.registered_bon_tot)} chi bộ đăng ký"
        )
    return [
        furniture(c, office),
        c.header(),
        _title(c),
        _kinh_gui(c),
        Para(
            f"Căn cứ Hướng dẫn số 10-HD/BTCHU ngày 28/10/2024 về đánh giá, công nhận {c.model}; căn cứ kết quả "
            f"kiểm điểm, đánh giá chất lượng năm {c.year}, {d.unit} kính trình {d.recipient} xem xét công nhận "
            f"{c.org} đạt {c.model} năm {c.year}. Số liệu chủ yếu được tóm tắt trong khung dưới đây."
        ),
        Para("TÓM TẮT SỐ LIỆU", bold=True, align="center", indent=False),
        frame(" • ".join(box) + "."),
        Para(
            f"Tại hội nghị {d_words(bb)}, {c.org} đã biểu quyết bằng phiếu kín: {d.votes_for}/{voters} "
            f"{_voters(c)} tán thành, đạt {pct(d.votes_for, voters)}; {d.votes_against} không tán thành. "
            f"Kính trình {d.recipient} xem xét, quyết định."
        ),
        c.signature(c.recipients()),
    ]


def side_by_side(c: Ctx) -> list[Block]:
    """TTR-19: a wide table "Chỉ tiêu | Báo cáo | Biên bản kiểm phiếu | Phiếu tự đánh giá": each figure
    under the document it comes from, "–" where a document does not carry it (members in two columns)."""
    d = c.d
    r = d.ratings
    voters = stated_voters(c)
    score, mx = criteria_total(c)
    nb = f"{d.numbers['bao_cao']:02d}-BC/{c.body}"
    nk = f"{d.numbers['bien_ban_kiem_phieu']:02d}-BB/{c.body}"
    rows = [["TT", "Chỉ tiêu", f"Báo cáo số {nb}", f"Biên bản kiểm phiếu số {nk}", "Phiếu tự đánh giá"]]

    def add(label: str, bc: str = "–", bb: str = "–", pd: str = "–") -> None:
        rows.append([str(len(rows)), label, bc, bb, pd])

    add("Tổng số đảng viên", str(c.total), str(c.total))
    add("Đảng viên chính thức", str(c.official), str(c.official))
    add("Đảng viên dự bị", str(c.prob), str(c.prob))
    if c.cell:
        add("Đảng viên có quyền biểu quyết", bb=str(voters))
        add("Đảng viên có mặt khi biểu quyết", bb=str(d.members_present))
    else:
        add("Ủy viên Ban Chấp hành (có quyền biểu quyết)", bb=str(voters))
        add("Ủy viên có mặt khi biểu quyết", bb=str(d.members_present))
    add("Số phiếu phát ra", bb=str(d.ballots_issued))
    add("Số phiếu thu về", bb=str(d.ballots_returned))
    add("Số phiếu hợp lệ", bb=str(d.ballots_valid))
    add("Số phiếu không hợp lệ", bb=str(d.ballots_invalid))
    add("Số phiếu tán thành", bb=f"{d.votes_for} ({pct(d.votes_for, voters)})")
    add("Số phiếu không tán thành", bb=str(d.votes_against))
    add("Sinh hoạt thường kỳ (kỳ)", str(d.regular_meetings))
    add("Sinh hoạt chuyên đề (kỳ)", str(d.thematic_meetings))
    add("Tỷ lệ dự sinh hoạt bình quân (%)", dec(d.attendance_pct))
    for k in RATING_KEYS:
        add(f"Đảng viên {RATING_ABBR[k]}", str(r[k]))
    add("Đảng viên bị kỷ luật", str(d.disciplined_members))
    if not c.cell:
        s = d.subordinates
        add("Chi bộ trực thuộc", str(s.total))
        add("Chi bộ HTXSNV / HTTNV", f"{s.xuat_sac} / {s.tot}")
        add("Chi bộ HTNV / KHTNV", f"{s.hoan_thanh} / {s.khong_hoan_thanh}")
        add("Chi bộ đạt “bốn tốt” / đăng ký", f"{s.bon_tot} / {s.registered_bon_tot}")
    for i, k in enumerate(d.criteria, 1):
        add(f"Điểm tiêu chí {i} (tự chấm/chuẩn)", pd=f"{dec(k.score)}/{dec(k.max)}")
    add("Tổng điểm tự chấm", pd=f"{dec(score)}/{dec(mx)}")
    return [
        c.header(),
        _title(c),
        _kinh_gui(c),
        Para(
            f"{d.unit} đã hoàn chỉnh hồ sơ đề nghị công nhận {c.model} năm {c.year}. Để thuận tiện cho việc "
            "thẩm định, các số liệu chủ yếu được tổng hợp theo từng văn bản trong hồ sơ như sau:"
        ),
        Table(
            rows,
            [0.06, 0.38, 0.18, 0.2, 0.18],
            align=["center", "left", "center", "center", "center"],
            header_rows=1,
        ),
        Para(f"Kính trình {d.recipient} xem xét, công nhận {c.model} năm {c.year}."),
        c.signature(c.recipients()),
    ]
