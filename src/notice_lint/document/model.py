"""The document model every reader produces and every later stage reads.

Offsets are offsets into ``Paragraph.text`` (NFC).  ``Paragraph.index`` is the
1-based number a user sees as the "line" of a finding: the paragraph number in
a ``.docx`` (every paragraph in document order, table cells included), the
physical line in a text file.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

__all__ = [
    "Record",
    "FrozenRecord",
    "RunProps",
    "RunSpan",
    "Cell",
    "PageSetup",
    "Paragraph",
    "Document",
    "nfc_with_map",
]


# The model types are written out by hand (``__slots__``, ``__init__``,
# ``__repr__``, ``__eq__``) with exactly what ``@dataclass(slots=True)``
# would generate: a dataclass is built with ``exec`` when the module is
# imported, and every run of the linter imports this one.


def _values(obj: Any, names: tuple[str, ...]) -> tuple[Any, ...]:
    return tuple([getattr(obj, n) for n in names])


def _repr(obj: Any, names: tuple[str, ...]) -> str:
    return f"{type(obj).__qualname__}({', '.join(f'{n}={getattr(obj, n)!r}' for n in names)})"


class Record:
    """Base of hand-written value types: ``__eq__`` and ``__repr__`` over ``_fields``, as a dataclass has.

    A subclass lists its fields in ``_fields`` and writes its ``__init__``;
    like a non-frozen dataclass, it is unhashable.
    """

    __slots__ = ()
    _fields: tuple[str, ...] = ()
    __hash__ = None  # type: ignore[assignment]

    def __eq__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            return _values(self, self._fields) == _values(other, self._fields)
        return NotImplemented

    def __repr__(self) -> str:
        return _repr(self, self._fields)


def _frozen(obj: Any, name: str) -> None:
    from dataclasses import FrozenInstanceError

    raise FrozenInstanceError(f"cannot assign to field {name!r}")


class FrozenRecord(Record):
    """A :class:`Record` that is read-only once built, and hashable (a frozen dataclass).

    ``__init__`` sets the fields with ``object.__setattr__``; a subclass may
    write a faster ``_key`` (its field values in ``_fields`` order).
    """

    __slots__ = ()

    def _key(self) -> tuple[Any, ...]:
        return _values(self, self._fields)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            return self._key() == other._key()  # type: ignore[attr-defined]
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._key())

    def __setattr__(self, name: str, value: Any) -> None:
        _frozen(self, name)

    def __delattr__(self, name: str) -> None:
        _frozen(self, name)

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), self._key())  # __init__ takes the fields in order


class RunProps(FrozenRecord):
    """Effective character formatting of a run (None = unknown / not read)."""

    __slots__ = ("font", "size", "bold", "italic", "caps", "underline")
    _fields = __match_args__ = __slots__

    font: str | None
    size: float | None  # points
    bold: bool | None
    italic: bool | None
    caps: bool | None
    underline: bool | None

    def __init__(
        self,
        font: str | None = None,
        size: float | None = None,
        bold: bool | None = None,
        italic: bool | None = None,
        caps: bool | None = None,
        underline: bool | None = None,
    ) -> None:
        put = object.__setattr__
        put(self, "font", font)
        put(self, "size", size)
        put(self, "bold", bold)
        put(self, "italic", italic)
        put(self, "caps", caps)
        put(self, "underline", underline)

    def _key(self) -> tuple[Any, ...]:
        return (self.font, self.size, self.bold, self.italic, self.caps, self.underline)


class RunSpan:
    """A run of text with one formatting: ``text[start:end]``."""

    __slots__ = ("start", "end", "props", "style", "source")
    __match_args__ = __slots__
    __hash__ = None  # type: ignore[assignment]

    style: str | None  # character style id (docx)
    source: Any  # reader-specific handle (e.g. the w:r element)

    def __init__(self, start: int, end: int, props: RunProps, style: str | None = None, source: Any = None) -> None:
        self.start = start
        self.end = end
        self.props = props
        self.style = style
        self.source = source

    def __eq__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            return (self.start, self.end, self.props, self.style, self.source) == (
                other.start, other.end, other.props, other.style, other.source  # type: ignore[attr-defined]
            )
        return NotImplemented

    def __repr__(self) -> str:
        return _repr(self, self.__slots__)


class Cell(FrozenRecord):
    """Where a paragraph sits in a table (0-based), ``depth`` 1 = top table."""

    __slots__ = ("table", "row", "col", "depth", "ncols")
    _fields = __match_args__ = __slots__

    table: int
    row: int
    col: int
    depth: int
    ncols: int  # cells in this row

    def __init__(self, table: int, row: int, col: int, depth: int = 1, ncols: int = 1) -> None:
        put = object.__setattr__
        put(self, "table", table)
        put(self, "row", row)
        put(self, "col", col)
        put(self, "depth", depth)
        put(self, "ncols", ncols)

    def _key(self) -> tuple[int, ...]:
        return (self.table, self.row, self.col, self.depth, self.ncols)

    @property
    def side(self) -> str:
        """Where the cell sits on the page: "left", "right" or "full"."""
        if self.ncols < 2:
            return "full"
        if self.col == 0:
            return "left"
        return "right" if self.col == self.ncols - 1 else "middle"


class PageSetup:
    """Page setup of a section, in millimetres (None = not set)."""

    __slots__ = ("width_mm", "height_mm", "orientation", "top_mm", "bottom_mm", "left_mm", "right_mm")
    __match_args__ = __slots__
    __hash__ = None  # type: ignore[assignment]

    orientation: str | None  # "portrait" / "landscape"

    def __init__(
        self,
        width_mm: float | None = None,
        height_mm: float | None = None,
        orientation: str | None = None,
        top_mm: float | None = None,
        bottom_mm: float | None = None,
        left_mm: float | None = None,
        right_mm: float | None = None,
    ) -> None:
        self.width_mm = width_mm
        self.height_mm = height_mm
        self.orientation = orientation
        self.top_mm = top_mm
        self.bottom_mm = bottom_mm
        self.left_mm = left_mm
        self.right_mm = right_mm

    def __eq__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            return _values(self, self.__slots__) == _values(other, self.__slots__)
        return NotImplemented

    def __repr__(self) -> str:
        return _repr(self, self.__slots__)


_PARAGRAPH_FIELDS = (
    "index", "text", "raw", "label", "cell", "runs", "style", "alignment", "indent_first_mm", "indent_left_mm",
    "space_before_pt", "space_after_pt", "line_spacing", "line", "col_map", "source", "in_textbox", "page_section",
    "_columns",
)


class Paragraph:
    """One paragraph (docx) or one physical line (text)."""

    __slots__ = _PARAGRAPH_FIELDS
    __match_args__ = _PARAGRAPH_FIELDS
    __hash__ = None  # type: ignore[assignment]

    label: str | None  # visible automatic-numbering label, not in text
    style: str | None  # paragraph style id (docx)
    alignment: str | None  # left/center/right/both
    line_spacing: tuple[str, float] | None  # ("auto", 1.15) / ("exact", 18.0) / ("atLeast", 18.0)
    line: int  # source line (text files); for docx equals index
    col_map: list[int] | None  # text offset -> 0-based source column; None = identity
    source: Any  # reader-specific handle (e.g. the w:p element)

    def __init__(
        self,
        index: int,
        text: str,
        raw: str = "",
        label: str | None = None,
        cell: Cell | None = None,
        runs: list[RunSpan] | None = None,
        style: str | None = None,
        alignment: str | None = None,
        indent_first_mm: float | None = None,  # where the first line starts, from the margin (left + first)
        indent_left_mm: float | None = None,
        space_before_pt: float | None = None,
        space_after_pt: float | None = None,
        line_spacing: tuple[str, float] | None = None,
        line: int = 0,
        col_map: list[int] | None = None,
        source: Any = None,
        in_textbox: bool = False,
        page_section: int = 0,
        _columns: list[tuple[int, int]] | None = None,
    ) -> None:
        self.index = index
        self.text = text
        self.raw = raw or text
        self.label = label
        self.cell = cell
        self.runs = [] if runs is None else runs
        self.style = style
        self.alignment = alignment
        self.indent_first_mm = indent_first_mm
        self.indent_left_mm = indent_left_mm
        self.space_before_pt = space_before_pt
        self.space_after_pt = space_after_pt
        self.line_spacing = line_spacing
        self.line = line or index
        self.col_map = col_map
        self.source = source
        self.in_textbox = in_textbox
        self.page_section = page_section
        self._columns = _columns

    def __eq__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            return _values(self, _PARAGRAPH_FIELDS) == _values(other, _PARAGRAPH_FIELDS)
        return NotImplemented

    def __repr__(self) -> str:
        return _repr(self, _PARAGRAPH_FIELDS[:-1])

    def column(self, offset: int) -> int:
        """1-based source column of a text offset."""
        if self.col_map is None:
            return offset + 1
        if not self.col_map:
            return 1
        if offset >= len(self.col_map):
            return self.col_map[-1] + 1 + (offset - len(self.col_map) + 1)
        return self.col_map[offset] + 1

    @property
    def columns(self) -> list[tuple[int, int]]:
        """Spans of the visual columns of this paragraph.

        A PDF export or a hand-typed header lays two columns out on one line
        with a run of three or more spaces or one or more tabs; each column is
        returned as ``(start, end)`` into ``text``, stripped (shared: do not change it).
        """
        if self._columns is None:
            self._columns = split_columns(self.text)
        return self._columns

    @property
    def single_column(self) -> bool:
        """``len(self.columns) <= 1``, without splitting a line that has no gap at all."""
        if self._columns is None:
            text = self.text
            if "\t" not in text and "  " not in text and "\u00a0" not in text:
                return True
        return len(self.columns) <= 1

    def as_dict(self) -> dict[str, Any]:
        return {"index": self.index, "text": self.text, "label": self.label, "cell": self.cell}


_COLUMN_GAP = re.compile(r"[ \u00a0]{3,}|[ \u00a0]*\t[\t \u00a0]*")


_SPACES = re.compile(r"[ \u00a0]+")


def justified_line(text: str) -> bool:
    """Is ``text`` one justified line of a PDF export (``Kính   gửi:   Ủy   ban  nhân  dân``)?

    ``pdftotext -layout`` widens every space of a justified line alike: the gaps between its
    words are 1–6 spaces, at least half of them 2 or more.  The gap between two columns is one
    wide gap among single spaces (``Nơi nhận:   PHÓ GIÁM ĐỐC``).
    """
    gaps = [len(g) for g in _SPACES.findall(text.strip())]
    return len(gaps) >= 3 and max(gaps) <= 6 and 2 * sum(g >= 2 for g in gaps) >= len(gaps)


def split_columns(text: str) -> list[tuple[int, int]]:
    """Split a line into column spans at runs of 3+ spaces or tabs.

    A run of spaces that is a draft's blank field (``Số:      /TB-SCT``,
    ``ngày      tháng``) is not a column gap: a gap followed by ``/`` or by
    ``tháng``/``năm`` (the date fields) does not split.  Nor is a justified line of a PDF
    export, whose gaps are all widened alike (:func:`justified_line`).
    """
    if "\t" not in text and "  " not in text and "\u00a0" not in text:  # no gap possible: one column
        ls = len(text) - len(text.lstrip())
        rs = len(text.rstrip())
        return _one_span(ls, rs) if rs > ls else []
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _COLUMN_GAP.finditer(text):
        after = text[m.end() : m.end() + 5]
        before = text[max(0, m.start() - 5) : m.start()]
        if after.startswith(("/", "tháng", "năm", "-")) or before.endswith(("ngày", "Số:", "Số", "tháng")):
            continue
        if m.start() > start:
            spans.append((start, m.start()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    if len(spans) > 1 and "\t" not in text and justified_line(text):
        spans = [(0, len(text))]
    out = []
    for s, e in spans:
        seg = text[s:e]
        ls = len(seg) - len(seg.lstrip())
        rs = len(seg.rstrip())
        if rs > ls:
            out.append((s + ls, s + rs))
    if len(out) == 1:
        return _one_span(*out[0])
    return out


#: (start, end) -> the one list ``[(start, end)]`` every one-column line with that span shares:
#: a long document holds its paragraphs' columns, most of them one span (~140 bytes each)
_ONE_SPAN: dict[tuple[int, int], list[tuple[int, int]]] = {}


def _one_span(start: int, end: int) -> list[tuple[int, int]]:
    key = (start, end)
    hit = _ONE_SPAN.get(key)
    if hit is None:
        if len(_ONE_SPAN) >= 4096:
            _ONE_SPAN.clear()
        hit = _ONE_SPAN[key] = [key]
    return hit


_DOCUMENT_FIELDS = ("path", "kind", "paragraphs", "page", "sections", "fonts_declared", "comments", "meta", "source")


class Document:
    """A read document: paragraphs in reading order plus what is known of it."""

    __slots__ = _DOCUMENT_FIELDS
    __match_args__ = _DOCUMENT_FIELDS
    __hash__ = None  # type: ignore[assignment]

    kind: str  # "docx" / "text" / "markdown"
    fonts_declared: list[str]  # fontTable names (docx)
    comments: list[dict[str, Any]]  # docx comments: id, text, anchors
    source: Any  # reader-specific handle (e.g. the zip bytes)

    def __init__(
        self,
        path: str,
        kind: str,
        paragraphs: list[Paragraph],
        page: PageSetup | None = None,
        sections: list[PageSetup] | None = None,
        fonts_declared: list[str] | None = None,
        comments: list[dict[str, Any]] | None = None,
        meta: dict[str, Any] | None = None,
        source: Any = None,
    ) -> None:
        self.path = path
        self.kind = kind
        self.paragraphs = paragraphs
        self.page = page
        self.sections = [] if sections is None else sections
        self.fonts_declared = [] if fonts_declared is None else fonts_declared
        self.comments = [] if comments is None else comments
        self.meta = {} if meta is None else meta
        self.source = source

    def __eq__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            return _values(self, _DOCUMENT_FIELDS) == _values(other, _DOCUMENT_FIELDS)
        return NotImplemented

    def __repr__(self) -> str:
        return _repr(self, _DOCUMENT_FIELDS)

    def paragraph(self, index: int) -> Paragraph:
        return self.paragraphs[index - 1]

    def layout_export(self) -> bool:
        """Is this text the ``pdftotext -layout`` export of a justified page?  Two or more of
        its lines have every gap widened alike (:func:`justified_line`): there any run of a
        few spaces between two words is the page's justification, not the drafter's typing."""
        found = self.meta.get("_layout_export")
        if found is None:
            found = False
            if self.kind != "docx":
                seen = 0
                for para in self.paragraphs:
                    text = para.text
                    if "  " in text and justified_line(text):
                        seen += 1
                        if seen >= 2:
                            found = True
                            break
            self.meta["_layout_export"] = found
        return found


def nfc_with_map(raw: str) -> tuple[str, list[int] | None]:
    """NFC-normalise ``raw``; return the text and an offset map to ``raw``.

    The map is None when normalisation changes nothing (the common case),
    otherwise ``map[i]`` is the offset in ``raw`` of NFC character ``i``.
    """
    text = unicodedata.normalize("NFC", raw)
    if text == raw:
        return text, None
    out_map: list[int] = []
    buf_start = 0
    i = 0
    n = len(raw)
    pieces: list[str] = []
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(raw[j]):
            j += 1
        piece = unicodedata.normalize("NFC", raw[i:j])
        pieces.append(piece)
        out_map.extend([i] * len(piece))
        i = j
    joined = "".join(pieces)
    if joined != text:  # exotic composition across clusters: fall back to start offsets
        return text, [min(k, n - 1) for k in range(len(text))] if n else []
    del buf_start
    return text, out_map
