"""The words of the sheets and the notice: Vietnamese names, this dossier's reasons, the Huyện ủy's notice."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from docx import Document

from extractors.vocabulary import FIELDS
from pipeline.reports import write_batch_reports, write_dossier_reports
from pipeline.reports.common import field_label, profile_name, verdict_line
from pipeline.reports.notice import Issuer, notice_docx
from tests.pipeline.test_reports import _outcome, build_case
from validators.codes import FIELD_NAMES_VI, FLAG_TITLES_VI, FlagCode
from validators.model import Flag


def test_every_field_and_flag_code_has_a_vietnamese_name() -> None:
    assert [f for f in FIELDS if f not in FIELD_NAMES_VI] == []
    assert [c for c in FlagCode if c not in FLAG_TITLES_VI] == []
    assert field_label("votes_for_pct") == "Tỷ lệ tán thành ghi trong văn bản (%)"
    assert field_label("disciplined_organisations") == "Số tổ chức đảng bị kỷ luật trong năm"
    assert field_label("something_new") == "Số liệu khác"  # never the code itself


def test_profiles_have_vietnamese_names() -> None:
    assert profile_name("mac-dinh").startswith("Mặc định")
    assert "Cần Đước" in profile_name("can-duoc")
    assert "mac-dinh" not in profile_name("mac-dinh")


def _flag(code: str, severity: str, message: str, source: str | None = None) -> Flag:
    return Flag(code=code, severity=severity, message=message, source=source)


def test_verdict_line_names_the_reasons_without_their_citation() -> None:
    src = "KH của BTV Thành ủy về mô hình “bốn tốt” (2023), mục II.2.2"
    flags = [
        _flag(
            "CRITERION_BELOW_THRESHOLD",
            "error",
            f"Tiêu chí 3 tự chấm 23/25 điểm = 92%, dưới mức 95% ({src}).",
            src,
        ),
        _flag(
            "MEMBER_RATING_BELOW_THRESHOLD", "error", "Chi bộ có 1 đảng viên không hoàn thành nhiệm vụ.", None
        ),
        _flag("DATE_ORDER", "warning", "Biên bản đề ngày sau tờ trình.", None),
    ]
    line = verdict_line("khong_dat", flags, "mac-dinh")
    assert line == (
        "Không đạt: tiêu chí 3 tự chấm 23/25 điểm = 92%, dưới mức 95%; "
        "chi bộ có 1 đảng viên không hoàn thành nhiệm vụ."
    )
    many = [
        _flag("FIELD_NOT_FOUND", "warning", f"Không đọc được tiêu chí {i}. Cần người xem.") for i in (1, 2, 3)
    ]
    assert verdict_line("can_xem_xet", many, "mac-dinh") == "Cần xem xét: không đọc được số liệu (3 chỗ)."
    assert verdict_line("dat", [], "mac-dinh").startswith("Đạt: đủ bốn văn bản")


@pytest.fixture
def sheet_html(tmp_path: Path) -> str:
    result, dossier = build_case(tmp_path)
    write_dossier_reports(result, dossier, tmp_path / "out")
    return (tmp_path / "out" / "review.html").read_text("utf-8")


def test_sheet_shows_codes_only_as_tooltips(sheet_html: str) -> None:
    assert 'title="mã: CRITERION_BELOW_THRESHOLD"' in sheet_html
    assert ">CRITERION_BELOW_THRESHOLD<" not in sheet_html
    assert ">mac-dinh<" not in sheet_html and "Mặc định" in sheet_html
    assert '<p class="why" id="why">Không đạt: tiêu chí 3' in sheet_html


def _rows(tmp: Path, parents: list[tuple[str, str | None, str]]):
    out = tmp / "out"
    outcomes = []
    for i, (unit, parent, verdict) in enumerate(parents):
        result, _ = build_case(tmp, dossier_id=f"hs{i}", unit=unit)
        result.unit.name, result.unit.parent, result.verdict = unit, parent, verdict
        if verdict == "dat":
            result.flags = []
        outcomes.append(_outcome(out, result))
    return out, outcomes


def _texts(data_or_path) -> tuple[list[str], list[str]]:
    doc = Document(data_or_path)
    cells = [c.text for t in doc.tables for r in t.rows for c in r.cells]
    return [p.text for p in doc.paragraphs], cells


def test_notice_is_the_huyen_uys_with_issuer_from_settings(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("HOSO_NOTICE_PROVINCE", "Long An")
    monkeypatch.setenv("HOSO_NOTICE_DISTRICT", "Cần Đước")
    monkeypatch.setenv("HOSO_NOTICE_SIGNER_NAME", "Nguyễn Văn A")
    out, outcomes = _rows(
        tmp_path,
        [
            ("Chi bộ Phòng Tư pháp", "Đảng bộ Cơ quan Chính quyền huyện", "dat"),
            ("Chi bộ Ấp 1", "Đảng bộ xã Tân Lân", "dat"),
            ("Đảng bộ xã Phước Đông", "Đảng bộ huyện Cần Đước", "dat"),
            ("Chi bộ Ấp 2", "Đảng bộ xã Tân Lân", "khong_dat"),
        ],
    )
    write_batch_reports(out, outcomes, "mac-dinh", today=dt.date(2025, 2, 1))
    paras, cells = _texts(str(out / "thong_bao_ket_qua.docx"))
    header = cells[0].split("\n") + cells[1].split("\n")
    assert header == [
        "ĐẢNG BỘ TỈNH LONG AN",
        "HUYỆN ỦY CẦN ĐƯỚC",
        "*",
        "Số ……-TB/HU",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "Cần Đước, ngày …… tháng …… năm ……",
    ]
    assert "THÔNG BÁO" in paras
    i1 = paras.index(next(p for p in paras if p.startswith("1. ")))
    i2 = paras.index(next(p for p in paras if p.startswith("2. ")))
    # Grouped by parent: units straight under the Huyện ủy first, then the đảng bộ by name.
    assert paras[i1 + 1 : i2] == [
        "Trực thuộc Huyện ủy Cần Đước (1):",
        "- Đảng bộ xã Phước Đông",
        "Đảng bộ Cơ quan Chính quyền huyện (1):",
        "- Chi bộ Phòng Tư pháp",
        "Đảng bộ xã Tân Lân (1):",
        "- Chi bộ Ấp 1",
    ]
    sign = cells[-1]
    assert sign.startswith("T/M BAN THƯỜNG VỤ\nBÍ THƯ") and sign.endswith("Nguyễn Văn A")
    assert cells[-2].startswith("Nơi nhận:")
    assert not any("ĐẢNG ỦY" in c or "TB/ĐU" in c for c in cells)
    assert any(p.startswith("Căn cứ Kế hoạch xây dựng mô hình") for p in paras)  # the plan by its title


def test_notice_without_settings_leaves_blanks_not_a_dossiers_parent(tmp_path: Path) -> None:
    from pipeline.reports.batch import dossier_rows

    _, outcomes = _rows(tmp_path, [("Chi bộ A", "Đảng bộ xã Tân Lân", "dat")])

    paras, cells = _texts(io.BytesIO(notice_docx(dossier_rows(outcomes), "can-duoc", 2024, Issuer())))
    assert cells[0].split("\n") == ["ĐẢNG BỘ TỈNH …………", "HUYỆN ỦY …………", "*", "Số ……-TB/HU"]
    assert "Tân Lân" not in cells[0]
    assert any("Hướng dẫn số 10-HD/BTCHU" in p for p in paras)
    assert cells[-1].startswith("T/M BAN THƯỜNG VỤ\nBÍ THƯ")
