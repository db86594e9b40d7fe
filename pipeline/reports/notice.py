"""thong_bao_ket_qua.docx: the draft notice of results of the district party committee (Huyện ủy).

Laid out as Hướng dẫn 36-HD/VPTW sets out a notice (thông báo) of a Huyện ủy: on the left the superior
party organisation, the issuer in bold, "*" and "Số …-TB/HU"; on the right "ĐẢNG CỘNG SẢN VIỆT NAM"
and the place and date; the title and subject; the body; "T/M BAN THƯỜNG VỤ", the signer's title and
name; "Nơi nhận". The body follows the notice form of Hướng dẫn 10-HD/BTCHU, its units grouped by
the đảng bộ they belong to. Who issues it comes from the settings (``HOSO_NOTICE_*``), never from one
dossier; what is not set is left as "……" for staff to fill in.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from extractors.text import fold
from validators.codes import Verdict

from .batch import DossierRow
from .common import _profile
from .docx_common import heading, new_document, para, party_header, run, signature

BLANK = "……"
# The guidance the notice cites when the profile names none of its own for the criteria.
GUIDANCE_BLANK = (
    "Căn cứ Hướng dẫn số ……-HD/BTCHU, ngày …… của Ban Tổ chức Huyện ủy về hướng dẫn thực hiện "
    "mô hình “chi bộ 4 tốt”, “đảng bộ cơ sở 4 tốt”,"
)
MAX_REASONS = 4
NO_PARENT = "Chưa đọc được cấp ủy cấp trên"


@dataclass(frozen=True)
class Issuer:
    """Who issues the notice: a Huyện ủy of a province; blanks where the settings say nothing."""

    province: str | None = None
    district: str | None = None
    place: str | None = None
    signer_title: str | None = None
    signer_name: str | None = None

    @classmethod
    def from_settings(cls) -> Issuer:
        from ..settings import Settings

        try:
            s = Settings()
        except ValueError:  # a bad HOSO_* value: the CLI says so before work; a report keeps its blanks
            return cls()
        return cls(
            s.notice_province, s.notice_district, s.notice_place, s.notice_signer_title, s.notice_signer_name
        )

    @property
    def superior(self) -> str:
        return f"ĐẢNG BỘ TỈNH {self.province or BLANK * 2}"

    @property
    def body(self) -> str:
        return f"HUYỆN ỦY {self.district or BLANK * 2}"

    @property
    def date_line(self) -> str:
        return f"{self.place or self.district or BLANK * 2}, ngày {BLANK} tháng {BLANK} năm {BLANK}"


def _guidance(profile: str) -> str:
    """The guidance the notice rests on, by its title: the source of the profile's criteria rules."""
    prof = _profile(profile)
    if prof is None:
        return GUIDANCE_BLANK
    # A district's own guidance (as Cần Đước's HD 10-HD/BTCHU) comes before the plan it carries out.
    local = [
        s for s in prof.sources.values() if s.number and "HD/" in s.number and "Huyện" in (s.issuer or "")
    ]
    rule = prof.rules.criteria_min_share
    src = local[0] if local else (prof.sources.get(rule.source) if rule is not None else None)
    if src is None:
        return GUIDANCE_BLANK
    date = (f", ngày {src.date}" if "/" in src.date else f" ({src.date})") if src.date else ""
    if src.number and src.title.startswith("Hướng dẫn"):
        text = f"Căn cứ Hướng dẫn số {src.number}{date}"
        text += f" của {src.issuer}" if src.issuer else ""
        text += f" về {src.title[:1].lower()}{src.title[1:]}"
    else:
        text = f"Căn cứ {src.title}"
        text += f" số {src.number}" if src.number and src.number not in src.title else ""
        text += date
        text += f" của {src.issuer}" if src.issuer and src.issuer not in src.title else ""
    return text + ","


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


def _groups(rows: list[DossierRow], issuer: Issuer) -> list[tuple[str, list[DossierRow]]]:
    """Units by the đảng bộ they belong to: those directly under the Huyện ủy first, then by name,
    an unread parent last. Spellings that differ only in accents or case (an OCR slip) are one group."""
    groups: dict[str, list[DossierRow]] = {}
    spellings: dict[str, Counter] = {}
    home = fold(f"đảng bộ huyện {issuer.district}") if issuer.district else None
    for r in rows:
        parent = " ".join((r.parent or "").split())
        key = fold(parent)
        if home and key == home:
            key, parent = " ", f"Trực thuộc Huyện ủy {issuer.district}"
        groups.setdefault(key, []).append(r)
        spellings.setdefault(key, Counter())[parent[:1].upper() + parent[1:] if parent else NO_PARENT] += 1
    order = sorted(groups, key=lambda k: (k == "", k))
    return [(spellings[k].most_common(1)[0][0], groups[k]) for k in order]


def _section(doc, rows: list[DossierRow], issuer: Issuer, reasons, label: str = "Lý do") -> None:
    if not rows:
        para(doc, "(không có)", italic=True, after=2, indent=1)
        return
    groups = _groups(rows, issuer)
    for parent, members in groups:
        if len(groups) > 1 or parent != NO_PARENT:
            p = para(doc, after=1, indent=1)
            run(p, f"{parent} ({len(members)}):", bold=True, italic=True)
        for r in members:
            _item(doc, r, reasons(r), label if label != "*" else r.verdict_vi)


def notice_docx(rows: list[DossierRow], profile: str, year: int, issuer: Issuer | None = None) -> bytes:
    """Exactly the ``dat`` dossiers are listed as meeting the standard; the others are listed apart."""
    issuer = issuer or Issuer()
    doc = new_document(size=14)
    # The reviewer's decision (hoso review), when there is one, places the unit; else the verdict.
    dat = [r for r in rows if r.listed_as == Verdict.DAT]
    khong_dat = [r for r in rows if r.listed_as == Verdict.KHONG_DAT]
    pending = [r for r in rows if r.listed_as not in (Verdict.DAT, Verdict.KHONG_DAT)]
    has_committee = any(r.kind_code == "dang_bo_co_so" for r in rows)
    who = "Tổ chức cơ sở đảng, chi bộ" if has_committee else "Chi bộ"
    model = "“Chi bộ 4 tốt”, “Đảng bộ cơ sở 4 tốt”" if has_committee else "“Chi bộ 4 tốt”"

    party_header(doc, issuer.superior, issuer.body, f"Số {BLANK}-TB/HU", issuer.date_line)
    para(doc, "THÔNG BÁO", bold=True, size=15, align="center", after=0)
    para(doc, f"kết quả đánh giá, công nhận {model} năm {year}", bold=True, size=14, align="center", after=0)
    para(doc, "-----", align="center", after=8)
    body = [
        _guidance(profile),
        f"Căn cứ kết quả tự đánh giá {model} và đề nghị của các tổ chức cơ sở đảng, chi bộ trực thuộc,",
        f"Căn cứ kết quả thẩm định của Ban Tổ chức Huyện ủy và quyết nghị của Ban Thường vụ Huyện ủy ngày {BLANK}, "
        f"Ban Thường vụ Huyện ủy thông báo kết quả đánh giá, công nhận {model} năm {year} như sau:",
    ]
    for text in body:
        para(doc, text, align="justify", after=4, indent=1)

    heading(doc, f"1. {who} đạt “4 tốt” ({len(dat)})", size=14)
    _section(doc, dat, issuer, lambda r: None)
    heading(doc, f"2. {who} không đạt “4 tốt” ({len(khong_dat)})", size=14)
    _section(doc, khong_dat, issuer, lambda r: r.reasons or ([r.note] if r.note else []))
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
        _section(doc, pending, issuer, lambda r: r.issues, label="*")

    closing = (
        "Đề nghị các đảng ủy, chi bộ cơ sở thông báo kết quả đến cán bộ, đảng viên. Những tổ chức đảng chưa đạt "
        f"“4 tốt” phải xây dựng kế hoạch khắc phục, thời gian hoàn thành {BLANK}"
    )
    para(doc, closing, align="justify", after=10, before=10)
    signature(
        doc,
        [
            "Nơi nhận:",
            "- Ban Tổ chức Tỉnh ủy (để báo cáo),",
            "- Các đồng chí Huyện ủy viên,",
            "- Các đảng ủy, chi bộ cơ sở,",
            "- Lưu Văn phòng Huyện ủy.",
        ],
        ["T/M BAN THƯỜNG VỤ", (issuer.signer_title or "Bí thư").upper()],
        None,
        name=issuer.signer_name,
    )
    return doc.to_bytes()


def write_notice(
    rows: list[DossierRow], profile: str, year: int, path: Path, issuer: Issuer | None = None
) -> None:
    from ..stages import write_atomic

    write_atomic(path, notice_docx(rows, profile, year, issuer or Issuer.from_settings()))
