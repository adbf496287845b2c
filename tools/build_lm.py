"""Build the syllable language model NL209 reads (``rules/data/lm.bin``).

Source: ``../shared/corpus/lm/phapdien.txt.xz`` (see its README): the Vietnamese
legal codification and decrees of 2025-2026 as published in the repository
``diepxuan/diepxuan.github.io`` (MIT License; the texts themselves are legal
normative documents, outside copyright protection under Luật Sở hữu trí tuệ,
Điều 15).  Only counts are shipped, never text.

Usage (from the repository root, with the project's virtualenv)::

    python tools/build_lm.py                        # the shipped model, ~1-2 minutes
    python tools/build_lm.py SRC --out FILE --heldout FILE

The text is split exactly as the linter splits a document
(``notice_lint_rules.language._syllables``): letter runs are syllables, keyed by
``syllable_key`` (lower case, tone-mark style free); two syllables are one
phrase only when spaces alone separate them, so punctuation, digits and line
ends cut the text into runs, each counted with a boundary mark ``<s>`` on both
sides.  5 % of the source files (``sha1(path) % 100 < 5``) are left out and
written to ``--heldout`` (outside the repository) for ``bench/lm_eval.py``.

Output format (little-endian), read by ``rules/language/_lm.py``::

    header  b"NLLM" version:u32 vocab:u32 bigrams:u32 trigrams:u32 total:u64 scale:u32 candidates:u32
    vocab   u32 byte length + the keys, UTF-8, joined by "\\n", zero padded to 8
            (id 0 is "<s>", then by falling count, ties by key)
    unigram counts   u32 × vocab
    bigram keys      u64 × bigrams   (a << 21 | b), sorted
    trigram keys     u64 × trigrams  (a << 42 | b << 21 | c), sorted
    bigram counts    u8 × bigrams    round(scale × log2(count)), capped at 255
    trigram counts   u8 × trigrams
    (zero padded to 4)
    bigram starts    u32 × (vocab + 1)    index of the first bigram whose first word is >= a
    trigram starts   u32 × (bigrams + 1)  index of the first trigram whose first two words are
                                          >= bigram j (so the trigrams of bigram j lie in
                                          [start j, start j+1))
    judged           u8 × vocab      1 when the candidates below are those of the syllable
                                     the key stands for (``_candidates.of_key``), else 0
    (zero padded to 4)
    candidate starts u32 × (vocab + 1)   the candidates of word w lie in [start w, start w+1)
    candidates       u32 × candidates    (id << 4 | class), class an index into
                                         ``_candidates.CLASSES``, in the order NL209 weighs them

The two start tables (version 2) let a reader search the few n-grams that share a
prefix instead of the whole table.  The candidates (version 3) are what NL209
weighs against each syllable of the vocabulary (``_candidates.judged``): a
document's words need not be taken apart and put together again when NL209
first meets them (about 100 µs a word).  They depend on ``_candidates.py``:
when it changes, rebuild the model (a test compares the two).

Pruning: syllables seen fewer than ``--min-uni`` times are left out of the
vocabulary (and of every n-gram), bigrams seen fewer than ``--min-bi`` times,
trigrams fewer than ``--min-tri`` times.  The same source gives the same bytes.
"""

from __future__ import annotations

import argparse
import hashlib
import lzma
import math
import struct
import sys
from array import array
from collections import Counter
from pathlib import Path

from notice_lint_rules.language._candidates import CLASSES, judged, of_key
from notice_lint_rules.language._syllables import _SEP_JOINS, _SPLIT_RE, syllable_key

ROOT = Path(__file__).resolve().parents[1]

MAGIC = b"NLLM"
VERSION = 3
BITS = 21
SCALE = 12  # quantised count = round(SCALE * log2(count)): ±3 %, up to 2**21
HEADER = struct.Struct("<4sIIIIQII")
BOUNDARY = "<s>"


def held_out(path: str) -> bool:
    """The stable choice of the 5 % of source files kept out of the model."""
    return int(hashlib.sha1(path.encode("utf-8")).hexdigest()[:8], 16) % 100 < 5


def _open(src: Path):
    if src.suffix == ".xz":
        return lzma.open(src, "rt", encoding="utf-8")
    return open(src, encoding="utf-8")


def runs(line: str) -> list[list[str]]:
    """The syllable keys of one paragraph, cut where anything but spaces separates two words."""
    parts = _SPLIT_RE.split(line)
    out: list[list[str]] = []
    cur: list[str] = []
    for k in range(1, len(parts), 2):
        if cur and not _SEP_JOINS[parts[k - 1]]:
            out.append(cur)
            cur = []
        cur.append(syllable_key(parts[k]))
    if cur:
        out.append(cur)
    return out


def read(src: Path, heldout: Path | None) -> tuple[array, list[str]]:
    """The kept text as one array of provisional ids (0 = boundary) and the id -> key list."""
    ids: dict[str, int] = {BOUNDARY: 0}
    keys = [BOUNDARY]
    seq = array("i", [0])
    out = open(heldout, "w", encoding="utf-8") if heldout else None
    keep = True
    try:
        with _open(src) as fh:
            for line in fh:
                if line.startswith("# "):
                    keep = not held_out(line[2:].strip())
                    if out and not keep:
                        out.write(line)
                    continue
                if not keep:
                    if out:
                        out.write(line)
                    continue
                for run in runs(line.rstrip("\n")):
                    for key in run:
                        i = ids.get(key)
                        if i is None:
                            i = ids[key] = len(keys)
                            keys.append(key)
                        seq.append(i)
                    seq.append(0)
    finally:
        if out:
            out.close()
    return seq, keys


def quantise(count: int) -> int:
    return min(255, int(round(SCALE * math.log2(count))))


def build(src: Path, out: Path, heldout: Path | None, min_uni: int = 2, min_bi: int = 1, min_tri: int = 2) -> dict:
    seq, keys = read(src, heldout)
    uni = Counter(seq)
    total = len(seq) - uni[0]
    # final ids: boundary first, then by falling count, ties by key (deterministic)
    kept = sorted((k for k in range(1, len(keys)) if uni[k] >= min_uni), key=lambda k: (-uni[k], keys[k]))
    if len(kept) + 1 >= 1 << BITS:
        raise SystemExit("vocabulary too large")
    remap = array("i", [-1]) * len(keys)
    remap[0] = 0
    for new, old in enumerate(kept, 1):
        remap[old] = new
    vocab = [BOUNDARY] + [keys[k] for k in kept]
    counts = array("I", [uni[0]] + [uni[k] for k in kept])
    ids = array("i", (remap[i] for i in seq))
    del seq
    bi: Counter = Counter()
    tri: Counter = Counter()
    a = b = -1
    for c in ids:
        if c < 0:  # a pruned syllable breaks the context
            a = b = -1
            continue
        if b >= 0:
            bi[(b << BITS) | c] += 1
            if a >= 0:
                tri[(a << 2 * BITS) | (b << BITS) | c] += 1
        if c == 0:
            a, b = -1, 0
        else:
            a, b = b, c
    bi_keys = sorted(k for k, v in bi.items() if v >= min_bi)
    tri_keys = sorted(k for k, v in tri.items() if v >= min_tri)
    blob = "\n".join(vocab).encode("utf-8")
    flags, cand_starts, cands = candidate_table(vocab)
    with open(out, "wb") as fh:
        fh.write(HEADER.pack(MAGIC, VERSION, len(vocab), len(bi_keys), len(tri_keys), total, SCALE, len(cands)))
        fh.write(struct.pack("<I", len(blob)))
        fh.write(blob)
        fh.write(b"\0" * (-fh.tell() % 8))
        counts_bytes = counts.tobytes() if sys.byteorder == "little" else _swap(counts)
        fh.write(counts_bytes)
        fh.write(b"\0" * (-fh.tell() % 8))
        for keys_ in (bi_keys, tri_keys):
            arr = array("Q", keys_)
            fh.write(arr.tobytes() if sys.byteorder == "little" else _swap(arr))
        fh.write(bytes(quantise(bi[k]) for k in bi_keys))
        fh.write(bytes(quantise(tri[k]) for k in tri_keys))
        fh.write(b"\0" * (-fh.tell() % 4))
        for starts in (prefix_starts(bi_keys, len(vocab), BITS), prefix_starts(tri_keys, len(bi_keys), BITS, bi_keys)):
            fh.write(starts.tobytes() if sys.byteorder == "little" else _swap(starts))
        fh.write(flags)
        fh.write(b"\0" * (-fh.tell() % 4))
        for arr in (cand_starts, cands):
            fh.write(arr.tobytes() if sys.byteorder == "little" else _swap(arr))
    return {"candidates": len(cands), "tokens": total, "vocab": len(vocab), "bigrams": len(bi_keys), "trigrams": len(tri_keys),
            "bigrams_seen": len(bi), "trigrams_seen": len(tri), "bytes": out.stat().st_size}


def candidate_table(vocab: list[str]) -> tuple[bytes, array, array]:
    """``(judged flags, starts, candidates)`` of the format above, for each key of ``vocab``."""
    ids = dict(zip(vocab, range(len(vocab))))
    flags = bytearray(len(vocab))
    starts = array("I", [0])
    cands = array("I")
    for w, key in enumerate(vocab):
        word = of_key(key) if w else None
        if word is not None and syllable_key(word) == key:
            flags[w] = 1
            cands.extend((ids[k] << 4) | CLASSES.index(cls) for k, _, cls in judged(word, ids))
        starts.append(len(cands))
    return bytes(flags), starts, cands


def prefix_starts(keys: list[int], n: int, shift: int, prefixes: list[int] | None = None) -> array:
    """``n + 1`` indexes into sorted ``keys``: entry p is the first key whose prefix
    (``key >> shift``) is >= prefix p (``p`` itself, or ``prefixes[p]`` when given); the
    last is ``len(keys)``."""
    out = array("I", bytes(4 * (n + 1)))
    k = 0
    for p in range(n):
        prefix = prefixes[p] if prefixes is not None else p
        while k < len(keys) and keys[k] >> shift < prefix:
            k += 1
        out[p] = k
    out[n] = len(keys)
    return out


def _swap(arr: array) -> bytes:
    arr = array(arr.typecode, arr)
    arr.byteswap()
    return arr.tobytes()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("src", nargs="?", type=Path, default=ROOT.parent / "shared" / "corpus" / "lm" / "phapdien.txt.xz")
    ap.add_argument("--out", type=Path, default=ROOT / "rules" / "data" / "lm.bin")
    ap.add_argument("--heldout", type=Path, default=Path("/tmp/nl-lm-heldout.txt"),
                    help="where the held-out 5 %% of the files go (never inside the repository)")
    ap.add_argument("--min-uni", type=int, default=2)
    ap.add_argument("--min-bi", type=int, default=1)
    ap.add_argument("--min-tri", type=int, default=2)
    args = ap.parse_args(argv)
    if not args.src.is_file():
        print(f"build_lm: no source text at {args.src}", file=sys.stderr)
        return 2
    stats = build(args.src, args.out, args.heldout, args.min_uni, args.min_bi, args.min_tri)
    print(" ".join(f"{k}={v}" for k, v in stats.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
