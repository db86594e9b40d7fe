"""What the round-8 families share that earlier helpers lack: a printed form's blank filled in by hand
between dots ("....18....."), presence as a fraction of those expected ("16/18 đồng chí có mặt"), a table
whose header is its first column, and prose set in two columns (a layout table without ruling lines whose
cells are read top to bottom, left column first)."""

from __future__ import annotations

from samples.blocks import Para, Table

from .common import z2


def blank(value: str, width: int = 14) -> str:
    """A value written by hand into a printed blank: '....18.....'."""
    pad = max(4, width - len(value))
    return "." * (pad // 2) + value + "." * (pad - pad // 2)


def of(part: int, whole: int, unit: str = "đồng chí") -> str:
    """'16/18 đồng chí'."""
    return f"{z2(part)}/{z2(whole)} {unit}"


def first_column_header(
    columns: list[tuple[str, list[str]]], head: list[str], head_width: float = 0.24
) -> Table:
    """A table whose header is its first column: ``head`` are the row labels (bold in a real form, here the
    first column), each entry of ``columns`` is (column title, its values, one per label below the title)."""
    rows = [[head[0], *(title for title, _ in columns)]]
    for r, label in enumerate(head[1:]):
        rows.append([label, *(vals[r] for _, vals in columns)])
    n = len(columns)
    rest = (1.0 - head_width) / n
    return Table(rows, [head_width] + [rest] * n, bold_rows={0}, align=["left"] + ["center"] * n)


def two_columns(pairs: list[tuple[str, str]], bold: set[int] | None = None) -> Table:
    """Prose set in two columns without ruling lines: each pair is one row (left text, right text); the rows
    in ``bold`` (the first by default) are the columns' headings."""
    return Table(
        [list(p) for p in pairs], [0.5, 0.5], bold_rows=bold or {0}, align=["left", "left"], ruled=False
    )


def left(text: str, bold: bool = False, italic: bool = False) -> Para:
    return Para(text, bold=bold, italic=italic, align="left", indent=False)
