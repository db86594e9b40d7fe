"""Benchmarks: ``make bench`` runs every section; ``--only ocr`` runs one. Results merge into results.json.

A section is a module ``bench/<name>.py`` with ``run(runs: int, workdir: Path) -> dict``; the dict
it returns goes under its name in ``bench/results.json`` (other sections are left as they are) and
its ``"table"`` (a list of rows, the first the header) is printed.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("OMP_THREAD_LIMIT", "1")

# name -> module under bench/; add a line here to add a section.
SECTIONS: dict[str, str] = {
    "ocr": "bench.ocr",  # hoso's OCR stage vs plain tesseract on the same pages
    "batch": "bench.batch",
    "photos": "bench.photos",  # seconds per page on the photo and scan dossiers of the samples  # batches: OCR vs floor and OCRmyPDF, Word-only rate, re-run, overhead, memory, scaling
}
RESULTS = ROOT / "bench" / "results.json"


def print_table(rows: list[list[object]]) -> None:
    if not rows:
        return
    cells = [[str(c) for c in row] for row in rows]
    widths = [max(len(r[i]) for r in cells if i < len(r)) for i in range(len(cells[0]))]
    for n, row in enumerate(cells):
        print(
            "  ".join(
                c.rjust(w) if i else c.ljust(w) for i, (c, w) in enumerate(zip(row, widths, strict=False))
            )
        )
        if n == 0:
            print("  ".join("-" * w for w in widths))


def merge_results(name: str, result: dict) -> None:
    data = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    data[name] = result
    RESULTS.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="hoso benchmarks / đo hiệu năng")
    parser.add_argument("--only", action="append", choices=sorted(SECTIONS), help="run only this section")
    parser.add_argument("--runs", type=int, default=3, help="timed runs per measurement (default 3)")
    parser.add_argument("--workdir", type=Path, default=ROOT / ".work" / "bench")
    args = parser.parse_args(argv)
    for name in args.only or list(SECTIONS):
        module = importlib.import_module(SECTIONS[name])
        print(f"\n== {name} ==")
        started = time.perf_counter()
        result = module.run(args.runs, args.workdir / name)
        result["meta"] = {
            "when": time.strftime("%Y-%m-%d %H:%M:%S"),
            "machine": platform.machine(),
            "cores": len(os.sched_getaffinity(0)),
            "load_avg_at_end": os.getloadavg()[0],
            "seconds": round(time.perf_counter() - started, 1),
        }
        for title, rows in result.get("tables", {"": result.get("table", [])}).items():
            if title:
                print(f"\n{title}")
            print_table(rows)
        merge_results(name, result)
    print(f"\nresults: {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
