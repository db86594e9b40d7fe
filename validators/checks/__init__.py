"""The checks of a dossier, each a function of a :class:`Context` that adds flags and never raises."""

from __future__ import annotations

import logging
from collections.abc import Callable

from ..codes import FlagCode, Severity
from .agreement import check_agreement
from .arithmetic import check_arithmetic
from .base import Context, Status
from .completeness import check_completeness
from .quality import check_legacy, check_ocr
from .thresholds import check_thresholds

log = logging.getLogger(__name__)

CHECKS: tuple[Callable[[Context], None], ...] = (
    check_completeness,
    check_thresholds,
    check_arithmetic,
    check_agreement,
    check_ocr,
    check_legacy,
)

__all__ = ["CHECKS", "Context", "Status", "run_checks"]


def run_checks(ctx: Context) -> None:
    """Run every check; a bug in one becomes a flag for a person, never a lost dossier."""
    for check in CHECKS:
        try:
            check(ctx)
        except Exception as exc:  # a check must not sink the dossier
            log.exception("check %s failed on %s", check.__name__, ctx.dossier.id)
            ctx.add(
                FlagCode.NOT_PROCESSED,
                f"Lỗi của công cụ khi kiểm tra ({check.__name__}): {type(exc).__name__}: {exc}. Cần kiểm tra thủ công.",
                severity=Severity.WARNING,
            )
            ctx.status[f"_{check.__name__}"] = Status.UNCHECKED
