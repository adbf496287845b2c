"""Effective formatting of runs and paragraphs read from a ``.docx``.

Word resolves a run's formatting in layers, each overriding the one before:
document defaults (``w:docDefaults``), the table style of the table the
paragraph sits in, the paragraph style and its ``w:basedOn`` chain, the
character style of the run and its chain, and last the run's direct
formatting (``w:rPr``).  Paragraph properties follow the same order without
the character layers, with the indent of the paragraph's numbering level
(``w:lvl/w:pPr/w:ind``) between the styles and the direct formatting.  The
first-line indent is given as Word draws it, from the margin: ``left`` plus
``firstLine`` (or minus ``hanging``), so a paragraph with ``left=709`` and no
first-line indent starts 1,25 cm in.  A sub- or superscript run has no size
(Word draws it smaller than its ``w:sz``).  Theme fonts (``w:asciiTheme="minorHAnsi"``) are looked
up in ``word/theme/theme1.xml``.

``apply_styles(doc, zf)`` is called by the ``.docx`` reader only when a
selected rule needs "styles" (the formatting rules): text rules never pay for
reading ``styles.xml``.  A size nobody sets anywhere is Word's built-in
10 pt; a font nobody sets stays ``None`` (Word falls back to Times New
Roman, which no rule can hold against the document).
"""

from __future__ import annotations

import re

import zipfile
from typing import Any

from .model import Document, RunProps
from .package import read_part, safe_xml

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
VAL = W + "val"

__all__ = ["apply_styles", "direct_run_props", "StyleSheet"]

_OFF = ("0", "false", "off", "none")
#: language (w:themeFontLang w:val) -> script of the theme's supplemental font
#: that replaces the Latin theme font (ECMA-376 17.15.1.88; DrawingML a:font)
_SUPPLEMENTAL_SCRIPT = {"vi": "Viet"}
_TOGGLES = ("bold", "italic", "caps")
#: the size Word shows when no layer sets one (no w:sz in docDefaults or styles)
WORD_DEFAULT_SIZE = 10.0
_MAX_CHAIN = 32  # basedOn chains longer than this are cut (and loops broken)


def _on(el: Any) -> bool | None:
    if el is None:
        return None
    return el.get(VAL, "true") not in _OFF


def _int(v: str | None) -> int | None:
    if v is None:
        return None
    try:
        return int(float(v))
    except ValueError:
        return None


# -- run properties --------------------------------------------------------
# A run layer is a dict with any of: "ascii"/"hansi" -> ("font", name) or
# ("theme", slot), "size" (points), "bold", "italic", "caps", "underline".


_PPR, _RPR = W + "pPr", W + "rPr"
_RSTYLE = W + "rStyle"
_RFONTS, _SZ, _U, _VANISH = W + "rFonts", W + "sz", W + "u", W + "vanish"
_VERT_ALIGN = W + "vertAlign"
_TOGGLE_TAGS = {W + "b": "bold", W + "i": "italic", W + "caps": "caps"}
_ASCII, _ASCII_T, _HANSI, _HANSI_T = W + "ascii", W + "asciiTheme", W + "hAnsi", W + "hAnsiTheme"


def _run_layer(rpr: Any) -> dict[str, Any]:
    """One pass over a ``w:rPr``'s children (this runs once per run)."""
    out: dict[str, Any] = {}
    if rpr is None:
        return out
    for child in rpr:
        tag = child.tag
        key = _TOGGLE_TAGS.get(tag)
        if key is not None:
            out[key] = child.get(VAL, "true") not in _OFF
        elif tag == _RFONTS:
            theme = child.get(_ASCII_T)
            name = child.get(_ASCII)
            if theme:
                out["ascii"] = ("theme", theme)
            elif name:
                out["ascii"] = ("font", name)
            theme = child.get(_HANSI_T)
            name = child.get(_HANSI)
            if theme:
                out["hansi"] = ("theme", theme)
            elif name:
                out["hansi"] = ("font", name)
        elif tag == _SZ:
            sz = _int(child.get(VAL))
            if sz is not None and 0 < sz < 3200:
                out["size"] = sz / 2
        elif tag == _U:
            out["underline"] = child.get(VAL, "single") not in _OFF
        elif tag == _VANISH:
            if child.get(VAL, "true") not in _OFF:
                out["vanish"] = True
        elif tag == _RSTYLE:
            out["rstyle"] = child.get(VAL)
        elif tag == _VERT_ALIGN:
            # sub- and superscript are drawn smaller than w:sz says (about two thirds)
            out["shrunk"] = child.get(VAL) in ("subscript", "superscript")
    return out


_RUN_LAYER_TAGS = frozenset((*_TOGGLE_TAGS, _RFONTS, _SZ, _U, _VANISH, _RSTYLE, _VERT_ALIGN))
#: a w:rPr's layer by the attributes of the children _run_layer reads (process-wide)
_RUN_LAYERS: dict[tuple[Any, ...], dict[str, Any]] = {}


def _run_layer_cached(rpr: Any) -> tuple[tuple[Any, ...], dict[str, Any]]:
    """``(key, _run_layer(rpr))``, the key holding the attributes of the children the layer reads."""
    k = tuple([(child.tag, tuple(child.items())) for child in rpr if child.tag in _RUN_LAYER_TAGS])
    return k, _remembered(_RUN_LAYERS, k, _run_layer, rpr)


def _remembered(table: dict[tuple[Any, ...], Any], k: tuple[Any, ...], build: Any, element: Any) -> Any:
    """``table[k]``, built from ``element`` the first time (the table is emptied when it grows too large)."""
    layer = table.get(k)
    if layer is None:
        if len(table) >= _LAYERS_MAX:
            table.clear()
        layer = table[k] = build(element)
    return layer


def direct_run_props(rpr: Any) -> RunProps:
    """Only the run's own ``w:rPr`` (no styles): kept for callers without styles."""
    layer = _run_layer(rpr)
    font = None
    for slot in ("ascii", "hansi"):
        if slot in layer and layer[slot][0] == "font":
            font = layer[slot][1]
            break
    return RunProps(
        font=font,
        size=layer.get("size"),
        bold=layer.get("bold"),
        italic=layer.get("italic"),
        caps=layer.get("caps"),
        underline=layer.get("underline"),
    )


# -- paragraph properties --------------------------------------------------
# A paragraph layer holds: "jc", "first" (twips, negative = hanging), "left",
# "before"/"after" (twips), "line" (value, rule), "contextual".


_JC, _IND, _SPACING, _CONTEXTUAL = W + "jc", W + "ind", W + "spacing", W + "contextualSpacing"
_JC_NAMES = {"start": "left", "end": "right"}
_PBDR = W + "pBdr"


_SPACING_KEYS = tuple((key, W + key + "Autospacing", W + key) for key in ("before", "after"))
_LINE, _LINE_RULE = W + "line", W + "lineRule"
_HANGING, _FIRST_LINE, _LEFT, _START = W + "hanging", W + "firstLine", W + "left", W + "start"
_BOTTOM = W + "bottom"


def _par_layer(ppr: Any) -> dict[str, Any]:
    """One pass over a ``w:pPr``'s children (this runs once per paragraph)."""
    out: dict[str, Any] = {}
    if ppr is None:
        return out
    for child in ppr:
        tag = child.tag
        if tag == _JC:
            v = child.get(VAL)
            if v:
                out["jc"] = _JC_NAMES.get(v, v)
        elif tag == _SPACING:
            get = child.get
            for key, auto, attr in _SPACING_KEYS:
                if _on_attr(get(auto)):
                    out[key] = 280  # HTML auto spacing: 14 pt
                else:
                    v = _int(get(attr))
                    if v is not None:
                        out[key] = v
            line = _int(get(_LINE))
            if line is not None:
                out["line"] = (line, get(_LINE_RULE, "auto"))
        elif tag == _IND:
            get = child.get
            hanging = _int(get(_HANGING))
            if hanging is not None:
                out["first"] = -hanging
            else:
                first = _int(get(_FIRST_LINE))
                if first is not None:
                    out["first"] = first
            left = _int(get(_LEFT) or get(_START))
            if left is not None:
                out["left"] = left
        elif tag == _CONTEXTUAL:
            out["contextual"] = child.get(VAL, "true") not in _OFF
        elif tag == _PBDR:
            bottom = child.find(_BOTTOM)
            out["border_bottom"] = bottom is not None and bottom.get(VAL, "nil") not in ("nil", "none")
    return out


_LAYER_TAGS = frozenset((_JC, _SPACING, _IND, _CONTEXTUAL))
#: a w:pPr's layer by what _par_layer reads of it (process-wide: documents from one template repeat them)
_PAR_LAYERS: dict[tuple[Any, ...], dict[str, Any]] = {}
_LAYERS_MAX = 4096


def _par_layer_cached(ppr: Any) -> tuple[Any, dict[str, Any]]:
    """``(key, _par_layer(ppr))``: the key holds the attributes of the children the layer reads.

    A paragraph border depends on the border's own children: such a w:pPr is
    read afresh (key None).
    """
    key = []
    for child in ppr:
        tag = child.tag
        if tag in _LAYER_TAGS:
            key.append((tag, tuple(child.items())))
        elif tag == _PBDR:
            return None, _par_layer(ppr)
    k = tuple(key)
    return k, _remembered(_PAR_LAYERS, k, _par_layer, ppr)


def _on_attr(v: str | None) -> bool:
    return v is not None and v not in _OFF


class StyleSheet:
    """The styles of one package, with each style's chain resolved once."""

    def __init__(self, styles_root: Any = None, theme_root: Any = None, theme_lang: str | None = None) -> None:
        self.theme: dict[str, str] = {}
        self.styles: dict[str, tuple[str, str | None, dict[str, Any], dict[str, Any]]] = {}
        self.defaults: dict[str, str] = {}
        self.doc_run: dict[str, Any] = {}
        self.doc_par: dict[str, Any] = {}
        self._cache: dict[tuple[str, str | None], tuple[dict[str, Any], dict[str, Any]]] = {}
        self._derived: tuple[dict[Any, Any], dict[Any, Any], dict[Any, Any]] = ({}, {}, {})
        if theme_root is not None:
            self._read_theme(theme_root, theme_lang)
        if styles_root is not None:
            self._read_styles(styles_root)

    def _read_theme(self, root: Any, lang: str | None) -> None:
        # The theme-font language of the document (settings: w:themeFontLang)
        # picks a supplemental font of the theme when its script has one:
        # with "vi-VN", Office's theme gives Vietnamese text Times New Roman
        # for headings (major) and Arial for the body (minor), not the Latin
        # Calibri Light / Calibri.
        script_of = _SUPPLEMENTAL_SCRIPT.get((lang or "").split("-")[0].lower())
        for kind in ("major", "minor"):
            font = root.find(f".//{A}fontScheme/{A}{kind}Font")
            if font is None:
                continue
            for script, tag in (("HAnsi", "latin"), ("EastAsia", "ea"), ("Bidi", "cs")):
                el = font.find(A + tag)
                if el is not None and el.get("typeface"):
                    self.theme[kind + script] = el.get("typeface")
            if script_of:
                for sup in font.findall(A + "font"):
                    if sup.get("script") == script_of and sup.get("typeface"):
                        self.theme[kind + "HAnsi"] = sup.get("typeface")
            if kind + "HAnsi" in self.theme:
                self.theme[kind + "Ascii"] = self.theme[kind + "HAnsi"]

    def _read_styles(self, root: Any) -> None:
        dd = root.find(W + "docDefaults")
        if dd is not None:
            self.doc_run = _run_layer(dd.find(f"{W}rPrDefault/{W}rPr"))
            self.doc_par = _par_layer(dd.find(f"{W}pPrDefault/{W}pPr"))
        for st in root.iter(W + "style"):
            sid = st.get(W + "styleId")
            if not sid:
                continue
            kind = st.get(W + "type", "paragraph")
            based = st.find(W + "basedOn")
            self.styles[sid] = (
                kind,
                None if based is None else based.get(VAL),
                _run_layer(st.find(W + "rPr")),
                _par_layer(st.find(W + "pPr")),
            )
            if _on_attr(st.get(W + "default")) and kind not in self.defaults:
                self.defaults[kind] = sid

    def chain(self, style_id: str | None, kind: str) -> tuple[dict[str, Any], dict[str, Any]]:
        """Run and paragraph layers of a style with its basedOn chain merged."""
        if style_id is None or style_id not in self.styles:
            style_id = self.defaults.get(kind)
            if style_id is None:
                return {}, {}
        key = (kind, style_id)
        hit = self._cache.get(key)
        if hit is not None:
            return hit
        ids: list[str] = []
        sid: str | None = style_id
        while sid is not None and sid in self.styles and sid not in ids and len(ids) < _MAX_CHAIN:
            ids.append(sid)
            sid = self.styles[sid][1]
        run: dict[str, Any] = {}
        par: dict[str, Any] = {}
        for sid in reversed(ids):
            run.update(self.styles[sid][2])
            par.update(self.styles[sid][3])
        self._cache[key] = (run, par)
        return run, par

    def derived(self) -> tuple[dict[Any, Any], dict[Any, Any], dict[Any, Any]]:
        """apply_styles's tables of what it derived from this sheet (emptied when one grows past a bound)."""
        tables = self._derived
        if any(len(t) > _LAYERS_MAX for t in tables):
            for t in tables:
                t.clear()
        return tables

    def font_name(self, value: tuple[str, str] | None) -> str | None:
        if value is None:
            return None
        kind, name = value
        if kind == "theme":
            return self.theme.get(name)
        return name


def _table_styles(doc: Document) -> dict[Any, str | None]:
    """Style id of the innermost table holding each table-cell paragraph."""
    root = doc.meta.get("document_xml")
    return {} if root is None else table_styles(root)


def table_styles(root: Any) -> dict[Any, str | None]:
    """:func:`_table_styles` of what ``root`` holds."""
    out: dict[Any, str | None] = {}
    for tbl in root.iter(W + "tbl"):  # document order: inner tables overwrite outer
        pr = tbl.find(W + "tblPr")
        st = None if pr is None else pr.find(W + "tblStyle")
        sid = None if st is None else st.get(VAL)
        for p in tbl.iter(W + "p"):
            out[p] = sid
    return out


def _load(zf: zipfile.ZipFile, name: str) -> Any:
    blob = read_part(zf, name)
    if not blob:
        return None
    return safe_xml(blob, name)


_THEME_LANG = re.compile(rb"<w:themeFontLang\b[^>]*?\bw:val=\"([^\"]*)\"")


def _theme_lang(zf: zipfile.ZipFile) -> str | None:
    # settings.xml is mostly revision ids (often 100+ KB): find the one
    # attribute in its bytes instead of parsing it (nothing is resolved or loaded)
    blob = read_part(zf, "word/settings.xml")
    if not blob:
        return None
    m = _THEME_LANG.search(blob)
    return m.group(1).decode("utf-8", "replace") if m else None


_SHEET_PARTS = ("word/styles.xml", "word/theme/theme1.xml", "word/settings.xml")
_SHEETS: dict[tuple[Any, ...], StyleSheet] = {}
_SHEETS_MAX = 64


def _sheet_key(zf: zipfile.ZipFile) -> tuple[Any, ...] | None:
    """The parts a stylesheet is built from, by the CRC and size the zip records for them."""
    key = []
    for name in _SHEET_PARTS:
        try:
            info = zf.getinfo(name)
        except KeyError:
            key.append(None)
            continue
        key.append((info.CRC, info.file_size))
    return tuple(key)


def load_stylesheet(zf: zipfile.ZipFile) -> StyleSheet:
    """The document's stylesheet; documents made from one template share it.

    A StyleSheet holds only what was derived from its parts (never their XML)
    and is read-only once built, so a batch of documents with the same styles,
    theme and settings parts (the zip's CRC-32 and size of each) parses them once.
    """
    key = _sheet_key(zf)
    sheet = _SHEETS.get(key) if key is not None else None
    if sheet is not None:
        return sheet
    theme = _load(zf, "word/theme/theme1.xml")
    lang = _theme_lang(zf) if theme is not None else None
    sheet = StyleSheet(_load(zf, "word/styles.xml"), theme, lang)
    if key is not None:
        if len(_SHEETS) >= _SHEETS_MAX:
            _SHEETS.pop(next(iter(_SHEETS)))
        _SHEETS[key] = sheet
    return sheet


_EMPTY: dict[str, Any] = {}


def apply_styles(doc: Document, zf: Any) -> None:
    """Fill every run's effective RunProps and every paragraph's layout fields."""
    styler = make_styler(doc, zf)
    styler(doc.paragraphs, _table_styles(doc) if any(p.cell is not None for p in doc.paragraphs) else {},
           doc.meta.get("numbering_indents") or _EMPTY)


def make_styler(doc: Document, zf: Any) -> Any:
    """What :func:`apply_styles` does, for some paragraphs at a time (the body's incremental
    reader calls it on each block before letting the block's XML go): the stylesheet and the
    caches are made once; the call ``styler(paragraphs, tstyles, num_indents)`` fills those
    paragraphs (``tstyles``: :func:`table_styles` of what holds them; ``num_indents``: the
    numbered paragraphs' level indents, by element)."""
    sheet = load_stylesheet(zf) if zf is not None else StyleSheet()
    doc.meta["stylesheet"] = sheet
    table_cache: dict[Any, tuple[dict[str, Any], dict[str, Any]]] = {}
    contextual: set[int] = set()  # paragraphs with "don't add space between paragraphs of the same style"
    doc.meta["contextual_spacing"] = contextual
    bordered: set[int] = set()  # paragraphs with a bottom border (a rule drawn under the line)
    doc.meta["bottom_border"] = bordered
    # kept on the stylesheet, so documents made from one template share them:
    # per (table style, paragraph style), the merged style layers;
    # paragraphs formatted alike (same table style, style and direct pPr) share their layout;
    # runs formatted alike share one RunProps
    bases, layouts, props_cache = sheet.derived()

    def style(paragraphs: Any, tstyles: dict[Any, str | None], num_indents: Any) -> None:
        _style(paragraphs, tstyles, num_indents, sheet, bases, layouts, props_cache, table_cache, contextual, bordered)

    return style


def _style(paragraphs: Any, tstyles: dict[Any, str | None], num_indents: Any, sheet: StyleSheet, bases: Any,
           layouts: Any, props_cache: Any, table_cache: Any, contextual: set[int], bordered: set[int]) -> None:
    base_run = sheet.doc_run
    base_par = sheet.doc_par
    for para in paragraphs:
        p = para.source
        if p is None:
            continue
        first = p[0] if len(p) else None
        ppr = first if first is not None and first.tag == _PPR else None
        pstyle = para.style
        tstyle: Any = False
        if para.cell is not None:
            tstyle = tstyles.get(p, False)
        base_key = (tstyle, pstyle)
        base = bases.get(base_key)
        if base is None:
            t_run: dict[str, Any] = _EMPTY
            t_par: dict[str, Any] = _EMPTY
            if tstyle is not False:
                if tstyle not in table_cache:
                    table_cache[tstyle] = sheet.chain(tstyle, "table")
                t_run, t_par = table_cache[tstyle]
            s_run, s_par = sheet.chain(pstyle, "paragraph")
            base = bases[base_key] = ({**base_par, **t_par, **s_par}, {**base_run, **t_run, **s_run}, s_run)
        par_base, para_run, s_run = base
        if ppr is None:
            own, own_key = _EMPTY, ()
        else:
            own_key, own = _par_layer_cached(ppr)
            if own_key is None:
                own_key = ("items", tuple(own.items()))
        # a numbering level's indent sits between the styles and the direct formatting
        num = num_indents.get(p, ()) if num_indents else ()
        layout_key = (base_key, num, own_key)
        layout = layouts.get(layout_key)
        if layout is None:
            layout = layouts[layout_key] = _layout({**par_base, **dict(num), **own} if num else {**par_base, **own})
        (
            para.alignment,
            para.indent_first_mm,
            para.indent_left_mm,
            para.space_before_pt,
            para.space_after_pt,
            para.line_spacing,
            is_contextual,
            is_bordered,
        ) = layout
        if is_contextual:
            contextual.add(para.index)
        if is_bordered:
            bordered.add(para.index)
        text = para.text
        for run in para.runs:
            r = run.source
            if r is None:
                continue
            rpr = r[0] if len(r) else None
            if rpr is not None and rpr.tag == _RPR and len(rpr):
                layer_key, layer = _run_layer_cached(rpr)
                cstyle = layer.get("rstyle")
            else:
                layer, cstyle, layer_key = _EMPTY, None, ()
            slot = "ascii" if text[run.start : run.end].isascii() else "hansi"
            key = (base_key, layer_key, slot)
            props = props_cache.get(key)
            if props is None:
                props = props_cache[key] = _effective(sheet, para_run, s_run, layer, cstyle, slot)
            # the reader's spans are this document's own: fill them in place
            run.props = props
            run.style = cstyle


_HIDDEN = RunProps()  # hidden text: not judged


def _effective(
    sheet: StyleSheet,
    para_run: dict[str, Any],
    s_run: dict[str, Any],
    layer: dict[str, Any],
    cstyle: str | None,
    slot: str,
) -> RunProps:
    if layer.get("vanish"):
        return _HIDDEN
    c_run = sheet.chain(cstyle, "character")[0] if cstyle else _EMPTY
    eff = {**para_run, **c_run, **layer} if (c_run or layer) else para_run
    if c_run:
        # toggle properties set by both the paragraph and the character
        # style cancel out (ECMA-376 17.7.3); direct formatting is absolute
        for key in _TOGGLES:
            if key in c_run and key in s_run and key not in layer:
                eff[key] = c_run[key] != s_run[key]
    font = sheet.font_name(eff.get(slot) or eff.get("ascii" if slot == "hansi" else "hansi"))
    return RunProps(
        font=font,
        # a sub- or superscript run (a drafter's initials, a footnote mark) is drawn smaller
        # than its w:sz: its size is not what Word shows, so none is given
        size=None if eff.get("shrunk") else eff.get("size", WORD_DEFAULT_SIZE),
        bold=eff.get("bold", False),
        italic=eff.get("italic", False),
        caps=eff.get("caps", False),
        underline=eff.get("underline", False),
    )


def _twips_mm(v: int) -> float:
    return round(v * 25.4 / 1440, 2)


def _layout(props: dict[str, Any]) -> tuple[Any, ...]:
    """alignment, indents (mm), spacing (pt), line spacing, contextual spacing, bottom border."""
    line = props.get("line")
    if line is None:
        spacing = ("auto", 1.0)
    else:
        value, rule = line
        if rule == "auto":
            spacing = ("auto", round(value / 240, 3))
        else:
            spacing = ("atLeast" if rule == "atLeast" else "exact", value / 20)
    left = props.get("left", 0)
    return (
        props.get("jc", "left"),
        _twips_mm(left + props.get("first", 0)),  # where Word draws the first line: left + firstLine − hanging
        _twips_mm(left),
        props.get("before", 0) / 20,
        props.get("after", 0) / 20,
        spacing,
        bool(props.get("contextual")),
        bool(props.get("border_bottom")),
    )

