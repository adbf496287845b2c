"""Render the labels Word draws for automatic numbering (``w:numPr``).

Reads ``numbering.xml`` (abstract numberings, ``w:num`` instances with
``w:lvlOverride``/``w:startOverride``) and the numbering of paragraph styles in
``styles.xml`` (through their ``basedOn`` chain), then counts paragraphs the
way Word does: a level's counter advances at each paragraph of that level and
restarts when a higher level advances.
"""

from __future__ import annotations

from typing import Any, Callable

from .model import Record

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = "{%s}" % W_NS
VAL = W + "val"

__all__ = ["Numbering", "LazyNumbering", "format_number", "to_roman", "MAX_LIST_VALUE", "MAX_LABEL_CHARS", "MAX_STYLE_CHAIN"]

#: the largest list value Word accepts (``w:start``, ``w:startOverride``); a larger value in a
#: document (or a counter run past it) is clamped, so a label never grows without bound
MAX_LIST_VALUE = 32767
#: the longest label text kept (``w:lvlText``, and the label it renders); Word's own dialog
#: takes far less
MAX_LABEL_CHARS = 255
#: ``w:basedOn`` links followed from a style (the style resolver stops there too)
MAX_STYLE_CHAIN = 32


def _clamp(n: int) -> int:
    return min(max(n, 0), MAX_LIST_VALUE)


def to_roman(n: int) -> str:
    if n <= 0 or n >= 4000:
        return str(n)
    out = []
    for value, sym in (
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ):
        while n >= value:
            out.append(sym)
            n -= value
    return "".join(out)


def _letters(n: int) -> str:
    # Word: a..z, then aa..zz, aaa..
    if n <= 0:
        return str(n)
    letter = "abcdefghijklmnopqrstuvwxyz"[(n - 1) % 26]
    return letter * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    n = _clamp(n)
    if fmt in ("decimal", "decimalEnclosedCircle", "ordinal", "cardinalText", "ordinalText"):
        return str(n)
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "upperRoman":
        return to_roman(n)
    if fmt == "lowerRoman":
        return to_roman(n).lower()
    if fmt == "upperLetter":
        return _letters(n).upper()
    if fmt == "lowerLetter":
        return _letters(n)
    if fmt == "none":
        return ""
    return str(n)


def _bullet(text: str) -> str:
    out = []
    for ch in text:
        code = ord(ch)
        if 0xF000 <= code <= 0xF0FF:  # Symbol / Wingdings private-use range
            ch = chr(code - 0xF000)
        out.append(ch)
    s = "".join(out).strip()
    if not s:
        return ""
    if s in ("-", "–", "—", "‒", "−"):
        return "-"
    if s == "+":
        return "+"
    if s == "*":
        return "*"
    return "•"


class _Level(Record):
    __slots__ = ("start", "fmt", "text", "legal", "indent")
    _fields = __slots__

    def __init__(
        self, start: int = 1, fmt: str = "decimal", text: str = "%1.", legal: bool = False,
        indent: tuple[tuple[str, int], ...] = (),
    ) -> None:
        self.start = start
        self.fmt = fmt
        self.text = text
        self.legal = legal
        self.indent = indent  # the level's w:pPr/w:ind: (("left", twips), ("first", twips)), as far as set


class _Num(Record):
    __slots__ = ("abstract", "levels", "overrides", "key")
    _fields = __slots__

    def __init__(
        self, abstract: str, levels: dict[int, _Level], overrides: dict[int, int] | None = None, key: str = ""
    ) -> None:
        self.abstract = abstract
        self.levels = levels
        self.overrides = {} if overrides is None else overrides  # ilvl -> startOverride
        self.key = key


class Numbering:
    def __init__(self) -> None:
        self.abstract: dict[str, dict[int, _Level]] = {}
        self.nums: dict[str, _Num] = {}
        self.style_num: dict[str, tuple[str, int]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self.started: set[str] = set()
        #: numbered paragraph (its w:p) -> the indent its numbering level sets (see _Level.indent)
        self.indents: dict[Any, tuple[tuple[str, int], ...]] = {}
        # styles.xml is parsed only when a paragraph with a style asks for a
        # label: Word's styles part is often larger than the document itself
        self._styles_source: Callable[[], Any] | None = None

    @classmethod
    def load(
        cls,
        zf: Any,
        read_part: Callable[..., bytes | None],
        safe_xml: Callable[[bytes, str], Any],
        styles_only_if_used: Any = None,
    ) -> "Numbering | None":
        blob = read_part(zf, "word/numbering.xml")
        if blob is None:
            return None
        self = cls()
        root = safe_xml(blob, "word/numbering.xml")
        for an in root.iter(W + "abstractNum"):
            aid = an.get(W + "abstractNumId")
            levels: dict[int, _Level] = {}
            for lvl in an.iter(W + "lvl"):
                levels[_int(lvl.get(W + "ilvl"), 0)] = _parse_level(lvl)
            self.abstract[aid] = levels
            link = an.find(W + "numStyleLink")
            if link is not None:
                self.abstract[aid] = levels  # resolved lazily below if empty
        for num in root.iter(W + "num"):
            nid = num.get(W + "numId")
            aref = num.find(W + "abstractNumId")
            if nid is None or aref is None:
                continue
            aid = aref.get(VAL)
            levels = dict(self.abstract.get(aid, {}))
            overrides: dict[int, int] = {}
            for ov in num.iter(W + "lvlOverride"):
                ilvl = _int(ov.get(W + "ilvl"), 0)
                so = ov.find(W + "startOverride")
                if so is not None:
                    try:
                        overrides[ilvl] = _clamp(int(so.get(VAL, "1")))
                    except ValueError:
                        pass
                lvl = ov.find(W + "lvl")
                if lvl is not None:
                    levels[ilvl] = _parse_level(lvl)
            key = f"n{nid}" if overrides or len(levels) != len(self.abstract.get(aid, {})) else f"a{aid}"
            self.nums[nid] = _Num(aid, levels, overrides, key)

        def styles() -> Any:
            sblob = read_part(zf, "word/styles.xml")
            return safe_xml(sblob, "word/styles.xml") if sblob is not None else None

        self._styles_source = styles
        return self

    def _ensure_styles(self) -> None:
        source, self._styles_source = self._styles_source, None
        if source is not None:
            root = source()
            if root is not None:
                self._load_styles(root)

    def _load_styles(self, root: Any) -> None:
        direct: dict[str, tuple[str | None, int | None]] = {}
        based: dict[str, str] = {}
        for st in root.iter(W + "style"):
            if st.get(W + "type") != "paragraph":
                continue
            sid = st.get(W + "styleId")
            b = st.find(W + "basedOn")
            if b is not None:
                based[sid] = b.get(VAL)
            numpr = st.find(f"{W}pPr/{W}numPr")
            if numpr is not None:
                nid = numpr.find(W + "numId")
                il = numpr.find(W + "ilvl")
                direct[sid] = (
                    nid.get(VAL) if nid is not None else None,
                    _int(il.get(VAL), 0) if il is not None else None,
                )
        for sid in set(direct) | set(based):
            cur, seen = sid, set()
            nid, ilvl = None, None
            while cur and cur not in seen and len(seen) <= MAX_STYLE_CHAIN:
                seen.add(cur)
                d = direct.get(cur)
                if d:
                    nid = nid or d[0]
                    ilvl = ilvl if ilvl is not None else d[1]
                cur = based.get(cur)
            if nid:
                self.style_num[sid] = (nid, ilvl or 0)

    def label_for(self, p: Any, style: str | None, numpr: Any = False) -> str | None:
        """The visible label of paragraph ``p`` (``numpr``: its w:numPr when the caller has it)."""
        if numpr is False:
            ppr = p.find(W + "pPr")
            numpr = ppr.find(W + "numPr") if ppr is not None else None
        nid: str | None = None
        ilvl: int | None = None
        if numpr is not None:
            n = numpr.find(W + "numId")
            i = numpr.find(W + "ilvl")
            nid = n.get(VAL) if n is not None else None
            if i is not None:
                try:
                    ilvl = int(i.get(VAL, "0"))
                except ValueError:
                    ilvl = 0
        if style and self._styles_source is not None:
            self._ensure_styles()
        if style and style in self.style_num:
            snid, silvl = self.style_num[style]
            nid = nid or snid
            ilvl = silvl if ilvl is None else ilvl
        if not nid or nid == "0":
            return None
        num = self.nums.get(nid)
        if num is None:
            return None
        ilvl = ilvl or 0
        level = num.levels.get(ilvl)
        if level is None:
            return None
        if level.indent:
            self.indents[p] = level.indent
        counters = self.counters.setdefault(num.key, {})
        if num.key not in self.started:
            self.started.add(num.key)
            for lv, start in num.overrides.items():
                counters[lv] = start - 1
        counters[ilvl] = counters.get(ilvl, level.start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        if level.fmt == "bullet":
            return _bullet(level.text) or None
        text = level.text
        for lv in range(0, 9):
            ph = f"%{lv + 1}"
            if ph not in text:
                continue
            lvl_def = num.levels.get(lv, _Level())
            value = counters.get(lv, lvl_def.start)
            fmt = "decimal" if level.legal and lv != ilvl else lvl_def.fmt
            text = text.replace(ph, format_number(value, fmt))[:MAX_LABEL_CHARS]
        return text.strip() or None


def _int(value: Any, default: int) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def _parse_level(lvl: Any) -> _Level:
    out = _Level()
    st = lvl.find(W + "start")
    if st is not None:
        try:
            out.start = _clamp(int(st.get(VAL, "1")))
        except ValueError:
            pass
    fmt = lvl.find(W + "numFmt")
    if fmt is not None:
        out.fmt = fmt.get(VAL, "decimal")
    txt = lvl.find(W + "lvlText")
    if txt is not None:
        out.text = txt.get(VAL, "")[:MAX_LABEL_CHARS]
    out.legal = lvl.find(W + "isLgl") is not None
    ind = lvl.find(f"{W}pPr/{W}ind")
    if ind is not None:
        indent = []
        left = ind.get(W + "left") or ind.get(W + "start")
        hanging, first = ind.get(W + "hanging"), ind.get(W + "firstLine")
        if left is not None:
            indent.append(("left", _int(left, 0)))
        if hanging is not None:
            indent.append(("first", -_int(hanging, 0)))
        elif first is not None:
            indent.append(("first", _int(first, 0)))
        out.indent = tuple(indent)
    return out


class LazyNumbering:
    """A :class:`Numbering` loaded when the first label is asked for."""

    def __init__(self, load: Callable[[], "Numbering | None"]) -> None:
        self._load: Callable[[], Numbering | None] | None = load
        self._numbering: Numbering | None = None

    def label_for(self, p: Any, style: str | None, numpr: Any = False) -> str | None:
        if self._load is not None:
            load, self._load = self._load, None
            self._numbering = load()
        if self._numbering is None:
            return None
        return self._numbering.label_for(p, style, numpr)

    @property
    def indents(self) -> dict[Any, tuple[tuple[str, int], ...]]:
        """The numbered paragraphs' level indents (empty when nothing was numbered)."""
        return {} if self._numbering is None else self._numbering.indents
