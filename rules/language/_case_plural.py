"""A common noun after a plural word takes a small letter (Phụ lục II of NĐ 30: only
names are capitalised): ``các Sở, Ban, Ngành`` → ``các sở, ban, ngành``, ``Các Cán bộ,
Công chức`` → ``Các cán bộ, công chức``, ``các Phòng chuyên môn``.

``các``, ``những``, ``mọi`` make what follows a class, not one body; ``từng``, ``mỗi``
each member of one (``Mỗi Cán bộ``, ``từng Đơn vị``).  Judged only
where the legal text's statistics call the word a common one (it is seldom
capitalised inside a sentence: ``cán bộ``, ``đơn vị``, ``đề tài``), so neither an
organ's type word (``các Bộ, ngành``, ``các Sở``: the legal text's own usage) nor a
title (``các Phó Chủ tịch``); and not where a name goes on (``các Trung tâm Y tế``,
``các Phụ lục I, II``, ``các Quyết định số …``).  A list goes on after a comma or ``và``
(``các Sở, Ban, Ngành và Địa phương``).  The finding is a suggestion: a document may
give a class a name of its own (NL207 drops a term it keeps writing so).
"""

from __future__ import annotations

import re
from typing import Iterator

from ._case_data import capital_verdict, named_term
from ._case_text import Line, is_title
from ._case_words import NAME_PAIRS, NAME_WORDS
from ._syllables import key_of

__all__ = ["plural_defects", "PLURAL_WORDS"]

#: the words that make the next noun a class; a line holding none is not looked at
PLURAL_WORDS = frozenset({"các", "những", "mọi", "từng", "mỗi", "Các", "Những", "Mọi", "Từng", "Mỗi"})
# titles and words of respect keep their capital (``các Phó Chủ tịch``, ``các Ủy viên``)
_KEEP = frozenset({
    "Phó", "Ủy", "Uỷ", "Bí", "Giám", "Chủ", "Trưởng", "Thứ", "Chánh", "Tổng", "Bác", "Người", "Đảng",
    "Quý",
})
# after "Đảng" these make a common noun (HD 36, HD 05: ``các đảng bộ``, ``đảng viên``), not the Party
_PARTY_UNITS = frozenset({"bộ", "viên", "ủy", "uỷ"})
# what starts a name after the noun: a number, a roman numeral, "số" (a capital: below)
_NUMBER_AFTER = re.compile(r"[ \u00a0]+(?:\d|số\b|[IVXLC]+\b)")
_NEXT_WORD = re.compile(r"[ \u00a0]+(\w)")
_AND = frozenset({"và", "hoặc"})
# words that never end a noun of two syllables ("Ngành và UBND": the noun is "Ngành")
_FUNCTION = frozenset({
    "và", "hoặc", "của", "để", "được", "theo", "tại", "về", "với", "cho", "đã", "sẽ", "đang", "trong", "khi",
    "thì", "là", "có", "không", "do", "từ", "đến", "mà", "phải", "cần", "cùng", "trên", "dưới",
})


def plural_defects(toks: Line, text: str, covered, defined: set[str]) -> Iterator[tuple[int, int, str, str, str]]:
    """``(start, end, small letter, vi, en)`` for each capitalised common noun after a plural
    word, and the nouns listed after it; ``covered``: the words of listed names."""
    words = toks.words
    seps = toks.seps
    n = len(toks)
    done = 0  # the words up to here were looked at as a list's nouns
    for p in toks.find(PLURAL_WORDS):
        i = p + 1
        if i < done or i >= n or seps[i] != " ":
            continue
        plural: str | None = words[p]
        while True:
            last = _noun_at(toks, text, i, covered, defined)
            if last is None:
                break
            t = toks[i]
            end = toks[last].end
            noun = text[t.start:end]
            low = noun[0].lower() + noun[1:]
            shown = f"{plural} {noun}" if plural else noun
            good = f"{plural} {low}" if plural else low
            yield (t.start, t.end, low[0],
                   f"Danh từ chung viết thường: «{shown}» → «{good}» (Phụ lục II, NĐ 30)",
                   f"A common noun takes a small letter: «{shown}» → «{good}»")
            # a list goes on after a comma or "và": "các Cán bộ, Công chức và Viên chức"
            j = last + 1
            if j < n and seps[j] == ", ":
                i = j
            elif j + 1 < n and words[j] in _AND and seps[j] == " " and seps[j + 1] == " ":
                i = j + 1
            else:
                break
            plural = None
            done = i + 1


def _noun_at(toks: Line, text: str, i: int, covered, defined: set[str]) -> int | None:
    """The index of the last word of the common noun written with a capital at word ``i``
    (``Cán bộ``: one word or two), or None when the word is no such noun."""
    words = toks.words
    seps = toks.seps
    n = len(words)
    w = words[i]
    party = w == "Đảng" and i + 1 < n and seps[i + 1] == " " and words[i + 1] in _PARTY_UNITS
    if not is_title(w) or (len(w) > 1 and w.isupper()) or (w in _KEEP and not party) or w in defined \
            or i in covered:
        return None
    if party:
        return i + 1  # "các Đảng bộ cơ sở", "những Đảng viên": the Party's units and members
    # the noun: the word and, joined by one space, a next word in small letters
    last = i
    nw = None
    if i + 1 < n and seps[i + 1] == " ":
        nxt = words[i + 1]
        if nxt.islower() and nxt not in _FUNCTION:
            nw = nxt
            last = i + 1
        elif is_title(nxt):
            return None  # a name goes on: "các Sở Tài chính"
    third = words[i + 2] if nw and i + 2 < n and seps[i + 2] == " " and words[i + 2].islower() else None
    if w in NAME_WORDS or (w, nw) in NAME_PAIRS \
            or capital_verdict(key_of(w), key_of(nw) if nw else None) is not True \
            or (third and named_term(f"{key_of(w)} {key_of(nw)} {key_of(third)}")):
        # an organ's type word ("các Bộ, ngành", "các Sở": the legal text's own usage), a
        # company's or a project's name, a word the legal text often capitalises, a term
        # it writes as a name ("các Trụ sở tiếp công dân")
        return None
    end = toks[last].end
    m = _NEXT_WORD.match(text, end)
    if _NUMBER_AFTER.match(text, end) or (m is not None and m.group(1).isupper()):
        return None  # "các Phụ lục I", "các Quyết định số …", "các Trung tâm Y tế"
    if toks[i].quoted:
        return None
    return last
