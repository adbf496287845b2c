"""Word comments of a ``.docx``: their text and the paragraphs they are anchored on.

``word/comments.xml`` holds the comments (``w:comment w:id``); the body marks
the commented text with ``w:commentRangeStart`` / ``w:commentRangeEnd`` (and
a ``w:commentReference`` run).  Each comment becomes a dict::

    {"id": "3", "author": "…", "text": "notice-lint-disable NL201", "start": 12, "end": 14}

where ``start``/``end`` are the 1-based indexes of the first and last
paragraph of the commented range (the paragraph of the reference when the
range marks are missing; None when the comment is anchored nowhere).
"""

from __future__ import annotations

import zipfile
from typing import Any, Callable

from lxml import etree

from .model import Paragraph

__all__ = ["read_comments"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_P, _T, _ID = _W + "p", _W + "t", _W + "id"
_START, _END, _REF = _W + "commentRangeStart", _W + "commentRangeEnd", _W + "commentReference"


def read_comments(
    zf: zipfile.ZipFile,
    body: etree._Element,
    paragraphs: list[Paragraph],
    read_part: Callable[..., bytes | None],
    safe_xml: Callable[[bytes, str], etree._Element],
) -> list[dict[str, Any]]:
    from ..errors import InputError

    try:
        blob = read_part(zf, "word/comments.xml")
        if not blob:
            return []
        root = safe_xml(blob, "word/comments.xml")
    except InputError:
        return []  # damaged comments cost the suppressions, never the document
    comments: dict[str, dict[str, Any]] = {}
    for c in root.iter(_W + "comment"):
        cid = c.get(_ID)
        if cid is None:
            continue
        lines = ["".join(t.text or "" for t in p.iter(_T)) for p in c.iter(_P)]
        comments[cid] = {
            "id": cid,
            "author": c.get(_W + "author") or "",
            "text": "\n".join(lines).strip(),
            "start": None,
            "end": None,
        }
    if comments:
        _anchor(comments, body, paragraphs)
    return list(comments.values())


def _anchor(comments: dict[str, dict[str, Any]], body: etree._Element, paragraphs: list[Paragraph]) -> None:
    index = {p.source: p.index for p in paragraphs if p.source is not None}
    current: int | None = None
    pending: list[str] = []  # range starts met between paragraphs: they open on the next one
    for el in body.iter(_P, _START, _END, _REF):
        if el.tag == _P:
            found = index.get(el)
            if found is not None:
                current = found
                for cid in pending:
                    comments[cid]["start"] = current
                pending.clear()
            continue
        c = comments.get(el.get(_ID) or "")
        if c is None:
            continue
        if el.tag == _START:
            if _inside_paragraph(el) and current is not None:
                c["start"] = current
            else:
                pending.append(c["id"])
        elif el.tag == _END:
            c["end"] = current
        elif c["start"] is None:  # a reference without range marks: its own paragraph
            c["start"] = c["end"] = current
    for c in comments.values():
        if c["start"] is not None and (c["end"] is None or c["end"] < c["start"]):
            c["end"] = c["start"]


def _inside_paragraph(el: etree._Element) -> bool:
    parent = el.getparent()
    while parent is not None:
        if parent.tag == _P:
            return True
        parent = parent.getparent()
    return False
