from __future__ import annotations

from typing import Iterable

from notice_lint.rule import Finding, Rule, RuleContext, Severity

from ._headings import breaks, label_span

_LEVEL_VI = {"article": "điều", "roman": "mục (số La Mã)", "arabic": "khoản (số Ả Rập)", "decimal": "tiểu mục"}
_PART_EN = {"phần": "part", "chương": "chapter", "mục": "section"}
_LEVEL_EN = {"article": "article", "roman": "Roman-numbered section", "arabic": "numbered item", "decimal": "sub-item"}


class HeadingSequence(Rule):
    """Section numbers skip or repeat a value at their level.

    Each level runs without gaps or repeats: ``I, II, III…``; ``1, 2, 3…``;
    ``1.1, 1.2…``; ``Điều 1, Điều 2…``.  The numbers of a level restart
    under each new heading of the level above (``1.`` again under ``II.``).
    A list that starts again at its first value is a new list, not an error.
    Parts (``PHẦN THỨ NHẤT``, ``Chương II``), capital-letter parts (``A.``,
    ``B.``), steps (``BƯỚC 1``) and annexes (``PHỤ LỤC 2``, ``Mẫu số 01``) are
    levels above the others.  Parts and chapters numbered with digits run on
    through the document (``Phần I``, ``Phần II``, ``Phần III``; a regulation
    after its decision starts again at ``Chương I``), sections (``Mục 1``) under
    each chapter: under each, ``I.`` or ``1.`` starts again, or
    goes on from the part before, and is judged from there.  A form field
    named in the text (``Mục 7 (quê quán): ghi …``) or a wrapped line that
    begins with a number (``2.5 Quy định số …``) is no heading.
    Labels drawn by Word's automatic numbering are judged like typed ones.

    **Anti-pattern**

    ```
    I. ĐÁNH GIÁ CHUNG
    II. NHIỆM VỤ TRỌNG TÂM
    IV. TỔ CHỨC THỰC HIỆN

    Phần I … Phần II … Phần IV
    ```

    **Best practice**

    ```
    I. ĐÁNH GIÁ CHUNG
    II. NHIỆM VỤ TRỌNG TÂM
    III. TỔ CHỨC THỰC HIỆN

    Phần I … Phần II … Phần III
    ```
    """

    code = "NL140"
    name = "heading-sequence"
    summary = "Section numbering skips or repeats a number"
    summary_vi = "Số thứ tự mục, khoản bị nhảy cóc hoặc lặp lại"
    doc_vi = (  # the Vietnamese page of --explain, beside the English docstring
        'Số thứ tự các mục, khoản cùng cấp phải liên tục, không nhảy cóc hay lặp lại. Sai: «I.», «II.», '
        '«IV.». Đúng: «I.», «II.», «III.». Dưới mỗi phần («PHẦN THỨ HAI», «Chương II»), mỗi phần đánh chữ '
        'in hoa («A.», «B.»), mỗi bước («BƯỚC 1») và mỗi phụ lục («PHỤ LỤC 2», «Mẫu số 01»), số thứ tự '
        'được đánh lại từ đầu hoặc đánh tiếp theo phần trước. «Mục 7 (quê quán): ghi …» (trường của mẫu '
        'biểu) và dòng bị ngắt «2.5 Quy định số …» không phải là đề mục. Các phần, chương đánh số liên tục '
        '(«Phần I», «Phần II», «Phần III»), các mục («Mục 1») đánh lại trong mỗi chương.'
    )
    severity = Severity.WARNING
    reference = "NĐ 30/2020, Phụ lục I, mục II.6; HD 36-HD/VPTW, 1.6; HD 05-HD/VPTW, 6.2.4"

    def check(self, notice, ctx: RuleContext) -> Iterable[Finding]:
        for b in breaks(notice):
            h = b.heading
            if h.kind == "letter":
                continue  # NL142
            start, end = label_span(h)
            shown = h.label.strip()
            if h.kind == "part":  # "Phần", "Chương", "Mục": the word of the label names its level
                word = h.label.split()[0].lower()
                lvl_vi, lvl_en = word, _PART_EN.get(word, "part")
            else:
                lvl_vi, lvl_en = _LEVEL_VI.get(h.kind, "mục"), _LEVEL_EN.get(h.kind, "section")
            after_vi = f" sau «{b.previous}»" if b.previous else ""
            after_en = f" after «{b.previous}»" if b.previous else ""
            if b.kind == "repeat":
                vi = f"Số thứ tự {lvl_vi} «{shown}» bị lặp lại{after_vi}; số tiếp theo phải là «{b.expected}»"
                en = f"The {lvl_en} number «{shown}» repeats{after_en}; the next one is «{b.expected}»"
            else:
                vi = f"Số thứ tự {lvl_vi} «{shown}» bị nhảy cóc{after_vi}; số tiếp theo phải là «{b.expected}»"
                en = f"The {lvl_en} number «{shown}» skips a number{after_en}; the next one is «{b.expected}»"
            if h.auto:
                vi += " (số do Word tự đánh)"
                en += " (numbered automatically by Word)"
            yield self.finding(h.segment.paragraph, start, end, vi=vi, en=en)
