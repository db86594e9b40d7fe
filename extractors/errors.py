"""Typed errors raised while reading one file.

Every error carries a stable ``code`` (a flag code of CONTRACT.md), a Vietnamese message for
district staff and an English one, each saying what to do. Readers raise them; the pipeline
turns them into flags, never into a crashed batch.

    ReadError
    ├── UnsupportedFormat      (UNSUPPORTED_FILE)  a type we do not read, or no converter installed
    ├── EmptyFile              (UNREADABLE_FILE)
    ├── CorruptFile            (UNREADABLE_FILE)   cannot be opened or decoded
    ├── EncryptedFile          (UNREADABLE_FILE)   password protected
    ├── TooLarge               (UNREADABLE_FILE)   over a limit in the settings (pages, pixels, bytes)
    └── OcrFailed              (UNREADABLE_FILE)   Tesseract missing, timed out or crashed
"""

from __future__ import annotations


class ReadError(Exception):
    """A file could not be read; says why in Vietnamese and English."""

    code = "UNREADABLE_FILE"

    def __init__(self, message_vi: str, message_en: str, *, detail: str | None = None) -> None:
        super().__init__(message_en)
        self.message_vi = message_vi
        self.message_en = message_en
        self.detail = detail

    @property
    def message(self) -> str:
        return f"{self.message_vi} / {self.message_en}"


class UnsupportedFormat(ReadError):
    code = "UNSUPPORTED_FILE"


class EmptyFile(ReadError):
    pass


class CorruptFile(ReadError):
    pass


class EncryptedFile(ReadError):
    pass


class TooLarge(ReadError):
    pass


class OcrFailed(ReadError):
    pass
