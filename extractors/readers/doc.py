"""Legacy Word (.doc): through LibreOffice, catdoc or antiword when installed, else a clear flag.

LibreOffice converts to .docx, so tables keep their cells through the docx reader; catdoc gives
rows with tab-separated cells; antiword is the last resort (it refuses very short documents).
File names never reach a shell: argv lists only, and the file is copied under a fixed name.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import tempfile
from pathlib import Path

from ..errors import CorruptFile, UnsupportedFormat
from ..model import DocumentText, Line, Page, Provenance
from ..text import nfc
from .base import ReadContext

log = logging.getLogger(__name__)

TIMEOUT_S = 120


def _damaged(detail: str) -> CorruptFile:
    return CorruptFile(
        "tệp .doc bị hỏng hoặc không phải Word: hãy mở bằng Word và lưu lại thành .docx",
        "the .doc file is damaged or is not a Word document: open it in Word and save it as .docx",
        detail=detail[-500:],
    )


def _via_libreoffice(soffice: str, path: Path, name: str, sha256: str, ctx: ReadContext) -> DocumentText:
    from . import docx

    with tempfile.TemporaryDirectory(prefix="hoso-doc-") as tmp:
        src = Path(tmp) / "input.doc"
        shutil.copyfile(path, src)
        # A private profile per call: concurrent LibreOffice runs on one profile lock each other out.
        profile = (Path(tmp) / "profile").as_uri()
        cmd = [soffice, "--headless", "--norestore", f"-env:UserInstallation={profile}"]
        cmd += ["--convert-to", "docx", "--outdir", tmp, str(src)]
        try:
            proc = subprocess.run(cmd, capture_output=True, timeout=TIMEOUT_S, check=False, cwd=tmp)
        except subprocess.TimeoutExpired as exc:
            raise _damaged(f"LibreOffice timed out after {TIMEOUT_S} s") from exc
        out = Path(tmp) / "input.docx"
        if proc.returncode != 0 or not out.exists():
            raise _damaged(proc.stderr.decode("utf-8", "replace") or proc.stdout.decode("utf-8", "replace"))
        doc = docx.read(out, name, sha256, ctx)
    pages = [p.model_copy(update={"method": "doc"}) for p in doc.pages]
    return doc.model_copy(update={"source": "doc", "pages": pages})


def _via_text(cmd: list[str], name: str, sha256: str) -> DocumentText:
    try:
        proc = subprocess.run(cmd, capture_output=True, timeout=TIMEOUT_S, check=False)
    except subprocess.TimeoutExpired as exc:
        raise _damaged(f"{cmd[0]} timed out after {TIMEOUT_S} s") from exc
    if proc.returncode != 0:
        raise _damaged(proc.stderr.decode("utf-8", "replace"))
    lines = []
    for i, raw in enumerate(proc.stdout.decode("utf-8", "replace").splitlines()):
        cells = [nfc(c) for c in raw.split("\t")]
        cells = [c for c in cells if c]
        if not cells:
            continue
        lines.append(
            Line(
                text=" | ".join(cells),
                cells=cells if len(cells) > 1 else None,
                prov=Provenance(file=name, page=1, block=i),
            )
        )
    return DocumentText(
        file=name, sha256=sha256, source="doc", pages=[Page(number=1, method="doc", lines=lines)]
    )


def read(path: Path, name: str, sha256: str, ctx: ReadContext) -> DocumentText:
    path = path.resolve()  # absolute: a name starting with "-" is never taken for an option
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    catdoc = shutil.which("catdoc")
    antiword = shutil.which("antiword")
    if soffice:
        try:
            return _via_libreoffice(soffice, path, name, sha256, ctx)
        except CorruptFile:
            if not (catdoc or antiword):
                raise
            log.info("LibreOffice could not convert %s; trying the text converters", name)
    if catdoc:
        return _via_text([catdoc, "-d", "utf-8", "-w", str(path)], name, sha256)
    if antiword:
        return _via_text([antiword, "-m", "UTF-8.txt", "-w", "0", str(path)], name, sha256)
    raise UnsupportedFormat(
        "tệp Word cũ (.doc): hãy lưu lại thành .docx, hoặc cài 'catdoc' (apt-get install catdoc) "
        "hay LibreOffice để hoso đọc được",
        "legacy Word file (.doc): save it as .docx, or install 'catdoc' (apt-get install catdoc) "
        "or LibreOffice so hoso can read it",
    )
