"""The body: its numbered headings and points, typed by hand or drawn by Word."""

from __future__ import annotations

import re

from .model import Heading, Notice, Segment

__all__ = ["find_headings", "parse_label", "roman_value"]

_ROMAN = re.compile(r"^(?P<label>(?P<num>[IVXLC]{1,6})\s*(?P<sep>[.\-)/:]))(?=\s|$)")
_DECIMAL = re.compile(r"^(?P<label>(?P<num>\d{1,2}(?:\.\d{1,2})+)(?P<sep>\.?))(?=\s|$)")
_ARABIC = re.compile(r"^(?P<label>(?P<num>\d{1,2})\s*(?P<sep>[.)\-/]))(?=\s|$)")
_LETTER = re.compile(r"^(?P<label>(?P<num>[a-zđ])\s*(?P<sep>[).]))(?=\s|$)")
_DASH = re.compile(r"^(?P<label>[-–—+•])(?=\s|\S)")

_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


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


def parse_label(text: str) -> tuple[str, str, object, str, int, int] | None:
    """(kind, label, value, separator, start, end) of a label at the start of ``text``."""
    stripped = text.lstrip()
    off = len(text) - len(stripped)
    m = _ROMAN.match(stripped)
    if m:
        v = roman_value(m.group("num"))
        if v is not None:
            return "roman", m.group("label"), v, m.group("sep"), off, off + m.end()
    m = _DECIMAL.match(stripped)
    if m:
        value = tuple(int(x) for x in m.group("num").split("."))
        return "decimal", m.group("label"), value, m.group("sep"), off, off + m.end()
    m = _ARABIC.match(stripped)
    if m:
        return "arabic", m.group("label"), int(m.group("num")), m.group("sep"), off, off + m.end()
    m = _LETTER.match(stripped)
    if m:
        return "letter", m.group("label"), m.group("num"), m.group("sep"), off, off + m.end()
    m = _DASH.match(stripped)
    if m:
        return "dash", m.group("label"), None, "", off, off + m.end()
    return None


def find_headings(notice: Notice, body: list[Segment]) -> None:
    for seg in body:
        para = seg.paragraph
        if para.label and seg.start == 0:
            parsed = parse_label(para.label + " ")
            if parsed:
                kind, label, value, sep, _, _ = parsed
                notice.headings.append(Heading(seg, kind, para.label, value, sep, auto=True))
                continue
        parsed = parse_label(seg.text)
        if parsed:
            kind, label, value, sep, s, e = parsed
            notice.headings.append(
                Heading(seg, kind, label, value, sep, auto=False, label_start=seg.start + s, label_end=seg.start + e)
            )
