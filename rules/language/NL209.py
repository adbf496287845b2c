from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import chain, compress, repeat
from operator import getitem, not_, or_, sub
from typing import Iterable

from notice_lint.rule import Finding, Fix, Rule, RuleContext, Severity

from ._bare import bare_runs
from ._syllables import LANGUAGE_PROFILES, Stream, key_of, match_case, stream

#: ln of how much likelier, context and error model together, the best candidate must be
#: than the word as written; chosen on the held-out text by ``bench/lm_eval.py``
THRESHOLD = 7.5
#: a word the legal text holds at least this often is a common word: a typo that makes one
#: (``tham ra``, ``chủ yêu``, ``bố chí``) is weighed with :data:`COMMON_RELIEF` less.  The
#: rarer words the band would add are mostly right and merely rare in legal text (``tỉnh
#: táo``, ``ngấm nước``, ``chó cảnh``); common words there are mostly typos
#: (``bench/lm_eval.py``, the held-out text and the real drafts: see the issue notes)
COMMON = 1000
COMMON_RELIEF = 1.0
#: added when only one neighbour speaks (the word starts or ends a run of words: after or
#: before punctuation, a number, a line end): one-sided evidence is weaker
ONE_SIDED = 2.5

_VNI_TAIL = re.compile(r"[1-9]{1,3}(?!\w)")
_DIGIT_FIRST = re.compile(r"[1-9]")
#: the longest run of words remembered silent (a longer one seldom comes again; a line of
#: 100,000 characters with no punctuation must not be kept whole)
_LONGEST_KEPT = 100
_CODE_NEAR = frozenset("0123456789-/_@.&+#%=\\")
_NAME_CUES = frozenset({"ông", "bà", "chí", "anh", "chị", "em", "cô", "thầy", "cháu", "bé"})


def _title(t: str) -> bool:
    return t[:1].isupper() and (len(t) == 1 or t[1:].islower())


class ContextTypo(Rule):
    """A valid syllable (or a keyboard leftover) that its neighbours say is a typo.

    Most typos in Vietnamese are real syllables in the wrong place (a wrong
    tone, vowel mark, initial or final): no table can list them, only the words
    around them tell.  The rule weighs, for each word, the syllables a typist
    may have meant (other tones, marks, initials, finals, a keyboard slip, a
    Telex or VNI leftover such as ``cuar``, ``dduwowcj``, ``va2``; the tones of
    a word of plain letters that is then no syllable: ``khoa hoc``) with a
    language model of administrative Vietnamese (syllable trigrams counted in
    the legal codification, ``rules/data/lm.bin``, rebuilt by
    ``tools/build_lm.py``) and an error model of how often each slip happens
    (noisy channel).  It reports the word when a candidate is far likelier in
    its context.  The threshold was chosen on text kept out of the model
    (``bench/lm_eval.py``): on 100,000 words of it, 40 findings, nearly all of
    them typos of the source itself; with typos injected, 78 % of them found,
    96 % of the findings right.  A typo that makes another common word (``tham
    ra``, ``thiết yêu``) needs a little less evidence: a rarer word is more
    often a right word the legal text seldom uses (``tỉnh táo``).

    It never judges proper names (a capitalised word inside a sentence, a word
    after ``ông``, ``bà``, ``đồng chí``), all-capital words and abbreviations,
    words touching a digit or a code sign (``QĐ-UBND``, ``a2``), words next to a
    foreign word, or a place NL201 (the certain table) already reports.  A typo
    repeated through the document is reported at each place.  The fix is a
    suggestion: applied only with ``--unsafe-fixes``.

    A phrase typed without its diacritics (the input method off: ``De nghi cac
    don vi bao cao``) has no context to weigh against, so it is found by its
    words: three or more, and most of them, bare ASCII forms whose marked
    forms the model's text writes far more often (``cac``: ``các``); it is
    reported once, without a fix, in a document that elsewhere writes its
    marks.  Names (all capitalised words) and English words are left alone.

    **Anti-pattern**

    ```
    Các phòng thục hiện kế hoặch, báo cáo kết quá cho Phó Giám đóc.
    De nghi cac don vi gui bao cao truoc ngay 15.
    ```

    **Best practice**

    ```
    Các phòng thực hiện kế hoạch, báo cáo kết quả cho Phó Giám đốc.
    Đề nghị các đơn vị gửi báo cáo trước ngày 15.
    ```
    """

    code = "NL209"
    needs = frozenset({"stream"})  # the language rules' syllable stream
    name = "context-typo"
    summary = "A word far less likely in its context than a near variant (language model)"
    summary_vi = "Từ có thể gõ nhầm (mô hình ngôn ngữ)"
    doc_vi = (  # the Vietnamese page of --explain, beside the English docstring
        'Một âm tiết có thật nhưng đặt sai chỗ (sai dấu thanh, dấu mũ, phụ âm đầu, vần) hoặc sót phím '
        'Telex, VNI: mô hình ngôn ngữ của văn bản hành chính cho thấy một từ gần giống hợp với ngữ cảnh '
        'hơn nhiều. Một cụm từ gõ không dấu (chưa bật bộ gõ) được báo một lần. Không xét tên riêng, chữ in '
        'hoa, chữ viết tắt. Sai: «ngân sách nhà nược», «cuar», «De nghi cac don vi». '
        'Đúng: «ngân sách nhà nước», «của», «Đề nghị các đơn vị».'
    )
    severity = Severity.WARNING
    fixable = True
    profiles = LANGUAGE_PROFILES
    reference = "NĐ 30/2020, Điều 8 (văn bản viết bằng tiếng Việt, chính xác)"

    def check(self, notice, ctx: RuleContext) -> Iterable[Finding]:
        from ._lm import model

        m = model()
        if m is None:
            return
        st = stream(notice)
        if not st.keys:
            return
        covered = _nl201_words(notice, st, ctx)
        bare = bare_runs(st, m)
        if bare:
            covered = set(covered)
            for first, last in bare:
                covered.update(range(first, last + 1))
                para = st.para(first)
                start, end = st.span(first)[0], st.span(last)[1]
                shown = para.text[start:end]
                if len(shown) > 40:
                    shown = shown[:40].rsplit(" ", 1)[0] + " …"
                yield self.finding(
                    para, start, end,
                    vi=f"Thiếu dấu tiếng Việt (bộ gõ chưa bật?): «{shown}»",
                    en=f"Vietnamese written without its diacritics (was the input method off?): «{shown}»",
                )
        for i, cand, left, right, span in scan(st, m, covered):
            para = st.para(i)
            start, end = span
            wrong = para.text[start:end]
            right_word = match_case(st.texts[i], cand)
            shown_wrong = " ".join(x for x in (left, wrong, right) if x)
            shown_right = " ".join(x for x in (left, right_word, right) if x)
            yield self.finding(
                para, start, end,
                vi=f"Có thể gõ nhầm: «{shown_wrong}» → «{shown_right}»?",
                en=f"Possible typo: «{shown_wrong}» → «{shown_right}»?",
                fix=Fix.replace(para.index, start, end, right_word, safe=False),
            )


def _nl201_words(notice, st: Stream, ctx: RuleContext) -> set[int]:
    """Stream indexes of the words NL201's table reports (NL209 stays silent there)."""
    try:
        from .NL201 import TypoIndex, places

        index = ctx.data.derived("typos", "NL201-index", TypoIndex)
        if not index:
            return set()
        out: set[int] = set()
        for i, entry in places(notice, st, index):
            out.update(range(i, i + len(entry.wrong)))
        return out
    except Exception:  # noqa: BLE001 - the table is NL201's; a broken one must not stop this rule
        return set()


def scan(st: Stream, m, covered: set[int] = frozenset(), threshold: float | None = None,
         verdicts: list | None = None):
    """``(index, candidate, left word, right word, (start, end))`` of each word judged a typo.

    ``covered``: the words not to judge (NL201's places).
    ``verdicts``, when given, receives ``(index, gain, candidate)`` for every word the
    model weighed (the evaluation script uses it to choose the threshold)."""
    from ._candidates import LOG_PRIOR, telex, vni
    from ._validator import check

    limit = THRESHOLD if threshold is None else threshold
    texts, keys, joined = st.texts, st.keys, st.joined
    n = len(keys)
    if not n:
        return
    keep = verdicts is not None
    best_prior = max(LOG_PRIOR.values())
    logp = m.logp
    cands, decided, quiet = _caches(m, limit)
    decided_get = decided.get
    memo = m.memo()
    lp = m._logp
    idof = m.ids.get
    uni = m.uni
    # only lower-case words and capitalised words that start a run are judged: names,
    # abbreviations and capitals inside a sentence are skipped without a look; nor the
    # words of a run found silent before (but an ASCII word at its end)
    if keep:
        todo = list(compress(range(n), map(or_, map(str.islower, texts), map(not_, joined))))
        windows: Iterable = ((0, n, todo, len(todo)),)
        odd = None
    else:
        _words, inner, _first, last, _bare = st.inventory()
        digits = any(map(_DIGIT_FIRST.match, chain(inner, last)))  # a word may be followed by digits
        loud: list[int] = []  # words past "silent", or not judged on their run alone
        odd: list[int] | None = []  # words followed by digits (a VNI leftover?)
        windows = _windows(texts, joined, quiet, digits, covered, loud, odd)
    # The document is scanned a window of whole runs at a time (about _WINDOW words; see
    # :func:`_windows`): a context never reaches past its run but for a VNI leftover's, which
    # reads the two words after it, so a window's lists hold its words and the two after
    # them, indexed from the window's first word ``lo`` (k = i - lo).
    # The context of word i: the run of joined words around it, <s> (0) at its edges.
    # prev[k] is word i - 1 when word i is joined to it, joins[k] is word i when it is joined
    # to word i - 1, else 0 (no word's id is 0: that is <s>); so word i follows
    # b = prev[k] and a = prev[k - 1] (when b), and c = joins[k + 1] and d = joins[k + 2]
    # (when c) follow it, with zeros past the end.
    for lo, hi, todo, many in windows:
        top = min(hi + 2, n)
        if many * 4 >= hi - lo:
            # made at C speed: each entry is (0, id)[joined], the id itself (a product would be
            # a new int object per word)
            whole = lo == 0 and top == n  # one window (a short document): no copies
            ids = list(map(idof, keys if whole else keys[lo:top], repeat(-1)))
            near = joined if whole else joined[lo:top]
            prev = list(map(getitem, zip(repeat(0), chain((0,), ids)), near))
            prev += (0, 0)
            joins = list(map(getitem, zip(repeat(0), ids), near))
            joins += (0, 0)
        else:
            # few words to look at (the others' runs were found silent before): the same
            # entries, each made when first read
            ids, prev, joins = (_Lazy(keys, joined, idof, kind, lo) for kind in (0, 1, 2))
        for i in todo:
            k = i - lo
            text = texts[i]
            if text.islower():
                low = text
            elif not _title(text):
                continue  # ALL CAPS, camelCase: abbreviations and names
            else:
                low = text.lower()
            if covered and i in covered:
                continue
            b = prev[k]
            c = joins[k + 1]
            if b < 0:
                continue  # next to a word the model does not know (foreign, a name, a code)
            w = ids[k]
            if w >= 0 and c > 0 and (not text.isascii() or check(low).ok):
                # a known word inside a run: weighed as it is (the common case)
                a = prev[k - 1] if b else -1
                d = joins[k + 2]
                one_sided = ONE_SIDED if b == 0 else 0.0
                lim = limit - COMMON_RELIEF if uni[w] >= COMMON else limit
                memo_key = (a, b, w, c, d, keep)
                done = decided_get(memo_key)
                if done is None:
                    done = decided[memo_key] = _decide(m, memo, lp, cands, low, a, b, w, c, d, lim + one_sided,
                                                       best_prior, keep)
                best, best_gain = done
                if best is None:
                    continue
                span = None
            else:
                nxt = c != 0
                a = prev[k - 1] if b else -1
                d = joins[k + 2] if nxt else -1
                leftover = None
                if w < 0 or (text.isascii() and (not nxt or not check(low).ok)):
                    leftover = _leftover(st, i, low, telex, vni, check, odd)
                    if leftover is not None:
                        w = -1  # a keyboard leftover is no word: weigh the candidate against an unknown one
                        if leftover[2]:  # VNI digits: the next word follows the digits
                            nxt = leftover[2] == 2
                            c = ids[k + 1] if nxt else 0
                            d = joins[k + 2] if nxt else -1
                if c < 0:
                    continue  # next to a word the model does not know (foreign, a name, a code)
                one_sided = ONE_SIDED if b == 0 or c == 0 else 0.0
                lim = limit - COMMON_RELIEF if w >= 0 and uni[w] >= COMMON else limit
                if leftover is None:
                    memo_key = (a, b, w if w >= 0 else low, c, d, keep)
                    done = decided_get(memo_key)
                    if done is None:
                        done = decided[memo_key] = _decide(m, memo, lp, cands, low, a, b, w, c, d, lim + one_sided,
                                                           best_prior, keep)
                    best, best_gain = done
                    span = None
                else:
                    base = _score(logp, a, b, w, c, d)
                    cand, span, _ = leftover
                    x = idof(key_of(cand), -1)
                    if x < 0 or (m.log2count(b, x) is None and m.log2count(x, c) is None):
                        continue  # the candidate must fit at least one neighbour
                    best, best_gain = cand, _score(logp, a, b, x, c, d) - base + LOG_PRIOR["telex"]
                if best is None:
                    continue
            best_gain -= one_sided
            if keep:
                verdicts.append((i, best_gain, best))
            if best_gain <= lim:
                continue
            if not keep:
                loud.append(i)
            if _foreign_near(texts, i, b, c, check):
                continue
            if _guarded(st, i, span):
                continue
            if span is None:
                span = st.span(i)
            x = idof(key_of(best), -1)
            ids[k] = x  # later words are judged against the corrected text
            prev[k + 1] = x * joined[i + 1] if i + 1 < n else 0
            left = texts[i - 1] if b > 0 else ""
            right = texts[i + 1] if c > 0 else ""
            # show the neighbour that carries the evidence
            if left and right:
                if logp(-1, b, x) >= logp(-1, x, c):
                    right = ""
                else:
                    left = ""
            yield i, best, left, right, span


class _Lazy(dict):
    """``ids``, ``prev`` or ``joins`` of a window of :func:`scan` (``kind`` 0, 1, 2) from word
    ``lo`` on, each entry made when first read, as the lists would hold it before any change."""

    __slots__ = ("keys", "joined", "idof", "kind", "lo")

    def __init__(self, keys: list[str], joined: bytearray, idof, kind: int, lo: int = 0) -> None:
        super().__init__()
        self.keys, self.joined, self.idof, self.kind, self.lo = keys, joined, idof, kind, lo

    def __missing__(self, k: int) -> int:
        keys, joined, kind = self.keys, self.joined, self.kind
        n = len(keys)
        i = k + self.lo
        if kind == 0:
            v = self.idof(keys[i], -1)
        elif kind == 1:
            v = self.idof(keys[i - 1], -1) if 0 < i < n and joined[i] else 0
        else:
            v = self.idof(keys[i], -1) if 0 <= i < n and joined[i] else 0
        self[k] = v
        return v


#: words of a window of :func:`scan` (it ends at the first run start from there): the lists
#: of contexts and the runs' strings are made for one window at a time
_WINDOW = 4096


def _windows(texts: list[str], joined: bytearray, quiet: set, digits: bool, covered: set[int],
             loud: list[int], odd: list[int]):
    """``(lo, hi, words to look at, how many at most)`` of each window of whole runs
    ``[lo, hi)`` of the document, in order: about :data:`_WINDOW` words, up to a run start.
    Each window's runs are looked up in ``quiet`` when the window comes, after the earlier
    windows' words were judged (a run found silent there is skipped here)."""
    n = len(texts)
    marked = sorted(covered) if covered else []
    lo = 0
    while lo < n:
        hi = joined.find(0, lo + _WINDOW) if lo + _WINDOW < n else -1
        if hi < 0:
            hi = n
        cut = marked[bisect_left(marked, lo) : bisect_left(marked, hi)] if marked else ()
        work, many = _unsettled(texts, joined, quiet, digits, cut, lo, hi)
        yield lo, hi, _walk(work, texts, joined, quiet, digits, loud, odd), many
        lo = hi


def _unsettled(texts: list[str], joined: bytearray, quiet: set, digits: bool, covered: Iterable[int] = (),
               lo: int = 0, hi: int | None = None):
    """``(runs to walk, how many words at most)`` of words ``[lo, hi)`` (whole runs) for
    :func:`_walk`: ``(first word, end, the run as one string)`` of each run not found silent
    before, and ``(first word, end, None)`` of each run found silent whose last word
    :func:`_walk` must look at again.

    A run (words joined one to the next) decides the verdict on each of its words (their
    contexts, the NL201 places, whether they are names, whether they are Telex leftovers)
    but for an ASCII word at its end when digits follow it (VNI: only spaces join words,
    so no digit follows a word inside a run): a run found silent before is skipped, but
    for such a word when ``digits`` (some separator of the document starts with a digit).
    A run holding words of ``covered`` (not judged; in order) is another run than the same
    words without.  Made at C speed but for the runs not found silent."""
    if hi is None:
        hi = len(texts)
    starts = list(compress(range(lo, hi), map(not_, joined[lo:hi])))
    if not starts or starts[0] != lo:
        starts.insert(0, lo)
    ends = starts[1:]
    ends.append(hi)
    # a run as one string (its words are letter runs: a space cannot be in one); held by
    # ``quiet`` after the document, it costs less than a tuple of its words
    runs = list(map(" ".join, map(texts.__getitem__, map(slice, starts, ends))))
    for i in covered:
        r = bisect_right(starts, i) - 1
        runs[r] += f"\0{i - starts[r]}"
    known = list(map(quiet.__contains__, runs)) if quiet else None
    if not known or not any(known):
        return list(zip(starts, ends, runs)), hi - lo
    work = list(compress(zip(starts, ends, runs), map(not_, known)))
    many = sum(map(sub, [e for _, e, _ in work], [s for s, _, _ in work]))
    if digits:
        islower = str.islower
        again = [(j, j + 1, None) for j in compress(map(sub, ends, repeat(1)), known)
                 if texts[j].isascii() and (islower(texts[j]) or not joined[j])]
        if again:
            work = sorted(work + again)
            many += len(again)
    return work, many


def _walk(work: list, texts: list[str], joined: list[bool], quiet: set, digits: bool, loud: list[int],
          odd: list[int]):
    """The words :func:`scan` looks at, run by run (:func:`_unsettled`): the lower-case
    ones and those that start a run.  A run none of whose words turned out loud or
    followed by digits is remembered as silent (the scan of its words ran between two
    steps of this generator), if not too long; the same words later in the document
    are skipped."""
    islower = str.islower
    for s, e, run in work:
        if run is None:  # a run found silent before, whose last word digits may follow
            yield s
            continue
        if run in quiet:  # found silent earlier in this document
            last = e - 1
            if digits and texts[last].isascii() and (islower(texts[last]) or not joined[last]):
                yield last
            continue
        mark = len(loud) + len(odd)
        if not joined[s] or islower(texts[s]):
            yield s
        yield from compress(range(s + 1, e), map(islower, texts[s + 1 : e]))
        if len(loud) + len(odd) == mark and e - s <= _LONGEST_KEPT:
            quiet.add(run)


_CACHES: list = []


def _caches(m, limit: float):
    """Process-wide ``(word -> its candidates as (id, log prior, text), context -> decision,
    silent runs)`` for model ``m`` and threshold ``limit`` (a document repeats its phrases, a
    run its documents)."""
    from notice_lint_rules._memo import Verdicts

    if not _CACHES or _CACHES[0] is not m or _CACHES[1] != limit:
        _CACHES[:] = [m, limit, Verdicts(lambda low: _candidate_ids(m, low), most=50_000), {}, set()]
    decided = _CACHES[3]
    if len(decided) > 200_000:
        decided.clear()
        _CACHES[4].clear()  # a silent run is one whose decisions are all in there
    if len(_CACHES[4]) > 50_000:
        _CACHES[4].clear()
    return _CACHES[2].__getitem__, decided, _CACHES[4]


def _candidate_ids(m, low: str) -> tuple:
    """``(id, log prior, candidate or None)`` of each candidate of ``low`` the model knows
    (None: the text is the one :func:`~._candidates.of_key` gives for its key): read from
    the model when it holds them for ``low`` (a syllable of its vocabulary, written as
    ``of_key`` writes it), else computed."""
    from ._candidates import CLASSES, LOG_PRIOR, candidate_keys, judged, of_key
    from ._validator import check

    ids = m.ids
    if low.isascii() and not check(low).ok:
        # plain letters that are no syllable: a tone forgotten (``hoc``, ``cac``, ``hop``: a stop
        # final takes one); only the tones are weighed (an English word would match others)
        tone = LOG_PRIOR["tone"]
        return tuple([(ids[key], tone, cand) for key, cand, cls in candidate_keys(low, ids) if cls == "tone"])
    w = ids.get(key_of(low), -1)
    held = m.candidates(w)
    if held is not None and of_key(m.vocab[w]) == low:
        prior = [LOG_PRIOR.get(cls, -9.0) for cls in CLASSES]
        return tuple([(v >> 4, prior[v & 15], None) for v in held])
    get = LOG_PRIOR.get
    return tuple([(ids[key], get(cls, -9.0), cand) for key, cand, cls in judged(low, ids)])


def _decide(m, memo: dict, lp, cands, low: str, a: int, b: int, w: int, c: int, d: int, bound: float,
            best_prior: float, keep: bool):
    """``(best candidate or None, its gain)`` for the word ``w`` between ``a b`` and ``c d``;
    the gain only has to be known above ``bound`` (unless ``keep``): a candidate that cannot
    reach it is dropped before it is looked up, a word none could lift that far is not weighed.
    ``memo`` is the model's memo of ``lp`` (:meth:`~._lm.Model.logp`, inlined here)."""
    # base = _score(m.logp, a, b, w, c, d), the same sums in the same order
    k = (a, b, w)
    base = memo.get(k)
    if base is None:
        base = memo[k] = lp(a, b, w)
    if c >= 0:
        k = (-1, w, c)
        v = memo.get(k)
        if v is None:
            v = memo[k] = lp(-1, w, c)
        base += v
        if c and d >= 0:
            k = (w, c, d)
            v = memo.get(k)
            if v is None:
                v = memo[k] = lp(w, c, d)
            base += v
    top = -base  # every term is <= 0: no candidate gains more than -base + its prior
    if top + best_prior <= bound and not keep:
        return _SILENT  # the candidates of the word are not even generated
    cands = cands(low)
    if not cands:
        return _SILENT
    if not keep:
        cands = [t for t in cands if top + t[1] > bound]
        if not cands:
            return _SILENT
    logp = m.logp
    best, best_gain = None, -1e9
    # the first term of every candidate at once: they share the context a b
    for t, first in zip(cands, m.logps(a, b, [t[0] for t in cands])):
        # each term is <= 0: stop as soon as the rest cannot lift the gain over the bound
        gain = first - base + t[1]
        if not keep and gain <= bound:
            continue
        if c >= 0:
            x = t[0]
            gain += logp(-1, x, c)
            if c and d >= 0 and (keep or gain > bound):
                gain += logp(x, c, d)
        if gain > best_gain:
            best, best_gain = t, gain
    if best is None:
        return None, best_gain
    if best[2] is None:
        from ._candidates import of_key

        return of_key(m.vocab[best[0]]), best_gain
    return best[2], best_gain


_SILENT = (None, -1e9)


def _score(logp, a: int, b: int, x: int, c: int, d: int) -> float:
    """ln S(x | a b) + ln S(c | x) + ln S(d | x c): how well ``x`` fits between its neighbours.
    The word after ``x`` is weighed on ``x`` alone: a typo the source text itself holds a
    few times (``kết quá thực hiện``) must not vouch for its own continuation."""
    s = logp(a, b, x)
    if c >= 0:
        s += logp(-1, x, c)
        if c and d >= 0:
            s += logp(x, c, d)
    return s


def _leftover(st: Stream, i: int, low: str, telex, vni, check, odd: list | None = None):
    """``(syllable, span, vni)`` when word ``i`` is a Telex or VNI leftover, else None;
    ``vni`` is 0 for Telex, 2 for VNI digits followed by spaces and a word, 1 otherwise.
    ``odd`` gets ``i`` when digits follow the word (the verdict depends on them)."""
    start, end = st.span(i)
    text = st.para(i).text
    tail = _VNI_TAIL.match(text, end)
    if tail:
        if odd is not None:
            odd.append(i)
        if len(low) < 2 or (start and text[start - 1] in _CODE_NEAR):
            return None
        cand = vni(low, tail.group())
        if not cand:
            return None
        k = tail.end()
        after = len(text) - len(text[k:].lstrip(" "))  # where the next word would start
        joins = 0 < after - k <= 2 and i + 1 < len(st.texts) and st.para(i + 1) is st.para(i) and st.span(i + 1)[0] == after
        return cand, (start, k), 2 if joins else 1
    if check(low).ok:
        return None
    cand = telex(low)
    if cand:
        return cand, (start, end), 0
    return None


def _foreign_near(texts: list[str], i: int, b: int, c: int, check) -> bool:
    """A neighbour that is no Vietnamese syllable: a foreign phrase, not Vietnamese to judge."""
    for k, joined in ((i - 1, b > 0), (i + 1, c > 0)):
        if joined and not check(texts[k].lower()).ok:
            return True
    return False


def _guarded(st: Stream, i: int, span: tuple[int, int] | None) -> bool:
    """A place NL209 must not judge: a name after ông/bà/đồng chí, a word touching a code."""
    if i and st.joined[i] and st.texts[i - 1].lower() in _NAME_CUES:
        return True
    start, end = span or st.span(i)
    para = st.para(i).text
    if start and para[start - 1] in _CODE_NEAR:
        return True
    if end < len(para) and para[end] in _CODE_NEAR and not (
        para[end] in "." and (end + 1 == len(para) or para[end + 1].isspace())
    ):
        return True
    return False
