"""Generate a corpus of hostile and broken inputs into a folder.

``make_bad_corpus(folder, good_docx)`` writes every case and returns a list of
:class:`Case` (name, path).  Every case must give exactly one clean line on
stderr from ``notice-lint``; nothing here is ever linted successfully.

Zip bombs are written by hand (local headers, raw deflate, central
directory) from one compressed block repeated, so a document.xml that
inflates to gigabytes costs a few megabytes on disk and a second to build.
"""

from __future__ import annotations

import io
import os
import struct
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Case", "make_bad_corpus", "SECRET", "docx_with_document_xml", "W_DOC_OPEN", "W_DOC_CLOSE"]

# The content of the local file an external entity points at: it must never
# appear in any output of the linter.
SECRET = "NOTICE-LINT-SECRET-7f3a9c-MUST-NOT-LEAK"

W_DOC_OPEN = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
)
W_DOC_CLOSE = "</w:body></w:document>"

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)


@dataclass
class Case:
    name: str
    path: Path
    note: str = ""


def para(text: str) -> str:
    return f"<w:p><w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>"


def docx_with_document_xml(document_xml: bytes | str, extra: dict[str, bytes] | None = None) -> bytes:
    """A minimal package holding this ``word/document.xml``."""
    if isinstance(document_xml, str):
        document_xml = document_xml.encode("utf-8")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", CONTENT_TYPES)
        zf.writestr("word/document.xml", document_xml)
        for name, blob in (extra or {}).items():
            zf.writestr(name, blob)
    return buf.getvalue()


# -- zip bombs -----------------------------------------------------------------


def _repeated_deflate(prefix: bytes, block: bytes, count: int, suffix: bytes) -> tuple[bytes, int, int]:
    """Raw deflate of prefix + block*count + suffix, built from one compressed block.

    After a full flush the compressor forgets its history, so every later
    copy of ``block`` compresses to the same bytes; those bytes are repeated.
    Returns (compressed, crc32, inflated size).
    """
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    head = comp.compress(prefix) + comp.flush(zlib.Z_FULL_FLUSH)
    first = comp.compress(block) + comp.flush(zlib.Z_FULL_FLUSH)
    again = comp.compress(block) + comp.flush(zlib.Z_FULL_FLUSH)
    tail = comp.compress(suffix) + comp.flush()
    assert count >= 2
    if first != again:  # pragma: no cover - zlib always resets after a full flush
        raise RuntimeError("deflate output of a repeated block is not stable")
    crc = zlib.crc32(prefix)
    for _ in range(count):
        crc = zlib.crc32(block, crc)
    crc = zlib.crc32(suffix, crc)
    data = head + first * count + tail
    return data, crc & 0xFFFFFFFF, len(prefix) + len(block) * count + len(suffix)


def _write_zip(path: Path, members: list[tuple[str, bytes, int, int, int]]) -> None:
    """Write a zip of pre-deflated members: (name, deflated, crc, declared size, method)."""
    with open(path, "wb") as out:
        central = io.BytesIO()
        for name, data, crc, size, method in members:
            offset = out.tell()
            bname = name.encode()
            out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, method, 0, 0x21, crc, len(data), size, len(bname), 0))
            out.write(bname)
            out.write(data)
            central.write(
                struct.pack(
                    "<IHHHHHHIIIHHHHHII",
                    0x02014B50, 20, 20, 0, method, 0, 0x21, crc, len(data), size, len(bname), 0, 0, 0, 0, 0, offset,
                )
            )
            central.write(bname)
        cd = central.getvalue()
        cd_offset = out.tell()
        out.write(cd)
        out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members), len(cd), cd_offset, 0))


def _stored(name: str, blob: bytes) -> tuple[str, bytes, int, int, int]:
    return (name, blob, zlib.crc32(blob) & 0xFFFFFFFF, len(blob), 0)


def write_bomb(path: Path, inflated_mb: int, *, lie_about_size: bool = False) -> None:
    """A .docx whose document.xml is one paragraph inflating to ``inflated_mb`` MiB."""
    prefix = (W_DOC_OPEN + "<w:p><w:r><w:t>").encode()
    suffix = ("</w:t></w:r></w:p>" + W_DOC_CLOSE).encode()
    data, crc, size = _repeated_deflate(prefix, b"A" * (1 << 20), inflated_mb, suffix)
    declared = 4000 if lie_about_size else size
    _write_zip(
        path,
        [_stored("[Content_Types].xml", CONTENT_TYPES.encode()), ("word/document.xml", data, crc, declared, 8)],
    )


# -- the corpus ----------------------------------------------------------------


def make_bad_corpus(folder: Path, good_docx: Path) -> list[Case]:
    """Write every bad input into ``folder``; ``good_docx`` is a valid notice to damage."""
    folder.mkdir(parents=True, exist_ok=True)
    good = good_docx.read_bytes()
    cases: list[Case] = []

    def add(name: str, data: bytes | str | None = None, note: str = "") -> Path:
        p = folder / name
        if data is not None:
            p.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        cases.append(Case(name, p, note))
        return p

    # broken packages
    add("truncated.docx", good[: len(good) // 2], "a .docx cut in half")
    add("not-a-zip.docx", os.urandom(2048).replace(b"PK", b"pk"), "random bytes")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("[Content_Types].xml", CONTENT_TYPES)
        zf.writestr("word/styles.xml", "<styles/>")
    add("no-document-xml.docx", buf.getvalue(), "a zip without word/document.xml")
    add("malformed-xml.docx", docx_with_document_xml(W_DOC_OPEN + "<w:p><w:r><w:t>Thông báo</w:r></w:p>"))
    add("not-word-xml.docx", docx_with_document_xml('<?xml version="1.0"?><html><body>x</body></html>'))
    write_bomb(add("bomb-gigabytes.docx"), 2048)  # 2 GiB of document.xml
    write_bomb(add("bomb-ratio.docx"), 40)  # 40 MiB, ratio ~1000:1
    write_bomb(add("bomb-lying-size.docx"), 64, lie_about_size=True)  # declares 4 kB, inflates to 64 MiB
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as zf:
        zf.writestr("[Content_Types].xml", CONTENT_TYPES)
        zf.writestr("word/document.xml", W_DOC_OPEN + para("Thông báo") + W_DOC_CLOSE)
        for k in range(12000):
            zf.writestr(f"word/media/p{k}.bin", b"")
    add("many-members.docx", buf.getvalue(), "12,000 zip members")

    # XML with a DOCTYPE
    laughs = ['<!ENTITY lol "lol">']
    for k in range(1, 10):
        prev = f"&lol{k - 1};" if k > 1 else "&lol;"
        laughs.append(f'<!ENTITY lol{k} "{prev * 10}">')
    billion = (
        '<?xml version="1.0"?>\n<!DOCTYPE w:document [' + "".join(laughs) + "]>\n"
        + W_DOC_OPEN.split("\n", 1)[1] + para("&lol9;") + W_DOC_CLOSE
    )
    add("billion-laughs.docx", docx_with_document_xml(billion))
    secret = folder / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    xxe = (
        '<?xml version="1.0"?>\n<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file://' + str(secret) + '">]>\n'
        + W_DOC_OPEN.split("\n", 1)[1] + para("Nội dung: &xxe;") + W_DOC_CLOSE
    )
    add("external-entity.docx", docx_with_document_xml(xxe))
    # the DOCTYPE hidden behind a long comment, and the whole part in UTF-16
    padded = (
        '<?xml version="1.0"?>\n<!--' + "x" * 70000 + '-->\n<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file://'
        + str(secret) + '">]>\n' + W_DOC_OPEN.split("\n", 1)[1] + para("&xxe;") + W_DOC_CLOSE
    )
    add("external-entity-padded.docx", docx_with_document_xml(padded))
    utf16 = xxe.replace('<?xml version="1.0"?>', '<?xml version="1.0" encoding="UTF-16"?>').encode("utf-16")
    add("external-entity-utf16.docx", docx_with_document_xml(utf16))
    cases_dtd_url = "http://127.0.0.1:{port}/notice.dtd"
    add("external-dtd.docx", b"", note=cases_dtd_url)  # written by the test, which knows the port
    add("external-entity-url.docx", b"", note=cases_dtd_url)

    # not a Word 2007+ package at all
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + os.urandom(1024)
    add("encrypted.docx", ole, "an OLE compound file (password-protected .docx)")
    add("legacy.doc", ole, "a Word 97-2003 .doc")
    add("really-rtf.docx", r"{\rtf1\ansi\deff0 {\fonttbl {\f0 Times;}} Th\u244?ng b\u225?o}")
    add("really-html.docx", "<html><head><meta charset='utf-8'></head><body><p>Thông báo</p></body></html>")
    add("empty.txt", b"", "zero bytes")
    add("blank.md", b"  \n\n \t\n", "only whitespace")
    add("empty.docx", b"", "zero bytes")
    (folder / "folder.docx").mkdir()
    add("folder.docx", None, "a directory named like a document")
    add("missing.docx", None, "does not exist")
    os.symlink(folder / "gone.docx", folder / "broken-link.docx")
    add("broken-link.docx", None, "a symbolic link to nothing")
    add("~$draft.docx", b"\x05Admin" + b" " * 48 + b"\x05\x00A\x00d\x00m\x00i\x00n\x00" + b"\x00" * 90, "Word lock file")

    # text encodings
    vi = "THÔNG BÁO\nKết luận của Giám đốc Sở tại cuộc họp giao ban tháng 3 năm 2024.\n"
    add("utf16-no-bom.txt", vi.encode("utf-16-le"))
    add("utf16be-no-bom.txt", vi.encode("utf-16-be"))
    add("cp1258.txt", vi.encode("cp1258", errors="replace"))
    # TCVN3 (ABC): Vietnamese letters in single bytes 0x80-0xFF, e.g. "Th«ng b¸o kÕt luËn"
    add("tcvn3.txt", b"TH\xa4NG B\xb8O\nTh\xabng b\xb8o k\xd5t lu\xcbn cu\xe9c h\xe4p giao ban th\xb8ng 3.\n")
    add("garbage.txt", bytes(range(256)) * 64)
    add("garbage.md", os.urandom(8192))

    # too big or too deep
    add("huge-paragraph.txt", ("Thông báo " * (1 << 20)).encode())  # ~11 MB on one line
    add("huge-paragraph.docx", docx_with_document_xml(W_DOC_OPEN + para("Thông báo " * (1 << 20)) + W_DOC_CLOSE))
    add("many-paragraphs.txt", "Các phòng, đơn vị thực hiện nhiệm vụ.\n" * 100_000)
    add(
        "many-paragraphs.docx",
        docx_with_document_xml(W_DOC_OPEN + para("Các phòng, đơn vị thực hiện nhiệm vụ.") * 100_000 + W_DOC_CLOSE),
    )
    nested = "".join("<w:tbl><w:tr><w:tc>" for _ in range(50)) + para("sâu") + "".join(
        "</w:tc></w:tr></w:tbl>" for _ in range(50)
    )
    add("nested-tables.docx", docx_with_document_xml(W_DOC_OPEN + nested + para("") + W_DOC_CLOSE))
    deep = "<w:sdt><w:sdtContent>" * 3000 + para("x") + "</w:sdtContent></w:sdt>" * 3000
    add("nested-content-controls.docx", docx_with_document_xml(W_DOC_OPEN + deep + W_DOC_CLOSE))
    return cases


def write_external_dtd_cases(folder: Path, port: int) -> None:
    """The two cases that point at a URL: an external DTD and an external entity."""
    url = f"http://127.0.0.1:{port}/notice.dtd"
    body = W_DOC_OPEN.split("\n", 1)[1] + para("Thông báo &ext;") + W_DOC_CLOSE
    (folder / "external-dtd.docx").write_bytes(
        docx_with_document_xml(
            '<?xml version="1.0"?>\n<!DOCTYPE w:document SYSTEM "' + url + '">\n'
            + W_DOC_OPEN.split("\n", 1)[1] + para("Thông báo") + W_DOC_CLOSE
        )
    )
    (folder / "external-entity-url.docx").write_bytes(
        docx_with_document_xml('<?xml version="1.0"?>\n<!DOCTYPE w:document [<!ENTITY ext SYSTEM "' + url + '">]>\n' + body)
    )
