"""The parts a party document is made of, independent of the file format that renders them."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Header:
    """The two-column header: superior and issuing body with the number; the Party's name and the date."""

    superior: str
    issuer: str
    number: str
    place_date: str


@dataclass
class Title:
    """The document's name in capitals and the subject lines under it."""

    text: str
    subject: list[str] = field(default_factory=list)


@dataclass
class Para:
    """A paragraph of body text."""

    text: str
    bold: bool = False
    italic: bool = False
    align: str = "justify"  # justify, left, center
    indent: bool = True


@dataclass
class Table:
    """A ruled table; ``widths`` are shares of the text width; ``bold_rows`` are header and criterion rows."""

    rows: list[list[str]]
    widths: list[float]
    bold_rows: set[int] = field(default_factory=lambda: {0})
    align: list[str] | None = None  # per column: left or center
    # Merged cells: (row, column) of a merge's top-left cell → (rows, columns) it spans; the cells it
    # covers keep "" in ``rows``. Header rows repeat at the top of each page the table runs onto.
    spans: dict[tuple[int, int], tuple[int, int]] = field(default_factory=dict)
    header_rows: int = 0
    ruled: bool = True  # False: a layout table with no ruling lines (labels left, values right)


@dataclass
class SignCol:
    """One signature: the role lines in bold, then the signer's name."""

    roles: list[str]
    name: str


@dataclass
class Sign:
    """The foot of the document: ``Nơi nhận`` on the left (or a second signature) and the signature."""

    right: SignCol
    left: SignCol | None = None
    noi_nhan: list[str] | None = None
    seal: str | None = None  # the seal's ring text, for a đảng ủy


@dataclass
class PageFurniture:
    """A running header and/or footer on every page from here on; ``{page}`` and ``{pages}`` are replaced
    by the page number and the page count (e.g. "Trang {page}/{pages}")."""

    header: str | None = None
    footer: str | None = None


@dataclass
class PageBreak:
    """Start a new page."""


Block = Header | Title | Para | Table | Sign | PageFurniture | PageBreak
