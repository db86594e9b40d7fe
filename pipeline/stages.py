"""The stages of one dossier as plain functions: open → read → classify → extract → validate → report.

No Prefect here: the flow in :mod:`pipeline.flows` runs :func:`process_and_store` for each dossier
in its tasks, and benchmarks call the same functions directly to measure orchestration overhead.
"""

from __future__ import annotations

import contextvars
import datetime as dt
import errno
import json
import logging
import os
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from extractors import classify, extract_fields, read_file, sha256_of
from extractors.errors import ReadError, UnsupportedFormat
from extractors.readers.base import ReadContext
from validators import Dossier, DossierFile, FileError, Result, assess
from validators.codes import VERDICT_NAMES_VI, FlagCode, Severity, Verdict
from validators.model import Flag

from . import logctx
from .inbox import DossierFiles, DossierSource, list_folder, unpack_zip
from .settings import Settings

log = logging.getLogger(__name__)

try:
    HOSO_VERSION = version("hoso")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    HOSO_VERSION = "0+unknown"


@dataclass(frozen=True)
class DossierOutcome:
    """What the batch needs to know of one processed dossier."""

    id: str
    verdict: str
    unit: str | None
    kind: str | None
    errors: int
    warnings: int
    pages: int
    out_dir: Path
    reused: bool = False  # taken from OUT/.cache: the dossier was unchanged since an earlier run
    write_error: str | None = None  # its outputs could not be written (disk full, read-only …): why


# Errors of writing, not of the dossier: a full disk, a read-only or forbidden folder. Processing
# re-raises them (retried, then shown to staff) instead of blaming the dossier with a failed result.
WRITE_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES, errno.EPERM, errno.EFBIG})


class WriteFailed(OSError):
    """Outputs that could not be written, already explained in one bilingual line (``strerror``)."""


def is_write_error(exc: BaseException) -> bool:
    return isinstance(exc, WriteFailed) or (isinstance(exc, OSError) and exc.errno in WRITE_ERRNOS)


def write_error_text(exc: BaseException) -> str:
    """One bilingual line for staff: what could not be written and why."""
    if isinstance(exc, WriteFailed):
        return str(exc.strerror)
    why = {
        errno.ENOSPC: ("ổ đĩa đầy", "disk full"),
        errno.EDQUOT: ("hết hạn mức ổ đĩa", "disk quota exceeded"),
        errno.EROFS: ("ổ đĩa chỉ đọc", "read-only file system"),
        errno.EACCES: ("không có quyền ghi", "permission denied"),
        errno.EPERM: ("không có quyền ghi", "permission denied"),
    }.get(getattr(exc, "errno", None), ("lỗi ghi", "write error"))
    # A copy's error names the source first and the file it could not write second.
    where = getattr(exc, "filename2", None) or getattr(exc, "filename", None) or ""
    detail = getattr(exc, "strerror", None) or str(exc)
    where = f"{where} " if where else ""
    return f"không ghi được {where}({why[0]}) / cannot write {where}({why[1]}: {detail})"


_gave_up_at = -1e9


def write_retrying(path: Path, data: bytes, delays: tuple[float, ...] = (0.2, 1.0)) -> None:
    """:func:`write_atomic`, tried again after each of ``delays`` when the disk is full or read-only
    (space may be freed a moment later); the last error is raised. While writes keep failing (a
    minute since the last that gave up), later calls do not wait again: a batch of hundreds of
    dossiers on a full disk must not sleep for each."""
    global _gave_up_at
    if time.monotonic() - _gave_up_at < 60:
        delays = ()
    for delay in (*delays, None):
        try:
            write_atomic(path, data)
            _gave_up_at = -1e9
            return
        except OSError as exc:
            if delay is None or not is_write_error(exc):
                if is_write_error(exc):
                    _gave_up_at = time.monotonic()
                raise
            log.warning("%s; thử lại sau %.1f s / retrying in %.1f s", write_error_text(exc), delay, delay)
            time.sleep(delay)


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temp file beside ``path`` and rename it over, so a reader never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:  # name the file people know, not a temporary one
        raise OSError(exc.errno, exc.strerror, str(path)) from exc
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)  # mkstemp makes 0600; sheets on a shared folder must be readable by colleagues
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        if exc.filename is None:
            raise OSError(exc.errno, exc.strerror, str(path)) from exc
        raise
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def open_dossier(src: DossierSource, settings: Settings, workdir: Path) -> DossierFiles:
    if src.kind == "zip":
        return unpack_zip(src.path, workdir / "unzipped", settings.max_unzip_bytes, settings.max_files)
    return list_folder(src.path, settings.max_files, src.earlier_files)


def read_one(name: str, path: Path, ctx: ReadContext) -> DossierFile:
    """Read, classify and extract one file; a failure becomes the file's error, never an exception."""
    try:
        digest = sha256_of(path)
    except OSError as exc:
        return DossierFile(
            file=name,
            sha256="",
            error=FileError(
                code="UNREADABLE_FILE",
                message_vi="không mở được tệp",
                message_en="cannot open the file",
                detail=repr(exc),
            ),
        )
    try:
        if path.stat().st_size > ctx.limits.max_file_bytes:
            raise UnsupportedFormat(
                f"tệp quá lớn (> {ctx.limits.max_file_bytes // (1 << 20)} MB): hãy quét ở độ phân giải thấp hơn",
                f"file too large (> {ctx.limits.max_file_bytes // (1 << 20)} MB): scan at a lower resolution",
            )
        text = read_file(path, name, ctx, sha256=digest)
    except ReadError as exc:
        return DossierFile(
            file=name,
            sha256=digest,
            error=FileError(
                code=exc.code, message_vi=exc.message_vi, message_en=exc.message_en, detail=exc.detail
            ),
        )
    kind = classify(text)
    try:
        readings = extract_fields(text, kind.type)
    except Exception as exc:  # a rule bug must not sink the dossier; the reviewer sees the file unread
        log.exception("field extraction failed on %s", name)
        text.warnings.append(f"field extraction failed: {exc!r}")
        readings = []
    return DossierFile(
        file=name,
        sha256=digest,
        text=text,
        doc_type=kind.type,
        classified_by=kind.reason,
        readings=readings,
        path=str(path),
    )


# Files that may need OCR; only these are worth reading side by side (Word files are pure Python).
_OCR_SUFFIXES = frozenset({".pdf", ".jpg", ".jpeg", ".png", ".tif", ".tiff"})


def read_all(files: list[tuple[str, Path]], ctx: ReadContext) -> list[DossierFile]:
    """:func:`read_one` for each file, in order; files that may need OCR are read side by side.

    Why: a dossier's pages are OCR'd a document at a time, so a dossier of one-page photos used one
    core, and so did the last dossier of a batch while the other worker had nothing left to do.
    ``ctx.ocr_slots`` still caps the Tesseracts at one per core across every thread and worker."""

    def one(item: tuple[str, Path]) -> DossierFile:
        with logctx.file(item[0]):
            return read_one(item[0], item[1], ctx)

    side_by_side = sum(1 for _, path in files if path.suffix.lower() in _OCR_SUFFIXES)
    threads = min(side_by_side, ctx.ocr_threads)
    if threads <= 1:
        return [one(item) for item in files]
    with ThreadPoolExecutor(threads, thread_name_prefix="hoso-read") as pool:
        # Each call in a copy of this context, so its log records still name the dossier.
        futures = [pool.submit(contextvars.copy_context().run, one, item) for item in files]
        return [f.result() for f in futures]


def build_dossier(src: DossierSource, settings: Settings, workdir: Path) -> Dossier:
    try:
        files = open_dossier(src, settings, workdir)
    except ReadError as exc:
        return Dossier(
            id=src.id,
            problem=FileError(
                code="NOT_PROCESSED", message_vi=exc.message_vi, message_en=exc.message_en, detail=exc.detail
            ),
        )
    ctx = settings.read_context(workdir / "pages")
    root = str(Path(workdir / "unzipped" if src.kind == "zip" else src.path).resolve())
    try:
        root.encode("utf-8")
    except UnicodeEncodeError:  # a folder name in a legacy code page: no page pictures from the originals
        root = None
    dossier = Dossier(id=src.id, ignored=files.ignored, files_root=root)
    dossier.files.extend(read_all(files.files, ctx))
    for name, why_vi, why_en in files.rejected:
        dossier.files.append(
            DossierFile(
                file=name,
                sha256="",
                error=FileError(code="UNSUPPORTED_FILE", message_vi=why_vi, message_en=why_en),
            )
        )
    if not files.files and not files.rejected:
        dossier.problem = FileError(
            code="NOT_PROCESSED",
            message_vi="thư mục hồ sơ không có tệp nào: hãy chép các văn bản vào thư mục",
            message_en="the dossier folder holds no files: copy the documents into it",
        )
    return dossier


def failed_result(dossier_id: str, profile: str, exc: BaseException) -> Result:
    """The result of a dossier whose processing itself broke: a flag with the reason, never a lost dossier."""
    return Result(
        dossier_id=dossier_id,
        profile=profile,
        verdict=Verdict.CAN_XEM_XET,
        flags=[
            Flag(
                code=FlagCode.NOT_PROCESSED,
                severity=Severity.ERROR,
                message=f"Lỗi khi xử lý hồ sơ, cần xử lý thủ công / processing failed: {type(exc).__name__}: {exc}",
            )
        ],
    )


def process_dossier(
    src: DossierSource, out: Path, settings: Settings, *, today: dt.date | None = None
) -> DossierOutcome:
    """All stages for one dossier; always writes ``OUT/<id>/result.json``."""
    with logctx.dossier(src.id):
        return _process_dossier(src, out, settings, today=today)


def _process_dossier(
    src: DossierSource, out: Path, settings: Settings, *, today: dt.date | None
) -> DossierOutcome:
    out_dir = out / src.id
    workdir = out / ".work" / src.id
    try:
        dossier = build_dossier(src, settings, workdir)
        result = assess(dossier, settings.profile, today=today)
    except OSError as exc:
        if is_write_error(exc):  # OUT/.work cannot be written: not the dossier's fault
            raise
        log.exception("dossier %s failed", src.id)
        result = failed_result(src.id, settings.profile, exc)
        dossier = None
    except Exception as exc:  # last line of defence: the batch goes on
        log.exception("dossier %s failed", src.id)
        result = failed_result(src.id, settings.profile, exc)
        dossier = None
    result.resubmission_of = src.resubmission_of
    return write_outcome(result, dossier, out_dir)


def record_failure(src: DossierSource, out: Path, settings: Settings, exc: BaseException) -> DossierOutcome:
    """What a dossier whose processing could not run at all (its worker died twice) leaves behind:
    a result with the reason and a review sheet that says so."""
    log.error("dossier %s could not be processed: %s", src.id, exc)
    return write_outcome(failed_result(src.id, settings.profile, exc), None, out / src.id)


def write_outcome(result: Result, dossier: Dossier | None, out_dir: Path) -> DossierOutcome:
    from .reports import write_dossier_reports

    result.processed_at = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    result.hoso_version = HOSO_VERSION
    write_retrying(out_dir / "result.json", result.model_dump_json(indent=2).encode("utf-8"))
    # The dossier as read (no images), so the reviewer's desk can check it again with corrections.
    try:
        if dossier is None:
            raise ValueError("no dossier")
        write_atomic(out_dir / "dossier.json", dossier.model_dump_json().encode("utf-8"))
    except Exception as exc:  # the desk cannot re-check this one; the result stands
        if dossier is not None:
            log.warning("dossier.json of %s not written: %s", out_dir.name, exc)
        (out_dir / "dossier.json").unlink(missing_ok=True)
    try:
        write_dossier_reports(result, dossier, out_dir)
    except OSError as exc:
        if is_write_error(exc):  # the result is there but its sheet is not: do it again later
            raise
        log.exception("review sheet for %s failed", out_dir.name)
    except Exception:
        log.exception("review sheet for %s failed", out_dir.name)
    return outcome_of(result, out_dir)


def outcome_of(result: Result, out_dir: Path) -> DossierOutcome:
    from validators.review import flag_key

    # Flags a reviewer dismissed (hoso review) are not counted.
    gone = {k for k, d in result.review.flags.items() if d.action == "dismissed"} if result.review else set()
    flags = [f for f in result.flags if not gone or flag_key(f) not in gone]
    return DossierOutcome(
        id=result.dossier_id,
        verdict=str(result.verdict),
        unit=result.unit.name,
        kind=str(result.unit.kind) if result.unit.kind else None,
        errors=sum(1 for f in flags if f.severity == Severity.ERROR),
        warnings=sum(1 for f in flags if f.severity == Severity.WARNING),
        pages=sum(d.pages for d in result.documents),
        out_dir=out_dir,
    )


def check_cache(
    src: DossierSource, out: Path, settings: Settings, today: dt.date | None
) -> tuple[str, DossierOutcome | None]:
    """The dossier's cache key and, if OUT already holds its result for the same content, code and
    profile, the earlier outcome; costs one sha256 pass over its files."""
    from . import cache

    key = cache.cache_key(src, cache.content_hash(cache.file_manifest(src.path)), settings)
    hit = cache.lookup(out, key, today or dt.date.today())
    if hit is None:
        return key, None
    hit = {**hit, "out_dir": out / hit["id"], "reused": True}  # OUT may have moved since
    return key, DossierOutcome(**hit)


def process_and_store(
    src: DossierSource, out: Path, settings: Settings, key: str | None, *, today: dt.date | None = None
) -> DossierOutcome:
    """:func:`process_dossier`, then remembered in ``OUT/.cache`` under ``key`` (None: not remembered).

    One function so that a worker process does both: storing re-reads the result and syncs a file,
    which in the flow's thread kept the worker waiting for its next dossier (~8 ms a Word dossier)."""
    from . import cache

    try:
        outcome = process_dossier(src, out, settings, today=today)
    except OSError as exc:
        if not is_write_error(exc):
            raise
        return unwritten(src, out, exc)
    if key is not None:
        try:
            cache.store(out, key, outcome, today or dt.date.today())
        except OSError as exc:  # only the shortcut for the next run is lost
            log.warning("%s", write_error_text(exc))
    return outcome


def unwritten(src: DossierSource, out: Path, exc: BaseException) -> DossierOutcome:
    """A dossier whose outputs could not be written: a failed outcome (the batch goes on and lists
    it), logged in one bilingual line."""
    text = write_error_text(exc)
    log.error("hồ sơ / dossier %s: %s", src.id, text)
    return DossierOutcome(
        id=src.id,
        verdict=str(Verdict.CAN_XEM_XET),
        unit=None,
        kind=None,
        errors=1,
        warnings=0,
        pages=0,
        out_dir=out / src.id,
        write_error=text,
    )


def process_or_reuse(
    src: DossierSource, out: Path, settings: Settings, *, today: dt.date | None = None
) -> DossierOutcome:
    """:func:`process_dossier` unless ``OUT/.cache`` shows the same dossier was already processed."""
    try:
        key, hit = check_cache(src, out, settings, today)
    except OSError:  # the dossier vanished or is unreadable: processing reports why
        key, hit = None, None
    if hit is not None:
        log.info("dossier %s unchanged since an earlier run: result reused", src.id)
        return hit
    return process_and_store(src, out, settings, key, today=today)


def outcomes_in(out: Path) -> list[DossierOutcome]:
    """The outcome of every dossier that has a result in OUT (for batch reports over all of them)."""
    outcomes = []
    for path in sorted(out.glob("*/result.json")):
        try:
            result = Result.model_validate_json(path.read_bytes())
        except (OSError, ValueError):
            log.warning("unreadable result, left out of the batch reports: %s", path)
            continue
        outcomes.append(outcome_of(result, path.parent))
    return outcomes


def load_result(out_dir: Path) -> dict:
    return json.loads((out_dir / "result.json").read_text("utf-8"))


def verdict_vi(verdict: str) -> str:
    return VERDICT_NAMES_VI[Verdict(verdict)]
