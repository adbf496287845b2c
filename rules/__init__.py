"""The built-in rules of notice-lint, registered as a plugin like any other.

This package (installed as ``notice_lint_rules``) is named in the
``notice_lint`` entry-point group of notice-lint's own ``pyproject.toml``;
the engine finds it exactly as it finds a third-party plugin.  Rule modules
are imported only when the rules are fetched, data tables only when a rule
asks for them.
"""

from __future__ import annotations

from typing import Any

from notice_lint.plugins import hookimpl

FAMILIES = (
    "notice_lint_rules.structure",
    "notice_lint_rules.language",
    "notice_lint_rules.typography",
    "notice_lint_rules.formatting",
)


@hookimpl
def notice_lint_get_rules() -> list[type]:
    import importlib

    rules: list[type] = []
    for family in FAMILIES:
        rules.extend(importlib.import_module(family).get_rules())
    return rules


@hookimpl
def notice_lint_data(name: str) -> list[Any] | None:
    from ._data import load_table

    return load_table(name)
