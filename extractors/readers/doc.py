"""Legacy Word (.doc): through a converter when one is installed, else a clear flag."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from ..errors import CorruptFile, UnsupportedFormat
from ..model import DocumentText, Line, Page, Provenance
from ..text import nfc
from .base import ReadContext


def read(path: Path, name: str, sha256: str, ctx: ReadContext) -> DocumentText:
    tool = shutil.which("antiword") or shutil.which("catdoc")
    if tool is None:
        raise UnsupportedFormat(
            "tệp Word cũ (.doc): hãy lưu lại thành .docx, hoặc cài 'antiword' để hoso đọc được",
            "legacy Word file (.doc): save it as .docx, or install 'antiword' so hoso can read it",
        )
    # The file name never reaches a shell: argv list, no shell=True.
    proc = subprocess.run([tool, str(path)], capture_output=True, timeout=60, check=False)
    if proc.returncode != 0:
        raise CorruptFile(
            "tệp .doc bị hỏng hoặc không phải Word: hãy lưu lại thành .docx",
            "the .doc file is damaged or not Word: save it as .docx",
            detail=proc.stderr.decode("utf-8", "replace")[:500],
        )
    text = proc.stdout.decode("utf-8", "replace")
    lines = [
        Line(text=t, prov=Provenance(file=name, page=1, block=i))
        for i, t in enumerate(nfc(x) for x in text.splitlines())
        if t
    ]
    return DocumentText(file=name, sha256=sha256, source="doc", pages=[Page(number=1, method="doc", lines=lines)])
