"""``parse(document) -> Notice``: segments, header, closing, body, headings, then the profile.

The anatomy never raises: a part it cannot find is ``None`` (or empty), and
the rule for that part reports it missing.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any

from ..document.model import Document
from .body import find_headings
from .closing import find_annex, find_attached, find_closing
from .header import find_header
from .model import Heading, Notice
from .profile import choose_profile, kind_code
from .segments import segments_of

__all__ = ["parse"]


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
        # annexes after the closing: texts of their own
        annex_at = find_annex(segments, body_start)
        # a text issued by the document, after its closing (a regulation under its decision)
        attached_at = find_attached(segments, body_start, annex_at)
        attached = attached_at < annex_at
        annex_at = min(annex_at, attached_at)
        body_end = find_closing(notice, segments[:annex_at] if annex_at < len(segments) else segments, body_start)
        notice.body_start = body_start
        roles = notice.roles
        notice.body = [s for s in segments[body_start:body_end] if roles.get((s.paragraph.index, s.start)) is None]
        for seg in notice.body:
            roles[(seg.paragraph.index, seg.start)] = "body"
        find_headings(notice, notice.body)
        if annex_at < len(segments):
            # the numbering of each annex is judged too, from its own start
            first = len(notice.headings)
            find_headings(notice, [s for s in segments[annex_at:] if roles.get((s.paragraph.index, s.start)) is None])
            if attached:
                # the attached text numbers its chapters, articles and points anew, like an annex
                notice.headings.insert(first, Heading(segments[annex_at], "annex", "", None, ""))
    except Exception:  # the anatomy never raises: what it found so far stands
        import logging

        logging.getLogger("notice_lint.anatomy").debug("anatomy failed on %s", document.path, exc_info=True)
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
