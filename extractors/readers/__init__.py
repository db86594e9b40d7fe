"""One reader per format behind one small interface, chosen by sniffing (docling's backends).

``read_file(path, ctx)`` returns a :class:`~extractors.model.DocumentText` or raises a
:class:`~extractors.errors.ReadError`; nothing else escapes (foreign errors are mapped here, at
the boundary, as httpx does).
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from pathlib import Path

from ..errors import CorruptFile, EmptyFile, ReadError, UnsupportedFormat
from ..model import DocumentText
from ..sniff import Format, sniff
from .base import ReadContext

log = logging.getLogger(__name__)

Reader = Callable[[Path, str, str, ReadContext], DocumentText]


def _readers() -> dict[Format, Reader]:
    from . import doc, docx, image, pdf

    return {"docx": docx.read, "pdf": pdf.read, "image": image.read, "doc": doc.read}


def sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def read_file(path: Path, name: str, ctx: ReadContext, *, sha256: str | None = None) -> DocumentText:
    """Read one file. ``name`` is its path inside the dossier, as shown to people."""
    digest = sha256 or sha256_of(path)
    fmt = sniff(path)
    if fmt == "empty":
        raise EmptyFile("tệp rỗng (0 byte): hãy gửi lại tệp", "the file is empty (0 bytes): send it again")
    reader = _readers().get(fmt)
    if reader is None:
        raise UnsupportedFormat(
            f"không đọc được loại tệp này ({path.suffix or 'không có phần mở rộng'}): "
            "hãy gửi bản Word (.docx), PDF hoặc ảnh chụp",
            f"unsupported file type ({path.suffix or 'no extension'}): send Word (.docx), PDF or an image",
        )
    try:
        doc = reader(path, name, digest, ctx)
    except ReadError:
        raise
    except MemoryError as exc:
        raise CorruptFile("tệp quá lớn để đọc", "the file is too large to read", detail=repr(exc)) from exc
    except Exception as exc:  # a foreign library failed on this file: map it, never crash the batch
        log.warning("reader %s failed on %s: %r", fmt, name, exc)
        raise CorruptFile(
            "tệp bị hỏng, không mở được: hãy gửi lại bản khác",
            "the file is damaged and cannot be opened: send another copy",
            detail=f"{type(exc).__name__}: {exc}",
        ) from exc
    return doc


__all__ = ["ReadContext", "read_file", "sha256_of"]
