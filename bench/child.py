"""A hoso process driven by the benchmark: reads one JSON command a line on stdin, answers one JSON line.

Run as ``python bench/child.py``; the parent starts it (with a CPU affinity when it measures scaling),
so start-up, peak memory and the Prefect server belong to this process alone. Commands:

- ``{"op": "start"}``: connect to Prefect as ``hoso process`` does (hoso's local server, started here
  from cold: one left running for this ``PREFECT_HOME`` is stopped first), import the flow module and
  run one empty batch; the server is stopped again when the child exits;
- ``{"op": "batch", "inbox", "out", "workers", "mode": "prefect"|"direct", "fresh", "profile"}``:
  process the inbox into ``out`` (emptied first when ``fresh``) through Prefect (``run_batch``) or
  through the same stage functions on a thread pool, optionally under cProfile (main thread only);
- ``{"op": "rss"}``: this process's peak RSS so far.
"""

from __future__ import annotations

import json
import logging
import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _maxrss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _cpu(who: int) -> float:
    r = resource.getrusage(who)
    return r.ru_utime + r.ru_stime


def _worker_cpu() -> tuple[float, float]:
    """CPU s of this process's pipeline.workers (forkserver and its workers): their own Python, and
    the processes they have waited for (Tesseract). getrusage cannot see them: they are not our
    waited-for children while they live."""
    tick = os.sysconf("SC_CLK_TCK")
    parent: dict[int, int] = {}
    times: dict[int, tuple[int, int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if b"multiprocessing" not in (stat.parent / "cmdline").read_bytes():
                continue
        except OSError:
            continue
        pid = int(stat.parent.name)
        parent[pid] = int(fields[1])
        # after the state: utime stime cutime cstime are fields 14-17 of /proc/PID/stat
        times[pid] = (int(fields[11]) + int(fields[12]), int(fields[13]) + int(fields[14]))
    me, own, waited = os.getpid(), 0, 0
    for pid, (mine, theirs) in times.items():
        up = parent[pid]
        while up in parent and up != me:
            up = parent[up]
        if up == me:
            own, waited = own + mine, waited + theirs
    return own / tick, waited / tick


def _direct(inbox: Path, out: Path, workers: int) -> tuple[int, int]:
    """The stages without Prefect: what one task does per dossier, then the batch reports."""
    import datetime as dt
    from concurrent.futures import ThreadPoolExecutor

    from pipeline import cache
    from pipeline.inbox import discover
    from pipeline.reports import write_batch_reports
    from pipeline.settings import Settings
    from pipeline.stages import process_or_reuse
    from pipeline.workers import run as run_in_worker

    settings = Settings()
    settings.workers = workers
    out.mkdir(parents=True, exist_ok=True)
    sources, _ = discover(inbox)
    if workers == 1:  # in the main thread, so that cProfile sees the work
        outcomes = [process_or_reuse(s, out, settings) for s in sources]
    else:  # as the Prefect tasks do it: threads handing the work to pipeline.workers
        size = min(settings.processes, workers)
        with ThreadPoolExecutor(workers) as pool:
            outcomes = list(
                pool.map(lambda s: run_in_worker(size, process_or_reuse, s, out, settings), sources)
            )
    outcomes.sort(key=lambda d: d.id)
    key = cache.batch_key(outcomes, settings.profile, dt.date.today())
    if cache.batch_reports_current(out, key) is None:
        cache.store_batch(out, key, write_batch_reports(out, outcomes, settings.profile))
    return len(outcomes), sum(1 for o in outcomes if o.reused)


def _prefect(inbox: Path, out: Path, workers: int) -> tuple[int, int]:
    from pipeline.flows import run_batch

    batch = run_batch(inbox, out, workers=workers, runner="thread")
    return len(batch.dossiers), batch.reused


def handle(cmd: dict) -> dict:
    op = cmd["op"]
    if op == "rss":
        return {"maxrss_mb": round(_maxrss_mb(), 1)}
    if op == "start":
        from pipeline.server import stop_server

        stop_server()  # the first run of the day: no server to join
        t0 = time.perf_counter()
        from pipeline import workers
        from pipeline.settings import Settings, connect_prefect

        settings = Settings()
        workers.start_early(min(settings.processes, settings.workers))  # as `hoso process` does
        connect_prefect(settings)  # what `hoso process` does: hoso's local server
        ts = time.perf_counter()
        import pipeline.flows  # noqa: F401 - the import itself is part of start-up

        t1 = time.perf_counter()
        empty = Path(tempfile.mkdtemp(prefix="hoso-bench-empty-"))
        (empty / "in").mkdir()
        _prefect(empty / "in", empty / "out", 1)
        shutil.rmtree(empty, ignore_errors=True)
        t2 = time.perf_counter()
        return {
            "server_s": round(ts - t0, 3),
            "import_s": round(t1 - ts, 3),
            "first_flow_s": round(t2 - t1, 3),
            "maxrss_mb": round(_maxrss_mb(), 1),
        }
    if op == "batch":
        inbox, out = Path(cmd["inbox"]), Path(cmd["out"])
        if cmd.get("fresh", True):
            shutil.rmtree(out, ignore_errors=True)
        run = _prefect if cmd["mode"] == "prefect" else _direct
        if run is _direct and int(cmd["workers"]) > 1:
            # The Prefect side's pool was started by "start", beside the server (as `hoso process`
            # does); the direct side gets its pool before the clock too, so the two compare like with like.
            from pipeline import workers
            from pipeline.settings import Settings

            workers.run(min(Settings().processes, int(cmd["workers"])), os.getpid)
        prof = None
        if cmd.get("profile"):
            import cProfile

            prof = cProfile.Profile()
            prof.enable()
        me0, kids0 = _cpu(resource.RUSAGE_SELF), _cpu(resource.RUSAGE_CHILDREN)
        wown0, wkids0 = _worker_cpu()
        t0 = time.perf_counter()
        n, reused = run(inbox, out, int(cmd["workers"]))
        seconds = time.perf_counter() - t0
        wown, wkids = _worker_cpu()
        me = _cpu(resource.RUSAGE_SELF) - me0 + wown - wown0
        kids = _cpu(resource.RUSAGE_CHILDREN) - kids0 + wkids - wkids0
        if prof is not None:
            prof.disable()
            prof.dump_stats(cmd["profile"])
        return {
            "s": round(seconds, 3),
            "dossiers": n,
            "reused": reused,
            "maxrss_mb": round(_maxrss_mb(), 1),
            "cpu_self_s": round(me, 2),  # hoso's own Python (all threads, worker processes)
            "cpu_children_s": round(kids, 2),  # Tesseract and other waited-for processes
        }
    raise ValueError(f"unknown op {op!r}")


def main() -> int:
    proto = os.fdopen(os.dup(1), "w", buffering=1)
    os.dup2(2, 1)  # anything printed by libraries goes to stderr; stdout carries only answers
    logging.basicConfig(level=logging.ERROR)
    for line in sys.stdin:
        if not line.strip():
            continue
        try:
            answer = handle(json.loads(line))
        except Exception as exc:  # the parent reports it; the child stays up
            logging.exception("command failed")
            answer = {"error": f"{type(exc).__name__}: {exc}"}
        proto.write(json.dumps(answer) + "\n")
    from pipeline.server import stop_server

    stop_server()  # the local server started by "start", if any: nothing left running after the bench
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
