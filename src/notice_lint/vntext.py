"""Small helpers on Vietnamese text shared by the anatomy and the rules."""

from __future__ import annotations

import functools
import re
import unicodedata

__all__ = ["fold", "key", "is_upper_text", "WORD_RE"]

WORD_RE = re.compile(r"[^\W\d_]+", re.UNICODE)


@functools.lru_cache(maxsize=65536)
def fold(s: str) -> str:
    """Strip diacritics (``đ`` → ``d``) and lower-case: ``Thông Báo`` → ``thong bao``."""
    s = s.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", s)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


def key(s: str) -> str:
    """``fold`` without spaces or punctuation: a key for fuzzy part detection."""
    return re.sub(r"[^a-z0-9]", "", fold(s))


_VN_LOWER = "đàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
#: A lower-case letter (ASCII or precomposed Vietnamese): alphabetic and not upper case.
_LOWER_LETTER_RE = re.compile("[a-z" + _VN_LOWER + "]")
#: Only characters that are alphabetic exactly when cased (ASCII, Latin-1 signs, Vietnamese letters,
#: combining accents but U+0345, general punctuation): there ``str.isupper`` answers ``is_upper_text``.
_PLAIN_RE = re.compile("[\x00-\u00bf\u0300-\u0344\u0346-\u036f\u2000-\u206f" + _VN_LOWER + _VN_LOWER.upper() + "]*")


def is_upper_text(s: str) -> bool:
    """True when every letter of ``s`` is upper case and there is at least one."""
    if _LOWER_LETTER_RE.search(s):
        return False  # the common case (a sentence), found by one C-level search
    if _PLAIN_RE.fullmatch(s):
        return s.isupper()  # no lower-case or title-case character, and at least one upper-case one
    found = False
    for c in s:
        if c.isalpha():
            if not c.isupper():
                return False
            found = True
    return found
