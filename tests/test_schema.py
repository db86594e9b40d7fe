"""docs/result.schema.json is the exported schema of the Result model, and CONTRACT names are kept."""

from __future__ import annotations

import json
from pathlib import Path

from validators.codes import FlagCode
from validators.model import Result

ROOT = Path(__file__).resolve().parent.parent

CONTRACT_CODES = {
    "MISSING_DOCUMENT", "DUPLICATE_DOCUMENT", "UNREADABLE_FILE", "UNSUPPORTED_FILE", "UNRECOGNIZED_DOCUMENT",
    "FIELD_NOT_FOUND", "LOW_OCR_CONFIDENCE", "CRITERION_BELOW_THRESHOLD", "SCORE_INCONSISTENT",
    "MEMBER_RATING_BELOW_THRESHOLD", "RATING_COUNT_MISMATCH", "VOTE_NOT_PASSED", "QUORUM_NOT_MET",
    "BALLOT_COUNT_INCONSISTENT", "DISCIPLINE_RECORDED", "MEETINGS_BELOW_MINIMUM", "ATTENDANCE_BELOW_THRESHOLD",
    "SUBORDINATE_BELOW_THRESHOLD", "UNIT_MISMATCH", "YEAR_MISMATCH", "MEMBER_COUNT_MISMATCH", "DATE_ORDER",
    "LATE_SUBMISSION",
}  # fmt: skip


def test_exported_schema_is_current() -> None:
    on_disk = json.loads((ROOT / "docs" / "result.schema.json").read_text("utf-8"))
    assert on_disk == Result.model_json_schema(), "run `make schema` and commit docs/result.schema.json"


def test_contract_flag_codes_are_all_defined() -> None:
    assert {c.value for c in FlagCode} >= CONTRACT_CODES


def test_contract_figures_keys() -> None:
    figures = Result.model_json_schema()["$defs"]["Figures"]["properties"]
    for key in (
        "members_total",
        "voters_eligible",
        "ratings",
        "criteria_scores",
        "subordinates",
        "attendance_pct",
    ):
        assert key in figures
