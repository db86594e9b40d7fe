"""The stages of one dossier: files read side by side where OCR may be needed, in order, with their log context."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from extractors.readers.base import ReadContext
from pipeline import logctx, stages
from validators import DossierFile


@pytest.fixture
def fake_reader(monkeypatch: pytest.MonkeyPatch):
    """read_one that takes a while and notes how many reads overlap and what context each saw."""
    state = {"active": 0, "peak": 0, "seen": []}
    lock = threading.Lock()

    def read_one(name: str, path: Path, ctx: ReadContext) -> DossierFile:
        with lock:
            state["active"] += 1
            state["peak"] = max(state["peak"], state["active"])
            state["seen"].append((logctx.dossier_var.get(), logctx.file_var.get()))
        time.sleep(0.15)
        with lock:
            state["active"] -= 1
        return DossierFile(file=name, sha256="")

    monkeypatch.setattr(stages, "read_one", read_one)
    return state


def test_files_that_may_need_ocr_are_read_side_by_side_in_order(tmp_path: Path, fake_reader) -> None:
    files = [(n, tmp_path / n) for n in ("To trinh.docx", "bien ban.jpg", "Bao cao.pdf", "phieu.PNG")]
    with logctx.dossier("hs07"):
        read = stages.read_all(files, ReadContext(workdir=tmp_path, ocr_threads=2))
    assert [f.file for f in read] == [n for n, _ in files]
    assert fake_reader["peak"] == 2
    assert sorted(fake_reader["seen"]) == sorted(("hs07", n) for n, _ in files)


def test_word_files_and_one_core_read_one_at_a_time(tmp_path: Path, fake_reader) -> None:
    words = [(n, tmp_path / n) for n in ("a.docx", "b.docx", "c.doc", "d.pdf")]
    stages.read_all(words, ReadContext(workdir=tmp_path, ocr_threads=2))
    assert fake_reader["peak"] == 1
    scans = [(n, tmp_path / n) for n in ("a.pdf", "b.jpg")]
    stages.read_all(scans, ReadContext(workdir=tmp_path, ocr_threads=1))
    assert fake_reader["peak"] == 1
