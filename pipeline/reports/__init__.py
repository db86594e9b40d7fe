"""Writing what people read: the review sheet per dossier and the batch reports.

Per dossier (beside result.json): ``review.html``, one self-contained page that opens offline, and
``review.docx``, the same sheet to print and sign. Per batch: ``summary.xlsx``, ``index.html`` (the
dashboard) and ``thong_bao_ket_qua.docx`` (the draft notice of results).
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from validators import Dossier, Result

    from ..stages import DossierOutcome

__all__ = ["write_batch_reports", "write_dossier_reports"]

log = logging.getLogger(__name__)


def write_dossier_reports(result: Result, dossier: Dossier | None, out_dir: Path) -> None:
    """review.html and review.docx beside result.json."""
    from ..stages import write_atomic
    from .html import render_review
    from .images import ImageBudget
    from .review_docx import write_review_docx
    from .sheet import build_sheet

    sheet = build_sheet(result, dossier, budget=ImageBudget())
    write_atomic(out_dir / "review.html", render_review(sheet).encode("utf-8"))
    write_review_docx(sheet, out_dir / "review.docx")


def write_batch_reports(
    out: Path,
    outcomes: list[DossierOutcome],
    profile: str,
    *,
    today: dt.date | None = None,
    attention: list[str] | None = None,
) -> list[Path]:
    """summary.xlsx, index.html and thong_bao_ket_qua.docx for the batch; returns the paths written.

    Each report is written on its own: one that fails is logged and the others are still written.
    """
    from ..stages import HOSO_VERSION, write_atomic
    from .batch import dashboard, dossier_rows
    from .html import render_index
    from .notice import write_notice
    from .summary import write_summary

    today = today or dt.date.today()
    rows = dossier_rows(outcomes)
    board = dashboard(rows, profile, today, HOSO_VERSION)
    board["attention"] = attention or []  # ``hoso watch``: dossiers held, links refused (one line each)
    jobs = {
        "summary.xlsx": lambda p: write_summary(rows, p),
        "index.html": lambda p: write_atomic(p, render_index(board).encode("utf-8")),
        "thong_bao_ket_qua.docx": lambda p: write_notice(rows, profile, board["year"], p),
    }
    written = []
    for name, job in jobs.items():
        path = out / name
        try:
            job(path)
        except OSError as exc:  # a full or read-only disk: one line, not a traceback per report
            log.error("không ghi được / could not write %s: %s", path, exc.strerror or exc)
            continue
        except Exception:  # one broken report must not cost the others
            log.exception("could not write %s", path)
            continue
        written.append(path)
    return written
