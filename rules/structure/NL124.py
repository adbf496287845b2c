from __future__ import annotations

import datetime as _dt
import re
from typing import Iterable

from notice_lint.anatomy.header import date_bounds, parse_place_date
from notice_lint.rule import Finding, Rule, RuleContext, Severity
from notice_lint.vntext import fold

from ._top import PARTY_AND_LEGACY

_DATE = (
    r"(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2})\s*/\s*(?P<y>\d{4})"
    r"|(?P<d2>\d{1,2})\s+tháng\s+(?P<m2>\d{1,2})\s+năm\s+(?P<y2>\d{4})"
)
# the opening of a report on a past event: "Ngày 20/3/2024, …", "Sáng ngày 20 tháng 3 năm 2024, …"
_OPENING = re.compile(r"^(?:Vào\s+)?(?:(?:Sáng|Chiều|Tối)\s+)?(?:hôm\s+nay,?\s+)?ngày\s+(?:" + _DATE + r")\s*,",
                      re.IGNORECASE)
# "tại cuộc họp ngày 20/3/2024", "buổi làm việc ngày 20 tháng 3 năm 2024"
_EVENT = re.compile(
    r"\b(?:cuộc\s+họp|buổi\s+họp|phiên\s+họp|buổi\s+làm\s+việc|cuộc\s+làm\s+việc|hội\s+nghị|buổi\s+kiểm\s+tra|"
    r"cuộc\s+kiểm\s+tra|giao\s+ban)\s+(?:[^\s,;.]+\s+){0,3}?ngày\s+(?:" + _DATE + r")",
    re.IGNORECASE,
)
#: kinds that report on something that happened (a meeting, an inspection) when they say so
_REPORTING_KINDS = {"TB", "BB", "BC", "KL"}
#: words that make a notice a report on a past event (a notice may also announce a future one)
_REPORT_WORDS = ("ket luan", "ket qua", "bien ban")


class DateOrder(Rule):
    """The document is dated before the event it reports on.

    A Thông báo kết luận, a biên bản or a báo cáo of results reports on a
    meeting or an inspection that has taken place (a notice that announces
    a future meeting is not judged): it opens with ``Ngày 20 tháng 3 năm 2024, …``
    or names ``cuộc họp ngày 20/3/2024`` in its summary.  Its own date
    cannot be earlier.  A draft that leaves the day blank is judged by the
    last day of its month.

    **Anti-pattern**

    ```
    Quảng Ngãi, ngày 05 tháng 3 năm 2024
    THÔNG BÁO
    Kết luận của Giám đốc Sở tại cuộc họp ngày 20/3/2024
    ```

    **Best practice**

    ```
    Quảng Ngãi, ngày 25 tháng 3 năm 2024
    THÔNG BÁO
    Kết luận của Giám đốc Sở tại cuộc họp ngày 20/3/2024
    ```
    """

    code = "NL124"
    name = "date-order"
    summary = "The issue date is before the event the document reports on"
    summary_vi = "Ngày ban hành trước ngày diễn ra sự việc được thông báo"
    doc_vi = (  # the Vietnamese page of --explain, beside the English docstring
        'Ngày ban hành là ngày ký, nên không thể trước ngày diễn ra sự việc mà văn bản thông báo. Sai: '
        'văn bản ngày 05/3/2024 thông báo kết luận cuộc họp ngày 20/3/2024.'
    )
    severity = Severity.ERROR
    profiles = PARTY_AND_LEGACY
    reference = "NĐ 30/2020, Phụ lục I, mục II.4 (ngày ban hành là ngày ký)"

    def check(self, notice, ctx: RuleContext) -> Iterable[Finding]:
        seg = notice.place_date
        if seg is None or notice.kind not in _REPORTING_KINDS:
            return
        if notice.kind != "BB" and not self._reports(notice):
            return
        latest = None  # the issue date's last possible day, read at the first dated event
        for part, m in self._events(notice):
            event = _date_of(m)
            if event is None:
                continue
            if latest is None:
                bounds = date_bounds(parse_place_date(seg.text))
                if bounds is None:
                    return
                latest = bounds[1]
            if event <= latest:
                continue
            issued = "/".join(_shown(parse_place_date(seg.text)))
            s, e = _span(m)
            yield self.finding(
                part.paragraph, part.start + s, part.start + e,
                vi=f"Văn bản đề ngày {issued}, trước ngày diễn ra sự việc được thông báo ({event:%d/%m/%Y})",
                en=f"The document is dated {issued}, before the event it reports on ({event:%d/%m/%Y})",
            )
            return

    @staticmethod
    def _reports(notice) -> bool:
        """The title, summary or opening says it reports a conclusion or a result."""
        parts = [notice.title, *notice.summary, *notice.body[:4]]
        text = " ".join(fold(p.text) for p in parts if p is not None)
        return any(w in text for w in _REPORT_WORDS)

    def _events(self, notice):
        # both patterns need "ngày" (in any case; no other character folds to its letters): skip a part without it
        for part in notice.summary:
            if "ngày" not in part.text and "ngày" not in part.text.lower():
                continue
            for m in _EVENT.finditer(part.text):
                yield part, m
        for k, part in enumerate(notice.body[:4]):
            if "ngày" not in part.text and "ngày" not in part.text.lower():
                continue
            m = _OPENING.match(part.text.strip()) if k < 3 else None
            if m:
                lead = len(part.text) - len(part.text.lstrip())
                yield part, _Shifted(m, lead)
            if "tại" not in part.text:
                continue  # the test below needs it: no long scan of a paragraph that cannot have one
            for m in _EVENT.finditer(part.text):
                # in the body only "tại cuộc họp ngày …" (where the conclusion was drawn), not a meeting to come
                if re.search(r"\btại\s+$", part.text[max(0, m.start() - 6):m.start()]):
                    yield part, m


class _Shifted:
    """A match whose offsets are moved by ``lead`` characters."""

    def __init__(self, m, lead: int) -> None:
        self._m, self._lead = m, lead

    def group(self, name):
        return self._m.group(name)

    def span(self, name):
        s, e = self._m.span(name)
        return (s + self._lead, e + self._lead) if s >= 0 else (s, e)


def _date_of(m) -> _dt.date | None:
    d, mo, y = (m.group("d"), m.group("m"), m.group("y")) if m.group("d") else (m.group("d2"), m.group("m2"), m.group("y2"))
    try:
        return _dt.date(int(y), int(mo), int(d))
    except (TypeError, ValueError):
        return None


def _span(m) -> tuple[int, int]:
    if m.group("d"):
        return m.span("d")[0], m.span("y")[1]
    return m.span("d2")[0], m.span("y2")[1]


def _shown(pd) -> list[str]:
    parts = []
    for v, width in ((pd.day, 2), (pd.month, 2), (pd.year, 4)):
        parts.append(v.zfill(width) if v is not None else "…")
    return parts
