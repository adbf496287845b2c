from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from notice_lint.cli import cli

BAD = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố 5/TB-SKHCN\nKính phí thực hiện do ngân sách bảo đảm.\n"
GOOD = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 05/TB-SKHCN\nKinh phí thực hiện do ngân sách bảo đảm.\n"
SELECT = ["--select", "NL111,NL201"]


def run(args: list[str], cwd: Path | None = None):
    runner = CliRunner()
    return runner.invoke(cli, args, catch_exceptions=False)


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    bad = tmp_path / "bad.txt"
    good = tmp_path / "good.txt"
    bad.write_text(BAD, encoding="utf-8")
    good.write_text(GOOD, encoding="utf-8")
    return bad, good


def test_findings_text_format_and_exit_1(files) -> None:
    bad, _ = files
    res = run([str(bad), *SELECT])
    assert res.exit_code == 1
    lines = res.output.splitlines()
    assert lines[0].startswith(f"{bad}:2:3: NL111 ")
    assert any(f"{bad}:3:1: NL201 " in ln for ln in lines)
    assert "Phát hiện" in lines[-1]


def test_clean_file_exit_0(files) -> None:
    _, good = files
    res = run([str(good), *SELECT])
    assert res.exit_code == 0, res.output
    assert "Không phát hiện vấn đề" in res.output


def test_english_messages(files) -> None:
    bad, _ = files
    res = run([str(bad), *SELECT, "--lang", "en"])
    assert "Misspelling" in res.output and "Found" in res.output


def test_json_format(files) -> None:
    bad, _ = files
    res = run([str(bad), *SELECT, "--format", "json"])
    data = json.loads(res.output)
    assert {"path", "line", "column", "end_line", "end_column", "code", "name", "severity", "message", "fix"} <= set(data[0])
    typo = [d for d in data if d["code"] == "NL201"][0]
    assert typo["fix"] == [{"line": 3, "column": 1, "end_column": 9, "replacement": "Kinh phí"}]
    assert typo["severity"] == "error" and typo["name"] == "known-typo"


def test_select_ignore_prefixes(files) -> None:
    bad, _ = files
    res = run([str(bad), "--select", "NL2"])
    assert "NL201" in res.output and "NL111" not in res.output
    res = run([str(bad), "--select", "NL1,NL2", "--ignore", "NL11"])
    assert "NL111" not in res.output and "NL201" in res.output


def test_unknown_code_is_a_usage_error(files) -> None:
    bad, _ = files
    res = CliRunner().invoke(cli, [str(bad), "--select", "NL999"])
    assert res.exit_code == 2 and "NL999" in res.output


def test_info_never_fails(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố:      /TB-SKHCN\n", encoding="utf-8")
    res = run([str(draft), "--select", "NL113"])
    assert res.exit_code == 0 and "NL113" in res.output
    res = run([str(draft), "--select", "NL113", "--final"])
    assert res.exit_code == 1


def test_bad_file_one_line_others_still_linted(files, tmp_path: Path) -> None:
    bad, good = files
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"not a zip")
    missing = tmp_path / "missing.docx"
    proc = subprocess.run(
        [sys.executable, "-m", "notice_lint", str(broken), str(missing), str(bad), *SELECT],
        capture_output=True, text=True,
    )
    assert proc.returncode == 2
    err = proc.stderr.strip().splitlines()
    assert len(err) == 2 and err[0].startswith(str(broken)) and err[1].startswith(str(missing))
    assert "Traceback" not in proc.stderr
    assert "NL201" in proc.stdout  # the good file was still linted


def test_directory_recursion_skips_lock_and_hidden(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(BAD, encoding="utf-8")
    (tmp_path / ".hidden" / "b.txt").write_text(BAD, encoding="utf-8")
    (tmp_path / "~$lock.docx").write_bytes(b"\0\0")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    res = run([str(tmp_path), *SELECT])
    assert "a.txt" in res.output and "b.txt" not in res.output and "lock" not in res.output
    assert res.exit_code == 1


def test_list_rules_and_explain() -> None:
    res = run(["--list-rules"])
    assert "NL111" in res.output and "NL201" in res.output
    res = run(["--explain", "nl111"])
    assert "Anti-pattern" in res.output and "Best practice" in res.output and "Số: 18/TB-SKHCN" in res.output


def test_statistics_and_quiet(files) -> None:
    bad, _ = files
    res = run([str(bad), *SELECT, "--statistics", "-q"])
    assert "NL111\tnumber-format" in res.output
    assert "Phát hiện" not in res.output


def test_version_is_fast_to_import() -> None:
    proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "notice_lint", "--version"],
                          capture_output=True, text=True)
    assert proc.returncode == 0
    assert "lxml" not in proc.stderr and "docx" not in proc.stderr.replace("notice_lint", "")


def test_a_file_met_twice_is_linted_once(files) -> None:
    """``notice-lint corpus corpus/real`` meets real/ twice; each file is reported once."""
    bad, _ = files
    sub = bad.parent / "sub"
    sub.mkdir()
    (sub / "bad2.txt").write_text(BAD, encoding="utf-8")
    res = run([str(bad.parent), str(sub), str(bad), *SELECT, "--format", "json", "--no-cache"])
    data = json.loads(res.output)
    paths = [d["path"] for d in data if d["code"] == "NL201"]
    assert len(paths) == 2 and len(set(paths)) == 2, paths
