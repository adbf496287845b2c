"""``--format sarif``: a SARIF 2.1.0 log (one run, the tool's rules, one result per finding).

Locations are physical: the file as given on the command line (a relative
path is resolved against ``%SRCROOT%``, the folder the linter ran in) and a
region whose ``startLine`` is the finding's line — the physical line of a
text file, the paragraph number of a ``.docx`` — with 1-based columns,
``endColumn`` exclusive, as SARIF counts them.  Files that could not be read
are tool execution notifications of the invocation.
"""

from __future__ import annotations

import json
import os
import urllib.parse
from pathlib import Path
from typing import Any

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def artifact_location(path: str) -> dict[str, Any]:
    if os.path.isabs(path):
        return {"uri": Path(path).as_uri()}
    return {"uri": urllib.parse.quote(path.replace(os.sep, "/")), "uriBaseId": "%SRCROOT%"}


def rule_descriptor(cls: Any, lang: str) -> dict[str, Any]:
    from ..docs import help_uri, rule_markdown

    doc = cls.doc()
    first = doc.split("\n\n", 1)[0].replace("\n", " ").strip() if doc else ""
    short = (cls.summary_vi if lang == "vi" and cls.summary_vi else cls.summary) or cls.name
    out: dict[str, Any] = {
        "id": cls.code,
        "name": cls.name,
        "shortDescription": {"text": short},
        "fullDescription": {"text": first or short},
    }
    uri = help_uri(cls.code)  # absolute, or none at all: the help below carries the whole page
    if uri:
        out["helpUri"] = uri
    out["help"] = {"text": first or short, "markdown": rule_markdown(cls)}
    out["defaultConfiguration"] = {"level": _LEVEL[cls.severity.label]}
    out["properties"] = {"profiles": list(cls.profiles), "fixable": bool(cls.fixable)}
    return out


def result(path: str, f: Any, lang: str, index: dict[str, int]) -> dict[str, Any]:
    region = {
        "startLine": max(f.line, 1),
        "startColumn": max(f.column, 1),
        "endLine": max(f.end_line, f.line, 1),
        "endColumn": max(f.end_column, f.column, 1),
    }
    out: dict[str, Any] = {
        "ruleId": f.code,
        "level": _LEVEL[f.severity.label],
        "message": {"text": f.message(lang)},
        "locations": [{"physicalLocation": {"artifactLocation": artifact_location(path), "region": region}}],
    }
    if f.code in index:
        out["ruleIndex"] = index[f.code]
    return out


def render(results: list[Any], *, lang: str = "vi", **_: Any) -> str:
    from .. import __version__
    from ..runner import rule_registry

    registry = rule_registry()
    rules = [rule_descriptor(cls, lang) for cls in registry.values()]
    index = {code: i for i, code in enumerate(registry)}
    notifications = [
        {
            "level": "error",
            "message": {"text": r.error.message(lang)},
            "locations": [{"physicalLocation": {"artifactLocation": artifact_location(r.path)}}],
        }
        for r in results
        if r.error is not None
    ]
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "notice-lint",
                "version": __version__,
                "semanticVersion": __version__,
                "rules": rules,
            }
        },
        "originalUriBaseIds": {"%SRCROOT%": {"uri": Path.cwd().as_uri() + "/"}},
        "invocations": [
            {"executionSuccessful": not notifications, "toolExecutionNotifications": notifications}
        ],
        "results": [result(r.path, f, lang, index) for r in results for f in r.findings],
        "columnKind": "unicodeCodePoints",
    }
    log = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"
