"""What the anatomy finds: the parts of a notice, labelled once for every rule."""

from __future__ import annotations

import datetime as _dt
from typing import Any, Iterator

from ..document.model import Document, Paragraph, Record

__all__ = ["Segment", "JoinedSegment", "Heading", "Signature", "Recipients", "Notice"]


# Written out by hand, as the document model is (see document/model.py): the
# same ``__init__``, ``__repr__`` and ``__eq__`` a dataclass would generate,
# without building them with ``exec`` at every start.


class Segment(Record):
    """A stretch ``paragraph.text[start:end]``: a whole paragraph or one of its columns."""

    __slots__ = ("paragraph", "start", "end", "side", "text")
    _fields = __match_args__ = ("paragraph", "start", "end", "side")

    side: str  # "left" / "right" / "full": where it sits on the page
    #: ``paragraph.text[start:end]``, sliced once: the anatomy and the rules read it ~4 times per segment
    #: (the slice of a whole line is the line itself, no copy)
    text: str

    def __init__(self, paragraph: Paragraph, start: int, end: int, side: str = "full") -> None:
        self.paragraph = paragraph
        self.start = start
        self.end = end
        self.side = side
        self.text = paragraph.text[start:end]

    @property
    def index(self) -> int:
        return self.paragraph.index

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"<Segment {self.index}:{self.start}-{self.end} {self.side} {self.text[:40]!r}>"


class JoinedSegment(Segment):
    """A line a narrow column wrapped, read as one: ``Lào Cai, ngày 05 tháng 3 năm`` ⏎ ``2024``.

    ``text`` is the head ``paragraph.text[start:head_end]``, one space, then the tail
    ``tail.text[tail_start:tail_end]`` (and, for a line wrapped twice, one space and each further
    piece of ``more``: ``Độc lập -`` ⏎ ``Tự do -`` ⏎ ``Hạnh phúc``). An offset ``start + k`` up to
    ``head_end`` is one of the head's paragraph; a larger one stands for an offset in a tail's
    paragraph: :meth:`locate` gives it, and the runner moves findings there.
    """

    __slots__ = ("head_end", "tail", "tail_start", "tail_end", "parts")

    def __init__(self, paragraph: Paragraph, start: int, head_end: int, tail: Paragraph, tail_start: int,
                 tail_end: int, side: str = "full", more: tuple[tuple[Paragraph, int, int], ...] = ()) -> None:
        super().__init__(paragraph, start, head_end, side)
        self.head_end = head_end
        self.tail = tail
        self.tail_start = tail_start
        self.tail_end = tail_end
        #: every tail piece as (paragraph, start, end), in order
        self.parts = ((tail, tail_start, tail_end), *more)
        text = paragraph.text[start:head_end]
        for para, s, e in self.parts:
            text += " " + para.text[s:e]
        self.text = text
        self.end = start + len(text)

    def locate(self, offset: int) -> tuple[Paragraph, int]:
        """The paragraph and the offset in it of a virtual offset ``start + k`` of this segment."""
        if offset <= self.head_end:
            return self.paragraph, offset
        pos = self.head_end + 1  # where the first tail piece starts
        last = len(self.parts) - 1
        for k, (para, s, e) in enumerate(self.parts):
            if k == last or offset <= pos + (e - s):
                return para, min(s + max(offset - pos, 0), e)
            pos += e - s + 1
        raise AssertionError("unreachable")  # pragma: no cover


class Heading(Record):
    """A numbered heading or point in the body."""

    __slots__ = ("segment", "kind", "label", "value", "separator", "auto", "label_start", "label_end")
    _fields = __match_args__ = __slots__

    kind: str  # "roman" | "arabic" | "decimal" | "letter" | "dash" | "article" ("Điều 3.") | "part" ("Chương II")
    label: str  # the visible label, e.g. "II.", "1.2.", "a)"
    value: object  # int for roman/arabic, tuple[int, ...] for decimal, str for letter
    separator: str  # ".", "-", ")", or "" for decimal/dash
    auto: bool  # the label is drawn by Word's automatic numbering
    label_start: int | None  # offsets of a typed label in the text

    def __init__(
        self,
        segment: Segment,
        kind: str,
        label: str,
        value: object,
        separator: str,
        auto: bool = False,
        label_start: int | None = None,
        label_end: int | None = None,
    ) -> None:
        self.segment = segment
        self.kind = kind
        self.label = label
        self.value = value
        self.separator = separator
        self.auto = auto
        self.label_start = label_start
        self.label_end = label_end


class Signature(Record):
    """The signature block: authority prefix line(s), titles, the signer's name."""

    __slots__ = ("lines", "prefix", "titles", "name", "stamp")
    _fields = __match_args__ = __slots__

    prefix: Segment | None  # the line with TM./KT./TL./TUQ./Q. or T/M, K/T, T/L
    titles: list[Segment]  # every title line, prefix line included
    stamp: list[Segment]  # e-signature stamp lines (not the block)

    def __init__(
        self,
        lines: list[Segment] | None = None,
        prefix: Segment | None = None,
        titles: list[Segment] | None = None,
        name: Segment | None = None,
        stamp: list[Segment] | None = None,
    ) -> None:
        self.lines = [] if lines is None else lines
        self.prefix = prefix
        self.titles = [] if titles is None else titles
        self.name = name
        self.stamp = [] if stamp is None else stamp


class Recipients(Record):
    __slots__ = ("label", "items")
    _fields = __match_args__ = __slots__

    def __init__(self, label: Segment, items: list[Segment] | None = None) -> None:
        self.label = label
        self.items = [] if items is None else items


_NOTICE_FIELDS = (
    "document", "profile", "profile_source", "evidence", "segments", "national", "motto", "party_header", "organ",
    "organ_star", "number", "place_date", "date", "title", "kind", "kind_entry", "summary", "subject", "addressee",
    "body", "headings", "signature", "recipients", "body_start", "roles",
)


class Notice(Record):
    """A document with its parts labelled.  A part not found is ``None`` or empty."""

    _fields = __match_args__ = _NOTICE_FIELDS

    profile: str  # "nd30" | "hd36" | "hd05" | "hd11" (Party, before 03/4/2018)
    profile_source: str  # "detected" | "config" | "assumed"
    segments: list[Segment]  # every segment, reading order
    national: Segment | None  # CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
    motto: Segment | None  # Độc lập - Tự do - Hạnh phúc
    party_header: Segment | None  # ĐẢNG CỘNG SẢN VIỆT NAM
    organ: list[Segment]  # parent organ + issuing organ lines
    organ_star: Segment | None  # the "*" under a Party organ
    date: _dt.date | None  # the issue date, when complete and valid
    kind: str | None  # kind abbreviation from the title ("TB", "QĐ"…) or "CV"
    kind_entry: dict | None  # the row of the kinds table the title matched
    subject: list[Segment]  # "V/v …" of a công văn
    addressee: list[Segment]  # "Kính gửi: …" lines
    body_start: int  # index into segments of the first body segment
    roles: dict[tuple[int, int], str]  # (paragraph, start) -> role

    def __init__(
        self,
        document: Document,
        profile: str = "nd30",
        profile_source: str = "assumed",
        evidence: list[str] | None = None,
        segments: list[Segment] | None = None,
        national: Segment | None = None,
        motto: Segment | None = None,
        party_header: Segment | None = None,
        organ: list[Segment] | None = None,
        organ_star: Segment | None = None,
        number: Segment | None = None,
        place_date: Segment | None = None,
        date: _dt.date | None = None,
        title: Segment | None = None,
        kind: str | None = None,
        kind_entry: dict | None = None,
        summary: list[Segment] | None = None,
        subject: list[Segment] | None = None,
        addressee: list[Segment] | None = None,
        body: list[Segment] | None = None,
        headings: list[Heading] | None = None,
        signature: Signature | None = None,
        recipients: Recipients | None = None,
        body_start: int = 0,
        roles: dict[tuple[int, int], str] | None = None,
    ) -> None:
        self.document = document
        self.profile = profile
        self.profile_source = profile_source
        self.evidence = [] if evidence is None else evidence
        self.segments = [] if segments is None else segments
        self.national = national
        self.motto = motto
        self.party_header = party_header
        self.organ = [] if organ is None else organ
        self.organ_star = organ_star
        self.number = number
        self.place_date = place_date
        self.date = date
        self.title = title
        self.kind = kind
        self.kind_entry = kind_entry
        self.summary = [] if summary is None else summary
        self.subject = [] if subject is None else subject
        self.addressee = [] if addressee is None else addressee
        self.body = [] if body is None else body
        self.headings = [] if headings is None else headings
        self.signature = signature
        self.recipients = recipients
        self.body_start = body_start
        self.roles = {} if roles is None else roles
        #: what rules derive from the notice and share (not a field: no part of equality or repr);
        #: kept here, not on the document's meta, so that no reference cycle holds a document
        self.derived: dict[str, Any] = {}

    @property
    def is_party(self) -> bool:
        return self.profile != "nd30"

    @property
    def paragraphs(self) -> list[Paragraph]:
        return self.document.paragraphs

    def role_of(self, segment: Segment) -> str | None:
        return self.roles.get((segment.index, segment.start))

    def set_role(self, segment: Segment, role: str) -> None:
        self.roles[(segment.index, segment.start)] = role

    def name_segments(self) -> Iterator[Segment]:
        """Segments that hold personal names or stamps: language rules leave them alone."""
        if self.signature:
            if self.signature.name:
                yield self.signature.name
            yield from self.signature.stamp
