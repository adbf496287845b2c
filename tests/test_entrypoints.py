"""The entry-point scan finds what importlib.metadata finds, and a plugin installed as a distribution runs."""

from __future__ import annotations

import importlib.metadata
import sys
import zipfile
from pathlib import Path

import pytest

from notice_lint import entrypoints, runner
from notice_lint.plugins import get_plugin_manager
from notice_lint.testing import lint_text

from .test_plugins import PLUGIN


def _groups() -> set[str]:
    return {ep.group for dist in importlib.metadata.distributions() for ep in dist.entry_points}


@pytest.mark.parametrize("group", sorted(_groups() | {"notice_lint"}))
def test_scan_agrees_with_importlib_metadata(group: str) -> None:
    found = entrypoints.scan(group)
    assert found is not None
    expected = sorted((ep.name, ep.value.split("[", 1)[0].strip()) for ep in importlib.metadata.entry_points(group=group))
    assert sorted((ep.name, ep.value) for ep in found) == expected


def _install(site: Path, dist: str, entry: str) -> None:
    info = site / f"{dist}-1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {dist}\nVersion: 1.0\n", encoding="utf-8")
    (info / "entry_points.txt").write_text(
        "[console_scripts]\nother = x:y\n\n# a comment\n[notice_lint]\n" + entry + "\n", encoding="utf-8"
    )


def test_scan_reads_a_distribution_folder(tmp_path: Path) -> None:
    _install(tmp_path, "acme_rules", "acme = acme_plugin.hooks:PLUGIN [fast]")
    found = entrypoints.scan("notice_lint", [str(tmp_path), str(tmp_path / "missing")])
    assert [(ep.name, ep.value) for ep in found] == [("acme", "acme_plugin.hooks:PLUGIN")]
    assert entrypoints.scan("console_scripts", [str(tmp_path)])[0].value == "x:y"


def test_scan_gives_up_on_a_zip_archive(tmp_path: Path) -> None:
    archive = tmp_path / "lib.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("mod.py", "")
    assert entrypoints.scan("notice_lint", [str(archive)]) is None


@pytest.fixture
def installed_plugin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    (tmp_path / "acme_notice_plugin.py").write_text(PLUGIN, encoding="utf-8")
    _install(tmp_path, "acme_notice_plugin", "acme = acme_notice_plugin")
    monkeypatch.syspath_prepend(str(tmp_path))
    runner.reset_registry()
    yield
    pm = get_plugin_manager()
    if pm.has_plugin("acme"):
        pm.unregister(name="acme")
    sys.modules.pop("acme_notice_plugin", None)
    monkeypatch.undo()
    runner.reset_registry()


def test_a_plugin_installed_as_a_distribution_is_loaded(installed_plugin) -> None:
    assert "acme" in [name for name, _ in get_plugin_manager().list_name_plugin()]
    found = lint_text("DỰ THẢO\nCăn cứ quyết đinh số 12.\n", select=["XL001", "NL201"])
    assert sorted(f.code for f in found) == ["NL201", "XL001"]
