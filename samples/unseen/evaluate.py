"""``make eval-unseen``: hoso on dossiers written in wordings the rules were never written against.

Processes ``samples/unseen/inbox`` (generated first if absent) one batch per profile, with the same
machinery as ``make eval``, and prints verdicts, flags and figures: overall, for ``dev`` and
``heldout`` families, per family (each family's numbers on the dossiers that hold one of its
documents, figures counted on the values that document type carries), per round of families (a
dossier's round is its families'), per medium and per field
(wrong values apart from missing ones); then the clean dossiers sent to "Cần xem xét" and the
figures read wrong on a clean dossier that raised an error. ``--json FILE`` writes the numbers.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import os
import shutil
import subprocess
from collections import defaultdict
from pathlib import Path
from typing import Any

from samples.evaluate import (
    MEDIA,
    ROOT,
    CaseScore,
    Summary,
    field_table,
    find_result,
    format_fields,
    load_expected,
    process,
    score_case,
    summarise,
)

from .families import manifest
from .make import INBOX, UNSEEN, generate

# The values each document type carries in every family of the corpus: a family is scored on these.
# The figures are the dossier's, so a value several types carry (the member counts) counts for each.
FIELDS_BY_TYPE = {
    "to_trinh": ("unit.name", "unit.kind", "year", "members_total", "members_official"),
    "bien_ban_kiem_phieu": (
        "members_total",
        "members_official",
        "members_present",
        "voters_eligible",
        "ballots_issued",
        "ballots_returned",
        "ballots_valid",
        "votes_for",
        "votes_against",
    ),
    "bao_cao": (
        "members_total",
        "members_official",
        "ratings.",
        "regular_meetings",
        "thematic_meetings",
        "attendance_pct",
        "disciplined_members",
        "subordinates.",
    ),
    "phieu_tu_danh_gia": ("criteria_scores", "criteria_max"),
}


def _owned(doc_type: str, key: str) -> bool:
    return any(key == f or (f.endswith(".") and key.startswith(f)) for f in FIELDS_BY_TYPE[doc_type])


def score_all(out: Path) -> tuple[list[CaseScore], dict[str, dict], dict[str, dict]]:
    expected = load_expected(UNSEEN)
    results: dict[str, dict] = {}
    scores = []
    for case, exp in expected.items():
        path = find_result(out, case)
        results[case] = json.loads(path.read_text("utf-8")) if path else {}
        scores.append(score_case(exp, results[case] or None))
    return scores, expected, results


def _summary_dict(s: Summary, scores: list[CaseScore]) -> dict[str, Any]:
    table = field_table(scores)
    return {
        "dossiers": s.cases,
        "verdicts_ok": s.verdicts_ok,
        "verdict_accuracy": round(s.verdict_accuracy, 4),
        "flags_required": s.flags_required,
        "flags_found": s.flags_found,
        "flag_recall": round(s.flag_recall, 4),
        "forbidden_raised": s.forbidden_raised,
        "figures_total": s.figures_total,
        "figures_ok": s.figures_ok,
        "figure_accuracy": round(s.figure_accuracy, 4),
        "figures_wrong": sum(r["wrong"] for r in table.values()),
        "figures_missing": sum(r["missing"] for r in table.values()),
    }


def family_scores(scores: list[CaseScore], expected: dict[str, dict]) -> dict[str, dict[str, Any]]:
    """Each family on the dossiers holding one of its documents: verdicts there, and the values its
    document type carries (correct / wrong / missing)."""
    fams = manifest()
    out: dict[str, dict[str, Any]] = {}
    for fid, meta in fams.items():
        doc_type = meta["doc_type"]
        mine = [s for s in scores if fid in expected[s.case].get("families", {}).values()]
        counts = {"ok": 0, "wrong": 0, "missing": 0}
        for s in mine:
            for key, how in s.fields.items():
                if _owned(doc_type, key):
                    counts[how] += 1
        n = sum(counts.values())
        out[fid] = {
            "doc_type": doc_type,
            "round": int(meta["round"]),
            "split": meta["split"],
            "dossiers": len(mine),
            "verdicts_ok": sum(s.verdict_ok for s in mine),
            "figures_total": n,
            "figures_ok": counts["ok"],
            "figures_wrong": counts["wrong"],
            "figures_missing": counts["missing"],
            "figure_accuracy": round(counts["ok"] / n, 4) if n else None,
        }
    return out


def clean_dossier_findings(
    scores: list[CaseScore], expected: dict[str, dict], results: dict[str, dict]
) -> dict[str, Any]:
    """Clean dossiers (truth ``dat``): how many went to "Cần xem xét" (or elsewhere), and which figures
    were read wrong on those that raised an error-severity flag."""
    clean = [s for s in scores if s.verdict_expected == "dat"]
    to_review = [s.case for s in clean if s.verdict_actual == "can_xem_xet"]
    other = {s.case: s.verdict_actual for s in clean if s.verdict_actual not in ("dat", "can_xem_xet")}
    error_path: dict[str, list[str]] = {}
    for s in clean:
        flags = results.get(s.case, {}).get("flags", [])
        if any(f.get("severity") == "error" for f in flags):
            error_path[s.case] = [k for k, how in s.fields.items() if how == "wrong"]
    return {
        "clean_dossiers": len(clean),
        "clean_to_can_xem_xet": len(to_review),
        "clean_to_can_xem_xet_cases": to_review,
        "clean_to_other": other,
        "clean_with_error_flag": sorted(error_path),
        "wrong_values_on_clean_error_path": sum(len(v) for v in error_path.values()),
        "wrong_values_on_clean_error_path_detail": {k: v for k, v in error_path.items() if v},
    }


def round_of(exp: dict) -> int:
    """A dossier's round: the round of the families its files were written in (one per dossier)."""
    fams = manifest()
    rounds = {int(fams[f]["round"]) for f in exp.get("families", {}).values()}
    if len(rounds) != 1:
        raise ValueError(f"{exp.get('case')}: families from rounds {sorted(rounds)}")
    return rounds.pop()


def report(scores: list[CaseScore], expected: dict[str, dict], results: dict[str, dict]) -> dict[str, Any]:
    by_split: dict[str, list[CaseScore]] = defaultdict(list)
    by_round: dict[int, list[CaseScore]] = defaultdict(list)
    by_medium: dict[str, list[CaseScore]] = defaultdict(list)
    for s in scores:
        by_split[expected[s.case].get("split", "heldout")].append(s)
        by_round[round_of(expected[s.case])].append(s)
        by_medium[s.medium].append(s)
    return {
        "overall": _summary_dict(summarise(scores), scores),
        "split": {k: _summary_dict(summarise(v), v) for k, v in sorted(by_split.items())},
        "round": {str(k): _summary_dict(summarise(v), v) for k, v in sorted(by_round.items())},
        "medium": {
            m: _summary_dict(summarise(by_medium[m]), by_medium[m]) for m in MEDIA if by_medium.get(m)
        },
        "family": family_scores(scores, expected),
        "field": field_table(scores),
        "clean": clean_dossier_findings(scores, expected, results),
        "cases": {
            s.case: {"verdict": s.verdict_actual, "expected": s.verdict_expected, "misses": s.misses}
            for s in scores
        },
    }


def _line(name: str, r: dict[str, Any]) -> str:
    return (
        f"{name:<16} {r['dossiers']:>4}  {r['verdict_accuracy']:>7.1%} ({r['verdicts_ok']}/{r['dossiers']})"
        f"  {r['flag_recall']:>7.1%} ({r['flags_found']}/{r['flags_required']})  {r['forbidden_raised']:>9}"
        f"  {r['figure_accuracy']:>7.1%} ({r['figures_ok']}/{r['figures_total']})"
        f"  {r['figures_wrong']:>5} {r['figures_missing']:>7}"
    )


def format_text(rep: dict[str, Any], scores: list[CaseScore]) -> str:
    head = (
        f"{'':<16} {'hồ sơ':>4}  {'verdict':>7}          {'flags':>7}          {'forbidden':>9}"
        f"  {'figures':>7}             {'wrong':>5} {'missing':>7}"
    )
    out = ["Bộ hồ sơ chưa thấy / unseen corpus (samples/unseen)", head, _line("ALL", rep["overall"])]
    for split, r in rep["split"].items():
        out.append(_line(split, r))
    for rnd, r in rep["round"].items():
        out.append(_line(f"round {rnd}", r))
    for medium, r in rep["medium"].items():
        out.append(_line(medium, r))
    out += ["", "Theo họ văn bản / per wording family (figures: the values its document type carries):"]
    out.append(
        f"{'family':<7} {'round':>5} {'split':<8} {'type':<20} {'hồ sơ':>5} {'verdict':>8} {'figures':>15} {'wrong':>6} {'missing':>8}"
    )
    for fid, f in rep["family"].items():
        acc = f"{f['figure_accuracy']:.1%}" if f["figure_accuracy"] is not None else "—"
        out.append(
            f"{fid:<7} {f['round']:>5} {f['split']:<8} {f['doc_type']:<20} {f['dossiers']:>5} "
            f"{f['verdicts_ok']:>4}/{f['dossiers']:<3} {acc:>6} ({f['figures_ok']}/{f['figures_total']})"
            f" {f['figures_wrong']:>5} {f['figures_missing']:>8}"
        )
    c = rep["clean"]
    out += [
        "",
        f"Hồ sơ sạch (đáp án Đạt) / clean dossiers: {c['clean_dossiers']}; sang “Cần xem xét” / to can_xem_xet: "
        f"{c['clean_to_can_xem_xet']} {c['clean_to_can_xem_xet_cases']}; sang kết luận khác / other: {c['clean_to_other']}",
        f"Giá trị đọc sai trên hồ sơ sạch có cờ lỗi / wrong values on a clean dossier's error path: "
        f"{c['wrong_values_on_clean_error_path']} {c['wrong_values_on_clean_error_path_detail']}",
        "",
        "Theo giá trị / per field (wrong = đọc sai / read wrong, missing = không đọc được / not read):",
        *format_fields(scores),
        "",
        "Sai lệch theo hồ sơ / misses per case:",
    ]
    for s in scores:
        out.append(
            f"{'OK ' if s.passed else '-- '}{s.case:<36} {s.medium:<8} {s.verdict_actual or '—'} / {s.verdict_expected}"
        )
        out += [f"      {m}" for m in s.misses[:10]]
        if len(s.misses) > 10:
            out.append(f"      … (+{len(s.misses) - 10})")
    return "\n".join(out)


def _commit() -> str:
    try:
        return subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description="Chấm điểm trên bộ hồ sơ chưa thấy / score hoso on the unseen corpus"
    )
    ap.add_argument("--out", type=Path, default=ROOT / ".work" / "eval-unseen-out")
    ap.add_argument("--regenerate", action="store_true", help="render the inbox anew even if it exists")
    ap.add_argument("--no-process", action="store_true", help="score an existing results folder only")
    ap.add_argument("--workers", type=int, default=None)
    ap.add_argument("--json", type=Path, default=None, help="also write the numbers to this file")
    args = ap.parse_args(argv)
    logging.basicConfig(level=os.environ.get("HOSO_LOG_LEVEL", "WARNING"))
    if not args.no_process:
        if args.regenerate or not INBOX.exists():
            generate()
        if args.out.exists():
            shutil.rmtree(args.out)
        args.out.mkdir(parents=True)
        seconds = process(INBOX, args.out, workers=args.workers, expected_root=UNSEEN)
        print(f"Đã xử lý trong / processed in {seconds:.1f} s → {args.out}")
    scores, expected, results = score_all(args.out)
    rep = report(scores, expected, results)
    print(format_text(rep, scores))
    if args.json:
        rep["date"] = dt.date.today().isoformat()
        rep["commit"] = _commit()
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(rep, ensure_ascii=False, indent=2) + "\n", "utf-8")
        print(f"→ {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
