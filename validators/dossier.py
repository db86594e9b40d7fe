"""The dossier as the validators see it: each file with its text, type, readings or read error."""

from __future__ import annotations

from pydantic import BaseModel, Field

from extractors.fields import FieldReading
from extractors.model import DocumentText
from extractors.vocabulary import DocType


class FileError(BaseModel):
    """Why a file could not be read (a flag code and a message in both languages)."""

    code: str  # UNREADABLE_FILE or UNSUPPORTED_FILE
    message_vi: str
    message_en: str
    detail: str | None = None


class DossierFile(BaseModel):
    """One file of a dossier after reading, classifying and extracting."""

    file: str
    sha256: str
    text: DocumentText | None = None
    doc_type: DocType = DocType.KHAC
    classified_by: str | None = None
    readings: list[FieldReading] = Field(default_factory=list)
    error: FileError | None = None
    # Where the file was read from while its dossier is processed: the sheets cut evidence from a text
    # PDF's page there (only scans keep a page image). Not saved; None when unknown.
    path: str | None = Field(None, exclude=True)


class Dossier(BaseModel):
    """All files of one dossier; ``problem`` is set when the dossier itself could not be opened."""

    id: str
    files: list[DossierFile] = Field(default_factory=list)
    ignored: list[str] = Field(default_factory=list)  # OS/editor junk files that were skipped
    problem: FileError | None = None
    files_root: str | None = None  # where the files were read (the folder, or the unpacked zip): page images
