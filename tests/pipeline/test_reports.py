"""The review outputs: sheet, summary, dashboard and notice, from realistic results built here."""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from extractors.model import Box, DocumentText, Line, Page, Provenance
from pipeline.reports import write_batch_reports, write_dossier_reports
from pipeline.stages import DossierOutcome
from validators import Dossier, DossierFile, Result
from validators.model import DocumentEntry, Evidence, Figures, Flag, Reading, Unit

DEJAVU = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
EVIL = '<script>alert("x")</script><img src="http://evil.example/x.png">'

SCAN_LINES = [
    "CHI BỘ PHÒNG TƯ PHÁP",
    "BIÊN BẢN KIỂM PHIẾU",
    "Biểu quyết đề nghị công nhận “chi bộ bốn tốt” năm 2024",
    "Tổng số đảng viên của chi bộ: 14 đồng chí",
    "Số đảng viên chính thức: 13; có mặt: 12",
    "Số phiếu phát ra: 12; số phiếu thu về: 12",
    "Số phiếu tán thành: 11; không tán thành: 1",
]


def render_scan(path: Path, lines: list[str], *, dpi: int = 300, seed: int = 0) -> dict[str, Box]:
    """A scanned-looking A4 page with real Vietnamese text; returns the pixel box of each line."""
    w, h = round(8.27 * dpi), round(11.69 * dpi)
    img = Image.new("L", (w, h), 250)
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype(DEJAVU, round(dpi * 0.17))
    boxes: dict[str, Box] = {}
    y = round(dpi * 1.0)
    for i, text in enumerate(lines):
        x = round(dpi * 1.1) + (seed * 7 + i * 3) % 11
        x0, y0, x1, y1 = draw.textbbox((x, y), text, font=font)
        draw.text((x, y), text, fill=20, font=font)
        boxes[text] = Box(x0=x0, y0=y0, x1=x1, y1=y1, unit="px")
        y += round(dpi * 0.38)
    img.save(path, "JPEG", quality=80)
    return boxes


def ocr_doc(name: str, image: Path, boxes: dict[str, Box], pages: int = 1, dpi: int = 300) -> DocumentText:
    w, h = round(8.27 * dpi), round(11.69 * dpi)
    page_list = []
    for n in range(1, pages + 1):
        lines = [
            Line(text=t, prov=Provenance(file=name, page=n, bbox=b, confidence=88.0))
            for t, b in boxes.items()
        ]
        page_list.append(
            Page(
                number=n,
                method="ocr",
                lines=lines,
                width=w,
                height=h,
                unit="px",
                confidence=88.0 - (n % 3) * 12,
                image=str(image),
            )
        )
    return DocumentText(file=name, sha256="a" * 64, source="ocr", pages=page_list)


def docx_doc(name: str, paragraphs: list[str], table: list[list[str]] | None = None) -> DocumentText:
    lines = [Line(text=t, prov=Provenance(file=name, page=1, block=i)) for i, t in enumerate(paragraphs)]
    for r, cells in enumerate(table or []):
        lines.append(
            Line(
                text=" | ".join(cells),
                cells=cells,
                prov=Provenance(file=name, page=1, block=len(paragraphs), table=0, row=r),
            )
        )
    return DocumentText(
        file=name, sha256="b" * 64, source="docx", pages=[Page(number=1, method="docx", lines=lines)]
    )


CRITERIA_TABLE = [
    ["TT", "Tiêu chí", "Điểm chuẩn", "Điểm tự chấm"],
    ["1", "Hoàn thành tốt nhiệm vụ chính trị", "25", "24,5"],
    ["2", "Chất lượng sinh hoạt tốt", "25", "25"],
    ["3", "Đoàn kết, kỷ luật tốt", "25", "23"],
    ["4", "Cán bộ, đảng viên tốt", "25", "25"],
]


def build_case(
    tmp: Path, *, dossier_id: str = "hs01", unit: str = "Chi bộ Phòng Tư pháp"
) -> tuple[Result, Dossier]:
    """A dossier with flags of every severity, OCR evidence on a real page image, and a Word table row."""
    scan = tmp / f"{dossier_id}-bb-p1.jpg"
    boxes = render_scan(scan, SCAN_LINES)
    bb = ocr_doc("Bien ban kiem phieu.jpg", scan, boxes)
    tt = docx_doc(
        "To trinh.docx",
        ["CHI BỘ PHÒNG TƯ PHÁP", "TỜ TRÌNH", f"Chi bộ có 15 đảng viên {EVIL}", "Kính gửi: Đảng ủy Cơ quan"],
    )
    ph = docx_doc("Phieu tu danh gia.docx", ["PHIẾU TỰ ĐÁNH GIÁ"], CRITERIA_TABLE)
    members_line = SCAN_LINES[3]
    dossier = Dossier(
        id=dossier_id,
        files=[
            DossierFile(file=d.file, sha256=d.sha256, text=d, doc_type=t)
            for d, t in ((tt, "to_trinh"), (bb, "bien_ban_kiem_phieu"), (ph, "phieu_tu_danh_gia"))
        ],
    )
    result = Result(
        dossier_id=dossier_id,
        profile="mac-dinh",
        unit=Unit(name=unit, kind="chi_bo", parent="Đảng bộ Cơ quan Chính quyền huyện"),
        year=2024,
        verdict="khong_dat",
        documents=[
            DocumentEntry(
                file=tt.file, sha256=tt.sha256, type="to_trinh", source="docx", pages=1, page_methods=["docx"]
            ),
            DocumentEntry(
                file=bb.file,
                sha256=bb.sha256,
                type="bien_ban_kiem_phieu",
                source="ocr",
                pages=1,
                ocr_confidence=76.0,
                page_methods=["ocr"],
            ),
            DocumentEntry(
                file=ph.file,
                sha256=ph.sha256,
                type="phieu_tu_danh_gia",
                source="docx",
                pages=1,
                page_methods=["docx"],
            ),
        ],
        figures=Figures(
            members_total=15,
            members_official=13,
            members_present=12,
            ballots_issued=12,
            votes_for=11,
            votes_against=1,
            criteria_scores=[24.5, 25, 23, 25],
            criteria_max=[25, 25, 25, 25],
            regular_meetings=12,
            thematic_meetings=4,
        ),
        flags=[
            Flag(
                code="UNRECOGNIZED_DOCUMENT",
                severity="info",
                message="ke hoach.docx: không phải một trong bốn văn bản",
                evidence=[Evidence(file="ke hoach.docx", page=1, text="KẾ HOẠCH")],
            ),
            Flag(
                code="MEMBER_COUNT_MISMATCH",
                severity="warning",
                message="Tờ trình ghi 15 đảng viên, biên bản kiểm phiếu ghi 14",
                rule="consistency.members",
                source="Đối chiếu giữa các văn bản",
                field="members_total",
                evidence=[
                    Evidence(file=tt.file, page=1, block=2, text=f"Chi bộ có 15 đảng viên {EVIL}"),
                    Evidence(
                        file=bb.file, page=1, text=members_line, bbox=boxes[members_line], image=str(scan)
                    ),
                ],
            ),
            Flag(
                code="CRITERION_BELOW_THRESHOLD",
                severity="error",
                message="Tiêu chí 3 đạt 92% (< 95%)",
                rule="criteria.min_share",
                source="Kế hoạch thành ủy (seed 001), II.2.2",
                field="criteria_scores",
                evidence=[Evidence(file=ph.file, page=1, table=0, row=3, text=" | ".join(CRITERIA_TABLE[3]))],
            ),
            Flag(
                code="LOW_OCR_CONFIDENCE",
                severity="warning",
                message="Bien ban kiem phieu.jpg trang 1: độ tin cậy OCR 76% (< 80%)",
                evidence=[Evidence(file=bb.file, page=1, text=SCAN_LINES[6], bbox=boxes[SCAN_LINES[6]])],
            ),
        ],
        readings={
            "members_total": [
                Reading(
                    value=15,
                    text="Chi bộ có 15 đảng viên",
                    file=tt.file,
                    doc_type="to_trinh",
                    page=1,
                    block=2,
                    chosen=True,
                ),
                Reading(
                    value=14,
                    text=members_line,
                    file=bb.file,
                    doc_type="bien_ban_kiem_phieu",
                    page=1,
                    bbox=boxes[members_line],
                    confidence=88.0,
                ),
            ],
            "criterion.3": [
                Reading(
                    value={"index": 3, "max": 25, "score": 23, "passed": None},
                    text=" | ".join(CRITERIA_TABLE[3]),
                    file=ph.file,
                    doc_type="phieu_tu_danh_gia",
                    page=1,
                    table=0,
                    row=3,
                    chosen=True,
                ),
            ],
            "votes_for": [
                Reading(
                    value=11,
                    text=SCAN_LINES[6],
                    file=bb.file,
                    doc_type="bien_ban_kiem_phieu",
                    page=1,
                    bbox=boxes[SCAN_LINES[6]],
                    confidence=88.0,
                    chosen=True,
                ),
            ],
        },
        processed_at="2025-01-10T08:00:00+00:00",
        hoso_version="0.1.0",
    )
    return result, dossier


@pytest.fixture(scope="module")
def sheet_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("sheet")
    result, dossier = build_case(tmp, unit=f"Chi bộ Phòng Tư pháp {EVIL}")
    out = tmp / "out" / result.dossier_id
    write_dossier_reports(result, dossier, out)
    return out


def test_review_html_is_self_contained(sheet_dir: Path) -> None:
    html = (sheet_dir / "review.html").read_text("utf-8")
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", html, re.I)
    assert "@import" not in html and "url(http" not in html
    assert "default-src 'none'; img-src data:" in html  # and the browser is told to load nothing else
    assert html.count('src="data:image/jpeg;base64,') >= 3  # two crops of the scan, one thumbnail


def test_document_text_is_escaped(sheet_dir: Path) -> None:
    html = (sheet_dir / "review.html").read_text("utf-8")
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html
    assert 'src="http://evil' not in html and "&lt;img src=&#34;http://evil.example/x.png&#34;&gt;" in html


def test_review_html_shows_verdict_flags_in_order_and_disagreement(sheet_dir: Path) -> None:
    html = (sheet_dir / "review.html").read_text("utf-8")
    assert 'data-verdict="khong_dat"' in html and "Không đạt" in html
    i_err, i_warn, i_info = (html.index(f'class="card flag {s}') for s in ("error", "warning", "info"))
    assert i_err < i_warn < i_info
    assert "Tiêu chí 3 đạt 92% (&lt; 95%)" in html
    assert (
        '<tr class="hit"><td>3</td><td>Đoàn kết, kỷ luật tốt</td>' in html
    )  # the Word table row, with its header
    assert '<tr class="lech">' in html  # members_total 15 vs 14
    assert "✗ Dưới 95%" in html  # criterion 3
    assert '<span class="v">23/25</span>' in html  # … and where its score was read


def test_crop_shows_the_value_with_its_box(sheet_dir: Path) -> None:
    import base64

    html = (sheet_dir / "review.html").read_text("utf-8")
    uris = re.findall(r'class="crop" src="data:image/jpeg;base64,([^"]+)"', html)
    assert uris
    img = Image.open(io.BytesIO(base64.b64decode(uris[0]))).convert("RGB")
    assert 560 <= img.width <= 700
    px = np.asarray(img).astype(int)
    red = int(((px[..., 0] > 170) & (px[..., 1] < 90) & (px[..., 2] < 90)).sum())
    assert red > 200  # the drawn rectangle


def test_crop_of_a_big_page_is_placed_on_the_value(tmp_path: Path) -> None:
    """A 300 dpi page is decoded at a reduced scale for crops: the box must still land on the ink."""
    from pipeline.reports.images import crop_box

    page = Image.new("L", (2480, 3508), 255)
    ImageDraw.Draw(page).rectangle((1500, 2000, 1700, 2060), fill=0)  # the "value"
    path = tmp_path / "p.jpg"
    page.save(path, quality=80)
    crop = Image.open(
        io.BytesIO(
            crop_box(str(path), Box(x0=1500, y0=2000, x1=1700, y1=2060, unit="px"), (2480, 3508), width=640)
        )
    )
    px = np.asarray(crop.convert("RGB")).astype(int)
    red = (px[..., 0] > 170) & (px[..., 1] < 90) & (px[..., 2] < 90)
    ink = px.sum(axis=2) < 150
    ys, xs = np.nonzero(red)
    iy, ix = np.nonzero(ink)
    assert red.sum() > 200 and ink.sum() > 200
    # the red frame surrounds the black value, a few pixels out
    assert xs.min() <= ix.min() <= ix.max() <= xs.max()
    assert ys.min() <= iy.min() <= iy.max() <= ys.max()
    assert ix.min() - xs.min() < 15 and ys.max() - iy.max() < 15


def test_review_docx_has_header_flags_and_signature(sheet_dir: Path) -> None:
    from docx import Document

    doc = Document(str(sheet_dir / "review.docx"))
    text = "\n".join(p.text for p in doc.paragraphs)
    cells = "\n".join(c.text for t in doc.tables for row in t.rows for c in row.cells)
    assert "PHIẾU THẨM ĐỊNH" in text
    assert "BAN TỔ CHỨC" in cells and "ĐẢNG CỘNG SẢN VIỆT NAM" in cells
    assert "NGƯỜI THẨM ĐỊNH" in cells
    assert "Tiêu chí 3 đạt 92% (< 95%)" in cells
    assert "KHÔNG ĐẠT" in text
    assert len(doc.inline_shapes) >= 2  # the crops of the scan
    assert doc.styles["Normal"].font.name == "Times New Roman"


def _outcome(out: Path, result: Result) -> DossierOutcome:
    d = out / result.dossier_id
    d.mkdir(parents=True, exist_ok=True)
    (d / "result.json").write_text(result.model_dump_json(indent=2), "utf-8")
    return DossierOutcome(
        id=result.dossier_id,
        verdict=str(result.verdict),
        unit=result.unit.name,
        kind=str(result.unit.kind) if result.unit.kind else None,
        errors=sum(f.severity == "error" for f in result.flags),
        warnings=sum(f.severity == "warning" for f in result.flags),
        pages=3,
        out_dir=d,
    )


BATCH = [
    ("hs01", "Chi bộ Phòng Tư pháp", "dat"),
    ("hs02", "Chi bộ Phòng Giáo dục", "khong_dat"),
    ("hs03", "Chi bộ Ấp Long Thạnh", "bo_sung"),
    ("hs 04", "Chi bộ Văn phòng", "dat"),
    ("hs05", None, "can_xem_xet"),
]


@pytest.fixture(scope="module")
def batch_out(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Path]]:
    tmp = tmp_path_factory.mktemp("batch")
    out = tmp / "out"
    outcomes = []
    for did, unit, verdict in BATCH:
        result, _ = build_case(tmp, dossier_id=did, unit=unit or "")
        result.unit.name = unit
        result.verdict = verdict
        if verdict == "dat":
            result.flags = [f for f in result.flags if f.severity == "info"]
        outcomes.append(_outcome(out, result))
    written = write_batch_reports(out, outcomes, "mac-dinh", today=dt.date(2025, 2, 1))
    return out, written


def test_batch_writes_three_reports(batch_out) -> None:
    _, written = batch_out
    assert sorted(p.name for p in written) == ["index.html", "summary.xlsx", "thong_bao_ket_qua.docx"]


def test_summary_has_one_row_per_dossier_with_verdicts(batch_out) -> None:
    from openpyxl import load_workbook

    out, _ = batch_out
    wb = load_workbook(out / "summary.xlsx")
    ws = wb["Tổng hợp"]
    header = [c.value for c in ws[1]]
    rows = [dict(zip(header, (c.value for c in row), strict=True)) for row in ws.iter_rows(min_row=2)]
    got = {r["Hồ sơ"]: r["Kết quả"] for r in rows}
    assert got == {
        "hs01": "Đạt",
        "hs02": "Không đạt",
        "hs03": "Cần bổ sung hồ sơ",
        "hs 04": "Đạt",
        "hs05": "Cần xem xét",
    }
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref
    link = next(row for row in ws.iter_rows(min_row=2) if row[1].value == "hs 04")[10].hyperlink
    assert link.target == "hs%2004/review.html"
    details = wb["Chi tiết"]
    assert details.max_row - 1 == 3 * 4 + 2 * 1  # every flag of each dossier is a row
    assert {c.value for c in details["D"][1:]} == {"Lỗi", "Cảnh báo", "Thông tin"}


def test_notice_lists_exactly_the_dat_units(batch_out) -> None:
    from docx import Document

    out, _ = batch_out
    paras = [p.text for p in Document(str(out / "thong_bao_ket_qua.docx")).paragraphs]
    i1 = next(i for i, t in enumerate(paras) if t.startswith("1. "))
    i2 = next(i for i, t in enumerate(paras) if t.startswith("2. "))
    i3 = next(i for i, t in enumerate(paras) if t.startswith("3. "))
    meeting = [t[2:] for t in paras[i1 + 1 : i2] if t.startswith("- ")]
    assert meeting == ["Chi bộ Phòng Tư pháp", "Chi bộ Văn phòng"]
    failing = [t for t in paras[i2 + 1 : i3] if t.startswith("- ")]
    assert len(failing) == 1 and failing[0].startswith("- Chi bộ Phòng Giáo dục. Lý do: Tiêu chí 3 đạt 92%")
    pending = "\n".join(paras[i3:])
    assert "Chi bộ Ấp Long Thạnh" in pending and "hs05" in pending
    assert "THÔNG BÁO" in paras and any("năm 2024" in t for t in paras)


def test_dashboard_counts_deadline_and_order(batch_out) -> None:
    out, _ = batch_out
    html = (out / "index.html").read_text("utf-8")
    assert "15/02/2025" in html and "còn 14 ngày" in html
    order = [
        html.index(f">{u}</a>")
        for u in ("Chi bộ Phòng Giáo dục", "Chi bộ Ấp Long Thạnh", "Chi bộ Phòng Tư pháp")
    ]
    assert order == sorted(order)  # khong_dat, bo_sung before dat
    assert 'href="hs%2004/review.html"' in html
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", html, re.I)


def test_deadline_past_is_said_so() -> None:
    from pipeline.reports.common import appraisal_deadline, days_left_text

    deadline = appraisal_deadline("mac-dinh", 2024)
    assert deadline == dt.date(2025, 2, 15)
    assert days_left_text(deadline, dt.date(2025, 2, 20)) == "quá hạn 5 ngày"
    assert days_left_text(deadline, dt.date(2025, 2, 15)) == "hôm nay là hạn cuối"


def test_a_dossier_that_could_not_be_processed_still_gets_both_sheets(tmp_path: Path) -> None:
    from pipeline.stages import failed_result

    result = failed_result("hs09", "mac-dinh", ValueError("hỏng <b>đậm</b>"))
    write_dossier_reports(result, None, tmp_path / "hs09")
    html = (tmp_path / "hs09" / "review.html").read_text("utf-8")
    assert "Cần xem xét" in html and "hỏng &lt;b&gt;đậm&lt;/b&gt;" in html
    assert (tmp_path / "hs09" / "review.docx").stat().st_size > 0


def test_an_empty_batch_writes_empty_reports(tmp_path: Path) -> None:
    written = write_batch_reports(tmp_path, [], "mac-dinh", today=dt.date(2026, 3, 1))
    assert len(written) == 3
    assert "quá hạn 14 ngày" in (tmp_path / "index.html").read_text("utf-8")  # 15/2/2026 for the year 2025


def test_deadline_and_threshold_come_from_the_profile_with_a_fallback() -> None:
    from pipeline.reports.common import appraisal_deadline, criterion_rule

    assert appraisal_deadline("can-duoc", 2025) == dt.date(2026, 2, 15)
    assert appraisal_deadline("khong-co-bo-nay", 2025) == dt.date(
        2026, 2, 15
    )  # unknown profile: seed 001 default
    rule = criterion_rule("mac-dinh")
    assert rule.share == 0.95 and rule.met(23.75, 25) is True and rule.met(23.5, 25) is False
    assert "Thành ủy" in rule.source


def test_word_writer_escapes_text_drops_xml_controls_and_embeds_pictures(tmp_path: Path) -> None:
    """OCR text can carry markup characters and form feeds; Word refuses a file with a bare control."""
    from docx import Document
    from PIL import Image

    from pipeline.reports.docx_common import add_row, grid, new_document, para, picture, run

    doc = new_document()
    p = para(doc, "Số phiếu <hợp lệ> & “đúng”:\x0c 18", bold=True)
    run(p, "\tdòng hai\nhết", italic=True)
    row = add_row(grid(doc, ["Số liệu", "Bằng chứng"], (5.0, 8.0)))
    para(row[0], "Phiếu phát ra")
    img = io.BytesIO()
    Image.new("RGB", (400, 100), "white").save(img, "JPEG")
    picture(row[1], img.getvalue(), 6.0)
    path = tmp_path / "t.docx"
    path.write_bytes(doc.to_bytes())

    back = Document(str(path))
    assert back.paragraphs[0].text == "Số phiếu <hợp lệ> & “đúng”: 18\tdòng hai\nhết"
    assert back.paragraphs[0].runs[0].bold and back.paragraphs[0].runs[1].italic
    assert back.tables[0].rows[1].cells[0].text == "Phiếu phát ra"
    (shape,) = back.inline_shapes
    assert abs(shape.width.cm - 6.0) < 0.01 and abs(shape.height.cm - 1.5) < 0.01
    assert back.sections[0].page_width.cm == pytest.approx(21.0, abs=0.01)


def test_every_flag_code_has_a_vietnamese_title() -> None:
    """index.html, summary.xlsx and the sheets name a flag by its title; a code without one shows raw."""
    from pipeline.reports.common import FLAG_TITLES_VI
    from validators.codes import FlagCode

    assert [c.value for c in FlagCode if c.value not in FLAG_TITLES_VI] == []
