"""Word statistics from the legal-text corpus, loaded lazily (only when a rule needs them).

Both files are built by ``tools/build_loanwords.py`` (source and licence in their
headers): ``data/loanwords.txt`` (loanwords and transliterated names written as
one word) and ``data/syllable_pairs.txt`` (how often each frequent syllable and
each frequent pair of syllables occur).  A rule asks for them only when it meets
a word it would otherwise report, so a document without one never pays for them.
"""

from __future__ import annotations

import functools
from pathlib import Path

__all__ = ["loanwords", "PairStats", "pair_stats", "FREQUENT"]

#: a syllable met at least this often in the corpus (~20 M syllables) is frequent
FREQUENT = 200


_DATA = Path(__file__).resolve().parent.parent / "data"


def _text(name: str) -> str:
    try:
        return (_DATA / name).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return ""


@functools.lru_cache(maxsize=1)
def loanwords() -> frozenset[str]:
    """Lower-case loanwords NL202 accepts (``ôtô``, ``axít``, ``lênin``)."""
    return frozenset(
        line.strip() for line in _text("loanwords.txt").splitlines() if line.strip() and not line.startswith("#")
    )


class PairStats:
    """Counts of syllables and of pairs of syllables (by ``syllable_key``).

    The followers of a syllable are parsed the first time a pair starting with it is asked.
    """

    __slots__ = ("syllables", "doubled_after", "doubled_before", "total", "_raw", "_followers")

    def __init__(self, text: str) -> None:
        self.syllables: dict[str, int] = {}
        self.doubled_after: set[tuple[str, str]] = set()  # (a, s): "a s s" is met
        self.doubled_before: set[tuple[str, str]] = set()  # (s, b): "s s b" is met
        self._raw: dict[str, str] = {}
        self._followers: dict[str, dict[str, int]] = {}
        for line in text.splitlines():
            if not line or line[0] == "#":
                continue
            parts = line.split(None, 2)
            head = parts[0]
            if len(parts) == 3 and head in ("=", "=>"):
                (self.doubled_after if head == "=" else self.doubled_before).add((parts[1], parts[2]))
                continue
            try:
                self.syllables[head] = int(parts[1])
            except (IndexError, ValueError):
                continue
            if len(parts) == 3:
                self._raw[head] = parts[2]
        #: the syllables of the corpus (those listed: nearly all of them)
        self.total = sum(self.syllables.values()) or 1

    def count(self, key: str) -> int:
        return self.syllables.get(key, 0)

    def pair(self, a: str | None, b: str | None) -> int:
        if a is None or b is None:
            return 0
        followers = self._followers.get(a)
        if followers is None:
            followers = self._followers[a] = {}
            for item in self._raw.get(a, "").split():
                word, _, n = item.partition(":")
                if n.isdigit():
                    followers[word] = int(n)
        return followers.get(b, 0)

    def frequent(self, key: str) -> bool:
        return self.syllables.get(key, 0) >= FREQUENT


@functools.lru_cache(maxsize=1)
def pair_stats() -> PairStats:
    return PairStats(_text("syllable_pairs.txt"))
