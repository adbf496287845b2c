"""Inline suppressions: HTML comments in .txt/.md, Word comments in .docx; NL001 with --report-unused."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from .eco_helpers import DRAFT, PICK, run, write
from notice_lint.runner import Linter, Options
from notice_lint.testing import lint_text

ROOT = Path(__file__).resolve().parents[1]
DOCX = ROOT / "fixtures" / "docx"
TODAY = dt.date(2026, 11, 23)

LINES = DRAFT.splitlines()


def draft(**replace: str) -> str:
    """The draft with some lines (1-based, key ``l9``) replaced."""
    lines = list(LINES)
    for key, value in replace.items():
        lines[int(key[1:]) - 1] = value
    return "\n".join(lines) + "\n"


def found(text: str, suffix: str = ".txt", **kw) -> list[str]:
    return [f"{f.line}:{f.column} {f.code}" for f in lint_text(text, suffix, select=["NL113", "NL201", "NL001"], **kw)]


def test_without_directives_everything_is_reported() -> None:
    assert found(DRAFT) == ["5:4 NL113", "9:1 NL201", "10:11 NL201"]


@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_disable_line(suffix: str) -> None:
    text = draft(l9=LINES[8] + " <!-- notice-lint-disable-line NL201 -->")
    assert found(text, suffix) == ["5:4 NL113", "10:11 NL201"]


@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_disable_next_line(suffix: str) -> None:
    text = draft(l8="<!-- notice-lint-disable-next-line NL201 -->")
    assert found(text, suffix) == ["5:4 NL113", "10:11 NL201"]


def test_disable_enable_range() -> None:
    lines = [*LINES[:8], "<!-- notice-lint-disable NL201 -->", LINES[8], "<!-- notice-lint-enable NL201 -->", LINES[9]]
    assert found("\n".join(lines) + "\n") == ["5:4 NL113", "12:11 NL201"]


def test_disable_without_enable_runs_to_the_end_and_without_codes_covers_all() -> None:
    lines = ["<!-- notice-lint-disable -->", *LINES]
    assert found("\n".join(lines) + "\n") == []


def test_prefix_and_several_codes() -> None:
    text = draft(l4=LINES[3] + " <!-- notice-lint-disable-file NL11, NL20 -->")
    assert found(text) == []
    text = draft(l4=LINES[3] + " <!-- notice-lint-disable-file NL2 -->")
    assert found(text) == ["5:4 NL113"]


def test_a_reason_may_follow_the_codes() -> None:
    text = draft(l9=LINES[8] + " <!-- notice-lint-disable-line NL201 -- cách viết trong văn bản gốc -->")
    assert found(text) == ["5:4 NL113", "10:11 NL201"]


def test_other_codes_stay_reported() -> None:
    text = draft(l5=LINES[4] + " <!-- notice-lint-disable-line NL201 -->")
    assert found(text) == ["5:4 NL113", "9:1 NL201", "10:11 NL201"]


def test_directive_is_not_document_text_in_txt(tmp_path: Path) -> None:
    from notice_lint.document import read_document

    path = write(tmp_path, "d.txt", draft(l9=LINES[8] + "  <!-- notice-lint-disable-line NL201 -->"))
    assert read_document(path).paragraphs[8].text == LINES[8]


# -- --report-unused (NL001) --------------------------------------------------


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_unused_suppressions_reported_only_with_the_flag(in_tmp: Path) -> None:
    write(in_tmp, text=draft(
        l7=LINES[6] + " <!-- notice-lint-disable-line NL201 -->",  # nothing to suppress on this line
        l9=LINES[8] + " <!-- notice-lint-disable-line NL201 -->",  # used
        l3=LINES[2] + " <!-- notice-lint-disable-line NL999 -->",  # unknown code
    ))
    assert "NL001" not in run("--no-cache", "draft.txt").stdout
    res = run("--no-cache", *PICK, "--lang", "en", "--report-unused", "draft.txt")
    lines = [ln for ln in res.stdout.splitlines() if "NL001" in ln]
    col3, col7 = len(LINES[2]) + 2, len(LINES[6]) + 2
    assert lines == [
        f"draft.txt:3:{col3}: NL001 warning: the suppression names an unknown rule code 'NL999'",
        f"draft.txt:7:{col7}: NL001 warning: unused suppression of NL201: it suppresses no finding; remove it",
    ]
    assert res.exit_code == 1


def test_unused_suppression_of_a_rule_that_did_not_run_is_not_reported(in_tmp: Path) -> None:
    write(in_tmp, text=draft(l7=LINES[6] + " <!-- notice-lint-disable-line NL201 -->"))
    assert "NL001" not in run("--no-cache", "--report-unused", "--select", "NL1,NL001", "draft.txt").stdout
    assert "NL001" not in run("--no-cache", "--report-unused", "--ignore", "NL001", "draft.txt").stdout


def test_unused_disable_all(in_tmp: Path) -> None:
    write(in_tmp, text="<!-- notice-lint-disable-next-line -->\n" + DRAFT.replace("Kính", "Kinh").replace("xoát", "soát"))
    out = run("--no-cache", *PICK, "--report-unused", "--lang", "en", "draft.txt").stdout
    assert "draft.txt:1:1: NL001 warning: unused suppression: it suppresses no finding; remove it" in out


# -- .docx: Word comments -------------------------------------------------------


def lint_docx(path: Path, **kw) -> list[str]:
    result = Linter(Options(today=TODAY, **kw)).lint_file(str(path))
    assert result.error is None
    return [f"{f.line}:{f.column} {f.code}" for f in result.findings]


def base() -> list[str]:
    """Findings of the typo notice the comment fixtures are built on (NL111 on line 5, NL201 on 15 and 19)."""
    got = lint_docx(DOCX / "state-notice-number-typos.docx")
    assert {"5:3 NL111", "15:4 NL201", "19:11 NL201"} <= set(got)
    return got


def test_word_comment_fixture() -> None:
    # fixtures/docx/state-notice-suppressed: the typo notice with a comment on «Rà xoát» and a file-wide NL11
    want = [f for f in base() if f != "15:4 NL201" and not f.split()[1].startswith("NL11")]
    assert lint_docx(DOCX / "state-notice-suppressed.docx") == want
    assert "19:11 NL201" in want


def _with_comments(src: Path, out: Path, comments: list[tuple[str, str, str]]) -> Path:
    from docx import Document

    doc = Document(str(src))
    paragraphs = list(doc.paragraphs)
    for first, last, text in comments:
        a = next(p for p in paragraphs if first in p.text)
        b = next(p for p in paragraphs if last in p.text)
        doc.add_comment([a.runs[0], b.runs[-1]], text=text, author="Văn thư")
    doc.save(str(out))
    return out


def test_word_comment_range_over_several_paragraphs(tmp_path: Path) -> None:
    path = _with_comments(DOCX / "state-notice-number-typos.docx", tmp_path / "n.docx",
                          [("Rà xoát", "Tổng hợp báo cáo", "notice-lint-disable")])
    assert lint_docx(path) == [f for f in base() if not 15 <= int(f.split(":")[0]) <= 18]


def test_unused_word_comment(tmp_path: Path) -> None:
    path = _with_comments(DOCX / "state-notice-number-typos.docx", tmp_path / "n.docx",
                          [("Phối hợp", "Phối hợp", "notice-lint-disable NL201")])
    assert lint_docx(path) == base()
    with_unused = lint_docx(path, report_unused=True)
    assert [f for f in with_unused if "NL001" not in f] == base()
    assert [f for f in with_unused if "NL001" in f] == ["16:1 NL001"]


def test_comments_are_read_only_when_the_part_exists() -> None:
    from notice_lint.document import read_document

    assert read_document(DOCX / "state-notice-ok.docx").comments == []
    comments = read_document(DOCX / "state-notice-suppressed.docx").comments
    assert [(c["text"], c["start"], c["end"]) for c in comments] == [
        ("notice-lint-disable NL201", 15, 15),
        ("notice-lint-disable-file NL11", 7, 7),
        ("Đề nghị xem lại danh sách nơi nhận", 22, 22),
    ]


def test_nl001_is_documented_and_not_in_the_catalogue(shared: Path) -> None:
    from notice_lint.runner import rule_registry

    assert "NL001" not in (shared / "spec" / "RULES.md").read_text(encoding="utf-8")
    cls = rule_registry()["NL001"]
    assert cls.name == "unused-suppression"
    assert "**Anti-pattern**" in cls.doc() and "**Best practice**" in cls.doc()


def test_the_documented_directives_parse() -> None:
    import re

    from notice_lint.suppress import parse_text

    text = (ROOT / "docs" / "suppressions.md").read_text(encoding="utf-8")
    block = re.search(r"## In a `.txt` or `.md` file.*?```\n(.*?)```", text, re.S).group(1)
    sups = parse_text(block)
    assert [(s.kind, s.codes, s.first, s.last) for s in sups] == [
        ("disable", ("NL201",), 1, 1),
        ("disable-next-line", ("NL202",), 4, 4),
        ("disable-line", ("NL202",), 4, 4),
        ("disable-file", ("NL4",), 1, 1 << 30),
    ]


def test_damaged_comments_part_does_not_cost_the_document(tmp_path: Path) -> None:
    import zipfile

    src = DOCX / "state-notice-suppressed.docx"
    out = tmp_path / "damaged.docx"
    with zipfile.ZipFile(src) as a, zipfile.ZipFile(out, "w") as b:
        for info in a.infolist():
            data = a.read(info)
            b.writestr(info, b"<w:comments><broken" if info.filename == "word/comments.xml" else data)
    assert lint_docx(out) == base()
