"""Process-wide verdicts on distinct words and separators, shared by the rule families."""

from __future__ import annotations

from typing import Any, Callable


class Verdicts(dict):
    """``key -> fn(key)``, computed on first use and kept for the process.

    Lookups are plain ``dict`` lookups, so ``map(verdicts.__getitem__, keys)``
    runs at C speed over the many keys a document repeats; past ``most``
    entries the map starts afresh, so a long run cannot grow it without bound.
    """

    def __init__(self, fn: Callable[[Any], Any], most: int = 65536) -> None:
        super().__init__()
        self.fn = fn
        self.most = most

    def __missing__(self, key: Any) -> Any:
        if len(self) > self.most:
            self.clear()
        value = self[key] = self.fn(key)
        return value
