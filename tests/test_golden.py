"""Golden test: ``hoso process`` over the sample inbox, one test per case against its expected.json.

The inbox is processed once per session (one batch per rule profile, see samples/evaluate.py).
``HOSO_REGEN=1`` regenerates the samples and their expected files first (samples/make_samples.py).
Cases that today's pipeline cannot pass yet are listed in XFAIL with the reason; remove a line
as the feature lands (strict=False, so a case that starts passing is reported as XPASS, not an error).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from samples.evaluate import INBOX, SAMPLES, find_result, load_expected, process, score_case

pytestmark = pytest.mark.slow

# case → why it is expected to fail today. ONE place; delete lines as features land.
XFAIL: dict[str, str] = {}


def _regenerate() -> None:
    from samples.make_samples import DEFAULT_SEED, generate

    generate(DEFAULT_SEED, INBOX)


if os.environ.get("HOSO_REGEN") == "1":  # before collection: the expected files decide the parameters
    _regenerate()
EXPECTED = load_expected(SAMPLES)


def _params() -> list:
    out = []
    for case in EXPECTED:
        marks = [pytest.mark.xfail(reason=XFAIL[case], strict=False)] if case in XFAIL else []
        out.append(pytest.param(case, marks=marks, id=case))
    return out


@pytest.fixture(scope="session")
def golden_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every sample processed once (one batch per profile); the results folder."""
    if not INBOX.exists():  # the inbox is generated (gitignored); make test builds it, this is a fallback
        _regenerate()
    out = tmp_path_factory.mktemp("golden") / "out"
    out.mkdir()
    process(INBOX, out, workers=2)
    return out


def test_there_are_enough_cases() -> None:
    assert len(EXPECTED) >= 20
    assert {e["unit"]["kind"] for e in EXPECTED.values()} == {"chi_bo", "dang_bo_co_so"}
    assert set(XFAIL) <= set(EXPECTED), "XFAIL names a case that does not exist"


@pytest.mark.parametrize("case", _params())
def test_golden(case: str, golden_out: Path) -> None:
    path = find_result(golden_out, case)
    assert path is not None, f"no result.json for {case}"
    score = score_case(EXPECTED[case], json.loads(path.read_text("utf-8")))
    assert not score.misses, f"{case}: " + "; ".join(score.misses)


# ---- the sheets of every sample, as a reviewer reads them --------------------------------------------

# Words that only show when an English note or a code stands where a Vietnamese label belongs.
NOT_ON_A_SHEET = (
    "Stated",
    "percentage",
    "favour",
    "disciplined",
    "organisations",
    "members_",
    "votes_",
    "ratings.",
    "subordinates_",
    "criteria_",
    "unit_name",
    "None",
    "seed",
    "mac-dinh",
    "can-duoc",
)


def _forbidden(text: str) -> list[str]:
    import re

    from validators.codes import FlagCode

    found = [w for w in NOT_ON_A_SHEET if w in text]
    found += [c.value for c in FlagCode if re.search(rf"\b{c.value}\b", text)]
    found += re.findall(r"\b00[0-3]_\w*", text)
    return found


def _visible_text(html: str) -> str:
    """What a reader sees: text outside <style>/<script>, without attributes (tooltips are for technicians)."""
    from html.parser import HTMLParser

    class Text(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.parts: list[str] = []
            self.skip = 0

        def handle_starttag(self, tag, attrs) -> None:
            self.skip += tag in ("style", "script", "title")

        def handle_endtag(self, tag) -> None:
            self.skip -= tag in ("style", "script", "title")

        def handle_data(self, data) -> None:
            if not self.skip:
                self.parts.append(data)

    parser = Text()
    parser.feed(html)
    return " ".join(parser.parts)


def test_sheets_are_in_vietnamese_without_codes(golden_out: Path) -> None:
    """Every review.html and review.docx of the samples: no English label, raw code or seed file name."""
    import docx

    sheets = sorted(golden_out.glob("**/review.html"))
    assert len(sheets) >= len(EXPECTED)
    bad = {}
    for html in sheets:
        text = _visible_text(html.read_text("utf-8"))
        word = docx.Document(str(html.with_suffix(".docx")))
        cells = [c.text for t in word.tables for r in t.rows for c in r.cells]
        text_docx = " ".join([p.text for p in word.paragraphs] + cells)
        for name, found in (("html", _forbidden(text)), ("docx", _forbidden(text_docx))):
            if found:
                bad[f"{html.parent.name}/{name}"] = sorted(set(found))
    assert bad == {}


def test_verdict_line_names_the_dossiers_reasons(golden_out: Path) -> None:
    """The line under the verdict is this dossier's: a failing one names its threshold and figure."""
    import re

    lines = {}
    for html in golden_out.glob("**/review.html"):
        m = re.search(r'<p class="why" id="why">(.*?)</p>', html.read_text("utf-8"), re.S)
        assert m, html
        lines[html.parent.name] = m.group(1)
    assert lines["06_tieu_chi_duoi_95"].startswith("Không đạt: tiêu chí 3")
    assert "92%" in lines["06_tieu_chi_duoi_95"]
    assert "kỷ luật" in lines["11_co_ky_luat"]
    assert lines["28_thieu_phieu_tu_danh_gia"].startswith("Cần bổ sung hồ sơ: hồ sơ thiếu Phiếu tự đánh giá")
    failing = [v for k, v in lines.items() if v.startswith("Không đạt")]
    assert len(set(failing)) == len(failing)  # no two failing dossiers share a sentence


def test_flags_with_a_place_point_at_it(golden_out: Path) -> None:
    """A flag about a value in a file names its place (page, paragraph or table row), not just the file."""
    placeless = []
    for path in golden_out.glob("**/result.json"):
        result = json.loads(path.read_text("utf-8"))
        for flag in result["flags"]:
            if flag["code"] in ("MISSING_DOCUMENT", "UNREADABLE_FILE", "UNSUPPORTED_FILE", "NOT_PROCESSED"):
                continue  # about a whole file, or one that is not there
            ev = flag["evidence"]
            if ev and not any(e.get("page") or e.get("block") is not None for e in ev):
                placeless.append((path.parent.name, flag["code"], flag["message"][:60]))
    assert placeless == []


@pytest.mark.browser
def test_clean_sheets_print_on_three_a4_pages(golden_out: Path, tmp_path: Path) -> None:
    """Chromium prints each clean (dat) dossier's review.html on at most three A4 pages."""
    import shutil

    from bench.print_pages import page_count, print_to_pdf

    if not (shutil.which("chromium") or shutil.which("chromium-browser")):
        pytest.skip("chromium is not installed (it is in the Makefile's APT_PACKAGES)")
    pages = {}
    for html in sorted(golden_out.glob("**/review.html")):
        if json.loads((html.parent / "result.json").read_text("utf-8"))["verdict"] != "dat":
            continue
        pdf = tmp_path / f"{html.parent.name}.pdf"
        print_to_pdf(html, pdf)
        pages[html.parent.name] = page_count(pdf)
    assert pages and max(pages.values()) <= 3, pages
