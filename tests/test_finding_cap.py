"""At most ``MAX_FINDINGS_PER_RULE`` findings of one code per file; the rest are counted, and
the file gets one line saying so (the memory bound of issue 21 holds for any input only so)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import hostile  # noqa: E402
from eco_helpers import run  # noqa: E402

from notice_lint import runner  # noqa: E402
from notice_lint.runner import MAX_FINDINGS_PER_RULE, Linter, Options  # noqa: E402

LINE_VI = "NL301 có 2.001 vấn đề; chỉ báo 2.000 vấn đề đầu của mỗi quy tắc (giới hạn)"
LINE_EN = "NL301 has 2,001 findings; only the first 2,000 findings of each rule are reported (limit)"


@pytest.fixture(scope="module")
def over(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A .docx of one more paragraph than the cap, each with a double space (NL301)."""
    path = tmp_path_factory.mktemp("cap") / "over.docx"
    path.write_bytes(hostile.many_findings(MAX_FINDINGS_PER_RULE + 1))
    return path


def _codes(stdout: str) -> list[str]:
    return [f["code"] for f in json.loads(stdout)]


def test_over_the_cap_keeps_the_first_and_says_so(over: Path) -> None:
    assert MAX_FINDINGS_PER_RULE == 2000
    res = run("--no-cache", "--select", "NL301", "--format", "json", str(over))
    assert res.exit_code == 1
    assert _codes(res.stdout) == ["NL301"] * MAX_FINDINGS_PER_RULE
    lines = [ln for ln in res.stderr.splitlines() if "NL301" in ln]
    assert lines == [f"{over}: {LINE_VI} — sửa rồi chạy lại để xem tiếp"]
    # the first ones the rule yields: paragraphs 1 … 2000, not the last
    places = [f["line"] for f in json.loads(res.stdout)]
    assert places == list(range(1, MAX_FINDINGS_PER_RULE + 1))
    en = run("--no-cache", "--select", "NL301", "--lang", "en", "-q", str(over))
    assert en.exit_code == 1
    assert f"{over}: {LINE_EN}; fix them and run again to see the rest" in en.stderr.splitlines()


def test_at_the_cap_nothing_is_said(tmp_path: Path) -> None:
    path = tmp_path / "at.docx"
    path.write_bytes(hostile.many_findings(MAX_FINDINGS_PER_RULE))
    res = run("--no-cache", "--select", "NL301", "--format", "json", str(path))
    assert res.exit_code == 1
    assert _codes(res.stdout) == ["NL301"] * MAX_FINDINGS_PER_RULE
    assert "giới hạn" not in res.stderr and res.stderr.strip() == ""


def test_the_line_survives_the_cache_and_the_workers(over: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    first = run("--select", "NL301", "--format", "json", str(over))
    second = run("--select", "NL301", "--format", "json", str(over))  # answered by the cache
    assert (tmp_path / ".notice_lint_cache").is_dir()
    assert second.stdout == first.stdout and second.exit_code == first.exit_code == 1
    assert second.stderr == first.stderr and LINE_VI in second.stderr
    other = tmp_path / "other.docx"
    other.write_bytes(over.read_bytes())
    pooled = run("--no-cache", "--jobs", "2", "--select", "NL301", "-q", str(over), str(other))
    assert pooled.exit_code == 1
    said = [ln for ln in pooled.stderr.splitlines() if LINE_VI in ln]
    assert said == [f"{over}: {LINE_VI} — sửa rồi chạy lại để xem tiếp",
                    f"{other}: {LINE_VI} — sửa rồi chạy lại để xem tiếp"]


def _text(n: int) -> str:
    return "".join(f"Mục {k}: nội dung  thứ {k}.\n" for k in range(1, n + 1))


def test_a_small_cap_per_code(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The cap counts per code; the first findings are kept; a file under it has no count."""
    monkeypatch.setattr(runner, "MAX_FINDINGS_PER_RULE", 3)
    path = tmp_path / "draft.txt"
    path.write_text(_text(5), encoding="utf-8")
    linter = Linter(Options(select=["NL301"]))
    result = linter.lint_file(str(path))
    assert [(f.code, f.line) for f in result.findings] == [("NL301", 1), ("NL301", 2), ("NL301", 3)]
    assert result.capped == {"NL301": 5}
    path.write_text(_text(3), encoding="utf-8")
    result = linter.lint_file(str(path))
    assert len(result.findings) == 3 and result.capped == {}


def test_fix_applies_only_the_kept_findings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(runner, "MAX_FINDINGS_PER_RULE", 3)
    monkeypatch.setattr("notice_lint.fix.session.MAX_PASSES", 1)
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "draft.txt"
    path.write_text(_text(5), encoding="utf-8")
    res = run("--fix", "--select", "NL301", "--lang", "en", "-q", str(path))
    fixed = path.read_text(encoding="utf-8").splitlines()
    assert [ln.count("  ") for ln in fixed] == [0, 0, 0, 1, 1]
    assert res.exit_code == 1
    assert (f"{path}: NL301 still has 2 findings; each fixing pass fixes and reports only the first 3 "
            "findings of each rule (limit); run again to fix the rest") not in res.stderr  # 2 < 3: not capped
    path.write_text(_text(8), encoding="utf-8")
    res = run("--fix", "--select", "NL301", "--lang", "en", "-q", str(path))
    fixed = path.read_text(encoding="utf-8").splitlines()
    assert [ln.count("  ") for ln in fixed] == [0, 0, 0, 1, 1, 1, 1, 1]
    assert (f"{path}: NL301 still has 5 findings; each fixing pass fixes and reports only the first 3 "
            "findings of each rule (limit); run again to fix the rest") in res.stderr.splitlines()
