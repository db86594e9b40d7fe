"""Text with provenance: what a reader makes of one file.

A :class:`DocumentText` is a list of :class:`Page`; a page is a list of :class:`Line` in reading
order. A Word table row, a PDF text line and an OCR line are all a ``Line``; a table row also
keeps its ``cells``. Every line knows where it came from (:class:`Provenance`), so every value
pulled out of it can be shown to a reviewer beside its source.

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


class Line(BaseModel):
    """One line of text in reading order: a paragraph, a PDF/OCR line, or a table row."""

    text: str
    prov: Provenance
    cells: list[str] | None = None  # set when the line is a table row
    words: list[Word] = Field(default_factory=list)


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
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)

    @property
    def ocr_confidence(self) -> float | None:
        scores = [p.confidence for p in self.pages if p.confidence is not None]
        return round(sum(scores) / len(scores), 1) if scores else None
