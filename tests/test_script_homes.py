"""One home for each kind of script: benchmarks in bench/, build scripts in tools/.

Each README lists every script of its folder, and the in-process benchmarks
still run (on one fixture document, with one or two repeats: they are checked
to work, not timed).  The benchmark proper (bench/run.py) generates its own
documents and takes minutes; it is not run here.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT

DOC = ROOT / "fixtures" / "docx" / "state-notice-language.docx"


def _listed(readme: Path) -> set[str]:
    return set(re.findall(r"^\| `([\w.]+\.py)\b", readme.read_text(encoding="utf-8"), re.M))


@pytest.mark.parametrize("folder", ["bench", "tools"])
def test_readme_lists_every_script(folder: str) -> None:
    scripts = {p.name for p in (ROOT / folder).glob("*.py")}
    listed = _listed(ROOT / folder / "README.md")
    assert scripts, f"{folder}/ has no script"
    assert scripts == listed, f"{folder}/README.md lists {sorted(listed)}, the folder holds {sorted(scripts)}"


def test_no_other_script_folder() -> None:
    assert not (ROOT / "benchmarks").exists() and not (ROOT / "scripts").exists()


def _run(*args: str, cwd: Path = ROOT) -> str:
    done = subprocess.run([sys.executable, *args], cwd=cwd, capture_output=True, text=True, encoding="utf-8")
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_language_rules_bench_runs() -> None:
    out = _run("bench/language_rules.py", str(DOC), "1")
    assert "NL201+NL203+NL204+NL205+NL206:" in out and "ms per file" in out


def test_syllable_rules_bench_runs() -> None:
    out = _run("bench/syllable_rules.py", str(DOC), "2")
    assert re.search(r"empty caches [\d.]+ ms", out) and "NL202" in out and "NL303" in out


def test_formatting_rules_bench_runs(tmp_path: Path) -> None:
    shutil.copy(DOC, tmp_path / DOC.name)
    out = _run("bench/formatting_rules.py", str(tmp_path), "1")
    assert out.startswith("1 files in") and "NL401-NL406 checks" in out


def test_build_tables_check_says_fresh() -> None:
    out = _run("tools/build_tables.py", "--check")
    assert "typos: fresh" in out


def test_per_rule_bench_runs(tmp_path: Path) -> None:
    (tmp_path / "texts").mkdir()
    (tmp_path / "tree").mkdir()
    shutil.copy(ROOT / "fixtures" / "text" / "state-letter-pdftotext.txt", tmp_path / "texts" / "a.txt")
    shutil.copy(DOC, tmp_path / "tree" / "a.docx")
    out = tmp_path / "figures.json"
    first = _run("bench/per_rule.py", "--bench", str(tmp_path), "--runs", "1", "--out", str(out))
    assert first.startswith("2 files, 1 runs") and re.search(r"^\| NL203 \| 2 \| \d+ \| [\d.]+ \|", first, re.M)
    assert re.search(r"^\| anatomy \|", first, re.M) and re.search(r"^\| reader \|", first, re.M)
    table = _run("bench/per_rule.py", "--table", str(out), str(out))
    assert re.search(r"^\| NL101 \| 2 \| 0 → 0 \| [\d.]+ \| [\d.]+ \| (1\.00|inf) \|", table, re.M)
