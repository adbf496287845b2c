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


def is_upper_text(s: str) -> bool:
    """True when every letter of ``s`` is upper case and there is at least one."""
    letters = [c for c in s if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)
