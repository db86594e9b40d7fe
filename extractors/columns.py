"""Prose set in two columns, read column by column.

A bulletin or a report may set its body in two columns of prose without ruling lines. A text PDF (and
OCR) gives such a page line by line across both columns: "… có 19 đảng | Không có đảng viên vi phạm
phải", then "viên; trong đó 18 chính thức | xử lý kỷ luật.", so that no sentence is whole. A careful
reader sees the gutter (a vertical gap at the same place on every line, which no word crosses) and reads
down the left column first, then down the right one. This module does that on the lines of a page,
from the words' boxes; lines without boxes (Word), table rows and pages without such a run of lines
are left as they are.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from .model import Line, Provenance, Word

# The right column's first words start this close to one another: a share of the text's height (the
# same on a text PDF in points and on a scan in pixels), never under 4.
GUTTER_TOLERANCE = 0.4
MIN_GUTTER = 0.6  # the gap between the columns on a line, as a share of the text's height (a space is ~0.3)
MIN_SPLIT_LINES = 3  # lines split at the same gutter that make a run of two columns
MIN_PROSE_LINES = 2  # of which lines with prose (several words, some in lower case) on both sides
_LOWER = re.compile(r"[a-zà-ỹđ]")
_WORDLIKE = re.compile(r"[^\W_]")


def _split_at(words: Sequence[Word]) -> float | None:
    """The x where the right part of a line split into two cells begins: after its widest gap."""
    if len(words) < 2:
        return None
    gaps = [(b.bbox.x0 - a.bbox.x1, b.bbox.x0) for a, b in pairwise(words)]
    return max(gaps)[1]


def _two_cells(line: Line) -> bool:
    return bool(line.cells) and len([c for c in line.cells or [] if _WORDLIKE.search(c)]) == 2


def _prose(words: Sequence[Word]) -> bool:
    return len(words) >= 3 and bool(_LOWER.search(" ".join(w.text for w in words)))


def _sides(line: Line, gutter: float, tol: float, min_gap: float) -> tuple[list[Word], list[Word]] | None:
    """The line's words left and right of the gutter; None when a word crosses it. OCR specks ("_")
    in the gutter are dropped."""
    left, right = [], []
    for w in line.words:
        if not _WORDLIKE.search(w.text):
            continue
        if w.bbox.x1 <= gutter - 1.0:
            left.append(w)
        elif w.bbox.x0 >= gutter - tol:
            right.append(w)
        else:
            return None
    if right and abs(right[0].bbox.x0 - gutter) > tol:
        return None
    if left and right and right[0].bbox.x0 - left[-1].bbox.x1 < min_gap:
        return None  # a space between words of one line of prose, not the gap between two columns
    return left, right


def _line_of(words: list[Word], like: Line) -> Line:
    box = words[0].bbox
    for w in words[1:]:
        box = box.union(w.bbox)
    prov = like.prov
    return Line(
        text=" ".join(w.text for w in words),
        prov=Provenance(file=prov.file, page=prov.page, bbox=box, confidence=prov.confidence),
        words=list(words),
    )


def _run(lines: Sequence[Line], start: int) -> tuple[int, float, list[tuple[list[Word], list[Word]]]] | None:
    """The run of two-column lines beginning at ``start`` (a line split in two cells): its end, its
    gutter and each line's two sides; None when it is no run of prose columns."""
    first = lines[start]
    gutter = _split_at(first.words) if first.cells and len(first.cells) == 2 else None
    if gutter is None:
        return None
    heights = sorted(w.bbox.y1 - w.bbox.y0 for w in first.words)
    tol = max(4.0, GUTTER_TOLERANCE * heights[len(heights) // 2])
    min_gap = MIN_GUTTER * heights[len(heights) // 2]
    sides: list[tuple[list[Word], list[Word]]] = []
    end = start
    while end < len(lines):
        line = lines[end]
        if line.prov.table is not None or not line.words or line.prov.page != first.prov.page:
            break
        got = _sides(line, gutter, tol, min_gap)
        if got is None:
            break
        sides.append(got)
        end += 1
    # Lines of the left side only after the last one reaching the right column end the left column
    # when they follow at the run's line pitch; one further down is the next full-width paragraph.
    tops = [ln.prov.bbox.y0 for ln in lines[start:end] if ln.prov.bbox is not None]
    steps = sorted(b - a for a, b in pairwise(tops))
    pitch = steps[len(steps) // 2] if steps else 0.0
    last = max((k for k, s in enumerate(sides) if s[1]), default=-1)
    keep = last + 1
    while keep < len(sides):
        a, b = lines[start + keep - 1].prov.bbox, lines[start + keep].prov.bbox
        if a is None or b is None or b.y0 - a.y0 > 1.25 * pitch:
            break
        keep += 1
    del sides[keep:]
    end = start + keep
    # The gutter is the reader's: lines it split into two cells at that place, not words that happen to
    # start there on a page of full-width prose.
    split = [s for ln, s in zip(lines[start:end], sides, strict=True) if s[0] and s[1] and _two_cells(ln)]
    # A label and its value ("Tổng số đảng viên: | 17 đồng chí") are a list of pairs, not two columns.
    pairs = [s for s in split if s[0][-1].text.endswith(":")]
    prose = [s for s in split if _prose(s[0]) and _prose(s[1]) and s not in pairs]
    if 2 * len(pairs) >= len(split):
        return None
    if len(split) < MIN_SPLIT_LINES or len(prose) < MIN_PROSE_LINES:
        return None
    return end, gutter, sides


def reflow_columns(lines: Sequence[Line]) -> list[Line]:
    """``lines`` with each run of two prose columns read as its left column, then its right column."""
    out: list[Line] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        found = _run(lines, i) if line.prov.table is None and line.words else None
        if found is None:
            out.append(line)
            i += 1
            continue
        end, _gutter, sides = found
        run = lines[i:end]
        out += [_line_of(left, ln) for ln, (left, _) in zip(run, sides, strict=True) if left]
        out += [_line_of(right, ln) for ln, (_, right) in zip(run, sides, strict=True) if right]
        i = end
    return out
