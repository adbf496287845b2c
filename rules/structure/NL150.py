from __future__ import annotations

from typing import Iterable

from notice_lint.rule import Finding, Rule, RuleContext, Severity

from ._signature import closing_anchor, looks_like_notice


class SignatureMissing(Rule):
    """The signature block is missing.

    Under the body, on the right, a document carries the authority and title
    of the signer (``KT. GIÁM ĐỐC`` / ``PHÓ GIÁM ĐỐC``; Party ``T/M BAN
    THƯỜNG VỤ`` / ``BÍ THƯ``), the signature and the signer's full name.

    **Anti-pattern**

    ```
    Nơi nhận:
    - Như trên;
    - Lưu: VT, VP.
    ```

    **Best practice**

    ```
    Nơi nhận:                              KT. GIÁM ĐỐC
    - Như trên;                            PHÓ GIÁM ĐỐC
    - Lưu: VT, VP.
                                           Nguyễn Văn An
    ```
    """

    code = "NL150"
    name = "signature-missing"
    summary = "The signature block is missing"
    summary_vi = "Thiếu khối chữ ký (quyền hạn, chức vụ, họ tên người ký)"
    doc_vi = (  # the Vietnamese page of --explain, beside the English docstring
        'Văn bản phải có khối chữ ký: quyền hạn (nếu có), chức vụ và họ tên người ký dưới phần nội dung.'
    )
    severity = Severity.ERROR
    reference = "NĐ 30/2020, Phụ lục I, mục II.7; HD 36-HD/VPTW, 1.7; HD 05-HD/VPTW, 7"

    def check(self, notice, ctx: RuleContext) -> Iterable[Finding]:
        if notice.signature is not None and notice.signature.titles:
            return
        if not looks_like_notice(notice) or not notice.body:
            return
        where = closing_anchor(notice)
        if where is None:
            return
        yield self.finding(
            where, 0, 0,
            vi="Thiếu khối chữ ký: quyền hạn, chức vụ và họ tên người ký dưới nội dung văn bản",
            en="The signature block is missing: the signer's authority, title and name under the body",
        )
