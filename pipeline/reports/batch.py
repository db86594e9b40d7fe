"""The batch as rows: each dossier's outcome joined with its result.json, in the order people work."""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from validators.codes import Verdict
from validators.review import flag_key

from .common import (
    VERDICT_COLOURS,
    VERDICT_ORDER,
    appraisal_deadline,
    assessed_year,
    days_left_text,
    flag_title,
    format_date,
    kind_vi,
    unit_label,
    verdict_vi,
)

if TYPE_CHECKING:
    from ..stages import DossierOutcome

log = logging.getLogger(__name__)

REVIEW_STATUS_VI = {"chua_xem": "Chưa xem", "dang_xem": "Đang xem", "da_xem": "Đã thẩm định"}
DECISIONS_VI = {
    "cong_nhan": "Đồng ý công nhận",
    "khong_cong_nhan": "Không công nhận",
    "bo_sung": "Yêu cầu bổ sung hồ sơ",
}
DECISION_VERDICT = {"cong_nhan": "dat", "khong_cong_nhan": "khong_dat", "bo_sung": "bo_sung"}


def _key_figures(data: dict[str, Any]) -> dict[str, Any]:
    fig = data.get("figures") or {}
    scores = [s for s in fig.get("criteria_scores") or [] if isinstance(s, int | float)]
    return {
        "members_total": fig.get("members_total"),
        "votes_for": fig.get("votes_for"),
        "score_total": sum(scores)
        if scores and len(scores) == len(fig.get("criteria_scores") or [])
        else None,
    }


@dataclass
class FlagRow:
    severity: str
    code: str
    title: str
    message: str
    file: str
    page: int | None
    source: str


@dataclass
class DossierRow:
    """One dossier as the batch reports show it."""

    id: str
    unit: str
    unit_name: str | None
    parent: str | None
    kind: str
    kind_code: str | None
    year: int | None
    verdict: str
    verdict_vi: str
    colour: str
    pale: str
    errors: int
    warnings: int
    pages: int
    flags: list[FlagRow] = field(default_factory=list)
    # The reviewer's desk (hoso review): status, decision and note; and the key figures.
    review_status: str = "chua_xem"
    decision: str | None = None
    note: str | None = None
    reviewer: str | None = None
    figures: dict[str, Any] = field(default_factory=dict)

    @property
    def review_status_vi(self) -> str:
        return REVIEW_STATUS_VI.get(self.review_status, self.review_status)

    @property
    def decision_vi(self) -> str:
        return DECISIONS_VI.get(self.decision or "", "")

    @property
    def listed_as(self) -> str:
        """Where the notice lists the unit: the reviewer's decision when there is one, else the verdict."""
        return DECISION_VERDICT.get(self.decision or "", self.verdict)

    @property
    def issues(self) -> list[str]:
        """The errors and warnings in words, most serious first."""
        return [f.message for f in self.flags if f.severity in ("error", "warning")]

    @property
    def issue_titles(self) -> list[dict[str, Any]]:
        """The errors and warnings as short titles with counts ("Thiếu văn bản ×3"), for the dashboard."""
        seen: dict[tuple[str, str], dict[str, Any]] = {}
        for f in self.flags:
            if f.severity not in ("error", "warning"):
                continue
            item = seen.setdefault(
                (f.severity, f.title), {"severity": f.severity, "title": f.title, "messages": []}
            )
            item["messages"].append(f.message)
        return list(seen.values())

    @property
    def reasons(self) -> list[str]:
        """Why it does not meet the standard: the error messages."""
        return [f.message for f in self.flags if f.severity == "error"]

    @property
    def html_link(self) -> str:
        return quote(self.id) + "/review.html"

    @property
    def docx_link(self) -> str:
        return quote(self.id) + "/review.docx"

    @property
    def search(self) -> str:
        from extractors.text import fold

        return fold(f"{self.unit} {self.id} {self.parent or ''}")


def _load(out_dir: Path) -> dict[str, Any]:
    try:
        return json.loads((out_dir / "result.json").read_text("utf-8"))
    except (OSError, ValueError):  # the row still shows what the outcome knows
        log.warning("no readable result.json in %s", out_dir)
        return {}


def dossier_rows(outcomes: list[DossierOutcome]) -> list[DossierRow]:
    rows = []
    for o in outcomes:
        data = _load(o.out_dir)
        unit = data.get("unit") or {}
        review = data.get("review") or {}
        dismissed = set(review.get("flags") or {}) and {
            k for k, v in (review.get("flags") or {}).items() if v.get("action") == "dismissed"
        }
        flags = sorted(
            (
                FlagRow(
                    severity=f.get("severity", ""),
                    code=f.get("code", ""),
                    title=flag_title(f.get("code", "")),
                    message=f.get("message", ""),
                    file=(f.get("evidence") or [{}])[0].get("file", ""),
                    page=(f.get("evidence") or [{}])[0].get("page"),
                    source=f.get("source") or "",
                )
                for f in data.get("flags", [])
                if not dismissed or flag_key(f) not in dismissed
            ),
            key=lambda f: {"error": 0, "warning": 1}.get(f.severity, 2),
        )
        strong, pale = VERDICT_COLOURS.get(o.verdict, ("#444", "#eee"))
        rows.append(
            DossierRow(
                id=o.id,
                unit=unit_label(o.unit, o.id),
                unit_name=o.unit,
                parent=unit.get("parent"),
                kind=kind_vi(o.kind) or "—",
                kind_code=o.kind,
                year=data.get("year"),
                verdict=o.verdict,
                verdict_vi=verdict_vi(o.verdict),
                colour=strong,
                pale=pale,
                errors=o.errors,
                warnings=o.warnings,
                pages=o.pages,
                flags=flags,
                review_status=review.get("status") or "chua_xem",
                decision=review.get("decision"),
                note=review.get("note"),
                reviewer=review.get("reviewer"),
                figures=_key_figures(data),
            )
        )
    rows.sort(key=lambda r: (VERDICT_ORDER.get(r.verdict, 9), r.unit.casefold(), r.id))
    return rows


def dashboard(rows: list[DossierRow], profile: str, today: dt.date, version: str) -> dict[str, Any]:
    """What index.html shows: counts, the deadline, and the dossiers grouped by who acts next."""
    year = assessed_year((r.year for r in rows), today)
    deadline = appraisal_deadline(profile, year)
    days = (deadline - today).days
    counts = Counter(r.verdict for r in rows)
    verdicts = [
        {
            "code": v.value,
            "name": verdict_vi(v),
            "count": counts.get(v.value, 0),
            "colour": VERDICT_COLOURS[v][0],
        }
        for v in sorted(Verdict, key=lambda v: VERDICT_ORDER[v])
    ]
    # A dossier a reviewer has concluded (hoso review) no longer waits for a person.
    reviewed = [r for r in rows if r.review_status == "da_xem"]
    waiting = [r for r in rows if r.verdict != Verdict.DAT and r.review_status != "da_xem"]
    return {
        "year": year,
        "profile": profile,
        "today_text": format_date(today),
        "deadline_iso": deadline.isoformat(),
        "deadline_text": format_date(deadline),
        "days_left": days_left_text(deadline, today),
        "deadline_class": "late" if days < 0 else "soon" if days <= 14 else "fine",
        "waiting": len(waiting),
        "verdicts": verdicts,
        "rows": rows,
        "groups": [
            {"title": "Cần người xử lý trước", "rows": waiting},
            {
                "title": "Đạt, chờ xác nhận",
                "rows": [r for r in rows if r.verdict == Verdict.DAT and r.review_status != "da_xem"],
            },
            *([{"title": "Đã thẩm định", "rows": reviewed}] if reviewed else []),
        ],
        "version": version,
    }
