"""Completeness: the four documents, duplicates, files that could not be read or are not part of a dossier."""

from __future__ import annotations

import re
from collections import defaultdict

from extractors.text import fold

from ..codes import DOC_TYPE_NAMES_VI, DocType, FlagCode, Severity
from ..model import Evidence
from .base import Context


def _first_line(ctx: Context, file: str) -> Evidence:
    for f in ctx.dossier.files:
        if f.file == file and f.text is not None:
            for page in f.text.pages:
                for line in page.lines:
                    if line.text.strip():
                        return Evidence(
                            file=file,
                            page=page.number,
                            text=line.text,
                            bbox=line.prov.bbox,
                            block=line.prov.block,
                            table=line.prov.table,
                            row=line.prov.row,
                            image=page.image if page.method == "ocr" else None,
                        )
    return Evidence(file=file)


_NAME_HINTS: tuple[tuple[DocType, re.Pattern[str]], ...] = (
    (DocType.BIEN_BAN_KIEM_PHIEU, re.compile(r"bien ?ban|kiem ?phieu|\bbb\b")),
    (DocType.TO_TRINH, re.compile(r"to ?trinh|\bttr\b")),
    (DocType.PHIEU_TU_DANH_GIA, re.compile(r"phieu|cham ?diem|tu ?danh ?gia")),
    (DocType.BAO_CAO, re.compile(r"bao ?cao|\bbc\b")),
)


def guess_type(file: str) -> DocType | None:
    """What a file's name suggests it is (only to word a message; the type comes from the text)."""
    name = re.sub(r"[_\-.]+", " ", fold(file.rsplit("/", 1)[-1]))
    return next((t for t, pattern in _NAME_HINTS if pattern.search(name)), None)


def check_completeness(ctx: Context) -> None:
    dossier = ctx.dossier
    if dossier.problem is not None:
        ctx.add(
            FlagCode.NOT_PROCESSED,
            f"Không mở được hồ sơ: {dossier.problem.message_vi} / {dossier.problem.message_en}",
            evidence=[Evidence(file=dossier.id, text=dossier.problem.detail or "")],
        )
    missing = ctx.missing_types
    rule = "required_documents"
    for f in dossier.files:
        if f.error is not None:
            code = (
                FlagCode(f.error.code) if f.error.code in FlagCode.__members__ else FlagCode.UNREADABLE_FILE
            )
            # An unreadable file may be the missing document: then the dossier is incomplete (error).
            severity = Severity.ERROR if code == FlagCode.UNREADABLE_FILE and missing else None
            what = "không đọc được" if code == FlagCode.UNREADABLE_FILE else "không được đọc"
            guess = guess_type(f.file)
            maybe = (
                f" Theo tên tệp, có thể đây là {DOC_TYPE_NAMES_VI[guess]}, văn bản hồ sơ đang thiếu."
                if severity and guess in missing
                else " Hồ sơ đang thiếu văn bản bắt buộc, có thể chính là tệp này."
                if severity
                else ""
            )
            ctx.add(
                code,
                f"Tệp “{f.file}” {what}: {f.error.message_vi}." + maybe,
                evidence=[Evidence(file=f.file, text=f.error.message_en)],
                severity=severity,
            )
        elif f.text is None or not f.text.lines:
            severity = Severity.ERROR if missing else None
            ctx.add(
                FlagCode.UNREADABLE_FILE,
                f"Tệp “{f.file}” mở được nhưng không có chữ nào đọc được (trang trắng hoặc ảnh quét không nhận dạng được): "
                "hãy mở tệp gốc kiểm tra, quét lại rõ hơn hoặc gửi bản Word/PDF có chữ.",
                evidence=[Evidence(file=f.file)],
                severity=severity,
            )
        elif f.doc_type == DocType.KHAC:
            ctx.add(
                FlagCode.UNRECOGNIZED_DOCUMENT,
                f"Tệp “{f.file}” không phải một trong bốn văn bản của hồ sơ (tờ trình, biên bản kiểm phiếu, "
                f"báo cáo, phiếu tự đánh giá); không dùng để xét.",
                evidence=[_first_line(ctx, f.file)],
            )
    readable = [f for f in dossier.files if f.error is None and f.text is not None and f.text.lines]
    by_type: dict[DocType, list[str]] = defaultdict(list)
    seen_hashes: set[str] = set()
    for f in readable:
        if f.sha256 in seen_hashes:
            continue  # an identical copy is flagged once, below, by content
        seen_hashes.add(f.sha256)
        if f.doc_type != DocType.KHAC:
            by_type[f.doc_type].append(f.file)
    for doc_type, files in by_type.items():
        if len(files) > 1:
            ctx.add(
                FlagCode.DUPLICATE_DOCUMENT,
                f"Có {len(files)} tệp cùng là {DOC_TYPE_NAMES_VI[doc_type]}: {', '.join(files)}. "
                f"Số liệu lấy từ “{files[0]}”; cần xác định bản nào là bản chính thức.",
                evidence=[_first_line(ctx, x) for x in files],
            )
    by_hash: dict[str, list[str]] = defaultdict(list)
    for f in dossier.files:
        if f.sha256:
            by_hash[f.sha256].append(f.file)
    for files in by_hash.values():
        if len(files) > 1:
            ctx.add(
                FlagCode.DUPLICATE_DOCUMENT,
                f"Các tệp {', '.join(files)} có nội dung giống hệt nhau (cùng mã băm SHA-256): nộp trùng một văn bản.",
                evidence=[Evidence(file=x) for x in files],
            )
    for doc_type in ctx.profile.rules.required_documents.types:
        if doc_type in missing:
            ctx.add(
                FlagCode.MISSING_DOCUMENT,
                f"Hồ sơ thiếu {DOC_TYPE_NAMES_VI[doc_type]} (một trong bốn văn bản bắt buộc, {ctx.cite(rule)}).",
                rule=rule,
                field=None,
            )
