"""Dossier work in worker processes, one per core, shared by every flow of this process.

Why: reading, checking and writing a Word dossier is pure Python, so threads share one core under
the GIL however many cores the office machine has (1,000 Word dossiers: hoso's CPU 76 s over an
83 s wall). The Prefect tasks stay where they are, in the flow's task runner, and hand each
dossier to this pool; a thread waiting on a process costs nothing, so Prefect still counts, names
and records the task runs and the flow's ``workers`` still says how many dossiers are in flight.

- Tesseract: the workers share one process-wide count of OCR slots (a multiprocessing semaphore
  one per core, like :data:`extractors.readers.base.OCR_SLOTS`), so there are never more Tesseracts than
  cores, however many processes and threads.
- A worker that dies (killed, out of memory, a crash in a C library) breaks the pool: it is
  replaced and the dossier tried once more in a new one; a second break is the dossier's failure,
  reported by the caller as a flag, never a lost batch.
- Workers start through a forkserver that has imported the stages once (not ``fork``: the flow's
  process runs Prefect's threads); :func:`shutdown` stops them, and so does the exit.
- ``HOSO_PROCESSES=0`` (or one core) runs the work in the calling thread, as before.
"""

from __future__ import annotations

import atexit
import logging
import multiprocessing
import os
import threading
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")

_lock = threading.Lock()
_pool: ProcessPoolExecutor | None = None
_unavailable = False  # a pool could not start once: this process works in threads from then on


def _init(slots: Any, log_level: int) -> None:
    """In each worker: the shared OCR slots and the parent's logging (Tesseract's own environment,
    one thread each, is set where it is started, in extractors.readers.ocr)."""
    from extractors.readers import base

    from . import logctx

    base.OCR_SLOTS = slots
    logctx.install()
    logging.basicConfig(level=log_level, format=logctx.LOG_FORMAT)


def _new_pool(size: int) -> ProcessPoolExecutor:
    from .settings import cores

    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(["pipeline.stages", "pipeline.reports", "pipeline.preload"])
    slots = ctx.BoundedSemaphore(cores())
    return ProcessPoolExecutor(
        max_workers=size,
        mp_context=ctx,
        initializer=_init,
        initargs=(slots, logging.getLogger().getEffectiveLevel()),
    )


def _get(size: int) -> ProcessPoolExecutor | None:
    """The pool, made on first use; None if worker processes cannot start here (then: threads)."""
    global _pool, _unavailable
    with _lock:
        if _pool is None and not _unavailable:
            pool = _new_pool(size)
            try:  # a worker that cannot even start (an unimportable __main__, no /dev/shm...)
                pool.submit(os.getpid).result(timeout=120)
            except Exception as exc:
                pool.shutdown(wait=False, cancel_futures=True)
                _unavailable = True
                log.warning(
                    "không khởi động được tiến trình xử lý, làm trong luồng / worker processes "
                    "unavailable, working in threads: %s: %s",
                    type(exc).__name__,
                    exc,
                )
            else:
                _pool = pool
        return _pool


def start_early(size: int) -> None:
    """Start the pool in the background, so that its forkserver's preload (:mod:`pipeline.preload`,
    ~1 s) overlaps what the caller does next, such as starting the Prefect server."""
    if size > 1:
        threading.Thread(target=_get, args=(size,), name="hoso-workers-start", daemon=True).start()


def _replace(broken: ProcessPoolExecutor) -> None:
    global _pool
    with _lock:
        if _pool is broken:
            _pool = None
    broken.shutdown(wait=False, cancel_futures=True)


def run(size: int, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> T:
    """``fn(*args, **kwargs)`` in a worker process; the pool is made on first use with ``size``
    processes and kept for the life of this process (later sizes do not change it).

    ``size`` ≤ 1 runs it here. ``fn`` and its arguments must pickle (module-level functions,
    pydantic models, paths). A broken pool is replaced and the call made once more.
    """
    if size <= 1:
        return fn(*args, **kwargs)
    for attempt in (1, 2):
        pool = _get(size)
        if pool is None:
            return fn(*args, **kwargs)
        try:
            return pool.submit(fn, *args, **kwargs).result()
        except BrokenProcessPool:
            _replace(pool)
            if attempt == 2:
                raise
            log.warning("a worker process died; its pool is replaced and the work tried again")
    raise AssertionError("unreachable")  # pragma: no cover


def shutdown() -> None:
    """Stop the workers (they are made again on next use)."""
    global _pool
    with _lock:
        pool, _pool = _pool, None
    if pool is not None:
        pool.shutdown(wait=True, cancel_futures=True)


atexit.register(shutdown)
