"""Helpers for tests of rules and plugins: lint a text or a file in-process."""

from __future__ import annotations

import datetime as _dt
import os
import tempfile
from pathlib import Path
from typing import Any

from .config import config_from_dict
from .rule import Finding
from .runner import FileResult, Linter, Options

__all__ = ["lint_text", "lint_bytes", "lint_path", "codes"]


def lint_path(
    path: str | os.PathLike[str],
    *,
    select: list[str] | None = None,
    config: dict[str, Any] | None = None,
    profile: str | None = None,
    final: bool | None = None,
    today: _dt.date | None = None,
) -> FileResult:
    linter = Linter(Options(select=select, profile=profile, final=final, today=today or _dt.date(2026, 11, 23)))
    if config:
        cfg = config_from_dict(config, "test-config")
        linter._fixed_config = cfg  # noqa: SLF001 - tests pin the configuration
    return linter.lint_file(str(path))


def lint_bytes(data: bytes, suffix: str = ".txt", **kwargs: Any) -> FileResult:
    with tempfile.TemporaryDirectory() as tmp:
        p = Path(tmp) / f"case{suffix}"
        p.write_bytes(data)
        result = lint_path(p, **kwargs)
        result.path = f"case{suffix}"
        return result


def lint_text(text: str, suffix: str = ".txt", **kwargs: Any) -> list[Finding]:
    """Findings for ``text`` written to a temporary ``.txt``/``.md`` file; raises on input errors."""
    result = lint_bytes(text.encode("utf-8"), suffix, **kwargs)
    if result.error is not None:
        raise result.error
    return result.findings


def codes(findings: list[Finding]) -> list[str]:
    return [f.code for f in findings]
