from __future__ import annotations

from typing import Iterable

from notice_lint.rule import Finding, Rule, RuleContext, Severity

from ._top import PARTY_AND_LEGACY, has_top


class DateMissing(Rule):
    """The place-date line (địa danh và thời gian ban hành) is missing.

    It stands under the Quốc hiệu and Tiêu ngữ (under ``ĐẢNG CỘNG SẢN VIỆT
    NAM`` in a Party document), on the line of the number:
    ``Quảng Ngãi, ngày 05 tháng 3 năm 2024``.  A draft may leave the day
    blank (NL123), not the line.  A text with no header at all is reported
    once, by NL101.

    **Anti-pattern**

    ```
    SỞ KHOA HỌC VÀ CÔNG NGHỆ        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
    Số: 18/TB-SKHCN                     Độc lập - Tự do - Hạnh phúc
    ```

    **Best practice**

    ```
    SỞ KHOA HỌC VÀ CÔNG NGHỆ        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                                        Độc lập - Tự do - Hạnh phúc
    Số: 18/TB-SKHCN                 Quảng Ngãi, ngày 05 tháng 3 năm 2024
    ```
    """

    code = "NL120"
    name = "date-missing"
    summary = "The place-date line is missing"
    summary_vi = "Thiếu dòng địa danh, ngày tháng năm ban hành"
    doc_vi = (  # the Vietnamese page of --explain, beside the English docstring
        'Văn bản phải có dòng địa danh và ngày tháng năm ban hành ở góc phải, dưới Tiêu ngữ, ví dụ «Quảng'
        ' Ngãi, ngày 05 tháng 3 năm 2024».'
    )
    severity = Severity.ERROR
    profiles = PARTY_AND_LEGACY
    reference = "NĐ 30/2020, Phụ lục I, mục II.4; HD 36-HD/VPTW, 1.4; HD 05-HD/VPTW, Phần II, I-4"

    def check(self, notice, ctx: RuleContext) -> Iterable[Finding]:
        if notice.place_date is not None or not has_top(notice):
            return
        anchor = notice.motto or notice.party_header or notice.national or notice.number
        if anchor is None and notice.organ:
            anchor = notice.organ[-1]
        index = anchor.index if anchor is not None else 1
        yield self.finding(
            index, 0, 0,
            vi="Thiếu dòng địa danh và ngày tháng năm ban hành (dạng: Quảng Ngãi, ngày 05 tháng 3 năm 2024)",
            en="The place-date line is missing (form: Quảng Ngãi, ngày 05 tháng 3 năm 2024)",
        )
