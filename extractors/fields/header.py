"""Document fields from the header, title, subject and signature: unit, parent, year, number, date, signer.

The header of a party document (HD 36-HD/VPTW) is two columns; a Word reader gives it as one
table row (left cell: superior body, issuing body, "*", number), a PDF or OCR reader as lines
where the right column's "ĐẢNG CỘNG SẢN VIỆT NAM" and date may share a line with the left one.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from functools import cache
from itertools import pairwise

from rapidfuzz import fuzz

from ..model import Line
from .figures import Hit
from .numbers import fold_same_length as fold_keep_length

_TITLE = re.compile(r"^\W*(to trinh|bien ban|bao cao|phieu|bang (tu )?(danh gia|cham)|ke hoach|thong bao)\b")
_RIGHT_COLUMN = re.compile(r"dang cong san viet nam|doc lap\W+tu do|cong hoa xa hoi")
_BODY = re.compile(r"(?<![a-z])(chi bo|dang uy|dang bo|ban chap hanh dang bo)(?![a-z])")
_DOC_NUMBER = re.compile(
    r"(?<![a-z])so\s*:?\s*([0-9o]{1,4}\s*-\s*[a-z]{1,5}\s*/\s*[a-z]{1,8}(?:\s*-\s*[a-z]{1,8})?)"
)
_DATE_WORDS = re.compile(r"ngay\s*(\d{1,2})\s*thang\s*(\d{1,2})\s*nam\s*(\d{4})")
_DATE_SLASH = re.compile(r"(?<!\d)(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})(?!\d)")
_PLACE_DATE = re.compile(r"([^,*|]{2,40}),\s*(?:ngay\s*\d|\d{1,2}\s*/)")
_YEAR = re.compile(r"(?<![a-z0-9])nam\s*((?:19|20)\d\d)(?!\d)")
_BON_TOT_YEAR = re.compile(r"(bon|4)\s*tot\W*\s*nam\s*((?:19|20)\d\d)")
_KIND_SUBJECT = re.compile(r"(dang bo co so|dang bo)\s*\W?\s*(bon|4)\s*tot|(chi bo)\s*\W?\s*(bon|4)\s*tot")
_RECIPIENT = re.compile(r"^\W*kinh\s*gui\s*:?\s*")
_UNIT_LABEL = re.compile(r"^\W*ten (to chuc (co so )?dang|chi bo|dang bo|don vi)\s*:\s*")
_SIGN_TITLES = [
    (re.compile(r"\b(pho bi thu)\b"), "Phó Bí thư"),
    (re.compile(r"\b(bi thu)\b"), "Bí thư"),
    (re.compile(r"\b(truong ban kiem phieu)\b"), "Trưởng ban kiểm phiếu"),
    (re.compile(r"\b(chu tri|chu toa)\b"), "Chủ trì"),
]
_NAME = re.compile(r"([A-ZĐÀ-Ỹ][a-zà-ỹđ]+(?:\s+[A-ZĐÀ-Ỹ][a-zà-ỹđ]+){1,4})\s*$")
_NAME_LINE = re.compile(r"^[A-ZĐÀ-Ỹ][a-zà-ỹđ]+(?:\s+[A-ZĐÀ-Ỹ][a-zà-ỹđ]+){1,4}$")
HEAD_LINES = 12


def _cap_name(text: str, kind_word: str) -> str:
    """'CHI BỘ PHÒNG TƯ PHÁP' → 'Chi bộ Phòng Tư Pháp' (the body text, when it names the unit, wins)."""
    rest = text[len(kind_word) :].strip()
    return kind_word.capitalize() + (" " + " ".join(w.capitalize() for w in rest.split()) if rest else "")


def _iso(day: str, month: str, year: str) -> str | None:
    try:
        return dt.date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


def header_fields(lines: list[Line]) -> Iterator[Hit]:
    """Readings of the document fields from a document's lines."""
    folded = [fold_keep_length(ln.text) for ln in lines]
    title_at = next((i for i, f in enumerate(folded[:25]) if _TITLE.match(f) and not lines[i].cells), None)
    head_end = title_at if title_at is not None else min(HEAD_LINES, len(lines))
    yield from _issuing_body(lines[:head_end], folded[:head_end], lines)
    seen_date = False
    for i in range(min(len(lines), max(head_end, 1) + 1)):
        line, f = lines[i], folded[i]
        parts = line.cells or [line.text]
        for part in parts:
            pf = _without_citations(fold_keep_length(part))
            m = _DOC_NUMBER.search(pf)
            if m:
                raw = part[m.start(1) : m.end(1)]
                yield Hit("doc_number", re.sub(r"\s+", "", raw).replace("O", "0").replace("o", "0"), line)
            yield from _date(line, part, pf)
            seen_date = seen_date or bool(_DATE_WORDS.search(pf))
        del f
    # Subject line(s): the year assessed and the kind of unit.
    start = title_at if title_at is not None else len(lines)
    for i in range(start, min(len(lines), start + 4)):
        f = folded[i]
        if "ngay" in f and _DATE_WORDS.search(f):
            continue
        for m in _YEAR.finditer(f):
            yield Hit("year", int(m.group(1)), lines[i])
        k = _KIND_SUBJECT.search(f)
        if k:
            yield Hit("unit_kind", "dang_bo_co_so" if k.group(1) else "chi_bo", lines[i])
    for i, f in enumerate(folded):
        if i >= start + 4 or i < start:
            m = _BON_TOT_YEAR.search(f)
            if m and not lines[i].cells:
                yield Hit("year", int(m.group(2)), lines[i])
        if (
            not seen_date
            and i >= head_end
            and not lines[i].cells
            and _DATE_WORDS.search(f)
            and _PLACE_DATE.match(f)
        ):
            yield from _date(lines[i], lines[i].text, f)
        yield from _recipient(lines, folded, i)
        m = _UNIT_LABEL.match(f)
        if m:
            name = lines[i].text[m.end() :].strip(" .;")
            if name:
                yield Hit("unit_name", name, lines[i])
        yield from _signer(lines, folded, i)


@cache
def _citation() -> re.Pattern[str] | None:
    """Another document cited by kind, number and date ("quy dinh so 124-qd/tw ngay 06/10/2023"), folded."""
    from .patterns import load_patterns

    kinds = load_patterns().cited_documents
    if not kinds:
        return None
    alts = "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in sorted(kinds, key=len, reverse=True))
    date = r"ngay\s*\d{1,2}\s*(?:[/.-]\s*\d{1,2}\s*[/.-]|thang\s*\d{1,2}\s*nam)\s*\d{4}"
    return re.compile(rf"(?<![a-z])(?:{alts})\s+(?:so\s*:?\s*)?\d[^\s,;]*(?:[\s,]+{date})?")


def _without_citations(pf: str) -> str:
    """The folded text with every cited document's number and date blanked (same length): they are
    not the number and date of the document being read."""
    regex = _citation()
    if regex is None:
        return pf
    return regex.sub(lambda m: " " * len(m.group(0)), pf)


def _issuing_body(head: list[Line], folded: list[str], all_lines: list[Line]) -> Iterator[Hit]:
    # Left column text, in order: a table row's first cell, or a line cut before the right column.
    parts: list[tuple[str, str, Line]] = []
    for line, f in zip(head, folded, strict=True):
        if line.cells:
            # The left column is the first cell with words: OCR puts junk cells ("__") before it.
            text = next((c for c in line.cells if re.search(r"[^\W\d_]{2}", c)), line.cells[0])
            pf = fold_keep_length(text)
        else:
            text, pf = line.text, f
        rc = _RIGHT_COLUMN.search(pf)
        if rc:
            text, pf = text[: rc.start()], pf[: rc.start()]
        date = _DATE_WORDS.search(pf) or _DATE_SLASH.search(pf)
        if date:
            p = _PLACE_DATE.search(pf[: date.start() + 2])
            end = p.start(1) if p else date.start()
            text, pf = text[:end], pf[:end]
        # The star, or the document number ("Số: 02-TTr/CB", "Số 40-BC/CB"); "TỔ DÂN PHỐ SỐ 7" is a name.
        # A "%" is the star misread by OCR ("32% HN 2"): a unit's name never holds one.
        cut = re.search(
            r"\*|\S*%|(?<![a-z])so\s*:\s*\d|(?<![a-z])so\s*\d+\s*[-/]|(?<![a-z])so\s*:?\s*[.…]", pf
        )
        if cut:
            text, pf = text[: cut.start()], pf[: cut.start()]
        text = _clean_header_part(text)
        pf = fold_keep_length(text)
        if not _in_capitals(text):
            break  # the header is in capitals; a mixed-case line is the body
        if pf.strip():
            parts.append((text.strip(), pf.strip(), line))
        if cut:
            break  # the issuing body is above the star and the number
    if not parts:
        return
    joined = " ".join(p[0] for p in parts)
    jf = fold_keep_length(joined)
    bodies = list(_BODY.finditer(jf))
    if not bodies:
        return
    last = bodies[-1]
    line = next((p[2] for p in parts if last.group(1) in p[1]), parts[0][2])
    unit_raw = joined[last.start() :].strip(" -–.")
    parent_raw = joined[: last.start()].strip(" -–.")
    kind = "chi_bo" if last.group(1) == "chi bo" else "dang_bo_co_so"
    yield Hit("unit_kind", kind, line)
    rest_f = jf[last.end() :].strip()
    if rest_f:
        kind_word = "Chi bộ" if kind == "chi_bo" else "Đảng bộ"
        rest_words = rest_f.split()
        name, kept = _body_name(kind, kind_word, rest_words, all_lines[len(head) :])
        if name is None:
            raw_words = unit_raw[last.end() - last.start() :].split()
            # The header's own words, less the OCR noise the body did not confirm ("KHU PHỐ 3 L3").
            name = _cap_name(kind_word + " " + " ".join(raw_words[: len(raw_words) - kept]), kind_word)
        yield Hit("unit_name", name, line)
    if parent_raw:
        pb = list(_BODY.finditer(fold_keep_length(parent_raw))) or list(
            re.finditer(r"(huyen uy|thanh uy|tinh uy|quan uy|thi uy|dang uy)", fold_keep_length(parent_raw))
        )
        if pb:
            parent_raw = parent_raw[pb[-1].start() :]
        spelled = _body_spelling(parent_raw, all_lines[len(head) :])
        if spelled:
            yield Hit("parent_name", spelled, line)
            return
        words = parent_raw.split()
        if words:
            # Capitals only: keep the body word's usual case, capitalise the rest ("Đảng bộ Huyện Cần Đước").
            first = fold_keep_length(" ".join(words[:2]))
            n = (
                2
                if first
                in ("dang bo", "dang uy", "chi bo", "huyen uy", "thanh uy", "tinh uy", "quan uy", "thi uy")
                else 1
            )
            parent = " ".join(
                [
                    words[0].capitalize(),
                    *[w.lower() for w in words[1:n]],
                    *[w.capitalize() for w in words[n:]],
                ]
            )
            yield Hit("parent_name", parent, line)


def _in_capitals(text: str) -> bool:
    """A header line is in capitals; OCR may read one capital of a longer line small ("QUÂN Sự")."""
    words = [re.sub(r"[^\w]|\d|_", "", w) for w in text.split()]
    words = [w for w in words if w]
    small = [w for w in words if not w.isupper()]
    return not small or (len(words) >= 4 and len(small) == 1 and small[0][0].isupper())


def _body_name(kind: str, kind_word: str, words: list[str], body: list[Line]) -> tuple[str | None, int]:
    """The unit's name as the body spells it ("Chi bộ Phòng Tư pháp"), and how many header words were noise.

    The header's capitals may end in OCR noise from the star or a speck below them ("CHI BỘ KHU
    PHỐ 3 L3"): when the whole name is not in the body, up to two short trailing tokens are let go,
    provided the body confirms what is left.
    """
    head = r"(?<![a-z])chi bo\s+" if kind == "chi_bo" else r"(?<![a-z])dang (?:bo|uy)\s+"
    plain = [ln.text for ln in body if not ln.text.isupper()]
    # A name wrapped over two lines ("… Chi bộ Bưu điện huyện Bến" / "Lức …"): each line with the next.
    joined = [f"{a} {b}" for a, b in pairwise(plain)]
    texts = [(t, fold_keep_length(t)) for t in plain + joined]
    for drop in range(0, 3):
        if drop and (len(words) - drop < 1 or len(words[-drop]) > 3):
            break
        kept = words[: len(words) - drop]
        pattern = re.compile(head + r"\s+".join(re.escape(w) for w in kept) + r"(?![a-z0-9])")
        for text, folded in texts:
            m = pattern.search(folded)
            if m:
                parts = text[m.start() : m.end()].split(None, 2)
                return (kind_word + " " + parts[2] if len(parts) > 2 else None), drop
    return None, 0


_JUNK_EDGE = " _-–—.:;|'`\"*~,"
_BODY_WORDS = (("chi", "bo", "CHI BỘ"), ("dang", "uy", "ĐẢNG ỦY"), ("dang", "bo", "ĐẢNG BỘ"))


def _noise(word: str) -> bool:
    """A token with lower-case letters, or with no letter or digit at all: OCR specks beside capitals."""
    letters = re.sub(r"[\W\d_]", "", word)
    return bool(letters and not letters.isupper()) or not re.search(r"[^\W_]", word)


def _clean_header_part(text: str) -> str:
    """One header line without OCR junk at its ends, its body words spelt right ("ĐÁẢNG ỦY" → "ĐẢNG ỦY")."""
    words = text.strip(_JUNK_EDGE).split()
    tail = 0
    while tail < len(words) and _noise(words[len(words) - 1 - tail]):
        tail += 1
    if 0 < tail <= 2 and len(words) - tail >= 2:  # a capitals line with a speck or two after it ("Sẽ")
        words = words[: len(words) - tail]
    if len(words) >= 2:
        folded = [fold_keep_length(w).strip(_JUNK_EDGE) for w in words[:3]]
        for first, second, canon in _BODY_WORDS:
            if fuzz.ratio(folded[0], first) < 75:
                continue
            # The second body word, allowing one stray OCR token between ("CHI II BỘ").
            at = next((j for j in (1, 2) if j < len(folded) and folded[j] == second), None)
            if at is not None and (at == 1 or len(folded[1]) <= 2):
                if at == 1 and folded[0] == first:
                    break  # spelt right already (with or without its diacritics): keep it as written
                words = canon.split() + words[at + 1 :]
                break
    return " ".join(words).strip(_JUNK_EDGE)


def _body_spelling(caps: str, lines: list[Line]) -> str | None:
    """The same name as written in mixed case in the body ("Đảng ủy Cơ quan Chính quyền huyện")."""
    words = fold_keep_length(caps).split()
    if len(words) < 2:
        return None
    first = " ".join(words[:2])
    lead = r"(?:dang bo|dang uy)" if first in ("dang bo", "dang uy") else re.escape(first)
    rest = words[2:] if first in ("dang bo", "dang uy", "chi bo") else words[1:]
    if not rest:
        return None
    if first not in ("dang bo", "dang uy", "chi bo"):
        lead = re.escape(words[0])
    pattern = re.compile(
        r"(?<![a-z])" + lead + r"\s+" + r"\s+".join(re.escape(w) for w in rest) + r"(?![a-z])"
    )
    for other in lines:
        if other.text.isupper():
            continue
        m = pattern.search(fold_keep_length(other.text))
        if m:
            found = other.text[m.start() : m.end()]
            # Keep the header's body word (ĐẢNG BỘ vs the body's "Đảng ủy"), the body's spelling of the rest.
            head_word = " ".join(caps.split()[: len(words) - len(rest)])
            return (
                head_word.capitalize().replace("Đảng Bộ", "Đảng bộ")
                + found[len(" ".join(found.split()[: len(words) - len(rest)])) :]
            )
    return None


def _date(line: Line, part: str, pf: str) -> Iterator[Hit]:
    m = _DATE_WORDS.search(pf) or (_DATE_SLASH.search(pf) if not re.search(r"\bso\b", pf[:6]) else None)
    if not m:
        return
    iso = _iso(m.group(1), m.group(2), m.group(3))
    # An impossible date (31/02) is reported with value None and the raw kept, never corrected.
    yield Hit("doc_date", iso, line)
    p = _PLACE_DATE.search(pf[: m.end()])
    if p:
        place = part[p.start(1) : p.end(1)]
        place = re.sub(r"(?i)^.*(VIỆT NAM|VIET NAM)\s*", "", place).strip(" .-–")
        if place and not re.search(r"\d", place):
            yield Hit("place", place, line)


def _recipient(lines: list[Line], folded: list[str], i: int) -> Iterator[Hit]:
    m = _RECIPIENT.match(folded[i])
    if not m or lines[i].cells:
        return
    rest = lines[i].text[m.end() :].strip(" .;-–")
    if rest:
        yield Hit("recipient", rest, lines[i])
    elif i + 1 < len(lines):
        nxt = lines[i + 1].text.strip(" .;-–")
        if nxt:
            yield Hit("recipient", nxt, lines[i + 1])


def _signer(lines: list[Line], folded: list[str], i: int) -> Iterator[Hit]:
    line = lines[i]
    parts = line.cells or [line.text]
    for part in parts:
        pf = fold_keep_length(part)
        for regex, title in _SIGN_TITLES:
            m = regex.search(pf)
            if (
                not m
                or len(pf) > 90
                or not (part[m.start() : m.end()].isupper() or pf.strip().startswith(m.group(1)))
            ):
                continue
            tail = part[m.end() :].strip()
            name = _NAME.search(tail) if tail else None
            if name:
                yield Hit("signer", name.group(1), line)
                yield Hit("signer_title", title, line)
            elif not tail:
                for j in range(i + 1, min(i + 5, len(lines))):
                    cand = lines[j].text.strip()
                    if _NAME_LINE.match(cand):
                        yield Hit("signer", cand, lines[j])
                        yield Hit("signer_title", title, line)
                        break
            break
