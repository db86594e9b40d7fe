"""The strict pydantic model of a rule profile: every threshold, deadline and framework with its source."""

from __future__ import annotations

import datetime as dt
import difflib
from fractions import Fraction
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from extractors.vocabulary import FIELDS, DocType

from ..codes import UnitKind

_STRICT = ConfigDict(extra="forbid", frozen=True)
ALL_KINDS: tuple[UnitKind, ...] = (UnitKind.CHI_BO, UnitKind.DANG_BO_CO_SO)


def did_you_mean(word: str, choices: list[str] | tuple[str, ...] | set[str]) -> str:
    """' (có phải / did you mean "x"?)' for the nearest choice, or '' when nothing is close."""
    near = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.5)
    return f' (có phải / did you mean "{near[0]}"?)' if near else ""


class Source(BaseModel):
    """A guidance document a rule comes from; ``short`` is how messages cite it."""

    model_config = _STRICT

    short: str
    title: str
    number: str | None = None
    date: str | None = None
    issuer: str | None = None
    seed: str | None = None  # the file under shared/seeds/ that holds its text, when we have it


class Rule(BaseModel):
    """What every rule carries: a Vietnamese label, its source and section, the fields it reads."""

    model_config = _STRICT

    label: str
    source: str  # a key of Profile.sources
    section: str | None = None
    note: str | None = None
    fields: list[str] = Field(default_factory=list)
    applies_to: list[UnitKind] = Field(default_factory=lambda: list(ALL_KINDS))

    @field_validator("fields")
    @classmethod
    def _known_fields(cls, value: list[str]) -> list[str]:
        for name in value:
            if name not in FIELDS:
                raise ValueError(
                    f'trường không có trong từ vựng / unknown field "{name}"{did_you_mean(name, FIELDS)}'
                )
        return value

    def describe(self) -> str:
        """The threshold as a reader sees it in `hoso profiles`."""
        return ""


class ShareRule(Rule):
    """A share that must be reached: ``share`` is "95%" or "2/3"; ``op`` says if it is ≥ or strictly >."""

    share: str
    op: Literal[">=", ">"] = ">="

    @field_validator("share")
    @classmethod
    def _parse(cls, value: str) -> str:
        parse_share(value)
        return value

    @property
    def fraction(self) -> Fraction:
        return parse_share(self.share)

    def met(self, part: float, whole: float) -> bool:
        """Exact comparison (no float rounding at the boundary): part/whole op share."""
        if whole <= 0:
            return False
        ratio = Fraction(part).limit_denominator(10**6) / Fraction(whole).limit_denominator(10**6)
        return ratio >= self.fraction if self.op == ">=" else ratio > self.fraction

    def describe(self) -> str:
        return f"{'≥' if self.op == '>=' else '>'} {self.share}"

    @property
    def words(self) -> str:
        """'từ 95% trở lên' / 'trên 85%' for messages."""
        if self.op == ">":
            return "quá nửa" if self.fraction == Fraction(1, 2) else f"trên {self.share}"
        return f"từ {self.share} trở lên"


def parse_share(value: str) -> Fraction:
    text = str(value).strip().replace(",", ".")
    try:
        if text.endswith("%"):
            share = Fraction(text[:-1].strip()) / 100
        elif "/" in text:
            share = Fraction(text)
        else:
            raise ValueError
    except (ValueError, ZeroDivisionError):
        raise ValueError(
            f'tỷ lệ phải có dạng "95%" hoặc "2/3" / share must look like "95%" or "2/3": {value!r}'
        ) from None
    if not 0 <= share <= 1:
        raise ValueError(f"tỷ lệ phải trong khoảng 0–100% / share must be within 0–100%: {value!r}")
    return share


class MinCountRule(Rule):
    """At least ``minimum`` (meetings)."""

    minimum: int = Field(ge=0)

    def describe(self) -> str:
        return f"≥ {self.minimum}"


class MaxCountRule(Rule):
    """At most ``maximum`` (disciplined members: 0)."""

    maximum: int = Field(ge=0)

    def describe(self) -> str:
        return f"≤ {self.maximum}"


class DeadlineRule(Rule):
    """A day of the year: ``day``/``month`` of the assessed year plus ``year_offset``."""

    day: int = Field(ge=1, le=31)
    month: int = Field(ge=1, le=12)
    year_offset: int = 0

    @model_validator(mode="after")
    def _real_day(self) -> DeadlineRule:
        self.for_year(2024)  # a leap year, so 29/2 is allowed
        return self

    def for_year(self, year: int) -> dt.date:
        try:
            return dt.date(year + self.year_offset, self.month, self.day)
        except ValueError:
            raise ValueError(f"ngày không có thật / not a real day: {self.day}/{self.month}") from None

    def describe(self) -> str:
        year = "năm được đánh giá" if self.year_offset == 0 else f"năm được đánh giá + {self.year_offset}"
        return f"{self.day:02d}/{self.month:02d} ({year})"


class FloorRule(Rule):
    """A confidence floor, 0–100 as Tesseract gives it."""

    floor: float = Field(ge=0, le=100)

    def describe(self) -> str:
        return f"≥ {self.floor:g}"


class RequiredDocuments(Rule):
    """The document types a dossier must hold."""

    types: list[DocType]

    def describe(self) -> str:
        short = {"to_trinh": "tờ trình", "bien_ban_kiem_phieu": "biên bản", "bao_cao": "báo cáo"}
        short["phieu_tu_danh_gia"] = "phiếu"
        return f"{len(self.types)}: " + ", ".join(short.get(t.value, t.value) for t in self.types)


class CriteriaFramework(Rule):
    """The self-assessment framework: how many criteria, their names, their maximum points when fixed."""

    count: int = Field(4, ge=1)
    names: list[str] = Field(default_factory=list)
    max_points: list[float] | None = None  # None: the maximum is read from the phiếu

    @model_validator(mode="after")
    def _lengths(self) -> CriteriaFramework:
        if self.names and len(self.names) != self.count:
            raise ValueError(f"names: cần {self.count} tên tiêu chí / need {self.count} names")
        if self.max_points is not None and len(self.max_points) != self.count:
            raise ValueError(f"max_points: cần {self.count} giá trị / need {self.count} values")
        return self

    def describe(self) -> str:
        points = (
            "điểm tối đa đọc từ phiếu"
            if self.max_points is None
            else "/".join(f"{p:g}" for p in self.max_points)
        )
        return f"{self.count} tiêu chí; {points}"


class Rules(BaseModel):
    """The rules of a profile; a threshold rule set to null is not applied by that profile."""

    model_config = _STRICT

    required_documents: RequiredDocuments
    criteria_framework: CriteriaFramework
    criteria_min_share: ShareRule | None = None
    member_ratings_hoan_thanh: ShareRule | None = None
    member_ratings_tot: ShareRule | None = None
    subordinates_hoan_thanh: ShareRule | None = None
    subordinates_tot: ShareRule | None = None
    subordinates_bon_tot: ShareRule | None = None
    vote: ShareRule | None = None
    quorum: ShareRule | None = None
    attendance: ShareRule | None = None
    regular_meetings: MinCountRule | None = None
    thematic_meetings: MinCountRule | None = None
    discipline: MaxCountRule | None = None
    proposal_deadline: DeadlineRule | None = None
    appraisal_deadline: DeadlineRule | None = None
    recognition_deadline: DeadlineRule | None = None
    ocr_confidence_floor: FloorRule


class Profile(BaseModel):
    """One rule profile, after ``extends`` has been merged in."""

    model_config = _STRICT

    version: int = Field(ge=1)
    name: str
    title: str
    display_name: str | None = None  # how pages name the profile ("Mặc định (KH của BTV Thành ủy)")
    extends: str | None = None
    description: str | None = None
    notes: list[str] = Field(default_factory=list)
    sources: dict[str, Source]
    rules: Rules

    @model_validator(mode="after")
    def _sources_exist(self) -> Profile:
        for key, rule in self.items():
            if rule.source not in self.sources:
                raise ValueError(
                    f'rules.{key}.source: không có nguồn / unknown source "{rule.source}"'
                    f"{did_you_mean(rule.source, set(self.sources))}"
                )
        return self

    def items(self) -> list[tuple[str, Rule]]:
        """The rules that are set, in the order of the model."""
        return [(key, rule) for key in Rules.model_fields if (rule := getattr(self.rules, key)) is not None]

    def deadlines(self, year: int) -> dict[str, dt.date]:
        """The profile's deadlines for an assessed year (the index page counts days to ``appraisal_deadline``)."""
        return {key: rule.for_year(year) for key, rule in self.items() if isinstance(rule, DeadlineRule)}

    def cite(self, key: str) -> str:
        """'KH … của BTV Thành ủy, mục II.2.2': the source of a rule as a reviewer reads it."""
        rule: Rule = getattr(self.rules, key)
        src = self.sources[rule.source].short
        return f"{src}, {rule.section}" if rule.section else src
