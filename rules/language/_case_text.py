"""The words of one line of prose as NL207 judges them: where a sentence starts.

A word is *mid-sentence* when another word of the same line comes before it and
nothing between them opens a sentence, an item, a quotation or a parenthesis
(``.!?:;`` , brackets, quotes, a dash, a bullet).  A line's first word, the
first word after a heading label (``1.``, ``a)``, ``II-``, ``-``) or after ``:``
is not, nor is any word of a line in capitals.  A PDF export breaks lines where
the page wrapped, so a line's first word is never judged as mid-sentence either.

:class:`Line` splits a line once (a C-level split) and makes the :class:`Tok` of a
word only when a check asks for it: most words of a line are never looked at.
"""

from __future__ import annotations

import re
from itertools import accumulate, compress, count
from typing import NamedTuple

from notice_lint_rules._memo import Verdicts

from ._syllables import latin_split

__all__ = ["Tok", "Line", "is_title", "OPENERS", "CAPITAL"]

_SPLIT = re.compile(r"([^\W\d_]+)")
# a line of Latin letters and general punctuation only (nearly every line) is split by a
# regex of the letters of those blocks, about a third faster than ``[^\W\d_]`` and with
# the same parts there (the block U+2000-U+206F holds no letter); other lines by _SPLIT
_OTHER_SCRIPT = re.compile("[^\x00-\u024f\u1e00-\u1eff\u2000-\u206f]")

#: characters after which a sentence, an item, a quotation or a parenthesis starts
OPENERS = frozenset(".!?:;(\"“”'‘’«»-–—+*•…|[{=>)\n\t")
#: word -> does it start with a capital letter (a pure function of the word, kept for the process)
CAPITAL = Verdicts(lambda w: w[0].isupper())
_QUOTES = re.compile("[\"“”«»]")
_SPACE_RUN = re.compile(" {2,}")


class Tok(NamedTuple):
    text: str
    start: int  # offset in the paragraph's text
    end: int
    before: str  # the non-letter run before it (in the segment)
    mid: bool  # inside a sentence, after another word of it
    quoted: bool  # inside quotation marks
    index: int  # position among the segment's words


def is_title(w: str) -> bool:
    """``Sở``, ``Quy``: a capital first letter, not all in capitals."""
    return w[:1].isupper() and (len(w) == 1 or not w[1:].isupper())


class Line:
    """The words of ``text[start:end]``: ``words``, ``lower`` (their lower case) and
    ``seps`` (the non-letter run before each), and a :class:`Tok` on demand."""

    __slots__ = ("start", "end", "words", "seps", "cont", "name_cont", "_acc", "_base", "_toks", "_depth", "_lower", "_caps", "_set",
                 "_seg")

    def __init__(self, text: str, start: int, end: int, parts: list[str] | None = None) -> None:
        """``parts``: ``text[start:end]`` split already (by the language rules' stream)."""
        self.start = start
        self.end = end
        seg = text[start:end]
        if parts is None:
            parts = (_SPLIT.split if _OTHER_SCRIPT.search(seg) else latin_split())(seg)
        self._seg = seg
        #: the line goes on a sentence the previous line left open (a text export wraps
        #: anywhere, even inside a name): set by the caller
        self.cont = False
        #: the line follows a short line ending in a capitalised word (a table cell a text
        #: export wrapped inside an organ's name: ``Trung tâm Huấn`` / ``luyện và Thi đấu``)
        self.name_cont = False
        self.words: list[str] = parts[1::2]
        self.seps: list[str] = parts[0:-1:2]
        if "  " in seg:
            # a doubled space (a typing slip, or a justified line of a PDF export) still joins
            # two words of one phrase; the offsets come from the parts, which keep every space
            self.seps = [_SPACE_RUN.sub(" ", sep) if "  " in sep else sep for sep in self.seps]
        self._acc = parts
        self._base = start
        self._toks: dict[int, Tok] = {}
        self._depth: list[int] | None = None
        self._lower: list[str] | None = None
        self._caps: list[int] | None = None
        self._set: set[str] | None = None

    def __len__(self) -> int:
        return len(self.words)

    @property
    def lower(self) -> list[str]:
        if self._lower is None:
            self._lower = list(map(str.lower, self.words))
        return self._lower

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self.words)))]
        tok = self._toks.get(i)
        if tok is None:
            if i < 0:
                i += len(self.words)
            acc = self._acc
            if not isinstance(acc[0], int):
                acc = self._acc = list(accumulate(map(len, acc)))
            start = self._base + acc[2 * i]
            word = self.words[i]
            sep = self.seps[i]
            tok = Tok(word, start, start + len(word), sep, i > 0 and _joins(sep), self._quoted(i), i)
            self._toks[i] = tok
        return tok

    def _quoted(self, i: int) -> bool:
        depth = self._depth
        if depth is None:
            # a quotation mark can only be in a separator; one after the last word opens nothing
            depth = self._depth = _depths(self.seps) if _QUOTES.search(self._seg) else []
        return bool(depth) and depth[i] > 0

    def find(self, words) -> list[int]:
        """The indices of the words in the set ``words`` (as written)."""
        if self._set is None:
            self._set = set(self.words)
        if self._set.isdisjoint(words):
            return []
        # C-level: the indices whose word is in ``words``
        return list(compress(count(), map(words.__contains__, self.words)))

    def word_set(self) -> set[str]:
        """The distinct words of the line (shared: do not change it)."""
        if self._set is None:
            self._set = set(self.words)
        return self._set

    def holds_any(self, words) -> bool:
        """Does the line hold one of ``words`` (as written)?"""
        if self._set is None:
            self._set = set(self.words)
        return not self._set.isdisjoint(words)

    def capitals(self) -> list[int]:
        """The indices of the words (not the first) that start with a capital letter."""
        if self._caps is None:
            # C-level: the indices whose first letter is upper case, the first word left out
            caps = list(compress(count(), map(CAPITAL.__getitem__, self.words)))
            if caps and caps[0] == 0:
                del caps[0]
            self._caps = caps
        return self._caps


def _depths(seps: list[str]) -> list[int]:
    """The number of open quotation marks before each word."""
    out = []
    depth = 0
    for sep in seps:
        if sep:
            for ch in sep:
                if ch == "“" or ch == "«":
                    depth += 1
                elif ch == "”" or ch == "»":
                    depth = max(0, depth - 1)
                elif ch == '"':
                    depth = 0 if depth else 1
        out.append(depth)
    return out


def _joins(sep: str) -> bool:
    """Does a sentence run on across ``sep`` (between two words)?"""
    if sep == " ":
        return True
    for ch in sep:
        if ch in OPENERS:
            return False
    # spaces, commas, digits, "%", "/" and the like: "ngày 12/3 tháng" runs on
    return True
