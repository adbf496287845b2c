"""The end of a document: the ``Nơi nhận:`` block and the signature block."""

from __future__ import annotations

import re

from ..vntext import fold, is_upper_text
from .model import Notice, Recipients, Segment, Signature

__all__ = ["find_closing", "PREFIX_RE", "is_name", "RECIPIENTS_RE"]

RECIPIENTS_RE = re.compile(r"^\s*N[ơo]i\s*nh[ậa]n\b", re.IGNORECASE)
PREFIX_RE = re.compile(r"^\s*(TM|KT|TL|TUQ|Q|T/M|K/T|T/L|T\.M|K\.T|T\.L)(?=[.\s/]|[A-ZĐÀ-Ỹ])", re.UNICODE)
ITEM_RE = re.compile(r"^\s*[-–—+•*]\s*")
STAMP_RE = re.compile(r"\d{1,2}[-/.]\d{1,2}[-/.]\d{4}\s+\d{1,2}:\d{2}(:\d{2})?")
ACADEMIC_RE = re.compile(r"^((TS|ThS|PGS|GS|KS|BS|CN|Ths|TSKH|NCS|Th\.S)\.?\s*)+", re.UNICODE)
_NAME_WORD = re.compile(r"^[A-ZĐÀ-Ỹ][a-zđà-ỹ]*$")


def is_name(text: str) -> bool:
    """A personal name: 2–6 capitalised words (an academic title before it is allowed)."""
    t = ACADEMIC_RE.sub("", text.strip())
    words = t.split()
    if not 2 <= len(words) <= 6:
        return False
    return all(_NAME_WORD.match(w) for w in words) and not is_upper_text(t)


def _title_line(text: str) -> bool:
    t = text.strip()
    return (
        bool(t)
        and is_upper_text(t)
        and len(t.split()) <= 12
        and not RECIPIENTS_RE.match(t)
        and not t.startswith(("-", "(", "*"))
    )


def find_closing(notice: Notice, segments: list[Segment], body_start: int) -> int:
    """Label recipients and signature; return the index where the closing zone starts."""
    n = len(segments)
    end = n
    # -- Nơi nhận -----------------------------------------------------------
    label_at = -1
    for i in range(n - 1, body_start - 1, -1):
        if RECIPIENTS_RE.match(segments[i].text):
            label_at = i
            break
    if label_at >= 0:
        label = segments[label_at]
        rec = Recipients(label=label)
        notice.set_role(label, "recipients_label")
        side = label.side
        for j in range(label_at + 1, n):
            seg = segments[j]
            if side != "full" and seg.side != side:
                if seg.paragraph.cell is not None and label.paragraph.cell is not None:
                    break
                continue
            text = seg.text.strip()
            if ITEM_RE.match(text):
                rec.items.append(seg)
                notice.set_role(seg, "recipients_item")
            elif rec.items and not _title_line(text) and not is_name(text) and not PREFIX_RE.match(text):
                notice.set_role(seg, "recipients_cont")  # a wrapped item
            else:
                if side == "full":
                    break
        notice.recipients = rec
        end = label_at
    # -- signature ----------------------------------------------------------
    sig = _find_signature(notice, segments, body_start)
    if sig is not None:
        notice.signature = sig
        first = min(segments.index(s) for s in sig.lines)
        end = min(end, first)
    return end


def _find_signature(notice: Notice, segments: list[Segment], body_start: int) -> Signature | None:
    n = len(segments)
    candidates = [
        i
        for i in range(body_start, n)
        if notice.role_of(segments[i]) not in ("recipients_item", "recipients_label", "recipients_cont")
    ]
    # 1. a line with an authority prefix, searched from the end
    start = -1
    for i in reversed(candidates):
        text = segments[i].text.strip()
        if PREFIX_RE.match(text) and _title_line(text):
            start = i
            break
    if start < 0:
        # 2. a run of title lines followed by a name, searched from the end
        for pos in range(len(candidates) - 1, -1, -1):
            i = candidates[pos]
            if not is_name(segments[i].text):
                continue
            k = pos - 1
            while k >= 0 and _title_line(segments[candidates[k]].text):
                k -= 1
            if k < pos - 1:
                start = candidates[k + 1]
                break
    if start < 0:
        return None
    sig = Signature()
    order = [i for i in candidates if i >= start]
    state = "titles"
    for i in order:
        seg = segments[i]
        text = seg.text.strip()
        if state == "titles":
            if _title_line(text):
                sig.lines.append(seg)
                sig.titles.append(seg)
                if sig.prefix is None and PREFIX_RE.match(text):
                    sig.prefix = seg
                notice.set_role(seg, "signature_title")
                continue
            if is_name(text) or ACADEMIC_RE.match(text):
                sig.lines.append(seg)
                sig.name = seg
                notice.set_role(seg, "signature_name")
                state = "after"
                continue
            if text.startswith("(") or len(text) < 3:
                continue  # "(Đã ký)", "(ký, đóng dấu)"
            if sig.titles and not is_upper_text(text) and len(text.split()) <= 6 and not text.endswith((".", ";", ",")):
                # an unusual name (a single word, a foreign name)
                sig.lines.append(seg)
                sig.name = seg
                notice.set_role(seg, "signature_name")
                state = "after"
                continue
            break
        else:
            if STAMP_RE.search(text) or is_upper_text(text) or "+07:00" in text:
                sig.stamp.append(seg)
                notice.set_role(seg, "signature_stamp")
                continue
            break
    if not sig.titles:
        return None
    return sig


def fold_starts(text: str, *prefixes: str) -> bool:
    f = fold(text.strip())
    return f.startswith(prefixes)
