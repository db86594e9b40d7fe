"""Writes the unseen inbox (``samples/unseen/inbox/``) and each dossier's ``samples/unseen/<case>/expected.json``.

``python -m samples.unseen.make`` renders every dossier and checks each file against the frozen
``hashes.json``; ``--freeze`` rewrites that manifest (only when a change of the corpus is meant).
Same code, same libraries → same bytes: Word and zip entries carry fixed timestamps, PDFs fixed
metadata, and every random choice comes from a string-seeded ``random.Random``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import shutil
import sys
import time
from pathlib import Path

from samples.degrade import image_pdf, jpeg_bytes, photo, rasterise, scan
from samples.render import render_docx, render_pdf
from samples.truth import DocSpec, Dossier

from .corpus import build, expected
from .families import FAMILIES
from .families.common import Ctx

UNSEEN = Path(__file__).resolve().parent
INBOX = UNSEEN / "inbox"
HASHES = UNSEEN / "hashes.json"
SCAN_DPI, PHOTO_DPI = 200, 170


def blocks_of(d: Dossier, spec: DocSpec) -> list:
    """The blocks of one document, written by its family."""
    return FAMILIES[spec.template](Ctx(d, spec, random.Random(f"unseen:{d.case}:{spec.doc_type}:words")))


def render(d: Dossier, spec: DocSpec) -> bytes:
    """The bytes of one file; a phone capture of several pages becomes a PDF (``spec.file`` renamed)."""
    rng = random.Random(f"unseen:{d.case}:{spec.doc_type}:render")
    blocks = blocks_of(d, spec)
    serif = spec.template[-1] in "13"  # families differ in typeface too
    if spec.medium == "docx":
        return render_docx(blocks, font="Times New Roman" if serif else "Arial")
    family = "DejaVuSerif" if serif else "DejaVuSans"
    if spec.medium == "pdf_text":
        return render_pdf(blocks, family=family)
    pdf = render_pdf(blocks, family=family, signed=True, seed=rng.getrandbits(32))
    if spec.medium == "scan":
        pages = [scan(p, rng, colour=not d.is_cell) for p in rasterise(pdf, SCAN_DPI)]
        return image_pdf(pages, SCAN_DPI, 60)
    if spec.medium == "photo":
        pages = [photo(p, rng) for p in rasterise(pdf, PHOTO_DPI)]
        if len(pages) == 1:
            return jpeg_bytes(pages[0], 72, dpi=PHOTO_DPI)
        spec.file = spec.file.replace("IMG_", "CamScanner_").replace(".jpg", ".pdf")
        return image_pdf(pages, PHOTO_DPI, 70)
    raise ValueError(f"unknown medium {spec.medium!r}")


def generate(
    inbox: Path = INBOX,
    expected_root: Path = UNSEEN,
    *,
    media: set[str] | None = None,
    cases: set[str] | None = None,
) -> dict[str, str]:
    """Render the corpus into ``inbox`` (only files in ``media``, of dossiers in ``cases``, when given) and
    write the expected files; returns ``{"<case>/<file>": sha256}`` of what was rendered."""
    if inbox.exists():
        shutil.rmtree(inbox)
    inbox.mkdir(parents=True)
    hashes: dict[str, str] = {}
    for d in build():
        if cases is not None and d.case not in cases:
            continue
        for spec in d.documents:
            if media is not None and spec.medium not in media:
                continue
            data = render(d, spec)
            path = inbox / d.case / spec.file
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            hashes[f"{d.case}/{spec.file}"] = hashlib.sha256(data).hexdigest()
        text = json.dumps(expected(d), ensure_ascii=False, indent=2) + "\n"
        target = expected_root / d.case / "expected.json"
        if not target.exists() or target.read_text("utf-8") != text:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, "utf-8")
    return dict(sorted(hashes.items()))


def frozen() -> dict[str, str]:
    return json.loads(HASHES.read_text("utf-8"))["files"] if HASHES.exists() else {}


def drift(hashes: dict[str, str], reference: dict[str, str] | None = None) -> list[str]:
    """What differs from the frozen manifest (only the files in ``hashes`` are compared, plus missing ones
    of the same media when the whole corpus was rendered)."""
    ref = frozen() if reference is None else reference
    out = [f"changed: {k}" for k, v in hashes.items() if k in ref and ref[k] != v]
    out += [f"new: {k}" for k in hashes if k not in ref]
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Sinh bộ hồ sơ chưa thấy / generate the unseen corpus")
    ap.add_argument("--inbox", type=Path, default=INBOX)
    ap.add_argument("--freeze", action="store_true", help="rewrite hashes.json from this rendering")
    args = ap.parse_args(argv)
    start = time.perf_counter()
    hashes = generate(args.inbox)
    took = time.perf_counter() - start
    n = len({k.split("/")[0] for k in hashes})
    print(f"{n} hồ sơ / dossiers, {len(hashes)} tệp / files → {args.inbox} ({took:.1f} s)")
    if args.freeze:
        HASHES.write_text(json.dumps({"files": hashes}, ensure_ascii=False, indent=1) + "\n", "utf-8")
        print(f"đã ghi / wrote {HASHES}")
        return 0
    problems = drift(hashes) + [f"missing: {k}" for k in frozen() if k not in hashes]
    if problems:
        print(
            "Bộ hồ sơ khác bản đã đóng băng / the corpus differs from hashes.json:",
            *problems[:20],
            sep="\n  ",
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
