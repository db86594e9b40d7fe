"""Memory and disk stay bounded on the heaviest bad inputs, each run in a fresh process.

A behaviour bound, not a speed test: the peak RSS of the process reading one hostile dossier
(and of the Tesseract processes it started) stays far below what the file claims to hold.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.settings import Settings
from tests.badinput.corpus import BY_KIND, write_case

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
PEAK_RSS_MB = 1536
HEAVY = [
    "png_30000px",
    "png_bomb_under_pil_limit",
    "tiff_huge_dimensions",
    "pdf_10000_pages",
    "docx_zip_bomb",
    "docx_billion_laughs",
    "zip_bomb",
]


def run_worker(inbox: Path, out: Path) -> dict:
    proc = subprocess.run(
        [sys.executable, "-m", "tests.badinput.worker", str(inbox), str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
        env={
            "PATH": "/usr/bin:/bin",
            "OMP_THREAD_LIMIT": "1",
            "HOME": str(out.parent),
            "TMPDIR": str(out.parent),
        },
    )
    return json.loads(proc.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("kind", HEAVY)
def test_memory_and_disk_stay_bounded(kind: str, tmp_path: Path) -> None:
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    write_case(BY_KIND[kind], inbox)
    figures = run_worker(inbox, out)
    print(kind, json.dumps({k: v for k, v in figures.items() if k != "flags"}))
    assert figures["rss_self_mb"] < PEAK_RSS_MB and figures["rss_children_mb"] < PEAK_RSS_MB, figures
    # Whatever a bomb claims, what is left on disk is bounded by the unzip limit.
    assert figures["out_bytes"] <= Settings().max_unzip_bytes + (16 << 20), figures
    assert figures["flags"][kind], figures
    # Tesseract and everything else cleaned up their temporary files.
    leftovers = [p for p in tmp_path.iterdir() if p.name not in ("inbox", "out")]
    assert leftovers == [], leftovers
