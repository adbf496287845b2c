from __future__ import annotations

import re
from typing import Iterable

from notice_lint.rule import Edit, Finding, Fix, Rule, RuleContext, Severity

from ._syllables import LANGUAGE_PROFILES, Stream, Word, stream, syllable_key
from ._wordstats import pair_stats


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
        "tới đến bởi được khoảng rất hơn gồm giữa"
    ).split()
)
# of those, the ones that also start a word (``khoảng cách``, ``khoảng thời gian``): doubled
# before such a word, the second copy may begin it
_MAY_START = frozenset(syllable_key(w) for w in ("khoảng", "giữa", "hơn"))
#: the share of a word's occurrences followed by the next syllable that makes the two one word
START_SHARE = 0.3
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
#: an unlisted pair of syllables chance alone would bring this often is no word
UNEXPECTED = 500
#: the longest phrase (in syllables) whose immediate repeat is looked for
MOST = 6
#: a pair of syllables met this often in the corpus may be a word
PAIR_MIN = 100
#: the share of a syllable's occurrences followed by a function word that makes the two one word
#: (with corpus evidence of the doubling, and without)
WORD_SHARE, WORD_SHARE_ALONE = 0.1, 0.25


def _word_ending(a: str, key: str) -> bool:
    """``a key`` is a two-syllable word ending in the function word ``key``: ``a`` is mostly
    followed by ``key`` (``tồn tại``), or often and legal texts write the pair before
    ``key`` itself (``kèm theo theo mẫu``)."""
    stats = pair_stats()
    total = stats.count(a)
    if not total:
        return False
    share = stats.pair(a, key) / total
    return share >= WORD_SHARE_ALONE or (share >= WORD_SHARE and (a, key) in stats.doubled_after)


def _word_start(key: str, b: str) -> bool:
    """``key b`` is a word starting with ``key``: ``key`` is often followed by ``b`` (``khoảng cách``)."""
    stats = pair_stats()
    total = stats.count(key)
    return bool(total) and stats.pair(key, b) / total >= START_SHARE


def _binds(stats, far: str | None, near: str | None, key: str, after: bool = False) -> bool | None:
    """Does ``key`` make a word with its neighbour ``near`` (``far`` being the neighbour's
    other neighbour)?  None when the counts cannot tell: a pair too rare to be listed, of
    syllables too rare for its absence to mean anything (``kích hoạt``)."""
    if near is None:
        return None  # a number, a sign or a paragraph break beside it
    pair = stats.pair(key, near) if after else stats.pair(near, key)
    rival = stats.pair(near, far) if after else stats.pair(far, near)
    if pair >= PAIR_MIN:
        return pair >= rival
    # unlisted: rarer than chance says it would be if the syllables met freely?
    expected = stats.count(near) * stats.count(key) / stats.total
    return False if expected >= UNEXPECTED else None


def _straddles(keys: list[str], joined: list[bool], i: int, m: int) -> bool:
    """The repeated phrase ``keys[i:i + m]`` starts inside a word (``quyết định chỉ | định
    chỉ``) or its copy ends inside one: its first syllable makes a word with the syllable
    before rather than with the next, or the copy's last with the syllable after it."""
    stats = pair_stats()
    if i > 0 and joined[i]:
        before = stats.pair(keys[i - 1], keys[i])
        if before >= PAIR_MIN and before > stats.pair(keys[i], keys[i + 1]):
            return True
    end = i + 2 * m
    if end < len(keys) and joined[end]:
        after = stats.pair(keys[end - 1], keys[end])
        if after >= PAIR_MIN and after > stats.pair(keys[end - 2], keys[end - 1]):
            return True
    return False


_LABEL = re.compile(r"\S{1,4}[.)]")


def _sentence_start(st: Stream, i: int) -> bool:
    """Word ``i`` opens its paragraph, a sentence or a list item (so a capital says nothing)."""
    w = st.word(i)
    before = w.para.text[: w.start].rstrip()
    return not before or before[-1] in ".:;!?" or before in ("-", "+", "–", "•") or _LABEL.fullmatch(before) is not None


class _Codes(dict):
    """A key -> one byte from its hash (process-wide): equal keys, equal bytes."""

    def __missing__(self, key: str) -> int:
        if len(self) > 200_000:
            self.clear()
        code = self[key] = hash(key) & 0xFF
        return code


_CODES = _Codes()


def _repeats(keys: list[str], most: int = MOST) -> list[tuple[int, int]]:
    """Every ``(i, m)`` with ``keys[i:i + m] == keys[i + m:i + 2 * m]``, by increasing ``i``.

    Each key becomes one byte (from its hash), the bytes are read as one big
    integer: XOR with itself shifted by ``m`` bytes leaves a zero byte where word
    ``j`` may equal word ``j + m``, and ``bytes.find`` looks for ``m`` zero bytes in
    a row.  A few C-level operations per ``m`` instead of a Python loop over the
    words; every hit is checked on the keys (two keys may share a byte).
    """
    n = len(keys)
    if n < 2:
        return []
    raw = bytes(map(_CODES.__getitem__, keys))
    whole = int.from_bytes(raw, "little")
    out = []
    for m in range(1, min(most, n // 2) + 1):
        diff = (whole ^ (whole >> (8 * m))).to_bytes(n, "little")
        zeros = bytes(m)
        limit = n - m  # words j < n - m are compared with word j + m
        j = diff.find(zeros, 0, limit)
        while j != -1:
            if keys[j : j + m] == keys[j + m : j + 2 * m]:
                out.append((j, m))
                j = diff.find(zeros, j + m, limit)
            else:
                j = diff.find(zeros, j + 1, limit)
    if len(out) > 1:
        out.sort()
    return out


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
    """A word, a syllable or a phrase typed twice in a row.

    ``các các``, ``và và``, ``của của``, ``đối với đối với``: the second copy of
    a function word is a slip and is removed, unless the first ends a word of
    its own (``kèm theo theo mẫu``, ``thiết bị bị hỏng``).  A phrase repeated
    at once (``đề nghị các đơn vị đề nghị các đơn vị``) is a slip too.  A
    syllable of a content word may meet itself at a word boundary (``Phân
    công công chức`` = *phân công* + *công chức*), and reduplicatives are
    words of their own (``thường thường``, ``từ từ``): a doubled syllable is
    reported only when one copy makes a word with its neighbour and the other
    makes none (``kiểm tra tra hồ sơ``, ``Ban Ban Thường vụ``), as told by how
    often the syllables meet in ~20 M syllables of legal text
    (``rules/data/syllable_pairs.txt``); its fix is only suggested.  A
    two-syllable word twice is reported only for connectives (``đối với đối
    với``): a content word is often a subject, then its verb (``cơ quan, tổ
    chức tổ chức thực hiện``, ``người đại diện đại diện cho``).  Copies
    separated by a comma are not repeats (``đề xuất, đề xuất``).  The check
    runs across a line break and across the hard-wrapped lines of a text
    export.

    **Anti-pattern**

    ```
    Giao các các phòng chuyên môn kiểm tra tra hồ sơ và và báo cáo.
    ```

    **Best practice**

    ```
    Giao các phòng chuyên môn kiểm tra hồ sơ và báo cáo.
    Phân công công chức theo dõi hồ sơ kèm theo theo danh sách.
    ```
    """

    code = "NL203"
    needs = frozenset({"stream"})  # the language rules' syllable stream
    name = "repeated-word"
    summary = "A word typed twice in a row"
    summary_vi = "Từ bị lặp liền nhau"
    doc_vi = (  # the Vietnamese page of --explain, beside the English docstring
        'Từ, âm tiết hoặc cụm từ bị gõ lặp liền nhau. Sai: «các các phòng», «kiểm tra tra hồ sơ», '
        '«đề nghị các đơn vị đề nghị các đơn vị». Đúng: «kèm theo theo mẫu», «phân công công chức».'
    )
    severity = Severity.WARNING
    profiles = LANGUAGE_PROFILES
    fixable = True
    reference = "NĐ 30/2020, Điều 8 (diễn đạt chính xác, rõ ràng)"

    def check(self, notice, ctx: RuleContext) -> Iterable[Finding]:
        st = stream(notice)
        keys, joined = st.keys, st.joined
        nxt = 0
        for i, m in _repeats(keys):
            if i < nxt or not all(joined[i + 1 : i + 2 * m]):
                continue  # inside a repeat already reported; a comma or a paragraph between
            texts = st.texts
            upper, upper_copy = texts[i][:1].isupper(), texts[i + m][:1].isupper()
            if upper_copy and (m > 1 or not upper):
                continue  # a heading run into its first sentence (Người học / Người học là …)
            if upper and not upper_copy and not _sentence_start(st, i):
                continue  # a name, then a word (Phòng Kế hoạch - Tổng hợp tổng hợp, báo cáo …)
            if m == 1:
                finding = self._doubled(st, i)
            elif m == 2 and tuple(keys[i : i + 2]) not in FUNCTION_PAIRS:
                # a two-syllable content word twice is often a subject then its verb
                # (cơ quan, tổ chức tổ chức thực hiện; người đại diện đại diện cho …)
                continue
            else:
                first, end = st.word(i), st.word(i + 2 * m - 1)
                if first.para is not end.para or _straddles(keys, joined, i, m):
                    continue
                finding = self._report(st.word(i + m - 1), st.word(i + m), end, " ".join(texts[i + m : i + 2 * m]))
            if finding is not None:
                nxt = i + 2 * m
                yield finding

    def _doubled(self, st: Stream, i: int) -> Finding | None:
        """A syllable at ``i`` and ``i + 1``: a slip, or two words meeting (``kèm theo theo``)."""
        keys, joined = st.keys, st.joined
        key = keys[i]
        a = keys[i - 1] if i > 0 and joined[i] else None
        b = keys[i + 2] if i + 2 < len(keys) and joined[i + 2] else None
        if key in FUNCTION_WORDS:
            if a is not None and a not in FUNCTION_WORDS and (a, key) not in FUNCTION_PAIRS and _word_ending(a, key):
                return None  # kèm theo + theo, thiết bị + bị, hàng không + không
            if key in _MAY_START and b is not None and _word_start(key, b):
                return None  # khoảng + khoảng cách
            return self._report(st.word(i), st.word(i + 1), st.word(i + 1), st.texts[i + 1])
        if st.para(i) is not st.para(i + 1):
            return None  # a heading line and the text under it (Thực phẩm / Thực phẩm đông lạnh)
        stats = pair_stats()
        if not stats.frequent(key) or (a, key) in stats.doubled_after or (key, b) in stats.doubled_before:
            return None  # a rare syllable (a name, a reduplicative); a doubling legal texts use
        z = keys[i - 2] if a is not None and i > 1 and joined[i - 1] else None
        c = keys[i + 3] if b is not None and i + 3 < len(keys) and joined[i + 3] else None
        # does each copy make a word with its outer neighbour, rather than the neighbour with its own?
        left, right = _binds(stats, z, a, key), _binds(stats, c, b, key, after=True)
        if None in (left, right) or left == right:
            return None  # both copies in words (phân công + công chức), neither (thường thường), or unknown
        return self._report(st.word(i), st.word(i + 1), st.word(i + 1), st.texts[i + 1], safe=False)

    def _report(self, before: Word, start: Word, end: Word, shown: str, safe: bool = True) -> Finding:
        return self.finding(
            start.para,
            start.start,
            end.end,
            vi=f"Từ «{shown}» bị lặp; bỏ bớt một lần",
            en=f"«{shown}» is repeated; remove one",
            fix=Fix((_delete(before, start, end),), safe),
        )
