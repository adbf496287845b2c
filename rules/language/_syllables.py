"""Syllable tokens and tone-style-insensitive keys shared by the language rules.

Besides the per-paragraph :func:`tokens`, :func:`stream` gives the document as
one stream of syllables where each word knows whether it *joins* the one
before it: only spaces (or a line break) between them, so a phrase may run
across them.  In a ``.txt``/``.md`` export a sentence is hard-wrapped into
consecutive lines (often with blank lines between), so the last word of one
line joins the first word of the next non-empty line, unless both lines are
short (table cells and column fragments of a PDF's text export).  Words of the segments
that hold personal names (``notice.name_segments()``) are left out.
"""

from __future__ import annotations

from notice_lint.rule import ANY_PROFILE

import functools
import re
from array import array
import unicodedata
from bisect import bisect_right
from itertools import accumulate, chain
from typing import TYPE_CHECKING, Iterable, NamedTuple

from notice_lint_rules._memo import Verdicts

if TYPE_CHECKING:  # pragma: no cover
    from notice_lint.anatomy import Notice
    from notice_lint.document.model import Paragraph

__all__ = [
    "Token",
    "tokens",
    "syllable_key",
    "key_of",
    "match_case",
    "Word",
    "Stream",
    "stream",
    "built_stream",
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


_KEY_OF = Verdicts(syllable_key, most=200_000)  # word -> syllable key
# separator between two words -> may a phrase run across it
_SEP_JOINS = Verdicts(lambda sep: sep == " " or _JOIN_SEP.fullmatch(sep) is not None, most=10_000)

# ``[^\W\d_]`` asks the Unicode database about every character.  A class listing the
# letters of the Latin blocks Vietnamese is written in splits about twice as fast, and
# gives the same words as long as no letter from another block occurs (checked on the
# separators it leaves, which hold any such letter; else the text is split again).
_LATIN = "\x00-\u024f\u1e00-\u1eff"
_NOT_LATIN = re.compile(f"[^{_LATIN}]")
_latin_split: list = []


def latin_split():
    """``re.split`` on runs of the letters of the Latin blocks (built once, at first use)."""
    if _latin_split:
        return _latin_split[0]
    letter = re.compile(r"[^\W\d_]")
    spans: list[list[int]] = []  # runs of consecutive letters, as [first, last] code points
    for c in [*range(0x250), *range(0x1E00, 0x1F00)]:
        if letter.match(chr(c)):
            if spans and spans[-1][1] == c - 1:
                spans[-1][1] = c
            else:
                spans.append([c, c])
    cls = "".join(f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in spans)
    _latin_split.append(re.compile(f"([{cls}]+)").split)
    return _latin_split[0]

#: ``syllable_key`` through a process-wide dict: the fast way for many words
key_of = _KEY_OF.__getitem__


class Stream:
    """The document as one stream of syllables, held as parallel lists.

    ``keys[i]``, ``texts[i]`` and ``joined[i]`` (1 or 0: a bytearray, one byte a word)
    describe word ``i``; its paragraph and offsets are worked out on demand (:meth:`para`,
    :meth:`span`, :meth:`word`), since the rules only need them where they report.
    """

    __slots__ = (
        "keys", "texts", "joined", "_firsts", "_segs", "_parts", "_spans", "_acc", "_distinct", "_distinct_set", "_named",
        "_seps", "_inventory", "_separator_text", "_split",
    )

    def __init__(self, split=None) -> None:
        self.keys: list[str] = []
        self.texts: list[str] = []
        self.joined: bytearray = bytearray()
        # per paragraph with words (a "seg"), in order: the stream index of its first word (an
        # array: 8 bytes, no int object each), the paragraph, and by seg number its split parts
        # (past the first _KEEP_PARTS parts: none kept, split again when asked) or, for a
        # paragraph with a name segment, the (start, end) of each of its words
        self._firsts = array("q")
        self._segs: list["Paragraph"] = []
        self._parts: dict[int, list[str]] = {}
        self._spans: dict[int, list[tuple[int, int]]] = {}
        self._split = split  # what split the paragraphs (to split one again)
        self._acc: dict[int, list[int]] = {}
        self._distinct: list[str] | None = None
        self._distinct_set: set[str] | None = None
        self._named: list[str] = []  # the words of the name segments' paragraphs (left out above)
        # the separators (non-letter runs) of every non-blank paragraph, each once: between two
        # words, before the first word, after the last word, and whole paragraphs with no word
        # (given to :meth:`inventory`, then let go)
        self._seps: tuple[set[str], set[str], set[str], set[str]] | None = (set(), set(), set(), set())
        self._inventory: tuple | None = None
        self._separator_text: str | None = None

    def __len__(self) -> int:
        return len(self.keys)

    def paragraph_parts(self) -> dict[int, tuple["Paragraph", list[str]]]:
        """``paragraph index -> (paragraph, parts)`` for each paragraph split whole: its
        ``[separator, word, separator, …, separator]`` as ``re.split`` on ``[^\\W\\d_]+``
        gives them (shared: do not change them).  Past the first :data:`_KEEP_PARTS` parts of
        the document they are not kept, and such paragraphs are not in here."""
        segs = self._segs
        return {segs[s].index: (segs[s], parts) for s, parts in self._parts.items()}

    def distinct(self) -> list[str]:
        """Each word text once (rules judge a word once, not per occurrence)."""
        if self._distinct is None:
            self._distinct = list(self.distinct_set())
        return self._distinct

    def distinct_set(self) -> set[str]:
        """:meth:`distinct` as a set (shared: do not change it)."""
        if self._distinct_set is None:
            self._distinct_set = set(self.texts)
        return self._distinct_set

    def inventory(self) -> tuple[set[str], set[str], set[str], set[str], set[str]]:
        """``(words, inner, first, last, bare)``: each distinct word of the document (name
        segments included) and each distinct separator as :attr:`_seps` sorts them.  Every
        letter run and every non-letter run of the document is in there, so a rule can tell
        from them, without scanning the text, that a pattern cannot match (typography).
        Shared: do not change them."""
        if self._inventory is None:
            inner, first, last, bare = self._seps  # type: ignore[misc]
            self._inventory = (self.distinct_set().union(self._named), inner, first, last, bare)
            self._seps = None
        return self._inventory

    def separator_text(self) -> str:
        """The distinct separators of :meth:`inventory` joined by line breaks: one string to
        search for a pattern of non-letters that a line break cannot help match."""
        if self._separator_text is None:
            _words, *separators = self.inventory()
            self._separator_text = "\n".join(chain.from_iterable(separators))
        return self._separator_text

    def _seg(self, i: int) -> int:
        return bisect_right(self._firsts, i) - 1

    def para(self, i: int) -> "Paragraph":
        return self._segs[self._seg(i)]

    def span(self, i: int) -> tuple[int, int]:
        s = self._seg(i)
        j = i - self._firsts[s]
        spans = self._spans.get(s) if self._spans else None
        if spans is not None:
            return spans[j]
        acc = self._acc.get(s)
        if acc is None:
            if len(self._acc) >= 64:  # rules ask in reading order: a few paragraphs' offsets are kept
                self._acc.clear()
            parts = self._parts.get(s)
            if parts is None:  # not kept: the paragraph split again, as the stream split it
                parts = self._split(self._segs[s].text)
            acc = self._acc[s] = list(accumulate(map(len, parts)))  # type: ignore[arg-type]
        return acc[2 * j], acc[2 * j + 1]

    def word(self, i: int) -> Word:
        start, end = self.span(i)
        return Word(self.para(i), start, end, self.texts[i], self.keys[i], self.joined[i])

    def words(self, i: int, j: int) -> list[Word]:
        return [self.word(k) for k in range(i, j)]


def stream(notice: "Notice") -> Stream:
    """The document as one stream of syllables (cached on the document)."""
    doc = notice.document
    cached = doc.meta.get("_language_stream")
    if cached is not None:
        return cached
    out = _stream(notice, latin_split())
    seps = out.separator_text()  # the distinct separators: a short text to search
    if any(TOKEN_RE.match(c) for c in set(_NOT_LATIN.findall(seps))):
        out = _stream(notice, _SPLIT_RE.split)  # a letter of another script
    doc.meta["_language_stream"] = out
    return out


def built_stream(doc) -> Stream | None:
    """The stream of ``doc`` if a rule has built it already, else None."""
    return doc.meta.get("_language_stream")


#: split parts (two a word) of a document held as ``re.split`` made them before the stream
#: shares equal strings (about 16,000 words)
_SHARE_FROM = 1 << 15
#: split parts the stream keeps by paragraph (about 32,000 words: every paragraph of all but
#: long documents); past them a paragraph is split again when its offsets are asked for
#: (8 bytes a part and a list a paragraph, ~30 % of a long document's stream, not kept)
_KEEP_PARTS = 1 << 16


#: in a text file a line shorter than this (in characters) does not go on into a next one as short
_WRAPS = 30


def _stream(notice: "Notice", split) -> Stream:
    doc = notice.document
    wrap = doc.kind in ("text", "markdown")
    names = _name_spans(notice)
    out = Stream(split)
    firsts, segs, kept = out._firsts, out._segs, out._parts
    first, last, bare = out._seps[1:]  # type: ignore[index]
    named = out._named
    # the stream as one list [separator before word 0, word 0, separator before word 1, ...]:
    # a paragraph's split parts go in whole (less its tail), and the words, the separators
    # and their keys and joins are taken out in one pass each at the end.  A paragraph's
    # first word gets " " (joins) or "" (does not) instead of its head, as do the words
    # after a name segment: ``heads`` holds those places of the separator list.  The list is
    # held in chunks (``flat`` the last, ``base`` parts before it), let go one by one as the
    # words and separators are copied out (:func:`_unzip`): a long document never holds the
    # parts twice over.
    chunks: list[list[str] | None] = []
    flat: list[str] = []
    base = 0
    heads: list[tuple[int, str]] = []
    named_seps: list[str] = []  # the separators between the words of the name segments' paragraphs
    carry = False  # the previous non-blank line ended in a word followed by spaces only
    carry_short = False  # ... and was shorter than _WRAPS
    # a PDF's text export of a justified page widens the spaces of its lines: there a run of
    # up to six spaces between two words of one column still joins them (the ranges of words)
    widened: list[tuple[int, int]] | None = [] if wrap else None  # (whether it is one: asked only if needed)
    # each distinct word and separator held once (the parts kept refer to it): a long document
    # repeats a few thousand syllables, and a string per occurrence costs ~80 bytes a word.
    # Only past the first _SHARE_FROM parts: in a short document most words are new, and
    # filling the dict costs about a quarter of the build for at most ~1 MB saved
    same = {}.setdefault
    for para in doc.paragraphs:
        text = para.text
        if not text or text.isspace():
            continue  # a blank line between hard-wrapped lines keeps the carry
        parts = split(text)  # [sep, word, sep, word, ..., sep]
        if len(parts) == 1:
            bare.add(text)
            carry = False
            continue
        head = parts[0]
        tail = parts[-1]
        first.add(head)  # (each once)
        last.add(tail)
        skip = names.get(para.index) if names else None
        if skip:
            named_seps += parts[2:-1:2]
            named += parts[1::2]
            single_column = not wrap or para.single_column
            carry = _add_named(out, flat, base, heads, para, parts, skip, carry, single_column, wrap)
            carry_short = len(text) < _WRAPS
            continue
        if len(flat) >= _CHUNK:
            chunks.append(flat)
            base += len(flat)
            flat = []
        at = base + len(flat)
        firsts.append(at >> 1)
        if at >= _SHARE_FROM:
            parts = list(map(same, parts, parts))
        if at < _KEEP_PARTS:
            kept[len(segs)] = parts
        segs.append(para)
        flat += parts
        flat.pop()  # the tail: no word follows it
        # a line's first word joins the last one's only through spaces, in one column
        # two short lines in a row are table cells or a column's fragments in a PDF's text
        # export (``Văn hóa - Thông Các thôn`` / ``tin``), not one sentence wrapped
        if carry and (not head or head.isspace()) and (not wrap or para.single_column) \
                and not (carry_short and len(text) < _WRAPS):
            heads.append((at >> 1, " "))
        else:
            heads.append((at >> 1, ""))
        carry = wrap and (not tail or tail.isspace()) and para.single_column
        carry_short = len(text) < _WRAPS
        if widened is not None and para.single_column and "   " in text:
            widened.append((at >> 1, (base + len(flat) + 1) >> 1))
    chunks.append(flat)
    del flat
    texts, before = _unzip(chunks)
    out.texts = texts
    for i, _ in heads:
        before[i] = None  # type: ignore[call-overload]
    inner = set(before)  # every other entry is a separator between two words of a paragraph
    inner.discard(None)  # type: ignore[arg-type]
    inner.update(named_seps)
    out._seps = (inner, first, last, bare)
    for i, sep in heads:
        before[i] = sep
    out.joined = joined = bytearray(map(_SEP_JOINS.__getitem__, before))
    if widened and doc.layout_export():
        for lo, hi in widened:
            for i in range(lo + 1, hi):
                sep = before[i]
                if not joined[i] and len(sep) <= 6 and not sep.strip(" "):
                    joined[i] = True
    del before
    out.keys = list(map(_KEY_OF.__getitem__, texts))
    return out


#: parts (two a word) of a chunk of the stream while it is made (:func:`_stream`)
_CHUNK = 1 << 14


def _unzip(chunks: list) -> tuple[list[str], list[str]]:
    """The words and the separators before them, out of the chunks of ``[separator,
    word, separator, word, …]`` (of even lengths) that :func:`_stream` made; each chunk let go
    once copied out, and the C heap's free pages given back every few chunks
    (:func:`~notice_lint.document.limits.trim_heap`): a chunk freed in the heap would stay
    resident while the two lists grow, and the parts be held twice over."""
    if len(chunks) == 1:  # a short document: nothing to gain
        chunk = chunks.pop()
        return chunk[1::2], chunk[0::2]
    from notice_lint.document.limits import trim_heap

    texts: list[str] = []
    before: list[str] = []
    for k, chunk in enumerate(chunks):
        texts += chunk[1::2]
        before += chunk[0::2]
        chunks[k] = chunk = None
        if k % 8 == 7:  # (every 1 MB or so)
            trim_heap()
    return texts, before


def _add_named(
    out: Stream, flat: list[str], base: int, heads: list[tuple[int, str]], para: "Paragraph", parts: list[str],
    skip: list[tuple[int, int]], carry: bool, single_column: bool, wrap: bool,
) -> bool:
    """Add the words of a paragraph that holds a name segment (its words are left out); the new carry.

    ``flat`` (the last chunk, ``base`` parts after the first) gets each added word after the
    separator before it, and ``heads`` the places where that is " " or "", as in :func:`_stream`."""
    spans: list[tuple[int, int]] = []
    first = (base + len(flat)) >> 1
    pos = len(parts[0])
    last = len(parts) - 2
    after_name = False
    for k in range(1, last + 1, 2):
        w = parts[k]
        s = pos
        e = s + len(w)
        pos = e + len(parts[k + 1])
        if any(a <= s < b for a, b in skip):
            after_name = True
            carry = False
            continue
        if k == 1:
            heads.append(((base + len(flat)) >> 1, " " if carry and single_column and _blank(parts[0]) else ""))
            flat.append("")
        elif after_name:
            heads.append(((base + len(flat)) >> 1, ""))
            flat.append("")
            after_name = False
        else:
            flat.append(parts[k - 1])
        flat.append(w)
        spans.append((s, e))
    if spans:
        out._firsts.append(first)
        out._spans[len(out._segs)] = spans
        out._segs.append(para)
    return wrap and single_column and not after_name and _blank(parts[-1])
