from __future__ import annotations

import functools
import re
from itertools import compress, count
from typing import Any, Iterable

from notice_lint.rule import ANY_PROFILE, Finding, Fix, Rule, RuleContext, Severity

from ._syllables import match_case, stream, syllable_key
from ._wordstats import loanwords, pair_stats
from ._validator import TONES, VN_CHARS, check, has_vietnamese_mark, split, split_is_certain
from ._lazy import LazyRe
from notice_lint_rules._memo import Clean, Verdicts
from notice_lint_rules._urlish import UrlishSpans

_LETTERS = re.compile(r"[^\W\d_]+")
_VOWEL = LazyRe(r"[aăâeêioôơuưyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]")
# a letter run with at least one Vietnamese mark: only those are judged
_VN_WORD = LazyRe(rf"(?<![^\W\d_])[^\W\d_]*[{VN_CHARS}][^\W\d_]*")
# runs of non-space characters with ``://``, ``www.``, ``@`` or a domain: URLs, e-mail addresses
_URLISH_CHUNK = UrlishSpans("vn|com|org|net|gov|edu|int|info")


# Latin-1 letters and signs Vietnamese never writes inside a word: text typed in a legacy
# encoding (TCVN3 "Th«ng b¸o", VNI "Coäng hoøa") is NL206's, not a misspelling here
_LEGACY = LazyRe(
    r"(?<=[^\W\d_])[ÄÅÆÇËÎÏÐÑÖØÛÜÞßäåæçëîïðñöøûüþÿ¡¢£¤¥¦§¨©ª«¬®µ¶·¸¹¼½¾\u00ad]"
    r"|[ÄÅÆÇËÎÏÐÑÖØÛÜÞßäåæçëîïðñöøûüþÿ¡¢£¤¥¦§¨©ª¬®µ¶·¸¹¼½¾](?=[^\W\d_])"
)


def _legacy(text: str) -> bool:
    hits = 0
    for _ in _LEGACY.finditer(text):
        hits += 1
        if hits >= 2:
            return True
    return False


@functools.lru_cache(maxsize=65536)
def _fine(word: str) -> bool:
    """A valid syllable, or a word too short to judge."""
    return len(word) < 2 or check(word.lower()).ok


#: word -> True when it carries a Vietnamese mark and is no valid syllable
_BAD = Verdicts(lambda word: has_vietnamese_mark(word) and not _fine(word), most=200_000)
_GOOD = Clean()  # the words met by this process that are not bad


def _bad_words(words: set[str]) -> set[str]:
    """The bad words of ``words``: a set difference leaves the words not known good, few
    once the process has met a vocabulary."""
    bad = set()
    for word in _GOOD.unknown(words):
        if _BAD[word]:
            bad.add(word)
        else:
            _GOOD.add(word)
    return bad


def _build_names(rows: list[Any]) -> frozenset[str]:
    words: set[str] = set()
    for row in rows:
        value = row if isinstance(row, str) else (row.get("word") or row.get("name") or "") if isinstance(row, dict) else ""
        for w in _LETTERS.findall(value):
            words.add(w.lower())
    return frozenset(words)


def _transliteration(segs) -> bool:
    """True when no way of splitting a word is made of frequent syllables only.

    Words run together join common words (``bộxã``, ``đềnghị``); a foreign name or
    word written the Vietnamese way splits only into syllables the language barely
    uses on their own (``Giêsu``, ``pa nô``, ``đi ốt``, ``Na po lé on``)."""
    stats = pair_stats()
    if not stats.syllables:
        return False  # the statistics are missing: judge as before
    frequent = stats.frequent
    return not any(all(frequent(syllable_key(p)) for p in seg) for seg in segs)


def _has_tone(word: str) -> bool:
    import unicodedata

    return any(ch in TONES for ch in unicodedata.normalize("NFD", word))


def _case_pieces(word: str) -> list[tuple[int, int]] | None:
    """Split a camel-cased word at lower→Upper boundaries; None when not camel case."""
    cuts = [0]
    for i in range(1, len(word)):
        if word[i].isupper() and word[i - 1].islower():
            cuts.append(i)
    if len(cuts) == 1:
        return None
    cuts.append(len(word))
    return [(cuts[k], cuts[k + 1]) for k in range(len(cuts) - 1)]


def _joined(pieces: list[str]) -> tuple[tuple[str, ...], bool] | None:
    """Syllables of a camel-cased run (each piece one or more run-together syllables), and
    whether the split is certain."""
    out: list[str] = []
    certain = True
    for piece in pieces:
        if len(piece) < 2 or any(c.isupper() for c in piece[1:]):
            return None
        low = piece.lower()
        if check(low).ok:
            out.append(piece)
            continue
        segs = split(low)
        if not segs:
            return None
        certain = certain and split_is_certain(segs)
        pos = 0
        for syl in segs[0]:
            out.append(piece[pos : pos + len(syl)])
            pos += len(syl)
    return tuple(out), certain


class InvalidSyllable(Rule):
    """A word that is no Vietnamese syllable, or words run together.

    Every Vietnamese syllable is an onset, a rhyme from a closed list and a
    tone, with fixed spelling rules: ``ngh``/``gh`` only before e, ê, i;
    ``k`` only before e, ê, i, y; a syllable ending in -c, -ch, -p, -t takes
    only the sắc or nặng tone; the tone mark sits on the main vowel (both
    ``hoà`` and ``hòa`` are accepted).  A token made of two valid syllables
    with no space (``sảnxuất``, ``chuẩn bịcác`` in a PDF text export) is
    words run together.

    Not checked: tokens with digits, ALL-CAPS abbreviations (``HĐND``),
    mixed-case codes (``QyĐ``), words without any Vietnamese mark (loanwords,
    ``Pleiku``), URLs and e-mail addresses, personal names of the signature,
    the words of the names table (``rules/data/names.toml``, extended by
    config ``names``) and the established loanwords written as one word
    (``ôtô``, ``axít``, ``kilôgam``, ``Lênin``: ``rules/data/loanwords.txt``,
    built from legal texts).  A capitalised word that breaks a rule may be a
    place name in a minority language (``Kon Tum``), so it is only reported as
    info; so is a word that splits only into syllables Vietnamese barely uses
    on their own, a transliteration (``Giêsu``, ``panô``, ``điốt``), not
    words run together.

    **Anti-pattern**

    ```
    Đểbảo đảm tiến độ, các nghành phối hợp sảnxuất; ưu tiên qúy I.
    ```

    **Best practice**

    ```
    Để bảo đảm tiến độ, các ngành phối hợp sản xuất; ưu tiên quý I.
    ```
    """

    code = "NL202"
    needs = frozenset({"stream"})  # the language rules' syllable stream
    profiles = ANY_PROFILE
    name = "invalid-syllable"
    summary = "A word that is not a Vietnamese syllable, or words run together"
    summary_vi = "Từ không phải âm tiết tiếng Việt, hoặc các chữ viết dính nhau"
    doc_vi = (  # the Vietnamese page of --explain, beside the English docstring
        'Từ không phải âm tiết tiếng Việt (gõ sai dấu, sai vần) hoặc các chữ viết dính nhau. Sai: «Đểbảo '
        'đảm», «nghành», «qúy». Đúng: «Để bảo đảm», «ngành», «quý». Từ mượn quen dùng viết liền '
        '(«ôtô», «axít», «kilôgam», «Lênin») không bị báo; từ phiên âm («Giêsu», «điốt») chỉ ghi thông tin.'
    )
    severity = Severity.ERROR
    fixable = True
    config_keys = {"names": "words the syllable check accepts (names, loanwords)"}
    reference = "NĐ 30/2020, Điều 8 (văn bản viết bằng tiếng Việt); QĐ 1989/QĐ-BGDĐT, Điều 8"

    def check(self, notice, ctx: RuleContext) -> Iterable[Finding]:
        names = ctx.data.derived("names", "NL202-words", _build_names)
        skip: dict[int, list[tuple[int, int]]] = {}
        for seg in notice.name_segments():
            skip.setdefault(seg.index, []).append((seg.start, seg.end))
        # the stream holds every word outside the name segments: judge each distinct
        # word once, then walk only the paragraphs with a bad word.  A paragraph without
        # one has nothing to report: a word of it is a stream word (not bad: fine, or
        # without a mark, which _judge passes) or starts inside a name segment (skipped)
        st = stream(notice)
        texts = st.texts
        bad = _bad_words(st.distinct_set())
        if not bad:
            return
        walk = {id(st.para(i)) for i in compress(count(), map(bad.__contains__, texts))}
        for para in notice.document.paragraphs:
            if id(para) not in walk:
                continue
            text = para.text
            spans = None
            for m in _VN_WORD.finditer(text):
                word = m.group()
                if _fine(word):
                    continue
                if spans is None:
                    if _legacy(text):
                        break  # a paragraph in a legacy encoding: NL206

                    spans = _URLISH_CHUNK.spans(text) + skip.get(para.index, [])
                start, end = m.start(), m.end()
                if any(s <= start < e for s, e in spans):
                    continue
                finding = self._judge(para, text, word, start, end, names)
                if finding is not None:
                    yield finding

    # ------------------------------------------------------------------
    def _judge(self, para, text: str, word: str, start: int, end: int, names: frozenset[str]):
        if len(word) < 2 or not has_vietnamese_mark(word):
            return None
        before = text[start - 1] if start else ""
        after = text[end] if end < len(text) else ""
        if before.isdigit() or after.isdigit() or "&" in (before, after):
            return None  # codes, times (13h30), KH&CN; a number run into a word is NL303
        low = word.lower()
        if low in names or not _VOWEL.search(low) or low in loanwords():
            return None  # a known name or loanword; a consonant-only abbreviation (đc, đt, Đc)
        verdict = check(low)
        if verdict.ok:
            return None
        hyphenated = "-" in (before, after) or "'" in (before, after) or "’" in (before, after)
        if word.isupper():
            return self._caps(para, word, start, end, verdict)
        rest = word[1:]
        if any(c.isupper() for c in rest):
            return self._camel(para, text, word, start, end, names)
        capital = word[0].isupper()
        if verdict.reason == "parse":
            segs = split(low)
            if segs and not _transliteration(segs):
                return self._run_together(para, word, start, end, segs, capital)
            if capital or hyphenated or segs:
                return self.finding(
                    para, start, end,
                    vi=f"«{word}» không phải âm tiết tiếng Việt; nếu là tên riêng hoặc từ nước ngoài, "
                    "thêm vào cấu hình `names`",
                    en=f"«{word}» is not a Vietnamese syllable; if it is a name or a foreign word, add it to `names`",
                    severity=Severity.INFO,
                )
            return self.finding(
                para, start, end,
                vi=f"«{word}» không phải âm tiết tiếng Việt (sai chính tả?)",
                en=f"«{word}» is not a Vietnamese syllable (misspelt?)",
                severity=Severity.WARNING,
            )
        if verdict.reason == "tone-position":
            right = match_case(word, verdict.fixed or low)
            # a capitalised word may be a name (an ethnic-minority name, a place):
            # its spelling is the owner's, so the fix is only suggested
            return self.finding(
                para, start, end,
                vi=f"Đặt dấu thanh sai chỗ: «{word}» → «{right}»",
                en=f"Misplaced tone mark: «{word}» → «{right}»",
                fix=Fix.replace(para.index, start, end, right, safe=not capital),
                severity=Severity.INFO if capital else None,
            )
        if capital or hyphenated:
            return self.finding(
                para, start, end,
                vi=f"«{word}» sai quy tắc chính tả tiếng Việt; nếu là tên riêng, thêm vào cấu hình `names`",
                en=f"«{word}» breaks a Vietnamese spelling rule; if it is a name, add it to `names`",
                severity=Severity.INFO,
            )
        if verdict.reason == "spelling":
            if verdict.fixed:
                right = match_case(word, verdict.fixed)
                return self.finding(
                    para, start, end,
                    vi=f"Sai chính tả: «{word}» → «{right}» ({verdict.detail})",
                    en=f"Misspelling: «{word}» → «{right}»",
                    fix=Fix.replace(para.index, start, end, right),
                )
            return self.finding(
                para, start, end,
                vi=f"Sai chính tả: «{word}» ({verdict.detail})",
                en=f"Misspelling: «{word}» breaks a Vietnamese spelling rule",
            )
        # stop coda with a tone other than sắc/nặng
        return self.finding(
            para, start, end,
            vi=f"Sai chính tả: «{word}» (vần kết thúc bằng -{verdict.detail} chỉ mang dấu sắc hoặc nặng)",
            en=f"Misspelling: «{word}» (a syllable ending in -{verdict.detail} takes only the sắc or nặng tone)",
        )

    def _run_together(self, para, word: str, start: int, end: int, segs, capital: bool):
        best = segs[0]
        pieces: list[str] = []
        pos = 0
        for syl in best:
            pieces.append(word[pos : pos + len(syl)])
            pos += len(syl)
        right = " ".join(pieces)
        return self.finding(
            para, start, end,
            vi=f"Các chữ viết dính nhau: «{word}» → «{right}»",
            en=f"Words run together: «{word}» → «{right}»",
            fix=Fix.replace(para.index, start, end, right, safe=split_is_certain(segs)),
            severity=Severity.WARNING if capital else Severity.ERROR,
        )

    def _camel(self, para, text: str, word: str, start: int, end: int, names: frozenset[str]):
        cuts = _case_pieces(word)
        if cuts is None:
            return None  # TTr, QĐnd-like codes
        pieces = [word[s:e] for s, e in cuts]
        if len(pieces[-1]) >= 2 and pieces[-1].isupper():
            # dụngVLNCN: the missing space before the abbreviation is NL303; judge the word before it
            left = word[: cuts[-1][0]]
            if len(left) < 2 or check(left.lower()).ok:
                return None
            return self._judge(para, text, left, start, start + len(left), names)
        if any(p.lower() in names for p in pieces):
            return None
        joined = _joined(pieces)
        if not joined or not any(has_vietnamese_mark(s) for s in joined[0]):
            return None  # a mixed-case code (QyĐ, VietGAP)
        syllables, certain = joined
        right = " ".join(syllables)
        return self.finding(
            para, start, end,
            vi=f"Các chữ viết dính nhau: «{word}» → «{right}»",
            en=f"Words run together: «{word}» → «{right}»",
            fix=Fix.replace(para.index, start, end, right, safe=certain),
        )

    def _caps(self, para, word: str, start: int, end: int, verdict):
        if not _has_tone(word):
            return None  # an abbreviation (HĐND, QĐ, BCĐ)
        low = word.lower()
        if verdict.reason == "tone-position" and verdict.fixed:
            right = verdict.fixed.upper()
            return self.finding(
                para, start, end,
                vi=f"Đặt dấu thanh sai chỗ: «{word}» → «{right}»",
                en=f"Misplaced tone mark: «{word}» → «{right}»",
                fix=Fix.replace(para.index, start, end, right),
            )
        if verdict.reason == "spelling" and verdict.fixed:
            right = verdict.fixed.upper()
            return self.finding(
                para, start, end,
                vi=f"Sai chính tả: «{word}» → «{right}» ({verdict.detail})",
                en=f"Misspelling: «{word}» → «{right}»",
                fix=Fix.replace(para.index, start, end, right),
            )
        if verdict.reason == "parse":
            segs = split(low)
            if segs and not _transliteration(segs):
                return self._run_together(para, word, start, end, segs, False)
        return None
