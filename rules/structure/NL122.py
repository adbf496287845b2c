from __future__ import annotations

import datetime as _dt
from operator import itemgetter
from typing import Iterable

from notice_lint.anatomy.header import parse_place_date
from notice_lint.rule import Finding, Rule, RuleContext, Severity

from ._top import PARTY_AND_LEGACY

DEFAULT_FUTURE_DAYS = 7
_END = itemgetter(1)


class DateInvalid(Rule):
    """The issue date does not exist, or lies in the future.

    ``ngày 31 tháng 4``, ``ngày 29 tháng 02 năm 2025`` or ``tháng 13`` are
    not dates.  A complete date later than today (plus the tolerance of
    ``date-future-days``, 7 days by default) is a typing error: a document is
    dated the day it is signed.  A draft that leaves the day blank is not
    judged on the future.

    **Anti-pattern**

    ```
    Quảng Ngãi, ngày 31 tháng 4 năm 2024
    ```

    **Best practice**

    ```
    Quảng Ngãi, ngày 30 tháng 4 năm 2024
    ```
    """

    code = "NL122"
    name = "date-invalid"
    summary = "The issue date does not exist or is in the future"
    summary_vi = "Ngày ban hành không có thật hoặc ở tương lai"
    doc_vi = (  # the Vietnamese page of --explain, beside the English docstring
        'Ngày ban hành phải là ngày có thật và không ở tương lai (quá số ngày cho phép, mặc định 7). Sai:'
        ' «ngày 31 tháng 4 năm 2024».'
    )
    severity = Severity.ERROR
    profiles = PARTY_AND_LEGACY
    config_keys = {"date-future-days": "days an issue date may lie after today (default 7)"}
    reference = "NĐ 30/2020, Phụ lục I, mục II.4; HD 36-HD/VPTW, 1.4.2"

    def check(self, notice, ctx: RuleContext) -> Iterable[Finding]:
        seg = notice.place_date
        if seg is None:
            return
        pd = parse_place_date(seg.text)
        if pd is None:
            return
        sp = pd.spans
        spans = [sp[n] for n, v in (("day", pd.day), ("month", pd.month), ("year", pd.year)) if v is not None]
        if not spans:
            return
        s = seg.start + min(spans)[0]
        e = seg.start + max(map(_END, spans))
        shown = seg.text[s - seg.start:e - seg.start]
        day = int(pd.day) if pd.day is not None else None
        month = int(pd.month) if pd.month is not None else None
        if (month is not None and not 1 <= month <= 12) or (day is not None and not 1 <= day <= 31):
            yield self._invalid(seg, s, e, shown)
            return
        if pd.complete:
            date = pd.date()
            if date is None:
                yield self._invalid(seg, s, e, shown)
                return
            today = ctx.today or _dt.date.today()
            try:
                days = int(ctx.option("date-future-days", DEFAULT_FUTURE_DAYS))
            except (TypeError, ValueError):
                days = DEFAULT_FUTURE_DAYS
            if date > today + _dt.timedelta(days=days):
                yield self.finding(
                    seg.paragraph, s, e,
                    vi=f"Ngày ban hành {date:%d/%m/%Y} ở tương lai (hôm nay là {today:%d/%m/%Y})",
                    en=f"The issue date {date:%d/%m/%Y} is in the future (today is {today:%d/%m/%Y})",
                )

    def _invalid(self, seg, s, e, shown) -> Finding:
        return self.finding(
            seg.paragraph, s, e,
            vi=f"Ngày ban hành không có thật: «{shown}»",
            en=f"The issue date does not exist: «{shown}»",
        )
