"""The spaCy pipeline the rules read with: a blank Vietnamese one, with our tokenizer and two components.

Tokens are syllables (split at spaces) with Vietnamese punctuation split off: "bộ:" → "bộ" ":",
"(18" → "(" "18", "thức," → "thức" ","; a decimal comma ("93,5"), "đ/c" and a fraction ("17/18")
stay whole. Then:

- ``hoso_numbers`` merges "17 /18", "17 / 18" into one fraction token and "93,5 %" into one
  percentage token, and parses each number (decimal comma, leading zeros, OCR's "l3" for "13").
  Dates, years, times and document numbers are masked (extractors.fields.numbers.prepare) and are
  never numbers. A printed form's dotted leader ("bộ: ........ 24", "(8 điểm) …… 7,5"), with the colon
  before it, becomes one token whose NORM is "…": a pattern's ``SEP`` reads it, and so does "…".
- ``hoso_concepts`` merges each lexicon phrase (lexicon.yaml, matched on folded text, longest first)
  into one token carrying its concept.

Token extensions: ``fold`` (plain ASCII lower case), ``num`` / ``den`` / ``pct`` (the parsed number),
``kind`` ("NUM", "PCT", "FRAC" or ""), ``concept`` ("" when none), and ``prov`` (the source Line's provenance with
the token's character span in the line). ``Doc._.line`` is the Line read.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

import spacy
import yaml
from spacy.attrs import NORM
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from ..fields.numbers import LEADER, parse_number, prepare
from ..said_numbers import find
from ..text import fold

LEXICON_FILE = Path(__file__).with_name("lexicon.yaml")

# A dotted leader glued to the value it leads to ("....18.....", a form filled in between dots) is split off.
_PREFIX = re.compile(r"""^(?:[(\[{"“‘'«*•+]|/(?=\d)|-(?=\S)|–|[.…]{2,}(?=\d))""")
_SUFFIX = re.compile(r"""(?:[)\]}"”’'»;:!?%.,…]|(?<=\d)/)$""")
# Split inside a token at ":" ";" "(" ")" "|", at a comma that is not a decimal comma, and at a "/"
# between words ("kỳ/chuyên đề"; "đ/c" and "b/c" stay whole).
_INFIX = re.compile(
    r"""[:;()|\[\]]|(?<!\d),|,(?!\d)|(?<=[^\W\d_])/(?=\d)|(?<=\d)%|(?<=[^\W\d_]{2})/(?=[^\W\d_])"""
)

_NUMBER = re.compile(
    r"\s*(?P<num>\d{1,3}(?:\.\d{3})+|\d+(?:,\d+)?|\d+\.\d{1,2})"
    r"(?:\s*/\s*(?P<den>\d+))?(?P<pct>\s*%)?\s*"
)


def _ensure_extensions() -> None:
    if Token.has_extension("concept"):
        return
    Token.set_extension("fold", getter=lambda t: fold(t.text))
    Token.set_extension("num", default=None)
    Token.set_extension("den", default=None)
    Token.set_extension("pct", default=False)
    Token.set_extension("concept", getter=lambda t: "" if t.tag_ in _KINDS or t.tag_ == _NONE else t.tag_)
    # (a token that is neither a number nor a concept has the tag "" or _NONE)
    Token.set_extension("kind", getter=lambda t: t.tag_ if t.tag_ in _KINDS else "")
    Token.set_extension("prov", getter=_prov)
    Doc.set_extension("line", default=None)
    Doc.set_extension("lines", default=None)  # [(start, Line)] when several lines are read as one


_KINDS = frozenset(("NUM", "PCT", "FRAC"))
_NONE = "_"  # the tag of a token that is neither a number nor a concept


def _prov(t: Token) -> tuple[Any, int, int] | None:
    """(the Line's Provenance, start, end): where the token stands in its source line's text."""
    line, offset = t.doc._.line, 0
    for start, ln in t.doc._.lines or ():
        if start <= t.idx:
            line, offset = ln, start
    if line is None:
        return None
    return (line.prov, t.idx - offset, t.idx - offset + len(t.text))


def _tokenizer(nlp: Language) -> Tokenizer:
    return Tokenizer(
        nlp.vocab,
        prefix_search=_PREFIX.search,
        suffix_search=_SUFFIX.search,
        infix_finditer=_INFIX.finditer,
        token_match=re.compile(r"^(?:đ/c|Đ/c|Đ/C|d/c|\d+(?:[.,]\d+)*(?:/\d+)?)$").match,
    )


# A number in the working text (folded, OCR digits fixed, dates and document numbers blanked):
# "08", "93,5", "1.200", a fraction "17/18" or "17 / 18" (its numerator may stand in brackets:
# "(02)/10"), a percentage "93,5 %".
_NUMBER_SPAN = re.compile(
    r"(?<![^\W\d_])(?:\(\s*\d+\s*\)\s*/\s*\d+|\d+(?:[.,]\d+)*(?:\s*/\s*\d+)?(?:\s*%)?)(?![^\W_])"
)
_BRACKETED = re.compile(r"^\(\s*(\d+)\s*\)")


@Language.component("hoso_numbers")
def number_component(doc: Doc) -> Doc:
    """Merge fractions and percentages into one token each and parse them; only number tokens are touched."""
    work = prepare(doc.text, words=False)
    spans = []
    for m in _NUMBER_SPAN.finditer(work):
        span = doc.char_span(m.start(), m.end())
        if span is None:  # "17/18phiếu": not on token boundaries, not a number token
            continue
        spans.append((m.start(), m.end(), span))
    with doc.retokenize() as retok:
        for _, _, span in spans:
            if len(span) > 1:
                retok.merge(span)
    for a, b, _ in spans:
        t = doc.char_span(a, b)[0]  # type: ignore[index]
        m = _NUMBER.fullmatch(_BRACKETED.sub(r"\1", work[a:b]))
        value = parse_number(m.group("num")) if m else None
        if m is None or value is None:
            continue
        t._.num = value
        t._.den = int(m.group("den")) if m.group("den") else None
        t._.pct = bool(m.group("pct"))
        # Kinds and concepts live in the token's tag, which the Matcher reads natively (fast).
        t.tag_ = "PCT" if t._.pct else "FRAC" if t._.den is not None else "NUM"
    _merge_said(doc, work)
    _merge_leaders(doc)
    if len(doc) and not doc[0].tag_:
        doc[0].tag_ = _NONE  # the Matcher reads tags only from a document that has some
    return doc


def _merge_said(doc: Doc, work: str) -> None:
    """A number said in words where it reads as a count ("hai mươi mốt đồng chí": extractors.said_numbers)
    as one number token, like its digits."""
    spans = []
    for said in find(doc.text, work):
        span = doc.char_span(said.start, said.end)
        if span is not None and all(not t.tag_ or t.tag_ == _NONE for t in span):
            spans.append((said, span.start_char, span.end_char))
    with doc.retokenize() as retok:
        for _, a, b in spans:
            span = doc.char_span(a, b)
            if span is not None and len(span) > 1:
                retok.merge(span)
    for said, a, b in spans:
        t = doc.char_span(a, b)[0]  # type: ignore[index]
        t._.num = said.value
        t._.den = None
        t._.pct = said.pct
        t.tag_ = "PCT" if said.pct else "NUM"


_LEADER_SEP = re.compile(r"(?::[ \t]*)?(?:" + LEADER.pattern + r")")


def _merge_leaders(doc: Doc) -> None:
    """A dotted leader between a label and its value, and the colon before it, as one "…" token."""
    spans = []
    for m in _LEADER_SEP.finditer(doc.text):
        span = doc.char_span(m.start(), m.start() + len(m.group(0).rstrip()), alignment_mode="contract")
        if span is not None and len(span) and all(not t.tag_ or t.tag_ == _NONE for t in span):
            spans.append(span)
    with doc.retokenize() as retok:
        for span in spans:
            retok.merge(span, attrs={"NORM": "…"})


@cache
def load_lexicon(path: Path = LEXICON_FILE) -> dict[str, dict[str, Any]]:
    """concept → {phrases, figure, role}; a figure that is not a known field fails here."""
    from ..vocabulary import FIELDS

    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    out: dict[str, dict[str, Any]] = {}
    for name, raw in data["concepts"].items():
        figure = raw.get("figure")
        if figure is not None and figure not in FIELDS:
            raise ValueError(f"{path.name}: concept {name}: unknown field {figure!r}")
        out[name] = {
            "phrases": [fold(p) for p in raw["phrases"]],
            "figure": figure,
            "role": raw.get("role"),
        }
    return out


class ConceptTagger:
    """Marks lexicon phrases (longest first) as one token each with ``_.concept``."""

    def __init__(self, nlp: Language, lexicon: dict[str, dict[str, Any]]) -> None:
        self.matcher = PhraseMatcher(nlp.vocab, attr="NORM")
        for concept, entry in lexicon.items():
            self.matcher.add(concept, [nlp.make_doc(p) for p in entry["phrases"]])

    def __call__(self, doc: Doc) -> Doc:
        # Phrases hold no digits, so a match never spans a number token.
        spans = [Span(doc, s, e, label=mid) for mid, s, e in self.matcher(doc)]
        spans = filter_spans(spans)
        with doc.retokenize() as retok:
            for span in spans:
                retok.merge(span, attrs={"TAG": span.label_, "NORM": fold(span.text)})
        return doc


def build(lexicon_path: Path = LEXICON_FILE) -> Language:
    """A fresh pipeline with the lexicon at ``lexicon_path`` (tests give their own)."""
    _ensure_extensions()
    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}})
    nlp.vocab.lex_attr_getters[NORM] = fold  # a word's NORM is its folded form: "Đảng" → "dang"
    nlp.tokenizer = _tokenizer(nlp)
    nlp.add_pipe("hoso_numbers")
    tagger = ConceptTagger(nlp, load_lexicon(lexicon_path))
    Language.component("hoso_concepts_" + str(id(tagger)), func=tagger)
    nlp.add_pipe("hoso_concepts_" + str(id(tagger)), name="hoso_concepts")
    return nlp


@cache
def get_nlp() -> Language:
    """The pipeline with the bundled lexicon, built once per process (workers fork with it: preload)."""
    return build()


def analyse(text: str, line: Any = None, nlp: Language | None = None) -> Doc:
    """The tokens of ``text`` (one line, or a table row's cells joined by " | "), tagged."""
    doc = (nlp or get_nlp())(text)
    doc._.line = line
    return doc
