"""Shared pieces of the desk's tests: a dossier with a misread score, the desk on a free port, Chromium."""

from __future__ import annotations

import contextlib
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from docx import Document

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
UNIT = "Chi bộ Phòng Tư pháp"
SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "inbox"


def _replace(doc_path: Path, old: str, new: str) -> None:
    doc = Document(str(doc_path))
    done = False
    for para in doc.paragraphs:
        for run in para.runs:
            if old in run.text:
                run.text, done = run.text.replace(old, new), True
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                if cell.text.strip() == old:
                    cell.text, done = new, True
    assert done, f"{old!r} not in {doc_path.name}"
    doc.save(str(doc_path))


def misread_dossier(root: Path) -> Path:
    """The bundled Word sample that meets the standard, with two faults: the self-assessment says
    criterion 3 scored 21,5/25 while its items add up to 24,5 (a slip for "24,5", repeated in the
    proposal), so it fails the 95% threshold; and the report says 12 members where the minutes say 11 (warnings a reviewer may
    dismiss)."""
    shutil.copytree(SAMPLES / "01_chi_bo_dat_docx", root)
    doc_path = root / "Phiếu tự chấm điểm.docx"
    doc = Document(str(doc_path))
    for table in doc.tables:
        for row in table.rows:
            cells = row.cells
            if cells[0].text.strip() == "3" and cells[-1].text.strip() == "24,5":
                cells[-1].text = "21,5"
    doc.save(str(doc_path))
    # The proposal repeats the slip, so no other document tells the sums which value is right.
    _replace(root / "Tờ trình đề nghị công nhận.docx", "tiêu chí 3 đạt 24,5/25", "tiêu chí 3 đạt 21,5/25")
    _replace(root / "Bao cao ket qua.docx", "11 đảng viên (11", "12 đảng viên (12")
    return root


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def desk_server(out: Path, url: str | None = None, *, host: str = "127.0.0.1") -> Iterator[str]:
    """The desk on a free port in a thread; yields its base URL."""
    import uvicorn

    from pipeline.desk.app import check_binding, create_app
    from pipeline.desk.store import Store, default_url

    store = Store.open(url or default_url(out))
    app = create_app(out, store, accounts=check_binding(host, store))
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host=host, port=port, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline, "the desk did not start"
        assert thread.is_alive(), "the desk's server stopped"
        time.sleep(0.05)
    try:
        yield f"http://{host}:{port}"
    finally:
        server.should_exit = True
        thread.join(10)
        store.close()


@contextlib.contextmanager
def chromium() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def _initdb() -> Path | None:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
    return found[-1] if found else None


@contextlib.contextmanager
def postgres() -> Iterator[str]:
    """A PostgreSQL of the Debian package, started for the test on a temp data dir and a free port of
    127.0.0.1 (as the ``postgres`` user when run as root), stopped at the end."""
    import os
    import pwd
    import subprocess
    import tempfile

    initdb = _initdb()
    if initdb is None:
        pytest.skip(
            "PostgreSQL is not installed (apt-get install postgresql; it is in the Makefile's APT_PACKAGES)"
        )
    bindir = initdb.parent
    as_user: list[str] = []
    if os.geteuid() == 0:
        as_user = ["runuser", "-u", "postgres", "--"]
    base = Path(tempfile.mkdtemp(prefix="hoso-pg-"))
    data, sock = base / "data", base / "sock"
    sock.mkdir()
    if as_user:
        pw = pwd.getpwnam("postgres")
        for p in (base, sock):
            os.chown(p, pw.pw_uid, pw.pw_gid)
    port = free_port()

    def run(*cmd: str) -> None:
        subprocess.run([*as_user, *cmd], check=True, capture_output=True, timeout=120)

    run(str(bindir / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-locale")
    opts = f"-p {port} -k {sock} -c listen_addresses=127.0.0.1 -c fsync=off"
    run(str(bindir / "pg_ctl"), "-D", str(data), "-o", opts, "-l", str(base / "log"), "-w", "start")
    try:
        import psycopg

        with psycopg.connect(
            f"host=127.0.0.1 port={port} user=postgres dbname=postgres", autocommit=True
        ) as c:
            c.execute("CREATE DATABASE hoso_review")
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/hoso_review"
    finally:
        subprocess.run(
            [*as_user, str(bindir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"],
            capture_output=True,
            timeout=60,
            check=False,
        )
        shutil.rmtree(base, ignore_errors=True)
