"""What NL209 adds to a one-file run: CPU time with it and with ``--ignore NL209``, fresh processes.

    python bench/nl209_first.py FILE [FILE ...] [--runs R]

For each file, R times in turn (with NL209, without), two fresh interpreters each:

- *first lint*: ``Linter(Options(select=["ALL"]))`` (or ``ignore=["NL209"]``) lints the
  file once; the CPU time of that call, and of ``NL209.check`` inside it (model load,
  imports and first candidates included: what a pre-commit run of one file pays);
- *process*: ``python -m notice_lint --no-cache FILE`` (``--ignore NL209``) as a whole,
  user + system CPU time of the child.

Min and median of each, and the difference of the minima, are printed.  Set
``PYTHONPATH`` to measure another tree.  Byte-compile ``src/`` and ``rules/`` first
(``python -m compileall -q src rules``), as a pip install does: with
``PYTHONDONTWRITEBYTECODE`` set and no ``.pyc``, every import compiles its source.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys

from nl209_speed import TIMED_NL209  # noqa: E402 (bench/ is the script's folder)

_CHILD = TIMED_NL209 + r"""
linter = Linter(Options(select=["ALL"], ignore=sys.argv[2:]))
t = time.process_time()
linter.lint_file(sys.argv[1])
print("%.5f %.5f" % (time.process_time() - t, spent[0]))
"""


def _cpu(cmd: list[str]) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def _show(name: str, xs: list[float]) -> str:
    return f"{name} min {min(xs) * 1e3:.1f} median {statistics.median(xs) * 1e3:.1f} ms"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("files", nargs="+")
    ap.add_argument("--runs", type=int, default=9)
    args = ap.parse_args(argv)
    for path in args.files:
        lint = {True: [], False: []}
        nl209: list[float] = []
        proc = {True: [], False: []}
        for _ in range(args.runs):
            for on in (True, False):
                out = subprocess.run([sys.executable, "-c", _CHILD, path] + ([] if on else ["NL209"]),
                                     capture_output=True, text=True)
                if out.returncode:
                    print(out.stderr.strip(), file=sys.stderr)
                    return 2
                total, spent = map(float, out.stdout.split())
                lint[on].append(total)
                if on:
                    nl209.append(spent)
                ignore = [] if on else ["--ignore", "NL209"]
                proc[on].append(_cpu([sys.executable, "-m", "notice_lint", "--no-cache", *ignore, path]))
        print(path)
        print("  first lint: " + _show("with NL209", lint[True]) + "; " + _show("without", lint[False])
              + f"; +{(min(lint[True]) - min(lint[False])) * 1e3:.1f} ms; " + _show("NL209.check", nl209))
        print("  process:    " + _show("with NL209", proc[True]) + "; " + _show("without", proc[False])
              + f"; +{(min(proc[True]) - min(proc[False])) * 1e3:.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
