"""The truth of one sample dossier: one data model that both renders the documents and writes expected.json."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

# Every error code a clean dossier must not raise (the contract's error-severity codes).
ERROR_CODES = [
    "MISSING_DOCUMENT",
    "CRITERION_BELOW_THRESHOLD",
    "MEMBER_RATING_BELOW_THRESHOLD",
    "VOTE_NOT_PASSED",
    "QUORUM_NOT_MET",
    "DISCIPLINE_RECORDED",
    "MEETINGS_BELOW_MINIMUM",
    "ATTENDANCE_BELOW_THRESHOLD",
    "SUBORDINATE_BELOW_THRESHOLD",
]
# Codes that only the documents' content can raise; a dossier without that fault must not raise them.
CONTENT_WARNINGS = [
    "SCORE_INCONSISTENT",
    "RATING_COUNT_MISMATCH",
    "BALLOT_COUNT_INCONSISTENT",
    "UNIT_MISMATCH",
    "YEAR_MISMATCH",
    "MEMBER_COUNT_MISMATCH",
    "DATE_ORDER",
    "LATE_SUBMISSION",
    "DUPLICATE_DOCUMENT",
    "UNSUPPORTED_FILE",
    "UNREADABLE_FILE",
]


@dataclass
class Criterion:
    """One of the four criteria: its sub-items as (label, max, score) and the row's own figures."""

    name: str
    items: list[tuple[str, float, float]]
    stated_score: float | None = None  # when the row deliberately disagrees with its items

    @property
    def max(self) -> float:
        return sum(m for _, m, _ in self.items)

    @property
    def score(self) -> float:
        return self.stated_score if self.stated_score is not None else sum(s for _, _, s in self.items)


@dataclass
class Subordinates:
    """The subordinate cells of a đảng bộ cơ sở and their ratings."""

    xuat_sac: int
    tot: int
    hoan_thanh: int
    khong_hoan_thanh: int
    registered_bon_tot: int
    bon_tot: int

    @property
    def total(self) -> int:
        return self.xuat_sac + self.tot + self.hoan_thanh + self.khong_hoan_thanh


@dataclass
class DocSpec:
    """One file of the dossier: what it is, which template, how it reaches the inbox."""

    doc_type: str  # to_trinh, bien_ban_kiem_phieu, bao_cao, phieu_tu_danh_gia, ke_hoach
    template: str  # "A", "B", "C"
    file: str  # path inside the dossier
    medium: str  # docx, pdf_text, scan, photo, corrupt
    rotate_page: int | None = None  # scan: this page (0-based) lies sideways
    low_quality: bool = False
    exif_rotated: bool = False
    overrides: dict[str, Any] = field(default_factory=dict)  # per-document deviations from the truth


@dataclass
class Dossier:
    """Everything true about one sample dossier."""

    case: str
    description: str
    kind: str  # chi_bo or dang_bo_co_so
    unit: str  # "Chi bộ Phòng Tư pháp"
    issuer: str  # header issuing body, capitals: "CHI BỘ PHÒNG TƯ PHÁP", "ĐẢNG ỦY XÃ PHƯỚC ĐÔNG"
    parent: str  # "Đảng bộ Cơ quan Chính quyền huyện Cần Đước"
    recipient: str  # "Ban Thường vụ Đảng ủy …"
    place: str
    year: int
    members_official: int
    members_probationary: int
    members_present: int  # at the vote (chi bộ: everybody present; đảng bộ: committee members present)
    ballots_issued: int
    ballots_returned: int
    ballots_valid: int
    votes_for: int
    votes_against: int
    ratings: dict[str, int]
    criteria: list[Criterion]
    regular_meetings: int
    thematic_meetings: int
    attendance_pct: float
    disciplined_members: int
    new_members: int
    dates: dict[str, dt.date]
    numbers: dict[str, int]
    secretary: str
    counters: tuple[str, str]
    documents: list[DocSpec]
    medium: str
    verdict: str
    flags: list[str]
    forbidden_flags: list[str]
    profile: str = "mac-dinh"
    members_excused: int = 0
    committee_members: int = 0
    subordinates: Subordinates | None = None
    pass_fail: bool = False  # the self-assessment says Đạt / Không đạt per item instead of points
    legacy: bool = False
    omit_figures: list[str] = field(default_factory=list)  # figures the documents leave ambiguous
    zip: bool = False
    stated_members_rated: int | None = None  # when the rating counts deliberately do not add up
    stated_total: float | None = None  # when the total row is deliberately wrong
    ballots_invalid_stated: int | None = None

    def fix_votes(self) -> Dossier:
        """Votes against are the valid ballots not in favour (used after changing the vote)."""
        self.votes_against = self.ballots_valid - self.votes_for
        return self

    @property
    def members_total(self) -> int:
        return self.members_official + self.members_probationary

    @property
    def voters_eligible(self) -> int:
        if self.kind == "dang_bo_co_so":
            return self.committee_members
        return self.members_official - self.members_excused

    @property
    def ballots_invalid(self) -> int:
        if self.ballots_invalid_stated is not None:
            return self.ballots_invalid_stated
        return self.ballots_returned - self.ballots_valid

    @property
    def members_rated(self) -> int:
        if self.stated_members_rated is not None:
            return self.stated_members_rated
        return sum(self.ratings.values())

    @property
    def is_cell(self) -> bool:
        return self.kind == "chi_bo"

    def figures(self) -> dict[str, Any]:
        """The contract's figures for this dossier, less those its documents leave ambiguous."""
        fig: dict[str, Any] = {
            "members_total": self.members_total,
            "members_official": self.members_official,
            "members_present": self.members_present,
            "voters_eligible": self.voters_eligible,
            "ballots_issued": self.ballots_issued,
            "ballots_returned": self.ballots_returned,
            "ballots_valid": self.ballots_valid,
            "votes_for": self.votes_for,
            "votes_against": self.votes_against,
            "ratings": dict(self.ratings),
            "criteria_scores": [c.score for c in self.criteria],
            "criteria_max": [c.max for c in self.criteria],
            "regular_meetings": self.regular_meetings,
            "thematic_meetings": self.thematic_meetings,
            "attendance_pct": self.attendance_pct,
            "disciplined_members": self.disciplined_members,
            "subordinates": None,
        }
        if not self.is_cell:
            # Who "present" counts at a committee vote is not fixed by the contract: leave it out.
            fig.pop("members_present")
            s = self.subordinates
            assert s is not None
            fig["subordinates"] = {
                "total": s.total,
                "at_least_hoan_thanh": s.total - s.khong_hoan_thanh,
                "at_least_tot": s.xuat_sac + s.tot,
                "bon_tot": s.bon_tot,
            }
        if self.pass_fail:
            fig.pop("criteria_scores")
            fig.pop("criteria_max")
        for name in self.omit_figures:
            fig.pop(name, None)
        return fig

    def expected(self) -> dict[str, Any]:
        docs = {
            d.file: ("khac" if d.doc_type == "ke_hoach" else d.doc_type)
            for d in self.documents
            if d.medium not in ("corrupt", "unsupported")
        }
        return {
            "case": self.case,
            "description": self.description,
            "medium": self.medium,
            "profile": self.profile,
            "verdict": self.verdict,
            "flags": sorted(self.flags),
            "forbidden_flags": sorted(set(self.forbidden_flags) - set(self.flags)),
            "unit": {"name": self.unit, "kind": self.kind},
            "year": self.year,
            "documents": dict(sorted(docs.items())),
            "figures": self.figures(),
        }


def num(value: float) -> str:
    """Vietnamese decimal: 24.5 → '24,5', 25.0 → '25'."""
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.2f}".rstrip("0").rstrip(".").replace(".", ",")


def pct(part: float, whole: float) -> str:
    return num(round(100.0 * part / whole, 2)) + "%" if whole else "0%"


def two(n: int) -> str:
    """'01', '02' … as party documents write counts under ten."""
    return f"{n:02d}" if 0 < n < 10 else str(n)


def date_long(d: dt.date) -> str:
    return f"ngày {d.day:02d} tháng {d.month:02d} năm {d.year}"


def date_short(d: dt.date) -> str:
    return f"{d.day:02d}/{d.month:02d}/{d.year}"
