"""Font names of a ``.docx``, read cheaply and only when asked (for the legacy-font check).

The body reader does not resolve fonts (that is the formatting reader's job,
``styles.py``).  The legacy-encoding rule only needs to know whether a run is
set in a pre-Unicode Vietnamese font (``.VnTime``, ``.VnTimeH``, ``VNI-Times``),
so this module reads ``word/fontTable.xml`` (small) first and, only when it
names such a font, the run's own ``w:rFonts`` and the paragraph styles and
document defaults of ``word/styles.xml``.  Results are cached on the Document.
"""

from __future__ import annotations

import re
from typing import Any

from .package import W, read_part, safe_xml
from .model import Document, Paragraph, RunSpan

__all__ = ["is_legacy_font", "declared_fonts", "legacy_fonts_declared", "run_font"]

_SUBSET = re.compile(r"^[A-Z]{6}\+")  # PDF-style subset tag: ABCDEF+.VnTime
RFONTS, RPR, PPR, PSTYLE, RSTYLE = W + "rFonts", W + "rPr", W + "pPr", W + "pStyle", W + "rStyle"


def is_legacy_font(name: str | None) -> bool:
    """A TCVN3 (``.Vn…``) or VNI (``VNI-…``) font name."""
    if not name or ("vn" not in name and "VN" not in name and "Vn" not in name and "vN" not in name):
        return False
    n = _SUBSET.sub("", name.strip()).lower()
    return n.startswith(".vn") or n.startswith("vni-") or n.startswith("vni ") or n == "vni"


def _fonts_of(rfonts: Any) -> str | None:
    """The font Word draws Vietnamese (Latin) letters in: ``w:hAnsi``, else ``w:ascii``.

    ``w:eastAsia`` and ``w:cs`` serve other scripts and are ignored; a theme
    font (``w:hAnsiTheme``) wins over a named one and is never a legacy font.
    """
    if rfonts is None:
        return None
    if rfonts.get(W + "hAnsiTheme") or rfonts.get(W + "asciiTheme"):
        return "(theme)"
    return rfonts.get(W + "hAnsi") or rfonts.get(W + "ascii")


def declared_fonts(doc: Document) -> list[str]:
    """The names in ``word/fontTable.xml`` (empty for other documents)."""
    cached = doc.meta.get("_fonts_declared")
    if cached is not None:
        return cached
    names: list[str] = list(doc.fonts_declared)
    zf = doc.meta.get("zip")
    if not names and zf is not None:
        try:
            blob = read_part(zf, "word/fontTable.xml")
            if blob:
                root = safe_xml(blob, "word/fontTable.xml")
                names = [f.get(W + "name") for f in root.iter(W + "font") if f.get(W + "name")]
        except Exception:  # noqa: BLE001 - a damaged optional part only means "unknown"
            names = []
    doc.meta["_fonts_declared"] = names
    return names


#: ``".vn`` or ``"vni`` in any (ASCII) case: what ``blob.lower()`` would find, without copying the part
_LEGACY_MENTION = re.compile(rb'"(?:\.vn|vni)', re.IGNORECASE)


def _mentions_legacy(blob: bytes | None) -> bool:
    if not blob:
        return False
    return _LEGACY_MENTION.search(blob) is not None


#: (part, CRC-32, sizes) -> whether it mentions a legacy font: documents made
#: from one template share their font table and styles, so a batch inflates them once
_MENTIONS: dict[tuple[Any, ...], bool] = {}
_MENTIONS_MAX = 256


def _part_mentions_legacy(zf: Any, name: str) -> bool:
    try:
        info = zf.getinfo(name)
    except KeyError:
        return False  # no such part: nothing to read
    if info.flag_bits & 0x1:
        return _mentions_legacy(read_part(zf, name))  # encrypted: read_part refuses it
    key = (name, info.CRC, info.file_size, info.compress_size, info.compress_type)
    hit = _MENTIONS.get(key)
    if hit is None:
        hit = _mentions_legacy(read_part(zf, name))
        if len(_MENTIONS) >= _MENTIONS_MAX:
            _MENTIONS.clear()
        _MENTIONS[key] = hit
    return hit


def legacy_fonts_declared(doc: Document) -> list[str]:
    """Legacy font names the package mentions (font table, styles, or runs); cheap.

    Word lists every font it uses in the font table, but other writers do not,
    so the font table and the styles are searched as bytes (parsed only later,
    if needed), and the ``w:rFonts`` of the already parsed body are looked at.
    """
    cached = doc.meta.get("_legacy_fonts")
    if cached is not None:
        return cached
    found: list[str] = [n for n in doc.fonts_declared if is_legacy_font(n)]
    zf = doc.meta.get("zip")
    if not found and zf is not None:
        for part in ("word/fontTable.xml", "word/styles.xml"):
            try:
                if _part_mentions_legacy(zf, part):
                    found.append(part)
                    break
            except Exception:  # noqa: BLE001 - a damaged optional part only means "unknown"
                continue
    root = doc.meta.get("document_xml")
    if not found and root is not None:
        for rf in root.iter(RFONTS):
            name = _fonts_of(rf)
            if is_legacy_font(name):
                found.append(name)  # type: ignore[arg-type]
                break
    doc.meta["_legacy_fonts"] = found
    return found


def _style_fonts(doc: Document) -> tuple[str | None, dict[str, str | None]]:
    """(document default font, style id -> effective font) from ``word/styles.xml``."""
    cached = doc.meta.get("_style_fonts")
    if cached is not None:
        return cached
    default: str | None = None
    resolved: dict[str, str | None] = {}
    zf = doc.meta.get("zip")
    try:
        blob = read_part(zf, "word/styles.xml") if zf is not None else None
        root = safe_xml(blob, "word/styles.xml") if blob else None
    except Exception:  # noqa: BLE001
        root = None
    if root is not None:
        dd = root.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{RFONTS}")
        default = _fonts_of(dd)
        own: dict[str, tuple[str | None, str | None]] = {}
        for st in root.iter(W + "style"):
            sid = st.get(W + "styleId")
            if not sid:
                continue
            based = st.find(W + "basedOn")
            own[sid] = (_fonts_of(st.find(f"{RPR}/{RFONTS}")), based.get(W + "val") if based is not None else None)
        for sid in own:
            font, seen, cur = None, set(), sid
            while cur in own and cur not in seen:
                seen.add(cur)
                font, parent = own[cur]
                if font:
                    break
                cur = parent
            resolved[sid] = font
    doc.meta["_style_fonts"] = (default, resolved)
    return default, resolved


def run_font(doc: Document, para: Paragraph, run: RunSpan) -> str | None:
    """The font a run's Vietnamese letters are drawn in: its own, its character style's,
    its paragraph style's, the document default (``w:hAnsi``/``w:ascii`` only)."""
    el = run.source
    rpr = el.find(RPR) if el is not None and hasattr(el, "find") else None
    font = _fonts_of(rpr.find(RFONTS)) if rpr is not None else None
    if font:
        return font
    default, styles = _style_fonts(doc)
    if rpr is not None:
        rs = rpr.find(RSTYLE)
        if rs is not None and styles.get(rs.get(W + "val") or ""):
            return styles[rs.get(W + "val")]
    if para.style and styles.get(para.style):
        return styles[para.style]
    if para.style is None and styles.get("Normal"):
        return styles["Normal"]
    return default
