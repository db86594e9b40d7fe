"""Text normalisation shared by the classifier and the pattern rules.

OCR drops or swaps Vietnamese diacritics, so rules match on text folded to plain ASCII as well
as on the exact text; the exact text is what goes into evidence.
"""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u3000]+")
# Glyphs Tesseract reads in place of a Vietnamese letter: "CH¡ BỘ" is "CHI BỘ" (a 150 dpi scan).
# Folded like the letter they stand for, so the rules' keys match; the text itself is untouched.
_OCR_LETTERS = str.maketrans({"¡": "i", "ı": "i", "ł": "l", "ſ": "s"})


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
