"""Points said in words: the ``points`` patterns of structures.yaml, matched over one item of a phiếu.

A phiếu without a score table says each criterion's points in the line that names it ("Tiêu chí 1.
Lãnh đạo … (tối đa 25 điểm) – tự chấm: 24,5 điểm") and each item's in a list line ("- Cụ thể hóa …:
8 điểm (điểm chuẩn 8)"). :func:`read_points` gives the maximum and the self-score such a text
states, each with where its number stands; which row the text is (criterion, item, total) is for
the caller (extractors.fields.criteria). The wordings are data; this module only applies them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml
from spacy.matcher import Matcher

from .pipeline import LEXICON_FILE, analyse, get_nlp, load_lexicon
from .structures import STRUCTURES_FILE, _token

_ROLES = ("max", "score", "deduction", "-")
_LEADER = re.compile(r"[._…]{3,}")


@dataclass(frozen=True)
class PointsPattern:
    id: str
    tokens: list[dict]
    read: tuple[str, ...]
    weak: bool = False


@dataclass
class Points:
    """What one text says: each role's value and the character span of its number (None: not said)."""

    max: float | None = None
    score: float | None = None
    deduction: float | None = None
    spans: dict[str, tuple[int, int]] | None = None
    start: int | None = None  # where the first pattern that read a value begins (the label ends)
    patterns: tuple[str, ...] = ()


@cache
def load_points(path: Path = STRUCTURES_FILE, lexicon: Path = LEXICON_FILE) -> tuple[PointsPattern, ...]:
    """The ``points`` patterns of structures.yaml; an unknown role or concept fails here."""
    concepts = set(load_lexicon(lexicon))
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    out = []
    for i, raw in enumerate(data.get("points", [])):
        where = f"{path.name}: points {raw.get('id', i)}"
        read = tuple(str(r) for r in raw.get("read", []))
        for r in read:
            if any(part not in _ROLES for part in r.split("/")):
                raise ValueError(f"{where}: unknown role {r!r} (one of {', '.join(_ROLES)})")
        tokens = [_token(s, concepts, where) for s in raw["pattern"].split()]
        out.append(PointsPattern(str(raw.get("id", i)), tokens, read, bool(raw.get("weak", False))))
    return tuple(out)


@cache
def _matcher(path: Path = STRUCTURES_FILE) -> tuple[Matcher, dict[str, PointsPattern]]:
    nlp = get_nlp()
    patterns = {p.id: p for p in load_points(path)}
    m = Matcher(nlp.vocab)
    for p in patterns.values():
        m.add("points:" + p.id, [p.tokens], greedy="LONGEST")
    return m, patterns


def read_points(text: str, structures: Path = STRUCTURES_FILE) -> Points:
    """The maximum, self-score and deduction ``text`` states in words; strong patterns before weak
    ones, longer before shorter; a number is read once. ``structures``: another patterns file (tests)."""
    matcher, patterns = _matcher(structures)
    # A leader (dots, underscores) as "…" tokens, the text's length kept so spans stay its own.
    doc = analyse(_LEADER.sub(lambda m: "…" * len(m.group()), text), None)
    found = []
    for mid, start, end in matcher(doc):
        p = patterns[get_nlp().vocab.strings[mid].split(":", 1)[1]]
        found.append((p.weak, -(end - start), start, end, p))
    found.sort(key=lambda f: f[:3])
    used: set[int] = set()
    out = Points(spans={})
    for _, _, start, end, p in found:
        nums = [t for t in doc[start:end] if t._.kind in ("NUM", "FRAC")]
        if not nums or any(t.i in used for t in nums):
            continue
        took = False
        for spec, t in zip(p.read, nums, strict=False):
            roles = spec.split("/")
            values = [(roles[0], t._.num)] + ([(roles[1], t._.den)] if len(roles) > 1 and t._.den else [])
            for role, value in values:
                if role == "-" or value is None or getattr(out, role) is not None:
                    continue
                setattr(out, role, float(value))
                out.spans[role] = (t.idx, t.idx + len(t.text))  # type: ignore[index]
                took = True
        if took:
            used.update(t.i for t in nums)
            out.patterns += (p.id,)
            first = doc[start].idx
            out.start = first if out.start is None else min(out.start, first)
    return out
