"""Text with provenance: what a reader makes of one file.

A :class:`DocumentText` is a list of :class:`Page`; a page is a list of :class:`Line` in reading
order. A Word table row, a PDF text line and an OCR line are all a ``Line``; a table row also
keeps its ``cells``. Every line knows where it came from (:class:`Provenance`), so every value
pulled out of it can be shown to a reviewer beside its source.

Tables: every reader also gives the document's tables in one model, :class:`Table` (in
``DocumentText.tables``): rows × columns of :class:`Cell`, whatever the source — Word cells (merged
cells repeated in every grid column and row they cover, marked ``spanned``), pdfplumber tables found
from the ruling lines of a text PDF, or the grid found on a scan (OpenCV line morphology) with the
Tesseract words inside each cell. A header split over several rows ("Điểm tối" / "đa", or a merged
"Điểm" over "Tối đa" | "Tự chấm") is merged per column into one label (``Table.header``), and each
column gets a role from its label (``Table.roles``, see :data:`ColumnRole`; built by
:mod:`extractors.tables`). Each body row is also a :class:`Line` with ``cells`` — as before — that
carries its table's ``header`` and ``roles``, so rules that read lines can read a column by role.

Conventions: pages are numbered from 1; boxes are ``(x0, y0, x1, y1)`` with the origin at the
top-left of the page, in PDF points (``unit="pt"``) for text-layer PDFs and in pixels of the
page image (``unit="px"``) for OCR; confidences are 0–100 as Tesseract gives them.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SourceKind = Literal["docx", "pdf_text", "ocr", "doc", "none"]


class Box(BaseModel):
    """A rectangle on a page, origin top-left."""

    model_config = ConfigDict(frozen=True)

    x0: float
    y0: float
    x1: float
    y1: float
    unit: Literal["pt", "px"] = "px"

    def union(self, other: Box) -> Box:
        return Box(
            x0=min(self.x0, other.x0),
            y0=min(self.y0, other.y0),
            x1=max(self.x1, other.x1),
            y1=max(self.y1, other.y1),
            unit=self.unit,
        )


class Provenance(BaseModel):
    """Where a piece of text was read: file, page (1-based) and, by source, block/table/cell or box."""

    model_config = ConfigDict(frozen=True)

    file: str
    page: int | None = None
    block: int | None = None  # docx: index of the paragraph or table in the body
    table: int | None = None  # docx: index of the table among the document's tables
    row: int | None = None
    cell: int | None = None
    bbox: Box | None = None
    confidence: float | None = None


class Word(BaseModel):
    """One OCR or PDF word with its box; lets evidence crops point at the exact number."""

    text: str
    bbox: Box
    confidence: float | None = None


# What a table column holds, from its header label (extractors.tables.column_role):
# label: the row's name; max: điểm chuẩn / tối đa / thang điểm; score: tự chấm / tự đánh giá /
# điểm đạt; deduction: trừ / điểm trừ; target: chỉ tiêu / kế hoạch (numbers); result: kết quả /
# thực hiện / số lượng; pct: tỷ lệ; index: STT / TT; note: ghi chú; other: none of these.
ColumnRole = Literal[
    "label", "max", "score", "deduction", "target", "result", "pct", "index", "note", "other"
]


class Line(BaseModel):
    """One line of text in reading order: a paragraph, a PDF/OCR line, or a table row."""

    text: str
    prov: Provenance
    cells: list[str] | None = None  # set when the line is a table row
    words: list[Word] = Field(default_factory=list)
    # Set on the body rows of a Table (one entry per cell): the column's merged header label and role.
    header: list[str] | None = None
    roles: list[ColumnRole] | None = None


class Cell(BaseModel):
    """One cell of a :class:`Table`: its text, the words in it with their boxes, where it is."""

    text: str = ""
    words: list[Word] = Field(default_factory=list)
    bbox: Box | None = None  # origin top-left; unit "pt" (text PDF) or "px" (page image); None for Word
    confidence: float | None = None  # mean OCR word confidence, None when not OCR'd
    page: int | None = None  # 1-based
    spanned: bool = False  # the continuation of a merged cell (left or above): same text, not new text


class Table(BaseModel):
    """A table as rows × columns of cells (rectangular: short rows padded with empty cells).

    The first ``header_rows`` rows are the header; ``header`` is their text merged per column
    (top to bottom, a merged cell's text once) and ``roles`` the role of each column.
    """

    file: str
    index: int  # 0-based among the document's tables
    source: SourceKind
    page: int | None = None  # 1-based page of its first row
    bbox: Box | None = None
    rows: list[list[Cell]] = Field(default_factory=list)
    header_rows: int = 0
    header: list[str] = Field(default_factory=list)
    roles: list[ColumnRole] = Field(default_factory=list)
    continues: int | None = None  # index of the table it goes on from (over a page), header taken from it

    @property
    def n_cols(self) -> int:
        return max((len(r) for r in self.rows), default=0)

    @property
    def body(self) -> list[list[Cell]]:
        return self.rows[self.header_rows :]

    def texts(self) -> list[list[str]]:
        """The cell texts, row by row (header rows included)."""
        return [[c.text for c in r] for r in self.rows]

    def column(self, role: str) -> int | None:
        """The first column with ``role``, or None."""
        return next((i for i, r in enumerate(self.roles) if r == role), None)


class Page(BaseModel):
    """One page as read: how (method), how well (confidence) and its lines."""

    number: int  # 1-based
    method: SourceKind
    lines: list[Line] = Field(default_factory=list)
    width: float | None = None
    height: float | None = None
    unit: Literal["pt", "px"] | None = None
    confidence: float | None = None  # mean OCR word confidence, None when not OCR'd
    rotation: int = 0  # degrees the page was turned to read it
    skew: float = 0.0  # degrees of deskew applied
    image: str | None = None  # path of the page image kept for evidence crops
    note: str | None = None  # why the page is empty, e.g. "no text layer"
    tables: list[Table] = Field(default_factory=list)  # the tables that begin on this page


class DocumentText(BaseModel):
    """Everything a reader got out of one file."""

    file: str  # path relative to the dossier root, with forward slashes
    sha256: str
    source: SourceKind
    pages: list[Page] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)

    @property
    def lines(self) -> list[Line]:
        return [line for page in self.pages for line in page.lines]

    @property
    def tables(self) -> list[Table]:
        """Every table of the document in reading order (``Table.index`` is the position here)."""
        return [t for page in self.pages for t in page.tables]

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)

    @property
    def ocr_confidence(self) -> float | None:
        scores = [p.confidence for p in self.pages if p.confidence is not None]
        return round(sum(scores) / len(scores), 1) if scores else None
