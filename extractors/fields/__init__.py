"""Pattern rules that pull figures and fields out of text with provenance.

``extract_fields(doc, doc_type)`` returns every reading it finds, each with its raw text, its
normalised value and where it was read. Several readings of one field are all kept; choosing
between them is the validators' reconciliation, which can then see disagreements.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from ..model import DocumentText, Provenance
from ..vocabulary import DocType


class FieldReading(BaseModel):
    """One value of one field, read in one place."""

    field: str  # a name from extractors.vocabulary.FIELDS
    value: Any
    raw: str  # the exact text of the line it was read from (evidence)
    prov: Provenance
    doc_type: DocType | None = None
    note: str | None = None  # why a value is odd, e.g. an impossible date read as None
    # How sure the reading is, 0–1: a structure that ties several figures together ("21 đảng viên
    # (18 chính thức, 3 dự bị)") is surer than a keyword next to a number. The validators' joint
    # choice weighs it against the dossier's arithmetic.
    score: float = 0.5
    rule: str | None = None  # what read it: a structure id of structures.yaml, or "keyword"


def extract_fields(doc: DocumentText, doc_type: DocType) -> list[FieldReading]:
    from .rules import extract

    return extract(doc, doc_type)


__all__ = ["FieldReading", "extract_fields"]
