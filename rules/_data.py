"""Load the built-in data tables (``data/<name>.toml``) once per process."""

from __future__ import annotations

import functools
import tomllib
from importlib import resources
from typing import Any

__all__ = ["load_table"]


@functools.lru_cache(maxsize=None)
def _load(name: str) -> tuple[Any, ...] | None:
    res = resources.files(__package__).joinpath("data", f"{name}.toml")
    if not res.is_file():
        return None
    with res.open("rb") as fh:
        raw = tomllib.load(fh)
    for value in raw.values():  # the file's one array of tables
        if isinstance(value, list):
            return tuple(value)
    return ()


def load_table(name: str) -> list[Any] | None:
    rows = _load(name)
    return None if rows is None else list(rows)
