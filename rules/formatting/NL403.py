from __future__ import annotations

from typing import Iterable

from notice_lint.rule import Finding, Fix, FormatEdit, Rule, RuleContext, Severity

from ._pages import sections
from ._parts import fmt_num_en, fmt_num_vi

A4_TWIPS = (11906, 16838)

A4 = (210.0, 297.0)
TOLERANCE_MM = 1.0  # Word stores twips; 11906 × 16838 twips is 210.0 × 297.0 mm


class PageSize(Rule):
    """Paper A4 (210 × 297 mm), portrait.

    A section may be landscape only when it holds a table (NĐ 30 allows a
    landscape page for a table; HD 36 4.3 likewise): a landscape section
    with running text, or a first page in landscape, is reported.  Sizes
    within 1 mm of A4 pass (Word stores twips).

    Fix: ``--fix`` sets the section's paper to A4, keeping its orientation
    (safe); ``--unsafe-fixes`` also turns a landscape section with running
    text to portrait (unsafe: a wide table in it may need the landscape
    page).  Written as a tracked change of the section by default.

    **Anti-pattern**

    ```
    Page size: Letter (215.9 × 279.4 mm)
    ```

    **Best practice**

    ```
    Page size: A4 (210 × 297 mm), portrait
    ```
    """

    code = "NL403"
    fixable = True
    name = "page-size"
    summary = "A4 paper, portrait (landscape only for a table section)"
    summary_vi = "Khổ giấy A4, trình bày theo chiều dọc (chiều ngang chỉ cho phần bảng)"
    doc_vi = (  # the Vietnamese page of --explain, beside the English docstring
        'Văn bản trình bày trên khổ giấy A4 (210 × 297 mm), theo chiều dọc; chiều ngang chỉ dành cho phần'
        ' có bảng. Sai: khổ Letter (215,9 × 279,4 mm).'
    )
    severity = Severity.ERROR
    formats = ("docx",)
    needs = frozenset({"styles"})
    reference = "NĐ 30/2020, Phụ lục I, Phần I, mục I; HD 36-HD/VPTW, 4.2–4.3; HD 05-HD/VPTW, Phần II"

    def check(self, notice, ctx: RuleContext) -> Iterable[Finding]:
        for k, sec in enumerate(sections(notice.document)):
            w, h = sec.setup.width_mm, sec.setup.height_mm
            if w is None or h is None:
                continue
            short, long_ = sorted((w, h))
            if abs(short - A4[0]) > TOLERANCE_MM or abs(long_ - A4[1]) > TOLERANCE_MM:
                yield self.finding(
                    sec.anchor,
                    0,
                    0,
                    vi=f"Khổ giấy {fmt_num_vi(w, 1)} × {fmt_num_vi(h, 1)} mm, phải là A4 (210 × 297 mm)",
                    en=f"Paper size {fmt_num_en(w, 1)} × {fmt_num_en(h, 1)} mm; it must be A4 (210 × 297 mm)",
                    fix=Fix((FormatEdit(
                        "section", sec.anchor, 0, 0,
                        (("width", A4_TWIPS[w > h]), ("height", A4_TWIPS[w <= h])),
                        section=sec.index,
                        note_vi=f"khổ giấy {fmt_num_vi(w, 1)} × {fmt_num_vi(h, 1)} mm → A4",
                        note_en=f"paper {fmt_num_en(w, 1)} × {fmt_num_en(h, 1)} mm → A4",
                    ),), safe=True),
                )
                continue
            landscape = w > h
            if landscape and (k == 0 or not sec.tables_only):
                yield self.finding(
                    sec.anchor,
                    0,
                    0,
                    vi="Trang trình bày theo chiều ngang; chỉ phần bảng mới được trình bày ngang khổ A4",
                    en="The page is landscape; only a table section may be landscape",
                    fix=Fix((FormatEdit(
                        "section", sec.anchor, 0, 0,
                        (("width", A4_TWIPS[0]), ("height", A4_TWIPS[1]), ("orient", "portrait")),
                        section=sec.index, note_vi="trang ngang → trang dọc", note_en="landscape → portrait",
                    ),), safe=False),
                )
