"""Reconciliation: from every reading of every document to one value per figure, keeping all the others.

Each figure is chosen by a preference of document types (below, ``PREFERENCE``): the ballots come
from the vote minutes, ratings and meetings from the report, criteria from the self-assessment.
Within one document type the earlier file wins, within a file a table row wins over prose (tables
are where the figures are stated on purpose), then reading order. Every other reading is kept in
``readings`` so the agreement checks can see disagreement. A figure that was not read is None.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field
from typing import Any

from extractors.fields import FieldReading
from extractors.text import fold

from .codes import DocType, UnitKind
from .dossier import Dossier, DossierFile
from .joint import (
    FAMILY,
    Relation,
    ScoreRow,
    cell_readings,
    choose,
    choose_scores,
    plausible_points,
    relations,
    top_values,
)
from .model import Alternatives, Evidence, Figures, Ratings, Reading, Subordinates, Unit
from .profiles import Profile

log = logging.getLogger(__name__)

TT, BB, BC, PH, KH = (
    DocType.TO_TRINH,
    DocType.BIEN_BAN_KIEM_PHIEU,
    DocType.BAO_CAO,
    DocType.PHIEU_TU_DANH_GIA,
    DocType.KHAC,
)
_VOTE = (BB, TT, BC, PH, KH)  # the vote minutes state the vote and who could vote
_REPORT = (BC, TT, BB, PH, KH)  # the report states the year's results
_PHIEU = (PH, BC, TT, BB, KH)  # the self-assessment states the scores
_HEADER = (TT, BC, BB, PH, KH)  # the proposal names the unit and year it asks for

PREFERENCE: dict[str, tuple[DocType, ...]] = {
    **{
        f: _VOTE
        for f in (
            "members_total",
            "members_official",
            "members_probationary",
            "members_excused",
            "members_present",
            "members_absent",
            "committee_members",
            "voters_eligible",
            "ballots_issued",
            "ballots_returned",
            "ballots_valid",
            "ballots_invalid",
            "votes_for",
            "votes_against",
            "votes_for_pct",
            "votes_against_pct",
        )
    },
    **{f: _PHIEU for f in ("criterion", "criterion_item", "criteria_total")},
    **{f: _HEADER for f in ("unit_name", "unit_kind", "parent_name", "year", "legacy_rating_label")},
}
DEFAULT_PREFERENCE = _REPORT  # ratings, meetings, attendance, discipline, subordinates …

# The per-document fields of result.json ``documents[].fields``.
DOCUMENT_FIELDS: tuple[str, ...] = (
    "unit_name",
    "unit_kind",
    "parent_name",
    "year",
    "doc_number",
    "doc_date",
    "place",
    "recipient",
    "signer",
    "signer_title",
)

_INT_FIGURES = (
    "members_total",
    "members_official",
    "members_present",
    "ballots_issued",
    "ballots_returned",
    "ballots_valid",
    "votes_for",
    "votes_against",
    "regular_meetings",
    "thematic_meetings",
    "disciplined_members",
    "members_rated",
    "members_excused",
    "committee_members",
    "ballots_invalid",
    "disciplined_organisations",
)
_RATINGS = {"xuat_sac": "rating_xuat_sac", "tot": "rating_tot", "hoan_thanh": "rating_hoan_thanh"}
_RATINGS["khong_hoan_thanh"] = "rating_khong_hoan_thanh"
# Figures whose other readings are shown beside the value used ("đọc được 13 hoặc 15").
FIGURE_KEYS = frozenset(
    (*_INT_FIGURES, *FAMILY, *_RATINGS.values(), "attendance_pct", "members_probationary", "members_absent")
)


@dataclass(frozen=True, eq=False)  # identity: the same reading is the same candidate
class Candidate:
    """One reading with the file it came from and its place in the dossier (for ordering)."""

    reading: FieldReading
    file: DossierFile
    file_index: int
    index: int

    @property
    def value(self) -> Any:
        return self.reading.value

    @property
    def doc_type(self) -> DocType:
        return self.reading.doc_type or self.file.doc_type

    def page_confidence(self) -> float | None:
        page = self._page()
        return page.confidence if page is not None else None

    def confidence(self) -> float | None:
        """The line's OCR confidence when known, else the page's."""
        conf = self.reading.prov.confidence
        return conf if conf is not None else self.page_confidence()

    def _page(self):
        text, number = self.file.text, self.reading.prov.page
        if text is None or number is None or not 1 <= number <= len(text.pages):
            return None
        return text.pages[number - 1]

    def evidence(self) -> Evidence:
        prov, page = self.reading.prov, self._page()
        image = page.image if page is not None and page.method == "ocr" else None
        return Evidence(
            file=self.file.file,
            page=prov.page,
            text=self.reading.raw,
            bbox=prov.bbox,
            block=prov.block,
            table=prov.table,
            row=prov.row,
            image=image,
        )

    def to_reading(self, chosen: bool) -> Reading:
        prov = self.reading.prov
        return Reading(
            value=self.value,
            text=self.reading.raw,
            file=self.file.file,
            doc_type=self.doc_type,
            page=prov.page,
            bbox=prov.bbox,
            block=prov.block,
            table=prov.table,
            row=prov.row,
            confidence=self.confidence(),
            chosen=chosen,
            score=self.reading.score,
            rule=self.reading.rule,
        )


def reading_key(r: FieldReading) -> str:
    """The key of a figure's readings: the field, or ``criterion.3`` / ``criterion_item.1.2`` for rows."""
    if r.field == "criterion" and isinstance(r.value, dict):
        return f"criterion.{r.value.get('index')}"
    if r.field == "criterion_item" and isinstance(r.value, dict):
        return f"criterion_item.{r.value.get('item')}"
    return r.field


@dataclass
class Reconciled:
    """The figures of a dossier with the readings behind each one."""

    figures: Figures
    unit: Unit
    year: int | None
    candidates: dict[str, list[Candidate]]  # key → every reading, preferred first
    chosen: dict[str, Candidate]
    doc_fields: dict[str, dict[str, Any]]
    derived: dict[str, list[Candidate]] = field(
        default_factory=dict
    )  # figure → readings it was computed from
    derived_how: dict[str, str] = field(default_factory=dict)
    derived_values: dict[str, Any] = field(default_factory=dict)
    why: dict[str, str] = field(default_factory=dict)  # figure → why the value used is not the first read
    cell_alternatives: dict[str, Alternatives] = field(
        default_factory=dict
    )  # score cell (``criterion.2.score``) → its readings, the one used and why
    # The relations the member and vote figures were chosen by (validators.joint.relations).
    relations: list[Relation] = field(default_factory=list)

    def value(self, key: str) -> Any:
        c = self.chosen.get(key)
        return c.value if c is not None else None

    def used(self, *keys: str) -> list[Candidate]:
        """The readings behind figures (chosen or the ones a derived figure was computed from)."""
        out: list[Candidate] = []
        for key in keys:
            if key in self.chosen:
                out.append(self.chosen[key])
            else:
                out.extend(self.derived.get(key, []))
        return list(dict.fromkeys(out))

    def evidence(self, *keys: str) -> list[Evidence]:
        return [c.evidence() for c in self.used(*keys)]

    def alternatives_out(self) -> dict[str, Alternatives]:
        """Figures read as more than one value: the value used, the others, and why it was chosen."""
        out: dict[str, Alternatives] = {}
        for key, cands in self.candidates.items():
            c = self.chosen.get(key)
            if c is None or (key not in FIGURE_KEYS and key not in self.why):
                continue
            others: dict[str, Any] = {}
            for x in cands:
                if _usable(x.value) and x.value != c.value:
                    others.setdefault(repr(x.value), x.value)
            if others:
                out[key] = Alternatives(value=c.value, others=list(others.values()), why=self.why.get(key))
        out.update(self.cell_alternatives)
        return out

    def readings_out(self) -> dict[str, list[Reading]]:
        """Every reading per key; a figure computed from others gets one chosen entry saying how."""
        out = {
            key: [c.to_reading(self.chosen.get(key) is c) for c in cands]
            for key, cands in self.candidates.items()
        }
        for key, sources in self.derived.items():
            if key in self.chosen or not sources:
                continue
            first = sources[0].to_reading(False)
            texts = "; ".join(c.reading.raw for c in sources)
            entry = first.model_copy(
                update={
                    "value": self.derived_values.get(key),
                    "text": f"tính {self.derived_how.get(key, '')}: {texts}",
                    "chosen": True,
                }
            )
            out.setdefault(key, []).insert(0, entry)
        return out


def _usable(value: Any) -> bool:
    if value is None or value == "":
        return False
    if isinstance(value, dict):
        return any(v is not None for k, v in value.items() if k in ("score", "max", "passed"))
    return True


def _rank(c: Candidate, order: tuple[DocType, ...]) -> tuple[int, int, float, int, int]:
    try:
        type_rank = order.index(c.doc_type)
    except ValueError:
        type_rank = len(order)
    in_table = 0 if c.reading.prov.table is not None else 1
    # Within a file, a reading a structure made (score 0.9) before a keyword's (0.5).
    return (type_rank, c.file_index, -c.reading.score, in_table, c.index)


def _number(value: Any, kind: type) -> Any:
    """Coerce a reading to int/float; a value of the wrong shape is not a reading of a number."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        if kind is int:
            return int(value) if float(value).is_integer() else None
        return float(value)
    return None


def collect(dossier: Dossier) -> dict[str, list[Candidate]]:
    """Every reading of every readable file, grouped by key, preferred first."""
    groups: dict[str, list[Candidate]] = {}
    for fi, f in enumerate(dossier.files):
        if f.error is not None:
            continue
        for i, r in enumerate(f.readings):
            groups.setdefault(reading_key(r), []).append(Candidate(r, f, fi, i))
    for key, cands in groups.items():
        order = PREFERENCE.get(key.split(".")[0], DEFAULT_PREFERENCE)
        cands.sort(key=lambda c, order=order: _rank(c, order))
    return groups


def unit_kind_of(name: str | None) -> UnitKind | None:
    """From the unit's name: "Chi bộ …" is a cell, "Đảng bộ …"/"Đảng ủy …" a party committee."""
    if not name:
        return None
    folded = fold(name)
    if folded.startswith("chi bo"):
        return UnitKind.CHI_BO
    if folded.startswith(("dang bo", "dang uy")):
        return UnitKind.DANG_BO_CO_SO
    return None


def _kind_value(value: Any) -> UnitKind | None:
    try:
        return UnitKind(str(value))
    except ValueError:
        return unit_kind_of(str(value))


def reconcile(dossier: Dossier, profile: Profile) -> Reconciled:
    groups = collect(dossier)
    chosen: dict[str, Candidate] = {}
    for key, cands in groups.items():
        for c in cands:
            if _usable(c.value):
                chosen[key] = c
                break
    rec = Reconciled(
        figures=Figures(),
        unit=Unit(),
        year=None,
        candidates=groups,
        chosen=chosen,
        doc_fields=_document_fields(dossier),
    )
    _names_agreed(rec)
    hint = (
        _kind_value(rec.value("unit_kind")) if "unit_kind" in chosen else unit_kind_of(rec.value("unit_name"))
    )
    _joint(rec, hint)
    fig = rec.figures
    for name in _INT_FIGURES:
        setattr(fig, name, _number(rec.value(name), int))
    fig.attendance_pct = _number(rec.value("attendance_pct"), float)
    fig.ratings = Ratings(**{k: _number(rec.value(f), int) for k, f in _RATINGS.items()})

    unit_name = rec.value("unit_name")
    kind = _kind_value(rec.value("unit_kind")) if "unit_kind" in chosen else None
    if kind is None:
        kind = unit_kind_of(unit_name)
        if kind is not None and "unit_name" in chosen:
            rec.derived["unit_kind"] = [chosen["unit_name"]]
            rec.derived_values["unit_kind"] = kind.value
            rec.derived_how["unit_kind"] = "theo tên đơn vị"
    rec.unit = Unit(name=unit_name, kind=kind, parent=rec.value("parent_name"))
    year = _number(rec.value("year"), int)
    rec.year = year

    _voters(rec, kind)
    _ratings_from_shares(rec)
    _lost_commas(rec, profile)
    _joint_scores(rec, profile)
    _criteria(rec, profile)
    if kind == UnitKind.DANG_BO_CO_SO or (
        kind is None and any(k.startswith("subordinates_") for k in chosen)
    ):
        _subordinates(rec)
    return rec


def _names_agreed(rec: Reconciled) -> None:
    """A unit's name OCR read in one document ("Bản Xeèo") while two or more others agree on another
    ("Bản Xèo"): the dossier's own agreement says which is the slip. Only a scanned reading yields."""
    for key in ("unit_name", "parent_name"):
        c = rec.chosen.get(key)
        if c is None or c.confidence() is None or not isinstance(c.value, str):
            continue
        files: dict[str, set[int]] = {}
        for x in rec.candidates.get(key, []):
            if isinstance(x.value, str) and x.value:
                files.setdefault(x.value.casefold(), set()).add(x.file_index)
        mine = c.value.casefold()
        best = max(files, key=lambda k: len(files[k]))
        if best != mine and len(files[best]) >= 2 and len(files[best]) > len(files.get(mine, ())):
            rec.chosen[key] = next(
                x for x in rec.candidates[key] if isinstance(x.value, str) and x.value.casefold() == best
            )
            rec.why[key] = (
                f"dùng {rec.chosen[key].value} (không phải {c.value}): các văn bản khác ghi như vậy"
            )


def stated_base(rec: Reconciled, pct_field: str) -> str | None:
    """The figure the chosen ``pct_field`` is a percentage of, when its own sentence says so
    ("đạt 92,31% so với tổng số người có quyền biểu quyết"); a base stated beside another reading
    of the percentage is not this one's."""
    pct = rec.chosen.get(pct_field)
    if pct is None:
        return None
    for c in rec.candidates.get(pct_field + "_base", []):
        if c.file is pct.file and c.reading.prov == pct.reading.prov and isinstance(c.value, str):
            return c.value
    return None


def _joint(rec: Reconciled, kind: UnitKind | None) -> None:
    """Member and vote figures chosen together by the dossier's arithmetic (validators.joint)."""
    options: dict[str, list[int]] = {}
    for f in FAMILY:
        vals = [v for c in rec.candidates.get(f, []) if (v := _number(c.value, int)) is not None]
        if vals:
            options[f] = top_values(vals)
    stated, unbased = [], []
    for count in ("votes_for", "votes_against"):
        base, pct = stated_base(rec, f"{count}_pct"), _number(rec.value(f"{count}_pct"), float)
        if base is not None and pct is not None:
            stated.append((count, base, pct))
        elif pct is not None:
            # "10 phiếu tán thành (90,91%)": a share of some base the ballot check also tries.
            unbased.append((count, pct))
    rec.relations = relations(kind, stated, unbased)
    choice = choose(options, rec.relations)
    for f, first in choice.changed.items():
        value = choice.values[f]
        rec.chosen[f] = next(c for c in rec.candidates[f] if _number(c.value, int) == value)
        rec.why[f] = (
            f"dùng {value} (không phải {first}) để khớp: " + "; ".join(choice.used)
            if choice.used
            else f"dùng {value} (không phải {first})"
        )
        log.info("joint choice: %s = %s rather than %s (%s)", f, value, first, "; ".join(choice.used))


def _lost_commas(rec: Reconciled, profile: Profile) -> None:
    """A score row whose score exceeds its maximum, or a criterion maximum beyond the profile's, by a
    lost decimal comma ("79" where the maximum is 8,4; "95,6" → "9,56") is read with the comma back,
    when exactly that makes it fit (validators.joint.plausible_points). The row as read stays a reading."""
    bounds = profile.rules.criteria_framework.max_points
    for key, c in list(rec.chosen.items()):
        if not key.startswith(("criterion.", "criterion_item.")) or not isinstance(c.value, dict):
            continue
        row, why = dict(c.value), []
        bound = None
        if key.startswith("criterion.") and bounds is not None:
            index = _number(row.get("index"), int)
            bound = bounds[index - 1] if index is not None and 1 <= index <= len(bounds) else None
        maximum = _points(row.get("max"))
        if maximum is not None and bound is not None:
            fixed, w = plausible_points(maximum, bound, exact=True)
            if w:
                row["max"], maximum = fixed, fixed
                why.append(w)
        score = _points(row.get("score"))
        fixed, w = plausible_points(score, maximum if maximum is not None else bound)
        if w:
            row["score"] = fixed
            why.append(w)
        if not why:
            continue
        reading = c.reading.model_copy(update={"value": row, "note": "; ".join(why)})
        fixed_c = Candidate(reading, c.file, c.file_index, c.index)
        rec.chosen[key] = fixed_c
        rec.candidates[key] = [fixed_c, *rec.candidates[key]]
        rec.why[key] = "; ".join(why)


_SCORE_KEYS = ("criterion.", "criterion_item.", "criteria_total")
_DOUBTFUL_OCR = 80.0  # a scanned row read below this confidence may have one digit wrong


def _joint_scores(rec: Reconciled, profile: Profile) -> None:
    """The score table chosen as a whole by its own sums (validators.joint.choose_scores): each cell's
    readings (as read, comma restored, a deduction applied, another document's, a doubtful OCR digit),
    the assignment that makes items add up to their criterion, criteria to the total, each score within
    its maximum and each maximum within the profile's. What changes keeps the rest as alternatives."""
    rows: list[ScoreRow] = []
    for key, c in rec.chosen.items():
        if not key.startswith(_SCORE_KEYS) or not isinstance(c.value, dict):
            continue
        v = c.value
        if key.startswith("criterion."):
            crit = _number(v.get("index"), int)
        elif key.startswith("criterion_item."):
            crit = _number(v.get("criterion"), int)
        else:
            crit = None
        if key != "criteria_total" and crit is None:
            continue
        conf = c.reading.prov.confidence
        ocr = conf is not None and conf < _DOUBTFUL_OCR
        score, maximum, deduction = (
            _points(v.get("score")),
            _points(v.get("max")),
            _points(v.get("deduction")),
        )
        row = ScoreRow(
            key,
            crit,
            score=cell_readings(
                score,
                _points(v.get("score_read")),
                deducted=maximum - deduction if maximum is not None and deduction is not None else None,
                ocr=ocr,
            ),
            max=cell_readings(
                maximum,
                _points(v.get("max_read")),
                deducted=score + deduction if score is not None and deduction is not None else None,
                ocr=ocr,
            ),
        )
        bounds = profile.rules.criteria_framework.max_points
        if (
            maximum is None
            and key.startswith("criterion.")
            and bounds is not None
            and 1 <= crit <= len(bounds)
        ):
            # The criterion's maximum not read: the profile's framework gives it (its row was found by
            # the criterion's name or number), so its items and the total can still be checked.
            row.max.add(bounds[crit - 1], "điểm tối đa theo khung điểm của bộ quy tắc")
        for other in rec.candidates.get(key, []):  # the same row read elsewhere (another document)
            if other is c or not isinstance(other.value, dict):
                continue
            for part in ("score", "max"):
                getattr(row, part).add(_points(other.value.get(part)), f"đọc ở {other.file.file}")
        rows.append(row)
    if not rows:
        return
    bounds = profile.rules.criteria_framework.max_points
    choice = choose_scores(rows, list(bounds) if bounds is not None else None)
    for key, parts in choice.changed.items():
        c = rec.chosen[key]
        value = dict(c.value)
        whys = []
        for part, (_first, chosen, why) in parts.items():
            value[part] = chosen
            word = "điểm tự chấm" if part == "score" else "điểm tối đa"
            whys.append(f"{word} {_show(chosen)} ({why})" if why else f"{word} {_show(chosen)}")
        why = "dùng " + ", ".join(whys) + (" để khớp: " + "; ".join(choice.used) if choice.used else "")
        # rule "joint": a value the sums chose, not a reading of the file (the desk corrects readings).
        reading = c.reading.model_copy(update={"value": value, "note": why, "rule": "joint"})
        fixed = Candidate(reading, c.file, c.file_index, c.index)
        rec.chosen[key] = fixed
        rec.candidates[key] = [fixed, *rec.candidates[key]]
        rec.why[key] = why
        for part, (_first, chosen, _) in parts.items():
            # The value as read, then the other readings worth a reviewer's eye (a doubtful scanned
            # digit is shown only when it was the one used): "đọc được 11,5 hoặc 11,35".
            opts = getattr(next(r for r in rows if r.key == key), part).options
            others = [
                x for i, (x, w) in enumerate(opts) if x != chosen and (i == 0 or "ảnh quét" not in (w or ""))
            ]
            others = others[:3]
            rec.cell_alternatives[f"{key}.{part}"] = Alternatives(value=chosen, others=others, why=why)
        log.info("joint score choice: %s = %s (%s)", key, value, why)


def _show(x: float | None) -> str:
    return "—" if x is None else f"{x:g}".replace(".", ",")


def _ratings_from_shares(rec: Reconciled) -> None:
    """A rating level stated only as a share ("25% hoàn thành xuất sắc nhiệm vụ") is counted from the
    members rated (or the total), when exactly one whole count gives that share."""
    fig = rec.figures
    base_key = "members_rated" if fig.members_rated else "members_total"
    base = fig.members_rated or fig.members_total
    if not base:
        return
    for level, field_name in _RATINGS.items():
        if getattr(fig.ratings, level) is not None or f"{field_name}_pct" not in rec.chosen:
            continue
        pct = _number(rec.value(f"{field_name}_pct"), float)
        if pct is None or not 0 <= pct <= 100:
            continue
        count = round(pct * base / 100)
        if abs(100 * count / base - pct) > 0.51:
            continue
        setattr(fig.ratings, level, count)
        rec.derived[field_name] = rec.used(f"{field_name}_pct", base_key)
        rec.derived_values[field_name] = count
        rec.derived_how[field_name] = f"tính từ tỷ lệ {pct:g}% trên {base} đảng viên"


def _voters(rec: Reconciled, kind: UnitKind | None) -> None:
    """voters_eligible: as stated; else official less excused (cell) or committee members (party committee)."""
    fig = rec.figures
    stated = _number(rec.value("voters_eligible"), int)
    if stated is not None:
        fig.voters_eligible = stated
        return
    if kind == UnitKind.CHI_BO and fig.members_official is not None:
        # Excused members (miễn sinh hoạt) are not counted; when none are stated, none are excused.
        fig.voters_eligible = fig.members_official - (fig.members_excused or 0)
        rec.derived_values["voters_eligible"] = fig.voters_eligible
        rec.derived["voters_eligible"] = rec.used("members_official", "members_excused")
        rec.derived_how["voters_eligible"] = "số đảng viên chính thức" + (
            " trừ số được miễn" if fig.members_excused else ""
        )
    elif kind == UnitKind.DANG_BO_CO_SO and fig.committee_members is not None:
        fig.voters_eligible = fig.committee_members
        rec.derived_values["voters_eligible"] = fig.voters_eligible
        rec.derived["voters_eligible"] = rec.used("committee_members")
        rec.derived_how["voters_eligible"] = "số đảng ủy viên"


def _points(value: Any) -> float | None:
    """A score or maximum; a negative number is a misreading (SCORE_INCONSISTENT shows it), not a score."""
    n = _number(value, float)
    return n if n is not None and n >= 0 else None


def _criteria(rec: Reconciled, profile: Profile) -> None:
    framework = profile.rules.criteria_framework
    n = framework.count
    scores: list[float | None] = [None] * n
    maxima: list[float | None] = [None] * n
    seen = False
    items = _items_by_criterion(rec)
    for i in range(1, n + 1):
        key = f"criterion.{i}"
        row = rec.value(key)
        if isinstance(row, dict):
            seen = True
            scores[i - 1] = _points(row.get("score"))
            maxima[i - 1] = _points(row.get("max"))
            if scores[i - 1] is None and items.get(i):
                scores[i - 1] = _from_items(rec, key, items[i], "score", maxima[i - 1])
            elif maxima[i - 1] is None and items.get(i):
                maxima[i - 1] = _from_items(rec, key, items[i], "max", scores[i - 1])
        elif items.get(i) and not _ocr_read(items[i]):
            # No criterion row: its score is the sum of its items, when every item has one. Not on a
            # scan: there a missing criterion row usually means missing item rows too.
            rows = [c.value for c in items[i]]
            seen = True
            if all(_points(r.get("score")) is not None for r in rows):
                scores[i - 1] = sum(_points(r.get("score")) for r in rows)
            if all(_points(r.get("max")) is not None for r in rows):
                maxima[i - 1] = sum(_points(r.get("max")) for r in rows)
            framework_max = framework.max_points[i - 1] if framework.max_points is not None else None
            if (
                framework_max is not None
                and maxima[i - 1] is not None
                and abs(maxima[i - 1] - framework_max) > 0.01
            ):
                # The items read do not cover the criterion (a row lost to OCR): their sum is not its score.
                scores[i - 1] = maxima[i - 1] = None
            rec.derived[key] = items[i]
            rec.derived_how[key] = "cộng các mục con"
            if scores[i - 1] is not None:
                rec.cell_alternatives[f"{key}.score"] = Alternatives(
                    value=scores[i - 1],
                    others=[],
                    why="không đọc được dòng tiêu chí; lấy tổng điểm các mục của nó / "
                    "criterion row not read: sum of its items",
                )
            rec.derived_values[key] = {"index": i, "score": scores[i - 1], "max": maxima[i - 1]}
        elif items.get(i):
            seen = True  # scanned items without their criterion row: the criterion stays unread
        if maxima[i - 1] is None and framework.max_points is not None:
            maxima[i - 1] = framework.max_points[i - 1]
    seen = _one_criterion_from_total(rec, scores, maxima) or seen
    if seen:
        rec.figures.criteria_scores = scores
        rec.figures.criteria_max = maxima


# What a criterion row read without one of its columns is taken as, said beside it on the sheet.
_FROM_ITEMS_WHY = {
    "score": (
        "điểm tự chấm của tiêu chí không đọc được; lấy tổng điểm các mục ({parts} = {total}), "
        "các mục cộng lại bằng điểm tối đa {known} / criterion score not read: sum of its items"
    ),
    "max": (
        "điểm tối đa của tiêu chí không đọc được; lấy tổng điểm tối đa các mục ({parts} = {total}), "
        "điểm tự chấm các mục cộng lại bằng {known} / criterion max not read: sum of its items' maxima"
    ),
}


def _from_items(
    rec: Reconciled, key: str, items: list[Candidate], missing: str, known: float | None
) -> float | None:
    """A criterion row read without its ``missing`` column ("score" or "max"): the sum of its items'
    values in that column, when every item has both and the other column adds up to the criterion's
    ``known`` value (so no item row was lost); a score never above its maximum. Said in the alternatives."""
    other = "max" if missing == "score" else "score"
    column = {col: [_points(c.value.get(col)) for c in items] for col in ("score", "max")}
    if None in column["score"] or None in column["max"] or known is None:
        return None
    if abs(sum(column[other]) - known) > 0.01:  # type: ignore[arg-type]
        return None
    total = round(sum(column[missing]), 2)  # type: ignore[arg-type]
    if (total > known + 0.01) if missing == "score" else (total < known - 0.01):
        return None
    parts = " + ".join(_show(x) for x in column[missing])
    why = _FROM_ITEMS_WHY[missing].format(parts=parts, total=_show(total), known=_show(known))
    rec.cell_alternatives[f"{key}.{missing}"] = Alternatives(value=total, others=[], why=why)
    rec.derived[key] = [rec.chosen[key], *items]
    rec.derived_how[key] = "cộng các mục con"
    rec.derived_values[key] = {**rec.chosen[key].value, missing: total}
    return total


def _ocr_read(cands: list[Candidate]) -> bool:
    return any(c.reading.prov.confidence is not None for c in cands)


def _one_criterion_from_total(
    rec: Reconciled, scores: list[float | None], maxima: list[float | None]
) -> bool:
    """When exactly one criterion's maximum (or self-score) was not read and the total row's was, it is
    the total less the others': first the maximum, then the score.

    Arithmetic on values the document states, shown to the reviewer as derived, never a guess: with two
    rows missing, the total not read, or rows that do not add up to the total's other part, the
    criterion stays unread.
    """
    total = rec.chosen.get("criteria_total")
    if total is None or not isinstance(total.value, dict):
        return False
    t_score, t_max = _points(total.value.get("score")), _points(total.value.get("max"))
    filled = False
    for part, values, whole in (("max", maxima, t_max), ("score", scores, t_score)):
        missing = [i for i, v in enumerate(values) if v is None]
        if whole is None or len(missing) != 1:
            continue
        i = missing[0]
        others = [j for j in range(len(values)) if j != i]
        if any(values[j] is None for j in others):
            continue
        value = round(whole - sum(values[j] for j in others), 2)  # type: ignore[misc]
        if part == "max":
            # The total's score must be the rows' scores (when all were read): else the total row is
            # not this table's sum, and nothing follows from it.
            known = [x for x in scores if x is not None]
            if t_score is not None and len(known) == len(scores) and abs(sum(known) - t_score) > 0.01:
                continue
            if value <= 0 or (scores[i] is not None and scores[i] > value + 0.01):  # type: ignore[operator]
                continue
            maxima[i] = value
        else:
            if any(maxima[j] is None for j in others):
                continue
            maximum = round(t_max - sum(maxima[j] for j in others), 2) if t_max is not None else None  # type: ignore[misc]
            if maximum is None or (maxima[i] is not None and abs(maxima[i] - maximum) > 0.01):
                continue  # the rest does not add up: SCORE_INCONSISTENT territory, not ours to fill
            if not 0 <= value <= maximum:
                continue
            scores[i], maxima[i] = value, maximum
        key = f"criterion.{i + 1}"
        if key in rec.chosen:  # the row was read without this part: say where the value comes from
            word = "điểm tối đa" if part == "max" else "điểm tự chấm"
            rec.cell_alternatives[f"{key}.{part}"] = Alternatives(
                value=maxima[i] if part == "max" else scores[i],
                others=[],
                why=f"{word} của tiêu chí không đọc được; lấy tổng điểm trừ các tiêu chí còn lại / "
                f"criterion {part} not read: the total less the other criteria",
            )
        rows = [rec.chosen[f"criterion.{j + 1}"] for j in others if f"criterion.{j + 1}" in rec.chosen]
        rec.derived[key] = [total, *rows]
        rec.derived_how[key] = "lấy tổng điểm trừ các tiêu chí còn lại"
        rec.derived_values[key] = {"index": i + 1, "score": scores[i], "max": maxima[i]}
        filled = True
    return filled


def _items_by_criterion(rec: Reconciled) -> dict[int, list[Candidate]]:
    out: dict[int, list[Candidate]] = {}
    for key, c in rec.chosen.items():
        if key.startswith("criterion_item.") and isinstance(c.value, dict):
            crit = _number(c.value.get("criterion"), int)
            if crit is not None:
                out.setdefault(crit, []).append(c)
    return out


def _subordinates(rec: Reconciled) -> None:
    """The subordinate cells' figures; a cumulative level ("… trở lên") not stated is derived only
    where the report's own figures give it: the levels added up, the whole less the levels below
    (the four levels are exhaustive), or the level above plus the one level between."""

    def v(name: str) -> int | None:
        return _number(rec.value(f"subordinates_{name}"), int)

    xs, tot, ht, kht = v("xuat_sac"), v("tot"), v("hoan_thanh"), v("khong_hoan_thanh")
    total = v("total")
    sub = Subordinates(
        total=total,
        at_least_hoan_thanh=v("at_least_hoan_thanh"),
        at_least_tot=v("at_least_tot"),
        bon_tot=v("bon_tot"),
    )
    rec.figures.subordinates_registered_bon_tot = v("registered_bon_tot")

    def derive(name: str, value: int, how: str, *used: str) -> None:
        setattr(sub, name, value)
        key = f"subordinates_{name}"
        rec.derived_values[key] = value
        rec.derived[key] = rec.used(*(f"subordinates_{u}" for u in used))
        rec.derived_how[key] = how

    if sub.total is None and None not in (xs, tot, ht, kht):
        # Every cell is rated at one of the four levels: counted by level, they are all the cells.
        derive(
            "total",
            xs + tot + ht + kht,
            "cộng số chi bộ theo bốn mức xếp loại",
            "xuat_sac",
            "tot",
            "hoan_thanh",
            "khong_hoan_thanh",
        )  # type: ignore[operator]
    if sub.at_least_tot is None:
        if None not in (xs, tot):
            derive("at_least_tot", xs + tot, "cộng số chi bộ xuất sắc và tốt", "xuat_sac", "tot")  # type: ignore[operator]
        elif None not in (total, ht, kht) and total >= ht + kht:  # type: ignore[operator]
            derive(
                "at_least_tot",
                total - ht - kht,  # type: ignore[operator]
                "tổng số chi bộ trừ số hoàn thành và không hoàn thành nhiệm vụ",
                "total",
                "hoan_thanh",
                "khong_hoan_thanh",
            )
    if sub.at_least_hoan_thanh is None:
        if None not in (xs, tot, ht):
            derive(
                "at_least_hoan_thanh",
                xs + tot + ht,
                "cộng số chi bộ theo từng mức",
                "xuat_sac",
                "tot",
                "hoan_thanh",  # type: ignore[operator]
            )
        elif None not in (total, kht) and total >= kht:  # type: ignore[operator]
            derive(
                "at_least_hoan_thanh",
                total - kht,  # type: ignore[operator]
                "tổng số chi bộ trừ số không hoàn thành nhiệm vụ",
                "total",
                "khong_hoan_thanh",
            )
        elif sub.at_least_tot is not None and ht is not None and "subordinates_at_least_tot" in rec.chosen:
            derive(
                "at_least_hoan_thanh",
                sub.at_least_tot + ht,
                "số chi bộ hoàn thành tốt nhiệm vụ trở lên cộng số hoàn thành nhiệm vụ",
                "at_least_tot",
                "hoan_thanh",
            )
    rec.figures.subordinates = sub


def _document_fields(dossier: Dossier) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for f in dossier.files:
        fields: dict[str, Any] = {}
        for r in f.readings:
            if r.field in DOCUMENT_FIELDS and r.field not in fields and _usable(r.value):
                fields[r.field] = r.value
        out[f.file] = fields
    return out


def parse_date(value: Any) -> dt.date | None:
    """An ISO date string (as the rules give it) or a date; anything else is None."""
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None
