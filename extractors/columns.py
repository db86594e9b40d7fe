"""Two text columns side by side, read one after the other.

A page set in two columns without ruling lines ("I. THÀNH PHẦN" on the left, "II. KẾT QUẢ" on the
right) comes out of a text PDF or OCR as lines that run across both: the left column's line and the
right column's line at the same height are one line, and a sentence wrapped in the left column is cut
by the right column's words. A careful reader reads the left column down, then the right one.

The columns are found from the words' x-positions alone, so it works for PDF and OCR alike: a run of
lines that all leave one vertical band free of words (the gutter), most of them with words on both
sides of it, and the lines in between with words on one side only (a column's text wrapping). A
table of labels and values (a short number on the right) is left alone: both sides must be text.
"""

from __future__ import annotations

import re
from itertools import pairwise
from statistics import median

from .model import Line, Word
from .text import nfc

MIN_SPLIT_LINES = 3  # lines with words on both sides of the gutter, in one run
MIN_SIDE_WORDS = 3.0  # mean words with letters on each side of those lines: text, not label | value
GAP_HEIGHTS = 0.6  # a gutter is at least this many word heights wide
_LETTERS = re.compile(r"[^\W\d_]{2}")
_REAL = re.compile(r"[^\W_]")
WIDER = 2.0  # ... and this many times the line's own median space between words (a justified line
# stretches them all alike)


def _gaps(words: list[Word], least: float) -> list[tuple[float, float]]:
    real = [w for w in words if _REAL.search(w.text)]
    gaps = [(a.bbox.x1, b.bbox.x0) for a, b in pairwise(real)]
    if len(gaps) < 2:
        return []
    least = max(least, WIDER * median(b - a for a, b in gaps))
    return [(a, b) for a, b in gaps if b - a >= least]


def _side(words: list[Word], lo: float, hi: float) -> str | None:
    """ "left" or "right" when every word of the line is on that side of the band, else None."""
    real = [w for w in words if _REAL.search(w.text)]
    if not real:
        return None
    if all(w.bbox.x1 <= hi for w in real) and max(w.bbox.x1 for w in real) <= lo + (hi - lo) / 2:
        return "left"
    if all(w.bbox.x0 >= lo for w in real) and min(w.bbox.x0 for w in real) >= lo + (hi - lo) / 2:
        return "right"
    return None


def line_of_words(line: Line, words: list[Word]) -> Line:
    """The part of ``line`` made of ``words`` (a column's share of a line): their text, their box."""
    bbox = words[0].bbox
    for w in words[1:]:
        bbox = bbox.union(w.bbox)
    return Line(
        text=nfc(" ".join(w.text for w in words)),
        prov=line.prov.model_copy(update={"bbox": bbox}),
        words=words,
    )


def _accept(run: list[tuple[Line, str | None]], lo: float, hi: float) -> bool:
    split = [ln for ln, side in run if side is None]
    if len(split) < MIN_SPLIT_LINES or len(split) == len(run):
        return False  # no line wraps in a column: a table's rows, not columns of text
    mid = (lo + hi) / 2
    # A label and its value ("Tổng số đảng viên: | 17 đồng chí") line after line are a list of pairs.
    pairs = [ln for ln in split if any(w.text.endswith(":") for w in ln.words if w.bbox.x1 <= mid)]
    if 2 * len(pairs) >= len(split):
        return False
    left = [sum(1 for w in ln.words if w.bbox.x1 <= mid and _LETTERS.search(w.text)) for ln in split]
    right = [sum(1 for w in ln.words if w.bbox.x0 >= mid and _LETTERS.search(w.text)) for ln in split]
    return sum(left) / len(split) >= MIN_SIDE_WORDS and sum(right) / len(split) >= MIN_SIDE_WORDS


def _reorder(run: list[tuple[Line, str | None]], lo: float, hi: float) -> list[Line]:
    mid = (lo + hi) / 2
    left: list[Line] = []
    right: list[Line] = []
    for line, _side_of in run:
        # A mark OCR saw in the gutter ("_", "|") belongs to neither column.
        ws = [w for w in line.words if _REAL.search(w.text) or not (lo <= w.bbox.x0 and w.bbox.x1 <= hi)]
        lw = [w for w in ws if (w.bbox.x0 + w.bbox.x1) / 2 < mid]
        rw = [w for w in ws if (w.bbox.x0 + w.bbox.x1) / 2 >= mid]
        if lw:
            left.append(line_of_words(line, lw))
        if rw:
            right.append(line_of_words(line, rw))
    return left + right


def read_columns(lines: list[Line]) -> list[Line]:
    """The page's lines with each run of two text columns read left column first, then right."""
    heights = [w.bbox.y1 - w.bbox.y0 for ln in lines for w in ln.words]
    if not heights:
        return lines
    least = GAP_HEIGHTS * median(heights)
    out: list[Line] = []
    run: list[tuple[Line, str | None]] = []
    band: tuple[float, float] | None = None

    def close() -> None:
        nonlocal run, band
        if band is not None and run and _accept(run, *band):
            out.extend(_reorder(run, *band))
        else:
            out.extend(ln for ln, _ in run)
        run, band = [], None

    for line in lines:
        usable = line.words and line.prov.table is None and not line.header
        gaps = _gaps(line.words, least) if usable else []
        if band is not None and usable:
            lo, hi = band
            over = [(max(a, lo), min(b, hi)) for a, b in gaps if min(b, hi) > max(a, lo)]
            if over:
                band = max(over, key=lambda g: g[1] - g[0])
                run.append((line, None))
                continue
            side = _side(line.words, lo, hi)
            if side is not None:
                run.append((line, side))
                continue
        close()
        if gaps:
            band = max(gaps, key=lambda g: g[1] - g[0])
            run = [(line, None)]
        else:
            out.append(line)
    close()
    return out


def columns_by_page(lines: list[Line]) -> list[Line]:
    """:func:`read_columns` over each page's lines in turn."""
    out: list[Line] = []
    page: list[Line] = []
    for line in lines:
        if page and line.prov.page != page[-1].prov.page:
            out += read_columns(page)
            page = []
        page.append(line)
    return out + read_columns(page) if page else out


_DIGIT = re.compile(r"\d")


def _item(cell: str) -> bool:
    """A cell that is an item of text of its own: words and a figure ("2. Có mặt 11/11 đ/c")."""
    return len(_LETTERS.findall(cell)) >= MIN_SIDE_WORDS and _DIGIT.search(cell) is not None


def table_columns(lines: list[Line]) -> list[Line]:
    """A Word table without a grid that sets two columns of text side by side: each row's cells are
    items of their own ("1. Tổng số đảng viên 11 đ/c …" | "1. Phiếu phát ra 10 …"), not a label and
    its value. Read as text, the left column down, then the right one, each cell a line of prose.

    A table is read so when it has two cells a row and at least ``MIN_SPLIT_LINES`` rows whose two
    cells are both items; any other table (a label beside its value, a number alone) is left alone.
    """
    out: list[Line] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        key = (line.prov.page, line.prov.table)
        if line.prov.table is None or not line.cells:
            out.append(line)
            i += 1
            continue
        j = i
        while j < len(lines) and (lines[j].prov.page, lines[j].prov.table) == key and lines[j].cells:
            j += 1
        rows = lines[i:j]
        if all(len(r.cells or []) == 2 for r in rows) and (
            sum(1 for r in rows if all(_item(c) for c in r.cells or [])) >= MIN_SPLIT_LINES
        ):
            for side in (0, 1):
                for r in rows:
                    text = nfc((r.cells or ["", ""])[side])
                    if text:
                        out.append(Line(text=text, prov=r.prov.model_copy(update={"cell": side})))
        else:
            out.extend(rows)
        i = j
    return out


__all__ = ["columns_by_page", "line_of_words", "read_columns", "table_columns"]
