from __future__ import annotations

from typing import Iterable, Iterator

from notice_lint.document.model import Paragraph
from notice_lint.rule import Finding, FormatEdit, Rule, RuleContext, Severity

from ._parts import (
    ProblemLog,
    ALNUM,
    Problem,
    body_segments,
    fmt_num_en,
    fmt_num_vi,
    fmt_pt,
    fmt_pt_vi,
    group_body,
    has_text,
    skipped,
    twips,
)

#: Word's single line for Times New Roman is about 1.15 × the font size
SINGLE = 1.15
INDENT_TOLERANCE_MM = 0.5  # ±0.05 cm, what Word's two-decimal cm display can hide
STATE_INDENTS = (10.0, 12.7)  # "1 cm hoặc 1,27 cm"
PARTY_INDENT = (9.0, 13.2)  # "khoảng 10 mm"
MIN_GAP_PT = 6.0
ONE_LINE = 60  # characters of 13–14 pt Times New Roman on one line of an A4 page, at the least


def _body_size(p: Paragraph) -> float:
    text = p.text
    search = ALNUM.search
    sizes = [r.props.size for r in p.runs if r.props.size and search(text, r.start, r.end) is not None]
    return max(sizes) if sizes else 14.0


def _line_height(p: Paragraph, size: float | None = None) -> tuple[str, float] | None:
    """(rule, height in points) of the paragraph's line spacing (``size``: its body size, when known)."""
    if p.line_spacing is None:
        return None
    rule, value = p.line_spacing
    if rule == "auto":
        return rule, value * SINGLE * (_body_size(p) if size is None else size)
    return rule, value


def _describe(p: Paragraph) -> tuple[str, str]:
    return _describe_spacing(p.line_spacing or ("auto", 1.0))


def _describe_spacing(spacing: tuple[str, float]) -> tuple[str, str]:
    rule, value = spacing
    if rule == "auto":
        v = fmt_num_vi(value)
        return f"{v} dòng", f"{fmt_num_en(value)} lines"
    word_vi = "chính xác" if rule == "exact" else "tối thiểu"
    word_en = "exactly" if rule == "exact" else "at least"
    return f"{word_vi} {fmt_pt_vi(value)} pt", f"{word_en} {fmt_pt(value)} pt"


class ParagraphLayout(Rule):
    """Body paragraphs: justified, first line indented, spaced, line spacing in range.

    State (NĐ 30/2020, Phụ lục I, II.6.e): justified; first line indented
    1 cm or 1,27 cm (±0,05 cm); at least 6 pt between paragraphs; line
    spacing from single to 1.5 lines (an "exactly" or "at least" spacing is
    turned into lines with Word's single line of Times New Roman, 1.15 × the
    font size).  Party (HD 36-HD/VPTW 1.6.2): justified; indent about 10 mm
    (9–13,2 mm); at least 6 pt; line spacing at least 18 pt; HD 05-HD/VPTW:
    18–22 pt.  The gap between two paragraphs is the space after the first
    plus the space before the second, as Word lays it out.  Headings and
    paragraphs short enough to fit on one line (where left and justified look
    the same) are not judged for alignment, paragraphs drawn by Word's automatic numbering not
    for indent, tables in the body not at all.  A defect shared by the whole
    body is reported once.

    Fix (safe): ``--fix`` sets, on the body paragraphs concerned (never on
    their style), justified alignment; a first-line indent of 1 cm (1,27 cm
    when nearer; Party: 1 cm); the space before a paragraph that brings the
    gap to 6 pt; the nearest line spacing in range (Party: exactly 18 pt, or
    22 pt under HD 05 when above) — as tracked formatting changes by default.

    **Anti-pattern**

    ```
    Body: left aligned, no first-line indent, 0 pt between paragraphs
    ```

    **Best practice**

    ```
    Body: justified, first line 1,27 cm, 6 pt after, line spacing exactly 17 pt
    ```
    """

    code = "NL406"
    fixable = True
    name = "paragraph-layout"
    summary = "Body justified, indented 1–1.27 cm, ≥ 6 pt between paragraphs, line spacing in range"
    summary_vi = "Đoạn văn phần nội dung: canh đều, lùi đầu dòng 1–1,27 cm, cách đoạn ≥ 6 pt, giãn dòng đúng"
    doc_vi = (  # the Vietnamese page of --explain, beside the English docstring
        'Đoạn văn phần nội dung: canh đều hai bên, lùi đầu dòng 1–1,27 cm, cách đoạn tối thiểu 6 pt, giãn'
        ' dòng trong khoảng quy định. Sai: canh trái, không lùi đầu dòng, cách đoạn 0 pt.'
    )
    severity = Severity.ERROR
    formats = ("docx",)
    needs = frozenset({"styles"})
    reference = "NĐ 30/2020, Phụ lục I, mục II.6.e; HD 36-HD/VPTW, 1.6.2; HD 05-HD/VPTW, Phần II"

    def check(self, notice, ctx: RuleContext) -> Iterable[Finding]:
        paras: list[Paragraph] = []
        heading_idx = {h.segment.index for h in notice.headings}
        seen: set[int] = set()
        skip = skipped(notice)
        for seg in body_segments(notice):
            p = seg.paragraph
            if p.index in seen or p.cell is not None or p.index in skip or not has_text(p.text):
                continue
            if p.alignment is None:
                return  # formatting was not read
            seen.add(p.index)
            paras.append(p)
        if not paras:
            return
        yield from self._alignment(paras, heading_idx)
        yield from self._indent(paras, notice.is_party)
        yield from self._spacing(paras, notice)
        yield from self._line_spacing(paras, notice.profile)

    # -- checks ----------------------------------------------------------
    def _emit(self, problems: ProblemLog, checked: int) -> Iterator[Finding]:
        for para, s, e, vi, en, fix in group_body(
            problems,
            checked,
            lambda pr, k: f"Toàn bộ phần nội dung ({k} đoạn): {pr.vi[0].lower() + pr.vi[1:]}",
            lambda pr, k: f"The whole body ({k} paragraphs): {pr.en[0].lower() + pr.en[1:]}",
        ):
            yield self.finding(para, s, e, vi=vi, en=en, fix=fix)

    def _alignment(self, paras: list[Paragraph], headings: set[int]) -> Iterator[Finding]:
        # a paragraph that fits on one line looks the same left-aligned or justified
        checked = [p for p in paras if p.index not in headings and len(p.text) >= ONE_LINE]
        problems = ProblemLog()  # one a paragraph of a long body: held compactly
        for p in checked:
            if p.alignment in ("left", "right"):
                where_vi = "trái" if p.alignment == "left" else "phải"
                problems.append(
                    Problem(
                        p,
                        0,
                        len(p.text),
                        p.alignment,
                        vi=f"Đoạn văn canh lề {where_vi}, phải canh đều hai lề",
                        en=f"The paragraph is aligned {p.alignment}; it must be justified",
                        edits=(FormatEdit("paragraph", p.index, 0, 0, (("jc", "both"),),
                                          note_vi=f"canh {where_vi} → canh đều",
                                          note_en=f"aligned {p.alignment} → justified"),),
                    )
                )
        yield from self._emit(problems, len(checked))

    def _indent(self, paras: list[Paragraph], party: bool) -> Iterator[Finding]:
        checked = [p for p in paras if p.label is None and p.alignment != "center"]
        problems = ProblemLog()  # one a paragraph of a long body: held compactly
        for p in checked:
            first = p.indent_first_mm or 0.0
            if p.text.startswith("\t") and abs(first) < 0.05:
                continue  # indented with a tab
            if p.text.startswith((" ", "\u00a0")):
                continue  # indented with spaces: a typography matter
            if party:
                ok = PARTY_INDENT[0] <= first <= PARTY_INDENT[1]
                need_vi, need_en = "khoảng 1 cm", "about 1 cm"
            else:
                ok = False
                for v in STATE_INDENTS:
                    if abs(first - v) <= INDENT_TOLERANCE_MM:
                        ok = True
                        break
                need_vi, need_en = "1 cm hoặc 1,27 cm", "1 cm or 1.27 cm"
            if ok:
                continue
            cm = round(first / 10, 2)
            # the instrument's value: 1 cm (the state's 1,27 cm when the indent is nearer to it)
            target = 12.7 if not party and first > (STATE_INDENTS[0] + STATE_INDENTS[1]) / 2 else 10.0
            problems.append(
                Problem(
                    p,
                    0,
                    0,
                    cm,
                    vi=f"Dòng đầu đoạn lùi vào {fmt_num_vi(cm)} cm, phải là {need_vi}",
                    en=f"The first line is indented {fmt_num_en(cm)} cm; it must be {need_en}",
                    # the first line starts at left + firstLine: the new firstLine is counted from left
                    edits=(FormatEdit("paragraph", p.index, 0, 0,
                                      (("first_line", twips(target) - twips(p.indent_left_mm or 0.0)),),
                                      note_vi=f"lùi đầu dòng {fmt_num_vi(cm)} → {fmt_num_vi(target / 10)} cm",
                                      note_en=f"first-line indent {fmt_num_en(cm)} → {fmt_num_en(target / 10)} cm"),),
                )
            )
        yield from self._emit(problems, len(checked))

    def _spacing(self, paras: list[Paragraph], notice) -> Iterator[Finding]:
        contextual = notice.document.meta.get("contextual_spacing") or set()
        problems = ProblemLog()  # one a paragraph of a long body: held compactly
        checked = 0
        for prev, cur in zip(paras, paras[1:]):
            if cur.index != prev.index + 1:
                continue  # something (a table, an empty line) lies between
            if "center" in (prev.alignment, cur.alignment):
                continue  # a centred line is a title or caption, not running text
            checked += 1
            after = prev.space_after_pt or 0.0
            before = cur.space_before_pt or 0.0
            suppressed = prev.index in contextual and cur.index in contextual and prev.style == cur.style
            if suppressed:
                after = before = 0.0
            gap = round(after + before, 2)
            if gap >= MIN_GAP_PT - 0.05:
                continue
            # the space before this paragraph that makes the gap 6 pt; Word's "no space between
            # paragraphs of the same style" switched off here when it swallowed the gap
            need = MIN_GAP_PT if suppressed else MIN_GAP_PT - after
            props: tuple = (("before", int(round(need * 20))),)
            if suppressed:
                props += (("contextual", False),)
            problems.append(
                Problem(
                    cur,
                    0,
                    0,
                    gap,
                    vi=f"Khoảng cách với đoạn trước {fmt_pt_vi(gap)} pt, tối thiểu là 6 pt",
                    en=f"The space from the previous paragraph is {fmt_pt(gap)} pt; it must be at least 6 pt",
                    edits=(FormatEdit("paragraph", cur.index, 0, 0, props,
                                      note_vi=f"cách đoạn trước {fmt_pt_vi(gap)} → 6 pt",
                                      note_en=f"space from the previous paragraph {fmt_pt(gap)} → 6 pt"),),
                )
            )
        yield from self._emit(problems, checked)

    def _line_spacing(self, paras: list[Paragraph], profile: str) -> Iterator[Finding]:
        problems = ProblemLog()  # one a paragraph of a long body: held compactly
        for p in paras:
            if p.line_spacing is None:
                continue
            if profile == "nd30" and p.line_spacing[0] == "auto" and 0.99 <= p.line_spacing[1] <= 1.51:
                continue  # a multiple of single spacing, in range: the font size does not enter
            size = _body_size(p)
            rule, height = _line_height(p, size)  # type: ignore[misc]
            if profile == "nd30":
                single = SINGLE * size
                if rule == "auto":
                    ok = 0.99 <= (p.line_spacing or ("auto", 1.0))[1] <= 1.51
                elif rule == "exact":
                    ok = single - 0.5 <= height <= 1.5 * single + 0.5
                else:  # at least: grows with the text, never below single
                    ok = height <= 1.5 * single + 0.5
                need_vi, need_en = "từ một dòng đến 1,5 dòng", "from single to 1.5 lines"
            else:
                lo, hi = (18.0, 22.0) if profile == "hd05" else (18.0, None)
                ok = height >= lo - 0.05 and (hi is None or height <= hi + 0.05)
                if rule == "atLeast" and hi is not None:
                    ok = ok and height <= hi + 0.05
                need_vi = "chính xác 18–22 pt" if hi else "tối thiểu 18 pt (chính xác)"
                need_en = "exactly 18–22 pt" if hi else "at least 18 pt (exactly)"
            if ok:
                continue
            got_vi, got_en = _describe(p)
            line, line_rule = _line_target(profile, rule, p.line_spacing[1], height, size)
            new_vi, new_en = _describe_spacing(("auto", line / 240) if line_rule == "auto" else (line_rule, line / 20))
            problems.append(
                Problem(
                    p,
                    0,
                    0,
                    p.line_spacing,
                    vi=f"Giãn dòng {got_vi}, phải là {need_vi}",
                    en=f"Line spacing is {got_en}; it must be {need_en}",
                    edits=(FormatEdit("paragraph", p.index, 0, 0, (("line", line), ("line_rule", line_rule)),
                                      note_vi=f"giãn dòng {got_vi} → {new_vi}",
                                      note_en=f"line spacing {got_en} → {new_en}"),),
                )
            )
        yield from self._emit(problems, len(paras))


def _line_target(profile: str, rule: str, value: float, height: float, size: float) -> tuple[int, str]:
    """The nearest line spacing in range, as Word's ``w:line`` and ``w:lineRule``."""
    if profile == "nd30":
        single = SINGLE * size
        if rule == "auto":
            return (240 if value < 1 else 360), "auto"
        if height < single:  # exactly, too tight: one line
            return int(-(-single * 20 // 1)), rule
        return int(1.5 * single * 20), rule  # exactly or at least, too loose: 1.5 lines
    hi = 22.0 if profile == "hd05" else None
    if hi is not None and height > hi:
        return int(hi * 20), "exact"
    return 360, "exact"  # at least 18 pt, set exactly as the instruction says
