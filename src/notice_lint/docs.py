"""Rule documentation from each rule's docstring: ``--explain``, ``--list-rules``, docs/rules."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

__all__ = ["explain_rule", "rule_page", "rule_table", "rule_markdown", "rule_markdown_vi", "help_uri", "generate_docs", "DOCS_DIR"]

#: where the rule pages live in the repository (``python -m notice_lint.docs`` writes them)
DOCS_DIR = "docs/rules"

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


_PROFILE_NAMES_VI = {"nd30": "NĐ 30/2020 (nhà nước)", "hd36": "HD 36-HD/VPTW (Đảng)", "hd05": "HD 05-HD/VPTW (Đảng)",
                     "hd11": "HD 11-HD/VPTW (Đảng, trước 03/4/2018)"}
_SEVERITY_VI = {"error": "lỗi", "warning": "cảnh báo", "info": "thông tin"}


def rule_markdown_vi(cls: Any) -> str:
    """The rule's Vietnamese text: its Vietnamese summary and ``doc_vi``, with severity, profiles, fix."""
    lines = [f"# {cls.code} `{cls.name}`", ""]
    if cls.summary_vi:
        lines += [cls.summary_vi, ""]
    lines.append(f"- Mức: {_SEVERITY_VI.get(cls.severity.label, cls.severity.label)}")
    lines.append("- Áp dụng: " + ", ".join(_PROFILE_NAMES_VI.get(p, p) for p in cls.profiles))
    lines.append(f"- Tự sửa: {'có' if cls.fixable else 'không'}")
    if cls.reference:
        lines.append(f"- Căn cứ: {cls.reference}")
    lines.append("")
    doc_vi = getattr(cls, "doc_vi", "")
    if doc_vi:
        lines += [doc_vi, ""]
    return "\n".join(lines)


def rule_page(cls: Any, lang: str = "vi") -> str:
    """``--explain``: English alone with ``--lang en``; else the Vietnamese text, then the English page."""
    if lang == "en":
        return rule_markdown(cls).rstrip() + "\n"
    return rule_markdown_vi(cls).rstrip() + "\n\n---\n\n*English:*\n\n" + rule_markdown(cls).rstrip() + "\n"


def explain_rule(cls: Any, lang: str = "vi") -> str:
    return rule_page(cls, lang)


def rule_table(registry: dict[str, Any], lang: str = "vi") -> str:
    rows = []
    for code, cls in registry.items():
        summary = (cls.summary_vi if lang == "vi" and cls.summary_vi else cls.summary) or ""
        rows.append(f"{code}\t{cls.name:<28}\t{cls.severity.label:<8}\t{summary}")
    return "\n".join(rows)


def help_uri(code: str) -> str | None:
    """The absolute address of a rule's page: under the project's Documentation URL
    when the package declares one (``[project.urls] Documentation``, http or https);
    None otherwise (SARIF wants an absolute URI: the rule's ``help`` carries the page)."""
    base = _documentation_url()
    if not base or not base.lower().startswith(("https://", "http://")):
        return None
    return f"{base.rstrip('/')}/rules/{code}.md"


def _documentation_url() -> str | None:
    try:
        from importlib.metadata import PackageNotFoundError, metadata

        urls = metadata("notice-lint").get_all("Project-URL") or []
    except (ImportError, PackageNotFoundError):  # pragma: no cover - not installed
        return None
    for entry in urls:
        label, _, url = entry.partition(",")
        if label.strip().lower() == "documentation" and url.strip():
            return url.strip()
    return None


def rule_pages(registry: dict[str, Any]) -> dict[str, str]:
    """File name -> content of every rule page and of the index."""
    pages = {f"{code}.md": rule_page(cls, "vi") for code, cls in registry.items()}
    index = ["# Rules", "", "| code | name | severity | summary |", "| --- | --- | --- | --- |"]
    for code, cls in registry.items():
        index.append(f"| [{code}]({code}.md) | `{cls.name}` | {cls.severity.label} | {cls.summary} |")
    index += ["", "Generated from the rules' docstrings by `python -m notice_lint.docs`; do not edit by hand.", ""]
    pages["README.md"] = "\n".join(index)
    return pages


def generate_docs(out_dir: str | Path, registry: dict[str, Any] | None = None) -> list[Path]:
    """Write every rule page into ``out_dir``; remove pages of rules that no longer exist."""
    if registry is None:
        from .runner import rule_registry

        registry = rule_registry()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    pages = rule_pages(registry)
    for stale in out.glob("NL*.md"):
        if stale.name not in pages:
            stale.unlink()
    written = []
    for name, text in pages.items():
        path = out / name
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    """``python -m notice_lint.docs [DIR]``: regenerate the rule pages (default docs/rules)."""
    args = sys.argv[1:] if argv is None else argv
    out = Path(args[0]) if args else Path(DOCS_DIR)
    paths = generate_docs(out)
    print(f"notice-lint: wrote {len(paths)} page(s) to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
