"""Shared pieces of the batch/output tests: a small draft notice and a CLI runner."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner, Result

from notice_lint.cli import cli

# A short draft of a state notice, written for these tests: the number is left
# blank (NL113, info) and two known typos (NL201, error) on lines 9 and 10.
DRAFT = """\
UBND TỈNH QUẢNG NGÃI
SỞ KHOA HỌC VÀ CÔNG NGHỆ
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số:      /TB-SKHCN
Quảng Ngãi, ngày 12 tháng 5 năm 2024
THÔNG BÁO
Kết quả kiểm tra an toàn bức xạ năm 2024
Kính phí tổ chức đoàn kiểm tra do Sở bảo đảm.
Các phòng rà xoát hồ sơ trước ngày 30 tháng 5 năm 2024.
"""


#: the rules the draft is written for: tests that count findings select them, so rules added later do not move them
PICK = ("--select", "NL113,NL201,NL001")


def write(folder: Path, name: str = "draft.txt", text: str = DRAFT) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def run(*args: str) -> Result:
    """Run the command in-process (the caller chdirs to a temporary folder: the cache goes there)."""
    return CliRunner().invoke(cli, ["--today", "2026-11-23", *args], catch_exceptions=False)
