"""Build the word statistics NL202 and NL203 ship, from the legal-text corpus.

Usage::

    .venv/bin/python tools/build_loanwords.py [CORPUS] [--out DIR]   # default ../shared/corpus/lm/phapdien.txt.xz, rules/data

Source: ``phapdien.txt.xz`` of the shared corpus (the Vietnamese legal codification
and ~30 decrees and circulars of 2025-2026, from ``diepxuan/diepxuan.github.io``,
folder ``van-ban/``, commit ``fbaa690e1c9ff35deabbf5e9a8b8830ce3d54048``; repository
under the MIT License, the texts themselves legal normative documents outside copyright,
Luật Sở hữu trí tuệ, Điều 15).  Only counts are written, never the text.

It writes two files under ``rules/data/`` (rerunning gives the same bytes):

``loanwords.txt``
    Established loanwords and transliterated names written as one word (``ôtô``,
    ``kilôgam``, ``Lênin``, ``amiăng``): a word with a Vietnamese mark that is no
    Vietnamese syllable, met at least ``MIN_COUNT`` times (lower or capitalised, not
    only in ALL CAPS) in at least ``MIN_FILES`` source files, and none of

    * a mixed-case token (``tạiĐiều``: words run together across a capital);
    * a syllable with a misplaced mark, a stop coda with the wrong tone or a broken
      spelling rule (``câp``, ``xuât``: their verdict is not "parse");
    * a word whose letters, marks stripped, are those of a frequent syllable
      (``thué`` for ``thuế``), a piece of one (``hiệ``, ``ờng``: cut by a PDF export)
      or one letter away from one (``hgày``, ``nếi``);
    * a token with two tone marks, a letter Vietnamese does not use in a legacy
      encoding (``ðiều``), or no vowel (``sđ``);
    * words run together: a split into common syllables (each met ``COMMON`` times)
      whose spaced form is at least as frequent as the joined form (``theomẫu``,
      ``tranhbị``).

``syllable_pairs.txt``
    The frequency of each frequent syllable and of each frequent pair of syllables
    that follow each other with one space (counts rounded to two significant
    figures), keyed by ``syllable_key`` (tone-mark style free: ``hoà`` = ``hòa``).
    NL203 uses them to tell a word whose last syllable is repeated (``kèm theo theo
    danh sách``, ``phân công công chức``) from a slip (``kiểm tra tra hồ sơ``), and
    NL202 to tell a transliteration (rare syllables) from common words run together.
    The doubled pairs the corpus shows in context (``trưởng ban Ban quản lý``) are
    listed too.
"""

from __future__ import annotations

import collections
import lzma
import re
import sys
import unicodedata
from pathlib import Path

from notice_lint_rules.language._syllables import syllable_key
from notice_lint_rules.language._validator import VN_CHARS, check, has_vietnamese_mark, split

ROOT = Path(__file__).resolve().parent.parent

DEFAULT = ROOT.parent / "shared" / "corpus" / "lm" / "phapdien.txt.xz"
OUT = ROOT / "rules" / "data"

MIN_COUNT = 5
MIN_FILES = 2
COMMON = 2000  # a syllable met this often is a common word of its own
FREQUENT = 200  # a syllable met this often is "frequent"
PAIR_MIN = 100  # pairs of syllables kept in syllable_pairs.txt
SYLLABLE_MIN = 100  # syllables kept in syllable_pairs.txt
DOUBLED_MIN = 2  # a doubled syllable seen this often after (before) a word is listed

SOURCE = (
    "Source: phapdien.txt.xz of the shared corpus (../shared/corpus/lm/): the Vietnamese legal\n"
    "codification and ~30 decrees and circulars of 2025-2026 from the repository\n"
    "diepxuan/diepxuan.github.io, folder van-ban/, commit fbaa690e1c9ff35deabbf5e9a8b8830ce3d54048.\n"
    "Licence: the repository is under the MIT License; the texts are legal normative documents,\n"
    "outside copyright protection (Luat So huu tri tue, Dieu 15). Only counts are shipped.\n"
)
_SPLIT = re.compile(r"([^\W\d_]+)").split
_LETTERS = set("abcdefghijklmnopqrstuvwxyz" + VN_CHARS.lower())
_VOWELS = re.compile("[aeiouy" + "".join(c for c in VN_CHARS.lower() if c != "đ") + "]")


def _round2(n: int) -> int:
    """``n`` rounded to two significant figures (the counts are facts, not exact science)."""
    if n < 100:
        return n
    digits = len(str(n)) - 2
    return int(round(n, -digits))


def _bare(word: str) -> str:
    """Letters without any mark (đ → d): ``thué`` and ``thuế`` share it."""
    nfd = unicodedata.normalize("NFD", word.lower().replace("đ", "d"))
    return "".join(c for c in nfd if not unicodedata.combining(c))


def read(path: Path):
    """Yield (file number, line) for every text line (the ``# path`` lines start a file)."""
    fid = 0
    with lzma.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            if line.startswith("# "):
                fid += 1
                continue
            yield fid, unicodedata.normalize("NFC", line)


def count(path: Path):
    keys: dict[str, str] = {}
    uni: collections.Counter[str] = collections.Counter()
    pairs: collections.Counter[tuple[str, str]] = collections.Counter()
    left: collections.Counter[tuple[str, str]] = collections.Counter()  # (a, s) of "a s s"
    right: collections.Counter[tuple[str, str]] = collections.Counter()  # (s, b) of "s s b"
    odd: collections.Counter[str] = collections.Counter()  # non-syllable words (lower/capitalised forms)
    odd_files: dict[str, set[int]] = collections.defaultdict(set)
    for fid, line in read(path):
        parts = _SPLIT(line)
        words = parts[1::2]
        seps = parts[2:-1:2]
        ks = []
        for w in words:
            k = keys.get(w)
            if k is None:
                k = keys[w] = syllable_key(w)
            ks.append(k)
        uni.update(ks)
        n = len(ks)
        for i in range(n - 1):
            if seps[i] != " ":
                continue
            a, b = ks[i], ks[i + 1]
            pairs[(a, b)] += 1
            if a == b:
                if i >= 1 and seps[i - 1] == " ":
                    left[(ks[i - 1], a)] += 1
                if i + 2 < n and seps[i + 1] == " ":
                    right[(a, ks[i + 2])] += 1
        for w in words:
            if len(w) < 2 or w.isupper() or any(c.isupper() for c in w[1:]):
                continue
            if not has_vietnamese_mark(w):
                continue
            low = w.lower()
            if check(low).ok:
                continue
            odd[low] += 1
            odd_files[low].add(fid)
    return uni, pairs, left, right, odd, odd_files


_CONSONANTS = "bcdghklmnpqrstvxfjwz"


def _near(bare: str, known: set[str]) -> bool:
    """One consonant away from a known bare syllable: ``hgày`` (ngày), ``tmật`` (thật)."""
    for i in range(len(bare)):
        if bare[i] not in _CONSONANTS:
            continue
        for c in _CONSONANTS:
            if c != bare[i] and bare[:i] + c + bare[i + 1 :] in known:
                return True
    return False


def _vowel_slip(bare: str, c: int, bare_count: dict[str, int]) -> bool:
    """A short word one vowel away from a syllable a thousand times as frequent (``nếi``: nếu)."""
    if len(bare) > 4:
        return False
    for i in range(len(bare)):
        if bare[i] not in "aeiouy":
            continue
        for v in "aeiouy":
            if v != bare[i] and bare_count.get(bare[:i] + v + bare[i + 1 :], 0) >= 1000 * c:
                return True
    return False


def loanwords(uni, pairs, odd, odd_files) -> list[str]:
    frequent = {k for k, c in uni.items() if c >= FREQUENT}
    # the bare letters of the frequent syllables (a toneless key fails only on its stop coda)
    known = set()
    for k in frequent:
        base = k.rstrip("012345")
        verdict = check(base)
        if verdict.ok or verdict.reason == "stop-tone":
            known.add(_bare(base))
    bare_count: dict[str, int] = collections.Counter()
    for k, n in uni.items():
        bare_count[_bare(k.rstrip("012345"))] += n
    pieces = set()
    for b in known:
        for i in range(len(b)):
            for j in range(i + 1, len(b) + 1):
                pieces.add(b[i:j])
    out = []
    for word, c in odd.items():
        if c < MIN_COUNT or len(odd_files[word]) < MIN_FILES:
            continue
        verdict = check(word)
        if verdict.reason != "parse" or verdict.detail == "tones":
            continue  # a misplaced or doubled mark, a broken spelling rule: a misspelling
        if not all(ch in _LETTERS for ch in word) or not _VOWELS.search(word):
            continue  # a legacy-encoding letter (ð), a consonant-only abbreviation (sđ)
        bare = _bare(word)
        if bare in pieces or _near(bare, known) or _vowel_slip(bare, c, bare_count):
            continue  # a frequent syllable, a piece of one, or one letter away from one
        segs = split(word)
        if segs:
            ks = [syllable_key(s) for s in segs[0]]
            spaced = min(pairs.get((x, y), 0) for x, y in zip(ks, ks[1:]))
            if all(uni.get(k, 0) >= COMMON for k in ks) and spaced >= c:
                continue  # common words run together (theomẫu, tranhbị)
        out.append(word)
    return sorted(out)


def write(uni, pairs, left, right, words, out: Path = OUT) -> None:
    head = "\n".join("# " + line for line in SOURCE.splitlines())
    lw = out / "loanwords.txt"
    lw.write_text(
        "# Loanwords and transliterated names written as one word, which NL202 accepts.\n"
        "# Built by tools/build_loanwords.py (do not edit by hand; rerun it).\n"
        f"{head}\n" + "\n".join(words) + "\n",
        encoding="utf-8",
    )
    syl = sorted(k for k, c in uni.items() if c >= SYLLABLE_MIN)
    keep = set(syl)
    by_first: dict[str, list[tuple[str, int]]] = collections.defaultdict(list)
    for (a, b), c in pairs.items():
        if c >= PAIR_MIN and a in keep and b in keep:
            by_first[a].append((b, c))
    lines = [
        "# Syllable and syllable-pair counts (rounded to 2 significant figures) for NL202/NL203.",
        "# Built by tools/build_loanwords.py (do not edit by hand; rerun it).",
        head,
        "# Format: 'syllable count follower:count ...' (syllable_key forms: tone digit at the end);",
        "# '= a s' marks a doubled syllable seen after a ('a s s'), '=> s b' one seen before b ('s s b').",
    ]
    for a in syl:
        follow = " ".join(f"{b}:{_round2(c)}" for b, c in sorted(by_first.get(a, ())))
        lines.append(f"{a} {_round2(uni[a])}" + (f" {follow}" if follow else ""))
    for (a, s), c in sorted(left.items()):
        if c >= DOUBLED_MIN and a in keep and s in keep:
            lines.append(f"= {a} {s}")
    for (s, b), c in sorted(right.items()):
        if c >= DOUBLED_MIN and s in keep and b in keep:
            lines.append(f"=> {s} {b}")
    (out / "syllable_pairs.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str]) -> int:
    out = OUT
    if "--out" in argv:
        k = argv.index("--out")
        out = Path(argv[k + 1])
        argv = argv[:k] + argv[k + 2 :]
    path = Path(argv[0]) if argv else DEFAULT
    if not path.is_file():
        print(f"{path}: not found", file=sys.stderr)
        return 2
    uni, pairs, left, right, odd, odd_files = count(path)
    words = loanwords(uni, pairs, odd, odd_files)
    out.mkdir(parents=True, exist_ok=True)
    write(uni, pairs, left, right, words, out)
    print(f"{len(words)} loanwords, {sum(1 for c in uni.values() if c >= SYLLABLE_MIN)} syllables")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
