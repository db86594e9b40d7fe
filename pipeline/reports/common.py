"""Words and small rules shared by every report: names in Vietnamese, colours, order, the deadline."""

from __future__ import annotations

import datetime as dt
import functools
import logging
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from validators.codes import DOC_TYPE_NAMES_VI, FIELD_NAMES_VI, VERDICT_NAMES_VI, DocType, Severity, Verdict
from validators.codes import FLAG_TITLES_VI as _FLAG_TITLES

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

# Short titles of the flag codes (validators.codes holds them), for headings and the summary.
FLAG_TITLES_VI: dict[str, str] = {str(k): v for k, v in _FLAG_TITLES.items()}

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
    if isinstance(value, str) and value in FIELD_NAMES_VI:  # a value naming a figure (a percentage's base)
        return FIELD_NAMES_VI[value]
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
        return CriterionRule(
            DEFAULT_CRITERION_SHARE,
            source="Kế hoạch xây dựng mô hình “chi bộ bốn tốt”, “đảng bộ cơ sở bốn tốt” của Ban Thường vụ Thành ủy, mục II.2.2",
        )
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


def profile_name(profile: str) -> str:
    """The profile as pages name it, in Vietnamese; its code only when it has no name."""
    prof = _profile(profile)
    if prof is not None and prof.display_name:
        return prof.display_name
    return f"Bộ quy tắc “{profile}”"


def field_label(name: str) -> str:
    """A figure's label (capitalised Vietnamese name); never the vocabulary's English note or the code."""
    words = FIELD_NAMES_VI.get(name) or FIELD_NAMES_VI.get(name.split(".", 1)[0]) or "số liệu khác"
    return words[:1].upper() + words[1:]


# The guidance a message cites sits in brackets at its end; the verdict line leaves it to the flag.
def _short_reason(message: str, source: str | None) -> str:
    text = message.strip()
    cut = text.find(". Cần người")
    if cut > 0:
        text = text[:cut]
    if source:
        at = text.rfind(" (" + source[:12])
        if at > 0:
            text = text[:at]
    text = text.rstrip(" .;")
    return text[:1].lower() + text[1:] if text[:2] != text[:2].upper() else text


MAX_REASONS = 3


def verdict_line(verdict: str, flags: Iterable[Any], profile: str) -> str:
    """The sheet's one-line answer naming this dossier's reasons, e.g.
    "Không đạt: tiêu chí 3 … = 92%, dưới mức 95%; …" – never a sentence every dossier shares."""
    from validators.codes import COMPLETENESS_CODES, THRESHOLD_CODES

    flags = list(flags)
    word = verdict_vi(verdict)
    if verdict == Verdict.DAT:
        extra = [f for f in flags if str(f.severity) != Severity.INFO]
        tail = f" ({len(extra)} điểm cần lưu ý bên dưới)" if extra else ""
        return (
            f"{word}: đủ bốn văn bản, đã đọc được các số liệu, mọi ngưỡng của bộ quy tắc "
            f"“{profile_name(profile)}” đều đạt{tail}."
        )
    if verdict == Verdict.KHONG_DAT:
        chosen = [f for f in flags if f.code in THRESHOLD_CODES and str(f.severity) == Severity.ERROR]
    elif verdict == Verdict.BO_SUNG:
        chosen = [f for f in flags if f.code in COMPLETENESS_CODES and str(f.severity) == Severity.ERROR]
    else:
        chosen = [f for f in flags if str(f.severity) in (Severity.ERROR, Severity.WARNING)]
    chosen = chosen or [f for f in flags if str(f.severity) != Severity.INFO] or flags
    if not chosen:
        return f"{word}."
    # Several flags of one code (four criteria not read) are one reason with a count.
    by_code: dict[str, list[Any]] = {}
    for f in chosen:
        by_code.setdefault(str(f.code), []).append(f)
    reasons = []
    for code, group in by_code.items():
        if len(group) == 1:
            reasons.append(_short_reason(group[0].message, group[0].source))
        else:
            title = flag_title(code)
            reasons.append(f"{title[:1].lower() + title[1:]} ({len(group)} chỗ)")
    shown = reasons[:MAX_REASONS]
    more = len(reasons) - len(shown)
    return f"{word}: " + "; ".join(shown) + (f"; và {more} lý do khác" if more > 0 else "") + "."


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
