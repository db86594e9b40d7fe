"""A phiếu's criteria set in columns side by side, read column by column.

(`extractors.columns` reads any two columns of text found by their gutter alone; this module starts from
a row of criterion headings, which also finds columns of more than two, centred headings and Word cells.)

A form may set its sections in two (or more) columns without ruling lines: a row of headings
("TIÊU CHÍ 1 (…) | TIÊU CHÍ 3 (…)"), under each heading its paragraph, then maybe another row of
headings. Read line by line across the page, the columns' sentences interleave ("… của | đoàn kết
nội bộ: 8/8 điểm. b) Thực"). A careful reader reads down the first column, then the next: so does
:func:`unfold_columns`.

The layout is recognised by its row of headings: two or more cells, each the heading of a different
section (``heading`` says which), with prose under them (not a table of figures: "Tiêu chí 1 | Tiêu chí
2 | …" over rows of points is a table read across). A Word table gives each column's text as cells; a
PDF or OCR page gives lines whose words stand left or right of where the heading row's second cell
begins: the words are split at that edge, down to the first line a word of which crosses it.

What comes out: per column, each heading as a line of its own and the text under it as one paragraph
(its wrapped lines joined), in reading order.
"""

from __future__ import annotations

from collections.abc import Callable

from ..columns import line_of_words
from ..model import Box, Line, Word
from ..text import fold_keep_length

# A paragraph under a heading has words, not only figures: at least this many words in a column's
# text under the heading row (a table of points has one or two per cell).
_PROSE_WORDS = 8
# The gap between columns is wider than a space between words: more than this many word heights.
_GUTTER = 0.6
# A space between lines this much wider than any between the columns' lines ends the columns.
_AFTER_COLUMNS = 1.1
# Lines below a heading row looked at to find where its columns begin.
_LOOK_AHEAD = 12


def _words_per_cell(line: Line) -> list[list[Word]] | None:
    """The line's words cut into its cells (a PDF / OCR line's cells are its words joined); None when
    they do not match."""
    if not line.cells or not line.words:
        return None
    out: list[list[Word]] = []
    k = 0
    for cell in line.cells:
        n = len(cell.split())
        out.append(line.words[k : k + n])
        k += n
    if k != len(line.words) or any(not ws for ws in out):
        return None
    return out


def _heading_row(line: Line, heading: Callable[[str], int | None]) -> list[int] | None:
    """The sections a row of headings names, one per cell; None unless every cell (two or more) is
    the heading of a different one."""
    cells = [c for c in line.cells or [] if c.strip()]
    if len(cells) < 2:
        return None
    named = [heading(fold_keep_length(c).strip()) for c in cells]
    if any(n is None for n in named) or len(set(named)) != len(named):
        return None
    return named  # type: ignore[return-value]


def _joined(parts: list[Line]) -> Line:
    """Lines of one column's paragraph as one line (the first's provenance, the box around them all)."""
    words = [w for p in parts for w in p.words]
    box: Box | None = None
    for w in words:
        box = w.bbox if box is None else box.union(w.bbox)
    prov = parts[0].prov.model_copy(update={"bbox": box}) if box is not None else parts[0].prov
    text = " ".join(p.text.strip() for p in parts if p.text.strip())
    return Line(text=text, prov=prov, words=words)


def _paragraphs(col: list[tuple[Line, bool]]) -> list[Line]:
    """A column's lines (each with whether it stands in the row of headings): each heading alone, the
    lines between headings joined into one paragraph."""
    out: list[Line] = []
    run: list[Line] = []
    for ln, head in col:
        if not ln.text.strip():
            continue
        if head:
            if run:
                out.append(_joined(run))
                run = []
            out.append(ln)
        else:
            run.append(ln)
    if run:
        out.append(_joined(run))
    return out


def _split_words(line: Line, edges: list[float], slack: float, centred: bool) -> list[list[Word]] | None:
    """The line's words per column (cut at ``edges``, the left edges of the columns after the first;
    a row of headings may stand centred in them); None when the line runs across the columns: a word crosses an edge, or the words either side of
    one stand no wider apart than words of a sentence."""
    cols: list[list[Word]] = [[] for _ in range(len(edges) + 1)]
    for w in line.words:
        k = sum(1 for e in edges if w.bbox.x0 >= e - slack)
        if k < len(edges) and w.bbox.x1 > edges[k] + slack:
            return None
        cols[k].append(w)
    for k, e in enumerate(edges, 1):
        if not cols[k]:
            continue
        # Each column's text is set from its left edge, a gutter away from the text before it.
        if abs(cols[k][0].bbox.x0 - e) > slack and not centred:
            return None
        before = [w for ws in cols[:k] for w in ws]
        if before and cols[k][0].bbox.x0 - before[-1].bbox.x1 < _GUTTER * 2 * slack:
            return None
    return cols


def _edges(lines: list[Line], cells: list[list[Word]], slack: float) -> list[float]:
    """Where the columns after the first begin: a heading may stand centred over its column, so the
    edge is where most lines below set words after a gap (the heading's own start when none do)."""
    edges = []
    for k in range(1, len(cells)):
        start, prev = cells[k][0].bbox.x0, cells[k - 1][0].bbox.x0
        lo = start - (start - prev) / 4
        seen: dict[int, list[float]] = {}
        for ln in lines:
            for a, b in zip(ln.words, ln.words[1:], strict=False):
                if lo <= b.bbox.x0 <= start + slack and b.bbox.x0 - a.bbox.x1 >= _GUTTER * 2 * slack:
                    seen.setdefault(round(b.bbox.x0 / slack), []).append(b.bbox.x0)
        best = max(seen.values(), key=len, default=[])
        edges.append(min(best) if len(best) >= 2 else start)
    return edges


def _prose(cols: list[list[tuple[Line, bool]]]) -> bool:
    """Every column has a paragraph under its headings, not a figure or two."""
    return all(sum(len(ln.text.split()) for ln, head in col if not head) >= _PROSE_WORDS for col in cols)


def _table_columns(lines: list[Line], i: int, heading: Callable[[str], int | None]) -> tuple[list[Line], int]:
    """A Word table of text columns from its heading row ``i``: (its lines in reading order, the index
    after it); ([], i) when it is not one."""
    table = lines[i].prov.table
    j = i
    while j < len(lines) and lines[j].prov.table == table and lines[j].cells:
        j += 1
    width = len(lines[i].cells or [])
    if any(len(ln.cells or []) != width for ln in lines[i:j]):
        return [], i
    heads = [_heading_row(ln, heading) is not None for ln in lines[i:j]]
    cols = [
        [
            (Line(text=ln.cells[c], prov=ln.prov.model_copy(update={"cell": c})), head)  # type: ignore[index]
            for ln, head in zip(lines[i:j], heads, strict=True)
        ]
        for c in range(width)
    ]
    if not _prose(cols):
        return [], i
    return [p for col in cols for p in _paragraphs(col)], j


def _top(line: Line) -> float:
    return min(w.bbox.y0 for w in line.words)


def _page_columns(lines: list[Line], i: int, heading: Callable[[str], int | None]) -> tuple[list[Line], int]:
    """Text PDF / OCR lines in columns from the heading row ``i``: (their lines in reading order, the
    index after them); ([], i) when they are not."""
    cells = _words_per_cell(lines[i])
    if cells is None:
        return [], i
    heights = sorted(w.bbox.y1 - w.bbox.y0 for w in lines[i].words)
    slack = heights[len(heights) // 2] / 2  # a skewed scan's column edge wanders by a few pixels
    page = [ln for ln in lines[i + 1 : i + 1 + _LOOK_AHEAD] if ln.prov.page == lines[i].prov.page]
    edges = _edges(page, cells, slack)
    cols: list[list[tuple[Line, bool]]] = [[] for _ in range(len(edges) + 1)]
    j = i
    widest = 0.0  # the widest space between two lines of the columns so far
    while j < len(lines) and lines[j].words and lines[j].prov.page == lines[i].prov.page:
        if j > i:
            # A wider space than any between the columns' lines (their headings' included) ends them:
            # what stands under the columns is set apart from them.
            gap = _top(lines[j]) - _top(lines[j - 1])
            if widest and gap > _AFTER_COLUMNS * widest:
                break
            widest = max(widest, gap)
        head = _heading_row(lines[j], heading) is not None
        split = _split_words(lines[j], edges, slack, head)
        if split is None:
            break
        for k, ws in enumerate(split):
            if ws:
                cols[k].append((line_of_words(lines[j], ws), head))
        j += 1
    if j - i < 3 or not _prose(cols):
        return [], i
    return [p for col in cols for p in _paragraphs(col)], j


def unfold_columns(lines: list[Line], heading: Callable[[str], int | None]) -> list[Line]:
    """``lines`` with each run of text in columns read column by column (see the module docstring);
    ``heading`` names the section a heading (folded text) opens, None for any other text."""
    out: list[Line] = []
    i = 0
    while i < len(lines):
        ln = lines[i]
        if _heading_row(ln, heading) is not None:
            unfolded, j = _table_columns(lines, i, heading) if ln.prov.table is not None else ([], i)
            if not unfolded:
                unfolded, j = _page_columns(lines, i, heading)
            if unfolded:
                out += unfolded
                i = j
                continue
        out.append(ln)
        i += 1
    return out
