"""Text normalisation shared by the classifier and the pattern rules.

OCR drops or swaps Vietnamese diacritics, so rules match on text folded to plain ASCII as well
as on the exact text; the exact text is what goes into evidence.
"""

from __future__ import annotations

import re
import unicodedata
from itertools import pairwise

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u3000]+")
# Glyphs Tesseract reads in place of a Vietnamese letter: "CH¡ BỘ" is "CHI BỘ" (a 150 dpi scan), the
# Icelandic eth "ÐV" is "ĐV" (the two capitals look the same). Folded like the letter they stand for, so
# the rules' keys match; the text itself is untouched.
_OCR_LETTERS = str.maketrans({"¡": "i", "ı": "i", "ł": "l", "ſ": "s", "Ð": "D", "ð": "d"})


def nfc(text: str) -> str:
    """Unicode NFC with runs of spaces folded to one (Word and OCR both produce odd spaces)."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip()


class _FoldTable(dict):
    """code point → its fold (``ạ`` → ``a``, a lone combining mark → ``""``), worked out once per
    character: fold runs over every line of every document, several times."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        ch = ch.replace("đ", "d").replace("Đ", "D").translate(_OCR_LETTERS)
        folded = "".join(c for c in unicodedata.normalize("NFD", ch) if unicodedata.category(c) != "Mn")
        self[code] = folded
        return folded


_FOLD = _FoldTable()


def fold(text: str) -> str:
    """Lower-case ASCII fold: ``Đảng ủy`` → ``dang uy``. Length may differ from the input."""
    return _SPACES.sub(" ", text.translate(_FOLD).lower()).strip()


def fold_keep_length(text: str) -> str:
    """Fold character by character so that offsets in the result are offsets in ``text``."""
    out = []
    for ch in text:
        f = fold(ch) if ch.strip() else " "
        out.append(f[:1] if f else " ")
    return "".join(out)


_ENDS_SENTENCE = re.compile(r"[.;:!?…]\s*$")
_GOES_ON = re.compile(r"^\s*(?:[^\W\d_]|\d)")  # a letter (in lower case: checked below) or a digit
_STARTS_ITEM = re.compile(r"^\s*(?:[IVX]+\.|\d+(?:\.\d+)*[.)]|[a-dđ]\)|[-+•–])\s")


def wrapped_paragraphs(lines: list) -> frozenset[int]:
    """ids of the paragraphs a hard wrap cut in mid-sentence (a text pasted into Word with its line
    breaks): no closing punctuation, and the next paragraph goes on in lower case or with a number
    that does not start a list item ("… 02/13 đồng chí xếp loại" / "hoàn thành xuất sắc nhiệm vụ;").
    A heading in capitals, a table row or a label ending in ":" never continues."""
    out = set()
    for ln, nxt in pairwise(lines):
        if ln.cells or nxt.cells or _ENDS_SENTENCE.search(ln.text) or _STARTS_ITEM.match(nxt.text):
            continue
        letters = re.sub(r"[\W\d_]", "", ln.text)
        first = nxt.text.lstrip()[:1]
        if not letters or letters.isupper() or not _GOES_ON.match(nxt.text):
            continue
        if first.isalpha() and not first.islower():
            continue
        out.add(id(ln))
    return frozenset(out)
