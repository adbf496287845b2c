from __future__ import annotations

from typing import Iterable

from notice_lint.rule import Finding, Fix, Rule, RuleContext, Severity

from ._recipients import item_ending, items

_NAMES = {";": "dấu chấm phẩy (;)", ",": "dấu phẩy (,)", ".": "dấu chấm (.)"}
_NAMES_EN = {";": "a semicolon (;)", ",": "a comma (,)", ".": "a period (.)"}


class RecipientsItem(Rule):
    """A recipient item does not start with ``- `` or ends with the wrong mark.

    Each item of ``Nơi nhận:`` starts with a hyphen and one space.  State
    documents (NĐ 30) end every item with ``;`` and the last one with ``.``.
    Party documents end every item with ``,`` under HD 36 (03/4/2018 to
    26/5/2026) and with ``;`` under HD 05 (from 27/5/2026); the last with
    ``.``.  An item wrapped over several lines is judged at its last line.

    **Anti-pattern**

    ```
    Nơi nhận:
    - Ban Giám đốc Sở.
    + Các phòng, đơn vị thuộc Sở;
    - Lưu: VT, VP
    ```

    **Best practice**

    ```
    Nơi nhận:
    - Ban Giám đốc Sở;
    - Các phòng, đơn vị thuộc Sở;
    - Lưu: VT, VP.
    ```

    **Fix**: the bullet and the closing mark are corrected.
    """

    code = "NL161"
    name = "recipients-item"
    summary = "Recipient item: bullet or end punctuation"
    summary_vi = "Sai gạch đầu dòng hoặc dấu cuối dòng ở nơi nhận"
    doc_vi = (  # the Vietnamese page of --explain, beside the English docstring
        'Mỗi nơi nhận bắt đầu bằng gạch đầu dòng «- » và kết thúc bằng dấu chấm phẩy; dòng cuối («Lưu…») '
        'kết thúc bằng dấu chấm. Sai: «+ Các phòng;», «- Ban Giám đốc Sở.». Đúng: «- Ban Giám đốc Sở;».'
    )
    severity = Severity.WARNING
    fixable = True
    reference = "NĐ 30/2020, Phụ lục I, mục II.9; HD 36-HD/VPTW, 1.9.2; HD 05-HD/VPTW, 9.2.5"

    def check(self, notice, ctx: RuleContext) -> Iterable[Finding]:
        its = items(notice)
        if not its:
            return
        endings = item_ending(notice)
        for k, item in enumerate(its):
            text = item.first.text
            if text[:2] != "- " or text[2:3].isspace():  # the usual "- " is accepted without a regex
                yield from self._bullet(item)
            last = k == len(its) - 1
            want = (".",) if last else endings
            if not want:
                continue
            seg = item.last
            text = seg.text.rstrip()
            if not text.strip():
                continue
            end = seg.start + len(text)
            mark = text[-1]
            if mark in want:
                continue
            good = want[0]
            names = " hoặc ".join(_NAMES[w] for w in want)
            names_en = " or ".join(_NAMES_EN[w] for w in want)
            which_vi = "Nơi nhận cuối cùng" if last else "Mỗi nơi nhận"
            which_en = "The last item" if last else "Each item"
            if mark in ".;,:":
                fix = Fix.replace(seg.index, end - 1, end, good)
                start = end - 1
                got_vi, got_en = f", không phải «{mark}»", f", not «{mark}»"
            else:
                fix = Fix.replace(seg.index, end, end, good)
                start = end
                got_vi, got_en = "", ""
            yield self.finding(
                seg.paragraph, start, end,
                vi=f"{which_vi} kết thúc bằng {names}{got_vi}",
                en=f"{which_en} ends with {names_en}{got_en}",
                fix=fix,
            )

    def _bullet(self, item) -> Iterable[Finding]:
        seg = item.first
        m = item.bullet()
        if m is None:
            return
        if m.group("bullet") == "-" and m.group("space") == " ":
            return
        s = seg.start + m.start("bullet")
        e = seg.start + m.end("space")
        yield self.finding(
            seg.paragraph, s, e,
            vi="Mỗi nơi nhận bắt đầu bằng một gạch ngang và một dấu cách «- »",
            en="Each item starts with a hyphen and one space «- »",
            fix=Fix.replace(seg.index, s, e, "- "),
        )
