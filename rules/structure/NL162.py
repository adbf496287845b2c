from __future__ import annotations

import re
from typing import Iterable

from notice_lint.rule import Finding, Fix, Rule, RuleContext, Severity

from ._recipients import BULLET_RE, is_internal_paper, items
from ._signature import closing_profile

#: a unit abbreviation run together with lower-case text (``KGVX.thiên95``): no abbreviation, drafter or count
RUN_ON_RE = re.compile(r"^[A-ZĐ]{2,}[A-ZĐ0-9&]*\.?[a-zđà-ỹ]", re.UNICODE)
#: a unit's abbreviation whose small letters each stand alone between capitals (GDTrH: Giáo dục
#: Trung học; the official tables write QyĐ, CTr, TTr): never two small letters in a row, as a name has
_MIXED_ABBR = re.compile(r"[A-ZĐ][A-ZĐ&]*(?:[a-zđ][A-ZĐ&]+)*[a-zđ]?")


def _malformed(unit: str) -> bool:
    """An archive unit that is clearly broken: unbalanced brackets, or text run into the abbreviation.

    A unit written in full (``Phòng Kinh tế``) or with the drafter in brackets
    (``CN(Trung)``, ``KT (T.Q.Hùng)``) or a copy count (``VP(02)``) passes.
    """
    if _MIXED_ABBR.fullmatch(unit):
        return False  # "GDTrH", "KHTr": an abbreviation with a small letter inside, no name run into it
    return unit.count("(") != unit.count(")") or bool(RUN_ON_RE.match(unit))
#: the item opens with the word (a quick test before LUU_RE)
_LUU_WORD = re.compile(r"^L[ưu]u(\s|:|$)")
LUU_RE = re.compile(r"^(?P<word>L[ưu]u)(?P<sep>\s*:?\s*)(?P<rest>.*?)(?P<end>[.;,]?)\s*$", re.UNICODE | re.IGNORECASE)


class RecipientsArchive(Rule):
    """The archive item (``Lưu``) is missing, misplaced or malformed.

    The list of recipients closes with the archive copy.  State documents
    (NĐ 30): ``- Lưu: VT, <unit>.`` — a colon, ``VT`` (the văn thư) first, then
    the drafting unit's abbreviation, optionally the drafter or the number of
    copies (``- Lưu: VT, CN(Trung).``, ``- Lưu: VT, VP(02).``).  A paper a
    phòng writes inside its organ, with no number from the văn thư, names only
    the unit (``- Lưu: CN (Trung).``).  Party documents (HD 36, HD 05):
    ``- Lưu <unit>.`` with no colon and no ``VT`` (``- Lưu Văn phòng Tỉnh uỷ.``,
    ``- Lưu VPĐU.``).

    **Anti-pattern**

    ```
    - Lưu VT, QLKHNCNS.          (state: no colon)
    - Lưu: VT, KGVX.thiên95      (state: text run into the unit)
    - Lưu: VT, VPTU.             (Party: colon and VT)
    ```

    **Best practice**

    ```
    - Lưu: VT, QLKHNCNS.
    - Lưu VPTU.
    ```

    **Fix**: ``Lưu VT`` → ``Lưu: VT`` (state); a Party item written in the
    state form is rewritten (unsafe: it trusts the profile detection).
    """

    code = "NL162"
    name = "recipients-archive"
    summary = "The archive item (Lưu) of Nơi nhận"
    summary_vi = "Sai hoặc thiếu dòng «Lưu» ở nơi nhận"
    doc_vi = (  # the Vietnamese page of --explain, beside the English docstring
        'Nơi nhận kết thúc bằng dòng lưu văn bản: văn bản nhà nước «- Lưu: VT, QLKHNCNS.» (có dấu hai '
        'chấm); văn bản của Đảng «- Lưu VPTU.» (không có dấu hai chấm). Sai: «- Lưu VT, QLKHNCNS.» trong '
        'văn bản nhà nước (thiếu dấu hai chấm).'
    )
    severity = Severity.WARNING
    fixable = True
    reference = "NĐ 30/2020, Phụ lục I, mục II.9.b; HD 36-HD/VPTW, 1.9.1; HD 05-HD/VPTW, 9.2.5"

    def check(self, notice, ctx: RuleContext) -> Iterable[Finding]:
        its = items(notice)
        if not its:
            return
        judged = closing_profile(notice)
        if judged is None:
            return
        party = judged == "party"
        form = "- Lưu <đơn vị>." if party else "- Lưu: VT, <đơn vị soạn thảo>."
        form_en = "- Lưu <unit>." if party else "- Lưu: VT, <drafting unit>."
        # the last archive item (read from the end: it is usually the last item)
        k = len(its) - 1
        while k >= 0:
            content = its[k].content
            if content[:1] == "L" and _LUU_WORD.match(content) and LUU_RE.match(content):
                break
            k -= 1
        if k < 0:
            last = its[-1].last
            yield self.finding(
                last.paragraph, last.start, last.end,
                vi=f"Nơi nhận phải kết thúc bằng dòng lưu văn bản «{form}»",
                en=f"The list of recipients must close with the archive item «{form_en}»",
            )
            return
        item = its[k]
        if k != len(its) - 1:
            yield self.finding(
                item.first.paragraph, item.first.start, item.first.end,
                vi="Dòng «Lưu» là dòng cuối cùng của nơi nhận",
                en="The «Lưu» item is the last item of the list",
            )
        seg = item.first
        bullet = BULLET_RE.match(seg.text)
        base = seg.start + (bullet.end() if bullet else 0)
        text = seg.text[base - seg.start:]
        m = LUU_RE.match(" ".join([text.rstrip()] + [s.text.strip() for s in item.lines[1:]]))
        if m is None:
            return
        sep, rest = m.group("sep"), m.group("rest")
        units = [u.strip() for u in rest.split(",")] if rest.strip() else []
        sep_span = (base + m.start("sep"), base + m.end("sep"))
        if party:
            if ":" in sep or (units and units[0] == "VT"):
                good_units = [u for u in units if u != "VT"]
                repl_end = base + m.end("rest") if len(item.lines) == 1 else None
                fix = None
                if repl_end is not None and good_units:
                    fix = Fix.replace(seg.index, sep_span[0], repl_end, " " + ", ".join(good_units), safe=False)
                yield self.finding(
                    seg.paragraph, base, base + len(text.rstrip()),
                    vi=f"Văn bản của Đảng ghi dòng lưu «{form}»: không có dấu hai chấm, không có «VT»",
                    en=f"A Party document writes the archive item «{form_en}»: no colon, no «VT»",
                    fix=fix,
                )
            return
        internal = is_internal_paper(notice)
        if ":" not in sep:
            fix = None
            if units and units[0].startswith("VT"):
                fix = Fix.replace(seg.index, sep_span[0], sep_span[1], ": ")
            yield self.finding(
                seg.paragraph, sep_span[0] if sep_span[1] > sep_span[0] else base, sep_span[1] if fix else base + len(text.rstrip()),
                vi=f"Sau chữ «Lưu» có dấu hai chấm: «{form}»",
                en=f"«Lưu» is followed by a colon: «{form_en}»",
                fix=fix,
            )
            if not fix:
                return
        if not units:
            return
        if "VT" not in units:
            if not internal:
                yield self.finding(
                    seg.paragraph, base, base + len(text.rstrip()),
                    vi=f"Dòng lưu ghi «VT» (văn thư) trước tên đơn vị soạn thảo: «{form}»",
                    en=f"The archive item names «VT» (the registry) before the drafting unit: «{form_en}»",
                )
        elif units[0] != "VT":
            yield self.finding(
                seg.paragraph, base, base + len(text.rstrip()),
                vi=f"«VT» đứng đầu dòng lưu, trước tên đơn vị soạn thảo: «{form}»",
                en=f"«VT» comes first in the archive item, before the drafting unit: «{form_en}»",
            )
        others = [u for u in units if u != "VT"]
        if not others:
            yield self.finding(
                seg.paragraph, base, base + len(text.rstrip()),
                vi=f"Dòng lưu thiếu chữ viết tắt tên đơn vị soạn thảo sau «VT»: «{form}»",
                en=f"The archive item lacks the drafting unit after «VT»: «{form_en}»",
            )
            return
        rest_start = base + m.start("rest")
        for u in others:
            if not _malformed(u):
                continue
            pos = text.find(u)
            s = base + pos if pos >= 0 else rest_start
            yield self.finding(
                seg.paragraph, s, s + len(u) if pos >= 0 else base + len(text.rstrip()),
                vi=f"«{u}» viết sai: chữ viết tắt đơn vị soạn thảo, người soạn thảo hoặc số bản lưu "
                   f"ghi trong ngoặc đơn, ví dụ «CN(Trung)», «VP(02)»",
                en=f"«{u}» is malformed: the drafting unit's abbreviation, with the drafter or the number "
                   f"of copies in brackets, e.g. «CN(Trung)», «VP(02)»",
            )
