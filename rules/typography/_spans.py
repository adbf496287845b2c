"""What the spacing rules leave alone: names and stamps, URLs, e-mail addresses."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from itertools import accumulate

from notice_lint_rules._urlish import UrlishSpans

__all__ = ["skipped_spans", "in_spans", "URLISH"]

#: runs of non-space characters with ``://``, ``www.``, ``@`` or a domain or file extension
URLISH = UrlishSpans("vn|com|org|net|gov|edu|int|info|docx?|pdf|xlsx?")


class Spans:
    """Spans, asked whether one meets a range in logarithmic time (a long line may have
    thousands of spans and thousands of findings)."""

    __slots__ = ("starts", "reach")

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        spans = sorted(spans)
        self.starts = [s for s, _ in spans]
        # the furthest end among the spans up to each one
        self.reach = list(accumulate((e for _, e in spans), max))

    def meets(self, start: int, end: int) -> bool:
        """As ``in_spans``: a span overlaps [start, end), or holds ``start`` when the range is empty."""
        k = bisect_left(self.starts, end) if end > start else bisect_right(self.starts, start)
        return k > 0 and self.reach[k - 1] > start


def skipped_spans(notice, para) -> Spans:
    """Spans of ``para.text`` no spacing rule judges: stamps, names, URLs, e-mails."""
    spans = URLISH.spans(para.text)
    for seg in notice.name_segments():
        if seg.index == para.index:
            spans.append((seg.start, seg.end))
    if notice.signature is not None:
        for seg in notice.signature.stamp:
            if seg.index == para.index:
                spans.append((0, len(para.text)))
    return Spans(spans)


def in_spans(spans: Spans | list[tuple[int, int]], start: int, end: int) -> bool:
    if isinstance(spans, Spans):
        return spans.meets(start, end)
    return any(s < end and start < e for s, e in spans) if end > start else any(s <= start < e for s, e in spans)
