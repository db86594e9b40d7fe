"""The one vocabulary of findings: verdicts, severities and flag codes (document types come from extractors).

CONTRACT.md names these; they are defined here once and imported everywhere else. A project
may add flag codes but never rename or drop one.
"""

from __future__ import annotations

from enum import StrEnum

from extractors.vocabulary import DOC_TYPE_NAMES_VI, REQUIRED_DOC_TYPES, DocType

__all__ = [
    "COMPLETENESS_CODES",
    "DOC_TYPE_NAMES_VI",
    "REQUIRED_DOC_TYPES",
    "SEVERITY",
    "THRESHOLD_CODES",
    "VERDICT_NAMES_VI",
    "DocType",
    "FlagCode",
    "Severity",
    "UnitKind",
    "Verdict",
]


class UnitKind(StrEnum):
    CHI_BO = "chi_bo"
    DANG_BO_CO_SO = "dang_bo_co_so"


class Verdict(StrEnum):
    """In order of precedence: the first that applies wins."""

    KHONG_DAT = "khong_dat"
    BO_SUNG = "bo_sung"
    CAN_XEM_XET = "can_xem_xet"
    DAT = "dat"


VERDICT_NAMES_VI: dict[Verdict, str] = {
    Verdict.KHONG_DAT: "Không đạt",
    Verdict.BO_SUNG: "Cần bổ sung hồ sơ",
    Verdict.CAN_XEM_XET: "Cần xem xét",
    Verdict.DAT: "Đạt",
}


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class FlagCode(StrEnum):
    MISSING_DOCUMENT = "MISSING_DOCUMENT"
    DUPLICATE_DOCUMENT = "DUPLICATE_DOCUMENT"
    UNREADABLE_FILE = "UNREADABLE_FILE"
    UNSUPPORTED_FILE = "UNSUPPORTED_FILE"
    UNRECOGNIZED_DOCUMENT = "UNRECOGNIZED_DOCUMENT"
    FIELD_NOT_FOUND = "FIELD_NOT_FOUND"
    LOW_OCR_CONFIDENCE = "LOW_OCR_CONFIDENCE"
    CRITERION_BELOW_THRESHOLD = "CRITERION_BELOW_THRESHOLD"
    SCORE_INCONSISTENT = "SCORE_INCONSISTENT"
    MEMBER_RATING_BELOW_THRESHOLD = "MEMBER_RATING_BELOW_THRESHOLD"
    RATING_COUNT_MISMATCH = "RATING_COUNT_MISMATCH"
    VOTE_NOT_PASSED = "VOTE_NOT_PASSED"
    QUORUM_NOT_MET = "QUORUM_NOT_MET"
    BALLOT_COUNT_INCONSISTENT = "BALLOT_COUNT_INCONSISTENT"
    DISCIPLINE_RECORDED = "DISCIPLINE_RECORDED"
    MEETINGS_BELOW_MINIMUM = "MEETINGS_BELOW_MINIMUM"
    ATTENDANCE_BELOW_THRESHOLD = "ATTENDANCE_BELOW_THRESHOLD"
    SUBORDINATE_BELOW_THRESHOLD = "SUBORDINATE_BELOW_THRESHOLD"
    UNIT_MISMATCH = "UNIT_MISMATCH"
    YEAR_MISMATCH = "YEAR_MISMATCH"
    MEMBER_COUNT_MISMATCH = "MEMBER_COUNT_MISMATCH"
    DATE_ORDER = "DATE_ORDER"
    LATE_SUBMISSION = "LATE_SUBMISSION"
    # Added by this project (CONTRACT.md allows additions):
    LEGACY_RATING_LABEL = "LEGACY_RATING_LABEL"  # pre-2018 rating words ("trong sạch, vững mạnh" …)
    NOT_PROCESSED = "NOT_PROCESSED"  # the dossier itself could not be opened (bad zip, empty folder …)
    FIGURE_MISMATCH = "FIGURE_MISMATCH"  # two documents state a figure the rules use with different values


# Default severity per code; a check may raise UNREADABLE_FILE to error when it leaves a
# required document missing, as the contract says.
SEVERITY: dict[FlagCode, Severity] = {
    FlagCode.MISSING_DOCUMENT: Severity.ERROR,
    FlagCode.DUPLICATE_DOCUMENT: Severity.WARNING,
    FlagCode.UNREADABLE_FILE: Severity.WARNING,
    FlagCode.UNSUPPORTED_FILE: Severity.WARNING,
    FlagCode.UNRECOGNIZED_DOCUMENT: Severity.INFO,
    FlagCode.FIELD_NOT_FOUND: Severity.WARNING,
    FlagCode.LOW_OCR_CONFIDENCE: Severity.WARNING,
    FlagCode.CRITERION_BELOW_THRESHOLD: Severity.ERROR,
    FlagCode.SCORE_INCONSISTENT: Severity.WARNING,
    FlagCode.MEMBER_RATING_BELOW_THRESHOLD: Severity.ERROR,
    FlagCode.RATING_COUNT_MISMATCH: Severity.WARNING,
    FlagCode.VOTE_NOT_PASSED: Severity.ERROR,
    FlagCode.QUORUM_NOT_MET: Severity.ERROR,
    FlagCode.BALLOT_COUNT_INCONSISTENT: Severity.WARNING,
    FlagCode.DISCIPLINE_RECORDED: Severity.ERROR,
    FlagCode.MEETINGS_BELOW_MINIMUM: Severity.ERROR,
    FlagCode.ATTENDANCE_BELOW_THRESHOLD: Severity.ERROR,
    FlagCode.SUBORDINATE_BELOW_THRESHOLD: Severity.ERROR,
    FlagCode.UNIT_MISMATCH: Severity.WARNING,
    FlagCode.YEAR_MISMATCH: Severity.WARNING,
    FlagCode.MEMBER_COUNT_MISMATCH: Severity.WARNING,
    FlagCode.DATE_ORDER: Severity.WARNING,
    FlagCode.LATE_SUBMISSION: Severity.WARNING,
    FlagCode.LEGACY_RATING_LABEL: Severity.WARNING,
    FlagCode.NOT_PROCESSED: Severity.ERROR,
    FlagCode.FIGURE_MISMATCH: Severity.WARNING,
}

# Threshold codes: an error with one of these, on values that were read, makes the verdict khong_dat.
THRESHOLD_CODES: frozenset[FlagCode] = frozenset(
    {
        FlagCode.CRITERION_BELOW_THRESHOLD,
        FlagCode.MEMBER_RATING_BELOW_THRESHOLD,
        FlagCode.VOTE_NOT_PASSED,
        FlagCode.QUORUM_NOT_MET,
        FlagCode.DISCIPLINE_RECORDED,
        FlagCode.MEETINGS_BELOW_MINIMUM,
        FlagCode.ATTENDANCE_BELOW_THRESHOLD,
        FlagCode.SUBORDINATE_BELOW_THRESHOLD,
    }
)

# Completeness codes: an error with one of these makes the verdict bo_sung.
COMPLETENESS_CODES: frozenset[FlagCode] = frozenset(
    {FlagCode.MISSING_DOCUMENT, FlagCode.UNREADABLE_FILE, FlagCode.NOT_PROCESSED}
)
