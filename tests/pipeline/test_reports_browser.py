"""The review sheet in a real headless Chromium, offline: the verdict and a flag are visible."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from pipeline.reports import write_dossier_reports
from tests.pipeline.test_reports import build_case

pytestmark = pytest.mark.browser

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
# No network at all: background services off, every host name unresolvable, any proxy a dead port.
OFFLINE = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--no-first-run",
    "--no-default-browser-check",
    "--host-resolver-rules=MAP * ~NOTFOUND",
    "--proxy-server=http://127.0.0.1:9",
    "--hide-scrollbars",
]


def _chromium(tmp: Path, *args: str) -> subprocess.CompletedProcess[str]:
    if CHROMIUM is None:
        pytest.skip(
            "chromium is not installed (apt-get install chromium; it is in the Makefile's APT_PACKAGES)"
        )
    profile = tmp / "chrome-profile"
    return subprocess.run(
        [CHROMIUM, *OFFLINE, f"--user-data-dir={profile}", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture(scope="module")
def sheet(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("browser")
    result, dossier = build_case(tmp)
    write_dossier_reports(result, dossier, tmp / "out")
    return tmp / "out" / "review.html"


def test_verdict_and_flag_are_visible_text(sheet: Path, tmp_path: Path) -> None:
    """Printed to PDF by Chromium, the page's visible text holds the verdict and the error flag."""
    pdf = tmp_path / "review.pdf"
    run = _chromium(tmp_path, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", sheet.as_uri())
    assert pdf.exists(), run.stderr[-2000:]
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Không đạt" in text
    assert "Tiêu chí 3 đạt 92% (< 95%)" in text
    assert "<script>" in text  # the dossier's markup is shown as text, not run


def test_verdict_banner_is_drawn_in_red(sheet: Path, tmp_path: Path) -> None:
    """A screenshot: the verdict box (top right) is painted in the khong_dat red, and the dossier's script did not run."""
    png = tmp_path / "shot.png"
    run = _chromium(tmp_path, "--window-size=1280,900", f"--screenshot={png}", sheet.as_uri())
    assert png.exists(), run.stderr[-2000:]
    img = Image.open(png).convert("RGB")
    box = img.crop((img.width // 2, 0, img.width, 260))
    px = np.asarray(box).astype(int)
    red = int(((abs(px[..., 0] - 0xB3) < 30) & (px[..., 1] < 70) & (px[..., 2] < 70)).sum())
    assert red > 500


def test_dom_after_scripts_has_no_injected_elements(sheet: Path, tmp_path: Path) -> None:
    run = _chromium(tmp_path, "--dump-dom", sheet.as_uri())
    dom = run.stdout
    assert 'data-verdict="khong_dat"' in dom
    assert "evil.example" in dom  # as text …
    assert '<img src="http://evil' not in dom and "<script>alert" not in dom  # … never as elements


def test_dashboard_filter_by_unit_folds_diacritics(tmp_path: Path) -> None:
    """index.html#q=giao duc (typed without accents) leaves only "Chi bộ Phòng Giáo dục" shown."""
    import datetime as dt

    from pipeline.reports import write_batch_reports
    from tests.pipeline.test_reports import BATCH, _outcome

    out = tmp_path / "out"
    outcomes = []
    for did, unit, verdict in BATCH:
        result, _ = build_case(tmp_path, dossier_id=did, unit=unit or "")
        result.unit.name, result.verdict = unit, verdict
        outcomes.append(_outcome(out, result))
    write_batch_reports(out, outcomes, "mac-dinh", today=dt.date(2025, 2, 1))
    dom = _chromium(tmp_path, "--dump-dom", (out / "index.html").as_uri() + "#q=giao%20duc").stdout
    rows = re.findall(r"<tr [^>]*data-q=[^>]*>", dom)
    assert len(rows) == len(BATCH)
    shown = [re.search(r'data-q="([^"]*)"', tr).group(1) for tr in rows if "hidden" not in tr]
    assert shown == ["chi bo phong giao duc hs02 dang bo co quan chinh quyen huyen"]
    assert "Đang hiện 1/5 hồ sơ" in dom
