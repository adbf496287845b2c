from __future__ import annotations

import re
from typing import Iterable

from notice_lint.rule import Edit, Finding, Fix, Rule, RuleContext, Severity

from ._number import parse_number


class NumberFormat(Rule):
    """The number/symbol line is not in the required form.

    State documents (NĐ 30): ``Số`` then a colon, the number in Arabic
    digits with a leading zero below 10, ``/``, then the kind abbreviation and
    the organ's abbreviation joined by ``-`` with no spaces
    (``Số: 18/TB-SKHCN``; a công văn: ``Số: 12/SKHCN-VP``).
    Party documents (HD 36 / HD 05): no colon, ``-`` before the kind and ``/``
    before the organ (``Số 240-TB/VPTU``).

    **Anti-pattern**

    ```
    Số 18/TB-SKHCN
    Số: 18 / TB - SKHCN
    Số: 5/TB-SKHCN
    ```

    **Best practice**

    ```
    Số: 18/TB-SKHCN
    Số: 05/TB-SKHCN
    ```

    **Fix**: the colon, the spaces and the leading zero are corrected.
    """

    code = "NL111"
    name = "number-format"
    summary = "Form of the number/symbol line"
    summary_vi = "Sai thể thức dòng số, ký hiệu"
    severity = Severity.ERROR
    fixable = True
    reference = "NĐ 30/2020, Phụ lục I, mục II.3.c; HD 36-HD/VPTW, 1.3.1"

    def check(self, notice, ctx: RuleContext) -> Iterable[Finding]:
        seg = notice.number
        if seg is None:
            return
        text = seg.text
        line = parse_number(text)
        if line is None:
            return
        base = seg.start
        para = seg.index
        party = notice.is_party
        form = "Số 05-TB/VPTU" if party else "Số: 18/TB-SKHCN"
        o = line.offsets

        # 1. the colon after "Số"
        colon = line.colon.strip()
        gap = line.offsets["gap"]
        if party:
            if colon:
                s, e = o["colon"][0], gap[1]
                yield self._f(para, base, s, e, " ",
                              "Văn bản của Đảng ghi «Số» không có dấu hai chấm",
                              "A Party document writes «Số» without a colon", form)
        else:
            if colon != ":":
                s, e = o["colon"][0], gap[1]
                replacement = ": " if line.num is not None else ":" + text[gap[0]:gap[1]]
                yield self._f(para, base, s, e, replacement,
                              "Sau chữ «Số» phải có dấu hai chấm",
                              "«Số» must be followed by a colon", form)
            elif line.num is not None and text[gap[0]:gap[1]] != " ":
                yield self._f(para, base, gap[0], gap[1], " ",
                              "Sau «Số:» là một dấu cách rồi đến số",
                              "One space between «Số:» and the number", form)

        if line.num is None:
            return  # a blank draft number: NL113
        # 2. leading zero
        num = line.num
        if len(num) == 1 and num != "0":
            s, e = o["num"]
            yield self._f(para, base, s, e, "0" + num,
                          f"Số nhỏ hơn 10 phải thêm số 0 phía trước: «0{num}»",
                          f"A number below 10 takes a leading zero: «0{num}»", form)
        # 3. the separator after the number
        sep = line.sep1
        want = "-" if party else "/"
        if sep.strip() != want:
            s, e = o["sep1"]
            yield self._f(para, base, s, e, want,
                          f"Giữa số và ký hiệu phải là «{want}» (dạng: {form})",
                          f"The number and the symbol are joined by «{want}» (form: {form})", form,
                          safe=False)
        elif sep != want:
            s, e = o["sep1"]
            yield self._f(para, base, s, e, want,
                          f"Không có dấu cách quanh «{want}» giữa số và ký hiệu",
                          f"No spaces around «{want}» between the number and the symbol", form)
        # 4. spaces inside the symbol
        sym_start = o["sym"][0]
        for m in re.finditer(r"\s*([-/])\s*", line.symbol):
            if m.group(0) != m.group(1):
                s, e = sym_start + m.start(), sym_start + m.end()
                yield self._f(para, base, s, e, m.group(1),
                              "Ký hiệu văn bản viết liền, không có dấu cách quanh dấu gạch",
                              "The symbol has no spaces around its hyphens and slashes", form)
        if party and "/" not in line.symbol and not notice.kind == "CV":
            yield self.finding(para, base + sym_start, base + len(text.rstrip()),
                               vi=f"Ký hiệu văn bản của Đảng có dạng «loại/cơ quan» (dạng: {form})",
                               en=f"A Party symbol reads «kind/organ» (form: {form})")

    def _f(self, para, base, s, e, repl, vi, en, form, safe=True) -> Finding:
        return self.finding(
            para, base + s, base + max(e, s), vi=f"{vi}", en=f"{en}",
            fix=Fix((Edit(para, base + s, base + e, repl),), safe=safe),
        )
