"""thong_bao_ket_qua.docx: the draft notice of results, in the form of the THÔNG BÁO template of seed 000."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from validators.codes import Verdict

from .batch import DossierRow
from .docx_common import BLANK_DATE, heading, new_document, para, party_header, run, signature

# The guidance the notice cites; only Cần Đước's is known (seed 000), other districts fill in theirs.
GUIDANCE = {
    "can-duoc": "Căn cứ Hướng dẫn số 10-HD/BTCHU, ngày 28/10/2024 của Ban Tổ chức Huyện ủy về hướng dẫn thực hiện "
    "mô hình “chi bộ 4 tốt”, “đảng bộ cơ sở 4 tốt”,",
}
GUIDANCE_BLANK = (
    "Căn cứ Hướng dẫn số ……-HD/BTCHU, ngày …… của Ban Tổ chức Huyện ủy về hướng dẫn thực hiện "
    "mô hình “chi bộ 4 tốt”, “đảng bộ cơ sở 4 tốt”,"
)
MAX_REASONS = 4


def _parent(rows: list[DossierRow]) -> str:
    """The body that issues the notice: the superior most dossiers name, else a blank to fill."""
    names = Counter(r.parent.strip() for r in rows if r.parent and r.parent.strip())
    return names.most_common(1)[0][0] if names else "ĐẢNG BỘ ……………"


def _item(doc, row: DossierRow, reasons: list[str] | None, label: str = "Lý do") -> None:
    p = para(doc, after=2, align="justify", indent=1)
    run(p, f"- {row.unit}")
    if reasons is None:
        return
    run(p, ". ")
    shown = reasons[:MAX_REASONS]
    more = len(reasons) - len(shown)
    text = "; ".join(m.rstrip(".") for m in shown) + (f"; và {more} vấn đề khác" if more > 0 else "")
    run(p, f"{label}: ", italic=True)
    run(p, (text or "xem phiếu thẩm định") + ".")


def notice_docx(rows: list[DossierRow], profile: str, year: int) -> bytes:
    """Exactly the ``dat`` dossiers are listed as meeting the standard; the others are listed apart."""
    doc = new_document(size=14)
    # The reviewer's decision (hoso review), when there is one, places the unit; else the verdict.
    dat = [r for r in rows if r.listed_as == Verdict.DAT]
    khong_dat = [r for r in rows if r.listed_as == Verdict.KHONG_DAT]
    pending = [r for r in rows if r.listed_as not in (Verdict.DAT, Verdict.KHONG_DAT)]
    has_committee = any(r.kind_code == "dang_bo_co_so" for r in rows)
    who = "Tổ chức cơ sở đảng" if has_committee else "Chi bộ"
    model = "“Chi bộ 4 tốt”, “Đảng bộ cơ sở 4 tốt”" if has_committee else "“Chi bộ 4 tốt”"

    party_header(doc, _parent(rows), "ĐẢNG ỦY", "Số ……-TB/ĐU", BLANK_DATE)
    para(doc, "THÔNG BÁO", bold=True, size=15, align="center", after=0)
    para(doc, f"Kết quả đánh giá xếp loại {model} năm {year}", bold=True, size=14, align="center", after=0)
    para(doc, "-----", align="center", after=8)
    body = [
        GUIDANCE.get(profile, GUIDANCE_BLANK),
        f"Căn cứ kết quả tự đánh giá xếp loại {model} của các {'tổ chức đảng' if has_committee else 'chi bộ'} trực thuộc,",
        f"Căn cứ kết quả quyết nghị của Đảng ủy trong cuộc họp ngày ……, Đảng ủy thông báo kết quả đánh giá "
        f"{model.replace('Chi bộ', 'chi bộ')} năm {year} như sau:",
    ]
    for text in body:
        para(doc, text, align="justify", after=4, indent=1)

    heading(doc, f"1. {who} đạt “4 tốt”", size=14)
    for r in dat:
        _item(doc, r, None)
    if not dat:
        para(doc, "(không có)", italic=True, after=2, indent=1)

    heading(doc, f"2. {who} không đạt “4 tốt”", size=14)
    for r in khong_dat:
        _item(doc, r, r.reasons or ([r.note] if r.note else []))
    if not khong_dat:
        para(doc, "(không có)", italic=True, after=2, indent=1)

    if pending:
        heading(
            doc, f"3. {who} chưa đủ điều kiện xét, cần bổ sung hoặc xem xét thêm ({len(pending)})", size=14
        )
        para(
            doc,
            "(Mục này để cán bộ theo dõi: xử lý xong thì chuyển đơn vị vào mục 1 hoặc 2 và xóa mục này trước khi ban hành.)",
            italic=True,
            size=12,
            after=2,
        )
        for r in pending:
            _item(doc, r, r.issues, label=r.verdict_vi)

    closing = (
        f"Yêu cầu cấp ủy, chi bộ thông báo đến đảng viên trong chi bộ. Những {who.lower()} chưa đạt “4 tốt” "
        "phải xây dựng kế hoạch khắc phục, thời gian hoàn thành ……"
    )
    para(doc, closing, align="justify", after=10, before=10)
    signature(doc, ["Nơi nhận:", "- Các chi bộ trực thuộc,", "- Lưu."], ["T/M ĐẢNG ỦY", "BÍ THƯ"], None)
    return doc.to_bytes()


def write_notice(rows: list[DossierRow], profile: str, year: int, path: Path) -> None:
    from ..stages import write_atomic

    write_atomic(path, notice_docx(rows, profile, year))
