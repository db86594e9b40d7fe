"""The review sheet shows a figure read more than one way: "đọc được 15 hoặc 13", and why."""

from __future__ import annotations

from pipeline.reports.sheet import build_sheet
from validators import Result
from validators.model import Alternatives, Figures, Reading


def test_sheet_says_which_values_were_read_and_why_one_was_used() -> None:
    readings = [
        Reading(
            value=15,
            text="Chi bộ có 15 đảng viên (13 chính thức, 2 dự bị)",
            file="To trinh.docx",
            chosen=True,
        ),
        Reading(value=13, text="Tổng số đảng viên: 13", file="Bien ban.docx"),
    ]
    result = Result(
        dossier_id="hs",
        profile="mac-dinh",
        verdict="can_xem_xet",
        figures=Figures(members_total=15),
        readings={"members_total": readings},
        alternatives={
            "members_total": Alternatives(
                value=15, others=[13], why="dùng 15 (không phải 13) để khớp: tổng số = chính thức + dự bị"
            )
        },
    )
    row = next(r for r in build_sheet(result, None).figures if r.key == "members_total")
    assert row.agreement_vi.startswith("đọc được 15 hoặc 13")
    assert "tổng số = chính thức + dự bị" in row.agreement_vi
