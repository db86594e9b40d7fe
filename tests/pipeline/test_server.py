"""hoso's local Prefect server (pipeline/server.py) as real processes: started once, joined, stopped.

The rest of the suite runs on Prefect's embedded server (conftest); these tests give each case its
own PREFECT_HOME and let ``hoso`` start, rejoin, idle out and stop its detached server for real.
"""

from __future__ import annotations

import fcntl
import json
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from pipeline import server
from tests.conftest import ROOT

from .watch_helpers import word_dossier

pytestmark = pytest.mark.slow


def _env(home: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    env.update(PREFECT_HOME=str(home), HOSO_PREFECT_SERVER="local", PYTHONPATH=str(ROOT), **extra)
    return env


def _hoso(home: Path, *args: str, **extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pipeline.cli", *args],
        env=_env(home, **extra),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=400,
    )


def _wait(predicate, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.2)
    return predicate()


def _flow_runs(info: server.ServerInfo) -> list[dict]:
    req = urllib.request.Request(
        f"{info.api_url}/flow_runs/filter",
        data=json.dumps({"limit": 50}).encode(),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(req, timeout=10) as resp:
        return json.loads(resp.read())


def _stop_quietly(home: Path) -> None:
    info = server.read_info(home)
    if info is not None and server._alive(info.pid):
        os.kill(info.pid, 15)


def test_runs_start_one_server_rejoin_it_and_stop_it(tmp_path: Path) -> None:
    home = tmp_path / "prefect"
    inbox = tmp_path / "inbox"
    word_dossier(inbox / "ho_so_1", 1)
    try:
        first = _hoso(home, "process", str(inbox), "--out", str(tmp_path / "out1"))
        assert first.returncode == 0, first.stderr + first.stdout
        info = server.running(home)
        assert info is not None, "the first run left no answering server behind"
        assert info.api_url in first.stderr + first.stdout  # the terminal says which server it used
        assert server._alive(info.pid)

        second = _hoso(home, "process", str(inbox), "--out", str(tmp_path / "out2"))
        assert second.returncode == 0, second.stderr + second.stdout
        assert server.read_info(home) == info, "the second run started its own server"
        assert info.api_url in second.stderr + second.stdout

        # Both runs' flows ran against that server, and both wrote the same result.
        runs = [r for r in _flow_runs(info) if r["state_type"] == "COMPLETED"]
        assert len(runs) >= 2, runs
        results = [
            json.loads((tmp_path / out / "ho_so_1" / "result.json").read_text("utf-8"))
            for out in ("out1", "out2")
        ]
        assert results[0]["verdict"] == results[1]["verdict"]
        assert results[0]["figures"] == results[1]["figures"]

        status = _hoso(home, "server", "status")
        assert status.returncode == 0 and f"pid {info.pid}" in status.stdout

        stop = _hoso(home, "server", "stop")
        assert stop.returncode == 0 and f"pid {info.pid}" in stop.stdout
        assert _wait(lambda: not server._alive(info.pid), 20), "the server outlived 'hoso server stop'"
        assert server.read_info(home) is None

        after = _hoso(home, "server", "status")
        assert after.returncode == 1 and "not running" in after.stdout
    finally:
        _stop_quietly(home)


def test_server_stops_when_idle_and_not_while_a_client_holds_it(tmp_path: Path) -> None:
    home = tmp_path / "prefect"
    idle_minutes = 0.05  # 3 s; the watchdog looks every 0.75 s
    start = subprocess.run(
        [
            sys.executable,
            "-c",
            f"from pipeline import server; print(server.ensure_server({idle_minutes}).pid)",
        ],
        env=_env(home),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert start.returncode == 0, start.stderr
    pid = int(start.stdout.strip().splitlines()[-1])
    try:
        # A client (this test, holding the same shared lock a hoso run holds) keeps it alive well
        # past its idle time; the starting process has exited, so only our lock is held.
        fd = os.open(home / server.CLIENTS_FILE, os.O_RDWR | os.O_CREAT, 0o644)
        fcntl.flock(fd, fcntl.LOCK_SH)
        time.sleep(idle_minutes * 60 * 3)
        assert server._alive(pid), "the server stopped while a client still used it"
        assert server.running(home) is not None
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)

        assert _wait(lambda: not server._alive(pid), 60), "the idle server did not stop by itself"
        assert server.read_info(home) is None, "a stopped server left its address behind"
    finally:
        _stop_quietly(home)


def test_a_dead_servers_address_is_not_joined(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A stale hoso-server.json (server killed with SIGKILL) is never taken for a live server."""
    home = tmp_path / "prefect"
    home.mkdir()
    monkeypatch.setenv("PREFECT_HOME", str(home))
    server._write_info(home, server.ServerInfo(pid=2**22 + 7, port=server._free_port()))
    assert server.read_info(home) is not None
    assert server.running(home) is None
    assert server.stop_server() is None  # nothing to stop, and the stale address is cleared
    assert server.read_info(home) is None
