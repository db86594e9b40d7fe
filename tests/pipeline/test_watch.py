"""``hoso watch`` in one process: settling, claiming, archive and quarantine, re-drops, recovery."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import threading
import time
from pathlib import Path

import pytest

from pipeline.settings import Settings
from pipeline.watch import CLAIMED, JOURNAL, Watcher, watch_inbox

from .watch_helpers import events, tree, where_are, word_dossier


def _settings(**kw) -> Settings:
    base = {"settle_seconds": 0.6, "poll_seconds": 0.05, "watch_flows": False, "workers": 1}
    return Settings(**{**base, **kw})


@pytest.fixture
def place(tmp_path: Path) -> dict[str, Path]:
    return {k: tmp_path / k for k in ("inbox", "out", "archive", "quarantine")} | {"tmp": tmp_path}


def _watch(place, settings: Settings, **kw) -> int:
    return watch_inbox(
        place["inbox"],
        place["out"],
        archive=place["archive"],
        quarantine=place["quarantine"],
        settings=settings,
        exit_when_idle=True,
        **kw,
    )


def test_slow_copy_is_processed_once_after_it_ended(place) -> None:
    """Files arrive one by one with pauses longer than a poll but shorter than the settle time."""
    source = word_dossier(place["tmp"] / "src" / "hs01", 1)
    inbox = place["inbox"]
    inbox.mkdir()
    stop = threading.Event()
    settings = _settings(settle_seconds=1.0)
    watcher = Watcher(inbox, place["out"], place["archive"], place["quarantine"], settings)
    thread = threading.Thread(target=watcher.run, kwargs={"stop": stop})
    thread.start()
    try:
        files = sorted(p for p in source.rglob("*") if p.is_file())
        for path in files:
            target = inbox / "hs01" / path.relative_to(source)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
            time.sleep(0.4)  # > poll, < settle: the watcher sees a folder that is still changing
        copy_ended = time.time()
        deadline = time.monotonic() + 60
        while not events(place["out"]) and time.monotonic() < deadline:
            time.sleep(0.1)
        time.sleep(1.5)  # time enough for a wrong second pick-up
    finally:
        stop.set()
        thread.join()
    evs = events(place["out"])
    assert [e["event"] for e in evs] == ["processed"]
    manifest = json.loads((Path(evs[0]["dest"]) / "manifest.json").read_text("utf-8"))
    claimed_at = dt.datetime.fromisoformat(manifest["claimed_at"]).timestamp()
    assert claimed_at >= int(
        copy_ended
    )  # claimed only after the copy ended (the journal keeps whole seconds)
    assert {f["path"] for f in manifest["files"]} == {p.relative_to(source).as_posix() for p in files}
    result = json.loads((place["out"] / "hs01" / "result.json").read_text("utf-8"))
    assert len(result["documents"]) == len(files)
    assert not (inbox / "hs01").exists() and list((inbox / CLAIMED).iterdir()) == [inbox / CLAIMED / ".alive"]


def test_archive_manifest_quarantine_and_junk(place) -> None:
    inbox = place["inbox"]
    word_dossier(inbox / "hs01", 1)
    (inbox / "hs01" / "Thumbs.db").write_bytes(b"junk")
    (inbox / "hs02.zip").write_bytes(b"PK\x03\x04 not really a zip")  # damaged: quarantine
    (inbox / "~$To trinh.docx").write_bytes(b"lock")  # Word's lock file: ignored, left alone
    (inbox / "empty").mkdir()  # a folder still being filled: waits
    before = {"hs01": tree(inbox / "hs01")}
    assert _watch(place, _settings()) == 2
    found = where_are(before, inbox, place["archive"], place["quarantine"])
    assert len(found["hs01"]) == 1 and found["hs01"][0].parent.parent.parent == place["archive"]
    manifest = json.loads((found["hs01"][0].parent / "manifest.json").read_text("utf-8"))
    assert {f["path"]: f["sha256"] for f in manifest["files"]} == before["hs01"]
    q = place["quarantine"] / "hs02"
    assert (q / "hs02.zip").read_bytes() == b"PK\x03\x04 not really a zip"
    assert "zip" in (q / "LY_DO.txt").read_text("utf-8") and (q / "REASON.txt").exists()
    assert (place["out"] / "hs02" / "result.json").exists()  # a result with the reason, as for `process`
    assert (inbox / "~$To trinh.docx").exists() and (inbox / "empty").is_dir()
    assert (place["out"] / "index.html").exists() and (place["out"] / "summary.xlsx").exists()


def test_each_dossier_gets_a_console_line_with_its_verdict_and_sheet(place) -> None:
    """Staff watching the terminal see every dossier as it is handled, not only at exit."""
    from rich.text import Text

    from pipeline.cli import watch_line

    inbox = place["inbox"]
    word_dossier(inbox / "hs01", 1)
    (inbox / "hs02.zip").write_bytes(b"PK\x03\x04 not really a zip")
    seen: list[dict] = []
    assert _watch(place, _settings(), notify=seen.append) == 2
    assert sorted(e["event"] for e in seen) == ["processed", "quarantined"]
    lines = {e["id"]: Text.from_markup(watch_line(e)).plain for e in seen}
    verdict = json.loads((place["out"] / "hs01" / "result.json").read_text("utf-8"))["verdict"]
    from validators.codes import VERDICT_NAMES_VI, Verdict

    assert VERDICT_NAMES_VI[Verdict(verdict)] in lines["hs01"]
    assert str(place["out"] / "hs01" / "review.html") in lines["hs01"]
    assert (
        "Lỗi" in lines["hs02"]
        and "quarantined" in lines["hs02"]
        and str(place["quarantine"]) in lines["hs02"]
    )


def test_a_failing_console_line_does_not_stop_the_watcher(place) -> None:
    word_dossier(place["inbox"] / "hs01", 1)

    def broken(event: dict) -> None:
        raise RuntimeError("terminal gone")

    assert _watch(place, _settings(), notify=broken) == 1
    assert [e["event"] for e in events(place["out"])] == ["processed"]


def test_redrop_with_same_content_is_recognised(place) -> None:
    inbox = place["inbox"]
    word_dossier(place["tmp"] / "src" / "hs01", 1)
    shutil.copytree(place["tmp"] / "src" / "hs01", inbox / "hs01")
    _watch(place, _settings())
    first = (place["out"] / "hs01" / "result.json").read_bytes()
    shutil.copytree(place["tmp"] / "src" / "hs01", inbox / "hs01")  # the same dossier again
    shutil.copytree(place["tmp"] / "src" / "hs01", inbox / "hs01 ban sao")  # and under another name
    _watch(place, _settings())
    evs = events(place["out"])
    assert [e["event"] for e in evs] == ["processed", "duplicate", "duplicate"]
    assert all(e["result"] == evs[0]["result"] for e in evs)
    assert (place["out"] / "hs01" / "result.json").read_bytes() == first  # not processed again
    assert not (place["out"] / "hs01 ban sao").exists()
    dests = sorted(Path(e["dest"]).name for e in evs)
    assert dests == ["hs01", "hs01 ban sao", "hs01-2"]  # a name taken in the archive gets a suffix
    assert "hs01" in (Path(evs[1]["dest"]) / "TRUNG_LAP.txt").read_text("utf-8")


def test_a_dead_watchers_claims_are_carried_on(place) -> None:
    """Claims left by a killed watcher in each journal state end archived, with one result each."""
    inbox = place["inbox"]
    claimed = inbox / CLAIMED
    dead = "somehost_999999_1"  # a pid that does not run on this machine → the claim is stale
    for n, state in enumerate(["claimed", "processing", "processed"], start=1):
        cdir = claimed / f"{_local(dead)}~{n:012d}"
        word_dossier(cdir / f"hs0{n}", n)
        journal = {"id": f"hs0{n}", "name": f"hs0{n}", "kind": "folder", "state": state, "attempts": 1}
        (cdir / JOURNAL).write_text(json.dumps(journal), "utf-8")
    orphan = claimed / f"{_local(dead)}~{9:012d}"  # killed before the rename: only a journal
    orphan.mkdir()
    (orphan / JOURNAL).write_text(
        json.dumps({"id": "x", "name": "x", "kind": "folder", "state": "claimed"}), "utf-8"
    )
    assert _watch(place, _settings()) == 3
    assert sorted(p.name for p in claimed.iterdir()) == [".alive"]
    archived = sorted(p.name for p in place["archive"].glob("*/*") if p.parent.name != ".hoso-index")
    assert archived == ["hs01", "hs02", "hs03"]
    # "processed" means the result was written before the crash: it is archived, not processed again
    assert sorted(p.name for p in place["out"].glob("*/result.json")) == ["result.json"] * 2
    assert not (place["out"] / "hs03").exists()


def test_watcher_kills_do_not_quarantine_a_dossier_but_worker_crashes_do(place) -> None:
    """A watcher killed three times while processing a dossier says nothing against the dossier
    (processed and archived); a dossier whose processing crashed its worker process 3 times is quarantined."""
    claimed = place["inbox"] / CLAIMED
    for n, journal in (
        (1, {"state": "processing", "attempts": 3, "interrupted": 2}),
        (2, {"state": "processing", "attempts": 3, "crashes": 3}),
    ):
        cdir = claimed / f"{_local('h_999999_1')}~{n:012d}"
        word_dossier(cdir / f"hs0{n}", n)
        journal |= {"id": f"hs0{n}", "name": f"hs0{n}", "kind": "folder"}
        (cdir / JOURNAL).write_text(json.dumps(journal), "utf-8")
    _watch(place, _settings(max_attempts=3))
    archived = next(place["archive"].glob("*/hs01"))
    assert json.loads((archived / "manifest.json").read_text("utf-8"))["interrupted"] == 3
    assert json.loads((place["out"] / "hs01" / "result.json").read_text("utf-8"))["verdict"]
    assert not (place["quarantine"] / "hs01").exists()
    assert "3" in (place["quarantine"] / "hs02" / "LY_DO.txt").read_text("utf-8")
    assert (place["quarantine"] / "hs02" / "hs02" / "To trinh.docx").exists()


def test_a_live_watchers_claim_is_left_alone(place) -> None:
    import os

    from pipeline.watch import owner_token

    claimed = place["inbox"] / CLAIMED
    me = owner_token()
    cdir = claimed / f"{me.rsplit('_', 2)[0]}_{os.getppid()}_0~{1:012d}"  # the parent process: alive
    word_dossier(cdir / "hs01", 1)
    (cdir / JOURNAL).write_text(
        json.dumps({"id": "hs01", "name": "hs01", "kind": "folder", "state": "processing"}), "utf-8"
    )
    assert _watch(place, _settings()) == 0
    assert (cdir / "hs01").is_dir()


def _local(owner: str) -> str:
    """``owner`` moved onto this machine, so liveness is decided by its pid."""
    from pipeline.watch import owner_token

    host = owner_token().rsplit("_", 2)[0]
    return f"{host}_{owner.rsplit('_', 2)[1]}_{owner.rsplit('_', 2)[2]}"


def test_archive_on_another_filesystem_is_copied_verified_then_removed(place, monkeypatch) -> None:
    import errno
    import os

    from pipeline import watch

    real_rename = os.rename

    def rename(src, dst):  # the archive behaves as if it were on another disk
        if Path(src).is_relative_to(place["inbox"]) and Path(dst).is_relative_to(place["archive"]):
            raise OSError(errno.EXDEV, "Invalid cross-device link")
        return real_rename(src, dst)

    monkeypatch.setattr(watch.os, "rename", rename)
    word_dossier(place["inbox"] / "hs01", 1)
    before = {"hs01": tree(place["inbox"] / "hs01")}
    assert _watch(place, _settings()) == 1
    found = where_are(before, place["inbox"], place["archive"], place["quarantine"])
    assert len(found["hs01"]) == 1 and found["hs01"][0].is_relative_to(place["archive"])
    assert not list(place["archive"].rglob(".partial"))
    assert sorted(p.name for p in (place["inbox"] / CLAIMED).iterdir()) == [".alive"]


def test_an_interrupted_archive_move_is_finished(place) -> None:
    """Killed after choosing the archive folder: before the move, and after it (index not yet written)."""
    claimed = place["inbox"] / CLAIMED
    for n, moved in ((1, False), (2, True)):
        cdir = claimed / f"{_local('h_999999_1')}~{n:012d}"
        dest = place["archive"] / "2025-01-10" / f"hs0{n}"
        word_dossier((dest if moved else cdir) / f"hs0{n}", n)
        cdir.mkdir(parents=True, exist_ok=True)
        journal = {
            "id": f"hs0{n}",
            "name": f"hs0{n}",
            "kind": "folder",
            "state": "archiving",
            "dest": str(dest),
            "content": f"c{n}",
            "result": str(place["out"] / f"hs0{n}" / "result.json"),
            "attempts": 1,
        }
        (cdir / JOURNAL).write_text(json.dumps(journal), "utf-8")
    assert _watch(place, _settings()) == 2
    for n in (1, 2):
        dest = place["archive"] / "2025-01-10" / f"hs0{n}"
        assert (dest / f"hs0{n}" / "To trinh.docx").exists()
        assert (place["archive"] / ".hoso-index" / f"c{n}.json").exists()
    assert (place["archive"] / "2025-01-10" / "hs01" / "manifest.json").exists()
    assert sorted(p.name for p in claimed.iterdir()) == [".alive"]
    assert not (place["out"] / "hs01").exists()  # finished, not processed again
