"""Collect the rule classes of a family package: every ``NLxxx.py`` module in it."""

from __future__ import annotations

import importlib
import pkgutil

from notice_lint.rule import Rule


def rules_in(package: str) -> list[type[Rule]]:
    pkg = importlib.import_module(package)
    out: list[type[Rule]] = []
    for mod in sorted(pkgutil.iter_modules(pkg.__path__), key=lambda m: m.name):
        if not mod.name.startswith("NL"):
            continue
        module = importlib.import_module(f"{package}.{mod.name}")
        for value in vars(module).values():
            if isinstance(value, type) and issubclass(value, Rule) and value.code == mod.name:
                out.append(value)
    return out
