"""CPU time of NL207 (capitalisation) alone: ``rule.check`` over already-read documents.

    python bench/case_speed.py [FILES_OR_FOLDERS...] [--repeat N] [--no-stream]

Default files: the first 300 ``.txt`` and 100 ``.docx`` of ``/tmp/nl-bench`` (``texts/`` and
``tree/``, made by ``python bench/run.py --keep /tmp/nl-bench``), the set the per-rule
figures of RESULTS.md use.  Each document is read and its anatomy parsed once; the
language rules' stream is built first (as with ``--select ALL``, where NL201/NL202 build
it before NL207 reuses its split) unless ``--no-stream``.  Prints the first pass (the
rule's data loaded on the fly and its per-word memos filled: text the process has not
seen) and the min / median of the next ``--repeat`` passes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--no-stream", action="store_true", help="NL207 splits every line itself")
    args = ap.parse_args(argv)

    from notice_lint import anatomy
    from notice_lint.document import read_document
    from notice_lint.rule import RuleContext
    from notice_lint.runner import Linter, Options, discover

    if args.paths:
        files = list(discover(args.paths))
    else:
        bench = Path("/tmp/nl-bench")
        files = sorted(map(str, bench.glob("texts/**/*.txt")))[:300] + sorted(map(str, bench.glob("tree/**/*.docx")))[:100]
    if not files:
        raise SystemExit("case_speed: no documents (run: python bench/run.py --keep /tmp/nl-bench)")
    from notice_lint_rules.language._syllables import stream

    linter = Linter(Options(select=["NL207"]))
    today = dt.date(2026, 11, 23)
    notices = []
    for path in files:
        cfg = linter.config_for(path)
        tables = linter.data_for(cfg)
        notice = anatomy.parse(read_document(path), tables.get("kinds"), today=today, instruments=tables.get("instruments"))
        if not args.no_stream:
            stream(notice)
        notices.append(notice)
    rule = linter.rules_for(cfg, files[-1])[0]
    ctx = RuleContext(data=tables, final=False, lang="vi", options=cfg.options, today=today)
    runs = []
    for _ in range(args.repeat + 1):
        gc.collect()
        t = time.process_time()
        for notice in notices:
            list(rule.check(notice, ctx))
        runs.append(time.process_time() - t)
    words = "own split" if args.no_stream else "stream built"
    print(
        f"NL207 on {len(files)} files ({words}): first pass {runs[0] * 1000:.1f} ms CPU, "
        f"then min {min(runs[1:]) * 1000:.1f} / median {statistics.median(runs[1:]) * 1000:.1f} ms"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
