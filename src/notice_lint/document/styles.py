"""Formatting of runs and paragraphs read from a ``.docx``.

This first version reads *direct* formatting (``w:rPr`` of each run and the
paragraph's ``w:pPr``).  Effective formatting through docDefaults, the style
chain and the theme is layered on top by the formatting rules' reader.
"""

from __future__ import annotations

from typing import Any

from .model import Document, RunProps, RunSpan

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
VAL = W + "val"

__all__ = ["apply_styles", "direct_run_props"]


def _on(el: Any) -> bool | None:
    if el is None:
        return None
    return el.get(VAL, "true") not in ("0", "false", "off", "none")


def direct_run_props(rpr: Any) -> RunProps:
    if rpr is None:
        return RunProps()
    fonts = rpr.find(W + "rFonts")
    font = None
    if fonts is not None:
        font = fonts.get(W + "ascii") or fonts.get(W + "hAnsi") or fonts.get(W + "cs")
    sz = rpr.find(W + "sz")
    size = None
    if sz is not None:
        try:
            size = int(sz.get(VAL)) / 2
        except (TypeError, ValueError):
            size = None
    u = rpr.find(W + "u")
    return RunProps(
        font=font,
        size=size,
        bold=_on(rpr.find(W + "b")),
        italic=_on(rpr.find(W + "i")),
        caps=_on(rpr.find(W + "caps")),
        underline=None if u is None else u.get(VAL, "single") != "none",
    )


def apply_styles(doc: Document, zf: Any) -> None:
    for para in doc.paragraphs:
        runs: list[RunSpan] = []
        for run in para.runs:
            r = run.source
            props = direct_run_props(r.find(W + "rPr")) if r is not None else RunProps()
            runs.append(RunSpan(run.start, run.end, props, run.style, run.source))
        para.runs = runs
