"""What the round-3 families share: counts said in words, other number styles, and the noise of real
letters (plan and resolution numbers, last year's figures) that stands near the figures that matter."""

from __future__ import annotations

import datetime as dt

from samples.blocks import Para

from . import common
from .common import Ctx


def words(n: int) -> str:
    """A count in Vietnamese words, as round 3 writes it ('một trăm linh năm')."""
    return common.words(n, odd="linh")


def said(n: int, pad: bool = True) -> str:
    """'15 (mười lăm)', '01 (một)': the figure with its words, as minutes write counts."""
    return common.with_words(n, pad, odd="linh")


def dot(x: float) -> str:
    """A decimal point, as some offices type scores: 24.5 → '24.5', 25.0 → '25'."""
    return str(int(x)) if float(x).is_integer() else f"{x:.2f}".rstrip("0").rstrip(".")


def two_places(x: float) -> str:
    """Always two decimals with a comma: 24.5 → '24,50', 25 → '25,00'."""
    return f"{x:.2f}".replace(".", ",")


def left(text: str, bold: bool = False) -> Para:
    return Para(text, bold=bold, align="left", indent=False)


def superior_code(c: Ctx) -> str:
    """The code of the body the proposal goes to: HU/TU for a district or city committee, ĐU otherwise."""
    r = c.d.recipient
    if "Huyện ủy" in r:
        return "HU"
    if "Thành ủy" in r:
        return "TU"
    return "ĐU"


def plan_ref(c: Ctx) -> str:
    """'Kế hoạch số 86-KH/HU ngày 14/3/2024': the superior body's plan for the model this year."""
    n = 40 + c.number * 3 % 90
    when = dt.date(c.year, 2 + c.number % 3, 5 + c.number % 20)
    return f"Kế hoạch số {n}-KH/{superior_code(c)} ngày {when.day}/{when.month}/{when.year}"


def resolution_no(c: Ctx) -> int:
    return 10 + c.d.numbers["bien_ban_kiem_phieu"] % 30


def women(c: Ctx) -> int:
    return max(1, c.total * 2 // 5)


def last_year_total(c: Ctx) -> tuple[int, int]:
    """Members at the start of the year and those who left (moved away): now = start + new - left."""
    left_ = c.rng.choice([0, 0, 1])
    return c.total - c.d.new_members + left_, left_
