"""From a read dossier to its result: documents, figures, findings and verdict."""

from __future__ import annotations

import datetime as dt

from .codes import REQUIRED_DOC_TYPES, SEVERITY, DocType, FlagCode, Severity
from .dossier import Dossier
from .model import DocumentEntry, Evidence, Flag, Result
from .verdict import decide


def _entry(f) -> DocumentEntry:
    text = f.text
    return DocumentEntry(
        file=f.file,
        sha256=f.sha256,
        type=f.doc_type,
        source=text.source if text else "none",
        pages=len(text.pages) if text else 0,
        ocr_confidence=text.ocr_confidence if text else None,
        page_methods=[p.method for p in text.pages] if text else [],
        classified_by=f.classified_by,
    )


def completeness(dossier: Dossier) -> list[Flag]:
    flags: list[Flag] = []
    present = {f.doc_type for f in dossier.files if f.error is None}
    for f in dossier.files:
        if f.error is not None:
            code = FlagCode(f.error.code)
            flags.append(
                Flag(
                    code=code,
                    severity=SEVERITY[code],
                    message=f"{f.file}: {f.error.message_vi}",
                    evidence=[Evidence(file=f.file, text=f.error.message_en)],
                )
            )
        elif f.doc_type == DocType.KHAC:
            flags.append(
                Flag(
                    code=FlagCode.UNRECOGNIZED_DOCUMENT,
                    severity=Severity.INFO,
                    message=f"{f.file}: không phải một trong bốn văn bản của hồ sơ ({f.classified_by})",
                    evidence=[Evidence(file=f.file, page=1, text=f.text.lines[0].text if f.text and f.text.lines else "")],
                )
            )
    for t in REQUIRED_DOC_TYPES:
        if t not in present:
            flags.append(
                Flag(code=FlagCode.MISSING_DOCUMENT, severity=Severity.ERROR, message=f"Thiếu văn bản: {t.value}")
            )
    return flags


def assess(dossier: Dossier, profile: str = "mac-dinh", *, today: dt.date | None = None) -> Result:
    flags = completeness(dossier)
    if dossier.problem is not None:
        flags = [
            Flag(
                code=FlagCode.NOT_PROCESSED,
                severity=Severity.ERROR,
                message=f"{dossier.problem.message_vi} / {dossier.problem.message_en}",
            ),
            *flags,
        ]
    return Result(
        dossier_id=dossier.id,
        profile=profile,
        verdict=decide(flags, anything_checked=False),
        documents=[_entry(f) for f in dossier.files],
        flags=flags,
        ignored_files=dossier.ignored,
    )
