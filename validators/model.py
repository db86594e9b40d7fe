"""The dossier result: the pydantic model of ``result.json`` (CONTRACT.md, schema_version 1).

``docs/result.schema.json`` is exported from :class:`Result` (``python -m validators.model``);
a test keeps the two in step. Fields beyond the contract (``readings``, ``unreadable`` …) are
additions the contract allows; nothing it names is renamed or dropped.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from extractors.model import Box, SourceKind

from .codes import DocType, FlagCode, Severity, UnitKind, Verdict

SCHEMA_VERSION = 1


class Evidence(BaseModel):
    """The text a finding was read from, and where: file, page (1-based), box or table cell."""

    file: str
    page: int | None = None
    text: str = ""
    bbox: Box | None = None
    block: int | None = None
    table: int | None = None
    row: int | None = None
    image: str | None = None  # page image to crop from, when the text was OCR'd


class Flag(BaseModel):
    """One finding: a code of the contract, its severity, a message for a reviewer, and evidence."""

    code: FlagCode
    severity: Severity
    message: str
    evidence: list[Evidence] = Field(default_factory=list)
    rule: str | None = None  # the profile rule that raised it, e.g. "criteria.min_share"
    source: str | None = None  # the guidance the rule comes from
    field: str | None = None  # the figure concerned, where there is one


class Unit(BaseModel):
    name: str | None = None
    kind: UnitKind | None = None
    parent: str | None = None


class Ratings(BaseModel):
    xuat_sac: int | None = None
    tot: int | None = None
    hoan_thanh: int | None = None
    khong_hoan_thanh: int | None = None


class Subordinates(BaseModel):
    total: int | None = None
    at_least_hoan_thanh: int | None = None
    at_least_tot: int | None = None
    bon_tot: int | None = None


class Figures(BaseModel):
    """The figures of the contract; a value that could not be read is None, never a guess."""

    members_total: int | None = None
    members_official: int | None = None
    members_present: int | None = None
    voters_eligible: int | None = None
    ballots_issued: int | None = None
    ballots_returned: int | None = None
    ballots_valid: int | None = None
    votes_for: int | None = None
    votes_against: int | None = None
    ratings: Ratings = Field(default_factory=Ratings)
    criteria_scores: list[float | None] | None = None
    criteria_max: list[float | None] | None = None
    regular_meetings: int | None = None
    thematic_meetings: int | None = None
    attendance_pct: float | None = None
    disciplined_members: int | None = None
    subordinates: Subordinates | None = None
    # Additions beyond the contract (allowed): the inputs of the rules, so a reviewer sees them too.
    members_rated: int | None = None
    members_excused: int | None = None
    committee_members: int | None = None
    ballots_invalid: int | None = None
    disciplined_organisations: int | None = None
    subordinates_registered_bon_tot: int | None = None  # cells that registered for "bốn tốt" (seed 000 III.2)


class DocumentEntry(BaseModel):
    """One file of the dossier as read and classified."""

    file: str
    sha256: str
    type: DocType
    source: SourceKind
    pages: int
    ocr_confidence: float | None = None
    fields: dict[str, Any] = Field(default_factory=dict)
    page_methods: list[SourceKind] = Field(default_factory=list)
    classified_by: str | None = None  # what decided the type: title, number code, keywords


class Reading(BaseModel):
    """One reading of a figure in one place; several readings of one figure are reconciled."""

    value: Any
    text: str
    file: str
    doc_type: DocType | None = None
    page: int | None = None
    bbox: Box | None = None
    block: int | None = None
    table: int | None = None
    row: int | None = None
    confidence: float | None = None
    chosen: bool = False
    score: float | None = None  # how sure the reading is, 0–1 (a structure 0.9, a keyword 0.5)
    # What read it: a structure of extractors/nlp/structures.yaml, "keyword", "joint" (a value the
    # dossier's sums chose) or "reviewer" (entered at the desk, not read from the file).
    rule: str | None = None


class Alternatives(BaseModel):
    """A figure read as more than one value: the value used, the others read, and why that one."""

    value: Any
    others: list[Any] = Field(default_factory=list)
    why: str | None = None


class CorrectionNote(BaseModel):
    """A reviewer's correction as it applied to this result: the reading, the value read, the value set."""

    file: str
    file_sha256: str
    key: str
    read: Any = None  # the value as read from the file
    value: Any = None  # the value the reviewer set
    by: str | None = None
    at: str | None = None
    reason: str | None = None


class FlagDecision(BaseModel):
    """A reviewer's decision on one flag (by :func:`validators.review.flag_key`): accepted or dismissed."""

    action: str  # "accepted" | "dismissed"
    reason: str | None = None
    by: str | None = None
    at: str | None = None


class Review(BaseModel):
    """What a reviewer did with the dossier (the reviewer's desk): status, decision, corrections, flags.

    ``verdict_read`` is the verdict of the files as read, before corrections and dismissed flags."""

    status: str = "chua_xem"  # chua_xem (not yet) | dang_xem (in progress) | da_xem (reviewed)
    decision: str | None = None  # cong_nhan | khong_cong_nhan | bo_sung
    note: str | None = None
    reviewer: str | None = None
    reviewed_at: str | None = None
    verdict_read: Verdict | None = None
    corrections: list[CorrectionNote] = Field(default_factory=list)
    flags: dict[str, FlagDecision] = Field(default_factory=dict)


class Result(BaseModel):
    """result.json for one dossier."""

    model_config = ConfigDict(use_enum_values=True)

    schema_version: int = SCHEMA_VERSION
    dossier_id: str
    profile: str
    unit: Unit = Field(default_factory=Unit)
    year: int | None = None
    verdict: Verdict
    documents: list[DocumentEntry] = Field(default_factory=list)
    figures: Figures = Field(default_factory=Figures)
    flags: list[Flag] = Field(default_factory=list)
    readings: dict[str, list[Reading]] = Field(default_factory=dict)
    alternatives: dict[str, Alternatives] = Field(default_factory=dict)
    ignored_files: list[str] = Field(default_factory=list)
    processed_at: str | None = None
    hoso_version: str | None = None
    review: Review | None = None  # set once a reviewer has worked on the dossier (hoso review)
    # ``hoso watch``: this result replaces an earlier one of the same dossier (a folder that grew after
    # it was taken, or a re-drop): when, whether the earlier files were read too, where its result is kept.
    resubmission_of: dict | None = None


def export_schema(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(Result.model_json_schema(), ensure_ascii=False, indent=2) + "\n", "utf-8")


if __name__ == "__main__":  # pragma: no cover - a maintenance command
    export_schema(Path(__file__).resolve().parent.parent / "docs" / "result.schema.json")
