"""The bad-input corpus: each kind of broken, strange or hostile file, in a dossier of good documents.

Every :class:`Case` writes one dossier into an inbox (a folder, or a .zip directly under the inbox)
and says what the result must be: the flag on the bad file (or on the dossier), words the
Vietnamese message must contain, or, for files that are odd but fine, the type they must be read as.
Nothing is committed as a binary: ``python -m tests.badinput.corpus DIR`` writes the whole corpus.
"""

from __future__ import annotations

import io
import os
import shutil
import sys
import unicodedata
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from PIL import Image

from tests import builders as good
from tests.badinput import builders as b

# Where hostile files try to write or read; the tests check these stay untouched or unread.
SLIP_NAME = "hoso_badinput_zip_slip.docx"
SECRET_FILE = "/etc/passwd"
SECRET_MARK = "root:x:0:0"  # a line of /etc/passwd that must never reach OUT
TRAP_URL = "http://127.0.0.1:9/hoso-badinput"  # nothing listens on the discard port; a fetch would show

GOOD_DOCS = {
    "To trinh.docx": good.TO_TRINH,
    "Bien ban kiem phieu.docx": good.BIEN_BAN,
    "Bao cao.docx": good.BAO_CAO,
    "Phieu tu danh gia.docx": good.PHIEU,
}
DOC_TYPES = {
    "To trinh.docx": "to_trinh",
    "Bien ban kiem phieu.docx": "bien_ban_kiem_phieu",
    "Bao cao.docx": "bao_cao",
    "Phieu tu danh gia.docx": "phieu_tu_danh_gia",
}

Content = bytes | Path  # a Path is written as a symbolic link to it
Files = dict[str | bytes, Content]  # dossier-relative name (bytes for a raw, non-UTF-8 name)


@dataclass(frozen=True)
class Expect:
    """What the result must say: ``code`` on the file (or the dossier), words of the message.

    ``code="READ"`` means the file must be read without error, as ``doc_type`` when given.
    """

    code: str | tuple[str, ...]  # one code, or the codes any of which is right (environment-dependent)
    words: tuple[str, ...] = ()
    doc_type: str | None = None


@dataclass(frozen=True)
class Case:
    """One kind of bad input: how to build its dossier and what the result must be."""

    kind: str
    what: str
    files: Callable[[], Files]
    expect: Expect
    bad: str | None = None  # the file's name as shown in result.json; None: the flag is on the dossier
    container: str = (
        "folder"  # "folder", "zip" (zip of ``files``) or "rawzip" (``files`` holds {"": zip bytes})
    )
    keep_good: bool = True  # add the four good documents
    heavy: bool = False  # marked slow: big generation or real OCR of a big page
    xfail: str | None = None
    good_names: tuple[str, ...] = field(default=tuple(GOOD_DOCS))

    def dossier_id(self) -> str:
        return self.kind


# ---------------------------------------------------------------- good documents (cached bytes)


@cache
def docx_bytes(lines: tuple[str, ...]) -> bytes:
    from docx import Document

    doc = Document()
    for line in lines:
        doc.add_paragraph(line)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


@cache
def pdf_bytes(lines: tuple[str, ...], encrypt: str | None = None, owner_only: bool = False) -> bytes:
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    if "DejaVu" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVu", good.DEJAVU))
    buf = io.BytesIO()
    enc = None
    if encrypt:
        enc = StandardEncryption("" if owner_only else encrypt, ownerPassword=encrypt + "-owner", canPrint=0)
    c = canvas.Canvas(buf, invariant=1, encrypt=enc)
    c.setFont("DejaVu", 12)
    for i, line in enumerate(lines):
        c.drawString(60, 780 - 18 * i, line)
    c.showPage()
    c.save()
    return buf.getvalue()


def good_files() -> dict[str, bytes]:
    return {name: docx_bytes(tuple(lines)) for name, lines in GOOD_DOCS.items()}


def _cut(data: bytes, share: float) -> bytes:
    return data[: int(len(data) * share)]


def _noise(n: int, seed: int = 7) -> bytes:
    import random

    rnd = random.Random(seed)
    return bytes(rnd.getrandbits(8) for _ in range(n))


def _scribble(data: bytes, start: float, n: int) -> bytes:
    at = int(len(data) * start)
    return data[:at] + _noise(n) + data[at + n :]


BIEN_BAN = tuple(good.BIEN_BAN)
IMAGE_LINES = (
    "BIÊN BẢN KIỂM PHIẾU",
    "Biểu quyết đề nghị công nhận chi bộ bốn tốt",
    "Số phiếu phát ra: 12",
    "Số phiếu thu về: 12",
)


def _jpeg() -> bytes:
    return b.image_bytes(b.text_image(IMAGE_LINES), "JPEG", quality=85)


def _png() -> bytes:
    return b.image_bytes(b.text_image(IMAGE_LINES), "PNG")


def _tiff() -> bytes:
    return b.image_bytes(b.text_image(IMAGE_LINES), "TIFF", compression="tiff_lzw")


def _png_with_bad_crc() -> bytes:
    data = bytearray(_png())
    at = data.index(b"IDAT") + 4 + 10
    data[at : at + 8] = b"\x00" * 8  # IDAT content changed, CRC left as it was
    return bytes(data)


def _cmyk_jpeg() -> bytes:
    return b.image_bytes(b.text_image(IMAGE_LINES).convert("CMYK"), "JPEG", quality=90)


def _png16() -> bytes:
    import numpy as np

    gray = np.asarray(b.text_image(IMAGE_LINES).convert("L"), dtype=np.uint16) * 257
    return b.image_bytes(Image.fromarray(gray), "PNG")


def _jpeg_bogus_exif() -> bytes:
    exif = Image.Exif()
    exif[0x0112] = 9  # Orientation: only 1-8 exist
    exif[0x010F] = "<script>alert(1)</script>"  # Make
    return b.image_bytes(b.text_image(IMAGE_LINES), "JPEG", quality=85, exif=exif.tobytes())


def _jpeg_garbage_exif() -> bytes:
    jpeg = _jpeg()
    app1 = b"Exif\x00\x00II*\x00\xff\xff\xff\x7f" + _noise(200, 3)
    return jpeg[:2] + b"\xff\xe1" + (len(app1) + 2).to_bytes(2, "big") + app1 + jpeg[2:]


def _xxe_docx() -> bytes:
    base = docx_bytes(tuple(good.TO_TRINH))
    with zipfile.ZipFile(io.BytesIO(base)) as zf:
        xml = zf.read("word/document.xml").decode("utf-8")
    head, body = xml.split("?>", 1)
    doctype = (
        '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file://' + SECRET_FILE + '">'
        f'<!ENTITY web SYSTEM "{TRAP_URL}/xxe">'
        f'<!ENTITY % remote SYSTEM "{TRAP_URL}/dtd"> %remote;]>'
    )
    body = body.replace("<w:body>", "<w:body><w:p><w:r><w:t>&xxe;&web;</w:t></w:r></w:p>", 1)
    with zipfile.ZipFile(io.BytesIO(base)) as zf:
        old_rels = zf.read("word/_rels/document.xml.rels").decode("utf-8")
    # keep the real relationships and add an external one: a reader must never follow it
    rels_final = old_rels.replace(
        "</Relationships>",
        '<Relationship Id="rIdX" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        f'hyperlink" Target="{TRAP_URL}/rel" TargetMode="External"/></Relationships>',
    )
    return b.docx_with(
        base,
        {
            "word/document.xml": (head + "?>" + doctype + body).encode("utf-8"),
            "word/_rels/document.xml.rels": rels_final.encode("utf-8"),
        },
    )


def _billion_laughs_docx() -> bytes:
    base = docx_bytes(tuple(good.TO_TRINH))
    with zipfile.ZipFile(io.BytesIO(base)) as zf:
        xml = zf.read("word/document.xml").decode("utf-8")
    head, body = xml.split("?>", 1)
    ents = '<!ENTITY l0 "hahahahahahahahahahahahahahahahaha">' + "".join(
        f'<!ENTITY l{i} "{("&l" + str(i - 1) + ";") * 10}">' for i in range(1, 10)
    )
    body = body.replace("<w:body>", "<w:body><w:p><w:r><w:t>&l9;</w:t></w:r></w:p>", 1)
    return b.docx_with(
        base, {"word/document.xml": (head + "?><!DOCTYPE w:document [" + ents + "]>" + body).encode()}
    )


def _docx_bad_xml() -> bytes:
    base = docx_bytes(tuple(good.BAO_CAO))
    return b.docx_with(base, {"word/document.xml": b'<?xml version="1.0"?><w:document><w:body><w:p>'})


def _docx_without_body() -> bytes:
    base = docx_bytes(tuple(good.BAO_CAO))
    with zipfile.ZipFile(io.BytesIO(base)) as zf:
        parts = {i.filename: zf.read(i) for i in zf.infolist() if i.filename != "word/document.xml"}
    return b.zip_of(parts)


def _docx_zip_bomb() -> bytes:
    """A .docx whose document.xml inflates to 2 GiB of spaces inside one run of text."""
    base = docx_bytes(tuple(good.BAO_CAO))
    with zipfile.ZipFile(io.BytesIO(base)) as zf:
        parts = {i.filename: zf.read(i) for i in zf.infolist()}
    xml = parts.pop("word/document.xml").decode("utf-8")
    head, tail = xml.split("<w:body>", 1)
    prefix = (head + "<w:body><w:p><w:r><w:t>").encode()
    suffix = ("</w:t></w:r></w:p>" + tail.split("<w:body>")[-1]).encode()
    chunk = b" " * (1 << 20)
    data, crc, size = b.deflate_repeated([(prefix, 1), (chunk, 2047), (suffix, 1)])
    members = [b.RawMember.stored(name, body) for name, body in parts.items()]
    members.append(b.RawMember(b"word/document.xml", data, crc, size))
    return b.raw_zip(members)


def _script_docx() -> bytes:
    return docx_bytes(
        (
            "<script>alert(1)</script> BIÊN BẢN <b>KIỂM PHIẾU</b>",
            '<img src=x onerror="alert(2)"><a href="javascript:alert(3)">bấm</a>',
            "{{ 7*7 }} {% raw %} ${7*7} &lt;&amp;&gt; ' \" `",
            "=cmd|' /C calc'!A0",
            "\u202eFDP.exe\u200b\ufeff",
        )
    )


def _zip_bomb() -> bytes:
    """A dossier .zip whose one extra member inflates to 3.5 GiB of zeros (3.6 MB on disk)."""
    data, crc, size = b.deflate_repeated([(b"\x00" * (1 << 20), 3584)])
    members = [b.RawMember.stored(name, body) for name, body in good_files().items()]
    members.append(b.RawMember("Phụ lục.pdf".encode(), data, crc, size))
    return b.raw_zip(members)


def _zip_with(extra: list[b.RawMember]) -> bytes:
    return b.raw_zip([b.RawMember.stored(name, body) for name, body in good_files().items()] + extra)


def _slip_members() -> list[b.RawMember]:
    body = docx_bytes(("tệp định ghi ra ngoài",))
    return [
        b.RawMember.stored("../../../../../../../../../../../../tmp/" + SLIP_NAME, body),
        b.RawMember.stored("con/../../" + SLIP_NAME, body),
        b.RawMember.stored("..\\..\\" + SLIP_NAME, body),
    ]


def _abs_members() -> list[b.RawMember]:
    body = docx_bytes(("tệp định ghi ra ngoài",))
    return [
        b.RawMember.stored("/tmp/" + SLIP_NAME, body),
        b.RawMember.stored("C:\\Windows\\Temp\\" + SLIP_NAME, body),
    ]


def _symlink_member() -> list[b.RawMember]:
    target = SECRET_FILE.encode()
    return [
        b.RawMember(
            b"passwd.docx", target, __import__("zlib").crc32(target), len(target), 0, True, 0o120777 << 16
        )
    ]


def _cp437_zip() -> bytes:
    """A zip made by an old Windows tool: names in the code page, not flagged UTF-8."""
    members = [
        b.RawMember(cp1258(name), body, __import__("zlib").crc32(body), len(body), 0, utf8=False)
        for name, body in {"Tờ trình.docx": good_files()["To trinh.docx"]}.items()
    ]
    others = [b.RawMember.stored(n, d) for n, d in good_files().items() if n != "To trinh.docx"]
    return b.raw_zip(members + others)


def _odt() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        zf.writestr(
            "content.xml",
            '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
            'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
            'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>'
            "<text:p>BIÊN BẢN KIỂM PHIẾU</text:p></office:text></office:body></office:document-content>",
        )
        zf.writestr(
            "META-INF/manifest.xml",
            '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
            '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>'
            "</manifest:manifest>",
        )
    return buf.getvalue()


def _xlsx() -> bytes:
    return b.zip_of(
        {
            "[Content_Types].xml": b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
            "xl/workbook.xml": b'<?xml version="1.0"?><workbook/>',
        }
    )


RTF = rb"{\rtf1\ansi\ansicpg1258\deff0{\fonttbl{\f0 Times New Roman;}}\f0 BI\u202?N B\u7842?N KI\u7874?M PHI\u7870?U\par}"


def _many(n: int) -> Files:
    body = docx_bytes(("Phụ lục",))
    files: Files = {f"phu luc/{i:03d}.docx": body for i in range(n)}
    return files


def _nested() -> Files:
    return {f"a/b/c/{name}": body for name, body in good_files().items()}


def _nfd() -> Files:
    files: Files = {k: v for k, v in good_files().items() if k != "To trinh.docx"}
    files[unicodedata.normalize("NFD", "Tờ trình đề nghị.docx")] = good_files()["To trinh.docx"]
    return files


def _renamed(name: str) -> Callable[[], Files]:
    def files() -> Files:
        out: Files = {k: v for k, v in good_files().items() if k != "To trinh.docx"}
        out[name] = good_files()["To trinh.docx"]
        return out

    return files


LONG_NAME = ("Tờ trình đề nghị công nhận chi bộ bốn tốt năm 2024 " * 4)[:200].rstrip() + ".docx"
while len(LONG_NAME.encode()) > 250:
    LONG_NAME = LONG_NAME[:-6].rstrip() + ".docx"
_TONES = "\u0300\u0301\u0303\u0309\u0323"


def cp1258(text: str) -> bytes:
    """Windows-1258 bytes: a precomposed base letter then a combining tone mark, as Windows writes it."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            tone = "".join(c for c in parts if c in _TONES)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES))
            out += (base + tone).encode("cp1258")
    return bytes(out)


CP1258_NAME = cp1258("Tờ trình.docx")  # not UTF-8


def _with(name: str, data: bytes | Callable[[], bytes]) -> Callable[[], Files]:
    return lambda: {name: data() if callable(data) else data}


def _replacing(name: str, data: Callable[[], bytes], drop: str) -> Callable[[], Files]:
    def files() -> Files:
        out: Files = {k: v for k, v in good_files().items() if k != drop}
        out[name] = data()
        return out

    return files


UNREADABLE, UNSUPPORTED, NOT_PROCESSED, READ = "UNREADABLE_FILE", "UNSUPPORTED_FILE", "NOT_PROCESSED", "READ"
_WORD_DAMAGED = ("Word", "hỏng", "gửi lại")
_PDF_DAMAGED = ("PDF", "hỏng")
_IMAGE_DAMAGED = ("ảnh", "hỏng")
DOC_CONVERTER = (
    shutil.which("soffice")
    or shutil.which("libreoffice")
    or shutil.which("catdoc")
    or shutil.which("antiword")
)

CASES: list[Case] = [
    # -- empty, truncated, corrupt
    Case(
        "zero_byte",
        "a 0-byte file",
        _with("Phu luc.pdf", b""),
        Expect(UNREADABLE, ("rỗng", "gửi lại")),
        "Phu luc.pdf",
    ),
    Case(
        "pdf_truncated",
        "a text PDF cut at 40 % (no xref, no trailer)",
        _with("Phu luc.pdf", lambda: _cut(pdf_bytes(BIEN_BAN), 0.4)),
        Expect(UNREADABLE, _PDF_DAMAGED),
        "Phu luc.pdf",
    ),
    Case(
        "pdf_header_only",
        "a PDF header followed by noise",
        _with("Phu luc.pdf", lambda: b"%PDF-1.7\n" + _noise(4000)),
        Expect(UNREADABLE, _PDF_DAMAGED),
        "Phu luc.pdf",
    ),
    Case(
        "docx_truncated",
        "a .docx cut in half",
        _with("Phu luc.docx", lambda: _cut(docx_bytes(BIEN_BAN), 0.5)),
        Expect(UNREADABLE, _WORD_DAMAGED),
        "Phu luc.docx",
    ),
    Case(
        "docx_truncated_named_pdf",
        "a .docx cut in half, named .pdf",
        _with("Phu luc.pdf", lambda: _cut(docx_bytes(BIEN_BAN), 0.5)),
        Expect(UNREADABLE, ("Word", "hỏng")),
        "Phu luc.pdf",
    ),
    Case(
        "docx_bad_xml",
        "a .docx whose document.xml is not well-formed",
        _with("Phu luc.docx", _docx_bad_xml),
        Expect(UNREADABLE, _WORD_DAMAGED),
        "Phu luc.docx",
    ),
    Case(
        "docx_no_body",
        "a .docx without word/document.xml",
        _with("Phu luc.docx", _docx_without_body),
        Expect(UNREADABLE, _WORD_DAMAGED),
        "Phu luc.docx",
    ),
    Case(
        "jpeg_truncated",
        "a JPEG cut at 30 %",
        _with("anh.jpg", lambda: _cut(_jpeg(), 0.3)),
        Expect(UNREADABLE, _IMAGE_DAMAGED),
        "anh.jpg",
    ),
    Case(
        "jpeg_corrupt",
        "JPEG magic then noise",
        _with("anh.jpg", lambda: b"\xff\xd8\xff\xe0" + _noise(3000)),
        Expect(UNREADABLE, _IMAGE_DAMAGED),
        "anh.jpg",
    ),
    Case(
        "png_truncated",
        "a PNG cut at 50 %",
        _with("anh.png", lambda: _cut(_png(), 0.5)),
        Expect(UNREADABLE, _IMAGE_DAMAGED),
        "anh.png",
    ),
    Case(
        "png_bad_crc",
        "a PNG whose image data was changed under its checksum",
        _with("anh.png", _png_with_bad_crc),
        Expect(UNREADABLE, _IMAGE_DAMAGED),
        "anh.png",
    ),
    Case(
        "tiff_truncated",
        "an LZW TIFF cut at 40 %",
        _with("scan.tif", lambda: _cut(_tiff(), 0.4)),
        Expect(UNREADABLE, _IMAGE_DAMAGED),
        "scan.tif",
    ),
    Case(
        "tiff_corrupt",
        "a TIFF header whose first IFD lies past the end",
        _with("scan.tif", lambda: b"II*\x00\xff\xff\xff\x00" + _noise(500)),
        Expect(UNREADABLE, _IMAGE_DAMAGED),
        "scan.tif",
    ),
    Case(
        "pdf_zero_pages",
        "a well-formed PDF with no page",
        _with("Phu luc.pdf", b.zero_page_pdf),
        Expect(UNREADABLE, ("không có trang",)),
        "Phu luc.pdf",
    ),
    # -- lying extensions: read by content
    Case(
        "pdf_named_docx",
        "the vote minutes, a PDF, named .docx",
        _replacing("Bien ban.docx", lambda: pdf_bytes(BIEN_BAN), "Bien ban kiem phieu.docx"),
        Expect(READ, doc_type="bien_ban_kiem_phieu"),
        "Bien ban.docx",
        good_names=("To trinh.docx", "Bao cao.docx", "Phieu tu danh gia.docx"),
    ),
    Case(
        "docx_named_pdf",
        "the vote minutes, a .docx, named .pdf",
        _replacing("Bien ban.pdf", lambda: docx_bytes(BIEN_BAN), "Bien ban kiem phieu.docx"),
        Expect(READ, doc_type="bien_ban_kiem_phieu"),
        "Bien ban.pdf",
        good_names=("To trinh.docx", "Bao cao.docx", "Phieu tu danh gia.docx"),
    ),
    Case(
        "pdf_broken_xref",
        "the vote minutes as a PDF whose xref offsets and startxref are wrong (pdfminer rebuilds them)",
        _replacing("Bien ban.pdf", lambda: b.break_xref(pdf_bytes(BIEN_BAN)), "Bien ban kiem phieu.docx"),
        Expect(READ, doc_type="bien_ban_kiem_phieu"),
        "Bien ban.pdf",
        good_names=("To trinh.docx", "Bao cao.docx", "Phieu tu danh gia.docx"),
    ),
    # -- passwords
    Case(
        "pdf_encrypted",
        "a PDF that needs a password to open",
        _with("Phu luc.pdf", lambda: pdf_bytes(BIEN_BAN, encrypt="secret")),
        Expect(UNREADABLE, ("PDF có mật khẩu", "không mật khẩu")),
        "Phu luc.pdf",
    ),
    Case(
        "pdf_owner_password",
        "a PDF with only an owner password (opens without one; printing forbidden)",
        _replacing(
            "Bien ban.pdf",
            lambda: pdf_bytes(BIEN_BAN, encrypt="secret", owner_only=True),
            "Bien ban kiem phieu.docx",
        ),
        Expect(READ, doc_type="bien_ban_kiem_phieu"),
        "Bien ban.pdf",
        good_names=("To trinh.docx", "Bao cao.docx", "Phieu tu danh gia.docx"),
    ),
    Case(
        "docx_encrypted",
        "a .docx saved with a password (an OLE file holding EncryptionInfo/EncryptedPackage)",
        _with("Phu luc.docx", b.encrypted_docx),
        Expect(UNREADABLE, ("Word có mật khẩu", "không mật khẩu")),
        "Phu luc.docx",
    ),
    # -- too big
    Case(
        "pdf_10000_pages",
        "a PDF of 10,000 blank pages",
        _with("Phu luc.pdf", lambda: b.blank_pages_pdf(10_000)),
        Expect(UNREADABLE, ("10000 trang", "giới hạn")),
        "Phu luc.pdf",
        heavy=True,
    ),
    Case(
        "png_30000px",
        "a white PNG of 30,000 x 30,000 px (about 110 kB)",
        _with("anh.png", lambda: b.blank_png(30_000, 30_000)),
        Expect(UNREADABLE, ("ảnh", "300 dpi")),
        "anh.png",
        heavy=True,
    ),
    Case(
        "png_bomb_under_pil_limit",
        "a 9,500 x 9,500 gray PNG of 90 kB: over max_pixels, under Pillow's own bomb error",
        _with("anh.png", lambda: b.blank_png(9_500, 9_500, bit_depth=8)),
        Expect(UNREADABLE, ("ảnh", "300 dpi")),
        "anh.png",
        heavy=True,
    ),
    Case(
        "tiff_huge_dimensions",
        "a 600-byte TIFF declaring 60,000 x 60,000 px",
        _with("scan.tif", lambda: b.huge_tiff(60_000, 60_000)),
        Expect(UNREADABLE, ("ảnh", "300 dpi")),
        "scan.tif",
    ),
    Case(
        "docx_zip_bomb",
        "a .docx whose document.xml inflates to 2 GiB",
        _with("Phu luc.docx", _docx_zip_bomb),
        Expect(UNREADABLE, ("Word", "quá lớn")),
        "Phu luc.docx",
        heavy=True,
    ),
    Case(
        "zip_bomb",
        "a dossier .zip with a member of 3.5 GiB of zeros",
        lambda: {"": _zip_bomb()},
        Expect(NOT_PROCESSED, ("zip bomb", "giải nén")),
        container="rawzip",
        keep_good=False,
        heavy=True,
    ),
    Case(
        "folder_500_files",
        "a dossier folder of 500 files",
        lambda: _many(500),
        Expect(NOT_PROCESSED, ("500 tệp", "giới hạn")),
        keep_good=False,
    ),
    # -- hostile archives and links
    Case(
        "zip_slip_dotdot",
        "a dossier .zip with ../ member paths",
        lambda: {"": _zip_with(_slip_members())},
        Expect(UNSUPPORTED, ("không an toàn", "nén lại")),
        "../../../../../../../../../../../../tmp/" + SLIP_NAME,
        container="rawzip",
        keep_good=False,
    ),
    Case(
        "zip_slip_absolute",
        "a dossier .zip with absolute member paths",
        lambda: {"": _zip_with(_abs_members())},
        Expect(UNSUPPORTED, ("không an toàn", "nén lại")),
        "/tmp/" + SLIP_NAME,
        container="rawzip",
        keep_good=False,
    ),
    Case(
        "zip_symlink",
        "a dossier .zip with a symbolic link to /etc/passwd",
        lambda: {"": _zip_with(_symlink_member())},
        Expect(UNSUPPORTED, ("liên kết",)),
        "passwd.docx",
        container="rawzip",
        keep_good=False,
    ),
    Case(
        "folder_symlink",
        "a dossier folder with a symbolic link to /etc/passwd",
        _with("passwd.docx", lambda: Path(SECRET_FILE)),  # type: ignore[arg-type,return-value]
        Expect(UNSUPPORTED, ("liên kết",)),
        "passwd.docx",
    ),
    Case(
        "zip_corrupt",
        "a dossier .zip cut in half",
        lambda: {"": _cut(b.zip_of(good_files()), 0.6)},
        Expect(NOT_PROCESSED, (".zip", "hỏng")),
        container="rawzip",
        keep_good=False,
    ),
    Case(
        "zip_in_dossier",
        "a .zip inside a dossier folder",
        _with("kem theo.zip", lambda: b.zip_of(good_files())),
        Expect(UNSUPPORTED, ("nén", "giải nén")),
        "kem theo.zip",
    ),
    Case(
        "zip_cp1258_names",
        "a dossier .zip from an old Windows tool: names in cp1258, not flagged UTF-8",
        lambda: {"": _cp437_zip()},
        Expect(READ, doc_type="to_trinh"),
        "Tờ trình.docx",
        container="rawzip",
        keep_good=False,
        good_names=("Bien ban kiem phieu.docx", "Bao cao.docx", "Phieu tu danh gia.docx"),
    ),
    # -- hostile content
    Case(
        "docx_xxe",
        "a .docx with external entities (file:///etc/passwd, http) and an external relationship",
        _replacing("To trinh.docx", _xxe_docx, "To trinh.docx"),
        Expect(READ, doc_type="to_trinh"),
        "To trinh.docx",
        good_names=("Bien ban kiem phieu.docx", "Bao cao.docx", "Phieu tu danh gia.docx"),
    ),
    Case(
        "docx_billion_laughs",
        "a .docx with nested internal entities (10^9 expansions)",
        _with("Phu luc.docx", _billion_laughs_docx),
        Expect(UNREADABLE, _WORD_DAMAGED),
        "Phu luc.docx",
    ),
    Case(
        "docx_script",
        "a .docx whose text is <script>, HTML, template and formula syntax",
        _with("Phu luc.docx", _script_docx),
        Expect(READ, doc_type="khac"),
        "Phu luc.docx",
    ),
    Case(
        "pdf_javascript",
        "a PDF with OpenAction JavaScript, a URI link and a Launch action",
        _with(
            "Phu luc.pdf",
            lambda: b.active_pdf(["BIEN BAN HOP CHI BO THANG MUOI HAI", "Noi dung sinh hoat"], TRAP_URL),
        ),
        Expect(READ),
        "Phu luc.pdf",
    ),
    # -- names
    Case(
        "name_nfd",
        "a file name in NFD (macOS)",
        _nfd,
        Expect(READ, doc_type="to_trinh"),
        "Tờ trình đề nghị.docx",
        good_names=("Bien ban kiem phieu.docx", "Bao cao.docx", "Phieu tu danh gia.docx"),
    ),
    Case(
        "name_emoji",
        "a file name with emoji",
        _renamed("Tờ trình 📄✅.docx"),
        Expect(READ, doc_type="to_trinh"),
        "Tờ trình 📄✅.docx",
        good_names=("Bien ban kiem phieu.docx", "Bao cao.docx", "Phieu tu danh gia.docx"),
    ),
    Case(
        "name_html",
        "a file name that is HTML",
        _renamed('<img src=x onerror="alert(1)">.docx'),
        Expect(READ, doc_type="to_trinh"),
        '<img src=x onerror="alert(1)">.docx',
        good_names=("Bien ban kiem phieu.docx", "Bao cao.docx", "Phieu tu danh gia.docx"),
    ),
    Case(
        "name_cp1258_bytes",
        "a file name in Windows-1258 bytes (not UTF-8) on Linux",
        lambda: {
            **{k: v for k, v in good_files().items() if k != "To trinh.docx"},
            CP1258_NAME: good_files()["To trinh.docx"],
        },
        Expect(READ, doc_type="to_trinh"),
        "Tờ trình.docx",
        good_names=("Bien ban kiem phieu.docx", "Bao cao.docx", "Phieu tu danh gia.docx"),
    ),
    Case(
        "name_250_bytes",
        "a file name of 250 bytes",
        _renamed(LONG_NAME),
        Expect(READ, doc_type="to_trinh"),
        LONG_NAME,
        good_names=("Bien ban kiem phieu.docx", "Bao cao.docx", "Phieu tu danh gia.docx"),
    ),
    # -- dossier shapes
    Case(
        "empty_folder",
        "an empty dossier folder",
        dict,
        Expect(NOT_PROCESSED, ("không có tệp",)),
        keep_good=False,
    ),
    Case(
        "nested_3_deep",
        "the four documents three folders deep",
        _nested,
        Expect(READ, doc_type="to_trinh"),
        "a/b/c/To trinh.docx",
        keep_good=False,
        good_names=tuple(f"a/b/c/{n}" for n in GOOD_DOCS if n != "To trinh.docx"),
    ),
    # -- formats we do not read
    Case(
        "legacy_doc",
        "a Word 97-2003 .doc skeleton (FIB, no text): unsupported without a converter, no text with one",
        _with("cu.doc", b.legacy_doc),
        Expect(UNREADABLE, ("cu.doc",)) if DOC_CONVERTER else Expect(UNSUPPORTED, ("cu.doc", ".docx")),
        "cu.doc",
        heavy=bool(DOC_CONVERTER),  # LibreOffice takes seconds to start
    ),
    Case(
        "pdf_blank_scan",
        "a PDF of one blank page, no text layer (OCR finds nothing)",
        _with("Phu luc.pdf", lambda: b.blank_pages_pdf(1)),
        Expect(UNREADABLE, ("Phu luc.pdf",)),
        "Phu luc.pdf",
        heavy=True,
    ),
    Case(
        "legacy_xls",
        "an Excel 97-2003 .xls",
        _with("bang.xls", b.legacy_xls),
        Expect(UNSUPPORTED, ("Excel",)),
        "bang.xls",
    ),
    Case("xlsx", "an Excel .xlsx", _with("bang.xlsx", _xlsx), Expect(UNSUPPORTED, ("Excel",)), "bang.xlsx"),
    Case(
        "rtf", "an RTF file", _with("van ban.rtf", RTF), Expect(UNSUPPORTED, ("RTF", ".docx")), "van ban.rtf"
    ),
    Case(
        "odt",
        "an OpenDocument text (.odt)",
        _with("van ban.odt", _odt),
        Expect(UNSUPPORTED, ("OpenDocument", ".docx")),
        "van ban.odt",
    ),
    Case(
        "txt",
        "a plain text note",
        _with("ghi chu.txt", "Ghi chú: hồ sơ gửi bổ sung".encode()),
        Expect(UNSUPPORTED, (".txt", ".docx")),
        "ghi chu.txt",
    ),
    # -- odd images (real OCR, small pages)
    Case(
        "jpeg_cmyk",
        "a CMYK JPEG of the vote minutes",
        _replacing("bien ban.jpg", _cmyk_jpeg, "Bien ban kiem phieu.docx"),
        Expect(READ, doc_type="bien_ban_kiem_phieu"),
        "bien ban.jpg",
        good_names=("To trinh.docx", "Bao cao.docx", "Phieu tu danh gia.docx"),
        heavy=True,
    ),
    Case(
        "png_16bit",
        "a 16-bit grayscale PNG of the vote minutes",
        _replacing("bien ban.png", _png16, "Bien ban kiem phieu.docx"),
        Expect(READ, doc_type="bien_ban_kiem_phieu"),
        "bien ban.png",
        good_names=("To trinh.docx", "Bao cao.docx", "Phieu tu danh gia.docx"),
        heavy=True,
    ),
    Case(
        "jpeg_bogus_exif",
        "a JPEG whose EXIF orientation is 9 (only 1-8 exist) and whose Make is <script>",
        _replacing("bien ban.jpg", _jpeg_bogus_exif, "Bien ban kiem phieu.docx"),
        Expect(READ, doc_type="bien_ban_kiem_phieu"),
        "bien ban.jpg",
        good_names=("To trinh.docx", "Bao cao.docx", "Phieu tu danh gia.docx"),
        heavy=True,
    ),
    Case(
        "jpeg_garbage_exif",
        "a JPEG whose EXIF block is noise",
        _replacing("bien ban.jpg", _jpeg_garbage_exif, "Bien ban kiem phieu.docx"),
        Expect(READ, doc_type="bien_ban_kiem_phieu"),
        "bien ban.jpg",
        good_names=("To trinh.docx", "Bao cao.docx", "Phieu tu danh gia.docx"),
        heavy=True,
    ),
]
BY_KIND = {c.kind: c for c in CASES}
assert len(BY_KIND) == len(CASES), "kinds must be unique"


def write_case(case: Case, inbox: Path) -> Path:
    """Write the case's dossier under ``inbox``; returns the folder or .zip written."""
    files = dict(case.files())
    if case.container == "rawzip":
        path = inbox / f"{case.dossier_id()}.zip"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(files[""])  # type: ignore[arg-type]
        return path
    if case.keep_good:
        files = {**good_files(), **files}
    if case.container == "zip":
        path = inbox / f"{case.dossier_id()}.zip"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b.zip_of({k if isinstance(k, str) else os.fsdecode(k): v for k, v in files.items()}))  # type: ignore[misc]
        return path
    root = inbox / case.dossier_id()
    root.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        target = root / (os.fsdecode(name) if isinstance(name, bytes) else name)
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, Path):
            target.symlink_to(content)
        else:
            target.write_bytes(content)
    return root


def main(argv: list[str]) -> int:
    """Write every case (or the kinds named) under the inbox folder given."""
    inbox = Path(argv[0])
    kinds = argv[1:] or [c.kind for c in CASES]
    for kind in kinds:
        write_case(BY_KIND[kind], inbox)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
