"""One table model for every source: build a :class:`~extractors.model.Table` from a grid of cells.

The readers find the cells their own way — Word's ``w:tc`` (docx), pdfplumber's tables from the
ruling lines of a text PDF, the grid of a scanned page (:func:`extractors.readers.prepare.find_grids`)
— and hand a rectangular grid of :class:`~extractors.model.Cell` to :func:`build_table`, which
decides how many rows are header, merges the header per column into one label ("Điểm tối" over
"đa" → "Điểm tối đa"; a merged "Điểm" over "Tối đa" | "Tự chấm" → "Điểm Tối đa", "Điểm Tự chấm")
and gives each column a role (:func:`column_role`). :func:`table_lines` turns the table back into
:class:`~extractors.model.Line` rows (``cells`` as before, plus ``header`` and ``roles``) and
:func:`link_tables` numbers a document's tables and lets a table that goes on over a page take the
header of the one it continues.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .model import Box, Cell, ColumnRole, Line, Page, Provenance, SourceKind, Table, Word
from .text import fold, nfc

# Role words, folded. Checked in this order: "Điểm tự chấm" also says "điểm", "Kết quả tự đánh giá"
# also says "kết quả", so the specific words go first. A space between two words may be missing:
# OCR glues the words of a short header cell ("Tốiđa").


def _role_words(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern.replace(" ", r"\s*"))


_ROLE_WORDS: list[tuple[ColumnRole, re.Pattern[str]]] = [
    ("index", _role_words(r"^\W*(stt|tt|so tt|so thu tu)\W*$")),
    # A column that says a figure again in words ("Bằng chữ" beside "Bằng số") only glosses it, like a note.
    ("note", _role_words(r"ghi chu|bang chu")),
    ("score", _role_words(r"tu cham|tu danh gia|diem tu\b|tu cho|diem dat|chi bo cham|dang bo cham")),
    ("deduction", _role_words(r"\btru\b")),
    ("max", _role_words(r"diem chuan|toi da|thang diem|khung diem|diem quy dinh|diem dinh muc|^\W*diem\W*$")),
    ("pct", _role_words(r"ty le|%")),
    ("target", _role_words(r"chi tieu|ke hoach")),
    ("result", _role_words(r"ket qua|thuc hien|so luong|so phieu|so lieu|\bdat duoc\b")),
    ("label", _role_words(r"noi dung|tieu chi|danh muc|\bten\b|hang muc")),
]
_NUMBER = re.compile(r"^[\W_]*\d+(?:[.,]\d+)?\s*%?[\W_]*$")
_INDEX = re.compile(r"^\W*(?:\d{1,2}(?:\.\d{1,2})*|[ivx]{1,4}|[a-h])\W*$")
MAX_HEADER_ROWS = 4
# A zero in words, or a dash or cross for "does not apply": a value cell all the same, not a word.
_ZERO_WORDS = {"khong", "khong co", "-", "–", "—", "x"}


def _words_role(text: str) -> ColumnRole:
    f = fold(text)
    return next((name for name, rx in _ROLE_WORDS if rx.search(f)), "other")


def column_role(label: str, body: Sequence[str] = (), own: str | None = None) -> ColumnRole:
    """The role of a column from its header ``label``, refined by what its ``body`` cells hold.

    ``own`` is the column's own (lowest) header cell when the header has several rows: it says more
    than the cells merged over it ("Chi bộ tự chấm" over "Điểm trừ" | "Điểm đạt"), so its words
    decide when they name a role. A column of words under "Chỉ tiêu" or with no header is the row's
    label; a numbers column under no known word is ``other``.
    """
    role = _words_role(own) if own else "other"
    if role == "other":
        role = _words_role(label)
    elif role == "result" and _words_role(label) == "pct":
        # "Tỷ lệ (%)" merged over "So với số phiếu hợp lệ": the own cell names the base of the share.
        role = "pct"
    filled = [fold(c) for c in body if c.strip()]
    if role in ("index", "note") or not filled:
        return role
    # A cell with a figure in it ("24 đồng chí", "22/24 (91,67%)") or a zero in words is a value.
    wordy = sum(1 for c in filled if not re.search(r"\d", c) and c.strip(" .") not in _ZERO_WORDS)
    if role in ("target", "result", "other", "label") and wordy > 0.6 * len(filled):
        return "label"
    return role


_LEADING_FIGURE = re.compile(r"^[\W_]*\d")


def _is_data_row(cells: Sequence[Cell]) -> bool:
    """A row with a cell that begins with a figure ("25", "17 (chính thức 14, dự bị 03)") or a row
    index ("1", "1.2", "II") is data, not header; headings have words first ("Tỷ lệ (%)")."""
    texts = [fold(c.text) for c in cells if not c.spanned]
    return any(_LEADING_FIGURE.match(t) or (_INDEX.match(t) and i == 0) for i, t in enumerate(texts) if t)


def _caption(row: Sequence[Cell]) -> bool:
    """A row that is one cell merged over the whole width: a title, not a column heading."""
    return len(row) > 1 and all(c.spanned for c in row[1:]) and len({c.text for c in row}) == 1


def _own(head: list[list[Cell]], c: int) -> str | None:
    """The lowest header cell of column ``c`` that is its own (not merged over its neighbours)."""
    for row in reversed(head):
        cell = row[c]
        if not cell.text:
            continue
        wide = (c > 0 and row[c - 1].text == cell.text) or (c + 1 < len(row) and row[c + 1].text == cell.text)
        return None if wide else cell.text
    return None


def _spread_heads(head: list[list[Cell]]) -> list[list[str]]:
    """Header texts, a heading drawn over the empty cells to its right when the row below names each
    of them: "Điểm" | "" | "" over "Trừ" | "Tự chấm" | "Chuẩn" is a merged cell whose span was lost
    (a Word table drawn with borders, a PDF), so each column is "Điểm …"."""
    out = [[c.text for c in r] for r in head]
    for h in range(len(head) - 1):
        row, below = out[h], out[h + 1]
        for c in range(1, len(row)):
            above = any(out[k][c] for k in range(h))  # the column has its own heading higher up
            if not row[c] and row[c - 1] and below[c] and below[c - 1] and not above:
                row[c] = row[c - 1]
    return out


# A lone letter OCR reads for a lone digit in a figure column ("KHTNV | O | 0", "Tổng | l0"): the
# column says a figure stands there, so the letters that look like digits are read as those digits.
# A photographed "0" also comes out as "©" (its ring with the stroke of the paper's grain).
_DIGIT_LOOKS = str.maketrans({"O": "0", "o": "0", "D": "0", "©": "0", "l": "1", "I": "1", "|": "1", "!": "1"})
_LOOKALIKE_FIGURE = re.compile(r"^[0-9OoD©lI|!]+(?:[.,][0-9OoD©lI|!]+)?\s*%?$")
_FIGURE_ROLES = {"max", "score", "deduction", "pct", "result", "target"}
# Marks OCR leaves beside a row number ("2_", "Iˆ", "3'"): a stain or a rule's remnant, never part of it.
_INDEX_JUNK = "ˆ^`'‘’_~|¬:;,\"“” "


def _figure_from_lookalikes(text: str) -> str:
    """``text`` with digit look-alikes read as digits when that makes it a figure ("lO" → "10"),
    else unchanged. "D" only beside a real digit: without one it is more often a letter."""
    t = text.strip()
    if not t or not _LOOKALIKE_FIGURE.match(t) or t.isdigit():
        return text
    if "D" in t and not re.search(r"\d", t):
        return text
    return t.translate(_DIGIT_LOOKS)


def build_table(
    grid: list[list[Cell]],
    *,
    file: str,
    source: SourceKind,
    index: int = 0,
    page: int | None = None,
    bbox: Box | None = None,
) -> Table:
    """A :class:`Table` from rows of cells: padded to a rectangle, header rows found and merged, roles set."""
    n = max((len(r) for r in grid), default=0)
    rows = [list(r) + [Cell(page=page) for _ in range(n - len(r))] for r in grid]
    header_rows = 0
    for r in rows[:MAX_HEADER_ROWS]:
        if _is_data_row(r):
            break
        header_rows += 1
    if header_rows == len(rows):  # nothing but words: no header to tell apart
        header_rows = 0
    header: list[str] = []
    # A title merged over the whole width above real column headings names no column; alone, it
    # heads every column (a label/value table under one merged heading).
    titles_only = all(_caption(r) for r in rows[:header_rows])
    spread = _spread_heads(rows[:header_rows])
    for c in range(n):
        parts: list[str] = []
        for h, r in enumerate(rows[:header_rows]):
            if _caption(r) and not titles_only:
                continue
            text = spread[h][c]
            if text and (not parts or parts[-1] != text):
                parts.append(text)
        header.append(nfc(" ".join(parts)))
    body = rows[header_rows:]
    own = [_own(rows[:header_rows], c) for c in range(n)]
    roles = [column_role(header[c], [r[c].text for r in body if not r[c].spanned], own[c]) for c in range(n)]
    if source == "ocr":
        for r in body:
            for c in range(n):
                text = r[c].text
                if (
                    roles[c] == "index"
                    and text.strip(_INDEX_JUNK) != text
                    and _INDEX.match(fold(text.strip(_INDEX_JUNK)))
                ):
                    r[c] = r[c].model_copy(update={"text": text.strip(_INDEX_JUNK)})
        for c in range(n):
            cells = [r[c].text.strip() for r in body if r[c].text.strip()]
            figures = sum(1 for t in cells if _NUMBER.match(_figure_from_lookalikes(t)))
            # A column under no known word ("Số đảng viên") is a figure column when figures fill it.
            if roles[c] not in _FIGURE_ROLES and not (roles[c] == "other" and figures * 2 > len(cells)):
                continue
            for r in body:
                fixed = _figure_from_lookalikes(r[c].text)
                if fixed != r[c].text:
                    r[c] = r[c].model_copy(update={"text": fixed})
    _points_columns(header, roles, body)
    first = [fold(r[0].text) for r in body if r and r[0].text.strip()]
    if roles and roles[0] in ("other", "label") and first and all(_INDEX.match(t) for t in first):
        roles[0] = "index"  # an unlabelled first column of "1", "1.1", "II": the row numbers
    return Table(
        file=file,
        index=index,
        source=source,
        page=page if page is not None else next((c.page for r in rows for c in r if c.page), None),
        bbox=bbox,
        rows=rows,
        header_rows=header_rows,
        header=header,
        roles=roles,
    )


def _points_columns(header: list[str], roles: list[ColumnRole], body: list[list[Cell]]) -> None:
    """A score sheet's other points column: beside a self-score column and no maximum, a column of
    figures headed "Điểm …" whose other words were lost (OCR: "Điểm tôi -$ đa") is the maximum."""
    if "score" not in roles or "max" in roles:
        return
    for c, role in enumerate(roles):
        if role != "other" or not re.match(r"^\W*diem\b", fold(header[c])):
            continue
        cells = [r[c].text for r in body if c < len(r) and r[c].text.strip()]
        if cells and sum(1 for t in cells if _NUMBER.match(t)) * 2 > len(cells):
            roles[c] = "max"
            return


_LINE_MARKS = {"-", "–", "—", "•", "+", "*", "·"}


def cell_from_words(words: list[Word], *, page: int, bbox: Box | None = None, tolerance: float = 3.0) -> Cell:
    """A cell from the words inside it, in reading order (lines top to bottom, words left to right).

    Words go on one line by their tops; but a dash or a bullet that begins a line has no ascender,
    and by its top it would fall below the line it begins ("- Cụ thể hóa …" read "Cụ thể hóa … -"):
    it goes on the line its middle stands in, when it stands left of that line's words."""

    def group(ws: list[Word]) -> list[list[Word]]:
        lines: list[list[Word]] = []
        for w in sorted(ws, key=lambda w: (w.bbox.y0, w.bbox.x0)):
            if lines and abs(lines[-1][0].bbox.y0 - w.bbox.y0) <= tolerance:
                lines[-1].append(w)
            else:
                lines.append([w])
        return lines

    text_lines = group([w for w in words if any(ch.isalnum() for ch in w.text)])
    leading: dict[int, Word] = {}  # id(mark) → the first word of the line it begins
    for w in words:
        if w.text.strip() not in _LINE_MARKS:
            continue
        mid = (w.bbox.y0 + w.bbox.y1) / 2
        for ln in text_lines:
            inside = min(x.bbox.y0 for x in ln) <= mid <= max(x.bbox.y1 for x in ln)
            if inside and w.bbox.x1 <= min(x.bbox.x0 for x in ln) + 1:
                leading[id(w)] = min(ln, key=lambda x: x.bbox.x0)
                break
    lines = group([w for w in words if id(w) not in leading])
    for w in words:
        if id(w) in leading:
            home = next(ln for ln in lines if any(x is leading[id(w)] for x in ln))
            home.append(w)
    flat = [w for ln in lines for w in sorted(ln, key=lambda w: w.bbox.x0)]
    confs = [w.confidence for w in flat if w.confidence is not None and w.confidence >= 0]
    return Cell(
        text=nfc(" ".join(w.text for w in flat)),
        words=flat,
        bbox=bbox,
        confidence=round(sum(confs) / len(confs), 1) if confs else None,
        page=page,
    )


def row_roles(table: Table, ranges: Sequence[tuple[int, int]]) -> tuple[list[str], list[ColumnRole]]:
    """Header labels and roles for a row whose cells cover the grid columns ``ranges`` (first, last):
    a cell merged over several columns takes the label column's role if it covers it, else its first."""
    header, roles = [], []
    for a, b in ranges:
        span = list(range(a, min(b, table.n_cols - 1) + 1)) or [min(a, table.n_cols - 1)]
        at = next((c for c in span if table.roles[c] == "label"), span[0])
        header.append(table.header[at])
        roles.append(table.roles[at])
    return header, roles


def table_lines(table: Table, name: str) -> list[Line]:
    """One :class:`Line` per row, as the Word reader gives them: a merged cell once per row.

    Body rows carry the ``header`` and ``roles`` of the columns their cells stand in (a cell merged
    over several columns: see :func:`row_roles`). Provenance: the row's page, its box, ``table`` and ``row``.
    """
    out: list[Line] = []
    for r, row in enumerate(table.rows):
        kept: list[Cell] = []
        ranges: list[tuple[int, int]] = []
        for i, c in enumerate(row):
            if kept and c.spanned and row[i - 1].text == c.text:
                ranges[-1] = (ranges[-1][0], i)
            else:
                kept.append(c)
                ranges.append((i, i))
        texts = [c.text for c in kept]
        if not any(texts):
            continue
        words = [w for c in kept for w in c.words]
        boxes = [c.bbox for c in row if c.bbox is not None]
        bbox = None
        for b in boxes:
            bbox = b if bbox is None else bbox.union(b)
        confs = [w.confidence for w in words if w.confidence is not None and w.confidence >= 0]
        header, roles = row_roles(table, ranges) if r >= table.header_rows and table.roles else (None, None)
        page = next((c.page for c in row if c.page), table.page)
        out.append(
            Line(
                text=" | ".join(texts),
                cells=texts,
                words=words,
                header=header,
                roles=roles,
                prov=Provenance(
                    file=name,
                    page=page,
                    table=table.index,
                    row=r,
                    bbox=bbox,
                    confidence=round(sum(confs) / len(confs), 1) if confs else None,
                ),
            )
        )
    return out


def link_tables(pages: list[Page]) -> None:
    """Number the tables of a document 0, 1, … in page order (and their lines' ``prov.table``), and
    let a headerless table at the top of a page, as wide as the last one, take that one's header."""
    n = 0
    last: Table | None = None
    for page in pages:
        local: dict[int, int] = {}
        for t in page.tables:
            local[t.index] = n
            t.index = n
            n += 1
        if local and page.method != "docx":
            for ln in page.lines:
                if ln.prov.table is not None and ln.prov.table in local and ln.prov.page == page.number:
                    ln.prov = ln.prov.model_copy(update={"table": local[ln.prov.table]})
        for t in page.tables:
            if (
                last is not None
                and t.header_rows == 0
                and last.header_rows > 0
                and t.n_cols == last.n_cols
                and (last.page or 0) < (t.page or 0)
            ):
                t.header, t.continues = list(last.header), last.index
                t.roles = [
                    column_role(t.header[c], [r[c].text for r in t.body if not r[c].spanned])
                    if last.roles[c] in ("label", "other") or t.header[c] == ""
                    else last.roles[c]
                    for c in range(t.n_cols)
                ]
                _relabel(page, t)
            elif last is not None and _repeats_header(t, last) and (last.page or 0) < (t.page or 0):
                # The header repeated on the next page, some of its cells lost (a scan): the columns
                # whose heading is gone take the roles of the page before.
                t.continues = last.index
                for c in range(t.n_cols):
                    if not t.header[c].strip() and last.roles[c] not in ("other", "label"):
                        t.header[c], t.roles[c] = last.header[c], last.roles[c]
                _relabel(page, t)
            last = t


def _repeats_header(t: Table, last: Table) -> bool:
    """``t`` has a header as wide as ``last``'s, every heading it kept is ``last``'s heading of that
    column, two at least, and some heading is missing (else its own roles already say everything)."""
    if t.header_rows == 0 or last.header_rows == 0 or t.n_cols != last.n_cols:
        return False
    kept = [c for c in range(t.n_cols) if t.header[c].strip()]
    same = [c for c in kept if fold(t.header[c]) == fold(last.header[c])]
    return len(same) >= 2 and len(same) == len(kept) and len(kept) < t.n_cols


def _relabel(page: Page, t: Table) -> None:
    """The page's lines of table ``t`` take its (new) header and roles."""
    fresh: list[Line] | None = None
    for ln in page.lines:
        if ln.prov.table != t.index or (ln.prov.row is not None and ln.prov.row < t.header_rows):
            continue
        if ln.cells is not None and len(ln.cells) == t.n_cols:
            ln.header, ln.roles = list(t.header), list(t.roles)
        elif ln.roles is not None and ln.prov.row is not None:
            fresh = fresh if fresh is not None else table_lines(t, t.file)
            match = next((f for f in fresh if f.prov.row == ln.prov.row), None)
            if match is not None:
                ln.header, ln.roles = match.header, match.roles


def evenly_spaced(gaps: list[float], spread: float = 0.25) -> bool:
    """True for a justified line of prose: every gap between its words stretched alike (a line of
    four or more words whose gaps differ by under ``spread`` of their mean). A table row's gaps are
    uneven: narrow between the words of a cell, wide between cells."""
    if len(gaps) < 3:
        return False
    mean = sum(gaps) / len(gaps)
    return mean > 0 and max(gaps) - min(gaps) < spread * mean


def merge_lines(lines: list[Line], tables: list[tuple[Box, list[Line]]]) -> list[Line]:
    """Page lines with those inside a table's box replaced by the table's rows, in top-to-bottom order."""

    def inside(ln: Line, box: Box) -> bool:
        b = ln.prov.bbox
        if b is None:
            return False
        cy, cx = (b.y0 + b.y1) / 2, (b.x0 + b.x1) / 2
        return box.y0 <= cy <= box.y1 and box.x0 <= cx <= box.x1

    kept = [ln for ln in lines if not any(inside(ln, box) for box, _ in tables)]
    rows = [ln for _, rs in tables for ln in rs]
    return sorted(kept + rows, key=lambda ln: ln.prov.bbox.y0 if ln.prov.bbox else 0.0)


# A value cell of a label/value pair: a figure (with a unit word or two, a share), a zero in words, a dash.
_PAIR_VALUE = re.compile(r"^[\W_]*\d+(?:[.,]\d+)?\s*%?(?:\s*[^\W\d_]+){0,2}[\W_]*$")
_PAIR_LABEL = re.compile(r"[^\W\d_]{2}")


def _pair_value(text: str) -> bool:
    t = fold(text).strip()
    return not t or t.strip(" .") in _ZERO_WORDS or bool(_PAIR_VALUE.match(t))


def label_value_pairs(line: Line) -> list[Line]:
    """A table row that sets a label beside its value several times across ("Tổng số đảng viên | 18 |
    Số phiếu phát ra | 15"): one :class:`Line` per group, each read as a row of its own (its cells, the
    header and roles of its columns, ``prov.cell`` its label's column). Any other line: itself.

    A row is grouped when its cells go label, value, label, value, … (four cells or more, two groups at
    least filled): each label has words, each value is a figure, a zero in words or empty. Under a header
    the groups repeat its roles (the label columns share one role, each value column the role of the
    same column in the other groups), so a row "Đảng viên | 12 | đạt | 92%" under "Nội dung | Số lượng |
    Đánh giá | Tỷ lệ" stays one row; there a group may also hold a share after its count ("Có mặt | 17 |
    94,4% | Tán thành | 16 | 88,9%"). A group left empty (the shorter side of the table) gives no line.
    """
    cells = line.cells or []
    n = len(cells)
    roles = line.roles
    modelled = roles is not None and len(roles) == n
    for size in (2, 3):
        if n < 2 * size or n % size or (size > 2 and not modelled):
            continue
        groups = [cells[g : g + size] for g in range(0, n, size)]
        if not all(_pair_value(v) for grp in groups for v in grp[1:]):
            continue
        if any(not _PAIR_LABEL.search(fold(grp[0])) and any(c.strip() for c in grp) for grp in groups):
            continue
        if sum(1 for grp in groups if grp[0].strip() and any(c.strip() for c in grp[1:])) < 2:
            continue
        if modelled and any(len(set(roles[j::size])) > 1 for j in range(size)):  # type: ignore[index]
            continue
        return _split_row(line, size)
    return [line]


def _cell_words(line: Line) -> list[list[Word]] | None:
    """The words of each cell of a row, when the line's words are its cells' words in order (OCR, PDF)."""
    cells = line.cells or []
    if not line.words or sum(len(c.split()) for c in cells) != len(line.words):
        return None
    out, k = [], 0
    for c in cells:
        out.append(line.words[k : k + len(c.split())])
        k += len(c.split())
    return out


def _split_row(line: Line, size: int) -> list[Line]:
    """``line`` cut into rows of ``size`` cells (see :func:`label_value_pairs`); empty groups left out."""
    cells = line.cells or []
    n = len(cells)
    per_cell = _cell_words(line)
    out = []
    for g in range(0, n, size):
        part = cells[g : g + size]
        if not any(c.strip() for c in part):
            continue
        out.append(
            line.model_copy(
                update={
                    "text": " | ".join(part),
                    "cells": part,
                    "words": [w for ws in per_cell[g : g + size] for w in ws]
                    if per_cell is not None
                    else line.words,
                    "header": line.header[g : g + size] if line.header and len(line.header) == n else None,
                    "roles": line.roles[g : g + size] if line.roles and len(line.roles) == n else None,
                    "prov": line.prov.model_copy(update={"cell": g}),
                }
            )
        )
    return out


# A row's key: a code ("TC1", "TC1.2", "1.2", "A.3") or a row number, alone in its cell.
_KEY = re.compile(r"^[a-z]{0,4}\s*\d{1,2}(?:\s*[.,]\s*\d{1,2}){0,2}[a-z]?\.?$")


def _key(text: str) -> str | None:
    t = fold(text).strip(_INDEX_JUNK + ".")
    return re.sub(r"\s+", "", t).replace(",", ".") if t and _KEY.match(t) else None


def _table_runs(pages: list[Page]) -> list[list[tuple[Page, Line]]]:
    """The table rows of a document, one run per table (lines of one ``prov.table`` and block in a row;
    a table going on over a page, :func:`link_tables`, is one with the one it continues)."""
    goes_on = {t.index: t.continues for p in pages for t in p.tables if t.continues is not None}

    def root(i: int) -> int:
        seen = set()
        while i in goes_on and i not in seen:
            seen.add(i)
            i = goes_on[i]  # type: ignore[assignment]
        return i

    runs: list[list[tuple[Page, Line]]] = []
    last = None
    for page in pages:
        for ln in page.lines:
            tag = (root(ln.prov.table), ln.prov.block) if ln.cells and ln.prov.table is not None else None
            if tag is None:
                last = None
                continue
            if tag != last:
                runs.append([])
            runs[-1].append((page, ln))
            last = tag
    return runs


def _keyed(run: list[tuple[Page, Line]]) -> tuple[int, dict[str, Line]] | None:
    """(key column, key → body row) of a table whose body rows each have their own key in one column
    (the first such column, left of every figure), three rows at least; None for any other table."""
    body = [ln for _, ln in run if ln.roles is not None and ln.cells]
    if len(body) < 3:
        return None
    width = max(len(ln.cells or []) for ln in body)
    for k in range(width - 1):
        keys: dict[str, Line] = {}
        for ln in body:
            cells = ln.cells or []
            key = _key(cells[k]) if len(cells) == width else None
            if key is not None and key not in keys:
                keys[key] = ln
        if len(keys) >= 3 and len(keys) >= 0.8 * len(body):
            return k, keys
    return None


def _values_only(lines: list[Line], k: int) -> bool:
    """Every cell of these rows but the key is a figure (or empty), one at least: a table of numbers
    that names nothing itself, only its keys."""
    cells = [c for ln in lines for i, c in enumerate(ln.cells or []) if i != k]
    return bool(cells) and any(c.strip() for c in cells) and all(_pair_value(c) for c in cells)


def join_keyed_tables(pages: list[Page]) -> None:
    """Two tables of a document keyed by the same codes are one table for reading: a table of figures
    by code alone ("Mã | Tự chấm": "TC1.2 | 8đ") is joined to the table that names the same codes
    ("Mã | Nội dung | Tối đa": "TC1.2 | … | 9đ"). Each of its rows becomes the named row followed by its
    own figure columns, with the headers and roles of both (the rows of both tables, as one, where the
    figures stood); the named rows it joined, and that table's header rows, are no longer lines of
    their own. Rows whose code the other table lacks stay as they are."""
    runs = _table_runs(pages)
    keyed = [(run, got) for run in runs if (got := _keyed(run)) is not None]
    used: set[int] = set()
    for vi, (vrun, (vk, vkeys)) in enumerate(keyed):
        if vi in used or not _values_only(list(vkeys.values()), vk):
            continue
        for ni, (nrun, (nk, nkeys)) in enumerate(keyed):
            if ni == vi or ni in used or _values_only(list(nkeys.values()), nk):
                continue
            shared = set(vkeys) & set(nkeys)
            if len(shared) < 3 or len(shared) < 0.8 * len(vkeys):
                continue
            _join(vrun, vk, vkeys, nrun, nk, nkeys)
            used |= {vi, ni}
            break


def _join(
    vrun: list[tuple[Page, Line]],
    vk: int,
    vkeys: dict[str, Line],
    nrun: list[tuple[Page, Line]],
    nk: int,
    nkeys: dict,
) -> None:
    """Rows of the figures table ``vrun`` (key column ``vk``) joined to the named rows ``nkeys`` (key
    column ``nk``): the code first, as the row's index, then the named row's cells, then the figures."""
    by_id = {id(ln): key for key, ln in vkeys.items() if key in nkeys}
    if not by_id:
        return
    named = next(iter(nkeys.values()))
    width = len(named.cells or [])
    n_keep = [i for i in range(width) if i != nk]
    head_n = list(named.header or [""] * width)
    roles_n = list(named.roles or ["other"] * width)
    gone = {id(nkeys[key]) for key in by_id.values()}
    gone |= {id(ln) for _, ln in nrun if ln.roles is None}  # its header rows: the joined rows carry them
    for page, ln in vrun:
        own = ln.cells or []
        keep = [i for i in range(len(own)) if i != vk]
        if ln.roles is None:  # the figures table's header: the code's, the named table's, its own figures'
            cells = [own[vk] if vk < len(own) else ""] + [head_n[i] for i in n_keep] + [own[i] for i in keep]
            joined = ln.model_copy(update={"text": " | ".join(cells), "cells": cells})
        elif id(ln) in by_id:
            other = nkeys[by_id[id(ln)]]
            cells = [own[vk]] + [(other.cells or [])[i] for i in n_keep] + [own[i] for i in keep]
            head_v = ln.header or [""] * len(own)
            roles_v = ln.roles or ["other"] * len(own)
            confs = [c for c in (ln.prov.confidence, other.prov.confidence) if c is not None]
            joined = ln.model_copy(
                update={
                    "text": " | ".join(cells),
                    "cells": cells,
                    "words": list(other.words) + list(ln.words),
                    "header": [head_v[vk]] + [head_n[i] for i in n_keep] + [head_v[i] for i in keep],
                    "roles": ["index"] + [roles_n[i] for i in n_keep] + [roles_v[i] for i in keep],
                    "prov": ln.prov.model_copy(update={"confidence": min(confs) if confs else None}),
                }
            )
        else:
            continue
        page.lines = [joined if x is ln else x for x in page.lines]
    for page in {id(p): p for p, _ in nrun}.values():
        page.lines = [ln for ln in page.lines if id(ln) not in gone]
