"""The inbox under faults, deterministic part (``make test``): links never followed, FIFOs flagged and
never opened, full and read-only disks retried then shown to staff, a folder that grows after it was
taken read as one dossier, the settle timer kept across restarts, no double processing.

The randomised part (real watcher processes killed at random, slow copies) is ``make faults``
(test_faults_random.py)."""

from __future__ import annotations

import errno
import itertools
import json
import logging
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline.settings import Settings
from pipeline.watch import CLAIMED, JOURNAL, Watcher, held_claims, owner_token
from tests.conftest import ROOT

from .fault_helpers import (
    account,
    age_atimes,
    assert_clean,
    atime_works,
    files_of,
    fill,
    remount,
    table,
    tmpfs,
)
from .watch_helpers import events, word_dossier


def _settings(**kw) -> Settings:
    base = {
        "settle_seconds": 0.3,
        "poll_seconds": 0.05,
        "watch_flows": False,
        "workers": 1,
        "retry_seconds": 0.05,
        "retry_attempts": 2,
    }
    return Settings(**{**base, **kw})


@pytest.fixture
def place(tmp_path: Path) -> dict[str, Path]:
    got = {k: tmp_path / k for k in ("inbox", "out", "archive", "quarantine")} | {"tmp": tmp_path}
    got["inbox"].mkdir()
    return got


_runs = itertools.count(1)


def _watch(place, settings: Settings | None = None) -> int:
    """A watcher run to idle, as a new watcher process would be: claims of earlier runs are a dead
    watcher's (same pid, another start time), so this one takes them over."""
    owner = f"{owner_token().rsplit('_', 1)[0]}_{next(_runs)}"
    w = Watcher(
        place["inbox"],
        place["out"],
        place["archive"],
        place["quarantine"],
        settings or _settings(),
        owner=owner,
    )
    return w.run(exit_when_idle=True)


def _claims(place) -> list[Path]:
    return [p for p in (place["inbox"] / CLAIMED).glob("*~*")]


def test_links_at_the_top_are_refused_and_left_in_place(place) -> None:
    inbox, outside = place["inbox"], place["tmp"] / "outside"
    word_dossier(outside / "real", 1)
    shutil.make_archive(str(outside / "real"), "zip", outside / "real")
    secret = outside / "secret.txt"
    secret.write_text("mật khẩu", "utf-8")
    (inbox / "x.zip").symlink_to("/etc/passwd")
    (inbox / "y.zip").symlink_to(outside / "real.zip")
    (inbox / "linked").symlink_to(outside / "real", target_is_directory=True)
    (inbox / "s.zip").symlink_to(secret)
    word_dossier(inbox / "hs01", 1)
    (inbox / "hs01" / "inner").symlink_to(outside / "real", target_is_directory=True)  # inside a dossier
    watched = [*sorted(p for p in (outside / "real").rglob("*") if p.is_file()), outside / "real.zip", secret]
    age_atimes(watched)
    before = {str(p): os.stat(p).st_atime_ns for p in watched}

    assert _watch(place) == 1
    if atime_works(place["tmp"]):
        assert {str(p): os.stat(p).st_atime_ns for p in watched} == before  # not one byte read
    for name in ("x.zip", "y.zip", "linked", "s.zip"):
        assert (inbox / name).is_symlink(), name  # left in place, as it was
    assert "“x.zip” là liên kết (symlink) tới /etc/passwd" in (place["out"] / "index.html").read_text("utf-8")
    refused = {e["id"]: e for e in events(place["out"]) if e["event"] == "refused_link"}
    assert set(refused) == {"x.zip", "y.zip", "linked", "s.zip"}
    assert refused["x.zip"]["target"] == "/etc/passwd" and "symbolic link" in refused["x.zip"]["reason"]
    for d in (place["archive"], place["quarantine"], place["out"]):  # no copy of a target anywhere
        names = {p.name for p in d.rglob("*")}
        assert not names & {"x.zip", "y.zip", "linked", "s.zip", "x", "y", "s", "passwd"}, d
    passwd = Path("/etc/passwd").read_bytes()
    assert not any(
        p.is_file() and p.read_bytes() == passwd for p in place["tmp"].rglob("*") if not p.is_symlink()
    )
    result = json.loads((place["out"] / "hs01" / "result.json").read_text("utf-8"))
    assert any(
        f["code"] == "UNSUPPORTED_FILE" and "inner" in json.dumps(f, ensure_ascii=False)
        for f in result["flags"]
    )
    # A second run says nothing new about the same links (no event per restart).
    _watch(place)
    assert sum(e["event"] == "refused_link" for e in events(place["out"])) == 4


def test_fifos_are_flagged_never_opened_and_archived_across_file_systems(place, monkeypatch) -> None:
    """A FIFO in a dossier gets UNSUPPORTED_FILE (opening it would block the watcher); a folder holding
    only a FIFO is still a dossier; the archive on another file system gets a FIFO made anew, no .partial."""
    from pipeline import watch

    inbox = place["inbox"]
    word_dossier(inbox / "hs01", 1)
    os.mkfifo(inbox / "hs01" / "pipe.docx")
    (inbox / "hs02").mkdir()
    os.mkfifo(inbox / "hs02" / "only")
    real_rename = os.rename

    def rename(src, dst):  # the archive behaves as if it were on another disk
        if Path(src).is_relative_to(inbox) and Path(dst).is_relative_to(place["archive"]):
            raise OSError(errno.EXDEV, "Invalid cross-device link")
        return real_rename(src, dst)

    monkeypatch.setattr(watch.os, "rename", rename)
    assert _watch(place) == 2
    for d, fifo in (("hs01", "pipe.docx"), ("hs02", "only")):
        result = json.loads((place["out"] / d / "result.json").read_text("utf-8"))
        flag = next(f for f in result["flags"] if f["code"] == "UNSUPPORTED_FILE")
        assert "FIFO" in flag["message"] or "FIFO" in json.dumps(result, ensure_ascii=False)
        archived = next(place["archive"].glob(f"*/{d}/{d}"))
        assert files_of(archived)[fifo] == "fifo"
    assert not list(place["archive"].rglob(".partial"))
    assert _claims(place) == []


def test_full_archive_is_retried_shown_to_staff_then_finished(place) -> None:
    """Archive disk full: the dossier is processed, held in the claim folder with LY_DO.txt, the CLI's
    --until-idle exits 3; once space is freed the next run archives it; no empty or .partial folders."""
    with tmpfs(place["archive"], "1m") as archive:
        filler = fill(archive)
        word_dossier(place["inbox"] / "hs01", 1)
        original = files_of(place["inbox"] / "hs01")
        _watch(place)
        [claim] = _claims(place)
        assert "disk full" in (claim / "REASON.txt").read_text("utf-8")
        assert "ổ đĩa đầy" in (claim / "LY_DO.txt").read_text("utf-8")
        assert held_claims(place["inbox"])[0][0] == "hs01"
        assert [e["event"] for e in events(place["out"])] == ["stuck"]
        index = (place["out"] / "index.html").read_text("utf-8")
        assert "Hồ sơ “hs01” bị giữ / dossier held" in index and "disk full" in index
        assert not [p for p in archive.rglob("*") if p.is_dir() and not any(p.iterdir())]  # no empty folder
        # The command says so and exits non-zero.
        env = dict(os.environ, PYTHONPATH=str(ROOT), HOSO_WATCH_FLOWS="false", HOSO_SETTLE_SECONDS="0.3")
        env |= {"HOSO_POLL_SECONDS": "0.05", "HOSO_RETRY_SECONDS": "0.05", "HOSO_RETRY_ATTEMPTS": "2"}
        env |= {"HOSO_PREFECT_SERVER": "ephemeral", "HOSO_WORKERS": "1"}
        cmd = [sys.executable, "-m", "pipeline.cli", "watch", str(place["inbox"]), "--out", str(place["out"])]
        cmd += ["--archive", str(archive), "--quarantine", str(place["quarantine"]), "--until-idle"]
        got = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120)
        assert got.returncode == 3, got.stderr
        assert "hs01" in got.stderr and "disk full" in got.stderr
        assert got.stderr.count("Traceback") == 0
        filler.unlink()
        _watch(place)
        assert _claims(place) == []
        [copy] = list(archive.glob("*/hs01/hs01"))
        assert files_of(copy) == original
        assert not list(archive.rglob(".partial"))
        assert [e["event"] for e in events(place["out"])] == ["stuck", "stuck", "processed"]
        assert "bị giữ" not in (place["out"] / "index.html").read_text("utf-8")


def test_read_only_out_holds_the_dossier_with_a_reason_never_quarantines_it(place) -> None:
    with tmpfs(place["out"], "3m") as out:
        remount(out, "ro")
        word_dossier(place["inbox"] / "hs01", 1)
        _watch(place)
        [claim] = _claims(place)
        assert "read-only" in (claim / "REASON.txt").read_text("utf-8")
        assert json.loads((claim / JOURNAL).read_text("utf-8"))["state"] == "processing"
        assert not (place["quarantine"] / "hs01").exists()
        remount(out, "rw")
        _watch(place)
        assert _claims(place) == []
        assert (out / "hs01" / "result.json").exists()
        assert [e["event"] for e in events(out)] == ["processed"]


def test_full_out_in_process_gives_failed_results_and_one_line(place) -> None:
    """``hoso process`` on an OUT that fills up: each dossier it cannot write gets a failed outcome
    (the batch goes on), and the reports that cannot be written are said in one line each."""
    from pipeline.flows import _batch_reports
    from pipeline.inbox import discover
    from pipeline.stages import process_and_store

    for n in range(2):
        word_dossier(place["inbox"] / f"hs0{n}", n)
    with tmpfs(place["out"], "1m") as out:
        fill(out)
        settings = _settings()
        outcomes = [process_and_store(src, out, settings, "k") for src in discover(place["inbox"])[0]]
        assert [d.id for d in outcomes] == ["hs00", "hs01"]
        assert all(d.write_error and "disk full" in d.write_error for d in outcomes)
        assert all(d.verdict == "can_xem_xet" for d in outcomes)
        records: list[logging.LogRecord] = []
        catch = logging.Handler(logging.WARNING)
        catch.emit = records.append
        logging.getLogger("pipeline").addHandler(catch)
        try:
            assert _batch_reports(out, outcomes, settings.profile, None) == []
        finally:
            logging.getLogger("pipeline").removeHandler(catch)
        assert [r.getMessage() for r in records if r.exc_info] == []  # no tracebacks
        index_lines = [r.getMessage() for r in records if "index.html" in r.getMessage()]
        assert len(index_lines) == 1 and "không ghi được / could not write" in index_lines[0]


def test_a_folder_that_grows_after_it_was_taken_is_one_dossier(place) -> None:
    """A slow copy taken half-way: the rest, arriving under the same name, is read together with the
    part already archived; the earlier result is kept in history; every file archived once."""
    inbox = place["inbox"]
    src = word_dossier(place["tmp"] / "src" / "hs01", 1)
    files = sorted(p for p in src.rglob("*") if p.is_file())
    first, rest = files[:1], files[1:]
    for p in first:
        (inbox / "hs01" / p.relative_to(src)).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(p, inbox / "hs01" / p.relative_to(src))
    _watch(place)
    one = json.loads((place["out"] / "hs01" / "result.json").read_text("utf-8"))
    assert len(one["documents"]) == 1
    for p in rest:  # the copy goes on: the folder is made again in the inbox
        (inbox / "hs01" / p.relative_to(src)).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(p, inbox / "hs01" / p.relative_to(src))
    _watch(place)
    result = json.loads((place["out"] / "hs01" / "result.json").read_text("utf-8"))
    assert sorted(d["file"] for d in result["documents"]) == sorted(
        p.relative_to(src).as_posix() for p in files
    )
    assert result["resubmission_of"]["read_together"] is True
    [kept] = list((place["out"] / "hs01" / "history").glob("*/result.json"))
    assert json.loads(kept.read_text("utf-8"))["processed_at"] == one["processed_at"]
    assert [e["event"] for e in events(place["out"])] == ["processed", "resubmitted"]
    # The sheet says so, and links the earlier sheet kept beside it.
    sheet = (place["out"] / "hs01" / "review.html").read_text("utf-8")
    link = re.search(r'id="resubmission">([^<]*)<a href="([^"]+)"', sheet)
    assert link and "đọc cùng 1 tệp" in link.group(1), sheet[:2000]
    assert (place["out"] / "hs01" / link.group(2)).is_file()
    figures = account(
        {"hs01": files_of(src)}, place["out"], place["archive"], place["quarantine"], inbox, healthy={"hs01"}
    )
    print("\n" + table(figures, "grown folder"))
    assert_clean(figures)

    # A corrected version dropped again (the same names): replaces, the earlier kept as history.
    shutil.copytree(src, inbox / "hs01")
    builders_text = inbox / "hs01" / "To trinh.docx"
    word_dossier(place["tmp"] / "v3", 3)
    shutil.copy2(place["tmp"] / "v3" / "To trinh.docx", builders_text)
    _watch(place)
    again = json.loads((place["out"] / "hs01" / "result.json").read_text("utf-8"))
    assert again["resubmission_of"]["read_together"] is False
    assert "thay cho lần nộp trước" in (place["out"] / "hs01" / "review.html").read_text("utf-8")
    assert len(again["documents"]) == len(files)
    assert len(list((place["out"] / "hs01" / "history").glob("*/result.json"))) == 2


def test_settle_time_survives_a_restart(place) -> None:
    word_dossier(place["inbox"] / "hs01", 1)
    settings = _settings(settle_seconds=60)
    first = Watcher(place["inbox"], place["out"], place["archive"], place["quarantine"], settings)
    first.scan()
    since = first.seen["hs01"].since
    second = Watcher(place["inbox"], place["out"], place["archive"], place["quarantine"], settings)
    second.scan()
    assert second.seen["hs01"].since == since  # not restarted
    (place["inbox"] / "hs01" / "new.docx").write_bytes(b"x")
    second.scan()
    assert second.seen["hs01"].since > since  # a change does restart it
    os.utime(place["inbox"] / "hs01", (1, 1))  # so does a change of the folder's own times
    since = second.seen["hs01"].since
    time.sleep(0.01)
    second.scan()
    assert second.seen["hs01"].since > since


def test_killed_after_the_result_was_written_is_not_processed_again(place) -> None:
    """The journal says "processing" but the result for exactly these files is in OUT: archived, not redone."""
    from pipeline import watch

    inbox = place["inbox"]
    word_dossier(inbox / "hs01", 1)
    settings = _settings()
    w = Watcher(inbox, place["out"], place["archive"], place["quarantine"], settings)
    w.scan()
    w.seen["hs01"].since -= 10
    claim = w._claim_next([inbox / "hs01"])
    real_save = watch.Claim.save

    def die_after_result(self, **changes):
        if changes.get("state") == "processed":
            raise KeyboardInterrupt  # the kill: the result is written, the journal not yet
        real_save(self, **changes)

    watch.Claim.save = die_after_result
    try:
        with pytest.raises(KeyboardInterrupt):
            w.handle(claim)
    finally:
        watch.Claim.save = real_save
    written = (place["out"] / "hs01" / "result.json").stat().st_mtime_ns
    # The claim now belongs to a dead watcher.
    dead = claim.dir.with_name(claim.dir.name.replace(w.owner.split("_")[-2], "999999", 1))
    claim.dir.rename(dead)
    assert _watch(place) == 1
    assert (place["out"] / "hs01" / "result.json").stat().st_mtime_ns == written
    assert [e["event"] for e in events(place["out"])] == ["processed"]
    assert _claims(place) == []


@pytest.mark.slow
def test_flow_runs_of_a_killed_process_are_set_crashed() -> None:
    """A run left Running by a killed watcher (its tag names a process that is gone) ends Crashed at
    the next start; a run of a live process is left alone."""
    from prefect import flow
    from prefect.client.orchestration import get_client
    from prefect.states import Running

    from pipeline import flows

    @flow(name="process-one")
    def placeholder() -> None:  # only its name: the runs are made by hand below
        pass

    host = owner_token().rsplit("_", 2)[0]
    dead, alive = f"{host}_999999_1", owner_token()
    with get_client(sync_client=True) as client:
        runs = {
            who: client.create_flow_run(
                placeholder, tags=["hoso", f"{flows.OWNER_TAG}{who}"], state=Running()
            )
            for who in (dead, alive)
        }
        flows._cleaned.clear()
        assert flows.end_crashed_runs() >= 1
        assert client.read_flow_run(runs[dead].id).state.type.value == "CRASHED"
        assert client.read_flow_run(runs[alive].id).state.type.value == "RUNNING"
        assert "was killed" in client.read_flow_run(runs[dead].id).state.message


def test_a_kill_between_making_the_archive_folder_and_the_journal_leaves_no_empty_folder(place) -> None:
    import datetime as dt

    claimed = place["inbox"] / CLAIMED
    cdir = claimed / f"{owner_token().rsplit('_', 2)[0]}_999999_1~{1:012d}"
    word_dossier(cdir / "hs01", 1)
    journal = {"id": "hs01", "name": "hs01", "kind": "folder", "state": "processed", "attempts": 1}
    (cdir / JOURNAL).write_text(json.dumps(journal), "utf-8")
    orphan = place["archive"] / dt.date.today().isoformat() / "hs01"
    orphan.mkdir(parents=True)  # made, then the watcher was killed before its journal named it
    assert _watch(place) == 1
    assert (orphan / "manifest.json").exists() and (orphan / "hs01" / "To trinh.docx").exists()
    assert not [p for p in place["archive"].rglob("*") if p.is_dir() and not any(p.iterdir())]


def test_an_event_line_cut_short_by_a_full_disk_leaves_no_fragment(tmp_path, monkeypatch) -> None:
    """A full disk writes part of a line and fails (make faults found the next line running on from
    it): the part is undone; a fragment an older writer left is ended before the next line."""
    from pipeline import watch

    log_path = tmp_path / "events.jsonl"
    watch.append_line(log_path, json.dumps({"n": 1}))
    real_write = os.write

    def half_then_full(fd: int, data: bytes) -> int:
        real_write(fd, data[: len(data) // 2])
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(watch.os, "write", half_then_full)
    with pytest.raises(OSError):
        watch.append_line(log_path, json.dumps({"n": 2}))
    monkeypatch.setattr(watch.os, "write", real_write)
    assert log_path.read_text("utf-8") == '{"n": 1}\n'

    with open(log_path, "a", encoding="utf-8") as fh:  # a writer killed mid-line long ago
        fh.write('{"n": 3, "cut')
    watch.append_line(log_path, json.dumps({"n": 4}))
    lines = log_path.read_text("utf-8").splitlines()
    assert lines == ['{"n": 1}', '{"n": 3, "cut', '{"n": 4}']
