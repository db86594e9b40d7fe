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


def relations(kind: UnitKind | None, stated_pcts: list[tuple[str, str, float]] = ()) -> list[Relation]:
    """The relations a dossier's figures must satisfy; ``stated_pcts``: (count, its stated base, %)."""
    r = [
        Relation(
            ("members_total", "members_official", "members_probationary"),
            lambda v: v["members_total"] == v["members_official"] + v["members_probationary"],
            "tổng số = chính thức + dự bị",
        ),
        Relation(
            ("members_official", "members_total"),
            lambda v: v["members_official"] <= v["members_total"],
            "chính thức ≤ tổng số",
        ),
        Relation(
            ("members_present", "members_total"),
            lambda v: v["members_present"] <= v["members_total"],
            "có mặt ≤ tổng số",
        ),
        Relation(
            ("members_excused", "members_official"),
            lambda v: v["members_excused"] <= v["members_official"],
            "miễn sinh hoạt ≤ chính thức",
        ),
        Relation(
            ("voters_eligible", "members_total"),
            lambda v: v["voters_eligible"] <= v["members_total"],
            "có quyền biểu quyết ≤ tổng số",
        ),
        Relation(
            ("ballots_issued", "members_present"),
            lambda v: v["ballots_issued"] <= v["members_present"],
            "phiếu phát ra ≤ có mặt",
        ),
        Relation(
            ("ballots_returned", "ballots_issued"),
            lambda v: v["ballots_returned"] <= v["ballots_issued"],
            "thu về ≤ phát ra",
        ),
        Relation(
            ("ballots_valid", "ballots_returned"),
            lambda v: v["ballots_valid"] <= v["ballots_returned"],
            "hợp lệ ≤ thu về",
        ),
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
        Relation(
            ("votes_for", "voters_eligible"),
            lambda v: v["votes_for"] <= v["voters_eligible"],
            "tán thành ≤ có quyền biểu quyết",
        ),
    ]
    if kind == UnitKind.CHI_BO:
        r.append(
            Relation(
                ("voters_eligible", "members_official"),
                lambda v: v["voters_eligible"] <= v["members_official"],
                "có quyền biểu quyết ≤ chính thức",
            )
        )
    for count, base, stated in stated_pcts:
        if base not in FAMILY or count not in FAMILY:
            continue
        r.append(
            Relation(
                (count, base),
                lambda v, c=count, b=base, p=stated: v[b] > 0 and abs(100 * v[c] / v[b] - p) <= PCT_TOLERANCE,
                f"tỷ lệ {_num(stated)}% = {count} / {base}",
            )
        )
    return r


@dataclass
class Choice:
    """The values chosen, with the values left aside per figure and the relations that decided."""

    values: Values
    changed: dict[str, Any] = field(default_factory=dict)  # figure → the value first preferred
    broken: list[str] = field(default_factory=list)  # relations that stay broken
    used: list[str] = field(default_factory=list)  # relations that decided a change


def choose(options: dict[str, list[Any]], rels: list[Relation]) -> Choice:
    """The assignment of ``options`` (figure → values, preferred first) that breaks fewest relations.

    Cost: BROKEN per broken relation plus the position of each value in its figure's list; ties go to
    the preferred values. Exhaustive up to _EXHAUSTIVE assignments, else a beam over the figures.
    """
    names = [f for f in FAMILY if options.get(f)]
    first = {f: options[f][0] for f in names}
    if all(len(options[f]) == 1 for f in names):
        return Choice(values=first, broken=[r.text for r in rels if _broken(r, first)])
    total = 1
    for f in names:
        total *= len(options[f])
    if total <= _EXHAUSTIVE:
        best = min(
            (
                dict(zip(names, combo, strict=True))
                for combo in itertools.product(*(options[f] for f in names))
            ),
            key=lambda v: _cost(v, options, rels),
        )
    else:
        beam: list[Values] = [{}]
        for f in names:
            grown = [{**v, f: x} for v in beam for x in options[f]]
            grown.sort(key=lambda v: _cost(v, options, rels))
            beam = grown[:_BEAM]
        best = beam[0]
    changed = {f: first[f] for f in names if best[f] != first[f]}
    used = [r.text for r in rels if _broken(r, first) and not _broken(r, best)] if changed else []
    return Choice(values=best, changed=changed, broken=[r.text for r in rels if _broken(r, best)], used=used)


def _broken(r: Relation, v: Values) -> bool:
    if any(v.get(f) is None for f in r.fields):
        return False
    return not r.holds(v)


def _cost(v: Values, options: dict[str, list[Any]], rels: list[Relation]) -> tuple[float, tuple[int, ...]]:
    rank = tuple(options[f].index(x) for f, x in v.items())
    return (BROKEN * sum(_broken(r, v) for r in rels) + sum(rank), rank)


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
