from __future__ import annotations

import re
from typing import Iterable

from notice_lint.rule import Finding, Fix, Rule, RuleContext, Severity

from ._top import PARTY_AND_LEGACY, has_top, instrument_row, is_cong_van

_VV = re.compile(r"^(V\s*/\s*[vV])\s*[:.]?\s*")
# "V/V", "v/v", "V / v", "V/v:": the prefix as written, the marks after it (spaces alone are NL301's)
_VV_STATE = re.compile(r"^\s*([Vv](?:\s*/\s*)[vV])(\s*[:.])?\s*")


class SummaryMissing(Rule):
    """The trích yếu (what the document is about) is missing.

    It follows the kind title: ``THÔNG BÁO`` / ``Kết luận của Giám đốc Sở tại
    cuộc họp …`` (a Party document: ``kết luận của …`` then ``-----``).  A
    công văn has no title: its trích yếu stands under the number — a state
    công văn writes ``V/v …``; a Party công văn never writes ``V/v``
    (HD 36: the trích yếu itself, in italics; HD 05: ``về việc …``).
    Kinds whose template has no trích yếu (giấy giới thiệu, giấy nghỉ
    phép, phiếu…) are not reported.

    **Anti-pattern**

    ```
                                THÔNG BÁO

    Ngày 20/3/2024, Giám đốc Sở chủ trì cuộc họp giao ban …
    ```

    ```
    Số 100-CV/ĐU
    V/v chuẩn bị hội nghị sơ kết      (Party công văn)
    ```

    ```
    Số: 215/UBND-VP
    V/V đôn đốc thu gom rác thải      (state công văn: «V/v» and one space)
    ```

    **Best practice**

    ```
                                THÔNG BÁO
          Kết luận của Giám đốc Sở tại cuộc họp giao ban tháng 3
    ```

    ```
    Số 100-CV/ĐU
    về việc chuẩn bị hội nghị sơ kết  (HD 05)
    ```

    **Fix**: under HD 05, ``V/v`` becomes ``về việc``; a state ``V/V``,
    ``v/v``, ``V/v:`` becomes ``V/v``.
    """

    code = "NL131"
    name = "summary-missing"
    summary = "The trích yếu is missing (for a công văn: under the number)"
    summary_vi = "Thiếu trích yếu nội dung văn bản"
    doc_vi = (  # the Vietnamese page of --explain, beside the English docstring
        'Văn bản phải có trích yếu nội dung: dưới tên loại (hoặc dưới số, ký hiệu đối với công văn), ví '
        'dụ «Kết luận của Giám đốc Sở tại cuộc họp giao ban tháng 3».'
    )
    severity = Severity.ERROR
    fixable = True
    profiles = PARTY_AND_LEGACY
    #: a title or organ typed in lower case and shown in capitals (Word's All caps) is found from the styles
    needs = frozenset({"styles"})
    reference = "NĐ 30/2020, Phụ lục I, mục II.5; HD 36-HD/VPTW, 1.5, 1.6; HD 05-HD/VPTW, Phần II, I-5.2.3"

    def check(self, notice, ctx: RuleContext) -> Iterable[Finding]:
        if notice.title is not None:
            entry = notice.kind_entry or {}
            if not notice.summary and entry.get("summary", True):
                seg = notice.title
                yield self.finding(
                    seg.paragraph, seg.start, seg.end,
                    vi=f"Thiếu trích yếu nội dung ngay dưới tên loại «{seg.text.strip()}»",
                    en=f"The trích yếu is missing under the title «{seg.text.strip()}»",
                )
            return
        if not is_cong_van(notice, ctx) or not has_top(notice):
            return
        row = instrument_row(notice, ctx)
        if not notice.subject:
            anchor = notice.number or (notice.organ[-1] if notice.organ else None)
            index = anchor.index if anchor is not None else 1
            if not notice.is_party:
                vi, en = "Thiếu trích yếu «V/v …» dưới số, ký hiệu của công văn", "The «V/v …» line is missing under the number of the công văn"
            elif row.get("cv_subject") == "về việc":
                vi, en = ("Thiếu trích yếu «về việc …» dưới số, ký hiệu của công văn",
                          "The «về việc …» line is missing under the number of the công văn")
            else:
                vi, en = ("Thiếu trích yếu dưới số, ký hiệu của công văn (không ghi «V/v»)",
                          "The trích yếu is missing under the number of the công văn (without «V/v»)")
            yield self.finding(index, 0, 0, vi=vi, en=en)
            return
        if notice.is_party:
            first = notice.subject[0]
            m = _VV.match(first.text)
            if m is None:
                return
            s, e = first.start + m.start(1), first.start + m.end()
            rest = first.text[m.end():]
            if row.get("cv_subject") == "về việc":
                fix = Fix.replace(first.index, s, e, "về việc ")
                vi = "Trích yếu công văn của Đảng không viết «V/v»: viết «về việc …»"
                en = "A Party công văn does not write «V/v»: it writes «về việc …»"
            else:
                fix = Fix.replace(first.index, s, e + 1 if rest else e, rest[:1].upper(), safe=False) if rest else None
                vi = "Trích yếu công văn của Đảng không viết «V/v»"
                en = "A Party công văn does not write «V/v» before its trích yếu"
            yield self.finding(first.paragraph, s, s + len(m.group(1)), vi=vi, en=en, fix=fix)
            return
        # a state công văn: exactly «V/v» and one space before the trích yếu (NĐ 30, Phụ lục I, II.5.b)
        first = notice.subject[0]
        m = _VV_STATE.match(first.text)
        if m is not None and m.group(1) + (m.group(2) or "") != "V/v" and m.end() < len(first.text):
            s, e = first.start + m.start(1), first.start + m.end()
            written = first.text[m.start(1):m.end()].rstrip()
            yield self.finding(
                first.paragraph, s, first.start + m.start(1) + len(written),
                vi=f"Trích yếu công văn viết «V/v» rồi một dấu cách, không viết «{written}»",
                en=f"A công văn's trích yếu opens with «V/v» and one space, not «{written}»",
                fix=Fix.replace(first.index, s, e, "V/v "),
            )
