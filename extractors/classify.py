"""Which of the four documents a file is: by title, by the number's type code, then by keywords.

All matching is on diacritic-folded text (OCR drops marks); the reason is kept for the review sheet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .vocabulary import DocType

from .model import DocumentText
from .text import fold

# Title patterns on folded text, tried on the first lines of the document (the title block).
_TITLES: list[tuple[DocType, re.Pattern[str]]] = [
    (DocType.BIEN_BAN_KIEM_PHIEU, re.compile(r"^bien ban\b.*\b(kiem phieu|bieu quyet|bo phieu)")),
    (DocType.TO_TRINH, re.compile(r"^to trinh\b")),
    (DocType.PHIEU_TU_DANH_GIA, re.compile(r"^(phieu|bang)\b.*\b(tu )?(danh gia|cham diem|tu cham)")),
    (DocType.BAO_CAO, re.compile(r"^bao cao\b")),
]
# Titles of documents that are not part of a dossier.
_OTHER_TITLES = re.compile(
    r"^(ke hoach|huong dan|thong bao|nghi quyet|quyet dinh|quy dinh|cong van|giay moi|danh sach|bien ban hop|bien ban sinh hoat)\b"
)
_NUMBER_CODE = re.compile(r"\bso\s*:?\s*[\w.…]*\s*-\s*(ttr|bb|bc|kh|tb|nq|qd|hd|qdi|cv)\s*/", re.I)
_CODE_TYPES = {"ttr": DocType.TO_TRINH, "bb": DocType.BIEN_BAN_KIEM_PHIEU, "bc": DocType.BAO_CAO}
_TOPIC = re.compile(r"\b(bon|4)\s*tot\b")
_KEYWORDS: dict[DocType, tuple[str, ...]] = {
    DocType.TO_TRINH: ("de nghi cong nhan", "kinh gui", "kinh trinh", "xem xet cong nhan"),
    DocType.BIEN_BAN_KIEM_PHIEU: ("phieu phat ra", "phieu thu ve", "phieu hop le", "ban kiem phieu", "tan thanh"),
    DocType.BAO_CAO: ("ket qua thuc hien", "sinh hoat thuong ky", "sinh hoat chuyen de", "xep loai"),
    DocType.PHIEU_TU_DANH_GIA: ("diem chuan", "diem tu cham", "tu danh gia", "diem toi da", "tieu chi"),
}
TITLE_LINES = 25


@dataclass(frozen=True)
class Classification:
    """The type of a document and what decided it (shown to reviewers)."""

    type: DocType
    reason: str


def classify(doc: DocumentText) -> Classification:
    lines = [fold(ln.text) for ln in doc.lines]
    if not lines:
        return Classification(DocType.KHAC, "không có chữ / no text")
    full = "\n".join(lines)
    on_topic = bool(_TOPIC.search(full))
    head = lines[:TITLE_LINES]
    for text in head:
        # A title line; OCR may prefix it with noise, so strip leading punctuation.
        t = text.strip(" -*.:|\"'“”")
        for cell in (t, *[c.strip() for c in t.split("|")]):
            if _OTHER_TITLES.match(cell) and not any(p.match(cell) for _, p in _TITLES):
                return Classification(DocType.KHAC, f"tiêu đề “{cell[:40]}”")
            for doc_type, pattern in _TITLES:
                if pattern.match(cell):
                    if not on_topic:
                        return Classification(DocType.KHAC, f"tiêu đề “{cell[:40]}” nhưng không nói về “bốn tốt”")
                    return Classification(doc_type, f"tiêu đề “{cell[:40]}”")
    for text in head:
        m = _NUMBER_CODE.search(text)
        if m:
            code = m.group(1).lower()
            if code in _CODE_TYPES and on_topic:
                return Classification(_CODE_TYPES[code], f"số văn bản “{m.group(0)}”")
            if code not in _CODE_TYPES:
                return Classification(DocType.KHAC, f"số văn bản “{m.group(0)}”")
    if on_topic:
        scores = {t: sum(full.count(k) for k in kws) for t, kws in _KEYWORDS.items()}
        best = max(scores, key=lambda t: scores[t])
        if scores[best] >= 2:
            return Classification(best, f"từ khóa ({scores[best]})")
    return Classification(DocType.KHAC, "không nhận ra loại văn bản")
