"""Find the parts of a notice once, for every rule: ``parse(document) -> Notice``.

The anatomy never raises: a part it cannot find is ``None`` (or empty), and
the rule for that part reports it missing.
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
from typing import Any

from ..document.model import Document
from ..vntext import fold, is_upper_text
from .body import find_headings
from .closing import find_closing
from .header import PlaceDate, date_bounds, find_header, is_place_date, parse_place_date
from .model import Heading, Notice, Recipients, Segment, Signature

__all__ = [
    "parse", "Notice", "Segment", "Heading", "Signature", "Recipients", "segments_of", "choose_profile",
    "instrument", "kind_code", "kind_columns", "estimated_date", "place_date_of", "DEFAULT_INSTRUMENTS",
]

PARTY_ORGAN_PREFIXES = (
    "tinh uy", "thanh uy", "huyen uy", "quan uy", "thi uy", "dang uy", "dang bo", "chi bo",
    "ban chap hanh", "ban thuong vu", "ban tuyen giao", "ban to chuc", "ban dan van",
    "uy ban kiem tra", "van phong tinh uy", "van phong thanh uy", "ban chap hanh trung uong",
    "ban bi thu", "bo chinh tri", "dang doan", "ban can su dang",
)
HD36_FROM = _dt.date(2018, 4, 3)
HD05_FROM = _dt.date(2026, 5, 27)
# possessive runs (``*+``): the same lines as ``^S[ốỐ]\s*:?\s*[\d\s_.…]*-\s*[A-ZĐ][A-Za-zĐđ]*\s*/``, without
# trying every way to share a long run of spaces among the three space classes
PARTY_NUMBER_RE = re.compile(r"^S[ốỐ]\s*+:?[\d\s_.…]*+-\s*+[A-ZĐ][A-Za-zĐđ]*+\s*+/", re.UNICODE)
STATE_NUMBER_RE = re.compile(r"^S[ốỐ]\s*+:?[\d\s_.…]*+/\s*+[A-ZĐ][A-Za-zĐđ&]*+\s*+-", re.UNICODE)


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
    return out


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


#: Used when no ``instruments`` table is given (the built-in table is rules/data/instruments.toml).
DEFAULT_INSTRUMENTS: tuple[dict[str, Any], ...] = (
    {"profile": "nd30", "family": "state", "from": _dt.date(2020, 3, 5), "kinds": "state"},
    {"profile": "hd11", "family": "party", "from": _dt.date(2004, 5, 28), "kinds": "party"},
    {"profile": "hd36", "family": "party", "from": HD36_FROM, "kinds": "hd36"},
    {"profile": "hd05", "family": "party", "from": HD05_FROM, "kinds": "hd05"},
)


def instrument(profile: str, instruments: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """The row of the instruments table for ``profile`` (an empty dict when unknown)."""
    for row in instruments or DEFAULT_INSTRUMENTS:
        if row.get("profile") == profile:
            return row
    if instruments:
        return instrument(profile, None)
    return {}


def kind_code(entry: dict[str, Any] | None, profile: str, instruments: list[dict[str, Any]] | None = None) -> str | None:
    """The kind abbreviation of a kinds-table row under ``profile`` (None when the table has none)."""
    if not entry:
        return None
    for col in kind_columns(profile, instruments):
        if col in entry:
            return entry[col]
    return None


def kind_columns(profile: str, instruments: list[dict[str, Any]] | None = None) -> tuple[str, str]:
    """The kinds-table columns ``kind_code`` reads under ``profile``, the first present one wins.

    A rule that looks up many rows computes these once and reads each row as ``kind_code`` does.
    """
    row = instrument(profile, instruments)
    family = row.get("family", "state" if profile == "nd30" else "party")
    column = row.get("kinds", "state" if family == "state" else "party")
    return column, (family if family == "party" else "state")


def place_date_of(notice: Notice) -> PlaceDate | None:
    return parse_place_date(notice.place_date.text.strip()) if notice.place_date is not None else None


def estimated_date(notice: Notice, today: _dt.date) -> tuple[_dt.date, str]:
    """The date that decides the instrument, and how it was found.

    A complete date is itself.  A draft that leaves the day (or day and month)
    blank will be signed within that month (year), and not before today: the
    latest of the period's first day and today, capped at its last day.  No
    date at all: today (the instrument in force now).
    """
    bounds = date_bounds(place_date_of(notice))
    if bounds is None:
        return today, "today"
    lo, hi = bounds
    if lo == hi:
        return lo, "date"
    return max(lo, min(today, hi)), "partial date"


def choose_profile(
    notice: Notice, override: str | None, today: _dt.date, instruments: list[dict[str, Any]] | None = None
) -> None:
    """Decide ``notice.profile`` from the header (or the override) and the date."""
    evidence: list[str] = []
    party = 0
    state = 0
    if notice.party_header is not None:
        party += 2
        evidence.append(f"line {notice.party_header.index}: ĐẢNG CỘNG SẢN VIỆT NAM")
    if notice.national is not None:
        state += 2
        evidence.append(f"line {notice.national.index}: Quốc hiệu")
    if notice.motto is not None and notice.national is None:
        state += 2
        evidence.append(f"line {notice.motto.index}: Tiêu ngữ")
    for seg in notice.organ:
        if fold(seg.text.strip()).startswith(PARTY_ORGAN_PREFIXES):
            party += 1
            evidence.append(f"line {seg.index}: Party organ '{seg.text.strip()}'")
            break
    if notice.organ_star is not None:
        party += 1
        evidence.append(f"line {notice.organ_star.index}: '*' under the organ")
    if notice.number is not None:
        t = notice.number.text.strip()
        if PARTY_NUMBER_RE.match(t):
            party += 1
            evidence.append(f"line {notice.number.index}: Party number form")
        elif STATE_NUMBER_RE.match(t):
            state += 1
            evidence.append(f"line {notice.number.index}: state number form")
    choice = (override or "auto").lower()
    if choice in ("nd30", "hd36", "hd05", "hd11"):
        notice.profile, notice.profile_source = choice, "config"
    elif choice == "party" or (choice == "auto" and party > state):
        when, how = estimated_date(notice, today)
        notice.profile = _party_instrument(when, today, instruments)
        notice.profile_source = "config" if choice == "party" else "detected"
        evidence.append(f"instrument by {how} {when.isoformat()}")
    else:
        notice.profile = "nd30"
        notice.profile_source = "detected" if state > 0 else "assumed"
    notice.evidence = evidence


def _party_instrument(
    date: _dt.date | None, today: _dt.date, instruments: list[dict[str, Any]] | None = None
) -> str:
    """The Party instruction in force on ``date`` (today when None)."""
    d = date or today
    rows = [r for r in (instruments or DEFAULT_INSTRUMENTS) if r.get("family") == "party" and r.get("from")]
    rows.sort(key=lambda r: r["from"])
    chosen = None
    for row in rows:
        if _as_date(row["from"]) <= d:
            chosen = row["profile"]
    if chosen is None:
        return rows[0]["profile"] if rows else "hd36"
    return chosen


def _as_date(value: Any) -> _dt.date:
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    return _dt.date.fromisoformat(str(value))


def parse(
    document: Document,
    kinds: list[dict[str, Any]] | None = None,
    *,
    profile: str | None = None,
    today: _dt.date | None = None,
    instruments: list[dict[str, Any]] | None = None,
) -> Notice:
    notice = Notice(document=document)
    try:
        segments = segments_of(document)
        notice.segments = segments
        body_start = find_header(notice, segments, kinds or [])
        body_end = find_closing(notice, segments, body_start)
        notice.body_start = body_start
        roles = notice.roles
        notice.body = [s for s in segments[body_start:body_end] if roles.get((s.paragraph.index, s.start)) is None]
        for seg in notice.body:
            roles[(seg.paragraph.index, seg.start)] = "body"
        find_headings(notice, notice.body)
    except Exception:  # the anatomy never raises: what it found so far stands
        import logging

        logging.getLogger(__name__).debug("anatomy failed on %s", document.path, exc_info=True)
    try:
        choose_profile(notice, profile, today or _dt.date.today(), instruments)
    except (TypeError, ValueError, KeyError, AttributeError):  # a malformed instruments table
        choose_profile(notice, profile, today or _dt.date.today(), None)
    _resolve_kind(notice, instruments)
    return notice


def _resolve_kind(notice: Notice, instruments: list[dict[str, Any]] | None) -> None:
    """The kind abbreviation of the title under the chosen profile (QĐi under HD 36, QĐ under HD 05…)."""
    if notice.kind_entry:
        notice.kind = kind_code(notice.kind_entry, notice.profile, instruments)
