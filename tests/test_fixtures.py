"""Every fixture document gives exactly its expected findings.

The documents are rebuilt from their specs (``fixtures/build``) into a
temporary folder by the build script (``tools/make_fixtures.py``), so a spec
and its expected findings can never drift apart; the committed copies in
``fixtures/docx`` must match what the script builds.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from fixtures.build import all_fixtures
from notice_lint.runner import Linter, Options

ROOT = Path(__file__).resolve().parents[1]
DOCX = ROOT / "fixtures" / "docx"
TODAY = dt.date(2026, 11, 23)
FIXTURES = all_fixtures()


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("fixtures")
    script = ROOT / "tools" / "make_fixtures.py"
    subprocess.run([sys.executable, str(script), str(out)], check=True, capture_output=True)
    return out


def expected(name: str) -> list[str]:
    path = DOCX / f"{name}.expected"
    assert path.is_file(), f"missing {path}"
    return [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_fixture_findings(name: str, built: Path) -> None:
    result = Linter(Options(today=TODAY)).lint_file(str(built / f"{name}.docx"))
    assert result.error is None
    got = [f"{f.line}:{f.column} {f.code}" for f in result.findings]
    assert got == expected(name)


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_committed_fixture_is_current(name: str, built: Path) -> None:
    committed = DOCX / f"{name}.docx"
    assert committed.is_file(), f"run: python tools/make_fixtures.py ({committed} is missing)"
    with zipfile.ZipFile(committed) as a, zipfile.ZipFile(built / f"{name}.docx") as b:
        assert a.read("word/document.xml") == b.read("word/document.xml"), f"{name}: run python tools/make_fixtures.py"
