"""Helpers shared by the rules of the top of a document (NL10x, NL11x, NL12x, NL13x)."""

from __future__ import annotations

from notice_lint.rule import ANY_PROFILE

from typing import Any

from notice_lint.anatomy import instrument, place_date_of
from notice_lint.anatomy.header import PlaceDate

__all__ = [
    "PARTY_AND_LEGACY",
    "has_top",
    "instrument_row",
    "instrument_name",
    "number_example",
    "place_date",
    "where_after_header",
    "option_list",
    "title_from_number",
    "entry_from_number",
    "is_cong_van",
]

#: every profile, the Party instruction before HD 36 included (for checks all instructions share)
PARTY_AND_LEGACY: tuple[str, ...] = ANY_PROFILE


def instrument_row(notice: Any, ctx: Any) -> dict[str, Any]:
    return instrument(notice.profile, ctx.data.get("instruments") if ctx is not None else None)


def instrument_name(notice: Any, ctx: Any) -> str:
    row = instrument_row(notice, ctx)
    return str(row.get("name") or notice.profile)


def number_example(notice: Any, ctx: Any) -> str:
    row = instrument_row(notice, ctx)
    if notice.kind == "CV":
        ex = row.get("cv_number_example")
    else:
        ex = row.get("number_example")
    if ex:
        return str(ex)
    if notice.is_party:
        return "Số 12-CV/TU" if notice.kind == "CV" else "Số 05-TB/VPTU"
    return "Số: 12/SKHCN-VP" if notice.kind == "CV" else "Số: 18/TB-SKHCN"


def title_from_number(notice: Any, ctx: Any) -> str | None:
    """The title the number's kind code stands for (``TB`` → ``THÔNG BÁO``), or None."""
    entry = entry_from_number(notice, ctx)
    return str(entry["title"]) if entry is not None else None


def entry_from_number(notice: Any, ctx: Any) -> dict[str, Any] | None:
    """The row of the kinds table the number's kind code stands for, or None."""
    from notice_lint.anatomy import kind_columns
    from notice_lint.anatomy.header import kind_titles

    from ._number import parse_number

    if notice.number is None:
        return None
    line = parse_number(notice.number.text)
    if line is None:
        return None
    code, _ = line.kind_and_organ(notice.is_party)
    if not code:
        return None
    instruments = ctx.data.get("instruments")
    columns = kind_columns(notice.profile, instruments)  # what kind_code reads, found once
    folded = code.casefold()
    for _, entry in kind_titles(ctx.data.get("kinds")):
        for col in columns:
            if col in entry:
                want = entry[col]
                if want and want.casefold() == folded:
                    return entry
                break
    return None


def is_cong_van(notice: Any, ctx: Any) -> bool:
    """A công văn: so found by the anatomy, or a state document with no title whose number has no kind code."""
    if notice.kind == "CV":
        return True
    if notice.title is not None or notice.is_party or notice.number is None:
        return False
    return title_from_number(notice, ctx) is None


def has_top(notice: Any) -> bool:
    """Whether the document has any part of a header (a text that starts at its title has none)."""
    return bool(
        notice.national is not None
        or notice.motto is not None
        or notice.party_header is not None
        or notice.organ
        or notice.number is not None
        or notice.place_date is not None
    )


def place_date(notice: Any) -> PlaceDate | None:
    return place_date_of(notice)


def where_after_header(notice: Any) -> int:
    """The paragraph where a missing title or summary belongs: after the last header line."""
    last = 0
    for seg in (notice.national, notice.motto, notice.party_header, notice.number, notice.place_date,
                notice.organ_star, *notice.organ, *notice.subject):
        if seg is not None:
            last = max(last, seg.index)
    if last == 0:
        return 1
    n = len(notice.paragraphs)
    return min(last + 1, n) if n else 1


def option_list(ctx: Any, key: str) -> list[str]:
    value = ctx.option(key)
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value]
    return []
