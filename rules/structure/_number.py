"""Parse the number/symbol line (``Số: 18/TB-SKHCN``, ``Số 240-TB/VPTU``) once for NL11x."""

from __future__ import annotations

import functools

import re

from notice_lint.document.model import Record

__all__ = ["NumberLine", "parse_number"]

# The line is read as the pattern
#
#     ^(?P<so>S[ốỐ])(?P<colon>\s*[:.;]?)(?P<gap>\s*)(?P<num>\d+)?(?P<blank>[\s_.…]*?)
#     (?P<sep1>\s*[/\-]\s*)(?P<sym>\S.*?)\s*$            (case-insensitive)
#
# would read it, step by step (_match): the pattern backtracks through its runs of spaces,
# cubic in their length on a line that does not match.  Every choice the pattern could
# revise leads to the same outcome as its first one (a shorter space run before the mark
# leaves the mark unmatched; fewer digits leave a digit no group takes; a longer blank
# meets the same «/» or «-»), so the first choices are the match.
_SO = re.compile(r"S[ốỐ]", re.IGNORECASE)
_SPACES = re.compile(r"\s*")
_DIGITS = re.compile(r"\d+")
_BLANKS = re.compile(r"[\s_.…]*")


def _match(text: str) -> dict[str, tuple[int, int]] | None:
    """The spans of the pattern's groups in ``text``, or None where it does not match."""
    if _SO.match(text) is None:
        return None
    n = len(text)
    at = _SPACES.match(text, 2).end()
    if at < n and text[at] in ":.;":
        at += 1
    spans = {"so": (0, 2), "colon": (2, at)}
    gap = _SPACES.match(text, at).end()
    spans["gap"] = (at, gap)
    digits = _DIGITS.match(text, gap)
    num_end = digits.end() if digits else gap
    spans["num"] = (gap, num_end) if digits else (-1, -1)
    run_end = _BLANKS.match(text, num_end).end()  # the «/» or «-» ends the run of blanks
    if run_end >= n or text[run_end] not in "/-":
        return None
    blank_end = num_end + len(text[num_end:run_end].rstrip())  # spaces before the mark are sep1's
    spans["blank"] = (num_end, blank_end)
    sym = _SPACES.match(text, run_end + 1).end()
    if sym >= n:
        return None
    spans["sep1"] = (blank_end, sym)
    end = len(text.rstrip())  # past the symbol's last non-space («.» never crosses a line break)
    if "\n" in text[sym:end]:
        return None
    spans["sym"] = (sym, end)
    return spans


_GROUPS = ("so", "colon", "gap", "num", "blank", "sep1", "sym")
_YEAR = re.compile(r"^\d{4}\s*/\s*")
_DOT_JOIN = re.compile(r"(?<=[A-Za-zĐđ0-9])[._](?=[A-ZĐ])")


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
        if len(parts) == 1 and _DOT_JOIN.search(symbol):
            parts = [p.strip() for p in _DOT_JOIN.split(symbol)]  # "TB.SCT": NL111 reports the dot
        if len(parts) >= 2:
            return parts[0], "-".join(parts[1:])
        return None, symbol


@functools.lru_cache(maxsize=256)  # the anatomy and several rules read the same line
def parse_number(text: str) -> NumberLine | None:
    offsets = _match(text)
    if offsets is None:
        return None
    colon, num, sep1, sym = (None if a < 0 else text[a:b] for a, b in (offsets[g] for g in ("colon", "num", "sep1", "sym")))
    return NumberLine(text=text, colon=colon, num=num, sep1=sep1, symbol=sym, offsets=offsets)
