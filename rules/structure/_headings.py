"""Walk the numbered headings of the body once, for NL140, NL141 and NL142.

Levels are learned from the document, in each part and annex anew: a kind
of label (Roman, Arabic, decimal, letter, a capital ``A.``, a step ``BƯỚC
1``) ranks above another when it appears first; an annex (``PHỤ LỤC``), then ``Phần/Chương/Mục`` and
``Điều`` rank above all.  A heading restarts the numbering of every level
below it.  Under a new part (annex, ``PHẦN THỨ HAI``, ``B.``, ``BƯỚC 2``) a
level may start again or go on from the part before (documents do both),
and is judged from there.  A list may restart at its first value (a new
list), and nested lists of the same kind may interleave (a numbered list of
people under numbered sub-headings): a value that continues any open list of
its level is in order.  Roman sections never interleave.
"""

from __future__ import annotations

import re
from typing import Iterator

from notice_lint.anatomy.body import VN_CAPITALS
from notice_lint.anatomy.model import Heading, Notice
from notice_lint.document.model import Record
from notice_lint.document.numbering import to_roman

__all__ = ["VN_LETTERS", "LATIN_ONLY", "PARENTS", "Break", "breaks", "relevant", "label_span", "show"]

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


#: headings that open a part of the text: the numbering below them starts again in each
PARENTS = frozenset(("annex", "part", "capital", "step"))
#: one-letter Roman labels that may be capital letters heading a part (``C. KẾT LUẬN`` after ``B.``)
_ONE_LETTER = frozenset("IVXLC")


#: a capital-letter label (``A. PHẦN MỞ ĐẦU``, ``B. …``) on any line of the notice
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
    out = []
    capital: int | None = None  # the position in VN_CAPITALS of the last capital label met
    romans_since = False  # a Roman label stood since that capital
    decimals: set[tuple[int, ...]] = set()  # the decimal labels met, for a wrapped line
    for h in notice.headings:
        kind = h.kind
        if kind == "dash":
            continue
        if kind == "capital":
            capital, romans_since = VN_CAPITALS.find(str(h.value)), False
        elif kind == "roman":
            value = int(h.value)  # type: ignore[arg-type]
            letter = h.label.strip().rstrip(".-)/:").strip()
            if len(letter) == 1 and letter in _ONE_LETTER and _is_capital(notice, letter, value, capital, romans_since, out):
                # "C. KẾT LUẬN" after "B.", "I." after "H." and its sections: a capital letter, not a number
                h = Heading(h.segment, "capital", h.label, letter, h.separator, h.auto, h.label_start, h.label_end)
                capital, romans_since = VN_CAPITALS.find(letter), False
            elif not 1 <= value <= MAX_ROMAN:
                continue
            else:
                romans_since = True
        elif kind == "annex":
            capital, romans_since = None, False
        elif kind == "decimal" and not h.auto and not h.label.rstrip().endswith("."):
            after = h.segment.paragraph.text[h.label_end or 0:].lstrip()
            if not after[:1].isupper():
                continue  # "1.5 tỷ đồng…" at the start of a wrapped line: a number, no heading
            value = tuple(h.value)  # type: ignore[arg-type]
            if value[-1] != 1 and value[:-1] + (value[-1] - 1,) not in decimals and _wrapped(notice, h):
                continue  # "… theo quy định tại" ⏎ "2.5 Quy định số 12-QĐ/TW": the sentence goes on
        if kind == "decimal":
            decimals.add(tuple(h.value))  # type: ignore[arg-type]
        out.append(h)
    return out


def _is_capital(
    notice: Notice, letter: str, value: int, capital: int | None, romans_since: bool, seen: list[Heading]
) -> bool:
    """Whether a one-letter label ``I.``/``V.``/``X.``/``L.``/``C.`` is a capital letter after ``capital``.

    It is when it is the letter after the last capital label and the Roman numbers do not go on
    with it (``V.`` after ``IV.`` is a number, ``I.`` right under ``H.`` starts its sections).  A
    ``V.`` or ``X.`` straight under a capital label, with no Roman number before it, is no telling:
    it is left alone.
    """
    if capital is None:
        # no capital label in the body before it: one in the lines above (read as the title)?
        return value != 1 and not romans_since and _capital_list(notice)
    if value > MAX_ROMAN:
        return True  # "L." or "C." among capital labels
    if capital + 1 < len(VN_CAPITALS) and VN_CAPITALS[capital + 1] == letter:
        if value == 1:
            return romans_since  # "H." then "I." at once: its first section
        last_roman = next((int(x.value) for x in reversed(seen) if x.kind == "roman"), None)  # type: ignore[arg-type]
        return not (romans_since and last_roman == value - 1)
    return value != 1 and not romans_since


def _wrapped(notice: Notice, h: Heading) -> bool:
    """A label out of order at the start of a line that goes on the sentence of the line before
    (a text export, a manual line break)."""
    segments = notice.body
    seg = h.segment
    k = notice.derived.get("_headings.body_pos")
    if k is None:
        k = notice.derived["_headings.body_pos"] = {(s.paragraph.index, s.start): i for i, s in enumerate(segments)}
    i = k.get((seg.paragraph.index, seg.start))
    if not i:
        return False
    before = segments[i - 1]
    if notice.document.kind == "docx" and before.paragraph is not seg.paragraph:
        return False  # Word wraps its paragraphs itself: a new paragraph is a new point
    tail = before.text.rstrip()[-1:]
    return tail.isalnum() or tail == ","


def breaks(notice: Notice) -> list[Break]:
    """The headings out of order, for NL140 and NL142 (found once per notice: do not change the list)."""
    found = notice.derived.get("_headings.breaks")
    if found is None:
        found = notice.derived["_headings.breaks"] = list(_breaks(notice))
    return found


_PART_NUMBER = re.compile(r"^(\S+)\s+(?:([IVXLC]+)|(\d+))$")


def _part_break(h: Heading, parts: dict[str, int]) -> Iterator[Break]:
    """``Phần I``, ``Phần II``, ``Phần IV``: the parts, chapters and sections of a document run on
    without gaps (a chapter's sections start again under it); parts counted in words
    (``PHẦN THỨ HAI``) are not judged."""
    m = _PART_NUMBER.match(h.label.strip().rstrip(".:-").strip())
    if m is None:
        return
    word = m.group(1).lower()
    if word == "chương":
        parts.pop("mục", None)
    value = int(h.value)  # type: ignore[arg-type]
    prev = parts.get(word)
    parts[word] = value
    if prev is None or value == prev + 1 or value == 1:
        return  # the first, the next, or a new document's first (a regulation under its decision)

    def label(v: int) -> str:
        return f"{m.group(1)} {to_roman(v) if m.group(2) else v}"
    yield Break(h, label(prev + 1), label(prev), "repeat" if value <= prev else "gap")


def _breaks(notice: Notice) -> Iterator[Break]:
    # "annex" above all (every numbering starts again in an annex), then parts and articles; the other
    # levels rank in the order they first appear ("A." above "I." above "1.", or "I." above "BƯỚC 1")
    rank: dict[str, int] = {"annex": -3, "part": -2, "article": -1}
    open_lists: dict[str, list[int]] = {}
    open_dec: dict[tuple[int, ...], int] = {}
    #: the last value of each level when a part closed it: its first heading in the next part may go on
    #: from there (numbered through the parts) or start again; any other value is out of order
    carry: dict[str, int] = {}
    carry_dec: dict[tuple[int, ...], int] = {}
    parts: dict[str, int] = {}  # the last number of each word of part ("phần", "chương", "mục")
    for h in relevant(notice):
        kind = h.kind
        level = rank.get(kind)
        if level is None:
            level = rank[kind] = len(rank)
        parent = kind in PARENTS
        # a heading restarts the levels below it
        for other, r in rank.items():
            if r > level:
                lists = open_lists.pop(other, None)
                if parent:
                    if lists:
                        carry[other] = lists[-1]
                    if other == "decimal":
                        carry_dec.update(open_dec)
                if other == "decimal":
                    open_dec.clear()
        if kind == "part":
            yield from _part_break(h, parts)
        elif kind == "annex":
            parts.clear()  # an annex numbers its parts anew
        if parent:
            if level < -1:
                # a part or an annex learns its levels anew ("A." above "I." in one, "I." alone in another)
                rank = {k: r for k, r in rank.items() if r < 0}
            continue
        if kind == "decimal":
            value = tuple(h.value)  # type: ignore[arg-type]
            key, k = value[:-1], value[-1]
            prev = open_dec.get(key)
            went_on = carry_dec.pop(key, None)
            if k == 1:
                carry_dec.clear()  # the numbering starts again in this part
            if k != 1 and prev != k - 1 and not (prev is None and went_on == k - 1):
                if prev is None and went_on is not None and k > went_on:
                    prev = went_on
                expected = key + ((prev or 0) + 1,)
                yield Break(h, show("decimal", expected), show("decimal", key + (prev,)) if prev else None,
                            "repeat" if prev is not None and k <= prev else "gap")
            open_dec[key] = k
            continue
        went_on = carry.pop(kind, None)
        if kind == "letter":
            letter = str(h.value)
            pos = _position(letter)
            if letter in LATIN_ONLY:
                lists = open_lists.setdefault(kind, [])
                prev = lists[-1] if lists else went_on
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
        if not lists and went_on is not None and went_on + 1 == value:
            lists.append(value)  # numbered on from the part before
            continue
        # nested lists of one kind may interleave (people numbered under numbered items); Roman
        # sections never do: a Roman number goes on from the last one only
        for i in range(len(lists) - 1, -1 if kind != "roman" else max(-1, len(lists) - 2), -1):
            if lists[i] + 1 == value:
                lists.pop(i)
                lists.append(value)
                break
        else:
            prev = lists[-1] if lists else (went_on if went_on is not None and value > went_on else None)
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
