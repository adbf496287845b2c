"""The first letter of the trích yếu (the line under the kind title).

- State (NĐ 30, Phụ lục I, II.5): the trích yếu is a sentence-case line, ``Kết
  luận của Giám đốc Sở …``, ``Về công tác phòng, chống lụt bão``: its first letter
  is a capital.  The fix is certain.
- Party (HD 36 1.5; HD 05 Phần II, I-5.1.1): it starts with a small letter, ``kết
  luận của …``, ``về một số nội dung …``, after the author's line in capitals when
  there is one (``KẾT LUẬN CỦA BAN THƯỜNG VỤ THÀNH UỶ`` / ``về …``).  A capital is
  judged only on a word that starts no name (``Sở``, ``Ban``, ``Đảng`` may, and so
  may two capitalised words in a row, ``Nghị quyết Đại hội``, or a document named by
  its number, ``Kế hoạch số 15``): the fix is a suggestion.

Only the summary's first line is judged: the lines after it go on its sentence.  A
line in capitals, an annotation in brackets (``(Ban hành kèm theo …)``) and the
``V/v`` line of a công văn are not a trích yếu's start.
"""

from __future__ import annotations

import re
from typing import Iterator

from ._case_words import _NAME_WORDS as NAME_WORDS

__all__ = ["summary_defects"]

_FIRST_WORDS = re.compile(r"\s*([^\W\d_]+)([^\w]*)")
_NEXT = re.compile(r"[^\W_]+")


def summary_defects(notice) -> Iterator[tuple[object, int, int, str, str, str, bool]]:
    """(segment, start, end, replacement of the first letter, vi, en, safe) of a wrong first letter."""
    summary = notice.summary
    if notice.title is None or not summary:
        return
    party = notice.is_party
    for seg in summary:
        text = seg.text
        letters = [c for c in text if c.isalpha()]
        if not letters:
            continue
        if all(c.isupper() for c in letters) or text.lstrip().startswith("("):
            if party or text.lstrip().startswith("("):
                continue  # the author's line (``KẾT LUẬN CỦA …``), or an annotation
            return  # a state summary in capitals: NL405 says so in a .docx
        m = _FIRST_WORDS.match(text)
        if m is None:
            return
        first, sep = m.group(1), m.group(2)
        after = _NEXT.findall(text, m.end(), m.end() + 60)[:3]
        at = seg.start + m.start(1)
        if party:
            if not first[:1].isupper() or (len(first) > 1 and first[1:].isupper()):
                return
            if first in NAME_WORDS or sep.strip():
                return  # ``Sở …``, ``Đảng …``; ``Nghị quyết: …``
            if not after or any(w[:1].isupper() or w[:1].isdigit() for w in after[:2]):
                return  # a name (``Nghị quyết Đại hội``, ``Sở Y tế``) or a number
            if "số" in after[:2] and any(w[:1].isdigit() for w in after[1:]):
                return  # a document named by its number (``Kế hoạch số 15``)
            low = first[0].lower()
            yield (seg, at, at + len(first), low,
                   f"Trích yếu văn bản của Đảng viết chữ thường ở chữ cái đầu: «{first}» → «{low}{first[1:]}»",
                   f"A Party document's summary starts with a small letter: «{first}» → «{low}{first[1:]}»",
                   False)
        else:
            if not first[:1].islower():
                return
            up = first[0].upper()
            yield (seg, at, at + len(first), up,
                   f"Trích yếu viết hoa chữ cái đầu: «{first}» → «{up}{first[1:]}»",
                   f"The summary starts with a capital letter: «{first}» → «{up}{first[1:]}»",
                   True)
        return
