"""Near matches of key phrases on OCR lines, so that one damaged letter does not lose a figure."""

from __future__ import annotations

import re

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

# Short keys ("vang", "co mat") are too easily matched by chance; only longer ones are repaired.
MIN_KEY = 9
MIN_SCORE = 88.0
_DIGIT = re.compile(r"\d")


_CLAUSE_END = re.compile(r"(?<=;)|(?<=\.)(?!\d)")


def repair(work: str, keys: list[str], regex: re.Pattern[str], need_digit: bool = True) -> str:
    """``work`` with each clause (cut at ";" and ".") repaired by :func:`repair_clause`."""
    return "".join(repair_clause(c, keys, regex, need_digit) for c in _CLAUSE_END.split(work))


def repair_clause(work: str, keys: list[str], regex: re.Pattern[str], need_digit: bool = True) -> str:
    """``work`` (folded text of one OCR line) with the best near match of a key replaced by the key.

    Runs only on a line that holds a number (or a table row's label cell) and no exact key; the match must cover whole words and
    differ from the key by about one letter in ten, else the line is returned unchanged.
    """
    if (need_digit and not _DIGIT.search(work)) or regex.search(work):
        return work
    best: tuple[float, int, int, str] | None = None
    for key in keys:
        if len(key) < MIN_KEY or len(key) > len(work):
            continue
        al = fuzz.partial_ratio_alignment(key, work, score_cutoff=MIN_SCORE)
        if al is None:
            continue
        lo, hi = al.dest_start, al.dest_end
        # Whole words only: the match must not start or end inside a word of the line.
        if (lo > 0 and work[lo - 1].isalnum() and work[lo].isalnum()) or (
            hi < len(work) and work[hi - 1].isalnum() and work[hi].isalnum()
        ):
            continue
        if _DIGIT.search(work[lo:hi]):
            continue  # a key never spans a figure
        words, key_words = work[lo:hi].split(), key.split()
        if len(words) < len(key_words) and set(words) <= set(key_words):
            continue  # a word of the key missing, none damaged: another phrase ("đảng viên bị xử lý")
        if len(words) == len(key_words) and any(
            Levenshtein.distance(w, k) > max(1, len(k) // 4) for w, k in zip(words, key_words, strict=True)
        ):
            continue  # a word replaced, not damaged: "đảng viên bị" is not "đảng viên mới"
        if best is None or (al.score, len(key)) > (best[0], len(best[3])):
            best = (al.score, lo, hi, key)
    if best is None:
        return work
    _, lo, hi, key = best
    return work[:lo] + key + work[hi:]
