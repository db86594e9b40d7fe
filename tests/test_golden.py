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
