"""A doubtful reading the dossier itself confirms stays on the sheet as a note, and sends nobody to review.

A value OCR read below the confidence floor is confirmed by the same value read clearly elsewhere, or by a
sum the dossier states that it completes exactly while the other terms were read clearly. One document's
value that the dossier's settled figures rule out is a misreading, not a second account: it is kept as an
alternative of the value used, with why, and flags nothing.
"""

from __future__ import annotations

import datetime as dt

from validators import assess
from validators.codes import FlagCode, Severity, UnitKind, Verdict
from validators.joint import choose, relations

from .factory import BB, KH, PH, TT, clean_chi_bo, crit, item, make_dossier, make_file, set_value

TODAY = dt.date(2025, 1, 10)


def blur(f, pick, confidence: float = 45.0):
    """Lower the line confidence of the readings ``pick`` selects, as a smudged scan line would."""
    for r in f.readings:
        if pick(r):
            r.prov = r.prov.model_copy(update={"confidence": confidence})
    return f


def criterion(index: int):
    return lambda r: r.field == "criterion" and r.value["index"] == index


def low_flags(result, field: str | None = None):
    return [
        f
        for f in result.flags
        if f.code == FlagCode.LOW_OCR_CONFIDENCE and (field is None or f.field == field)
    ]


def run(docs, *extra):
    return assess(make_dossier(docs, *extra), "mac-dinh", today=TODAY)


def test_a_blurred_criterion_its_items_add_up_to_is_a_note_not_a_review() -> None:
    docs = clean_chi_bo()
    # criterion 2 is 24,5 of 25; its three parts 7,5 + 9 + 8 of 8 + 9 + 8 were read clearly
    sheet = [r for r in docs.pop(PH) if r[0] != "criteria_total"]
    sheet += [item(2, "2.a", 7.5, 8), item(2, "2.b", 9, 9), item(2, "2.c", 8, 8)]
    scan = blur(make_file(PH, sheet, ocr=88.0, line_confidence=88.0), criterion(2))
    result = run(docs, scan)
    (low,) = low_flags(result, "criterion")
    assert low.severity == Severity.INFO
    assert "tiêu chí 2" in low.message and "cộng lại" in low.message
    assert result.verdict == Verdict.DAT


def test_a_blurred_criterion_the_stated_total_closes_is_a_note_but_two_blurred_are_not() -> None:
    docs = clean_chi_bo()
    sheet = docs.pop(PH)  # 25 + 24,5 + 24 + 25 = 98,5, the total stated on the sheet
    one = blur(make_file(PH, sheet, ocr=88.0, line_confidence=88.0), criterion(3))
    result = run(docs, one)
    assert [f.severity for f in low_flags(result, "criterion")] == [Severity.INFO]
    assert result.verdict == Verdict.DAT
    # Two doubtful terms of one sum could hide two errors that cancel: both stay to be checked.
    two = blur(
        make_file(PH, sheet, ocr=88.0, line_confidence=88.0), lambda r: criterion(3)(r) or criterion(1)(r)
    )
    result = run(docs, two)
    assert [f.severity for f in low_flags(result, "criterion")] == [Severity.WARNING] * 2
    assert result.verdict == Verdict.CAN_XEM_XET


def test_a_blurred_total_the_criteria_add_up_to_is_a_note() -> None:
    docs = clean_chi_bo()
    scan = blur(
        make_file(PH, docs.pop(PH), ocr=88.0, line_confidence=88.0), lambda r: r.field == "criteria_total"
    )
    result = run(docs, scan)
    assert [f.severity for f in low_flags(result)] == [Severity.INFO]
    assert result.verdict == Verdict.DAT


def test_a_blurred_score_another_document_states_clearly_is_a_note_and_a_different_one_is_not() -> None:
    docs = clean_chi_bo()
    sheet = [r for r in docs.pop(PH) if r[0] != "criteria_total"]  # no sum to lean on
    scan = blur(make_file(PH, sheet, ocr=88.0, line_confidence=88.0), criterion(4))
    same = set_value(docs, TT, "criterion", crit(4, 25))
    result = run(same, scan)
    (low,) = low_flags(result, "criterion")
    assert low.severity == Severity.INFO and "To trinh.docx" in low.message
    assert result.verdict == Verdict.DAT
    other = set_value(docs, TT, "criterion", crit(4, 23))
    (low,) = low_flags(run(other, scan), "criterion")
    assert low.severity == Severity.WARNING


def test_a_score_the_sums_chose_rather_than_read_still_needs_a_look() -> None:
    """A blurred "26" of 25 that the table's sums take as 25 fits the total because it was made to."""
    docs = clean_chi_bo()
    sheet = [r for r in docs.pop(PH) if not (r[0] == "criterion" and r[1]["index"] == 4)] + [crit(4, 26)]
    scan = blur(make_file(PH, sheet, ocr=88.0, line_confidence=88.0), criterion(4))
    result = run(docs, scan)
    assert result.figures.criteria_scores[3] == 25
    assert [f.severity for f in low_flags(result, "criterion")] == [Severity.WARNING]


def test_a_blurred_vote_count_the_ballot_sum_confirms_is_a_note() -> None:
    docs = clean_chi_bo()
    minutes = docs.pop(BB)  # 13 valid = 13 for + 0 against
    scan = blur(make_file(BB, minutes, ocr=88.0, line_confidence=88.0), lambda r: r.field == "votes_for")
    result = run(docs, scan)
    (low,) = low_flags(result, "votes_for")
    assert low.severity == Severity.INFO and "13 = 13 + 0" in low.message
    assert result.verdict == Verdict.DAT
    # With the count against blurred too, the sum no longer settles either of them.
    both = blur(
        make_file(BB, minutes, ocr=88.0, line_confidence=88.0),
        lambda r: r.field in ("votes_for", "votes_against"),
    )
    assert {f.severity for f in low_flags(run(docs, both), "votes_for")} == {Severity.WARNING}


def test_no_more_ballots_are_handed_out_than_there_are_voters() -> None:
    options = {"voters_eligible": [4, 14], "ballots_issued": [12], "members_official": [14]}
    choice = choose(options, relations(UnitKind.CHI_BO))
    assert choice.values["voters_eligible"] == 14
    assert "phiếu phát ra ≤ có quyền biểu quyết" in choice.used


def test_a_voter_count_the_dossier_rules_out_is_an_alternative_not_a_second_account() -> None:
    docs = set_value(clean_chi_bo(), BB, "voters_eligible", 3)  # a list number taken for the count
    docs = set_value(docs, TT, "voters_eligible", 13)
    result = run(docs)
    assert result.figures.voters_eligible == 13
    assert FlagCode.FIGURE_MISMATCH not in {f.code for f in result.flags}
    kept = result.alternatives["voters_eligible"]  # the other reading stays beside the value used
    assert kept.value == 13 and kept.others == [3] and "phiếu phát ra ≤ có quyền biểu quyết" in kept.why
    assert {r.file for r in result.readings["voters_eligible"]} == {
        "To trinh.docx",
        "Bien ban kiem phieu.docx",
    }
    assert result.verdict == Verdict.DAT
    # Two counts that could both stand are two accounts: a person decides.
    docs = clean_chi_bo()
    for name in ("ballots_issued", "ballots_returned", "ballots_valid", "votes_for"):
        docs = set_value(docs, BB, name, 11)
    docs = set_value(docs, BB, "voters_eligible", 13)
    docs = set_value(docs, TT, "voters_eligible", 12)
    (mismatch,) = [f for f in run(docs).flags if f.code == FlagCode.FIGURE_MISMATCH]
    assert mismatch.severity == Severity.WARNING


def test_a_share_one_document_states_does_not_rule_out_another_documents_count() -> None:
    """The minutes say 12 for = 92,31% of 13 voters; the proposal says 12 voters. The share is the
    minutes' own account: which count is right is for a person, so the mismatch stays a warning."""
    docs = clean_chi_bo()
    for name in ("ballots_issued", "ballots_returned", "ballots_valid", "votes_for"):
        docs = set_value(docs, BB, name, 12)
    docs = set_value(docs, BB, "votes_for_pct", 92.31)
    docs = set_value(docs, BB, "votes_for_pct_base", "voters_eligible")
    docs = set_value(docs, BB, "voters_eligible", 13)
    docs = set_value(docs, TT, "voters_eligible", 12)
    dossier = make_dossier(docs)
    minutes = next(f for f in dossier.files if f.doc_type == BB)
    share = next(r for r in minutes.readings if r.field == "votes_for_pct")
    for i, r in enumerate(minutes.readings):  # the base is read in its percentage's sentence
        if r.field == "votes_for_pct_base":
            minutes.readings[i] = r.model_copy(update={"prov": share.prov, "raw": share.raw})
    result = assess(dossier, "mac-dinh", today=TODAY)
    assert result.figures.voters_eligible == 13
    (mismatch,) = [f for f in result.flags if f.code == FlagCode.FIGURE_MISMATCH]
    assert mismatch.severity == Severity.WARNING


def test_a_paper_outside_the_dossier_confirms_nothing() -> None:
    docs = clean_chi_bo()
    sheet = [r for r in docs.pop(PH) if r[0] != "criteria_total"]
    scan = blur(make_file(PH, sheet, ocr=88.0, line_confidence=88.0), criterion(4))
    stray = make_file(KH, [crit(4, 25)], name="Ghi chu.docx")
    (low,) = low_flags(run(docs, scan, stray), "criterion")
    assert low.severity == Severity.WARNING
