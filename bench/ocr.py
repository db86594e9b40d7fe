"""Section "ocr": hoso's OCR stage against plain ``tesseract IMG OUT -l vie tsv`` on the same pages.

Twenty A4 pages of Vietnamese text at 300 dpi (some skewed 2–4°, some turned 90° or 180°) are
made once under the work folder. Both sides run with the same number of processes in parallel
(``SLOTS``, one single-threaded Tesseract per slot): hoso through its image reader from two
dossier threads sharing the slots, plain Tesseract through ``xargs -P``. Runs alternate so that
load from other users of the machine falls on both sides alike. Also measured: what each page
preparation step costs, and the character error rate of both sides against the text drawn.
"""

from __future__ import annotations

import os
import random
import resource
import shutil
import statistics
import subprocess
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont
from rapidfuzz.distance import Levenshtein

from extractors import ReadContext, read_file
from extractors.readers import ocr, prepare
from extractors.text import nfc

SLOTS = 2
PAGES = 20
TARGET_RATIO = 1.3
FONTS = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
    "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
]
# (skew ° counter-clockwise, turn ° counter-clockwise) per page index; the rest are upright.
DISTORT = {3: (2.0, 0), 7: (-3.0, 0), 11: (4.0, 0), 14: (0.0, 180), 17: (0.0, 90), 19: (1.5, 180)}
_VOCABULARY = (
    "chi bộ đảng bộ cơ sở bốn tốt đảng viên chính thức dự bị hoàn thành tốt nhiệm vụ xuất sắc "
    "sinh hoạt thường kỳ chuyên đề biên bản kiểm phiếu tờ trình báo cáo phiếu tự đánh giá tiêu chí "
    "điểm tự chấm kết quả thực hiện nghị quyết lãnh đạo cấp ủy huyện xã phường ấp năm 2024 tháng "
    "số phiếu phát ra thu về hợp lệ tán thành không tán thành đồng chí có mặt vắng mặt kỷ luật "
    "tổ chức kiểm tra giám sát quần chúng đoàn kết thống nhất chấp hành điều lệ"
)
WORDS = _VOCABULARY.split()


def _page(index: int) -> tuple[Image.Image, str]:
    rng = random.Random(index)
    font = ImageFont.truetype(FONTS[index % len(FONTS)], 44)
    img = Image.new("L", (2480, 3508), 255)
    draw = ImageDraw.Draw(img)
    lines = []
    y = 260
    while y < 3200:
        if rng.random() < 0.15:  # a table row: label far left, number far right
            label, value = " ".join(rng.choices(WORDS, k=4)).capitalize() + ":", str(rng.randint(0, 99))
            draw.text((260, y), label, font=font, fill=0)
            draw.text((1900, y), value, font=font, fill=0)
            lines.append(f"{label} {value}")
        else:
            words = []
            while draw.textlength(" ".join([*words, "xxxxxxxx"]), font=font) < 1950:
                words.append(rng.choice(WORDS))
            text = " ".join(words).capitalize()
            draw.text((260, y), text, font=font, fill=0)
            lines.append(text)
        y += 78
    arr = np.asarray(img, dtype=np.int16) - np.random.default_rng(index).integers(0, 40, (3508, 2480))
    img = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))  # a little scanner grain
    skew, turn = DISTORT.get(index, (0.0, 0))
    if skew:
        img = img.rotate(skew, expand=True, fillcolor=255, resample=Image.Resampling.BICUBIC)
    if turn:
        img = img.rotate(turn, expand=True)
    return img, "\n".join(lines)


def make_pages(folder: Path) -> list[tuple[Path, str]]:
    folder.mkdir(parents=True, exist_ok=True)
    pages = []
    for i in range(PAGES):
        path, truth = folder / f"page{i:02d}.png", folder / f"page{i:02d}.txt"
        if not (path.exists() and truth.exists()):
            img, text = _page(i)
            img.save(path, dpi=(300, 300))
            truth.write_text(text, encoding="utf-8")
        pages.append((path, truth.read_text(encoding="utf-8")))
    return pages


def cpu_seconds() -> float:
    """CPU time of this process (all threads) and of its waited-for children (Tesseracts, xargs)."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def run_hoso(pages: list[Path], workdir: Path) -> tuple[float, list]:
    shutil.rmtree(workdir, ignore_errors=True)
    ctx = ReadContext(workdir=workdir, ocr_slots=threading.BoundedSemaphore(SLOTS), ocr_threads=SLOTS)
    start = time.perf_counter()
    with ThreadPoolExecutor(SLOTS) as pool:  # two dossier workers sharing the slots
        docs = list(pool.map(lambda p: read_file(p, p.name, ctx), pages))
    return time.perf_counter() - start, docs


def run_plain(pages: list[Path], out: Path) -> float:
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    listing = "\0".join(p.name for p in pages).encode()
    # xargs substitutes the page name; output goes to OUT/<name>.tsv. No shell anywhere.
    cmd = ["xargs", "-0", "-P", str(SLOTS), "-I{}", "tesseract", "{}", f"{out}/{{}}", "-l", "vie", "tsv"]
    start = time.perf_counter()
    subprocess.run(cmd, input=listing, env=env, check=True, cwd=pages[0].parent, capture_output=True)
    return time.perf_counter() - start


def _plain_text(tsv: Path) -> tuple[str, list[float]]:
    lines: dict[tuple[str, ...], list[str]] = {}
    confs = []
    for row in tsv.read_text(encoding="utf-8").splitlines()[1:]:
        f = row.split("\t")
        if len(f) >= 12 and f[0] == "5" and f[11].strip():
            lines.setdefault(tuple(f[2:5]), []).append(f[11])
            confs.append(float(f[10]))
    return "\n".join(" ".join(ws) for ws in lines.values()), confs


def _cer(text: str, truth: str) -> float:
    def norm(s: str) -> str:
        return " ".join(nfc(s).replace("|", " ").split())

    return Levenshtein.normalized_distance(norm(text), norm(truth))


def _stats(xs: list[float]) -> dict:
    return {
        "median": round(statistics.median(xs), 2),
        "min": round(min(xs), 2),
        "max": round(max(xs), 2),
        "runs": [round(x, 2) for x in xs],
    }


def step_costs(pages: list[Path]) -> dict[str, float]:
    """Mean milliseconds per page of each preparation step, outside any Tesseract run."""
    costs: dict[str, list[float]] = {
        k: []
        for k in ("decode+grey", "thumbnail+glyphs", "skew search", "deskew rotate", "jpeg keep", "osd call")
    }
    ctx = ReadContext(workdir=Path(tempfile.mkdtemp()), ocr_slots=threading.BoundedSemaphore(1))
    for i, path in enumerate(pages):
        t0 = time.perf_counter()
        with Image.open(path) as im:
            grey = prepare.to_grey(im)
        t1 = time.perf_counter()
        ink, scale = prepare._thumb(grey)
        glyphs = prepare._glyphs(ink)
        prepare.text_height(glyphs, scale)
        t2 = time.perf_counter()
        skew = prepare.find_skew(glyphs)
        t3 = time.perf_counter()
        costs["decode+grey"].append(t1 - t0)
        costs["thumbnail+glyphs"].append(t2 - t1)
        costs["skew search"].append(t3 - t2)
        if skew:
            t = time.perf_counter()
            grey = prepare.rotate(grey, skew)
            costs["deskew rotate"].append(time.perf_counter() - t)
        t = time.perf_counter()
        cv2.imencode(".jpg", grey, [cv2.IMWRITE_JPEG_QUALITY, ocr.JPEG_QUALITY])
        costs["jpeg keep"].append(time.perf_counter() - t)
        if i % 5 == 0:
            t = time.perf_counter()
            ocr.detect_rotation(grey, ctx, 1)
            costs["osd call"].append(time.perf_counter() - t)
    shutil.rmtree(ctx.workdir, ignore_errors=True)
    return {k: round(1000 * statistics.mean(v), 1) for k, v in costs.items() if v}


def run(runs: int, workdir: Path) -> dict:
    pages_and_truth = make_pages(workdir / "pages")
    pages = [p for p, _ in pages_and_truth]
    hoso_times, plain_times, hoso_cpu, plain_cpu = [], [], [], []
    docs: list = []
    run_hoso(pages[:2], workdir / "warm")  # imports and disk cache, not timed
    for _ in range(runs):
        c = cpu_seconds()
        t, docs = run_hoso(pages, workdir / "hoso")
        hoso_times.append(t)
        hoso_cpu.append(cpu_seconds() - c)
        c = cpu_seconds()
        plain_times.append(run_plain(pages, workdir / "plain"))
        plain_cpu.append(cpu_seconds() - c)
    hoso, plain = _stats(hoso_times), _stats(plain_times)
    ratio = round(hoso["median"] / plain["median"], 2)
    # The machine is shared: wall time swings with other people's load, CPU time hardly does.
    cpu_ratio = round(statistics.median(hoso_cpu) / statistics.median(plain_cpu), 2)

    hoso_cer = [_cer(d.text, truth) for d, (_, truth) in zip(docs, pages_and_truth, strict=True)]
    plain_cer, plain_conf = [], []
    for path, truth in pages_and_truth:
        text, confs = _plain_text(workdir / "plain" / f"{path.name}.tsv")
        plain_cer.append(_cer(text, truth))
        plain_conf.extend(confs)
    distorted = sorted(DISTORT)
    upright = [i for i in range(PAGES) if i not in DISTORT]
    osd_pages = sum(1 for d in docs for p in d.pages if p.rotation)
    quality = {
        "hoso_cer_upright": round(statistics.mean(hoso_cer[i] for i in upright), 4),
        "plain_cer_upright": round(statistics.mean(plain_cer[i] for i in upright), 4),
        "hoso_cer_distorted": round(statistics.mean(hoso_cer[i] for i in distorted), 4),
        "plain_cer_distorted": round(statistics.mean(plain_cer[i] for i in distorted), 4),
        "hoso_doc_confidence_mean": round(statistics.mean(d.ocr_confidence or 0 for d in docs), 1),
        "pages_turned": osd_pages,
        "pages_deskewed": sum(1 for d in docs for p in d.pages if p.skew),
    }
    costs = step_costs(pages)
    tables = {
        f"{PAGES} pages, {SLOTS} processes, {runs} runs (seconds)": [
            ["", "wall median", "wall min", "wall max", "s/page", "CPU median"],
            [
                "hoso OCR stage",
                hoso["median"],
                hoso["min"],
                hoso["max"],
                round(hoso["median"] / PAGES, 2),
                round(statistics.median(hoso_cpu), 1),
            ],
            [
                "plain tesseract",
                plain["median"],
                plain["min"],
                plain["max"],
                round(plain["median"] / PAGES, 2),
                round(statistics.median(plain_cpu), 1),
            ],
            [
                f"ratio (target ≤ {TARGET_RATIO})",
                ratio,
                round(hoso["min"] / plain["min"], 2),
                "",
                "",
                cpu_ratio,
            ],
        ],
        "character error rate (lower is better)": [
            ["pages", "hoso", "plain tesseract"],
            ["upright", quality["hoso_cer_upright"], quality["plain_cer_upright"]],
            ["skewed or turned", quality["hoso_cer_distorted"], quality["plain_cer_distorted"]],
        ],
        "page preparation, mean ms per page (single thread)": [
            ["step", "ms"],
            *[[k, v] for k, v in costs.items()],
        ],
    }
    return {
        "pages": PAGES,
        "slots": SLOTS,
        "hoso_s": hoso,
        "plain_tesseract_s": plain,
        "ratio": ratio,
        "ratio_of_minimums": round(hoso["min"] / plain["min"], 2),
        "cpu_s": {"hoso": [round(x, 1) for x in hoso_cpu], "plain": [round(x, 1) for x in plain_cpu]},
        "cpu_ratio": cpu_ratio,
        "target_ratio": TARGET_RATIO,
        "met": ratio <= TARGET_RATIO,
        "quality": quality,
        "step_ms": costs,
        "tables": tables,
    }
