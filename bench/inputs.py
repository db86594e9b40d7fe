"""Benchmark inputs made with the sample generator: Word-only, scanned/photographed and one 100-page dossier.

Everything is written under a work folder (never ``samples/inbox``) and kept between runs: a
``.done`` stamp beside each set records what it was made from, so a second run reuses it.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from samples.cases import Builder  # noqa: E402
from samples.make_samples import render_document  # noqa: E402

SEED = 9009
# Word dossiers are rendered as this many distinct variants (templates A/B/C, both unit kinds) and
# hard-linked into N folders: rendering costs ~0.3 s a dossier, the pipeline's work per copy is the same.
WORD_VARIANTS = 48
TEMPLATES = ("AAAA", "BBBB", "CCCC", "ABCA", "CABB", "BCAC")


def _stamped(folder: Path, recipe: dict) -> bool:
    stamp = folder / ".done"
    return stamp.exists() and json.loads(stamp.read_text()) == recipe


def _stamp(folder: Path, recipe: dict) -> None:
    (folder / ".done").write_text(json.dumps(recipe))


def _render(d, folder: Path, seed_text: str) -> None:
    rng = random.Random(seed_text)
    folder.mkdir(parents=True, exist_ok=True)
    for spec in d.documents:
        data = render_document(d, spec, rng)  # may rename spec.file (a multi-page photo becomes a PDF)
        (folder / spec.file).write_bytes(data)


def word_batch(n: int, root: Path) -> Path:
    """An inbox of ``n`` Word-only dossiers (folders ``w0000``…); returns the inbox."""
    inbox = root / f"word-{n}"
    recipe = {"n": n, "seed": SEED, "variants": WORD_VARIANTS, "v": 1}
    if _stamped(inbox, recipe):
        return inbox
    shutil.rmtree(inbox, ignore_errors=True)
    variants = _word_variants(root)
    for i in range(n):
        src = variants[i % len(variants)]
        dst = inbox / f"w{i:04d}"
        dst.mkdir(parents=True)
        for f in src.iterdir():
            os.link(f, dst / f.name)
    _stamp(inbox, recipe)
    return inbox


def _word_variants(root: Path) -> list[Path]:
    folder = root / "word-variants"
    recipe = {"seed": SEED, "variants": WORD_VARIANTS, "v": 1}
    if not _stamped(folder, recipe):
        shutil.rmtree(folder, ignore_errors=True)
        b = Builder(SEED)
        for i in range(WORD_VARIANTS):
            case = f"v{i:02d}"
            kind = "dang_bo_co_so" if i % 4 == 3 else "chi_bo"
            d = b.dossier(case, "bench", kind=kind, templates=TEMPLATES[i % len(TEMPLATES)])
            _render(d, folder / case, f"{SEED}:{case}:render")
        _stamp(folder, recipe)
    return sorted(p for p in folder.iterdir() if p.is_dir())


# (unit kind, medium) of the OCR-bound batch, cycled: two scanned, two photographed, both kinds.
OCR_MIX = [("chi_bo", "scan"), ("dang_bo_co_so", "photo"), ("dang_bo_co_so", "scan"), ("chi_bo", "photo")]


def ocr_batch(n: int, root: Path) -> Path:
    """An inbox of ``n`` scanned or photographed dossiers (``s00``…); returns the inbox."""
    inbox = root / f"ocr-{n}"
    recipe = {"n": n, "seed": SEED, "mix": OCR_MIX, "v": 1}
    if _stamped(inbox, recipe):
        return inbox
    shutil.rmtree(inbox, ignore_errors=True)
    b = Builder(SEED + 1)
    for i in range(n):
        kind, medium = OCR_MIX[i % len(OCR_MIX)]
        case = f"s{i:02d}"
        d = b.dossier(case, "bench", kind=kind, media=medium, templates=TEMPLATES[i % len(TEMPLATES)])
        _render(d, inbox / case, f"{SEED}:{case}:render")
    _stamp(inbox, recipe)
    return inbox


def long_scan(pages: int, root: Path) -> Path:
    """An inbox holding one dossier whose one scanned PDF has ``pages`` pages (the OCR batch's pages, repeated)."""
    import pypdfium2 as pdfium

    inbox = root / f"long-{pages}"
    recipe = {"pages": pages, "seed": SEED, "v": 1}
    if _stamped(inbox, recipe):
        return inbox
    shutil.rmtree(inbox, ignore_errors=True)
    sources = sorted((ocr_batch(4, root)).glob("*/*.pdf"))
    out = pdfium.PdfDocument.new()
    opened = [pdfium.PdfDocument(str(p)) for p in sources]
    k = 0
    while len(out) < pages:
        src = opened[k % len(opened)]
        out.import_pages(src, [0])  # first pages differ most; repeating them keeps the OCR honest
        k += 1
    folder = inbox / "ho-so-dai"
    folder.mkdir(parents=True)
    out.save(str(folder / "Ho so day du.pdf"))
    for d in opened:
        d.close()
    out.close()
    _stamp(inbox, recipe)
    return inbox


def page_images(inbox: Path, folder: Path, dpi: int = 300) -> list[Path]:
    """Every page hoso would OCR, as grey images: PDF pages rendered at ``dpi`` (pypdfium2), images as they are."""
    import pypdfium2 as pdfium

    recipe = {"inbox": str(inbox), "dpi": dpi, "v": 1}
    if not _stamped(folder, recipe):
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        for i, f in enumerate(sorted(inbox.rglob("*"))):
            if f.suffix.lower() == ".pdf":
                doc = pdfium.PdfDocument(str(f))
                for p in range(len(doc)):
                    img = doc[p].render(scale=dpi / 72, grayscale=True).to_pil()
                    img.save(folder / f"{i:03d}-{p:03d}.png", dpi=(dpi, dpi))
                doc.close()
            elif f.suffix.lower() in (".jpg", ".jpeg", ".png", ".tif", ".tiff"):
                shutil.copy(f, folder / f"{i:03d}-000{f.suffix.lower()}")
        _stamp(folder, recipe)
    return sorted(p for p in folder.iterdir() if p.name != ".done")


def pdfs_of(inbox: Path) -> list[Path]:
    """The files OCRmyPDF is given: every PDF and image of the inbox."""
    return sorted(
        f for f in inbox.rglob("*") if f.suffix.lower() in (".pdf", ".jpg", ".jpeg", ".png", ".tif", ".tiff")
    )
