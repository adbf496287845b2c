"""Parse the number/symbol line (``Số: 18/TB-SKHCN``, ``Số 240-TB/VPTU``) once for NL11x."""

from __future__ import annotations

import functools

import re

from notice_lint.document.model import Record

__all__ = ["NumberLine", "parse_number"]

_RE = re.compile(
    r"^(?P<so>S[ốỐ])(?P<colon>\s*[:.;]?)(?P<gap>\s*)"
    r"(?P<num>\d+)?(?P<blank>[\s_.…]*?)"
    r"(?P<sep1>\s*[/\-]\s*)"
    r"(?P<sym>\S.*?)\s*$",
    re.IGNORECASE,
)


_GROUPS = ("so", "colon", "gap", "num", "blank", "sep1", "sym")
_YEAR = re.compile(r"^\d{4}\s*/\s*")


class NumberLine(Record):
    __slots__ = ("text", "colon", "num", "sep1", "symbol", "offsets")
    _fields = __match_args__ = __slots__

    def __init__(
        self, text: str, colon: str, num: str | None, sep1: str, symbol: str, offsets: dict[str, tuple[int, int]]
    ) -> None:
        self.text = text
        self.colon = colon  # what stands after "Số" ("", ":", " :")
        self.num = num  # the digits, None when left blank
        self.sep1 = sep1  # the separator after the number ("/" or "-", maybe with spaces)
        self.symbol = symbol  # the rest: "TB-SKHCN" or "TB/VPTU"
        self.offsets = offsets

    @property
    def blank(self) -> bool:
        return self.num is None

    @property
    def year_len(self) -> int:
        """Length of a year written inside the symbol (``2024/QĐ-UBND`` of a legal document), else 0."""
        m = _YEAR.match(self.symbol)
        return m.end() if m else 0

    def kind_and_organ(self, party: bool) -> tuple[str | None, str]:
        """(kind abbreviation or None, organ part) of the symbol."""
        symbol = self.symbol[self.year_len:]
        if party:
            # Số 240-TB/VPTU: sep1 is "-", symbol is "TB/VPTU"
            if "/" in symbol:
                kind, organ = symbol.split("/", 1)
                return kind.strip(), organ.strip()
            return None, symbol
        parts = [p.strip() for p in symbol.split("-")]
        if len(parts) >= 2:
            return parts[0], "-".join(parts[1:])
        return None, symbol


@functools.lru_cache(maxsize=256)  # the anatomy and several rules read the same line
def parse_number(text: str) -> NumberLine | None:
    m = _RE.match(text)
    if not m:
        return None
    offsets = {g: m.span(g) for g in _GROUPS}
    colon, num, sep1, sym = m.group("colon", "num", "sep1", "sym")
    return NumberLine(text=text, colon=colon, num=num, sep1=sep1, symbol=sym, offsets=offsets)
