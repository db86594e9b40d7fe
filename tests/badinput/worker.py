"""Process every dossier of an inbox in this process and print what it cost (run as a subprocess).

``python -m tests.badinput.worker INBOX OUT`` prints one JSON line: peak RSS of this process and of
its finished children (Tesseract), in MB, the seconds taken and the bytes left under OUT.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path

from pipeline.inbox import discover
from pipeline.settings import Settings
from pipeline.stages import process_dossier


def main(inbox: Path, out: Path) -> dict:
    settings = Settings()
    start = time.monotonic()
    sources, _ = discover(inbox)
    flags = {}
    for src in sources:
        process_dossier(src, out, settings)
        result = json.loads((out / src.id / "result.json").read_text("utf-8"))
        flags[src.id] = sorted({f["code"] for f in result["flags"]})
    return {
        "rss_self_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
        "rss_children_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024,
        "seconds": round(time.monotonic() - start, 2),
        "out_bytes": sum(p.stat().st_size for p in out.rglob("*") if p.is_file()),
        "flags": flags,
    }


if __name__ == "__main__":
    print(json.dumps(main(Path(sys.argv[1]), Path(sys.argv[2]))))
