"""The syllables a typist may have meant when writing a given one (NL209's error model).

:func:`candidates` gives, for a lower-case word, ``(syllable, class)`` pairs: each a
valid Vietnamese syllable (:func:`._validator.check`) one slip away.  The classes
and their shares in real Vietnamese typing (issue 16) are :data:`SHARES`; NL209
turns a share into the channel probability P(typo | candidate) with
:data:`LOG_PRIOR`, which also spreads it over the usual number of alternatives
of the class.

Classes: ``tone`` (another of the six tones), ``rhyme`` (final n/ng/nh, c/t/ch,
i/y and a few vowel pairs), ``mark`` (a/ă/â, e/ê, o/ô/ơ, u/ư, d/đ), ``initial``
(s/x, ch/tr, d/gi/r, l/n, v/d, c/k/q, g/gh, ng/ngh), ``keyboard`` (a letter
dropped, doubled, swapped or hit on an adjacent key), ``telex`` and ``vni``
(keyboard leftovers: ``cuar``, ``dduwowcj``, ``va2``), ``bare`` (no diacritics
at all; the words of that spelling come from the model's vocabulary).  A tone
on the wrong vowel gives the same syllable key (or an invalid syllable, NL202's
part); a split or merged syllable is NL202's too.
"""

from __future__ import annotations

import functools
import math
import unicodedata
from itertools import compress, repeat
from operator import add

from ._validator import TONES, _base_info, _split_tone, check

__all__ = ["candidates", "telex", "vni", "SHARES", "LOG_PRIOR", "strip_marks", "compose", "judged", "of_key", "CLASSES"]

SHARES = {
    "tone": 0.34, "rhyme": 0.24, "mark": 0.14, "initial": 0.12, "tone-position": 0.05,
    "keyboard": 0.03, "split": 0.02, "telex": 0.01, "vni": 0.01, "bare": 0.02,
}
# how many alternatives a class usually offers for one syllable (the share is spread over them)
_SPREAD = {"tone": 3, "rhyme": 2, "mark": 1.5, "initial": 1.5, "keyboard": 8, "telex": 1, "vni": 1, "bare": 4}
LOG_PRIOR = {k: math.log(SHARES[k] / n) for k, n in _SPREAD.items()}
#: the classes :func:`judged` gives, by the number ``rules/data/lm.bin`` stores for each
CLASSES = ("tone", "rhyme", "mark", "initial", "keyboard", "telex", "vni", "bare")

_TONE_CHARS = (None, "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
_STOP = ("c", "p", "t", "ch")
_MARKS = {"a": "ăâ", "ă": "aâ", "â": "aă", "e": "ê", "ê": "e", "o": "ôơ", "ô": "oơ", "ơ": "oô",
          "u": "ư", "ư": "u", "d": "đ", "đ": "d"}
_INITIALS = {
    "s": ("x",), "x": ("s",), "ch": ("tr",), "tr": ("ch",), "d": ("gi", "r", "v"), "gi": ("d", "r"),
    "r": ("d", "gi"), "l": ("n",), "n": ("l",), "v": ("d",), "c": ("k",), "k": ("c",),
    "g": ("gh",), "gh": ("g",), "ng": ("ngh",), "ngh": ("ng",),
}
_FINALS = {"n": ("ng", "nh"), "ng": ("n", "nh"), "nh": ("n", "ng"), "c": ("t", "ch"), "t": ("c", "ch"),
           "ch": ("c", "t"), "i": ("y",), "y": ("i",), "m": ("n",)}
_NUCLEI = {"ai": ("ay",), "ay": ("ai", "ây"), "ây": ("ay",), "ao": ("au",), "au": ("ao", "âu"), "âu": ("au",),
           "iu": ("iêu",), "iêu": ("iu",), "ui": ("uôi",), "uôi": ("ui",), "ưu": ("ươu",), "ươu": ("ưu",),
           "ôi": ("ơi",), "ơi": ("ôi",)}
_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_ADJACENT: dict[str, str] = {}
for _r, _row in enumerate(_ROWS):
    for _i, _ch in enumerate(_row):
        near = [_row[j] for j in (_i - 1, _i + 1) if 0 <= j < len(_row)]
        for _other in (_r - 1, _r + 1):
            if 0 <= _other < 3:
                near += [_ROWS[_other][j] for j in (_i - 1, _i, _i + 1) if 0 <= j < len(_ROWS[_other])]
        _ADJACENT[_ch] = "".join(near)
_LETTERS = "abcdeghiklmnopqrstuvxyđăâêôơư"
#: when set (to the toneless forms of a model's vocabulary), :func:`candidates` composes only
#: those: a candidate the model does not know is of no use (NL209 itself filters with
#: :func:`candidate_keys`, and leaves this unset)
BASES: frozenset[str] | None = None


def compose(base: str, tone: int) -> str | None:
    """The valid syllable of toneless ``base`` and tone 0-5, or None."""
    rule, failure, coda, allowed = _base_info(base)
    if failure is not None or rule or not allowed:
        return None
    if coda in _STOP and tone not in (2, 5):
        return None
    if tone == 0:
        return base
    pos = min(allowed) if len(allowed) == 1 else max(allowed)
    return unicodedata.normalize("NFC", base[:pos] + base[pos] + _TONE_CHARS[tone] + base[pos + 1:])


def _parts(word: str) -> tuple[str, int] | None:
    base, tones = _split_tone(word)
    if not base or len(tones) > 1:
        return None
    tone = _TONE_CHARS.index(tones[0][0]) if tones else 0
    return base, tone


def _onset(base: str) -> str:
    if base.startswith("gi") and len(base) > 2:
        return "gi"
    for o in ("ngh", "ng", "gh", "kh", "nh", "ph", "th", "tr", "ch", "qu", "gi"):
        if base.startswith(o):
            return o
    return base[0] if base and base[0] not in "aăâeêioôơuưy" else ""


@functools.lru_cache(maxsize=32768)
def candidates(word: str) -> tuple[tuple[str, str], ...]:
    """``(candidate, class)`` for a lower-case valid syllable ``word``, each candidate once
    (its likeliest class), the word itself never."""
    parts = _parts(word)
    if parts is None:
        return ()
    out: dict[str, str] = {}
    bases = BASES
    for cls, t, group in _slips(*parts):
        for b in group if bases is None else filter(bases.__contains__, group):
            c = compose(b, t)
            if c is not None and c != word and c not in out:
                out[c] = cls
    return tuple(out.items())


def candidate_keys(word: str, known) -> list[tuple[str, str, str]]:
    """``(syllable key, candidate, class)`` of :func:`candidates` ``(word)`` whose key is in
    ``known`` (a model's vocabulary), in the same order: the same list, only the
    candidates outside ``known`` are never composed.  (A composed candidate's key is its
    toneless base followed by the tone digit: the group is filtered at C speed.)"""
    parts = _parts(word)
    if parts is None:
        return []
    out: dict[str, str] = {}
    keys = []
    has = known.__contains__
    for cls, t, group in _slips(*parts):
        digit = _TONE_DIGITS[t]
        for b in compress(group, map(has, map(add, group, repeat(digit)))) if digit else filter(has, group):
            c = compose(b, t)
            if c is not None and c != word and c not in out:
                out[c] = cls
                keys.append((b + digit, c, cls))
    return keys


def judged(word: str, known) -> list[tuple[str, str, str]]:
    """What NL209 weighs against lower-case ``word``: :func:`candidate_keys`, or nothing
    for a word that is no syllable (NL202 has the certain fix; a foreign word is not
    judged).  ``tools/build_lm.py`` stores it in the model for each syllable of its
    vocabulary (as :func:`of_key` writes it), so NL209 need not compute it."""
    verdict = check(word)
    if not verdict.ok and (verdict.fixed is not None or word.isascii()):
        return []
    return candidate_keys(word, known)


def of_key(key: str) -> str | None:
    """The syllable a key stands for, as :func:`compose` writes it (``hoa2`` → ``hoá``), or
    None when the key is no syllable: the text of a candidate :func:`candidate_keys` gives
    with that key."""
    tone = _TONE_DIGITS.index(key[-1]) if key[-1:] in "12345" and len(key) > 1 else 0
    return compose(key[:-1] if tone else key, tone)


_TONE_DIGITS = ("", "1", "2", "3", "4", "5")
_KEYS = "abcdeghiklmnoprstuvxy"


def _slips(base: str, tone: int) -> list[tuple[str, int, list[str]]]:
    """``(class, tone, toneless bases)`` of every slip from ``base`` with ``tone``, in the
    order :func:`candidates` weighs them (some invalid, some repeated)."""
    out = [("tone", t, [base]) for t in range(6) if t != tone]
    onset = _onset(base)
    rest = base[len(onset):]
    for f, others in _FINALS.items():
        if rest.endswith(f) and len(rest) > len(f):
            for o in others:
                b = base[: len(base) - len(f)] + o
                out.append(("rhyme", tone, [b]))
                if o in ("c", "t", "ch") or f in ("c", "t", "ch"):
                    out += [("rhyme", 2, [b]), ("rhyme", 5, [b])]  # a stop final takes sắc or nặng only
    for n, others in _NUCLEI.items():
        if rest == n:
            out.append(("rhyme", tone, [onset + o for o in others]))
    out.append(("mark", tone, [base[:i] + o + base[i + 1:] for i, ch in enumerate(base) for o in _MARKS.get(ch, "")]))
    out.append(("initial", tone, [o + rest for o in _INITIALS.get(onset, ())]))
    # keyboard slips: the typed word has a letter dropped, doubled, swapped or replaced by a neighbour
    n = len(base)
    keys = []
    for i in range(n):
        head, tail = base[:i], base[i + 1:]
        keys.append(head + tail)  # the typist doubled / added a letter
        if i + 1 < n:
            keys.append(head + base[i + 1] + base[i] + base[i + 2:])
        keys += [f"{head}{o}{tail}" for o in _ADJACENT.get(base[i], "")]
    for i in range(n + 1):
        head, tail = base[:i], base[i:]
        keys += [f"{head}{o}{tail}" for o in _KEYS]  # the typist dropped a letter (f-strings: one copy)
    out.append(("keyboard", tone, keys))
    return out


_TELEX_VOWEL = {"aa": "â", "aw": "ă", "ee": "ê", "oo": "ô", "ow": "ơ", "uw": "ư", "dd": "đ", "w": "ư"}
_TELEX_TONE = {"f": 1, "s": 2, "r": 3, "x": 4, "j": 5}


@functools.lru_cache(maxsize=8192)
def telex(word: str) -> str | None:
    """The syllable a Telex keyboard would have made of ``word`` (lower case, no marks),
    when its keys were typed with the input method off: ``cuar`` → ``của``."""
    if not word.isascii() or len(word) < 2:
        return None
    tone = 0
    first_vowel = next((k for k, ch in enumerate(word) if ch in "aeiouy"), -1)
    if first_vowel < 0:
        return None
    kept = []
    for k, ch in enumerate(word):
        if k > first_vowel and ch in _TELEX_TONE:
            if tone:
                return None
            tone = _TELEX_TONE[ch]
        else:
            kept.append(ch)
    rest = "".join(kept)
    out = []
    i = 0
    marks = 0
    while i < len(rest):
        two = rest[i : i + 2]
        if two in ("uo",) and rest[i + 2 : i + 3] == "w":  # uow -> ươ
            out.append("ươ")
            i += 3
            marks += 1
            continue
        if two in _TELEX_VOWEL:
            out.append(_TELEX_VOWEL[two])
            i += 2
            marks += 1
            continue
        if rest[i] == "w":
            if out and out[-1] in ("u", "o", "a"):
                out[-1] = {"u": "ư", "o": "ơ", "a": "ă"}[out[-1]]
                marks += 1
                i += 1
                continue
            return None
        out.append(rest[i])
        i += 1
    if not tone and not marks:
        return None
    base = "".join(out)
    if "uơ" in base and not base.startswith("qu"):
        base = base.replace("uơ", "ươ")
    result = compose(base, tone)
    return result if result and check(result).ok else None


_VNI_MARK = {"6": {"a": "â", "e": "ê", "o": "ô"}, "7": {"o": "ơ", "u": "ư"}, "8": {"a": "ă"}, "9": {"d": "đ"}}


@functools.lru_cache(maxsize=8192)
def vni(word: str, digits: str) -> str | None:
    """The syllable a VNI keyboard would have made of letters ``word`` followed by ``digits``
    (``va`` + ``2`` → ``và``)."""
    if not digits or not word.isascii() or len(digits) > 3:
        return None
    base = word
    tone = 0
    for d in digits:
        if d in "12345":
            if tone:
                return None
            tone = int(d)
            tone = {1: 2, 2: 1, 3: 3, 4: 4, 5: 5}[tone]  # VNI 1 sắc, 2 huyền, 3 hỏi, 4 ngã, 5 nặng
        elif d in _VNI_MARK:
            table = _VNI_MARK[d]
            hits = [i for i, ch in enumerate(base) if ch in table]
            if not hits:
                return None
            if d == "7" and "uo" in base:
                k = base.index("uo")
                base = base[:k] + "ươ" + base[k + 2:]
            else:
                k = hits[-1] if d != "9" else hits[0]
                base = base[:k] + table[base[k]] + base[k + 1:]
        else:
            return None
    result = compose(base, tone)
    return result if result and check(result).ok else None


def strip_marks(word: str) -> str:
    """``word`` without any Vietnamese mark (tones, ă â ê ô ơ ư, đ → d)."""
    nfd = unicodedata.normalize("NFD", word.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in nfd if not unicodedata.combining(ch))
