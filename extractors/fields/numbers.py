"""Numbers as party documents write them, found in folded text with the things that are not figures masked.

Works on text of the same length as the line (``fold_keep_length``), so a match's offsets are
offsets in the line's exact text. Masking blanks dates, years, times, document numbers and
article numbers ("Điều 10") so that no rule can read them as counts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..said_numbers import spell
from ..text import fold

# Quotes, and OCR's underscores ("12_ kỳ"), are blanked: neither is ever part of a figure or a phrase.
_QUOTES = re.compile(r"[\"“”‘’'«»`_]")
# OCR reads 0 as O/o and 1 as l/I inside numbers: fix tokens that hold at least one digit.
_OCR_NUMBER = re.compile(r"(?<![a-z0-9])[0-9oil]*[0-9][0-9oil]*(?:[.,][0-9oil]+)?(?![a-z0-9])")
_OCR_MAP = str.maketrans({"o": "0", "i": "1", "l": "1"})

_MASKS = [
    re.compile(r"\bngay\s*\d{1,2}\s*thang\s*\d{1,2}\s*nam\s*\d{4}"),
    re.compile(r"(?<!\d)\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}(?!\d)"),
    re.compile(r"\bngay\s*\d{1,2}\s*[/.-]\s*\d{1,2}(?![/\d])"),
    # A day of every month ("vào ngày 05 hằng tháng"): when meetings are held, never a count.
    re.compile(r"\bngay\s*\d{1,2}\s*(?:,\s*\d{1,2}\s*)*(?=(?:hang|moi|cac|cua cac|cua moi)\s+thang\b)"),
    re.compile(r"\b(?:nam|nhiem ky)\s*\d{4}(?:\s*-\s*\d{4})?"),
    re.compile(r"(?<![\d.,])(?:19[5-9]\d|20\d\d)(?![\d.,%])"),
    re.compile(r"\b\d{1,2}\s*(?:gio|h)\s*\d{0,2}\s*(?:phut)?(?![a-z])"),
    re.compile(r"\bso\s*:?\s*\d+[\w.]*\s*-\s*[a-z]+\s*/\s*[a-z\-]+"),
    re.compile(r"(?<![\w])\d+\s*-\s*[a-z]{1,5}\s*/\s*[a-z\-]{1,10}"),
    re.compile(
        r"\b(?:dieu|khoan|muc|chuong|phan|tieu chi|quy dinh so|hoi nghi lan|ke hoach so|phu luc(?: so)?|bieu(?: mau)?(?: so)?|mau so)\s+\d+(?:\.\d+)*(?=[\s,;:.)]|$)"
    ),
    re.compile(r"\blan thu\s*\d+"),
    re.compile(r"\b\d+\s*/\s*\d+\s*(?:hd|qd|nq|kh|ct|tb)\b"),
]
# A dotted leader of a printed form filled in by hand ("Số phiếu hợp lệ: ........ 15 phiếu", ". . . .",
# "……"): it joins a label to its value; its dots are no full stop.
LEADER = re.compile(r"(?:[.…·][ \t]?){3,}|…{2,}")
# Numbering at the start of a line ("1.", "2.3.", "II.", "a)", "- ") is not a figure.
_LIST_MARK = re.compile(r"^\s*(?:(?:\d+\.)+\d*|[ivx]+\.|[a-d]\)|\d+\))\s")

NUMBER = re.compile(
    r"(?<![\w.,/])(?P<num>\d{1,3}(?:\.\d{3})+(?![\d,])|\d+(?:,\d+)?|\d+\.\d{1,2}(?!\d))"
    r"(?:\s*/\s*(?P<den>\d+)(?![\d,]))?"
    r"(?P<pct>\s*%)?"
)


@dataclass(frozen=True)
class Number:
    """One number found in a line: its value, a "/denominator" if written, and whether it is a percentage."""

    value: float
    start: int
    end: int
    den: int | None = None
    pct: bool = False

    @property
    def is_int(self) -> bool:
        return self.value == int(self.value) and not self.pct


class _FoldTable(dict):
    """str.translate table that folds each character once, then remembers it (fold_keep_length, fast)."""

    def __missing__(self, ch: int) -> str:
        c = chr(ch)
        f = fold(c) if c.strip() else " "
        self[ch] = out = f[:1] if f else " "
        return out


_FOLD_TABLE = _FoldTable()


@lru_cache(maxsize=8192)
def fold_same_length(text: str) -> str:
    """Same as extractors.text.fold_keep_length, memoised per character: offsets stay those of ``text``."""
    return text.translate(_FOLD_TABLE)


def fix_digits(folded: str) -> str:
    """'1O' → '10', 'l2' → '12' in folded text: OCR's letter-for-digit swaps inside numbers."""
    return _OCR_NUMBER.sub(lambda m: m.group(0).translate(_OCR_MAP), folded)


@lru_cache(maxsize=8192)
def prepare(text: str, words: bool = True) -> str:
    """Folded, same-length working text: quotes blanked, OCR letter-digits fixed, non-figures masked, and
    (``words``) each number said in words where it reads as a count written as digits in its place
    ("hai mươi mốt đồng chí" → "21           dong chi": extractors.said_numbers)."""
    work = fix_digits(_QUOTES.sub(" ", fold_same_length(text)))
    work = LEADER.sub(lambda m: " " * len(m.group(0)), work)
    for mask in _MASKS:
        work = mask.sub(lambda m: " " * len(m.group(0)), work)
    m = _LIST_MARK.match(work)
    if m:
        work = " " * m.end() + work[m.end() :]
    return spell(text, work) if words else work


def parse_number(token: str) -> float | None:
    """'24,5' → 24.5; '1.200' → 1200; '05' → 5; None when it is not a number."""
    token = token.strip()
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", token):
        return float(token.replace(".", ""))
    token = token.replace(",", ".")
    try:
        return float(token)
    except ValueError:
        return None


def numbers(work: str, start: int = 0, end: int | None = None) -> list[Number]:
    """Every number in ``work[start:end]`` (offsets stay those of the whole line)."""
    out = []
    region = work[start:end]
    for m in NUMBER.finditer(region):
        value = parse_number(m.group("num"))
        if value is None:
            continue
        den = int(m.group("den")) if m.group("den") else None
        out.append(Number(value, start + m.start(), start + m.end(), den, bool(m.group("pct"))))
    return out


def as_value(number: Number, kind: str) -> int | float | None:
    """The number as a field value of ``kind`` ('int' or 'pct'); None when it does not fit."""
    if kind == "pct":
        return round(number.value, 2)
    if number.pct or number.value != int(number.value):
        return None
    return int(number.value)
