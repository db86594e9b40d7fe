"""Writes the sample inbox (``samples/inbox/``) and each case's ``samples/<case>/expected.json``.

Usage: ``python samples/make_samples.py [--seed N] [--inbox DIR]`` (``make samples``). The same seed
gives the same bytes: every random choice comes from ``random.Random(f"{seed}:{case}")``, Word and
zip entries carry fixed timestamps, and PDFs are written with fixed metadata.
"""

from __future__ import annotations

import argparse
import io
import json
import random
import re
import shutil
import sys
import time
import zipfile
from pathlib import Path

if __package__ in (None, ""):  # run as a script (make samples): make the project importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from samples.cases import build
from samples.degrade import image_pdf, jpeg_bytes, photo, rasterise, scan
from samples.render import FIXED_ZIP_TIME, render_docx, render_pdf
from samples.templates import blocks_for
from samples.truth import DocSpec, Dossier

SAMPLES = Path(__file__).resolve().parent
DEFAULT_SEED = 2024
SCAN_DPI, LOW_DPI, PHOTO_DPI = 200, 150, 170
CASE_DIR = re.compile(r"^\d\d_")


def odt_bytes(title: str, rows: list[list[str]]) -> bytes:
    """A small OpenDocument text file (a type the pipeline does not read), built by hand."""
    cells = "".join(
        "<table:table-row>"
        + "".join(
            f'<table:table-cell office:value-type="string"><text:p>{c}</text:p></table:table-cell>' for c in r
        )
        + "</table:table-row>"
        for r in rows
    )
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" office:version="1.2">'
        f"<office:body><office:text><text:p>{title}</text:p>"
        f'<table:table table:name="DS">{cells}</table:table></office:text></office:body></office:document-content>'
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data, how in (
            ("mimetype", "application/vnd.oasis.opendocument.text", zipfile.ZIP_STORED),
            ("content.xml", content, zipfile.ZIP_DEFLATED),
            ("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED),
        ):
            info = zipfile.ZipInfo(name, date_time=FIXED_ZIP_TIME)
            info.compress_type = how
            zf.writestr(info, data.encode("utf-8"))
    return buf.getvalue()


def render_document(d: Dossier, spec: DocSpec, rng: random.Random) -> bytes:
    """The bytes of one file; may rename ``spec.file`` (a multi-page phone capture becomes a PDF)."""
    if spec.medium == "unsupported":
        rows = [
            ["TT", "Họ và tên", "Ngày vào Đảng"],
            ["1", d.secretary, "03/02/2005"],
            ["2", d.counters[0], "19/5/2012"],
        ]
        return odt_bytes(f"Danh sách đảng viên {d.unit}", rows)
    blocks = blocks_for(d, spec)
    family = "DejaVuSans" if sum(map(ord, d.case)) % 3 == 0 else "DejaVuSerif"
    if spec.medium == "docx":
        return render_docx(blocks)
    if spec.medium == "pdf_text":
        return render_pdf(blocks, family=family)
    if spec.medium == "corrupt":
        # A transfer that broke off: the PDF header and a little of the first object, then zeros.
        data = render_pdf(blocks, family=family)
        return data[:700] + bytes(4096)
    pdf = render_pdf(blocks, family=family, signed=True, seed=rng.getrandbits(32))
    if spec.medium == "scan":
        dpi = LOW_DPI if spec.low_quality else SCAN_DPI
        pages = [
            scan(p, rng, colour=not d.is_cell, low_quality=spec.low_quality) for p in rasterise(pdf, dpi)
        ]
        if spec.rotate_page is not None and spec.rotate_page < len(pages):
            pages[spec.rotate_page] = pages[spec.rotate_page].rotate(90, expand=True)  # fed in sideways
        return image_pdf(pages, dpi, 40 if spec.low_quality else 60)
    if spec.medium == "photo":
        pages = [photo(p, rng) for p in rasterise(pdf, PHOTO_DPI)]
        if len(pages) == 1:
            img, orientation = pages[0], None
            if spec.exif_rotated:  # the phone stored it sideways and says so in EXIF (Orientation 6)
                img, orientation = img.rotate(90, expand=True), 6
            return jpeg_bytes(img, 72, exif_orientation=orientation, dpi=PHOTO_DPI)
        spec.file = spec.file.replace("IMG_", "CamScanner_").replace(".jpg", ".pdf")
        return image_pdf(pages, PHOTO_DPI, 70)
    raise ValueError(f"unknown medium {spec.medium!r}")


def zip_bytes(files: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in files.items():
            info = zipfile.ZipInfo(name, date_time=FIXED_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.flag_bits |= 0x800  # UTF-8 names (Vietnamese file names)
            zf.writestr(info, data)
    return buf.getvalue()


def write_if_changed(path: Path, data: bytes) -> None:
    if path.exists() and path.read_bytes() == data:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def generate(seed: int, inbox: Path, expected_root: Path = SAMPLES) -> list[Dossier]:
    """Render every case into ``inbox`` and write its expected.json under ``expected_root``."""
    if inbox.exists():
        shutil.rmtree(inbox)
    inbox.mkdir(parents=True)
    cases = build(seed)
    for d in cases:
        rng = random.Random(f"{seed}:{d.case}:render")
        files = {}
        for spec in d.documents:
            data = render_document(d, spec, rng)
            files[spec.file] = data
        if d.zip:
            (inbox / f"{d.case}.zip").write_bytes(zip_bytes(files))
        else:
            for name, data in files.items():
                path = inbox / d.case / name
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(data)
        text = json.dumps(d.expected(), ensure_ascii=False, indent=2) + "\n"
        write_if_changed(expected_root / d.case / "expected.json", text.encode("utf-8"))
    names = {d.case for d in cases}
    for stale in expected_root.iterdir():
        if stale.is_dir() and CASE_DIR.match(stale.name) and stale.name not in names:
            shutil.rmtree(stale)
    return cases


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Sinh hồ sơ mẫu / generate the sample dossiers")
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--inbox", type=Path, default=SAMPLES / "inbox")
    args = ap.parse_args(argv)
    start = time.perf_counter()
    cases = generate(args.seed, args.inbox)
    size = sum(p.stat().st_size for p in args.inbox.rglob("*") if p.is_file())
    print(
        f"{len(cases)} hồ sơ mẫu / sample dossiers → {args.inbox} "
        f"({size / 1e6:.1f} MB, {time.perf_counter() - start:.1f} s, seed {args.seed})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
