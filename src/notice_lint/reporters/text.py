"""``--format text``: ``path:line:col: CODE message`` then a summary line."""

from __future__ import annotations

from collections import Counter
from typing import Any, Iterator

_SEVERITY_COLOR = {"error": "red", "warning": "yellow", "info": "blue"}
_SEVERITY_VI = {"error": "lỗi", "warning": "cảnh báo", "info": "thông tin"}


def severity_word(label: str, lang: str) -> str:
    """The severity as the reader says it: ``lỗi``/``cảnh báo``/``thông tin`` (English: the label)."""
    return label if lang == "en" else _SEVERITY_VI.get(label, label)


#: characters that reorder text on a terminal (bidi embeddings, overrides, isolates, marks)
_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def shown(ch: str) -> str:
    """How a character of the document is printed: a control or bidi character as an escape
    (``\\x1b``, ``\\u202e``), so the document can neither drive the terminal nor reorder the line."""
    o = ord(ch)
    if ch == "\t":
        return ch
    if o < 0x20 or 0x7F <= o < 0xA0:
        return f"\\x{o:02x}"
    if ch in _BIDI or o in (0x2028, 0x2029):
        return f"\\u{o:04x}"
    return ch


def escaped(text: str) -> str:
    if text.isprintable():  # the usual line: nothing to escape
        return text
    return "".join(map(shown, text))


def line_for(path: str, f: Any, lang: str, color: bool) -> str:
    import click

    loc = f"{path}:{f.line}:{f.column}:"
    label = f.severity.label
    code = f"{f.code} {severity_word(label, lang)}:"
    if color:
        loc = click.style(loc, bold=True)
        code = click.style(code, fg=_SEVERITY_COLOR.get(label, None), bold=True)
    fixable = " [*]" if f.fix is not None and f.fix.safe else ""
    return f"{loc} {code} {escaped(f.message(lang))}{fixable}"


def summary(results: list[Any], lang: str) -> str:
    counts = Counter(f.severity.label for r in results for f in r.findings)
    from ..errors import ConfigError

    files = len([r for r in results if r.error is None])
    # a bad configuration is no unreadable document: its files are counted apart
    unconfigured = len([r for r in results if isinstance(r.error, ConfigError)])
    bad = len([r for r in results if r.error is not None]) - unconfigured
    total = sum(counts.values())
    fixable = sum(1 for r in results for f in r.findings if f.fix is not None and f.fix.safe)
    if lang == "en":
        if total == 0:
            s = f"No problems found in {files} file(s)."
        else:
            s = (
                f"Found {total} problem(s) in {files} file(s): {counts['error']} error(s), "
                f"{counts['warning']} warning(s), {counts['info']} info"
            )
            s += f"; {fixable} fixable with --fix." if fixable else "."
        if bad:
            s += f" {bad} file(s) could not be read."
        if unconfigured:
            s += f" {unconfigured} file(s) not checked: their configuration has an error."
        return s
    # every finding is a "vấn đề"; "lỗi" is only the error severity, so the fixable count is of "vấn đề"
    if total == 0:
        s = f"Không phát hiện vấn đề nào trong {files} tệp."
    else:
        s = (
            f"Phát hiện {total} vấn đề trong {files} tệp: {counts['error']} lỗi, "
            f"{counts['warning']} cảnh báo, {counts['info']} thông tin"
        )
        s += f"; có thể tự sửa {fixable} vấn đề với --fix." if fixable else "."
    if bad:
        s += f" {bad} tệp không đọc được."
    if unconfigured:
        s += f" {unconfigured} tệp chưa kiểm tra vì tệp cấu hình có lỗi."
    return s


def source_lines(path: str) -> dict[int, str]:
    """Line (paragraph of a .docx) -> the text columns count in; empty when unreadable."""
    from ..document import read_document
    from ..errors import InputError

    try:
        doc = read_document(path)
    except (InputError, RecursionError, MemoryError):
        return {}
    if doc.kind == "docx":
        return {p.index: p.text for p in doc.paragraphs}
    from ..document.text import _LINE_SPLIT  # text files: the physical lines, as columns count them

    return dict(enumerate(_LINE_SPLIT.split(doc.source), start=1))


def excerpt(text: str, f: Any) -> list[str]:
    """The line and a caret under the finding's span."""
    text = text.replace("\n", " ").replace("\r", " ")
    start = max(f.column - 1, 0)
    end = start + max((f.end_column - f.column) if f.end_line == f.line else len(text) - start, 1)
    # control and bidi characters printed as escapes; the caret follows their printed width
    cells = [shown(ch) for ch in text]
    pad = "".join(c if c == "\t" else " " * len(c) for c in cells[:start])
    width = max(sum(len(c) for c in cells[start:end]) + max(end - max(len(text), start), 0), 1)
    gutter = f"{f.line:>5} | "
    return [gutter + "".join(cells).rstrip(), " " * (len(gutter) - 2) + "| " + pad + "^" * width]


def render(
    results: list[Any], *, lang: str = "vi", color: bool = False, quiet: bool = False, show_source: bool = False,
    **_: Any,
) -> str:
    return "".join(iter_render(results, lang=lang, color=color, quiet=quiet, show_source=show_source))


#: findings a chunk of :func:`iter_render` holds
CHUNK = 2000


def iter_render(
    results: list[Any], *, lang: str = "vi", color: bool = False, quiet: bool = False, show_source: bool = False,
    **_: Any,
) -> Iterator[str]:
    """:func:`render`'s text in chunks of lines (each line with its line break), for a
    caller that writes as it goes: 150,000 findings never stand as one string."""
    lines: list[str] = []
    for r in results:
        sources = source_lines(r.path) if show_source and r.findings else {}
        for f in r.findings:
            lines.append(line_for(r.path, f, lang, color))
            if f.line in sources:
                lines.extend(excerpt(sources[f.line], f))
            if len(lines) >= CHUNK:
                lines.append("")
                yield "\n".join(lines)
                lines.clear()
    if not quiet:
        lines.append(summary(results, lang))
    if lines:
        lines.append("")
        yield "\n".join(lines)


def statistics(results: list[Any], lang: str = "vi") -> str:
    counts: Counter[tuple[str, str]] = Counter((f.code, f.name) for r in results for f in r.findings)
    rows = [f"{n:5d}\t{code}\t{name}" for (code, name), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
    return "\n".join(rows) + ("\n" if rows else "")
