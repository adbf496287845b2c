"""Read ``.txt`` and ``.md`` drafts: one physical line is one paragraph.

Markdown markup (headings ``#``, emphasis ``**``/``*``/``__``, block quotes,
table pipes, escapes, HTML comments) is removed from ``Paragraph.text`` while
``Paragraph.col_map`` keeps every character's column in the file, so findings
point at the file as the user sees it.  Table cells become columns (joined by
a tab), like the columns a PDF export lays out with runs of spaces.
"""

from __future__ import annotations

import re
import unicodedata

from ..errors import InputError
from .limits import MAX_PARAGRAPH_CHARS, MAX_PARAGRAPHS, check_paragraph_length, too_many_paragraphs
from .model import Document, Paragraph, nfc_with_map

__all__ = ["read_text", "decode_text", "strip_markdown"]

_LINE_SPLIT = re.compile(r"\r\n|\r|\n")
MAX_TEXT_BYTES = 32 * 1024 * 1024  # a 1,000-page text is about 3 MB


def decode_text(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8")
        except UnicodeDecodeError:
            pass
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return _check_binary(data.decode("utf-16"))
        except UnicodeDecodeError:
            raise InputError(
                "tệp UTF-16 bị hỏng; hãy lưu lại dạng Unicode UTF-8",
                "damaged UTF-16 text; save the file as UTF-8",
            ) from None
    else:
        if not _controls(data[:_CHARS_BYTES]):
            # no control byte (NUL included) in the bytes the checks below sample, nor under the
            # 4,096 characters _check_binary samples: only the decoding can fail
            try:
                return data.decode("utf-8")
            except UnicodeDecodeError:
                raise _not_utf8() from None
        sample = data[:4096]
        if sample and sample.count(b"\x00") > len(sample) // 8:
            if _utf16_without_bom(sample):
                raise InputError(
                    "tệp là văn bản UTF-16 không có BOM; hãy lưu lại dạng Unicode UTF-8",
                    "the file is UTF-16 text without a byte-order mark; save it as Unicode UTF-8",
                )
            raise _binary()
        if _controls(sample) > max(8, len(sample) // 50):
            raise _binary()
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            raise _not_utf8() from None
        return _check_binary(text)
    raise InputError(
        "tệp không phải UTF-8 hợp lệ; hãy lưu lại dạng Unicode UTF-8",
        "the file is not valid UTF-8; save it as Unicode UTF-8",
    )


# the UTF-8 bytes of the 4,096 characters _check_binary samples lie within this many bytes
_CHARS_BYTES = 4 * 4096


def _not_utf8() -> InputError:
    return InputError(
        "tệp không phải UTF-8 (có thể là mã cũ TCVN3/VNI/CP1258); hãy lưu lại dạng Unicode UTF-8",
        "the file is not UTF-8 (perhaps a legacy TCVN3/VNI/CP1258 encoding); save it as Unicode UTF-8",
    )


def _binary() -> InputError:
    return InputError(
        "tệp chứa dữ liệu nhị phân, không phải văn bản; hãy chỉ ra đúng tệp văn bản (.docx, .txt, .md)",
        "the file holds binary data, not text; give the linter the document itself (.docx, .txt, .md)",
    )


_CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\r\f\v")
_CONTROL_CHARS = re.compile("[%s]" % re.escape(_CONTROL_BYTES.decode("ascii")))


def _controls(sample: bytes | str) -> int:
    """Control characters other than whitespace (bytes or characters), counted in C."""
    if isinstance(sample, str):
        return len(_CONTROL_CHARS.findall(sample))
    return len(sample) - len(sample.translate(None, _CONTROL_BYTES))


def _utf16_without_bom(sample: bytes) -> bool:
    """NUL bytes on one parity only, and the text decodes: UTF-16 (LE or BE)."""
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) // 2
    for zeros, other, enc in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if zeros > half // 3 and other < zeros // 20:
            try:
                sample[: len(sample) & ~1].decode(enc)
                return True
            except UnicodeDecodeError:
                continue
    return False


def _check_binary(text: str) -> str:
    sample = text[:4096]
    if sample and _controls(sample) > max(8, len(sample) // 50):
        raise _binary()
    return text


_HEADING = re.compile(r"^(\s{0,3}#{1,6})(\s+|$)")
_QUOTE = re.compile(r"^(\s{0,3}>\s?)+")
# a table's rule line: ``| --- | :-: |``; possessive (``*+``), so a line of 100,000
# spaces fails in one pass instead of trying every way to share them out
_TABLE_SEP = re.compile(r"^\s*+\|?\s*+:?-{2,}+:?\s*+(?:\|\s*+:?-{2,}+:?\s*+)*+\|?\s*+$")
_BR = re.compile(r"<br\s*/?>", re.I)


def _comments(line: str, head: re.Pattern[str] | None = None) -> list[tuple[int, int]]:
    """Spans of the ``<!-- … -->`` comments of ``line`` (what ``<!--.*?-->`` finds), in linear
    time: the pattern rescans the rest of the line for each unclosed ``<!--``.  With ``head``,
    only comments whose text matches ``head`` right after ``<!--``, each with the spaces and
    tabs before it (``[ \t]*<!--HEAD.*?-->``)."""
    out = []
    pos = 0
    while True:
        i = line.find("<!--", pos)
        if i < 0:
            return out
        after = i + 4
        if head is not None:
            m = head.match(line, after)
            if m is None:
                pos = i + 1
                continue
            after = m.end()
        j = line.find("-->", after)
        if j < 0:
            return out  # no later comment is closed either
        start = i
        if head is not None:
            while start > pos and line[start - 1] in " \t":
                start -= 1
        out.append((start, j + 3))
        pos = j + 3


def _heading_tail(line: str) -> int | None:
    """Where the closing ``#`` run of a heading starts with the spaces before it (the start
    of ``\\s+#+\\s*$``), or None; without the pattern's backtracking over long space runs."""
    body = line.rstrip()
    bare = body.rstrip("#")
    if len(bare) == len(body) or not bare or not bare[-1].isspace():
        return None
    return len(bare.rstrip())


def strip_markdown(line: str) -> tuple[str, list[int]]:
    """Remove markdown markup from one line; return the text and its column map."""
    keep = [True] * len(line)
    subst: dict[int, str] = {}

    def drop(a: int, b: int) -> None:
        for k in range(a, b):
            keep[k] = False

    for a, b in _comments(line) if "<!--" in line else ():
        drop(a, b)
    for m in _BR.finditer(line):
        drop(m.start(), m.end())
    m = _HEADING.match(line)
    if m:
        drop(0, m.end())
        t = _heading_tail(line)
        if t is not None and t > m.end():
            drop(t, len(line))
    m = _QUOTE.match(line)
    if m:
        drop(0, m.end())
    if _TABLE_SEP.match(line) and "|" in line:
        return "", []
    stripped = line.strip()
    if stripped.startswith("|") and stripped.count("|") >= 2:
        # cells: drop the outer pipes, turn inner ones into tabs (columns)
        first = line.index("|")
        last = line.rindex("|")
        drop(first, first + 1)
        if last != first:
            drop(last, last + 1)
        for k in range(first + 1, last):
            if line[k] == "|" and line[k - 1] != "\\":
                subst[k] = "\t"
    # escapes
    for k in range(len(line) - 1):
        if line[k] == "\\" and keep[k] and line[k + 1] in "\\`*_{}[]()#+-.!|<>~":
            keep[k] = False
            keep[k + 1] = True
    # emphasis delimiters: runs of * or _ touching a word on one side
    i = 0
    n = len(line)
    while i < n:
        ch = line[i]
        if ch in "*_" and keep[i] and (i == 0 or line[i - 1] != "\\"):
            j = i
            while j < n and line[j] == ch:
                j += 1
            run = j - i
            before = line[i - 1] if i > 0 else " "
            after = line[j] if j < n else " "
            if run <= 3 and (before.isspace() != after.isspace() or (not before.isspace() and not after.isspace() and ch == "*")):
                if not (ch == "_" and before.isalnum() and after.isalnum()):
                    drop(i, j)
            i = j
            continue
        i += 1
    out_chars: list[str] = []
    cols: list[int] = []
    for k, ch in enumerate(line):
        if not keep[k]:
            continue
        out_chars.append(subst.get(k, ch))
        cols.append(k)
    return "".join(out_chars), cols


_DIRECTIVE_HEAD = re.compile(r"\s*notice-lint-")


def strip_directives(line: str) -> tuple[str, list[int] | None]:
    """Remove ``<!-- notice-lint-… -->`` comments from a plain-text line, keeping the column map."""
    keep = [True] * len(line)
    for a, b in _comments(line, _DIRECTIVE_HEAD):
        for k in range(a, b):
            keep[k] = False
    if all(keep):
        return line, None
    cols = [k for k in range(len(line)) if keep[k]]
    return "".join(line[k] for k in cols), cols


def read_text(path: str, data: bytes, *, markdown: bool = False) -> Document:
    if not data or data.isspace():
        raise InputError(
            "tệp rỗng, không có nội dung; hãy kiểm tra đã lưu văn bản chưa",
            "the file is empty; check that the document was saved",
        )
    if len(data) > MAX_TEXT_BYTES:
        raise InputError(
            f"tệp văn bản quá lớn ({len(data) // (1024 * 1024)} MB; giới hạn {MAX_TEXT_BYTES // (1024 * 1024)} MB);"
            " hãy tách thành các tệp nhỏ hơn",
            f"text file too large ({len(data) // (1024 * 1024)} MB; the limit is {MAX_TEXT_BYTES // (1024 * 1024)} MB);"
            " split it into smaller files",
        )
    text = decode_text(data)
    lines = text.split("\n") if "\r" not in text else _LINE_SPLIT.split(text)
    if lines and lines[-1] == "":
        lines.pop()
    if len(lines) > MAX_PARAGRAPHS:
        raise too_many_paragraphs()
    if len(text) > MAX_PARAGRAPH_CHARS:
        for number, line in enumerate(lines, start=1):
            check_paragraph_length(len(line), number)
    if not markdown and "<!--" not in text and unicodedata.is_normalized("NFC", text):
        # the common plain draft: no directive to strip and every line already NFC (line breaks never
        # compose), so each paragraph is its line with no column map
        paragraphs = [Paragraph(number, line, line, line=number) for number, line in enumerate(lines, start=1)]
        return Document(path=path, kind="text", paragraphs=paragraphs, source=text)
    paragraphs: list[Paragraph] = []
    for number, line in enumerate(lines, start=1):
        if markdown:
            body, cols = strip_markdown(line)
        elif "<!--" in line and "notice-lint-" in line:
            body, cols = strip_directives(line)  # inline suppressions are not document text
        else:
            body, cols = line, None
        nfc, nfc_map = nfc_with_map(body)
        if nfc_map is not None:
            col_map = [cols[k] if cols is not None else k for k in nfc_map] if nfc else []
        else:
            col_map = cols if cols is not None and cols != list(range(len(body))) else None
        paragraphs.append(
            Paragraph(index=number, text=nfc, raw=body, line=number, col_map=col_map)
        )
    return Document(path=path, kind="markdown" if markdown else "text", paragraphs=paragraphs, source=text)
