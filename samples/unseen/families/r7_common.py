"""What the round-7 families share that earlier helpers lack: text without diacritics (typed on a phone),
scores said in words ("hai mươi tư phẩy năm"), the percent sign set apart ("93,33 %"), thousands with a
space ("1 245 000"), the clerk's abbreviations (ĐV, SHTK, SHCĐ, CBTT) and the recognition thresholds a
district's checklist prints beside the unit's own figures."""

from __future__ import annotations

import unicodedata

from samples.blocks import Para

from .common import Ctx, dec, words


def plain(text: str) -> str:
    """Text as typed on a phone without a Vietnamese keyboard: no diacritics, đ → d."""
    text = text.replace("đ", "d").replace("Đ", "D")
    folded = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in folded if unicodedata.category(ch) != "Mn")


def spct(part: float, whole: float, places: int = 2) -> str:
    """A share with the percent sign set apart, as some typists do: '93,33 %'."""
    return (dec(round(100.0 * part / whole, places), places) if whole else "0") + " %"


def sp_thousands(n: int) -> str:
    """Thousands separated by a space: 1245000 → '1 245 000'."""
    return f"{n:,}".replace(",", " ")


def score_words(x: float) -> str:
    """A score in words: 24.5 → 'hai mươi tư phẩy năm', 8 → 'tám', 0 → 'không'."""
    whole = int(x)
    said = words(whole)
    if not float(x).is_integer():
        tenths = round((x - whole) * 10)
        said += " phẩy " + words(tenths)
    return said


def cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def left(text: str, bold: bool = False, italic: bool = False) -> Para:
    return Para(text, bold=bold, italic=italic, align="left", indent=False)


def abbr_org(c: Ctx) -> str:
    """'CB' or 'ĐB' as a clerk shortens the unit in running text."""
    return "CB" if c.cell else "ĐB"


def voters_word(c: Ctx) -> str:
    return "ĐV chính thức" if c.cell else "đ/c Ủy viên BCH"
