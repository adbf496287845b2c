"""A Party committee named after one of its organs or titles takes its capital
(Phụ lục II, IV of NĐ 30; HD 36 and HD 05 write the same): ``Ban Tổ chức Huyện
ủy``, ``Ủy ban Kiểm tra Tỉnh ủy``, ``Văn phòng Tỉnh ủy``, ``Bí thư Đảng ủy``.

After the name of an organ of the committee's apparatus, written with its capital,
``tỉnh ủy`` / ``huyện ủy`` / ``đảng ủy`` … names that one committee: a proper name,
never the common noun (``các tỉnh ủy, thành ủy`` stays as it is).  The listed names
of ``data/case.json`` (``Ban Thường vụ Tỉnh ủy``, ``Thường trực Huyện ủy``) are judged
by :func:`~._case_organs.name_defects` (a word it reported is left to it); this
covers the organs and titles they do not list, and a listed name at a sentence's
start, which that check takes for a common noun.
"""

from __future__ import annotations

from typing import Iterator

from ._case_text import Line, is_title

__all__ = ["committee_defects", "COMMITTEE_WORDS"]

#: the second word of a committee's name (both tone styles); a line without one holds none
COMMITTEE_WORDS = frozenset({"ủy", "uỷ"})
_LEVELS = frozenset({"tỉnh", "huyện", "thành", "quận", "thị", "đảng"})
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
        if head is None:
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
