from __future__ import annotations

from typing import Iterable

from notice_lint.rule import Finding, Rule, RuleContext, Severity

from ._headings import breaks, label_span


class PointLetter(Rule):
    """Lettered points do not follow the Vietnamese alphabet.

    Points (điểm) are lettered in the order of the Vietnamese alphabet, each
    followed by ``)``: ``a b c d đ e g h i k l m n o p q r s t u v x y``.
    There is no ``f``, ``j``, ``w`` or ``z``, and ``đ`` comes after ``d``.
    Word's automatic lower-letter numbering counts in the Latin alphabet
    (``d) e) f)``): such a list is wrong too, and the labels must be typed
    (or the numbering changed) by hand, so no fix is offered.

    **Anti-pattern**

    ```
    d) Chấn chỉnh công tác tổ chức;
    e) Thực hiện tốt công tác quản lý nhà nước;
    f) Chủ trì, phối hợp với các sở, ngành;
    ```

    **Best practice**

    ```
    d) Chấn chỉnh công tác tổ chức;
    đ) Thực hiện tốt công tác quản lý nhà nước;
    e) Chủ trì, phối hợp với các sở, ngành;
    ```
    """

    code = "NL142"
    name = "point-letter"
    summary = "Lettered points break the Vietnamese alphabet order"
    summary_vi = "Thứ tự điểm không theo bảng chữ cái tiếng Việt"
    doc_vi = (  # the Vietnamese page of --explain, beside the English docstring
        'Các điểm đánh theo thứ tự chữ cái tiếng Việt: a, b, c, d, đ, e, g, h… (không có f, j, w, z). '
        'Sai: «d)», «e)», «f)». Đúng: «d)», «đ)», «e)».'
    )
    severity = Severity.ERROR
    reference = "NĐ 30/2020, Phụ lục I, mục II.6.c; HD 36-HD/VPTW, 1.6; HD 05-HD/VPTW, 6.2.4.đ"

    def check(self, notice, ctx: RuleContext) -> Iterable[Finding]:
        for b in breaks(notice):
            h = b.heading
            if h.kind != "letter":
                continue
            start, end = label_span(h)
            shown = h.label.strip()
            letter = str(h.value)
            if b.kind == "latin":
                after_vi = f"; sau «{b.previous})» là «{b.expected})»" if b.previous else ""
                after_en = f"; «{b.previous})» is followed by «{b.expected})»" if b.previous else ""
                vi = f"«{letter})»: chữ «{letter}» không có trong bảng chữ cái tiếng Việt (không dùng f, j, w, z){after_vi}"
                en = f"«{letter})»: «{letter}» is not a Vietnamese letter (no f, j, w, z){after_en}"
            elif b.kind == "skipped-đ":
                vi = "Thiếu điểm «đ)»: sau «d)» là «đ)» rồi mới đến «e)»"
                en = "Point «đ)» is skipped: «d)» is followed by «đ)», then «e)»"
            elif b.kind == "repeat":
                vi = f"Điểm «{shown}» bị lặp lại sau «{b.previous})»; điểm tiếp theo phải là «{b.expected})»"
                en = f"Point «{shown}» repeats after «{b.previous})»; the next point is «{b.expected})»"
            else:
                after_vi = f" sau «{b.previous})»" if b.previous else ""
                after_en = f" after «{b.previous})»" if b.previous else ""
                vi = f"Điểm «{shown}» bị nhảy cóc{after_vi}; điểm tiếp theo phải là «{b.expected})»"
                en = f"Point «{shown}» skips a letter{after_en}; the next point is «{b.expected})»"
            if h.auto:
                vi += " (chữ do Word tự đánh số theo bảng chữ cái Latinh)"
                en += " (lettered automatically by Word in the Latin alphabet)"
            yield self.finding(h.segment.paragraph, start, end, vi=vi, en=en)
