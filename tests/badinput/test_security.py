"""Security review as tests: names never reach a shell, readers never reach the network.

The source of extractors/, validators/ and pipeline/ is parsed (not grepped): every subprocess
call passes an argument list and no ``shell=True``; nothing calls ``os.system``/``os.popen``;
the readers and validators import no network client.
"""

from __future__ import annotations

import ast
import urllib.request
from pathlib import Path

import pytest

from tests.badinput.conftest import NetworkUsed
from tests.badinput.corpus import TRAP_URL

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("extractors", "validators", "pipeline")
NETWORK_MODULES = {
    "socket",
    "urllib",
    "http",
    "httpx",
    "requests",
    "aiohttp",
    "ftplib",
    "smtplib",
    "webbrowser",
}


def _sources(*packages: str) -> list[Path]:
    return sorted(p for pkg in packages for p in (ROOT / pkg).rglob("*.py"))


def _calls(tree: ast.AST) -> list[tuple[str, ast.Call]]:
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            f = node.func
            if isinstance(f, ast.Attribute) and isinstance(f.value, ast.Name):
                out.append((f"{f.value.id}.{f.attr}", node))
            elif isinstance(f, ast.Name):
                out.append((f.id, node))
    return out


def _is_command_string(node: ast.expr) -> bool:
    """A command built as one string: a literal, an f-string, a concatenation, a format or a join."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str | bytes):
        return True
    if isinstance(node, ast.JoinedStr | ast.BinOp):
        return True
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in ("format", "join")
    )


def test_no_shell_anywhere() -> None:
    problems = []
    for path in _sources(*PACKAGES):
        tree = ast.parse(path.read_text("utf-8"), str(path))
        for name, call in _calls(tree):
            where = f"{path.relative_to(ROOT)}:{call.lineno}"
            if name in ("os.system", "os.popen", "os.execl", "os.execlp", "os.spawnl", "pty.spawn"):
                problems.append(f"{where}: {name}")
            if name.startswith("subprocess.") or name in (
                "Popen",
                "run",
                "check_output",
                "check_call",
                "call",
            ):
                if any(
                    k.arg == "shell" and not (isinstance(k.value, ast.Constant) and k.value.value is False)
                    for k in call.keywords
                ):
                    problems.append(f"{where}: {name} with shell=")
                if name.startswith("subprocess.") and call.args and _is_command_string(call.args[0]):
                    problems.append(f"{where}: {name} with a command string (a shell would split it)")
    assert problems == []


def test_readers_and_validators_import_no_network_client() -> None:
    found = []
    for path in _sources("extractors", "validators"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            found += [f"{path.relative_to(ROOT)}: {n}" for n in names if n.split(".")[0] in NETWORK_MODULES]
    assert found == []


def test_the_network_guard_catches_a_fetch(no_network: list[str]) -> None:
    """The guard every corpus test runs under does see a fetch (so its silence means something)."""
    with pytest.raises(NetworkUsed):
        urllib.request.urlopen(TRAP_URL, timeout=1)
    assert no_network
    no_network.clear()


def test_summary_xlsx_takes_names_as_text(tmp_path: Path) -> None:
    """A dossier named like a formula is shown as text in summary.xlsx, never evaluated by Excel."""
    import openpyxl

    from pipeline.inbox import discover
    from pipeline.reports import write_batch_reports
    from pipeline.settings import Settings
    from pipeline.stages import process_dossier
    from tests.badinput.corpus import good_files

    name = '=HYPERLINK("http:\\\\127.0.0.1:9\\x","hoso-inj")'
    root = tmp_path / "inbox" / name
    root.mkdir(parents=True)
    for file, data in good_files().items():
        (root / file).write_bytes(data)
    sources, _ = discover(tmp_path / "inbox")
    outcomes = [process_dossier(s, tmp_path / "out", Settings()) for s in sources]
    write_batch_reports(tmp_path / "out", outcomes, "mac-dinh")
    book = openpyxl.load_workbook(tmp_path / "out" / "summary.xlsx")
    cells = [
        c for ws in book for row in ws.iter_rows() for c in row if c.value and "hoso-inj" in str(c.value)
    ]
    assert cells, "the dossier is in the summary"
    assert [c.coordinate for c in cells if c.data_type == "f"] == []
