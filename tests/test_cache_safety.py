"""The result cache reads its files with a size limit and ignores a folder it must not trust.

A file planted in ``.notice_lint_cache`` (a shared folder, a checkout) must not
cost memory on every run, and a cache folder that is a link or another user's
is neither read nor written.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from notice_lint import cache as cache_mod
from notice_lint.cache import CACHE_DIR, FORMAT, INDEX, MAX_INDEX_BYTES, MAX_PACK_BYTES, PACK, Cache

NOTICE = "THÔNG BÁO\nKính phí thực hiện do ngân sách tỉnh bảo đảm.\n"


def lint(cwd: Path, *paths: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "notice_lint", "--exit-zero", *paths], cwd=cwd,
                          capture_output=True, text=True, timeout=300)


def child_peak_mb(code: str, cwd: Path) -> float:
    """Peak memory of a child interpreter running ``code`` (a fresh child: the peak is its own)."""
    probe = (
        f"import resource, subprocess, sys\n"
        f"subprocess.run([sys.executable, '-c', {code!r}], check=True)\n"
        f"print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], cwd=cwd, capture_output=True, text=True, timeout=300, check=True)
    return int(out.stdout.split()[-1]) / 1024


def plant_sparse(path: Path, size: int) -> None:
    """A file of ``size`` bytes that takes almost no disk (a hole)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as fh:
        fh.write(b'{"written": 1, "files": {')
        fh.truncate(size)


@pytest.mark.parametrize("name,limit", [(INDEX, MAX_INDEX_BYTES), (PACK, MAX_PACK_BYTES)])
def test_oversized_index_is_not_loaded(tmp_path: Path, name: str, limit: int) -> None:
    planted = tmp_path / CACHE_DIR / f"v{FORMAT}" / name
    size = limit + 200 * 1024 * 1024
    plant_sparse(planted, size)
    code = (
        "from pathlib import Path\n"
        "from notice_lint.cache import Cache\n"
        "c = Cache(Path('.'))\n"
        "c.known_digest('x.txt', __import__('os').stat('.'))\n"
        "c.start_batch(100)\n"
    )
    peak = child_peak_mb(code, tmp_path)
    assert peak < 200, f"peak {peak:.0f} MB: the planted {name} was read"
    assert planted.stat().st_size == size  # ignored, not removed


def test_small_index_is_still_read(tmp_path: Path) -> None:
    (tmp_path / "tb.txt").write_text(NOTICE, encoding="utf-8")
    lint(tmp_path, "tb.txt")
    index = tmp_path / CACHE_DIR / f"v{FORMAT}" / INDEX
    assert str(tmp_path / "tb.txt") in json.loads(index.read_text(encoding="utf-8"))["files"]
    assert Cache(tmp_path)._load_index()[1]  # noqa: SLF001


def test_cache_folder_that_is_a_link_is_ignored(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    work = tmp_path / "work"
    work.mkdir()
    (work / CACHE_DIR).symlink_to(elsewhere, target_is_directory=True)
    (work / "tb.txt").write_text(NOTICE, encoding="utf-8")
    first, second = lint(work, "tb.txt"), lint(work, "tb.txt")
    assert "NL201" in first.stdout and first.stdout == second.stdout
    assert list(elsewhere.iterdir()) == []


def test_version_folder_that_is_a_link_is_ignored(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (tmp_path / CACHE_DIR).mkdir()
    (tmp_path / CACHE_DIR / f"v{FORMAT}").symlink_to(elsewhere, target_is_directory=True)
    (tmp_path / "tb.txt").write_text(NOTICE, encoding="utf-8")
    assert "NL201" in lint(tmp_path, "tb.txt").stdout
    assert list(elsewhere.iterdir()) == []


def test_another_users_cache_folder_is_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / CACHE_DIR).mkdir()
    assert Cache(tmp_path).usable()
    owner = os.stat(tmp_path / CACHE_DIR).st_uid
    monkeypatch.setattr(cache_mod.os, "geteuid", lambda: owner + 1, raising=False)
    c = Cache(tmp_path)
    assert not c.usable()
    c._write(c.dir / "probe.json", {"x": 1})  # noqa: SLF001
    assert not (c.dir / "probe.json").exists()
