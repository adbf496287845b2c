"""The syllable language model of administrative Vietnamese (``rules/data/lm.bin``).

Built by ``tools/build_lm.py`` (format described there) from the legal texts of
``../shared/corpus/lm``; read here through ``mmap``: the vocabulary becomes one
dict (about 10,000 keys), the n-gram tables stay in the file and are searched
with :func:`bisect.bisect_left`.  Nothing is read until :func:`model` is first
called, i.e. until a rule that needs the model runs.

Scores are stupid backoff (Brants et al. 2007): ``S(w | u v) = c(uvw) / c(uv)``
when the trigram was seen, else ``0.4 · S(w | v)``, down to ``c(w) / N``; a
syllable outside the vocabulary gets ``0.4³ · 0.5 / N``.  Words are syllable
keys (:func:`~notice_lint_rules.language._syllables.syllable_key`), ``<s>``
marks the edge of a run of words.
"""

from __future__ import annotations

import math
import mmap
import struct
from bisect import bisect_left
from pathlib import Path

__all__ = ["Model", "model", "load", "BOUNDARY", "DATA"]

MAGIC = b"NLLM"
VERSION = 1
BITS = 21
HEADER = struct.Struct("<4sIIIIQII")
BOUNDARY = "<s>"
BACKOFF = math.log(0.4)
DATA = Path(__file__).resolve().parent.parent / "data" / "lm.bin"


class Model:
    """Counts of one model file; every method takes syllable keys or ids."""

    __slots__ = ("ids", "vocab", "uni", "bi", "bi_q", "tri", "tri_q", "total", "scale", "_log_total",
                 "_unk", "_buf", "_levels", "_memo")

    def __init__(self, buf) -> None:
        magic, version, n_vocab, n_bi, n_tri, total, scale, _ = HEADER.unpack_from(buf, 0)
        if magic != MAGIC or version != VERSION:
            raise ValueError("not a notice-lint language model (or another version)")
        pos = HEADER.size
        (size,) = struct.unpack_from("<I", buf, pos)
        pos += 4
        self.vocab = bytes(buf[pos : pos + size]).decode("utf-8").split("\n")
        if len(self.vocab) != n_vocab:
            raise ValueError("damaged language model")
        pos += size
        pos += -pos % 8
        view = memoryview(buf)
        self.uni = view[pos : pos + 4 * n_vocab].cast("I")
        pos += 4 * n_vocab
        pos += -pos % 8
        self.bi = view[pos : pos + 8 * n_bi].cast("Q")
        pos += 8 * n_bi
        self.tri = view[pos : pos + 8 * n_tri].cast("Q")
        pos += 8 * n_tri
        self.bi_q = view[pos : pos + n_bi]
        pos += n_bi
        self.tri_q = view[pos : pos + n_tri]
        self.ids = dict(zip(self.vocab, range(n_vocab)))
        self.total = total
        self.scale = scale
        self._log_total = math.log(max(total, 1))
        self._unk = 3 * BACKOFF + math.log(0.5) - self._log_total
        self._buf = buf
        # natural log of the count a quantised level stands for
        self._levels = [q / scale * math.log(2) for q in range(256)]
        self._memo: dict = {}

    # -- counts ------------------------------------------------------------
    def id(self, key: str) -> int:
        """The id of a syllable key, -1 outside the vocabulary."""
        return self.ids.get(key, -1)

    def count1(self, a: int) -> int:
        return self.uni[a] if a >= 0 else 0

    def _find(self, table, key: int) -> int:
        i = bisect_left(table, key)
        return i if i < len(table) and table[i] == key else -1

    def log2count(self, a: int, b: int) -> float | None:
        """ln c(a b), or None when the bigram was not kept."""
        if a < 0 or b < 0:
            return None
        i = self._find(self.bi, (a << BITS) | b)
        return None if i < 0 else self._levels[self.bi_q[i]]

    def log3count(self, a: int, b: int, c: int) -> float | None:
        """ln c(a b c), or None when the trigram was not kept."""
        if a < 0 or b < 0 or c < 0:
            return None
        i = self._find(self.tri, (a << 2 * BITS) | (b << BITS) | c)
        return None if i < 0 else self._levels[self.tri_q[i]]

    # -- scores ------------------------------------------------------------
    def logp(self, a: int, b: int, c: int) -> float:
        """ln S(c | a b), stupid backoff; ``a``/``b`` may be -1 (no context)."""
        memo = self._memo
        k = (a, b, c)
        v = memo.get(k)
        if v is not None:
            return v
        v = self._logp(a, b, c)
        if len(memo) > 200_000:
            memo.clear()
        memo[k] = v
        return v

    def _logp(self, a: int, b: int, c: int) -> float:
        if c < 0:
            return self._unk
        if b >= 0:
            l3 = self.log3count(a, b, c) if a >= 0 else None
            if l3 is not None:
                l2 = self.log2count(a, b)
                if l2 is not None:
                    return min(0.0, l3 - l2)
            l2 = self.log2count(b, c)
            back = BACKOFF if a >= 0 else 0.0
            if l2 is not None:
                return back + min(0.0, l2 - math.log(max(self.uni[b], 1)))
            back += BACKOFF
        else:
            back = 0.0
        return back + math.log(max(self.uni[c], 1)) - self._log_total

    def score(self, ids: list[int], at: int, width: int = 2) -> float:
        """ln of the scores of the words ``at .. at+width`` of ``ids`` given what precedes them:
        how well the word at ``at`` fits between its neighbours."""
        total = 0.0
        n = len(ids)
        for j in range(at, min(n, at + width + 1)):
            a = ids[j - 2] if j >= 2 else -1
            b = ids[j - 1] if j >= 1 else -1
            total += self.logp(a, b, ids[j])
        return total


_MODEL: list = []


def load(path: Path | str) -> Model:
    """A model read through ``mmap`` (or read whole when the file cannot be mapped)."""
    with open(path, "rb") as fh:
        try:
            buf = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
        except (OSError, ValueError):
            buf = fh.read()
    return Model(buf)


def model() -> Model | None:
    """The shipped model, loaded on first use; None when it is missing or unreadable."""
    if not _MODEL:
        try:
            _MODEL.append(load(DATA))
        except (OSError, ValueError, struct.error):
            _MODEL.append(None)
    return _MODEL[0]
