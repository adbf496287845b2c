from __future__ import annotations

import re
from typing import Iterable

from notice_lint.document.model import justified_line
from notice_lint.rule import ANY_PROFILE, Finding, Fix, Rule, RuleContext, Severity

from notice_lint_rules.language._syllables import built_stream

from ._spans import in_spans, skipped_spans

_RUN = re.compile(r"(?<=\S)[ \u00a0]{2,}(?=\S)")
# words a draft's blank number/date field sits next to: "Số:      /TB-SCT", "ngày    tháng"
_FIELD_BEFORE = re.compile(r"(?:Số:?|ngày|tháng|năm|Số|số)$", re.IGNORECASE)
# (matched at a position: no ``^``, which would match only at the start of the text)
_FIELD_AFTER = re.compile(r"(?:/|-|tháng|năm|ngày)", re.IGNORECASE)
# a text export may lay the right column (the signature) two spaces after the left one
_SIGN_PREFIX = re.compile(r"(?:TM|KT|TL|TUQ|Q|T/M|K/T|T/L)\.?\s")
# the first two words from a position (``text[at:].split()[:2]`` without copying the rest
# of a long line for every run of spaces)
_TWO_WORDS = re.compile(r"\s*+(\S++)\s++(\S++)")


def _right_column(text: str, at: int) -> bool:
    """Does ``text[at:]`` start like a signature column: a prefix, or two capitalised words?"""
    if _SIGN_PREFIX.match(text, at):
        return True
    m = _TWO_WORDS.match(text, at)
    return m is not None and all(len(w) > 1 and w.isupper() for w in m.groups())


class DoubleSpace(Rule):
    """Two or more spaces between words.

    A text has one space between words.  Not reported: the blank number and
    day a draft leaves for the clerk (``Số:      /TB-SKHCN``, ``ngày    tháng
    3``), the gaps between the two columns of a header laid out with spaces
    (three or more spaces, or tabs), leading or trailing spaces, and the
    widened gaps of a justified page in its PDF text export (``pdftotext
    -layout``: two or more lines whose every gap is widened alike, or in a
    text file the one line so widened).

    **Anti-pattern**

    ```
    Thường trực Ủy ban nhân dân tỉnh  kết luận như sau:
    ```

    **Best practice**

    ```
    Thường trực Ủy ban nhân dân tỉnh kết luận như sau:
    ```
    """

    code = "NL301"
    needs = frozenset({"stream"})  # the language rules' syllable stream
    profiles = ANY_PROFILE
    name = "double-space"
    summary = "Two or more spaces between words"
    summary_vi = "Thừa dấu cách giữa các từ"
    doc_vi = (  # the Vietnamese page of --explain, beside the English docstring
        'Giữa hai từ chỉ có một dấu cách. Sai: «tỉnh  kết luận» (hai dấu cách). Không báo: chỗ để '
        'trống số và ngày của dự thảo, khoảng cách giữa hai cột, và khoảng cách giãn đều của văn bản '
        'căn đều hai lề khi xuất từ PDF ra văn bản (pdftotext -layout).'
    )
    severity = Severity.WARNING
    fixable = True
    reference = "NĐ 30/2020, Phụ lục I (trình bày văn bản)"

    def check(self, notice, ctx: RuleContext) -> Iterable[Finding]:
        st = built_stream(notice.document)
        if st is not None:
            # two spaces (or a no-break space) lie in one separator of a non-blank paragraph, and
            # a blank one has no run between two non-spaces: with none in the separators, no finding
            seps = st.separator_text()
            if "  " not in seps and "\u00a0" not in seps:
                return
        fields = {seg.index for seg in (notice.number, notice.place_date) if seg is not None}
        # a PDF's text export of a justified page: its widened gaps are the page's, not typed
        layout = None  # asked at the first run of spaces found
        text_file = notice.document.kind != "docx"
        for para in notice.document.paragraphs:
            text = para.text
            if "  " not in text and "\u00a0" not in text:
                continue
            skip = None
            justified = None
            cols = para.columns
            for m in _RUN.finditer(text):
                start, end = m.start(), m.end()
                if not any(s <= start and end <= e for s, e in cols):
                    continue  # a column gap
                field_like = _FIELD_BEFORE.search(text[max(0, start - 6) : start]) or _FIELD_AFTER.match(text, end)
                if (para.index in fields and (field_like or end - start > 2)) or (field_like and end - start > 2):
                    continue  # a blank field of a draft's number or date
                if para.cell is None and notice.document.kind != "docx" and _right_column(text, end):
                    continue  # the signature column of a text export
                if end - start <= 6:
                    if layout is None:
                        layout = notice.document.layout_export()
                    if layout:
                        continue  # a justified line's widened gap
                    if justified is None:
                        justified = text_file and justified_line(text)  # once a line: it reads it whole
                    if justified:
                        continue  # one justified line of a short export (before an unbreakable e-mail)
                if skip is None:
                    skip = skipped_spans(notice, para)
                if in_spans(skip, start, end):
                    continue
                yield self.finding(
                    para,
                    start,
                    end,
                    vi="Thừa dấu cách: giữa hai từ chỉ có một dấu cách",
                    en="Extra spaces: one space between words",
                    fix=Fix.replace(para.index, start, end, " "),
                )
