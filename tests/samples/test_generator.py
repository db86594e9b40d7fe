"""The sample generator: its truth is consistent with each case's purpose, and its output is deterministic."""

from __future__ import annotations

import io
import random

import pytest
from docx import Document

from samples.cases import build
from samples.evaluate import score_case
from samples.make_samples import DEFAULT_SEED, render_document
from samples.truth import CONTENT_WARNINGS, ERROR_CODES, DocSpec, Dossier
from validators.codes import FlagCode, Verdict

CASES = build(DEFAULT_SEED)


def failed_thresholds(d: Dossier) -> set[str]:
    """A reference reading of the recognition rules (DOMAIN.md) on the truth, independent of validators/."""
    out = set()
    if not d.pass_fail and any(c.score < 0.95 * c.max for c in d.criteria):
        out.add("CRITERION_BELOW_THRESHOLD")
    rated = sum(d.ratings.values())
    if d.ratings["khong_hoan_thanh"] or (d.ratings["xuat_sac"] + d.ratings["tot"]) < 0.8 * rated:
        out.add("MEMBER_RATING_BELOW_THRESHOLD")
    if not d.votes_for > d.voters_eligible / 2:
        out.add("VOTE_NOT_PASSED")
    if d.is_cell and d.members_present < 2 / 3 * d.members_official:
        out.add("QUORUM_NOT_MET")
    if d.disciplined_members:
        out.add("DISCIPLINE_RECORDED")
    if d.regular_meetings < 12 or d.thematic_meetings < 4:
        out.add("MEETINGS_BELOW_MINIMUM")
    if not d.attendance_pct > 85:
        out.add("ATTENDANCE_BELOW_THRESHOLD")
    s = d.subordinates
    if s is not None:
        low = s.khong_hoan_thanh > 0 or (s.xuat_sac + s.tot) < 0.8 * s.total
        if low or (d.profile == "can-duoc" and s.bon_tot < 0.9 * s.total):
            out.add("SUBORDINATE_BELOW_THRESHOLD")
    return out


def test_at_least_twenty_cases_of_both_kinds_and_every_medium() -> None:
    assert len(CASES) >= 20
    assert {d.kind for d in CASES} == {"chi_bo", "dang_bo_co_so"}
    assert {"docx", "pdf_text", "scan", "photo", "mixed"} <= {d.medium for d in CASES}
    assert any(d.zip for d in CASES)
    assert len({d.case for d in CASES}) == len(CASES)


def test_every_document_flag_of_the_contract_is_covered() -> None:
    # The contract's codes that a document can trigger (FIELD_NOT_FOUND and LOW_OCR_CONFIDENCE depend on the
    # reader, not on the dossier) plus this project's LEGACY_RATING_LABEL.
    wanted = set(ERROR_CODES) | set(CONTENT_WARNINGS) | {"UNRECOGNIZED_DOCUMENT", "LEGACY_RATING_LABEL"}
    covered = {f for d in CASES for f in d.flags}
    assert wanted <= covered, wanted - covered


@pytest.mark.parametrize("d", CASES, ids=[d.case for d in CASES])
def test_truth_matches_the_case_purpose(d: Dossier) -> None:
    assert d.verdict in {v.value for v in Verdict}
    assert set(d.flags) <= {c.value for c in FlagCode}
    expected = d.expected()
    assert not set(expected["flags"]) & set(expected["forbidden_flags"])
    failing = failed_thresholds(d)
    required_thresholds = {f for f in d.flags if f in failing | {"CRITERION_BELOW_THRESHOLD"}}
    if d.verdict == "khong_dat":
        # exactly the named threshold fails (the Đạt/Không đạt form may also fail criterion 3)
        assert failing - {"CRITERION_BELOW_THRESHOLD"} <= set(d.flags), failing
        assert required_thresholds
    else:
        assert not failing, failing


def test_ballots_add_up_except_where_they_should_not() -> None:
    for d in CASES:
        counts = [
            d.ballots_issued,
            d.ballots_returned,
            d.ballots_valid,
            d.ballots_invalid,
            d.votes_for,
            d.votes_against,
        ]
        assert min(counts) >= 0, d.case
        assert d.ballots_issued <= min(d.voters_eligible, d.members_present), d.case
        assert d.votes_for <= d.ballots_valid <= d.ballots_returned <= d.ballots_issued, d.case
        adds = (
            d.ballots_valid + d.ballots_invalid == d.ballots_returned
            and d.votes_for + d.votes_against == d.ballots_valid
        )
        assert adds != ("BALLOT_COUNT_INCONSISTENT" in d.flags), d.case


def _docx_text(data: bytes) -> str:
    doc = Document(io.BytesIO(data))
    parts = [p.text for p in doc.paragraphs]
    for t in doc.tables:
        for row in t.rows:
            parts.append(" | ".join(c.text for c in row.cells))
    return "\n".join(parts)


def test_documents_carry_the_truth() -> None:
    d = next(c for c in CASES if c.case == "01_chi_bo_dat_docx")
    bien_ban = _docx_text(
        render_document(d, DocSpec("bien_ban_kiem_phieu", "A", "bb.docx", "docx"), random.Random(1))
    )
    assert f"Số phiếu phát ra: {d.ballots_issued} phiếu" in bien_ban
    assert f"Số phiếu tán thành: {d.votes_for} phiếu" in bien_ban
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in bien_ban and d.issuer in bien_ban
    phieu = _docx_text(
        render_document(d, DocSpec("phieu_tu_danh_gia", "A", "p.docx", "docx"), random.Random(1))
    )
    assert "Điểm chuẩn" in phieu and "Tổng cộng" in phieu


def test_rendering_is_deterministic() -> None:
    d = next(c for c in CASES if c.case == "03_dang_bo_dat_scan")
    for medium in ("docx", "pdf_text", "scan"):
        spec = DocSpec("to_trinh", "A", "x", medium)
        a = render_document(d, spec, random.Random("s"))
        b = render_document(d, spec, random.Random("s"))
        assert a == b, medium


def test_scorer_counts_misses() -> None:
    d = CASES[0]
    expected = d.expected()
    perfect = {
        "verdict": expected["verdict"],
        "flags": [],
        "unit": expected["unit"],
        "year": expected["year"],
        "figures": expected["figures"],
    }
    assert score_case(expected, perfect).misses == []
    wrong = dict(perfect, figures=dict(expected["figures"], votes_for=expected["figures"]["votes_for"] + 1))
    wrong["flags"] = [{"code": "VOTE_NOT_PASSED"}]
    score = score_case(expected, wrong)
    assert score.figures_ok == score.figures_total - 1
    assert score.forbidden_raised == ["VOTE_NOT_PASSED"]
