"""URL-like spans of a text, found in linear time.

A span is a whole run of non-space characters that holds ``://``, ``www.`` or
``@``, or a ``.ext`` (a domain or file extension of the given list, any case,
ending a word) after at least one character of the run.  This is what the
pattern ``\\S*(?:://|www\\.|@)\\S*|\\S+\\.(?:EXT)\\b\\S*`` (case-insensitive) finds
with ``finditer``, without its backtracking: on one long run of non-space
characters that pattern tries every start and every split, quadratic in the
run's length; here each run is scanned a bounded number of times.
"""

from __future__ import annotations

import re

__all__ = ["UrlishSpans"]

_RUN = re.compile(r"\S+")
_MARKER = re.compile(r"://|www\.|@", re.IGNORECASE)


class UrlishSpans:
    """``spans(text)`` -> the (start, end) of each URL-like run of ``text``, in order."""

    def __init__(self, extensions: str) -> None:
        self._ext = re.compile(r"\.(?:" + extensions + r")\b", re.IGNORECASE)

    def spans(self, text: str) -> list[tuple[int, int]]:
        # every span holds ``@``, ``:`` or ``.``: a text with none has none
        if "." not in text and "@" not in text and ":" not in text:
            return []
        out = []
        marker, ext = _MARKER.search, self._ext.search
        for m in _RUN.finditer(text):
            s, e = m.span()
            # the match's start is the run's start (a suffix of the run holds no more than
            # the run), its end the run's end (the trailing ``\S*`` is greedy)
            if marker(text, s, e) is not None or (e - s > 1 and ext(text, s + 1, e) is not None):
                out.append((s, e))
        return out
