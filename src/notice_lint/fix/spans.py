"""Shape an edit before it is written: trim what does not change, widen to words.

A rule's edit may replace more than changes (``Kính phí`` → ``Kinh phí``).
Writing only the changed part keeps markup and run formatting around it
untouched; a change inside a word is widened to the whole word, so a reviewer
reads ``~~Kính~~ Kinh`` rather than a lone changed letter.
"""

from __future__ import annotations

from typing import Callable

__all__ = ["shape_edit", "source_map"]


def shape_edit(
    text: str, start: int, end: int, replacement: str, verbatim: Callable[[int], bool] = lambda i: True,
    lo: int | None = None, hi: int | None = None,
) -> tuple[int, int, str]:
    """Return ``(start, end, replacement)`` narrowed to what really changes.

    ``verbatim(i)`` tells whether character ``i`` of ``text`` is stored as is
    in the source; a character stored differently (decomposed Unicode, a
    table pipe read as a tab) is kept inside the edit so the source changes.
    A change glued to a word is widened to the whole word, but never up to
    ``lo`` (the end of the paragraph's previous edit) or ``hi`` (the start of
    the next one): the text between two edits is never claimed by both.
    """
    s, e, r = start, end, replacement
    while s < e and r and text[s] == r[0] and verbatim(s):
        s += 1
        r = r[1:]
    while e > s and r and text[e - 1] == r[-1] and verbatim(e - 1):
        e -= 1
        r = r[:-1]
    floor = 0 if lo is None else lo
    ceiling = len(text) if hi is None else hi
    if s > floor and text[s - 1].isalnum() and ((s < e and text[s].isalnum()) or r[:1].isalnum()):
        a = s
        while a > floor and text[a - 1].isalnum():
            a -= 1
        if lo is None or a > lo:
            r, s = text[a:s] + r, a
    if e < ceiling and text[e].isalnum() and ((s < e and text[e - 1].isalnum()) or r[-1:].isalnum()):
        b = e
        while b < ceiling and text[b].isalnum():
            b += 1
        if hi is None or b < hi:
            r, e = r + text[e:b], b
    return s, e, r


def source_map(length: int, col_map: list[int] | None) -> list[int]:
    """Offset in the source of every character (identity when no map)."""
    return list(range(length)) if col_map is None else list(col_map)
