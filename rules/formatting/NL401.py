from __future__ import annotations

from typing import Iterable

from notice_lint.rule import Finding, FormatEdit, Rule, RuleContext, Severity

from ._parts import (
    ALNUM,
    Problem,
    body_segments,
    dominant,
    fix_of,
    group_body,
    skipped,
)

# face suffixes PDF converters and old installs write into the family name
# ("Times New Roman Bold", "TimesNewRomanPS-BoldMT"): the family is the same
_FACE_SUFFIXES = ("regular", "bolditalic", "bold", "italic", "oblique", "mt", "ps")


_NORMS: dict[str, str] = {}  # a document names a handful of fonts, run after run


def _norm(name: str) -> str:
    key = _NORMS.get(name)
    if key is None:
        if len(_NORMS) > 4096:
            _NORMS.clear()
        key = _NORMS[name] = _norm_uncached(name)
    return key


def _norm_uncached(name: str) -> str:
    key = "".join(ch for ch in name.casefold() if ch.isalnum())
    changed = True
    while changed:
        changed = False
        for suffix in _FACE_SUFFIXES:
            if key.endswith(suffix) and len(key) > len(suffix):
                key = key[: -len(suffix)]
                changed = True
    return key


class FontFamily(Rule):
    """The text must be set in Times New Roman (Unicode, TCVN 6909:2001).

    The font checked is the one Word shows: the run's own font, or else its
    character style, paragraph style (with its ``basedOn`` chain), table
    style, the document defaults, and the theme font those may name
    (``minorHAnsi`` → the theme's body font, Calibri in a new Word
    document).  Vietnamese letters are judged in the font Word uses for them
    (``w:hAnsi``).  Text boxes and e-signature stamps are left alone; runs
    without letters or digits (bullets, symbols) too.  A body set wholly in
    one wrong font is reported once.

    **Anti-pattern**

    ```
    Ngày 20 tháng 3 năm 2024, Giám đốc Sở chủ trì cuộc họp…   ← Arial
    (or: no font set anywhere, the theme's Calibri applies)
    ```

    **Best practice**

    ```
    Ngày 20 tháng 3 năm 2024, Giám đốc Sở chủ trì cuộc họp…   ← Times New Roman
    ```

    Configuration: ``font = "Times New Roman"`` names the required font.

    Fix (safe): ``--fix`` sets the required font on the runs concerned (as a
    tracked formatting change by default), never on a style.
    """

    code = "NL401"
    fixable = True
    name = "font-family"
    summary = "The text is in Times New Roman (effective font, after styles and theme)"
    summary_vi = "Phông chữ phải là Times New Roman (phông hiển thị sau kiểu và chủ đề)"
    doc_vi = (  # the Vietnamese page of --explain, beside the English docstring
        'Văn bản dùng phông chữ Times New Roman (Unicode, TCVN 6909:2001), tính theo phông hiển thị sau '
        'kiểu và chủ đề. Sai: đoạn văn đặt phông Arial, hoặc không đặt phông nên hiện Calibri của chủ đề.'
    )
    severity = Severity.ERROR
    formats = ("docx",)
    needs = frozenset({"styles"})
    config_keys = {"font": "the required font family (default: Times New Roman)"}
    reference = "NĐ 30/2020, Phụ lục I, Phần I, mục I; HD 36-HD/VPTW, 4.1; HD 05-HD/VPTW, Phần II"

    def check(self, notice, ctx: RuleContext) -> Iterable[Finding]:
        want = str(ctx.option("font", "Times New Roman") or "Times New Roman")
        want_n = _norm(want)
        body = {seg.paragraph.index for seg in body_segments(notice) if seg.paragraph.cell is None}
        body_problems: list[Problem] = []
        other: list[Problem] = []
        checked = total = 0
        search = ALNUM.search
        norm = _norm
        skip = skipped(notice)
        for p in notice.document.paragraphs:
            text = p.text
            if search(text) is None or p.index in skip:
                continue
            total += 1
            if p.index in body:
                checked += 1
            wrong = None
            for r in p.runs:
                font = r.props.font
                if font and norm(font) != want_n and search(text, r.start, r.end) is not None:
                    if wrong is None:
                        wrong = [r]
                    else:
                        wrong.append(r)
            if wrong is None:
                continue
            fonts = sorted({r.props.font for r in wrong if r.props.font})
            names = ", ".join(fonts)
            prob = Problem(
                p,
                wrong[0].start,
                wrong[-1].end,
                tuple(fonts),
                vi=f"Phông chữ {names}, phải là {want}",
                en=f"Font {names}; it must be {want}",
                edits=tuple(
                    FormatEdit("run", p.index, r.start, r.end, (("font", want),),
                               note_vi=f"phông {r.props.font} → {want}", note_en=f"font {r.props.font} → {want}")
                    for r in wrong
                ),
            )
            (body_problems if p.index in body else other).append(prob)
        everything = sorted(body_problems + other, key=lambda pr: pr.paragraph.index)
        if dominant(everything, total) is not None:
            # the whole document is in one wrong font: say it once
            for para, s, e, vi, en, fix in group_body(
                everything,
                total,
                lambda pr, n: f"Toàn bộ văn bản ({n} đoạn) dùng phông {', '.join(pr.key)}, phải là {want}",
                lambda pr, n: f"The whole document ({n} paragraphs) is in {', '.join(pr.key)}; it must be {want}",
            ):
                yield self.finding(para, s, e, vi=vi, en=en, fix=fix)
            return
        for pr in other:
            yield self.finding(pr.paragraph, pr.start, pr.end, vi=pr.vi, en=pr.en, fix=fix_of([pr]))
        for para, s, e, vi, en, fix in group_body(
            body_problems,
            checked,
            lambda pr, n: f"Toàn bộ phần nội dung ({n} đoạn) dùng phông {', '.join(pr.key)}, phải là {want}",
            lambda pr, n: f"The whole body ({n} paragraphs) is in {', '.join(pr.key)}; it must be {want}",
        ):
            yield self.finding(para, s, e, vi=vi, en=en, fix=fix)
