"""How many A4 pages each review sheet prints on: Chromium prints ``OUT/*/review.html`` to PDF.

    .venv/bin/python -m bench.print_pages out            # after `make run`
    .venv/bin/python -m bench.print_pages out --keep pdf  # keep the PDFs in ./pdf

The sheet's print CSS aims at three pages at most for a clean dossier (``tests/pipeline/test_print.py``).
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--no-pdf-header-footer",
)


def chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


def print_to_pdf(html: Path, pdf: Path, browser: str | None = None) -> None:
    browser = browser or chromium()
    if browser is None:
        raise RuntimeError("chromium not found")
    subprocess.run(
        [browser, *CHROMIUM_FLAGS, f"--print-to-pdf={pdf}", html.resolve().as_uri()],
        check=True,
        capture_output=True,
        timeout=120,
    )


def page_count(pdf: Path) -> int:
    import pypdfium2

    doc = pypdfium2.PdfDocument(str(pdf))
    try:
        return len(doc)
    finally:
        doc.close()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path, help="the OUT folder of `hoso process`")
    ap.add_argument("--keep", type=Path, help="keep the PDFs in this folder")
    args = ap.parse_args(argv)
    sheets = sorted(args.out.glob("*/review.html"))
    if not sheets:
        print(f"no review.html under {args.out}", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        where = args.keep or Path(tmp)
        where.mkdir(parents=True, exist_ok=True)
        print(f"{'hồ sơ / dossier':<42} {'kết quả / verdict':<12} trang A4 / pages")
        worst_clean = 0
        for html in sheets:
            pdf = where / f"{html.parent.name}.pdf"
            print_to_pdf(html, pdf)
            n = page_count(pdf)
            try:
                verdict = json.loads((html.parent / "result.json").read_text("utf-8"))["verdict"]
            except (OSError, ValueError, KeyError):
                verdict = "?"
            if verdict == "dat":
                worst_clean = max(worst_clean, n)
            print(f"{html.parent.name:<42} {verdict:<12} {n}")
        print(f"most pages of a clean (dat) dossier / nhiều trang nhất của hồ sơ đạt: {worst_clean}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
