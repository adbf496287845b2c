"""A ``.docx`` package opened for writing: parts, the body's paragraphs, runs.

Only the parts that change are serialised again; every other part is written
back with exactly the bytes it had (and its zip entry's name, date, order and
compression method).  ``word/document.xml`` is parsed keeping XML comments
and processing instructions, and paragraphs are numbered by the very walk the
reader uses, so an edit's paragraph index means the same paragraph.
"""

from __future__ import annotations

import copy
import io
import zipfile
from dataclasses import dataclass

from lxml import etree

from ..document.docx import (
    BR,
    CR,
    NOBREAKHYPHEN,
    R,
    RPR,
    SOFTHYPHEN,
    TAB,
    T,
    W,
    _SPECIAL_TAGS,
    _BodyReader,
    _piece,
)
from ..document.package import open_package, read_part, safe_xml
from ..document.model import Paragraph
from ..errors import InputError

__all__ = ["Package", "RunSeg", "ParagraphRuns", "XML_SPACE", "new_run"]

XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
DOCUMENT = "word/document.xml"

#: run children a replaced run may hold (anything else: an image, a field, a note reference)
PLAIN_CHILDREN = {RPR, T, TAB, BR, CR, NOBREAKHYPHEN, SOFTHYPHEN, W + "lastRenderedPageBreak"}


def parse_xml(blob: bytes, name: str) -> etree._Element:
    """A part to change and write back: the readers' DTD and entity refusal, every comment kept."""
    return safe_xml(blob, name, keep=True)


def serialize(root: etree._Element, original: bytes | None = None) -> bytes:
    """The part's XML with the declaration Word writes."""
    standalone = original is None or b"standalone" in original[:200]
    decl = '<?xml version="1.0" encoding="UTF-8"%s?>\r\n' % (' standalone="yes"' if standalone else "")
    return decl.encode() + etree.tostring(root, encoding="UTF-8")


class Package:
    """The parts of a .docx, the parsed body and its paragraphs."""

    def __init__(self, data: bytes) -> None:
        zf = open_package(data)
        self.infos = zf.infolist()
        self.parts: dict[str, bytes] = {}
        for info in self.infos:
            if not info.is_dir():
                self.parts[info.filename] = read_part(zf, info.filename) or b""
        if DOCUMENT not in self.parts:
            raise InputError("tệp .docx thiếu phần 'word/document.xml'", "the .docx has no 'word/document.xml' part")
        self.root = parse_xml(self.parts[DOCUMENT], DOCUMENT)
        body = self.root.find(W + "body")
        if body is None:
            raise InputError("tệp .docx không có phần thân văn bản", "the .docx has no document body")
        reader = _BodyReader(None)
        reader.walk(body, None, 0)
        self.paragraphs: list[Paragraph] = reader.paragraphs
        self.replaced: dict[str, bytes] = {}

    def paragraph(self, index: int) -> Paragraph | None:
        if 1 <= index <= len(self.paragraphs):
            return self.paragraphs[index - 1]
        return None

    def next_id(self, root: etree._Element | None = None) -> int:
        """A w:id larger than any in ``root`` (revision ids share one space)."""
        best = -1
        for el in (root if root is not None else self.root).iter():
            v = el.get(W + "id") if isinstance(el.tag, str) else None
            if v is not None and v.lstrip("-").isdigit():
                best = max(best, int(v))
        return best + 1

    def set_part(self, name: str, blob: bytes) -> None:
        self.replaced[name] = blob

    def to_bytes(self) -> bytes:
        self.replaced[DOCUMENT] = serialize(self.root, self.parts[DOCUMENT])
        out = io.BytesIO()
        written: set[str] = set()
        with zipfile.ZipFile(out, "w") as zout:
            for info in self.infos:
                name = info.filename
                blob = self.replaced.get(name, self.parts.get(name, b""))
                zout.writestr(_copy_info(info), blob)
                written.add(name)
            for name, blob in self.replaced.items():
                if name not in written:
                    info = zipfile.ZipInfo(name, date_time=self.infos[0].date_time if self.infos else (1980, 1, 1, 0, 0, 0))
                    info.compress_type = zipfile.ZIP_DEFLATED
                    zout.writestr(info, blob)
        return out.getvalue()


def _copy_info(info: zipfile.ZipInfo) -> zipfile.ZipInfo:
    new = zipfile.ZipInfo(info.filename, date_time=info.date_time)
    new.compress_type = info.compress_type
    new.external_attr = info.external_attr
    new.internal_attr = info.internal_attr
    new.create_system = info.create_system
    new.comment = info.comment
    return new


# -- runs of one paragraph ------------------------------------------------


@dataclass
class RunSeg:
    run: etree._Element
    start: int  # offsets into the paragraph's raw text
    end: int


def run_text(run: etree._Element) -> str:
    """The run's text as the reader reads it (the same ``_piece`` per child), so offsets agree."""
    return "".join(_piece(child) or "" for child in run)


def _text_runs(p: etree._Element) -> list[etree._Element]:
    special = any(True for _ in p.iter(*_SPECIAL_TAGS))
    return list(_BodyReader(None)._runs_special(p, []) if special else p.iter(R))  # noqa: SLF001


class ParagraphRuns:
    """The text runs of a w:p with their raw offsets; runs can be split."""

    def __init__(self, p: etree._Element) -> None:
        self.p = p
        self.refresh()

    def refresh(self) -> None:
        self.segs: list[RunSeg] = []
        pos = 0
        for r in _text_runs(self.p):
            n = len(run_text(r))
            if n:
                self.segs.append(RunSeg(r, pos, pos + n))
                pos += n
        self.raw = "".join(run_text(s.run) for s in self.segs)

    def split_at(self, offset: int) -> None:
        """Make ``offset`` a run boundary (no-op when it is one already)."""
        for seg in self.segs:
            if seg.start < offset < seg.end:
                _split_run(seg.run, offset - seg.start)
                self.refresh()
                return

    def covering(self, a: int, b: int) -> list[etree._Element]:
        """Runs inside ``[a, b)`` once it has been split at both ends."""
        return [s.run for s in self.segs if s.start >= a and s.end <= b and s.end > s.start]

    def run_ending_at(self, offset: int) -> etree._Element | None:
        for s in self.segs:
            if s.end == offset:
                return s.run
        return None

    def run_starting_at(self, offset: int) -> etree._Element | None:
        for s in self.segs:
            if s.start == offset:
                return s.run
        return None


def _split_run(run: etree._Element, k: int) -> None:
    """Split ``run`` after ``k`` characters: a new run holds the first part."""
    left = etree.Element(run.tag, attrib=dict(run.attrib), nsmap=None)
    rpr = run.find(RPR)
    if rpr is not None:
        left.append(copy.deepcopy(rpr))
    pos = 0
    for child in list(run):
        if child.tag == RPR:
            continue
        if pos >= k:
            break
        n = len(_piece(child) or "")
        if pos + n <= k:
            left.append(child)  # moves it
            pos += n
            continue
        # a w:t straddling the split point
        cut = k - pos
        head = etree.SubElement(left, T)
        head.text = child.text[:cut]
        head.set(XML_SPACE, "preserve")
        child.text = child.text[cut:]
        child.set(XML_SPACE, "preserve")
        pos = k
    left.tail = None
    run.addprevious(left)


def new_run(template: etree._Element | None, text: str) -> etree._Element:
    """A run holding ``text`` (tabs and line breaks as elements) formatted like ``template``."""
    run = etree.Element(R)
    if template is not None:
        rpr = template.find(RPR)
        if rpr is not None:
            run.append(copy.deepcopy(rpr))
    buf = ""
    for ch in text + "\x00":
        if ch in "\t\n\u00ad\x00":
            if buf:
                t = etree.SubElement(run, T)
                t.text = buf
                if buf != buf.strip() or "  " in buf:
                    t.set(XML_SPACE, "preserve")
                buf = ""
            if ch == "\t":
                etree.SubElement(run, TAB)
            elif ch == "\n":
                etree.SubElement(run, BR)
            elif ch == "\u00ad":
                etree.SubElement(run, SOFTHYPHEN)
        else:
            buf += ch
    return run
