"""Runs every rule family over one document and turns the values found into FieldReadings."""

from __future__ import annotations

import logging
import re

from ..model import DocumentText, Line
from ..vocabulary import DocType
from . import FieldReading
from .criteria import criterion_sentences, discipline, score_table, subordinate_table
from .figures import FigureReader, Hit
from .header import header_fields
from .numbers import fold_same_length
from .patterns import load_patterns, phrase_regex

log = logging.getLogger(__name__)

_FIGURE_TYPES = {DocType.TO_TRINH, DocType.BIEN_BAN_KIEM_PHIEU, DocType.BAO_CAO}


def extract(doc: DocumentText, doc_type: DocType) -> list[FieldReading]:
    """Every reading of every field in ``doc``; several readings of one field are all kept."""
    lines = doc.lines
    if not lines:
        return []
    patterns = load_patterns()
    hits: list[Hit] = list(header_fields(lines))
    kinds = [h.value for h in hits if h.field == "unit_kind"]
    is_chi_bo = bool(kinds) and kinds[0] == "chi_bo"
    hits += _legacy(lines, patterns.legacy_labels)
    if doc_type in _FIGURE_TYPES:
        ocr_pages = frozenset(p.number for p in doc.pages if p.method == "ocr")
        reader = FigureReader(patterns, doc_type.value, is_chi_bo, ocr_pages)
        hits += reader.read(lines, join=doc.source != "docx")
    if doc_type in (DocType.BAO_CAO, DocType.TO_TRINH):
        hits += discipline(lines)
        if not is_chi_bo:
            hits += subordinate_table(lines)
    if doc_type == DocType.PHIEU_TU_DANH_GIA:
        hits += score_table(lines)
    if doc_type in (DocType.TO_TRINH, DocType.PHIEU_TU_DANH_GIA, DocType.BAO_CAO):
        hits += criterion_sentences(lines)
    readings = []
    seen: set[tuple[str, str, int]] = set()
    for h in hits:
        key = (h.field, repr(h.value), id(h.line))
        if key in seen:  # one line read twice by two phrasings of the same rule
            continue
        seen.add(key)
        readings.append(_reading(h, doc_type))
    return readings


def _reading(h: Hit, doc_type: DocType) -> FieldReading:
    note = None
    if h.field == "doc_date" and h.value is None:
        note = "ngày không hợp lệ / impossible date"
    return FieldReading(
        field=h.field, value=h.value, raw=h.line.text, prov=h.line.prov, doc_type=doc_type, note=note
    )


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
