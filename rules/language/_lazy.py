"""Regular expressions compiled at their first use.

A pattern used only on a rare path (a word already found wrong, a paragraph
with a tell-tale literal) need not cost every process its compile time.
"""

from __future__ import annotations

import re

__all__ = ["LazyRe"]

_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "split", "sub")


class LazyRe:
    """Behaves as ``re.compile(pattern, flags)``; compiles on first use."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._args = (pattern, flags)

    def __getattr__(self, name: str):
        rx = re.compile(*self._args)
        for method in _METHODS:  # later calls find the compiled pattern's methods directly
            setattr(self, method, getattr(rx, method))
        return getattr(rx, name)
