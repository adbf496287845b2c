"""A rule-based validator of Vietnamese syllables (onset, rhyme, tone).

``check(word)`` says whether a single lower-case-insensitive word is a
well-formed Vietnamese syllable and, when it is not, why: a misplaced tone
mark (with the correct form), a broken spelling rule (``nghành``: ``ngh`` is
written only before e/ê/i, with the correct form), a stop coda with a tone
other than sắc/nặng (``viêt``), or no parse at all.  ``split(word)`` finds
the syllables of words run together (``sảnxuất`` → ``sản xuất``).

The facts are those of LANGUAGE.md section 5 and 6; both tone-mark styles
(``hoà``/``hòa``) are accepted.  Results are cached per word.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

__all__ = ["Verdict", "check", "split", "split_is_certain", "has_vietnamese_mark", "TONES", "VN_CHARS", "UPPER", "LOWER", "is_caps"]

# combining tone marks (NFD): huyền, sắc, ngã, hỏi, nặng
TONES = {"\u0300": "huyền", "\u0301": "sắc", "\u0303": "ngã", "\u0309": "hỏi", "\u0323": "nặng"}
_STOP_TONES = {"\u0301", "\u0323"}
LETTERS = set("aăâbcdđeêghiklmnoôơpqrstuưvxy")
VOWELS = set("aăâeêioôơuưy")
QUALITY = set("ăâêôơư")
_VN_MARKS = set("ăâêôơưđ")  # letters that only Vietnamese writes

ONSETS = (
    "ngh", "ng", "gh", "gi", "kh", "nh", "ph", "th", "tr", "ch", "qu",
    "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x",
)

RHYMES = frozenset(
    """
    a ai ao au ay am an ang anh ac ach ap at
    ăm ăn ăng ăc ăp ăt
    âu ây âm ân âng âc âp ât
    e eo em en eng ec ep et
    ê êu êm ên ênh êch êp êt
    i ia iu im in inh ich ip it
    iêu iêm iên iêng iêc iêp iêt
    yêu yêm yên yêng yêt
    o oi om on ong oc op ot oong ooc
    ô ôi ôm ôn ông ôc ôp ôt
    ơ ơi ơm ơn ơp ơt
    u ui um un ung uc up ut ua
    uôi uôm uôn uông uôc uôt
    ư ưi ưu ưng ưc ưt ưa ưm ưn
    ươi ươu ươm ươn ương ươc ươp ươt
    y
    oa oai oay oan oang oanh oac oach oat oam oap oao
    oăn oăng oăc oăt oăm
    oe oeo oen oet oem
    uân uâng uât uây
    uê uênh uêch uơ
    uy uyu uya uyên uyêt uynh uych uyt
    """.split()
)

# what may follow the onset "qu" (its u is the medial)
QU_RHYMES = frozenset(
    """
    a ai ay ao am an ang anh ac ach ap at
    ăn ăng ăc ăt ăm
    ân âng ât ây
    e eo en et em
    ê ên ênh êch êt
    i
    y yu ya yên yêt ynh ych yt
    ơ ôc
    """.split()
)

_STOP_CODAS = ("ch", "c", "p", "t")
_CONS_CODAS = ("ch", "nh", "ng", "c", "m", "n", "p", "t")
_MEDIAL_RHYME_STARTS = ("oa", "oă", "oe", "uâ", "uê", "uy", "uơ")
_FRONT = ("e", "ê", "i", "y")


_QUALITY_BASES = {"\u0302": "aeo", "\u0306": "a", "\u031b": "ou"}


def _vn_chars() -> str:
    out = []
    for code in list(range(0xC0, 0x1B1)) + list(range(0x1EA0, 0x1EFA)):
        ch = chr(code)
        if not ch.isalpha():
            continue
        nfd = unicodedata.normalize("NFD", ch.lower())
        base, marks = nfd[0], nfd[1:]
        quality = [c for c in marks if c not in TONES]
        if base not in "aeiouy" or not marks or len(marks) - len(quality) > 1 or len(quality) > 1:
            continue
        if quality and base not in _QUALITY_BASES.get(quality[0], ""):
            continue
        out.append(ch)
    return "".join(out) + "đĐ"


#: the letters (NFC) that carry a Vietnamese mark: tones, ă â ê ô ơ ư đ
VN_CHARS = _vn_chars()
_VN_RE = re.compile(f"[{VN_CHARS}]")
#: upper- and lower-case letters of the Vietnamese alphabet, for regex character classes
UPPER = "A-Z" + "".join(c for c in VN_CHARS if c.isupper())
LOWER = "a-z" + "".join(c for c in VN_CHARS if c.islower())


def is_caps(text: str) -> bool:
    """True when ``text`` has letters and none of them is lower case (fast)."""
    return text.upper() == text and text.lower() != text


@dataclass(frozen=True, slots=True)
class Verdict:
    """What is wrong with a word; ``ok`` when nothing is."""

    ok: bool
    reason: str = ""  # "", "tone-position", "spelling", "stop-tone", "parse"
    fixed: str | None = None  # the certain correction (same case as the lower-case input)
    detail: str = ""  # for messages: the rule broken


OK = Verdict(True)


def has_vietnamese_mark(word: str) -> bool:
    """True when ``word`` (NFC) carries a tone mark or a letter only Vietnamese uses."""
    return _VN_RE.search(word) is not None


def _decomposition() -> dict[str, tuple[str, str | None]]:
    table: dict[str, tuple[str, str | None]] = {}
    for ch in VN_CHARS.lower() + "abcdeghiklmnopqrstuvxy":
        nfd = unicodedata.normalize("NFD", ch)
        tone = next((c for c in nfd if c in TONES), None)
        base = unicodedata.normalize("NFC", "".join(c for c in nfd if c not in TONES))
        table[ch] = (base, tone)
    return table


_DECOMP = _decomposition()


def _split_tone(word: str) -> tuple[str, list[tuple[str, int]]]:
    """Toneless NFC word and the tone marks found, each with the index of its letter."""
    parts = [_DECOMP.get(ch) for ch in word]
    if None not in parts:  # every letter is a (lower-case) Vietnamese letter: no Unicode work
        return "".join(p[0] for p in parts), [(p[1], i) for i, p in enumerate(parts) if p[1]]
    return _split_tone_slow(word)


def _split_tone_slow(word: str) -> tuple[str, list[tuple[str, int]]]:
    base: list[str] = []
    tones: list[tuple[str, int]] = []
    for ch in unicodedata.normalize("NFD", word):
        if ch in TONES:
            tones.append((ch, len(base) - 1))
        elif unicodedata.combining(ch):
            if not base:
                return "", [("?", -1)]
            base[-1] = unicodedata.normalize("NFC", base[-1] + ch)
        else:
            base.append(ch)
    return "".join(base), tones


def _parse(s: str) -> tuple[str, str, int, bool] | None:
    """Split a toneless syllable into (onset, rhyme, rhyme start, gi-onset-borrows-i)."""
    if s.startswith("gi") and len(s) > 2 and s[2] in VOWELS and s[2] != "ê":
        return "gi", s[2:], 2, False
    if s.startswith("gi") and (len(s) == 2 or s[2] not in VOWELS or s[2] == "ê"):
        # gì, gìn: the i is the nucleus; giết: the rhyme is iêt
        return "gi", s[1:], 1, True
    if s.startswith("qu"):
        return "qu", s[2:], 2, False
    for onset in ONSETS:
        if s.startswith(onset) and onset not in ("gi", "qu"):
            return onset, s[len(onset):], len(onset), False
    return "", s, 0, False


def _coda(rhyme: str) -> str:
    for c in _CONS_CODAS:
        if rhyme.endswith(c) and len(rhyme) > len(c):
            return c
    return ""


def _tone_positions(rhyme: str, start: int) -> set[int]:
    """Indexes (in the word) where the tone may sit, both styles allowed."""
    coda = _coda(rhyme)
    group = rhyme[: len(rhyme) - len(coda)] if coda else rhyme
    idx = [start + i for i in range(len(group))]
    marked = [i for i, ch in enumerate(group) if ch in QUALITY]
    if marked:
        return {idx[marked[-1]]}
    if len(group) == 1:
        return {idx[0]}
    if coda:
        return {idx[-1]}
    if len(group) == 3:
        return {idx[1]}
    if group in ("oa", "oe", "uy"):
        return {idx[0], idx[1]}
    return {idx[0]}


def _spelling(onset: str, rhyme: str, gi_borrow: bool) -> str:
    """The spelling rule broken by onset + rhyme, or ""."""
    if onset == "qu":
        return "" if rhyme in QU_RHYMES else "qu"
    if rhyme not in RHYMES:
        return "rhyme"
    front = rhyme.startswith(_FRONT)
    if onset in ("c", "g", "ng") and front and not gi_borrow:
        return {"c": "c-k", "g": "g-gh", "ng": "ng-ngh"}[onset]
    if onset == "k" and not front:
        return "k-c"
    if onset in ("gh", "ngh") and not rhyme.startswith(("e", "ê", "i")):
        return {"gh": "gh-g", "ngh": "ngh-ng"}[onset]
    if onset == "c" and rhyme.startswith(_MEDIAL_RHYME_STARTS):
        return "c-qu"
    if rhyme.startswith("yê") and onset and not gi_borrow:
        return "yê-iê"
    if rhyme.startswith("iê") and not onset:
        return "iê-yê"
    return ""


_SPELL_FIX = {"c-k": ("c", "k"), "g-gh": ("g", "gh"), "ng-ngh": ("ng", "ngh"), "k-c": ("k", "c"),
              "gh-g": ("gh", "g"), "ngh-ng": ("ngh", "ng")}
_SPELL_TEXT = {
    "c-k": "trước e, ê, i, y viết «k», không viết «c»",
    "g-gh": "trước e, ê, i viết «gh», không viết «g»",
    "ng-ngh": "trước e, ê, i viết «ngh», không viết «ng»",
    "k-c": "«k» chỉ đứng trước e, ê, i, y",
    "gh-g": "«gh» chỉ đứng trước e, ê, i",
    "ngh-ng": "«ngh» chỉ đứng trước e, ê, i",
    "c-qu": "âm đệm sau «c» viết «qu»",
    "yê-iê": "sau phụ âm đầu viết «iê», không viết «yê»",
    "iê-yê": "không có phụ âm đầu thì viết «yê»",
}


def _with_tone(base: str, tone: str | None, pos: int) -> str:
    if tone is None:
        return base
    return unicodedata.normalize("NFC", base[:pos] + base[pos] + tone + base[pos + 1:])


@functools.lru_cache(maxsize=65536)
def check(word: str) -> Verdict:
    """Judge one lower-case word (NFC) as a Vietnamese syllable."""
    return _check(word, True)


@functools.lru_cache(maxsize=16384)
def _base_info(base: str) -> tuple[str, str | None, str, frozenset[int]]:
    """What a toneless syllable allows: (broken rule or "", parse failure or None, coda, tone positions)."""
    if any(ch not in LETTERS for ch in base):
        return "", "letters", "", frozenset()
    onset, rhyme, rstart, gi_borrow = _parse(base)
    if not rhyme or (base.startswith("q") and onset != "qu"):
        return "", "onset", "", frozenset()
    rule = _spelling(onset, rhyme, gi_borrow)
    if rule in ("rhyme", "qu"):
        return "", "rhyme", "", frozenset()
    return rule, None, _coda(rhyme), frozenset(_tone_positions(rhyme, rstart))


def _check(word: str, suggest: bool) -> Verdict:
    base, tones = _split_tone(word)
    if not base or len(tones) > 1 or any(t == "?" for t, _ in tones):
        return Verdict(False, "parse", detail="tones")
    tone, tpos = tones[0] if tones else (None, -1)
    rule, failure, coda, allowed = _base_info(base)
    if failure is not None:
        return Verdict(False, "parse", detail=failure)
    if rule:
        fixed = None
        if rule in _SPELL_FIX and suggest:
            old, new = _SPELL_FIX[rule]
            candidate = new + word[len(old):]
            if _check(candidate, False).ok:
                fixed = candidate
        return Verdict(False, "spelling", fixed, _SPELL_TEXT[rule])
    if coda in _STOP_CODAS and tone not in _STOP_TONES:
        return Verdict(False, "stop-tone", detail=coda)
    if tone is not None and tpos not in allowed:
        right = min(allowed) if len(allowed) == 1 else max(allowed)
        return Verdict(False, "tone-position", _with_tone(base, tone, right))
    return OK


# one-letter words that may stand between two others in a run-together token
_ONE_LETTER = frozenset("ýởạ")


def _piece_ok(piece: str) -> bool:
    if len(piece) == 1 and piece not in _ONE_LETTER:
        return False
    return check(piece).ok


def _onset_len(piece: str) -> int:
    parsed = _parse(_split_tone(piece)[0])
    return len(parsed[0]) if parsed else 0


@functools.lru_cache(maxsize=1)
def _common() -> frozenset[str]:
    """Frequent syllables (tone-style-free keys), to rank the ways of splitting a run."""
    from importlib import resources

    res = resources.files(__package__.rpartition(".")[0]).joinpath("data", "common_syllables.txt")
    words: set[str] = set()
    if res.is_file():
        for line in res.read_text(encoding="utf-8").splitlines():
            if not line.startswith("#"):
                words.update(_tone_key(w) for w in line.split())
    return frozenset(words)


def _tone_key(syllable: str) -> str:
    base, tones = _split_tone(syllable.lower())
    return base + (tones[0][0] if tones else "")


def _rank(seg: tuple[str, ...]) -> tuple[int, list[int]]:
    common = _common()
    rare = sum(1 for p in seg if _tone_key(p) not in common)
    return rare, [-_onset_len(p) for p in seg[1:]]


def split_is_certain(segs: tuple[tuple[str, ...], ...]) -> bool:
    """True when one way of splitting is clearly the right one."""
    if len(segs) == 1:
        return True
    return bool(segs) and _rank(segs[0])[0] == 0 and _rank(segs[1])[0] > 0


@functools.lru_cache(maxsize=16384)
def split(word: str, max_parts: int = 4) -> tuple[tuple[str, ...], ...]:
    """Every shortest segmentation of ``word`` (lower case) into 2+ valid syllables, most likely first."""
    n = len(word)
    if n < 3 or n > 28:
        return ()
    # best[i] = (parts count, list of segmentations of word[:i])
    best: list[tuple[int, list[tuple[str, ...]]] | None] = [None] * (n + 1)
    best[0] = (0, [()])
    for i in range(1, n + 1):
        for j in range(max(0, i - 7), i):
            prev = best[j]
            if prev is None or prev[0] >= max_parts:
                continue
            piece = word[j:i]
            if not _piece_ok(piece):
                continue
            count = prev[0] + 1
            cur = best[i]
            segs = [p + (piece,) for p in prev[1]]
            if cur is None or count < cur[0]:
                best[i] = (count, segs)
            elif count == cur[0]:
                cur[1].extend(segs)
    final = best[n]
    if final is None or final[0] < 2:
        return ()
    # most likely first: frequent syllables, then the longest onsets (đề nghị, not đền ghị)
    ranked = sorted(final[1], key=_rank)
    return tuple(ranked[:4])
