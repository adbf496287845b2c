"""docs/ci.md: the GitHub Actions and GitLab CI examples parse, and their notice-lint commands work."""

from __future__ import annotations

import json
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from .eco_helpers import DRAFT, write
from notice_lint.cache import CACHE_DIR

ROOT = Path(__file__).resolve().parents[1]
CI_MD = ROOT / "docs" / "ci.md"


def yaml_blocks() -> list[dict]:
    text = CI_MD.read_text(encoding="utf-8")
    return [yaml.safe_load(b) for b in re.findall(r"```yaml\n(.*?)```", text, re.S)]


def github_workflow() -> dict:
    return next(b for b in yaml_blocks() if "jobs" in b)


def gitlab_job() -> dict:
    return next(b for b in yaml_blocks() if "notice-lint" in b and "script" in b["notice-lint"])


def commands(lines: list[str]) -> list[list[str]]:
    return [shlex.split(c) for c in lines if c.strip().startswith("notice-lint ")]


def execute(argv: list[str], cwd: Path) -> subprocess.CompletedProcess:
    assert argv[0] == "notice-lint"
    return subprocess.run([sys.executable, "-m", "notice_lint", *argv[1:]], cwd=cwd, capture_output=True,
                          text=True, encoding="utf-8", timeout=120)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    write(tmp_path, "van-ban/thong-bao.txt")
    write(tmp_path, "van-ban/ghi-chu.md", DRAFT.replace("Kính phí", "Kinh phí").replace("rà xoát", "rà soát"))
    return tmp_path


def test_github_actions_example(repo: Path) -> None:
    wf = github_workflow()
    steps = wf["jobs"]["notice-lint"]["steps"]
    runs = [s["run"] for s in steps if "run" in s]
    lint, sarif = commands(runs)
    res = execute(lint, repo)
    assert res.returncode == 1, res.stderr
    assert "::error file=van-ban/thong-bao.txt,line=5," in res.stdout  # --final: the blank number is an error
    res = execute(sarif, repo)
    assert res.returncode == 0, res.stderr
    out = sarif[sarif.index("--output-file") + 1]
    log = json.loads((repo / out).read_text(encoding="utf-8"))
    assert log["version"] == "2.1.0" and log["runs"][0]["results"]
    upload = next(s for s in steps if str(s.get("uses", "")).startswith("github/codeql-action/upload-sarif"))
    assert upload["with"]["sarif_file"] == out
    cache = next(s for s in steps if str(s.get("uses", "")).startswith("actions/cache"))
    assert cache["with"]["path"] == CACHE_DIR
    assert (repo / CACHE_DIR).is_dir()


def test_gitlab_ci_example(repo: Path) -> None:
    job = gitlab_job()["notice-lint"]
    report, lint = commands(job["script"])
    res = execute(report, repo)
    assert res.returncode == 0, res.stderr
    out = report[report.index("--output-file") + 1]
    items = json.loads((repo / out).read_text(encoding="utf-8"))
    assert {i["code"] for i in items} >= {"NL113", "NL201"}
    assert job["artifacts"]["paths"] == [out]
    assert job["cache"]["paths"] == [CACHE_DIR + "/"]
    res = execute(lint, repo)
    assert res.returncode == 1
    assert "NL201\tknown-typo" in res.stdout


def test_local_example(repo: Path) -> None:
    text = CI_MD.read_text(encoding="utf-8")
    (block,) = re.findall(r"```sh\n(.*?)```", text, re.S)
    (cmd,) = commands(block.splitlines())
    res = execute(cmd, repo)
    assert res.returncode == 1 and "^^^^" in res.stdout
