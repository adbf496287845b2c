"""In-process timing: reading a .docx vs the rules NL202, NL207, NL208, NL301-NL303.

Usage: .venv/bin/python bench/syllable_rules.py path/to/notice.docx [N]

N (default 20) is the number of timed runs of each figure; medians are printed.
"Empty caches" clears the process-wide word verdicts of the rule modules (every
``Verdicts`` map, every ``Clean`` set of words already found clean, every
``lru_cache`` of more than one entry) before each run: what the first
document of a process pays once the data tables are loaded.
"""

from __future__ import annotations

import datetime as dt
import statistics
import sys
import time

from notice_lint.anatomy import parse
from notice_lint.data import DataTables
from notice_lint.document import read_document
from notice_lint.plugins import get_plugin_manager
from notice_lint.rule import RuleContext
from notice_lint_rules._data import load_table
from notice_lint_rules._memo import Clean, Verdicts
from notice_lint_rules.language import NL202, NL207, NL208, _syllables, _validator
from notice_lint_rules.typography import NL301, NL302, NL303

TODAY = dt.date(2026, 11, 23)
MODULES = (NL202, NL207, NL208, _syllables, _validator, NL301, NL302, NL303)


def forget_words() -> None:
    for module in MODULES:
        for value in vars(module).values():
            if isinstance(value, (Verdicts, Clean)):
                value.clear()
            cache_info = getattr(value, "cache_info", None)
            if cache_info is not None and (cache_info().maxsize or 2) > 1:
                value.cache_clear()


def main(path: str, runs: int = 20) -> None:
    blob = open(path, "rb").read()
    rules = [NL202.InvalidSyllable(), NL207.Capitalization(), NL208.UndefinedAbbreviation(),
             NL301.DoubleSpace(), NL302.SpaceBeforePunctuation(), NL303.MissingSpace()]
    kinds = load_table("kinds")

    def read():
        return read_document(path, data=blob)

    def run_rules(notice, ctx):
        return sum(len(list(r.check(notice, ctx))) for r in rules)

    # cold: first call in a fresh process (tables loaded, caches empty)
    t0 = time.perf_counter()
    doc = read()
    t_read_cold = time.perf_counter() - t0
    notice = parse(doc, kinds, today=TODAY)
    ctx = RuleContext(data=DataTables(get_plugin_manager()), today=TODAY)
    t0 = time.perf_counter()
    n = run_rules(notice, ctx)
    t_rules_cold = time.perf_counter() - t0

    reads, warm, fresh = [], [], []
    for _ in range(runs):
        t0 = time.perf_counter()
        read()
        reads.append(time.perf_counter() - t0)
    for _ in range(runs):
        t0 = time.perf_counter()
        run_rules(notice, ctx)
        warm.append(time.perf_counter() - t0)
    for _ in range(runs):  # a new document: word caches empty, data tables already loaded
        forget_words()
        t0 = time.perf_counter()
        run_rules(notice, ctx)
        fresh.append(time.perf_counter() - t0)
    per = {}
    for r in rules:
        ts = []
        for _ in range(runs):
            t0 = time.perf_counter()
            list(r.check(notice, ctx))
            ts.append(time.perf_counter() - t0)
        per[r.code] = statistics.median(ts) * 1000

    def ms(xs):
        return statistics.median(xs) * 1000

    chars = sum(len(p.text) for p in doc.paragraphs)
    print(f"file {path.split('/')[-1]}: {len(blob) / 1024:.1f} KB, {len(doc.paragraphs)} paragraphs, {chars} chars,"
          f" findings {n}")
    print(f"read .docx: cold {t_read_cold * 1000:.1f} ms, median {ms(reads):.1f} ms, min {min(reads) * 1000:.1f} ms")
    print(f"6 rules: first run {t_rules_cold * 1000:.1f} ms (loads the data tables), empty caches {ms(fresh):.1f} ms,"
          f" warm median {ms(warm):.1f} ms, min {min(warm) * 1000:.1f} ms")
    print("per rule (warm, median):", ", ".join(f"{k} {v:.2f} ms" for k, v in per.items()))


if __name__ == "__main__":
    main(sys.argv[1], *(int(a) for a in sys.argv[2:3]))
