"""In-process cost of the formatting rules per .docx, next to the cost of reading it.

Usage: .venv/bin/python tools/bench_formatting.py [DIR]  (default ../shared/corpus/real)
Each figure is the best of 30 runs; the styles figure includes parsing styles.xml,
theme1.xml and settings.xml.
"""

import datetime
import glob
import statistics
import sys
import time
from pathlib import Path

from notice_lint import anatomy
from notice_lint.document import read_document
from notice_lint.document.styles import apply_styles, load_stylesheet
from notice_lint.rule import RuleContext
from notice_lint.runner import Linter, Options

files = sorted(glob.glob(sys.argv[1] + "/*.docx")) if len(sys.argv) > 1 else sorted(glob.glob("../shared/corpus/real/*.docx"))
today = datetime.date(2026, 11, 23)
linter = Linter(Options(select=["NL4"], today=today))
cfg = linter.config_for(files[0]); rules = linter.rules_for(cfg, files[0]); data = linter.data_for(cfg)
def best(fn, n=30):
    ts = []
    for _ in range(n):
        t = time.perf_counter(); fn(); ts.append(time.perf_counter() - t)
    return min(ts) * 1000
rows = []
for f in files:
    b = Path(f).read_bytes()
    read = best(lambda: read_document(f, data=b))
    doc = read_document(f, data=b, formatting=True)
    zf = doc.meta["zip"]
    sheet = best(lambda: load_stylesheet(zf))
    styles = best(lambda: apply_styles(doc, zf))
    notice = anatomy.parse(doc, data.get("kinds"), today=today)
    ctx = RuleContext(data=data, options=cfg.options, today=today)
    check = best(lambda: [list(r.check(notice, ctx)) for r in rules])
    rows.append((Path(f).name, len(doc.paragraphs), read, sheet, styles, check))
for i, name in ((2, "read .docx (no styles)"), (3, "load_stylesheet (styles+theme+settings)"), (4, "apply_styles (incl. parsing)"), (5, "NL401-NL406 checks")):
    v = [r[i] for r in rows]
    print(f"{name:40s} median {statistics.median(v):6.2f} ms  max {max(v):6.2f} ms  total {sum(v):7.1f} ms")
