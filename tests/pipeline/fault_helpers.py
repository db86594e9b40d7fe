"""Fault injection for the watcher's tests: small or read-only disks (tmpfs, root only), links, FIFOs,
and the closing table (every original accounted for, one result per dossier, nothing held silently)."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest


def can_mount() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


@contextlib.contextmanager
def tmpfs(path: Path, size: str = "3m", *, options: str = "") -> Iterator[Path]:
    """A small tmpfs at ``path`` (created) for the test's duration; skips the test where mounting is not allowed."""
    path.mkdir(parents=True, exist_ok=True)
    opts = f"size={size}" + (f",{options}" if options else "")
    if not can_mount():
        pytest.skip("mounting a tmpfs needs root: the small-disk and read-only cases are not run here")
    got = subprocess.run(["mount", "-t", "tmpfs", "-o", opts, "tmpfs", str(path)], capture_output=True)
    if got.returncode != 0:
        pytest.skip(f"mount not permitted here ({got.stderr.decode().strip()}): small-disk cases not run")
    try:
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)], capture_output=True)


def remount(path: Path, options: str) -> None:
    subprocess.run(["mount", "-o", f"remount,{options}", str(path)], check=True, capture_output=True)


def fill(path: Path) -> Path:
    """Fill the file system of ``path`` to the last byte; returns the filler (delete it to free space)."""
    filler = path / ".filler"
    with open(filler, "wb", buffering=0) as fh:
        with contextlib.suppress(OSError):
            while True:
                fh.write(b"\0" * 65536)

        with contextlib.suppress(OSError):
            while True:
                fh.write(b"\0")

    return filler


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def files_of(root: Path) -> dict[str, str]:
    """Relative path → sha256 of every regular file under ``root``; a FIFO as ``fifo`` (never opened)."""
    got = {}
    for p in sorted(root.rglob("*")):
        mode = p.lstat().st_mode
        if stat.S_ISREG(mode):
            got[p.relative_to(root).as_posix()] = sha(p)
        elif stat.S_ISFIFO(mode):
            got[p.relative_to(root).as_posix()] = "fifo"
    return got


def account(
    originals: dict[str, dict[str, str]],
    out: Path,
    archive: Path,
    quarantine: Path,
    inbox: Path,
    *,
    healthy: set[str],
    outside: dict[str, float] | None = None,
) -> dict[str, object]:
    """The closing table's figures.

    ``originals``: dossier id → its files (path → sha256), all parts of it together. Every original
    must be found byte for byte in the archive (or quarantine) under its dossier; each dossier has
    exactly one result whose documents name all its files; no healthy dossier is quarantined; every
    claim left in the claim folder has a reason file; no file outside the inbox was read (atime)."""
    stored: dict[str, set[tuple[str, str]]] = {d: set() for d in originals}
    for root in (archive, quarantine):
        for manifest in root.rglob("manifest.json"):
            m = json.loads(manifest.read_text("utf-8"))
            if m.get("id") not in stored:
                continue
            copy = manifest.parent / m["name"]
            if copy.is_dir():
                stored[m["id"]] |= set(files_of(copy).items())
            elif copy.is_file():
                stored[m["id"]].add((copy.name, sha(copy)))
    lost = [(d, item[0]) for d, files in originals.items() for item in files.items() if item not in stored[d]]
    missing = len(lost)
    total = sum(len(f) for f in originals.values())
    results_ok = 0
    incomplete: list = []
    for d, files in originals.items():
        path = out / d / "result.json"
        if not path.exists():
            continue
        result = json.loads(path.read_text("utf-8"))
        named = {doc["file"] for doc in result.get("documents", [])}
        named |= {e.get("file") for f in result.get("flags", []) for e in f.get("evidence", [])}
        zipped = all(name.lower().endswith(".zip") for name in files)  # members, not the zip, are named
        if zipped or set(files) <= named:
            results_ok += 1
        else:
            incomplete.append((d, sorted(set(files) - named)))
    quarantined = {p.parent.name.rsplit("-", 1)[0] for p in quarantine.glob("*/manifest.json")}
    claims = [p for p in (inbox / ".hoso-claimed").glob("*~*") if p.is_dir()]
    silent = [c for c in claims if not (c / "LY_DO.txt").exists()]
    read_outside = 0
    for path, atime in (outside or {}).items():
        if os.stat(path, follow_symlinks=False).st_atime_ns != atime:
            read_outside += 1
    return {
        "originals": total,
        "originals accounted for (sha256)": total - missing,
        "dossiers": len(originals),
        "dossiers with one complete result": results_ok,
        "healthy dossiers quarantined": len(quarantined & healthy),
        "claims held": len(claims),
        "claims held without a reason": len(silent),
        "files outside the inbox read": read_outside,
        "_detail": {"lost": lost, "incomplete": incomplete, "silent": [str(c) for c in silent]},
    }


def table(figures: dict[str, object], title: str) -> str:
    width = max(len(k) for k in figures)
    lines = [title, "-" * (width + 10)]
    lines += [f"{k:<{width}}  {v:>6}" for k, v in figures.items() if not k.startswith("_")]
    return "\n".join(lines)


def assert_clean(figures: dict[str, object]) -> None:
    assert figures["originals accounted for (sha256)"] == figures["originals"], figures
    assert figures["dossiers with one complete result"] == figures["dossiers"], figures
    assert figures["healthy dossiers quarantined"] == 0, figures
    assert figures["claims held without a reason"] == 0, figures
    assert figures["files outside the inbox read"] == 0, figures


def atimes(paths: list[Path]) -> dict[str, float]:
    return {str(p): os.stat(p, follow_symlinks=False).st_atime_ns for p in paths}


def atime_works(folder: Path) -> bool:
    """Whether reading a file here changes its access time (not on a noatime mount)."""
    probe = folder / ".atime-probe"
    probe.write_bytes(b"x")
    before = os.stat(probe).st_atime_ns
    os.utime(probe, ns=(before - 10**10, os.stat(probe).st_mtime_ns))  # atime older than mtime
    before = os.stat(probe).st_atime_ns
    probe.read_bytes()
    works = os.stat(probe).st_atime_ns != before
    probe.unlink()
    return works


def age_atimes(paths: list[Path]) -> None:
    """Set access times before modification times, so that a read (even under relatime) shows."""
    for p in paths:
        st = os.stat(p, follow_symlinks=False)
        if not stat.S_ISLNK(st.st_mode):
            os.utime(p, ns=(st.st_mtime_ns - 10**10, st.st_mtime_ns))
