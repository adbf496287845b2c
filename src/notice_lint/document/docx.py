"""Read a ``.docx`` with zipfile + lxml (python-docx is not on the read path).

Paragraphs come in document order: body paragraphs, table cells (nested
tables too), content controls, text boxes (once: the DrawingML choice, never
its VML fallback), with the text of runs, hyperlinks, smart tags, simple
fields and inserted tracked changes, but not deleted text.  Word's automatic
numbering is rendered into ``Paragraph.label``.
"""

from __future__ import annotations

import io
import zipfile
from typing import Any, Iterator

from lxml import etree

from ..errors import InputError
from .model import Cell, Document, PageSetup, Paragraph, RunProps, RunSpan, nfc_with_map
from .numbering import Numbering

__all__ = ["read_docx", "W_NS", "safe_xml", "open_package"]

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
W = "{%s}" % W_NS
MC = "{%s}" % MC_NS

P, R, T, TAB, BR, CR = W + "p", W + "r", W + "t", W + "tab", W + "br", W + "cr"
TBL, TR, TC, SDT, SDTCONTENT = W + "tbl", W + "tr", W + "tc", W + "sdt", W + "sdtContent"
DEL, MOVEFROM, INS = W + "del", W + "moveFrom", W + "ins"
TXBX = W + "txbxContent"
ALTERNATE, FALLBACK, CHOICE = MC + "AlternateContent", MC + "Fallback", MC + "Choice"
PPR, RPR, NUMPR = W + "pPr", W + "rPr", W + "numPr"
NOBREAKHYPHEN, SOFTHYPHEN, SYM = W + "noBreakHyphen", W + "softHyphen", W + "sym"
SECTPR = W + "sectPr"
VAL = W + "val"

# Limits against hostile packages.
MAX_MEMBERS = 5000
MAX_PART_BYTES = 256 * 1024 * 1024  # a part may inflate to this much
MAX_TOTAL_BYTES = 512 * 1024 * 1024
MAX_RATIO = 1000  # inflated / compressed, for parts over 1 MB

_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, huge_tree=True, remove_comments=True
)

_SPECIAL_TAGS = (DEL, MOVEFROM, TXBX, ALTERNATE, W + "pict", W + "object")


def _bad(vi: str, en: str) -> InputError:
    return InputError(vi, en)


def open_package(data: bytes) -> zipfile.ZipFile:
    """Open the zip, refusing what is not a Word package (with a clear reason)."""
    head = data[:8]
    if not data:
        raise _bad("tệp rỗng (0 byte)", "the file is empty (0 bytes)")
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise _bad(
            "tệp được đặt mật khẩu hoặc là tệp .doc cũ (OLE); hãy gỡ mật khẩu hoặc mở bằng Word và lưu lại dạng .docx",
            "password-protected or legacy .doc file (OLE); remove the password or save it as .docx in Word",
        )
    if head.startswith(b"{\\rtf"):
        raise _bad(
            "tệp thực chất là RTF, không phải .docx; hãy mở bằng Word và lưu lại dạng .docx",
            "the file is RTF, not .docx; open it in Word and save it as .docx",
        )
    low = data[:512].lstrip().lower()
    if low.startswith((b"<html", b"<!doctype html", b"<?xml", b"<meta", b"mime-version")):
        raise _bad(
            "tệp thực chất là HTML/XML, không phải .docx; hãy mở bằng Word và lưu lại dạng .docx",
            "the file is HTML/XML, not .docx; open it in Word and save it as .docx",
        )
    if not head.startswith(b"PK"):
        raise _bad("tệp không phải .docx (không phải tệp nén zip)", "not a .docx file (not a zip archive)")
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, OSError):
        raise _bad(
            "tệp .docx bị hỏng hoặc chưa lưu xong (không đọc được zip)",
            "the .docx is damaged or incomplete (unreadable zip)",
        ) from None
    if len(infos) > MAX_MEMBERS:
        raise _bad(
            f"tệp .docx có quá nhiều thành phần ({len(infos)}); có thể là tệp độc hại",
            f"the .docx has too many parts ({len(infos)}); it may be hostile",
        )
    total = sum(i.file_size for i in infos)
    if total > MAX_TOTAL_BYTES:
        raise _bad(
            "tệp .docx giải nén ra quá lớn (nghi là bom zip)",
            "the .docx inflates to too much data (suspected zip bomb)",
        )
    return zf


def read_part(zf: zipfile.ZipFile, name: str, required: bool = False) -> bytes | None:
    """Read one part with a bound on what it may inflate to."""
    try:
        info = zf.getinfo(name)
    except KeyError:
        if required:
            raise _bad(
                f"tệp .docx thiếu phần '{name}' (không phải văn bản Word hợp lệ)",
                f"the .docx has no '{name}' part (not a valid Word document)",
            ) from None
        return None
    if info.flag_bits & 0x1:
        raise _bad("tệp .docx được mã hoá", "the .docx is encrypted")
    if info.file_size > MAX_PART_BYTES or (
        info.file_size > 1_000_000 and info.compress_size and info.file_size / info.compress_size > MAX_RATIO
    ):
        raise _bad(
            f"phần '{name}' giải nén ra quá lớn (nghi là bom zip)",
            f"part '{name}' inflates to too much data (suspected zip bomb)",
        )
    try:
        with zf.open(info) as fh:
            out = fh.read(MAX_PART_BYTES + 1)
    except (zipfile.BadZipFile, EOFError, OSError, ValueError, NotImplementedError, RuntimeError):
        raise _bad(
            f"tệp .docx bị hỏng (không giải nén được '{name}')",
            f"the .docx is damaged (cannot inflate '{name}')",
        ) from None
    if len(out) > MAX_PART_BYTES:
        raise _bad(
            f"phần '{name}' giải nén ra quá lớn (nghi là bom zip)",
            f"part '{name}' inflates to too much data (suspected zip bomb)",
        )
    return out


def safe_xml(blob: bytes, name: str) -> etree._Element:
    """Parse XML with no DTD, no entities and no network."""
    if b"<!DOCTYPE" in blob[:4096] or b"<!ENTITY" in blob[:65536]:
        raise _bad(
            f"phần '{name}' chứa khai báo DOCTYPE/ENTITY (Word không tạo ra); tệp có thể độc hại",
            f"part '{name}' declares a DOCTYPE/ENTITY (Word never writes one); the file may be hostile",
        )
    try:
        return etree.fromstring(blob, _PARSER)
    except etree.XMLSyntaxError as exc:
        raise _bad(
            f"phần '{name}' có XML hỏng (dòng {exc.lineno})",
            f"part '{name}' has malformed XML (line {exc.lineno})",
        ) from None


def read_docx(path: str, data: bytes, *, formatting: bool = False) -> Document:
    zf = open_package(data)
    root = safe_xml(read_part(zf, "word/document.xml", required=True), "word/document.xml")  # type: ignore[arg-type]
    body = root.find(W + "body")
    if body is None:
        raise _bad("tệp .docx không có phần thân văn bản", "the .docx has no document body")

    numbering = None
    if root.find(".//" + NUMPR) is not None or formatting:
        numbering = Numbering.load(zf, read_part, safe_xml)
    elif "word/numbering.xml" in zf.namelist():
        # numbering can also come from a paragraph style
        numbering = Numbering.load(zf, read_part, safe_xml, styles_only_if_used=root)

    reader = _BodyReader(numbering)
    reader.walk(body, None, 0)
    doc = Document(path=path, kind="docx", paragraphs=reader.paragraphs, source=data)
    doc.sections = [_page_setup(s) for s in root.iter(SECTPR)]
    doc.page = doc.sections[-1] if doc.sections else None
    if "word/comments.xml" in zf.namelist():
        from .comments import read_comments  # Word comments: inline suppressions

        doc.comments = read_comments(zf, body, doc.paragraphs, read_part, safe_xml)
    doc.meta["zip"] = zf
    doc.meta["document_xml"] = root
    if formatting:
        from .styles import apply_styles  # effective formatting (styles, theme)

        apply_styles(doc, zf)
    return doc


def _twips_mm(v: str | None) -> float | None:
    if v is None:
        return None
    try:
        return round(float(v) * 25.4 / 1440, 2)
    except ValueError:
        return None


def _page_setup(sect: etree._Element) -> PageSetup:
    ps = PageSetup()
    sz = sect.find(W + "pgSz")
    if sz is not None:
        ps.width_mm = _twips_mm(sz.get(W + "w"))
        ps.height_mm = _twips_mm(sz.get(W + "h"))
        orient = sz.get(W + "orient")
        if orient:
            ps.orientation = orient
        elif ps.width_mm and ps.height_mm:
            ps.orientation = "landscape" if ps.width_mm > ps.height_mm else "portrait"
    mar = sect.find(W + "pgMar")
    if mar is not None:
        ps.top_mm = _twips_mm(mar.get(W + "top"))
        ps.bottom_mm = _twips_mm(mar.get(W + "bottom"))
        ps.left_mm = _twips_mm(mar.get(W + "left"))
        ps.right_mm = _twips_mm(mar.get(W + "right"))
    return ps


class _BodyReader:
    def __init__(self, numbering: "Numbering | None") -> None:
        self.numbering = numbering
        self.paragraphs: list[Paragraph] = []
        self.table_count = 0
        self.section = 0

    # -- structure -------------------------------------------------------
    def walk(self, parent: etree._Element, cell: Cell | None, depth: int, in_textbox: bool = False) -> None:
        for child in parent:
            tag = child.tag
            if tag == P:
                self.paragraph(child, cell, in_textbox)
            elif tag == TBL:
                self.table(child, depth + 1, in_textbox)
            elif tag in (SDT, W + "customXml", W + "smartTag", INS, W + "moveTo"):
                content = child.find(SDTCONTENT) if tag == SDT else child
                if content is not None:
                    self.walk(content, cell, depth, in_textbox)
            elif tag == ALTERNATE:
                choice = child.find(CHOICE)
                if choice is not None:
                    self.walk(choice, cell, depth, in_textbox)

    def table(self, tbl: etree._Element, depth: int, in_textbox: bool) -> None:
        if depth > 64:
            return  # pathological nesting: deeper tables are not read
        table_id = self.table_count
        self.table_count += 1
        for r, tr in enumerate(self._rows(tbl)):
            cells = list(self._cells(tr))
            for c, tc in enumerate(cells):
                self.walk(tc, Cell(table_id, r, c, depth, len(cells)), depth, in_textbox)

    def _rows(self, tbl: etree._Element) -> Iterator[etree._Element]:
        for child in tbl:
            if child.tag == TR:
                yield child
            elif child.tag in (SDT, W + "customXml"):
                content = child.find(SDTCONTENT) if child.tag == SDT else child
                if content is not None:
                    yield from self._rows(content)

    def _cells(self, tr: etree._Element) -> Iterator[etree._Element]:
        for child in tr:
            if child.tag == TC:
                yield child
            elif child.tag in (SDT, W + "customXml"):
                content = child.find(SDTCONTENT) if child.tag == SDT else child
                if content is not None:
                    yield from self._cells(content)

    # -- paragraphs ------------------------------------------------------
    def paragraph(self, p: etree._Element, cell: Cell | None, in_textbox: bool) -> None:
        parts: list[str] = []
        runs: list[RunSpan] = []
        textboxes: list[etree._Element] = []
        pos = 0
        special = any(True for _ in p.iter(*_SPECIAL_TAGS))
        run_iter = self._runs_special(p, textboxes) if special else p.iter(R)
        for r in run_iter:
            start = pos
            for child in r:
                tag = child.tag
                if tag == T:
                    s = child.text
                    if s:
                        parts.append(s)
                        pos += len(s)
                elif tag == TAB:
                    parts.append("\t")
                    pos += 1
                elif tag == BR or tag == CR:
                    parts.append("\n")
                    pos += 1
                elif tag == NOBREAKHYPHEN:
                    parts.append("-")
                    pos += 1
                elif tag == SOFTHYPHEN:
                    parts.append("\u00ad")
                    pos += 1
            if pos > start:
                runs.append(RunSpan(start, pos, _EMPTY_PROPS, None, r))
        raw = "".join(parts)
        text, col_map = nfc_with_map(raw)
        if col_map is not None:
            runs = _remap_runs(runs, col_map, len(text))
        index = len(self.paragraphs) + 1
        para = Paragraph(
            index=index,
            text=text,
            raw=raw,
            cell=cell,
            runs=runs,
            line=index,
            source=p,
            in_textbox=in_textbox,
            page_section=self.section,
        )
        ppr = p.find(PPR)
        if ppr is not None:
            st = ppr.find(W + "pStyle")
            if st is not None:
                para.style = st.get(VAL)
            jc = ppr.find(W + "jc")
            if jc is not None:
                para.alignment = jc.get(VAL)
            if ppr.find(SECTPR) is not None:
                self.section += 1
        if self.numbering is not None:
            para.label = self.numbering.label_for(p, para.style)
        self.paragraphs.append(para)
        for box in textboxes:
            self.walk(box, cell, cell.depth if cell else 0, True)

    def _runs_special(self, p: etree._Element, textboxes: list[etree._Element]) -> Iterator[etree._Element]:
        """Runs of a paragraph with deletions, fallbacks and text boxes handled."""
        stack: list[Iterator[etree._Element]] = [iter(p)]
        while stack:
            try:
                el = next(stack[-1])
            except StopIteration:
                stack.pop()
                continue
            tag = el.tag
            if tag == R:
                # a run may hold a drawing with a text box: collect it, read it after
                if len(el) and any(True for _ in el.iter(TXBX, ALTERNATE)):
                    self._collect_textboxes(el, textboxes)
                yield el
            elif tag in (DEL, MOVEFROM, FALLBACK, PPR, TXBX):
                continue
            elif tag == ALTERNATE:
                choice = el.find(CHOICE)
                if choice is not None:
                    stack.append(iter(choice))
            elif isinstance(tag, str):
                stack.append(iter(el))

    def _collect_textboxes(self, run: etree._Element, out: list[etree._Element]) -> None:
        stack = [run]
        while stack:
            el = stack.pop()
            for child in reversed(el):
                tag = child.tag
                if tag == FALLBACK:
                    continue
                if tag == TXBX:
                    out.append(child)
                    continue
                if isinstance(tag, str):
                    stack.append(child)


_EMPTY_PROPS = RunProps()


def _remap_runs(runs: list[RunSpan], col_map: list[int], n: int) -> list[RunSpan]:
    """Convert run spans on raw offsets into spans on NFC offsets."""
    if not runs:
        return runs
    # inverse map: raw offset -> first NFC offset at or after it
    inverse: dict[int, int] = {}
    for i, raw_off in enumerate(col_map):
        inverse.setdefault(raw_off, i)
    out = []
    for run in runs:
        s = next((inverse[k] for k in range(run.start, run.end + 1) if k in inverse), n)
        e = next((inverse[k] for k in range(run.end, run.end + 64) if k in inverse), n)
        out.append(RunSpan(s, e, run.props, run.style, run.source))
    return out


