"""--fix replaces only the file it read, unchanged since, and never a write-protected one.

A shared folder (the pre-commit use) lets another program edit, delete or
replace the draft while the linter works: each case is simulated by changing
the file between the read and the write (inside ``fix_bytes``).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

import notice_lint.fix.session as session
from notice_lint.cli import cli

TODAY = "2026-11-23"
DRAFT = "THÔNG BÁO\nKính phí thực hiện do ngân sách tỉnh bảo đảm.\n"
FIXED = "THÔNG BÁO\nKinh phí thực hiện do ngân sách tỉnh bảo đảm.\n"
CHANGED = "tệp đã thay đổi trong khi sửa, không ghi đè"


def run(*args: str):
    return CliRunner().invoke(cli, ["--today", TODAY, "--select", "NL201", "--no-cache", *args])


def meanwhile(monkeypatch, action) -> None:
    """Run ``action`` after the file is read and before the fixed text is written."""
    real = session.fix_bytes

    def fix_then_act(*a, **k):
        out = real(*a, **k)
        action()
        return out

    monkeypatch.setattr(session, "fix_bytes", fix_then_act)


def error_lines(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if "tb.txt" in line]


def test_unchanged_file_is_fixed(tmp_path: Path) -> None:
    p = tmp_path / "tb.txt"
    p.write_text(DRAFT, encoding="utf-8")
    result = run("--fix", str(p))
    assert p.read_text(encoding="utf-8") == FIXED, result.output
    assert result.exit_code == 0


def test_edit_saved_during_the_run_is_kept(tmp_path: Path, monkeypatch) -> None:
    p = tmp_path / "tb.txt"
    p.write_text(DRAFT, encoding="utf-8")
    edited = DRAFT + "Đoạn mới người dùng vừa thêm.\n"
    meanwhile(monkeypatch, lambda: p.write_text(edited, encoding="utf-8"))
    result = run("--fix", str(p))
    assert result.exit_code == 2
    assert p.read_text(encoding="utf-8") == edited
    lines = error_lines(result)
    assert len(lines) == 1 and CHANGED in lines[0]
    assert sorted(os.listdir(tmp_path)) == ["tb.txt"]


def test_same_size_edit_with_the_old_time_is_caught(tmp_path: Path, monkeypatch) -> None:
    """Only the content hash can tell: same length, same modification time."""
    p = tmp_path / "tb.txt"
    p.write_text(DRAFT, encoding="utf-8")
    st = os.stat(p)

    def swap_letters():
        p.write_text(DRAFT.replace("THÔNG", "THÔGN"), encoding="utf-8")
        os.utime(p, ns=(st.st_atime_ns, st.st_mtime_ns))

    meanwhile(monkeypatch, swap_letters)
    result = run("--fix", str(p))
    assert result.exit_code == 2 and CHANGED in result.stderr
    assert "THÔGN" in p.read_text(encoding="utf-8")


def test_file_deleted_during_the_run_is_not_recreated(tmp_path: Path, monkeypatch) -> None:
    p = tmp_path / "tb.txt"
    p.write_text(DRAFT, encoding="utf-8")
    meanwhile(monkeypatch, p.unlink)
    result = run("--fix", str(p))
    assert result.exit_code == 2 and CHANGED in result.stderr
    assert not p.exists() and os.listdir(tmp_path) == []


def test_link_planted_during_the_run_is_not_written_through(tmp_path: Path, monkeypatch) -> None:
    p = tmp_path / "tb.txt"
    p.write_text(DRAFT, encoding="utf-8")
    victim = tmp_path / "other.txt"
    victim.write_text("Kính phí của một tệp khác.\n", encoding="utf-8")

    def plant():
        p.unlink()
        p.symlink_to(victim)

    meanwhile(monkeypatch, plant)
    result = run("--fix", str(p))
    assert result.exit_code == 2 and CHANGED in result.stderr
    assert victim.read_text(encoding="utf-8") == "Kính phí của một tệp khác.\n"
    assert p.is_symlink()


def test_english_message(tmp_path: Path, monkeypatch) -> None:
    p = tmp_path / "tb.txt"
    p.write_text(DRAFT, encoding="utf-8")
    meanwhile(monkeypatch, lambda: p.write_text(DRAFT + "x\n", encoding="utf-8"))
    result = run("--lang", "en", "--fix", str(p))
    assert result.exit_code == 2 and "the file changed while it was being fixed" in result.stderr


def test_read_only_file_is_refused(tmp_path: Path) -> None:
    p = tmp_path / "tb.txt"
    p.write_text(DRAFT, encoding="utf-8")
    os.chmod(p, 0o444)
    result = run("--fix", str(p))
    assert result.exit_code == 2
    assert p.read_text(encoding="utf-8") == DRAFT
    assert stat.S_IMODE(os.stat(p).st_mode) == 0o444
    lines = error_lines(result)
    assert len(lines) == 1 and "chỉ đọc" in lines[0], result.stderr
    assert sorted(os.listdir(tmp_path)) == ["tb.txt"]


def test_link_to_read_only_file_says_what_it_would_replace(tmp_path: Path) -> None:
    target = tmp_path / "signed.txt"
    target.write_text(DRAFT, encoding="utf-8")
    os.chmod(target, 0o444)
    p = tmp_path / "tb.txt"
    p.symlink_to(target)
    result = run("--lang", "en", "--fix", str(p))
    assert result.exit_code == 2
    assert target.read_text(encoding="utf-8") == DRAFT and p.is_symlink()
    lines = error_lines(result)
    assert len(lines) == 1 and "read-only" in lines[0] and str(target) in lines[0], result.stderr


def test_diff_reads_a_read_only_file(tmp_path: Path) -> None:
    p = tmp_path / "tb.txt"
    p.write_text(DRAFT, encoding="utf-8")
    os.chmod(p, 0o444)
    result = run("--diff", str(p))
    assert result.exit_code == 1 and "Kinh phí" in result.stdout


@pytest.mark.parametrize("planted", [True, False])
def test_annotate_never_writes_through_a_link(tmp_path: Path, planted: bool) -> None:
    from tests.fix_helpers import notice_docx

    p = notice_docx(tmp_path / "tb.docx")
    out = tmp_path / "tb.notice-lint.docx"
    victim = tmp_path / "victim.docx"
    victim.write_bytes(b"not to be replaced")
    if planted:
        out.symlink_to(victim)
    result = CliRunner().invoke(cli, ["--today", TODAY, "--annotate", str(p)])
    assert victim.read_bytes() == b"not to be replaced"
    if planted:
        assert result.exit_code == 2 and "liên kết" in result.stderr and out.is_symlink()
    else:
        assert out.is_file() and not out.is_symlink()
