"""Keyed figures: a phrase from patterns.yaml, then the number it counts, in a sentence or a table row.

In a sentence the number is the one right before the phrase with only unit words between
("08 đồng chí hoàn thành tốt nhiệm vụ") or else the first one after it in the same clause
("Số phiếu phát ra: 11 phiếu"). In a table row the phrase is in the label cell and the number in
the column the header calls the result (not the target, "Chỉ tiêu"); when the table model's merged
header splits the count over several columns ("Số lượng" over "Đồng chí | Phiếu"), in the one that
holds a figure for the row ("-" in the others: not applicable). An OCR label split from its number
reads the number at the start of the next line.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache

from ..model import Line
from ..said_numbers import spell_lines
from ..text import fold
from .fuzzy import repair
from .numbers import Number, as_value, numbers, prepare
from .patterns import Patterns, Rule, phrase_regex

_HARD_STOP = re.compile(r";|\.(?!\d)|\n|:(?=\s*[a-z]+\s*:)")
_COMPARATOR = re.compile(r"\b(tren|duoi|toi thieu|toi da|it nhat|khong duoi|tu)\b|[><≥≤]")
_SUB_WORDS = re.compile(r"\b(chi bo|to chuc co so dang|to chuc dang|co so dang)\b")
_MEMBER_WORDS = re.compile(r"\b(dang vien|dong chi|d/c)\b")
_SUB_CONTEXT = re.compile(
    r"\b(chi bo truc thuoc|xep loai chi bo|cac chi bo|so chi bo|to chuc co so dang|tcsd)\b"
)
_HEADER_WORDS = re.compile(
    r"\b(noi dung|chi tieu|ket qua|so luong|ty le|muc xep loai|stt|tt|xep loai|so phieu|ghi chu)\b"
)
_VALUE_COL = re.compile(
    r"\b(ket qua|so luong|so phieu|so chi bo|thuc hien|so ky|so dong chi|so dang vien|dat duoc|thuc te)\b"
)
# Column headings of a checklist ("Tiêu chuẩn | Yêu cầu | Thực tế của chi bộ | Kết luận"): a row of two
# or more of them is a header even without the usual words, its "Yêu cầu" the requirement, not a result.
_CHECKLIST_HEAD = re.compile(r"^\W*(tieu chuan|yeu cau|thuc te|ket luan)\b")
_LABEL_COL = re.compile(r"\b(noi dung|tieu chi|danh muc|hang muc)\b")
_TARGET_COL = re.compile(r"\b(chi tieu|ke hoach|yeu cau|dinh muc|quy dinh)\b")
_PCT_COL = re.compile(r"\bty le\b|%")
_DASH_CELL = re.compile(r"^\s*[-–—]\s*$")
_ZERO_CELL = re.compile(r"^\s*(khong|khong co|chua co|0)\s*[.;]?\s*$")
_COMMITTEE = re.compile(r"\b(ban chap hanh|dang uy vien|cap uy vien|uy vien ban)\b")
_MEMBER_BREAKDOWN = re.compile(r"[a-z]{1,5}\s+vien\s*\(\s*\d+\s*(?:dang vien\s+)?chinh thuc")
# A table's number before its caption: "Bảng 3.", "Biểu số 2:", "Phụ lục 1 -" (folded text).
_CAPTION_MARK = re.compile(r"^\s*(?:bang|bieu|phu luc)(?: so)?\s+(?:\d+|[ivx]+)\s*[.:-]?", re.IGNORECASE)
_LIST_START = re.compile(r"^\s*(?:[IVX]+\.|\d+(?:\.\d+)*\.|[a-d]\)|-|\+)\s")
# A count said again in words, in brackets: "13 (mười ba) đồng chí" (folded).
_IN_WORDS = (
    r"(?:\(\s*(?:(?:mot|hai|ba|bon|tu|nam|lam|sau|bay|tam|chin|muoi|tram|nghin|ngan|linh|le|khong)\s*)+\))"
)
_INDEX_CELL = re.compile(r"^\s*([0-9]+(\.[0-9]+)*\.?|[ivx]+\.?|[a-z]\)?)\s*$")
# A row labelled by its year ("2023 | 04 | 19 | …", "Năm 2024 | …"): a table comparing years.
# A cell OCR garbled around its digits ("1?" for "17"): its leading digits are not the number.
_GARBLED = re.compile(r"\d\s?[?!*~\\]|[?!*~\\]\s?\d|\d[a-z]|[a-z]\d")
_YEAR_CELL = re.compile(r"^\W*(?:nam\s*)?((?:19|20)\d\d)\W*$")
# A cell that says its column does not apply to the row: a dash, a cross, nothing.
_NOT_APPLICABLE = re.compile(r"^[\s\-–—x/.]*$")


_LEVELS_OF = {
    "members_rated": frozenset(
        ("rating_xuat_sac", "rating_tot", "rating_hoan_thanh", "rating_khong_hoan_thanh")
    ),
    "subordinates_total": frozenset(
        (
            "subordinates_xuat_sac",
            "subordinates_tot",
            "subordinates_hoan_thanh",
            "subordinates_khong_hoan_thanh",
        )
    ),
}
_LEVELS = frozenset().union(*_LEVELS_OF.values())
_RATED = frozenset(("members_rated", "members_total", "subordinates_total"))


@dataclass
class Hit:
    """A value read for a field from one line, before it becomes a FieldReading."""

    field: str
    value: object
    line: Line
    start: int | None = None  # where its number stands in the text of ``at``, when known (prose)
    at: Line | None = None  # the line its number stands on, when not ``line`` (a sentence wrapped over lines)
    score: float = 0.5  # how sure: see FieldReading.score
    rule: str | None = None


def _speck(cell: str) -> bool:
    """A cell of OCR specks only (":", "_", "-"): something printed, but no word and no number."""
    return bool(cell.strip()) and not re.search(r"[^\W_]", cell)


def prose_text(line: Line) -> str:
    """A line read as prose: a sentence OCR split into cells, without the specks between them."""
    if not line.cells:
        return line.text
    return " ".join(c for c in line.cells if not _speck(c))


def is_table_row(line: Line) -> bool:
    """A row of at least two cells with words or numbers; OCR specks split off as cells ("18 | _") do
    not make a sentence a table row."""
    return bool(line.cells) and sum(1 for c in line.cells or [] if re.search(r"[^\W_]", c)) >= 2


def _table_key(line: Line) -> object:
    return line.prov.table if line.prov.table is not None else "loose"


def _model_columns(line: Line, n_raw: int, n_cells: int) -> tuple[list[str], list[str]] | None:
    """(roles, header labels) of the row's cells as the table model gave them, the leading cells
    dropped as specks left out; None when the row carries none."""
    if not line.roles or len(line.roles) != n_raw:
        return None
    header = line.header or [""] * n_raw
    return list(line.roles[n_raw - n_cells :]), [fold(h) for h in header[n_raw - n_cells :]]


@lru_cache(maxsize=256)
def share_base(label: str) -> str | None:
    """The figure a share column is of, from its header ("Tỷ lệ (%) so với số có quyền biểu quyết" →
    voters_eligible): the last lexicon concept after "so với" (or the like) that names a base."""
    from ..nlp.pipeline import analyse, load_lexicon

    lexicon = load_lexicon()
    doc = analyse(label)
    after = next((t.i for t in doc if t._.concept == "compared_to"), None)
    if after is None:
        return None
    figures = [lexicon[t._.concept]["figure"] for t in doc[after + 1 :] if t._.concept]
    figures = [f for f in figures if f]
    return figures[-1] if figures else None


def row_year(line: Line) -> int | None:
    """The year a table row is labelled with in its first cell with words or numbers, if any."""
    for cell in line.cells or []:
        text = fold(cell).strip()
        if not text or (_INDEX_CELL.match(text) and not _YEAR_CELL.match(text)):
            continue
        m = _YEAR_CELL.match(text)
        return int(m.group(1)) if m else None
    return None


_PAGE_MARK = re.compile(r"^\W*(?:trang\s*)?\d{0,3}(?:\s*/\s*\d{1,3})?\W*$")


def _tables_over_pages(lines: list[Line]) -> dict[tuple, tuple]:
    """(page, table) of each table that goes on from the foot of a page to the top of the next (only a
    page number between, as many cells a row) → (page, table) of its first part."""
    out: dict[tuple, tuple] = {}
    last: Line | None = None  # the table row read last, while only page marks follow it
    for line in lines:
        if not is_table_row(line) or line.prov.table is None:
            if not _PAGE_MARK.match(fold(line.text)):
                last = None
            continue
        key = (line.prov.page, line.prov.table)
        if last is not None:
            before = (last.prov.page, last.prov.table)
            if (
                key != before
                and last.prov.page is not None
                and line.prov.page is not None
                and line.prov.page == last.prov.page + 1
                and len(line.cells or []) == len(last.cells or [])
                and key not in out
            ):
                out[key] = out.get(before, before)
        last = line
    return out


def _table_groups(rows_in: list[Line]) -> list[list[Line]]:
    """Table rows grouped by table, a list over several pages as one: the next table repeats the
    header (its repeat left out), or goes on with the numbering."""
    tables: dict[object, list[Line]] = {}
    for line in rows_in:
        tables.setdefault(_table_key(line), []).append(line)
    groups: list[list[Line]] = []
    for rows in tables.values():
        if groups:
            prev = groups[-1]
            first = [prepare(c).strip() for c in rows[0].cells or []]
            index = re.match(r"^\s*(\d+)\.?\s*$", (rows[0].cells or [""])[0])
            last = re.match(r"^\s*(\d+)\.?\s*$", (prev[-1].cells or [""])[0])
            if first == [prepare(c).strip() for c in prev[0].cells or []]:
                prev.extend(rows[1:])
                continue
            if (
                index
                and last
                and int(index.group(1)) == int(last.group(1)) + 1
                and len(first) == len(prev[0].cells or [])
            ):
                prev.extend(rows)
                continue
        groups.append(list(rows))
    return groups


@dataclass
class _Table:
    """What is known about the table being read: its column roles and whether it is about cells."""

    key: object
    value_col: int | None = None
    # The column the header names as the rows' labels ("Nội dung"): when it stands after the value
    # column ("Kết quả | Nội dung"), each row's value comes before its label.
    label_col: int | None = None
    pct_col: int | None = None
    target_cols: tuple[int, ...] = ()
    scope: str | None = None
    caption: str | None = None  # the scope its caption line names ("Bảng 3. Chi bộ trực thuộc")
    width: int = 0  # cells in the header row
    # A header whose cells are figures' labels ("Phiếu phát ra | Phiếu thu về | … | Tán thành"): the
    # rows below hold one value per column. Column index → the matched phrase.
    label_cols: dict[int, str] | None = None
    pending_labels: dict[int, str] | None = None  # labels of a header row above (merged cells)
    # A label naming both sides of a fraction ("Đăng ký / đạt “bốn tốt”" over "16 / 15"): column -> the
    # field of the first side (label_cols holds the second's phrase).
    label_pairs: dict[int, str] = field(default_factory=dict)
    label_pct: dict[int, int] | None = None  # a "Tỷ lệ (%)" column → the labelled column it is the share of
    # A "Tổng số" column beside labelled level columns ("HTXSNV | … | Tổng số").
    label_total: int | None = None
    year_cols: bool = False  # a header of years ("Năm 2023 | Năm 2024"): value_col is the reported one
    # A header of periods ("Quý I | … | Quý IV | Cả năm"): value_col is the whole year, target_cols its parts.
    period_cols: bool = False
    level_rows: set[str] = field(default_factory=set)  # the rating levels its rows read
    # Columns the header names by a figure ("Thường kỳ | Chuyên đề | Tỷ lệ đảng viên dự (%)"), read
    # on the table's whole-year or total row.
    figure_cols: dict[int, tuple[str, str]] = field(default_factory=dict)  # column -> (field, kind)
    page: int | None = None  # the page of the row read last


class FigureReader:
    """Reads keyed figures line by line for one document; keeps the table header and section context."""

    def __init__(
        self,
        patterns: Patterns,
        doc_type: str,
        is_chi_bo: bool,
        ocr_pages: frozenset[int] = frozenset(),
        year: int | None = None,
    ) -> None:
        self.p = patterns
        self.year = year  # the year the document reports on, when its header says it
        self._row_years: dict[object, set[int]] = {}  # table → the years its rows are labelled with
        # Rows of tables comparing years (ids of lines): only the column or row of the reported year
        # holds its figures, which a sentence structure reading the row as text cannot tell.
        self.year_rows: set[int] = set()
        self.ocr_pages = ocr_pages  # lines on these pages may have damaged key phrases: match them loosely
        self.doc_type = doc_type
        self.is_chi_bo = is_chi_bo
        self.regex, by_key = patterns.matcher(doc_type)
        self.keys = sorted(by_key, key=len, reverse=True)
        # Each phrase without its spaces → the phrase: a heading cell whose words OCR glued together.
        self._glued = {re.sub(r"\W", "", k): k for k in self.keys}
        units = "|".join(re.escape(u) for u in sorted(patterns.units, key=len, reverse=True))
        # "mười một (11) đảng viên chính thức": a number in brackets right before its phrase.
        self._unit_gap = re.compile(rf"^\)?\s*{_IN_WORDS}?[\s:(\-–]*(?:(?:{units})[\s:]*)*$")
        self._unit_after = re.compile(rf"^\s*(?:{units})\b")
        self._zero_before = re.compile(
            r"(?:"
            + "|".join(re.escape(z) for z in self.p.zero_prefixes)
            + rf")\s+(?:(?:{units}|nao|ai)\s*,?\s*)*$"
        )
        self._zero_after = re.compile(r"^[\s:\-–]*(khong co|khong|chua co)\b(?!\s+(hoan|tan|dong|hop))")
        self._required: dict[tuple[str, ...], re.Pattern[str]] = {}
        self._column_figures = [
            (re.compile(r"(?<![a-z0-9])" + re.escape(k) + r"(?![a-z0-9])"), v)
            for k, v in patterns.column_figures.items()
        ]
        self._total_row = (
            re.compile(r"^\W*(?:" + "|".join(re.escape(t) for t in patterns.total_rows) + r")\W*$")
            if patterns.total_rows
            else None
        )
        self._score_unit = (
            re.compile(r"\s*(?:" + "|".join(re.escape(u) for u in patterns.score_units) + r")(?![a-z0-9])")
            if patterns.score_units
            else None
        )
        self._reference = (
            re.compile(
                r"(?<![a-z0-9])(?:" + "|".join(re.escape(w) for w in patterns.reference_words) + r")\s*$"
            )
            if patterns.reference_words
            else None
        )
        # "… cử Ban kiểm phiếu gồm 02": a number after "gồm" counts the noun before it when other words
        # than units and links ("Tổng số đảng viên toàn chi bộ gồm 18 đồng chí") stand between.
        self._count_head = (
            re.compile(
                r"^(.*?)(?<![a-z0-9])(?:" + "|".join(re.escape(w) for w in patterns.count_heads) + r")\W*$"
            )
            if patterns.count_heads
            else None
        )
        skip = sorted([*patterns.units, *patterns.count_head_links], key=len, reverse=True)
        self._count_head_skip = re.compile(
            r"(?<![a-z0-9])(?:" + "|".join(re.escape(w) for w in skip) + r")(?![a-z0-9])"
        )
        self._proposal = phrase_regex(patterns.proposal_rows) if patterns.proposal_rows else None
        # Tables (page, key) with a total row ("Cộng | 25 | 24 | …"), and tables with a row putting the
        # proposal to the vote: their other rows under label columns are parts or other questions.
        self._totalled: set[object] = set()
        self._voting: set[object] = set()
        self._whole: dict[tuple, tuple] = {}
        alts = "|".join(re.escape(t) for t in sorted(patterns.period_columns, key=len, reverse=True))
        # A period cell: its word, then a few characters (OCR may glue and garble them: "Quýli!", "QuýlIV").
        self._period_col = re.compile(rf"^\W*(?:{alts}).{{0,8}}$") if alts else None
        alts = "|".join(re.escape(t) for t in sorted(patterns.whole_year_columns, key=len, reverse=True))
        self._whole_year_col = re.compile(rf"^\W*(?:{alts})(?:\s+(?:nam\s+)?\d{{4}})?\W*$") if alts else None
        self._opener = (
            re.compile(r"^\W*(?:" + "|".join(re.escape(w) for w in patterns.block_openers) + r")\s*:")
            if patterns.block_openers
            else None
        )
        self.table: _Table | None = None
        self.section_scope: str | None = None
        self._caption: str | None = None  # the scope of the caption line just read, for the table below
        self._committee_before = False  # the sentence read last was about the committee and goes on

    # -- scope -------------------------------------------------------------------------
    def _scope_from_text(self, text: str) -> str | None:
        if _SUB_CONTEXT.search(text):
            return "subordinates"
        if _MEMBER_WORDS.search(text):
            return "members"
        return None

    def _field_for(self, rule: Rule, scope: str | None) -> str | None:
        if rule.scope:
            scope = scope or (self.table.scope if self.table else None) or self.section_scope or "members"
            if scope == "subordinates":
                return None if self.is_chi_bo else rule.sub_field
            return rule.field
        if rule.dang_bo_only and self.is_chi_bo:
            return None
        return rule.field

    # -- lines -------------------------------------------------------------------------
    def read(self, lines: list[Line], join: bool | frozenset[int] = False) -> Iterator[Hit]:
        """Hits from all lines; with ``join`` (PDF/OCR), a sentence wrapped over lines is read as one;
        a set of line ids (Word, extractors.text.wrapped_paragraphs) joins only those lines to the next."""
        if self.regex is None:
            return
        self._row_years = {}
        for line in lines:
            year = row_year(line) if is_table_row(line) else None
            if year is not None:
                self._row_years.setdefault(_table_key(line), set()).add(year)
        self._totalled, self._voting = set(), set()
        self._whole = _tables_over_pages(lines)
        for line in lines:
            if is_table_row(line) and line.prov.table is not None:
                label = self._row_label(line)
                where = self._where(line)
                if label is not None and self._total_row is not None and self._total_row.match(label):
                    self._totalled.add(where)
                if label is not None and self._proposal is not None and self._proposal.search(label):
                    self._voting.add(where)
        counted = self._name_lists(lines)
        for k, hits in self._tallies(lines).items():
            counted.setdefault(k, []).extend(hits)
        block: list[Line] = []
        for line in lines:
            if is_table_row(line):
                yield from self._flush(block)
                block = []
                self._committee_before = False
                yield from self._table_row(line)
                yield from counted.pop(id(line), [])
                continue
            # A sheet's last row of marks only ("07 | ✓ | |") is no row of figures, but its counts are.
            yield from counted.pop(id(line), [])
            self.table = None
            work = prepare(prose_text(line))
            # A table's caption ("Bảng 3. Chi bộ trực thuộc") names whose figures its rows are, when its
            # header does not ("Nội dung | Tổng số | HTXSNV | …").
            caption = _CAPTION_MARK.sub(lambda m: " " * len(m.group(0)), work)
            self._caption = (
                self._scope_from_text(caption)
                if len(caption) < 90 and not re.search(r"\d", caption)
                else None
            )
            if len(work) < 90 and not re.search(r"\d", work):
                scope = self._scope_from_text(work)
                if scope:
                    yield from self._flush(block)
                    block = []
                    self.section_scope = scope
            letters = re.sub(r"[\W\d_]", "", line.text)
            # A heading in capitals is never part of a sentence; a list item ("- ", "2.") starts one,
            # and may go on over the next lines until its full stop.
            if letters.isupper() or _LIST_START.match(line.text) or self._opens_block(line.text):
                yield from self._flush(block)
                block = []
            block.append(line)
            joins = join is True or (bool(join) and id(line) in join)  # type: ignore[operator]
            if not joins or letters.isupper() or re.search(r"[.;!?]\s*$", line.text):
                yield from self._flush(block)
                block = []
        yield from self._flush(block)

    def _opens_block(self, text: str) -> bool:
        """A line opening with one of patterns.yaml's block openers and a colon ("Kết quả: …")."""
        return self._opener is not None and self._opener.match(fold(text)) is not None

    def _name_lists(self, lines: list[Line]) -> dict[int, list[Hit]]:
        """Tables listing people or cells one a row with each one's rating ("STT | Họ và tên | Chức vụ |
        Mức xếp loại", "Tên chi bộ | Mức xếp loại | Công nhận bốn tốt"): the count of rows per level, who
        was rated and (cells) how many the bốn tốt column marks, as hits on the table's last row (id →
        hits). A row whose rating is not a level read makes the count unsure: that table gives nothing."""
        spec = self.p.name_list
        if not spec or self.regex is None:
            return {}
        names = re.compile(r"^\W*(?:" + "|".join(re.escape(x) for x in spec["name_columns"]) + r")\b")
        ratings = re.compile(r"^\W*(?:" + "|".join(re.escape(x) for x in spec["rating_columns"]) + r")\W*$")
        yes, no = set(spec.get("yes_marks", ())), set(spec.get("no_marks", ()))
        out: dict[int, list[Hit]] = {}
        for rows in _table_groups([ln for ln in lines if is_table_row(ln)]):
            head = [prepare(c).strip() for c in rows[0].cells or []]
            name_col = next((ci for ci, c in enumerate(head) if names.match(c)), None)
            rate_col = next((ci for ci, c in enumerate(head) if ratings.match(c)), None)
            if name_col is None or rate_col is None or re.search(r"\d", " ".join(head)):
                continue
            scope = "subordinates" if _SUB_WORDS.search(head[name_col]) else "members"
            mark_col = None
            for ci, c in enumerate(head):
                m = self.regex.search(c) if ci not in (name_col, rate_col) else None
                if (
                    m
                    and self._field_for(self.p.rule_for(m.group(1), self.doc_type), scope)
                    == "subordinates_bon_tot"
                ):
                    mark_col = ci
            counts: dict[str, int] = {}
            marked, sure, n = 0, True, 0
            for row in rows[1:]:
                cells = [self._repaired(row, prepare(c), need_digit=False) for c in row.cells or []]
                if (
                    len(cells) == len(head)
                    and self._total_row is not None
                    and self._total_row.match(cells[name_col])
                ):
                    break  # the list's total row ("Cộng | 168 | 11/12 HTTNV trở lên"): no one more
                if len(cells) != len(head) or not cells[name_col].strip():
                    sure = False
                    break
                ms = list(self.regex.finditer(cells[rate_col]))
                field = (
                    self._field_for(self.p.rule_for(ms[-1].group(1), self.doc_type), scope) if ms else None
                )
                if field not in _LEVELS:
                    sure = False
                    break
                counts[field] = counts.get(field, 0) + 1
                n += 1
                if mark_col is not None:
                    mark = re.sub(r"[^\w+✓✔\s-]", "", cells[mark_col]).strip()
                    if mark in yes:
                        marked += 1
                    elif mark not in no:
                        mark_col = None  # a mark not read: the column gives nothing
            if not sure or not n:
                continue
            for figure, group in _LEVELS_OF.items():
                if set(counts) <= group:
                    hits = [Hit(f, counts.get(f, 0), rows[-1]) for f in sorted(group)]
                    hits.append(Hit(figure, n, rows[-1]))
                    if mark_col is not None and figure == "subordinates_total":
                        hits.append(Hit("subordinates_bon_tot", marked, rows[-1]))
                    out[id(rows[-1])] = hits
        return out

    def _tallies(self, lines: list[Line]) -> dict[int, list[Hit]]:
        """Counting sheets, one row per ballot under a header of figures' labels ("Phiếu số | Tán thành
        | Không tán thành | Không hợp lệ", "07 | x | | "): each labelled column counts its marks, and the
        rows count the ballots (patterns.yaml ``tally``), as hits on the sheet's last row (id → hits). A
        total row ("Cộng | 12 | 1 | 0") is what the sheet states: it is read as such, and a column's
        marks only where they say otherwise. A row that is neither a numbered row of marks nor the total
        makes the count unsure: that sheet gives nothing."""
        spec = self.p.tally
        if not spec or self.regex is None:
            return {}
        row_head = re.compile(r"^\W*(?:" + "|".join(re.escape(x) for x in spec["row_columns"]) + r")\W*$")
        marks = {str(m) for m in spec["marks"]}
        out: dict[int, list[Hit]] = {}
        sheets = _table_groups([ln for ln in lines if ln.cells and ln.prov.table is not None])
        for rows in sheets:
            head = [prepare(c).strip() for c in rows[0].cells or []]
            labels = self._label_header(head) if head and row_head.match(head[0]) else None
            if not labels or 0 in labels or len(labels) < 2:
                continue
            counted = dict.fromkeys(labels, 0)
            n, sure, last, total = 0, True, None, None
            # OCR garbles a mark ("kệ" for "X") and may lose one: a short cell without digits is a mark
            # there, and the total row's counts, where it has them, stand over the marks.
            scanned = any(r.prov.page in self.ocr_pages for r in rows)
            for row in rows[1:]:
                cells = [prepare(c).strip() for c in row.cells or []]
                if len(cells) != len(head):
                    sure = False
                    break
                if self._total_row is not None and self._total_row.match(cells[0]):
                    total = row
                    break
                if not re.fullmatch(r"\d{1,3}\.?", cells[0]) or any(
                    cells[ci]
                    and cells[ci] not in marks
                    and not (scanned and len(cells[ci]) <= 3 and not re.search(r"\d", cells[ci]))
                    for ci in labels
                ):
                    sure = False
                    break
                n, last = n + 1, row
                for ci in labels:
                    counted[ci] += bool(cells[ci])
            if not sure or not n or not any(counted.values()):
                continue
            fields = {ci: self.p.rule_for(k, self.doc_type).field for ci, k in labels.items()}
            stated: dict[int, int] = {}
            if total is not None:
                cells = [prepare(c) for c in total.cells or []]
                for ci in labels:
                    nums = numbers(cells[ci])
                    if len(nums) == 1 and nums[0].value == int(nums[0].value):
                        stated[ci] = int(nums[0].value)
                out[id(total)] = [Hit(fields[ci], v, total) for ci, v in stated.items() if fields[ci]]
            hits = [
                Hit(fields[ci], c, last)
                for ci, c in counted.items()
                if fields[ci] and stated.get(ci) != c and not (scanned and ci in stated)
            ]
            hits.append(Hit(spec["rows_field"], n, last))
            invalid = next((ci for ci, f in fields.items() if f == spec["less_field"]), None)
            if invalid is not None:
                less = stated.get(invalid, counted[invalid])
                if 0 <= less <= n:
                    hits.append(Hit(spec["rows_less_field"], n - less, last))
            out.setdefault(id(last), []).extend(hits)
        return out

    def _repaired(self, line: Line, work: str, need_digit: bool = True) -> str:
        if line.prov.page not in self.ocr_pages or self.regex is None:
            return work
        return repair(work, self.keys, self.regex, need_digit)

    def _flush(self, block: list[Line]) -> Iterator[Hit]:
        if not block:
            return
        texts = [prose_text(ln) for ln in block]
        # Numbers said in words are read over the whole sentence: one may be cut by a line wrap.
        works = spell_lines(texts, [prepare(t, words=False) for t in texts])
        works = [self._repaired(ln, w) for ln, w in zip(block, works, strict=True)]
        starts, pos = [], 0
        for w in works:
            starts.append(pos)
            pos += len(w) + 1
        work = " ".join(works)
        yield from self._prose(block, starts, work)
        # A sentence about the committee that goes on after ";" on the next line ("Ban Chấp hành gồm
        # 9 đồng chí;" / "dự hội nghị có mặt 8/9 đồng chí"): its next clause is still about them.
        tail = work[max(work.rfind(". "), 0) :]
        self._committee_before = bool(re.search(r"[;,]\s*$", work)) and bool(_COMMITTEE.search(tail))

    def _prose(self, block: list[Line], starts: list[int], work: str) -> Iterator[Hit]:
        matches = list(self.regex.finditer(work))  # type: ignore[union-attr]
        line_scope = "subordinates" if _SUB_CONTEXT.search(work) else None
        for j, m in enumerate(matches):
            line = block[bisect_right(starts, m.start()) - 1]
            rule = self.p.rule_for(m.group(1), self.doc_type)
            prev_end = matches[j - 1].end() if j else 0
            next_start = matches[j + 1].start() if j + 1 < len(matches) else len(work)
            stops = [s.end() for s in _HARD_STOP.finditer(work, prev_end, m.start())]
            lo = max([prev_end, *stops])
            stop = _HARD_STOP.search(work, m.end(), next_start)
            hi = stop.start() if stop else next_start
            if rule.unless and self._vetoed(rule, work[lo:hi]):
                continue
            # A phrase read over a comma ("225 đảng viên, chính thức 216") is two clauses: the number
            # before it counts the words before the comma, not the phrase.
            lo_ = m.start() if "," in m.group(0) else lo
            found = self._value_in(work, lo_, m.start(), m.end(), hi, rule, after_phrase=lo == prev_end)
            if found is None:
                continue
            how, num, src = found
            scope = None
            if rule.scope:
                after = src[num.end : num.end + 25] if isinstance(num, Number) else ""
                before_gap = work[lo : m.start()]
                if _SUB_WORDS.match(after.strip()) or re.search(r"\bchi bo\s*$", before_gap):
                    scope = "subordinates"
                elif _MEMBER_WORDS.match(after.strip()) or re.search(
                    r"\b(dong chi|dang vien)\s*$", before_gap
                ):
                    scope = "members"
                else:
                    scope = line_scope
            name = self._field_for(rule, scope)
            offset = starts[bisect_right(starts, m.start()) - 1]
            if how == "zero":
                if name:
                    yield Hit(name, 0, line, m.start() - offset)
                continue
            k = bisect_right(starts, num.start) - 1
            at, at_start = block[k], starts[k]
            denominator = rule.denominator_field
            if denominator == "members_total":
                # "Ban Chấp hành Đảng bộ có 9 đồng chí; có mặt 9/9": the committee voted, so 9 is
                # its size, not the members'.
                sent_lo = max(work.rfind(". ", 0, m.start()), work.rfind("\n", 0, m.start())) + 1
                goes_on = sent_lo == 0 and self._committee_before and block[0].text[:1].islower()
                if goes_on or _COMMITTEE.search(work[sent_lo:hi]):
                    denominator = "committee_members"
            for h in self._emit(rule, name, num, line, src, hi, denominator):
                h.start, h.at = num.start - at_start, at
                yield h

    def _is_score(self, work: str, n: Number) -> bool:
        """The number is a score ("25/25 điểm"), its unit one of patterns.yaml's score units."""
        return self._score_unit is not None and self._score_unit.match(work, n.end) is not None

    def _is_reference(self, work: str, n: Number) -> bool:
        """The number is an item's ("ở nội dung 2"), after one of patterns.yaml's reference words."""
        return (
            self._reference is not None
            and self._reference.search(work, max(0, n.start - 20), n.start) is not None
        )

    def _value_in(
        self, work: str, lo: int, ks: int, ke: int, hi: int, rule: Rule, after_phrase: bool = True
    ) -> tuple | None:
        """``after_phrase``: ``lo`` is where the previous phrase ends, not a stop (a full stop, a semicolon)."""
        before = [
            n
            for n in numbers(work, lo, ks)
            if as_value(n, rule.kind) is not None
            and not self._is_score(work, n)
            and not self._is_reference(work, n)
        ]
        if before and rule.kind == "int":
            n = before[-1]
            # "phát ra: 10 phiếu thu về: 12": a number right after the previous phrase's colon is its value.
            # Only when this phrase has its own number right after it: in "Các chi bộ trực thuộc: 9/9 chi
            # bộ hoàn thành tốt nhiệm vụ trở lên (trong đó 02 …)" the 9/9 is this phrase's.
            own = next(iter(numbers(work, ke, hi)), None)
            # Only a phrase's colon claims it: in "Kết quả: 15 phiếu tán thành, chiếm 88,24%" the colon
            # after a sentence's opening word heads the sentence, and a share is not this phrase's count.
            claimed = (
                lo > 0
                and after_phrase
                and re.fullmatch(r"[^\d;.]{0,12}[:=]\s*", work[lo : n.start]) is not None
                and own is not None
                and as_value(own, rule.kind) is not None
                and re.fullmatch(r"[^\d(]{0,15}", work[ke : own.start]) is not None
                # "chi bộ trực thuộc: 02 HTXSNV, 12 HTTNV": the number after this phrase stands before
                # the next one and is its count; the list gives each level the number before it.
                and not self._leads_next(work, own)
            )
            # "hợp lệ 11 phiếu, không hợp lệ 0 phiếu": a number right after the previous phrase is its
            # value when this phrase has its own number after it, in the same order.
            claimed = claimed or (
                lo > 0
                and self._previous_reads(work, lo, n)
                and re.fullmatch(r"\s*", work[lo : n.start]) is not None
                and self._unit_gap.match(work[n.end : ks].replace(",", " ")) is not None
                and any(as_value(a, rule.kind) is not None for a in numbers(work, ke, hi)[:1])
            )
            # "Xếp loại 25 đảng viên: hoàn thành xuất sắc nhiệm vụ: 04": a count whose unit a colon
            # follows heads a list; it is the whole the list is about when this phrase has its own count.
            claimed = claimed or (
                ":" in work[n.end : ks]
                and own is not None
                and as_value(own, rule.kind) is not None
                and not _COMPARATOR.search(work[ke : own.start])
            )
            # "Đảng viên: 13 (chính thức 11, dự bị 02)": a bracket opened after the number breaks it down;
            # the phrase inside with its own number after it is a part, not the number before.
            claimed = claimed or (
                "(" in work[n.end : ks]
                and ")" not in work[n.end : ks]
                and own is not None
                and as_value(own, rule.kind) is not None
                and re.fullmatch(r"[\s:\-–]*", work[ke : own.start]) is not None
            )
            if not claimed and self._unit_gap.match(work[n.end : ks]) and self._unit_ok(work, n, rule):
                return ("num", n, work)
        if rule.zero and self._zero_before.search(work[lo:ks]):
            return ("zero", None, work)
        after = numbers(work, ke, hi)
        for n in after:
            if (
                re.search(r",|\bva\b", work[ke : n.start])
                and hi < len(work)
                and self.regex.match(work, hi)  # type: ignore[union-attr]
                and self._unit_gap.match(work[n.end : hi])
            ):
                break  # "…, 02 đồng chí hoàn thành nhiệm vụ": that number counts the next phrase
            gap = work[ke : n.start]
            # A dotted leader (blanked by prepare) or a wide space is one gap, however long.
            if len(re.sub(r"\s+", " ", gap)) > 45 or _COMPARATOR.search(gap[-12:]):
                continue
            head = self._count_head.match(gap) if self._count_head is not None else None
            if head is not None and re.search(r"[a-z]", self._count_head_skip.sub(" ", head.group(1))):
                break  # "nhất trí cử Ban kiểm phiếu gồm 02 đồng chí": 02 counts the board, not the votes
            if rule.kind == "pct" and not n.pct:
                continue
            if self._is_score(work, n):
                break  # the phrase names what is scored ("Tiêu chí 1 (… hoàn thành tốt nhiệm vụ …): 25/25 điểm")
            if as_value(n, rule.kind) is None or self._is_reference(work, n):
                continue
            if self._counts_next(work, n, hi, rule):
                break  # "trên tổng số 23 đảng viên chính thức": 23 counts the official members
            if self._unit_ok(work, n, rule):
                return ("num", n, work)
            break
        if rule.zero and self._zero_after.match(work[ke:hi]):
            return ("zero", None, work)
        return None

    def _leads_next(self, work: str, n: Number) -> bool:
        """The number stands right before a phrase (only unit words between) that ends its item: "12
        HTTNV," (not "12 phiếu thu về: 12", where the phrase after has its own value after a colon)."""
        m = self.regex.search(work, n.end)  # type: ignore[union-attr]
        return (
            m is not None
            and self._unit_gap.match(work[n.end : m.start()]) is not None
            and re.match(r"\s*(?:[,;.)]|$)", work[m.end() :]) is not None
        )

    def _counts_next(self, work: str, n: Number, hi: int, rule: Rule) -> bool:
        """The number is the count of the phrase right after it (only unit words between), another
        figure's, and that phrase has no number of its own in its clause: "tổng số 9 đồng chí ủy viên
        Ban Chấp hành" counts the committee, not the members."""
        m = self.regex.match(work, hi) if hi < len(work) else None  # type: ignore[union-attr]
        if m is None or not self._unit_gap.match(work[n.end : hi]):
            return False
        nxt = self.p.rule_for(m.group(1), self.doc_type)
        if nxt.field == rule.field or as_value(n, nxt.kind) is None:
            return False
        later = self.regex.search(work, m.end())  # type: ignore[union-attr]
        stop = _HARD_STOP.search(work, m.end(), later.start() if later else len(work))
        end = stop.start() if stop else (later.start() if later else len(work))
        own = [x for x in numbers(work, m.end(), end) if as_value(x, nxt.kind) is not None]
        if own and later is not None and end == later.start() and self._leads_next(work, own[-1]):
            # "02 HTXSNV, 12 HTTNV": a list whose counts come before their levels; the number right
            # before the phrase after is that phrase's, not this one's.
            own = own[:-1]
        return not [x for x in own if not (x.pct and nxt.kind == "int")]

    def _previous_reads(self, work: str, end: int, n: Number) -> bool:
        """The phrase that ends at ``end`` (the previous match) would read ``n`` as its own value."""
        for m in self.regex.finditer(work, max(0, end - 60), end):  # type: ignore[union-attr]
            if m.end() == end:
                prev = self.p.rule_for(m.group(1), self.doc_type)
                return as_value(n, prev.kind) is not None and self._unit_ok(work, n, prev)
        return False

    def _vetoed(self, rule: Rule, text: str) -> bool:
        if rule.unless not in self._required:
            self._required[rule.unless] = phrase_regex(list(rule.unless))
        return bool(self._required[rule.unless].search(text))

    def _unit_ok(self, work: str, n: Number, rule: Rule) -> bool:
        if not rule.require_unit:
            return True
        if rule.require_unit not in self._required:
            self._required[rule.require_unit] = phrase_regex(list(rule.require_unit))
        after = work[n.end :].lstrip(" (")
        if self._required[rule.require_unit].match(after):
            return True
        # OCR damaged the unit word but the breakdown after it shows a member count:
        # "129 Tế viên (122 đảng viên chính thức, 07 đảng viên dự bị)".
        return "dang vien" in rule.require_unit and bool(_MEMBER_BREAKDOWN.match(after))

    def _emit(
        self,
        rule: Rule,
        name: str | None,
        num: Number,
        line: Line,
        work: str,
        hi: int,
        denominator: str | None = None,
    ) -> Iterator[Hit]:
        denominator = denominator or rule.denominator_field
        value = as_value(num, rule.kind)
        if rule.on_fraction == "denominator" and num.den is not None:
            value = num.den  # "15/16 đảng viên chính thức đồng ý": 16 are official
        if name and value is not None:
            yield Hit(name, value, line)
        if rule.kind == "int" and name:
            if num.den is not None and denominator and rule.on_fraction != "denominator":
                yield Hit(denominator, num.den, line)
            if rule.pct_field:
                pct = next((n for n in numbers(work, num.end, hi) if n.pct), None)
                if pct is not None:
                    yield Hit(rule.pct_field, round(pct.value, 2), line)

    # -- tables ------------------------------------------------------------------------
    def _other_year(self, line: Line) -> bool:
        """A row of a table comparing years that is not the year reported on: the document's year
        when a row has it, else the latest (last year's figures are there to compare with)."""
        year = row_year(line)
        years = self._row_years.get(_table_key(line), set())
        if year is not None and self.year is not None and self.year not in years and max(years) < self.year:
            return True  # a table of earlier years only ("Năm | HTXSNV | …" for 2022, 2023), to compare
        if year is None or len(years) < 2:
            return False
        return year != (self.year if self.year in years else max(years))

    def _table_row(self, line: Line) -> Iterator[Hit]:
        key = _table_key(line)
        if self._other_year(line):
            return
        raw = line.cells or []
        cells = [prepare(c) for c in raw]
        if (
            line.prov.page in self.ocr_pages
            and re.search(r"\d", line.text)
            and not any(self.regex.search(c) for c in cells)  # type: ignore[union-attr]
        ):
            cells = [self._repaired(line, c, need_digit=False) for c in cells]
        # OCR specks read as a first cell (":", "_") are no column: they would shift every index.
        while len(cells) > 1 and _speck(raw[len(raw) - len(cells)]):
            cells = cells[1:]
        # The column roles and merged header labels the table model gave this row (extractors.tables),
        # aligned with ``cells``; None when the row is not a table body row of the model.
        model = _model_columns(line, len(raw), len(cells))
        raw = raw[len(raw) - len(cells) :]
        if self.table is None or self.table.key != key:
            before = self.table  # the table of the row read just before, if no other text stands between
            if (
                before is not None
                and before.page is not None
                and line.prov.page is not None
                and (line.prov.page > before.page or line.prov.table is None)
                and (before.width or before.label_cols)
                and len(cells) <= max(before.width, len(before.label_cols or {}))
            ):
                # A table that goes on over a page ("… | 11 | …" at the foot, "12 | …" and "Cộng | …" at
                # the top of the next), or a row its grid missed right under it: its rows keep the
                # columns the header above named, even where the reader lost the link (a new table, or
                # a row of no table).
                self.table = replace(before, key=key)
            else:
                self.table = _Table(key=key, scope=self._caption, caption=self._caption)
        self._caption = None
        self.table.page = line.prov.page
        if self._year_header(raw):
            self.table.year_cols = True
            return
        if self._period_header([fold(c).strip() for c in raw]):  # raw: "Cả năm 2024" keeps its year
            return
        required = any(ci < len(cells) and numbers(cells[ci]) for ci in self.table.target_cols)
        if self.table.year_cols or row_year(line) is not None or required:
            # Which cell is the figure is the columns' to say (the reported year's, the whole year's,
            # what was done beside what was required), not a reading of the row as a sentence.
            self.year_rows.add(id(line))
        by_header = self._levels_by_header(line, cells)
        if by_header is not None:
            yield from self._values_under_labels(line, cells, *by_header)
            return
        labels = self._label_header(cells)
        if labels is not None and len(labels) >= 2:
            merged = {**(self.table.pending_labels or {}), **labels}
            self.table.label_cols = dict(sorted(merged.items()))
            self.table.label_pairs.update(self._pair_labels(cells, labels))
            self.table.width = len(cells)  # its rows on the next page keep these columns
            if any(self.p.rule_for(k, self.doc_type).field == "subordinates_total" for k in merged.values()):
                # "Khối | Số chi bộ | HTXSNV | …": a table counting cells rates cells at each level.
                self.table.scope = "subordinates"
            self.table.label_pct = {
                ci: ci - 1
                for ci, c in enumerate(cells)
                if _PCT_COL.search(c) and ci - 1 in merged and ci not in merged
            }
            self.table.label_total = next(
                (
                    ci
                    for ci, c in enumerate(cells)
                    if self._total_row is not None and self._total_row.match(c)
                ),
                None,
            )
            return
        if labels is not None and len(labels) == 1 and _HEADER_WORDS.search(" ".join(cells)):
            self.table.pending_labels = (
                labels  # a heading row: "Có quyền biểu quyết | Số phiếu | … | Kết quả"
            )
        # The row putting the proposal to the vote is read under the labels, whatever its question
        # names ("… công nhận Đảng bộ cơ sở …").
        proposal = self._proposal_row(line)
        # A row of shares may name their base by a figure's phrase ("Tỷ lệ (%) so với số phiếu hợp lệ").
        shares = bool(self.table.label_cols) and bool(
            _PCT_COL.search(" ".join(cells[: min(self.table.label_cols or {0: ""})]))
        )
        if self.table.label_cols and (proposal or shares or not any(self.regex.search(c) for c in cells)):  # type: ignore[union-attr]
            if not self._part_row(line):
                # A row label naming whose figures they are ("Đảng viên") says their scope over the section's.
                first = min(self.table.label_cols)
                label = " ".join(c for c in cells[:first] if not _INDEX_CELL.match(c))
                if _PCT_COL.search(label):
                    # A row of shares under the figures' labels ("Tỷ lệ (%) | 100 | 100 | …" below "Số
                    # phiếu | 17 | 17 | …"): each is the share of its column's figure, never a count.
                    yield from self._shares_under_labels(
                        line, cells, self.table.label_cols, share_base(label)
                    )
                    return
                scope = self._scope_from_text(label)
                yield from self._values_under_labels(line, cells, self.table.label_cols, scope)
            return
        row_scope = self._scope_row(cells, self.table.label_cols) if self.table.label_cols else None
        if row_scope is not None:
            # "Chi bộ trực thuộc | 13 | 3 | 10 | 0 | 0" under "Đối tượng | Tổng số | HTXSNV | …": the label
            # names whose levels the row counts (the cells, or the members), not a figure of its own.
            # Only the level columns are rated; a "Tổng số" column counts who was rated.
            t = self.table
            levels = {ci: k for ci, k in t.label_cols.items() if self.p.rule_for(k, self.doc_type).scope}
            total = t.label_total
            if total is None:
                total = next(
                    (ci for ci, k in t.label_cols.items() if ci not in levels and self._counts_rated(k)), None
                )
            yield from self._values_under_labels(line, cells, levels, row_scope, t.label_pct or {}, total)
            return
        if self._is_header(cells):
            self._read_header(cells)
            return
        junk = [i for i, c in enumerate(raw) if _speck(c)]
        if (
            model is None
            and self.table.width
            and len(cells) > self.table.width
            and len(cells) - len(junk) >= self.table.width
        ):
            # More cells than the header: OCR specks split off as cells ("_" between label and value).
            # (Not in a row of the table model: its columns are known, a "-" there is a cell.)
            drop = set(junk[: len(cells) - self.table.width])
            cells = [c for i, c in enumerate(cells) if i not in drop]
        label_idx = None
        for ci, cell in enumerate(cells):
            if _INDEX_CELL.match(cell) or not cell.strip():
                continue
            # A total row under rating levels or figure columns ("Tổng cộng" also keys members_total
            # in a sentence: "… tổng cộng: 13 đồng chí").
            total = self._total_row is not None and self._total_row.match(cell)
            if total and (self.table.level_rows or self.table.figure_cols or self._header_figures(line)):
                yield from self._total_of_levels(line, cells, ci)
                return
            if self.regex.search(cell):  # type: ignore[union-attr]
                label_idx = ci
                break
            if total:
                yield from self._total_of_levels(line, cells, ci)
                return
        if label_idx is None or (self.table.label_cols and self._part_row(line)):
            return
        if any(len(c) > 40 and numbers(c) and self.regex.search(c) for c in cells[label_idx:]):  # type: ignore[union-attr]
            # A cell is a sentence with its own figures and phrases ("Đánh giá chi bộ trực thuộc" |
            # "02/10 chi bộ hoàn thành xuất sắc nhiệm vụ, 8/10 hoàn thành tốt nhiệm vụ …"): read the
            # row as prose, its label giving the sentence's subject.
            yield from self._prose([line], [0], self._repaired(line, prepare(" | ".join(raw))))
            return
        ms = list(self.regex.finditer(cells[label_idx]))  # type: ignore[union-attr]
        rule = self.p.rule_for(ms[-1].group(1), self.doc_type)
        share_of = None  # "Tỷ lệ tán thành/có quyền biểu quyết": the share of the first figure, on the last
        if len(ms) > 1 and _PCT_COL.search(cells[label_idx][: ms[0].start()]):
            first = self.p.rule_for(ms[0].group(1), self.doc_type)
            between = cells[label_idx][ms[0].end() : ms[-1].start()]
            if first.pct_field and re.fullmatch(r"\s*(?:/|so voi|tren(?: tong so)?)\s*", between):
                share_of = rule.field
                rule = first
        pair_den = None  # "Đạt bốn tốt / đăng ký | 12/14": the label names both sides of the fraction
        if len(ms) > 1 and share_of is None:
            between = cells[label_idx][ms[0].end() : ms[-1].start()]
            second = rule
            first = self.p.rule_for(ms[0].group(1), self.doc_type)
            if (
                re.fullmatch(r"[\s\W]*/[\s\W]*", between)
                and first.kind == second.kind == "int"
                and first.field
                and second.field
                and first.field != second.field
            ):
                rule, pair_den = first, second.field
        scope = self._scope_from_text(cells[label_idx]) if rule.scope else None
        if scope == "members" and self.table.scope == "subordinates":
            scope = "subordinates"
        name = self._field_for(rule, scope)
        if name is None or (rule.unless and self._vetoed(rule, cells[label_idx])):
            return
        value_cells = [(ci, c) for ci, c in enumerate(cells) if ci > label_idx]
        t = self.table
        value_first = (
            t.value_col is not None and t.label_col is not None and t.value_col < t.label_col == label_idx
        )
        if not value_cells and not value_first:
            return
        chosen = None
        if model is not None and self._by_model(model, label_idx, cells) is not None:
            # The merged header ("Số lượng" over "Đồng chí | Phiếu") splits the count over several
            # columns; this row's figure is in the one that applies to it ("-" in the others).
            chosen = self._by_model(model, label_idx, cells)
        elif (
            t.value_col is not None and t.value_col < len(cells) and (t.value_col > label_idx or value_first)
        ):
            chosen = (t.value_col, cells[t.value_col])
            if t.period_cols and rule.kind != "pct" and not numbers(chosen[1]):
                # The whole-year cell left blank (or lost to OCR): a count is the sum of its periods,
                # when every period cell holds one whole number.
                parts = [numbers(cells[ci]) for ci in t.target_cols if ci < len(cells)]
                values = [as_value(n[0], "int") for n in parts if len(n) == 1]
                if len(values) == len(t.target_cols) and all(isinstance(v, int) for v in values):
                    chosen = (t.value_col, str(sum(values)))  # type: ignore[arg-type]
        else:
            for ci, c in value_cells:
                if ci in t.target_cols or ci == t.pct_col or _COMPARATOR.search(c):
                    continue
                if numbers(c) or _ZERO_CELL.match(c):
                    chosen = (ci, c)
                    break
        if rule.kind == "pct":
            candidates = [chosen] if chosen else []
            if t.pct_col is not None and t.pct_col < len(cells):
                candidates.append((t.pct_col, cells[t.pct_col]))
            # A label that states its unit ("Tỷ lệ đảng viên dự (%)"): the figures of its row are shares.
            # So does a unit column beside it ("Tỷ lệ … | % | 89,2" under "Chỉ tiêu | Đơn vị tính | Số liệu").
            in_pct = "%" in cells[label_idx] or any(c.strip() == "%" for c in cells[label_idx + 1 :])
            for ci, c in candidates:
                nums = [n for n in numbers(c) if n.pct or ci == t.pct_col or in_pct]
                if nums and not _COMPARATOR.search(c):
                    yield Hit(name, round(nums[0].value, 2), line)
                    return
            return
        if chosen is None:
            return
        ci, c = chosen
        if name in _LEVELS:
            t.level_rows.add(name)
        if _ZERO_CELL.match(c) and (rule.zero or c.strip() == "0"):
            yield Hit(name, 0, line)
            return
        nums = numbers(c)
        if not nums:
            return
        if rule.pct_field and nums[0].pct and len(nums) == 1 and _PCT_COL.search(cells[label_idx]):
            # "Tỷ lệ tán thành | 81,82%": the row's label names the share of the figure, not its count.
            yield Hit(rule.pct_field, round(nums[0].value, 2), line)
            if share_of is not None:
                yield Hit(rule.pct_field + "_base", share_of, line)
            return
        if pair_den is not None and nums[0].den is None:
            return  # one figure under a label naming two: whose it is cannot be told
        yield from self._emit(rule, name, nums[0], line, c, len(c), pair_den)
        if rule.pct_field and model is not None and "pct" in model[0]:
            if not any(n.pct for n in numbers(c)):  # "12 (92,3%)": the share was read with the count
                yield from self._model_share(rule.pct_field, model, cells, line)
            return
        if rule.pct_field and t.pct_col is not None and t.pct_col < len(cells) and t.pct_col != ci:
            pn = numbers(cells[t.pct_col])
            if pn and not any(n.pct for n in numbers(c)):
                yield Hit(rule.pct_field, round(pn[0].value, 2), line)

    def _row_label(self, line: Line) -> str | None:
        """The row's label: its first cell with words that is not an index ("Tổ 1", "Cộng"); None for
        a row of no figures (a header)."""
        cells = [prepare(c) for c in line.cells or []]
        if not any(numbers(c) for c in cells):
            return None
        for c in cells:
            if re.search(r"[a-z]", c) and not _INDEX_CELL.match(c):
                return c
        return None

    def _where(self, line: Line) -> object:
        """The table a row belongs to, a table that goes on over a page break counted as one."""
        key = (line.prov.page, line.prov.table)
        return self._whole.get(key, key)

    def _proposal_row(self, line: Line) -> bool:
        """The row of a table of questions voted on whose question is the proposal of recognition."""
        label = self._row_label(line) if self._where(line) in self._voting else None
        return label is not None and self._proposal is not None and self._proposal.search(label) is not None

    def _part_row(self, line: Line) -> bool:
        """A row under label columns that is not the unit's own: a group's ("Tổ 1 | 9 | 8 | …") in a
        table with a total row ("Cộng"), or another question's ("Thông qua phiếu tự đánh giá | 19 | 0")
        in a table that also puts the proposal of recognition to the vote."""
        where = self._where(line)
        label = self._row_label(line)
        if label is None or line.prov.table is None:
            return False
        if where in self._totalled and not (self._total_row is not None and self._total_row.match(label)):
            return True
        return where in self._voting and not (self._proposal is not None and self._proposal.search(label))

    def _by_model(self, model: tuple[list[str], list[str]], label_idx: int, cells: list[str]) -> tuple | None:
        """The cell of this row's count by the table model's roles, when its header has several count
        columns ("Số lượng" merged over "Đồng chí | Phiếu"): the first after the label that holds a
        figure or a zero; a dash or a blank there means the column does not apply to the row."""
        roles, _ = model
        counts = [ci for ci in range(label_idx + 1, len(cells)) if roles[ci] == "result"]
        if len(counts) < 2:
            return None
        for ci in counts:
            c = cells[ci]
            if _NOT_APPLICABLE.match(c):
                continue
            if (numbers(c) or _ZERO_CELL.match(c)) and not _COMPARATOR.search(c):
                return (ci, c)
        return None

    def _model_share(
        self, pct_field: str, model: tuple[list[str], list[str]], cells: list[str], line: Line
    ) -> Iterator[Hit]:
        """The share stated beside a count in the model's percentage columns: the first that holds one,
        with the base its header names ("Tỷ lệ (%) so với số phiếu hợp lệ" → ballots_valid)."""
        roles, header = model
        for ci, role in enumerate(roles):
            if role != "pct" or ci >= len(cells) or _NOT_APPLICABLE.match(cells[ci]):
                continue
            nums = numbers(cells[ci])
            if not nums:
                continue
            yield Hit(pct_field, round(nums[0].value, 2), line)
            base = share_base(header[ci])
            if base is not None:
                yield Hit(pct_field + "_base", base, line)
            return

    def _year_header(self, raw: list[str]) -> bool:
        """A header whose columns are years ("Mức xếp loại | Năm 2023 | Năm 2024"): values are read in
        the column of the year reported on (else the latest), the other years' are the comparison."""
        folded = [fold(c).strip() for c in raw]
        years = {ci: int(m.group(1)) for ci, c in enumerate(folded) if ci and (m := _YEAR_CELL.match(c))}
        others = [c for ci, c in enumerate(folded) if ci not in years]
        if len(years) < 2 or any(re.search(r"\d", c) for c in others):
            return False
        want = self.year if self.year in years.values() else max(years.values())
        t = self.table
        assert t is not None
        t.value_col = next(ci for ci, y in years.items() if y == want)
        t.target_cols = tuple(ci for ci in years if ci != t.value_col)
        t.pct_col = next((ci for ci, c in enumerate(folded) if _PCT_COL.search(c)), None)
        t.width = len(raw)
        t.scope = (
            self._scope_from_text(" ".join(folded)) if _SUB_WORDS.search(" ".join(folded)) else t.caption
        )
        return True

    def _period_header(self, cells: list[str]) -> bool:
        """A header whose columns are periods of the year with one whole-year column ("Nội dung | Quý I |
        … | Quý IV | Cả năm", "6 tháng đầu năm | 6 tháng cuối năm | Tổng cộng"): each row's figure is the
        whole-year cell; the periods are its parts, never the figure."""
        if self._period_col is None or self._whole_year_col is None:
            return False
        periods = [ci for ci, c in enumerate(cells) if ci and self._period_col.match(c.strip())]
        whole = [ci for ci, c in enumerate(cells) if ci and self._whole_year_col.match(c.strip())]
        rest = [c for ci, c in enumerate(cells) if ci not in periods and ci not in whole]
        if len(periods) < 2 or len(whole) != 1 or any(re.search(r"\d", c) for c in rest):
            return False
        t = self.table
        assert t is not None
        t.value_col, t.pct_col = whole[0], None
        t.target_cols = tuple(periods)
        t.period_cols = True
        t.figure_cols = {}
        t.width = len(cells)
        joined = " ".join(cells)
        t.scope = self._scope_from_text(joined) if _SUB_WORDS.search(joined) else t.caption
        return True

    def _scope_row(self, cells: list[str], labels: dict[int, str]) -> str | None:
        """The scope a row's label names when its phrases stand only left of the labelled level columns
        ("Chi bộ trực thuộc" before "HTXSNV | HTTNV | …"); None otherwise."""
        first = min(labels)
        if not any(self.p.rule_for(k, self.doc_type).field in _LEVELS for k in labels.values()):
            return None
        if any(self.regex.search(c) for c in cells[first:]):  # type: ignore[union-attr]
            return None
        label = " ".join(c for c in cells[:first] if not _INDEX_CELL.match(c))
        return self._scope_from_text(label) if label.strip() else None

    def _pair_labels(self, cells: list[str], labels: dict[int, str]) -> dict[int, str]:
        """The labelled columns whose label names two figures split by a slash ("Đăng ký / đạt", "Có mặt
        / tổng số"): column -> the first figure's field, the value before the slash being its."""
        out = {}
        for ci in labels:
            ms = list(self.regex.finditer(cells[ci]))  # type: ignore[union-attr]
            if len(ms) < 2 or not re.fullmatch(r"[\s\W]*/[\s\W]*", cells[ci][ms[0].end() : ms[-1].start()]):
                continue
            first = self.p.rule_for(ms[0].group(1), self.doc_type)
            second = self.p.rule_for(ms[-1].group(1), self.doc_type)
            if (
                first.kind == second.kind == "int"
                and first.field
                and second.field
                and first.field != second.field
            ):
                out[ci] = ms[0].group(1)
        return out

    def _label_header(self, cells: list[str]) -> dict[int, str] | None:
        """Column labels: a row without numbers whose cells (but an index, a share column or a group
        heading) are mostly one short phrase of a figure each; a row with one such label is returned too
        (the first row of a two-row header)."""
        if re.search(r"\d", " ".join(cells)):
            return None
        if any(phrase.search(c) for c in cells for phrase, _ in self._column_figures):
            return None  # "Quý | Thường kỳ | Chuyên đề | …": figures by period, read on the total row
        out: dict[int, str] = {}
        others = 0  # cells that should be labels
        for ci, c in enumerate(cells):
            text = c.strip()
            if not text or re.fullmatch(r"s?tt|noi dung|[ivx]+", text):
                continue
            heading = _HEADER_WORDS.search(text) and not self.regex.search(text)  # type: ignore[union-attr]
            if (_PCT_COL.search(text) or heading) and len(text) <= 20:
                continue  # a share column or a group heading ("Số phiếu", "Kết quả")
            ms = list(self.regex.finditer(text)) if len(text) <= 45 else []  # type: ignore[union-attr]
            if not ms and (glued := self._glued.get(re.sub(r"[\W_]", "", text))) is not None:
                # OCR glued the words of a short heading ("Phátra" for "Phát ra"): the whole cell, its
                # spaces aside, is one phrase.
                ms = list(self.regex.finditer(glued))  # type: ignore[union-attr]
                text = glued
            rest = self.regex.sub(" ", text) if ms else text  # type: ignore[union-attr]
            short = len(re.sub(r"\b(so|tong so|phieu|dong chi|dang vien)\b|\W", "", rest)) <= 3
            # "Ủy viên BCH có quyền biểu quyết": a label that ends with its phrase
            ends = bool(ms) and not text[ms[-1].end() :].strip(" :.()")
            others += 1
            if not ms or not (short or ends):
                continue  # not a label (or one OCR damaged): its column stays unread
            # "Đảng viên chính thức có quyền biểu quyết": the last phrase names the figure
            out[ci] = ms[-1].group(1)
        if 2 * len(out) < others:
            return None  # most cells are something else: not a row of labels
        return out or None

    def _levels_by_header(
        self, line: Line, cells: list[str]
    ) -> tuple[dict[int, str], str | None, dict[int, int], int | None] | None:
        """A body row of a table whose header, merged per column by the table model (``Line.header``),
        names a rating level over each column, the lowest header row saying which of a level's columns
        is the count and which the share ("Kết quả xếp loại" over "HTXSNV | HTTNV | …" over "SL | %"):
        the labelled columns, the row's scope from its label cell ("Đảng viên" / "Chi bộ trực thuộc"), the
        share columns (→ the count column of their level) and the column of who was rated ("Tổng số").
        None when the header names fewer than two levels, or no share column beside them (a one-row
        header of levels, read by ``_label_header``)."""
        heads = line.header
        if not heads or len(heads) != len(cells) or self.regex is None:
            return None
        roles = line.roles or []
        counts: dict[int, str] = {}  # column -> the level phrase over it
        shares: dict[int, str] = {}
        rest: list[int] = []
        for ci, head in enumerate(heads):
            work = prepare(head)
            ms = [
                m
                for m in self.regex.finditer(work)
                if self.p.rule_for(m.group(1), self.doc_type).field in _LEVELS
            ]
            if not ms:
                rest.append(ci)
            elif (ci < len(roles) and roles[ci] == "pct") or _PCT_COL.search(work[ms[-1].end() :]):
                shares[ci] = ms[-1].group(1)
            else:
                counts[ci] = ms[-1].group(1)
        named = {self.p.rule_for(k, self.doc_type).field for k in counts.values()}
        if len(named) < 2 or not shares:
            return None
        field_of = {ci: self.p.rule_for(k, self.doc_type).field for ci, k in counts.items()}
        pct_of = {
            ci: next(c for c, f in field_of.items() if f == self.p.rule_for(k, self.doc_type).field)
            for ci, k in shares.items()
            if self.p.rule_for(k, self.doc_type).field in named
        }
        total_col = next((ci for ci in rest if self._counts_rated(heads[ci]) and numbers(cells[ci])), None)
        label = " ".join(cells[ci] for ci in rest if ci != total_col)
        return counts, self._scope_from_text(label), pct_of, total_col

    def _counts_rated(self, head: str) -> bool:
        """A column header that names who was rated: a total ("Tổng số") or a figure of those rated
        ("Số đảng viên được đánh giá", "Tổng số chi bộ")."""
        work = prepare(head)
        if self._total_row is not None and self._total_row.match(work):
            return True
        return any(
            self.p.rule_for(m.group(1), self.doc_type).field in _RATED
            for m in self.regex.finditer(work)  # type: ignore[union-attr]
        )

    def _values_under_labels(
        self,
        line: Line,
        cells: list[str],
        labels: dict[int, str],
        scope: str | None = None,
        pct_of: dict[int, int] | None = None,
        total_col: int | None = None,
    ) -> Iterator[Hit]:
        """The values of a row under a header of figures' labels, one a column; ``scope``, ``pct_of`` and
        ``total_col`` when the row says them (see ``_levels_by_header``), else the table's."""
        t = self.table
        assert t is not None
        if pct_of is None:
            pct_of, total_col = t.label_pct or {}, t.label_total
        levels: dict[str, object] = {}  # rating level → its count in this row
        garbled: dict[str, str] = {}  # rating level → its cell, when OCR garbled the digits
        for ci, key in labels.items():
            if ci >= len(cells):
                continue
            rule = self.p.rule_for(key, self.doc_type)
            name = self._field_for(rule, scope)
            c = cells[ci]
            if name is None or (rule.unless and self._vetoed(rule, key)):
                continue
            if rule.require_unit and name in _RATED and (scope or t.scope) == "subordinates":
                # A bare "Tổng số" over a table of cells counts the cells, not the members.
                continue
            # A dash alone under a rating level: nobody at that level.
            if (_ZERO_CELL.match(c) and (rule.zero or c.strip() == "0")) or (
                name in _LEVELS and _DASH_CELL.match(c)
            ):
                levels[name] = 0
                yield Hit(name, 0, line)
                continue
            if name in _LEVELS and (_GARBLED.search(c) or not c.strip()):
                # OCR garbled the digits or lost the cell: read from the row's total below, or not at all.
                garbled[name] = c
                continue
            nums = [n for n in numbers(c) if as_value(n, rule.kind) is not None]
            if ci in t.label_pairs:
                # "16 / 15" under "Đăng ký / đạt": the first side is the first figure's, the second the
                # other's; one figure alone cannot be told whose it is.
                first = self.p.rule_for(t.label_pairs[ci], self.doc_type)
                first_name = self._field_for(first, scope)
                if nums and nums[0].den is not None and first_name and not _COMPARATOR.search(c):
                    yield from self._emit(first, first_name, nums[0], line, c, len(c), name)
                continue
            if nums and not _COMPARATOR.search(c):
                levels[name] = as_value(nums[0], rule.kind)
                yield from self._emit(rule, name, nums[0], line, c, len(c))
                pct_col = next((p for p, of in pct_of.items() if of == ci), None)
                if rule.pct_field and pct_col is not None and pct_col < len(cells):
                    shares = numbers(cells[pct_col])
                    if shares:
                        yield Hit(rule.pct_field, round(shares[0].value, 2), line)
        yield from self._row_total(line, cells, levels, garbled, total_col)

    def _shares_under_labels(
        self, line: Line, cells: list[str], labels: dict[int, str], base: str | None = None
    ) -> Iterator[Hit]:
        """A row of shares under a header of figures' labels: the share of each figure that has one
        (votes_for → votes_for_pct), with the ``base`` the row's label names ("Tỷ lệ so với số phiếu hợp
        lệ"); the other columns' shares are no figure of ours."""
        for ci, key in labels.items():
            rule = self.p.rule_for(key, self.doc_type)
            if ci >= len(cells) or not rule.pct_field or (rule.unless and self._vetoed(rule, key)):
                continue
            nums = numbers(cells[ci])
            if len(nums) == 1 and not _COMPARATOR.search(cells[ci]):
                yield Hit(rule.pct_field, round(nums[0].value, 2), line)
                if base is not None:
                    yield Hit(rule.pct_field + "_base", base, line)

    def _row_total(
        self,
        line: Line,
        cells: list[str],
        levels: dict[str, object],
        garbled: dict[str, str],
        total_col: int | None,
    ) -> Iterator[Hit]:
        """A row of level columns with a "Tổng số" column ("2024 | 03 | 17 | 01 | 0 | 21"): the total is
        who was rated; one level OCR garbled ("1?") is the total less the others, when its legible
        digits agree."""
        if total_col is None or total_col >= len(cells):
            return
        nums = numbers(cells[total_col])
        total = as_value(nums[0], "int") if len(nums) == 1 else None
        if not isinstance(total, int):
            return
        for figure, group in _LEVELS_OF.items():
            if not group <= set(levels) | set(garbled):
                continue
            yield Hit(figure, total, line)
            if len(garbled.keys() & group) != 1:
                continue
            (name,) = garbled.keys() & group
            rest = total - sum(int(levels[k]) for k in group - {name})  # type: ignore[call-overload]
            legible = re.match(r"\s*(\d*)", garbled[name]).group(1)  # type: ignore[union-attr]
            if rest >= 0 and str(rest).startswith(legible.lstrip("0")):
                yield Hit(name, rest, line)

    def _total_of_levels(self, line: Line, cells: list[str], label_idx: int) -> Iterator[Hit]:
        """A total row ("Cộng", "Tổng cộng") under rows of every rating level of one scope: who was
        rated, members or subordinate cells; under other rows it is no figure of ours."""
        t = self.table
        assert t is not None
        # The header rows not read as one (no heading word, or several rows): the table model's
        # merged label of each column names its figure.
        figure_cols = t.figure_cols or (
            self._header_figures(line) if len(line.header or ()) == len(cells) else {}
        )
        for ci, (name, kind) in figure_cols.items():
            nums = numbers(cells[ci]) if label_idx < ci < len(cells) else []
            if nums:
                value = round(nums[0].value, 2) if kind == "pct" else as_value(nums[0], "int")
                if value is not None:
                    yield Hit(name, value, line)
        for figure, levels in _LEVELS_OF.items():
            if not levels <= t.level_rows:
                continue
            ci = t.value_col if t.value_col is not None and t.value_col > label_idx else None
            if ci is None:
                ci = next(
                    (i for i in range(label_idx + 1, len(cells)) if i != t.pct_col and numbers(cells[i])),
                    None,
                )
            nums = numbers(cells[ci]) if ci is not None and ci < len(cells) else []
            if nums and as_value(nums[0], "int") is not None:
                yield Hit(figure, as_value(nums[0], "int"), line)

    def _figure_cols(self, cells: list[str]) -> dict[int, tuple[str, str]]:
        """Columns a header names by a figure ("Sinh hoạt thường kỳ (ngày)", "Chuyên đề"): column ->
        (field, kind), read on the table's total row."""
        out: dict[int, tuple[str, str]] = {}
        for ci, c in enumerate(cells):
            m = self.regex.search(c) if ci else None  # type: ignore[union-attr]
            if not ci or _TARGET_COL.search(c):
                continue
            if m:
                rule = self.p.rule_for(m.group(1), self.doc_type)
                if rule.field and not rule.scope and not (rule.dang_bo_only and self.is_chi_bo):
                    out[ci] = (rule.field, rule.kind)
                continue
            for phrase, name in self._column_figures:
                if phrase.search(c):
                    out[ci] = (name, "int")
                    break
        return out

    def _header_figures(self, line: Line) -> dict[int, tuple[str, str]]:
        """The figure columns the table model's merged header of a body row names (``Line.header``)."""
        return self._figure_cols([prepare(h) for h in line.header]) if line.header else {}

    def _is_header(self, cells: list[str]) -> bool:
        joined = " ".join(cells)
        digits = re.sub(r"\(\s*%\s*\)|%", "", joined)
        return not re.search(r"\d", digits) and (
            bool(_HEADER_WORDS.search(joined)) or sum(1 for c in cells if _CHECKLIST_HEAD.match(c)) >= 2
        )

    def _read_header(self, cells: list[str]) -> None:
        t = self.table
        assert t is not None
        t.value_col = t.pct_col = t.label_col = None
        targets = []
        for ci, c in enumerate(cells):
            if _PCT_COL.search(c):
                t.pct_col = ci
            elif _TARGET_COL.search(c):
                targets.append(ci)
            elif _VALUE_COL.search(c) and t.value_col is None:
                t.value_col = ci
            elif _LABEL_COL.search(c) and t.label_col is None:
                t.label_col = ci
        t.target_cols = tuple(targets)
        t.figure_cols = self._figure_cols(cells)
        t.width = len(cells)
        t.scope = self._scope_from_text(" ".join(cells)) if _SUB_WORDS.search(" ".join(cells)) else t.caption
