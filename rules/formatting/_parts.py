"""What each part of a notice must look like, and helpers the NL4xx rules share.

Sizes and styles come from NĐ 30/2020 Phụ lục I mục V (state, ``nd30``) and
HD 36-HD/VPTW Phụ lục 3 (Party, ``hd36``); HD 05-HD/VPTW's own table
(Phụ lục 2) has not been read, so ``hd05`` uses HD 36's values and the rules
report its size findings as warnings.
"""

from __future__ import annotations

import re
from array import array
from typing import Any, Callable, Iterable, Iterator, Sequence

from notice_lint.anatomy.model import Notice, Segment
from notice_lint.document.model import Paragraph, Record, RunSpan
from notice_lint.rule import EditSeries, Fix, FormatEdit, compact_edits, shared

#: a letter or a digit: the text a formatting rule judges
ALNUM = re.compile(r"\w", re.UNICODE)


class Part(Record):
    """One part of the notice: a segment with its name and expectations (read-only)."""

    __slots__ = ("key", "segment", "heading")  # one a paragraph of the body: no __dict__ each
    _fields = __match_args__ = ("key", "segment", "heading")

    def __init__(self, key: str, segment: Segment, heading: bool = False) -> None:
        put = object.__setattr__  # past __setattr__, which refuses every change
        put(self, "key", key)  # "national", "title", "body"…
        put(self, "segment", segment)
        put(self, "heading", heading)

    def __hash__(self) -> int:
        return hash((self.key, self.segment, self.heading))

    def __setattr__(self, name: str, value: Any) -> None:
        from dataclasses import FrozenInstanceError

        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    __delattr__ = __setattr__  # type: ignore[assignment]


#: part key -> (Vietnamese name, English name)
PART_NAMES: dict[str, tuple[str, str]] = {
    "national": ("Quốc hiệu", "the national name"),
    "motto": ("Tiêu ngữ", "the motto"),
    "party_header": ("Tiêu đề «ĐẢNG CỘNG SẢN VIỆT NAM»", "the Party header"),
    "organ_parent": ("Tên cơ quan chủ quản", "the parent organ's name"),
    "organ": ("Tên cơ quan ban hành", "the issuing organ's name"),
    "number": ("Số, ký hiệu", "the number and symbol"),
    "place_date": ("Địa danh, ngày tháng", "the place and date"),
    "title": ("Tên loại văn bản", "the kind title"),
    "summary": ("Trích yếu", "the summary"),
    "subject": ("Trích yếu công văn", "the subject line"),
    "addressee": ("Dòng «Kính gửi»", "the addressee line"),
    "body": ("Nội dung", "the body"),
    "heading": ("Tiêu đề mục", "the section heading"),
    "signature_prefix": ("Quyền hạn, chức vụ người ký", "the signing authority"),
    "signature_title": ("Chức vụ người ký", "the signer's title"),
    "signer": ("Họ tên người ký", "the signer's name"),
    "recipients_label": ("Chữ «Nơi nhận»", "the “Nơi nhận” label"),
    "recipients_item": ("Danh sách nơi nhận", "the recipient list"),
}

#: font size ranges (points, inclusive) per profile
SIZES_STATE: dict[str, tuple[float, float]] = {
    "national": (12, 13),
    "motto": (13, 14),
    "organ_parent": (12, 13),
    "organ": (12, 13),
    "number": (13, 13),
    "place_date": (13, 14),
    "title": (13, 14),
    "summary": (13, 14),
    "subject": (12, 13),
    "addressee": (13, 14),
    "body": (13, 14),
    "heading": (13, 14),
    "signature_prefix": (13, 14),
    "signature_title": (13, 14),
    "signer": (13, 14),
    "recipients_label": (12, 12),
    "recipients_item": (11, 11),
}

SIZES_PARTY: dict[str, tuple[float, float]] = {
    "party_header": (15, 15),
    "organ_parent": (14, 14),
    "organ": (14, 14),
    "number": (14, 14),
    "place_date": (14, 14),
    "title": (15, 16),
    "summary": (14, 15),
    "subject": (12, 12),
    "addressee": (14, 14),
    "body": (14, 15),
    "heading": (14, 15),
    "signature_prefix": (14, 14),
    "signature_title": (14, 14),
    "signer": (14, 14),
    "recipients_label": (14, 14),
    "recipients_item": (12, 12),
}

# Styles: part -> {property: required value}.  Only what the tables state
# plainly: "đứng" (upright) means not italic; "đậm" bold; "HOA" upper case.
STYLES_STATE: dict[str, dict[str, bool]] = {
    "national": {"caps": True, "bold": True, "italic": False},
    "motto": {"bold": True, "italic": False},
    "organ": {"caps": True, "bold": True, "italic": False},
    "organ_parent": {"caps": True, "italic": False},
    "number": {"bold": False, "italic": False},
    "place_date": {"italic": True},
    "title": {"caps": True, "bold": True, "italic": False},
    "summary": {"caps": False, "bold": True, "italic": False},
    "subject": {"bold": False, "italic": False},
    "heading": {"caps": True, "bold": True},
    "signature_prefix": {"caps": True, "bold": True, "italic": False},
    "signature_title": {"caps": True, "bold": True, "italic": False},
    "signer": {"bold": True, "italic": False},
    "recipients_label": {"bold": True, "italic": True},
    "recipients_item": {"bold": False, "italic": False},
}

STYLES_PARTY: dict[str, dict[str, bool]] = {
    "party_header": {"caps": True, "bold": True, "italic": False},
    "organ": {"caps": True, "bold": True, "italic": False},
    "organ_parent": {"caps": True, "italic": False},
    "number": {"bold": False, "italic": False},
    "place_date": {"italic": True},
    "title": {"caps": True, "bold": True, "italic": False},
    "summary": {"caps": False, "bold": True, "italic": False},
    "subject": {"italic": True},
    "signature_prefix": {"caps": True, "bold": True, "italic": False},
    # under T/M, K/T, T/L the signer's own title is not bold (HD 36 1.7, Phụ lục 3)
    "signature_title": {"caps": True, "bold": False, "italic": False},
    "signer": {"bold": True, "italic": False},
    "recipients_label": {"underline": True, "bold": False, "italic": False},
    "recipients_item": {"bold": False, "italic": False},
}


def sizes_for(notice: Notice) -> dict[str, tuple[float, float]]:
    return SIZES_PARTY if notice.is_party else SIZES_STATE


def styles_for(notice: Notice) -> dict[str, dict[str, bool]]:
    return STYLES_PARTY if notice.is_party else STYLES_STATE


def has_text(s: str) -> bool:
    return ALNUM.search(s) is not None


_PREFIX = re.compile(r"^\s*(TM|KT|TL|TUQ|Q|T/M|K/T|T/L)[.\s]")
_APPENDIX = re.compile(r"^\s*(PHỤ LỤC|Phụ lục)\b")


def _per_notice(notice: Notice, key: str, build: Callable[[Notice], Any]) -> Any:
    """``build(notice)``, computed once for every rule that asks."""
    derived = notice.derived
    if key in derived:
        return derived[key]
    value = derived[key] = build(notice)
    return value


def body_segments(notice: Notice) -> list[Segment]:
    """The body up to its first appendix: an appendix has its own layout."""
    return _per_notice(notice, "_fmt.body_segments", _body_segments)


def _body_segments(notice: Notice) -> list[Segment]:
    out: list[Segment] = []
    for seg in notice.body:
        text = seg.text
        if len(text) <= 120 and out and _APPENDIX.match(text):
            break
        out.append(seg)
    return out


def parts(notice: Notice) -> Iterator[Part]:
    """Every labelled part of the notice, in reading order of the anatomy."""
    return iter(_per_notice(notice, "_fmt.parts", _parts))


def _parts(notice: Notice) -> list[Part]:
    out: list[Part] = []

    def one(key: str, seg: Segment | None) -> None:
        if seg is not None and has_text(seg.text):
            out.append(Part(key, seg))

    one("national", notice.national)
    one("motto", notice.motto)
    one("party_header", notice.party_header)
    organ = [s for s in notice.organ if has_text(s.text)]
    for k, seg in enumerate(organ):
        # the last line is the issuing organ; a long name may wrap, so only
        # a two-line block whose first line is not bold is parent + organ
        if k == len(organ) - 1:
            out.append(Part("organ", seg))
        elif len(organ) == 2:
            wrapped = all(r.props.bold for r, _, _ in runs_in(seg))
            out.append(Part("organ" if wrapped else "organ_parent", seg))
    one("number", notice.number)
    one("place_date", notice.place_date)
    one("title", notice.title)
    for seg in notice.summary:
        if seg.text.lstrip().startswith("("):
            continue  # "(Ban hành kèm theo …)": an annotation under the summary, italic by habit
        one("summary", seg)
    for seg in notice.subject:
        one("subject", seg)
    for seg in notice.addressee:
        one("addressee", seg)
    headings = {(h.segment.paragraph.index, h.segment.start): h for h in notice.headings}
    search = ALNUM.search
    for seg in body_segments(notice):
        para = seg.paragraph
        if search(para.text, seg.start, seg.end) is None:
            continue
        h = headings.get((para.index, seg.start))
        if h is not None and h.kind == "roman" and para.cell is None:
            out.append(Part("heading", seg, heading=True))
        else:
            out.append(Part("body", seg, heading=h is not None))
    sig = notice.signature
    if sig is not None:
        for seg in sig.titles:
            if not has_text(seg.text):
                continue
            if sig.prefix is not None and (seg is sig.prefix or _PREFIX.match(seg.text)):
                out.append(Part("signature_prefix", seg))  # stacked: "T/L BAN THƯỜNG VỤ" / "K/T CHÁNH VĂN PHÒNG"
            elif sig.prefix is None:
                out.append(Part("signature_prefix", seg))  # signed directly: the title is the authority line
            elif seg.index < sig.prefix.index:
                continue  # an organ line above the prefix ("ỦY BAN NHÂN DÂN" of a TM. block)
            else:
                out.append(Part("signature_title", seg))
        one("signer", sig.name)
    rec = notice.recipients
    if rec is not None:
        one("recipients_label", rec.label)
        for seg in rec.items:
            one("recipients_item", seg)
    return out


def runs_in(segment: Segment) -> list[tuple[RunSpan, int, int]]:
    """Runs overlapping the segment that carry letters or digits, clipped to it (a new list)."""
    p = segment.paragraph
    text = p.text
    search = ALNUM.search
    seg_start, seg_end = segment.start, segment.end
    out = []
    for run in p.runs:
        s = run.start if run.start > seg_start else seg_start
        e = run.end if run.end < seg_end else seg_end
        if e > s and search(text, s, e) is not None:
            out.append((run, s, e))
    return out


def skip_paragraph(p: Paragraph, notice: Notice) -> bool:
    """Paragraphs no formatting rule judges: text boxes and e-signature stamps."""
    if p.in_textbox:
        return True
    return p.index in _per_notice(notice, "_fmt.stamps", _stamp_indexes)


def skipped(notice: Notice) -> frozenset[int]:
    """Indexes of the document's paragraphs :func:`skip_paragraph` leaves out, for a rule's loop."""
    return _per_notice(notice, "_fmt.skipped", _skipped)


def _skipped(notice: Notice) -> frozenset[int]:
    boxes = {p.index for p in notice.document.paragraphs if p.in_textbox}
    return frozenset(boxes | _per_notice(notice, "_fmt.stamps", _stamp_indexes))


def _stamp_indexes(notice: Notice) -> frozenset[int]:
    sig = notice.signature
    return frozenset(s.index for s in sig.stamp) if sig is not None else frozenset()


def fmt_pt(v: float) -> str:
    return f"{v:g}"


def fmt_range(lo: float, hi: float) -> str:
    return fmt_pt(lo) if lo == hi else f"{fmt_pt(lo)}–{fmt_pt(hi)}"


def fmt_pt_vi(v: float) -> str:
    """``fmt_pt`` with the Vietnamese decimal comma (13,5)."""
    return fmt_pt(v).replace(".", ",")


def fmt_range_vi(lo: float, hi: float) -> str:
    return fmt_range(lo, hi).replace(".", ",")


def fmt_num_vi(v: float, digits: int = 2) -> str:
    s = f"{v:.{digits}f}".rstrip("0").rstrip(".")
    return s.replace(".", ",")


def fmt_num_en(v: float, digits: int = 2) -> str:
    return f"{v:.{digits}f}".rstrip("0").rstrip(".")


class Problem(Record):
    """A defect found on one paragraph, before grouping, with the formatting edits that fix it."""

    __slots__ = ("paragraph", "start", "end", "key", "vi", "en", "edits", "safe")
    _fields = __match_args__ = __slots__

    def __init__(
        self, paragraph: Paragraph, start: int, end: int, key: Any, vi: str, en: str,
        edits: tuple[FormatEdit, ...] = (), safe: bool = True,
    ) -> None:
        self.paragraph = paragraph
        self.start = start
        self.end = end
        self.key = key  # what is wrong ("Arial", 12.0…): equal keys can be grouped
        self.vi = shared(vi)  # a message per paragraph, most of them alike
        self.en = shared(en)
        self.edits = edits  # empty: no certain value, no fix
        self.safe = safe


class ProblemLog:
    """The problems of a check, as a list would hold them (``append``, ``len``, reading one),
    but compactly: a formatting check may find one on nearly every paragraph of a long body,
    and a :class:`Problem` with its edit costs ~250 bytes.  Each is taken apart as it is
    appended (its key and paragraph kept; its places in int arrays; its messages, and each
    distinct kind of edit, once) and made again when read; :func:`group_body` makes only
    those it reports one by one, and the fix of a whole-body finding straight from the
    arrays (an :class:`~notice_lint.rule.EditSeries`).
    """

    __slots__ = ("keys", "_paras", "_places", "_texts", "_text_ids", "_first", "_counts", "_store", "_seen", "_other")

    def __init__(self) -> None:
        self.keys: list[Any] = []
        self._paras: list[Paragraph] = []
        self._places = array("i")  # start, end and messages (in _texts) of each problem
        self._texts: list[tuple[str, str, bool]] = []  # (vi, en, safe), each once
        self._text_ids: dict[tuple[str, str, bool], int] = {}
        self._first = array("q")  # where each problem's edits start in _store
        self._counts = array("i")  # how many they are (-1: held in _other)
        self._store = EditSeries.empty()
        self._seen: dict[Any, int] = {}
        self._other: dict[int, tuple[Any, ...]] = {}  # edits that are not formatting edits

    def append(self, p: Problem) -> None:
        k = len(self.keys)
        self.keys.append(p.key)
        self._paras.append(p.paragraph)
        text = (p.vi, p.en, bool(p.safe))
        t = self._text_ids.get(text)
        if t is None:
            t = self._text_ids[text] = len(self._texts)
            self._texts.append(text)
        self._places.extend((p.start, p.end, t))
        self._first.append(len(self._store))
        if self._store.extend(p.edits, self._seen):
            self._counts.append(len(p.edits))
        else:
            self._counts.append(-1)
            self._other[k] = tuple(p.edits)

    def __len__(self) -> int:
        return len(self.keys)

    def __getitem__(self, k: int) -> Problem:
        places = self._places
        vi, en, safe = self._texts[places[3 * k + 2]]
        return Problem(self._paras[k], places[3 * k], places[3 * k + 1], self.keys[k], vi, en, self._edits_of(k), safe)

    def __iter__(self) -> Iterator[Problem]:
        return map(self.__getitem__, range(len(self.keys)))

    def _edits_of(self, k: int) -> tuple[Any, ...]:
        n = self._counts[k]
        if n < 0:
            return self._other[k]
        first = self._first[k]
        return tuple(self._store[j] for j in range(first, first + n))

    def fix_of(self, members: Sequence[int]) -> Fix | None:
        """:func:`fix_of` of the problems at positions ``members`` (in order)."""
        counts = self._counts
        if not members or any(counts[k] == 0 for k in members):
            return None
        texts, places = self._texts, self._places
        safe = all(texts[places[3 * k + 2]][2] for k in members)
        if any(counts[k] < 0 for k in members):
            return Fix(compact_edits([e for k in members for e in self._edits_of(k)]), safe)
        first = self._first
        return Fix(self._store.part((first[k], counts[k]) for k in members), safe)


def fix_of(problems: list[Problem]) -> Fix | None:
    """One fix holding every problem's edits (None when one of them has no certain value)."""
    if not problems or any(not p.edits for p in problems):
        return None
    # one edit a paragraph of the whole body: held compactly, made again when read
    return Fix(compact_edits([e for p in problems for e in p.edits]), all(p.safe for p in problems))


def nearest(v: float, lo: float, hi: float) -> float:
    """The value of ``[lo, hi]`` nearest to ``v``."""
    return lo if v < lo else hi if v > hi else v


def twips(mm: float) -> int:
    return int(round(mm * 1440 / 25.4))


def dominant(problems: list[Problem], checked: int, *, minimum: int = 3, share: float = 0.8) -> Any:
    """The key shared by at least ``share`` of ``checked`` paragraphs, or None."""
    return _dominant_key([p.key for p in problems], checked, minimum, share)


def _dominant_key(keys: list[Any], checked: int, minimum: int, share: float) -> Any:
    counts: dict[Any, int] = {}
    for key in keys:
        counts[key] = counts.get(key, 0) + 1
    for key, n in counts.items():
        if n >= minimum and n >= share * checked:
            return key
    return None


def group_body(
    problems: list[Problem],
    checked: int,
    whole_vi: Callable[[Problem, int], str],
    whole_en: Callable[[Problem, int], str],
    *,
    minimum: int = 3,
    share: float = 0.8,
) -> Iterable[tuple[Paragraph, int, int, str, str, Fix | None]]:
    """Report a defect shared by (nearly) the whole body once, the rest per paragraph.

    ``checked`` is how many body paragraphs were judged.  When one key covers
    at least ``share`` of them (and at least ``minimum``), one finding on the
    first such paragraph says so, and its fix holds the edits of every
    paragraph it speaks for; other problems are reported one by one.
    """
    if isinstance(problems, ProblemLog):
        yield from _group_log(problems, checked, whole_vi, whole_en, minimum, share)
        return
    by_key: dict[Any, list[Problem]] = {}
    for p in problems:
        by_key.setdefault(p.key, []).append(p)
    whole_key = dominant(problems, checked, minimum=minimum, share=share)
    for p in problems:
        if p.key == whole_key:
            if p is by_key[whole_key][0]:
                members = by_key[whole_key]
                n = len(members)
                yield p.paragraph, 0, len(p.paragraph.text), whole_vi(p, n), whole_en(p, n), fix_of(members)
            continue
        yield p.paragraph, p.start, p.end, p.vi, p.en, fix_of([p])


def _group_log(
    log: ProblemLog, checked: int, whole_vi: Callable[[Problem, int], str], whole_en: Callable[[Problem, int], str],
    minimum: int, share: float,
) -> Iterable[tuple[Paragraph, int, int, str, str, Fix | None]]:
    """:func:`group_body` of a :class:`ProblemLog`: the same findings in the same order."""
    keys = log.keys
    whole_key = _dominant_key(keys, checked, minimum, share)
    grouped = False
    for k, key in enumerate(keys):
        if key == whole_key:
            if not grouped:
                grouped = True
                members = array("q", (j for j in range(k, len(keys)) if keys[j] == whole_key))
                p = log[k]
                n = len(members)
                yield p.paragraph, 0, len(p.paragraph.text), whole_vi(p, n), whole_en(p, n), log.fix_of(members)
            continue
        p = log[k]
        yield p.paragraph, p.start, p.end, p.vi, p.en, fix_of([p])
