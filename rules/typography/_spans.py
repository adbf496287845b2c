"""What the spacing rules leave alone: names and stamps, URLs, e-mail addresses."""

from __future__ import annotations

import re

__all__ = ["skipped_spans", "in_spans", "URLISH"]

URLISH = re.compile(
    r"\S*(?:://|www\.|@)\S*|\S+\.(?:vn|com|org|net|gov|edu|int|info|docx?|pdf|xlsx?)\b\S*",
    re.IGNORECASE,
)


def skipped_spans(notice, para) -> list[tuple[int, int]]:
    """Spans of ``para.text`` no spacing rule judges: stamps, names, URLs, e-mails."""
    spans = [(m.start(), m.end()) for m in URLISH.finditer(para.text)]
    for seg in notice.name_segments():
        if seg.index == para.index:
            spans.append((seg.start, seg.end))
    if notice.signature is not None:
        for seg in notice.signature.stamp:
            if seg.index == para.index:
                spans.append((0, len(para.text)))
    return spans


def in_spans(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans) if end > start else any(s <= start < e for s, e in spans)
