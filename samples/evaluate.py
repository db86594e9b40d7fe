"""Scores ``hoso process`` on the sample dossiers: verdict accuracy, flag recall, figure accuracy.

``python -m samples.evaluate`` (``make eval``) processes ``samples/inbox`` (one batch per rule profile)
and prints the scores overall, per medium and per case. :func:`score_results` scores a results folder
against the expected files without processing, for tests and benchmarks.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import shutil
import tempfile
import time
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

SAMPLES = Path(__file__).resolve().parent
ROOT = SAMPLES.parent
INBOX = SAMPLES / "inbox"
MEDIA = ("docx", "pdf_text", "scan", "photo", "mixed")


def load_expected(root: Path = SAMPLES) -> dict[str, dict[str, Any]]:
    """Every ``<root>/<case>/expected.json``, by case."""
    return {p.parent.name: json.loads(p.read_text("utf-8")) for p in sorted(root.glob("*/expected.json"))}


def _fold(text: Any) -> Any:
    if not isinstance(text, str):
        return text
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return " ".join("".join(c for c in text if unicodedata.category(c) != "Mn").lower().split())


def flatten(figures: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """``{"ratings": {"tot": 10}}`` → ``{"ratings.tot": 10}``; lists and None stay whole values."""
    out: dict[str, Any] = {}
    for key, value in figures.items():
        if isinstance(value, dict):
            out.update(flatten(value, f"{prefix}{key}."))
        else:
            out[f"{prefix}{key}"] = value
    return out


def same(expected: Any, actual: Any) -> bool:
    if isinstance(expected, list):
        return isinstance(actual, list) and len(actual) == len(expected) and all(map(same, expected, actual))
    if isinstance(expected, bool) or expected is None:
        return expected == actual
    if isinstance(expected, int | float):
        return (
            isinstance(actual, int | float) and not isinstance(actual, bool) and abs(expected - actual) < 1e-6
        )
    return _fold(expected) == _fold(actual)


def expected_values(expected: dict[str, Any]) -> dict[str, Any]:
    """The values a result must read: the figures, plus the unit and the year."""
    values = flatten(expected["figures"])
    values["unit.name"] = expected["unit"]["name"]
    values["unit.kind"] = expected["unit"]["kind"]
    values["year"] = expected["year"]
    return values


def actual_values(result: dict[str, Any]) -> dict[str, Any]:
    values = flatten(result.get("figures") or {})
    unit = result.get("unit") or {}
    values["unit.name"] = unit.get("name")
    values["unit.kind"] = unit.get("kind")
    values["year"] = result.get("year")
    subs = (result.get("figures") or {}).get("subordinates", "missing")
    if subs is None:  # a chi bộ: the whole block is null, so are its parts
        values["subordinates"] = None
    return values


@dataclass
class CaseScore:
    """How one result compares with its expected file."""

    case: str
    medium: str
    profile: str
    verdict_expected: str
    verdict_actual: str | None
    flags_required: list[str]
    flags_found: list[str]
    forbidden_raised: list[str]
    figures_total: int
    figures_ok: int
    misses: list[str] = field(default_factory=list)
    fields: dict[str, str] = field(default_factory=dict)  # value name → ok / wrong / missing

    @property
    def verdict_ok(self) -> bool:
        return self.verdict_expected == self.verdict_actual

    @property
    def passed(self) -> bool:
        return not self.misses


def outcome(expected: Any, actual: Any) -> str:
    """``ok`` when the value read is the truth, ``missing`` when nothing was read (null, or a list of nulls)
    where the truth has a value, ``wrong`` when a value was read and it is not the truth."""
    if same(expected, actual):
        return "ok"
    if actual is None or (isinstance(actual, list) and all(a is None for a in actual)):
        return "missing"
    return "wrong"


def score_case(expected: dict[str, Any], result: dict[str, Any] | None) -> CaseScore:
    """Compare one result.json (None when there is none) with its expected.json."""
    result = result or {}
    codes = {f.get("code") for f in result.get("flags", [])}
    required = list(expected["flags"])
    found = [c for c in required if c in codes]
    forbidden = [c for c in expected.get("forbidden_flags", []) if c in codes]
    want, got = expected_values(expected), actual_values(result)
    ok = 0
    misses: list[str] = []
    fields: dict[str, str] = {}
    if not result:
        misses.append("không có result.json / no result.json")
    verdict = result.get("verdict")
    if verdict != expected["verdict"]:
        misses.append(f"verdict {verdict} ≠ {expected['verdict']}")
    misses += [f"thiếu cờ / flag missing {c}" for c in required if c not in codes]
    misses += [f"cờ không được có / forbidden flag {c}" for c in forbidden]
    for key, value in want.items():
        actual = got.get(key)
        if key.startswith("subordinates.") and got.get("subordinates", "") is None:
            actual = None
        fields[key] = outcome(value, actual)
        if fields[key] == "ok":
            ok += 1
        else:
            misses.append(f"{key}: {actual!r} ≠ {value!r}")
    return CaseScore(
        case=expected["case"],
        medium=expected["medium"],
        profile=expected.get("profile", "mac-dinh"),
        verdict_expected=expected["verdict"],
        verdict_actual=verdict,
        flags_required=required,
        flags_found=found,
        forbidden_raised=forbidden,
        figures_total=len(want),
        figures_ok=ok,
        misses=misses,
        fields=fields,
    )


def find_result(out: Path, case: str) -> Path | None:
    """``out/<case>/result.json``, or ``out/<profile>/<case>/result.json`` as :func:`process` writes it."""
    direct = out / case / "result.json"
    if direct.exists():
        return direct
    nested = sorted(out.glob(f"*/{case}/result.json"))
    return nested[0] if nested else None


def score_results(out: Path, expected_root: Path = SAMPLES) -> list[CaseScore]:
    """Score a results folder against every expected file, without processing anything."""
    scores = []
    for case, expected in load_expected(expected_root).items():
        path = find_result(out, case)
        result = json.loads(path.read_text("utf-8")) if path else None
        scores.append(score_case(expected, result))
    return scores


@dataclass
class Summary:
    """Totals over a set of case scores."""

    cases: int
    verdicts_ok: int
    flags_required: int
    flags_found: int
    forbidden_raised: int
    figures_total: int
    figures_ok: int

    @property
    def verdict_accuracy(self) -> float:
        return self.verdicts_ok / self.cases if self.cases else 0.0

    @property
    def flag_recall(self) -> float:
        return self.flags_found / self.flags_required if self.flags_required else 1.0

    @property
    def figure_accuracy(self) -> float:
        return self.figures_ok / self.figures_total if self.figures_total else 1.0


def summarise(scores: list[CaseScore]) -> Summary:
    return Summary(
        cases=len(scores),
        verdicts_ok=sum(s.verdict_ok for s in scores),
        flags_required=sum(len(s.flags_required) for s in scores),
        flags_found=sum(len(s.flags_found) for s in scores),
        forbidden_raised=sum(len(s.forbidden_raised) for s in scores),
        figures_total=sum(s.figures_total for s in scores),
        figures_ok=sum(s.figures_ok for s in scores),
    )


def field_table(scores: list[CaseScore]) -> dict[str, dict[str, int]]:
    """Per value name: how many were read right (``ok``), read wrong (``wrong``) and not read (``missing``)."""
    table: dict[str, dict[str, int]] = {}
    for s in scores:
        for key, how in s.fields.items():
            row = table.setdefault(key, {"ok": 0, "wrong": 0, "missing": 0})
            row[how] += 1
    return dict(sorted(table.items()))


def format_fields(scores: list[CaseScore]) -> list[str]:
    """The per-field table: a wrong value (read, but not the truth) is told apart from a missing one."""
    table = field_table(scores)
    out = [f"{'field / giá trị':<34} {'ok':>4} {'wrong':>6} {'missing':>8}"]
    for key, row in table.items():
        out.append(f"{key:<34} {row['ok']:>4} {row['wrong']:>6} {row['missing']:>8}")
    wrong = sum(r["wrong"] for r in table.values())
    missing = sum(r["missing"] for r in table.values())
    ok = sum(r["ok"] for r in table.values())
    out.append(f"{'ALL':<34} {ok:>4} {wrong:>6} {missing:>8}")
    return out


def format_report(scores: list[CaseScore]) -> str:
    """The scores as a plain-text table: overall, per medium, then the misses of each case."""

    def line(name: str, s: Summary) -> str:
        return (
            f"{name:<10} {s.cases:>5}  {s.verdict_accuracy:>8.1%} ({s.verdicts_ok}/{s.cases})"
            f"  {s.flag_recall:>7.1%} ({s.flags_found}/{s.flags_required})  {s.forbidden_raised:>9}"
            f"  {s.figure_accuracy:>7.1%} ({s.figures_ok}/{s.figures_total})"
        )

    out = [
        f"{'':<10} {'cases':>5}  {'verdict':>8}         {'flags':>7}          {'forbidden':>9}  {'figures':>7}"
    ]
    out.append(line("ALL", summarise(scores)))
    by_medium: dict[str, list[CaseScore]] = defaultdict(list)
    for s in scores:
        by_medium[s.medium].append(s)
    for medium in MEDIA:
        if by_medium.get(medium):
            out.append(line(medium, summarise(by_medium[medium])))
    out.append("")
    out.append(
        "Theo giá trị / per field (wrong = đọc sai / read wrong, missing = không đọc được / not read):"
    )
    out += format_fields(scores)
    out.append("")
    out.append("Sai lệch theo hồ sơ / misses per case:")
    for s in scores:
        mark = "OK " if s.passed else "-- "
        head = f"{mark}{s.case:<40} {s.medium:<8} {s.verdict_actual or '—'} / {s.verdict_expected}"
        out.append(head)
        for miss in s.misses[:12]:
            out.append(f"      {miss}")
        if len(s.misses) > 12:
            out.append(f"      … (+{len(s.misses) - 12})")
    return "\n".join(out)


def _link_or_copy(src: Path, dst: Path) -> None:
    if src.is_dir():
        shutil.copytree(src, dst, copy_function=_hardlink)
    else:
        _hardlink(src, dst)


def _hardlink(src: str | Path, dst: str | Path) -> None:
    try:
        os.link(src, dst)
    except OSError:  # another file system: copy instead
        shutil.copy2(src, dst)


def stage_by_profile(inbox: Path, stage: Path, expected: dict[str, dict[str, Any]]) -> dict[str, Path]:
    """One inbox per rule profile (hard links of the case folders and zips), so each runs as one batch."""
    groups: dict[str, Path] = {}
    for entry in sorted(inbox.iterdir()):
        case = entry.name[:-4] if entry.suffix.lower() == ".zip" else entry.name
        if case not in expected:
            continue
        profile = expected[case].get("profile", "mac-dinh")
        target = groups.setdefault(profile, stage / profile)
        target.mkdir(parents=True, exist_ok=True)
        _link_or_copy(entry, target / entry.name)
    return groups


def process(inbox: Path, out: Path, *, workers: int | None = None, expected_root: Path = SAMPLES) -> float:
    """Run ``process-batch`` once per profile over the sample inbox; results go to ``out/<profile>/``."""
    os.environ.setdefault("PREFECT_HOME", str(ROOT / ".work" / "prefect-eval"))
    from pipeline.settings import Settings, connect_prefect, cores

    connect_prefect(Settings())
    from pipeline.flows import run_batch

    expected = load_expected(expected_root)
    start = time.perf_counter()
    with tempfile.TemporaryDirectory(dir=out.parent if out.parent.exists() else None) as tmp:
        for profile, staged in stage_by_profile(inbox, Path(tmp), expected).items():
            run_batch(staged, out / profile, profile=profile, workers=workers or cores())
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Chấm điểm trên hồ sơ mẫu / score hoso on the sample dossiers")
    ap.add_argument(
        "--inbox", type=Path, default=None, help="default: samples/inbox (or a fresh one with --seed)"
    )
    ap.add_argument("--out", type=Path, default=None)
    ap.add_argument(
        "--seed",
        type=int,
        default=None,
        help="held-out check: render the cases anew with this seed (other figures, names, noise) "
        "under .work/heldout-SEED/ and score those / sinh lại hồ sơ với hạt giống khác",
    )
    ap.add_argument("--workers", type=int, default=None)
    ap.add_argument("--no-process", action="store_true", help="score an existing results folder only")
    args = ap.parse_args(argv)
    logging.basicConfig(level=os.environ.get("HOSO_LOG_LEVEL", "WARNING"))
    from samples.make_samples import DEFAULT_SEED, generate

    expected_root = SAMPLES
    if args.seed is not None and args.seed != DEFAULT_SEED:
        work = ROOT / ".work" / f"heldout-{args.seed}"
        expected_root = work / "expected"
        expected_root.mkdir(parents=True, exist_ok=True)
        inbox = args.inbox or work / "inbox"
        out = args.out or work / "out"
        if not args.no_process and args.inbox is None:
            # Always anew (~35 s): a kept inbox would silently score an older generator's cases.
            generate(args.seed, inbox, expected_root)
    else:
        inbox, out = args.inbox or INBOX, args.out or ROOT / ".work" / "eval-out"
        if not args.no_process and not inbox.exists():
            generate(DEFAULT_SEED, inbox)
    if not args.no_process:
        if out.exists():
            shutil.rmtree(out)
        out.mkdir(parents=True)
        seconds = process(inbox, out, workers=args.workers, expected_root=expected_root)
        print(f"Đã xử lý trong / processed in {seconds:.1f} s → {out}")
    print(format_report(score_results(out, expected_root)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
