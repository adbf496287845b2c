"""NL207's fast paths give what the plain ones give: the Latin-letter split of a line,
the language stream's split of a paragraph (reused when another rule built it), and the
per-word memos (filled by one document, read by the next)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from notice_lint.runner import Linter, Options

ROOT = Path(__file__).resolve().parents[1]

_SPLIT = re.compile(r"([^\W\d_]+)")

LINES = [
    "Sở Giáo dục và Đào tạo phối hợp với UBND xã, phường; “Văn phòng” (Công ty) – ghi chú…",
    "ﬁnal ligature, Ǆ titlecase, ŉ, ªº, ĸ: tiếng Việt có dấu ủy uỷ",
    "Tiếng Nga: Москва và tiếng Trung: 北京 đứng giữa câu",
    "Chữ tổ hợp: Hoà (NFD a\u0300) và số 12/3, 5%, «ngoặc», ‹đơn›, ‰",
    "",
    "   ",
    "123 - 456",
]


@pytest.mark.parametrize("line", LINES)
def test_line_split_is_the_regex_split(line: str) -> None:
    from notice_lint_rules.language._case_text import Line

    parts = _SPLIT.split(line)
    for start, end in ((0, len(line)), (3, max(3, len(line) - 4))):
        toks = Line(line, start, end)
        want = _SPLIT.split(line[start:end])
        assert toks.words == want[1::2]
        assert toks.seps == want[0:-1:2]
    assert Line(line, 0, len(line), parts).words == parts[1::2]


def _lint(paths: list[str], select: list[str]) -> list[tuple]:
    linter = Linter(Options(select=select))
    out = []
    for path in paths:
        for f in linter.lint_file(path).findings:
            if f.code == "NL207":
                fix = None if f.fix is None else (f.fix.safe, tuple((e.start, e.end, e.replacement) for e in f.fix.edits))
                out.append((path, f.line, f.column, f.end_column, f.message_vi, f.message_en, fix))
    return out


def _documents(shared: Path | None) -> list[str]:
    paths = sorted(str(p) for p in (ROOT / "fixtures").rglob("*") if p.suffix in (".txt", ".md", ".docx"))
    if shared is not None and (shared / "corpus").is_dir():
        paths += sorted(str(p) for p in (shared / "corpus").rglob("*") if p.suffix in (".txt", ".md", ".docx"))
    return paths


def test_stream_split_and_memos_change_no_finding() -> None:
    """NL207 alone splits each line itself; after NL202 it reuses the stream's split.
    A second linter in the same process meets the memos already filled."""
    shared = ROOT.parent / "shared"
    paths = _documents(shared if shared.is_dir() else None)
    alone = _lint(paths, ["NL207"])
    assert alone, "NL207 finds something in the fixtures"
    assert _lint(paths, ["NL202", "NL207"]) == alone
    assert _lint(list(reversed(paths)), ["NL207"]) == sorted(alone, key=lambda f: paths[::-1].index(f[0]))
