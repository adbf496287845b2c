from __future__ import annotations

from typing import Iterable

from notice_lint.rule import Finding, Rule, RuleContext, Severity

from ._top import PARTY_AND_LEGACY, has_top


class OrganMissing(Rule):
    """The issuing organ (tên cơ quan, tổ chức ban hành) is missing.

    The top left of the first page names the organ that issues the document
    (under its direct parent, if any): ``UBND TỈNH QUẢNG NGÃI`` /
    ``SỞ KHOA HỌC VÀ CÔNG NGHỆ``; a Party document names the committee or
    organ with a ``*`` under it (``TỈNH UỶ BÌNH THUẬN`` / ``VĂN PHÒNG`` /
    ``*``).  A text with no header at all, or with neither organ nor Quốc
    hiệu (the first row of the header), is reported once, by NL101.

    **Anti-pattern**

    ```
                                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                                        Độc lập - Tự do - Hạnh phúc
    Số: 18/TB-SKHCN                 Quảng Ngãi, ngày 05 tháng 3 năm 2024
    ```

    **Best practice**

    ```
    UBND TỈNH QUẢNG NGÃI            CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
    SỞ KHOA HỌC VÀ CÔNG NGHỆ            Độc lập - Tự do - Hạnh phúc
    Số: 18/TB-SKHCN                 Quảng Ngãi, ngày 05 tháng 3 năm 2024
    ```
    """

    code = "NL103"
    name = "organ-missing"
    summary = "The issuing organ is missing from the header"
    summary_vi = "Thiếu tên cơ quan, tổ chức ban hành văn bản"
    doc_vi = (  # the Vietnamese page of --explain, beside the English docstring
        'Phần đầu văn bản phải có tên cơ quan, tổ chức ban hành ở góc trái (dưới tên cơ quan chủ quản, '
        'nếu có), ví dụ «SỞ KHOA HỌC VÀ CÔNG NGHỆ».'
    )
    severity = Severity.ERROR
    profiles = PARTY_AND_LEGACY
    #: a title or organ typed in lower case and shown in capitals (Word's All caps) is found from the styles
    needs = frozenset({"styles"})
    reference = "NĐ 30/2020, Phụ lục I, mục II.2; HD 36-HD/VPTW, 1.2; HD 05-HD/VPTW, Phần II, I-2"

    def check(self, notice, ctx: RuleContext) -> Iterable[Finding]:
        if notice.organ or not has_top(notice):
            return
        if notice.national is None and notice.motto is None and notice.party_header is None:
            return  # the whole first row of the header is missing: NL101 reports it once
        first = min(
            (s.index for s in (notice.national, notice.party_header, notice.number, notice.place_date) if s is not None),
            default=1,
        )
        if notice.is_party:
            vi = "Thiếu tên cơ quan ban hành ở góc trái, dòng đầu (dưới có dấu «*»)"
            en = "The issuing organ is missing at the top left (with a «*» under it)"
        else:
            vi = "Thiếu tên cơ quan, tổ chức ban hành văn bản ở góc trái phần đầu (dưới tên cơ quan chủ quản, nếu có)"
            en = "The issuing organ is missing at the top left of the header (under its parent organ, if any)"
        yield self.finding(first, 0, 0, vi=vi, en=en)
