"""Reuse of earlier work: ``OUT/.cache/<key>.json`` per dossier, keyed by file contents, code and profile.

Why an explicit cache rather than Prefect's result persistence: the check must cost only the hashing
of the dossier's files, without a task run per dossier (each costs a round trip to the Prefect
server); the review files are already on disk and only need to be found again; and the same check
works in ``hoso watch`` and in benchmarks, where there is no flow.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import logging
import unicodedata
from dataclasses import asdict
from pathlib import Path

from extractors import sha256_of

from .inbox import DossierSource
from .settings import Settings

log = logging.getLogger(__name__)

CACHE_DIR = ".cache"
# Files a reused dossier must still have, unchanged or present, in OUT/<id>/.
REVIEW_FILES = ("review.html", "review.docx")
_CODE_ROOTS = ("extractors", "validators", "pipeline")
_CODE_SUFFIXES = (".py", ".yaml", ".yml", ".html", ".j2", ".css", ".js")
# Settings that change what a dossier's result says (the rest only change speed or paths).
_RESULT_SETTINGS = (
    "profile",
    "ocr_languages",
    "ocr_dpi",
    "ocr_timeout_s",
    "max_pages",
    "max_pixels",
    "max_file_bytes",
    "max_unzip_bytes",
    "max_files",
)


@functools.lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """sha256 over the readers', rules' and reports' source and data files: a code change invalidates all."""
    from .stages import HOSO_VERSION

    root = Path(__file__).resolve().parent.parent
    h = hashlib.sha256(HOSO_VERSION.encode())
    for top in _CODE_ROOTS:
        for path in sorted((root / top).rglob("*")):
            if path.suffix in _CODE_SUFFIXES and "__pycache__" not in path.parts and path.is_file():
                h.update(path.relative_to(root).as_posix().encode())
                h.update(path.read_bytes())
    return h.hexdigest()


def file_manifest(path: Path) -> list[dict]:
    """Every file of a dossier (a folder, or one .zip) with its path relative to the dossier, size and sha256."""
    if path.is_file():
        return [{"path": path.name, "size": path.stat().st_size, "sha256": sha256_of(path)}]
    rows = []
    for p in sorted(path.rglob("*")):
        rel = unicodedata.normalize("NFC", p.relative_to(path).as_posix())
        if p.is_symlink():
            rows.append({"path": rel, "size": 0, "sha256": "", "symlink": str(p.readlink())})
        elif p.is_file():
            rows.append({"path": rel, "size": p.stat().st_size, "sha256": sha256_of(p)})
        elif not p.is_dir():  # a FIFO, socket or device: listed, never opened (a FIFO would block)
            rows.append({"path": rel, "size": 0, "sha256": "", "special": True})
    return rows


def content_hash(manifest: list[dict]) -> str:
    """The dossier's identity by content: names and sha256 of its files (not its own name)."""
    h = hashlib.sha256()
    for row in sorted(manifest, key=lambda r: r["path"]):
        h.update(f"{row['path']}\0{row['sha256']}\0{row.get('symlink', '')}\n".encode())
    return h.hexdigest()


def cache_key(src: DossierSource, content: str, settings: Settings) -> str:
    parts = {
        "id": src.id,
        "kind": src.kind,
        "content": content,
        "code": code_fingerprint(),
        "settings": {k: getattr(settings, k) for k in _RESULT_SETTINGS},
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()


def lookup(out: Path, key: str, today: dt.date) -> dict | None:
    """The cached outcome for ``key`` if every file it stands for is still in OUT as it was written."""
    entry_path = out / CACHE_DIR / f"{key}.json"
    try:
        entry = json.loads(entry_path.read_text("utf-8"))
    except (OSError, ValueError):
        return None
    out_dir = out / entry["outcome"]["id"]
    try:
        if sha256_of(out_dir / "result.json") != entry["result_sha256"]:
            return None
    except OSError:
        return None
    if not all((out_dir / name).is_file() for name in REVIEW_FILES):
        return None
    # One check compares dates with the day of the run ("dated after today"): such a result is only
    # reused on the same day.
    if entry.get("date_dependent") and entry.get("today") != today.isoformat():
        return None
    return entry["outcome"]


def store(out: Path, key: str, outcome: object, today: dt.date) -> None:
    """Remember the outcome just written to ``OUT/<id>/``."""
    from .stages import write_atomic

    out_dir: Path = outcome.out_dir  # type: ignore[attr-defined]
    try:
        result_bytes = (out_dir / "result.json").read_bytes()
    except OSError:
        return
    result = json.loads(result_bytes)
    date_dependent = any(f.get("code") == "DATE_ORDER" for f in result.get("flags", []))
    fields = asdict(outcome)  # type: ignore[call-overload]
    fields["out_dir"] = str(out_dir)
    fields.pop("reused", None)
    entry = {
        "key": key,
        "outcome": fields,
        "result_sha256": hashlib.sha256(result_bytes).hexdigest(),
        "today": today.isoformat(),
        "date_dependent": date_dependent,
        "stored_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
    }
    write_atomic(
        out / CACHE_DIR / f"{key}.json", json.dumps(entry, ensure_ascii=False, indent=1).encode("utf-8")
    )


def batch_key(outcomes: list, profile: str, today: dt.date) -> str:
    """What the batch reports depend on: every outcome and result.json, the profile, the day (days left), the code."""
    rows = []
    for o in outcomes:
        try:
            digest = sha256_of(o.out_dir / "result.json")
        except OSError:
            digest = ""
        rows.append(
            json.dumps(
                {**asdict(o), "out_dir": str(o.out_dir), "reused": None, "result": digest}, sort_keys=True
            )
        )
    parts = [code_fingerprint(), profile, today.isoformat(), *sorted(rows)]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def batch_reports_current(out: Path, key: str) -> list[Path] | None:
    """The batch reports' paths if they were written for ``key`` and are all still there, unchanged."""
    try:
        entry = json.loads((out / CACHE_DIR / "batch.json").read_text("utf-8"))
    except (OSError, ValueError):
        return None
    if entry.get("key") != key:
        return None
    paths = [out / name for name in entry["files"]]
    try:
        if any(sha256_of(p) != digest for p, digest in zip(paths, entry["files"].values(), strict=True)):
            return None
    except OSError:
        return None
    return paths


def store_batch(out: Path, key: str, written: list[Path]) -> None:
    from .stages import write_atomic

    files = {p.name: sha256_of(p) for p in written}
    write_atomic(out / CACHE_DIR / "batch.json", json.dumps({"key": key, "files": files}).encode("utf-8"))


def refresh(out: Path, outcomes: dict[str, object]) -> None:
    """Tell the cache entries of these dossiers (by id) their result.json as it now is.

    A reviewer's corrections rewrite result.json after the cache (they are keyed by file, not part of
    the cache key): the entry stays valid for the unchanged files, and the review is applied again."""
    from .stages import write_atomic

    for path in (out / CACHE_DIR).glob("*.json"):
        if path.name == "batch.json":
            continue
        try:
            entry = json.loads(path.read_text("utf-8"))
            outcome = outcomes.get(entry["outcome"]["id"])
            if outcome is None:
                continue
            result_bytes = (outcome.out_dir / "result.json").read_bytes()  # type: ignore[attr-defined]
        except (OSError, ValueError, KeyError):
            continue
        fields = asdict(outcome)  # type: ignore[call-overload]
        fields["out_dir"] = str(fields["out_dir"])
        fields.pop("reused", None)
        entry["outcome"] = fields
        entry["result_sha256"] = hashlib.sha256(result_bytes).hexdigest()
        write_atomic(path, json.dumps(entry, ensure_ascii=False, indent=1).encode("utf-8"))
