"""The flow on a local Dask cluster (two workers) gives the results of the default thread runner; re-runs reuse."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from .watch_helpers import word_dossier

pytestmark = pytest.mark.slow


def _results(out: Path) -> dict[str, dict]:
    results = {}
    for path in sorted(out.glob("*/result.json")):
        r = json.loads(path.read_text("utf-8"))
        r.pop("processed_at", None)
        results[path.parent.name] = r
    return results


@pytest.fixture(scope="module")
def inbox(tmp_path_factory: pytest.TempPathFactory) -> Path:
    inbox = tmp_path_factory.mktemp("dask") / "inbox"
    for i in range(3):
        word_dossier(inbox / f"hs{i}", i)
    folder = word_dossier(inbox.parent / "z" / "hs9", 9)
    with zipfile.ZipFile(inbox / "hs9.zip", "w") as zf:
        for p in sorted(folder.rglob("*")):
            if p.is_file():
                zf.write(p, p.relative_to(folder).as_posix())
    return inbox


def test_dask_runner_gives_the_same_results(inbox: Path, tmp_path: Path) -> None:
    from pipeline.flows import run_batch

    a = run_batch(inbox, tmp_path / "thread", workers=2, runner="thread", reuse=False)
    b = run_batch(inbox, tmp_path / "dask", workers=2, runner="dask", reuse=False)
    assert (
        sorted(d.id for d in a.dossiers) == sorted(d.id for d in b.dossiers) == ["hs0", "hs1", "hs2", "hs9"]
    )
    assert _results(tmp_path / "thread") == _results(tmp_path / "dask")
    assert (tmp_path / "dask" / "index.html").exists()


def test_flow_rerun_reuses_unchanged_dossiers(inbox: Path, tmp_path: Path) -> None:
    from pipeline.flows import run_batch

    out = tmp_path / "out"
    first = run_batch(inbox, out, workers=2)
    stamp = (out / "index.html").stat().st_mtime_ns
    again = run_batch(inbox, out, workers=2)
    assert first.reused == 0 and again.reused == 4
    assert [d.verdict for d in first.dossiers] == [d.verdict for d in again.dossiers]
    assert (out / "index.html").stat().st_mtime_ns == stamp  # nothing changed: the reports are kept

    changed = word_dossier(tmp_path / "changed", 42)
    (inbox / "hs1" / "Bien ban.docx").write_bytes((changed / "Bien ban.docx").read_bytes())
    third = run_batch(inbox, out, workers=2)
    assert third.reused == 3 and not next(d for d in third.dossiers if d.id == "hs1").reused
    assert (out / "index.html").stat().st_mtime_ns != stamp
