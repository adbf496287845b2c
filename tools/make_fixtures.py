"""Build every fixture document: ``python tools/make_fixtures.py [OUTDIR]``.

Writes ``fixtures/docx/<name>.docx`` (or into OUTDIR) from the builders in
``fixtures/build/``.  The expected findings (``<name>.expected``) are written
by hand, beside them, from what each fixture is meant to get wrong.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from fixtures.build import all_fixtures, build  # noqa: E402


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else ROOT / "fixtures" / "docx"
    out.mkdir(parents=True, exist_ok=True)
    for name, value in all_fixtures().items():
        build(name, value, out / f"{name}.docx")
        print(out / f"{name}.docx")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
