"""Numbers said in words: a Vietnamese cardinal ("hai mươi mốt", "mười hai", "một trăm linh năm",
"hai mươi tư phẩy năm") read as the number it says, where the text reads it as a count.

The words, the counting nouns and the readings that are no number are data (nlp/number_words.yaml); this
module holds only the composition grammar and the context rule. :func:`find` returns each number said in a
line; :func:`spell` writes it as digits into the line's working text (extractors.fields.numbers.prepare), at
the same offsets, so that every rule reading numbers from that text reads it as if typed in digits; the spaCy
pipeline (nlp.pipeline) makes it one number token.

A number said in words beside its digits ("15 (mười lăm)", "mười một (11)") is the digits' gloss: not read a
second time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import yaml

from .text import fold

WORDS_FILE = Path(__file__).parent / "nlp" / "number_words.yaml"
LEXICON_FILE = Path(__file__).parent / "nlp" / "lexicon.yaml"

_WORD = re.compile(r"[^\W\d_]+(?:/[^\W\d_]+)?")
_NON_ASCII_LETTER = re.compile(r"[^\x00-\x7f]")


@dataclass(frozen=True)
class Said:
    """A number said in words: its value, where it stands in the line, whether it is a percentage."""

    value: float
    start: int
    end: int
    pct: bool = False

    @property
    def digits(self) -> str:
        v = self.value
        text = str(int(v)) if v == int(v) else f"{v:.6f}".rstrip("0").replace(".", ",")
        return text + ("%" if self.pct else "")


@dataclass
class Grammar:
    """The words of number_words.yaml by their part in a number, exact and folded forms alike."""

    kind: dict[
        str, tuple[str, float]
    ]  # form → (part, value): digit, after_ten, ten, tens, odd, mult, decimal
    folded: dict[str, tuple[str, float]]  # folded form → the same, for texts typed without diacritics
    not_after_ten: frozenset[str]
    never_alone: frozenset[str]
    folded_needs_label: frozenset[str]
    percent: tuple[str, ...]
    units: tuple[str, ...]
    labels: tuple[str, ...]
    label_words: frozenset[str]
    not_after: tuple[str, ...]
    word_not_after: dict[str, frozenset[str]]
    not_before: frozenset[str]
    not_numbers: tuple[str, ...]


def _phrases(items: Any) -> list[str]:
    return [fold(str(p)) for p in items or ()]


@cache
def load(path: Path = WORDS_FILE, lexicon_path: Path = LEXICON_FILE) -> Grammar:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    lexicon = yaml.safe_load(lexicon_path.read_text(encoding="utf-8"))["concepts"]
    kind: dict[str, tuple[str, float]] = {}
    for w, v in (data.get("digits") or {}).items():
        kind[str(w).lower()] = ("digit", float(v))
    for w, v in (data.get("after_ten") or {}).items():
        kind[str(w).lower()] = ("after_ten", float(v))
    for part in ("ten", "tens", "odd", "decimal"):
        for w in data.get(part) or ():
            kind[str(w).lower()] = (part, 10.0 if part == "ten" else 0.0)
    for w, v in (data.get("multipliers") or {}).items():
        kind[str(w).lower()] = ("mult", float(v))
    folded: dict[str, tuple[str, float]] = {}
    for w, k in kind.items():
        f = fold(w)
        # "mười" and "mươi" fold alike: without diacritics the word's place tells them apart.
        if f in folded and {folded[f][0], k[0]} == {"ten", "tens"}:
            folded[f] = ("ten_or_tens", 10.0)
        else:
            folded.setdefault(f, k)
    units = _phrases(data.get("units"))
    for concept in data.get("unit_concepts") or ():
        units += _phrases(lexicon[concept]["phrases"])
    labels = []
    for concept in data.get("label_concepts") or ():
        labels += _phrases(lexicon[concept]["phrases"])
    return Grammar(
        kind=kind,
        folded=folded,
        not_after_ten=frozenset(fold(w) for w in data.get("not_after_ten") or ()),
        never_alone=frozenset(fold(w) for w in data.get("never_alone") or ()),
        folded_needs_label=frozenset(fold(w) for w in data.get("folded_needs_label") or ()),
        percent=tuple(_phrases(data.get("percent"))),
        units=tuple(sorted(set(units), key=len, reverse=True)),
        labels=tuple(sorted(set(labels), key=len, reverse=True)),
        label_words=frozenset(fold(str(w)) for w in data.get("label_words") or ()),
        not_after=tuple(_phrases(data.get("not_after"))),
        word_not_after={
            fold(w): frozenset(_phrases(ws)) for w, ws in (data.get("word_not_after") or {}).items()
        },
        not_before=frozenset(_phrases(data.get("not_before"))),
        not_numbers=tuple(_phrases(data.get("not_numbers"))),
    )


@dataclass(frozen=True)
class _Tok:
    start: int
    end: int
    exact: str  # lower case, as printed
    folded: str


def _parts(grammar: Grammar, toks: list[_Tok], plain: bool) -> list[tuple[str, float] | None]:
    """Each word's part in a number (None: no number word). In a text with diacritics only the exact
    form counts ("tự" is no "tư"); in one typed without them, the folded form does."""
    out = []
    for t in toks:
        k = grammar.kind.get(t.exact)
        if k is None and plain and t.exact == t.folded:
            k = grammar.folded.get(t.folded)
        out.append(k)
    return out


def _joined(work: str, toks: list[_Tok], i: int, j: int) -> bool:
    """Words i..j-1 follow one another with only spaces between."""
    return all(not work[toks[k].end : toks[k + 1].start].strip() for k in range(i, j - 1))


def _below_thousand(g: Grammar, toks, parts, i: int) -> tuple[float, int] | None:
    """A group below a thousand starting at word i: (value, next word)."""
    n = len(parts)

    def part(k: int) -> str | None:
        return parts[k][0] if k < n and parts[k] is not None else None  # type: ignore[index]

    def val(k: int) -> float:
        return parts[k][1]  # type: ignore[index]

    def unit_after_ten(k: int) -> bool:
        return part(k) == "after_ten" or (
            part(k) == "digit" and val(k) > 0 and toks[k].folded not in g.not_after_ten
        )

    def tens(k: int) -> tuple[float, int] | None:
        if part(k) in ("ten", "ten_or_tens"):
            if unit_after_ten(k + 1):
                return 10 + val(k + 1), k + 2
            return 10.0, k + 1
        if part(k) == "digit" and val(k) > 0:
            if part(k + 1) in ("tens", "ten_or_tens"):
                if unit_after_ten(k + 2):
                    return val(k) * 10 + val(k + 2), k + 3
                return val(k) * 10, k + 2
            return val(k), k + 1
        return None

    if part(i) == "digit" and part(i + 1) == "mult" and val(i + 1) == 100:
        value, k = val(i) * 100, i + 2
        if part(k) == "odd" and part(k + 1) in ("digit", "after_ten") and val(k + 1) > 0:
            return value + val(k + 1), k + 2
        rest = tens(k)
        if rest is not None and rest[0] >= 10:
            return value + rest[0], rest[1]
        return value, k
    if part(i) == "digit" and val(i) == 0:
        return 0.0, i + 1
    return tens(i)


def _cardinal(g: Grammar, toks, parts, i: int) -> tuple[float, int] | None:
    """The longest cardinal starting at word i: (value, next word)."""
    first = _below_thousand(g, toks, parts, i)
    if first is None:
        return None
    total, (group, k) = 0.0, first
    while True:
        if k < len(parts) and parts[k] is not None and parts[k][0] == "mult" and parts[k][1] >= 1000:  # type: ignore[index]
            total += max(group, 1) * parts[k][1]  # type: ignore[index]
            k += 1
            nxt = _below_thousand(g, toks, parts, k)
            if nxt is None:
                return total, k
            group, k = nxt
            continue
        return total + group, k


def _decimals(work: str, toks, parts, k: int) -> tuple[str, int]:
    """Digits said one by one after "phẩy": ("5", next word)."""
    out = ""
    while (
        k < len(parts)
        and parts[k] is not None
        and parts[k][0] in ("digit", "after_ten")  # type: ignore[index]
        and _joined(work, toks, k - 1, k + 1)
    ):
        out += str(int(parts[k][1]))  # type: ignore[index]
        k += 1
    return out, k


def _ends_with(before: str, phrases) -> bool:
    return any(before == p or before.endswith(" " + p) for p in phrases)


def _starts_with(after: str, phrases) -> bool:
    return any(after == p or after.startswith(p + " ") for p in phrases)


def _words_text(work: str) -> str:
    """Folded words and the punctuation that matters (":"), single-spaced."""
    return " ".join(re.findall(r"[a-z]+(?:/[a-z]+)?|[:=,;.()|!?]", work))


@lru_cache(maxsize=8192)
def _find(text: str, work: str, path: Path) -> tuple[Said, ...]:
    g = load(path)
    toks = [
        _Tok(m.start(), m.end(), text[m.start() : m.end()].lower(), work[m.start() : m.end()])
        for m in _WORD.finditer(work)
    ]
    if not toks:
        return ()
    plain = not any(_NON_ASCII_LETTER.match(c) for c in text if c.isalpha())
    parts = _parts(g, toks, plain)
    out: list[Said] = []
    i = 0
    while i < len(toks):
        if parts[i] is None:
            i += 1
            continue
        got = _cardinal(g, toks, parts, i)
        if got is None or not _joined(work, toks, i, got[1]):
            i += 1
            continue
        value, j = got
        decimal = False
        if j < len(toks) and parts[j] is not None and parts[j][0] == "decimal":  # type: ignore[index]
            digits, k = _decimals(work, toks, parts, j + 1)
            if digits and _joined(work, toks, i, k):
                value, j, decimal = float(f"{int(value)}.{digits}"), k, True
        said = _accept(g, text, work, toks, parts, i, j, value, decimal)
        if said is not None:
            out.append(said)
        i = j
    return tuple(out)


def _accept(g: Grammar, text: str, work: str, toks, parts, i: int, j: int, value: float, decimal: bool):
    start, end = toks[i].start, toks[j - 1].end
    before = _words_text(work[:start])
    after = _words_text(work[end:])
    first = toks[i]
    # A gloss of digits beside it: "15 (mười lăm)", "mười một (11)".
    if re.search(r"\d\s*\(\s*$", work[:start]) or re.match(r"^\s*\(\s*\d", work[end:]):
        return None
    if re.search(r"\d\s*$", work[:start]) or re.match(r"^\s*\d", work[end:]):
        return None
    # A name ("đồng chí Ba", "anh Tư"): capitalised after a word in lower case.
    raw = text[first.start : first.end]
    prev = text[:start].rstrip()
    if raw[:1].isupper() and not raw.isupper() and prev and prev[-1].isalpha() and prev.split()[-1].islower():
        return None
    if _starts_with(_words_text(work[start:]), g.not_numbers):
        return None
    if _ends_with(before, g.not_after):
        return None
    last = before.split()[-1] if before else ""
    if j - i == 1 and last in g.word_not_after.get(first.folded, ()):
        return None
    pct = False
    for p in g.percent:
        if after == p or after.startswith(p + " "):
            pct = True
            m = re.match(r"\s*" + r"\s+".join(re.escape(w) for w in p.split()) + r"(?![a-z])", work[end:])
            if m is None:
                return None
            end += m.end()
            after = _words_text(work[end:])
            break
    if not pct and after.split()[:1] and after.split()[0] in g.not_before:
        return None
    unit = _starts_with(after, g.units)
    # A text ending in "… một trăm", "… hai mươi" (not even a full stop after): the number may go on over a
    # line wrap (read whole where the lines are read as one sentence: spell_lines).
    if not after and not pct and parts[j - 1][0] in ("mult", "odd", "ten", "tens", "ten_or_tens"):  # type: ignore[index]
        return None
    clause_end = re.match(r"^\s*(?:$|[,;.)(|!?])", work[end:]) is not None
    label = bool(before) and (before.split()[-1] in g.label_words or _ends_with(before, g.labels))
    several = j - i > 1 or decimal or pct
    if j - i == 1 and not decimal and first.folded in g.never_alone:
        return None
    if j - i == 1 and first.exact == first.folded and first.folded in g.folded_needs_label:
        unit = False  # typed without diacritics: "sau kỳ" may be "after the meeting"
    if not (several or unit or (label and clause_end)):
        return None
    said = Said(value, start, end, pct)
    return said if len(said.digits) <= end - start else None


def find(text: str, work: str | None = None, path: Path = WORDS_FILE) -> tuple[Said, ...]:
    """The numbers said in words in ``text``; ``work`` is its folded, masked working text (same length:
    extractors.fields.numbers.prepare without words), where dates and document numbers are blanked."""
    if work is None:
        from .fields.numbers import fold_same_length

        work = fold_same_length(text)
    return _find(text, work, path)


def spell(text: str, work: str, path: Path = WORDS_FILE) -> str:
    """``work`` with each number said in words written as digits at the words' place (padded with spaces:
    the same length, so offsets stay those of ``text``)."""
    saids = find(text, work, path)
    if not saids:
        return work
    out, pos = [], 0
    for s in saids:
        out.append(work[pos : s.start])
        out.append(s.digits.ljust(s.end - s.start))
        pos = s.end
    out.append(work[pos:])
    return "".join(out)


def spell_lines(texts: list[str], works: list[str], path: Path = WORDS_FILE) -> list[str]:
    """:func:`spell` over lines read as one sentence (joined by a space): a number said over a line wrap
    ("… gồm mười" / "bốn đảng viên chính thức") is read whole, its digits on the line where it starts."""
    spelled = spell(" ".join(texts), " ".join(works), path)
    out, pos = [], 0
    for w in works:
        out.append(spelled[pos : pos + len(w)])
        pos += len(w) + 1
    return out
