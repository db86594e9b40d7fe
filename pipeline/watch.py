"""``hoso watch``: take each dossier from a shared inbox once it has settled, process it, archive it.

The life of a dossier, each step safe against the watcher being killed at any moment::

    INBOX/<name>                          dropped by a person; waits until nothing in it changed
                                          for ``settle_seconds`` (polling: works on network shares)
    INBOX/.hoso-claimed/<owner>~<uuid>/   claimed by one rename (exactly one watcher wins), with
        journal.json                      the journal: claimed → processing → processed → archiving/quarantining
        <name>                            the dossier, untouched
    ARCHIVE/<YYYY-MM-DD>/<id>/            processed: manifest.json (path, size, sha256 of every file) + <name>
    QUARANTINE/<id>/                      could not be processed: LY_DO.txt, REASON.txt, manifest.json + <name>

A watcher that starts (and every poll) takes over claims whose owner is gone (same machine: the
process is dead; another machine: its heartbeat is older than ``claim_lease_seconds``), by renaming
the claim folder to its own name, and carries on from the journal's state: a claim never processed
is processed, one processed is archived; a dossier that stopped the watcher ``max_attempts`` times
goes to quarantine. Moves are renames on one filesystem, or copy + fsync + verify + remove across
filesystems. Nothing is deleted but our own bookkeeping; a name taken in the archive gets a suffix.
A dossier whose files (names and sha256) match one already archived is not processed again: it is
archived with ``duplicate_of`` pointing to the earlier result, logged and written to the event log.
"""

from __future__ import annotations

import datetime as dt
import errno
import json
import logging
import os
import re
import shutil
import socket
import threading
import time
import unicodedata
import uuid
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from . import logctx
from .cache import content_hash, file_manifest
from .inbox import DossierSource, is_junk
from .settings import Settings
from .stages import DossierOutcome, outcomes_in, process_dossier, write_atomic

log = logging.getLogger(__name__)

CLAIMED = ".hoso-claimed"
ALIVE = ".alive"
JOURNAL = "journal.json"
INDEX = ".hoso-index"  # ARCHIVE/.hoso-index/<content hash>.json: what was archived, for re-drops
EVENTS = "nhat_ky_theo_doi.jsonl"  # OUT/…: one line per dossier handled (processed, duplicate, quarantined)

ProcessFn = Callable[[DossierSource, Path, Settings, dt.date | None], DossierOutcome]


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _fsync_dir(path: Path) -> None:
    """Make a rename durable (power loss, not only a killed process); not every share allows it."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _proc_start(pid: int) -> str:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return "0"
    return stat.rsplit(")", 1)[1].split()[19]  # field 22: start time, tells a reused pid apart


def _alive(pid: int, start: str) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return True  # no /proc: trust kill(0)
    return fields[0] != "Z" and (start == "0" or fields[19] == start)


def owner_token() -> str:
    """``<host>_<pid>_<start time>``: who holds a claim, readable in the claim folder's name."""
    host = re.sub(r"[^A-Za-z0-9-]", "-", socket.gethostname())[:40] or "host"
    pid = os.getpid()
    return f"{host}_{pid}_{_proc_start(pid)}"


@dataclass
class Claim:
    """A dossier this watcher holds in ``INBOX/.hoso-claimed/<owner>~<uuid>/``."""

    dir: Path
    journal: dict

    @property
    def payload(self) -> Path:
        return self.dir / self.journal["name"]

    @property
    def id(self) -> str:
        return self.journal["id"]

    def save(self, **changes: object) -> None:
        self.journal.update(changes, updated_at=_now())
        write_atomic(
            self.dir / JOURNAL, json.dumps(self.journal, ensure_ascii=False, indent=1).encode("utf-8")
        )


@dataclass
class _Pending:
    """What the watcher saw of one inbox entry at the last polls."""

    snapshot: tuple
    since: float
    partial: bool


@dataclass
class Watcher:
    """One watcher process (or thread) on one inbox; several may share an inbox and an archive."""

    inbox: Path
    out: Path
    archive: Path
    quarantine: Path
    settings: Settings
    today: dt.date | None = None
    process_fn: ProcessFn | None = None
    owner: str = field(default_factory=owner_token)
    seen: dict[str, _Pending] = field(default_factory=dict)
    handled: int = 0

    def __post_init__(self) -> None:
        self.claimed = self.inbox / CLAIMED
        for d in (self.out, self.archive, self.quarantine, self.claimed / ALIVE):
            d.mkdir(parents=True, exist_ok=True)
        self._dirty = threading.Event()
        self._lock = threading.Lock()
        self._refreshed = time.monotonic()
        self._retries: dict[str, int] = {}

    # ---- the loop -------------------------------------------------------------------------
    def run(self, *, stop: threading.Event | None = None, exit_when_idle: bool = False) -> int:
        """Poll until ``stop`` is set (or, with ``exit_when_idle``, until nothing is left); returns dossiers handled."""
        stop = stop or threading.Event()
        beat = threading.Thread(target=self._heartbeat, args=(stop,), daemon=True, name="hoso-heartbeat")
        beat.start()
        queue: deque[Claim] = deque()
        inflight: dict[Future, Claim] = {}
        with ThreadPoolExecutor(max_workers=self.settings.workers, thread_name_prefix="hoso-watch") as pool:
            try:
                while not stop.is_set():
                    for fut in [f for f in inflight if f.done()]:
                        claim = inflight.pop(fut)
                        if fut.exception() is not None:
                            self._failed(claim, fut.exception(), queue)
                    try:
                        queue.extend(self.recover())
                        waiting = self.scan()
                    except OSError:  # the share went away for a moment: try again at the next poll
                        log.warning("cannot read the inbox %s", self.inbox, exc_info=True)
                        stop.wait(self.settings.poll_seconds)
                        continue
                    while len(inflight) < self.settings.workers:
                        claim = queue.popleft() if queue else self._claim_next(waiting)
                        if claim is None:
                            break
                        inflight[pool.submit(self.handle, claim)] = claim
                    # Reports over every result: after each quiet moment, and at least twice a minute when busy.
                    if self._dirty.is_set() and (not inflight or time.monotonic() - self._refreshed > 30):
                        self.refresh_reports()
                    if exit_when_idle and not inflight and not queue and not waiting:
                        break
                    stop.wait(self.settings.poll_seconds)
            finally:
                stop.set()
                for fut in inflight:  # not started: stays claimed, the next start carries it on
                    fut.cancel()
                pool.shutdown(wait=True)
                if self._dirty.is_set():
                    self.refresh_reports()
                (self.claimed / ALIVE / self.owner).unlink(missing_ok=True)
        return self.handled

    def _failed(self, claim: Claim, exc: BaseException, queue: deque[Claim]) -> None:
        """A step broke (a share that went away, a full disk): retry a few times, then leave the claim
        as it is; its journal keeps the state and the next start of a watcher carries it on."""
        tries = self._retries.get(claim.dir.name, 0) + 1
        self._retries[claim.dir.name] = tries
        log.error("dossier %s: %s (try %d)", claim.id, exc, tries, exc_info=exc)
        if tries < 3 and claim.dir.exists():
            queue.append(claim)

    def _heartbeat(self, stop: threading.Event) -> None:
        path = self.claimed / ALIVE / self.owner
        every = max(0.5, min(self.settings.claim_lease_seconds / 4, 30.0))
        while True:
            try:
                path.touch()
            except OSError:
                log.warning("cannot write the heartbeat %s", path, exc_info=True)
            if stop.wait(every):
                return

    # ---- settling -------------------------------------------------------------------------
    def scan(self) -> list[Path]:
        """Inbox entries that hold files, oldest-settled first; marks those ready to claim."""
        now = time.monotonic()
        present = set()
        waiting = []
        for entry in sorted(self.inbox.iterdir(), key=lambda p: p.name):
            name = entry.name
            if name.startswith(".") or is_junk(name):
                continue
            if not (entry.is_dir() and not entry.is_symlink()) and not (
                entry.is_file() and entry.suffix.lower() == ".zip"
            ):
                continue  # a stray file: left where it is (``hoso process`` reports it)
            snap, partial, has_files = _snapshot(entry)
            if snap is None or not has_files:
                continue  # gone, or a folder still empty (being created): wait for files
            present.add(name)
            waiting.append(entry)
            old = self.seen.get(name)
            if old is None or old.snapshot != snap:
                self.seen[name] = _Pending(snap, now, partial)
        for name in set(self.seen) - present:
            del self.seen[name]
        return waiting

    def ready(self, name: str) -> bool:
        p = self.seen.get(name)
        if p is None:
            return False
        wait = self.settings.partial_wait_seconds if p.partial else self.settings.settle_seconds
        return time.monotonic() - p.since >= max(wait, self.settings.settle_seconds)

    # ---- claiming ---------------------------------------------------------------------------
    def _claim_next(self, waiting: list[Path]) -> Claim | None:
        for entry in waiting:
            if self.ready(entry.name):
                self.seen.pop(entry.name, None)
                claim = self.claim(entry)
                if claim is not None:
                    waiting.remove(entry)
                    return claim
        return None

    def claim(self, entry: Path) -> Claim | None:
        """Take ``entry`` out of the inbox by one rename; ``None`` if another watcher was quicker."""
        kind = "zip" if entry.is_file() else "folder"
        dossier_id = unicodedata.normalize("NFC", entry.stem if kind == "zip" else entry.name)
        cdir = self.claimed / f"{self.owner}~{uuid.uuid4().hex[:12]}"
        cdir.mkdir()
        claim = Claim(
            cdir,
            {
                "id": dossier_id,
                "name": entry.name,
                "kind": kind,
                "state": "claimed",
                "claimed_at": _now(),
                "attempts": 0,
                "owner": self.owner,
            },
        )
        claim.save()
        try:
            os.rename(entry, claim.payload)
        except OSError as exc:  # FileNotFoundError: another watcher renamed it first
            if not isinstance(exc, FileNotFoundError):  # e.g. a file still open on a Windows share: next poll
                log.warning("dossier %s cannot be claimed yet: %s", dossier_id, exc)
            _remove_bookkeeping(cdir)
            return None
        _fsync_dir(self.inbox)
        log.info("dossier %s claimed", dossier_id)
        return claim

    def recover(self) -> list[Claim]:
        """Claims of watchers that are gone, taken over (renamed to this watcher) to be carried on."""
        taken = []
        for cdir in sorted(self.claimed.iterdir()):
            if cdir.name == ALIVE or "~" not in cdir.name or not cdir.is_dir():
                continue
            owner = cdir.name.split("~", 1)[0]
            if owner == self.owner or not self._stale(owner, cdir):
                continue
            mine = self.claimed / f"{self.owner}~{uuid.uuid4().hex[:12]}"
            try:
                os.rename(cdir, mine)
            except (FileNotFoundError, OSError):
                continue  # another watcher took it over first
            claim = self._load(mine)
            if claim is not None:
                log.warning(
                    "dossier %s: claim of %s (gone) taken over in state %s",
                    claim.id,
                    owner,
                    claim.journal["state"],
                )
                taken.append(claim)
        return taken

    def _stale(self, owner: str, cdir: Path) -> bool:
        host, _, rest = owner.rpartition("_")
        host, _, pid = host.rpartition("_")
        my_host = self.owner.rsplit("_", 2)[0]
        if host == my_host and pid.isdigit():
            return not _alive(int(pid), rest)
        beat = self.claimed / ALIVE / owner
        try:
            last = beat.stat().st_mtime
        except OSError:
            last = cdir.stat().st_mtime
        return time.time() - last > self.settings.claim_lease_seconds

    def _load(self, cdir: Path) -> Claim | None:
        try:
            journal = json.loads((cdir / JOURNAL).read_text("utf-8"))
        except (OSError, ValueError):
            journal = None
        entries = [p for p in cdir.iterdir() if p.name != JOURNAL and not p.name.startswith(f".{JOURNAL}.")]
        if journal is None:
            if not entries:  # killed between making the folder and writing the journal
                _remove_bookkeeping(cdir)
                return None
            # The journal is written before the rename, so this is not ours to guess about: give it back.
            for p in entries:
                _give_back(p, self.inbox)
            _remove_bookkeeping(cdir)
            return None
        claim = Claim(cdir, journal)
        if journal["state"] == "claimed" and not claim.payload.exists():
            _remove_bookkeeping(cdir)  # killed before the rename: the dossier never left the inbox
            return None
        claim.save(owner=self.owner)
        return claim

    # ---- one dossier --------------------------------------------------------------------------
    def handle(self, claim: Claim) -> None:
        """Carry a claim from its journal's state to the archive or quarantine."""
        with logctx.dossier(claim.id):
            state = claim.journal["state"]
            if state in ("claimed", "processing"):
                self._process(claim)
            state = claim.journal["state"]
            if state == "processed":
                if claim.journal.get("failure"):
                    self._move(claim, "quarantining")
                else:
                    self._move(claim, "archiving")
            elif state in ("archiving", "quarantining"):
                self._move(claim, state)
            with self._lock:
                self.handled += 1

    def _process(self, claim: Claim) -> None:
        j = claim.journal
        if j.get("attempts", 0) >= self.settings.max_attempts:
            claim.save(
                state="processed",
                failure={
                    "vi": f"trình theo dõi đã dừng {j['attempts']} lần khi đang xử lý hồ sơ này (tệp quá lớn hoặc hỏng?): cần xử lý thủ công",
                    "en": f"the watcher stopped {j['attempts']} times while processing this dossier (a file too large or damaged?): handle it by hand",
                },
            )
            return
        manifest = file_manifest(claim.payload)
        content = content_hash(manifest)
        earlier = self._earlier(content)
        if earlier is not None:
            log.warning(
                "dossier %s has the same files as %s, archived %s: not processed again",
                claim.id,
                earlier["id"],
                earlier["archived_to"],
            )
            claim.save(
                state="processed", manifest=manifest, content=content, duplicate_of=earlier, failure=None
            )
            return
        claim.save(
            state="processing",
            attempts=j.get("attempts", 0) + 1,
            manifest=manifest,
            content=content,
            started_at=_now(),
        )
        src = DossierSource(id=claim.id, path=claim.payload, kind=j["kind"])
        failure = None
        try:
            fn = self.process_fn or _plain
            outcome = fn(src, self.out, self.settings, self.today)
            failure = _not_processed(outcome.out_dir / "result.json")
        except Exception as exc:  # writing the outputs failed (disk full …): quarantine with the reason
            log.exception("dossier %s could not be processed", claim.id)
            failure = {
                "vi": f"lỗi khi xử lý: {type(exc).__name__}: {exc}",
                "en": f"processing failed: {type(exc).__name__}: {exc}",
            }
        claim.save(
            state="processed",
            failure=failure,
            result=str((self.out / claim.id / "result.json").resolve()),
            processed_at=_now(),
        )
        self._dirty.set()

    def _earlier(self, content: str) -> dict | None:
        try:
            earlier = json.loads((self.archive / INDEX / f"{content}.json").read_text("utf-8"))
        except (OSError, ValueError):
            return None
        # Only a result that still exists counts: if OUT was cleared, process again.
        return earlier if Path(earlier.get("result", "")).is_file() else None

    def _move(self, claim: Claim, state: str) -> None:
        j = claim.journal
        if j["state"] != state or not j.get("dest"):
            dest = _new_dir(
                self.archive / dt.date.today().isoformat() if state == "archiving" else self.quarantine,
                claim.id,
            )
            claim.save(state=state, dest=str(dest))
        dest = Path(j["dest"])
        if claim.payload.exists() or (dest / ".partial").exists():
            self._write_papers(claim, dest)
            _move_payload(claim, dest)
        if state == "archiving" and j.get("content") and not j.get("duplicate_of"):
            write_atomic(
                self.archive / INDEX / f"{j['content']}.json",
                json.dumps(
                    {
                        "id": claim.id,
                        "archived_to": str(dest),
                        "result": j.get("result"),
                        "processed_at": j.get("processed_at"),
                    },
                    ensure_ascii=False,
                ).encode("utf-8"),
            )
        self._event(claim, dest)
        _remove_bookkeeping(claim.dir)
        log.info("dossier %s %s to %s", claim.id, "archived" if state == "archiving" else "quarantined", dest)

    def _write_papers(self, claim: Claim, dest: Path) -> None:
        j = claim.journal
        manifest = {
            "id": claim.id,
            "name": j["name"],
            "kind": j["kind"],
            "claimed_at": j.get("claimed_at"),
            "processed_at": j.get("processed_at"),
            "result": j.get("result"),
            "content": j.get("content"),
            "duplicate_of": j.get("duplicate_of"),
            "files": j.get("manifest") or file_manifest(claim.payload),
        }
        write_atomic(
            dest / "manifest.json", json.dumps(manifest, ensure_ascii=False, indent=1).encode("utf-8")
        )
        failure = j.get("failure")
        if failure:
            write_atomic(
                dest / "LY_DO.txt",
                (
                    f"Hồ sơ “{claim.id}” chưa xử lý được.\nLý do: {failure['vi']}\n"
                    f"Bản gốc để nguyên trong thư mục “{j['name']}” bên cạnh tệp này. Sửa hồ sơ rồi chép lại vào hộp thư.\n"
                ).encode(),
            )
            write_atomic(
                dest / "REASON.txt",
                (
                    f"Dossier “{claim.id}” could not be processed.\nReason: {failure['en']}\n"
                    f"The originals are untouched in “{j['name']}” beside this file. Fix the dossier and drop it into the inbox again.\n"
                ).encode(),
            )
        if j.get("duplicate_of"):
            e = j["duplicate_of"]
            text = (
                f"Hồ sơ “{claim.id}” trùng nội dung với hồ sơ “{e['id']}” đã xử lý; không xử lý lại.\n"
                f"Kết quả: {e.get('result')}\nBản gốc trước: {e.get('archived_to')}\n\n"
                f"Dossier “{claim.id}” has the same files as “{e['id']}”, already processed; not processed again.\n"
            )
            write_atomic(dest / "TRUNG_LAP.txt", text.encode("utf-8"))

    def _event(self, claim: Claim, dest: Path) -> None:
        j = claim.journal
        kind = "duplicate" if j.get("duplicate_of") else "quarantined" if j.get("failure") else "processed"
        line = json.dumps(
            {
                "at": _now(),
                "event": kind,
                "id": claim.id,
                "content": j.get("content"),
                "dest": str(dest),
                "result": (j.get("duplicate_of") or {}).get("result") or j.get("result"),
                "reason": (j.get("failure") or {}).get("en"),
                "watcher": self.owner,
            },
            ensure_ascii=False,
        )
        with self._lock, open(self.out / EVENTS, "a", encoding="utf-8") as fh:
            fh.write(line + "\n")

    def refresh_reports(self) -> None:
        """index.html, summary.xlsx and the notice over every result in OUT."""
        from .reports import write_batch_reports

        self._dirty.clear()
        self._refreshed = time.monotonic()
        try:
            from .desk.apply import apply_reviews  # the reviewers' corrections and decisions (hoso review)

            outcomes = apply_reviews(
                self.out, outcomes_in(self.out), self.settings.review_db, today=self.today
            )
            write_batch_reports(self.out, outcomes, self.settings.profile, today=self.today)
        except Exception:
            log.exception("could not refresh the batch reports")


def _plain(src: DossierSource, out: Path, settings: Settings, today: dt.date | None) -> DossierOutcome:
    return process_dossier(src, out, settings, today=today)


def _not_processed(result_path: Path) -> dict | None:
    """The reason a result says the dossier as a whole could not be opened, if it says so."""
    try:
        result = json.loads(result_path.read_text("utf-8"))
    except (OSError, ValueError) as exc:
        return {"vi": f"không có kết quả ({exc})", "en": f"no result was written ({exc})"}
    for flag in result.get("flags", []):
        if flag.get("code") == "NOT_PROCESSED":
            return {"vi": flag.get("message", ""), "en": flag.get("message", "")}
    return None


def _snapshot(entry: Path) -> tuple[tuple | None, bool, bool]:
    """(names, sizes and mtimes of everything in ``entry``; a partial download inside?; any real file?)."""
    try:
        st = entry.lstat()
        items = [("", st.st_size, st.st_mtime_ns)]
        partial = False
        has_files = entry.is_file()
        if entry.is_dir():
            for p in sorted(entry.rglob("*")):
                lst = p.lstat()
                items.append((p.relative_to(entry).as_posix(), lst.st_size, lst.st_mtime_ns))
                if p.is_file():
                    if is_junk(p.name):
                        partial = partial or p.name.lower().endswith(
                            (".part", ".crdownload", ".partial", ".download")
                        )
                    else:
                        has_files = True
        return tuple(items), partial, has_files
    except FileNotFoundError:
        return None, False, False


def _new_dir(parent: Path, name: str) -> Path:
    """A new folder ``parent/name``, or ``name-2``, ``name-3`` … if taken: never into an existing one."""
    parent.mkdir(parents=True, exist_ok=True)
    n = 1
    while True:
        dest = parent / (name if n == 1 else f"{name}-{n}")
        try:
            dest.mkdir()
            return dest
        except FileExistsError:
            n += 1


def _move_payload(claim: Claim, dest: Path) -> None:
    """Move the originals into ``dest`` by rename, or copy + fsync + verify + remove across filesystems."""
    target = dest / claim.journal["name"]
    if claim.payload.exists() and not target.exists():
        try:
            os.rename(claim.payload, target)
            _fsync_dir(dest)
            return
        except OSError as exc:
            if exc.errno != errno.EXDEV:  # another filesystem: copy instead
                raise
    staging = dest / ".partial"
    if not target.exists():
        if staging.exists():
            shutil.rmtree(staging)  # our own half copy; the originals are still in the claim
        staging.mkdir()
        tmp = staging / claim.journal["name"]
        if claim.payload.is_dir():
            shutil.copytree(claim.payload, tmp, symlinks=True)
        else:
            shutil.copy2(claim.payload, tmp)
        _fsync_tree(tmp)
        expected = {
            r["path"]: r["sha256"] for r in claim.journal.get("manifest") or file_manifest(claim.payload)
        }
        got = {r["path"]: r["sha256"] for r in file_manifest(tmp)}
        if got != expected:
            raise OSError(f"copy of {claim.payload} to {dest} does not match its manifest")
        os.rename(tmp, target)
        staging.rmdir()
        _fsync_dir(dest)
    if claim.payload.exists():  # the verified copy is in place: now the originals may go
        if claim.payload.is_dir():
            shutil.rmtree(claim.payload)
        else:
            claim.payload.unlink()


def _fsync_tree(path: Path) -> None:
    for p in [path, *path.rglob("*")] if path.is_dir() else [path]:
        if p.is_file() and not p.is_symlink():
            with open(p, "rb") as fh:
                os.fsync(fh.fileno())


def _give_back(entry: Path, inbox: Path) -> Path:
    """Put ``entry`` back in the inbox under its name, or ``name (2)`` if a new one took it."""
    stem, suffix = (entry.stem, entry.suffix) if entry.is_file() else (entry.name, "")
    n = 1
    while True:
        dest = inbox / (entry.name if n == 1 else f"{stem} ({n}){suffix}")
        if not dest.exists():
            os.rename(entry, dest)
            return dest
        n += 1


def _remove_bookkeeping(cdir: Path) -> None:
    """Remove a claim folder holding only our journal (never a dossier's file)."""
    for p in cdir.iterdir():
        if p.name == JOURNAL or p.name.startswith(f".{JOURNAL}."):
            p.unlink()
    cdir.rmdir()  # fails, loudly, if anything else is still there
    _fsync_dir(cdir.parent)


def watch_inbox(
    inbox: Path,
    out: Path,
    *,
    archive: Path | None = None,
    quarantine: Path | None = None,
    profile: str | None = None,
    settings: Settings | None = None,
    stop: threading.Event | None = None,
    exit_when_idle: bool = False,
    today: dt.date | None = None,
) -> int:
    """Run a watcher on ``inbox`` (see the module docstring); returns the number of dossiers handled."""
    settings = settings or Settings()
    if profile:
        settings.profile = profile
    inbox = Path(inbox)
    process_fn = None
    if settings.watch_flows:  # the embedded Prefect server starts once, at the first dossier
        from .flows import process_one_flow

        process_fn = process_one_flow

    watcher = Watcher(
        inbox=inbox,
        out=Path(out),
        archive=Path(archive) if archive else Path(settings.archive_dir or inbox / ".hoso-archive"),
        quarantine=Path(quarantine)
        if quarantine
        else Path(settings.quarantine_dir or inbox / ".hoso-quarantine"),
        settings=settings,
        today=today,
        process_fn=process_fn,
    )
    log.info(
        "watching %s (settle %.1f s, poll %.1f s)", inbox, settings.settle_seconds, settings.poll_seconds
    )
    return watcher.run(stop=stop, exit_when_idle=exit_when_idle)


__all__ = ["Watcher", "watch_inbox"]
