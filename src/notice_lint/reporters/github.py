"""``--format github``: GitHub Actions workflow commands, one per finding.

``::error file=notice.docx,line=12,col=5,endLine=12,endColumn=9,title=NL201::message``
(``warning`` and ``notice`` by severity), which GitHub shows as annotations
on the pull request.  Files that could not be read are ``::error`` lines
without a position.
"""

from __future__ import annotations

from typing import Any

_COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def annotation(path: str, f: Any, lang: str) -> str:
    props = [
        f"file={escape_property(path)}",
        f"line={f.line}",
        f"col={f.column}",
        f"endLine={max(f.end_line, f.line)}",
        f"endColumn={max(f.end_column, f.column)}",
        f"title={escape_property(f.code)}",
    ]
    return f"::{_COMMAND[f.severity.label]} {','.join(props)}::{escape_data(f.message(lang))}"


def render(results: list[Any], *, lang: str = "vi", **_: Any) -> str:
    lines = []
    for r in results:
        if r.error is not None:
            lines.append(f"::error file={escape_property(r.path)}::{escape_data(r.error.message(lang))}")
        lines.extend(annotation(r.path, f, lang) for f in r.findings)
    return "\n".join(lines) + ("\n" if lines else "")
