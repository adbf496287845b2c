"""docs/rules/NLxxx.md are generated from the rules' docstrings and kept current."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from notice_lint.cli import cli
from notice_lint.docs import rule_pages
from notice_lint.runner import rule_registry

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs" / "rules"
REGENERATE = "run `python -m notice_lint.docs` from the repository root (or `notice-lint --generate-docs docs/rules`)"


def test_rule_pages_are_current() -> None:
    pages = rule_pages(rule_registry())
    committed = {p.name for p in DOCS.glob("*.md")}
    missing = sorted(set(pages) - committed)
    stale = sorted(committed - set(pages))
    assert not missing, f"docs/rules lacks {missing}: {REGENERATE}"
    assert not stale, f"docs/rules has pages of rules that do not exist {stale}: {REGENERATE}"
    outdated = sorted(n for n, text in pages.items() if (DOCS / n).read_text(encoding="utf-8") != text)
    assert not outdated, f"docs/rules is out of date ({', '.join(outdated)}): {REGENERATE}"


def test_every_page_has_a_bad_and_a_good_example() -> None:
    for code, text in rule_pages(rule_registry()).items():
        if code == "README.md":
            continue
        assert "**Anti-pattern**" in text and "**Best practice**" in text, f"{code}: the docstring needs both examples"
        assert "```" in text, f"{code}: examples belong in code blocks"


def test_generate_docs_command(tmp_path: Path) -> None:
    (tmp_path / "NL999.md").write_text("a rule that is gone\n", encoding="utf-8")
    res = CliRunner().invoke(cli, ["--generate-docs", str(tmp_path)])
    assert res.exit_code == 0, res.output
    assert not (tmp_path / "NL999.md").exists()
    text = (tmp_path / "NL201.md").read_text(encoding="utf-8")
    assert text.startswith("# NL201 `known-typo`")
    assert "Kính phí thực hiện" in text  # the docstring's bad example
    index = (tmp_path / "README.md").read_text(encoding="utf-8")
    assert "| [NL201](NL201.md) | `known-typo` | error |" in index


def test_module_entry_point(tmp_path: Path) -> None:
    from notice_lint.docs import main

    assert main([str(tmp_path / "out")]) == 0
    assert sorted(p.name for p in (tmp_path / "out").glob("NL*.md")) == [f"{c}.md" for c in rule_registry()]


def test_help_uri(monkeypatch) -> None:
    from notice_lint import docs

    monkeypatch.setattr(docs, "_documentation_url", lambda: None)
    assert docs.help_uri("NL201") is None  # a relative path is no URI SARIF accepts
    monkeypatch.setattr(docs, "_documentation_url", lambda: "docs/")
    assert docs.help_uri("NL201") is None
    monkeypatch.setattr(docs, "_documentation_url", lambda: "https://example.org/notice-lint/blob/main/docs/")
    assert docs.help_uri("NL201") == "https://example.org/notice-lint/blob/main/docs/rules/NL201.md"
