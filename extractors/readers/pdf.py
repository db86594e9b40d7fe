"""PDF: the text layer page by page (pdfplumber), OCR for pages that have none or only garbage."""

from __future__ import annotations

import logging
import re
from itertools import pairwise
from pathlib import Path

import pdfplumber
from pdfminer.pdfdocument import PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError

from ..errors import CorruptFile, EncryptedFile, ReadError, TooLarge
from ..model import Box, Cell, DocumentText, Line, Page, Provenance, Table, Word
from ..tables import build_table, cell_from_words, evenly_spaced, link_tables, merge_lines, table_lines
from ..text import nfc
from .base import ReadContext

log = logging.getLogger(__name__)

CELL_GAP_PT = 14.0  # a horizontal gap this wide between words separates table cells
LINE_TOLERANCE_PT = 3.0


def _cell_rows(words: list[dict]) -> list[list[list[dict]]]:
    """Words in rows (same baseline), each row in cells split at wide gaps (not in justified prose)."""
    words = sorted(words, key=lambda w: (round(w["top"]), w["x0"]))
    rows: list[list[dict]] = []
    for w in words:
        if rows and abs(rows[-1][0]["top"] - w["top"]) <= LINE_TOLERANCE_PT:
            rows[-1].append(w)
        else:
            rows.append([w])
    out = []
    for row in rows:
        row.sort(key=lambda w: w["x0"])
        cells: list[list[dict]] = [[row[0]]]
        prose = evenly_spaced([w["x0"] - prev["x1"] for prev, w in pairwise(row)])
        for prev, w in pairwise(row):
            if w["x0"] - prev["x1"] > CELL_GAP_PT and not prose:
                cells.append([w])
            else:
                cells[-1].append(w)
        out.append(cells)
    return out


def _box(w: dict) -> Box:
    return Box(x0=w["x0"], y0=w["top"], x1=w["x1"], y1=w["bottom"], unit="pt")


def _line(cells: list[list[dict]], name: str, page_no: int) -> Line:
    cell_texts = [nfc(" ".join(w["text"] for w in c)) for c in cells]
    row = [w for c in cells for w in c]
    boxes = [_box(w) for w in row]
    bbox = boxes[0]
    for b in boxes[1:]:
        bbox = bbox.union(b)
    return Line(
        text=" | ".join(cell_texts) if len(cell_texts) > 1 else cell_texts[0],
        cells=cell_texts if len(cell_texts) > 1 else None,
        prov=Provenance(file=name, page=page_no, bbox=bbox),
        words=[Word(text=w["text"], bbox=b) for w, b in zip(row, boxes, strict=True)],
    )


def _group_lines(words: list[dict], name: str, page_no: int) -> list[Line]:
    return [_line(cells, name, page_no) for cells in _cell_rows(words)]


# -- tables without ruling lines, from the alignment of their text -------------------------
ALIGNED_MIN_ROWS = 3  # rows of two or more cells, in a run, that make a table
_FIGURE = re.compile(r"^\W*(\d+(?:[.,]\d+)?\s*%?|\d{1,2}(?:\.\d{1,2})*\.?|[IVX]{1,4}\.?)\W*$")


def _span(cell: list[dict]) -> tuple[float, float]:
    return min(w["x0"] for w in cell), max(w["x1"] for w in cell)


def _has_figure(cells: list[list[dict]]) -> bool:
    return any(_FIGURE.match(" ".join(w["text"] for w in c)) for c in cells)


def _run_end(rows: list[list[list[dict]]], i: int, pitch: float) -> int:
    """End of the run of table-like rows from ``i``: rows of several cells, with single-cell rows
    between them (a wrapped label, the second line of a header cell), no wider gap than a blank line."""
    j = i + 1
    while j < len(rows):
        gap = rows[j][0][0]["top"] - rows[j - 1][0][0]["top"]
        if gap > 2.2 * pitch:
            break
        if len(rows[j]) >= 2:
            j += 1
            continue
        nxt = j + 1
        if (
            nxt < len(rows)
            and len(rows[nxt]) >= 2
            and rows[nxt][0][0]["top"] - rows[j][0][0]["top"] <= 2.2 * pitch
        ):
            j += 1
            continue
        break
    return j


def _columns(rows: list[list[list[dict]]]) -> list[tuple[float, float]] | None:
    """Column spans from the rows with the most cells; None when they do not line up."""
    k = max(len(r) for r in rows)
    full = [r for r in rows if len(r) == k]
    if len(full) < 2:
        return None
    cols = [(min(_span(r[j])[0] for r in full), max(_span(r[j])[1] for r in full)) for j in range(k)]
    if any(a[1] >= b[0] for a, b in pairwise(cols)):
        return None
    return cols


def _column_of(cell: list[dict], cols: list[tuple[float, float]]) -> int:
    x0, x1 = _span(cell)
    overlaps = [min(x1, b) - max(x0, a) for a, b in cols]
    best = max(range(len(cols)), key=lambda j: overlaps[j])
    if overlaps[best] > 0:
        return best
    mid = (x0 + x1) / 2
    return min(range(len(cols)), key=lambda j: abs((cols[j][0] + cols[j][1]) / 2 - mid))


def _split_at_columns(cell: list[dict], cols: list[tuple[float, float]]) -> list[list[dict]]:
    """A cell cut where its words change column across a gap wider than its ordinary spaces
    ("STT  Nội dung", "… cấp trên  12"); a heading whose words are evenly spaced stays whole."""
    if len(cell) < 2:
        return [cell]
    gaps = [b["x0"] - a["x1"] for a, b in pairwise(cell)]
    space = sorted(gaps)[len(gaps) // 2]
    parts: list[list[dict]] = [[cell[0]]]
    for (a, b), gap in zip(pairwise(cell), gaps, strict=True):
        moved = _column_of([a], cols) != _column_of([b], cols)
        if moved and gap > max(2 * space, 4.0):
            parts.append([b])
        else:
            parts[-1].append(b)
    return parts


def aligned_tables(
    rows: list[list[list[dict]]], name: str, page_no: int
) -> tuple[list[Table], list[list[list[dict]]]]:
    """Tables drawn without lines: runs of rows whose cells line up in columns. Rows before the
    first row with a figure are the header (up to three: "Điểm tối" over "đa" is one header cell);
    a single-cell line in the body is a wrapped cell of the nearest row with figures. Returns the
    tables and the rows that are no table."""
    if not rows:
        return [], rows
    heights = sorted(r[0][0]["bottom"] - r[0][0]["top"] for r in rows)
    pitch = max(heights[len(heights) // 2] * 1.25, 8.0)
    tables: list[Table] = []
    rest: list[list[list[dict]]] = []
    i = 0
    while i < len(rows):
        m = i  # a header may begin with lines of one cell ("Chi bộ tự chấm" over two columns)
        while m < len(rows) and m - i < 3 and len(rows[m]) < 2:
            m += 1
        close = all(
            rows[n + 1][0][0]["top"] - rows[n][0][0]["top"] <= 2.2 * pitch
            for n in range(i, min(m, len(rows) - 1))
        )
        if m >= len(rows) or len(rows[m]) < 2 or not close:
            rest.append(rows[i])
            i += 1
            continue
        end = _run_end(rows, m, pitch)
        run = rows[i:end]
        table = _aligned_table(run, name, page_no, len(tables))
        if table is None:
            rest.append(rows[i])
            i += 1
            continue
        table, used = table
        rest.extend(run[:used])  # lines above the header that were no part of it
        tables.append(table)
        i = end
    return tables, rest


def _aligned_table(
    run: list[list[list[dict]]], name: str, page_no: int, index: int
) -> tuple[Table, int] | None:
    if sum(1 for r in run if len(r) >= 2) < ALIGNED_MIN_ROWS:
        return None
    cols = _columns(run)
    if cols is None or len(cols) < 2:
        return None
    data = [n for n, r in enumerate(run) if len(r) >= 2 and _has_figure(r)]
    if len(data) < 2:
        return None
    first = data[0]

    def top(n: int) -> float:
        return run[n][0][0]["top"]

    body: dict[int, list[int]] = {n: [n] for n in range(first, len(run)) if len(run[n]) >= 2}
    head_end = first
    if (
        first >= 2
        and len(run[first - 1]) == 1
        and top(first) - top(first - 1) < top(first - 1) - top(first - 2) - 1.0
    ):
        # Closer to the first row than to the header: the first line of a label that wraps, with
        # the row's figures on its last line.
        body[first].insert(0, first - 1)
        head_end = first - 1
    start = head_end
    while start > 0 and head_end - start < 3:
        prev = run[start - 1]
        # A header line: cells of its own, or one cell right of the first column (a title that
        # starts at the table's left edge is no heading of a column).
        if len(prev) >= 2 or _span(prev[0])[0] > cols[0][1]:
            start -= 1
        else:
            break
    groups: list[list[int]] = [[n] for n in range(start, head_end)]  # header rows, one each
    for n in range(first, len(run)):
        if n in body:
            continue
        top = run[n][0][0]["top"]
        near = min(body, key=lambda m: (abs(run[m][0][0]["top"] - top), m > n))
        body[near].append(n)
    groups += [sorted(body[m]) for m in sorted(body)]
    grid: list[list[Cell]] = []
    n_head = len(groups) - len(body)
    for gi, g in enumerate(groups):
        per_col: list[list[dict]] = [[] for _ in cols]
        spans: list[tuple[int, int]] = []
        for n in g:
            for cell in run[n]:
                for part in _split_at_columns(cell, cols):
                    where = sorted({_column_of([w], cols) for w in part})
                    if len(where) > 1 and gi < n_head:
                        spans.append((where[0], where[-1]))  # a heading over several columns
                        per_col[where[0]].extend(part)
                    else:
                        per_col[_column_of(part, cols)].extend(part)
        row = [
            cell_from_words(
                [Word(text=w["text"], bbox=_box(w)) for w in ws], page=page_no, tolerance=LINE_TOLERANCE_PT
            )
            for ws in per_col
        ]
        for a, b in spans:
            for c in range(a + 1, b + 1):
                if not row[c].text:
                    row[c] = row[a].model_copy(update={"spanned": True, "words": []})
        grid.append(row)
    words = [w for g in groups for n in g for c in run[n] for w in c]
    bbox = _box(words[0])
    for w in words[1:]:
        bbox = bbox.union(_box(w))
    for row in grid:
        for c in row:
            if c.words:
                c.bbox = c.words[0].bbox
                for w in c.words[1:]:
                    c.bbox = c.bbox.union(w.bbox)
    table = build_table(grid, file=name, source="pdf_text", index=index, page=page_no, bbox=bbox)
    return table, start


_RULED = {
    "vertical_strategy": "lines",
    "horizontal_strategy": "lines",
    "snap_tolerance": 3,
    "join_tolerance": 3,
}


def _edges(values: list[float], tol: float = 2.0) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > tol:
            out.append(v)
    return out


def _at(v: float, edges: list[float]) -> int:
    return min(range(len(edges)), key=lambda i: abs(edges[i] - v))


def ruled_tables(pg: object, words: list[dict], name: str, page_no: int) -> tuple[list[Table], list[dict]]:
    """The page's tables drawn with ruling lines (pdfplumber), as :class:`Table` grids of cells with
    their words; and the words outside every table. A merged cell covers several grid positions:
    the first holds its text, the others repeat it marked ``spanned``."""
    try:
        found = pg.find_tables(table_settings=_RULED)
    except Exception:  # a malformed drawing: read the page as text lines
        log.warning("table detection failed on page %d of %s", page_no, name, exc_info=True)
        return [], words
    tables: list[Table] = []
    taken: set[int] = set()
    for t in found:
        cells = [c for c in t.cells if c]
        if len(cells) < 2:
            continue
        xs = _edges([c[0] for c in cells] + [c[2] for c in cells])
        ys = _edges([c[1] for c in cells] + [c[3] for c in cells])
        if len(xs) < 2 or len(ys) < 3:  # one row: a box around text, not a table
            continue

        grid: list[list[Cell | None]] = [[None] * (len(xs) - 1) for _ in range(len(ys) - 1)]
        for x0, top, x1, bottom in cells:
            inside = [
                i
                for i, w in enumerate(words)
                if i not in taken
                and x0 <= (w["x0"] + w["x1"]) / 2 <= x1
                and top <= (w["top"] + w["bottom"]) / 2 <= bottom
            ]
            taken.update(inside)
            box = Box(x0=x0, y0=top, x1=x1, y1=bottom, unit="pt")
            ws = [
                Word(
                    text=words[i]["text"],
                    bbox=Box(
                        x0=words[i]["x0"],
                        y0=words[i]["top"],
                        x1=words[i]["x1"],
                        y1=words[i]["bottom"],
                        unit="pt",
                    ),
                )
                for i in inside
            ]
            cell = cell_from_words(ws, page=page_no, bbox=box, tolerance=LINE_TOLERANCE_PT)
            r0, r1, c0, c1 = _at(top, ys), _at(bottom, ys), _at(x0, xs), _at(x1, xs)
            for r in range(r0, max(r1, r0 + 1)):
                for c in range(c0, max(c1, c0 + 1)):
                    if r < len(grid) and c < len(grid[r]) and grid[r][c] is None:
                        first = r == r0 and c == c0
                        grid[r][c] = cell if first else cell.model_copy(update={"spanned": True, "words": []})
        rows = [[c if c is not None else Cell(page=page_no) for c in row] for row in grid]
        bbox = Box(x0=t.bbox[0], y0=t.bbox[1], x1=t.bbox[2], y1=t.bbox[3], unit="pt")
        tables.append(
            build_table(rows, file=name, source="pdf_text", index=len(tables), page=page_no, bbox=bbox)
        )
    rest = [w for i, w in enumerate(words) if i not in taken]
    return tables, rest


def page_lines(pg: object, words: list[dict], name: str, page_no: int) -> tuple[list[Line], list[Table]]:
    """A text page's lines in reading order: table rows (one line each, with cells) and the rest.
    Tables drawn with ruling lines first; then tables whose text lines up in columns."""
    tables, rest = ruled_tables(pg, words, name, page_no)
    aligned, rows = aligned_tables(_cell_rows(rest), name, page_no) if rest else ([], [])
    for t in aligned:
        t.index = len(tables)
        tables.append(t)
    lines = [_line(cells, name, page_no) for cells in rows]
    if not tables:
        return lines, []
    return merge_lines(lines, [(t.bbox, table_lines(t, name)) for t in tables if t.bbox]), tables


# Legacy Vietnamese 8-bit fonts (TCVN3/ABC, VNI) without a Unicode map come out of the text layer as
# Latin-1 symbols: "Céng hoµ x· héi" for "Cộng hoà xã hội". None of these occur in Vietnamese text.
_LEGACY_FONT_CHARS = set("¡¢£¤¥¦§¨©ª«¬®¯°±²³´µ¶·¸¹º»¼½¾¿ÆÇËÎÏÑÖ×ØÛÜÞßåæçëîïñö÷øûüþÿ")
MIN_TEXT_CHARS = 20
SCAN_COVER = 0.5  # an image over half the page with little text on it is a scan with a stamp or footer
SCAN_TEXT_CHARS = 200


def text_layer_is_usable(lines: list[Line], *, image_cover: float = 0.0) -> bool:
    """False for an empty layer, mojibake, or a scan whose only text is a small overlay.

    Mojibake: fonts without a ToUnicode map give ``(cid:12)``, U+FFFD or private-use characters;
    legacy Vietnamese fonts give Latin-1 symbols. ``image_cover`` is the share of the page covered
    by images.
    """
    text = "".join(ln.text for ln in lines)
    stripped = "".join(text.split())
    if len(stripped) < MIN_TEXT_CHARS:
        return False
    if text.count("(cid:") > 3:
        return False
    bad = sum(ch == "\ufffd" or "\ue000" <= ch <= "\uf8ff" or ch in _LEGACY_FONT_CHARS for ch in stripped)
    if bad / len(stripped) > 0.02:
        return False
    if image_cover >= SCAN_COVER and len(stripped) < SCAN_TEXT_CHARS:
        return False
    letters = sum(ch.isalpha() for ch in stripped)
    return letters / len(stripped) > 0.4


def _image_cover(pg: object) -> float:
    """Share of the page area under images (pdfplumber's image boxes, clipped to the page)."""
    area = float(pg.width) * float(pg.height) or 1.0
    covered = 0.0
    for im in getattr(pg, "images", []):
        w = max(0.0, min(float(im["x1"]), float(pg.width)) - max(float(im["x0"]), 0.0))
        h = max(0.0, min(float(im["bottom"]), float(pg.height)) - max(float(im["top"]), 0.0))
        covered += w * h
    return min(1.0, covered / area)


def _refuse_too_many_pages(path: Path, ctx: ReadContext) -> None:
    """Count pages with pdfium (milliseconds) before pdfplumber builds every page object (seconds, MBs)."""
    import pypdfium2 as pdfium

    from .ocr import PDFIUM_LOCK  # pdfium is not thread-safe

    with PDFIUM_LOCK:
        try:
            doc = pdfium.PdfDocument(str(path))
        except Exception:  # damaged or encrypted: pdfplumber below says which, with the right message
            return
        try:
            n = len(doc)
        finally:
            doc.close()
    if n > ctx.limits.max_pages:
        raise TooLarge(
            f"tệp PDF có {n} trang, vượt giới hạn {ctx.limits.max_pages} trang: hãy tách tệp",
            f"the PDF has {n} pages, over the limit of {ctx.limits.max_pages}: split it",
        )


def read(path: Path, name: str, sha256: str, ctx: ReadContext) -> DocumentText:
    from . import ocr  # OCR is one more reader; imported here so text PDFs never need it

    _refuse_too_many_pages(path, ctx)
    try:
        pdf = pdfplumber.open(str(path))
    except PDFPasswordIncorrect as exc:
        raise EncryptedFile(
            "tệp PDF có mật khẩu: hãy gửi bản không mật khẩu",
            "the PDF is password protected: send a copy without a password",
        ) from exc
    except (PDFSyntaxError, Exception) as exc:
        if "password" in repr(exc).lower() or "encrypt" in repr(exc).lower():
            raise EncryptedFile(
                "tệp PDF có mật khẩu: hãy gửi bản không mật khẩu",
                "the PDF is password protected: send a copy without a password",
            ) from exc
        raise CorruptFile(
            "tệp PDF bị hỏng, không mở được: hãy xuất lại PDF hoặc quét lại",
            "the PDF is damaged and cannot be opened: export or scan it again",
            detail=repr(exc),
        ) from exc
    with pdf:
        n = len(pdf.pages)
        if n > ctx.limits.max_pages:
            raise TooLarge(
                f"tệp PDF có {n} trang, vượt giới hạn {ctx.limits.max_pages} trang: hãy tách tệp",
                f"the PDF has {n} pages, over the limit of {ctx.limits.max_pages}: split it",
            )
        pages: dict[int, Page] = {}
        to_ocr: dict[int, dict] = {}
        for i, pg in enumerate(pdf.pages, start=1):
            words = pg.extract_words(x_tolerance=1.5, y_tolerance=2, keep_blank_chars=False)
            lines = _group_lines(words, name, i)
            size = {"width": float(pg.width), "height": float(pg.height), "unit": "pt"}
            if text_layer_is_usable(lines, image_cover=_image_cover(pg)):
                lines, tables = page_lines(pg, words, name, i)
                pages[i] = Page(number=i, method="pdf_text", lines=lines, tables=tables, **size)
            elif not ctx.ocr_enabled:
                pages[i] = Page(number=i, method="none", note="no text layer", **size)
            else:
                to_ocr[i] = size
            pg.flush_cache()
    warnings: list[str] = []
    if to_ocr:
        results = ocr.ocr_pdf_pages(path, sorted(to_ocr), name, ctx)
        ocr_pages, warnings = ocr.collect(results, to_ocr)
        pages.update(ocr_pages)
        if len(warnings) == len(to_ocr) and not any(p.method == "pdf_text" for p in pages.values()):
            raise next(r for r in results.values() if isinstance(r, ReadError))  # nothing read at all
    ordered = [pages[i] for i in sorted(pages)]
    link_tables(ordered)
    methods = {p.method for p in ordered}
    source = "ocr" if "ocr" in methods else ("pdf_text" if "pdf_text" in methods else "none")
    return DocumentText(file=name, sha256=sha256, source=source, pages=ordered, warnings=warnings)
