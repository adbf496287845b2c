from __future__ import annotations

from typing import Iterable

from notice_lint.rule import Finding, Rule, RuleContext, Severity

from ._signature import OWN_NAME_KINDS, closing_anchor, looks_like_notice, state_kind


class RecipientsMissing(Rule):
    """The ``Nơi nhận:`` block is missing.

    Every document lists where it goes, bottom left, level with the
    signature: ``Nơi nhận:`` then one item per line, the last one the
    archive (``- Lưu: VT, VP.``; Party ``- Lưu Văn phòng Tỉnh uỷ.``).  A
    document addressed by ``Kính gửi:`` still has one, starting with ``- Như
    trên;``.  Minutes (biên bản), contracts, agreements, letters of authority
    or introduction and slips are not judged: they carry no such list.

    **Anti-pattern**

    ```
    Văn phòng Sở thông báo để các phòng biết, thực hiện./.
                                           TL. GIÁM ĐỐC
                                           CHÁNH VĂN PHÒNG
    ```

    **Best practice**

    ```
    Văn phòng Sở thông báo để các phòng biết, thực hiện./.
    Nơi nhận:                              TL. GIÁM ĐỐC
    - Các phòng, đơn vị thuộc Sở;          CHÁNH VĂN PHÒNG
    - Lưu: VT, VP.
    ```
    """

    code = "NL160"
    name = "recipients-missing"
    summary = "The Nơi nhận block is missing"
    summary_vi = "Thiếu phần nơi nhận"
    doc_vi = (  # the Vietnamese page of --explain, beside the English docstring
        'Văn bản phải có phần «Nơi nhận:» ở góc trái, ngang hàng với chức vụ người ký, kèm danh sách nơi '
        'nhận.'
    )
    severity = Severity.ERROR
    reference = "NĐ 30/2020, Phụ lục I, mục II.9; HD 36-HD/VPTW, 1.9; HD 05-HD/VPTW, 9"

    def check(self, notice, ctx: RuleContext) -> Iterable[Finding]:
        if notice.recipients is not None:
            return
        if not looks_like_notice(notice) or not notice.body:
            return
        if state_kind(notice) in OWN_NAME_KINDS:
            return  # a biên bản, a contract, a giấy ủy quyền… carries no Nơi nhận list
        where = closing_anchor(notice)
        if where is None:
            return
        yield self.finding(
            where, 0, 0,
            vi="Thiếu phần «Nơi nhận:» (góc trái, ngang hàng với chức vụ người ký) và danh sách nơi nhận",
            en="The «Nơi nhận:» block (bottom left, level with the signer's title) and its list are missing",
        )
