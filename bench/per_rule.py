"""CPU time of each rule, of the reader and of the anatomy step, over the bench set; compare two trees.

Usage (from the repository root, with the project's virtualenv):

    python bench/per_rule.py [--runs N] [--bench DIR] [--out FILE.json]
        measure the tree this interpreter imports; print the figures (and save them)
    python bench/per_rule.py --compare OLD_PYTHONPATH [--rounds R] [--runs N] [--save-old F --save-new F]
        measure the old tree (a subprocess with PYTHONPATH=OLD_PYTHONPATH) and this one in
        alternating subprocesses, R rounds each; print old / new / ratio
    python bench/per_rule.py --table OLD.json NEW.json
        print old / new / ratio from two saved measurements

The bench set is DIR/texts/**/*.txt, DIR/tree/**/*.docx and DIR's notice-2p, report-20p and
compilation-200p .docx (DIR defaults to /tmp/nl-bench; `python bench/run.py --keep DIR` makes it).
Files are read into memory once; nothing is read from disk while timing.

What each line times (CPU time, ``time.process_time``, the garbage collector off while timed):

- ``reader``: ``read_document(path, data=bytes)`` of every file; ``reader+styles`` the same
  with ``formatting=True`` (what the formatting rules ask for);
- ``anatomy``: ``anatomy.parse`` of every file, each on a freshly read document;
- ``NLxxx``: ``rule.check`` (its findings consumed) on a freshly read and parsed notice per
  file (read and parse not timed), only on the files the linter would run it on (its profiles
  and formats).  Each rule pays for the per-document caches it uses, as it does under
  ``--select NLxxx``;
- ``lint ALL``: ``Linter(Options(select=["ALL"])).lint_file(path, data)`` of every file.

A run times every line once over the whole set; the figure kept is, per file, the fastest of
the runs (and, with --compare, of the rounds), summed over the files (preemption and
interrupts hit a run here and there, rarely the same file in every run); ``spread`` is
median / minimum - 1 of the runs' totals, a measure of the noise.  With --compare both trees
run with the same PYTHONHASHSEED (0 unless set).  Only APIs that exist in both the current tree and 0fec3c2 are used.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import glob
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

TODAY = dt.date(2026, 12, 7)
BIG = ("notice-2p.docx", "report-20p.docx", "compilation-200p.docx")


def bench_files(folder: str) -> list[str]:
    files = sorted(glob.glob(os.path.join(folder, "texts", "**", "*.txt"), recursive=True))
    files += sorted(glob.glob(os.path.join(folder, "tree", "**", "*.docx"), recursive=True))
    files += [os.path.join(folder, name) for name in BIG if os.path.exists(os.path.join(folder, name))]
    return files


def measure(folder: str, runs: int) -> dict:
    from notice_lint import anatomy
    from notice_lint.document import read_document
    from notice_lint.rule import RuleContext
    from notice_lint.runner import Linter, Options

    paths = bench_files(folder)
    if not paths:
        sys.exit(f"no bench files in {folder}: run `python bench/run.py --quick --keep {folder}` first")
    blobs = [(p, Path(p).read_bytes()) for p in paths]
    linter = Linter(Options(select=["ALL"], today=TODAY))
    registry = linter.registry
    rules = [registry[code]() for code in linter.codes]
    cfg = linter.config_for(paths[0])
    tables = linter.data_for(cfg)
    kinds, instruments = tables.get("kinds"), tables.get("instruments")
    ctx = RuleContext(data=tables, final=cfg.final, lang=linter.lang_for(cfg), options=cfg.options, today=TODAY)
    clock = time.process_time

    def parse(doc):
        return anatomy.parse(doc, kinds, profile=cfg.profile, today=TODAY, instruments=instruments)

    def time_reader(formatting: bool) -> list[float]:
        times = []
        for path, data in blobs:
            gc.disable()
            t = clock()
            read_document(path, formatting=formatting, data=data)
            times.append(clock() - t)
            gc.enable()
        return times

    def time_anatomy() -> list[float]:
        times = []
        for path, data in blobs:
            doc = read_document(path, data=data)
            gc.disable()
            t = clock()
            parse(doc)
            times.append(clock() - t)
            gc.enable()
        return times

    def time_rule(rule) -> tuple[list[float], int, int]:
        times, files, found = [], 0, 0
        styles = "styles" in rule.needs
        for path, data in blobs:
            doc = read_document(path, formatting=styles, data=data)
            notice = parse(doc)
            if notice.profile not in rule.profiles or doc.kind not in rule.formats:
                times.append(0.0)
                continue
            files += 1
            gc.disable()
            t = clock()
            try:
                found += sum(1 for _ in rule.check(notice, ctx))
            finally:
                times.append(clock() - t)
                gc.enable()
        return times, files, found

    def time_lint() -> list[float]:
        times = []
        for path, data in blobs:
            gc.disable()
            t = clock()
            linter.lint_file(path, data=data)
            times.append(clock() - t)
            gc.enable()
        return times

    steps: dict[str, dict] = {}

    def record(name: str, times: list[float], **extra) -> None:
        entry = steps.setdefault(name, {"runs": [], "per_file": [], **extra})
        entry["runs"].append(sum(times))
        entry["per_file"].append(times)

    # warm-up: data tables, indexes, lazily built models, imports
    for path, data in blobs[:: max(1, len(blobs) // 40)]:
        linter.lint_file(path, data=data)
    for run in range(runs):
        gc.collect()
        record("reader", time_reader(False))
        record("reader+styles", time_reader(True))
        record("anatomy", time_anatomy())
        for rule in rules:
            times, files, found = time_rule(rule)
            record(rule.code, times, files=files, findings=found)
        record("lint ALL", time_lint())
        print(f"  run {run + 1}/{runs} done", file=sys.stderr, flush=True)

    import notice_lint

    return {
        "tree": os.path.dirname(os.path.dirname(notice_lint.__file__)),
        "python": sys.version.split()[0],
        "files": len(blobs),
        "bench": folder,
        "when": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "steps": steps,
    }


def merge(results: list[dict]) -> dict:
    """Several measurements of one tree as one: every run of every round."""
    out = dict(results[0])
    steps: dict[str, dict] = {}
    for res in results:
        for name, entry in res["steps"].items():
            into = steps.setdefault(name, {k: v for k, v in entry.items() if k not in ("runs", "per_file")}
                                    | {"runs": [], "per_file": []})
            into["runs"].extend(entry["runs"])
            into["per_file"].extend(entry["per_file"])
    out["steps"] = steps
    return out


def best(entry: dict) -> float:
    """The sum over the files of each file's fastest run: preemption and interrupts hit a
    run here and there, rarely the same file in every run."""
    runs = entry.get("per_file")
    if not runs:
        return min(entry["runs"])
    return sum(map(min, zip(*runs)))


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f}"


def _spread(runs: list[float]) -> str:
    low = min(runs)
    return f"{(statistics.median(runs) / low - 1) * 100:.0f} %" if low > 0 else "-"


def table(old: dict | None, new: dict, limit: float = 1.10) -> str:
    lines = []
    if old is None:
        lines.append(f"{new['files']} files, {len(next(iter(new['steps'].values()))['runs'])} runs, CPU ms (per file the fastest run, summed)")
        lines.append("| step | files | findings | ms | spread |")
        lines.append("|------|------:|------:|------:|------:|")
        for name, e in new["steps"].items():
            lines.append(f"| {name} | {e.get('files', '')} | {e.get('findings', '')} | {_ms(best(e))} | {_spread(e['runs'])} |")
        return "\n".join(lines)
    lines.append(
        f"{new['files']} files; old {old['tree']} ({len(next(iter(old['steps'].values()))['runs'])} runs), "
        f"new {new['tree']} ({len(next(iter(new['steps'].values()))['runs'])} runs); CPU ms: per file the fastest run, summed"
    )
    lines.append("| step | files | findings old → new | old ms | new ms | new/old | spread old / new | |")
    lines.append("|------|------:|------:|------:|------:|------:|------:|---|")
    names = list(new["steps"]) + [n for n in old["steps"] if n not in new["steps"]]
    for name in names:
        o, n = old["steps"].get(name), new["steps"].get(name)
        if n is None:
            lines.append(f"| {name} | | | {_ms(best(o))} | | | | gone |")
            continue
        files = n.get("files", "")
        if o is None:
            lines.append(
                f"| {name} | {files} | {n.get('findings', '')} | | {_ms(best(n))} | | {_spread(n['runs'])} | new |"
            )
            continue
        lo, ln = best(o), best(n)
        ratio = ln / lo if lo > 0 else float("inf")
        found = f"{o.get('findings', '')} → {n.get('findings', '')}" if "findings" in n else ""
        mark = "SLOWER" if ratio > limit else ""
        lines.append(
            f"| {name} | {files} | {found} | {_ms(lo)} | {_ms(ln)} | {ratio:.2f} | "
            f"{_spread(o['runs'])} / {_spread(n['runs'])} | {mark} |"
        )
    return "\n".join(lines)


def _subprocess(pythonpath: str | None, args: list[str], out: str) -> dict:
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)
    env.setdefault("PYTHONHASHSEED", "0")  # the same dict and set layouts in both trees
    if pythonpath:
        env["PYTHONPATH"] = pythonpath
    subprocess.run([sys.executable, os.path.abspath(__file__), *args, "--out", out, "--quiet"], env=env, check=True)
    return json.loads(Path(out).read_text(encoding="utf-8"))


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bench", default="/tmp/nl-bench", help="the bench folder (default /tmp/nl-bench)")
    ap.add_argument("--runs", type=int, default=3, help="runs per measurement (default 3)")
    ap.add_argument("--out", help="save the figures as JSON")
    ap.add_argument("--quiet", action="store_true", help="print no table")
    ap.add_argument("--compare", metavar="OLD_PYTHONPATH", help="measure that tree and this one, alternating")
    ap.add_argument("--new", metavar="NEW_PYTHONPATH", help="with --compare: the new tree too from a PYTHONPATH "
                    "(default: the tree this interpreter imports)")
    ap.add_argument("--rounds", type=int, default=2, help="rounds of (old, new) with --compare (default 2)")
    ap.add_argument("--save-old", help="with --compare: save the old tree's figures as JSON")
    ap.add_argument("--save-new", help="with --compare: save this tree's figures as JSON")
    ap.add_argument("--table", nargs=2, metavar=("OLD.json", "NEW.json"), help="compare two saved measurements")
    args = ap.parse_args(argv)
    if args.table:
        old, new = (json.loads(Path(p).read_text(encoding="utf-8")) for p in args.table)
        print(table(old, new))
        return
    if args.compare:
        import tempfile

        olds, news = [], []
        sub = ["--bench", args.bench, "--runs", str(args.runs)]
        with tempfile.TemporaryDirectory() as tmp:
            for r in range(args.rounds):
                first, second = ("old", "new") if r % 2 == 0 else ("new", "old")
                for which in (first, second):
                    print(f"round {r + 1}/{args.rounds}: {which}", file=sys.stderr, flush=True)
                    res = _subprocess(args.compare if which == "old" else args.new, sub, os.path.join(tmp, f"{which}{r}.json"))
                    (olds if which == "old" else news).append(res)
        old, new = merge(olds), merge(news)
        for path, res in ((args.save_old, old), (args.save_new, new)):
            if path:
                Path(path).write_text(json.dumps(res, indent=1), encoding="utf-8")
        print(table(old, new))
        return
    res = measure(args.bench, args.runs)
    if args.out:
        Path(args.out).write_text(json.dumps(res, indent=1), encoding="utf-8")
    if not args.quiet:
        print(table(None, res))


if __name__ == "__main__":
    main()
