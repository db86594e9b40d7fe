"""Tờ trình, round 5: the figures lined up in a borderless label/value table, the figures in an annex
("Phụ lục") the letter refers to, and a district's printed form with checkbox marks."""

from __future__ import annotations

from samples.blocks import Block, PageBreak, Para, Table, Title

from .common import Ctx, criteria_total, d_slash, d_words, dec, pct, z2
from .r4_common import stated_voters
from .r5_common import OFF, ON, box, dongchi, layout, plain


def _title(c: Ctx) -> Title:
    return Title("TỜ TRÌNH", [f"Về việc đề nghị công nhận {c.model} năm {c.year}"])


def _voters_word(c: Ctx) -> str:
    return "đảng viên chính thức có quyền biểu quyết" if c.cell else "đồng chí Ủy viên Ban Chấp hành Đảng bộ"


def label_value_layout(c: Ctx) -> list[Block]:
    """TTR-14: a short letter; the figures in a borderless two-column table (labels left, values right),
    dates "ngày 05 tháng 12 năm 2024", the vote "14/15 … (93,33%)" in the value column."""
    d = c.d
    bb = d.dates["bien_ban_kiem_phieu"]
    voters = stated_voters(c)
    score, mx = criteria_total(c)
    rows = [
        ("Tên tổ chức đảng:", d.unit),
        ("Trực thuộc:", d.parent),
        ("Năm đề nghị công nhận:", str(c.year)),
        ("Tổng số đảng viên:", f"{z2(c.total)} đồng chí"),
        ("- Đảng viên chính thức:", f"{z2(c.official)} đồng chí"),
        ("- Đảng viên dự bị:", dongchi(c.prob)),
    ]
    if not c.cell:
        rows.append(("Số Ủy viên Ban Chấp hành:", f"{z2(d.committee_members)} đồng chí"))
    rows += [
        ("Tổng điểm tự đánh giá:", f"{dec(score)}/{dec(mx)} điểm"),
        ("Ngày biểu quyết:", d_words(bb)),
        (
            "Kết quả biểu quyết:",
            f"{z2(d.votes_for)}/{z2(voters)} {_voters_word(c)} tán thành (đạt {pct(d.votes_for, voters)})",
        ),
    ]
    return [
        c.header(),
        _title(c),
        Para(f"Kính gửi: {d.recipient}.", bold=True, align="center", indent=False),
        Para(
            f"Căn cứ kết quả thực hiện nhiệm vụ năm {c.year} và kết quả biểu quyết của {c.org}, {d.unit} kính "
            f"trình {d.recipient} xem xét, công nhận {c.model} năm {c.year}. Thông tin cụ thể như sau:"
        ),
        layout(rows),
        Para(
            f"Kèm theo Tờ trình gồm: Báo cáo kết quả thực hiện, Phiếu tự đánh giá các tiêu chí và Biên bản kiểm "
            f"phiếu ngày {d_slash(bb)}. Kính trình {d.recipient} xem xét, quyết định."
        ),
        c.signature(c.recipients()),
    ]


def annex(c: Ctx) -> list[Block]:
    """TTR-15: the letter gives no figure of its own but refers to "Phụ lục kèm theo"; after the signature,
    on a new page, the annex table "STT | Chỉ tiêu | Đơn vị tính | Số liệu" holds the members, meetings,
    ratings and the vote."""
    d = c.d
    voters = stated_voters(c)
    r = d.ratings
    rows = [["STT", "Chỉ tiêu", "Đơn vị tính", "Số liệu"]]

    def add(label: str, unit: str, value: str) -> None:
        rows.append([str(len(rows)), label, unit, value])

    add("Tổng số đảng viên", "đồng chí", str(c.total))
    add("Trong đó: đảng viên chính thức", "đồng chí", str(c.official))
    add("Đảng viên dự bị", "đồng chí", str(c.prob))
    if not c.cell:
        add("Ủy viên Ban Chấp hành Đảng bộ", "đồng chí", str(d.committee_members))
    add("Số kỳ sinh hoạt thường kỳ", "kỳ", str(d.regular_meetings))
    add("Số kỳ sinh hoạt chuyên đề", "kỳ", str(d.thematic_meetings))
    add("Tỷ lệ đảng viên dự sinh hoạt bình quân", "%", dec(d.attendance_pct))
    add("Đảng viên hoàn thành xuất sắc nhiệm vụ", "đồng chí", str(r["xuat_sac"]))
    add("Đảng viên hoàn thành tốt nhiệm vụ", "đồng chí", str(r["tot"]))
    add("Đảng viên hoàn thành nhiệm vụ", "đồng chí", str(r["hoan_thanh"]))
    add("Đảng viên không hoàn thành nhiệm vụ", "đồng chí", str(r["khong_hoan_thanh"]))
    add("Đảng viên bị xử lý kỷ luật trong năm", "đồng chí", str(d.disciplined_members))
    add(f"Số {_voters_word(c)}", "đồng chí", str(voters))
    add("Số phiếu tán thành đề nghị công nhận", "phiếu", str(d.votes_for))
    add("Số phiếu không tán thành", "phiếu", str(d.votes_against))
    number = f"{c.number:02d}-TTr/{c.body}"
    return [
        c.header(),
        _title(c),
        Para(f"Kính gửi: {d.recipient}", bold=True, align="center", indent=False),
        Para(
            f"Năm {c.year}, {d.unit} lãnh đạo hoàn thành tốt nhiệm vụ chính trị; công tác xây dựng Đảng có "
            f"nhiều chuyển biến; nội bộ đoàn kết, thống nhất. Các số liệu về đảng viên, sinh hoạt {c.org}, "
            "đánh giá, xếp loại và kết quả biểu quyết được tổng hợp tại Phụ lục kèm theo Tờ trình này."
        ),
        Para(
            f"Đối chiếu với các tiêu chí, {c.org} tự đánh giá đạt {c.model} năm {c.year}. Kính đề nghị "
            f"{d.recipient} xem xét, công nhận."
        ),
        c.signature(c.recipients()),
        PageBreak(),
        Title("PHỤ LỤC", [f"Số liệu kèm theo Tờ trình số {number}, {d_words(c.date)} của {d.unit}"]),
        Table(rows, [0.08, 0.56, 0.16, 0.2], align=["center", "left", "center", "center"]),
        plain("Số liệu tính đến ngày 30/11/" + str(c.year) + ".", italic=True),
    ]


def checkbox_form(c: Ctx) -> list[Block]:
    """TTR-16: the district's printed form (Mẫu số 01) filled in: the kind of unit ticked "☒ Chi bộ
    ☐ Đảng bộ cơ sở", numbered lines with figures, each criterion "24,5/25 điểm ☒ Đạt ☐ Không đạt", the
    vote "tán thành … /… (…%)"."""
    d = c.d
    voters = stated_voters(c)
    bb = d.dates["bien_ban_kiem_phieu"]
    kind = f"{ON if c.cell else OFF} Chi bộ cơ sở/chi bộ trực thuộc   {OFF if c.cell else ON} Đảng bộ cơ sở"
    out: list[Block] = [
        plain("Mẫu số 01-TTr (ban hành kèm theo Hướng dẫn của Ban Tổ chức cấp ủy cấp trên)", italic=True),
        c.header(colon=True),
        _title(c),
        Para(f"Kính gửi: {d.recipient}", bold=True, align="center", indent=False),
        plain(f"1. Tên tổ chức đảng đề nghị: {d.unit}"),
        plain(f"2. Loại hình: {kind}"),
        plain(
            f"3. Số lượng đảng viên: {z2(c.total)}; trong đó chính thức: {z2(c.official)}; dự bị: {z2(c.prob)}"
            + (f"; Ban Chấp hành: {z2(d.committee_members)} đồng chí" if not c.cell else "")
        ),
        plain("4. Kết quả tự đánh giá theo các tiêu chí (đạt từ 95% số điểm trở lên mỗi tiêu chí):"),
    ]
    for i, k in enumerate(d.criteria, 1):
        ok = k.score >= 0.95 * k.max
        out.append(plain(f"   - Tiêu chí {i} ({k.name}): {dec(k.score)}/{dec(k.max)} điểm   {box(ok)}"))
    out += [
        plain(
            f"5. Sinh hoạt: thường kỳ {d.regular_meetings}/12 kỳ; chuyên đề {z2(d.thematic_meetings)} kỳ; "
            f"tỷ lệ dự bình quân {dec(d.attendance_pct)}%"
        ),
        plain(
            "6. Kỷ luật trong năm: "
            + box(
                d.disciplined_members == 0,
                "Không có",
                f"Có ({z2(d.disciplined_members)} đảng viên)"
                if d.disciplined_members
                else "Có (…… đảng viên)",
            )
        ),
        plain(
            f"7. Kết quả biểu quyết ({d_slash(bb, pad=False)}): tán thành {d.votes_for}/{voters} "
            f"({pct(d.votes_for, voters)}); không tán thành {d.votes_against}"
        ),
        Para(f"Đề nghị {d.recipient} xem xét, công nhận {c.model} năm {c.year}."),
        c.signature(c.recipients()),
    ]
    return out
