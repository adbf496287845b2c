"""The plugin API: the plugin manager (the hook specification is in hookspec.py).

Built-in rules are registered through the same ``notice_lint`` entry-point
group a third-party package uses::

    [project.entry-points.notice_lint]
    my_rules = "my_package.notice_lint_plugin"

where the module defines::

    from notice_lint.plugins import hookimpl

    @hookimpl
    def notice_lint_get_rules():
        from .rules import MyRule
        return [MyRule]

    @hookimpl
    def notice_lint_data(name):
        if name == "typos":
            return [{"wrong": "quyết đinh", "right": "quyết định", "class": "tone"}]
        return None
"""

from __future__ import annotations

import functools

import pluggy

from .hookspec import PROJECT, NoticeLintSpec, hookimpl, hookspec

__all__ = ["hookspec", "hookimpl", "get_plugin_manager", "PROJECT"]


@functools.lru_cache(maxsize=1)
def get_plugin_manager() -> pluggy.PluginManager:
    pm = pluggy.PluginManager(PROJECT)
    pm.add_hookspecs(NoticeLintSpec)
    from . import suppress  # the engine's own rule (NL001 unused-suppression)

    pm.register(suppress, name="notice_lint.core")
    from . import entrypoints

    found = entrypoints.scan(PROJECT)
    if found is None:  # sys.path holds zip archives or eggs: let importlib.metadata read them
        pm.load_setuptools_entrypoints(PROJECT)
        return pm
    for ep in found:
        if pm.has_plugin(ep.name) or pm.is_blocked(ep.name):
            continue  # the first distribution on sys.path that names a plugin wins
        pm.register(entrypoints.load(ep), name=ep.name)
    return pm
