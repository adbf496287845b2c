"""Reporters turn one internal list of findings into an output format.

Each format is a small module with ``render(results, *, lang, color, registry) -> str``;
``REPORTERS`` maps a ``--format`` name to its module, imported only when used.
"""

from __future__ import annotations

import importlib
from typing import Any, Callable

__all__ = ["REPORTERS", "get_reporter"]

REPORTERS: dict[str, str] = {
    "text": "notice_lint.reporters.text",
    "json": "notice_lint.reporters.json",
    "sarif": "notice_lint.reporters.sarif",
    "github": "notice_lint.reporters.github",
    "html": "notice_lint.reporters.html",
}


def get_reporter(name: str) -> Callable[..., str]:
    module = importlib.import_module(REPORTERS[name])
    return module.render  # type: ignore[no-any-return]


def fix_payload(
    finding: Any, doc_line: Callable[[int], int] | None = None, lang: str = "vi"
) -> list[dict[str, Any]] | None:
    """The JSON form of a finding's fix (columns are 1-based, end exclusive)."""
    if finding.fix is None:
        return None
    out = []
    for e in finding.fix.edits:
        if not hasattr(e, "replacement"):  # a formatting edit: what it sets, and in words
            out.append(
                {
                    "line": finding.line if e.paragraph == finding.paragraph else e.paragraph,
                    "column": e.start + 1,
                    "end_column": e.end + 1,
                    "format": {"scope": e.scope, **dict(e.props), **({"section": e.section} if e.scope == "section" else {})},
                    "description": e.note(lang),
                }
            )
            continue
        out.append(
            {
                "line": finding.line if e.paragraph == finding.paragraph else e.paragraph,
                "column": e.start + 1,
                "end_column": e.end + 1,
                "replacement": e.replacement,
            }
        )
    return out
