"""The joint choice of figures by the dossier's own arithmetic (validators.joint), alone and in assess."""

from __future__ import annotations

import datetime as dt

from validators import assess
from validators.codes import FlagCode, UnitKind
from validators.joint import ScoreRow, cell_readings, choose, choose_scores, plausible_points, relations

from .factory import BB, BC, PH, clean_chi_bo, clean_dang_bo, crit, item, make_dossier, set_value

TODAY = dt.date(2025, 1, 10)


def run(docs):
    dossier = make_dossier(docs)
    for f in dossier.files:  # a stated base is read from the sentence of its percentage
        pct = {r.field: r for r in f.readings if r.field.endswith("_pct")}
        for i, r in enumerate(f.readings):
            if r.field.endswith("_pct_base") and r.field.removesuffix("_base") in pct:
                same = pct[r.field.removesuffix("_base")]
                f.readings[i] = r.model_copy(update={"prov": same.prov, "raw": same.raw})
    return assess(dossier, "mac-dinh", today=TODAY)


def codes(result) -> set[str]:
    return {f.code for f in result.flags}


def test_choose_takes_the_value_that_makes_the_sums_hold() -> None:
    options = {"members_total": [18, 21], "members_official": [18], "members_probationary": [3]}
    choice = choose(options, relations(UnitKind.CHI_BO))
    assert choice.values["members_total"] == 21
    assert choice.changed == {"members_total": 18}
    assert choice.used == ["tổng số = chính thức + dự bị"] and not choice.broken


def test_choose_keeps_the_first_values_when_they_hold_and_reports_what_stays_broken() -> None:
    options = {"ballots_issued": [12], "ballots_returned": [13], "ballots_valid": [12, 13]}
    choice = choose(options, relations(None))
    assert choice.values == {"ballots_issued": 12, "ballots_returned": 13, "ballots_valid": 12}
    assert choice.broken == ["thu về ≤ phát ra"]


def test_choose_uses_a_percentage_only_with_its_stated_base() -> None:
    options = {"votes_for": [13, 12], "voters_eligible": [13], "ballots_valid": [13]}
    rels = relations(UnitKind.CHI_BO, [("votes_for", "voters_eligible", 92.31)])
    assert choose(options, rels).values["votes_for"] == 12


def test_choose_searches_a_beam_when_there_are_many_readings() -> None:
    options = {f: [9, 8, 7] for f in ("ballots_issued", "ballots_returned", "ballots_valid", "votes_for")}
    options |= {
        "members_total": [20, 21, 22],
        "members_official": [18, 19, 17],
        "members_probationary": [1, 2, 3],
    }
    options |= {"members_present": [9, 19, 20], "votes_against": [1, 0, 2]}
    choice = choose(options, relations(UnitKind.CHI_BO))
    v = choice.values
    assert v["members_total"] == v["members_official"] + v["members_probationary"]
    assert v["votes_for"] + v["votes_against"] <= v["ballots_valid"] <= v["ballots_returned"]
    assert not choice.broken


def test_dossier_total_read_two_ways_is_chosen_by_the_breakdown_and_shown() -> None:
    docs = clean_chi_bo()
    docs[BB] = [r for r in docs[BB] if r[0] != "members_total"]
    docs[BB] = [("members_total", 13), ("members_total", 15), ("members_probationary", 2), *docs[BB]]
    result = run(docs)
    assert result.figures.members_total == 15
    assert FlagCode.MEMBER_COUNT_MISMATCH not in codes(result)
    alt = result.alternatives["members_total"]
    assert alt.value == 15 and alt.others == [13] and "chính thức + dự bị" in alt.why
    assert [r.value for r in result.readings["members_total"] if r.chosen] == [15]


def test_a_real_member_count_mismatch_is_still_flagged() -> None:
    docs = set_value(clean_chi_bo(), BC, "members_total", 16)
    assert FlagCode.MEMBER_COUNT_MISMATCH in codes(run(docs))


def test_stated_base_of_a_percentage_is_the_only_base_checked() -> None:
    docs = clean_chi_bo()  # 13 official, 13 valid; 12 for of 13 is 92,31%
    docs = set_value(docs, BB, "votes_for", 12)
    docs = set_value(docs, BB, "votes_against", 1)
    docs = set_value(docs, BB, "votes_for_pct", 92.31)
    ok = set_value(docs, BB, "votes_for_pct_base", "voters_eligible")
    assert FlagCode.BALLOT_COUNT_INCONSISTENT not in codes(run(ok))
    docs = set_value(docs, BB, "members_present", 14)
    docs = set_value(docs, BB, "ballots_issued", 14)
    docs = set_value(docs, BB, "ballots_returned", 14)
    docs = set_value(docs, BB, "ballots_valid", 14)
    docs = set_value(docs, BB, "ballots_invalid", 0)
    docs = set_value(docs, BB, "votes_against", 2)
    wrong = set_value(docs, BB, "votes_for_pct_base", "ballots_valid")  # 12/14 is 85,71%, not 92,31%
    assert FlagCode.BALLOT_COUNT_INCONSISTENT in codes(run(wrong))


def test_ratings_stated_as_shares_are_counted_from_the_members_rated() -> None:
    docs = clean_chi_bo()
    docs[BC] = [r for r in docs[BC] if r[0] not in ("rating_xuat_sac", "rating_tot")]
    docs[BC] += [("rating_xuat_sac_pct", 20.0), ("rating_tot_pct", 66.67)]
    result = run(docs)
    assert result.figures.ratings.xuat_sac == 3 and result.figures.ratings.tot == 10
    assert result.verdict == "dat"


def test_a_lost_decimal_comma_is_restored_only_when_it_fits() -> None:
    assert plausible_points(79, 8.4) == (7.9, plausible_points(79, 8.4)[1])
    assert plausible_points(79, 8.4)[1] is not None
    assert plausible_points(7.9, 8.4) == (7.9, None)
    assert plausible_points(99, 8.4)[0] == 99  # 9,9 does not fit either: left for the checks
    docs = set_value(clean_chi_bo(), PH, "criterion", crit(2, 245))
    result = run(docs)
    assert result.figures.criteria_scores[1] == 24.5
    assert FlagCode.SCORE_INCONSISTENT not in codes(result)
    assert "24,5" in result.alternatives["criterion.2"].why


def test_ratings_add_up_to_the_members_not_excused() -> None:
    docs = clean_chi_bo()  # 15 members: 3 + 10 + 2 + 0 rated
    docs[BC] = [r for r in docs[BC] if r[0] != "members_rated"]
    docs = set_value(docs, BC, "rating_tot", 9)
    assert FlagCode.RATING_COUNT_MISMATCH in codes(run(docs))
    docs = set_value(docs, BB, "members_excused", 1)
    assert FlagCode.RATING_COUNT_MISMATCH not in codes(run(docs))


# ---- the score table chosen by its own sums ---------------------------------------------------------


def _row(key, crit, score, maximum, **kw):
    return ScoreRow(key, crit, score=cell_readings(score, **kw), max=cell_readings(maximum))


def test_score_table_a_lost_comma_is_fixed_by_the_sums() -> None:
    # Items 8 + 9,5 + 7 = 24,5 read as "245" at the criterion; the total 99,5 agrees with 24,5 too.
    rows = [
        _row("criterion_item.2.1", 2, 8, 8),
        _row("criterion_item.2.2", 2, 9.5, 10),
        _row("criterion_item.2.3", 2, 7, 7),
        _row("criterion.2", 2, 245, 25),
        _row("criterion.1", 1, 25, 25),
        _row("criterion.3", 3, 25, 25),
        _row("criterion.4", 4, 25, 25),
        _row("criteria_total", None, 99.5, 100),
    ]
    choice = choose_scores(rows)
    assert choice.values["criterion.2"]["score"] == 24.5
    assert choice.changed["criterion.2"]["score"][0] == 245
    assert "mất dấu phẩy" in choice.changed["criterion.2"]["score"][2]
    assert not choice.broken and choice.used
    # Only the criterion changed: the items as read already add up.
    assert set(choice.changed) == {"criterion.2"}


def test_score_table_a_deduction_column_gives_the_score() -> None:
    # "Thang điểm 9 | Điểm trừ 0,5 | Điểm đạt" where the score cell was read as 9 (the max repeated):
    # max − deduction = 8,5 is what makes the items add up to the criterion's 23,5.
    rows = [
        _row("criterion_item.1.1", 1, 8, 8),
        _row("criterion_item.1.2", 1, 9, 9, deducted=9 - 0.5),
        _row("criterion_item.1.3", 1, 7, 8),
        _row("criterion.1", 1, 23.5, 25),
    ]
    choice = choose_scores(rows)
    assert choice.values["criterion_item.1.2"]["score"] == 8.5
    assert "điểm trừ" in choice.changed["criterion_item.1.2"]["score"][2]
    assert not choice.broken


def test_score_table_an_inconsistency_that_no_reading_fixes_stays_broken() -> None:
    # Items add up to 22, the criterion says 24: no other reading of any cell makes that hold.
    rows = [
        _row("criterion_item.3.1", 3, 7, 8),
        _row("criterion_item.3.2", 3, 8, 9),
        _row("criterion_item.3.3", 3, 7, 8),
        _row("criterion.3", 3, 24, 25),
    ]
    choice = choose_scores(rows)
    assert choice.changed == {}
    assert choice.broken == ["điểm tự chấm các mục cộng lại bằng tiêu chí 3"]


def test_score_table_a_profile_bound_decides_a_maximum() -> None:
    rows = [_row("criterion.1", 1, 24, 250), _row("criterion.2", 2, 30, 30)]
    choice = choose_scores(rows, bounds=[25, 30, 25, 20])
    assert choice.values["criterion.1"]["max"] == 25
    assert not choice.broken


def test_dossier_score_table_comma_fixed_by_its_items_and_shown_as_alternatives() -> None:
    docs = clean_chi_bo()  # criterion 2 scored 24,5 of 25
    docs[PH] += [item(2, "2.1", 8, 8), item(2, "2.2", 9, 9), item(2, "2.3", 7.5, 8)]
    docs = set_value(docs, PH, "criterion", crit(2, 245))
    result = run(docs)
    assert result.figures.criteria_scores[1] == 24.5
    assert FlagCode.SCORE_INCONSISTENT not in codes(result)
    assert "24,5" in result.alternatives["criterion.2"].why


def test_dossier_criterion_score_missing_takes_the_sum_of_its_items() -> None:
    docs = clean_chi_bo()
    docs[PH] += [item(3, "3.1", 8, 8), item(3, "3.2", 8, 9), item(3, "3.3", 8, 8)]
    docs = set_value(docs, PH, "criterion", crit(3, None))  # the criterion's own score not read
    result = run(docs)
    assert result.figures.criteria_scores[2] == 24
    assert FlagCode.FIELD_NOT_FOUND not in codes(result)
    alt = result.alternatives["criterion.3.score"]
    assert alt.value == 24 and "tổng điểm các mục" in alt.why


def test_dossier_score_table_real_inconsistency_is_still_flagged() -> None:
    docs = clean_chi_bo()
    docs[PH] += [item(3, "3.1", 7, 8), item(3, "3.2", 8, 9), item(3, "3.3", 7, 8)]  # 22, not 24
    result = run(docs)
    assert FlagCode.SCORE_INCONSISTENT in codes(result)
    assert result.figures.criteria_scores[2] == 24


def test_score_table_a_doubtful_scanned_digit_only_when_the_sums_need_it() -> None:
    def rows(ocr: bool) -> list[ScoreRow]:
        return [
            _row("criterion_item.2.1", 2, 9, 9),
            ScoreRow("criterion_item.2.2", 2, score=cell_readings(8.35, ocr=ocr), max=cell_readings(9)),
            _row("criterion_item.2.3", 2, 7, 7),
            _row("criterion.2", 2, 24.5, 25),
        ]

    assert choose_scores(rows(ocr=True)).values["criterion_item.2.2"]["score"] == 8.5
    typed = choose_scores(rows(ocr=False))  # typed text: no digit is doubted, the sum stays broken
    assert typed.values["criterion_item.2.2"]["score"] == 8.35 and typed.broken


def test_dossier_criterion_max_missing_comes_from_the_profile_framework(monkeypatch) -> None:
    import importlib

    from validators.profiles import load_profile

    assess_module = importlib.import_module("validators.assess")

    base = load_profile("mac-dinh")
    framework = base.rules.criteria_framework.model_copy(update={"max_points": [25, 25, 25, 25]})
    rules = base.rules.model_copy(update={"criteria_framework": framework})
    profile = base.model_copy(update={"rules": rules})
    monkeypatch.setattr(assess_module, "load_profile", lambda name=None: profile)
    docs = clean_chi_bo()
    docs[PH] += [item(1, "1.1", 8, 8), item(1, "1.2", 9, 9), item(1, "1.3", 8, 8)]
    docs = set_value(docs, PH, "criterion", crit(1, 25, None))  # the criterion's max not read
    result = run(docs)
    assert result.figures.criteria_max[0] == 25
    assert "khung điểm" in result.alternatives["criterion.1.max"].why
    assert FlagCode.SCORE_INCONSISTENT not in codes(result)


def test_choose_checks_a_share_with_no_stated_base_against_the_usual_bases() -> None:
    # A count of the vote counters ("2") read before the votes in favour: the share (11 of 12)
    # names no base, but it fits one of the counts a share of the vote is taken of.
    options = {"votes_for": [2, 11], "voters_eligible": [12], "ballots_valid": [12], "votes_against": [1]}
    assert choose(options, relations(UnitKind.CHI_BO)).values["votes_for"] == 2
    rels = relations(UnitKind.CHI_BO, unbased_pcts=[("votes_for", 91.67)])
    choice = choose(options, rels)
    assert choice.values["votes_for"] == 11 and choice.changed == {"votes_for": 2}


def test_a_stray_small_count_before_the_votes_does_not_fail_the_vote() -> None:
    docs = clean_chi_bo()  # 13 official, 13 valid, 13 for (100%)
    docs[BB] = [("votes_for", 2), *docs[BB]]
    result = run(docs)
    assert result.figures.votes_for == 13
    assert not codes(result) & {FlagCode.VOTE_NOT_PASSED, FlagCode.BALLOT_COUNT_INCONSISTENT}


def test_a_share_of_a_stated_base_that_was_not_read_is_not_checked_against_other_bases() -> None:
    # 13 for of the committee's 15 is 86,67%; the committee's size is not read, and 13 of the 14
    # valid ballots (92,86%) is another share: nothing says the minutes are wrong.
    docs = set_value(clean_dang_bo(), BB, "committee_members", None)
    docs = set_value(docs, BB, "votes_for", 13)
    docs = set_value(docs, BB, "votes_against", 1)
    docs = set_value(docs, BB, "votes_for_pct", 86.67)
    docs = set_value(docs, BB, "votes_for_pct_base", "voters_eligible")
    result = run(docs)
    assert result.figures.voters_eligible is None
    assert FlagCode.BALLOT_COUNT_INCONSISTENT not in codes(result)
