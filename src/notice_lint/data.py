"""Data tables (document kinds, typos, abbreviations…) read once per process.

A table is the concatenation of what every plugin returns for its name
(built-in plugin first, in registration order) and what the configuration
adds.  Rules ask for a table by name; nothing is read until then.
"""

from __future__ import annotations

from typing import Any, Callable

__all__ = ["DataTables"]


class DataTables:
    def __init__(self, plugin_manager: Any = None, extra: dict[str, list[Any]] | None = None) -> None:
        self._pm = plugin_manager
        self._extra = extra or {}
        self._tables: dict[str, list[Any]] = {}
        self._derived: dict[tuple[str, str], Any] = {}

    def get(self, name: str) -> list[Any]:
        table = self._tables.get(name)
        if table is None:
            table = []
            if self._pm is not None:
                for part in reversed(self._pm.hook.notice_lint_data(name=name)):
                    if part:
                        table.extend(part)
            table.extend(self._extra.get(name, ()))
            self._tables[name] = table
        return table

    def derived(self, name: str, key: str, build: Callable[[list[Any]], Any]) -> Any:
        """A structure built once from table ``name`` (an index, a compiled pattern…)."""
        k = (name, key)
        if k not in self._derived:
            self._derived[k] = build(self.get(name))
        return self._derived[k]
