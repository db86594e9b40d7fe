"""OCR reader: real Tesseract on pages rendered here at 300 dpi; rotation, skew, EXIF, mixed PDFs, faults."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from extractors import ReadContext, read_file
from extractors.errors import OcrFailed
from extractors.model import DocumentText
from extractors.readers import ocr as ocr_reader
from extractors.text import fold
from tests.builders import DEJAVU

LINES = [
    "CHI BỘ PHÒNG TƯ PHÁP",
    "BIÊN BẢN KIỂM PHIẾU",
    "Biểu quyết đề nghị công nhận năm 2024",
    "Số đảng viên chính thức có mặt: 13 đồng chí",
]
ROW = ("Số phiếu phát ra", "12")


def render_page(lines: list[str] = LINES, row: tuple[str, str] | None = ROW) -> Image.Image:
    """An A5 page at 300 dpi, 10 pt DejaVu Sans, with one table row whose value sits far right."""
    font = ImageFont.truetype(DEJAVU, 42)
    img = Image.new("L", (1748, 2480), 255)
    draw = ImageDraw.Draw(img)
    for i, text in enumerate(lines):
        draw.text((150, 200 + 90 * i), text, font=font, fill=0)
    if row:
        y = 200 + 90 * len(lines) + 60
        draw.text((150, y), row[0], font=font, fill=0)
        draw.text((1300, y), row[1], font=font, fill=0)
    return img


def save(img: Image.Image, path: Path, **kw: object) -> Path:
    img.save(path, dpi=(300, 300), **kw)
    return path


@pytest.fixture
def ctx(tmp_path: Path) -> ReadContext:
    return ReadContext(workdir=tmp_path / "pages")


def texts(doc: DocumentText) -> list[str]:
    return [ln.text for ln in doc.lines]


def assert_page_read(doc: DocumentText) -> None:
    folded = fold(doc.text)
    assert "bien ban kiem phieu" in folded
    assert "13 dong chi" in folded
    row = next(ln for ln in doc.lines if fold(ln.text).startswith("so phieu phat ra"))
    assert row.cells == ["Số phiếu phát ra", "12"]


def assert_boxes_inside(doc: DocumentText) -> None:
    for page in doc.pages:
        assert page.image and Path(page.image).exists()
        with Image.open(page.image) as kept:
            assert kept.size == (page.width, page.height)  # boxes refer to the kept image
        assert page.lines
        for line in page.lines:
            assert line.prov.page == page.number and line.prov.bbox.unit == "px"
            for w in line.words:
                b = w.bbox
                assert 0 <= b.x0 < b.x1 <= page.width and 0 <= b.y0 < b.y1 <= page.height
                assert 0 <= w.confidence <= 100


@pytest.mark.slow
def test_png_page_gives_lines_cells_words_and_confidence(tmp_path: Path, ctx: ReadContext) -> None:
    doc = read_file(save(render_page(), tmp_path / "bb.png"), "ho so/bb.png", ctx)
    assert doc.source == "ocr" and [p.number for p in doc.pages] == [1]
    page = doc.pages[0]
    assert page.method == "ocr" and page.rotation == 0 and page.skew == 0
    assert texts(doc)[1] == "BIÊN BẢN KIỂM PHIẾU"
    assert_page_read(doc)
    assert_boxes_inside(doc)
    assert page.confidence > 80 and doc.ocr_confidence == page.confidence
    assert all(ln.prov.file == "ho so/bb.png" and ln.prov.confidence > 50 for ln in doc.lines)
    # Reading order is top to bottom.
    tops = [ln.prov.bbox.y0 for ln in doc.lines]
    assert tops == sorted(tops)


@pytest.mark.slow
@pytest.mark.parametrize("turned", [90, 180, 270])
def test_turned_page_is_put_upright(tmp_path: Path, ctx: ReadContext, turned: int) -> None:
    # PIL turns counter-clockwise; setting it right is a clockwise turn by the same angle.
    img = render_page().rotate(turned, expand=True, fillcolor=255)
    doc = read_file(save(img, tmp_path / "r.png"), "r.png", ctx)
    page = doc.pages[0]
    assert page.rotation == turned
    assert (page.width, page.height) == (1748, 2480)  # upright again
    assert_page_read(doc)
    assert_boxes_inside(doc)
    assert page.confidence > 80


@pytest.mark.slow
@pytest.mark.parametrize("turned", [90, 270])
def test_sideways_page_is_turned_without_osd(
    tmp_path: Path, ctx: ReadContext, turned: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    # On a page with enough accents the glyphs say which way it lies; OSD is kept for pages
    # whose accents cannot tell and for pages that read badly.
    def no_osd(*_args: object) -> tuple[int, float]:
        raise AssertionError("OSD was asked about a page the glyphs had already turned")

    monkeypatch.setattr(ocr_reader, "detect_rotation", no_osd)
    img = render_page(LINES * 3, row=None).rotate(turned, expand=True, fillcolor=255)
    page = read_file(save(img, tmp_path / "s.png"), "s.png", ctx).pages[0]
    assert page.rotation == turned and page.confidence > 80


@pytest.mark.slow
def test_skewed_page_is_deskewed(tmp_path: Path, ctx: ReadContext) -> None:
    img = render_page().rotate(3, expand=True, fillcolor=255, resample=Image.Resampling.BICUBIC)
    doc = read_file(save(img, tmp_path / "s.png"), "s.png", ctx)
    page = doc.pages[0]
    assert page.skew == pytest.approx(-3.0, abs=0.3)
    assert page.rotation == 0
    assert_page_read(doc)
    assert_boxes_inside(doc)
    # Deskewed: the title's box is flat, not a 3° diagonal band.
    title = next(ln for ln in doc.lines if "KIỂM PHIẾU" in ln.text)
    assert title.prov.bbox.y1 - title.prov.bbox.y0 < 80


@pytest.mark.slow
def test_exif_orientation_of_a_photo_is_respected(tmp_path: Path, ctx: ReadContext) -> None:
    # A phone stores the pixels sideways and says "turn 90° clockwise to view" (EXIF orientation 6).
    stored = render_page().rotate(90, expand=True).convert("RGB")
    exif = Image.Exif()
    exif[0x0112] = 6
    path = tmp_path / "photo.jpg"
    stored.save(path, "JPEG", quality=92, exif=exif.tobytes())
    doc = read_file(path, "photo.jpg", ctx)
    page = doc.pages[0]
    assert page.rotation == 0  # EXIF set it right; OSD had nothing to do
    assert (page.width, page.height) == (1748, 2480)
    assert_page_read(doc)


@pytest.mark.slow
def test_mixed_pdf_reads_text_page_and_ocrs_scanned_page(tmp_path: Path, ctx: ReadContext) -> None:
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    if "DejaVu" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVu", DEJAVU))
    scan = io.BytesIO()
    render_page().save(scan, "PNG")
    path = tmp_path / "mixed.pdf"
    c = canvas.Canvas(str(path), pagesize=(420, 595))  # A5 in points
    c.setFont("DejaVu", 12)
    c.drawString(50, 540, "TỜ TRÌNH đề nghị công nhận chi bộ bốn tốt năm 2024")
    c.showPage()
    c.drawImage(ImageReader(io.BytesIO(scan.getvalue())), 0, 0, width=420, height=595)
    c.setFont("DejaVu", 6)
    c.drawString(10, 5, "Scanned with CamScanner")  # a scan's overlay text is not a text layer
    c.showPage()
    c.save()
    doc = read_file(path, "mixed.pdf", ctx)
    assert [p.method for p in doc.pages] == ["pdf_text", "ocr"]
    assert [p.number for p in doc.pages] == [1, 2]
    assert doc.source == "ocr" and doc.pages[0].unit == "pt" and doc.pages[1].unit == "px"
    assert doc.pages[0].lines[0].prov.page == 1
    scanned = DocumentText(file=doc.file, sha256=doc.sha256, source="ocr", pages=[doc.pages[1]])
    assert_page_read(scanned)
    assert_boxes_inside(scanned)
    assert doc.ocr_confidence == doc.pages[1].confidence  # text pages carry no OCR confidence


@pytest.mark.slow
def test_scanned_pdf_is_read_from_its_embedded_jpeg(
    tmp_path: Path, ctx: ReadContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A scanner's PDF (one JPEG per page, here at 200 dpi): the JPEG is decoded, not the page rendered,
    and read at 300 dpi as a render would be."""
    taken: list[bool] = []
    real = ocr_reader.embedded_scan

    def spy(*args: object) -> object:
        got = real(*args)
        taken.append(got is not None)
        return got

    monkeypatch.setattr(ocr_reader, "embedded_scan", spy)
    page = render_page().resize((1165, 1653), Image.Resampling.LANCZOS)  # the A5 page at 200 dpi
    path = tmp_path / "scan.pdf"
    page.save(path, "PDF", resolution=200.0, quality=85)
    doc = read_file(path, "scan.pdf", ctx)
    assert taken == [True]
    assert doc.pages[0].method == "ocr" and abs(doc.pages[0].width - 1748) <= 2
    assert_page_read(doc)
    assert_boxes_inside(doc)


@pytest.mark.slow
def test_scanned_pdf_whose_embedded_jpeg_breaks_is_rendered(
    tmp_path: Path, ctx: ReadContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object) -> object:
        raise RuntimeError("pdfium: odd image object")

    monkeypatch.setattr(ocr_reader, "embedded_scan", broken)
    path = tmp_path / "scan.pdf"
    render_page().save(path, "PDF", resolution=300.0, quality=85)
    doc = read_file(path, "scan.pdf", ctx)
    assert doc.pages[0].method == "ocr"
    assert_page_read(doc)


@pytest.mark.slow
def test_multipage_tiff_gives_one_page_per_frame(tmp_path: Path, ctx: ReadContext) -> None:
    first = render_page()
    second = render_page(["BÁO CÁO", "Chi bộ tổ chức 12 kỳ sinh hoạt"], row=None)
    path = tmp_path / "scan.tif"
    first.save(path, save_all=True, append_images=[second], dpi=(300, 300), compression="tiff_deflate")
    doc = read_file(path, "scan.tif", ctx)
    assert [p.number for p in doc.pages] == [1, 2]
    assert all(p.method == "ocr" for p in doc.pages)
    assert "bao cao" in fold(" ".join(ln.text for ln in doc.pages[1].lines))
    assert doc.pages[0].image != doc.pages[1].image
    assert_boxes_inside(doc)


@pytest.mark.slow
def test_low_resolution_scan_is_upscaled(tmp_path: Path, ctx: ReadContext) -> None:
    small = render_page().resize((699, 992), Image.Resampling.LANCZOS)  # the page at 120 dpi
    path = tmp_path / "low.png"
    small.save(path, dpi=(120, 120))
    doc = read_file(path, "low.png", ctx)
    page = doc.pages[0]
    assert page.width > 699 * 1.3  # read (and kept) at a larger scale; boxes refer to that image
    assert_page_read(doc)
    assert_boxes_inside(doc)


@pytest.mark.slow
def test_page_over_the_timeout_fails_with_a_clear_message(tmp_path: Path, ctx: ReadContext) -> None:
    ctx.limits.ocr_timeout_s = 0.01
    with pytest.raises(OcrFailed) as err:
        read_file(save(render_page(), tmp_path / "t.png"), "t.png", ctx)
    assert "quá thời gian" in err.value.message_vi or "quá 0.01 giây" in err.value.message_vi
    assert "timed out" in err.value.message_en


def test_tesseract_not_installed_fails_with_a_clear_message(tmp_path: Path, ctx: ReadContext) -> None:
    ctx.tesseract_cmd = str(tmp_path / "nowhere" / "tesseract")
    with pytest.raises(OcrFailed) as err:
        read_file(save(render_page(), tmp_path / "m.png"), "m.png", ctx)
    assert "chưa cài Tesseract" in err.value.message_vi and "not installed" in err.value.message_en


def test_tesseract_missing_from_path_fails_clearly(
    tmp_path: Path, ctx: ReadContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # a PATH without tesseract; pytesseract's default cmd
    with pytest.raises(OcrFailed) as err:
        read_file(save(render_page(), tmp_path / "m.png"), "m.png", ctx)
    assert "make run" in err.value.message_en


def test_failed_page_of_a_multipage_file_is_reported_and_the_rest_kept(tmp_path: Path) -> None:
    """A fake Tesseract (OCRmyPDF's way of injecting faults) that crashes on the second page only."""
    fake = tmp_path / "tesseract"
    count = tmp_path / "count"
    fake.write_text(
        "#!/bin/sh\n"
        f'echo x >> "{count}"\n'
        "cat > /dev/null\n"
        f'if [ "$(wc -l < "{count}")" -eq 2 ]; then echo "segfault" >&2; exit 139; fi\n'
        "printf 'level\\tpage_num\\tblock_num\\tpar_num\\tline_num\\tword_num\\tleft\\ttop\\twidth\\theight\\tconf\\ttext\\n'\n"
        "printf '5\\t1\\t1\\t1\\t1\\t1\\t10\\t10\\t50\\t20\\t91.5\\tChữ\\n'\n"
    )
    fake.chmod(0o755)
    pages = [render_page(["Trang một"], row=None), render_page(["Trang hai"], row=None)]
    path = tmp_path / "two.tif"
    pages[0].save(path, save_all=True, append_images=pages[1:], dpi=(300, 300))
    ctx = ReadContext(workdir=tmp_path / "pages", tesseract_cmd=str(fake), ocr_threads=1)
    doc = read_file(path, "two.tif", ctx)
    assert [p.method for p in doc.pages] == ["ocr", "none"]
    assert doc.pages[0].lines[0].text == "Chữ" and doc.pages[0].confidence == 91.5
    assert "trang 2" in doc.pages[1].note and "exit 139" in doc.pages[1].note
    assert len(doc.warnings) == 1


def test_tesseracts_never_outnumber_the_slots_and_run_single_threaded(tmp_path: Path) -> None:
    """A fake Tesseract logs its start, end and OMP_THREAD_LIMIT; six pages, four threads, two slots."""
    import threading

    fake = tmp_path / "tesseract"
    log = tmp_path / "log"
    fake.write_text(
        "#!/bin/sh\n"
        f'echo "start $OMP_THREAD_LIMIT $*" >> "{log}"\n'
        "cat > /dev/null\n"
        "sleep 0.2\n"
        f'echo end >> "{log}"\n'
        "printf 'level\\tpage_num\\tblock_num\\tpar_num\\tline_num\\tword_num\\tleft\\ttop\\twidth\\theight\\tconf\\ttext\\n'\n"
        "printf '5\\t1\\t1\\t1\\t1\\t1\\t10\\t10\\t50\\t20\\t95\\tx\\n'\n"
    )
    fake.chmod(0o755)
    frames = [render_page([f"Trang {i}"], row=None) for i in range(6)]
    path = tmp_path / "six.tif"
    frames[0].save(path, save_all=True, append_images=frames[1:], dpi=(300, 300))
    ctx = ReadContext(
        workdir=tmp_path / "pages",
        tesseract_cmd=str(fake),
        ocr_threads=4,
        ocr_slots=threading.BoundedSemaphore(2),
    )
    doc = read_file(path, "six.tif", ctx)
    assert [p.number for p in doc.pages] == [1, 2, 3, 4, 5, 6]
    running = peak = 0
    starts = []
    for entry in log.read_text().splitlines():
        if entry.startswith("start"):
            running += 1
            starts.append(entry)
        else:
            running -= 1
        peak = max(peak, running)
    assert len(starts) == 6 and peak <= 2
    assert all(s.startswith("start 1 stdin stdout") for s in starts)  # single-threaded; no file name in argv
