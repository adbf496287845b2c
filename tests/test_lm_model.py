"""The language model NL209 reads: its build is deterministic, its file is read lazily."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from notice_lint_rules.language import _lm

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

import build_lm  # noqa: E402

# our own sentences, in the shape of the source: a "# path" line opens each file
_TEXT = """# chu-de/mot.md
Các cơ quan thực hiện kế hoạch năm, báo cáo kết quả thực hiện.
Ủy ban nhân dân tỉnh chỉ đạo các sở thực hiện kế hoạch.
# chu-de/hai.md
Các sở báo cáo kết quả thực hiện kế hoạch cho Ủy ban nhân dân tỉnh.
Cơ quan thực hiện kế hoạch; báo cáo kết quả.
"""


def _source(tmp_path: Path, files: int = 40) -> Path:
    src = tmp_path / "src.txt"
    body = "".join(_TEXT.replace("chu-de/", f"chu-de-{k}/") for k in range(files))
    src.write_text(body, encoding="utf-8")
    return src


def test_build_is_deterministic_and_readable(tmp_path: Path) -> None:
    src = _source(tmp_path)
    a, b = tmp_path / "a.bin", tmp_path / "b.bin"
    stats = build_lm.build(src, a, tmp_path / "held-a.txt")
    build_lm.build(src, b, tmp_path / "held-b.txt")
    assert a.read_bytes() == b.read_bytes()
    assert (tmp_path / "held-a.txt").read_bytes() == (tmp_path / "held-b.txt").read_bytes()
    m = _lm.load(a)
    assert m.vocab[0] == _lm.BOUNDARY and len(m.vocab) == stats["vocab"]
    key = build_lm.syllable_key
    thuc, hien, ke = (m.id(key(w)) for w in ("thực", "hiện", "kế"))
    assert min(thuc, hien, ke) > 0
    assert m.log2count(thuc, hien) is not None
    assert m.log3count(thuc, hien, ke) is not None
    assert m.log2count(hien, thuc) is None  # never in this order
    # the seen phrase scores above the same words reversed
    assert m.logp(0, thuc, hien) > m.logp(0, hien, thuc)
    # a word cut by punctuation does not join the next one: "năm," then "báo"
    nam, bao = m.id(key("năm")), m.id(key("báo"))
    assert m.log2count(nam, bao) is None


def test_held_out_files_are_left_out(tmp_path: Path) -> None:
    src = _source(tmp_path, files=200)
    held = tmp_path / "held.txt"
    stats = build_lm.build(src, tmp_path / "m.bin", held)
    paths = [line[2:].strip() for line in held.read_text(encoding="utf-8").splitlines() if line.startswith("# ")]
    assert paths and all(build_lm.held_out(p) for p in paths)
    assert 2 <= len(paths) <= 30  # about 5 % of 400 files


def test_shipped_model_reads() -> None:
    m = _lm.load(_lm.DATA)
    assert len(m.vocab) > 5000 and m.total > 10_000_000
    key = build_lm.syllable_key
    assert m.logp(-1, m.id(key("thực")), m.id(key("hiện"))) > m.logp(-1, m.id(key("thục")), m.id(key("hiện")))
    assert _lm.DATA.stat().st_size <= 20_000_000


@pytest.mark.slow
def test_full_rebuild_matches_shipped(tmp_path: Path, shared: Path) -> None:
    src = shared / "corpus" / "lm" / "phapdien.txt.xz"
    out = tmp_path / "lm.bin"
    build_lm.build(src, out, tmp_path / "held.txt")
    assert out.read_bytes() == _lm.DATA.read_bytes()


def test_prefix_starts_and_batched_scores_agree_with_the_tables() -> None:
    """The start tables (format 2) bound every prefix's n-grams, and ``logps`` (the
    first term of every candidate at once) gives exactly ``logp``'s values."""
    import random

    m = _lm.load(_lm.DATA)
    bits, mask = _lm.BITS, (1 << _lm.BITS) - 1
    rnd = random.Random(16)
    n_vocab, n_bi = len(m.vocab), len(m.bi)
    assert m.bi_start[n_vocab] == n_bi and m.tri_start[n_bi] == len(m.tri)
    for a in rnd.sample(range(n_vocab), 200):
        lo, hi = m.bi_start[a], m.bi_start[a + 1]
        assert all(m.bi[i] >> bits == a for i in range(lo, hi))
        assert lo == 0 or m.bi[lo - 1] >> bits < a
    for j in rnd.sample(range(n_bi), 2000):
        lo, hi = m.tri_start[j], m.tri_start[j + 1]
        assert all(m.tri[i] >> bits == m.bi[j] for i in range(lo, hi))
        assert lo == 0 or m.tri[lo - 1] >> bits < m.bi[j]
    seen = {"tri": 0, "bi": 0, "uni": 0}
    for k in rnd.sample(range(len(m.tri)), 300):  # contexts with trigrams, bigrams and neither
        key = m.tri[k]
        a, b = key >> 2 * bits, (key >> bits) & mask
        xs = [key & mask] + [m.bi[i] & mask for i in range(m.bi_start[b], min(m.bi_start[b + 1], m.bi_start[b] + 3))]
        xs += [rnd.randrange(1, n_vocab) for _ in range(3)]
        for ctx in ((a, b), (-1, b), (0, b)):
            got = m.logps(*ctx, xs)
            assert got == [m._logp(*ctx, x) for x in xs]
            for x in xs:
                l3, l2 = m.log3count(*ctx, x), m.log2count(ctx[1], x)
                seen["tri" if l3 is not None and m.log2count(*ctx) is not None else "bi" if l2 is not None else "uni"] += 1
    assert min(seen.values()) > 0, seen


def _held(m, w: int) -> list[tuple[str, str]]:
    from notice_lint_rules.language._candidates import CLASSES

    held = m.candidates(w)
    return None if held is None else [(m.vocab[v >> 4], CLASSES[v & 15]) for v in held]


def test_candidates_held_in_the_model_are_those_nl209_would_compute() -> None:
    """Format 3 holds, for each syllable of the vocabulary, what ``_candidates.judged``
    gives (rebuild the model when ``_candidates.py`` changes); none for the other keys."""
    from notice_lint_rules.language._candidates import judged, of_key

    m = _lm.load(_lm.DATA)
    held = 0
    for w, key in enumerate(m.vocab):
        word = of_key(key) if w else None
        if word is None or build_lm.syllable_key(word) != key:
            assert m.candidates(w) is None, key
            continue
        assert _held(m, w) == [(k, cls) for k, _, cls in judged(word, m.ids)], key
        held += 1
    assert held > 3000 and len(m.cands) > 20_000


def test_slice_model_holds_candidates(tmp_path: Path) -> None:
    from notice_lint_rules.language._candidates import judged

    m = _lm.load(build_lm.build(_source(tmp_path), tmp_path / "m.bin", None) and tmp_path / "m.bin")
    from notice_lint_rules.language._candidates import of_key

    kept = {m.vocab[w]: _held(m, w) for w in range(1, len(m.vocab))}
    assert kept[build_lm.syllable_key("kết")] == [(k, cls) for k, _, cls in judged("kết", m.ids)]
    assert ("kê2", "keyboard") in kept["kêt2"]  # "kế" typed with a t too many
    assert all(v == [(k, cls) for k, _, cls in judged(of_key(key), m.ids)] for key, v in kept.items() if v is not None)
    assert m.candidates(0) is None and m.candidates(-1) is None


def test_nl209_reads_the_candidates_it_would_compute() -> None:
    """NL209's candidates of a word are the same read from the model or computed, and a
    word written another way (tone on another vowel) is computed."""
    from notice_lint_rules.language import NL209
    from notice_lint_rules.language._candidates import LOG_PRIOR, judged, of_key

    m = _lm.load(_lm.DATA)
    read = 0
    for low in ("thực", "hiện", "hoạch", "quả", "hoá", "hóa", "thuỷ", "thủy", "cuar", "email", "của"):
        got = NL209._candidate_ids(m, low)
        computed = [(m.ids[k], LOG_PRIOR.get(cls, -9.0), cand) for k, cand, cls in judged(low, m.ids)]
        assert [(x, p, t if t is not None else of_key(m.vocab[x])) for x, p, t in got] == computed, low
        read += bool(got) and got[0][2] is None
        if low in ("hoá", "hóa", "thuỷ", "thủy"):  # one of each pair is written as the model writes it
            assert (got[0][2] is None) == (of_key(m.vocab[m.id(build_lm.syllable_key(low))]) == low), low
    assert read >= 6
