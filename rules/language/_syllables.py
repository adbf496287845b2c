"""Syllable tokens and tone-style-insensitive keys shared by the language rules."""

from __future__ import annotations

import functools
import re
import unicodedata

__all__ = ["Token", "tokens", "syllable_key", "match_case"]

TONE_MARKS = {"\u0300": 1, "\u0301": 2, "\u0309": 3, "\u0303": 4, "\u0323": 5}
TOKEN_RE = re.compile(r"[^\W\d_]+", re.UNICODE)


class Token(tuple):
    """(text, start, end) of one syllable in a paragraph."""

    __slots__ = ()

    @property
    def text(self) -> str:
        return self[0]

    @property
    def start(self) -> int:
        return self[1]

    @property
    def end(self) -> int:
        return self[2]


def tokens(text: str) -> list[Token]:
    return [Token((m.group(), m.start(), m.end())) for m in TOKEN_RE.finditer(text)]


@functools.lru_cache(maxsize=131072)
def syllable_key(s: str) -> str:
    """Lower-case syllable with its tone moved to the end: ``hoà`` and ``hòa`` share a key."""
    tone = 0
    out = []
    for ch in unicodedata.normalize("NFD", s.lower()):
        t = TONE_MARKS.get(ch)
        if t:
            tone = t
        else:
            out.append(ch)
    return unicodedata.normalize("NFC", "".join(out)) + (str(tone) if tone else "")


def match_case(model: str, word: str) -> str:
    """Give ``word`` the capitalisation of ``model`` (ALL CAPS, Capitalised, lower)."""
    if model.isupper() and len(model) > 1:
        return word.upper()
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word
