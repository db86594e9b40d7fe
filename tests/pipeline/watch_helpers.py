"""Tiny Word-only dossiers and a look at where every original file ended up, for the watcher's tests."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from tests import builders


def word_dossier(root: Path, n: int) -> Path:
    """A dossier of three small Word files whose text differs by ``n`` (so no two have the same content)."""
    builders.make_docx(root / "To trinh.docx", [*builders.TO_TRINH, f"Hồ sơ số {n}"])
    builders.make_docx(root / "Bien ban.docx", [*builders.BIEN_BAN, f"Hồ sơ số {n}"])
    builders.make_docx(root / "Bao cao/Bao cao.docx", [*builders.BAO_CAO, f"Hồ sơ số {n}"])
    return root


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def tree(root: Path) -> dict[str, str]:
    """Relative path → sha256 of every file under ``root``."""
    return {p.relative_to(root).as_posix(): sha(p) for p in sorted(root.rglob("*")) if p.is_file()}


def where_are(
    originals: dict[str, dict[str, str]], inbox: Path, archive: Path, quarantine: Path
) -> dict[str, list[Path]]:
    """For each dossier (id → its files' sha256), every place a complete, identical copy of it is found."""
    places: dict[str, list[Path]] = {d: [] for d in originals}
    candidates = [inbox / d for d in originals]
    candidates += [p for p in archive.glob("*/*/*") if p.parent.parent.name != ".hoso-index"]
    candidates += list(quarantine.glob("*/*"))
    for c in candidates:
        if not c.exists() or c.name in ("manifest.json", "LY_DO.txt", "REASON.txt", "TRUNG_LAP.txt"):
            continue
        got = tree(c)
        for d, files in originals.items():
            if c.name == d and got == files:
                places[d].append(c)
    return places


def events(out: Path) -> list[dict]:
    path = out / "nhat_ky_theo_doi.jsonl"
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
