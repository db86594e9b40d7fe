"""The self-assessment table, the table of subordinate cells, discipline and criterion sentences.

The score table is read by column role when the reader found it as a table (``Line.roles``, from
the one table model of :mod:`extractors.tables`: Word, ruled text PDF, scanned grid alike): the
``max`` column (điểm chuẩn / tối đa / thang điểm) and the ``score`` column (tự chấm / tự đánh giá /
điểm đạt); a ``deduction`` column ("trừ 0,5") or a note is never a max or a score. A table with one
points column says the other figure in each row's label ("Sinh hoạt đúng kỳ (tối đa 8 điểm)"),
read by the ``points`` patterns of extractors/nlp/structures.yaml. Otherwise the header row says
which column is which; OCR rows without cells are read from the numbers at the end of the line, in
the order the header named them. One column headed by both names ("Điểm tự chấm/điểm chuẩn") holds
both numbers in each cell ("24,5/25"), in the header's order. A summary may turn the table round: the
criteria as its columns ("Tiêu chí 1 | … | Tổng"), maxima and self-scores as its rows; its items then
come in a table of their own, coded "TC1.a". A phiếu without a table says the points in words, a
criterion's in the sentences after its heading ("Điểm chuẩn của tiêu chí là 25 điểm; … tự chấm 24").

Readings that cannot be right are reconsidered, never silently kept (:func:`_reconsider`): a
self-score above its maximum that is ten times too big ("79" under a max of 8,4) is the decimal
comma lost by OCR and is read as 7,9; a maximum above the criterion (or total) it belongs to is
divided by ten when that fits, else dropped with the reading kept in ``max_read`` and the reason
in ``doubt``, so the checks ask a person instead of trusting it.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from functools import cache
from itertools import pairwise
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from ..model import Line
from .checkboxes import has_boxes, ticked
from .figures import _LABEL_COL as _NAMES_COL
from .figures import _VALUE_COL, Hit, is_table_row, prose_text
from .numbers import fix_digits, parse_number, prepare
from .numbers import fold_same_length as fold_keep_length

if TYPE_CHECKING:
    from ..nlp.points import Points

_MAX_COL = re.compile(
    r"diem chuan|toi da|thang diem|thang\s+\S*\s*diem|^\s*thang\b|diem quy dinh|khung diem|diem dinh muc"
)
_SCORE_COL = re.compile(r"tu cham|tu danh gia|diem tu|tu cho|diem dat|chi bo cham")
_PASS_COL = re.compile(r"dat\s*/\s*khong dat|ket qua danh gia|muc do dat|danh gia")
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
# "1", "II.", "Tiêu chí 2", "1.2", and an item's code "TC1.a" / "TC 3-2" / "2-b" (criterion, then item;
# OCR doubles the stroke of a "1" after "TC": "TCI1.c").
_INDEX = re.compile(
    r"^\W*(?:tieu chi\s*|tc(?:[il|](?=\d))?\s*)?(iv|iii|ii|i|[1-4])(?:\.(\d{1,2})|[.-]([a-h]|\d{1,2})(?=\W|$))?\.?_*(?=\s|$|[:.)])"
)  # OCR: "2_"


def _item_of(m: re.Match[str]) -> str | None:
    """The item part of an index match ("2" of "1.2", "a" of "TC1.a"); None for a criterion's own."""
    sub = m.group(2) or m.group(3)
    if sub is None:
        return None
    return str(int(sub)) if sub.isdigit() else sub


_LETTER = re.compile(r"^\W*([a-h])[).]\s")
# "Tổng" alone (or before its sum in brackets, "Tổng (I+II+III+IV)") is the total row too.
_TOTAL = re.compile(r"^\W*(tong cong|tong so diem|tong diem|cong|tong(?=\W*(?:\(|$)))\b")
# A criterion's own sum after its items: "Cộng tiêu chí 2", "Tổng điểm tiêu chí II", "=> Điểm tiêu chí 1".
# Also the self-score said of it: "Điểm tự chấm tiêu chí 1", "Tổng điểm tự đánh giá của tiêu chí II".
_SUBTOTAL = re.compile(
    r"^\W*(?:cong|tong cong|tong|tong diem|tong so diem|diem|ket qua|cong diem)\s+"
    r"(?:(?:tu cham|tu danh gia|chi bo tu cham|dat)\s+)?(?:cua\s+)?"
    r"(?:tieu chi|muc)\s*(iv|iii|ii|i|[1-4])\b"
)


def _subtotal(label: str) -> int | None:
    m = _SUBTOTAL.match(label)
    return (_ROMAN.get(m.group(1)) or int(m.group(1))) if m else None


_NUM_TAIL = re.compile(r"(\d+(?:[.,]\d+)?)\s+(\d+(?:[.,]\d+)?)\s*(?:diem)?\s*$")
_PAIR_TAIL = re.compile(r"(\d+(?:[.,]\d+)?)\s*/\s*(\d+(?:[.,]\d+)?)\s*(?:diem)?\s*$")
_PASS_TAIL = re.compile(r"\b(khong dat|chua dat|dat)\s*$")
# Both answers still on offer ("Đạt … Không đạt": a form's boxes whose marks were not read): no answer.
_BOTH_ANSWERS = re.compile(r"(?<!khong )(?<!chua )\bdat\b.*\b(?:khong|chua) dat\b")


def _pass_tail(text: str) -> re.Match[str] | None:
    """The verdict a (folded, checkbox-resolved) text ends in, unless it offers both."""
    return None if _BOTH_ANSWERS.search(text) else _PASS_TAIL.search(text)


# A cell that says only whether the criterion passed: "Đạt", "Không đạt", "Chưa đạt".
_PASS_CELL = re.compile(r"^\W*(khong dat|chua dat|dat)\W*$")
# "tiêu chí 1 đạt 24,5/25", "TC1 25/25", "Điểm tiêu chí 1 (tự chấm/chuẩn) | 24,5/25", "Tiêu chí 2 (Chất lượng
# sinh hoạt tốt): 29/30 điểm" (a short aside or the criterion's name in brackets before its points).
_CRIT_SENT = re.compile(
    r"(?<![a-z])(?:tieu chi|tc)\s*(iv|iii|ii|i|[1-4])(?![0-9])(?:\s*\([^()0-9]{0,80}\))?\W+(?:dat\s*)?"
    r"(\d+(?:,\d+)?)\s*/\s*(\d+(?:,\d+)?)"
)
_TOTAL_SENT = re.compile(r"(tong cong|tong so diem|tong diem)[^0-9]{0,25}(\d+(?:,\d+)?)\s*/\s*(\d+(?:,\d+)?)")


_SCORE_LOOSE = re.compile(r"^\W*(diem\s+)?tu\b|tu cham|tu danh gia|diem dat|tu cho|chi bo cham")
_MAX_LOOSE = re.compile(r"chuan|toi da|thang|khung diem|diem quy dinh|^\W*diem\W*$|^\W*diem\b")


_LABEL_COL = re.compile(r"noi dung|tieu chi|^\W*stt\W*$|^\W*tt\W*$")


def _roles(cells: list[str]) -> dict[int, str]:
    """Column roles of a header row; the self-score test goes first ("Điểm tự chấm" also says "điểm")."""
    roles = {}
    for i, c in enumerate(cells):
        if _LABEL_COL.search(c):
            continue  # "Nội dung đánh giá" names the criteria, it is no verdict column
        if _MAX_COL.search(c) and _SCORE_COL.search(c):
            roles[i] = "both"  # two header cells merged into one ("Thang điểm Điểm tự đánh giá")
        elif _SCORE_LOOSE.search(c):
            roles[i] = "score"
        elif _MAX_LOOSE.search(c):
            roles[i] = "max"
        elif _PASS_COL.search(c):
            roles[i] = "pass"
    return roles


# A header that names both columns in one cell, "Điểm tự chấm/điểm chuẩn", "Thang điểm / tự đánh giá":
# each of its cells holds both numbers, "24,5/25", in the order the header names them.
_MAX_WORD = re.compile(r"chuan|toi da|thang diem|khung diem|quy dinh|dinh muc")
_PAIR_CELL = re.compile(
    r"^[\W_]*(\d{1,3}(?:[.,]\d{1,2})?)\s*(?:diem\s*)?/\s*(\d{1,3}(?:[.,]\d{1,2})?)\s*(?:diem)?[\W_]*$"
)


def _pair_order(head: str) -> list[str] | None:
    """["score", "max"] or ["max", "score"]: the order in which a header cell names both columns."""
    s, m = _SCORE_LOOSE.search(head), _MAX_WORD.search(head)
    if not s or not m:
        return None
    return ["score", "max"] if s.start() < m.start() else ["max", "score"]


def _pair(cell: str, order: list[str]) -> tuple[float | None, float | None] | None:
    """(max, score) of a cell "24,5/25" under a header that names both in ``order``; None when the
    cell is no such pair."""
    m = _PAIR_CELL.match(cell)
    if not m:
        return None
    a, b = parse_number(m.group(1)), parse_number(m.group(2))
    return (a, b) if order[0] == "max" else (b, a)


def _pair_in_row(cells: list[str], heads: list[str]) -> tuple[float | None, float | None] | None:
    """(max, score) from the first cell of the row that is a pair under a header naming both."""
    for i, head in enumerate(heads):
        if i < len(cells) and (order := _pair_order(head)) and (got := _pair(cells[i], order)):
            return got
    return None


def _num(text: str) -> float | None:
    text = text.strip().rstrip("%").strip()
    return parse_number(text) if re.fullmatch(r"\d+(?:[.,]\d+)?", text) else None


_CELL_JUNK = " _-—–!;:'\"`“”.,|~*"
# The unit written after a cell's points (folded): "24,5đ", "8 điểm".
_POINTS_UNIT = re.compile(r"(?<=\d)\s*(?:d|diem)$")


def _num_loose(text: str) -> float | None:
    """A cell's number despite OCR junk around it ('8-', '_ 6,5', '7.0!') or its unit after it ("24,5đ",
    "8 điểm"); points are at most 100."""
    text = _POINTS_UNIT.sub("", text.strip(_CELL_JUNK)).strip(_CELL_JUNK)
    if not re.fullmatch(r"\d{1,3}(?:[.,]\d{1,2})?", text):
        return None
    n = parse_number(text)
    return n if n is not None and n <= 100 else None


# The four criteria (DOMAIN.md), folded: a row naming one is a criterion row however OCR damaged its index.
# The first is also written as the cell's task, "Lãnh đạo hoàn thành tốt …" (seeds 000, 001).
_CRITERIA_NAMES = (
    ("hoan thanh tot nhiem vu chinh tri", "lanh dao hoan thanh tot nhiem vu chinh tri"),
    ("chat luong sinh hoat tot",),
    ("doan ket, ky luat tot",),
    ("can bo, dang vien tot",),
)
_LEAD = re.compile(r"^[\W_]*(?:tieu chi\s*)?(?:[ivxl1-4]{1,3}[\W_]+)?")


_ASIDE = re.compile(r"\([^)]*\)|\d+(?:[.,]\d+)?\s*(?:diem)?")


def criterion_by_name(label: str) -> int | None:
    """1–4 when ``label`` (folded) is one of the four criterion names, allowing OCR damage; else None."""
    body = label[_LEAD.match(label).end() :]  # type: ignore[union-attr]
    body = " ".join(_ASIDE.sub(" ", body).split()).strip(_CELL_JUNK)  # "(30 điểm)" says nothing of the name
    if len(body) < 10:
        return None
    best, idx = 0.0, None
    for i, name in ((i, n) for i, names in enumerate(_CRITERIA_NAMES, 1) for n in names):
        if len(body) < len(name):
            # Cut short (the name wraps onto the next line, or OCR lost its end): most of it must be there.
            score = fuzz.partial_ratio(name, body) if len(body) >= 0.65 * len(name) else 0.0
            need = 85.0
        else:
            # As long as the name or longer: the whole of it must be the name, so an item that only
            # begins like one ("Hoàn thành tốt nhiệm vụ chính trị được giao") is no criterion row.
            score, need = fuzz.ratio(name, body), 90.0
        if score >= need and score > best:
            best, idx = score, i
    return idx


def score_table(lines: list[Line]) -> Iterator[Hit]:
    """Readings of ``criterion``, ``criterion_item`` and ``criteria_total`` from the score table,
    reconsidered as a whole (see the module docstring)."""
    notes: dict[int, dict] = {}
    said, used = _listed_scores(lines)
    across, used_across = _criteria_across(lines)
    used |= used_across
    # A heading or caption naming a criterion that the prose reader took (its points said in words)
    # still says whose items the table under it lists: the row reader sees it, for that only.
    # A criterion line read there with its points ("Tiêu chí 3: điểm chuẩn 20, tự chấm 20") heads the
    # rows under it as well.
    heads = {id(h.line): h.value["index"] for h in said if h.field == "criterion"}  # type: ignore[index]
    heads |= {id(ln): head for ln in lines if id(ln) in used and (head := _section_heading(ln)) is not None}
    rows = [ln for ln in lines if id(ln) not in used or id(ln) in heads]
    hits = said + across + list(_score_rows(rows, notes, heads))
    _scores_from_sum(hits)
    for h in hits:
        if id(h.line) in notes and isinstance(h.value, dict):
            h.value = {**h.value, **notes[id(h.line)]}
    yield from _reconsider(_completed(_sub_items_folded(hits)))


# The criteria's sum written out on the total's line: "Tổng hợp: 24 + 29,5 + 25 + 20 = 98,5 điểm".
_SUM_OF_FOUR = re.compile(
    r"(?<![\d.,])"
    + r"\s*\+\s*".join([r"(\d{1,2}(?:,\d{1,2})?)"] * 4)
    + r"\s*=\s*(\d{1,3}(?:,\d{1,2})?)(?![\d.,])"
)


def _scores_from_sum(hits: list[Hit]) -> None:
    """A criterion whose score nothing read takes it from the total's line when that line adds the four
    criteria up in order ("24 + 29,5 + 25 + 20 = 98,5"): the sum is right, it is the total's score, and
    no term is above its criterion's maximum. Criteria read otherwise are left as they are."""
    scored = {
        h.value.get("index") for h in hits if h.field == "criterion" and h.value.get("score") is not None
    }  # type: ignore[union-attr]
    if len(scored) == 4:
        return
    for total in [h for h in hits if h.field == "criteria_total"]:
        f = fold_keep_length(total.line.text)
        m = _SUM_OF_FOUR.search(f)
        if m is None or _MAX_WORD.search(f[: m.start()]):
            continue
        terms = [parse_number(g) for g in m.groups()]
        if any(t is None for t in terms) or abs(sum(terms[:4]) - terms[4]) > 0.01:  # type: ignore[arg-type,operator]
            continue
        said = total.value.get("score")  # type: ignore[union-attr]
        if said is not None and abs(said - terms[4]) > 0.01:  # type: ignore[operator]
            continue
        maxima = {h.value.get("index"): h.value.get("max") for h in hits if h.field == "criterion"}  # type: ignore[union-attr]
        if any(isinstance(maxima.get(k), int | float) and t > maxima[k] for k, t in enumerate(terms[:4], 1)):  # type: ignore[operator]
            continue
        for k, t in enumerate(terms[:4], 1):
            if k not in scored:
                _merge_criterion(hits, k, {"score": t}, total.line)
        return


# A third-level row ("2.1.3"): a part of item 2.1, whose points add up to the item's.
_SUB_ITEM = re.compile(r"^\W*([1-4])\.(\d{1,2})\.(\d{1,2})(?!\d)")


def _sub_items_folded(hits: list[Hit]) -> list[Hit]:
    """Items split into parts a level deeper ("1.1" over "1.1.1", "1.1.2"): the parts are not items of
    their own; an item whose score or maximum was not read (OCR) is the sum of its parts'."""
    parents: dict[tuple, Hit] = {}
    parts: dict[tuple, list[Hit]] = {}
    out: list[Hit] = []
    for h in hits:
        v = h.value
        key = (
            (v.get("criterion"), v.get("item"))
            if h.field == "criterion_item" and isinstance(v, dict)
            else None
        )
        if key is not None and _SUB_ITEM.match(fold_keep_length(h.line.text)) and key in parents:
            parts.setdefault(key, []).append(h)
            continue
        if key is not None:
            parents[key] = h
        out.append(h)
    for key, rows in parts.items():
        parent = parents[key]
        for part in ("score", "max"):
            values = [r.value.get(part) for r in rows]
            if parent.value.get(part) is None and values and all(isinstance(x, int | float) for x in values):
                parent.value = {**parent.value, part: sum(values)}
    return out


def _completed(hits: list[Hit]) -> list[Hit]:
    """A criterion read twice, once in part (its heading "Tiêu chí 1 … (25 điểm)" before the items) and
    once whole (its sum after them, "Cộng tiêu chí 1 | 25 | 24,5"): the part says nothing the whole
    does not, so only the whole is kept. Parts that disagree with it stay, for the checks to see."""
    whole = [
        h
        for h in hits
        if h.field == "criterion" and h.value.get("max") is not None and h.value.get("score") is not None
    ]  # type: ignore[union-attr]

    def covered(h: Hit) -> bool:
        if h.field != "criterion" or h in whole:
            return False
        v = h.value
        return any(
            w.value["index"] == v["index"]  # type: ignore[index]
            and all(v.get(k) is None or v.get(k) == w.value.get(k) for k in ("max", "score"))  # type: ignore[union-attr]
            for w in whole
        )

    return [h for h in hits if not covered(h)]


def _bare(x: float | None) -> bool:
    """A whole number of two or three digits: what a decimal number becomes when OCR loses its comma."""
    return x is not None and float(x).is_integer() and 10 <= x < 1000


def _reconsider(hits: list[Hit]) -> list[Hit]:
    """Maxima that cannot belong to their criterion or total: divided by ten when that fits, else doubted."""
    total = next((h.value.get("max") for h in hits if h.field == "criteria_total"), None)
    total = total if isinstance(total, int | float) and total > 0 else None
    crits = [h for h in hits if h.field == "criterion"]
    items: dict[int, list[Hit]] = {}
    for h in hits:
        if h.field == "criterion_item" and isinstance(h.value.get("criterion"), int):
            items.setdefault(h.value["criterion"], []).append(h)

    def doubt(h: Hit, why: str, fixed: float | None) -> None:
        v = dict(h.value)
        v["max_read"], v["max"], v["doubt"] = v.get("max"), fixed, why
        sc = v.get("score")
        if (
            fixed is not None
            and isinstance(sc, int | float)
            and sc > fixed
            and _bare(sc)
            and sc / 10 <= fixed
        ):
            v["score"] = sc / 10
        h.value = v

    whole = total or 100.0
    for h in crits:
        mx = h.value.get("max")
        if not isinstance(mx, int | float):
            continue
        subs = [i.value.get("max") for i in items.get(h.value.get("index"), [])]
        sub_sum = sum(subs) if subs and all(isinstance(x, int | float) for x in subs) else None
        others = [
            c.value.get("max") for c in crits if c is not h and isinstance(c.value.get("max"), int | float)
        ]
        too_big = (
            mx > whole or (len(crits) > 1 and mx > whole / 2) or (others and mx + sum(others) > whole + 0.01)
        )
        if not too_big:
            continue
        if _bare(mx) and (
            (sub_sum is not None and abs(mx / 10 - sub_sum) < 0.01)
            or (len(others) == len(crits) - 1 == 3 and abs(mx / 10 + sum(others) - whole) < 0.01)
        ):
            doubt(
                h,
                _comma(mx),
                mx / 10,
            )
        elif mx > whole or (len(crits) > 1 and mx > whole / 2):
            doubt(
                h,
                f"điểm tối đa {_show(mx)} không thể có ở một tiêu chí (tổng {_show(whole)}) / a criterion max of {mx:g} is impossible",
                None,
            )
    # An item's max beside its column's others: "79" where every other item is worth 10 or less.
    all_items = [h for rows in items.values() for h in rows]
    for h in all_items:
        mx = h.value.get("max")
        others = [
            o.value.get("max")
            for o in all_items
            if o is not h and isinstance(o.value.get("max"), int | float)
        ]
        if isinstance(mx, int | float) and _bare(mx) and len(others) >= 2 and "doubt" not in h.value:
            top = max(others)
            if mx > 3 * top and mx / 10 <= 1.5 * top:
                doubt(h, _comma(mx), mx / 10)
    bounds = {h.value.get("index"): h.value.get("max") for h in crits}
    for crit, rows in items.items():
        bound = bounds.get(crit)
        if not isinstance(bound, int | float):
            bound = whole / 2 if total else None
        if bound is None:
            continue
        for h in rows:
            mx = h.value.get("max")
            if not isinstance(mx, int | float) or mx <= bound:
                continue
            if _bare(mx) and mx / 10 <= bound:
                doubt(
                    h,
                    _comma(mx),
                    mx / 10,
                )
            else:
                doubt(
                    h,
                    f"điểm tối đa {_show(mx)} lớn hơn của tiêu chí ({_show(bound)}) / item max {mx:g} above its criterion's {bound:g}",
                    None,
                )
    return hits


def _show(x: float) -> str:
    return f"{x:g}".replace(".", ",")


def _comma(x: float) -> str:
    return f"đọc {_show(x)}, hiểu là {_show(x / 10)} (mất dấu phẩy) / read {x:g} as {x / 10:g}: decimal comma lost"


def _fix_pair(mx: float | None, sc: float | None, note: dict) -> tuple[float | None, float | None]:
    """A self-score above its maximum: the decimal comma lost by OCR when a tenth of it fits just under
    the maximum ("79" under 8,4 is 7,9); otherwise the columns were read in the wrong order. A maximum
    ten times its self-score ("84" over 8,2) lost its comma too. What was changed goes in ``note``."""
    if mx is None or sc is None:
        return mx, sc
    if sc <= mx:
        if _bare(mx) and sc < mx / 3 and 0.5 * mx / 10 <= sc <= mx / 10:
            note.update(max_read=mx, doubt=_comma(mx))
            return mx / 10, sc
        return mx, sc
    if _bare(sc) and sc > 3 * mx and 0.5 * mx <= sc / 10 <= mx:
        note.update(score_read=sc, doubt=_comma(sc))
        return mx, sc / 10
    return sc, mx


_UNIT_DOUBT = "chữ “đ” sau điểm bị đọc thành chữ số / the unit “đ” read as a digit"


def _unit_misread(cell: str, beside: str, bound: float | None) -> float | None:
    """A points cell whose unit OCR read as one more digit ("24đ" read "244", "7,5đ" read "7,53"), told by
    the cell beside it in the row still showing the unit ("25đ"): the figure without its last digit, when
    only that fits under ``bound`` (above it, or hundredths no points scale uses); else None."""
    if bound is None or not re.search(r"\d\s*d$", beside.strip(_CELL_JUNK)):
        return None
    t = cell.strip(_CELL_JUNK)
    m = re.fullmatch(r"(\d{1,2}(?:[.,]\d)?)\d", t)
    if not m:
        return None
    whole, cut = parse_number(t), parse_number(m.group(1))
    odd = bool(re.search(r"[.,]\d[1-46-9]$", t))  # 7,53: points go by halves or quarters, not hundredths
    if whole is None or cut is None or cut > bound or (whole <= bound and not odd):
        return None
    return cut


def _label_points(line: Line, cells: list[str], taken: tuple[int | None, ...], by_role: bool) -> Points:
    """The points a score row's label cells say in words (first cell that says any), for a table
    whose header gives no column for them."""
    from ..nlp.points import Points, read_points  # the spaCy pipeline loads on first use

    roles = line.roles or []
    for i, text in enumerate(line.cells or []):
        if i in taken or (by_role and i < len(roles) and roles[i] not in ("label", "other")):
            continue
        if not re.search(r"\d", cells[i]) or "diem" not in cells[i]:
            continue
        pts = read_points(text)
        if pts.max is not None or pts.score is not None:
            return pts
    return Points()


def _role_column(roles: list[str], cells: list[str], role: str) -> int | None:
    """The column of ``role`` in a row; of two headed alike ("Các nội dung (điểm tự chấm/điểm chuẩn)"
    beside "Tự chấm"), the one whose cell is a number here, else the first."""
    cols = [i for i, r in enumerate(roles) if r == role]
    return next(
        (i for i in cols if i < len(cells) and _num_loose(cells[i]) is not None), cols[0] if cols else None
    )


# One item of a list written in a cell: "- Sinh hoạt đúng kỳ: 7,5/8 điểm;" (the label, then two points).
_LISTED_ITEM = re.compile(
    r"(?:^|[;\n]|\s[-–+•]\s|^\s*[-–+•]\s)\s*(?P<label>[^;\n]*?\D)\s*:?\s*"
    r"(?P<a>\d{1,3}(?:[.,]\d{1,2})?)\s*(?:diem\s*)?/\s*(?P<b>\d{1,3}(?:[.,]\d{1,2})?)\s*(?:diem)?\s*(?=[;.]|$|\s[-–+•]\s)"
)


def _cell_items(
    cells: list[str], heads: list[str], skip: tuple[int | None, ...]
) -> list[tuple[float, float]]:
    """(max, score) of each item a cell lists with its points, "- …: 7,5/8 điểm; - …: 6/6 điểm;", in
    the order its header names them ("điểm tự chấm/điểm chuẩn"), the score first when it names none;
    two items at least, else the cell is no list."""
    for i, cell in enumerate(cells):
        if i in skip:
            continue
        found = list(_LISTED_ITEM.finditer(cell))
        if len(found) < 2:
            if said := _cell_items_said(cell):
                return said
            continue
        order = _pair_order(heads[i]) if i < len(heads) else None
        if order is None and not all(re.search(r"diem\W*$", m.group(0)) for m in found):
            continue  # "họp 11/12 kỳ; dự 95/100": other fractions, unless the header or a unit says points
        out = []
        for m in found:
            a, b = parse_number(m.group("a")), parse_number(m.group("b"))
            if a is None or b is None:
                continue
            out.append((a, b) if order == ["max", "score"] else (b, a))
        return out
    return []


# Where one item of a cell's list ends and the next begins: ";", a new line, a bullet.
_ITEM_CUT = re.compile(r";|\n|(?:^|\s)[-–+•](?=\s)")


def _cell_items_said(cell: str) -> list[tuple[float, float]]:
    """(max, score) of items a cell lists with their points said in words ("- …: tự chấm 7,5 trên 8
    điểm; - … (tối đa 6 điểm): 6 điểm"), by the ``points`` patterns; two items at least, each saying
    both, else none."""
    parts = [p for p in _ITEM_CUT.split(cell) if re.search(r"\d", p) and "diem" in p]
    if len(parts) < 2:
        return []
    from ..nlp.points import read_points  # the spaCy pipeline loads on first use

    out = []
    for part in parts:
        pts = read_points(part)
        if pts.max is None or pts.score is None:
            return []
        out.append((pts.max, pts.score))
    return out


def _listed_hits(crit: int, listed: list[tuple[float, float]], line: Line) -> Iterator[Hit]:
    """The items a criterion's row lists in one cell, numbered in their order."""
    for k, (mx, sc) in enumerate(listed, 1):
        item = {"criterion": crit, "item": f"{crit}.{k}", "max": mx, "score": sc, "passed": None}
        yield Hit("criterion_item", item, line)


def _section_heading(line: Line) -> int | None:
    """The criterion a text line heads (not a table row, no self-score of its own on it): "TIÊU CHÍ
    2. CHẤT LƯỢNG SINH HOẠT TỐT", "Bảng 3 – Tiêu chí 3: … (điểm chuẩn 25)"; the rows that follow it,
    numbered "1", "2)" …, are that criterion's items."""
    if is_table_row(line):
        return None
    f = fix_digits(fold_keep_length(prose_text(line))).strip()
    if not f or len(f) > 160 or _NUM_TAIL.search(f) or _PAIR_TAIL.search(f) or _SCORE_LOOSE.search(f):
        return None
    return heading_criterion(f)


# A total row's label that names nothing but the sum: "Cộng", "Tổng cộng", "Tổng điểm".
_BARE_TOTAL = re.compile(r"^\W*(?:tong cong|tong so diem|tong diem|cong diem|cong|tong)\W*$")
# A row numbered plainly, "5)", "12.": under a criterion's heading, one of its items.
_PLAIN_NUMBER = re.compile(r"^\W*(\d{1,2})[.)]?(?=\s|$)")


def _score_rows(
    lines: list[Line], notes: dict[int, dict], headings: dict[int, int] | None = None
) -> Iterator[Hit]:
    """Criterion, item and total rows of the score table(s); ``headings``: lines the prose reader took
    that head the rows under them (line id → criterion), seen here for that only."""
    headings = headings or {}
    max_col = score_col = pass_col = None
    order: list[str] = []  # for cell-less OCR rows: which of max/score comes first
    current: int | None = None
    roman = False  # criteria numbered I–IV: then a plain "1", "2" is an item of the current one
    head_acc: list[str] = []  # header cells, accumulated over a header split across rows
    head_width = 0
    locked = False  # a data row was read under the header: later text rows are data, not header
    last_item = 0
    named = False  # criterion rows carry the criterion names: then a plain "1", "2" row is an item
    bullets: dict[int, int] = {}  # items written "- …" so far, per criterion
    pair_heads: list[str] = []  # the header cells, for a column that holds "score/max" in each cell
    sectioned = False  # a heading above named the criterion: plain numbers under it are its items
    # The table right under that heading ("pending" until its first row): its plain closing row
    # "Cộng" sums the criterion, not the whole phiếu.
    section_table: object = None
    for line in lines:
        if (head := headings.get(id(line)) or _section_heading(line)) is not None:
            current, last_item, sectioned, section_table = head, 0, True, "pending"
            if id(line) in headings:
                continue  # read by the prose reader; it only says whose items follow
        if section_table == "pending" and is_table_row(line) and line.prov.table is not None:
            section_table = line.prov.table  # (a header the page split off the table has none)
        f = fix_digits(fold_keep_length(ticked(line.text)))
        cells = [fix_digits(fold_keep_length(ticked(c))) for c in line.cells] if line.cells else None
        by_role = bool(
            cells and line.roles and len(line.roles) == len(cells) and {"max", "score"} & set(line.roles)
        )
        if by_role:
            # A body row of a table whose header named the columns: read each column by its role.
            roles_ = line.roles or []
            max_col = _role_column(roles_, cells or [], "max")
            score_col = _role_column(roles_, cells or [], "score")
            heads = [fold_keep_length(h) for h in (line.header or [""] * len(roles_))]
            pair_heads = heads
            pass_col = next(
                (
                    i
                    for i, h in enumerate(heads)
                    if roles_[i] not in ("max", "score", "deduction", "label", "index")
                    and _PASS_COL.search(h)
                ),
                None,
            )
            order = [r for r in dict.fromkeys(roles_) if r in ("max", "score")]
            head_width, head_acc, locked = len(cells or []), [], True
        both = bool(_MAX_COL.search(f) and _SCORE_COL.search(f))
        if locked and both and not re.search(r"\d", f):
            # The header repeated (a table that goes on over a page): read it afresh.
            locked, head_acc, order = False, [], []
        header_done = (len(order) == 2 and not head_acc) or locked or by_role
        head_row = bool(cells) and not re.search(r"\d", " ".join(cells or [])) and not header_done
        if cells and head_row:
            if len(head_acc) >= len(cells):
                # A header's second row: align it to the right-hand columns, where the numbers go.
                off = len(head_acc) - len(cells)
                head_acc = [h + (" " + cells[i - off] if i >= off else "") for i, h in enumerate(head_acc)]
            else:
                head_acc = list(cells)
            cells = head_acc
        elif cells or (not cells and head_acc and len(order) == 2):
            head_acc = []
        roles = _roles(cells) if cells and head_row else {}
        if roles and {"max", "score", "both"} & set(roles.values()):
            max_col = next((i for i, r in roles.items() if r == "max"), None)
            score_col = next((i for i, r in roles.items() if r == "score"), None)
            pass_col = next((i for i, r in roles.items() if r == "pass"), None)
            order = []
            for i, r in sorted(roles.items()):
                if r == "both":  # the merged cell's own word order says which number comes first
                    c = (cells or [])[i]
                    order += [
                        n
                        for _, n in sorted(
                            ((_MAX_COL.search(c).start(), "max"), (_SCORE_COL.search(c).start(), "score"))
                        )
                    ]  # type: ignore[union-attr]
                elif r in ("max", "score"):
                    order.append(r)
            head_width = len(cells or [])
            pair_heads = list(cells or [])
            continue
        if (
            not cells
            and not locked
            and (_MAX_COL.search(f) or _SCORE_COL.search(f))
            and not re.search(r"\d", f)
        ):
            spots = sorted(
                (m.start(), name)
                for name, rx in (("max", _MAX_COL), ("score", _SCORE_COL))
                if (m := rx.search(f))
            )
            found = [name for _, name in spots]
            # A header split over lines ("Điểm tối đa" / "Điểm tự chấm"): add the role the next line names.
            order = order + [r for r in found if r not in order] if len(order) == 1 else found
            continue
        listed = _cell_items(cells, pair_heads, (max_col, score_col, pass_col)) if cells else []
        if cells and len(cells) != head_width and order and len(order) == 2:
            # A row that does not line up with the header (PDF wraps): its numbers, in header order.
            nums = [(i, n) for i, c in enumerate(cells) if i > 0 and (n := _num_loose(c)) is not None]
            if len(nums) < 2:
                continue
            (ia, a), (_, b) = nums[0], nums[1]
            mx, sc = (a, b) if order[0] == "max" else (b, a)
            label = " ".join(c for c in cells[:ia] if c.strip())
            passed = None
            head_acc = []
        elif cells:
            if by_role:
                label_cells = [
                    c for i, c in enumerate(cells) if (line.roles or [])[i] in ("index", "label", "other")
                ]
            else:
                label_cells = [c for i, c in enumerate(cells) if i not in (max_col, score_col, pass_col)]
            label = " ".join(c for c in label_cells if c.strip())
            mx = _num_loose(cells[max_col]) if max_col is not None and max_col < len(cells) else None
            sc = _num_loose(cells[score_col]) if score_col is not None and score_col < len(cells) else None
            if (
                by_role
                and max_col is not None
                and score_col is not None
                and max_col < len(cells) > score_col
                and (fixed := _unit_misread(cells[score_col], cells[max_col], mx)) is not None
            ):
                # The unit the row writes after its points, read by OCR as one more digit of the score.
                read = parse_number(cells[score_col].strip(_CELL_JUNK))
                sc = fixed
                notes[id(line)] = {**notes.get(id(line), {}), "score_read": read, "doubt": _UNIT_DOUBT}
            if mx is None and sc is None:
                mx, sc = _pair_in_row(cells, pair_heads) or (None, None)
            passed = None
            pcell = cells[pass_col] if pass_col is not None and pass_col < len(cells) else None
            if pcell is None and max_col is None and score_col is None:
                pcell = next((c for c in reversed(cells) if _pass_tail(c.strip())), None)
            if pcell is None and mx is None and sc is None:
                # "Kết quả tự đánh giá" reads like a self-score column, but a pass/fail form writes
                # "Đạt" / "Không đạt" in it, not points.
                pcell = next(
                    (
                        cells[i]
                        for i in (score_col, max_col)
                        if i is not None and i < len(cells) and _PASS_CELL.match(cells[i])
                    ),
                    None,
                )
            if pcell is not None and (pm := _pass_tail(pcell.strip().rstrip(".;,"))):
                passed = pm.group(1) == "dat"
            if (mx is None or sc is None) and len(order) == 2 and not by_role:
                # Columns that do not line up (merged header cells, OCR splits): the row's numbers in
                # header order, when it has both.
                nums = [n for c in cells[1:] if (n := _num_loose(c)) is not None]
                if len(nums) >= 2:
                    mx, sc = nums[:2] if order[0] == "max" else nums[1::-1]
            if (max_col is None and mx is None) or (score_col is None and sc is None):
                # A table with one points column: the other figure is said in the row's label,
                # "Sinh hoạt đúng kỳ (tối đa 8 điểm)" | 7,5 (the patterns of extractors/nlp/structures.yaml).
                said = _label_points(line, cells, (max_col, score_col, pass_col), by_role)
                mx = said.max if max_col is None and mx is None else mx
                sc = said.score if score_col is None and sc is None else sc
            if mx is None and sc is None and passed is None:
                continue
        elif (said := _said_scores(f)) is not None:
            label, mx, sc = said
            passed = None
        else:
            if order == [] and not _NUM_TAIL.search(f) and not _pass_tail(f):
                continue
            label = f
            mx = sc = None
            passed = None
            t = _NUM_TAIL.search(f) or (_PAIR_TAIL.search(f) if len(order) == 2 else None)
            if t and order:
                a, b = parse_number(t.group(1)), parse_number(t.group(2))
                mx, sc = (a, b) if order[0] == "max" else (b, a)
                label = f[: t.start()]
            else:
                p = _pass_tail(f)
                if not p or (not order and not _INDEX.match(f)):
                    continue
                passed = p.group(1) == "dat"
                label = f[: p.start()]
        if mx is not None and mx <= 0:
            mx = sc = None  # a criterion worth no points is an OCR misreading ("00 | 0"), not a figure
            if passed is None:
                continue
        # A self-score cannot exceed its maximum: a decimal comma lost, or the column order misread (OCR).
        note: dict = {}
        mx, sc = _fix_pair(mx, sc, note)
        if by_role and cells and "deduction" in (line.roles or []):
            # "trừ 0,5" in the deduction column: never a max or a score itself, but kept beside the row
            # when the score is missing or is not max − deduction, so the joint choice of the table
            # (validators.joint) can weigh max − deduction as a reading of the score.
            dcell = cells[(line.roles or []).index("deduction")]
            d = _num_loose(re.sub(r"^\W*tru\b", "", dcell.strip()))
            if d is not None and d > 0 and mx is not None and (sc is None or abs(mx - d - sc) > 0.01):
                note["deduction"] = d
        if note:
            notes[id(line)] = note
        locked = locked or len(order) == 2 or max_col is not None or score_col is not None
        if (sub := _subtotal(label.strip())) is not None:
            current, last_item = sub, 0
            yield Hit("criterion", {"index": sub, "max": mx, "score": sc, "passed": passed}, line)
            continue
        if _TOTAL.match(label.strip()):
            if (
                sectioned
                and current is not None
                and section_table is not None
                and line.prov.table == section_table
                and _BARE_TOTAL.match(label.strip())
                and (mx is None or mx <= 50)
            ):
                # "Cộng" closing the table under "Tiêu chí 2 …": that criterion's sum (a criterion is
                # never worth more than half the phiếu, the whole always is).
                yield Hit("criterion", {"index": current, "max": mx, "score": sc, "passed": passed}, line)
                continue
            yield Hit("criteria_total", {"max": mx, "score": sc}, line)
            continue
        m = _INDEX.match(label.strip())
        by_name = None
        if not (m and _item_of(m)):
            # The name alone: in a row, the cell with the most letters; the verdict words go.
            name_text = max(cells, key=lambda c: len(re.sub(r"[^a-z]", "", c))) if cells else label
            name_text = _PASS_TAIL.sub("", name_text.strip()).strip()
            by_name = criterion_by_name(name_text)
        if by_name is not None:
            named = True
            current, last_item = by_name, 0
            yield Hit("criterion", {"index": by_name, "max": mx, "score": sc, "passed": passed}, line)
            yield from _listed_hits(by_name, listed, line)
            continue
        plain = (
            m is not None
            and _item_of(m) is None
            and m.group(1) not in _ROMAN
            and "tieu chi" not in m.group(0)
        )
        if plain and (named or sectioned) and current is not None:
            # Criteria named in full, so a plain number under one is its item; numbering that starts
            # again means OCR lost the next criterion's own row.
            if int(m.group(1)) <= last_item and current < 4:
                current += 1
            last_item = int(m.group(1))
            yield Hit(
                "criterion_item",
                {
                    "criterion": current,
                    "item": f"{current}.{m.group(1)}",
                    "max": mx,
                    "score": sc,
                    "passed": passed,
                },
                line,
            )
            continue
        if m:
            is_roman = m.group(1) in _ROMAN
            roman = roman or is_roman
            idx = _ROMAN.get(m.group(1)) or int(m.group(1))
            if roman and not is_roman and _item_of(m) is None and current is not None:
                yield Hit(
                    "criterion_item",
                    {
                        "criterion": current,
                        "item": f"{current}.{idx}",
                        "max": mx,
                        "score": sc,
                        "passed": passed,
                    },
                    line,
                )
                continue
            if _item_of(m):
                yield Hit(
                    "criterion_item",
                    {
                        "criterion": idx,
                        "item": f"{idx}.{_item_of(m)}",
                        "max": mx,
                        "score": sc,
                        "passed": passed,
                    },
                    line,
                )
            else:
                current = idx
                yield Hit("criterion", {"index": idx, "max": mx, "score": sc, "passed": passed}, line)
                yield from _listed_hits(idx, listed, line)
            continue
        lm = _LETTER.match(label.strip() + " ")
        if sectioned and current is not None and (pm := _PLAIN_NUMBER.match(label)):
            last_item = int(pm.group(1))
            yield Hit(
                "criterion_item",
                {
                    "criterion": current,
                    "item": f"{current}.{last_item}",
                    "max": mx,
                    "score": sc,
                    "passed": passed,
                },
                line,
            )
        elif lm and current is not None:
            yield Hit(
                "criterion_item",
                {"criterion": current, "item": lm.group(1), "max": mx, "score": sc, "passed": passed},
                line,
            )
        elif current is not None and re.match(r"^\s*[-–+•*]\s*\w", label):
            # "- Nội dung …": an item by its bullet, numbered in its criterion's order.
            bullets[current] = bullets.get(current, 0) + 1
            item = {"criterion": current, "item": f"{current}.{bullets[current]}"}
            yield Hit("criterion_item", {**item, "max": mx, "score": sc, "passed": passed}, line)


# A score row written as prose names each number's column: "I. Lãnh đạo …: thang điểm 25, điểm trừ
# 0,5, điểm đạt 24,5", "Tiêu chí 1 … điểm chuẩn 25, tự chấm 24,5". Deductions are said, not read.
_SAID = re.compile(
    r"(?P<role>diem tru|tru|diem chuan|diem toi da|toi da|thang diem|khung diem|diem quy dinh|diem dinh muc"
    r"|diem tu cham|diem tu danh gia|tu cham|tu danh gia|tu cho|diem dat|chi bo cham)"
    r"\s*:?\s*(?P<num>\d+(?:[.,]\d+)?)(?![\d/])"
)


def _said_scores(f: str) -> tuple[str, float | None, float | None] | None:
    """(label, max, score) of a prose score row that names both columns; None when it is none."""
    mx = sc = None
    first = None
    for m in _SAID.finditer(f):
        first = m.start() if first is None else first
        role = m.group("role")
        if re.search(r"\btru\b", role):
            continue
        value = parse_number(m.group("num"))
        if _SCORE_LOOSE.search(role):
            sc = value if sc is None else sc
        elif mx is None:
            mx = value
    if first is None or mx is None or sc is None:
        return None
    return f[:first].rstrip(" :,-–"), mx, sc


# -- a summary with the criteria as columns: "Nội dung | Tiêu chí 1 | … | Tổng" over rows of maxima and
# self-scores ("Điểm chuẩn | 25 | 30 | …", "Điểm tự chấm | 25 | 29 | …"); a share row is not read.
_COLUMN_CRITERION = re.compile(r"^\W*(?:tieu chi|tc)\s*(iv|iii|ii|i|[1-4])\W*$")
# "TC H", "Tiêu chí HI": a criterion column whose numeral OCR damaged; its place among the others says which.
_COLUMN_CRITERION_DAMAGED = re.compile(r"^\W*(?:tieu chi|tc)\s+\S{1,3}\W*$")
_SHARE = re.compile(r"ty le|%")


def _column_criterion(cell: str) -> int | str | None:
    """1–4 when a header cell names one criterion ("Tiêu chí 2", "TC II", or its name), "total" for the
    sum column ("Tổng", "Cộng"), else None."""
    f = cell.strip()
    m = _COLUMN_CRITERION.match(f)
    if m:
        return _ROMAN.get(m.group(1)) or int(m.group(1))
    if _TOTAL_CELL.match(f):
        return "total"
    return criterion_by_name(f)


def _criterion_columns(cells: list[str]) -> dict[int, int | str]:
    """The columns of a header row that name a criterion (or the total), the first cell aside. A column
    "TC …" whose numeral OCR damaged takes the number after the criterion column before it, when no
    other column has that number."""
    named = {i: w for i, c in enumerate(cells) if i and (w := _column_criterion(c)) is not None}
    taken = {w for w in named.values() if w != "total"}
    last = 0
    for i, c in enumerate(cells):
        if i in named:
            last = named[i] if isinstance(named[i], int) else last
        elif i and _COLUMN_CRITERION_DAMAGED.match(c.strip()) and last + 1 <= 4 and last + 1 not in taken:
            named[i] = last = last + 1
            taken.add(last)
    return dict(sorted(named.items()))


def _row_role(label: str) -> str | None:
    """What a row of the summary holds, by its label: "score", "max", or None (a share, anything else)."""
    if _SHARE.search(label):
        return None
    if _SCORE_LOOSE.search(label):
        return "score"
    return "max" if _MAX_LOOSE.search(label) else None


def _criteria_across(lines: list[Line]) -> tuple[list[Hit], set[int]]:
    """Criterion and total rows of a summary table whose columns are the criteria; the readings and
    the ids of the lines read (the row reader skips them)."""
    hits: list[Hit] = []
    used: set[int] = set()
    cols: dict[int, int | str] | None = None
    rows: dict[str, tuple[Line, list[str]]] = {}
    width = 0

    def flush() -> None:
        if cols is None or not rows:
            return
        for ci, which in cols.items():
            got = {
                role: _num_loose(cells[ci]) if ci < len(cells) else None for role, (_, cells) in rows.items()
            }
            if all(v is None for v in got.values()):
                continue
            line = rows.get("score", rows.get("max"))[0]  # type: ignore[index]
            row = {"max": got.get("max"), "score": got.get("score")}
            if which == "total":
                hits.append(Hit("criteria_total", row, line))
            else:
                hits.append(Hit("criterion", {"index": which, **row, "passed": None}, line))

    for line in lines:
        cells = [fix_digits(fold_keep_length(c)) for c in line.cells] if is_table_row(line) else None
        if cells is not None and cols is not None and len(cells) == width:
            role = _row_role(cells[0])
            if role is not None and role not in rows:
                rows[role] = (line, cells)
                used.add(id(line))
            continue
        flush()
        cols, rows = None, {}
        if cells is None:
            continue
        named = _criterion_columns(cells)
        if len([w for w in named.values() if w != "total"]) >= 2:
            cols, width = named, len(cells)
            used.add(id(line))
    flush()
    return hits, used


# -- a phiếu without a table: each criterion and item a line that says its points ------------------
_BULLET = re.compile(r"^\s*(?:[-–+•*]|[a-h]\))\s*")
_INDEX_FIRST = re.compile(r"^\d{1,2}(?:\.\d{1,2})*[.)]\s|^\d{1,2}(?:\.\d{1,2})+\s|^\d{1,2}\s+(\w)")


def _header_line(f: str) -> bool:
    """A score table's header as a line of text (OCR, a table without rules): nothing goes on it."""
    return bool(_MAX_COL.search(f) and _SCORE_COL.search(f)) and not re.search(r"\d", f)


def _goes_on_with_number(text: str) -> bool:
    """A line that begins with a number and is no numbered row ("1.", "1.1", "2 Chất lượng …"): the end
    of the item above, wrapped ("25 điểm) – tự chấm …", "8)", "14/14 điểm.", "14 trên 14 điểm;")."""
    if not text[:1].isdigit():
        return False
    m = _INDEX_FIRST.match(text)
    return m is None or (m.group(1) is not None and not m.group(1).isupper())


_TOTAL_SAID = re.compile(r"^\W*(tong cong|tong so diem|tong diem|tong|cong)\b")


def _said_blocks(lines: list[Line]) -> list[list[Line]]:
    """Text lines grouped into the items of a list: a line that begins in lower case, with a bracket or
    with points ("25 điểm) – tự chấm …") goes on the item above; a bullet, a number or a capital
    begins a new one. Table rows stand alone."""
    out: list[list[Line]] = []
    for ln in lines:
        text = prose_text(ln) if not is_table_row(ln) else None
        if text is None:
            out.append([ln])
            continue
        t = text.strip()
        prev = out[-1] if out else None
        goes_on = (
            prev is not None
            and bool(t)
            and not is_table_row(prev[-1])
            and not re.search(r"[.!?]\s*$", prose_text(prev[-1]))
            and not _header_line(fold_keep_length(prose_text(prev[-1])))
            and not _BULLET.match(t)
            and (t[0].islower() or t[0] == "(" or _goes_on_with_number(t) or bool(re.match(r"[._…]{3}", t)))
        )
        if goes_on:
            prev.append(ln)  # type: ignore[union-attr]
        else:
            out.append([ln])
    return out


# A table's caption before what it names: "Bảng 2 – Tiêu chí 2: …", "Biểu số 3. …", "Phụ lục 1: …".
_CAPTION = re.compile(
    r"^[\W_]*(?:bang|bieu|phu bieu|phu luc)\s*(?:so\s*)?(?:\d{1,2}|[ivx]{1,4})\s*[-–—:.)]\s*"
)


def _uncaptioned(folded: str) -> str:
    """A line without the caption that opens it ("Bảng 1 – "); the line itself when it has none."""
    return folded[_CAPTION.match(folded).end() :] if _CAPTION.match(folded) else folded  # type: ignore[union-attr]


def heading_criterion(folded: str) -> int | None:
    """The criterion a heading line names, by "Tiêu chí N" / a roman numeral, or by its name; a
    caption before it ("Bảng 1 – Tiêu chí 1: …") is no part of the name."""
    folded = _uncaptioned(folded)
    m = _INDEX.match(folded)
    if m and _item_of(m) is None and ("tieu chi" in m.group(0) or m.group(1) in _ROMAN):
        return _ROMAN.get(m.group(1)) or int(m.group(1))
    return criterion_by_name(folded) if len(folded) < 80 else None


def _merge_criterion(hits: list[Hit], index: int, row: dict, line: Line) -> None:
    """Fill in the last reading of criterion ``index`` with what ``row`` says and it does not (nothing
    it says otherwise is changed); a reading of its own when there is none or they disagree."""
    last = next((h for h in reversed(hits) if h.field == "criterion" and h.value.get("index") == index), None)  # type: ignore[union-attr]
    said = {k: v for k, v in row.items() if v is not None}
    if row.get("max") is not None and row.get("score") is not None:
        # A whole row of its own ("Cộng tiêu chí 1: 29,5/30") is kept; the heading's part yields to it.
        last = None
    if last is not None and all(last.value.get(k) in (None, v) for k, v in said.items()):  # type: ignore[union-attr]
        last.value = {**last.value, **said}  # type: ignore[dict-item]
        return
    hits.append(Hit("criterion", {"index": index, "max": None, "score": None, "passed": None, **row}, line))


# Where a paragraph listing several items' points is cut into its sentences: before an item's letter
# or number ("… 8/8 điểm. b) …", "… 9 điểm; 1.3. …") and before the criterion's own sum ("… Điểm tiêu chí
# 1: 24 điểm.").
_SENTENCE_GAP = re.compile(r"(?<=[.;])\s+")
_ITEM_CODE = re.compile(r"\d{1,2}(?:\.\d{1,2})+\.?\s")
_POINTS_SAID = re.compile(r"\d+(?:[.,]\d+)?\s*(?:/\s*\d+(?:[.,]\d+)?\s*)?diem")


def _item_sentences(blocks: list[list[Line]], pieces: dict[int, list[Line]]) -> list[list[Line]]:
    """``blocks`` with each prose paragraph that says points and goes on with an item or a criterion's
    sum in a sentence of its own ("a) …: 8/8 điểm. b) …: 9/9 điểm. Điểm tiêu chí 1: 17 điểm.") cut into
    one block per sentence, as if each stood on its own line; ``pieces`` gets, per sentence line made, the paragraph's own lines."""
    out: list[list[Line]] = []
    for block in blocks:
        if is_table_row(block[0]):
            out.append(block)
            continue
        text = " ".join(prose_text(ln) for ln in block)
        f = fold_keep_length(text)
        cuts = [
            m.end()
            for m in _SENTENCE_GAP.finditer(f)
            if _LETTER.match(f[m.end() :]) or _ITEM_CODE.match(f[m.end() :]) or _SUBTOTAL.match(f[m.end() :])
        ]
        if not cuts or not _POINTS_SAID.search(f):
            out.append(block)
            continue
        for a, b in pairwise([0, *cuts, len(text)]):
            piece = Line(text=text[a:b].strip(), prov=block[0].prov)
            pieces[id(piece)] = block
            out.append([piece])
    return out


# A sum written out, "24 + 29,5 + 25 + 20 = 98,5": its terms up to the "=".
_SUM_TERMS = re.compile(r"(?<![\d.,])\d+(?:[.,]\d+)?(?:\s*\+\s*\d+(?:[.,]\d+)?)+\s*=\s*(?=\d)")


def _sum_said(text: str) -> str:
    """``text`` with each sum written out cut down to its result: what a line says of "Tổng: 24 + 29,5 +
    25 + 20 = 98,5 điểm" is the 98,5, not its first term."""
    return _SUM_TERMS.sub("", text)


def _listed_scores(lines: list[Line]) -> tuple[list[Hit], set[int]]:
    """Criterion, item and total rows of a phiếu that says its points in words (no table): each item's
    points read by the ``points`` patterns of extractors/nlp/structures.yaml. Returns the readings and
    the ids of the lines they were read from (the table reader skips those)."""
    from ..nlp.points import read_points  # the spaCy pipeline loads on first use

    hits: list[Hit] = []
    used: set[int] = set()
    current: int | None = None
    numbered = False  # criteria headed "Tiêu chí N" or I–IV: a plain "1." under one is its item
    item = 0
    # A heading without points that just set ``current``, and the criterion row read from the points
    # said after it before any item ("Điểm chuẩn của tiêu chí là 25 điểm; chi bộ tự chấm 24 điểm").
    fresh = False
    own: Hit | None = None
    pieces: dict[int, list[Line]] = {}  # a sentence cut from a paragraph → the paragraph's lines
    for block in _item_sentences(_said_blocks(lines), pieces):
        if is_table_row(block[0]):
            continue
        text = _sum_said(ticked(" ".join(prose_text(ln) for ln in block)))
        folded = fold_keep_length(text)
        if current is not None and has_boxes(" ".join(prose_text(ln) for ln in block)):
            # "Tự đánh giá: ☒ Đạt ☐ Không đạt" under a criterion: its ticked answer is the criterion's verdict.
            pm = _pass_tail(folded.strip().rstrip(".;,"))
            if pm and not re.search(r"\d", folded):
                _merge_criterion(hits, current, {"passed": pm.group(1) == "dat"}, block[0])
                used.update(id(ln) for ln in block)
                continue
        said = bool(re.search(r"\d", folded) and re.search(r"diem|\bdat\b", folded))
        pts = read_points(text) if said else None
        if pts is None or (pts.max is None and pts.score is None):
            # A heading without points ("TIÊU CHÍ 2. CHẤT LƯỢNG SINH HOẠT TỐT"): the items below are its own.
            head = heading_criterion(folded.strip())
            if head is not None and len(block) <= 2:
                current, item, numbered = head, 0, True
                fresh, own = True, None
            continue
        label = folded[: pts.start].strip().rstrip(" :,-–(")
        row = {"max": pts.max, "score": pts.score}
        if (sub_of := _subtotal(label)) is not None:
            # The criterion's own sum after its items ("Điểm tự chấm tiêu chí 1: 25 điểm") completes the
            # row its heading began ("TIÊU CHÍ 1. … (25 điểm)") when they do not disagree.
            _merge_criterion(hits, sub_of, row, block[0])
            used.update(id(ln) for ln in block)
            continue
        if _TOTAL_SAID.match(label):
            hits.append(Hit("criteria_total", row, block[0]))
            used.update(id(ln) for ln in block)
            continue
        body = _uncaptioned(_BULLET.sub("", label, count=1).strip())
        m = _INDEX.match(body)
        bullet = bool(_BULLET.match(label))
        crit: int | None = None
        sub: str | None = None
        if m and not bullet:
            idx = _ROMAN.get(m.group(1)) or int(m.group(1))
            headed = "tieu chi" in m.group(0) or m.group(1) in _ROMAN
            if _item_of(m):
                crit, sub = idx, f"{idx}.{_item_of(m)}"
            elif numbered and not headed and current is not None:
                crit, sub = current, f"{current}.{idx}"
            else:
                crit, numbered = idx, numbered or headed
        elif not bullet and (named := criterion_by_name(body)) is not None:
            crit = named
        elif bullet and current is not None:
            item += 1
            letter = _LETTER.match(label.strip() + " ")
            crit, sub = current, letter.group(1) if letter else f"{current}.{item}"
        if crit is None and fresh and not bullet and m is None and len(label.split()) <= 4:
            # The heading's own points on the lines after it, unnumbered; a second sentence ("Chi bộ tự
            # chấm 24 điểm.") fills in what the first did not say.
            if own is None:
                own = Hit("criterion", {"index": current, **row, "passed": None}, block[0])
                hits.append(own)
            else:
                more = {k: v for k, v in row.items() if v is not None and own.value.get(k) is None}  # type: ignore[union-attr]
                own.value = {**own.value, **more}  # type: ignore[dict-item]
            used.update(id(ln) for ln in block)
            continue
        if crit is None or not 1 <= crit <= 4:
            continue
        fresh = False
        if sub is None:
            current, item = crit, 0
            hits.append(Hit("criterion", {"index": crit, **row, "passed": None}, block[0]))
        else:
            hits.append(
                Hit("criterion_item", {"criterion": crit, "item": sub, **row, "passed": None}, block[0])
            )
        used.update(id(ln) for ln in block)
    used |= {id(ln) for piece, block in pieces.items() if piece in used for ln in block}
    return hits, used


_DASH_ONLY = re.compile(r"^[\s\-–—]*$")  # a cell that says its column does not apply to the row


def criterion_sentences(lines: list[Line], in_tables: bool = False) -> Iterator[Hit]:
    """'tiêu chí 1 đạt 24,5/25 điểm … tổng cộng 98,5/100 điểm' in prose; with ``in_tables`` also in a
    table row whose cells state them so ("Kết quả tự chấm | Tiêu chí 1: 25/25 điểm; …", "Điểm tiêu chí 1
    | – | 24,5/25"), the cells that do not apply ("–") left out."""
    for line in lines:
        if line.cells and not in_tables:
            continue
        text = " | ".join(c for c in line.cells if not _DASH_ONLY.match(c)) if line.cells else line.text
        boxed = has_boxes(text)
        f = fold_keep_length(ticked(text))
        found = list(_CRIT_SENT.finditer(f))
        for k, m in enumerate(found):
            idx = _ROMAN.get(m.group(1)) or int(m.group(1))
            sc, mx = parse_number(m.group(2)), parse_number(m.group(3))
            # A form's boxes after the points, "☒ Đạt ☐ Không đạt": the ticked one is the verdict.
            rest = f[m.end() : found[k + 1].start() if k + 1 < len(found) else len(f)]
            pm = _pass_tail(rest.strip().rstrip(".;,")) if boxed else None
            passed = pm.group(1) == "dat" if pm else None
            yield Hit("criterion", {"index": idx, "max": mx, "score": sc, "passed": passed}, line)
        for m in _TOTAL_SENT.finditer(f):
            yield Hit(
                "criteria_total", {"max": parse_number(m.group(3)), "score": parse_number(m.group(2))}, line
            )


# -- subordinate cells listed one row per chi bộ ------------------------------------------
_LEVEL_FIELDS = {
    "rating_xuat_sac": "subordinates_xuat_sac",
    "rating_tot": "subordinates_tot",
    "rating_hoan_thanh": "subordinates_hoan_thanh",
    "rating_khong_hoan_thanh": "subordinates_khong_hoan_thanh",
}
_TOTAL_CELL = re.compile(r"^\W*(tong|cong)\b")


@cache
def _level_regex() -> re.Pattern[str]:
    """The rating levels as the lexicon words them, abbreviations included ("HTTNV"), longest first."""
    from ..nlp.pipeline import load_lexicon

    lexicon = load_lexicon()
    phrases = sorted(
        ((p, concept) for concept in _LEVEL_FIELDS for p in lexicon[concept]["phrases"]),
        key=lambda pc: len(pc[0]),
        reverse=True,
    )
    _LEVEL_OF.update({p: c for p, c in phrases})
    return re.compile(r"(?<![a-z0-9])(" + "|".join(re.escape(p) for p, _ in phrases) + r")(?![a-z0-9])")


_LEVEL_OF: dict[str, str] = {}


def _level(cell: str) -> str | None:
    """The subordinate-cell field of the one rating level a cell names ("Hoàn thành tốt nhiệm vụ",
    "HTTNV"); None for none, or for a cumulative level ("HTTNV trở lên")."""
    if "tro len" in cell:
        return None
    m = _level_regex().search(cell)
    return _LEVEL_FIELDS[_LEVEL_OF[m.group(1)]] if m else None


_NAME_HEAD = re.compile(r"^\W*(ten\s+)?(chi bo|to chuc co so dang|don vi)(\s+truc thuoc)?\W*$")
_YES = re.compile(r"^\s*(co|dat|x|v|✓|✔|yes)\s*$")
_NO = re.compile(r"^\s*(khong|khong dat|chua dat|-|)\s*$")


def subordinate_table(lines: list[Line]) -> Iterator[Hit]:
    """Counts from a table with one row per subordinate cell (name, rating, bốn tốt yes/no)."""
    header: Line | None = None
    name_col = rating_col = bon_col = None
    rows: list[list[str]] = []

    def flush() -> Iterator[Hit]:
        if header is None or not rows:
            return
        yield Hit("subordinates_total", len(rows), header)
        counts = dict.fromkeys(_LEVEL_FIELDS.values(), 0)
        for r in rows:
            level = _level(r[rating_col] if rating_col is not None and rating_col < len(r) else "")
            if level is not None:
                counts[level] += 1
        for field, n in counts.items():
            yield Hit(field, n, header)
        if bon_col is not None:
            yes = sum(1 for r in rows if bon_col < len(r) and _YES.match(r[bon_col]))
            yield Hit("subordinates_bon_tot", yes, header)

    for line in lines:
        cells = [prepare(c) for c in line.cells] if line.cells else None
        if not cells:
            if header is not None:
                yield from flush()
                header, rows = None, []
            continue
        joined = " ".join(cells)
        if header is None:
            name_col = next((i for i, c in enumerate(cells) if _NAME_HEAD.match(c)), None)
            if (
                name_col is not None
                and ("xep loai" in joined or "bon tot" in joined)
                and not re.search(r"\d", joined)
            ):
                header = line
                rating_col = next((i for i, c in enumerate(cells) if "xep loai" in c or "muc" in c), None)
                bon_col = next((i for i, c in enumerate(cells) if "bon tot" in c or "4 tot" in c), None)
                rows = []
            continue
        rating = cells[rating_col] if rating_col is not None and rating_col < len(cells) else ""
        if any(_TOTAL_CELL.match(c) for c in cells):
            continue  # the total row ("Cộng | 168 | 11/12 HTTNV trở lên | 11 đạt")
        if name_col is not None and name_col < len(cells) and cells[name_col].strip() and _level(rating):
            rows.append(cells)
    yield from flush()


# -- discipline ---------------------------------------------------------------------------
_DISC = re.compile(
    r"(xu ly ky luat|thi hanh ky luat|bi ky luat|ky luat (?:khien trach|canh cao|cach chuc|khai tru))"
)
_ORG = re.compile(r"(to chuc dang|to chuc co so dang|chi bo)")
_MEM = re.compile(r"(dang vien|dong chi)")


_PLAN_COL = re.compile(r"\b(chi tieu|ke hoach|yeu cau|dinh muc|quy dinh|ty le)\b|%")


def discipline(lines: list[Line]) -> Iterator[Hit]:
    """Members and organisations disciplined in the year, from a sentence or a table row (not from a
    column the header calls the plan, "Kế hoạch", or a share)."""
    plan_cols: dict[object, set[int]] = {}
    # A header whose value column stands before its label column ("Kết quả | Nội dung"): each row's
    # figure comes before its label.
    first_cols: dict[object, int] = {}
    for line in lines:
        if line.cells and len(line.cells) >= 2:
            cells = [prepare(c) for c in line.cells]
            if not any(re.search(r"\d", c) for c in cells):  # a header row: which columns are the plan
                plan_cols[line.prov.table] = {i for i, c in enumerate(cells) if i and _PLAN_COL.search(c)}
                value = next((i for i, c in enumerate(cells) if _VALUE_COL.search(c)), None)
                named = next((i for i, c in enumerate(cells) if _NAMES_COL.search(c)), None)
                if value is not None and named is not None and value < named:
                    first_cols[line.prov.table] = value
            label = next((i for i, c in enumerate(cells) if _DISC.search(c)), None)
            if label is None:
                continue
            skip = plan_cols.get(line.prov.table, set()) if line.prov.table is not None else set()
            field = (
                "disciplined_organisations"
                if _ORG.search(cells[label]) and not _MEM.search(cells[label])
                else "disciplined_members"
            )
            after = list(enumerate(cells[label + 1 :], start=label + 1))
            first = first_cols.get(line.prov.table) if line.prov.table is not None else None
            if first is not None and first < label:
                after = [(first, cells[first])]
            for ci, c in after:
                if ci in skip:
                    continue
                if re.fullmatch(r"\s*(khong|khong co|0)\s*\.?\s*", c):
                    yield Hit(field, 0, line)
                    break
                m = re.match(r"\s*(\d+)\b", c)
                if m:
                    yield Hit(field, int(m.group(1)), line)
                    break
            continue
    # Prose: a sentence wraps over lines ("… không có đảng viên bị" / "xử lý kỷ luật"), so read
    # each run of text lines as one paragraph, cut into clauses at ";" and at a full stop that ends a
    # sentence (OCR also drops stray dots inside one: "tổ chức. đảng").
    run: list[Line] = []
    for line in [*lines, None]:
        if line is not None and not is_table_row(line):
            run.append(line)
            continue
        if run:
            yield from _discipline_prose(run)
            run = []


_CLAUSE_END = re.compile(r";|\.(?=\s+(\S)|\s*$)")


def _clause_cuts(text: str) -> list[int]:
    """Ends of clauses: ';', or a full stop before a capital, a digit, a dash or the end of the text."""
    cuts = []
    for m in _CLAUSE_END.finditer(text):
        nxt = m.group(1)
        if nxt is None or nxt.isupper() or nxt.isdigit() or nxt in "-–+":
            cuts.append(m.end())
    return cuts


def _discipline_prose(run: list[Line]) -> Iterator[Hit]:
    texts = [prose_text(ln) for ln in run]
    text = " ".join(texts)
    work = " ".join(prepare(t) for t in texts)
    starts, pos = [], 0
    for ln in run:
        starts.append(pos)
        pos += len(prose_text(ln)) + 1
    if len(work) != len(text):  # prepare keeps lengths; if not, fall back to plain clauses
        text = work
    cuts = [0, *_clause_cuts(text), len(work)]
    for lo, hi in itertools.pairwise(cuts):
        clause = work[lo:hi]
        d = _DISC.search(clause)
        if not d:
            continue
        at = lo + d.start()
        line = run[max(i for i, st in enumerate(starts) if st <= at)]
        before = clause[: d.start()]
        z = re.search(r"(khong co|chua co|khong)\b", before)
        if z:
            subj = before[z.end() :]
            if _MEM.search(subj) or not _ORG.search(subj):
                yield Hit("disciplined_members", 0, line)
            if _ORG.search(subj):
                yield Hit("disciplined_organisations", 0, line)
            continue
        for m in re.finditer(
            r"(\d+)\s+(dang vien|dong chi|to chuc co so dang|to chuc dang|chi bo)\b",
            before + clause[d.start() :],
        ):
            field = (
                "disciplined_members"
                if m.group(2) in ("dang vien", "dong chi")
                else "disciplined_organisations"
            )
            yield Hit(field, int(m.group(1)), line)
