from __future__ import annotations

from typing import Iterable

from notice_lint.rule import Finding, Rule, RuleContext, Severity

from ._top import PARTY_AND_LEGACY, has_top, is_cong_van, title_from_number, where_after_header


class TitleMissing(Rule):
    """The kind title (tên loại: ``THÔNG BÁO``, ``KẾ HOẠCH``…) is missing.

    Every document but a công văn names its kind, in capitals, centred under
    the header.  A công văn has none: it is recognised by its ``V/v`` (or,
    for a Party công văn, the ``CV`` of its number) and is not reported.
    When the number names a kind (``Số: 18/TB-SKHCN``) the message says which
    title is expected.  A text with no header at all is reported by NL101.

    **Anti-pattern**

    ```
    Số: 18/TB-SKHCN                 Quảng Ngãi, ngày 05 tháng 3 năm 2024
    Kết luận của Giám đốc Sở tại cuộc họp giao ban tháng 3
    ```

    **Best practice**

    ```
    Số: 18/TB-SKHCN                 Quảng Ngãi, ngày 05 tháng 3 năm 2024
                                THÔNG BÁO
          Kết luận của Giám đốc Sở tại cuộc họp giao ban tháng 3
    ```
    """

    code = "NL130"
    name = "title-missing"
    summary = "The kind title is missing (except for a công văn)"
    summary_vi = "Thiếu tên loại văn bản (trừ công văn)"
    doc_vi = (  # the Vietnamese page of --explain, beside the English docstring
        'Văn bản (trừ công văn) phải có tên loại in hoa, canh giữa dưới phần đầu, ví dụ «THÔNG BÁO», «KẾ '
        'HOẠCH».'
    )
    severity = Severity.ERROR
    profiles = PARTY_AND_LEGACY
    #: a title or organ typed in lower case and shown in capitals (Word's All caps) is found from the styles
    needs = frozenset({"styles"})
    reference = "NĐ 30/2020, Phụ lục I, mục II.5; HD 36-HD/VPTW, 1.5; HD 05-HD/VPTW, Phần II, I-5"

    def check(self, notice, ctx: RuleContext) -> Iterable[Finding]:
        if notice.title is not None or notice.kind == "CV" or not has_top(notice):
            return
        if is_cong_van(notice, ctx):
            return  # a state number without a kind code is a công văn's: NL131 asks for its V/v
        title = title_from_number(notice, ctx)
        index = where_after_header(notice)
        if title:
            vi = f"Thiếu tên loại văn bản «{title}» (chữ in hoa, canh giữa dưới phần đầu)"
            en = f"The kind title «{title}» is missing (capitals, centred under the header)"
        else:
            vi = "Thiếu tên loại văn bản (THÔNG BÁO, KẾ HOẠCH, BÁO CÁO…) dưới phần đầu"
            en = "The kind title (THÔNG BÁO, KẾ HOẠCH, BÁO CÁO…) is missing under the header"
        yield self.finding(index, 0, 0, vi=vi, en=en)
