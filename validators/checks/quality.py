"""Reading quality: OCR pages and values below the profile's confidence floor, pre-2018 rating words."""

from __future__ import annotations

from ..codes import FlagCode
from ..model import Evidence
from .base import FIELD_LABELS_VI, Context, num, show


def rule_keys(ctx: Context) -> set[str]:
    """The reading keys the profile's rules use (``criterion`` stands for every ``criterion.N``)."""
    fields = {f for _, rule in ctx.profile.items() for f in rule.fields}
    return {k for k in ctx.rec.chosen if k.split(".")[0] in fields}


def check_ocr(ctx: Context) -> None:
    floor = ctx.profile.rules.ocr_confidence_floor.floor
    cite = ctx.cite("ocr_confidence_floor")
    for f in ctx.dossier.files:
        if f.text is None:
            continue
        for page in f.text.pages:
            if page.method == "ocr" and page.confidence is not None and page.confidence < floor:
                first = next((ln.text for ln in page.lines if ln.text.strip()), "")
                ctx.add(
                    FlagCode.LOW_OCR_CONFIDENCE,
                    f"Trang {page.number} của “{f.file}” là ảnh quét, độ tin cậy nhận dạng chữ {num(page.confidence)}, "
                    f"dưới mức {num(floor)} ({cite}): các số đọc từ trang này cần đối chiếu với bản gốc.",
                    evidence=[Evidence(file=f.file, page=page.number, text=first, image=page.image)],
                    rule="ocr_confidence_floor",
                )
    for key in sorted(rule_keys(ctx)):
        c = ctx.rec.chosen[key]
        conf = c.reading.prov.confidence
        if conf is not None and conf < floor and id(c) not in ctx.explained:
            fld = key.split(".")[0]
            ctx.add(
                FlagCode.LOW_OCR_CONFIDENCE,
                f"Giá trị {FIELD_LABELS_VI.get(fld, fld)} = {show(c.value)} đọc từ dòng có độ tin cậy nhận dạng "
                f"{num(conf)}, dưới mức {num(floor)} ({cite}): cần đối chiếu với bản gốc.",
                evidence=[c.evidence()],
                rule="ocr_confidence_floor",
                field=fld,
            )


def check_legacy(ctx: Context) -> None:
    seen: set[str] = set()
    for c in ctx.rec.candidates.get("legacy_rating_label", []):
        if c.file.file in seen:
            continue
        seen.add(c.file.file)
        ctx.add(
            FlagCode.LEGACY_RATING_LABEL,
            f"“{c.file.file}” dùng mức xếp loại cũ (“{c.value}”), không còn dùng từ Quy định 132-QĐ/TW (2018); "
            "cần quy đổi sang bốn mức hiện hành (xuất sắc / tốt / hoàn thành / không hoàn thành nhiệm vụ).",
            evidence=[c.evidence()],
            field="legacy_rating_label",
        )
