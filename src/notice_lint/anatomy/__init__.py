"""Find the parts of a notice once, for every rule: ``parse(document) -> Notice``.

The anatomy never raises: a part it cannot find is ``None`` (or empty), and
the rule for that part reports it missing.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Any

from ..document.model import Document
from ..vntext import fold
from .body import find_headings
from .closing import find_closing
from .header import find_header
from .model import Heading, Notice, Recipients, Segment, Signature

__all__ = ["parse", "Notice", "Segment", "Heading", "Signature", "Recipients", "segments_of", "choose_profile"]

PARTY_ORGAN_PREFIXES = (
    "tinh uy", "thanh uy", "huyen uy", "quan uy", "thi uy", "dang uy", "dang bo", "chi bo",
    "ban chap hanh", "ban thuong vu", "ban tuyen giao", "ban to chuc", "ban dan van",
    "uy ban kiem tra", "van phong tinh uy", "van phong thanh uy", "ban chap hanh trung uong",
    "ban bi thu", "bo chinh tri", "dang doan", "ban can su dang",
)
HD36_FROM = _dt.date(2018, 4, 3)
HD05_FROM = _dt.date(2026, 5, 27)
PARTY_NUMBER_RE = re.compile(r"^S[ốỐ]\s+\d*\s*-\s*[A-ZĐ]", re.UNICODE)


def segments_of(document: Document) -> list[Segment]:
    out: list[Segment] = []
    for para in document.paragraphs:
        if not para.text.strip():
            continue
        cols = para.columns
        cell_side = para.cell.side if para.cell is not None else None
        if len(cols) <= 1:
            s, e = cols[0] if cols else (0, len(para.text))
            out.append(Segment(para, s, e, cell_side or "full"))
        else:
            for k, (s, e) in enumerate(cols):
                side = "left" if k == 0 else ("right" if k == len(cols) - 1 else "middle")
                out.append(Segment(para, s, e, side))
    return out


def choose_profile(notice: Notice, override: str | None, today: _dt.date) -> None:
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
        elif ":" in t[:5]:
            state += 1
            evidence.append(f"line {notice.number.index}: state number form (colon)")
    choice = (override or "auto").lower()
    if choice in ("nd30", "hd36", "hd05"):
        notice.profile, notice.profile_source = choice, "config"
    elif choice == "party" or (choice == "auto" and party > state):
        notice.profile = _party_instrument(notice.date, today)
        notice.profile_source = "config" if choice == "party" else "detected"
    else:
        notice.profile = "nd30"
        notice.profile_source = "detected" if state > 0 else "assumed"
    notice.evidence = evidence


def _party_instrument(date: _dt.date | None, today: _dt.date) -> str:
    d = date or today
    if d >= HD05_FROM:
        return "hd05"
    if d >= HD36_FROM:
        return "hd36"
    return "hd11"


def parse(
    document: Document,
    kinds: list[dict[str, Any]] | None = None,
    *,
    profile: str | None = None,
    today: _dt.date | None = None,
) -> Notice:
    notice = Notice(document=document)
    try:
        segments = segments_of(document)
        notice.segments = segments
        body_start = find_header(notice, segments, kinds or [])
        body_end = find_closing(notice, segments, body_start)
        notice.body_start = body_start
        notice.body = [
            s for s in segments[body_start:body_end] if notice.role_of(s) is None
        ]
        for seg in notice.body:
            notice.set_role(seg, "body")
        find_headings(notice, notice.body)
    except Exception:  # the anatomy never raises: what it found so far stands
        import logging

        logging.getLogger(__name__).debug("anatomy failed on %s", document.path, exc_info=True)
    if notice.is_party or notice.party_header is not None:
        _party_kind(notice, kinds or [])
    choose_profile(notice, profile, today or _dt.date.today())
    if notice.profile != "nd30" and notice.title is not None:
        _party_kind(notice, kinds or [])
    return notice


def _party_kind(notice: Notice, kinds: list[dict[str, Any]]) -> None:
    entry = notice.kind_entry
    if not entry:
        if notice.title is None and notice.kind == "CV":
            notice.kind = "CV"
        return
    inst = notice.profile if notice.profile in ("hd36", "hd05") else "hd36"
    notice.kind = entry.get(inst, entry.get("party", entry.get("state")))
