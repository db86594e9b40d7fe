"""Structures of structures.yaml, matched over each line's tokens: figures read whole, and vetoes.

A structure reads several figures at once where the wording ties them together ("21 đảng viên
(18 chính thức, 3 dự bị)"), so each number goes to the figure its structure gives it, not to the
nearest keyword. A veto says that numbers in some place are not results (next year's targets,
who took part in the vote). Both are data; this module only compiles and applies them.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc

from ..fields.numbers import prepare
from ..model import Line
from ..text import fold
from ..vocabulary import FIELDS, DocType
from .pipeline import LEXICON_FILE, analyse, build, get_nlp, load_lexicon

STRUCTURES_FILE = Path(__file__).with_name("structures.yaml")
_FIGURE_DOCS = ("to_trinh", "bien_ban_kiem_phieu", "bao_cao")
_SEP = [":", "|", "-", "–", "=", "…"]  # "…": a dotted leader (extractors.nlp.pipeline)
_CLAUSE_END = [";", ".", "!", "?", "|"]  # what a TEXT token never is: a clause or a table cell ends there
_OP = re.compile(r"^(?P<tok>.+?)(?P<op>[?*+]|\{\d*,?\d*\})?$")


@dataclass(frozen=True)
class Structure:
    """One pattern of structures.yaml, compiled."""

    id: str
    tokens: list[dict[str, Any]]
    read: tuple[str, ...] = ()
    zero: tuple[str, ...] = ()
    pct_of: tuple[str, ...] = ()
    veto: tuple[str, ...] | str = ()
    scope: str = "match"
    not_followed_by: tuple[str, ...] = ()
    from_end: bool = False  # read maps to the last numbers of the match (after an ANY run)
    docs: frozenset[str] = frozenset(_FIGURE_DOCS)
    chi_bo_only: bool = False
    dang_bo_only: bool = False
    concepts: tuple[str, ...] = ()  # every concept the pattern names
    has_numbers: bool = True
    # "total = part + part": when the match's numbers break it, the total is not read (the number the
    # pattern took for it counts something else: "tăng 01 đồng chí; trong đó 11 chính thức, 02 dự bị")
    adds_up: tuple[str, tuple[str, ...]] | None = None
    past_year: bool = False  # the match counts only when its YEAR is before the document's year
    own_year: bool = False  # the match counts only when every YEAR it names is the document's own year


@dataclass
class Reading:
    """A figure a structure read: field, value, line, and the character span of its number there."""

    field: str
    value: object
    line: Line
    start: int
    end: int
    structure: str


@dataclass
class Veto:
    """Fields (or every field, ``fields=None``) not to be read on ``line`` from ``start`` to ``end``."""

    fields: frozenset[str] | None
    line: Line
    start: int
    end: int
    structure: str


@dataclass
class Found:
    readings: list[Reading] = field(default_factory=list)
    vetoes: list[Veto] = field(default_factory=list)


def _token(spec: str, concepts: set[str], where: str) -> dict[str, Any]:
    m = _OP.match(spec)
    assert m is not None
    tok, op = m.group("tok"), m.group("op")
    out: dict[str, Any]
    if tok in ("NUM", "PCT", "FRAC"):
        out = {"TAG": tok}
    elif tok == "COUNT":
        out = {"TAG": {"IN": ["NUM", "FRAC"]}}
    elif tok == "SEP":
        out = {"NORM": {"IN": _SEP}}
    elif tok == "ANY":
        out = {}
    elif tok == "WORD":
        out = {"IS_PUNCT": False, "TAG": {"IN": ["", "_"]}}
    elif tok == "YEAR":
        out = {"TEXT": {"REGEX": r"^(?:19|20)\d\d$"}, "TAG": {"IN": ["", "_"]}}
    elif tok == "TEXT":
        out = {"TAG": {"NOT_IN": ["NUM", "PCT", "FRAC"]}, "ORTH": {"NOT_IN": _CLAUSE_END}}
    else:
        alts = tok.split("|") if tok != "|" else ["|"]
        known = [a for a in alts if a in concepts]
        if known and len(known) == len(alts):
            out = {"TAG": {"IN": alts}}
        elif known:
            raise ValueError(f"{where}: {tok!r} mixes concepts and words")
        elif any("_" in a for a in alts):
            raise ValueError(f"{where}: unknown concept {tok!r}")
        else:
            out = {"NORM": {"IN": alts}, "TAG": {"IN": ["", "_"]}}
    if op:
        out["OP"] = op
    return out


_SLOT = re.compile(r"\{(\w+)\}")


def _fields(names: list[str], where: str, named: tuple[str, ...] = ()) -> None:
    """Every field a read names exists; "{rating_}" stands for each concept of the pattern with
    that prefix, less the prefix ("rating_{rating_}" → rating_xuat_sac, rating_tot …)."""
    for name in names:
        for part in str(name).split("/"):
            slot = _SLOT.search(part)
            fills = [c[len(slot.group(1)) :] for c in named if c.startswith(slot.group(1))] if slot else [""]
            if slot and not fills:
                raise ValueError(f"{where}: no concept of the pattern fills {slot.group(0)}")
            for fill in fills:
                full = _SLOT.sub(fill, part) if slot else part
                if full != "-" and full not in FIELDS:
                    raise ValueError(f"{where}: unknown field {full!r}")


@cache
def load_structures(path: Path = STRUCTURES_FILE, lexicon: Path = LEXICON_FILE) -> tuple[Structure, ...]:
    """Parse and check structures.yaml: an unknown concept, field or document type fails here."""
    concepts = set(load_lexicon(lexicon))
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    doc_types = {t.value for t in DocType}
    out = []
    for i, raw in enumerate(data["patterns"]):
        where = f"{path.name}: pattern {raw.get('id', i)}"
        specs = raw["pattern"].split()
        tokens = [_token(s, concepts, where) for s in specs]
        # The concepts of the tokens the pattern requires (no "?" or "*"), in order.
        named = tuple(
            dict.fromkeys(
                a
                for s in specs
                if not s.endswith(("?", "*"))
                for a in _OP.match(s).group("tok").split("|")  # type: ignore[union-attr]
                if a in concepts
            )
        )
        has_numbers = any(_OP.match(s).group("tok") in ("NUM", "PCT", "FRAC", "COUNT", "YEAR") for s in specs)  # type: ignore[union-attr]
        read = [str(x) for x in raw.get("read", [])]
        zero = list(raw.get("zero", []))
        alternatives = tuple(
            a
            for sp in specs
            for a in _OP.match(sp).group("tok").split("|")  # type: ignore[union-attr]
            if a in concepts
        )
        _fields(read + zero, where, alternatives)
        veto = raw.get("veto", ())
        if veto != "all":
            veto = tuple(veto)
            _fields(list(veto), where)
        adds_up = _adds_up(raw.get("adds_up"), where)
        docs = frozenset(raw.get("docs", _FIGURE_DOCS))
        if docs - doc_types:
            raise ValueError(f"{where}: unknown document type {sorted(docs - doc_types)}")
        for c in (*raw.get("pct_of", ()), *raw.get("not_followed_by", ())):
            if c not in concepts:
                raise ValueError(f"{where}: unknown concept {c!r}")
        out.append(
            Structure(
                id=str(raw.get("id", i)),
                tokens=tokens,
                read=tuple(read),
                zero=tuple(zero),
                pct_of=tuple(raw.get("pct_of", ())),
                veto=veto,
                scope=raw.get("scope", "match"),
                not_followed_by=tuple(raw.get("not_followed_by", ())),
                from_end=bool(raw.get("from_end", False)),
                docs=docs,
                chi_bo_only=bool(raw.get("chi_bo_only", False)),
                dang_bo_only=bool(raw.get("dang_bo_only", False)),
                concepts=named,
                has_numbers=has_numbers,
                adds_up=adds_up,
                past_year=bool(raw.get("past_year", False)),
                own_year=bool(raw.get("own_year", False)),
            )
        )
    return tuple(out)


def _adds_up(text: str | None, where: str) -> tuple[str, tuple[str, ...]] | None:
    """ "members_total = members_official + members_probationary" → the total and its parts."""
    if not text:
        return None
    total, _, parts = str(text).partition("=")
    names = [total.strip(), *(p.strip() for p in parts.split("+"))]
    if len(names) < 3 or not all(names):
        raise ValueError(f"{where}: adds_up must read 'total = part + part', not {text!r}")
    _fields(names, where)
    return names[0], tuple(names[1:])


@dataclass(frozen=True)
class Parts:
    """The ``parts`` of structures.yaml: agenda items of minutes, and which of them is the ballot's."""

    marker: re.Pattern[str]
    about: re.Pattern[str]
    mentions: re.Pattern[str]
    fields: frozenset[str]
    docs: frozenset[str]
    ballot: re.Pattern[str] | None = None  # a ballot's opening ("lan thu hai –")
    proposal: re.Pattern[str] | None = None  # what the ballot to read is about


def _words(phrases: list[str]) -> re.Pattern[str]:
    alts = sorted((re.escape(str(p)).replace(r"\ ", r"\s+") for p in phrases), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(alts) + r")\b")


@cache
def load_parts(path: Path = STRUCTURES_FILE) -> Parts | None:
    """structures.yaml's ``parts`` compiled, its fields and document types checked; None without it."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8")).get("parts")
    if not raw:
        return None
    where = f"{path.name}: parts"
    _fields([str(f) for f in raw["fields"]], where)
    docs = frozenset(raw.get("docs", _FIGURE_DOCS))
    if docs - {t.value for t in DocType}:
        raise ValueError(f"{where}: unknown document type {sorted(docs - {t.value for t in DocType})}")
    markers = _words(raw["markers"]).pattern
    return Parts(
        # "noi dung 2.", "van de thu 3:", "phan ii -": the marker, a number, then a stop.
        marker=re.compile(r"^\W*(?:" + markers + r"\s+)?(?:\d{1,2}|[ivx]{1,4})\s*[.:)\-–]\s"),
        about=_words(raw["about"]),
        mentions=_words(raw["mentions"]),
        fields=frozenset(str(f) for f in raw["fields"]),
        docs=docs,
        ballot=re.compile(
            r"^\W*(?:"
            + _words(raw["ballots"]).pattern
            + r")\s+(?:\d{1,2}|[ivx]{1,4}|"
            + _words(raw.get("ordinals", [])).pattern
            + r")\s*[.:)\-–]"
        )
        if raw.get("ballots")
        else None,
        proposal=_words(raw["proposal"]) if raw.get("proposal") else None,
    )


_WHOLE_LINE = 1 << 30


def _part_vetoes(lines: list[Line], doc_type: str, parts: Parts | None) -> list[Veto]:
    """The vote's figures in an agenda item that is not the ballot's (``Parts``): one veto a line."""
    if parts is None or doc_type not in parts.docs:
        return []
    return _ballot_vetoes(lines, parts) or _item_vetoes(lines, parts)


def _ballot_vetoes(lines: list[Line], parts: Parts) -> list[Veto]:
    """Several ballots of one meeting: the figures of those not about the proposal are vetoed."""
    if parts.ballot is None or parts.proposal is None:
        return []
    ballots: list[list[Line]] = []
    heads: list[str] = []
    for ln in lines:
        text = fold(" | ".join(ln.cells) if ln.cells else ln.text)
        if parts.ballot.search(text):
            ballots.append([])
            heads.append(text)
        elif ballots and len(ballots[-1]) == 1 and not parts.mentions.search(heads[-1]):
            heads[-1] += " " + text  # the ballot's heading wraps onto a second line
        if ballots:
            ballots[-1].append(ln)
    about = [parts.proposal.search(h) is not None for h in heads]
    if len(ballots) < 2 or sum(about) != 1:
        return []
    return [
        Veto(parts.fields, ln, 0, _WHOLE_LINE, "another ballot")
        for ballot, ours in zip(ballots, about, strict=True)
        if not ours
        for ln in ballot
    ]


def _item_vetoes(lines: list[Line], parts: Parts) -> list[Veto]:
    items: list[list[tuple[Line, str]]] = []
    for ln in lines:
        text = fold(" | ".join(ln.cells) if ln.cells else ln.text)
        if parts.marker.search(text):
            items.append([])
        if items:
            items[-1].append((ln, text))
    texts = [" ".join(t for _, t in item) for item in items]
    if len(items) < 2 or not any(parts.about.search(t) for t in texts):
        return []
    out = []
    for item, text in zip(items, texts, strict=True):
        if parts.mentions.search(text):
            continue
        out += [Veto(parts.fields, ln, 0, _WHOLE_LINE, "another agenda item") for ln, _ in item]
    return out


class StructureReader:
    """Matches every structure over a document's lines; one reader per (lexicon, structures) pair."""

    def __init__(self, structures_path: Path = STRUCTURES_FILE, lexicon_path: Path = LEXICON_FILE) -> None:
        self.nlp: Language = get_nlp() if lexicon_path == LEXICON_FILE else build(lexicon_path)
        self.lexicon = load_lexicon(lexicon_path)
        self.structures = {s.id: s for s in load_structures(structures_path, lexicon_path)}
        self.parts = load_parts(structures_path)
        self.matcher = Matcher(self.nlp.vocab)
        for s in self.structures.values():
            self.matcher.add(s.id, [s.tokens], greedy="LONGEST")
        # Only lines with a digit, or a word a structure without numbers needs ("không có", "phấn
        # đấu"), are worth tokenising: most lines of a document are neither.
        words = sorted(
            {
                p
                for s in self.structures.values()
                if not s.has_numbers
                for p in self.lexicon[s.concepts[0]]["phrases"]
            },
            key=len,
            reverse=True,
        )
        self._worth = (
            re.compile(r"\d|" + "|".join(r"\b" + re.escape(w) + r"\b" for w in words))
            if words
            else re.compile(r"\d")
        )

    def read(
        self,
        lines: list[Line],
        doc_type: str,
        is_chi_bo: bool,
        join: bool | frozenset[int] = False,
        year: int | None = None,
    ) -> Found:
        """Readings and vetoes of every structure; with ``join`` (PDF, OCR) a sentence wrapped over
        lines is matched as one; a set of line ids (Word paragraphs cut by a hard wrap,
        extractors.text.wrapped_paragraphs) joins each of those lines to the next."""
        found = Found()
        section_veto = False
        # A sentence veto whose sentence runs on past its block (PDF/OCR: a line OCR split into
        # cells, so the sentence was not joined): the fields it vetoes, carried to the full stop.
        carried: tuple[frozenset[str] | None, str] | None = None
        for block in _blocks(lines, join):
            at = _Block(block)
            if carried is not None:
                if join is True and not (len(block) == 1 and _is_heading(block[0], None)):
                    if not _LIST_START.match(at.text):
                        end = _sentence_end(at.text, 0)
                        at.veto(found, carried[0], 0, end, carried[1])
                        if end < len(at.text):
                            carried = None
                    else:
                        carried = None
                else:
                    carried = None
            if not self._worth.search(prepare(at.text)):  # dates, years, document numbers masked
                if section_veto and len(block) == 1 and _is_heading(block[0], None):
                    section_veto = False
                continue
            doc = analyse(at.text, block[0], self.nlp)
            doc._.lines = at.starts_lines()
            heading = len(block) == 1 and _is_heading(block[0], doc)
            if heading:
                section_veto = False
            if section_veto:
                at.veto(found, None, 0, len(at.text), "target section")
            for s, start, end in self._matches(doc, doc_type, is_chi_bo):
                if s.past_year and (not _before(doc[start:end], year) or _in_date(doc, start)):
                    continue
                if s.own_year and not _own(doc[start:end], year):
                    continue
                self._apply(s, doc, start, end, at, found, year)
                if s.scope == "section" and heading:
                    section_veto = True
                elif s.veto and s.scope in ("sentence", "section") and _runs_on(doc, end):
                    carried = (None if s.veto == "all" else frozenset(s.veto), s.id)
        found.vetoes += _part_vetoes(lines, doc_type, self.parts)
        return found

    def _matches(self, doc: Doc, doc_type: str, is_chi_bo: bool) -> list[tuple[Structure, int, int]]:
        out = []
        for mid, start, end in self.matcher(doc):
            s = self.structures[self.nlp.vocab.strings[mid]]
            if doc_type not in s.docs or (s.chi_bo_only and not is_chi_bo) or (s.dang_bo_only and is_chi_bo):
                continue
            if s.not_followed_by and end < len(doc) and doc[end]._.concept in s.not_followed_by:
                continue
            out.append((s, start, end))
        # Reading structures may not overlap: the longest wins, then the earliest.
        out.sort(key=lambda m: (-(m[2] - m[1]), m[1]))
        taken: list[tuple[int, int]] = []
        kept = []
        for s, start, end in out:
            reads = bool(s.read and any(r != "-" for r in s.read)) or bool(s.zero)
            if reads and any(start < e and b < end for b, e in taken):
                continue
            if reads:
                taken.append((start, end))
            kept.append((s, start, end))
        return sorted(kept, key=lambda m: m[1])

    def _apply(
        self, s: Structure, doc: Doc, start: int, end: int, at: _Block, found: Found, year: int | None = None
    ) -> None:
        span = doc[start:end]
        lo, hi = span.start_char, span.end_char
        nums = [t for t in span if t._.kind]
        if s.from_end:
            nums = nums[len(nums) - len(s.read) :] if len(nums) >= len(s.read) else []
        skip = self._not_adding_up(s, span, nums)
        for spec, t in zip(s.read, nums, strict=False):
            spec = _fill(spec, span)
            parts = spec.split("/")
            num_field = parts[0]
            den_field = parts[1] if len(parts) > 1 else "-"
            value: object = t._.num
            if num_field != "-" and num_field != skip:
                if not num_field.endswith("_pct"):
                    if value != int(value):  # a count is whole
                        continue
                    value = int(value)
                at.read(found, num_field, value, t.idx, t.idx + len(t.text), s.id)
            if den_field != "-" and t._.den is not None:
                at.read(found, den_field, t._.den, t.idx, t.idx + len(t.text), s.id)
        for f in s.zero:
            at.read(found, _fill(f, span), 0, lo, hi, s.id)
        if s.pct_of:
            self._pct_with_base(s, doc, span, at, found)
        if s.veto:
            fields = None if s.veto == "all" else frozenset(s.veto)
            v_hi = _sentence_end(doc.text, hi) if s.scope in ("sentence", "section") else hi
            if s.past_year:
                v_hi = min(v_hi, _own_year_again(doc, end, year))
            at.veto(found, fields, lo, v_hi, s.id)

    @staticmethod
    def _not_adding_up(s: Structure, span: Any, nums: list[Any]) -> str | None:
        """The total of ``adds_up`` when the match's numbers say total ≠ the sum of its parts."""
        if s.adds_up is None:
            return None
        got: dict[str, float] = {}
        for spec, t in zip(s.read, nums, strict=False):
            name = _fill(spec, span).split("/")[0]
            if name != "-" and t._.num is not None:
                got[name] = float(t._.num)
        total, parts = s.adds_up
        if total in got and all(p in got for p in parts) and got[total] != sum(got[p] for p in parts):
            return total
        return None

    def _pct_with_base(self, s: Structure, doc: Doc, span: Any, at: _Block, found: Found) -> None:
        pct = next((t for t in span if t._.kind == "PCT"), None)
        if pct is None:
            return
        owner = None
        for t in reversed(doc[: pct.i]):
            if t._.concept in s.pct_of:
                owner = t._.concept
                break
        if owner is None:
            return
        base = next(
            (
                self.lexicon[t._.concept]["figure"]
                for t in reversed(list(span))
                if t._.concept and self.lexicon[t._.concept]["figure"]
            ),
            None,
        )
        te = pct.idx + len(pct.text)
        at.read(found, f"{owner}_pct", round(float(pct._.num), 2), pct.idx, te, s.id)
        if base is not None:
            at.read(found, f"{owner}_pct_base", base, pct.idx, te, s.id)


def _fill(spec: str, span: Any) -> str:
    """A read with a slot ("rating_{rating_}") filled from the concept the match holds."""
    slot = _SLOT.search(spec)
    if slot is None:
        return spec
    prefix = slot.group(1)
    concept = next((t._.concept for t in span if t._.concept.startswith(prefix)), None)
    return _SLOT.sub(concept[len(prefix) :], spec) if concept else "-"


class _Block:
    """Lines read as one text (joined by a space), and the way back from a character to its line."""

    def __init__(self, lines: list[Line]) -> None:
        self.lines = lines
        texts = [" | ".join(ln.cells) if ln.cells else ln.text for ln in lines]
        self.starts, pos = [], 0
        for t in texts:
            self.starts.append(pos)
            pos += len(t) + 1
        self.lengths = [len(t) for t in texts]
        self.text = " ".join(texts)

    def starts_lines(self) -> list[tuple[int, Line]]:
        return list(zip(self.starts, self.lines, strict=True))

    def where(self, char: int) -> tuple[Line, int]:
        i = max(bisect_right(self.starts, char) - 1, 0)
        return self.lines[i], char - self.starts[i]

    def read(self, found: Found, name: str, value: object, start: int, end: int, structure: str) -> None:
        line, offset = self.where(start)
        found.readings.append(Reading(name, value, line, offset, offset + end - start, structure))

    def veto(self, found: Found, fields: frozenset[str] | None, lo: int, hi: int, structure: str) -> None:
        for line, start, length in zip(self.lines, self.starts, self.lengths, strict=True):
            a, b = max(lo - start, 0), min(hi - start, length)
            if a < b or (a == b == 0 and lo <= start < hi):
                found.vetoes.append(Veto(fields, line, a, b, structure))


_LIST_START = re.compile(r"^\s*(?:[IVX]+\.|\d+(?:\.\d+)*\.|[a-d]\)|-|\+|•)\s")


def _blocks(lines: list[Line], join: bool | frozenset[int]) -> list[list[Line]]:
    """Each line alone, or (``join``) prose lines up to a full stop, a heading or a list item, or
    (a set of line ids) each line of the set with the line after it."""
    if not join:
        return [[ln] for ln in lines]
    if join is not True:
        out: list[list[Line]] = []
        block: list[Line] = []
        for ln in lines:
            block.append(ln)
            if id(ln) not in join:  # type: ignore[operator]
                out.append(block)
                block = []
        return out + ([block] if block else [])
    out: list[list[Line]] = []
    block: list[Line] = []
    for ln in lines:
        starts_new = bool(ln.cells) or _heading_text(ln.text) or bool(_LIST_START.match(ln.text))
        if starts_new and block:
            out.append(block)
            block = []
        block.append(ln)
        if ln.cells or _heading_text(ln.text) or _short_title(ln.text) or re.search(r"[.;!?]\s*$", ln.text):
            out.append(block)
            block = []
    if block:
        out.append(block)
    return out


def _before(span: Any, year: int | None) -> bool:
    """The span names a year before ``year`` (last year's figures restated in this year's report)."""
    if year is None:
        return False
    named = [int(t.text) for t in span if re.fullmatch(r"(?:19|20)\d\d", t.text)]
    return bool(named) and all(y < year for y in named)


def _own(span: Any, year: int | None) -> bool:
    """The span names no year, or only the document's own ("bị kỷ luật trong năm 2024: 0" in 2024)."""
    named = [int(t.text) for t in span if re.fullmatch(r"(?:19|20)\d\d", t.text)]
    return not named or (year is not None and all(y == year for y in named))


def _own_year_again(doc: Doc, end: int, year: int | None) -> int:
    """Where the sentence names the document's own year (or a later one) after last year's: "So với
    năm 2023 (12 đảng viên), năm 2024 chi bộ có 13 đảng viên" restates last year only up to "năm 2024"."""
    for t in doc[end:]:
        if year is not None and re.fullmatch(r"(?:19|20)\d\d", t.text) and int(t.text) >= year:
            prev = doc[t.i - 1] if t.i else None
            return prev.idx if prev is not None and prev.norm_ == "nam" else t.idx
    return len(doc.text)


def _in_date(doc: Doc, start: int) -> bool:
    """ "ngày 28 tháng 10 năm 2023": a date (of a guidance cited), not last year's figures."""
    before = [t.norm_ for t in doc[max(0, start - 2) : start]]
    return "thang" in before


def _runs_on(doc: Doc, end: int) -> bool:
    """The sentence of a match ending at token ``end`` goes on past the end of its text."""
    hi = doc[end - 1].idx + len(doc[end - 1].text) if end else 0
    # "… so với năm 2023 như sau:": a sentence that ends in a colon introduces the table or list
    # below it; that is not the rest of the sentence.
    return _sentence_end(doc.text, hi) == len(doc.text) and not doc.text.rstrip().endswith(":")


def _sentence_end(text: str, pos: int) -> int:
    """The end of the sentence at ``pos``: a full stop, not a ";" (targets are listed with ";")."""
    m = re.compile(r"\.(?!\d)|\n").search(text, pos)
    return m.start() if m else len(text)


def _is_heading(line: Line, doc: Doc) -> bool:
    """A section heading: a short line without figures, in capitals or numbered I., II. …"""
    if line.cells:
        return False
    if doc is None:
        return _heading_text(line.text) and len(line.text.split()) <= 12
    if any(t._.kind for t in doc):
        return False
    return _heading_text(line.text) or (bool(re.sub(r"[\W\d_]", "", line.text)) and len(doc) <= 12)


def _short_title(text: str) -> bool:
    """A short line without figures ("3. Phương hướng năm 2025"): a title, not a wrapped sentence."""
    return len(text.split()) <= 8 and not re.search(
        r"\d(?!\d{3}\b)|,\s*$", re.sub(r"^\s*[\dIVX.]+\s", "", text)
    )


def _heading_text(text: str) -> bool:
    letters = re.sub(r"[\W\d_]", "", text)
    return bool(letters) and (letters.isupper() or bool(re.match(r"^\s*[IVX]+\s*[.)-]", text)))


@cache
def default_reader() -> StructureReader:
    return StructureReader()
