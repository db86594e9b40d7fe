"""review.docx: the review sheet as a "phiếu thẩm định" to print, annotate and sign."""

from __future__ import annotations

from pathlib import Path

from .docx_common import (
    BLANK_DATE,
    add_row,
    dotted_line,
    grid,
    heading,
    new_document,
    para,
    party_header,
    picture,
    run,
    shade,
    signature,
)
from .sheet import SheetView

SEVERITY_SHADE = {"error": "FBE4E2", "warning": "FFF3DC", "info": "E8EEF4"}
SEVERITY_INK = {"error": "B3261E", "warning": "A15C00", "info": "44617D"}
FLAG_W = (0.9, 2.2, 5.3, 8.0)  # with crops of scans: room for the picture
FLAG_W_TEXT = (0.9, 2.2, 8.8, 4.5)  # text evidence only: room for the message
CRIT_W = (7.0, 2.3, 2.2, 2.0, 3.0)
FIG_W = (5.0, 1.8, 2.6, 7.1)
DOC_W = (3.6, 5.2, 3.6, 1.6, 2.4)


def _flags(doc, sheet: SheetView) -> None:
    heading(doc, f"I. CÁC VẤN ĐỀ PHÁT HIỆN ({len(sheet.flags)})")
    if not sheet.flags:
        para(doc, "Không phát hiện vấn đề nào.", italic=True)
        return
    widths = FLAG_W if any(e.crop for f in sheet.flags for e in f.evidence) else FLAG_W_TEXT
    table = grid(doc, ["TT", "Mức độ", "Nội dung và căn cứ", "Bằng chứng"], widths)
    for i, f in enumerate(sheet.flags, 1):
        c = add_row(table)
        para(c[0], str(i), size=11, align="center", after=0)
        para(c[1], f.severity_vi, bold=True, size=11, colour=SEVERITY_INK.get(f.severity), after=0)
        shade(c[1], SEVERITY_SHADE.get(f.severity, "FFFFFF"))
        para(c[2], f.title, bold=True, size=11, after=2)
        para(c[2], f.message, size=11, after=2)
        if f.source:
            para(c[2], "Căn cứ: " + f.source, italic=True, size=10, after=0)
        for e in f.evidence:
            para(c[3], e.location, italic=True, size=10, after=1)
            if e.seen:
                para(c[3], f"Ảnh cắt như ở vấn đề {e.seen} bên trên.", italic=True, size=10, after=3)
            elif e.crop:
                picture(c[3], e.crop, 7.3)
                if e.text:
                    para(c[3], f"“{e.text}”", size=10, after=3)
            elif e.cells:
                if e.header:
                    para(c[3], " | ".join(e.header), size=10, colour="5D6873", after=0)
                para(c[3], " | ".join(e.cells), bold=True, size=10, after=3)
            elif e.text:
                para(c[3], f"“{e.text}”", size=10, after=3)
        if f.more:
            para(c[3], f"Và {len(f.more)} chỗ khác: " + "; ".join(f.more), italic=True, size=9)


def _criteria(doc, sheet: SheetView) -> None:
    heading(doc, f"II. BỐN TIÊU CHÍ (điểm tự chấm {sheet.criterion.words})")
    table = grid(doc, ["Tiêu chí", "Điểm chuẩn", "Tự chấm", "Tỷ lệ", "Đánh giá"], CRIT_W)
    for r in sheet.criteria:
        c = add_row(table)
        para(c[0], f"{r.index}. {r.name}", size=11, after=0)
        for cell, text in zip(c[1:4], (r.max, r.score, r.pct), strict=True):
            para(cell, text, size=11, align="center", after=0)
        if r.passed is None:
            unread = "—" in (r.score, r.max)
            para(c[4], "chưa đọc được" if unread else "—", italic=True, size=11, after=0)
        elif r.passed:
            para(c[4], "Đạt", bold=True, size=11, colour="1E7B34", after=0)
        else:
            para(
                c[4],
                "Không đạt (tự đánh giá)" if r.said else f"Dưới {sheet.criterion.short}",
                bold=True,
                size=11,
                colour="B3261E",
                after=0,
            )


def _figures(doc, sheet: SheetView) -> None:
    heading(doc, "III. SỐ LIỆU CHÍNH VÀ NƠI ĐỌC ĐƯỢC")
    table = grid(doc, ["Số liệu", "Giá trị", "Đối chiếu", "Nơi đọc"], FIG_W)
    # On paper, figures read nowhere are one line under the table rather than a column of dashes.
    unread = [r.label for r in sheet.figures if r.value == "—" and not r.readings]
    for r in (r for r in sheet.figures if r.value != "—" or r.readings):
        c = add_row(table)
        para(c[0], r.label, size=11, after=0)
        para(c[1], r.value, bold=True, size=11, align="center", after=0)
        ink = {"lech": "A15C00", "khop": "1E7B34"}.get(r.agreement)
        para(c[2], r.agreement_vi, bold=r.agreement == "lech", size=10, colour=ink, after=0)
        if r.agreement == "lech":
            shade(c[2], "FFF3DC")
        for x in r.readings:
            p = para(c[3], after=1)
            run(p, x.value, bold=True, size=10, colour="B3261E" if x.differs else None)
            run(p, (" (dùng)" if x.chosen else "") + " — " + x.where, size=10)
            if x.confidence:
                run(p, f" · OCR {x.confidence}", size=9, colour="5D6873")
            if x.reviewer:
                run(p, f" · {x.reviewer}", size=9, colour="1B5E20")
        if not r.readings:
            para(c[3], "—", size=10, after=0)
    if unread:
        p = para(doc, after=4, before=4, size=11)
        run(p, "Chưa đọc được: ", bold=True, size=11)
        run(p, "; ".join(unread) + ".", size=11)


def _documents(doc, sheet: SheetView) -> None:
    heading(doc, "IV. VĂN BẢN TRONG HỒ SƠ")
    table = grid(doc, ["Loại văn bản", "Tệp", "Cách đọc", "Trang", "Tin cậy OCR"], DOC_W)
    for d in sheet.documents:
        c = add_row(table)
        for cell, text in zip(
            c, (d.type_vi, d.file, d.methods, str(d.pages), d.confidence or "—"), strict=True
        ):
            para(cell, text, size=10, after=0)
    for m in sheet.missing:
        c = add_row(table)
        para(c[0], m, bold=True, size=10, colour="B3261E", after=0)
        para(c[1], "Thiếu trong hồ sơ", bold=True, size=10, colour="B3261E", after=0)
        for cell in c:
            shade(cell, "FBE4E2")


def write_review_docx(sheet: SheetView, path: Path) -> None:
    doc = new_document()
    from .notice import Issuer  # the district in the header is the notice's (HOSO_NOTICE_DISTRICT)

    issuer = Issuer.from_settings()
    party_header(doc, issuer.body, "BAN TỔ CHỨC", None, issuer.date_line if issuer.district else BLANK_DATE)
    para(doc, "PHIẾU THẨM ĐỊNH", bold=True, size=15, align="center", after=0)
    what = "đảng bộ cơ sở" if sheet.kind_code == "dang_bo_co_so" else "chi bộ"
    para(
        doc,
        f"Hồ sơ đề nghị công nhận “{what} bốn tốt” năm {sheet.year if sheet.year != '—' else '……'}",
        bold=True,
        size=13,
        align="center",
        after=10,
    )
    p = para(doc, after=2)
    run(p, "Đơn vị: ")
    run(p, sheet.unit, bold=True)
    if sheet.parent:
        run(para(doc, after=2), f"Trực thuộc: {sheet.parent}")
    run(
        para(doc, after=2),
        f"Loại: {sheet.kind}; hồ sơ: {sheet.dossier_id}; bộ quy tắc: {sheet.profile_name}.",
    )
    p = para(doc, after=2)
    run(p, "Kết quả kiểm tra: ")
    run(p, sheet.verdict_vi.upper(), bold=True, colour=sheet.colour)
    n = sheet.counts
    run(p, f" ({n['error']} lỗi, {n['warning']} cảnh báo, {n['info']} thông tin)")
    para(doc, sheet.why, italic=True, size=12, after=6)
    if sheet.resubmission:
        para(doc, sheet.resubmission, italic=True, size=11, after=6)
    _flags(doc, sheet)
    _criteria(doc, sheet)
    _figures(doc, sheet)
    _documents(doc, sheet)
    heading(doc, "V. Ý KIẾN CỦA NGƯỜI THẨM ĐỊNH")
    for choice in (
        "Đề nghị công nhận",
        "Không đề nghị công nhận",
        "Đề nghị đơn vị bổ sung, hoàn thiện hồ sơ",
    ):
        para(doc, "☐  " + choice, after=2)
    for _ in range(4):
        dotted_line(doc)
    para(doc, after=6)
    signature(
        doc,
        [
            "Ghi chú:",
            f"Phiếu lập tự động bởi hoso {sheet.version}; số liệu và bằng chứng cần được người thẩm định đối chiếu.",
        ],
        ["NGƯỜI THẨM ĐỊNH"],
        "(Ký, ghi rõ họ tên)",
        date_line=BLANK_DATE,
    )
    _write(path, doc.to_bytes())


def _write(path: Path, data: bytes) -> None:
    from ..stages import write_atomic  # one way to write files people open while a batch runs

    write_atomic(path, data)
