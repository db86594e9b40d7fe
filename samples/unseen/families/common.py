"""What every wording family shares: numbers as clerks write them, dates, headers and signatures.

The families in this package were written from the guidance texts (Hướng dẫn 36-HD/VPTW, the
"chi bộ bốn tốt" plans) and from how district clerks write, not from the extraction rules.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from typing import Any

from samples.blocks import Header, Sign, SignCol
from samples.truth import DocSpec, Dossier

TYPE_CODES = {"to_trinh": "TTr", "bien_ban_kiem_phieu": "BB", "bao_cao": "BC", "phieu_tu_danh_gia": "PĐG"}


def z2(n: int) -> str:
    """Counts under ten with a leading zero, as party documents write them: 3 → '03', 0 → '0'."""
    return f"{n:02d}" if 0 < n < 10 else str(n)


def dec(x: float, places: int = 2) -> str:
    """A decimal comma, no trailing zeros: 24.5 → '24,5', 25.0 → '25'."""
    if float(x).is_integer():
        return str(int(x))
    return f"{x:.{places}f}".rstrip("0").rstrip(".").replace(".", ",")


def pct(part: float, whole: float, places: int = 2) -> str:
    return dec(round(100.0 * part / whole, places), places) + "%" if whole else "0%"


def d_slash(d: dt.date, pad: bool = True) -> str:
    return f"{d.day:02d}/{d.month:02d}/{d.year}" if pad else f"{d.day}/{d.month}/{d.year}"


def d_words(d: dt.date, pad: bool = True) -> str:
    if pad:
        return f"ngày {d.day:02d} tháng {d.month:02d} năm {d.year}"
    return f"ngày {d.day} tháng {d.month} năm {d.year}"


@dataclass
class Ctx:
    """One document being written: the truth, its file spec (with per-document deviations), a random source."""

    d: Dossier
    spec: DocSpec
    rng: random.Random

    # -- the truth as this document states it
    def v(self, name: str) -> Any:
        return self.spec.overrides.get(name, getattr(self.d, name))

    @property
    def cell(self) -> bool:
        return self.d.is_cell

    @property
    def year(self) -> int:
        return self.v("year")

    @property
    def official(self) -> int:
        return self.v("members_official")

    @property
    def prob(self) -> int:
        return self.v("members_probationary")

    @property
    def total(self) -> int:
        return self.official + self.prob

    @property
    def date(self) -> dt.date:
        day = self.d.dates[self.spec.doc_type]
        return day.replace(year=self.year) if "year" in self.spec.overrides else day

    @property
    def number(self) -> int:
        return self.d.numbers[self.spec.doc_type]

    @property
    def org(self) -> str:
        """'chi bộ' or 'đảng bộ', lower case, for running text."""
        return "chi bộ" if self.cell else "đảng bộ"

    @property
    def body(self) -> str:
        """The issuing body's short code: CB for a cell, ĐU for a committee."""
        return "CB" if self.cell else "ĐU"

    @property
    def model(self) -> str:
        return "“Chi bộ bốn tốt”" if self.cell else "“Đảng bộ cơ sở bốn tốt”"

    # -- header and signature, in the 36-HD/VPTW layout
    def header(self, *, colon: bool = False, words: bool = True, pad: bool = True) -> Header:
        code = TYPE_CODES[self.spec.doc_type]
        number = f"Số{':' if colon else ''} {self.number:02d}-{code}/{self.body}"
        when = d_words(self.date, pad) if words else d_slash(self.date, pad)
        place_date = f"{self.d.place}, {when}"
        return Header(self.d.parent.upper(), self.d.issuer, number, place_date)

    def signature(self, noi_nhan: list[str] | None = None) -> Sign:
        roles = ["T/M CHI BỘ", "BÍ THƯ"] if self.cell else ["T/M ĐẢNG ỦY", "BÍ THƯ"]
        seal = None if self.cell else f"{self.d.issuer} * {self.d.parent.upper()} *"
        return Sign(right=SignCol(roles, self.d.secretary), noi_nhan=noi_nhan, seal=seal)

    def recipients(self) -> list[str]:
        return [f"- {self.d.recipient} (b/c),", "- Lưu " + ("chi bộ." if self.cell else "Văn phòng Đảng ủy.")]


RATING_KEYS = ("xuat_sac", "tot", "hoan_thanh", "khong_hoan_thanh")
RATING_WORDS = {
    "xuat_sac": "hoàn thành xuất sắc nhiệm vụ",
    "tot": "hoàn thành tốt nhiệm vụ",
    "hoan_thanh": "hoàn thành nhiệm vụ",
    "khong_hoan_thanh": "không hoàn thành nhiệm vụ",
}
RATING_ABBR = {"xuat_sac": "HTXSNV", "tot": "HTTNV", "hoan_thanh": "HTNV", "khong_hoan_thanh": "KHTNV"}
# Before 2018 members were rated by "tư cách" (standing): the wording older dossiers still carry.
RATING_LEGACY = {
    "xuat_sac": "đủ tư cách hoàn thành xuất sắc nhiệm vụ",
    "tot": "đủ tư cách hoàn thành tốt nhiệm vụ",
    "hoan_thanh": "đủ tư cách hoàn thành nhiệm vụ",
    "khong_hoan_thanh": "vi phạm tư cách hoặc không hoàn thành nhiệm vụ",
}
ROMAN = ("I", "II", "III", "IV", "V")
VENUES = (
    "hội trường Ủy ban nhân dân xã",
    "phòng họp cơ quan",
    "nhà văn hóa khu dân cư",
    "phòng họp số 2",
    "hội trường trường học",
)


def rating_word(c: Ctx, key: str) -> str:
    return (RATING_LEGACY if c.d.legacy else RATING_WORDS)[key]


def rating_abbr(c: Ctx, key: str) -> str:
    return RATING_LEGACY[key] if c.d.legacy else RATING_ABBR[key]


def eligible(c: Ctx) -> int:
    return c.d.voters_eligible


def absent(c: Ctx) -> int:
    """Who stayed away from the vote (excused members are not counted absent)."""
    if not c.cell:
        return c.d.committee_members - c.d.members_present
    return c.d.members_total - c.d.members_excused - c.d.members_present


def criteria_total(c: Ctx) -> tuple[float, float]:
    score = c.d.stated_total if c.d.stated_total is not None else sum(k.score for k in c.d.criteria)
    return score, sum(k.max for k in c.d.criteria)


_DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")


def words(n: int, odd: str = "lẻ") -> str:
    """A count in Vietnamese words, as written beside the figure: 15 → 'mười lăm', 21 → 'hai mươi mốt';
    ``odd`` is the word for a hundred and a unit ('một trăm lẻ năm', or 'linh' in other provinces)."""
    if n < 10:
        return _DIGITS[n]
    if n < 20:
        return "mười" + ("" if n == 10 else " " + ("lăm" if n % 10 == 5 else _DIGITS[n % 10]))
    if n < 100:
        tens, one = divmod(n, 10)
        tail = {0: "", 1: " mốt", 4: " tư", 5: " lăm"}.get(one, " " + _DIGITS[one])
        return f"{_DIGITS[tens]} mươi{tail}"
    hundreds, rest = divmod(n, 100)
    if rest == 0:
        return f"{_DIGITS[hundreds]} trăm"
    return f"{_DIGITS[hundreds]} trăm " + (f"{odd} {_DIGITS[rest]}" if rest < 10 else words(rest, odd))


def with_words(n: int, pad: bool = True, odd: str = "lẻ") -> str:
    """'15 (mười lăm)', '02 (hai)'."""
    return f"{z2(n) if pad else n} ({words(n, odd)})"
