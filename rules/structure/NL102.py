from __future__ import annotations

import re
from typing import Iterable

from notice_lint.rule import Finding, Fix, Rule, RuleContext, Severity

from ._top import PARTY_AND_LEGACY

NATIONAL = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
NATIONAL_OLD_TONE = "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"  # the form of NĐ 30's own sample table
MOTTO = "Độc lập - Tự do - Hạnh phúc"
PARTY = "ĐẢNG CỘNG SẢN VIỆT NAM"

_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"


class HeaderMalformed(Rule):
    """The Quốc hiệu, the Tiêu ngữ or the Party title line is not written exactly.

    The texts are fixed: ``CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM`` (capitals;
    ``CỘNG HOÀ``, the spelling of NĐ 30's own sample table, is accepted too),
    ``Độc lập - Tự do - Hạnh phúc`` (first letter of each phrase capital,
    a hyphen-minus with one space each side: "giữa các cụm từ có gạch nối
    (-), có cách chữ") and ``ĐẢNG CỘNG SẢN VIỆT NAM``.  An en dash (``–``),
    capitals on every word, a wrong tone mark or doubled spaces are reported,
    and fixed.  A Quốc hiệu typed in lower case but shown in capitals by the
    font's *All caps* setting is correct.

    **Anti-pattern**

    ```
    CỘNG HÕA XÃ HỘI CHỦ NGHĨA VIỆT NAM
    Độc lập – Tự do – Hạnh phúc
    Độc Lập - Tự Do - Hạnh Phúc
    ```

    **Best practice**

    ```
    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
    Độc lập - Tự do - Hạnh phúc
    ```
    """

    code = "NL102"
    name = "header-malformed"
    summary = "The exact text of the Quốc hiệu, Tiêu ngữ or Party title line"
    summary_vi = "Quốc hiệu, Tiêu ngữ hoặc tiêu đề của Đảng viết chưa đúng"
    doc_vi = (  # the Vietnamese page of --explain, beside the English docstring
        'Quốc hiệu, Tiêu ngữ và tiêu đề của Đảng phải viết đúng từng chữ. Sai: «Độc Lập - Tự Do - Hạnh '
        'Phúc», «Độc lập – Tự do – Hạnh phúc» (gạch dài). Đúng: «Độc lập - Tự do - Hạnh phúc».'
    )
    severity = Severity.ERROR
    fixable = True
    profiles = PARTY_AND_LEGACY
    #: a title or organ typed in lower case and shown in capitals (Word's All caps) is found from the styles
    needs = frozenset({"styles"})
    reference = "NĐ 30/2020, Phụ lục I, mục II.1; HD 36-HD/VPTW, 1.1; HD 05-HD/VPTW, Phần II, I-1"

    def check(self, notice, ctx: RuleContext) -> Iterable[Finding]:
        seg = notice.national
        if seg is not None:
            text = seg.text
            shown = text.upper() if _all_caps(seg) else text
            norm = " ".join(shown.split())
            if norm not in (NATIONAL, NATIONAL_OLD_TONE):
                want = NATIONAL_OLD_TONE if "HOÀ" in norm.upper() else NATIONAL
                vi, en = _explain_national(norm, want)
                yield self.finding(
                    seg.paragraph, seg.start, seg.end,
                    vi=f"Quốc hiệu viết chưa đúng: {vi}; đúng là «{want}»",
                    en=f"The Quốc hiệu is not written exactly: {en}; it reads «{want}»",
                    fix=Fix.replace(seg.index, seg.start, seg.end, want),
                )
        seg = notice.motto
        # runs of spaces (non-breaking ones too) are NL301's business; the words, case and hyphens are this rule's
        if seg is not None and " ".join(seg.text.split()) != MOTTO:
            vi, en = _explain_motto(seg.text)
            yield self.finding(
                seg.paragraph, seg.start, seg.end,
                vi=f"Tiêu ngữ viết chưa đúng: {vi}; đúng là «{MOTTO}»",
                en=f"The Tiêu ngữ is not written exactly: {en}; it reads «{MOTTO}»",
                fix=Fix.replace(seg.index, seg.start, seg.end, MOTTO),
            )
        seg = notice.party_header
        if seg is not None:
            shown = seg.text.upper() if _all_caps(seg) else seg.text
            if " ".join(shown.split()) != PARTY:
                yield self.finding(
                    seg.paragraph, seg.start, seg.end,
                    vi=f"Tiêu đề của Đảng viết chưa đúng; đúng là «{PARTY}» (chữ in hoa)",
                    en=f"The Party title line is not written exactly; it reads «{PARTY}» (capitals)",
                    fix=Fix.replace(seg.index, seg.start, seg.end, PARTY),
                )


def _all_caps(seg) -> bool:
    """Every run under the segment is shown in capitals (Word's All caps)."""
    runs = [r for r in seg.paragraph.runs if r.end > seg.start and r.start < seg.end]
    return bool(runs) and all(r.props.caps for r in runs)


def _explain_national(text: str, want: str) -> tuple[str, str]:
    if text.upper() != text:
        return "phải viết chữ in hoa", "it is written in capitals"
    got, exp = text.split(), want.split()
    if len(got) == len(exp):
        bad = [g for g, e in zip(got, exp) if g != e]
        if bad:
            words = ", ".join(f"«{w}»" for w in bad)
            return f"sai chữ {words}", f"wrong word(s) {words}"
    return "sai chính tả", "misspelt"


def _explain_motto(text: str) -> tuple[str, str]:
    if any(d in text for d in _DASHES):
        return ("giữa các cụm từ dùng gạch nối (-), không dùng gạch ngang dài (–, —)",
                "the phrases are joined by a hyphen (-), not a dash (–, —)")
    norm = re.sub(r"\s*-\s*", " - ", " ".join(text.split()))
    if norm.lower() == MOTTO.lower() and norm != MOTTO:
        return ("chỉ viết hoa chữ cái đầu của mỗi cụm từ", "only the first letter of each phrase is a capital")
    if norm == MOTTO:
        return ("một dấu cách mỗi bên gạch nối, không thừa dấu cách",
                "one space on each side of the hyphens, no extra spaces")
    return "sai chính tả", "misspelt"
