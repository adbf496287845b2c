from __future__ import annotations

import re
from bisect import bisect_right
from functools import reduce
from itertools import accumulate
from operator import or_
from typing import Iterable

from notice_lint.rule import ANY_PROFILE, Finding, Fix, Rule, RuleContext, Severity
import functools

from notice_lint_rules.language._validator import LOWER, UPPER, check, has_vietnamese_mark
from notice_lint_rules.language._lazy import LazyRe
from notice_lint_rules._memo import Clean, Verdicts
from notice_lint_rules.language._syllables import built_stream

from ._spans import in_spans, skipped_spans

_L = r"[^\W\d_]"
# a mark right before a letter; one pattern per mark, since a literal is found fast
_AFTER_MARKS = tuple(re.compile(rf"{mark}(?={_L})") for mark in ",;:")
# literal-first patterns (fast to scan); the words around are read afterwards
_DOT = re.compile(rf"\.(?={_L})")
_OPEN = re.compile(r"\((?=[^\W_])")
_WORD_BEFORE = re.compile(rf"{_L}+$")
_WORD_AT = re.compile(rf"{_L}+")
_DATE_BEFORE = LazyRe(r"(?:\d{1,2}/\d{1,2}/\d{4}|(?<![\d./])\d{4})$")
_DIGITS = re.compile(r"\d+")
# a digit with a letter right after or right before it: what the digit checks need, found fast
_DIGIT_BY_LETTER = re.compile(rf"\d(?:(?={_L})|(?<={_L}\d))")
_HYPHENS = (re.compile(rf" -(?={_L})"), re.compile(rf"- (?={_L})"))
_SYMBOL_AFTER = LazyRe(rf"[{UPPER}]+/")
# a capital right after a lower-case letter (the capital first: capitals are rare, found fast)
_CASE_BREAK = re.compile(rf"[{UPPER}](?<=[{LOWER}][{UPPER}])")
_ROMAN = LazyRe(r"^[IVX]+$")


@functools.lru_cache(maxsize=65536)
def _word(w: str) -> bool:
    """A Vietnamese word (valid syllable) worth judging, not a code or a loanword."""
    return len(w) >= 2 and not w.isupper() and has_vietnamese_mark(w) and check(w.lower()).ok


@functools.lru_cache(maxsize=65536)
def _syllable(w: str) -> bool:
    return len(w) >= 2 and not w.isupper() and check(w.lower()).ok


class _WordEnds:
    """Where the word (letter run) at a position ends: ``_WORD_AT.match(text, at).end()``
    without rescanning a long run for every position inside it (a 100,000-letter line
    would make that quadratic)."""

    __slots__ = ("text", "starts", "ends")

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts: list[int] | None = None
        self.ends: list[int] = []

    def __call__(self, at: int) -> int | None:
        m = _WORD_AT.match(self.text, at, at + 64)
        if m is None or m.end() < at + 64:
            return None if m is None else m.end()
        if self.starts is None:  # a run of 64 letters or more: index the runs once
            runs = [r.span() for r in _WORD_AT.finditer(self.text)]
            self.starts = [a for a, _ in runs]
            self.ends = [b for _, b in runs]
        k = bisect_right(self.starts, at) - 1
        return self.ends[k]


def _space_fix(index: int, text: str, at: int) -> Fix:
    """Insert a space at ``at`` by rewriting the mark or digit beside it, never as an empty edit
    (so the fix cannot collide with another rule's fix of the next word)."""
    before = text[at - 1]
    if before in ",;:.-" or (before.isdigit() and not text[at].isdigit()):
        return Fix.replace(index, at - 1, at, before + " ")
    return Fix.replace(index, at, at + 1, " " + text[at])


#: paragraphs joined for one scan of :func:`_hits` (a long document is never joined whole)
_HITS_CHUNK = 4096


def _hits(paragraphs, patterns) -> set[int]:
    """Positions of the paragraphs where one of ``patterns`` matches (none spans the
    line break that joins the paragraphs here, nor looks past it)."""
    out: set[int] = set()
    for base in range(0, len(paragraphs), _HITS_CHUNK):
        texts = [p.text for p in paragraphs[base : base + _HITS_CHUNK]]
        starts = list(accumulate((len(t) + 1 for t in texts[:-1]), initial=0))
        whole = "\n".join(texts)
        out.update(base + bisect_right(starts, m.start()) - 1 for rx in patterns for m in rx.finditer(whole))
    return out


_ONE_DIGIT = re.compile(r"\d")
_OPEN_DIGIT = re.compile(r"\((?=\d)")
# what may occur in a document, one bit per pattern (see _may_match)
CASE, TOUCH, MARK, DOT, OPEN, HYPHEN = 1, 2, 4, 8, 16, 32
ALL = 63


def _may_match(doc) -> int:
    """The patterns that may match in ``doc`` (bits above), told from the distinct words and
    separators (non-letter runs) of the language rules' stream when it is built; every
    bit is set when it is not.  A bit is clear only when its pattern cannot match (the
    dash's: cannot be reported):

    - a capital right after a lower-case letter lies inside one word (both are letters);
    - a digit touching a letter ends a separator before a word or starts one after a word;
    - ``, ; : .`` before a letter end a separator before a word;
    - a dash is reported only as `` -`` or ``- `` with a letter (``isalpha``: a letter of
      the stream's words) on both sides: that is a whole separator between two words;
    - ``(`` before a letter or a digit ends a separator before a word or precedes a
      digit inside a separator.
    """
    st = built_stream(doc)
    if st is None:
        return ALL
    words, inner, first, last, bare = st.inventory()
    found = CASE if any(map(_CASE_BREAKS.__getitem__, _NO_CASE_BREAK.unknown(words))) else 0
    for seps, bits in ((inner, _INNER_BITS), (first, _FIRST_BITS), (last, _LAST_BITS), (bare, _BARE_BITS)):
        found |= reduce(or_, map(bits.__getitem__, seps), 0)
    return found


def _sep_bits(sep: str, before: bool, after: bool) -> int:
    """The bits a separator may set, given whether a word follows it (before) or precedes it (after)."""
    bits = OPEN if _OPEN_DIGIT.search(sep) else 0
    if before and sep:
        last = sep[-1]
        if last in ",;:":
            bits |= MARK
        elif last == ".":
            bits |= DOT
        elif last == "(":
            bits |= OPEN
        elif _ONE_DIGIT.match(last):
            bits |= TOUCH
    if after and sep and _ONE_DIGIT.match(sep[0]):
        bits |= TOUCH
    if before and after and sep in (" -", "- "):
        bits |= HYPHEN
    return bits


def _case_break_in(word: str) -> bool:
    broken = _CASE_BREAK.search(word) is not None
    if not broken:
        _NO_CASE_BREAK.add(word)  # a set difference leaves it out next time
    return broken


_NO_CASE_BREAK = Clean(most=65536)


# the verdicts on the distinct words and separators of the documents linted
_CASE_BREAKS = Verdicts(_case_break_in)
_INNER_BITS = Verdicts(lambda sep: _sep_bits(sep, True, True))  # between two words
_FIRST_BITS = Verdicts(lambda sep: _sep_bits(sep, True, False))  # before a paragraph's first word
_LAST_BITS = Verdicts(lambda sep: _sep_bits(sep, False, True))  # after its last word
_BARE_BITS = Verdicts(lambda sep: _sep_bits(sep, False, False))  # a paragraph with no word


#: the kinds of heading label whose text may be typed right after them ("2.Kết", "a)Rà", "II.KHÓ")
_GLUED_KINDS = frozenset(("roman", "arabic", "letter"))
# a heading label with a hyphen separator at the start of a line: "II- ", "3- "
_HEADING_LABEL = LazyRe(r"^\s*(?:[IVXLC]{1,6}|\d{1,2})-(?=\s)")


class MissingSpace(Rule):
    """A missing space: after ``, ; :`` or a sentence's period, before ``(``,
    between a number and a word, around a dash, before an abbreviation, after
    a heading's label (``2.Kết quả``, ``a)Rà soát``).

    Not reported: numbers (``1,5``, ``13:30``, ``1.2.``, ``10/2023``), times
    (``13h30``), units (``10m2``), codes and abbreviations (``KH&CN``,
    ``TB-SKHCN``, ``V/v``, ``(b/c)``, ``TP.HCM``), URLs and e-mail addresses,
    and the drafter's initials in the ``Lưu`` line (``QLCN(Dũng)``).

    **Anti-pattern**

    ```
    Ngày 15 tháng 4năm 2024,Sở tổ chức kiểm tra việc sử dụngVLNCN tại mỏ -tuyển.Đoàn gồm:
    ```

    **Best practice**

    ```
    Ngày 15 tháng 4 năm 2024, Sở tổ chức kiểm tra việc sử dụng VLNCN tại mỏ - tuyển. Đoàn gồm:
    ```
    """

    code = "NL303"
    needs = frozenset({"stream"})  # the language rules' syllable stream
    profiles = ANY_PROFILE
    name = "missing-space"
    summary = "A missing space after punctuation, before a parenthesis, or between a number and a word"
    summary_vi = "Thiếu dấu cách sau dấu câu, trước dấu ngoặc, giữa số và chữ"
    doc_vi = (  # the Vietnamese page of --explain, beside the English docstring
        'Thiếu dấu cách sau dấu câu, trước dấu mở ngoặc, giữa số và chữ. Sai: «tháng 4năm 2024,Sở tổ '
        'chức». Đúng: «tháng 4 năm 2024, Sở tổ chức».'
    )
    severity = Severity.WARNING
    fixable = True
    reference = "NĐ 30/2020, Phụ lục I (trình bày văn bản)"

    def check(self, notice, ctx: RuleContext) -> Iterable[Finding]:
        yield from self._glued_labels(notice)
        may = _may_match(notice.document)
        if not may:
            return
        recipients = set()
        if notice.recipients is not None:
            recipients = {s.index for s in [notice.recipients.label, *notice.recipients.items]}
        fields = {seg.index for seg in (notice.number, notice.place_date) if seg is not None}
        paragraphs = notice.document.paragraphs
        may_touch = may & TOUCH
        may_dot = may & DOT
        may_open = may & OPEN
        may_hyphen = may & HYPHEN
        # one scan of the whole text (not one per paragraph) for the two rare patterns
        marked = _hits(paragraphs, _AFTER_MARKS) if may & MARK else ()
        case_broken = _hits(paragraphs, (_CASE_BREAK,)) if may & CASE else ()
        for k, para in enumerate(paragraphs):
            text = para.text
            if not text.strip():
                continue
            listing = para.index in recipients
            skip = None
            found: list[tuple[int, int, int, str, str, str]] = []  # start, end, insert-at, vi, en, kind
            word_end = _WordEnds(text)

            for rx in _AFTER_MARKS if k in marked else ():
                for m in rx.finditer(text):
                    mark = m.group()
                    found.append((m.start(), m.end() + 1, m.end(), f"Thiếu dấu cách sau dấu «{mark}»",
                                  f"Missing space after «{mark}»", mark))
            if may_dot and "." in text:
                for m in _DOT.finditer(text):
                    dot = m.start()
                    lm = _WORD_BEFORE.search(text, max(0, dot - 30), dot)
                    right = text[dot + 1 : word_end(dot + 1)]
                    if lm is None:
                        # a date or a year ends the sentence: "trước ngày 30/6/2025.Sở Xây dựng"
                        dm = _DATE_BEFORE.search(text, max(0, dot - 12), dot)
                        if dm is not None and right[:1].isupper() and _syllable(right) and not right.isupper():
                            found.append((dot, dot + 1, dot + 1, "Thiếu dấu cách sau dấu chấm",
                                          "Missing space after the period", "."))
                        continue
                    left = lm.group()
                    if _syllable(left) and _syllable(right) and (has_vietnamese_mark(left) or has_vietnamese_mark(right)):
                        found.append((dot, dot + 1, dot + 1, "Thiếu dấu cách sau dấu chấm",
                                      "Missing space after the period", "."))
            if may_open and not listing and "(" in text:
                for m in _OPEN.finditer(text):
                    p = m.start()
                    lm = _WORD_BEFORE.search(text, max(0, p - 30), p)
                    if lm is not None and _syllable(lm.group()):
                        found.append((p, p + 1, p, "Thiếu dấu cách trước dấu «(»",
                                      "Missing space before «(»", "("))
            for m in _DIGITS.finditer(text) if may_touch and _DIGIT_BY_LETTER.search(text) else ():
                a, b = m.start(), m.end()
                if b < len(text) and text[b].isalpha() and (a == 0 or text[a - 1] not in "/.,-" and not text[a - 1].isalnum()):
                    wend = word_end(b)
                    if wend is not None and _word(text[b:wend]):
                        whole = text[a:wend]
                        found.append((a, wend, b, f"Số viết dính vào chữ: «{whole}»",
                                      f"A number run into a word: «{whole}»", "digit"))
                if not listing and a > 0 and text[a - 1].isalpha() and (b == len(text) or not (text[b].isalnum() or text[b] in "/_")):
                    lm = _WORD_BEFORE.search(text, max(0, a - 30), a)
                    if lm is not None and _word(lm.group()):
                        whole = text[lm.start() : b]
                        found.append((lm.start(), b, a, f"Chữ viết dính vào số: «{whole}»",
                                      f"A word run into a number: «{whole}»", "digit"))
            if may_hyphen and para.index not in fields and "-" in text:
                label = None  # the heading label's match, looked up once
                for rx in _HYPHENS:
                    for m in rx.finditer(text):
                        if m.start() == 0 or not text[m.start() - 1].isalpha():
                            continue
                        if label is None:
                            label = _HEADING_LABEL.match(text) or False
                        if label and m.start() < label.end():
                            continue  # a heading label «II- Nhiệm vụ»: its separator, not a dash
                        if _SYMBOL_AFTER.match(text, m.end()):
                            continue  # a draft's blank number: "Số -TB/ĐU"
                        p = m.end() if m.group().startswith(" ") else m.start()
                        found.append((m.start(), m.end(), p, "Dấu gạch nối cần dấu cách ở cả hai bên",
                                      "A dash needs a space on both sides", "-"))
            for m in _CASE_BREAK.finditer(text) if k in case_broken else ():
                cut_at = m.start()
                lm = _WORD_BEFORE.search(text, max(0, cut_at - 30), cut_at)
                rend = word_end(cut_at)
                if lm is None or rend is None:
                    continue
                left, abbr = lm.group(), text[cut_at:rend]
                if not abbr.isupper() or not (len(abbr) >= 2 or _ROMAN.match(abbr)) or not has_vietnamese_mark(left):
                    continue
                whole = text[lm.start() : rend]
                found.append((lm.start(), rend, cut_at, f"Thiếu dấu cách trước «{abbr}»: «{whole}»",
                              f"Missing space before «{abbr}»: «{whole}»", "caps"))
            seen: set[int] = set()
            if found:
                skip = skipped_spans(notice, para)
            for start, end, at, vi, en, _kind in sorted(found):
                if at in seen or in_spans(skip, start, end):
                    continue
                seen.add(at)
                yield self.finding(para, start, end, vi=vi, en=en, fix=_space_fix(para.index, text, at))

    def _glued_labels(self, notice) -> Iterable[Finding]:
        """``2.Kết quả``, ``a)Rà soát``: a heading's label typed with no space before its text."""
        for h in notice.headings:
            if h.auto or h.label_end is None or h.kind not in _GLUED_KINDS:
                continue
            para = h.segment.paragraph
            text = para.text
            e = h.label_end
            if e < len(text) and text[e].isalpha():
                label = text[h.label_start:e]
                yield self.finding(
                    para, h.label_start, e + 1,
                    vi=f"Thiếu dấu cách sau số thứ tự «{label}»", en=f"Missing space after the label «{label}»",
                    fix=_space_fix(para.index, text, e),
                )
