"""The real pre-commit runs the hook from this working tree (``pre-commit try-repo``)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BAD = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 18/TB-SKHCN\nKính phí thực hiện do ngân sách tỉnh bảo đảm.\n"
GOOD = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 18/TB-SKHCN\nKinh phí thực hiện do ngân sách tỉnh bảo đảm.\n"


def _pre_commit() -> list[str]:
    exe = shutil.which("pre-commit", path=os.path.dirname(sys.executable)) or shutil.which("pre-commit")
    if exe is None:
        pytest.skip("pre-commit is not installed")
    return [exe]


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def test_hook_fails_on_bad_draft_and_passes_on_good(tmp_path: Path) -> None:
    pc = _pre_commit()
    repo = tmp_path / "docs"
    repo.mkdir()
    _git(repo, "init", "-q")
    (repo / ".notice-lint.toml").write_text('select = ["NL201"]\n', encoding="utf-8")
    (repo / "bad.txt").write_text(BAD, encoding="utf-8")
    (repo / "good.txt").write_text(GOOD, encoding="utf-8")
    _git(repo, "add", ".")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pc-home"), "GIT_AUTHOR_NAME": "t",
           "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@t"}
    bad = subprocess.run([*pc, "try-repo", str(ROOT), "notice-lint", "--files", "bad.txt"],
                         cwd=repo, capture_output=True, text=True, env=env, timeout=600)
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "NL201" in bad.stdout
    good = subprocess.run([*pc, "try-repo", str(ROOT), "notice-lint", "--files", "good.txt"],
                          cwd=repo, capture_output=True, text=True, env=env, timeout=600)
    assert good.returncode == 0, good.stdout + good.stderr
    # the repository's own README is no administrative document: the hook leaves it alone
    (repo / "README.md").write_text(BAD, encoding="utf-8")
    _git(repo, "add", "README.md")
    readme = subprocess.run([*pc, "try-repo", str(ROOT), "notice-lint", "--files", "README.md"],
                            cwd=repo, capture_output=True, text=True, env=env, timeout=600)
    assert readme.returncode == 0, readme.stdout + readme.stderr
    assert "NL201" not in readme.stdout


def _readme_snippet() -> str:
    import re

    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text[text.index("## pre-commit"):]
    (block,) = re.findall(r"```yaml\n(.*?)```", section[: section.index("\n## ", 3)], re.S)
    return block


def test_readme_snippet_pins_a_tag_that_exists() -> None:
    yaml = pytest.importorskip("yaml")
    from notice_lint import __version__

    config = yaml.safe_load(_readme_snippet())
    (repo,) = config["repos"]
    assert "<" not in repo["repo"] and repo["hooks"] == [{"id": "notice-lint"}]
    assert repo["rev"] == f"v{__version__}"  # the release the package says it is
    git = shutil.which("git")
    inside = git and subprocess.run([git, "rev-parse", "--is-shallow-repository"], cwd=ROOT, capture_output=True,
                                    text=True)
    if not inside or inside.returncode != 0 or inside.stdout.strip() == "true":
        pytest.skip("not a full git checkout: the tags are not here")
    tags = subprocess.run([git, "tag", "--list"], cwd=ROOT, capture_output=True, text=True).stdout.split()
    if not tags:
        pytest.skip("this clone carries no tags (a branch pushed or cloned without them)")
    hooks = subprocess.run([git, "show", f"{repo['rev']}:.pre-commit-hooks.yaml"], cwd=ROOT, capture_output=True,
                           text=True)
    assert hooks.returncode == 0, f"tag {repo['rev']} is missing: {hooks.stderr}"
    assert yaml.safe_load(hooks.stdout)[0]["id"] == "notice-lint"


@pytest.mark.slow
def test_readme_snippet_works_as_written(tmp_path: Path) -> None:
    """Clone notice-lint beside a documents' repository, as the README says; its snippet, unedited."""
    pc = _pre_commit()
    if subprocess.run(["git", "rev-parse", "--is-shallow-repository"], cwd=ROOT, capture_output=True,
                      text=True).stdout.strip() != "false":
        pytest.skip("not a full git checkout: the tags are not here")
    if not subprocess.run(["git", "tag", "--list"], cwd=ROOT, capture_output=True, text=True).stdout.split():
        pytest.skip("this clone carries no tags (a branch pushed or cloned without them)")
    _git(tmp_path, "clone", "-q", str(ROOT), "notice-lint")
    repo = tmp_path / "docs"
    repo.mkdir()
    _git(repo, "init", "-q")
    (repo / ".pre-commit-config.yaml").write_text(_readme_snippet(), encoding="utf-8")
    (repo / ".notice-lint.toml").write_text('select = ["NL201"]\n', encoding="utf-8")
    (repo / "bad.txt").write_text(BAD, encoding="utf-8")
    (repo / "good.txt").write_text(GOOD, encoding="utf-8")
    _git(repo, "add", ".")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pc-home")}
    bad = subprocess.run([*pc, "run", "--files", "bad.txt"], cwd=repo, capture_output=True, text=True, env=env,
                         timeout=600)
    assert bad.returncode == 1 and "NL201" in bad.stdout, bad.stdout + bad.stderr
    good = subprocess.run([*pc, "run", "--files", "good.txt"], cwd=repo, capture_output=True, text=True, env=env,
                          timeout=600)
    assert good.returncode == 0, good.stdout + good.stderr
