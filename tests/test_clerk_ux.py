"""What a clerk sees (issue 19): the summary's words, the severity of each finding, UTF-8 output."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
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


# -- --diff shows every change it counts ----------------------------------------------

NFD_HEADER = unicodedata.normalize("NFD", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
NFD_BODY = unicodedata.normalize("NFD", "Kinh phí do ngân sách bảo đảm.")


def _diff(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "notice_lint", "--diff", "--select", "NL205", path.name],
                          cwd=path.parent, capture_output=True, text=True, encoding="utf-8")


def _check_nfc_diff(proc: subprocess.CompletedProcess[str]) -> None:
    assert proc.returncode == 1, proc.stderr
    minus = [ln for ln in proc.stdout.splitlines() if ln.startswith("-") and not ln.startswith("---")]
    plus = [ln for ln in proc.stdout.splitlines() if ln.startswith("+") and not ln.startswith("+++")]
    # the decomposed marks are written out, so the old and the new line look different
    assert "-Kinh phi\\u0301 do nga\\u0302n sa\\u0301ch ba\\u0309o đa\\u0309m." in minus
    assert "+Kinh phí do ngân sách bảo đảm." in plus
    assert all(unicodedata.is_normalized("NFC", ln) for ln in minus + plus)


def test_diff_shows_an_nfc_fix_of_a_text_file(tmp_path: Path) -> None:
    draft = tmp_path / "nfd.txt"
    draft.write_text(f"{NFD_HEADER}\n{NFD_BODY}\n", encoding="utf-8")
    _check_nfc_diff(_diff(draft))


def test_diff_shows_an_nfc_fix_of_a_docx(tmp_path: Path) -> None:
    from .docx_util import make_docx, p, r

    draft = make_docx(tmp_path / "nfd.docx", p(r(NFD_HEADER)) + p(r(NFD_BODY)))
    _check_nfc_diff(_diff(draft))


def test_visible_line_leaves_plain_text_alone() -> None:
    from notice_lint.fix.session import visible_line

    assert visible_line("Kinh phí  do\tngân sách") == "Kinh phí  do\tngân sách"
    assert visible_line("a\u00a0b\u200bc") == "a\\u00a0b\\u200bc"


# -- SARIF: helpUri absolute or absent ------------------------------------------------


@pytest.mark.parametrize("documentation", [None, "https://example.org/notice-lint/docs/"])
def test_sarif_help_uri_is_absolute_or_absent(documentation, monkeypatch, shared: Path, tmp_path: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    from notice_lint import docs
    from notice_lint.reporters.sarif import render
    from notice_lint.runner import Linter

    monkeypatch.setattr(docs, "_documentation_url", lambda: documentation)
    result = Linter().lint_file(str(_draft(tmp_path)))
    log = json.loads(render([result], lang="vi"))
    schema = json.loads((shared / "schemas" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.validate(log, schema)
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    for rule in rules:
        assert rule["help"]["text"] and rule["help"]["markdown"].startswith(f"# {rule['id']} ")
        if documentation is None:
            assert "helpUri" not in rule
        else:
            assert rule["helpUri"] == f"https://example.org/notice-lint/docs/rules/{rule['id']}.md"
