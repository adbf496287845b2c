"""A Party committee named after one of its organs or titles takes its capital
(Phụ lục II, IV of NĐ 30; HD 36 and HD 05 write the same): ``Ban Tổ chức Huyện
ủy``, ``Ủy ban Kiểm tra Tỉnh ủy``, ``Văn phòng Tỉnh ủy``, ``Bí thư Đảng ủy``.

After the name of an organ of the committee's apparatus, written with its capital,
``tỉnh ủy`` / ``huyện ủy`` / ``đảng ủy`` … names that one committee: a proper name,
never the common noun (``các tỉnh ủy, thành ủy`` stays as it is, and so does a class
of committees listed by their levels: ``Ban Tổ chức huyện ủy, thị ủy, thành ủy``,
``Bí thư tỉnh ủy, Bí thư thành ủy``, ``đảng ủy trực thuộc``, as the legal text writes
them).  The listed names
of ``data/case.json`` (``Ban Thường vụ Tỉnh ủy``, ``Thường trực Huyện ủy``) are judged
by :func:`~._case_organs.name_defects` (a word it reported is left to it); this
covers the organs and titles they do not list, and a listed name at a sentence's
start, which that check takes for a common noun.
"""

from __future__ import annotations

from typing import Iterator

from ._case_text import Line, is_title

__all__ = ["committee_defects", "generic_committee", "COMMITTEE_WORDS"]

#: the second word of a committee's name (both tone styles); a line without one holds none
COMMITTEE_WORDS = frozenset({"ủy", "uỷ"})
_LEVELS = frozenset({"tỉnh", "huyện", "thành", "quận", "thị", "đảng"})
_AND = frozenset({"và", "hoặc"})
# the organs of a Party committee's apparatus and the titles of its members, in small
# letters, longest first (HD 05 Phần I; Quy định 11-QĐ/TW, Điều 3)
_HEADS = sorted(
    (tuple(h.split()) for h in (
        "ban thường vụ", "thường trực", "ban chấp hành", "ủy ban kiểm tra", "uỷ ban kiểm tra", "văn phòng",
        "ban tổ chức", "ban tuyên giáo", "ban dân vận", "ban nội chính", "ban tuyên giáo và dân vận",
        "ban kinh tế", "bí thư", "chánh văn phòng", "ủy viên ban thường vụ",
    )),
    key=len, reverse=True,
)

def committee_defects(toks: Line, text: str, reported=frozenset()) -> Iterator[tuple[int, int, tuple, str, str]]:
    """``(start, end, edits, vi, en)`` for each committee written in small letters after
    one of its organs or titles; ``reported``: the words of the names reported already."""
    words = toks.words
    seps = toks.seps
    n = len(toks)
    for i in toks.find(_LEVELS):
        if i == 0 or i + 1 >= n or words[i + 1] not in COMMITTEE_WORDS or seps[i + 1] != " " or seps[i] != " ":
            continue
        if i in reported:
            continue
        head = _head_before(toks, i)
        if head is None or generic_committee(toks, i, head):
            continue
        t = toks[i]
        if t.quoted:
            continue
        u = toks[i + 1]
        start = toks[head].start
        written = text[start : u.end]
        good = text[start : t.start] + t.text.capitalize() + text[t.end : u.end]
        yield (
            t.start, u.end, ((t.start, t.start + 1, t.text[0].upper()),),
            f"Viết hoa tên cơ quan, tổ chức, chức danh theo đúng quy định: «{written}» → «{good}» (Phụ lục II, NĐ 30)",
            f"Write the name in its official case: «{written}» → «{good}»",
        )


def generic_committee(toks: Line, i: int, head: int) -> bool:
    """Is the committee at word ``i`` (after the organ or title starting at word ``head``)
    one of a class rather than one body: listed at once with a committee of another level
    (``Ban Tổ chức huyện ủy, thị ủy, thành ủy``; ``… tỉnh ủy và thành ủy``), or with the
    same organ of another level (``Bí thư tỉnh ủy, Bí thư thành ủy``), or ``… trực thuộc``?"""
    words, seps = toks.words, toks.seps
    n = len(words)
    # the last of a list: "Bí thư tỉnh ủy, Bí thư thành ủy", "… tỉnh ủy và Bí thư thành ủy"
    organ = [w.lower() for w in words[head:i]]
    k = head - 1 if head >= 1 and words[head - 1] in _AND and seps[head] == " " else head
    m = k - 2 - len(organ)  # where the same organ would start before
    if m >= 0 and (seps[k] == ", " or k < head) and words[k - 1] in COMMITTEE_WORDS \
            and words[k - 2].lower() in _LEVELS and words[k - 2].lower() != words[i].lower() \
            and [w.lower() for w in words[m : k - 2]] == organ:
        return True
    j = i + 2
    if j + 1 < n and words[j].lower() == "trực" and words[j + 1].lower() == "thuộc":
        return True
    if j < n and words[j] in _AND and seps[j] == " ":
        j += 1
    elif j < n and seps[j] == ", ":
        if [w.lower() for w in words[j : j + len(organ)]] == organ:
            j += len(organ)  # "Bí thư tỉnh ủy, Bí thư thành ủy"
    else:
        return False
    return j + 1 < n and words[j].lower() in _LEVELS and words[j].lower() != words[i].lower() \
        and words[j + 1] in COMMITTEE_WORDS


def _head_before(toks: Line, i: int) -> int | None:
    """The index of the first word of the organ or title right before word ``i``, written
    with its capital (``Ban Tổ chức``, ``Bí thư``), or None."""
    words = toks.words
    seps = toks.seps
    for head in _HEADS:
        k = len(head)
        j = i - k
        if j < 0 or not is_title(words[j]):
            continue
        if all(words[j + m].lower() == head[m] for m in range(k)) and all(seps[j + m] == " " for m in range(1, k)):
            return j
    return None
