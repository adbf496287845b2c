"""What a clerk sees (issue 19): the summary's words, the severity of each finding, UTF-8 output."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from notice_lint.cli import cli

BAD = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố 5/TB-SKHCN\nKính phí thực hiện do ngân sách bảo đảm.\n"


def _draft(tmp_path: Path, text: str = BAD) -> Path:
    path = tmp_path / "du-thao.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_summary_names_what_it_counts(tmp_path: Path) -> None:
    draft = _draft(tmp_path)
    res = CliRunner().invoke(cli, ["--no-cache", "--select", "NL111,NL201,NL113", str(draft)])
    last = res.output.splitlines()[-1]
    # every finding is a "vấn đề"; "lỗi" counts only the errors, so the fixable count never exceeds it by name
    assert last == "Phát hiện 3 vấn đề trong 1 tệp: 3 lỗi, 0 cảnh báo, 0 thông tin; có thể tự sửa 3 vấn đề với --fix."
    res = CliRunner().invoke(cli, ["--no-cache", "--select", "NL111,NL201", "--lang", "en", str(draft)])
    assert res.output.splitlines()[-1] == (
        "Found 3 problem(s) in 1 file(s): 3 error(s), 0 warning(s), 0 info; 3 fixable with --fix."
    )


def test_text_output_shows_each_findings_severity(tmp_path: Path) -> None:
    draft = _draft(tmp_path, BAD.replace("Số 5/TB-SKHCN", "Số:      /TB-SKHCN"))
    res = CliRunner().invoke(cli, ["--no-cache", "--select", "NL113,NL201", str(draft)])
    lines = res.output.splitlines()
    assert any(": NL113 thông tin: " in ln for ln in lines), lines
    assert any(": NL201 lỗi: Sai chính tả" in ln for ln in lines), lines
    assert lines[-1] == "Phát hiện 2 vấn đề trong 1 tệp: 1 lỗi, 0 cảnh báo, 1 thông tin; có thể tự sửa 1 vấn đề với --fix."
    en = CliRunner().invoke(cli, ["--no-cache", "--select", "NL113,NL201", "--lang", "en", str(draft)]).output
    assert ": NL113 info: " in en and ": NL201 error: " in en


def test_output_is_utf8_whatever_the_console_code_page(tmp_path: Path) -> None:
    draft = _draft(tmp_path)
    env = {**os.environ, "PYTHONIOENCODING": "cp1258"}
    proc = subprocess.run(
        [sys.executable, "-m", "notice_lint", "--no-cache", "--select", "NL201", str(draft), "missing.docx"],
        capture_output=True, env=env, cwd=tmp_path,
    )
    out = proc.stdout.decode("utf-8")  # strict: a cp1258 byte would fail here
    err = proc.stderr.decode("utf-8")
    assert "Sai chính tả: «Kính phí» → «Kinh phí»" in out
    assert "\\u" not in out and "\\x" not in out
    assert "missing.docx" in err and "\\u" not in err
