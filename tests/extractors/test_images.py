"""Hostile and broken images: truncated data, decompression bombs, pages over the pixel budget."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image

from extractors import ReadContext, read_file
from extractors.errors import CorruptFile, TooLarge
from extractors.readers.base import Limits


@pytest.fixture
def ctx(tmp_path: Path) -> ReadContext:
    # A Tesseract that does not exist: none of these files may get as far as OCR.
    return ReadContext(workdir=tmp_path / "pages", tesseract_cmd=str(tmp_path / "no-tesseract"))


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_header_only(path: Path, width: int, height: int) -> Path:
    """A few hundred bytes claiming a huge 1-bit image: the classic decompression bomb."""
    ihdr = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 1024)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", ihdr) + _chunk(b"IDAT", idat) + _chunk(b"IEND", b"")
    )
    return path


def test_decompression_bomb_is_too_large_not_a_crash(tmp_path: Path, ctx: ReadContext) -> None:
    path = png_header_only(tmp_path / "bomb.png", 60_000, 60_000)
    assert path.stat().st_size < 2000
    with pytest.raises(TooLarge) as err:
        read_file(path, "bomb.png", ctx)
    assert "quét lại" in err.value.message_vi and "scan it again" in err.value.message_en


@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")
def test_image_over_the_pixel_budget_is_refused_before_decoding(tmp_path: Path, ctx: ReadContext) -> None:
    # 12 000 × 9 000 = 108 MP: under PIL's hard limit, over our 80 MP budget; header only, never decoded.
    path = png_header_only(tmp_path / "huge.png", 12_000, 9_000)
    with pytest.raises(TooLarge) as err:
        read_file(path, "huge.png", ctx)
    assert "12000×9000" in err.value.message_vi and "80 MP" in err.value.message_en


def test_pixel_budget_comes_from_the_limits(tmp_path: Path) -> None:
    path = tmp_path / "a.png"
    Image.new("L", (2000, 1000), 255).save(path)
    ctx = ReadContext(workdir=tmp_path / "p", limits=Limits(max_pixels=1_000_000))
    with pytest.raises(TooLarge):
        read_file(path, "a.png", ctx)


@pytest.mark.parametrize("fmt", ["PNG", "JPEG", "TIFF"])
def test_truncated_image_is_corrupt(tmp_path: Path, ctx: ReadContext, fmt: str) -> None:
    path = tmp_path / f"cut.{fmt.lower()}"
    Image.effect_noise((800, 600), 60).save(path, fmt)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])
    with pytest.raises(CorruptFile) as err:
        read_file(path, path.name, ctx)
    assert "hỏng" in err.value.message_vi and "damaged" in err.value.message_en


def test_image_magic_with_garbage_after_is_corrupt(tmp_path: Path, ctx: ReadContext) -> None:
    path = tmp_path / "fake.jpg"
    path.write_bytes(b"\xff\xd8\xff\xe0" + b"not a jpeg at all" * 50)
    with pytest.raises(CorruptFile):
        read_file(path, "fake.jpg", ctx)
