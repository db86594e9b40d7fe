"""Rule profiles load strictly, extend each other, and say which key or field is wrong."""

from __future__ import annotations

import copy
from fractions import Fraction

import pytest

from validators.profiles import (
    ProfileError,
    _raw,
    _resolve,
    describe_profiles,
    load_profile,
    parse_profile,
    profile_names,
)


def merged(name: str) -> dict:
    return copy.deepcopy(_resolve(name, _raw(name), (name,)))


def test_shipped_profiles_load_with_versions_and_sources() -> None:
    assert {"mac-dinh", "can-duoc"} <= set(profile_names())
    for name in profile_names():
        profile = load_profile(name)
        assert profile.version >= 1
        for key, rule in profile.items():
            assert rule.source in profile.sources, key
            assert profile.cite(key)


def test_mac_dinh_thresholds_are_the_seed_values() -> None:
    r = load_profile("mac-dinh").rules
    assert r.criteria_min_share.fraction == Fraction(95, 100) and r.criteria_min_share.op == ">="
    assert (r.member_ratings_hoan_thanh.fraction, r.member_ratings_tot.fraction) == (1, Fraction(4, 5))
    assert (r.subordinates_hoan_thanh.fraction, r.subordinates_tot.fraction) == (1, Fraction(4, 5))
    assert r.vote.fraction == Fraction(1, 2) and r.vote.op == ">"
    assert r.quorum.fraction == Fraction(2, 3)
    assert r.attendance.fraction == Fraction(85, 100) and r.attendance.op == ">"
    assert (r.regular_meetings.minimum, r.thematic_meetings.minimum, r.discipline.maximum) == (12, 4, 0)
    assert r.subordinates_bon_tot is None
    assert str(r.proposal_deadline.for_year(2024)) == "2024-12-31"
    assert str(r.appraisal_deadline.for_year(2024)) == "2025-02-15"
    assert str(r.recognition_deadline.for_year(2024)) == "2025-03-15"
    assert "II.2.2" in load_profile("mac-dinh").cite("criteria_min_share")


def test_can_duoc_extends_mac_dinh_and_adds_the_90_percent_rule() -> None:
    base, child = load_profile("mac-dinh"), load_profile("can-duoc")
    assert child.extends == "mac-dinh"
    assert child.rules.subordinates_bon_tot.fraction == Fraction(9, 10)
    assert "10-HD/BTCHU" in child.cite("subordinates_bon_tot")
    assert child.rules.vote == base.rules.vote  # inherited unchanged
    assert set(base.sources) < set(child.sources)


def test_unknown_key_names_the_key_and_suggests_the_nearest() -> None:
    data = merged("mac-dinh")
    data["rules"]["atendance"] = data["rules"].pop("attendance")
    with pytest.raises(ProfileError) as err:
        parse_profile("x", data)
    assert "rules.atendance" in str(err.value) and 'did you mean "attendance"' in str(err.value)


def test_unknown_key_inside_a_rule_suggests_the_nearest() -> None:
    data = merged("mac-dinh")
    data["rules"]["vote"]["shar"] = data["rules"]["vote"].pop("share")
    with pytest.raises(ProfileError) as err:
        parse_profile("x", data)
    assert "shar" in str(err.value) and '"share"' in str(err.value)


def test_unknown_top_level_key() -> None:
    data = merged("mac-dinh") | {"verison": 2}
    with pytest.raises(ProfileError, match='did you mean "version"'):
        parse_profile("x", data)


def test_unknown_field_says_did_you_mean() -> None:
    data = merged("mac-dinh")
    data["rules"]["attendance"]["fields"] = ["attendence_pct"]
    with pytest.raises(ProfileError, match='did you mean "attendance_pct"'):
        parse_profile("x", data)


def test_unknown_source_and_bad_share_fail() -> None:
    data = merged("mac-dinh")
    data["rules"]["vote"]["source"] = "dieu-lee"
    with pytest.raises(ProfileError, match='did you mean "dieu-le"'):
        parse_profile("x", data)
    data = merged("mac-dinh")
    data["rules"]["vote"]["share"] = "half"
    with pytest.raises(ProfileError, match="2/3"):
        parse_profile("x", data)


def test_unknown_profile_name_suggests_the_nearest() -> None:
    with pytest.raises(ProfileError, match='did you mean "can-duoc"'):
        load_profile("can-duco")


def test_describe_lists_every_threshold_with_its_source() -> None:
    text = describe_profiles()
    for name in profile_names():
        assert f"profile: {name}" in text
    assert "≥ 95%" in text and "> 85%" in text and "> 1/2" in text and "≥ 90%" in text
    assert "mục II.2.2" in text and "10-HD/BTCHU" in text and "31/12" in text and "15/02" in text


def test_extends_merges_nested_keys_and_null_switches_a_rule_off(monkeypatch: pytest.MonkeyPatch) -> None:
    import validators.profiles as profiles

    files = {
        "base": merged("mac-dinh"),
        "child": {
            "version": 2,
            "extends": "base",
            "title": "x",
            "rules": {"quorum": None, "vote": {"share": "2/3"}},
        },
        "loop-a": {"extends": "loop-b"},
        "loop-b": {"extends": "loop-a"},
    }
    monkeypatch.setattr(profiles, "_raw", lambda name: copy.deepcopy(files[name]))
    data = profiles._resolve("child", files["child"], ("child",))
    child = parse_profile("child", data)
    assert child.version == 2 and child.rules.quorum is None
    assert child.rules.vote.fraction == Fraction(2, 3) and child.rules.vote.op == ">"  # op inherited
    with pytest.raises(ProfileError, match="extends"):
        profiles._resolve("loop-a", files["loop-a"], ("loop-a",))
