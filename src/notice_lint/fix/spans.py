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
    text: str, start: int, end: int, replacement: str, verbatim: Callable[[int], bool] = lambda i: True
) -> tuple[int, int, str]:
    """Return ``(start, end, replacement)`` narrowed to what really changes.

    ``verbatim(i)`` tells whether character ``i`` of ``text`` is stored as is
    in the source; a character stored differently (decomposed Unicode, a
    table pipe read as a tab) is kept inside the edit so the source changes.
    """
    s, e, r = start, end, replacement
    while s < e and r and text[s] == r[0] and verbatim(s):
        s += 1
        r = r[1:]
    while e > s and r and text[e - 1] == r[-1] and verbatim(e - 1):
        e -= 1
        r = r[:-1]
    if any(ch.isalnum() for ch in text[s:e] + r):
        while s > 0 and text[s - 1].isalnum():
            s -= 1
            r = text[s] + r
        while e < len(text) and text[e].isalnum():
            r = r + text[e]
            e += 1
    return s, e, r


def source_map(length: int, col_map: list[int] | None) -> list[int]:
    """Offset in the source of every character (identity when no map)."""
    return list(range(length)) if col_map is None else list(col_map)
