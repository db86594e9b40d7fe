"""Phone photos and skewed scans of a rendered table page (samples/degrade.py): the sheet is found and
flattened, the table's grid found, and (with real Tesseract) its figures read cell by cell."""

from __future__ import annotations

import random
from pathlib import Path

import cv2
import numpy as np
import pytest
from PIL import Image

from extractors import ReadContext, read_file
from extractors.readers import prepare as prep
from extractors.readers.base import Limits
from extractors.text import fold
from samples import degrade
from samples.blocks import Para, Table, Title
from samples.render import render_pdf

ROWS = [
    ["STT", "Nội dung tiêu chí", "Điểm tối đa", "Điểm tự chấm"],
    ["1", "Lãnh đạo hoàn thành tốt nhiệm vụ chính trị", "30", "29,5"],
    ["2", "Chất lượng sinh hoạt tốt", "25", "24,5"],
    ["3", "Đoàn kết, kỷ luật tốt", "20", "19,5"],
    ["4", "Cán bộ, đảng viên tốt", "25", "24"],
    ["", "Tổng điểm", "100", "97,5"],
]
DPI = 200


@pytest.fixture(scope="module")
def page() -> Image.Image:
    blocks = [
        Title("PHIẾU TỰ ĐÁNH GIÁ", ["Kết quả thực hiện các tiêu chí năm 2024"]),
        Para("Tên tổ chức đảng: Chi bộ Phòng Tư pháp. Chi bộ tự chấm điểm từng tiêu chí như sau."),
        Table(rows=ROWS, widths=[0.08, 0.52, 0.2, 0.2], bold_rows={0, 5}),
        Para("Chi bộ đề nghị cấp trên xem xét, công nhận."),
    ]
    return degrade.rasterise(render_pdf(blocks), DPI)[0]


def keystone(img: Image.Image, strength: float, angle: float) -> Image.Image:
    """The page on a dark desk, its far edge narrower by ``strength`` of its width, turned ``angle``°."""
    arr = np.asarray(img.convert("RGB")).astype(np.float32)
    h, w = arr.shape[:2]
    m = int(0.08 * w)
    src = np.float32([[0, 0], [w, 0], [w, h], [0, h]])
    d = strength * w / 2
    dst = np.float32([[m + d, m], [m + w - d, m], [m + w, m + h], [m, m + h]])
    size = (w + 2 * m, h + 2 * m)
    warped = cv2.warpPerspective(arr, cv2.getPerspectiveTransform(src, dst), size, borderValue=(70, 60, 50))
    return Image.fromarray(np.clip(degrade._rotate(warped, angle, (70, 60, 50)), 0, 255).astype(np.uint8))


def grey(img: Image.Image) -> np.ndarray:
    return prep.to_grey(img)


def the_table(image: np.ndarray) -> prep.Grid:
    grids = prep.find_grids(image)
    assert len(grids) == 1, [g.box for g in grids]
    return grids[0]


@pytest.mark.parametrize("seed", range(6))
def test_photographed_sheet_is_flattened_and_its_grid_found(page: Image.Image, seed: int) -> None:
    photo = degrade.photo(page, random.Random(seed))
    p = prep.prepare(grey(photo), Limits())
    assert p.flattened
    grid = the_table(p.image)
    assert (grid.n_rows, grid.n_cols) == (len(ROWS), len(ROWS[0]))
    # Flattened, the table's rules are level: its box is as tall as its rows, no taller.
    (_, y0, _, y1), (_, y0_, _, y1_) = grid.box, grid.cells[0][4]
    assert y1 - y0 < 1.15 * (y1_ - y0_) * len(ROWS)


@pytest.mark.parametrize(("strength", "angle"), [(0.02, 2.0), (0.05, -4.0), (0.08, 7.0)])
def test_stronger_perspective_is_flattened_too(page: Image.Image, strength: float, angle: float) -> None:
    p = prep.prepare(grey(keystone(page, strength, angle)), Limits())
    assert p.flattened
    grid = the_table(p.image)
    assert (grid.n_rows, grid.n_cols) == (len(ROWS), len(ROWS[0]))
    widths = [x1 - x0 for r0, _, c0, _, (x0, _, x1, _) in grid.cells if c0 == 2]
    assert max(widths) - min(widths) <= 0.03 * max(widths)  # the columns run straight down


@pytest.mark.parametrize("seed", range(3))
def test_a_scan_is_not_warped(page: Image.Image, seed: int) -> None:
    """A scan's border is its own paper: no outline to find, the deskew does the work."""
    scan = degrade.scan(page, random.Random(seed), colour=False)
    assert prep.find_page(grey(scan)) is None
    p = prep.prepare(grey(scan), Limits())
    assert not p.flattened and p.skew != 0.0
    assert the_table(p.image).n_rows == len(ROWS)


def test_a_blank_or_dark_image_has_no_sheet() -> None:
    assert prep.find_page(np.full((800, 600), 255, np.uint8)) is None
    assert prep.find_page(np.full((800, 600), 40, np.uint8)) is None
    noise = np.random.default_rng(0).integers(0, 255, (800, 600)).astype(np.uint8)
    assert prep.find_page(noise) is None


def _read_table(path: Path, tmp_path: Path) -> list[list[str]]:
    doc = read_file(path, path.name, ReadContext(workdir=tmp_path / "pages"))
    tables = [t for p in doc.pages for t in p.tables]
    assert len(tables) == 1
    return [[c.text for c in row] for row in tables[0].rows]


@pytest.mark.slow
@pytest.mark.parametrize("seed", [1, 4])
def test_figures_of_a_photographed_table_survive(page: Image.Image, tmp_path: Path, seed: int) -> None:
    photo = degrade.photo(page, random.Random(seed))
    path = tmp_path / "IMG_0001.jpg"
    path.write_bytes(degrade.jpeg_bytes(photo, 80))
    rows = _read_table(path, tmp_path)
    assert [r[2:] for r in rows[1:]] == [r[2:] for r in ROWS[1:]]
    assert fold(rows[0][2]) == "diem toi da"


@pytest.mark.slow
def test_figures_of_a_strongly_skewed_photo_survive(page: Image.Image, tmp_path: Path) -> None:
    path = tmp_path / "IMG_0002.jpg"
    path.write_bytes(degrade.jpeg_bytes(keystone(page, 0.06, -6.0), 80))
    rows = _read_table(path, tmp_path)
    assert [r[2:] for r in rows[1:]] == [r[2:] for r in ROWS[1:]]


def broken_rules(img: Image.Image, gap: int, every: int, seed: int = 0) -> Image.Image:
    """Faded toner: every long rule loses ``gap`` px at a random place in each ``every`` px."""
    arr = np.asarray(img.convert("L")).copy()
    ink = 255 - arr
    rules = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (80, 1)))
    rules |= cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, 80)))
    ys, xs = np.nonzero(rules)
    rng = np.random.default_rng(seed)
    for along, size in ((xs, arr.shape[1]), (ys, arr.shape[0])):
        for start in range(0, size, every):
            at = start + int(rng.integers(0, every))
            cut = (along >= at) & (along < at + gap)
            arr[ys[cut], xs[cut]] = 255
    return Image.fromarray(arr).convert("RGB")


@pytest.mark.parametrize(("gap", "every"), [(6, 120), (14, 150)])
def test_grid_is_found_across_breaks_in_its_rules(page: Image.Image, gap: int, every: int) -> None:
    scan = degrade.scan(broken_rules(page, gap, every), random.Random(3), colour=False)
    p = prep.prepare(grey(scan), Limits())
    grid = the_table(p.image)
    assert (grid.n_rows, grid.n_cols) == (len(ROWS), len(ROWS[0]))
    assert len(grid.cells) == len(ROWS) * len(ROWS[0])


@pytest.mark.slow
def test_figures_survive_a_photo_cropped_inside_the_page(page: Image.Image, tmp_path: Path) -> None:
    """No desk around the sheet, so nothing to flatten by its outline: the deskew and the grid cope."""
    img = keystone(page, 0.06, -3.0)
    w, h = img.size
    path = tmp_path / "IMG_0003.jpg"
    path.write_bytes(
        degrade.jpeg_bytes(img.crop((int(0.12 * w), int(0.12 * h), int(0.95 * w), int(0.6 * h))), 85)
    )
    rows = _read_table(path, tmp_path)
    assert [r[2:] for r in rows[1:]] == [r[2:] for r in ROWS[1:]]
