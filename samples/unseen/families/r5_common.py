"""What the round-5 families share: layouts rather than wordings (a borderless label/value table, an annex
at the end, a table continued on the next page, checkbox marks), and the people a name list is made of."""

from __future__ import annotations

from samples.blocks import Para, Table

from .common import Ctx, z2

ON, OFF = "☒", "☐"
SURNAMES = (
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Huỳnh",
    "Phan",
    "Võ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
    "Dương",
)
MIDDLE = ("Văn", "Thị", "Hữu", "Minh", "Thị Thu", "Đức", "Thanh", "Quốc", "Thị Ngọc", "Công")
GIVEN = (
    "An", "Bình", "Châu", "Dũng", "Giang", "Hà", "Hải", "Hằng", "Hiếu", "Hòa", "Hùng", "Khánh", "Lan", "Linh",
    "Long", "Mai", "Nam", "Nga", "Phúc", "Quân", "Sơn", "Tâm", "Thảo", "Thắng", "Trang", "Tuấn", "Vân", "Yến",
)  # fmt: skip
POSTS = ("Bí thư chi bộ", "Phó Bí thư", "Chi ủy viên", "Đảng viên")


def box(on: bool, yes: str = "Đạt", no: str = "Không đạt") -> str:
    """'☒ Đạt   ☐ Không đạt': the mark a clerk puts in a printed form's boxes."""
    return f"{ON if on else OFF} {yes}   {OFF if on else ON} {no}"


def dongchi(n: int) -> str:
    """'03 đồng chí', 'không có' for zero."""
    return f"{z2(n)} đồng chí" if n else "không có"


def layout(rows: list[tuple[str, str]], split: float = 0.42) -> Table:
    """A borderless two-column table: labels left, values right (the clerk's way of lining figures up)."""
    return Table([[a, b] for a, b in rows], [split, 1 - split], bold_rows=set(), ruled=False)


def people(c: Ctx, n: int) -> list[str]:
    """``n`` distinct full names, the same for a dossier each time."""
    out: list[str] = []
    while len(out) < n:
        name = f"{c.rng.choice(SURNAMES)} {c.rng.choice(MIDDLE)} {c.rng.choice(GIVEN)}"
        if name not in out:
            out.append(name)
    return out


def plain(text: str, bold: bool = False, italic: bool = False) -> Para:
    return Para(text, bold=bold, italic=italic, align="left", indent=False)


def split_two(total: int, parts: int) -> list[int]:
    """A count split into ``parts`` groups as even as a cell's tổ đảng are: 17 in 3 → [6, 6, 5]."""
    base, extra = divmod(total, parts)
    return [base + (1 if i < extra else 0) for i in range(parts)]
