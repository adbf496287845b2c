"""Names of organs and bodies, titles and fixed phrases in their official case
(Phụ lục II, IV-VI): ``Ban Bí thư``, ``Ban Thường vụ Huyện ủy``, ``Sở Giáo dục và
Đào tạo``, ``Thường trực Hội đồng nhân dân``; ``Nhà nước`` and ``Nhân dân`` used as
nouns; a title before a person's name (``Chủ tịch Nguyễn Văn A``); the middle
syllables of a personal name (``Nguyễn Văn A``).

The names come from ``data/case.json`` (:mod:`._case_data`).  A listed name is
certain: any mix of cases other than its own is reported with a safe fix.  A name
mined from the legal text is judged only where the document writes with a small
letter a word the name capitalises, and not when the document writes it its own
way consistently (twice or more, never the official way).  A name written wholly
in small letters is a common noun (``thành lập ban chỉ đạo``) except for the
bodies that exist once (``ban bí thư``).
"""

from __future__ import annotations

import re
from itertools import compress
from typing import Iterator

from notice_lint_rules._memo import Verdicts

from ._case_data import Name, capital_verdict, field_always_named, field_first_words, fields_by_first, first_words_any_case, names_by_pair
from ._case_party import COMMITTEE_WORDS, generic_committee
from ._case_text import CAPITAL, Line, Tok, is_title
from ._syllables import key_of

__all__ = ["name_defects", "field_defects", "noun_defects", "second_cap_defects", "SECOND_CAP_FIRST", "person_defects", "NOUN_FIRST", "SURNAMES", "TYPE_FIRST"]

# a determiner before a name written in small letters makes it a common noun
_PLURAL = {"các", "những", "mỗi", "từng", "một", "hai", "ba", "nhiều", "phi", "cấp"}
_SIMPLE_SEP = {" ", "\u00a0", ", ", " - ", " – "}


def name_defects(toks: Line, state: dict) -> Iterator[tuple[int, int, tuple, str, str, str, bool]]:
    """``(start, end, edits, vi, en, official, safe)`` for each listed name written in
    another case; ``edits`` are ``(start, end, replacement)``."""
    firsts = first_words_any_case()
    if not toks.holds_any(firsts):
        return
    names = _NAMES
    words = toks.words
    seps = toks.seps
    n = len(toks)
    hits = toks.find(firsts)
    if hits[-1] == n - 1:
        del hits[-1]  # a line's last word starts no name
    # the words that start a listed name with the next word, at C speed (most start none)
    starts = map(_STARTS.__getitem__, zip(map(words.__getitem__, hits), map(words.__getitem__, map(_NEXT, hits))))
    after = 0  # the first word not inside a name already matched
    for i in compress(hits, list(starts)):
        if i < after or seps[i + 1] not in _SIMPLE_SEP:
            continue
        third = words[i + 2] if i + 2 < n and seps[i + 2] in _SIMPLE_SEP else None
        cands = names[(words[i], words[i + 1], third)]
        if not cands:
            continue
        hit = None
        for name, styles in cands:
            k = len(styles)
            if i + k > n:
                continue
            for j in range(3, k):  # the first three words are known to match (_names_from)
                if words[i + j].lower() not in styles[j] or seps[i + j] not in _SIMPLE_SEP:
                    break
            else:
                hit = name
                break
        if hit is None:
            continue
        k = len(hit.words)
        state.setdefault("covered", set()).update(range(i, i + k))
        after = i + k
        if toks.words[i:i + k] == list(hit.words):
            state.setdefault("official", set()).add(hit.keys)
            continue  # written the official way (the common case)
        # a festival's name after "tết" is a name whatever its case ("Tết nguyên đán", NĐ 30 PL II, VI)
        t = toks[i]
        festival = i > 0 and seps[i] == " " and words[i - 1].lower() == "tết"
        if hit.level < 2 and not festival and not any(map(CAPITAL.__getitem__, words[i:i + k])) \
                and any(w[0].isupper() for w in hit.words) and not _one_law(hit, toks[i:i + k], toks):
            continue  # a name with a capital written all in small letters: a common noun (_judge)
        if t.quoted:
            continue
        found_words = toks[i:i + k]
        if any(w.text.isupper() and len(w.text) > 1 for w in found_words):
            continue  # a name in capitals (a heading, a signature title)
        if t.text[0].islower() and t.index and is_title(toks[t.index - 1].text) \
                and t.before == " " and not festival:
            continue  # inside a longer name: "Chi cục Quản lý …", "Tổng cục …"
        if k >= 3 and words[i + k - 1] in COMMITTEE_WORDS and words[i + k - 2].islower() \
                and generic_committee(toks, i + k - 2, i):
            continue  # a class of committees: "Ban Thường vụ tỉnh ủy, thành ủy trực thuộc …"
        found = _judge(hit._replace(level=2) if festival else hit, found_words, toks, state)
        if found is not None:
            state.setdefault("reported", set()).update(range(i, i + k))
            yield found


def _names_from(words: tuple[str, str, str | None]) -> tuple:
    """The listed names (as :func:`names_by_pair` gives them, in its order) that may start
    with ``words``: the first two words as written and the third when one simple separator
    comes before it (else None, and only two-word names remain).  A pure function of the
    three words, kept for the process in :data:`_NAMES`: the names a line may hold are
    then few, whatever the number of names that start with the same two words."""
    first, second, third = words
    cands = names_by_pair().get((first.lower(), second.lower()))
    if not cands:
        return ()
    low = third.lower() if third is not None else None
    return tuple(c for c in cands if len(c[1]) == 2 or (low is not None and low in c[1][2]))


_NAMES = Verdicts(_names_from)
# (word, next word) as written -> do listed names start so?
_STARTS = Verdicts(lambda pair: (pair[0].lower(), pair[1].lower()) in names_by_pair())
_NEXT = (1).__add__


# the words for a type of organ (Phụ lục II, IV) before the field of its work:
# ``Phòng Tài chính - Kế hoạch``, ``Trung tâm Văn hóa - Thông tin``
_TYPE1 = {"Sở", "Bộ", "Phòng", "Cục", "Vụ", "Viện", "Ban", "Trường", "Đội"}
_TYPE2 = {("Chi", "cục"), ("Tổng", "cục"), ("Trung", "tâm"), ("Văn", "phòng"), ("Ủy", "ban"), ("Uỷ", "ban"),
          ("Học", "viện")}
TYPE_FIRST = frozenset([*_TYPE1, *(w.lower() for w in _TYPE1), *(a for a, _ in _TYPE2), *(a.lower() for a, _ in _TYPE2)])
_TYPE_PAIRS = {(a.lower(), b) for a, b in _TYPE2}
# after these a type word in small letters still starts an organ's name ("của bộ Tài chính")
_BEFORE_ORGAN = {"của", "với", "cho", "và", "tại", "thuộc", "giao", "gửi", "đến", "về", "theo", "là", "do", "từ"}
_FIELD_SEP = {" ", "\u00a0", ", ", " - ", " – "}
# (word before, separator, type word) -> may the type word start an organ's name?
_OPENS = Verdicts(lambda k: CAPITAL[k[2]] or (k[1] == " " and k[0].lower() in _BEFORE_ORGAN))
_PREV = (-1).__add__


def field_defects(toks: Line, state: dict) -> Iterator[tuple[int, int, tuple, str, str, str, bool]]:
    """An organ's name made of a type word and a field mined from the legal text
    (``fields`` of ``data/case.json``), judged like a mined name: ``Phòng Giáo dục và
    đào tạo``, ``Trung tâm Văn hóa - thông tin`` (the field's words that take a capital
    are known though the text never names this organ).  Words already judged as part
    of a listed name are left to it."""
    if not toks.holds_any(TYPE_FIRST) or not toks.holds_any(field_first_words()):
        return
    fields = fields_by_first()
    covered = state.get("covered", ())
    words = toks.words
    seps = toks.seps
    n = len(toks)
    after = 0
    hits = toks.find(TYPE_FIRST)
    if covered and all(h + 1 in covered for h in hits):
        return  # every type word opens a listed name, judged already ("Sở Tài chính")
    # a type word with a capital, or in small letters after a word that may come before an
    # organ ("của bộ Tài chính"), at C speed: "cán bộ Cảnh sát", "trụ sở Tiếp công dân" end
    # a word in a type word
    opens = list(map(_OPENS.__getitem__, zip(
        map(words.__getitem__, map(_PREV, hits)), map(seps.__getitem__, hits), map(words.__getitem__, hits))))
    if hits[0] == 0:
        opens[0] = CAPITAL[words[0]]  # no word before the line's first
    for i in compress(hits, opens):
        if i < after:
            continue
        w = words[i]
        if i + 1 < n and seps[i + 1] == " " and (w.lower(), words[i + 1].lower()) in _TYPE_PAIRS:
            start = i + 2
            type_words = (w.capitalize(), words[i + 1].lower())
        elif w.capitalize() in _TYPE1:
            start = i + 1
            type_words = (words[i].capitalize(),)
        else:
            continue
        if start >= n or seps[start] != " " or start in covered:
            continue
        cands = fields.get(key_of(words[start]))
        if not cands:
            continue
        hit = None
        for keys, field in cands:
            k = len(keys)
            if start + k > n:
                continue
            for j in range(1, k):
                if seps[start + j] not in _FIELD_SEP or key_of(words[start + j]) != keys[j]:
                    break
            else:
                hit = (keys, field)
                break
        if hit is None:
            continue
        keys, field = hit
        end = start + len(keys)
        after = end
        if any(j in covered for j in range(start, end)):
            continue
        if not any(w[0].isupper() for w in words[start:end]) and capital_verdict(key_of(words[start]), None) \
                and not field_always_named(keys):
            continue  # "Lãnh đạo Bộ tiếp công dân": a verb after the organ, not its field
        name_words = (*type_words, *field)
        name = Name(" ".join(name_words), name_words, tuple(map(key_of, name_words)), 0)
        found_words = toks[i:end]
        if found_words[0].quoted or any(w.text.isupper() and len(w.text) > 1 for w in found_words):
            continue
        if [w.text for w in found_words] == list(name_words):
            state.setdefault("official", set()).add(name.keys)
            continue
        found = _judge(name, found_words, toks, state)
        if found is not None:
            state.setdefault("covered", set()).update(range(i, end))
            state.setdefault("reported", set()).update(range(i, end))
            yield found


# what makes a law named in small letters one document: its year or its number after it
_LAW_ID = re.compile(r" (?:năm \d{4}\b|số \d)")


def _one_law(name, words: list[Tok], toks: Line) -> bool:
    """A listed law named in small letters and then by its year or number (``luật đất đai năm
    2024``, ``bộ luật lao động số 45/2019/QH14``): one document, not the common noun."""
    if not (name.words[0] == "Luật" or name.words[:2] == ("Bộ", "luật")):
        return False
    return _LAW_ID.match(toks._seg, words[-1].end - toks.start) is not None


def _ministry(name) -> bool:
    """A listed ministry (``Bộ Tài chính``), not ``Bộ luật …`` or ``Bộ trưởng``."""
    return name.words[0] == "Bộ" and len(name.words) > 1 and name.words[1][:1].isupper()


def _judge(name, words: list[Tok], toks: Line, state: dict):
    edits = []
    wrong_lower = False  # a word the name capitalises is written with a small letter
    titled_inside = False  # the document capitalises a word after the first: it means a name
    for j, (w, good) in enumerate(zip(words, name.words)):
        doc_cap = w.text[0].isupper()
        good_cap = good[0].isupper()
        if j and doc_cap:
            titled_inside = True
        if doc_cap == good_cap:
            continue
        if j == 0 and doc_cap and not w.mid:
            continue  # a capital at the start of a sentence
        if not doc_cap:
            wrong_lower = True
        edits.append((w.start, w.start + 1, good[0]))
    if not edits:
        state.setdefault("official", set()).add(name.keys)
        return None
    first = words[0]
    first_cap = first.text[0].isupper() and first.mid
    if name.level == 0 and not wrong_lower:
        return None  # a mined name: only a missing capital is certain enough
    if not (titled_inside or first_cap) and not _one_law(name, words, toks):
        # written all in small letters: a common noun, except for a body that exists once,
        # and a ministry whose type word has its capital at a sentence's start ("Bộ quốc
        # phòng, …": no common noun reads so; "cán bộ y tế", "tiến bộ khoa học" do)
        if name.level < 2 and not (name.level and _ministry(name) and first.text[0].isupper()):
            return None
        prev = toks[first.index - 1] if first.index else None
        if prev is not None and prev.text.lower() in _PLURAL:
            return None
    written = "".join((w.before if j else "") + w.text for j, w in enumerate(words))
    start = words[0].start
    good = list(written)
    for s, _e, r in edits:
        good[s - start] = r
    good_text = "".join(good)
    s, e = edits[0][0], words[-1].end
    return (
        s, e, tuple(edits),
        f"Viết hoa tên cơ quan, tổ chức, chức danh theo đúng quy định: «{written}» → «{good_text}» (Phụ lục II, NĐ 30)",
        f"Write the name in its official case: «{written}» → «{good_text}»",
        name,
        name.level > 0,
    )


# ``Nhà nước`` and ``Nhân dân`` used as nouns (Phụ lục II, VI): after these words
# they are the State and the People; elsewhere (``cơ quan nhà nước``, ``Ủy ban nhân
# dân``) they qualify another noun and stay in small letters.
_NOUN_BEFORE = {
    "nhà nước": {"của", "và", "cho", "với", "vì", "đảng", "toàn", "giữa"},
    "nhân dân": {"của", "và", "cho", "với", "vì", "thể", "bào", "trong", "giữa", "đảng", "toàn"},
}
_NOUN_FIRST = {"nhà": "nước", "nhân": "dân", "tổ": "quốc"}
# capitalised wherever they stand inside a sentence (the legal text: «Tổ quốc» 1,544
# times, «tổ quốc» 21): «bảo vệ Tổ quốc», «Mặt trận Tổ quốc»
_ALWAYS = {"tổ quốc"}
#: the words a check of ``Nhà nước`` / ``Nhân dân`` starts from
NOUN_FIRST = frozenset(_NOUN_FIRST)
# after these the phrase qualifies what follows or is a name: ``nhân dân tệ``
_NOT_NOUN_AFTER = {"tệ", "ta"}


def noun_defects(toks: Line) -> Iterator[tuple[int, int, tuple, str, str]]:
    n = len(toks)
    for i in toks.find(_NOUN_FIRST):
        if not 0 < i < n - 1:
            continue
        t = toks[i]
        second = _NOUN_FIRST[t.text]
        if not t.mid or t.quoted:
            continue
        u = toks[i + 1]
        if u.text != second or u.before != " ":
            continue
        phrase = f"{t.text} {second}"
        prev = toks[i - 1]
        if t.before != " ":
            continue
        if phrase in _ALWAYS:
            good = t.text.capitalize() + " " + second
            yield (
                t.start, u.end, ((t.start, t.start + 1, t.text[0].upper()),),
                f"«{good}» viết hoa: «{phrase}» → «{good}» (Phụ lục II, NĐ 30)",
                f"«{good}» is capitalised: «{phrase}» → «{good}»",
            )
            continue
        if prev.text.lower() not in _NOUN_BEFORE[phrase]:
            continue
        if prev.text.lower() == "thể" and (i < 2 or toks[i - 2].text.lower() != "toàn"):
            continue
        if prev.text.lower() == "bào" and (i < 2 or toks[i - 2].text.lower() != "đồng"):
            continue
        if i + 2 < n and toks[i + 2].before == " " and toks[i + 2].text in _NOT_NOUN_AFTER:
            continue
        good = t.text.capitalize() + " " + second
        yield (
            t.start, u.end, ((t.start, t.start + 1, t.text[0].upper()),),
            f"«{good}» viết hoa khi chỉ Nhà nước, Nhân dân: «{phrase}» → «{good}» (Phụ lục II, NĐ 30)",
            f"«{good}» is capitalised when it means the State or the People: «{phrase}» → «{good}»",
        )


_SECOND_CAP = {
    "Nhà": ("Nước",), "Nhân": ("Dân",), "Thường": ("Vụ", "Trực"), "Chấp": ("Hành",),
    # the kinds of documents (NĐ 30 Điều 7, HD 36, HD 05): one capital, on the first letter
    "Nghị": ("Quyết", "Định"), "Quyết": ("Định",), "Kế": ("Hoạch",), "Báo": ("Cáo",), "Chỉ": ("Thị",),
    "Tờ": ("Trình",), "Hướng": ("Dẫn",), "Kết": ("Luận",), "Thông": ("Báo", "Tư", "Tri"),
    "Quy": ("Định", "Chế", "Hoạch"), "Chương": ("Trình",), "Công": ("Văn",), "Biên": ("Bản",),
    "Giấy": ("Mời",), "Đề": ("Án",), "Phương": ("Án",), "Dự": ("Án", "Thảo"),
}
#: the words a check of ``Nhà Nước`` / ``Nhân Dân`` starts from
SECOND_CAP_FIRST = frozenset(_SECOND_CAP)


def second_cap_defects(toks: Line, reported=frozenset()) -> Iterator[tuple[int, int, tuple, str, str]]:
    """``Nhà Nước``, ``Nhân Dân``, ``Thường Vụ``, ``Chấp Hành``, ``Thường Trực``, a document's kind
    (``Nghị Quyết``, ``Kế Hoạch``): a capital on the second syllable is never right (Phụ lục II
    writes ``Nhà nước``, ``Nhân dân``, ``Ban Thường vụ``, ``Ban Chấp hành``, ``Thường trực``, ``Nghị
    quyết``), but in the newspaper's name (``báo
    Nhân Dân``); ``reported``: the words of the names reported already (``Ủy Ban Nhân Dân``)."""
    n = len(toks)
    for i in toks.find(_SECOND_CAP):
        if i + 1 >= n:
            continue
        t, u = toks[i], toks[i + 1]
        if u.text not in _SECOND_CAP[t.text] or u.before != " " or i + 1 in reported or t.quoted:
            continue
        if i and toks[i - 1].text.lower() == "báo" and t.text == "Nhân":
            continue
        if i and toks[i - 1].text in _SURNAMES and toks[i].before == " ":
            continue  # a person's name ("Lê Quyết Định")
        low = u.text.lower()
        yield (
            u.start, u.end, ((u.start, u.start + 1, low[0]),),
            f"Chỉ viết hoa chữ cái đầu: «{t.text} {u.text}» → «{t.text} {low}» (Phụ lục II, NĐ 30)",
            f"Only the first letter takes a capital: «{t.text} {u.text}» → «{t.text} {low}»",
        )


SURNAMES = _SURNAMES = {
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ",
    "Ngô", "Dương", "Lý", "Lương", "Đinh", "Trịnh", "Đoàn", "Lò", "Vi", "Hà", "Triệu", "Lục", "Nông",
}
# titles written before a person's name (Phụ lục II, VI: ``Chủ tịch Quốc hội``,
# ``Giáo sư Tôn Thất Tùng``): their first word is capitalised
_TITLES = {
    ("chủ", "tịch"), ("bí", "thư"), ("giám", "đốc"), ("thủ", "tướng"), ("bộ", "trưởng"), ("thứ", "trưởng"),
    ("giáo", "sư"), ("tiến", "sĩ"), ("trưởng", "ban"), ("trưởng", "phòng"), ("chánh", "văn"),
}


_ADDRESS = {"Ông", "Bà"}


def _letter(tok: Tok, good: str, vi: str, en: str, safe: bool) -> tuple:
    """The finding on word ``tok`` whose first letter becomes ``good``'s."""
    return (tok.start, tok.end, ((tok.start, tok.start + 1, good[0]),), vi, en, safe)


def person_defects(toks: Line) -> Iterator[tuple[int, int, tuple, str, str, bool]]:
    """A small letter inside a personal name (``Nguyễn văn An``), a title in small
    letters right before one (``phó chủ tịch Nguyễn Văn An``), and ``Ông``, ``Bà`` with
    a capital before one inside a sentence (``đề nghị Ông Nguyễn Văn An``)."""
    n = len(toks)
    for i in toks.find(_SURNAMES):
        if i >= n - 2:
            continue
        t = toks[i]
        a, b = toks[i + 1], toks[i + 2]
        if a.before != " " or b.before != " ":
            continue
        if a.text in ("văn", "thị") and is_title(b.text):
            good = a.text.capitalize()
            yield _letter(
                a, good,
                f"Tên người viết hoa mọi âm tiết: «{t.text} {a.text} {b.text}» → «{t.text} {good} {b.text}» (Phụ lục II, NĐ 30)",
                f"Every syllable of a personal name is capitalised: «{t.text} {a.text} {b.text}» → «{t.text} {good} {b.text}»",
                True,
            )
            continue
        if not (is_title(a.text) and i >= 1 and t.mid):
            continue
        p2 = toks[i - 1]
        if p2.text in _ADDRESS and p2.mid and t.before == " " and not p2.quoted:
            # "ông", "bà" before a person's name are common nouns: "đề nghị Ông Nguyễn Văn An"
            low = p2.text.lower()
            yield _letter(
                p2, low,
                f"«{low}» trước tên người viết thường: «{p2.text} {t.text}» → «{low} {t.text}» (Phụ lục II, NĐ 30)",
                f"«{low}» before a person's name takes a small letter: «{p2.text} {t.text}» → «{low} {t.text}»",
                False,
            )
            continue
        if i < 2:
            continue
        p1 = toks[i - 2]
        if (p1.text, p2.text) not in _TITLES or p2.before != " " or t.before != " " or not p1.text.islower():
            continue
        if p1.index and p1.before == " " and is_title(toks[p1.index - 1].text):
            continue  # "Phó giám đốc Hoàng Văn A": the title starts with a capital already
        if i >= 3 and toks[i - 3].text == "phó" and p1.before == " ":
            p1 = toks[i - 3]
        title = " ".join(x.text for x in toks[p1.index:i])
        good = title[0].upper() + title[1:]
        yield (
            p1.start, p2.end, ((p1.start, p1.start + 1, good[0]),),
            f"Chức danh trước họ tên viết hoa: «{title} {t.text}» → «{good} {t.text}» (Phụ lục II, NĐ 30)",
            f"A title before a person's name is capitalised: «{title} {t.text}» → «{good} {t.text}»",
            False,
        )
