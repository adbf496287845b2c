"""The package layer under every reader: open a ``.docx`` zip, read one part
with a bound on what it may inflate to, parse XML with no DTD, no entities and
no network.

The body reader (docx.py), the style sheet (styles.py), fonts, numbering,
comments and the fixers' package all read parts through here; this module
imports none of them.
"""

from __future__ import annotations

import io
import struct
import warnings
import zipfile

from lxml import etree

from ..errors import InputError
from .limits import too_deep

__all__ = ["W_NS", "W", "open_package", "read_part", "safe_xml"]

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = "{%s}" % W_NS

# Limits against hostile packages.  A 1,000-page report's document.xml is
# about 30 MB; lxml needs several times a part's size in memory.
MAX_MEMBERS = 5000
MAX_PART_BYTES = 64 * 1024 * 1024  # a part may inflate to this much
MAX_TOTAL_BYTES = 512 * 1024 * 1024  # declared size of all parts together
MAX_RATIO = 1000  # inflated / compressed, for parts over 1 MB
MAX_DIRECTORY_BYTES = 8 * 1024 * 1024  # the central directory (a real one: ~100 bytes a member)
#: elements (start tags) in one part: lxml keeps ~120 bytes for each, so this bounds a part's
#: tree to ~250 MB; a 1,000-page report has under a million
MAX_ELEMENTS = 2_000_000
#: what lxml's tree of a part may cost, as a multiple of the part's size (checked on parts
#: over 1 MB, from byte counts before parsing): ~128 bytes an element or text node, ~232 an
#: attribute.  Word's parts cost 2-8 times their size (13 at most, a small numbering part);
#: 12 MB of empty elements (``<w:x/>``, 2 million) would cost 21 times, 250 MB
MAX_TREE_RATIO = 18
# Limits on what a document may hold (beyond them it is not a document a
# clerk wrote, and linting it would cost minutes): see limits.py.

_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, remove_comments=True
)
#: for a part that is written back (the fixers): every comment and every long text kept as it was
_KEEP_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=True)


def _bad(vi: str, en: str) -> InputError:
    return InputError(vi, en)


def open_package(data: bytes) -> zipfile.ZipFile:
    """Open the zip, refusing what is not a Word package (with a clear reason)."""
    head = data[:8]
    if not data:
        raise _bad(
            "tệp rỗng (0 byte); hãy mở văn bản gốc bằng Word và lưu lại",
            "the file is empty (0 bytes); save the document again from Word",
        )
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise _bad(
            "tệp được đặt mật khẩu hoặc là tệp .doc cũ (OLE); hãy gỡ mật khẩu hoặc mở bằng Word và lưu lại dạng .docx",
            "password-protected or legacy .doc file (OLE); remove the password or save it as .docx in Word",
        )
    if head.startswith(b"{\\rtf"):
        raise _bad(
            "tệp thực chất là RTF, không phải .docx; hãy mở bằng Word và lưu lại dạng .docx",
            "the file is RTF, not .docx; open it in Word and save it as .docx",
        )
    low = data[:512].lstrip().lower()
    if low.startswith((b"<html", b"<!doctype html", b"<?xml", b"<meta", b"mime-version")):
        raise _bad(
            "tệp thực chất là HTML/XML, không phải .docx; hãy mở bằng Word và lưu lại dạng .docx",
            "the file is HTML/XML, not .docx; open it in Word and save it as .docx",
        )
    if not head.startswith(b"PK"):
        raise _bad(
            "tệp không phải .docx (không phải tệp nén zip); hãy mở bằng Word và lưu lại dạng .docx",
            "not a .docx file (not a zip archive); open it in Word and save it as .docx",
        )
    _check_directory(data)  # before zipfile reads every entry of a huge central directory
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # zipfile's warnings are reported below as one line
            zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except Exception:  # zipfile's failures on a damaged archive are open-ended (BadZipFile, struct, NotImplemented…)
        raise _bad(
            "tệp .docx bị hỏng hoặc chưa lưu xong (không đọc được zip); hãy mở bằng Word để khôi phục rồi lưu lại",
            "the .docx is damaged or incomplete (unreadable zip); open it in Word to repair it and save it again",
        ) from None
    if len(infos) > MAX_MEMBERS:
        raise _bad(
            f"tệp .docx có quá nhiều thành phần ({len(infos)}, giới hạn {MAX_MEMBERS}), có thể là tệp độc hại;"
            " không mở tệp không rõ nguồn gốc, hoặc mở bằng Word và lưu lại thành tệp mới",
            f"the .docx has too many parts ({len(infos)}, the limit is {MAX_MEMBERS}) and may be hostile;"
            " do not open it if you do not know where it came from, or save it again from Word",
        )
    if len(zf.NameToInfo) != len(infos):
        raise _bad(
            "tệp .docx có hai thành phần trùng tên (Word không tạo ra), có thể là tệp độc hại;"
            " không mở tệp không rõ nguồn gốc, hoặc mở bằng Word và lưu lại thành tệp mới",
            "the .docx holds two parts with the same name (Word never writes that) and may be hostile;"
            " do not open it if you do not know where it came from, or save it again from Word",
        )
    total = sum(i.file_size for i in infos)
    if total > MAX_TOTAL_BYTES:
        raise _bad(
            "tệp .docx giải nén ra quá lớn (nghi là bom zip); không mở tệp không rõ nguồn gốc,"
            " hoặc mở bằng Word và lưu lại thành tệp mới",
            "the .docx inflates to too much data (suspected zip bomb); do not open it if you do not know"
            " where it came from, or save it again from Word",
        )
    return zf


def _too_many_members(count: int | str) -> InputError:
    return _bad(
        f"tệp .docx có quá nhiều thành phần ({count}, giới hạn {MAX_MEMBERS}), có thể là tệp độc hại;"
        " không mở tệp không rõ nguồn gốc, hoặc mở bằng Word và lưu lại thành tệp mới",
        f"the .docx has too many parts ({count}, the limit is {MAX_MEMBERS}) and may be hostile;"
        " do not open it if you do not know where it came from, or save it again from Word",
    )


def _check_directory(data: bytes) -> None:
    """Refuse a central directory of too many entries, read from the end-of-central-directory
    record (and its zip64 form) before ``zipfile`` walks it: millions of entries would cost
    seconds and gigabytes first.  A record that cannot be found is left to ``zipfile``."""
    at = data.rfind(b"PK\x05\x06", max(0, len(data) - 22 - 65535))
    if at < 0 or at + 22 > len(data):
        return
    _sig, _disk, _cd_disk, _here, count, size, _offset, _comment = struct.unpack_from("<IHHHHIIH", data, at)
    if (count == 0xFFFF or size == 0xFFFFFFFF) and at >= 20 and data[at - 20 : at - 16] == b"PK\x06\x07":
        (z64,) = struct.unpack_from("<Q", data, at - 12)
        if z64 + 56 <= len(data) and data[z64 : z64 + 4] == b"PK\x06\x06":
            count, size = struct.unpack_from("<QQ", data, z64 + 32)
    if count > MAX_MEMBERS or size > MAX_DIRECTORY_BYTES:
        raise _too_many_members(f"{count:,}")


def read_part(zf: zipfile.ZipFile, name: str, required: bool = False) -> bytes | None:
    """Read one part with a bound on what it may inflate to."""
    try:
        info = zf.getinfo(name)
    except KeyError:
        if required:
            raise _bad(
                f"tệp .docx thiếu phần '{name}' (không phải văn bản Word hợp lệ); hãy mở bằng Word và lưu lại",
                f"the .docx has no '{name}' part (not a valid Word document); open it in Word and save it again",
            ) from None
        return None
    if info.flag_bits & 0x1:
        raise _bad(
            "tệp .docx được mã hoá; hãy gỡ mật khẩu trong Word rồi lưu lại",
            "the .docx is encrypted; remove the password in Word and save it again",
        )
    if info.file_size > MAX_PART_BYTES or (
        info.file_size > 1_000_000 and info.compress_size and info.file_size / info.compress_size > MAX_RATIO
    ):
        raise _bad(
            f"phần '{name}' giải nén ra quá lớn (nghi là bom zip); không mở tệp không rõ nguồn gốc,"
            " hoặc mở bằng Word và lưu lại thành tệp mới",
            f"part '{name}' inflates to too much data (suspected zip bomb); do not open it if you do not"
            " know where it came from, or save it again from Word",
        )
    try:
        with zf.open(info) as fh:
            out = fh.read(MAX_PART_BYTES + 1)
    except (MemoryError, RecursionError):
        raise
    except Exception:  # damaged deflate data, unknown method, bad CRC, encryption…
        raise _bad(
            f"tệp .docx bị hỏng (không giải nén được '{name}'); hãy mở bằng Word để khôi phục rồi lưu lại",
            f"the .docx is damaged (cannot inflate '{name}'); open it in Word to repair it and save it again",
        ) from None
    if len(out) > MAX_PART_BYTES:
        raise _bad(
            f"phần '{name}' giải nén ra quá lớn (nghi là bom zip); không mở tệp không rõ nguồn gốc,"
            " hoặc mở bằng Word và lưu lại thành tệp mới",
            f"part '{name}' inflates to too much data (suspected zip bomb); do not open it if you do not"
            " know where it came from, or save it again from Word",
        )
    return out


# "<!DOCTYPE" / "<!ENTITY" in every encoding a part may declare (Word writes
# UTF-8; XML allows UTF-16 too).  Raw, they can stand nowhere but in a DTD.
_DTD_MARKS = tuple(
    mark.encode(enc) for mark in ("<!DOCTYPE", "<!ENTITY") for enc in ("utf-8", "utf-16-le", "utf-16-be")
)


def _hostile_dtd(name: str) -> InputError:
    return _bad(
        f"phần '{name}' chứa khai báo DOCTYPE/ENTITY (Word không tạo ra), tệp có thể độc hại;"
        " không mở tệp không rõ nguồn gốc, hoặc mở bằng Word và lưu lại thành tệp mới",
        f"part '{name}' declares a DOCTYPE/ENTITY (Word never writes one) and the file may be hostile;"
        " do not open it if you do not know where it came from, or save it again from Word",
    )


def tree_cost(blob: bytes) -> int:
    """About the bytes lxml's tree of this XML takes, from counts of its bytes (C speed).

    Each ``<`` that does not close an element opens one (~128 bytes); each ``<``
    not right after a ``>`` ends a text node (~128 bytes); each ``="`` or ``='``
    is an attribute (~232 bytes: its node and its value's).
    """
    lt = blob.count(b"<")
    elements = lt - blob.count(b"</")
    texts = lt - blob.count(b"><")
    attributes = blob.count(b'="') + blob.count(b"='")
    return 128 * (elements + texts) + 232 * attributes


def safe_xml(blob: bytes, name: str, *, keep: bool = False) -> etree._Element:
    """Parse XML with no DTD, no entities and no network.

    A part with a DOCTYPE is refused, whatever its encoding: before parsing
    (the declaration's bytes) and after (the parsed document's DTD), so an
    entity is never resolved, fetched or expanded.  The readers drop XML
    comments and refuse a text node over lxml's 10 MB limit; ``keep=True``
    (a part the fixers write back) keeps both, so what a fix does not touch
    is written back as it was.
    """
    check_xml(blob, name)
    try:
        root = etree.fromstring(blob, _KEEP_PARSER if keep else _PARSER)
    except (etree.XMLSyntaxError, ValueError) as exc:
        raise xml_error(exc, name) from None
    check_doctype(root, name)
    return root


def check_xml(blob: bytes, name: str) -> None:
    """What is refused before a part is parsed (a DTD's bytes, element floods), by :func:`safe_xml`
    and by the body's incremental reader alike."""
    # every mark holds the byte of "!" (0x21), which one memchr looks for:
    # most parts have none, and the six searches (~1 ms on a 600 KB part) are skipped
    if b"!" in blob and any(mark in blob for mark in _DTD_MARKS):
        raise _hostile_dtd(name)
    # an element flood: millions of tiny elements cost ~120 bytes each once parsed.  A part
    # under 8 MB cannot hold MAX_ELEMENTS tags (``<a/>`` is 4 bytes): counted only above that
    if len(blob) > 4 * MAX_ELEMENTS and blob.count(b"<") - blob.count(b"</") > MAX_ELEMENTS:
        raise _bad(
            f"phần '{name}' có quá nhiều phần tử XML (hơn {MAX_ELEMENTS:,}); tệp có thể bị hỏng hoặc độc hại;"
            " hãy mở bằng Word và lưu lại thành tệp mới",
            f"part '{name}' holds too many XML elements (over {MAX_ELEMENTS:,}); the file may be damaged or"
            " hostile; save it again from Word",
        )
    if len(blob) > 1024 * 1024 and tree_cost(blob) > MAX_TREE_RATIO * len(blob):
        raise _bad(
            f"phần '{name}' có quá nhiều phần tử XML so với kích thước (hàng triệu phần tử rỗng);"
            " tệp có thể bị hỏng hoặc độc hại; hãy mở bằng Word và lưu lại thành tệp mới",
            f"part '{name}' holds too many XML elements for its size (millions of empty ones); the file"
            " may be damaged or hostile; save it again from Word",
        )


def xml_error(exc: Exception, name: str) -> InputError:
    """The one line for a part lxml could not parse (``XMLSyntaxError``, or ``ValueError``
    for an unsupported declared encoding)."""
    if not isinstance(exc, etree.XMLSyntaxError):
        return _bad(
            f"phần '{name}' có XML không đọc được; hãy mở bằng Word và lưu lại",
            f"part '{name}' has unreadable XML; open it in Word and save it again",
        )
    text = str(exc).lower()
    if "entity" in text or "amplification" in text:
        return _hostile_dtd(name)
    if "depth" in text:
        return too_deep(None)
    if "too long" in text or "huge" in text or "resource limit" in text:
        return _bad(
            f"phần '{name}' có đoạn văn bản dài bất thường (hơn 10 triệu ký tự); tệp có thể bị hỏng"
            " hoặc không phải văn bản; hãy kiểm tra và ngắt đoạn rồi lưu lại",
            f"part '{name}' holds an abnormally long text (over 10 million characters); the file may be"
            " damaged or not a document; check it, break the paragraph and save it again",
        )
    return _bad(
        f"phần '{name}' có XML hỏng (dòng {exc.lineno}); hãy mở bằng Word để khôi phục rồi lưu lại",
        f"part '{name}' has malformed XML (line {exc.lineno}); open it in Word to repair it and save it again",
    )


def check_doctype(root: etree._Element, name: str) -> None:
    """Refuse a parsed part that has a DTD after all (its declaration in an unusual encoding)."""
    info = root.getroottree().docinfo
    if info.doctype or info.internalDTD is not None or info.externalDTD is not None:
        raise _hostile_dtd(name)
