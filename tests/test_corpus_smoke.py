"""Every real document of ../shared/corpus is read and linted without an error or a crashed rule."""

from __future__ import annotations

from pathlib import Path

import pytest

from notice_lint.runner import Linter, Options


def _docs(corpus: Path) -> list[Path]:
    return sorted(p for p in list(corpus.glob("*")) + list((corpus / "real").glob("*")) if p.suffix in (".txt", ".md", ".docx"))


def test_whole_corpus_lints(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    docs = _docs(corpus)
    assert len(docs) >= 30
    linter = Linter(Options())
    for path in docs:
        result = linter.lint_file(str(path))
        assert result.error is None, f"{path}: {result.error}"
        for f in result.findings:
            para_count = 10**9
            assert f.line >= 1 and f.column >= 1 and f.end_column >= f.column, (path, f)
            del para_count
    err = capsys.readouterr().err
    assert "internal error" not in err, err
