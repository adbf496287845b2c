"""Write formatting edits (:class:`~notice_lint.rule.FormatEdit`) into a ``.docx``.

A tracked change of formatting keeps the old properties beside the new ones:
``w:rPrChange`` in a run's ``w:rPr``, ``w:pPrChange`` in a paragraph's
``w:pPr``, ``w:sectPrChange`` in a ``w:sectPr``, each with an author and a
date; Word shows "Formatted: 13 pt" in the margin and rejecting the change
brings the old properties back.  When an element already carries such a
record (someone else's change, or an earlier pass of this fix), the record is
kept as it is: it already holds the original properties.  Plainly
(``--no-track-changes``) the properties are just set.

Properties are written on the runs, paragraphs and sections concerned, never
on a style, and every element is put where the schema orders it (Word refuses
a ``w:pPr`` whose children are out of order).
"""

from __future__ import annotations

import copy
from typing import Any

from lxml import etree

from ..document.docx import DEL, INS, MOVEFROM, PPR, RPR, W
from ..document.model import nfc_with_map
from ..rule import FormatEdit
from .ooxml import Package, ParagraphRuns

__all__ = ["FormatWriter", "sections_of"]

SECTPR = W + "sectPr"
RPR_CHANGE, PPR_CHANGE, SECTPR_CHANGE = W + "rPrChange", W + "pPrChange", W + "sectPrChange"

#: children of w:rPr in schema order (CT_RPr; the change record last)
RPR_ORDER = [W + t for t in (
    "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint noProof "
    "snapToGrid vanish webHidden color spacing w kern position sz szCs highlight u effect bdr shd "
    "fitText vertAlign rtl cs em lang eastAsianLayout specVanish oMath rPrChange"
).split()]
#: children of w:pPr in schema order (CT_PPr)
PPR_ORDER = [W + t for t in (
    "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers pBdr shd "
    "tabs suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE autoSpaceDN bidi "
    "adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents suppressOverlap jc "
    "textDirection textAlignment textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange"
).split()]
#: children of w:sectPr in schema order (CT_SectPr)
SECTPR_ORDER = [W + t for t in (
    "headerReference footerReference footnotePr endnotePr type pgSz pgMar paperSrc pgBorders lnNumType "
    "pgNumType cols formProt vAlign noEndnote titlePg textDirection bidi rtlGutter docGrid "
    "printerSettings sectPrChange"
).split()]
_HDR_FTR = {W + "headerReference", W + "footerReference"}
_NOT_IN_OLD_PPR = {W + "rPr", SECTPR, PPR_CHANGE}
_CHANGES = (RPR_CHANGE, PPR_CHANGE, SECTPR_CHANGE)
_RUN_TAGS = {"size": W + "sz", "font": W + "rFonts", "bold": W + "b", "italic": W + "i", "caps": W + "caps",
             "underline": W + "u"}
_PAR_PLACES = {"jc": (W + "jc", None), "first_line": (W + "ind", None), "before": (W + "spacing", "before"),
               "after": (W + "spacing", "after"), "line": (W + "spacing", "line"),
               "line_rule": (W + "spacing", None), "contextual": (W + "contextualSpacing", None)}


def _child(parent: etree._Element, tag: str, order: list[str]) -> etree._Element:
    """``parent``'s child ``tag``, created at its place in the schema's order when missing."""
    el = parent.find(tag)
    if el is not None:
        return el
    el = etree.Element(tag)
    rank = order.index(tag)
    for k, other in enumerate(parent):
        if isinstance(other.tag, str) and other.tag in order and order.index(other.tag) > rank:
            other.addprevious(el)
            return el
    parent.append(el)
    return el


def _set_toggle(rpr: etree._Element, tag: str, on: bool) -> None:
    el = _child(rpr, tag, RPR_ORDER)
    if on:
        el.attrib.pop(W + "val", None)
    else:
        el.set(W + "val", "0")


def sections_of(root: etree._Element) -> list[etree._Element]:
    """The w:sectPr elements in document order, as the reader counts them (not old ones in change records)."""
    out = []
    for s in root.iter(SECTPR):
        if any(a.tag in _CHANGES for a in s.iterancestors()):
            continue
        out.append(s)
    return out


class FormatWriter:
    """Formatting edits of one package; ``mark(tag)`` makes a change record (id, author, date)."""

    def __init__(self, package: Package, track: bool, mark: Any, own_insertion: Any) -> None:
        self.package = package
        self.track = track
        self.mark = mark
        self.own_insertion = own_insertion
        self._sections: list[etree._Element] | None = None
        #: edits whose old value came from a style or the document defaults (not set on the element itself)
        self.inherited: set[FormatEdit] = set()

    # -- locating --------------------------------------------------------
    def _runs(self, edit: FormatEdit, split: bool) -> list[etree._Element] | None:
        para = self.package.paragraph(edit.paragraph)
        if para is None or para.source is None:
            return None
        text = para.text
        if not 0 <= edit.start < edit.end <= len(text):
            return None
        runs = ParagraphRuns(para.source)
        if runs.raw != para.raw:
            return None
        _, nmap = nfc_with_map(runs.raw)
        cols = list(range(len(text))) if nmap is None else nmap

        def raw_at(k: int) -> int:
            return cols[k] if k < len(text) else len(runs.raw)

        a, b = raw_at(edit.start), raw_at(edit.end)
        if not split:
            touched = [s.run for s in runs.segs if s.start < b and s.end > a]
        else:
            runs.split_at(b)
            runs.split_at(a)
            touched = runs.covering(a, b)
        for r in touched:
            if any(anc.tag in (DEL, MOVEFROM) for anc in r.iterancestors()):
                return None
        return touched

    def _section(self, edit: FormatEdit) -> etree._Element | None:
        if self._sections is None:
            self._sections = sections_of(self.package.root)
        if 0 <= edit.section < len(self._sections):
            return self._sections[edit.section]
        return None

    def can_apply(self, edit: FormatEdit) -> bool:
        if edit.scope == "run":
            return bool(self._runs(edit, split=False))
        if edit.scope == "paragraph":
            para = self.package.paragraph(edit.paragraph)
            return para is not None and para.source is not None
        return self._section(edit) is not None

    # -- writing ---------------------------------------------------------
    def apply(self, edits: list[FormatEdit]) -> list[FormatEdit]:
        done = []
        for edit in edits:
            if edit.scope == "run":
                runs = self._runs(edit, split=True)
                if not runs:
                    continue
                for r in runs:
                    if self._inherits_run(r, edit.props):
                        self.inherited.add(edit)
                    self._format_run(r, edit.props)
            elif edit.scope == "paragraph":
                para = self.package.paragraph(edit.paragraph)
                if para is None or para.source is None:
                    continue
                if self._inherits_paragraph(para.source, edit.props):
                    self.inherited.add(edit)
                self._format_paragraph(para.source, edit.props)
            else:
                sect = self._section(edit)
                if sect is None:
                    continue
                self._format_section(sect, edit.props)
            done.append(edit)
        return done

    @staticmethod
    def _inherits_run(run: etree._Element, props: tuple[tuple[str, Any], ...]) -> bool:
        """Does the run take one of ``props`` from a style (its own w:rPr does not set it)?"""
        rpr = run.find(RPR)
        for key, _ in props:
            tag = _RUN_TAGS[key]
            el = None if rpr is None else rpr.find(tag)
            if el is None or (key == "font" and el.get(W + "ascii") is None and el.get(W + "asciiTheme") is None):
                return True
        return False

    @staticmethod
    def _inherits_paragraph(p: etree._Element, props: tuple[tuple[str, Any], ...]) -> bool:
        ppr = p.find(PPR)
        for key, _ in props:
            tag, attr = _PAR_PLACES[key]
            el = None if ppr is None else ppr.find(tag)
            if el is None or (attr is not None and el.get(W + attr) is None):
                return True
        return False

    def _format_run(self, run: etree._Element, props: tuple[tuple[str, Any], ...]) -> None:
        rpr = run.find(RPR)
        if rpr is None:
            rpr = etree.Element(RPR)
            run.insert(0, rpr)
        tracked = self.track and not self.own_insertion(run.getparent())
        if tracked and rpr.find(RPR_CHANGE) is None:
            change = self.mark(RPR_CHANGE)
            old = etree.SubElement(change, RPR)
            for c in rpr:
                if c.tag != RPR_CHANGE:
                    old.append(copy.deepcopy(c))
            rpr.append(change)
        for key, value in props:
            if key == "size":
                half = str(int(round(float(value) * 2)))
                _child(rpr, W + "sz", RPR_ORDER).set(W + "val", half)
                _child(rpr, W + "szCs", RPR_ORDER).set(W + "val", half)
            elif key == "font":
                fonts = _child(rpr, W + "rFonts", RPR_ORDER)
                for attr in ("asciiTheme", "hAnsiTheme", "cstheme"):
                    fonts.attrib.pop(W + attr, None)
                for attr in ("ascii", "hAnsi", "cs"):
                    fonts.set(W + attr, str(value))
            elif key in ("bold", "italic", "caps"):
                _set_toggle(rpr, W + {"bold": "b", "italic": "i", "caps": "caps"}[key], bool(value))
            elif key == "underline":
                _child(rpr, W + "u", RPR_ORDER).set(W + "val", "single" if value else "none")
            else:
                raise ValueError(f"unknown run property {key!r}")

    def _format_paragraph(self, p: etree._Element, props: tuple[tuple[str, Any], ...]) -> None:
        ppr = p.find(PPR)
        if ppr is None:
            ppr = etree.Element(PPR)
            p.insert(0, ppr)
        if self.track and ppr.find(PPR_CHANGE) is None:
            change = self.mark(PPR_CHANGE)
            old = etree.SubElement(change, PPR)
            for c in ppr:
                if c.tag not in _NOT_IN_OLD_PPR:
                    old.append(copy.deepcopy(c))
            ppr.append(change)
        for key, value in props:
            if key == "jc":
                _child(ppr, W + "jc", PPR_ORDER).set(W + "val", str(value))
            elif key == "first_line":
                ind = _child(ppr, W + "ind", PPR_ORDER)
                for attr in ("hanging", "hangingChars", "firstLineChars", "firstLine"):
                    ind.attrib.pop(W + attr, None)
                # relative to the paragraph's left indent: below it is a hanging indent
                ind.set(W + ("firstLine" if value >= 0 else "hanging"), str(abs(int(value))))
            elif key in ("before", "after"):
                spacing = _child(ppr, W + "spacing", PPR_ORDER)
                for attr in (key + "Autospacing", key + "Lines"):
                    spacing.attrib.pop(W + attr, None)
                spacing.set(W + key, str(int(value)))
            elif key == "line":
                _child(ppr, W + "spacing", PPR_ORDER).set(W + "line", str(int(value)))
            elif key == "line_rule":
                _child(ppr, W + "spacing", PPR_ORDER).set(W + "lineRule", str(value))
            elif key == "contextual":
                el = _child(ppr, W + "contextualSpacing", PPR_ORDER)
                if value:
                    el.attrib.pop(W + "val", None)
                else:
                    el.set(W + "val", "0")
            else:
                raise ValueError(f"unknown paragraph property {key!r}")

    def _format_section(self, sect: etree._Element, props: tuple[tuple[str, Any], ...]) -> None:
        if self.track and sect.find(SECTPR_CHANGE) is None:
            change = self.mark(SECTPR_CHANGE)
            old = etree.SubElement(change, SECTPR)
            for k, v in sect.attrib.items():
                old.set(k, v)
            for c in sect:
                if c.tag not in _HDR_FTR and c.tag != SECTPR_CHANGE and isinstance(c.tag, str):
                    old.append(copy.deepcopy(c))
            sect.append(change)
        for key, value in props:
            if key in ("width", "height"):
                _child(sect, W + "pgSz", SECTPR_ORDER).set(W + key[0], str(int(value)))
            elif key == "orient":
                sz = _child(sect, W + "pgSz", SECTPR_ORDER)
                if value == "portrait":
                    sz.attrib.pop(W + "orient", None)
                else:
                    sz.set(W + "orient", str(value))
            elif key in ("top", "bottom", "left", "right"):
                mar = sect.find(W + "pgMar")
                if mar is None:
                    mar = _child(sect, W + "pgMar", SECTPR_ORDER)
                    for attr, v in (("top", 1134), ("right", 850), ("bottom", 1134), ("left", 1701),
                                    ("header", 720), ("footer", 720), ("gutter", 0)):
                        mar.set(W + attr, str(v))
                mar.set(W + key, str(int(value)))
            else:
                raise ValueError(f"unknown section property {key!r}")
