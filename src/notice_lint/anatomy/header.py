"""The top of a document: header, organ, number, place-date, title, summary, V/v, Kính gửi.

Besides labelling the parts, this module parses the two lines every rule of
the header needs: the number line (``rules/structure/_number.py`` reads its
symbol) and the place-date line (:func:`parse_place_date`), so that the
anatomy and the rules agree on what a line says.
"""

from __future__ import annotations

import functools

import calendar
import datetime as _dt
import re
from typing import Any

from ..vntext import fold, is_upper_text, key
from ..document.model import Record
from .model import Notice, Segment

__all__ = [
    "find_header",
    "NUMBER_RE",
    "DATE_WORDS_RE",
    "RULE_LINE_RE",
    "kind_titles",
    "PlaceDate",
    "parse_place_date",
    "parse_date",
    "date_bounds",
    "is_national",
    "is_motto",
    "is_party_header",
    "is_place_date",
]

# "Số: 18/TB-SKHCN", "Số:      /TB-SCT", "Số 240-TB/VPTU", "SỐ: 05/QĐ-UBND", "Số -CV/ĐU"
# possessive runs (``*+``): the lines ``^S[ốỐ]\s*[:.;]?\s*(?:\d[\d\s]*|[\s_.…]*)\s*[/\-]\s*[A-ZĐa-zđ]`` matches,
# in linear time (that pattern shares a long run of spaces out every possible way)
NUMBER_RE = re.compile(
    r"^S[ốỐ]\s*+(?:[:.;]\s*+)?(?:\d[\d\s]*+|[\s_.…]*+)(?:/\s*+\d{4}\s*+)?[/\-]\s*+[A-ZĐa-zđ]", re.IGNORECASE
)  # the year of a legal document: ``Số: 12/2024/QĐ-UBND``
DATE_WORDS_RE = re.compile(r"ngày.*tháng.*năm", re.IGNORECASE)
# a rule drawn with characters: "_____", "-----", "*****", soft hyphens, box-drawing lines
RULE_LINE_RE = re.compile(r"^[\s_\-–—=.*…\u00ad\u2010-\u2015\u2500-\u2501]{3,}$")
SUBJECT_RE = re.compile(r"^\s*(V\s*/\s*v|V/V|v/v|Về việc|về việc)(?=[\s:.]|$)", re.UNICODE)
ADDRESSEE_RE = re.compile(r"^\s*(Kính\s+gửi|Kính\s+trình|KÍNH\s+GỬI|KÍNH\s+TRÌNH)\s*:?", re.UNICODE)
BODY_START_RE = re.compile(
    r"^(Căn cứ|Thực hiện|Ngày\s+\d|Ngày\s+\d{1,2}/|Theo\b|Vào\s+(hồi|lúc|ngày)|Sáng\s+ngày|Chiều\s+ngày|Hôm nay|Xét\b)",
    re.UNICODE,
)
_HEADING_NUM_RE = re.compile(r"^([IVX]+|\d+)[.)\-]\s")
_PARTY_CV_RE = re.compile(r"^S[ốỐ]\s*+[:.]?[\d\s_.…]*+-\s*+CV\s*+/", re.IGNORECASE)  # as NUMBER_RE: possessive

_HEADER_SCAN = 40  # segments
#: marks printed in the header zone that are no part of it: drafts, urgency, secrecy, circulation
_MARKS = (
    "du thao", "khan", "hoa toc", "thuong khan", "mat", "toi mat", "tuyet mat", "luu hanh noi bo",
    "xem xong tra lai", "tai lieu hoi nghi", "tai lieu thu hoi", "xong hoi nghi tra lai", "ban sao",
    "sao y", "trich sao", "sao luc",
)


_MARK_SET = frozenset(_MARKS)
_MARK_PREFIXES = tuple(m + " " for m in _MARKS if " " in m)
_MARK_FIRST = frozenset(m.split()[0] for m in _MARKS)


def _is_mark(text: str) -> bool:
    g = fold(text).strip(" ()[]*:")
    head = g.split(None, 1)
    if not head or head[0] not in _MARK_FIRST:
        return False  # a mark is its first word's: most lines are told by that word alone
    f = " ".join(g.split())
    # one-word marks must stand alone ("MẶT TRẬN …" is an organ, not "MẬT"); at most 6 words
    return (f in _MARK_SET or f.startswith(_MARK_PREFIXES)) and f.count(" ") < 6


#: first words of an organ's name: such a line is never an unknown kind's title
_ORGAN_WORDS = (
    "ubnd", "uy ban", "hdnd", "hoi dong", "so ", "bo ", "cuc ", "tong cuc", "phong ", "ban ", "tinh ", "thanh pho",
    "huyen ", "xa ", "phuong ", "quan ", "thi xa", "dac khu", "truong ", "trung tam", "van phong", "dang ", "chi bo",
    "thanh uy", "tinh uy", "huyen uy", "cong ty", "vien ", "chi cuc", "thanh tra", "kho bac", "benh vien", "doan ",
    "mat tran", "hoi ", "lien doan", "cong an", "bo chi huy", "ngan hang", "dai ", "bao ",
)

# -- the place-date line ------------------------------------------------------
_BLANK = r"[\s_.…\-]*"
_PLACE_DATE_WORDS = re.compile(
    r"^(?P<place>[^\d\n]{0,60}?(?:\s\d{1,2})?)(?P<sep>[\s,;.]*)"
    r"(?P<ngay>ngày)(?P<dfield>" + _BLANK + r"(?P<day>\d{1,2})?(?:\s*,)?" + _BLANK + r")"
    r"(?P<thang>tháng)(?P<mfield>" + _BLANK + r"(?P<month>\d{1,2})?(?:\s*,)?" + _BLANK + r")"
    r"(?P<nam>năm)(?P<yfield>" + _BLANK + r"(?P<year>\d{2,4})?" + _BLANK + r")[.,;\s]*$",
    re.IGNORECASE,
)
_PLACE_DATE_NUMERIC = re.compile(
    r"^(?P<place>[^\d,\n]{2,60}?)(?P<sep>[\s,;]*)(?:(?P<ngay>ngày)\s*)?"
    r"(?P<day>\d{1,2})\s*[/.\-]\s*(?P<month>\d{1,2})\s*[/.\-]\s*(?P<year>\d{4})[.\s]*$",
    re.IGNORECASE,
)


class PlaceDate(Record):
    """What a place-date line says, with spans into its text.

    ``day``/``month``/``year`` are the digits written, or None when the field
    is left blank (a draft); ``numeric`` is True for ``Hà Nội, 05/3/2024``.
    """

    __slots__ = ("text", "place", "numeric", "day", "month", "year", "spans")
    _fields = __match_args__ = __slots__

    def __init__(
        self,
        text: str,
        place: str,
        numeric: bool,
        day: str | None,
        month: str | None,
        year: str | None,
        spans: dict[str, tuple[int, int]] | None = None,
    ) -> None:
        self.text = text
        self.place = place
        self.numeric = numeric
        self.day = day
        self.month = month
        self.year = year
        self.spans = {} if spans is None else spans

    @property
    def complete(self) -> bool:
        return self.day is not None and self.month is not None and self.year is not None

    @property
    def blank_fields(self) -> list[str]:
        return [n for n in ("day", "month", "year") if getattr(self, n) is None]

    def date(self) -> _dt.date | None:
        if not self.complete:
            return None
        try:
            return _dt.date(int(self.year), int(self.month), int(self.day))  # type: ignore[arg-type]
        except ValueError:
            return None


@functools.lru_cache(maxsize=256)  # the anatomy and several rules read the same line
def parse_place_date(text: str) -> PlaceDate | None:
    """Parse ``<Place>, ngày DD tháng M năm YYYY`` (blank fields allowed) or ``<Place>, DD/M/YYYY``."""
    if len(text) > 120 or text.lstrip().startswith("("):
        return None
    m = _PLACE_DATE_WORDS.match(text)
    if m:
        year = m.group("year")
        if year is not None and len(year) < 4:
            year = None  # "năm 20…": the year is not filled in
        spans = {g: m.span(g) for g in ("place", "sep", "ngay", "dfield", "thang", "mfield", "nam", "yfield",
                                         "day", "month", "year")}
        if year is None:
            spans["year"] = (-1, -1)
        pd = PlaceDate(text, m.group("place").strip(), False, m.group("day"), m.group("month"), year, spans)
        return pd
    m = _PLACE_DATE_NUMERIC.match(text)
    if m:
        spans = {g: m.span(g) for g in ("place", "sep", "day", "month", "year")}
        return PlaceDate(text, m.group("place").strip(), True, m.group("day"), m.group("month"), m.group("year"), spans)
    return None


def date_bounds(pd: PlaceDate | None) -> tuple[_dt.date, _dt.date] | None:
    """The earliest and latest date a (possibly partly blank) place-date can mean."""
    if pd is None or pd.year is None:
        return None
    try:
        year = int(pd.year)
        if pd.month is None:
            return _dt.date(year, 1, 1), _dt.date(year, 12, 31)
        month = int(pd.month)
        last = calendar.monthrange(year, month)[1]
        if pd.day is None:
            return _dt.date(year, month, 1), _dt.date(year, month, last)
        d = _dt.date(year, month, int(pd.day))
        return d, d
    except ValueError:
        return None


def parse_date(text: str) -> _dt.date | None:
    pd = parse_place_date(text)
    return pd.date() if pd is not None else None


#: the last kinds table seen, with its titles: one table serves every document of a run
_TITLES: dict[str, Any] = {}


def _kinds_seen(kinds: list[dict[str, Any]]) -> dict[str, Any]:
    """The folded titles of ``kinds`` (kept in ``_TITLES``), and the same grouped by their first word."""
    # the same list with the same entries and titles (``entries`` keeps the ids in use)
    snapshot = (list(map(id, kinds)), [k.get("title") for k in kinds])
    if _TITLES.get("kinds") is kinds and _TITLES.get("snapshot") == snapshot:
        return _TITLES
    out = [(" ".join(fold(k["title"]).split()), k) for k in kinds if k.get("title")]
    out.sort(key=lambda t: -len(t[0]))
    by_first: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    for title, entry in out:
        by_first.setdefault(title.split(" ", 1)[0], []).append((title, entry))
    _TITLES.clear()
    _TITLES.update(kinds=kinds, snapshot=snapshot, entries=list(kinds), titles=tuple(out), by_first=by_first)
    return _TITLES


def kind_titles(kinds: list[dict[str, Any]]) -> list[tuple[str, dict[str, Any]]]:
    """(folded title, entry), longest first, for matching a title line."""
    return list(_kinds_seen(kinds)["titles"])


def _match_kind(text: str, titles: list[tuple[str, dict[str, Any]]]) -> dict[str, Any] | None:
    f = " ".join(fold(text).split())
    n = len(f)
    for title, entry in titles:
        # f is the title, or the title then a space (no string built per title)
        if f.startswith(title) and (n == len(title) or f[len(title)] == " "):
            return entry
    return None


def _match_kind_by_first(text: str, by_first: dict[str, list[tuple[str, dict[str, Any]]]]) -> dict[str, Any] | None:
    """``_match_kind`` over the titles that begin with the line's first word, the only ones that can match
    (a title is followed by a space or the end in the line, so its first word is the line's)."""
    f = " ".join(fold(text).split())
    n = len(f)
    for title, entry in by_first.get(f.split(" ", 1)[0], ()):
        if f.startswith(title) and (n == len(title) or f[len(title)] == " "):
            return entry
    return None


_NOT_KEY = re.compile(r"[^a-z0-9]")
#: the ASCII bytes ``_NOT_KEY`` removes
_NOT_KEY_BYTES = bytes(c for c in range(128) if not (0x30 <= c <= 0x39 or 0x61 <= c <= 0x7A))


def _key(text: str) -> str:
    """``vntext.key(text)``: the header reads one key per line for three tests.

    A folded Vietnamese line is ASCII: its bytes are filtered by ``bytes.translate``, four times
    faster than the substitution.
    """
    f = fold(text)
    if f.isascii():
        return f.encode("ascii").translate(None, _NOT_KEY_BYTES).decode("ascii")
    return _NOT_KEY.sub("", f)


#: the title lines mass organisations print top right instead of the Quốc hiệu, by their own
#: rules on documents (not NĐ 30 nor the Party's guidance): ``HỘI NÔNG DÂN VIỆT NAM``,
#: ``ĐOÀN TNCS HỒ CHÍ MINH``
MASS_TITLES = (
    "HỘI NÔNG DÂN VIỆT NAM", "HỘI CỰU CHIẾN BINH VIỆT NAM", "HỘI LIÊN HIỆP PHỤ NỮ VIỆT NAM",
    "ĐOÀN TNCS HỒ CHÍ MINH", "ĐOÀN THANH NIÊN CỘNG SẢN HỒ CHÍ MINH",
)
_MASS_TITLE_KEYS = frozenset(_key(t) for t in MASS_TITLES)


def has_mass_title(notice: Notice) -> bool:
    """Does the header show a mass organisation's title line (:data:`MASS_TITLES`)?"""
    return "mass_title" in notice.roles.values()


def is_national(text: str) -> bool:
    return _national_key(key(text))


def is_motto(text: str) -> bool:
    return _motto_key(key(text))


def is_party_header(text: str) -> bool:
    return key(text) == "dangcongsanvietnam"


def _national_key(k: str) -> bool:
    return ("xahoichunghia" in k or k.startswith("conghoa")) and k.endswith("vietnam") and len(k) < 40


def _motto_key(k: str) -> bool:
    return "doclap" in k and ("tudo" in k or "hanhphuc" in k) and len(k) < 30


def is_place_date(text: str) -> bool:
    t = text.strip()
    pd = parse_place_date(t)
    if pd is None or not _looks_like_place(pd.place):
        return False
    if pd.numeric:
        return bool(pd.place) and len(pd.place) >= 2
    return True


@functools.lru_cache(maxsize=1024)  # per distinct place name: a drafter writes the same few
def _looks_like_place(place: str) -> bool:
    """A place name (``Quảng Ngãi``, ``Thành phố Hồ Chí Minh``, ``Quận 1``) or a blank one, not a phrase."""
    p = place.strip(" ,;.")
    if not p.strip("._…- "):
        return True
    if "/" in p or ":" in p or len(p) > 45:
        return False
    words = [w for w in p.split() if w[:1].isalpha()]
    if not words or len(words) > 7:
        return not words
    caps = sum(1 for w in words if w[:1].isupper())
    return caps * 2 >= len(words)


def _upper(seg: Segment) -> bool:
    """Shown in capitals: typed so, or every run under it has Word's *All caps*."""
    if is_upper_text(seg.text):
        return True
    runs = [r for r in seg.paragraph.runs if r.end > seg.start and r.start < seg.end]
    return bool(runs) and all(r.props.caps for r in runs) and any(c.isalpha() for c in seg.text)


def _centred(seg: Segment) -> bool:
    return seg.paragraph.alignment == "center"


def find_header(notice: Notice, segments: list[Segment], kinds: list[dict[str, Any]]) -> int:
    """Label the header parts; return the index (into ``segments``) where the body may begin."""
    by_first = _kinds_seen(kinds)["by_first"]
    last_header = -1
    title_at = -1
    limit = min(len(segments), _HEADER_SCAN)
    i = -1
    while i + 1 < limit:
        i += 1
        seg = segments[i]
        text = seg.text.strip()
        if not text:
            continue
        if _is_mark(text):
            notice.set_role(seg, "mark")
            continue
        k = _key(text)  # one key for the three tests below
        if notice.national is None and _national_key(k):
            notice.national = seg
            notice.set_role(seg, "national")
            last_header = i
            continue
        if notice.motto is None and _motto_key(k):
            notice.motto = seg
            notice.set_role(seg, "motto")
            last_header = i
            continue
        if notice.party_header is None and k == "dangcongsanvietnam":
            notice.party_header = seg
            notice.set_role(seg, "party_header")
            last_header = i
            continue
        if (
            k in _MASS_TITLE_KEYS
            and notice.national is None
            and notice.party_header is None
            and (seg.side in ("right", "middle") or (seg.side == "full" and notice.organ))
        ):
            # the title line of a mass organisation's own document (Hội Nông dân, Đoàn Thanh
            # niên…), top right where a state document has its Quốc hiệu
            notice.set_role(seg, "mass_title")
            last_header = i
            continue
        if notice.number is None and notice.title is None and NUMBER_RE.match(text):
            notice.number = seg
            notice.set_role(seg, "number")
            last_header = i
            if _PARTY_CV_RE.match(text):
                j = _party_cv_subject(notice, segments, i + 1, limit)
                last_header = max(last_header, j - 1)
            continue
        if SUBJECT_RE.match(text) and not notice.subject and notice.title is None:
            notice.subject.append(seg)
            notice.set_role(seg, "subject")
            j = _subject_continuation(notice, segments, seg, i + 1, limit)
            last_header = max(last_header, j - 1)
            i = j - 1
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
        if notice.title is None and _upper(seg) and len(text.split()) <= 14:
            entry = _match_kind_by_first(text, by_first)
            if entry is not None and seg.side in ("full", "middle"):
                notice.title = seg
                notice.kind = entry.get("state") if "state" in entry else None
                notice.kind_entry = entry
                notice.set_role(seg, "title")
                title_at = i
                break
            if (
                entry is None
                and seg.side in ("full", "middle")
                and notice.number is not None
                and len(text.split()) <= 8
                and not fold(text).startswith(_ORGAN_WORDS)
                and not _HEADING_NUM_RE.match(text)
                and not _is_header_part(text)
                and not RULE_LINE_RE.match(text)
                and (seg.paragraph.cell is None or seg.paragraph.cell.side == "full")
                and _title_position(notice, segments, i)
            ):
                # a kind the table does not know (ĐIỀU LỆ, QUY TRÌNH…): a title all the same
                notice.title = seg
                notice.kind = None
                notice.kind_entry = None
                notice.set_role(seg, "title")
                title_at = i
                break
        if ADDRESSEE_RE.match(text):
            break
        if (
            notice.number is None
            and notice.title is None
            and _upper(seg)
            and seg.side in ("left", "full")
            and not RULE_LINE_RE.match(text)
            and len(text) < 90
        ):
            notice.organ.append(seg)
            notice.set_role(seg, "organ")
            last_header = i
            continue
        if (
            notice.number is None
            and notice.title is None
            and seg.side == "left"
            and seg.paragraph.cell is not None
            and not RULE_LINE_RE.match(text)
            and len(text) < 90
            and not _is_header_part(text)
            and not SUBJECT_RE.match(text)
        ):
            # the organ typed in lower case in the left cell of the header table (NL405 judges its case)
            notice.organ.append(seg)
            notice.set_role(seg, "organ")
            last_header = i
            continue
        if RULE_LINE_RE.match(text):
            continue
        if seg.side == "full" and i > last_header + 3 and notice.number is None and notice.place_date is None:
            # no header at all: stop looking at the top
            break
    start = (title_at + 1) if title_at >= 0 else last_header + 1
    if notice.title is not None:
        start = _summary(notice, segments, title_at + 1)
    if notice.title is None and (notice.subject or _has_addressee(segments, start) or _party_cv(notice)):
        notice.kind = "CV"
    start = _addressee(notice, segments, start)
    return start


def _title_position(notice: Notice, segments: list[Segment], i: int) -> bool:
    """The line stands where a title stands: after the header, centred in a .docx, before any body."""
    seg = segments[i]
    if seg.paragraph.alignment is not None and seg.paragraph.alignment != "center":
        return False
    if notice.number is not None and segments.index(notice.number) > i:
        return False
    return True


def _party_cv(notice: Notice) -> bool:
    return notice.number is not None and bool(_PARTY_CV_RE.match(notice.number.text.strip()))


def _is_header_part(text: str) -> bool:
    k = _key(text)
    return (
        _national_key(k)
        or _motto_key(k)
        or k == "dangcongsanvietnam"
        or is_place_date(text)
        or bool(NUMBER_RE.match(text))
        or bool(ADDRESSEE_RE.match(text))
    )


def _subject_continuation(notice: Notice, segments: list[Segment], first: Segment, j: int, limit: int) -> int:
    """Label the lines that continue a V/v (same table cell, or following lines of a text export)."""
    prev = first
    while j < limit:
        seg = segments[j]
        text = seg.text.strip()
        if not text or _is_header_part(text) or RULE_LINE_RE.match(text):
            break
        if first.paragraph.cell is not None:
            if not _same_cell(seg, first):
                break
        else:
            # a text export: the next line continues the V/v while it sits in the same column
            # and the V/v so far has not ended a sentence
            if seg.side not in (first.side, "full") or prev.text.rstrip().endswith((".", ":", ";")):
                break
            if len(text) > 90 or is_upper_text(text):
                break
        notice.subject.append(seg)
        notice.set_role(seg, "subject")
        prev = seg
        j += 1
    return j


def _party_cv_subject(notice: Notice, segments: list[Segment], j: int, limit: int) -> int:
    """A Party công văn (``Số 12-CV/…``) has its trích yếu under the number, without ``V/v``."""
    number = notice.number
    assert number is not None
    while j < limit and (segments[j].index == number.index or segments[j].side in ("right", "middle")):
        j += 1  # the place-date beside the number, other right-hand lines
    if j >= limit:
        return j
    seg = segments[j]
    text = seg.text.strip()
    if not text or _is_header_part(text) or is_upper_text(text) or RULE_LINE_RE.match(text):
        return j
    if number.paragraph.cell is not None and not _same_cell(seg, number):
        return j
    if number.paragraph.cell is None and seg.side not in (number.side, "full"):
        return j
    if len(text) > 100 or BODY_START_RE.match(text):
        return j
    notice.subject.append(seg)
    notice.set_role(seg, "subject")
    return _subject_continuation(notice, segments, seg, j + 1, limit)


def _same_cell(a: Segment, b: Segment) -> bool:
    ca, cb = a.paragraph.cell, b.paragraph.cell
    if ca is None or cb is None:
        return False
    return (ca.table, ca.row, ca.col) == (cb.table, cb.row, cb.col)


def _has_addressee(segments: list[Segment], start: int) -> bool:
    return any(ADDRESSEE_RE.match(s.text) for s in segments[start : start + 6])


# kinds whose trích yếu is followed by the author's title ("GIÁM ĐỐC SỞ …") before the body
_AUTHORED_KINDS = frozenset({"QĐ", "NQ", "CT", "QyĐ", "QĐi", "QC"})


def _summary(notice: Notice, segments: list[Segment], i: int) -> int:
    n = len(segments)
    while i < n and len(notice.summary) < 6:
        seg = segments[i]
        text = seg.text.strip()
        if not text:
            i += 1
            continue
        if RULE_LINE_RE.match(text):
            notice.set_role(seg, "rule_line")
            if not notice.summary and _summary_after_rule(segments, i + 1):
                i += 1  # "HƯỚNG DẪN" / "-----" / "về việc …": the trích yếu under the rule
                continue
            return i + 1
        centred = _centred(seg)
        if ADDRESSEE_RE.match(text) or seg.paragraph.label or _HEADING_NUM_RE.match(text):
            return i
        if text.endswith("./."):
            return i  # the closing mark of a body, never a trích yếu
        if notice.summary:
            prev = notice.summary[-1]
            prev_text = prev.text.rstrip()
            if (
                is_upper_text(text)
                and not is_upper_text(prev_text)
                and len(text.split()) <= 14
                and notice.kind in _AUTHORED_KINDS
            ):
                # "GIÁM ĐỐC SỞ …" under the summary of a decision: the author of the decision
                notice.set_role(seg, "authority")
                return i + 1
            if _centred(prev) and not centred and seg.paragraph.alignment is not None:
                return i  # the centred block ended
            if not centred and (BODY_START_RE.match(text) or len(text) > 110):
                return i
            if not centred and text[:1].isupper() and not is_upper_text(text) and prev_text.endswith((".", ":")):
                return i  # a new sentence: the body begins
        else:
            if not centred and not is_upper_text(text) and (BODY_START_RE.match(text) or len(text) > 110):
                if not _summary_line_of_text(notice, segments, i):
                    return i
            if len(text) > 300:
                return i
        notice.summary.append(seg)
        notice.set_role(seg, "summary")
        i += 1
    return i


_INDENTED = re.compile(r" {8,}\S")


def _summary_line_of_text(notice: Notice, segments: list[Segment], i: int) -> bool:
    """In a text file, the line under the title that opens like a body (``Thực hiện Đề án số
    08 …``, the trích yếu of many plans) is the trích yếu when it stands alone: short, with no
    closing punctuation, and centred (a ``pdftotext -layout`` export indents it) or not wrapped
    into the next line (which starts a new sentence, a heading or a rule, or is blank)."""
    if notice.document.kind == "docx":
        return False
    seg = segments[i]
    text = seg.text.strip()
    if len(text) > 90 or text.endswith((".", ":", ";", ",")):
        return False
    if _INDENTED.match(seg.paragraph.text):
        return True
    if i + 1 >= len(segments):
        return False
    nxt = segments[i + 1].text.strip()
    if nxt[:1].islower():
        return False  # the line wraps on: a body paragraph
    return not nxt or nxt[:1].isupper() or RULE_LINE_RE.match(nxt) is not None


def _summary_after_rule(segments: list[Segment], i: int) -> bool:
    """The line after a rule line under the title is its trích yếu: it opens with a small letter
    (``về việc …``, ``tổ chức …``) and is no sentence of the body."""
    if i >= len(segments):
        return False
    text = segments[i].text.strip()
    return (
        (text[:1].islower() or text.startswith("Về "))
        and len(text) <= 300
        and not text.endswith("./.")
        and not BODY_START_RE.match(text)
        and not RULE_LINE_RE.match(text)
    )


def _addressee(notice: Notice, segments: list[Segment], i: int) -> int:
    n = len(segments)
    j = i
    while j < n and j < i + 4:
        text = segments[j].text.strip()
        if ADDRESSEE_RE.match(text):
            label = segments[j]
            notice.addressee.append(label)
            notice.set_role(label, "addressee")
            k = j + 1
            while k < n and k < j + 30:
                seg = segments[k]
                item = re.match(r"^\s*[-–+•]\s*\S", seg.text)
                same_table = (
                    label.paragraph.cell is not None
                    and seg.paragraph.cell is not None
                    and seg.paragraph.cell.table == label.paragraph.cell.table
                )
                prev_open = not notice.addressee[-1].text.rstrip().endswith((".", ":")) or notice.addressee[-1] is label
                if item or (same_table and prev_open and not BODY_START_RE.match(seg.text.strip())):
                    notice.addressee.append(seg)
                    notice.set_role(seg, "addressee")
                    k += 1
                    continue
                break
            return k
        if RULE_LINE_RE.match(text):
            j += 1
            continue
        break
    return i
