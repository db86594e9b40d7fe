"""Checkbox marks of a printed form: "☒ Đạt   ☐ Không đạt" answers "Đạt".

The marks are data (``checkboxes`` in patterns.yaml): after a ticked box stands the answer, after an
unticked one an option not taken. :func:`ticked` blanks the options not taken and the marks themselves,
keeping the text's length, so the readers that follow see only the answer ("24,5/25 điểm   Đạt").
"""

from __future__ import annotations

import re
from functools import cache

from .patterns import load_patterns

# Where an option ends when no other box follows it: the end of its clause or table cell.
_OPTION_END = re.compile(r"[;|\n]|\.(?=\s|$)")


@cache
def _marks() -> tuple[re.Pattern[str], frozenset[str]]:
    boxes = load_patterns().checkboxes
    on, off = tuple(boxes.get("ticked", ())), tuple(boxes.get("unticked", ()))
    alts = sorted(on + off, key=len, reverse=True)
    return re.compile("|".join(re.escape(m) for m in alts)), frozenset(on)


def has_boxes(text: str) -> bool:
    return bool(_marks()[0].search(text))


def ticked(text: str) -> str:
    """``text`` with each unticked box's option and every mark blanked (same length); a text without
    boxes as it is."""
    rx, on = _marks()
    found = list(rx.finditer(text))
    if not found:
        return text
    out = list(text)
    for k, m in enumerate(found):
        nxt = found[k + 1].start() if k + 1 < len(found) else len(text)
        end = _OPTION_END.search(text, m.end(), nxt)
        stop = end.start() if end else nxt
        blank_to = m.end() if m.group() in on else stop
        for i in range(m.start(), blank_to):
            if out[i] != "\n":
                out[i] = " "
    return "".join(out)
