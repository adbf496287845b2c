"""The folder layout in the README (Development section) matches the tree.

Every top-level folder, every module and package directly in
``src/notice_lint/``, and every entry of ``rules/`` is named; every ``.py``
the layout names exists where it says.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from .conftest import ROOT



def _block() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    start = text.index("- Folder layout")
    body = text[start:]
    opening = body.index("```")
    closing = body.index("```", opening + 3)
    return body[opening + 3 : closing]


def _sections(block: str) -> dict[str, str]:
    """Top-level entry (a line indented by two spaces) -> its lines."""
    out: dict[str, str] = {}
    current = None
    for line in block.splitlines():
        m = re.match(r"^  (\S+)", line)
        if m:
            current = m.group(1).rstrip("/").split("/")[0]
            out[current] = ""
        if current is not None:
            out[current] += line + "\n"
    return out


def _entries(folder: Path) -> set[str]:
    return {
        p.name for p in folder.iterdir()
        if p.name != "__pycache__" and not p.name.endswith(".egg-info") and (p.is_dir() or p.suffix == ".py")
    }


def test_every_top_level_folder_is_in_the_layout() -> None:
    try:
        files = subprocess.run(
            ["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout.splitlines()
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("not a git checkout")
    folders = {f.split("/")[0] for f in files if "/" in f}
    missing = folders - set(_sections(_block()))
    assert not missing, f"the README layout does not name {sorted(missing)}"


def test_every_engine_module_is_named_and_exists() -> None:
    section = _sections(_block())["src"]
    words = set(re.findall(r"[\w.]+/?", section))
    names = {w.rstrip("/") for w in words}
    engine = ROOT / "src" / "notice_lint"
    for entry in sorted(_entries(engine)):
        assert entry in names, f"src/notice_lint/{entry} is not in the README layout"
    on_disk = {p.name for p in engine.rglob("*.py")}
    for word in sorted(n for n in names if n.endswith(".py")):
        assert word in on_disk, f"the README layout names {word}, which src/notice_lint does not hold"


def test_every_rules_entry_is_named() -> None:
    section = _sections(_block())["rules"]
    names = {w.rstrip("/") for w in re.findall(r"[\w.]+/?", section)}
    for entry in sorted(_entries(ROOT / "rules") | {"data"}):
        if entry == "__init__.py":
            continue
        assert entry in names, f"rules/{entry} is not in the README layout"
