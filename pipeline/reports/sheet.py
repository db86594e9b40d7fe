"""The review sheet as data: one view of a Result (and its Dossier) that the HTML and DOCX writers share."""

from __future__ import annotations

import datetime as dt
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extractors.model import Box, DocumentText, Line, Page
from extractors.text import fold
from extractors.vocabulary import REQUIRED_DOC_TYPES
from validators import Dossier, Result
from validators.model import Evidence, Flag, Reading

from .common import (
    SEVERITY_NAMES_VI,
    SEVERITY_ORDER,
    SOURCE_NAMES_VI,
    VERDICT_COLOURS,
    CriterionRule,
    criteria_names,
    criterion_rule,
    doc_type_vi,
    field_label,
    flag_title,
    format_number,
    kind_vi,
    profile_name,
    profile_title,
    verdict_line,
    verdict_vi,
)
from .images import ImageBudget, crop_box, render_pdf_page, thumbnail

MAX_EVIDENCE_PER_FLAG = 4  # more than this is listed by place only; the sheet stays readable
LOW_CONFIDENCE = 70.0  # below this an OCR page is shown in amber (a hint for the eye, not a rule)

# The key figures in reading order: (name in result.figures, label, names readings may be filed under).
FIGURES: tuple[tuple[str, str], ...] = (
    ("members_total", "Tổng số đảng viên"),
    ("members_official", "Đảng viên chính thức"),
    ("members_present", "Đảng viên có mặt khi biểu quyết"),
    ("voters_eligible", "Số người có quyền biểu quyết"),
    ("ballots_issued", "Phiếu phát ra"),
    ("ballots_returned", "Phiếu thu về"),
    ("ballots_valid", "Phiếu hợp lệ"),
    ("votes_for", "Phiếu tán thành"),
    ("votes_against", "Phiếu không tán thành"),
    ("ratings.xuat_sac", "Đảng viên hoàn thành xuất sắc nhiệm vụ"),
    ("ratings.tot", "Đảng viên hoàn thành tốt nhiệm vụ"),
    ("ratings.hoan_thanh", "Đảng viên hoàn thành nhiệm vụ"),
    ("ratings.khong_hoan_thanh", "Đảng viên không hoàn thành nhiệm vụ"),
    ("regular_meetings", "Kỳ sinh hoạt thường kỳ"),
    ("thematic_meetings", "Kỳ sinh hoạt chuyên đề"),
    ("attendance_pct", "Tỷ lệ đảng viên dự sinh hoạt (%)"),
    ("disciplined_members", "Đảng viên bị kỷ luật trong năm"),
    ("subordinates.total", "Chi bộ trực thuộc"),
    ("subordinates.at_least_hoan_thanh", "Chi bộ trực thuộc hoàn thành nhiệm vụ trở lên"),
    ("subordinates.at_least_tot", "Chi bộ trực thuộc hoàn thành tốt nhiệm vụ trở lên"),
    ("subordinates.bon_tot", "Chi bộ trực thuộc đạt “bốn tốt”"),
)
EXTRA_LABELS = {"unit_name": "Tên đơn vị", "year": "Năm đánh giá", "doc_date": "Ngày văn bản"}
# Readings that feed the criteria table rather than the figures table ("criterion.3", "criterion_item.1.2" …).
CRITERIA_READINGS = ("criterion", "criterion_item", "criteria_total", "criteria_scores", "criteria_max")
# Per-document particulars: shown with the documents, not as figures.
DOCUMENT_FIELDS = frozenset(
    {
        "doc_number",
        "doc_date",
        "place",
        "recipient",
        "signer",
        "signer_title",
        "parent_name",
        "unit_kind",
        "legacy_rating_label",
    }
)


def _aliases(name: str) -> tuple[str, ...]:
    """A figure's readings may be filed under its figure path or its extractor field name."""
    flat = name.replace(".", "_")
    out = [name, flat]
    if name.startswith("ratings."):
        out.append("rating_" + name.split(".", 1)[1])
    return tuple(dict.fromkeys(out))


@dataclass
class EvidenceView:
    """One piece of evidence as shown: where, and a crop, a table row or the sentence."""

    location: str
    text: str = ""
    crop: bytes | None = None
    cells: list[str] | None = None
    header: list[str] | None = None
    seen: int | None = None  # the crop is the one shown already under flag number ``seen``


@dataclass
class FlagView:
    severity: str
    severity_vi: str
    code: str
    title: str
    message: str
    rule: str | None
    source: str | None
    number: int = 0  # 1-based, in the order shown
    evidence: list[EvidenceView] = field(default_factory=list)
    more: list[str] = field(default_factory=list)  # places of evidence not shown in full


@dataclass
class FlagGroup:
    """Flags of one code and severity shown as one card: ten "value not read" flags read better as a list."""

    severity: str
    severity_vi: str
    code: str
    title: str
    flags: list[FlagView]


def group_flags(flags: list[FlagView]) -> list[FlagGroup]:
    groups: dict[tuple[str, str], FlagGroup] = {}
    for f in flags:
        key = (f.severity, f.code)
        if key not in groups:
            groups[key] = FlagGroup(f.severity, f.severity_vi, f.code, f.title, [])
        groups[key].flags.append(f)
    return list(groups.values())  # flags arrive sorted by severity, so groups are too


@dataclass
class ReadingView:
    value: str
    where: str
    text: str
    confidence: str
    chosen: bool
    differs: bool
    crop: bytes | None = None
    reviewer: str = ""  # "sửa bởi A (đọc được 21,5): lý do" / "nhập bởi A: lý do" when the desk changed it


@dataclass
class CriterionRow:
    index: int
    name: str
    max: str
    score: str
    pct: str
    passed: bool | None
    readings: list[ReadingView] = field(default_factory=list)
    alternatives: str = ""  # "tự chấm: đọc được 7,9 hoặc 79; …" from the score table's joint choice
    said: bool = False  # passed is the phiếu's own "Đạt" / "Không đạt" (a form without points)


_PASS_WORDS = {True: "Đạt", False: "Không đạt"}


def _said_pass(found: list) -> bool | None:
    """The Đạt / Không đạt a pass/fail phiếu writes for a criterion: the reading used, else the first."""
    said = [r for r in found if isinstance(r.value, dict) and isinstance(r.value.get("passed"), bool)]
    if not said:
        return None
    used = next((r for r in said if r.chosen), said[0])
    return bool(used.value["passed"])


@dataclass
class FigureRow:
    key: str
    label: str
    value: str
    readings: list[ReadingView]
    agreement: str  # "khop" | "lech" | "mot" | "khong"
    agreement_vi: str


@dataclass
class PageView:
    number: int
    method: str
    confidence: str
    low: bool
    thumb: bytes | None = None


@dataclass
class DocView:
    type_vi: str
    file: str
    source_vi: str
    pages: int
    methods: str
    confidence: str
    low: bool
    classified_by: str
    page_views: list[PageView] = field(default_factory=list)
    thumbs_left_out: int = 0


@dataclass
class SheetView:
    """Everything a review sheet shows, already in Vietnamese and in the order it is read."""

    dossier_id: str
    unit: str
    parent: str
    year: str
    kind: str
    kind_code: str
    profile: str
    profile_name: str
    verdict: str
    verdict_vi: str
    why: str
    colour: str
    pale: str
    counts: dict[str, int]
    flags: list[FlagView]
    criteria: list[CriterionRow]
    criterion: CriterionRule
    profile_title: str
    figures: list[FigureRow]
    documents: list[DocView]
    missing: list[str]
    ignored: list[str]
    processed_at: str
    version: str
    today: str
    # A re-submission (hoso watch): what it says of the earlier one, and the earlier sheet beside this one.
    resubmission: str = ""
    earlier_sheet: str = ""

    @property
    def groups(self) -> list[FlagGroup]:
        return group_flags(self.flags)


def _points(value: Any, key: str) -> float | None:
    """A criterion reading's score or maximum (its value is a dict {index, max, score, passed})."""
    if isinstance(value, dict):
        v = value.get(key)
        return float(v) if isinstance(v, int | float) and not isinstance(v, bool) else None
    return None


class _Texts:
    """The dossier's text looked up by file and place, to show table headers and page images."""

    def __init__(self, dossier: Dossier | None) -> None:
        self.docs: dict[str, DocumentText] = {}
        self.paths: dict[str, str] = {}  # where each file was read from, while it is still there
        if dossier is not None:
            for f in dossier.files:
                if f.text is not None:
                    self.docs[f.file] = f.text
                if f.path:
                    self.paths[f.file] = f.path

    def page(self, file: str, number: int | None) -> Page | None:
        doc = self.docs.get(file)
        if doc is None or number is None:
            return None
        return next((p for p in doc.pages if p.number == number), None)

    def row(self, file: str, table: int | None, row: int | None) -> tuple[Line | None, Line | None]:
        """The table row and the first row of its table (usually the column headings)."""
        doc = self.docs.get(file)
        if doc is None or table is None:
            return None, None
        rows = [ln for ln in doc.lines if ln.prov.table == table and ln.cells]
        if not rows:
            return None, None
        this = next((ln for ln in rows if ln.prov.row == row), None)
        head = rows[0] if this is not rows[0] else None
        return this, head


def _place_key(ev: Evidence) -> tuple:
    box = (round(ev.bbox.x0), round(ev.bbox.y0), round(ev.bbox.x1), round(ev.bbox.y1)) if ev.bbox else None
    return (ev.file, ev.page, ev.table, ev.row, ev.block, box)


def _place(
    file: str,
    source: str | None,
    page: int | None,
    table: int | None,
    row: int | None,
    block: int | None,
) -> str:
    parts = [file]
    if page is not None and source not in ("docx", "doc"):  # Word has no pages until printed
        parts.append(f"trang {page}")
    if table is not None:
        parts.append(f"bảng {table + 1}" + (f", dòng {row + 1}" if row is not None else ""))
    elif block is not None and source in ("docx", "doc"):
        parts.append(f"đoạn {block + 1}")
    return " · ".join(parts)


class _Builder:
    def __init__(self, result: Result, dossier: Dossier | None, budget: ImageBudget) -> None:
        self.result = result
        self.texts = _Texts(dossier)
        self.budget = budget
        self.sources = {d.file: d.source for d in result.documents}
        self.cache: dict[tuple[str, int], Any] = {}  # see images._open
        self.shown: dict[tuple, int] = {}  # crop place -> the flag number it is first shown under
        self.tmp: tempfile.TemporaryDirectory | None = None

    def _crop(
        self,
        file: str,
        page_no: int | None,
        bbox: Box | None,
        image: str | None,
        width: int,
        draw: bool = False,
    ) -> bytes | None:
        """A crop around ``bbox``; ``draw``: a text PDF's page may be drawn for it (flags' evidence only,
        so a clean text-PDF dossier costs no drawing)."""
        if bbox is None or self.budget.spent("crops"):
            return None
        page = self.texts.page(file, page_no)
        image = image or (page.image if page else None)
        if draw and not image and page is not None and page.method == "pdf_text" and file in self.texts.paths:
            image = render_pdf_page(self.texts.paths[file], page.number, self._drawn())
        if not image:
            return None
        size = (
            (page.width, page.height)
            if page and page.width and page.height and page.unit == bbox.unit
            else None
        )
        return self.budget.take("crops", crop_box(image, bbox, size, width=width, cache=self.cache))

    def _drawn(self) -> Path:
        """A folder for text-PDF pages drawn for crops, removed with the builder."""
        if self.tmp is None:
            self.tmp = tempfile.TemporaryDirectory(prefix="hoso-crops-")
        return Path(self.tmp.name)

    def close(self) -> None:
        if self.tmp is not None:
            self.tmp.cleanup()
            self.tmp = None

    def evidence(self, ev: Evidence) -> EvidenceView:
        source = self.sources.get(ev.file)
        view = EvidenceView(
            location=_place(ev.file, source, ev.page, ev.table, ev.row, ev.block),
            text=ev.text,
        )
        view.crop = self._crop(ev.file, ev.page, ev.bbox, ev.image, 640, draw=True)
        if ev.table is not None:
            line, head = self.texts.row(ev.file, ev.table, ev.row)
            if line is not None:
                view.cells = list(line.cells or [])
                view.header = list(head.cells or []) if head is not None else None
        return view

    def flag(self, flag: Flag, number: int = 0) -> FlagView:
        view = FlagView(
            number=number,
            severity=str(flag.severity),
            severity_vi=SEVERITY_NAMES_VI.get(flag.severity, str(flag.severity)),
            code=str(flag.code),
            title=flag_title(flag.code),
            message=flag.message,
            rule=flag.rule,
            source=flag.source,
        )
        # The same place read for several values (a table row, one line of a scan) is shown once.
        places: list[Evidence] = []
        for ev in flag.evidence:
            key = _place_key(ev)
            if all(_place_key(e) != key for e in places):
                places.append(ev)
        for i, ev in enumerate(places):
            if i < MAX_EVIDENCE_PER_FLAG:
                key = _place_key(ev)
                if ev.bbox is not None and key in self.shown:
                    shown = EvidenceView(
                        location=_place(
                            ev.file, self.sources.get(ev.file), ev.page, ev.table, ev.row, ev.block
                        ),
                        text=ev.text,
                        seen=self.shown[key],
                    )
                    view.evidence.append(shown)
                    continue
                shown = self.evidence(ev)
                if shown.crop is not None:
                    self.shown[key] = number
                view.evidence.append(shown)
            else:
                view.more.append(
                    _place(ev.file, self.sources.get(ev.file), ev.page, ev.table, ev.row, ev.block)
                )
        return view

    def criteria(self, rule: CriterionRule, names: tuple[str, ...]) -> list[CriterionRow]:
        fig = self.result.figures
        scores = list(fig.criteria_scores or [])
        maxes = list(fig.criteria_max or [])
        n = max(len(scores), len(maxes), 4)
        rows = []
        for i in range(n):
            score = scores[i] if i < len(scores) else None
            top = maxes[i] if i < len(maxes) else None
            pct = passed = None
            if score is not None and top:
                pct = 100 * score / top
                passed = rule.met(score, top)
            found = self.result.readings.get(f"criterion.{i + 1}", [])
            said = _said_pass(found) if score is None and top is None else None
            if said is not None:
                passed = said  # a pass/fail form: the phiếu's own word, not a share of points
            values = {(_points(r.value, "score"), _points(r.value, "max")) for r in found}
            views = []
            for r in found:
                view = self._reading(
                    r, len(values) > 1 and _points(r.value, "score") != score, (f"criterion.{i + 1}",)
                )
                if said is None:
                    view.value = (
                        f"{format_number(_points(r.value, 'score'))}/{format_number(_points(r.value, 'max'))}"
                    )
                else:
                    view.value = _PASS_WORDS.get(_said_pass([r]), "—")  # type: ignore[arg-type]
                views.append(view)
            rows.append(
                CriterionRow(
                    index=i + 1,
                    name=names[i] if i < len(names) else f"Tiêu chí {i + 1}",
                    max=format_number(top),
                    score=format_number(score),
                    pct=f"{format_number(round(pct, 1))}%" if pct is not None else "—",
                    passed=passed,
                    readings=views,
                    alternatives=self._cell_alternatives(i + 1),
                    said=said is not None,
                )
            )
        return rows

    def _cell_alternatives(self, index: int) -> str:
        """The score table's other readings of a criterion's cells: "tự chấm: đọc được 24,5 hoặc 245; why"."""
        out = []
        cells = [(f"criterion.{index}", "")]
        item_prefix = f"criterion_item.{index}."
        items = {k.rsplit(".", 1)[0] for k in self.result.alternatives if k.startswith(item_prefix)}
        cells += [(k, f"mục {k.removeprefix('criterion_item.')} ") for k in sorted(items)]
        for row, where in cells:
            for part, word in (("score", "tự chấm"), ("max", "điểm chuẩn")):
                alt = self.result.alternatives.get(f"{row}.{part}")
                if alt is None or isinstance(alt.value, dict):
                    continue
                read = " hoặc ".join(format_number(v) for v in [alt.value, *alt.others])
                out.append(f"{where}{word}: đọc được {read}" + (f" — {alt.why}" if alt.why else ""))
        return "; ".join(out)

    def _figure_value(self, name: str) -> Any:
        obj: Any = self.result.figures
        for part in name.split("."):
            obj = getattr(obj, part, None) if obj is not None else None
        return obj

    def _reviewer_note(self, r: Reading, keys: tuple[str, ...]) -> str:
        """What the reviewer did to this reading at the desk, in words (the sheet shows it beside it)."""
        review = self.result.review
        for c in review.corrections if review else []:
            if c.file == r.file and c.key in keys:
                read = c.read.get("score") if isinstance(c.read, dict) else c.read
                did = (
                    f"nhập bởi {c.by or 'người thẩm định'}"
                    if c.read is None
                    else (f"sửa bởi {c.by or 'người thẩm định'} (đọc được {format_number(read)})")
                )
                return did + (f": “{c.reason}”" if c.reason else "")
        return ""

    def _reading(self, r: Reading, differs: bool, keys: tuple[str, ...] = ()) -> ReadingView:
        return ReadingView(
            reviewer=self._reviewer_note(r, keys),
            value=format_number(r.value),
            where=(doc_type_vi(r.doc_type) + " — " if r.doc_type else "")
            + _place(r.file, self.sources.get(r.file), r.page, r.table, r.row, r.block),
            text=r.text,
            confidence=f"{format_number(round(r.confidence))}%" if r.confidence is not None else "",
            chosen=r.chosen,
            differs=differs,
            crop=self._crop(r.file, r.page, r.bbox, None, 420),
        )

    def figure_row(self, key: str, label: str, value: Any, readings: list[Reading]) -> FigureRow:
        def norm(v: Any) -> Any:
            if isinstance(v, int | float) and not isinstance(v, bool):
                return round(float(v), 2)
            return fold(str(v)) if v is not None else None

        distinct = {norm(r.value) for r in readings}
        chosen = next((r for r in readings if r.chosen), None)
        ref = norm(value) if value is not None else (norm(chosen.value) if chosen else None)
        if not readings:
            agreement, words = "khong", "chưa đọc được" if value is None else "—"
        elif len(distinct) > 1:
            agreement, words = "lech", f"lệch nhau ({len(distinct)} giá trị khác nhau)"
        elif len(readings) == 1:
            agreement, words = "mot", "một nguồn"
        else:
            agreement, words = "khop", f"khớp ({len(readings)} nơi)"
        views = [
            self._reading(r, len(distinct) > 1 and norm(r.value) != ref, _aliases(key)) for r in readings
        ]
        shown = value if value is not None else (chosen.value if chosen else None)
        alt = next(
            (self.result.alternatives[k] for k in _aliases(key) if k in self.result.alternatives), None
        )
        if alt is not None and readings:  # "đọc được 13 hoặc 15", and why the one used was chosen
            read = " hoặc ".join(format_number(v) for v in [alt.value, *alt.others])
            words = f"đọc được {read}" + (f"; {alt.why}" if alt.why else "")
        return FigureRow(key, label, format_number(shown), views, agreement, words)

    def figures(self) -> list[FigureRow]:
        readings = self.result.readings
        used: set[str] = set(CRITERIA_READINGS)
        rows = []
        is_party_committee = self.result.unit.kind == "dang_bo_co_so"
        for name, label in FIGURES:
            keys = _aliases(name)
            found = [r for k in keys for r in readings.get(k, [])]
            used.update(keys)
            value = self._figure_value(name)
            if name.startswith("subordinates.") and not is_party_committee and value is None and not found:
                continue
            rows.append(self.figure_row(name, label, value, found))
        for key, found in readings.items():
            base = key.split(".", 1)[0]
            if key in used or base in used or base in DOCUMENT_FIELDS or not found:
                continue
            if any(isinstance(r.value, dict | list) for r in found):
                continue
            label = EXTRA_LABELS.get(key) or field_label(key)
            rows.append(self.figure_row(key, label[:1].upper() + label[1:], None, found))
        return rows

    def documents(self) -> list[DocView]:
        views = []
        for d in self.result.documents:
            methods = list(d.page_methods)
            if methods and len(set(methods)) == 1:
                method_words = SOURCE_NAMES_VI.get(methods[0], methods[0])
                if len(methods) > 1:
                    method_words += f", cả {len(methods)} trang"
            elif methods:
                method_words = ", ".join(
                    f"tr.{i + 1}: {SOURCE_NAMES_VI.get(m, m)}" for i, m in enumerate(methods)
                )
            else:
                method_words = SOURCE_NAMES_VI.get(d.source, d.source)
            view = DocView(
                type_vi=doc_type_vi(d.type),
                file=d.file,
                source_vi=SOURCE_NAMES_VI.get(d.source, d.source),
                pages=d.pages,
                methods=method_words,
                confidence=f"{format_number(d.ocr_confidence)}%" if d.ocr_confidence is not None else "",
                low=d.ocr_confidence is not None and d.ocr_confidence < LOW_CONFIDENCE,
                classified_by=d.classified_by or "",
            )
            doc = self.texts.docs.get(d.file)
            for page in doc.pages if doc else []:
                if page.method != "ocr":
                    continue
                thumb = (
                    None if self.budget.spent("thumbs") else self.budget.take("thumbs", thumbnail(page.image))
                )
                if thumb is None and page.image:
                    view.thumbs_left_out += 1
                view.page_views.append(
                    PageView(
                        number=page.number,
                        method=SOURCE_NAMES_VI.get(page.method, page.method),
                        confidence=f"{format_number(page.confidence)}%"
                        if page.confidence is not None
                        else "",
                        low=page.confidence is not None and page.confidence < LOW_CONFIDENCE,
                        thumb=thumb,
                    )
                )
            views.append(view)
        return views


def build_sheet(
    result: Result,
    dossier: Dossier | None,
    *,
    budget: ImageBudget | None = None,
    today: dt.date | None = None,
) -> SheetView:
    """Turn a result into what the sheet shows; images are cut within ``budget``."""
    budget = budget or ImageBudget()
    b = _Builder(result, dossier, budget)
    verdict = str(result.verdict)
    strong, pale = VERDICT_COLOURS.get(verdict, ("#444", "#eee"))
    flags = sorted(result.flags, key=lambda f: SEVERITY_ORDER.get(f.severity, 9))
    counts = {s: sum(1 for f in flags if f.severity == s) for s in ("error", "warning", "info")}
    try:
        # Flags first: their crops matter more than thumbnails when the budget runs short.
        flag_views = [b.flag(f, i) for i, f in enumerate(flags, 1)]
        present = {d.type for d in result.documents}
        rule = criterion_rule(result.profile)
        return SheetView(
            dossier_id=result.dossier_id,
            unit=result.unit.name or "(chưa đọc được tên đơn vị)",
            parent=result.unit.parent or "",
            year=str(result.year) if result.year else "—",
            kind=kind_vi(result.unit.kind) or "—",
            kind_code=result.unit.kind or "",
            profile=result.profile,
            profile_name=profile_name(result.profile),
            verdict=verdict,
            verdict_vi=verdict_vi(verdict),
            why=verdict_line(verdict, flags, result.profile),
            colour=strong,
            pale=pale,
            counts=counts,
            flags=flag_views,
            criteria=b.criteria(rule, criteria_names(result.profile)),
            criterion=rule,
            profile_title=profile_title(result.profile),
            figures=b.figures(),
            documents=b.documents(),
            missing=[doc_type_vi(t) for t in REQUIRED_DOC_TYPES if t not in present],
            ignored=list(result.ignored_files),
            processed_at=(result.processed_at or "")[:16].replace("T", " "),
            version=result.hoso_version or "",
            today=(today or dt.date.today()).strftime("%d/%m/%Y"),
            resubmission=resubmission_line(result.resubmission_of),
            earlier_sheet=earlier_sheet(result.resubmission_of),
        )
    finally:
        b.close()


def _when(stamp: str | None) -> str:
    """An ISO time as staff read it (dd/mm/yyyy hh:mm, UTC as stored), or "" when there is none."""
    try:
        t = dt.datetime.fromisoformat(stamp or "")
    except ValueError:
        return ""
    return t.strftime("%d/%m/%Y %H:%M")


def resubmission_line(resub: dict | None) -> str:
    """One sentence saying this result replaces an earlier one of the same dossier, and how."""
    if not resub:
        return ""
    when = _when(resub.get("earlier_processed_at"))
    earlier = f"lần nộp trước (xử lý {when})" if when else "lần nộp trước"
    if resub.get("read_together"):
        n = len(resub.get("earlier_files_read") or [])
        how = f"các tệp mới được đọc cùng {n} tệp của {earlier}"
    else:
        how = f"hồ sơ này thay cho {earlier}"
    kept = " Kết quả lần trước được lưu trong thư mục history." if resub.get("earlier_result") else ""
    return f"Hồ sơ nộp lại / re-submission: {how}.{kept}"


def earlier_sheet(resub: dict | None) -> str:
    """The earlier review sheet, relative to this one (OUT/<id>/history/<time>/review.html)."""
    earlier = (resub or {}).get("earlier_result")
    if not earlier:
        return ""
    stamp = Path(earlier).parent
    return f"{stamp.parent.name}/{stamp.name}/review.html" if stamp.parent.name == "history" else ""
