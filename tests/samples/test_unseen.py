"""The unseen corpus: families cover every document type, the truth fits each dossier's purpose, and
the rendered files are frozen (``samples/unseen/hashes.json``)."""

from __future__ import annotations

import io
import json
from collections import Counter

import pytest
from docx import Document

from samples.evaluate import score_case
from samples.unseen.corpus import DEV, build, expected, split_of
from samples.unseen.families import FAMILIES, manifest
from samples.unseen.make import UNSEEN, frozen, generate, render
from tests.samples.test_generator import failed_thresholds

CORPUS = build()
ROUND1 = [d for d in CORPUS if d.case[0] in "uh"]  # u* dev, h* heldout
ROUND3 = [d for d in CORPUS if d.case.startswith("r3_")]
REQUIRED = ("to_trinh", "bien_ban_kiem_phieu", "bao_cao", "phieu_tu_danh_gia")


def test_families_per_document_type_and_split() -> None:
    fams = manifest()
    assert set(fams) == set(FAMILIES)
    for doc_type in REQUIRED:
        mine = [f for f in fams.values() if f["doc_type"] == doc_type]
        dev = [f for f in mine if f["split"] == "dev"]
        assert len(mine) >= 3, doc_type
        assert 1 <= len(dev) <= len(mine) / 2, doc_type
    assert {f["id"] for f in fams.values() if f["split"] == "dev"} == set(DEV)


def test_corpus_shape() -> None:
    assert 30 <= len(ROUND1) <= 40
    assert {d.kind for d in ROUND1} == {"chi_bo", "dang_bo_co_so"}
    media = Counter(d.medium for d in ROUND1)
    assert {"docx", "pdf_text", "scan", "photo", "mixed"} <= set(media)
    ocr = sum(1 for d in ROUND1 if any(s.medium in ("scan", "photo") for s in d.documents))
    assert 8 <= ocr <= 12
    clean = sum(1 for d in ROUND1 if d.verdict == "dat")
    assert 0.4 <= clean / len(ROUND1) <= 0.6
    used = Counter(s.template for d in CORPUS for s in d.documents)
    assert set(used) == set(FAMILIES), set(FAMILIES) - set(used)
    for d in CORPUS:  # a dossier never mixes dev and heldout families
        splits = {manifest()[s.template]["split"] for s in d.documents}
        assert splits == {split_of(d)}, d.case
        assert [s.doc_type for s in d.documents] == [
            t for t in REQUIRED if t in {s.doc_type for s in d.documents}
        ]


@pytest.mark.parametrize("d", CORPUS, ids=[d.case for d in CORPUS])
def test_truth_matches_the_dossier_purpose(d) -> None:
    failing = failed_thresholds(d)
    assert len(d.flags) <= 1
    if d.verdict == "khong_dat":
        assert failing == set(d.flags), failing
    else:
        assert not failing, failing
    ballots_add_up = (
        d.ballots_valid + d.ballots_invalid == d.ballots_returned
        and d.votes_for + d.votes_against == d.ballots_valid
    )
    assert ballots_add_up != ("BALLOT_COUNT_INCONSISTENT" in d.flags)
    assert d.ballots_issued <= d.voters_eligible
    exp = expected(d)
    assert not set(exp["flags"]) & set(exp["forbidden_flags"])
    assert score_case(exp, {**exp, "flags": [{"code": c} for c in exp["flags"]]}).passed


def test_round3_shape() -> None:
    """Round 3: 24 held-out dossiers from the twelve r3 families only, half clean, a third through OCR."""
    assert len(ROUND3) == 24
    r3 = {f["id"] for f in manifest().values() if f.get("round") == 3}
    assert len(r3) == 12 and all(manifest()[f]["split"] == "heldout" for f in r3)
    for doc_type in REQUIRED:
        assert sum(1 for f in r3 if manifest()[f]["doc_type"] == doc_type) == 3, doc_type
    used = {s.template for d in ROUND3 for s in d.documents}
    assert used == r3
    assert all(split_of(d) == "heldout" for d in ROUND3)
    assert {d.kind for d in ROUND3} == {"chi_bo", "dang_bo_co_so"}
    assert {"docx", "pdf_text", "scan", "photo", "mixed"} <= {d.medium for d in ROUND3}
    ocr = sum(1 for d in ROUND3 if any(s.medium in ("scan", "photo") for s in d.documents))
    assert 6 <= ocr <= 10
    clean = sum(1 for d in ROUND3 if d.verdict == "dat")
    assert 0.4 <= clean / len(ROUND3) <= 0.6
    assert all(len(d.flags) == 1 for d in ROUND3 if d.verdict != "dat")


def test_counts_in_words() -> None:
    from samples.unseen.families.r3_common import said, words

    assert [words(n) for n in (0, 5, 10, 15, 21, 24, 30, 105, 115, 200)] == [
        "không", "năm", "mười", "mười lăm", "hai mươi mốt", "hai mươi tư", "ba mươi",
        "một trăm linh năm", "một trăm mười lăm", "hai trăm",
    ]  # fmt: skip
    assert said(1) == "01 (một)" and said(16) == "16 (mười sáu)"


def test_committed_expected_files_are_the_truth() -> None:
    for d in CORPUS:
        if any(s.medium == "photo" for s in d.documents):
            continue  # a multi-page photo is renamed while it is rendered; the full check below covers it
        path = UNSEEN / d.case / "expected.json"
        assert json.loads(path.read_text("utf-8")) == expected(d), d.case


def _docx_text(data: bytes) -> str:
    doc = Document(io.BytesIO(data))
    parts = [p.text for p in doc.paragraphs]
    parts += [" | ".join(c.text for c in row.cells) for t in doc.tables for row in t.rows]
    return "\n".join(parts)


def test_word_and_text_pdf_files_are_frozen(tmp_path) -> None:
    """Re-render the Word and text-PDF files and compare with the frozen hashes: the corpus cannot drift."""
    hashes = generate(tmp_path / "inbox", tmp_path / "expected", media={"docx", "pdf_text"})
    ref = frozen()
    assert hashes, "nothing rendered"
    assert {k: ref.get(k) for k in hashes} == hashes


@pytest.mark.slow
def test_scans_and_photos_are_frozen_too(tmp_path) -> None:
    """One scanned and one photographed dossier (all ten: ``python -m samples.unseen.make``, exit 1 on drift)."""
    cases = {"h16_chi_bo_dat_scan", "u09_thieu_chuyen_de_anh", "r3_05_chi_bo_dat_anh"}
    hashes = generate(tmp_path / "inbox", tmp_path / "expected", media={"scan", "photo"}, cases=cases)
    assert {k.split("/")[0] for k in hashes} == cases
    ref = frozen()
    assert {k: ref.get(k) for k in hashes} == hashes
    for path in (tmp_path / "expected").glob("*/expected.json"):
        assert path.read_text("utf-8") == (UNSEEN / path.parent.name / "expected.json").read_text("utf-8")


def test_label_table_family_writes_the_issue_variants() -> None:
    d = next(d for d in CORPUS if d.case == "u05_chi_bo_mien_sinh_hoat")
    spec = next(s for s in d.documents if s.doc_type == "bien_ban_kiem_phieu")
    spec = type(spec)(spec.doc_type, "BBK-2", "bb.docx", "docx")
    text = _docx_text(render(d, spec))
    assert f"Đảng viên trong danh sách | {d.members_total} (chính thức {d.members_official}," in text
    assert f"Số đảng viên chính thức tham gia biểu quyết | {d.ballots_issued}" in text
    assert "so với tổng số người có quyền biểu quyết" in text
