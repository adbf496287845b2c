"""The syllable language model of administrative Vietnamese (``rules/data/lm.bin``).

Built by ``tools/build_lm.py`` (format described there) from the legal texts of
``../shared/corpus/lm``; read here through ``mmap``: the vocabulary becomes one
dict (about 10,000 keys), the n-gram tables stay in the file and are searched
with :func:`bisect.bisect_left`, each search only over the n-grams that share its
prefix (the file's start tables give where they lie).  Nothing is read until :func:`model` is first
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
VERSION = 3
BITS = 21
HEADER = struct.Struct("<4sIIIIQII")
BOUNDARY = "<s>"
BACKOFF = math.log(0.4)
DATA = Path(__file__).resolve().parent.parent / "data" / "lm.bin"


class Model:
    """Counts of one model file; every method takes syllable keys or ids."""

    __slots__ = ("ids", "vocab", "uni", "bi", "bi_q", "tri", "tri_q", "bi_start", "tri_start", "total", "scale",
                 "judged", "cand_start", "cands", "_log_total", "_unk", "_buf", "_levels", "_memo", "_lnuni")

    def __init__(self, buf) -> None:
        magic, version, n_vocab, n_bi, n_tri, total, scale, n_cand = HEADER.unpack_from(buf, 0)
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
        pos += n_tri
        pos += -pos % 4
        self.bi_start = view[pos : pos + 4 * (n_vocab + 1)].cast("I")
        pos += 4 * (n_vocab + 1)
        self.tri_start = view[pos : pos + 4 * (n_bi + 1)].cast("I")
        pos += 4 * (n_bi + 1)
        #: 1 for each word whose candidates (NL209's) the file holds, 0 else
        self.judged = view[pos : pos + n_vocab]
        pos += n_vocab
        pos += -pos % 4
        self.cand_start = view[pos : pos + 4 * (n_vocab + 1)].cast("I")
        pos += 4 * (n_vocab + 1)
        #: ``id << 4 | class`` of each candidate (see ``tools/build_lm.py``)
        self.cands = view[pos : pos + 4 * n_cand].cast("I")
        pos += 4 * n_cand
        if pos != len(buf):
            raise ValueError("damaged language model")
        self.ids = dict(zip(self.vocab, range(n_vocab)))
        self.total = total
        self.scale = scale
        self._log_total = math.log(max(total, 1))
        self._unk = 3 * BACKOFF + math.log(0.5) - self._log_total
        self._buf = buf
        # natural log of the count a quantised level stands for
        self._levels = [q / scale * math.log(2) for q in range(256)]
        self._memo: dict = {}
        self._lnuni: _LnUni | None = None  # ln max(c(w), 1) by id, each made on first use

    # -- counts ------------------------------------------------------------
    def id(self, key: str) -> int:
        """The id of a syllable key, -1 outside the vocabulary."""
        return self.ids.get(key, -1)

    def count1(self, a: int) -> int:
        return self.uni[a] if a >= 0 else 0

    def bigram(self, a: int, b: int) -> int:
        """The index of bigram ``a b`` in the tables, -1 when it was not kept (``a``, ``b`` >= 0)."""
        lo = self.bi_start[a]
        hi = self.bi_start[a + 1]
        key = (a << BITS) | b
        i = bisect_left(self.bi, key, lo, hi)
        return i if i < hi and self.bi[i] == key else -1

    def trigram(self, j: int, c: int) -> int:
        """The index of trigram ``a b c`` given the index ``j`` of bigram ``a b``, -1 when not kept."""
        lo = self.tri_start[j]
        hi = self.tri_start[j + 1]
        key = (self.bi[j] << BITS) | c
        i = bisect_left(self.tri, key, lo, hi)
        return i if i < hi and self.tri[i] == key else -1

    def log2count(self, a: int, b: int) -> float | None:
        """ln c(a b), or None when the bigram was not kept."""
        if a < 0 or b < 0:
            return None
        i = self.bigram(a, b)
        return None if i < 0 else self._levels[self.bi_q[i]]

    def log3count(self, a: int, b: int, c: int) -> float | None:
        """ln c(a b c), or None when the trigram was not kept."""
        if a < 0 or b < 0 or c < 0:
            return None
        j = self.bigram(a, b)
        i = -1 if j < 0 else self.trigram(j, c)
        return None if i < 0 else self._levels[self.tri_q[i]]

    def lnuni(self) -> "_LnUni":
        """``ln max(c(w), 1)`` by id (each made on first use: a document meets few words)."""
        if self._lnuni is None:
            self._lnuni = _LnUni(self.uni)
        return self._lnuni

    def candidates(self, w: int) -> memoryview | None:
        """The candidates the file holds for word ``w`` (``id << 4 | class``), None when it
        holds none for it (not a syllable of the vocabulary)."""
        if w <= 0 or not self.judged[w]:
            return None
        return self.cands[self.cand_start[w] : self.cand_start[w + 1]]

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

    def memo(self) -> dict:
        """The memo of :meth:`logp`, ``(a, b, c) -> ln S(c | a b)``, for callers that inline it
        (it starts afresh past 200,000 entries)."""
        if len(self._memo) > 200_000:
            self._memo.clear()
        return self._memo

    def _logp(self, a: int, b: int, c: int) -> float:
        if c < 0:
            return self._unk
        if b >= 0:
            bi, bi_start, levels = self.bi, self.bi_start, self._levels
            if a >= 0:
                # the trigram counts only when the bigram a b was kept too
                lo = bi_start[a]
                hi = bi_start[a + 1]
                key = (a << BITS) | b
                j = bisect_left(bi, key, lo, hi)
                if j < hi and bi[j] == key:
                    lo = self.tri_start[j]
                    hi = self.tri_start[j + 1]
                    key = (key << BITS) | c
                    i = bisect_left(self.tri, key, lo, hi)
                    if i < hi and self.tri[i] == key:
                        return min(0.0, levels[self.tri_q[i]] - levels[self.bi_q[j]])
                back = BACKOFF
            else:
                back = 0.0
            lo = bi_start[b]
            hi = bi_start[b + 1]
            key = (b << BITS) | c
            j = bisect_left(bi, key, lo, hi)
            if j < hi and bi[j] == key:
                return back + min(0.0, levels[self.bi_q[j]] - math.log(max(self.uni[b], 1)))
            back += BACKOFF
        else:
            back = 0.0
        return back + math.log(max(self.uni[c], 1)) - self._log_total

    def logps(self, a: int, b: int, xs) -> list[float]:
        """``[ln S(x | a b) for x in xs]`` (``b`` and every ``x`` >= 0): the same values as
        :meth:`logp`, with the context ``a b`` looked up once for all the ``x``."""
        bi, tri, levels = self.bi, self.tri, self._levels
        tlo = thi = 0
        if a >= 0:
            back = BACKOFF
            lo = self.bi_start[a]
            hi = self.bi_start[a + 1]
            key = (a << BITS) | b
            j = bisect_left(bi, key, lo, hi)
            if j < hi and bi[j] == key:
                tlo = self.tri_start[j]
                thi = self.tri_start[j + 1]
                tkey = key << BITS
                l2 = levels[self.bi_q[j]]
        else:
            back = 0.0
        blo = self.bi_start[b]
        bhi = self.bi_start[b + 1]
        bkey = b << BITS
        lnb = math.log(max(self.uni[b], 1))
        back2 = back + BACKOFF
        lnuni = self._lnuni or self.lnuni()
        tri_q, bi_q, log_total = self.tri_q, self.bi_q, self._log_total
        out = []
        for x in xs:
            if tlo < thi:
                key = tkey | x
                i = bisect_left(tri, key, tlo, thi)
                if i < thi and tri[i] == key:
                    out.append(min(0.0, levels[tri_q[i]] - l2))
                    continue
            if blo < bhi:
                key = bkey | x
                i = bisect_left(bi, key, blo, bhi)
                if i < bhi and bi[i] == key:
                    out.append(back + min(0.0, levels[bi_q[i]] - lnb))
                    continue
            out.append(back2 + lnuni[x] - log_total)
        return out

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


class _LnUni(dict):
    """``id -> ln max(c(id), 1)``, each made when first asked for."""

    __slots__ = ("uni",)

    def __init__(self, uni) -> None:
        super().__init__()
        self.uni = uni

    def __missing__(self, x: int) -> float:
        v = self[x] = math.log(max(self.uni[x], 1))
        return v


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
