"""Reading one file into text with provenance, classifying it, and pulling fields out of it."""

from .classify import Classification, classify
from .errors import ReadError
from .fields import FieldReading, extract_fields
from .model import Box, DocumentText, Line, Page, Provenance, Word
from .readers import ReadContext, read_file, sha256_of
from .vocabulary import DocType

__all__ = [
    "Box",
    "Classification",
    "DocType",
    "DocumentText",
    "FieldReading",
    "Line",
    "Page",
    "Provenance",
    "ReadContext",
    "ReadError",
    "Word",
    "classify",
    "extract_fields",
    "read_file",
    "sha256_of",
]
