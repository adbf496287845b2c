from __future__ import annotations

from typing import Iterable

from notice_lint.rule import Finding, Fix, FormatEdit, Rule, RuleContext, Severity

from ._pages import sections
from ._parts import fmt_num_en, fmt_num_vi, nearest, twips

# (top, bottom, left, right) ranges in mm
STATE = ((20, 25), (20, 25), (30, 35), (15, 20))
PARTY = ((20, 20), (20, 20), (30, 30), (15, 15))
NAMES_VI = ("trên", "dưới", "trái", "phải")
NAMES_EN = ("top", "bottom", "left", "right")


def _shown(mm: float) -> float:
    """The margin as Word shows it: centimetres with two decimals (0.1 mm)."""
    return round(mm, 1)


class PageMargins(Rule):
    """Page margins: state top and bottom 20–25 mm, left 30–35, right 15–20; Party 20/20/30/15.

    Margins are compared as Word shows them, to 0.1 mm: a margin typed as
    2 cm (1134 twips, 20.003 mm) is 20 mm.  Every portrait section is
    checked; a landscape page (allowed for a table, see NL403) is not, since
    neither instrument sets its margins.  Mirrored margins for
    two-sided printing keep the same values on the inside and outside.

    Fix (safe): ``--fix`` sets each wrong margin to the nearest value of its
    range (a tracked change of the section by default).

    **Anti-pattern**

    ```
    Top 15 mm, bottom 15 mm, left 30 mm, right 20 mm
    ```

    **Best practice**

    ```
    Top 20 mm, bottom 20 mm, left 30 mm, right 15 mm
    ```
    """

    code = "NL404"
    fixable = True
    name = "page-margins"
    summary = "Page margins within the ranges of the profile"
    summary_vi = "Lề trang đúng quy định"
    doc_vi = (  # the Vietnamese page of --explain, beside the English docstring
        'Lề trang: văn bản nhà nước lề trên, lề dưới 20–25 mm, lề trái 30–35 mm, lề phải 15–20 mm; văn '
        'bản của Đảng theo hướng dẫn của Đảng. Sai: lề trên 15 mm.'
    )
    severity = Severity.ERROR
    formats = ("docx",)
    needs = frozenset({"styles"})
    reference = "NĐ 30/2020, Phụ lục I, Phần I, mục I; HD 36-HD/VPTW, 4.3; HD 05-HD/VPTW, Phần II"

    def check(self, notice, ctx: RuleContext) -> Iterable[Finding]:
        ranges = PARTY if notice.is_party else STATE
        for sec in sections(notice.document):
            s = sec.setup
            values = (s.top_mm, s.bottom_mm, s.left_mm, s.right_mm)
            names_vi, names_en = NAMES_VI, NAMES_EN
            want = ranges
            if s.width_mm and s.height_mm and s.width_mm > s.height_mm:
                continue  # a landscape (table) page: neither instrument sets its margins
            bad_vi: list[str] = []
            bad_en: list[str] = []
            props: list[tuple[str, int]] = []
            notes_vi: list[str] = []
            notes_en: list[str] = []
            for v, (lo, hi), nv, ne, key in zip(values, want, names_vi, names_en, NAMES_EN):
                if v is None:
                    continue
                shown = _shown(v)
                if lo <= shown <= hi:
                    continue
                need = f"{lo}" if lo == hi else f"{lo}–{hi}"
                bad_vi.append(f"lề {nv} {fmt_num_vi(shown, 1)} mm (phải là {need.replace('.', ',')} mm)")
                bad_en.append(f"{ne} margin {fmt_num_en(shown, 1)} mm (must be {need} mm)")
                target = nearest(shown, lo, hi)
                props.append((key, twips(target)))
                notes_vi.append(f"lề {nv} {fmt_num_vi(shown, 1)} → {fmt_num_vi(target, 1)} mm")
                notes_en.append(f"{ne} margin {fmt_num_en(shown, 1)} → {fmt_num_en(target, 1)} mm")
            if bad_vi:
                yield self.finding(
                    sec.anchor,
                    0,
                    0,
                    vi="Lề trang sai: " + "; ".join(bad_vi),
                    en="Wrong page margins: " + "; ".join(bad_en),
                    fix=Fix((FormatEdit("section", sec.anchor, 0, 0, tuple(props), section=sec.index,
                                        note_vi="; ".join(notes_vi), note_en="; ".join(notes_en)),)),
                )
