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

from notice_lint_rules._memo import Verdicts

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

_CACHE: list = []  # [model, its Verdicts: plain word -> is it a bare syllable?]


def _suspects(m) -> Verdicts:
    """``text -> bool`` for model ``m``, kept for the process (made anew for another model)."""
    if not _CACHE or _CACHE[0] is not m:
        best = _best_marked(m)
        _CACHE[:] = [m, Verdicts(lambda text: _suspect(m, best, text), most=20_000)]
    return _CACHE[1]


def _best_marked(m) -> dict[str, int]:
    """Bare syllable -> the count of its most frequent marked form in ``m``."""
    from ._candidates import strip_marks

    best: dict[str, int] = {}
    for k, c in zip(m.vocab, m.uni):
        bare = strip_marks(k.rstrip("0123456789"))
        if bare != k and c > best.get(bare, 0):
            best[bare] = c
    return best


def _suspect(m, best: dict[str, int], text: str) -> bool:
    """Is ``text`` (plain ASCII) a syllable whose marked forms are far more usual?"""
    low = text.lower()
    # the marked forms are syllables of the model; the bare one need not be a valid
    # syllable itself (``cac``: a stop final takes a tone; ``lien``: no ``ie`` rhyme)
    if len(low) < 2 or not (text.islower() or text[1:].islower()):
        return False
    key = key_of(low)
    own = m.uni[m.ids[key]] if key in m.ids else 0
    return best.get(low, 0) >= RATIO * max(own, 1)


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
    out: list[tuple[int, int]] = []
    for hit in _RUN.finditer(ascii_flags):
        suspects = _suspects(m)
        run: list[int] = []
        for i in range(hit.start(), hit.end()):
            if run and not joined[i]:
                _close(st, suspects, run, out)
                run = []
            run.append(i)
        _close(st, suspects, run, out)
    return out


_RUN = re.compile(rb"\x01{%d,}" % LEAST)


def _close(st: Stream, suspects: Verdicts, run: list[int], out: list) -> None:
    if len(run) < LEAST:
        return
    para = st.para(run[0])
    if st.para(run[-1]) is not para:  # a text file's wrapped lines: the first line's part
        run = [i for i in run if st.para(i) is para]
        if len(run) < LEAST:
            return
    texts = st.texts
    sus = [texts[i] for i in run if suspects[texts[i]]]
    if len(sus) < LEAST or 2 * len(sus) <= len(run):
        return
    if all(len(w) <= _SHORT for w in sus) and len(sus) < _LEAST_SHORT:
        return
    if sum(1 for i in run if texts[i].islower()) < 2:
        return  # a name written the foreign way (``Nguyen Thi Thanh Huong``), a title
    out.append((run[0], run[-1]))
