"""What the desk's pages show: the batch as rows, a dossier's readings, flags and decision, page images."""

from __future__ import annotations

import datetime as dt
import io
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw

from extractors.vocabulary import FIELDS, DocType
from validators import Dossier, Result
from validators.reconcile import DEFAULT_PREFERENCE, PREFERENCE
from validators.review import correctable, enterable, flag_key

from ..reports.common import (
    VERDICT_COLOURS,
    VERDICT_ORDER,
    criteria_names,
    doc_type_vi,
    flag_title,
    format_number,
    kind_vi,
    unit_label,
    verdict_vi,
)
from ..reports.images import crop_box
from ..reports.sheet import FIGURES, _aliases
from .apply import load_dossier, load_result
from .store import DECISIONS_VI, STATUS_VI

log = logging.getLogger(__name__)

SEVERITY_VI = {"error": "Lỗi", "warning": "Cảnh báo", "info": "Thông tin"}
_LABELS: dict[str, str] = {alias: label for name, label in FIGURES for alias in _aliases(name)}
_LABELS |= {"unit_name": "Tên đơn vị", "parent_name": "Trực thuộc (đảng bộ cấp trên)", "year": "Năm đánh giá"}


def label_of(key: str, profile: str) -> str:
    """A reading's key in words: ``criterion.3`` → "Tiêu chí 3: Đoàn kết, kỷ luật tốt"."""
    if key.startswith("criterion."):
        n = key.split(".", 1)[1]
        names = criteria_names(profile)
        name = names[int(n) - 1] if n.isdigit() and 0 < int(n) <= len(names) else ""
        return f"Tiêu chí {n}" + (f": {name}" if name else "")
    if key.startswith("criterion_item."):
        return f"Mục {key.split('.', 1)[1]} (điểm tự chấm)"
    if key == "criteria_total":
        return "Tổng điểm tự chấm"
    if key in _LABELS:
        return _LABELS[key]
    words = FIELDS.get(key, key).split(": ", 1)[-1]
    return words[:1].upper() + words[1:]


def shown(value: Any) -> str:
    if isinstance(value, dict):
        score, top = value.get("score"), value.get("max")
        if score is None:
            return "—"
        return f"{format_number(score)}/{format_number(top)}" if top is not None else format_number(score)
    if value is None:
        return "—"
    return format_number(value) if isinstance(value, int | float) else str(value)


def editable(value: Any) -> str:
    """The value as it goes into the correction box (a score's number only, with a decimal comma)."""
    if isinstance(value, dict):
        value = value.get("score")
    if value is None:
        return ""
    if isinstance(value, float):
        return format_number(value)
    return str(value)


@dataclass
class BatchRow:
    id: str
    unit: str
    parent: str
    kind: str
    verdict: str
    verdict_vi: str
    colour: str
    pale: str
    verdict_read: str | None
    errors: int
    warnings: int
    codes: list[str]
    status: str
    status_vi: str
    decision_vi: str
    reviewer: str


def batch_rows(out: Path, decisions: dict[str, dict[str, Any]]) -> list[BatchRow]:
    rows = []
    for path in sorted(out.glob("*/result.json")):
        result = load_result(path.parent)
        if result is None:
            continue
        d = decisions.get(result.dossier_id) or {}
        review = result.review
        status = d.get("status") or (review.status if review else "chua_xem")
        strong, pale = VERDICT_COLOURS.get(result.verdict, ("#444", "#eee"))
        dismissed = set(review.flags) if review else set()
        live = [f for f in result.flags if flag_key(f) not in dismissed]
        rows.append(
            BatchRow(
                id=result.dossier_id,
                unit=unit_label(result.unit.name, result.dossier_id),
                parent=result.unit.parent or "",
                kind=kind_vi(result.unit.kind) or "—",
                verdict=str(result.verdict),
                verdict_vi=verdict_vi(result.verdict),
                colour=strong,
                pale=pale,
                verdict_read=_verdict_read(result),
                errors=sum(1 for f in live if f.severity == "error"),
                warnings=sum(1 for f in live if f.severity == "warning"),
                codes=sorted({str(f.code) for f in result.flags if f.severity in ("error", "warning")}),
                status=status,
                status_vi=STATUS_VI.get(status, status),
                decision_vi=DECISIONS_VI.get(d.get("decision") or "", ""),
                reviewer=d.get("by") or "",
            )
        )
    return rows


SORTS = {
    "verdict": lambda r: (VERDICT_ORDER.get(r.verdict, 9), r.unit.casefold()),
    "unit": lambda r: r.unit.casefold(),
    "parent": lambda r: (r.parent.casefold(), r.unit.casefold()),
    "status": lambda r: (list(STATUS_VI).index(r.status) if r.status in STATUS_VI else 9, r.unit.casefold()),
    "id": lambda r: r.id,
}


def filter_rows(rows: list[BatchRow], q: dict[str, str]) -> list[BatchRow]:
    out = rows
    if q.get("verdict"):
        out = [r for r in out if r.verdict == q["verdict"]]
    if q.get("flag"):
        out = [r for r in out if q["flag"] in r.codes]
    if q.get("parent"):
        out = [r for r in out if r.parent == q["parent"]]
    if q.get("status"):
        out = [r for r in out if r.status == q["status"]]
    return sorted(out, key=SORTS.get(q.get("sort") or "verdict", SORTS["verdict"]))


@dataclass
class ReadingRow:
    """One reading a reviewer can correct: where it was read, its value, a crop, the correction."""

    key: str
    label: str
    file: str
    file_sha256: str
    page: int | None
    text: str
    value: Any
    shown: str
    editable: str
    chosen: bool
    crop: str | None  # URL of the crop, when the page has a picture
    page_url: str | None
    corrected: dict[str, Any] | None = None  # the store's correction row
    read_shown: str = ""  # the value as read from the file, in words (when corrected)
    version: int = 0
    in_flag: bool = False


@dataclass
class MissingRow:
    """A figure a rule needed and the files did not yield: the reviewer enters it from a document."""

    key: str
    label: str
    documents: list[tuple[str, str]]  # (sha256, "file — kind of document"), the likeliest first
    hint: str  # what to type, e.g. "24,5/25"


@dataclass
class FlagView:
    key: str
    code: str
    title: str
    severity: str
    severity_vi: str
    message: str
    places: list[str]
    fields: list[str]
    decision: dict[str, Any] | None
    version: int


@dataclass
class DossierView:
    id: str
    unit: str
    parent: str
    kind: str
    year: int | None
    verdict: str
    verdict_vi: str
    colour: str
    pale: str
    verdict_read_vi: str | None
    profile: str
    readings: list[ReadingRow] = field(default_factory=list)
    flags: list[FlagView] = field(default_factory=list)
    decision: dict[str, Any] | None = None
    status: str = "chua_xem"  # ReviewData.status: the same words as the batch list
    missing: list[MissingRow] = field(default_factory=list)
    history: list[dict[str, Any]] = field(default_factory=list)
    documents: list[dict[str, Any]] = field(default_factory=list)
    readable: bool = True  # dossier.json is there: corrections can be re-checked


def _page_of(dossier: Dossier | None, sha: str, page: int | None):
    if dossier is None or page is None:
        return None, None
    for f in dossier.files:
        if f.sha256 == sha and f.text is not None and 1 <= page <= len(f.text.pages):
            return f, f.text.pages[page - 1]
    return None, None


def has_picture(dossier: Dossier | None, sha: str, page: int | None) -> bool:
    f, p = _page_of(dossier, sha, page)
    if p is None:
        return False
    if p.image and Path(p.image).is_file():
        return True
    return p.method == "pdf_text" and _source_path(dossier, f.file) is not None


def _source_path(dossier: Dossier | None, name: str) -> Path | None:
    if dossier is None or not dossier.files_root:
        return None
    root = Path(dossier.files_root)
    path = (root / name).resolve()
    if root.resolve() not in path.parents or not path.is_file():
        return None
    return path


def page_picture(out: Path, dossier: Dossier, sha: str, page: int) -> tuple[str, tuple[float, float]] | None:
    """A picture of the page (the OCR image kept, or a text PDF's page rendered once into OUT/.desk)."""
    f, p = _page_of(dossier, sha, page)
    if p is None:
        return None
    size = (p.width or 0, p.height or 0)
    if p.image and Path(p.image).is_file():
        return p.image, size
    src = _source_path(dossier, f.file)
    if p.method != "pdf_text" or src is None:
        return None
    cached = out / ".desk" / "pages" / f"{sha}-{page}.png"
    if not cached.is_file():
        import pypdfium2 as pdfium

        pdf = pdfium.PdfDocument(str(src))
        try:
            pg = pdf[page - 1]
            img = pg.render(scale=150 / 72).to_pil()
            if not size[0]:
                size = pg.get_size()
        finally:
            pdf.close()
        cached.parent.mkdir(parents=True, exist_ok=True)
        img.convert("RGB").save(cached)
    return str(cached), size


def crop_png(out: Path, dossier: Dossier, sha: str, page: int, box) -> bytes | None:
    pic = page_picture(out, dossier, sha, page)
    if pic is None or box is None:
        return None
    path, size = pic
    return crop_box(path, box, size if size[0] else None, width=560)


def page_png(out: Path, dossier: Dossier, sha: str, page: int, box) -> bytes | None:
    """The whole page with the value's box drawn (for the page viewer)."""
    pic = page_picture(out, dossier, sha, page)
    if pic is None:
        return None
    path, size = pic
    with Image.open(path) as src:
        img = src.convert("RGB")
    img.thumbnail((1100, 1600))
    if box is not None:
        sx = img.width / (size[0] or img.width)
        sy = img.height / (size[1] or img.height)
        draw = ImageDraw.Draw(img)
        draw.rectangle(
            (box.x0 * sx - 4, box.y0 * sy - 4, box.x1 * sx + 4, box.y1 * sy + 4),
            outline=(214, 40, 40),
            width=4,
        )
    buf = io.BytesIO()
    img.save(buf, "PNG", optimize=False)
    return buf.getvalue()


def dossier_view(out: Path, dossier_id: str, store, prefix: str = "") -> DossierView | None:
    from urllib.parse import quote, urlencode

    out_dir = out / dossier_id
    result: Result | None = load_result(out_dir)
    if result is None:
        return None
    dossier = load_dossier(out_dir)
    shas = {d.file: d.sha256 for d in result.documents}
    data = store.review_of(dossier_id, list(shas.values()))
    corr = {(c["file_sha256"], c["key"]): c for c in data.corrections}
    strong, pale = VERDICT_COLOURS.get(result.verdict, ("#444", "#eee"))
    view = DossierView(
        id=dossier_id,
        unit=unit_label(result.unit.name, dossier_id),
        parent=result.unit.parent or "",
        kind=kind_vi(result.unit.kind) or "—",
        year=result.year,
        verdict=str(result.verdict),
        verdict_vi=verdict_vi(result.verdict),
        colour=strong,
        pale=pale,
        verdict_read_vi=_verdict_read(result),
        profile=result.profile,
        decision=data.decision,
        status=data.status,
        readable=dossier is not None,
        history=[_history_row(h) for h in store.history(dossier_id, limit=30)],
        documents=[
            {"file": d.file, "type": doc_type_vi(d.type), "pages": d.pages, "sha": d.sha256}
            for d in result.documents
        ],
    )
    flagged_fields: set[str] = set()  # figures of flags without evidence
    flagged_places: set[tuple[str, str, str | None]] = set()  # (file, line, figure) of the flags' evidence
    for f in result.flags:
        key = flag_key(f)
        decision = data.flags.get(key) or store.flag_decision(dossier_id, key)
        places = []
        for e in f.evidence[:4]:
            places.append(f"{e.file}" + (f", trang {e.page}" if e.page else ""))
        dismissed = decision is not None and decision.get("action") == "dismissed"
        if not dismissed and f.severity in ("error", "warning"):
            if f.evidence:
                flagged_places.update((e.file, e.text, f.field) for e in f.evidence)
            elif f.field:
                flagged_fields.add(f.field)
        view.flags.append(
            FlagView(
                key=key,
                code=str(f.code),
                title=flag_title(str(f.code)),
                severity=str(f.severity),
                severity_vi=SEVERITY_VI.get(str(f.severity), str(f.severity)),
                message=f.message,
                places=places,
                fields=[f.field] if f.field else [],
                decision=decision if decision and decision.get("action") else None,
                version=decision["version"] if decision else 0,
            )
        )
    view.flags.sort(key=lambda v: ({"error": 0, "warning": 1}.get(v.severity, 2), v.title))
    # Readings as read (the dossier), so a corrected value still shows what the file says.
    seen: set[tuple[str, str]] = set()
    for key, readings in result.readings.items():
        for r in readings:
            sha = shas.get(r.file, "")
            c = corr.get((sha, key))
            read_value = c["read_value"] if c else r.value
            # A value the sums chose (validators.joint) is not a reading of the file: the desk corrects
            # what the file says, and the choice is made again from it.
            # A figure entered by hand (nothing read: read_value None) is corrected like one read.
            shape = r.value if read_value is None else read_value
            if r.rule == "joint" or (sha, key) in seen or not sha or not correctable(key, shape):
                continue
            seen.add((sha, key))
            picture = has_picture(dossier, sha, r.page) and r.bbox is not None
            params = {"sha": sha, "page": r.page or 0, "key": key}
            base = f"{prefix}/d/{quote(dossier_id, safe='')}"
            view.readings.append(
                ReadingRow(
                    key=key,
                    label=label_of(key, result.profile),
                    file=r.file,
                    file_sha256=sha,
                    page=r.page,
                    text=r.text,
                    value=r.value,
                    shown=shown(r.value),
                    editable=editable(r.value),
                    chosen=r.chosen,
                    crop=f"{base}/crop?{urlencode(params)}" if picture else None,
                    page_url=f"{base}/page?{urlencode(params)}" if picture else None,
                    corrected=c,
                    read_shown=shown(read_value),
                    version=c["version"] if c else 0,
                    in_flag=any(
                        (r.file, r.text) == (file, text) and _concerns(figure, key)
                        for file, text, figure in flagged_places
                    )
                    or any(_concerns(figure, key) for figure in flagged_fields),
                )
            )
    view.missing = missing_rows(result, {k for k, f in data.flags.items() if f["action"] == "dismissed"})
    order = {k: i for i, k in enumerate(result.readings)}
    view.readings.sort(key=lambda r: (not (r.in_flag or r.corrected), order.get(r.key, 0), r.file))
    return view


def missing_rows(result: Result, dismissed: set[str]) -> list[MissingRow]:
    """The figures the live FIELD_NOT_FOUND flags name, as rows a reviewer can fill in: a count or
    a percentage by its field, a criterion by its row ("criterion.3"); each offers the dossier's
    readable documents, the one that usually states the figure first."""
    fields: list[str] = []
    for f in result.flags:
        if str(f.code) == "FIELD_NOT_FOUND" and f.field and flag_key(f) not in dismissed:
            fields.append(f.field)
    keys: list[str] = []
    for fld in dict.fromkeys(fields):
        if fld == "criterion":
            scores = result.figures.criteria_scores or []
            tops = result.figures.criteria_max or []
            for i in range(1, len(criteria_names(result.profile)) + 1):
                known = (
                    i <= len(scores)
                    and scores[i - 1] is not None
                    and i <= len(tops)
                    and tops[i - 1] is not None
                )
                if not known:
                    keys.append(f"criterion.{i}")
        elif enterable(fld):
            keys.append(fld)
    docs = [d for d in result.documents if d.sha256 and DocType(d.type) != DocType.KHAC]
    rows = []
    for key in keys:
        prefer = PREFERENCE.get(key.split(".", 1)[0], DEFAULT_PREFERENCE)
        rank = {t: i for i, t in enumerate(prefer)}
        ordered = sorted(docs, key=lambda d: rank.get(DocType(d.type), len(rank)))
        rows.append(
            MissingRow(
                key=key,
                label=label_of(key, result.profile),
                documents=[(d.sha256, f"{d.file} — {doc_type_vi(d.type)}") for d in ordered],
                hint="ví dụ 24,5/25" if key.startswith("criterion.") else "ví dụ 12",
            )
        )
    return rows


def _concerns(figure: str | None, key: str) -> bool:
    """Whether a flag about ``figure`` (None: about its evidence) concerns the reading ``key``."""
    if figure is None:
        return True
    base = key.split(".", 1)[0]
    if figure.startswith("criteri"):
        return base.startswith("criteri")
    return figure in (key, base) or key in _aliases(figure) or figure.replace(".", "_") == key


def _history_row(h: dict[str, Any]) -> dict[str, Any]:
    """An audit row in words: values as a reviewer reads them, a flag by its title."""
    import json

    def words(raw: str | None) -> str:
        if raw is None:
            return "—"
        value = json.loads(raw)
        if h["what"] == "flag":
            return {"accepted": "chấp nhận", "dismissed": "bỏ qua"}.get(value, "chưa quyết định")
        if h["what"] == "decision" and isinstance(value, dict):
            return " · ".join(
                x
                for x in (
                    STATUS_VI.get(value.get("status"), ""),
                    DECISIONS_VI.get(value.get("decision") or "", ""),
                    value.get("note") or "",
                )
                if x
            )
        return shown(value)

    target = h.get("target") or ""
    if h["what"] == "flag":
        target = flag_title(target.split("#", 1)[0])
    elif h["what"] == "correction" and "#" in target:
        file, key = target.rsplit("#", 1)
        target = f"{key_label(key)} ({file})"
    elif h["what"] == "decision":
        target = ""
    at = h.get("at")
    if hasattr(at, "astimezone"):  # stored in UTC (SQLite gives it back without a zone): shown in local time
        at = (at if at.tzinfo else at.replace(tzinfo=dt.UTC)).astimezone()
    return {
        **h,
        "at": at.strftime("%d/%m/%Y %H:%M") if hasattr(at, "strftime") else at,
        "target": target,
        "old": words(h.get("old")),
        "new": words(h.get("new")),
    }


def key_label(key: str) -> str:
    return label_of(key, "mac-dinh")


def reading_box(dossier: Dossier, sha: str, key: str, page: int):
    """The box of the reading ``key`` on that page of that file (for crops and the page viewer)."""
    from validators.reconcile import reading_key

    for f in dossier.files:
        if f.sha256 != sha:
            continue
        for r in f.readings:
            if reading_key(r) == key and r.prov.page == page and r.prov.bbox is not None:
                return r.prov.bbox
    return None


def _verdict_read(result: Result) -> str | None:
    """The verdict the files gave, in words, when a reviewer's corrections changed it; else None."""
    review = result.review
    if review and review.verdict_read and review.verdict_read != result.verdict:
        return verdict_vi(review.verdict_read)
    return None
