from __future__ import annotations

from typing import Iterable

from notice_lint.rule import Edit, Finding, Fix, Rule, RuleContext, Severity

from ._syllables import LANGUAGE_PROFILES, Word, syllable_key, words

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
    severity = Severity.WARNING
    profiles = LANGUAGE_PROFILES
    fixable = True
    reference = "NĐ 30/2020, Điều 8 (diễn đạt chính xác, rõ ràng)"

    def check(self, notice, ctx: RuleContext) -> Iterable[Finding]:
        ws = words(notice)
        n = len(ws)
        i = 1
        while i < n:
            w = ws[i]
            if not w.joined:
                i += 1
                continue
            prev = ws[i - 1]
            if w.key == prev.key and w.key in FUNCTION_WORDS:
                yield self._report(prev, w, w, w.text)
                i += 1
                continue
            if (
                i + 2 < n
                and (prev.key, w.key) in FUNCTION_PAIRS
                and ws[i + 1].joined
                and ws[i + 2].joined
                and ws[i + 1].key == prev.key
                and ws[i + 2].key == w.key
                and ws[i + 1].para is ws[i + 2].para
            ):
                start, end = ws[i + 1], ws[i + 2]
                yield self._report(w, start, end, f"{start.text} {end.text}")
                i += 3
                continue
            i += 1

    def _report(self, before: Word, start: Word, end: Word, shown: str) -> Finding:
        return self.finding(
            start.para,
            start.start,
            end.end,
            vi=f"Từ «{shown}» bị lặp; bỏ bớt một lần",
            en=f"«{shown}» is repeated; remove one",
            fix=Fix((_delete(before, start, end),)),
        )
