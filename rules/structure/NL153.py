from __future__ import annotations

from typing import Iterable

from notice_lint.anatomy.closing import ACADEMIC_RE
from notice_lint.rule import Finding, Fix, Rule, RuleContext, Severity


class SignerName(Rule):
    """The signer's name is missing, or carries an academic title.

    The name of the signer (họ, tên đệm, tên) stands under the signature.
    No academic degree or honorary title is written before it: ``TS.``,
    ``ThS.``, ``PGS.``, ``GS.``, ``KS.``, ``BS.``, ``CN.``.  NĐ 30 lets the head
    of a sector allow them in the armed forces, education, health and science
    (set ``signer-academic-titles = true``); Party documents never allow them.

    **Anti-pattern**

    ```
    KT. GIÁM ĐỐC
    PHÓ GIÁM ĐỐC
    TS. Nguyễn Văn An
    ```

    **Best practice**

    ```
    KT. GIÁM ĐỐC
    PHÓ GIÁM ĐỐC
    Nguyễn Văn An
    ```

    **Fix**: the title before the name is removed.
    """

    code = "NL153"
    name = "signer-name"
    summary = "The signer's name is missing or carries an academic title"
    summary_vi = "Thiếu họ tên người ký hoặc ghi học hàm, học vị trước họ tên"
    doc_vi = (  # the Vietnamese page of --explain, beside the English docstring
        'Khối chữ ký phải có họ tên người ký, không ghi học hàm, học vị trước họ tên. Sai: «TS. Nguyễn '
        'Văn An». Đúng: «Nguyễn Văn An».'
    )
    severity = Severity.ERROR
    fixable = True
    config_keys = {
        "signer-academic-titles": "true: academic titles before the signer's name are allowed "
        "(NĐ 30: armed forces, education, health, science; never in Party documents)",
    }
    reference = "NĐ 30/2020, Phụ lục I, mục II.7.e; HD 36-HD/VPTW, 1.7; HD 05-HD/VPTW, 7.1.3"

    def check(self, notice, ctx: RuleContext) -> Iterable[Finding]:
        sig = notice.signature
        if sig is None or not sig.titles:
            return
        if sig.name is None:
            last = sig.titles[-1]
            yield self.finding(
                last.paragraph, last.start, last.end,
                vi="Thiếu họ tên người ký dưới chức vụ",
                en="The signer's name is missing under the title",
            )
            return
        if ctx.option("signer-academic-titles", False) and not notice.is_party:
            return
        name = sig.name
        m = ACADEMIC_RE.match(name.text)
        if not m:
            return
        title = m.group(0).strip()
        start, end = name.start + m.start(), name.start + m.end()
        lead = len(m.group(0)) - len(m.group(0).lstrip())
        yield self.finding(
            name.paragraph, start + lead, end,
            vi=f"Không ghi học hàm, học vị «{title}» trước họ tên người ký",
            en=f"No academic title «{title}» before the signer's name",
            fix=Fix.replace(name.index, start + lead, end, ""),
        )
