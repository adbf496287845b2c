"""The data NL207 reads, loaded on first use: ``data/case.json``.

Built by ``tools/build_case.py`` from the legal text of the language-model corpus
and the names NĐ 30 / HD 36 / HD 05 print (see the script for the source and
licence).  Two parts:

- the names of organs and bodies, titles and fixed phrases in their official
  case, indexed by the key of their first syllable;
- how often a word is written with a capital inside a sentence (``lower``: the
  syllables almost never capitalised there; ``lower2`` / ``upper2``: the
  two-syllable exceptions; ``upper3``: three-syllable terms the text writes
  as names, ``Trụ sở tiếp công dân``).
"""

from __future__ import annotations

import json
import re
import unicodedata
from typing import NamedTuple

from notice_lint_rules._data import DATA_DIR

from ._syllables import key_of

__all__ = ["Name", "names_by_first", "fields_by_first", "field_always_named", "names_by_pair", "first_words", "capital_verdict", "named_term", "UNIQUE"]

_WORD = re.compile(r"[^\W\d_]+")
_TONES = "\u0300\u0301\u0309\u0303\u0323"
_VOWELS = "aeiouyAEIOUY"

#: bodies that exist once (or once per place): written lower case they are still wrong
UNIQUE = frozenset({
    "Ban Bí thư", "Bộ Chính trị", "Ban Chấp hành Trung ương", "Ban Chấp hành Trung ương Đảng",
    "Quốc hội", "Thủ tướng Chính phủ", "Ủy ban Thường vụ Quốc hội", "Văn phòng Trung ương Đảng",
    "Đảng Cộng sản Việt Nam", "Mặt trận Tổ quốc Việt Nam", "Ủy ban Mặt trận Tổ quốc Việt Nam",
    "Ban Thường vụ Tỉnh ủy", "Ban Thường vụ Thành ủy", "Ban Thường vụ Huyện ủy", "Ban Thường vụ Quận ủy",
    "Ban Thường vụ Thị ủy", "Ban Thường vụ Đảng ủy", "Thường trực Hội đồng nhân dân",
    "Thường trực Tỉnh ủy", "Thường trực Huyện ủy", "Thường trực Thành ủy", "Thường trực Đảng ủy",
    "Hội đồng nhân dân", "Ủy ban nhân dân",
})


#: a field written all in small letters after a type word at most this often (and in at most
#: this share of its uses) is a name there, never a verb (:func:`field_always_named`)
FIELD_LOW_MOST = 2
FIELD_LOW_SHARE = 0.05


class Name(NamedTuple):
    form: str  # the official form
    words: tuple[str, ...]  # its words
    keys: tuple[str, ...]  # their keys
    level: int  # 0 mined from the text, 1 listed (certain), 2 listed and unique


_loaded: dict[str, object] = {}


def _load() -> dict[str, object]:
    if not _loaded:
        try:
            blob = json.loads((DATA_DIR / "case.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            blob = {}
        index: dict[str, list[Name]] = {}
        for form, _count, certain in blob.get("names", ()):
            words = tuple(_WORD.findall(form))
            if len(words) < 1:
                continue
            level = 2 if form in UNIQUE else (1 if certain else 0)
            name = Name(form, words, tuple(map(key_of, words)), level)
            index.setdefault(name.keys[0], []).append(name)
        for names in index.values():
            names.sort(key=lambda n: (-len(n.words), -n.level))
        _loaded["names"] = index
        firsts: set[str] = set()
        pairs: dict[tuple[str, str], list[tuple[Name, tuple[frozenset[str], ...]]]] = {}
        for names in index.values():
            for name in names:
                styles = tuple(frozenset(_tone_styles(w.lower())) for w in name.words)
                firsts |= styles[0]
                for a in styles[0]:
                    for b in styles[1]:
                        pairs.setdefault((a, b), []).append((name, styles))
        for cands in pairs.values():
            cands.sort(key=lambda c: (-len(c[0].words), -c[0].level))
        _loaded["firsts"] = frozenset(firsts)
        _loaded["firsts_any"] = frozenset([*firsts, *(w[0].upper() + w[1:] for w in firsts)])
        _loaded["pairs"] = pairs
        fields: dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]] = {}
        named: set[tuple[str, ...]] = set()
        for row in blob.get("fields", ()):
            words = tuple(_WORD.findall(row[0]))
            if len(words) >= 2:
                keys = tuple(map(key_of, words))
                fields.setdefault(keys[0], []).append((keys, words))
                if len(row) > 2 and row[2] <= FIELD_LOW_MOST and row[2] <= FIELD_LOW_SHARE * row[1]:
                    named.add(keys)
        _loaded["fields_named"] = frozenset(named)
        for cands in fields.values():
            cands.sort(key=lambda c: -len(c[0]))
        _loaded["fields"] = fields
        field_firsts: set[str] = set()
        for cands in fields.values():
            for _keys, words in cands:
                for w in _tone_styles(words[0].lower()):
                    field_firsts.update((w, w[0].upper() + w[1:]))
        _loaded["field_firsts"] = frozenset(field_firsts)
        _loaded["lower"] = frozenset(blob.get("lower", ()))
        _loaded["lower2"] = frozenset(blob.get("lower2", ()))
        _loaded["upper2"] = frozenset(blob.get("upper2", ()))
        _loaded["upper3"] = frozenset(blob.get("upper3", ()))
    return _loaded


def first_words() -> frozenset[str]:
    """The first words of the listed names in small letters, in both tone styles
    (``ủy`` and ``uỷ``): a cheap test before a word's key is looked up."""
    return _load()["firsts"]  # type: ignore[return-value]


def first_words_any_case() -> frozenset[str]:
    """:func:`first_words` in small letters or with a capital."""
    return _load()["firsts_any"]  # type: ignore[return-value]


def _tone_styles(word: str) -> set[str]:
    """``word`` with its tone mark on each of its vowels that gives the same key."""
    decomposed = unicodedata.normalize("NFD", word)
    marks = [c for c in decomposed if c in _TONES]
    if not marks:
        return {word}
    bare = decomposed.replace(marks[0], "")
    out = {word}
    for pos, ch in enumerate(bare):
        if ch in _VOWELS:
            end = pos + 1
            while end < len(bare) and unicodedata.combining(bare[end]):
                end += 1
            cand = unicodedata.normalize("NFC", bare[:end] + marks[0] + bare[end:])
            if key_of(cand) == key_of(word):
                out.add(cand)
    return out


def names_by_pair() -> dict:
    """``(first word, second word)`` in small letters (either tone style) -> the listed
    names that start so, longest first, each with the tone styles of its words."""
    return _load()["pairs"]  # type: ignore[return-value]


def field_always_named(keys: tuple[str, ...]) -> bool:
    """Is the field (its keys) next to never written all in small letters after a type
    word with its capital in the legal text (``Cục thú y``: 2 of 50 uses)?  Then those words
    there are the field's name in small letters, not a verb and its object (``Bộ tiếp công
    dân``: 6 of 86, ``Sở xây dựng kế hoạch``: 21 of 668)."""
    return keys in _load()["fields_named"]  # type: ignore[operator]


def fields_by_first() -> dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]]:
    """The fields of organs' names (``Giáo dục và Đào tạo``) by the key of their first
    word, longest first: ``(keys, official words)``."""
    return _load()["fields"]  # type: ignore[return-value]


def field_first_words() -> frozenset[str]:
    """The first words of the fields, in small letters or with a capital, in both tone
    styles: a line holding none of them holds no field."""
    return _load()["field_firsts"]  # type: ignore[return-value]


def names_by_first() -> dict[str, list[Name]]:
    """Listed names by the key of their first word, longest first."""
    return _load()["names"]  # type: ignore[return-value]


def capital_verdict(key: str, next_key: str | None, pair_only: bool = False) -> bool | None:
    """True: the word (key) is almost never capitalised inside a sentence (before
    ``next_key``); False: the pair is often capitalised (part of a name); None: no
    evidence."""
    data = _load()
    if next_key is not None:
        pair = key + " " + next_key
        if pair in data["upper2"]:  # type: ignore[operator]
            return False
        if pair in data["lower2"]:  # type: ignore[operator]
            return True
        if pair_only:
            return None
    if key in data["lower"]:  # type: ignore[operator]
        return True
    return None


def named_term(keys: str) -> bool:
    """Are the three syllables (keys joined by spaces) a term the legal text writes
    as a name inside a sentence (``upper3``: ``trụ sở tiếp`` in ``Trụ sở tiếp công
    dân``) though its first word is a common word?"""
    return keys in _load()["upper3"]  # type: ignore[operator]
