"""The body: its numbered headings and points, typed by hand or drawn by Word."""

from __future__ import annotations

import functools
import re
import unicodedata

from ..vntext import fold, is_upper_text
from .model import Heading, Notice, Segment

__all__ = ["find_headings", "parse_label", "roman_value", "VN_CAPITALS"]

#: a capital letter right after a label's "." or ")": the label typed with no space after it ("2.Kết
#: quả", "a)Rà soát", "II.KHÓ KHĂN"), still a label (NL303 reports the space)
_GLUED = "(?<=[.)])[A-Z%s](?=[^\\W\\d_])" % "".join(
    c for c in map(chr, range(0xC0, 0x1EFA)) if c.isupper() and unicodedata.name(c, "").startswith("LATIN"))
_ROMAN = re.compile(r"^(?P<label>(?P<num>[IVXLC]{1,6})\s*(?P<sep>[.\-)/:]))(?=\s|$|" + _GLUED + ")")
_DECIMAL = re.compile(r"^(?P<label>(?P<num>\d{1,2}(?:\.\d{1,2})+)(?P<sep>\.?))(?=\s|$)")
_ARABIC = re.compile(r"^(?P<label>(?P<num>\d{1,2})\s*(?P<sep>[.)\-/]))(?=\s|$|" + _GLUED + ")")
_LETTER = re.compile(r"^(?P<label>(?P<num>[a-zđ])\s*(?P<sep>[).]))(?=\s|$|" + _GLUED + ")")
_DASH = re.compile(r"^(?P<label>[-–—+•])(?=\s|\S)")
#: "Điều 3." / "Điều 4:" — an article; "Phần I", "Chương II", "Mục 1", "PHẦN THỨ HAI" — a part: both restart
#: the numbering below them
_ARTICLE = re.compile(r"^(?P<label>Điều\s+(?P<num>\d{1,3})\s*(?P<sep>[.:]))(?=\s|$)")
_PART = re.compile(
    r"^(?P<label>(?:PHẦN|Phần|CHƯƠNG|Chương|MỤC|Mục)\s+(?P<num>[IVXLC]+|\d{1,2}|(?:THỨ|[Tt]hứ)\s+\w+)(?!\w)"
    r"[ \t]*(?P<sep>[.:\-–]?))"
)
#: "BƯỚC 1", "Bước 2:" — a step of a procedure: its own level, learned from where it first stands
_STEP = re.compile(r"^(?P<label>(?:BƯỚC|Bước)\s+(?P<num>\d{1,2})(?!\w)[ \t]*(?P<sep>[.:\-–)]?))")
#: "PHỤ LỤC", "Phụ lục 2", "PHỤ LỤC SỐ 01", "Phụ lục I:" — an annex: every numbering starts again in it
_ANNEX = re.compile(
    r"^(?P<label>(?:PHỤ LỤC|Phụ lục|Phụ Lục)(?:[ \t]+(?:SỐ|[Ss]ố))?(?:[ \t]+(?P<num>[IVXLC]+|\d{1,2}|[A-ZĐ])(?!\w))?"
    r"[ \t]*(?P<sep>[.:\-–]?))"
)
#: "Mẫu số 01/HĐBC", "BIỂU SỐ 2": a form annexed to the text, an annex of its own
_FORM = re.compile(r"^(?P<label>(?:MẪU|Mẫu|BIỂU|Biểu)[ \t]+(?:SỐ|số)[ \t]*(?P<num>\d{1,2})(?!\w)[ \t]*(?P<sep>[.:\-–]?))")
#: "A. NHỮNG VẤN ĐỀ CHUNG", "B- NỘI DUNG": a capital letter that heads a part of the text (its title in capitals)
_CAPITAL = re.compile(r"^(?P<label>(?P<num>[A-ZĐ])[ \t]*(?P<sep>[.)\-]))[ \t]+(?=\S)")
#: "Phần thứ hai", "PHẦN THỨ BA": the ordinal numbers a part is counted with
_ORDINALS = {"nhat": 1, "hai": 2, "ba": 3, "tu": 4, "bon": 4, "nam": 5, "sau": 6, "bay": 7, "tam": 8, "chin": 9,
             "muoi": 10}

_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


@functools.lru_cache(maxsize=1024)  # a handful of numerals, met on many lines
def roman_value(s: str) -> int | None:
    total = 0
    prev = 0
    for ch in reversed(s):
        v = _ROMAN_VALUES.get(ch)
        if v is None:
            return None
        if v < prev:
            total -= v
        else:
            total += v
            prev = v
    from ..document.numbering import to_roman

    return total if to_roman(total) == s else None


#: the first character of every label the patterns below match (digits, dashes and capital letters aside)
_LABEL_FIRST = frozenset("Đ" "PCMB" "IVXLC" "abcdefghijklmnopqrstuvwxyzđ")
#: what follows the letter of a capital label ("A. ", "B- ", "C) ")
_CAPITAL_NEXT = frozenset(".)- \t")
_DASH_FIRST = frozenset("-–—+•")
_OPENERS = _LABEL_FIRST | _DASH_FIRST
#: what may follow the first numeral of a roman label: more numerals, a space, its separator
_ROMAN_NEXT = frozenset("IVXLC.-)/:")


def parse_label(text: str) -> tuple[str, str, object, str, int, int] | None:
    """(kind, label, value, separator, start, end) of a label at the start of ``text``."""
    stripped = text.lstrip()
    first = stripped[:1]
    off = len(text) - len(stripped)
    # each pattern opens with its own kind of character: try only those that can match
    if first in _DASH_FIRST:
        m = _DASH.match(stripped)
        return ("dash", m.group("label"), None, "", off, off + m.end()) if m else None
    if first.isdecimal():
        m = _DECIMAL.match(stripped)
        if m:
            value = tuple(int(x) for x in m.group("num").split("."))
            return "decimal", m.group("label"), value, m.group("sep"), off, off + m.end()
        m = _ARABIC.match(stripped)
        if m:
            label, num, sep = m.group("label", "num", "sep")
            return "arabic", label, int(num), sep, off, off + m.end()
        return None
    if first not in _LABEL_FIRST:
        if first.isupper() and stripped[1:2] in _CAPITAL_NEXT:
            return _capital(stripped, off)
        return None  # no pattern can match: most lines of a body open with a word
    # in the patterns' order, those whose first character this is
    if first == "Đ":
        m = _ARTICLE.match(stripped)
        if m:
            return "article", m.group("label"), int(m.group("num")), m.group("sep"), off, off + m.end()
        return _capital(stripped, off)
    if first in "PCMB":
        if first == "B":
            m = _STEP.match(stripped) if stripped.startswith(("BƯỚC", "Bước")) else None
            if m and _heads(stripped, m):
                label = m.group("label").rstrip()
                return "step", label, int(m.group("num")), m.group("sep"), off, off + len(label)
            return _form(stripped, off) or _capital(stripped, off)
        m = _PART.match(stripped)
        if m and _heads(stripped, m):
            value = _part_value(m.group("num"))
            if value is not None:
                label = m.group("label").rstrip()
                return "part", label, value, m.group("sep"), off, off + len(label)
        if first == "P":
            m = _ANNEX.match(stripped) if stripped.startswith(("PHỤ", "Phụ")) else None
            if m and _heads(stripped, m):
                num = m.group("num")
                label = m.group("label").rstrip()
                return "annex", label, _part_value(num) if num else None, m.group("sep"), off, off + len(label)
        if first == "M":
            return _form(stripped, off) or _capital(stripped, off)
        if first != "C":
            return _capital(stripped, off)
    if first in "IVXLC":
        c2 = stripped[1:2]
        if c2 not in _ROMAN_NEXT and not c2.isspace():
            return None  # "Văn phòng", "Các đơn vị": no roman label
        m = _ROMAN.match(stripped)
        if m:
            label, num, sep = m.group("label", "num", "sep")
            v = roman_value(num)
            if v is not None:
                return "roman", label, v, sep, off, off + m.end()
        return _capital(stripped, off)
    if first.isupper():
        return _capital(stripped, off)
    m = _LETTER.match(stripped)
    if m:
        return "letter", m.group("label"), m.group("num"), m.group("sep"), off, off + m.end()
    return None


def _capital(stripped: str, off: int) -> tuple[str, str, object, str, int, int] | None:
    """``A. NHỮNG VẤN ĐỀ CHUNG``: a capital letter heading a part, its title in capitals.

    ``P. Giám đốc``, ``T. Hà`` (an abbreviation, an initial) have no title in capitals: no heading.
    A label drawn by Word (``A.`` alone) is one.
    """
    if stripped[1:2] not in _CAPITAL_NEXT:
        return None
    m = _CAPITAL.match(stripped)
    if m is None:
        if stripped[1:].strip() in (".", ")", "-"):
            sep = stripped[1:].strip()
            return "capital", stripped[0] + sep, stripped[0], sep, off, off + len(stripped.rstrip())
        return None
    rest = stripped[m.end():]
    if not is_upper_text(rest) or sum(c.isalpha() for c in rest[:8]) < 2:
        return None
    return "capital", m.group("label"), m.group("num"), m.group("sep"), off, off + len(m.group("label"))


def _form(stripped: str, off: int) -> tuple[str, str, object, str, int, int] | None:
    """``Mẫu số 01``, ``BIỂU SỐ 2``: a form, an annex of its own."""
    if not stripped.startswith(("MẪU", "Mẫu", "BIỂU", "Biểu")):
        return None
    m = _FORM.match(stripped)
    if m is None or not _heads(stripped, m):
        return None
    label = m.group("label").rstrip()
    return "annex", label, int(m.group("num")), m.group("sep"), off, off + len(label)


def _heads(stripped: str, m: re.Match[str]) -> bool:
    """What follows a part, step or annex label makes it a heading, not a sentence.

    ``Mục 7 (quê quán): ghi …`` (a field of a form) and ``Phần II của báo cáo …`` are sentences:
    after the label stands nothing, a separator and a capital, or a title in capitals.
    """
    rest = stripped[m.end():].strip()
    if not rest:
        return True
    if m.group("sep"):
        c = rest[0]
        return c.isupper() or c.isdigit() or c in "\"“«"
    return is_upper_text(rest)


def _part_value(num: str) -> int | None:
    if num.isdigit():
        return int(num)
    if num[:1] in "Tt" and " " in num.replace("\t", " "):
        return _ORDINALS.get(fold(num.split()[-1]))
    value = roman_value(num)
    if value is None and len(num) == 1:
        return VN_CAPITALS.find(num) + 1 or None  # "Phụ lục A"
    return value


#: the capital letters of the Vietnamese alphabet, in order
VN_CAPITALS = "ABCDĐEGHIKLMNOPQRSTUVXY"


def find_headings(notice: Notice, body: list[Segment]) -> None:
    """Every labelled paragraph of the body, typed or drawn by Word.

    Paragraphs in the cells of a table with several columns (data tables) are
    left out: their numbers count rows, not sections.
    """
    headings = notice.headings
    for seg in body:
        para = seg.paragraph
        cell = para.cell
        if cell is not None and cell.ncols > 1:
            continue
        if para.label and seg.start == 0:
            parsed = parse_label(para.label + " ")
            if parsed:
                kind, label, value, sep, _, _ = parsed
                headings.append(Heading(seg, kind, para.label, value, sep, auto=True))
                continue
        # most lines open with a word no label pattern can start with: tell so from its first character
        text = seg.text
        first = text[:1]
        if (
            first
            and first not in _OPENERS
            and not first.isspace()
            and not first.isdecimal()
            and not (text[1:2] in _CAPITAL_NEXT and first.isupper())
        ):
            continue
        parsed = parse_label(text)
        if parsed:
            kind, label, value, sep, s, e = parsed
            start = seg.start
            headings.append(Heading(seg, kind, label, value, sep, False, start + s, start + e))
