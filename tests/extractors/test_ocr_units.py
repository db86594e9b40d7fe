"""OCR's pure parts without Tesseract: text-layer quality, rows and cells, deskew, legacy .doc."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import cv2
import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from extractors import ReadContext, read_file
from extractors.errors import UnsupportedFormat
from extractors.model import Line, Provenance
from extractors.readers import doc as doc_reader
from extractors.readers.ocr import build_lines, page_confidence, parse_tsv
from extractors.readers.pdf import text_layer_is_usable
from extractors.readers.prepare import (
    _glyphs,
    _thumb,
    find_skew,
    looks_sideways,
    looks_upside_down,
    text_height,
)
from tests.builders import DEJAVU, make_docx

TSV_HEAD = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"


def _lines(*texts: str) -> list[Line]:
    return [Line(text=t, prov=Provenance(file="a.pdf", page=1)) for t in texts]


def test_text_layer_quality() -> None:
    good = _lines("BIÊN BẢN KIỂM PHIẾU", "Số phiếu phát ra: 12; số phiếu thu về: 12")
    assert text_layer_is_usable(good)
    assert not text_layer_is_usable(_lines("   ", "12"))  # empty or nearly
    assert not text_layer_is_usable(_lines("(cid:12)(cid:15)(cid:33)(cid:40) (cid:41)(cid:42)"))
    # TCVN3 font without a Unicode map: "Cộng hoà xã hội chủ nghĩa Việt Nam".
    assert not text_layer_is_usable(
        _lines("Céng hoµ x· héi chñ nghÜa ViÖt Nam", "§éc lËp - Tù do - H¹nh phóc")
    )
    # A scan with the scanner app's footer is a scan, whatever the footer says.
    footer = _lines("Scanned with CamScanner")
    assert text_layer_is_usable(footer)
    assert not text_layer_is_usable(footer, image_cover=0.95)
    # A scan that carries a real OCR layer (many words over the image) keeps its layer.
    assert text_layer_is_usable(good * 6, image_cover=0.95)


def _tsv(rows: list[tuple[int, int, int, int, int, int, int, float, str]]) -> str:
    out = [TSV_HEAD]
    for block, par, line, left, top, width, height, conf, text in rows:
        out.append(f"5\t1\t{block}\t{par}\t{line}\t1\t{left}\t{top}\t{width}\t{height}\t{conf}\t{text}")
    return "\n".join(out)


def test_rows_join_blocks_side_by_side_and_split_cells_at_wide_gaps() -> None:
    words = parse_tsv(
        _tsv(
            [
                (1, 1, 1, 100, 100, 80, 40, 95, "Số"),
                (1, 1, 1, 195, 102, 120, 40, 93, "phiếu"),
                (1, 1, 1, 330, 101, 150, 40, 90, "phát ra"),
                (2, 1, 1, 1300, 104, 50, 38, 88, "12"),  # Tesseract put the cell in its own block
                (2, 1, 1, 1250, 100, 4, 60, 30, "|"),  # the table's rule
                (3, 1, 1, 100, 200, 300, 40, 40.5, "|Tán"),
                (3, 1, 1, 410, 200, 10, 10, 5, "."),  # a speck: not text, not counted
            ]
        )
    )
    lines = build_lines(words, "bb.png", 2)
    assert [ln.text for ln in lines] == ["Số phiếu phát ra | 12", "Tán ."]
    first = lines[0]
    assert first.cells == ["Số phiếu phát ra", "12"]
    assert first.prov.page == 2 and first.prov.bbox.x0 == 100 and first.prov.bbox.x1 == 1350
    assert first.prov.confidence == pytest.approx((95 + 93 + 90 + 88) / 4, abs=0.1)
    assert [w.text for w in first.words] == ["Số", "phiếu", "phát ra", "12"]
    assert lines[1].cells is None
    assert page_confidence(words) == pytest.approx((95 + 93 + 90 + 88 + 40.5) / 5, abs=0.1)
    assert page_confidence([]) is None


def test_doubted_marks_at_the_edge_of_a_photo_do_not_make_prose_a_table_row() -> None:
    words = parse_tsv(
        _tsv(
            [
                (1, 1, 1, 20, 100, 120, 40, 0, "đxanGbG"),  # the paper's edge and a shadow
                (1, 1, 1, 150, 100, 20, 40, 19.3, "„"),
                (2, 1, 1, 400, 100, 90, 40, 96, "Đảng"),
                (2, 1, 1, 500, 100, 50, 40, 96, "bộ"),
                (2, 1, 1, 560, 100, 50, 40, 96, "có"),
                (2, 1, 1, 620, 100, 40, 40, 96, "16"),
                (2, 1, 1, 670, 100, 60, 40, 92, "chi"),
                (2, 1, 1, 740, 100, 50, 40, 96, "bộ"),
                (3, 1, 1, 1900, 100, 160, 40, 12, "Êuc0<%:"),
                (4, 1, 1, 10, 200, 20, 40, 10, "5"),  # a doubted row number keeps its column
                (4, 1, 1, 100, 200, 400, 40, 95, "Tổng số điểm"),
                (4, 1, 1, 1300, 200, 60, 40, 31, "98"),  # doubted, but a read figure: kept
            ]
        )
    )
    lines = build_lines(words, "p.jpg", 1)
    assert lines[0].text == "Đảng bộ có 16 chi bộ" and lines[0].cells is None
    assert lines[0].prov.bbox.x0 == 400
    assert lines[1].cells == ["5", "Tổng số điểm", "98"]


def test_two_lines_one_above_the_other_are_not_merged() -> None:
    words = parse_tsv(
        _tsv([(1, 1, 1, 100, 100, 200, 40, 90, "một"), (2, 1, 1, 100, 160, 200, 40, 90, "hai")])
    )
    assert [ln.text for ln in build_lines(words, "x", 1)] == ["một", "hai"]


def _text_image(angle: float) -> np.ndarray:
    font = ImageFont.truetype(DEJAVU, 40)
    img = Image.new("L", (1700, 2200), 255)
    draw = ImageDraw.Draw(img)
    for i in range(20):
        draw.text((120, 150 + 90 * i), "Đảng bộ cơ sở hoàn thành tốt nhiệm vụ năm 2024", font=font, fill=0)
    return np.asarray(img.rotate(angle, expand=True, fillcolor=255, resample=Image.Resampling.BILINEAR))


@pytest.mark.parametrize("angle", [0.0, 2.0, -4.0])
def test_skew_is_measured_by_projection_profile(angle: float) -> None:
    ink, scale = _thumb(_text_image(angle))
    glyphs = _glyphs(ink)
    assert find_skew(glyphs) == pytest.approx(-angle, abs=0.3)
    assert 18 < text_height(glyphs, scale) < 40  # 40 px DejaVu: x-height ≈ 22 px


@pytest.mark.parametrize(
    ("turn", "sideways", "upside_down"),
    [(0, False, False), (90, True, False), (180, False, True), (270, True, False)],
)
def test_orientation_guesses_from_glyph_geometry(turn: int, sideways: bool, upside_down: bool) -> None:
    glyphs = _glyphs(_thumb(np.rot90(_text_image(0.0), k=turn // 90))[0])
    assert looks_sideways(glyphs) is sideways
    if not sideways:  # asked only of pages whose lines run across
        assert looks_upside_down(glyphs) is upside_down


def test_blank_page_has_no_skew_and_no_text_height() -> None:
    ink, scale = _thumb(np.full((2000, 1500), 255, np.uint8))
    glyphs = _glyphs(ink)
    assert find_skew(glyphs) == 0.0 and text_height(glyphs, scale) is None
    assert not looks_sideways(glyphs) and not looks_upside_down(glyphs)


def test_doc_without_converter_says_what_to_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(doc_reader.shutil, "which", lambda _name: None)
    path = tmp_path / "old.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 1024)
    with pytest.raises(UnsupportedFormat) as err:
        read_file(path, "old.doc", ReadContext(workdir=tmp_path))
    assert "catdoc" in err.value.message_vi and "catdoc" in err.value.message_en


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice makes the .doc fixture")
def test_legacy_doc_keeps_table_cells(tmp_path: Path) -> None:
    src = make_docx(
        tmp_path / "src.docx", ["BIÊN BẢN KIỂM PHIẾU", [["Phiếu phát ra", "12"]], "Tán thành: 11"]
    )
    profile = (tmp_path / "lo").as_uri()
    subprocess.run(
        [
            "soffice",
            "--headless",
            f"-env:UserInstallation={profile}",
            "--convert-to",
            "doc",
            "--outdir",
            str(tmp_path),
            str(src),
        ],
        capture_output=True,
        timeout=120,
        check=True,
    )
    odd = tmp_path / "-biên bản; rm -rf x.doc"  # a hostile name reaches no shell
    (tmp_path / "src.doc").rename(odd)
    doc = read_file(odd, odd.name, ReadContext(workdir=tmp_path / "w"))
    assert doc.source == "doc" and [p.method for p in doc.pages] == ["doc"]
    assert [ln.text for ln in doc.lines] == ["BIÊN BẢN KIỂM PHIẾU", "Phiếu phát ra | 12", "Tán thành: 11"]
    assert doc.lines[1].cells == ["Phiếu phát ra", "12"]


def test_page_images_of_names_that_fold_alike_do_not_collide(tmp_path: Path) -> None:
    ctx = ReadContext(workdir=tmp_path)
    assert ctx.page_image_path("biên bản.pdf", 1) != ctx.page_image_path("biên_bản.pdf", 1)
    assert ctx.page_image_path("a.pdf", 1) != ctx.page_image_path("a.pdf", 2)


def test_stated_dpi_is_used_only_when_it_fits_a_paper_page() -> None:
    from extractors.readers.image import _dpi

    scan = Image.new("L", (2480, 3508))
    scan.info["dpi"] = (300, 300)
    photo = Image.new("L", (1602, 2184))
    photo.info["dpi"] = (72, 72)  # what phones write, whatever the picture shows
    assert _dpi(scan) == 300.0
    assert _dpi(photo) is None
    assert _dpi(Image.new("L", (100, 100))) is None


def test_rotation_fills_with_the_paper_tone_not_white() -> None:
    import numpy as np

    from extractors.readers.prepare import rotate

    grey_paper = np.full((400, 300), 170, dtype=np.uint8)
    out = rotate(grey_paper, 3.0)
    assert out.shape[0] > 400 and abs(int(out[0, 0]) - 170) <= 2  # corners as grey as the page


def test_speckled_scan_is_detected_and_clean_page_is_not() -> None:
    import numpy as np
    from PIL import Image, ImageDraw, ImageFont

    from extractors.readers.prepare import _thumb, is_speckled

    img = Image.new("L", (2480, 3508), 245)
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 40)
    for i in range(40):
        draw.text(
            (200, 200 + 70 * i), "Chi bộ tổ chức 12 kỳ sinh hoạt thường kỳ trong năm", fill=30, font=font
        )
    clean = np.array(img)
    assert not is_speckled(_thumb(clean)[0])
    import cv2

    rng = np.random.default_rng(1)  # scanner speckle: dark dots of a few pixels at 300 dpi
    dots = cv2.dilate((rng.random(clean.shape) < 0.002).astype(np.uint8), np.ones((4, 4), np.uint8))
    noisy = clean.copy()
    noisy[dots > 0] = 60
    assert is_speckled(_thumb(noisy)[0])


def test_binarise_flattens_shading_drops_specks_and_keeps_accents() -> None:
    import cv2
    from PIL import Image, ImageDraw, ImageFont

    from extractors.readers.prepare import binarise

    img = Image.new("L", (1800, 1200), 255)
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype(DEJAVU, 40)
    for i in range(8):
        draw.text((100, 100 + 110 * i), "Quán triệt, cụ thể hóa kịp thời các nghị quyết", fill=0, font=font)
    clean = np.array(img)
    # A phone photo's shading: the paper goes from 235 on the left to 120 on the right, the ink
    # stays darker than the paper everywhere; plus single-pixel specks.
    shade = np.linspace(235, 120, clean.shape[1], dtype=np.float32)[None, :]
    page = (clean.astype(np.float32) / 255.0) * (shade - 15) + 15
    rng = np.random.default_rng(3)
    ys, xs = rng.integers(0, page.shape[0], 3000), rng.integers(0, page.shape[1], 3000)
    page[ys, xs] = 15
    out = binarise(page.astype(np.uint8), 38.0)

    assert set(np.unique(out)) <= {0, 255}
    text_rows = np.zeros(clean.shape, bool)
    for i in range(8):
        text_rows[90 + 110 * i : 160 + 110 * i, :] = True
    # The shaded paper between the lines is white, specks and all.
    assert (out[~text_rows] == 0).mean() < 0.001
    # The glyphs and accents of the clean page survive: about as many marks (a few accents touch
    # their letter where the shading thickens the strokes), not the 3000 specks.
    marks = lambda a: cv2.connectedComponents((a < 128).astype(np.uint8))[0]  # noqa: E731
    assert abs(marks(out) - marks(clean)) <= 0.08 * marks(clean)
    assert ((out < 128) & (clean < 128)).sum() / (clean < 128).sum() > 0.9


def _scan_pdf(path: Path, jpeg: bytes, size: tuple[int, int], *, decode: str = "", extra: str = "") -> Path:
    """A one-page PDF that lays ``jpeg`` (grey, ``size`` px) over an A4 page, as scanners write it;
    ``decode`` goes into the image dictionary, ``extra`` into the page's drawing after the image."""
    w, h = 595, 842
    content = f"q {w} 0 0 {h} 0 0 cm /Im0 Do Q {extra}".encode()
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {w} {h}] /Resources << /XObject << /Im0 5 0 R >> >> "
        "/Contents 4 0 R >>".encode(),
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        f"<< /Type /XObject /Subtype /Image /Width {size[0]} /Height {size[1]} /ColorSpace /DeviceGray "
        f"/BitsPerComponent 8 /Filter /DCTDecode {decode} /Length {len(jpeg)} >>\nstream\n".encode()
        + jpeg
        + b"\nendstream",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for i, body in enumerate(objs, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    path.write_bytes(bytes(out))
    return path


def _scan_jpeg(size: tuple[int, int]) -> bytes:
    img = Image.new("L", size, 245)
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype(DEJAVU, 30)
    for i in range(20):
        draw.text(
            (120, 150 + 80 * i), "Chi bộ hoàn thành tốt nhiệm vụ chính trị năm 2024", fill=20, font=font
        )
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=80)
    return buf.getvalue()


@pytest.mark.parametrize(
    ("decode", "extra", "taken"),
    [
        ("", "", True),  # a scan: the JPEG is the page
        ("/Decode [1 0]", "", False),  # drawn inverted: the JPEG is not what the page shows
        ("", "0 0 0 rg 50 50 200 100 re f", False),  # something drawn over the scan
    ],
)
def test_embedded_scan_is_taken_only_when_it_is_what_the_page_shows(
    tmp_path: Path, decode: str, extra: str, taken: bool
) -> None:
    import pypdfium2 as pdfium

    from extractors.readers.ocr import embedded_scan

    size = (1654, 2339)  # A4 at 200 dpi
    jpeg = _scan_jpeg(size)
    path = _scan_pdf(tmp_path / "scan.pdf", jpeg, size, decode=decode, extra=extra)
    pdf = pdfium.PdfDocument(str(path))
    try:
        got = embedded_scan(pdf[0], 200, 60_000_000)  # asked at the scan's own resolution
    finally:
        pdf.close()
    if not taken:
        assert got is None
        return
    assert got is not None
    grey, dpi = got
    assert grey.shape == (size[1], size[0]) and abs(dpi - 200) < 1
    expected = np.asarray(Image.open(io.BytesIO(jpeg)).convert("L"), dtype=np.int16)
    assert np.abs(grey.astype(np.int16) - expected).mean() < 2


@pytest.mark.parametrize("size", [(4961, 7016), (1240, 1754)])  # A4 at 600 and at 150 dpi
def test_embedded_scan_is_read_at_the_ocr_resolution(tmp_path: Path, size: tuple[int, int]) -> None:
    import pypdfium2 as pdfium

    from extractors.readers.ocr import embedded_scan

    path = _scan_pdf(tmp_path / "scan.pdf", _scan_jpeg(size), size)
    pdf = pdfium.PdfDocument(str(path))
    try:
        grey, dpi = embedded_scan(pdf[0], 300, 60_000_000)
        assert embedded_scan(pdf[0], 300, 8_000_000) is None  # over the pixel budget: rendered instead
    finally:
        pdf.close()
    assert dpi == 300 and abs(grey.shape[1] - 2480) <= 1


@pytest.mark.parametrize("lying", [90, 180, 270])
def test_a_page_is_prepared_once_and_turned_upright_from_its_own_glyphs(lying: int) -> None:
    from extractors.readers.base import Limits
    from extractors.readers.prepare import UPRIGHT_SHARE, prepare, turn

    upright = _text_image(2.0)
    prep = prepare(turn(upright, lying), Limits())
    back = (360 - lying) % 360
    assert prep.sideways is (lying != 180) and prep.upside_down is (lying == 180)
    assert prep.accents_after(back) >= UPRIGHT_SHARE  # read from the glyph boxes, nothing re-measured
    up = prep.turned(back)
    assert up.rotation == back and not up.sideways and not up.upside_down
    assert up.accents_above is not None and up.accents_above >= UPRIGHT_SHARE
    # the same page as preparing the upright original: deskewed by the same angle, same picture
    ref = prepare(upright, Limits())
    assert up.skew == pytest.approx(ref.skew, abs=0.15) and ref.skew != 0
    assert up.image.shape == ref.image.shape
    assert np.abs(up.image.astype(np.int16) - ref.image.astype(np.int16)).mean() < 4


def _by_labels(ink: np.ndarray, speck: int) -> np.ndarray:
    """The definition drop_specks must meet: label the 8-connected marks, blank those under ``speck`` pixels."""
    _, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    small = stats[:, cv2.CC_STAT_AREA] < speck
    small[0] = False
    out = ink.copy()
    out[small[labels]] = 0
    return out


def test_drop_specks_blanks_exactly_the_marks_under_the_size() -> None:
    from extractors.readers.prepare import drop_specks

    rng = np.random.default_rng(3)
    ink = np.zeros((400, 600), np.uint8)
    cv2.rectangle(ink, (50, 50), (550, 350), 255, 2)  # a table: what lies in its cells is inside a hole
    cv2.line(ink, (300, 50), (300, 350), 255, 2)
    cv2.putText(ink, "Tieu chi 24,5", (70, 150), cv2.FONT_HERSHEY_SIMPLEX, 1.2, 255, 3)
    cv2.circle(ink, (420, 250), 30, 255, 3)  # a loop with specks inside it
    for _ in range(400):  # specks of 1 to 25 pixels, inside cells, in the loop, touching nothing or text
        y, x = rng.integers(0, 396), rng.integers(0, 596)
        h, w = rng.integers(1, 5), rng.integers(1, 6)
        ink[y : y + h, x : x + w] = 255
    ink[200, 100:113] = 255  # a thin line of 13 pixels: a speck however long its box
    for i in range(14):  # a diagonal of 14 pixels: kept
        ink[300 + i, 320 + i] = 255
    ink[255:259, 415:419] = 255  # 16 pixels in the loop: kept
    ink[240:243, 410:413] = 255  # 9 pixels in the loop: blanked
    want = _by_labels(ink, 14)
    got = ink.copy()
    drop_specks(got, 14)
    assert (got != ink).any(), "some specks were blanked"
    assert np.array_equal(got, want)
