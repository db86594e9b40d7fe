"""OCR: page images through Tesseract into lines, table cells and words with boxes and confidence.

One Tesseract process per page call, fed the prepared page on stdin and answering TSV on stdout (no
temporary files, no PNG encode/decode), single-threaded (``OMP_THREAD_LIMIT=1``),
and only while holding one of ``ctx.ocr_slots``: never more Tesseracts than cores in the process.
Orientation detection (OSD, a second and costly call) runs only when the first pass reads badly.
"""

from __future__ import annotations

import logging
import os
import re
import subprocess
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from statistics import median

import cv2
import numpy as np
import pytesseract
from PIL import Image

from ..errors import OcrFailed, ReadError
from ..model import Box, Cell, Line, Page, Provenance, Table, Word
from ..tables import build_table, cell_from_words, column_role, evenly_spaced, merge_lines, table_lines
from ..text import fold, nfc
from .base import ReadContext
from .prepare import (
    UPRIGHT_SHARE,
    UPSIDE_DOWN_SHARE,
    Grid,
    Prepared,
    binarise,
    check_pixels,
    erase_rules,
    find_grids,
    prepare,
    to_grey,
)

log = logging.getLogger(__name__)

CELL_GAP_HEIGHTS = 1.5  # a gap wider than 1.5 word heights (≈ 4 spaces) separates table cells
JUNK_CONF = 25.0  # an edge cell whose best word Tesseract scores below this is noise
OSD_MIN_CONFIDENCE = 1.0  # OSD's own orientation confidence; the re-read's confidence decides anyway
OSD_SIDE = 1700  # OSD reads a downscaled page: as reliable, ~40 % cheaper than full size
JPEG_QUALITY = 80
_RULES = "|¦│‖"

# pdfium is not thread-safe, not even across documents: one render at a time in the process.
PDFIUM_LOCK = threading.Lock()


class TesseractMissing(OcrFailed):
    """The Tesseract program (or its Vietnamese data) is not installed: every page would fail."""


PageLoader = Callable[[], tuple[np.ndarray, float | None]]


@dataclass
class _Word:
    text: str
    left: int
    top: int
    width: int
    height: int
    conf: float
    key: tuple[int, int, int]  # Tesseract's (block, paragraph, line)


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["OMP_THREAD_LIMIT"] = "1"  # one core per Tesseract; parallelism comes from OCR_SLOTS
    return env


def _pgm(grey: np.ndarray) -> bytes:
    """A grey page as binary PGM (P5)."""
    h, w = grey.shape
    return b"P5\n%d %d\n255\n" % (w, h) + np.ascontiguousarray(grey, dtype=np.uint8).tobytes()


def _pbm(black_white: np.ndarray) -> bytes:
    """A black-on-white page as packed 1-bit PBM (P4), ink where the pixel is dark.

    Tesseract reads it a third faster than the same page as 8-bit PGM, with the same words
    (measured: 23.3 s → 15.1 s of Tesseract CPU on 11 bench pages, identical TSV). Leptonica's
    grey PNM reader is the slow part, not the recognition.
    """
    h, w = black_white.shape
    return b"P4\n%d %d\n" % (w, h) + np.packbits(black_white < 128, axis=1).tobytes()


def _tesseract(args: list[str], image: bytes, ctx: ReadContext, page_no: int) -> str:
    """Run Tesseract on an encoded image (stdin) and return its stdout; typed errors on any failure."""
    cmd = [ctx.tesseract_cmd or pytesseract.pytesseract.tesseract_cmd, "stdin", "stdout", *args]
    with ctx.ocr_slots:
        started = time.perf_counter()
        try:
            proc = subprocess.Popen(
                cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=_env()
            )
        except OSError as exc:  # not on PATH, or tesseract_cmd points nowhere
            raise TesseractMissing(
                "chưa cài Tesseract (chương trình nhận dạng chữ): chạy 'make run' để cài",
                f"Tesseract is not installed or not found ({cmd[0]!r}): run 'make run' to install it",
                detail=repr(exc),
            ) from exc
        try:
            out, err = proc.communicate(image, timeout=ctx.limits.ocr_timeout_s)
        except subprocess.TimeoutExpired as exc:
            proc.kill()
            proc.communicate()
            raise OcrFailed(
                f"nhận dạng trang {page_no} quá {ctx.limits.ocr_timeout_s:g} giây: hãy quét lại rõ hơn",
                f"OCR of page {page_no} timed out after {ctx.limits.ocr_timeout_s:g} s: scan it again more clearly",
            ) from exc
    log.debug("tesseract %s on page %d: %.2f s", " ".join(args), page_no, time.perf_counter() - started)
    if proc.returncode != 0:
        message = err.decode("utf-8", "replace").strip()
        if "Failed loading language" in message or "Error opening data file" in message:
            raise TesseractMissing(
                f"thiếu dữ liệu ngôn ngữ '{ctx.ocr_languages}' của Tesseract: chạy 'make run' "
                "(gói tesseract-ocr-vie)",
                f"Tesseract language data '{ctx.ocr_languages}' is missing: run 'make run' (package tesseract-ocr-vie)",
                detail=message[-500:],
            )
        raise OcrFailed(
            f"Tesseract báo lỗi khi nhận dạng trang {page_no}",
            f"Tesseract failed on page {page_no} (exit {proc.returncode})",
            detail=message[-500:],
        )
    return out.decode("utf-8", "replace")


def _dpi_args(dpi: float | None) -> list[str]:
    # Without a plausible DPI Tesseract estimates one from the text size, which is what we want.
    return ["--dpi", str(round(dpi))] if dpi and 70 <= dpi <= 2400 else []


def parse_tsv(tsv: str) -> list[_Word]:
    """Tesseract TSV rows of level 5 (words) with text."""
    words = []
    for row in tsv.splitlines()[1:]:
        f = row.split("\t")
        if len(f) < 12 or f[0] != "5":
            continue
        # Table rules come out as "|" glyphs, alone or stuck to a word ("|Tổng"); " | " is our cell
        # separator, so they go.
        text = f[11].strip().strip(_RULES)
        if not text:
            continue
        words.append(
            _Word(
                text=text,
                left=int(f[6]),
                top=int(f[7]),
                width=int(f[8]),
                height=int(f[9]),
                conf=float(f[10]),
                key=(int(f[2]), int(f[3]), int(f[4])),
            )
        )
    return words


def page_confidence(words: list[_Word]) -> float | None:
    """Mean word confidence, counting words with a letter or digit (specks of dirt are not text)."""
    confs = [w.conf for w in words if w.conf >= 0 and any(ch.isalnum() for ch in w.text)]
    return round(sum(confs) / len(confs), 1) if confs else None


def _rows(words: list[_Word]) -> list[list[_Word]]:
    """Tesseract lines, then lines side by side (table cells Tesseract put in separate blocks) merged."""
    lines: dict[tuple[int, int, int], list[_Word]] = {}
    for w in words:
        lines.setdefault(w.key, []).append(w)
    spans = sorted(
        (
            (
                min(w.top for w in ws),
                max(w.top + w.height for w in ws),
                min(w.left for w in ws),
                max(w.left + w.width for w in ws),
                ws,
            )
            for ws in lines.values()
        ),
        key=lambda s: (s[0], s[2]),
    )
    rows: list[list] = []  # [top, bottom, [(x0, x1)], words]
    for top, bottom, x0, x1, ws in spans:
        height = bottom - top
        for row in rows:
            overlap = min(bottom, row[1]) - max(top, row[0])
            side_by_side = all(x1 <= a or x0 >= b for a, b in row[2])
            if side_by_side and overlap >= 0.5 * min(height, row[1] - row[0]):
                row[0], row[1] = min(top, row[0]), max(bottom, row[1])
                row[2].append((x0, x1))
                row[3].extend(ws)
                break
        else:
            rows.append([top, bottom, [(x0, x1)], list(ws)])
    rows.sort(key=lambda r: r[0])
    return [sorted(r[3], key=lambda w: w.left) for r in rows]


# A slash between two words that OCR glued to one of them ("thường kỳ /chuyên đề"): the spacing
# around it is Tesseract's guess, so it is written evenly, as the page prints it ("kỳ / chuyên").
# Between figures ("12/5", "17 /18") it is left alone: that spacing is the rules' business.
_LOPSIDED_SLASH = re.compile(r"(?<=[^\W\d_]) /(?=[^\W\d_])|(?<=[^\W\d_])/ (?=[^\W\d_])")


def ocr_text(words: Iterable[str]) -> str:
    """The text of OCR'd words in reading order, NFC, a lopsided slash between words made even."""
    return _LOPSIDED_SLASH.sub(" / ", nfc(" ".join(words)))


def _doubted(cell: list[_Word]) -> bool:
    return max(w.conf for w in cell) < JUNK_CONF and not any(re.fullmatch(r"[\d.,/%]+", w.text) for w in cell)


def build_lines(words: list[_Word], name: str, page_no: int) -> list[Line]:
    """Rows in reading order; a row with wide gaps is split into ``cells`` as the PDF reader does."""
    lines = []
    for row in _rows(words):
        gap = CELL_GAP_HEIGHTS * median(w.height for w in row)
        cells: list[list[_Word]] = [[row[0]]]
        # A justified line stretches every gap alike: no cells in it however wide they are.
        prose = evenly_spaced([w.left - (p.left + p.width) for p, w in pairwise(row)], 0.35)
        for prev, w in pairwise(row):
            if w.left - (prev.left + prev.width) > gap and not prose:
                cells.append([w])
            else:
                cells[-1].append(w)
        # Marks at the edge of a photographed page (the paper's edge, shadows, a finger) come out
        # as a cell of "words" Tesseract itself doubts ("đxanGbG „" at 0-19): they would make a
        # line of prose look like a table row. Dropped when every word of the edge cell is doubted
        # and none is a number: a doubted row number ("5") keeps the row's columns where they are.
        while len(cells) > 1 and _doubted(cells[0]):
            cells.pop(0)
        while len(cells) > 1 and _doubted(cells[-1]):
            cells.pop()
        row = [w for c in cells for w in c]
        texts = [ocr_text(w.text for w in c) for c in cells]
        out_words = [
            Word(
                text=w.text,
                bbox=Box(x0=w.left, y0=w.top, x1=w.left + w.width, y1=w.top + w.height, unit="px"),
                confidence=round(w.conf, 1),
            )
            for w in row
        ]
        bbox = out_words[0].bbox
        for w in out_words[1:]:
            bbox = bbox.union(w.bbox)
        confs = [w.conf for w in row if w.conf >= 0]
        lines.append(
            Line(
                text=" | ".join(texts) if len(texts) > 1 else texts[0],
                cells=texts if len(texts) > 1 else None,
                words=out_words,
                prov=Provenance(
                    file=name,
                    page=page_no,
                    bbox=bbox,
                    confidence=round(sum(confs) / len(confs), 1) if confs else None,
                ),
            )
        )
    return lines


MAX_CELL_LINES = 8  # a "cell" holding more lines of text than this is a frame round the page, not a table
_RULE_JUNK = re.compile(r"^[|¦│‖_\[\]{}()—–~`'‘’\"“”.,:;!]+$")


def _word(w: _Word) -> Word:
    return Word(
        text=w.text,
        bbox=Box(x0=w.left, y0=w.top, x1=w.left + w.width, y1=w.top + w.height, unit="px"),
        confidence=round(w.conf, 1),
    )


def page_grids(image: np.ndarray, name: str, page_no: int) -> list[Grid]:
    """:func:`~extractors.readers.prepare.find_grids`, none when OpenCV cannot analyse the image."""
    try:
        return find_grids(image)
    except cv2.error:  # pragma: no cover - an image OpenCV cannot analyse: read it as lines
        log.warning("grid detection failed on page %d of %s", page_no, name, exc_info=True)
        return []


def page_tables(
    image: np.ndarray, words: list[_Word], name: str, page_no: int, grids: list[Grid] | None = None
) -> tuple[list[Table], list[_Word]]:
    """Ruled tables of a page image (``grids``, found here when not given) with the Tesseract words
    inside each cell (by the word's centre), as :class:`Table`; and the words outside every table.
    Strokes of the ruling read as words ("|", "_") are left out."""
    if grids is None:
        grids = page_grids(image, name, page_no)
    tables: list[Table] = []
    taken: set[int] = set()
    for g in grids:
        mine: set[int] = set()
        crowded = False
        grid: list[list[Cell | None]] = [[None] * g.n_cols for _ in range(g.n_rows)]
        for r0, r1, c0, c1, (x0, y0, x1, y1) in g.cells:
            inside = [
                i
                for i, w in enumerate(words)
                if i not in taken and x0 <= w.left + w.width / 2 <= x1 and y0 <= w.top + w.height / 2 <= y1
            ]
            taken.update(inside)
            mine.update(inside)
            crowded = crowded or len({words[i].key for i in inside}) > MAX_CELL_LINES
            kept = [_word(words[i]) for i in inside if not _RULE_JUNK.match(words[i].text)]
            box = Box(x0=x0, y0=y0, x1=x1, y1=y1, unit="px")
            tol = 0.5 * median(w.bbox.y1 - w.bbox.y0 for w in kept) if kept else 3.0
            cell = cell_from_words(kept, page=page_no, bbox=box, tolerance=tol)
            cell.text = ocr_text(w.text for w in cell.words)
            for r in range(r0, r1 + 1):
                for c in range(c0, c1 + 1):
                    grid[r][c] = (
                        cell if (r, c) == (r0, c0) else cell.model_copy(update={"spanned": True, "words": []})
                    )
        rows = [[c if c is not None else Cell(page=page_no) for c in row] for row in grid]
        gx0, gy0, gx1, gy1 = g.box
        bbox = Box(x0=gx0, y0=gy0, x1=gx1, y1=gy1, unit="px")
        table = build_table(rows, file=name, source="ocr", index=len(tables), page=page_no, bbox=bbox)
        if not crowded and sum(1 for row in table.rows if any(c.text for c in row)) >= 2:
            tables.append(table)
        else:  # a box around a line of text, or an empty form: its words are read as lines
            taken -= mine
    rest = [w for i, w in enumerate(words) if i not in taken]
    return tables, rest


_REREAD_ROLES = {"max", "score", "deduction", "index", "result", "target", "pct"}
MAX_REREAD_CELLS = 60
CELL_PAD = 6  # px kept off a cell's edges so that its ruling is not read


def _has_ink(image: np.ndarray, b: Box) -> bool:
    crop = image[int(b.y0) + CELL_PAD : int(b.y1) - CELL_PAD, int(b.x0) + CELL_PAD : int(b.x1) - CELL_PAD]
    if crop.size == 0 or crop.shape[0] < 8 or crop.shape[1] < 8:
        return False
    ink = crop < min(128, int(np.median(crop)) - 60)
    return bool(ink.mean() > 0.004)


def _figure_columns(t: Table) -> list[bool]:
    # A table going on from the last page has no header yet: any column but the label's.
    return [role in _REREAD_ROLES or (t.header_rows == 0 and role == "other") for role in t.roles]


def _unnamed(t: Table, c: int) -> bool:
    """A column of a table with a header whose heading was not read (its cells may hold ink)."""
    return t.header_rows > 0 and not t.header[c].strip()


def empty_cells(image: np.ndarray, tables: list[Table]) -> list[tuple[int, int, int, Box]]:
    """Cells Tesseract left empty but that hold ink: (table, row, col, box). Body cells of figure
    columns; and a heading left unread (its cell holds ink) with the cells under it, header first,
    so that the column gets its role when the table is built again (:func:`reread_tables`).

    A page read whole sometimes skips a lone figure in a ruled cell, or a whole column beside a
    skewed rule (the rules around it confuse the page layout analysis); read on its own the
    figure comes out."""
    heads, out = [], []
    for ti, t in enumerate(tables):
        wanted = _figure_columns(t)
        for r in range(t.header_rows):
            for c, cell in enumerate(t.rows[r]):
                if (
                    _unnamed(t, c)
                    and not cell.spanned
                    and cell.bbox is not None
                    and _has_ink(image, cell.bbox)
                ):
                    heads.append((ti, r, c, cell.bbox))
        unread = {c for t_, _, c, _ in heads if t_ == ti}
        for r in range(t.header_rows, len(t.rows)):
            row = t.rows[r]
            if not any(c.text for c in row):
                continue
            for c, cell in enumerate(row):
                if cell.text or cell.spanned or cell.bbox is None or not (wanted[c] or c in unread):
                    continue
                if _has_ink(image, cell.bbox):
                    out.append((ti, r, c, cell.bbox))
    return (heads + out)[:MAX_REREAD_CELLS]


_ZERO_MARKS = {"-", "x", "0", "o", "k"}  # zero or "none" written as a mark, kept as written
# A figure cell as it should read: "12", "7,5", "95%", "0", "17/18", "(91,67%)".
_FIGURE_CELL = re.compile(r"^\(?\d+(?:[.,]\d+)?\s*%?\)?(?:\s*/\s*\d+)?$")
MAX_FIGURE_CHARS = 12  # longer cells hold words ("12 cuộc, đạt 100%"): not re-read as one figure


def _value(text: str) -> float | None:
    m = _FIGURE_CELL.match(text.strip())
    if not m:
        return None
    return float(re.sub(r"[^\d,.]", "", text.split("/")[0]).replace(",", "."))


def doubtful_cells(tables: list[Table]) -> list[tuple[int, int, int, Box]]:
    """Body cells of figure columns whose reading the table itself doubts: (table, row, col, box).

    - text that is not a figure but short enough to be one ("J25_", "2O", "7.S"): a rule or a stain
      read with it;
    - a score (or deduction) above its row's maximum ("79" beside a maximum of 8: the decimal
      comma of "7,9" lost): both cells are read again, on their own.
    Zero in words ("không", "-") is a reading, not a doubt."""
    out = []
    for ti, t in enumerate(tables):
        wanted = _figure_columns(t)
        roles = t.roles
        for r in range(t.header_rows, len(t.rows)):
            row = t.rows[r]
            picked: set[int] = set()
            for c, cell in enumerate(row):
                text = cell.text.strip()
                if not wanted[c] or cell.spanned or cell.bbox is None or not text or roles[c] == "index":
                    continue
                if len(text) <= MAX_FIGURE_CHARS and _value(text) is None and re.search(r"\d", text):
                    picked.add(c)
            # A letter or two where the header asks for a figure ("H" for 7 under "Tán thành"): the
            # body then made the column look like words, so the header alone says what it holds.
            for c, cell in enumerate(row):
                text = cell.text.strip()
                if (
                    text
                    and len(text) <= 2
                    and not re.search(r"\d", text)
                    and fold(text) not in _ZERO_MARKS
                    and not cell.spanned
                    and cell.bbox is not None
                    and column_role(t.header[c]) in _REREAD_ROLES - {"index"}
                ):
                    picked.add(c)
            maxes = [c for c, role in enumerate(roles) if role == "max" and _value(row[c].text) is not None]
            for c, role in enumerate(roles):
                v = _value(row[c].text) if role in ("score", "deduction") else None
                if v is not None and maxes and v > max(_value(row[m].text) or 0.0 for m in maxes):
                    picked.add(c)
                    picked.update(maxes)
            out += [(ti, r, c, row[c].bbox) for c in sorted(picked) if row[c].bbox is not None]
    return out[:MAX_REREAD_CELLS]


FIGURE_PX = 30.0  # ink height a lone figure is re-read at: at ~50 px Tesseract read "7,5" as "?45"
CROP_MARGIN = 12  # px of white kept round a figure's ink


def _figure_crop(bw: np.ndarray) -> tuple[np.ndarray, int, int, float]:
    """A cell's ink cut out with a margin and, when it is one line, scaled to ``FIGURE_PX`` high:
    (image, left, top, scale) with left/top where the cut starts in the cell."""
    ys, xs = np.nonzero(bw < 128)
    if not len(ys):
        return bw, 0, 0, 1.0
    top, left = max(0, int(ys.min()) - CROP_MARGIN), max(0, int(xs.min()) - CROP_MARGIN)
    cut = bw[top : int(ys.max()) + CROP_MARGIN + 1, left : int(xs.max()) + CROP_MARGIN + 1]
    rows = np.flatnonzero((cut < 128).any(axis=1))
    one_line = len(rows) and bool(np.all(np.diff(rows) <= 2))  # no blank row inside the ink
    scale = min(2.0, max(0.5, FIGURE_PX / (rows[-1] - rows[0] + 1))) if one_line else 1.0
    if abs(scale - 1.0) > 0.1:
        interp = cv2.INTER_AREA if scale < 1 else cv2.INTER_CUBIC
        cut = cv2.resize(cut, None, fx=scale, fy=scale, interpolation=interp)
        _, cut = cv2.threshold(cut, 127, 255, cv2.THRESH_BINARY)
    else:
        scale = 1.0
    return cut, left, top, scale


def reread_cells(
    image: np.ndarray, cells: list[tuple[int, int, int, Box]], ctx: ReadContext, page_no: int
) -> dict[tuple[int, int, int], list[_Word]]:
    """Tesseract once over the given cells stacked on a white strip; their words, in page coordinates.

    Each cell's ink is cut out and a one-line cell scaled to a figure's reading height
    (:func:`_figure_crop`): Tesseract reads a lone figure by its size, not by the page's."""
    if not cells:
        return {}
    crops = []
    for *_, b in cells:
        x0, y0 = int(b.x0) + CELL_PAD, int(b.y0) + CELL_PAD
        crop = image[y0 : int(b.y1) - CELL_PAD, x0 : int(b.x1) - CELL_PAD]
        # Each cell thresholded on its own: a shadowed corner of a photo is no darker than its ink.
        _, bw = cv2.threshold(crop, 0, 255, cv2.THRESH_BINARY | cv2.THRESH_OTSU)
        cut, left, top, scale = _figure_crop(bw)
        crops.append((x0 + left, y0 + top, scale, cut))
    gap = 40
    width = max(c.shape[1] for *_, c in crops) + 2 * gap
    height = sum(c.shape[0] + gap for *_, c in crops) + gap
    strip = np.full((height, width), 255, np.uint8)
    spots = []
    y = gap
    for x0, y0, scale, crop in crops:
        h, w = crop.shape
        strip[y : y + h, gap : gap + w] = crop
        spots.append((y, y + h, x0, y0, scale))
        y += h + gap
    args = ["-l", ctx.ocr_languages, "--psm", "6", "tsv"]
    try:
        found = parse_tsv(_tesseract(args, _pgm(strip), ctx, page_no))
    except TesseractMissing:
        raise
    except OcrFailed as exc:
        log.info("re-reading empty cells of page %d failed: %s", page_no, exc.detail or exc)
        return {}
    out: dict[tuple[int, int, int], list[_Word]] = {}
    for w in found:
        if not w.text.strip() or _RULE_JUNK.match(w.text):
            continue
        mid = w.top + w.height / 2
        for (top, bottom, x0, y0, scale), (ti, r, c, _) in zip(spots, cells, strict=True):
            if top - gap / 2 <= mid <= bottom + gap / 2:
                key = (ti, r, c)
                left, up = x0 + round((w.left - gap) / scale), y0 + round((w.top - top) / scale)
                size = (round(w.width / scale), round(w.height / scale))
                out.setdefault(key, []).append(_Word(w.text, left, up, *size, w.conf, (-1, ti, r * 100 + c)))
                break
    return out


def fill_cells(tables: list[Table], found: dict[tuple[int, int, int], list[_Word]], page_no: int) -> None:
    """Put re-read words into their cells: an empty cell takes them; a doubted one (see
    :func:`doubtful_cells`) only when they read as a figure, and, for a score above its maximum,
    only when the row's figures read again are consistent (score ≤ maximum)."""
    fresh: dict[tuple[int, int, int], Cell] = {}
    for (ti, r, c), ws in found.items():
        cell = tables[ti].rows[r][c]
        fresh[(ti, r, c)] = cell_from_words(
            [_word(w) for w in ws], page=page_no, bbox=cell.bbox, tolerance=10.0
        )
    for (ti, r, c), new in fresh.items():
        t = tables[ti]
        old = t.rows[r][c]
        if not old.text:
            t.rows[r][c] = new
            continue
        if _value(new.text) is None:
            continue
        if _value(old.text) is None:  # "J25_" → "25"
            t.rows[r][c] = new
            continue
        row = [fresh.get((ti, r, k), t.rows[r][k]) for k in range(len(t.rows[r]))]
        maxes = [_value(row[k].text) for k, role in enumerate(t.roles) if role == "max"]
        scores = [_value(row[k].text) for k, role in enumerate(t.roles) if role in ("score", "deduction")]
        top = max((m for m in maxes if m is not None), default=None)
        if top is not None and all(v is None or v <= top for v in scores):
            t.rows[r][c] = new


def reread_tables(image: np.ndarray, tables: list[Table], ctx: ReadContext, page_no: int) -> list[Table]:
    """The cells a page read left empty or in doubt read again on their own (:func:`empty_cells`,
    :func:`doubtful_cells`); a table whose unread heading was read now is built again, so that the
    column takes the role its heading names."""
    cells = empty_cells(image, tables) + doubtful_cells(tables)
    found = reread_cells(image, cells[:MAX_REREAD_CELLS], ctx, page_no)
    unnamed = {ti for ti, _, c in found if _unnamed(tables[ti], c)}
    fill_cells(tables, found, page_no)
    out = list(tables)
    for ti in unnamed:
        t = tables[ti]
        out[ti] = build_table(t.rows, file=t.file, source="ocr", index=t.index, page=t.page, bbox=t.bbox)
    return out


def page_lines(
    image: np.ndarray,
    words: list[_Word],
    name: str,
    page_no: int,
    ctx: ReadContext | None = None,
    grids: list[Grid] | None = None,
) -> tuple[list[Line], list[Table]]:
    """A page's lines in reading order: ruled tables' rows (one line each, with cells) and the rest."""
    tables, rest = page_tables(image, words, name, page_no, grids)
    if ctx is not None and tables:
        tables = reread_tables(image, tables, ctx, page_no)
    lines = build_lines(rest, name, page_no) if rest else []
    if not tables:
        return lines, []
    return merge_lines(lines, [(t.bbox, table_lines(t, name)) for t in tables if t.bbox]), tables


def _read(
    prep: Prepared, ctx: ReadContext, dpi: float | None, page_no: int, name: str = ""
) -> tuple[list[_Word], list[Grid], np.ndarray]:
    """Tesseract's words on the prepared page; its tables' grids; and the black-and-white page it
    read, with the tables' rules erased (cells are read again from it)."""
    args = ["-l", ctx.ocr_languages, "--psm", "3", *_dpi_args(dpi and dpi * prep.scale), "tsv"]
    px = prep.text_px * prep.scale if prep.text_px else None
    grids = page_grids(prep.image, name, page_no)
    page = erase_rules(binarise(prep.image, px), grids, px)
    return parse_tsv(_tesseract(args, _pbm(page), ctx, page_no)), grids, page


def detect_rotation(grey: np.ndarray, ctx: ReadContext, page_no: int) -> tuple[int, float]:
    """Tesseract OSD on a downscaled copy: (clockwise turn that makes the page upright, confidence)."""
    h, w = grey.shape
    scale = min(1.0, OSD_SIDE / max(h, w))
    small = cv2.resize(grey, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA) if scale < 1 else grey
    try:
        out = _tesseract(["--psm", "0"], _pgm(small), ctx, page_no)
    except TesseractMissing:
        raise
    except OcrFailed as exc:  # too few characters, or OSD data missing: read the page as it is
        log.info("OSD gave nothing on page %d: %s", page_no, exc.detail or exc)
        return 0, 0.0
    rot = re.search(r"Rotate:\s*(\d+)", out)
    conf = re.search(r"Orientation confidence:\s*([\d.]+)", out)
    return (int(rot.group(1)) % 360 if rot else 0), (float(conf.group(1)) if conf else 0.0)


def ocr_array(grey: np.ndarray, name: str, page_no: int, ctx: ReadContext, dpi: float | None = None) -> Page:
    """Prepare, read, and (only when the read is poor) turn upright and read again; keep the page image.

    Right-angle turns are guessed from the glyphs before reading, at no Tesseract cost: a page
    whose accents hang under the letters gets half a turn; lines that run down the page get a
    quarter turn, and the accents then say which quarter. OSD, which costs most of a page read,
    runs when the accents of a sideways page cannot tell, and after a poor read (which also
    corrects a wrong guess).
    """
    base = prepare(grey, ctx.limits)
    prep, asked = base, False
    if base.sideways:
        above = base.accents_after(90)
        if above is not None and above >= UPRIGHT_SHARE:
            prep = base.turned(90)
        elif above is not None and above < UPSIDE_DOWN_SHARE:
            prep = base.turned(270)
        else:
            asked = True
            turn, osd_conf = detect_rotation(base.image, ctx, page_no)
            if turn in (90, 270) and osd_conf >= OSD_MIN_CONFIDENCE:
                prep = base.turned(turn)
    elif base.upside_down:
        prep = base.turned(180)
    words, grids, bw = _read(prep, ctx, dpi, page_no, name)
    conf = page_confidence(words)
    if not asked and (conf is None or conf < ctx.osd_below):
        turn, osd_conf = detect_rotation(prep.image, ctx, page_no)
        if turn and osd_conf >= OSD_MIN_CONFIDENCE:
            total = (prep.rotation + turn) % 360  # OSD saw the page as already turned
            turned = base.turned(total)
            words2, grids2, bw2 = _read(turned, ctx, dpi, page_no, name)
            conf2 = page_confidence(words2)
            log.info("page %d of %s turned %d°: confidence %s → %s", page_no, name, total, conf, conf2)
            if conf2 is not None and (conf is None or conf2 > conf):
                prep, words, conf, grids, bw = turned, words2, conf2, grids2, bw2
    image_path = ctx.page_image_path(name, page_no)
    ok, jpeg = cv2.imencode(".jpg", prep.image, [cv2.IMWRITE_JPEG_QUALITY, JPEG_QUALITY])
    if ok:
        image_path.write_bytes(jpeg.tobytes())
    h, w = prep.image.shape
    # Cells are read again from the page Tesseract read: lighting flattened, rules erased.
    lines, tables = page_lines(bw, words, name, page_no, ctx, grids)
    return Page(
        number=page_no,
        method="ocr",
        lines=lines,
        tables=tables,
        width=w,
        height=h,
        unit="px",
        confidence=conf,
        rotation=prep.rotation,
        skew=prep.skew,
        image=str(image_path) if ok else None,
        note=None if words else "không nhận ra chữ nào / no text recognised",
    )


def ocr_image(img: Image.Image, name: str, page_no: int, ctx: ReadContext, dpi: float | None = None) -> Page:
    """OCR one PIL page image (kept for callers that hold a PIL image)."""
    check_pixels(img.width, img.height, ctx.limits, f"trang {page_no}")
    return ocr_array(to_grey(img), name, page_no, ctx, dpi)


def failed_page(page_no: int, exc: ReadError, **size: float | str | None) -> Page:
    """The place of a page that could not be OCR'd: no text, and why."""
    return Page(number=page_no, method="none", note=exc.message, **size)


def ocr_pages(
    jobs: Iterable[tuple[int, PageLoader]], name: str, ctx: ReadContext
) -> dict[int, Page | ReadError]:
    """OCR pages concurrently (``ctx.ocr_threads`` workers); a page's OcrFailed is its result.

    Loaders run in the worker threads. Tesseract missing stops everything: every page would fail.
    """
    workers = max(1, ctx.ocr_threads)
    in_flight = threading.BoundedSemaphore(workers + 1)  # bounds the decoded pages held in memory
    stop = threading.Event()

    def work(page_no: int, load: PageLoader) -> Page:
        try:
            grey, dpi = load()
            return ocr_array(grey, name, page_no, ctx, dpi)
        except TesseractMissing:
            stop.set()
            raise
        finally:
            in_flight.release()

    futures: list[tuple[int, Future[Page]]] = []
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="ocr") as pool:
        for page_no, load in jobs:
            in_flight.acquire()
            if stop.is_set():
                in_flight.release()
                break
            futures.append((page_no, pool.submit(work, page_no, load)))
    results: dict[int, Page | ReadError] = {}
    for page_no, fut in futures:
        exc = fut.exception()
        if isinstance(exc, TesseractMissing) or (exc is not None and not isinstance(exc, OcrFailed)):
            raise exc
        if isinstance(exc, OcrFailed):
            log.warning("OCR failed on page %d of %s: %s", page_no, name, exc.message_en)
            results[page_no] = exc
        else:
            results[page_no] = fut.result()
    return results


def collect(
    results: dict[int, Page | ReadError], sizes: dict[int, dict]
) -> tuple[dict[int, Page], list[str]]:
    """Pages for the results and the warnings for the pages that failed."""
    pages: dict[int, Page] = {}
    warnings: list[str] = []
    for page_no, res in results.items():
        if isinstance(res, ReadError):
            pages[page_no] = failed_page(page_no, res, **sizes.get(page_no, {}))
            warnings.append(res.message)
        else:
            pages[page_no] = res
    return pages, warnings


# pdfium's colour spaces whose JPEG decodes to the page's look in grey (not CMYK, Lab, indexed).
_PLAIN_COLOURS = {1, 2, 4, 5, 7}  # DeviceGray, DeviceRGB, CalGray, CalRGB, ICCBased
SCAN_CHECK_SIDE = 96  # the thumbnail a page render and its embedded scan are compared on
SCAN_CHECK_DIFF = 12.0  # mean grey difference (0-255) above which the scan is not what the page shows


def render_grey(page: object, scale: float) -> np.ndarray:
    """A PDF page rendered in grey at ``scale`` (pixels per point). Call with ``PDFIUM_LOCK`` held."""
    bitmap = page.render(scale=scale, grayscale=True)
    try:
        arr = np.array(bitmap.to_numpy())  # a copy: the bitmap's buffer dies with it
    finally:
        bitmap.close()
    if arr.ndim == 3:
        arr = cv2.cvtColor(arr, cv2.COLOR_BGRA2GRAY if arr.shape[2] == 4 else cv2.COLOR_BGR2GRAY)
    return arr


def embedded_scan(page: object, dpi: int, max_pixels: int) -> tuple[np.ndarray, float] | None:
    """The page's scan as stored in the PDF, when it is all the page shows; else None (render it).

    A scanned page is one JPEG laid over the whole page. Decoding and resizing it to ``dpi`` costs
    a third of rendering the page at that resolution (measured: ~50 ms against ~150 ms for an A4
    page at 300 dpi, the check below included). Anything else (several objects, a turned or
    mirrored placement, a page /Rotate, CMYK, a mask) is rendered, and a tiny render of the page
    must match the decoded scan, which catches what the metadata does not say (a /Decode array,
    a soft mask). Call with ``PDFIUM_LOCK`` held.
    """
    import pypdfium2.raw as pdfium_c

    objects = list(page.get_objects(max_depth=1))
    if len(objects) != 1 or objects[0].type != pdfium_c.FPDF_PAGEOBJ_IMAGE or page.get_rotation():
        return None
    img = objects[0]
    a, b, c, d, _e, _f = img.get_matrix().get()
    if b or c or a <= 0 or d <= 0 or img.get_filters() != ["DCTDecode"]:
        return None
    w_pt, h_pt = page.get_size()
    left, bottom, right, top = img.get_bounds()
    if max(abs(left), abs(bottom), abs(right - w_pt), abs(top - h_pt)) > 2.0:  # not edge to edge
        return None
    meta = img.get_metadata()
    if meta.colorspace not in _PLAIN_COLOURS or meta.width * meta.height > max_pixels:
        return None
    grey = cv2.imdecode(np.frombuffer(img.get_data(decode_simple=False), np.uint8), cv2.IMREAD_GRAYSCALE)
    if grey is None or grey.shape != (meta.height, meta.width):
        return None
    native = meta.width / (w_pt / 72)
    if abs(native - dpi) > 0.1 * dpi:  # read at the OCR resolution, as a render would be
        f = dpi / native
        if meta.width * meta.height * f * f > max_pixels:
            return None
        # Up: Tesseract reads 150-200 dpi text better at 300 (measured on held-out scans), and
        # bicubic keeps strokes sharper than pdfium's render. Down: a 600 dpi scan has no more to read.
        grey = cv2.resize(grey, None, fx=f, fy=f, interpolation=cv2.INTER_CUBIC if f > 1 else cv2.INTER_AREA)
        native = dpi
    shown = render_grey(page, SCAN_CHECK_SIDE / max(w_pt, h_pt))
    mine = cv2.resize(grey, (shown.shape[1], shown.shape[0]), interpolation=cv2.INTER_AREA)
    if float(np.abs(mine.astype(np.int16) - shown.astype(np.int16)).mean()) > SCAN_CHECK_DIFF:
        log.info("embedded scan differs from the rendered page: rendering it")
        return None
    return grey, native


def ocr_pdf_pages(path: Path, numbers: list[int], name: str, ctx: ReadContext) -> dict[int, Page | ReadError]:
    """OCR the given PDF pages (1-based): the embedded scan where that is the page, else rendered in
    grey at ``ctx.ocr_dpi``, capped to the pixel budget."""
    import pypdfium2 as pdfium

    with PDFIUM_LOCK:
        pdf = pdfium.PdfDocument(str(path))

    def loader(page_no: int) -> PageLoader:
        def load() -> tuple[np.ndarray, float | None]:
            with PDFIUM_LOCK:
                page = pdf[page_no - 1]
                try:
                    try:
                        scan = embedded_scan(page, ctx.ocr_dpi, ctx.limits.max_pixels)
                    except Exception:  # an odd image object: pdfium's render copes with more
                        log.debug("embedded scan of page %d unusable", page_no, exc_info=True)
                        scan = None
                    if scan is not None:
                        return scan
                    w_pt, h_pt = page.get_size()
                    scale = ctx.ocr_dpi / 72
                    px = w_pt * h_pt * scale * scale
                    if px > ctx.limits.max_pixels:  # a poster-sized page: lower the dpi rather than fail
                        scale *= (ctx.limits.max_pixels / px) ** 0.5
                        log.info(
                            "page %d rendered at %.0f dpi to stay under the pixel budget", page_no, scale * 72
                        )
                    return render_grey(page, scale), scale * 72
                finally:
                    page.close()

        return load

    try:
        return ocr_pages(((n, loader(n)) for n in numbers), name, ctx)
    finally:
        with PDFIUM_LOCK:
            pdf.close()
