"""Prefect flows: ``process-batch`` runs the changed dossiers as task runs; the only module that imports prefect.

Unchanged dossiers are recognised in the flow itself (one sha256 pass over their files, see
:mod:`pipeline.cache`) and never become task runs, so a re-run costs the hashing plus Prefect's
fixed start-up. The task runner is a thread pool by default, or a Dask cluster (``runner="dask"``,
or ``dask_address`` to join an existing one) to spread the dossiers over several machines.

How many dossiers a task run does: on the thread pool, each ``process-dossiers`` task takes the
next dossier from the batch's queue until it has worked ``task_seconds`` (2 s), so a scanned dossier
(tens of seconds of OCR) is one task run and a Word dossier (~40 ms) shares its task run with about
fifty others. Why: a Prefect task run costs ~10 ms of the flow's CPU and ~25 ms of its server's
(measured), as much as a Word dossier's own work; taken per dossier, that was 47–62% on a Word
batch. Per-dossier progress, results and failures are unchanged (the progress artifact, the run's
table, ``OUT/<id>/result.json``). ``task_seconds = 0``, and the Dask runner, whose workers cannot
share the queue, keep one ``process-dossier`` task run per dossier.
"""

from __future__ import annotations

import datetime as dt
import itertools
import logging
import threading
import time
from collections import deque
from collections.abc import Callable
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from queue import SimpleQueue

from prefect import flow, task
from prefect.artifacts import (
    create_markdown_artifact,
    create_progress_artifact,
    create_table_artifact,
    update_progress_artifact,
)
from prefect.cache_policies import NO_CACHE
from prefect.context import FlowRunContext
from prefect.task_runners import ThreadPoolTaskRunner

from .inbox import DossierSource, discover
from .reports import write_batch_reports
from .settings import Settings
from .stages import (
    DossierOutcome,
    check_cache,
    is_write_error,
    process_and_store,
    record_failure,
    unwritten,
    verdict_vi,
    write_error_text,
)

log = logging.getLogger(__name__)


@dataclass
class BatchOutcome:
    """What one run of ``process-batch`` did."""

    out: Path
    dossiers: list[DossierOutcome] = field(default_factory=list)
    stray: list[Path] = field(default_factory=list)
    reports: list[Path] = field(default_factory=list)

    @property
    def reused(self) -> int:
        return sum(1 for d in self.dossiers if d.reused)


def _run_one(
    src: DossierSource, out: Path, settings: Settings, today: dt.date | None, key: str | None, in_pool: bool
) -> DossierOutcome:
    """One dossier, in a worker process when the task runs on the thread pool; stored for re-runs."""
    from . import workers

    size = min(settings.processes, settings.workers) if in_pool else 1
    try:
        return workers.run(size, process_and_store, src, out, settings, key, today=today)
    except BrokenProcessPool as exc:  # its worker died twice: this dossier, not the batch
        try:
            return record_failure(src, out, settings, exc)
        except OSError as werr:
            if not is_write_error(werr):
                raise
            return unwritten(src, out, werr)


# Deterministic work: no retries on either task (a parse error would fail the same way again).
@task(name="process-dossier", task_run_name="dossier-{src.id}", cache_policy=NO_CACHE)
def process_dossier_task(
    src: DossierSource,
    out: Path,
    settings: Settings,
    today: dt.date | None,
    key: str | None = None,
    in_pool: bool = False,
) -> DossierOutcome:
    return _run_one(src, out, settings, today, key, in_pool)


class DossierQueue:
    """The dossiers of one flow run still to do, taken one at a time by its ``process-dossiers`` tasks
    (threads of the flow's process), and the flow's callback for each one done."""

    def __init__(
        self, todo: list[tuple[DossierSource, str | None]], on_each: Callable[[DossierOutcome], None]
    ) -> None:
        self._todo = deque(todo)
        self._on_each = on_each
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._todo)

    def take(self) -> tuple[DossierSource, str | None] | None:
        with self._lock:
            return self._todo.popleft() if self._todo else None

    def done(self, outcome: DossierOutcome) -> None:
        with self._lock:
            self._on_each(outcome)


@task(name="process-dossiers", task_run_name="dossiers-{part}", cache_policy=NO_CACHE)
def process_dossiers_task(
    part: int,
    queue: DossierQueue,
    out: Path,
    settings: Settings,
    today: dt.date | None,
) -> list[str]:
    """Dossiers from ``queue`` until ``settings.task_seconds`` of work, each in a worker process; the
    ids done, in order. Only on the thread pool, whose threads share the queue."""
    start, done = time.monotonic(), []
    while (item := queue.take()) is not None:
        src, key = item
        outcome = _run_one(src, out, settings, today, key, in_pool=True)
        queue.done(outcome)
        done.append(outcome.id)
        if time.monotonic() - start >= settings.task_seconds:
            break
    if done:
        log.info("%d hồ sơ / dossiers: %s", len(done), ", ".join(done))
    return done


def _run_packed(
    todo: list[tuple[DossierSource, str | None]],
    finished: Callable[[DossierOutcome], None],
    out: Path,
    settings: Settings,
    today: dt.date | None,
    slots: int,
) -> None:
    """``todo`` through ``process-dossiers`` task runs, ``slots`` at a time, a new one as one ends."""
    queue = DossierQueue(todo, finished)
    ended: SimpleQueue = SimpleQueue()
    parts = itertools.count(1)  # a task that finds the queue emptied by the others does nothing

    def launch() -> None:
        fut = process_dossiers_task.submit(next(parts), queue, out, settings, today)
        fut.add_done_callback(ended.put)

    live = min(slots, len(todo))
    for _ in range(live):
        launch()
    while live:
        ended.get().result()  # a task that failed fails the flow, as a per-dossier task would
        live -= 1
        if len(queue):
            launch()
            live += 1


@flow(name="process-batch", log_prints=False)
def process_batch(
    inbox: Path,
    out: Path,
    profile: str | None = None,
    workers: int | None = None,
    today: dt.date | None = None,
    on_done: Callable[[DossierOutcome], None] | None = None,
    reuse: bool = True,
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
    progress = _Progress(len(sources))

    def finished(outcome: DossierOutcome, *, report: bool = True) -> None:
        batch.dossiers.append(outcome)
        progress.advance(report=report)
        if on_done:
            on_done(outcome)

    todo: list[tuple[DossierSource, str | None]] = []
    for src in sources:
        key, hit = _check(src, out, settings, today) if reuse else (None, None)
        if hit is not None:
            finished(hit, report=False)  # one artifact update for all reused dossiers, below
        else:
            todo.append((src, key))
    progress.advance(0)
    # Threads hand the work to worker processes (pipeline.workers); a Dask worker does it itself.
    context = FlowRunContext.get()
    in_pool = context is not None and isinstance(context.task_runner, ThreadPoolTaskRunner)
    if in_pool and settings.task_seconds > 0:
        _run_packed(todo, finished, out, settings, today, settings.workers)
    else:
        futures = [process_dossier_task.submit(src, out, settings, today, key, in_pool) for src, key in todo]
        for fut in futures:
            finished(fut.result())
    batch.dossiers.sort(key=lambda d: d.id)
    # The reviewers' corrections and decisions (hoso review), after the cache: they are keyed by file.
    from .desk.apply import apply_reviews

    batch.dossiers = apply_reviews(out, batch.dossiers, settings.review_db, today=today)
    batch.reports = _batch_reports(out, batch.dossiers, settings.profile, today)
    if batch.reused:
        log.info(
            "%d of %d dossiers unchanged since an earlier run, results reused",
            batch.reused,
            len(batch.dossiers),
        )
    _publish(batch)
    return batch


def _batch_reports(
    out: Path, dossiers: list[DossierOutcome], profile: str, today: dt.date | None
) -> list[Path]:
    """The batch reports, unless the same outcomes were already reported today by the same code."""
    from . import cache

    key = cache.batch_key(dossiers, profile, today or dt.date.today())
    reused = cache.batch_reports_current(out, key)
    if reused is not None:
        log.info("batch reports unchanged since the last run, kept")
        return reused
    unwritten_ = [d.id for d in dossiers if d.write_error]
    if unwritten_:
        log.error(
            "%d hồ sơ không ghi được kết quả / %d dossiers whose outputs could not be written: %s",
            len(unwritten_),
            len(unwritten_),
            ", ".join(unwritten_),
        )
    written = write_batch_reports(out, dossiers, profile, today=today)
    try:
        if len(written) == 3 and not unwritten_:  # a partial set is written again next time
            cache.store_batch(out, key, written)
    except OSError as exc:
        if not is_write_error(exc):
            raise
        log.error("%s", write_error_text(exc))
    return written


def _check(
    src: DossierSource, out: Path, settings: Settings, today: dt.date | None
) -> tuple[str | None, DossierOutcome | None]:
    try:
        return check_cache(src, out, settings, today)
    except OSError:  # vanished or unreadable: the task reports why
        return None, None


class _Progress:
    """A Prefect progress artifact for the run, updated as dossiers finish (at most every 2%, and
    once a second: each update is a call to the server, made while the other tasks wait)."""

    def __init__(self, total: int) -> None:
        self.total, self.done, self.shown, self.shown_at = total, 0, -1.0, 0.0
        self.id = None
        try:
            self.id = create_progress_artifact(
                progress=0.0, key="tien-do-ho-so", description=f"Hồ sơ đã xử lý / dossiers done (of {total})"
            )
        except Exception:  # a courtesy; never fail the batch for it
            log.warning("could not create the Prefect progress artifact", exc_info=True)

    def advance(self, n: int = 1, *, report: bool = True) -> None:
        self.done += n
        pct = 100.0 * self.done / max(self.total, 1)
        if self.id is None or not report:
            return
        if self.done < self.total and (pct - self.shown < 2.0 or time.monotonic() - self.shown_at < 1.0):
            return
        try:
            update_progress_artifact(self.id, progress=pct)
            self.shown, self.shown_at = pct, time.monotonic()
        except Exception:
            log.warning("could not update the Prefect progress artifact", exc_info=True)


def _publish(batch: BatchOutcome) -> None:
    """A table of dossiers and verdicts in the Prefect UI, with where the sheets are."""
    rows = [
        {
            "hồ sơ": d.id,
            "đơn vị": d.unit or "",
            "kết quả": verdict_vi(d.verdict),
            "lỗi": d.errors,
            "cảnh báo": d.warnings,
        }
        for d in batch.dossiers
    ]
    try:
        create_table_artifact(
            key="ket-qua-ho-so", table=rows, description="Kết quả xử lý hồ sơ / dossier verdicts"
        )
        create_markdown_artifact(
            key="phieu-tham-dinh",
            markdown=(
                f"Phiếu thẩm định và tổng hợp: `{(batch.out / 'index.html').resolve()}`\n\n"
                f"{len(batch.dossiers)} hồ sơ, {batch.reused} dùng lại kết quả cũ / reused unchanged"
            ),
            description="Where the review sheets are",
        )
    except Exception:  # an artifact is a courtesy; never fail the batch for it
        log.warning("could not publish Prefect artifacts", exc_info=True)


def task_runner(runner: str, workers: int, dask_address: str | None = None):
    """``thread`` (one machine) or ``dask`` (a local cluster of ``workers`` workers, or ``dask_address``)."""
    if runner == "thread":
        return ThreadPoolTaskRunner(max_workers=workers)
    if runner == "dask":
        from prefect_dask import DaskTaskRunner

        if dask_address:
            return DaskTaskRunner(address=dask_address)
        # Threads in one process start at once; OCR runs in Tesseract subprocesses, so the GIL is no limit.
        return DaskTaskRunner(
            cluster_kwargs={"n_workers": workers, "threads_per_worker": 1, "processes": False}
        )
    raise ValueError(f"unknown task runner {runner!r}: use 'thread' or 'dask'")


def run_batch(
    inbox: Path,
    out: Path,
    *,
    profile: str | None = None,
    workers: int,
    today: dt.date | None = None,
    on_done: Callable[[DossierOutcome], None] | None = None,
    runner: str | None = None,
    reuse: bool = True,
) -> BatchOutcome:
    """Run ``process-batch`` with ``workers`` dossier tasks at once on the configured task runner."""
    settings = Settings()
    chosen = task_runner(runner or settings.runner, workers, settings.dask_address)
    end_crashed_runs()
    return tagged(
        process_batch.with_options(task_runner=chosen),
        inbox=inbox,
        out=out,
        profile=profile,
        workers=workers,
        today=today,
        on_done=on_done,
        reuse=reuse,
    )


@flow(name="process-one", flow_run_name="dossier-{src.id}", log_prints=False)
def process_one_flow(
    src: DossierSource, out: Path, settings: Settings, today: dt.date | None = None, key: str | None = None
) -> DossierOutcome:
    """One dossier as its own flow run: what ``hoso watch`` records for each dossier it takes. Its
    work is done in a worker process (when there is more than one worker), so a dossier that crashes
    its reader takes down that process, not the watcher, and gets a result saying so."""
    return _run_one(src, out, settings, today, key, in_pool=True)


# ---- runs interrupted by a kill --------------------------------------------------------------
# Every flow run of hoso carries the tag ``hoso`` and ``hoso-owner:<host>_<pid>_<start>`` (the
# process running it); a run still Running/Pending whose process is gone was killed with it, and
# is set Crashed at the next start of ``hoso process`` or ``hoso watch``.
OWNER_TAG = "hoso-owner:"


def run_tags() -> tuple[str, ...]:
    from .watch import owner_token

    return ("hoso", f"{OWNER_TAG}{owner_token()}")


def tagged(fn: Callable, *args, **kwargs):
    """``fn(*args, **kwargs)`` with this process's tags on the flow runs it makes."""
    from prefect import tags

    with tags(*run_tags()):
        return fn(*args, **kwargs)


_cleaned = threading.Event()


def end_crashed_runs() -> int:
    """Set Crashed every hoso flow run left Running/Pending by a process on this machine that is
    gone (killed); once per process. Returns how many; never fails the caller."""
    if _cleaned.is_set():
        return 0
    _cleaned.set()
    try:
        return _end_crashed_runs()
    except Exception:
        log.warning("could not tidy the flow runs of killed processes", exc_info=True)
        return 0


def _end_crashed_runs() -> int:
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import (
        FlowRunFilter,
        FlowRunFilterState,
        FlowRunFilterStateType,
        FlowRunFilterTags,
    )
    from prefect.client.schemas.objects import StateType
    from prefect.states import Crashed

    from .watch import owner_alive

    ended = 0
    with get_client(sync_client=True) as client:
        runs = client.read_flow_runs(
            flow_run_filter=FlowRunFilter(
                state=FlowRunFilterState(
                    type=FlowRunFilterStateType(any_=[StateType.RUNNING, StateType.PENDING])
                ),
                tags=FlowRunFilterTags(all_=["hoso"]),
            ),
            limit=200,
        )
        for run in runs:
            owner = next((t[len(OWNER_TAG) :] for t in run.tags if t.startswith(OWNER_TAG)), None)
            if owner is None or owner_alive(owner) is not False:
                continue  # not ours to judge: another machine, or still running
            client.set_flow_run_state(
                run.id,
                Crashed(message=f"tiến trình {owner} đã dừng đột ngột / the process {owner} was killed"),
                force=True,
            )
            ended += 1
    if ended:
        log.warning("%d flow runs of killed processes set Crashed", ended)
    return ended


@flow(name="process-inbox", log_prints=False)
def process_inbox(inbox: str, out: str, profile: str | None = None) -> int:
    """The deployments' entry point: ``process-batch`` on the task runner the settings name; returns the
    number of dossiers (unchanged ones are reused, so a frequent schedule costs little)."""
    settings = Settings()
    runner = task_runner(settings.runner, settings.workers, settings.dask_address)
    batch = process_batch.with_options(task_runner=runner)(inbox=Path(inbox), out=Path(out), profile=profile)
    return len(batch.dossiers)
