"""From a read dossier to its result: documents, reconciled figures, findings and the verdict."""

from __future__ import annotations

import datetime as dt
import logging

from .checks import Context, Status, run_checks
from .dossier import Dossier, DossierFile
from .model import DocumentEntry, Result
from .profiles import load_profile
from .reconcile import reconcile
from .verdict import decide

log = logging.getLogger(__name__)


def _entry(f: DossierFile, fields: dict) -> DocumentEntry:
    text = f.text
    return DocumentEntry(
        file=f.file,
        sha256=f.sha256,
        type=f.doc_type,
        source=text.source if text and text.lines else "none",  # read but no text: unreadable
        pages=len(text.pages) if text else 0,
        ocr_confidence=text.ocr_confidence if text else None,
        fields=fields,
        page_methods=[p.method for p in text.pages] if text else [],
        classified_by=f.classified_by,
    )


def assess(
    dossier: Dossier,
    profile: str = "mac-dinh",
    *,
    today: dt.date | None = None,
    dismissed: set[str] | frozenset[str] = frozenset(),
) -> Result:
    """Check a dossier against a rule profile (by name) and decide its verdict.

    ``dismissed``: keys (:func:`validators.review.flag_key`) of flags a reviewer dismissed; they stay
    in the result but do not count for the verdict."""
    from .review import flag_key

    rules = load_profile(profile)
    rec = reconcile(dossier, rules)
    ctx = Context(dossier=dossier, profile=rules, rec=rec, today=today or dt.date.today())
    run_checks(ctx)
    all_checked = bool(ctx.status) and all(
        s in (Status.MET, Status.NOT_APPLICABLE) for s in ctx.status.values()
    )
    unchecked = sorted(k for k, s in ctx.status.items() if s == Status.UNCHECKED)
    if unchecked:
        log.info("dossier %s: rules not checked: %s", dossier.id, ", ".join(unchecked))
    return Result(
        dossier_id=dossier.id,
        profile=profile,
        unit=rec.unit,
        year=rec.year,
        verdict=decide(
            [f for f in ctx.flags if not dismissed or flag_key(f) not in dismissed],
            anything_checked=all_checked,
        ),
        documents=[_entry(f, rec.doc_fields.get(f.file, {})) for f in dossier.files],
        figures=rec.figures,
        flags=ctx.flags,
        readings=rec.readings_out(),
        alternatives=rec.alternatives_out(),
        ignored_files=dossier.ignored,
    )
