"""The document model every reader produces and every later stage reads.

Offsets are offsets into ``Paragraph.text`` (NFC).  ``Paragraph.index`` is the
1-based number a user sees as the "line" of a finding: the paragraph number in
a ``.docx`` (every paragraph in document order, table cells included), the
physical line in a text file.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "RunProps",
    "RunSpan",
    "Cell",
    "PageSetup",
    "Paragraph",
    "Document",
    "nfc_with_map",
]


@dataclass(slots=True, frozen=True)
class RunProps:
    """Effective character formatting of a run (None = unknown / not read)."""

    font: str | None = None
    size: float | None = None  # points
    bold: bool | None = None
    italic: bool | None = None
    caps: bool | None = None
    underline: bool | None = None


@dataclass(slots=True)
class RunSpan:
    """A run of text with one formatting: ``text[start:end]``."""

    start: int
    end: int
    props: RunProps
    style: str | None = None  # character style id (docx)
    source: Any = None  # reader-specific handle (e.g. the w:r element)


@dataclass(slots=True, frozen=True)
class Cell:
    """Where a paragraph sits in a table (0-based), ``depth`` 1 = top table."""

    table: int
    row: int
    col: int
    depth: int = 1
    ncols: int = 1  # cells in this row

    @property
    def side(self) -> str:
        """Where the cell sits on the page: "left", "right" or "full"."""
        if self.ncols < 2:
            return "full"
        if self.col == 0:
            return "left"
        return "right" if self.col == self.ncols - 1 else "middle"


@dataclass(slots=True)
class PageSetup:
    """Page setup of a section, in millimetres (None = not set)."""

    width_mm: float | None = None
    height_mm: float | None = None
    orientation: str | None = None  # "portrait" / "landscape"
    top_mm: float | None = None
    bottom_mm: float | None = None
    left_mm: float | None = None
    right_mm: float | None = None


@dataclass(slots=True)
class Paragraph:
    """One paragraph (docx) or one physical line (text)."""

    index: int
    text: str
    raw: str = ""
    label: str | None = None  # visible automatic-numbering label, not in text
    cell: Cell | None = None
    runs: list[RunSpan] = field(default_factory=list)
    style: str | None = None  # paragraph style id (docx)
    alignment: str | None = None  # left/center/right/both
    indent_first_mm: float | None = None
    indent_left_mm: float | None = None
    space_before_pt: float | None = None
    space_after_pt: float | None = None
    line_spacing: tuple[str, float] | None = None  # ("auto", 1.15) / ("exact", 18.0) / ("atLeast", 18.0)
    line: int = 0  # source line (text files); for docx equals index
    col_map: list[int] | None = None  # text offset -> 0-based source column; None = identity
    source: Any = None  # reader-specific handle (e.g. the w:p element)
    in_textbox: bool = False
    page_section: int = 0
    _columns: list[tuple[int, int]] | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        if not self.raw:
            self.raw = self.text
        if not self.line:
            self.line = self.index

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
        returned as ``(start, end)`` into ``text``, stripped.
        """
        if self._columns is None:
            self._columns = split_columns(self.text)
        return self._columns

    def as_dict(self) -> dict[str, Any]:
        return {"index": self.index, "text": self.text, "label": self.label, "cell": self.cell}


_COLUMN_GAP = re.compile(r"[ \u00a0]{3,}|[ \u00a0]*\t[\t \u00a0]*")


def split_columns(text: str) -> list[tuple[int, int]]:
    """Split a line into column spans at runs of 3+ spaces or tabs.

    A run of spaces that is a draft's blank field (``Số:      /TB-SCT``,
    ``ngày      tháng``) is not a column gap: a gap followed by ``/`` or by
    ``tháng``/``năm`` (the date fields) does not split.
    """
    if "\t" not in text and "  " not in text and "\u00a0" not in text:  # no gap possible: one column
        ls = len(text) - len(text.lstrip())
        rs = len(text.rstrip())
        return [(ls, rs)] if rs > ls else []
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
    out = []
    for s, e in spans:
        seg = text[s:e]
        ls = len(seg) - len(seg.lstrip())
        rs = len(seg.rstrip())
        if rs > ls:
            out.append((s + ls, s + rs))
    return out


@dataclass(slots=True)
class Document:
    """A read document: paragraphs in reading order plus what is known of it."""

    path: str
    kind: str  # "docx" / "text" / "markdown"
    paragraphs: list[Paragraph]
    page: PageSetup | None = None
    sections: list[PageSetup] = field(default_factory=list)
    fonts_declared: list[str] = field(default_factory=list)  # fontTable names (docx)
    comments: list[dict[str, Any]] = field(default_factory=list)  # docx comments: id, text, anchors
    meta: dict[str, Any] = field(default_factory=dict)
    source: Any = None  # reader-specific handle (e.g. the zip bytes)

    def paragraph(self, index: int) -> Paragraph:
        return self.paragraphs[index - 1]


_COMBINING = re.compile(r"[\u0300-\u036f\u0323\u0309]")


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
