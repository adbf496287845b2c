"""Phrases typed without their diacritics (the input method was off): ``De nghi cac
don vi bao cao ket qua``, in a document that elsewhere writes Vietnamese with its marks.

One bare word is NL209's to weigh in its context; a phrase of them has no context to
weigh against (every neighbour is bare too), so it is told apart by its words: each is
written in plain ASCII, and its marked forms (syllables of the language model) are far
more frequent in the model's text than the bare one (``cac``: ``các`` 1,400 times as often; ``quan``,
``cao``, ``vi`` are words of their own and prove nothing).  A phrase is reported once,
when three or more of its words, and most of them, are such.  English and codes stay
silent: their words are no bare syllables (``data``, ``is``), or short ones that a
phrase of at least one longer bare word must back up (``go to the``); nor are names, all
capitalised words (``Nguyen Thi Thanh Huong``).
"""

from __future__ import annotations

import re

from ._syllables import Stream, key_of

__all__ = ["bare_runs"]

#: the marked forms of a bare syllable must be this many times as frequent as it
RATIO = 10
#: words of a bare phrase that must be such syllables (and more than half of the phrase)
LEAST = 3
_SHORT = 3  # a phrase of short words only ("go to the") needs more of them
_LEAST_SHORT = 5
#: the share of a document's words with a letter outside ASCII for it to count as written
#: with its marks
MARKED_SHARE = 0.3

_BEST: dict = {}  # model -> {bare syllable: count of its most frequent marked form}
_VERDICT: dict[str, bool] = {}


def _best_marked(m) -> dict[str, int]:
    best = _BEST.get(id(m))
    if best is None:
        from ._candidates import strip_marks

        best = {}
        for k, c in zip(m.vocab, m.uni):
            bare = strip_marks(k.rstrip("0123456789"))
            if bare != k and c > best.get(bare, 0):
                best[bare] = c
        _BEST.clear()
        _BEST[id(m)] = best
    return best


def _suspect(m, best: dict[str, int], text: str) -> bool:
    """Is ``text`` (plain ASCII) a syllable whose marked forms are far more usual?"""
    v = _VERDICT.get(text)
    if v is None:
        low = text.lower()
        v = False
        # the marked forms are syllables of the model; the bare one need not be a valid
        # syllable itself (``cac``: a stop final takes a tone; ``lien``: no ``ie`` rhyme)
        if len(low) >= 2 and (text.islower() or text[1:].islower()):
            marked = best.get(low, 0)
            own = m.uni[m.ids[key_of(low)]] if key_of(low) in m.ids else 0
            v = marked >= RATIO * max(own, 1)
        if len(_VERDICT) > 20_000:
            _VERDICT.clear()
        _VERDICT[text] = v
    return v


def bare_runs(st: Stream, m) -> list[tuple[int, int]]:
    """``(first, last)`` stream indices of each phrase typed without its marks."""
    texts, joined = st.texts, st.joined
    n = len(texts)
    if not n:
        return []
    # one byte a word, made at C speed: 1 a plain ASCII word; three or more in a row are
    # then split where a word is not joined to the one before it (punctuation between)
    ascii_flags = bytes(map(str.isascii, texts))
    plain = ascii_flags.count(1)
    if plain < LEAST or (n - plain) < MARKED_SHARE * n:
        return []
    best = None
    out: list[tuple[int, int]] = []
    for hit in _RUN.finditer(ascii_flags):
        run: list[int] = []
        for i in range(hit.start(), hit.end()):
            if run and not joined[i]:
                if best is None:
                    best = _best_marked(m)
                _close(st, m, best, run, out)
                run = []
            run.append(i)
        if best is None:
            best = _best_marked(m)
        _close(st, m, best, run, out)
    return out


_RUN = re.compile(rb"\x01{%d,}" % LEAST)


def _close(st: Stream, m, best, run: list[int], out: list) -> None:
    if len(run) < LEAST:
        return
    para = st.para(run[0])
    if st.para(run[-1]) is not para:  # a text file's wrapped lines: the first line's part
        run = [i for i in run if st.para(i) is para]
        if len(run) < LEAST:
            return
    texts = st.texts
    sus = [texts[i] for i in run if _suspect(m, best, texts[i])]
    if len(sus) < LEAST or 2 * len(sus) <= len(run):
        return
    if all(len(w) <= _SHORT for w in sus) and len(sus) < _LEAST_SHORT:
        return
    if sum(1 for i in run if texts[i].islower()) < 2:
        return  # a name written the foreign way (``Nguyen Thi Thanh Huong``), a title
    out.append((run[0], run[-1]))
