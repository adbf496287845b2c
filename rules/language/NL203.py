from __future__ import annotations

from itertools import compress, count
from operator import eq
from typing import Iterable

from notice_lint.rule import Edit, Finding, Fix, Rule, RuleContext, Severity

from ._syllables import LANGUAGE_PROFILES, Word, stream, syllable_key

# Function words that never stand twice in a row.  Content words may
# (``Phân công công chức`` = phân công + công chức), and so may the
# reduplicatives (``thường thường``, ``từ từ``, ``ngày ngày``, ``người người``),
# so neither is listed; nor are numerals (``một một``) or ``là``/``hay``/``qua``/
# ``lại``/``ra``, which have doubled readings (``là là``, ``hay hay``).
FUNCTION_WORDS = frozenset(
    syllable_key(w)
    for w in (
        "các những mọi mỗi của và với cho trong để đã sẽ đang này đó theo tại về thì mà "
        "có không bị do nên hoặc như nhưng vì nếu khi cũng ở vào trên dưới sự nhằm rằng "
        "tới đến bởi được"
    ).split()
)
# two-syllable connectives checked the same way (``đối với đối với``)
FUNCTION_PAIRS = frozenset(
    tuple(syllable_key(w) for w in p.split())
    for p in (
        "đối với", "theo đó", "trong đó", "do đó", "vì vậy", "vì thế", "tuy nhiên", "ngoài ra",
        "bên cạnh", "cũng như", "đồng thời", "trong khi", "sau khi", "trước khi", "kể từ",
        "thông qua", "căn cứ", "nhằm mục đích", "để bảo đảm", "theo quy định",
    )
    if len(p.split()) == 2
)
# every key a repeat is made of
_LISTED = FUNCTION_WORDS | {k for pair in FUNCTION_PAIRS for k in pair}
_NEXT = (1).__add__


def _delete(first_end: Word, start: Word, end: Word) -> Edit:
    """Remove the repeated copy ``start..end`` with the space before it (or after it, at a line start)."""
    para = end.para
    if first_end.para is para:
        return Edit(para.index, first_end.end, end.end, "")
    text = para.text
    stop = end.end
    while stop < len(text) and text[stop] in " \u00a0":
        stop += 1
    return Edit(para.index, start.start, stop, "")


class RepeatedWord(Rule):
    """A function word (or connective) typed twice in a row.

    ``các các``, ``và và``, ``của của``, ``đối với đối với``: the second copy is a
    slip and is removed.  Only function words are judged, since a content word
    may legitimately meet itself at a word boundary (``Phân công công chức`` =
    *phân công* + *công chức*) and reduplicatives are words of their own
    (``thường thường``, ``từ từ``, ``ngày ngày``).  Copies separated by a
    comma are not repeats (``đề xuất, đề xuất``).  The check runs across a
    line break and across the hard-wrapped lines of a text export.

    **Anti-pattern**

    ```
    Giao các các phòng chuyên môn rà soát và và báo cáo.
    ```

    **Best practice**

    ```
    Giao các phòng chuyên môn rà soát và báo cáo.
    Phân công công chức theo dõi; các đơn vị thường thường báo cáo chậm.
    ```
    """

    code = "NL203"
    name = "repeated-word"
    summary = "A word typed twice in a row"
    summary_vi = "Từ bị lặp liền nhau"
    doc_vi = (  # the Vietnamese page of --explain, beside the English docstring
        'Từ (thường là hư từ) bị gõ lặp liền nhau. Sai: «các các phòng», «và và báo cáo».'
    )
    severity = Severity.WARNING
    profiles = LANGUAGE_PROFILES
    fixable = True
    reference = "NĐ 30/2020, Điều 8 (diễn đạt chính xác, rõ ràng)"

    def check(self, notice, ctx: RuleContext) -> Iterable[Finding]:
        st = stream(notice)
        keys, joined = st.keys, st.joined
        n = len(keys)
        # a repeat is reported at a word that is, as the word before it, a function word or
        # a word of a connective: only those places are looked at (found with C-level maps)
        at = list(compress(count(), map(_LISTED.__contains__, keys)))
        cands = compress(at[1:], map(eq, at[1:], map(_NEXT, at)))
        nxt = 1
        for i in cands:
            if i < nxt or not joined[i]:
                continue
            key = keys[i]
            prev = keys[i - 1]
            if key == prev and key in FUNCTION_WORDS:
                yield self._report(st.word(i - 1), st.word(i), st.word(i), st.texts[i])
                continue
            if (
                i + 2 < n
                and (prev, key) in FUNCTION_PAIRS
                and joined[i + 1]
                and joined[i + 2]
                and keys[i + 1] == prev
                and keys[i + 2] == key
                and st.para(i + 1) is st.para(i + 2)
            ):
                start, end = st.word(i + 1), st.word(i + 2)
                yield self._report(st.word(i), start, end, f"{start.text} {end.text}")
                nxt = i + 3

    def _report(self, before: Word, start: Word, end: Word, shown: str) -> Finding:
        return self.finding(
            start.para,
            start.start,
            end.end,
            vi=f"Từ «{shown}» bị lặp; bỏ bớt một lần",
            en=f"«{shown}» is repeated; remove one",
            fix=Fix((_delete(before, start, end),)),
        )
