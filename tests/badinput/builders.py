"""Byte-level builders of hostile and broken files: PDF, PNG, TIFF, OLE (CFB) and ZIP written by hand.

Nothing here allocates the payload a file claims: a 30,000 x 30,000 PNG or a 3.5 GB zip member
is written from one compressed block repeated, so the corpus costs seconds and megabytes.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from PIL import Image, ImageDraw, ImageFont

from tests import builders

FONT = builders.DEJAVU

# ---------------------------------------------------------------- deflate without the payload


def deflate_repeated(segments: Sequence[tuple[bytes, int]]) -> tuple[bytes, int, int]:
    """Raw deflate of ``chunk * times`` for each segment, in order: (stream, crc32, size).

    Each distinct chunk is compressed once from a fresh compressor and ended with a full flush, so
    its block references nothing before it and can be repeated; an empty final block ends the stream.
    """
    blocks: dict[bytes, tuple[bytes, int]] = {}
    out = bytearray()
    crc = 0
    size = 0
    for chunk, times in segments:
        if chunk not in blocks:
            c = zlib.compressobj(9, zlib.DEFLATED, -15)
            blocks[chunk] = (c.compress(chunk) + c.flush(zlib.Z_FULL_FLUSH), zlib.crc32(chunk))
        block, _ = blocks[chunk]
        for _ in range(times):
            out += block
            crc = zlib.crc32(chunk, crc)
        size += len(chunk) * times
    out += b"\x03\x00"  # an empty final block (fixed Huffman, end-of-block)
    return bytes(out), crc, size


# ---------------------------------------------------------------- ZIP by hand


@dataclass(frozen=True)
class RawMember:
    """One member of a hand-written zip: its name, stored or deflated bytes and declared sizes."""

    name: bytes
    data: bytes
    crc: int
    size: int
    method: int = zipfile.ZIP_DEFLATED
    utf8: bool = True
    external_attr: int = 0o100644 << 16

    @classmethod
    def stored(cls, name: str, data: bytes) -> RawMember:
        return cls(name.encode("utf-8"), data, zlib.crc32(data), len(data), method=zipfile.ZIP_STORED)


def raw_zip(members: Sequence[RawMember]) -> bytes:
    """A zip of members whose sizes are declared as given (under 4 GiB each; no zip64)."""
    out = bytearray()
    central = bytearray()
    for m in members:
        flag = 0x800 if m.utf8 else 0
        offset = len(out)
        out += struct.pack(
            "<4sHHHHHIIIHH",
            b"PK\x03\x04",
            20,
            flag,
            m.method,
            0,
            0x21,
            m.crc,
            len(m.data),
            m.size,
            len(m.name),
            0,
        )
        out += m.name + m.data
        central += struct.pack(
            "<4sHHHHHHIIIHHHHHII",
            b"PK\x01\x02",
            (3 << 8) | 20,  # made by Unix, so the mode bits in external_attr count
            20,
            flag,
            m.method,
            0,
            0x21,
            m.crc,
            len(m.data),
            m.size,
            len(m.name),
            0,
            0,
            0,
            0,
            m.external_attr,
            offset,
        )
        central += m.name
    cd_offset = len(out)
    out += central
    out += struct.pack(
        "<4sHHHHIIH", b"PK\x05\x06", 0, 0, len(members), len(members), len(central), cd_offset, 0
    )
    return bytes(out)


def zip_of(files: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    return buf.getvalue()


def docx_with(good: bytes, replace: dict[str, bytes]) -> bytes:
    """A copy of a real .docx with some parts replaced (or added)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(good)) as src, zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename not in replace:
                dst.writestr(info.filename, src.read(info))
        for name, data in replace.items():
            dst.writestr(name, data)
    return buf.getvalue()


# ---------------------------------------------------------------- PDF by hand


def raw_pdf(objects: Sequence[bytes], *, root: int = 1, xref: bool = True) -> bytes:
    """A PDF of numbered objects (1-based, in order) with a correct xref table, or none at all."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    start = len(out)
    if xref:
        out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
        for off in offsets:
            out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, root, start)
    return bytes(out)


def blank_pages_pdf(n: int) -> bytes:
    """``n`` empty A4 pages, one flat page tree: about 60 bytes a page."""
    kids = b" ".join(b"%d 0 R" % (i + 3) for i in range(n))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, n)]
    objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"] * n
    return raw_pdf(objects)


def zero_page_pdf() -> bytes:
    return raw_pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"])


def _content(lines: Sequence[str]) -> bytes:
    ops = (
        b"BT /F1 12 Tf 60 780 Td 16 TL "
        + b" ".join(b"(%s) '" % ln.encode("latin-1") for ln in lines)
        + b" ET"
    )
    return b"<< /Length %d >>\nstream\n" % len(ops) + ops + b"\nendstream"


def active_pdf(lines: Sequence[str], url: str) -> bytes:
    """A text PDF that asks to run JavaScript on opening and carries a link and a launch action."""
    js = f'app.launchURL("{url}", true); this.submitForm("{url}");'.encode()
    return raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R /OpenAction 6 0 R /Names << /JavaScript << /Names [(x) 6 0 R] >> >> >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
            b" /Resources << /Font << /F1 5 0 R >> >> /Annots [7 0 R] /AA << /O 8 0 R >> >>",
            _content(lines),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            b"<< /S /JavaScript /JS (%s) >>" % js,
            b"<< /Type /Annot /Subtype /Link /Rect [0 0 595 842] /A << /S /URI /URI (%s) >> >>"
            % url.encode(),
            b"<< /S /Launch /F (/bin/sh) /Win << /F (cmd.exe) >> >>",
        ]
    )


def break_xref(pdf: bytes) -> bytes:
    """The same PDF with every xref offset wrong and startxref pointing nowhere (a repairable file)."""
    head, sep, tail = pdf.rpartition(b"xref\n")
    assert sep, "no xref table"
    rows = tail.split(b"\n")
    rows = [b"%010d 00000 n " % 7 if r.endswith(b" n ") else r for r in rows]
    broken = head + sep + b"\n".join(rows)
    start = broken.rfind(b"startxref\n")
    return broken[:start] + b"startxref\n999999\n%%EOF\n"


# ---------------------------------------------------------------- PNG and TIFF by hand


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def blank_png(width: int, height: int, *, bit_depth: int = 1) -> bytes:
    """A white grayscale PNG of any size, compressed row block by row block, never held whole."""
    row = b"\x00" + b"\xff" * ((width * bit_depth + 7) // 8)
    rows_per_block = max(1, (1 << 20) // len(row))
    full, rest = divmod(height, rows_per_block)
    idat, _, _ = deflate_repeated([(row * rows_per_block, full), (row * rest, 1 if rest else 0)])
    # deflate_repeated gives raw deflate; PNG wants a zlib stream: header, data, adler32.
    adler = 1
    block = row * rows_per_block
    for _ in range(full):
        adler = zlib.adler32(block, adler)
    adler = zlib.adler32(row * rest, adler)
    stream = b"\x78\xda" + idat + struct.pack(">I", adler)
    ihdr = struct.pack(">IIBBBBB", width, height, bit_depth, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", ihdr) + _chunk(b"IDAT", stream) + _chunk(b"IEND", b"")


def huge_tiff(width: int, height: int) -> bytes:
    """A TIFF header declaring a huge bilevel image with one tiny strip (the rest is missing)."""
    entries = [
        (256, 4, 1, width),  # ImageWidth
        (257, 4, 1, height),  # ImageLength
        (258, 3, 1, 1),  # BitsPerSample
        (259, 3, 1, 32773),  # PackBits
        (262, 3, 1, 0),  # WhiteIsZero
        (273, 4, 1, 8 + 2 + 12 * 8 + 4),  # StripOffsets: just after the IFD
        (278, 4, 1, height),  # RowsPerStrip
        (279, 4, 1, 2),  # StripByteCounts
    ]
    ifd = struct.pack("<H", len(entries))
    for tag, typ, count, value in entries:
        ifd += (
            struct.pack("<HHII", tag, typ, count, value)
            if typ == 4
            else struct.pack("<HHIHH", tag, typ, count, value, 0)
        )
    return b"II*\x00" + struct.pack("<I", 8) + ifd + struct.pack("<I", 0) + b"\x81\x00"


# ---------------------------------------------------------------- OLE compound files by hand

_ENDOFCHAIN, _FATSECT, _FREESECT, _NOSTREAM = 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF, 0xFFFFFFFF
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _dir_entry(
    name: str, kind: int, start: int, size: int, *, child: int = _NOSTREAM, right: int = _NOSTREAM
) -> bytes:
    raw = name.encode("utf-16-le") + b"\x00\x00"
    return (
        raw.ljust(64, b"\x00")
        + struct.pack("<HBBIII", len(raw), kind, 1, _NOSTREAM, right, child)
        + b"\x00" * 16  # CLSID
        + b"\x00" * 4  # state
        + b"\x00" * 16  # times
        + struct.pack("<IQ", start, size)
    )


def ole_file(streams: dict[str, bytes]) -> bytes:
    """A compound file (CFB v3, 512-byte sectors) holding the given streams in the root storage.

    Streams are padded to 4096 bytes so they live in normal sectors (no mini stream); enough for
    a reader that lists stream names, which is all a sniffer needs to tell .doc, .xls and
    password-protected .docx apart.
    """
    streams = {k: v.ljust(4096, b"\x00") for k, v in streams.items()}
    n_dir = (len(streams) + 1 + 3) // 4
    sector = 1 + n_dir  # sector 0 is the FAT, then the directory
    fat = [_FATSECT] + [i + 2 if i + 2 < 1 + n_dir else _ENDOFCHAIN for i in range(n_dir)]
    entries = []
    data = bytearray()
    names = list(streams)
    for i, name in enumerate(names):
        n = len(streams[name]) // 512
        fat += [sector + k + 1 for k in range(n - 1)] + [_ENDOFCHAIN]
        entries.append(
            _dir_entry(name, 2, sector, len(streams[name]), right=i + 2 if i + 1 < len(names) else _NOSTREAM)
        )
        data += streams[name]
        sector += n
    assert len(fat) <= 128, "one FAT sector only"
    root = _dir_entry("Root Entry", 5, _ENDOFCHAIN, 0, child=1 if names else _NOSTREAM)
    directory = (root + b"".join(entries)).ljust(512 * n_dir, b"\x00")
    fat_sector = b"".join(struct.pack("<I", x) for x in fat).ljust(512, b"\xff")
    header = (
        OLE_MAGIC
        + b"\x00" * 16
        + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
        + b"\x00" * 6
        + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, _ENDOFCHAIN, 0, _ENDOFCHAIN, 0)
        + struct.pack("<I", 0)
        + b"\xff" * 4 * 108
    )
    assert len(header) == 512
    return header + fat_sector + directory + bytes(data)


def encrypted_docx() -> bytes:
    """What Word writes for a .docx with a password: an OLE file, not a zip (MS-OFFCRYPTO agile)."""
    info = struct.pack("<HHI", 4, 4, 0x40) + (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        b'<encryption xmlns="http://schemas.microsoft.com/office/2006/encryption">'
        b'<keyData saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES"'
        b' cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" saltValue="AAAAAAAAAAAAAAAAAAAAAA=="/>'
        b"</encryption>"
    )
    package = struct.pack("<Q", 12345) + bytes(range(256)) * 48
    return ole_file({"EncryptionInfo": info, "EncryptedPackage": package})


def legacy_doc() -> bytes:
    """A Word 97-2003 file's skeleton: the FIB magic in WordDocument, a table stream."""
    fib = struct.pack("<HHH", 0xA5EC, 0x00C1, 0x0409) + b"\x00" * 26
    return ole_file({"WordDocument": fib, "1Table": b"\x00" * 64, "\x05SummaryInformation": b"\xfe\xff"})


def legacy_xls() -> bytes:
    """An Excel 97-2003 workbook's skeleton: a BOF record in the Workbook stream."""
    bof = struct.pack("<HHHHII", 0x0809, 16, 0x0600, 0x0005, 0, 0)
    return ole_file({"Workbook": bof + struct.pack("<HH", 0x000A, 0)})


# ---------------------------------------------------------------- images with text


@cache
def text_image(lines: tuple[str, ...], size: tuple[int, int] = (900, 260)) -> Image.Image:
    img = Image.new("RGB", size, "white")
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype(FONT, 30)
    for i, line in enumerate(lines):
        draw.text((30, 30 + 48 * i), line, fill="black", font=font)
    return img


def image_bytes(img: Image.Image, fmt: str, **params) -> bytes:
    buf = io.BytesIO()
    img.save(buf, fmt, **params)
    return buf.getvalue()
