"""pipeline.workers: dossier work in worker processes, a died worker replaced, OCR slots shared."""

from __future__ import annotations

import json
import os
import signal
from pathlib import Path

import pytest

from pipeline import workers


def pid_and_slots() -> tuple[int, str]:
    from extractors.readers.base import ReadContext

    return os.getpid(), type(ReadContext(workdir=Path(".")).ocr_slots).__module__


def die_once(marker: str) -> int:
    """Kills its worker the first time (as the OOM killer would), then answers."""
    path = Path(marker)
    if not path.exists():
        path.write_text("died")
        os.kill(os.getpid(), signal.SIGKILL)
    return os.getpid()


def always_die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def loaded_before_any_dossier() -> dict[str, bool]:
    import sys

    from extractors.fields.patterns import load_patterns
    from validators.profiles import load_profile

    return {
        "libraries": all(m in sys.modules for m in ("cv2", "pypdfium2", "pdfplumber", "docx")),
        "rules": load_patterns.cache_info().currsize == 1 and load_profile.cache_info().currsize >= 2,
    }


def test_workers_fork_with_libraries_and_rules_loaded() -> None:
    """The forkserver loads them once (pipeline.preload); no worker pays for them on its first dossier."""
    assert workers.run(2, loaded_before_any_dossier) == {"libraries": True, "rules": True}


def test_work_runs_in_another_process_with_shared_ocr_slots() -> None:
    pid, slots = workers.run(2, pid_and_slots)
    assert pid != os.getpid()
    # Tesseracts are counted across all workers, not per process.
    assert slots.startswith("multiprocessing")
    # One worker or none: the caller's own thread and the process's own slots.
    assert workers.run(1, pid_and_slots) == (os.getpid(), "threading")


def test_a_worker_that_dies_is_replaced_and_the_work_done_again(tmp_path: Path) -> None:
    pid = workers.run(2, die_once, str(tmp_path / "marker"))
    assert pid != os.getpid()
    assert (tmp_path / "marker").read_text() == "died"
    # The pool that replaced the broken one goes on working.
    assert workers.run(2, pid_and_slots)[0] != os.getpid()


def test_a_dossier_whose_worker_dies_twice_is_flagged_not_lost(tmp_path: Path, monkeypatch) -> None:
    from pipeline import flows
    from pipeline.inbox import discover
    from pipeline.settings import Settings

    inbox, out = tmp_path / "inbox", tmp_path / "out"
    (inbox / "hs-chet").mkdir(parents=True)
    (inbox / "hs-chet" / "to-trinh.txt").write_text("x", "utf-8")
    (src,), _ = discover(inbox)
    monkeypatch.setattr(flows, "process_and_store", always_die_like_process_dossier)
    outcome = flows.process_dossier_task.fn(src, out, Settings(workers=2, processes=2), None, in_pool=True)
    result = json.loads((out / "hs-chet" / "result.json").read_text("utf-8"))
    assert outcome.verdict == result["verdict"] == "can_xem_xet"
    assert [f["code"] for f in result["flags"]] == ["NOT_PROCESSED"]
    assert "BrokenProcessPool" in result["flags"][0]["message"]
    assert (out / "hs-chet" / "review.html").exists()


def test_where_workers_cannot_start_the_work_is_done_in_the_thread(monkeypatch, caplog) -> None:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    def unstartable(size: int) -> ProcessPoolExecutor:
        ctx = multiprocessing.get_context("forkserver")
        return ProcessPoolExecutor(max_workers=size, mp_context=ctx, initializer=always_die)

    monkeypatch.setattr(workers, "_pool", None)
    monkeypatch.setattr(workers, "_unavailable", False)
    monkeypatch.setattr(workers, "_new_pool", unstartable)
    assert workers.run(2, pid_and_slots) == (os.getpid(), "threading")
    assert "worker processes unavailable" in caplog.text
    assert workers._pool is None  # and it is not tried again for every dossier
    assert workers.run(2, pid_and_slots)[0] == os.getpid()


def always_die_like_process_dossier(src, out, settings, key, *, today=None) -> None:
    always_die()


@pytest.fixture(autouse=True, scope="module")
def _stop_workers():
    yield
    workers.shutdown()
