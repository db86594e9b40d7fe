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


def test_sheet_criteria_table_shows_a_score_cell_read_two_ways() -> None:
    why = "dùng điểm tự chấm 24,5 (đọc “245”, hiểu là 24,5 (mất dấu phẩy)) để khớp: các tiêu chí cộng lại bằng tổng"
    result = Result(
        dossier_id="hs",
        profile="mac-dinh",
        verdict="dat",
        figures=Figures(criteria_scores=[25, 24.5, 25, 25], criteria_max=[25, 25, 25, 25]),
        alternatives={
            "criterion.2.score": Alternatives(value=24.5, others=[245], why=why),
            "criterion_item.3.2.score": Alternatives(
                value=8.5, others=[8.35], why="chữ số “3” có thể là vết bẩn"
            ),
        },
    )
    sheet = build_sheet(result, None)
    rows = sheet.criteria
    assert rows[1].alternatives.startswith("tự chấm: đọc được 24,5 hoặc 245")
    assert "mất dấu phẩy" in rows[1].alternatives
    assert rows[0].alternatives == ""
    assert rows[2].alternatives.startswith("mục 3.2 tự chấm: đọc được 8,5 hoặc 8,35")
    from pipeline.reports.html import render_review

    assert "đọc được 24,5 hoặc 245" in render_review(sheet)


def test_a_pass_fail_phieu_shows_its_own_verdict_per_criterion() -> None:
    """A phiếu without points says "Đạt" / "Không đạt" per criterion: the sheet shows those words, not
    "chưa đọc được" and not a share under 95%."""
    readings = {
        f"criterion.{i}": [
            Reading(
                value={"index": i, "max": None, "score": None, "passed": i != 3},
                text=f"{i} | Tiêu chí {i} | {'Không đạt' if i == 3 else 'Đạt'}",
                file="Phieu.docx",
                chosen=True,
            )
        ]
        for i in range(1, 5)
    }
    result = Result(dossier_id="hs", profile="mac-dinh", verdict="khong_dat", readings=readings)
    sheet = build_sheet(result, None)
    assert [(r.passed, r.said) for r in sheet.criteria] == [
        (True, True),
        (True, True),
        (False, True),
        (True, True),
    ]
    assert sheet.criteria[2].readings[0].value == "Không đạt"
    from pipeline.reports.html import render_review

    html = render_review(sheet)
    criteria = html[html.rindex("Bốn tiêu chí") : html.rindex("Số liệu chính")]
    assert "Không đạt (tự đánh giá)" in criteria and "chưa đọc được" not in criteria
