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

# How a reviewer names each field of the vocabulary (extractors.vocabulary.FIELDS), in lower case so
# that it reads inside a sentence; sheets capitalise it for a label. Every field has one (a test holds
# it), so no English description and no field name ever shows where a label belongs.
FIELD_NAMES_VI: dict[str, str] = {
    "unit_name": "tên đơn vị",
    "unit_kind": "loại tổ chức đảng (chi bộ hay đảng bộ cơ sở)",
    "parent_name": "cấp ủy cấp trên",
    "year": "năm được đánh giá",
    "doc_number": "số văn bản",
    "doc_date": "ngày ký văn bản",
    "place": "địa danh ghi ngày",
    "recipient": "nơi gửi (kính gửi)",
    "signer": "người ký",
    "signer_title": "chức vụ người ký",
    "legacy_rating_label": "cách xếp loại cũ (trước năm 2018)",
    "members_total": "tổng số đảng viên",
    "members_official": "số đảng viên chính thức",
    "members_probationary": "số đảng viên dự bị",
    "members_excused": "số đảng viên được miễn sinh hoạt, miễn công tác",
    "members_present": "số đảng viên có mặt",
    "members_absent": "số đảng viên vắng mặt",
    "committee_members": "số cấp ủy viên",
    "voters_eligible": "số người có quyền biểu quyết",
    "ballots_issued": "số phiếu phát ra",
    "ballots_returned": "số phiếu thu về",
    "ballots_valid": "số phiếu hợp lệ",
    "ballots_invalid": "số phiếu không hợp lệ",
    "votes_for": "số phiếu tán thành",
    "votes_against": "số phiếu không tán thành",
    "votes_for_pct": "tỷ lệ tán thành ghi trong văn bản (%)",
    "votes_against_pct": "tỷ lệ không tán thành ghi trong văn bản (%)",
    "votes_for_pct_base": "tỷ lệ tán thành được tính trên (cơ số ghi trong văn bản)",
    "votes_against_pct_base": "tỷ lệ không tán thành được tính trên (cơ số ghi trong văn bản)",
    "members_rated": "số đảng viên được đánh giá, xếp loại",
    "rating_xuat_sac": "số đảng viên hoàn thành xuất sắc nhiệm vụ",
    "rating_tot": "số đảng viên hoàn thành tốt nhiệm vụ",
    "rating_hoan_thanh": "số đảng viên hoàn thành nhiệm vụ",
    "rating_khong_hoan_thanh": "số đảng viên không hoàn thành nhiệm vụ",
    "rating_xuat_sac_pct": "tỷ lệ đảng viên hoàn thành xuất sắc nhiệm vụ ghi trong văn bản (%)",
    "rating_tot_pct": "tỷ lệ đảng viên hoàn thành tốt nhiệm vụ ghi trong văn bản (%)",
    "rating_hoan_thanh_pct": "tỷ lệ đảng viên hoàn thành nhiệm vụ ghi trong văn bản (%)",
    "regular_meetings": "số kỳ sinh hoạt thường kỳ",
    "thematic_meetings": "số kỳ sinh hoạt chuyên đề",
    "attendance_pct": "tỷ lệ đảng viên dự sinh hoạt (%)",
    "disciplined_members": "số đảng viên bị kỷ luật trong năm",
    "disciplined_organisations": "số tổ chức đảng bị kỷ luật trong năm",
    "new_members": "số đảng viên mới kết nạp",
    "subordinates_total": "số chi bộ trực thuộc",
    "subordinates_xuat_sac": "số chi bộ trực thuộc hoàn thành xuất sắc nhiệm vụ",
    "subordinates_tot": "số chi bộ trực thuộc hoàn thành tốt nhiệm vụ",
    "subordinates_hoan_thanh": "số chi bộ trực thuộc hoàn thành nhiệm vụ",
    "subordinates_khong_hoan_thanh": "số chi bộ trực thuộc không hoàn thành nhiệm vụ",
    "subordinates_at_least_hoan_thanh": "số chi bộ trực thuộc hoàn thành nhiệm vụ trở lên",
    "subordinates_at_least_tot": "số chi bộ trực thuộc hoàn thành tốt nhiệm vụ trở lên",
    "subordinates_registered_bon_tot": "số chi bộ trực thuộc đăng ký “bốn tốt”",
    "subordinates_bon_tot": "số chi bộ trực thuộc đạt “bốn tốt”",
    "criterion": "điểm tiêu chí",
    "criterion_item": "điểm mục của tiêu chí",
    "criteria_total": "tổng điểm tự chấm",
}

# Short titles of the flag codes, for headings and for "the flags in words" in the summary.
FLAG_TITLES_VI: dict[FlagCode, str] = {
    FlagCode.MISSING_DOCUMENT: "Thiếu văn bản",
    FlagCode.DUPLICATE_DOCUMENT: "Văn bản trùng loại",
    FlagCode.UNREADABLE_FILE: "Tệp không đọc được",
    FlagCode.UNSUPPORTED_FILE: "Loại tệp không hỗ trợ",
    FlagCode.UNRECOGNIZED_DOCUMENT: "Văn bản ngoài hồ sơ",
    FlagCode.FIELD_NOT_FOUND: "Không đọc được số liệu",
    FlagCode.LOW_OCR_CONFIDENCE: "Ảnh quét khó đọc",
    FlagCode.CRITERION_BELOW_THRESHOLD: "Tiêu chí dưới ngưỡng",
    FlagCode.SCORE_INCONSISTENT: "Điểm không khớp",
    FlagCode.MEMBER_RATING_BELOW_THRESHOLD: "Xếp loại đảng viên dưới ngưỡng",
    FlagCode.RATING_COUNT_MISMATCH: "Số xếp loại không khớp",
    FlagCode.VOTE_NOT_PASSED: "Biểu quyết không đạt quá nửa",
    FlagCode.QUORUM_NOT_MET: "Không đủ số đảng viên dự họp",
    FlagCode.BALLOT_COUNT_INCONSISTENT: "Số phiếu không khớp",
    FlagCode.DISCIPLINE_RECORDED: "Có kỷ luật trong năm",
    FlagCode.MEETINGS_BELOW_MINIMUM: "Thiếu kỳ sinh hoạt",
    FlagCode.ATTENDANCE_BELOW_THRESHOLD: "Tỷ lệ dự họp thấp",
    FlagCode.SUBORDINATE_BELOW_THRESHOLD: "Chi bộ trực thuộc dưới ngưỡng",
    FlagCode.UNIT_MISMATCH: "Tên đơn vị không khớp",
    FlagCode.YEAR_MISMATCH: "Năm không khớp",
    FlagCode.MEMBER_COUNT_MISMATCH: "Số đảng viên không khớp",
    FlagCode.FIGURE_MISMATCH: "Số liệu giữa các văn bản khác nhau",
    FlagCode.DATE_ORDER: "Ngày tháng bất thường",
    FlagCode.LATE_SUBMISSION: "Nộp muộn",
    FlagCode.LEGACY_RATING_LABEL: "Dùng cách xếp loại cũ",
    FlagCode.NOT_PROCESSED: "Không xử lý được hồ sơ",
}
