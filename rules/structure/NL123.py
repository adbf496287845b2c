from __future__ import annotations

from typing import Iterable

from notice_lint.anatomy.header import parse_place_date
from notice_lint.rule import Finding, Rule, RuleContext, Severity

from ._top import PARTY_AND_LEGACY


class DateBlank(Rule):
    """The day (or the day and month) of the issue date is left blank.

    A pre-signing draft leaves the day blank for the signing day
    (``Lào Cai, ngày      tháng 6 năm 2026``); that is expected, so this is
    ``info`` by default.  Under ``--final`` (the check before publishing) it
    is an error.

    **Anti-pattern** (final document)

    ```
    Lào Cai, ngày      tháng 6 năm 2026
    ```

    **Best practice**

    ```
    Lào Cai, ngày 19 tháng 6 năm 2026
    ```
    """

    code = "NL123"
    name = "date-blank"
    summary = "The issue date is left blank (info in a draft, error when final)"
    summary_vi = "Chưa điền ngày ban hành"
    doc_vi = (  # the Vietnamese page of --explain, beside the English docstring
        'Ngày ban hành còn để trống (điền khi ký): là thông tin khi còn dự thảo, là lỗi khi kiểm tra văn '
        'bản sắp ban hành (--final).'
    )
    severity = Severity.INFO
    profiles = PARTY_AND_LEGACY
    reference = "NĐ 30/2020, Phụ lục I, mục II.4; HD 36-HD/VPTW, 1.4"

    def check(self, notice, ctx: RuleContext) -> Iterable[Finding]:
        seg = notice.place_date
        if seg is None:
            return
        pd = parse_place_date(seg.text)
        if pd is None or pd.numeric:
            return
        blank = pd.blank_fields
        if not blank:
            return
        sp = pd.spans
        field_span = {"day": sp["dfield"], "month": sp["mfield"], "year": sp["yfield"]}
        s = seg.start + min(field_span[n][0] for n in blank)
        e = seg.start + max(field_span[n][1] for n in blank)
        names_vi = {"day": "ngày", "month": "tháng", "year": "năm"}
        names_en = {"day": "day", "month": "month", "year": "year"}
        vi = ", ".join(names_vi[n] for n in blank)
        en = ", ".join(names_en[n] for n in blank)
        yield self.finding(
            seg.paragraph, s, max(e, s),
            vi=f"Chưa điền {vi} ban hành (điền khi ký ban hành)",
            en=f"The issue {en} is blank (to be filled in when the document is signed)",
            severity=Severity.ERROR if ctx.final else Severity.INFO,
        )
