"""Which of the four documents a file is: by title, by the number's type code, then by keywords.

All matching is on diacritic-folded text (OCR drops marks); the reason is kept for the review sheet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .model import DocumentText
from .text import fold
from .vocabulary import DocType

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
# The document's own number starts its line (or a header cell): "Số 05-TTr/CB", "Số: 12-BB/ĐU".
# References in the body ("Căn cứ Hướng dẫn số 10-HD/BTCHU") must not decide the type.
_NUMBER_CODE = re.compile(r"^\W*so\s*:?\s*[\w.…]*\s*-\s*(ttr|bb|bc|kh|tb|nq|qd|hd|qdi|cv)\s*/", re.I)
_CODE_TYPES = {"ttr": DocType.TO_TRINH, "bb": DocType.BIEN_BAN_KIEM_PHIEU, "bc": DocType.BAO_CAO}
_TOPIC = re.compile(r"\b(bon|4)\s*tot\b")
_KEYWORDS: dict[DocType, tuple[str, ...]] = {
    DocType.TO_TRINH: ("de nghi cong nhan", "kinh gui", "kinh trinh", "xem xet cong nhan"),
    DocType.BIEN_BAN_KIEM_PHIEU: (
        "phieu phat ra",
        "phieu thu ve",
        "phieu hop le",
        "ban kiem phieu",
        "tan thanh",
    ),
    DocType.BAO_CAO: ("ket qua thuc hien", "sinh hoat thuong ky", "sinh hoat chuyen de", "xep loai"),
    DocType.PHIEU_TU_DANH_GIA: ("diem chuan", "diem tu cham", "tu danh gia", "diem toi da", "tieu chi"),
}
TITLE_LINES = 25
_EDGE_JUNK = re.compile(r"^[\W_]+|[\W_]+$")  # OCR's "_TỜ TRÌNH _", ".CHI BỘ …", "“BÁO CÁO”"
# A proposal is addressed ("Kính gửi"); a report, minutes or a self-assessment sheet is not (HD 36-HD/VPTW).
_ADDRESSED_REQUEST = re.compile(r"\bkinh (gui|trinh)\b")


@dataclass(frozen=True)
class Classification:
    """The type of a document and what decided it (shown to reviewers)."""

    type: DocType
    reason: str


def _is_capitals(text: str) -> bool:
    """Titles are set in capitals (HD 36-HD/VPTW); a table header "Hướng dẫn của cấp trên" is not a title."""
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 4 and sum(ch.isupper() for ch in letters) / len(letters) >= 0.7


def _cells(text: str) -> list[str]:
    # OCR may prefix a title with noise and merge the two header columns with " | ".
    t = _EDGE_JUNK.sub("", text)
    return [t, *[_EDGE_JUNK.sub("", c) for c in t.split("|")]]


def _title(raw_head: list[str], *, capitals_only: bool, on_topic: bool) -> Classification | None:
    for raw in raw_head:
        for raw_cell in _cells(raw):
            if capitals_only and not _is_capitals(raw_cell):
                continue
            cell = fold(raw_cell)
            if capitals_only and _OTHER_TITLES.match(cell) and not any(p.match(cell) for _, p in _TITLES):
                return Classification(DocType.KHAC, f"tiêu đề “{raw_cell[:40]}”")
            for doc_type, pattern in _TITLES:
                if pattern.match(cell):
                    if not on_topic:
                        return Classification(
                            DocType.KHAC, f"tiêu đề “{raw_cell[:40]}” nhưng không nói về “bốn tốt”"
                        )
                    return Classification(doc_type, f"tiêu đề “{raw_cell[:40]}”")
    return None


def classify(doc: DocumentText) -> Classification:
    raw_lines = [ln.text for ln in doc.lines]
    lines = [fold(t) for t in raw_lines]
    if not lines:
        return Classification(DocType.KHAC, "không có chữ / no text")
    full = "\n".join(lines)
    on_topic = bool(_TOPIC.search(full))
    raw_head = raw_lines[:TITLE_LINES]
    head = lines[:TITLE_LINES]
    # A title in capitals first; then, for documents typed without capitals, a title-like line.
    found = _title(raw_head, capitals_only=True, on_topic=on_topic) or _title(
        raw_head, capitals_only=False, on_topic=on_topic
    )
    if found:
        return found
    for text in head:
        m = next((m for cell in _cells(text) if (m := _NUMBER_CODE.search(cell))), None)
        if m:
            code = m.group(1).lower()
            if code in _CODE_TYPES and on_topic:
                return Classification(_CODE_TYPES[code], f"số văn bản “{m.group(0)}”")
            if code not in _CODE_TYPES:
                return Classification(DocType.KHAC, f"số văn bản “{m.group(0)}”")
    if on_topic:
        head_text = "\n".join(head)
        if _ADDRESSED_REQUEST.search(head_text):  # HD 36: reports and sheets are not addressed
            return Classification(DocType.TO_TRINH, "“Kính gửi” ở phần đầu")
        scores = {t: sum(full.count(k) for k in kws) for t, kws in _KEYWORDS.items()}
        best = max(scores, key=lambda t: scores[t])
        if scores[best] >= 2:
            return Classification(best, f"từ khóa ({scores[best]})")
    return Classification(DocType.KHAC, "không nhận ra loại văn bản")
