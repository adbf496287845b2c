"""A third-party plugin contributes a rule and data through the same hooks as the built-in rules."""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

import pytest

from notice_lint import runner
from notice_lint.plugins import get_plugin_manager
from notice_lint.testing import lint_text

PLUGIN = textwrap.dedent(
    '''
    from notice_lint.plugins import hookimpl
    from notice_lint.rule import Rule, Severity


    class NoDraftWord(Rule):
        """The word «DỰ THẢO» must be removed before signing.

        **Anti-pattern**: `DỰ THẢO` **Best practice**: (nothing)
        """

        code = "XL001"
        name = "draft-marker"
        summary = "Draft marker left in the document"
        severity = Severity.WARNING

        def check(self, notice, ctx):
            for para in notice.document.paragraphs:
                pos = para.text.find("DỰ THẢO")
                if pos >= 0:
                    yield self.finding(para, pos, pos + 7, vi="Còn chữ DỰ THẢO", en="Draft marker left")


    @hookimpl
    def notice_lint_get_rules():
        return [NoDraftWord]


    @hookimpl
    def notice_lint_data(name):
        if name == "typos":
            return [{"wrong": "quyết đinh", "right": "quyết định", "class": "tone"}]
        return None
    '''
)


@pytest.fixture
def plugin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    (tmp_path / "my_notice_plugin.py").write_text(PLUGIN, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    import importlib

    module = importlib.import_module("my_notice_plugin")
    pm = get_plugin_manager()
    pm.register(module, name="my_notice_plugin")
    runner.reset_registry() if False else None
    runner._REGISTRY = None  # noqa: SLF001 - rebuild the registry with the plugin
    yield module
    pm.unregister(name="my_notice_plugin")
    runner._REGISTRY = None  # noqa: SLF001
    sys.modules.pop("my_notice_plugin", None)


def test_plugin_rule_runs_and_is_selectable(plugin) -> None:
    found = lint_text("DỰ THẢO\nKính phí thực hiện.\n", select=["XL"])
    assert [f.code for f in found] == ["XL001"]
    assert "XL001" in runner.rule_registry()


def test_plugin_extends_the_typo_table(plugin) -> None:
    found = lint_text("Căn cứ quyết đinh số 12.\n", select=["NL201"])
    assert [f.code for f in found] == ["NL201"]


def test_builtin_rules_are_loaded_from_the_entry_point() -> None:
    names = [name for name, _ in get_plugin_manager().list_name_plugin()]
    assert "builtin" in names
