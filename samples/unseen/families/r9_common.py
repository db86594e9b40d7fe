"""What the round-9 families share that earlier helpers lack: headings in capitals without diacritics (a
heading typed in a font that drops them), a figure told as its change on last year before its value ("tăng
02 so với năm 2023, nay là 18"), values written as a dash-separated tuple under a legend ("03 – 13 – 02 –
0"), a percentage with the word "phần trăm", and footnote marks in square brackets."""

from __future__ import annotations

from samples.blocks import Para

from .common import Ctx, dec, z2
from .r7_common import plain


def bare_caps(text: str) -> str:
    """A heading in capitals without diacritics: 'Kết quả' → 'KET QUA'."""
    return plain(text).upper()


def line(text: str, bold: bool = False, italic: bool = False) -> Para:
    return Para(text, bold=bold, italic=italic, align="left", indent=False)


def n0(n: int) -> str:
    """A count as this round's clerks write it: leading zero under ten, '0' for none."""
    return z2(n) if n else "0"


def change(now: float, then: float, unit: str, *, points: bool = False) -> str:
    """'tăng 02 đồng chí so với năm trước, nay là 18 đồng chí'; 'bằng năm trước: 12 kỳ'."""
    diff = now - then
    if abs(diff) < 1e-9:
        return f"bằng năm trước, vẫn là {fmt(now)} {unit}"
    word = "tăng" if diff > 0 else "giảm"
    if points:
        return f"{word} {dec(abs(diff))} điểm phần trăm so với năm trước, nay là {fmt(now)}{unit}"
    return f"{word} {fmt(abs(diff))} {unit} so với năm trước, nay là {fmt(now)} {unit}"


def fmt(x: float) -> str:
    return n0(int(x)) if float(x).is_integer() else dec(x)


def tuple_of(values: list[str]) -> str:
    """'03 – 13 – 02 – 0'."""
    return " – ".join(values)


def phan_tram(part: float, whole: float) -> str:
    """A share with the word 'phần trăm': '93,33 phần trăm'."""
    return f"{dec(round(100.0 * part / whole, 2))} phần trăm" if whole else "0 phần trăm"


def last_year(c: Ctx) -> dict[str, float]:
    """Last year's figures, drawn once per document (context the families state beside this year's)."""
    rng = c.rng
    d = c.d
    return {
        "total": c.total - rng.choice([1, 2, 3]),
        "regular": 12,
        "thematic": max(4, d.thematic_meetings - rng.choice([0, 1])),
        "attendance": round(d.attendance_pct - rng.choice([0.8, 1.2, 1.5, 2.1]), 1),
    }
