from __future__ import annotations

from typing import Iterable

from notice_lint.rule import Finding, Rule, RuleContext, Severity
from notice_lint.vntext import fold

from ._signature import COLLECTIVE, head_title, is_deputy, prefixed_titles


class SignatoryDeputy(Rule):
    """``KT.`` / ``K/T`` is not followed by the deputy's own title.

    A deputy signing for the head writes two lines: the head's title after
    ``KT.`` (Party ``K/T``), then their own title: ``KT. GIÁM ĐỐC`` /
    ``PHÓ GIÁM ĐỐC``; ``K/T CHÁNH VĂN PHÒNG`` / ``PHÓ CHÁNH VĂN PHÒNG``.  The
    name directly under the ``KT.`` line, the head's title repeated, or the
    deputy of another head (``KT. GIÁM ĐỐC`` / ``PHÓ CHÁNH VĂN PHÒNG``) is wrong.

    **Anti-pattern**

    ```
    KT. GIÁM ĐỐC
    Nguyễn Văn An
    ```

    **Best practice**

    ```
    KT. GIÁM ĐỐC
    PHÓ GIÁM ĐỐC
    Nguyễn Văn An
    ```
    """

    code = "NL152"
    name = "signatory-deputy"
    summary = "KT./K/T is not followed by the deputy's own title"
    summary_vi = "Sau «KT.» («K/T») thiếu chức vụ của cấp phó ký thay"
    doc_vi = (  # the Vietnamese page of --explain, beside the English docstring
        'Sau «KT.» («K/T») phải có chức vụ của cấp phó ký thay. Sai: «KT. GIÁM ĐỐC» rồi ngay họ tên. '
        'Đúng: «KT. GIÁM ĐỐC», «PHÓ GIÁM ĐỐC», rồi họ tên.'
    )
    severity = Severity.ERROR
    reference = "NĐ 30/2020, Phụ lục I, mục II.7 (mẫu «KT. BỘ TRƯỞNG» / «THỨ TRƯỞNG»); HD 36-HD/VPTW, 1.7"

    def check(self, notice, ctx: RuleContext) -> Iterable[Finding]:
        sig = notice.signature
        if sig is None:
            return
        for i, seg, p in prefixed_titles(notice):
            if p.canonical not in ("KT", "K/T"):
                continue
            head = head_title(seg, p)
            want = f"PHÓ {head}"
            if i + 1 >= len(sig.titles):
                yield self.finding(
                    seg.paragraph, seg.start + p.start, seg.end,
                    vi=f"Sau «{seg.text.strip()}» phải có dòng chức vụ của cấp phó ký thay (ví dụ «{want}»)",
                    en=f"«{seg.text.strip()}» must be followed by the deputy's own title (e.g. «{want}»)",
                )
                continue
            nxt = sig.titles[i + 1]
            own = nxt.text.strip()
            f_head, f_own = fold(head), fold(own)
            if f_own == f_head:
                yield self.finding(
                    nxt.paragraph, nxt.start, nxt.end,
                    vi=f"Dòng dưới «{seg.text.strip()}» là chức vụ của cấp phó ký thay («{want}»), "
                       f"không lặp lại «{own}»",
                    en=f"The line under «{seg.text.strip()}» is the deputy's own title («{want}»), not «{own}» again",
                )
            elif is_deputy(own) and not (p.party and f_head.startswith(COLLECTIVE)):
                # (a Party committee's «K/T BAN THƯỜNG VỤ» is NL151's: a collective signs T/M)
                rest = f_own[4:].strip()
                if rest and f_head and rest not in f_head and f_head not in rest:
                    yield self.finding(
                        nxt.paragraph, nxt.start, nxt.end,
                        vi=f"«{own}» không phải cấp phó của «{head}»: cấp phó ký thay «{seg.text.strip()}» "
                           f"là «{want}»",
                        en=f"«{own}» is not the deputy of «{head}»: the deputy signing «{seg.text.strip()}» "
                           f"is «{want}»",
                        severity=Severity.WARNING,
                    )
