"""Load the built-in data tables (``data/<name>.toml``) once per process.

The TOML files are the source: people edit them.  Parsing TOML is slow in
Python (the 600-entry typo table costs ~30 ms, paid by every process), so
each table also has a compiled copy, ``data/<name>.json``:
``{"source": <SHA-256 of the TOML bytes>, "rows": [...]}`` (a TOML date is
written ``{"$date": "2026-05-27"}``).
The copy is used only when its hash matches the TOML file beside it; an
edited TOML file without a fresh copy is simply parsed (correct, only
slower), and ``tests/test_data_tables.py`` fails until the copies are
rewritten with::

    python tools/build_tables.py
"""

from __future__ import annotations

import datetime as _dt
import functools
import hashlib
import json
from pathlib import Path
from typing import Any

__all__ = ["load_table", "compile_tables", "DATA_DIR"]

DATA_DIR = Path(__file__).resolve().parent / "data"


def _rows(raw: dict[str, Any]) -> tuple[Any, ...]:
    for value in raw.values():  # the file's one array of tables
        if isinstance(value, list):
            return tuple(value)
    return ()


def _parse_toml(data: bytes) -> tuple[Any, ...]:
    import tomllib

    return _rows(tomllib.loads(data.decode("utf-8")))


def _compiled(name: str, source: bytes) -> tuple[Any, ...] | None:
    """The rows of ``data/<name>.json`` when it was compiled from exactly ``source``."""
    try:
        blob = json.loads((DATA_DIR / f"{name}.json").read_bytes(), object_hook=_decode)
    except (OSError, ValueError, TypeError):
        return None
    if not isinstance(blob, dict) or blob.get("source") != hashlib.sha256(source).hexdigest():
        return None
    rows = blob.get("rows")
    return tuple(rows) if isinstance(rows, list) else None


@functools.lru_cache(maxsize=None)
def _load(name: str) -> tuple[Any, ...] | None:
    try:
        source = (DATA_DIR / f"{name}.toml").read_bytes()
    except OSError:
        return None
    rows = _compiled(name, source)
    return rows if rows is not None else _parse_toml(source)


def load_table(name: str) -> list[Any] | None:
    rows = _load(name)
    return None if rows is None else list(rows)


def _encode(value: Any) -> Any:
    if isinstance(value, _dt.date) and not isinstance(value, _dt.datetime):
        return {"$date": value.isoformat()}
    raise TypeError(f"{type(value).__name__} in a data table")


def _decode(obj: dict[str, Any]) -> Any:
    if len(obj) == 1 and "$date" in obj:
        return _dt.date.fromisoformat(obj["$date"])
    return obj


def _json_native(value: Any) -> bool:
    try:
        json.dumps(value, default=_encode)
    except (TypeError, ValueError):
        return False
    return True


def compile_tables(write: bool = True) -> dict[str, str]:
    """(Re)write ``data/<name>.json`` for every table JSON can hold; return ``{name: status}``.

    ``status`` is ``"fresh"`` (already up to date), ``"written"`` (or ``"stale"``
    when ``write`` is false) or ``"toml-only"`` (values the copy cannot hold,
    a time of day say: that table is always parsed from TOML).
    """
    status: dict[str, str] = {}
    for toml_path in sorted(DATA_DIR.glob("*.toml")):
        name = toml_path.stem
        source = toml_path.read_bytes()
        rows = list(_parse_toml(source))
        json_path = DATA_DIR / f"{name}.json"
        if not _json_native(rows):
            status[name] = "toml-only"
            continue
        current = _compiled(name, source)
        if current is not None and list(current) == rows:
            status[name] = "fresh"
            continue
        status[name] = "written" if write else "stale"
        if write:
            lines = ",\n".join(json.dumps(row, ensure_ascii=False, default=_encode) for row in rows)  # a row a line
            text = f'{{"source": "{hashlib.sha256(source).hexdigest()}",\n"rows": [\n{lines}\n]}}\n'
            tmp = json_path.with_suffix(".json.tmp")
            tmp.write_text(text, encoding="utf-8")
            tmp.replace(json_path)
    return status

