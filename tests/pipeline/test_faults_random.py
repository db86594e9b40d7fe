"""The inbox under faults, randomised part (``make faults``; skipped by ``make test``).

Real watcher processes (``python -m pipeline.cli watch``) are killed with SIGKILL at each journal
state and at random moments while: OUT and the archive are small tmpfs disks (3 MB, filling up;
the archive on another file system, so moves are copies), dossiers arrive by slow copies that pause
between files, one folder grows after it was taken, and the inbox holds links (``x.zip ->
/etc/passwd``, a zip and a folder outside the inbox), a FIFO in a dossier and a folder holding only a
FIFO, and a damaged zip. Then the disks are made larger and a last watcher runs ``--until-idle``.
The closing table: every original accounted for by sha256, each dossier one result naming all its
files, 0 healthy dossiers quarantined, 0 claims held without a reason, 0 files outside the inbox read.

``HOSO_FAULTS_SEED`` picks the random moments (default 23); ``HOSO_FAULTS_ROUNDS`` the kills (24).
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import pytest

from tests.conftest import ROOT

from .fault_helpers import (
    account,
    age_atimes,
    assert_clean,
    atime_works,
    files_of,
    remount,
    table,
    tmpfs,
)
from .watch_helpers import events, word_dossier

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not os.environ.get("HOSO_FAULTS"), reason="heavy fault injection: run `make faults`"),
]

SETTLE = 1.5  # seconds; the copies below pause a third of it between files (as 10 s against 30 s)

# The watcher, killed by itself (SIGKILL) right after its journal first reaches HOSO_KILL_AT.
_KILL_AT = """
import os, signal, sys, time
from pipeline import watch
target = os.environ.get("HOSO_KILL_AT")
save = watch.Claim.save
def save_then_die(self, **changes):
    save(self, **changes)
    if target and changes.get("state") == target:
        os.kill(os.getpid(), signal.SIGKILL)
    time.sleep(float(os.environ.get("HOSO_STEP_PAUSE", "0")))
watch.Claim.save = save_then_die
from pipeline.cli import main
sys.argv[0] = "hoso"
main()
"""


def _env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        HOSO_SETTLE_SECONDS=extra.pop("HOSO_SETTLE_SECONDS", str(SETTLE)),
        HOSO_POLL_SECONDS="0.1",
        HOSO_WATCH_FLOWS="false",
        HOSO_WORKERS="1",
        HOSO_RETRY_SECONDS="0.2",
        HOSO_RETRY_ATTEMPTS="3",
        HOSO_PREFECT_SERVER="ephemeral",
        PYTHONPATH=str(ROOT),
        **extra,
    )
    return env


def _start(place: dict[str, Path], *extra: str, **env: str) -> subprocess.Popen:
    cmd = [sys.executable, "-c", _KILL_AT, "watch", str(place["inbox"]), "--out", str(place["out"])]
    cmd += ["--archive", str(place["archive"]), "--quarantine", str(place["quarantine"]), *extra]
    return subprocess.Popen(
        cmd, env=_env(**env), cwd=place["tmp"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )


def _slow_copy(src: Path, dest: Path, pause: float) -> None:
    for p in sorted(q for q in src.rglob("*") if q.is_file()):
        target = dest / p.relative_to(src)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(p, target)
        time.sleep(pause)


def test_watchers_killed_on_small_disks_with_hostile_entries(tmp_path: Path) -> None:
    rng = random.Random(int(os.environ.get("HOSO_FAULTS_SEED", "23")))
    rounds = int(os.environ.get("HOSO_FAULTS_ROUNDS", "24"))
    place = {k: tmp_path / k for k in ("inbox", "out", "archive", "quarantine", "src", "outside")}
    place["tmp"] = tmp_path
    for k in ("inbox", "src", "outside"):
        place[k].mkdir()
    with tmpfs(place["out"], "2m") as out, tmpfs(place["archive"], "2m") as archive:
        inbox, src, outside = place["inbox"], place["src"], place["outside"]
        originals: dict[str, dict[str, str]] = {}
        for i in range(14):  # dropped at once
            word_dossier(inbox / f"hs{i:02d}", i)
            originals[f"hs{i:02d}"] = files_of(inbox / f"hs{i:02d}")
        for i in range(14, 20):  # arrive later by slow copies
            word_dossier(src / f"hs{i:02d}", i)
            originals[f"hs{i:02d}"] = files_of(src / f"hs{i:02d}")
        word_dossier(src / "grown", 40)  # its first file now, the rest once it was taken
        originals["grown"] = files_of(src / "grown")
        first = sorted(p for p in (src / "grown").rglob("*") if p.is_file())[0]
        (inbox / "grown" / first.relative_to(src / "grown")).parent.mkdir(parents=True)
        shutil.copy2(first, inbox / "grown" / first.relative_to(src / "grown"))
        word_dossier(inbox / "fifo", 50)
        os.mkfifo(inbox / "fifo" / "pipe.docx")
        originals["fifo"] = files_of(inbox / "fifo")
        (inbox / "onlyfifo").mkdir()
        os.mkfifo(inbox / "onlyfifo" / "pipe")
        originals["onlyfifo"] = files_of(inbox / "onlyfifo")
        (inbox / "damaged.zip").write_bytes(b"PK\x03\x04 a damaged zip")
        originals["damaged"] = {"damaged.zip": files_of(inbox)["damaged.zip"]}
        # Links: never read.
        word_dossier(outside / "real", 60)
        shutil.make_archive(str(outside / "real"), "zip", outside / "real")
        (inbox / "x.zip").symlink_to("/etc/passwd")
        (inbox / "y.zip").symlink_to(outside / "real.zip")
        (inbox / "linked").symlink_to(outside / "real", target_is_directory=True)
        watched = [p for p in outside.rglob("*") if p.is_file()]
        age_atimes(watched)
        outside_atimes = {str(p): os.stat(p).st_atime_ns for p in watched}

        copies = [
            threading.Thread(target=_slow_copy, args=(src / f"hs{i:02d}", inbox / f"hs{i:02d}", SETTLE / 3))
            for i in range(14, 20)
        ]
        for t in copies:
            t.start()
            time.sleep(rng.uniform(0, SETTLE))

        kills, states_killed = 0, Counter()
        grown_rest_copied = False
        targets = ["claimed", "processing", "processed", "archiving", "quarantining"]
        for n in range(rounds):
            target = targets[n] if n < len(targets) else ""
            proc = _start(place, HOSO_KILL_AT=target, HOSO_STEP_PAUSE="0.05" if n % 2 else "0")
            deadline = time.monotonic() + (30 if target else rng.uniform(1.0, 4.0))
            while proc.poll() is None and time.monotonic() < deadline:
                time.sleep(0.05)
            if proc.poll() is None:
                proc.send_signal(signal.SIGKILL)
            proc.wait()
            if proc.returncode == -signal.SIGKILL:
                kills += 1
                states_killed[target or "random"] += 1
            if not grown_rest_copied and not (inbox / "grown").exists():  # taken: the copy goes on
                rest = [p for p in (src / "grown").rglob("*") if p.is_file() and p != first]
                for p in rest:
                    (inbox / "grown" / p.relative_to(src / "grown")).parent.mkdir(parents=True, exist_ok=True)
                    shutil.copy2(p, inbox / "grown" / p.relative_to(src / "grown"))
                grown_rest_copied = True
        for t in copies:
            t.join()
        held_midway = len(list((inbox / ".hoso-claimed").glob("*~*")))
        # Space is freed: the disks grow; a last watcher carries everything on.
        remount(out, "size=64m")
        remount(archive, "size=64m")
        if not grown_rest_copied:
            _slow_copy(src / "grown", inbox / "grown", 0)
        final = _start(place, "--until-idle")
        _, err = final.communicate(timeout=600)
        assert final.returncode == 0, err.decode()[-3000:]

        figures = account(
            originals,
            out,
            archive,
            place["quarantine"],
            inbox,
            healthy=set(originals) - {"damaged"},
            outside=outside_atimes if atime_works(tmp_path) else None,
        )
        evs = events(out)
        figures = {
            "SIGKILLs": kills,
            "claims held when the disks were full": held_midway,
            **figures,
            "events 'stuck' (shown to staff)": sum(e["event"] == "stuck" for e in evs),
            "links refused": len({e["id"] for e in evs if e["event"] == "refused_link"}),
        }
        print("\n" + table(figures, f"faults: kills by state {dict(states_killed)}"))
        report = tmp_path.parent / "faults-table.txt"
        report.write_text(table(figures, f"faults: kills by state {dict(states_killed)}") + "\n", "utf-8")
        assert_clean(figures)
        assert figures["links refused"] == 3
        for link in ("x.zip", "y.zip", "linked"):
            assert (inbox / link).is_symlink()
        assert (place["quarantine"] / "damaged" / "damaged.zip").exists()
        results = Counter(p.parent.name for p in out.glob("*/result.json"))
        assert results == Counter(list(originals))
        grown = json.loads((out / "grown" / "result.json").read_text("utf-8"))
        assert {d["file"] for d in grown["documents"]} == set(originals["grown"])
        assert not list(archive.rglob(".partial"))
        assert not [p for p in archive.rglob("*") if p.is_dir() and not any(p.iterdir())]


def test_a_copy_pausing_10_s_between_files_is_one_dossier(tmp_path: Path) -> None:
    """The real pause of a slow network share, against the default settle time (30 s)."""
    place = {k: tmp_path / k for k in ("inbox", "out", "archive", "quarantine", "src")} | {"tmp": tmp_path}
    place["inbox"].mkdir()
    word_dossier(place["src"] / "hs01", 1)
    proc = _start(place, HOSO_SETTLE_SECONDS="30")
    try:
        _slow_copy(place["src"] / "hs01", place["inbox"] / "hs01", 10)
        deadline = time.monotonic() + 120
        while not events(place["out"]) and time.monotonic() < deadline:
            time.sleep(0.5)
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=60)
    evs = events(place["out"])
    assert [e["event"] for e in evs] == ["processed"]
    result = json.loads((place["out"] / "hs01" / "result.json").read_text("utf-8"))
    assert len(result["documents"]) == 3
