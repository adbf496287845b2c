from __future__ import annotations

import re
from typing import Iterable

from notice_lint.rule import Finding, FormatEdit, Rule, RuleContext, Severity

from ._parts import (
    ProblemLog,
    PART_NAMES,
    Problem,
    fmt_pt,
    fmt_pt_vi,
    fmt_range,
    fmt_range_vi,
    fix_of,
    group_body,
    nearest,
    parts,
    runs_in,
    sizes_for,
    skipped,
)


#: a bracketed name or initials alone in a run: ``(Bích)``, ``(NVA)``, `` (02b)``
_DRAFTER = re.compile(r"\s*\([^()\n]{1,20}\)\s*")


class FontSize(Rule):
    """Each part of the notice in the font size its instrument sets.

    State (NĐ 30/2020, Phụ lục I mục V): Quốc hiệu 12–13 pt, Tiêu ngữ 13–14,
    organ lines 12–13, number 13, place and date 13–14, kind title and
    summary 13–14, ``V/v`` line 12–13, body 13–14, signature block 13–14,
    ``Nơi nhận:`` 12 and its list 11.  Party (HD 36-HD/VPTW, Phụ lục 3):
    header 15, organ lines, number and date 14, kind title 15–16, summary
    14–15, công văn summary 12, body 14–15, signature block 14, ``Nơi nhận``
    14 and its list 12.  HD 05-HD/VPTW's own size table has not been read:
    under ``hd05`` the HD 36 values apply and findings are warnings.

    Sizes are compared as Word stores them (half points): 12.5 pt is not
    13 pt.  Tables inside the body are not judged.  A body set wholly in one
    wrong size is reported once.  The drafter's name or initials in brackets
    set smaller at the end of a recipient item (``- Lưu: VT, VP (Hằng).``)
    are an office habit, not the list's size.

    Fix (safe): ``--fix`` sets the runs concerned to the instrument's size,
    or to the nearest size of its range (for the body: the size most of the
    body already has when it is in range), as a tracked formatting change by
    default; the runs are formatted, never the style the size came from.
    Under ``hd05`` (HD 36's values, unconfirmed) the fix is unsafe.

    **Anti-pattern**

    ```
    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM      ← 14 pt
    Nơi nhận:                               ← 14 pt
    ```

    **Best practice**

    ```
    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM      ← 13 pt
    Nơi nhận:                               ← 12 pt
    ```
    """

    code = "NL402"
    fixable = True
    name = "font-size"
    summary = "Each part in its font size range"
    summary_vi = "Cỡ chữ của từng thành phần đúng quy định"
    doc_vi = (  # the Vietnamese page of --explain, beside the English docstring
        'Mỗi thành phần văn bản có cỡ chữ theo quy định (ví dụ Quốc hiệu 12–13, nội dung 13–14). Sai: '
        'Quốc hiệu cỡ 14, «Nơi nhận:» cỡ 14.'
    )
    severity = Severity.ERROR
    formats = ("docx",)
    needs = frozenset({"styles"})
    reference = "NĐ 30/2020, Phụ lục I, mục V; HD 36-HD/VPTW, Phụ lục 3"

    def check(self, notice, ctx: RuleContext) -> Iterable[Finding]:
        sizes = sizes_for(notice)
        severity = Severity.WARNING if notice.profile == "hd05" else None
        note_vi = " (theo HD 36; bảng cỡ chữ của HD 05 chưa được đối chiếu)" if notice.profile == "hd05" else ""
        note_en = " (HD 36 values; HD 05's size table is not yet confirmed)" if notice.profile == "hd05" else ""
        body_problems = ProblemLog()  # one a paragraph of a long body: held compactly
        item_problems = ProblemLog()
        checked = items = 0
        body_range = sizes.get("body")
        skip = skipped(notice)
        target: list = []  # the body's commonest size in range, found once and only when a body size is wrong
        for part in parts(notice):
            key = part.key
            rng = sizes.get(key)
            seg = part.segment
            if rng is None or seg.paragraph.index in skip:
                continue
            is_body = key == "body" or key == "heading"  # headings share the body's size
            if is_body and seg.paragraph.cell is not None:
                continue  # a table in the body: its size is not prescribed
            lo, hi = rng
            spans = runs_in(seg)
            if not spans:
                continue
            if is_body:
                checked += 1
            elif key == "recipients_item":
                items += 1
            wrong = None
            for span in spans:
                size = span[0].props.size
                if size is not None and not lo <= size <= hi:
                    if key == "recipients_item" and size < lo and _DRAFTER.fullmatch(seg.paragraph.text, span[1], span[2]):
                        continue  # "(Bích)": the drafter's name, set small on purpose
                    if wrong is None:
                        wrong = [span]
                    else:
                        wrong.append(span)
            if wrong is None:
                continue
            found = sorted({r.props.size for r, _, _ in wrong})
            got = ", ".join(fmt_pt(v) for v in found)
            name_vi, name_en = PART_NAMES[part.key]
            prob = Problem(
                seg.paragraph,
                wrong[0][1],
                wrong[-1][2],
                tuple(found),
                vi=f"{name_vi} cỡ chữ {', '.join(fmt_pt_vi(v) for v in found)}, phải là {fmt_range_vi(lo, hi)}{note_vi}",
                en=f"{name_en[0].upper() + name_en[1:]} is {got} pt; it must be {fmt_range(lo, hi)} pt{note_en}",
                edits=tuple(self._edit(seg.paragraph.index, r, a, b, lo, hi, self._body_target(notice, body_range, target) if is_body else None)
                            for r, a, b in wrong),
                safe=notice.profile != "hd05",  # HD 05's own table is not confirmed: not certain
            )
            if is_body:
                body_problems.append(prob)
            elif part.key == "recipients_item":
                item_problems.append(prob)
            else:
                yield self.finding(seg.paragraph, prob.start, prob.end, vi=prob.vi, en=prob.en, severity=severity,
                                   fix=fix_of([prob]))
        item_range = fmt_range(*sizes["recipients_item"])
        item_range_vi = fmt_range_vi(*sizes["recipients_item"])
        for para, s, e, vi, en, fix in group_body(
            item_problems,
            items,
            lambda pr, n: f"Danh sách nơi nhận ({n} dòng) cỡ chữ {', '.join(fmt_pt_vi(v) for v in pr.key)}, "
            f"phải là {item_range_vi}{note_vi}",
            lambda pr, n: f"The recipient list ({n} lines) is {', '.join(fmt_pt(v) for v in pr.key)} pt; "
            f"it must be {item_range} pt{note_en}",
            minimum=2,
            share=1.0,
        ):
            yield self.finding(para, s, e, vi=vi, en=en, severity=severity, fix=fix)
        if body_range is None:
            return
        want = fmt_range(*body_range)
        want_vi = fmt_range_vi(*body_range)
        for para, s, e, vi, en, fix in group_body(
            body_problems,
            checked,
            lambda pr, n: f"Toàn bộ phần nội dung ({n} đoạn) cỡ chữ {', '.join(fmt_pt_vi(v) for v in pr.key)}, "
            f"phải là {want_vi}{note_vi}",
            lambda pr, n: f"The whole body ({n} paragraphs) is {', '.join(fmt_pt(v) for v in pr.key)} pt; "
            f"it must be {want} pt{note_en}",
        ):
            yield self.finding(para, s, e, vi=vi, en=en, severity=severity, fix=fix)

    @staticmethod
    def _body_target(notice, body_range: tuple[float, float] | None, memo: list) -> float | None:
        """The size most of the body already has when it is in range (a wrong size joins it), or None."""
        if not memo:
            counts: dict[float, int] = {}
            if body_range is not None:
                lo, hi = body_range
                for part in parts(notice):
                    if part.key in ("body", "heading") and part.segment.paragraph.cell is None:
                        for r, _, _ in runs_in(part.segment):
                            v = r.props.size
                            if v is not None and lo <= v <= hi:
                                counts[v] = counts.get(v, 0) + 1
            memo.append(max(sorted(counts), key=lambda v: counts[v]) if counts else None)
        return memo[0]

    @staticmethod
    def _edit(index: int, run, start: int, end: int, lo: float, hi: float, target: float | None) -> FormatEdit:
        old = run.props.size
        new = target if target is not None else nearest(old, lo, hi)
        return FormatEdit("run", index, start, end, (("size", new),),
                          note_vi=f"cỡ chữ {fmt_pt_vi(old)} → {fmt_pt_vi(new)}", note_en=f"font size {fmt_pt(old)} → {fmt_pt(new)} pt")
