"""What the round-6 families share: a framed single-cell box (Word's text box as clerks make it), running
page furniture carrying other numbers (decrees, telephone, page x/y), the clerk's mix of "đồng chí",
"đ/c" and "ĐV", and thousands written with dots."""

from __future__ import annotations

from samples.blocks import PageFurniture, Table

from .common import Ctx, z2

SMALL = "\u00b9\u00b2\u00b3\u2074\u2075"  # ¹ ² ³ ⁴ ⁵: footnote marks as Word sets them


def frame(text: str) -> Table:
    """A ruled table of one cell around a passage: how a clerk draws a text box in Word."""
    return Table([[text]], [1.0], bold_rows=set())


def furniture(c: Ctx, office: str) -> PageFurniture:
    """A running header citing the regulation (its numbers are not the dossier's) and a footer with the
    office's telephone and the page number."""
    phone = f"0{200 + c.number % 90}.{3800 + 7 * c.number:04d}.{100 + 3 * c.number:03d}"
    return PageFurniture(
        header=f"Thực hiện Quy định số 124-QĐ/TW ngày 06/10/2023 và Hướng dẫn số 36-HD/VPTW — {c.year}",
        footer=f"{office} · ĐT: {phone} · Trang {{page}}/{{pages}}",
    )


def dv(n: int, style: int) -> str:
    """A count of members in one of the clerk's three ways: 0 → '18 đồng chí', 1 → '18 đ/c', 2 → '18 ĐV'."""
    return f"{z2(n)} " + ("đồng chí", "đ/c", "ĐV")[style % 3]


def thousands(n: int) -> str:
    """Thousands with dots, as Vietnamese writes them: 1245600 → '1.245.600'."""
    return f"{n:,}".replace(",", ".")


def groups(total: int, parts: int) -> list[int]:
    """A count shared among ``parts`` groups, the first ones a little larger: 17 in 3 → [6, 6, 5]."""
    base, extra = divmod(total, parts)
    return [base + (1 if i < extra else 0) for i in range(parts)]


def spread(counts: dict[str, int], sizes: list[int]) -> list[dict[str, int]]:
    """Share rating counts among groups of ``sizes`` members: each group's counts add up to its size and the
    groups' counts to ``counts`` (members dealt round the groups, the rarer levels first)."""
    order = ("xuat_sac", "hoan_thanh", "khong_hoan_thanh", "tot")
    deck = [k for k in order for _ in range(counts[k])]
    out = [dict.fromkeys(order, 0) for _ in sizes]
    room, g = list(sizes), 0
    for key in deck:
        while room[g % len(sizes)] == 0:
            g += 1
        out[g % len(sizes)][key] += 1
        room[g % len(sizes)] -= 1
        g += 1
    return out
