"""Write a copy of a ``.docx`` with every finding as a Word comment.

A comment is anchored on the text a finding points at (the runs are split at
its ends), or on the whole paragraph when the finding marks a place where
something is missing.  The comments part, its relationship and its content
type are added (or an existing comments part is extended); every other part
is copied unchanged.
"""

from __future__ import annotations

import datetime as _dt
import posixpath

from lxml import etree

from ..document.docx import PPR, R, T, W, W_NS
from ..document.model import nfc_with_map
from ..rule import Finding
from .docx import AUTHOR
from .ooxml import XML_SPACE, Package, ParagraphRuns, parse_xml, serialize

__all__ = ["annotate_docx"]

RELS = "word/_rels/document.xml.rels"
CT = "[Content_Types].xml"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
COMMENTS_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
COMMENTS_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"


def annotate_docx(data: bytes, findings: list[Finding], lang: str = "vi", *, date: str | None = None) -> bytes:
    """The bytes of ``data`` with ``findings`` as comments by ``notice-lint``."""
    if not findings:
        return data  # nothing to say: the copy is the document as it is
    pkg = Package(data)
    date = date or _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    name, comments = _comments_part(pkg)
    next_id = max(pkg.next_id(comments), _max_comment_ref(pkg) + 1)
    placed = [f for f in findings if (p := pkg.paragraph(f.paragraph)) is not None and p.source is not None]
    ids = {id(f): next_id + k for k, f in enumerate(placed)}  # comments numbered in reading order
    for f in placed:
        _comment(comments, ids[id(f)], f"{f.code}: {f.message(lang)}", date)
    # anchor from the end of each paragraph backwards so offsets stay valid
    for f in sorted(placed, key=lambda f: (f.paragraph, f.start, f.end), reverse=True):
        _anchor(pkg.paragraph(f.paragraph), f, ids[id(f)])
    pkg.set_part(name, serialize(comments, pkg.parts.get(name)))
    return pkg.to_bytes()


def _max_comment_ref(pkg: Package) -> int:
    best = -1
    for el in pkg.root.iter(W + "commentRangeStart", W + "commentReference"):
        v = el.get(W + "id")
        if v and v.isdigit():
            best = max(best, int(v))
    return best


def _comments_part(pkg: Package) -> tuple[str, etree._Element]:
    """The comments part (name, root), created and registered when missing."""
    rels_blob = pkg.parts.get(RELS)
    rels = parse_xml(rels_blob, RELS) if rels_blob else etree.Element("{%s}Relationships" % PKG_REL, nsmap={None: PKG_REL})
    for rel in rels:
        if rel.get("Type") == COMMENTS_TYPE and rel.get("TargetMode") != "External":
            target = posixpath.normpath(posixpath.join("word", rel.get("Target", "")))
            if rel.get("Target", "").startswith("/"):
                target = rel.get("Target").lstrip("/")
            if target in pkg.parts:
                return target, parse_xml(pkg.parts[target], target)
    name = "word/comments.xml"
    n = 1
    while name in pkg.parts:
        n += 1
        name = f"word/comments{n}.xml"
    ids = {rel.get("Id") for rel in rels}
    k = len(ids) + 1
    while f"rId{k}" in ids:
        k += 1
    rel = etree.SubElement(rels, "{%s}Relationship" % PKG_REL)
    rel.set("Id", f"rId{k}")
    rel.set("Type", COMMENTS_TYPE)
    rel.set("Target", posixpath.basename(name))
    pkg.set_part(RELS, serialize(rels, rels_blob))
    ct = parse_xml(pkg.parts[CT], CT)
    over = etree.SubElement(ct, "{%s}Override" % CT_NS)
    over.set("PartName", "/" + name)
    over.set("ContentType", COMMENTS_CT)
    pkg.set_part(CT, serialize(ct, pkg.parts[CT]))
    return name, etree.Element(W + "comments", nsmap={"w": W_NS})


def _comment(comments: etree._Element, cid: int, text: str, date: str) -> None:
    c = etree.SubElement(comments, W + "comment")
    c.set(W + "id", str(cid))
    c.set(W + "author", AUTHOR)
    c.set(W + "date", date)
    c.set(W + "initials", "NL")
    p = etree.SubElement(c, W + "p")
    r = etree.SubElement(p, R)
    etree.SubElement(r, W + "annotationRef")
    r = etree.SubElement(p, R)
    t = etree.SubElement(r, T)
    t.text = _xml_safe(text)
    t.set(XML_SPACE, "preserve")


def _xml_safe(text: str) -> str:
    return "".join(ch for ch in text if ch in "\t\n\r" or ord(ch) >= 0x20)


def _anchor(para, f: Finding, cid: int) -> None:
    p = para.source
    runs = ParagraphRuns(p)
    first = last = None
    if f.end > f.start and runs.raw == para.raw:
        _, nmap = nfc_with_map(runs.raw)
        cols = list(range(len(para.text))) if nmap is None else nmap

        def raw_at(k: int) -> int:
            return cols[k] if k < len(para.text) else len(runs.raw)

        a, b = raw_at(f.start), raw_at(f.end)
        runs.split_at(b)
        runs.split_at(a)
        covered = runs.covering(a, b)
        if covered:
            first, last = _top(p, covered[0]), _top(p, covered[-1])
    start = etree.Element(W + "commentRangeStart")
    end = etree.Element(W + "commentRangeEnd")
    for el in (start, end):
        el.set(W + "id", str(cid))
    ref = etree.Element(R)
    etree.SubElement(ref, W + "commentReference").set(W + "id", str(cid))
    if first is None:  # the whole paragraph
        ppr = p.find(PPR)
        if ppr is not None:
            ppr.addnext(start)
        else:
            p.insert(0, start)
        p.append(end)
        p.append(ref)
    else:
        first.addprevious(start)
        last.addnext(end)
        end.addnext(ref)


def _top(p: etree._Element, el: etree._Element) -> etree._Element:
    """The child of ``p`` that holds ``el`` (a run in a hyperlink: the hyperlink)."""
    while el.getparent() is not None and el.getparent() is not p:
        el = el.getparent()
    return el
