"""Reading quality: OCR pages and values below the profile's confidence floor, pre-2018 rating words."""

from __future__ import annotations

from ..codes import DocType, FlagCode, Severity
from ..model import Evidence
from ..reconcile import Candidate
from .base import FIELD_LABELS_VI, Context, named, num, show

# Sums a dossier states itself: a count read on a blurred line is confirmed when it completes one of
# them exactly and every other term was read clearly (or is confirmed in turn). Each is (whole, parts).
COUNT_IDENTITIES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("members_total", ("members_official", "members_probationary")),
    ("ballots_returned", ("ballots_valid", "ballots_invalid")),
    ("ballots_valid", ("votes_for", "votes_against")),  # a yes/no ballot: every valid one is either
)
SCORE_TOLERANCE = 0.01


def rule_keys(ctx: Context) -> set[str]:
    """The reading keys the profile's rules use (``criterion`` stands for every ``criterion.N``)."""
    fields = {f for _, rule in ctx.profile.items() for f in rule.fields}
    return {k for k in ctx.rec.chosen if k.split(".")[0] in fields}


def _clear(ctx: Context, c: Candidate) -> bool:
    """Read from text, or by OCR at or above the floor."""
    conf = c.confidence()
    return conf is None or conf >= ctx.profile.rules.ocr_confidence_floor.floor


def _same_place(a: Candidate, b: Candidate) -> bool:
    pa, pb = a.reading.prov, b.reading.prov
    return a.file is b.file and (pa.page, pa.block, pa.table, pa.row, pa.bbox) == (
        pb.page,
        pb.block,
        pb.table,
        pb.row,
        pb.bbox,
    )


def _points(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def _same_value(a: object, b: object) -> bool:
    if isinstance(a, dict) and isinstance(b, dict):
        parts = [(_points(a.get(p)), _points(b.get(p))) for p in ("score", "max")]
        return any(x is not None for x, _ in parts) and all(
            (x is None) == (y is None) and (x is None or abs(x - y) <= SCORE_TOLERANCE) for x, y in parts
        )
    return a == b and a is not None


def _read_elsewhere(ctx: Context, key: str, c: Candidate) -> str | None:
    """Another clear reading of the same value, on another line or in another document."""
    for x in ctx.rec.candidates.get(key, []):
        if (
            x is c
            or x.file.doc_type == DocType.KHAC  # a paper outside the dossier confirms nothing of it
            or _same_place(x, c)
            or not _clear(ctx, x)
            or not _same_value(x.value, c.value)
        ):
            continue
        where = f"“{x.file.file}”" if x.file is not c.file else "một dòng khác của văn bản"
        return f"{where} cũng ghi {show(x.value)}"
    return None


def confirmed_readings(ctx: Context) -> dict[str, str]:
    """The chosen readings below the confidence floor that the dossier confirms, each with how: the same
    value read clearly elsewhere, or a sum the dossier states that it completes exactly while every other
    term is read clearly (or confirmed in turn). A value the score table's sums chose rather than read
    (rule "joint") is confirmed only by another reading: the sum it was chosen to fit proves nothing."""
    rec = ctx.rec
    doubtful = {k: c for k, c in rec.chosen.items() if not _clear(ctx, c)}
    out: dict[str, str] = {}
    for key, c in doubtful.items():
        if why := _read_elsewhere(ctx, key, c):
            out[key] = why
    # The score table: each row is two cells (score, maximum); a row is confirmed when both are.
    rows = {
        k: c
        for k, c in rec.chosen.items()
        if k.startswith(("criterion.", "criterion_item.", "criteria_total")) and isinstance(c.value, dict)
    }
    sums: list[tuple[str, tuple[str, ...], str]] = []
    crits = sorted(k for k in rows if k.startswith("criterion."))
    for k in crits:
        index = k.split(".", 1)[1]
        parts = tuple(x for x in rows if x.startswith(f"criterion_item.{index}."))
        if parts:
            sums.append((k, parts, f"các mục của tiêu chí {index} cộng lại đúng bằng điểm tiêu chí"))
    if "criteria_total" in rows and len(crits) > 1:
        sums.append(("criteria_total", tuple(crits), "các tiêu chí cộng lại đúng bằng tổng điểm"))
    cells_ok: dict[tuple[str, str], str] = {
        (k, p): why for k, why in out.items() if k in rows for p in ("score", "max")
    }

    def open_cell(k: str, p: str) -> bool:
        return k in doubtful and (k, p) not in cells_ok

    grown = True
    while grown:
        grown = False
        for whole, parts, words in sums:
            for p in ("score", "max"):
                vals = [_points(rows[k].value.get(p)) for k in (*parts, whole)]
                if any(v is None for v in vals) or abs(sum(vals[:-1]) - vals[-1]) > SCORE_TOLERANCE:
                    continue
                unsure = [k for k in (*parts, whole) if open_cell(k, p)]
                if len(unsure) == 1 and rows[unsure[0]].reading.rule != "joint":
                    cells_ok[(unsure[0], p)] = words
                    grown = True
    for k in rows:
        if k in doubtful and k not in out:
            present = [p for p in ("score", "max") if _points(rows[k].value.get(p)) is not None]
            if present and all((k, p) in cells_ok for p in present):
                out[k] = "; ".join(dict.fromkeys(cells_ok[(k, p)] for p in present))
    # Counts: the sums a dossier's member and ballot figures state.
    grown = True
    while grown:
        grown = False
        for whole, parts in COUNT_IDENTITIES:
            terms = (whole, *parts)
            vals = [_points(rec.value(k)) if k in rec.chosen else None for k in terms]
            if any(v is None for v in vals) or sum(vals[1:]) != vals[0]:
                continue
            unsure = [k for k in terms if k in doubtful and k not in out]
            if len(unsure) == 1:
                shown = f"{show(vals[0])} = " + " + ".join(show(v) for v in vals[1:])
                out[unsure[0]] = (
                    f"khớp với {FIELD_LABELS_VI.get(whole, whole)} = "
                    + " + ".join(FIELD_LABELS_VI.get(k, k) for k in parts)
                    + f" ({shown})"
                )
                grown = True
    return out


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
    confirmed = confirmed_readings(ctx)
    for key in sorted(rule_keys(ctx)):
        c = ctx.rec.chosen[key]
        conf = c.reading.prov.confidence
        if conf is not None and conf < floor and id(c) not in ctx.explained:
            fld = key.split(".")[0]
            what = f"Giá trị {named(c) if fld.startswith('criteri') else FIELD_LABELS_VI.get(fld, fld)} = {show(c.value)}"
            said = f"{what} đọc từ dòng có độ tin cậy nhận dạng {num(conf)}, dưới mức {num(floor)} ({cite})"
            # The dossier's own arithmetic or another document may settle the value: then the note stays
            # on the sheet, but there is nothing left for a person to decide.
            settled = confirmed.get(key)
            ctx.add(
                FlagCode.LOW_OCR_CONFIDENCE,
                f"{said}; nhưng hồ sơ xác nhận giá trị này: {settled}."
                if settled
                else f"{said}: cần đối chiếu với bản gốc.",
                evidence=[c.evidence()],
                rule="ocr_confidence_floor",
                field=fld,
                severity=Severity.INFO if settled else None,
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
