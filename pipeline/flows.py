"""Prefect flows: ``process-batch`` runs one task per dossier; the only module that imports prefect."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from prefect import flow, task
from prefect.cache_policies import NO_CACHE
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.task_runners import ThreadPoolTaskRunner

from .inbox import DossierSource, discover
from .reports import write_batch_reports
from .settings import Settings
from .stages import DossierOutcome, process_dossier, verdict_vi

log = logging.getLogger(__name__)


@dataclass
class BatchOutcome:
    """What one run of ``process-batch`` did."""

    out: Path
    dossiers: list[DossierOutcome] = field(default_factory=list)
    stray: list[Path] = field(default_factory=list)
    reports: list[Path] = field(default_factory=list)


@task(name="process-dossier", task_run_name="dossier-{src.id}", cache_policy=NO_CACHE)
def process_dossier_task(src: DossierSource, out: Path, settings: Settings, today: dt.date | None) -> DossierOutcome:
    # Deterministic work: no retries (a parse error would fail the same way again).
    return process_dossier(src, out, settings, today=today)


@flow(name="process-batch", log_prints=False)
def process_batch(
    inbox: Path,
    out: Path,
    profile: str | None = None,
    workers: int | None = None,
    today: dt.date | None = None,
    on_done: Callable[[DossierOutcome], None] | None = None,
) -> BatchOutcome:
    """Process every dossier under ``inbox`` once and write the batch reports into ``out``."""
    settings = Settings()
    if profile:
        settings.profile = profile
    if workers:
        settings.workers = workers
    inbox, out = Path(inbox), Path(out)
    out.mkdir(parents=True, exist_ok=True)
    sources, stray = discover(inbox)
    for path in stray:
        log.warning("not a dossier (neither a folder nor a .zip), left as it is: %s", path.name)
    batch = BatchOutcome(out=out, stray=stray)
    futures = [process_dossier_task.submit(src, out, settings, today) for src in sources]
    for fut in futures:
        outcome = fut.result()
        batch.dossiers.append(outcome)
        if on_done:
            on_done(outcome)
    batch.reports = write_batch_reports(out, batch.dossiers, settings.profile)
    _publish(batch)
    return batch


def _publish(batch: BatchOutcome) -> None:
    """A table of dossiers and verdicts in the Prefect UI, with where the sheets are."""
    rows = [
        {"hồ sơ": d.id, "đơn vị": d.unit or "", "kết quả": verdict_vi(d.verdict), "lỗi": d.errors, "cảnh báo": d.warnings}
        for d in batch.dossiers
    ]
    try:
        create_table_artifact(key="ket-qua-ho-so", table=rows, description="Kết quả xử lý hồ sơ / dossier verdicts")
        create_markdown_artifact(
            key="phieu-tham-dinh",
            markdown=f"Phiếu thẩm định và tổng hợp: `{(batch.out / 'index.html').resolve()}`",
            description="Where the review sheets are",
        )
    except Exception:  # an artifact is a courtesy; never fail the batch for it
        log.warning("could not publish Prefect artifacts", exc_info=True)


def run_batch(
    inbox: Path,
    out: Path,
    *,
    profile: str | None = None,
    workers: int,
    today: dt.date | None = None,
    on_done: Callable[[DossierOutcome], None] | None = None,
) -> BatchOutcome:
    """Run ``process-batch`` with a thread pool of ``workers`` dossier tasks."""
    runner = ThreadPoolTaskRunner(max_workers=workers)
    return process_batch.with_options(task_runner=runner)(
        inbox=inbox, out=out, profile=profile, workers=workers, today=today, on_done=on_done
    )
