"""Re-runs reuse earlier work keyed by file contents, code and profile; a changed file invalidates its dossier."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pipeline.inbox import discover
from pipeline.settings import Settings
from pipeline.stages import process_or_reuse

from .watch_helpers import word_dossier

TODAY = dt.date(2025, 1, 10)


def _run(inbox: Path, out: Path, **kw) -> dict[str, bool]:
    settings = Settings(**kw)
    sources, _ = discover(inbox)
    return {s.id: process_or_reuse(s, out, settings, today=TODAY).reused for s in sources}


def test_rerun_reuses_everything_and_a_change_invalidates_only_its_dossier(tmp_path: Path) -> None:
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    for i in range(3):
        word_dossier(inbox / f"hs{i}", i)
    assert _run(inbox, out) == {"hs0": False, "hs1": False, "hs2": False}
    stamp = (out / "hs1" / "result.json").stat().st_mtime_ns
    assert _run(inbox, out) == {"hs0": True, "hs1": True, "hs2": True}
    assert (out / "hs1" / "result.json").stat().st_mtime_ns == stamp  # not even rewritten

    word_dossier(tmp_path / "other", 99)
    (inbox / "hs1" / "To trinh.docx").write_bytes((tmp_path / "other" / "To trinh.docx").read_bytes())
    assert _run(inbox, out) == {"hs0": True, "hs1": False, "hs2": True}

    (inbox / "hs2" / "ghi chu.docx").write_bytes(
        (tmp_path / "other" / "Bien ban.docx").read_bytes()
    )  # a file added
    assert _run(inbox, out) == {"hs0": True, "hs1": True, "hs2": False}


def test_another_profile_or_a_damaged_output_is_not_reused(tmp_path: Path) -> None:
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    word_dossier(inbox / "hs0", 0)
    _run(inbox, out)
    assert _run(inbox, out, profile="can-duoc") == {"hs0": False}
    assert _run(inbox, out) == {"hs0": False}  # OUT now holds the other profile's result
    assert _run(inbox, out) == {"hs0": True}
    (out / "hs0" / "result.json").write_text("{}", "utf-8")  # edited by hand: processed again
    assert _run(inbox, out) == {"hs0": False}
    (out / "hs0" / "review.docx").unlink()
    assert _run(inbox, out) == {"hs0": False}


def test_ocr_settings_are_part_of_the_key(tmp_path: Path) -> None:
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    word_dossier(inbox / "hs0", 0)
    _run(inbox, out)
    assert _run(inbox, out, ocr_dpi=200) == {"hs0": False}
