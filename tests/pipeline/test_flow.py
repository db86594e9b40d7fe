"""A real ``process-batch`` flow run: every dossier gets a result, a zip equals its folder."""

from __future__ import annotations

import functools
import json
import shutil
import zipfile
from pathlib import Path

import pytest

from tests import builders

pytestmark = pytest.mark.slow


def _dossier(root: Path) -> Path:
    builders.make_docx(root / "To trinh.docx", builders.TO_TRINH)
    builders.make_text_pdf(root / "scan0001.pdf", [builders.BIEN_BAN])
    builders.make_docx(root / "Bao cao/Báo cáo năm 2024.docx", builders.BAO_CAO)
    builders.make_text_pdf(root / "phieu.pdf", [builders.PHIEU])
    builders.make_docx(root / "ke hoach.docx", builders.KE_HOACH)
    return root


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory):
    from pipeline.flows import run_batch

    base = tmp_path_factory.mktemp("flow")
    inbox = base / "inbox"
    folder = _dossier(inbox / "hs01")
    with zipfile.ZipFile(inbox / "hs02.zip", "w") as zf:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                zf.write(path, path.relative_to(folder).as_posix())
    (inbox / "hs03").mkdir()  # an empty dossier still gets a result
    (inbox / "ghi chu.txt").write_text("không phải hồ sơ", "utf-8")
    out = base / "out"
    return run_batch(inbox, out, workers=2), out


def test_every_dossier_gets_a_result(batch) -> None:
    outcome, out = batch
    assert sorted(d.id for d in outcome.dossiers) == ["hs01", "hs02", "hs03"]
    assert [p.name for p in outcome.stray] == ["ghi chu.txt"]
    for d in ("hs01", "hs02", "hs03"):
        result = json.loads((out / d / "result.json").read_text("utf-8"))
        assert result["schema_version"] == 1 and result["dossier_id"] == d


def test_documents_are_classified(batch) -> None:
    _, out = batch
    result = json.loads((out / "hs01" / "result.json").read_text("utf-8"))
    types = {d["file"]: d["type"] for d in result["documents"]}
    assert types == {
        "To trinh.docx": "to_trinh",
        "scan0001.pdf": "bien_ban_kiem_phieu",
        "Bao cao/Báo cáo năm 2024.docx": "bao_cao",
        "phieu.pdf": "phieu_tu_danh_gia",
        "ke hoach.docx": "khac",
    }
    sources = {d["file"]: d["source"] for d in result["documents"]}
    assert sources["scan0001.pdf"] == "pdf_text" and sources["To trinh.docx"] == "docx"
    assert all(len(d["sha256"]) == 64 for d in result["documents"])


def test_zip_gives_the_same_result_as_the_folder(batch) -> None:
    _, out = batch
    a = json.loads((out / "hs01" / "result.json").read_text("utf-8"))
    b = json.loads((out / "hs02" / "result.json").read_text("utf-8"))
    for r in (a, b):
        for key in ("dossier_id", "processed_at"):
            r.pop(key)
    assert a == b


def test_empty_dossier_is_reported(batch) -> None:
    _, out = batch
    result = json.loads((out / "hs03" / "result.json").read_text("utf-8"))
    assert result["verdict"] != "dat"
    assert any(f["code"] == "NOT_PROCESSED" for f in result["flags"])


def test_cli_process_exit_code_and_location(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from pipeline.cli import app

    inbox = tmp_path / "inbox"
    _dossier(inbox / "hs01")
    shutil.copytree(inbox / "hs01", inbox / "hs 02")
    res = CliRunner().invoke(app, ["process", str(inbox), "--out", str(tmp_path / "out"), "--workers", "1"])
    assert res.exit_code == 0, res.output
    assert str((tmp_path / "out").resolve()) in res.stdout
    assert (tmp_path / "out" / "hs 02" / "result.json").exists()


def _small_inbox(root: Path, n: int) -> Path:
    for i in range(n):
        (root / f"hs{i:02d}").mkdir(parents=True)
        (root / f"hs{i:02d}" / "ghi chu.txt").write_text("không phải văn bản hồ sơ", "utf-8")
    return root


@pytest.mark.parametrize(("seconds", "fewest", "most"), [(60.0, 1, 2), (1e-6, 6, 6)])
def test_tasks_take_dossiers_until_their_time_is_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seconds: float, fewest: int, most: int
) -> None:
    """With time to spare a task run goes on to the next dossier (two workers: at most two task runs);
    with none, each task run does one. Either way every dossier is done once and gets its result."""
    from pipeline import flows

    calls: list[list[str]] = []
    real = flows.process_dossiers_task.fn

    @functools.wraps(real)  # Prefect names the task run from the signature's parameters
    def spy(*args, **kwargs):
        done = real(*args, **kwargs)
        calls.append(done)
        return done

    monkeypatch.setattr(flows.process_dossiers_task, "fn", spy)
    monkeypatch.setenv("HOSO_TASK_SECONDS", str(seconds))
    inbox = _small_inbox(tmp_path / "inbox", 6)
    batch = flows.run_batch(inbox, tmp_path / "out", workers=2, reuse=False)
    done = [d for c in calls for d in c]
    assert sorted(done) == [f"hs{i:02d}" for i in range(6)]  # each once
    assert sorted(d.id for d in batch.dossiers) == sorted(done)
    # a task run launched as the last dossier was being taken by another finds the queue empty: not a run
    # that did work, and not one the time limit is about
    worked = [c for c in calls if c]
    assert fewest <= len(worked) <= most
    assert all((tmp_path / "out" / d / "result.json").exists() for d in done)


def test_no_time_per_task_is_one_task_run_per_dossier(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pipeline import flows

    seen: list[str] = []
    real = flows.process_dossier_task.fn

    @functools.wraps(real)
    def spy(src, *args, **kwargs):
        seen.append(src.id)
        return real(src, *args, **kwargs)

    monkeypatch.setattr(flows.process_dossier_task, "fn", spy)
    monkeypatch.setenv("HOSO_TASK_SECONDS", "0")
    batch = flows.run_batch(_small_inbox(tmp_path / "inbox", 3), tmp_path / "out", workers=2, reuse=False)
    assert sorted(seen) == ["hs00", "hs01", "hs02"] == sorted(d.id for d in batch.dossiers)
