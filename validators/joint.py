"""A joint choice of the member and vote figures by the dossier's own arithmetic.

Reconciliation picks each figure by the preferred document and reading order. When a dossier holds
several readings of a figure (two documents, or two places in one), that first pick can break
sums the dossier states itself: total = official + probationary, present ≤ total, who may vote ≤
official members, for + against ≤ valid ≤ returned ≤ issued, a stated percentage = count / its
stated base. This module keeps the top few values per figure and chooses the assignment that
breaks the fewest of those relations, then the one nearest the preferred readings. A figure read
only one way is never changed, and a relation that stays broken is left for the checks to flag.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .codes import UnitKind

# The figures chosen together, in the order the search assigns them.
FAMILY: tuple[str, ...] = (
    "members_total",
    "members_official",
    "members_probationary",
    "members_excused",
    "members_present",
    "voters_eligible",
    "ballots_issued",
    "ballots_returned",
    "ballots_valid",
    "ballots_invalid",
    "votes_for",
    "votes_against",
)
TOP_K = 3  # values kept per figure
BROKEN = 3.0  # cost of one broken relation, against 1 per step down a figure's preference list
PCT_TOLERANCE = 0.51
_EXHAUSTIVE = 4096  # assignments tried in full; above it a beam search
_BEAM = 64

Values = dict[str, Any]


@dataclass(frozen=True)
class Relation:
    """A relation between figures, with the words a reviewer reads when it is used."""

    fields: tuple[str, ...]
    holds: Callable[[Values], bool]
    text: str
    # A relation built on a percentage one document states: it is that document's account, not a law
    # of every dossier, so it may choose a value but never rules another document's value out.
    stated: bool = False


def _at_most(small: str, large: str, text: str) -> Relation:
    """``small`` ≤ ``large``: the commonest relation between two counts."""
    return Relation((small, large), lambda v: v[small] <= v[large], text)


# What a vote's share may be a share of when its sentence names no base (as the ballot check reads it).
SHARE_BASES: tuple[str, ...] = (
    "voters_eligible",
    "ballots_valid",
    "ballots_returned",
    "ballots_issued",
    "members_present",
    "members_official",
)


def relations(
    kind: UnitKind | None,
    stated_pcts: list[tuple[str, str, float]] = (),
    unbased_pcts: list[tuple[str, float]] = (),
) -> list[Relation]:
    """The relations a dossier's figures must satisfy; ``stated_pcts``: (count, its stated base, %);
    ``unbased_pcts``: (count, %) whose sentence names no base: the share of one of SHARE_BASES."""
    r = [
        Relation(
            ("members_total", "members_official", "members_probationary"),
            lambda v: v["members_total"] == v["members_official"] + v["members_probationary"],
            "tổng số = chính thức + dự bị",
        ),
        _at_most("members_official", "members_total", "chính thức ≤ tổng số"),
        _at_most("members_present", "members_total", "có mặt ≤ tổng số"),
        _at_most("members_excused", "members_official", "miễn sinh hoạt ≤ chính thức"),
        _at_most("voters_eligible", "members_total", "có quyền biểu quyết ≤ tổng số"),
        _at_most("ballots_issued", "members_present", "phiếu phát ra ≤ có mặt"),
        # A ballot is handed only to a member who may vote (official members not excused, or the
        # committee's members): more ballots than voters is a misreading of one of the two.
        _at_most("ballots_issued", "voters_eligible", "phiếu phát ra ≤ có quyền biểu quyết"),
        _at_most("ballots_returned", "ballots_issued", "thu về ≤ phát ra"),
        _at_most("ballots_valid", "ballots_returned", "hợp lệ ≤ thu về"),
        Relation(
            ("ballots_valid", "ballots_invalid", "ballots_returned"),
            lambda v: v["ballots_valid"] + v["ballots_invalid"] == v["ballots_returned"],
            "hợp lệ + không hợp lệ = thu về",
        ),
        Relation(
            ("votes_for", "votes_against", "ballots_valid"),
            lambda v: v["votes_for"] + v["votes_against"] <= v["ballots_valid"],
            "tán thành + không tán thành ≤ hợp lệ",
        ),
        _at_most("votes_for", "voters_eligible", "tán thành ≤ có quyền biểu quyết"),
    ]
    if kind == UnitKind.CHI_BO:
        r.append(_at_most("voters_eligible", "members_official", "có quyền biểu quyết ≤ chính thức"))
    for count, base, stated in stated_pcts:
        if base not in FAMILY or count not in FAMILY:
            continue
        r.append(
            Relation(
                (count, base),
                lambda v, c=count, b=base, p=stated: v[b] > 0 and abs(100 * v[c] / v[b] - p) <= PCT_TOLERANCE,
                f"tỷ lệ {_num(stated)}% = {count} / {base}",
                stated=True,
            )
        )
    for count, stated in unbased_pcts:
        if count not in FAMILY:
            continue
        r.append(
            Relation(
                (count,),
                lambda v, c=count, p=stated: _share_of_some_base(v, c, p),
                f"tỷ lệ {_num(stated)}% = {count} / số có quyền biểu quyết, phiếu hợp lệ hay phát ra",
                stated=True,
            )
        )
    return r


def _share_of_some_base(v: Values, count: str, stated: float) -> bool:
    """``count`` is ``stated`` % of one of the bases already set (true while none is)."""
    bases = [v[b] for b in SHARE_BASES if v.get(b)]
    return not bases or any(abs(100 * v[count] / b - stated) <= PCT_TOLERANCE for b in bases)


@dataclass
class Choice:
    """The values chosen, with the values left aside per figure and the relations that decided."""

    values: Values
    changed: dict[str, Any] = field(default_factory=dict)  # figure → the value first preferred
    broken: list[str] = field(default_factory=list)  # relations that stay broken
    used: list[str] = field(default_factory=list)  # relations that decided a change


def choose(
    options: dict[str, list[Any]],
    rels: list[Relation],
    order: tuple[str, ...] | list[str] = FAMILY,
    beam_width: int = _BEAM,
    broken_cost: float = BROKEN,
) -> Choice:
    """The assignment of ``options`` (figure → values, preferred first) that breaks fewest relations.

    Cost: BROKEN per broken relation plus the position of each value in its figure's list; ties go to
    the preferred values. Exhaustive up to _EXHAUSTIVE assignments, else a beam over the figures in
    ``order`` (put the figures of one relation next to each other: a relation counts once all are set).
    """
    names = [f for f in order if options.get(f)]
    first = {f: options[f][0] for f in names}
    if all(len(options[f]) == 1 for f in names):
        return Choice(values=first, broken=[r.text for r in rels if broken(r, first)])
    total = 1
    for f in names:
        total *= len(options[f])
    if total <= _EXHAUSTIVE:
        best = min(
            (
                dict(zip(names, combo, strict=True))
                for combo in itertools.product(*(options[f] for f in names))
            ),
            key=lambda v: _cost(v, options, rels, broken_cost),
        )
    else:
        beam: list[Values] = [{}]
        for f in names:
            grown = [{**v, f: x} for v in beam for x in options[f]]
            grown.sort(key=lambda v: _cost(v, options, rels, broken_cost))
            beam = grown[:beam_width]
        best = beam[0]
    changed = {f: first[f] for f in names if best[f] != first[f]}
    used = [r.text for r in rels if broken(r, first) and not broken(r, best)] if changed else []
    return Choice(values=best, changed=changed, broken=[r.text for r in rels if broken(r, best)], used=used)


def broken(r: Relation, v: Values) -> bool:
    """Whether ``r`` fails on ``v`` (a relation with a figure not set holds)."""
    if any(v.get(f) is None for f in r.fields):
        return False
    return not r.holds(v)


def _cost(
    v: Values, options: dict[str, list[Any]], rels: list[Relation], broken_cost: float = BROKEN
) -> tuple[float, tuple[int, ...]]:
    rank = tuple(options[f].index(x) for f, x in v.items())
    return (broken_cost * sum(broken(r, v) for r in rels) + sum(rank), rank)


def top_values(values: list[Any], k: int = TOP_K) -> list[Any]:
    """The first ``k`` distinct values, in the order given."""
    return list(dict.fromkeys(values))[:k]


def plausible_points(
    score: float | None, maximum: float | None, exact: bool = False
) -> tuple[float | None, str | None]:
    """A score that exceeds its maximum by a lost decimal comma ("79" where the maximum is 8,4) is
    read with the comma restored, when that makes it fit and it is still at least half the maximum
    (a self-score far below its maximum is more likely a real error than a lost comma); with
    ``exact`` (a maximum against the profile's) it must then equal the bound. Returns the value and why."""
    if score is None or maximum is None or score <= maximum + 0.001 or not float(score).is_integer():
        return score, None
    fixed = round(score / 10, 2)
    fits = abs(fixed - maximum) <= 0.01 if exact else maximum / 2 <= fixed <= maximum + 0.001
    if not fits:
        return score, None
    return fixed, f"đọc “{_num(score)}” là {_num(fixed)} (mất dấu phẩy: tối đa {_num(maximum)})"


def _num(x: float) -> str:
    return (f"{x:g}").replace(".", ",")


# ---- the score table ---------------------------------------------------------------------------
# The self-assessment table has its own arithmetic: a criterion's items add up to its score and to
# its maximum, the criteria add up to the total, a score is never above its maximum, and a
# criterion's maximum is the profile's (when the profile sets the points) or at most the total.
# Each score cell keeps its readings — as read, the decimal comma restored ("79" → 7,9), a deduction
# applied (maximum − "trừ 0,5"), a doubtful OCR digit — and the table takes the assignment that
# breaks the fewest of those sums, preferring the readings as read.

SCORE_TOLERANCE = 0.01
_SCORE_BEAM = 256
# A cell holds up to a dozen readings (comma, deduction, OCR digits): one sum made to hold outweighs
# taking any of them, two cells changed to mend one sum do not.
_SCORE_BROKEN = 12.0
# Digits OCR confuses in score cells, each with the few it is mistaken for.
_OCR_DIGITS = {"0": "8", "1": "7", "3": "8", "5": "6", "6": "58", "7": "1", "8": "306", "9": "8"}


@dataclass
class ScoreCell:
    """One score or maximum of the table: its readings, preferred first, each with why (None: as read)."""

    options: list[tuple[float, str | None]] = field(default_factory=list)

    def add(self, value: float | None, why: str | None) -> None:
        if value is None or value < 0 or value > 1000:
            return
        value = round(float(value), 2)
        if all(abs(value - v) > 1e-9 for v, _ in self.options):
            self.options.append((value, why))


@dataclass
class ScoreRow:
    """A row of the score table: ``key`` is ``criterion.N``, ``criterion_item.N.M`` or ``criteria_total``."""

    key: str
    criterion: int | None  # the criterion a row is (criterion.N) or belongs to (item)
    score: ScoreCell = field(default_factory=ScoreCell)
    max: ScoreCell = field(default_factory=ScoreCell)


def cell_readings(
    value: float | None,
    read: float | None = None,
    *,
    deducted: float | None = None,
    ocr: bool = False,
) -> ScoreCell:
    """The readings of one cell: as chosen by the reader, as it stood on the page (``read``, when the
    reader changed it), the decimal comma restored, ``deducted`` (a maximum less its deduction, or a
    score plus it) and, on a scan, one doubtful digit changed."""
    cell = ScoreCell()
    cell.add(value, None)
    if value is None and deducted is not None:
        cell.add(deducted, "không đọc được ô điểm; lấy điểm tối đa trừ cột điểm trừ")
    if read is not None:
        cell.add(read, f"đọc “{_num(read)}”")
    for v in [x for x in (value, read) if x is not None]:
        if float(v).is_integer() and 10 <= v < 1000:
            cell.add(v / 10, f"đọc “{_num(v)}”, hiểu là {_num(v / 10)} (mất dấu phẩy)")
    if deducted is not None:
        cell.add(deducted, "theo cột điểm trừ")
    if ocr and value is not None:
        text = _num(value)
        for i, ch in enumerate(text):
            for alt in _OCR_DIGITS.get(ch, ""):
                other = text[:i] + alt + text[i + 1 :]
                if other[0] == "0" and len(other) > 1 and other[1] != ",":
                    continue
                cell.add(float(other.replace(",", ".")), f"chữ số “{ch}” có thể là “{alt}” (ảnh quét)")
        for i, ch in enumerate(text):  # a stray mark read as one more digit ("7,35" for "7,5")
            other = (text[:i] + text[i + 1 :]).strip(",")
            if ch.isdigit() and other and other[0] != "," and not (other[0] == "0" and other[1:2].isdigit()):
                cell.add(float(other.replace(",", ".")), f"chữ số “{ch}” có thể là vết bẩn (ảnh quét)")
    return cell


def _var(key: str, part: str) -> str:
    return f"{key}|{part}"


def score_relations(rows: list[ScoreRow], bounds: list[float] | None = None) -> list[Relation]:
    """The sums the table must satisfy; ``bounds``: the profile's maximum per criterion, if it sets one."""
    rels: list[Relation] = []
    crits = {r.criterion: r for r in rows if r.key.startswith("criterion.") and r.criterion is not None}
    items: dict[int, list[ScoreRow]] = {}
    for r in rows:
        if r.key.startswith("criterion_item.") and r.criterion is not None:
            items.setdefault(r.criterion, []).append(r)
    total = next((r for r in rows if r.key == "criteria_total"), None)
    for r in rows:
        s, m = _var(r.key, "score"), _var(r.key, "max")
        rels.append(
            Relation(
                (s, m), lambda v, s=s, m=m: v[s] <= v[m] + SCORE_TOLERANCE, f"{_label(r.key)}: điểm ≤ tối đa"
            )
        )
    for i, c in crits.items():
        subs = items.get(i, [])
        for part, words in (("score", "điểm tự chấm"), ("max", "điểm tối đa")):
            if subs:
                fs = tuple(_var(x.key, part) for x in subs)
                w = _var(c.key, part)
                rels.append(
                    Relation(
                        (*fs, w),
                        lambda v, fs=fs, w=w: abs(sum(v[f] for f in fs) - v[w]) <= SCORE_TOLERANCE,
                        f"{words} các mục cộng lại bằng tiêu chí {i}",
                    )
                )
        m = _var(c.key, "max")
        if bounds is not None and 1 <= i <= len(bounds) and bounds[i - 1] is not None:
            b = bounds[i - 1]
            rels.append(
                Relation(
                    (m,),
                    lambda v, m=m, b=b: abs(v[m] - b) <= SCORE_TOLERANCE,
                    f"điểm tối đa tiêu chí {i} = {_num(b)} (khung điểm)",
                )
            )
        elif total is not None:
            t = _var(total.key, "max")
            rels.append(
                Relation(
                    (m, t),
                    lambda v, m=m, t=t: v[m] <= v[t] / (2 if len(crits) > 1 else 1) + SCORE_TOLERANCE,
                    f"điểm tối đa tiêu chí {i} trong khung tổng điểm",
                )
            )
        else:
            rels.append(
                Relation((m,), lambda v, m=m: v[m] <= 50 + SCORE_TOLERANCE, f"điểm tối đa tiêu chí {i} ≤ 50")
            )
    if total is not None and len(crits) > 1:
        for part, words in (("score", "điểm tự chấm"), ("max", "điểm tối đa")):
            fs = tuple(_var(c.key, part) for c in crits.values())
            w = _var(total.key, part)
            rels.append(
                Relation(
                    (*fs, w),
                    lambda v, fs=fs, w=w: abs(sum(v[f] for f in fs) - v[w]) <= SCORE_TOLERANCE,
                    f"{words} các tiêu chí cộng lại bằng tổng",
                )
            )
    return rels


@dataclass
class ScoreChoice:
    """Per row key: the score and maximum chosen; what changed, with why; relations left broken."""

    values: dict[str, dict[str, float | None]]
    changed: dict[str, dict[str, tuple[float | None, float, str]]]  # key → part → (first, chosen, why)
    broken: list[str]
    used: list[str]


def choose_scores(rows: list[ScoreRow], bounds: list[float] | None = None) -> ScoreChoice:
    """The readings of the score table that break the fewest of its sums (see ``score_relations``).

    A cell read one way only is never changed; a sum that stays broken is left for the checks to flag.
    Only cells of a sum (or bound) broken as read are searched; the others keep their first reading.
    """
    rels = score_relations(rows, bounds)
    options: dict[str, list[float]] = {}
    whys: dict[str, dict[float, str | None]] = {}
    order: list[str] = []
    for r in _search_order(rows):
        for part in ("score", "max"):
            cell: ScoreCell = getattr(r, part)
            if cell.options:
                name = _var(r.key, part)
                options[name] = [v for v, _ in cell.options]
                whys[name] = dict(cell.options)
                order.append(name)
    # Only a cell of a sum that is broken as read can mend it: the others keep their first reading.
    first = {name: opts[0] for name, opts in options.items()}
    suspects = {f for r in rels if broken(r, first) for f in r.fields}
    options = {name: opts if name in suspects else opts[:1] for name, opts in options.items()}
    choice = choose(options, rels, order=order, beam_width=_SCORE_BEAM, broken_cost=_SCORE_BROKEN)
    values: dict[str, dict[str, float | None]] = {}
    changed: dict[str, dict[str, tuple[float | None, float, str]]] = {}
    for r in rows:
        values[r.key] = {p: choice.values.get(_var(r.key, p)) for p in ("score", "max")}
        for p in ("score", "max"):
            name = _var(r.key, p)
            v = choice.values.get(name)
            if name in choice.changed or (v is not None and whys[name].get(v)):
                changed.setdefault(r.key, {})[p] = (choice.changed.get(name), v, whys[name].get(v) or "")
    return ScoreChoice(values=values, changed=changed, broken=choice.broken, used=choice.used)


def _search_order(rows: list[ScoreRow]) -> list[ScoreRow]:
    """Items before their criterion, criteria before the total: each sum closes as soon as it can."""

    def key(r: ScoreRow) -> tuple[int, int]:
        if r.key == "criteria_total":
            return (10_000, 0)
        return (r.criterion or 0, 1 if r.key.startswith("criterion.") else 0)

    return sorted(rows, key=key)


def _label(key: str) -> str:
    if key == "criteria_total":
        return "tổng cộng"
    if key.startswith("criterion_item."):
        return f"mục {key.split('.', 1)[1]}"
    return f"tiêu chí {key.split('.', 1)[1]}"
