"""Thresholds of the profile: criteria, ratings, subordinate cells, vote, quorum, attendance, meetings, discipline.

Each check records its rule's status (met / failed / unchecked / not applicable). It raises an error
flag only on values that were read; a value it needs and did not get is FIELD_NOT_FOUND, never a pass.
"""

from __future__ import annotations

from ..codes import FlagCode, Severity
from ..profiles import ShareRule
from ..reconcile import Candidate
from .base import Context, Status, num, pct


def _number(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def check_criteria(ctx: Context) -> None:
    key = "criteria_min_share"
    if not ctx.applies(key):
        return
    rule: ShareRule = ctx.profile.rules.criteria_min_share
    framework = ctx.profile.rules.criteria_framework
    fig = ctx.rec.figures
    items: dict[int, list[Candidate]] = {}
    for k, c in ctx.rec.chosen.items():
        if k.startswith("criterion_item.") and isinstance(c.value, dict):
            idx = c.value.get("criterion")
            if isinstance(idx, int):
                items.setdefault(idx, []).append(c)
    statuses = []
    for i in range(1, framework.count + 1):
        name = f" ({framework.names[i - 1]})" if framework.names else ""
        row_key = f"criterion.{i}"
        row = ctx.rec.value(row_key)
        failed_items = [c for c in items.get(i, []) if c.value.get("passed") is False]
        if isinstance(row, dict) and row.get("passed") is False:
            ctx.add(
                FlagCode.CRITERION_BELOW_THRESHOLD,
                f"Tiêu chí {i}{name} tự đánh giá “Không đạt”; mỗi tiêu chí phải đạt ({ctx.cite(key)}).",
                evidence=ctx.evidence(row_key),
                rule=key,
                field="criterion",
            )
            statuses.append(Status.FAILED)
            continue
        if failed_items:
            labels = ", ".join(str(c.value.get("item")) for c in failed_items)
            ctx.add(
                FlagCode.CRITERION_BELOW_THRESHOLD,
                f"Tiêu chí {i}{name}: mục {labels} tự đánh giá “Không đạt”; mỗi tiêu chí phải đạt ({ctx.cite(key)}).",
                evidence=[c.evidence() for c in failed_items],
                rule=key,
                field="criterion_item",
            )
            statuses.append(Status.FAILED)
            continue
        score = fig.criteria_scores[i - 1] if fig.criteria_scores else None
        maximum = fig.criteria_max[i - 1] if fig.criteria_max else None
        if score is not None and maximum:
            if rule.met(score, maximum):
                statuses.append(Status.MET)
            elif passing := _stated_passing(ctx, row_key, rule):
                # Another document states this criterion's points on the passing side: which reading
                # is right is for a person to decide, not a reason to refuse the dossier.
                said = "; ".join(
                    f"“{c.file.file}” ghi {num(c.value['score'])}/{num(c.value['max'])}" for c in passing
                )
                ctx.add(
                    FlagCode.CRITERION_BELOW_THRESHOLD,
                    f"Tiêu chí {i}{name} tự chấm {num(score)}/{num(maximum)} điểm = {pct(score, maximum)}, "
                    f"dưới mức {rule.words} số điểm tối đa ({ctx.cite(key)}). Nhưng {said}: các văn bản "
                    "khác nhau ở điểm này, cần người đối chiếu bản gốc trước khi kết luận không đạt.",
                    evidence=[*ctx.evidence(row_key), *(c.evidence() for c in passing)],
                    rule=key,
                    field="criterion",
                    severity=Severity.WARNING,
                )
                statuses.append(Status.UNCHECKED)
            else:
                ctx.add(
                    FlagCode.CRITERION_BELOW_THRESHOLD,
                    f"Tiêu chí {i}{name} tự chấm {num(score)}/{num(maximum)} điểm = {pct(score, maximum)}, "
                    f"dưới mức {rule.words} số điểm tối đa ({ctx.cite(key)}).",
                    evidence=ctx.evidence(row_key),
                    rule=key,
                    field="criterion",
                )
                statuses.append(Status.FAILED)
            continue
        passed = row.get("passed") if isinstance(row, dict) else None
        all_items_passed = bool(items.get(i)) and all(c.value.get("passed") is True for c in items[i])
        if passed is True or (row is None and all_items_passed):
            statuses.append(Status.MET)
            continue
        what = (
            f"điểm tự chấm của tiêu chí {i}{name}" if score is None else f"điểm tối đa của tiêu chí {i}{name}"
        )
        ctx.not_found(key, "criterion", what)
        statuses.append(Status.UNCHECKED)
    ctx.set_status(key, _combine(statuses))


def _stated_passing(ctx: Context, row_key: str, rule: ShareRule) -> list[Candidate]:
    """Readings of a criterion's points in another document than the one used, that meet the rule."""
    chosen = ctx.rec.chosen.get(row_key)
    if chosen is None:
        return []
    out: dict[str, Candidate] = {}
    for c in ctx.rec.candidates.get(row_key, []):
        v = c.value if isinstance(c.value, dict) else {}
        score, maximum = _number(v.get("score")), _number(v.get("max"))
        if c.file.file == chosen.file.file or score is None or not maximum or score > maximum:
            continue
        if rule.met(score, maximum):
            out.setdefault(c.file.file, c)
    return list(out.values())


def _combine(statuses: list[Status]) -> Status:
    if Status.FAILED in statuses:
        return Status.FAILED
    if Status.UNCHECKED in statuses or not statuses:
        return Status.UNCHECKED
    return Status.MET


def _share_check(
    ctx: Context,
    key: str,
    code: FlagCode,
    part: float | None,
    whole: float | None,
    part_field: str,
    whole_field: str,
    message: str,
    evidence_keys: tuple[str, ...],
) -> None:
    """Part/whole against a share rule; ``message`` is formatted with part, whole, share and cite."""
    rule: ShareRule = getattr(ctx.profile.rules, key)
    if part is None:
        ctx.not_found(key, part_field)
    if whole is None:
        ctx.not_found(key, whole_field)
    if part is None or whole is None:
        ctx.set_status(key, Status.UNCHECKED)
        return
    if whole <= 0:
        # A share of nothing cannot be judged: a zero here is a misreading, not a failed threshold.
        ctx.not_found(key, whole_field)
        ctx.set_status(key, Status.UNCHECKED)
        return
    if rule.met(part, whole):
        ctx.set_status(key, Status.MET)
        return
    text = message.format(
        part=num(part), whole=num(whole), pct=pct(part, whole), share=rule.words, cite=ctx.cite(key)
    )
    ctx.add(code, text, evidence=ctx.evidence(*evidence_keys), rule=key, field=part_field)
    ctx.set_status(key, Status.FAILED)


def check_member_ratings(ctx: Context) -> None:
    fig = ctx.rec.figures
    r = fig.ratings
    rated_keys: tuple[str, ...]
    if fig.members_rated is not None:
        rated, rated_field, rated_keys = fig.members_rated, "members_rated", ("members_rated",)
    elif None not in (r.xuat_sac, r.tot, r.hoan_thanh, r.khong_hoan_thanh):
        rated = r.xuat_sac + r.tot + r.hoan_thanh + r.khong_hoan_thanh
        rated_field = "members_rated"
        rated_keys = ("rating_xuat_sac", "rating_tot", "rating_hoan_thanh", "rating_khong_hoan_thanh")
    elif (
        None not in (r.xuat_sac, r.tot, r.hoan_thanh)
        and r.xuat_sac + r.tot + r.hoan_thanh == fig.members_total
    ):
        # Reports often list only the levels that occur: when three levels already account for every
        # member, nobody is left at "không hoàn thành" and every member was rated.
        rated, rated_field = fig.members_total, "members_rated"
        rated_keys = ("rating_xuat_sac", "rating_tot", "rating_hoan_thanh", "members_total")
    else:
        rated, rated_field, rated_keys = None, "members_rated", ()
    if None not in (r.xuat_sac, r.tot, r.hoan_thanh):
        at_least_ht = r.xuat_sac + r.tot + r.hoan_thanh
        ht_keys: tuple[str, ...] = ("rating_xuat_sac", "rating_tot", "rating_hoan_thanh")
    elif rated is not None and r.khong_hoan_thanh is not None:
        at_least_ht = rated - r.khong_hoan_thanh
        ht_keys = ("rating_khong_hoan_thanh",)
    else:
        at_least_ht, ht_keys = None, ()
    at_least_tot = r.xuat_sac + r.tot if None not in (r.xuat_sac, r.tot) else None
    if ctx.applies("member_ratings_hoan_thanh"):
        _share_check(
            ctx,
            "member_ratings_hoan_thanh",
            FlagCode.MEMBER_RATING_BELOW_THRESHOLD,
            at_least_ht,
            rated,
            "rating_hoan_thanh",
            rated_field,
            "Chi bộ có {part}/{whole} đảng viên xếp loại “hoàn thành nhiệm vụ” trở lên = {pct}, "
            "chưa đạt mức {share} ({cite}).",
            (*ht_keys, *rated_keys),
        )
    if ctx.applies("member_ratings_tot"):
        _share_check(
            ctx,
            "member_ratings_tot",
            FlagCode.MEMBER_RATING_BELOW_THRESHOLD,
            at_least_tot,
            rated,
            "rating_tot",
            rated_field,
            "Chi bộ có {part}/{whole} đảng viên xếp loại “hoàn thành tốt nhiệm vụ” trở lên = {pct}, "
            "dưới mức {share} ({cite}).",
            ("rating_xuat_sac", "rating_tot", *rated_keys),
        )


def check_subordinates(ctx: Context) -> None:
    sub = ctx.rec.figures.subordinates
    total = sub.total if sub is not None else None
    total_keys: tuple[str, ...] = ("subordinates_total",)
    if total is None:
        levels = [
            ctx.rec.value(f"subordinates_{x}") for x in ("xuat_sac", "tot", "hoan_thanh", "khong_hoan_thanh")
        ]
        if all(isinstance(v, int) for v in levels):
            total = sum(levels)
            total_keys = tuple(
                f"subordinates_{x}" for x in ("xuat_sac", "tot", "hoan_thanh", "khong_hoan_thanh")
            )
    specs = [
        (
            "subordinates_hoan_thanh",
            sub.at_least_hoan_thanh if sub else None,
            "subordinates_at_least_hoan_thanh",
            "Đảng bộ có {part}/{whole} chi bộ trực thuộc xếp loại “hoàn thành nhiệm vụ” trở lên = {pct}, "
            "chưa đạt mức {share} ({cite}).",
        ),
        (
            "subordinates_tot",
            sub.at_least_tot if sub else None,
            "subordinates_at_least_tot",
            "Đảng bộ có {part}/{whole} chi bộ trực thuộc xếp loại “hoàn thành tốt nhiệm vụ” trở lên = {pct}, "
            "dưới mức {share} ({cite}).",
        ),
        (
            "subordinates_bon_tot",
            sub.bon_tot if sub else None,
            "subordinates_bon_tot",
            "Đảng bộ có {part}/{whole} chi bộ trực thuộc đăng ký và đạt “chi bộ bốn tốt” = {pct}, "
            "dưới mức {share} ({cite}).",
        ),
    ]
    for key, part, part_field, message in specs:
        if ctx.applies(key):
            _share_check(
                ctx,
                key,
                FlagCode.SUBORDINATE_BELOW_THRESHOLD,
                part,
                total,
                part_field,
                "subordinates_total",
                message,
                (part_field, *total_keys),
            )


def _voters_note(ctx: Context) -> str:
    how = ctx.rec.derived_how.get("voters_eligible")
    return f" (tính theo {how})" if how else ""


def check_vote(ctx: Context) -> None:
    fig = ctx.rec.figures
    key = "vote"
    if ctx.applies(key):
        _share_check(
            ctx,
            key,
            FlagCode.VOTE_NOT_PASSED,
            fig.votes_for,
            fig.voters_eligible,
            "votes_for",
            "voters_eligible",
            "Biểu quyết đề nghị công nhận: {part} phiếu tán thành trên {whole} người có quyền biểu quyết"
            + _voters_note(ctx)
            + " = {pct}, chưa đạt mức {share} ({cite}).",
            ("votes_for", "voters_eligible"),
        )
    key = "quorum"
    if ctx.applies(key):
        _share_check(
            ctx,
            key,
            FlagCode.QUORUM_NOT_MET,
            fig.members_present,
            fig.voters_eligible,
            "members_present",
            "voters_eligible",
            "Khi biểu quyết chỉ có {part}/{whole} người có quyền biểu quyết có mặt"
            + _voters_note(ctx)
            + " = {pct}, "
            "chưa đủ {share} ({cite}).",
            ("members_present", "voters_eligible"),
        )


def check_activity(ctx: Context) -> None:
    fig = ctx.rec.figures
    if ctx.applies("attendance"):
        rule: ShareRule = ctx.profile.rules.attendance
        if fig.attendance_pct is None:
            ctx.not_found("attendance", "attendance_pct")
            ctx.set_status("attendance", Status.UNCHECKED)
        elif rule.met(fig.attendance_pct, 100):
            ctx.set_status("attendance", Status.MET)
        else:
            ctx.add(
                FlagCode.ATTENDANCE_BELOW_THRESHOLD,
                f"Tỷ lệ đảng viên dự sinh hoạt bình quân {num(fig.attendance_pct)}%, "
                f"chưa đạt mức {rule.words} ({ctx.cite('attendance')}).",
                evidence=ctx.evidence("attendance_pct"),
                rule="attendance",
                field="attendance_pct",
            )
            ctx.set_status("attendance", Status.FAILED)
    for key, value, what in (
        ("regular_meetings", fig.regular_meetings, "sinh hoạt thường kỳ"),
        ("thematic_meetings", fig.thematic_meetings, "sinh hoạt chuyên đề"),
    ):
        if not ctx.applies(key):
            continue
        minimum = getattr(ctx.profile.rules, key).minimum
        if value is None:
            ctx.not_found(key, key)
            ctx.set_status(key, Status.UNCHECKED)
        elif value >= minimum:
            ctx.set_status(key, Status.MET)
        else:
            ctx.add(
                FlagCode.MEETINGS_BELOW_MINIMUM,
                f"Trong năm tổ chức {value} kỳ {what}, ít hơn mức tối thiểu {minimum} kỳ ({ctx.cite(key)}).",
                evidence=ctx.evidence(key),
                rule=key,
                field=key,
            )
            ctx.set_status(key, Status.FAILED)
    key = "discipline"
    if ctx.applies(key):
        maximum = ctx.profile.rules.discipline.maximum
        members, orgs = fig.disciplined_members, fig.disciplined_organisations
        failed = False
        for value, fld, who in (
            (members, "disciplined_members", "đảng viên"),
            (orgs, "disciplined_organisations", "tổ chức đảng"),
        ):
            if value is not None and value > maximum:
                ctx.add(
                    FlagCode.DISCIPLINE_RECORDED,
                    f"Trong năm có {value} {who} bị xử lý kỷ luật; tiêu chí yêu cầu không có tổ chức đảng, "
                    f"đảng viên bị kỷ luật ({ctx.cite(key)}).",
                    evidence=ctx.evidence(fld),
                    rule=key,
                    field=fld,
                )
                failed = True
        if failed:
            ctx.set_status(key, Status.FAILED)
        elif members is None:
            # Organisations are rarely stated separately; members are what every report states.
            ctx.not_found(key, "disciplined_members")
            ctx.set_status(key, Status.UNCHECKED)
        else:
            ctx.set_status(key, Status.MET)


def check_thresholds(ctx: Context) -> None:
    check_criteria(ctx)
    check_member_ratings(ctx)
    check_subordinates(ctx)
    check_vote(ctx)
    check_activity(ctx)
