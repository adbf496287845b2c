"""Rule documentation from each rule's docstring: ``--explain``, ``--list-rules``, docs/rules."""

from __future__ import annotations

from typing import Any

__all__ = ["explain_rule", "rule_table", "rule_markdown"]

_PROFILE_NAMES = {"nd30": "NĐ 30/2020 (state)", "hd36": "HD 36-HD/VPTW (Party)", "hd05": "HD 05-HD/VPTW (Party)",
                  "hd11": "HD 11-HD/VPTW (Party, before 03/4/2018)"}


def rule_markdown(cls: Any) -> str:
    """The rule's page: code, name, summary, severity, profiles, then its docstring."""
    lines = [f"# {cls.code} `{cls.name}`", ""]
    if cls.summary:
        lines += [cls.summary, ""]
    if cls.summary_vi:
        lines += [f"*{cls.summary_vi}*", ""]
    lines.append(f"- Severity: {cls.severity.label}")
    lines.append("- Profiles: " + ", ".join(_PROFILE_NAMES.get(p, p) for p in cls.profiles))
    lines.append(f"- Fix: {'yes' if cls.fixable else 'no'}")
    if cls.reference:
        lines.append(f"- Reference: {cls.reference}")
    lines.append("")
    doc = cls.doc()
    if doc:
        lines += [doc, ""]
    return "\n".join(lines)


def explain_rule(cls: Any) -> str:
    return rule_markdown(cls).rstrip() + "\n"


def rule_table(registry: dict[str, Any], lang: str = "vi") -> str:
    rows = []
    for code, cls in registry.items():
        summary = (cls.summary_vi if lang == "vi" and cls.summary_vi else cls.summary) or ""
        rows.append(f"{code}\t{cls.name:<28}\t{cls.severity.label:<8}\t{summary}")
    return "\n".join(rows)
