"""Section "photos": seconds per page of hoso's OCR on the phone-photo dossiers of the samples.

Every file of the dossiers whose ``expected.json`` says ``"medium": "photo"`` (in
``samples/inbox`` and ``samples/unseen/inbox``) is read alone, one page at a time (``ocr_threads=1``),
so that the figures compare across code versions. Printed per medium: pages, wall seconds per page,
Tesseract CPU seconds per page (the child processes) and hoso's own CPU seconds per page (page
preparation, grid detection). CPU seconds move less than wall seconds on a busy machine.

    .venv/bin/python bench/run.py --only photos --runs 1
"""

from __future__ import annotations

import json
import resource
import time
from collections import defaultdict
from pathlib import Path

from extractors import ReadContext, read_file

ROOT = Path(__file__).resolve().parent.parent
INBOXES = [
    (ROOT / "samples", ROOT / "samples" / "inbox"),
    (ROOT / "samples" / "unseen", ROOT / "samples" / "unseen" / "inbox"),
]
MEDIA = ("photo",)


def _files() -> list[tuple[str, Path]]:
    out = []
    for cases, inbox in INBOXES:
        for expected in sorted(cases.glob("*/expected.json")):
            medium = json.loads(expected.read_text(encoding="utf-8")).get("medium")
            folder = inbox / expected.parent.name
            if medium in MEDIA and folder.is_dir():
                out += [(medium, f) for f in sorted(folder.iterdir()) if f.is_file()]
    return out


def _child_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def _own_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def run(runs: int, workdir: Path) -> dict:
    files = _files()
    if not files:
        return {"table": [["no photo or scan dossiers: run make samples and make unseen first"]]}
    totals: dict[str, list[float]] = defaultdict(lambda: [0, 0.0, 0.0, 0.0])
    for _ in range(max(1, runs)):
        for medium, path in files:
            ctx = ReadContext(workdir=workdir / "photos", ocr_threads=1)
            wall, child, own = time.perf_counter(), _child_cpu(), _own_cpu()
            doc = read_file(path, path.name, ctx)
            ocr_pages = sum(1 for p in doc.pages if p.method == "ocr")
            if not ocr_pages:
                continue
            t = totals[medium]
            t[0] += ocr_pages
            t[1] += time.perf_counter() - wall
            t[2] += _child_cpu() - child
            t[3] += _own_cpu() - own
    table: list[list[object]] = [
        ["medium", "pages", "wall s/page", "tesseract CPU s/page", "hoso CPU s/page"]
    ]
    result: dict = {}
    for medium, (pages, wall, child, own) in sorted(totals.items()):
        n = max(1, pages)
        row = [medium, int(pages), round(wall / n, 2), round(child / n, 2), round(own / n, 2)]
        table.append(row)
        result[medium] = dict(zip(table[0][1:], row[1:], strict=True))
    result["table"] = table
    return result
