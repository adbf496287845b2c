from __future__ import annotations

import re
from typing import Iterable

from notice_lint.anatomy.header import has_mass_title
from notice_lint.rule import Edit, Finding, Fix, Rule, RuleContext, Severity

from ._number import parse_number
from ._top import entry_from_number, is_cong_van, number_example, option_list


#: marks after the symbol's last letter or digit ("BB-SXD.", "KH/TU/", "GM-UBND-")
_TRAILING = re.compile(r"\s*[.,;:/\-]+$")
#: a dot or an underscore between two groups of a state symbol ("TB.SCT", "BB_SXD")
_GROUP_JOIN = re.compile(r"(?<=[A-Za-zĐđ0-9])[._](?=[A-ZĐ])")


class NumberFormat(Rule):
    """The number/symbol line is not in the required form.

    State documents (NĐ 30): ``Số`` then a colon, the number in Arabic
    digits with a leading zero below 10, ``/``, then the kind abbreviation and
    the organ's abbreviation joined by ``-`` with no spaces
    (``Số: 18/TB-SKHCN``; a công văn: ``Số: 12/SKHCN-VP``).
    Party documents (HD 36 / HD 05): no colon, ``-`` before the kind and ``/``
    before the organ (``Số 240-TB/VPTU``; a công văn ``Số 357-CV/BTCTU``).
    The word ``Số`` is written in lower case.  A number in the other
    profile's order (``Số 05/TB-TU`` in a Party document, ``Số: 18-TB/SKHCN``
    in a state one) is reported once, with the whole symbol rewritten.

    A year inside the symbol (``Số: 12/2024/QĐ-UBND``) belongs to legal
    normative documents; an administrative document (thông báo, kế hoạch,
    báo cáo, công văn, tờ trình…) has none (``Số: 18/2024/TB-SKHCN``).

    When the configuration names the organ (``organ = "SKHCN"``) the organ
    part of the symbol must be it; with ``units = ["VP", "QLKH"]`` the unit
    of a state công văn (``SKHCN-VP``) must be one of them.

    **Anti-pattern**

    ```
    Số 18/TB-SKHCN
    Số: 18 / TB - SKHCN
    Số: 5/TB-SKHCN
    Số: 18/2024/TB-SKHCN
    Số: 18/TB-SKHCN.
    Số: 18/TB.SKHCN
    ```

    **Best practice**

    ```
    Số: 18/TB-SKHCN
    Số: 05/TB-SKHCN
    ```

    The symbol ends with its last letter or digit (no ``.``, ``-``, ``/``
    after it), and a state symbol joins its groups with ``-``, not a dot or an
    underscore.

    A mass organisation's own document (under its title line ``ĐOÀN TNCS HỒ
    CHÍ MINH``, ``HỘI NÔNG DÂN VIỆT NAM``) may number in either order
    (``Số: 12-CV/TĐTN-VP``, ``Số: 12/GM-HNDT``): its own rules, not NĐ 30's.

    **Fix**: the colon, the spaces and the leading zero are corrected; a year
    in an administrative document's number and a mark after the symbol are
    removed; a dot between the groups becomes ``-`` (a suggestion).
    """

    code = "NL111"
    name = "number-format"
    summary = "Form of the number/symbol line"
    summary_vi = "Sai thể thức dòng số, ký hiệu"
    doc_vi = (  # the Vietnamese page of --explain, beside the English docstring
        'Dòng số, ký hiệu viết theo mẫu «Số: 18/TB-SKHCN»: có dấu hai chấm sau chữ «Số», số nhỏ hơn 10 '
        'thêm số 0 phía trước, không có dấu cách quanh «/» và «-». Sai: «Số 5/TB-SKHCN». Đúng: «Số: '
        '05/TB-SKHCN». Văn bản hành chính không ghi năm trong số, ký hiệu (chỉ văn bản quy phạm pháp luật '
        'ghi năm): sai «Số: 18/2024/TB-SKHCN».'
    )
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
        form = number_example(notice, ctx)
        o = line.offsets

        # 0. "Số" in lower case
        so = text[o["so"][0]:o["so"][1]]
        if so != "Số":
            yield self._f(para, base, o["so"][0], o["so"][1], "Số",
                          "Chữ «Số» viết chữ thường", "«Số» is written in lower case", form)

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

        # the order of the other profile: "Số 05/TB-TU" (Party) or "Số: 18-TB/SKHCN" (state)
        # (a mass organisation numbers in the Party's order under its own rules: «Số: 12-CV/TĐTN-VP»)
        mass = has_mass_title(notice)
        swapped = None if mass else self._swapped(line, party)
        if swapped is not None:
            s, e = o["sep1"][0], o["sym"][1]
            yield self.finding(
                para, base + s, base + e,
                vi=f"Số và ký hiệu viết theo thứ tự của {'văn bản nhà nước' if party else 'văn bản của Đảng'}; "
                   f"đúng là «{swapped.strip()}» (dạng: {form})",
                en=f"The number and symbol follow the {'state' if party else 'Party'} order; "
                   f"it reads «{swapped.strip()}» (form: {form})",
                fix=Fix((Edit(para, base + s, base + e, swapped),), safe=False),
            )
            return
        if ctx.option("organ") is not None or ctx.option("units") is not None:  # else nothing is configured
            yield from self._configured(notice, ctx, seg, line, form)

        # 2. leading zero (a blank draft number is NL113's business)
        num = line.num or ""
        if len(num) == 1 and num != "0":
            s, e = o["num"]
            yield self._f(para, base, s, e, "0" + num,
                          f"Số nhỏ hơn 10 phải thêm số 0 phía trước: «0{num}»",
                          f"A number below 10 takes a leading zero: «0{num}»", form)
        # 3. the separator after the number
        sep = line.sep1
        want = "-" if party else "/"
        if mass and sep.strip() in ("-", "/"):
            want = sep.strip()  # either order (above)
        if line.num is None:
            pass  # "Số:      /TB-SCT": the blank field runs up to the separator
        elif sep.strip() != want:
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
        # a symbol with no white space has nothing to report here
        for m in (re.finditer(r"\s*([-/])\s*", line.symbol) if line.symbol.split() != [line.symbol] else ()):
            if m.group(0) != m.group(1):
                s, e = sym_start + m.start(), sym_start + m.end()
                yield self._f(para, base, s, e, m.group(1),
                              "Ký hiệu văn bản viết liền, không có dấu cách quanh dấu gạch",
                              "The symbol has no spaces around its hyphens and slashes", form)
        # 5. a year inside the symbol belongs to legal normative documents (Số: 12/2024/QĐ-UBND),
        # never to an administrative one (NĐ 30, Phụ lục I, II.3)
        if not party and line.year_len:
            entry = notice.kind_entry or entry_from_number(notice, ctx)
            if is_cong_van(notice, ctx) or (entry is not None and not entry.get("normative", False)):
                s, e = sym_start, sym_start + line.year_len
                year = line.symbol[:4]
                yield self._f(para, base, s, e, "",
                              f"Văn bản hành chính không ghi năm «{year}» trong số, ký hiệu (chỉ văn bản quy phạm "
                              f"pháp luật ghi năm)",
                              f"An administrative document has no year «{year}» in its number (only legal "
                              f"normative documents have one)", form)
        # 6. punctuation closing the symbol ("Số: 12/BB-SXD.", "Số 112-KH/TU/"), and a dot or an
        # underscore where a state symbol joins its groups with "-" ("Số: 85/TB.SCT")
        tail = _TRAILING.search(line.symbol)
        if tail is not None and tail.start() > 0:
            s, e = sym_start + tail.start(), sym_start + tail.end()
            mark = tail.group(0).strip()
            yield self._f(para, base, s, e, "",
                          f"Thừa dấu «{mark}» sau ký hiệu văn bản (dạng: {form})",
                          f"A stray «{mark}» after the symbol (form: {form})", form)
        if not party:
            for m in _GROUP_JOIN.finditer(line.symbol):
                s, e = sym_start + m.start(), sym_start + m.end()
                yield self._f(para, base, s, e, "-",
                              f"Giữa các nhóm chữ viết tắt trong ký hiệu có dấu gạch nối (-), không phải "
                              f"«{m.group(0)}» (dạng: {form})",
                              f"The groups of the symbol are joined by «-», not «{m.group(0)}» (form: {form})",
                              form, safe=False)
        if party and "/" not in line.symbol:
            yield self.finding(para, base + sym_start, base + len(text.rstrip()),
                               vi=f"Ký hiệu văn bản của Đảng có dạng «loại/cơ quan» (dạng: {form})",
                               en=f"A Party symbol reads «kind/organ» (form: {form})")

    @staticmethod
    def _swapped(line, party: bool) -> str | None:
        """The separator and symbol rewritten in this profile's order, when written in the other's."""
        sym = line.symbol.strip()
        sep = line.sep1.strip()
        if party and sep == "/" and "/" not in sym and "-" in sym:
            kind, organ = sym.split("-", 1)
            return f"-{kind.strip()}/{organ.strip()}"
        if not party and sep == "-" and "/" in sym:
            kind, organ = sym.split("/", 1)
            return f"/{kind.strip()}-{organ.strip()}"
        return None

    def _configured(self, notice, ctx, seg, line, form) -> Iterable[Finding]:
        """The organ (and the unit of a state công văn) named in the configuration."""
        organs = [o.strip() for o in option_list(ctx, "organ") if o.strip()]
        units = [u.strip() for u in option_list(ctx, "units") if u.strip()]
        if not organs and not units:
            return
        party = notice.is_party
        kind, rest = line.kind_and_organ(party)
        cv_state = not party and notice.kind == "CV"
        if cv_state:
            # Số: 12/SKHCN-VP: the organ, then the drafting unit
            parts = [p.strip() for p in line.symbol[line.year_len:].split("-")]
            organ, unit = parts[0], ("-".join(parts[1:]) if len(parts) > 1 else None)
        else:
            organ, unit = rest, None
            if not party and "-" in rest:
                organ, unit = rest.split("-", 1)
        sym0 = seg.start + line.offsets["sym"][0]
        where = seg.text.find(organ, line.offsets["sym"][0]) if organ else -1
        if organs and organ and organ not in organs and "-".join(organs) != rest:
            s = seg.start + where if where >= 0 else sym0
            yield self.finding(
                seg.paragraph, s, s + len(organ),
                vi=f"Chữ viết tắt tên cơ quan «{organ}» khác cấu hình («{' / '.join(organs)}»)",
                en=f"The organ abbreviation «{organ}» is not the configured one («{' / '.join(organs)}»)",
            )
        if cv_state and units and unit and unit not in units:
            where_u = seg.text.rfind(unit)
            s = seg.start + where_u if where_u >= 0 else sym0
            yield self.finding(
                seg.paragraph, s, s + len(unit),
                vi=f"Đơn vị soạn thảo «{unit}» không có trong danh sách đơn vị của cơ quan («{', '.join(units)}»)",
                en=f"The drafting unit «{unit}» is not one of the organ's units («{', '.join(units)}»)",
            )

    def _f(self, para, base, s, e, repl, vi, en, form, safe=True) -> Finding:
        return self.finding(
            para, base + s, base + max(e, s), vi=f"{vi}", en=f"{en}",
            fix=Fix((Edit(para, base + s, base + e, repl),), safe=safe),
        )
