"""The end of a document: the ``Nơi nhận:`` block and the signature block.

Layouts met in practice, all handled here:

- a ``.docx`` with a borderless 1×2 table: ``Nơi nhận`` and its items in the
  left cell, the signature block in the right cell;
- a text export where both columns were merged line by line (``Nơi nhận:  TL.
  CHỦ TỊCH``) or split into segments by the reader (runs of spaces);
- a text export where the signature block follows the (hard-wrapped) list;
- a Party PDF export whose e-signature stamp (organ name, ``16-10-2025
  13:46:25 +07:00``) follows the signer's name: the stamp is kept apart from
  the block.
"""

from __future__ import annotations

import functools
import re
from itertools import compress
from operator import attrgetter, itemgetter

from ..vntext import fold, is_upper_text
from .model import Notice, Recipients, Segment, Signature

__all__ = [
    "find_closing",
    "find_annex",
    "PREFIX_RE",
    "RECIPIENTS_RE",
    "ACADEMIC_RE",
    "is_name",
    "parse_prefix",
    "item_groups",
    "Prefix",
]

#: the ``Nơi nhận`` label (a whole segment, or followed by a merged column)
RECIPIENTS_RE = re.compile(r"^\s*N[ơo]i\s*nh[ậa]n\s*(?P<colon>:?)", re.IGNORECASE)
#: an authority prefix in any spelling met in practice (strict forms: TM. KT. TL. TUQ. Q. / T/M K/T T/L Q.)
PREFIX_RE = re.compile(
    r"^\s*(?P<tok>T\s?/\s?M|K\s?/\s?T|T\s?/\s?L|T\.\s?M|K\.\s?T|T\.\s?L|TUQ|TM|KT|TL|Q)"
    r"(?P<punct>\.?)(?P<space>\s*)(?P<rest>\S.*)$",
    re.UNICODE,
)
ITEM_RE = re.compile(r"^\s*[-–—+•*]")
STAMP_RE = re.compile(r"\d{1,4}[-/.]\d{1,2}[-/.]\d{2,4}[ T]+\d{1,2}:\d{2}(:\d{2})?")
STAMP_WORDS = ("ky boi", "nguoi ky", "email", "co quan", "thoi gian ky", "ngay ky")
ACADEMIC_RE = re.compile(
    r"^\s*((?:PGS|GS|TSKH|TS|ThS|Ths|THS|KS|BS|NCS|Th\.S|CN)\s*\.\s*)+", re.UNICODE
)
SIGNED_RE = re.compile(r"^\s*(?:\(?\s*(?:đã ký|Đã ký|ĐÃ KÝ|Ký|ký)(?:\s+và\s+đóng\s+dấu)?\s*\)?\s*[:：]?\s*)", re.UNICODE)


# A word of a name: ``[A-ZĐÀ-Ỹ][a-zđà-ỹ]*``; in capitals: ``[A-ZĐÀ-Ỹ]+`` (code point ranges).
# Tested by comparison: as regular expressions, the wide ranges cost a millisecond to compile at every start.
def _name_capital(ch: str) -> bool:
    return "A" <= ch <= "Z" or ch == "Đ" or "À" <= ch <= "Ỹ"


def _name_small(ch: str) -> bool:
    return "a" <= ch <= "z" or ch == "đ" or "à" <= ch <= "ỹ"


@functools.lru_cache(maxsize=4096)  # per distinct word: the syllables of names and titles repeat
def _is_name_word(word: str) -> bool:
    """``^[A-ZĐÀ-Ỹ][a-zđà-ỹ]*$`` for a word of a split line."""
    return bool(word) and _name_capital(word[0]) and all(_name_small(ch) for ch in word[1:])


@functools.lru_cache(maxsize=4096)
def _is_upper_name_word(word: str) -> bool:
    """``^[A-ZĐÀ-Ỹ]+$`` for a word of a split line."""
    return bool(word) and all(_name_capital(ch) for ch in word)

#: words of titles and organs that are never part of a personal name: an upper-case line
#: with none of them, under the titles, is a name written in capitals (``NGUYỄN VĂN AN``)
_TITLE_WORDS = frozenset(
    "GIÁM ĐỐC CHỦ TỊCH PHÓ TRƯỞNG BAN ỦY UỶ VIÊN NHIỆM CỤC VỤ SỞ TỔNG HỘI TỈNH HUYỆN XÃ PHƯỜNG "
    "TRỰC ĐẢNG BỘ KIỂM CHỨC PHÒNG QUYỀN THỦ BÍ KT. TM. TL. TUQ. Q. T/M K/T T/L".split()
)
#: a merged second column after an item or the label: two or more spaces, then the column's text
_TAIL_RE = re.compile(r"^(?P<head>.*?\S)(?P<gap>\s{2,})(?P<tail>\S.*?)\s*$")


class Prefix:
    """An authority prefix as written: token (``TL``, ``T/M``…), its period and the space after it."""

    __slots__ = ("token", "canonical", "punct", "space", "start", "end", "rest_start")

    def __init__(self, m: re.Match[str]) -> None:
        tok = m.group("tok")
        self.token = tok
        squeezed = "".join(tok.split())  # without its spaces ("T / M")
        self.canonical = squeezed.replace(".", "")  # TM, KT, TL, TUQ, Q, T/M, K/T, T/L
        self.punct = m.group("punct")
        self.space = m.group("space")
        self.start = m.start("tok")
        self.end = m.end("space")
        self.rest_start = m.start("rest")

    @property
    def party(self) -> bool:
        return "/" in self.canonical


def parse_prefix(text: str) -> Prefix | None:
    """The authority prefix at the start of a title line, or None.

    ``Q`` needs a period (``QUYẾT ĐỊNH`` is no prefix); the other tokens need a
    period, a slash or a space after them, and an upper-case title.
    """
    m = PREFIX_RE.match(text)
    if not m:
        return None
    tok = "".join(m.group("tok").split())  # without its spaces ("T / M")
    rest = m.group("rest")
    if not is_upper_text(rest) or not rest[0].isalpha():
        return None
    if tok == "Q" and not m.group("punct"):
        return None
    if tok in ("TM", "KT", "TL", "TUQ") and not (m.group("punct") or m.group("space")):
        return None
    return Prefix(m)


def is_name(text: str) -> bool:
    """A personal name: 2–6 capitalised words (an academic title before it is allowed)."""
    t = ACADEMIC_RE.sub("", text.strip())
    words = t.split()
    if not 2 <= len(words) <= 6:
        return False
    return all(map(_is_name_word, words)) and not is_upper_text(t)


def _is_upper_name(text: str) -> bool:
    """A name written in capitals (``NGUYỄN VĂN AN``): no syllable of a title or organ."""
    t = ACADEMIC_RE.sub("", text.strip())
    words = t.split()
    if not 2 <= len(words) <= 5 or not all(map(_is_upper_name_word, words)):
        return False
    return not any(w in _TITLE_WORDS for w in words)


def _title_line(text: str) -> bool:
    t = text.strip()
    return (
        bool(t)
        and is_upper_text(t)
        and len(t.split()) <= 14
        and not RECIPIENTS_RE.match(t)
        and not t.startswith(("-", "(", "*", "+", "•"))
        and not t.endswith((";", ","))
    )


def _is_note(text: str) -> bool:
    """``(Đã ký)``, ``(ký, đóng dấu)``, ``(chữ ký)``, ``Đã ký``, ``[đã ký]``: not part of the block."""
    t = text.strip()
    if t.startswith(("(", "[")) and t.endswith((")", "]")):
        return True
    f = fold(t)
    return f in ("da ky", "da ky.", "ky ten", "ky ten, dong dau", "ky, dong dau")


def _is_stamp(text: str) -> bool:
    t = text.strip()
    if STAMP_RE.search(t) or "+07:00" in t:
        return True
    f = fold(t)
    return f.startswith(STAMP_WORDS)


def _sub(seg: Segment, offset: int, side: str | None = None) -> Segment:
    """The part of ``seg`` from ``offset`` (relative to the segment's text), trailing spaces cut."""
    text = seg.text
    start = seg.start + offset
    end = seg.start + len(text.rstrip())
    return Segment(seg.paragraph, start, max(start, end), side or seg.side)


def _trimmed(seg: Segment) -> Segment:
    text = seg.text
    lead = len(text) - len(text.lstrip())
    if lead == 0 and text == text.rstrip():
        return seg
    return _sub(seg, lead)


# -- the signature block ----------------------------------------------------
def parse_block(zone: list[Segment]) -> Signature | None:
    """Read a signature block from ``zone`` (segments in reading order, block first)."""
    sig = Signature()
    state = "titles"
    stamp: list[Segment] = []
    last_title_par = -1
    for seg in zone:
        text = seg.text.strip()
        if not text:
            continue
        if state == "titles":
            if _title_line(text) and not (sig.titles and _is_upper_name(text) and seg.index > last_title_par + 1):
                sig.lines.append(seg)
                sig.titles.append(seg)
                if sig.prefix is None and parse_prefix(text):
                    sig.prefix = seg
                last_title_par = seg.index
                continue
            if not sig.titles:
                return None
            if fold(text) == "kiem":  # "BÍ THƯ / kiêm / TRƯỞNG BAN CHỈ ĐẠO"
                sig.lines.append(seg)
                continue
            if _is_stamp(text):  # an e-signature box between the title and the name
                sig.stamp.append(seg)
                continue
            m = SIGNED_RE.match(seg.text)
            if m and m.end() > 0 and m.end() < len(seg.text.rstrip()) and not _is_note(text):
                rest = seg.text[m.end():]
                if is_name(rest) or _is_upper_name(rest) or ACADEMIC_RE.match(rest):
                    name = _sub(seg, m.end())
                    sig.lines.append(name)
                    sig.name = name
                    state = "after"
                    continue
            if _is_note(text) or len(text) < 3:
                continue
            if is_name(text) or _is_upper_name(text) or (ACADEMIC_RE.match(text) and len(text.split()) <= 8):
                name = _trimmed(seg)
                sig.lines.append(name)
                sig.name = name
                state = "after"
                continue
            if not is_upper_text(text) and len(text.split()) <= 6 and not text.endswith((".", ";", ",", ":")):
                # an unusual name (a single word, a foreign name)
                name = _trimmed(seg)
                sig.lines.append(name)
                sig.name = name
                state = "after"
                continue
            break
        else:
            if len(stamp) < 6 and (_is_stamp(text) or is_upper_text(text)):
                stamp.append(seg)
                if _is_stamp(text):
                    sig.stamp.extend(stamp)
                    stamp = []
                continue
            break
    if not sig.titles:
        return None
    return sig


def _mark_signature(notice: Notice, sig: Signature) -> None:
    for seg in sig.titles:
        notice.set_role(seg, "signature_title")
    if sig.name is not None:
        notice.set_role(sig.name, "signature_name")
    for seg in sig.stamp:
        notice.set_role(seg, "signature_stamp")


# -- the recipients block ---------------------------------------------------
_REC_ROLES = ("recipients_item", "recipients_label", "recipients_cont")


def _label_at(segments: list[Segment], body_start: int) -> tuple[int, int]:
    """(index of the ``Nơi nhận`` segment, length of the label in it) or (-1, 0)."""
    for i in range(len(segments) - 1, body_start - 1, -1):
        text = segments[i].text
        m = RECIPIENTS_RE.match(text)
        if not m:
            continue
        rest = text[m.end():]
        if not rest.strip():
            return i, len(text.rstrip())
        # merged columns: "Nơi nhận:  TL. CHỦ TỊCH"
        if m.group("colon") and re.match(r"\s+\S", rest) and _title_line(rest):
            return i, m.end()
    return -1, 0


def _recipients(notice: Notice, segments: list[Segment], label_at: int, label_len: int) -> tuple[Recipients, list[Segment]]:
    """Label the list; return it and the segments after the label that are not part of it."""
    whole = segments[label_at]
    label = Segment(whole.paragraph, whole.start + (len(whole.text) - len(whole.text.lstrip())),
                    whole.start + label_len, whole.side if whole.side != "full" else "full")
    rec = Recipients(label=label)
    notice.set_role(whole, "recipients_label")
    rest: list[Segment] = []
    tail = whole.text[label_len:]
    if tail.strip():
        rest.append(_sub(whole, label_len + (len(tail) - len(tail.lstrip())), "right"))
    cell = whole.paragraph.cell
    in_list = True
    right_at = _right_column(notice, segments, label_at, label)
    # a text export in reading order (``pdftotext`` without ``-layout``) gives the two columns
    # line by line in turns: an item, the signer's title, the next items, the name.  There the
    # list goes on past a title line until the signer's name
    interleaved = cell is None and notice.document.kind != "docx" and whole.side == "full"
    signing = False  # a line of the signature column was met among the items
    for seg in segments[label_at + 1:]:
        pc = seg.paragraph.cell
        if cell is not None:
            same_cell = pc is not None and (pc.table, pc.row, pc.col) == (cell.table, cell.row, cell.col)
            if not same_cell:
                rest.append(seg)
                continue
        elif seg.side in ("right", "middle") and whole.side in ("full", "left"):
            rest.append(seg)  # the other column of a text export: the signature
            continue
        elif right_at is not None and seg.side == "full" and (
            seg.start >= right_at
            or (seg.start - label.start >= _RIGHT_MIN and _signature_like(seg.text))
        ):
            # alone on its line, far to the right (a pdftotext -layout export): the signature column,
            # the signer's name between two items or below the list; the list goes on beside it.
            # pdftotext may set such a lone line well left of the column's shared lines (a name at
            # column 33 under a title at 55): a title, a prefix or a name indented that far is no
            # wrapped item either
            rest.append(seg)
            continue
        text = seg.text.strip()
        if not in_list:
            rest.append(seg)
            continue
        if ITEM_RE.match(text):
            item, tail = _split_tail(seg)
            rec.items.append(item)
            notice.set_role(seg, "recipients_item")
            signing = False
            if tail is not None:
                rest.append(tail)
        elif interleaved and (_title_line(text) or parse_prefix(text) or (signing and _is_note(text))):
            rest.append(seg)  # the signature column between two items
            signing = True
        elif (
            not signing
            and rec.items
            # (when interleaved, the branch above found no title line and no prefix already)
            and not (not interleaved and _title_line(text))
            and not is_name(text)
            and not (not interleaved and parse_prefix(text))
            and not _is_stamp(text)
            and not _is_note(text)
        ):
            notice.set_role(seg, "recipients_cont")  # a hard-wrapped item
        else:
            if cell is None:
                in_list = False
                rest.append(seg)
            # in the Nơi nhận cell of a table, a line that is no item (the drafter's
            # symbol "PL.(300)", a note) stays there: the signature is in the other cell
    return rec, rest


def _signature_like(text: str) -> bool:
    """A line of the signature column: a title in capitals, an authority prefix or a name."""
    t = text.strip()
    return _title_line(t) or parse_prefix(t) is not None or is_name(t) or _is_upper_name(t)


#: characters of indentation that put a line alone in the right-hand column of a text export
_RIGHT_MIN = 24
#: how far left of the column's other lines a centred line of it may start (a long title, a name)
_RIGHT_SLACK = 10


def _right_column(notice: Notice, segments: list[Segment], label_at: int, label: Segment) -> int | None:
    """Where the right-hand column of a text export's closing starts (a character offset), or None.

    In a ``pdftotext -layout`` export the signature stands beside the ``Nơi nhận`` list: its
    lines share the list's lines (``- Như trên,      PHÓ CHÁNH VĂN PHÒNG``) or stand alone far to
    the right (the signer's name, a few lines down, between two items or below the list).  The
    column starts where the right-hand parts of the lines start (a little to the left: its lines
    are centred); a line alone that starts there belongs to it.  Only in a text file, where an
    offset is a column on the page.
    """
    if notice.document.kind == "docx" or label.paragraph.cell is not None:
        return None
    left = label.start
    starts = [
        s.start for s in segments[label_at:label_at + 12]
        if s.side in ("right", "middle") and s.start - left >= _RIGHT_MIN
    ]
    if starts:
        return max(left + _RIGHT_MIN, min(starts) - _RIGHT_SLACK)
    return left + 2 * _RIGHT_MIN  # no line shared: only a line indented far to the right


def _above(notice: Notice, segments: list[Segment], body_start: int, label_at: int, rest: list[Segment]) -> list[Segment]:
    """The first lines of the signature column that a text export put above the ``Nơi nhận`` line
    (``T/L BAN THƯỜNG VỤ`` alone to the right, then ``Nơi nhận:``, then ``K/T CHÁNH VĂN PHÒNG``)."""
    if not rest or not (rest[0].side in ("right", "middle") or rest[0].start >= _RIGHT_MIN):
        return []
    label = segments[label_at]
    right_at = _right_column(notice, segments, label_at, label)
    if right_at is None:
        return []
    out: list[Segment] = []
    k = label_at - 1
    while k >= body_start and len(out) < 3:
        seg = segments[k]
        if seg.paragraph is label.paragraph or not _title_line(seg.text):
            break
        if not (seg.side in ("right", "middle") or (seg.side == "full" and seg.start >= right_at)):
            break
        out.insert(0, seg)
        k -= 1
    return out


def _split_tail(seg: Segment) -> tuple[Segment, Segment | None]:
    """An item line of a text export that carries the signature column after it
    (``- Như trên;    KT. GIÁM ĐỐC``): the item, and the column's text."""
    if seg.side != "full":
        return seg, None
    m = _TAIL_RE.match(seg.text)
    if not m:
        return seg, None
    tail = m.group("tail")
    if not (_title_line(tail) or is_name(tail) or _is_upper_name(tail) or _is_note(tail)):
        return seg, None
    head = Segment(seg.paragraph, seg.start, seg.start + m.end("head"), seg.side)
    return head, Segment(seg.paragraph, seg.start + m.start("tail"), seg.start + m.end("tail"), "right")


def item_groups(notice: Notice) -> list[list[Segment]]:
    """Each recipient item with its continuation lines (hard-wrapped text), in order."""
    groups: list[list[Segment]] = []
    if notice.recipients is None:
        return groups
    items = {(s.index, s.start): s for s in notice.recipients.items}
    roles = notice.roles
    segments = notice.segments
    # items and their continuations are labelled after the Nơi nhận label only: start at its paragraph
    for seg in segments[_first_of(segments, notice.recipients.label.paragraph):]:
        role = roles.get((seg.paragraph.index, seg.start))
        if role == "recipients_item":
            groups.append([items.get((seg.index, seg.start), seg)])
        elif role == "recipients_cont" and groups:
            groups[-1].append(seg)
    return groups


def _first_of(segments: list[Segment], paragraph: object) -> int:
    """The position of the first segment of ``paragraph`` (its segments stand together), looked for
    from the end where the closing is; 0 when it has none."""
    i = len(segments) - 1
    while i >= 0 and segments[i].paragraph is not paragraph:
        i -= 1
    if i < 0:
        return 0
    while i > 0 and segments[i - 1].paragraph is paragraph:
        i -= 1
    return i


_ANNEX_WORDS = ("PHỤ LỤC", "Phụ lục", "Phụ Lục", "MẪU", "Mẫu", "BIỂU", "Biểu")
#: what an annex heading may start with: the first letter of an annex word, or a space before it
_ANNEX_FIRST = frozenset("PMB").union(c for c in map(chr, range(0x3001)) if c.isspace())
_FIRST = itemgetter(slice(0, 1))
_TEXT = attrgetter("text")


def find_annex(segments: list[Segment], body_start: int) -> int:
    """Where the annexes after the closing begin (``PHỤ LỤC 1``, ``Mẫu số 01`` under the signature), or
    ``len(segments)``.

    An annex is a text of its own: a sample form in it may have its own ``Nơi nhận`` and signature,
    which are not the document's.  The first annex heading (a line of its own, in capitals or a
    bare ``Phụ lục 2``) counts when a ``Nơi nhận`` label or an authority prefix stands before it.
    """
    n = len(segments)
    closed = False
    seen = body_start
    # the lines whose first character may start an annex heading (P, M, B or a space), found at
    # C speed: most lines have none
    firsts = map(_ANNEX_FIRST.__contains__, map(_FIRST, map(_TEXT, segments[body_start:])))
    for i in compress(range(body_start, n), firsts):
        seg = segments[i]
        text = seg.text
        if not text.lstrip().startswith(_ANNEX_WORDS):
            continue  # "Phòng …", "Ban …"
        if seg.side in ("left", "right"):
            continue
        from .body import parse_label  # the label patterns of the body (body imports nothing from here)

        parsed = parse_label(text)
        if parsed is None or parsed[0] != "annex":
            continue
        rest = text[parsed[5]:].strip()
        if rest and not is_upper_text(rest):
            continue  # "Phụ lục 1: Danh sách …" inside the body: no annex page
        # a closing above it: a Nơi nhận label or an authority prefix (each line looked at once)
        while not closed and seen < i:
            t = segments[seen].text
            closed = bool(RECIPIENTS_RE.match(t)) or (t.lstrip()[:1] in "TKQ" and _title_line(t)
                                                        and parse_prefix(t.strip()) is not None)
            seen += 1
        if closed:
            return i
    return n


#: "(Ban hành kèm theo Quyết định số …)", "(Kèm theo Kế hoạch số …)": the line under the title of a text
#: attached to the document (a regulation issued by a decision, a plan's programme)
_ATTACHED_RE = re.compile(r"^\s*\(\s*(?:[Bb]an\s+hành\s+)?[Kk]èm\s+theo\s")
_ATTACHED_FIRST = frozenset("(").union(c for c in map(chr, range(0x3001)) if c.isspace())
_MOTTO_FOLD = ("doc lap", "tu do", "hanh phuc", "viet nam")


def find_attached(segments: list[Segment], body_start: int, end: int) -> int:
    """Where a text attached after the closing begins (``QUY CHẾ`` / ``Phối hợp …`` / ``(Ban hành
    kèm theo Quyết định số …)`` under the signature of the decision that issues it), or ``end``.

    The attached text starts at its title (the capitals above the ``(Ban hành) kèm theo`` line,
    under at most three lines of its summary), or at the header drawn above that title (organ,
    Quốc hiệu, Tiêu ngữ, rules).  It counts only when a ``Nơi nhận`` label or an authority prefix
    stands before it; before ``end`` (an annex found by its ``PHỤ LỤC`` heading).
    """
    closed_at = None
    firsts = map(_ATTACHED_FIRST.__contains__, map(_FIRST, map(_TEXT, segments[body_start:end])))
    for i in compress(range(body_start, end), firsts):
        if not _ATTACHED_RE.match(segments[i].text):
            continue
        if closed_at is None:
            closed_at = next(
                (k for k in range(body_start, i)
                 if RECIPIENTS_RE.match(segments[k].text)
                 or (segments[k].text.lstrip()[:1] in "TKQ" and _title_line(segments[k].text)
                     and parse_prefix(segments[k].text.strip()) is not None)),
                end,
            )
        if closed_at >= i:
            continue
        title = next((k for k in range(i - 1, max(closed_at, i - 5), -1) if is_upper_text(segments[k].text.strip())
                      and segments[k].side not in ("left", "right")), None)
        if title is None:
            continue
        start = title
        while start - 1 > closed_at and _header_like(segments[start - 1].text):
            start -= 1
        return start
    return end


def _header_like(text: str) -> bool:
    """A line of the header drawn above an attached text (organ, Quốc hiệu, Tiêu ngữ, rule), never
    the signer's name written in capitals (``TRẦN VĂN LÂM``) that ends the closing above it."""
    t = text.strip()
    if not t:
        return False
    if is_upper_text(t):
        return not _is_upper_name(t) or fold(t) == "viet nam"  # "CỘNG HÒA XÃ HỘI CHỦ NGHĨA" / "VIỆT NAM"
    return t == "*" or fold(t).startswith(_MOTTO_FOLD) or not any(ch.isalnum() for ch in t)


def find_closing(notice: Notice, segments: list[Segment], body_start: int) -> int:
    """Label recipients and signature; return the index where the closing zone starts."""
    n = len(segments)
    end = n
    label_at, label_len = _label_at(segments, body_start)
    sig: Signature | None = None
    if label_at >= 0:
        rec, rest = _recipients(notice, segments, label_at, label_len)
        notice.recipients = rec
        end = label_at
        sig = parse_block(_above(notice, segments, body_start, label_at, rest) + rest)
        if sig is None:
            # the block above the label (signature first, then Nơi nhận)
            sig = _search_back(notice, segments[body_start:label_at])
    if sig is None:
        pool = [s for s in segments[body_start:] if notice.role_of(s) not in _REC_ROLES]
        sig = _search_back(notice, pool)
    if sig is not None:
        notice.signature = sig
        _mark_signature(notice, sig)
        # the first segment holding the start of a signature line
        starts: dict[int, list[int]] = {}
        for t in sig.lines:
            starts.setdefault(t.paragraph.index, []).append(t.start)
        for i, s in enumerate(segments):
            here = starts.get(s.paragraph.index)
            if here is not None and any(s.start <= t < max(s.end, s.start + 1) for t in here):
                end = min(end, i)
                break
    return end


def _search_back(notice: Notice, pool: list[Segment]) -> Signature | None:
    """A block found from the end of ``pool``: a prefix line, or title lines followed by a name."""
    for pos in range(len(pool) - 1, -1, -1):
        text = pool[pos].text.strip()
        if parse_prefix(text) and _title_line(text):
            # start at the first title line of the run (TL. CHỦ TỊCH above KT. CHÁNH VĂN PHÒNG)
            k = pos
            while k > 0 and _title_line(pool[k - 1].text) and parse_prefix(pool[k - 1].text.strip()):
                k -= 1
            sig = parse_block(pool[k:])
            if sig is not None:
                return sig
    for pos in range(len(pool) - 1, 0, -1):
        if not is_name(pool[pos].text):
            continue
        k = pos - 1
        while k >= 0 and _title_line(pool[k].text) and pos - k <= 3:
            k -= 1
        if k < pos - 1:
            sig = parse_block(pool[k + 1:])
            if sig is not None and sig.name is not None:
                return sig
    return None
