"""A document's own key of abbreviations ("Ghi chú viết tắt: ĐV – đảng viên; SHTK – sinh hoạt thường
kỳ"): the abbreviations it defines are read as the words they stand for everywhere in that document.

A careful reader who meets "SHTK (kỳ) | 06 | 06 | 12" in a table looks the abbreviation up in the key
(often after the signature) and reads the row as "sinh hoạt thường kỳ". Only a key the document names
as such ("viết tắt") is used, and only entries of one abbreviation each ("HTXSNV, HTTNV – …" names
several at once and is left as it is); an abbreviation is replaced only as a whole word, in its own
capitals.
"""

from __future__ import annotations

import re

from ..model import Line
from ..text import fold

_KEY = re.compile(r"\bviet\s*tat\b")
# "; SHTK – sinh hoạt thường kỳ": an entry starts the key or follows a ";" or ":" (not a comma, which
# lists several abbreviations for one group of words).
_ENTRY = re.compile(
    r"(?:^|[;:]|\.\s)\s*([A-ZĐÐ][A-ZĐÐ0-9]{1,7})\s*[–—\-=:]\s*([^\W\d_][^;:–—=\d]*?)\s*(?=;|\.\s|\.?$)",
    re.UNICODE,
)
_MAX_KEY_LINES = 4  # a key wrapped by the page goes on over a few lines
_MAX_WORDS = 8


def abbreviation_key(lines: list[Line]) -> dict[str, str]:
    """Abbreviation → its words, from the document's key (empty when it has none)."""
    for i, line in enumerate(lines):
        if line.cells or not _KEY.search(fold(line.text)):
            continue
        text = " ".join(ln.text.strip() for ln in lines[i : i + _MAX_KEY_LINES] if not ln.cells)
        text = text[_KEY.search(fold(text)).end() :]  # type: ignore[union-attr]
        key: dict[str, str] = {}
        for m in _ENTRY.finditer(text):
            words = m.group(2).strip(" ,")
            if words and words == words.lower() and len(words.split()) <= _MAX_WORDS:
                key.setdefault(m.group(1).replace("Ð", "Đ"), words)
        if key:
            return key
    return {}


def expand_abbreviations(lines: list[Line]) -> tuple[list[Line], dict[int, Line]]:
    """``lines`` with the key's abbreviations written out, and each changed line's original (by id)."""
    key = abbreviation_key(lines)
    if not key:
        return lines, {}
    # OCR reads "Đ" as the look-alike "Ð" (Icelandic eth): either stands for it.
    alts = "|".join(re.escape(a).replace("Đ", "[ĐÐ]") for a in sorted(key, key=len, reverse=True))
    rx = re.compile(rf"(?<!\w)({alts})(?!\w)")

    def sub(text: str) -> str:
        return rx.sub(lambda m: key[m.group(1).replace("Ð", "Đ")], text)

    out: list[Line] = []
    originals: dict[int, Line] = {}
    for line in lines:
        text = sub(line.text)
        cells = [sub(c) for c in line.cells] if line.cells else line.cells
        if text == line.text and cells == line.cells:
            out.append(line)
            continue
        new = line.model_copy(update={"text": text, "cells": cells})
        originals[id(new)] = line
        out.append(new)
    return out, originals
