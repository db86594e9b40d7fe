"""Build dossiers with readings directly (no files, no extraction rules): each reading on its own line."""

from __future__ import annotations

import copy
import hashlib
from typing import Any

from extractors.fields import FieldReading
from extractors.model import Box, DocumentText, Line, Page, Provenance
from validators import Dossier, DossierFile
from validators.codes import DocType

TT, BB, BC, PH, KH = (
    DocType.TO_TRINH,
    DocType.BIEN_BAN_KIEM_PHIEU,
    DocType.BAO_CAO,
    DocType.PHIEU_TU_DANH_GIA,
    DocType.KHAC,
)
FILES = {
    TT: "To trinh.docx",
    BB: "Bien ban kiem phieu.docx",
    BC: "Bao cao.docx",
    PH: "Phieu tu danh gia.pdf",
    KH: "Khac.docx",
}

Readings = list[tuple[str, Any]]


def crit(
    index: int, score: float | None, maximum: float | None = 25, passed: bool | None = None
) -> tuple[str, dict]:
    return ("criterion", {"index": index, "max": maximum, "score": score, "passed": passed})


def item(criterion: int, name: str, score: float | None, maximum: float | None, passed: bool | None = None):
    return (
        "criterion_item",
        {"criterion": criterion, "item": name, "max": maximum, "score": score, "passed": passed},
    )


def header(unit: str, year: int, date: str) -> Readings:
    return [("unit_name", unit), ("year", year), ("doc_date", date)]


def clean_chi_bo() -> dict[DocType, Readings]:
    unit = "Chi bộ Phòng Tư pháp"
    return {
        TT: [
            *header(unit, 2024, "2024-12-20"),
            ("unit_kind", "chi_bo"),
            ("parent_name", "Đảng bộ Cơ quan Chính quyền huyện"),
            ("doc_number", "05-TTr/CB"),
            ("recipient", "Đảng ủy Cơ quan Chính quyền huyện"),
            ("signer", "Nguyễn Văn A"),
        ],
        BB: [
            *header("CHI BỘ PHÒNG TƯ PHÁP", 2024, "2024-12-15"),
            ("members_total", 15),
            ("members_official", 13),
            ("members_present", 13),
            ("ballots_issued", 13),
            ("ballots_returned", 13),
            ("ballots_valid", 13),
            ("ballots_invalid", 0),
            ("votes_for", 13),
            ("votes_against", 0),
            ("votes_for_pct", 100.0),
        ],
        BC: [
            *header(unit, 2024, "2024-12-10"),
            ("members_total", 15),
            ("members_rated", 15),
            ("rating_xuat_sac", 3),
            ("rating_tot", 10),
            ("rating_hoan_thanh", 2),
            ("rating_khong_hoan_thanh", 0),
            ("regular_meetings", 12),
            ("thematic_meetings", 4),
            ("attendance_pct", 93.5),
            ("disciplined_members", 0),
        ],
        PH: [
            *header(unit, 2024, "2024-12-10"),
            crit(1, 25),
            crit(2, 24.5),
            crit(3, 24),
            crit(4, 25),
            ("criteria_total", {"max": 100, "score": 98.5}),
        ],
    }


def clean_dang_bo() -> dict[DocType, Readings]:
    unit = "Đảng bộ Xã Tân Lân"
    return {
        TT: [*header(unit, 2024, "2024-12-20"), ("unit_kind", "dang_bo_co_so"), ("doc_number", "12-TTr/ĐU")],
        BB: [
            *header("ĐẢNG ỦY XÃ TÂN LÂN", 2024, "2024-12-15"),
            ("members_total", 210),
            ("members_official", 200),
            ("committee_members", 15),
            ("members_present", 14),
            ("ballots_issued", 14),
            ("ballots_returned", 14),
            ("ballots_valid", 14),
            ("votes_for", 14),
            ("votes_against", 0),
        ],
        BC: [
            *header(unit, 2024, "2024-12-10"),
            ("members_total", 210),
            ("regular_meetings", 12),
            ("thematic_meetings", 4),
            ("attendance_pct", 90.0),
            ("disciplined_members", 0),
            ("subordinates_total", 10),
            ("subordinates_xuat_sac", 2),
            ("subordinates_tot", 7),
            ("subordinates_hoan_thanh", 1),
            ("subordinates_khong_hoan_thanh", 0),
            ("subordinates_registered_bon_tot", 10),
            ("subordinates_bon_tot", 9),
        ],
        PH: [*header(unit, 2024, "2024-12-10"), crit(1, 25), crit(2, 25), crit(3, 24), crit(4, 25)],
    }


def set_value(
    docs: dict[DocType, Readings], doc_type: DocType, field: str, value: Any
) -> dict[DocType, Readings]:
    """Replace every reading of ``field`` in one document (None removes it); adds it when absent."""
    out = copy.deepcopy(docs)
    rows = out[doc_type]
    if field == "criterion":
        index = value[1]["index"] if isinstance(value, tuple) else None
        rows[:] = [r for r in rows if not (r[0] == "criterion" and r[1]["index"] == index)]
        rows.append(value)
        return out
    found = [i for i, r in enumerate(rows) if r[0] == field]
    if value is None:
        rows[:] = [r for r in rows if r[0] != field]
    elif found:
        for i in found:
            rows[i] = (field, value)
    else:
        rows.append((field, value))
    return out


def make_file(
    doc_type: DocType,
    readings: Readings,
    *,
    name: str | None = None,
    ocr: float | None = None,
    line_confidence: float | None = None,
    image: str | None = None,
    table: bool = False,
) -> DossierFile:
    name = name or FILES[doc_type]
    lines, rs = [], []
    for i, (field, value) in enumerate(readings):
        raw = f"{field}: {value}"
        prov = Provenance(
            file=name,
            page=1,
            block=i,
            table=0 if table else None,
            row=i if table else None,
            bbox=Box(x0=10, y0=20 * i, x1=300, y1=20 * i + 15) if ocr is not None else None,
            confidence=line_confidence,
        )
        lines.append(Line(text=raw, prov=prov))
        rs.append(FieldReading(field=field, value=value, raw=raw, prov=prov, doc_type=doc_type))
    if not lines:
        lines.append(Line(text="(văn bản)", prov=Provenance(file=name, page=1, block=0)))
    method = "ocr" if ocr is not None else "docx"
    page = Page(number=1, method=method, lines=lines, confidence=ocr, image=image)
    body = "\n".join(ln.text for ln in lines).encode()
    digest = hashlib.sha256(name.encode() + body).hexdigest()
    text = DocumentText(file=name, sha256=digest, source=method, pages=[page])
    return DossierFile(
        file=name, sha256=digest, text=text, doc_type=doc_type, classified_by="test", readings=rs
    )


def make_dossier(docs: dict[DocType, Readings], *extra: DossierFile, id: str = "hs") -> Dossier:
    files = [make_file(t, r) for t, r in docs.items()]
    return Dossier(id=id, files=[*files, *extra])
