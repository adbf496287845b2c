"""The built-in data tables: TOML is the source, the JSON copies only a faster way to read it."""

from __future__ import annotations

import shutil
import tomllib

import pytest

import notice_lint_rules._data as data_mod


@pytest.fixture()
def data_dir(tmp_path, monkeypatch):
    """A private copy of the data folder (the package's own is never written by tests)."""
    folder = tmp_path / "data"
    shutil.copytree(data_mod.DATA_DIR, folder)
    monkeypatch.setattr(data_mod, "DATA_DIR", folder)
    data_mod._load.cache_clear()
    yield folder
    data_mod._load.cache_clear()


def _toml_rows(path):
    raw = tomllib.loads(path.read_text(encoding="utf-8"))
    return next(v for v in raw.values() if isinstance(v, list))


def test_compiled_copies_are_fresh() -> None:
    states = data_mod.compile_tables(write=False)
    stale = [name for name, state in states.items() if state == "stale"]
    assert not stale, f"run `python tools/build_tables.py` to rewrite the JSON copies of {stale}"
    assert states["typos"] == "fresh" and states["abbreviations"] == "fresh"


@pytest.mark.parametrize("path", sorted(data_mod.DATA_DIR.glob("*.toml")), ids=lambda p: p.stem)
def test_every_table_reads_as_its_toml(path) -> None:
    data_mod._load.cache_clear()
    assert data_mod.load_table(path.stem) == _toml_rows(path)


def test_an_edited_toml_wins_over_a_stale_copy(data_dir) -> None:
    toml = data_dir / "names.toml"
    toml.write_text(toml.read_text(encoding="utf-8") + '\n[[name]]\nword = "Zzyzx"\n', encoding="utf-8")
    rows = data_mod.load_table("names")
    assert rows == _toml_rows(toml) and rows[-1] == {"word": "Zzyzx"}
    assert data_mod.compile_tables(write=False)["names"] == "stale"
    assert data_mod.compile_tables(write=True)["names"] == "written"
    data_mod._load.cache_clear()
    assert data_mod.load_table("names") == _toml_rows(toml)
    assert data_mod.compile_tables(write=False)["names"] == "fresh"


def test_a_damaged_copy_is_ignored(data_dir) -> None:
    (data_dir / "typos.json").write_text('{"source": "x", "rows": [', encoding="utf-8")
    assert data_mod.load_table("typos") == _toml_rows(data_dir / "typos.toml")


def test_dates_survive_the_copy(data_dir) -> None:
    import datetime as dt

    assert data_mod.compile_tables(write=False)["instruments"] == "fresh"
    rows = data_mod.load_table("instruments")
    assert any(isinstance(v, dt.date) for row in rows for v in row.values())
    assert data_mod.load_table("missing-table") is None


def test_a_value_the_copy_cannot_hold_stays_toml_only(data_dir) -> None:
    (data_dir / "clock.toml").write_text("[[slot]]\nat = 07:30:00\n", encoding="utf-8")
    assert data_mod.compile_tables(write=True)["clock"] == "toml-only"
    assert not (data_dir / "clock.json").exists()
    assert str(data_mod.load_table("clock")[0]["at"]) == "07:30:00"
