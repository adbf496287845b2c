"""A worker of ``--jobs`` that dies (out of memory, killed) costs only its own file.

The death is simulated: linting a file named ``killer.txt`` in a worker
kills that worker with SIGKILL (what the kernel's out-of-memory killer
sends).  In the main process the same file would take the whole run down,
so the test fails if the main process ever lints it.
"""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

import notice_lint.parallel as parallel
from notice_lint.runner import Linter, Options

NOTICE = "THÔNG BÁO\nKính phí thực hiện do ngân sách tỉnh bảo đảm.\n"
MAIN = os.getpid()


class MainProcessWouldDie(BaseException):
    pass


@pytest.fixture
def killer(monkeypatch: pytest.MonkeyPatch):
    real = parallel.lint_keyed

    def lint_keyed(linter, path, cache):
        if os.path.basename(path) == "killer.txt":
            if os.getpid() == MAIN:
                raise MainProcessWouldDie(path)
            os.kill(os.getpid(), signal.SIGKILL)
        return real(linter, path, cache)

    monkeypatch.setattr(parallel, "lint_keyed", lint_keyed)  # forked workers inherit it


def make_tree(folder: Path, n: int, killer_at: int) -> list[str]:
    paths = []
    for k in range(n):
        name = "killer.txt" if k == killer_at else f"tb{k:02d}.txt"
        (folder / name).write_text(NOTICE, encoding="utf-8")
        paths.append(str(folder / name))
    return paths


@pytest.mark.parametrize("killer_at", [0, 5, 19])
def test_a_dead_worker_costs_only_its_file(tmp_path: Path, killer, killer_at: int) -> None:
    paths = make_tree(tmp_path, 20, killer_at)
    linter = Linter(Options(select=["NL201"]))
    results = list(parallel.lint_many(linter, paths, jobs=2, cache=None))
    assert [r.path for r in results] == paths
    dead = results[killer_at]
    assert dead.error is not None and "died" in dead.error.en and "\n" not in dead.error.vi
    for k, r in enumerate(results):
        if k != killer_at:
            assert r.error is None and [f.code for f in r.findings] == ["NL201"], r


def test_command_line_reports_the_file_and_exits_2(tmp_path: Path, killer) -> None:
    from click.testing import CliRunner

    from notice_lint.cli import cli

    paths = make_tree(tmp_path, 12, 3)
    result = CliRunner().invoke(cli, ["--no-cache", "--jobs", "2", "--select", "NL201", *paths])
    assert result.exit_code == 2, result.output
    lines = [ln for ln in result.stderr.splitlines() if "killer.txt" in ln]
    assert len(lines) == 1
    assert result.stdout.count("NL201") == 11
