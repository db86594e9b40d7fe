"""A local Prefect server that outlives one ``hoso`` run, so the next run starts in about a second.

Why: Prefect's embedded (ephemeral) server is started anew by every process and takes 10–20 s to
import and open its database, which is most of a re-run on an unchanged inbox. ``hoso`` instead
starts the same server once, detached, for the project's ``PREFECT_HOME``, and every later run
joins it. The server stops by itself once no ``hoso`` process has used it for
``HOSO_PREFECT_SERVER_IDLE_MINUTES``.

How the pieces agree, without a daemon manager:
- ``hoso-server.json`` in ``PREFECT_HOME`` says where the server is (pid, port);
- every client holds a shared ``flock`` on ``hoso-server.clients`` for its whole life (the kernel
  drops it when the process dies, however it dies); the server's watchdog counts itself idle only
  while it can take that lock exclusively, and keeps it while it shuts down, so a client that
  arrives then waits and starts a new server rather than joining a dying one;
- ``hoso-server.start.lock`` lets one client at a time start a server.

``PREFECT_API_URL`` set by the user (a real server, see docs/deploy.md) always wins;
``HOSO_PREFECT_SERVER=ephemeral`` keeps Prefect's own per-process server (the test suite uses it).
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import logging
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

INFO_FILE = "hoso-server.json"
CLIENTS_FILE = "hoso-server.clients"
START_LOCK = "hoso-server.start.lock"
LOG_FILE = "hoso-server.log"

_client_lock: int | None = None  # this process's shared lock on CLIENTS_FILE, held until exit


@dataclass(frozen=True)
class ServerInfo:
    """Where a running local server is."""

    pid: int
    port: int

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api"


class ServerStartError(RuntimeError):
    """The local server did not come up; the caller falls back to Prefect's embedded server."""


def prefect_home() -> Path:
    return Path(os.environ.get("PREFECT_HOME") or Path.home() / ".prefect").expanduser()


def healthy(info: ServerInfo, timeout: float = 1.0) -> bool:
    try:
        with urllib.request.urlopen(f"{info.api_url}/health", timeout=timeout) as resp:
            return resp.status == 200
    except (OSError, urllib.error.URLError, ValueError):
        return False


def read_info(home: Path) -> ServerInfo | None:
    try:
        data = json.loads((home / INFO_FILE).read_text("utf-8"))
        return ServerInfo(pid=int(data["pid"]), port=int(data["port"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def running(home: Path) -> ServerInfo | None:
    """The local server of ``home`` if it answers."""
    info = read_info(home)
    return info if info is not None and healthy(info) else None


def _hold_client_lock(home: Path) -> None:
    """Say "a hoso process uses the server" for as long as this process lives."""
    global _client_lock
    if _client_lock is not None:
        return
    fd = os.open(home / CLIENTS_FILE, os.O_RDWR | os.O_CREAT, 0o644)
    fcntl.flock(fd, fcntl.LOCK_SH)  # waits while a server is shutting down
    _client_lock = fd


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _write_info(home: Path, info: ServerInfo) -> None:
    tmp = home / f".{INFO_FILE}.{os.getpid()}.tmp"
    tmp.write_text(json.dumps({"pid": info.pid, "port": info.port, "started": time.time()}), "utf-8")
    os.replace(tmp, home / INFO_FILE)


def ensure_server(idle_minutes: float, startup_timeout: float = 180.0) -> ServerInfo:
    """The running local server of ``PREFECT_HOME``, started (detached) if there is none."""
    home = prefect_home()
    home.mkdir(parents=True, exist_ok=True)
    _hold_client_lock(home)
    if (info := running(home)) is not None:
        return info
    with open(home / START_LOCK, "a+") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # another hoso may be starting one right now
        if (info := running(home)) is not None:
            return info
        for _attempt in range(2):  # a port taken between our look and the server's bind: once more
            info = _start(home, idle_minutes, startup_timeout)
            if info is not None:
                _write_info(home, info)
                return info
    raise ServerStartError(f"the local Prefect server did not start; see {home / LOG_FILE}")


def _start(home: Path, idle_minutes: float, startup_timeout: float) -> ServerInfo | None:
    port = _free_port()
    with open(home / LOG_FILE, "ab") as logfile:
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "pipeline.server",
                "--port",
                str(port),
                "--idle-minutes",
                str(idle_minutes),
            ],
            stdin=subprocess.DEVNULL,
            stdout=logfile,
            stderr=logfile,
            start_new_session=True,  # not killed with the terminal or the batch that started it
            cwd=Path(__file__).resolve().parent.parent,
            env={**os.environ, "PREFECT_HOME": str(home)},
        )
    info = ServerInfo(pid=proc.pid, port=port)
    deadline = time.monotonic() + startup_timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return None
        if healthy(info, timeout=0.5):
            return info
        time.sleep(0.2)
    proc.terminate()
    return None


def stop_server(timeout: float = 15.0) -> ServerInfo | None:
    """Stop the local server of ``PREFECT_HOME`` (``hoso server stop``); the one stopped, if any."""
    import signal

    home = prefect_home()
    info = read_info(home)
    if info is None:
        return None
    try:
        os.kill(info.pid, signal.SIGTERM)
    except ProcessLookupError:
        (home / INFO_FILE).unlink(missing_ok=True)
        return None
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and _alive(info.pid):
        time.sleep(0.1)
    # uvicorn re-raises the SIGTERM it caught once it has shut down, so the server may die
    # before its own clean-up: the stopper removes the file of a server it saw go.
    if not _alive(info.pid) and read_info(home) == info:
        (home / INFO_FILE).unlink(missing_ok=True)
    return info


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # pragma: no cover - someone else's process
        return True
    # A zombie (exited, not yet reaped by its parent) is not alive either.
    try:
        return Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z"
    except OSError:
        return False


# ---- the server process ------------------------------------------------------------------------


def serve(port: int, idle_minutes: float) -> None:
    """Run Prefect's API on 127.0.0.1:``port`` until idle for ``idle_minutes`` or SIGTERM."""
    import uvicorn

    home = prefect_home()
    # The same server the embedded mode runs: API only, the services our runs need.
    os.environ.setdefault("PREFECT__SERVER_EPHEMERAL", "1")
    os.environ.setdefault("PREFECT__SERVER_FINAL", "1")
    os.environ["PREFECT_UI_ENABLED"] = "0"
    config = uvicorn.Config(
        "prefect.server.api.server:create_app",
        factory=True,
        host="127.0.0.1",
        port=port,
        log_level="error",
        lifespan="on",
    )
    server = uvicorn.Server(config)
    idle_s = idle_minutes * 60.0
    check = max(0.5, min(30.0, idle_s / 4))
    watchdog = threading.Thread(target=_watch_idle, args=(server, home, idle_s, check), daemon=True)
    watchdog.start()
    try:
        server.run()
    finally:
        info = read_info(home)
        if info is not None and info.pid == os.getpid():
            with contextlib.suppress(OSError):
                (home / INFO_FILE).unlink()


def _watch_idle(server, home: Path, idle_s: float, check_s: float) -> None:
    fd = os.open(home / CLIENTS_FILE, os.O_RDWR | os.O_CREAT, 0o644)
    idle_since: float | None = None
    while not server.should_exit:
        time.sleep(check_s)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:  # some hoso process is using the server
            idle_since = None
            continue
        now = time.monotonic()
        idle_since = idle_since if idle_since is not None else now
        if now - idle_since >= idle_s:
            # Keep the exclusive lock until this process exits: a client arriving now waits for
            # it, then finds no server and starts a new one.
            (home / INFO_FILE).unlink(missing_ok=True)
            server.should_exit = True
            return
        fcntl.flock(fd, fcntl.LOCK_UN)


def main(argv: list[str] | None = None) -> None:
    import argparse

    parser = argparse.ArgumentParser(description="hoso's local Prefect server (started by hoso itself)")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--idle-minutes", type=float, default=30.0)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    serve(args.port, args.idle_minutes)


if __name__ == "__main__":
    main()
