"""Evaluate NL209 (context-typo) on the text kept out of its language model.

    python bench/lm_eval.py                        # 100,000 words, the rule's threshold
    python bench/lm_eval.py --words 200000 --out /tmp/nl-lm-eval
    python bench/lm_eval.py --sweep                # false alarms and recall by threshold

The held-out 5 % of ``../shared/corpus/lm/phapdien.txt.xz`` (the files
``tools/build_lm.py`` leaves out of the model) is sampled line by line, and a
second copy gets typos injected by the error model of issue 16, at its shares
(wrong tone 34 %, rhyme or final 24 %, vowel mark 14 %, initial 12 %, tone on
the wrong vowel 5 %, keyboard slip 3 %, split or merged 2 %, Telex/VNI leftover
2 %, no diacritics 2 %), about one typo per 60 words.  Both are linted in
process with NL201, NL202 and NL209 (the documents are written as ``.txt``
files under ``--out``, beside ``injected.tsv``, the list of every typo made:
file, line, column, typo, original, class).

Reported: NL209 false alarms per 10,000 words of the clean text (every one
listed in ``false-alarms.txt`` to be read), and on the injected text, per
class and overall, recall (the typo's place reported with the original word as
the suggestion; ``any`` also counts a report there with another suggestion and
NL201/NL202 reports) and NL209's precision.
"""

from __future__ import annotations

import argparse
import hashlib
import lzma
import random
import sys
import time
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

from build_lm import held_out  # noqa: E402

from notice_lint.runner import Linter, Options  # noqa: E402
from notice_lint_rules.language import NL209  # noqa: E402
from notice_lint_rules.language._candidates import candidates, compose, strip_marks  # noqa: E402
from notice_lint_rules.language._syllables import TOKEN_RE, split_tone  # noqa: E402
from notice_lint_rules.language._validator import check  # noqa: E402

SHARES = [("tone", 0.34), ("rhyme", 0.24), ("mark", 0.14), ("initial", 0.12), ("tone-position", 0.05),
          ("keyboard", 0.03), ("split", 0.02), ("telex", 0.01), ("vni", 0.01), ("bare", 0.02)]
_TELEX = {"â": "aa", "ă": "aw", "ê": "ee", "ô": "oo", "ơ": "ow", "ư": "uw", "đ": "dd"}
_TELEX_TONE = {1: "f", 2: "s", 3: "r", 4: "x", 5: "j"}
_VNI = {"â": ("a", "6"), "ê": ("e", "6"), "ô": ("o", "6"), "ơ": ("o", "7"), "ư": ("u", "7"), "ă": ("a", "8"),
        "đ": ("d", "9")}
_VNI_TONE = {1: "2", 2: "1", 3: "3", 4: "4", 5: "5"}
_TONES = {"\u0300": 1, "\u0301": 2, "\u0309": 3, "\u0303": 4, "\u0323": 5}
_VOWELS = set("aăâeêioôơuưy")


def default_source() -> Path:
    for parent in [ROOT, *ROOT.parents]:
        p = parent.parent / "shared" / "corpus" / "lm" / "phapdien.txt.xz"
        if p.is_file():
            return p
    return ROOT.parent / "shared" / "corpus" / "lm" / "phapdien.txt.xz"


def held_lines(src: Path) -> list[str]:
    out: list[str] = []
    keep = False
    with lzma.open(src, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("# "):
                keep = held_out(line[2:].strip())
                continue
            if keep and line.strip():
                out.append(line.rstrip("\n"))
    return out


def sample(lines: list[str], words: int) -> list[str]:
    """Lines spread over the held-out files (stable order by hash), up to ``words`` words."""
    order = sorted(range(len(lines)), key=lambda k: hashlib.sha1(str(k).encode()).digest())
    chosen: list[int] = []
    total = 0
    for k in order:
        n = len(TOKEN_RE.findall(lines[k]))
        if n < 4:
            continue
        chosen.append(k)
        total += n
        if total >= words:
            break
    return [lines[k] for k in sorted(chosen)]


def _tone_of(word: str) -> int:
    return next((_TONES[c] for c in unicodedata.normalize("NFD", word) if c in _TONES), 0)


def _telex(word: str) -> str:
    base, tone, _ = split_tone(word)
    return "".join(_TELEX.get(c, c) for c in base) + _TELEX_TONE.get(tone, "")


def _vni(word: str) -> str:
    base, tone, _ = split_tone(word)
    letters, digits = [], []
    for c in base:
        if c in _VNI:
            letters.append(_VNI[c][0])
            digits.append(_VNI[c][1])
        else:
            letters.append(c)
    return "".join(letters) + "".join(digits) + _VNI_TONE.get(tone, "")


def _tone_elsewhere(word: str) -> str | None:
    base, tone, pos = split_tone(word)
    if not tone:
        return None
    others = [k for k, c in enumerate(base) if c in _VOWELS and k != pos]
    if not others:
        return None
    k = others[0]
    mark = [c for c, t in _TONES.items() if t == tone][0]
    return unicodedata.normalize("NFC", base[: k + 1] + mark + base[k + 1 :])


def make_typo(word: str, cls: str, rng: random.Random, next_word: str | None) -> str | None:
    """A typo of class ``cls`` for the lower-case syllable ``word`` (None when the class has none)."""
    if cls in ("tone", "rhyme", "mark", "initial", "keyboard"):
        pool = [c for c, k in candidates(word) if k == cls]
        return rng.choice(pool) if pool else None
    if cls == "tone-position":
        return _tone_elsewhere(word)
    if cls == "split":
        return word + (next_word or "") if next_word else None  # two syllables run together
    if cls == "telex":
        t = _telex(word)
        return t if t != word else None
    if cls == "vni":
        t = _vni(word)
        return t if t != word else None
    if cls == "bare":
        t = strip_marks(word)
        return t if t != word else None
    return None


def inject(lines: list[str], rng: random.Random, every: int = 60):
    """The lines with typos, and the list ``(line, start, end, typo, original, class)``."""
    classes = [c for c, _ in SHARES]
    weights = [w for _, w in SHARES]
    out_lines, made = [], []
    for n, line in enumerate(lines):
        words = list(TOKEN_RE.finditer(line))
        # eligible: a lower-case valid syllable between spaces (not at a code, not a name)
        ok = [k for k, m in enumerate(words) if m.group().islower() and check(m.group()).ok and len(m.group()) > 1
              and (m.start() == 0 or line[m.start() - 1] == " ") and (m.end() == len(line) or line[m.end()] in " ,.;:")]
        n_typos = sum(1 for _ in words if rng.random() < 1 / every)
        picks = sorted(rng.sample(ok, min(n_typos, len(ok))))
        pieces, pos, shift = [], 0, 0
        used = -2
        for k in picks:
            if k <= used + 1:
                continue
            m = words[k]
            cls = rng.choices(classes, weights)[0]
            nxt = None
            if cls == "split":
                if k + 1 < len(words) and line[m.end() : words[k + 1].start()] == " " and k + 1 not in picks:
                    nxt = words[k + 1].group()
                else:
                    continue
            typo = make_typo(m.group(), cls, rng, nxt)
            if not typo:
                continue
            end = words[k + 1].end() if nxt else m.end()
            pieces.append(line[pos : m.start()])
            start = m.start() + shift
            pieces.append(typo)
            shift += len(typo) - (end - m.start())
            pos = end
            made.append((n, start, start + len(typo), typo, line[m.start() : end], cls))
            used = k + (1 if nxt else 0)
        pieces.append(line[pos:])
        out_lines.append("".join(pieces))
    return out_lines, made


def write_docs(lines: list[str], folder: Path, per_doc: int = 200) -> list[tuple[Path, int]]:
    """Documents of ``per_doc`` lines (a blank line between paragraphs): ``(path, first line)``;
    the documents of an earlier run in ``folder`` are removed first."""
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("doc*.txt"):
        old.unlink()
    out = []
    for k in range(0, len(lines), per_doc):
        p = folder / f"doc{k // per_doc:04d}.txt"
        p.write_text("\n\n".join(lines[k : k + per_doc]) + "\n", encoding="utf-8")
        out.append((p, k))
    return out


def lint(docs: list[tuple[Path, int]], per_doc: int = 200):
    """NL201/NL202/NL209 findings as ``{(sample line, start): (code, suggestion, message)}``."""
    linter = Linter(Options(select=["NL201", "NL202", "NL209"], profile="nd30"))
    found: dict[tuple[int, int], list[tuple[str, str, str]]] = defaultdict(list)
    for path, first in docs:
        res = linter.lint_file(str(path))
        if res.error is not None:
            raise SystemExit(f"{path}: {res.error}")
        for f in res.findings:
            line = first + (f.line - 1) // 2  # one sample line every other line of the file
            sugg = f.fix.edits[0].replacement if f.fix and f.fix.edits else ""
            found[(line, f.start)].append((f.code, sugg, f.message_en))
    return found


def words_in(lines: list[str]) -> int:
    return sum(len(TOKEN_RE.findall(x)) for x in lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--source", type=Path, default=default_source())
    ap.add_argument("--words", type=int, default=100_000)
    ap.add_argument("--out", type=Path, default=Path("/tmp/nl-lm-eval"))
    ap.add_argument("--seed", type=int, default=16)
    ap.add_argument("--threshold", type=float, default=None, help="instead of NL209.THRESHOLD")
    ap.add_argument("--sweep", action="store_true", help="also print false alarms and recall by threshold")
    args = ap.parse_args(argv)
    if not args.source.is_file():
        print(f"lm_eval: no source text at {args.source}", file=sys.stderr)
        return 2
    if args.threshold is not None:
        NL209.THRESHOLD = args.threshold
    lines = sample(held_lines(args.source), args.words)
    n_words = words_in(lines)
    bad_lines, made = inject(lines, random.Random(args.seed))
    args.out.mkdir(parents=True, exist_ok=True)
    with open(args.out / "injected.tsv", "w", encoding="utf-8") as fh:
        fh.write("line\tstart\tend\ttypo\toriginal\tclass\n")
        for row in made:
            fh.write("\t".join(map(str, row)) + "\n")
    t0 = time.process_time()
    clean = lint(write_docs(lines, args.out / "clean"))
    t1 = time.process_time()
    dirty = lint(write_docs(bad_lines, args.out / "injected"))
    # false alarms: every NL209 finding on the clean text
    alarms = [(k, v) for k, vs in sorted(clean.items()) for v in vs if v[0] == "NL209"]
    with open(args.out / "false-alarms.txt", "w", encoding="utf-8") as fh:
        for (line, start), (_, sugg, msg) in alarms:
            fh.write(f"{line}:{start}\t{msg}\t{lines[line][max(0, start - 40) : start + 40]}\n")
    # injected: per class
    per = Counter()
    hit = Counter()
    any_hit = Counter()
    typo_places = set()
    for line, start, end, typo, orig, cls in made:
        typo_places.add((line, start))
        per[cls] += 1
        got = dirty.get((line, start), [])
        if any(code == "NL209" and sugg.lower() == orig.lower() for code, sugg, _ in got):
            hit[cls] += 1
        if got:
            any_hit[cls] += 1
    nl209_all = sum(1 for vs in dirty.values() for v in vs if v[0] == "NL209")
    nl209_right = sum(1 for k, vs in dirty.items() for v in vs if v[0] == "NL209" and k in typo_places)
    total = sum(per.values())
    print(f"held-out sample: {len(lines)} lines, {n_words} words; {total} typos injected (list: {args.out}/injected.tsv)")
    print(f"threshold {NL209.THRESHOLD}; lint CPU time of the clean sample {t1 - t0:.1f} s")
    print(f"clean text: {len(alarms)} NL209 findings = {len(alarms) / n_words * 10000:.2f} per 10,000 words "
          f"(listed in {args.out}/false-alarms.txt)")
    print(f"injected text: NL209 findings {nl209_all}, at a typo {nl209_right}: precision {nl209_right / max(nl209_all, 1):.3f}")
    print("class          share  typos  NL209-right  recall  any-rule")
    for cls, share in SHARES:
        if per[cls]:
            print(f"{cls:14} {share:5.2f} {per[cls]:6} {hit[cls]:12} {hit[cls] / per[cls]:7.3f} {any_hit[cls] / per[cls]:9.3f}")
    print(f"{'all':14} {'':5} {total:6} {sum(hit.values()):12} {sum(hit.values()) / total:7.3f} "
          f"{sum(any_hit.values()) / total:9.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
