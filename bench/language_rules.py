"""Time the language rules NL201, NL203-NL206 against reading the .docx, in-process.

Usage: .venv/bin/python bench/language_rules.py FILE.docx [N]

N (default 50) is the number of runs per timing; the best of 5 timings is kept.

Each timed rule run gets a freshly read and parsed Notice (read and anatomy
are not timed), so the per-document caches (the syllable stream) are paid
every time; the data tables and indexes are built once per process, as in
the linter.
"""

from __future__ import annotations

import datetime as dt
import sys
import time
import timeit
from pathlib import Path

from notice_lint import anatomy
from notice_lint.data import DataTables
from notice_lint.document import read_document
from notice_lint.plugins import get_plugin_manager
from notice_lint.rule import RuleContext
from notice_lint_rules.language.NL201 import KnownTypo
from notice_lint_rules.language.NL203 import RepeatedWord
from notice_lint_rules.language.NL204 import ToneStyle
from notice_lint_rules.language.NL205 import UnicodeNormalization
from notice_lint_rules.language.NL206 import LegacyEncoding


def main(path: str, runs: int = 50) -> None:
    data = Path(path).read_bytes()
    print(f"{path}: {len(data) / 1024:.1f} KB")
    tables = DataTables(get_plugin_manager(), {})
    ctx = RuleContext(data=tables, today=dt.date(2026, 11, 23))
    rules = [KnownTypo(), RepeatedWord(), ToneStyle(), UnicodeNormalization(), LegacyEncoding()]
    kinds = tables.get("kinds")

    def notice():
        return anatomy.parse(read_document(path, data=data), kinds, today=ctx.today)

    t0 = time.perf_counter()
    n_found = sum(1 for r in rules for _ in r.check(notice(), ctx))
    print(f"first run (one read + anatomy, table load, index build): {(time.perf_counter() - t0) * 1000:.1f} ms, {n_found} findings")
    read = min(timeit.repeat(lambda: read_document(path, data=data), number=runs, repeat=5)) / runs
    fresh = iter([notice() for _ in range(runs * 5)])

    def run_all() -> None:
        n = next(fresh)
        for r in rules:
            for _ in r.check(n, ctx):
                pass

    both = min(timeit.repeat(run_all, number=runs, repeat=5)) / runs
    print(f"read_document (zipfile+lxml): {read * 1000:.2f} ms per file")
    print(f"NL201+NL203+NL204+NL205+NL206: {both * 1000:.2f} ms per file ({both / read * 100:.0f}% of the read)")


if __name__ == "__main__":
    main(sys.argv[1], *(int(a) for a in sys.argv[2:3]))
