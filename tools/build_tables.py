"""Rewrite the compiled copies of the data tables: ``python tools/build_tables.py [--check]``.

Each ``rules/data/<name>.toml`` (the source people edit) gets its
``rules/data/<name>.json`` (``{"source": <SHA-256 of the TOML bytes>, "rows": [...]}``),
which the rules load instead of parsing TOML when the hash matches.  The format
and the writer are in ``rules/_data.py`` (``compile_tables``), beside the loader
that reads them.  ``--check`` writes nothing and exits 1 when a copy is stale.
Rerunning it on unchanged tables changes no byte.
"""

from __future__ import annotations

import sys


def main(argv: list[str]) -> int:
    from notice_lint_rules._data import compile_tables

    check_only = "--check" in argv[1:]
    states = compile_tables(write=not check_only)
    for table, state in states.items():
        print(f"{table}: {state}")
    return 1 if check_only and "stale" in states.values() else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
