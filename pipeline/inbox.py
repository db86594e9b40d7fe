"""The inbox: which dossiers are there, and the files of each (a folder, or a .zip unpacked safely)."""

from __future__ import annotations

import logging
import os
import shutil
import stat
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from extractors.errors import CorruptFile, ReadError, TooLarge

log = logging.getLogger(__name__)

# Files that operating systems and editors leave behind; never part of a dossier.
JUNK_NAMES = {".ds_store", "thumbs.db", "desktop.ini", ".directory"}
_UNSAFE_VI = (
    "đường dẫn trong tệp .zip không an toàn (../ hoặc tuyệt đối), không giải nén: hãy nén lại thư mục hồ sơ"
)
_UNSAFE_EN = "unsafe path in the .zip (../ or absolute), not unpacked: zip the dossier folder again"
_LINK_VI = "liên kết tượng trưng (symlink), không đọc: hãy gửi tệp thật"
_LINK_EN = "a symbolic link, not read: send the real file"
_SPECIAL_VI = "tệp đặc biệt (FIFO, socket hoặc thiết bị), không đọc: hãy gửi tệp văn bản thật"
_SPECIAL_EN = "a special file (a FIFO, socket or device), not read: send the real document"
PARTIAL_SUFFIXES = (".part", ".crdownload", ".tmp", ".partial", ".download")


def is_junk(name: str) -> bool:
    low = name.lower()
    return (
        low in JUNK_NAMES
        or low.startswith("~$")
        or low.startswith("._")
        or low.startswith(".~lock")
        or low.endswith(PARTIAL_SUFFIXES)
    )


@dataclass(frozen=True)
class DossierSource:
    """A dossier in the inbox: a folder or a .zip file directly under it."""

    id: str
    path: Path
    kind: str  # "folder" or "zip"
    # A re-submission (``hoso watch``: the folder grew after it was taken, or was dropped again):
    # files of the earlier submission read together with this one's, as (name, path) pairs; and
    # what the result says about it (``resubmission_of``).
    earlier_files: tuple[tuple[str, str], ...] = ()
    resubmission_of: dict | None = None


@dataclass
class DossierFiles:
    """The files of one dossier, each with the name shown to people (path inside the dossier)."""

    files: list[tuple[str, Path]] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)  # OS and editor junk, listed in the result
    rejected: list[tuple[str, str, str]] = field(default_factory=list)  # (name, why in vi, why in en)


def display_name(name: str) -> str:
    """A name from the file system as people read it: NFC; bytes that are not UTF-8 read as Windows-1258."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:  # os.fsdecode kept the undecodable bytes as lone surrogates
        raw = os.fsencode(name)
        try:
            name = raw.decode("cp1258")
        except UnicodeDecodeError:
            name = raw.decode("utf-8", "replace")
    return unicodedata.normalize("NFC", name)


def _display_rel(rel: str) -> str:
    return "/".join(display_name(part) for part in rel.split("/"))


def discover(inbox: Path) -> tuple[list[DossierSource], list[Path]]:
    """Dossiers under ``inbox`` in name order, and the stray entries that are not dossiers."""
    sources: list[DossierSource] = []
    stray: list[Path] = []
    for entry in sorted(inbox.iterdir(), key=lambda p: p.name):
        if entry.name.startswith(".") or is_junk(entry.name):
            continue
        kind = entry_kind(entry)
        if kind == "folder":
            sources.append(DossierSource(id=display_name(entry.name), path=entry, kind="folder"))
        elif kind == "zip":
            sources.append(DossierSource(id=display_name(entry.stem), path=entry, kind="zip"))
        else:
            stray.append(entry)
    return sources, stray


def entry_kind(entry: Path) -> str | None:
    """``folder``, ``zip``, ``link`` (a symbolic link: never followed, never a dossier) or None (anything
    else), from the entry itself (lstat), never from what a link points to."""
    try:
        mode = entry.lstat().st_mode
    except FileNotFoundError:
        return None
    if stat.S_ISLNK(mode):
        return "link"
    if stat.S_ISDIR(mode):
        return "folder"
    if stat.S_ISREG(mode) and entry.suffix.lower() == ".zip":
        return "zip"
    return None


def list_folder(root: Path, max_files: int, earlier: tuple[tuple[str, str], ...] = ()) -> DossierFiles:
    """The files under ``root`` (links and special files rejected, never opened), then ``earlier``
    files of the same dossier whose names ``root`` does not have."""
    out = DossierFiles()
    for path in sorted(root.rglob("*")):  # rglob does not descend into linked folders
        rel = _display_rel(path.relative_to(root).as_posix())
        mode = path.lstat().st_mode
        if stat.S_ISLNK(mode):
            out.rejected.append((rel, _LINK_VI, _LINK_EN))
            continue
        if stat.S_ISDIR(mode):
            continue
        if not stat.S_ISREG(mode):  # a FIFO would block whoever opens it: never opened
            out.rejected.append((rel, _SPECIAL_VI, _SPECIAL_EN))
            continue
        if any(is_junk(part) for part in path.relative_to(root).parts):
            out.ignored.append(rel)
            continue
        out.files.append((rel, path))
    if earlier:
        have = {name for name, _ in out.files} | {name for name, _, _ in out.rejected}
        for name, path in earlier:
            if name not in have and Path(path).is_file() and not Path(path).is_symlink():
                out.files.append((name, Path(path)))
        out.files.sort(key=lambda item: item[0].split("/"))
    if len(out.files) > max_files:
        raise TooLarge(
            f"hồ sơ có {len(out.files)} tệp, vượt giới hạn {max_files}: hãy chỉ gửi bốn văn bản của hồ sơ",
            f"the dossier has {len(out.files)} files, over the limit of {max_files}: send only the four documents",
        )
    return out


def _member_name(info: zipfile.ZipInfo) -> str:
    name = info.filename
    if not info.flag_bits & 0x800:  # not flagged UTF-8: Windows tools write the OEM code page
        raw = name.encode("cp437", errors="replace")
        for enc in ("utf-8", "cp1258"):
            try:
                name = raw.decode(enc)
                break
            except UnicodeDecodeError:
                continue
    return unicodedata.normalize("NFC", name)


def unpack_zip(path: Path, dest: Path, max_bytes: int, max_files: int) -> DossierFiles:
    """Unpack a .zip dossier into ``dest``; refuses zip-slip paths, links and zip bombs."""
    out = DossierFiles()
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise CorruptFile(
            "tệp .zip bị hỏng, không giải nén được: hãy nén và gửi lại",
            "the .zip is damaged and cannot be unpacked: zip it again and resend",
            detail=repr(exc),
        ) from exc
    total = 0
    with zf:
        members = [m for m in zf.infolist() if not m.is_dir()]
        if len(members) > max_files:
            raise TooLarge(
                f"tệp .zip có {len(members)} tệp, vượt giới hạn {max_files}",
                f"the .zip holds {len(members)} files, over the limit of {max_files}",
            )
        declared = sum(m.file_size for m in members)
        if (
            declared > max_bytes
        ):  # zipfile enforces declared sizes; the streaming count below is the second guard
            raise TooLarge(
                f"tệp .zip giải nén ra quá {max_bytes // (1 << 20)} MB (nghi zip bomb): hãy gửi từng tệp",
                f"the .zip unpacks to over {max_bytes // (1 << 20)} MB (a zip bomb?): send the files one by one",
            )
        for info in members:
            name = _member_name(info)
            parts = PurePosixPath(name.replace("\\", "/")).parts
            if name.startswith(("/", "\\")) or ".." in parts or (parts and ":" in parts[0]):
                out.rejected.append((name, _UNSAFE_VI, _UNSAFE_EN))
                continue
            if stat.S_ISLNK(info.external_attr >> 16):
                out.rejected.append((name, _LINK_VI, _LINK_EN))
                continue
            if any(is_junk(p) for p in parts) or parts[0] == "__MACOSX":
                out.ignored.append(name)
                continue
            target = dest.joinpath(*parts)
            if not target.resolve().is_relative_to(dest.resolve()):
                out.rejected.append((name, _UNSAFE_VI, _UNSAFE_EN))
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                with zf.open(info) as src, target.open("wb") as dst:
                    while chunk := src.read(1 << 20):
                        total += len(chunk)
                        if total > max_bytes:
                            raise TooLarge(
                                f"tệp .zip giải nén ra quá {max_bytes // (1 << 20)} MB (nghi zip bomb): hãy gửi từng tệp",
                                f"the .zip unpacks to over {max_bytes // (1 << 20)} MB (a zip bomb?): send the files one by one",
                            )
                        dst.write(chunk)
            except ReadError:
                shutil.rmtree(dest, ignore_errors=True)  # a refused bomb leaves nothing unpacked
                raise
            except (zipfile.BadZipFile, OSError, RuntimeError, EOFError, NotImplementedError) as exc:
                target.unlink(missing_ok=True)
                out.rejected.append(
                    (
                        name,
                        "không giải nén được tệp này: hãy nén lại",
                        f"cannot unpack this member ({exc}): zip again",
                    )
                )
                continue
            out.files.append(("/".join(parts), target))
    return out
