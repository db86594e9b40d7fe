"""The verdict from the findings, by the contract's order of precedence."""

from __future__ import annotations

from collections.abc import Iterable

from .codes import COMPLETENESS_CODES, THRESHOLD_CODES, FlagCode, Severity, Verdict
from .model import Flag


def decide(flags: Iterable[Flag], *, anything_checked: bool = True) -> Verdict:
    """khong_dat > bo_sung > can_xem_xet > dat.

    ``anything_checked`` is False when some threshold of the profile could not be checked: such a
    dossier is never ``dat`` (its FIELD_NOT_FOUND, or the missing document, says why).
    """
    flags = list(flags)
    errors = {FlagCode(f.code) for f in flags if f.severity == Severity.ERROR}
    if errors & THRESHOLD_CODES:
        return Verdict.KHONG_DAT
    if errors & COMPLETENESS_CODES:
        return Verdict.BO_SUNG
    if any(f.severity in (Severity.ERROR, Severity.WARNING) for f in flags) or not anything_checked:
        return Verdict.CAN_XEM_XET
    return Verdict.DAT
