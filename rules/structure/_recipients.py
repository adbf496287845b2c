"""Shared reading of the ``Nơi nhận`` list for NL160–NL162."""

from __future__ import annotations

import re

from notice_lint.anatomy.closing import item_groups
from notice_lint.anatomy.model import Notice, Segment
from notice_lint.document.model import Record
from notice_lint.vntext import fold

from ._signature import closing_profile

__all__ = ["Item", "items", "item_ending", "is_internal_paper", "ARCHIVE_RE", "BULLET_RE"]

BULLET_RE = re.compile(r"^(?P<lead>\s*)(?P<bullet>[-–—+•*])(?P<space>\s*)")
ARCHIVE_RE = re.compile(r"^L[ưu]u\b", re.IGNORECASE)
_MONTH_YEAR = re.compile(r"tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.IGNORECASE)
_YEAR = re.compile(r"năm\s+(\d{4})", re.IGNORECASE)


class Item(Record):
    __slots__ = ("lines",)
    _fields = __match_args__ = __slots__

    def __init__(self, lines: list[Segment]) -> None:
        self.lines = lines

    @property
    def first(self) -> Segment:
        return self.lines[0]

    @property
    def last(self) -> Segment:
        return self.lines[-1]

    @property
    def content(self) -> str:
        """The item's text after its bullet, its lines joined by one space."""
        lines = self.lines
        text = lines[0].text.strip() if len(lines) == 1 else " ".join(s.text.strip() for s in lines)
        m = BULLET_RE.match(text)
        return text[m.end():] if m else text

    def bullet(self) -> re.Match[str] | None:
        return BULLET_RE.match(self.first.text)


def items(notice: Notice) -> list[Item]:
    """The items of the list (read once per notice for NL160–NL162: do not change the list)."""
    its = notice.derived.get("_recipients.items")
    if its is None:
        its = notice.derived["_recipients.items"] = [Item(g) for g in item_groups(notice)]
    return its


def item_ending(notice: Notice) -> tuple[str, ...]:
    """The punctuation that ends every item but the last: ``;`` (NĐ 30, HD 05), ``,`` (HD 36);
    empty when the profile of the document is unknown.

    A Party document whose issue date is incomplete (a draft: ``ngày … tháng
    10 năm 2025``) is judged by the instrument in force in that month; in May
    2026 (HD 36 until the 26th, HD 05 from the 27th) both endings are accepted.
    """
    judged = closing_profile(notice)
    if judged is None:
        return ()
    if judged == "nd30":
        return (";",)
    if notice.profile_source == "assumed":
        return (",", ";")  # a Party text without its header: the instrument is unknown
    profile = notice.profile
    if notice.date is None and notice.place_date is not None and notice.profile_source != "config":
        text = notice.place_date.text
        m = _MONTH_YEAR.search(text)
        if m:
            ym = (int(m.group(2)), int(m.group(1)))
            if ym < (2026, 5):
                profile = "hd36"
            elif ym > (2026, 5):
                profile = "hd05"
            else:
                return (",", ";")
        else:
            y = _YEAR.search(text)
            if y and int(y.group(1)) < 2026:
                profile = "hd36"
            elif y and int(y.group(1)) == 2026:
                return (",", ";")
    if profile == "hd36":
        return (",",)
    if profile == "hd05":
        return (";",)
    return (",", ";")


_SUBUNIT = ("phong ", "to ", "bo phan ", "doi ")


def is_internal_paper(notice: Notice) -> bool:
    """A paper a sub-unit (phòng, tổ, bộ phận, đội) writes inside its organ.

    Such a unit has no văn thư (VT) of its own: the paper carries no number
    from the organ's register (no ``Số`` line) and its copy is kept by the
    unit, so its ``Lưu`` item names the unit without ``VT``.  A phòng that is
    an organ of its own (a district phòng) numbers its documents: with a
    number line, ``VT`` is required.
    """
    if notice.number is not None or notice.is_party:
        return False
    if not notice.organ:
        return False
    return fold(notice.organ[-1].text.strip()).startswith(_SUBUNIT)
