"""Cut a document into segments: every non-blank stretch of text in reading order.

A segment is a column of a line or a line of a paragraph; header lines a PDF
export ran together are split into their two columns, and a place-date broken
over two columns or two lines is joined again.
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from typing import Any

from ..document.model import Document
from ..vntext import fold, is_upper_text
from .header import is_place_date, parse_place_date
from .model import JoinedSegment, Segment

__all__ = ["segments_of"]


def segments_of(document: Document) -> list[Segment]:
    """Every non-blank stretch of text in reading order: columns of a line, lines of a paragraph.

    A paragraph of a ``.docx`` may hold several lines joined by manual line
    breaks (``CỘNG HÒA …`` ⏎ ``Độc lập - Tự do - Hạnh phúc`` in one
    paragraph): each line is its own segment, so each part is found.
    """
    out: list[Segment] = []
    append = out.append
    for para in document.paragraphs:
        text = para.text
        if not text or text.isspace():
            continue
        if (
            para.cell is None
            and "\n" not in text
            and "\t" not in text
            and "  " not in text
            and "\u00a0" not in text
        ):
            # one line with no column gap: the one column split_columns gives, stripped
            ls = len(text) - len(text.lstrip())
            rs = len(text.rstrip())
            if text[ls] == "-":
                m = _GLUED_RULE.match(text, ls)
                if m:
                    # "----Ngày 15 tháng 9 …": pdftotext joined the "-----" under a Party summary to the
                    # line after it (a line ending in "-" reads as a word broken at a hyphen)
                    append(Segment(para, ls, m.end(), "full"))
                    append(Segment(para, m.end(), rs, "full"))
                    continue
            if para.index > _MERGED_ZONE:
                append(Segment(para, ls, rs, "full"))
                continue
            # in the header zone, what _lines gives: the line, or the two columns a PDF export ran together
            # (never a line longer than _split_merged looks at)
            parts = _split_merged(text, ls, rs) if rs - ls <= _MERGED_MAX else ()
            if len(parts) == 2:
                append(Segment(para, parts[0][0], parts[0][1], "left"))
                append(Segment(para, parts[1][0], parts[1][1], "right"))
            else:
                append(Segment(para, ls, rs, "full"))
            continue
        cols = para.columns
        cell_side = para.cell.side if para.cell is not None else None
        if len(cols) <= 1:
            s, e = cols[0] if cols else (0, len(text))
            if para.index > _MERGED_ZONE and "\n" not in text:
                out.append(Segment(para, s, e, cell_side or "full"))  # what _lines would give, in short
                continue
            out.extend(_lines(para, s, e, cell_side or "full"))
        else:
            cols = _rejoin_place_date(para.text, cols)
            for k, (s, e) in enumerate(cols):
                if len(cols) == 1:
                    side = cell_side or "full"
                else:
                    side = "left" if k == 0 else ("right" if k == len(cols) - 1 else "middle")
                out.extend(_lines(para, s, e, side))
    _join_wrapped(out, document.kind == "docx")
    return out


_WRAP_MOTTO = re.compile(
    r"(?:cong hoa xa hoi chu nghia viet nam"
    r"|doc lap\s*[-\u2010-\u2015]\s*tu do\s*[-\u2010-\u2015]\s*hanh phuc"
    r"|dang cong san viet nam)"
)
#: the most words a wrapped piece of a motto has (``CHỦ NGHĨA VIỆT NAM``)
_WRAP_TAIL_WORDS = 4
#: the longest head a join can have: a whole place-date is at most 120 characters (parse_place_date)
_WRAP_HEAD_MAX = 118
_WRAP_DATE_TAIL = re.compile(r"(?:(?:thang\s+\S{1,3}\s+)?nam\s+)?\d{4}\.?")


def _join_wrapped(out: list[Segment], docx: bool = False) -> None:
    """Join a header line a narrow column wrapped onto the next line (or the next two).

    ``pdftotext -layout`` keeps the header's right column as narrow as on paper:
    ``Lào Cai, ngày 05 tháng 3 năm`` ⏎ ``2024``, ``CỘNG HÒA XÃ HỘI CHỦ NGHĨA`` ⏎
    ``VIỆT NAM``, ``Độc lập - Tự do -`` ⏎ ``Hạnh phúc``, ``Độc lập -`` ⏎ ``Tự do -`` ⏎
    ``Hạnh phúc``. The head ends its line, each tail is the last column of the next line
    and starts no left of the head; the pieces are one :class:`JoinedSegment` only when
    together they are a whole date or motto and the head (with the middle piece) alone is
    not.  In a ``.docx`` (``docx``) the same holds for the paragraphs of one table cell that a
    drafter broke with Enter (``CỘNG HÒA XÃ HỘI CHỦ NGHĨA`` ¶ ``VIỆT NAM``): there the pieces
    are consecutive paragraphs of the same cell (or of no cell), columns are not compared.
    """
    n = len(out)
    # a join needs a piece below its head: the last segment of the next line, at most _WRAP_TAIL_MAX
    # characters (_below).  Those few are found first; each gives the one head it may
    # continue (the segment before its line), which must start like a motto, or hold "ngày" when
    # the piece ends like a date or a motto (a middle piece of three, ``Tự do -``, need not)
    below = bisect.bisect_right(out, _MERGED_ZONE + 1, key=_PARA_INDEX)  # the zone and the line under it
    candidates: list[int] = []
    for k in [k for k, seg in enumerate(out[:below]) if len(seg.text) <= _WRAP_TAIL_MAX]:
        p = out[k].paragraph
        if k + 1 < n and out[k + 1].paragraph is p:
            continue  # not the last column of its line
        m = k
        while m > 0 and out[m - 1].paragraph is p:
            m -= 1
        i = m - 1
        if i < 0 or (candidates and candidates[-1] == i):
            continue
        a = out[i]
        t = a.text
        if a.paragraph.index > _MERGED_ZONE or len(t) > _WRAP_HEAD_MAX:
            continue
        c = t[:1]  # _may_start_motto and _may_end inlined: this runs on every short line of the zone
        if c in _MOTTO_FIRST or (c != "" and _combining(c) != 0):
            candidates.append(i)
            continue
        c = out[k].text[-1:]
        if (c in _TAIL_LAST or c.isdigit() or (c != "" and _combining(c) != 0)) and "ngày" in t.lower():
            candidates.append(i)
    deleted: list[int] = []  # original indices of the tails joined so far
    for orig in candidates:
        if deleted:
            if orig in deleted:
                continue
            i = orig - sum(d < orig for d in deleted)
        else:
            i = orig
        if i + 1 >= n:
            break
        a = out[i]
        head = a.text
        j = _below(out, i, a, docx)
        if j < 0:
            continue
        b = out[j]
        tail = b.text
        if _wraps(head, tail):
            out[i] = JoinedSegment(a.paragraph, a.start, a.end, b.paragraph, b.start, b.end, a.side)
            deleted.append(_original(j, deleted))
            del out[j]
            n -= 1
        elif _motto_ends(head, None) and len(tail.split()) <= _WRAP_TAIL_WORDS:
            k = _below(out, j, a, docx)
            if k >= 0:
                c = out[k]
                if _motto_ends(head, c.text) and _wraps(head + " " + tail, c.text) and not _whole_motto(tail):
                    out[i] = JoinedSegment(a.paragraph, a.start, a.end, b.paragraph, b.start, b.end, a.side,
                                           ((c.paragraph, c.start, c.end),))
                    ok, oj = _original(k, deleted), _original(j, deleted)
                    deleted += (ok, oj)
                    del out[k]
                    del out[j]
                    n -= 2


#: the longest piece below a head (a date's year, ``VIỆT NAM``, ``Hạnh phúc``)
_WRAP_TAIL_MAX = 24


_combining = unicodedata.combining


def _PARA_INDEX(seg: Segment) -> int:
    return seg.paragraph.index


#: every character whose fold is "c" or "d" (all of Unicode looked at): what a motto may start with
_MOTTO_FIRST = frozenset("CDcdÇçĆćĈĉĊċČčĎďĐđḈḉḊḋḌḍḎḏḐḑḒḓ")
#: every character whose fold is "m" or "c" (a motto's end: VIỆT NAM, Hạnh phúc), and the full stop
#: a date may end with
_TAIL_LAST = frozenset("CMcmÇçĆćĈĉĊċČčḈḉḾḿṀṁṂṃ.")


def _may_start_motto(ch: str) -> bool:
    """May a text starting with ``ch`` fold to one starting with c or d (a combining mark folds away)?"""
    return ch in _MOTTO_FIRST or (ch != "" and unicodedata.combining(ch) != 0)


def _may_end(ch: str) -> bool:
    """May a piece ending with ``ch`` end a date (a digit, a full stop) or a motto (m, c)?"""
    return ch in _TAIL_LAST or ch.isdigit() or (ch != "" and unicodedata.combining(ch) != 0)


def _original(cur: int, deleted: list[int]) -> int:
    """The index before any deletion of what is now ``out[cur]``."""
    orig = cur
    for d in sorted(deleted):
        if d <= orig:
            orig += 1
    return orig


def _below(out: list[Segment], i: int, a: Segment, docx: bool) -> int:
    """The index of the segment that may continue ``out[i]`` (its line ending where ``a``'s head
    stands): the last column of the next line (``.docx``: the next paragraph of the same cell),
    at most 24 characters, starting no left of ``a``; -1 when there is none."""
    n = len(out)
    j = i + 1
    if j >= n:
        return -1
    first = out[j]
    prev = out[i].paragraph
    if first.paragraph is prev or first.paragraph.index != prev.index + 1:
        return -1
    while j + 1 < n and out[j + 1].paragraph is out[j].paragraph:
        j += 1
    b = out[j]
    if len(b.text) > _WRAP_TAIL_MAX or prev.text[out[i].end:].strip():
        return -1  # too long for a wrapped piece; the line above goes on after its piece
    if docx:
        if j != i + 1 or b.paragraph.cell != a.paragraph.cell:
            return -1
        return j
    if (j == i + 1 or b.side == "right") and b.paragraph.column(b.start) + 2 >= a.paragraph.column(a.start):
        return j
    return -1


def _motto_ends(head: str, tail: str | None) -> bool:
    """Can ``head`` … ``tail`` be a motto by its first and last letters?  A cheap test that
    :data:`_WRAP_MOTTO` needs (``tail`` None: only the head)."""
    if not _may_start_motto(head.lstrip()[:1]):
        return False
    if tail is None:
        return True
    t = tail.rstrip()[-1:]
    return bool(t) and (fold(t) in ("m", "c") or unicodedata.combining(t) != 0)


def _whole_motto(text: str) -> bool:
    return _WRAP_MOTTO.fullmatch(fold(text).strip()) is not None


def _wraps(head: str, tail: str) -> bool:
    """Are ``head`` ⏎ ``tail`` one date or one motto a narrow column broke, and ``head`` alone not?"""
    t0 = tail[:1]
    if t0.isdigit() or fold(t0) in ("n", "t"):
        ftail = fold(tail)
        if t0.isdigit() or ftail.startswith(("nam ", "thang ")):
            if not _WRAP_DATE_TAIL.fullmatch(ftail):
                return False
            joined = head + " " + tail
            pd = parse_place_date(head)
            if pd is not None and not pd.numeric and not pd.blank_fields:
                return False  # the head is a whole date already
            whole = parse_place_date(joined)
            return whole is not None and not whole.numeric and not whole.blank_fields and is_place_date(joined)
    if not _motto_ends(head, tail) or len(tail.split()) > _WRAP_TAIL_WORDS:
        return False  # no motto starts and ends so (a cheap test first: most line pairs fail it)
    return _whole_motto(head + " " + tail) and not _whole_motto(head)


def _rejoin_place_date(text: str, cols: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``Lào Cai,      ngày …`` is one place-date, not two columns: join a place ending in a comma to its date."""
    out: list[tuple[int, int]] = []
    for s, e in cols:
        if out and text[out[-1][0]:out[-1][1]].endswith(",") and text[s:e].lower().startswith("ngày"):
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


_MERGED_RIGHT = re.compile(
    r"\s(?=cong hoa xa hoi chu nghia viet nam\s*$"
    r"|doc lap\s*[-\u2010-\u2015]\s*tu do\s*[-\u2010-\u2015]\s*hanh phuc\s*$"
    r"|dang cong san viet nam\s*$)"
)
_MERGED_NUMBER_DATE = re.compile(
    r"^so\s*:?\s*[\d\s_.…]*[/\-]\s*\S+(\s+)(?=[^\s,]{2}[^,]{0,45},?\s*ngay\b.*\bthang\b.*\bnam\b)"
)


_STAR_RE = re.compile(r"^\*(\s+)(?=\S)")
#: a rule of dashes run into the text after it, a capital letter opening a sentence
_GLUED_RULE = re.compile(r"-{3,}(?=[A-ZĐÀ-Ỹ])")
_MERGED_ZONE = 20  # paragraphs at the top where a header may stand
_MERGED_MAX = 160  # characters: a longer line is no run-together header line


@functools.lru_cache(maxsize=4096)  # per distinct first word of a line: they repeat from line to line
def _opening(first: str) -> tuple[bool, bool]:
    """For the first word of a line: is it ``*`` or in capitals; does its fold begin with "so".

    The folded line begins with "so" exactly when its first word's fold does, when the line does
    not begin with a space (folding keeps the space after the word).
    """
    return first == "*" or is_upper_text(first), fold(first).startswith("so")


def _split_merged(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """Split a header line a PDF export ran together with single spaces.

    ``UBND TỈNH X CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM``, ``SỞ Y Độc lập - Tự do
    - Hạnh phúc``, ``TỈNH UỶ X ĐẢNG CỘNG SẢN VIỆT NAM`` and ``Số: 18/TB-SKHCN
    Quảng Ngãi, ngày …`` are two columns each.
    """
    piece = text[s:e]
    if len(piece) > _MERGED_MAX:
        return [(s, e)]
    words = piece.split(None, 1)
    first = words[0] if words else ""
    # a header line begins with an organ in capitals, "Số" or "*"
    capitals, so = _opening(first)
    if not (capitals or (so and not piece[:1].isspace())):
        return [(s, e)]
    folded = fold(piece)
    if len(folded) != len(piece):
        return [(s, e)]
    cut = None
    star = _STAR_RE.match(piece) if first[:1] == "*" else None
    if star and is_place_date(piece[star.end():]):
        return [(s, s + 1), (s + star.end(), e)]  # "* Phan Thiết, ngày …": the Party star, then the date
    # each of the right-hand columns _MERGED_RIGHT finds ends in "viet nam" or "hanh phuc"
    m = _MERGED_RIGHT.search(folded) if ("viet nam" in folded or "hanh phuc" in folded) else None
    if m and m.start() > 0 and is_upper_text(piece[: m.start()]):
        cut = (m.start(), m.end())
    elif folded.startswith("so"):
        m = _MERGED_NUMBER_DATE.match(folded)
        if m:
            cut = m.span(1)
    if cut is None:
        return [(s, e)]
    left = (s, s + len(piece[: cut[0]].rstrip()))
    right = (s + cut[1], e)
    return [left, right]


def _lines(para: Any, s: int, e: int, side: str) -> list[Segment]:
    text = para.text
    if "\n" not in text[s:e]:
        parts = _split_merged(text, s, e) if para.index <= _MERGED_ZONE else [(s, e)]
        if len(parts) == 2:
            return [Segment(para, parts[0][0], parts[0][1], "left"), Segment(para, parts[1][0], parts[1][1], "right")]
        return [Segment(para, s, e, side)]
    spans: list[tuple[int, int]] = []
    pos = s
    for piece in text[s:e].split("\n"):
        a, b = pos, pos + len(piece)
        pos = b + 1
        lead = len(piece) - len(piece.lstrip())
        trail = len(piece.rstrip())
        if trail > lead:
            spans.append((a + lead, a + trail))
    # "Quảng Ngãi," ⏎ "ngày 05 tháng 3 năm 2024" is one place-date broken over two lines
    return [Segment(para, a, b, side) for a, b in _rejoin_place_date(text, spans)]
