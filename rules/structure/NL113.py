from __future__ import annotations

from typing import Iterable

from notice_lint.rule import Finding, Rule, RuleContext, Severity

from ._number import parse_number
from ._top import PARTY_AND_LEGACY


class NumberBlank(Rule):
    """The number is left blank.

    A pre-signing draft leaves the number blank for the văn thư to fill in
    (``Số:      /TB-SKHCN``); that is expected, so this is ``info`` by default.
    Under ``--final`` (the check a CI job runs before publishing) it is an error.

    **Anti-pattern** (final document)

    ```
    Số:      /TB-SKHCN
    ```

    **Best practice**

    ```
    Số: 18/TB-SKHCN
    ```
    """

    code = "NL113"
    name = "number-blank"
    summary = "The number is left blank (info in a draft, error when final)"
    summary_vi = "Chưa điền số văn bản"
    doc_vi = (  # the Vietnamese page of --explain, beside the English docstring
        'Số văn bản còn để trống (văn thư điền khi ban hành): là thông tin khi còn dự thảo, là lỗi khi '
        'kiểm tra văn bản sắp ban hành (--final).'
    )
    severity = Severity.INFO
    profiles = PARTY_AND_LEGACY
    reference = "NĐ 30/2020, Phụ lục I, mục II.3; HD 36-HD/VPTW, 1.3"

    def check(self, notice, ctx: RuleContext) -> Iterable[Finding]:
        seg = notice.number
        if seg is None:
            return
        line = parse_number(seg.text)
        if line is None or not line.blank:
            return
        s, e = line.offsets["gap"][0], line.offsets["sep1"][0]
        yield self.finding(
            seg.index,
            seg.start + s,
            seg.start + max(e, s),
            vi="Chưa điền số văn bản (văn thư điền khi ban hành)",
            en="The number is blank (to be filled in when the document is issued)",
            severity=Severity.ERROR if ctx.final else Severity.INFO,
        )
