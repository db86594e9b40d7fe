"""Tell a file's format from its bytes, never from its name (OCRmyPDF ``triage``).

Formats we read: ``docx``, ``pdf``, ``image``, ``doc``. Formats we recognise only to say clearly
what they are and what to send instead: ``encrypted_office`` (a password-protected .docx is an
OLE file, not a zip), ``xls``, ``ppt``, ``xlsx``, ``pptx``, ``odf``, ``rtf``, ``zip`` (an archive
inside a dossier), ``empty`` and ``unknown``.
"""

from __future__ import annotations

import struct
import zipfile
from pathlib import Path
from typing import Literal

Format = Literal[
    "docx",
    "pdf",
    "image",
    "doc",
    "encrypted_office",
    "xls",
    "ppt",
    "xlsx",
    "pptx",
    "odf",
    "rtf",
    "zip",
    "empty",
    "unknown",
]

_IMAGE_MAGIC = (
    b"\xff\xd8\xff",  # JPEG
    b"\x89PNG\r\n\x1a\n",
    b"II*\x00",  # TIFF little-endian
    b"MM\x00*",  # TIFF big-endian
    b"BM",  # BMP
    b"GIF87a",
    b"GIF89a",
)
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy Office (.doc, .xls) and encrypted OOXML
EXTENSIONS: dict[str, Format] = {
    ".docx": "docx",
    ".pdf": "pdf",
    ".jpg": "image",
    ".jpeg": "image",
    ".png": "image",
    ".tif": "image",
    ".tiff": "image",
    ".doc": "doc",
    ".zip": "zip",
}
# Bounds on walking an OLE directory: a hostile file may loop its sector chains.
_OLE_MAX_SECTORS = 4096
_ENDOFCHAIN = 0xFFFFFFFE


def ole_stream_names(path: Path) -> set[str]:
    """Names in an OLE compound file's directory (CFB, MS-CFB 2.2); empty when it cannot be walked."""
    try:
        with path.open("rb") as fh:
            header = fh.read(512)
            if len(header) < 512 or not header.startswith(_OLE):
                return set()
            sector_size = 1 << struct.unpack_from("<H", header, 30)[0]
            if sector_size not in (512, 4096):
                return set()
            n_fat = struct.unpack_from("<I", header, 44)[0]
            dir_start = struct.unpack_from("<I", header, 48)[0]
            difat = struct.unpack_from("<109I", header, 76)[: min(n_fat, 109)]

            def sector(n: int) -> bytes:
                fh.seek((n + 1) * sector_size)  # the header fills sector -1
                return fh.read(sector_size)

            fat: list[int] = []
            for s in difat:
                fat.extend(struct.unpack(f"<{sector_size // 4}I", sector(s).ljust(sector_size, b"\xff")))
            names: set[str] = set()
            current, seen = dir_start, set()
            while (
                current != _ENDOFCHAIN
                and current < len(fat)
                and current not in seen
                and len(seen) < _OLE_MAX_SECTORS
            ):
                seen.add(current)
                data = sector(current)
                for off in range(0, len(data) - 127, 128):
                    length = struct.unpack_from("<H", data, off + 64)[0]
                    if 2 <= length <= 64 and data[off + 66] in (1, 2, 5):
                        names.add(data[off : off + length - 2].decode("utf-16-le", "replace"))
                current = fat[current]
            return names
    except (OSError, struct.error):
        return set()


def _sniff_ole(path: Path) -> Format:
    names = {n.lower() for n in ole_stream_names(path)}
    if {"encryptioninfo", "encryptedpackage"} & names:
        return "encrypted_office"  # Word/Excel with "Encrypt with password" (MS-OFFCRYPTO)
    if "worddocument" in names:
        return "doc"
    if {"workbook", "book"} & names:
        return "xls"
    if "powerpoint document" in names:
        return "ppt"
    # An OLE file we cannot walk: the legacy Word reader says whether it is Word at all.
    return "doc" if path.suffix.lower() == ".doc" or not names else "unknown"


def _sniff_zip(path: Path) -> Format:
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
            mimetype = zf.read("mimetype")[:100] if "mimetype" in names else b""
    except (zipfile.BadZipFile, OSError, ValueError, KeyError, EOFError, NotImplementedError):
        # A truncated Office file has lost its central directory, but its local headers still
        # name its parts in the clear: a damaged Word file is "docx" (the reader says damaged).
        with path.open("rb") as fh:
            head = fh.read(1 << 16)
        if b"word/" in head or path.suffix.lower() == ".docx":
            return "docx"
        if b"xl/" in head:
            return "xlsx"
        if b"ppt/" in head:
            return "pptx"
        return "zip"
    if "word/document.xml" in names:
        return "docx"
    if mimetype.startswith(b"application/vnd.oasis.opendocument"):
        return "odf"
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "ppt/presentation.xml" in names:
        return "pptx"
    if "[Content_Types].xml" in names and any(n.startswith("word/") for n in names):
        return "docx"  # a Word package missing its body: the docx reader reports it damaged
    return "zip"


def sniff(path: Path) -> Format:
    """The format the bytes say (see the module docstring for the list)."""
    with path.open("rb") as fh:
        head = fh.read(1024)
    if not head:
        return "empty"
    if b"%PDF-" in head:
        return "pdf"
    if head.startswith(_IMAGE_MAGIC) or (head[:4] == b"RIFF" and head[8:12] == b"WEBP"):
        return "image"
    if head.startswith(_OLE):
        return _sniff_ole(path)
    if head.startswith(b"PK"):
        return _sniff_zip(path)
    if head.lstrip(b"\xef\xbb\xbf \r\n\t").startswith(b"{\\rtf"):
        return "rtf"
    return "unknown"


def expected_format(path: Path) -> Format | None:
    """The format the extension promises, or None for an extension we do not know."""
    return EXTENSIONS.get(path.suffix.lower())
