"""The watcher as a real process: killed with SIGKILL at random moments, and two watchers on one inbox."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from tests.conftest import ROOT

from .watch_helpers import events, tree, where_are, word_dossier

pytestmark = pytest.mark.slow


def _env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        HOSO_SETTLE_SECONDS="0.3",
        HOSO_POLL_SECONDS="0.05",
        HOSO_WATCH_FLOWS="false",
        HOSO_WORKERS="1",
        HOSO_MAX_ATTEMPTS="1000",
        PYTHONPATH=str(ROOT),
        **extra,
    )
    return env


# The watcher with a pause after each journal step, so that kills also land between the steps of a
# claim, an archive move or a quarantine (without it nearly every kill lands in the processing).
_SLOW_STEPS = """
import sys, time
from pipeline import watch
save = watch.Claim.save
def slow_save(self, **changes):
    save(self, **changes)
    time.sleep(0.15)
watch.Claim.save = slow_save
from pipeline.cli import main
sys.argv[0] = "hoso"
main()
"""


def _start(place: dict[str, Path], *extra: str, slow_steps: bool = False) -> subprocess.Popen:
    cmd = [
        sys.executable,
        *(["-c", _SLOW_STEPS] if slow_steps else ["-m", "pipeline.cli"]),
        "watch",
        str(place["inbox"]),
        "--out",
        str(place["out"]),
        "--archive",
        str(place["archive"]),
        "--quarantine",
        str(place["quarantine"]),
        *extra,
    ]
    return subprocess.Popen(
        cmd, env=_env(), cwd=place["tmp"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )


@pytest.fixture
def place(tmp_path: Path) -> dict[str, Path]:
    return {k: tmp_path / k for k in ("inbox", "out", "archive", "quarantine")} | {"tmp": tmp_path}


def _wait_for_work(place: dict[str, Path], proc: subprocess.Popen) -> None:
    """Until the watcher holds a claim or has handled a dossier (or has exited)."""
    claimed = place["inbox"] / ".hoso-claimed"
    before = len(events(place["out"]))
    deadline = time.monotonic() + 60
    while proc.poll() is None and time.monotonic() < deadline:
        if len(events(place["out"])) > before or (
            claimed.exists() and any(p.name != ".alive" for p in claimed.iterdir())
        ):
            return
        if not any(place["inbox"].glob("hs*")):
            return  # nothing left to claim
        time.sleep(0.02)


def _inbox(place: dict[str, Path], n: int) -> dict[str, dict[str, str]]:
    for i in range(n):
        word_dossier(place["inbox"] / f"hs{i:02d}", i)
    return {f"hs{i:02d}": tree(place["inbox"] / f"hs{i:02d}") for i in range(n)}


@pytest.mark.parametrize("slow_steps", [False, True], ids=["plain", "slow-steps"])
def test_sigkill_at_random_moments_loses_nothing(place, slow_steps: bool) -> None:
    originals = _inbox(place, 8)
    damaged = b"PK\x03\x04 a damaged zip"
    (place["inbox"] / "hs99.zip").write_bytes(damaged)  # goes to quarantine
    rng = random.Random(int(os.environ.get("HOSO_TEST_SEED", "8")))
    kills = 0
    interrupted = 0  # kills that left a dossier claimed (mid-processing or mid-move)
    states: Counter[str] = Counter()
    for _ in range(12):
        proc = _start(place, slow_steps=slow_steps)
        _wait_for_work(place, proc)  # start-up takes a while; kill once it is at work
        time.sleep(rng.uniform(0.0, 3.0 if slow_steps else 1.2))  # then anywhere: claim, processing, moves
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            kills += 1
        proc.wait()
        left = [
            json.loads(j.read_text("utf-8"))["state"]
            for j in (place["inbox"] / ".hoso-claimed").glob("*/journal.json")
        ]
        interrupted += bool(left)
        states.update(left)
    print(f"{kills} kills, {interrupted} left a claimed dossier behind, in states {dict(states)}")
    # Where the kills land depends on the machine's speed (printed above); every state's recovery is
    # also covered, deterministically, by test_watch.py::test_a_dead_watchers_claims_are_carried_on.
    assert kills >= 10
    final = _start(place, "--until-idle")
    _, err = final.communicate(timeout=300)
    assert final.returncode == 0, err.decode()

    found = where_are(originals, place["inbox"], place["archive"], place["quarantine"])
    for d, places in found.items():
        assert len(places) == 1, (d, places)  # every original, byte for byte, in exactly one place
    assert all(p.is_relative_to(place["archive"]) for ps in found.values() for p in ps)
    results = Counter(p.parent.name for p in place["out"].glob("*/result.json"))
    assert results == Counter([*originals, "hs99"])  # one result per dossier
    handled = Counter(e["id"] for e in events(place["out"]))
    assert handled == Counter([*originals, "hs99"])  # each archived (or quarantined) once, never twice
    assert (place["quarantine"] / "hs99" / "hs99.zip").read_bytes() == damaged
    assert (place["quarantine"] / "hs99" / "LY_DO.txt").exists()
    assert [p.name for p in (place["inbox"] / ".hoso-claimed").iterdir()] in ([], [".alive"])


def test_two_watchers_never_process_a_dossier_twice(place) -> None:
    originals = _inbox(place, 20)
    procs = [_start(place, "--until-idle") for _ in range(2)]
    for proc in procs:
        _, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err.decode()
    evs = events(place["out"])
    assert Counter(e["id"] for e in evs) == Counter(list(originals))
    assert all(e["event"] == "processed" for e in evs)
    found = where_are(originals, place["inbox"], place["archive"], place["quarantine"])
    assert all(len(p) == 1 for p in found.values())
    by = Counter(e["watcher"] for e in evs)
    print(f"dossiers per watcher: {dict(by)}")  # both usually take part; exactness is what is asserted


def test_watch_records_each_dossier_as_a_flow_run(place) -> None:
    """The default mode: one ``process-one`` flow run per dossier, on the embedded server started once."""
    from pipeline.settings import Settings
    from pipeline.watch import watch_inbox

    originals = _inbox(place, 2)
    settings = Settings(settle_seconds=0.3, poll_seconds=0.05, watch_flows=True, workers=1)
    n = watch_inbox(
        place["inbox"],
        place["out"],
        archive=place["archive"],
        quarantine=place["quarantine"],
        settings=settings,
        exit_when_idle=True,
    )
    assert n == 2
    assert Counter(e["event"] for e in events(place["out"])) == Counter({"processed": 2})
    assert all(
        len(p) == 1
        for p in where_are(originals, place["inbox"], place["archive"], place["quarantine"]).values()
    )
