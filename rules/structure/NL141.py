from __future__ import annotations

from collections import Counter
from typing import Iterable

from notice_lint.rule import Finding, Fix, Rule, RuleContext, Severity

from ._headings import PARENTS, label_span, relevant

_LEVEL_VI = {"article": "điều", "roman": "mục số La Mã", "arabic": "khoản số Ả Rập", "decimal": "tiểu mục",
             "letter": "điểm"}
_LEVEL_EN = {"article": "article", "roman": "Roman-numbered section", "arabic": "numbered item",
             "decimal": "sub-item", "letter": "lettered point"}


#: the form the decree prescribes, where it prescribes one: it wins over a majority
_PREFERRED = {"article": ".", "letter": ")"}


def _style(kind: str, label: str, sep: str) -> str:
    if kind == "decimal":
        return "." if label.rstrip().endswith(".") else ""
    return sep


def _restyle(kind: str, label: str, style: str, want: str) -> str:
    """``label`` written in the ``want`` style (``Điều 4:`` → ``Điều 4.``, ``1.2`` → ``1.2.``)."""
    if kind == "decimal":
        return label.rstrip(".") + want
    core = label[: len(label) - len(style)].rstrip() if style else label
    return core + want


class HeadingStyle(Rule):
    """One level of headings mixes separator styles.

    Every heading of one level is written the same way: ``I.`` ``II.`` (or,
    in Party documents, ``I-`` ``II-``), never ``I.`` then ``II-``;
    ``1.`` not ``1)``; ``1.1.`` throughout or ``1.1`` throughout;
    ``Điều 1.`` (a period, not a colon); points ``a)``.  When a level mixes
    styles, the prescribed one (``Điều 1.``, ``a)``) or else the one most
    headings of the level use is taken as the document's; the others are
    reported.  A typed label gets the prescribed form as a fix.

    **Anti-pattern**

    ```
    I. ĐÁNH GIÁ CHUNG
    II- NHIỆM VỤ TRỌNG TÂM
    III. TỔ CHỨC THỰC HIỆN
    ```

    **Best practice**

    ```
    I. ĐÁNH GIÁ CHUNG
    II. NHIỆM VỤ TRỌNG TÂM
    III. TỔ CHỨC THỰC HIỆN
    ```
    """

    code = "NL141"
    name = "heading-style"
    summary = "Headings of one level mix separator styles"
    summary_vi = "Các đề mục cùng cấp trình bày không thống nhất"
    doc_vi = (  # the Vietnamese page of --explain, beside the English docstring
        'Các đề mục cùng cấp phải trình bày thống nhất một kiểu. Sai: «I. ĐÁNH GIÁ CHUNG» rồi «II- NHIỆM '
        'VỤ». Đúng: «I.», «II.», «III.».'
    )
    severity = Severity.WARNING
    reference = "NĐ 30/2020, Phụ lục I, mục II.6; HD 36-HD/VPTW, 1.6"

    def check(self, notice, ctx: RuleContext) -> Iterable[Finding]:
        by_kind: dict[str, list] = {}
        groups = [by_kind]  # the main text, then each annex (a form, a table of its own) on its own
        for h in relevant(notice):
            kind = h.kind
            if kind in PARENTS:
                if kind == "annex":
                    by_kind = {}
                    groups.append(by_kind)
                continue
            if kind in ("arabic", "roman") and h.separator == ")":
                continue  # "1)" is a level of its own, not another way of writing "1."
            heads = by_kind.get(kind)
            if heads is None:
                by_kind[kind] = [h]
            else:
                heads.append(h)
        items = by_kind.items() if len(groups) == 1 else [item for group in groups for item in group.items()]
        for kind, heads in items:
            styles = [_style(kind, h.label, h.separator) for h in heads]
            if len(set(styles)) < 2:
                continue  # one style (what Counter below would find, without building it)
            counts = Counter(styles)
            first_seen = {s: i for i, s in reversed(list(enumerate(styles)))}
            main = max(counts, key=lambda s: (counts[s], -first_seen[s]))
            if _PREFERRED.get(kind) in counts:
                main = _PREFERRED[kind]
            for h, s in zip(heads, styles):
                if s == main:
                    continue
                start, end = label_span(h)
                got = h.label.strip()
                want = _restyle(kind, got, s, main)
                vi = (f"«{got}» không thống nhất với các {_LEVEL_VI[kind]} khác trong văn bản; "
                      f"các đề mục cùng cấp viết cùng một dạng: «{want}»")
                en = (f"«{got}» is not written like the other {_LEVEL_EN[kind]}s of the document; "
                      f"headings of one level are written alike: «{want}»")
                fix = None
                if not h.auto and _PREFERRED.get(kind) == main and h.label_start is not None:
                    fix = Fix.replace(h.segment.index, start, end, want)
                if h.auto:
                    vi += " (số do Word tự đánh)"
                    en += " (numbered automatically by Word)"
                yield self.finding(h.segment.paragraph, start, end, vi=vi, en=en, fix=fix)
