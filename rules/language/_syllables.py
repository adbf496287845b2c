"""Syllable tokens and tone-style-insensitive keys shared by the language rules.

Besides the per-paragraph :func:`tokens`, :func:`words` gives the document as
one stream of syllables where each word knows whether it *joins* the one
before it: only spaces (or a line break) between them, so a phrase may run
across them.  In a ``.txt``/``.md`` export a sentence is hard-wrapped into
consecutive lines (often with blank lines between), so the last word of one
line joins the first word of the next non-empty line.  Words of the segments
that hold personal names (``notice.name_segments()``) are left out.
"""

from __future__ import annotations

from notice_lint.rule import ANY_PROFILE

import functools
import re
import unicodedata
from typing import TYPE_CHECKING, Iterable, NamedTuple

if TYPE_CHECKING:  # pragma: no cover
    from notice_lint.anatomy import Notice
    from notice_lint.document.model import Paragraph

__all__ = [
    "Token",
    "tokens",
    "syllable_key",
    "match_case",
    "Word",
    "words",
    "split_tone",
    "TONE_MARKS",
    "LANGUAGE_PROFILES",
]

#: spelling does not depend on the instrument: every profile the anatomy can choose
#: (``hd11`` = Party documents before Hướng dẫn 36, 03/4/2018)
LANGUAGE_PROFILES: tuple[str, ...] = ANY_PROFILE  # spelling is judged under every instrument

TONE_MARKS = {"\u0300": 1, "\u0301": 2, "\u0309": 3, "\u0303": 4, "\u0323": 5}
TOKEN_RE = re.compile(r"[^\W\d_]+", re.UNICODE)
# what may separate two words of one phrase: one or two spaces, or a line break
_SPLIT_RE = re.compile(r"([^\W\d_]+)", re.UNICODE)
_KEYS: dict[str, str] = {}  # word -> syllable_key, for the hot loop (bounded below)
_JOIN_SEP = re.compile(r"[ \u00a0]{1,2}|[ \u00a0]*\n[ \u00a0\n]*")


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


@functools.lru_cache(maxsize=65536)
def split_tone(s: str) -> tuple[str, int, int]:
    """``(toneless NFC syllable, tone 0-5, index of the toned letter or -1)``.

    The index counts letters of the toneless NFC form (``Hoà`` → ``("Hoa", 1, 2)``).
    """
    tone = 0
    pos = -1
    letters: list[str] = []
    for ch in unicodedata.normalize("NFD", s):
        t = TONE_MARKS.get(ch)
        if t:
            tone = t
            pos = len(letters) - 1
        elif unicodedata.combining(ch) and letters:
            letters[-1] += ch
        else:
            letters.append(ch)
    return "".join(unicodedata.normalize("NFC", x) for x in letters), tone, pos


def match_case(model: str, word: str) -> str:
    """Give ``word`` the capitalisation of ``model`` (ALL CAPS, Capitalised, lower)."""
    if model.isupper() and len(model) > 1:
        return word.upper()
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


class Word(NamedTuple):
    """One syllable of the document stream."""

    para: "Paragraph"
    start: int
    end: int
    text: str
    key: str
    joined: bool  # only spaces / a line break since the previous word of the stream


def _blank(text: str) -> bool:
    return not text or text.isspace()


def _name_spans(notice: "Notice") -> dict[int, list[tuple[int, int]]]:
    spans: dict[int, list[tuple[int, int]]] = {}
    try:
        segments: Iterable = notice.name_segments()
        for seg in segments:
            spans.setdefault(seg.index, []).append((seg.start, seg.end))
    except Exception:  # noqa: BLE001 - the anatomy is best effort; never fail a rule on it
        return spans
    return spans


def words(notice: "Notice") -> list[Word]:
    """The document as one stream of syllables (cached on the document)."""
    doc = notice.document
    cached = doc.meta.get("_language_words")
    if cached is not None:
        return cached
    wrap = doc.kind in ("text", "markdown")
    names = _name_spans(notice)
    out: list[Word] = []
    carry = False  # the previous non-blank line ended in a word followed by spaces only
    new = tuple.__new__
    keys = _KEYS
    join_sep = _JOIN_SEP.fullmatch
    for para in doc.paragraphs:
        text = para.text
        if _blank(text):
            continue  # a blank line between hard-wrapped lines keeps the carry
        skip = names.get(para.index)
        single_column = not wrap or len(para.columns) <= 1
        parts = _SPLIT_RE.split(text)  # [sep, word, sep, word, ..., sep]
        pos = len(parts[0])
        last = len(parts) - 2
        after_name = False
        for k in range(1, last + 1, 2):
            w = parts[k]
            s = pos
            e = s + len(w)
            pos = e + len(parts[k + 1])
            if skip and any(a <= s < b for a, b in skip):
                after_name = True
                carry = False
                continue
            if k == 1:
                joined = carry and single_column and _blank(parts[0])
            elif after_name:
                joined = after_name = False
            else:
                sep = parts[k - 1]
                joined = sep == " " or join_sep(sep) is not None
            key = keys.get(w)
            if key is None:
                if len(keys) > 200_000:
                    keys.clear()
                key = keys[w] = syllable_key(w)
            out.append(new(Word, (para, s, e, w, key, joined)))
        carry = wrap and single_column and last > 0 and not after_name and _blank(parts[-1])
    doc.meta["_language_words"] = out
    return out
