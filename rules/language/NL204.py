from __future__ import annotations

import functools
import re
import unicodedata
from itertools import compress, count
from typing import Iterable

from notice_lint.rule import Finding, Fix, Rule, RuleContext, Severity

from notice_lint_rules._memo import Clean

from ._syllables import LANGUAGE_PROFILES, Stream, split_tone, stream

# An open syllable whose whole vowel group is oa / oe / uy: the only place the
# two tone-mark styles differ (LANGUAGE.md §6).  ``qu`` + ``y``/``a`` and
# ``gi`` + vowel are other syllables (``quý``, ``quà``), so no q/gi onset here.
_OPEN_PAIR = re.compile(r"(?:b|ch|c|d|đ|gh|g|h|kh|k|l|m|ngh|ng|nh|n|ph|p|r|s|th|tr|t|v|x)?(oa|oe|uy)")
_MARKS = {1: "\u0300", 2: "\u0301", 3: "\u0309", 4: "\u0303", 5: "\u0323"}
SECOND, FIRST = "second", "first"
_STYLE_NAMES = {
    "old": SECOND,
    "second-vowel": SECOND,
    "second": SECOND,
    "new": FIRST,
    "first-vowel": FIRST,
    "first": FIRST,
}
_EXAMPLE = {SECOND: "hoà, khoẻ, thuỷ", FIRST: "hòa, khỏe, thủy"}


@functools.lru_cache(maxsize=8192)
def classify(syllable: str) -> tuple[str, str] | None:
    """``(style, the syllable in the other style)`` for a toned open oa/oe/uy syllable."""
    base, tone, pos = split_tone(syllable)
    if not tone or not _OPEN_PAIR.fullmatch(base.lower()):
        return None
    n = len(base)
    if pos == n - 1:
        style, target = SECOND, n - 2
    elif pos == n - 2:
        style, target = FIRST, n - 1
    else:
        return None
    other = base[:target] + unicodedata.normalize("NFC", base[target] + _MARKS[tone]) + base[target + 1 :]
    return style, other


# each word met by this process, judged once: the oa/oe/uy syllables with their class, the others
_PAIRED: dict[str, tuple[str, str]] = {}
_PAIRED_WORDS: set[str] = set()
_PLAIN = Clean()  # the words with no class


def _pairs(words: set[str]) -> dict[str, tuple[str, str]]:
    """``word -> classify(word)`` for the distinct ``words`` that have a class (set
    operations pick out the words not judged before, and those with a class)."""
    new = _PLAIN.unknown(words, _PAIRED_WORDS)
    if new:
        for t in new:
            c = classify(t)
            if c is None:
                _PLAIN.add(t)
            else:
                _PAIRED[t] = c
                _PAIRED_WORDS.add(t)
    return {t: _PAIRED[t] for t in words & _PAIRED_WORDS}


def _likely_name(st: Stream, i: int) -> bool:
    """A capitalised word right after another capitalised word mid-sentence (``Nguyễn Thị Thuỷ``)."""
    text = st.texts[i]
    if not text[:1].isupper() or text.isupper() or i == 0 or not st.joined[i]:
        return False
    prev = st.texts[i - 1]
    if not prev[:1].isupper() or prev.isupper():
        return False
    return st.joined[i - 1]


class ToneStyle(Rule):
    """One tone-mark placement per document for the oa/oe/uy syllables.

    In an open syllable ending in ``oa``, ``oe`` or ``uy`` the tone mark may sit
    on the second vowel (``hoà``, ``khoẻ``, ``thuỷ``, ``Uỷ``: the "old" style,
    also the style of QĐ 1989/QĐ-BGDĐT) or on the first (``hòa``, ``khỏe``,
    ``thủy``, ``Ủy``: the "new" style).  Either is accepted; mixing them in one
    document is not.  The minority style is reported with a fix to the
    majority, or to the style set by config ``tone-style = "old" | "new"``.
    Only those syllables count: ``quý``, ``quỹ``, ``hoàng``, ``khuyến``,
    ``ngoài`` have one placement only.  The signer's name is not checked; a
    deviating word inside a run of capitalised words (a person's or place's
    name) is reported at information level, with its fix offered but not applied.

    **Anti-pattern**

    ```
    Ban Chấp hành Đảng bộ tỉnh khóa XIII; Thông báo kết luận của Hội nghị khoá XIII.
    ```

    **Best practice**

    ```
    Ban Chấp hành Đảng bộ tỉnh khóa XIII; Thông báo kết luận của Hội nghị khóa XIII.
    ```
    """

    code = "NL204"
    needs = frozenset({"stream"})  # the language rules' syllable stream
    name = "tone-style"
    summary = "Tone-mark placement (hoà / hòa) mixed in one document"
    summary_vi = "Kiểu đặt dấu thanh (hoà / hòa) không thống nhất"
    doc_vi = (  # the Vietnamese page of --explain, beside the English docstring
        'Một văn bản dùng thống nhất một kiểu đặt dấu thanh cho vần oa, oe, uy. Sai: «khóa XIII» và «khoá'
        ' XIII» trong cùng văn bản.'
    )
    severity = Severity.WARNING
    profiles = LANGUAGE_PROFILES
    fixable = True
    config_keys = {"tone-style": "old (hoà, thuỷ) | new (hòa, thủy) | auto: the tone-mark placement required"}
    reference = "QĐ 1989/QĐ-BGDĐT, Điều 8; thống nhất trong một văn bản"

    def check(self, notice, ctx: RuleContext) -> Iterable[Finding]:
        st = stream(notice)
        texts = st.texts
        # judge each distinct word once; only the oa/oe/uy syllables are kept
        pairs = _pairs(st.distinct_set())
        if not pairs:
            return
        wanted = _STYLE_NAMES.get(str(ctx.option("tone-style", "auto")).strip().lower())
        styles = {c[0] for c in pairs.values()}
        if styles == {wanted} or (wanted is None and len(styles) < 2):
            return  # one style only, the one asked for: nothing to count or report
        found: list[tuple[int, str, str]] = []
        counts = {SECOND: 0, FIRST: 0}
        for i in compress(count(), map(pairs.__contains__, texts)):
            c = pairs[texts[i]]
            found.append((i, c[0], c[1]))
            counts[c[0]] += 1
        if not found:
            return
        if wanted is None:
            if not counts[SECOND] or not counts[FIRST]:
                return
            if counts[SECOND] != counts[FIRST]:
                wanted = SECOND if counts[SECOND] > counts[FIRST] else FIRST
            else:
                wanted = found[0][1]  # a tie: the first one sets the style
            why_vi = f"phần lớn văn bản ({counts[wanted]} chữ) đặt dấu kiểu «{_EXAMPLE[wanted]}»"
            why_en = f"most of the document ({counts[wanted]} words) places the mark as in «{_EXAMPLE[wanted]}»"
        else:
            why_vi = f"cấu hình tone-style yêu cầu kiểu «{_EXAMPLE[wanted]}»"
            why_en = f"config tone-style asks for «{_EXAMPLE[wanted]}»"
        for i, style, other in found:
            if style == wanted:
                continue
            w = st.word(i)
            name = _likely_name(st, i)
            # the Quốc hiệu: NĐ 30 itself prints both «CỘNG HÒA» and «CỘNG HOÀ»
            in_header = notice.national is not None and w.para.index == notice.national.index
            name = name or in_header
            yield self.finding(
                w.para,
                w.start,
                w.end,
                vi=f"Vị trí dấu thanh «{w.text}» không thống nhất: {why_vi}; viết «{other}»",
                en=f"Tone mark placement of «{w.text}» is inconsistent: {why_en}; write «{other}»",
                fix=Fix.replace(w.para.index, w.start, w.end, other, safe=not name),
                severity=Severity.INFO if name else None,
            )
