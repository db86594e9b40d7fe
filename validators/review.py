"""A reviewer's corrections and flag decisions applied to a read dossier, and the checks run again.

The dossier as read (``Dossier``: every file's readings, no images) is kept beside ``result.json``;
a correction replaces the value of one reading, named by the file's sha256 and the reading's key
(``votes_for``, ``criterion.3`` …), so it applies to the same file in any later run. Re-checking is
reconcile + checks + verdict on the corrected readings: no file is read again.

A figure the files did not yield (FIELD_NOT_FOUND) can be entered: the correction names the file the
reviewer read it in and the figure's key, and becomes a reading of that file (rule ``reviewer``).

A dismissed flag (a reviewer says why it does not hold) stays in the result, marked, and no longer
counts for the verdict.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from typing import Any

from extractors.fields import FieldReading
from extractors.model import Provenance
from extractors.vocabulary import FIELDS

from .dossier import Dossier
from .model import Flag, Result
from .reconcile import reading_key

__all__ = [
    "Correction",
    "ValueProblem",
    "apply_corrections",
    "correctable",
    "enterable",
    "flag_key",
    "parse_value",
    "reassess",
]

# Percentages are 0–100; counts of people, meetings and ballots are whole and not absurd.
_PERCENT_KEYS = frozenset({"attendance_pct", "votes_for_pct", "votes_against_pct"})
_TEXT_KEYS = frozenset({"unit_name", "parent_name"})
_MAX_COUNT = 100_000
_CRITERION_KEY = re.compile(r"criterion\.(\d{1,2})")
ENTERED_NOTE = "nhập bởi người thẩm định / entered by the reviewer"
_YEAR_RANGE = (1990, 2100)


class ValueProblem(ValueError):
    """A value a reviewer typed that cannot stand for the figure: says why in Vietnamese and English."""

    def __init__(self, message_vi: str, message_en: str) -> None:
        super().__init__(f"{message_vi} / {message_en}")
        self.message_vi = message_vi
        self.message_en = message_en


@dataclass(frozen=True)
class Correction:
    """The value a reviewer set for one reading: the file (by sha256), the reading's key, the value."""

    file_sha256: str
    key: str
    value: Any


def flag_key(flag: Flag | dict) -> str:
    """A flag's identity across runs: its code, figure, rule and the files and pages of its evidence."""
    data = flag.model_dump(mode="json") if isinstance(flag, Flag) else flag
    places = sorted(
        {f"{e.get('file', '')}#{e.get('page') or ''}#{e.get('text', '')}" for e in data.get("evidence") or []}
    )
    raw = "\n".join(
        [str(data.get("code")), str(data.get("field") or ""), str(data.get("rule") or ""), *places]
    )
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:16]


def correctable(key: str, value: Any) -> bool:
    """Whether a reading of this key and shape can be corrected by hand (numbers and the unit's names)."""
    if key in _TEXT_KEYS:
        return isinstance(value, str)
    if key.startswith(("criterion.", "criterion_item.")) or key == "criteria_total":
        return isinstance(value, dict)
    return isinstance(value, int | float) and not isinstance(value, bool)


def enterable(key: str) -> bool:
    """Whether a figure that was not read can be entered by hand under this key: a count or a
    percentage of extractors.vocabulary.FIELDS, or one criterion's row (``criterion.3``)."""
    if _CRITERION_KEY.fullmatch(key):
        return True
    kind = FIELDS.get(key, "")
    return key != "year" and kind.startswith(("int:", "float:"))


def _criterion_entered(key: str, text: str) -> dict[str, Any]:
    """A criterion typed as "tự chấm/tối đa" ("24,5/25"): a row has no maximum to fall back on."""
    parts = re.split(r"\s*(?:/|trên|tren)\s*", text.strip(), maxsplit=1)
    if len(parts) != 2:
        raise ValueProblem(
            "hãy nhập điểm tự chấm/điểm tối đa, ví dụ 24,5/25",
            "type the self-assessed score/the maximum, e.g. 24.5/25",
        )
    score, top = (_number(x) for x in parts)
    if top <= 0 or score < 0:
        raise ValueProblem(
            "điểm tự chấm và điểm tối đa phải là số dương", "the score and the maximum must be positive"
        )
    if score > top:
        raise ValueProblem(
            f"điểm {_fmt(score)} lớn hơn điểm tối đa {_fmt(top)} của tiêu chí",
            f"score {score:g} is above the criterion's maximum {top:g}",
        )
    index = int(_CRITERION_KEY.fullmatch(key).group(1))
    whole = [int(x) if float(x).is_integer() else x for x in (score, top)]
    return {"index": index, "score": whole[0], "max": whole[1], "passed": None}


def _number(text: str) -> float:
    t = text.strip().replace(" ", "").replace("\u00a0", "")
    if not re.fullmatch(r"-?\d+([.,]\d+)?", t):
        raise ValueProblem(
            f"“{text.strip()}” không phải là số: hãy nhập một số, ví dụ 7,5",
            f"“{text.strip()}” is not a number: type a number, e.g. 7.5",
        )
    return float(t.replace(",", "."))


def _fmt(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:g}".replace(".", ",")


def parse_value(key: str, text: str, current: Any) -> Any:
    """The value a reviewer typed for ``key``, checked against the figure's kind and its maximum.

    ``current`` is the reading's present value (its shape: a row of the self-assessment carries its
    maximum; "24,5/25" sets both, and is needed for a row that was not read). Raises :class:`ValueProblem` for text where a number goes, a negative value, a value
    above its maximum, a fraction where a count goes."""
    if not text or not text.strip():
        raise ValueProblem("chưa nhập giá trị", "no value given")
    if key in _TEXT_KEYS:
        value = " ".join(text.split())
        if len(value) > 300:
            raise ValueProblem("tên quá dài (tối đa 300 ký tự)", "name too long (300 characters at most)")
        return value
    if _CRITERION_KEY.fullmatch(key) and (current is None or re.search(r"/|tr[eê]n", text)):
        return {**(current or {}), **_criterion_entered(key, text)}
    number = _number(text)
    if number < 0:
        raise ValueProblem(
            f"giá trị không được âm ({_fmt(number)})", f"the value cannot be negative ({number:g})"
        )
    if isinstance(current, dict):  # a row of the self-assessment: {"score", "max", ...}
        top = current.get("max")
        if isinstance(top, int | float) and number > top:
            raise ValueProblem(
                f"điểm {_fmt(number)} lớn hơn điểm tối đa {_fmt(top)} của tiêu chí",
                f"score {number:g} is above the criterion's maximum {top:g}",
            )
        return {**current, "score": int(number) if number.is_integer() else number}
    if key in _PERCENT_KEYS:
        if number > 100:
            raise ValueProblem(f"tỷ lệ {_fmt(number)}% lớn hơn 100%", f"{number:g}% is above 100%")
        return number
    if not number.is_integer():
        raise ValueProblem(
            f"“{text.strip()}” phải là số nguyên (số người, số kỳ, số phiếu)",
            f"“{text.strip()}” must be a whole number (people, meetings, ballots)",
        )
    if key == "year":
        lo, hi = _YEAR_RANGE
        if not lo <= number <= hi:
            raise ValueProblem(f"năm {int(number)} không hợp lệ", f"year {int(number)} is not plausible")
        return int(number)
    if number > _MAX_COUNT:
        raise ValueProblem(
            f"{_fmt(number)} vượt quá giới hạn {_MAX_COUNT:,}".replace(",", "."),
            f"{number:g} is above the limit of {_MAX_COUNT:,}",
        )
    return int(number)


def apply_corrections(dossier: Dossier, corrections: list[Correction]) -> tuple[Dossier, list[Correction]]:
    """A copy of ``dossier`` with each correction's value on the readings it names; and the ones applied.

    A correction of a figure the file had no reading of (:func:`enterable`) becomes a reading of that
    file; one whose file is not in this dossier is left out (another dossier's file)."""
    if not corrections:
        return dossier, []
    by_place = {(c.file_sha256, c.key): c for c in corrections}
    copy = dossier.model_copy(deep=True)
    applied: dict[tuple[str, str], Correction] = {}
    for f in copy.files:
        for i, r in enumerate(f.readings):
            c = by_place.get((f.sha256, reading_key(r)))
            if c is None:
                continue
            f.readings[i] = r.model_copy(
                update={"value": c.value, "note": "sửa bởi người thẩm định / corrected"}
            )
            applied[(c.file_sha256, c.key)] = c
    files = {f.sha256: f for f in copy.files if f.error is None}
    for c in corrections:
        f = files.get(c.file_sha256)
        if (c.file_sha256, c.key) in applied or f is None or not enterable(c.key):
            continue
        field = "criterion" if c.key.startswith("criterion.") else c.key
        f.readings.append(
            FieldReading(
                field=field,
                value=c.value,
                raw="",
                prov=Provenance(file=f.file),
                doc_type=f.doc_type,
                note=ENTERED_NOTE,
                score=1.0,
                rule="reviewer",
            )
        )
        applied[(c.file_sha256, c.key)] = c
    return copy, list(applied.values())


def reassess(
    dossier: Dossier,
    profile: str,
    corrections: list[Correction],
    dismissed: set[str] | frozenset[str] = frozenset(),
    *,
    today: dt.date | None = None,
) -> tuple[Result, list[Correction]]:
    """The result of ``dossier`` with the corrections applied and the dismissed flags (by
    :func:`flag_key`) not counted for the verdict; and the corrections that applied."""
    from .assess import assess

    corrected, applied = apply_corrections(dossier, corrections)
    result = assess(corrected, profile, today=today, dismissed=dismissed)
    return result, applied
