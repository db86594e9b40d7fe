"""One reader per format behind one small interface, chosen by sniffing (docling's backends).

``read_file(path, ctx)`` returns a :class:`~extractors.model.DocumentText` or raises a
:class:`~extractors.errors.ReadError`; nothing else escapes (foreign errors are mapped here, at
the boundary, as httpx does). Formats we recognise but do not read get a message saying what
they are and what to send instead.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from pathlib import Path

from ..errors import CorruptFile, EmptyFile, EncryptedFile, ReadError, TooLarge, UnsupportedFormat
from ..model import DocumentText
from ..sniff import Format, expected_format, sniff
from ..tables import join_keyed_tables
from .base import ReadContext

log = logging.getLogger(__name__)

Reader = Callable[[Path, str, str, ReadContext], DocumentText]

_SEND = "hãy gửi bản Word (.docx), PDF hoặc ảnh chụp"
_SEND_EN = "send Word (.docx), PDF or an image"
# What we recognise but do not read: (Vietnamese, English), each saying what to send instead.
UNSUPPORTED_MESSAGES: dict[Format, tuple[str, str]] = {
    "xls": (
        "tệp Excel (.xls) không phải văn bản của hồ sơ: " + _SEND,
        "an Excel file (.xls) is not a dossier document: " + _SEND_EN,
    ),
    "xlsx": (
        "tệp Excel (.xlsx) không phải văn bản của hồ sơ: " + _SEND,
        "an Excel file (.xlsx) is not a dossier document: " + _SEND_EN,
    ),
    "ppt": (
        "tệp PowerPoint không phải văn bản của hồ sơ: " + _SEND,
        "a PowerPoint file is not a dossier document: " + _SEND_EN,
    ),
    "pptx": (
        "tệp PowerPoint không phải văn bản của hồ sơ: " + _SEND,
        "a PowerPoint file is not a dossier document: " + _SEND_EN,
    ),
    "odf": (
        "tệp OpenDocument (.odt, LibreOffice): hãy lưu lại thành Word (.docx) hoặc PDF rồi gửi lại",
        "an OpenDocument file (.odt, LibreOffice): save it as Word (.docx) or PDF and resend",
    ),
    "rtf": (
        "tệp RTF: hãy mở bằng Word, lưu lại thành .docx (hoặc PDF) rồi gửi lại",
        "an RTF file: open it in Word, save it as .docx (or PDF) and resend",
    ),
    "zip": (
        "tệp nén nằm trong hồ sơ: hãy giải nén và chép các tệp bên trong vào thư mục hồ sơ",
        "an archive inside the dossier: unpack it and copy the files it holds into the dossier folder",
    ),
}
# Per format: what to say when a reader's library chokes on the file.
DAMAGED_MESSAGES: dict[Format, tuple[str, str]] = {
    "docx": (
        "tệp Word bị hỏng hoặc không phải .docx: hãy lưu lại bằng Word và gửi lại",
        "the Word file is damaged or not a .docx: save it again in Word and resend",
    ),
    "pdf": (
        "tệp PDF bị hỏng, không mở được: hãy xuất lại PDF hoặc quét lại",
        "the PDF is damaged and cannot be opened: export or scan it again",
    ),
    "image": (
        "ảnh bị hỏng, không mở được: hãy chụp hoặc quét lại và gửi lại",
        "the image is damaged and cannot be opened: photograph or scan it again and resend",
    ),
}
_DAMAGED = (
    "tệp bị hỏng, không mở được: hãy gửi lại bản khác",
    "the file is damaged and cannot be opened: send another copy",
)


def _readers() -> dict[Format, Reader]:
    from . import doc, docx, image, pdf

    return {"docx": docx.read, "pdf": pdf.read, "image": image.read, "doc": doc.read}


def sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _refuse(path: Path, fmt: Format) -> ReadError:
    """The error for a format that has no reader."""
    if fmt == "encrypted_office":
        if path.suffix.lower() in (".xlsx", ".xls", ".pptx", ".ppt"):
            return EncryptedFile(
                "tệp Office có mật khẩu: hãy gửi bản không mật khẩu",
                "the Office file is password protected: send a copy without a password",
            )
        return EncryptedFile(
            "tệp Word có mật khẩu: hãy gửi bản không mật khẩu",
            "the Word file is password protected: send a copy without a password",
        )
    if fmt in UNSUPPORTED_MESSAGES:
        return UnsupportedFormat(*UNSUPPORTED_MESSAGES[fmt])
    return UnsupportedFormat(
        f"không đọc được loại tệp này ({path.suffix or 'không có phần mở rộng'}): {_SEND}",
        f"unsupported file type ({path.suffix or 'no extension'}): {_SEND_EN}",
    )


def _image_too_large(exc: Exception) -> TooLarge:
    return TooLarge(
        "ảnh quá lớn (quá nhiều điểm ảnh, nghi ảnh độc hại): hãy quét lại ở 300 dpi và gửi lại",
        "the image is too large (too many pixels, possibly a decompression bomb): scan it at 300 dpi and resend",
        detail=str(exc),
    )


def read_file(path: Path, name: str, ctx: ReadContext, *, sha256: str | None = None) -> DocumentText:
    """Read one file. ``name`` is its path inside the dossier, as shown to people."""
    from PIL import Image  # Pillow's bomb error is mapped here, whichever reader opened the image

    digest = sha256 or sha256_of(path)
    fmt = sniff(path)
    if fmt == "empty":
        raise EmptyFile("tệp rỗng (0 byte): hãy gửi lại tệp", "the file is empty (0 bytes): send it again")
    reader = _readers().get(fmt)
    if reader is None:
        raise _refuse(path, fmt)
    try:
        doc = reader(path, name, digest, ctx)
    except ReadError:
        raise
    except Image.DecompressionBombError as exc:
        raise _image_too_large(exc) from exc
    except MemoryError as exc:
        raise TooLarge("tệp quá lớn để đọc", "the file is too large to read", detail=repr(exc)) from exc
    except Exception as exc:  # a foreign library failed on this file: map it, never crash the batch
        log.warning("reader %s failed on %s: %r", fmt, name, exc)
        vi, en = DAMAGED_MESSAGES.get(fmt, _DAMAGED)
        raise CorruptFile(vi, en, detail=f"{type(exc).__name__}: {exc}") from exc
    if not doc.pages:
        kind_vi, kind_en = ("tệp PDF", "the PDF") if fmt == "pdf" else ("tệp", "the file")
        raise CorruptFile(
            f"{kind_vi} không có trang nào: hãy xuất lại hoặc quét lại và gửi lại",
            f"{kind_en} has no page: export or scan it again and resend",
            detail="the reader found 0 pages",
        )
    promised = expected_format(path)
    if promised is not None and promised != fmt:
        # A lying extension is a finding, not a failure: the file was read by what it is.
        doc.warnings.append(f"phần mở rộng {path.suffix} nhưng nội dung là {fmt}: đã đọc theo nội dung")
    join_keyed_tables(doc.pages)  # two tables sharing their codes read as one, whichever reader found them
    return doc


__all__ = ["DAMAGED_MESSAGES", "UNSUPPORTED_MESSAGES", "ReadContext", "read_file", "sha256_of"]
