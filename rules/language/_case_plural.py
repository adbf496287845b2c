"""A common noun after a plural word takes a small letter (Phụ lục II of NĐ 30: only
names are capitalised): ``các Sở, Ban, Ngành`` → ``các sở, ban, ngành``, ``Các Cán bộ,
Công chức`` → ``Các cán bộ, công chức``, ``các Phòng chuyên môn``.

``các``, ``những``, ``mọi`` make what follows a class, not one body.  Judged only
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
PLURAL_WORDS = frozenset({"các", "những", "mọi", "Các", "Những", "Mọi"})
# titles and words of respect keep their capital (``các Phó Chủ tịch``, ``các Ủy viên``)
_KEEP = frozenset({
    "Phó", "Ủy", "Uỷ", "Bí", "Giám", "Chủ", "Trưởng", "Thứ", "Chánh", "Tổng", "Bác", "Người", "Đảng",
    "Quý",
})
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
    listing = False  # the previous word was reported: a list of nouns goes on
    i = 1
    while i < n:
        w = words[i]
        after_and = listing and words[i - 1] in _AND and seps[i] == " "
        if listing and w in _AND and seps[i] == " " and i + 1 < n and seps[i + 1] == " ":
            i += 1  # "… Ban, Ngành và Địa phương": the list goes on after "và"
            after_and = True
            continue
        opens = words[i - 1] in PLURAL_WORDS and seps[i] == " "
        if not (opens or (listing and (seps[i] == ", " or after_and))):
            listing = False
            i += 1
            continue
        listing = False
        if not is_title(w) or (len(w) > 1 and w.isupper()) or w in _KEEP or w in defined or i in covered:
            i += 1
            continue
        t = toks[i]
        if t.quoted:
            i += 1
            continue
        # the noun: the word and, joined by one space, a next word in small letters
        last = i
        nw = None
        if i + 1 < n and seps[i + 1] == " " and words[i + 1].islower() and words[i + 1] not in _FUNCTION:
            nw = words[i + 1]
            last = i + 1
        elif i + 1 < n and seps[i + 1] == " " and is_title(words[i + 1]):
            i += 1
            continue  # a name goes on: "các Sở Tài chính"
        third = words[i + 2] if nw and i + 2 < n and seps[i + 2] == " " and words[i + 2].islower() else None
        if w in NAME_WORDS or (w, nw) in NAME_PAIRS \
                or capital_verdict(key_of(w), key_of(nw) if nw else None) is not True \
                or (third and named_term(f"{key_of(w)} {key_of(nw)} {key_of(third)}")):
            # an organ's type word ("các Bộ, ngành", "các Sở": the legal text's own usage), a
            # company's or a project's name, a word the legal text often capitalises, a term
            # it writes as a name ("các Trụ sở tiếp công dân")
            i = last + 1
            continue
        end = toks[last].end
        m = _NEXT_WORD.match(text, end)
        if _NUMBER_AFTER.match(text, end) or (m is not None and m.group(1).isupper()):
            i = last + 1
            continue  # "các Phụ lục I", "các Quyết định số …", "các Trung tâm Y tế"
        noun = text[t.start:end]
        low = noun[0].lower() + noun[1:]
        plural = words[i - 1] if opens else None
        shown = f"{plural} {noun}" if plural else noun
        good = f"{plural} {low}" if plural else low
        yield (t.start, t.end, low[0],
               f"Danh từ chung viết thường: «{shown}» → «{good}» (Phụ lục II, NĐ 30)",
               f"A common noun takes a small letter: «{shown}» → «{good}»")
        listing = True
        i = last + 1
