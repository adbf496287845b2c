"""In-process cost of the formatting rules per .docx, next to the cost of reading it.

Usage: .venv/bin/python bench/formatting_rules.py [DIR] [N]

DIR defaults to ``corpus/real`` of the shared folder beside the checkout
(``../shared``); N (default 30) is the number of runs, of which the best is kept.
The stylesheet figures parse styles.xml, theme1.xml and settings.xml each run
(the cache of stylesheets shared by documents of one template is emptied first).
"""

from __future__ import annotations

import datetime
import statistics
import sys
import time
from pathlib import Path

from notice_lint import anatomy
from notice_lint.document import read_document, styles
from notice_lint.document.styles import apply_styles, load_stylesheet
from notice_lint.rule import RuleContext
from notice_lint.runner import Linter, Options

ROOT = Path(__file__).resolve().parents[1]
TODAY = datetime.date(2026, 11, 23)


def default_dir() -> Path:
    for parent in [ROOT, *ROOT.parents]:
        cand = parent / "shared" / "corpus" / "real"
        if cand.is_dir():
            return cand
    raise SystemExit("no ../shared/corpus/real beside the checkout: give a folder of .docx files")


def best(fn, n: int) -> float:
    ts = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        ts.append(time.perf_counter() - t)
    return min(ts) * 1000


def main(folder: Path, runs: int = 30) -> None:
    files = sorted(str(p) for p in folder.glob("*.docx"))
    if not files:
        raise SystemExit(f"no .docx in {folder}")
    linter = Linter(Options(select=["NL4"], today=TODAY))
    cfg = linter.config_for(files[0])
    rules = linter.rules_for(cfg, files[0])
    data = linter.data_for(cfg)
    rows = []
    for f in files:
        b = Path(f).read_bytes()
        read = best(lambda: read_document(f, data=b), runs)
        doc = read_document(f, data=b, formatting=True)
        zf = doc.meta["zip"]
        sheet = best(lambda: (styles._SHEETS.clear(), load_stylesheet(zf)), runs)
        applied = best(lambda: (styles._SHEETS.clear(), apply_styles(doc, zf)), runs)
        notice = anatomy.parse(doc, data.get("kinds"), today=TODAY)
        ctx = RuleContext(data=data, options=cfg.options, today=TODAY)
        check = best(lambda: [list(r.check(notice, ctx)) for r in rules], runs)
        rows.append((Path(f).name, len(doc.paragraphs), read, sheet, applied, check))
    print(f"{len(rows)} files in {folder}, best of {runs} runs each")
    for i, name in (
        (2, "read .docx (no styles)"),
        (3, "load_stylesheet (styles+theme+settings)"),
        (4, "apply_styles (incl. parsing)"),
        (5, "NL401-NL406 checks"),
    ):
        v = [r[i] for r in rows]
        print(f"{name:40s} median {statistics.median(v):6.2f} ms  max {max(v):6.2f} ms  total {sum(v):7.1f} ms")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else default_dir(), *(int(a) for a in sys.argv[2:3]))
