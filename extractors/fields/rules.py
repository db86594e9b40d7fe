"""Runs every rule family over one document and turns the values found into FieldReadings."""

from __future__ import annotations

import logging
import re
from dataclasses import replace

from ..columns import columns_by_page, table_columns
from ..model import DocumentText, Line
from ..nlp.structures import default_reader
from ..tables import label_value_pairs
from ..text import wrapped_paragraphs
from ..vocabulary import DocType
from . import FieldReading
from .abbreviations import expand_abbreviations
from .criteria import criterion_sentences, discipline, heading_criterion, score_table, subordinate_table
from .criteria_columns import unfold_columns
from .figures import FigureReader, Hit
from .header import header_fields
from .numbers import fold_same_length, parse_number
from .patterns import load_patterns, phrase_regex

log = logging.getLogger(__name__)

_FIGURE_TYPES = {DocType.TO_TRINH, DocType.BIEN_BAN_KIEM_PHIEU, DocType.BAO_CAO}


def extract(doc: DocumentText, doc_type: DocType) -> list[FieldReading]:
    """Every reading of every field in ``doc``; several readings of one field are all kept."""
    lines = doc.lines
    if not lines:
        return []
    if doc_type in (DocType.BIEN_BAN_KIEM_PHIEU, DocType.BAO_CAO, DocType.TO_TRINH):
        # Text set in two columns: the left one read down, then the right one (PDF, OCR).
        lines = columns_by_page(lines)
    patterns = load_patterns()
    hits: list[Hit] = list(header_fields(lines))
    # Figures are read with the document's own abbreviations written out; readings keep the line as written.
    lines, originals = expand_abbreviations(lines)
    kinds = [h.value for h in hits if h.field == "unit_kind"]
    is_chi_bo = bool(kinds) and kinds[0] == "chi_bo"
    hits += _legacy(lines, patterns.legacy_labels)
    years = [h.value for h in hits if h.field == "year" and isinstance(h.value, int)]
    if doc_type in _FIGURE_TYPES:
        # A row pairing labels with values across ("Tổng số đảng viên | 18 | Số phiếu phát ra | 15") is
        # read as one row per pair.
        flines = [part for line in lines for part in label_value_pairs(line)]
        if doc_type == DocType.BIEN_BAN_KIEM_PHIEU:
            # Minutes set in two columns of items by a table without a grid: each column read down.
            flines = table_columns(flines)
        ocr_pages = frozenset(p.number for p in doc.pages if p.method == "ocr")
        reader = FigureReader(patterns, doc_type.value, is_chi_bo, ocr_pages, years[0] if years else None)
        # PDF and OCR lines are wrapped by the page; Word paragraphs only where a hard wrap cut them.
        join = wrapped_paragraphs(flines) if doc.source == "docx" else True
        keyword_hits = list(reader.read(flines, join=join))
        if doc_type in (DocType.BAO_CAO, DocType.TO_TRINH):
            # Through the structures' vetoes: "phấn đấu … không có đảng viên bị kỷ luật" is a target.
            keyword_hits += discipline(lines)
        hits += structured(
            keyword_hits,
            flines,
            doc_type.value,
            is_chi_bo,
            join=join,
            year=years[0] if years else None,
            keyword_rows=reader.year_rows,
        )
    if doc_type in (DocType.BAO_CAO, DocType.TO_TRINH) and not is_chi_bo:
        hits += subordinate_table(lines)
    if doc_type == DocType.PHIEU_TU_DANH_GIA:
        # Criteria set in columns side by side are read down each column, not across the page.
        lines = unfold_columns(lines, heading_criterion)
        hits += score_table(lines)
    if doc_type in (DocType.TO_TRINH, DocType.BAO_CAO):
        # A summary table's cells state the criteria's points as sentences; the phiếu's own score
        # table is score_table's.
        hits += criterion_sentences(lines, in_tables=True)
    elif doc_type == DocType.PHIEU_TU_DANH_GIA:
        hits += criterion_sentences(lines)
    readings = []
    seen: set[tuple[str, str, int]] = set()
    for h in hits:
        key = (h.field, repr(h.value), id(h.line))
        if key in seen:  # one line read twice by two phrasings of the same rule
            continue
        seen.add(key)
        if id(h.line) in originals:
            h = replace(h, line=originals[id(h.line)])
        readings.append(_reading(h, doc_type))
    return readings


_STRUCTURE_SCORE = 0.9
_KEYWORD_SCORE = 0.5


def structured(
    hits: list[Hit],
    lines: list[Line],
    doc_type: str,
    is_chi_bo: bool,
    join: bool | frozenset[int] = False,
    year: int | None = None,
    keyword_rows: set[int] | frozenset[int] = frozenset(),
) -> list[Hit]:
    """Keyword hits merged with what the structures of extractors/nlp read on the same lines.

    A figure a structure read on a line replaces the keyword readings of that figure on that line
    (the structure saw which number belongs to which figure); a veto (next year's targets, who took
    part in the vote) drops the readings whose number stands where it applies. On ``keyword_rows``
    (ids of table rows whose columns the keyword reader chose, as in a table comparing years) the
    keyword readings stand and the structures' readings are dropped, also where the reported year's
    cell is empty (the number the structure saw is another year's).
    """
    found = default_reader().read(lines, doc_type, is_chi_bo, join, year)
    by_line: dict[int, set[str]] = {}
    for r in found.readings:
        if id(r.line) not in keyword_rows:
            by_line.setdefault(id(r.line), set()).add(r.field)

    def vetoed(h: Hit) -> bool:
        line = h.at or h.line
        for v in found.vetoes:
            if v.line is not line or (v.fields is not None and h.field not in v.fields):
                continue
            if h.start is not None and v.start <= h.start < v.end:
                return True
            # A table row read by its label: a veto counts when it is about the label (or the row).
            if h.start is None and (v.fields is None or v.start <= _label_end(line)):
                return True
        return False

    def replaced(h: Hit) -> bool:  # the key's line, or the line its number stands on
        return h.field in by_line.get(id(h.line), ()) or h.field in by_line.get(id(h.at or h.line), ())

    out = [h for h in hits if not replaced(h) and not vetoed(h)]
    for h in out:
        h.score, h.rule = _KEYWORD_SCORE, "keyword"
    for r in found.readings:
        h = Hit(r.field, r.value, r.line, r.start)
        if vetoed(h) and r.structure != "target":
            continue
        if id(r.line) in keyword_rows:
            # A row of a table comparing years: which cell is the reported year's is the keyword
            # reader's to say (it read it, or the cell is empty); a structure reading the row as text
            # would take last year's number ("- Hoàn thành nhiệm vụ | 02 | " under "Năm 2023 | Năm 2024").
            continue
        h.score, h.rule = _STRUCTURE_SCORE, r.structure
        out.append(h)
    return out


def _label_end(line: Line) -> int:
    """Where the label cell of a table row ends in the row's text (cells joined by " | ")."""
    if not line.cells:
        return len(line.text)
    pos = 0
    for cell in line.cells:
        pos += len(cell)
        if re.search(r"[^\W\d_]{2}", cell):
            return pos
        pos += 3
    return pos


def _reading(h: Hit, doc_type: DocType) -> FieldReading:
    note = None
    if h.field == "doc_date" and h.value is None:
        note = "ngày không hợp lệ / impossible date"
    prov = h.line.prov
    conf = value_confidence(h.line, h.value)
    if conf != prov.confidence:
        prov = prov.model_copy(update={"confidence": conf})
    return FieldReading(
        field=h.field,
        value=h.value,
        raw=h.line.text,
        prov=prov,
        doc_type=doc_type,
        note=note,
        score=h.score,
        rule=h.rule,
    )


def value_confidence(line: Line, value: object) -> float | None:
    """The OCR confidence of the value itself: the lowest of the words that hold its numbers.

    A line's confidence is the mean of its words, so one doubtful digit ("7,5" read as "3,5" at 50)
    hides among confident labels (the line at 91). A number that no single word holds (split or
    merged by OCR) keeps the line's confidence; where one number stands in several words, the most
    confident of them is taken, since any of them may be the one read.
    """
    conf = line.prov.confidence
    if conf is None or not line.words:
        return conf
    for x in _numbers_in(value):
        found = [w.confidence for w in line.words if w.confidence is not None and _word_number(w.text) == x]
        if found:
            conf = min(conf, max(found))
    return conf


def _numbers_in(value: object) -> list[float]:
    if isinstance(value, bool):
        return []
    if isinstance(value, int | float):
        return [float(value)]
    if isinstance(value, dict):  # a score row: its score and maximum are what the rules read
        return [float(v) for k in ("score", "max") if isinstance(v := value.get(k), int | float)]
    return []


def _word_number(text: str) -> float | None:
    token = text.strip(" |:;()[]%*_.'\"")
    if not re.fullmatch(r"\d+(?:[.,]\d+)?", token):
        return None
    return parse_number(token)


def _legacy(lines: list[Line], labels: tuple[str, ...]) -> list[Hit]:
    regex = _legacy_regex(labels)
    out = []
    for line in lines:
        f = fold_same_length(line.text)
        m = regex.search(f)
        if m:
            out.append(Hit("legacy_rating_label", re.sub(r"\s+", " ", m.group(1)), line))
    return out


_CACHE: dict[tuple[str, ...], re.Pattern[str]] = {}


def _legacy_regex(labels: tuple[str, ...]) -> re.Pattern[str]:
    if labels not in _CACHE:
        _CACHE[labels] = phrase_regex(list(labels))
    return _CACHE[labels]
