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

_FIELDS = "field extraction incomplete (figures not yet read)"
_OCR = "scans/photos: classification or figures from OCR not yet reliable"

# case → why it is expected to fail today. ONE place; delete lines as features land.
XFAIL: dict[str, str] = {
    "02_chi_bo_dat_pdf": "text-PDF score table read as max; excused member not subtracted from voters",
    "03_dang_bo_dat_scan": _OCR,
    "04_chi_bo_dat_photo": _OCR,
    "05_dang_bo_dat_zip": "scanned score table (sub-item rows read as criteria); member count misread",
    "08_dang_vien_tot_duoi_80": _OCR,
    "10_khong_du_so_luong": "text-PDF score table misread; 'Số đảng viên bị kỷ luật | 0' read as members_total",
    "12_thieu_sinh_hoat_thuong_ky": _OCR,
    "13_thieu_sinh_hoat_chuyen_de": _OCR,
    "16_chi_bo_truc_thuoc_tot_duoi_80": "subordinate ratings in text-PDF prose not read",
    "17_can_duoc_bon_tot_duoi_90": "members_total misread ('năm 2024')",
    "18_can_duoc_dat": "false MEMBER_COUNT_MISMATCH ('Số đảng viên bị kỷ luật' read as members)",
    "19_phieu_bau_khong_khop": _OCR,
    "20_diem_thanh_phan_khong_khop": _FIELDS,
    "21_tong_diem_sai": "false MEMBER_COUNT_MISMATCH ('Số đảng viên bị kỷ luật' read as members)",
    "25_so_dang_vien_khac": "text-PDF score table misread",
    "27_nop_muon": "text-PDF score table misread",
    "30_bien_ban_hong": "text-PDF score table misread (false SCORE_INCONSISTENT)",
    "31_co_ke_hoach": "false MEMBER_COUNT_MISMATCH ('Số đảng viên bị kỷ luật' read as members)",
}


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
