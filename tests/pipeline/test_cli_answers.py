"""Wrong settings are answered before any work: one bilingual line on stderr, a non-zero exit, no traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "inbox" / "01_chi_bo_dat_docx"


def hoso(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    # PREFECT_API_URL at a dead port: if any of these ran as far as Prefect, it would hang or fail loudly.
    full = {**os.environ, "PREFECT_API_URL": "http://127.0.0.1:9/api", **(env or {})}
    return subprocess.run(
        [sys.executable, "-c", "from pipeline.cli import main; main()", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env=full,
        cwd=ROOT,
    )


def one_bilingual_line(run: subprocess.CompletedProcess[str]) -> str:
    assert run.returncode == 2, (run.returncode, run.stdout, run.stderr)
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1, run.stderr
    line = lines[0]
    assert line.startswith("Lỗi: ") and " / error: " in line
    assert "Traceback" not in run.stderr + run.stdout and "Prefect" not in run.stderr
    return line


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    """An inbox with one small Word dossier (nothing in these tests gets as far as reading it)."""
    box = tmp_path / "inbox"
    (box / "hs1").mkdir(parents=True)
    (box / "hs1" / "to_trinh.docx").write_bytes(b"not read")
    return box


def test_unknown_profile_says_did_you_mean_and_the_list(inbox: Path, tmp_path: Path) -> None:
    line = one_bilingual_line(
        hoso("process", str(inbox), "--out", str(tmp_path / "o"), "--profile", "mac-dnh")
    )
    assert 'did you mean "mac-dinh"' in line and "can-duoc, mac-dinh" in line
    assert not (tmp_path / "o").exists()  # nothing was started


def test_unknown_profile_from_the_environment(inbox: Path, tmp_path: Path) -> None:
    line = one_bilingual_line(
        hoso("process", str(inbox), "-o", str(tmp_path / "o"), env={"HOSO_PROFILE": "x"})
    )
    assert 'không có bộ quy tắc "x"' in line


@pytest.mark.parametrize("command", ["process", "watch"])
def test_missing_inbox_is_not_created(command: str, tmp_path: Path) -> None:
    missing = tmp_path / "khong_co"
    line = one_bilingual_line(hoso(command, str(missing), "--out", str(tmp_path / "o")))
    assert "không có thư mục hộp thư đến" in line and "does not exist" in line
    assert not missing.exists()


def test_inbox_that_is_a_file(tmp_path: Path) -> None:
    f = tmp_path / "inbox.txt"
    f.write_text("x")
    line = one_bilingual_line(hoso("process", str(f), "--out", str(tmp_path / "o")))
    assert "là một tệp" in line and "is a file" in line


def test_out_that_is_a_file(inbox: Path, tmp_path: Path) -> None:
    f = tmp_path / "out.txt"
    f.write_text("x")
    line = one_bilingual_line(hoso("process", str(inbox), "--out", str(f)))
    assert "thư mục kết quả" in line and "is a file, not a folder" in line


def test_out_whose_parent_cannot_be_made(inbox: Path, tmp_path: Path) -> None:
    f = tmp_path / "a_file"
    f.write_text("x")
    line = one_bilingual_line(hoso("process", str(inbox), "--out", str(f / "sub" / "out")))
    assert "không tạo được thư mục kết quả" in line and "cannot create the output folder" in line


def test_empty_inbox_says_no_dossier(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    line = one_bilingual_line(hoso("process", str(tmp_path / "empty"), "--out", str(tmp_path / "o")))
    assert "không có hồ sơ nào" in line and "no dossier found" in line


def test_unwritable_out_is_found_by_a_probe(inbox: Path, tmp_path: Path, monkeypatch, capsys) -> None:
    """A read-only OUT (root writes anywhere, so the probe's failure is simulated): one line, exit 2."""
    import typer

    from pipeline import cli

    real = Path.write_bytes

    def refuse(self: Path, data: bytes) -> int:
        if self.name.startswith(".hoso-probe-"):
            raise PermissionError(13, "Permission denied")
        return real(self, data)

    monkeypatch.setattr(Path, "write_bytes", refuse)
    with pytest.raises(typer.Exit) as exc:
        cli.process(inbox, tmp_path / "ro", profile=None, workers=None, runner=None, reuse=True)
    assert exc.value.exit_code == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "không ghi được vào thư mục kết quả" in err[0] and "cannot write" in err[0]
    assert not list((tmp_path / "ro").iterdir())  # the probe is gone


def test_bad_setting_in_the_environment(inbox: Path, tmp_path: Path) -> None:
    line = one_bilingual_line(
        hoso("process", str(inbox), "-o", str(tmp_path / "o"), env={"HOSO_WORKERS": "0"})
    )
    assert "HOSO_WORKERS" in line


@pytest.mark.parametrize(
    "command", [[], ["process"], ["watch"], ["profiles"], ["server"], ["server", "stop"]]
)
def test_help_shows_no_internal_placeholders(command: list[str]) -> None:
    run = hoso(*command, "--help")
    assert run.returncode == 0, run.stderr
    text = run.stdout
    for placeholder in ("{", "<path>", "<str>", "<int", "TEXT", "PydanticUndefined", "[None]", "x>="):
        assert placeholder not in text, (placeholder, text)
