from __future__ import annotations

import re
from typing import Iterable

from notice_lint.rule import Finding, Fix, FormatEdit, Rule, RuleContext, Severity

from ._parts import PART_NAMES, parts, runs_in, skipped, styles_for

_WORDS_VI = {"bold": "in đậm", "italic": "in nghiêng", "caps": "in hoa", "underline": "có gạch chân"}
_WORDS_EN = {"bold": "bold", "italic": "italic", "caps": "upper case", "underline": "underlined"}


def _message(name_vi: str, name_en: str, want: dict[str, bool], bad: list[str]) -> tuple[str, str]:
    pos = [p for p in bad if want[p]]
    neg = [p for p in bad if not want[p]]
    vi_parts = []
    en_parts = []
    if pos:
        vi_parts.append("phải " + ", ".join(_WORDS_VI[p] for p in pos))
        en_parts.append("must be " + " and ".join(_WORDS_EN[p] for p in pos))
    if neg:
        vi_parts.append("không được " + ", ".join(_WORDS_VI[p] for p in neg))
        en_parts.append("must not be " + " or ".join(_WORDS_EN[p] for p in neg))
    en_name = name_en[0].upper() + name_en[1:]
    return f"{name_vi} " + "; ".join(vi_parts), f"{en_name} " + "; ".join(en_parts)


_ORDER = ("caps", "bold", "italic", "underline")


def _violates(prop: str, want: bool, run, text: str) -> bool:
    if prop == "caps":
        # upper case is met by typed capitals or by the caps attribute
        if run.props.caps is None:
            return False  # formatting unknown (hidden text, styles not read)
        if not want:  # Word's "All caps" on a part in small letters (typed capitals: _typed_caps)
            return bool(run.props.caps) and any(ch.isalpha() and ch != ch.upper() for ch in text)
        return not run.props.caps and any(ch.isalpha() and ch != ch.upper() for ch in text)
    got = getattr(run.props, prop)
    if got is None:
        return False
    return bool(got) != want


_AUTHOR = re.compile(r"\s*(?:[^\W\d_]+\s+){0,2}CỦA\s")


def _typed_caps(text: str, party: bool) -> bool:
    """A part in small letters typed wholly in capitals (three words or more); in a Party
    document the author's line of a summary (``KẾT LUẬN CỦA BAN THƯỜNG VỤ …``) is in capitals."""
    words = [w for w in text.split() if any(ch.isalpha() for ch in w)]
    if len(words) < 3 or any(ch.isalpha() and ch != ch.upper() for ch in text):
        return False
    return not (party and _AUTHOR.match(text))


class ElementStyle(Rule):
    """Each part bold, italic, upper case or underlined as its instrument says.

    State (NĐ 30/2020, Phụ lục I): Quốc hiệu upper case bold; Tiêu ngữ bold;
    organ upper case bold (its parent upper case, not bold — judged only when
    the organ block is two lines); number upright, not bold; place and date
    italic; kind title upper case bold; summary bold and in small letters
    (``chữ in thường``: a summary typed wholly in capitals is reported, with no
    fix, since its letters must be retyped; in a Party document the author's
    line ``KẾT LUẬN CỦA BAN THƯỜNG VỤ …`` above it is in capitals); ``V/v`` line upright;
    Roman-numbered headings upper case bold; signature block upper case
    bold; signer's name bold; ``Nơi nhận:`` bold italic; its list upright.
    Party (HD 36-HD/VPTW 1.7, Phụ lục 3; HD 05 keeps it): header upper case
    bold; the T/M, K/T, T/L line bold but the signer's own title under it
    NOT bold; công văn summary italic; ``Nơi nhận`` underlined, upright, not
    bold.  Properties are the effective ones (styles included); upper case
    is met by typed capitals or by Word's "All caps".  One finding per part.

    Fix (safe): ``--fix`` sets or clears bold, italic, underline or Word's
    "All caps" on the runs concerned (a tracked formatting change by
    default), never on a style; typed letters are not changed.

    **Anti-pattern**

    ```
    Quảng Ngãi, ngày 05 tháng 3 năm 2024     ← upright
    Nơi nhận:                                ← bold, not italic
    KẾT LUẬN CỦA GIÁM ĐỐC SỞ TẠI CUỘC HỌP     ← a state summary typed in capitals
    ```

    **Best practice**

    ```
    *Quảng Ngãi, ngày 05 tháng 3 năm 2024*
    ***Nơi nhận:***
    **Kết luận của Giám đốc Sở tại cuộc họp**
    ```
    """

    code = "NL405"
    fixable = True
    name = "element-style"
    summary = "Each part bold / italic / upper case as the profile requires"
    summary_vi = "Kiểu chữ (đậm, nghiêng, in hoa) của từng thành phần đúng quy định"
    doc_vi = (  # the Vietnamese page of --explain, beside the English docstring
        'Mỗi thành phần có kiểu chữ (đậm, nghiêng, in hoa, gạch chân) theo quy định. Sai: dòng địa danh, '
        'ngày tháng chữ đứng (phải nghiêng); «Nơi nhận:» chữ đậm không nghiêng; trích yếu gõ toàn chữ in hoa '
        '(phải là chữ in thường).'
    )
    severity = Severity.ERROR
    formats = ("docx",)
    needs = frozenset({"styles"})
    reference = "NĐ 30/2020, Phụ lục I, mục II và V; HD 36-HD/VPTW, 1.7 và Phụ lục 3"

    def check(self, notice, ctx: RuleContext) -> Iterable[Finding]:
        table = styles_for(notice)
        skip = skipped(notice)
        for part in parts(notice):
            want = table.get(part.key)
            seg = part.segment
            if not want or seg.paragraph.index in skip:
                continue
            spans = runs_in(seg)
            if not spans:
                continue
            text = seg.paragraph.text
            if want.get("underline") and seg.index in (notice.document.meta.get("bottom_border") or ()):
                want = {k: v for k, v in want.items() if k != "underline"}  # a rule drawn under the line
            bad: list[str] = []
            first = last = None
            per_span: dict[tuple[int, int], list[str]] = {}
            for prop in _ORDER:
                if prop not in want:
                    continue
                hits = [(s, e) for r, s, e in spans if _violates(prop, want[prop], r, text[s:e])]
                if not hits:
                    continue
                for span in hits:
                    per_span.setdefault(span, []).append(prop)
                bad.append(prop)
                first = hits[0][0] if first is None else min(first, hits[0][0])
                last = hits[-1][1] if last is None else max(last, hits[-1][1])
            if want.get("caps") is False and "caps" not in bad and _typed_caps(text[seg.start:seg.end], notice.is_party):
                bad.append("caps")  # typed in capitals: no formatting to change, so no fix
                first = seg.start if first is None else min(first, seg.start)
                last = seg.end if last is None else max(last, seg.end)
            if not bad:
                continue
            vi, en = _message(*PART_NAMES[part.key], want, bad)
            edits = []
            for (s, e), props in sorted(per_span.items()):
                words_vi = ", ".join(("" if want[k] else "bỏ ") + _WORDS_VI[k] for k in props)
                words_en = ", ".join(("" if want[k] else "not ") + _WORDS_EN[k] for k in props)
                edits.append(FormatEdit("run", seg.paragraph.index, s, e, tuple((k, want[k]) for k in props),
                                        note_vi=f"«{text[s:e][:30]}»: {words_vi}",
                                        note_en=f"“{text[s:e][:30]}”: {words_en}"))
            yield self.finding(seg.paragraph, first or 0, last or 0, vi=vi, en=en, fix=Fix(tuple(edits)) if edits else None)
