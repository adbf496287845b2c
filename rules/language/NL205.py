from __future__ import annotations

import re
import unicodedata
from itertools import compress
from operator import attrgetter, ne
from typing import Iterable

from notice_lint.document.model import nfc_with_map
from notice_lint.rule import Finding, Fix, Rule, RuleContext, Severity

from ._legacy import LOOKALIKES, detect, odd_paragraphs
from ._syllables import LANGUAGE_PROFILES

_COMBINING = re.compile(r"[\u0300-\u036f]")
_WORDCHAR = re.compile(r"[^\W_]")
# characters that look like a Vietnamese letter, or are invisible, inside a word
_SUSPECT = re.compile(f"[{LOOKALIKES}]")
_INVISIBLE = {
    "\u00ad": "dấu gạch nối mềm (soft hyphen)",
    "\u200b": "khoảng trắng độ rộng 0 (U+200B)",
    "\u200c": "ký tự ẩn U+200C",
    "\u200d": "ký tự ẩn U+200D",
    "\u2060": "ký tự ẩn U+2060",
    "\ufeff": "ký tự ẩn U+FEFF (BOM)",
}
# Cyrillic and Greek letters drawn like Latin ones
_HOMOGLYPHS = dict(
    zip(
        "аеорсхуіјѕԁАВЕКМНОРСТХУІЈЅοΟΑΒΕΖΗΙΚΜΝΡΤΥΧν",
        "aeopcxyijsdABEKMHOPCTXYIJSoOABEZHIKMNPTYXv",
    )
)
_ETH = {"\u00d0": "Đ", "\u00f0": "đ"}
_RAW = attrgetter("raw")
_TEXT = attrgetter("text")


def _latin(ch: str) -> bool:
    return ch.isalpha() and (ord(ch) < 0x250 or 0x1E00 <= ord(ch) <= 0x1EFF)


def _word_bounds(text: str, i: int, j: int) -> tuple[int, int]:
    while i > 0 and _WORDCHAR.match(text[i - 1]):
        i -= 1
    while j < len(text) and _WORDCHAR.match(text[j]):
        j += 1
    return i, j


class UnicodeNormalization(Rule):
    """Text not in Unicode NFC, and characters that only look like Vietnamese letters.

    Vietnamese letters have one precomposed form (NFC).  Text typed with
    Unikey's "Unicode tổ hợp" table, or pasted from a PDF or a Mac, stores
    ``Ủ`` as ``U`` + a combining hook: it looks the same but search, sorting,
    spell checking and the receiving system's database treat it as other
    text.  Also reported, inside a word: ``Ð`` (Icelandic eth, U+00D0) for
    ``Đ``; Cyrillic or Greek letters drawn like Latin ones (``а``, ``о``,
    ``Τ``); soft hyphens and zero-width characters.  The fix composes the text
    (NFC), replaces the look-alike, or removes the invisible character.

    **Anti-pattern**

    ```
    Ủy ban nhân dân tỉnh   (U + U+0309 + y: decomposed)
    ÐẢNG CỘNG SẢN VIỆT NAM  (U+00D0)
    ```

    **Best practice**

    ```
    Ủy ban nhân dân tỉnh   (U+1EE6 + y)
    ĐẢNG CỘNG SẢN VIỆT NAM  (U+0110)
    ```
    """

    code = "NL205"
    needs = frozenset({"stream"})  # the language rules' syllable stream
    name = "unicode-normalization"
    summary = "Text not in Unicode NFC, or look-alike characters"
    summary_vi = "Chữ không dựng sẵn (NFC) hoặc ký tự giả dạng chữ tiếng Việt"
    doc_vi = (  # the Vietnamese page of --explain, beside the English docstring
        'Chữ tiếng Việt phải ở dạng Unicode dựng sẵn (NFC) và không dùng ký tự trông giống chữ Việt. Sai:'
        ' «Ủ» gõ thành «U» + dấu hỏi rời; «Ð» (U+00D0) thay cho «Đ».'
    )
    severity = Severity.WARNING
    profiles = LANGUAGE_PROFILES
    fixable = True
    reference = "NĐ 30/2020, Phụ lục I, mục I.3 (phông chữ Unicode, TCVN 6909:2001)"

    def check(self, notice, ctx: RuleContext) -> Iterable[Finding]:
        odd = odd_paragraphs(notice.document)
        paragraphs = notice.document.paragraphs
        if not odd:  # then only a paragraph whose raw text differs can report: C-level maps pick it out
            paragraphs = compress(paragraphs, map(ne, map(_RAW, paragraphs), map(_TEXT, paragraphs)))
        for para in paragraphs:
            if para.raw != para.text:
                f = self._decomposed(para)
                if f is not None:
                    yield f
            if id(para) in odd and _SUSPECT.search(para.text):
                yield from self._lookalikes(para)

    def _decomposed(self, para) -> Finding | None:
        raw = para.raw
        if not _COMBINING.search(raw):
            return None  # e.g. U+2126 OHM SIGN -> Ω: not a decomposed letter
        text, cmap = nfc_with_map(raw)
        if cmap is None or text != para.text:
            return None
        bounds = cmap + [len(raw)]
        hits = [k for k in range(len(text)) if _COMBINING.search(raw, bounds[k], bounds[k + 1])]
        if not hits:
            return None
        start, _ = _word_bounds(text, hits[0], hits[0] + 1)
        _, end = _word_bounds(text, hits[-1], hits[-1] + 1)
        count = len(hits)
        return self.finding(
            para,
            start,
            end,
            vi=f"{count} chữ cái có dấu ở dạng tổ hợp (không phải Unicode dựng sẵn NFC): «{text[start:end][:40]}»",
            en=f"{count} letters with decomposed diacritics (not Unicode NFC): «{text[start:end][:40]}»",
            fix=Fix.replace(para.index, start, end, text[start:end]),
        )

    def _lookalikes(self, para) -> Iterable[Finding]:
        text = para.text
        legacy: bool | None = None
        for m in _SUSPECT.finditer(text):
            i = m.start()
            ch = text[i]
            before = text[i - 1] if i > 0 else ""
            after = text[i + 1] if i + 1 < len(text) else ""
            in_word = bool(before and _WORDCHAR.match(before)) and bool(after and _WORDCHAR.match(after))
            if ch in _INVISIBLE:
                if not in_word:
                    continue
                if ch == "\u00ad":
                    if legacy is None:
                        legacy = detect(text) is not None
                    if legacy:
                        continue  # TCVN3 ư: NL206's finding
                ws, we = _word_bounds(text, i, i + 1)
                word = text[ws:we].replace(ch, "")
                yield self.finding(
                    para,
                    i,
                    i + 1,
                    vi=f"Trong chữ «{word}» có {_INVISIBLE[ch]}; xoá ký tự ẩn này",
                    en=f"The word «{word}» holds an invisible character U+{ord(ch):04X}; remove it",
                    fix=Fix.replace(para.index, i, i + 1, ""),
                )
                continue
            if ch in _ETH:
                if not ((before and _latin(before)) or (after and _latin(after))):
                    continue
                if legacy is None:
                    legacy = detect(text) is not None
                if legacy:
                    continue
                right = _ETH[ch]
            else:
                right = _HOMOGLYPHS.get(ch)
                ws, we = _word_bounds(text, i, i + 1)
                if not any(_latin(c) for c in text[ws:we]):
                    continue  # a Greek or Russian word (Ω, α…) is not a look-alike
            ws, we = _word_bounds(text, i, i + 1)
            word = text[ws:we]
            name = unicodedata.name(ch, f"U+{ord(ch):04X}")
            if right is None:
                yield self.finding(
                    para,
                    i,
                    i + 1,
                    vi=f"Chữ «{word}» lẫn ký tự {name} (U+{ord(ch):04X}), không phải chữ Latin",
                    en=f"The word «{word}» holds {name} (U+{ord(ch):04X}), not a Latin letter",
                )
                continue
            yield self.finding(
                para,
                i,
                i + 1,
                vi=f"Chữ «{word}» dùng ký tự giả dạng {name} (U+{ord(ch):04X}); viết «{right}»",
                en=f"The word «{word}» uses the look-alike {name} (U+{ord(ch):04X}); write «{right}»",
                fix=Fix.replace(para.index, i, i + 1, right),
            )
