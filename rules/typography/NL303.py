from __future__ import annotations

import re
from typing import Iterable

from notice_lint.rule import Finding, Fix, Rule, RuleContext, Severity
from notice_lint_rules.language._validator import check, has_vietnamese_mark

from ._spans import in_spans, skipped_spans

_L = r"[^\W\d_]"
_AFTER_MARK = re.compile(rf"([,;:])(?={_L})")
_PERIOD = re.compile(rf"({_L}+)\.({_L}+)")
_PAREN = re.compile(rf"({_L}+)\((?=[^\W_])")
_DIGIT_WORD = re.compile(rf"(?<![\w/.,-])(\d+)({_L}+)")
_WORD_DIGIT = re.compile(rf"({_L}+)(\d+)(?![\w/])")
_HYPHEN = re.compile(rf"(?<={_L}) -(?={_L})|(?<={_L})- (?={_L})")
_LETTER_RUN = re.compile(rf"{_L}+")
_ROMAN = re.compile(r"^[IVX]+$")


def _caps_tail(word: str) -> int:
    """Where an ALL-CAPS abbreviation starts inside ``word`` (``dụngVLNCN`` → 4), or 0."""
    for i in range(len(word) - 1, 0, -1):
        if word[i - 1].islower() and word[i:].isupper():
            tail = word[i:]
            return i if len(tail) >= 2 or _ROMAN.match(tail) else 0
    return 0


def _word(w: str) -> bool:
    """A Vietnamese word (valid syllable) worth judging, not a code or a loanword."""
    return len(w) >= 2 and not w.isupper() and has_vietnamese_mark(w) and check(w.lower()).ok


def _syllable(w: str) -> bool:
    return len(w) >= 2 and not w.isupper() and check(w.lower()).ok


class MissingSpace(Rule):
    """A missing space: after ``, ; :`` or a sentence's period, before ``(``,
    between a number and a word, around a dash, before an abbreviation.

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
    name = "missing-space"
    summary = "A missing space after punctuation, before a parenthesis, or between a number and a word"
    summary_vi = "Thiếu dấu cách sau dấu câu, trước dấu ngoặc, giữa số và chữ"
    severity = Severity.WARNING
    fixable = True
    reference = "NĐ 30/2020, Phụ lục I (trình bày văn bản)"

    def check(self, notice, ctx: RuleContext) -> Iterable[Finding]:
        recipients = set()
        if notice.recipients is not None:
            recipients = {s.index for s in [notice.recipients.label, *notice.recipients.items]}
        fields = {seg.index for seg in (notice.number, notice.place_date) if seg is not None}
        for para in notice.document.paragraphs:
            text = para.text
            if not text.strip():
                continue
            listing = para.index in recipients
            skip = skipped_spans(notice, para)
            found: list[tuple[int, int, int, str, str, str]] = []  # start, end, insert-at, vi, en, kind

            for m in _AFTER_MARK.finditer(text):
                mark = m.group(1)
                found.append((m.start(), m.end() + 1, m.end(), f"Thiếu dấu cách sau dấu «{mark}»",
                              f"Missing space after «{mark}»", mark))
            for m in _PERIOD.finditer(text):
                left, right = m.group(1), m.group(2)
                if _syllable(left) and _syllable(right) and (has_vietnamese_mark(left) or has_vietnamese_mark(right)):
                    dot = m.end(1)
                    found.append((dot, dot + 1, dot + 1, "Thiếu dấu cách sau dấu chấm",
                                  "Missing space after the period", "."))
            if not listing:
                for m in _PAREN.finditer(text):
                    if _syllable(m.group(1)):
                        p = m.end(1)
                        found.append((p, p + 1, p, "Thiếu dấu cách trước dấu «(»",
                                      "Missing space before «(»", "("))
            for m in _DIGIT_WORD.finditer(text):
                if _word(m.group(2)):
                    p = m.end(1)
                    found.append((m.start(), m.end(), p, f"Số viết dính vào chữ: «{m.group()}»",
                                  f"A number run into a word: «{m.group()}»", "digit"))
            for m in _WORD_DIGIT.finditer(text):
                if _word(m.group(1)) and not listing:
                    p = m.end(1)
                    found.append((m.start(), m.end(), p, f"Chữ viết dính vào số: «{m.group()}»",
                                  f"A word run into a number: «{m.group()}»", "digit"))
            for m in _HYPHEN.finditer(text) if para.index not in fields else ():
                p = m.end() if m.group().startswith(" ") else m.start()
                found.append((m.start(), m.end(), p, "Dấu gạch nối cần dấu cách ở cả hai bên",
                              "A dash needs a space on both sides", "-"))
            for m in _LETTER_RUN.finditer(text):
                cut = _caps_tail(m.group())
                if cut and has_vietnamese_mark(m.group()[:cut]):
                    abbr = m.group()[cut:]
                    found.append((m.start(), m.end(), m.start() + cut, f"Thiếu dấu cách trước «{abbr}»: «{m.group()}»",
                                  f"Missing space before «{abbr}»: «{m.group()}»", "caps"))
            seen: set[int] = set()
            for start, end, at, vi, en, _kind in sorted(found):
                if at in seen or in_spans(skip, start, end):
                    continue
                seen.add(at)
                yield self.finding(para, start, end, vi=vi, en=en, fix=Fix.replace(para.index, at, at, " "))
