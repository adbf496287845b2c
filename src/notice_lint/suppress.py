"""Inline suppressions: a filter stage after the rules.

In a ``.txt`` / ``.md`` file, markdownlint-style HTML comments (codes are
codes or prefixes, separated by spaces or commas; none = every rule)::

    <!-- notice-lint-disable NL201 -->            from this line on …
    <!-- notice-lint-enable NL201 -->             … until this line
    <!-- notice-lint-disable-next-line NL301 -->  the next line only
    Rà xoát danh mục. <!-- notice-lint-disable-line NL201 -->   this line only
    <!-- notice-lint-disable-file NL4 -->         the whole file
    <!-- notice-lint-disable-line NL202 -- tên riêng -->   a reason may follow ``--``

In a ``.docx``, a Word comment whose text is ``notice-lint-disable NL201`` on
the text it covers (every paragraph the comment's range touches), or
``notice-lint-disable-file NL4`` anywhere.

With ``--report-unused``, a suppression that suppressed nothing (or names an
unknown code) is reported as NL001 ``unused-suppression``.  A code that names
a rule that did not run on the file (not selected, or not for its profile or
format) is not reported: nothing could have been suppressed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Iterable

from .hookspec import hookimpl
from .rule import Finding, Rule, RuleContext, Severity

__all__ = ["Suppression", "apply_suppressions", "parse_text", "parse_comments", "UnusedSuppression"]

# ``<!--\s*notice-lint-(KIND)\b(.*?)-->`` is found in two steps (see _text_directives): the
# pattern in one would rescan the rest of a line for each unclosed ``<!--``
_TEXT_DIRECTIVE_HEAD = re.compile(r"<!--\s*notice-lint-(disable-next-line|disable-line|disable-file|disable|enable)\b")
_COMMENT_DIRECTIVE = re.compile(r"^\s*notice-lint-(disable-file|disable)\b(.*)$", re.S)
_LINE_SPLIT = re.compile(r"\r\n|\r|\n")
_SEP = re.compile(r"[\s,;]+")


@dataclass
class Suppression:
    """One directive: codes (or prefixes; empty = all rules) over lines first..last."""

    kind: str
    codes: tuple[str, ...]
    line: int  # where the directive is written (paragraph index in a .docx)
    column: int
    end_column: int
    first: int
    last: int  # inclusive; a large number for "to the end"
    used: set[str] = field(default_factory=set)  # prefixes that suppressed something ("" = all)

    def matches(self, f: Finding) -> str | None:
        if not self.first <= f.line <= self.last:
            return None
        if not self.codes:
            return ""
        for c in self.codes:
            if f.code.startswith(c):
                return c
        return None


_END = 1 << 30


def _codes(raw: str) -> tuple[str, ...]:
    """Codes before an optional reason: ``NL201 NL202 -- tên riêng của đơn vị``."""
    return tuple(c.upper() for c in _SEP.split(raw.split("--", 1)[0].strip()) if c)


def _text_directives(line: str):
    """(kind, text after it, start, end) of each ``<!-- notice-lint-KIND … -->`` of ``line``."""
    pos = 0
    while True:
        m = _TEXT_DIRECTIVE_HEAD.search(line, pos)
        if m is None:
            return
        close = line.find("-->", m.end())
        if close < 0:
            return  # no later directive is closed either
        yield m.group(1), line[m.end() : close], m.start(), close + 3
        pos = close + 3


def parse_text(source: str) -> list[Suppression]:
    """Directives of a text file (HTML comments), with their line ranges resolved."""
    if "notice-lint-" not in source:
        return []
    out: list[Suppression] = []
    open_ranges: list[Suppression] = []
    for number, line in enumerate(_LINE_SPLIT.split(source), start=1):
        if "notice-lint-" not in line:
            continue
        for kind, rest, start, end in _text_directives(line):
            codes = _codes(rest)
            if kind == "enable":
                _close(open_ranges, codes, number)
                continue
            first, last = {
                "disable-next-line": (number + 1, number + 1),
                "disable-line": (number, number),
                "disable-file": (1, _END),
                "disable": (number, _END),
            }[kind]
            sup = Suppression(kind, codes, number, start + 1, end + 1, first, last)
            out.append(sup)
            if kind == "disable":
                open_ranges.append(sup)
    return out


def _close(open_ranges: list[Suppression], codes: tuple[str, ...], line: int) -> None:
    """``enable`` ends the open ``disable`` ranges it names (all of them without codes)."""
    for sup in list(open_ranges):
        if not codes or (sup.codes and all(any(c.startswith(e) for e in codes) for c in sup.codes)):
            sup.last = line - 1
            open_ranges.remove(sup)


def parse_comments(comments: Iterable[dict[str, Any]]) -> list[Suppression]:
    """Directives of a .docx: Word comments whose text is a directive."""
    out: list[Suppression] = []
    for c in comments:
        m = _COMMENT_DIRECTIVE.match(c.get("text") or "")
        if not m or c.get("start") is None and m.group(1) != "disable-file":
            continue
        start = c.get("start") or 1
        end = c.get("end") or start
        first, last = (1, _END) if m.group(1) == "disable-file" else (start, end)
        out.append(Suppression(m.group(1), _codes(m.group(2)), start, 1, 1, first, last))
    return out


def directives(doc: Any) -> list[Suppression]:
    if doc.kind == "docx":
        return parse_comments(doc.comments) if doc.comments else []
    return parse_text(doc.source) if isinstance(doc.source, str) else []


def apply_suppressions(
    doc: Any,
    findings: list[Finding],
    ran: Iterable[str] = (),
    *,
    report_unused: bool = False,
    known: Iterable[str] = (),
) -> list[Finding]:
    """Drop suppressed findings; with ``report_unused``, add NL001 for unused directives.

    ``ran``: codes of the rules that ran on this document; ``known``: every
    registered code (a directive naming no known code is reported as unknown).
    """
    sups = directives(doc)
    if not sups:
        return findings
    kept: list[Finding] = []
    for f in findings:
        hit = False
        for s in sups:
            which = s.matches(f)
            if which is not None:
                s.used.add(which)
                hit = True
        if not hit:
            kept.append(f)
    if not report_unused:
        return kept
    kept.extend(_unused(sups, set(ran), list(known)))
    kept.sort(key=lambda f: (f.line, f.column, f.code))
    return kept


def _unused(sups: list[Suppression], ran: set[str], known: list[str]) -> Iterable[Finding]:
    rule = UnusedSuppression()
    for s in sups:
        if not s.codes:
            if not s.used:
                yield _at(rule, s, "chỉ thị tắt kiểm tra không bỏ qua lỗi nào; hãy xoá",
                          "unused suppression: it suppresses no finding; remove it")
            continue
        for code in s.codes:
            if code in s.used:
                continue
            if not any(k.startswith(code) for k in known):
                yield _at(rule, s, f"chỉ thị tắt kiểm tra nêu mã quy tắc không tồn tại '{code}'",
                          f"the suppression names an unknown rule code '{code}'")
            elif any(r.startswith(code) for r in ran):
                yield _at(rule, s, f"chỉ thị tắt {code} không bỏ qua lỗi nào; hãy xoá mã này",
                          f"unused suppression of {code}: it suppresses no finding; remove it")


def _at(rule: Rule, s: Suppression, vi: str, en: str) -> Finding:
    f = rule.finding(s.line, 0, 0, vi=vi, en=en)
    f.line = f.end_line = s.line
    f.column, f.end_column = s.column, s.end_column
    return f


class UnusedSuppression(Rule):
    """An inline suppression that suppresses nothing.

    Reported only with ``--report-unused``.  A suppression comment
    (``<!-- notice-lint-disable NL201 -->`` in a text file, a Word comment
    ``notice-lint-disable NL201`` in a ``.docx``) that no finding matched is
    left over from an earlier draft, or names the wrong code: it would hide
    the next real defect at that place.  Codes of rules that did not run on
    the file (not selected, or not for its profile or format) are not
    reported.

    **Anti-pattern**

    ```
    Kinh phí thực hiện do ngân sách tỉnh bảo đảm. <!-- notice-lint-disable-line NL201 -->
    ```

    **Best practice**

    ```
    Kinh phí thực hiện do ngân sách tỉnh bảo đảm.
    ```
    """

    code = "NL001"
    name = "unused-suppression"
    summary = "An inline suppression that suppresses no finding"
    summary_vi = "Chỉ thị tắt kiểm tra không bỏ qua lỗi nào"
    doc_vi = (  # the Vietnamese page of --explain, beside the English docstring
        'Chỉ thị tắt kiểm tra (<!-- notice-lint-disable… --> hoặc ghi chú Word) mà không tắt vấn đề nào, '
        'hoặc nêu mã quy tắc không tồn tại: hãy xoá chỉ thị. Chỉ báo khi chạy với --report-unused.'
    )
    severity = Severity.WARNING

    def check(self, notice: Any, ctx: RuleContext) -> Iterable[Finding]:
        # the findings come from the suppression stage (apply_suppressions), which runs after every rule
        return ()


@hookimpl
def notice_lint_get_rules() -> list[type]:
    return [UnusedSuppression]
