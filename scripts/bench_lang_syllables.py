"""In-process timing: reading a .docx vs the rules NL202, NL207, NL208, NL301-NL303.

Usage: .venv/bin/python scripts/bench_lang_syllables.py path/to/notice.docx
"""
import datetime as dt, sys, time, statistics
from notice_lint.document import read_document
from notice_lint.anatomy import parse
from notice_lint.data import DataTables
from notice_lint.plugins import get_plugin_manager
from notice_lint.rule import RuleContext
import notice_lint_rules
from notice_lint_rules.language import NL202, NL207, NL208, _validator
from notice_lint_rules.typography import NL301, NL302, NL303

path = sys.argv[1]
blob = open(path, "rb").read()
rules = [NL202.InvalidSyllable(), NL207.Capitalization(), NL208.UndefinedAbbreviation(),
         NL301.DoubleSpace(), NL302.SpaceBeforePunctuation(), NL303.MissingSpace()]
kinds = notice_lint_rules.load_table("kinds")

def read(): return read_document(path, data=blob)

def run_rules(notice, ctx):
    return sum(len(list(r.check(notice, ctx))) for r in rules)

# cold: first call in a fresh process (tables loaded, caches empty)
t0 = time.perf_counter(); doc = read(); t_read_cold = time.perf_counter() - t0
notice = parse(doc, kinds, today=dt.date(2026, 11, 23))
ctx = RuleContext(data=DataTables(get_plugin_manager()), today=dt.date(2026, 11, 23))
t0 = time.perf_counter(); n = run_rules(notice, ctx); t_rules_cold = time.perf_counter() - t0

reads, warm, fresh = [], [], []
for _ in range(20):
    t0 = time.perf_counter(); read(); reads.append(time.perf_counter() - t0)
for _ in range(20):
    t0 = time.perf_counter(); run_rules(notice, ctx); warm.append(time.perf_counter() - t0)
for _ in range(20):  # a new document: validator caches empty, data tables already loaded
    _validator.check.cache_clear(); _validator.split.cache_clear(); NL202._fine.cache_clear()
    t0 = time.perf_counter(); run_rules(notice, ctx); fresh.append(time.perf_counter() - t0)
per = {}
for r in rules:
    ts = []
    for _ in range(20):
        t0 = time.perf_counter(); list(r.check(notice, ctx)); ts.append(time.perf_counter() - t0)
    per[r.code] = statistics.median(ts) * 1000
ms = lambda xs: statistics.median(xs) * 1000
print(f"file {path.split('/')[-1]}: {len(blob)/1024:.1f} KB, {len(doc.paragraphs)} paragraphs, {sum(len(p.text) for p in doc.paragraphs)} chars, findings {n}")
print(f"read .docx: cold {t_read_cold*1000:.1f} ms, median {ms(reads):.1f} ms, min {min(reads)*1000:.1f} ms")
print(f"6 rules: first run {t_rules_cold*1000:.1f} ms (loads the data tables), empty caches {ms(fresh):.1f} ms, warm median {ms(warm):.1f} ms, min {min(warm)*1000:.1f} ms")
print("per rule (warm, median):", ", ".join(f"{k} {v:.2f} ms" for k, v in per.items()))
