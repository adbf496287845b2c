from __future__ import annotations

import re
from typing import Iterable

from notice_lint.rule import ANY_PROFILE, Finding, Fix, Rule, RuleContext, Severity

from notice_lint_rules.language._syllables import built_stream

from ._spans import in_spans, skipped_spans

# one or two spaces (more is a column gap or a blank field) before a closing mark
_SPACE_BEFORE = re.compile(r"(?<=[^\s(\[{«“\"'])[ \u00a0]{1,2}([,;:?!)]|\.(?![.\w/]))")
# what every match holds: a mark right after a space (the mark first: marks are rarer
# than spaces, so the scan is faster)
_GAP_MARK = re.compile(r"[,;:?!).](?<=[ \u00a0].)")
_BULLET_LEAD = " \t-–—+•*"


class SpaceBeforePunctuation(Rule):
    """A space before ``, . ; : ? ! )``.

    In Vietnamese, as in English, these marks follow the word with no space
    and are followed by one.  Not reported: an ellipsis (``...``), the end
    mark ``./.``, a file extension or a decimal fraction (``.pdf``, ``.5``),
    and the wide gaps of a column layout or a draft's blank fields.

    **Anti-pattern**

    ```
    Sở Tài chính , Sở Xây dựng phối hợp thực hiện .
    ```

    **Best practice**

    ```
    Sở Tài chính, Sở Xây dựng phối hợp thực hiện.
    ```
    """

    code = "NL302"
    needs = frozenset({"stream"})  # the language rules' syllable stream
    profiles = ANY_PROFILE
    name = "space-before-punctuation"
    summary = "A space before a comma, period, semicolon, colon, question mark, exclamation mark or closing parenthesis"
    summary_vi = "Có dấu cách trước dấu câu"
    doc_vi = (  # the Vietnamese page of --explain, beside the English docstring
        'Không có dấu cách trước dấu phẩy, dấu chấm, dấu chấm phẩy, dấu hai chấm, dấu hỏi, dấu chấm than '
        'và dấu đóng ngoặc. Sai: «Sở Tài chính , Sở Xây dựng». Đúng: «Sở Tài chính, Sở Xây dựng».'
    )
    severity = Severity.WARNING
    fixable = True
    reference = "NĐ 30/2020, Phụ lục I (trình bày văn bản)"

    def check(self, notice, ctx: RuleContext) -> Iterable[Finding]:
        st = built_stream(notice.document)
        if st is not None and not _GAP_MARK.search(st.separator_text()):
            return  # every space and mark of the document is in a separator: none holds a gap
        for para in notice.document.paragraphs:
            text = para.text
            if not _GAP_MARK.search(text):
                continue
            skip = None
            bullet = None  # the length of the line's lead of spaces and bullets, measured once
            for m in _SPACE_BEFORE.finditer(text):
                start, end = m.start(), m.start(1)
                if skip is None:
                    skip = skipped_spans(notice, para)
                if in_spans(skip, start, end + 1):
                    continue
                if bullet is None:
                    bullet = len(text) - len(text.lstrip(_BULLET_LEAD))
                if start <= bullet:
                    continue  # the space after a list bullet («- .»): an empty item, not a stray space
                mark = m.group(1)
                yield self.finding(
                    para,
                    start,
                    end + 1,
                    vi=f"Thừa dấu cách trước dấu «{mark}»",
                    en=f"Space before «{mark}»",
                    fix=Fix.replace(para.index, start, end, ""),
                )
