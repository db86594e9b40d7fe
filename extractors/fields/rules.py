"""Placeholder until the field-extraction rules land: reads nothing, so every figure stays null."""

from __future__ import annotations

from ..model import DocumentText
from ..vocabulary import DocType


def extract(doc: DocumentText, doc_type: DocType) -> list:
    return []
