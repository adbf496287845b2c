"""What the anatomy finds: the parts of a notice, labelled once for every rule."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Iterator

from ..document.model import Document, Paragraph

__all__ = ["Segment", "Heading", "Signature", "Recipients", "Notice"]


@dataclass(slots=True)
class Segment:
    """A stretch ``paragraph.text[start:end]``: a whole paragraph or one of its columns."""

    paragraph: Paragraph
    start: int
    end: int
    side: str = "full"  # "left" / "right" / "full": where it sits on the page

    @property
    def text(self) -> str:
        return self.paragraph.text[self.start : self.end]

    @property
    def index(self) -> int:
        return self.paragraph.index

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"<Segment {self.index}:{self.start}-{self.end} {self.side} {self.text[:40]!r}>"


@dataclass(slots=True)
class Heading:
    """A numbered heading or point in the body."""

    segment: Segment
    kind: str  # "roman" | "arabic" | "decimal" | "letter" | "dash" | "article" ("Điều 3.") | "part" ("Chương II")
    label: str  # the visible label, e.g. "II.", "1.2.", "a)"
    value: object  # int for roman/arabic, tuple[int, ...] for decimal, str for letter
    separator: str  # ".", "-", ")", or "" for decimal/dash
    auto: bool = False  # the label is drawn by Word's automatic numbering
    label_start: int | None = None  # offsets of a typed label in the text
    label_end: int | None = None


@dataclass(slots=True)
class Signature:
    """The signature block: authority prefix line(s), titles, the signer's name."""

    lines: list[Segment] = field(default_factory=list)
    prefix: Segment | None = None  # the line with TM./KT./TL./TUQ./Q. or T/M, K/T, T/L
    titles: list[Segment] = field(default_factory=list)  # every title line, prefix line included
    name: Segment | None = None
    stamp: list[Segment] = field(default_factory=list)  # e-signature stamp lines (not the block)


@dataclass(slots=True)
class Recipients:
    label: Segment
    items: list[Segment] = field(default_factory=list)


@dataclass
class Notice:
    """A document with its parts labelled.  A part not found is ``None`` or empty."""

    document: Document
    profile: str = "nd30"  # "nd30" | "hd36" | "hd05" | "hd11" (Party, before 03/4/2018)
    profile_source: str = "assumed"  # "detected" | "config" | "assumed"
    evidence: list[str] = field(default_factory=list)
    segments: list[Segment] = field(default_factory=list)  # every segment, reading order
    national: Segment | None = None  # CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
    motto: Segment | None = None  # Độc lập - Tự do - Hạnh phúc
    party_header: Segment | None = None  # ĐẢNG CỘNG SẢN VIỆT NAM
    organ: list[Segment] = field(default_factory=list)  # parent organ + issuing organ lines
    organ_star: Segment | None = None  # the "*" under a Party organ
    number: Segment | None = None
    place_date: Segment | None = None
    date: _dt.date | None = None  # the issue date, when complete and valid
    title: Segment | None = None
    kind: str | None = None  # kind abbreviation from the title ("TB", "QĐ"…) or "CV"
    kind_entry: dict | None = None  # the row of the kinds table the title matched
    summary: list[Segment] = field(default_factory=list)
    subject: list[Segment] = field(default_factory=list)  # "V/v …" of a công văn
    addressee: list[Segment] = field(default_factory=list)  # "Kính gửi: …" lines
    body: list[Segment] = field(default_factory=list)
    headings: list[Heading] = field(default_factory=list)
    signature: Signature | None = None
    recipients: Recipients | None = None
    body_start: int = 0  # index into segments of the first body segment
    roles: dict[tuple[int, int], str] = field(default_factory=dict)  # (paragraph, start) -> role

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
