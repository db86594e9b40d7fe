"""Writing what people read: the review sheet per dossier and the batch reports."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from validators import Dossier, Result

    from ..stages import DossierOutcome


def write_dossier_reports(result: Result, dossier: Dossier | None, out_dir: Path) -> None:
    """review.html and review.docx beside result.json."""


def write_batch_reports(out: Path, outcomes: list[DossierOutcome], profile: str) -> list[Path]:
    """summary.xlsx, index.html and thong_bao_ket_qua.docx for the batch; returns the paths written."""
    return []
