"""Agreement between documents: unit, year, member counts, date order and the submission deadline."""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from extractors.text import fold

from ..codes import THRESHOLD_CODES, DocType, FlagCode, Severity
from ..joint import FAMILY, broken
from ..reconcile import Candidate, parse_date
from .base import FIELD_LABELS_VI, Context, Status

# Names are compared without the kind of body ("Chi bộ", "Đảng ủy"…): a đảng ủy signs for its đảng bộ,
# and what tells two units apart is the rest of the name.
_KIND_WORDS = re.compile(r"^(chi bo|dang bo|dang uy|ban chap hanh)( co so| bo phan)?\b\s*")
UNIT_SIMILARITY = 80  # rapidfuzz ratio on folded names; OCR noise on one or two letters stays above it


def unit_key(name: str) -> str:
    """The distinctive part of a unit's name, folded: "CHI BỘ PHÒNG TƯ PHÁP" → "phong tu phap"."""
    folded = re.sub(r"[^a-z0-9 ]+", " ", fold(name))
    # OCR reads o as 0 inside words ("Ph0ng"); a 0 between letters is never a number
    folded = re.sub(r"(?<=[a-z])0|0(?=[a-z])", "o", folded)
    folded = re.sub(r"\s+", " ", folded).strip()
    return _KIND_WORDS.sub("", folded).strip()


def same_unit(a: str, b: str) -> bool:
    """Same unit despite case, diacritics, OCR noise and an added place ("… huyện Cần Đước")."""
    ka, kb = unit_key(a), unit_key(b)
    if not ka or not kb:
        return fuzz.ratio(fold(a), fold(b)) >= UNIT_SIMILARITY
    na, nb = re.findall(r"\b\d+\b", ka), re.findall(r"\b\d+\b", kb)
    if na and nb and na != nb:
        return False  # "Khu phố 3" and "Khu phố 5" are two units however alike the letters
    short, long_ = sorted((ka, kb), key=len)
    if len(short.split()) >= 2 and long_.startswith(short + " "):
        return True
    return fuzz.ratio(ka, kb) >= UNIT_SIMILARITY


def _first_per_file(ctx: Context, key: str) -> list[Candidate]:
    """The first usable reading of a field in each of the dossier's documents (not 'khác' files)."""
    out: dict[str, Candidate] = {}
    chosen = ctx.rec.chosen.get(key)

    def rank(c: Candidate) -> tuple[bool, float, int]:
        # A file read two ways agrees with the dossier when one of its readings is the value used
        # (the joint choice weighed them); else its surest reading, then the first.
        return (chosen is None or c.value != chosen.value, -c.reading.score, c.index)

    for c in ctx.rec.candidates.get(key, []):
        if c.file.doc_type == DocType.KHAC or c.value in (None, ""):
            continue
        if c.file.file not in out or rank(c) < rank(out[c.file.file]):
            out[c.file.file] = c
    return sorted(out.values(), key=lambda c: c.file_index)


def check_unit(ctx: Context) -> None:
    names = _first_per_file(ctx, "unit_name")
    if len(names) < 2:
        return
    ref = ctx.rec.chosen.get("unit_name") or names[0]
    odd = [c for c in names if not same_unit(str(c.value), str(ref.value))]
    if odd:
        listed = "; ".join(f"“{c.value}” ({c.file.file})" for c in names)
        ctx.add(
            FlagCode.UNIT_MISMATCH,
            f"Các văn bản ghi tên đơn vị khác nhau: {listed}. Cần xác định hồ sơ là của đơn vị nào.",
            evidence=[c.evidence() for c in names],
            field="unit_name",
        )


def check_year(ctx: Context) -> None:
    years = [c for c in _first_per_file(ctx, "year") if isinstance(c.value, int)]
    if len({c.value for c in years}) > 1:
        listed = "; ".join(f"năm {c.value} ({c.file.file})" for c in years)
        ctx.add(
            FlagCode.YEAR_MISMATCH,
            f"Các văn bản ghi năm đánh giá khác nhau: {listed}.",
            evidence=[c.evidence() for c in years],
            field="year",
        )


def check_members(ctx: Context) -> None:
    for key, label in (
        ("members_total", "tổng số đảng viên"),
        ("members_official", "số đảng viên chính thức"),
    ):
        readings = [c for c in _first_per_file(ctx, key) if isinstance(c.value, int)]
        if len({c.value for c in readings}) > 1:
            listed = "; ".join(f"{c.value} ({c.file.file})" for c in readings)
            ctx.add(
                FlagCode.MEMBER_COUNT_MISMATCH,
                f"Các văn bản ghi {label} khác nhau: {listed}.",
                evidence=[c.evidence() for c in readings],
                field=key,
            )


# Figures the rules use, beyond the member counts: when two documents state them differently, the
# chosen one decides the rule, so a person must know the other document says something else.
CROSS_CHECKED = (
    "members_present",
    "voters_eligible",
    "ballots_issued",
    "ballots_valid",
    "votes_for",
    "votes_against",
    "members_rated",
    "rating_xuat_sac",
    "rating_tot",
    "rating_hoan_thanh",
    "rating_khong_hoan_thanh",
    "regular_meetings",
    "thematic_meetings",
    "attendance_pct",
    "disciplined_members",
    "subordinates_total",
    "subordinates_at_least_hoan_thanh",
    "subordinates_at_least_tot",
    "subordinates_bon_tot",
)


def check_figures(ctx: Context) -> None:
    for key in CROSS_CHECKED:
        readings = [
            c
            for c in _first_per_file(ctx, key)
            if isinstance(c.value, int | float) and not isinstance(c.value, bool)
        ]
        if len({float(c.value) for c in readings}) > 1:
            label = FIELD_LABELS_VI.get(key, key)
            listed = "; ".join(f"{c.value} ({c.file.file})" for c in readings)
            chosen = ctx.rec.chosen.get(key)
            used = f" Đang dùng {chosen.value} theo “{chosen.file.file}”." if chosen is not None else ""
            others = [c.value for c in readings if chosen is None or float(c.value) != float(chosen.value)]
            against = ruled_out(ctx, key, others)
            if against:
                # The other value cannot stand beside the dossier's settled figures: a misreading, not a
                # second account. Nothing is left to flag; the value used keeps the other readings as
                # alternatives, with where each was read and why this one is used.
                if key not in ctx.rec.why:
                    ctx.rec.why[key] = (
                        f"dùng {chosen.value} (không phải {', '.join(str(x) for x in others)}): giá trị kia "
                        f"không khớp với các số liệu khác của hồ sơ: {'; '.join(against)}"
                    )
                continue
            ctx.add(
                FlagCode.FIGURE_MISMATCH,
                f"Các văn bản ghi {label} khác nhau: {listed}.{used}",
                evidence=[c.evidence() for c in readings],
                field=key,
            )


def _count(value: object) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int | float) or not float(value).is_integer():
        return None
    return int(value)


def _settled(ctx: Context, key: str) -> bool:
    """Every reading of ``key`` in the dossier gives the same count."""
    return len({n for c in ctx.rec.candidates.get(key, []) if (n := _count(c.value)) is not None}) == 1


def ruled_out(ctx: Context, key: str, others: list[object]) -> list[str]:
    """The relations of the member and vote figures (validators.joint) that every value in ``others``
    breaks where the value used holds them, each against figures the dossier reads one way only. Empty
    when any other value could stand, or when the value used itself breaks a relation: then the two
    documents are two accounts, and a person decides."""
    if key not in FAMILY or not others or not ctx.rec.relations:
        return []
    values = {f: n for f in FAMILY if f in ctx.rec.chosen and (n := _count(ctx.rec.value(f))) is not None}
    if key not in values:
        return []
    mine = [r for r in ctx.rec.relations if key in r.fields]
    if any(broken(r, values) for r in mine):
        return []
    mine = [r for r in mine if not r.stated]  # one document's percentage is its account, not a law
    why: list[str] = []
    for other in others:
        n = _count(other)
        if n is None:
            return []
        against = [
            r.text
            for r in mine
            if broken(r, {**values, key: n}) and all(_settled(ctx, f) for f in r.fields if f != key)
        ]
        if not against:
            return []
        why.extend(against)
    return list(dict.fromkeys(why))


def check_dates(ctx: Context) -> None:
    dates = _first_per_file(ctx, "doc_date")
    year = ctx.rec.year
    for c in dates:
        when = parse_date(c.value)
        why = None
        if when is None:
            why = f"ngày “{c.reading.raw.strip()}” không có thật"
        elif when > ctx.today:
            why = f"ngày {when:%d/%m/%Y} sau ngày hôm nay ({ctx.today:%d/%m/%Y})"
        elif year is not None and when.year < year:
            why = f"ngày {when:%d/%m/%Y} trước năm được đánh giá ({year})"
        if why:
            ctx.add(
                FlagCode.DATE_ORDER,
                f"Ngày của văn bản “{c.file.file}” không hợp lý: {why}.",
                evidence=[c.evidence()],
                field="doc_date",
            )
    by_type = {c.file.doc_type: c for c in reversed(dates)}  # first file of each type wins
    vote, proposal = by_type.get(DocType.BIEN_BAN_KIEM_PHIEU), by_type.get(DocType.TO_TRINH)
    if vote is not None and proposal is not None:
        vd, pd = parse_date(vote.value), parse_date(proposal.value)
        if vd is not None and pd is not None and vd > pd:
            ctx.add(
                FlagCode.DATE_ORDER,
                f"Biên bản kiểm phiếu đề ngày {vd:%d/%m/%Y}, sau tờ trình ({pd:%d/%m/%Y}): "
                f"tờ trình phải lập sau khi chi bộ, đảng ủy đã biểu quyết đề nghị.",
                evidence=[vote.evidence(), proposal.evidence()],
                field="doc_date",
            )


def check_deadline(ctx: Context) -> None:
    key = "proposal_deadline"
    rule = ctx.profile.rules.proposal_deadline
    if rule is None:
        return
    proposals = [c for c in _first_per_file(ctx, "doc_date") if c.file.doc_type == DocType.TO_TRINH]
    if DocType.TO_TRINH in ctx.missing_types:
        return
    if ctx.rec.year is None:
        ctx.not_found(key, "year")
        ctx.set_status(key, Status.UNCHECKED)
        return
    when = parse_date(proposals[0].value) if proposals else None
    if when is None:
        ctx.not_found(key, "doc_date", "ngày ký tờ trình")
        ctx.set_status(key, Status.UNCHECKED)
        return
    deadline = rule.for_year(ctx.rec.year)
    if when > deadline:
        ctx.add(
            FlagCode.LATE_SUBMISSION,
            f"Tờ trình đề ngày {when:%d/%m/%Y}, sau hạn gửi đề nghị {deadline:%d/%m/%Y} ({ctx.cite(key)}).",
            evidence=[proposals[0].evidence()],
            rule=key,
            field="doc_date",
        )
        ctx.set_status(key, Status.FAILED)
    else:
        ctx.set_status(key, Status.MET)


def check_agreement(ctx: Context) -> None:
    check_unit(ctx)
    check_year(ctx)
    check_members(ctx)
    check_figures(ctx)
    check_contested(ctx)
    check_dates(ctx)
    check_deadline(ctx)


# Which way a figure moves to meet its rule: more meetings, votes or members rated well pass sooner;
# fewer members disciplined or failing do.
_MORE_PASSES = frozenset(
    {
        "members_present",
        "votes_for",
        "rating_xuat_sac",
        "rating_tot",
        "rating_hoan_thanh",
        "regular_meetings",
        "thematic_meetings",
        "attendance_pct",
        "subordinates_at_least_hoan_thanh",
        "subordinates_at_least_tot",
        "subordinates_bon_tot",
    }
)
_FEWER_PASSES = frozenset({"votes_against", "rating_khong_hoan_thanh", "disciplined_members"})


def check_contested(ctx: Context) -> None:
    """A threshold failed on a figure another document of the dossier states on the passing side.

    The rule failed on the value the dossier's reading chose, but the documents disagree about it
    (FIGURE_MISMATCH says so): which one is right is for a person to decide, not a reason to refuse the
    dossier. The failure stays on the sheet as a warning naming the other document's value; the rule
    is left unchecked. When every document's value fails the rule, the failure stands."""
    contested = {f.field for f in ctx.flags if f.code == FlagCode.FIGURE_MISMATCH}
    downgraded: set[str | None] = set()
    for flag in ctx.flags:
        key = flag.field
        if (
            flag.severity != Severity.ERROR
            or flag.code not in THRESHOLD_CODES
            or key not in contested
            or (chosen := ctx.rec.chosen.get(key)) is None
            or not _number(chosen.value)
        ):
            continue
        used = float(chosen.value)
        others = [
            c
            for c in _first_per_file(ctx, key)
            if _number(c.value)
            and c.file.file != chosen.file.file
            and (
                float(c.value) > used
                if key in _MORE_PASSES
                else key in _FEWER_PASSES and float(c.value) < used
            )
        ]
        if not others:
            continue
        said = "; ".join(f"“{c.file.file}” ghi {c.value}" for c in others)
        flag.severity = Severity.WARNING
        flag.message = (
            f"{flag.message.rstrip('.')}. Nhưng {said}: các văn bản khác nhau ở số liệu này, "
            "cần người đối chiếu bản gốc trước khi kết luận không đạt."
        )
        flag.evidence += [c.evidence() for c in others if c.evidence() not in flag.evidence]
        downgraded.add(flag.rule)
    for rule in downgraded - {f.rule for f in ctx.flags if f.severity == Severity.ERROR}:
        if rule:
            ctx.status[rule] = Status.UNCHECKED  # a failure set aside: no longer FAILED, not MET either


def _number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)
