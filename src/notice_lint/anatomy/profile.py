"""Choose the instrument a notice follows (NĐ 30, HD 11, HD 36, HD 05) from its header and date."""

from __future__ import annotations

import datetime as _dt
import re
from typing import Any

from ..vntext import fold
from .header import PlaceDate, date_bounds, has_mass_title, parse_place_date
from .model import Notice

__all__ = [
    "choose_profile", "instrument", "kind_code", "kind_columns", "estimated_date", "place_date_of",
    "DEFAULT_INSTRUMENTS", "PARTY_ORGAN_PREFIXES", "HD36_FROM", "HD05_FROM",
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
    if has_mass_title(notice):
        # a mass organisation (Hội Nông dân, Đoàn Thanh niên…) is no Party body even when its
        # header has a "*" and a Ban Thường vụ: the state form is the nearer one
        state += 4
        evidence.append("a mass organisation's title line")
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
