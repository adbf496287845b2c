from __future__ import annotations

from typing import Iterable

from notice_lint.rule import Finding, Rule, RuleContext, Severity


class NumberMissing(Rule):
    """The number/symbol line (số, ký hiệu) is missing.

    Every administrative document carries the line with its number and
    symbol under the organ's name, on the left: ``Số: 18/TB-SKHCN`` for a
    state body, ``Số 240-TB/VPTU`` for a Party body.  A draft may leave the
    number blank (``Số:      /TB-SKHCN``) but not the line.

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
    severity = Severity.ERROR
    reference = "NĐ 30/2020, Phụ lục I, mục II.3; HD 36-HD/VPTW, 1.3"

    def check(self, notice, ctx: RuleContext) -> Iterable[Finding]:
        if notice.number is not None:
            return
        if notice.national is None and notice.party_header is None and not notice.organ:
            # no header at all (an export without its first page's header):
            # NL101/NL103 say so; a missing number would only repeat it.
            return
        where = notice.organ[-1] if notice.organ else (notice.place_date or notice.title)
        index = where.index if where is not None else 1
        form = "Số 05-TB/VPTU" if notice.is_party else "Số: 18/TB-SKHCN"
        yield self.finding(
            index,
            0,
            0,
            vi=f"Thiếu dòng số, ký hiệu văn bản dưới tên cơ quan (dạng: {form})",
            en=f"The number/symbol line is missing under the organ's name (form: {form})",
        )
