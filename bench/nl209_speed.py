"""CPU time of NL209 (context-typo) inside a ``--select ALL`` lint, on text the process has not seen.

    python bench/lm_eval.py --words 200000 --out /tmp/nl-lm-eval     # writes the held-out docs once
    python bench/nl209_speed.py [DIR] [N] [--runs R]

Each run is a fresh interpreter: it lints one warm-up document (the model and the
rule modules load there), then the first ``N`` documents of ``DIR/clean`` (held-out
legal text written by ``bench/lm_eval.py``, default ``/tmp/nl-lm-eval``, N = 12),
each once, and prints the CPU time of the whole lint and of ``NL209.check`` alone.
Nothing is repeated inside a process, so no cache of an earlier pass helps (the
bench set of ``bench/run.py`` repeats its notices; real documents do not).  The
minimum over the runs is printed last.  Set ``PYTHONPATH`` to measure another tree.
"""

from __future__ import annotations

import argparse
import subprocess
import sys

#: the start of a child process that adds the CPU time of NL209.check to ``spent[0]``
#: (``bench/nl209_first.py`` uses it too)
TIMED_NL209 = r"""
import gc, glob, sys, time
from notice_lint.runner import Linter, Options
from notice_lint_rules.language import NL209
spent = [0.0]
check = NL209.ContextTypo.check
def timed(self, notice, ctx):
    t = time.process_time()
    out = list(check(self, notice, ctx))
    spent[0] += time.process_time() - t
    return out
NL209.ContextTypo.check = timed
"""

_CHILD = TIMED_NL209 + r"""
files = sorted(glob.glob(sys.argv[1] + "/clean/*.txt"))[: int(sys.argv[2]) + 1]
if len(files) < 2:
    sys.exit("too few held-out documents in " + sys.argv[1] + "/clean: run bench/lm_eval.py --out first")
linter = Linter(Options(select=["ALL"], profile="nd30"))
linter.lint_file(files.pop())  # the warm-up document, not measured
spent[0] = 0.0
gc.disable()
t = time.process_time()
for f in files:
    linter.lint_file(f)
print("%.4f %.4f %d" % (time.process_time() - t, spent[0], len(files)))
"""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dir", nargs="?", default="/tmp/nl-lm-eval")
    ap.add_argument("n", nargs="?", type=int, default=12)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args(argv)
    best = None
    for _ in range(args.runs):
        out = subprocess.run([sys.executable, "-c", _CHILD, args.dir, str(args.n)], capture_output=True, text=True)
        if out.returncode:
            print(out.stderr.strip(), file=sys.stderr)
            return 2
        total, nl209, files = out.stdout.split()
        print(f"lint {float(total):.3f} s, NL209 {float(nl209):.3f} s CPU ({files} documents)")
        if best is None or float(nl209) < best[1]:
            best = (float(total), float(nl209))
    print(f"min: lint {best[0]:.3f} s, NL209 {best[1]:.3f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
