"""Session-wide set-up: one Prefect home inside the project's work folder, quiet Prefect defaults."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Before anything imports prefect: one PREFECT_HOME per test session, inside .work/, so tests never
# touch ~/.prefect and one embedded server (one SQLite file) serves the whole session.
os.environ.setdefault("PREFECT_HOME", str(ROOT / ".work" / "prefect-tests"))
os.environ.setdefault("OMP_THREAD_LIMIT", "1")
# Prefect's embedded server for the suite (hoso's detached local server has its own test).
os.environ.setdefault("HOSO_PREFECT_SERVER", "ephemeral")

from pipeline.settings import configure_prefect  # noqa: E402

configure_prefect()
