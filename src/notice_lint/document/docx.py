"""Read a ``.docx`` with zipfile + lxml (python-docx is not on the read path).

Paragraphs come in document order: body paragraphs, table cells (nested
tables too), content controls, text boxes (once: the DrawingML choice, never
its VML fallback), with the text of runs, hyperlinks, smart tags, simple
fields and inserted tracked changes, but not deleted text.  Word's automatic
numbering is rendered into ``Paragraph.label``.
"""

from __future__ import annotations

import io
import re
from typing import Any, Iterator

from lxml import etree

from ..errors import InputError
from .limits import MAX_PARAGRAPHS, MAX_TABLE_DEPTH, check_paragraph_length, too_many_paragraphs, too_deep
from .model import Cell, Document, PageSetup, Paragraph, RunProps, RunSpan, nfc_with_map
from .numbering import LazyNumbering, Numbering
from .package import W, W_NS, check_doctype, check_xml, open_package, read_part, safe_xml, xml_error

__all__ = ["read_docx", "W_NS", "safe_xml", "open_package", "read_part"]

MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
MC = "{%s}" % MC_NS

P, R, T, TAB, BR, CR = W + "p", W + "r", W + "t", W + "tab", W + "br", W + "cr"
TBL, TR, TC, SDT, SDTCONTENT = W + "tbl", W + "tr", W + "tc", W + "sdt", W + "sdtContent"
DEL, MOVEFROM, INS = W + "del", W + "moveFrom", W + "ins"
TXBX = W + "txbxContent"
ALTERNATE, FALLBACK, CHOICE = MC + "AlternateContent", MC + "Fallback", MC + "Choice"
PPR, RPR, NUMPR = W + "pPr", W + "rPr", W + "numPr"
NOBREAKHYPHEN, SOFTHYPHEN, SYM = W + "noBreakHyphen", W + "softHyphen", W + "sym"
SECTPR = W + "sectPr"
SECTPR_CHANGE = W + "sectPrChange"
PSTYLE, JC = W + "pStyle", W + "jc"
VAL = W + "val"

_SPECIAL_TAGS = (DEL, MOVEFROM, TXBX, ALTERNATE, W + "pict", W + "object")


def _bad(vi: str, en: str) -> InputError:
    return InputError(vi, en)


def _no_body() -> InputError:
    return _bad(
        "tệp .docx không có phần thân văn bản (không phải văn bản Word); hãy mở bằng Word và lưu lại",
        "the .docx has no document body (not a Word document); open it in Word and save it again",
    )


def read_docx(path: str, data: bytes, *, formatting: bool = False, stream: bool = False,
              fonts: bool = False) -> Document:
    """The model of a ``.docx``.

    ``stream``: the caller lets the XML tree go once the model is read (:func:`release_tree`):
    a word/document.xml of :data:`STREAM_FROM` bytes or more is then read a batch of top-level
    blocks at a time (:func:`_read_streaming`), and its whole tree is never held.  Not when the package has comments (read from the whole
    body), nor, with ``fonts`` (a rule reads run fonts), when a legacy font may be named: the
    tree is kept for it then.
    """
    zf = open_package(data)
    blob: bytes = read_part(zf, "word/document.xml", required=True)  # type: ignore[assignment]
    if (stream and len(blob) >= STREAM_FROM and "word/comments.xml" not in zf.NameToInfo
            and not (fonts and _legacy_font_possible(zf, blob))):
        return _read_streaming(path, data, zf, blob, formatting)
    root = safe_xml(blob, "word/document.xml")
    del blob
    body = root.find(W + "body")
    if body is None:
        raise _no_body()

    numbering = None
    if "word/numbering.xml" in zf.NameToInfo:
        # parsed on the first numbered (or styled) paragraph: most packages
        # carry a numbering part that no paragraph uses
        numbering = LazyNumbering(lambda: Numbering.load(zf, read_part, safe_xml))

    reader = _BodyReader(numbering)
    reader.walk(body, None, 0)
    doc = Document(path=path, kind="docx", paragraphs=reader.paragraphs, source=data)
    # a tracked change of a section keeps the old w:sectPr inside w:sectPrChange: not a section
    doc.sections = [_page_setup(s) for s in root.iter(SECTPR) if s.getparent().tag != SECTPR_CHANGE]
    doc.page = doc.sections[-1] if doc.sections else None
    if "word/comments.xml" in zf.namelist():
        from .comments import read_comments  # Word comments: inline suppressions

        doc.comments = read_comments(zf, body, doc.paragraphs, read_part, safe_xml)
    doc.meta["zip"] = zf
    doc.meta["document_xml"] = root
    if numbering is not None:
        doc.meta["numbering_indents"] = numbering.indents  # what each numbered paragraph's level indents
    if formatting:
        from .styles import apply_styles  # effective formatting (styles, theme)

        apply_styles(doc, zf)
    return doc


#: a ``w:rFonts`` element, up to the next tag (no ``<`` stands in an attribute value)
_RFONTS_TAG = re.compile(rb"<w:rFonts\b[^<]*")


def _legacy_font_possible(zf: Any, blob: bytes) -> bool:
    """Whether :func:`~.fonts.legacy_fonts_declared` may find a legacy font in this package:
    its font table or styles name one, or a ``w:rFonts`` of word/document.xml may (its bytes
    hold ``.vn``, ``vni`` or a character reference, in any case; or ``rFonts`` is written with
    another prefix)."""
    from .fonts import _part_mentions_legacy

    for part in ("word/fontTable.xml", "word/styles.xml"):
        try:
            if _part_mentions_legacy(zf, part):
                return True
        except Exception:  # noqa: BLE001 - as legacy_fonts_declared: a damaged optional part is "unknown"
            continue
    if blob.count(b"rFonts") != blob.count(b"<w:rFonts"):
        return True
    for m in _RFONTS_TAG.finditer(blob):
        tag = m.group().lower()
        if b".vn" in tag or b"vni" in tag or b"&#" in tag:
            return True
    return False


BODY = W + "body"
#: the elements the incremental reader hears of as they end: what a body holds that the body
#: reader walks (each a block when the body is its parent), sections, and what makes a
#: paragraph special (:func:`_special_paragraphs`)
_STREAM_TAGS = tuple(dict.fromkeys((P, TBL, SDT, W + "customXml", W + "smartTag", INS, W + "moveTo", ALTERNATE, SECTPR)
                                   + _SPECIAL_TAGS))
_SPECIAL_SET = frozenset(_SPECIAL_TAGS)
#: word/document.xml is read incrementally from this size on (smaller ones are read whole: faster,
#: and their tree is at most 18 MB)
STREAM_FROM = 1024 * 1024
#: blocks read (and let go) together
STREAM_BATCH = 128


def _read_streaming(path: str, data: bytes, zf: Any, blob: bytes, formatting: bool) -> Document:
    """:func:`read_docx` without the whole tree: word/document.xml parsed incrementally, the
    top-level blocks of the body (a paragraph, a whole table…) read by the same code as the
    whole body's, a batch at a time, styled, then cleared with what came before them.  The
    same checks as :func:`~.package.safe_xml` (before parsing, the parser's own limits, the
    DTD after), the same model (``tests/test_docx_reader.py`` compares the two readers)."""
    name = "word/document.xml"
    check_xml(blob, name)
    numbering = None
    if "word/numbering.xml" in zf.NameToInfo:
        numbering = LazyNumbering(lambda: Numbering.load(zf, read_part, safe_xml))
    reader = _BodyReader(numbering)
    paragraphs = reader.paragraphs
    doc = Document(path=path, kind="docx", paragraphs=paragraphs, source=data)
    styler = table_styles = None
    if formatting:
        from .styles import make_styler, table_styles

        styler = make_styler(doc, zf)
    sections: list[PageSetup] = []
    body: Any = None
    pending: list[etree._Element] = []
    special: set[etree._Element] = set()

    def flush() -> None:
        start = len(paragraphs)
        reader.special = special
        for el in pending:
            reader.flat = {} if el.tag == P else _flat_block(el)
            reader.walk((el,), None, 0)
        if len(paragraphs) > start:
            new = paragraphs[start:]
            if styler is not None:
                tstyles: dict[Any, Any] = {}
                if any(p.cell is not None for p in new):
                    for el in pending:
                        if el.tag != P:
                            tstyles.update(table_styles(el))  # type: ignore[misc]
                indents = numbering.indents if numbering is not None else {}
                styler(new, tstyles, indents)
                indents.clear()
            for para in new:
                para.source = None
                for run in para.runs:
                    run.source = None
        last = pending[-1]
        while last.getprevious() is not None:  # the blocks read, and what lay between them
            del body[0]
        last.clear()
        pending.clear()
        special.clear()
        reader.special = reader.flat = None

    events = etree.iterparse(
        io.BytesIO(blob), events=("end",), tag=_STREAM_TAGS,
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, remove_comments=True,
    )
    try:
        for _, el in events:
            tag = el.tag
            parent = el.getparent()
            if tag in _SPECIAL_SET:  # (all of them end before the block that holds them)
                special.update(el.iterancestors(P))
            elif tag == SECTPR:
                # a tracked change of a section keeps the old w:sectPr inside w:sectPrChange: not a section
                if parent is None or parent.tag != SECTPR_CHANGE:
                    sections.append(_page_setup(el))
                continue
            if parent is None or parent.tag != BODY:
                continue
            if body is None:
                top = parent.getparent()
                if top is None or top.getparent() is not None:
                    continue  # a w:body that is not the document's
                body = top.find(BODY)  # the first one, as read_docx reads
            if parent is body:
                pending.append(el)
                if len(pending) >= STREAM_BATCH:
                    flush()
        if pending:
            flush()
    except (etree.XMLSyntaxError, ValueError) as exc:
        raise xml_error(exc, name) from None
    root = events.root
    check_doctype(root, name)
    if body is None and root.find(BODY) is None:
        raise _no_body()
    del events, root, body
    doc.sections = sections
    doc.page = sections[-1] if sections else None
    doc.meta["zip"] = zf
    if numbering is not None:
        numbering.indents.clear()
        doc.meta["numbering_indents"] = numbering.indents
    return doc


_NESTED_P_IN: Any = None


def _flat_block(block: etree._Element) -> dict[etree._Element, _Flat]:
    """:func:`_flat_paragraphs` of one block (empty when a paragraph in it holds another)."""
    global _NESTED_P_IN
    if _NESTED_P_IN is None:
        _NESTED_P_IN = etree.XPath("boolean(.//w:p//w:p)", namespaces={"w": W_NS})
    if _NESTED_P_IN(block):
        return {}
    return _flat_paragraphs(block, nested_checked=True)


def release_tree(doc: Document, *, fonts: bool = False) -> bool:
    """Let go of the XML tree of a ``.docx`` once read (its paragraphs' and runs' handles
    and ``meta["document_xml"]``): the rules read the model, and --fix/--annotate parse the
    package again.  With ``fonts`` (a rule reads run fonts), the tree is kept when the
    package names a legacy font (:func:`~.fonts.legacy_fonts_declared`, cached on the
    document).  Returns whether it was let go.

    The tree (lxml's nodes, ~120 bytes each, and a proxy for each paragraph and run) is
    the largest thing a long document holds after reading; freed here, the memory serves
    what the anatomy and the rules build.
    """
    if doc.kind != "docx":
        return False
    if fonts:
        from .fonts import legacy_fonts_declared

        if legacy_fonts_declared(doc):
            return False
    for para in doc.paragraphs:
        para.source = None
        for run in para.runs:
            run.source = None
    doc.meta.pop("document_xml", None)
    return True


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
    def __init__(self, numbering: "Numbering | LazyNumbering | None") -> None:
        self.numbering = numbering
        self.paragraphs: list[Paragraph] = []
        self.table_count = 0
        self.section = 0
        #: paragraphs holding deletions, fallbacks, text boxes or objects (None: not looked for yet)
        self.special: set[etree._Element] | None = None
        #: text, runs and properties of every paragraph read in one pass (empty: read them one by one; None: not yet)
        self.flat: dict[etree._Element, _Flat] | None = None

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
        if depth > MAX_TABLE_DEPTH:
            raise too_deep(depth)  # never read part of a document silently
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
        runs: list[RunSpan]
        textboxes: list[etree._Element] = []
        hit = None
        special = self.special
        if special is None:
            special = self.special = _special_paragraphs(p.getroottree().getroot())
        if special and p in special:
            parts: list[str] = []
            runs = []
            pos = 0
            for r in self._runs_special(p, textboxes):
                start = pos
                for child in r:
                    piece = _piece(child)
                    if piece:
                        parts.append(piece)
                        pos += len(piece)
                if pos > start:
                    runs.append(RunSpan(start, pos, _EMPTY_PROPS, None, r))
            raw = "".join(parts)
        else:
            flat = self.flat
            if flat is None:
                flat = self.flat = _flat_paragraphs(p.getroottree().getroot())
            hit = flat.get(p) if flat else None
            if hit is not None:
                raw, runs = hit[0], hit[1]
            else:
                raw, runs = _common_paragraph(p)
        paragraphs = self.paragraphs
        index = len(paragraphs) + 1
        if len(raw) > 2000:
            check_paragraph_length(len(raw), index)
        if index > MAX_PARAGRAPHS:
            raise too_many_paragraphs()
        text, col_map = nfc_with_map(raw)
        if col_map is not None:
            runs = _remap_runs(runs, col_map, len(text))
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
        if hit is not None:  # the paragraph properties came with the text
            _, _, para.style, para.alignment, numpr, sections = hit
            self.section += sections
            ppr = None
        else:
            # w:pPr comes first in a paragraph (the schema's order); look further only when it does not
            ppr = p[0] if len(p) else None
            if ppr is not None and ppr.tag != PPR:
                ppr = p.find(PPR)
            numpr = None
        if ppr is not None:
            for child in ppr:  # one pass over the paragraph properties
                tag = child.tag
                if tag == PSTYLE:
                    para.style = child.get(VAL)
                elif tag == JC:
                    para.alignment = child.get(VAL)
                elif tag == NUMPR:
                    numpr = child
                elif tag == SECTPR:
                    self.section += 1
        if self.numbering is not None and (numpr is not None or para.style is not None):
            para.label = self.numbering.label_for(p, para.style, numpr)
        paragraphs.append(para)
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


def _special_paragraphs(root: etree._Element) -> set[etree._Element]:
    """The paragraphs the general path must read, found in one pass over the whole document."""
    special: set[etree._Element] = set()
    for el in root.iter(_SPECIAL_TAGS):
        special.update(el.iterancestors(P))
    return special


def _common_paragraph(p: etree._Element) -> tuple[str, list[RunSpan]]:
    """Text and runs of a paragraph with no deletion, fallback or text box.

    In one C-level pass over the paragraph (an unfiltered iter: lxml builds a
    tag matcher per call otherwise): each run, then its text pieces (direct
    children of that run only, as in the general path).
    """
    parts: list[str] = []
    runs: list[RunSpan] = []
    pos = 0
    run = None
    start = 0
    pieces = _PIECES
    for el in p.iter():
        tag = el.tag
        if tag == T:
            if run is not None:
                piece = el.text
                if piece and el.getparent() is run:
                    parts.append(piece)
                    pos += len(piece)
        elif tag == R:
            if run is not None and pos > start:
                runs.append(RunSpan(start, pos, _EMPTY_PROPS, None, run))
            run, start = el, pos
        elif run is not None and tag in pieces and el.getparent() is run:
            piece = pieces[tag]
            parts.append(piece)
            pos += len(piece)
    if run is not None and pos > start:
        runs.append(RunSpan(start, pos, _EMPTY_PROPS, None, run))
    return "".join(parts), runs


_NESTED_P: Any = None


#: what the reader keeps of a paragraph: text, runs, and from its (first) w:pPr the
#: style id, justification, w:numPr and how many w:sectPr it holds (each ends a page section)
_Flat = tuple  # (str, list[RunSpan], str | None, str | None, etree._Element | None, int)


def _flat_paragraphs(root: etree._Element, nested_checked: bool = False) -> dict[etree._Element, _Flat]:
    """What :func:`_common_paragraph` and the w:pPr loop give for every paragraph, in one pass over the document.

    One filtered iteration over the document (one tag matcher) instead of one
    per paragraph.  A paragraph's elements follow it in document order up to
    the next paragraph, unless a paragraph holds another (text boxes, damaged
    packages): then the answer is empty and each paragraph is read alone.  A
    run met after a paragraph without being inside it (a run outside any
    paragraph) ends that paragraph.  Paragraph properties are read from the
    direct children of the paragraph's first w:pPr only.
    """
    global _NESTED_P
    if _NESTED_P is None:
        _NESTED_P = etree.XPath("boolean(//w:p//w:p)", namespaces={"w": W_NS})
    if not nested_checked and _NESTED_P(root):
        return {}
    out: dict[etree._Element, _Flat] = {}
    pieces = _PIECES
    para = ppr = None
    parts: list[str] = []
    runs: list[RunSpan] = []
    run = None
    pos = start = 0
    style = jc = numpr = None
    sections = 0
    for el in root.iter(_FLAT_TAGS):
        tag = el.tag
        if tag == T:
            if run is not None:
                piece = el.text
                if piece and el.getparent() is run:
                    parts.append(piece)
                    pos += len(piece)
        elif tag == R:
            if run is not None and pos > start:
                runs.append(RunSpan(start, pos, _EMPTY_PROPS, None, run))
            if para is not None and (el.getparent() is para or next(el.iterancestors(P), None) is para):
                run, start = el, pos
            else:
                run = None
        elif tag == P:
            if para is not None:
                if run is not None and pos > start:
                    runs.append(RunSpan(start, pos, _EMPTY_PROPS, None, run))
                out[para] = ("".join(parts), runs, style, jc, numpr, sections)
                if len(out) > MAX_PARAGRAPHS:
                    return {}
            para, parts, runs, run, pos = el, [], [], None, 0
            ppr = style = jc = numpr = None
            sections = 0
        elif tag in _PPR_TAGS:
            if tag == PPR:
                if ppr is None and para is not None and el.getparent() is para:
                    ppr = el
            elif ppr is not None and el.getparent() is ppr:
                if tag == JC:
                    jc = el.get(VAL)
                elif tag == PSTYLE:
                    style = el.get(VAL)
                elif tag == NUMPR:
                    numpr = el
                else:  # SECTPR
                    sections += 1
        elif run is not None and el.getparent() is run:
            piece = pieces[tag]
            parts.append(piece)
            pos += len(piece)
    if para is not None:
        if run is not None and pos > start:
            runs.append(RunSpan(start, pos, _EMPTY_PROPS, None, run))
        out[para] = ("".join(parts), runs, style, jc, numpr, sections)
    return out


_EMPTY_PROPS = RunProps()
_RUN_TAGS = (R, T, TAB, BR, CR, NOBREAKHYPHEN, SOFTHYPHEN)
_PPR_TAGS = frozenset((PPR, PSTYLE, JC, NUMPR, SECTPR))
_FLAT_TAGS = (P, PPR, PSTYLE, JC, NUMPR, SECTPR) + _RUN_TAGS
_PIECES = {TAB: "\t", BR: "\n", CR: "\n", NOBREAKHYPHEN: "-", SOFTHYPHEN: "\u00ad"}


def _piece(child: etree._Element) -> str | None:
    """The text a run's child element adds (None for properties and the rest)."""
    tag = child.tag
    if tag == T:
        return child.text
    return _PIECES.get(tag) if isinstance(tag, str) else None


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


