"""Arithmetic within the dossier: ballots add up, sub-scores and totals add up, ratings add up to members."""

from __future__ import annotations

from ..codes import FlagCode
from ..reconcile import Candidate, stated_base
from .base import Context, named, num

SCORE_TOLERANCE = 0.01  # points: scores are stated to at most two decimals
PCT_TOLERANCE = 0.51  # percentage points: a stated percentage may be rounded to a whole number


def _n(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def check_ballots(ctx: Context) -> None:
    fig = ctx.rec.figures
    issued, returned, valid = fig.ballots_issued, fig.ballots_returned, fig.ballots_valid
    invalid, yes, no = fig.ballots_invalid, fig.votes_for, fig.votes_against
    problems: list[tuple[str, tuple[str, ...]]] = []
    if issued is not None and returned is not None and returned > issued:
        problems.append(
            (
                f"phiếu thu về ({returned}) nhiều hơn phiếu phát ra ({issued})",
                ("ballots_returned", "ballots_issued"),
            )
        )
    if fig.members_present is not None and issued is not None and issued > fig.members_present:
        problems.append(
            (
                f"phiếu phát ra ({issued}) nhiều hơn số có mặt ({fig.members_present})",
                ("ballots_issued", "members_present"),
            )
        )
    if returned is not None and valid is not None:
        if invalid is not None and valid + invalid != returned:
            problems.append(
                (
                    f"phiếu hợp lệ ({valid}) + không hợp lệ ({invalid}) = {valid + invalid}, khác phiếu thu về ({returned})",
                    ("ballots_valid", "ballots_invalid", "ballots_returned"),
                )
            )
        elif valid > returned:
            problems.append(
                (
                    f"phiếu hợp lệ ({valid}) nhiều hơn phiếu thu về ({returned})",
                    ("ballots_valid", "ballots_returned"),
                )
            )
    if valid is not None and yes is not None:
        if no is not None and yes + no != valid:
            # The ballot is yes/no: every valid ballot is one or the other.
            problems.append(
                (
                    f"tán thành ({yes}) + không tán thành ({no}) = {yes + no}, khác số phiếu hợp lệ ({valid})",
                    ("votes_for", "votes_against", "ballots_valid"),
                )
            )
        elif yes > valid:
            problems.append(
                (f"phiếu tán thành ({yes}) nhiều hơn phiếu hợp lệ ({valid})", ("votes_for", "ballots_valid"))
            )
    if yes is not None and fig.voters_eligible is not None and yes > fig.voters_eligible:
        problems.append(
            (
                f"phiếu tán thành ({yes}) nhiều hơn số người có quyền biểu quyết ({fig.voters_eligible})",
                ("votes_for", "voters_eligible"),
            )
        )
    for pct_field, count, label in (
        ("votes_for_pct", yes, "tán thành"),
        ("votes_against_pct", no, "không tán thành"),
    ):
        stated = _n(ctx.rec.value(pct_field))
        if stated is None or count is None:
            continue
        bases = [
            b
            for b in (fig.voters_eligible, valid, returned, issued, fig.members_present, fig.members_official)
            if b
        ]
        base_field = stated_base(ctx.rec, pct_field)
        base_value = _n(getattr(fig, base_field, None)) if base_field else None
        if base_value:  # "đạt 92,31% so với tổng số người có quyền biểu quyết": that base only
            bases = [int(base_value)]
        elif base_field:
            # The share names its base and that base was not read: another base's share says
            # nothing of it ("81,82% so với số người có quyền biểu quyết" is not 9 of 10 valid).
            continue
        if bases and not any(abs(100 * count / b - stated) <= PCT_TOLERANCE for b in bases):
            problems.append(
                (
                    f"tỷ lệ {label} ghi {num(stated)}% không khớp với {count} phiếu trên "
                    + " hay ".join(dict.fromkeys(str(b) for b in bases)),
                    (pct_field, "votes_for" if pct_field == "votes_for_pct" else "votes_against"),
                )
            )
    for text, keys in problems:
        ctx.inconsistent(
            FlagCode.BALLOT_COUNT_INCONSISTENT,
            f"Số phiếu không khớp: {text}.",
            ctx.candidates(*keys),
            field=keys[0],
        )


def check_scores(ctx: Context) -> None:
    n = ctx.profile.rules.criteria_framework.count
    items: dict[int, list[Candidate]] = {}
    for key, c in ctx.rec.chosen.items():
        if (
            key.startswith("criterion_item.")
            and isinstance(c.value, dict)
            and isinstance(c.value.get("criterion"), int)
        ):
            items.setdefault(c.value["criterion"], []).append(c)

    def flag(text: str, cands: list[Candidate], fld: str) -> None:
        ctx.inconsistent(
            FlagCode.SCORE_INCONSISTENT, f"Điểm trong phiếu tự đánh giá không khớp: {text}.", cands, field=fld
        )

    for key, c in ctx.rec.chosen.items():
        if not key.startswith(("criterion.", "criterion_item.")) or not isinstance(c.value, dict):
            continue
        score, maximum = _n(c.value.get("score")), _n(c.value.get("max"))
        label = named(c)
        if score is not None and maximum is not None and score > maximum + SCORE_TOLERANCE:
            flag(
                f"{label} tự chấm {num(score)} điểm, vượt điểm tối đa {num(maximum)}", [c], key.split(".")[0]
            )
        if score is not None and score < 0:
            flag(f"{label} có điểm âm ({num(score)})", [c], key.split(".")[0])
    for i in range(1, n + 1):
        row_c = ctx.rec.chosen.get(f"criterion.{i}")
        subs = items.get(i, [])
        if row_c is None or not isinstance(row_c.value, dict) or not subs:
            continue
        if _items_incomplete_by_ocr(row_c, subs):
            continue  # OCR lost some item rows: a sum of the rest says nothing about the document
        for part in ("score", "max"):
            whole = _n(row_c.value.get(part))
            values = [_n(s.value.get(part)) for s in subs]
            if whole is None or None in values:
                continue
            total = sum(values)
            if abs(total - whole) > SCORE_TOLERANCE:
                what = "điểm tự chấm" if part == "score" else "điểm tối đa"
                flag(
                    f"tổng {what} các mục của tiêu chí {i} là {num(total)}, khác {num(whole)} ghi ở tiêu chí",
                    [row_c, *subs],
                    "criterion",
                )
    total_c = ctx.rec.chosen.get("criteria_total")
    fig = ctx.rec.figures
    if total_c is not None and isinstance(total_c.value, dict):
        rows = [ctx.rec.chosen.get(f"criterion.{i}") for i in range(1, n + 1)]
        for part, values in (("score", fig.criteria_scores), ("max", fig.criteria_max)):
            stated = _n(total_c.value.get(part))
            if stated is None or not values or None in values:
                continue
            total = sum(values)
            if abs(total - stated) > SCORE_TOLERANCE:
                what = "điểm tự chấm" if part == "score" else "điểm tối đa"
                flag(
                    f"tổng {what} ghi {num(stated)}, nhưng cộng {n} tiêu chí được {num(total)}",
                    [total_c, *(r for r in rows if r is not None)],
                    "criteria_total",
                )


def _items_incomplete_by_ocr(row: Candidate, items: list[Candidate]) -> bool:
    """True when the rows were OCR'd and the items' maxima fall short of the criterion's maximum.

    On a scan a damaged item row is simply not read; the items then add up to less than the
    criterion, which is a reading gap, not a sum the unit got wrong. Typed documents keep the check.
    """
    if all(c.reading.prov.confidence is None for c in (row, *items)):
        return False
    whole = _n(row.value.get("max"))
    maxima = [_n(c.value.get("max")) for c in items]
    if whole is None or None in maxima:
        return True
    return sum(maxima) < whole - SCORE_TOLERANCE


def check_rating_counts(ctx: Context) -> None:
    fig = ctx.rec.figures
    r = fig.ratings
    levels = {"rating_xuat_sac": r.xuat_sac, "rating_tot": r.tot, "rating_hoan_thanh": r.hoan_thanh}
    levels["rating_khong_hoan_thanh"] = r.khong_hoan_thanh
    total: tuple[float | None, str, str] = (
        (fig.members_rated, "members_rated", "số đảng viên được đánh giá")
        if fig.members_rated is not None
        else (fig.members_total, "members_total", "tổng số đảng viên")
    )
    known = [v for v in levels.values() if v is not None]
    if (
        fig.members_rated is None
        and fig.members_total is not None
        and fig.members_excused
        and len(known) == len(levels)
        and sum(known) == fig.members_total - fig.members_excused
    ):
        # Members excused from party life (miễn sinh hoạt) are not rated: the levels add up to the rest.
        total = (fig.members_total - fig.members_excused, "members_total", "số đảng viên trừ số được miễn")
    # The report's levels add up to the total the report itself states: documents that give other
    # member counts are MEMBER_COUNT_MISMATCH, not a rating sum that fails.
    own = (
        fig.members_rated is None
        and len(known) == len(levels)
        and sum(known) != total[0]
        and _own_total(ctx, list(levels), sum(known))
    )
    if not own:
        _levels_vs_total(ctx, levels, total, "đảng viên")
    sub_levels = {
        f"subordinates_{x}": _n(ctx.rec.value(f"subordinates_{x}"))
        for x in ("xuat_sac", "tot", "hoan_thanh", "khong_hoan_thanh")
    }
    total = fig.subordinates.total if fig.subordinates else None
    _levels_vs_total(ctx, sub_levels, (total, "subordinates_total", "số chi bộ trực thuộc"), "chi bộ")


def _own_total(ctx: Context, level_fields: list[str], summed: float) -> bool:
    """A member count stated in the document the rating levels were read from equals their sum
    (the document's own arithmetic holds)."""
    files = {c.file.file for key in level_fields if (c := ctx.rec.chosen.get(key)) is not None}
    if len(files) != 1:
        return False
    return any(
        c.file.file in files and _n(c.value) == summed
        for key in ("members_rated", "members_total")
        for c in ctx.rec.candidates.get(key, [])
    )


def _levels_vs_total(
    ctx: Context, levels: dict[str, float | None], total: tuple[float | None, str, str], who: str
) -> None:
    value, total_field, total_label = total
    known = {k: v for k, v in levels.items() if v is not None}
    if value is None or not known:
        return
    summed = sum(known.values())
    complete = len(known) == len(levels)
    if (complete and summed != value) or (not complete and summed > value):
        parts = " + ".join(num(v) for v in known.values())
        ctx.inconsistent(
            FlagCode.RATING_COUNT_MISMATCH,
            f"Số {who} theo từng mức xếp loại ({parts} = {num(summed)}) không khớp với {total_label} ({num(value)}).",
            ctx.candidates(*known, total_field),
            field=total_field,
        )


def check_arithmetic(ctx: Context) -> None:
    check_ballots(ctx)
    check_scores(ctx)
    check_rating_counts(ctx)
