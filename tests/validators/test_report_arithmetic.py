"""The báo cáo's own arithmetic: cumulative levels of subordinate cells derived only from what the report
states, and rating sums checked against the member count of the document that rates."""

from __future__ import annotations

import datetime as dt

from validators import assess
from validators.codes import FlagCode

from .factory import BB, BC, TT, clean_chi_bo, clean_dang_bo, make_dossier, set_value

TODAY = dt.date(2025, 1, 10)


def run(docs):
    return assess(make_dossier(docs), "mac-dinh", today=TODAY)


def codes(result) -> set[str]:
    return {f.code for f in result.flags}


def _levels_unstated(docs, *fields: str):
    for f in fields:
        docs = set_value(docs, BC, f, None)
    return docs


def test_at_least_hoan_thanh_is_the_total_less_the_cells_not_completing() -> None:
    # "Hoàn thành tốt nhiệm vụ trở lên: 8 chi bộ; Không hoàn thành nhiệm vụ: 01" of 10 cells.
    docs = _levels_unstated(
        clean_dang_bo(), "subordinates_xuat_sac", "subordinates_tot", "subordinates_hoan_thanh"
    )
    docs = set_value(docs, BC, "subordinates_at_least_tot", 8)
    docs = set_value(docs, BC, "subordinates_khong_hoan_thanh", 1)
    result = run(docs)
    assert result.figures.subordinates.at_least_hoan_thanh == 9
    assert FlagCode.SUBORDINATE_BELOW_THRESHOLD in codes(result)


def test_at_least_hoan_thanh_is_the_level_above_plus_the_level_between() -> None:
    # "Hoàn thành tốt nhiệm vụ trở lên: 10 chi bộ; Hoàn thành nhiệm vụ: không" (total not stated).
    docs = _levels_unstated(
        clean_dang_bo(),
        "subordinates_xuat_sac",
        "subordinates_tot",
        "subordinates_khong_hoan_thanh",
        "subordinates_total",
    )
    docs = set_value(docs, BC, "subordinates_at_least_tot", 10)
    docs = set_value(docs, BC, "subordinates_hoan_thanh", 0)
    result = run(docs)
    assert result.figures.subordinates.at_least_hoan_thanh == 10


def test_no_cumulative_level_is_guessed_without_the_report_saying_enough() -> None:
    # Only the total and the cells "bốn tốt": neither cumulative level follows.
    docs = _levels_unstated(
        clean_dang_bo(),
        "subordinates_xuat_sac",
        "subordinates_tot",
        "subordinates_hoan_thanh",
        "subordinates_khong_hoan_thanh",
    )
    sub = run(docs).figures.subordinates
    assert sub.at_least_hoan_thanh is None and sub.at_least_tot is None


def test_at_least_tot_is_the_total_less_the_two_lower_levels() -> None:
    docs = _levels_unstated(clean_dang_bo(), "subordinates_xuat_sac", "subordinates_tot")
    docs = set_value(docs, BC, "subordinates_hoan_thanh", 3)
    sub = run(docs).figures.subordinates
    assert sub.at_least_tot == 7  # 10 − 3 − 0
    assert sub.at_least_hoan_thanh == 10


def _other_count_in_the_minutes(rated: int):
    # The minutes say 17 members, the report 15; the report rates its members by level.
    docs = set_value(clean_chi_bo(), BC, "members_rated", None)
    docs = set_value(docs, BB, "members_total", 17)
    docs = set_value(docs, TT, "members_total", 17)
    return set_value(docs, BC, "rating_hoan_thanh", rated)


def test_ratings_adding_up_to_their_own_report_are_not_a_rating_mismatch() -> None:
    result = run(_other_count_in_the_minutes(2))  # 3 + 10 + 2 + 0 = 15, the report's own total
    assert FlagCode.MEMBER_COUNT_MISMATCH in codes(result)
    assert FlagCode.RATING_COUNT_MISMATCH not in codes(result)


def test_ratings_that_do_not_add_up_to_any_stated_count_are_a_rating_mismatch() -> None:
    result = run(_other_count_in_the_minutes(1))  # 3 + 10 + 1 + 0 = 14: no document says 14
    assert FlagCode.RATING_COUNT_MISMATCH in codes(result)
