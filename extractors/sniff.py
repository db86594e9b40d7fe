"""Tell a file's format from its first bytes, never from its name (OCRmyPDF ``triage``)."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Literal

Format = Literal["docx", "pdf", "image", "doc", "zip", "empty", "unknown"]

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


def sniff(path: Path) -> Format:
    """The format the bytes say: docx, pdf, image, doc (OLE), zip, empty or unknown."""
    with path.open("rb") as fh:
        head = fh.read(1024)
    if not head:
        return "empty"
    if b"%PDF-" in head:
        return "pdf"
    if head.startswith(_IMAGE_MAGIC) or (head[:4] == b"RIFF" and head[8:12] == b"WEBP"):
        return "image"
    if head.startswith(_OLE):
        return "doc"
    if head.startswith(b"PK"):
        try:
            with zipfile.ZipFile(path) as zf:
                names = set(zf.namelist())
        except (zipfile.BadZipFile, OSError, ValueError):
            # A truncated docx still starts with PK; let the docx reader say it is corrupt.
            return "docx" if path.suffix.lower() == ".docx" else "unknown"
        if "word/document.xml" in names:
            return "docx"
        return "zip"
    return "unknown"


def expected_format(path: Path) -> Format | None:
    """The format the extension promises, or None for an extension we do not know."""
    return EXTENSIONS.get(path.suffix.lower())
