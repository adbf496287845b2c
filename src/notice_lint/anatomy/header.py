"""The top of a document: header, organ, number, place-date, title, summary, V/v, Kính gửi."""

from __future__ import annotations

import datetime as _dt
import re
from typing import Any

from ..vntext import fold, is_upper_text, key
from .model import Notice, Segment

__all__ = ["find_header", "NUMBER_RE", "DATE_WORDS_RE", "RULE_LINE_RE", "kind_titles"]

# "Số: 18/TB-SKHCN", "Số:      /TB-SCT", "Số 240-TB/VPTU", "SỐ: 05/QĐ-UBND"
NUMBER_RE = re.compile(r"^S[ốỐ]\s*[:.;]?\s*(?:\d[\d\s]*|[\s_.…]*)\s*[/\-]", re.IGNORECASE)
DATE_WORDS_RE = re.compile(r"\bngày\b.*\btháng\b.*\bnăm\b", re.IGNORECASE)
DATE_VALUE_RE = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.IGNORECASE)
DATE_NUMERIC_RE = re.compile(r"^[^\d,]{2,60},?\s*(?:ngày\s*)?\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}\s*$", re.IGNORECASE)
RULE_LINE_RE = re.compile(r"^[\s_\-–—=.*…]{3,}$")
SUBJECT_RE = re.compile(r"^\s*(V\s*/\s*v|V/V|v/v|Về việc)\b", re.UNICODE)
ADDRESSEE_RE = re.compile(r"^\s*(Kính\s+gửi|Kính\s+trình|KÍNH\s+GỬI)\s*:?", re.UNICODE)
BODY_START_RE = re.compile(
    r"^(Căn cứ|Thực hiện|Ngày\s+\d|Ngày\s+\d{1,2}/|Theo\b|Vào\s+(hồi|lúc|ngày)|Sáng\s+ngày|Chiều\s+ngày|Hôm nay)",
    re.UNICODE,
)

_HEADER_SCAN = 40  # segments


def kind_titles(kinds: list[dict[str, Any]]) -> list[tuple[str, dict[str, Any]]]:
    """(folded title, entry), longest first, for matching a title line."""
    out = [(fold(k["title"]), k) for k in kinds if k.get("title")]
    out.sort(key=lambda t: -len(t[0]))
    return out


def _match_kind(text: str, titles: list[tuple[str, dict[str, Any]]]) -> dict[str, Any] | None:
    f = " ".join(fold(text).split())
    for title, entry in titles:
        if f == title or f.startswith(title + " "):
            return entry
    return None


def is_national(text: str) -> bool:
    k = key(text)
    return ("xahoichunghia" in k or k.startswith("conghoa")) and k.endswith("vietnam") and len(k) < 40


def is_motto(text: str) -> bool:
    k = key(text)
    return "doclap" in k and ("tudo" in k or "hanhphuc" in k) and len(k) < 30


def is_party_header(text: str) -> bool:
    return key(text) == "dangcongsanvietnam"


def parse_date(text: str) -> _dt.date | None:
    m = DATE_VALUE_RE.search(text)
    if not m:
        return None
    d, mth, y = (int(g) for g in m.groups())
    try:
        return _dt.date(y, mth, d)
    except ValueError:
        return None


def is_place_date(text: str) -> bool:
    t = text.strip()
    if t.startswith("("):
        return False
    if DATE_WORDS_RE.search(t) and len(t) < 90 and re.search(r"\d{4}|năm\s*$|năm\s+…|năm\s+\.+", t):
        return True
    return bool(DATE_NUMERIC_RE.match(t))


def find_header(notice: Notice, segments: list[Segment], kinds: list[dict[str, Any]]) -> int:
    """Label the header parts; return the index (into ``segments``) where the body may begin."""
    titles = kind_titles(kinds)
    last_header = -1
    title_at = -1
    limit = min(len(segments), _HEADER_SCAN)
    for i in range(limit):
        seg = segments[i]
        text = seg.text.strip()
        if not text:
            continue
        if notice.national is None and is_national(text):
            notice.national = seg
            notice.set_role(seg, "national")
            last_header = i
            continue
        if notice.motto is None and is_motto(text):
            notice.motto = seg
            notice.set_role(seg, "motto")
            last_header = i
            continue
        if notice.party_header is None and is_party_header(text):
            notice.party_header = seg
            notice.set_role(seg, "party_header")
            last_header = i
            continue
        if notice.number is None and NUMBER_RE.match(text):
            notice.number = seg
            notice.set_role(seg, "number")
            last_header = i
            continue
        if notice.place_date is None and is_place_date(text):
            notice.place_date = seg
            notice.set_role(seg, "place_date")
            notice.date = parse_date(text)
            last_header = i
            continue
        if text == "*" and notice.organ_star is None and notice.title is None:
            notice.organ_star = seg
            notice.set_role(seg, "organ_star")
            last_header = i
            continue
        if notice.title is None and is_upper_text(text) and len(text.split()) <= 14:
            entry = _match_kind(text, titles)
            if entry is not None and seg.side in ("full", "middle"):
                notice.title = seg
                notice.kind = entry.get("state") if "state" in entry else None
                notice.kind_entry = entry
                notice.set_role(seg, "title")
                title_at = i
                break
        if SUBJECT_RE.match(text) and not notice.subject:
            notice.subject.append(seg)
            notice.set_role(seg, "subject")
            # continuation lines of the V/v in the same cell
            j = i + 1
            while j < limit and _same_cell(segments[j], seg) and not NUMBER_RE.match(segments[j].text.strip()):
                if is_place_date(segments[j].text) or is_national(segments[j].text):
                    break
                notice.subject.append(segments[j])
                notice.set_role(segments[j], "subject")
                j += 1
            last_header = max(last_header, j - 1)
            continue
        if ADDRESSEE_RE.match(text):
            break
        if (
            notice.number is None
            and notice.title is None
            and is_upper_text(text)
            and seg.side in ("left", "full")
            and not RULE_LINE_RE.match(text)
            and len(text) < 90
        ):
            notice.organ.append(seg)
            notice.set_role(seg, "organ")
            last_header = i
            continue
        if seg.side == "full" and i > last_header + 3 and notice.number is None and notice.place_date is None:
            # no header at all: stop looking at the top
            break
    start = (title_at + 1) if title_at >= 0 else last_header + 1
    if notice.title is not None:
        start = _summary(notice, segments, title_at + 1)
    if notice.title is None and (notice.subject or _has_addressee(segments, start)):
        notice.kind = "CV"
    start = _addressee(notice, segments, start)
    return start


def _same_cell(a: Segment, b: Segment) -> bool:
    ca, cb = a.paragraph.cell, b.paragraph.cell
    if ca is None or cb is None:
        return False
    return (ca.table, ca.row, ca.col) == (cb.table, cb.row, cb.col)


def _has_addressee(segments: list[Segment], start: int) -> bool:
    return any(ADDRESSEE_RE.match(s.text) for s in segments[start : start + 6])


def _summary(notice: Notice, segments: list[Segment], i: int) -> int:
    n = len(segments)
    while i < n and len(notice.summary) < 5:
        seg = segments[i]
        text = seg.text.strip()
        if not text:
            i += 1
            continue
        if RULE_LINE_RE.match(text):
            notice.set_role(seg, "rule_line")
            return i + 1
        if (
            BODY_START_RE.match(text)
            or ADDRESSEE_RE.match(text)
            or seg.paragraph.label
            or len(text) > 110
            or re.match(r"^([IVX]+|\d+)[.)\-]\s", text)
        ):
            return i
        if notice.summary and text[:1].isupper() and not is_upper_text(text) and len(notice.summary) >= 1:
            # a new sentence that is not a continuation: the body begins
            prev = notice.summary[-1].text.rstrip()
            if prev.endswith((".", ":")):
                return i
        notice.summary.append(seg)
        notice.set_role(seg, "summary")
        i += 1
    return i


def _addressee(notice: Notice, segments: list[Segment], i: int) -> int:
    n = len(segments)
    j = i
    while j < n and j < i + 4:
        text = segments[j].text.strip()
        if ADDRESSEE_RE.match(text):
            notice.addressee.append(segments[j])
            notice.set_role(segments[j], "addressee")
            k = j + 1
            while k < n and re.match(r"^\s*[-–+•]\s*\S", segments[k].text) and k < j + 30:
                notice.addressee.append(segments[k])
                notice.set_role(segments[k], "addressee")
                k += 1
            return k
        if RULE_LINE_RE.match(text):
            j += 1
            continue
        break
    return i
