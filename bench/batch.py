"""Section "batch": whole-batch speed, scale and memory of hoso against plain Tesseract and OCRmyPDF.

Figures (each the median of ``runs`` runs, with min and max; ratios from runs made side by side):

1. OCR-bound batch (scanned and photographed dossiers): hoso through Prefect vs plain ``tesseract``
   on the same page images (rendered at 300 dpi) with the same number of processes (the floor), and
   vs ``ocrmypdf --jobs N --output-type pdf --sidecar`` on the same files (the peer);
2. Word-only batch: dossiers per second, with and without Prefect's start-up;
3. the unchanged re-run of that batch;
4. orchestration overhead: Prefect's ``run_batch`` vs the same stage functions on a thread pool;
5. memory: peak RSS for one long scanned dossier and for Word batches of growing size;
6. scaling: the OCR batch on 1 core with 1 worker vs 2 cores with 2 workers.

hoso runs in child processes (:mod:`bench.child`), one per configuration, so that start-up, memory
and CPU affinity are theirs alone. Usage: ``python bench/batch.py [--quick] [--runs N] [--word N]``;
``run(runs, workdir, ...)`` is the same for ``bench/run.py``. Results merge into ``bench/results.json``
under ``"batch"``.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import inputs  # noqa: E402

RESULTS = ROOT / "bench" / "results.json"
PYTHON = sys.executable
CORES = sorted(os.sched_getaffinity(0))
GIB = 1024.0

TARGETS = {
    "ocr_vs_floor": 1.3,  # hoso ≤ 1.3× plain tesseract
    "ocrmypdf_speedup": 2.5,  # OCRmyPDF takes ≥ 2.5× hoso's time
    "word_rate": 20.0,  # dossiers per second
    "rerun_s": 5.0,
    "overhead": 0.10,
    "rss_mb": 1.5 * 1024,
    "flat": 1.25,  # the largest batch's peak ≤ 1.25× the smallest's: "flat"
    "scaling": 1.8,
}


# ---- helpers -------------------------------------------------------------------------------
def stats(xs: list[float], nd: int = 2) -> dict:
    return {
        "median": round(statistics.median(xs), nd),
        "min": round(min(xs), nd),
        "max": round(max(xs), nd),
        "runs": [round(x, nd) for x in xs],
    }


def fmt(s: dict | None, unit: str = "", nd: int = 2) -> str:
    if not s:
        return "not measured"
    if len(s["runs"]) == 1:
        return f"{s['median']:.{nd}f}{unit}"
    return f"{s['median']:.{nd}f}{unit} [{s['min']:.{nd}f}–{s['max']:.{nd}f}]"


def _env() -> dict[str, str]:
    return dict(os.environ, OMP_THREAD_LIMIT="1", PREFECT_LOGGING_LEVEL="ERROR")


def _pin(cpus: list[int] | None):
    if not cpus:
        return None
    return lambda: os.sched_setaffinity(0, cpus)


class TreeSampler:
    """Peak summed RSS of a process and all its descendants (Tesseracts, Prefect's server), sampled."""

    def __init__(self, pid: int, every: float = 0.05) -> None:
        import psutil

        self.proc, self.every, self.peak = psutil.Process(pid), every, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)

    def _loop(self) -> None:
        import psutil

        while not self._stop.is_set():
            total = 0
            try:
                procs = [self.proc, *self.proc.children(recursive=True)]
            except psutil.Error:
                return
            for p in procs:
                with contextlib.suppress(psutil.Error):
                    total += p.memory_info().rss
            self.peak = max(self.peak, total)
            self._stop.wait(self.every)

    def __enter__(self) -> TreeSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


class Child:
    """One hoso process (:mod:`bench.child`) answering commands; ``cpus`` pins it (and its children)."""

    def __init__(
        self, tag: str, workdir: Path, cpus: list[int] | None = None, home: str | None = None
    ) -> None:
        env = _env()
        env["PREFECT_HOME"] = str(workdir / f"prefect-{home or tag}")
        # The database is kept between runs, as on a machine that has run hoso before (the very first
        # start also creates and migrates it).
        self.log = open(workdir / f"child-{tag}.log", "ab")  # noqa: SIM115 - closed in close()
        self.launched = time.perf_counter()
        self.proc = subprocess.Popen(
            [PYTHON, str(ROOT / "bench" / "child.py")],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self.log,
            env=env,
            cwd=ROOT,
            text=True,
            preexec_fn=_pin(cpus),
        )

    def call(self, **cmd: object) -> dict:
        assert self.proc.stdin and self.proc.stdout
        with TreeSampler(self.proc.pid) as sampler:
            self.proc.stdin.write(json.dumps(cmd, default=str) + "\n")
            self.proc.stdin.flush()
            line = self.proc.stdout.readline()
        if not line:
            raise RuntimeError(f"hoso child died (see {self.log.name})")
        answer = json.loads(line)
        if "error" in answer:
            raise RuntimeError(f"hoso child: {answer['error']} (see {self.log.name})")
        answer["tree_peak_mb"] = round(sampler.peak / 2**20, 1)
        if cmd["op"] == "start":
            answer["since_launch_s"] = round(time.perf_counter() - self.launched, 3)
        return answer

    def close(self) -> None:
        if self.proc.stdin:
            self.proc.stdin.close()
        self.proc.wait(timeout=120)
        self.log.close()

    def __enter__(self) -> Child:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.proc.poll() is None:
            try:
                self.close()
            except subprocess.TimeoutExpired:
                self.proc.kill()


def children_cpu() -> float:
    import resource

    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def run_floor(
    images: list[Path], procs: int, cpus: list[int] | None = None, cpu: list | None = None
) -> float:
    """Plain ``tesseract IMG - -l vie tsv`` over every page image, ``procs`` at a time (CPU s appended to ``cpu``)."""

    def one(img: Path) -> None:
        subprocess.run(
            ["tesseract", str(img), "-", "-l", "vie", "tsv"],
            env=_env(),
            check=True,
            capture_output=True,
            preexec_fn=_pin(cpus),
        )

    c0, t0 = children_cpu(), time.perf_counter()
    with ThreadPoolExecutor(procs) as pool:
        list(pool.map(one, images))
    wall = time.perf_counter() - t0
    if cpu is not None:
        cpu.append(children_cpu() - c0)
    return wall


def run_ocrmypdf(files: list[Path], jobs: int, out: Path) -> float | None:
    """``ocrmypdf --jobs N --output-type pdf --sidecar`` on each file in turn; None if it is not installed."""
    exe = shutil.which("ocrmypdf")
    if not exe:
        return None
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    t0 = time.perf_counter()
    for i, f in enumerate(files):
        cmd = [exe, "--jobs", str(jobs), "--output-type", "pdf", "--sidecar", str(out / f"{i}.txt")]
        cmd += ["-l", "vie", "--quiet", str(f), str(out / f"{i}.pdf")]
        subprocess.run(cmd, env=_env(), check=True, capture_output=True)
    return time.perf_counter() - t0


def startup_s(start: dict) -> float:
    """From launching the process to a started Prefect server (the empty flow run included)."""
    return start["since_launch_s"]


# ---- sections -------------------------------------------------------------------------------
def ocr_section(runs: int, work: Path, dossiers: int, workers: int) -> dict:
    inbox = inputs.ocr_batch(dossiers, work / "inputs")
    images = inputs.page_images(inbox, work / "inputs" / f"pages-ocr-{dossiers}")
    files = inputs.pdfs_of(inbox)
    two, one = CORES[:workers], CORES[:1]
    hoso2, hoso1, floor2, floor1, peer, floor_cpu = [], [], [], [], [], []
    run_floor(images[:2], workers)  # language data into the page cache, not timed
    with Child("ocr2", work, two) as c2, Child("ocr1", work, one) as c1:
        start2, _start1 = c2.call(op="start"), c1.call(op="start")
        for r in range(runs):
            # Alternate the sides so that other people's load on the machine falls on each alike.
            hoso2.append(
                c2.call(op="batch", inbox=inbox, out=work / "out-ocr2", workers=workers, mode="prefect")
            )
            floor2.append(run_floor(images, workers, two, floor_cpu))
            t = run_ocrmypdf(files, workers, work / "out-ocrmypdf")
            if t is not None:
                peer.append(t)
            hoso1.append(c1.call(op="batch", inbox=inbox, out=work / "out-ocr1", workers=1, mode="prefect"))
            if r == 0:
                floor1.append(run_floor(images, 1, one))
    h2, h1 = [x["s"] for x in hoso2], [x["s"] for x in hoso1]
    return {
        "dossiers": dossiers,
        "pages": len(images),
        "files": len(files),
        "workers": workers,
        "hoso_s": stats(h2),
        "floor_s": stats(floor2),
        "ocrmypdf_s": stats(peer) if peer else None,
        "hoso_1core_s": stats(h1),
        "floor_1core_s": stats(floor1),
        "ratio_vs_floor": stats([h / f for h, f in zip(h2, floor2, strict=True)]),
        "ocrmypdf_over_hoso": stats([p / h for p, h in zip(peer, h2, strict=False)]) if peer else None,
        "scaling": stats([a / b for a, b in zip(h1, h2, strict=True)]),
        "floor_scaling": round(floor1[0] / statistics.median(floor2), 2),
        "startup_s": round(startup_s(start2), 2),
        "cpu_s": {
            "hoso_python": stats([x["cpu_self_s"] for x in hoso2], 1),
            "hoso_tesseract": stats([x["cpu_children_s"] for x in hoso2], 1),
            "floor_tesseract": stats(floor_cpu, 1),
        },
        "hoso_tree_peak_mb": max(x["tree_peak_mb"] for x in hoso2),
    }


def word_section(runs: int, work: Path, n: int, workers: int) -> dict:
    inbox = inputs.word_batch(n, work / "inputs")
    cpus = CORES[:workers]
    fresh, rerun, starts, direct, direct_rerun, rss, tree, cpu = [], [], [], [], [], [], [], []
    direct_rss: list[float] = []
    for _ in range(runs):
        # A new process each time: start-up is measured as a user of `hoso process` meets it.
        with Child("word", work, cpus) as c:
            start = c.call(op="start")
            starts.append(start)
            b = c.call(op="batch", inbox=inbox, out=work / "out-word", workers=workers, mode="prefect")
            fresh.append(b["s"])
            re = c.call(
                op="batch", inbox=inbox, out=work / "out-word", workers=workers, mode="prefect", fresh=False
            )
            assert re["reused"] == n, f"re-run reused {re['reused']} of {n}"
            rerun.append(re["s"])
            rss.append(max(b["maxrss_mb"], re["maxrss_mb"]))
            cpu.append(b["cpu_self_s"])
            tree.append(max(b["tree_peak_mb"], re["tree_peak_mb"]))
        with Child("word-direct", work, cpus) as d:
            b = d.call(op="batch", inbox=inbox, out=work / "out-word-direct", workers=workers, mode="direct")
            direct.append(b["s"])
            direct_rss.append(b["maxrss_mb"])
            re = d.call(
                op="batch",
                inbox=inbox,
                out=work / "out-word-direct",
                workers=workers,
                mode="direct",
                fresh=False,
            )
            direct_rerun.append(re["s"])
    up = [startup_s(s) for s in starts]
    return {
        "dossiers": n,
        "workers": workers,
        "startup_s": stats(up),
        "server_s": stats([s.get("server_s", 0.0) for s in starts]),
        "import_s": stats([s["import_s"] for s in starts]),
        "first_flow_s": stats([s["first_flow_s"] for s in starts]),
        "batch_s": stats(fresh),
        "cpu_s": stats(
            cpu
        ),  # hoso's own CPU for the fresh batch: above the wall time means both cores worked
        "rate_per_s": stats([n / t for t in fresh], 1),
        "rate_with_startup_per_s": stats([n / (t + u) for t, u in zip(fresh, up, strict=True)], 1),
        "rerun_s": stats(rerun),
        "rerun_with_startup_s": stats([t + u for t, u in zip(rerun, up, strict=True)]),
        "direct_s": stats(direct),
        "direct_rerun_s": stats(direct_rerun),
        "overhead": stats([p / d - 1 for p, d in zip(fresh, direct, strict=True)], 3),
        "rerun_overhead": stats([p / d - 1 for p, d in zip(rerun, direct_rerun, strict=True)], 3),
        "peak_rss_mb": stats(rss, 1),
        "tree_peak_mb": stats(tree, 1),
        "direct_peak_rss_mb": stats(direct_rss, 1),
    }


def memory_section(work: Path, sizes: list[int], long_pages: int, workers: int, word: dict | None) -> dict:
    """Peak RSS of a fresh hoso process per input; the batch of ``word['dossiers']`` comes from the word section."""
    cpus = CORES[:workers]
    out: dict[str, dict] = {}
    for n in sizes:
        if word and n == word["dossiers"]:
            out[f"word_{n}"] = {"rss_mb": word["peak_rss_mb"]["max"], "tree_mb": word["tree_peak_mb"]["max"]}
            continue
        inbox = inputs.word_batch(n, work / "inputs")
        with Child(f"mem{n}", work, cpus, home="mem") as c:
            c.call(op="start")
            b = c.call(op="batch", inbox=inbox, out=work / f"out-mem{n}", workers=workers, mode="prefect")
        out[f"word_{n}"] = {"rss_mb": b["maxrss_mb"], "tree_mb": b["tree_peak_mb"], "s": b["s"]}
    if long_pages:
        inbox = inputs.long_scan(long_pages, work / "inputs")
        with Child("memlong", work, cpus, home="mem") as c:
            c.call(op="start")
            b = c.call(op="batch", inbox=inbox, out=work / "out-long", workers=workers, mode="prefect")
        out[f"scan_{long_pages}_pages"] = {
            "rss_mb": b["maxrss_mb"],
            "tree_mb": b["tree_peak_mb"],
            "s": b["s"],
        }
    return out


def profile_section(work: Path, word_n: int, ocr_dossiers: int, top: int = 18) -> dict:
    """cProfile of the stages in one thread (no Prefect): where a Word dossier's and an OCR dossier's time goes."""
    import pstats

    found = {}
    for name, inbox in (
        ("word", inputs.word_batch(word_n, work / "inputs")),
        ("ocr", inputs.ocr_batch(ocr_dossiers, work / "inputs")),
    ):
        prof = work / f"profile-{name}.prof"
        with Child(f"prof-{name}", work, CORES[:1]) as c:
            b = c.call(
                op="batch", inbox=inbox, out=work / f"out-prof-{name}", workers=1, mode="direct", profile=prof
            )
        st = pstats.Stats(str(prof))
        total = b["s"]
        rows = []
        for func, (_cc, nc, tt, ct, _callers) in st.stats.items():  # type: ignore[attr-defined]
            rows.append((ct, tt, nc, f"{Path(func[0]).name}:{func[1]}({func[2]})"))
        by_cum = sorted(rows, reverse=True)[:top]
        by_own = sorted(rows, key=lambda r: r[1], reverse=True)[:top]
        found[name] = {
            "seconds": total,
            "dossiers": b["dossiers"],
            "file": str(prof),
            "cumulative": [[f, round(ct, 2), round(100 * ct / total, 1), nc] for ct, _tt, nc, f in by_cum],
            "own_time": [[f, round(tt, 2), round(100 * tt / total, 1), nc] for _ct, tt, nc, f in by_own],
        }
    return found


# ---- the table -------------------------------------------------------------------------------
def table(res: dict) -> list[list[str]]:
    t = TARGETS
    rows = [["figure", "measured (median [min–max])", "target", "met"]]

    def add(figure: str, measured: str, target: str, met: bool | None) -> None:
        rows.append([figure, measured, target, "—" if met is None else ("yes" if met else "no")])

    o = res.get("ocr")
    if o:
        what = f"{o['dossiers']} dossiers, {o['pages']} pages, {o['workers']} proc"
        add(f"1. OCR batch ({what}): hoso s", fmt(o["hoso_s"], " s"), "", None)
        add("   plain tesseract (floor) s", fmt(o["floor_s"], " s"), "", None)
        add(
            "   ocrmypdf --jobs s",
            fmt(o["ocrmypdf_s"], " s") if o["ocrmypdf_s"] else "not installed",
            "",
            None,
        )
        r = o["ratio_vs_floor"]
        add("   hoso / floor", fmt(r, "×"), f"≤ {t['ocr_vs_floor']}×", r["median"] <= t["ocr_vs_floor"])
        c = o["cpu_s"]
        add(
            "   CPU s: hoso Python + hoso Tesseract vs floor",
            f"{c['hoso_python']['median']:.1f} + {c['hoso_tesseract']['median']:.1f} vs "
            f"{c['floor_tesseract']['median']:.1f}",
            "",
            None,
        )
        p = o["ocrmypdf_over_hoso"]
        add(
            "   ocrmypdf / hoso",
            fmt(p, "×") if p else "not measured",
            f"≥ {t['ocrmypdf_speedup']}×",
            p["median"] >= t["ocrmypdf_speedup"] if p else None,
        )
    w = res.get("word")
    if w:
        n = w["dossiers"]
        add("   start-up, cold (launch → first flow run done) s", fmt(w["startup_s"], " s"), "", None)
        if "server_s" in w:
            add("     of which starting hoso's local Prefect server s", fmt(w["server_s"], " s"), "", None)
        add(
            f"2. Word-only {n}: dossiers/s incl. start-up",
            fmt(w["rate_with_startup_per_s"], "/s", 1),
            f"≥ {t['word_rate']:.0f}/s",
            w["rate_with_startup_per_s"]["median"] >= t["word_rate"],
        )
        add(
            f"   Word-only {n}: dossiers/s, server already up",
            fmt(w["rate_per_s"], "/s", 1),
            f"≥ {t['word_rate']:.0f}/s",
            w["rate_per_s"]["median"] >= t["word_rate"],
        )
        add(
            f"3. unchanged re-run of {n}, server up",
            fmt(w["rerun_s"], " s"),
            f"≤ {t['rerun_s']:.0f} s",
            w["rerun_s"]["median"] <= t["rerun_s"],
        )
        add(
            "   unchanged re-run incl. start-up",
            fmt(w["rerun_with_startup_s"], " s"),
            f"≤ {t['rerun_s']:.0f} s",
            w["rerun_with_startup_s"]["median"] <= t["rerun_s"],
        )
        ov = w["overhead"]
        add(
            f"4. Prefect vs direct (Word {n}): overhead",
            fmt({k: (v * 100 if k != "runs" else v) for k, v in ov.items()}, "%", 1),
            f"≤ {t['overhead'] * 100:.0f}%",
            ov["median"] <= t["overhead"],
        )
        add("   direct (thread pool) s", fmt(w["direct_s"], " s"), "", None)
    m = res.get("memory")
    if m:
        for key, v in m.items():
            add(
                f"5. peak RSS {key.replace('_', ' ')} (process; + server, tesseracts)",
                f"{v['rss_mb']:.0f} MiB ({v['tree_mb']:.0f} MiB)",
                f"≤ {t['rss_mb'] / 1024:.1f} GiB",
                v["tree_mb"] <= t["rss_mb"],
            )
        words = [
            v["rss_mb"] for k, v in sorted(m.items(), key=lambda kv: int(kv[0].split("_")[1])) if "word" in k
        ]
        if len(words) >= 2:
            growth = words[-1] / words[0]
            add(
                "   flat in batch size: largest / smallest",
                f"{growth:.2f}×",
                f"≤ {t['flat']}×",
                growth <= t["flat"],
            )
    if o:
        s = o["scaling"]
        add(
            "6. scaling OCR batch: 1 core,1 worker / 2 cores,2 workers",
            fmt(s, "×"),
            f"≥ {t['scaling']}×",
            s["median"] >= t["scaling"],
        )
        add("   plain tesseract, same (1 run)", f"{o['floor_scaling']:.2f}×", "", None)
    return rows


def profile_tables(prof: dict) -> dict[str, list[list[str]]]:
    out = {}
    for name, p in prof.items():
        rows = [["function", "cumulative s", "% of run", "calls"]]
        rows += [[f, f"{ct:.2f}", f"{pct:.1f}", str(nc)] for f, ct, pct, nc in p["cumulative"]]
        out[f"profile {name}: {p['dossiers']} dossiers, {p['seconds']:.1f} s, one thread (cumulative)"] = rows
        rows = [["function", "own s", "% of run", "calls"]]
        rows += [[f, f"{tt:.2f}", f"{pct:.1f}", str(nc)] for f, tt, pct, nc in p["own_time"]]
        out[f"profile {name}: own time"] = rows
    return out


# ---- entry points ------------------------------------------------------------------------------
def run(
    runs: int = 3,
    workdir: Path | None = None,
    *,
    quick: bool = False,
    word: int | None = None,
    ocr_dossiers: int | None = None,
    long_pages: int | None = None,
    mem_sizes: list[int] | None = None,
    sections: list[str] | None = None,
    profile: bool = False,
) -> dict:
    """Measure the batch figures; the dict has ``tables`` for ``bench/run.py`` and every raw figure."""
    work = Path(workdir or ROOT / ".work" / "bench" / "batch")
    work.mkdir(parents=True, exist_ok=True)
    if quick:
        runs = 1
    word = word or (50 if quick else 1000)
    ocr_dossiers = ocr_dossiers or (1 if quick else 4)
    long_pages = long_pages if long_pages is not None else (8 if quick else 100)
    mem_sizes = mem_sizes or ([10, word] if quick else [10, 100, word])
    sections = sections or ["ocr", "word", "memory"]
    workers = min(2, len(CORES))
    res: dict = {"runs": runs}
    started = time.perf_counter()
    if "ocr" in sections:
        res["ocr"] = ocr_section(runs, work, ocr_dossiers, workers)
    if "word" in sections:
        res["word"] = word_section(runs, work, word, workers)
    if "memory" in sections:
        res["memory"] = memory_section(work, mem_sizes, long_pages, workers, res.get("word"))
    if profile or "profile" in sections:
        res["profile"] = profile_section(work, min(word, 200), min(ocr_dossiers, 2))
    res["table"] = table(res)
    res["tables"] = {"batch figures (seconds unless said)": res["table"]}
    if "profile" in res:
        res["tables"].update(profile_tables(res["profile"]))
    res["meta"] = {
        "when": time.strftime("%Y-%m-%d %H:%M:%S"),
        "machine": platform.machine(),
        "cores": len(CORES),
        "load_avg_at_end": round(os.getloadavg()[0], 2),
        "seconds": round(time.perf_counter() - started, 1),
        "ocrmypdf": _version(["ocrmypdf", "--version"]),
        "tesseract": _version(["tesseract", "--version"]),
    }
    return res


def _version(cmd: list[str]) -> str | None:
    try:
        return subprocess.run(cmd, capture_output=True, text=True, check=True).stdout.splitlines()[0].strip()
    except (OSError, subprocess.CalledProcessError, IndexError):
        return None


PARTS = ("ocr", "word", "memory", "profile")


def merge_results(result: dict, key: str = "batch") -> dict:
    """Read-modify-write of ``results.json``: only our key changes (the "ocr" section owns its own), and
    within it only the parts just measured (``--only`` runs add to earlier ones); returns the merged key."""
    data = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    merged = data.get(key) if isinstance(data.get(key), dict) else {}
    measured_at = merged.get("measured_at", {})
    for part in PARTS:
        if part in result:
            if part == "memory" and isinstance(merged.get("memory"), dict):
                merged["memory"] = {**merged["memory"], **result["memory"]}
            else:
                merged[part] = result[part]
            measured_at[part] = result["meta"]["when"] + f" (load {result['meta']['load_avg_at_end']})"
    merged.update(runs=result["runs"], meta=result["meta"], measured_at=measured_at)
    merged["table"] = table(merged)
    merged["tables"] = {"batch figures (seconds unless said)": merged["table"]}
    if "profile" in merged:
        merged["tables"].update(profile_tables(merged["profile"]))
    data[key] = merged
    fd, tmp = tempfile.mkstemp(dir=RESULTS.parent, prefix=".results.")
    with os.fdopen(fd, "w") as fh:
        fh.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    os.replace(tmp, RESULTS)
    return merged


def print_table(rows: list[list[str]]) -> None:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for n, row in enumerate(rows):
        print(
            "  ".join(
                c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths, strict=True))
            )
        )
        if n == 0:
            print("  ".join("-" * w for w in widths))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="hoso batch benchmarks / đo tốc độ, quy mô, bộ nhớ của cả lô")
    ap.add_argument("--quick", action="store_true", help="small sizes, one run (a smoke run)")
    ap.add_argument("--runs", type=int, default=3, help="runs per figure (default 3)")
    ap.add_argument("--word", type=int, help="Word-only dossiers in the batch (default 1000)")
    ap.add_argument("--ocr-dossiers", type=int, help="scanned/photographed dossiers (default 4)")
    ap.add_argument("--long-pages", type=int, help="pages of the long scanned dossier (default 100; 0: skip)")
    ap.add_argument(
        "--mem-sizes", type=int, nargs="+", help="Word batch sizes for memory (default 10 100 1000)"
    )
    ap.add_argument(
        "--only", action="append", choices=["ocr", "word", "memory", "profile"], help="run only this part"
    )
    ap.add_argument("--profile", action="store_true", help="also profile the stages (cProfile)")
    ap.add_argument("--workdir", type=Path, default=ROOT / ".work" / "bench" / "batch")
    ap.add_argument("--no-save", action="store_true", help="do not write bench/results.json")
    a = ap.parse_args(argv)
    res = run(
        a.runs,
        a.workdir,
        quick=a.quick,
        word=a.word,
        ocr_dossiers=a.ocr_dossiers,
        long_pages=a.long_pages,
        mem_sizes=a.mem_sizes,
        sections=a.only,
        profile=a.profile,
    )
    shown = res
    if not a.no_save:
        shown = merge_results(res)
    for title, rows in shown["tables"].items():
        print(f"\n{title}")
        print_table(rows)
    load = res["meta"]["load_avg_at_end"]
    print(
        f"\n{len(CORES)} cores, load average at the end {load} (other work on the machine makes figures noisy)"
    )
    for part, when in shown.get("measured_at", {}).items():
        print(f"  {part}: measured {when}")
    if not a.no_save:
        print(f"results: {RESULTS.relative_to(ROOT)} [batch]")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
