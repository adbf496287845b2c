"""Walk the numbered headings of the body once, for NL140, NL141 and NL142.

Levels are learned from the document: a kind of label (Roman, Arabic,
decimal, letter) ranks above another when it appears first; "Điều" and
"Phần/Chương/Mục" rank above all.  A heading restarts the numbering of every
level below it.  A list may restart at its first value (a new list, an
appendix), and nested lists of the same kind may interleave (a numbered
list of people under numbered sub-headings): a value that continues any
open list of its level is in order.
"""

from __future__ import annotations

import re
from typing import Iterator

from notice_lint.anatomy.model import Heading, Notice
from notice_lint.document.model import Record
from notice_lint.document.numbering import to_roman

__all__ = ["VN_LETTERS", "LATIN_ONLY", "Break", "breaks", "label_span", "show"]

VN_LETTERS = "abcdđeghiklmnopqrstuvxy"
#: Latin letters that are no Vietnamese letter, and the letter whose place they take
LATIN_ONLY = {"f": "e", "j": "i", "w": "v", "z": "y"}
CHECKED = ("article", "roman", "arabic", "decimal", "letter")
MAX_ROMAN = 39  # "L." or "C." at the start of a line is no section number


class Break(Record):
    """A heading that does not follow its predecessor at the same level."""

    __slots__ = ("heading", "expected", "previous", "kind")
    _fields = __match_args__ = __slots__

    def __init__(self, heading: Heading, expected: str, previous: str | None, kind: str) -> None:
        self.heading = heading
        self.expected = expected  # the label expected, as shown to the user ("III", "đ", "2.1")
        self.previous = previous  # the label before it at this level, None at a list's start
        self.kind = kind  # "gap" | "repeat" | "latin" (f j w z) | "skipped-đ"


def label_span(h: Heading) -> tuple[int, int]:
    """Offsets of the label in the paragraph text; (0, 0) for a label drawn by Word."""
    if h.auto or h.label_start is None:
        return 0, 0
    return h.label_start, h.label_end or h.label_start


def show(kind: str, value: object) -> str:
    if kind == "roman":
        return to_roman(int(value))  # type: ignore[arg-type]
    if kind == "decimal":
        return ".".join(str(v) for v in value)  # type: ignore[union-attr]
    if kind == "article":
        return f"Điều {value}"
    return str(value)


def _position(letter: str) -> int:
    return VN_LETTERS.index(LATIN_ONLY.get(letter, letter))


#: a capital-letter list (``A. PHẦN MỞ ĐẦU``, ``B. …``): its ``I.`` and ``V.`` are letters, not Roman numbers
_CAPITAL_LETTER = re.compile(r"^\s*[ABĐEGHKMNOPQRSTUY]\s*[.)]\s")


def _capital_list(notice: Notice) -> bool:
    """At least two lines of the notice open with a capital letter label (computed once per notice)."""
    hit = notice.derived.get("_headings.capitals")
    if hit is not None:
        return hit
    found = 0
    match = _CAPITAL_LETTER.match
    for seg in notice.segments:
        if match(seg.text):
            found += 1
            if found >= 2:
                break
    notice.derived["_headings.capitals"] = found >= 2
    return found >= 2


def relevant(notice: Notice) -> list[Heading]:
    """The headings whose numbering is judged (found once per notice: do not change the list)."""
    found = notice.derived.get("_headings.relevant")
    if found is None:
        found = notice.derived["_headings.relevant"] = _relevant(notice)
    return found


def _relevant(notice: Notice) -> list[Heading]:
    capitals = None  # read when a one-letter Roman label needs it
    out = []
    for h in notice.headings:
        if h.kind in ("dash",):
            continue
        if h.kind == "roman":
            if not 1 <= int(h.value) <= MAX_ROMAN:  # type: ignore[arg-type]
                continue
            if len(h.label.strip().rstrip(".-)/:").strip()) == 1:
                if capitals is None:
                    capitals = _capital_list(notice)
                if capitals:
                    continue
        if h.kind == "decimal" and not h.auto and not h.label.rstrip().endswith("."):
            after = h.segment.paragraph.text[h.label_end or 0:].lstrip()
            if not after[:1].isupper():
                continue  # "1.5 tỷ đồng…" at the start of a wrapped line: a number, no heading
        out.append(h)
    return out


def breaks(notice: Notice) -> list[Break]:
    """The headings out of order, for NL140 and NL142 (found once per notice: do not change the list)."""
    found = notice.derived.get("_headings.breaks")
    if found is None:
        found = notice.derived["_headings.breaks"] = list(_breaks(notice))
    return found


def _breaks(notice: Notice) -> Iterator[Break]:
    rank: dict[str, int] = {"part": -2, "article": -1}
    open_lists: dict[str, list[int]] = {}
    open_dec: dict[tuple[int, ...], int] = {}
    for h in relevant(notice):
        kind = h.kind
        level = rank.get(kind)
        if level is None:
            level = rank[kind] = len(rank)
        # a heading restarts the levels below it
        for other, r in rank.items():
            if r > level:
                open_lists.pop(other, None)
                if other == "decimal":
                    open_dec.clear()
        if kind == "part":
            continue
        if kind == "decimal":
            value = tuple(h.value)  # type: ignore[arg-type]
            key, k = value[:-1], value[-1]
            prev = open_dec.get(key)
            if k != 1 and prev != k - 1:
                expected = key + ((prev or 0) + 1,)
                yield Break(h, show("decimal", expected), show("decimal", key + (prev,)) if prev else None,
                            "repeat" if prev is not None and k <= prev else "gap")
            open_dec[key] = k
            continue
        if kind == "letter":
            letter = str(h.value)
            pos = _position(letter)
            if letter in LATIN_ONLY:
                lists = open_lists.setdefault(kind, [])
                prev = lists[-1] if lists else None
                yield Break(h, VN_LETTERS[prev + 1] if prev is not None and prev + 1 < len(VN_LETTERS) else "a",
                            VN_LETTERS[prev] if prev is not None else None, "latin")
                if lists:
                    lists[-1] = pos
                else:
                    lists.append(pos)
                continue
            value = pos
            first = 0
        else:
            value = int(h.value)  # type: ignore[arg-type]
            first = 1
        lists = open_lists.setdefault(kind, [])
        if value == first:
            lists.append(value)
            continue
        for i in range(len(lists) - 1, -1, -1):
            if lists[i] + 1 == value:
                lists.pop(i)
                lists.append(value)
                break
        else:
            prev = lists[-1] if lists else None
            exp = (prev + 1) if prev is not None else first
            if kind == "letter":
                expected = VN_LETTERS[exp] if exp < len(VN_LETTERS) else "?"
                previous = VN_LETTERS[prev] if prev is not None else None
                what = "skipped-đ" if expected == "đ" and str(h.value) == "e" else (
                    "repeat" if prev is not None and value <= prev else "gap")
            else:
                expected = show(kind, exp)
                previous = show(kind, prev) if prev is not None else None
                what = "repeat" if prev is not None and value <= prev else "gap"
            yield Break(h, expected, previous, what)
            if lists:
                lists[-1] = value
            else:
                lists.append(value)
