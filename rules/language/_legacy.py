"""Text typed in a legacy Vietnamese encoding (TCVN3/ABC, VNI) and read as Unicode.

A legacy byte shows up as the Latin-1 character with the same code
(``Th«ng b¸o`` = ``Thông báo`` in TCVN3, ``Thoâng baùo`` in VNI).  Detection
(LANGUAGE.md §9): count the words holding a character that is no Vietnamese
letter, then compare the share of plausible Vietnamese syllables as the text
stands and after a trial conversion; a conversion that makes the text much more
Vietnamese names the encoding.  The TCVN3 table is written from TCVN 5712:1993;
the VNI one from the VNI-Windows layout (base letter + a mark character).
"""

from __future__ import annotations

import functools
import re
import unicodedata

from notice_lint_rules._memo import Clean

from ._lazy import LazyRe
from ._syllables import built_stream

__all__ = ["SIGNAL_RE", "LOOKALIKES", "odd_paragraphs", "signal_words", "detect", "gain", "to_unicode", "plausible"]

# Latin-1 characters that are no Vietnamese letter, plus the PDF/.doc stand-ins
_SIGNALS = "ÄÅÆÇËÎÏÐÑÖØÛÜÞßäåæçëîïðñöøûüþÿ¡¢£¤¥¦§¨©ª«¬®µ¶·¸¹»¼½¾×÷\u00ad\u2212\u2219"
SIGNAL_RE = re.compile(f"[{_SIGNALS}]")
#: letters drawn like Vietnamese ones (Ð ð, Greek, Cyrillic) and invisible characters (NL205)
LOOKALIKES = r"\u00d0\u00f0\u00ad\u200b\u200c\u200d\u2060\ufeff\u0370-\u03ff\u0400-\u04ff"
# either kind: clean Unicode Vietnamese holds none, so one scan tells NL205 and NL206 where to look
_ODD_RE = re.compile(f"[{_SIGNALS}{LOOKALIKES}]")


_CLEAN_WORDS = Clean()  # the words met by this process that hold no such character


def _odd_words(words: set[str]) -> bool:
    """Does a word of ``words`` hold a signal or a look-alike?  A set difference leaves the
    words not known clean, searched joined (the pattern is one character class)."""
    new = _CLEAN_WORDS.unknown(words)
    if not new:
        return False
    if _ODD_RE.search("".join(new)) is None:
        _CLEAN_WORDS.update(new)
        return False
    _CLEAN_WORDS.update(w for w in new if _ODD_RE.search(w) is None)
    return True


def odd_paragraphs(doc) -> set[int]:
    """``id()`` of the paragraphs holding a legacy-encoding signal or a look-alike (cached)."""
    odd = doc.meta.get("_odd_paragraphs")
    if odd is None:
        st = built_stream(doc)
        search = _ODD_RE.search
        if st is not None and not search(st.separator_text()) and not _odd_words(st.inventory()[0]):
            # every character of a non-blank paragraph is in one of the stream's distinct
            # words or separators, and a blank one holds none of these: no paragraph is odd
            # (the pattern is one character class: the pieces are searched joined)
            odd = doc.meta["_odd_paragraphs"] = set()
            return odd
        odd = doc.meta["_odd_paragraphs"] = {id(p) for p in doc.paragraphs if search(p.text)}
    return odd

_WORD_RE = LazyRe(r"\S+")
_LETTER = LazyRe(r"[^\W\d_]")

# TCVN3 (ABC): byte -> letter
_TCVN3 = dict(
    zip(
        "¡¢£¤¥¦§¨©ª«¬\u00ad®µ¶·¸¹»¼½¾ÆÇÈÉÊËÌÎÏÐÑÒÓÔÕÖ×ØÜÝÞßáâãäåæçèéêëìíîïñòóôõö÷øùúûüýþ",
        "ĂÂÊÔƠƯĐăâêôơưđàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ",
    )
)
_TCVN3.update({"\u2212": "ư", "\u2219": "ã"})

# VNI: single letters, and mark characters that follow a vowel
_VNI_LETTERS = {"ô": "ơ", "Ô": "Ơ", "ö": "ư", "Ö": "Ư", "ñ": "đ", "Ñ": "Đ", "ò": "ị", "Ò": "Ị", "æ": "ỉ", "Æ": "Ỉ", "ó": "ĩ", "Ó": "Ĩ"}
_G, _S, _H, _N, _D = "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"
_CIRC, _BREVE = "\u0302", "\u0306"
_VNI_MARKS = {
    "ù": _S, "ø": _G, "û": _H, "õ": _N, "ï": _D,
    "â": _CIRC, "ê": _BREVE,
    "á": _CIRC + _S, "à": _CIRC + _G, "å": _CIRC + _H, "ã": _CIRC + _N, "ä": _CIRC + _D,
    "é": _BREVE + _S, "è": _BREVE + _G, "ú": _BREVE + _H, "ü": _BREVE + _N, "ë": _BREVE + _D,
}
_VNI_MARKS.update({k.upper(): v for k, v in list(_VNI_MARKS.items())})
_VOWELS = set("aeiouyAEIOUYơưƠƯ")

_NUCLEI = (
    "oai oay oeo uây uôi uya uyê uyu ươi ươu iêu yêu "
    "ai ao au ay âu ây eo êu ia iê iu oa oă oe oi ôi ơi oo ua uâ uê ui uô uơ uy ưa ưi ươ ưu yê "
    "a ă â e ê i o ô ơ u ư y"
).split()
_SYLLABLE = LazyRe(
    r"(?:ngh|ng|gh|gi|kh|nh|ph|th|tr|ch|qu|[bcdđghklmnprstvx])?"
    f"(?:{'|'.join(_NUCLEI)})"
    r"(?:ch|ng|nh|[cmnpt])?",
)
_TONES = {"\u0300", "\u0301", "\u0309", "\u0303", "\u0323"}


@functools.lru_cache(maxsize=65536)
def plausible(token: str) -> bool:
    """A rough Vietnamese-syllable shape test (onset, 1-3 vowels, coda, at most one tone)."""
    nfd = unicodedata.normalize("NFD", token.lower())
    if sum(1 for c in nfd if c in _TONES) > 1:
        return False
    base = unicodedata.normalize("NFC", "".join(c for c in nfd if c not in _TONES))
    return _SYLLABLE.fullmatch(base) is not None


def _tcvn3(text: str) -> str:
    return "".join(_TCVN3.get(c, c) for c in text)


def _vni(text: str) -> str:
    out: list[str] = []
    for c in text:
        mark = _VNI_MARKS.get(c)
        if mark is not None and out and out[-1] in _VOWELS:
            if mark[0] == _BREVE and out[-1] not in "aA":
                out.append(c)  # a breve only sits on a
                continue
            out[-1] = unicodedata.normalize("NFC", out[-1] + mark)
            continue
        out.append(_VNI_LETTERS.get(c, c))
    return unicodedata.normalize("NFC", "".join(out))


_CONVERTERS = {"TCVN3": _tcvn3, "VNI": _vni}


def to_unicode(text: str, encoding: str) -> str:
    return _CONVERTERS[encoding](text)


def signal_words(text: str) -> int:
    """Words holding a non-Vietnamese Latin-1 character next to a letter."""
    n = 0
    for m in _WORD_RE.finditer(text):
        w = m.group()
        for s in SIGNAL_RE.finditer(w):
            i = s.start()
            if (i > 0 and _LETTER.match(w[i - 1])) or (i + 1 < len(w) and _LETTER.match(w[i + 1])):
                n += 1
                break
    return n


def _share(text: str) -> float:
    toks = _WORD_RE.findall(text)
    good = total = 0
    for t in toks:
        t = t.strip(".,;:!?()[]\"'«»-–…/")
        if not t or not _LETTER.search(t) or any(ch.isdigit() for ch in t):
            continue
        total += 1
        if plausible(t):
            good += 1
    return good / total if total else 0.0


def detect(text: str) -> str | None:
    """``"TCVN3"``, ``"VNI"`` or None for one paragraph."""
    n = signal_words(text)
    if n < 2:
        return None
    words = len(_WORD_RE.findall(text))
    if n < 3 and n * 2 < words:
        return None
    before = _share(text)
    best, gain = None, 0.0
    for name, conv in _CONVERTERS.items():
        g = _share(conv(text)) - before
        if g > gain:
            best, gain = name, g
    return best if gain >= 0.3 else None


def gain(text: str, encoding: str) -> float:
    """How much more Vietnamese ``text`` reads after a trial conversion (share of syllables)."""
    return _share(to_unicode(text, encoding)) - _share(text)
