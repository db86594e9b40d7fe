"""Checkbox marks on printed forms: the option after a ticked box is the answer, the one after an
unticked box is not; a line still offering both answers (marks not read) gives none."""

from __future__ import annotations

from extractors.fields.checkboxes import has_boxes, ticked
from extractors.vocabulary import DocType
from samples.blocks import Block, Header, Para, Sign, SignCol, Title

from .rendered import read_rendered


def test_the_ticked_option_stays_and_the_unticked_one_goes() -> None:
    text = "Mức độ: ☐ Đạt   ☒ Không đạt"
    out = ticked(text)
    assert len(out) == len(text)
    assert out.split() == ["Mức", "độ:", "Không", "đạt"]


def test_an_option_ends_at_its_clause() -> None:
    out = ticked("Vi phạm: [x] Không  [ ] Có; ghi chú: đã xác minh")
    assert "Có" not in out and "[" not in out
    assert out.startswith("Vi phạm:") and "Không" in out and out.endswith("; ghi chú: đã xác minh")


def test_text_without_boxes_is_left_alone() -> None:
    assert not has_boxes("Đạt 24/25 điểm")
    assert ticked("Đạt 24/25 điểm") == "Đạt 24/25 điểm"


def _doc(body: list[Block]) -> list[Block]:
    return [
        Header(
            "ĐẢNG BỘ XÃ TÂN LẬP", "CHI BỘ THÔN ĐÔNG", "Số 03-PĐG/CB", "Tân Lập, ngày 01 tháng 12 năm 2024"
        ),
        Title("PHIẾU TỰ CHẤM ĐIỂM", ["Các tiêu chí chi bộ bốn tốt năm 2024"]),
        *body,
        Sign(right=SignCol(["T/M CHI BỘ", "BÍ THƯ"], "Đỗ Văn Tâm")),
    ]


def test_a_phieu_says_each_criterion_passed_by_its_ticked_box() -> None:
    """No points at all: each criterion's heading, then the verdict ticked in a box under it; the third
    criterion's marks lost (both answers still on offer), so it says nothing."""
    names = (
        "Lãnh đạo hoàn thành tốt nhiệm vụ chính trị",
        "Chất lượng sinh hoạt tốt",
        "Đoàn kết, kỷ luật tốt",
    )
    marks = ("☒ Đạt     ☐ Không đạt", "☐ Đạt     ☒ Không đạt", "Đạt     Không đạt")
    body: list[Block] = []
    for i, (name, mark) in enumerate(zip(names, marks, strict=True), 1):
        body.append(Para(f"TIÊU CHÍ {i}: {name.upper()}", bold=True, indent=False))
        body.append(Para(f"Chi bộ tự nhận: {mark}", indent=False))
    got = read_rendered(_doc(body), "docx", DocType.PHIEU_TU_DANH_GIA)
    passed = {c["index"]: c["passed"] for c in got.get("criterion", [])}
    assert passed.get(1) is True
    assert passed.get(2) is False
    assert passed.get(3) is None


def test_a_form_line_with_points_and_boxes_gives_the_ticked_verdict() -> None:
    """A tờ trình's form: "Tiêu chí 2 (…): 27/30 điểm ☐ Đạt ☒ Không đạt"."""
    body: list[Block] = [
        Para("Kết quả tự chấm các tiêu chí:"),
        Para("- Tiêu chí 1 (Lãnh đạo nhiệm vụ chính trị): 25/25 điểm   ☒ Đạt   ☐ Không đạt", indent=False),
        Para("- Tiêu chí 2 (Chất lượng sinh hoạt): 27/30 điểm   ☐ Đạt   ☒ Không đạt", indent=False),
    ]
    got = read_rendered(_doc(body), "docx", DocType.TO_TRINH)
    by_index = {c["index"]: c for c in got.get("criterion", [])}
    assert (by_index[1]["score"], by_index[1]["passed"]) == (25.0, True)
    assert (by_index[2]["score"], by_index[2]["passed"]) == (27.0, False)
