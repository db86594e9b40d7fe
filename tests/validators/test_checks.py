"""Every check on readings built directly: pass, fail, the exact boundaries, the unit kinds, the verdict."""

from __future__ import annotations

import datetime as dt

import pytest

from validators import FileError, assess
from validators.codes import FlagCode, Severity, Verdict

from .factory import (
    BB,
    BC,
    KH,
    PH,
    TT,
    clean_chi_bo,
    clean_dang_bo,
    crit,
    item,
    make_dossier,
    make_file,
    set_value,
)

TODAY = dt.date(2025, 1, 10)


def run(docs, *extra, profile: str = "mac-dinh"):
    return assess(make_dossier(docs, *extra), profile, today=TODAY)


def codes(result) -> set[str]:
    return {f.code for f in result.flags}


def flags(result, code: FlagCode):
    return [f for f in result.flags if f.code == code]


def test_clean_cell_and_clean_committee_are_dat_without_flags() -> None:
    for docs in (clean_chi_bo(), clean_dang_bo()):
        result = run(docs)
        assert result.verdict == Verdict.DAT, [f.message for f in result.flags]
        assert result.flags == []


def test_figures_units_and_document_fields() -> None:
    result = run(clean_chi_bo())
    assert result.unit.name == "Chi bộ Phòng Tư pháp" and result.unit.kind == "chi_bo"
    assert result.unit.parent == "Đảng bộ Cơ quan Chính quyền huyện" and result.year == 2024
    assert result.figures.voters_eligible == 13  # official members, none excused
    assert result.figures.subordinates is None
    assert result.figures.criteria_scores == [25, 24.5, 24, 25] and result.figures.criteria_max == [25] * 4
    tt = next(d for d in result.documents if d.type == "to_trinh")
    assert tt.fields["doc_number"] == "05-TTr/CB" and tt.fields["signer"] == "Nguyễn Văn A"
    members = result.readings["members_total"]
    assert len(members) == 2 and sum(r.chosen for r in members) == 1
    assert next(r for r in members if r.chosen).doc_type == "bien_ban_kiem_phieu"


# ---- criteria -------------------------------------------------------------------------------------


@pytest.mark.parametrize(("score", "ok"), [(23.75, True), (23.74, False), (23, False), (25, True)])
def test_criterion_boundary_at_exactly_95_percent(score: float, ok: bool) -> None:
    docs = set_value(set_value(clean_chi_bo(), PH, "criteria_total", None), PH, "criterion", crit(3, score))
    result = run(docs)
    assert (FlagCode.CRITERION_BELOW_THRESHOLD not in codes(result)) == ok
    assert result.verdict == (Verdict.DAT if ok else Verdict.KHONG_DAT)
    if not ok:
        flag = flags(result, FlagCode.CRITERION_BELOW_THRESHOLD)[0]
        assert "Tiêu chí 3" in flag.message and "95%" in flag.message and "II.2.2" in flag.message
        assert (
            flag.rule == "criteria_min_share"
            and flag.source
            and flag.evidence[0].file == "Phieu tu danh gia.pdf"
        )


def test_criterion_message_names_score_max_and_share() -> None:
    docs = set_value(clean_chi_bo(), PH, "criterion", crit(3, 23))
    docs = set_value(docs, PH, "criteria_total", {"max": 100, "score": 97.5})
    result = run(docs)
    assert result.verdict == Verdict.KHONG_DAT
    (flag,) = flags(result, FlagCode.CRITERION_BELOW_THRESHOLD)
    assert "23/25 điểm = 92%" in flag.message and "từ 95% trở lên" in flag.message


def test_criterion_marked_khong_dat() -> None:
    docs = set_value(clean_chi_bo(), PH, "criterion", crit(2, None, None, passed=False))
    assert run(docs).verdict == Verdict.KHONG_DAT
    docs = clean_chi_bo()
    docs[PH] = [r for r in docs[PH] if r[0] != "criterion" or r[1]["index"] != 4] + [
        item(4, "4.1", None, None, True),
        item(4, "4.2", None, None, False),
    ]
    result = run(docs)
    assert (
        result.verdict == Verdict.KHONG_DAT
        and "4.2" in flags(result, FlagCode.CRITERION_BELOW_THRESHOLD)[0].message
    )


def test_dat_khong_dat_form_all_passed_is_dat() -> None:
    docs = clean_chi_bo()
    docs[PH] = docs[PH][:3] + [crit(i, None, None, passed=True) for i in range(1, 5)]
    assert run(docs).verdict == Verdict.DAT


def test_missing_criterion_score_is_field_not_found_not_a_pass() -> None:
    docs = clean_chi_bo()
    docs[PH] = [r for r in docs[PH] if not (r[0] == "criterion" and r[1]["index"] == 2)]
    docs[PH] = [r for r in docs[PH] if r[0] != "criteria_total"]
    result = run(docs)
    assert result.verdict == Verdict.CAN_XEM_XET
    (flag,) = flags(result, FlagCode.FIELD_NOT_FOUND)
    assert "tiêu chí 2" in flag.message and flag.rule == "criteria_min_share"


# ---- member ratings (cell) and subordinate cells (party committee) -------------------------------------


@pytest.mark.parametrize(("xs", "tot", "ht", "ok"), [(2, 10, 3, True), (2, 9, 4, False)])
def test_member_ratings_boundary_at_exactly_80_percent(xs: int, tot: int, ht: int, ok: bool) -> None:
    docs = clean_chi_bo()
    for field, value in (("rating_xuat_sac", xs), ("rating_tot", tot), ("rating_hoan_thanh", ht)):
        docs = set_value(docs, BC, field, value)
    result = run(docs)  # 12/15 = 80% exactly passes; 11/15 fails
    assert (result.verdict == Verdict.DAT) == ok
    if not ok:
        (flag,) = flags(result, FlagCode.MEMBER_RATING_BELOW_THRESHOLD)
        assert "11/15" in flag.message and "80%" in flag.message and len(flag.evidence) >= 3


def test_member_not_completing_duties_fails_the_100_percent_rule() -> None:
    docs = set_value(clean_chi_bo(), BC, "rating_hoan_thanh", 1)
    docs = set_value(docs, BC, "rating_khong_hoan_thanh", 1)
    result = run(docs)
    assert result.verdict == Verdict.KHONG_DAT
    assert "14/15" in flags(result, FlagCode.MEMBER_RATING_BELOW_THRESHOLD)[0].message


def test_member_rating_rule_does_not_apply_to_a_party_committee() -> None:
    docs = clean_dang_bo()
    docs[BC] += [
        ("members_rated", 210),
        ("rating_xuat_sac", 10),
        ("rating_tot", 100),
        ("rating_hoan_thanh", 100),
    ]
    docs[BC] += [("rating_khong_hoan_thanh", 0)]  # 110/210 at "tốt": would fail a cell
    result = run(docs)
    assert FlagCode.MEMBER_RATING_BELOW_THRESHOLD not in codes(result) and result.verdict == Verdict.DAT


@pytest.mark.parametrize(("tot", "ht", "ok"), [(6, 2, True), (5, 3, False)])
def test_subordinates_boundary_at_exactly_80_percent(tot: int, ht: int, ok: bool) -> None:
    docs = set_value(clean_dang_bo(), BC, "subordinates_tot", tot)
    docs = set_value(docs, BC, "subordinates_hoan_thanh", ht)
    result = run(docs)
    assert result.figures.subordinates.at_least_tot == 2 + tot  # computed from the per-level counts
    assert (FlagCode.SUBORDINATE_BELOW_THRESHOLD not in codes(result)) == ok


def test_subordinate_rules_do_not_apply_to_a_cell() -> None:
    docs = clean_chi_bo()
    docs[BC] += [("subordinates_total", 5), ("subordinates_tot", 1)]
    result = run(docs)
    assert FlagCode.SUBORDINATE_BELOW_THRESHOLD not in codes(result) and result.figures.subordinates is None


def test_profile_switch_changes_the_outcome_only_on_the_bon_tot_rule() -> None:
    docs = set_value(clean_dang_bo(), BC, "subordinates_bon_tot", 8)  # 8/10 cells "bốn tốt"
    base, local = run(docs), run(docs, profile="can-duoc")
    assert base.verdict == Verdict.DAT and base.flags == []
    assert local.verdict == Verdict.KHONG_DAT
    (flag,) = local.flags
    assert flag.code == FlagCode.SUBORDINATE_BELOW_THRESHOLD and flag.rule == "subordinates_bon_tot"
    assert "8/10" in flag.message and "90%" in flag.message and "10-HD/BTCHU" in flag.source
    assert base.figures == local.figures
    # and at 9/10 both agree
    docs = set_value(clean_dang_bo(), BC, "subordinates_bon_tot", 9)
    assert run(docs).verdict == run(docs, profile="can-duoc").verdict == Verdict.DAT


def test_bon_tot_unread_under_can_duoc_is_field_not_found() -> None:
    docs = set_value(clean_dang_bo(), BC, "subordinates_bon_tot", None)
    assert run(docs).verdict == Verdict.DAT
    result = run(docs, profile="can-duoc")
    assert result.verdict == Verdict.CAN_XEM_XET
    assert flags(result, FlagCode.FIELD_NOT_FOUND)[0].field == "subordinates_bon_tot"


def test_unknown_unit_kind_says_so_and_is_never_dat() -> None:
    docs = set_value(clean_chi_bo(), TT, "unit_kind", None)
    for t in (TT, BB, BC, PH):
        docs = set_value(docs, t, "unit_name", "Phòng Tư pháp")
    result = run(docs)
    assert result.unit.kind is None and result.verdict == Verdict.CAN_XEM_XET
    assert [f.field for f in flags(result, FlagCode.FIELD_NOT_FOUND)] == ["unit_kind", "voters_eligible"]


def test_unit_kind_from_the_name() -> None:
    docs = set_value(clean_chi_bo(), TT, "unit_kind", None)
    assert run(docs).unit.kind == "chi_bo"
    docs = set_value(clean_dang_bo(), TT, "unit_kind", None)
    assert run(docs).unit.kind == "dang_bo_co_so"


# ---- vote, quorum, attendance, meetings, discipline ----------------------------------------------------


@pytest.mark.parametrize(("votes", "ok"), [(7, True), (6, False)])
def test_vote_must_be_more_than_half_exactly_half_fails(votes: int, ok: bool) -> None:
    docs = set_value(clean_chi_bo(), BB, "members_official", 12)
    docs = set_value(docs, BB, "votes_for", votes)
    docs = set_value(docs, BB, "votes_against", 13 - votes)
    docs = set_value(docs, BB, "votes_for_pct", None)
    result = run(docs)
    assert (FlagCode.VOTE_NOT_PASSED not in codes(result)) == ok
    if not ok:
        flag = flags(result, FlagCode.VOTE_NOT_PASSED)[0]
        assert "6 phiếu tán thành trên 12" in flag.message and "đảng viên chính thức" in flag.message
        assert result.verdict == Verdict.KHONG_DAT


def test_party_committee_vote_counts_against_committee_members() -> None:
    docs = set_value(clean_dang_bo(), BB, "votes_for", 7)
    docs = set_value(docs, BB, "votes_against", 7)
    result = run(docs)  # 7 of 15 committee members: not more than half (200 official members irrelevant)
    assert result.figures.voters_eligible == 15
    assert "đảng ủy viên" in flags(result, FlagCode.VOTE_NOT_PASSED)[0].message


def test_voters_eligible_excludes_excused_and_prefers_stated() -> None:
    docs = set_value(clean_chi_bo(), BB, "members_excused", 1)
    assert run(docs).figures.voters_eligible == 12
    docs = set_value(clean_chi_bo(), BB, "voters_eligible", 11)
    assert run(docs).figures.voters_eligible == 11


def test_vote_without_voters_is_field_not_found() -> None:
    docs = set_value(clean_dang_bo(), BB, "committee_members", None)
    result = run(docs)
    assert result.figures.voters_eligible is None and result.verdict == Verdict.CAN_XEM_XET
    assert "voters_eligible" in {f.field for f in flags(result, FlagCode.FIELD_NOT_FOUND)}


def test_quorum_two_thirds() -> None:
    docs = set_value(clean_chi_bo(), BB, "members_official", 12)
    for field in ("members_present", "ballots_issued", "ballots_returned", "ballots_valid", "votes_for"):
        docs = set_value(docs, BB, field, 8)  # 8/12 = 2/3 exactly: quorum met
    docs = set_value(docs, BB, "votes_for_pct", None)
    assert FlagCode.QUORUM_NOT_MET not in codes(run(docs))
    for field in ("members_present", "ballots_issued", "ballots_returned", "ballots_valid", "votes_for"):
        docs = set_value(docs, BB, field, 7)
    result = run(docs)
    assert FlagCode.QUORUM_NOT_MET in codes(result) and result.verdict == Verdict.KHONG_DAT


@pytest.mark.parametrize(("pct", "ok"), [(85.0, False), (85.1, True)])
def test_attendance_must_be_above_85_percent(pct: float, ok: bool) -> None:
    result = run(set_value(clean_chi_bo(), BC, "attendance_pct", pct))
    assert (result.verdict == Verdict.DAT) == ok
    if not ok:
        assert "85%" in flags(result, FlagCode.ATTENDANCE_BELOW_THRESHOLD)[0].message


@pytest.mark.parametrize(("field", "value"), [("regular_meetings", 11), ("thematic_meetings", 3)])
def test_meetings_below_minimum(field: str, value: int) -> None:
    result = run(set_value(clean_chi_bo(), BC, field, value))
    assert result.verdict == Verdict.KHONG_DAT and FlagCode.MEETINGS_BELOW_MINIMUM in codes(result)


def test_discipline_recorded_and_discipline_unread() -> None:
    result = run(set_value(clean_chi_bo(), BC, "disciplined_members", 1))
    assert result.verdict == Verdict.KHONG_DAT and FlagCode.DISCIPLINE_RECORDED in codes(result)
    result = run(set_value(clean_chi_bo(), BC, "disciplined_members", None))
    assert result.verdict == Verdict.CAN_XEM_XET and FlagCode.FIELD_NOT_FOUND in codes(result)


# ---- arithmetic ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "value"),
    [("ballots_returned", 14), ("ballots_invalid", 1), ("votes_against", 1), ("votes_for_pct", 90.0)],
)
def test_ballot_counts_inconsistent(field: str, value: float) -> None:
    docs = set_value(clean_chi_bo(), BB, field, value)
    if field == "ballots_returned":
        docs = set_value(docs, BB, "members_present", 14)
    result = run(docs)
    assert FlagCode.BALLOT_COUNT_INCONSISTENT in codes(result) and result.verdict == Verdict.CAN_XEM_XET


def test_stated_percentage_within_rounding_is_fine() -> None:
    docs = set_value(clean_chi_bo(), BB, "votes_for", 12)
    docs = set_value(docs, BB, "votes_against", 1)
    docs = set_value(docs, BB, "votes_for_pct", 92.0)  # 12/13 = 92.3%
    assert FlagCode.BALLOT_COUNT_INCONSISTENT not in codes(run(docs))


def test_scores_inconsistent() -> None:
    docs = set_value(clean_chi_bo(), PH, "criteria_total", {"max": 100, "score": 99})
    assert FlagCode.SCORE_INCONSISTENT in codes(run(docs))
    docs = set_value(clean_chi_bo(), PH, "criterion", crit(1, 26))
    assert FlagCode.SCORE_INCONSISTENT in codes(run(docs))
    docs = clean_chi_bo()
    docs[PH] += [item(1, "1.1", 10, 10), item(1, "1.2", 14, 15)]  # items 24 ≠ criterion 25
    flag = flags(run(docs), FlagCode.SCORE_INCONSISTENT)[0]
    assert "tiêu chí 1" in flag.message and len(flag.evidence) == 3


def test_criterion_score_from_items_when_row_is_absent() -> None:
    docs = clean_chi_bo()
    docs[PH] = [r for r in docs[PH] if not (r[0] == "criterion" and r[1]["index"] == 1)]
    docs[PH] += [item(1, "1.1", 10, 10), item(1, "1.2", 13, 15)]
    result = run(docs)
    assert result.figures.criteria_scores[0] == 23 and result.verdict == Verdict.KHONG_DAT


def test_rating_counts_must_add_up() -> None:
    result = run(set_value(clean_chi_bo(), BC, "members_rated", 16))
    assert FlagCode.RATING_COUNT_MISMATCH in codes(result)
    result = run(set_value(clean_dang_bo(), BC, "subordinates_total", 11))
    assert FlagCode.RATING_COUNT_MISMATCH in codes(result)


# ---- agreement between documents ------------------------------------------------------------------------


def test_unit_names_tolerate_case_and_ocr_noise_but_not_another_unit() -> None:
    ok = set_value(clean_chi_bo(), BC, "unit_name", "Chi bo Phong Tu phap")
    ok = set_value(ok, PH, "unit_name", "CHI BỘ PHÒNG TƯ PHÀP")
    assert FlagCode.UNIT_MISMATCH not in codes(run(ok))
    bad = set_value(clean_chi_bo(), BC, "unit_name", "Chi bộ Phòng Tài chính")
    result = run(bad)
    assert (
        FlagCode.UNIT_MISMATCH in codes(result)
        and "Phòng Tài chính" in flags(result, FlagCode.UNIT_MISMATCH)[0].message
    )


def test_year_and_member_count_mismatch() -> None:
    result = run(set_value(clean_chi_bo(), BC, "year", 2023))
    assert FlagCode.YEAR_MISMATCH in codes(result) and result.year == 2024
    result = run(set_value(clean_chi_bo(), BC, "members_total", 16))
    (flag,) = flags(result, FlagCode.MEMBER_COUNT_MISMATCH)
    assert "15" in flag.message and "16" in flag.message and len(flag.evidence) == 2


def test_date_order_and_impossible_dates() -> None:
    result = run(set_value(clean_chi_bo(), BB, "doc_date", "2024-12-22"))
    assert FlagCode.DATE_ORDER in codes(result)
    result = run(set_value(clean_chi_bo(), BC, "doc_date", "2024-02-30"))
    assert "không có thật" in flags(result, FlagCode.DATE_ORDER)[0].message
    result = run(set_value(clean_chi_bo(), BC, "doc_date", "2025-06-01"))
    assert FlagCode.DATE_ORDER in codes(result)


def test_late_submission_against_the_profile_deadline() -> None:
    assert FlagCode.LATE_SUBMISSION not in codes(run(set_value(clean_chi_bo(), TT, "doc_date", "2024-12-31")))
    result = run(set_value(clean_chi_bo(), TT, "doc_date", "2025-01-05"))
    (flag,) = flags(result, FlagCode.LATE_SUBMISSION)
    assert "31/12/2024" in flag.message and result.verdict == Verdict.CAN_XEM_XET


# ---- completeness, quality --------------------------------------------------------------------------------


def test_missing_document_is_bo_sung_without_field_noise() -> None:
    docs = clean_chi_bo()
    del docs[BB]
    result = run(docs)
    assert result.verdict == Verdict.BO_SUNG
    assert codes(result) == {FlagCode.MISSING_DOCUMENT}


def test_threshold_failure_outranks_a_missing_document() -> None:
    docs = set_value(clean_chi_bo(), BC, "disciplined_members", 2)
    del docs[PH]
    assert run(docs).verdict == Verdict.KHONG_DAT


def test_duplicates_by_type_and_by_content() -> None:
    docs = clean_chi_bo()
    copy_ = make_file(BC, docs[BC], name="Bao cao (2).docx")
    result = run(docs, copy_)
    assert FlagCode.DUPLICATE_DOCUMENT in codes(result) and result.verdict == Verdict.CAN_XEM_XET
    same = make_file(BC, docs[BC])
    same.file = "copy/Bao cao.docx"
    result = run(docs, same)
    dup = flags(result, FlagCode.DUPLICATE_DOCUMENT)
    assert len(dup) == 1 and "SHA-256" in dup[0].message


def test_unreadable_file_error_only_when_it_leaves_a_document_missing() -> None:
    broken = make_file(KH, [], name="scan.pdf")
    broken.text, broken.error = (
        None,
        FileError(code="UNREADABLE_FILE", message_vi="tệp hỏng", message_en="corrupt file"),
    )
    result = run(clean_chi_bo(), broken)
    (flag,) = flags(result, FlagCode.UNREADABLE_FILE)
    assert flag.severity == Severity.WARNING and result.verdict == Verdict.CAN_XEM_XET
    docs = clean_chi_bo()
    del docs[TT]
    result = run(docs, broken)
    assert (
        flags(result, FlagCode.UNREADABLE_FILE)[0].severity == Severity.ERROR
        and result.verdict == Verdict.BO_SUNG
    )


def test_unsupported_and_unrecognized_files() -> None:
    odd = make_file(KH, [], name="anh.bmp")
    odd.text, odd.error = (
        None,
        FileError(code="UNSUPPORTED_FILE", message_vi="không hỗ trợ", message_en="unsupported"),
    )
    plan = make_file(KH, [("unit_name", "Chi bộ Phòng Tư pháp")], name="Ke hoach.docx")
    result = run(clean_chi_bo(), odd, plan)
    assert flags(result, FlagCode.UNSUPPORTED_FILE)[0].severity == Severity.WARNING
    assert flags(result, FlagCode.UNRECOGNIZED_DOCUMENT)[0].severity == Severity.INFO


def test_low_ocr_confidence_on_page_and_on_a_used_value() -> None:
    docs = clean_chi_bo()
    scan = make_file(BC, docs.pop(BC), ocr=52.0, image="/tmp/p1.png")
    result = run(docs, scan)
    (flag,) = flags(result, FlagCode.LOW_OCR_CONFIDENCE)
    assert flag.evidence[0].image == "/tmp/p1.png" and result.verdict == Verdict.CAN_XEM_XET
    docs = clean_chi_bo()
    scan = make_file(BC, docs.pop(BC), ocr=80.0, line_confidence=40.0, image="/tmp/p1.png")
    result = run(docs, scan)
    low = flags(result, FlagCode.LOW_OCR_CONFIDENCE)
    assert low and {f.field for f in low} >= {"attendance_pct", "regular_meetings"}
    assert all(f.evidence[0].bbox is not None for f in low)
    assert result.readings["attendance_pct"][0].confidence == 40.0


def test_legacy_rating_label_is_a_warning() -> None:
    docs = clean_chi_bo()
    docs[BC].append(("legacy_rating_label", "trong sạch, vững mạnh"))
    result = run(docs)
    assert flags(result, FlagCode.LEGACY_RATING_LABEL)[0].severity == Severity.WARNING


def test_table_reading_preferred_over_prose_in_the_same_document() -> None:
    docs = clean_chi_bo()
    prose = make_file(BC, [*docs.pop(BC), ("regular_meetings", 11)])
    table = make_file(BC, [("regular_meetings", 12)], name="Bao cao.docx", table=True)
    prose.readings += [
        r.model_copy(update={"prov": r.prov.model_copy(update={"block": 99})}) for r in table.readings
    ]
    result = run(docs, prose)
    chosen = next(r for r in result.readings["regular_meetings"] if r.chosen)
    assert chosen.table == 0 and chosen.value == 12


def test_every_flag_has_a_message_and_error_flags_have_evidence() -> None:
    docs = set_value(clean_chi_bo(), PH, "criterion", crit(3, 20))
    docs = set_value(docs, BC, "attendance_pct", 80.0)
    docs = set_value(docs, BB, "votes_for", 5)
    result = run(docs)
    assert result.verdict == Verdict.KHONG_DAT
    for flag in result.flags:
        assert flag.message and flag.severity
        if flag.severity == Severity.ERROR:
            assert flag.evidence and flag.rule and flag.source


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Chi bộ Phòng Tư pháp", "Chi b0 Ph0ng Tu phap", True),
        ("Đảng bộ xã Phước Đông", "ĐẢNG ỦY XÃ PHƯỚC ĐÔNG", True),
        ("Chi bộ Phòng Tư pháp", "Chi bộ Phòng Tư pháp huyện Cần Đước", True),
        ("Chi bộ Khu phố 3", "Chi bộ Khu phố 5", False),
        ("Đảng bộ xã Tân Lân", "Đảng bộ xã Tân Trạch", False),
        ("Chi bộ Phòng Tư pháp", "Chi bộ Phòng Nội vụ", False),
    ],
)
def test_same_unit(a: str, b: str, same: bool) -> None:
    from validators.checks.agreement import same_unit

    assert same_unit(a, b) == same


def test_zero_voters_is_not_a_failed_vote() -> None:
    docs = set_value(clean_dang_bo(), BB, "committee_members", 0)
    result = run(docs)
    assert FlagCode.VOTE_NOT_PASSED not in codes(result) and result.verdict == Verdict.CAN_XEM_XET


def test_profile_deadlines_for_a_year() -> None:
    from validators import load_profile

    deadlines = load_profile("mac-dinh").deadlines(2024)
    assert deadlines["appraisal_deadline"] == dt.date(2025, 2, 15)
    assert deadlines["proposal_deadline"] == dt.date(2024, 12, 31)


def test_assess_never_raises_on_odd_readings() -> None:
    docs = set_value(clean_chi_bo(), BB, "votes_for", "mười")
    docs = set_value(docs, BB, "doc_date", "not a date")
    docs = set_value(docs, BC, "attendance_pct", True)
    docs = set_value(docs, TT, "unit_kind", "hội đồng")
    docs[PH] = [("criterion", {"index": "x"}), ("criterion_item", "bad"), ("criteria_total", {"max": "?"})]
    docs[PH] += [crit(1, "25"), ("criterion_item", {"criterion": 2, "item": None, "score": -1, "max": 5})]
    result = run(docs)
    assert result.verdict == Verdict.CAN_XEM_XET
    assert not any(f.code == FlagCode.NOT_PROCESSED for f in result.flags)
    assert result.figures.votes_for is None and result.figures.attendance_pct is None
    assert {"votes_for", "attendance_pct"} <= {f.field for f in flags(result, FlagCode.FIELD_NOT_FOUND)}
    assert FlagCode.DATE_ORDER in codes(result)


def test_a_figure_stated_differently_by_two_documents() -> None:
    docs = clean_chi_bo()
    docs[TT] += [("regular_meetings", 11)]  # the proposal says 11, the report 12
    result = run(docs)
    (flag,) = flags(result, FlagCode.FIGURE_MISMATCH)
    assert "11" in flag.message and "12" in flag.message and "Bao cao.docx" in flag.message
    assert result.figures.regular_meetings == 12 and result.verdict == Verdict.CAN_XEM_XET


def test_a_failed_threshold_another_document_says_is_met_goes_to_a_person() -> None:
    docs = set_value(clean_chi_bo(), BC, "regular_meetings", 10)  # the report, which decides, says 10
    docs[TT] += [("regular_meetings", 12)]  # the proposal says 12
    result = run(docs)
    (flag,) = flags(result, FlagCode.MEETINGS_BELOW_MINIMUM)
    assert flag.severity == Severity.WARNING and "12" in flag.message and "To trinh.docx" in flag.message
    assert result.verdict == Verdict.CAN_XEM_XET
    assert FlagCode.FIGURE_MISMATCH in codes(result)


def test_a_failed_threshold_every_document_fails_stands() -> None:
    docs = set_value(clean_chi_bo(), BC, "regular_meetings", 10)
    docs[TT] += [("regular_meetings", 9)]  # another value, but on the failing side too
    assert run(docs).verdict == Verdict.KHONG_DAT
    docs = set_value(docs, TT, "regular_meetings", 12)
    docs = set_value(docs, BC, "thematic_meetings", 3)  # a second failure nobody contests
    result = run(docs)
    assert result.verdict == Verdict.KHONG_DAT
    severities = {f.field: f.severity for f in flags(result, FlagCode.MEETINGS_BELOW_MINIMUM)}
    assert severities == {"regular_meetings": Severity.WARNING, "thematic_meetings": Severity.ERROR}


def test_ratings_without_members_rated_or_the_fourth_level() -> None:
    docs = set_value(clean_chi_bo(), BC, "members_rated", None)
    docs = set_value(docs, BC, "rating_khong_hoan_thanh", None)
    assert run(docs).verdict == Verdict.DAT  # 3 + 10 + 2 = 15 members: all rated, none below
    docs = set_value(docs, BB, "members_total", 16)
    docs = set_value(docs, BC, "members_total", 16)
    result = run(docs)  # 15 of 16 accounted for: the 16th may be unrated or failing, so say so
    assert result.verdict == Verdict.CAN_XEM_XET
    assert "members_rated" in {f.field for f in flags(result, FlagCode.FIELD_NOT_FOUND)}


def test_a_computed_figure_says_how_in_its_readings() -> None:
    result = run(clean_chi_bo())
    (entry,) = result.readings["voters_eligible"]
    assert (
        entry.chosen
        and entry.value == 13
        and "chính thức" in entry.text
        and entry.file == "Bien ban kiem phieu.docx"
    )
    result = run(clean_dang_bo())
    assert result.readings["subordinates_at_least_tot"][0].value == 9


def test_items_lost_to_ocr_are_a_reading_gap_not_a_wrong_sum() -> None:
    docs = clean_chi_bo()
    phieu = [*docs.pop(PH), item(1, "1.1", 10, 10)]  # item 1.2 (max 15) was not read from the scan
    scanned = make_file(PH, phieu, ocr=88.0, line_confidence=88.0)
    assert FlagCode.SCORE_INCONSISTENT not in codes(run(docs, scanned))
    typed = make_file(PH, phieu)  # the same rows typed in Word: the sum is the unit's own
    assert FlagCode.SCORE_INCONSISTENT in codes(run(docs, typed))


def test_one_unread_criterion_is_the_total_less_the_others() -> None:
    docs = clean_chi_bo()
    docs[PH] = [r for r in docs[PH] if not (r[0] == "criterion" and r[1]["index"] == 2)]
    scores = [r[1]["score"] for r in docs[PH] if r[0] == "criterion"]
    docs[PH] += [("criteria_total", {"max": 100, "score": sum(scores) + 24.5})]
    scanned = make_file(PH, [*docs.pop(PH), item(2, "2.1", 10, 10)], ocr=88.0, line_confidence=88.0)
    result = run(docs, scanned)
    assert result.figures.criteria_scores[1] == 24.5 and result.figures.criteria_max[1] == 25
    assert FlagCode.SCORE_INCONSISTENT not in codes(result)
    assert any("trừ" in r.text for r in result.readings["criterion.2"])


def test_one_unread_criterion_maximum_is_the_total_less_the_others() -> None:
    """A scan lost only criterion 4's maximum ("J25_"): the total row's maximum less the others' gives
    it, because the rows' scores add up to the total's score (the total is this table's sum)."""
    docs = clean_chi_bo()
    docs[PH] = [r for r in docs[PH] if not (r[0] == "criterion" and r[1]["index"] == 4)]
    docs[PH] += [crit(4, 25, None)]
    result = run(docs)
    assert result.figures.criteria_max == [25, 25, 25, 25] and result.figures.criteria_scores[3] == 25
    assert FlagCode.SCORE_INCONSISTENT not in codes(result)
    assert "tổng điểm trừ" in result.alternatives["criterion.4.max"].why


def test_a_criterion_maximum_not_read_is_the_sum_of_its_items() -> None:
    docs = clean_chi_bo()
    docs[PH] = [
        r for r in docs[PH] if r[0] != "criteria_total" and not (r[0] == "criterion" and r[1]["index"] == 2)
    ]
    docs[PH] += [crit(2, 24.5, None), item(2, "2.1", 10, 10), item(2, "2.2", 14.5, 15)]
    result = run(docs)
    assert (
        result.figures.criteria_max[1] == 25
        and "tổng điểm tối đa các mục" in result.alternatives["criterion.2.max"].why
    )
    # Items whose scores do not make the criterion's (a row lost): no maximum follows from them.
    docs[PH] = [r for r in docs[PH] if r[0] != "criterion_item" or r[1]["item"] != "2.1"]
    assert run(docs).figures.criteria_max[1] is None


def test_a_criterion_score_not_read_is_the_sum_of_its_items() -> None:
    docs = clean_chi_bo()
    docs[PH] = [
        r for r in docs[PH] if r[0] != "criteria_total" and not (r[0] == "criterion" and r[1]["index"] == 2)
    ]
    docs[PH] += [crit(2, None, 25), item(2, "2.1", 10, 10), item(2, "2.2", 14.5, 15)]
    result = run(docs)
    assert result.figures.criteria_scores[1] == 24.5
    assert "tổng điểm các mục (10 + 14,5 = 24,5)" in result.alternatives["criterion.2.score"].why
    # Items whose maxima do not make the criterion's (a row lost): no score follows from them.
    docs[PH] = [r for r in docs[PH] if r[0] != "criterion_item" or r[1]["item"] != "2.1"]
    assert run(docs).figures.criteria_scores[1] is None


def test_a_total_that_is_not_the_rows_sum_gives_no_maximum() -> None:
    docs = clean_chi_bo()
    drop = ("criteria_total", 4)
    docs[PH] = [
        r for r in docs[PH] if r[0] not in drop and not (r[0] == "criterion" and r[1]["index"] in drop)
    ]
    docs[PH] += [crit(4, 25, None), ("criteria_total", {"max": 100, "score": 97})]  # rows say 98,5
    result = run(docs)
    assert result.figures.criteria_max[3] is None


def test_two_unread_criteria_stay_unread() -> None:
    docs = clean_chi_bo()
    docs[PH] = [r for r in docs[PH] if not (r[0] == "criterion" and r[1]["index"] in (2, 3))]
    docs[PH] += [("criteria_total", {"max": 100, "score": 97})]
    result = run(docs)
    assert result.figures.criteria_scores[1] is None and result.figures.criteria_scores[2] is None
    assert FlagCode.FIELD_NOT_FOUND in codes(result) and result.verdict != Verdict.DAT


def test_a_sum_broken_by_a_doubtful_ocr_value_is_a_reading_doubt() -> None:
    """Items 10 + 14 ≠ 25: on a scan where item 1.2 was read at confidence 50 (floor 60) the sum says
    more about the reading than about the document, so the reviewer is told to check that value."""
    docs = clean_chi_bo()
    phieu = [*docs.pop(PH), item(1, "1.1", 10, 10), item(1, "1.2", 14, 15)]
    scanned = make_file(PH, phieu, ocr=90.0, line_confidence=90.0)
    doubtful = next(r for r in scanned.readings if isinstance(r.value, dict) and r.value.get("item") == "1.2")
    doubtful.prov = doubtful.prov.model_copy(update={"confidence": 50.0})
    result = run(docs, scanned)
    assert FlagCode.SCORE_INCONSISTENT not in codes(result)
    low = flags(result, FlagCode.LOW_OCR_CONFIDENCE)
    assert len(low) == 1, "one flag for the value, not one from the sum and one from the value"
    assert "mục 1.2" in low[0].message and "tiêu chí 1" in low[0].message and "50" in low[0].message
    assert low[0].evidence[0].text == doubtful.raw
    # The same sum read confidently is the unit's own arithmetic.
    confident = make_file(PH, phieu, ocr=90.0, line_confidence=90.0)
    assert FlagCode.SCORE_INCONSISTENT in codes(run(docs, confident))


def test_ballots_broken_by_a_doubtful_ocr_value_are_a_reading_doubt() -> None:
    docs = clean_chi_bo()
    minutes = [(f, 12 if f == "ballots_valid" else v) for f, v in docs.pop(BB)]  # 13 + 0 ≠ 12
    scanned = make_file(BB, minutes, ocr=90.0, line_confidence=90.0)
    valid = next(r for r in scanned.readings if r.field == "ballots_valid")
    valid.prov = valid.prov.model_copy(update={"confidence": 41.0})
    result = run(docs, scanned)
    assert FlagCode.BALLOT_COUNT_INCONSISTENT not in codes(result)
    assert any("phiếu hợp lệ" in f.message for f in flags(result, FlagCode.LOW_OCR_CONFIDENCE))
    assert FlagCode.BALLOT_COUNT_INCONSISTENT in codes(
        run(docs, make_file(BB, minutes, ocr=90.0, line_confidence=90.0))
    )


def test_a_criterion_failed_on_a_reading_another_document_states_passing_goes_to_a_person() -> None:
    # The phiếu's cell read as 9 (a sub-item's points) while the tờ trình states 24,5/25 for it.
    docs = set_value(clean_chi_bo(), PH, "criterion", crit(2, 9))
    docs[PH] = [r for r in docs[PH] if r[0] != "criteria_total"]  # no sum to choose the cell by
    assert run(docs).verdict == Verdict.KHONG_DAT
    docs[TT] = [*docs[TT], crit(2, 24.5)]
    result = run(docs)
    (flag,) = flags(result, FlagCode.CRITERION_BELOW_THRESHOLD)
    assert flag.severity == Severity.WARNING and "24,5/25" in flag.message
    assert result.verdict == Verdict.CAN_XEM_XET
    # Every document agreeing on a failing score still refuses.
    docs[TT] = [*docs[TT][:-1], crit(2, 9)]
    assert run(docs).verdict == Verdict.KHONG_DAT
