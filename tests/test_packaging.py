"""The package list in pyproject.toml names every package of the source tree."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_every_package_is_listed() -> None:
    conf = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(conf["tool"]["setuptools"]["packages"])
    found = set()
    for base, name in ((ROOT / "src" / "notice_lint", "notice_lint"), (ROOT / "rules", "notice_lint_rules")):
        for init in base.rglob("__init__.py"):
            rel = init.parent.relative_to(base)
            found.add(".".join([name, *rel.parts]) if rel.parts else name)
    assert found == listed


def test_builtin_rules_come_through_the_entry_point() -> None:
    from importlib.metadata import entry_points

    eps = {ep.name: ep.value for ep in entry_points(group="notice_lint")}
    assert eps.get("builtin") == "notice_lint_rules"
