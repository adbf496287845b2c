"""``--format json``: a list of finding objects (see spec/RULES.md)."""

from __future__ import annotations

import json
from typing import Any

from . import fix_payload


def finding_dict(path: str, f: Any, lang: str) -> dict[str, Any]:
    return {
        "path": path,
        "line": f.line,
        "column": f.column,
        "end_line": f.end_line,
        "end_column": f.end_column,
        "code": f.code,
        "name": f.name,
        "severity": f.severity.label,
        "message": f.message(lang),
        "fix": fix_payload(f, lang=lang),
    }


def render(results: list[Any], *, lang: str = "vi", **_: Any) -> str:
    """A JSON array with one finding object per line.

    One object a line reads and greps well and lets ``json`` use its C
    encoder (``indent`` would switch it to the pure-Python one, a tenth of a
    second per thousand files).
    """
    encode = json.JSONEncoder(ensure_ascii=False).encode
    lines = [encode(finding_dict(r.path, f, lang)) for r in results for f in r.findings]
    if not lines:
        return "[]\n"
    return "[\n  " + ",\n  ".join(lines) + "\n]\n"
