"""Property tests over generated figures: never dat when a threshold fails, never khong_dat when all are met."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from validators import assess
from validators.codes import Verdict

from .factory import BB, BC, PH, TT, crit, header, make_dossier

TODAY = dt.date(2025, 1, 10)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _ceil(a: int, b: int) -> int:
    return -(-a // b)


@st.composite
def figures(draw: st.DrawFn, kind: str) -> dict:
    """Half the time every value is drawn on the passing side (boundaries included), else anywhere."""
    ok = draw(st.booleans())
    official = draw(st.integers(3, 40))
    voters = official if kind == "chi_bo" else draw(st.integers(3, 25))
    present = draw(st.integers(_ceil(2 * voters, 3) if ok else 1, voters))
    votes_for = (
        draw(st.integers(voters // 2 + 1 if ok else 0, present))
        if not ok or present > voters // 2
        else present
    )
    rated = draw(st.integers(3, 45))
    khong = 0 if ok else draw(st.integers(0, 2))
    khong = min(khong, rated)
    at_least_tot = draw(st.integers(_ceil(4 * rated, 5) if ok else 0, rated - khong))
    xs = draw(st.integers(0, at_least_tot))
    subs = draw(st.integers(1, 20))
    sub_kh = 0 if ok or subs == 1 else draw(st.sampled_from([0, 0, 1]))
    sub_tot_plus = draw(st.integers(_ceil(4 * subs, 5) if ok else 0, subs - sub_kh))
    sub_xs = draw(st.integers(0, sub_tot_plus))
    passing, anything = [25, 24.75, 24, 23.75], [25, 24.75, 24, 23.75, 23.7, 22, 20]
    return {
        "official": official,
        "voters": voters,
        "present": present,
        "votes_for": votes_for,
        "rated": rated,
        "ratings": (xs, at_least_tot - xs, rated - khong - at_least_tot, khong),
        "subs": subs,
        "sub_ratings": (sub_xs, sub_tot_plus - sub_xs, subs - sub_kh - sub_tot_plus, sub_kh),
        "bon_tot": draw(st.integers(_ceil(9 * subs, 10) if ok else 0, subs)),
        "scores": [draw(st.sampled_from(passing if ok else anything)) for _ in range(4)],
        "regular": draw(st.sampled_from([12, 13] if ok else [10, 11, 12, 13])),
        "thematic": draw(st.sampled_from([4, 5] if ok else [3, 4, 5])),
        "attendance": draw(st.sampled_from([85.1, 90.0, 97.5] if ok else [80.0, 85.0, 85.1, 90.0])),
        "disciplined": 0 if ok else draw(st.sampled_from([0, 1])),
    }


def dossier(kind: str, f: dict):
    unit = "Chi bộ Phòng Tư pháp" if kind == "chi_bo" else "Đảng bộ Xã Tân Lân"
    h = header(unit, 2024, "2024-12-15")
    vote = [
        ("members_official", f["official"]),
        ("members_present", f["present"]),
        ("ballots_issued", f["present"]),
        ("ballots_returned", f["present"]),
        ("ballots_valid", f["present"]),
        ("votes_for", f["votes_for"]),
        ("votes_against", f["present"] - f["votes_for"]),
    ]
    if kind == "dang_bo_co_so":
        vote.append(("committee_members", f["voters"]))
    xs, tot, ht, kh = f["ratings"]
    report = [
        ("members_rated", f["rated"]),
        ("rating_xuat_sac", xs),
        ("rating_tot", tot),
        ("rating_hoan_thanh", ht),
        ("rating_khong_hoan_thanh", kh),
        ("regular_meetings", f["regular"]),
        ("thematic_meetings", f["thematic"]),
        ("attendance_pct", f["attendance"]),
        ("disciplined_members", f["disciplined"]),
    ]
    if kind == "dang_bo_co_so":
        sxs, stot, sht, skh = f["sub_ratings"]
        report += [
            ("subordinates_total", f["subs"]),
            ("subordinates_xuat_sac", sxs),
            ("subordinates_tot", stot),
            ("subordinates_hoan_thanh", sht),
            ("subordinates_khong_hoan_thanh", skh),
            ("subordinates_bon_tot", f["bon_tot"]),
        ]
    docs = {
        TT: [*header(unit, 2024, "2024-12-20"), ("unit_kind", kind)],
        BB: [*h, *vote],
        BC: [*h, *report],
        PH: [*h, *(crit(i + 1, s) for i, s in enumerate(f["scores"]))],
    }
    return make_dossier(docs)


def any_threshold_fails(kind: str, f: dict, profile: str) -> bool:
    """The rules restated independently, in exact arithmetic."""
    xs, tot, _ht, kh = f["ratings"]
    sxs, stot, _sht, skh = f["sub_ratings"]
    fails = [
        any(Fraction(str(s)) / 25 < Fraction(95, 100) for s in f["scores"]),
        not f["votes_for"] * 2 > f["voters"],
        f["present"] * 3 < f["voters"] * 2,
        not f["attendance"] > 85,
        f["regular"] < 12,
        f["thematic"] < 4,
        f["disciplined"] > 0,
    ]
    if kind == "chi_bo":
        fails += [kh > 0, (xs + tot) * 5 < f["rated"] * 4]
    else:
        fails += [skh > 0, (sxs + stot) * 5 < f["subs"] * 4]
        if profile == "can-duoc":
            fails.append(f["bon_tot"] * 10 < f["subs"] * 9)
    return any(fails)


@SETTINGS
@given(
    kind=st.sampled_from(["chi_bo", "dang_bo_co_so"]),
    profile=st.sampled_from(["mac-dinh", "can-duoc"]),
    data=st.data(),
)
def test_verdict_follows_the_thresholds(kind: str, profile: str, data: st.DataObject) -> None:
    f = data.draw(figures(kind))
    result = assess(dossier(kind, f), profile, today=TODAY)
    if any_threshold_fails(kind, f, profile):
        assert result.verdict == Verdict.KHONG_DAT, f
    else:
        # every document present, every value read and consistent: nothing for a person to look at
        assert result.verdict == Verdict.DAT, [x.message for x in result.flags]


@SETTINGS
@given(
    kind=st.sampled_from(["chi_bo", "dang_bo_co_so"]),
    data=st.data(),
    drop=st.sets(
        st.sampled_from(["votes_for", "attendance_pct", "rating_tot", "subordinates_total", "criterion"])
    ),
)
def test_with_values_missing_never_dat_on_a_failure_never_khong_dat_when_all_met(
    kind: str, data: st.DataObject, drop: set[str]
) -> None:
    f = data.draw(figures(kind))
    d = dossier(kind, f)
    for file in d.files:
        file.readings = [r for r in file.readings if r.field not in drop]
    result = assess(d, "mac-dinh", today=TODAY)
    if any_threshold_fails(kind, f, "mac-dinh"):
        assert result.verdict != Verdict.DAT
    else:
        assert result.verdict != Verdict.KHONG_DAT
    if drop & {"votes_for", "attendance_pct", "criterion"} or (kind == "chi_bo" and "rating_tot" in drop):
        assert result.verdict != Verdict.DAT
