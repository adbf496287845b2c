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


class Clean(set):
    """The words (or separators) this process has found clean for one test.

    ``unknown(words)`` is ``words`` minus them (and minus any ``others`` given):
    one set difference at C speed leaves the few words a document adds to a
    vocabulary already met, and only those are tested.  The caller adds the
    ones that pass.  Past ``most`` entries the set starts afresh, so a long run
    cannot grow it without bound.
    """

    def __init__(self, most: int = 200_000) -> None:
        super().__init__()
        self.most = most

    def unknown(self, words: set[Any], *others: set[Any]) -> set[Any]:
        if len(self) > self.most:
            self.clear()
        return words.difference(self, *others)
