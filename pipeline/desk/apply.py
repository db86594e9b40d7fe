"""A dossier's review applied to its result: corrections, flag decisions and the decision, from the store.

The dossier as read is kept in ``OUT/<id>/dossier.json`` (written with result.json); with the
corrections of the store the checks run again without reading any file. The result is written back
to ``result.json`` with a ``review`` block, and the review sheets are written again. Runs after the
result cache (:mod:`pipeline.cache` keys on file contents), so a reused result gets the same review;
the cache entry is then told the new result, so the next run still reuses it.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from validators import Dossier, Result
from validators.model import CorrectionNote, FlagDecision, Review
from validators.review import Correction, reassess

from .store import ReviewData, Store

if TYPE_CHECKING:
    from ..stages import DossierOutcome

log = logging.getLogger(__name__)

DOSSIER_FILE = "dossier.json"


def load_dossier(out_dir: Path) -> Dossier | None:
    try:
        return Dossier.model_validate_json((out_dir / DOSSIER_FILE).read_bytes())
    except (OSError, ValueError):
        return None


def load_result(out_dir: Path) -> Result | None:
    try:
        return Result.model_validate_json((out_dir / "result.json").read_bytes())
    except (OSError, ValueError):
        return None


def _iso(value: Any) -> str | None:
    return value.isoformat() if isinstance(value, dt.datetime) else value


def reviewed_result(
    dossier: Dossier, profile: str, data: ReviewData, *, today: dt.date | None = None
) -> Result:
    """The dossier's result with the review's corrections and flag decisions, and its review block."""
    read = reassess(dossier, profile, [], today=today)[0]
    dismissed = {k for k, f in data.flags.items() if f["action"] == "dismissed"}
    corrections = [Correction(c["file_sha256"], c["key"], c["value"]) for c in data.corrections]
    result, applied = reassess(dossier, profile, corrections, dismissed, today=today)
    rows = {(c["file_sha256"], c["key"]): c for c in data.corrections}
    names = {f.sha256: f.file for f in dossier.files}
    decision = data.decision or {}
    result.review = Review(
        status=data.status,
        decision=decision.get("decision"),
        note=decision.get("note"),
        reviewer=decision.get("by"),
        reviewed_at=_iso(decision.get("at")),
        verdict_read=read.verdict,
        corrections=[
            CorrectionNote(
                file=names.get(c.file_sha256, ""),
                file_sha256=c.file_sha256,
                key=c.key,
                read=rows[(c.file_sha256, c.key)].get("read_value"),
                value=c.value,
                by=rows[(c.file_sha256, c.key)].get("by"),
                at=_iso(rows[(c.file_sha256, c.key)].get("at")),
                reason=rows[(c.file_sha256, c.key)].get("reason"),
            )
            for c in applied
        ],
        flags={
            k: FlagDecision(action=f["action"], reason=f.get("reason"), by=f.get("by"), at=_iso(f.get("at")))
            for k, f in data.flags.items()
        },
    )
    return result


def write_reviewed(out_dir: Path, result: Result, dossier: Dossier, earlier: Result | None) -> None:
    """result.json and the review sheets of a reviewed result (keeping when it was processed)."""
    from ..reports import write_dossier_reports
    from ..stages import write_atomic

    if earlier is not None:
        result.processed_at = earlier.processed_at
        result.hoso_version = earlier.hoso_version
    write_atomic(out_dir / "result.json", result.model_dump_json(indent=2).encode("utf-8"))
    try:
        write_dossier_reports(result, dossier, out_dir)
    except Exception:
        log.exception("review sheet for %s failed", out_dir.name)


def apply_review(
    out_dir: Path, store: Store, *, today: dt.date | None = None, force: bool = False
) -> Result | None:
    """Re-check one dossier with its review and write it; None when there is nothing to apply."""
    earlier = load_result(out_dir)
    dossier = load_dossier(out_dir)
    if earlier is None or dossier is None:
        return None
    shas = [d.sha256 for d in earlier.documents]
    data = store.review_of(earlier.dossier_id, shas)
    if data.empty and earlier.review is None and not force:
        return None
    result = reviewed_result(dossier, earlier.profile, data, today=today)
    if data.empty and not force:
        result.review = None  # the review was taken back: the result as read
    if _same(result, earlier):
        return earlier
    write_reviewed(out_dir, result, dossier, earlier)
    return result


def _same(a: Result, b: Result) -> bool:
    skip = {"processed_at", "hoso_version"}
    return a.model_dump(mode="json", exclude=skip) == b.model_dump(mode="json", exclude=skip)


def apply_reviews(
    out: Path, outcomes: list[DossierOutcome], url: str | None, *, today: dt.date | None = None
) -> list[DossierOutcome]:
    """Every dossier of the batch with its review from the store (if OUT has one); the outcomes after."""
    from .. import cache
    from ..stages import outcome_of

    try:
        store = Store.for_out(out, url)
    except Exception:  # the batch's own results stand; the desk's data is shown when the store is back
        log.exception("the review store could not be opened: reviews not applied")
        return outcomes
    if store is None:
        return outcomes
    try:
        ids = store.reviewed_ids()
        shas = store.all_correction_shas()
        changed: dict[str, DossierOutcome] = {}
        result_list = []
        for o in outcomes:
            data = _result_json(o.out_dir)
            docs = {d.get("sha256") for d in data.get("documents", [])}
            if o.id not in ids and not (shas & docs) and data.get("review") is None:
                result_list.append(o)
                continue
            try:
                result = apply_review(o.out_dir, store, today=today)
            except Exception:
                log.exception("review of %s could not be applied", o.id)
                result = None
            if result is None:
                result_list.append(o)
                continue
            new = outcome_of(result, o.out_dir)
            new = type(new)(**{**new.__dict__, "reused": o.reused})
            changed[o.id] = new
            result_list.append(new)
        if changed:
            cache.refresh(out, changed)
        return result_list
    finally:
        store.close()


def _result_json(out_dir: Path) -> dict[str, Any]:
    try:
        return json.loads((out_dir / "result.json").read_text("utf-8"))
    except (OSError, ValueError):
        return {}
