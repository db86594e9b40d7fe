"""Words and small rules shared by every report: names in Vietnamese, colours, order, the deadline."""

from __future__ import annotations

import datetime as dt
import functools
import logging
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from validators.codes import DOC_TYPE_NAMES_VI, VERDICT_NAMES_VI, DocType, Severity, Verdict

log = logging.getLogger(__name__)

# Who needs a person first: the order of the dashboard, the summary and the notice.
VERDICT_ORDER: dict[str, int] = {
    Verdict.KHONG_DAT: 0,
    Verdict.BO_SUNG: 1,
    Verdict.CAN_XEM_XET: 2,
    Verdict.DAT: 3,
}

# Colours people already read this way: green passes, amber asks for a look, blue asks for papers, red fails.
VERDICT_COLOURS: dict[str, tuple[str, str]] = {  # (strong, pale)
    Verdict.DAT: ("#1e7b34", "#e3f4e6"),
    Verdict.CAN_XEM_XET: ("#b26a00", "#fff3dc"),
    Verdict.BO_SUNG: ("#1f5fa8", "#e2edfa"),
    Verdict.KHONG_DAT: ("#b3261e", "#fbe4e2"),
}

SEVERITY_NAMES_VI: dict[str, str] = {
    Severity.ERROR: "Lỗi",
    Severity.WARNING: "Cảnh báo",
    Severity.INFO: "Thông tin",
}
SEVERITY_ORDER: dict[str, int] = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}

KIND_NAMES_VI: dict[str, str] = {"chi_bo": "Chi bộ", "dang_bo_co_so": "Đảng bộ cơ sở"}

SOURCE_NAMES_VI: dict[str, str] = {
    "docx": "Word",
    "doc": "Word (.doc)",
    "pdf_text": "PDF có chữ",
    "ocr": "Ảnh quét (OCR)",
    "none": "Không đọc được",
}

# Short titles of the flag codes, for headings and for "the flags in words" in the summary.
FLAG_TITLES_VI: dict[str, str] = {
    "MISSING_DOCUMENT": "Thiếu văn bản",
    "DUPLICATE_DOCUMENT": "Văn bản trùng loại",
    "UNREADABLE_FILE": "Tệp không đọc được",
    "UNSUPPORTED_FILE": "Loại tệp không hỗ trợ",
    "UNRECOGNIZED_DOCUMENT": "Văn bản ngoài hồ sơ",
    "FIELD_NOT_FOUND": "Không đọc được số liệu",
    "LOW_OCR_CONFIDENCE": "Ảnh quét khó đọc",
    "CRITERION_BELOW_THRESHOLD": "Tiêu chí dưới ngưỡng",
    "SCORE_INCONSISTENT": "Điểm không khớp",
    "MEMBER_RATING_BELOW_THRESHOLD": "Xếp loại đảng viên dưới ngưỡng",
    "RATING_COUNT_MISMATCH": "Số xếp loại không khớp",
    "VOTE_NOT_PASSED": "Biểu quyết không đạt quá nửa",
    "QUORUM_NOT_MET": "Không đủ số đảng viên dự họp",
    "BALLOT_COUNT_INCONSISTENT": "Số phiếu không khớp",
    "DISCIPLINE_RECORDED": "Có kỷ luật trong năm",
    "MEETINGS_BELOW_MINIMUM": "Thiếu kỳ sinh hoạt",
    "ATTENDANCE_BELOW_THRESHOLD": "Tỷ lệ dự họp thấp",
    "SUBORDINATE_BELOW_THRESHOLD": "Chi bộ trực thuộc dưới ngưỡng",
    "UNIT_MISMATCH": "Tên đơn vị không khớp",
    "YEAR_MISMATCH": "Năm không khớp",
    "MEMBER_COUNT_MISMATCH": "Số đảng viên không khớp",
    "FIGURE_MISMATCH": "Số liệu giữa các văn bản khác nhau",
    "DATE_ORDER": "Ngày tháng bất thường",
    "LATE_SUBMISSION": "Nộp muộn",
    "LEGACY_RATING_LABEL": "Dùng cách xếp loại cũ",
    "NOT_PROCESSED": "Không xử lý được hồ sơ",
}

CRITERIA_NAMES_VI: tuple[str, ...] = (
    "Hoàn thành tốt nhiệm vụ chính trị",
    "Chất lượng sinh hoạt tốt",
    "Đoàn kết, kỷ luật tốt",
    "Cán bộ, đảng viên tốt",
)

DEFAULT_CRITERION_SHARE = 0.95  # seed 001, II.2.2: each criterion at least 95% of its maximum


def verdict_vi(verdict: str) -> str:
    try:
        return VERDICT_NAMES_VI[Verdict(verdict)]
    except ValueError:
        return str(verdict)


def doc_type_vi(doc_type: str | None) -> str:
    try:
        return DOC_TYPE_NAMES_VI[DocType(doc_type)]
    except ValueError:
        return str(doc_type or "")


def flag_title(code: str) -> str:
    return FLAG_TITLES_VI.get(code, code)


def kind_vi(kind: str | None) -> str:
    return KIND_NAMES_VI.get(kind or "", "")


def unit_label(unit: str | None, dossier_id: str) -> str:
    """The unit's name, or a placeholder that still says which dossier it is."""
    return unit or f"(chưa đọc được tên đơn vị – hồ sơ {dossier_id})"


def format_number(value: object) -> str:
    """Numbers as Vietnamese documents write them: ``93,5``; integers without decimals."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "Có" if value else "Không"
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        return f"{value:.2f}".rstrip("0").rstrip(".").replace(".", ",")
    return str(value)


def format_date(day: dt.date) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


@functools.lru_cache(maxsize=8)
def _profile(profile: str) -> Any | None:
    """The rule profile, or None when it cannot be loaded (the reports fall back to the seeds' defaults)."""
    try:
        from validators.profiles import load_profile

        return load_profile(profile)
    except Exception:  # a report must still be written for a dossier whose profile is broken
        log.warning("profile %s not loadable, reports use the default rules", profile, exc_info=True)
        return None


def appraisal_deadline(profile: str, year: int) -> dt.date:
    """The appraisal deadline for dossiers of ``year``: the profile's, else 15/2 of the next year (seed 001)."""
    prof = _profile(profile)
    if prof is not None:
        deadline = prof.deadlines(year).get("appraisal_deadline")
        if deadline is not None:
            return deadline
    return dt.date(year + 1, 2, 15)


@dataclass(frozen=True)
class CriterionRule:
    """The criterion threshold as the sheet applies it: share of the maximum, and the comparison."""

    share: float | None  # None: the profile sets no threshold
    strict: bool = False
    source: str = ""

    def met(self, score: float, maximum: float) -> bool | None:
        if self.share is None or not maximum:
            return None
        ratio = score / maximum
        # A small tolerance: 23.75/25 is 95% exactly, whatever the float rounding says.
        return ratio > self.share + 1e-9 if self.strict else ratio >= self.share - 1e-9

    @property
    def words(self) -> str:
        if self.share is None:
            return "bộ quy tắc không đặt ngưỡng"
        pct = f"{self.share * 100:.4g}".replace(".", ",")
        return f"{'trên' if self.strict else 'từ'} {pct}% điểm chuẩn"

    @property
    def short(self) -> str:
        return "—" if self.share is None else f"{self.share * 100:.4g}".replace(".", ",") + "%"


def criterion_rule(profile: str) -> CriterionRule:
    """Each criterion's threshold: the profile's ``criteria_min_share``, else 95% (seed 001, II.2.2)."""
    prof = _profile(profile)
    if prof is None:
        return CriterionRule(DEFAULT_CRITERION_SHARE, source="seed 001, II.2.2")
    rule = prof.rules.criteria_min_share
    if rule is None:
        return CriterionRule(None)
    return CriterionRule(float(rule.fraction), strict=rule.op == ">", source=prof.cite("criteria_min_share"))


def criteria_names(profile: str) -> tuple[str, ...]:
    prof = _profile(profile)
    names = tuple(prof.rules.criteria_framework.names) if prof is not None else ()
    return names or CRITERIA_NAMES_VI


def profile_title(profile: str) -> str:
    prof = _profile(profile)
    return prof.title if prof is not None else ""


def assessed_year(years: Iterable[int | None], today: dt.date) -> int:
    """The year most dossiers are about; without any, the year whose appraisal is coming next."""
    counts = Counter(y for y in years if y)
    if counts:
        return counts.most_common(1)[0][0]
    return today.year if today.month >= 7 else today.year - 1


def days_left_text(deadline: dt.date, today: dt.date) -> str:
    days = (deadline - today).days
    if days > 0:
        return f"còn {days} ngày"
    if days == 0:
        return "hôm nay là hạn cuối"
    return f"quá hạn {-days} ngày"
