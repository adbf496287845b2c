"""The hook specification and the pluggy markers of the plugin API.

This module sits below both users of the hooks: the plugin manager
(plugins.py) and the engine's own plugin, the suppression rule NL001
(suppress.py).  It imports neither.  Third-party plugins keep importing the
markers from the public path ``notice_lint.plugins``, which re-exports them.
"""

from __future__ import annotations

from typing import Any

import pluggy

from .entrypoints import GROUP as PROJECT

__all__ = ["hookspec", "hookimpl", "NoticeLintSpec", "PROJECT"]

hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


class NoticeLintSpec:
    @hookspec
    def notice_lint_get_rules(self) -> list[type]:  # type: ignore[empty-body]
        """Return the rule classes this plugin contributes (import them lazily)."""

    @hookspec
    def notice_lint_data(self, name: str) -> list[Any] | None:  # type: ignore[empty-body]
        """Return entries to add to the data table ``name`` (or None).

        Tables read by the built-in rules include ``kinds`` (document kinds),
        ``typos`` (known misspellings), ``abbreviations`` (abbreviations that
        need no definition) and ``names`` (words NL202 accepts as names).
        """
