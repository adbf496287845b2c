"""``--format html``: one self-contained page a clerk opens in a browser.

Per document: its paragraphs in order, numbered as the other formats number
them (the paragraph of a ``.docx``, the line of a text file), each finding
highlighted on the exact text it is about, in its severity's colour, with the
message on hover; beside them the list of findings with the fix shown as
~~old~~ → new.  Check boxes at the top show or hide each rule family
(NL1 structure, NL2 language, NL3 typography, NL4 formatting); they are plain
CSS, so the page needs no script, no network and no other file.

The findings do not carry the document's text: the reporter reads each
document again (as ``--show-source`` does), so results the cache answered
are shown the same way.  The highlights are placed by the findings'
paragraph and offsets into the paragraph's text, the text the rules saw.

Everything taken from a document or a path is escaped; control characters
and bidirectional marks (which could reorder what the page shows) are shown
as visible ``U+202E`` tokens instead of being written as they are.
"""

from __future__ import annotations

import html
import unicodedata
from typing import Any, Iterable

from .text import severity_word

__all__ = ["render", "FAMILIES", "SEVERITY_COLORS", "visible"]

#: rule family (code prefix) -> (Vietnamese, English) name
FAMILIES: dict[str, tuple[str, str]] = {
    "NL0": ("Chú thích tắt", "Suppressions"),
    "NL1": ("Cấu trúc", "Structure"),
    "NL2": ("Ngôn ngữ", "Language"),
    "NL3": ("Dấu cách", "Typography"),
    "NL4": ("Định dạng", "Formatting"),
}
#: the background of a highlight by severity (a test looks for these pixels)
SEVERITY_COLORS = {"error": "#ffa8a8", "warning": "#ffe066", "info": "#a5d8ff"}
_SEVERITY_EDGE = {"error": "#c92a2a", "warning": "#e67700", "info": "#1864ab"}

#: characters never written as they are: bidi controls and marks, and the like
_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _hidden(ch: str) -> bool:
    if ch in _BIDI:
        return True
    if ch == "\t":
        return False
    cat = unicodedata.category(ch)
    return cat in ("Cc", "Cs", "Co", "Zl", "Zp") or (cat == "Cf" and ch not in "\u00ad\u200b\u200c\u200d\u2060\ufeff")


def visible(text: str) -> str:
    """``text`` escaped for HTML, control and bidi characters shown as ``U+XXXX`` tokens."""
    if text.isprintable() and not any(ch in _BIDI for ch in text):
        return html.escape(text, quote=True)
    out = []
    for ch in text:
        if _hidden(ch):
            out.append(f'<span class="ctl">U+{ord(ch):04X}</span>')
        else:
            out.append(html.escape(ch, quote=True))
    return "".join(out)


def _attr(text: str) -> str:
    """An attribute value: escaped, control and bidi characters as ``U+XXXX`` text."""
    return html.escape("".join(f"U+{ord(ch):04X}" if _hidden(ch) else ch for ch in text), quote=True)


def _family(code: str) -> str:
    return code[:3] if code[:3] in FAMILIES else "NLx"


def _t(lang: str, vi: str, en: str) -> str:
    return en if lang == "en" else vi


def _shown_space(text: str) -> str:
    return visible(text).replace(" ", "␣")


def fix_html(f: Any, paragraphs: dict[int, str], lang: str) -> str:
    """The fix as ~~old~~ → new (one per edit)."""
    if f.fix is None:
        return ""
    parts = []
    for e in f.fix.edits:
        if not hasattr(e, "replacement"):  # a formatting edit: what it changes, in words
            note = visible(e.note(lang)) or _t(lang, "định dạng", "formatting")
            if note not in parts:  # a fix of the whole body says it once
                parts.append(note)
            continue
        text = paragraphs.get(e.paragraph, "")
        old = text[e.start:e.end] if e.start <= e.end <= len(text) else ""
        if old:
            part = f"<del>{_shown_space(old)}</del> → "
        else:
            part = _t(lang, "chèn ", "insert ")
        part += f"<ins>{_shown_space(e.replacement)}</ins>" if e.replacement else _t(lang, "(xoá)", "(delete)")
        parts.append(part)
    label = _t(lang, "Sửa", "Fix") if f.fix.safe else _t(lang, "Có thể sửa", "Possible fix")
    return f'<div class="fix">{label}: {"; ".join(parts)}</div>'


def _title(f: Any, lang: str) -> str:
    return f"{f.code} {severity_word(f.severity.label, lang)}: {f.message(lang)}"


def paragraph_html(text: str, findings: list[tuple[int, Any]], lang: str) -> str:
    """``text`` with each finding's span wrapped in a ``<mark>`` (nested where spans overlap)."""
    if not findings:
        return visible(text)
    n = len(text)
    points: list[tuple[int, int, Any]] = []  # zero-width findings: a marker at the offset
    spans: list[tuple[int, int, int, Any]] = []
    for k, f in findings:
        start = max(0, min(f.start, n))
        end = max(start, min(f.end, n))
        if end > start:
            spans.append((start, end, k, f))
        else:
            points.append((start, k, f))
    starts: dict[int, list[tuple[int, int, Any]]] = {}
    for s, e, k, f in spans:
        starts.setdefault(s, []).append((e, k, f))
    at: dict[int, list[tuple[int, Any]]] = {}
    for p, k, f in points:
        at.setdefault(p, []).append((k, f))
    cuts = sorted({0, n, *starts, *(e for _, e, _, _ in spans), *at})
    # one sweep: the spans open at each cut (outermost first), so a paragraph with many findings stays linear
    active: list[tuple[int, int, Any]] = []
    out = []
    for a, b in zip(cuts, cuts[1:] + [n]):
        for k, f in at.get(a, ()):
            out.append(_mark(k, f, lang, "", point=True))
        if active and active[-1][0] <= a:  # sorted by end, latest first: the ended ones are at the back
            active = [x for x in active if x[0] > a]
        if a in starts:
            active.extend(starts[a])
            active.sort(key=lambda x: (-x[0], x[1]))  # the longest-lasting outermost
        if b <= a:
            continue
        segment = visible(text[a:b])
        for _, k, f in reversed(active):
            segment = _mark(k, f, lang, segment)
        out.append(segment)
    return "".join(out)


def _mark(k: int, f: Any, lang: str, inner: str, point: bool = False) -> str:
    cls = f"sev-{f.severity.label} fam-{_family(f.code)}" + (" pt" if point else "")
    return f'<mark class="{cls}" data-f="{k}" title="{_attr(_title(f, lang))}">{inner}</mark>'


def _read(path: str) -> tuple[list[Any], str | None]:
    """The document's paragraphs, or the reason it cannot be shown."""
    from ..document import read_document
    from ..errors import InputError

    try:
        return list(read_document(path).paragraphs), None
    except InputError as exc:
        return [], exc.en
    except (RecursionError, MemoryError, OSError) as exc:
        return [], type(exc).__name__


def document_html(number: int, result: Any, lang: str) -> str:
    path = result.path
    head = f'<h2 id="d{number}"><span class="path" dir="ltr">{visible(path)}</span>'
    if result.error is not None:
        return head + f'</h2><p class="error">{visible(result.error.message(lang))}</p>'
    findings = list(result.findings)
    counts = {s: sum(1 for f in findings if f.severity.label == s) for s in ("error", "warning", "info")}
    head += " " + " ".join(
        f'<span class="count sev-{s}">{counts[s]} {severity_word(s, lang)}</span>' for s in counts
    ) + "</h2>"
    if not findings:
        return head + f'<p class="clean">{_t(lang, "Không phát hiện vấn đề nào.", "No problems found.")}</p>'
    paragraphs, problem = _read(path)
    texts = {i: p.text for i, p in enumerate(paragraphs, start=1)}
    by_paragraph: dict[int, list[tuple[int, Any]]] = {}
    for k, f in enumerate(findings, start=1):
        by_paragraph.setdefault(f.paragraph, []).append((k, f))
    rows = []
    if problem is not None:
        rows.append(f'<p class="error">{_t(lang, "Không đọc lại được văn bản", "Cannot read the document again")}: '
                    f"{visible(problem)}</p>")
    for i, p in enumerate(paragraphs, start=1):
        marks = by_paragraph.get(i, [])
        if not p.text.strip() and not marks:
            continue
        fams = " ".join(sorted({f"has-{_family(f.code)}" for _, f in marks}))
        label = f'<span class="label">{visible(p.label)}</span> ' if getattr(p, "label", None) else ""
        rows.append(
            f'<div class="para {fams}" id="d{number}-p{i}"><span class="no">{p.line}</span>'
            f'<span class="text" dir="ltr">{label}{paragraph_html(p.text, marks, lang)}</span></div>'
        )
    items = []
    # a .docx counts paragraphs, a text file lines (as the other formats' line numbers do)
    unit = _t(lang, "đoạn", "par.") if path.lower().endswith(".docx") else _t(lang, "dòng", "line")
    for k, f in enumerate(findings, start=1):
        sev = f.severity.label
        items.append(
            f'<li class="finding sev-{sev} fam-{_family(f.code)}" id="d{number}-f{k}">'
            f'<a href="#d{number}-p{f.paragraph}" class="where">{unit} {f.line}:{f.column}</a> '
            f'<span class="code">{visible(f.code)}</span> <span class="sev">{severity_word(sev, lang)}</span>'
            f'<div class="msg">{visible(f.message(lang))}</div>{fix_html(f, texts, lang)}</li>'
        )
    return (
        head + '<div class="doc"><div class="paras">' + "\n".join(rows) + '</div><ol class="findings">'
        + "\n".join(items) + "</ol></div>"
    )


_CSS = """
body{font-family:"Times New Roman",serif;margin:0;padding:0 1rem 2rem;background:#fafafa;color:#212529}
header{position:sticky;top:0;background:#fff;border-bottom:1px solid #ccc;padding:.5rem 0;z-index:2;
 font-family:system-ui,sans-serif;font-size:14px}
header h1{font-size:18px;margin:0 0 .3rem}
.filters label{margin-right:1rem;cursor:pointer}
h2{font-size:16px;font-family:system-ui,sans-serif;margin:1.5rem 0 .5rem;word-break:break-all}
.count{font-size:12px;font-weight:normal;padding:0 .4em;border-radius:3px;margin-left:.3em}
.doc{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:1rem;align-items:start}
.paras{background:#fff;border:1px solid #ddd;padding:.5rem;font-size:16px;line-height:1.7}
.para{display:flex;gap:.6rem;unicode-bidi:isolate}
.para .no{color:#868e96;min-width:2.5em;text-align:right;font-family:monospace;font-size:12px;padding-top:.3em;
 user-select:none}
.para .text{unicode-bidi:isolate;white-space:pre-wrap;overflow-wrap:anywhere}
.label{color:#868e96}
mark{border-bottom:2px solid;padding:1px 0;color:inherit;unicode-bidi:isolate}
mark.pt{display:inline-block;min-width:.6em;height:1em;vertical-align:middle}
mark.pt::before{content:"\\2038";font-size:12px}
.findings{font-family:system-ui,sans-serif;font-size:13px;margin:0;padding-left:2em;position:sticky;top:4rem;
 max-height:85vh;overflow:auto}
.finding{margin-bottom:.5rem;padding:.2rem .4rem;border-left:4px solid;background:#fff}
.finding .where{font-family:monospace;color:#495057}
.finding .code{font-weight:bold}
.fix{margin-top:.2rem}
del{background:#ffe3e3;text-decoration:line-through}
ins{background:#d3f9d8;text-decoration:none}
.ctl{font-family:monospace;font-size:11px;border:1px dashed #868e96;padding:0 2px;color:#495057}
.error{color:#c92a2a}
.clean{color:#2b8a3e}
"""


def _css() -> str:
    rules = [_CSS]
    for sev, color in SEVERITY_COLORS.items():
        edge = _SEVERITY_EDGE[sev]
        rules.append(f"mark.sev-{sev},.count.sev-{sev}{{background:{color};border-color:{edge}}}")
        rules.append(f".finding.sev-{sev}{{border-left-color:{edge}}}")
    for fam in FAMILIES:
        # an unchecked family: its marks lose their colour (a nested mark of another family keeps its own)
        rules.append(
            f"#show-{fam}:not(:checked)~main mark.fam-{fam}{{background:none;border-bottom:0}}"
            f"#show-{fam}:not(:checked)~main mark.pt.fam-{fam}{{display:none}}"
            f"#show-{fam}:not(:checked)~main li.fam-{fam}{{display:none}}"
        )
    return "\n".join(rules)


def _filters(lang: str, families: Iterable[str]) -> str:
    present = set(families)
    boxes = []
    labels = []
    for fam, (vi, en) in FAMILIES.items():
        if fam not in present:
            continue
        # the inputs precede <main> as its siblings, so plain CSS can hide what they uncheck
        boxes.append(f'<input type="checkbox" id="show-{fam}" checked hidden>')
        labels.append(
            f'<label for="show-{fam}" class="fam"><span class="box"></span>{fam}xx {_t(lang, vi, en)}</label>'
        )
    css = "".join(
        f'#show-{fam}:checked~header label[for="show-{fam}"] .box::before{{content:"\\2611 "}}'
        f'#show-{fam}:not(:checked)~header label[for="show-{fam}"] .box::before{{content:"\\2610 "}}'
        for fam in FAMILIES
    )
    return "".join(boxes), "".join(labels), css


def render(results: list[Any], *, lang: str = "vi", **_: Any) -> str:
    from .text import summary

    families = {_family(f.code) for r in results for f in r.findings}
    boxes, labels, filter_css = _filters(lang, families)
    title = _t(lang, "Báo cáo notice-lint", "notice-lint report")
    toc = "".join(
        f'<li><a href="#d{i}">{visible(r.path)}</a> ({len(r.findings)})</li>' for i, r in enumerate(results, start=1)
    )
    docs = "\n".join(document_html(i, r, lang) for i, r in enumerate(results, start=1))
    return (
        f'<!DOCTYPE html>\n<html lang="{"en" if lang == "en" else "vi"}"><head><meta charset="utf-8">'
        # nothing from the network, nothing from another file: no script at all, styles inline
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'">'
        f"<title>{title}</title><style>{_css()}{filter_css}</style></head><body>"
        f"{boxes}<header><h1>{title}</h1><div>{visible(summary(results, lang))}</div>"
        f'<div class="filters">{_t(lang, "Nhóm quy tắc", "Rule families")}: {labels}</div></header>'
        f'<main><ol class="toc">{toc}</ol>{docs}</main></body></html>\n'
    )
