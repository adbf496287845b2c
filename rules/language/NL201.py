from __future__ import annotations

from dataclasses import dataclass
from itertools import compress, count, islice
from typing import Any, Iterable

from notice_lint.rule import Edit, Finding, Fix, Rule, RuleContext, Severity

from ._syllables import LANGUAGE_PROFILES, TOKEN_RE, Stream, Word, key_of, match_case, stream


@dataclass(frozen=True, slots=True)
class Entry:
    wrong: tuple[str, ...]  # syllable keys
    right: tuple[str, ...]  # the corrected words
    right_keys: tuple[str, ...]
    not_before: tuple[tuple[str, ...], ...]
    not_after: tuple[tuple[str, ...], ...]
    safe: bool
    severity: Severity | None
    category: str


_words = TOKEN_RE.findall


def _keys(text: str) -> tuple[str, ...]:
    return tuple(map(key_of, _words(text)))


def _phrases(values: Any) -> tuple[tuple[str, ...], ...]:
    if not values:
        return ()
    if not isinstance(values, (list, tuple)):
        values = [values]
    out = []
    for v in values:
        keys = _keys(str(v))
        if keys:
            out.append(keys)
    return tuple(out)


def _entry(row: Any) -> Entry | None:
    if not isinstance(row, dict) or not isinstance(row.get("wrong"), str) or not isinstance(row.get("right"), str):
        return None
    wrong = _keys(row["wrong"])
    right = tuple(_words(row["right"]))
    right_keys = tuple(map(key_of, right))
    if not wrong or not right or wrong == right_keys:
        return None
    severity = None
    if isinstance(row.get("severity"), str):
        try:
            severity = Severity.parse(row["severity"])
        except KeyError:
            severity = None
    return Entry(
        wrong=wrong,
        right=right,
        right_keys=right_keys,
        not_before=_phrases(row.get("not_before")),
        not_after=_phrases(row.get("not_after")),
        safe=bool(row.get("safe", True)),
        severity=severity,
        category=str(row.get("class", "")),
    )


class TypoIndex:
    """First syllable key -> second syllable key ("" for one-syllable entries) -> entries.

    Entries are longest first; a later row with the same wrong phrase (config,
    plugins) replaces the earlier one.  The entries of a first key are built when
    a document first holds that key: a process linting a few notices meets few.
    """

    __slots__ = ("firsts", "built", "pairs", "alone")

    def __init__(self, rows: list[Any]) -> None:
        #: first syllable key -> its rows, in table order
        self.firsts: dict[str, list[dict]] = {}
        pairs: set[tuple[str, str]] = set()
        alone: set[str] = set()
        for row in rows:
            if isinstance(row, dict) and isinstance(row.get("wrong"), str) and isinstance(row.get("right"), str):
                words = _words(row["wrong"])
                if words:
                    first = key_of(words[0])
                    self.firsts.setdefault(first, []).append(row)
                    if len(words) > 1:
                        pairs.add((first, key_of(words[1])))
                    else:
                        alone.add(first)
        #: (first, second) syllable keys of the longer entries
        self.pairs = frozenset(pairs)
        #: first syllable keys of one-syllable entries
        self.alone = frozenset(alone)
        #: first syllable key -> its entries, once built
        self.built: dict[str, dict[str, list[Entry]]] = {}

    def __bool__(self) -> bool:
        return bool(self.firsts)

    def __getitem__(self, first: str) -> dict[str, list[Entry]]:
        inner = self.built.get(first)
        if inner is None:
            inner = self.built[first] = _inner(self.firsts[first])
        return inner


def _inner(rows: list[dict]) -> dict[str, list[Entry]]:
    """Second syllable key -> entries, for the rows of one first key."""
    inner: dict[str, list[Entry]] = {}
    where: dict[tuple[str, ...], tuple[list[Entry], int]] = {}
    for row in rows:
        entry = _entry(row)
        if entry is None:
            continue
        if entry.wrong in where:
            bucket, k = where[entry.wrong]
            bucket[k] = entry
            continue
        second = entry.wrong[1] if len(entry.wrong) > 1 else ""
        bucket = inner.setdefault(second, [])
        where[entry.wrong] = (bucket, len(bucket))
        bucket.append(entry)
    for bucket in inner.values():
        bucket.sort(key=lambda e: -len(e.wrong))
    return inner


def _run_matches(keys: list[str], joined: list[bool], i: int, phrase: tuple[str, ...]) -> bool:
    """Words ``i..i+len(phrase)`` have these keys and are one unbroken phrase."""
    m = len(phrase)
    if i < 0 or i + m > len(keys):
        return False
    for k in range(m):
        if keys[i + k] != phrase[k] or (k and not joined[i + k]):
            return False
    return True


def _guarded(keys: list[str], joined: list[bool], i: int, entry: Entry) -> bool:
    m = len(entry.wrong)
    after = i + m
    if after < len(keys) and joined[after]:
        for g in entry.not_before:
            if _run_matches(keys, joined, after, g):
                return True
    if i > 0 and joined[i]:
        for g in entry.not_after:
            if _run_matches(keys, joined, i - len(g), g):
                return True
    return False


def _title(t: str) -> bool:
    return t[:1].isupper() and (len(t) == 1 or t[1:].islower())


def _proper_name(st: Stream, i: int, m: int) -> bool:
    """Every word Capitalised, mid-sentence (``ông Nguyễn Hoàng Thiện``): a name, not a typo."""
    return m > 1 and i > 0 and st.joined[i] and all(_title(st.texts[i + k]) for k in range(m))


def _starts(keys: list[str], index: TypoIndex) -> Iterable[int]:
    """Where a typo may start: the first two keys of a longer entry, or the key of a
    one-syllable entry (found with C-level maps: most words start nothing)."""
    starts = compress(count(), map(index.pairs.__contains__, zip(keys, islice(keys, 1, None))))
    if not index.alone:
        return starts
    return sorted({*starts, *compress(count(), map(index.alone.__contains__, keys))})


def find(st: Stream, index: TypoIndex) -> Iterable[tuple[int, Entry]]:
    """``(stream index, entry)`` of each typo, left to right, not overlapping."""
    keys, joined = st.keys, st.joined
    n = len(keys)
    nxt = 0  # a found phrase is skipped as a whole
    built = index.built
    for i in _starts(keys, index):
        if i < nxt:
            continue
        inner = built.get(keys[i])
        if inner is None:
            inner = index[keys[i]]
        candidates = None
        if i + 1 < n and joined[i + 1]:
            candidates = inner.get(keys[i + 1])
        single = inner.get("")
        if single is not None:
            candidates = [*candidates, *single] if candidates else single
        elif candidates is None:
            continue
        for entry in candidates:
            if (
                _run_matches(keys, joined, i, entry.wrong)
                and not _guarded(keys, joined, i, entry)
                and not _proper_name(st, i, len(entry.wrong))
            ):
                yield i, entry
                nxt = i + len(entry.wrong)
                break


def places(notice, st: Stream, index: TypoIndex) -> list[tuple[int, Entry]]:
    """:func:`find` on the document's stream, kept on the document (NL209 asks for it too)."""
    meta = notice.document.meta
    kept = meta.get("_nl201_places")
    if kept is not None and kept[0] is st and kept[1] is index:
        return kept[2]
    out = list(find(st, index))
    meta["_nl201_places"] = (st, index, out)
    return out


def corrected(found: list[Word], entry: Entry) -> list[str]:
    """The right words with the capitalisation (and tone style) of the words they replace."""
    m = len(found)
    out = []
    for k, word in enumerate(entry.right):
        if k < m and found[k].key == entry.right_keys[k]:
            out.append(found[k].text)  # unchanged syllable: keep it exactly as written
            continue
        model = found[min(k, m - 1)].text
        if k >= m and not (model.isupper() and len(model) > 1):
            model = model.lower()
        out.append(match_case(model, word))
    return out


def fix_for(found: list[Word], fixed: list[str], safe: bool) -> Fix:
    """One edit per paragraph the phrase runs through; separators are kept."""
    groups: list[list[Word]] = []
    for w in found:
        if groups and groups[-1][0].para is w.para:
            groups[-1].append(w)
        else:
            groups.append([w])
    edits = []
    pos = 0
    for g, group in enumerate(groups):
        take = len(group) if g < len(groups) - 1 else len(fixed) - pos
        mine = fixed[pos : pos + max(take, 0)]
        pos += len(mine)
        text = group[0].para.text
        seps = [text[group[k].end : group[k + 1].start] for k in range(len(group) - 1)]
        parts: list[str] = []
        for k, w in enumerate(mine):
            parts.append(w)
            if k < len(mine) - 1:
                parts.append(seps[k] if k < len(seps) else " ")
        replacement = "".join(parts)
        edits.append(Edit(group[0].para.index, group[0].start, group[-1].end, replacement))
    return Fix(tuple(edits), safe)


class KnownTypo(Rule):
    """A known misspelling or wrong word, from the typo table.

    The table (``rules/data/typos.toml``, extendable by config ``typos`` and
    plugins) lists phrases that are wrong in administrative writing, whatever
    the context, with their correction: confusions of s/x, ch/tr, d/gi/r, l/n,
    hỏi/ngã, final n/ng and c/t, wrong tones, dropped letters and syllables
    dropped from fixed phrases (``thực kế hoạch``).  An entry that can be right
    next to some word carries guards (``not_before``/``not_after``).

    Matching is on whole syllables, ignores case and tone-mark style
    (``hoà`` = ``hòa``), and runs across a line break inside a paragraph and
    across the hard-wrapped lines of a text export (``Rà`` at the end of one
    line, ``xoát`` at the start of the next: the finding is on the first line,
    the fix edits both).  The fix keeps each syllable's capitalisation
    (``RÀ XOÁT`` → ``RÀ SOÁT``).  The signer's name is not checked, nor a
    phrase written as a name in mid-sentence (``ông Nguyễn Hoàng Thiện``).

    **Anti-pattern**

    ```
    Kính phí thực hiện do ngân sách tỉnh bảo đảm.
    Các phòng rà xoát danh mục nhiệm vụ, đề suất giải pháp.
    ```

    **Best practice**

    ```
    Kinh phí thực hiện do ngân sách tỉnh bảo đảm.
    Các phòng rà soát danh mục nhiệm vụ, đề xuất giải pháp.
    ```

    Config: ``typos = [{wrong = "…", right = "…", class = "…", not_before = […]}]``
    adds entries (an entry with the same wrong phrase replaces the built-in one).
    """

    code = "NL201"
    needs = frozenset({"stream"})  # the language rules' syllable stream
    name = "known-typo"
    summary = "A known misspelling or wrong word"
    summary_vi = "Lỗi chính tả, dùng từ đã biết"
    doc_vi = (  # the Vietnamese page of --explain, beside the English docstring
        'Lỗi chính tả, dùng từ đã biết (theo bảng lỗi thường gặp). Sai: «Kính phí», «rà xoát», «đề suất».'
        ' Đúng: «Kinh phí», «rà soát», «đề xuất».'
    )
    severity = Severity.ERROR
    fixable = True
    profiles = LANGUAGE_PROFILES
    reference = "NĐ 30/2020, Điều 8 (văn bản viết bằng tiếng Việt, chính xác)"

    def check(self, notice, ctx: RuleContext) -> Iterable[Finding]:
        index = ctx.data.derived("typos", "NL201-index", TypoIndex)
        if not index:
            return
        st = stream(notice)
        for i, entry in places(notice, st, index):
            found = st.words(i, i + len(entry.wrong))
            fixed = corrected(found, entry)
            first = found[0].para
            on_first = [w for w in found if w.para is first]
            start, end = on_first[0].start, on_first[-1].end
            if len(on_first) == len(found):
                wrong_text = first.text[start:end]
            else:
                wrong_text = " ".join(w.text for w in found)
            right_text = " ".join(fixed)
            if entry.safe:
                vi = f"Sai chính tả: «{wrong_text}» → «{right_text}»"
                en = f"Misspelling: «{wrong_text}» → «{right_text}»"
            else:
                vi = f"Có thể dùng sai từ: «{wrong_text}» → «{right_text}»?"
                en = f"Probably the wrong word: «{wrong_text}» → «{right_text}»?"
            yield self.finding(
                first,
                start,
                end,
                vi=vi,
                en=en,
                fix=fix_for(found, fixed, entry.safe),
                severity=entry.severity,
            )
