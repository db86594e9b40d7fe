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

import contextlib
import datetime as dt
import errno
import fcntl
import hashlib
import json
import logging
import os
import re
import shutil
import socket
import stat
import threading
import time
import unicodedata
import uuid
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from . import logctx
from .cache import cache_key, content_hash, file_manifest
from .inbox import DossierSource, entry_kind, is_junk
from .settings import Settings
from .stages import (
    DossierOutcome,
    WriteFailed,
    is_write_error,
    outcomes_in,
    process_and_store,
    write_atomic,
    write_error_text,
)

log = logging.getLogger(__name__)

CLAIMED = ".hoso-claimed"
ALIVE = ".alive"
JOURNAL = "journal.json"
INDEX = ".hoso-index"  # ARCHIVE/.hoso-index/<content hash>.json: what was archived, for re-drops
BY_ID = "by-id"  # ARCHIVE/.hoso-index/by-id/<hash of id>.json: the last archived submission of an id
SETTLE = ".hoso-settle.json"  # INBOX/.hoso-settle.json: when each entry last changed (survives restarts)
REASON_FILES = ("LY_DO.txt", "REASON.txt")  # in a claim folder: why it is stuck, for staff
HISTORY = "history"  # OUT/<id>/history/<time>/: the earlier result of a re-submitted dossier
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


def owner_alive(owner: str) -> bool | None:
    """Whether the process named by an owner token (``<host>_<pid>_<start>``) runs; None: another machine."""
    host, _, start = owner.rpartition("_")
    host, _, pid = host.rpartition("_")
    if host != owner_token().rsplit("_", 2)[0] or not pid.isdigit():
        return None
    return _alive(int(pid), start)


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

    snapshot: str  # a digest of names, sizes and mtimes of everything in the entry
    since: float  # wall-clock time of the last change seen (persisted: a restart does not reset it)
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
    # Called with each journal event (the same fields as OUT/nhat_ky_theo_doi.jsonl): the console's
    # line per dossier. A failing callback is logged, never stops the watcher.
    notify: Callable[[dict], None] | None = None
    owner: str = field(default_factory=owner_token)
    seen: dict[str, _Pending] = field(default_factory=dict)
    handled: int = 0

    def __post_init__(self) -> None:
        self.claimed = self.inbox / CLAIMED
        (self.claimed / ALIVE).mkdir(parents=True, exist_ok=True)
        for d in (self.out, self.archive, self.quarantine):
            try:
                d.mkdir(parents=True, exist_ok=True)
            except OSError as exc:  # read-only or full: the steps that need it retry, then say so
                log.error("%s", write_error_text(exc))
        self._dirty = threading.Event()
        self._lock = threading.Lock()
        self._refreshed = time.monotonic()
        self._retries: dict[str, int] = {}
        self._later: list[tuple[float, Claim]] = []  # claims waiting to be tried again (back-off)
        self.stuck: dict[str, str] = {}  # claim folder name → why (shown to staff)
        self._links: dict[str, str] = {}  # linked entries refused: name → target
        settled = _read_json(self.inbox / SETTLE) or {}
        self._settled: dict[str, list] = settled.get("entries", {})
        self._links_known: dict[str, str] = settled.get("links", {})

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
                            self._failed(claim, fut.exception())
                        else:
                            self._retries.pop(claim.dir.name, None)
                            self.stuck.pop(claim.dir.name, None)
                    now = time.monotonic()
                    due = [c for t, c in self._later if t <= now]
                    self._later = [(t, c) for t, c in self._later if t > now]
                    queue.extend(c for c in due if c.dir.exists())
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
                    # What is left waits for a retry: stop once each has been shown to staff (a part
                    # of the same dossier waits for it too).
                    held = {c.id for _, c in self._later}
                    if (
                        exit_when_idle
                        and not inflight
                        and not queue
                        and not [e for e in waiting if _id_of(e) not in held]
                        and all(c.dir.name in self.stuck for _, c in self._later)
                    ):
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

    def _failed(self, claim: Claim, exc: BaseException) -> None:
        """A step broke (a full disk, a read-only folder, a share that went away): tried again after
        a growing wait (``retry_seconds``, doubling, at most 5 min), for as long as the watcher runs;
        after ``retry_attempts`` tries it is shown to staff: LY_DO.txt/REASON.txt in the claim folder,
        a line in the event log and the log. The journal keeps the state for the next watcher."""
        tries = self._retries.get(claim.dir.name, 0) + 1
        self._retries[claim.dir.name] = tries
        text = write_error_text(exc) if isinstance(exc, OSError) else f"{type(exc).__name__}: {exc}"
        if is_write_error(exc):
            log.error("hồ sơ / dossier %s: %s (lần / try %d)", claim.id, text, tries)
        else:
            log.error("dossier %s: %s (try %d)", claim.id, exc, tries, exc_info=exc)
        if not claim.dir.exists():
            return
        wait = min(self.settings.retry_seconds * 2 ** (tries - 1), 300.0)
        self._later.append((time.monotonic() + wait, claim))
        if tries >= self.settings.retry_attempts and claim.dir.name not in self.stuck:
            self.stuck[claim.dir.name] = text
            self._show_stuck(claim, text, tries)

    def _show_stuck(self, claim: Claim, text: str, tries: int) -> None:
        """Tell staff a dossier is held in the claim folder and why (each place that can be written)."""
        state = claim.journal.get("state")
        vi = (
            f"Hồ sơ “{claim.id}” đang bị giữ trong thư mục này (bước: {state}) vì: {text}\n"
            f"Đã thử {tries} lần; trình theo dõi vẫn thử lại. Bản gốc để nguyên trong “{claim.journal['name']}”.\n"
            "Hãy giải phóng ổ đĩa hoặc cấp quyền ghi; không cần chép lại hồ sơ.\n"
        )
        en = (
            f"Dossier “{claim.id}” is held in this folder (step: {state}) because: {text}\n"
            f"Tried {tries} times; the watcher keeps trying. The originals are untouched in “{claim.journal['name']}”.\n"
            "Free disk space or grant write permission; there is no need to drop the dossier again.\n"
        )
        for name, body in zip(REASON_FILES, (vi, en), strict=True):
            try:
                write_atomic(claim.dir / name, body.encode("utf-8"))
            except OSError as exc:
                log.error("%s", write_error_text(exc))
        log.error(
            "hồ sơ “%s” bị giữ ở %s: %s / dossier “%s” held in %s",
            claim.id,
            claim.dir,
            text,
            claim.id,
            claim.dir,
        )
        self._log_event(
            {"event": "stuck", "id": claim.id, "state": state, "claim": str(claim.dir), "reason": text}
        )
        self._dirty.set()

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
        """Inbox entries that hold files, oldest-settled first; marks those ready to claim.

        An entry is ready once nothing in it (names, sizes, mtimes of every file and folder under
        it, recursively, and the entry's own) changed for ``settle_seconds``. The time of the last
        change is kept in ``INBOX/.hoso-settle.json``, so a restarted watcher does not start
        the wait again. A symbolic link at the top is never a dossier: refused once, left in place."""
        now = time.time()
        present = set()
        links = {}
        waiting = []
        for entry in sorted(self.inbox.iterdir(), key=lambda p: p.name):
            name = entry.name
            if name.startswith(".") or is_junk(name):
                continue
            kind = entry_kind(entry)
            if kind == "link":
                links[name] = self._refuse_link(entry)
                continue
            if kind is None:
                continue  # a stray file: left where it is (``hoso process`` reports it)
            snap, partial, has_files = _snapshot(entry)
            if snap is None or not has_files:
                continue  # gone, or a folder still empty (being created): wait for files
            present.add(name)
            waiting.append(entry)
            old = self.seen.get(name)
            if old is None or old.snapshot != snap:
                kept = self._settled.get(name)
                since = kept[1] if kept and kept[0] == snap and old is None else now
                self.seen[name] = _Pending(snap, since, partial)
        for name in set(self.seen) - present:
            del self.seen[name]
        if links != self._links:
            self._dirty.set()
        self._links = links
        self._save_settled()
        return waiting

    def _save_settled(self) -> None:
        entries = {name: [p.snapshot, p.since] for name, p in self.seen.items()}
        if entries == self._settled and self._links == self._links_known:
            return
        try:
            write_atomic(
                self.inbox / SETTLE,
                json.dumps({"entries": entries, "links": self._links}, ensure_ascii=False).encode("utf-8"),
            )
        except OSError as exc:  # only costs a longer wait after a restart
            log.warning("%s", write_error_text(exc))
            return
        self._settled, self._links_known = entries, dict(self._links)

    def _refuse_link(self, entry: Path) -> str:
        """A symbolic link at the top of the inbox: never read, copied, archived or quarantined; said once."""
        try:
            target = os.readlink(entry)
        except OSError:
            target = "?"
        if self._links_known.get(entry.name) != target and self._links.get(entry.name) != target:
            vi = f"“{entry.name}” là liên kết tượng trưng (symlink) tới {target}: không đọc, để nguyên; hãy chép thư mục hoặc tệp .zip thật vào hộp thư"
            en = f"“{entry.name}” is a symbolic link to {target}: not read, left in place; copy the real folder or .zip into the inbox"
            log.warning("%s / %s", vi, en)
            self._log_event(
                {"event": "refused_link", "id": entry.name, "target": target, "reason": en, "reason_vi": vi}
            )
            self._links_known[entry.name] = target
        return target

    def ready(self, name: str) -> bool:
        p = self.seen.get(name)
        if p is None:
            return False
        wait = self.settings.partial_wait_seconds if p.partial else self.settings.settle_seconds
        return time.time() - p.since >= max(wait, self.settings.settle_seconds)

    # ---- claiming ---------------------------------------------------------------------------
    def _claim_next(self, waiting: list[Path]) -> Claim | None:
        busy = None
        for entry in waiting:
            if self.ready(entry.name):
                if busy is None:
                    busy = self._ids_in_hand()
                if _id_of(entry) in busy:
                    continue  # the same dossier is still in hand: this part waits for it to finish
                self.seen.pop(entry.name, None)
                claim = self.claim(entry)
                if claim is not None:
                    waiting.remove(entry)
                    return claim
        return None

    def _ids_in_hand(self) -> set[str]:
        """Ids of dossiers held in the claim folder (by any watcher)."""
        ids = set()
        for j in self.claimed.glob(f"*~*/{JOURNAL}"):
            got = _read_json(j)
            if got and "id" in got:
                ids.add(got["id"])
        return ids

    def claim(self, entry: Path) -> Claim | None:
        """Take ``entry`` out of the inbox by one rename; ``None`` if another watcher was quicker."""
        kind = entry_kind(entry)
        if kind not in ("folder", "zip"):
            return None
        dossier_id = _id_of(entry)
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
        if entry_kind(claim.payload) != kind:  # swapped for a link between the look and the rename
            _give_back(claim.payload, self.inbox)
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
        if journal["state"] == "claimed" and not _exists(claim.payload):
            _remove_bookkeeping(cdir)  # killed before the rename: the dossier never left the inbox
            return None
        if journal["state"] == "processing":
            # Its watcher died while processing it: recorded, but no evidence against the dossier
            # (a kill, a reboot); only its worker process crashing on it counts (``crashes``).
            journal["interrupted"] = journal.get("interrupted", 0) + 1
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
        if j.get("crashes", 0) >= self.settings.max_attempts:
            claim.save(
                state="processed",
                failure={
                    "vi": f"tiến trình xử lý đã hỏng {j['crashes']} lần khi đọc hồ sơ này (tệp quá lớn hoặc hỏng?): cần xử lý thủ công",
                    "en": f"the worker process crashed {j['crashes']} times while reading this dossier (a file too large or damaged?): handle it by hand",
                },
            )
            return
        if j["state"] == "processing" and j.get("key") and self._done_before(claim):
            return
        manifest = j.get("manifest") if j["state"] == "processing" and j.get("manifest") else None
        manifest = manifest or file_manifest(claim.payload)
        content = content_hash(manifest)
        earlier = None if j["state"] == "processing" else self._earlier(content)
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
        resub = (
            j.get("resubmission_of") if j["state"] == "processing" else self._resubmission(claim, manifest)
        )
        earlier_files = tuple(tuple(x) for x in (resub or {}).get("earlier_files", []))
        key = cache_key(
            DossierSource(id=claim.id, path=claim.payload, kind=j["kind"]),
            content_hash([*manifest, *({"path": n, "sha256": p} for n, p in earlier_files)]),
            self.settings,
        )
        claim.save(
            state="processing",
            attempts=j.get("attempts", 0) + 1,
            manifest=manifest,
            content=content,
            key=key,
            resubmission_of=resub,
            started_at=_now(),
        )
        src = DossierSource(
            id=claim.id,
            path=claim.payload,
            kind=j["kind"],
            earlier_files=earlier_files,
            resubmission_of=_public(resub),
        )
        failure = None
        try:
            fn = self.process_fn or _plain
            outcome = fn(src, self.out, self.settings, self.today, key)
        except BrokenProcessPool:  # the dossier's own processing crashed its worker
            claim.save(crashes=j.get("crashes", 0) + 1)
            raise
        except OSError as exc:
            if is_write_error(exc):
                raise  # not the dossier's fault: retried, then shown to staff
            log.exception("dossier %s could not be processed", claim.id)
            failure = {
                "vi": f"lỗi khi xử lý: {type(exc).__name__}: {exc}",
                "en": f"processing failed: {type(exc).__name__}: {exc}",
            }
        except Exception as exc:
            log.exception("dossier %s could not be processed", claim.id)
            failure = {
                "vi": f"lỗi khi xử lý: {type(exc).__name__}: {exc}",
                "en": f"processing failed: {type(exc).__name__}: {exc}",
            }
        else:
            if outcome.write_error:
                raise WriteFailed(errno.EIO, outcome.write_error)
            failure = _not_processed(outcome.out_dir / "result.json")
        claim.save(
            state="processed",
            failure=failure,
            result=str((self.out / claim.id / "result.json").resolve()),
            processed_at=_now(),
        )
        self._dirty.set()

    def _done_before(self, claim: Claim) -> bool:
        """Killed after its result was written, before the journal said so: the result in OUT is
        for exactly these files (the cache entry names their content hash), so it is not made again."""
        from .cache import lookup

        if lookup(self.out, claim.journal["key"], self.today or dt.date.today()) is None:
            return False
        log.info("dossier %s: its result was already written before the watcher stopped", claim.id)
        claim.save(
            state="processed",
            failure=_not_processed(self.out / claim.id / "result.json"),
            result=str((self.out / claim.id / "result.json").resolve()),
            processed_at=claim.journal.get("processed_at") or _now(),
        )
        self._dirty.set()
        return True

    def _resubmission(self, claim: Claim, manifest: list[dict]) -> dict | None:
        """If this dossier id was handled before: its earlier result moved to OUT/<id>/history/<time>/
        and, when this part only adds files to an archived folder, the earlier files read with it."""
        prior = _read_json(self.archive / INDEX / BY_ID / f"{_id_key(claim.id)}.json")
        out_dir = self.out / claim.id
        if prior is None and not (out_dir / "result.json").exists():
            return None
        kept = _keep_history(out_dir)
        new_paths = {r["path"] for r in manifest}
        old_files = (prior or {}).get("files") or []
        together = (
            bool(old_files)
            and claim.journal["kind"] == "folder"
            and (prior or {}).get("kind") == "folder"
            and not new_paths & {f["path"] for f in old_files}
        )
        resub = {
            "earlier_processed_at": (prior or {}).get("processed_at"),
            "earlier_archived_to": (prior or {}).get("archived_to"),
            "earlier_result": str(kept / "result.json") if kept else None,
            "read_together": together,
            "earlier_files": [[f["path"], f["at"]] for f in old_files] if together else [],
        }
        log.warning(
            "dossier %s handled before: %s; earlier result kept in %s",
            claim.id,
            "files read together with the earlier ones" if together else "replaces the earlier submission",
            kept,
        )
        return resub

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
            parent = self.archive / dt.date.today().isoformat() if state == "archiving" else self.quarantine
            _remove_orphans(parent, claim.id)
            dest = _new_dir(parent, claim.id)
            try:
                claim.save(state=state, dest=str(dest))
            except BaseException:
                _rmdir_empty(dest)
                if dest.parent not in (self.archive, self.quarantine):
                    _rmdir_empty(dest.parent)
                raise
        dest = Path(j["dest"])
        if _exists(claim.payload) or (dest / ".partial").exists():
            try:
                self._write_papers(claim, dest)
                _move_payload(claim, dest)
            except BaseException:
                if _exists(claim.payload) and _rmdir_empty(dest, papers=True):
                    if dest.parent not in (self.archive, self.quarantine):
                        _rmdir_empty(dest.parent)  # the day's folder, if this was its only dossier
                    # Nothing moved yet: no empty folder left in the archive (a new one next try).
                    with contextlib.suppress(OSError):
                        claim.save(dest=None)
                raise
        if state == "archiving" and not j.get("duplicate_of") and not j.get("failure"):
            self._index_by_id(claim, dest)
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
        self._dirty.set()
        log.info("dossier %s %s to %s", claim.id, "archived" if state == "archiving" else "quarantined", dest)

    def _index_by_id(self, claim: Claim, dest: Path) -> None:
        """What this id is made of now (for a later part or re-drop of the same dossier)."""
        j = claim.journal
        resub = j.get("resubmission_of") or {}
        files = [{"path": p, "at": at} for p, at in resub.get("earlier_files", [])]
        if j["kind"] == "folder":
            have = {r["path"] for r in j.get("manifest") or []}
            files = [f for f in files if f["path"] not in have]
            files += [
                {"path": r["path"], "at": str(dest / j["name"] / r["path"])}
                for r in j.get("manifest") or []
                if r.get("sha256")
            ]
        write_atomic(
            self.archive / INDEX / BY_ID / f"{_id_key(claim.id)}.json",
            json.dumps(
                {
                    "id": claim.id,
                    "kind": j["kind"],
                    "archived_to": str(dest),
                    "processed_at": j.get("processed_at"),
                    "result": j.get("result"),
                    "files": files,
                },
                ensure_ascii=False,
            ).encode("utf-8"),
        )

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
            "resubmission_of": _public(j.get("resubmission_of")),
            "interrupted": j.get("interrupted", 0),
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
        if kind == "processed" and j.get("resubmission_of"):
            kind = "resubmitted"
        self._log_event(
            {
                "event": kind,
                "id": claim.id,
                "content": j.get("content"),
                "dest": str(dest),
                "result": (j.get("duplicate_of") or {}).get("result") or j.get("result"),
                "reason": (j.get("failure") or {}).get("en"),
                "resubmission_of": _public(j.get("resubmission_of")),
            }
        )

    def _log_event(self, fields: dict) -> None:
        """One line in OUT/nhat_ky_theo_doi.jsonl; if OUT cannot be written, in the log instead."""
        line = json.dumps({"at": _now(), **fields, "watcher": self.owner}, ensure_ascii=False)
        try:
            with self._lock:
                append_line(self.out / EVENTS, line)
        except OSError as exc:
            log.error("%s; sự kiện / event: %s", write_error_text(exc), line)
        if self.notify is not None:
            try:
                self.notify(fields)
            except Exception:  # the console line is a courtesy; the journal is the record
                log.exception("notify failed for event %s", fields.get("event"))

    def attention(self) -> list[str]:
        """Lines for the top of index.html: dossiers held in the claim folder, links refused."""
        lines = [f"Hồ sơ “{i}” bị giữ / dossier held: {why}" for i, why in held_claims(self.inbox)]
        lines += [
            f"“{name}” là liên kết (symlink) tới {target}, không đọc / a symbolic link, not read: copy the real folder or .zip"
            for name, target in sorted(self._links.items())
        ]
        return lines

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
            write_batch_reports(
                self.out, outcomes, self.settings.profile, today=self.today, attention=self.attention()
            )
        except OSError as exc:
            log.error("%s", write_error_text(exc))
        except Exception:
            log.exception("could not refresh the batch reports")


def _plain(
    src: DossierSource, out: Path, settings: Settings, today: dt.date | None, key: str | None = None
) -> DossierOutcome:
    """In a worker process when the watcher has more than one (a crash there is the dossier's own)."""
    from . import workers

    return workers.run(min(settings.processes, settings.workers), _store, src, out, settings, key, today)


def _store(src, out, settings, key, today) -> DossierOutcome:
    outcome = process_and_store(src, out, settings, key, today=today)
    if outcome.write_error:  # the watcher retries it later, rather than a failed result now
        raise WriteFailed(errno.EIO, outcome.write_error)
    return outcome


def _read_json(path: Path) -> dict | None:
    try:
        got = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return None
    return got if isinstance(got, dict) else None


def _id_of(entry: Path) -> str:
    return unicodedata.normalize("NFC", entry.stem if entry_kind(entry) == "zip" else entry.name)


def _id_key(dossier_id: str) -> str:
    return hashlib.sha256(dossier_id.encode("utf-8")).hexdigest()[:24]


def _public(resub: dict | None) -> dict | None:
    """What the result and the manifest say of a re-submission (no list of archive paths)."""
    if not resub:
        return None
    return {k: v for k, v in resub.items() if k != "earlier_files"} | {
        "earlier_files_read": sorted(p for p, _ in resub.get("earlier_files", []))
    }


def append_line(path: Path, line: str) -> None:
    """Append one whole line to a log shared by watchers, or nothing: a full disk cuts a write short
    (measured: ``make faults`` on a 2 MB OUT), and the next line would then run on from the cut one.
    The file is locked while the line goes in; a short write is undone; a line left without its end by
    an older writer is ended first, so every line stays one JSON object or one visible fragment."""
    data = (line + "\n").encode("utf-8")
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        size = os.fstat(fd).st_size
        if size:
            with open(path, "rb") as fh:
                fh.seek(size - 1)
                if fh.read(1) != b"\n":
                    data = b"\n" + data
        try:
            done = 0
            while done < len(data):
                done += os.write(fd, data[done:])
        except OSError:
            os.ftruncate(fd, size)
            raise
    finally:
        os.close(fd)


def _keep_history(out_dir: Path) -> Path | None:
    """Move the earlier result and sheets of ``out_dir`` into ``out_dir/history/<time>/``."""
    items = [p for p in out_dir.iterdir() if p.name != HISTORY] if out_dir.is_dir() else []
    if not items:
        return None
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    dest = _new_dir(out_dir / HISTORY, stamp)
    for p in items:
        os.rename(p, dest / p.name)
    _fsync_dir(out_dir)
    return dest


def _exists(path: Path) -> bool:
    """Whether ``path`` itself exists (a link counts, whatever it points to)."""
    try:
        path.lstat()
    except FileNotFoundError:
        return False
    return True


def _rmdir_empty(path: Path, *, papers: bool = False) -> bool:
    """Remove ``path`` if it holds nothing (or, with ``papers``, only our manifest and reason files)."""
    try:
        if papers:
            for p in path.iterdir():
                if p.name in ("manifest.json", "TRUNG_LAP.txt", *REASON_FILES) or p.name.startswith("."):
                    if p.is_dir():
                        shutil.rmtree(p)
                    else:
                        p.unlink()
        path.rmdir()
    except OSError:
        return False
    return True


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


def _snapshot(entry: Path) -> tuple[str | None, bool, bool]:
    """(names, sizes and mtimes of everything in ``entry``; a partial download inside?; any real file?)."""
    try:
        st = entry.lstat()
        items = [("", st.st_size, st.st_mtime_ns)]
        partial = False
        has_files = stat.S_ISREG(st.st_mode)
        if stat.S_ISDIR(st.st_mode):
            for p in sorted(entry.rglob("*")):  # rglob does not descend into linked folders
                lst = p.lstat()
                items.append((p.relative_to(entry).as_posix(), lst.st_size, lst.st_mtime_ns))
                if not stat.S_ISDIR(lst.st_mode):  # a FIFO or a link counts too: it gets its flag
                    if is_junk(p.name):
                        partial = partial or p.name.lower().endswith(
                            (".part", ".crdownload", ".partial", ".download")
                        )
                    else:
                        has_files = True
        return hashlib.sha256(repr(items).encode()).hexdigest()[:32], partial, has_files
    except FileNotFoundError:
        return None, False, False


def _remove_orphans(parent: Path, name: str) -> None:
    """Empty ``name``/``name-N`` folders in ``parent``: made by a watcher killed before its journal
    named them (every archived or quarantined dossier has its manifest.json). Only one watcher holds
    a dossier id at a time, so none of them is another's folder being filled."""
    try:
        found = [p for p in parent.iterdir() if re.fullmatch(re.escape(name) + r"(-\d+)?", p.name)]
    except OSError:
        return
    for p in found:
        _rmdir_empty(p)


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
    if _exists(claim.payload) and not _exists(target):
        try:
            os.rename(claim.payload, target)
            _fsync_dir(dest)
            return
        except OSError as exc:
            if exc.errno != errno.EXDEV:  # another filesystem: copy instead
                raise
    staging = dest / ".partial"
    if not _exists(target):
        if staging.exists():
            shutil.rmtree(staging)  # our own half copy; the originals are still in the claim
        staging.mkdir()
        try:
            tmp = staging / claim.journal["name"]
            if stat.S_ISDIR(claim.payload.lstat().st_mode):
                _copy_tree(claim.payload, tmp)
            else:
                _copy_one(claim.payload, tmp)
            _fsync_tree(tmp)
            expected = {
                r["path"]: r["sha256"] for r in claim.journal.get("manifest") or file_manifest(claim.payload)
            }
            got = {r["path"]: r["sha256"] for r in file_manifest(tmp)}
            if got != expected:
                raise OSError(errno.EIO, f"copy of {claim.payload} to {dest} does not match its manifest")
            os.rename(tmp, target)
        finally:  # never a half copy left behind, whatever broke
            shutil.rmtree(staging, ignore_errors=True)
        _fsync_dir(dest)
    if _exists(claim.payload):  # the verified copy is in place: now the originals may go
        if stat.S_ISDIR(claim.payload.lstat().st_mode):
            shutil.rmtree(claim.payload)
        else:
            claim.payload.unlink()


def _copy_tree(src: Path, dst: Path) -> None:
    """A folder copied as it is (links as links, FIFOs made anew); the first error is raised as it
    came (``ENOSPC`` …), not gathered like ``shutil.copytree`` does."""
    os.mkdir(dst)
    for entry in sorted(os.scandir(src), key=lambda e: e.name):
        if entry.is_dir(follow_symlinks=False):
            _copy_tree(Path(entry.path), dst / entry.name)
        else:
            _copy_one(entry.path, dst / entry.name)
    shutil.copystat(src, dst)


def _copy_one(src: str | Path, dst: str | Path) -> None:
    """shutil.copy2, but a FIFO (or other special file) is made anew, never opened (it would block)."""
    mode = os.lstat(src).st_mode
    if stat.S_ISFIFO(mode):
        os.mkfifo(dst, stat.S_IMODE(mode))
    elif stat.S_ISREG(mode) or stat.S_ISLNK(mode):
        shutil.copy2(src, dst, follow_symlinks=False)
    else:
        raise OSError(errno.EINVAL, f"cannot copy the special file {src}")


def _fsync_tree(path: Path) -> None:
    for p in [path, *path.rglob("*")] if path.is_dir() else [path]:
        if stat.S_ISREG(p.lstat().st_mode):
            with open(p, "rb") as fh:
                os.fsync(fh.fileno())


def _give_back(entry: Path, inbox: Path) -> Path:
    """Put ``entry`` back in the inbox under its name, or ``name (2)`` if a new one took it."""
    stem, suffix = (entry.stem, entry.suffix) if not stat.S_ISDIR(entry.lstat().st_mode) else (entry.name, "")
    n = 1
    while True:
        dest = inbox / (entry.name if n == 1 else f"{stem} ({n}){suffix}")
        if not _exists(dest):
            os.rename(entry, dest)
            return dest
        n += 1


def _remove_bookkeeping(cdir: Path) -> None:
    """Remove a claim folder holding only our journal (never a dossier's file)."""
    for p in cdir.iterdir():
        if p.name in (JOURNAL, *REASON_FILES) or p.name.startswith(
            (f".{JOURNAL}.", *(f".{r}." for r in REASON_FILES))
        ):
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
    notify: Callable[[dict], None] | None = None,
) -> int:
    """Run a watcher on ``inbox`` (see the module docstring); returns the number of dossiers handled."""
    settings = settings or Settings()
    if profile:
        settings.profile = profile
    inbox = Path(inbox)
    process_fn = None
    if settings.watch_flows:  # the embedded Prefect server starts once, at the first dossier
        process_fn = _flow_run

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
        notify=notify,
    )
    log.info(
        "watching %s (settle %.1f s, poll %.1f s)", inbox, settings.settle_seconds, settings.poll_seconds
    )
    return watcher.run(stop=stop, exit_when_idle=exit_when_idle)


def _flow_run(
    src: DossierSource, out: Path, settings: Settings, today: dt.date | None, key: str | None = None
) -> DossierOutcome:
    """The dossier as a ``process-one`` flow run tagged with this process; at the first one, runs
    left Running by a killed watcher are set Crashed."""
    from .flows import end_crashed_runs, process_one_flow, tagged

    end_crashed_runs()
    return tagged(process_one_flow, src, out, settings, today, key)


def held_claims(inbox: Path) -> list[tuple[str, str]]:
    """Dossiers held in the claim folder with a reason for staff: (id, reason)."""
    held = []
    for cdir in sorted((Path(inbox) / CLAIMED).glob("*~*")):
        if (cdir / "REASON.txt").exists():
            journal = _read_json(cdir / JOURNAL) or {}
            reason = (cdir / "REASON.txt").read_text("utf-8").splitlines()[0].split("because: ", 1)[-1]
            held.append((journal.get("id", cdir.name), reason))
    return held


__all__ = ["Watcher", "held_claims", "watch_inbox"]
