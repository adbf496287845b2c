from __future__ import annotations

import re
from typing import Iterable

from notice_lint.rule import Finding, Rule, RuleContext, Severity

from ._top import PARTY_AND_LEGACY, number_example


class NumberMissing(Rule):
    """The number/symbol line (số, ký hiệu) is missing.

    Every administrative document carries the line with its number and
    symbol under the organ's name, on the left: ``Số: 18/TB-SKHCN`` for a
    state body, ``Số 240-TB/VPTU`` for a Party body.  A draft may leave the
    number blank (``Số:      /TB-SKHCN``) but not the line.

    Not reported: a text with no header at all (NL101 says so), and a state
    document whose ``- Lưu:`` line has no ``VT``: it is not registered with
    the văn thư (an internal note of a unit), so it gets no number.

    **Anti-pattern**

    ```
    SỞ KHOA HỌC VÀ CÔNG NGHỆ        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                                        Độc lập - Tự do - Hạnh phúc
                                    Quảng Ngãi, ngày 05 tháng 3 năm 2024
    ```

    **Best practice**

    ```
    SỞ KHOA HỌC VÀ CÔNG NGHỆ        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                                        Độc lập - Tự do - Hạnh phúc
    Số: 18/TB-SKHCN                 Quảng Ngãi, ngày 05 tháng 3 năm 2024
    ```
    """

    code = "NL110"
    name = "number-missing"
    summary = "The number/symbol line is missing"
    summary_vi = "Thiếu dòng số, ký hiệu văn bản"
    doc_vi = (  # the Vietnamese page of --explain, beside the English docstring
        'Văn bản phải có dòng số, ký hiệu dưới tên cơ quan ban hành, ví dụ «Số: 18/TB-SKHCN».'
    )
    severity = Severity.ERROR
    profiles = PARTY_AND_LEGACY
    reference = "NĐ 30/2020, Phụ lục I, mục II.3; HD 36-HD/VPTW, 1.3; HD 05-HD/VPTW, Phần II, I-3"

    def check(self, notice, ctx: RuleContext) -> Iterable[Finding]:
        if notice.number is not None:
            return
        if notice.national is None and notice.party_header is None and not notice.organ:
            # no header at all (an export without its first page's header):
            # NL101/NL103 say so; a missing number would only repeat it.
            return
        if not notice.is_party and _unregistered(notice):
            return
        where = notice.organ_star or (notice.organ[-1] if notice.organ else (notice.place_date or notice.title))
        index = where.index if where is not None else 1
        form = number_example(notice, ctx)
        yield self.finding(
            index,
            0,
            0,
            vi=f"Thiếu dòng số, ký hiệu văn bản dưới tên cơ quan (dạng: {form})",
            en=f"The number/symbol line is missing under the organ's name (form: {form})",
        )


def _unregistered(notice) -> bool:
    """The archive line of a state document keeps no copy at the văn thư (``- Lưu: CN (Trung).``)."""
    rec = notice.recipients
    if rec is None or not rec.items:
        return False
    last = rec.items[-1].text.strip().lstrip("-–+• ").strip()
    if not last.startswith("Lưu"):
        return False
    return re.search(r"\bVT\b", last) is None
