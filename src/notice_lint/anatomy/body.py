"""The body: its numbered headings and points, typed by hand or drawn by Word."""

from __future__ import annotations

import functools
import re

from .model import Heading, Notice, Segment

__all__ = ["find_headings", "parse_label", "roman_value"]

_ROMAN = re.compile(r"^(?P<label>(?P<num>[IVXLC]{1,6})\s*(?P<sep>[.\-)/:]))(?=\s|$)")
_DECIMAL = re.compile(r"^(?P<label>(?P<num>\d{1,2}(?:\.\d{1,2})+)(?P<sep>\.?))(?=\s|$)")
_ARABIC = re.compile(r"^(?P<label>(?P<num>\d{1,2})\s*(?P<sep>[.)\-/]))(?=\s|$)")
_LETTER = re.compile(r"^(?P<label>(?P<num>[a-zđ])\s*(?P<sep>[).]))(?=\s|$)")
_DASH = re.compile(r"^(?P<label>[-–—+•])(?=\s|\S)")
#: "Điều 3." / "Điều 4:" — an article; "Phần I", "Chương II", "Mục 1" — a part: both restart the numbering below them
_ARTICLE = re.compile(r"^(?P<label>Điều\s+(?P<num>\d{1,3})\s*(?P<sep>[.:]))(?=\s|$)")
_PART = re.compile(r"^(?P<label>(?:PHẦN|Phần|CHƯƠNG|Chương|MỤC|Mục)\s+(?P<num>[IVXLC]+|\d{1,2})\b\s*(?P<sep>[.:\-]?))")

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


#: the first character of every label the patterns below match (digits and dashes aside)
_LABEL_FIRST = frozenset("Đ" "PCM" "IVXLC" "abcdefghijklmnopqrstuvwxyzđ")
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
        return None  # no pattern can match: most lines of a body open with a word
    # in the patterns' order, those whose first character this is
    if first == "Đ":
        m = _ARTICLE.match(stripped)
        if m:
            return "article", m.group("label"), int(m.group("num")), m.group("sep"), off, off + m.end()
        return None
    if first in "PCM":
        m = _PART.match(stripped)
        if m:
            num = m.group("num")
            value = int(num) if num.isdigit() else roman_value(num)
            if value is not None:
                return "part", m.group("label"), value, m.group("sep"), off, off + m.end()
        if first != "C":
            return None
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
        return None
    m = _LETTER.match(stripped)
    if m:
        return "letter", m.group("label"), m.group("num"), m.group("sep"), off, off + m.end()
    return None


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
        if first and first not in _OPENERS and not first.isspace() and not first.isdecimal():
            continue
        parsed = parse_label(text)
        if parsed:
            kind, label, value, sep, s, e = parsed
            start = seg.start
            headings.append(Heading(seg, kind, label, value, sep, False, start + s, start + e))
